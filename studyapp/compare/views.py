"""Comparison tables: the list, one table (cited cell by cell, conflicts shown, printable, as
CSV) with the instructors' correction form, and the self-test mode. Saving a correction
regenerates cards and questions, so that page is in studyapp/pages; the quiz from a table is a
quiz (studyapp/quizzes/table_quiz_views.py).

Everything works with plain forms; static/js/selftest.js only makes the self-test nicer (a Reveal
button, Knew it / Didn't, k and d, a running score)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from studyapp.accounts.models import is_instructor
from studyapp.http import AuthedRequest
from studyapp.knowledge.models import Comparison
from studyapp.knowledge.tables import (
    CellValue,
    Table,
    comparison_or_404,
    comparison_summaries,
    comparison_table,
)
from studyapp.text.csv_safe import csv_safe

from .forms import CorrectionForm, SelfTestDoneForm, SelfTestForm, cell_field
from .services import selftest_record_missed

# The deck of every card (decks' URL map): where missed cells are studied. A URL, not an import:
# compare and decks do not import each other.
EVERYTHING_DECK = "everything"


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
def comparison_list(request: AuthedRequest) -> HttpResponse:
    return render(request, "compare/list.html", {"summaries": comparison_summaries()})


def detail_page(
    request: AuthedRequest,
    comparison: Comparison,
    *,
    form: CorrectionForm | None = None,
    status=200,
) -> HttpResponse:
    """The table page; instructors see the correction form (`form`, when it has errors)."""
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
def comparison_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    return detail_page(request, comparison_or_404(slug))


@require_GET
@login_required
def comparison_csv(request: AuthedRequest, slug: str) -> HttpResponse:
    comparison = comparison_or_404(slug)
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
def comparison_selftest(request: AuthedRequest, slug: str) -> HttpResponse:
    comparison = comparison_or_404(slug)
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
        "study_url": reverse("decks:study", kwargs={"slug": EVERYTHING_DECK}),
    }
    return render(request, "compare/selftest.html", context, status=400 if form.errors else 200)
