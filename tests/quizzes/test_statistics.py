from __future__ import annotations

import math

import pytest

from studyapp.quizzes import spec
from studyapp.quizzes.spec import QuestionSpec
from studyapp.quizzes.statistics import (
    AttemptMarks,
    highest,
    question_stats,
    quiz_statistics,
    random_guess_score,
)

MAX = {"q1": 1.0, "q2": 1.0, "q3": 1.0}


def attempt(q1, q2, q3, *, number=1):
    return AttemptMarks({"q1": q1, "q2": q2, "q3": q3}, MAX, number=number)


# Five students, three one-mark questions.
#
#            q1 q2 q3 | total
#   Ann       1  1  1 |  3
#   Ben       1  0  1 |  2
#   Cat       1  1  0 |  2
#   Dan       0  0  0 |  0
#   Eve       0  1  0 |  1
CLASS = [
    attempt(1, 1, 1),  # ann
    attempt(1, 0, 1),  # ben
    attempt(1, 1, 0),  # cat
    attempt(0, 0, 0),  # dan
    attempt(0, 1, 0),  # eve
]


def test_hand_computed_example():
    stats = quiz_statistics(CLASS)
    q1, q2, q3 = stats.questions

    # q1: x = 1 1 1 0 0, mean 0.6 -> facility 60 %.
    #   V(x) = (3·0.4² + 2·0.6²)/4 = 1.2/4 = 0.3 -> SD = √0.3 = 54.77 %.
    #   Rest of the test X = total − x = 2 1 1 0 1, mean 1.0, deviations 1 0 0 −1 0,
    #   V(X) = 2/4 = 0.5. C(x, X) = (0.4·1 + (−0.6)(−1))/4 = 1.0/4 = 0.25.
    #   D = 100 · 0.25 / √(0.3 · 0.5) = 64.55 %.
    #   C_max pairs sorted x (0 0 1 1 1) with sorted X (0 1 1 1 2):
    #   ((−0.6)(−1) + 0.4·1)/4 = 0.25, so DE = 100 %: it sorts students as well as it can.
    assert q1.slot == "q1" and q1.n == 5
    assert q1.facility == pytest.approx(60)
    assert q1.sd == pytest.approx(100 * math.sqrt(0.3))
    assert q1.discrimination_index == pytest.approx(100 * 0.25 / math.sqrt(0.15))
    assert q1.discrimination_index == pytest.approx(64.55, abs=0.01)
    assert q1.discriminative_efficiency == pytest.approx(100)

    # q2: x = 1 0 1 0 1 (deviations 0.4 −0.6 0.4 −0.6 0.4), X = 2 2 1 0 0 (deviations 1 1 0 −1 −1).
    #   C(x, X) = (0.4 − 0.6 + 0 + 0.6 − 0.4)/4 = 0: it tells nobody apart, D = 0, DE = 0.
    assert q2.facility == pytest.approx(60)
    assert q2.discrimination_index == pytest.approx(0, abs=1e-9)
    assert q2.discriminative_efficiency == pytest.approx(0, abs=1e-9)

    # q3: x = 1 1 0 0 0, mean 0.4 -> facility 40 %, V(x) = (2·0.6² + 3·0.4²)/4 = 0.3.
    #   X = 2 1 2 0 1, mean 1.2, deviations 0.8 −0.2 0.8 −1.2 −0.2, V(X) = 2.8/4 = 0.7.
    #   C(x, X) = (0.6·0.8 + 0.6·(−0.2) − 0.4·0.8 − 0.4·(−1.2) − 0.4·(−0.2))/4 = 0.6/4 = 0.15.
    #   D = 100 · 0.15 / √(0.3 · 0.7) = 32.73 %.
    #   C_max: sorted x 0 0 0 1 1 (−0.4 ×3, 0.6 ×2) with sorted X 0 1 1 2 2
    #   (−1.2 −0.2 −0.2 0.8 0.8): (0.48 + 0.08 + 0.08 + 0.48 + 0.48)/4 = 0.4 -> DE = 37.5 %.
    assert q3.facility == pytest.approx(40)
    assert q3.sd == pytest.approx(100 * math.sqrt(0.3))
    assert q3.discrimination_index == pytest.approx(32.73, abs=0.01)
    assert q3.discriminative_efficiency == pytest.approx(37.5)

    # Totals 3 2 2 0 1 of 3: mean 1.6 (53.33 %), median 2 (66.67 %).
    #   V(T) = (1.4² + 0.4² + 0.4² + 1.6² + 0.6²)/4 = 5.2/4 = 1.3, SD = √1.3 / 3 = 38.01 %.
    #   CIC = 100 · 3/2 · (1 − (0.3 + 0.3 + 0.3)/1.3) = 46.15 %.
    assert stats.n == 5
    assert stats.mean == pytest.approx(100 * 1.6 / 3)
    assert stats.median == pytest.approx(200 / 3)
    assert stats.sd == pytest.approx(100 * math.sqrt(1.3) / 3)
    assert stats.cic == pytest.approx(100 * 1.5 * (1 - 0.9 / 1.3))
    assert stats.error_ratio == pytest.approx(100 * math.sqrt(1 - stats.cic / 100))
    assert stats.standard_error == pytest.approx(stats.error_ratio / 100 * stats.sd)


