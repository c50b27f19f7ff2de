"""Key-value readings of one line of a note: 'Timeout: 3s default, max 900s', 'Memory (128 MB)',
'Key → value', '50 MB (zip)' under a label, and values that are lists.

Pure string work: each function returns the parts it found (or None), not candidates.
"""

from __future__ import annotations

import functools
import re

from studyapp.text import lexicon
from studyapp.text.quantities import first_quantity

_ARROW = re.compile(r"\s+(?:→|->|=>)\s+")
_COLON = re.compile(r"^(?P<key>[^:]{1,60}?)\s*:\s+(?P<value>.+)$", re.S)
_DASH = re.compile(r"^(?P<key>[^-–—]{2,40}?)\s+[-–—]\s+(?P<value>.+)$", re.S)
_PAREN_QTY = re.compile(r"^(?P<key>[A-Za-z][^()]{2,60}?)\s*\((?P<value>[^()]*\d[^()]*)\)\s*$")
_LIST_SPLIT = re.compile(r",\s*(?![^()]*\))")
_DIGIT = re.compile(r"\d")


# The pure readings below are asked of the same lines again and again (a line is read as an
# item, as a child of its label, as a cell of a comparison), so each is kept per process.
@functools.lru_cache(maxsize=1 << 16)
def key_value(text: str) -> tuple[str, str] | None:
    """(key, value) of a line that reads as one: a colon, one arrow, or a dash, parenthesis or
    "is" before a quantity. The key must be a label (see label_key)."""
    # "Key: value" (a colon followed by a space, so "https://…" never splits).
    if (m := _COLON.match(text)) and len(m.group("key").split()) <= 8:
        key, value = m.group("key").strip(), m.group("value").strip()
        if _open_bracket(key):
            return None  # 'Ensemble methods (common example: random forest)': an aside's colon
        return (key, value) if label_key(key, value) else None
    # (each reading below is tried only on a line holding the marks it needs)
    parts = _ARROW.split(text) if "→" in text or "->" in text or "=>" in text else [text]
    # One arrow reads "key → value"; a chain of arrows is a flow ("Client → API Gateway → Lambda").
    if len(parts) == 2 and len(parts[0].split()) <= 5 and not _DIGIT.search(parts[0]):
        key, value = parts[0].strip(), parts[1].strip()
        return (key, value) if label_key(key, value) else None
    if len(parts) > 2:
        return None  # a flow has no key
    dashed = "-" in text or "–" in text or "—" in text
    if dashed and (m := _DASH.match(text)) and len(m.group("key").split()) <= 4:
        value = m.group("value").strip()
        if first_quantity(value):
            return m.group("key").strip(), value
    digit = _DIGIT.search(text) is not None  # what a quantity, and so each reading below, needs
    if digit and "(" in text and (m := _PAREN_QTY.match(text)):
        # 'Adelman (2018)', 'Proof (p. 315)': a citation, not a measure of its key.
        if _citation(m.group("key").strip(), m.group("value").strip()):
            return None
        if _verb_phrase(m.group("key")):
            return None  # 'Makes most of the ATP (about 26–28 per glucose)': a sentence's aside
        if lexicon.OPEN_LIST_END.search(m.group("value")):
            return None  # 'metric value (1 for each 404 found, ...)': examples, not its value
        if first_quantity(m.group("value")):
            return m.group("key").strip(), m.group("value").strip()
    if digit and (m := lexicon.KEY_IS_QUANTITY.match(text)) and first_quantity(m.group("value")):
        key, value = m.group("key").strip(), m.group("value").strip()
        return (key, value) if label_key(key, value) else None
    return None


_DETERMINERS = frozenset("a an the most some all many each every its their more less".split())


def _verb_phrase(key: str) -> bool:
    """'Makes most of the ATP', 'Uses the GPU': a verb's -s form before a determiner opens what
    a subject does, no label of a measure ('Memory', 'Cost of the trip')."""
    words = key.lower().split()
    return (
        len(words) >= 2
        and words[0].endswith("s")
        and not words[0].endswith("ss")
        and words[1] in _DETERMINERS
    )


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _citation(key: str, value: str) -> bool:
    """'(p. 315)', '(Mayr, 1942)', and a year after an author ('Adelman (2018)', 'Smith et al.
    (2016)'), not after an event's name ('Treaty of Paris (1763)')."""
    if lexicon.CITATION.match(value):
        return True
    return bool(lexicon.YEAR.match(value) and lexicon.CITED_BY.search(key.strip(" *_.,")))


@functools.lru_cache(maxsize=1 << 16)
def label_key(key: str, value: str) -> bool:
    """A key is a short noun-phrase label ('Max memory', '**Event object**'), not a clause
    ('Servers still exist'), a question ('Do servers exist?') or a position ('Step 2'); a value
    that opens with a conjunction ('But abstracted away') continues a sentence. A key that
    points back ('This time', 'Since there') names nothing; one that ends inside a formula
    ('Requires $\\Theta(m)' of '… $\\Theta(m) = \\Theta(n)$ probes') cut the formula in two."""
    words = _KEY_WORDS.findall(key.lower().replace("’", "'"))
    if key.count("$") % 2 or points_back(key):
        return False
    first_value = _VALUE_WORDS.findall(value.lower()[:20])[:1]
    # "What it does: …", "How it works: …" name a topic's aspect: a label despite the verb.
    wh_label = bool(words) and words[0] in lexicon.QUESTION_WORDS
    return bool(words) and not (
        key.rstrip().endswith("?")
        or (lexicon.CLAUSE_WORDS.intersection(words) and not wh_label)
        or words[0] in lexicon.CLAUSE_OPENERS
        or lexicon.STEP_LABEL.match(key.strip(" *_"))
        or (first_value and first_value[0] in lexicon.CLAUSE_OPENERS - {"i"})
    )


