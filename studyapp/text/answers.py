"""Telling answers apart as people mean them: one place for the rules that grading, the question
generator's options and the table quiz compare text by.

Pure. The rules differ on purpose, each for its reader: `normalise` is what an answer says
(grading, and the generator's "no option is another in other words"); `normalise(plain=True)`
the table quiz's older rule for a row's cells; `fold` keeps the symbols, for answers that are
nothing else ("✅", "true"); `bare_word` one word without its punctuation, for aliases.
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"a", "an", "the"})
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str, *, plain: bool = False) -> str:
    """'✅ Supports FS access.' and 'supports fs ACCESS' are the same answer.

    NFKC then casefold (so 'ﬁle' is 'file' and 'STRASSE' is 'straße'), every run of punctuation,
    symbols and spaces folded to one space, and a leading or trailing article dropped ("the
    Lambda function" is "Lambda function") unless nothing else would be left. Not a string: "".

    `plain=True` folds case, punctuation and spaces only: no NFKC, and articles stay ('The
    console' and 'console' are two). It is the table quiz's rule for telling a row's cells
    apart, older than the answer rule and kept as it is so that which rows the table quiz asks
    does not change.
    """
    if not isinstance(text, str):
        return ""
    if plain:
        return " ".join(_NON_WORD.sub(" ", text.casefold()).split())
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    words = _NON_WORD.sub(" ", folded).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in ARTICLES:
        words.pop()
    return " ".join(words)


def fold(text: str) -> str:
    """NFKC, casefolded and stripped, symbols kept: for answers that are only symbols ('✅' and
    '❌', which `normalise` leaves empty) or one fixed word ('True' is 'true')."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def bare_word(word: str) -> str:
    """A word without its punctuation: 'Node.js' and 'nodejs' are one."""
    return re.sub(r"[\W_]", "", word.casefold())