def test_marks_out_of_more_than_one():
    # The same class with every mark doubled: percentages and correlations do not move.
    doubled = [
        AttemptMarks({k: 2 * v for k, v in a.marks.items()}, {k: 2.0 for k in MAX}) for a in CLASS
    ]
    before, after = quiz_statistics(CLASS), quiz_statistics(doubled)
    for b, a in zip(before.questions, after.questions, strict=True):
        assert a.facility == pytest.approx(b.facility)
        assert a.sd == pytest.approx(b.sd)
        assert a.discrimination_index == pytest.approx(b.discrimination_index, abs=1e-9)
    assert after.sd == pytest.approx(before.sd)


def test_undefined_values_are_none():
    one = quiz_statistics(CLASS[:1])
    assert one.n == 1 and one.sd is None and one.cic is None
    q1 = one.questions[0]
    assert q1.facility == 100  # a mean of one is still a mean
    assert (q1.sd, q1.discrimination_index, q1.discriminative_efficiency) == (None, None, None)

    # Everyone right on q1: no spread, so nothing to correlate.
    same = quiz_statistics([attempt(1, 1, 0), attempt(1, 0, 0), attempt(1, 1, 1)])
    q1 = same.questions[0]
    assert q1.facility == 100 and q1.sd == 0
    assert q1.discrimination_index is None and q1.discriminative_efficiency is None

    empty = quiz_statistics([])
    assert (empty.n, empty.mean, empty.median, empty.sd, empty.questions) == (
        0,
        None,
        None,
        None,
        [],
    )

    zero = question_stats("q", [AttemptMarks({"q": 0}, {"q": 0}), AttemptMarks({"q": 0}, {"q": 0})])
    assert zero.facility is None and zero.sd is None


def test_ungraded_marks_leave_the_question_out_of_that_attempt():
    stats = quiz_statistics([*CLASS, attempt(None, 1, 1)])
    assert [q.n for q in stats.questions] == [5, 6, 6]


def test_random_guess_scores():
    def q(kind, options=(), answers=()):
        return QuestionSpec(key="k", kind=kind, prompt="?", options=options, answers=answers)

    assert random_guess_score(q(spec.CHOICE, ("a", "b", "c", "d"), ("a",))) == 25
    assert random_guess_score(q(spec.TRUEFALSE, answers=("true",))) == 50
    assert random_guess_score(q(spec.SHORT, answers=("x",))) == 0
    assert random_guess_score(q(spec.MATCHING, ("a", "b", "c"), ("a", "b"))) == pytest.approx(
        100 / 3
    )
    # 2 right of 4, ticking 2 at random: both right 1/6 (score 1), one of each 4/6 (score 0),
    # both wrong 1/6 (score 0) -> 16.67 %.
    assert random_guess_score(q(spec.MULTI, ("a", "b", "c", "d"), ("a", "b"))) == pytest.approx(
        100 / 6
    )
    stats = quiz_statistics(CLASS, questions={"q1": q(spec.TRUEFALSE, answers=("true",))})
    assert stats.questions[0].random_guess_score == 50
    assert stats.questions[1].random_guess_score is None


HISTORY = [
    attempt(0, 0, 1, number=1),  # ann: 1
    attempt(1, 1, 1, number=2),  # ann: 3
    attempt(1, 1, 0, number=3),  # ann: 2
    attempt(1, 0, 0, number=1),  # ben: 1
    attempt(0, 1, 0, number=2),  # ben: 1: a tie goes to the earlier attempt
]


def test_each_learners_highest_graded_attempt_counts_ties_to_the_earlier():
    def fraction(attempt):
        return attempt.total / attempt.max_total

    ann, ben = HISTORY[:3], HISTORY[3:]
    assert [highest(ann, fraction), highest(ben, fraction)] == [HISTORY[1], HISTORY[3]]
    assert highest([], fraction) is None
