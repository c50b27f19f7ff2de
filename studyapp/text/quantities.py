"""Quantities in note text: '15 min' = '900 s', '10GB' = '10 GB', '128 MB – 10 GB' is a range.

Pure. Values are kept in a base unit per dimension (seconds, bytes, plain counts) so that two notes
that write the same limit differently compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# unit spelling -> (dimension base unit, factor to base, canonical spelling)
_UNITS: dict[str, tuple[str, float, str]] = {}


def _unit(names: str, base: str, factor: float, canonical: str) -> None:
    for name in names.split():
        _UNITS[name] = (base, factor, canonical)


_unit("µs microsecond microseconds", "s", 1e-6, "µs")  # not "us": "3 US regions"
_unit("ms millisecond milliseconds msec", "s", 1e-3, "ms")
_unit("s sec secs second seconds", "s", 1, "s")
_unit("min mins minute minutes", "s", 60, "min")
_unit("h hr hrs hour hours", "s", 3600, "h")
_unit("day days", "s", 86400, "days")
_unit("yr yrs year years", "s", 365 * 86400, "years")
_unit("b byte bytes", "B", 1, "B")
_unit("kb", "B", 1024, "KB")
_unit("mb", "B", 1024**2, "MB")
_unit("gb", "B", 1024**3, "GB")
_unit("tb", "B", 1024**4, "TB")

_MULTIPLIERS = {"k": 1e3, "m": 1e6, "million": 1e6, "millions": 1e6, "b": 1e9, "billion": 1e9}

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?<![\w.$]){_NUMBER}\s?(?:(?P<unit>{_UNIT_RE})|(?P<mult>k|m|million|billion)\b)?(?![\w@%]|-[a-z])",
    re.I,
)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|up to)\s*", re.I)
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
        return f"{_fmt(self.low)}-{_fmt(self.high)}{self.unit}"

    def display(self) -> str:
        return (
            f"{_human(self.low, self.unit)} – {_human(self.high, self.unit)}"
            if self.is_range
            else _human(self.low, self.unit)
        )


def _fmt(value: float) -> str:
    return f"{value:.6g}"


def _human(value: float, unit: str) -> str:
    if unit == "B":
        for name, size in (("TB", 1024**4), ("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
            if value >= size and (value / size) == int(value / size):
                return f"{int(value / size)} {name}"
        return f"{_fmt(value)} B"
    if unit == "s":
        for name, size in (("day", 86400), ("h", 3600), ("min", 60), ("s", 1)):
            if value >= size and (value / size) == int(value / size):
                count = int(value / size)
                return f"{count} {name}{'s' if name == 'day' and count > 1 else ''}"
        return f"{value * 1000:g} ms" if value >= 1e-3 else f"{value * 1e6:g} µs"
    return f"{int(value):,}" if value == int(value) else _fmt(value)


def ocr_fix(text: str) -> str:
    return _OCR_ONE.sub("1", _OCR_TEN.sub("10", text))


def _one(match: re.Match[str]) -> tuple[float, str, str | None]:
    number = float(match.group("num").replace(",", ""))
    unit = match.group("unit")
    mult = match.group("mult")
    if unit:
        base, factor, _canonical = _UNITS[unit.lower()]
        return number * factor, base, unit
    if mult and mult != "m":  # "1M" is a million; "15m" may be minutes, so it is neither
        return number * _MULTIPLIERS[mult.lower()], "", None
    return number, "", None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity or range in the text, in order."""
    text = ocr_fix(text)
    found: list[Quantity] = []
    pos = 0
    while (match := _QUANTITY.search(text, pos)) is not None:
        low, unit, spelled = _one(match)
        end = match.end()
        rest = text[end:]
        sep = _RANGE_SEP.match(rest)
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
    return found


def first_quantity(text: str) -> Quantity | None:
    found = find_quantities(text)
    return found[0] if found else None


def parse_answer(text: str) -> Quantity | None:
    """A learner's typed answer as a quantity ('15 min', '900 seconds'), or None."""
    found = find_quantities(text)
    return found[0] if len(found) == 1 else None
