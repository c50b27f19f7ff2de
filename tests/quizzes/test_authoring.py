"""Authoring a quiz, its services: what makes a written question gradable (per kind:
`authored_questions`), saving settings, adding, moving, pointing and removing questions, the lock
once a quiz is attempted, publishing (`quiz_builder`), importing GIFT in one transaction
(`gift_import`), editing and retiring a written question and who may (`access`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from studyapp.knowledge.models import Topic
from studyapp.quizzes import (
    access,
    attempts,
    authored_questions,
    gift_import,
    gift_read,
    grading,
    quiz_builder,
)
from studyapp.quizzes.models import Question, Quiz, QuizQuestion
from studyapp.quizzes.spec import QuestionSpec
from studyapp.text import numbers


def q(kind: str, **fields) -> QuestionSpec:
    fields.setdefault("prompt", "A question?")
    fields.setdefault("answers", ())
    return QuestionSpec(key="", kind=kind, **fields)


def problems(question: QuestionSpec) -> list[str]:
    return [message for _name, message in authored_questions.question_problems(question)]


# What a written question needs, per kind --------------------------------------------------------

GOOD = [
    q("choice", options=("A", "B"), answers=("A",)),
    q("multi", options=("A", "B", "C"), answers=("A", "C")),
    q("truefalse", answers=("false",)),
    q("short", answers=("Lambda", "AWS Lambda")),
    q("numeric", answers=("900",), unit="s", tolerance=0.0),
    q("numeric", answers=("-2.5",), unit="", tolerance=0.5),
    q("matching", items=("a", "b"), options=("x", "y", "z"), answers=("x", "y")),
    q("matching", items=("a", "b"), options=("x",), answers=("x", "x")),
]


@pytest.mark.parametrize("question", GOOD, ids=lambda x: x.kind)
def test_gradable_questions_have_no_problems(question):
    assert problems(question) == []
    # ... and grading agrees: the right answer scores 1.
    right = list(question.answers)
    if question.kind in ("choice", "short"):
        right = right[:1]
    if question.kind == "numeric" and question.unit:
        right = [f"{right[0]} {question.unit}"]
    assert grading.grade(question, right) == 1.0


BAD = [
    (q("choice", options=("A", "B"), answers=()), "Mark exactly one option as right."),
    (q("choice", options=("A", "B"), answers=("A", "B")), "Mark exactly one option as right."),
    (q("choice", options=("A",), answers=("A",)), "Give at least two different options."),
    (q("choice", options=("A", "A"), answers=("A",)), "Each option must be different."),
    (q("choice", options=("A", " "), answers=("A",)), "An option cannot be empty."),
    (q("choice", options=("A", "B"), answers=("C",)), "A right answer must be one of the options."),
    (q("multi", options=("A", "B"), answers=()), "Mark at least one option as right."),
    (q("truefalse", answers=("yes",)), "Say whether the statement is true or false."),
    (q("truefalse"), "Say whether the statement is true or false."),
    (q("short", answers=(" ",)), "Give at least one accepted answer."),
    (q("numeric", answers=("1e3",)), "The answer must be a number."),
    (q("numeric", answers=("ten",)), "The answer must be a number."),
    (q("numeric", answers=("5",), unit="kg"), "Choose a unit: a plain number, seconds or bytes."),
    (q("numeric", answers=("5",), tolerance=-1.0), "The tolerance must be 0 or more."),
    (q("numeric", answers=("5",), tolerance=float("nan")), "The tolerance must be 0 or more."),
    (q("matching", items=("a",), options=("x",), answers=("x",)), "Give at least two pairs."),
    (
        q("matching", items=("a", "a"), options=("x", "y"), answers=("x", "y")),
        "Each left-hand side must be different.",
    ),
    (
        q("matching", items=("a", "b"), options=("x",), answers=("x", "")),
        "Each pair needs something on both sides of ->.",
    ),
    (q("choice", prompt=" ", options=("A", "B"), answers=("A",)), "Write the question."),
    (q("essay"), "Choose what kind of question this is."),
]


@pytest.mark.parametrize(("question", "message"), BAD, ids=lambda x: getattr(x, "kind", x))
def test_ungradable_questions_say_why(question, message):
    assert message in problems(question)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("900", "900"), ("1,000", "1000"), ("2.50", "2.5"), ("1e3", "1000"), ("−5", "-5")],
)
def test_number_text(typed, stored):
    assert numbers.typed_number(typed) == stored
    assert grading.typed_value(stored, "") == float(stored)


@pytest.mark.parametrize("typed", ["", "ten", "nan", "inf", "1e20"])
def test_number_text_refuses(typed):
    assert numbers.typed_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12,345.5", "12345.5"),
        ("1,000,000", "1000000"),
        ("-1,000", "-1000"),
        ("1,000e3", "1000000"),
    ],
)
def test_number_text_reads_commas_between_thousands(typed, stored):
    assert numbers.typed_number(typed) == stored
    assert numbers.decimal_comma(typed) is None


@pytest.mark.parametrize(
    ("typed", "dotted"),
    [
        ("1,5", "1.5"),
        ("0,25", "0.25"),
        ("−2,5", "-2.5"),
        ("1,5000", "1.5000"),
        ("1000,5", "1000.5"),
    ],
)
def test_a_decimal_comma_is_not_a_thousands_separator(typed, dotted):
    assert numbers.typed_number(typed) is None  # never silently 15
    assert numbers.decimal_comma(typed) == dotted


@pytest.mark.parametrize("typed", ["1,,5", "1,5,0", "ten,5", "1.5", "15"])
def test_decimal_comma_is_only_for_one_comma_in_a_number(typed):
    assert numbers.decimal_comma(typed) is None


# Writing and adding -----------------------------------------------------------------------------


@pytest.fixture
def quiz(instructor) -> Quiz:
    return Quiz.objects.create(owner=instructor, title="Quiz")


@pytest.fixture
def bank(db) -> list[Question]:
    return [
        Question.objects.create(
            key=f"gen-{n}", kind="truefalse", prompt=f"Statement {n}.", answers=["true"]
        )
        for n in range(4)
    ]


def questions_of(quiz: Quiz) -> list[Question]:
    return [s.question for s in quiz.slots.select_related("question")]


def test_question_author_saves_a_new_question_and_adds_it(instructor, quiz, bank):
    topic = Topic.objects.create(key="t", slug="t", name="T")
    quiz_builder.slots_add(quiz=quiz, questions=bank[:1])
    written = authored_questions.question_author(
        author=instructor, question=GOOD[0], topic=topic, quiz=quiz
    )
    assert written.author == instructor and written.topic == topic
    assert written.key.startswith("author-") and len(written.key) <= 40
    assert questions_of(quiz) == [bank[0], written]
    again = authored_questions.question_author(author=instructor, question=GOOD[0], topic=None)
    assert again.key != written.key
    assert quiz.slots.count() == 2


def test_question_author_refuses_a_bad_question(instructor, quiz):
    with pytest.raises(ValidationError) as refused:
        authored_questions.question_author(
            author=instructor, question=BAD[0][0], topic=None, quiz=quiz
        )
    assert refused.value.message_dict == {"answers": ["Mark exactly one option as right."]}
    assert not Question.objects.exists()


def test_slots_add_skips_duplicates_and_appends(quiz, bank):
    quiz_builder.slots_add(quiz=quiz, questions=[bank[1], bank[0]])
    made = quiz_builder.slots_add(quiz=quiz, questions=[bank[0], bank[2], bank[2]])
    assert [s.question for s in made] == [bank[2]]
    assert questions_of(quiz) == [bank[1], bank[0], bank[2]]
    assert list(quiz.slots.values_list("order", flat=True)) == [0, 1, 2]
    assert {s.points for s in quiz.slots.all()} == {Decimal(1)}


def test_slots_add_with_points(quiz, bank):
    quiz_builder.slots_add(quiz=quiz, questions=bank[:2], points=[Decimal("2.5"), Decimal(3)])
    assert [s.points for s in quiz.slots.all()] == [Decimal("2.50"), Decimal("3.00")]
    with pytest.raises(ValidationError):
        quiz_builder.slots_add(quiz=quiz, questions=bank[2:3], points=[Decimal(0)])


def test_slot_move_renumbers_a_practice_style_order(quiz, bank):
    # Slots made with the same order number (as bulk-created ones can be) still move one step.
    for question in bank:
        QuizQuestion.objects.create(quiz=quiz, question=question, order=0)
    last = quiz.slots.last()
    quiz_builder.slot_move(slot=last, direction="up")
    assert questions_of(quiz) == [bank[0], bank[1], bank[3], bank[2]]
    quiz_builder.slot_move(slot=last, direction="up")
    quiz_builder.slot_move(slot=last, direction="up")
    quiz_builder.slot_move(slot=last, direction="up")  # already first: stays
    assert questions_of(quiz) == [bank[3], bank[0], bank[1], bank[2]]
    quiz_builder.slot_move(slot=quiz.slots.get(question=bank[2]), direction="down")
    assert questions_of(quiz)[-1] == bank[2]
    assert list(quiz.slots.values_list("order", flat=True)) == [0, 1, 2, 3]


@pytest.mark.parametrize("points", ["0", "-1", "1000.01", "NaN"])
def test_slot_update_refuses_bad_points(quiz, bank, points):
    (slot,) = quiz_builder.slots_add(quiz=quiz, questions=bank[:1])
    with pytest.raises(ValidationError):
        quiz_builder.slot_update(slot=slot, points=Decimal(points))


def test_the_lock_once_attempted(quiz, bank, student):
    quiz_builder.slots_add(quiz=quiz, questions=bank[:2])
    quiz_builder.quiz_publish(quiz=quiz, now=timezone.now())
    assert not quiz_builder.quiz_locked(quiz)
    attempts.attempt_start(quiz=quiz, user=student, now=timezone.now())
    assert quiz_builder.quiz_locked(quiz)
    first, second = quiz.slots.all()

    for refused in (
        lambda: quiz_builder.slots_add(quiz=quiz, questions=bank[2:3]),
        lambda: quiz_builder.slot_update(slot=first, points=Decimal(2)),
        lambda: quiz_builder.slot_remove(slot=first),
        lambda: authored_questions.question_author(
            author=quiz.owner, question=GOOD[2], topic=None, quiz=quiz
        ),
        lambda: gift_import.gift_import(quiz=quiz, author=quiz.owner, text="Q? {T}"),
    ):
        with pytest.raises(ValidationError, match="already attempted"):
            refused()
    assert questions_of(quiz) == bank[:2]
    # Nothing half-written: the written and imported questions were taken back with the refusal.
    assert Question.objects.count() == 4

    quiz_builder.slot_move(slot=second, direction="up")
    assert questions_of(quiz) == [bank[1], bank[0]]
    quiz_builder.quiz_save(owner=quiz.owner, quiz=quiz, title="Renamed", attempts_allowed=3)
    quiz.refresh_from_db()
    assert (quiz.title, quiz.attempts_allowed) == ("Renamed", 3)


@pytest.mark.parametrize(
    "change",
    [
        lambda slot: quiz_builder.slot_update(slot=slot, points=Decimal(2)),
        lambda slot: quiz_builder.slot_move(slot=slot, direction="up"),
        lambda slot: quiz_builder.slot_remove(slot=slot),
    ],
    ids=["update", "move", "remove"],
)
def test_slot_changes_lock_the_quiz_row_first(quiz, bank, monkeypatch, change):
    # As slots_add and attempt_start do: otherwise an attempt started between the "not attempted
    # yet" check and the write would be graded on a quiz that changed under it.
    from django.db import connection
    from django.db.models import QuerySet

    quiz_builder.slots_add(quiz=quiz, questions=bank[:2])
    slot = quiz.slots.last()
    events = []
    real_lock, real_exists = QuerySet.select_for_update, QuerySet.exists

    def lock(self, *args, **kwargs):
        if self.model is Quiz:
            events.append(("lock", connection.in_atomic_block))
        return real_lock(self, *args, **kwargs)

    def exists(self):
        events.append(("check", self.model.__name__))
        return real_exists(self)

    monkeypatch.setattr(QuerySet, "select_for_update", lock)
    monkeypatch.setattr(QuerySet, "exists", exists)
    change(slot)
    assert events and events[0] == ("lock", True)


# Settings and publishing ------------------------------------------------------------------------


def test_quiz_save_creates_and_updates(instructor, student):
    opens = datetime(2030, 1, 1, tzinfo=UTC)
    quiz = quiz_builder.quiz_save(
        owner=instructor,
        title="  Limits  ",
        time_limit=timedelta(minutes=15),
        opens_at=opens,
        closes_at=opens + timedelta(days=1),
        assigned_to=[student],
    )
    assert (quiz.owner, quiz.title, quiz.time_limit) == (
        instructor,
        "Limits",
        timedelta(minutes=15),
    )
    assert list(quiz.assigned_to.all()) == [student]
    quiz_builder.quiz_save(owner=instructor, quiz=quiz, title="Limits", assigned_to=[])
    assert not quiz.assigned_to.exists()
    assert Quiz.objects.count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"title": " "},
        {
            "opens_at": datetime(2030, 1, 2, tzinfo=UTC),
            "closes_at": datetime(2030, 1, 1, tzinfo=UTC),
        },
        {"time_limit": timedelta(0)},
        {"feedback": Quiz.Feedback.AFTER_CLOSE},  # and no close date: never shown
    ],
)
def test_quiz_save_refuses(instructor, changes):
    with pytest.raises(ValidationError):
        quiz_builder.quiz_save(owner=instructor, **{"title": "T", **changes})
    assert not Quiz.objects.exists()


def test_publish_and_unpublish(quiz, bank):
    now = timezone.now()
    with pytest.raises(ValidationError, match="Add at least one question"):
        quiz_builder.quiz_publish(quiz=quiz, now=now)
    assert quiz.published_at is None
    quiz_builder.slots_add(quiz=quiz, questions=bank[:1])
    quiz_builder.quiz_publish(quiz=quiz, now=now)
    quiz_builder.quiz_publish(quiz=quiz, now=now + timedelta(days=1))  # again: unchanged
    quiz.refresh_from_db()
    assert quiz.published_at == now
    quiz_builder.quiz_unpublish(quiz=quiz)
    quiz.refresh_from_db()
    assert quiz.published_at is None


# GIFT -------------------------------------------------------------------------------------------


def test_gift_import_good_and_bad(instructor, quiz, bank):
    quiz_builder.slots_add(quiz=quiz, questions=bank[:1])
    text = "\n\n".join(
        [
            "::One::Is Lambda serverless? {T}",
            "::Two::Pick one {~A ~B}",  # no right answer: gift_parse refuses it
            "::Three::Maximum timeout in seconds? {#1e3}",  # a number grading reads as 1000
            "::Four::" + "Long " * 1200 + "{T}",  # readable GIFT, but too long for us
            '// studyapp: {"points": 2.5}\n::Five::Name it {=Lambda}',
        ]
    )
    result = gift_import.gift_import(quiz=quiz, author=instructor, text=text)
    assert [q.prompt for q in result.imported] == [
        "Is Lambda serverless?",
        "Maximum timeout in seconds?",
        "Name it",
    ]
    assert result.imported[1].answers == ["1000"]
    assert len(result.errors) == 2
    assert result.errors[0].startswith("Question 2 (line 3):")
    assert result.errors[1] == "Question “Four”: Keep the question under 5000 characters."
    assert [s.points for s in quiz.slots.all()] == [
        Decimal(1),
        Decimal(1),
        Decimal(1),
        Decimal("2.5"),
    ]
    assert {q.author for q in result.imported} == {instructor}


def test_gift_import_sanitises_sources(instructor, quiz):
    text = (
        '// studyapp: {"sources": [{"note": "../x", "line": 1}, '
        '{"note": "lambda", "title": "L", "line": "3"}, "junk"]}\n'
        "Is it? {T}"
    )
    (question,) = gift_import.gift_import(quiz=quiz, author=instructor, text=text).imported
    assert question.sources == [{"note": "lambda", "title": "L", "heading": "", "line": None}]


@pytest.mark.parametrize("points", ["NaN", "Infinity", "-Infinity", "1e999", "0", "1000.5"])
def test_gift_import_refuses_points_no_quiz_can_use(instructor, quiz, points):
    text = f'// studyapp: {{"points": {points}}}\n::Bad::Is it? {{T}}\n\n::Good::Is it not? {{F}}'
    result = gift_import.gift_import(quiz=quiz, author=instructor, text=text)
    assert [q.prompt for q in result.imported] == ["Is it not?"]
    assert len(result.errors) == 1 and "points" in result.errors[0].lower()
    assert [s.points for s in quiz.slots.all()] == [Decimal(1)]


@pytest.mark.parametrize("points", [float("nan"), float("inf"), -1.0])
def test_gift_import_refuses_bad_points_whatever_the_parser_says(
    instructor, quiz, monkeypatch, points
):
    # Defence in depth: points that reach the import from gift_read must still be checked.
    parsed = gift_read.gift_parse("::Bad::Is it? {T}")
    parsed.questions[0] = gift_read.GiftQuestion(parsed.questions[0].spec, points, title="Bad")
    monkeypatch.setattr(gift_read, "gift_parse", lambda text: parsed)
    result = gift_import.gift_import(quiz=quiz, author=instructor, text="ignored")
    assert result.imported == []
    assert result.errors == ["Question “Bad”: Points must be more than 0 and at most 1000."]


# Editing and retiring a written question ---------------------------------------------------------


@pytest.fixture
def written(instructor) -> Question:
    return authored_questions.question_author(author=instructor, question=GOOD[3], topic=None)


def test_question_edit_in_place_until_answered(instructor, quiz, written, student):
    quiz_builder.slots_add(quiz=quiz, questions=[written])
    now = timezone.now()
    edited = q("short", prompt="Edited?", answers=("Fargate",))
    result = authored_questions.question_edit(
        question=written, edited=edited, topic=None, quiz=quiz, now=now
    )
    assert (result.question.pk, result.changed, result.replaced) == (written.pk, True, False)
    written.refresh_from_db()
    assert (written.prompt, written.answers, written.retired_at) == ("Edited?", ["Fargate"], None)
    again = authored_questions.question_edit(
        question=written, edited=edited, topic=None, quiz=quiz, now=now
    )
    assert not again.changed


def test_question_edit_of_an_answered_question_in_an_attempted_quiz(
    instructor, quiz, written, student
):
    # Edited from the very quiz that was attempted: that quiz keeps the old one, the bank gets
    # the new one.
    quiz_builder.slots_add(quiz=quiz, questions=[written])
    quiz_builder.quiz_publish(quiz=quiz, now=timezone.now())
    attempts.attempt_start(quiz=quiz, user=student, now=timezone.now())
    now = timezone.now()
    edited = q("short", prompt="Edited?", answers=("Fargate",))
    result = authored_questions.question_edit(
        question=written, edited=edited, topic=None, quiz=quiz, now=now
    )
    assert result.replaced and not result.replaced_in_quiz
    assert questions_of(quiz) == [written]
    written.refresh_from_db()
    assert written.retired_at == now and written.answers == list(GOOD[3].answers)
    assert written.replaced_by == result.question  # so "retry the missed ones" asks the edit
    assert result.question.author == instructor and result.question.retired_at is None
    assert result.question.key.startswith("author-") and result.question.key != written.key
    with pytest.raises(ValidationError, match="removed from the bank"):
        authored_questions.question_edit(
            question=written, edited=GOOD[2], topic=None, quiz=quiz, now=now
        )


def test_question_edit_refuses_a_bad_question(written):
    with pytest.raises(ValidationError):
        authored_questions.question_edit(
            question=written, edited=BAD[0][0], topic=None, now=timezone.now()
        )
    written.refresh_from_db()
    assert written.kind == "short"


def test_question_retire_keeps_it_in_quizzes(quiz, written):
    quiz_builder.slots_add(quiz=quiz, questions=[written])
    now = timezone.now()
    authored_questions.question_retire(question=written, now=now)
    authored_questions.question_retire(
        question=written, now=now + timedelta(days=1)
    )  # again: unchanged
    written.refresh_from_db()
    assert written.retired_at == now
    assert questions_of(quiz) == [written]


def test_may_edit_question(instructor, student, written, bank, django_user_model):
    staff = django_user_model.objects.create_user("admin", is_staff=True)
    assert access.may_edit_question(written, instructor)
    assert access.may_edit_question(written, staff)
    assert not access.may_edit_question(written, student)
    assert not access.may_edit_question(bank[0], staff)  # generated
    written.retired_at = timezone.now()
    assert not access.may_edit_question(written, instructor)
