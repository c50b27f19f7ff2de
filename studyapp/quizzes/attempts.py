"""Taking a quiz: when one may start, starting an attempt, saving answers as they are given, the
server's deadline, submitting and grading, and what a miss sends back to the learner's deck. Who
may see or manage a quiz or an attempt is `access`.

The server is the clock. An attempt's deadline is start + time limit, or the quiz's close date if
sooner, read from the quiz as it is now (`Attempt.deadline`), so that moving the close date
moves the attempts under way too; an answer that arrives after it is refused, and the attempt is
submitted as it stood at the deadline the next time anyone touches it (the learner's next
request, the instructor's results page). So the page's countdown is a courtesy, not the rule.

A quiz is for students: one naming nobody is for every user who is not an instructor, and the
people who manage a quiz (its owner, staff) preview it in the builder rather than take it.
"""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, F, Q
from django.db.models.lookups import LessThanOrEqual

from studyapp.knowledge.models import Topic
from studyapp.knowledge.recall import recall_request
from studyapp.knowledge.selectors import live_topics, topic_ids_under
from studyapp.text.randomness import seeded

from . import grading, spec
from .access import can_manage, is_assigned
from .generate import quality
from .models import Attempt, Question, Quiz, QuizQuestion, Response

MAX_TEXT_ANSWER = 500  # characters of a typed answer
MANAGER_REFUSAL = "You manage this quiz; students take it. Preview its questions in the builder."


class QuizUnavailable(Exception):
    """The quiz cannot be started (or answered) now; the message says why, for the learner."""


# Whether and when ------------------------------------------------------------------------------


def attempts_used(quiz: Quiz, user) -> int:
    return quiz.attempts.filter(user=user).count()


def start_refusal(quiz: Quiz, user, *, now: datetime) -> str:
    """Why this user cannot start a new attempt now ("" when they can)."""
    if quiz.is_practice and quiz.owner_id != user.pk:
        return "This practice quiz is someone else's."
    if not quiz.is_practice:
        # An owner's attempt would lock the questions and count in the results; the builder
        # previews each question instead.
        if can_manage(quiz, user):
            return MANAGER_REFUSAL
        if quiz.published_at is None:
            return "This quiz is not published."
        if not is_assigned(quiz, user):
            return "This quiz is not assigned to you."
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


def deadline_passed(*, now: datetime) -> Q:
    """Attempts whose deadline (`Attempt.deadline`: start + the quiz's time limit, or its close
    date if sooner) is at or before `now`, as a filter on Attempt; ~ gives those still running."""
    ends = ExpressionWrapper(F("started_at") + F("quiz__time_limit"), output_field=DateTimeField())
    return Q(quiz__closes_at__lte=now) | (
        Q(quiz__time_limit__isnull=False) & Q(LessThanOrEqual(ends, now))
    )


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
    # Through the quiz's manager, so attempt.quiz is this quiz: its deadline costs no query.
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
        rng = seeded(quiz.pk, user.pk, number)
        if quiz.shuffle_questions:
            rng.shuffle(slots)
        return Attempt.objects.create(
            quiz=quiz,
            user=user,
            number=number,
            started_at=now,
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
    if slot.pk not in attempt.slot_order:
        raise QuizUnavailable("That question is not part of this attempt.")
    answer = answer_clean(slot.question, values)
    with transaction.atomic():
        # `attempt` was read before this transaction: a submit that committed since has graded
        # the responses, and an autosave in flight must not overwrite one. attempt_submit locks
        # the attempt too, so under the lock its state is final. Only the attempt's row: the
        # quiz's is not written here.
        locked = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .get(pk=attempt.pk)
        )
        refusal = answer_refusal(locked, now=now)
        if refusal:
            raise QuizUnavailable(refusal)
        response, created = Response.objects.select_for_update().get_or_create(
            attempt=attempt, slot=slot, defaults={"answer": answer, "saved_at": now}
        )
        if response.checked_at is not None:
            raise QuizUnavailable("This answer has been checked and can no longer change.")
        if not created:
            response.answer, response.saved_at = answer, now
        if check and checks_each_answer(locked.quiz):
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


def _misses_send(attempt: Attempt, missed: list[Question], *, now: datetime) -> None:
    """Make the missed questions' cards due in the learner's deck (the caller saves)."""
    attempt.cards_made_due = recall_request(
        user=attempt.user,
        now=now,
        fact_ids=(q.fact_id for q in missed if q.fact_id),
        cell_ids=(q.cell_id for q in missed if q.cell_id),
        keys=(k for q in missed for k in q.about_keys),
    )
    attempt.misses_sent_at = now


