"""Facts of the merged model: each candidate placed under its topic, near-duplicates merged into
one fact that cites every place that says it, and conflicting values flagged.

Pure. A fact's key is a hash of its first wording's identity, so it is stable across re-ingests.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from studyapp.text import lexicon
from studyapp.text.names import (
    attribute_stems,
    content_stems,
    jaccard,
    name_key,
    stable_key,
)
from studyapp.text.quantities import first_quantity

from .candidates import Candidate
from .merge_topics import Resolver, Source, heading_context, heading_label
from .parse import clean_heading


@dataclass
class FactOut:
    key: str
    topic_key: str
    kind: str
    text: str
    subheading: str
    subject: str
    attribute: str
    value: str
    quantity_key: str
    quantity_display: str
    items: list[str]
    emphasis: list[str]
    sources: list[Source]
    lead: str = ""  # Candidate.lead: the sentences a pointing sentence needs before it
    # for merging; not stored
    attr_stems: frozenset[str] = field(default=frozenset(), repr=False)
    stems: frozenset[str] = field(default=frozenset(), repr=False)
    # the other wordings merged into this one (not itself: a fact in its own list is a cycle,
    # which only a full collection frees, and a process keeps 40,000 facts)
    variants: list[FactOut] = field(default_factory=list, repr=False)


@dataclass
class ConflictOut:
    key: str
    topic_key: str
    attribute: str
    fact_keys: list[str]
    values: list[str]


def fact_place(cand: Candidate, resolver: Resolver, fallback: str) -> tuple[str, list[str]]:
    """(topic key, aspect words) of a candidate: its headings' topic, or the thing it names."""
    topic, aspects, _parent = heading_context(
        resolver, cand.headings, cand.labels, cand.bold_labels
    )
    subject_key = name_key(cand.subject) if cand.subject else ""
    if (
        subject_key in resolver.vocab
        and subject_key != topic
        and subject_key not in resolver.fields
        and _owns_the_fact(cand, resolver.vocab[subject_key])
    ):
        # The fact is about the thing it names; the section's aspects were not its own.
        topic, aspects = resolver.resolve(resolver.vocab[subject_key][0])[0] or topic, []
    if topic is not None and topic in resolver.fields and topic != fallback:
        # A field heading at a note's top ('## Management' in a note on fluids): that note's
        # subject's aspect, as under any other topic, not one topic shared by every note that
        # opens a section so (whose facts would lose their subject and mix with others').
        return fallback, [resolver.display_name(topic), *aspects]
    return (fallback if topic is None else topic), aspects


def _owns_the_fact(cand: Candidate, spellings: list[str]) -> bool:
    """Whether a line naming a topic of the notes ('S3: …', 'artifacts: …') is about that topic,
    rather than about the part it plays in the topic of the section it sits in. Not when the
    line's value is what the thing is used for, a verb in its base form ('S3: store input and
    output data' under EMR's integrations, 'VPC: configure the virtual network …'), nor when a
    common noun written in lower case meets the topic only once its name is normalised
    ('artifacts: path of the created artifact' in a build file's fields, not the topic 'AWS
    Artifacts'); 'file: …' is the topic 'Files'."""
    subject = cand.subject.strip(" *_`")
    # ('file: sequence of bytes' is the topic 'Files': one word in its two numbers)
    written = {s.strip().lower().removesuffix("s") for s in spellings}
    if subject.islower() and subject.removesuffix("s") not in written:
        return False
    first = re.match(r"[a-z]+", cand.value.strip(" *_"))
    return first is None or not _base_verb(first.group())


_S_FORM_VERBS = lexicon.PREDICATE_VERBS | lexicon.RELATION_VERBS | lexicon.EFFECT_VERBS


def _base_verb(word: str) -> bool:
    """'store', 'configure', 'monitor': a verb in its base form, by its -s form the lexicon
    knows as a verb ('stores'), or an instruction's verb."""
    return word in lexicon.STEP_VERBS or f"{word}s" in _S_FORM_VERBS or f"{word}es" in _S_FORM_VERBS


