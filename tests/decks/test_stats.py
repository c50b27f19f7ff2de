"""The stats page and its selectors: reviews per study day, true retention, the due forecast and
mastery per topic, on rows built by hand with chosen timestamps, so every number is known."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from studyapp.accounts.models import profile_for
from studyapp.decks.models import Card, CardState, ReviewLog
from studyapp.decks.stats import due_forecast, review_stats, stats_for, topic_mastery
from studyapp.knowledge.models import Topic

URL = "/stats/"
# A Thursday, 11:00 in New York (EDT since 9 March), 20:30 in Kolkata.
NOW = datetime(2025, 3, 20, 15, 0, tzinfo=UTC)
_serial = itertools.count()


def make_topic(name: str, *, order: int = 0, retired: bool = False) -> Topic:
    n = next(_serial)
    return Topic.objects.create(
        key=f"topic-{n}",
        slug=f"topic-{n}",
        name=name,
        order=order,
        retired_at=NOW - timedelta(days=1) if retired else None,
    )


def make_card(topic: Topic, *, retired: bool = False) -> Card:
    n = next(_serial)
    return Card.objects.create(
        key=f"card-{n}",
        kind=Card.Kind.QA,
        topic=topic,
        sibling_key=f"sibling-{n}",
        front=f"Question {n}?",
        back=f"Answer {n}",
        retired_at=NOW - timedelta(days=1) if retired else None,
    )


def log(user, card: Card, rating: int, at: datetime, *, before: str | None = "review") -> None:
    """One answer; `before` is the card's state before it (None: the card was new, no row)."""
    ReviewLog.objects.create(
        user=user,
        card=card,
        rating=rating,
        state_before={"state": before} if before else {},
        state_after={"state": "review"},
        reviewed_at=at,
    )


def set_zone(user, name: str) -> None:
    profile = profile_for(user)
    profile.time_zone = name
    profile.save()


@pytest.fixture
def card(db) -> Card:
    return make_card(make_topic("Lambda"))


# Reviews per day ---------------------------------------------------------------------------------


def test_reviews_are_counted_per_study_day_starting_0400_in_the_users_zone(student, outsider, card):
    # New York: today's study day began at 04:00 EDT = 08:00 UTC; the first of the 30 days,
    # 19 February, began at 04:00 EST = 09:00 UTC (before daylight saving time).
    log(student, card, 3, datetime(2025, 3, 20, 7, 59, tzinfo=UTC))  # 03:59: still 19 March
    log(student, card, 3, datetime(2025, 3, 20, 8, 0, tzinfo=UTC))  # 04:00: today
    log(student, card, 1, datetime(2025, 3, 20, 14, 0, tzinfo=UTC))  # Again, today
    log(student, card, 2, datetime(2025, 2, 19, 9, 0, tzinfo=UTC))  # the first day's 04:00
    log(student, card, 4, datetime(2025, 2, 19, 8, 59, tzinfo=UTC))  # 18 Feb: too old
    log(outsider, card, 3, datetime(2025, 3, 20, 9, 0, tzinfo=UTC))  # not the student's

    days = review_stats(student, now=NOW, tz_name="America/New_York").days

    assert len(days) == 30
    assert (days[0].day, days[-1].day) == (date(2025, 2, 19), date(2025, 3, 20))
    assert {d.day: (d.passed, d.again) for d in days if d.total} == {
        date(2025, 2, 19): (1, 0),
        date(2025, 3, 19): (1, 0),
        date(2025, 3, 20): (1, 1),
    }


def test_the_same_reviews_fall_on_other_days_in_utc(student, card):
    log(student, card, 3, datetime(2025, 3, 20, 3, 59, tzinfo=UTC))
    log(student, card, 3, datetime(2025, 3, 20, 4, 0, tzinfo=UTC))

    days = review_stats(student, now=NOW, tz_name="UTC").days

    assert [(d.day, d.total) for d in days[-2:]] == [(date(2025, 3, 19), 1), (date(2025, 3, 20), 1)]


def test_true_retention_counts_answers_to_cards_in_review_that_were_not_again(
    student, outsider, card
):
    in_window = NOW - timedelta(days=3)
    for rating in (3, 3, 4, 2, 1):  # in review before the answer: 4 of 5 remembered
        log(student, card, rating, in_window)
    log(student, card, 1, in_window, before="learning")  # learning steps do not count
    log(student, card, 1, in_window, before="relearning")
    log(student, card, 3, in_window, before=None)  # a new card's first answer
    log(student, card, 1, NOW - timedelta(days=40))  # older than 30 days
    log(outsider, card, 1, in_window)

    retention = review_stats(student, now=NOW, tz_name="UTC").retention

    assert (retention.reviews, retention.passed) == (5, 4)
    assert retention.rate == pytest.approx(0.8)
    assert retention.percent == pytest.approx(80.0)


