"""Scheduling with time travel: learning, review, lapse, undo, bury, leech, limits, day boundary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from studyapp.accounts.models import profile_for
from studyapp.decks import scheduling
from studyapp.decks.models import Card, CardState, ReviewLog
from studyapp.decks.selectors import deck_for, study_queue
from studyapp.decks.services import card_answer, card_set_suspended, review_undo
from studyapp.knowledge.models import Topic

T0 = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday afternoon, UTC


@pytest.fixture
def deck_cards(db):
    topic = Topic.objects.create(key="t", slug="lambda", name="Lambda")
    cards = [
        Card.objects.create(
            key=f"c{i}",
            kind="qa",
            topic=topic,
            sibling_key=f"s{i // 2}",
            front=f"Q{i}?",
            back=f"A{i}",
            order=i,
        )
        for i in range(6)
    ]
    return topic, cards


def _queue(user, now):
    return study_queue(deck_for("lambda", user), user, now=now, profile=profile_for(user))


def _answer(user, card, rating, now):
    state = CardState.objects.filter(user=user, card=card).first()
    return card_answer(
        user=user,
        card=card,
        rating=rating,
        reps_seen=state.reps if state else 0,
        duration_ms=4000,
        now=now,
    )


def _state(user, card):
    return CardState.objects.get(user=user, card=card)


def test_a_new_card_goes_through_learning_into_review(student, deck_cards):
    _, cards = deck_cards
    card = cards[0]
    assert _queue(student, T0).next_card == card
    _answer(student, card, 3, T0)
    state = _state(student, card)
    assert state.state == "learning" and state.due == T0 + timedelta(minutes=10)
    _answer(student, card, 3, T0 + timedelta(minutes=10))
    state = _state(student, card)
    assert state.state == "review"
    assert state.due - (T0 + timedelta(minutes=10)) >= timedelta(days=1)
    # the next review comes up on the day it is due, not before
    assert card not in [_queue(student, T0 + timedelta(minutes=11)).next_card]
    log = ReviewLog.objects.filter(user=student, card=card).order_by("reviewed_at")
    assert [entry.rating for entry in log] == [3, 3]
    assert log[0].state_before == {} and log[1].state_before["state"] == "learning"
    assert log[1].state_after["state"] == "review" and log[1].duration_ms == 4000


def test_a_lapse_sends_a_review_card_to_relearning(student, deck_cards):
    _, cards = deck_cards
    card = cards[0]
    _answer(student, card, 4, T0)  # Easy: straight to review
    state = _state(student, card)
    assert state.state == "review"
    later = state.due + timedelta(hours=1)
    _answer(student, card, 1, later)
    state = _state(student, card)
    assert (state.state, state.lapses) == ("relearning", 1)
    assert state.due == later + timedelta(minutes=10)


def test_undo_restores_the_state_exactly_and_removes_the_log_entry(student, deck_cards):
    _, cards = deck_cards
    card = cards[0]
    _answer(student, card, 3, T0)
    before = {f.name: getattr(_state(student, card), f.name) for f in CardState._meta.fields}
    _answer(student, card, 1, T0 + timedelta(minutes=10))
    assert ReviewLog.objects.filter(user=student).count() == 2
    undone = review_undo(user=student)
    assert undone.rating == 1
    after = {f.name: getattr(_state(student, card), f.name) for f in CardState._meta.fields}
    assert after == before
    assert ReviewLog.objects.filter(user=student).count() == 1
    review_undo(user=student)  # the first answer: the card is new again, no state row left
    assert not CardState.objects.filter(user=student, card=card).exists()
    assert review_undo(user=student) is None


def test_answering_buries_siblings_until_the_next_study_day(student, deck_cards):
    _, cards = deck_cards
    first, sibling = cards[0], cards[1]
    _answer(student, first, 3, T0)
    buried = _state(student, sibling)
    assert buried.buried_until == scheduling.next_day_start(T0, "UTC")
    queue = _queue(student, T0)
    assert queue.next_card not in (first, sibling)
    assert queue.new == 4  # six cards, one studied, one buried
    tomorrow = scheduling.next_day_start(T0, "UTC") + timedelta(minutes=1)
    assert _queue(student, tomorrow).new == 5
    review_undo(user=student)  # undo unburies too
    assert not CardState.objects.filter(user=student, card=sibling).exists()


def test_a_card_forgotten_eight_times_is_a_suspended_leech(student, deck_cards):
    _, cards = deck_cards
    card = cards[0]
    now = T0
    _answer(student, card, 4, now)
    for lapse in range(1, 9):
        now = _state(student, card).due + timedelta(minutes=1)
        _answer(student, card, 1, now)  # forgot
        state = _state(student, card)
        assert state.lapses == lapse
        if lapse < 8:
            now = state.due + timedelta(minutes=1)
            _answer(student, card, 4, now)  # relearnt, back to review
    state = _state(student, card)
    assert state.is_leech and state.suspended
    assert card not in [_queue(student, now + timedelta(days=30)).next_card]
    card_set_suspended(user=student, card=card, suspended=False)
    state.refresh_from_db()
    assert not state.suspended and not state.is_leech


def test_daily_new_limit_and_order_learning_then_due_then_new(student, deck_cards):
    _, cards = deck_cards
    profile = profile_for(student)
    profile.new_per_day = 2
    profile.save()
    _answer(student, cards[0], 3, T0)
    _answer(student, cards[2], 3, T0 + timedelta(seconds=5))
    queue = _queue(student, T0 + timedelta(seconds=10))
    assert queue.new == 0  # two new cards introduced today: the limit
    assert queue.learning == 2
    # nothing due right now but learning cards within 20 minutes are shown ahead (as Anki)
    assert queue.next_kind == "learning" and queue.next_card == cards[0]
    assert _queue(student, scheduling.next_day_start(T0, "UTC") + timedelta(hours=1)).new == 2


def test_the_study_day_starts_at_four_in_the_users_time_zone(student, deck_cards):
    _, cards = deck_cards
    profile = profile_for(student)
    profile.time_zone = "America/New_York"  # UTC-5 in November
    profile.new_per_day = 1
    profile.save()
    late_night = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)  # 03:30 in New York: still "yesterday"
    _answer(student, cards[0], 3, late_night)
    assert _queue(student, late_night + timedelta(minutes=20)).new == 0
    four_am = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 04:00 in New York: a new day
    assert scheduling.day_start(four_am, "America/New_York") == four_am
    assert _queue(student, four_am + timedelta(minutes=1)).new == 1


def test_a_double_submitted_answer_is_recorded_once(student, deck_cards):
    _, cards = deck_cards
    assert card_answer(user=student, card=cards[0], rating=3, reps_seen=0, duration_ms=0, now=T0)
    assert (
        card_answer(user=student, card=cards[0], rating=3, reps_seen=0, duration_ms=0, now=T0)
        is None
    )
    assert ReviewLog.objects.filter(user=student).count() == 1


def test_retired_cards_leave_the_queue_but_keep_their_history(student, deck_cards):
    _, cards = deck_cards
    _answer(student, cards[0], 4, T0)
    Card.objects.filter(pk=cards[0].pk).update(retired_at=T0)
    later = _state(student, cards[0]).due + timedelta(hours=1)
    assert _queue(student, later).due == 0
    assert ReviewLog.objects.filter(card=cards[0]).count() == 1


def test_intervals_on_the_buttons_match_what_the_answer_gives(student, deck_cards):
    _, cards = deck_cards
    labels = scheduling.preview(None, desired_retention=0.9, now=T0)
    assert labels[1] == "<1m" and labels[3] == "<10m"
    with time_machine.travel(T0, tick=False):
        log = _answer(student, cards[0], 4, T0)
    due = datetime.fromisoformat(log.state_after["due"])
    assert scheduling.format_interval(due - T0) == labels[4]


def test_undo_in_a_deck_takes_back_that_decks_last_answer(student, deck_cards):
    topic, cards = deck_cards
    other_topic = Topic.objects.create(key="t2", slug="other", name="Other")
    other = Card.objects.create(
        key="o1", kind="qa", topic=other_topic, sibling_key="o", front="O?", back="O"
    )
    _answer(student, cards[0], 3, T0)
    _answer(student, other, 3, T0 + timedelta(seconds=5))
    undone = review_undo(user=student, cards=Card.objects.filter(topic=topic))
    assert undone.card_id == cards[0].pk
    assert ReviewLog.objects.filter(user=student, card=other).exists()
