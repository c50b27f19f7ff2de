"""The question generator's input: the topic model as plain data (`bank.py` reads it from the
database)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FactData:
    key: str
    kind: str  # statement | key_value | enumeration | definition | qa
    topic_key: str
    topic: str  # topic name
    subheading: str = ""
    text: str = ""
    subject: str = ""
    attribute: str = ""
    value: str = ""
    items: tuple[str, ...] = ()
    sources: tuple[dict, ...] = ()  # {"note", "title", "heading", "line"}
    disputed: bool = False  # a live conflict: the notes disagree on it
    # The topic as a prompt names it, as the fact's own note places it ('CloudTrail › Logs',
    # knowledge.placing); "" for the bare name.
    shown: str = ""

    @property
    def placed(self) -> str:
        return unnumbered(self.shown or self.topic)


# A file's place in a course at the start of a heading ('01 Cancer', '15 ENT'): not the subject.
_ORDINAL = re.compile(r"^\d{1,2}\s+(?=[A-Za-z])")


def unnumbered(path: str) -> str:
    """A topic as a prompt shows it, without the order numbers files and headings carry
    ('08 Vaccines › Tetanus' -> 'Vaccines › Tetanus', '01 Cancer › Cancer' -> 'Cancer'): the
    number says where a note sits in its folder, not what it is about."""
    parts: list[str] = []
    for part in path.split(" › "):
        part = _ORDINAL.sub("", part.strip()) or part.strip()
        if not parts or part.casefold() != parts[-1].casefold():
            parts.append(part)
    return " › ".join(parts)


@dataclass(frozen=True)
class CellData:
    value: str
    sources: tuple[dict, ...] = ()  # {"note", "title", "heading", "line"}
    corrected_by: str = ""


@dataclass(frozen=True)
class RowData:
    name: str  # as shown (an instructor may have renamed it)
    cells: Mapping[str, tuple[CellData, ...]]  # entity -> values
    attribute: str = ""  # the row's name in the notes ("" for a row an instructor added)
    cell_keys: Mapping[str, str] = field(default_factory=dict)  # entity -> ComparisonCell key


@dataclass(frozen=True)
class TableData:
    key: str  # the comparison's key
    title: str
    entities: tuple[str, ...]
    rows: tuple[RowData, ...]
    entity_topics: Mapping[str, str] = field(default_factory=dict)  # entity -> topic key

    @property
    def comparison(self) -> TableData:
        # tables.py (the table quiz's questions) reads `table.comparison.key`: this table is its
        # own comparison.
        return self


@dataclass(frozen=True)
class TopicData:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    root: str = ""  # its top-level topic's key: distractors come from the same subject area