def fact_from(
    cand: Candidate, note: str, topic: str, aspects: list[str], resolver: Resolver
) -> FactOut:
    topic_tokens = resolver.name_tokens(topic)
    attribute = cand.attribute
    value = cand.value
    if cand.kind == "key_value" and value.startswith("(") and ")" in value:
        # "deployment size: (compressed) 50MB" - the parenthesis qualifies the attribute; in
        # '(CPI now − CPI then) / CPI then' it is a formula's first term
        qualifier, rest = value[1:].split(")", 1)
        # (not when nothing follows: '(1,)' is the whole value, a one-element tuple)
        if rest.strip() and not re.match(r"\s*[-+−×÷*/^=]", rest):
            attribute, value = f"{attribute} ({qualifier.strip()})", rest.strip()
    quantity = cand.quantity
    if value != cand.value:
        quantity = first_quantity(value)
    subheading = _subheading(tuple(aspects))
    attr_stems = attribute_stems(attribute, topic_tokens=topic_tokens) if attribute else frozenset()
    if cand.kind == "enumeration":
        stems = frozenset(name_key(i) for i in cand.items)
    else:
        stems = content_stems(value if cand.kind in {"key_value", "definition"} else cand.text)
    return FactOut(
        key="",
        topic_key=stable_key("topic", topic),
        kind=cand.kind,
        text=cand.text,
        subheading=subheading,
        subject=cand.subject,
        attribute=attribute,
        value=value,
        quantity_key=quantity.key() if quantity else "",
        quantity_display=quantity.display() if quantity else "",
        items=list(cand.items),
        emphasis=list(cand.emphasis),
        sources=[Source(note, heading_label(cand.headings, cand.labels), cand.line, cand.text)],
        lead=cand.lead,
        attr_stems=attr_stems,
        stems=stems,
    )


@functools.lru_cache(maxsize=1 << 16)  # pure; every fact of a section has the same aspects
def _subheading(aspects: tuple[str, ...]) -> str:
    return " › ".join(a for a in (_tidy_aspect(x) for x in aspects) if a)


def _tidy_aspect(aspect: str) -> str:
    text = clean_heading(aspect).strip(" :")
    text = lexicon.ASPECT_TRAILERS.sub("", text).strip(" -–—:")
    text = lexicon.ASPECT_SYNONYMS.get(text.lower(), text)
    return text[:1].upper() + text[1:] if text else ""


def _same_fact(a: FactOut, b: FactOut) -> bool:
    if a.kind != b.kind and {a.kind, b.kind} != {"key_value", "definition"}:
        return False
    if a.kind == "key_value" and a.quantity_key and b.quantity_key:
        content = (a.attr_stems | b.attr_stems) - lexicon.QUALIFIERS
        shared = (a.attr_stems & b.attr_stems) - lexicon.QUALIFIERS
        return a.quantity_key == b.quantity_key and bool(shared) and bool(content)
    if a.kind == "enumeration":
        return jaccard(a.stems, b.stems) >= 0.6
    if a.kind in {"key_value", "definition"}:
        return a.attr_stems == b.attr_stems and jaccard(a.stems, b.stems) >= 0.6
    if a.kind == "qa":
        if _FORMULA_ASKED.search(a.attribute) or _FORMULA_ASKED.search(b.attribute):
            # 'Area of parallelogram = ?' for vectors in space and for vectors in the plane
            # are two formulas: one asked left side, two right sides (extract_formulas)
            return a.attribute == b.attribute and a.stems == b.stems
        return content_stems(a.attribute) == content_stems(b.attribute)
    threshold = 1.0 if min(len(a.stems), len(b.stems)) <= 3 else 0.8
    return jaccard(a.stems, b.stems) >= threshold


_FORMULA_ASKED = re.compile(r"\s(?:=|≈)\s\?$")  # a stated formula's question ('dV = ?')


def _prefix(stems: frozenset[str], threshold: float) -> list[str]:
    """Prefix filtering: two sets with Jaccard >= threshold share a token of these prefixes."""
    ordered = sorted(stems)
    return ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1] if ordered else [""]


