"""Every page shows times in the signed-in user's own time zone (their Profile's)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import profile_for

SESSION_KEY = "time_zone"


def zone_name(user) -> str:
    """The user's time zone, or UTC when the stored name is not one this machine knows."""
    name = profile_for(user).time_zone
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def remember_time_zone(request: HttpRequest, name: str) -> None:
    """Call when the user changes their time zone, so the next page uses it."""
    request.session[SESSION_KEY] = name


def with_fresh_time_zone(view: Callable) -> Callable:
    """For pages that read dates typed by the user: the zone straight from the profile (one
    query), not the session's copy, which another session's change of zone leaves stale."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        name = zone_name(request.user)
        remember_time_zone(request, name)
        with timezone.override(ZoneInfo(name)):
            return view(request, *args, **kwargs)

    return wrapped


def remember_time_zone_at_login(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        remember_time_zone(request, zone_name(user))


def user_time_zone(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return get_response(request)
        # Kept in the session from login on: the profile is read once, not on every page.
        name = request.session.get(SESSION_KEY)
        if name is None:
            name = zone_name(user)
            remember_time_zone(request, name)
        with timezone.override(ZoneInfo(name)):
            return get_response(request)

    return middleware
