"""The attempt engine (`studyapp.quizzes.attempts`): who may see a quiz (`access`) and start it,
starting, autosave, the server's deadline, submitting (idempotent) and grading, expiry, attempts
allowed, the open/close window, feedback policies, misses making cards due, practice picking and
retrying the misses.

`make_bank` (tests/factories.py) builds a small topic model by hand (a topic tree, facts, one card
per fact) and one generated question of every kind; the view and browser tests use it too.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from studyapp.accounts.models import students
from studyapp.decks.models import CardState
from studyapp.quizzes import access, attempts, spec
from studyapp.quizzes.attempts import QuizUnavailable
from studyapp.quizzes.models import Attempt, Question, Quiz, QuizQuestion
from studyapp.quizzes.models import Response as Answer
from tests.factories import T0, Bank, make_bank, make_quiz, user_make


@pytest.fixture
def bank(db) -> Bank:
    return make_bank()


@pytest.fixture
def quiz(bank: Bank, instructor) -> Quiz:
    return make_quiz(instructor, list(bank.questions.values()))


def slot_of(quiz: Quiz, kind: str) -> QuizQuestion:
    return quiz.slots.select_related("question").get(question__kind=kind)


def answer_all(attempt: Attempt, bank: Bank, *, right: set[str], now: datetime) -> None:
    for slot in attempt.quiz.slots.select_related("question"):
        kind = slot.question.kind
        values = bank.right[kind] if kind in right else bank.wrong[kind]
        attempts.response_save(attempt=attempt, slot=slot, values=values, now=now)


# Who may -----------------------------------------------------------------------------------------


@pytest.fixture
def timed(quiz: Quiz) -> Quiz:
    quiz.time_limit = timedelta(minutes=10)
    quiz.save()
    return quiz


def test_a_quiz_for_everyone_or_for_the_named_students_only(quiz, student, outsider, instructor):
    assert access.can_see(quiz, student) and access.can_see(quiz, outsider)
    quiz.assigned_to.set([outsider])
    assert not access.can_see(quiz, student)
    assert access.can_see(quiz, outsider)
    assert access.can_see(quiz, instructor)  # the owner, assigned or not
    assert access.can_manage(quiz, instructor) and not access.can_manage(quiz, outsider)


@pytest.fixture
def colleague(db):
    """Another instructor: not a student, and not this quiz's owner."""
    return user_make("colleague", instructor=True)


def test_a_quiz_naming_nobody_is_for_students_not_other_instructors(
    quiz, bank, student, colleague, instructor, django_user_model
):
    from studyapp.quizzes.selectors import assigned_quizzes

    admin = django_user_model.objects.create_superuser(username="admin", password="x")
    assert access.is_assigned(quiz, student)
    for user in (colleague, admin, instructor):
        assert not access.is_assigned(quiz, user), user
        assert quiz not in assigned_quizzes(user, now=T0), user
    assert not access.can_see(quiz, colleague)
    with pytest.raises(QuizUnavailable, match="not assigned to you"):
        attempts.attempt_start(quiz=quiz, user=colleague, now=T0)
    assert assigned_quizzes(student, now=T0) == [quiz]
    # Naming someone still means them, and only them.
    quiz.assigned_to.set([colleague])
    assert access.is_assigned(quiz, colleague) and not access.is_assigned(quiz, student)
    assert assigned_quizzes(colleague, now=T0) == [quiz]
    assert assigned_quizzes(student, now=T0) == []
    # One rule for both: the users a quiz can name are those a quiz naming nobody is for.
    assert list(students()) == [student]


def test_managers_preview_their_quiz_rather_than_take_it(quiz, bank, instructor, student):
    staff = type(student).objects.create_user(username="staff", is_staff=True)
    for manager in (instructor, staff):
        assert attempts.start_refusal(quiz, manager, now=T0) == (
            "You manage this quiz; students take it. Preview its questions in the builder."
        )
        with pytest.raises(QuizUnavailable, match="You manage this quiz"):
            attempts.attempt_start(quiz=quiz, user=manager, now=T0)
    assert not Attempt.objects.exists()
    # A practice quiz is its owner's to take.
    practice = attempts.practice_quiz_create(
        user=instructor, topics=[], kinds=[], count=2, layout="one", seed=1, now=T0
    )
    assert attempts.attempt_start(quiz=practice, user=instructor, now=T0).user == instructor


