"""Normalising, comparing and showing the values questions are made of, and the shape of a
question (how many options, its key, what it asks)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from studyapp.text import lexicon, prompts
from studyapp.text.answers import equivalent, normalise, paraphrase
from studyapp.text.names import (
    attribute_stems,
    name_key,
    named_by_position,
    singular,
    stable_key,
    stem,
)
from studyapp.text.numbers import count_text
from studyapp.text.quantities import Quantity, find_quantities, ocr_fix

from .inputs import FactData

# How many options a question has
MAX_DISTRACTORS = 3  # choice: 3–4 options
MIN_DISTRACTORS = 2
MATCH_MIN, MATCH_MAX = 3, 6
MULTI_MIN_OPTIONS, MULTI_MAX_OPTIONS = 4, 6
MAX_OPTION_WORDS = 12  # longer options are read, not recalled
APPROX_TOLERANCE = 0.1  # relative, for values the notes give as approximate

# --------------------------------------------------------------------------------------------
# Telling values apart and showing them

_BOUND = re.compile(r"[<>≤≥+]")


def pure_quantity(text: str, *, allow: Iterable[str] = ()) -> Quantity | None:
    """The quantity a value is, when it is nothing but one ('900s (15 min)', 'up to 5 minutes',
    'max memory - 2MB' with `allow` = the attribute's words); None for text around a number."""
    return _pure_quantity(text, tuple(allow))


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def _pure_quantity(text: str, allow: tuple[str, ...]) -> Quantity | None:
    found = find_quantities(text)
    if not found or len({q.key() for q in found}) != 1 or _BOUND.search(text):
        return None  # "< 1 ms" and "1000+" are bounds, not values
    rest = ocr_fix(text)
    for quantity in found:
        rest = rest.replace(quantity.text, " ", 1)
    if re.search(r"\d", rest):
        return None  # '65-75% of cases', '[6, 100, -1, 4]': numbers the quantity leaves out
    allowed = lexicon.QUANTITY_FILLER | {w.lower() for w in allow}
    words = [w for w in re.findall(r"[a-z]+", rest.lower()) if w not in allowed]
    # A count may name what it counts ("1000 executions"); a duration or size says it all.
    if found[0].unit == "" and re.search(r"[A-Za-z]\s*$", ocr_fix(text).split(found[0].text)[0]):
        return None  # 'Route 53', 'Windows 11': the number ends a name, it counts nothing
    return found[0] if len(words) <= (1 if found[0].unit == "" else 0) else None


_NOUN_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z/%]*)")


def counted_noun(value: str, quantity: Quantity) -> str:
    """The word a bare count names after it ('4-6 weeks' -> 'weeks', '10 mg' -> 'mg', '23
    pairs'), '' when none (or a filler word, 'max'): the count's kind, which its wrong options
    must share and show ('4 – 6 weeks' against '2 – 3 weeks', never against a score's '3 – 7'
    or a dose's '10 mg' against a length's '12')."""
    if quantity.unit or quantity.text not in value:
        return ""
    found = _NOUN_AFTER.match(value.split(quantity.text, 1)[1])
    if not found or found.group(1).lower() in lexicon.QUANTITY_FILLER:
        return ""
    return found.group(1)


def noun_key(noun: str) -> str:
    """Where a count's kind is indexed: '' for a bare count, else the noun, one form for
    singular and plural ('week' / 'weeks')."""
    return f"#{singular(noun.lower())}" if noun else ""


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def identity(text: str) -> str:
    """What an option means, for telling options apart: its quantity when it is only one."""
    quantity = pure_quantity(text)
    return f"q:{quantity.key()}" if quantity else normalise(text)


