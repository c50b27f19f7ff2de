"""A true/false question's false statement: the fact with another value swapped in. It must be
surely false, as far as the notes tell: a swap that might be true makes the right answer a
guess.

Refused, besides what every distractor is refused (the answer in other words, a synonym, a
superset or a subset of what the notes say of the subject: `distractors.Model.distractors`):
- a value sharing a content word with the true one beyond the attribute's own ('Scales
  automatically' for 'Seamless & automatic'): partly the same claim;
- a value the notes say of the subject and this attribute elsewhere: a line of its topic, or
  another value claimed of it, holding every content word of the value and a word of the
  attribute ('Scaling: automatic, up to 1000 per second' under another heading);
- a value of more than SWAP_MAX_WORDS words ('The infant has diminished breath sounds on the
  left'): a sentence said of another subject, which may hold of this one too;
- a scale or a comparison ('millions of requests', 'slower than X'): true of many subjects,
  or relative to the one it was said of (the lexicon's MAGNITUDE and COMPARATIVE);
- a sibling's phrase, when the value comes from another attribute under the same heading: that
  is another term's own description ('Cold start — pre-warmed instances' borrows what the notes
  say of provisioned capacity), which reads as true or as nonsense. A sibling that is a name
  ('Compute: Amazon S3' from 'Storage: Amazon S3') stays: a thing filed under the wrong
  category is a fair false statement.

Not refused, but never stated as the false one (`unsure_swap`: the question states the true
value instead, so that a true statement is not lost with the swap): for a field of the notes
(an attribute `FIELD_SUBJECTS` subjects state: 'Symptoms', 'Treatment', 'Demographics'), a
value that says there is none ('no treatment', `lexicon.ABSENCE_VALUE`) or that describes
rather than names (a part of more than FIELD_PART_WORDS words once its asides are left out: 'a
malformation that occurs mostly in males', 'Immune deposits on EM'): the subjects of one field
overlap, and such a value borrowed from one of them may well hold of the asked one too. A list
of terms ('lock jaw, spastic paralysis') or a formula ('acid + base → salt + water') can be
ruled out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from studyapp.text import lexicon
from studyapp.text.answers import content_words
from studyapp.text.quantities import Quantity, find_quantities

from .distractors import STATED_APART, Model, ends_apart
from .values import attribute_parts, name_like, strip_parens

SWAP_MAX_WORDS = 8
FIELD_PART_WORDS = 3


def fair_swap(
    model: Model, *, subject: str, attribute: str, answer: str
) -> Callable[[str, int], bool]:
    """`fair(value, tier)` for `Model.distractors`, for a true/false question about the
    subject's attribute whose true value is `answer`."""
    asked = content_words(attribute)
    true_words = content_words(answer) - asked
    # with no word of its own, an attribute ties no line to itself: every line could
    lines = [line for line in model.lines_of(subject) if line & asked or not asked]

    true_amount = _one_quantity(answer)

    def fair(value: str, tier: int) -> bool:
        words = content_words(value) - asked
        return bool(
            words
            # '< 40' stated for '< 45': false only by a technicality
            and not _close_amounts(true_amount, _one_quantity(value))
            # 'The rapid onset of the symptoms (hours)': a sentence read of another subject
            # may well be true of this one too; a short value is a claim one can rule out
            and len(value.split()) <= SWAP_MAX_WORDS
            and not words & true_words
            and (tier == 0 or name_like(value))
            and not lexicon.MAGNITUDE.search(value)
            and not lexicon.COMPARATIVE.search(value)
            and not any(words <= line for line in lines)
        )

    return fair


@functools.lru_cache(maxsize=1 << 16)  # pure; the same values are drawn for many questions
def _one_quantity(text: str) -> Quantity | None:
    found = find_quantities(text)
    return found[0] if len(found) == 1 else None


def _close_amounts(one: Quantity | None, other: Quantity | None) -> bool:
    """Two quantities of one unit nearer than a quarter at both ends."""
    if one is None or other is None or one.unit != other.unit:
        return False
    return ends_apart(one, other) < STATED_APART


_PARTS = re.compile(r"\s*[,;/]\s*|\.\s+")  # 'fever, rash', 'wheeze/cough', 'Fever. Rash'


def unsure_swap(model: Model, attribute: str, value: str) -> bool:
    """Whether a swapped-in value, fair as `fair_swap` tells, may still hold of the asked
    subject: a field's absence or description (see the module docstring)."""
    if not model.is_field(attribute_parts(attribute)[0]):
        return False
    if lexicon.ABSENCE_VALUE.match(value):
        return True
    parts = [p for p in _PARTS.split(strip_parens(value)) if p.strip()]
    return any(len(_WORD.findall(p)) > FIELD_PART_WORDS for p in parts)


_WORD = re.compile(r"[^\W\d_][\w'-]*")  # a word, not a symbol ('+', '→') or a number


def absent_refused(model: Model, attribute: str) -> Callable[[str, int], bool] | None:
    """`fair(value, tier)` for a choice about a field ('Treatment'), refusing a wrong option
    that says there is none ('no treatment', `lexicon.ABSENCE_VALUE`): true of many subjects,
    so perhaps of the asked one too. None for an attribute that is no field."""
    if not model.is_field(attribute_parts(attribute)[0]):
        return None
    return lambda value, _tier: not lexicon.ABSENCE_VALUE.match(value)