def test_a_draft_or_someone_elses_practice_quiz_is_invisible(bank, student, outsider, instructor):
    draft = make_quiz(instructor, [bank.questions[spec.CHOICE]], published_at=None)
    assert not access.can_see(draft, student)
    practice = attempts.practice_quiz_create(
        user=student, topics=[], kinds=[], count=3, layout="one", seed=1, now=T0
    )
    assert access.can_see(practice, student)
    assert not access.can_see(practice, outsider)


# Starting ----------------------------------------------------------------------------------------


def test_start_deals_every_question_and_its_options_once(quiz, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)

    slots = list(quiz.slots.select_related("question"))
    assert sorted(attempt.slot_order) == sorted(s.pk for s in slots)
    for slot in slots:
        dealt = attempt.option_order[str(slot.pk)]
        if slot.question.kind == spec.TRUEFALSE:
            assert dealt == ["true", "false"]
        else:
            assert sorted(dealt) == sorted(slot.question.options)
    assert attempt.max_score == Decimal(len(slots))
    assert (attempt.number, attempt.deadline, attempt.submitted_at) == (1, None, None)


def test_shuffled_options_are_dealt_the_same_way_for_the_same_attempt(bank, instructor, student):
    quiz = make_quiz(instructor, list(bank.questions.values()), shuffle_options=True)
    first = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    dealt = dict(first.option_order)
    first.delete()

    again = attempts.attempt_start(quiz=quiz, user=student, now=T0)

    assert again.option_order == dealt  # seeded by quiz, user and attempt number


def test_starting_twice_continues_the_attempt_under_way(quiz, student):
    first = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    again = attempts.attempt_start(quiz=quiz, user=student, now=T0 + timedelta(minutes=5))
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_attempts_allowed(quiz, student):
    quiz.attempts_allowed = 2
    quiz.save()
    for n in (1, 2):
        attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
        assert attempt.number == n
        attempts.attempt_submit(attempt=attempt, now=T0)
    with pytest.raises(QuizUnavailable, match="You have used your 2 attempts."):
        attempts.attempt_start(quiz=quiz, user=student, now=T0)

    quiz.attempts_allowed = 0  # no limit
    quiz.save()
    assert attempts.attempt_start(quiz=quiz, user=student, now=T0).number == 3


def test_the_open_close_window(quiz, student):
    quiz.opens_at, quiz.closes_at = T0, T0 + timedelta(hours=1)
    quiz.save()
    with pytest.raises(QuizUnavailable, match="not open yet"):
        attempts.attempt_start(quiz=quiz, user=student, now=T0 - timedelta(seconds=1))
    with pytest.raises(QuizUnavailable, match="has closed"):
        attempts.attempt_start(quiz=quiz, user=student, now=T0 + timedelta(hours=1))
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    # No time limit: the close date is the deadline.
    assert attempt.deadline == quiz.closes_at


def test_unpublished_and_empty_quizzes_cannot_be_started(bank, instructor, student):
    draft = make_quiz(instructor, [bank.questions[spec.CHOICE]], published_at=None)
    with pytest.raises(QuizUnavailable, match="not published"):
        attempts.attempt_start(quiz=draft, user=student, now=T0)
    empty = make_quiz(instructor, [])
    with pytest.raises(QuizUnavailable, match="no questions"):
        attempts.attempt_start(quiz=empty, user=student, now=T0)


def test_the_deadline_is_the_time_limit_or_the_close_date_if_sooner(quiz, student, outsider):
    quiz.time_limit = timedelta(minutes=10)
    quiz.closes_at = T0 + timedelta(minutes=25)
    quiz.save()
    early = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    late = attempts.attempt_start(quiz=quiz, user=outsider, now=T0 + timedelta(minutes=20))
    assert early.deadline == T0 + timedelta(minutes=10)
    assert late.deadline == quiz.closes_at


