"""Merge the candidates of every note into one topic model: topics, facts, comparisons, conflicts.

Pure: it sees all notes' extractions at once (so 'Lambda' in one note and '2. AWS Lambda' in
another become one topic) but no database. Every output carries a stable key so that store can
upsert, and every fact the list of places that say it.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from studyapp.text.names import (
    QUALIFIERS,
    attribute_stems,
    content_stems,
    jaccard,
    name_key,
    name_tokens,
    stable_key,
)
from studyapp.text.quantities import first_quantity

from .compare import CLAIM_ROWS, align, entity_key, is_parallel, row_key, same_row
from .extract import Candidate, CandidateTable, Extraction, Group
from .parse import clean_heading

# Headings that name an aspect of the enclosing topic rather than a thing of their own.
GENERIC_ASPECTS = set(
    "overview introduction intro concept concepts purpose components component features feature"
    " key-features limitations limits limit benefits benefit use-cases use-case integrations"
    " integration performance best-practices examples example flow-examples summary notes basics"
    " content contents key-characteristics problem solution architecture details usage"
    " pricing types type used-for use-when change".split()
)


@dataclass
class Source:
    note: str  # note slug
    heading: str  # heading path as shown to people: "AWS Lambda › Limits"
    line: int
    text: str


@dataclass
class TopicOut:
    key: str
    name: str
    parent_key: str | None
    aliases: list[str]
    order: int  # first appearance, for a stable tree order


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
    # for merging; not stored
    attr_stems: frozenset[str] = field(default=frozenset(), repr=False)
    stems: frozenset[str] = field(default=frozenset(), repr=False)
    variants: list[FactOut] = field(default_factory=list, repr=False)


@dataclass
class CellOut:
    key: str
    attribute: str
    entity: str
    value: str
    sources: list[Source]


@dataclass
class ComparisonOut:
    key: str
    title: str
    entities: list[str]
    entity_topic_keys: list[str | None]
    attributes: list[str]
    cells: list[CellOut]
    sources: list[Source]
    # what each entity is (a topic key, or its normalised name), to merge tables that spell
    # their entities differently ('Lambda@Edge Function' / 'Lambda@Edge')
    entity_ids: list[str] = field(default_factory=list, repr=False)


@dataclass
class ConflictOut:
    key: str
    topic_key: str
    attribute: str
    fact_keys: list[str]
    values: list[str]


@dataclass
class Model:
    topics: list[TopicOut]
    facts: list[FactOut]
    comparisons: list[ComparisonOut]
    conflicts: list[ConflictOut]


# ---------------------------------------------------------------------------------------------
# Topics


class _Resolver:
    """Maps heading titles to topics, using every heading of every note as the vocabulary."""

    def __init__(self, extractions: dict[str, Extraction]):
        self.vocab: dict[str, list[str]] = {}  # name key -> spellings seen
        for extraction in extractions.values():
            # Each spelling counts once per note, however many headings repeat it as ancestor.
            titles = dict.fromkeys(title for path in extraction.headings for title in path)
            for title in titles:
                if self._is_entity_like(title):
                    self.vocab.setdefault(name_key(title), []).append(title)
        self._cache: dict[str, tuple[str | None, str]] = {}

    @staticmethod
    def _is_entity_like(title: str) -> bool:
        key = name_key(title)
        return bool(key) and key.replace(" ", "-") not in GENERIC_ASPECTS and len(key) <= 60

    def resolve(self, title: str) -> tuple[str | None, str]:
        """(topic name key or None, aspect) for a heading title."""
        if title in self._cache:
            return self._cache[title]
        result = self._resolve(title)
        self._cache[title] = result
        return result

    def _resolve(self, title: str) -> tuple[str | None, str]:
        tokens = name_tokens(title)
        key = " ".join(tokens)
        if not key or key.replace(" ", "-") in GENERIC_ASPECTS:
            return None, title
        best: list[str] | None = None
        for entry in self.vocab:
            entry_tokens = entry.split()
            n = len(entry_tokens)
            if n < len(tokens) and tokens[:n] == entry_tokens:
                if best is None or n > len(best):
                    best = entry_tokens
        # "Benefits of AWS Lambda", "Networking of the lambda": an aspect of what follows "of".
        of_match = re.match(r"^(.+?)\s+(?:of|for)\s+(?:the\s+)?(.+)$", key)
        owner = name_key(of_match.group(2)) if of_match else ""
        if best is None and owner in self.vocab:
            topic, _aspect = self.resolve(self.vocab[owner][0])
            return topic, of_match.group(1)
        # "Invoking Lambda from RDS", "Launching lambda in our own VPC": what is being done to it.
        if best is None and len(tokens) > 2 and tokens[0].endswith("ing"):
            for n in range(len(tokens) - 1, 1, -1):
                inner = " ".join(tokens[1:n])
                if inner in self.vocab:
                    return self.resolve(self.vocab[inner][0])[0], title
        if best is None:
            return key, ""
        rest = tokens[len(best) :]
        joined = " ".join(w for w in rest if w not in {"and", "vs", "v", "versu", "with"})
        if rest and rest[0] in {"and", "vs", "versu"} and joined in self.vocab:
            return (
                None,
                title,
            )  # "Lambda@Edge and CloudFront Functions": about both, neither owns it
        topic, inner = self.resolve(self.vocab[" ".join(best)][0])
        return topic, " ".join(a for a in (inner, _aspect_text(title, len(best))) if a)

    @functools.cache  # noqa: B019 - one resolver per merge; the cache dies with it
    def display_name(self, key: str) -> str:
        spellings = self.vocab.get(key) or [key]
        cleaned = [_display(s) for s in spellings]
        counts = Counter(cleaned)
        # Most frequent spelling; on a tie the fuller one ("AWS Lambda" over "Lambda").
        return max(counts, key=lambda s: (counts[s], s[:1].isupper(), len(s)))


def _display(title: str) -> str:
    title = clean_heading(title)
    title = re.sub(r"\s*[-–—]\s*\(([A-Z]{2,6})\)$", r" (\1)", title)
    # Keep acronyms in parentheses ("(DAX)"), drop asides ("(newer)").
    return re.sub(r"\s*\((?![A-Z]{2,6}\))[^()]*\)", "", title).strip() or title


def _aspect_text(title: str, skip_tokens: int) -> str:
    """The words of a heading after its topic's words: 'AWS Lambda Limits' -> 'Limits'."""
    text = clean_heading(title)
    words = text.split()
    vendor = 1 if words and words[0].lower() in {"aws", "amazon"} else 0
    rest = " ".join(words[vendor + skip_tokens :])
    return re.sub(r"^[\s\-–—:+&]+", "", rest).strip(" -–—:")


