"""Plain numbers: reading one as people type it, and writing one back.

Pure. Quantities with units ('15 min', '10 GB') are `quantities.py`'s; this is the bare number a
numeric question stores as its answer, the counts shown in options, and a small count in words
for a card ('which four?').
"""

from __future__ import annotations

import math
import re

# A plain number as people type it: "1000", "1,000", "-2.5", ".5". Exponents are left out on
# purpose: "1e3" in a study app is more likely a typo than an answer.
_PLAIN_NUMBER = re.compile(r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+−]?\.\d+")


def plain_number(text: str) -> float | None:
    """A plain number as people type it ("1,000", "-2.5", ".5", "−5"), or None: the one reading of
    a numeric question's stored value (authoring checks a written one with it)."""
    if not isinstance(text, str):
        return None
    cleaned = text.strip()
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned.replace(",", "").replace("−", "-"))
    return value if math.isfinite(value) else None


def written_number(
    value: float, *, digits: int | None = None, max_integer: float | None = None
) -> str:
    """A number written so that `plain_number` reads it back: a whole number without '.0'
    ('900'), any other in full ('2.5', repr's shortest round-trip) or, given `digits`, to that
    many significant digits (for people: '0.3333333333').

    `max_integer`: whole numbers this large or larger are written like the others, not as a
    wall of digits (grading shows '1e+20' where the stored answer keeps every digit)."""
    if value == int(value) and (max_integer is None or abs(value) < max_integer):
        return str(int(value))
    return f"{value:.{digits}g}" if digits else repr(float(value))


def count_text(value: float) -> str:
    """A count as options show it: thousands grouped when whole ('1,000'), else short ('2.5')."""
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()


def number_word(count: int) -> str:
    """A small count in words, as a question asks it ('which four?'); from 11 on, the digits."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)
