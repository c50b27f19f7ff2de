"""What extraction produces from one note: candidate facts, tables, titled groups of items.

Pure data. Every candidate keeps the heading path it came from and its source line, so every fact
in the model can cite its note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studyapp.text.quantities import Quantity


@dataclass
class Candidate:
    kind: str  # "statement" | "key_value" | "enumeration" | "definition" | "qa"
    text: str  # the fact as the note says it (clean text)
    headings: tuple[str, ...]  # heading path, outermost first, ending with the section's title
    labels: tuple[str, ...]  # parent bullets / bold labels inside the section
    line: int
    bold_labels: frozenset[str] = frozenset()  # labels that are wholly bold (may name a topic)
    subject: str = ""  # key_value / definition: the thing described when it is not the topic
    attribute: str = ""
    value: str = ""
    quantity: Quantity | None = None
    items: tuple[str, ...] = ()
    emphasis: tuple[str, ...] = ()
    # a paragraph's sentence that points back ('It is contraindicated in asthma'): the sentence
    # or two before it that say what it points at (text.blanks.lead_of), shown before its cards
    lead: str = ""


@dataclass
class CandidateTable:
    headings: tuple[str, ...]
    caption: str
    header: list[str]
    rows: list[list[str]]
    line: int
    rows_line: int = 0  # the first body row's line; 0: the line after the header's separator

    def first_row_line(self) -> int:
        return self.rows_line or self.line + 2


@dataclass
class Group:
    """A titled block of items (a section, a bold line or a label with bullets under it).
    Sibling groups that describe two things point by point become a comparison."""

    parent: tuple[str, ...]  # the path the group sits in: headings, then labels
    title: str
    line: int
    items: list[tuple[str, int]]  # (text, line)


@dataclass
class Extraction:
    title: str
    name: str = ""  # the note's file name as words: its topic when neither title nor heading is
    folders: tuple[str, ...] = ()  # the folders the file is in, as words, outermost first
    facts: list[Candidate] = field(default_factory=list)
    tables: list[CandidateTable] = field(default_factory=list)
    headings: list[tuple[str, ...]] = field(default_factory=list)  # every heading path (+ labels)
    groups: list[Group] = field(default_factory=list)
    # While extracting only (emptied after): the name keys of the labels the note writes once
    # over notes of their own, `extract._labels_once`.
    labels_once: frozenset[str] = frozenset()
    # What the extraction was made from (knowledge.services sets the note's extraction key):
    # merge memoises a note's own work under it (merge_comparisons.sections_memo). "" for none.
    key: str = ""