def _heading_context(
    resolver: _Resolver,
    headings: tuple[str, ...],
    labels: tuple[str, ...],
    bold_labels: frozenset[str] = frozenset(),
) -> tuple[str | None, list[str], str | None]:
    """(topic key, aspect words, parent topic key) of a position in a note.

    Headings name topics; a bullet label names one only when it is bold and spelled exactly like
    a heading somewhere ("- **Lambda SnapStart**" where another note has "### Lambda SnapStart").
    """
    path = [(h, True) for h in headings] + [
        (lbl, lbl in bold_labels and name_key(lbl) in resolver.vocab) for lbl in labels
    ]
    topic: str | None = None
    parent: str | None = None
    aspects: list[str] = []
    for title, is_heading in path:
        key, aspect = resolver.resolve(title) if is_heading else (None, title)
        if key is not None and key != topic:
            parent, topic, aspects = topic, key, ([aspect] if aspect else [])
        elif aspect:
            aspects.append(aspect)
    return topic, aspects, parent


# ---------------------------------------------------------------------------------------------
# Facts


def merge(extractions: dict[str, Extraction]) -> Model:
    """Merge per-note extractions (keyed by note slug, in a stable order) into one model."""
    resolver = _Resolver(extractions)
    topic_order: dict[str, int] = {}
    parents: dict[str, Counter[str]] = defaultdict(Counter)
    facts: dict[str, _TopicFacts] = defaultdict(_TopicFacts)

    # Facts under no nameable heading belong to the topic the notes are about (their titles').
    roots = Counter(
        key
        for extraction in extractions.values()
        for path in extraction.headings[:1]
        if (key := resolver.resolve(path[0])[0])
    )
    fallback = roots.most_common(1)[0][0] if roots else "notes"
    resolver.vocab.setdefault(fallback, [fallback.title()])

    def touch(topic: str, parent: str | None) -> None:
        topic_order.setdefault(topic, len(topic_order))
        if parent and parent != topic:
            parents[topic][parent] += 1

    for note, extraction in extractions.items():
        # One vote per note for a topic's parent, however many headings that note spends on it.
        votes = set()
        for path in extraction.headings:
            for depth in range(1, len(path) + 1):
                topic, _aspects, parent = _heading_context(resolver, path[:depth], ())
                if topic:
                    topic_order.setdefault(topic, len(topic_order))
                    votes.add((topic, parent))
        for topic, parent in votes:
            touch(topic, parent)
        for cand in extraction.facts:
            topic, aspects, _parent = _heading_context(
                resolver, cand.headings, cand.labels, cand.bold_labels
            )
            subject_key = name_key(cand.subject) if cand.subject else ""
            if subject_key in resolver.vocab and subject_key != topic:
                # The fact is about the thing it names; the section's aspects were not its own.
                topic, aspects = resolver.resolve(resolver.vocab[subject_key][0])[0] or topic, []
            if topic is None:
                topic = fallback
            touch(topic, None)
            facts[topic].add(_fact_from(cand, note, topic, aspects, resolver))

    topics = _topics(topic_order, parents, resolver)
    all_facts = [f for group in facts.values() for f in group.facts]
    for fact in all_facts:
        _choose_wording(fact)
    comparisons = _comparisons(extractions, resolver, all_facts)
    conflicts = _conflicts(facts)
    used = {f.topic_key for f in all_facts}
    topics = _prune(topics, used)
    return Model(topics=topics, facts=all_facts, comparisons=comparisons, conflicts=conflicts)


