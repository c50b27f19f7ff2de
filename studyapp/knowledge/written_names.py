"""The words the notes write as names (`text.casing`), read from every live fact's text of a
snapshot. A whole-model sign, like the field labels: a scoped run reads the whole snapshot, so
its cards and questions are cased as a full run's."""

from __future__ import annotations

from studyapp.text.casing import NameCounts

from .snapshot import ModelSnapshot

# Kept from run to run in this process: a re-ingest counts only the texts that changed.
_COUNTS = NameCounts()


def written_names(snapshot: ModelSnapshot) -> frozenset[str]:
    _COUNTS.follow({fact.pk: fact.text for fact in snapshot.facts})
    return _COUNTS.names()
