"""Merge the candidates of every note into one topic model: topics, facts, comparisons, conflicts.

Pure: it sees all notes' extractions at once (so 'Lambda' in one note and '2. AWS Lambda' in
another become one topic) but no database. Every output carries a stable key so that store can
upsert, and every fact the list of places that say it. The three parts live in merge_topics,
merge_facts and merge_comparisons; this module chains them.

A merge in a process that merged before patches the last one where it can (`MergeState`): when
the notes are the same and those whose extraction changed kept their title, file name, folders
and headings, everything the notes share (the vocabulary of headings, the fields, each note's
own topic, the topic tree's votes) is as it was, so only the changed notes' facts are placed
again and only the topics they placed facts under, before or now, are merged again; the other
topics' facts, wordings and conflicts are the last merge's. Tables and the topic tree are
built again from those (their per-note work memoised, merge_memo). Anything else (a heading
added or renamed, a note added or gone, a title changed, an extraction without a key) merges
from the start. `tests/knowledge/test_merge.py` compares a patched merge with one from nothing
after each kind of edit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
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
    topic_conflicts,
)
from .merge_memo import keep_merge, last_merge
from .merge_topics import (
    Resolver,
    Source,
    TopicOut,
    TopicTally,
    common_folders,
    fallback_topic,
    few_parents,
    field_headings,
    heading_context,
    note_topic,
    own_topic,
    parent_mentions,
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


@dataclass
class MergeState:
    """What a merge keeps for the next one in the process to patch (see the module's doc)."""

    keys: dict[str, str]  # note -> its extraction's key, in the merge's order
    shapes: dict[str, tuple]  # note -> what of it the shared context reads (`_shape`)
    resolver: Resolver  # with the fields set and every note's own topic in its vocabulary
    own: dict[str, str]  # note -> the topic of its facts under no nameable heading
    headings: TopicTally  # the topics the headings name and their parents' votes
    topics_of: dict[str, tuple[str, ...]]  # note -> the topics of its facts, once each, in order
    facts: dict[str, TopicFacts]  # topic -> its facts, merged and worded, in the model's order
    conflicts: dict[str, list[ConflictOut]]  # topic -> its conflicts
    asked: frozenset[str]  # headings with a few parents, fields if their lines name them
    mentions: dict[str, frozenset[tuple[str, str]]]  # note -> (topic, parent) its lines name


def merge(extractions: dict[str, Extraction]) -> Model:
    """Merge per-note extractions (keyed by note slug, in a stable order) into one model."""
    last = last_merge()
    model = _patched(last, extractions) if last is not None else None
    if model is None:
        model, state = _merged_anew(extractions)
        keep_merge(state)
    return model


def _shape(extraction: Extraction) -> tuple:
    """What the context every note shares reads of a note: its names and its headings."""
    return (extraction.title, extraction.name, extraction.folders, tuple(extraction.headings))


def _merged_anew(extractions: dict[str, Extraction]) -> tuple[Model, MergeState | None]:
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
    # (The vocabulary grows no more from here: heading_context may keep what it works out.)
    tally = TopicTally()
    for extraction in extractions.values():
        tally.count_headings(extraction, resolver)
    # Headings many notes put under different subjects are each subject's aspect from here on,
    # and so are those fewer notes put under subjects their lines name.
    asked = few_parents(tally, resolver)
    mentions = {note: parent_mentions(e, resolver, asked) for note, e in extractions.items()}
    resolver.fields = field_headings(tally, resolver, frozenset().union(*mentions.values()))
    headings = _copied(tally)
    facts: dict[str, TopicFacts] = defaultdict(TopicFacts)
    topics_of = {}
    for note, extraction in extractions.items():
        placed = _placed(note, extraction, resolver, own[note])
        topics_of[note] = tuple(dict.fromkeys(topic for topic, _fact in placed))
        for topic, fact in placed:
            tally.touch(topic)
            facts[topic].add(fact)
    for group in facts.values():
        for fact in group.facts:
            choose_wording(fact)
    conflicts = {topic: topic_conflicts(group) for topic, group in facts.items()}
    model = _model(extractions, resolver, own, tally, facts, conflicts)
    if not all(extraction.key for extraction in extractions.values()):
        return model, None  # a note with no key cannot say whether it changed next time
    state = MergeState(
        keys={note: extraction.key for note, extraction in extractions.items()},
        shapes={note: _shape(extraction) for note, extraction in extractions.items()},
        resolver=resolver,
        own=own,
        headings=headings,
        topics_of=topics_of,
        facts=dict(facts),
        conflicts=conflicts,
        asked=asked,
        mentions=mentions,
    )
    return model, state


def _patched(state: MergeState, extractions: dict[str, Extraction]) -> Model | None:
    """The last merge patched with the notes whose extraction changed, or None where a patch
    could differ from a merge from nothing (then everything is merged again)."""
    if list(extractions) != list(state.keys):
        return None  # a note added, gone or in another order
    changed = [note for note, ex in extractions.items() if ex.key != state.keys[note]]
    if any(not extractions[note].key for note in changed):
        return None
    if any(_shape(extractions[note]) != state.shapes[note] for note in changed):
        return None  # a title or a heading changed: the vocabulary may have
    mentions = dict(state.mentions)
    for note in changed:
        mentions[note] = parent_mentions(extractions[note], state.resolver, state.asked)
    named = frozenset().union(*mentions.values())
    if field_headings(state.headings, state.resolver, named) != state.resolver.fields:
        return None  # the lines now name a heading's parents otherwise: the fields changed
    topics_of = dict(state.topics_of)
    fresh = {}
    touched: set[str] = set()
    for note in changed:
        placed = _placed(note, extractions[note], state.resolver, state.own[note])
        fresh[note] = placed
        touched.update(topics_of[note])
        topics_of[note] = tuple(dict.fromkeys(topic for topic, _fact in placed))
        touched.update(topics_of[note])
    # The touched topics' facts merged again from every note that places facts under them, in
    # the order a merge from nothing adds them (a note's facts placed again: that is cheaper
    # than keeping a copy of each, as the resolver has worked out its headings already).
    groups: dict[str, TopicFacts] = defaultdict(TopicFacts)
    for note, extraction in extractions.items():
        hits = touched.intersection(topics_of[note])
        if not hits:
            continue
        if note not in fresh:
            fresh[note] = _placed(note, extraction, state.resolver, state.own[note])
        for topic, fact in fresh[note]:
            if topic in hits:
                groups[topic].add(fact)
    for group in groups.values():
        for fact in group.facts:
            choose_wording(fact)
    # Topics in the order a merge from nothing first meets them.
    order = dict.fromkeys(topic for note in extractions for topic in topics_of[note])
    facts = {topic: groups[topic] if topic in touched else state.facts[topic] for topic in order}
    conflicts = {
        topic: topic_conflicts(facts[topic]) if topic in touched else state.conflicts[topic]
        for topic in order
    }
    tally = _copied(state.headings)
    for topic in order:
        tally.touch(topic)
    model = _model(extractions, state.resolver, state.own, tally, facts, conflicts)
    for note in changed:
        state.keys[note] = extractions[note].key
    state.topics_of, state.facts, state.conflicts = topics_of, facts, conflicts
    state.mentions = mentions
    return model


def _placed(
    note: str, extraction: Extraction, resolver: Resolver, own: str
) -> list[tuple[str, FactOut]]:
    """Each of a note's facts under the topic it goes to, as they are before merging. (Once
    kept pickled for the next merge: a first ingest paid for pickling them all, and a patch
    places the few notes it needs again at less cost than unpickling every note's.)"""
    return [
        (topic, fact_from(cand, note, topic, aspects, resolver))
        for cand in extraction.facts
        for topic, aspects in (fact_place(cand, resolver, own),)
    ]


def _copied(tally: TopicTally) -> TopicTally:
    """A tally to add to, leaving this one as it is (its votes are only read)."""
    return TopicTally(
        order=dict(tally.order), parents=defaultdict(Counter, tally.parents), roots=tally.roots
    )


def _model(
    extractions: dict[str, Extraction],
    resolver: Resolver,
    own: dict[str, str],
    tally: TopicTally,
    facts: dict[str, TopicFacts],
    conflicts: dict[str, list[ConflictOut]],
) -> Model:
    """The model of these merged facts: their tables, the topic tree, the conflicts."""
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
    comparisons = build_comparisons(extractions, resolver, all_facts, homes)
    for comparison in comparisons:
        # Only a table with an entity that has no topic needs its home; others leave the topic
        # tree as it was ('## Comparison – A vs B' over a table of topics stays no topic).
        if comparison.topic_key and None in comparison.entity_topic_keys:
            tally.touch(home_names[comparison.topic_key])
        else:
            comparison.topic_key = None
    topics = topic_tree(tally, resolver)
    found = [conflict for topic in facts for conflict in conflicts[topic]]
    used = {f.topic_key for f in all_facts} | {c.topic_key for c in comparisons if c.topic_key}
    topics = prune_topics(topics, used)
    return Model(topics=topics, facts=all_facts, comparisons=comparisons, conflicts=found)
