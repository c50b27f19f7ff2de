"""The decks pages and the study session over HTTP: deck list, custom decks, deck options, the study
page (front, back, answer, double submit, htmx fragment, undo, summary), suspending, query counts.

The five real notes, ingested with their cards once per session (tests/five_notes.py), are
restored once per module inside a transaction rolled back when the module is done; every test runs
in its own nested transaction (`db`).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, time, timedelta

import pytest
from django.db import connection
from django.template.defaultfilters import linebreaksbr
from django.test.utils import CaptureQueriesContext

from studyapp.accounts.models import profile_for
from studyapp.decks import scheduling
from studyapp.decks.models import Card, CardState, CustomDeck, ReviewLog
from studyapp.knowledge.models import Topic

# A fixed "now", 8 hours into today's UTC study day: near the real time, so that the test
# client's session (made at the real time) has not expired there.
T0 = datetime.combine(datetime.now(UTC).date(), time(12, 0), tzinfo=UTC)
STUDY = "/decks/everything/study/"
UNDO = "/decks/everything/study/undo/"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(scope="module")
def _cards_loaded(notes_and_cards_in_module, django_db_blocker) -> int:
    with django_db_blocker.unblock():
        return Card.objects.count()


@pytest.fixture
def cards(_cards_loaded: int, db) -> list[Card]:
    """Every live card in study order (the order new cards are introduced in)."""
    found = list(Card.objects.filter(retired_at__isnull=True, held_back=False).order_by("order"))
    assert len(found) > 100
    return found


@pytest.fixture
def small_topic(cards: list[Card]) -> Topic:
    """A leaf topic with 3 to 6 cards, none of them siblings (so no card buries another)."""
    for topic in Topic.objects.filter(retired_at__isnull=True, children__isnull=True):
        own = [c for c in cards if c.topic_id == topic.pk]
        if 3 <= len(own) <= 6 and len({c.sibling_key for c in own}) == len(own):
            return topic
    raise AssertionError("the notes no longer have a small leaf topic")


def topic_cards(topic: Topic) -> list[Card]:
    return list(topic.cards.filter(retired_at__isnull=True).order_by("order"))


# Reading pages -----------------------------------------------------------------------------------


def body(response) -> str:
    return response.content.decode()


def study_counts(page: str) -> tuple[int, int, int]:
    """The "new · learning · due" line of the study page."""
    match = re.search(
        r'class="new"[^>]*>(\d+) new</span> ·\s*<span class="learning"[^>]*>(\d+) learning</span>'
        r' ·\s*<span class="due"[^>]*>(\d+) due</span>',
        page,
    )
    assert match, page
    new, learning, due = map(int, match.groups())
    return new, learning, due


def deck_rows(page: str) -> dict[str, tuple[int, int, int]]:
    """slug -> (new, learning, due) for every deck row of the deck list."""
    rows = re.findall(
        r'<a href="/decks/([^/"]+)/">[^<]*</a>\s*</th>\s*<td class="num new">(\d+)</td>\s*'
        r'<td class="num learning">(\d+)</td>\s*<td class="num due">(\d+)</td>',
        page,
    )
    return {slug: (int(n), int(lr), int(d)) for slug, n, lr, d in rows}


def shown_card(page: str) -> int | None:
    """The pk of the card whose front is shown (the "Show answer" form names it)."""
    match = re.search(r'name="show" value="(\d+)"', page)
    return int(match.group(1)) if match else None


def answered_card(page: str) -> int | None:
    """The pk of the card whose answer is shown (the rating form names it)."""
    match = re.search(r'name="card" value="(\d+)"', page)
    return int(match.group(1)) if match else None


def rating_buttons(page: str) -> dict[int, str]:
    """rating -> the interval printed on its button."""
    buttons = re.findall(r'data-rating="(\d)"[^>]*>.*?<small>(.*?)</small>\s*</button>', page, re.S)
    return {int(rating): html.unescape(interval) for rating, interval in buttons}


def summary(page: str) -> dict[str, str]:
    section = page[page.index('<section class="study-summary"') :]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", section)
    return dict(pairs)


def front_html(card: Card) -> str:
    return linebreaksbr(card.front, autoescape=True)


def answer(client, card: Card, rating: int, *, slug: str = "everything", **extra):
    state = CardState.objects.filter(user__username="student", card=card).first()
    data = {"card": card.pk, "rating": rating, "reps": state.reps if state else 0}
    return client.post(f"/decks/{slug}/study/", data, **extra)


def states_of(user) -> list[dict]:
    return list(CardState.objects.filter(user=user).order_by("pk").values())


# /decks/ -----------------------------------------------------------------------------------------


def test_deck_list_requires_login(client, db):
    response = client.get("/decks/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/decks/"


def test_deck_list_shows_everything_and_topic_decks_capped_by_the_new_limit(
    student, student_client, cards, small_topic
):
    rows = deck_rows(body(student_client.get("/decks/")))

    # 178 new cards, but a day brings only 20 (the default limit); nothing learnt yet.
    assert rows["everything"] == (20, 0, 0)
    roots = Topic.objects.filter(retired_at__isnull=True, parent__isnull=True)
    assert roots and all(t.slug in rows for t in roots)
    small = len(topic_cards(small_topic))
    assert rows[small_topic.slug] == (small, 0, 0)
    big = max(Topic.objects.filter(retired_at__isnull=True), key=lambda t: len(topic_cards(t)))
    assert len(topic_cards(big)) > 20 and rows[big.slug] == (20, 0, 0)

    profile = profile_for(student)
    profile.new_per_day = 2
    profile.save()
    rows = deck_rows(body(student_client.get("/decks/")))
    assert rows["everything"] == (2, 0, 0)
    assert rows[small_topic.slug] == (2, 0, 0)


def test_deck_list_counts_what_is_left_of_today_after_studying(student_client, cards):
    answer(student_client, cards[0], 3)

    rows = deck_rows(body(student_client.get("/decks/")))

    assert rows["everything"] == (19, 1, 0)


def test_posting_a_name_and_topics_creates_a_deck_owned_by_the_user(
    student, student_client, small_topic
):
    response = student_client.post(
        "/decks/", {"name": "Before the exam", "topics": [small_topic.pk]}
    )

    deck = CustomDeck.objects.get()
    assert deck.owner == student
    assert deck.name == "Before the exam"
    assert list(deck.topics.all()) == [small_topic]
    assert response.status_code == 302
    assert response["Location"] == f"/decks/{deck.slug}/"
    page = body(student_client.get(response["Location"]))
    assert "<h1>Before the exam</h1>" in page
    assert study_counts(page) == (len(topic_cards(small_topic)), 0, 0)
    assert deck.slug in deck_rows(body(student_client.get("/decks/")))


@pytest.mark.parametrize("data", [{"name": "No topics"}, {}], ids=["no-topics", "empty-post"])
def test_a_deck_without_topics_is_refused_and_nothing_is_created(student_client, cards, data):
    response = student_client.post("/decks/", data)

    assert response.status_code == 400
    assert "Choose at least one topic." in body(response)
    assert CustomDeck.objects.count() == 0


def test_another_users_custom_deck_is_not_found(
    student_client, outsider_client, small_topic, cards
):
    student_client.post("/decks/", {"name": "Mine", "topics": [small_topic.pk]})
    slug = CustomDeck.objects.get().slug
    card = topic_cards(small_topic)[0]

    assert outsider_client.get(f"/decks/{slug}/").status_code == 404
    assert outsider_client.get(f"/decks/{slug}/study/").status_code == 404
    post = {"card": card.pk, "rating": 3, "reps": 0}
    assert outsider_client.post(f"/decks/{slug}/study/", post).status_code == 404
    assert outsider_client.post(f"/decks/{slug}/study/undo/").status_code == 404
    assert ReviewLog.objects.count() == 0
    # The owner still gets it.
    assert student_client.get(f"/decks/{slug}/study/").status_code == 200


def test_the_deck_list_needs_the_same_queries_for_one_custom_deck_or_many(
    student_client, small_topic, cards, django_assert_num_queries
):
    student_client.post("/decks/", {"name": "Deck 0", "topics": [small_topic.pk]})
    student_client.get("/decks/")  # the profile and session exist from here on
    one = _queries(student_client, "/decks/")
    for n in range(1, 6):
        student_client.post("/decks/", {"name": f"Deck {n}", "topics": [small_topic.pk]})
    student_client.get("/decks/")  # shows (and so clears) the "created" messages

    with django_assert_num_queries(one):
        response = student_client.get("/decks/")
    assert len([s for s in deck_rows(body(response)) if s.startswith("my-")]) == 6


# /decks/<slug>/ ----------------------------------------------------------------------------------

OPTIONS = {
    "new_per_day": "7",
    "reviews_per_day": "150",
    "desired_retention": "0.85",
    "time_zone": "Europe/Istanbul",
}


def test_deck_options_are_saved(student, student_client, small_topic):
    response = student_client.post(f"/decks/{small_topic.slug}/", OPTIONS)

    assert response.status_code == 302
    assert response["Location"] == f"/decks/{small_topic.slug}/"
    profile = profile_for(student)
    assert (
        profile.new_per_day,
        profile.reviews_per_day,
        profile.desired_retention,
        profile.time_zone,
    ) == (7, 150, 0.85, "Europe/Istanbul")
    assert "Study options saved." in body(student_client.get(response["Location"]))


@pytest.mark.parametrize(
    ("retention", "message"),
    [
        ("0.5", "Ensure this value is greater than or equal to 0.7."),
        ("0.99", "Ensure this value is less than or equal to 0.97."),
    ],
)
def test_out_of_range_retention_is_refused_and_nothing_is_saved(
    student, student_client, small_topic, retention, message
):
    data = {**OPTIONS, "new_per_day": "1", "desired_retention": retention}

    response = student_client.post(f"/decks/{small_topic.slug}/", data)

    assert response.status_code == 400
    page = body(response)
    assert message in page
    profile = profile_for(student)
    assert (
        profile.new_per_day,
        profile.reviews_per_day,
        profile.desired_retention,
        profile.time_zone,
    ) == (20, 200, 0.9, "UTC")
    # Today's counts follow the saved options, not the refused ones (new_per_day=1 was posted).
    assert study_counts(page) == (len(topic_cards(small_topic)), 0, 0)


def test_an_unknown_time_zone_is_refused(student, student_client, small_topic):
    response = student_client.post(
        f"/decks/{small_topic.slug}/", {**OPTIONS, "time_zone": "Mars/Olympus"}
    )

    assert response.status_code == 400
    assert profile_for(student).time_zone == "UTC"


def test_an_unknown_deck_is_not_found(student_client, cards):
    assert student_client.get("/decks/no-such-deck/").status_code == 404
    assert student_client.post("/decks/no-such-deck/", OPTIONS).status_code == 404
    assert student_client.get("/decks/no-such-deck/study/").status_code == 404


# /decks/<slug>/study/ ----------------------------------------------------------------------------


def test_the_study_page_shows_the_first_new_card_and_the_counts(student_client, cards):
    response = student_client.get(STUDY)

    assert response.status_code == 200
    page = body(response)
    assert shown_card(page) == cards[0].pk
    assert front_html(cards[0]) in page
    assert 'id="card-back"' not in page
    assert study_counts(page) == (20, 0, 0)


def test_show_gives_the_back_and_four_buttons_with_their_intervals(student_client, cards):
    response = student_client.get(f"{STUDY}?show={cards[0].pk}")

    page = body(response)
    assert response.status_code == 200
    assert answered_card(page) == cards[0].pk
    assert linebreaksbr(cards[0].back, autoescape=True) in page
    intervals = rating_buttons(page)
    assert sorted(intervals) == [1, 2, 3, 4]
    # A new card: Again repeats in a minute, Good after the 10-minute step, Easy graduates.
    assert intervals[1] == "<1m"
    assert re.fullmatch(r"<\d+m", intervals[2])
    assert intervals[3] == "<10m"
    assert re.fullmatch(r"\d+d", intervals[4]), intervals
    # Only the shown card's own answer: ?show= with an unknown pk shows the front.
    assert 'id="card-back"' not in body(student_client.get(f"{STUDY}?show=999999"))
    assert 'id="card-back"' not in body(student_client.get(f"{STUDY}?show=junk"))


def test_answering_records_one_review_and_redirects(student, student_client, cards):
    response = answer(student_client, cards[0], 3)

    assert response.status_code == 302
    assert response["Location"] == STUDY
    log = ReviewLog.objects.get()
    assert (log.user, log.card, log.rating, log.state_before) == (student, cards[0], 3, {})
    state = CardState.objects.get(user=student, card=cards[0])
    assert (state.state, state.reps) == ("learning", 1)


def test_a_double_submit_records_one_review(student_client, cards):
    data = {"card": cards[0].pk, "rating": 3, "reps": 0, "started": "1"}

    first = student_client.post(STUDY, data)
    second = student_client.post(STUDY, data)

    assert first.status_code == second.status_code == 302
    assert ReviewLog.objects.count() == 1
    assert CardState.objects.get(card=cards[0]).reps == 1


def test_an_htmx_answer_returns_only_the_study_fragment_with_the_next_card(student_client, cards):
    response = answer(student_client, cards[0], 3, **HTMX)

    assert response.status_code == 200
    page = body(response)
    assert "<html" not in page
    assert page.lstrip().startswith('<div id="study"')
    assert ReviewLog.objects.count() == 1
    # The next card is the next new one that is no sibling of the answered card (siblings wait).
    following = next(c for c in cards[1:] if c.sibling_key != cards[0].sibling_key)
    assert shown_card(page) == following.pk
    assert front_html(following) in page
    assert study_counts(page) == (19, 1, 0)


def test_an_htmx_request_for_the_answer_returns_the_fragment(student_client, cards):
    page = body(student_client.get(f"{STUDY}?show={cards[0].pk}", **HTMX))

    assert "<html" not in page
    assert answered_card(page) == cards[0].pk


@pytest.mark.parametrize("extra", [{}, HTMX], ids=["plain", "htmx"])
def test_an_invalid_rating_is_refused_and_nothing_is_recorded(student_client, cards, extra):
    response = student_client.post(STUDY, {"card": cards[0].pk, "rating": 7, "reps": 0}, **extra)

    assert response.status_code == 400
    assert "That answer could not be read; please answer again." in body(response)
    assert ReviewLog.objects.count() == 0
    assert CardState.objects.count() == 0


def test_a_card_that_is_not_in_the_deck_is_not_found(student_client, small_topic, cards):
    elsewhere = next(c for c in cards if c.topic_id != small_topic.pk)

    response = student_client.post(
        f"/decks/{small_topic.slug}/study/", {"card": elsewhere.pk, "rating": 3, "reps": 0}
    )

    assert response.status_code == 404
    missing = student_client.post(STUDY, {"card": 999999, "rating": 3, "reps": 0})
    assert missing.status_code == 404
    assert ReviewLog.objects.count() == 0


def test_undo_of_a_new_card_leaves_no_trace(student, student_client, cards, time_machine):
    time_machine.move_to(T0, tick=False)
    assert states_of(student) == []
    answer(student_client, cards[0], 3)
    # The answered card got a state and its sibling was buried for the day.
    assert {s["card_id"] for s in states_of(student)} == {
        c.pk for c in cards if c.sibling_key == cards[0].sibling_key
    }

    response = student_client.post(UNDO)

    assert response.status_code == 302
    assert states_of(student) == []
    assert ReviewLog.objects.count() == 0
    page = body(student_client.get(response["Location"]))
    assert shown_card(page) == cards[0].pk
    assert study_counts(page) == (20, 0, 0)
    assert "Answer undone." in page


def test_undo_puts_a_studied_card_back_exactly(student, student_client, cards, time_machine):
    time_machine.move_to(T0, tick=False)
    answer(student_client, cards[0], 3)
    answer(student_client, cards[2], 4)
    # A day later: the answer buries the sibling until another day, so undo has more to restore.
    time_machine.move_to(T0 + timedelta(days=1, minutes=12), tick=False)
    before = states_of(student)
    logs_before = list(ReviewLog.objects.values_list("pk", flat=True))

    answer(student_client, cards[0], 1)
    then = {s["card_id"]: s for s in before}
    after = {s["card_id"]: s for s in states_of(student)}
    assert (then[cards[0].pk]["reps"], after[cards[0].pk]["reps"]) == (1, 2)
    assert after[cards[1].pk]["buried_until"] > then[cards[1].pk]["buried_until"]
    response = student_client.post(UNDO)

    assert response.status_code == 302
    assert states_of(student) == before
    assert list(ReviewLog.objects.values_list("pk", flat=True)) == logs_before


def test_undo_shows_the_undone_card_even_when_a_learning_card_falls_due(
    student_client, cards, time_machine
):
    time_machine.move_to(T0, tick=False)
    forgotten = cards[0]
    answer(student_client, forgotten, 1)  # Again: due again in a minute
    time_machine.move_to(T0 + timedelta(minutes=2), tick=False)
    following = next(c for c in cards[1:] if c.sibling_key != forgotten.sibling_key)
    answer(student_client, following, 3)

    page = body(student_client.post(UNDO, **HTMX))

    # The queue alone would now give the forgotten card (a due learning card comes first), but
    # undo brings back the answer it took back, as Anki does.
    assert shown_card(body(student_client.get(STUDY))) == forgotten.pk
    assert shown_card(page) == following.pk
    answer(student_client, following, 3)
    plain = student_client.post(UNDO)
    assert plain["Location"] == f"{STUDY}?card={following.pk}"
    assert shown_card(body(student_client.get(plain["Location"]))) == following.pk
    # Asking for its answer keeps to that card too.
    page = body(student_client.get(f"{STUDY}?show={following.pk}"))
    assert answered_card(page) == following.pk
    answer(student_client, following, 3)
    assert ReviewLog.objects.filter(card=following).count() == 1


def test_undo_with_nothing_to_undo_says_so(student_client, cards):
    page = body(student_client.post(UNDO, **HTMX))

    assert "<html" not in page
    assert "Nothing to undo." in page
    response = student_client.post(UNDO)
    assert response.status_code == 302
    assert "Nothing to undo." in body(student_client.get(response["Location"]))


def test_a_finished_deck_shows_the_summary_and_when_cards_are_next_due(
    student, student_client, small_topic, time_machine
):
    time_machine.move_to(T0, tick=False)
    slug = small_topic.slug
    deck_cards = topic_cards(small_topic)
    started = str(T0.timestamp() * 1000 - 20_000)  # every answer took 20 s
    post = {"rating": 4, "started": started}
    student_client.post(
        f"/decks/{slug}/study/", {**post, "card": deck_cards[0].pk, "rating": 1, "reps": 0}
    )
    for card in deck_cards:
        reps = CardState.objects.filter(user=student, card=card).first()
        student_client.post(
            f"/decks/{slug}/study/", {**post, "card": card.pk, "reps": reps.reps if reps else 0}
        )

    page = body(student_client.get(f"/decks/{slug}/study/"))

    assert shown_card(page) is None
    assert "Done for now" in page
    seconds = 20 * (len(deck_cards) + 1)
    assert summary(page) == {
        "Cards studied": str(len(deck_cards)),
        "Again": "1",
        "Time": f"{round(seconds / 60)} min",
    }
    first_due = min(CardState.objects.filter(user=student).values_list("due", flat=True))
    assert first_due > scheduling.next_day_start(T0, "UTC")  # all of them reviews on a later day
    assert f'Next cards are due <time datetime="{first_due.isoformat()}">' in page


def test_when_the_new_limit_ends_the_session_cards_are_next_due_tomorrow(
    student, student_client, small_topic, time_machine
):
    time_machine.move_to(T0, tick=False)
    profile = profile_for(student)
    profile.new_per_day = 1
    profile.save()
    first = topic_cards(small_topic)[0]
    student_client.post(
        f"/decks/{small_topic.slug}/study/", {"card": first.pk, "rating": 4, "reps": 0}
    )

    page = body(student_client.get(f"/decks/{small_topic.slug}/study/"))

    assert summary(page)["Cards studied"] == "1"
    # Not the Easy card's review in a week: the deck's other new cards come with the next day.
    tomorrow = scheduling.next_day_start(T0, "UTC")
    assert tomorrow == datetime.combine(T0.date() + timedelta(days=1), time(4, 0), tzinfo=UTC)
    assert f'<time datetime="{tomorrow.isoformat()}">16' in page


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("put", STUDY),
        ("delete", STUDY),
        ("get", UNDO),
        ("put", "/decks/"),
        ("delete", "/decks/everything/"),
        ("post", "/decks/leeches/"),
    ],
)
def test_wrong_methods_are_refused(student_client, cards, method, url):
    assert getattr(student_client, method)(url).status_code == 405


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", STUDY), ("post", STUDY), ("post", UNDO), ("get", "/decks/leeches/")],
)
def test_anonymous_users_are_sent_to_log_in(client, cards, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_users_cannot_suspend(client, cards):
    response = client.post(f"/cards/{cards[0].pk}/suspend/", {"suspended": "on"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert CardState.objects.count() == 0


# Suspending ---------------------------------------------------------------------------------------


def test_suspending_takes_a_card_out_of_this_users_queue_only(
    student, outsider, student_client, outsider_client, cards
):
    response = student_client.post(
        f"/cards/{cards[0].pk}/suspend/", {"suspended": "on", "next": STUDY}
    )

    assert response.status_code == 302
    assert response["Location"] == STUDY
    assert CardState.objects.get(user=student, card=cards[0]).suspended
    assert not CardState.objects.filter(user=outsider).exists()
    page = body(student_client.get(STUDY))
    assert "Card suspended." in page
    assert shown_card(page) == cards[1].pk  # its sibling is not buried by a suspension
    assert shown_card(body(outsider_client.get(STUDY))) == cards[0].pk
    leeches = body(student_client.get("/decks/leeches/"))
    assert front_html(cards[0]) in leeches
    assert f'action="/cards/{cards[0].pk}/suspend/"' in leeches
    assert front_html(cards[0]) not in body(outsider_client.get("/decks/leeches/"))


def test_unsuspending_puts_the_card_back(student, student_client, cards):
    student_client.post(f"/cards/{cards[0].pk}/suspend/", {"suspended": "on"})

    response = student_client.post(f"/cards/{cards[0].pk}/suspend/", {"next": "/decks/leeches/"})

    assert response.status_code == 302
    assert response["Location"] == "/decks/leeches/"
    state = CardState.objects.get(user=student, card=cards[0])
    assert not state.suspended
    leeches = body(student_client.get("/decks/leeches/"))
    assert "Card unsuspended." in leeches
    assert "No suspended cards." in leeches
    assert shown_card(body(student_client.get(STUDY))) == cards[0].pk


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/decks/", "javascript:alert(1)", ""]
)
def test_an_unsafe_next_falls_back_to_the_leeches_page(student, student_client, cards, target):
    response = student_client.post(
        f"/cards/{cards[0].pk}/suspend/", {"suspended": "on", "next": target}
    )

    assert response.status_code == 302
    assert response["Location"] == "/decks/leeches/"
    assert CardState.objects.get(user=student, card=cards[0]).suspended


def test_an_unreadable_suspend_request_changes_nothing(student, student_client, cards):
    student_client.post(f"/cards/{cards[0].pk}/suspend/", {"suspended": "on"})

    response = student_client.post(
        f"/cards/{cards[0].pk}/suspend/", {"suspended": "on", "next": "/" + "x" * 400}
    )

    assert response.status_code == 302
    assert response["Location"] == "/decks/leeches/"
    assert CardState.objects.get(user=student, card=cards[0]).suspended


def test_suspending_an_unknown_card_is_not_found(student_client, cards):
    assert student_client.post("/cards/999999/suspend/", {"suspended": "on"}).status_code == 404
    assert student_client.get(f"/cards/{cards[0].pk}/suspend/").status_code == 405


# Query counts -------------------------------------------------------------------------------------


def _extra_cards(topic: Topic, n: int) -> None:
    Card.objects.bulk_create(
        Card(
            key=f"extra-{topic.pk}-{i}",
            kind=Card.Kind.QA,
            topic=topic,
            sibling_key=f"extra-{topic.pk}-{i}",
            front=f"Extra question {i}?",
            back=f"Extra answer {i}",
            order=100_000 + i,
        )
        for i in range(n)
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("show", [False, True], ids=["front", "back"])
def test_the_study_page_needs_the_same_queries_however_big_the_deck(
    student, student_client, small_topic, cards, show, django_assert_num_queries
):
    # Some history, so learning and review states are in play too.
    answer(student_client, cards[0], 3)
    answer(student_client, topic_cards(small_topic)[0], 4, slug=small_topic.slug)
    urls = []
    for slug in (small_topic.slug, "everything"):
        url = f"/decks/{slug}/study/"
        pk = shown_card(body(student_client.get(url)))  # the session is set from here on
        urls.append(f"{url}?show={pk}" if show else url)
    before = {url: _queries(student_client, url) for url in urls}

    _extra_cards(small_topic, 300)
    CardState.objects.bulk_create(
        CardState(user=student, card=card, state="review", due=T0 + timedelta(days=30), reps=1)
        for card in Card.objects.filter(key__startswith="extra-")[:150]
    )

    for url in urls:
        with django_assert_num_queries(before[url]):
            page = body(student_client.get(url))
        assert (answered_card(page) if show else shown_card(page)) is not None
    new, _learning, _due = study_counts(
        body(student_client.get(f"/decks/{small_topic.slug}/study/"))
    )
    assert new == 18  # the deck did grow: 150 new extra cards, capped by what today allows


def test_a_card_suspended_in_another_tab_is_not_answered(student, student_client, cards):
    card = cards[0]
    CardState.objects.create(user=student, card=card, suspended=True)
    response = answer(student_client, card, 3)
    assert response.status_code == 409
    assert "suspended or buried" in response.content.decode()
    assert not ReviewLog.objects.filter(user=student).exists()


def test_a_question_whose_front_opens_with_its_context_shows_it_once(student_client, cards):
    """'Context — label?' asks in its context already: the muted line above would repeat it."""
    first = cards[0]
    Card.objects.filter(pk=first.pk).update(
        context="Mitosis · phases", front="Mitosis · phases — first phase?"
    )
    page = body(student_client.get(STUDY))
    assert shown_card(page) == first.pk
    assert page.count("Mitosis · phases") == 1
    Card.objects.filter(pk=first.pk).update(context="Mitosis · phases", front="[…] comes first")
    page = body(student_client.get(STUDY))
    assert 'class="muted card-context">Mitosis · phases</p>' in page