def test_true_retention_is_none_without_reviews_of_cards_in_review(student, card):
    log(student, card, 3, NOW - timedelta(hours=1), before=None)

    retention = review_stats(student, now=NOW, tz_name="UTC").retention

    assert (retention.reviews, retention.rate, retention.percent) == (0, None, None)


# Forecast ----------------------------------------------------------------------------------------


def test_forecast_buckets_cards_by_study_day_with_overdue_counted_today(student, outsider):
    # Kolkata is UTC+05:30 without daylight saving: its study day starts at 22:30 UTC the day
    # before, so today (20 March) runs from 19 March 22:30 UTC to 20 March 22:30 UTC.
    topic = make_topic("Lambda")
    live = [make_card(topic) for _ in range(6)]
    dues = [
        datetime(2025, 3, 10, 12, 0, tzinfo=UTC),  # overdue: today
        datetime(2025, 3, 20, 22, 29, tzinfo=UTC),  # 03:59 on 21 March local: still today
        datetime(2025, 3, 20, 22, 30, tzinfo=UTC),  # 04:00 on 21 March: tomorrow
        datetime(2025, 4, 18, 22, 29, tzinfo=UTC),  # the last minute of the 30th day
        datetime(2025, 4, 18, 22, 30, tzinfo=UTC),  # the 31st day: outside the forecast
    ]
    for card, due in zip(live, dues, strict=False):
        CardState.objects.create(user=student, card=card, state="review", due=due, reps=3)
    CardState.objects.create(user=student, card=live[5], state="review", due=NOW, suspended=True)
    CardState.objects.create(user=student, card=make_card(topic, retired=True), due=NOW)
    CardState.objects.create(  # a new card buried for today: no due date, not in the forecast
        user=student, card=make_card(topic), buried_until=NOW + timedelta(hours=9)
    )
    CardState.objects.create(user=outsider, card=live[0], state="review", due=NOW)

    forecast = due_forecast(student, now=NOW, tz_name="Asia/Kolkata")

    assert len(forecast.days) == 30
    assert (forecast.days[0].day, forecast.days[-1].day) == (date(2025, 3, 20), date(2025, 4, 18))
    assert {i: d.due for i, d in enumerate(forecast.days) if d.due} == {0: 2, 1: 1, 29: 1}
    assert forecast.overdue == 1
    assert forecast.total == 4


# Mastery -----------------------------------------------------------------------------------------


def test_mastery_per_live_topic_in_topic_order(student, outsider):
    lambda_ = make_topic("Lambda", order=2)
    gateway = make_topic("API Gateway", order=1)
    make_topic("No cards yet", order=0)
    retired_topic = make_topic("Gone", order=0, retired=True)
    make_card(retired_topic)
    a1, a2, a3, a4 = (make_card(lambda_) for _ in range(4))
    retired_card = make_card(lambda_, retired=True)
    g1, g2 = make_card(gateway), make_card(gateway)

    def state(user, card, **fields) -> None:
        CardState.objects.create(user=user, card=card, **fields)

    state(student, a1, state="review", stability=30.0, reps=5)
    state(student, a2, state="review", stability=21.0, reps=4)  # exactly 21 days: mastered
    state(student, a3, state="review", stability=20.9, reps=3)  # seen, not yet mastered
    state(student, retired_card, state="review", stability=90.0, reps=9)
    state(student, g1, state="relearning", stability=40.0, reps=6)  # lapsed: not mastered
    state(student, g2, state="new", reps=0, suspended=True)  # suspended before studying
    for card in (a4, g1, g2):  # another learner's progress is not the student's
        state(outsider, card, state="review", stability=50.0, reps=5)

    rows = [(t.name, t.cards, t.seen, t.mastered, t.percent) for t in topic_mastery(student)]

    assert rows == [("API Gateway", 2, 1, 0, 0.0), ("Lambda", 4, 3, 2, 50.0)]


# Query counts ------------------------------------------------------------------------------------


