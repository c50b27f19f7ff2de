"""Store a merged model in the database: upsert by stable key, retire what disappeared.

The only ingest stage that touches the DB. The caller runs it inside one transaction. It writes a
row only when something in it changed, so re-ingesting unchanged notes writes nothing at all.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import zip_longest

from django.db.models import BooleanField, ExpressionWrapper, Max, Q, TextField
from django.db.models import Model as DjangoModel
from django.db.models.functions import Cast

from studyapp.text.names import slugify_name

from ..bulk import rows_insert, rows_insert_keyed, rows_update
from ..models import Citation, Comparison, ComparisonCell, Conflict, Fact, Note, Topic
from ..stamp import quiet_writes, stamp_new, stamp_read
from .merge import ComparisonOut, Model, Source


@dataclass
class StoreReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    retired: Counter[str] = field(default_factory=Counter)
    # What changed in a way its cards and questions show (keys; retired ones included): the
    # topics whose name, aliases, parent, facts, citations or conflicts changed, and the tables
    # whose title, entities, cells or sources changed. The generators redo only these after a
    # small edit (studyapp/pipeline.py). A topic's order alone does not count.
    topics_touched: set[str] = field(default_factory=set)
    tables_touched: set[str] = field(default_factory=set)
    # The model's stamp before and after this store (`knowledge.stamp`; "" for none): what
    # was touched is what changed between the two.
    stamps: tuple[str, str] = ("", "")

    @property
    def wrote(self) -> bool:
        """Whether anything was written (every write counts a row or touches a topic or table)."""
        counted = any(c.total() for c in (self.created, self.updated, self.retired))
        return counted or bool(self.topics_touched or self.tables_touched)


def _assign(obj: DjangoModel, values: dict) -> bool:
    """Set fields that differ; True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _retired_by_slug(existing: dict) -> dict:
    """The retired rows among `existing` (key -> every stored row), by slug."""
    return {row.slug: row for row in existing.values() if row.retired_at is not None}


def _claim_slug(base: str, taken: set[str], existing: dict, retired_rows: dict) -> str:
    """A new row gets the plain slug even if a retired row had it: the URL people know
    ('/compare/aws-lambda-vs-…/') keeps working when what it shows is rebuilt. `existing`
    (key -> the stored rows, as the next store will compare them) learns the retired row's
    new slug too: a row that comes back is saved whole. `retired_rows` is
    `_retired_by_slug(existing)`, taken once per store (a query per new row cost seconds)."""
    base = base[:190]
    retired = retired_rows.pop(base, None)
    if retired is not None:
        retired.slug = f"{base[:170]}-retired-{retired.pk}"
        retired.save(update_fields=["slug"])
        if retired.key in existing:
            existing[retired.key].slug = retired.slug
        taken.discard(base)
        taken.add(retired.slug)
    return _unique_slug(base, taken)


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base[:190], 2
    while slug in taken:
        slug, n = f"{base[:185]}-{n}", n + 1
    taken.add(slug)
    return slug


# A stored fact: its pk, its signature (`_FACT_SIGNATURE`), whether it is retired.
StoredFact = tuple[int, tuple, bool]


@dataclass
class StoredRows:
    """The model's rows as store left them, as store compares them: kept in the process for the
    next store, which then reads none of them again (at 1,000 notes reading them was most of
    a one-note re-ingest). Used only while the database's stamp is `token`, the one written
    with them (`knowledge.stamp`): any other write since sends the next store to the database.
    Store updates these in place as it writes."""

    token: str
    topics: dict[str, Topic]
    facts: dict[str, StoredFact]  # key -> (pk, signature, retired), as `_facts_stored` reads them
    citations: dict[tuple[int, int], list[tuple]]  # (fact, note) -> (pk, line, heading, text)
    comparisons: dict[str, Comparison]
    entity_topics: dict[int, set[int]]  # comparison pk -> its entities' topic pks
    cells: dict[str, ComparisonCell]
    conflicts: dict[str, Conflict]


