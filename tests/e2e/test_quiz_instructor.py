"""An instructor builds a quiz in real Chromium (bank questions picked with the live filter, one
question written and previewed, published), a student finds it on the dashboard, takes it and
submits, and the instructor sees the score and the statistics table on the results page. The
builder's pages fit a 375 px phone without sideways scrolling."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from studyapp.quizzes.generate import quality
from studyapp.quizzes.models import Attempt, Question, Quiz
from tests.e2e.browsing import log_in
from tests.five_notes import five_notes_restore

TITLE = "Serverless check"
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def bank_ready(transactional_db, five_notes) -> int:
    # live_server serves from another thread, so the notes and the bank must be committed, not
    # in a test transaction: transactional_db flushes them after the test.
    five_notes_restore(five_notes, questions=True)
    # the true/false questions dealt: held-back suggestions are not in the bank's picker
    return Question.objects.filter(
        kind="truefalse", retired_at__isnull=True, quality__gte=quality.THRESHOLD
    ).count()


def _log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()


def _tab(page: Page, name: str) -> None:
    page.locator(".build-tabs").get_by_role("link", name=name, exact=True).click()
    expect(page.locator('.build-tabs [aria-current="page"]')).to_have_text(name)
    # The tab is a page load: wait until htmx has bound the page's triggers, or a filter changed
    # right away would do nothing (1 run in 3 or so, seen in CI before).
    page.wait_for_load_state("load")


def _no_sideways_scroll(page: Page) -> None:
    page.wait_for_load_state()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px: {wide}"


def test_build_publish_take_and_see_results(
    page: Page,
    live_server,
    bank_ready,
    instructor,
    student,
    persona_password,
    external_requests,
):
    assert bank_ready >= 3
    page.set_viewport_size(PHONE)
    log_in(page, live_server, "instructor", persona_password)

    # Create the quiz: all questions on one page, so the student answers them in one go.
    page.goto(f"{live_server.url}/quizzes/")
    page.get_by_role("link", name="New quiz").click()
    _no_sideways_scroll(page)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("All questions on one page").check()
    page.get_by_role("button", name="Create quiz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    quiz = Quiz.objects.get(title=TITLE)
    assert page.url == f"{live_server.url}/quizzes/{quiz.pk}/edit/"
    _no_sideways_scroll(page)

    # The bank: the kind filter redraws the results in place (no page load).
    _tab(page, "Add from bank")
    page.evaluate("window.__sameDocument = 'yes'")
    page.get_by_label("Kind").select_option("truefalse")
    expect(page.locator("#bank-results [role=status]")).to_contain_text(f"{bank_ready} questions ·")
    assert page.evaluate("window.__sameDocument") == "yes"
    assert "kind=truefalse" in page.url
    _no_sideways_scroll(page)
    boxes = page.locator('#bank-results input[name="questions"]')
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Add the ticked questions").click()
    expect(page.get_by_role("status").first).to_contain_text("Added 2 questions to the quiz.")

    # Write one, preview it (an htmx swap of the preview), save it.
    _tab(page, "Write a question")
    _no_sideways_scroll(page)
    page.get_by_label("Kind").select_option("choice")
    expect(page.get_by_label("Accepted answers")).to_be_hidden()  # only the kind's own fields
    topic = page.locator("#id_topic option").nth(1).get_attribute("value")
    page.get_by_label("Topic").select_option(topic)
    page.get_by_label("Question:", exact=True).fill("Which runtime does **Lambda** manage?")
    page.get_by_label("Options").fill("* Node.js\nCOBOL\nFortran")
    page.evaluate("window.__sameDocument = 'yes'")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#question-preview")
    expect(preview.locator("strong", has_text="Lambda")).to_be_visible()
    expect(preview).to_contain_text("Answer: Node.js")
    assert page.evaluate("window.__sameDocument") == "yes"
    page.get_by_role("button", name="Save and add to the quiz").click()
    expect(page.locator(".slot")).to_have_count(3)
    _no_sideways_scroll(page)

    # Reorder with htmx: the written question moves up, and the focus stays on its button.
    written = quiz.slots.order_by("-order").first()
    page.locator(f"#slot-{written.pk}-up").click()
    expect(page.locator(".slot").nth(1)).to_contain_text("Which runtime does Lambda manage?")
    expect(page.locator(f"#slot-{written.pk}-up")).to_be_focused()

    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".build-title .badge")).to_have_text("Published")
    for tab in ("Results", "GIFT"):
        _tab(page, tab)
        _no_sideways_scroll(page)
    _log_out(page)

    # The student finds it on the dashboard and answers: right, wrong, right.
    log_in(page, live_server, "student", persona_password)
    page.locator("#assigned-heading").locator("..").get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Start").click()
    slots = list(quiz.slots.select_related("question"))
    assert [s.question.kind for s in slots] == ["truefalse", "choice", "truefalse"]
    right_tf = slots[0].question.answers[0]
    wrong_tf = "false" if slots[2].question.answers[0] == "true" else "true"
    page.locator(f"#q-{slots[0].pk}").get_by_label(right_tf.title()).check()
    page.locator(f"#q-{slots[1].pk}").get_by_label("Node.js").check()
    page.locator(f"#q-{slots[2].pk}").get_by_label(wrong_tf.title()).check()
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url("**/review/")
    attempt = Attempt.objects.get(quiz=quiz, user=student)
    assert attempt.is_submitted and attempt.score == 2
    _log_out(page)

    # The instructor sees the score and the statistics table.
    log_in(page, live_server, "instructor", persona_password)
    page.goto(f"{live_server.url}/quizzes/{quiz.pk}/results/")
    students = page.locator(".results-students tbody tr")
    expect(students).to_have_count(1)
    expect(students.first.locator("th")).to_have_text("student")
    expect(students.first).to_contain_text("2 / 3")
    expect(students.first).to_contain_text("66.7%")
    questions = page.locator(".results-questions tbody tr")
    expect(questions).to_have_count(3)
    # One attempt: each facility is that attempt's mark; the spread needs two attempts.
    expect(questions.nth(0).locator("td").nth(2)).to_have_text("100.0%")
    expect(questions.nth(2).locator("td").nth(2)).to_have_text("0.0%")
    expect(questions.nth(2)).to_contain_text("hard")
    expect(page.locator(".results-legend")).to_contain_text("Discrimination")
    _no_sideways_scroll(page)
    students.first.get_by_role("link").first.click()
    page.wait_for_url(f"**/quizzes/attempts/{attempt.pk}/review/")
    assert external_requests == []