_DURATIONS = (("year", 365 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60))


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        for name, size in _DURATIONS:
            # "24 hours" reads better than "1 day" for a retention the notes give in hours.
            if value >= size and value % size == 0 and not (name == "day" and value < 2 * size):
                count = int(value // size)
                return f"{count_text(count)} {name}{'' if count == 1 else 's'}"
        if value >= 1:
            # not count_text: a fraction of a second keeps every digit ('1,234.5 seconds')
            seconds: float = int(value) if value == int(value) else value
            return f"{seconds:,} second{'' if seconds == 1 else 's'}"
        return f"{value * 1000:g} ms" if value >= 1e-3 else f"{value * 1e6:g} µs"
    if unit == "B":
        return Quantity(value, value, "B", "").display()
    return count_text(value)


def four_digits(quantity: Quantity) -> bool:
    """A count written as four bare digits ('1803', '1024'): most often a year; its wrong
    options are numbers written alike, shown alike."""
    return (
        quantity.unit == ""
        and not quantity.is_range
        and re.fullmatch(r"\d{4}", quantity.text.strip()) is not None
    )


# The years a bare four-digit number may be read as: a year's wrong options are years too.
YEARS = (1000, 2100)


def year_like(quantity: Quantity) -> bool:
    """A bare four-digit count within YEARS ('1803'; not '4321', which no year option is)."""
    return four_digits(quantity) and YEARS[0] <= quantity.low <= YEARS[1]


def year_range(quantity: Quantity) -> bool:
    """A range of two years ('1618–1680', a reign or a life): its wrong options are ranges of
    years too, never '0 – 15'."""
    return (
        quantity.is_range
        and _years(quantity)
        and YEARS[0] <= quantity.low <= quantity.high <= YEARS[1]
    )


def _years(quantity: Quantity) -> bool:
    """A range of two bare four-digit numbers written without separators ('1618–1680')."""
    return (
        quantity.unit == ""
        and "," not in quantity.text
        and all(v == int(v) and 1000 <= v <= 9999 for v in (quantity.low, quantity.high))
    )


def show_quantity(quantity: Quantity) -> str:
    """One spelling for every quantity option, so that no option stands out by its style. A
    bare four-digit number is shown as written ('1803', a year, not '1,803')."""
    if four_digits(quantity):
        return quantity.text.strip()
    if quantity.is_range and _years(quantity):
        return f"{int(quantity.low)} – {int(quantity.high)}"  # '1618 – 1680', not '1,618 – 1,680'
    if quantity.is_range:
        return f"{_amount(quantity.low, quantity.unit)} – {_amount(quantity.high, quantity.unit)}"
    return _amount(quantity.low, quantity.unit)


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def flat(text: str) -> str:
    """A cell's bullet lines as one line: 'Lightweight CDN customization: Header rewrites; …'.
    Lines of a cell that are all alike, none a bullet under another ('Hands mostly open<br>
    Reaches midline'), are items side by side: 'Hands mostly open; Reaches midline'."""
    raw = [line for line in text.splitlines() if line.strip()]
    lines = [_BULLET.sub("", line).strip() for line in raw]  # ('-5 °C' keeps its sign)
    if not lines:
        return ""
    head, rest = lines[0], lines[1:]
    # a head ends on its colon ('- Causes:' over its items), or is the one line no bullet opens
    headed = head.endswith(":") or (
        not _BULLET.match(raw[0]) and any(_BULLET.match(line) for line in raw[1:])
    )
    if rest and headed:
        head = head if head.endswith(":") else head + ":"
        return prompts.tidy(f"{head} {'; '.join(rest)}")
    return prompts.tidy("; ".join(lines))


_BULLET = re.compile(r"^\s*[•*-]\s+")


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def word_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in normalise(text).split() if w not in lexicon.VALUE_SMALL_WORDS)


@functools.lru_cache(maxsize=1 << 18)  # pure; asked of every candidate option pair
def near(a: str, b: str) -> bool:
    """One says no more than the other ('Java' / 'Java 11+'), or both say one thing in other
    words ('Always linked to an ENI' / 'Always bound to an ENI', 'Sub-ms' / 'sub-millisecond'):
    not two different answers."""
    wa, wb = word_stems(a), word_stems(b)
    return not wa or not wb or wa <= wb or wb <= wa or equivalent(a, b) or paraphrase(a, b)


