"""Quiz and question statistics, as Moodle's quiz statistics report computes them. Pure.

Definitions from Moodle's "Quiz statistics calculations"
(https://docs.moodle.org/dev/Quiz_statistics_calculations) and checked against the code that
implements them (question/classes/statistics/questions/calculator.php). For a question i, over
the S attempts that include it, x_i(s) is the mark attempt s got on it and X_-i(s) the attempt's
total minus that mark (the rest of the test). Means are over S; variances and covariances divide
by S − 1, as Moodle's do:

- **Facility index** F_i = 100 · mean(x_i) / max mark (the mean mark as a percentage).
- **Standard deviation** SD_i = 100 · sqrt(V(x_i)) / max mark.
- **Random guess score**: the mean mark (as a %) a learner guessing at random would get; see
  `random_guess_score`.
- **Discrimination index** D_i = 100 · C(x_i, X_-i) / sqrt(V(x_i) · V(X_-i)): the correlation
  between the question's marks and the rest of the test.
- **Discriminative efficiency** DE_i = 100 · C(x_i, X_-i) / C_max(x_i, X_-i), where C_max is the
  covariance got by sorting x_i and X_-i each in increasing order before pairing them: how close
  D_i comes to the best it could be given the spread of marks.

For the quiz: the mean, median and standard deviation of the attempts' totals, and Cronbach's
alpha (Moodle's "coefficient of internal consistency") CIC = 100 · P/(P−1) · (1 − ΣV(x_i)/V(T)),
error ratio ER = 100 · sqrt(1 − CIC/100) and standard error SE = ER/100 · SD, as percentages of
the maximum total.

A value that is undefined (fewer than two attempts, a variance of zero, a maximum of zero) is
None, never NaN and never an exception.

Which attempt counts (`highest`): Moodle's statistics report defaults to the quiz's grading
method ("whichattempts" = quiz.grademethod in mod/quiz/report/statistics/report.php), and a
quiz's grading method defaults to "Highest grade". So each learner's highest-graded attempt
counts, ties going to the earlier attempt as in Moodle's quiz_report_qm_filter_select; the
results page picks it and gives the statistics one attempt per student.
"""

from __future__ import annotations

import math
import statistics as pystats
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from . import spec

SlotId = Hashable


class _Numbered(Protocol):
    @property
    def number(self) -> int: ...


A = TypeVar("A", bound=_Numbered)

# Below this a variance is rounding noise: every attempt got the same mark.
_EPSILON = 1e-12


@dataclass(frozen=True)
class AttemptMarks:
    """One attempt's marks: slot id -> mark achieved (None: not graded), and each slot's max."""

    marks: Mapping[SlotId, float | None]
    max_marks: Mapping[SlotId, float]
    user: Hashable = None  # whose attempt, for the reader of the results
    number: int = 1  # the learner's 1st, 2nd, … attempt

    @property
    def total(self) -> float:
        return math.fsum(float(m) for m in self.marks.values() if m is not None)

    @property
    def max_total(self) -> float:
        return math.fsum(float(m) for m in self.max_marks.values())


@dataclass(frozen=True)
class QuestionStats:
    slot: SlotId
    n: int  # attempts that include the question
    max_mark: float
    facility: float | None  # %
    sd: float | None  # % of the max mark
    random_guess_score: float | None  # %
    discrimination_index: float | None  # %
    discriminative_efficiency: float | None  # %


@dataclass(frozen=True)
class QuizStats:
    n: int
    mean: float | None  # % of the max total
    median: float | None
    sd: float | None
    cic: float | None  # Cronbach's alpha, %
    error_ratio: float | None  # %
    standard_error: float | None  # % of the max total
    questions: list[QuestionStats] = field(default_factory=list)


def highest(attempts: Iterable[A], fraction: Callable[[A], Any]) -> A | None:
    """Moodle's "highest grade": the attempt with the highest fraction of its maximum (compared as
    a fraction, so attempts with different maxima compare fairly), ties going to the earlier
    attempt (lower `number`, then first given); None for no attempts. Takes anything with a
    `number`: the statistics' AttemptMarks, and the results page's Attempt rows."""
    return min(attempts, key=lambda a: (-fraction(a), a.number), default=None)


def _fraction(attempt: AttemptMarks) -> float:
    top = attempt.max_total
    return attempt.total / top if top else 0.0


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = _mean(xs), _mean(ys)
    return math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def _zero(value: float, scale: float) -> bool:
    return abs(value) <= _EPSILON * max(1.0, scale * scale)