def _topics(
    order: dict[str, int], parents: dict[str, Counter[str]], resolver: _Resolver
) -> list[TopicOut]:
    chosen: dict[str, str | None] = {}
    for topic in order:
        ranked = sorted(parents[topic].items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))
        chosen[topic] = next((p for p, _n in ranked if not _would_cycle(p, topic, chosen)), None)
    out = []
    for topic, index in order.items():
        spellings = {_display(s) for s in resolver.vocab.get(topic, [])}
        lowered = {s.lower() for s in spellings}
        aliases = sorted(spellings | ({topic} if topic not in lowered else set()))
        out.append(
            TopicOut(
                key=stable_key("topic", topic),
                name=resolver.display_name(topic),
                parent_key=stable_key("topic", chosen[topic]) if chosen[topic] else None,
                aliases=aliases,
                order=index,
            )
        )
    return out


def _would_cycle(parent: str, child: str, chosen: dict[str, str | None]) -> bool:
    seen = set()
    node: str | None = parent
    while node is not None and node not in seen:
        if node == child:
            return True
        seen.add(node)
        node = chosen.get(node)
    return False


def _prune(topics: list[TopicOut], used_keys: set[str]) -> list[TopicOut]:
    """Keep topics that hold facts, and the ancestors that hold them."""
    by_key = {t.key: t for t in topics}
    keep: set[str] = set()
    for key in used_keys:
        node = by_key.get(key)
        while node is not None and node.key not in keep:
            keep.add(node.key)
            node = by_key.get(node.parent_key) if node.parent_key else None
    return [t for t in topics if t.key in keep]


def _heading_label(headings: tuple[str, ...], labels: tuple[str, ...]) -> str:
    """Where in the note: up to two headings (not the note's top one, shown as its title)."""
    inner = headings[1:] if len(headings) > 1 else headings
    parts = [clean_heading(h) for h in inner[-2:] if h] + [
        clean_heading(lbl) for lbl in labels[-1:]
    ]
    return " › ".join(p for p in parts if p)


