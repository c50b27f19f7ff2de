"""Builders of the generator's inputs for the question precision tests: a key-value fact, a
table, and the questions of several seeds."""

from __future__ import annotations

from studyapp.quizzes.generate import CellData, FactData, RowData, TableData, generate

SEEDS = range(8)


def source(line: int = 1, note: str = "n") -> tuple[dict, ...]:
    return ({"note": note, "title": note.upper(), "heading": "H", "line": line},)


def kv(key, topic, attribute, value, *, subheading="", kind="key_value", text=None, note="n"):
    return FactData(
        key=key,
        kind=kind,
        topic_key=topic.lower(),
        topic=topic,
        subheading=subheading,
        subject=attribute if kind == "definition" else "",
        attribute=attribute,
        value=value,
        text=f"{attribute}: {value}" if text is None else text,
        sources=source(note=note),
    )


def questions(facts, tables=(), *, seeds=SEEDS, kind=None, fact_key=""):
    return [
        q
        for seed in seeds
        for q in generate(facts, tables, seed=seed)
        if (kind is None or q.kind == kind) and (not fact_key or q.fact_key == fact_key)
    ]


def table(key, entities, rows) -> TableData:
    return TableData(
        key=key,
        title=" vs ".join(entities),
        entities=tuple(entities),
        rows=tuple(
            RowData(name, {e: (CellData(v, source(i)),) for e, v in cells.items()}, attribute=name)
            for i, (name, cells) in enumerate(rows.items(), 1)
        ),
    )
