"""The words the notes write as names (`text.casing`), read from every live fact's text of a
snapshot, and the short fields their labels use. Whole-model signs, like the field labels: a
scoped run reads the whole snapshot, so its cards and questions read as a full run's."""

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


SHORTHAND_TOPICS = 3  # a field label: an attribute stated in this many topics or more


def field_shorthand(snapshot: ModelSnapshot) -> tuple[tuple[str, str], ...]:
    """The short fields to show whole (`lexicon.FIELD_SHORTHAND`): those the notes use as a
    field of several topics, when two of their fields are clinical ('path' beside 'tx' and
    'symptoms'). In notes of another subject 'path' or 'pt' is a thing, and is left alone."""
    topics: dict[str, set[int]] = {}
    for fact in snapshot.facts:
        if fact.kind not in ("key_value", "definition"):
            continue
        label = (fact.attribute or fact.subject).strip().lower()
        key = label if label in lexicon.FIELD_SHORTHAND else name_key(label)
        if key in lexicon.CLINICAL_FIELDS or key in lexicon.FIELD_SHORTHAND:
            topics.setdefault(key, set()).add(fact.topic.pk)
    fields = {k for k, seen in topics.items() if len(seen) >= SHORTHAND_TOPICS}
    if len(fields & lexicon.CLINICAL_FIELDS) < 2:
        return ()
    return tuple(
        sorted(
            (short, whole) for short, whole in lexicon.FIELD_SHORTHAND.items() if short in fields
        )
    )
