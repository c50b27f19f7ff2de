"""GIFT written by Moodle, by hand or by `gift_write` read back into question specs, with the
reason for each question that cannot be read (the format is described in `gift_format`).
Pure: text in, data out."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from . import spec
from .gift_format import ESCAPED, NUMBER, PHP_WS, meta_json, number_str, unique, unit_hint
from .spec import QuestionSpec

_FORMAT = re.compile(r"\[(moodle|html|plain|markdown)\]")
# Moodle's $giftanswerweightregex.
_WEIGHT = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")
_TF = {"T": "true", "TRUE": "true", "F": "false", "FALSE": "false"}


@dataclass(frozen=True)
class GiftQuestion:
    spec: QuestionSpec
    points: float | None = None
    category: str = ""
    title: str = ""


@dataclass
class GiftResult:
    questions: list[GiftQuestion] = field(default_factory=list)
    # "Question 3 (line 12): no right answer marked"; the question named was skipped.
    errors: list[str] = field(default_factory=list)


class GiftError(ValueError):
    """Why one question cannot be read; the message ends up in GiftResult.errors."""


def gift_parse(text: str) -> GiftResult:
    """Read GIFT text. A question that cannot be read is skipped and named in `errors`."""
    result = GiftResult()
    if not isinstance(text, str):
        result.errors.append("GIFT must be text")
        return result
    category = ""
    count = 0
    keys: dict[str, int] = {}
    for block in _blocks(text):
        comments = [line for _, line in block if line.strip(PHP_WS).startswith("//")]
        content = [(n, line) for n, line in block if not line.strip(PHP_WS).startswith("//")]
        if not content:
            continue
        body = "\n".join(line for _, line in content).strip(PHP_WS)
        if body.startswith("$CATEGORY:"):
            category = body[len("$CATEGORY:") :].strip(PHP_WS)
            continue
        count += 1
        where = f"Question {count} (line {content[0][0]})"
        meta, problem = _read_meta(comments)
        try:
            question = _read_question(body, meta, category)
        except GiftError as error:
            result.errors.append(f"{where}: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - one odd question must not lose the file
            result.errors.append(f"{where}: could not be read ({type(error).__name__})")
            continue
        if question.spec.key in keys:
            result.errors.append(
                f"{where}: the same question (key {question.spec.key}) as question "
                f"{keys[question.spec.key]}; skipped"
            )
            continue
        keys[question.spec.key] = count
        if problem:
            result.errors.append(f"{where}: {problem}")
        result.questions.append(question)
    return result


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """The text's blocks of lines (no blank line inside), each line with its 1-based number."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip(PHP_WS):
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


class _Text:
    """A question's text with its escapes swapped for characters the text does not contain.

    Moodle does the same with "&&058;"-style placeholders; picking unused private-use characters
    means no text can collide with them.
    """

    def __init__(self, raw: str) -> None:
        free = (chr(c) for c in range(0xE000, 0x10FFFF) if chr(c) not in raw)
        self.to_char: dict[str, str] = {}
        from_escape: dict[str, str] = {}
        for escaped, char in ESCAPED.items():
            placeholder = next(free)
            from_escape[escaped] = placeholder
            self.to_char[placeholder] = char

        def placeholder_of(match: re.Match[str]) -> str:
            return from_escape.get(match.group(1), match.group(0))

        self.text = re.sub(r"\\(.)", placeholder_of, raw, flags=re.S)
        self._table = str.maketrans(self.to_char)

    def restore(self, text: str) -> str:
        return text.translate(self._table)

    def formatted(self, text: str) -> str:
        """A text field: its [format] prefix dropped, escapes restored, trimmed like Moodle."""
        text = text.strip(PHP_WS)
        if match := _FORMAT.match(text):
            text = text[match.end() :]
        return self.restore(text).strip(PHP_WS)


# One question ------------------------------------------------------------------------------------


@dataclass
class _Answers:
    """What a question's answer section says, and its prompt (a numeric's unit hint dropped)."""

    kind: str
    answers: tuple[str, ...]
    prompt: str
    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str = ""


def _read_question(body: str, meta: dict[str, Any], category: str) -> GiftQuestion:
    t = _Text(body)
    title, prompt, section, explanation = _parts(t)
    read = _read_answers(t, section, meta, prompt)
    key = _text_meta(meta, "key") or _stable_key(
        read.kind, read.prompt, read.items, read.options, read.answers
    )
    sources = meta.get("sources")
    points = meta.get("points")
    question = QuestionSpec(
        key=key,
        kind=read.kind,
        prompt=read.prompt,
        answers=read.answers,
        options=read.options,
        items=read.items,
        tolerance=read.tolerance,
        unit=read.unit,
        explanation=explanation,
        sources=tuple(s for s in sources if isinstance(s, dict))
        if isinstance(sources, list)
        else (),
        topic_key=_text_meta(meta, "topic_key"),
        fact_key=_text_meta(meta, "fact_key"),
        cell_key=_text_meta(meta, "cell_key"),
        about_keys=_keys_meta(meta, "about_keys"),
    )
    return GiftQuestion(question, _points_meta(points), category, title)