@functools.lru_cache(maxsize=1 << 16)
def points_back(label: str) -> bool:
    """'This time', 'Now', 'Since there': a label that points at what came before, so a card
    asking for what it lists or holds has no subject (lexicon.DEICTIC_OPENERS)."""
    words = _LABEL_WORDS.findall(label.lower())
    return bool(words) and words[0] in lexicon.DEICTIC_OPENERS


_KEY_WORDS = re.compile(r"[\w'’]+")
_VALUE_WORDS = re.compile(r"[\w']+")
_LABEL_WORDS = re.compile(r"[a-z']+")


def value_first(text: str, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """'50 MB (zip, compressed)' under 'Deployment' is 'Deployment (zip, compressed)': 50 MB."""
    opens = text[:1]  # a digit ('\\d' is any decimal digit), a point or a comma: most lines do not
    m = _VALUE_FIRST.match(text) if opens.isdecimal() or opens in (".", ",") else None
    if m and labels and (q := first_quantity(m.group("value"))) and q.unit:
        return f"{labels[-1]} ({m.group('qual')})", m.group("value")
    return None


_VALUE_FIRST = re.compile(r"^(?P<value>[\d.,]+\s?[A-Za-z]{1,7})\s*\((?P<qual>[^()]+)\)$")


def split_qualified(key: str, value: str) -> list[tuple[str, str]] | None:
    """'Timeout: 3s default, max 900s (15 mins)' holds two facts: default and maximum timeout."""
    parts = [p.strip() for p in _LIST_SPLIT.split(value) if p.strip()]
    if len(parts) < 2 or not all(first_quantity(p) for p in parts):
        return None
    out = []
    for part in parts:
        if m := lexicon.QUALIFIED_BEFORE.match(part):
            out.append((f"{m.group('q')} {key}", m.group("rest")))
        elif m := lexicon.QUALIFIED_AFTER.match(part):
            out.append((f"{m.group('q').replace('by ', '')} {key}", m.group("rest")))
        else:
            return None
    return out


@functools.lru_cache(maxsize=1 << 16)
def is_list_value(value: str, key: str = "") -> bool:
    """'Python, Node.js, Java' is a list: three or more short parts (as many as the key says,
    when it says how many: 'Three estates: …')."""
    parts = list_items(value, count=stated_count(key))
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


@functools.lru_cache(maxsize=1 << 16)
def stated_count(label: str) -> int | None:
    """How many parts a label says its list has ('three-part test', 'The two chambers',
    'four humours'): a count in words, when the label states exactly one. 'one' is no count
    (it is as often a pronoun), digits are as often a name ('Type 2 diabetes'), and a count
    in parentheses is an aside ('per glucose (two turns): 2 ATP, 6 NADH, …')."""
    bare = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", label.lower())  # '(two turns)' is an aside
    counts = [w for w in re.findall(r"[a-z]+", bare) if w in lexicon.COUNT_WORDS]
    if len(counts) != 1 or counts[0] not in lexicon.CARDINALS:
        return None
    return lexicon.CARDINALS.index(counts[0])


@functools.lru_cache(maxsize=1 << 16)
def list_items(value: str, *, count: int | None = None) -> tuple[str, ...]:
    """The parts of a list value (commas inside parentheses do not split): 'A, B and C' and
    'A, B, and C' are A, B, C; a list that goes on ('A, B, etc.', 'A, B and more') ends in
    lexicon.OPEN_LIST_MARK, so no card asks how many.

    `count`: how many parts the list's label says it has. 'fair, just and reasonable' as the
    third of three parts is one; when no reading gives that many, the value is no list of
    them (no part is asked), and () is returned."""
    text = value.strip()
    text = text[:-1] if text.endswith(".") and not text.endswith(("etc.", "...")) else text
    parts = [v.strip() for v in _LIST_SPLIT.split(text) if v.strip()]
    if len(parts) < 2:
        return tuple(parts) if count in (None, len(parts)) else ()
    is_open = False
    last = parts.pop()
    if m := lexicon.OPEN_LIST_END.search(last):
        is_open, last = True, last[: m.start()].strip(" ,(")
    # The last part carries the 'and': 'and C' is C, and 'B and C' is two items when both are
    # as short as the others ('used for viewer request and response' is one).
    whole = [re.sub(r"^(?:and|or)\s+", "", last, flags=re.I)] if last else []
    tail = [p.strip() for p in _LAST_AND.split(last) if p.strip()] if last else []
    longest = max(2, *(len(p.split()) for p in parts))
    if len(tail) > 1 and any(len(p.split()) > longest for p in tail):
        tail = whole
    if count is not None and not is_open and len(parts) + len(tail) != count:
        if len(parts) + len(whole) != count:
            return ()
        tail = whole
    parts.extend(tail)
    return tuple(parts) + ((lexicon.OPEN_LIST_MARK,) if is_open else ())


_LAST_AND = re.compile(r"^(?:and|or)\s+|\s+(?:and|or|&)\s+(?![^()]*\))", re.I)
