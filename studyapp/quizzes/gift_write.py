"""Questions out to Moodle as GIFT (the format, and what travels in the `// studyapp:` line, is
described in `gift_format`). Pure: data in, text out."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from . import spec
from .gift_format import (
    NUMBER,
    PHP_WS,
    escape,
    escape_arrow,
    meta_line,
    number_str,
    unique,
    unit_hint,
)


def gift_export(
    questions: Iterable[Any],
    *,
    points: Mapping[str, Decimal | float] | None = None,
    category: str = "",
) -> str:
    """GIFT text for the questions (QuestionSpec or Question rows), Moodle-importable.

    `points` maps a question's key to its points in the quiz; GIFT has no points, so they travel
    in the studyapp comment. Raises ValueError for a question that is not well-formed (a right
    answer that is not an option, say) rather than writing something Moodle would misread.
    """
    blocks = ["// Exported from studyapp. Moodle ignores the // studyapp: lines."]
    if category := " ".join(category.split()):
        blocks.append(f"$CATEGORY: {category}")
    blocks += [_write(question, points) for question in questions]
    return "\n\n".join(blocks) + "\n"


def _write(question: Any, points: Mapping[str, Decimal | float] | None) -> str:
    _check(bool(question.key), question, "no key")
    prompt = (question.prompt or "").strip(PHP_WS)
    _check(bool(prompt), question, "an empty prompt")
    if question.kind == spec.NUMERIC and question.unit:
        prompt += "\n\n" + unit_hint(question.unit)
    meta = _meta(question, points)
    answers = _answer_section(question, meta)
    head = f"::{escape(_title(question))}::[markdown]{escape(prompt)}"
    return meta_line(meta) + "\n" + head + answers


def _guard(text: str) -> str:
    # Moodle reads a leading "[word]" as a format; naming ours keeps a "[link](…)" intact.
    return "[markdown]" + text if text.startswith("[") else text


def _weight(percent: float) -> str:
    # Five decimals is what Moodle's grade list uses (33.33333, 14.28571); 1 to 10 right options
    # all land on an allowed grade, so Moodle's "match grades" import check accepts them.
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def _title(question: Any) -> str:
    for line in question.prompt.splitlines():
        words = re.sub(r"[*_`#>\[\]]+", " ", line).split()
        if words:
            title = " ".join(words)
            return title if len(title) <= 60 else title[:59].rstrip() + "…"
    return question.key


def _check(ok: bool, question: Any, reason: str) -> None:
    if not ok:
        raise ValueError(f"question {question.key!r} cannot be written as GIFT: {reason}")


def _answer_section(q: Any, meta: dict[str, Any]) -> str:
    """The question's `{…}`; adds to `meta` the order GIFT's own order would lose."""
    for text in (*q.options, *q.answers, *q.items):
        _check(bool(text.strip(PHP_WS)), q, "an empty option, answer or item")
    if q.kind in (spec.CHOICE, spec.MULTI):
        return _choice_section(q, meta)
    if q.kind == spec.TRUEFALSE:
        answers = list(q.answers)
        _check(len(answers) == 1 and answers[0].lower() in ("true", "false"), q, "not true/false")
        return "{" + answers[0].upper() + _feedback(q, "") + "}"
    if q.kind == spec.SHORT:
        answers = list(q.answers)
        _check(bool(answers), q, "no accepted answer")
        lines = [
            "\t=" + ("%100%" if a.startswith("%") else "") + _guard(escape_arrow(a))
            for a in answers
        ]
        return "{\n" + "\n".join(lines) + _feedback(q, "\n\t") + "\n}"
    if q.kind == spec.NUMERIC:
        return _numeric_section(q)
    if q.kind == spec.MATCHING:
        return _matching_section(q, meta)
    raise ValueError(f"question {q.key!r}: unknown kind {q.kind!r}")


def _choice_section(q: Any, meta: dict[str, Any]) -> str:
    options, answers = list(q.options), list(q.answers)
    _check(len(options) >= 2, q, "fewer than two options")
    _check(len(set(options)) == len(options), q, "the same option twice")
    _check(bool(answers) and set(answers) <= set(options), q, "a right answer not an option")
    _check(len(set(answers)) == len(answers), q, "the same right answer twice")
    if q.kind == spec.CHOICE:
        _check(len(answers) == 1, q, "a single-choice question needs one right answer")
        lines = []
        for option in options:
            if option == answers[0]:
                lines.append("\t=" + _guard(escape(option)))
            else:
                # "~%0%" keeps an option that itself starts with "%50%" from being a weight.
                mark = "~%0%" if option.startswith("%") else "~"
                lines.append("\t" + mark + _guard(escape(option)))
    else:
        share = _weight(100 / len(answers))
        lines = [
            f"\t~%{share if option in answers else '-' + share}%" + _guard(escape(option))
            for option in options
        ]
        in_order = [o for o in options if o in answers]
        if in_order != answers:
            meta["answer_order"] = [options.index(a) for a in answers]
    return "{\n" + "\n".join(lines) + _feedback(q, "\n\t") + "\n}"


def _numeric_section(q: Any) -> str:
    answers = list(q.answers)
    _check(len(answers) == 1, q, "a numeric question needs one value")
    value = answers[0].strip()
    if not NUMBER.fullmatch(value):
        plain = value.replace(",", "")
        _check(bool(NUMBER.fullmatch(plain)), q, f"{value!r} is not a number")
        value = plain
    tolerance = abs(float(q.tolerance or 0))
    _check(math.isfinite(tolerance) and math.isfinite(float(value)), q, "not finite")
    return "{#" + value + ":" + number_str(tolerance) + _feedback(q, "") + "}"


def _matching_section(q: Any, meta: dict[str, Any]) -> str:
    options, answers, items = list(q.options), list(q.answers), list(q.items)
    _check(bool(items) and len(answers) == len(items), q, "one right choice per item")
    _check(len(set(options)) == len(options), q, "the same choice twice")
    _check(set(answers) <= set(options), q, "a right choice that is not a choice")
    distractors = [o for o in options if o not in set(answers)]
    _check(len(items) + len(distractors) >= 2, q, "Moodle needs at least two pairs")
    lines = [
        "\t=" + _guard(escape_arrow(item)) + " -> " + escape(choice)
        for item, choice in zip(items, answers, strict=True)
    ]
    lines += ["\t= -> " + escape(choice) for choice in distractors]
    in_order = unique(answers) + distractors
    if in_order != options:
        meta["option_order"] = [in_order.index(o) for o in options]
    return "{\n" + "\n".join(lines) + _feedback(q, "\n\t") + "\n}"


def _feedback(question: Any, before: str) -> str:
    explanation = (question.explanation or "").strip(PHP_WS)
    return before + "####" + _guard(escape(explanation)) if explanation else ""


def _meta(question: Any, points: Mapping[str, Decimal | float] | None) -> dict[str, Any]:
    meta: dict[str, Any] = {"key": question.key}
    if question.kind == spec.NUMERIC and question.unit:
        meta["unit"] = question.unit
    for name in ("topic_key", "fact_key", "cell_key"):
        if value := getattr(question, name, ""):
            meta[name] = value
    if about := list(getattr(question, "about_keys", None) or ()):
        meta["about_keys"] = about
    if sources := list(getattr(question, "sources", None) or ()):
        meta["sources"] = sources
    if points and question.key in points and points[question.key] is not None:
        meta["points"] = float(points[question.key])
    return meta