def test_extending_the_close_date_extends_attempts_under_way(quiz, student):
    quiz.closes_at = T0 + timedelta(minutes=30)
    quiz.save()
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    slot = slot_of(quiz, spec.CHOICE)

    quiz.closes_at = T0 + timedelta(hours=2)
    quiz.save()

    attempt = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    assert attempt.deadline == T0 + timedelta(hours=2)
    later = T0 + timedelta(hours=1)
    assert not attempts.attempt_expire(attempt, now=later)
    attempts.response_save(attempt=attempt, slot=slot, values=["AWS Lambda"], now=later)
    assert attempts.attempt_submit(attempt=attempt, now=later).submitted_at == later


def test_a_close_date_set_during_an_attempt_ends_it_then(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE}, now=T0 + timedelta(minutes=1))

    quiz.closes_at = T0 + timedelta(minutes=5)
    quiz.save()

    attempt = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    with pytest.raises(QuizUnavailable, match="Time is up"):
        attempts.response_save(
            attempt=attempt,
            slot=slot_of(quiz, spec.SHORT),
            values=["Elastic Network Interface"],
            now=T0 + timedelta(minutes=6),
        )
    assert attempts.attempt_expire(attempt, now=T0 + timedelta(minutes=6))
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == (T0 + timedelta(minutes=5), 1)


def test_a_time_limit_counts_from_the_start_and_follows_the_quiz(timed, student):
    attempt = attempts.attempt_start(quiz=timed, user=student, now=T0)
    assert attempt.deadline == T0 + timedelta(minutes=10)
    timed.time_limit = timedelta(minutes=20)
    timed.save()
    attempt = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    assert attempt.deadline == T0 + timedelta(minutes=20)
    assert attempts.attempt_in_progress(timed, student, now=T0 + timedelta(minutes=15))
    overdue = Attempt.objects.filter(attempts.deadline_passed(now=T0 + timedelta(minutes=20)))
    assert list(overdue) == [attempt]
    assert not Attempt.objects.filter(attempts.deadline_passed(now=T0 + timedelta(minutes=19)))


# Answering ---------------------------------------------------------------------------------------


