"""Which words the notes write as names, and those words given back their capitals; and the
short fields of clinical notes shown whole.

A label or a heading read into a question is put in sentence case (`prompts.lower_first`:
'Event Source Mapping' -> 'event source mapping'), and so loses the capital of a name it holds
('recall Hobbes' critique of Aristotle' became 'recall hobbes' critique of aristotle'; 'the
Fed', 'Akkusativ'). Which words are names no rule of one phrase can tell, but the notes can: a
word the notes capitalise inside a sentence, where no rule of English asks for a capital, and
(nearly) never write in lower case, is a name ('… argued against Aristotle', '… the Fed raised
rates'). Counted over the facts' texts; a cased word is written back where a generated front or
prompt has it in lower case. Language-general for languages that capitalise names.
"""

from __future__ import annotations

import functools
import re

from .tallies import TextTallies

# A word inside a sentence: after a word in lower case or a number (and a comma) and one space
# ('… against Aristotle', 'in 1914, Austria'), where only a name (or a noun, in German) is
# capitalised; not beside another capitalised word ('Simple Notification Service', 'the Seven
# Years' War': words of a longer name or a title, not names alone). (The word is matched ahead,
# so that it may be the next match's word before.)
_INSIDE = re.compile(
    r"(?<![\w'’-])(?:[a-z][\w'’-]*|\d+),? (?=([A-Z][a-z]{2,}|[a-z]{3,})\b(?! [A-Z]))"
)
MIN_CAPITALISED = 2  # one capital may be a slip or a title quoted
NAME_SHARE = 0.9  # of a word's uses inside sentences, how many are capitalised


def _inside_words(text: str) -> tuple[tuple[str, bool], ...]:
    """(word in lower case, whether capitalised) for each word inside a sentence of `text`."""
    return tuple((w.lower(), w[0].isupper()) for w in _INSIDE.findall(text))


class NameCounts(TextTallies):
    """How often each word is written capitalised and in lower case inside sentences, over a
    set of texts kept between runs (`TextTallies`)."""

    def __init__(self) -> None:
        super().__init__()
        self.capitalised: dict[str, int] = {}
        self.lower: dict[str, int] = {}

    def _add(self, text: str, sign: int) -> None:
        for word, capitalised in _inside_words(text):
            counts = self.capitalised if capitalised else self.lower
            counts[word] = counts.get(word, 0) + sign

    def names(self) -> frozenset[str]:
        """The words (in lower case) the notes write as names."""
        lower = self.lower
        return frozenset(
            word
            for word, n in self.capitalised.items()
            if n >= MIN_CAPITALISED and n >= NAME_SHARE * (n + lower.get(word, 0))
        )


_LOWER_WORD = re.compile(r"(?<![\w'’$\\./@-])[a-z][a-z]{2,}(?![\w$/@]|\.\w)")


@functools.lru_cache(maxsize=1 << 12)  # a topic's cards share their context; one set a run
def with_names(text: str, names: frozenset[str]) -> str:
    """`text` with each word the notes write as a name capitalised ('according to aristotle?'
    -> 'according to Aristotle?'). Words in code or formulas are left alone."""
    if not names or "`" in text:
        return text
    return _LOWER_WORD.sub(
        lambda m: m.group().capitalize() if m.group() in names else m.group(), text
    )


# A short field where a label stands: after ' — ' or ' · ' (or opening the text), before '?',
# ':', ' —', ' ·' or the end ('Subdural — path?', 'Wilms · pt — age?'); not a word of a sentence.
_LABEL_SHORTHAND = re.compile(r"(?:(?<= — )|(?<= · )|^)(?P<short>[A-Za-z/]{2,9})(?=\?|:|\s—|\s·|$)")


@functools.lru_cache(maxsize=1 << 12)  # a topic's cards share their context; one set a run
def with_labels(text: str, meanings: tuple[tuple[str, str], ...]) -> str:
    """`text` with each short field in a label's place shown whole ('Subdural — path?' ->
    'Subdural — pathophysiology?'), as `meanings` (short, whole) says."""
    if not meanings:
        return text
    whole = dict(meanings)

    def shown(m: re.Match[str]) -> str:
        short = m.group("short")
        said = whole.get(short.lower())
        if said is None:
            return short
        return said[:1].upper() + said[1:] if short[:1].isupper() else said

    return _LABEL_SHORTHAND.sub(shown, text)