_LAST: list[StoredRows] = []  # this process's last store, at most one


def stored_rows_kept() -> StoredRows | None:
    """What the last store in this process left, while the database still holds it."""
    return _LAST[0] if _LAST and _LAST[0].token == stamp_read() else None


def forget_stored_rows() -> None:
    """Read everything from the database next time (tests compare both ways)."""
    _LAST.clear()


def _rows_to_compare() -> StoredRows:
    """The stored rows to compare the model with: the last store's when the database has not
    changed since (its stamp, read under lock so two ingests take turns), else read now.
    Taken out of the process's memory while this store runs: if it fails half way, the next
    one reads the database."""
    kept = _LAST.pop() if _LAST else None
    token = stamp_read(lock=True)
    if kept is not None and kept.token and kept.token == token:
        return kept
    # (an empty token stands for no state: nothing is kept for it)
    return StoredRows(
        token=token,  # what is read now is what this token stands for
        topics={t.key: t for t in Topic.objects.all()},
        facts=_facts_stored(),
        citations=_citations_stored(),
        comparisons={c.key: c for c in Comparison.objects.all()},
        entity_topics=_entity_topics_stored(),
        cells={c.key: c for c in ComparisonCell.objects.all()},
        conflicts={c.key: c for c in Conflict.objects.all()},
    )


def model_store(model: Model, *, notes: dict[str, Note], now: datetime) -> StoreReport:
    """Write `model` (built from `notes`, keyed by slug) into the database."""
    report = StoreReport()
    rows = _rows_to_compare()
    before = rows.token
    with quiet_writes():  # one new stamp at the end, not one per row saved
        topics = _store_topics(model, now, report, rows.topics)
        facts = _store_facts(model, topics, now, report, rows.facts)
        _store_citations(model, facts, notes, report, rows.citations)
        _store_comparisons(model, topics, now, report, rows)
        _store_conflicts(model, topics, facts, now, report, rows.conflicts)
    if not rows.token or report.wrote:  # an unchanged model writes nothing, not even a token
        rows.token = stamp_new()
    _LAST[:] = [rows]
    report.stamps = (before, rows.token)
    return report


def _store_topics(
    model: Model, now: datetime, report: StoreReport, existing: dict[str, Topic]
) -> dict[str, Topic]:
    taken = {t.slug for t in existing.values()}
    seen: dict[str, Topic] = {}
    created: set[str] = set()
    # Retire first, so that a topic rebuilt under a new key can take over its URL.
    wanted = {out.key for out in model.topics}
    for key, gone in existing.items():
        if key not in wanted and gone.retired_at is None:
            gone.retired_at = now
            gone.save(update_fields=["retired_at"])
            report.retired["topics"] += 1
            report.topics_touched.add(key)
    retired = _retired_by_slug(existing)
    for out in model.topics:
        topic = existing.get(out.key)
        values = {
            "name": out.name[:300],
            "aliases": out.aliases,
            "order": out.order,
            "retired_at": None,
        }
        if topic is None:
            topic = Topic(
                key=out.key,
                slug=_claim_slug(slugify_name(out.name), taken, existing, retired),
                **values,
            )
            created.add(out.key)
            report.created["topics"] += 1
            report.topics_touched.add(out.key)
        else:
            shown = (topic.name, topic.aliases, topic.retired_at)
            if _assign(topic, values):
                topic.save()
                report.updated["topics"] += 1
                if shown != (topic.name, topic.aliases, topic.retired_at):
                    report.topics_touched.add(out.key)
        seen[out.key] = topic
    # New topics in one statement (their pks read back by key), then the parents that changed
    # in one more: Django's bulk_create and bulk_update cost seconds at thousands of topics.
    rows_insert_keyed(Topic, [seen[k] for k in created], _TOPIC_FIELDS)
    moved = []
    for out in model.topics:
        topic = seen[out.key]
        parent = seen.get(out.parent_key) if out.parent_key else None
        if topic.parent_id != (parent.pk if parent else None):
            topic.parent = parent
            moved.append(topic)
            report.topics_touched.add(out.key)
            report.updated["topics"] += out.key not in created
    rows_update(Topic, moved, ["parent_id"])
    existing.update(seen)  # as stored now, for the next store
    return seen