def _fact_from(
    cand: Candidate, note: str, topic: str, aspects: list[str], resolver: _Resolver
) -> FactOut:
    topic_tokens = frozenset(name_tokens(resolver.display_name(topic)))
    attribute = cand.attribute
    value = cand.value
    if cand.kind == "key_value" and value.startswith("(") and ")" in value:
        # "deployment size: (compressed) 50MB" - the parenthesis qualifies the attribute.
        qualifier, value = value[1:].split(")", 1)
        attribute, value = f"{attribute} ({qualifier.strip()})", value.strip()
    if not value:
        value = cand.value
    quantity = cand.quantity
    if value != cand.value:
        quantity = first_quantity(value)
    subheading = " › ".join(a for a in (_tidy_aspect(x) for x in aspects) if a)
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
        sources=[Source(note, _heading_label(cand.headings, cand.labels), cand.line, cand.text)],
        attr_stems=attr_stems,
        stems=stems,
    )


_ASPECT_SYNONYMS = {"limitations": "Limits", "limits to know": "Limits", "limit": "Limits"}


def _tidy_aspect(aspect: str) -> str:
    text = clean_heading(aspect).strip(" :")
    text = re.sub(r"\s*[-–—]\s*per region$|\s+to know\b", "", text, flags=re.I).strip(" -–—:")
    text = _ASPECT_SYNONYMS.get(text.lower(), text)
    return text[:1].upper() + text[1:] if text else ""


def _same_fact(a: FactOut, b: FactOut) -> bool:
    if a.kind != b.kind and {a.kind, b.kind} != {"key_value", "definition"}:
        return False
    if a.kind == "key_value" and a.quantity_key and b.quantity_key:
        content = (a.attr_stems | b.attr_stems) - QUALIFIERS
        shared = (a.attr_stems & b.attr_stems) - QUALIFIERS
        return a.quantity_key == b.quantity_key and bool(shared) and bool(content)
    if a.kind == "enumeration":
        return jaccard(a.stems, b.stems) >= 0.6
    if a.kind in {"key_value", "definition"}:
        return a.attr_stems == b.attr_stems and jaccard(a.stems, b.stems) >= 0.6
    if a.kind == "qa":
        return content_stems(a.attribute) == content_stems(b.attribute)
    threshold = 1.0 if min(len(a.stems), len(b.stems)) <= 3 else 0.8
    return jaccard(a.stems, b.stems) >= threshold


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
class _TopicFacts:
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
        fact.variants.append(fact)
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


def _choose_wording(fact: FactOut) -> None:
    """Show the wording most notes agree on ('Maximum execution time' over 'Short execution').

    Only display fields change: the key stays the first wording's, so it is stable.
    """
    counts = Counter(v.attr_stems for v in fact.variants)
    best = min(fact.variants, key=lambda v: (-counts[v.attr_stems], len(v.text)))
    fact.text, fact.attribute, fact.value = best.text, best.attribute, best.value
    fact.subheading = best.subheading or fact.subheading


def _identity(fact: FactOut) -> str:
    if fact.kind == "key_value":
        return (
            "|".join(sorted(fact.attr_stems))
            + "="
            + (fact.quantity_key or " ".join(sorted(fact.stems)))
        )
    return " ".join(sorted(fact.stems))


def _conflicts(facts: dict[str, _TopicFacts]) -> list[ConflictOut]:
    """The same attribute of the same topic with different values in different places."""
    out = []
    for topic_facts in facts.values():
        group = topic_facts.facts
        # Same attribute under the same subheading: SnapStart's languages are not Lambda's.
        by_attr: dict[tuple[frozenset[str], str], list[FactOut]] = defaultdict(list)
        for fact in group:
            if fact.kind == "key_value" and fact.attr_stems - QUALIFIERS:
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


# ---------------------------------------------------------------------------------------------
# Comparisons

