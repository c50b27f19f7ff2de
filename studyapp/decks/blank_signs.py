"""What a cloze's blank hides, read from the card as shown: signs that the hidden words are not
the term that matters (`tests/decks/test_clozes7.py`).

Pure. Each sign is a shape a blind review marked acceptable or junk in notes of any subject:
- a vague word hidden ('a rule can specify […] targets' hiding 'multiple', 'The […] produces
  the parts' hiding 'whole'): any quantity or generic noun fills it;
- one member of a list of three or more whose siblings are shown ('P, […], F', 'Source,
  drain, […]'): any other member fills it as well;
- who holds a view, hidden instead of the view ('As […] argued, …', 'arguments from […]'):
  a question about an author, which the review calls a non-fact;
- a blank cut out of a clause or a phrase: it opens on an example marker ('[like S3]'), holds
  a clause's verb ('[Suggests that God]'), opens a bracket it never closes ('[range key (or
  the sort key]'), or is one part of a date or a time ('[2019]-02-03');
- a word whose opposite the front shows ('[…] / disconnected graphs', 'which are […], and which
  are inanimate', '[…] or anaerobic'): the other word spells the hidden one;
- a number the front shows elsewhere ('--expires-in 300 … valid for […]' hiding '300
  seconds', '[…] for any message > 256KB' hiding 'Max size 256KB'): the card answers itself;
- a gloss of a word quoted just before it ('marked as "impaired" ([…])' hiding 'unhealthy').
"""

from __future__ import annotations

import functools
import re

from studyapp.text import lexicon
from studyapp.text.tallies import TextTallies

SIGN_PENALTY = 0.35  # from a cloze's 0.75 or 0.6: held back, a suggestion for curation


def blank_penalty(front: str, hidden: str) -> float:
    """How much a cloze loses for what its blank hides; 0 when the blank is a term."""
    head, _, tail = front.partition("[…]")
    signs = (
        _vague(hidden),
        _list_member(head, tail, hidden),
        _author_hidden(head, tail, hidden),
        _cut_phrase(head, tail, hidden),
        _number_shown(head + " " + tail, hidden),
        _opposite_shown(head + " " + tail, hidden),
        _gloss(head, tail),
        _number_word_alone(hidden, tail),
    )
    return SIGN_PENALTY if any(signs) else 0.0


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
# What follows a number word used as a pronoun ('Only […] can be on at a time', '[…] of them').
_AFTER_PRONOUN = frozenset(
    "can could may might must will would should is are was were has have had does do at in on"
    " for by with from".split()
)


def _number_word_alone(hidden: str, tail: str) -> bool:
    """A number word hidden where it stands for a noun, not counts one ('Only […] can be on at
    a time', '[…] of the inputs is high'): the sentence says how many of what only from the
    lines around it. ('The heart has […] chambers' counts its noun, and is a fact.)"""
    if hidden.strip().lower() not in _NUMBER_WORDS:
        return False
    after = re.match(r"\s*([A-Za-z]+|[,.;:)]|$)", tail)
    word = after.group(1).lower() if after else ""
    if word == "of":
        return hidden.strip().lower() == "one"  # 'one of the inputs'; 'a week or two of life'
    return word in _AFTER_PRONOUN or not word.isalpha()


_NUMBER = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w.])|(?<![\w.])\d+(?:[.,]\d+)*(?=[A-Za-z]{1,3}\b)"
)


def _number_shown(shown: str, hidden: str) -> bool:
    """A number of two digits or more that the blank hides and the rest of the front shows:
    the card says what it asks ('expires in 300 … valid for [300 seconds]')."""
    numbers = {n for n in _NUMBER.findall(hidden) if len(re.sub(r"\D", "", n)) >= 2}
    return bool(numbers & set(_NUMBER.findall(shown)))


