"""A practice quiz in real Chromium: chosen on /quizzes/, taken one question per screen with the
keyboard only (1–9 pick, Enter checks then moves on, p/n move), a reload half-way finds the
autosaved answer, the score page at the end; a lost autosave still counts on submit; and every
quiz page fits a 375 px wide phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from studyapp.quizzes import spec
from studyapp.quizzes.models import Attempt, QuizQuestion
from studyapp.quizzes.models import Response as Answer
from tests.e2e.browsing import log_in
from tests.factories import Bank, make_bank

KINDS = (spec.CHOICE, spec.TRUEFALSE, spec.SHORT, spec.NUMERIC)


@pytest.fixture
def bank_ready(transactional_db) -> Bank:
    # live_server serves from another thread, so the bank must be committed, not in a test
    # transaction: transactional_db flushes it after the test.
    return make_bank()


def _fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _on_screen(page: Page) -> QuizQuestion:
    """The question on screen (its form posts to its slot)."""
    action = page.locator("#question form").get_attribute("action") or ""
    slot = int(re.search(r"/answer/(\d+)/$", action).group(1))
    return QuizQuestion.objects.select_related("question").get(pk=slot)


def _give(page: Page, slot: QuizQuestion, bank: Bank) -> None:
    """The right answer, with keys only: a digit picks an option, text is typed in the box that
    has the focus already."""
    kind = slot.question.kind
    right = bank.right[kind][0]
    if kind in (spec.SHORT, spec.NUMERIC):
        box = page.locator(f"#a{slot.pk}")
        expect(box).to_be_focused()
        page.keyboard.type(right)
        return
    values = page.locator("#question [data-option]").evaluate_all("els => els.map(e => e.value)")
    page.keyboard.press(str(values.index(right) + 1))
    expect(page.locator(f'#question input[value="{right}"]')).to_be_checked()


def test_a_practice_quiz_with_the_keyboard(
    page: Page, live_server, bank_ready, student, persona_password, external_requests
):
    bank = bank_ready
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}/quizzes/")
    page.set_viewport_size({"width": 375, "height": 740})
    assert _fits(page)

    # Four questions of the kinds that need no mouse; one per screen is the default layout.
    for kind in (spec.MULTI, spec.MATCHING):
        page.get_by_label(spec.KIND_LABELS[kind]).uncheck()
    page.get_by_label("Number of questions").fill("4")
    expect(page.get_by_label("One question per screen, with immediate feedback")).to_be_checked()
    page.get_by_role("button", name="Start practising").click()
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    attempt = Attempt.objects.get(user=student)
    assert {s.question.kind for s in attempt.quiz.slots.all()} == set(KINDS)
    expect(page.locator(".quiz-progress")).to_contain_text("Question 1 of 4 · 0 answered")
    expect(page.locator(".keys-help")).to_contain_text("Enter check, then next")
    assert _fits(page)

    for n in range(1, 5):
        expect(page.locator(".quiz-progress")).to_contain_text(f"Question {n} of 4")
        # A key pressed while the new page is still loading has no script to answer it yet.
        page.wait_for_load_state()
        slot = _on_screen(page)
        _give(page, slot, bank)
        # The answer autosaves first (at once for a choice, 600 ms after typing): checking
        # while that request is in flight races it, so the test waits as a reader would.
        expect(page.locator(f"#saved-{slot.pk}")).to_contain_text("Saved")
        if n == 2:
            # Half-way: the answer autosaves; a reload finds it, still not checked.
            expect(page.locator(f"#saved-{slot.pk}")).to_contain_text("Saved")
            page.reload()
            expect(page.locator(".quiz-progress")).to_contain_text("Question 2 of 4 · 2 answered")
            right = bank.right[slot.question.kind][0]
            if slot.question.kind in (spec.SHORT, spec.NUMERIC):
                expect(page.locator(f"#a{slot.pk}")).to_have_value(right)
            else:
                expect(page.locator(f'#question input[value="{right}"]')).to_be_checked()
            # p goes back to the first question, checked and final; n comes back. (Out of the
            # text box first, where p and n are letters.)
            page.locator("main").focus()
            page.keyboard.press("p")
            expect(page.locator(".quiz-progress")).to_contain_text("Question 1 of 4")
            expect(page.locator(".quiz-feedback")).to_contain_text("✓ Right")
            page.wait_for_load_state()
            page.keyboard.press("n")
            expect(page.locator(".quiz-progress")).to_contain_text("Question 2 of 4")
            page.wait_for_load_state()
        page.evaluate("window.__sameDocument = 'yes'")
        page.keyboard.press("Enter")  # check, in place
        feedback = page.locator("#question .quiz-feedback")
        expect(feedback).to_contain_text("✓ Right")
        expect(feedback).to_contain_text("Because the notes say so")
        expect(feedback.get_by_role("link", name="AWS Lambda notes")).to_have_attribute(
            "href", "/notes/aws-lambda/#L12"
        )
        assert page.evaluate("window.__sameDocument") == "yes"
        assert Answer.objects.get(attempt=attempt, slot=slot).checked_at is not None
        assert _fits(page)
        next_button = page.locator('[data-key="next"]')
        expect(next_button).to_be_focused()
        page.keyboard.press("Enter")  # next (the last one: finish and submit)

    page.wait_for_url(re.compile(rf"/quizzes/attempts/{attempt.pk}/review/$"))
    expect(page.locator(".quiz-score")).to_have_text("4 of 4 points · 100%")
    expect(page.locator(".quiz-review")).to_have_count(4)
    assert _fits(page)
    attempt.refresh_from_db()
    assert attempt.score == 4
    assert external_requests == []


def test_a_lost_autosave_still_counts_on_submit(
    page: Page, live_server, bank_ready, student, persona_password
):
    log_in(page, live_server, "student", persona_password)
    page.goto(f"{live_server.url}/quizzes/")
    for kind in (spec.MULTI, spec.MATCHING, spec.TRUEFALSE, spec.NUMERIC):
        page.get_by_label(spec.KIND_LABELS[kind]).uncheck()
    page.get_by_label("All at once, feedback at the end").check()
    page.get_by_role("button", name="Start practising").click()
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    attempt = Attempt.objects.get(user=student)
    short = attempt.quiz.slots.get(question__kind=spec.SHORT)

    # The connection drops on the autosave: the page says so, and nothing was saved.
    page.route("**/answer/*/", lambda route: route.abort("connectionreset"))
    page.locator(f"#a{short.pk}").fill("Elastic Network Interface")
    page.locator(f"#a{short.pk}").press("Enter")  # does not submit the whole quiz
    expect(page.locator(f"#saved-{short.pk}")).to_have_text(
        "Not saved — will retry when you continue"
    )
    assert not Answer.objects.filter(attempt=attempt).exists()

    # The choice question is left blank: the submit asks first.
    dialogs: list[str] = []

    def accept(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url(re.compile(r"/review/$"))
    assert dialogs == ["1 question unanswered — submit anyway?"]
    expect(page.locator(".quiz-score")).to_have_text("1 of 2 points · 50%")
    assert Answer.objects.get(attempt=attempt, slot=short).fraction == 1.0
