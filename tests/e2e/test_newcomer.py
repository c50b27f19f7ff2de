"""A newcomer's first visit in real Chromium: sign up, find a topic, follow a citation to its note."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from studyapp.knowledge.models import Note, Topic
from studyapp.knowledge.services import IngestReport
from tests.e2e.browsing import log_in
from tests.five_notes import five_notes_restore

NEWCOMER_PASSWORD = "a-long-and-unusual-passphrase-77"


@pytest.fixture
def ingested(transactional_db, five_notes) -> IngestReport:
    # live_server serves from another thread, so the notes must be committed, not in a test
    # transaction: transactional_db flushes them after the test.
    five_notes_restore(five_notes)
    return five_notes.ingest


def _no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_newcomer_signs_up_finds_lambda_and_follows_a_citation(
    page: Page, live_server, ingested, external_requests
):
    page.goto(f"{live_server.url}/")
    page.locator("main").get_by_role("link", name="Sign up").click()
    page.wait_for_url(re.compile(r"/accounts/signup/"))

    page.get_by_label("Username").fill("newcomer")
    page.locator("#id_password1").fill(NEWCOMER_PASSWORD)
    page.locator("#id_password2").fill(NEWCOMER_PASSWORD)
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url(f"{live_server.url}/")
    header = page.locator("header")
    expect(header.locator(".username")).to_have_text("newcomer")
    expect(page.get_by_role("heading", name="Welcome back, newcomer")).to_be_visible()

    header.get_by_role("link", name="Topics").click()
    page.wait_for_url(f"{live_server.url}/topics/")
    tree = page.locator("#topic-tree")
    expect(tree.get_by_role("link", name=re.compile("DynamoDB"))).to_be_visible()

    # Set before typing: a full page load would wipe it, an htmx swap keeps it.
    page.evaluate("window.__sameDocument = 'yes'")
    page.get_by_label("Filter topics").press_sequentially("lambda", delay=30)

    expect(page.locator("#topic-count")).to_contain_text("match “lambda”")
    expect(tree.get_by_role("link", name=re.compile("DynamoDB"))).to_have_count(0)
    expect(tree.get_by_role("link", name="Lambda@Edge")).to_be_visible()
    assert page.evaluate("window.__sameDocument") == "yes"
    # The filtered view has its own URL (hx-push-url), so it can be shared or reloaded.
    expect(page).to_have_url(re.compile(r"/topics/\?q=lambda$"))
    expect(page.get_by_label("Filter topics")).to_be_focused()

    # Ingest names the topic after the notes' most complete spelling: "Lambda" or "AWS Lambda".
    lambda_name = re.compile(r"^(AWS )?Lambda$")
    tree.get_by_role("link", name=lambda_name).click()
    page.wait_for_url(re.compile(r"/topics/[a-z0-9-]*lambda/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(lambda_name)

    citation = page.locator(".citation a").first
    href = citation.get_attribute("href")
    assert href is not None
    match = re.fullmatch(r"/notes/([a-z0-9-]+)/#(L\d+)", href)
    assert match, href
    slug, anchor = match.groups()
    citation.click()

    page.wait_for_url(f"{live_server.url}/notes/{slug}/#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target')?.id") == anchor
    # Note images point at hosts we never contact; they are placeholders, nothing was fetched.
    assert external_requests == []


PHONE_PAGES = ["/", "/topics/", "/topics/?q=lambda"]


def test_pages_fit_a_phone(
    page: Page, live_server, ingested, student, persona_password, external_requests
):
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, live_server, "student", persona_password)

    # Every topic and note page too: long fact texts, citations, conflict notes, the notes'
    # comparison tables, long lines and code blocks must wrap or scroll in their own box.
    topics = [t.get_absolute_url() for t in Topic.objects.filter(retired_at__isnull=True)]
    notes = [n.get_absolute_url() for n in Note.objects.all()]
    assert len(topics) > 10 and len(notes) == 5

    too_wide = {}
    for path in [*PHONE_PAGES, *topics, *notes]:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        if not _no_horizontal_scroll(page):
            too_wide[path] = page.evaluate("document.documentElement.scrollWidth")

    assert too_wide == {}
    assert external_requests == []
