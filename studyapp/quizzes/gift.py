"""Moodle's GIFT format: questions out to Moodle, and GIFT written by Moodle or by hand back in.

Pure: text in, text out. Written against Moodle's own reader (qformat_gift, `readquestion`) and
its documentation (https://docs.moodle.org/en/GIFT_format): a question is a block of lines with no
blank line inside; `// ` lines are comments; `::title::` names a question; `[markdown]`, `[html]`,
`[plain]`, `[moodle]` give a text's format; `\\~ \\= \\# \\{ \\} \\:` escape the special characters,
`\\n` is a newline and `\\\\` a backslash; `$CATEGORY: path` switches category. Answer sections:

| kind      | GIFT                                                                      |
|-----------|---------------------------------------------------------------------------|
| choice    | `{=right ~wrong ~wrong}`                                                  |
| multi     | `{~%50%right ~%50%right ~%-50%wrong}`: no `=`, so Moodle makes it a       |
|           | multiple-answer question; right options share +100 %, each wrong one      |
|           | costs 100/R % (R right options), which is how `grading.grade` scores it   |
| truefalse | `{TRUE}` / `{FALSE}` (`{T}`, `{F}` read too)                              |
| short     | `{=answer =other answer}`                                                 |
| numeric   | `{#900:5}` value:tolerance in the base unit (`{#895..905}` read too)      |
| matching  | `{=item -> choice ... = -> distractor}`                                   |

Prompts and explanations are Markdown, so they are written as `[markdown]`; the explanation is
the general feedback (`####`). Per-answer feedback (`#...`) is read and dropped: studyapp has no
place for it. Partial credit other than a multi's weights (`~%50%` in a single-answer question, a
`=%50%` short or numeric answer) is dropped too: only full-credit answers count as right.

What GIFT cannot say travels in a `// studyapp: {json}` comment line inside the question's block
(Moodle ignores comments): the stable key, the unit, topic/fact/cell keys, sources, points, and
the order of options or answers where GIFT's own order would lose it. GIFT written elsewhere has
no such line: its key is then a hash of the question's text, its unit "".

A numeric question with a unit is exported with "(Answer in seconds.)" appended to its prompt,
since Moodle students would otherwise not know which unit the number is in; reading it back
strips that one sentence again when the studyapp line names the unit, so the round trip is
exact (a prompt that itself ended with the hint gets it twice in Moodle and back once here).

Left as Moodle reads them, and so not round-tripped: text is trimmed of surrounding whitespace
(" \\t\\n\\r\\0\\x0b"), and "\\r" becomes "\\n". One extension: `\\>` stands for ">". Moodle
would read "->" inside a short answer or a matching item as the matching arrow, so there it is
written "-\\>"; Moodle's Markdown shows it as "->".
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import spec
from .spec import QuestionSpec

# PHP's trim(): Moodle trims with it, and Python's str.strip() would also eat "\xa0" and friends.
PHP_WS = " \t\n\r\0\x0b"
_FORMAT = re.compile(r"\[(moodle|html|plain|markdown)\]")
# Moodle's $giftanswerweightregex.
_WEIGHT = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_TF = {"T": "true", "TRUE": "true", "F": "false", "FALSE": "false"}
_UNIT_NAMES = {"s": "seconds", "B": "bytes"}
_META_PREFIX = "studyapp:"
# What a backslash escapes when reading: Moodle's six, a backslash, and our ">" (see above).
_ESCAPED = {char: char for char in ":#={}~>\\"} | {"n": "\n"}


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


# --- writing ---------------------------------------------------------------------------------


def _esc(text: str) -> str:
    """Moodle's repchar(): escape the special characters and put newlines as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _esc_arrow(text: str) -> str:
    """As _esc, for text where Moodle would take '->' for the matching arrow."""
    return _esc(text).replace("->", "-\\>")


def _guard(text: str) -> str:
    # Moodle reads a leading "[word]" as a format; naming ours keeps a "[link](…)" intact.
    return "[markdown]" + text if text.startswith("[") else text


def unit_hint(unit: str) -> str:
    """The sentence appended to a numeric prompt so that Moodle students know the unit."""
    return f"(Answer in {_UNIT_NAMES.get(unit, unit)}.)"