def test_autosave_keeps_the_last_answer_in_the_questions_shape(quiz, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    choice, multi, matching = (slot_of(quiz, k) for k in (spec.CHOICE, spec.MULTI, spec.MATCHING))

    attempts.response_save(attempt=attempt, slot=choice, values=["Amazon S3"], now=T0)
    saved = attempts.response_save(
        attempt=attempt, slot=choice, values=["AWS Lambda"], now=T0 + timedelta(seconds=5)
    )
    attempts.response_save(attempt=attempt, slot=multi, values=["SQS", "forged", "IAM"], now=T0)
    attempts.response_save(attempt=attempt, slot=matching, values=["storage"], now=T0)

    assert Answer.objects.filter(attempt=attempt).count() == 3
    assert (saved.answer, saved.saved_at, saved.fraction) == (
        ["AWS Lambda"],
        T0 + timedelta(seconds=5),
        None,  # graded on submit, not while saving
    )
    assert Answer.objects.get(slot=multi).answer == ["SQS", "IAM"]  # option order, no forgery
    assert Answer.objects.get(slot=matching).answer == ["storage", "", ""]


def test_a_question_of_another_quiz_is_refused(quiz, bank, student, instructor):
    other = make_quiz(instructor, [bank.questions[spec.CHOICE]], title="Other")
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    with pytest.raises(QuizUnavailable, match="not part of this attempt"):
        attempts.response_save(
            attempt=attempt, slot=other.slots.get(), values=["AWS Lambda"], now=T0
        )


def test_checking_grades_the_answer_and_makes_it_final(bank, student):
    practice = attempts.practice_quiz_create(
        user=student, topics=[], kinds=[spec.CHOICE], count=1, layout="one", seed=1, now=T0
    )
    attempt = attempts.attempt_start(quiz=practice, user=student, now=T0)
    slot = practice.slots.get()

    checked = attempts.response_save(
        attempt=attempt, slot=slot, values=["Amazon S3"], now=T0, check=True
    )

    assert (checked.fraction, checked.checked_at) == (0.0, T0)
    with pytest.raises(QuizUnavailable, match="checked"):
        attempts.response_save(attempt=attempt, slot=slot, values=["AWS Lambda"], now=T0)


def test_check_means_nothing_when_feedback_comes_at_the_end(quiz, student):
    quiz.layout = Quiz.Layout.ALL_AT_ONCE
    quiz.save()
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    slot = slot_of(quiz, spec.CHOICE)
    saved = attempts.response_save(
        attempt=attempt, slot=slot, values=["AWS Lambda"], now=T0, check=True
    )
    assert saved.checked_at is None
    attempts.response_save(attempt=attempt, slot=slot, values=["Amazon S3"], now=T0)


def test_an_autosave_in_flight_when_submit_commits_is_refused(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    slot = slot_of(quiz, spec.CHOICE)
    attempts.response_save(attempt=attempt, slot=slot, values=["AWS Lambda"], now=T0)
    # The autosave request loaded the attempt before the submit request committed.
    in_flight = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    attempts.attempt_submit(attempt=attempt, now=T0 + timedelta(seconds=1))

    with pytest.raises(QuizUnavailable, match="submitted"):
        attempts.response_save(
            attempt=in_flight, slot=slot, values=["Amazon S3"], now=T0 + timedelta(seconds=2)
        )

    graded = Answer.objects.get(attempt=attempt, slot=slot)
    assert (graded.answer, graded.fraction) == (["AWS Lambda"], 1.0)


# The deadline and submitting ---------------------------------------------------------------------


def test_an_answer_after_the_deadline_is_refused(timed, student):
    attempt = attempts.attempt_start(quiz=timed, user=student, now=T0)
    slot = slot_of(timed, spec.CHOICE)
    attempts.response_save(
        attempt=attempt, slot=slot, values=["AWS Lambda"], now=T0 + timedelta(minutes=9)
    )
    with pytest.raises(QuizUnavailable, match="Time is up"):
        attempts.response_save(
            attempt=attempt, slot=slot, values=["Amazon S3"], now=T0 + timedelta(minutes=10)
        )
    assert Answer.objects.get(slot=slot).answer == ["AWS Lambda"]


def test_an_expired_attempt_is_submitted_as_it_stood_at_the_deadline(timed, bank, student):
    attempt = attempts.attempt_start(quiz=timed, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE, spec.SHORT}, now=T0 + timedelta(minutes=3))

    assert not attempts.attempt_expire(attempt, now=T0 + timedelta(minutes=9))
    assert attempts.attempt_expire(attempt, now=T0 + timedelta(hours=2))

    attempt.refresh_from_db()
    assert attempt.submitted_at == T0 + timedelta(minutes=10)  # the deadline, not the visit
    assert attempt.score == Decimal("2.00")
    # It counts: the one attempt allowed is used.
    with pytest.raises(QuizUnavailable, match="used your 1 attempt"):
        attempts.attempt_start(quiz=timed, user=student, now=T0 + timedelta(hours=2))


def test_attempt_in_progress_submits_an_expired_one(timed, student):
    attempt = attempts.attempt_start(quiz=timed, user=student, now=T0)
    assert attempts.attempt_in_progress(timed, student, now=T0).pk == attempt.pk
    assert attempts.attempt_in_progress(timed, student, now=T0 + timedelta(minutes=11)) is None
    attempt.refresh_from_db()
    assert attempt.is_submitted


def test_submit_grades_every_kind(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right=set(spec.KINDS), now=T0)

    done = attempts.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=4))

    assert done.score == done.max_score == Decimal(6)
    assert done.submitted_at == T0 + timedelta(minutes=4)
    assert set(Answer.objects.filter(attempt=attempt).values_list("fraction", flat=True)) == {1.0}


