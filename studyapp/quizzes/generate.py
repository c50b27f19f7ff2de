"""The generated question bank: pure functions from the topic model to `spec.QuestionSpec`s.

No Django, no database: `bank.py` reads the model into the plain dataclasses below, and this
module turns them into questions. Rules, from the learner's side:

- **One question, one truth.** A wrong option is never the answer in other words: options are
  compared by `identity` (`grading.normalise`: casefolded words without punctuation or
  articles; a value that is only a quantity by its quantity, so "15 minutes" = "900 s"), and a
  distractor is never a value the notes give for the asked subject and attribute, nor one that
  says less or more than the answer ("Java" / "Java 11+"), nor, for a short answer, one sharing
  a word with it ("Scales automatically …" against "Seamless & automatic"). Facts the notes
  disagree on (a recorded conflict, a table cell with two values) are not asked.
- **Plausible wrong options.** A distractor is the same kind of value as the answer: a quantity
  of the same base unit (and a range for a range), or text when the answer is text. They come,
  in this order, from the same attribute of other subjects (other topics, the other entities of
  a comparison row), then from sibling facts under the same heading; quantities from every
  quantity the notes state, the nearest in magnitude first, all shown in one style ("15
  minutes", "24 hours", "10 GB") so that the right one does not stand out. Siblings count only
  under a heading of like things (names with names, phrases with phrases); a yes/no value's one
  wrong answer is the other. Too few: no question.
- **Context in every prompt**, as the cards have it ("AWS Lambda · limits — max execution?"),
  and the same junk rules as the cards (unusable attribute names, an answer already in the
  question, rows named only by position).
- **Stable keys.** A question's key hashes what it is about (the fact's key, the comparison +
  row + entity, the topic + the facts of a matching) and its kind, never its wording or the seed,
  so re-ingesting keeps the question and the attempts made at it.
- **Deterministic.** Each question draws from its own `random.Random(f"{seed}\\x1f{key}")`, so
  one question's options do not depend on which other questions exist.
- **No telltale order.** The options are stored in an order drawn from the question's own
  stream over the options sorted (`_deal`): a quiz that does not shuffle shows the right answer
  in any place alike, whichever path built the options and however it found the distractors.

Kinds: choice (key–value facts, definitions, table cells; "which entity has …" for tables of
three or more), multi (4–6 options, at least one right and one wrong: lists, with non-members
the notes support — sibling categories under one heading ("which of these are compute
services?"), sibling kinds listed by statements ("… scalar types?"), a two-entity comparison
against a category list — never a list that says "etc." nor a non-member a line of the topic
names with the list's subject; yes/no table rows; and "which of these are true of X?" from a
two-entity comparison, X's cells against the other's where the two share no word), truefalse
(a fact as stated, or with its value swapped for a distractor), short (key–value/definition
values that are a short name), numeric (a value that is a single quantity; tolerance 0 — the
notes state limits exactly — or 10% when the note says "about"/"~"), matching (a table row's
values to their entities, and terms to their meanings within a topic, 3–6 pairs). One question
per kind and thing asked: a fact and the table cell repeating it, or one cell in two tables,
give one.
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from studyapp.text import prompts
from studyapp.text.names import (
    QUALIFIERS,
    attribute_stems,
    content_stems,
    name_key,
    name_tokens,
    stable_key,
    stem,
)
from studyapp.text.quantities import Quantity, find_quantities, ocr_fix

from . import grading, spec, table_questions

MAX_DISTRACTORS = 3  # choice: 3–4 options
MIN_DISTRACTORS = 2
MATCH_MIN, MATCH_MAX = 3, 6
MULTI_MIN_OPTIONS, MULTI_MAX_OPTIONS = 4, 6
MAX_OPTION_WORDS = 12  # longer options are read, not recalled
APPROX_TOLERANCE = 0.1  # relative, for values the notes give as approximate


# --------------------------------------------------------------------------------------------
# Input: the topic model as plain data


@dataclass(frozen=True)
class FactData:
    key: str
    kind: str  # statement | key_value | enumeration | definition | qa
    topic_key: str
    topic: str  # topic name
    subheading: str = ""
    text: str = ""
    subject: str = ""
    attribute: str = ""
    value: str = ""
    items: tuple[str, ...] = ()
    sources: tuple[dict, ...] = ()  # {"note", "title", "heading", "line"}
    disputed: bool = False  # a live conflict: the notes disagree on it


@dataclass(frozen=True)
class CellData:
    value: str
    sources: tuple[dict, ...] = ()  # {"note", "title", "heading", "line"}
    corrected_by: str = ""


@dataclass(frozen=True)
class RowData:
    name: str  # as shown (an instructor may have renamed it)
    cells: Mapping[str, tuple[CellData, ...]]  # entity -> values
    attribute: str = ""  # the row's name in the notes ("" for a row an instructor added)
    cell_keys: Mapping[str, str] = field(default_factory=dict)  # entity -> ComparisonCell key


@dataclass(frozen=True)
class TableData:
    key: str  # the comparison's key
    title: str
    entities: tuple[str, ...]
    rows: tuple[RowData, ...]
    entity_topics: Mapping[str, str] = field(default_factory=dict)  # entity -> topic key

    @property
    def comparison(self) -> TableData:
        # table_questions reads `table.comparison.key`: this table is its own comparison.
        return self


@dataclass(frozen=True)
class TopicData:
    key: str
    name: str
    aliases: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Normalising and showing values


def normalise(text: str) -> str:
    """As grading compares answers: casefolded words without punctuation or articles."""
    return grading.normalise(text)


_FILLER = frozenset(
    "up to max maximum min minimum default of only approx approximately about around roughly"
    " nearly the a".split()
)
_APPROX = re.compile(r"~|≈|\b(?:approx\w*|about|around|roughly|nearly)\b", re.I)
_BOUND = re.compile(r"[<>≤≥+]")


def pure_quantity(text: str, *, allow: Iterable[str] = ()) -> Quantity | None:
    """The quantity a value is, when it is nothing but one ('900s (15 min)', 'up to 5 minutes',
    'max memory - 2MB' with `allow` = the attribute's words); None for text around a number."""
    found = find_quantities(text)
    if not found or len({q.key() for q in found}) != 1 or _BOUND.search(text):
        return None  # "< 1 ms" and "1000+" are bounds, not values
    rest = ocr_fix(text)
    for quantity in found:
        rest = rest.replace(quantity.text, " ", 1)
    allowed = _FILLER | {w.lower() for w in allow}
    words = [w for w in re.findall(r"[a-z]+", rest.lower()) if w not in allowed]
    # A count may name what it counts ("1000 executions"); a duration or size says it all.
    return found[0] if len(words) <= (1 if found[0].unit == "" else 0) else None


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
                return f"{count:,} {name}{'' if count == 1 else 's'}"
        if value >= 1:
            count = int(value) if value == int(value) else value
            return f"{count:,} second{'' if count == 1 else 's'}"
        return f"{value * 1000:g} ms" if value >= 1e-3 else f"{value * 1e6:g} µs"
    if unit == "B":
        return Quantity(value, value, "B", "").display()
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def show_quantity(quantity: Quantity) -> str:
    """One spelling for every quantity option, so that no option stands out by its style."""
    if quantity.is_range:
        return f"{_amount(quantity.low, quantity.unit)} – {_amount(quantity.high, quantity.unit)}"
    return _amount(quantity.low, quantity.unit)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _flat(text: str) -> str:
    """A cell's bullet lines as one line: 'Lightweight CDN customization: Header rewrites; …'."""
    lines = [re.sub(r"^\s*[•*-]\s*", "", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    head, rest = lines[0], lines[1:]
    if rest:
        head = head if head.endswith(":") else head + ":"
        return prompts.tidy(f"{head} {'; '.join(rest)}")
    return prompts.tidy(head)


_SMALL = frozenset("a an the of and or to in on for with by as at from is are aws amazon".split())


def _words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in normalise(text).split() if w not in _SMALL)


def _near(a: str, b: str) -> bool:
    """One says no more than the other ('Java' / 'Java 11+'): not two different answers."""
    wa, wb = _words(a), _words(b)
    return not wa or not wb or wa <= wb or wb <= wa


def _alike(a: str, b: str) -> bool:
    """Of the same sort: both names ('Amazon S3') or both phrases, of comparable length."""
    la, lb = len(a.split()), len(b.split())
    return (
        _name_like(a) == _name_like(b)
        and (normalise(a) in _YES_NO) == (normalise(b) in _YES_NO)
        and max(la, lb) <= 3 * min(la, lb)
    )


def _strip_parens(text: str) -> str:
    return prompts.tidy(re.sub(r"\s*\([^()]*\)", "", text))


def _kind_of(text: str) -> str:
    found = find_quantities(text)
    return found[0].unit if found else "text"


def _rng(seed: int | str, key: str) -> random.Random:
    return random.Random(f"{seed}\x1f{key}")


def _deal(options: Iterable[str], *, seed: int | str, key: str) -> tuple[str, ...]:
    """The order a question's options are stored in, which a quiz with option shuffling off
    shows: a uniformly random permutation from the question's own stream, drawn over the
    options sorted. So the right answer's place depends on nothing but the seed and the
    question — not on where it was put before (first, as every path builds its options) nor on
    how many draws finding the distractors took."""
    dealt = sorted(options, key=lambda o: (normalise(o), o))
    _rng(seed, f"{key}\x1forder").shuffle(dealt)
    return tuple(dealt)


def _sources(sources: Iterable[dict]) -> tuple[dict, ...]:
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


# --------------------------------------------------------------------------------------------
# What the notes claim: (subject, attribute) -> value, the pool distractors come from


@dataclass(frozen=True)
class _Claim:
    subject: str  # a topic key, or "entity:<name key>" for a table entity without a topic
    family: frozenset[str]  # attribute stems without qualifiers
    qualifiers: frozenset[str]  # max/min/default/up
    value: str  # one line, as the notes word it
    group: tuple  # its siblings: (topic key, subheading) of a fact; None for a cell
    kind: str  # "text", or the base unit of the first quantity in it
    quantity: Quantity | None  # when the value is only a quantity
    usable: bool  # fit to be shown as an option


def _attribute(attribute: str) -> tuple[frozenset[str], frozenset[str]]:
    stems = attribute_stems(attribute)
    return stems - QUALIFIERS, stems & QUALIFIERS


def _same_attribute(a: _Claim, family: frozenset[str], qualifiers: frozenset[str]) -> bool:
    return (
        bool(family)
        and a.family == family
        and (a.qualifiers == qualifiers or not a.qualifiers or not qualifiers)
    )


def _claim(subject, attribute, value, group, *, disputed=False, topic="") -> _Claim:
    family, qualifiers = _attribute(attribute)
    value = _flat(value)
    # "Lambda@Edge: NodeJS/Python functions at …" describes the topic, not an attribute of it
    disputed = disputed or bool(topic and name_key(attribute) == name_key(topic))
    quantity = pure_quantity(value, allow=re.findall(r"[a-z]+", attribute.lower()))
    usable = (
        bool(value)
        and not disputed
        and "://" not in value
        and len(value) <= 120
        and len(value.split()) <= 16
    )
    return _Claim(subject, family, qualifiers, value, group, _kind_of(value), quantity, usable)


_ALIAS = re.compile(r"(?<![\w.#])([A-Za-z][\w.#]*)\s+\(([A-Za-z][\w.#]*)\)")


def _bare(word: str) -> str:
    """A word without its punctuation: 'Node.js' and 'nodejs' are one."""
    return re.sub(r"[\W_]", "", word.casefold())


class _Model:
    """The whole model, indexed for the generators."""

    def __init__(self, facts: Sequence[FactData], tables: Sequence[TableData], topics):
        self.facts = list(facts)
        self.tables = list(tables)
        self.topic_by_name: dict[str, str] = {}
        for topic in topics:
            for name in (topic.name, *topic.aliases):
                self.topic_by_name.setdefault(name_key(name), topic.key)
        self.claims: list[_Claim] = []
        self.by_family: dict[frozenset[str], list[_Claim]] = defaultdict(list)
        self.by_group: dict[tuple, list[_Claim]] = defaultdict(list)
        self.by_subject: dict[str, list[_Claim]] = defaultdict(list)
        self.quantities: dict[str, dict[str, Quantity]] = defaultdict(dict)
        # one word the notes give another name in brackets: 'Node.js (Javascript)'
        self.aliases: dict[str, set[str]] = defaultdict(set)
        for fact in self.facts:
            for line in (fact.text, *fact.items):
                for a, b in _ALIAS.findall(line):
                    a, b = _bare(a), _bare(b)
                    if a and b and a != b:
                        self.aliases[a].add(b)
                        self.aliases[b].add(a)
        for fact in self.facts:
            if fact.kind not in ("key_value", "definition") or _junk_fact(fact):
                continue
            attribute = fact.attribute or fact.subject
            group = (fact.topic_key, fact.subheading)
            self._add(
                _claim(
                    fact.topic_key,
                    attribute,
                    fact.value,
                    group,
                    disputed=fact.disputed,
                    topic=fact.topic,
                )
            )
        for table in self.tables:
            for row in table.rows:
                for entity, values in row.cells.items():
                    subject = self.subject_of(table, entity)
                    for value in values:
                        disputed = len(values) > 1
                        self._add(_claim(subject, row.name, value.value, None, disputed=disputed))

    def _add(self, claim: _Claim) -> None:
        self.claims.append(claim)
        if claim.family:
            self.by_family[claim.family].append(claim)
        if claim.group is not None:
            self.by_group[claim.group].append(claim)
        self.by_subject[claim.subject].append(claim)
        if not claim.usable:
            return
        for quantity in find_quantities(claim.value):
            # "1000s of requests" is not 1000 seconds; a bare count ("Java 11+", a date) is
            # only a count when it is the whole value.
            if re.search(rf"{re.escape(quantity.text)}\s+of\b", claim.value) or (
                quantity.unit == "" and claim.quantity is None
            ):
                continue
            self.quantities[quantity.unit].setdefault(quantity.key(), quantity)

    def subject_of(self, table: TableData, entity: str) -> str:
        return (
            table.entity_topics.get(entity)
            or self.topic_by_name.get(name_key(entity))
            or f"entity:{name_key(entity)}"
        )

    def table_topic(self, table: TableData, entities: Iterable[str]) -> str:
        """The topic a table question files under: its first entity that is a topic, else the
        topic named in its title or in the headings it was read from ("Provisional Mode vs
        On-Demand Mode", under "DynamoDB - Read/Write Capacity Modes")."""
        for entity in (*entities, *table.entities):
            subject = self.subject_of(table, entity)
            if not subject.startswith("entity:"):
                return subject
        headings = [
            s.get("heading", "")
            for row in table.rows
            for values in row.cells.values()
            for v in values
            for s in v.sources
        ]
        for text in (table.title, *dict.fromkeys(headings)):
            words = set(name_tokens(text.replace("›", " ").replace(" - ", " ")))
            named = [
                (len(name.split()), name, key)
                for name, key in self.topic_by_name.items()
                if name and set(name.split()) <= words
            ]
            if named:
                return max(named)[2]
        return ""

    def truths(self, subject: str, family, qualifiers) -> tuple[list[str], set[str]]:
        """What the notes say of this subject and attribute: (values, quantity keys)."""
        values, keys = [], set()
        for claim in self.by_subject.get(subject, ()):
            if _same_attribute(claim, family, qualifiers):
                values.append(claim.value)
                keys.update(q.key() for q in find_quantities(claim.value))
        return values, keys

    def distractors(
        self,
        *,
        subject: str,
        attribute: str,
        answer: str,
        group: tuple | None,
        rng: random.Random,
        want: int = MAX_DISTRACTORS,
    ) -> tuple[str, list[str]]:
        """(the answer as shown, up to `want` wrong values of the same kind) — see the module
        docstring for where they come from."""
        family, qualifiers = _attribute(attribute)
        truths, true_keys = self.truths(subject, family, qualifiers)
        quantity = pure_quantity(answer, allow=re.findall(r"[a-z]+", attribute.lower()))
        if quantity is not None:
            shown = show_quantity(quantity)
            return shown, self._quantity_distractors(quantity, true_keys, rng, want)
        if normalise(answer) in _YES_NO:
            # The one wrong answer to a yes/no question is the other one.
            return answer, ["No" if normalise(answer) in {"yes", "true"} else "Yes"][:want]
        kind = _kind_of(answer)
        siblings = self.by_group.get(group, []) if group is not None else []
        if sum(_name_like(c.value) == _name_like(answer) for c in siblings) * 3 < len(siblings) * 2:
            siblings = []  # a heading of mixed things: its values are no kin of this answer
        tiers: list[list[_Claim]] = [
            [c for c in self.by_family.get(family, ()) if c.subject != subject],
            siblings,
        ]
        taken = {identity(answer)} | {identity(t) for t in truths}
        # A short answer's words are the point: a wrong option sharing one ('automatic' in
        # 'Seamless & automatic') may well be true too.
        asked = _words(attribute)
        banned = set()
        if len(answer.split()) <= 4:
            banned = set().union(*(_words(t) for t in [answer, *truths])) - asked
        chosen: list[str] = []
        for tier in tiers:
            candidates = sorted({c.value for c in tier if c.usable and c.kind == kind})
            rng.shuffle(candidates)
            for value in candidates:
                if len(chosen) >= want:
                    break
                if (
                    identity(value) in taken
                    or len(value.split()) > MAX_OPTION_WORDS
                    or pure_quantity(value) is not None
                    or not _alike(value, answer)
                    or _near(value, answer)
                    or any(_near(value, other) for other in chosen)
                    or (_words(value) - asked) & banned
                    or (kind != "text" and {q.key() for q in find_quantities(value)} & true_keys)
                ):
                    continue
                chosen.append(value)
                taken.add(identity(value))
        return answer, chosen

    def _quantity_distractors(self, answer: Quantity, true_keys, rng, want) -> list[str]:
        def size(q: Quantity) -> float:
            return math.log(max((q.low + q.high) / 2, 1e-9))

        pool = [
            q
            for key, q in self.quantities.get(answer.unit, {}).items()
            if key != answer.key() and key not in true_keys and q.is_range == answer.is_range
        ]
        shown = {show_quantity(answer)}
        nearest: list[Quantity] = []
        for q in sorted(pool, key=lambda q: (abs(size(q) - size(answer)), q.key())):
            if show_quantity(q) not in shown:
                shown.add(show_quantity(q))
                nearest.append(q)
        nearest = nearest[: want + 1]  # the closest, and one more so the seed varies them
        picked = rng.sample(nearest, min(want, len(nearest)))
        return [show_quantity(q) for q in picked]


_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_GENERIC_TERMS = frozenset(
    {"problem", "solution", "default", "note", "example", "eg", "e g", "tip", "use case"}
)


def _generic(term: str) -> bool:
    return normalise(term) in _GENERIC_TERMS or name_key(term) in _GENERIC_TERMS


def _junk_fact(fact: FactData) -> bool:
    return bool(_DATE.search(fact.value)) or "://" in fact.value


# --------------------------------------------------------------------------------------------
# Questions from one fact


def _ask(fact: FactData) -> tuple[str, str, str] | None:
    """(context, question stem without '?', attribute) for a key–value fact or definition, or
    None when it cannot be asked fairly."""
    attribute = prompts.tidy(fact.attribute or fact.subject)
    value = _flat(fact.value)
    if (
        fact.disputed
        or not prompts.usable_attribute(attribute)
        or not value
        or _junk_fact(fact)
        or name_key(attribute) == name_key(fact.topic)  # "Lambda@Edge: …": a description
        or _generic(attribute)
    ):
        return None
    context = prompts.context(fact.topic, fact.subheading)
    stem_text = f"{context} — {prompts.lower_first(attribute)}"
    if prompts.repeats(stem_text, value):
        return None
    return context, stem_text, attribute


def _key(kind: str, *identity_parts: str) -> str:
    return stable_key("question", kind, *identity_parts)


def choice_from_fact(fact: FactData, model: _Model, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    _context_, stem_text, attribute = asked
    key = _key(spec.CHOICE, fact.key)
    rng = _rng(seed, key)
    answer, wrong = model.distractors(
        subject=fact.topic_key,
        attribute=attribute,
        answer=_flat(fact.value),
        group=(fact.topic_key, fact.subheading),
        rng=rng,
    )
    if len(wrong) < MIN_DISTRACTORS or len(answer.split()) > MAX_OPTION_WORDS:
        return None
    return spec.QuestionSpec(
        key=key,
        kind=spec.CHOICE,
        prompt=f"{stem_text}?",
        answers=(answer,),
        options=_deal([answer, *wrong], seed=seed, key=key),
        explanation=prompts.tidy(fact.text),
        sources=_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
    )


def truefalse_from_fact(fact: FactData, model: _Model, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    _context_, stem_text, attribute = asked
    key = _key(spec.TRUEFALSE, fact.key)
    rng = _rng(seed, key)
    answer, wrong = model.distractors(
        subject=fact.topic_key,
        attribute=attribute,
        answer=_flat(fact.value),
        group=(fact.topic_key, fact.subheading),
        rng=rng,
        want=1,
    )
    if not wrong:
        return None  # with nothing to swap in, it could only ever be true
    true = rng.random() < 0.5
    return spec.QuestionSpec(
        key=key,
        kind=spec.TRUEFALSE,
        prompt=f"True or false: {stem_text}: {answer if true else wrong[0]}",
        answers=("true" if true else "false",),
        explanation=prompts.tidy(fact.text),
        sources=_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
    )


_SHORT_SMALL = frozenset("and or of for the a as & to in".split())
_YES_NO = frozenset({"yes", "no", "true", "false"})


def _name_like(text: str) -> bool:
    """A name or term one can type from memory: 'us-east-1', 'Function as a Service',
    'Amazon S3' — not a phrase like 'Minimize latency'."""
    words = re.findall(r"[\w.@/+&-]+", text)
    significant = [w for w in words if w.lower() not in _SHORT_SMALL]
    return bool(significant) and all(
        w[0].isupper() or w[0].isdigit() or any(c.isupper() or c.isdigit() for c in w)
        for w in significant
    )


def _acronym_of(term: str, meaning: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", meaning) if w.lower() not in "a")
    return term.isupper() and len(term) >= 2 and initials.upper().startswith(term)


def short_from_fact(fact: FactData, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    context, stem_text, attribute = asked
    value = _flat(fact.value)
    bare = _strip_parens(value)
    if (
        not 1 <= len(bare.split()) <= 4
        or "," in value
        or re.search(r"\bor\b", value)  # two answers in one
        or find_quantities(value)
        or normalise(bare) in _YES_NO
        or not _name_like(bare)
    ):
        return None
    if fact.kind == "definition" and _acronym_of(attribute, bare):
        prompt = f"{context} — what does {attribute} stand for?"
    else:
        prompt = f"{stem_text}?"
    answers = tuple(
        dict.fromkeys(a for a in (value, bare, re.sub(r"^(?:the|an?) ", "", bare)) if a)
    )
    return spec.QuestionSpec(
        key=_key(spec.SHORT, fact.key),
        kind=spec.SHORT,
        prompt=prompt,
        answers=answers,
        explanation=prompts.tidy(fact.text),
        sources=_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
    )


_EXAMPLES = {"s": ("30 s", "2 min"), "B": ("64 KB", "3 GB")}
_SPARE_EXAMPLES = {"s": ("45 s", "3 h"), "B": ("96 KB", "6 GB")}


def numeric_from_fact(fact: FactData, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    _context_, stem_text, attribute = asked
    value = _flat(fact.value)
    quantity = pure_quantity(value, allow=re.findall(r"[a-z]+", attribute.lower()))
    if quantity is None or quantity.is_range:
        return None
    if quantity.unit:
        examples = _EXAMPLES[quantity.unit]
        # the hint must not be the answer
        if any(q.key() == quantity.key() for e in examples for q in find_quantities(e)):
            examples = _SPARE_EXAMPLES[quantity.unit]
        hint = f"(give a number with its unit, e.g. {examples[0]} or {examples[1]})"
    else:
        hint = "(give a number)"
    tolerance = abs(quantity.low) * APPROX_TOLERANCE if _APPROX.search(value) else 0.0
    return spec.QuestionSpec(
        key=_key(spec.NUMERIC, fact.key),
        kind=spec.NUMERIC,
        prompt=f"{stem_text}? {hint}",
        answers=(_number(quantity.low),),
        unit=quantity.unit,
        tolerance=tolerance,
        explanation=prompts.tidy(fact.text),
        sources=_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
    )


# --------------------------------------------------------------------------------------------
# Multiple select from lists


def _item(text: str) -> str | None:
    item = _strip_parens(_flat(text)).rstrip(":").strip()
    if (
        not item
        or normalise(item) in {"etc", ""}
        or ":" in item
        or len(item.split()) > 5
        or len(item) > 40
    ):
        return None
    return item


def _list_parts(value: str) -> list[str]:
    return [p for p in (_item(part) for part in re.split(r",\s*", _flat(value))) if p]


_CATEGORY_LAST = re.compile(r"(?:[a-z]{3,}[^s]s|services|types|categories)$", re.I)


def _multi_prompt(context: str, subject: str, subheading: str = "") -> str:
    """'Which of these are AWS serverless services?' when the list names a category; under a
    heading that does ('Services' › 'Messaging'), 'which of these are messaging services?'."""
    words = subject.split()
    if 2 <= len(words) <= 3 and _CATEGORY_LAST.search(words[-1]):
        return f"{context} — which of these are {prompts.lower_first(subject)}?"
    heading = subheading.split(" › ")[-1].strip()
    if (
        len(words) <= 2
        and re.fullmatch(r"[A-Za-z]+", heading)
        and _CATEGORY_LAST.search(heading)
        and not _CATEGORY_LAST.search(words[-1])
    ):
        return f"{context} — which of these are {prompts.lower_first(subject)} {heading.lower()}?"
    return f"{context} — {prompts.lower_first(subject)}: which of these?"


def _overlaps(a: Iterable[str], b: Iterable[str]) -> bool:
    wa = [_words(x) for x in a]
    return any(x & _words(y) for x in wa for y in b)


_OPEN = re.compile(r"(?:^|[\s,(])(?:etc\.?|…|\.\.\.)\s*\)?$", re.I)
# "Scalar Types - String, Number, Binary": a statement naming a kind and listing its members
_NAMED_LIST = re.compile(r"([A-Z][\w&/ ]{1,30}?)\s+[-–:]\s+([^()]+)")


def _open(parts: Iterable[str]) -> bool:
    """A list ending in 'etc.' or '…' says it is not all: its non-members cannot be told."""
    return any(_OPEN.search(p.strip()) or normalise(p) == "etc" for p in parts)


def _name_list(value: str) -> list[str] | None:
    """A value that is only a list of names ('AWS Lambda, Fargate'); None otherwise."""
    raw = [p.strip() for p in re.split(r",\s*", _flat(value))]
    parts = [_item(p) for p in raw]
    if len(raw) < 2 or _open(raw) or not all(parts) or not all(_name_like(p) for p in parts):
        return None
    return [p for p in parts if p]


class _Lists:
    """The lists of the notes, and what each list's non-members could be.

    A list is an enumeration; a key–value fact whose value is a list of names, under a heading
    of such lists ('Services': 'Compute: AWS Lambda, Fargate', 'Database: DynamoDB, Aurora
    Serverless', …); or one of two or more statements under one heading that each name a kind
    and list its members ('Scalar Types - String, Number, …', 'Document Types - List, Map').
    A list that says it is not all ('etc.') is never asked: anything might belong to it."""

    def __init__(self, model: _Model):
        self.model = model
        self.lists: list[tuple[FactData, list[str]]] = []  # the lists one may ask
        self.by_group: dict[tuple, list[tuple[FactData, list[str]]]] = defaultdict(list)
        self.from_statements: set[str] = set()  # keys of the lists read from statements
        named: dict[tuple, list[tuple[FactData, list[str]]]] = defaultdict(list)
        for fact in model.facts:
            if fact.disputed:
                continue
            group = (fact.topic_key, fact.subheading)
            if fact.kind == "enumeration":
                raw = [i for i in fact.items if normalise(i)]
                items = [_item(i) for i in raw]
                if len(items) >= 2 and all(items) and not _open(raw):
                    self._add(fact, [i for i in items if i])
            elif fact.kind in ("key_value", "definition") and not _junk_fact(fact):
                members = _name_list(fact.value)
                if members and fact.subject and self._heading_of_lists(fact):
                    self._add(fact, members)
            elif fact.kind == "statement":
                found = _NAMED_LIST.fullmatch(prompts.tidy(fact.text))
                members = _name_list(found.group(2)) if found else None
                if found and members:
                    head = prompts.tidy(found.group(1))
                    named[group].append((replace(fact, kind="enumeration", subject=head), members))
        for lists in named.values():
            if len(lists) >= 2:  # kinds of one thing, each against the others
                for fact, members in lists:
                    self.from_statements.add(fact.key)
                    self._add(fact, members)

    def _add(self, fact: FactData, members: list[str]) -> None:
        self.lists.append((fact, members))
        self.by_group[(fact.topic_key, fact.subheading)].append((fact, members))

    def _siblings(self, fact: FactData) -> list[FactData]:
        return [
            f
            for f in self.model.facts
            if f.topic_key == fact.topic_key
            and f.subheading == fact.subheading
            and f.key != fact.key
            and f.kind in ("key_value", "definition", "enumeration")
        ]

    def _heading_of_lists(self, fact: FactData) -> bool:
        """Siblings that mostly list names: a heading of categories ('Compute', 'Database')."""
        siblings = self._siblings(fact)
        named = [p for p in map(self._names, siblings) if p]
        return len(siblings) >= 2 and len(named) * 3 >= len(siblings) * 2

    @staticmethod
    def _names(fact: FactData) -> list[str] | None:
        if fact.kind == "enumeration":
            parts = [_item(i) for i in fact.items]
        else:
            parts = _list_parts(fact.value)
        ok = parts and all(parts) and all(_name_like(x) for x in parts if x)
        return [x for x in parts if x] if ok else None

    def non_members(self, fact: FactData, members: list[str]) -> list[str]:
        model = self.model
        candidates: list[str] = []
        # 1. Sibling lists under the same heading that list names of the same kind
        #    ("Serverless · services": Compute → AWS Lambda, Fargate; Database → DynamoDB, …;
        #    "Scalar Types" against "Document Types" and "Set Types").
        if self._heading_of_lists(fact):
            candidates += [x for f in self._siblings(fact) for x in self._names(f) or ()]
        if fact.key in self.from_statements:
            for other, items in self.by_group.get((fact.topic_key, fact.subheading), ()):
                if other.key != fact.key and other.key in self.from_statements:
                    candidates += items
        # 2. A category list of the topic ("AWS Serverless Services" in Serverless) against a
        #    two-entity comparison whose other entity is a member: "Amazon EC2 vs Lambda".
        if set(name_tokens(fact.topic)) <= set(name_tokens(fact.subject)):
            for table in model.tables:
                if len(table.entities) != 2:
                    continue
                inside = [e for e in table.entities if _member(e, members)]
                outside = [e for e in table.entities if not _overlaps([e], members)]
                if inside and outside:
                    candidates += outside
        # 3. Lists with the same name in other topics ("Use cases"); not a comparison table's
        #    cells, which set one entity against the others of that table, not this topic.
        family, _q = _attribute(fact.subject)
        if family:
            for other, items in self.lists:
                if other.topic_key != fact.topic_key and _attribute(other.subject)[0] == family:
                    candidates += items
            for claim in model.by_family.get(family, ()):
                if claim.subject != fact.topic_key and claim.usable and claim.group is not None:
                    candidates += _list_parts(claim.value)
        shape = _shape(members)
        return [
            c
            for c in dict.fromkeys(candidates)
            if _shape([c]) == shape and not self.said_member(c, fact)
        ]

    def said_member(self, candidate: str, fact: FactData) -> bool:
        """Whether the notes say elsewhere in the topic that it is one: a fact naming both it
        and the list's subject ('… includes managed databases, messaging' and 'AWS Lambda' in
        one line keeps Lambda out of 'messaging services', to be safe)."""
        mine = _words(candidate)
        subject = _words(fact.subject) - _GENERIC_LIST_WORDS
        if not mine or not subject:
            return False
        for other in self.model.facts:
            if other.topic_key != fact.topic_key or other.key == fact.key:
                continue
            # one line at a time: a list of services, one '(messaging)', says no more of the rest
            lines = [f"{other.subject} {i}" for i in other.items] or [
                f"{other.text} {other.subject} {other.value}"
            ]
            for line in lines:
                said = _words(line)
                if mine <= said and subject & said:
                    return True
        return False


# Words in a list's name that say nothing of what belongs to it ("AWS Serverless Services")
_GENERIC_LIST_WORDS = frozenset(
    stem(w) for w in "service services type types kind kinds category categories".split()
)


def _member(entity: str, members: list[str]) -> bool:
    words = set(name_tokens(entity))
    return any(words and words <= set(name_tokens(m)) for m in members)


def _shape(items: list[str]) -> str:
    """Names ('Step Functions', 'DynamoDB') or phrases ('order fulfillment'): a distractor of
    the other shape gives itself away."""
    names = sum(1 for i in items if i[:1].isupper() or i[:1].isdigit())
    return "name" if names * 2 >= len(items) else "phrase"


def multi_from_list(
    fact: FactData, members: list[str], lists: _Lists, *, seed, copies: Sequence[str] = ()
) -> spec.QuestionSpec | None:
    subject = prompts.tidy(fact.subject)
    if (
        not prompts.usable_attribute(subject)
        or name_key(subject) == name_key(fact.topic)
        or len(members) < 2
    ):
        return None
    everyone = [*members, *copies]
    wrong = [
        c
        for c in lists.non_members(fact, members)
        if not _overlaps([c], everyone) and identity(c) not in {identity(m) for m in everyone}
    ]
    if not wrong:
        return None
    key = _key(spec.MULTI, fact.key)
    rng = _rng(seed, key)
    shown = members if len(members) <= 4 else rng.sample(members, 4)
    room = max(1, min(MAX_DISTRACTORS, MULTI_MAX_OPTIONS - len(shown)))
    wrong = rng.sample(wrong, min(room, len(wrong)))
    options = [*shown, *wrong]
    if (
        len({identity(o) for o in options}) < len(options)
        or not MULTI_MIN_OPTIONS <= len(options) <= MULTI_MAX_OPTIONS
    ):
        return None
    options = _deal(options, seed=seed, key=key)
    # a kind a statement lists ('Scalar Types - …') is asked of the topic, not of the heading
    # that introduced the kinds ('Data types supported are')
    heading = "" if fact.key in lists.from_statements else fact.subheading
    context = prompts.context(fact.topic, heading)
    return spec.QuestionSpec(
        key=key,
        kind=spec.MULTI,
        prompt=_multi_prompt(context, subject, heading),
        answers=tuple(o for o in options if o in shown),
        options=options,
        explanation=prompts.tidy(fact.text) or f"{subject}: {', '.join(members)}",
        sources=_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
    )


# --------------------------------------------------------------------------------------------
# Matching terms to their meanings


def _term_pair(fact: FactData) -> tuple[str, str] | None:
    if fact.kind == "definition":
        term, meaning = prompts.tidy(fact.subject), _flat(fact.value)
    elif fact.kind == "key_value" and fact.subject and fact.subject == fact.attribute:
        term, meaning = prompts.tidy(fact.subject), _flat(fact.value)
        if find_quantities(meaning):
            return None
    else:
        return None
    if (
        fact.disputed
        or not term
        or not meaning
        or not prompts.usable_attribute(term)
        or _generic(term)
        or name_key(term) == name_key(fact.topic)
        or len(meaning.split()) > 15
        or "://" in meaning
        or prompts.repeats(meaning, term)  # the meaning names the term: nothing to match
        or prompts.repeats(term, meaning)
    ):
        return None
    return term, meaning


def _chunks(items: list, low: int, high: int) -> list[list]:
    """Split into as few balanced chunks of `low`–`high` as possible ([] if too few)."""
    if len(items) < low:
        return []
    count = math.ceil(len(items) / high)
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return [c for c in out if len(c) >= low]


def term_matchings(facts: Sequence[FactData], *, seed) -> list[spec.QuestionSpec]:
    """Terms to their meanings, per heading of a topic; a topic's headings too small to match
    on their own are matched together."""
    groups: dict[tuple[str, str], list[tuple[FactData, str, str]]] = {}
    topics: dict[str, str] = {}
    for fact in facts:
        pair = _term_pair(fact)
        if pair is None:
            continue
        topics.setdefault(fact.topic_key, fact.topic)
        group = groups.setdefault((fact.topic_key, fact.subheading), [])
        # one pair per term and per meaning: two equal meanings would make two answers right
        if any(_near(t, pair[0]) or identity(m) == identity(pair[1]) for _f, t, m in group):
            continue
        group.append((fact, *pair))
    batches: list[tuple[str, str, list]] = []
    leftovers: dict[str, list] = defaultdict(list)
    for (topic_key, subheading), pairs in groups.items():
        if len(pairs) >= MATCH_MIN:
            context = prompts.context(topics[topic_key], subheading)
            batches += [(topic_key, context, chunk) for chunk in _chunks(pairs, MATCH_MIN, 6)]
        else:
            for pair in pairs:
                taken = leftovers[topic_key]
                # "CUP" and "User Pools (CUP)" under two headings: one thing, one pair
                if not any(
                    _near(t, pair[1]) or identity(m) == identity(pair[2]) for _f, t, m in taken
                ):
                    taken.append(pair)
    for topic_key, pairs in leftovers.items():
        batches += [
            (topic_key, topics[topic_key], chunk) for chunk in _chunks(pairs, MATCH_MIN, MATCH_MAX)
        ]
    questions = []
    for topic_key, context, chunk in batches:
        key = _key(spec.MATCHING, "terms", topic_key, *sorted(f.key for f, _t, _m in chunk))
        rng = _rng(seed, key)
        meanings = [m for _f, _t, m in chunk]
        rng.shuffle(meanings)
        questions.append(
            spec.QuestionSpec(
                key=key,
                kind=spec.MATCHING,
                prompt=f"{context} — match each term to its meaning.",
                items=tuple(t for _f, t, _m in chunk),
                options=tuple(meanings),
                answers=tuple(m for _f, _t, m in chunk),
                explanation="; ".join(f"{t}: {m}" for _f, t, m in chunk),
                sources=_sources(s for f, _t, _m in chunk for s in f.sources),
                topic_key=topic_key,
                about_keys=tuple(sorted(f.key for f, _t, _m in chunk)),
            )
        )
    return questions


# --------------------------------------------------------------------------------------------
# Questions from comparison tables


_PREPOSITIONS = frozenset("through by via using with from to of for".split())


def _fit_row(table: TableData, row: RowData) -> bool:
    """Rows named by the words their cells share can be named badly; skip the telltale ones:
    a name repeating a word ('Requests responses Request Response'), a bare preposition
    ('Through'), or a row whose cells also fill another row (one bullet paired twice)."""
    name = row.name.strip()
    stems = [stem(t) for t in name_tokens(name)]
    if not stems or len(set(stems)) < len(stems) or normalise(name) in _PREPOSITIONS:
        return False
    for entity, values in row.cells.items():
        mine = {normalise(v.value) for v in values}
        for other in table.rows:
            if other is not row and mine & {
                normalise(v.value) for v in other.cells.get(entity, ())
            }:
                return False
    return True


def _flat_table(table: TableData) -> TableData:
    rows = tuple(
        RowData(
            name=row.name,
            cells={
                e: tuple(CellData(_flat(v.value), v.sources, v.corrected_by) for v in values)
                for e, values in row.cells.items()
            },
            attribute=row.attribute,
            cell_keys=row.cell_keys,
        )
        for row in table.rows
    )
    return TableData(table.key, table.title, table.entities, rows, table.entity_topics)


def _shown(value: str, attribute: str) -> str:
    quantity = pure_quantity(value, allow=re.findall(r"[a-z]+", attribute.lower()))
    return show_quantity(quantity) if quantity else value


def _row_id(row: RowData) -> str:
    return name_key(row.attribute or row.name)


def _cell_explanation(entity: str, row: RowData, values: Sequence[CellData]) -> str:
    who = next((v.corrected_by for v in values if v.corrected_by), "")
    by = f" (corrected by {who})" if who else ""
    return f"{entity} — {row.name}: {' / '.join(v.value for v in values)}{by}"


_YES = re.compile(r"✅|\byes\b|\bsupport(?:s|ed)?\b", re.I)
_NO = re.compile(r"❌|\bno\b|\bnot\b|n't\b|\bwithout\b", re.I)


def table_questions_for(
    table: TableData, model: _Model, *, seed
) -> list[tuple[spec.QuestionSpec, tuple | None]]:
    """Per fit row: a matching, a "which entity" choice, a yes/no multi, and per cell a choice
    and a true/false; each with what it asks (see `_about`) or None."""
    table = _flat_table(table)
    out: list[tuple[spec.QuestionSpec, tuple | None]] = []
    for row in table.rows:
        if not _fit_row(table, row):
            continue
        present = [e for e in table.entities if row.cells.get(e)]
        match = table_questions.match_question(table, row, seed=seed)
        if match is not None:
            out.append(
                (
                    spec.QuestionSpec(
                        key=_key(spec.MATCHING, table.key, _row_id(row)),
                        kind=spec.MATCHING,
                        prompt=f"{table.title} — {prompts.lower_first(row.name)}: "
                        "match each value to its entity.",
                        items=match.items,
                        options=match.options,
                        answers=match.answers,
                        explanation=match.explanation,
                        sources=_sources(match.sources),
                        topic_key=model.table_topic(table, present),
                        about_keys=_row_cell_keys(row, present),
                    ),
                    None,
                )
            )
        choice = table_questions.choice_question(table, row, seed=seed)
        if choice is not None and len(choice.options) >= 3:
            right = choice.answers[0]
            if len(row.cells[right]) == 1:  # a cell the notes disagree on is not asked
                key = _key(spec.CHOICE, "entity", table.key, _row_id(row))
                out.append(
                    (
                        spec.QuestionSpec(
                            key=key,
                            kind=spec.CHOICE,
                            prompt=f"Which of these has {prompts.lower_first(row.name)}: "
                            f"{_shown(row.cells[right][0].value, row.name)}?",
                            answers=choice.answers,
                            options=_deal(choice.options, seed=seed, key=key),
                            explanation=choice.explanation,
                            sources=_sources(choice.sources),
                            topic_key=model.table_topic(table, [right]),
                            cell_key=row.cell_keys.get(right, ""),
                        ),
                        None,
                    )
                )
        yes_no = _yes_no_multi(table, row, present, model, seed=seed)
        if yes_no is not None:
            out.append((yes_no, None))
        for entity in present:
            out += _cell_questions(table, row, entity, model, seed=seed)
    for entity in table.entities if len(table.entities) == 2 else ():
        true_of = _true_of_multi(table, entity, model, seed=seed)
        if true_of is not None:
            out.append((true_of, None))
    return out


_MARKS = re.compile(r"[✅❌⚠⚡]")
# "1000s of requests/sec" against "millions of requests per second": the more says the less
_MAGNITUDE = re.compile(r"\b(?:up to|scales? to|millions?|thousands?|\d+s of)\b|\d\+", re.I)


def _contrast_option(value: str, row: str) -> str | None:
    """A cell fit to be an option of 'which of these are true of …': one short line, no ✅/❌
    (a yes/no row is asked as one), its first letter capital so that no option stands out, and
    its row's name when it does not say what it is about ('Max memory: 2 MB', not '2 MB')."""
    if not content_stems(value) & content_stems(row):
        value = f"{row}: {value}"
    if (
        not value
        or _MARKS.search(value)
        or _MAGNITUDE.search(value)
        or "://" in value
        or len(value.split()) > MAX_OPTION_WORDS
        or len(value) > 80
    ):
        return None
    return value[:1].upper() + value[1:]


def _content(text: str, asked: frozenset[str]) -> frozenset[str]:
    return _words(text) - asked


def _share_meaning(model: _Model, a: str, b: str, asked: frozenset[str]) -> bool:
    """Whether two cells share a word beyond the row's own, or two words the notes say are one
    ('Written in nodejs and python' / '… written in javascript': Node.js is JavaScript)."""
    if _content(a, asked) & _content(b, asked):
        return True
    wa = {_bare(w) for w in a.split()} - {""}
    wb = {_bare(w) for w in b.split()} - {""}
    return any(model.aliases.get(w, set()) & wb for w in wa)


def _quantity_keys(text: str) -> set[tuple[str, float]]:
    """Every amount a text names, a range's ends included ('128 MB – 10 GB' names 10 GB)."""
    return {(q.unit, v) for q in find_quantities(text) for v in (q.low, q.high)}


def _said_of(model: _Model, table: TableData, entity: str, option: str, asked) -> bool:
    """Whether the notes say this of the entity anyway, outside the table: a line of its topic
    holding every word of it (not a line about another entity of the table, as the notes of
    the Lambda topic also list what EC2 is)."""
    topic = model.subject_of(table, entity)
    mine = _content(option, asked)
    others = [set(name_tokens(e)) for e in table.entities if e != entity]
    for fact in model.facts:
        if fact.topic_key != topic or not mine:
            continue
        about = set(name_tokens(f"{fact.subject} {fact.subheading}"))
        if any(o and o <= about for o in others):
            continue
        lines = [f"{fact.subject} {i}" for i in fact.items] or [f"{fact.text} {fact.value}"]
        if any(mine <= _words(line) for line in lines):
            return True
    return False


def _true_of_multi(table, entity, model, *, seed) -> spec.QuestionSpec | None:
    """'Provisional Mode vs On-Demand Mode — which of these are true of On-Demand Mode?': the
    entity's cells of two or three rows of a two-entity table, against the other's cells of
    the same rows (in a wider table the cells compare: 'Slower than CF Functions' is true of
    two of the three). No magnitudes that a bigger one includes ('1000s of requests/sec').
    A row counts only when its cells differ in every word but the row's own ('24 hours
    retention' / '1 year retention'; not 'Process using AWS Lambda Triggers …' / 'Process
    using AWS Lambda, Kinesis …', true of both) and share no quantity, and when the notes say
    the other entities' cells nowhere of this one."""
    key = _key(spec.MULTI, "true of", table.key, name_key(entity))
    rng = _rng(seed, key)
    contrasts: list[tuple[RowData, str, list[str]]] = []
    for row in table.rows:
        mine = row.cells.get(entity, ())
        others = [e for e in table.entities if e != entity and row.cells.get(e)]
        if (
            len(mine) != 1
            or not others
            or any(len(row.cells[e]) != 1 for e in others)
            or re.fullmatch(r"Point \d+", row.name.strip())
            or not prompts.usable_attribute(row.name.strip())
            or not _fit_row(table, row)
        ):
            continue
        right = _contrast_option(mine[0].value, row.name.strip())
        if right is None or any(_MAGNITUDE.search(row.cells[e][0].value) for e in others):
            continue
        asked = _words(row.name)
        wrong = []
        for other in others:
            option = _contrast_option(row.cells[other][0].value, row.name.strip())
            if (
                option is not None
                and identity(option) != identity(right)
                and not _near(option, right)
                and not _share_meaning(model, option, right, asked)
                and not _quantity_keys(option) & _quantity_keys(right)
                and not _said_of(model, table, entity, option, asked)
            ):
                wrong.append(option)
        if wrong:
            contrasts.append((row, right, wrong))
    rng.shuffle(contrasts)
    rows: list[RowData] = []
    options: list[str] = []
    answers: list[str] = []
    for row, right, wrong in contrasts:
        new = [right, *wrong]
        if len(options) + len(new) > MULTI_MAX_OPTIONS:
            continue
        # 'Millions of requests per second' and 'Sub-ms startup times, millions of
        # requests/second' say one thing twice: one row of the two
        if any(
            len(_words(n) & _words(o)) * 2 >= min(len(_words(n)), len(_words(o)))
            or identity(n) == identity(o)
            for n in new
            for o in options
        ):
            continue
        rows.append(row)
        options += new
        answers.append(right)
    if len(rows) < 2:
        return None
    # not always one right option per row: drop a few options, keeping one right and one wrong
    for option in rng.sample(options, len(options)):
        if len(options) <= MULTI_MIN_OPTIONS or rng.random() < 0.5:
            break
        rest = [o for o in options if o != option]
        if set(answers) & set(rest) and set(rest) - set(answers):
            options = rest
    if not MULTI_MIN_OPTIONS <= len(options) <= MULTI_MAX_OPTIONS:
        return None
    options = list(_deal(options, seed=seed, key=key))
    present = [e for e in table.entities if any(row.cells.get(e) for row in rows)]
    values = [v for row in rows for e in present for v in row.cells.get(e, ())]
    return spec.QuestionSpec(
        key=key,
        kind=spec.MULTI,
        prompt=f"{table.title} — which of these are true of {entity}?",
        answers=tuple(o for o in options if o in answers),
        options=tuple(options),
        explanation="; ".join(
            _cell_explanation(e, row, row.cells[e])
            for row in rows
            for e in present
            if row.cells.get(e)
        ),
        sources=_sources(s for v in values for s in v.sources),
        topic_key=model.table_topic(table, [entity]),
        about_keys=tuple(k for row in rows for k in _row_cell_keys(row, present)),
    )


def _yes_no_multi(table, row, present, model, *, seed) -> spec.QuestionSpec | None:
    """'Which of these have file system access?' from a row of ✅ and ❌ over 4–6 entities."""
    if not MULTI_MIN_OPTIONS <= len(present) <= MULTI_MAX_OPTIONS or any(
        len(row.cells[e]) != 1 for e in present
    ):
        return None
    verdicts = {}
    for entity in present:
        value = row.cells[entity][0].value
        if _NO.search(value):  # "❌ Not supported" says "supported" too
            verdicts[entity] = False
        elif _YES.search(value):
            verdicts[entity] = True
        else:
            return None  # "⚠️ Limited": neither, so the row is no yes/no question
    if all(verdicts.values()) or not any(verdicts.values()):
        return None
    key = _key(spec.MULTI, table.key, _row_id(row))
    options = _deal(present, seed=seed, key=key)
    values = [v for e in present for v in row.cells[e]]
    return spec.QuestionSpec(
        key=key,
        kind=spec.MULTI,
        prompt=f"{table.title} — which of these have {prompts.lower_first(row.name)}?",
        answers=tuple(e for e in options if verdicts[e]),
        options=options,
        explanation="; ".join(_cell_explanation(e, row, row.cells[e]) for e in present),
        sources=_sources(s for v in values for s in v.sources),
        topic_key=model.table_topic(table, present),
        about_keys=_row_cell_keys(row, present),
    )


def _row_cell_keys(row, entities) -> tuple[str, ...]:
    return tuple(row.cell_keys[e] for e in entities if row.cell_keys.get(e))


def _cell_questions(table, row, entity, model, *, seed) -> list[tuple[spec.QuestionSpec, tuple]]:
    values = row.cells[entity]
    name = row.name.strip()
    if (
        len(values) != 1
        or re.fullmatch(r"Point \d+", name)
        or len(re.sub(r"\W", "", name)) < 4
        or not prompts.usable_attribute(name)
    ):
        return []
    value = values[0].value
    stem_text = f"{entity} — {prompts.lower_first(name)}"
    if not value or prompts.repeats(stem_text, value) or len(value.split()) > 16:
        return []
    subject = model.subject_of(table, entity)
    common = {
        "explanation": _cell_explanation(entity, row, values),
        "sources": _sources(values[0].sources),
        "topic_key": model.table_topic(table, [entity]),
        "cell_key": row.cell_keys.get(entity, ""),
    }
    identity_parts = (table.key, _row_id(row), name_key(entity))
    out = []
    key = _key(spec.CHOICE, *identity_parts)
    rng = _rng(seed, key)
    answer, wrong = model.distractors(
        subject=subject, attribute=name, answer=value, group=None, rng=rng
    )
    if len(wrong) >= MIN_DISTRACTORS and len(answer.split()) <= MAX_OPTION_WORDS:
        question = spec.QuestionSpec(
            key=key,
            kind=spec.CHOICE,
            prompt=f"{stem_text}?",
            answers=(answer,),
            options=_deal([answer, *wrong], seed=seed, key=key),
            **common,
        )
        out.append((question, _about(spec.CHOICE, subject, name, value)))
    key = _key(spec.TRUEFALSE, *identity_parts)
    rng = _rng(seed, key)
    answer, wrong = model.distractors(
        subject=subject, attribute=name, answer=value, group=None, rng=rng, want=1
    )
    if wrong:
        true = rng.random() < 0.5
        question = spec.QuestionSpec(
            key=key,
            kind=spec.TRUEFALSE,
            prompt=f"True or false: {stem_text}: {answer if true else wrong[0]}",
            answers=("true" if true else "false",),
            **common,
        )
        out.append((question, _about(spec.TRUEFALSE, subject, name, value)))
    return out


# --------------------------------------------------------------------------------------------
# The bank


def _about(kind: str, subject: str, attribute: str, value: str) -> tuple:
    """What a question asks, whatever its wording: one question per kind, subject, attribute
    and answer (a fact and the table cell repeating it; one cell in two tables)."""
    family, _qualifiers = _attribute(attribute)
    quantity = pure_quantity(_flat(value), allow=re.findall(r"[a-z]+", attribute.lower()))
    said = f"q:{quantity.key()}" if quantity else normalise(_flat(value))
    return (kind, subject, family or normalise(attribute), said)


def _list_clusters(lists: _Lists) -> list[tuple[FactData, list[str], list[str]]]:
    """Lists saying the same thing in several notes, asked once: (the list to ask, its members,
    the members of all its copies). The copy named like a category is asked ('AWS Serverless
    Services' rather than 'serverless in aws')."""
    clusters: list[list[tuple[FactData, list[str]]]] = []

    def kinds(a: FactData, b: FactData) -> bool:  # 'Set Types' and 'Scalar Types': two kinds
        return a.key in lists.from_statements and b.key in lists.from_statements

    for fact, members in lists.lists:
        for cluster in clusters:
            if any(_same_list(members, other) and not kinds(fact, f) for f, other in cluster):
                cluster.append((fact, members))
                break
        else:
            clusters.append([(fact, members)])
    out = []
    for cluster in clusters:
        named = [
            (f, m)
            for f, m in cluster
            if _multi_prompt("", prompts.tidy(f.subject)).startswith(" — which of these are")
        ]
        fact, members = (named or cluster)[0]
        out.append((fact, members, [m for _f, ms in cluster for m in ms]))
    return out


def _same_list(a: list[str], b: list[str]) -> bool:
    """Mostly the same items (not one list inside a longer one: 'Messaging' is three of the
    ten serverless services, and a question of its own)."""
    shared = sum(1 for x in a if any(_words(x) & _words(y) for y in b))
    return shared >= 2 and shared * 2 >= len(a) + len(b) - shared


def generate(
    facts: Sequence[FactData],
    tables: Sequence[TableData] = (),
    topics: Sequence[TopicData] = (),
    *,
    seed: int | str = 0,
) -> list[spec.QuestionSpec]:
    """Every question the model gives: per fact (in the order given) its choice, true/false,
    short and numeric questions; lists; term matchings; then the tables. One question per key,
    and one per kind and thing asked."""
    model = _Model(facts, tables, topics)
    lists = _Lists(model)
    found: list[tuple[spec.QuestionSpec | None, tuple | None]] = []
    for fact in model.facts:
        if fact.kind not in ("key_value", "definition"):
            continue
        attribute = fact.attribute or fact.subject
        for kind, question in (
            (spec.CHOICE, choice_from_fact(fact, model, seed=seed)),
            (spec.TRUEFALSE, truefalse_from_fact(fact, model, seed=seed)),
            (spec.SHORT, short_from_fact(fact, seed=seed)),
            (spec.NUMERIC, numeric_from_fact(fact, seed=seed)),
        ):
            found.append((question, _about(kind, fact.topic_key, attribute, fact.value)))
    for fact, members, copies in _list_clusters(lists):
        found.append((multi_from_list(fact, members, lists, seed=seed, copies=copies), None))
    found += [(q, None) for q in term_matchings(model.facts, seed=seed)]
    for table in model.tables:
        found += table_questions_for(table, model, seed=seed)
    out: list[spec.QuestionSpec] = []
    seen: set = set()
    for question, about in found:
        if question is None:
            continue
        said = (question.kind, question.topic_key, normalise(question.prompt), question.items)
        if question.key in seen or said in seen or (about is not None and about in seen):
            continue
        seen.update((question.key, said, about))
        out.append(question)
    return out
