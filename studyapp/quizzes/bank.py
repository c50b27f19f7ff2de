"""The question bank in the database: generated questions follow the topic model.

`questions_generate` reads the live model through `knowledge.snapshot` (the same snapshot the
cards read: tables as corrected, so instructors' corrections apply), asks the pure
`generate.py` for questions and upserts them by key: it writes only what changed, retires what
disappeared (never deletes: attempts point at questions), brings back what returns, and never
touches a question an instructor wrote. The ingest command runs it after every ingest.

A question a quiz with an attempt uses is never changed in place when what a learner sees or is
graded on changes (`_CONTENT`: a distractor swapped because another note changed, a table
correction): the attempted quizzes keep the old row, re-keyed to an archived key, retired and
pointing at its successor (`replaced_by`), and a new row takes the key with the new content and
the slots of the quizzes not attempted yet. Otherwise an attempt would be graded and reviewed
against options it was never shown. A question no attempted quiz uses (drafts, practice quizzes
not started) just changes in place, so no quiz keeps an outdated answer. Where it came from
(sources, topic, fact, order, quality) always updates in place.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Exists, Max, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from studyapp.knowledge.bulk import rows_insert, rows_keyed, rows_update
from studyapp.knowledge.models import Note
from studyapp.knowledge.placing import snapshot_topics
from studyapp.knowledge.snapshot import (
    FactView,
    ModelSnapshot,
    Scope,
    TableView,
    model_snapshot,
)
from studyapp.knowledge.written_names import field_labels, field_shorthand, written_names
from studyapp.text.casing import with_labels, with_names

from . import spec
from .generate import (
    CellData,
    FactData,
    RowData,
    TableData,
    TopicData,
    generate,
    many,
    quality,
)
from .models import Attempt, Question, Quiz, QuizQuestion

if TYPE_CHECKING:
    from typing import TypedDict

    from django_stubs_ext import WithAnnotations

    class _InQuiz(TypedDict):
        in_quiz: bool  # whether any quiz uses the question (an Exists annotation)

    # A stored question as `questions_generate` reads it: with its `in_quiz` annotation.
    StoredQuestion = WithAnnotations[Question, _InQuiz]

SEED = 0  # the bank's questions are fixed; quizzes shuffle their options when dealt

_FIELDS = [
    "kind",
    "prompt",
    "items",
    "options",
    "answers",
    "tolerance",
    "unit",
    "explanation",
    "sources",
    "topic_id",
    "fact_id",
    "cell_id",
    "order",
    "about_keys",
    "quality",
    "retired_at",
]
_INSERTED = ["key", *_FIELDS, "created_at"]
# What a learner is shown and graded on: a used question whose content changes gets a new row.
_CONTENT = ["kind", "prompt", "items", "options", "answers", "tolerance", "unit", "explanation"]
ARCHIVED_KEY_PREFIX = 30  # characters of the old key kept in an archived one: "<key[:30]>~<pk>"


@dataclass
class BankReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    # Of the updated ones: old versions kept (re-keyed and retired) for the quizzes using them.
    archived: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict:
        return {
            "by_kind": dict(self.by_kind),
            "created": self.created,
            "updated": self.updated,
            "retired": self.retired,
            "archived": self.archived,
        }


def bank_inputs(
    snapshot: ModelSnapshot | None = None,
) -> tuple[list[FactData], list[TableData], list[TopicData], dict]:
    """The live model as generate.py's input, and the ids its keys stand for:
    {"topic": {key: id}, "fact": {key: id}, "cell": {key: id}}."""
    snapshot = snapshot or model_snapshot()
    shown = snapshot_topics(snapshot)  # the subject as each fact's own note places it
    fact_data = _facts_data(snapshot.facts, shown)
    ids: dict[str, dict[str, int]] = {
        "topic": {t.key: t.pk for t in snapshot.topics},
        "fact": {f.key: f.pk for f in snapshot.facts},
        "cell": {key: pk for view in snapshot.tables for pk, key in view.cells.values()},
    }
    tables = [_table_data(view) for view in snapshot.tables]
    topic_data = [TopicData(t.key, t.name, t.aliases, t.root) for t in snapshot.topics]
    return fact_data, tables, topic_data, ids


# The last run's input for each fact view, by the view's id: (view, its shown topic, FactData).
# A snapshot patched after a small edit keeps the (frozen) views of every fact the edit did not
# touch, so their FactData are kept too instead of made again (tens of thousands per run). The
# view is held, so its id is not reused while it is here.
_FACTS_KEPT: list[dict[int, tuple[FactView, str, FactData]]] = [{}]


def _facts_data(facts: list[FactView], shown: dict[int, str]) -> list[FactData]:
    kept = _FACTS_KEPT[0]
    now: dict[int, tuple[FactView, str, FactData]] = {}
    out = []
    for fact in facts:
        entry = kept.get(id(fact))
        if entry is None or entry[0] is not fact or entry[1] != shown[fact.pk]:
            entry = (fact, shown[fact.pk], _fact_data(fact, shown[fact.pk]))
        now[id(fact)] = entry
        out.append(entry[2])
    _FACTS_KEPT[0] = now  # only this snapshot's views stay held
    return out


def _fact_data(fact: FactView, shown: str) -> FactData:
    return FactData(
        key=fact.key,
        kind=fact.kind,
        topic_key=fact.topic.key,
        topic=fact.topic.name,
        subheading=fact.subheading,
        text=fact.text,
        subject=fact.subject,
        attribute=fact.attribute,
        value=fact.value,
        items=fact.items,
        sources=fact.sources,
        disputed=fact.disputed,
        shown=shown,
    )


def note_folders() -> dict[str, str]:
    """Each note's folder (slug -> its path's folder), by which the generator tells subjects'
    areas apart (`generate.distractors.Model._near`)."""
    paths = Note.objects.values_list("slug", "path")
    return {slug: str(PurePosixPath(path.replace("\\", "/")).parent) for slug, path in paths}


def _table_data(view: TableView) -> TableData:
    rows = []
    for row in view.table.rows:
        identity = row.attribute or row.name
        rows.append(
            RowData(
                name=row.name,
                cells={
                    entity: tuple(
                        CellData(v.value, tuple(v.sources), v.corrected_by) for v in values
                    )
                    for entity, values in row.cells.items()
                },
                attribute=row.attribute,
                cell_keys={
                    entity: view.cells[(identity, entity)][1]
                    for entity in row.cells
                    if (identity, entity) in view.cells
                },
            )
        )
    comparison = view.comparison
    return TableData(
        key=comparison.key,
        title=comparison.title,
        entities=tuple(comparison.entities),
        rows=tuple(rows),
        entity_topics={entity: topic.key for entity, topic in view.entity_topics.items()},
        entity_kind=comparison.entity_kind,
        home=view.home.shown if view.home is not None else "",
    )


@dataclass
class QuestionsBegun:
    """A whole run's question bank begun ahead of its need (`questions_begin`): its inputs, and
    its facts and tables already being asked by worker processes."""

    snapshot: ModelSnapshot | None
    seed: int | str
    inputs: tuple[list[FactData], list[TableData], list[TopicData], dict]
    folders: dict[str, str]
    dealt: many.Begun

    def stop(self) -> None:
        self.dealt.stop()


def questions_begin(
    *, seed: int | str = SEED, snapshot: ModelSnapshot | None = None
) -> QuestionsBegun:
    """Start a whole run's fact and table questions on worker processes, to be finished by
    `questions_generate(begun=…)` of the same snapshot: the pipeline makes the cards
    meanwhile, so every core stays busy through the cards' own writes. `stop()` ends the
    workers if the run fails before it needs them."""
    facts, tables, topics, ids = bank_inputs(snapshot)
    folders = note_folders()
    dealt = many.begin(facts, tables, topics, folders, seed, None, _workers(), ahead=True)
    return QuestionsBegun(snapshot, seed, (facts, tables, topics, ids), folders, dealt)


def _workers() -> int:
    return settings.INGEST_WORKERS or os.cpu_count() or 1


def questions_generate(
    *,
    now: datetime | None = None,
    seed: int | str = SEED,
    snapshot: ModelSnapshot | None = None,
    scope: Scope | None = None,
    begun: QuestionsBegun | None = None,
) -> BankReport:
    """Make the generated questions match the live topic model. One transaction; a second run
    over an unchanged model writes nothing.

    With a `scope` (what a small edit changed, `knowledge.snapshot.scope_of`), only the
    questions of its topics and tables are made, compared and retired; the others stay as they
    are, their wrong options included. Questions it adds go after the others in the bank's
    order; the next full run renumbers. `begun`: this whole run's questions as
    `questions_begin` started them, from this `snapshot` and `seed`."""
    now = now or timezone.now()
    if begun is not None and (begun.snapshot is not snapshot or begun.seed != seed or scope):
        raise ValueError("questions begun for another run")
    with transaction.atomic():
        if begun is not None:
            facts, tables, topics, ids = begun.inputs
            folders = begun.folders
        else:
            facts, tables, topics, ids = bank_inputs(snapshot)
            folders = note_folders()
        keys = (scope.topics, scope.tables) if scope is not None else None
        made = generate(
            facts,
            tables,
            topics,
            seed=seed,
            scope=keys,
            folders=folders,
            workers=_workers(),
            begun=begun.dealt if begun is not None else None,
        )
        read = snapshot or model_snapshot()
        names, shorthand = written_names(read), field_shorthand(field_labels(read))
        if names or shorthand:
            made = [_as_read(question, names, shorthand) for question in made]
        # With whether any quiz uses each question: still the one query.
        in_a_quiz = Exists(QuizQuestion.objects.filter(question=OuterRef("pk")))
        rows: QuerySet[StoredQuestion] | list[StoredQuestion]
        rows = Question.objects.annotate(in_quiz=in_a_quiz)
        if scope is None:
            wanted = list(enumerate(made))
        else:
            in_scope: list[StoredQuestion] = list(
                rows.filter(
                    Q(topic__key__in=scope.topics) | Q(cell__comparison__key__in=scope.tables)
                )
            )
            # and a question the scope makes that sits elsewhere now (its fact moved topics)
            found = {q.key for q in in_scope}
            rows = in_scope + rows_keyed(rows, [q.key for q in made if q.key not in found])
            wanted = _appended(made, rows)
        report = BankReport(by_kind=Counter(q.kind for _order, q in wanted))
        _upsert(wanted, {q.key: q for q in rows}, ids, now=now, report=report)
    return report


def _as_read(
    question: spec.QuestionSpec, names: frozenset[str], shorthand: tuple[tuple[str, str], ...]
) -> spec.QuestionSpec:
    """A question whose prompt gives back the capitals of the names sentence case took
    ('according to aristotle?' -> 'according to Aristotle?') and shows a clinical note's short
    field whole ('— path?' -> '— pathophysiology?', `text.casing`)."""
    prompt = with_labels(with_names(question.prompt, names), shorthand)
    return question if prompt == question.prompt else replace(question, prompt=prompt)


def _appended(made: list[spec.QuestionSpec], rows) -> list[tuple[int, spec.QuestionSpec]]:
    """The order of each question of a scoped run: its own if it has one, else after the last."""
    rows = list(rows)
    have = {q.key: q.order for q in rows}
    after = (Question.objects.aggregate(last=Max("order"))["last"] or 0) + 1
    out = []
    for question in made:
        if question.key not in have:
            have[question.key] = after
            after += 1
        out.append((have[question.key], question))
    return out


@dataclass
class _Writes:
    new: list[Question] = field(default_factory=list)
    # New questions nobody needs the pk of: plain rows, no model instances (tens of thousands
    # on a first ingest).
    inserted: list[dict] = field(default_factory=list)
    changed: list[Question] = field(default_factory=list)
    archived: list[Question] = field(default_factory=list)
    # Questions some quiz uses whose content changes: archived if one of those quizzes has
    # been attempted, else changed in place (decided under the quizzes' locks).
    used: list[tuple[Question, dict]] = field(default_factory=list)


def _upsert(
    wanted: list[tuple[int, spec.QuestionSpec]],
    existing: dict[str, StoredQuestion],
    ids: dict,
    *,
    now: datetime,
    report: BankReport,
) -> None:
    writes = _Writes()
    wanted_keys = set()
    for order, question_spec in wanted:
        question = existing.get(question_spec.key)
        if question is not None and question.author_id is not None:
            continue  # an instructor's question that happens to share the key: theirs
        wanted_keys.add(question_spec.key)
        values = _values(question_spec, ids, order)
        if question is None:
            writes.inserted.append({"key": question_spec.key, **values})
        elif question.in_quiz and any(getattr(question, k) != values[k] for k in _CONTENT):
            writes.used.append((question, values))
        elif any(getattr(question, k) != v for k, v in values.items()):
            _assign(question, values)
            writes.changed.append(question)
    _archive_or_change_used(writes, now=now)
    for key, question in existing.items():
        if question.author_id is None and key not in wanted_keys and question.retired_at is None:
            question.retired_at = now
            writes.changed.append(question)
            report.retired += 1
    _write(writes)
    report.archived = len(writes.archived)
    report.created = len(writes.new) + len(writes.inserted) - len(writes.archived)
    report.updated = len(writes.changed) - report.retired + len(writes.archived)


def _archive_or_change_used(writes: _Writes, *, now: datetime) -> None:
    attempted = _attempted_locked([question for question, _ in writes.used])
    for question, values in writes.used:
        if question.pk in attempted:
            # Those attempts were graded on this version: it stays as it is, and a new row
            # takes the key (and, in _write, the slots of the quizzes not attempted yet).
            fresh = Question(key=question.key, **values)
            question.key = archived_key(question)
            question.retired_at = question.retired_at or now
            question.replaced_by = fresh
            writes.archived.append(question)
            writes.new.append(fresh)
        else:
            _assign(question, values)
            writes.changed.append(question)


def _write(writes: _Writes) -> None:
    if writes.archived:
        # First, so that the new rows may take the keys.
        Question.objects.bulk_update(writes.archived, ["key", "retired_at"])
    if writes.new:
        # New versions of archived questions need their pks (replaced_by).
        Question.objects.bulk_create(writes.new)
    # The rest go in one prepared INSERT, which at tens of thousands of questions is far cheaper.
    rows_insert(Question, writes.inserted, _INSERTED)
    if writes.archived:
        Question.objects.bulk_update(writes.archived, ["replaced_by"])
        _slots_move(writes.archived)
    if writes.changed:
        rows_update(Question, writes.changed, _FIELDS)


def _assign(question: Question, values: dict) -> None:
    for k, v in values.items():
        setattr(question, k, v)


def _attempted_locked(questions: list[Question]) -> set[int]:
    """Which of these questions a quiz with an attempt uses. Locks the quizzes using them first
    (as `attempt_start` and `authored_questions.question_edit` do), so that none is attempted
    between this answer and the bank's writes: an attempt must never be graded on content it
    was not shown. Two queries, none when `questions` is empty."""
    if not questions:
        return set()
    ids = [q.pk for q in questions]
    using = QuizQuestion.objects.filter(question_id__in=ids).values("quiz_id")
    list(Quiz.objects.select_for_update().filter(pk__in=using).order_by("pk").values_list("pk"))
    return set(
        QuizQuestion.objects.filter(
            Exists(Attempt.objects.filter(quiz=OuterRef("quiz"))), question_id__in=ids
        ).values_list("question_id", flat=True)
    )


def _slots_move(archived: list[Question]) -> int:
    """Give the quizzes not attempted yet the new version of each archived question: only
    attempted quizzes keep the old one. One UPDATE; returns the slots moved."""
    return QuizQuestion.objects.filter(
        ~Exists(Attempt.objects.filter(quiz=OuterRef("quiz"))),
        question_id__in=[q.pk for q in archived],
    ).update(
        question_id=Case(*(When(question_id=q.pk, then=Value(q.replaced_by_id)) for q in archived))
    )


def archived_key(question: Question) -> str:
    """A key no generated question has ("~" is no hex digit), within the 40 characters of a key."""
    return f"{question.key[:ARCHIVED_KEY_PREFIX]}~{question.pk}"


def _values(question: spec.QuestionSpec, ids: dict, order: int) -> dict:
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "items": list(question.items),
        "options": list(question.options),
        "answers": list(question.answers),
        "tolerance": float(question.tolerance),
        "unit": question.unit,
        "explanation": question.explanation,
        "sources": [dict(s) for s in question.sources],
        "topic_id": ids["topic"].get(question.topic_key),
        "fact_id": ids["fact"].get(question.fact_key),
        "cell_id": ids["cell"].get(question.cell_key),
        "about_keys": list(question.about_keys),
        "quality": float(question.quality),
        "order": order,
        "retired_at": None,
    }


def bank_questions(*, topics=None, kinds=None, author=None) -> QuerySet[Question]:
    """Live questions one may pick for a quiz: the generated ones, and `author`'s own. `topics`
    (Topic objects or ids) and `kinds` (spec.KINDS) narrow it; None means all."""
    visible = Q(author__isnull=True)
    if author is not None:
        visible |= Q(author=author)
    # Held-back suggestions (generated, under the quality threshold) are not dealt.
    questions = Question.objects.filter(
        visible, retired_at__isnull=True, quality__gte=quality.THRESHOLD
    )
    if topics is not None:
        questions = questions.filter(topic__in=list(topics))
    if kinds is not None:
        questions = questions.filter(kind__in=list(kinds))
    return questions.select_related("topic").order_by("order", "pk")
