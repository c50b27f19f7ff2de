"""The topic model as the generators read it: one snapshot for cards and questions alike.

Cards (decks.services.cards_generate) and the question bank (quizzes.bank) are built from the same
live model, so they read it the same way: live facts of live topics in the order the topics and
their facts have, each with its sources and the values of any conflict it is part of; the
comparison tables as corrected (`tables.comparison_table`), each cell's row and key, and each
entity's topic found by name or alias. A fixed number of queries, plus three per table.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from django.db.models import TextField
from django.db.models.functions import Cast

from studyapp.text.names import name_key, name_tokens
from studyapp.text.prompts import spells

from .models import Citation, Comparison, ComparisonCell, Conflict, Fact, Note, Topic
from .tables import Table, TablesContext, comparison_table, tables_context


@dataclass(frozen=True)
class TopicView:
    pk: int
    key: str
    name: str
    aliases: tuple[str, ...]
    parent: str = ""  # the parent topic's name, if any
    root: str = ""  # the key of its top-level topic (its own when it has no parent)
    parent_top: bool = False  # its parent is a top-level topic (most often a note's subject)
    root_name: str = ""  # its top-level topic's name, when that is not its parent
    # the parent as a card names it ('Antibodies › Classes' over 'IgA'): the context of a
    # definition of this topic, which hides this topic's own name
    parent_shown: str = ""

    @property
    def shown(self) -> str:
        """The topic as a card names it: a one-word topic with its parent ('SageMaker › Input'),
        because a heading like 'Input' or 'Limits' alone has lost what it is about."""
        word = self.name.strip()
        # One plain word ('Input', 'limits'), not a name ('SageMaker', 'Lambda@Edge', 'EC2').
        if self.parent and word.isalpha() and word[1:] == word[1:].lower():
            return f"{self.parent} › {self.name}"
        # Plain words under a name or a subject of its own ('Amazon QuickSight › Visual types',
        # 'Dementia › Lewy body'); under plain words in the middle of a tree ('Commands › Auto
        # scaling') the parent says no more than the topic does.
        named = self.parent_top or not plain_phrase(self.parent)
        if self.parent and plain_phrase(self.name) and named:
            if not restates_name(self.parent, self.name):
                return f"{self.parent} › {self.name}"
        elif self.parent and plain_phrase(self.name) and self.root_name:
            # ... but the tree's top says it ('AWS OpsWorks' over 'Instances › Auto-healing
            # workflow'): shown under it, the topic keeps what it is about
            if not plain_phrase(self.root_name) and not restates_name(self.root_name, self.name):
                return f"{self.root_name} › {self.name}"
        return self.name


def restates_name(parent: str, name: str) -> bool:
    """A parent that names the topic again ('Diffused Esophageal spasm' over 'Diffuse
    esophageal spasm', 'Second Stage of Labor' over 'Second stage arrest of labor', 'CVID' over
    'Common variable immunodeficiency'): shown before it, it says the same thing twice."""
    own = set(name_tokens(name))
    shared = own & set(name_tokens(parent))
    # one word shared with a longer parent is a part of it ('AWS Data Pipeline › Data')
    return len(own) > 1 and len(shared) * 2 >= len(own) or spells(parent, name)


MAX_PLAIN_WORDS = 5  # 'Static routes and propagated routes'; longer is a sentence, not a part


def plain_phrase(name: str) -> bool:
    """A heading of plain words ('Input', 'limits', 'Visual types', 'Streams & replications'),
    not a name ('SageMaker', 'Lambda@Edge', 'EC2', 'Provisioned Throughput'): only its first
    letter may be a capital, and no word holds a digit. Such a heading names a part or an aspect
    of what is above it, and alone has lost what it is about ('Visual types — bar charts?')."""
    words = name.replace("&", " ").replace("/", " ").split()
    if not words or len(words) > MAX_PLAIN_WORDS:
        return False
    # ('Maintenance, backup, and recovery': a list of plain words is one too)
    joined = "".join(words).replace(",", "")
    return joined.replace("-", "").isalpha() and joined[1:] == joined[1:].lower()


@dataclass(frozen=True)
class FactView:
    pk: int
    key: str
    kind: str
    topic: TopicView
    subheading: str
    text: str
    subject: str
    attribute: str
    value: str
    items: tuple[str, ...]
    emphasis: tuple[str, ...]
    sources: tuple[dict[str, Any], ...]  # {note, title, heading, line}, by note then line
    conflicts: tuple[tuple[str, ...], ...]  # the values of each live conflict it is part of
    lead: str = ""  # Fact.lead

    @property
    def disputed(self) -> bool:
        return bool(self.conflicts)


@dataclass(frozen=True)
class TableView:
    comparison: Comparison
    table: Table  # as corrected
    cells: dict[tuple[str, str], tuple[int, str]]  # (row identity, entity) -> (cell pk, key)
    entity_topics: dict[str, TopicView]  # entity -> its topic, by name or alias
    home: TopicView | None = None  # the topic the table sits under, for entities with none


@dataclass
class ModelSnapshot:
    topics: list[TopicView] = field(default_factory=list)
    facts: list[FactView] = field(default_factory=list)
    tables: list[TableView] = field(default_factory=list)
    # Fact pk -> the topic its cards and questions name (knowledge.placing.snapshot_topics),
    # worked out once for both generators; and what placing worked it out from, and the
    # snapshot this one patched (placing then redoes only the facts that changed).
    shown: dict[int, str] | None = None
    places: Any = field(default=None, repr=False, compare=False)
    patched_from: ModelSnapshot | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class StoredEdit:
    """What an ingest's store changed, for the snapshot to patch the last one with: the model's
    stamps before and after it (`knowledge.stamp`) and the topics and tables it touched
    (`ingest.store.StoreReport`: every change a fact, citation, conflict or table shows)."""

    stamps: tuple[str, str]
    topics: frozenset[str]
    tables: frozenset[str]


@dataclass
class _Kept:
    stamp: str  # the model's stamp when the snapshot was taken
    snapshot: ModelSnapshot
    titles: dict[str, str]  # note slug -> title then


_KEPT: list[_Kept] = []  # this process's last snapshot, at most one

# Past this many touched topics a patch reads about as much as the whole model.
PATCHED_AT_MOST = 500


def forget_snapshot() -> None:
    """Take the next snapshot from the database alone (tests compare both ways)."""
    _KEPT.clear()


@dataclass(frozen=True)
class Scope:
    """What a small edit changed, for the generators to redo only that: topic keys and table
    (comparison) keys. Closed under "a table teaches its entities' topics" (`scope_of`), so that
    every card and question of a topic in it, and every one of its tables, is redone together
    and the deduplication between them (one question per thing asked) holds within it."""

    topics: frozenset[str]
    tables: frozenset[str]


def scope_of(snapshot: ModelSnapshot, topics: set[str], tables: set[str]) -> Scope:
    """The scope of an edit that touched `topics` and `tables` (keys), closed: a table whose
    entity or home topic was touched is redone, and so are the topics of a touched table."""
    topics, tables = set(topics), set(tables)
    for view in snapshot.tables:
        taught = {t.key for t in view.entity_topics.values()} | (
            {view.home.key} if view.home else set()
        )
        if view.comparison.key in tables or taught & topics:
            tables.add(view.comparison.key)
    for view in snapshot.tables:
        if view.comparison.key in tables:
            topics.update(t.key for t in view.entity_topics.values())
            if view.home:
                topics.add(view.home.key)
    return Scope(frozenset(topics), frozenset(tables))


def model_snapshot(since: StoredEdit | None = None) -> ModelSnapshot:
    """The live model. `since`: what the store that just ran changed; when this process's
    last snapshot was taken at the stamp that store started from, and nothing else was written
    since it ended, that snapshot is patched (the touched topics' facts and the touched tables
    read again, the rest kept) instead of every row being read: the same snapshot, at the
    cost of what the edit touched."""
    from .stamp import stamp_read

    kept = _KEPT.pop() if _KEPT else None
    titles = dict(Note.objects.values_list("slug", "title"))
    stamp = stamp_read()
    snapshot = None
    if since is not None and kept is not None and kept.titles == titles:
        before, after = since.stamps
        if before and kept.stamp == before and stamp == after:
            snapshot = _patched(kept.snapshot, since)
    if snapshot is None:
        snapshot = _snapshot_read()
    if stamp:
        _KEPT[:] = [_Kept(stamp, snapshot, titles)]
    return snapshot


def _topic_views() -> dict[int, TopicView]:
    rows = list(Topic.objects.filter(retired_at__isnull=True).order_by("order", "name", "pk"))
    names = {t.pk: t.name for t in rows}
    by_pk = {t.pk: t for t in rows}

    def root(topic: Topic) -> Topic:
        seen = set()
        while topic.parent_id in by_pk and topic.pk not in seen:
            seen.add(topic.pk)
            topic = by_pk[topic.parent_id]
        return topic

    def root_name(topic: Topic, top: Topic) -> str:
        # (its parent's name is shown already when the root is its parent)
        return "" if top.pk in (topic.pk, topic.parent_id) else top.name

    views = {
        t.pk: TopicView(
            t.pk,
            t.key,
            t.name,
            tuple(t.aliases),
            names.get(t.parent_id or 0, ""),
            (top := root(t)).key,
            t.parent_id in by_pk and by_pk[t.parent_id].parent_id not in by_pk,
            root_name(t, top),
        )
        for t in rows
    }
    for pk, view in views.items():
        parent = views.get(by_pk[pk].parent_id or 0)
        if parent is not None:
            views[pk] = replace(view, parent_shown=parent.shown)
    return views


def _snapshot_read() -> ModelSnapshot:
    context = tables_context()  # shared by every table: no queries per table
    topics = _topic_views()
    return ModelSnapshot(
        topics=list(topics.values()),
        facts=_facts(topics),
        tables=_tables(topics, context),
    )


def _patched(last: ModelSnapshot, edit: StoredEdit) -> ModelSnapshot | None:
    """`last` with the facts of the touched topics, and of topics shown otherwise now (a
    parent renamed), read again, and likewise the tables; in the database's own order (read as
    pks). None when the edit touched too much, or the rows read do not add up."""
    if len(edit.topics) > PATCHED_AT_MOST or len(edit.tables) > PATCHED_AT_MOST:
        return None
    topics = _topic_views()
    by_key = {t.key: t for t in topics.values()}

    def same(view: TopicView) -> bool:
        return view.key not in edit.topics and by_key.get(view.key) == view

    reread = {t.pk for t in topics.values() if t.key in edit.topics}
    views: dict[int, FactView] = {}
    for fact in last.facts:
        if same(fact.topic):
            views[fact.pk] = fact
        elif fact.topic.key in by_key:
            reread.add(by_key[fact.topic.key].pk)
    if len(reread) > PATCHED_AT_MOST:
        return None
    for fact in _facts(topics, topic_ids=reread):
        views[fact.pk] = fact
    live = Fact.objects.filter(retired_at__isnull=True, topic__retired_at__isnull=True)
    order = live.order_by(*_FACT_ORDER).values_list("pk", flat=True)
    tables = _tables_patched(last, edit, topics, same)
    try:
        facts = [views[pk] for pk in order]
    except KeyError:  # a fact of an untouched topic that the last snapshot did not have
        return None
    if tables is None:
        return None
    return ModelSnapshot(
        topics=list(topics.values()), facts=facts, tables=tables, patched_from=last
    )


def _tables_patched(
    last: ModelSnapshot,
    edit: StoredEdit,
    topics: dict[int, TopicView],
    same: Callable[[TopicView], bool],
) -> list[TableView] | None:
    """`last`'s tables, but those the edit touched or whose topics are shown otherwise now read
    again, in the database's order."""
    kept: dict[int, TableView] = {}
    for view in last.tables:
        taught = [*view.entity_topics.values(), *([view.home] if view.home else [])]
        if view.comparison.key not in edit.tables and all(same(t) for t in taught):
            kept[view.comparison.pk] = view
    order = list(
        Comparison.objects.filter(retired_at__isnull=True)
        .order_by(*_TABLE_ORDER)
        .values_list("pk", flat=True)
    )
    missing = [pk for pk in order if pk not in kept]
    if len(missing) > PATCHED_AT_MOST:
        return None
    read = _tables(topics, tables_context(), only=missing) if missing else []
    fresh = {v.comparison.pk: v for v in read}
    return [kept.get(pk) or fresh[pk] for pk in order]


