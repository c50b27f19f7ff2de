"""Taking a quiz: who may, starting an attempt, saving answers as they are given, the server's
deadline, submitting and grading, and what a miss sends back to the learner's deck.

The server is the clock. An attempt's deadline is fixed when it starts (start + time limit, or
the quiz's close date if sooner); an answer that arrives after it is refused, and the attempt is
submitted as it stood at the deadline the next time anyone touches it (the learner's next
request, the instructor's results page). So the page's countdown is a courtesy, not the rule.
"""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from studyapp.decks.models import Card
from studyapp.decks.selectors import live_topics, topic_ids_under
from studyapp.decks.services import cards_make_due
from studyapp.knowledge.models import Topic

from . import grading, spec
from .models import Attempt, Question, Quiz, QuizQuestion, Response

MAX_TEXT_ANSWER = 500  # characters of a typed answer


class QuizUnavailable(Exception):
    """The quiz cannot be started (or answered) now; the message says why, for the learner."""


# Who may do what -------------------------------------------------------------------------------


def can_manage(quiz: Quiz, user) -> bool:
    """Edit it, see every attempt and the statistics: its owner, and staff."""
    return user.is_authenticated and (quiz.owner_id == user.pk or user.is_staff)


def is_assigned(quiz: Quiz, user) -> bool:
    """A published instructor quiz is for every student unless it names who it is for."""
    if quiz.is_practice or quiz.published_at is None:
        return False
    assigned = [u.pk for u in quiz.assigned_to.all()]
    return not assigned or user.pk in assigned


def can_see(quiz: Quiz, user) -> bool:
    """Whether the quiz exists as far as this user is concerned (else 404)."""
    return can_manage(quiz, user) or is_assigned(quiz, user)


def is_open(quiz: Quiz, now: datetime) -> bool:
    return (quiz.opens_at is None or quiz.opens_at <= now) and (
        quiz.closes_at is None or now < quiz.closes_at
    )


def attempts_used(quiz: Quiz, user) -> int:
    return quiz.attempts.filter(user=user).count()


def start_refusal(quiz: Quiz, user, *, now: datetime) -> str:
    """Why this user cannot start a new attempt now ("" when they can)."""
    if not quiz.is_practice and quiz.published_at is None and not can_manage(quiz, user):
        return "This quiz is not published."
    if not quiz.is_practice and quiz.published_at is None:
        return "Publish the quiz before anyone can take it."
    if quiz.opens_at and now < quiz.opens_at:
        return "This quiz is not open yet."
    if quiz.closes_at and now >= quiz.closes_at:
        return "This quiz has closed."
    if quiz.attempts_allowed and attempts_used(quiz, user) >= quiz.attempts_allowed:
        n = quiz.attempts_allowed
        return f"You have used your {n} attempt{'s' if n != 1 else ''}."
    if not quiz.slots.exists():
        return "This quiz has no questions yet."
    return ""


def feedback_visible(attempt: Attempt, *, now: datetime) -> bool:
    """Whether the learner may see the right answers and explanations of a submitted attempt."""
    quiz = attempt.quiz
    if not attempt.is_submitted:
        return False
    if quiz.feedback == Quiz.Feedback.IMMEDIATELY:
        return True
    if quiz.feedback == Quiz.Feedback.AFTER_CLOSE:
        return quiz.closes_at is not None and now >= quiz.closes_at
    return False


def checks_each_answer(quiz: Quiz) -> bool:
    """One question per screen with immediate feedback: each answer is checked as it is given."""
    return quiz.layout == Quiz.Layout.ONE_BY_ONE and quiz.feedback == Quiz.Feedback.IMMEDIATELY


# Starting ---------------------------------------------------------------------------------------


def _dealt_options(question: Question, rng: random.Random, shuffle: bool) -> list[str]:
    if question.kind == spec.TRUEFALSE:
        return ["true", "false"]
    options = list(question.options)
    if shuffle and question.kind in (spec.CHOICE, spec.MULTI, spec.MATCHING):
        rng.shuffle(options)
    return options


def attempt_in_progress(quiz: Quiz, user, *, now: datetime) -> Attempt | None:
    """The user's unsubmitted attempt at this quiz, if any (submitted first if its time is up)."""
    attempt = quiz.attempts.filter(user=user, submitted_at__isnull=True).first()
    if attempt is not None and attempt_expire(attempt, now=now):
        return None
    return attempt