def test_partial_credit_and_blank_answers(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    matching = slot_of(quiz, spec.MATCHING)
    attempts.response_save(
        attempt=attempt, slot=matching, values=["compute", "", "storage"], now=T0
    )

    done = attempts.attempt_submit(attempt=attempt, now=T0)

    assert done.score == Decimal("0.33")
    fractions = dict(Answer.objects.filter(attempt=attempt).values_list("slot", "fraction"))
    assert len(fractions) == 6  # blank questions get a graded response too
    assert fractions[matching.pk] == pytest.approx(1 / 3)


def test_submit_is_idempotent(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE}, now=T0)
    first = attempts.attempt_submit(attempt=attempt, now=T0)
    states = list(CardState.objects.values_list("card_id", "due"))

    second = attempts.attempt_submit(attempt=attempt, now=T0 + timedelta(days=1))

    assert (second.score, second.submitted_at, second.cards_made_due) == (
        first.score,
        first.submitted_at,
        first.cards_made_due,
    )
    assert list(CardState.objects.values_list("card_id", "due")) == states
    with pytest.raises(QuizUnavailable, match="submitted"):
        attempts.response_save(
            attempt=second, slot=slot_of(quiz, spec.CHOICE), values=["Amazon S3"], now=T0
        )


def test_the_answers_on_the_page_count_at_submit_but_not_over_a_checked_one(bank, student):
    practice = attempts.practice_quiz_create(
        user=student,
        topics=[],
        kinds=[spec.CHOICE, spec.SHORT],
        count=2,
        layout="one",
        seed=1,
        now=T0,
    )
    attempt = attempts.attempt_start(quiz=practice, user=student, now=T0)
    choice = practice.slots.get(question__kind=spec.CHOICE)
    short = practice.slots.get(question__kind=spec.SHORT)
    attempts.response_save(attempt=attempt, slot=choice, values=bank.wrong[spec.CHOICE], now=T0,
                           check=True)  # fmt: skip

    done = attempts.attempt_submit(
        attempt=attempt,
        now=T0,
        answers={choice.pk: bank.right[spec.CHOICE], short.pk: bank.right[spec.SHORT]},
    )

    given = {r.slot_id: (r.answer, r.fraction) for r in done.responses.all()}
    assert given[choice.pk] == (bank.wrong[spec.CHOICE], 0.0)  # checked: final
    assert given[short.pk] == (bank.right[spec.SHORT], 1.0)  # its autosave never came
    assert done.score == 1


def test_answers_on_the_page_after_the_deadline_do_not_count(timed, bank, student):
    attempt = attempts.attempt_start(quiz=timed, user=student, now=T0)
    slot = slot_of(timed, spec.SHORT)

    done = attempts.attempt_submit(
        attempt=attempt, now=T0 + timedelta(minutes=11), answers={slot.pk: bank.right[spec.SHORT]}
    )

    assert done.score == 0 and done.submitted_at == T0 + timedelta(minutes=10)


def test_a_close_date_moved_before_the_start_closes_the_attempt_at_its_start(quiz, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    quiz.closes_at = T0 - timedelta(hours=1)
    quiz.save()

    done = attempts.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=5))

    assert done.submitted_at == done.started_at == T0


def test_submitting_takes_the_same_queries_however_many_questions(bank, instructor, student):
    def queries(copies: int) -> int:
        """Submit a fresh attempt at a quiz of `copies` copies of the bank's questions."""
        quiz = make_quiz(instructor, [], title=f"{copies} copies")
        for copy in range(copies):
            for question in bank.questions.values():
                question.pk, question.key = None, f"{question.key}-{copies}-{copy}"
                question.save()
                QuizQuestion.objects.create(quiz=quiz, question=question)
        attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
        answers = {pk: ["x"] for pk in attempt.slot_order}
        with CaptureQueriesContext(connection) as captured:
            attempts.attempt_submit(attempt=attempt, now=T0, answers=answers)
        return len(captured)

    # Most of these make the missed cards due: one write per card, as the self-test does.
    assert queries(1) == queries(4) <= 20


