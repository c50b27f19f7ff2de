"""Which topic a card or question about one fact names, as the fact's own note places it.

A topic named by plain words is shown with its parent ('SageMaker › Input', 'QuickSight › Visual
types', `TopicView.shown`). But a plain heading such as 'Diagnosis', 'Logs' or 'Significance' heads
sections in many notes, under a different subject in each, and the topic it becomes has the one
parent most notes vote for. A fact from another note would then be asked under someone else's
subject ('Choriocarcinoma › Diagnosis — serum uric acid?' for a line of the SIADH section). So the
parent is checked against the fact's own notes: it stays when one of them names it (in its title, in
the fact's heading, or as the topic of a fact earlier in that note) and the heading right above the
fact's own does not name another subject; otherwise the fact is asked under that heading ('Cirrhosis
› Diagnosis'), or under its note's title ('AWS CloudTrail › Logs'). A title or heading that only
names where the note comes from (a question bank, 'Pretest GI', `names.collection_words`) is no
subject to ask it under: the topic is asked alone, or under what is left ('GI').
"""

from __future__ import annotations

from studyapp.text.names import (
    collection_words,
    framing,
    generic_heading,
    name_key,
    name_tokens,
    sentence_heading,
    uncollected,
)

from .snapshot import FactView, ModelSnapshot, TopicView, plain_phrase, restates_name


def snapshot_topics(snapshot: ModelSnapshot) -> dict[int, str]:
    """`fact_topics` of the snapshot's facts, worked out once per snapshot (cards and questions
    read the same one)."""
    if snapshot.shown is None:
        last = snapshot.patched_from
        snapshot.places = _NotePlaces(snapshot.facts)
        if last is not None and last.shown is not None and last.places is not None:
            snapshot.shown = _shown_patched(snapshot, last)
        else:
            snapshot.shown = {fact.pk: snapshot.places.shown(fact) for fact in snapshot.facts}
        snapshot.patched_from = None  # no chain of snapshots kept alive
    return snapshot.shown


def _shown_patched(snapshot: ModelSnapshot, last: ModelSnapshot) -> dict[int, str]:
    """The last snapshot's answers for the facts it had as they are (the same view), unless
    one of their notes places its topics otherwise now; the others worked out again. A fact's
    answer depends only on it, on the collections named by all titles, and on where each
    topic first holds a fact in each of its notes."""
    places, before = snapshot.places, last.places
    if places.collections != before.collections:
        return {fact.pk: places.shown(fact) for fact in snapshot.facts}
    moved = {
        note
        for key in places.first.keys() | before.first.keys()
        if places.first.get(key) != before.first.get(key)
        for note in (key[0],)
    }
    was = {fact.pk: fact for fact in last.facts}
    assert last.shown is not None
    return {
        fact.pk: last.shown[fact.pk]
        if was.get(fact.pk) is fact and not any(s["note"] in moved for s in fact.sources)
        else places.shown(fact)
        for fact in snapshot.facts
    }


def fact_topics(facts: list[FactView]) -> dict[int, str]:
    """Fact pk -> the topic as its cards and questions name it. Linear in the facts and their
    sources."""
    placed = _NotePlaces(facts)
    return {fact.pk: placed.shown(fact) for fact in facts}


def _field_like(topic: TopicView) -> bool:
    """A topic shown with its parent: plain words whose parent says what they are about."""
    return topic.shown != topic.name


def _names(text: str, name: str) -> bool:
    words = set(name_tokens(name))
    return bool(words) and words <= set(name_tokens(text))


