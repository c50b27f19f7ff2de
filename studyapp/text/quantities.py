"""Quantities in note text: '15 min' = '900 s', '10GB' = '10 GB', '128 MB – 10 GB' is a range.

Pure. Values are kept in a base unit per dimension (seconds, bytes, plain counts) so that two notes
that write the same limit differently compare equal.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import lexicon
from .numbers import count_text, short_number

# unit spelling -> (dimension base unit, factor to base, canonical spelling)
_UNITS: dict[str, tuple[str, float, str]] = {
    name: (base, factor, canonical)
    for names, base, factor, canonical in lexicon.UNIT_SPELLINGS
    for name in names.split()
}

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_QUANTITY = re.compile(
    # Not after '/' or '.', nor before '.5': '/1K' is a rate's denominator, '10.0.0.0/16' an
    # address, '3.11.2' a version.
    rf"(?<![\w.$/]){_NUMBER}\s?(?:(?P<unit>{_UNIT_RE})|(?P<mult>{'|'.join(lexicon.QUANTITY_MULTIPLIERS)})\b)?(?![\w@%]|-[a-z]|\.\d)",
    re.I,
)
_DIGIT = re.compile(r"\d")
# Scanned notes read "10GB" as "IOGB" and "1 MB" as "l MB"; only inside a quantity is that safe.
_OCR_TEN = re.compile(r"\b[Il][O0](?=\s?[KMGT]B\b)")
_OCR_ONE = re.compile(r"(?<=\()l(?=\s?[KMGT]B\b)|\bl(?=\s[KMGT]B\b)")


@dataclass(frozen=True)
class Quantity:
    low: float  # in the base unit
    high: float  # == low unless a range
    unit: str  # base unit: "s", "B" or "" for a count
    text: str  # as written (after OCR fixes)

    @property
    def is_range(self) -> bool:
        return self.high != self.low

    def key(self) -> str:
        """Identity for comparisons: equal for '15 min' and '900 s'."""
        return f"{short_number(self.low)}-{short_number(self.high)}{self.unit}"

    def display(self) -> str:
        return (
            f"{_human(self.low, self.unit)} – {_human(self.high, self.unit)}"
            if self.is_range
            else _human(self.low, self.unit)
        )


def _human(value: float, unit: str) -> str:
    if unit == "B":
        for name, size in (("TB", 1024**4), ("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
            if value >= size and (value / size) == int(value / size):
                return f"{int(value / size)} {name}"
        return f"{short_number(value)} B"
    if unit == "s":
        for name, size in (("day", 86400), ("h", 3600), ("min", 60), ("s", 1)):
            if value >= size and (value / size) == int(value / size):
                count = int(value / size)
                return f"{count} {name}{'s' if name == 'day' and count > 1 else ''}"
        return f"{value * 1000:g} ms" if value >= 1e-3 else f"{value * 1e6:g} µs"
    return count_text(value)


def ocr_fix(text: str) -> str:
    if "B" not in text:
        return text  # both misreadings stand before a 'KB', 'MB', 'GB' or 'TB'
    return _OCR_ONE.sub("1", _OCR_TEN.sub("10", text))


def _one(match: re.Match[str]) -> tuple[float, str, str | None]:
    number = float(match.group("num").replace(",", ""))
    unit = match.group("unit")
    mult = match.group("mult")
    if unit:
        base, factor, _canonical = _UNITS[unit.lower()]
        return number * factor, base, unit
    if mult and mult != "m":  # "1M" is a million; "15m" may be minutes, so it is neither
        return number * lexicon.MULTIPLIERS[mult.lower()], "", None
    return number, "", None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity or range in the text, in order."""
    return list(_quantities_in(text))


@functools.lru_cache(maxsize=1 << 16)  # pure (Quantity is frozen), asked of one value often
def _quantities_in(text: str) -> tuple[Quantity, ...]:
    text = ocr_fix(text)
    if not _DIGIT.search(text):
        return ()  # every quantity has a digit (most texts have none)
    found: list[Quantity] = []
    pos = 0
    while (match := _QUANTITY.search(text, pos)) is not None:
        if lexicon.RATE_DENOMINATOR.search(text[max(0, match.start() - 8) : match.start()]):
            pos = match.end()  # '$0.40 per 1M requests': the 1M says per what, it is no amount
            continue
        low, unit, spelled = _one(match)
        end = match.end()
        rest = text[end:]
        sep = lexicon.RANGE_SEPARATOR.match(rest)
        if sep and (second := _QUANTITY.match(rest, sep.end())):
            high, unit2, spelled2 = _one(second)
            if spelled is None and spelled2 is not None:
                # "5-10 GB": the first number takes the second's unit.
                base, factor, _c = _UNITS[spelled2.lower()]
                low, unit = float(match.group("num").replace(",", "")) * factor, base
            if unit == unit2 and high >= low:
                end += second.end()
                found.append(Quantity(low, high, unit, text[match.start() : end].strip()))
                pos = end
                continue
        if match.group("mult") == "m":  # "15m": minutes or millions? Not a quantity we can trust.
            pos = end
            continue
        if unit or low >= 10 or match.group("mult"):  # bare "1" or "3" is rarely a quantity
            found.append(Quantity(low, low, unit, match.group(0).strip()))
        pos = end
    return tuple(found)


@functools.lru_cache(maxsize=1 << 16)  # pure (Quantity is frozen); extraction asks it per reading
def first_quantity(text: str) -> Quantity | None:
    """The quantity a value states: the first, before any example ('varies, e.g. 30 s')."""
    found = find_quantities(lexicon.EXAMPLE_MARKER.split(text, maxsplit=1)[0])
    return found[0] if found else None


def parse_answer(text: str) -> Quantity | None:
    """A learner's typed answer as a quantity ('15 min', '900 seconds'), or None."""
    found = find_quantities(text)
    return found[0] if len(found) == 1 else None