def attempt_start(*, quiz: Quiz, user, now: datetime) -> Attempt:
    """A new attempt, or the one already under way. Raises QuizUnavailable with the reason."""
    with transaction.atomic():
        # One writer at a time per quiz and user: a double click starts one attempt.
        Quiz.objects.select_for_update().filter(pk=quiz.pk).first()
        current = attempt_in_progress(quiz, user, now=now)
        if current is not None:
            return current
        refusal = start_refusal(quiz, user, now=now)
        if refusal:
            raise QuizUnavailable(refusal)
        number = attempts_used(quiz, user) + 1
        slots = list(quiz.slots.select_related("question"))
        rng = random.Random(f"{quiz.pk}\x1f{user.pk}\x1f{number}")
        if quiz.shuffle_questions:
            rng.shuffle(slots)
        deadline = None
        if quiz.time_limit:
            deadline = now + quiz.time_limit
        if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
            deadline = quiz.closes_at
        return Attempt.objects.create(
            quiz=quiz,
            user=user,
            number=number,
            started_at=now,
            deadline=deadline,
            slot_order=[s.pk for s in slots],
            option_order={
                str(s.pk): _dealt_options(s.question, rng, quiz.shuffle_options) for s in slots
            },
            max_score=sum((s.points for s in slots), Decimal(0)),
        )


# Answering --------------------------------------------------------------------------------------


def answer_clean(question: Question, values: list[str]) -> list[str]:
    """The submitted form values as an answer of the question's shape; anything that is not one
    of the question's choices is dropped rather than stored."""
    values = [str(v) for v in values]
    kind = question.kind
    if kind == spec.CHOICE:
        return [v for v in values[:1] if v in question.options]
    if kind == spec.MULTI:
        chosen = set(values)
        return [o for o in question.options if o in chosen]
    if kind == spec.TRUEFALSE:
        return [v for v in values[:1] if v in ("true", "false")]
    if kind in (spec.SHORT, spec.NUMERIC):
        return [values[0].strip()[:MAX_TEXT_ANSWER]] if values and values[0].strip() else []
    if kind == spec.MATCHING:
        given = values + [""] * (len(question.items) - len(values))
        return [v if v in question.options else "" for v in given[: len(question.items)]]
    return []


def answer_refusal(attempt: Attempt, *, now: datetime) -> str:
    """Why answers to this attempt are no longer taken ("" while they are)."""
    if attempt.is_submitted:
        return "This attempt has been submitted."
    if attempt.deadline is not None and now >= attempt.deadline:
        return "Time is up: answers given after the deadline are not saved."
    return ""


def response_save(
    *, attempt: Attempt, slot: QuizQuestion, values: list[str], now: datetime, check: bool = False
) -> Response:
    """Save (autosave) the answer to one question. `check` grades it and makes it final, for one
    question per screen with immediate feedback. Raises QuizUnavailable when the attempt no
    longer takes answers or the answer was already checked."""
    refusal = answer_refusal(attempt, now=now)
    if refusal:
        raise QuizUnavailable(refusal)
    if slot.pk not in attempt.slot_order:
        raise QuizUnavailable("That question is not part of this attempt.")
    answer = answer_clean(slot.question, values)
    with transaction.atomic():
        response, created = Response.objects.select_for_update().get_or_create(
            attempt=attempt, slot=slot, defaults={"answer": answer, "saved_at": now}
        )
        if response.checked_at is not None:
            raise QuizUnavailable("This answer has been checked and can no longer change.")
        if not created:
            response.answer, response.saved_at = answer, now
        if check and checks_each_answer(attempt.quiz):
            response.fraction = grading.grade(slot.question, answer)
            response.checked_at = now
        response.save()
    return response


def attempt_expire(attempt: Attempt, *, now: datetime) -> bool:
    """Submit an attempt whose time is up, as it stood at the deadline. True if it was."""
    if attempt.is_submitted or attempt.deadline is None or now < attempt.deadline:
        return False
    attempt_submit(attempt=attempt, now=now)
    return True


def _cards_of(questions: list[Question]) -> list[Card]:
    facts = {q.fact_id for q in questions if q.fact_id}
    cells = {q.cell_id for q in questions if q.cell_id}
    keys = {k for q in questions for k in q.about_keys}
    if not facts and not cells and not keys:
        return []
    return list(
        Card.objects.filter(retired_at__isnull=True).filter(
            Q(fact_id__in=facts)
            | Q(cell_id__in=cells)
            | Q(fact__key__in=keys)
            | Q(cell__key__in=keys)
        )
    )