_ATTRIBUTE_HEADERS = {
    "",
    "feature",
    "features",
    "attribute",
    "aspect",
    "property",
    "criteria",
    "criterion",
    "category",
    "dimension",
    "item",
}


def _comparisons(
    extractions: dict[str, Extraction], resolver: _Resolver, facts: list[FactOut]
) -> list[ComparisonOut]:
    """Tables, then parallel sections, merged by entity set; then every comparison gets the rows
    that its entities' facts and smaller comparisons of the same entities add."""
    merged: dict[str, ComparisonOut] = {}

    def add(comparison: ComparisonOut | None) -> None:
        if comparison is None:
            return
        existing = merged.get(comparison.key)
        if existing is None:
            merged[comparison.key] = comparison
        else:
            _merge_comparison(existing, comparison)

    for note, extraction in extractions.items():
        for table in extraction.tables:
            add(_comparison_from_table(note, table, resolver))
    tables = dict(merged)
    for note, extraction in extractions.items():
        for a, b in _parallel_pairs(extraction, resolver, tables):
            add(_comparison_from_sections(note, a, b, resolver))
    comparisons = list(merged.values())
    for comparison in comparisons:
        _enrich(comparison, comparisons, facts)
    return comparisons


def _parallel_pairs(extraction: Extraction, resolver: _Resolver, tables: dict[str, ComparisonOut]):
    by_parent: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for group in extraction.groups:
        if name_key(group.title).replace(" ", "-") not in GENERIC_ASPECTS:
            by_parent[group.parent].append(group)

    def exact_topic(title: str) -> str | None:
        """The topic a title names outright ('Lambda@Edge Function' -> lambda@edge), else None."""
        key = _topic_key_for(title, resolver)
        return key and resolver.resolve(resolver.vocab[name_key(title)][0])[0]

    topics = frozenset(
        k for k in resolver.vocab if resolver.resolve(resolver.vocab[k][0]) == (k, "")
    )
    together = set()
    for title in _all_titles(extraction, tables):
        key = name_key(title)
        named = {t for t in topics if re.search(rf"(^| ){re.escape(t)}( |$)", key)}
        if len(named) == 2 and key not in topics:
            together.add(frozenset(named))
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1 :]:
                # Blocks on the two entities of a table are parallel whatever their titles.
                pair = _comparison_key([_display(g.title) for g in (a, b)], resolver)
                if pair in tables or is_parallel(
                    a, b, exact_topic, topics=topics, named_together=together
                ):
                    yield a, b


def _all_titles(extraction: Extraction, tables: dict[str, ComparisonOut]):
    yield from (title for path in extraction.headings for title in path)
    yield from (g.title for g in extraction.groups)
    yield from (" and ".join(c.entities) for c in tables.values())


def _comparison_from_sections(
    note: str, a: Group, b: Group, resolver: _Resolver
) -> ComparisonOut | None:
    rows = align(a, b)
    # Two topics of their own need two matching points; blocks whose titles already say they
    # are two of a kind ("... Mode", "... Streams") need one.
    both_topics = all(_topic_key_for(g.title, resolver) for g in (a, b))
    if len(rows) < (2 if both_topics else 1):
        return None
    entities = [_entity_name(g.title, resolver) for g in (a, b)]
    key = _comparison_key(entities, resolver)
    heading = _heading_label(a.parent, ())
    cells: list[CellOut] = []
    for row in rows:
        for entity, (value, line) in ((entities[0], row.a), (entities[1], row.b)):
            source = Source(note, heading, line, value)
            cells.append(_cell(key, row.attribute, entity, value, [source]))
    return ComparisonOut(
        key=key,
        title=" vs ".join(entities),
        entities=entities,
        entity_topic_keys=[_topic_key_for(e, resolver) for e in entities],
        attributes=list(dict.fromkeys(r.attribute for r in rows)),
        cells=cells,
        sources=[Source(note, heading, a.line, f"{a.title} / {b.title}")],
        entity_ids=_entity_ids(entities, resolver),
    )


