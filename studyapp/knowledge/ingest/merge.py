"""Merge the candidates of every note into one topic model: topics, facts, comparisons, conflicts.

Pure: it sees all notes' extractions at once (so 'Lambda' in one note and '2. AWS Lambda' in
another become one topic) but no database. Every output carries a stable key so that store can
upsert, and every fact the list of places that say it. The three parts live in merge_topics,
merge_facts and merge_comparisons; this module chains them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from studyapp.text.names import stable_key

from .candidates import Extraction
from .merge_comparisons import CellOut, ComparisonOut, build_comparisons
from .merge_facts import (
    ConflictOut,
    FactOut,
    TopicFacts,
    choose_wording,
    fact_from,
    fact_place,
    find_conflicts,
)
from .merge_memo import context_digest, memo_for, recalled, remember
from .merge_topics import (
    Resolver,
    Source,
    TopicOut,
    TopicTally,
    common_folders,
    fallback_topic,
    field_headings,
    heading_context,
    note_topic,
    own_topic,
    prune_topics,
    topic_tree,
)

# What the merged model is made of, for store and tests to import from one place.
__all__ = [
    "CellOut",
    "ComparisonOut",
    "ConflictOut",
    "FactOut",
    "Model",
    "Source",
    "TopicOut",
    "merge",
]


@dataclass
class Model:
    topics: list[TopicOut]
    facts: list[FactOut]
    comparisons: list[ComparisonOut]
    conflicts: list[ConflictOut]


def merge(extractions: dict[str, Extraction]) -> Model:
    """Merge per-note extractions (keyed by note slug, in a stable order) into one model."""
    resolver = Resolver(extractions)
    # A note's facts under no nameable heading belong first to the topic its own title (or
    # file or folder name) names, then to the one most notes are about, then to the note itself.
    fallback = fallback_topic(extractions, resolver)
    shared = common_folders(extractions)
    own = {
        note: note_topic(extraction, resolver, shared)
        or fallback
        or own_topic(extraction, resolver)
        for note, extraction in extractions.items()
    }
    tally = TopicTally()
    for extraction in extractions.values():
        tally.count_headings(extraction, resolver)
    # Headings many notes put under different subjects are each subject's aspect from here on.
    resolver.fields = field_headings(tally, resolver)
    facts: dict[str, TopicFacts] = defaultdict(TopicFacts)
    # Where a note's facts go depends on the note, its own topic and the vocabulary alone.
    context = context_digest(resolver.vocabulary_digest, sorted(resolver.fields))
    placed_memo = memo_for("facts", context)
    for note, extraction in extractions.items():
        key = (note, extraction.key, own[note])
        placed = recalled(placed_memo, key) if extraction.key else None
        if placed is None:
            placed = [
                (topic, fact_from(cand, note, topic, aspects, resolver))
                for cand in extraction.facts
                for topic, aspects in (fact_place(cand, resolver, own[note]),)
            ]
            if extraction.key:
                remember(placed_memo, key, placed)
        for topic, fact in placed:
            tally.touch(topic)
            facts[topic].add(fact)

    # A table's home topic is where its note files it, as for a fact: the deck that holds the
    # cards of entities with no topic of their own ('| | Civil law | Criminal law |').
    homes: dict[tuple[str, int], str] = {}
    home_names: dict[str, str] = {}
    for note, extraction in extractions.items():
        for table in extraction.tables:
            home = heading_context(resolver, table.headings, ())[0] or own[note]
            homes[(note, table.line)] = stable_key("topic", home)
            home_names[homes[(note, table.line)]] = home

    all_facts = [f for group in facts.values() for f in group.facts]
    for fact in all_facts:
        choose_wording(fact)
    comparisons = build_comparisons(extractions, resolver, all_facts, homes)
    for comparison in comparisons:
        # Only a table with an entity that has no topic needs its home; others leave the topic
        # tree as it was ('## Comparison – A vs B' over a table of topics stays no topic).
        if comparison.topic_key and None in comparison.entity_topic_keys:
            tally.touch(home_names[comparison.topic_key])
        else:
            comparison.topic_key = None
    topics = topic_tree(tally, resolver)
    conflicts = find_conflicts(facts)
    used = {f.topic_key for f in all_facts} | {c.topic_key for c in comparisons if c.topic_key}
    topics = prune_topics(topics, used)
    return Model(topics=topics, facts=all_facts, comparisons=comparisons, conflicts=conflicts)
