"""Log in through the real form in real Chromium; also proves the `page` fixture works."""

from __future__ import annotations

from playwright.sync_api import expect


def test_log_in_and_out_through_the_form(
    page, live_server, student, persona_password, external_requests
):
    page.goto(f"{live_server.url}/accounts/login/?next=/accounts/signup/")

    header = page.locator("header")
    expect(header.get_by_role("link", name="Log in")).to_be_visible()
    page.get_by_label("Username").fill("student")
    page.get_by_label("Password").fill(persona_password)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(f"{live_server.url}/accounts/signup/")
    expect(header.locator(".username")).to_have_text("student")
    expect(header.get_by_role("link", name="Log in")).to_have_count(0)

    header.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/accounts/login/")
    expect(header.get_by_role("link", name="Log in")).to_be_visible()
    expect(header.locator(".username")).to_have_count(0)
    assert external_requests == []


def test_wrong_password_shows_the_error_in_the_page(page, live_server, student):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("student")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Please enter a correct username and password."
    )
    expect(page.locator("header .username")).to_have_count(0)


def test_assets_are_served_locally_and_the_page_fits_a_phone(page, live_server, external_requests):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/signup/")

    # htmx comes from django-htmx's vendored copy and the stylesheet applies (both same-origin).
    assert page.evaluate("typeof htmx") == "object"
    expect(page.get_by_role("button", name="Create account")).to_have_css("display", "inline-flex")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert external_requests == []


def test_requests_to_other_hosts_are_blocked_and_recorded(page, live_server, external_requests):
    # Notes embed images from hosts we never contact; the fixture must catch any page that tries.
    page.goto(f"{live_server.url}/accounts/login/")
    outcome = page.evaluate(
        """() => new Promise((resolve) => {
            const img = new Image();
            img.onload = () => resolve("loaded");
            img.onerror = () => resolve("blocked");
            img.src = "https://images.example.com/diagram.png";
        })"""
    )

    assert outcome == "blocked"
    assert external_requests == ["https://images.example.com/diagram.png"]
