"""The self-test of the headline table, keyboard only, in real Chromium: Tab goes cell by cell,
Enter/Space reveal, K/D (or the buttons) mark, the score runs to "You knew N of M", and the cells
not known become due now in the learner's deck."""

from __future__ import annotations

import json
import re

import pytest
from django.db.models import Q
from django.utils import timezone
from playwright.sync_api import Page, expect

from studyapp.accounts.models import profile_for
from studyapp.decks.models import Card, CardState
from studyapp.decks.selectors import deck_for, study_queue
from studyapp.knowledge.models import Comparison
from tests.e2e.browsing import log_in
from tests.five_notes import five_notes_restore

HEADLINE = "AWS Lambda vs CloudFront Functions vs Lambda@Edge"


@pytest.fixture
def headline(transactional_db, five_notes) -> Comparison:
    # live_server serves from another thread: the notes and cards must be committed.
    five_notes_restore(five_notes, cards=True)
    return Comparison.objects.get(title=HEADLINE)


def _card_for(comparison: Comparison, row: str, entity: str) -> Card:
    """The card that asks about a cell: made from the cell, or (one question, one card) the
    card that already asked the same thing."""
    (card,) = Card.objects.filter(
        Q(cell__comparison=comparison, cell__attribute=row, cell__entity=entity)
        | Q(front__iexact=f"{entity} — {row}?"),
        retired_at__isnull=True,
    ).distinct()
    return card


def _tab_to(page: Page, target) -> None:
    """Press Tab from where the focus is until `target` has it."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail("Tab never reached the element")


def test_self_test_with_the_keyboard_only_makes_the_missed_cells_due(
    page: Page, live_server, headline, student, outsider, persona_password, external_requests
):
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}/compare/{headline.slug}/self-test/")
    cells = page.locator(".st-cell")
    total = cells.count()
    assert total == 35
    score = page.locator(".selftest-score")
    expect(score).to_have_text(f"Knew 0 · Didn’t 0 · {total} to go")
    expect(page.locator(".st-answer").first).to_be_hidden()

    # Tab goes cell by cell, along the row and on to the next row.
    _tab_to(page, cells.first.locator(".st-reveal"))
    for n in (1, 2, 3):
        page.keyboard.press("Tab")
        expect(cells.nth(n).locator(".st-reveal")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    expect(cells.nth(0).locator(".st-reveal")).to_be_focused()

    missed: list[tuple[str, str]] = []
    for i in range(total):
        cell = cells.nth(i)
        expect(cell.locator(".st-reveal")).to_be_focused()
        expect(cell.locator(".st-answer")).to_be_hidden()
        page.keyboard.press("Space" if i % 2 else "Enter")
        expect(cell.locator(".st-answer")).to_be_visible()
        expect(cell.locator('[data-mark="knew"]')).to_be_focused()
        didnt = i % 4 == 1 or i == 6
        if i == 6:  # the plain buttons work from the keyboard too: Tab to "Didn't", Enter
            page.keyboard.press("Tab")
            expect(cell.locator('[data-mark="missed"]')).to_be_focused()
            page.keyboard.press("Enter")
        elif i == 8:  # and Enter on the focused "Knew it"
            page.keyboard.press("Enter")
        else:
            page.keyboard.press("d" if didnt else "k")
        expect(cell).to_have_class(re.compile(r"\bis-missed\b" if didnt else r"\bis-knew\b"))
        if didnt:
            missed.append(tuple(json.loads(cell.get_attribute("data-cell"))))
        knew = i + 1 - len(missed)
        expect(score).to_have_text(f"Knew {knew} · Didn’t {len(missed)} · {total - i - 1} to go")

    expect(page.locator(".selftest-final")).to_have_text(
        f"You knew {total - len(missed)} of {total}."
    )
    submit = page.locator('[data-key="submit"]')
    expect(submit).to_be_focused()
    assert not CardState.objects.exists()

    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"\?queued=\d+$"))
    n = len(missed)
    assert n == 10
    expect(page.locator(".selftest-done")).to_contain_text(f"Study the {n} missed cells now")
    now = timezone.now()
    for row, entity in missed:
        state = CardState.objects.get(user=student, card=_card_for(headline, row, entity))
        assert (state.state, state.step, state.reps) == ("learning", 0, 0)
        assert state.due <= now
    assert CardState.objects.filter(user=student).count() == n
    assert not CardState.objects.filter(user=outsider).exists()
    queue = study_queue(
        deck_for("everything", student), student, now=now, profile=profile_for(student)
    )
    assert (queue.learning, queue.next_kind) == (n, "learning")

    # The link leads to a study session that starts with those cards.
    _tab_to(page, page.get_by_role("link", name=f"Study the {n} missed cells now"))
    page.keyboard.press("Enter")
    expect(page.locator(".study-counts")).to_contain_text(f"{n} learning")
    front = page.locator("#card-front").inner_text()
    assert front in {_card_for(headline, r, e).front for r, e in missed}
    assert external_requests == []


@pytest.mark.browser  # its own browser context (no JavaScript), so no `page` fixture to mark it
def test_self_test_works_without_javascript(
    chromium, live_server, headline, student, persona_password
):
    context = chromium.new_context(java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        log_in(page, live_server, "student", persona_password)
        page.goto(f"{live_server.url}/compare/{headline.slug}/self-test/")
        expect(page.locator(".selftest-score")).to_be_hidden()
        cell = page.locator(".st-cell").nth(4)  # Execution Time, CloudFront Functions
        expect(cell.locator(".st-answer")).to_be_hidden()
        cell.locator("summary").click()  # the native disclosure reveals the value
        expect(cell.locator(".st-answer")).to_contain_text("notes disagree")
        cell.get_by_label("I didn’t know this").check()
        page.get_by_role("button", name="Add the cells I didn’t know to my deck").click()

        page.wait_for_url(re.compile(r"\?queued=1$"))
        expect(page.get_by_role("link", name="Study the 1 missed cell now")).to_be_visible()
        card = _card_for(headline, "Execution Time", "CloudFront Functions")
        state = CardState.objects.get(user=student)
        assert state.card == card and state.state == "learning"
    finally:
        context.close()
