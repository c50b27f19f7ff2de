"""Telling answers apart as people mean them: one place for the rules that grading, the question
generator's options and the table quiz compare text by.

Pure. The rules differ on purpose, each for its reader: `normalise` is what an answer says
(grading, and the generator's "no option is another in other words"); `normalise(plain=True)`
the table quiz's older rule for a row's cells; `fold` keeps the symbols, for answers that are
nothing else ("✅", "true"); `bare_word` one word without its punctuation, for aliases.

Two looser rules sit on top: `equivalent` (grading's accepted forms of one short answer: 'Sub-ms'
is 'sub-millisecond', '2MB' is '2 MB', 'three' is '3', a trailing parenthetical may be left out;
see `answer_forms`) and `paraphrase` (two options that say one thing in other function words or
synonyms: 'Always linked to an ENI' / 'Always bound to an ENI'; see `content_words`). The
generator reads both so that no two options are one answer, and grading accepts what
`equivalent` folds.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from . import lexicon
from .names import singular

ARTICLES = frozenset({"a", "an", "the"})
_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 18)  # pure; the generators ask it of the same values often
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


# ---------------------------------------------------------------------------------------------
# One short answer in its other forms (grading)

_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_MAX_FORMS = 64  # each abbreviation doubles the forms; an answer is a few words


def _token_forms(token: str) -> set[str]:
    forms = {token, singular(token)}
    forms.update(singular(w) for w in lexicon.ABBREVIATIONS.get(token, ()))
    if token in lexicon.CARDINALS:
        forms.add(str(lexicon.CARDINALS.index(token)))
    elif token.isdigit() and int(token) < len(lexicon.CARDINALS):
        forms.add(lexicon.CARDINALS[int(token)])
    return forms


# grading a quiz compares each answer with the same few; the generators, every option
@functools.lru_cache(maxsize=1 << 16)
def answer_forms(text: str) -> frozenset[str]:
    """The forms an answer may take, each its words run together (so '2 MB' is '2MB' and
    'sub-ms' is 'subms'): with and without a trailing parenthetical, each word singular or
    plural, in full or abbreviated (the lexicon's ABBREVIATIONS), a small number in words or
    digits. Two answers are `equivalent` when they share a form."""
    if not isinstance(text, str):
        return frozenset()
    variants = {text, _TRAILING_PAREN.sub("", text)}
    out: set[str] = set()
    for variant in variants:
        tokens = normalise(re.sub(r"(?<=\w)\s*&\s*(?=\w)", " and ", variant)).split()
        if not tokens:
            continue
        choices = [sorted(_token_forms(t)) for t in tokens]
        for combo in itertools.islice(itertools.product(*choices), _MAX_FORMS):
            out.add("".join(combo))
    return frozenset(out)


def equivalent(a: str, b: str) -> bool:
    """One answer in two spellings: 'Sub-ms' / 'sub-millisecond', '15 min' / '15 minutes',
    'Pay As You Go' / 'pay-as-you-go', 'AWS X-Ray (tracing)' / 'AWS X-Ray'."""
    return bool(answer_forms(a) & answer_forms(b))


# ---------------------------------------------------------------------------------------------
# Two options that say one thing (the generator)

_SUFFIXES = ("ing", "ed", "es", "s", "ly")
_SYNONYM_ROOT: dict[str, str] = {}


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def _root(word: str) -> str:
    # As crude as names.stem, one step less: strip one inflection, then keep six letters
    # ('linked' and 'link', 'automatic' and 'automated', 'colonies' and 'colony').
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y")[:6]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


for _group in lexicon.WORD_SYNONYMS:
    for _word in _group:
        _SYNONYM_ROOT.setdefault(_root(_word), _root(_group[0]))


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def content_words(text: str) -> frozenset[str]:
    """The words of an option that carry its meaning: no function words (the lexicon's
    FUNCTION_WORDS), each word's root, synonyms folded to one (WORD_SYNONYMS)."""
    roots = (_root(w) for w in normalise(text).split() if w not in lexicon.FUNCTION_WORDS)
    return frozenset(_SYNONYM_ROOT.get(r, r) for r in roots)


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def _negated(text: str) -> bool:
    return any(w in lexicon.NEGATION_WORDS for w in normalise(text).split())


@functools.lru_cache(maxsize=1 << 18)  # pure; asked of every candidate option pair
def paraphrase(a: str, b: str) -> bool:
    """Whether two options say one thing: the same content words, or three or more shared and
    at most a quarter of the longer one's different, none of the differences a number ('Limited
    to 5 layers' / 'Limited to 50 layers' are two answers)."""
    ca, cb = content_words(a), content_words(b)
    if not ca or not cb or _negated(a) != _negated(b):
        return False  # 'Always linked …' / 'Never linked …': one denies the other
    if ca == cb:
        return True
    if any(map(str.isdigit, "".join(ca ^ cb))):
        return False
    shared = len(ca & cb)
    return shared >= 3 and shared >= 0.75 * max(len(ca), len(cb))


def said_alike(a: str, b: str) -> bool:
    """Two answers the same but for one verb that says the same ('supports TLS termination' /
    'handles TLS termination', 'Always linked to an ENI' / 'Always bound to an ENI'): either
    is right where the other is. Opposite verbs ('increases …' / 'decreases …') are no such
    pair (`lexicon.SAME_SENSE_VERBS`)."""
    wa, wb = normalise(a).split(), normalise(b).split()
    if len(wa) != len(wb) or len(wa) < 3:
        return False
    apart = [i for i, (x, y) in enumerate(zip(wa, wb, strict=True)) if x != y]
    # the one word apart is the verb: the first, or the second after an adverb ('Always …')
    adverb = wa[0].endswith("ly") or wa[0] in lexicon.FREQUENCY_ADVERBS
    if len(apart) != 1 or apart[0] > 1 or (apart[0] == 1 and not adverb):
        return False
    x, y = wa[apart[0]], wb[apart[0]]
    return any(x in alike and y in alike for alike in lexicon.SAME_SENSE_VERBS)
