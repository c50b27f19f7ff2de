"""Instructors' corrections: applied to the table, kept across re-ingest, signed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from studyapp.knowledge.models import Comparison
from studyapp.knowledge.tables import comparison_table
from studyapp.pipeline import model_rebuild, table_correct


@pytest.fixture
def headline(notes_ingested):
    return Comparison.objects.get(title="AWS Lambda vs CloudFront Functions vs Lambda@Edge")


def _rows(table):
    return {r.name: r for r in table.rows}


def test_corrections_apply_in_order_and_survive_reingest(headline, instructor):
    table_correct(
        comparison=headline, author=instructor, kind="rename_row", row="Cost", new_name="Pricing"
    )
    table_correct(
        comparison=headline,
        author=instructor,
        kind="fix_cell",
        row="Pricing",
        entity="Lambda@Edge",
        value="Per request and duration, above CloudFront Functions",
    )
    table_correct(comparison=headline, author=instructor, kind="add_row", row="Max package size")
    table_correct(comparison=headline, author=instructor, kind="drop_row", row="Use Cases")
    model_rebuild(generate=False)  # a re-ingest changes nothing of it
    headline.refresh_from_db()
    rows = _rows(comparison_table(headline))
    assert "Cost" not in rows and "Use Cases" not in rows and "Max package size" in rows
    names = [r.name for r in comparison_table(headline).rows]
    assert names.index("Pricing") == 7  # renamed in place (after "Use Cases" was dropped)
    (fixed,) = rows["Pricing"].cells["Lambda@Edge"]
    assert fixed.value.startswith("Per request") and fixed.corrected_by == "instructor"
    assert rows["Pricing"].corrected_by == "instructor"
    assert rows["Pricing"].cells["AWS Lambda"][0].sources  # untouched cells keep their citations


def test_only_instructors_correct_and_bad_corrections_are_refused(headline, student, instructor):
    with pytest.raises(PermissionDenied):
        table_correct(comparison=headline, author=student, kind="drop_row", row="Cost")
    with pytest.raises(ValidationError):
        table_correct(comparison=headline, author=instructor, kind="drop_row", row="No such row")
    with pytest.raises(ValidationError):
        table_correct(
            comparison=headline,
            author=instructor,
            kind="fix_cell",
            row="Cost",
            entity="EC2",
            value="x",
        )
    with pytest.raises(ValidationError):
        table_correct(
            comparison=headline,
            author=instructor,
            kind="rename_row",
            row="Cost",
            new_name="Runtime",
        )


def test_conflicting_cells_are_marked_and_every_cell_is_cited(headline):
    rows = _rows(comparison_table(headline))
    assert "CloudFront Functions" in rows["Execution Time"].conflicts
    for row in rows.values():
        for values in row.cells.values():
            for value in values:
                assert value.sources and value.sources[0]["note_url"].startswith("/notes/")


def test_notes_wording_a_value_differently_do_not_disagree():
    from studyapp.knowledge.tables import values_disagree

    assert not values_disagree(
        ["JavaScript only", "lightweight functions written in javascript"], []
    )
    assert not values_disagree(["✅ Supports FS access", "Yes"], [])
    assert not values_disagree(["Scales to millions of req/s", "millions of requests/s"], [])
    assert values_disagree(["< 1 ms (sub-ms latency)", "ms-scale"], [["ms-scale", "sub-ms"]])
    assert values_disagree(["✅ Supported", "❌ Not supported"], [])
    assert values_disagree(["2 MB", "10 GB"], [])


def test_corrections_reach_the_cards(headline, instructor):
    from studyapp.decks.models import Card
    from studyapp.decks.services import cards_generate

    cards_generate()
    cost = Card.objects.get(front="Lambda@Edge — cost?", retired_at__isnull=True)
    startup = Card.objects.filter(front__endswith="— startup?", retired_at__isnull=True)
    assert startup.count() == 3
    table_correct(
        comparison=headline, author=instructor, kind="rename_row", row="Cost", new_name="Pricing"
    )
    table_correct(
        comparison=headline,
        author=instructor,
        kind="fix_cell",
        row="Pricing",
        entity="Lambda@Edge",
        value="Fixed by the instructor",
    )
    table_correct(comparison=headline, author=instructor, kind="drop_row", row="Startup")
    cost.refresh_from_db()
    assert cost.retired_at is None  # the same card (its history kept), now teaching the fix
    assert (cost.front, cost.back) == ("Lambda@Edge — pricing?", "Fixed by the instructor")
    assert not Card.objects.filter(pk__in=[c.pk for c in startup], retired_at__isnull=True).exists()


def test_opposite_values_are_never_one_value():
    from studyapp.knowledge.tables import values_disagree

    assert values_disagree(["Supported", "Not supported"], [])
