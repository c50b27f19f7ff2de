"""The comparison tables as corrected: what pages, cards and questions all read.

A comparison as a table to show: rows × entities, every cell with its sources, conflicts
marked, instructors' corrections applied (in the order they were made)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from studyapp.accounts.models import is_instructor
from studyapp.text import lexicon
from studyapp.text.names import content_stems
from studyapp.text.quantities import first_quantity

from .models import Comparison, ComparisonCell, Conflict, Correction, Note


def comparison_or_404(slug: str) -> Comparison:
    """The live comparison a URL names."""
    return get_object_or_404(Comparison, slug=slug, retired_at__isnull=True)


@dataclass
class CellValue:
    value: str
    sources: list[dict]  # {note, note_title, note_url, heading, line}
    corrected_by: str = ""


@dataclass
class TableRow:
    name: str
    cells: dict[str, list[CellValue]] = field(default_factory=dict)  # entity -> values
    corrected_by: str = ""
    # The row's name in the notes (what its cells and cards are keyed by), kept through a rename;
    # "" for a row an instructor added.
    attribute: str = ""

    @property
    def conflicts(self) -> list[str]:
        """Entities whose cell holds values from notes that disagree."""
        return [e for e, values in self.cells.items() if len(values) > 1]


@dataclass
class Table:
    comparison: Comparison
    entities: list[str]
    rows: list[TableRow]


@dataclass
class TablesContext:
    """What building many tables needs, read once for all of them (`tables_context`)."""

    notes: dict[str, Note]
    conflicts: dict[int, list[list[str]]]  # topic pk -> live conflicts' values
    corrections: dict[str, list[Correction]]  # comparison key -> its corrections, in order


def tables_context() -> TablesContext:
    """Three queries, whatever the number of tables: notes, live conflicts, corrections."""
    conflicts: dict[int, list[list[str]]] = {}
    for conflict in Conflict.objects.filter(retired_at__isnull=True):
        conflicts.setdefault(conflict.topic_id, []).append(conflict.values)
    corrections: dict[str, list[Correction]] = {}
    for correction in Correction.objects.select_related("author"):  # in the model's order
        corrections.setdefault(correction.comparison_key, []).append(correction)
    return TablesContext(
        notes={n.slug: n for n in Note.objects.defer("text", "extraction")},
        conflicts=conflicts,
        corrections=corrections,
    )


def comparison_table(
    comparison: Comparison,
    context: TablesContext | None = None,
    *,
    cells: list | None = None,
    entity_topic_ids: list[int] | None = None,
) -> Table:
    """Three queries (cells, the notes they cite, the corrections), or none with a `context`
    and the comparison's cells and entity topics prefetched or given (`cells`: objects with
    the cell's attribute, entity, value and sources; `entity_topic_ids`)."""
    if cells is None:
        cells = list(comparison.cells.all())
    slugs = {s["note"] for c in cells for s in c.sources}
    if context is not None:
        notes = {slug: context.notes[slug] for slug in slugs if slug in context.notes}
    else:
        notes = {n.slug: n for n in Note.objects.filter(slug__in=slugs)}
    rows: dict[str, TableRow] = {a: TableRow(a, attribute=a) for a in comparison.attributes}
    for cell in cells:
        row = rows.setdefault(cell.attribute, TableRow(cell.attribute, attribute=cell.attribute))
        sources = [_source(s, notes) for s in cell.sources]
        row.cells.setdefault(cell.entity, []).append(CellValue(cell.value, sources))
    if context is not None:
        if entity_topic_ids is None:
            entity_topic_ids = [topic.pk for topic in comparison.entity_topics.all()]
        known = [values for pk in entity_topic_ids for values in context.conflicts.get(pk, ())]
    else:
        known = [
            c.values
            for c in Conflict.objects.filter(
                topic__in=comparison.entity_topics.all(), retired_at__isnull=True
            )
        ]
    for row in rows.values():
        for entity, values in row.cells.items():
            if len(values) > 1 and not values_disagree([v.value for v in values], known):
                # Two notes saying the same thing in other words: one value, every citation.
                sources = [src for v in values for src in v.sources]
                row.cells[entity] = [CellValue(values[0].value, sources)]
    if context is not None:
        corrections = context.corrections.get(comparison.key, [])
    else:
        corrections = list(
            Correction.objects.filter(comparison_key=comparison.key).select_related("author")
        )
    for correction in corrections:
        _apply(rows, correction)
    return Table(comparison, list(comparison.entities), list(rows.values()))