def test_misses_make_their_cards_due_now(quiz, bank, student, outsider):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE, spec.TRUEFALSE}, now=T0)

    done = attempts.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=2))

    missed = {spec.MULTI, spec.SHORT, spec.NUMERIC, spec.MATCHING}
    assert done.cards_made_due == len(missed)
    states = {s.card_id: s for s in CardState.objects.filter(user=student)}
    assert set(states) == {bank.cards[k].pk for k in missed}
    for state in states.values():
        assert state.due == T0 + timedelta(minutes=2)
        assert state.state == CardState.State.LEARNING
    assert not CardState.objects.filter(user=outsider).exists()
    assert done.misses_sent_at == T0 + timedelta(minutes=2)  # feedback shows now, so do misses


def test_a_suspended_card_stays_suspended(quiz, bank, student):
    CardState.objects.create(user=student, card=bank.cards[spec.SHORT], suspended=True)
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    done = attempts.attempt_submit(attempt=attempt, now=T0)  # everything blank: all missed
    assert done.cards_made_due == 5
    assert CardState.objects.get(card=bank.cards[spec.SHORT]).due is None


# Feedback ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "closes_in", "visible_now", "visible_after_close"),
    [
        (Quiz.Feedback.IMMEDIATELY, None, True, True),
        (Quiz.Feedback.AFTER_CLOSE, timedelta(hours=1), False, True),
        (Quiz.Feedback.AFTER_CLOSE, None, False, False),  # never closes: never shown
        (Quiz.Feedback.NEVER, timedelta(hours=1), False, False),
    ],
)
def test_feedback_policies(quiz, student, policy, closes_in, visible_now, visible_after_close):
    quiz.feedback = policy
    quiz.closes_at = T0 + closes_in if closes_in else None
    quiz.save()
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    assert not attempts.feedback_visible(attempt, now=T0)  # not before it is submitted
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)

    assert attempts.feedback_visible(attempt, now=T0) is visible_now
    later = T0 + timedelta(hours=2)
    assert attempts.feedback_visible(attempt, now=later) is visible_after_close


def test_misses_wait_for_the_feedback_to_show_then_are_sent_once(quiz, bank, student):
    quiz.feedback = Quiz.Feedback.AFTER_CLOSE
    quiz.closes_at = T0 + timedelta(hours=1)
    quiz.save()
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE, spec.TRUEFALSE}, now=T0)

    done = attempts.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=2))

    # Due cards would tell the student which questions they missed before the answers show.
    assert (done.cards_made_due, done.misses_sent_at) == (0, None)
    assert not CardState.objects.filter(user=student).exists()
    assert attempts.attempt_misses_send(attempt=done, now=T0 + timedelta(minutes=30)) == done
    assert not CardState.objects.filter(user=student).exists()

    closed = T0 + timedelta(hours=1)
    sent = attempts.attempt_misses_send(attempt=done, now=closed)

    missed = {spec.MULTI, spec.SHORT, spec.NUMERIC, spec.MATCHING}
    assert (sent.cards_made_due, sent.misses_sent_at) == (len(missed), closed)
    states = {s.card_id: s.due for s in CardState.objects.filter(user=student)}
    assert states == {bank.cards[k].pk: closed for k in missed}
    # Exactly once: a later visit does not make them due again.
    again = attempts.attempt_misses_send(attempt=done, now=closed + timedelta(days=3))
    assert again.misses_sent_at == closed
    assert {s.card_id: s.due for s in CardState.objects.filter(user=student)} == states


def test_feedback_never_shown_never_makes_misses_due(quiz, bank, student):
    quiz.feedback = Quiz.Feedback.NEVER
    quiz.closes_at = T0 + timedelta(hours=1)
    quiz.save()
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    done = attempts.attempt_submit(attempt=attempt, now=T0)  # all blank: all missed
    for now in (T0, T0 + timedelta(days=30)):
        done = attempts.attempt_misses_send(attempt=done, now=now)
    assert (done.cards_made_due, done.misses_sent_at) == (0, None)
    assert not CardState.objects.exists()