_TOPIC_FIELDS = ["key", "slug", "name", "parent_id", "aliases", "order", "retired_at"]

_FACT_FIELDS = [
    "kind", "text", "subheading", "subject", "attribute", "value", "quantity_key",
    "quantity_display", "items", "emphasis", "lead", "order", "retired_at", "topic_id",
]  # fmt: skip


# What a fact is, compared between the model and the stored row: one tuple per fact (a corpus
# has tens of thousands, and a re-ingest compares them all), the two lists as tuples.
_FACT_SIGNATURE = [
    "kind", "text", "subheading", "subject", "attribute", "value", "quantity_key",
    "quantity_display", "items", "emphasis", "lead", "order", "topic_id",
]  # fmt: skip
_LISTS = (_FACT_SIGNATURE.index("items"), _FACT_SIGNATURE.index("emphasis"))


def _facts_stored() -> dict[str, StoredFact]:
    # The lists come as their JSON text and the retirement as a flag: Django's JSON field
    # decodes every list and its date field parses every date, more than the rest of the read.
    plain = [f for f in _FACT_SIGNATURE if f not in ("items", "emphasis")]
    rows = Fact.objects.annotate(
        items_json=Cast("items", TextField()),
        emphasis_json=Cast("emphasis", TextField()),
        is_retired=ExpressionWrapper(Q(retired_at__isnull=False), output_field=BooleanField()),
    ).values_list("pk", "key", *plain, "items_json", "emphasis_json", "is_retired")
    index = {name: i for i, name in enumerate([*plain, "items", "emphasis"])}
    order = [index[f] for f in _FACT_SIGNATURE]
    stored = {}
    for pk, key, *row, retired in rows:
        row[-2], row[-1] = _strings(row[-2]), _strings(row[-1])
        stored[key] = (pk, tuple(row[i] for i in order), retired)
    return stored


def _strings(text: str | None) -> tuple[str, ...]:
    """A stored JSON list of strings as a tuple; the empty list without decoding."""
    return () if not text or text == "[]" else tuple(json.loads(text))


def _fact_row(signature: tuple, **more) -> dict:
    """The row to write for a signature (the lists as lists), with `more` fields."""
    row = dict(zip(_FACT_SIGNATURE, signature, strict=True))
    for i in _LISTS:
        row[_FACT_SIGNATURE[i]] = list(signature[i])
    return {**row, **more}


def _store_facts(
    model: Model,
    topics: dict[str, Topic],
    now: datetime,
    report: StoreReport,
    existing: dict[str, StoredFact],
) -> dict[str, int]:
    """Facts upserted by key; returns each live fact's pk. Each fact is compared with its
    stored row as one tuple, and rows are written as plain dicts: a corpus has tens of
    thousands of facts, and a dict or an instance per fact costs more than the comparison."""
    topic_of = {topic.pk: key for key, topic in topics.items()}
    topic_pk = {key: pk for pk, key in topic_of.items()}
    touched = report.topics_touched
    new: list[dict] = []
    changed: list[dict] = []
    retired: list[dict] = []
    signatures: dict[str, tuple] = {}  # of the new facts
    result: dict[str, int] = {}
    # Order within the topic, so a new fact in one topic does not renumber every other topic.
    position: Counter[str] = Counter()
    for out in model.facts:
        order = position[out.topic_key]
        position[out.topic_key] += 1
        signature = (
            out.kind,
            out.text,
            out.subheading[:300],
            out.subject[:300],
            out.attribute[:300],
            out.value,
            out.quantity_key,
            out.quantity_display,
            tuple(out.items),
            tuple(out.emphasis),
            out.lead,
            order,
            topic_pk[out.topic_key],
        )
        stored = existing.get(out.key)
        if stored is None:
            new.append(_fact_row(signature, key=out.key, retired_at=None))
            signatures[out.key] = signature
            touched.add(out.topic_key)
            continue
        pk, was, was_retired = stored
        result[out.key] = pk
        if was_retired or was != signature:
            changed.append(_fact_row(signature, pk=pk, retired_at=None))
            existing[out.key] = (pk, signature, False)
            touched.update(k for k in (out.topic_key, topic_of.get(was[-1])) if k)
    for key, (pk, was, was_retired) in list(existing.items()):
        if key not in result and not was_retired:
            retired.append({"pk": pk, "retired_at": now})
            existing[key] = (pk, was, True)
            report.retired["facts"] += 1
            if gone_from := topic_of.get(was[-1]):
                touched.add(gone_from)
    rows_insert_keyed(Fact, new, ["key", *_FACT_FIELDS])  # with their pks: citations need them
    rows_update(Fact, changed, _FACT_FIELDS)
    rows_update(Fact, retired, ["retired_at"])
    for row in new:  # as stored now, for the next store
        result[row["key"]] = row["pk"]
        existing[row["key"]] = (row["pk"], signatures[row["key"]], False)
    report.created["facts"] += len(new)
    report.updated["facts"] += len(changed)
    return result


