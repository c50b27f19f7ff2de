"""Studying with the keyboard only, in real Chromium: Space shows the answer, 1–4 answer, u undoes;
htmx swaps the card in place (no page load), and the session ends on its summary."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from studyapp.accounts.models import profile_for
from studyapp.decks.models import CardState, ReviewLog
from tests.e2e.browsing import log_in
from tests.five_notes import five_notes_restore

RATINGS = [3, 3, 1, 4, 3, 2, 3, 3, 1, 3]
STUDY = "/decks/everything/study/"


@pytest.fixture
def cards_ready(transactional_db, five_notes) -> int:
    # live_server serves from another thread, so the notes and cards must be committed, not in a
    # test transaction: transactional_db flushes them after the test.
    five_notes_restore(five_notes, cards=True)
    return five_notes.cards.created


def _front_card(page: Page) -> str:
    """The pk of the card whose question is on screen (the "Show answer" form names it), once
    the swap has settled (study.js has focused the button, so the next key counts)."""
    show = page.locator('#study [data-key="show"]')
    expect(show).to_be_focused()
    return page.locator('#study input[name="show"]').get_attribute("value") or ""


def _reveal(page: Page, card: str) -> None:
    page.keyboard.press("Space")
    expect(page.locator("#card-back")).to_be_visible()
    expect(page.locator('#study input[name="card"]')).to_have_value(card)
    expect(page.locator('#study [data-rating="3"]')).to_be_focused()


def test_study_ten_cards_with_the_keyboard_undo_and_finish(
    page: Page, live_server, cards_ready, student, persona_password, external_requests
):
    assert cards_ready > 100
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}{STUDY}")
    expect(page.locator(".study-counts")).to_contain_text("20 new · 0 learning · 0 due")
    # A full page load would wipe this; htmx swaps keep it.
    page.evaluate("window.__sameDocument = 'yes'")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.method + " " + request.url))

    seen: list[tuple[str, str]] = []  # (card pk, front text) in the order studied
    for n, rating in enumerate(RATINGS, start=1):
        card = _front_card(page)
        front = page.locator("#card-front").inner_text()
        assert card not in [pk for pk, _front in seen]
        seen.append((card, front))

        _reveal(page, card)
        page.keyboard.press(str(rating))

        expect(page.locator('#study input[name="show"]')).not_to_have_value(card)
        expect(page.locator("#card-front")).not_to_have_text(front)
        assert ReviewLog.objects.filter(user=student).count() == n
        assert ReviewLog.objects.filter(user=student).first().rating == rating

    assert page.evaluate("window.__sameDocument") == "yes"
    # One request per key press: a reveal and an answer per card, no page load, no repeats.
    shows = [r for r in requests if r.startswith("GET ") and "show=" in r]
    answers = [r for r in requests if r.startswith("POST ") and r.endswith(STUDY)]
    assert (len(shows), len(answers)) == (10, 10), requests
    assert not [r for r in requests if r.endswith(STUDY) and r.startswith("GET ")]
    logged = [
        (str(pk), rating)
        for pk, rating in ReviewLog.objects.filter(user=student)
        .order_by("reviewed_at", "pk")
        .values_list("card_id", "rating")
    ]
    assert logged == [(pk, rating) for (pk, _front), rating in zip(seen, RATINGS, strict=True)]

    # u takes the last answer back and that card's question is on screen again.
    last_card, last_front = seen[-1]
    page.keyboard.press("u")
    expect(page.locator('#study input[name="show"]')).to_have_value(last_card)
    expect(page.locator("#card-front")).to_have_text(last_front)
    _front_card(page)
    assert ReviewLog.objects.filter(user=student).count() == len(RATINGS) - 1
    assert not CardState.objects.filter(user=student, card_id=last_card).exists()
    assert page.evaluate("window.__sameDocument") == "yes"

    # No new cards left for today: only the learning cards remain, answered until none is left.
    studied = len(RATINGS) - 1
    profile = profile_for(student)
    profile.new_per_day = studied
    profile.save()
    page.reload()
    again = RATINGS[:-1].count(1)
    for _ in range(4 * len(RATINGS)):
        if page.locator(".study-summary").count():
            break
        card = _front_card(page)
        _reveal(page, card)
        page.keyboard.press("4")  # Easy: the card leaves learning (Good may repeat a step)
        expect(page.locator("#card-back")).to_have_count(0)
    else:
        pytest.fail("the session never reached its summary")

    summary = page.locator(".study-summary")
    expect(summary.get_by_role("heading")).to_have_text("Done for now")
    expect(summary.locator("dt")).to_have_text(["Cards studied", "Again", "Time"])
    expect(summary.locator("dd").nth(0)).to_have_text(str(studied))
    expect(summary.locator("dd").nth(1)).to_have_text(str(again))
    expect(summary).to_contain_text("Next cards are due")
    expect(page.locator(".study-counts")).to_contain_text("0 new · 0 learning · 0 due")
    assert external_requests == []


def test_space_on_the_answer_means_good_never_again(
    page: Page, live_server, cards_ready, student, persona_password
):
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}{STUDY}")
    card = _front_card(page)

    _reveal(page, card)
    page.keyboard.press("Space")  # Anki's habit: Space, Space

    expect(page.locator("#card-back")).to_have_count(0)
    assert list(ReviewLog.objects.filter(user=student).values_list("card_id", "rating")) == [
        (int(card), 3)
    ]


def test_the_keys_still_work_after_a_request_that_failed(
    page: Page, live_server, cards_ready, student, persona_password
):
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}{STUDY}")
    card = _front_card(page)
    _reveal(page, card)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.method))

    # The connection drops on the first answer: no response at all, nothing recorded.
    page.route(f"**{STUDY}", lambda route: route.abort("connectionreset"), times=1)
    with page.expect_event("requestfailed"):
        page.keyboard.press("3")
    assert failed == ["POST"]
    assert ReviewLog.objects.count() == 0
    expect(page.locator("#card-back")).to_be_visible()

    page.keyboard.press("3")

    expect(page.locator("#card-back")).to_have_count(0)
    assert list(ReviewLog.objects.values_list("card_id", "rating")) == [(int(card), 3)]


def test_a_refused_answer_shows_its_message_in_place(
    page: Page, live_server, cards_ready, student, persona_password
):
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}{STUDY}")
    _reveal(page, _front_card(page))
    page.evaluate("window.__sameDocument = 'yes'")
    # A tampered (or stale) form: the server answers 400 with the study fragment and its message.
    page.evaluate("document.querySelector('[data-rating=\"4\"]').value = '7'")

    page.keyboard.press("4")

    expect(page.get_by_role("alert")).to_have_text(
        "That answer could not be read; please answer again."
    )
    assert page.evaluate("window.__sameDocument") == "yes"
    assert ReviewLog.objects.count() == 0
    _front_card(page)  # the keys work on: the card's question is back, Show answer focused
