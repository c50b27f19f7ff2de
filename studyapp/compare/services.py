"""Workflows of comparisons: instructors' corrections."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from studyapp.accounts.models import is_instructor
from studyapp.knowledge.models import Comparison

from .models import Correction
from .selectors import comparison_table


def correction_make(
    *,
    comparison: Comparison,
    author,
    kind: str,
    row: str,
    new_name: str = "",
    entity: str = "",
    value: str = "",
) -> Correction:
    """Record one correction; it applies at once and after every later ingest."""
    if not is_instructor(author):
        raise PermissionDenied("Only instructors can correct a table.")
    rows = {r.name for r in comparison_table(comparison).rows}
    row, new_name, value = row.strip(), new_name.strip(), value.strip()
    if kind == Correction.Kind.ADD_ROW:
        if not row or row in rows:
            raise ValidationError("Give the new row a name the table does not have yet.")
    elif row not in rows:
        raise ValidationError(f"The table has no row “{row}”.")
    if kind == Correction.Kind.RENAME_ROW and (not new_name or new_name in rows):
        raise ValidationError("Give the row a new name the table does not have yet.")
    if kind == Correction.Kind.FIX_CELL:
        if entity not in comparison.entities:
            raise ValidationError("Choose one of the table's columns.")
        if not value:
            raise ValidationError("Write the cell's corrected value.")
    return Correction.objects.create(
        comparison_key=comparison.key,
        kind=kind,
        row=row,
        new_name=new_name,
        entity=entity,
        value=value,
        author=author,
    )
