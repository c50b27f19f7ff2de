"""Building an instructor's quiz: its settings, its questions (the slots: which, in what order,
worth how many points), publishing. Questions come from the bank, from `authored_questions`
(written by hand) or from GIFT (`gift_import`).

Services here are keyword-only and refuse with `ValidationError` (a message for the instructor).
Once anyone has an attempt at a quiz, its questions are fixed: adding, removing or re-pointing one
would make the attempts already graded disagree with the quiz (their scores, their maximum, the
statistics). Settings, the order and publishing still change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from .models import Question, Quiz, QuizQuestion

LOCKED = "Someone has already attempted this quiz, so its questions can no longer change."
AFTER_CLOSE_NEEDS_A_DATE = (
    "Give a close date: with answers shown after the quiz closes and no close date, students "
    "would never see them."
)
MAX_POINTS = Decimal("1000")


def quiz_locked(quiz: Quiz) -> bool:
    """Whether the quiz's questions are fixed because someone has attempted it."""
    return quiz.attempts.exists()


def _refuse_if_locked(quiz: Quiz) -> None:
    if quiz_locked(quiz):
        raise ValidationError(LOCKED, code="locked")


# Settings ---------------------------------------------------------------------------------------


def quiz_save(
    *,
    owner,
    quiz: Quiz | None = None,
    title: str,
    instructions: str = "",
    layout: str = Quiz.Layout.ONE_BY_ONE,
    feedback: str = Quiz.Feedback.IMMEDIATELY,
    shuffle_questions: bool = False,
    shuffle_options: bool = True,
    time_limit: timedelta | None = None,
    attempts_allowed: int = 1,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    assigned_to: Iterable = (),
) -> Quiz:
    """Create a quiz owned by `owner`, or change the settings of `quiz`."""
    if not title.strip():
        raise ValidationError({"title": "Give the quiz a title."})
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError({"closes_at": "The quiz must close after it opens."})
    if feedback == Quiz.Feedback.AFTER_CLOSE and closes_at is None:
        raise ValidationError({"closes_at": AFTER_CLOSE_NEEDS_A_DATE})
    if time_limit is not None and time_limit <= timedelta(0):
        raise ValidationError({"time_limit": "A time limit must be at least a minute."})
    with transaction.atomic():
        if quiz is None:
            quiz = Quiz(owner=owner)
        quiz.title = title.strip()
        quiz.instructions = instructions
        quiz.layout = layout
        quiz.feedback = feedback
        quiz.shuffle_questions = shuffle_questions
        quiz.shuffle_options = shuffle_options
        quiz.time_limit = time_limit
        quiz.attempts_allowed = attempts_allowed
        quiz.opens_at = opens_at
        quiz.closes_at = closes_at
        quiz.save()
        quiz.assigned_to.set(list(assigned_to))
    return quiz


def quiz_publish(*, quiz: Quiz, now: datetime) -> Quiz:
    """Make the quiz visible to the students it is assigned to. An empty quiz is refused."""
    if not quiz.slots.exists():
        raise ValidationError("Add at least one question before publishing.", code="empty")
    if quiz.published_at is None:
        quiz.published_at = now
        quiz.save(update_fields=["published_at"])
    return quiz


def quiz_unpublish(*, quiz: Quiz) -> Quiz:
    """Back to a draft: students no longer see it (their attempts are kept)."""
    if quiz.published_at is not None:
        quiz.published_at = None
        quiz.save(update_fields=["published_at"])
    return quiz


# Slots ------------------------------------------------------------------------------------------


def _points(points: Decimal) -> Decimal:
    if not points.is_finite() or points <= 0 or points > MAX_POINTS:
        raise ValidationError({"points": f"Points must be more than 0 and at most {MAX_POINTS}."})
    return points.quantize(Decimal("0.01"))


def slots_add(
    *, quiz: Quiz, questions: Sequence[Question], points: Sequence[Decimal] | None = None
) -> list[QuizQuestion]:
    """Add questions at the end of the quiz (1 point each unless `points` says otherwise, one per
    question). Questions already in it are skipped; returns the slots made."""
    if points is not None and len(points) != len(questions):
        raise ValueError("one points value per question")
    values = [_points(Decimal(p)) for p in points] if points is not None else None
    with transaction.atomic():
        _lock_quiz(quiz.pk)
        _refuse_if_locked(quiz)
        present = set(quiz.slots.values_list("question_id", flat=True))
        last = quiz.slots.aggregate(last=Max("order"))["last"]
        order = -1 if last is None else last
        made = []
        for i, question in enumerate(questions):
            if question.pk in present:
                continue
            present.add(question.pk)
            order += 1
            made.append(
                QuizQuestion(
                    quiz=quiz,
                    question=question,
                    order=order,
                    points=values[i] if values else Decimal(1),
                )
            )
        return QuizQuestion.objects.bulk_create(made)


def _lock_quiz(quiz_id: int) -> None:
    """One writer at a time per quiz (call inside a transaction): two tabs must not share an order
    number, and `attempt_start` takes the same lock, so "not attempted yet" stays true until the
    change is written."""
    Quiz.objects.select_for_update().filter(pk=quiz_id).first()


def slot_update(*, slot: QuizQuestion, points: Decimal) -> QuizQuestion:
    """Change how many points a question of the quiz is worth."""
    value = _points(Decimal(points))
    with transaction.atomic():
        _lock_quiz(slot.quiz_id)
        _refuse_if_locked(slot.quiz)
        # An update, not save(): a slot removed meanwhile is no error, just nothing to change.
        QuizQuestion.objects.filter(pk=slot.pk).update(points=value)
    slot.points = value
    return slot


def slot_move(*, slot: QuizQuestion, direction: str) -> QuizQuestion:
    """Move a question one place up or down. Attempts keep the order they were dealt, so this is
    allowed after the quiz has been attempted."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    with transaction.atomic():
        _lock_quiz(slot.quiz_id)
        slots = list(QuizQuestion.objects.filter(quiz_id=slot.quiz_id))
        at = next((i for i, s in enumerate(slots) if s.pk == slot.pk), None)
        if at is None:
            return slot  # removed meanwhile
        to = at - 1 if direction == "up" else at + 1
        if 0 <= to < len(slots):
            slots[at], slots[to] = slots[to], slots[at]
        # Renumber all of them: orders may repeat (bulk-created practice slots) or have gaps.
        changed = []
        for order, s in enumerate(slots):
            if s.order != order:
                s.order = order
                changed.append(s)
        QuizQuestion.objects.bulk_update(changed, ["order"])
    slot.order = next(s.order for s in slots if s.pk == slot.pk)
    return slot


def slot_remove(*, slot: QuizQuestion) -> None:
    """Take a question out of the quiz (the question stays in the bank)."""
    with transaction.atomic():
        _lock_quiz(slot.quiz_id)
        _refuse_if_locked(slot.quiz)
        QuizQuestion.objects.filter(pk=slot.pk).delete()