def attempt_submit(*, attempt: Attempt, now: datetime) -> Attempt:
    """Grade the attempt and close it. Idempotent: a second submit changes nothing.

    Past the deadline it closes as at the deadline, with the answers saved before it. Every
    question not fully right makes the cards of its fact or table cell due today in the
    learner's deck.
    """
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if attempt.is_submitted:
            return attempt
        slots = {s.pk: s for s in attempt.quiz.slots.select_related("question")}
        responses = {r.slot_id: r for r in attempt.responses.all()}
        score = Decimal(0)
        missed: list[Question] = []
        for slot_pk in attempt.slot_order:
            slot = slots.get(slot_pk)
            if slot is None:  # removed from the quiz since: not scored
                continue
            response = responses.get(slot_pk)
            if response is None:
                response = Response(attempt=attempt, slot=slot, answer=[], saved_at=now)
            response.fraction = grading.grade(slot.question, response.answer)
            response.save()
            score += (slot.points * Decimal(str(response.fraction))).quantize(Decimal("0.01"))
            if response.fraction < 1:
                missed.append(slot.question)
        attempt.score = score
        attempt.submitted_at = min(now, attempt.deadline) if attempt.deadline else now
        attempt.cards_made_due = cards_make_due(user=attempt.user, cards=_cards_of(missed), now=now)
        attempt.save()
    return attempt


# Practice quizzes -------------------------------------------------------------------------------


def practice_quiz_create(
    *,
    user,
    topics: list[Topic],
    kinds: list[str],
    count: int,
    layout: str,
    seed: int | str,
    now: datetime,
) -> Quiz:
    """A learner's own quiz: `count` questions from the bank about these topics (and their
    subtopics; every topic when none is given) of these kinds, picked with the seed so that one
    fact is asked at most once. Raises QuizUnavailable when the bank has none."""
    questions = Question.objects.filter(retired_at__isnull=True, author__isnull=True)
    if topics:
        questions = questions.filter(topic_id__in=topic_ids_under(topics, live_topics()))
    if kinds:
        questions = questions.filter(kind__in=kinds)
    pool = list(questions.order_by("order", "pk"))
    rng = random.Random(f"{seed}\x1fpractice")
    rng.shuffle(pool)
    picked: list[Question] = []
    seen: set[tuple[str, int]] = set()
    for question in pool:
        # Two questions about one fact would give each other away.
        about = {("fact", question.fact_id), ("cell", question.cell_id)} - {
            ("fact", None),
            ("cell", None),
        }
        about |= {("key", k) for k in question.about_keys}
        if about & seen:
            continue
        seen |= about
        picked.append(question)
        if len(picked) == count:
            break
    if not picked:
        raise QuizUnavailable("The notes give no questions of those kinds on those topics yet.")
    names = ", ".join(t.name for t in topics[:3]) + ("…" if len(topics) > 3 else "")
    return _practice_quiz(
        user=user, title=f"Practice: {names or 'everything'}", questions=picked, layout=layout
    )


def _practice_quiz(*, user, title: str, questions: list[Question], layout: str) -> Quiz:
    with transaction.atomic():
        quiz = Quiz.objects.create(
            owner=user,
            title=title,
            is_practice=True,
            layout=layout,
            feedback=Quiz.Feedback.IMMEDIATELY,
            shuffle_options=True,
            attempts_allowed=0,
        )
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=quiz, question=q, order=i) for i, q in enumerate(questions)
        )
    return quiz


def missed_questions(attempt: Attempt) -> list[Question]:
    """The questions of a submitted attempt not fully right, in the order they were asked."""
    responses = {r.slot_id: r for r in attempt.responses.select_related("slot__question")}
    return [
        responses[pk].slot.question
        for pk in attempt.slot_order
        if pk in responses and (responses[pk].fraction or 0) < 1
    ]


def retry_missed_create(*, attempt: Attempt, user) -> Quiz:
    """A practice quiz of the questions this attempt missed."""
    missed = missed_questions(attempt)
    if not missed:
        raise QuizUnavailable("Nothing was missed: there is nothing to retry.")
    title = attempt.quiz.title.removeprefix("Retry: ")
    return _practice_quiz(
        user=user, title=f"Retry: {title}", questions=missed, layout=attempt.quiz.layout
    )
