"""FSRS scheduling and the study day: conversions between our rows and the `fsrs` package.

Pure apart from reading a Profile's options. The study day starts at 04:00 in the learner's time
zone (as in Anki): reviews done at 01:00 still count for the evening before.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import fsrs

DAY_STARTS_AT = time(4, 0)
LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)
MAXIMUM_INTERVAL_DAYS = 36500
LEECH_LAPSES = 8

_TO_FSRS_STATE = {
    "learning": fsrs.State.Learning,
    "review": fsrs.State.Review,
    "relearning": fsrs.State.Relearning,
}
_FROM_FSRS_STATE = {v: k for k, v in _TO_FSRS_STATE.items()}


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def day_start(now: datetime, tz_name: str) -> datetime:
    """The start (in UTC) of the study day that `now` falls in."""
    local = now.astimezone(zone(tz_name))
    start = datetime.combine(local.date(), DAY_STARTS_AT, tzinfo=local.tzinfo)
    if local < start:
        start = datetime.combine(
            local.date() - timedelta(days=1), DAY_STARTS_AT, tzinfo=local.tzinfo
        )
    return start.astimezone(UTC)


def next_day_start(now: datetime, tz_name: str) -> datetime:
    local_start = day_start(now, tz_name).astimezone(zone(tz_name))
    # Add a calendar day in local time, so a DST change does not move 04:00.
    following = datetime.combine(
        local_start.date() + timedelta(days=1), DAY_STARTS_AT, tzinfo=local_start.tzinfo
    )
    return following.astimezone(UTC)


def scheduler(desired_retention: float) -> fsrs.Scheduler:
    # No fuzz: the interval printed on a button is exactly the one the answer gives.
    return fsrs.Scheduler(
        desired_retention=desired_retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        maximum_interval=MAXIMUM_INTERVAL_DAYS,
        enable_fuzzing=False,
    )


def to_fsrs(fields: dict | None) -> fsrs.Card:
    """Our state fields (or None for a new card) as an fsrs.Card."""
    if not fields or fields.get("state", "new") == "new":
        return fsrs.Card()
    return fsrs.Card(
        state=_TO_FSRS_STATE[fields["state"]],
        step=fields.get("step"),
        stability=fields.get("stability"),
        difficulty=fields.get("difficulty"),
        due=_utc(fields["due"]),
        last_review=_utc(fields.get("last_review")),
    )


def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value else None


def from_fsrs(card: fsrs.Card) -> dict:
    return {
        "state": _FROM_FSRS_STATE[card.state],
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due,
        "last_review": card.last_review,
    }


def review(
    fields: dict | None,
    rating: int,
    *,
    desired_retention: float,
    now: datetime,
    duration_ms: int = 0,
) -> dict:
    """The state fields after answering `rating` (1 Again … 4 Easy) at `now`."""
    card, _log = scheduler(desired_retention).review_card(
        to_fsrs(fields),
        fsrs.Rating(rating),
        review_datetime=now,
        review_duration=duration_ms or None,
    )
    return from_fsrs(card)


def preview(fields: dict | None, *, desired_retention: float, now: datetime) -> dict[int, str]:
    """The interval each rating would give, as the buttons show it: {1: '<1m', 3: '<10m', …}."""
    return {
        rating: format_interval(
            review(fields, rating, desired_retention=desired_retention, now=now)["due"] - now
        )
        for rating in (1, 2, 3, 4)
    }


def format_interval(delta: timedelta) -> str:
    seconds = max(delta.total_seconds(), 0)
    minutes = seconds / 60
    days = seconds / 86400
    if minutes < 60:
        return f"<{max(1, round(minutes))}m"
    if days < 1:
        return f"{round(minutes / 60)}h"
    if days < 14:
        return f"{round(days)}d"
    if days < 60:
        return f"{round(days / 7)}w"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y".replace(".0y", "y")
