"""What the notes claim, (subject, attribute) -> value: the model indexed for the generators, and
the pool wrong options come from (see the package docstring for the order)."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import random
import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NamedTuple

from studyapp.text import lexicon, prompts
from studyapp.text.answers import bare_word, content_words, normalise, said_alike
from studyapp.text.names import name_key, name_tokens
from studyapp.text.quantities import Quantity, find_quantities

from .inputs import FactData, TableData
from .values import (
    MAX_DISTRACTORS,
    MAX_OPTION_WORDS,
    alike,
    attribute_parts,
    counted_noun,
    flat,
    four_digits,
    identity,
    junk_fact,
    kind_of,
    name_like,
    near,
    noun_key,
    overlapping,
    pure_quantity,
    shares_part,
    show_quantity,
    strip_parens,
    word_stems,
    year_like,
    year_range,
)


@dataclass(frozen=True)
class Claim:
    subject: str  # a topic key, or "entity:<name key>" for a table entity without a topic
    family: frozenset[str]  # attribute stems without qualifiers
    qualifiers: frozenset[str]  # max/min/default/up
    value: str  # one line, as the notes word it
    group: tuple  # its siblings: (topic key, subheading) of a fact; None for a cell
    kind: str  # "text", or the base unit of the first quantity in it
    quantity: Quantity | None  # when the value is only a quantity
    usable: bool  # fit to be shown as an option
    notes: frozenset[str] = frozenset()  # the notes it is read from (their slugs)


class Giver(NamedTuple):
    subject: str
    notes: frozenset[str]  # of the claim that gives the value


FEW_ROOTS = 3  # a note whose topics have more top-level topics is about many things


class Place(NamedTuple):
    notes: frozenset[str]  # the notes a thing is read from
    roots: frozenset[str]  # the top-level topics it is under


class Draw(NamedTuple):
    answer: str  # as options show it
    wrong: list[str]  # the distractors found, at most `want`
    same_attribute: int  # how many of them are the same attribute of another subject


class _Ask:
    """One thing asked, as `Model.distractors` reads it: where the asked thing is, what the
    notes say of it, the tiers of candidates, and each candidate's verdict on the tests that
    depend only on it and the thing asked (cheapest and most often failed first: in a large
    corpus most values drawn for a short answer share one of its words)."""

    def __init__(
        self,
        model: Model,
        subject: str,
        attribute: str,
        answer: str,
        group: tuple | None,
        notes: frozenset[str],
    ):
        # weakly: the model keeps its asks (`Model._ask`), and a cycle would keep the whole
        # model (tens of thousands of claims) alive until a full collection
        self._model = weakref.ref(model)
        self.subject = subject
        self.answer = answer
        family, qualifiers = attribute_parts(attribute)
        self.family = family
        here = Place(notes or frozenset(model._notes_of.get(subject, ())), model.roots_of(subject))
        self.here = here
        truths, true_keys = model.truths(subject, family, qualifiers)
        self.truths = truths
        self.true_keys = true_keys
        self.many_truths = len({identity(t) for t in truths}) > MAX_TRUTHS
        self.quantity: tuple[Quantity, str, str] | None = None
        self.yes_no: str | None = None
        self.tiers: list[list[str]] = []
        self.verdicts: dict[tuple[int, str], bool] = {}
        if self.many_truths:
            return
        quantity = pure_quantity(answer, allow=re.findall(r"[a-z]+", attribute.lower()))
        if quantity is not None:
            noun = counted_noun(flat(answer), quantity)
            shown = f"{show_quantity(quantity)} {noun}" if noun else show_quantity(quantity)
            self.quantity = (quantity, shown, quantity.unit or noun_key(noun))
            return
        if normalise(answer) in lexicon.YES_NO:
            self.yes_no = "No" if normalise(answer) in {"yes", "true"} else "Yes"
            return
        self.kind = kind = kind_of(answer)
        # Tier 0: the attribute's values other subjects give (a value only this subject gives
        # is skipped as it is drawn); tier 1: the siblings under the heading.
        self.own = model.own_first(family, kind, here)  # tier 0's values from its own notes
        self.tiers = [
            model._family_values(family, kind, here),
            model._sibling_values(
                group, kind, name_like(answer), here.notes, fields=model.is_field(family)
            ),
        ]
        self.taken = frozenset({identity(answer)} | {identity(t) for t in truths})
        # A short answer's words are the point: a wrong option sharing one ('automatic' in
        # 'Seamless & automatic') may well be true too.
        self.asked = word_stems(attribute)
        self.banned: set[str] = set()
        if len(answer.split()) <= 4:
            self.banned = set().union(*(word_stems(t) for t in [answer, *truths])) - self.asked

    def fits(self, index: int, value: str) -> bool:
        """Whether a value drawn from tier `index` passes the tests that depend on nothing but
        it and the thing asked; decided once per value."""
        key = (index, value)
        verdict = self.verdicts.get(key)
        if verdict is None:
            verdict = self.verdicts[key] = not self._refused(index, value)
        return verdict

    def _refused(self, index: int, value: str) -> bool:
        model, answer, asked = self._model(), self.answer, self.asked
        assert model is not None  # an ask lives only as long as the model that keeps it
        return bool(
            (
                index == 0
                and not model._given_near(self.family, self.kind, value, self.subject, self.here)
            )
            or identity(value) in self.taken
            or (word_stems(value) - asked) & self.banned
            # only the asked label's words ('TSH (thyroid stimulating hormone)?' offered
            # 'Thyroid stimulating hormone'): no answer of any kind
            or not word_stems(value) - asked
            or len(value.split()) > MAX_OPTION_WORDS
            or pure_quantity(value) is not None
            or not alike(value, answer)
            or near(value, answer)
            # 'Court of Appeal (Civil Division)' against 'High Court or Court of Appeal':
            # without its aside it says no more than the answer, so is right too
            or (value != (core := strip_parens(value)) and near(core, answer))
            or overlapping(value, answer)
            or said_alike(value, answer)  # 'bound to an ENI' against 'linked to an ENI'
            # 'asymmetric, unilateral, sciatica' against 'sciatica, shooting leg pain': an
            # option holding one of the answer's listed parts is partly right
            or shares_part(value, answer)
            # a synonym, a superset or a subset of what the notes say of the subject
            or any(near(value, truth) for truth in self.truths)
            or (self.kind != "text" and {q.key() for q in find_quantities(value)} & self.true_keys)
            # 'Crown Court — appeals go to?' offered 'Crown Court': itself
            or model.topic_by_name.get(name_key(value)) == self.subject
        )


def _same_attribute(a: Claim, family: frozenset[str], qualifiers: frozenset[str]) -> bool:
    return (
        bool(family)
        and a.family == family
        and (a.qualifiers == qualifiers or not a.qualifiers or not qualifiers)
    )


def notes_of(sources: Iterable[dict]) -> frozenset[str]:
    """The notes (slugs) a fact's or a cell's sources are read from."""
    return frozenset(s["note"] for s in sources if s.get("note"))


_QUOTED = re.compile(r"[\"“”'‘’].*[\"“”'‘’]")


@functools.lru_cache(maxsize=1 << 17)  # pure (a Claim is frozen); every value, every run
def _claim(
    subject, attribute, value, group, *, disputed=False, topic="", notes=frozenset()
) -> Claim:
    family, qualifiers = attribute_parts(attribute)
    value = flat(value)
    # "Lambda@Edge: NodeJS/Python functions at …" describes the topic, not an attribute of it
    disputed = disputed or bool(topic and name_key(attribute) == name_key(topic))
    quantity = pure_quantity(value, allow=re.findall(r"[a-z]+", attribute.lower()))
    usable = (
        bool(value)
        and not disputed
        and "://" not in value
        # '"lazy eye"': a quoted nickname or saying, not a value of the attribute
        and not _QUOTED.fullmatch(value)
        and len(value) <= 120
        and len(value.split()) <= 16
    )
    return Claim(subject, family, qualifiers, value, group, kind_of(value), quantity, usable, notes)


# How many quantities a true/false refuses as not near enough to state before it gives up
# (`Model.stateable`; text values are bounded by MAX_SCANNED).
SWAPS_LOOKED_AT = 12
# How many candidate values one tier may try before it gives up: enough for any real heading,
# and a bound on the work when a large corpus has thousands of values of one attribute.
MAX_SCANNED = 200
# More distinct values than this for one subject's attribute: the notes disagree, or the
# attribute is too loose to ask ("use case" with ten answers).
MAX_TRUTHS = 6
# An attribute this many subjects state is a field of the notes ('Symptoms', 'Treatment',
# 'Cause'): a sibling line of another field under the same heading is another type of thing
# ('Path: part of a syndrome' among symptoms), not a wrong symptom. As merge's FIELD_PARENTS.
FIELD_SUBJECTS = 5
# A text value this many subjects give one attribute is common to it ('Treatment: surgery',
# 'Diagnosis: clinical', 'Tenancy: shared'): likely true of the asked subject too, so never a
# wrong option; its rarer values still are.
COMMON_GIVERS = 3


def _drawn(values: list[str], rng: random.Random) -> Iterator[str]:
    """The values in a random order, one at a time: a Fisher–Yates shuffle done only as far as
    it is read, so a question that needs three options does not shuffle thousands."""
    # The swaps are kept aside (position -> value now there), not made in a copy of the list.
    size = len(values)
    moved: dict[int, str] = {}
    for i in range(size):
        j = rng.randrange(i, size)
        picked = moved.get(j, values[j])
        moved[j] = moved.get(i, values[i])
        yield picked


def _counted(quantity: str, value: str) -> bool:
    """Whether the value counts things with the quantity ('1000s of requests')."""
    at = value.find(quantity)
    while at >= 0:
        rest = value[at + len(quantity) :]
        if _OF.match(rest):
            return True
        at = value.find(quantity, at + 1)
    return False


_OF = re.compile(r"\s+of\b")


def _specific_folders(folder_of: Mapping[str, str]) -> frozenset[str]:
    """The folders that hold at most half of the notes (counting those in their subfolders): a
    folder holding most of them (the notes' own top folder) tells nothing of a subject."""
    counts: dict[str, int] = defaultdict(int)
    for folder in folder_of.values():
        path = PurePosixPath(folder)
        for ancestor in (path, *path.parents):
            counts[str(ancestor)] += 1
    return frozenset(f for f, n in counts.items() if n * 2 <= len(folder_of))


def _common_folder(a: str, b: str) -> str:
    shared = []
    for x, y in zip(PurePosixPath(a).parts, PurePosixPath(b).parts, strict=False):
        if x != y:
            break
        shared.append(x)
    return str(PurePosixPath(*shared)) if shared else "."


STATED_APART = math.log(1.25)  # a quantity stated falsely differs by a quarter or more


def ends_apart(one: Quantity, other: Quantity) -> float:
    """How far apart two quantities lie in log size at the end where they differ most ('128 MB –
    10 GB' and '512 MB – 10 GB' at their low ends)."""

    def gap(a: float, b: float) -> float:
        return abs(math.log(max(a, 1e-9)) - math.log(max(b, 1e-9)))

    return max(gap(one.low, other.low), gap(one.high, other.high))


def _size(q: Quantity) -> float:
    return math.log(max((q.low + q.high) / 2, 1e-9))


_ALIAS = re.compile(r"(?<![\w.#])([A-Za-z][\w.#]*)\s+\(([A-Za-z][\w.#]*)\)")


@functools.lru_cache(maxsize=1 << 17)  # pure; every line of the model, every run
def _aliases_in(line: str) -> tuple[tuple[str, str], ...]:
    """The words a line gives another name in brackets ('Node.js (Javascript)'), bare."""
    out = []
    for a, b in _ALIAS.findall(line):
        a, b = bare_word(a), bare_word(b)
        if a and b and a != b:
            out.append((a, b))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 17)  # pure; every value of the model, every run
