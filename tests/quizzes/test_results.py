"""Results of a quiz: each student's best attempt, the statistics' input (response fraction × the
question's points), the statistics on the page checked against a hand-worked example, and a
bounded number of queries however many students there are."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from studyapp.quizzes import attempts, spec
from studyapp.quizzes.models import Attempt, Quiz
from studyapp.quizzes.results import attempt_marks, quiz_results
from studyapp.quizzes.statistics import AttemptMarks, quiz_statistics
from tests.factories import attempt_take, question_make, quiz_make, slot_add

RIGHT, WRONG = ["right"], ["wrong"]


def text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))).strip()


@pytest.fixture
def quiz(instructor, db) -> Quiz:
    """Three one-answer questions; the third is worth 2 points. Published, unlimited attempts."""
    quiz = quiz_make(
        instructor, title="Hand example", attempts_allowed=0, published_at=timezone.now()
    )
    for n in range(3):
        question = question_make(
            f"q{n}", spec.CHOICE, f"Question {n + 1}?", ["right"], options=["right", "wrong"]
        )
        slot_add(quiz, question, order=n, points=Decimal(2 if n == 2 else 1))
    return quiz


def users(django_user_model, *names: str) -> list:
    return [django_user_model.objects.create_user(username=name) for name in names]


@pytest.fixture
def hand_example(quiz, django_user_model):
    """ann: right, right, wrong (2 of 4) after a first try with everything wrong; bob: right,
    wrong, wrong (1 of 4); cat: everything wrong (0 of 4)."""
    ann, bob, cat = users(django_user_model, "ann", "bob", "cat")
    attempt_take(quiz, ann, [WRONG, WRONG, WRONG])
    attempt_take(quiz, ann, [RIGHT, RIGHT, WRONG], minutes=7)
    attempt_take(quiz, bob, [RIGHT, WRONG, WRONG])
    attempt_take(quiz, cat, [WRONG, WRONG, WRONG])
    return ann, bob, cat


def test_best_attempt_per_student(quiz, hand_example):
    ann, bob, cat = hand_example
    results = quiz_results(quiz)
    by_name = {s.user.username: s for s in results.students}
    assert list(by_name) == ["ann", "bob", "cat"]
    assert by_name["ann"].used == 2
    assert by_name["ann"].best.number == 2
    assert by_name["ann"].best.score == Decimal("2.00")
    assert by_name["ann"].percent == 50.0
    assert by_name["ann"].time_taken == timedelta(minutes=7)
    assert [s.best.score for s in results.students] == [Decimal(2), Decimal(1), Decimal(0)]
    assert results.attempt_count == 4
    # The statistics count each student's best attempt: ann's second, bob's and cat's first.
    assert [s.best.number for s in results.students] == [2, 1, 1]
    assert results.stats.n == 3


def test_a_tie_goes_to_the_earlier_attempt(quiz, django_user_model):
    (dan,) = users(django_user_model, "dan")
    attempt_take(quiz, dan, [RIGHT, WRONG, WRONG])
    attempt_take(quiz, dan, [WRONG, RIGHT, WRONG])
    assert quiz_results(quiz).students[0].best.number == 1


def test_statistics_input_is_fraction_times_points(quiz, hand_example):
    ann = hand_example[0]
    slots = {s.pk: s for s in quiz.slots.all()}
    best = Attempt.objects.get(user=ann, number=2)
    (marks,) = attempt_marks([best], slots)
    first, second, third = slots
    assert marks.marks == {first: 1.0, second: 1.0, third: 0.0}
    assert marks.max_marks == {first: 1.0, second: 1.0, third: 2.0}
    assert (marks.user, marks.number) == (ann.pk, 2)


def test_statistics_match_the_hand_worked_example(quiz, hand_example):
    # Question 1: marks (1, 1, 0) of 1, rest of the test (1, 0, 0): facility 2/3, variance 1/3
    # (SD 57.7%), covariance with the rest 1/6 over sqrt(1/3 · 1/3): discrimination 50%;
    # sorted pairing gives the same covariance, so efficiency 100%.
    # Question 2: marks (1, 0, 0), rest (1, 1, 0): facility 1/3, SD 57.7%, D 50%, DE 100%.
    # Question 3: everyone 0 of 2: facility 0 (flagged hard), no spread, so no D or DE.
    # Totals 2, 1, 0 of 4: mean and median 25%.
    results = quiz_results(quiz)
    rows = [(r.stats.facility, r.stats.sd, r.stats.discrimination_index) for r in results.questions]
    expected = [(200 / 3, 57.735, 50.0), (100 / 3, 57.735, 50.0), (0.0, 0.0, None)]
    for (facility, sd, discrimination), (want_f, want_sd, want_d) in zip(
        rows, expected, strict=True
    ):
        assert facility == pytest.approx(want_f)
        assert sd == pytest.approx(want_sd, abs=1e-3)
        assert discrimination == (pytest.approx(want_d) if want_d is not None else None)
    efficiency = [r.stats.discriminative_efficiency for r in results.questions]
    assert efficiency[:2] == [pytest.approx(100.0), pytest.approx(100.0)]
    assert efficiency[2] is None
    assert [r.flags for r in results.questions] == [[], [], ["hard"]]
    assert results.stats.mean == pytest.approx(25.0)
    assert results.stats.median == pytest.approx(25.0)

    # The same numbers from statistics.py given the marks written out by hand.
    q1, q2, q3 = (s.pk for s in quiz.slots.all())
    top = {q1: 1.0, q2: 1.0, q3: 2.0}
    by_hand = quiz_statistics(
        [
            AttemptMarks({q1: 1.0, q2: 1.0, q3: 0.0}, top, user="ann"),
            AttemptMarks({q1: 1.0, q2: 0.0, q3: 0.0}, top, user="bob"),
            AttemptMarks({q1: 0.0, q2: 0.0, q3: 0.0}, top, user="cat"),
        ]
    )
    assert [q.facility for q in by_hand.questions] == [r.stats.facility for r in results.questions]
    assert [q.discrimination_index for q in by_hand.questions] == [
        r.stats.discrimination_index for r in results.questions
    ]


def test_the_page_shows_the_hand_worked_statistics(client_as, instructor, quiz, hand_example):
    page = client_as(instructor).get(f"/quizzes/{quiz.pk}/results/").content.decode()
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page.split('id="questions-heading"')[1], re.S)
    cells = [text(row) for row in rows[1:]]
    assert cells[0] == "1 Multiple choice Question 1? 1 66.7% 57.7% 50.0% 100.0%"
    assert cells[1] == "2 Multiple choice Question 2? 1 33.3% 57.7% 50.0% 100.0%"
    assert cells[2] == "3 Multiple choice Question 3? 2 0.0% 0.0% — — ⚑ hard"
    plain = text(page)
    assert "Mean 25.0%" in plain and "Median 25.0%" in plain
    students = re.findall(r"<tr>(.*?)</tr>", page.split('id="students-heading"')[1], re.S)
    assert text(students[1]).startswith("ann 2 / 4 50.0% 7 min 2 ")
    assert "#1 attempt of ann , #2 attempt of ann (best)" in text(students[1])
    best = Attempt.objects.get(user__username="ann", number=2)
    assert f'href="/quizzes/attempts/{best.pk}/review/"' in students[1]


def test_an_attempt_under_way_is_used_but_not_scored(quiz, django_user_model):
    (eve,) = users(django_user_model, "eve")
    attempts.attempt_start(quiz=quiz, user=eve, now=timezone.now())
    (result,) = quiz_results(quiz).students
    assert (result.used, result.in_progress, result.best, result.percent) == (1, True, None, None)


def test_students_named_without_attempts_are_listed(quiz, django_user_model):
    (fay,) = users(django_user_model, "fay")
    quiz.assigned_to.set([fay])
    (result,) = quiz_results(quiz).students
    assert (result.user, result.used, result.best) == (fay, 0, None)
    assert result.max_score == Decimal(4)


def _queries(client, quiz) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/quizzes/{quiz.pk}/results/").status_code == 200
    return len(captured)


def test_results_page_queries_do_not_grow_with_students(
    client_as, instructor, quiz, django_user_model, django_assert_max_num_queries
):
    client = client_as(instructor)
    _queries(client, quiz)  # the first page of a session also makes the instructor's profile
    for name in ("s1", "s2", "s3"):
        (user,) = users(django_user_model, name)
        attempt_take(quiz, user, [RIGHT, WRONG, RIGHT])
    few = _queries(client, quiz)
    for n in range(4, 13):
        (user,) = users(django_user_model, f"s{n}")
        attempt_take(quiz, user, [RIGHT, RIGHT, WRONG] if n % 2 else [WRONG, WRONG, RIGHT])
        if n % 3 == 0:
            attempt_take(quiz, user, [RIGHT, RIGHT, RIGHT])
    quiz.assigned_to.set(django_user_model.objects.filter(username__startswith="s"))
    with django_assert_max_num_queries(12):
        assert client.get(f"/quizzes/{quiz.pk}/results/").status_code == 200
    assert _queries(client, quiz) == few


def test_grades_csv_queries_do_not_grow_with_students(
    client_as, instructor, quiz, django_user_model, django_assert_max_num_queries
):
    client = client_as(instructor)
    _queries(client, quiz)
    for n in range(8):
        (user,) = users(django_user_model, f"s{n}")
        attempt_take(quiz, user, [RIGHT, WRONG, RIGHT])
    with django_assert_max_num_queries(9):
        response = client.get(f"/quizzes/{quiz.pk}/grades.csv")
    assert response.content.decode().count("\n") == 9
