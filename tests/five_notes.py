"""The five sample notes in content/, ingested once per test session and put back cheaply.

Ingesting the notes (read, parse, extract, merge, store) and generating their cards and questions
takes about a second; dozens of test modules and tests need just "the five notes ingested". So the
session ingests them once, inside a transaction it rolls back, after copying every row it wrote
into memory (`five_notes_ingest`). `five_notes_restore` writes those rows back, primary keys and
all, in a few bulk inserts: inside a test's (or a module's) transaction for ordinary tests, or
committed for live-server tests, whose tables are flushed after each test anyway.

A test gets only what it would have had from the pipeline calls it replaces: the topic model
alone, or with the cards (`cards_generate`), or with the question bank (`questions_generate`).
The reports those calls returned come with the snapshot, as copies a test may change.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.management.color import no_style
from django.db import connection, transaction

from studyapp.decks.models import Card
from studyapp.decks.services import cards_generate
from studyapp.knowledge.models import (
    Citation,
    Comparison,
    ComparisonCell,
    Conflict,
    Fact,
    Note,
    Topic,
)
from studyapp.pipeline import model_rebuild
from studyapp.quizzes.bank import questions_generate
from studyapp.quizzes.models import Question

if TYPE_CHECKING:
    from django.db.models import Model

    from studyapp.decks.services import GenerateReport
    from studyapp.knowledge.services import IngestReport
    from studyapp.quizzes.bank import BankReport

# Every table ingest writes, parents before children (so foreign keys hold row by row too).
KNOWLEDGE: tuple[type[Model], ...] = (
    Note,
    Topic,
    Fact,
    Citation,
    Comparison,
    Comparison.entity_topics.through,
    ComparisonCell,
    Conflict,
    Conflict.facts.through,
)
CARDS: tuple[type[Model], ...] = (Card,)
QUESTIONS: tuple[type[Model], ...] = (Question,)


@dataclass(frozen=True)
class Table:
    """Every row of one table, as the database has them (column names and value tuples)."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class FiveNotes:
    ingest_report: IngestReport
    cards_report: GenerateReport
    questions_report: BankReport
    tables: dict[type[Model], Table] = field(repr=False)

    @property
    def ingest(self) -> IngestReport:
        return copy.deepcopy(self.ingest_report)

    @property
    def cards(self) -> GenerateReport:
        return copy.deepcopy(self.cards_report)

    @property
    def questions(self) -> BankReport:
        return copy.deepcopy(self.questions_report)


def _table_read(model: type[Model]) -> Table:
    # Raw rows, not model instances: what goes back in is exactly what the pipeline wrote
    # (JSON text, timestamps), and reading and writing ~2,000 rows stays a few milliseconds.
    name = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(name)} ORDER BY 1")
        columns = tuple(col[0] for col in cursor.description)
        return Table(name, columns, [tuple(row) for row in cursor.fetchall()])


def _tables_read(models: tuple[type[Model], ...]) -> dict[type[Model], Table]:
    return {model: _table_read(model) for model in models}


def _table_write(table: Table) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in table.columns)
    marks = ", ".join(["%s"] * len(table.columns))
    sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, table.rows)


def five_notes_ingest() -> FiveNotes:
    """Ingest content/ with cards and questions, keep every row written, and roll it all back.

    The tables must be empty: the snapshot is "what the five notes alone give". The order of the
    calls is the pipeline's; the topic model is copied before the cards and questions are made
    from it (neither changes it), so a test can have it without them.
    """
    with transaction.atomic():
        written = [m for m in KNOWLEDGE + CARDS + QUESTIONS if m.objects.exists()]
        assert not written, f"the five notes' snapshot needs empty tables, not {written}"
        ingest = model_rebuild(generate=False).ingest
        assert ingest.as_dict()["ok"], ingest.as_dict()
        tables = _tables_read(KNOWLEDGE)
        cards = cards_generate()
        questions = questions_generate()
        tables |= _tables_read(CARDS + QUESTIONS)
        transaction.set_rollback(True)
    return FiveNotes(ingest, cards, questions, tables)


def five_notes_restore(
    snapshot: FiveNotes, *, cards: bool = False, questions: bool = False
) -> None:
    """Write the snapshot's rows into the (empty) tables, in one transaction of its own (a
    savepoint inside a test's transaction): the topic model, and the cards and the question bank
    when asked for."""
    models = KNOWLEDGE + (CARDS if cards else ()) + (QUESTIONS if questions else ())
    with transaction.atomic():
        for model in models:
            _table_write(snapshot.tables[model])
        # SQLite moves its AUTOINCREMENT counters past the ids inserted by itself; databases with
        # sequences need them reset, or the next row a test creates would take a restored id.
        reset = connection.ops.sequence_reset_sql(no_style(), list(models))
        if reset:
            with connection.cursor() as cursor:
                for sql in reset:
                    cursor.execute(sql)