def _label_keys(value: str) -> tuple[str, ...]:
    """The name keys of a value's parts split at commas and semicolons (`Model.sublabels`)."""
    return tuple(name_key(p) for p in re.split(r"\s*[,;]\s*", flat(value)) if p)


@functools.lru_cache(maxsize=1 << 17)  # pure; every usable value of the model, every run
def _pooled(value: str, whole: bool) -> tuple[tuple[str, str, Quantity, str], ...]:
    """The quantities a value offers as wrong options, each with its pool (the unit, or a
    count's `noun_key`), its key and a count's noun as written. `whole`: the value is nothing
    but a quantity."""
    out = []
    for quantity in find_quantities(value):
        # "1000s of requests" is not 1000 seconds; a bare count ("Java 11+", a date) is only a
        # count when it is the whole value.
        if (quantity.unit == "" and not whole) or _counted(quantity.text, value):
            continue
        noun = counted_noun(value, quantity) if quantity.unit == "" else ""
        out.append((quantity.unit or noun_key(noun), quantity.key(), quantity, noun))
    return tuple(out)


class Model:
    """The whole model, indexed for the generators."""

    def __init__(
        self,
        facts: Sequence[FactData],
        tables: Sequence[TableData],
        topics,
        folders: Mapping[str, str] | None = None,
    ):
        self.facts = list(facts)
        self.tables = list(tables)
        self.topic_by_name: dict[str, str] = {}
        # Each topic's top-level topic, and the folder each note sits in (note slug -> folder):
        # what tells a subject's area, so that another subject's value offered as a wrong option
        # comes from its own area ('Tort law' offered for meiosis is absurd). See `_near`.
        self.root_of: dict[str, str] = {t.key: t.root for t in topics if t.root}
        self.folder_of: dict[str, str] = dict(folders or {})
        self._specific = _specific_folders(self.folder_of)
        self._notes_of: dict[str, set[str]] = defaultdict(set)  # subject -> notes it is read from
        self._note_roots: dict[str, set[str]] = defaultdict(set)  # note -> roots of its topics
        self._near_notes: dict[tuple[frozenset[str], frozenset[str]], bool] = {}
        self._places_index: dict[tuple[frozenset[str], str], dict[str, set[str]]] = {}
        self._placeless: dict[tuple[frozenset[str], str], set[str]] = {}
        for topic in topics:
            for name in (topic.name, *topic.aliases):
                self.topic_by_name.setdefault(name_key(name), topic.key)
        self.claims: list[Claim] = []
        self.by_family: dict[frozenset[str], list[Claim]] = defaultdict(list)
        self.by_group: dict[tuple, list[Claim]] = defaultdict(list)
        self.by_subject: dict[str, list[Claim]] = defaultdict(list)
        # unit (or a count's noun_key) -> quantity key -> quantity; a count's noun as written
        self.quantities: dict[str, dict[str, Quantity]] = defaultdict(dict)
        self._nouns: dict[tuple[str, str], str] = {}
        self.facts_by_topic: dict[str, list[FactData]] = defaultdict(list)
        fact_notes = [notes_of(fact.sources) for fact in self.facts]  # read once per fact
        for fact, notes in zip(self.facts, fact_notes, strict=True):
            self.facts_by_topic[fact.topic_key].append(fact)
            for note in notes:
                self._notes_of[fact.topic_key].add(note)
                if fact.topic_key in self.root_of:
                    self._note_roots[note].add(self.root_of[fact.topic_key])
        self._lines: dict[str, list[frozenset[str]]] = {}
        self._siblings_index: dict[tuple, list[str]] = {}
        # value -> who gives it, and from which notes: (subject, notes) pairs
        self._givers: dict[tuple[frozenset[str], str, str], frozenset[Giver]] = {}
        self._giver_places: dict[Giver, Place] = {}
        self._siblings_near: dict[tuple, list[str]] = {}
        self._fields: dict[frozenset[str], bool] = {}
        self._untold: dict[str, dict[str, int]] = {}
        self._labels: dict[str, frozenset[str]] = {}
        self._line_texts: dict[tuple, str] | None = None
        self._sizes: dict[str, list[tuple[float, str, Quantity]]] = {}
        self._looks: dict[str, list[tuple[bool, bool, bool, str]]] = {}
        self._truths: dict[tuple, tuple[list[str], set[str]]] = {}
        self._names_by_word: dict[str, list[str]] | None = None
        self._table_topics: dict[str, str] = {}
        self._value_places: dict[str, list[tuple[frozenset[str], str, bool]]] | None = None
        self._own_roots_of: dict[tuple[str, frozenset[str]], frozenset[str] | None] = {}
        self._asks: dict[tuple, _Ask] = {}
        self._subject_families: dict[str, dict[frozenset[str], list[Claim]]] = {}
        # (values near a place, how many of them its own notes give): see `_values_near`
        self._near_values: dict[tuple[frozenset[str], str, Place], tuple[list[str], int]] = {}
        # one word the notes give another name in brackets: 'Node.js (Javascript)'
        self.aliases: dict[str, set[str]] = defaultdict(set)
        for fact in self.facts:
            for line in (fact.text, *fact.items):
                for a, b in _aliases_in(line):
                    self.aliases[a].add(b)
                    self.aliases[b].add(a)
        for fact, notes in zip(self.facts, fact_notes, strict=True):
            if fact.kind not in ("key_value", "definition") or junk_fact(fact):
                continue
            attribute = fact.attribute or fact.subject
            group = (fact.topic_key, fact.subheading)
            self._add(
                _claim(
                    fact.topic_key,
                    attribute,
                    fact.value,
                    group,
                    disputed=fact.disputed or self.sublabels(fact.topic_key, fact.value),
                    topic=fact.topic,
                    notes=notes,
                )
            )
        for table in self.tables:
            for row in table.rows:
                for entity, values in row.cells.items():
                    subject = self.subject_of(table, entity)
                    for value in values:
                        disputed = len(values) > 1 or self.sublabels(subject, value.value)
                        claim = _claim(
                            subject,
                            row.name,
                            value.value,
                            None,
                            disputed=disputed,
                            notes=notes_of(value.sources),
                        )
                        self._add(claim)

    def line_text(self, fact: FactData) -> str:
        """The longest text any fact read from one of this fact's lines has: the line as the
        notes wrote it, near enough ('WHO: World Health Organization' is read off 'The World
        Health Organization (WHO) defines osteoporosis as …'). Indexed once, by (note, line)."""
        if self._line_texts is None:
            self._line_texts = {}
            for other in self.facts:
                for source in other.sources:
                    at = (source.get("note"), source.get("line"))
                    if len(other.text) > len(self._line_texts.get(at, "")):
                        self._line_texts[at] = other.text
        found = [self._line_texts.get((s.get("note"), s.get("line")), "") for s in fact.sources]
        return max(found, key=len, default="") or fact.text

    def sublabels(self, subject: str, value: str) -> bool:
        """Whether a value only lists the labels of its subject's own lines ('Treatment: lung,
        pancreas' read from a bullet whose sub-bullets are 'lung: …' and 'pancreas: …'): the
        headings of what the notes say, not what they say, so never an answer nor an option."""
        parts = _label_keys(value)
        if len(parts) < 2:
            return False
        if subject not in self._labels:
            self._labels[subject] = frozenset(
                name_key(f.attribute or f.subject)
                for f in self.facts_by_topic.get(subject, ())
                if f.kind in ("key_value", "definition") and (f.attribute or f.subject)
            )
        labels = self._labels[subject]
        return bool(labels) and all(p in labels for p in parts)

    def _add(self, claim: Claim) -> None:
        self.claims.append(claim)
        if claim.family:
            self.by_family[claim.family].append(claim)
        if claim.group is not None:
            self.by_group[claim.group].append(claim)
        self.by_subject[claim.subject].append(claim)
        self._notes_of[claim.subject].update(claim.notes)
        if not claim.usable:
            return
        for pool, key, quantity, noun in _pooled(claim.value, claim.quantity is not None):
            self.quantities[pool].setdefault(key, quantity)
            self._nouns.setdefault((pool, key), noun)

    def lines_of(self, subject: str) -> list[frozenset[str]]:
        """The content words of every line the notes say of a subject: its topic's facts and
        every value claimed of it (`answers.content_words`), read once per subject."""
        if subject not in self._lines:
            texts = [c.value for c in self.by_subject.get(subject, ())]
            for fact in self.facts_by_topic.get(subject, ()):
                texts += [fact.text, fact.value, *fact.items]
            self._lines[subject] = [w for w in map(content_words, texts) if w]
        return self._lines[subject]

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
        if table.key not in self._table_topics:  # the same for every cell of the table
            self._table_topics[table.key] = self._named_in_headings(table)
        return self._table_topics[table.key]

    def _named_in_headings(self, table: TableData) -> str:
        headings = [
            s.get("heading", "")
            for row in table.rows
            for values in row.cells.values()
            for v in values
            for s in v.sources
        ]
        for text in (table.title, *dict.fromkeys(headings)):
            words = set(name_tokens(text.replace("›", " ").replace(" - ", " ")))
            # Only names sharing a word with the text can be in it: looked up by word, not by
            # testing every topic's name against every table.
            candidates = {n for w in words for n in self._names_with(w)}
            named = [
                (len(name.split()), name, self.topic_by_name[name])
                for name in candidates
                if set(name.split()) <= words
            ]
            if named:
                return max(named)[2]
        return ""

    def _names_with(self, word: str) -> list[str]:
        if self._names_by_word is None:
            self._names_by_word = defaultdict(list)
            for name in self.topic_by_name:
                for w in set(name.split()):
                    self._names_by_word[w].append(name)
        return self._names_by_word.get(word, [])

    def truths(self, subject: str, family, qualifiers) -> tuple[list[str], set[str]]:
        """What the notes say of this subject and attribute: (values, quantity keys), each
        value once; worked out once per subject and attribute."""
        key = (subject, family, qualifiers)
        if key not in self._truths:
            self._truths[key] = self._truths_of(subject, family, qualifiers)
        return self._truths[key]

    def _truths_of(self, subject: str, family, qualifiers) -> tuple[list[str], set[str]]:
        values: list[str] = []
        keys: set[str] = set()
        # only claims of the same family can be of the same attribute
        for claim in self._families_of(subject).get(family, ()):
            if _same_attribute(claim, family, qualifiers):
                values.append(claim.value)
                keys.update(q.key() for q in find_quantities(claim.value))
        return list(dict.fromkeys(values)), keys

    def _families_of(self, subject: str) -> dict[frozenset[str], list[Claim]]:
        """A subject's claims by attribute family, in their order: indexed once per subject, so
        a subject of many attributes is not scanned whole for each."""
        if subject not in self._subject_families:
            families: dict[frozenset[str], list[Claim]] = defaultdict(list)
            for claim in self.by_subject.get(subject, ()):
                families[claim.family].append(claim)
            self._subject_families[subject] = families
        return self._subject_families[subject]

    def distractors(
        self,
        *,
        subject: str,
        attribute: str,
        answer: str,
        group: tuple | None,
        rng: random.Random,
        want: int = MAX_DISTRACTORS,
        fair: Callable[[str, int], bool] | None = None,
        notes: Iterable[str] = (),
        close: Callable[[str], bool] | None = None,
    ) -> Draw:
        """The answer as shown and up to `want` wrong values of the same kind — see the module
        docstring for where they come from. `fair(value, tier)` may refuse a text value (tier
        0: the same attribute of another subject, 1: a sibling under the same heading).
        `notes`: the notes the asked fact or cell is read from (by default its subject's),
        whose area the wrong options must be of (`_near`). `close(value)`: whether a value is
        near enough to take, asked last, of the values that pass everything else."""
        ask = self._ask(subject, attribute, answer, group, frozenset(notes))
        if ask.many_truths:
            # The notes give this subject many values of one attribute: asked as one question,
            # several answers would be right. No options, so no question.
            return Draw(answer, [], 0)
        if ask.quantity is not None:
            # quantities of the answer's unit, the nearest first: of its kind, as the same
            # attribute's values are; a count only against counts of the same noun, shown
            # with it ('4 – 6 weeks')
            quantity, shown, pool = ask.quantity
            # one wrong value to state as the answer (a true/false): clearly apart from the
            # true one, or 'false' rests on a technicality ('< 40' against '< 45')
            apart = STATED_APART if want == 1 else 0.0
            wrong = self._quantity_distractors(
                quantity, ask.true_keys, rng, want, pool, apart, close
            )
            return Draw(shown, wrong, len(wrong))
        if ask.yes_no is not None:
            # The one wrong answer to a yes/no question is the other one.
            wrong = [ask.yes_no][:want]
            return Draw(answer, wrong, len(wrong))
        taken = set(ask.taken)
        chosen: list[str] = []
        same_attribute = 0
        for index, tier in enumerate(ask.tiers):
            drawn: Iterator[str]
            if index == 0:  # the own notes' values first
                drawn = itertools.chain(_drawn(tier[: ask.own], rng), _drawn(tier[ask.own :], rng))
            else:
                drawn = _drawn(tier, rng)
            for scanned, value in enumerate(drawn):
                if len(chosen) >= want or scanned >= MAX_SCANNED:
                    break
                if (
                    not ask.fits(index, value)
                    or identity(value) in taken
                    or any(
                        near(value, other) or overlapping(value, other) or said_alike(value, other)
                        for other in chosen
                    )
                    or (fair is not None and not fair(value, index))
                    or (close is not None and not close(value))
                ):
                    continue
                chosen.append(value)
                taken.add(identity(value))
                same_attribute += index == 0
        return Draw(answer, chosen, same_attribute)

    def _ask(
        self, subject: str, attribute: str, answer: str, group: tuple | None, notes: frozenset
    ) -> _Ask:
        """What `distractors` works out of the thing asked before it draws: the same for a
        fact's (or a cell's) choice and its true/false, so worked out once for both, with the
        verdicts on the values drawn that depend on nothing else (`_Ask.fits`)."""
        key = (subject, attribute, answer, group, notes)
        ask = self._asks.get(key)
        if ask is None:
            ask = self._asks[key] = _Ask(self, subject, attribute, answer, group, notes)
        return ask

    def untold(self, fact: FactData) -> int:
        """Whether a fact's question would not say which of its topic's values it asks: 2 when
        its prompt leaves out the subheading that tells it from a fact of the same attribute
        and another value under another subheading ('Insulin — duration?' for the rapid-acting
        kind, while the long-acting kind's is 36 hours): no kind may ask it; 1 when another
        fact of the same attribute and another value is asked in the same words ('Tetanus —
        treatment?' for 'sedate' and for 'paralytics'): a typed answer would have two right
        ones, while a choice or a true/false leaves the other out; 0 otherwise."""
        if fact.topic_key not in self._untold:
            self._untold[fact.topic_key] = self._untold_of(fact.topic_key)
        return self._untold[fact.topic_key].get(fact.key, 0)

    def _untold_of(self, topic_key: str) -> dict[str, int]:
        # by attribute family: only facts of one attribute are compared, each with its context
        # worked out once, so a topic of many facts costs little more than one of few
        by_family: dict[frozenset[str], list[tuple[FactData, str, str, bool]]] = defaultdict(list)
        for f in self.facts_by_topic.get(topic_key, ()):
            if f.kind not in ("key_value", "definition") or not (f.attribute or f.subject):
                continue
            family = attribute_parts(f.attribute or f.subject)[0]
            if family:
                where = prompts.context(f.placed, f.subheading)
                dropped = bool(f.subheading) and where == f.placed
                by_family[family].append((f, identity(flat(f.value)), where, dropped))
        out: dict[str, int] = {}
        for asked in by_family.values():
            if len({said for _f, said, _w, _d in asked}) < 2:
                continue  # one value said however many times: nothing to tell apart
            for fact, said, where, dropped in asked:
                for other, other_said, other_where, _dropped in asked:
                    if other is fact or other_said == said:
                        continue
                    if dropped and other.subheading != fact.subheading:
                        out[fact.key] = 2
                        break
                    if other_where == where:
                        out[fact.key] = 1
        return out

    def is_field(self, family: frozenset[str]) -> bool:
        """Whether FIELD_SUBJECTS or more subjects state this attribute (a field of the notes,
        see FIELD_SUBJECTS); counted once per attribute."""
        if family not in self._fields:
            subjects = {c.subject for c in self.by_family.get(family, ())} if family else set()
            self._fields[family] = len(subjects) >= FIELD_SUBJECTS
        return self._fields[family]

    def _sibling_values(
        self,
        group: tuple | None,
        kind: str,
        names: bool,
        notes: frozenset[str] = frozenset(),
        *,
        fields: bool = False,
    ) -> list[str]:
        """The usable values of one kind under a heading, sorted; none when the heading holds
        mixed things (fewer than two thirds as name-like as the answer): its values are no kin
        of it. Indexed once per heading, not recounted for every question under it. A heading
        many notes share ('Treatment' under each disease, merged into one topic) holds each
        note's own things: only the siblings read from one of `notes` (when known) count. With
        `fields` (a field is asked), the lines of other fields are left out: under one disease,
        its 'Path' and 'Diagnosis' are no wrong 'Symptoms'."""
        if group is None:
            return []
        key = (group, kind, names, fields)
        if key not in self._siblings_index:
            siblings = self.by_group.get(group, [])
            if sum(name_like(c.value) == names for c in siblings) * 3 < len(siblings) * 2:
                siblings = []
            self._siblings_index[key] = sorted(
                {
                    c.value
                    for c in siblings
                    if c.usable and c.kind == kind and not (fields and self.is_field(c.family))
                }
            )
        values = self._siblings_index[key]
        if not notes:
            return values
        mine = (key, notes)
        if mine not in self._siblings_near:
            near = {c.value for c in self.by_group.get(group, []) if not c.notes or c.notes & notes}
            self._siblings_near[mine] = [v for v in values if v in near]
        return self._siblings_near[mine]

    def _given_near(self, family, kind, value: str, subject: str, here: Place) -> bool:
        """Whether another subject gives this value from the asked one's area (`_near`)."""
        return any(
            giver.subject != subject and self._near(here, self._place_of(giver))
            for giver in self._givers[family, kind, value]
        )

    def _place_of(self, giver: Giver) -> Place:
        """Where a giver's value is read from: worked out once per giver, not per question."""
        if giver not in self._giver_places:
            roots = self.roots_of(giver.subject, giver.notes)
            self._giver_places[giver] = Place(giver.notes, roots)
        return self._giver_places[giver]

    def _near(self, here: Place, there: Place) -> bool:
        """Whether two things said are of one area, so that one's value is a plausible wrong
        option for the other: they are read from one note (a note is about one thing), or
        they share a top-level topic and sit in one specific folder (`_specific_folders`).
        The topic tree alone is not enough: a heading many notes share ('Treatment',
        'Overview') puts topics of every subject under one root, and a table's entity that is
        no topic has no root but those of its note's topics. What is known from no note
        (made-up inputs) goes by the roots, an unknown root as the same."""
        if not here.notes or not there.notes:
            return not here.roots or not there.roots or bool(here.roots & there.roots)
        if here.notes & there.notes:
            return True
        if not here.roots & there.roots:
            return False
        key = (here.notes, there.notes)
        if key not in self._near_notes:
            self._near_notes[key] = self._folders_near(here.notes, there.notes)
        return self._near_notes[key]

    def stateable(
        self, subject: str, notes: frozenset[str], *, cell: bool = False
    ) -> Callable[[str], bool]:
        """`distractors`' `close` for a true/false: a wrong value near enough to be believed
        (`stated_close`). The draw goes on past values that are not, so whether a fact is asked
        does not hang on the seed's first draw (the bank's questions are the same for every
        seed)."""
        return lambda value: self.stated_close(subject, value, notes, cell=cell)

    def stated_close(
        self, subject: str, value: str, notes: Iterable[str], *, cell: bool = False
    ) -> bool:
        """Whether another subject gives `value` under the asked one's own top-level topic, or,
        for a table's `cell`, in a table of the same note. A true/false statement is read alone,
        so its swapped value must be nearer than `_near`'s area, where one note counts as one
        thing: a question bank's note ('Pretest') holds cyanide poisoning beside asthma, and
        'Cyanide poisoning — treatment: ICS with LABA' is absurd, not a question. A value no
        claim gives as written (a quantity shown in other units) is not judged here."""
        if self._value_places is None:
            self._value_places = defaultdict(list)
            for claim in self.claims:
                place = (claim.notes, claim.subject, claim.group is None)
                self._value_places[identity(claim.value)].append(place)
        places = self._value_places.get(identity(value))
        if not places:
            return True
        asked_in = frozenset(notes)
        mine = self._own_roots(subject, asked_in)
        if mine is None:
            return True  # no topic tree known (made-up inputs): nothing to judge by
        for given, other, from_table in places:
            theirs = self._own_roots(other, given)
            if other == subject or theirs is None or mine & theirs:
                return True  # its own sibling line, a place not known, or one topic
            if cell and from_table and given & asked_in:
                return True  # two cells of one note's tables: things of one kind compared
        return False

    def _own_roots(self, subject: str, notes: frozenset[str]) -> frozenset[str] | None:
        """A subject's top-level topic; for a table's entity that is no topic, the roots of its
        notes that are about a few things only (FEW_ROOTS), not a question bank's many. None
        when nothing about its place is known. Worked out once per subject and notes: a
        common value's givers are asked of again by every true/false that draws it."""
        key = (subject, notes)
        if key not in self._own_roots_of:
            self._own_roots_of[key] = self._roots_owned(subject, notes)
        return self._own_roots_of[key]

    def _roots_owned(self, subject: str, notes: frozenset[str]) -> frozenset[str] | None:
        if subject in self.root_of:
            return frozenset({self.root_of[subject]})
        read_from = notes or frozenset(self._notes_of.get(subject, ()))
        if not any(self._note_roots.get(n) for n in read_from):
            return None
        return frozenset().union(
            *(self._note_roots[n] for n in read_from if len(self._note_roots[n]) <= FEW_ROOTS)
        )

    def topics_near(self, one: str, other: str) -> bool:
        """Whether two topics are of one area (`_near`), so that what the one lists is a
        plausible wrong option for the other's list."""
        places = []
        for topic in (one, other):
            notes = frozenset(self._notes_of.get(topic, ()))
            places.append(Place(notes, self.roots_of(topic, notes)))
        return self._near(*places)

    def roots_of(self, subject: str, notes: Iterable[str] = ()) -> frozenset[str]:
        """A subject's top-level topics: its topic's root, or, for a table's entity that is no
        topic, the roots of the topics its notes (or those given) hold."""
        if subject in self.root_of:
            return frozenset({self.root_of[subject]})
        notes = tuple(notes) or tuple(self._notes_of.get(subject, ()))
        return frozenset().union(*(self._note_roots[n] for n in notes))

    def _folders_near(self, mine: Iterable[str], theirs: Iterable[str]) -> bool:
        """Whether two sets of notes share a specific folder; true when no folder is specific
        (a flat corpus, or folders not known): then the folders tell nothing."""
        if not self._specific:
            return True
        here = {self.folder_of[n] for n in mine if n in self.folder_of}
        there = {self.folder_of[n] for n in theirs if n in self.folder_of}
        return any(_common_folder(a, b) in self._specific for a in here for b in there)

    def _family_values(self, family: frozenset[str], kind: str, here: Place) -> list[str]:
        """The usable values of an attribute family of one kind given from a note of `here` or
        by a subject sharing one of its top-level topics (or from no known note), sorted, with
        who gives each (`_givers`; `_near` then refines). Narrowed before drawing through an
        index by place, because in a corpus of many subjects most of an attribute's values
        come from other areas and would be drawn only to be refused."""
        key = (family, kind)
        if key not in self._places_index:
            givers: dict[str, set[Giver]] = defaultdict(set)
            for claim in self.by_family.get(family, ()):
                if claim.usable and claim.kind == kind:
                    givers[claim.value].add(Giver(claim.subject, claim.notes))
            by_place: dict[str, set[str]] = defaultdict(set)
            placeless: set[str] = set()
            subjects: dict[str, set[str]] = defaultdict(set)  # 'Surgery' and 'surgery' are one
            for value, given_by in givers.items():
                subjects[identity(value)].update(g.subject for g in given_by)
            for value, given_by in givers.items():
                self._givers[family, kind, value] = frozenset(given_by)
                if kind == "text" and len(subjects[identity(value)]) >= COMMON_GIVERS:
                    continue  # common to the attribute: see COMMON_GIVERS
                for giver in given_by:
                    if not giver.notes:
                        placeless.add(value)
                    for note in giver.notes:
                        by_place[f"note:{note}"].add(value)
                    for root in self.roots_of(giver.subject, giver.notes):
                        by_place[f"root:{root}"].add(value)
            self._places_index[key] = by_place
            self._placeless[key] = placeless
        near_key = (family, kind, here)
        if near_key not in self._near_values:  # the same for every question of one place
            self._near_values[near_key] = self._values_near(key, here)
        return self._near_values[near_key][0]

    def _values_near(self, key: tuple[frozenset[str], str], here: Place) -> tuple[list[str], int]:
        """The values of the asked thing's own notes first (see `own_first`), then the rest of
        its area's, each part sorted; and how many are its own notes'."""
        by_place = self._places_index[key]
        own: set[str] = set()
        for note in here.notes:
            own.update(by_place.get(f"note:{note}", ()))
        found = set(self._placeless[key])
        if not here.notes:
            found.update(*by_place.values())  # from no known note: any may be near
        for root in here.roots:
            found.update(by_place.get(f"root:{root}", ()))
        return sorted(own) + sorted(found - own), len(own)

    def own_first(self, family: frozenset[str], kind: str, here: Place) -> int:
        """How many of `_family_values` come from the asked thing's own notes: drawn before the
        rest of its area's, because a note's own values of an attribute are the near misses a
        teacher would offer (the other rows of its table, the other diseases of its chapter),
        where another note's, even in one folder, read as absurd ('inhaled steroids' offered
        as the treatment of a heart defect)."""
        self._family_values(family, kind, here)
        return self._near_values[family, kind, here][1]

    def _by_size(self, unit: str) -> list[tuple[float, str, Quantity]]:
        if unit not in self._sizes:
            self._sizes[unit] = sorted((_size(q), k, q) for k, q in self.quantities[unit].items())
            # how each looks, read once, not for every question that walks past it
            self._looks[unit] = [
                (four_digits(q), year_like(q), q.is_range and year_range(q), show_quantity(q))
                for _size_of, _key, q in self._sizes[unit]
            ]
        return self._sizes[unit]

    def _quantity_distractors(
        self,
        answer: Quantity,
        true_keys,
        rng,
        want,
        pool: str | None = None,
        apart: float = 0.0,
        close: Callable[[str], bool] | None = None,
    ) -> list[str]:
        """`pool`: the unit, or a count's `noun_key`, whose quantities are drawn from. `apart`:
        how far in log size a wrong one must lie from the answer. `close`: whether a value as
        shown may be taken (up to SWAPS_LOOKED_AT are refused before the walk gives up)."""
        pool = answer.unit if pool is None else pool
        shown = {show_quantity(answer)}
        nearest: list[Quantity] = []
        # The quantities of the answer's unit nearest in magnitude, walking out from the
        # answer's place in the sorted list (ties to the smaller key), until there are enough.
        ordered = self._by_size(pool) if pool in self.quantities else []
        looks = self._looks[pool] if ordered else []
        target = _size(answer)
        answer_key, answer_range = answer.key(), answer.is_range
        answer_four, answer_year = four_digits(answer), year_like(answer)
        answer_years = answer_range and year_range(answer)
        right = bisect.bisect_left(ordered, (target, ""))
        left = right - 1
        if apart and not answer_range:
            # a single amount lies apart from another by their sizes alone: the walk starts
            # past the window of those too close, which it would otherwise test one by one
            right = bisect.bisect_left(ordered, (target + apart, ""))
            left = bisect.bisect_left(ordered, (target - apart, "")) - 1
        refused = 0
        while (
            len(nearest) < want + 1
            and refused < SWAPS_LOOKED_AT
            and (left >= 0 or right < len(ordered))
        ):
            take_left = right >= len(ordered) or (
                left >= 0
                and (target - ordered[left][0], ordered[left][1])
                < (ordered[right][0] - target, ordered[right][1])
            )
            at = left if take_left else right
            _size_of, key, q = ordered[at]
            left, right = (left - 1, right) if take_left else (left, right + 1)
            if key == answer_key or key in true_keys or q.is_range != answer_range:
                continue
            if apart and answer_range and ends_apart(answer, q) < apart:
                continue
            four, year, years, shown_as = looks[at]
            if answer_four != four:
                continue  # a year against years ('1803': 1776, 1861), not against '23' or '100'
            if answer_year and not year:
                continue  # '1889' against '1859', never against '3925' or '4321'
            if answer_range and answer_years != years:
                continue  # '1638 – 1715' against '1596 – 1650', never against '0 – 15'
            if shown_as in shown:
                continue
            shown.add(shown_as)
            if close is not None and not close(self._shown(q, pool)):
                refused += 1
                continue
            nearest.append(q)
        # the closest, and one more so the seed varies them
        picked = rng.sample(nearest, min(want, len(nearest)))
        return [self._shown(q, pool) for q in picked]

    def _shown(self, quantity: Quantity, pool: str) -> str:
        noun = self._nouns.get((pool, quantity.key()), "") if pool.startswith("#") else ""
        return f"{show_quantity(quantity)} {noun}" if noun else show_quantity(quantity)
