"""Reads for the instructor's results page and grades CSV: each student's attempts and best score,
and the per-question statistics (`statistics.py`) of the attempts that count.

Which attempt counts is Moodle's default: a student's grade is their highest-graded attempt
(ties go to the earlier one), and the statistics use that same attempt of each student, so the
page's grades and its statistics describe the same attempts. An attempt still under way counts
as used but has no score yet. A fixed number of queries, however many students and questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from . import spec
from .models import Attempt, Quiz, QuizQuestion, Response
from .selectors import time_text
from .statistics import AttemptMarks, QuestionStats, QuizStats, SlotId, highest, quiz_statistics

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Moodle's rules of thumb for a question worth a second look (its statistics report's notes).
HARD_BELOW = 20.0  # facility, %: most students got it wrong
EASY_ABOVE = 90.0  # facility, %: nearly everyone got it right
WEAK_BELOW = 20.0  # discrimination index, %: it does not tell the strong from the weak


@dataclass
class StudentResult:
    user: User
    attempts: list[Attempt]  # oldest first
    best: Attempt | None  # the highest-graded submitted attempt
    max_score: Decimal

    @property
    def used(self) -> int:
        return len(self.attempts)

    @property
    def in_progress(self) -> bool:
        return any(not a.is_submitted for a in self.attempts)

    @property
    def submitted(self) -> list[Attempt]:
        return [a for a in self.attempts if a.is_submitted]

    @property
    def percent(self) -> float | None:
        # The best attempt is a submitted one with a score (`_best`).
        if self.best is None or self.best.score is None or not self.best.max_score:
            return None
        return float(self.best.score / self.best.max_score * 100)

    @property
    def time_taken(self) -> timedelta | None:
        if self.best is None or self.best.submitted_at is None:
            return None
        return self.best.submitted_at - self.best.started_at

    @property
    def time_text(self) -> str:
        return time_text(self.time_taken)

    @property
    def submitted_at(self) -> datetime | None:
        return self.best.submitted_at if self.best else None


@dataclass
class QuestionRow:
    n: int
    slot: QuizQuestion
    stats: QuestionStats | None

    @property
    def kind_label(self) -> str:
        return spec.KIND_LABELS.get(self.slot.question.kind, self.slot.question.kind)

    @property
    def flags(self) -> list[str]:
        """Why the question is worth a second look ('' entries never)."""
        if self.stats is None:
            return []
        flags = []
        facility, discrimination = self.stats.facility, self.stats.discrimination_index
        if facility is not None and facility < HARD_BELOW:
            flags.append("hard")
        if facility is not None and facility > EASY_ABOVE:
            flags.append("easy")
        if discrimination is not None and discrimination < WEAK_BELOW:
            flags.append("weak discrimination")
        return flags


@dataclass
class QuizResults:
    quiz: Quiz
    students: list[StudentResult]
    questions: list[QuestionRow]
    total_points: Decimal
    stats: QuizStats | None = None

    @property
    def attempt_count(self) -> int:
        return sum(s.used for s in self.students)

    @property
    def graded(self) -> list[StudentResult]:
        return [s for s in self.students if s.best is not None]


def _best(attempts: list[Attempt]) -> Attempt | None:
    """The highest-graded submitted attempt, by the statistics' own rule (`statistics.highest`)."""
    submitted = [a for a in attempts if a.is_submitted and a.score is not None]
    return highest(submitted, _fraction)


def _fraction(attempt: Attempt) -> Decimal:
    """The score as a fraction of the maximum (of an attempt with a score: see `_best`)."""
    if attempt.score is None or not attempt.max_score:
        return Decimal(0)
    return attempt.score / attempt.max_score


def attempt_marks(attempts: list[Attempt], slots: dict[int, QuizQuestion]) -> list[AttemptMarks]:
    """The statistics' input for these (submitted) attempts: each question's mark is the
    response's fraction × the question's points. One query."""
    fractions: dict[tuple[int, int], float | None] = {
        (attempt_id, slot_id): fraction
        for attempt_id, slot_id, fraction in Response.objects.filter(
            attempt__in=[a.pk for a in attempts]
        ).values_list("attempt_id", "slot_id", "fraction")
    }
    marks = []
    for attempt in attempts:
        asked = [pk for pk in attempt.slot_order if pk in slots]
        max_marks: dict[SlotId, float] = {pk: float(slots[pk].points) for pk in asked}
        got: dict[SlotId, float | None] = {}
        for pk in asked:
            fraction = fractions.get((attempt.pk, pk), 0.0)
            got[pk] = None if fraction is None else fraction * max_marks[pk]
        marks.append(AttemptMarks(got, max_marks, user=attempt.user_id, number=attempt.number))
    return marks


def student_results(quiz: Quiz, slots: list[QuizQuestion]) -> list[StudentResult]:
    """Everyone with an attempt, and everyone the quiz names who has none yet, by username. Two
    queries."""
    total = sum((s.points for s in slots), Decimal(0))
    by_user: dict[int, list[Attempt]] = {}
    users: dict[int, User] = {}
    for attempt in (
        Attempt.objects.filter(quiz=quiz).select_related("user").order_by("user_id", "number")
    ):
        by_user.setdefault(attempt.user_id, []).append(attempt)
        users[attempt.user_id] = attempt.user
    for user in quiz.assigned_to.all():
        users.setdefault(user.pk, user)
    results = [
        StudentResult(user, by_user.get(pk, []), _best(by_user.get(pk, [])), total)
        for pk, user in users.items()
    ]
    return sorted(results, key=lambda r: r.user.get_username().casefold())


def quiz_results(quiz: Quiz, *, with_statistics: bool = True) -> QuizResults:
    """The results page's data. Four queries (three without the statistics)."""
    slots = list(quiz.slots.select_related("question"))
    students = student_results(quiz, slots)
    results = QuizResults(
        quiz=quiz,
        students=students,
        questions=[QuestionRow(n, slot, None) for n, slot in enumerate(slots, start=1)],
        total_points=sum((s.points for s in slots), Decimal(0)),
    )
    if not with_statistics:
        return results
    counted = [s.best for s in students if s.best is not None]
    by_pk = {s.pk: s for s in slots}
    stats = quiz_statistics(
        attempt_marks(counted, by_pk), questions={pk: s.question for pk, s in by_pk.items()}
    )
    per_slot = {q.slot: q for q in stats.questions}
    for row in results.questions:
        row.stats = per_slot.get(row.slot.pk)
    results.stats = stats
    return results
