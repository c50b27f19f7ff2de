"""The instructor's pages about a quiz's outcome and its files: the results (scores and
statistics), the grades as CSV, and its questions as GIFT, out to Moodle and in from a file.

Every page is the quiz owner's (or staff's), as in `instructor_views`.
"""

from __future__ import annotations

import csv
from datetime import tzinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from studyapp.http import AuthedRequest
from studyapp.text.csv_safe import csv_safe

from . import gift_import as gift_into_quiz
from . import gift_write, quiz_builder, spec
from .access import managed_quiz
from .attempts import attempt_expire, deadline_passed
from .instructor_forms import GiftImportForm
from .models import Question, Quiz
from .results import StudentResult
from .results import quiz_results as results_of


def _download(quiz: Quiz, suffix: str, content: str = "", *, content_type: str) -> HttpResponse:
    """A file download named after the quiz: "<title-slug><suffix>"."""
    response = HttpResponse(content, content_type=content_type)
    name = slugify(quiz.title) or f"quiz-{quiz.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}{suffix}"'
    return response


# Results ----------------------------------------------------------------------------------------


def _expire_overdue(quiz: Quiz) -> None:
    """Attempts whose time ran out while nobody looked are submitted as they stood."""
    now = timezone.now()
    for attempt in quiz.attempts.filter(deadline_passed(now=now), submitted_at__isnull=True):
        attempt_expire(attempt, now=now)


@require_GET
@login_required
def quiz_results(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    _expire_overdue(quiz)
    context = {"quiz": quiz, "results": results_of(quiz), "tab": "results"}
    return render(request, "quizzes/results.html", context)


@require_GET
@login_required
def grades_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    _expire_overdue(quiz)
    results = results_of(quiz, with_statistics=False)
    response = _download(quiz, "-grades.csv", content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    header = ["username", "attempts", "best score", "max", "percent", "time taken", "submitted at"]
    writer.writerow(header)
    zone = timezone.get_current_timezone()
    for student in results.students:
        writer.writerow([csv_safe(v) for v in _grade_row(student, zone)])
    return response


def _grade_row(student: StudentResult, zone: tzinfo) -> list[str]:
    """One student's line of the grades CSV: their best attempt, or blanks when none counts."""
    best, submitted_at = student.best, student.submitted_at
    row = [student.user.get_username(), str(student.used)]
    if best is None or submitted_at is None:  # the best attempt is always a submitted one
        return row + ["", f"{student.max_score:f}", "", "", ""]
    return row + [
        f"{best.score:f}",
        f"{best.max_score:f}",
        f"{student.percent:.1f}" if student.percent is not None else "",
        student.time_text,
        submitted_at.astimezone(zone).isoformat(timespec="seconds"),
    ]


# GIFT -------------------------------------------------------------------------------------------


@require_GET
@login_required
def gift_export(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    slots = list(quiz.slots.select_related("question__topic", "question__fact", "question__cell"))
    try:
        text = gift_write.gift_export(
            [_spec_of(s.question) for s in slots],
            points={s.question.key: s.points for s in slots},
            category=quiz.title,
        )
    except ValueError as error:
        # A question GIFT cannot say (malformed data from elsewhere): say which, send nothing.
        messages.error(request, f"This quiz cannot be written as GIFT: {error}")
        return redirect("quizzes:gift_import", pk=quiz.pk)
    return _download(quiz, ".gift.txt", text, content_type="text/plain; charset=utf-8")


def _spec_of(question: Question) -> spec.QuestionSpec:
    """A saved question as data, with the keys of its topic, fact and cell (which GIFT carries
    in its studyapp line, so an import elsewhere finds them again)."""
    return spec.QuestionSpec(
        key=question.key,
        kind=question.kind,
        prompt=question.prompt,
        answers=tuple(question.answers),
        options=tuple(question.options),
        items=tuple(question.items),
        tolerance=question.tolerance,
        unit=question.unit,
        explanation=question.explanation,
        sources=tuple(question.sources),
        topic_key=question.topic.key if question.topic is not None else "",
        fact_key=question.fact.key if question.fact is not None else "",
        cell_key=question.cell.key if question.cell is not None else "",
        about_keys=tuple(question.about_keys),
    )


@require_http_methods(["GET", "POST"])
@login_required
def gift_import(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    context = {"quiz": quiz, "locked": quiz_builder.quiz_locked(quiz), "tab": "gift"}
    if request.method == "GET":
        return render(request, "quizzes/build_gift.html", {**context, "form": GiftImportForm()})
    form = GiftImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = gift_into_quiz.gift_import(
                quiz=quiz, author=request.user, text=form.cleaned_data["gift"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if result.imported:
                return _imported(request, quiz, result)
            context["import_errors"] = result.errors or ["The text holds no GIFT questions."]
    return render(request, "quizzes/build_gift.html", {**context, "form": form}, status=400)


def _imported(
    request: AuthedRequest, quiz: Quiz, result: gift_into_quiz.GiftImport
) -> HttpResponse:
    """After an import that added questions: say how many, and list any left out on the GIFT
    page (else on to the quiz's questions)."""
    n = len(result.imported)
    messages.success(request, f"Imported {n} question{'s' if n != 1 else ''} into the quiz.")
    for error in result.errors:
        messages.warning(request, f"Not imported: {error}")
    if result.errors:
        return redirect("quizzes:gift_import", pk=quiz.pk)
    return redirect(reverse("quizzes:edit", kwargs={"pk": quiz.pk}) + "#questions")
