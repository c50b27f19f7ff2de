"""The question bank in the database: generated questions follow the topic model.

`questions_generate` reads the live model (a query per model, plus the three queries of
`compare.selectors.comparison_table` per table, so instructors' corrections apply), asks the pure
`generate.py` for questions and upserts them by key: it writes only what changed, retires what
disappeared (never deletes: attempts point at questions), brings back what returns, and never
touches a question an instructor wrote. The ingest command runs it after every ingest.

A question some quiz uses is never changed in place when what a learner sees or is graded on
changes (`_CONTENT`: a distractor swapped because another note changed, a table correction): the
quizzes keep the old row, re-keyed to an archived key and retired, and a new row takes the key
with the new content. Otherwise a quiz's attempts would be graded and reviewed against options
they were never shown. Where it came from (sources, topic, fact, order) still updates in place.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from studyapp.compare.selectors import comparison_table
from studyapp.knowledge.ingest.names import name_key
from studyapp.knowledge.models import Citation, Comparison, Conflict, Fact, Topic

from . import spec
from .generate import CellData, FactData, RowData, TableData, TopicData, generate
from .models import Question, QuizQuestion

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
    "retired_at",
]
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


def bank_inputs() -> tuple[list[FactData], list[TableData], list[TopicData], dict]:
    """The live model as generate.py's input, and the ids its keys stand for:
    {"topic": {key: id}, "fact": {key: id}, "cell": {key: id}}."""
    topics = list(Topic.objects.filter(retired_at__isnull=True))
    facts = list(
        Fact.objects.filter(retired_at__isnull=True, topic__retired_at__isnull=True)
        .select_related("topic")
        .order_by("topic__order", "topic__name", "order", "pk")
    )
    sources: dict[int, list[dict]] = defaultdict(list)
    citations = (
        Citation.objects.filter(fact__retired_at__isnull=True)
        .select_related("note")
        .order_by("fact_id", "note__slug", "line")
    )
    for citation in citations:
        sources[citation.fact_id].append(
            {
                "note": citation.note.slug,
                "title": citation.note.title,
                "heading": citation.heading,
                "line": citation.line,
            }
        )
    disputed = set(
        Conflict.facts.through.objects.filter(conflict__retired_at__isnull=True).values_list(
            "fact_id", flat=True
        )
    )
    fact_data = [
        FactData(
            key=fact.key,
            kind=fact.kind,
            topic_key=fact.topic.key,
            topic=fact.topic.name,
            subheading=fact.subheading,
            text=fact.text,
            subject=fact.subject,
            attribute=fact.attribute,
            value=fact.value,
            items=tuple(fact.items),
            sources=tuple(sources.get(fact.pk, ())),
            disputed=fact.pk in disputed,
        )
        for fact in facts
    ]
    ids: dict[str, dict[str, int]] = {
        "topic": {t.key: t.pk for t in topics},
        "fact": {f.key: f.pk for f in facts},
        "cell": {},
    }
    tables = []
    comparisons = Comparison.objects.filter(retired_at__isnull=True).prefetch_related(
        "cells", "entity_topics"
    )
    for comparison in comparisons:
        entity_topics = _entity_topics(comparison)
        cells = {(c.attribute, c.entity): c for c in comparison.cells.all()}
        ids["cell"].update({c.key: c.pk for c in cells.values()})
        rows = []
        for row in comparison_table(comparison).rows:
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
                        entity: cells[(identity, entity)].key
                        for entity in row.cells
                        if (identity, entity) in cells
                    },
                )
            )
        tables.append(
            TableData(
                key=comparison.key,
                title=comparison.title,
                entities=tuple(comparison.entities),
                rows=tuple(rows),
                entity_topics=entity_topics,
            )
        )
    topic_data = [TopicData(t.key, t.name, tuple(t.aliases)) for t in topics]
    return fact_data, tables, topic_data, ids


def _entity_topics(comparison: Comparison) -> dict[str, str]:
    """Each entity's topic key, by name or alias (as the comparison cards find their deck)."""
    by_name: dict[str, str] = {}
    for topic in comparison.entity_topics.all():
        if topic.retired_at is None:
            for name in (topic.name, *topic.aliases):
                by_name.setdefault(name_key(name), topic.key)
    return {e: by_name[name_key(e)] for e in comparison.entities if name_key(e) in by_name}


def questions_generate(*, now: datetime | None = None, seed: int | str = SEED) -> BankReport:
    """Make the generated questions match the live topic model. One transaction; a second run
    over an unchanged model writes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        facts, tables, topics, ids = bank_inputs()
        wanted = generate(facts, tables, topics, seed=seed)
        report = BankReport(by_kind=Counter(q.kind for q in wanted))
        # With whether any quiz uses each question: still the one query.
        in_a_quiz = Exists(QuizQuestion.objects.filter(question=OuterRef("pk")))
        existing = {q.key: q for q in Question.objects.annotate(in_quiz=in_a_quiz)}
        new, changed, archived = [], [], []
        wanted_keys = set()
        for order, question_spec in enumerate(wanted):
            question = existing.get(question_spec.key)
            if question is not None and question.author_id is not None:
                continue  # an instructor's question that happens to share the key: theirs
            wanted_keys.add(question_spec.key)
            values = _values(question_spec, ids, order)
            if question is None:
                new.append(Question(key=question_spec.key, **values))
            elif question.in_quiz and any(getattr(question, k) != values[k] for k in _CONTENT):
                # Quizzes keep the version they were built (and maybe attempted) with.
                question.key = archived_key(question)
                question.retired_at = question.retired_at or now
                archived.append(question)
                new.append(Question(key=question_spec.key, **values))
            elif any(getattr(question, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(question, k, v)
                changed.append(question)
        for key, question in existing.items():
            if (
                question.author_id is None
                and key not in wanted_keys
                and question.retired_at is None
            ):
                question.retired_at = now
                changed.append(question)
                report.retired += 1
        if archived:
            # First, so that the new rows may take the keys.
            Question.objects.bulk_update(archived, ["key", "retired_at"])
        if new:
            Question.objects.bulk_create(new)
        if changed:
            Question.objects.bulk_update(changed, _FIELDS)
    report.archived = len(archived)
    report.created = len(new) - len(archived)
    report.updated = len(changed) - report.retired + len(archived)
    return report


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
        "order": order,
        "retired_at": None,
    }


def bank_questions(*, topics=None, kinds=None, author=None) -> QuerySet[Question]:
    """Live questions one may pick for a quiz: the generated ones, and `author`'s own. `topics`
    (Topic objects or ids) and `kinds` (spec.KINDS) narrow it; None means all."""
    visible = Q(author__isnull=True)
    if author is not None:
        visible |= Q(author=author)
    questions = Question.objects.filter(visible, retired_at__isnull=True)
    if topics is not None:
        questions = questions.filter(topic__in=list(topics))
    if kinds is not None:
        questions = questions.filter(kind__in=list(kinds))
    return questions.select_related("topic").order_by("order", "pk")
