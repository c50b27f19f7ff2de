"""Comparison tables: the list, one table (cited cell by cell, conflicts shown, printable, as
CSV), instructors' corrections, the self-test mode and a quiz from the table.

Everything works with plain forms; static/js/selftest.js only makes the self-test nicer (a Reveal
button, Knew it / Didn't, k and d, a running score)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from studyapp.accounts.models import is_instructor
from studyapp.csv_safe import csv_safe
from studyapp.decks.selectors import EVERYTHING
from studyapp.knowledge.models import Comparison

from .forms import (
    MAX_SEED,
    CorrectionForm,
    QuizSeedForm,
    SelfTestDoneForm,
    SelfTestForm,
    cell_field,
)
from .questions import quiz_grade, quiz_questions
from .selectors import CellValue, Table, comparison_summaries, comparison_table
from .services import correction_make, selftest_record_missed


def _comparison_or_404(slug: str) -> Comparison:
    return get_object_or_404(Comparison, slug=slug, retired_at__isnull=True)


# The table as the templates draw it ------------------------------------------------------------


@dataclass
class GridCell:
    entity: str
    col: int  # the cell's column, 2… (the row names are column 1), for the column highlight
    values: list[CellValue]
    field: str  # the self-test form's value for this cell

    @property
    def conflict(self) -> bool:
        return len(self.values) > 1


@dataclass
class GridRow:
    name: str
    corrected_by: str
    cells: list[GridCell]


@dataclass
class Grid:
    table: Table
    rows: list[GridRow]
    notes: list[dict] = field(default_factory=list)  # [{n, title, url}] in order of first use

    @property
    def cells(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.values)


def _grid(table: Table) -> Grid:
    """Rows × entities in column order; every source numbered by its note, so a cell cites
    "1, 3" and the list under the table says which notes those are."""
    numbers: dict[str, dict] = {}

    def numbered(value: CellValue) -> CellValue:
        sources = []
        for source in value.sources:
            note = numbers.get(source["note"])
            if note is None:
                url = source.get("note_url", "").split("#")[0]
                note = {"n": len(numbers) + 1, "title": source["note_title"], "url": url}
                numbers[source["note"]] = note
            sources.append({**source, "n": note["n"]})
        return CellValue(value.value, sources, value.corrected_by)

    rows = [
        GridRow(
            row.name,
            row.corrected_by,
            [
                GridCell(
                    entity,
                    col,
                    [numbered(v) for v in row.cells.get(entity, [])],
                    cell_field(row.name, entity),
                )
                for col, entity in enumerate(table.entities, start=2)
            ],
        )
        for row in table.rows
    ]
    return Grid(table, rows, list(numbers.values()))


# Pages -----------------------------------------------------------------------------------------


@require_GET
@login_required
def comparison_list(request: HttpRequest) -> HttpResponse:
    return render(request, "compare/list.html", {"summaries": comparison_summaries()})


def _detail(
    request: HttpRequest, comparison: Comparison, *, form: CorrectionForm | None = None, status=200
) -> HttpResponse:
    table = comparison_table(comparison)
    instructor = is_instructor(request.user)
    if instructor and form is None:
        form = CorrectionForm(table=table)
    context = {
        "comparison": comparison,
        "grid": _grid(table),
        "instructor": instructor,
        "form": form,
    }
    return render(request, "compare/detail.html", context, status=status)


@require_GET
@login_required
def comparison_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _detail(request, _comparison_or_404(slug))


@require_POST
@login_required
def comparison_correct(request: HttpRequest, slug: str) -> HttpResponse:
    comparison = _comparison_or_404(slug)
    if not is_instructor(request.user):
        raise PermissionDenied("Only instructors can correct a table.")
    form = CorrectionForm(request.POST, table=comparison_table(comparison))
    if form.is_valid():
        try:
            correction = correction_make(
                comparison=comparison, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Saved: {correction.get_kind_display()} “{correction.row}”.")
            return redirect("compare:detail", slug=comparison.slug)
    return _detail(request, comparison, form=form, status=400)


@require_GET
@login_required
def comparison_csv(request: HttpRequest, slug: str) -> HttpResponse:
    comparison = _comparison_or_404(slug)
    table = comparison_table(comparison)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{comparison.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow([csv_safe(v) for v in ["attribute", *table.entities]])
    for row in table.rows:
        values = [" / ".join(v.value for v in row.cells.get(e, [])) for e in table.entities]
        writer.writerow([csv_safe(v) for v in [row.name, *values]])
    return response


@require_http_methods(["GET", "POST"])
@login_required
def comparison_selftest(request: HttpRequest, slug: str) -> HttpResponse:
    comparison = _comparison_or_404(slug)
    table = comparison_table(comparison)
    url = reverse("compare:selftest", kwargs={"slug": comparison.slug})
    form = SelfTestForm(request.POST if request.method == "POST" else None, table=table)
    if request.method == "POST" and form.is_valid():
        queued = selftest_record_missed(
            user=request.user, comparison=comparison, missed=form.pairs(), now=timezone.now()
        )
        return redirect(f"{url}?queued={queued}")
    done = SelfTestDoneForm(request.GET)
    context = {
        "comparison": comparison,
        "grid": _grid(table),
        "form": form,
        "queued": done.cleaned_data["queued"] if done.is_valid() else None,
        "study_url": reverse("decks:study", kwargs={"slug": EVERYTHING}),
    }
    return render(request, "compare/selftest.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def comparison_quiz(request: HttpRequest, slug: str) -> HttpResponse:
    """Questions from the table (studyapp/compare/questions.py), graded on POST. Nothing is
    stored: the seed in the form rebuilds the same questions to grade. The quizzes app will
    take these questions over, with attempts and results."""
    comparison = _comparison_or_404(slug)
    table = comparison_table(comparison)
    if request.method == "POST":
        form = QuizSeedForm(request.POST)
        if not form.is_valid():
            context = {"comparison": comparison, "questions": [], "error": True}
            return render(request, "compare/quiz.html", context, status=400)
        seed = form.cleaned_data["seed"]
        questions = quiz_questions(table, seed=seed)
        graded = quiz_grade(questions, request.POST)
        context = {
            "comparison": comparison,
            "seed": seed,
            "graded": graded,
            "score": sum(g.right for g in graded),
            "total": len(graded),
            "next_seed": random.randint(0, MAX_SEED),
        }
        return render(request, "compare/quiz.html", context)
    # A missing or malformed seed in the query string: a fresh quiz.
    query = QuizSeedForm(request.GET)
    seed = query.cleaned_data["seed"] if query.is_valid() else random.randint(0, MAX_SEED)
    context = {
        "comparison": comparison,
        "seed": seed,
        "questions": quiz_questions(table, seed=seed),
        "next_seed": random.randint(0, MAX_SEED),
    }
    return render(request, "compare/quiz.html", context)
