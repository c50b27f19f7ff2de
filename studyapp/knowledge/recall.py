"""Asking for facts to be studied again, without knowing who keeps the cards.

A missed quiz question and a table cell the learner did not know in a self-test both ask for the
cards of those facts and cells to be due now in the learner's deck. Cards belong to the decks app,
which the quizzes and compare apps must not import (the three sit side by side above knowledge:
see the import contracts in pyproject.toml). So they call `recall_request`, and the decks app,
listening on `recall_requested` (connected in decks/apps.py), makes the cards due and answers with
how many. Signals run in the sender's thread and transaction, so the cards fall due exactly when
the answer that missed them is saved, and roll back with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.dispatch import Signal

# Sent with: user, now, fact_ids, cell_ids, keys (fact or cell keys), and table_cells: a
# (comparison pk, [(attribute, entity), ...]) pair, whose cells also count when another card asks
# the same question ("Lambda@Edge — authoring region?"). A receiver returns how many cards it made
# due.
recall_requested = Signal()


def recall_request(
    *,
    user: Any,
    now: datetime,
    fact_ids: Iterable[int] = (),
    cell_ids: Iterable[int] = (),
    keys: Iterable[str] = (),
    table_cells: tuple[int, list[tuple[str, str]]] | None = None,
) -> int:
    """Make the cards of these facts and cells due now for the user; how many cards that is."""
    replies = recall_requested.send(
        sender=None,
        user=user,
        now=now,
        fact_ids=set(fact_ids),
        cell_ids=set(cell_ids),
        keys=set(keys),
        table_cells=table_cells,
    )
    made_due = 0
    for _receiver, count in replies:
        reply: object = count
        if isinstance(reply, int):
            made_due += reply
    return made_due