def _vague(hidden: str) -> bool:
    """Every word hidden is a quantifier or a generic noun ('multiple', 'several parts', 'the
    whole'), or it opens on a hedge ('some sort of anomaly'): the sentence holds with any other
    in its place."""
    if re.match(r"(?:some|any|a|an)\s+(?:sort|kind|type|form)\s+of\b", hidden.strip(), re.I):
        return True
    words = re.findall(r"[a-z]+", hidden.lower())
    content = [w for w in words if w not in ("a", "an", "the", "of")]
    return (
        bool(content)
        and hidden == hidden.lower()
        and all(w in lexicon.VAGUE_WORDS for w in content)
    )


# A short list item: a word or two, with no verb of its own ('drain', 'HTTP/HTTPS', 'P').
_ITEM = r"[\w/+&.'’-]+(?:\s[\w/+&.'’-]+)?"
# The blank after a sibling opening its clause ('Glue and […]', 'P, […]', 'Source, drain, […]').
_SIBLING_BEFORE = re.compile(
    rf"(?:^|[:;(]\s*)(?:{_ITEM}\s*,\s*)*(?P<item>{_ITEM})\s*(?:,|\band\b|\bor\b|/)\s*$"
)
# The blank before two more comma-separated items ('specifically […], ampicillin, rifampin'),
# each opening on a content word: ', by definition, has …' and ', an anticoagulant, …' are
# asides, not siblings.
_SIBLINGS_AFTER = re.compile(
    rf"^\s*,\s*(?P<first>{_ITEM})\s*,\s*(?:(?:and|or)\s+)?(?P<second>{_ITEM})\s*(?:[,.;)]|and\b|or\b|$)"
)


def _siblings_after(tail: str) -> bool:
    m = _SIBLINGS_AFTER.match(tail)
    if m is None:
        return False
    firsts = (m.group("first").split()[0].lower(), m.group("second").split()[0].lower())
    return not any(w in lexicon.STOP_WORDS or w in lexicon.ROW_PREPOSITIONS for w in firsts)


def _list_member(head: str, tail: str, hidden: str) -> bool:
    """The blank is one short item of a list of three or more whose other items the card shows
    ('Source, drain, […]', 'Fever, […], and a stiff neck'). A pair ('Insulin and […] regulate
    …', 'Free T3 and […]') ties two things one fact names together, and a blank after a verb's
    object ('treated with […] and/or radiation') is no list the sentence opens with."""
    if len(hidden.split()) > 3:
        return False
    if _siblings_after(tail):
        return True
    before = _SIBLING_BEFORE.search(head)
    if before is None:
        return False
    shown = head[before.start() :]
    if shown.count(",") >= 2 or ("," in shown and re.match(r"\s*(?:,|and\b|or\b)", tail)):
        return True  # three or more: 'Source, drain, […]'; not 'In adults, […] exposure'
    return False  # a pair ('AST and […]') ties its two members: the note pins the other


# A view's verb after the blank ('[…] argued that', '[…] believes'), or a frame before it that
# names its author ('As […]', 'according to […]', 'arguments from […]').
_VIEW_AFTER = re.compile(
    rf"^\s*(?:(?:also|famously|later)\s+)?(?:{'|'.join(sorted(lexicon.VIEW_VERBS))})\b"
    r"|^\s*(?:’s|'s)\s+(?:view|argument|claim|theory|account|position|objection)s?\b"
    r"|^\s*(?:is|are|was|were)\s+interested\s+in\b",
    re.I,
)
_VIEW_BEFORE = re.compile(
    r"(?:^|,\s*)as\s*$|\baccording\s+to\s*$"
    r"|\b(?:arguments?|views?|objections?|quotes?|claims?|critiques?|replies)\s+(?:from|of|by)\s*$",
    re.I,
)
_PERSON = re.compile(r"(?:[A-Z][a-zà-ÿ'’-]+\.?)(?:\s+(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.))*")


