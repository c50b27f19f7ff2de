"""Per-user data that Django's User does not hold, and the instructor role."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, QuerySet

INSTRUCTOR_PERMISSION = "accounts.instructor"
_APP_LABEL, _CODENAME = INSTRUCTOR_PERMISSION.split(".")
INSTRUCTOR_GROUP = "instructor"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # An IANA name; scheduling uses it to decide where "today" ends for this user.
    time_zone = models.CharField(max_length=64, default="UTC")
    # Study options, as Anki's: FSRS's target recall, and daily limits. The day starts at 04:00
    # in `time_zone`, so a late-night session counts for the day it belongs to.
    desired_retention = models.FloatField(
        default=0.90, validators=[MinValueValidator(0.70), MaxValueValidator(0.97)]
    )
    new_per_day = models.PositiveIntegerField(default=20, validators=[MaxValueValidator(9999)])
    reviews_per_day = models.PositiveIntegerField(default=200, validators=[MaxValueValidator(9999)])

    class Meta:
        # The role is a permission (granted through the "instructor" group) rather than a flag,
        # so views can use Django's own permission checks and admins can grant it per user too.
        permissions = [("instructor", "Can author quizzes and assign them to students")]

    def __str__(self) -> str:
        return f"Profile of {self.user}"


def profile_for(user: AbstractBaseUser) -> Profile:
    # Profiles are created lazily: users made by createsuperuser or the admin have none yet, and a
    # post_save signal would hide that side effect (see DESIGN.md: no logic in signals).
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def is_instructor(user: PermissionsMixin | AnonymousUser) -> bool:
    return user.has_perm(INSTRUCTOR_PERMISSION)


def students() -> QuerySet:
    """Active users who are not instructors (who a quiz can be assigned to, and who a quiz naming
    nobody is for): `is_instructor` as a query. Django's ModelBackend grants the permission to a
    superuser, or through a group, or directly."""
    instructor = Q(is_superuser=True)
    for via in ("groups__permissions", "user_permissions"):
        instructor |= Q(
            **{f"{via}__codename": _CODENAME, f"{via}__content_type__app_label": _APP_LABEL}
        )
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .exclude(pk__in=User.objects.filter(instructor).values("pk"))
        .order_by("username")
    )
