from __future__ import annotations

import pytest
from django.contrib.auth import get_user
from django.contrib.auth.models import User
from django.urls import reverse

from studyapp.accounts.models import Profile

pytestmark = pytest.mark.django_db

URL = "/accounts/signup/"


def _form(username: str = "newbie", password: str = "a-long-unusual-passphrase-7") -> dict:
    return {"username": username, "password1": password, "password2": password}


def test_url_is_stable():
    assert reverse("signup") == URL


def test_get_shows_labelled_form_with_autocomplete(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password1">' in html
    assert 'autocomplete="username"' in html
    # Password managers offer to generate a password only for "new-password" fields.
    assert html.count('autocomplete="new-password"') == 2
    assert 'name="csrfmiddlewaretoken"' in html


def test_valid_signup_creates_user_logs_in_and_redirects_home(client):
    response = client.post(URL, _form())

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(username="newbie")
    assert user.check_password("a-long-unusual-passphrase-7")
    assert get_user(client) == user
    assert Profile.objects.get(user=user).time_zone == "UTC"


def test_after_signup_the_header_shows_the_username_and_a_welcome(client):
    client.post(URL, _form())

    # Look at the sign-up page rather than "/": the header and messages are on every page.
    response = client.get(URL)
    html = response.content.decode()
    assert '<span class="username">newbie</span>' in html
    assert "Welcome, newbie!" in html


def test_safe_next_is_followed(client):
    response = client.post(URL + "?next=/topics/", _form())

    assert response["Location"] == "/topics/"


def test_next_in_hidden_field_is_followed(client):
    response = client.post(URL, {**_form(), "next": "/decks/?sort=due"})

    assert response["Location"] == "/decks/?sort=due"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_offsite_next_falls_back_to_home(client, next_url):
    response = client.post(URL, {**_form(), "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_next_is_carried_through_the_form(client):
    response = client.get(URL + "?next=/topics/")

    assert '<input type="hidden" name="next" value="/topics/">' in response.content.decode()


def test_mismatched_passwords_rerender_with_the_error_next_to_the_field(client):
    response = client.post(URL, {**_form(), "password2": "something-else-entirely-9"})

    assert response.status_code == 200
    assert not User.objects.filter(username="newbie").exists()
    assert not get_user(client).is_authenticated
    errors = response.context["form"].errors["password2"]
    assert errors == ["The two password fields didn’t match."]
    html = response.content.decode()
    # Django 5.2 gives the error list an id and points the input at it (aria-describedby).
    assert '<ul class="errorlist" id="id_password2_error">' in html
    assert "The two password fields didn’t match." in html
    assert 'aria-invalid="true"' in html
    # The username typed is kept; passwords are not echoed back.
    assert 'value="newbie"' in html
    assert "something-else-entirely-9" not in html


def test_taken_username_is_refused(client, student):
    response = client.post(URL, _form(username="student"))

    assert response.status_code == 200
    assert "A user with that username already exists." in response.content.decode()
    assert User.objects.filter(username="student").count() == 1


def test_weak_password_is_refused(client):
    response = client.post(URL, _form(password="password"))

    assert response.status_code == 200
    assert not User.objects.filter(username="newbie").exists()
    assert "This password is too common." in response.content.decode()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_not_allowed(client, method):
    response = getattr(client, method)(URL)

    assert response.status_code == 405
