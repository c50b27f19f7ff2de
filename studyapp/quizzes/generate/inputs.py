"""The question generator's input: the topic model as plain data (`bank.py` reads it from the
database)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from studyapp.text.prompts import unnumbered


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
    entity_kind: str = ""  # what the entities are ('Mode'): `prompts.named_entity`
    home: str = ""  # the topic the table sits under, as cards name it ('Bacterial Meningitis')

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
