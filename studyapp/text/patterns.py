"""A cheap test before a costly case-insensitive pattern: whether a line can match it at all.

Pure. Python's `re` tries a pattern of alternatives opening with `\\b` at every position of a
line, and extraction asks such patterns (lexicon.CHAT_FILLER, COURSE_LOGISTICS, MEASURE) of
every line of every note, while next to no line holds a word they need. Looking for those words
in the lowered line first leaves the pattern to the few lines that might match, with the same
answers: the test says no only when the pattern cannot match.
"""

from __future__ import annotations

import re

# Characters IGNORECASE matches to an ASCII letter that str.lower() keeps apart ('ſ' is 's',
# 'ı' and 'İ' are 'i'): a line with one is left to the pattern itself.
_FOLDED_APART = re.compile("[\u0130\u0131\u017f]")


def may_match(line: str, anywhere: tuple[str, ...], openers: tuple[str, ...] = ()) -> bool:
    """Whether a line could match a case-insensitive pattern that needs one of `anywhere` in
    it or one of `openers` at its start (lower-case words, spaces as the pattern writes
    them): False only when it cannot."""
    low = line.lower()
    for word in anywhere:  # a loop: a generator costs more than the test itself
        if word in low:
            return True
    if openers and low.startswith(openers):
        return True
    return not line.isascii() and _FOLDED_APART.search(line) is not None