def attempt_submit(
    *, attempt: Attempt, now: datetime, answers: dict[int, list[str]] | None = None
) -> Attempt:
    """Grade the attempt and close it. Idempotent: a second submit changes nothing.

    `answers` (slot pk -> form values) are the answers on the page at submit: they count even
    if their autosave was lost on the way, except for answers already checked (final) and
    anything once the deadline has passed.

    Past the deadline it closes as at the deadline, with the answers saved before it. Every
    question not fully right makes the cards of its fact or table cell due now in the learner's
    deck, if the learner sees the answers now; else that waits for `attempt_misses_send`.
    One lock, and every response written in two bulk queries, however long the quiz.
    """
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if attempt.is_submitted:
            return attempt
        late = answer_refusal(attempt, now=now)
        slots = {s.pk: s for s in attempt.quiz.slots.select_related("question")}
        responses = {r.slot_id: r for r in attempt.responses.all()}
        score = Decimal(0)
        missed: list[Question] = []
        new: list[Response] = []
        for slot_pk in attempt.slot_order:
            slot = slots.get(slot_pk)
            if slot is None:  # removed from the quiz since: not scored
                continue
            response = responses.get(slot_pk)
            if response is None:
                response = Response(attempt=attempt, slot=slot, answer=[], saved_at=now)
                new.append(response)
            if answers and slot_pk in answers and not late and response.checked_at is None:
                response.answer = answer_clean(slot.question, answers[slot_pk])
                response.saved_at = now
            response.fraction = grading.grade(slot.question, response.answer)
            score += (slot.points * Decimal(str(response.fraction))).quantize(Decimal("0.01"))
            if response.fraction < 1:
                missed.append(slot.question)
        Response.objects.bulk_create(new)
        Response.objects.bulk_update(
            [r for r in responses.values() if r.slot_id in slots],
            ["answer", "saved_at", "fraction"],
        )
        attempt.score = score
        deadline = attempt.deadline
        # Never before the start: a close date moved to before it closes the attempt at once.
        submitted = min(now, deadline) if deadline else now
        attempt.submitted_at = max(submitted, attempt.started_at)
        if feedback_visible(attempt, now=now):
            _misses_send(attempt, missed, now=now)
        attempt.save()
    return attempt


def attempt_misses_send(*, attempt: Attempt, now: datetime) -> Attempt:
    """Make the missed questions' cards due, once, when the learner first may see the answers:
    a quiz whose feedback comes after the close date does this when they look after it (while
    it was hidden, the due cards would have told them which questions they missed). Nothing
    for a quiz that never shows the answers. Returns the attempt as it now stands."""
    if attempt.misses_sent_at is not None or not feedback_visible(attempt, now=now):
        return attempt  # the usual case, with no query
    with transaction.atomic():
        locked = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz", "user")
            .get(pk=attempt.pk)
        )
        if locked.misses_sent_at is None and feedback_visible(locked, now=now):
            _misses_send(locked, missed_questions(locked), now=now)
            locked.save(update_fields=["cards_made_due", "misses_sent_at"])
    return locked


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
    questions = Question.objects.filter(
        retired_at__isnull=True, author__isnull=True, quality__gte=quality.THRESHOLD
    )
    if topics:
        questions = questions.filter(topic_id__in=topic_ids_under(topics, live_topics()))
    if kinds:
        questions = questions.filter(kind__in=kinds)
    pool = list(questions.order_by("order", "pk"))
    rng = seeded(seed, "practice")
    rng.shuffle(pool)
    picked: list[Question] = []
    seen: set[tuple[str, int | str]] = set()
    for question in pool:
        # Two questions about one fact would give each other away.
        about: set[tuple[str, int | str]] = {("key", k) for k in question.about_keys}
        if question.fact_id is not None:
            about.add(("fact", question.fact_id))
        if question.cell_id is not None:
            about.add(("cell", question.cell_id))
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
    """A practice quiz of the questions this attempt missed, as the notes now ask them: a
    question the bank has archived since (its content changed) is asked in its live version,
    one retired with no live successor (its fact is gone, its author retired it) is left out.
    Raises QuizUnavailable when nothing was missed, or nothing missed is still asked."""
    missed = missed_questions(attempt)
    if not missed:
        raise QuizUnavailable("Nothing was missed: there is nothing to retry.")
    live = _live_versions(missed)
    if not live:
        raise QuizUnavailable("The questions you missed are no longer in the notes.")
    title = attempt.quiz.title.removeprefix("Retry: ")
    return _practice_quiz(
        user=user, title=f"Retry: {title}", questions=live, layout=attempt.quiz.layout
    )


def _live_versions(questions: list[Question]) -> list[Question]:
    """Each question as the bank now has it, in order and once each: itself while live, else
    the live end of its `replaced_by` chain; a retired one with no live successor is dropped.
    A query per step along the chains, none when every question is live."""
    known = {q.pk: q for q in questions}

    def successors(of) -> set[int]:
        return {q.replaced_by_id for q in of if q.retired_at is not None and q.replaced_by_id}

    missing = successors(questions) - known.keys()
    while missing:
        found = Question.objects.in_bulk(missing)
        known.update(found)
        missing = successors(found.values()) - known.keys()
    chosen: dict[int, Question] = {}
    for question in questions:
        version: Question | None = question
        seen: set[int] = set()
        while version is not None and version.retired_at is not None and version.pk not in seen:
            seen.add(version.pk)
            successor = version.replaced_by_id
            version = known.get(successor) if successor is not None else None
        if version is not None and version.retired_at is None:
            chosen.setdefault(version.pk, version)
    return list(chosen.values())
