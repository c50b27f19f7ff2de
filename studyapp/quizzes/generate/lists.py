"""Multiple select from the lists of the notes: enumerations, key–value lists of names under a
heading of such lists, and statements naming a kind and its members."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from studyapp.text import lexicon, prompts
from studyapp.text.answers import equivalent, normalise, paraphrase
from studyapp.text.names import name_key, name_tokens, stem
from studyapp.text.randomness import deal, seeded

from .. import spec
from .distractors import COMMON_GIVERS, FIELD_SUBJECTS, Model
from .inputs import FactData
from .quality import score
from .values import (
    MAX_DISTRACTORS,
    MULTI_MAX_OPTIONS,
    MULTI_MIN_OPTIONS,
    attribute_parts,
    bank_key,
    flat,
    identity,
    junk_fact,
    name_like,
    strip_parens,
    unique_sources,
    word_stems,
)

_GENERIC_LIST_STEMS = frozenset(stem(w) for w in lexicon.GENERIC_LIST_WORDS)


# A list part that is no thing of its own: it goes on from the part before ('such as X', 'e.g.
# Y', 'including Z'), or says there is none ('none', 'no transplant'). Language-general
# (English).
_FRAGMENT = re.compile(
    r"^(?:such as|e\.?g\.?|i\.?e\.?|including|incl\.?|like|especially|esp\.?|none|no|not)\b",
    re.I,
)


_SENTENCE_END = re.compile(r"(?:[a-z]{3}|\))\.\s+[A-Z]")  # not "Dr. Smith", "e.g. Java"


def _fragment(text: str) -> bool:
    """A part cut out of a sentence rather than a thing: a bracket it opens or closes but not
    both ('personality goes first (hypersexual' of a list split at its commas), a part going on
    from the one before or saying there is none (`_FRAGMENT`), a clause with a be verb
    ('prevention is with dantrolene'), or a sentence's end and the next one's start ('strep
    usually. If recurrent')."""
    words = normalise(text).split()
    return (
        text.count("(") != text.count(")")
        # 'strep usually. If recurrent': a sentence ends inside it, a comma cut the next one
        or _SENTENCE_END.search(text) is not None
        or bool(_FRAGMENT.match(text.strip()))
        or any(w in lexicon.SENTENCE_VERBS for w in words)
    )


@functools.lru_cache(maxsize=1 << 17)  # pure; every list part of the model, every run
def _item(text: str) -> str | None:
    if _fragment(flat(text)):
        return None
    item = strip_parens(flat(text)).rstrip(":").strip()
    # 'and TNF-alpha inhibitors': the last part of a list split at its commas keeps its 'and'
    item = re.sub(r"^(?:and|or)\s+", "", item)
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
    return [p for p in (_item(part) for part in re.split(r",\s*", flat(value))) if p]


def _multi_prompt(context: str, subject: str, subheading: str = "") -> str:
    """'Which of these are AWS serverless services?' when the list names a category; under a
    heading that does ('Services' › 'Messaging'), 'which of these are messaging services?'."""
    words = subject.split()
    if 2 <= len(words) <= 3 and lexicon.CATEGORY_NAME.search(words[-1]):
        return f"{context} — which of these are {prompts.lower_first(subject)}?"
    heading = subheading.split(" › ")[-1].strip()
    if (
        len(words) <= 2
        and re.fullmatch(r"[A-Za-z]+", heading)
        and lexicon.CATEGORY_NAME.search(heading)
        and not lexicon.CATEGORY_NAME.search(words[-1])
    ):
        return f"{context} — which of these are {prompts.lower_first(subject)} {heading.lower()}?"
    return f"{context} — {prompts.lower_first(subject)}: which of these?"


def _overlaps(a: Iterable[str], b: Iterable[str]) -> bool:
    wa = [word_stems(x) for x in a]
    return any(x & word_stems(y) for x in wa for y in b)


# "Scalar Types - String, Number, Binary": a statement naming a kind and listing its members
_NAMED_LIST = re.compile(r"([A-Z][\w&/ ]{1,30}?)\s+[-–:]\s+([^()]+)")


def _open(parts: Iterable[str]) -> bool:
    """A list ending in 'etc.' or '…', or with a part saying there are more ('many more
    services', 'others'), says it is not all: its non-members cannot be told."""
    return any(
        lexicon.OPEN_LIST_END.search(p.strip()) or normalise(p) == "etc" or _MORE.match(p.strip())
        for p in parts
    )


def _examples(fact: FactData) -> bool:
    """A list led in as examples ('Symptoms, such as' › 'Neurologic: confusion, seizure') or as
    some of a set ('Other symptoms include', `lexicon.SOME_LEAD_IN`): it is not all, so what
    another subject's list gives may belong to it too."""
    return _led_in(fact.subheading, fact.subject)


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of every fact, every run, headings repeat
def _led_in(subheading: str, subject: str) -> bool:
    leads = [prompts.tidy(lead) for lead in (subheading, subject) if lead]
    return any(
        lexicon.EXAMPLES_LEAD_IN.search(lead) or lexicon.SOME_LEAD_IN.search(lead) for lead in leads
    )


_MORE = re.compile(r"(?:and\s+)?(?:many\s+|much\s+|several\s+|lots\s+)?(?:more|others)\b", re.I)


def _name_list(value: str) -> list[str] | None:
    """A value that is only a list of names ('AWS Lambda, Fargate'); None otherwise."""
    names = _names_of(value)
    return None if names is None else list(names)


@functools.lru_cache(maxsize=1 << 17)  # pure; asked of every value of the model, every run
def _names_of(value: str) -> tuple[str, ...] | None:
    raw = [p.strip() for p in re.split(r",\s*", flat(value))]
    parts = [_item(p) for p in raw]
    names = [p for p in parts if p]
    if len(raw) < 2 or _open(raw) or len(names) < len(parts) or not all(map(name_like, names)):
        return None
    return tuple(names)


class Lists:
    """The lists of the notes, and what each list's non-members could be.

    A list is an enumeration; a key–value fact whose value is a list of names, under a heading
    of such lists ('Services': 'Compute: AWS Lambda, Fargate', 'Database: DynamoDB, Aurora
    Serverless', …); or one of two or more statements under one heading that each name a kind
    and list its members ('Scalar Types - String, Number, …', 'Document Types - List, Map').
    A list that says it is not all ('etc.') is never asked: anything might belong to it."""

    def __init__(self, model: Model):
        self.model = model
        self.lists: list[tuple[FactData, list[str]]] = []  # the lists one may ask
        self.by_group: dict[tuple, list[tuple[FactData, list[str]]]] = defaultdict(list)
        self.from_statements: set[str] = set()  # keys of the lists read from statements
        self._said: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self._parts: dict[frozenset[str], list[tuple[str, str]]] = {}
        self._commons: dict[frozenset[str], frozenset[str]] = {}
        named: dict[tuple, list[tuple[FactData, list[str]]]] = defaultdict(list)
        for fact in model.facts:
            if fact.disputed or _examples(fact):
                continue
            group = (fact.topic_key, fact.subheading)
            if fact.kind == "enumeration":
                raw = [i for i in fact.items if normalise(i)]
                items = [_item(i) for i in raw]
                if len(items) >= 2 and all(items) and not _open(raw):
                    self._add(fact, [i for i in items if i])
            elif fact.kind in ("key_value", "definition") and not junk_fact(fact):
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
            for f in self.model.facts_by_topic.get(fact.topic_key, ())
            if f.subheading == fact.subheading
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
        parts: list[str | None] = (
            [_item(i) for i in fact.items]
            if fact.kind == "enumeration"
            else list(_list_parts(fact.value))
        )
        ok = parts and all(parts) and all(name_like(x) for x in parts if x)
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
        family, _q = attribute_parts(fact.subject)
        if family:
            common = self._common(family)
            parts = self._named_parts(family)
            # from the asked topic's own area ('shingles' is no wrong risk of child abuse),
            # decided once per topic, not per part
            others = {t for t, _p in parts if t != fact.topic_key}
            near = {t for t in others if model.topics_near(fact.topic_key, t)}
            candidates += [
                part for topic, part in parts if topic in near and identity(part) not in common
            ]
        shape = _shape(members)
        named = _named(members)
        return [
            c
            for c in dict.fromkeys(candidates)
            if _shape([c]) == shape and _named([c]) == named and not self.said_member(c, fact)
        ]

    def _named_parts(self, family: frozenset[str]) -> list[tuple[str, str]]:
        """(topic key, part) of every list and listed value of an attribute, in the notes'
        order ('Treatment' lists of every disease): read once per attribute."""
        if family not in self._parts:
            parts = [
                (other.topic_key, item)
                for other, items in self.lists
                if attribute_parts(other.subject)[0] == family
                for item in items
            ]
            for claim in self.model.by_family.get(family, ()):
                if claim.usable and claim.group is not None:
                    parts += [(claim.subject, p) for p in _list_parts(claim.value)]
            self._parts[family] = parts
        return self._parts[family]

    def _common(self, family: frozenset[str]) -> frozenset[str]:
        """The parts (by identity) COMMON_GIVERS or more topics list under this attribute
        ('supportive' among treatments): likely true of the asked topic too, so no
        non-member."""
        if family not in self._commons:
            topics: dict[str, set[str]] = defaultdict(set)
            for topic, part in self._named_parts(family):
                topics[identity(part)].add(topic)
            self._commons[family] = frozenset(
                i for i, ts in topics.items() if len(ts) >= COMMON_GIVERS
            )
        return self._commons[family]

    def said_member(self, candidate: str, fact: FactData) -> bool:
        """Whether the notes say elsewhere in the topic that it is one: a fact naming both it
        and the list's subject ('… includes managed databases, messaging' and 'AWS Lambda' in
        one line keeps Lambda out of 'messaging services', to be safe)."""
        mine = word_stems(candidate)
        subject = word_stems(fact.subject) - _GENERIC_LIST_STEMS
        if not mine or not subject:
            return False
        return any(
            mine <= said and subject & said
            for key, said in self._lines_said(fact.topic_key)
            if key != fact.key
        )

    def _lines_said(self, topic_key: str) -> list[tuple[str, frozenset[str]]]:
        """The word stems of each line the topic's facts say, with the fact's key: one line at a
        time (a list of services, one '(messaging)', says no more of the rest). Read once per
        topic, not once per candidate."""
        if topic_key not in self._said:
            self._said[topic_key] = [
                (other.key, frozenset(word_stems(line)))
                for other in self.model.facts_by_topic.get(topic_key, ())
                for line in (
                    [f"{other.subject} {i}" for i in other.items]
                    or [f"{other.text} {other.subject} {other.value}"]
                )
            ]
        return self._said[topic_key]


# Words in a list's name that say nothing of what belongs to it ("AWS Serverless Services")


def _member(entity: str, members: list[str]) -> bool:
    words = set(name_tokens(entity))
    return any(words and words <= set(name_tokens(m)) for m in members)


def _shape(items: list[str]) -> str:
    """Names ('Step Functions', 'DynamoDB') or phrases ('order fulfillment'): a distractor of
    the other shape gives itself away."""
    names = sum(1 for i in items if i[:1].isupper() or i[:1].isdigit())
    return "name" if names * 2 >= len(items) else "phrase"


def _named(items: list[str]) -> bool:
    """Mostly names in full ('Cassandra', 'Amazon S3': `name_like`) rather than capitalised
    phrases ('Customer classification'): a database offered among use cases is another type
    of thing, which `_shape`'s first letters do not tell."""
    return sum(map(name_like, items)) * 2 > len(items)


def multi_from_list(
    fact: FactData, members: list[str], lists: Lists, *, seed, copies: Sequence[str] = ()
) -> spec.QuestionSpec | None:
    subject = prompts.tidy(fact.subject)
    if (
        not prompts.usable_attribute(subject)
        or name_key(subject) == name_key(fact.topic)
        or len(members) < 2
        # 'Daughter cells: 2, genetically identical, diploid': a count among properties
        # describes the subject, no set of members to pick from
        or any(re.fullmatch(r"\d+(?:[.,]\d+)?", m.strip()) for m in members)
        # 'Ig: low IgA, increased G and M' cut into 'M': a letter is no member
        or any(len(re.sub(r"\W", "", m)) < 2 for m in members)
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
    key = bank_key(spec.MULTI, fact.key)
    rng = seeded(seed, key)
    shown = members if len(members) <= 4 else rng.sample(members, 4)
    room = max(1, min(MAX_DISTRACTORS, MULTI_MAX_OPTIONS - len(shown)))
    wrong = rng.sample(wrong, min(room, len(wrong)))
    offered = [*shown, *wrong]
    if (
        len({identity(o) for o in offered}) < len(offered)
        or not MULTI_MIN_OPTIONS <= len(offered) <= MULTI_MAX_OPTIONS
        or _two_say_one(offered)
    ):
        return None
    options = deal(offered, seed=seed, key=key)
    # a kind a statement lists ('Scalar Types - …') is asked of the topic, not of the heading
    # that introduced the kinds ('Data types supported are')
    heading = "" if fact.key in lists.from_statements else fact.subheading
    context = prompts.context(fact.placed, heading)
    quality = score(spec.MULTI, wanted=room, found=len(wrong), same_attribute=len(wrong))
    if _borrowed_from_a_field(fact, wrong, lists):
        quality = round(max(0.0, quality - FIELD_LIST_PENALTY), 2)
    return spec.QuestionSpec(
        key=key,
        kind=spec.MULTI,
        prompt=_multi_prompt(context, subject, heading),
        answers=tuple(o for o in options if o in shown),
        options=options,
        explanation=prompts.tidy(fact.text) or f"{subject}: {', '.join(members)}",
        sources=unique_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
        quality=quality,
    )


# Held back (from a multi's 0.85, under quality.THRESHOLD): wrong options taken from other
# subjects' lists of a field many subjects state.
FIELD_LIST_PENALTY = 0.3


def _borrowed_from_a_field(fact: FactData, wrong: Sequence[str], lists: Lists) -> bool:
    """'Mastoiditis — symptoms: which of these?' offered other diseases' symptoms as wrong: a
    field many subjects state ('Symptoms', 'Treatment', 'Use cases', `Model.is_field`)
    overlaps from one subject to the next, so a part of another's list may well be true of
    this one too. Sibling categories under one heading are kinds apart and stay asked."""
    family, _q = attribute_parts(fact.subject)
    if not family:
        return False
    parts = lists._named_parts(family)
    stated = {topic for topic, _p in parts}
    if len(stated) < FIELD_SUBJECTS and not lists.model.is_field(family):
        return False
    theirs = {identity(p) for topic, p in parts if topic != fact.topic_key}
    return all(identity(w) in theirs for w in wrong)


def _two_say_one(options: Sequence[str]) -> bool:
    """Two options that are one answer in other words ('Sub-ms' / 'sub-millisecond')."""
    return any(
        paraphrase(a, b) or equivalent(a, b)
        for i, a in enumerate(options)
        for b in options[i + 1 :]
    )


def list_clusters(lists: Lists) -> list[tuple[FactData, list[str], list[str]]]:
    """Lists saying the same thing in several notes, asked once: (the list to ask, its members,
    the members of all its copies). The copy named like a category is asked ('AWS Serverless
    Services' rather than 'serverless in aws')."""
    clusters: list[list[tuple[FactData, list[str]]]] = []

    def kinds(a: FactData, b: FactData) -> bool:  # 'Set Types' and 'Scalar Types': two kinds
        return a.key in lists.from_statements and b.key in lists.from_statements

    # Two lists can be the same only if they share an item's word: each list is compared with
    # the clusters holding one of its words, in the order they were made (not with every
    # cluster, which grew with the square of the lists).
    holding: dict[str, set[int]] = defaultdict(set)
    for fact, members in lists.lists:
        stems = {s for m in members for s in word_stems(m)}
        near = sorted({i for s in stems for i in holding.get(s, ())})
        for index in near:
            cluster = clusters[index]
            if any(_same_list(members, other) and not kinds(fact, f) for f, other in cluster):
                cluster.append((fact, members))
                break
        else:
            index = len(clusters)
            clusters.append([(fact, members)])
        for s in stems:
            holding[s].add(index)
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
    shared = sum(1 for x in a if any(word_stems(x) & word_stems(y) for y in b))
    return shared >= 2 and shared * 2 >= len(a) + len(b) - shared
