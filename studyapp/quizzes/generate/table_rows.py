"""The rows of a comparison table as the bank asks them: which rows are fit, and what a row
question cites and is keyed by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from studyapp.text import lexicon
from studyapp.text.answers import normalise
from studyapp.text.names import name_key, name_tokens, stem

from .inputs import CellData, RowData, TableData
from .values import flat, memory_aid


def fit_row(table: TableData, row: RowData) -> bool:
    """Rows named by the words their cells share can be named badly; skip the telltale ones:
    a name repeating a word ('Requests responses Request Response'), a bare preposition
    ('Through'), a memory aid ('Mnemonic'), or a row whose cells also fill another row (one
    bullet paired twice)."""
    name = row.name.strip()
    stems = [stem(t) for t in name_tokens(name)]
    if not stems or len(set(stems)) < len(stems) or normalise(name) in lexicon.ROW_PREPOSITIONS:
        return False
    if memory_aid(name):  # which rhyme is whose: not what the table teaches
        return False
    for entity, values in row.cells.items():
        mine = {normalise(v.value) for v in values}
        for other in table.rows:
            if other is not row and mine & {
                normalise(v.value) for v in other.cells.get(entity, ())
            }:
                return False
    return True


def flat_table(table: TableData) -> TableData:
    rows = tuple(
        RowData(
            name=row.name,
            cells={
                e: tuple(CellData(flat(v.value), v.sources, v.corrected_by) for v in values)
                for e, values in row.cells.items()
            },
            attribute=row.attribute,
            cell_keys=row.cell_keys,
        )
        for row in table.rows
    )
    return replace(table, rows=rows)


def row_id(row: RowData) -> str:
    return name_key(row.attribute or row.name)


def cell_explanation(entity: str, row: RowData, values: Sequence[CellData]) -> str:
    who = next((v.corrected_by for v in values if v.corrected_by), "")
    by = f" (corrected by {who})" if who else ""
    return f"{entity} — {row.name}: {' / '.join(v.value for v in values)}{by}"


def row_cell_keys(row, entities) -> tuple[str, ...]:
    return tuple(row.cell_keys[e] for e in entities if row.cell_keys.get(e))
