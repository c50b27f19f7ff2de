"""The session's snapshot of the five notes (tests/five_notes.py) restores what the pipeline
writes: the same rows, the same links between them, the same reports."""

from __future__ import annotations

from django.db import transaction

from studyapp.decks.services import cards_generate
from studyapp.pipeline import model_rebuild
from studyapp.quizzes.bank import questions_generate
from tests.five_notes import CARDS, KNOWLEDGE, QUESTIONS, five_notes_restore

# Set when the rows are written, so they differ between two runs of the same ingest.
WHEN_WRITTEN = {"ingested_at", "created_at"}


def _identity(model) -> dict[int, str]:
    names = {f.attname for f in model._meta.concrete_fields}
    ident = "key" if "key" in names else "slug" if "slug" in names else "pk"
    return dict(model.objects.values_list("pk", ident))


def _rows(model) -> list[tuple]:
    """Every row of `model`, its links shown by what they point to (its key), not by id, so that
    two databases whose ids differ compare equal when they hold the same thing."""
    links = {
        f.attname: _identity(f.related_model) for f in model._meta.concrete_fields if f.is_relation
    }
    keyed = {"key", "slug"} & {f.attname for f in model._meta.concrete_fields}
    rows = []
    for row in model.objects.values(*[f.attname for f in model._meta.concrete_fields]):
        # A note's cached extraction is a pickle, whose set order may differ run to run: the
        # key it is cached under says what it holds.
        row.pop("extraction", None)
        if not keyed:
            del row["id"]  # citations and link tables are known by what they link
        for name, identity in links.items():
            row[name] = identity.get(row[name])
        rows.append(tuple(sorted((k, repr(v)) for k, v in row.items() if k not in WHEN_WRITTEN)))
    return sorted(rows)


def _everything() -> dict[str, list[tuple]]:
    return {model._meta.db_table: _rows(model) for model in KNOWLEDGE + CARDS + QUESTIONS}


def test_the_snapshot_restores_what_the_pipeline_writes(five_notes, db):
    with transaction.atomic():
        five_notes_restore(five_notes, cards=True, questions=True)
        restored = _everything()
        transaction.set_rollback(True)
    report = model_rebuild(generate=False).ingest
    cards = cards_generate()
    questions = questions_generate()
    fresh = _everything()
    assert all(fresh.values())
    assert restored == fresh
    assert five_notes.ingest.changes == report.changes
    assert five_notes.ingest.totals == report.totals
    assert [f.as_dict() for f in five_notes.ingest.files] == [f.as_dict() for f in report.files]
    assert five_notes.cards.as_dict() == cards.as_dict()
    assert five_notes.questions.as_dict() == questions.as_dict()


def test_restoring_only_the_topic_model_leaves_cards_and_questions_out(five_notes, db):
    five_notes_restore(five_notes)
    assert all(model.objects.exists() for model in KNOWLEDGE)
    assert not any(model.objects.exists() for model in CARDS + QUESTIONS)


def test_a_snapshot_is_restored_with_its_ids_and_new_rows_come_after(five_notes, notes_ingested):
    from studyapp.knowledge.models import Topic

    ids = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    assert ids == [row[0] for row in five_notes.tables[Topic].rows]
    before = max(Topic.objects.values_list("pk", flat=True))
    topic = Topic.objects.create(key="new", slug="new", name="New")
    assert topic.pk > before
