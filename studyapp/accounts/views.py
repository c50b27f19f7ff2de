from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from studyapp.accounts.models import profile_for
from studyapp.http import HtmxRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def _safe_next(request: HtmxRequest) -> str:
    # `next` comes from the query string or a hidden field, i.e. from anyone: only follow it to
    # this site, or sign-up becomes an open redirect.
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return "/"


@require_http_methods(["GET", "POST"])
def signup(request: HtmxRequest) -> HttpResponse:
    form: UserCreationForm[User]
    if request.method == "POST":
        form = UserCreationForm(request.POST)
        if form.is_valid():
            user = form.save()
            profile_for(user)
            login(request, user)
            messages.success(request, f"Welcome, {user.get_username()}! Your account is ready.")
            return redirect(_safe_next(request))
    else:
        form = UserCreationForm()
    # A rejected form re-renders with 200, like Django's LoginView: htmx (if a form ever gets
    # hx-post) does not swap 4xx responses, so the errors would not be shown.
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})
