"""Questions from a comparison table, and their grading. Pure: a `Table` in, questions out; no
database, no request.

Two kinds, both about one row of the table:

- **match**: "Match each value to its entity" — the row's values (shuffled), each to be given the
  entity it belongs to;
- **choice**: "Which of these has <row>: <value>?" — the row's entities as options, exactly one
  right. The value asked is one that fits no other entity of the row (`_fits`): not the same
  in other words ('10GB' / '10 GB', '15 min' / '900 s'), not said by another's longer value
  ('Node.js' / 'Node.js and Python'), not the same yes or no ('✅ Supported' / '✅ EFS mounts');
  a row without such a value is not asked.

A row is asked about only when it can be asked fairly: at least two entities have a value in it,
and no two of those values are the same once normalised, nor one answer in two spellings (else
two answers would be right). An entity with no value in a row is never offered as an option:
the notes not saying something does not make it false.

Deterministic: the same table and seed give the same questions, options in the same order. Each
question's key is a hash of the comparison's key, the row and the kind, so it names the same
question across seeds and re-ingests.

The table's quiz page (table_quiz_views.py) uses these without storing anything (the seed
travels with the form and the questions are rebuilt to grade them), and the quiz bank
(`table_bank.py`) builds its table matchings and "which of these has …" questions on them; keep
this module free of Django so both can.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studyapp.text import lexicon, prompts
from studyapp.text.answers import equivalent, normalise, paraphrase
from studyapp.text.names import named_by_position, too_short_to_name
from studyapp.text.randomness import seeded

from .values import identity, word_stems

if TYPE_CHECKING:  # types only: the module runs without Django
    from studyapp.knowledge.tables import CellValue, Table, TableRow

MATCH = "match"
CHOICE = "choice"
QUIZ_LENGTH = 8


@dataclass(frozen=True)
class Question:
    key: str
    kind: str  # MATCH | CHOICE
    prompt: str
    row: str
    options: tuple[str, ...]  # the entities to choose from
    items: tuple[str, ...]  # match: the values to place; choice: ()
    answers: tuple[str, ...]  # match: the entity of each item; choice: (the right entity,)
    explanation: str
    sources: tuple[dict, ...]  # {note, note_title, note_url, heading, line}, as the table's

    @property
    def fields(self) -> tuple[str, ...]:
        """The form field names that answer it: one per item, or one for a choice."""
        if self.kind == MATCH:
            return tuple(f"{self.key}-{i}" for i in range(len(self.items)))
        return (self.key,)

    @property
    def item_fields(self) -> list[tuple[str, str]]:
        """(value, field name) of each item of a match."""
        return list(zip(self.items, self.fields, strict=False))


@dataclass(frozen=True)
class Graded:
    question: Question
    given: tuple[str, ...]  # per field, "" when unanswered
    marks: tuple[bool, ...]  # per field

    @property
    def right(self) -> bool:
        return all(self.marks)

    @property
    def rows(self) -> list[tuple[str, str, str, bool]]:
        """A match's (value, right entity, given entity, right?) per item."""
        q = self.question
        return list(zip(q.items, q.answers, self.given, self.marks, strict=False))


def question_key(comparison_key: str, row: str, kind: str) -> str:
    return hashlib.sha1("\x1f".join((comparison_key, row, kind)).encode()).hexdigest()[:20]


def cell_text(values: list[CellValue]) -> str:
    """A cell as one answer: the values the notes give, in the table's order."""
    return " / ".join(v.value for v in values)


def _askable(row: TableRow, entities: list[str]) -> list[str] | None:
    """The entities of a row fit to ask about, in column order; None when the row is not fit."""
    # As for cards: "Point 3" names a row by position, "Eg" by an accident of wording.
    if named_by_position(row.name) or too_short_to_name(row.name):
        return None
    present = [e for e in entities if row.cells.get(e)]
    if len(present) < 2:
        return None
    # The table quiz's own rule (no NFKC, articles kept), older than the answers' rule.
    seen = {normalise(cell_text(row.cells[e]), plain=True) for e in present}
    if len(seen) < len(present) or "" in seen:
        return None
    texts = [cell_text(row.cells[e]) for e in present]
    if any(equivalent(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]):
        return None  # '10GB' and '10 GB': one value in two spellings
    return present


def _verdict(text: str) -> bool | None:
    if lexicon.NO_MARK.search(text):
        return False
    return True if lexicon.YES_MARK.search(text) else None


