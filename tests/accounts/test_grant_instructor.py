from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.management import ManagementUtility, call_command

from studyapp.accounts.models import is_instructor
from studyapp.accounts.services import UnknownUserError, user_grant_instructor

pytestmark = pytest.mark.django_db


def test_migration_created_the_instructor_group_with_the_permission():
    group = Group.objects.get(name="instructor")

    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("accounts", "instructor")
    ]


def test_personas_roles(student, instructor, outsider):
    assert is_instructor(instructor)
    assert not is_instructor(student)
    assert not is_instructor(outsider)
    assert not is_instructor(AnonymousUser())


def test_grant_gives_the_permission_through_the_group(student):
    assert not is_instructor(student)

    returned = user_grant_instructor(username="student")

    assert is_instructor(returned)
    fresh = User.objects.get(pk=student.pk)
    assert is_instructor(fresh)
    assert list(fresh.groups.values_list("name", flat=True)) == ["instructor"]


def test_grant_twice_is_harmless(student):
    user_grant_instructor(username="student")
    user = user_grant_instructor(username="student")

    assert is_instructor(user)
    assert user.groups.count() == 1


def test_grant_restores_a_group_an_admin_deleted(student):
    Group.objects.filter(name="instructor").delete()

    user = user_grant_instructor(username="student")

    assert is_instructor(User.objects.get(pk=user.pk))


def test_grant_to_unknown_user_raises_a_clear_error(student):
    with pytest.raises(UnknownUserError, match="No user named 'nobody'"):
        user_grant_instructor(username="nobody")


def test_command_grants(student, capsys):
    call_command("grant_instructor", "student")

    assert "student is now an instructor." in capsys.readouterr().out
    assert is_instructor(User.objects.get(pk=student.pk))


def test_command_for_unknown_user_prints_error_and_exits_1(student, capsys):
    # Run it as `manage.py grant_instructor nobody` would, to see the real exit status.
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "grant_instructor", "nobody"]).execute()

    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert "No user named 'nobody'." in captured.err
    assert "Traceback" not in captured.err
    assert not Group.objects.get(name="instructor").user_set.exists()
