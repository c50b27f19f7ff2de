"""The rows of a comparison of two parallel blocks: which bullet of one answers which of the other.

Pure. A row is an attribute both bullets state, not a word they happen to share:
- both bullets have a key ('Purpose: growth' / 'Purpose: sex cells'): the keys must mean the same
  row, and the cells are the values, the key stripped;
- otherwise the shared words must be one phrase in each bullet, standing where a bullet names
  its attribute: at its start ('Triggered via CLI' / 'Triggered by S3') or its end ('24 hours
  retention' / '1 year retention'), or two words or more together ('plan capacity beforehand' /
  'no capacity planning'). 'Sub-ms startup times' / 'execution time (several ms)' share 'ms' and
  'time' scattered: no row.
A row named only by generic words ('through', 'used', 'example') is no row.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from studyapp.text import lexicon
from studyapp.text.names import ACRONYM_WORD, singular, stem

from .candidates import Group
from .compare import loose_key, row_key, same_row, uninflected
from .extract_key_values import key_value

# Pure, and asked of every bullet of every block twice (its stated key, then its row): cached.
key_value_of = functools.lru_cache(maxsize=1 << 17)(key_value)

_WORD = re.compile(r"[A-Za-z0-9@#]+(?:[’'][a-z]+)?")
# What ends one clause of a line: a value before its attribute must be one phrase.
_CLAUSE_BREAK = re.compile(r"[,;:]")


@dataclass
class Row:
    attribute: str
    a: tuple[str, int]  # (value, line)
    b: tuple[str, int]


@dataclass(frozen=True)
class _Token:
    stem: str
    root: str  # the whole word, uninflected: 'author' and 'authorization' share a stem only
    start: int
    end: int


@dataclass(frozen=True)
class _Line:
    text: str
    key: str | None  # the line's own key ('Purpose' of 'Purpose: growth'), if it states one
    value: str  # the value without the key, or the whole line
    tokens: tuple[_Token, ...]  # its content words, outside the blocks' titles


def _stem(word: str) -> str:
    """'planning', 'planned', 'plans' -> 'plan': the bullets of two blocks inflect one word."""
    return stem(uninflected(singular(word.lower())))


def _stems(text: str) -> frozenset[str]:
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(
        _stem(w) for w in words if w not in lexicon.STOP_WORDS and re.search("[a-z]", w)
    )


def _read(text: str, ignore: frozenset[str]) -> _Line:
    key, value, tokens = _parsed(text)
    return _Line(text, key, value, tuple(t for t in tokens if t.stem not in ignore))


@functools.lru_cache(maxsize=1 << 16)  # pure; a bullet is read once, whatever it is paired with
def _parsed(text: str) -> tuple[str | None, str, tuple[_Token, ...]]:
    kv = key_value_of(text)
    key, value = (kv[0], kv[1]) if kv and kv[1] else (None, text)
    tokens = []
    for m in _WORD.finditer(text):
        word = m.group(0).lower()
        if word in lexicon.STOP_WORDS or word.isdigit() or not re.search(r"[a-z]", word):
            continue  # '#' of '# of consumers' is no word
        tokens.append(_Token(_stem(word), uninflected(singular(word)), m.start(), m.end()))
    return key, value, tuple(tokens)


# The words that open a clause, name a person or a modal ('We …', 'If …', 'Might …'): two
# lines that open alike on them say nothing of one attribute.
_CLAUSE_WORDS = lexicon.CLAUSE_OPENERS | lexicon.PERSONAL_WORDS | lexicon.MODAL_VERBS
# The stems of words that name nothing on their own, as _read makes stems.
_GENERIC_STEMS = frozenset(
    _stem(w)
    for words in (
        lexicon.GENERIC_ROW_WORDS,
        lexicon.FILLER_WORDS,
        lexicon.ROW_PREPOSITIONS,
        lexicon.GENERIC_ATTRIBUTES,
        lexicon.QUALIFIERS,
        _CLAUSE_WORDS,
    )
    for w in words
)


# Words a row's name drops at its ends ('capacity planning needed' -> 'capacity planning'); not
# the prepositions that end a name of a relation ('Process using', 'Limited by').
_TRIMMED_STEMS = frozenset(
    _stem(w) for w in lexicon.GENERIC_ROW_WORDS - lexicon.ROW_PREPOSITIONS
) - frozenset(_stem(w) for w in lexicon.ROW_PREPOSITIONS)


def _generic(stems: frozenset[str]) -> bool:
    """A row named only by words that name nothing ('through', 'used', 'more', 'example')."""
    return all(s in _GENERIC_STEMS for s in stems)


def _phrase(line: _Line, shared: frozenset[str]) -> tuple[int, int, str] | None:
    """(start, end, where) of the shared words in a line when they are one phrase; where is
    'start' or 'end' (where a line names its attribute) or 'inside'."""
    positions = [i for i, t in enumerate(line.tokens) if t.stem in shared]
    if not positions or positions[-1] - positions[0] + 1 != len(positions):
        return None  # scattered: the words do not make one phrase here
    first, last = positions[0], positions[-1]
    start, end = _named_span(line.tokens[first : last + 1])
    if first == 0:
        return start, end, "start"
    if last == len(line.tokens) - 1:
        # '24 hours retention': what comes before is the value, so it must be one phrase;
        # 'Sub-ms startup times, millions of requests/second' is two claims, neither a value
        # of 'requests/second'.
        return None if _CLAUSE_BREAK.search(line.text[:start]) else (start, end, "end")
    return start, end, "inside"


def _named_span(tokens: tuple[_Token, ...]) -> tuple[int, int]:
    """Where the row's name is: the shared words without generic ones at either end
    ('capacity planning needed' -> 'capacity planning')."""
    named = [i for i, t in enumerate(tokens) if t.stem not in _TRIMMED_STEMS] or [
        0,
        len(tokens) - 1,
    ]
    return tokens[named[0]].start, tokens[named[-1]].end


def _pair(x: _Line, y: _Line) -> tuple[int, str, str, str] | None:
    """(score, row name, x's cell, y's cell) when the two lines state one attribute."""
    if x.key and y.key:
        if not same_row(x.key, y.key) or _generic(_stems(x.key)):
            return None
        return 100 + len(row_key(x.key) & row_key(y.key)), x.key, x.value, y.value
    shared = frozenset(t.stem for t in x.tokens) & frozenset(t.stem for t in y.tokens)
    if not shared or _generic(shared):
        return None
    # One shared stem must be one shared word: 'author' is not 'authorization'.
    if len(shared) == 1 and not {t.root for t in x.tokens} & {t.root for t in y.tokens}:
        return None
    for keyed, plain in ((x, y), (y, x)):
        if keyed.key:
            # One line states its key: the attribute is that key, and the other line names it.
            span = _phrase(plain, shared)
            if not shared <= _stems(keyed.key) or span is None:
                return None
            if span[2] == "inside" and len(shared) < 2:
                return None
            return len(shared), keyed.key, x.value, y.value
    span_x, span_y = _phrase(x, shared), _phrase(y, shared)
    if span_x is None or span_y is None:
        return None
    if len(shared) == 1 and ACRONYM_WORD.fullmatch(x.text[span_x[0] : span_x[1]]):
        # 'KMS encrypts the data keys' / 'KMS never exports the master key', 'GB': a name or a
        # unit both lines mention, not an attribute either states
        return None
    where = {span_x[2], span_y[2]}
    # One shared word names a row when one line opens with it ('Error handling must be managed
    # client-side' / 'retries on errors') or both end with it ('24 hours retention').
    if len(shared) < 2 and "start" not in where and where != {"end"}:
        return None
    # Named as spelled where it ends a line, else where it opens one ('capacity planning').
    order = {"end": 0, "start": 1, "inside": 2}
    line, span = min(((x, span_x), (y, span_y)), key=lambda ls: order[ls[1][2]])
    name = line.text[span[0] : span[1]]
    if name.split()[0].lower() in _CLAUSE_WORDS:
        return None  # 'If the slide …' / 'If the slide …': a condition each states, no attribute
    if _MODAL_BEFORE.search(line.text[: span[0]]) or _CUT_END.search(name):
        # 'Can create storage volumes up to 32TiB' / '… up to 1TiB': the shared words are what
        # the thing can do ('create storage volumes up', 'handle'), or a phrase cut before its
        # object: no attribute of either
        return None
    return len(shared), name, x.value, y.value


_MODAL_BEFORE = re.compile(r"\b(?:can|could|may|might|will|would|should|must|cannot)\s*$", re.I)
_CUT_END = re.compile(
    r"\s(?:up|down|out|off|to|of|for|with|from|by|in|on|at|into|than|and|or|the|a|an)$", re.I
)


def stated_keys(group: Group) -> frozenset[frozenset[str]]:
    """The keys a block's bullets state ('Purpose: growth' -> purpose), as comparable sets of
    words: two sibling blocks that state two or more of the same keys describe two things
    point by point, whatever their titles."""
    keys = (key_value_of(text) for text, _line in group.items)
    return frozenset(k for kv in keys if kv and kv[1] and (k := loose_key(kv[0])))


def align(a: Group, b: Group) -> list[Row]:
    """Pair the two blocks' bullets that state one attribute, best pairs first; a row per pair."""
    ignore = _stems(a.title) | _stems(b.title)
    lines_a = [_read(text, ignore) for text, _line in a.items]
    lines_b = [_read(text, ignore) for text, _line in b.items]
    pairs = []
    for i, x in enumerate(lines_a):
        for j, y in enumerate(lines_b):
            if found := _pair(x, y):
                pairs.append((found[0], i, j, found[1:]))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = []
    for _score, i, j, (name, value_a, value_b) in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append((i, j, name, value_a, value_b))
    return [
        Row(_row_name(name), (value_a, a.items[i][1]), (value_b, b.items[j][1]))
        for i, j, name, value_a, value_b in sorted(matched)
    ]


def _row_name(name: str) -> str:
    name = name.strip(" -–—:")[:40]
    return name[:1].upper() + name[1:]