def values_disagree(values: list[str], known_conflicts: list[list[str]]) -> bool:
    """Do the notes disagree, or only word it differently? They disagree when the conflict was
    recorded at ingest ('sub-ms' vs 'ms-scale'), when one says yes and another no, when their
    quantities differ, or when two short values share no word at all."""
    lowered = [v.lower() for v in values]
    for conflict in known_conflicts:
        hits = {c for c in conflict for v in lowered if c.lower() in v}
        if len(hits) >= 2:
            return True
    negated = [bool(lexicon.NO_MARK.search(v)) for v in values]
    if any(negated) and not all(negated):  # "Supported" / "Not supported"
        return True
    yes = [bool(lexicon.YES_MARK.search(v)) for v in values]
    quantities = {q.key() for v in values if (q := first_quantity(v))}
    if len(quantities) > 1:
        return True
    stems = [content_stems(v) for v in values]
    short = any(len(v.split()) <= 3 for v in values)
    return (
        short
        and not any(a & b for i, a in enumerate(stems) for b in stems[i + 1 :])
        and not all(yes)
    )


def _source(source: dict, notes: dict[str, Note]) -> dict:
    note = notes.get(source["note"])
    return {
        **source,
        "note_title": note.title if note else source["note"],
        "note_url": f"{_note_url(note.slug)}#L{source['line']}" if note else "",
    }


@functools.lru_cache(maxsize=4096)
def _note_url(slug: str) -> str:
    """A note's URL, reversed once per note rather than once per cell (tables cite thousands)."""
    return Note(slug=slug).get_absolute_url()


def _apply(rows: dict[str, TableRow], correction: Correction) -> None:
    who = correction.author.get_username()
    kind = correction.kind
    if kind == Correction.Kind.ADD_ROW and correction.row not in rows:
        rows[correction.row] = TableRow(correction.row, corrected_by=who)
    elif kind == Correction.Kind.DROP_ROW:
        rows.pop(correction.row, None)
    elif (
        kind == Correction.Kind.RENAME_ROW
        and correction.row in rows
        and correction.new_name not in rows  # a later ingest may have added that row: keep both
    ):
        renamed = rows[correction.row]
        renamed.name, renamed.corrected_by = correction.new_name, who
        items = [(r.name, r) for r in rows.values()]  # the row keeps its place
        rows.clear()
        rows.update(items)
    elif kind == Correction.Kind.FIX_CELL and correction.row in rows:
        rows[correction.row].cells[correction.entity] = [
            CellValue(correction.value, [], corrected_by=who)
        ]


@dataclass
class ComparisonSummary:
    comparison: Comparison
    rows: int


def comparison_summaries() -> list[ComparisonSummary]:
    """Every live comparison with its row count as the table shows it (corrections applied), in
    three queries however many comparisons there are."""
    comparisons = list(Comparison.objects.filter(retired_at__isnull=True))
    names: dict[int, dict[str, TableRow]] = {
        c.pk: {a: TableRow(a, attribute=a) for a in c.attributes} for c in comparisons
    }
    cell_rows = (
        ComparisonCell.objects.filter(comparison__in=comparisons)
        .values_list("comparison_id", "attribute")
        .order_by("pk")
    )
    for comparison_id, attribute in cell_rows:
        names[comparison_id].setdefault(attribute, TableRow(attribute, attribute=attribute))
    by_key = {c.key: c.pk for c in comparisons}
    corrections = Correction.objects.filter(comparison_key__in=by_key).select_related("author")
    for correction in corrections:
        _apply(names[by_key[correction.comparison_key]], correction)
    return [ComparisonSummary(c, len(names[c.pk])) for c in comparisons]


def correction_make(
    *,
    comparison: Comparison,
    author,
    kind: str,
    row: str,
    new_name: str = "",
    entity: str = "",
    value: str = "",
) -> Correction:
    """Record one correction; it applies when the table is next read, and after every later
    ingest. The cards and questions it touches are regenerated by `pipeline.table_correct`."""
    if not is_instructor(author):
        raise PermissionDenied("Only instructors can correct a table.")
    rows = {r.name for r in comparison_table(comparison).rows}
    row, new_name, value = row.strip(), new_name.strip(), value.strip()
    if kind == Correction.Kind.ADD_ROW:
        if not row or row in rows:
            raise ValidationError("Give the new row a name the table does not have yet.")
    elif row not in rows:
        raise ValidationError(f"The table has no row “{row}”.")
    if kind == Correction.Kind.RENAME_ROW and (not new_name or new_name in rows):
        raise ValidationError("Give the row a new name the table does not have yet.")
    if kind == Correction.Kind.FIX_CELL:
        if entity not in comparison.entities:
            raise ValidationError("Choose one of the table's columns.")
        if not value:
            raise ValidationError("Write the cell's corrected value.")
    correction = Correction.objects.create(
        comparison_key=comparison.key,
        kind=kind,
        row=row,
        new_name=new_name,
        entity=entity,
        value=value,
        author=author,
    )
    return correction
