from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command

from studyapp.accounts.models import is_instructor
from studyapp.accounts.services import demo_users_ensure

pytestmark = pytest.mark.django_db


def test_creates_instructor_and_student_with_working_random_passwords():
    created = demo_users_ensure()

    assert [username for username, _ in created] == ["instructor", "student"]
    passwords = [password for _, password in created]
    assert len(set(passwords)) == 2
    assert all(len(password) >= 16 for password in passwords)
    for username, password in created:
        assert authenticate(username=username, password=password) is not None
    assert is_instructor(User.objects.get(username="instructor"))
    assert not is_instructor(User.objects.get(username="student"))
    assert User.objects.get(username="student").profile.time_zone == "UTC"


def test_second_run_creates_nothing_and_keeps_the_passwords():
    first = dict(demo_users_ensure())

    assert demo_users_ensure() == []
    assert User.objects.filter(username__in=["instructor", "student"]).count() == 2
    for username, password in first.items():
        assert authenticate(username=username, password=password) is not None


def test_an_existing_account_is_never_overwritten(student, persona_password):
    created = demo_users_ensure()

    assert [username for username, _ in created] == ["instructor"]
    assert authenticate(username="student", password=persona_password) is not None
    assert not is_instructor(User.objects.get(username="student"))


def test_command_prints_passwords_only_on_first_creation(capsys):
    call_command("ensure_demo_users")
    first = capsys.readouterr().out.splitlines()

    assert len(first) == 2
    assert first[0].startswith("Created demo user instructor / password: ")
    assert first[1].startswith("Created demo user student / password: ")
    password = first[1].removeprefix("Created demo user student / password: ")
    assert authenticate(username="student", password=password) is not None

    call_command("ensure_demo_users")
    assert capsys.readouterr().out == "Demo users already exist.\n"
