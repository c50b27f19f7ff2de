"""Steps the browser tests share."""

from __future__ import annotations

from playwright.sync_api import Page


def log_in(page: Page, live_server, username: str, password: str) -> None:
    """Log in through the real form and wait for the dashboard."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