_FACT_COLUMNS = (
    "pk", "key", "kind", "topic_id", "subheading", "text", "subject", "attribute", "value",
    "lead", "items", "emphasis",
)  # fmt: skip


_FACT_ORDER = ("topic__order", "topic__name", "order", "pk")
_TABLE_ORDER = ("title", "pk")


def _facts(topics: dict[int, TopicView], topic_ids: set[int] | None = None) -> list[FactView]:
    """The live facts (of `topic_ids` only, if given) in the model's order."""
    # Plain rows, not model instances: a corpus has tens of thousands of facts and citations,
    # and building an instance costs more than reading its row.
    # The two lists come as their JSON text, decoded here: most are empty, and Django's JSON
    # field decodes every one (80,000 at 1,000 notes, a third of the snapshot's time).
    only = {} if topic_ids is None else {"topic_id__in": topic_ids}
    through_only = {} if topic_ids is None else {"fact__topic_id__in": topic_ids}
    facts = (
        Fact.objects.filter(retired_at__isnull=True, topic__retired_at__isnull=True, **only)
        .order_by(*_FACT_ORDER)
        .annotate(
            items_json=Cast("items", TextField()), emphasis_json=Cast("emphasis", TextField())
        )
        .values_list(*_FACT_COLUMNS[:-2], "items_json", "emphasis_json")
    )
    sources: dict[int, list[dict[str, Any]]] = defaultdict(list)
    citations = (
        Citation.objects.filter(fact__retired_at__isnull=True, **through_only)
        .order_by("fact_id", "note__slug", "line")
        .values_list("fact_id", "note__slug", "note__title", "heading", "line")
    )
    for fact_id, note, title, heading, line in citations:
        sources[fact_id].append({"note": note, "title": title, "heading": heading, "line": line})
    conflicts: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    memberships = (
        Conflict.facts.through.objects.filter(conflict__retired_at__isnull=True, **through_only)
        .order_by("conflict_id")
        .values_list("fact_id", "conflict__values")
    )
    for fact_id, values in memberships:
        conflicts[fact_id].append(tuple(values))
    # positionally, in _FACT_COLUMNS' order (a dict per fact cost a third of this function)
    views = []
    for row in facts:
        pk, key, kind, topic_id, subheading, text, subject, attribute, value, lead, *lists = row
        items, emphasis = lists
        views.append(
            FactView(
                pk,
                key,
                kind,
                topics[topic_id],
                subheading,
                text,
                subject,
                attribute,
                value,
                _strings(items),
                _strings(emphasis),
                tuple(sources.get(pk, ())),
                tuple(conflicts.get(pk, ())),
                lead,
            )
        )
    return views


