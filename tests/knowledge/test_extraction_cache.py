"""Each note's extraction is cached by engine, file name and text (knowledge/services.py and
ingest/fingerprint.py): re-ingesting a folder in which one note changed parses that note only,
and a cache entry made by another engine, or for other text, is never used."""

from __future__ import annotations

import pytest

from studyapp.knowledge import services
from studyapp.knowledge.ingest import extract_many
from studyapp.knowledge.ingest.fingerprint import extraction_key
from studyapp.knowledge.models import Fact, Note
from studyapp.pipeline import model_rebuild

pytestmark = pytest.mark.django_db

NOTES = {
    "enzymes.md": "# Enzymes\n\n- Optimal pH of pepsin: 2\n- Amylase breaks down starch\n",
    "treaties.md": "# Treaty of Westphalia\n\n- Signed in: 1648\n- Ended the Thirty Years' War\n",
    "verbs.md": "# Spanish verbs\n\n- Ser: permanent traits\n- Estar: states and places\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in NOTES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def parsed(monkeypatch):
    """The texts the ingest parses, in order."""
    seen: list[str] = []
    real = services.parse

    def counting(text):
        seen.append(text)
        return real(text)

    # Notes read now are extracted by extract_many (in this process, below PARALLEL_AT notes);
    # stored notes whose cache is stale by services itself.
    monkeypatch.setattr(services, "parse", counting)
    monkeypatch.setattr(extract_many, "parse", counting)
    return seen


def test_a_second_ingest_parses_only_the_note_that_changed(folder, parsed):
    model_rebuild(paths=[folder], generate=False)
    assert len(parsed) == 3
    parsed.clear()
    (folder / "treaties.md").write_text(
        NOTES["treaties.md"] + "- Signed at: Münster and Osnabrück\n", encoding="utf-8"
    )
    report = model_rebuild(paths=[folder], generate=False)
    assert len(parsed) == 1 and "Osnabrück" in parsed[0]
    statuses = {f.path.rsplit("/", 1)[-1]: f.status for f in report.ingest.files}
    assert statuses == {"enzymes.md": "unchanged", "treaties.md": "ok", "verbs.md": "unchanged"}
    # The cached notes still give their facts: the model is the merge of all three.
    texts = set(Fact.objects.filter(retired_at__isnull=True).values_list("text", flat=True))
    assert {"Optimal pH of pepsin: 2", "Signed at: Münster and Osnabrück"} <= texts


def test_an_unchanged_folder_parses_nothing(folder, parsed):
    model_rebuild(paths=[folder], generate=False)
    facts = Fact.objects.filter(retired_at__isnull=True).count()
    parsed.clear()
    model_rebuild(paths=[folder], generate=False)
    assert parsed == []
    assert Fact.objects.filter(retired_at__isnull=True).count() == facts


def test_an_entry_from_another_engine_is_not_used(folder, parsed):
    model_rebuild(paths=[folder], generate=False)
    Note.objects.update(extraction_key="made-by-an-older-engine")
    parsed.clear()
    model_rebuild(paths=[folder], generate=False)
    assert len(parsed) == 3  # each note re-extracted, then cached under the current key
    for note in Note.objects.all():
        assert note.extraction_key == extraction_key(note.path, note.text)


def test_the_key_follows_name_and_text():
    assert extraction_key("a.md", "x") == extraction_key("a.md", "x")
    assert extraction_key("a.md", "x") != extraction_key("b.md", "x")
    assert extraction_key("a.md", "x") != extraction_key("a.md", "y")


def test_every_pure_card_module_is_in_the_engine_fingerprint():
    """A new card rule must reach every card: the fingerprint covers each pure module of decks
    (the Django-free ones the import contract lists) but the scheduler, which makes no card."""
    import tomllib
    from pathlib import Path

    from studyapp.knowledge.ingest import fingerprint

    root = Path(fingerprint._APP).parent
    contracts = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["importlinter"]
    pure = {
        module.rsplit(".", 1)[1] + ".py"
        for contract in contracts["contracts"]
        for module in contract.get("source_modules", ())
        if module.startswith("studyapp.decks.")
    } - {"scheduling.py"}
    covered = {p for folder, p in fingerprint._SOURCES if folder == fingerprint._APP / "decks"}
    assert pure and pure <= covered, pure - covered