def _history(user, *, topics: int, cards: int, reviews: int) -> None:
    for t in range(topics):
        topic = make_topic(f"Topic {t}", order=t)
        for c in range(cards):
            card = make_card(topic)
            CardState.objects.create(
                user=user,
                card=card,
                state="review",
                stability=10.0 + c,
                reps=2,
                due=NOW + timedelta(days=c),
            )
            for r in range(reviews):
                log(user, card, 1 + r % 4, NOW - timedelta(days=r % 30, minutes=c))


def test_the_selectors_are_three_queries_however_much_history(student, django_assert_num_queries):
    with django_assert_num_queries(3):
        stats_for(student, now=NOW, tz_name="Europe/Berlin")
    _history(student, topics=6, cards=8, reviews=12)
    with django_assert_num_queries(3):
        data = stats_for(student, now=NOW, tz_name="Europe/Berlin")
    assert data.reviews.total == 6 * 8 * 12


def _page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_the_page_needs_the_same_few_queries_for_a_small_and_a_large_history(
    student, student_client, time_machine, django_assert_max_num_queries
):
    time_machine.move_to(NOW, tick=False)
    set_zone(student, "Europe/Berlin")
    _history(student, topics=1, cards=1, reviews=1)
    small = _page_queries(student_client)
    _history(student, topics=8, cards=10, reviews=15)
    # Session, user, profile, then one query each for reviews, forecast and mastery.
    with django_assert_max_num_queries(6):
        large = _page_queries(student_client)
    assert large == small


# The page ----------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/stats/"


def test_the_page_only_answers_get(student_client):
    assert student_client.post(URL).status_code == 405


def test_a_student_without_data_sees_empty_states(student_client):
    response = student_client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "No reviews yet — study a deck to see your progress here." in html
    assert "No reviews of cards in review yet" in html
    assert "Nothing due in the next 30 days" in html
    assert "No cards yet" in html
    assert "<svg" not in html


def test_no_recent_reviews_is_not_the_same_as_never_studied(student, student_client, card):
    CardState.objects.create(
        user=student, card=card, state="review", stability=5.0, reps=1, due=NOW - timedelta(days=9)
    )
    log(student, card, 3, NOW - timedelta(days=45), before=None)

    html = student_client.get(URL).content.decode()

    assert "No reviews in the last 30 days" in html
    assert "No reviews yet" not in html


def test_the_page_draws_each_chart_with_a_table_of_the_same_numbers(
    student, outsider_client, student_client, time_machine
):
    time_machine.move_to(NOW, tick=False)
    set_zone(student, "America/New_York")
    lambda_ = make_topic("Lambda", order=1)
    cards = [make_card(lambda_) for _ in range(4)]
    for card, stability in zip(cards[:2], (30.0, 3.0), strict=True):
        CardState.objects.create(
            user=student,
            card=card,
            state="review",
            stability=stability,
            reps=4,
            due=datetime(2025, 3, 21, 9, 0, tzinfo=UTC),  # Friday 05:00 in New York
        )
    for rating in (3, 3, 4, 1):
        log(student, cards[0], rating, datetime(2025, 3, 20, 8, 30, tzinfo=UTC))
    log(student, cards[1], 3, datetime(2025, 3, 20, 7, 30, tzinfo=UTC), before=None)

    html = student_client.get(URL).content.decode()

    assert html.count("<svg") == 3
    assert html.count('role="img"') == 3
    assert '<title id="reviews-chart-title">Reviews per day, last 30 days</title>' in html
    assert html.count("<table") == 3
    # Today: 3 passed, 1 Again; the answer at 03:30 local belongs to Wednesday.
    assert row(html, "Thu 20 Mar") == ["3", "1", "4"]
    assert row(html, "Wed 19 Mar") == ["1", "0", "1"]
    assert "75.0%" in html and "3 of 4 answers to cards in review" in html
    assert "You asked the scheduler for 90%." in html
    assert row(html, "Today") == ["0"]
    assert row(html, "Fri 21 Mar") == ["2"]
    assert row(html, "Lambda") == ["4", "2", "1", "25%"]
    # The outsider's page knows nothing of this.
    assert "No reviews yet" in outsider_client.get(URL).content.decode()


def row(html: str, header: str) -> list[str]:
    """The cells of the table row whose header is `header` (the first such row)."""
    match = re.search(
        rf'<tr><th scope="row">(?:<a [^>]*>)?{re.escape(header)}(?:</a>)?</th>(.*?)</tr>', html
    )
    assert match is not None, header
    return re.findall(r'<td class="num">(.*?)</td>', match.group(1))
