"""What merging worked out, kept for the next merge in the same process.

Pure (no Django, no I/O). Two memories: the last merge itself (`last_merge`, a
merge.MergeState that the next merge patches when only some notes' lines changed), and a
note's own comparisons of its parallel sections, given the tables and topics all notes share,
for a merge from the start (the job worker, a re-ingest after a heading changed) to redo only
for the notes whose extraction changed, unless the edit changed what they share.

A part is kept under (note, its extraction's key, what else it depends on) and the digest of
the shared context, as pickled bytes: merging changes what it is given in place, so each use
gets a copy of its own (unpickling is several times cheaper than `copy.deepcopy`). Only the
last context of each part is kept, so the memo holds one entry per note at most.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Hashable
from typing import Any

_MEMOS: dict[str, tuple[str, dict[Hashable, bytes]]] = {}


def context_digest(*parts: Any) -> str:
    """A digest of what the notes share (each part's repr must be stable between runs)."""
    digest = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\x1f")
    return digest.hexdigest()


def memo_for(part: str, context: str) -> dict[Hashable, bytes]:
    """The memo of `part` ('facts', 'sections') in this context; emptied when it is another."""
    kept = _MEMOS.get(part)
    if kept is None or kept[0] != context:
        kept = _MEMOS[part] = (context, {})
    return kept[1]


def recalled(memo: dict[Hashable, bytes], key: Hashable) -> Any | None:
    """A fresh copy of what was kept under `key`, or None."""
    blob = memo.get(key)
    return None if blob is None else pickle.loads(blob)


def remember(memo: dict[Hashable, bytes], key: Hashable, value: Any) -> None:
    memo[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


# The last merge itself (merge.MergeState), for the next one to patch: kept here so that one
# `forget` empties every memory of merging.
_LAST: list[Any] = []


def last_merge() -> Any | None:
    return _LAST[0] if _LAST else None


def keep_merge(state: Any | None) -> None:
    _LAST[:] = [] if state is None else [state]


def forget() -> None:
    """Empty every memo (tests compare a merge with it against one without)."""
    _MEMOS.clear()
    _LAST.clear()
