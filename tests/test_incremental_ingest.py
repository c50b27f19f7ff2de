"""A re-ingest that reuses what the process kept from the last one (the merge memo, the stored
rows, the snapshot) gives what an ingest that reads everything again gives, and what a rebuild
from nothing gives: the same facts, citations, topics, tables, cells, conflicts, cards and
questions. And it never uses what it kept once the database changed behind it."""

from __future__ import annotations

import gc
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from studyapp.decks.models import Card
from studyapp.knowledge.ingest import store
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.models import (
    Citation,
    Comparison,
    ComparisonCell,
    Conflict,
    Correction,
    Fact,
    ModelStamp,
    Note,
    Topic,
)
from studyapp.knowledge.stamp import quiet_writes
from studyapp.pipeline import memories_forget, model_rebuild
from studyapp.quizzes.models import Question

pytestmark = pytest.mark.django_db

NOTES = Path(__file__).parent / "fixtures" / "notes"
# Several subjects, tables among them: law, chemistry, languages, history, biology, economics.
FOLDERS = ["bear", "tables", "prose", "glossary"]


T1 = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture
def notes_model(db):
    """One note of two subjects, merged, and its Note row: for storing by hand."""
    text = (
        "# Photosynthesis\n- Location: chloroplast\n- Products: glucose and oxygen\n\n"
        "# Contract law\n- Offer: must be communicated\n- Consideration: something of value\n"
    )
    note = Note.objects.create(
        slug="mixed", path="mixed.md", title="Mixed", sha256="0" * 64, size=len(text),
        encoding="utf-8", text=text, ingested_at=T1,
    )  # fmt: skip
    return merge({"mixed": extract(parse(text))}), {"mixed": note}


