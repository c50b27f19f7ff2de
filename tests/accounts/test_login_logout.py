from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"


def test_urls_are_stable():
    assert reverse("login") == LOGIN
    assert reverse("logout") == LOGOUT


def test_login_page_has_labelled_fields_with_autocomplete(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    assert [t.name for t in response.templates][:2] == ["registration/login.html", "base.html"]
    html = response.content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html


def test_anonymous_header_offers_log_in_and_sign_up(client):
    html = client.get(LOGIN).content.decode()

    assert 'href="/accounts/login/"' in html
    assert 'href="/accounts/signup/"' in html
    assert "Log out" not in html


def test_login_with_right_password_logs_in_and_redirects_home(client, student, persona_password):
    response = client.post(LOGIN, {"username": "student", "password": persona_password})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert get_user(client) == student


def test_login_follows_safe_next_only(client, student, persona_password):
    credentials = {"username": "student", "password": persona_password}

    assert client.post(LOGIN, {**credentials, "next": "/topics/"})["Location"] == "/topics/"
    client.post(LOGOUT)
    offsite = client.post(LOGIN, {**credentials, "next": "https://evil.example/"})
    assert offsite["Location"] == "/"


def test_wrong_password_rerenders_with_message(client, student):
    response = client.post(LOGIN, {"username": "student", "password": "not-the-password"})

    assert response.status_code == 200
    assert not get_user(client).is_authenticated
    html = response.content.decode()
    assert "Please enter a correct username and password." in html
    assert 'value="student"' in html


def test_logged_in_header_shows_username_and_logout_form(student_client):
    html = student_client.get(LOGIN).content.decode()

    assert '<span class="username">student</span>' in html
    form = re.search(r'<form method="post" action="/accounts/logout/">(.*?)</form>', html, re.S)
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
    assert "Log out" in form.group(1)


def test_logout_by_get_is_refused_and_keeps_the_session(student_client, student):
    response = student_client.get(LOGOUT)

    assert response.status_code == 405
    assert get_user(student_client) == student


def test_logout_by_post_logs_out(student_client):
    response = student_client.post(LOGOUT)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not get_user(student_client).is_authenticated


def test_page_csrf_token_in_hx_headers_is_accepted(student, persona_password):
    # The token that <body hx-headers> hands to every htmx request must pass the CSRF check;
    # without it the same POST is refused.
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)

    assert client.post(LOGOUT).status_code == 403

    html = client.get(LOGIN).content.decode()
    hx_headers = re.search(r"<body hx-headers='([^']*)'>", html)
    assert hx_headers is not None
    token = json.loads(hx_headers.group(1))["x-csrftoken"]
    response = client.post(LOGOUT, headers={"X-CSRFToken": token})
    assert response.status_code == 302
    assert not get_user(client).is_authenticated


def test_base_layout_loads_local_assets_only(client):
    html = client.get(LOGIN).content.decode()

    assert '<html lang="en">' in html
    assert '<link rel="stylesheet" href="/static/css/app.css">' in html
    assert re.search(r'<script src="/static/django_htmx/htmx-2\.min\.js"', html)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "https://" not in html.split("<body", 1)[0]