def test_an_attempt_ended_by_the_close_date_shows_its_misses_at_once(quiz, bank, student):
    quiz.feedback = Quiz.Feedback.AFTER_CLOSE
    quiz.closes_at = T0 + timedelta(hours=1)
    quiz.save()
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    assert attempts.attempt_expire(attempt, now=T0 + timedelta(hours=2))
    attempt.refresh_from_db()
    assert attempt.cards_made_due == 6 and attempt.misses_sent_at == T0 + timedelta(hours=2)


def test_only_one_by_one_with_immediate_feedback_checks_each_answer(quiz):
    quiz.layout, quiz.feedback = Quiz.Layout.ONE_BY_ONE, Quiz.Feedback.IMMEDIATELY
    assert attempts.checks_each_answer(quiz)
    quiz.feedback = Quiz.Feedback.AFTER_CLOSE
    assert not attempts.checks_each_answer(quiz)
    quiz.layout, quiz.feedback = Quiz.Layout.ALL_AT_ONCE, Quiz.Feedback.IMMEDIATELY
    assert not attempts.checks_each_answer(quiz)


# Practice quizzes and retries --------------------------------------------------------------------


def test_practice_picks_from_the_topics_and_their_subtopics(bank, student):
    quiz = attempts.practice_quiz_create(
        user=student,
        topics=[bank.topics["lambda"]],
        kinds=[],
        count=50,
        layout="one",
        seed="x",
        now=T0,
    )
    kinds = set(quiz.slots.values_list("question__kind", flat=True))
    # Lambda's own questions and Lambda Limits' (a subtopic); not S3's matching question.
    assert kinds == set(spec.KINDS) - {spec.MATCHING}
    assert quiz.is_practice and quiz.owner == student
    assert quiz.feedback == Quiz.Feedback.IMMEDIATELY
    assert quiz.title == "Practice: Lambda"


def test_practice_picks_kinds_count_and_is_seeded(bank, student):
    def pick(seed, count=2, kinds=(spec.CHOICE, spec.MULTI, spec.SHORT)):
        quiz = attempts.practice_quiz_create(
            user=student, topics=[], kinds=list(kinds), count=count, layout="all", seed=seed, now=T0
        )
        return list(quiz.slots.order_by("order").values_list("question__kind", flat=True))

    picked = pick("a")
    assert len(picked) == 2 and set(picked) <= {spec.CHOICE, spec.MULTI, spec.SHORT}
    assert pick("a") == picked
    assert {tuple(pick(s)) for s in range(12)} != {tuple(picked)}  # the seed matters
    assert len(pick("a", count=50)) == 3


def test_practice_asks_about_a_fact_once_and_leaves_out_authored_and_retired(
    bank, student, instructor
):
    Question.objects.create(
        key="q-dup",
        kind=spec.SHORT,
        prompt="ENI?",
        answers=["Elastic Network Interface"],
        fact=bank.facts[spec.SHORT],
        topic=bank.topics["lambda"],
    )
    Question.objects.create(
        key="q-authored", kind=spec.SHORT, prompt="Mine", answers=["x"], author=instructor
    )
    Question.objects.create(
        key="q-retired", kind=spec.SHORT, prompt="Old", answers=["x"], retired_at=T0
    )

    quiz = attempts.practice_quiz_create(
        user=student, topics=[], kinds=[spec.SHORT], count=50, layout="one", seed=3, now=T0
    )

    assert quiz.slots.count() == 1
    assert quiz.slots.get().question.fact == bank.facts[spec.SHORT]


def test_practice_with_nothing_to_ask_is_refused(bank, student):
    with pytest.raises(QuizUnavailable, match="no questions"):
        attempts.practice_quiz_create(
            user=student,
            topics=[bank.topics["s3"]],
            kinds=[spec.CHOICE],
            count=5,
            layout="one",
            seed=1,
            now=T0,
        )
    assert not Quiz.objects.exists()


def test_retry_the_missed_ones(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE, spec.MULTI, spec.SHORT}, now=T0)
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)

    retry = attempts.retry_missed_create(attempt=attempt, user=student)

    asked = list(retry.slots.order_by("order").values_list("question__kind", flat=True))
    order = [q.kind for q in attempts.missed_questions(attempt)]
    assert asked == order
    assert set(asked) == {spec.TRUEFALSE, spec.NUMERIC, spec.MATCHING}
    assert retry.title == "Retry: Lambda basics" and retry.is_practice
    again = attempts.retry_missed_create(attempt=attempt, user=student)
    assert again.title == "Retry: Lambda basics"  # never "Retry: Retry: …"


