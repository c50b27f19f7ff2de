"""The one pipeline: notes → topic model → cards and questions.

Every stage is a step of its own app; this module is the only place that chains them:

    read → parse → extract      knowledge.services.notes_read    (per note, pure until here)
    merge → store               knowledge.services.notes_store   (across notes, one transaction)
    cards                       decks.services.cards_generate
    questions                   quizzes.bank.questions_generate

The ingest command calls `model_rebuild`; the corrections page calls `table_correct`. Both return
what changed, so callers report it rather than recount.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from studyapp.decks.services import GenerateReport, cards_generate
from studyapp.knowledge.ingest.merge_memo import forget as merge_forget
from studyapp.knowledge.ingest.store import forget_stored_rows
from studyapp.knowledge.models import Comparison, Correction
from studyapp.knowledge.services import (
    IngestReport,
    forget_extractions,
    notes_read,
    notes_store,
)
from studyapp.knowledge.snapshot import (
    ModelSnapshot,
    Scope,
    StoredEdit,
    forget_snapshot,
    model_snapshot,
    scope_of,
)
from studyapp.knowledge.tables import correction_make
from studyapp.quizzes.bank import BankReport, questions_begin, questions_generate


@dataclass
class RebuildReport:
    ingest: IngestReport
    cards: GenerateReport | None = None
    questions: BankReport | None = None

    def as_dict(self) -> dict[str, Any]:
        data = self.ingest.as_dict()
        if self.cards is not None:
            data["cards"] = self.cards.as_dict()
        if self.questions is not None:
            data["questions"] = self.questions.as_dict()
        return data


def model_rebuild(
    *,
    paths: list[Path] | None = None,
    max_bytes: int | None = None,
    progress: Callable[[str], None] | None = None,
    generate: bool = True,
) -> RebuildReport:
    """Ingest the notes (default: content/) into the topic model, then make the cards and the
    question bank follow it. `generate=False` stops after the topic model (tests of ingest).

    Notes are read outside the transaction (a broken one is reported by name while the others
    go on); everything written is written in one, so the cards never lag the model they
    come from.
    """
    with fewer_collections():
        return _rebuild(paths, max_bytes, progress, generate)


def _rebuild(
    paths: list[Path] | None,
    max_bytes: int | None,
    progress: Callable[[str], None] | None,
    generate: bool,
) -> RebuildReport:
    batch = notes_read(paths=paths, max_bytes=max_bytes, progress=progress)
    with transaction.atomic():
        report = RebuildReport(ingest=notes_store(batch))
        if generate:
            # Cards and questions read the model as one snapshot, taken once.
            ingest = report.ingest
            stored = StoredEdit(
                ingest.stamps, frozenset(ingest.topics_touched), frozenset(ingest.tables_touched)
            )
            snapshot = model_snapshot(since=stored)
            scope = edit_scope(report.ingest, snapshot)
            # A whole run's questions are begun first: their workers ask the facts and tables
            # while this process makes the cards and writes them.
            begun = questions_begin(snapshot=snapshot) if scope is None else None
            try:
                # Cards follow the model: new facts give new cards, retired facts retire theirs.
                report.cards = cards_generate(snapshot=snapshot, scope=scope)
                # So do the generated questions (instructors' own questions are left alone).
                report.questions = questions_generate(snapshot=snapshot, scope=scope, begun=begun)
            finally:
                if begun is not None:
                    begun.stop()
    return report


# The third threshold counts middle-generation collections; no rebuild makes this many.
FULL_COLLECTION_NEVER = 1 << 30


@contextlib.contextmanager
def fewer_collections(threshold: int = 100_000) -> Iterator[None]:
    """Run a rebuild with Python's cycle collector run less often. A rebuild allocates millions
    of small objects that live until it ends (the extractions, the merged model, the snapshot,
    the rows), and with the default threshold (700) the collector rescans them all again and
    again: measured at 300 notes, a first ingest takes 20% less time and a one-note re-ingest
    55% less, for a few percent more peak memory. (Collecting the middle generation 20x less
    often too saved a second on the first re-ingest in one process, nothing on the bench's, and
    cost 130 MiB of peak memory at 1,000 notes: left at 50.) The thresholds are put back
    afterwards.

    What a rebuild leaves alive is kept on purpose: the process keeps the last model for the
    next ingest (about 1.5 million objects at 1,000 notes). A full collection over them costs
    2-3 s and finds nothing, yet the collector's own rule (a quarter more long-lived objects
    than at the last one) fired one at the end of every one-note re-ingest, more than the
    re-ingest itself. So no full collection runs inside a rebuild (`FULL_COLLECTION_NEVER`),
    and what is alive at its end is frozen (`gc.freeze`): later collections skip it, and it
    is still freed as usual when nothing refers to it. Only a cycle among those objects would
    then outlive its use; the rebuild's structures are kept free of cycles (a test counts
    what a collection after a re-ingest finds)."""
    before = gc.get_threshold()
    gc.set_threshold(threshold, 50, FULL_COLLECTION_NEVER)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*before)


# Past this share of the topics touched, redoing everything costs about as much as the scope.
SCOPED_AT_MOST = 0.25


def edit_scope(ingest: IngestReport, snapshot: ModelSnapshot) -> Scope | None:
    """What the generators must redo after this ingest: only the touched topics and tables
    when an edit touched few of them, or everything (None) after a first ingest, a large
    change, or a new engine (its generators may make other cards from the same model)."""
    if ingest.engine_changed:
        return None
    if len(ingest.topics_touched) > SCOPED_AT_MOST * max(len(snapshot.topics), 1):
        return None
    return scope_of(snapshot, ingest.topics_touched, ingest.tables_touched)


def memories_forget() -> None:
    """Forget what this process kept from its last ingest: the next one reads everything from
    the database (tests compare both ways)."""
    merge_forget()
    forget_extractions()
    forget_stored_rows()
    forget_snapshot()


def table_correct(*, comparison: Comparison, author: Any, **change: str) -> Correction:
    """Record an instructor's correction of a table and regenerate what teaches it: the table's
    cards only (a fixed cell's card changes, a dropped row's retire), and the question bank,
    whose other questions borrow the table's values as distractors."""
    with transaction.atomic():
        correction = correction_make(comparison=comparison, author=author, **change)
        snapshot = model_snapshot()
        cards_generate(snapshot=snapshot, table_key=comparison.key)
        questions_generate(snapshot=snapshot)
    return correction