class _NotePlaces:
    """Where each topic first holds a fact in each note."""

    def __init__(self, facts: list[FactView]):
        self.collections = collection_words(
            {source.get("title") or "" for fact in facts for source in fact.sources}
        )
        self.first: dict[tuple[str, str], int] = {}  # (note, topic name) -> its first line
        for fact in facts:
            if _field_like(fact.topic):
                continue  # a heading such as 'Diagnosis' says nothing of what the note is about
            for source in fact.sources:
                key = (source["note"], fact.topic.name)
                self.first[key] = min(self.first.get(key, source["line"]), source["line"])

    def subject(self, owner: str) -> str:
        """What a heading or title says its section is about, as a card names it: without the
        collection it comes from ('Pretest GI' -> 'GI'), the subject it frames ('Video 2:
        Closures' -> 'Closures'); none for a sentence ('Why the treaty failed in the end')."""
        owner = uncollected(owner, self.collections)
        framed = framing(owner)
        if framed and not framed.aspect:
            owner = framed.subject
        return "" if sentence_heading(owner) else owner

    def named_before(self, note: str, name: str, line: int) -> bool:
        return self.first.get((note, name), line) < line

    def shown(self, fact: FactView) -> str:
        topic = fact.topic
        if not fact.sources:
            return topic.shown
        if not topic.parent and plain_phrase(topic.name):
            # a plain heading many notes share ('Storage', 'Logs') has no parent to vote for:
            # asked under the name its own note files it under ('Amazon EMR › Storage')
            return self._under_named_owner(fact, topic)
        if not _field_like(topic):
            return topic.shown
        if topic.root_name and topic.shown.startswith(f"{topic.root_name} › "):
            # shown under its tree's top ('AWS OpsWorks › Auto-healing workflow'): only where
            # the fact's own note names that top; a tree's wrong turn is not shown
            root = topic.root_name
            named = any(
                _names(f"{s.get('title') or ''} {s.get('heading') or ''}", root)
                for s in fact.sources
            )
            return topic.shown if named else topic.name
        parent = topic.parent
        if sentence_heading(parent) or not uncollected(parent, self.collections):
            parent = ""  # no subject to show it under: what its own note says decides
        locals_ = [
            self.subject(_local_owner(topic.name, source.get("heading") or ""))
            for source in fact.sources
        ]
        for source, local in zip(fact.sources, locals_, strict=True):
            where = f"{source.get('title') or ''} {source.get('heading') or ''}"
            if local and not _names(local, parent):
                continue  # the heading above it in this note is another subject
            if _names(where, parent) or self.named_before(source["note"], parent, source["line"]):
                return topic.shown
        title = self.subject(fact.sources[0].get("title") or "")
        owner = next((x for x in locals_ if x), "") or title
        if not owner or _names(topic.name, owner) or restates_name(owner, topic.name):
            return topic.name
        return f"{owner} › {topic.name}"

    def _under_named_owner(self, fact: FactView, topic: TopicView) -> str:
        """A parentless plain topic under the heading right above its own in the fact's first
        note when that is a name ('Amazon EMR', 'Amazon CloudWatch'), not plain words
        ('Commands', 'Diagnosis') that say no more than the topic; or under the note's title."""
        source = fact.sources[0]
        parts = [p.strip() for p in (source.get("heading") or "").split(" › ") if p.strip()]
        keys = [name_key(p) for p in parts]
        own = name_key(topic.name)
        if own not in keys:
            return topic.shown  # filed here by what its line says, not by its own heading
        at = keys.index(own)
        owner = self.subject(parts[at - 1] if at else source.get("title") or "")
        # (a note's title is its subject, plain words or not: 'Trauma')
        unnamed = not owner or (at and plain_phrase(owner)) or generic_heading(owner)
        if unnamed or _names(owner, topic.name) or _names(topic.name, owner):
            return topic.shown
        return topic.shown if restates_name(owner, topic.name) else f"{owner} › {topic.name}"


def _local_owner(name: str, heading: str) -> str:
    """The subject a citation's heading path puts the topic under: the heading right above the
    topic's own ('Cirrhosis › Diagnosis'), or, for a fact filed under a topic its line names
    ('Hypoglycemia › treatment' for 'Symptomatic: IV glucose'), the path's first heading."""
    parts = [p.strip() for p in heading.split(" › ") if p.strip()]
    keys = [name_key(p) for p in parts]
    own = name_key(name)
    if own in keys:
        at = keys.index(own)
        owner = parts[at - 1] if at else ""
    else:
        owner = parts[0] if parts else ""
    return "" if not owner or generic_heading(owner) or _names(owner, name) else owner