def _parts(t: _Text) -> tuple[str, str, str, str]:
    """The question's title, prompt, answer section (inside its braces) and explanation."""
    text = t.text
    title = ""
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end >= 0:
            title = t.restore(text[:end]).strip(PHP_WS)
            text = text[end + 2 :].strip(PHP_WS)
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        raise GiftError("a description (no answer section {…}) is not supported")
    if start < 0 or end < 0 or end < start:
        raise GiftError("unbalanced braces: an answer section needs one { and one } after it")
    before, section, after = text[:start], text[start + 1 : end].strip(PHP_WS), text[end + 1 :]
    if "{" in after or "}" in after:
        raise GiftError("more than one answer section {…}")
    # Moodle's "missing word" format: answers inside the sentence leave a blank there.
    prompt_text = before + "_____" + after if after.strip(PHP_WS) else before
    explanation = ""
    if (general := section.rfind("####")) >= 0:
        explanation = t.formatted(section[general + 4 :])
        section = section[:general].strip(PHP_WS)
    prompt = t.formatted(prompt_text)
    if not prompt:
        raise GiftError("no question text")
    return title, prompt, section, explanation


def _read_answers(t: _Text, section: str, meta: dict[str, Any], prompt: str) -> _Answers:
    """The answer section by its kind, which its markers tell (`#`, `~`, `=` with `->`, …)."""
    if not section:
        raise GiftError("an essay question ({}) is not supported")
    if section.startswith("#"):
        value, tolerance = _read_numeric(t, section)
        unit = _text_meta(meta, "unit")
        hint = "\n\n" + unit_hint(unit)
        if unit and prompt.endswith(hint):
            prompt = prompt[: -len(hint)]
        return _Answers(spec.NUMERIC, (value,), prompt, tolerance=tolerance, unit=unit)
    if "~" in section:
        kind, options, answers = _read_choices(t, section)
        order = meta.get("answer_order")
        if kind == spec.MULTI and _indices(order, sorted(options.index(a) for a in answers)):
            answers = tuple(options[i] for i in order)
        return _Answers(kind, answers, prompt, options=options)
    if "=" in section and "->" in section:
        items, answers, derived = _read_matching(t, section)
        order = meta.get("option_order")
        if _indices(order, list(range(len(derived)))):
            options = tuple(derived[i] for i in order)
        else:
            options = tuple(derived)
        return _Answers(spec.MATCHING, answers, prompt, options=options, items=items)
    check = section
    if section.find("#") > 0:
        check = section[: section.find("#")].strip(PHP_WS)
    if check in _TF:
        return _Answers(spec.TRUEFALSE, (_TF[check],), prompt)
    return _Answers(spec.SHORT, _read_short(t, section), prompt)


def _split_answers(section: str, marker: str) -> list[str]:
    parts = section.split(marker)
    # As Moodle: text before the first marker is dropped only when empty.
    if parts and not parts[0].strip(PHP_WS):
        parts.pop(0)
    return [p.strip(PHP_WS) for p in parts]


def _weighted(part: str) -> tuple[float | None, str]:
    """A leading %weight% as a fraction, and the rest; (None, part) when there is none."""
    match = _WEIGHT.match(part)
    if not match:
        return None, part
    value = float(match.group(2).rstrip(".") or 0) / 100
    return (-value if match.group(1) else value), part[match.end() :]


def _no_feedback(part: str) -> str:
    return part.split("#", 1)[0]


def _stable_key(
    kind: str, prompt: str, items: Iterable[str], options: Iterable[str], answers: Iterable[str]
) -> str:
    text = "\x1f".join(
        (kind, prompt, "\x1e".join(items), "\x1e".join(options), "\x1e".join(answers))
    )
    return hashlib.sha1(text.encode()).hexdigest()[:20]


def _number_text(text: str) -> str:
    text = text.strip(PHP_WS)
    if not NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        raise GiftError(f"{text!r} is not a number")
    return text