_CITATION_READ = ("pk", "fact_id", "note_id", "line", "heading", "text")


def _citations_stored(**only: int) -> dict[tuple[int, int], list[tuple]]:
    """Stored citations as plain rows (pk, line, heading, text) per (fact, note), in line
    order; `only` narrows them (`pk__gt`: those inserted since)."""
    existing: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    rows = Citation.objects.filter(**only).order_by("line", "pk")
    for pk, fact_id, note_id, *row in rows.values_list(*_CITATION_READ):
        existing[(fact_id, note_id)].append((pk, *row))
    return existing


def _store_citations(
    model: Model,
    facts: dict[str, int],
    notes: dict[str, Note],
    report: StoreReport,
    existing: dict[tuple[int, int], list[tuple]],
) -> None:
    """Citations per (fact, note), matched in line order, so that an edit that shifts lines
    updates the lines of that note's citations instead of replacing them. `existing` is left
    as the citations are stored now."""
    wanted: dict[tuple[int, int], list[Source]] = defaultdict(list)
    topic_of: dict[int, str] = {}
    note_pk = {slug: note.pk for slug, note in notes.items()}
    for out in model.facts:
        fact_pk = facts[out.key]
        topic_of[fact_pk] = out.topic_key
        for source in out.sources:
            wanted[(fact_pk, note_pk[source.note])].append(source)
    new, changed, stale = [], [], []
    after: dict[tuple[int, int], list[tuple]] = {}  # each pair's citations once written
    for pair, sources in wanted.items():
        have = existing.pop(pair, [])
        if len(sources) > 1:
            sources.sort(key=_line)
        elif len(have) == 1 and have[0][1:] == _cited_values(sources[0]):
            after[pair] = have  # most facts have one citation, most re-ingests leave it
            continue
        kept = after[pair] = []
        for source, citation in zip_longest(sources, have):
            if source is None:
                stale.append(citation[0])
            else:
                values = _cited_values(source)
                if citation is None:  # a plain row: a first ingest inserts tens of thousands
                    new.append({"fact_id": pair[0], "note_id": pair[1], **_cited(values)})
                elif tuple(citation[1:]) != values:
                    changed.append(Citation(pk=citation[0], **_cited(values)))
                    kept.append((citation[0], *values))
                else:
                    kept.append(citation)
                    continue
            report.topics_touched.add(topic_of[pair[0]])  # its cards cite the lines
    for (fact_id, _note_id), group in existing.items():
        stale.extend(c[0] for c in group)
        if fact_id in topic_of:
            report.topics_touched.add(topic_of[fact_id])
    last = Citation.objects.aggregate(last=Max("pk"))["last"] or 0 if new else 0
    rows_insert(Citation, new, ["fact_id", "note_id", "line", "heading", "text"])
    rows_update(Citation, changed, ["line", "heading", "text"])
    Citation.objects.filter(pk__in=stale).delete()  # a citation is a pointer, not knowledge
    # As stored now: the new rows read back for their pks (the only ones after `last`).
    for pair, rows in _citations_stored(pk__gt=last).items() if new else ():
        after[pair] = sorted([*after.get(pair, ()), *rows], key=lambda c: (c[1], c[0]))
    existing.clear()
    existing.update((pair, rows) for pair, rows in after.items() if rows)
    report.created["citations"] += len(new)
    report.updated["citations"] += len(changed)
    report.retired["citations"] += len(stale)


