"""Grading a learner's answer to one question. Pure: no Django, no database.

Every function takes a `spec.QuestionSpec` or a `Question` row alike: only the attributes `kind`,
`answers`, `options`, `items`, `tolerance` and `unit` are read. An answer has the shape described
in `spec` (a list of strings). Nothing here raises on a learner's input: a blank, malformed or
foreign answer grades 0.

Scoring per kind (a fraction in [0, 1]):

- **choice**: 1 when the chosen option is the right one, else 0 (two options chosen: 0).
- **multi**: Moodle's multiple-answer rule. Each right option carries +1/R and each wrong one
  −1/R, where R is the number of right options; the fraction is the sum over the options chosen,
  clamped to [0, 1]. So choosing everything scores 0 unless every option is right, choosing half
  the right ones and nothing wrong scores 0.5. (This is what Moodle computes from the `~%x%`
  weights `gift_write.gift_export` writes; an option not among the question's options counts
  as wrong.)
- **truefalse**: 1 when "true"/"false" matches.
- **short**: 1 when the typed text is `same_answer` as any accepted answer: normalised, or in
  another spelling (abbreviated, hyphenated or run together, a number in words, without a
  trailing parenthetical: `text.answers.answer_forms`).
- **numeric**: the typed text must be one quantity in the question's dimension ("15 min",
  "900 seconds" and "900s" all answer a question in seconds); a bare number only answers a
  question without a unit. 1 when within `tolerance` (in the base unit) of the value.
- **matching**: the fraction of items given their right choice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

# normalise and plain_number are the text package's; readers still find them here too
# (`grading.plain_number`, as authoring checks a written numeric answer).
from studyapp.text.answers import equivalent, fold, normalise
from studyapp.text.numbers import plain_number, written_number
from studyapp.text.quantities import Quantity, ocr_fix, parse_answer

from . import spec

_SIGN = re.compile(r"^\s*([+\-−])\s*")


def _quantity_only(text: str) -> Quantity | None:
    """The text as one quantity, when the quantity is all there is ('900 s.', not 'about 900 s')."""
    if not isinstance(text, str):
        return None
    sign = 1.0
    if match := _SIGN.match(text):
        # quantities.py reads quantities as magnitudes; "-5 s" would otherwise grade as 5 s.
        sign = -1.0 if match.group(1) in "-−" else 1.0
        text = text[match.end() :]
    quantity = parse_answer(text)
    if quantity is None or quantity.is_range:
        return None
    if normalise(ocr_fix(text).replace(quantity.text, " ", 1)):
        return None
    if sign < 0:
        return Quantity(-quantity.low, -quantity.high, quantity.unit, "-" + quantity.text)
    return quantity


def same_answer(a: str, b: str) -> bool:
    """Equal once normalised, one answer in another spelling ('Sub-ms' == 'sub-millisecond',
    '2MB' == '2 MB', 'St Petersburg' == 'Saint Petersburg', a trailing parenthetical left out:
    `text.answers.equivalent`), or the same quantity however written ('15 min' == '900
    seconds')."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    na, nb = normalise(a), normalise(b)
    if na or nb:
        if na == nb or equivalent(a, b):
            return True
    elif fold(a) == fold(b):
        # Both are all symbols ("✅" and "❌"): normalising leaves nothing, so compare the symbols.
        return True
    pa, pb = plain_number(a), plain_number(b)
    if pa is not None and pb is not None:
        return pa == pb  # "5" and "5.0"; quantities.py leaves small bare numbers alone
    qa, qb = _quantity_only(a), _quantity_only(b)
    return qa is not None and qb is not None and qa.key() == qb.key()


def _string(value: Any) -> str:
    if isinstance(value, str):
        return value
    # JSON may hand back 900 for "900"; anything else is not an answer.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence):
        return tuple(_string(v) for v in value)
    return ()


def _field(question: Any, name: str) -> tuple[str, ...]:
    return _strings(getattr(question, name, None) or ())


def _answer_list(answer: Any) -> tuple[str, ...]:
    if answer is None:
        return ()
    return _strings(answer)


def is_blank(question: Any, answer: Any) -> bool:
    """True when the learner gave nothing: no option chosen, no text typed, no item matched."""
    return not any(a.strip() for a in _answer_list(answer))


def _pick(chosen: str, options: Sequence[str]) -> int | None:
    """Which option a chosen value names: the exact text, else the one equal once normalised."""
    if chosen in options:
        return options.index(chosen)
    key = normalise(chosen)
    if not key:
        return None
    matches = [i for i, option in enumerate(options) if normalise(option) == key]
    return matches[0] if len(matches) == 1 else None


def typed_value(text: str, unit: str) -> float | None:
    """A typed numeric answer in the question's base unit, or None when it does not answer it.

    "15 min", "900 seconds" and "900s" are all 900 for unit "s"; a bare number ("900",
    "1,000") only counts when the question has no unit, since "15" for a time is ambiguous.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if not unit:
        plain = plain_number(text)
        if plain is not None:
            return plain
    quantity = _quantity_only(text)
    if quantity is None or quantity.unit != unit:
        return None
    return quantity.low


def _tolerance(question: Any) -> float:
    try:
        tolerance = abs(float(getattr(question, "tolerance", 0) or 0))
    except (TypeError, ValueError):
        return 0.0
    return tolerance if math.isfinite(tolerance) else 0.0


def _numeric(question: Any, typed: str) -> float:
    answers = _field(question, "answers")
    unit = getattr(question, "unit", "") or ""
    value = plain_number(answers[0]) if answers else None
    got = typed_value(typed, unit)
    if value is None or got is None:
        return 0.0
    tolerance = _tolerance(question)
    # "15 min" is 900.0000000000001 s after unit conversion; the slack keeps it equal to 900.
    slack = 1e-9 * max(1.0, abs(value))
    return 1.0 if abs(got - value) <= tolerance + slack else 0.0


def grade(question: Any, answer: Any) -> float:
    """The fraction of the question's marks the answer earns, in [0, 1]. Never raises."""
    try:
        fraction = _grade(question, _answer_list(answer))
    except Exception:  # noqa: BLE001 - a learner's answer must never break a results page
        return 0.0
    return min(1.0, max(0.0, fraction))


def _grade(question: Any, given: tuple[str, ...]) -> float:
    kind = getattr(question, "kind", "")
    answers = _field(question, "answers")
    options = _field(question, "options")
    chosen = [g for g in given if g.strip()]
    if kind == spec.CHOICE:
        if len(chosen) != 1 or not answers:
            return 0.0
        one, answer = _pick(chosen[0], options), _pick(answers[0], options)
        if one is None or answer is None:
            return 0.0
        return 1.0 if one == answer else 0.0
    if kind == spec.MULTI:
        right = {i for i in (_pick(a, options) for a in answers) if i is not None}
        if not right:
            return 0.0
        picked: set[int | str] = set()
        for g in chosen:
            index = _pick(g, options)
            picked.add(index if index is not None else normalise(g) or g)
        hits = sum(1 for p in picked if p in right)
        return (hits - (len(picked) - hits)) / len(right)
    if kind == spec.TRUEFALSE:
        if len(chosen) != 1 or not answers:
            return 0.0
        return 1.0 if fold(chosen[0]) == fold(answers[0]) else 0.0
    if kind == spec.SHORT:
        if len(chosen) != 1:
            return 0.0
        return 1.0 if any(same_answer(chosen[0], a) for a in answers if a.strip()) else 0.0
    if kind == spec.NUMERIC:
        return _numeric(question, chosen[0]) if len(chosen) == 1 else 0.0
    if kind == spec.MATCHING:
        items = _field(question, "items")
        if not items:
            return 0.0
        matched = 0
        for i, _item in enumerate(items):
            if i >= len(given) or i >= len(answers) or not given[i].strip():
                continue
            choice, wanted = _pick(given[i], options), _pick(answers[i], options)
            if choice is not None and choice == wanted:
                matched += 1
            elif wanted is None and given[i] == answers[i]:
                matched += 1
        return matched / len(items)
    return 0.0


def _plain(value: float) -> str:
    # For people: ten significant digits, and no wall of digits for a huge whole number.
    return written_number(value, digits=10, max_integer=1e15)


def answer_text(question: Any) -> str:
    """The right answer, written for people: 'A; B', '15 min' (not the '900 s' it is stored
    as), 'Lambda → X; …'."""
    kind = getattr(question, "kind", "")
    answers = _field(question, "answers")
    if kind == spec.MULTI:
        return "; ".join(answers)
    if kind == spec.TRUEFALSE:
        return "True" if answers and fold(answers[0]) == "true" else "False"
    if kind == spec.SHORT:
        return " / ".join(a for a in answers if a.strip())
    if kind == spec.NUMERIC:
        return _numeric_text(question, answers)
    if kind == spec.MATCHING:
        items = _field(question, "items")
        return "; ".join(f"{item} → {a}" for item, a in zip(items, answers, strict=False))
    return answers[0] if answers else ""


def _numeric_text(question: Any, answers: tuple[str, ...]) -> str:
    value = plain_number(answers[0]) if answers else None
    if value is None:
        return answers[0] if answers else ""
    unit = getattr(question, "unit", "") or ""
    # quantities.py shows magnitudes; a zero or negative value reads best as the bare number.
    human = Quantity(value, value, unit, "").display() if value > 0 else _plain(value)
    # as people say it ('36 h', '400 KB'), not in the base unit it is stored in ('129600 s')
    text = human if unit and value > 0 else f"{_plain(value)} {unit}" if unit else human
    tolerance = _tolerance(question)
    if tolerance:
        text += f" ± {_plain(tolerance)}{' ' + unit if unit else ''}"
    return text