def question_stats(
    slot: SlotId, attempts: Sequence[AttemptMarks], question: Any = None
) -> QuestionStats:
    """One question's statistics over the attempts that include it."""
    pairs = [
        (float(mark), a.total - float(mark), float(a.max_marks.get(slot, 0)))
        for a in attempts
        if (mark := a.marks.get(slot)) is not None
    ]
    n = len(pairs)
    max_mark = max((p[2] for p in pairs), default=0.0)
    guess = random_guess_score(question) if question is not None else None
    if n == 0:
        return QuestionStats(slot, 0, max_mark, None, None, guess, None, None)
    xs = [p[0] for p in pairs]
    rest = [p[1] for p in pairs]
    facility = 100 * _mean(xs) / max_mark if max_mark else None
    if n < 2:
        return QuestionStats(slot, n, max_mark, facility, None, guess, None, None)
    var_x = _covariance(xs, xs)
    var_rest = _covariance(rest, rest)
    scale = max([max_mark, *map(abs, rest)])
    var_x = 0.0 if _zero(var_x, scale) else var_x
    var_rest = 0.0 if _zero(var_rest, scale) else var_rest
    sd = 100 * math.sqrt(var_x) / max_mark if max_mark else None
    cov = _covariance(xs, rest)
    discrimination = None
    if var_x and var_rest:
        discrimination = 100 * cov / math.sqrt(var_x * var_rest)
    cov_max = _covariance(sorted(xs), sorted(rest))
    efficiency = None if _zero(cov_max, scale) else 100 * cov / cov_max
    return QuestionStats(slot, n, max_mark, facility, sd, guess, discrimination, efficiency)


def quiz_statistics(
    attempts: Iterable[AttemptMarks],
    *,
    questions: Mapping[SlotId, Any] | None = None,
) -> QuizStats:
    """Quiz-level and per-question statistics over the attempts given (one per learner: see
    `highest`).

    `questions` (slot -> QuestionSpec or Question) is only needed for the random guess scores.
    Questions come out in the order their slots first appear in the attempts.
    """
    attempts = list(attempts)
    slots: dict[SlotId, None] = {}
    for attempt in attempts:
        for slot in (*attempt.max_marks, *attempt.marks):
            slots.setdefault(slot, None)
    per_question = [question_stats(slot, attempts, (questions or {}).get(slot)) for slot in slots]

    n = len(attempts)
    percents = [100 * _fraction(a) for a in attempts]
    mean = _mean(percents) if n else None
    median = pystats.median(percents) if n else None
    sd = cic = error_ratio = standard_error = None
    if n >= 2:
        var_total = _covariance(percents, percents)
        sd = math.sqrt(var_total) if not _zero(var_total, 100) else 0.0
        cic = _cic(attempts, per_question, list(slots))
        if cic is not None and cic <= 100:
            error_ratio = 100 * math.sqrt(1 - cic / 100)
            standard_error = error_ratio / 100 * sd
    return QuizStats(n, mean, median, sd, cic, error_ratio, standard_error, per_question)


def _cic(
    attempts: Sequence[AttemptMarks], per_question: Sequence[QuestionStats], slots: list[SlotId]
) -> float | None:
    """Cronbach's alpha over the raw marks; undefined for fewer than two questions."""
    if len(slots) < 2:
        return None
    totals = [a.total for a in attempts]
    var_total = _covariance(totals, totals)
    if _zero(var_total, max(map(abs, totals), default=1.0)):
        return None
    var_sum = 0.0
    for slot in slots:
        marks = [float(mark) for a in attempts if (mark := a.marks.get(slot)) is not None]
        if len(marks) < 2:
            return None
        var_sum += _covariance(marks, marks)
    p = len(slots)
    return 100 * p / (p - 1) * (1 - var_sum / var_total)


def random_guess_score(question: Any) -> float | None:
    """The mean mark, in %, of a learner who guesses at random (Moodle's per-type rule).

    choice 100/options; truefalse 50; matching 100/choices; short and numeric 0 (nothing to
    pick from). A multi is scored as the Open University's notes on these statistics assume:
    the learner is told how many options are right and ticks that many at random; the expected
    score under `grading`'s multiple-answer rule is then summed over the hypergeometric odds.
    """
    kind = getattr(question, "kind", None)
    options = list(getattr(question, "options", None) or ())
    if kind == spec.TRUEFALSE:
        return 50.0
    if kind in (spec.SHORT, spec.NUMERIC):
        return 0.0
    if kind in (spec.CHOICE, spec.MATCHING):
        return 100 / len(options) if options else None
    if kind == spec.MULTI:
        right = len(set(getattr(question, "answers", None) or ()) & set(options))
        wrong = len(options) - right
        if not right:
            return None
        ways = math.comb(len(options), right)
        expected = 0.0
        for hits in range(right + 1):
            odds = math.comb(right, hits) * math.comb(wrong, right - hits) / ways
            expected += odds * max(0.0, (hits - (right - hits)) / right)
        return 100 * expected
    return None
