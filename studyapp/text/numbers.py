"""Plain numbers: reading one as people type it, and writing one back.

Pure. Quantities with units ('15 min', '10 GB') are `quantities.py`'s; this is the bare number a
numeric question stores as its answer, the counts shown in options, and a small count in words
for a card ('which four?').
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from . import lexicon

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


def short_number(value: float) -> str:
    """Six significant digits at most, no trailing zeros ('2.5', '0.333333', '1e+06')."""
    return f"{value:g}"


def count_text(value: float) -> str:
    """A count as options show it: thousands grouped when whole ('1,000'), else short ('2.5')."""
    return f"{int(value):,}" if value == int(value) else short_number(value)


_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()


def number_word(count: int) -> str:
    """A small count in words, as a question asks it ('which four?'); from 11 on, the digits."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


# Numbers as an instructor types them into a numeric question (exponents allowed, unlike in a
# learner's answer), written the way the question stores them.

# A comma only ever separates thousands: "1,000" and "12,345.6", never "1,5" (a decimal comma).
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?")


def _number_typed(text: str) -> str:
    return (text or "").strip().replace(" ", "").replace("−", "-")


def typed_number(text: str) -> str | None:
    """A number as an instructor may type it ("1,000", "2.50", "1e3", "−5") written the way a
    numeric question stores it ("1000", "2.5", "1000", "-5"), which `plain_number` reads;
    None when it is not a number. (Exponents are fine here, unlike in a learner's answer.) A
    comma that is not a thousands separator ("1,5") makes it not a number: see `decimal_comma`."""
    cleaned = _number_typed(text)
    if "," in cleaned:
        if not _GROUPED.fullmatch(cleaned):
            return None
        cleaned = cleaned.replace(",", "")
    try:
        value = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        return None
    plain = format(value.normalize(), "f")
    return "0" if plain in ("-0", "+0") else plain


def decimal_comma(text: str) -> str | None:
    """The number written with a dot ("1.5") when `text` has a decimal comma ("1,5") instead;
    None for anything else (thousands separators, several commas, not a number)."""
    cleaned = _number_typed(text)
    if cleaned.count(",") != 1 or _GROUPED.fullmatch(cleaned):
        return None
    dotted = cleaned.replace(",", ".")
    return dotted if typed_number(dotted) is not None else None


# A number as a word of its own: '50%', '2x', '0.5', '12' (not the 3 of 'S3' or 'EC2').
_NUMBER_IN_TEXT = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*(%|x\b|×)?(?![\w.]\w)", re.I)


def number_values(text: str) -> frozenset[float]:
    """The plain numbers a text says, in digits or words ('half', 'twice', 'dozen': the
    lexicon's NUMBER_WORDS), each fraction also as its percentage and each percentage also as
    its fraction ('half' and '50%' both say 0.5 and 50). Units are `quantities.py`'s."""
    if not isinstance(text, str):
        return frozenset()
    values: set[float] = set()
    for number, mark in _NUMBER_IN_TEXT.findall(text):
        try:
            value = float(number.replace(",", "."))
        except ValueError:
            continue
        values.add(value)
        if mark == "%":
            values.add(value / 100)
    for word in re.findall(r"[a-z]+", text.lower()):
        said = lexicon.NUMBER_WORDS.get(word)
        if said is not None:
            values.add(float(said))
            if said < 1:
                values.add(float(said) * 100)
    return frozenset(round(v, 6) for v in values)