def _author_hidden(head: str, tail: str, hidden: str) -> bool:
    """The blank is a person's name ('Hume', 'Adam Smith') in a frame reporting a view: the
    card asks who said it, not what was said."""
    if not _PERSON.fullmatch(hidden.strip()):
        return False
    if _VIEW_AFTER.match(tail):
        return True
    return _VIEW_BEFORE.search(head) is not None


# A verb and the clause it opens ('Suggests that', 'Argues whether'): no subject a blank hides.
_CLAUSE_INSIDE = re.compile(r"[A-Za-z]+s\s+(?:that|whether)\b")


def _cut_phrase(head: str, tail: str, hidden: str) -> bool:
    """The blank starts or ends inside a phrase rather than around a term."""
    text = hidden.strip()
    if lexicon.EXAMPLE_MARKER.match(text) or re.match(r"(?:like|including|e\.g\.?)\s", text, re.I):
        return True  # '[like S3]', '[such as mitral valve repair]': an example, not the term
    if _CLAUSE_INSIDE.match(text):
        return True  # '[Suggests that God]': a verb and its clause, not a subject
    if re.match(r"(?:out|up|off|away|down)\s+(?!of\b)\S", text) and re.search(
        r"[a-z]$", head.rstrip()
    ):
        return True  # 'rules [out PV]': a verb's particle hidden with its object
    if text.count("(") > text.count(")"):
        return True  # '[range key (or the sort key]': cut inside its own aside
    if re.fullmatch(r"\d[\d.,:/-]*", text) and (
        re.match(r"[-:/]\d", tail) or re.search(r"\d[-:/]$", head)
    ):
        return True  # '[2019]-02-03T22:57': one field of a date or a time
    return False


# A quoted word, then the blank alone in brackets: '"impaired" ([…])', 'called ‘pyrexia’ ([…])'.
_QUOTED_BEFORE = re.compile(r"[\"“”‘’'][^\"“”‘’']{2,40}[\"“”‘’']\s*\(\s*$")


def _gloss(head: str, tail: str) -> bool:
    """The blank is a gloss of a word the front quotes just before it ('marked as "impaired"
    ([…])' hiding 'unhealthy'): the quoted word says what the bracket restates, so the card
    asks for a synonym of what it shows."""
    return _QUOTED_BEFORE.search(head) is not None and re.match(r"\s*\)", tail) is not None


# Prefixes that make a word's opposite ('connected' / 'disconnected', 'polar' / 'nonpolar').
_NEGATING = ("non-", "non", "un", "in", "im", "il", "ir", "dis", "an", "a", "anti", "de")


def _opposite_shown(shown: str, hidden: str) -> bool:
    """A one-word blank whose negated or un-negated form the front shows: the pair gives it."""
    word = hidden.strip(" .,;:").lower()
    if not re.fullmatch(r"[a-z-]{4,}", word):
        return False
    words = set(re.findall(r"[a-z-]{4,}", shown.lower()))
    return any(f"{p}{word}" in words or (word.startswith(p) and word[len(p) :] in words)
               for p in _NEGATING)  # fmt: skip


# --- a name the notes put before the same word nearly every time -------------------------------

# 'EC2 instance', 'S3 bucket', 'API calls', 'CT scan': a name written as a modifier, then the
# lower-case noun it modifies.
_MODIFIED = re.compile(
    r"(?<![\w.-])(?P<name>[A-Z][\w+#-]*|\d[\w-]*[A-Za-z][\w-]*)\s+(?P<head>[a-z]{3,})\b"
)
MIN_HEAD_USES = 5  # a noun modified by names fewer times says nothing about which name it takes
PREDICTED_SHARE = 0.6  # the share of those uses one name must have to go without saying


_NOT_HEADS = (
    lexicon.STOP_WORDS
    | lexicon.FUNCTION_WORDS
    | lexicon.ROW_PREPOSITIONS
    | lexicon.TIME_PREPOSITIONS
    | lexicon.CLAUSE_WORDS
)