def _entity_name(title: str, resolver: _Resolver) -> str:
    """A topic's own name ('Lambda@Edge' for 'Lambda@Edge Function'); else the title, tidied
    ('On - Demand Mode' -> 'On-Demand Mode')."""
    if _topic_key_for(title, resolver):
        topic, _aspect = resolver.resolve(resolver.vocab[name_key(title)][0])
        if topic:
            return resolver.display_name(topic)
    return re.sub(r"\b(\w+) - (\w+)\b", r"\1-\2", _display(title))


def _entity_ids(entities: list[str], resolver: _Resolver) -> list[str]:
    """An entity that is a topic is that topic ('Lambda@Edge Function' = 'Lambda@Edge'), others
    are their normalised names."""
    return [_topic_key_for(e, resolver) or entity_key(e) for e in entities]


def _comparison_key(entities: list[str], resolver: _Resolver) -> str:
    return stable_key("comparison", *sorted(_entity_ids(entities, resolver)))


def _topic_key_for(entity: str, resolver: _Resolver) -> str | None:
    """The topic an entity is (not merely belongs to): 'Lambda@Edge' yes, 'On-Demand Mode' no."""
    key = name_key(entity)
    if key not in resolver.vocab:
        return None
    resolved, aspect = resolver.resolve(resolver.vocab[key][0])
    trivial = name_key(aspect) in {"", "function", "service", "feature"}
    return stable_key("topic", resolved) if resolved and trivial else None


def _enrich(
    comparison: ComparisonOut, comparisons: list[ComparisonOut], facts: list[FactOut]
) -> None:
    """A table gets what other notes say about the same entities: rows of smaller comparisons
    between them, and key-value facts of their topics that two of them share."""
    mine = {
        k: e for k, e in zip(comparison.entity_topic_keys, comparison.entities, strict=False) if k
    }
    if len(mine) < 2:
        return
    for other in comparisons:
        keys = [k for k in other.entity_topic_keys if k]
        if other is comparison or len(keys) != len(other.entities) or not set(keys) < set(mine):
            continue
        renamed = dict(zip(other.entities, (mine[k] for k in keys), strict=False))
        for cell in other.cells:
            # Only rows this table has, or rows that are differences worth a line of their own:
            # a smaller comparison's loosely named rows ('Times') would blur the table.
            if _known_or_claim(comparison, cell.attribute):
                _merge_cell(
                    comparison, cell.attribute, renamed[cell.entity], cell.value, cell.sources
                )
    by_row: dict[frozenset[str], list[FactOut]] = defaultdict(list)
    for fact in facts:
        attribute = _attribute(fact)
        # A fact under a sub-feature ('SnapStart') is about that feature, not the entity.
        about_entity = name_key(fact.subheading).replace(" ", "-") in _ENTITY_ASPECTS
        # "More RAM → better CPU" is a relation, not the entity's memory.
        about_entity = about_entity and not re.match(r"(more|less|increas)", attribute, re.I)
        if (
            fact.topic_key in mine
            and fact.kind in {"key_value", "enumeration"}
            and row_key(attribute)
            and about_entity
        ):
            by_row[row_key(attribute)].append(fact)
    for key, group in by_row.items():
        claim = next((name for k, name in CLAIM_ROWS.items() if k <= key), None)
        known = any(same_row(_attribute(group[0]), a) for a in comparison.attributes)
        if claim or known or len({f.topic_key for f in group}) >= 2:
            for fact in group:
                value = ", ".join(fact.items) if fact.kind == "enumeration" else fact.value
                attribute = claim if claim and not known else _attribute(fact)
                _merge_cell(comparison, attribute, mine[fact.topic_key], value, fact.sources)


_ENTITY_ASPECTS = {"", "limit", "key-feature", "feature", "function", "overview", "concept"}


def _known_or_claim(comparison: ComparisonOut, attribute: str) -> bool:
    key = row_key(attribute)
    return any(same_row(attribute, a) for a in comparison.attributes) or any(
        k <= key for k in CLAIM_ROWS
    )


def _attribute(fact: FactOut) -> str:
    return fact.subject if fact.kind == "enumeration" else fact.attribute