def _num(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


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


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def _answer_section(q: Any, meta: dict[str, Any]) -> str:
    kind = q.kind
    options, answers, items = list(q.options), list(q.answers), list(q.items)
    for text in (*options, *answers, *items):
        _check(bool(text.strip(PHP_WS)), q, "an empty option, answer or item")
    if kind in (spec.CHOICE, spec.MULTI):
        _check(len(options) >= 2, q, "fewer than two options")
        _check(len(set(options)) == len(options), q, "the same option twice")
        _check(bool(answers) and set(answers) <= set(options), q, "a right answer not an option")
        _check(len(set(answers)) == len(answers), q, "the same right answer twice")
        if kind == spec.CHOICE:
            _check(len(answers) == 1, q, "a single-choice question needs one right answer")
            lines = []
            for option in options:
                if option == answers[0]:
                    lines.append("\t=" + _guard(_esc(option)))
                else:
                    # "~%0%" keeps an option that itself starts with "%50%" from being a weight.
                    mark = "~%0%" if option.startswith("%") else "~"
                    lines.append("\t" + mark + _guard(_esc(option)))
        else:
            share = _weight(100 / len(answers))
            lines = [
                f"\t~%{share if option in answers else '-' + share}%" + _guard(_esc(option))
                for option in options
            ]
            in_order = [o for o in options if o in answers]
            if in_order != answers:
                meta["answer_order"] = [options.index(a) for a in answers]
        return "{\n" + "\n".join(lines) + _feedback(q, "\n\t") + "\n}"
    if kind == spec.TRUEFALSE:
        _check(len(answers) == 1 and answers[0].lower() in ("true", "false"), q, "not true/false")
        return "{" + answers[0].upper() + _feedback(q, "") + "}"
    if kind == spec.SHORT:
        _check(bool(answers), q, "no accepted answer")
        lines = [
            "\t=" + ("%100%" if a.startswith("%") else "") + _guard(_esc_arrow(a)) for a in answers
        ]
        return "{\n" + "\n".join(lines) + _feedback(q, "\n\t") + "\n}"
    if kind == spec.NUMERIC:
        _check(len(answers) == 1, q, "a numeric question needs one value")
        value = answers[0].strip()
        if not _NUMBER.fullmatch(value):
            plain = value.replace(",", "")
            _check(bool(_NUMBER.fullmatch(plain)), q, f"{value!r} is not a number")
            value = plain
        tolerance = abs(float(q.tolerance or 0))
        _check(math.isfinite(tolerance) and math.isfinite(float(value)), q, "not finite")
        return "{#" + value + ":" + _num(tolerance) + _feedback(q, "") + "}"
    if kind == spec.MATCHING:
        _check(bool(items) and len(answers) == len(items), q, "one right choice per item")
        _check(len(set(options)) == len(options), q, "the same choice twice")
        _check(set(answers) <= set(options), q, "a right choice that is not a choice")
        distractors = [o for o in options if o not in set(answers)]
        _check(len(items) + len(distractors) >= 2, q, "Moodle needs at least two pairs")
        lines = [
            "\t=" + _guard(_esc_arrow(item)) + " -> " + _esc(choice)
            for item, choice in zip(items, answers, strict=True)
        ]
        lines += ["\t= -> " + _esc(choice) for choice in distractors]
        in_order = _unique(answers) + distractors
        if in_order != options:
            meta["option_order"] = [in_order.index(o) for o in options]
        return "{\n" + "\n".join(lines) + _feedback(q, "\n\t") + "\n}"
    raise ValueError(f"question {q.key!r}: unknown kind {kind!r}")


def _feedback(question: Any, before: str) -> str:
    explanation = (question.explanation or "").strip(PHP_WS)
    return before + "####" + _guard(_esc(explanation)) if explanation else ""


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


def _meta_line(meta: dict[str, Any]) -> str:
    line = json.dumps(meta, ensure_ascii=False, separators=(", ", ": "))
    # JSON leaves these raw, but they end a line for some readers; the comment must stay one line.
    for char in ("\u2028", "\u2029", "\x85"):
        line = line.replace(char, f"\\u{ord(char):04x}")
    return f"// {_META_PREFIX} {line}"


def _write(question: Any, points: Mapping[str, Decimal | float] | None) -> str:
    _check(bool(question.key), question, "no key")
    prompt = (question.prompt or "").strip(PHP_WS)
    _check(bool(prompt), question, "an empty prompt")
    if question.kind == spec.NUMERIC and question.unit:
        prompt += "\n\n" + unit_hint(question.unit)
    meta = _meta(question, points)
    answers = _answer_section(question, meta)
    head = f"::{_esc(_title(question))}::[markdown]{_esc(prompt)}"
    return _meta_line(meta) + "\n" + head + answers


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


# --- reading ---------------------------------------------------------------------------------


class _Text:
    """A question's text with its escapes swapped for characters the text does not contain.

    Moodle does the same with "&&058;"-style placeholders; picking unused private-use characters
    means no text can collide with them.
    """

    def __init__(self, raw: str) -> None:
        free = (chr(c) for c in range(0xE000, 0x10FFFF) if chr(c) not in raw)
        self.to_char: dict[str, str] = {}
        from_escape: dict[str, str] = {}
        for escaped, char in _ESCAPED.items():
            placeholder = next(free)
            from_escape[escaped] = placeholder
            self.to_char[placeholder] = char
        self.text = re.sub(
            r"\\(.)",
            lambda m: from_escape.get(m.group(1), m.group(0)),
            raw,
            flags=re.S,
        )
        self._table = str.maketrans(self.to_char)

    def restore(self, text: str) -> str:
        return text.translate(self._table)

    def formatted(self, text: str) -> str:
        """A text field: its [format] prefix dropped, escapes restored, trimmed like Moodle."""
        text = text.strip(PHP_WS)
        if match := _FORMAT.match(text):
            text = text[match.end() :]
        return self.restore(text).strip(PHP_WS)


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
    if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
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
            weight, text = _weighted(part)
            weight = weight or 0.0
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
    options = _unique(answers) + [d for d in _unique(distractors) if d not in set(answers)]
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
            value = _num(middle)
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


def _read_meta(lines: list[str]) -> tuple[dict[str, Any], str | None]:
    meta: dict[str, Any] = {}
    problem = None
    for line in lines:
        body = line.strip(PHP_WS)[2:].strip(PHP_WS)
        if not body.startswith(_META_PREFIX):
            continue
        try:
            value = json.loads(body[len(_META_PREFIX) :])
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


def _indices(order: Any, expected: list[int]) -> bool:
    """True when `order` lists exactly the indices `expected`, in some order."""
    return (
        isinstance(order, list)
        and all(isinstance(i, int) and not isinstance(i, bool) for i in order)
        and sorted(order) == expected
    )


def _read_question(body: str, meta: dict[str, Any], category: str) -> GiftQuestion:
    t = _Text(body)
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

    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    tolerance = 0.0
    unit = ""
    if not section:
        raise GiftError("an essay question ({}) is not supported")
    if section.startswith("#"):
        kind = spec.NUMERIC
        value, tolerance = _read_numeric(t, section)
        answers: tuple[str, ...] = (value,)
        unit = _text_meta(meta, "unit")
        hint = "\n\n" + unit_hint(unit)
        if unit and prompt.endswith(hint):
            prompt = prompt[: -len(hint)]
    elif "~" in section:
        kind, options, answers = _read_choices(t, section)
        order = meta.get("answer_order")
        if kind == spec.MULTI and _indices(order, sorted(options.index(a) for a in answers)):
            answers = tuple(options[i] for i in order)
    elif "=" in section and "->" in section:
        kind = spec.MATCHING
        items, answers, derived = _read_matching(t, section)
        order = meta.get("option_order")
        if _indices(order, list(range(len(derived)))):
            options = tuple(derived[i] for i in order)
        else:
            options = tuple(derived)
    else:
        check = section
        if section.find("#") > 0:
            check = section[: section.find("#")].strip(PHP_WS)
        if check in _TF:
            kind, answers = spec.TRUEFALSE, (_TF[check],)
        else:
            kind, answers = spec.SHORT, _read_short(t, section)

    key = _text_meta(meta, "key") or _stable_key(kind, prompt, items, options, answers)
    sources = meta.get("sources")
    points = meta.get("points")
    question = QuestionSpec(
        key=key,
        kind=kind,
        prompt=prompt,
        answers=answers,
        options=options,
        items=items,
        tolerance=tolerance,
        unit=unit,
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


def gift_parse(text: str) -> GiftResult:
    """Read GIFT text. A question that cannot be read is skipped and named in `errors`."""
    result = GiftResult()
    if not isinstance(text, str):
        result.errors.append("GIFT must be text")
        return result
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

    category = ""
    count = 0
    keys: dict[str, int] = {}
    for block in blocks:
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