def _line_added(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n- Its half-life is about 5 hours.\n")


def _line_changed(path: Path) -> None:
    """The last line of text (a list item, a table row, a sentence) says another word."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = max(
        i for i, line in enumerate(lines) if re.search(r"[A-Za-z]{5,}", line) and line[0] != "#"
    )
    lines[at] = re.sub(r"[A-Za-z]{5,}", "revised", lines[at], count=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cell_changed(path: Path) -> None:
    """The last table row's last cell of words says another word."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [
        i for i, line in enumerate(lines) if line.startswith("|") and re.search("[A-Za-z]", line)
    ]
    lines[rows[-1]] = re.sub(r"(.*)\b[A-Za-z]{4,}", r"\1revised", lines[rows[-1]], count=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _heading_renamed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n## ", "\n## Notes on ", 1), encoding="utf-8")


def _note_deleted(path: Path) -> None:
    path.unlink()


def _note_added(path: Path) -> None:
    (path.parent / "Photosynthesis.md").write_text(
        "# Photosynthesis\n\n## Light reactions\n- Location: thylakoid membrane\n"
        "- Products: ATP, NADPH and oxygen\n\n## Calvin cycle\n- Location: stroma\n"
        "- Fixes carbon dioxide into sugar\n",
        encoding="utf-8",
    )


EDITS: dict[str, Callable[[Path], None]] = {
    "a line added": _line_added,
    "a line changed": _line_changed,
    "a table cell changed": _cell_changed,
    "a heading renamed": _heading_renamed,
    "a note deleted": _note_deleted,
    "a note added": _note_added,
}


def _corpus(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name in FOLDERS:
        shutil.copytree(NOTES / name, folder / name)


def _empty() -> None:
    """No model, no cards, no questions, no stamp: as a database never ingested into."""
    with quiet_writes():
        for model in (Question, Card, Conflict, ComparisonCell, Comparison, Citation, Fact):
            model.objects.all().delete()
        Topic.objects.update(parent=None)
        for model in (Topic, Note, ModelStamp):
            model.objects.all().delete()


def _rows(*, live_only: bool = False, orders: bool = True) -> dict[str, object]:
    """Every row of the model, the cards and the questions, by stable keys (pks differ between
    databases). `live_only` leaves out retired rows (a rebuild from nothing has none);
    `orders` keeps the positions (a scoped run appends, a full run renumbers)."""
    slug = dict(Note.objects.values_list("pk", "slug"))
    topic = dict(Topic.objects.values_list("pk", "key"))
    fact = dict(Fact.objects.values_list("pk", "key"))
    comparison = dict(Comparison.objects.values_list("pk", "key"))
    live_facts = set(Fact.objects.filter(retired_at=None).values_list("pk", flat=True))
    live_tables = set(Comparison.objects.filter(retired_at=None).values_list("pk", flat=True))

    def kept(rows):
        return rows.filter(retired_at__isnull=True) if live_only else rows

    def order(value):
        return value if orders else None

    return {
        "topics": {
            t.key: (t.name, t.aliases, topic.get(t.parent_id), order(t.order), t.retired_at)
            for t in kept(Topic.objects.all())
        },
        "facts": {
            f.key: (
                f.kind,
                f.text,
                f.subheading,
                f.subject,
                f.attribute,
                f.value,
                f.quantity_key,
                f.quantity_display,
                f.items,
                f.emphasis,
                order(f.order),
                topic[f.topic_id],
                f.retired_at,
            )  # fmt: skip
            for f in kept(Fact.objects.all())
        },
        "citations": sorted(
            (fact[c.fact_id], slug[c.note_id], c.line, c.heading, c.text)
            for c in Citation.objects.all()
            if not live_only or c.fact_id in live_facts
        ),
        "comparisons": {
            c.key: (
                c.title,
                c.entities,
                c.attributes,
                c.sources,
                topic.get(c.topic_id),
                sorted(topic[t.pk] for t in c.entity_topics.all()),
                c.retired_at,
            )  # fmt: skip
            for c in kept(Comparison.objects.all())
        },
        "cells": {
            c.key: (c.attribute, c.entity, c.value, c.sources, comparison[c.comparison_id])
            for c in ComparisonCell.objects.all()
            if not live_only or c.comparison_id in live_tables
        },
        "conflicts": {
            c.key: (
                topic[c.topic_id],
                c.attribute,
                c.values,
                sorted(fact[f] for f in c.facts.values_list("pk", flat=True)),
                c.retired_at,
            )  # fmt: skip
            for c in kept(Conflict.objects.all())
        },
        "cards": {
            c.key: (c.front, c.back, c.quality, c.held_back, order(c.order), c.retired_at)
            for c in kept(Card.objects.all())
        },
        "questions": {
            q.key: (
                q.kind,
                q.prompt,
                q.options,
                q.answers,
                q.quality,
                q.items,
                q.explanation,
                order(q.order),
                q.retired_at,
            )  # fmt: skip
            for q in kept(Question.objects.all())
        },
    }


def _times_removed(rows: dict[str, object]) -> dict[str, object]:
    """Rows with their retirement reduced to whether there is one (runs happen at other times)."""

    def plain(value):
        if isinstance(value, tuple):
            return tuple(v is not None if hasattr(v, "tzinfo") else v for v in value)
        return value

    return {
        part: ({k: plain(v) for k, v in values.items()} if isinstance(values, dict) else values)
        for part, values in rows.items()
    }


def _ingest(folder: Path, *, warm: bool) -> None:
    if not warm:
        memories_forget()
    model_rebuild(paths=[folder])


CASES = [
    (note, edit)
    for note in ("tables/Civil vs Criminal Law.md", "prose/DNA Replication.md")
    for edit in EDITS
    if edit != "a table cell changed" or note.startswith("tables/")
]


@pytest.mark.parametrize(("note", "edit"), CASES)
def test_a_warm_reingest_equals_a_cold_one_and_a_rebuild(tmp_path, note, edit):
    folder = tmp_path / "notes"
    runs: dict[bool, list] = {}
    for warm in (True, False):
        _empty()
        memories_forget()
        _corpus(folder)
        _ingest(folder, warm=warm)
        EDITS[edit](folder / note)
        _ingest(folder, warm=warm)
        runs[warm] = [_times_removed(_rows())]
        if warm:
            edited = _times_removed(_rows(live_only=True, orders=False))
        _corpus(folder)  # the edit undone: what was kept after the edit must hold as well
        _ingest(folder, warm=warm)
        runs[warm].append(_times_removed(_rows()))
    # What the process kept changes nothing, down to the order and the wrong options.
    assert runs[True][0] == runs[False][0]
    assert runs[True][1] == runs[False][1]
    _empty()
    memories_forget()
    EDITS[edit](folder / note)
    _ingest(folder, warm=False)
    rebuilt = _times_removed(_rows(live_only=True, orders=False))
    for part in ("topics", "facts", "citations", "comparisons", "cells", "conflicts", "cards"):
        assert edited[part] == rebuilt[part], part
    # A scoped run leaves the wrong options of questions it did not redo (pipeline.edit_scope).
    asked = {k: (v[0], v[1], v[3], v[4]) for k, v in edited["questions"].items()}
    assert asked == {k: (v[0], v[1], v[3], v[4]) for k, v in rebuilt["questions"].items()}


def _fact_reads(queries: list[dict]) -> int:
    """Queries reading the stored facts' wording (counting them is no read of them)."""
    return sum(
        q["sql"].startswith("SELECT") and '"knowledge_fact"."text"' in q["sql"] for q in queries
    )


def test_a_warm_store_reads_no_facts_and_a_changed_database_is_read_again(tmp_path):
    folder = tmp_path / "notes"
    _corpus(folder)
    memories_forget()
    model_rebuild(paths=[folder], generate=False)
    _line_added(folder / "bear/Moles.md")
    with CaptureQueriesContext(connection) as warm:
        model_rebuild(paths=[folder], generate=False)
    # An instructor's edit behind the process (the admin's save sends a signal): the fact
    # stored is not what the process remembers, so the next store reads the facts again and
    # puts the notes' wording back.
    fact = Fact.objects.filter(retired_at=None).first()
    assert fact is not None
    wording = fact.text
    fact.text = "edited by hand"
    fact.save()
    with CaptureQueriesContext(connection) as after_edit:
        model_rebuild(paths=[folder], generate=False)
    fact.refresh_from_db()
    assert _fact_reads(warm.captured_queries) == 0
    assert _fact_reads(after_edit.captured_queries) >= 1
    assert fact.text == wording


def test_a_correction_or_another_process_sends_the_next_store_to_the_database(tmp_path, instructor):
    folder = tmp_path / "notes"
    _corpus(folder)
    memories_forget()
    model_rebuild(paths=[folder])
    assert store.stored_rows_kept() is not None
    comparison = Comparison.objects.filter(retired_at=None).first()
    assert comparison is not None
    Correction.objects.create(
        comparison_key=comparison.key, kind="add_row", row="Burden", author=instructor
    )
    assert store.stored_rows_kept() is None  # the correction changed the stamp
    model_rebuild(paths=[folder])
    assert store.stored_rows_kept() is not None
    # Another process's ingest writes its own stamp.
    ModelStamp.objects.update(token="another process")
    assert store.stored_rows_kept() is None


def test_the_snapshot_is_patched_after_a_small_edit_and_read_whole_after_a_correction(
    tmp_path, instructor, monkeypatch
):
    from studyapp.knowledge import snapshot

    folder = tmp_path / "notes"
    _corpus(folder)
    memories_forget()
    model_rebuild(paths=[folder])
    read_whole = []
    whole = snapshot._snapshot_read
    monkeypatch.setattr(snapshot, "_snapshot_read", lambda: read_whole.append(1) or whole())
    _line_added(folder / "bear/Moles.md")
    model_rebuild(paths=[folder])
    assert read_whole == []  # patched: only the touched topics' facts read again
    comparison = Comparison.objects.filter(retired_at=None).first()
    assert comparison is not None
    Correction.objects.create(
        comparison_key=comparison.key, kind="drop_row", row="Burden", author=instructor
    )
    _line_changed(folder / "bear/Moles.md")
    model_rebuild(paths=[folder])
    assert read_whole == [1]  # the correction changed the stamp: read from the database


def test_an_ingest_rolled_back_after_its_store_leaves_nothing_kept_in_use(tmp_path, monkeypatch):
    from studyapp import pipeline

    folder = tmp_path / "notes"
    _corpus(folder)
    memories_forget()
    model_rebuild(paths=[folder])
    before = _rows()
    _line_added(folder / "bear/Moles.md")

    def broken(**kwargs):
        raise RuntimeError("the cards failed")

    monkeypatch.setattr(pipeline, "cards_generate", broken)
    with pytest.raises(RuntimeError):
        model_rebuild(paths=[folder])
    # The store's writes were rolled back with the cards: what it kept stands for no database.
    assert _rows() == before
    assert store.stored_rows_kept() is None
    monkeypatch.undo()
    model_rebuild(paths=[folder])  # again, and now it holds
    after = _times_removed(_rows())
    _empty()
    memories_forget()
    _corpus(folder)
    _ingest(folder, warm=False)
    _line_added(folder / "bear/Moles.md")
    _ingest(folder, warm=False)
    assert after == _times_removed(_rows())


def test_a_topic_back_under_its_old_key_keeps_the_slug_it_was_retired_with(notes_model):
    """A topic rebuilt under a new key takes its URL and the retired one is renamed; when the
    old key comes back, the row saved is the renamed one, as the database has it."""
    import pickle

    from studyapp.knowledge.ingest.store import model_store

    model, notes = notes_model
    memories_forget()
    model_store(model, notes=notes, now=T1)
    topic = model.topics[0]
    moved = pickle.loads(pickle.dumps(model).replace(topic.key.encode(), b"f" * len(topic.key)))
    model_store(moved, notes=notes, now=T1)  # warm: from the rows kept
    renamed = Topic.objects.get(key=topic.key).slug
    assert renamed.endswith(f"-retired-{Topic.objects.get(key=topic.key).pk}")
    model_store(model, notes=notes, now=T1)  # the old key back, warm again
    assert Topic.objects.get(key=topic.key).slug == renamed
    assert Topic.objects.get(key=topic.key).retired_at is None


def test_a_reingest_leaves_no_cycles_of_its_own_for_the_collector(tmp_path, monkeypatch):
    """What a rebuild leaves is frozen out of the collector's sight (`pipeline.fewer_collections`),
    so a cycle among the engine's objects would never be freed: a collection after a
    first ingest and after a re-ingest, with freezing off, finds none of them."""
    monkeypatch.setattr(gc, "freeze", lambda: None)
    folder = tmp_path / "notes"
    _corpus(folder)
    memories_forget()
    gc.collect()
    found: list[str] = []
    for step in ("first", "again"):
        if step == "again":
            _line_added(folder / "prose/DNA Replication.md")
        model_rebuild(paths=[folder])
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            found += [f"{step}: {type(o).__qualname__}" for o in gc.garbage if _ours(o)]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
    assert found == []


def _ours(thing: object) -> bool:
    return type(thing).__module__.startswith("studyapp.")