def _comparison_from_table(
    note: str, table: CandidateTable, resolver: _Resolver
) -> ComparisonOut | None:
    header = [clean_heading(h) for h in table.header]
    if len(header) < 2 or not table.rows:
        return None
    heading = _heading_label(table.headings, ())
    if header[0].lower() in _ATTRIBUTE_HEADERS:
        entities = header[1:]
        rows = [(clean_heading(r[0]), r[1:]) for r in table.rows if r]
    else:
        # No attribute column ("| Amazon EC2 | Amazon Lambda |"): each row compares one aspect.
        entities = header
        rows = [(_row_attribute(r, i), r) for i, r in enumerate(table.rows, start=1)]
    if len(entities) < 2:
        return None
    comparison_key = _comparison_key(entities, resolver)
    cells: dict[str, CellOut] = {}
    for index, (attribute, values) in enumerate(rows):
        for entity, value in zip(entities, values, strict=False):
            source = Source(note, heading, table.line + 2 + index, value)
            cell = _cell(comparison_key, attribute, entity, value, [source])
            if cell.key in cells:  # a row repeated in one table: one cell, cited twice
                cells[cell.key].sources.append(source)
            else:
                cells[cell.key] = cell
    return ComparisonOut(
        key=comparison_key,
        title=" vs ".join(entities),
        entities=entities,
        entity_topic_keys=[_topic_key_for(e, resolver) for e in entities],
        attributes=list(dict.fromkeys(a for a, _v in rows)),
        cells=list(cells.values()),
        sources=[Source(note, heading, table.line, table.caption or heading)],
        entity_ids=_entity_ids(entities, resolver),
    )


def _cell(
    comparison: str, attribute: str, entity: str, value: str, sources: list[Source]
) -> CellOut:
    identity = (name_key(attribute), name_key(entity), " ".join(sorted(content_stems(value))))
    return CellOut(stable_key("cell", comparison, *identity), attribute, entity, value, sources)


def _row_attribute(row: list[str], index: int) -> str:
    """A name for an unlabelled row: the words its cells start with ('Limited by'), if any."""
    words = [cell.lower().split() for cell in row if cell]
    common: list[str] = []
    for group in zip(*words, strict=False):
        if len(set(group)) != 1:
            break
        common.append(group[0])
    if common and common[0] not in {"a", "an", "the"}:
        text = " ".join(common)
        return text[:1].upper() + text[1:]
    return f"Point {index}"


def _merge_comparison(into: ComparisonOut, other: ComparisonOut) -> None:
    into.sources.extend(other.sources)
    same = dict(zip(into.entity_ids, into.entities, strict=False))
    rename = {e: same.get(i, e) for e, i in zip(other.entities, other.entity_ids, strict=False)}
    for cell in other.cells:
        entity = rename.get(cell.entity, cell.entity)
        _merge_cell(into, cell.attribute, entity, cell.value, cell.sources)


_NEGATION = re.compile(r"❌|\bno\b|\bnot\b|n't\b|\bwithout\b", re.I)


def _negated(value: str) -> bool:
    return bool(_NEGATION.search(value))


def _merge_cell(
    into: ComparisonOut, attribute: str, entity: str, value: str, sources: list[Source]
) -> None:
    """Add a value to the row that means the same (or a new row). A value that says the same as
    one already there ('JavaScript' / 'JavaScript only') only adds its sources."""
    row = next((a for a in into.attributes if same_row(a, attribute)), None)
    if row is None:
        key = row_key(attribute)
        row = next((name for k, name in CLAIM_ROWS.items() if k <= key), attribute)
        into.attributes.append(row)
    stems = content_stems(value)
    for cell in into.cells:
        if cell.attribute == row and cell.entity == entity:
            other = content_stems(cell.value)
            same_polarity = _negated(value) == _negated(cell.value)
            if stems and other and same_polarity and (stems <= other or other <= stems):
                known = {(s.note, s.line) for s in cell.sources}
                cell.sources.extend(s for s in sources if (s.note, s.line) not in known)
                return
    into.cells.append(_cell(into.key, row, entity, value, list(sources)))