def _blocks(fact: FactOut, key: str) -> list[tuple]:
    """Buckets such that any two facts `_same_fact` could join share one (so merging is not
    quadratic in a topic's size)."""
    blocks: list[tuple] = [("key", key)]
    if fact.kind in {"key_value", "definition"}:
        blocks.append(("attr", fact.attr_stems))
        if fact.quantity_key:
            blocks.append(("quantity", fact.quantity_key))
    elif fact.kind == "enumeration":
        blocks.extend(("enum", t) for t in _prefix(fact.stems, 0.6))
    elif fact.kind == "qa":
        blocks.append(("qa", content_stems(fact.attribute)))
    else:
        blocks.extend((fact.kind, t) for t in _prefix(fact.stems, 0.8))
    return blocks


@dataclass
class TopicFacts:
    """One topic's facts, each a merge of the candidates that say the same thing."""

    facts: list[FactOut] = field(default_factory=list)
    index: dict[tuple, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, fact: FactOut) -> None:
        key = stable_key("fact", fact.topic_key, fact.kind, _identity(fact))
        blocks = _blocks(fact, key)
        candidates = sorted({i for block in blocks for i in self.index.get(block, ())})
        for i in candidates:
            existing = self.facts[i]
            # One identity is one fact, even where the similarity rules would keep them apart.
            if existing.key == key or _same_fact(existing, fact):
                _absorb(existing, fact)
                return
        fact.key = key
        for block in blocks:
            self.index[block].append(len(self.facts))
        self.facts.append(fact)


def _absorb(existing: FactOut, fact: FactOut) -> None:
    known = {(s.note, s.line) for s in existing.sources}
    existing.sources.extend(s for s in fact.sources if (s.note, s.line) not in known)
    if fact.kind == "enumeration":
        seen = {name_key(i) for i in existing.items}
        existing.items.extend(i for i in fact.items if name_key(i) not in seen)
    elif fact.kind == existing.kind:
        existing.variants.append(fact)


def choose_wording(fact: FactOut) -> None:
    """Show the wording most notes agree on ('Maximum execution time' over 'Short execution').

    Only display fields change: the key stays the first wording's, so it is stable.
    """
    wordings = [fact, *fact.variants]
    counts = Counter(v.attr_stems for v in wordings)
    best = min(wordings, key=lambda v: (-counts[v.attr_stems], len(v.text)))
    fact.text, fact.attribute, fact.value = best.text, best.attribute, best.value
    fact.lead = best.lead  # what the wording shown points back at
    fact.subheading = best.subheading or fact.subheading


def _identity(fact: FactOut) -> str:
    if fact.kind == "key_value":
        return (
            "|".join(sorted(fact.attr_stems))
            + "="
            + (fact.quantity_key or " ".join(sorted(fact.stems)))
        )
    return " ".join(sorted(fact.stems))


def find_conflicts(facts: dict[str, TopicFacts]) -> list[ConflictOut]:
    """The same attribute of the same topic with different values in different places."""
    return [c for topic_facts in facts.values() for c in topic_conflicts(topic_facts)]


def topic_conflicts(topic_facts: TopicFacts) -> list[ConflictOut]:
    """One topic's conflicts (a topic's depend on its own facts alone)."""
    out = []
    group = topic_facts.facts
    # Same attribute under the same subheading: SnapStart's languages are not Lambda's.
    by_attr: dict[tuple[frozenset[str], str], list[FactOut]] = defaultdict(list)
    for fact in group:
        if fact.kind == "key_value" and fact.attr_stems - lexicon.QUALIFIERS:
            by_attr[(fact.attr_stems, fact.subheading.lower())].append(fact)
    for same_attr in by_attr.values():
        values = {f.quantity_key or " ".join(sorted(f.stems)) for f in same_attr}
        notes = {s.note for f in same_attr for s in f.sources}
        short = all(f.quantity_key or len(f.value.split()) <= 4 for f in same_attr)
        if len(values) > 1 and len(same_attr) > 1 and len(notes) > 1 and short:
            keys = sorted(f.key for f in same_attr)
            out.append(
                ConflictOut(
                    key=stable_key("conflict", *keys),
                    topic_key=same_attr[0].topic_key,
                    attribute=same_attr[0].attribute,
                    fact_keys=keys,
                    values=[f.value for f in same_attr],
                )
            )
    return out