def _strings(text: str | None) -> tuple[str, ...]:
    """A JSON list of strings as a tuple; the empty list without decoding."""
    return () if not text or text == "[]" else tuple(json.loads(text))


class _Cell(NamedTuple):
    """A cell as the tables read it: a plain row, not a model instance (a corpus has tens of
    thousands)."""

    pk: int
    key: str
    attribute: str
    entity: str
    value: str
    sources: list[dict[str, Any]]


def _tables(
    topics: dict[int, TopicView], context: TablesContext, only: list[int] | None = None
) -> list[TableView]:
    """Every live table (of the pks `only`, if given), with its cells and entity topics read in
    two queries for all."""
    narrowed = {} if only is None else {"comparison_id__in": only}
    if only is not None and not only:
        return []
    comparisons = list(
        Comparison.objects.filter(
            retired_at__isnull=True, **({} if only is None else {"pk__in": only})
        ).order_by(*_TABLE_ORDER)
    )
    cells: dict[int, list[_Cell]] = defaultdict(list)
    rows = ComparisonCell.objects.filter(comparison__retired_at__isnull=True, **narrowed).order_by(
        "pk"
    )
    columns = ("comparison_id", *_Cell._fields)
    for comparison_id, *row in rows.values_list(*columns):
        cells[comparison_id].append(_Cell(*row))
    entity_topics: dict[int, list[int]] = defaultdict(list)
    through = Comparison.entity_topics.through.objects.filter(
        comparison__retired_at__isnull=True, **narrowed
    ).order_by("topic__order", "topic__name", "topic_id")  # as the topics' own ordering
    for comparison_id, topic_id in through.values_list("comparison_id", "topic_id"):
        entity_topics[comparison_id].append(topic_id)
    return [_table(c, topics, context, cells[c.pk], entity_topics[c.pk]) for c in comparisons]


def _table(
    comparison: Comparison,
    topics: dict[int, TopicView],
    context: TablesContext,
    cells: list[_Cell],
    entity_topic_ids: list[int],
) -> TableView:
    # Names before aliases, so an entity named like one topic and aliased by another gets the
    # one it is named like.
    entity_topics = [topics[pk] for pk in entity_topic_ids if pk in topics]
    by_name: dict[str, TopicView] = {}
    for topic in entity_topics:
        by_name.setdefault(name_key(topic.name), topic)
    for topic in entity_topics:
        for alias in topic.aliases:
            by_name.setdefault(name_key(alias), topic)
    return TableView(
        comparison=comparison,
        table=comparison_table(comparison, context, cells=cells, entity_topic_ids=entity_topic_ids),
        cells={(c.attribute, c.entity): (c.pk, c.key) for c in cells},
        entity_topics={
            e: by_name[name_key(e)] for e in comparison.entities if name_key(e) in by_name
        },
        home=topics.get(comparison.topic_id) if comparison.topic_id else None,
    )
