"""The question bank in the database (studyapp/quizzes/bank.py): generated questions upserted by
key, nothing written when nothing changed, retired and brought back with their facts, authored
questions never touched, corrections of tables followed, and the picking selector.

The five real notes, ingested with their bank once per session (tests/five_notes.py), are
restored once per module inside a transaction rolled back when the module is done; every test runs
in its own nested transaction (`db`).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from studyapp.knowledge.models import Comparison, Correction, Fact, Topic
from studyapp.quizzes import spec
from studyapp.quizzes.bank import (
    SEED,
    bank_inputs,
    bank_questions,
    note_folders,
    questions_generate,
)
from studyapp.quizzes.generate import generate, quality
from studyapp.quizzes.models import Question
from tests.factories import quiz_make, table_correction, user_make

T1 = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def _bank_loaded(notes_and_bank_in_module) -> dict:
    # What the first questions_generate() after the ingest reported: the run that made the bank.
    return notes_and_bank_in_module.questions.as_dict()


@pytest.fixture
def first_run(_bank_loaded: dict, db) -> dict:
    return _bank_loaded


def writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_the_first_run_creates_the_bank(first_run):
    assert first_run["created"] == sum(first_run["by_kind"].values()) > 150
    assert set(first_run["by_kind"]) == set(spec.KINDS)
    generated = Question.objects.filter(author__isnull=True)
    assert generated.count() == first_run["created"]
    assert list(generated.values_list("order", flat=True)) == list(range(first_run["created"]))


def test_the_bank_stores_each_questions_quality(first_run):
    inputs = bank_inputs()[:3]
    expected = {q.key: q.quality for q in generate(*inputs, seed=SEED, folders=note_folders())}
    stored = dict(Question.objects.filter(author__isnull=True).values_list("key", "quality"))
    assert stored == expected
    assert 0 < min(stored.values()) < max(stored.values()) <= 1  # the score says something


def test_links_are_set(first_run):
    questions = Question.objects.select_related("fact", "cell", "topic")
    fact_questions = [q for q in questions if q.fact_id]
    cell_questions = [q for q in questions if q.cell_id]
    assert fact_questions and cell_questions
    for q in fact_questions:
        assert q.fact.retired_at is None and q.topic_id == q.fact.topic_id
    assert all(q.topic_id for q in questions)
    (timeout,) = Question.objects.filter(
        kind=spec.NUMERIC, prompt__startswith="AWS Lambda · limits — max execution?"
    )
    assert timeout.answers == ["900"] and timeout.unit == "s"
    assert timeout.fact.value == "900s (15 min)"
    assert timeout.sources and {"note", "title", "heading", "line"} == set(timeout.sources[0])


def test_a_second_run_writes_nothing(first_run):
    with CaptureQueriesContext(connection) as captured:
        report = questions_generate()
    assert (report.created, report.updated, report.retired) == (0, 0, 0)
    assert writes(captured.captured_queries) == []
    assert sum(report.by_kind.values()) == first_run["created"]


def test_reading_the_model_takes_a_bounded_number_of_queries(first_run):
    with CaptureQueriesContext(connection) as captured:
        questions_generate()
    tables = Comparison.objects.filter(retired_at__isnull=True).count()
    # topics, facts, citations, conflicts, comparisons (+ cells, entity topics), the bank; and
    # comparison_table's three per table (notes, conflicts, corrections), as the cards do
    assert len(captured.captured_queries) <= 10 + 3 * tables


def test_a_retired_fact_retires_its_questions_and_its_return_restores_them(first_run):
    question = Question.objects.get(kind=spec.CHOICE, prompt="AWS Lambda · limits — max execution?")
    fact = question.fact
    mine = set(Question.objects.filter(fact=fact).values_list("pk", flat=True))
    # an attempt's quiz holds the question: retiring must not delete it (PROTECT)
    quiz_make(user_make("quiz-owner"), [question], title="Q")

    last = Question.objects.order_by("-pk").first().pk
    Fact.objects.filter(pk=fact.pk).update(retired_at=T1)
    report = questions_generate(now=T1)
    assert len(mine) == 3  # choice, true/false, numeric
    assert report.retired == len(mine)
    # Other questions may change (15 minutes left the distractors' pool), and the table cell
    # that said the same as the fact ("Execution Time: Up to 15 min (900s)") is asked instead.
    stand_ins = Question.objects.filter(pk__gt=last)
    assert report.created == len(stand_ins) and all(q.cell_id for q in stand_ins)
    retired = Question.objects.filter(pk__in=mine)
    assert retired.count() == len(mine)
    assert all(q.retired_at == T1 for q in retired)
    assert not bank_questions().filter(pk__in=mine).exists()

    Fact.objects.filter(pk=fact.pk).update(retired_at=None)
    report = questions_generate()
    assert report.created == 0 and report.retired == len(stand_ins)
    back = Question.objects.filter(pk__in=mine)
    assert all(q.retired_at is None for q in back)
    assert set(bank_questions().filter(pk__in=mine).values_list("pk", flat=True)) == mine
    with CaptureQueriesContext(connection) as captured:
        questions_generate()
    assert writes(captured.captured_queries) == []


def test_authored_questions_are_never_touched(first_run, instructor):
    authored = Question.objects.create(
        key="authored-by-hand",
        kind=spec.SHORT,
        prompt="Which region do Lambda@Edge functions get written in?",
        answers=["us-east-1"],
        author=instructor,
        order=7,
    )
    before = Question.objects.filter(pk=authored.pk).values().get()
    questions_generate(now=T1)
    assert Question.objects.filter(pk=authored.pk).values().get() == before


def test_a_dropped_table_row_retires_its_questions(first_run, instructor):
    comparison = Comparison.objects.get(title="DynamoDB Streams vs Kinesis Data Streams")
    on_row = Question.objects.filter(
        kind=spec.MATCHING, prompt__contains="— retention: match", retired_at__isnull=True
    )
    (matching,) = on_row.filter(prompt__startswith=comparison.title)
    table_correction(
        comparison,
        author=instructor,
        kind=Correction.Kind.DROP_ROW,
        row="Retention",
    )
    report = questions_generate(now=T1)
    assert report.retired >= 1
    matching.refresh_from_db()
    assert matching.retired_at == T1


def test_a_fixed_cell_changes_its_question(first_run, instructor):
    comparison = Comparison.objects.get(title="Synchronous vs Asynchronous")
    (matching,) = Question.objects.filter(
        kind=spec.MATCHING, prompt__startswith=f"{comparison.title} — error:"
    )
    table_correction(
        comparison,
        author=instructor,
        kind=Correction.Kind.FIX_CELL,
        row="Error",
        entity="Synchronous",
        value="The caller handles errors",
    )
    report = questions_generate()
    assert report.updated >= 1
    matching.refresh_from_db()
    assert "The caller handles errors" in matching.items
    assert "(corrected by instructor)" in matching.explanation


def test_a_question_a_quiz_uses_keeps_its_content_for_that_quiz(first_run, instructor, student):
    from studyapp.quizzes.attempts import attempt_start, attempt_submit, response_save

    comparison = Comparison.objects.get(title="Synchronous vs Asynchronous")
    (matching,) = Question.objects.filter(
        kind=spec.MATCHING, prompt__startswith=f"{comparison.title} — error:"
    )
    old = Question.objects.filter(pk=matching.pk).values().get()
    quiz = quiz_make(instructor, [matching], title="Q", published_at=T1)
    slot = quiz.slots.get()
    attempt = attempt_start(quiz=quiz, user=student, now=T1)
    response_save(attempt=attempt, slot=slot, values=list(matching.answers), now=T1)
    attempt = attempt_submit(attempt=attempt, now=T1)
    assert attempt.score == 1

    table_correction(
        comparison,
        author=instructor,
        kind=Correction.Kind.FIX_CELL,
        row="Error",
        entity="Synchronous",
        value="The caller handles errors",
    )
    report = questions_generate(now=T1)

    assert report.archived == 1 and report.updated >= 1
    # The quiz's slot still asks (and its attempt is still graded on) what it asked.
    slot.refresh_from_db()
    kept = Question.objects.filter(pk=slot.question_id).values().get()
    bookkeeping = ("key", "retired_at", "replaced_by_id")
    assert {k: v for k, v in kept.items() if k not in bookkeeping} == {
        k: v for k, v in old.items() if k not in bookkeeping
    }
    assert kept["key"] == f"{old['key'][:30]}~{matching.pk}" and len(kept["key"]) <= 40
    assert kept["retired_at"] == T1
    assert not bank_questions().filter(pk=matching.pk).exists()
    # The bank has the new version under the same key, and the old one points at it.
    fresh = Question.objects.get(key=old["key"])
    assert fresh.pk != matching.pk and fresh.retired_at is None
    assert Question.objects.get(pk=matching.pk).replaced_by == fresh
    assert list(fresh.replaces.all()) == [Question.objects.get(pk=matching.pk)]
    assert "The caller handles errors" in fresh.items
    assert bank_questions().filter(pk=fresh.pk).exists()
    with CaptureQueriesContext(connection) as captured:
        again = questions_generate(now=T1)
    assert writes(captured.captured_queries) == []
    assert (again.created, again.updated, again.retired, again.archived) == (0, 0, 0, 0)


def _fix_error_cell(instructor) -> Question:
    """Correct a cell of "Synchronous vs Asynchronous": its "error" matching question changes.
    Returns that question as it was."""
    comparison = Comparison.objects.get(title="Synchronous vs Asynchronous")
    (matching,) = Question.objects.filter(
        kind=spec.MATCHING, prompt__startswith=f"{comparison.title} — error:"
    )
    table_correction(
        comparison,
        author=instructor,
        kind=Correction.Kind.FIX_CELL,
        row="Error",
        entity="Synchronous",
        value="The caller handles errors",
    )
    return matching


def test_a_question_only_unattempted_quizzes_use_changes_in_place(first_run, instructor, student):
    matching = _fix_error_cell(instructor)
    draft = quiz_make(instructor, [matching], title="Draft")
    practice = quiz_make(student, [matching], title="Practice", is_practice=True)

    report = questions_generate(now=T1)

    # No quiz was attempted: none keeps the outdated answer, and the bank has one version.
    assert report.archived == 0 and report.updated >= 1
    key = matching.key
    matching.refresh_from_db()
    assert matching.key == key and matching.retired_at is None
    assert "The caller handles errors" in matching.items and matching.replaced_by is None
    for quiz in (draft, practice):
        assert list(quiz.slots.values_list("question_id", flat=True)) == [matching.pk]
    with CaptureQueriesContext(connection) as captured:
        questions_generate(now=T1)
    assert writes(captured.captured_queries) == []


def test_only_attempted_quizzes_keep_the_old_version(first_run, instructor, student):
    from studyapp.quizzes.attempts import attempt_start, practice_quiz_create

    matching = _fix_error_cell(instructor)
    taken = quiz_make(instructor, [matching], title="Taken", published_at=T1)
    draft = quiz_make(instructor, [matching], title="Draft")
    practice = quiz_make(student, [matching], title="Practice", is_practice=True)
    attempt_start(quiz=taken, user=student, now=T1)  # under way: it counts already

    report = questions_generate(now=T1)

    assert report.archived == 1
    old = Question.objects.get(pk=matching.pk)
    fresh = Question.objects.get(key=matching.key)
    assert old.retired_at == T1 and old.replaced_by == fresh and old.items == matching.items
    assert "The caller handles errors" in fresh.items and fresh.retired_at is None
    # The attempted quiz keeps what its attempt was dealt; the others ask the new version only.
    assert list(taken.slots.values_list("question_id", flat=True)) == [old.pk]
    for quiz in (draft, practice):
        assert list(quiz.slots.values_list("question_id", flat=True)) == [fresh.pk]
    # Neither the builder's bank nor practice picking offers the old version.
    assert not bank_questions(author=instructor).filter(pk=old.pk).exists()
    picked = practice_quiz_create(
        user=student, topics=[], kinds=[spec.MATCHING], count=500, layout="all", seed=1, now=T1
    )
    picked_ids = set(picked.slots.values_list("question_id", flat=True))
    assert picked_ids and old.pk not in picked_ids
    assert not Question.objects.filter(pk__in=picked_ids, retired_at__isnull=False).exists()
    with CaptureQueriesContext(connection) as captured:
        again = questions_generate(now=T1)
    assert writes(captured.captured_queries) == []
    assert (again.created, again.updated, again.retired, again.archived) == (0, 0, 0, 0)


def test_an_unused_question_changes_in_place(first_run, instructor):
    comparison = Comparison.objects.get(title="Synchronous vs Asynchronous")
    (matching,) = Question.objects.filter(
        kind=spec.MATCHING, prompt__startswith=f"{comparison.title} — error:"
    )
    table_correction(
        comparison,
        author=instructor,
        kind=Correction.Kind.FIX_CELL,
        row="Error",
        entity="Synchronous",
        value="The caller handles errors",
    )
    report = questions_generate()
    assert report.archived == 0
    assert Question.objects.get(key=matching.key).pk == matching.pk


def test_bank_questions_shows_generated_and_own(first_run, instructor, student):
    mine = Question.objects.create(
        key="mine", kind=spec.TRUEFALSE, prompt="True?", answers=["true"], author=instructor
    )
    theirs = Question.objects.create(
        key="theirs", kind=spec.TRUEFALSE, prompt="False?", answers=["false"], author=student
    )
    everyone = set(bank_questions().values_list("pk", flat=True))
    assert mine.pk not in everyone and theirs.pk not in everyone
    # every generated question but the held-back suggestions
    dealt = Question.objects.filter(author__isnull=True, quality__gte=quality.THRESHOLD)
    assert len(everyone) == dealt.count() < first_run["created"]
    own = set(bank_questions(author=instructor).values_list("pk", flat=True))
    assert own == everyone | {mine.pk}

    lambda_topic = Topic.objects.get(name="AWS Lambda")
    picked = bank_questions(topics=[lambda_topic], kinds=[spec.NUMERIC, spec.CHOICE])
    assert picked.exists()
    assert {q.kind for q in picked} == {spec.NUMERIC, spec.CHOICE}
    assert {q.topic_id for q in picked} == {lambda_topic.pk}
    assert bank_questions(topics=[lambda_topic.pk]).count() == (
        bank_questions(topics=[lambda_topic]).count()
    )


def test_bank_questions_is_one_query_and_ordered(first_run, django_assert_num_queries):
    with django_assert_num_queries(1):
        questions = list(bank_questions())
        names = [q.topic.name for q in questions]
    dealt = Question.objects.filter(author__isnull=True, quality__gte=quality.THRESHOLD)
    assert len(names) == dealt.count()
    assert [q.order for q in questions] == sorted(q.order for q in questions)


def test_every_matching_question_covers_the_facts_or_cells_it_asks_about(first_run):
    matchings = list(Question.objects.filter(kind=spec.MATCHING, retired_at__isnull=True))
    assert matchings
    for question in matchings:
        assert len(question.about_keys) == len(question.items), question.prompt


def test_a_missed_matching_question_makes_the_cards_it_covers_due(first_run, student):
    from studyapp.decks.models import Card, CardState
    from studyapp.decks.services import cards_generate
    from studyapp.quizzes.attempts import attempt_start, attempt_submit

    cards_generate()
    question = Question.objects.filter(
        kind=spec.MATCHING, prompt__contains=" vs ", retired_at__isnull=True
    ).first()
    covered = Card.objects.filter(retired_at__isnull=True, cell__key__in=question.about_keys)
    assert covered.count() >= 2
    quiz = quiz_make(student, [question], title="Practice", is_practice=True)
    attempt = attempt_submit(attempt=attempt_start(quiz=quiz, user=student, now=T1), now=T1)
    assert attempt.cards_made_due == covered.count()
    due = CardState.objects.filter(user=student, due=T1)
    assert set(due.values_list("card_id", flat=True)) == set(covered.values_list("pk", flat=True))