def _read_choices(t: _Text, section: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    single = "=" in section
    parts = _split_answers(section.replace("=", "~="), "~")
    if len(parts) < 2:
        raise GiftError("a multiple-choice question needs at least two answers")
    options: list[str] = []
    weights: list[float] = []
    for part in parts:
        if part.startswith("="):
            weight, text = 1.0, part[1:]
        else:
            parsed, text = _weighted(part)
            weight = parsed or 0.0
        option = t.formatted(_no_feedback(text))
        if not option:
            raise GiftError("an empty answer")
        if option in options:
            raise GiftError(f"the answer {option!r} is there twice")
        options.append(option)
        weights.append(weight)
    if single:
        right = [o for o, w in zip(options, weights, strict=True) if w >= 1]
        if len(right) != 1:
            raise GiftError(
                f"{len(right)} answers marked right with =; a single-answer question needs one "
                "(use ~%50% weights and no = for a multiple-answer question)"
            )
        return spec.CHOICE, tuple(options), tuple(right)
    right = [o for o, w in zip(options, weights, strict=True) if w > 0]
    if not right:
        raise GiftError("no right answer marked (= or a positive ~%weight%)")
    return spec.MULTI, tuple(options), tuple(right)


def _read_matching(t: _Text, section: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    parts = _split_answers(section, "=")
    if len(parts) < 2:
        raise GiftError("a matching question needs at least two pairs")
    items: list[str] = []
    answers: list[str] = []
    distractors: list[str] = []
    for part in parts:
        arrow = part.find("->")
        if arrow < 0:
            raise GiftError(f"the pair {t.restore(part)!r} has no ->")
        item, choice = t.formatted(part[:arrow]), t.restore(part[arrow + 2 :]).strip(PHP_WS)
        if not choice:
            raise GiftError(f"the pair {t.restore(part)!r} has nothing after ->")
        if item:
            items.append(item)
            answers.append(choice)
        else:
            distractors.append(choice)
    if not items:
        raise GiftError("a matching question needs at least one item with a choice")
    options = unique(answers) + [d for d in unique(distractors) if d not in set(answers)]
    return tuple(items), tuple(answers), options


def _read_short(t: _Text, section: str) -> tuple[str, ...]:
    accepted = []
    for part in _split_answers(section, "="):
        weight, text = _weighted(part)
        answer = t.formatted(_no_feedback(text))
        if answer and (weight is None or weight >= 1) and answer not in accepted:
            accepted.append(answer)
    if not accepted:
        raise GiftError("no answer worth full marks")
    return tuple(accepted)


def _read_numeric(t: _Text, section: str) -> tuple[str, float]:
    section = section[1:]
    if (wrong := section.find("~")) >= 0:  # feedback for any other number
        section = section[:wrong]
    parts = _split_answers(section, "=")
    if not parts or not parts[0]:
        raise GiftError("no number given after {#")
    right: tuple[str, float] | None = None
    for part in parts:
        weight, text = _weighted(part)
        text = t.restore(_no_feedback(text)).strip(PHP_WS)
        if text.find("..") > 0:
            low, high = (float(_number_text(x)) for x in text.split("..", 1))
            middle, tolerance = (low + high) / 2, abs(high - low) / 2
            if not (math.isfinite(middle) and math.isfinite(tolerance)):
                raise GiftError(f"the range {text!r} is too large")
            value = number_str(middle)
        elif text.find(":") > 0:
            value, tol = text.split(":", 1)
            value, tolerance = _number_text(value), abs(float(_number_text(tol)))
        else:
            value, tolerance = _number_text(text), 0.0
        if right is None and (weight is None or weight >= 1):
            right = (value, tolerance)
    if right is None:
        raise GiftError("no number worth full marks")
    return right


# The studyapp line --------------------------------------------------------------------------------


def _read_meta(lines: list[str]) -> tuple[dict[str, Any], str | None]:
    meta: dict[str, Any] = {}
    problem = None
    for line in lines:
        text = meta_json(line)
        if text is None:
            continue
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, dict):
            meta = value
        else:
            problem = "its studyapp line is not a JSON object, so its key was made from its text"
    return meta, problem


def _text_meta(meta: dict[str, Any], name: str) -> str:
    value = meta.get(name)
    return value if isinstance(value, str) else ""


def _keys_meta(meta: dict[str, Any], name: str) -> tuple[str, ...]:
    value = meta.get(name)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _indices(order: object, expected: list[int]) -> TypeGuard[list[int]]:
    """True when `order` lists exactly the indices `expected`, in some order."""
    return (
        isinstance(order, list)
        and all(isinstance(i, int) and not isinstance(i, bool) for i in order)
        and sorted(order) == expected
    )


def _points_meta(points: Any) -> float | None:
    """The studyapp line's points: None when it gives none (or not a number), GiftError when it
    gives one no quiz can use (JSON as Python reads it allows NaN and Infinity)."""
    if isinstance(points, bool) or not isinstance(points, int | float):
        return None
    try:
        value = float(points)
    except OverflowError:
        raise GiftError("its points are too large") from None
    if not math.isfinite(value):
        raise GiftError(f"its points ({value}) are not a finite number")
    return value
