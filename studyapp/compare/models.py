"""Instructors' corrections of comparison tables.

Kept apart from the generated cells and keyed by the comparison's stable key and the row's name,
so a correction survives every re-ingest and always says who made it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Correction(models.Model):
    class Kind(models.TextChoices):
        RENAME_ROW = "rename_row", "rename a row"
        ADD_ROW = "add_row", "add a row"
        DROP_ROW = "drop_row", "drop a row"
        FIX_CELL = "fix_cell", "fix a cell"

    comparison_key = models.CharField(max_length=40, db_index=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    row = models.CharField(max_length=300, help_text="The row's name as the table shows it.")
    new_name = models.CharField(max_length=300, blank=True)
    entity = models.CharField(max_length=300, blank=True)
    value = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.row}"
