"""Workflows of comparisons: a learner's self-test results."""

from __future__ import annotations

from datetime import datetime

from studyapp.knowledge.models import Comparison
from studyapp.knowledge.recall import recall_request
from studyapp.knowledge.tables import comparison_table


def selftest_record_missed(
    *, user, comparison: Comparison, missed: list[tuple[str, str]], now: datetime
) -> int:
    """Make the cards of the cells the learner did not know, given as (row, entity) as the table
    shows them, due now in their deck (`knowledge.recall` says how). Returns how many cards
    that is."""
    rows = {r.name: r for r in comparison_table(comparison).rows}
    # A renamed row's cells and cards still go by the name the notes give it.
    wanted: set[tuple[str, str]] = set()  # (attribute, entity) as the cells are keyed
    for row_name, entity in missed:
        row = rows.get(row_name)
        if row is not None and row.attribute and row.cells.get(entity):
            wanted.add((row.attribute, entity))
    if not wanted:
        return 0
    return recall_request(user=user, now=now, table_cells=(comparison.pk, sorted(wanted)))
