"""How sure the bank is of each question, once it is made: lower for a question about a worked
example, an exercise or a case's premise, and for one that cannot be read as shown, gives its
answer away, is broken or compares its own subject (`quality.py` has the measures). Pure, per
question: each process of a large run (`many.py`) weighs the questions it made."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from studyapp.text import lexicon, prompts

from .. import spec
from .inputs import FactData
from .quality import (
    WORKED_PENALTY,
    broken,
    compared_subject,
    example_penalty,
    given_away,
    unreadable,
)


def worked_keys(facts: Sequence[FactData]) -> frozenset[str]:
    """The keys of the facts filed under an example or an exercise."""
    return frozenset(f.key for f in facts if worked_example(f.topic, f.subheading))


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of every fact, every run, headings repeat
def worked_example(topic: str, subheading: str) -> bool:
    """A fact filed under an example or an exercise, however deep ('Chain rule › Example: corn
    yield › Given'): the prompt shows only the last heading, so the whole path is read."""
    return bool(lexicon.WORKED_EXAMPLE.search(f"{topic} › {subheading}"))


def weighed(question: spec.QuestionSpec, worked: frozenset[str] = frozenset()) -> spec.QuestionSpec:
    """A question read under an example or an exercise ('Induction · example — base case?'),
    or a case's premise ('Shards · if — record size?'), or about a fact filed under one
    (`worked`: fact keys), asks about that example: it scores
    `quality.WORKED_PENALTY` lower; one that cannot be read as shown (a formula in TeX, a
    field's shorthand) `quality.UNREADABLE_PENALTY` lower."""
    where = question.prompt.split(" — ", 1)[0]
    in_example = (
        question.fact_key in worked
        or lexicon.WORKED_EXAMPLE.search(where)
        or (" — " in question.prompt and premise(where))
    )
    penalty = WORKED_PENALTY if in_example else example_penalty(question)
    penalty += unreadable(question)
    penalty += given_away(question)
    penalty += broken(question)
    penalty += compared_subject(question)
    if penalty:
        return replace(question, quality=round(max(0.0, question.quality - penalty), 3))
    return question


@functools.lru_cache(maxsize=1 << 16)  # pure; the same headings are read for many questions
def premise(where: str) -> bool:
    """A prompt's last heading that opens a worked case ('Shards · if', 'Queues · suppose two
    consumers', `lexicon.WORKED_PREMISE`): its lines are that case's givens, not facts."""
    last = prompts.last_part(where)
    return bool(
        re.match(r"(?:if|e\.g\.)(?:\s|$)", last, re.I) or lexicon.WORKED_PREMISE.match(last)
    )
