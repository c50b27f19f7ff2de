"""Shared fixtures: the five notes ingested once per session, the personas every view test uses,
and a real Chromium for browser tests."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Browser, Page, Request, Route

    from studyapp.knowledge.services import IngestReport
    from tests.five_notes import FiveNotes

# Playwright's sync API keeps an asyncio loop running in the test thread, so Django would refuse
# the ORM calls of live_server tests as "async unsafe". Set here (not only in the Makefile) so a
# bare `pytest` works too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests check what holds, never how fast: a loaded machine (CI, two pytest workers on two
# cores) must not fail them on Hypothesis's timing checks (its deadline, "input generation is slow").
hypothesis_settings.register_profile(
    "studyapp", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("studyapp")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Browser tests talk to the live server only; a CDN or an image host named in a note is blocked.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
PERSONA_PASSWORD = "correct-horse-battery-staple-42"


def pytest_itemcollected(item: pytest.Item) -> None:
    # Marked at collection time (before `-m` deselects) so `pytest -m "not browser"` works. A
    # test parametrized with an argument called `page` does not use the fixture (no browser).
    callspec = getattr(item, "callspec", None)
    if "page" in getattr(item, "fixturenames", ()) and "page" not in getattr(
        callspec, "params", {}
    ):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # While Chromium is up (one launch per session), Playwright's event loop counts as running
    # in the main thread, so asyncio.run()/async_to_sync would fail in any later test. Browser
    # tests therefore run last. trylast: after pytest-django's own db-based ordering; the sort
    # is stable, so that ordering is kept within each half. Under pytest-xdist (`make test` runs
    # `-n auto`) each worker is a process of its own and is handed tests in this order, so once
    # one starts a browser test it gets no other kind.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    # The default PBKDF2 takes ~0.3 s per hash by design; tests hash many passwords and test
    # our code, not the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The five notes ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def five_notes(django_db_setup, django_db_blocker) -> FiveNotes:
    """The five notes in content/ ingested (with cards and questions) once per session, as rows
    in memory: nothing is left in the database. Restore them with `five_notes_restore`, or
    take `notes_ingested` below."""
    from tests.five_notes import five_notes_ingest

    with django_db_blocker.unblock():
        return five_notes_ingest()


@pytest.fixture
def notes_ingested(five_notes: FiveNotes, db) -> IngestReport:
    """The topic model of the five notes in this test's transaction, as one
    `model_rebuild(generate=False)` would leave it; its report."""
    from tests.five_notes import five_notes_restore

    five_notes_restore(five_notes)
    return five_notes.ingest


# For a whole module: restored once, rolled back when the module is done, each test in a
# transaction nested inside (`db`), so what a test adds is gone before the next one. A module
# takes one of the three: the topic model alone, with its cards, or with its question bank.


@contextmanager
def _kept_for_module(five_notes: FiveNotes, blocker, **parts: bool) -> Iterator[FiveNotes]:
    from tests.five_notes import five_notes_restore

    with blocker.unblock(), transaction.atomic():
        five_notes_restore(five_notes, **parts)
        yield five_notes
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def notes_in_module(five_notes: FiveNotes, django_db_blocker) -> Iterator[FiveNotes]:
    with _kept_for_module(five_notes, django_db_blocker) as kept:
        yield kept


@pytest.fixture(scope="module")
def notes_and_cards_in_module(five_notes: FiveNotes, django_db_blocker) -> Iterator[FiveNotes]:
    with _kept_for_module(five_notes, django_db_blocker, cards=True) as kept:
        yield kept


@pytest.fixture(scope="module")
def notes_and_bank_in_module(five_notes: FiveNotes, django_db_blocker) -> Iterator[FiveNotes]:
    with _kept_for_module(five_notes, django_db_blocker, questions=True) as kept:
        yield kept


# Personas ---------------------------------------------------------------------------------------


@pytest.fixture
def persona_password() -> str:
    return PERSONA_PASSWORD


@pytest.fixture
def student(db) -> User:
    from tests.factories import user_make

    return user_make("student", password=PERSONA_PASSWORD)


@pytest.fixture
def instructor(db) -> User:
    from tests.factories import user_make

    return user_make("instructor", password=PERSONA_PASSWORD, instructor=True)


@pytest.fixture
def outsider(db) -> User:
    """Another plain user: the one who must not see or change the student's things."""
    from tests.factories import user_make

    return user_make("outsider", password=PERSONA_PASSWORD)


@pytest.fixture
def client_as(db) -> Callable[[User], Client]:
    def make(user: User) -> Client:
        # force_login skips the password check: logging in itself is tested in tests/accounts.
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def student_client(client_as, student) -> Client:
    return client_as(student)


@pytest.fixture
def instructor_client(client_as, instructor) -> Client:
    return client_as(instructor)


@pytest.fixture
def outsider_client(client_as, outsider) -> Client:
    return client_as(outsider)


# Browser ----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = "Chromium not found at /usr/bin/chromium: apt-get install chromium"
        # In CI a missing browser is a broken image, not a reason to skip the browser tests.
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def external_requests() -> list[str]:
    """URLs the page tried to fetch from anywhere but the live server (they were blocked)."""
    return []


@pytest.fixture
def page(chromium: Browser, external_requests: list[str]) -> Iterator[Page]:
    # A fresh context per test: no cookies or storage leak from one test into the next.
    context = chromium.new_context()
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(10_000)

    def guard(route: Route, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            external_requests.append(request.url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
