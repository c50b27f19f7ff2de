"""Account workflows: granting the instructor role and creating the demo accounts."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from studyapp.accounts.models import INSTRUCTOR_GROUP, profile_for

if TYPE_CHECKING:
    from django.contrib.auth.models import User

DEMO_INSTRUCTOR = "instructor"
DEMO_STUDENT = "student"


class UnknownUserError(LookupError):
    def __init__(self, username: str) -> None:
        super().__init__(f"No user named {username!r}.")
        self.username = username


@transaction.atomic
def user_grant_instructor(*, username: str) -> User:
    try:
        user = get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise UnknownUserError(username) from None
    # The group comes from migration accounts.0002; re-create it (with its permission) if an admin
    # deleted or emptied it, or the grant would silently give nothing.
    group, _ = Group.objects.get_or_create(name=INSTRUCTOR_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="accounts", codename="instructor")
    )
    user.groups.add(group)
    # has_perm caches permissions on the instance; drop the caches so the caller sees the grant.
    for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cache, None)
    return user


@transaction.atomic
def demo_users_ensure() -> list[tuple[str, str]]:
    """Create the demo accounts that are missing; return (username, password) for those created.

    Existing accounts are left alone: someone may have changed the password, and printing a new
    one on every `make run` would silently lock them out.
    """
    User = get_user_model()
    created: list[tuple[str, str]] = []
    for username in (DEMO_INSTRUCTOR, DEMO_STUDENT):
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username=username, password=password)
        profile_for(user)
        if username == DEMO_INSTRUCTOR:
            user_grant_instructor(username=username)
        created.append((username, password))
    return created