def _line(source: Source) -> int:
    return source.line


def _cited_values(source: Source) -> tuple[int, str, str]:
    """What a citation row holds for `source`: line, heading, text."""
    return (source.line, source.heading[:500], source.text)


def _cited(values: tuple[int, str, str]) -> dict:
    return dict(zip(("line", "heading", "text"), values, strict=True))


def _sources_json(sources: list[Source]) -> list[dict]:
    return [{"note": s.note, "heading": s.heading, "line": s.line} for s in sources]


def _store_comparisons(
    model: Model, topics: dict[str, Topic], now: datetime, report: StoreReport, rows: StoredRows
) -> None:
    """Tables, their entities' topics and their cells, in a fixed number of queries whatever
    the number of tables (a corpus has thousands)."""
    existing = rows.comparisons
    taken = {c.slug for c in existing.values()}
    wanted = {out.key for out in model.comparisons}
    gone = [c for key, c in existing.items() if key not in wanted and c.retired_at is None]
    for comparison in gone:  # first, so a rebuilt table keeps its URL
        comparison.retired_at = now
        report.tables_touched.add(comparison.key)
    rows_update(Comparison, gone, ["retired_at"])
    retired = _retired_by_slug(existing)
    report.retired["comparisons"] += len(gone)
    new: list[Comparison] = []
    changed: list[Comparison] = []
    stored: list[tuple[ComparisonOut, Comparison]] = []
    for out in model.comparisons:
        values = {
            "title": out.title[:300],
            "entities": out.entities,
            "attributes": out.attributes,
            "entity_kind": out.entity_kind[:100],
            "sources": _sources_json(out.sources),
            "retired_at": None,
            "topic_id": topics[home].pk if (home := out.topic_key) and home in topics else None,
        }
        found = existing.get(out.key)
        if found is None:
            slug = _claim_slug(slugify_name(out.title), taken, existing, retired)
            comparison = Comparison(key=out.key, slug=slug, **values)
            new.append(comparison)
            report.tables_touched.add(out.key)
        else:
            comparison = found
            if _assign(comparison, values):
                changed.append(comparison)
                report.tables_touched.add(out.key)
        stored.append((out, comparison))
    Comparison.objects.bulk_create(new, batch_size=500)  # gives back the pks
    rows_update(
        Comparison,
        changed,
        ["title", "entities", "attributes", "entity_kind", "sources", "retired_at", "topic_id"],
    )
    existing.update((c.key, c) for c in new)
    report.created["comparisons"] += len(new)
    report.updated["comparisons"] += len(changed)
    _store_entity_topics(stored, topics, report, rows.entity_topics)
    _store_cells(stored, report, rows.cells)


def _entity_topics_stored() -> dict[int, set[int]]:
    through = Comparison.entity_topics.through
    have: dict[int, set[int]] = defaultdict(set)
    for comparison_id, topic_id in through.objects.values_list("comparison_id", "topic_id"):
        have[comparison_id].add(topic_id)
    return have