def _head(word: str) -> str:
    """'instances' and 'instance' are one head noun (a plural's -s, not a word's own -ss)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def predicted_modifiers(texts: list[str]) -> frozenset[str]:
    """'ec2 instance', 's3 bucket': each name the notes write before a lower-case noun in most
    of the times a name modifies that noun (`MIN_HEAD_USES` or more). Hiding it in front of
    that noun ('can create an […] instance') asks what every note's wording already says.
    A sentence's first word is no modifier ('Each stack'), nor a name after a full stop."""
    counts = ModifierCounts()
    counts.follow(dict(enumerate(texts)))
    return counts.predicted()


class ModifierCounts(TextTallies):
    """`predicted_modifiers`' counts of a set of texts, kept between runs (`TextTallies`). What
    it predicts is what `predicted_modifiers` of the same texts gives."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: dict[tuple[str, str], int] = {}
        self.heads: dict[str, int] = {}

    def _add(self, text: str, sign: int) -> None:
        for pair in _modified(text):
            self.pairs[pair] = self.pairs.get(pair, 0) + sign
            self.heads[pair[1]] = self.heads.get(pair[1], 0) + sign

    def predicted(self) -> frozenset[str]:
        heads = self.heads
        return frozenset(
            f"{name} {head}"
            for (name, head), n in self.pairs.items()
            if n > 0 and heads[head] >= MIN_HEAD_USES and n >= PREDICTED_SHARE * heads[head]
        )


# Pure, and asked of every fact's text on every run: a re-ingest reads the same texts again.
@functools.lru_cache(maxsize=1 << 18)
def _modified(text: str) -> tuple[tuple[str, str], ...]:
    """The (name, head noun) pairs of one text, in lower case, in order."""
    found = []
    for m in _MODIFIED.finditer(text):
        name, head = m.group("name"), _head(m.group("head"))
        if name.lower() in lexicon.STOP_WORDS or head in _NOT_HEADS:
            continue  # 'ALB behind CloudFront': a preposition modifies nothing
        if not _word_before(text, m.start()):
            continue  # the first word of a line or a sentence is capitalised anyway
        found.append((name.lower(), head))
    return tuple(found)


def _word_before(text: str, at: int) -> bool:
    """A word character before `at`, spaces aside (`\\w\\s*$` of the text before it, read
    backwards rather than searched over the whole prefix)."""
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and (text[at].isalnum() or text[at] == "_")


def predicted_modifier(front: str, hidden: str, predicted: frozenset[str]) -> bool:
    """The blank is a name the notes nearly always write before the noun shown after it ('an
    […] instance' hiding 'EC2', '[…] calls' hiding 'API'), and the front names no other kind of
    that noun nor another choice beside it: 'can use […] policies and Access Control Policies'
    tells two kinds apart and 'ultrasound or […] scan' picks one of two, so the name is the
    fact there."""
    words = hidden.split()
    if not predicted or not words or not all(re.match(r"[A-Z0-9]", w) for w in words):
        return False
    head, _, tail = front.partition("[…]")
    after = re.match(r"\s+([a-z]{3,})\b", tail)
    if after is None:
        return False
    noun = _head(after.group(1))
    if f"{words[-1].lower()} {noun}" not in predicted:
        return False
    shown = f"{head} {tail[after.end() :]}"
    others = re.finditer(r"\b([A-Z][\w+#-]*)\s+([A-Za-z]{3,})\b", shown)
    if any(_head(o.group(2).lower()) == noun for o in others):
        return False
    # 'ultrasound … or […] scan', '[…] scan or arteriography': one of two choices, the name
    # is the one the line picks
    near = " ".join(head.split()[-ALTERNATIVE_WINDOW:] + tail[after.end() :].split()[:3])
    return _ALTERNATIVE.search(near) is None


ALTERNATIVE_WINDOW = 6  # words before the blank in which an 'or' offers another choice
_ALTERNATIVE = re.compile(r"\b(?:or|vs|versus|rather than|instead of|unlike)\b", re.I)