def test_nothing_missed_nothing_to_retry(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right=set(spec.KINDS), now=T0)
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)
    with pytest.raises(QuizUnavailable, match="Nothing was missed"):
        attempts.retry_missed_create(attempt=attempt, user=student)


def archive(question: Question, **changes) -> Question:
    """What the bank does when the notes change a question an attempted quiz uses: the old row
    is re-keyed and retired, and a new row with the changes takes its key and replaces it."""
    skip = {"id", "key", "created_at", "retired_at", "replaced_by_id"}
    fields = {
        f.attname: getattr(question, f.attname)
        for f in Question._meta.concrete_fields
        if f.attname not in skip
    }
    Question.objects.filter(pk=question.pk).update(
        key=f"{question.key[:30]}~{question.pk}", retired_at=T0
    )
    fresh = Question.objects.create(key=question.key, **{**fields, **changes})
    Question.objects.filter(pk=question.pk).update(replaced_by=fresh)
    return fresh


def test_retry_asks_the_missed_questions_as_the_notes_ask_them_now(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right={spec.CHOICE, spec.MULTI}, now=T0)
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)
    # Since: the true/false question changed twice and the numeric one once, the short answer's
    # fact left the notes (retired, no successor), the matching question is as it was.
    q = bank.questions
    tf2 = archive(q[spec.TRUEFALSE], prompt="A Lambda function can run for 30 minutes.")
    tf3 = archive(tf2, prompt="A Lambda function can run for 20 minutes.")
    numeric2 = archive(q[spec.NUMERIC], answers=["600"])
    Question.objects.filter(pk=q[spec.SHORT].pk).update(retired_at=T0)

    retry = attempts.retry_missed_create(attempt=attempt, user=student)

    asked = list(retry.slots.order_by("order").values_list("question_id", flat=True))
    assert asked == [tf3.pk, numeric2.pk, q[spec.MATCHING].pk]
    assert not retry.slots.filter(question__retired_at__isnull=False).exists()


def test_retry_keeps_live_authored_questions_and_asks_each_question_once(bank, instructor, student):
    mine = Question.objects.create(
        key="a-mine",
        kind=spec.SHORT,
        prompt="Edge region?",
        answers=["us-east-1"],
        author=instructor,
    )
    dropped = Question.objects.create(
        key="a-dropped", kind=spec.SHORT, prompt="Old", answers=["x"], author=instructor
    )
    old = bank.questions[spec.CHOICE]
    newer = archive(old, options=["AWS Lambda", "Amazon S3", "Amazon EC2", "AWS Fargate"])
    # A quiz built while both versions were in the bank (the old one from an earlier quiz).
    quiz = make_quiz(instructor, [old, newer, mine, dropped])
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)  # all blank: all missed
    newest = archive(Question.objects.get(pk=newer.pk), prompt="Which runs code serverless?")
    Question.objects.filter(pk=dropped.pk).update(retired_at=T0)  # its author retired it

    retry = attempts.retry_missed_create(attempt=attempt, user=student)

    asked = list(retry.slots.order_by("order").values_list("question_id", flat=True))
    assert asked == [newest.pk, mine.pk]


def test_retry_when_no_missed_question_is_asked_any_more(quiz, bank, student):
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    answer_all(attempt, bank, right=set(spec.KINDS) - {spec.SHORT, spec.NUMERIC}, now=T0)
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)
    archived = archive(bank.questions[spec.NUMERIC], answers=["600"])
    Question.objects.filter(pk__in=[archived.pk, bank.questions[spec.SHORT].pk]).update(
        retired_at=T0
    )
    quizzes = Quiz.objects.count()

    with pytest.raises(QuizUnavailable, match="no longer in the notes"):
        attempts.retry_missed_create(attempt=attempt, user=student)
    assert Quiz.objects.count() == quizzes
