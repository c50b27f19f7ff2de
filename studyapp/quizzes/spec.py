"""A question as data: what the bank generator and the GIFT reader produce, what grading reads.

Pure (no Django). The `Question` model has the same fields, so grading and GIFT export take
either one.

Every kind keeps its answer as a list of strings, so one JSON shape serves them all:

| kind      | items                 | options                  | answers                          |
|-----------|-----------------------|--------------------------|----------------------------------|
| choice    | ()                    | the options              | (the right option,)              |
| multi     | ()                    | the options              | the right options                |
| truefalse | ()                    | ()                       | ("true",) or ("false",)          |
| short     | ()                    | ()                       | accepted answers                 |
| numeric   | ()                    | ()                       | (value in `unit`,) e.g. ("900",) |
| matching  | the left-hand prompts | the right-hand choices   | the right choice of each item    |

A numeric question's `unit` is a quantity base unit ("s", "B", or "" for a plain count) and
`tolerance` is in that unit: "15 min" and "900 seconds" both answer ("900", unit "s").

`quality` (0..1) says how sure the generator is of a generated question: a per-kind base lowered
for weak signals (fallback distractors, distractors from the heading rather than the attribute,
a long answer, a vague attribute, a swapped true/false); see `generate.quality`. Authored and
imported questions keep 1.0.

A learner's answer has the same shape as `answers`: the chosen option(s), "true"/"false", the
typed text, or for a matching question the choice given to each item ("" when left blank).
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHOICE = "choice"
MULTI = "multi"
TRUEFALSE = "truefalse"
SHORT = "short"
NUMERIC = "numeric"
MATCHING = "matching"
KINDS = (CHOICE, MULTI, TRUEFALSE, SHORT, NUMERIC, MATCHING)
KIND_LABELS = {
    CHOICE: "Multiple choice",
    MULTI: "Multiple select",
    TRUEFALSE: "True / false",
    SHORT: "Short answer",
    NUMERIC: "Numeric",
    MATCHING: "Matching",
}


@dataclass(frozen=True)
class QuestionSpec:
    key: str  # stable: the same question across seeds and re-ingests
    kind: str  # one of KINDS
    prompt: str  # Markdown
    answers: tuple[str, ...]
    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    tolerance: float = 0.0  # numeric only, in `unit`
    unit: str = ""  # numeric only: "s", "B" or ""
    explanation: str = ""  # Markdown
    # {"note": slug, "title": note title, "heading": ..., "line": int}, as the fact's citations
    sources: tuple[dict, ...] = field(default=())
    topic_key: str = ""  # the topic it is about ("" when none)
    fact_key: str = ""  # the fact it asks about, whose cards a miss makes due
    cell_key: str = ""  # or the comparison cell it asks about
    # A question about several things at once (a matching of terms, a table row): the keys of
    # the facts and cells it covers, whose cards a miss makes due too.
    about_keys: tuple[str, ...] = ()
    # How sure the generator is of it, 0..1 (`generate.quality`); 1.0 for what people wrote.
    quality: float = 1.0