def _store_entity_topics(
    stored: list[tuple[ComparisonOut, Comparison]],
    topics: dict[str, Topic],
    report: StoreReport,
    have: dict[int, set[int]],
) -> None:
    through = Comparison.entity_topics.through
    add, drop = [], []
    for out, comparison in stored:
        wanted = {topics[k].pk for k in out.entity_topic_keys if k and k in topics}
        current = have.get(comparison.pk, set())
        add += [through(comparison_id=comparison.pk, topic_id=t) for t in wanted - current]
        drop += [(comparison.pk, t) for t in current - wanted]
        if wanted != current:
            report.tables_touched.add(out.key)
            have[comparison.pk] = wanted
    rows_insert(through, add, ["comparison_id", "topic_id"])
    for comparison_id, topic_id in drop:
        through.objects.filter(comparison_id=comparison_id, topic_id=topic_id).delete()


def _store_cells(
    stored: list[tuple[ComparisonOut, Comparison]],
    report: StoreReport,
    existing: dict[str, ComparisonCell],
) -> None:
    """Cells upserted by key; `existing` is left as the cells are stored now."""
    new: list[ComparisonCell] = []
    changed: list[ComparisonCell] = []
    kept: dict[str, ComparisonCell] = {}
    for out_table, comparison in stored:
        for out in out_table.cells:
            values = {
                "attribute": out.attribute[:300],
                "entity": out.entity[:300],
                "value": out.value,
                "sources": _sources_json(out.sources),
                "comparison_id": comparison.pk,
            }
            cell = existing.pop(out.key, None)
            if cell is not None:
                kept[out.key] = cell
            if cell is None:
                new.append(ComparisonCell(key=out.key, **values))
            elif _assign(cell, values):
                changed.append(cell)
            else:
                continue
            report.tables_touched.add(out_table.key)
    # What is left of the live tables' cells went from the notes (a retired table keeps its own).
    live = {comparison.pk: out.key for out, comparison in stored}
    stale = [c.pk for c in existing.values() if c.comparison_id in live]
    report.tables_touched.update(
        live[c.comparison_id] for c in existing.values() if c.comparison_id in live
    )
    if stale:
        ComparisonCell.objects.filter(pk__in=stale).delete()
    rows_update(ComparisonCell, changed, _CELL_FIELDS)
    last = ComparisonCell.objects.aggregate(last=Max("pk"))["last"] or 0 if new else 0
    rows_insert(ComparisonCell, new, ["key", *_CELL_FIELDS])
    # As stored now: a retired table's cells, the live ones, the new ones read back for their
    # pks (the only ones after `last`).
    for key in [k for k, c in existing.items() if c.comparison_id in live]:
        del existing[key]
    existing.update(kept)
    if new:
        existing.update((c.key, c) for c in ComparisonCell.objects.filter(pk__gt=last))
    report.created["cells"] += len(new)
    report.updated["cells"] += len(changed)
    report.retired["cells"] += len(stale)


_CELL_FIELDS = ["attribute", "entity", "value", "sources", "comparison_id"]


def _store_conflicts(
    model: Model,
    topics: dict[str, Topic],
    facts: dict[str, int],
    now: datetime,
    report: StoreReport,
    existing: dict[str, Conflict],
) -> None:
    seen = set()
    for out in model.conflicts:
        values = {
            "topic_id": topics[out.topic_key].pk,
            "attribute": out.attribute[:300],
            "values": out.values,
            "retired_at": None,
        }
        conflict = existing.get(out.key)
        if conflict is None:
            conflict = existing[out.key] = Conflict.objects.create(key=out.key, **values)
            conflict.facts.set([facts[k] for k in out.fact_keys])
            report.created["conflicts"] += 1
            report.topics_touched.add(out.topic_key)
        elif _assign(conflict, values):
            conflict.save()
            report.updated["conflicts"] += 1
            report.topics_touched.add(out.topic_key)
        seen.add(out.key)
    for key, conflict in existing.items():
        if key not in seen and conflict.retired_at is None:
            conflict.retired_at = now
            conflict.save(update_fields=["retired_at"])
            report.retired["conflicts"] += 1
            report.topics_touched.update(k for k, t in topics.items() if t.pk == conflict.topic_id)