def _fits(value: str, other: str, row: str) -> bool:
    """Whether `value` is true of the entity whose cell says `other` too: the same in other
    words, every word of it in the other's (beyond the row's), or the same yes or no."""
    if identity(value) == identity(other) or equivalent(value, other) or paraphrase(value, other):
        return True
    mine = word_stems(value) - word_stems(row)
    if mine and mine <= word_stems(other):
        return True
    verdict = _verdict(value)
    return verdict is not None and verdict == _verdict(other)


def _distinct(row: TableRow, present: list[str]) -> list[str]:
    """The entities whose value in the row fits no other entity's."""
    texts = {e: cell_text(row.cells[e]) for e in present}
    return [
        e
        for e in present
        if not any(_fits(texts[e], texts[o], row.name) for o in present if o != e)
    ]


def _sources(values: list[CellValue]) -> list[dict]:
    return [s for v in values for s in v.sources]


def _unique(sources: list[dict]) -> tuple[dict, ...]:
    out: dict[tuple, dict] = {}
    for s in sources:
        out.setdefault((s.get("note"), s.get("line")), s)
    return tuple(out.values())


def _explanation(row: TableRow, present: list[str]) -> str:
    parts = []
    for entity in present:
        values = row.cells[entity]
        who = next((v.corrected_by for v in values if v.corrected_by), "")
        note = f" (corrected by {who})" if who else ""
        parts.append(f"{entity}: {cell_text(values)}{note}")
    return f"{row.name} — " + "; ".join(parts) + "."


def match_question(table: Table, row: TableRow, *, seed: int | str) -> Question | None:
    present = _askable(row, table.entities)
    if present is None:
        return None
    key = question_key(table.comparison.key, row.name, MATCH)
    pairs = [(cell_text(row.cells[e]), e) for e in present]
    # One stream per question: its shuffle does not depend on which other rows the table has.
    seeded(seed, key).shuffle(pairs)
    return Question(
        key=key,
        kind=MATCH,
        prompt=f"{row.name}: match each value to its entity.",
        row=row.name,
        options=tuple(present),
        items=tuple(value for value, _e in pairs),
        answers=tuple(entity for _v, entity in pairs),
        explanation=_explanation(row, present),
        sources=_unique([s for e in present for s in _sources(row.cells[e])]),
    )


def choice_question(table: Table, row: TableRow, *, seed: int | str) -> Question | None:
    present = _askable(row, table.entities)
    if present is None:
        return None
    key = question_key(table.comparison.key, row.name, CHOICE)
    rng = seeded(seed, key)
    distinct = _distinct(row, present)
    if not distinct:
        return None  # every value would fit two entities
    right = rng.choice(distinct)
    options = list(present)
    rng.shuffle(options)
    return Question(
        key=key,
        kind=CHOICE,
        prompt=f"Which of these {prompts.which_has(row.name, cell_text(row.cells[right]))}?",
        row=row.name,
        options=tuple(options),
        items=(),
        answers=(right,),
        explanation=_explanation(row, present),
        sources=_unique(_sources(row.cells[right])),
    )


def table_questions(table: Table, *, seed: int | str = 0) -> list[Question]:
    """Every question the table gives: a match and a choice per fit row, in row order."""
    questions = []
    for row in table.rows:
        for make in (match_question, choice_question):
            question = make(table, row, seed=seed)
            if question:
                questions.append(question)
    return questions


def quiz_questions(table: Table, *, seed: int | str, count: int = QUIZ_LENGTH) -> list[Question]:
    """A quiz: at most `count` questions, one per row (a row's match would give its choice away),
    the rows and each row's kind picked with the seed, in the table's order."""
    rng = seeded(seed, "quiz")
    by_row: list[Question] = []
    for row in table.rows:
        kinds = [match_question, choice_question]
        rng.shuffle(kinds)
        for make in kinds:
            question = make(table, row, seed=seed)
            if question:
                by_row.append(question)
                break
    if len(by_row) <= count:
        return by_row
    return [by_row[i] for i in sorted(rng.sample(range(len(by_row)), count))]


def quiz_grade(questions: list[Question], data: Mapping[str, str]) -> list[Graded]:
    """Each question graded from the submitted answers (field name -> entity). An unanswered or
    unknown answer is wrong."""
    graded = []
    for question in questions:
        given = tuple(str(data.get(name, "") or "") for name in question.fields)
        marks = tuple(g == a for g, a in zip(given, question.answers, strict=True))
        graded.append(Graded(question, given, marks))
    return graded
