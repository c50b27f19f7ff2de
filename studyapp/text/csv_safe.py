"""CSV cells a spreadsheet will not run: one rule for every CSV download (compare's tables, quiz
grades)."""

from __future__ import annotations

# A value starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """Spreadsheets run a cell that starts like a formula; a leading ' makes it text."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
