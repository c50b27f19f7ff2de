"""Moodle's GIFT format as studyapp writes (`gift_write`) and reads (`gift_read`) it, and the few
pieces both sides share: trimming, escapes, numbers, the unit hint, the `// studyapp:` line.

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

import json
import re
from collections.abc import Iterable
from typing import Any

from studyapp.text.numbers import written_number

# PHP's trim(): Moodle trims with it, and Python's str.strip() would also eat "\xa0" and friends.
PHP_WS = " \t\n\r\0\x0b"
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
META_PREFIX = "studyapp:"
# What a backslash escapes when reading: Moodle's six, a backslash, and our ">" (see above).
ESCAPED = {char: char for char in ":#={}~>\\"} | {"n": "\n"}
_UNIT_NAMES = {"s": "seconds", "B": "bytes"}


def escape(text: str) -> str:
    """Moodle's repchar(): escape the special characters and put newlines as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def escape_arrow(text: str) -> str:
    """As `escape`, for text where Moodle would take '->' for the matching arrow."""
    return escape(text).replace("->", "-\\>")


def unit_hint(unit: str) -> str:
    """The sentence appended to a numeric prompt so that Moodle students know the unit."""
    return f"(Answer in {_UNIT_NAMES.get(unit, unit)}.)"


def number_str(value: float) -> str:
    """A number as GIFT writes it: "900", not "900.0"; a float's repr otherwise."""
    return written_number(value, max_integer=1e15)


def unique(values: Iterable[str]) -> list[str]:
    """The values in their order, each once."""
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def meta_line(meta: dict[str, Any]) -> str:
    """The `// studyapp: {json}` comment that carries what GIFT cannot say."""
    line = json.dumps(meta, ensure_ascii=False, separators=(", ", ": "))
    # JSON leaves these raw, but they end a line for some readers; the comment must stay one line.
    for char in ("\u2028", "\u2029", "\x85"):
        line = line.replace(char, f"\\u{ord(char):04x}")
    return f"// {META_PREFIX} {line}"


def meta_json(comment: str) -> str | None:
    """The JSON text of a `// studyapp:` comment line; None for any other comment."""
    body = comment.strip(PHP_WS)[2:].strip(PHP_WS)
    if not body.startswith(META_PREFIX):
        return None
    return body[len(META_PREFIX) :]
