"""Whole-model signs of the notes, read from every live fact of a snapshot: the words they
write as names (`text.casing`), the labels they use as fields, and the short ones shown whole.
A scoped run reads the whole snapshot, so its cards and questions read as a full run's."""

from __future__ import annotations

from studyapp.text import lexicon
from studyapp.text.casing import NameCounts
from studyapp.text.names import name_key

from .snapshot import ModelSnapshot

# Kept from run to run in this process: a re-ingest counts only the texts that changed.
_COUNTS = NameCounts()


def written_names(snapshot: ModelSnapshot) -> frozenset[str]:
    _COUNTS.follow({fact.pk: fact.text for fact in snapshot.facts})
    return _COUNTS.names()


def field_labels(snapshot: ModelSnapshot) -> frozenset[str]:
    """Names the notes use as a field of many topics ('Symptoms', 'Treatment', 'Purpose'): the
    name keys of key–value attributes stated in `LABEL_TOPICS` topics or more. A cloze that
    hides one hides a label of a line, not a term (decks.quality); a clinical note's short
    field among them is shown whole (`field_shorthand`)."""
    topics: dict[str, set[int]] = {}
    for fact in snapshot.facts:
        if fact.kind in ("key_value", "definition") and (name := fact.attribute or fact.subject):
            topics.setdefault(name_key(name), set()).add(fact.topic.pk)
    return frozenset(k for k, seen in topics.items() if len(seen) >= LABEL_TOPICS)


LABEL_TOPICS = 3


def field_shorthand(labels: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The short fields to show whole (`lexicon.FIELD_SHORTHAND`): those among the notes' field
    labels (`field_labels`), when two of those are clinical ('path' beside 'tx' and
    'symptoms'). In notes of another subject 'path' or 'pt' is a thing, and is left alone."""
    if len(labels & lexicon.CLINICAL_FIELDS) < 2:
        return ()
    return tuple(
        sorted(
            (short, whole)
            for short, whole in lexicon.FIELD_SHORTHAND.items()
            if name_key(short) in labels
        )
    )