@functools.lru_cache(maxsize=1 << 18)  # pure; asked of every candidate option pair
def overlapping(a: str, b: str) -> bool:
    """Two options made mostly of the same words ('define when objects expire (deleted by S3)'
    / 'S3 deletes expired objects on our behalf'): three or more word stems shared, at least
    two thirds of the shorter one's (two of a three-word one's), and more than one word for
    another apart. Likely one claim
    told twice, so as wrong options both may be right; `near` asks more (a paraphrase) of
    answers. Or one spelled two ways ('wheezing, dyspnea' / 'wheezing, dypnea', `_slip`)."""
    wa, wb = word_stems(a), word_stems(b)
    shared = len(wa & wb)
    # one word for another ('dative case, strong verbs' / '… weak verbs') is a contrast
    swapped = len(wa - wb) <= 1 and len(wb - wa) <= 1
    if shared >= 3 and shared * 3 >= 2 * min(len(wa), len(wb)) and not swapped:
        return True
    # a short option two of whose three words the other says ('number of features in dataset'
    # / 'number of features input data', 'immune deposits on EM' / 'subepithelial immune
    # deposits'): the same claim, more or less finely put
    long_shared = [w for w in wa & wb if len(w) >= 3]  # not 'v' in 'claimant v defendant'
    if len(long_shared) == 2 and min(len(wa), len(wb)) == 3 and not swapped:
        return True
    words_a, words_b = normalise(a).split(), normalise(b).split()
    if len(words_a) != len(words_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return len(differ) == 1 and _slip(*differ[0])


_PARTS = re.compile(r"\s*[,;]\s*|\s+and\s+")


@functools.lru_cache(maxsize=1 << 18)  # pure; asked of every candidate option pair
def shares_part(a: str, b: str) -> bool:
    """Two lists with a part in common ('asymmetric, unilateral, sciatica' / 'sciatica, shooting
    leg pain'): as a wrong option the one is partly right. Only lists count: both split."""
    parts_a = {normalise(p) for p in _PARTS.split(a) if p.strip()}
    parts_b = {normalise(p) for p in _PARTS.split(b) if p.strip()}
    if len(parts_a) < 2 and len(parts_b) < 2:
        return False
    return bool((parts_a & parts_b) - {""})


def _slip(x: str, y: str) -> bool:
    """A typing slip in a word of five letters or more: one letter left out or doubled, or two
    swapped ('dypnea', 'recieve'). Not one letter for another ('ileum' / 'ilium', 'Type 1' /
    'Type 2'): that is often another word."""
    if min(len(x), len(y)) < 5 or not (x.isalpha() and y.isalpha()):
        return False
    if len(x) == len(y):
        at = [i for i in range(len(x)) if x[i] != y[i]]
        return len(at) == 2 and at[1] == at[0] + 1 and x[at[0]] == y[at[1]] and x[at[1]] == y[at[0]]
    short, long_ = sorted((x, y), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[:i] + long_[i + 1 :] == short for i in range(len(long_))
    )


@functools.lru_cache(maxsize=1 << 18)  # pure; asked of every candidate option pair
def alike(a: str, b: str) -> bool:
    """Of the same sort: both names ('Amazon S3') or both phrases, of comparable length, and
    both or neither a yes or a no (`yes_no`), both or neither an equation (`_EQUATION`)."""
    la, lb = len(a.split()), len(b.split())
    return (
        name_like(a) == name_like(b)
        and yes_no(a) == yes_no(b)
        and (_EQUATION.search(a) is None) == (_EQUATION.search(b) is None)
        and max(la, lb) <= 3 * min(la, lb)
    )


# An equation ('2H2 + O2 → 2H2O', 'MV = PQ', 'x=1'): another kind of value than a phrase or a
# list of names ('combustion, respiration' among equations gives itself away, and says what the
# equations are examples of too). Not prose shorthand: 'larger = more conservative', '… -> learn'
# (a typed arrow, a long word before '=').
_EQUATION = re.compile(r"[→⟶⇒]|(?<![A-Za-z])[A-Za-z0-9]{1,3}\)?\s*=\s*[\w(]")


# 'yes, in prophase I', 'No (only in adults)', 'true': an answer that is a yes or a no, with or
# without its qualification; not 'No ordering' or 'No IgM', which name a thing there is none of.
_YES_NO_LEAD = re.compile(r"^\W*(?:yes|no|true|false)\b(?!\s+\w)", re.I)


def yes_no(text: str) -> bool:
    """A yes or a no, qualified or not: among other values it stands out by its kind (a wrong
    option 'yes, in prophase I' for 'Meiosis — purpose?' gives itself away)."""
    return normalise(text) in lexicon.YES_NO or _YES_NO_LEAD.match(text) is not None


def strip_parens(text: str) -> str:
    return prompts.tidy(re.sub(r"\s*\([^()]*\)", "", text))


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def kind_of(text: str) -> str:
    found = find_quantities(text)
    return found[0].unit if found else "text"


def unique_sources(sources: Iterable[dict]) -> tuple[dict, ...]:
    out: dict[tuple, dict] = {}
    for s in sources:
        source = {
            "note": s.get("note", ""),
            "title": s.get("title") or s.get("note_title") or s.get("note", ""),
            "heading": s.get("heading", ""),
            "line": s.get("line", 0),
        }
        out.setdefault((source["note"], source["line"]), source)
    return tuple(out.values())


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def attribute_parts(attribute: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the attribute's stems without qualifiers, its qualifiers: max/min/default/up)."""
    stems = attribute_stems(attribute)
    return stems - lexicon.QUALIFIERS, stems & lexicon.QUALIFIERS


# --------------------------------------------------------------------------------------------
# What is fit to ask, and what a question is


def generic_term(term: str) -> bool:
    return (
        normalise(term) in lexicon.GENERIC_ATTRIBUTES
        or name_key(term) in lexicon.GENERIC_ATTRIBUTES
    )


def junk_fact(fact: FactData) -> bool:
    """Not a fact to ask or to borrow options from: a dated log line, a link, a line named only
    by its place ('Option 2: …', 'Step 3: …'), by a remark's label ('Solution: …') or by a
    memory aid's ('Mnemonic: …'), or a label with a bracketed aside ('Piaget (1896)')."""
    return _junk(fact.kind, attribute_label(fact), fact.value, fact.text)


@functools.lru_cache(maxsize=1 << 17)  # pure; asked of every fact of the model, every run
def _junk(kind: str, attribute: str, value: str, text: str) -> bool:
    words = [w for w in re.findall(r"[a-z']+", attribute.lower()) if w not in lexicon.STOP_WORDS]
    return (
        bool(lexicon.DATE.search(value))
        or "://" in value
        or named_by_position(attribute)
        or (bool(words) and all(w in lexicon.REMARK_LABELS for w in words))
        or memory_aid(attribute)
        or _bracketed(kind, value, text, attribute)
    )


def bracketed_aside(fact: FactData) -> bool:
    """A line that is a label and a bracket ('Jean Piaget (1896)', 'SORT(42)', 'Proof of the
    lemma (Lecture 3)'): the bracket is an aside (a date, a call's argument, a reference), not
    the value of an attribute its label names."""
    return _bracketed(fact.kind, fact.value, fact.text, attribute_label(fact))


def _bracketed(kind: str, value: str, text: str, label: str) -> bool:
    value = value.strip()
    text = text.strip().rstrip(".,;: ")
    if kind != "key_value" or not value or not text.endswith(f"({value})"):
        return False
    return normalise(text[: -len(value) - 2]) == normalise(label)


def attribute_label(fact: FactData) -> str:
    return (fact.attribute or fact.subject).strip()


def memory_aid(label: str) -> bool:
    """A label of a memory aid ('Mnemonic', 'Mnemonics for cranial nerves'), not of a fact."""
    said = normalise(label)
    return said in lexicon.MEMORY_AID_LABELS or any(
        w in lexicon.MEMORY_AID_LABELS for w in said.split()
    )


def bank_key(kind: str, *identity_parts: str) -> str:
    return stable_key("question", kind, *identity_parts)


@functools.lru_cache(maxsize=1 << 16)  # pure; the generators ask it of the same values often
def name_like(text: str) -> bool:
    """A name or term one can type from memory: 'us-east-1', 'Function as a Service',
    'Amazon S3' — not a phrase like 'Minimize latency'."""
    words = re.findall(r"[\w.@/+&-]+", text)
    significant = [w for w in words if w.lower() not in lexicon.NAME_SMALL_WORDS]
    return bool(significant) and all(
        w[0].isupper() or w[0].isdigit() or any(c.isupper() or c.isdigit() for c in w)
        for w in significant
    )


def asked_about(kind: str, subject: str, attribute: str, value: str) -> tuple:
    """What a question asks, whatever its wording: one question per kind, subject, attribute
    and answer (a fact and the table cell repeating it; one cell in two tables)."""
    family, _qualifiers = attribute_parts(attribute)
    quantity = pure_quantity(flat(value), allow=re.findall(r"[a-z]+", attribute.lower()))
    said = f"q:{quantity.key()}" if quantity else normalise(flat(value))
    return (kind, subject, family or normalise(attribute), said)
