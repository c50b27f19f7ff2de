"""Many notes are extracted on every core (knowledge/ingest/extract_many.py): the result is the
one a single process gives, in the same order, and a note that breaks extraction gives its
reason in its place while the others are extracted."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest import extract_many
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text import workers


def _notes(count: int) -> list[tuple[str, str]]:
    subjects = ["Photosynthesis", "Treaty of Utrecht", "Spanish verbs", "TCP handshake"]
    return [
        (
            f"n{i}.md",
            f"# {subjects[i % 4]} {i}\n\n- Step count: {i % 7 + 2}\n"
            f"- Described in: chapter {i}\n\nThe **process {i}** takes {i + 3} minutes.\n",
        )
        for i in range(count)
    ]


def test_workers_give_what_one_process_gives():
    notes = _notes(extract_many.PARALLEL_AT + 5)
    many = extract_many.extract_all(notes, workers=2)
    assert many == [extract(parse(text), name=name) for name, text in notes]
    assert all(not isinstance(e, str) and e.facts for e in many)


def test_few_notes_stay_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a handful of notes")

    monkeypatch.setattr(extract_many, "workers_start", no_pool)
    assert len(extract_many.extract_all(_notes(3), workers=2)) == 3


def test_a_worker_that_fails_leaves_its_notes_to_this_process(monkeypatch):
    monkeypatch.setattr(workers.sys, "executable", "/bin/false")
    notes = _notes(extract_many.PARALLEL_AT)
    assert extract_many.extract_all(notes, workers=2) == extract_many.extract_chunk(notes)


def test_a_note_that_breaks_gives_its_reason_and_the_others_go_on(monkeypatch):
    real = extract_many.extract

    def fragile(outline, *, name):
        if name == "n1.md":
            raise ValueError("no outline")
        return real(outline, name=name)

    monkeypatch.setattr(extract_many, "extract", fragile)
    out = extract_many.extract_all(_notes(3), workers=1)
    assert out[1] == "ValueError: no outline"
    assert not isinstance(out[0], str) and not isinstance(out[2], str)


@pytest.mark.django_db
def test_a_large_ingest_extracts_on_workers_and_stores_every_note(tmp_path, settings):
    from studyapp.pipeline import model_rebuild

    settings.INGEST_WORKERS = 2
    for name, text in _notes(extract_many.PARALLEL_AT + 1):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = model_rebuild(paths=[tmp_path], generate=False).ingest
    assert not report.errors
    assert sum(f.facts for f in report.files) >= 2 * (extract_many.PARALLEL_AT + 1)
