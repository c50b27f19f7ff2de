"""Typed requests and the one way a page answers htmx.

Views annotate their request as `HtmxRequest` (any visitor) or `AuthedRequest` (behind
`login_required`), so `request.htmx` (django-htmx's middleware) and `request.user` have types
mypy can check, as django-htmx's documentation recommends.

`render_page` renders a page, or just one of its inline partials when htmx asked for it. One URL
then has two bodies, so the response always varies on HX-Request: otherwise a browser's cache
(or "back") could show the bare fragment as the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails
    user: User | AnonymousUser


class AuthedRequest(HtmxRequest):
    user: User


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request for a fragment. A history restore (htmx's cache missed on "back") swaps
    the whole body, so it needs the page."""
    htmx: HtmxDetails | None = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def render_page(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    partial: str,
    status: int = 200,
) -> HttpResponse:
    """`template`, or its `{% partialdef partial %}` for an htmx request; Vary: HX-Request."""
    name = f"{template}#{partial}" if wants_partial(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
