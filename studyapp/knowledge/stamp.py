"""The topic model's stamp: a token that changes with every write to the model's rows.

Ingest keeps what it last stored in the process (`ingest.store`) and uses it on the next ingest
instead of reading every row again, but only while the database's token is the one it wrote
then. Every other write changes the token: saves and deletes of the model's rows send Django's
signals, which `stamp_changed` answers (connected in `apps.py`), in the writer's own
transaction, so a write rolled back takes its new token with it. Ingest's own writes
(`quiet_writes`) do not: it writes a new token itself when it has stored everything.
Bulk writes send no signal; only ingest's store writes the model's rows in bulk. A database
emptied without signals (`flush`) has no token, which no memory matches; fixtures loaded
(`loaddata`) send the signals too.
"""

from __future__ import annotations

import contextlib
import contextvars
import uuid
from collections.abc import Iterator
from typing import Any

from .models import (
    Citation,
    Comparison,
    ComparisonCell,
    Conflict,
    Correction,
    Fact,
    ModelStamp,
    Note,
    Topic,
)

# The rows whose change the generators' inputs show; a write to any of them changes the token.
STAMPED = (
    Note,
    Topic,
    Fact,
    Citation,
    Comparison,
    ComparisonCell,
    Conflict,
    Correction,
    Comparison.entity_topics.through,
    Conflict.facts.through,
)

_QUIET: contextvars.ContextVar[bool] = contextvars.ContextVar("stamp_quiet", default=False)


def stamp_read(*, lock: bool = False) -> str:
    """The current token ("" when none was ever written). `lock` holds the row until the
    transaction ends (on databases that lock rows), so two ingests take turns."""
    rows = ModelStamp.objects.filter(pk=1)
    if lock:
        rows = rows.select_for_update()
    return next(iter(rows.values_list("token", flat=True)), "")


def stamp_new() -> str:
    """Write a fresh token and return it."""
    token = uuid.uuid4().hex
    if not ModelStamp.objects.filter(pk=1).update(token=token):
        ModelStamp.objects.create(pk=1, token=token)
    return token


@contextlib.contextmanager
def quiet_writes() -> Iterator[None]:
    """Ingest's own writes: no new token per row (it writes one when it has stored all)."""
    before = _QUIET.set(True)
    try:
        yield
    finally:
        _QUIET.reset(before)


def stamp_changed(sender: Any, **kwargs: Any) -> None:
    """A signal's answer: the model changed outside ingest, so no process's memory of it holds.
    With no token yet there is nothing to invalidate (no memory matches "")."""
    if _QUIET.get():
        return
    ModelStamp.objects.filter(pk=1).update(token=uuid.uuid4().hex)
