"""Pages that combine apps: the dashboard (topics, notes, assigned quizzes) and saving a table
correction (which regenerates the cards and questions through the pipeline)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from studyapp.accounts.models import is_instructor
from studyapp.compare.forms import CorrectionForm
from studyapp.compare.views import detail_page
from studyapp.http import AuthedRequest, HtmxRequest
from studyapp.knowledge.models import Note, Topic
from studyapp.knowledge.tables import comparison_or_404, comparison_table
from studyapp.pipeline import table_correct
from studyapp.quizzes.selectors import assigned_quizzes


@require_GET
def home(request: HtmxRequest) -> HttpResponse:
    context = {}
    if request.user.is_authenticated:
        context = {
            "topics": Topic.objects.filter(retired_at__isnull=True, parent__isnull=True)[:8],
            "notes": Note.objects.filter(is_present=True),
            # One query, whatever the number of quizzes (see the selector).
            "assigned": assigned_quizzes(request.user, now=timezone.now()),
        }
    return render(request, "pages/home.html", context)


@require_POST
@login_required
def comparison_correct(request: AuthedRequest, slug: str) -> HttpResponse:
    comparison = comparison_or_404(slug)
    if not is_instructor(request.user):
        raise PermissionDenied("Only instructors can correct a table.")
    form = CorrectionForm(request.POST, table=comparison_table(comparison))
    if form.is_valid():
        try:
            correction = table_correct(
                comparison=comparison, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Saved: {correction.get_kind_display()} “{correction.row}”.")
            return redirect("compare:detail", slug=comparison.slug)
    return detail_page(request, comparison, form=form, status=400)
