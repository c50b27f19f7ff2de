"""Reads for the stats page: reviews per study day, true retention, the due forecast, mastery.

Each function is one query whatever the size of the history: the per-day numbers are conditional
counts over a range the (user, reviewed_at) and (user, suspended, due) indexes cover, so the
database returns one row instead of every review. Days are study days (04:00 in the learner's
time zone, see scheduling.day_start), the same days the study queue counts its limits in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db.models import Count, FilteredRelation, Q

from . import scheduling
from .models import Card, CardState, ReviewLog

DAYS = 30
# Anki's line between young and mature cards: an interval (here FSRS stability) of 21 days.
MASTERED_STABILITY_DAYS = 21


def day_edges(now: datetime, tz_name: str, *, first: int, count: int) -> list[datetime]:
    """The UTC starts of `count` consecutive study days, the first `first` days from today
    (negative: in the past), plus the start of the day after the last: `count + 1` edges."""
    tz = scheduling.zone(tz_name)
    today = scheduling.day_start(now, tz_name).astimezone(tz).date()
    # Built from local calendar dates, not by adding 24 h, so a DST change does not move 04:00.
    return [
        datetime.combine(
            today + timedelta(days=first + i), scheduling.DAY_STARTS_AT, tz
        ).astimezone(UTC)
        for i in range(count + 1)
    ]


def _local_date(edge: datetime, tz_name: str) -> date:
    return edge.astimezone(scheduling.zone(tz_name)).date()


@dataclass(frozen=True)
class DayReviews:
    day: date  # the local date the study day starts on
    again: int
    passed: int  # Hard, Good or Easy

    @property
    def total(self) -> int:
        return self.again + self.passed


@dataclass(frozen=True)
class Retention:
    """Answers to cards in the review state that were not Again: the recall FSRS aims for
    (desired retention), measured. Learning steps are left out, as they are in Anki."""

    reviews: int
    passed: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None

    @property
    def percent(self) -> float | None:
        return None if self.rate is None else 100 * self.rate


@dataclass(frozen=True)
class ReviewStats:
    days: list[DayReviews]
    retention: Retention

    @property
    def total(self) -> int:
        return sum(d.total for d in self.days)


def review_stats(user, *, now: datetime, tz_name: str) -> ReviewStats:
    """Reviews on each of the last 30 study days (today included) and true retention over them."""
    edges = day_edges(now, tz_name, first=-(DAYS - 1), count=DAYS)
    counts = {}
    for i in range(DAYS):
        day = Q(reviewed_at__gte=edges[i], reviewed_at__lt=edges[i + 1])
        counts[f"again_{i}"] = Count("pk", filter=day & Q(rating=1))
        counts[f"passed_{i}"] = Count("pk", filter=day & Q(rating__gt=1))
    mature = Q(state_before__state=CardState.State.REVIEW)
    counts["mature"] = Count("pk", filter=mature)
    counts["mature_passed"] = Count("pk", filter=mature & Q(rating__gt=1))
    row = ReviewLog.objects.filter(
        user=user, reviewed_at__gte=edges[0], reviewed_at__lt=edges[-1]
    ).aggregate(**counts)
    days = [
        DayReviews(_local_date(edges[i], tz_name), row[f"again_{i}"], row[f"passed_{i}"])
        for i in range(DAYS)
    ]
    return ReviewStats(days, Retention(row["mature"], row["mature_passed"]))


@dataclass(frozen=True)
class DayDue:
    day: date
    due: int


@dataclass(frozen=True)
class Forecast:
    days: list[DayDue]
    overdue: int  # due before today began; counted in days[0] too, as that is when they are shown

    @property
    def total(self) -> int:
        return sum(d.due for d in self.days)


def due_forecast(user, *, now: datetime, tz_name: str) -> Forecast:
    """How many of the user's cards fall due on each of the next 30 study days (today first)."""
    edges = day_edges(now, tz_name, first=0, count=DAYS)
    counts = {"overdue": Count("pk", filter=Q(due__lt=edges[0]))}
    for i in range(DAYS):
        # Today's bucket has no lower bound: an overdue card is work for today.
        day = Q(due__lt=edges[i + 1]) if i == 0 else Q(due__gte=edges[i], due__lt=edges[i + 1])
        counts[f"due_{i}"] = Count("pk", filter=day)
    row = CardState.objects.filter(
        user=user,
        suspended=False,
        card__retired_at__isnull=True,
        card__held_back=False,
        due__lt=edges[-1],
    ).aggregate(**counts)
    days = [DayDue(_local_date(edges[i], tz_name), row[f"due_{i}"]) for i in range(DAYS)]
    return Forecast(days, row["overdue"])


@dataclass(frozen=True)
class TopicMastery:
    topic_id: int
    name: str
    slug: str
    cards: int
    seen: int
    mastered: int

    @property
    def percent(self) -> float:
        return 100 * self.mastered / self.cards if self.cards else 0.0


def topic_mastery(user) -> list[TopicMastery]:
    """Per live topic with live cards: its cards, how many the user has answered, how many are
    mastered (in review with a stability of at least 21 days). In topic order."""
    # The user's state joins in the ON clause, so each card is one row whatever other users did.
    rows = (
        Card.objects.filter(
            retired_at__isnull=True, held_back=False, topic__retired_at__isnull=True
        )
        .annotate(mine=FilteredRelation("states", condition=Q(states__user=user)))
        .values("topic_id", "topic__name", "topic__slug", "topic__order")
        .annotate(
            cards=Count("pk"),
            seen=Count("mine", filter=Q(mine__reps__gt=0)),
            mastered=Count(
                "mine",
                filter=Q(
                    mine__state=CardState.State.REVIEW,
                    mine__stability__gte=MASTERED_STABILITY_DAYS,
                ),
            ),
        )
        .order_by("topic__order", "topic__name", "topic_id")
    )
    return [
        TopicMastery(
            r["topic_id"], r["topic__name"], r["topic__slug"], r["cards"], r["seen"], r["mastered"]
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Stats:
    reviews: ReviewStats
    forecast: Forecast
    mastery: list[TopicMastery]

    @property
    def has_studied(self) -> bool:
        """Whether the user has answered any live card, ever (not only in the last 30 days)."""
        return any(t.seen for t in self.mastery)


def stats_for(user, *, now: datetime, tz_name: str) -> Stats:
    return Stats(
        review_stats(user, now=now, tz_name=tz_name),
        due_forecast(user, now=now, tz_name=tz_name),
        topic_mastery(user),
    )
