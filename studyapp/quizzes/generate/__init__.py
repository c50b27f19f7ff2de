"""The generated question bank: pure functions from the topic model to `spec.QuestionSpec`s.

No Django, no database: `bank.py` reads the model into the plain dataclasses of `inputs.py`, and
this package turns them into questions, one module per source: `facts.py` (key–value facts and
definitions), `lists.py` (multiple select from lists), `terms.py` (matching terms to meanings),
`table_bank.py` and `contrasts.py` (comparison tables, on `tables.py`, the table quiz's own
questions), all drawing wrong options from `distractors.py` and comparing and showing values
with `values.py`. `generate()` below runs them all. Rules, from the learner's side:

- **One question, one truth.** A wrong option is never the answer in other words: options are
  compared by `identity` (`text.answers.normalise`, as grading: casefolded words without
  punctuation or articles; a value that is only a quantity by its quantity, so "15 minutes" =
  "900 s"), and a distractor is never a value the notes give for the asked subject and
  attribute, nor one that says less or more than the answer ("Java" / "Java 11+"), nor, for a
  short answer, one sharing a word with it ("Scales automatically …" against "Seamless &
  automatic"), nor one saying the same in other words (`text.answers.paraphrase`: content
  words with synonyms folded, "Always linked to an ENI" / "Always bound to an ENI";
  `text.answers.equivalent`: "Sub-ms" / "sub-millisecond"), nor one made mostly of the
  answer's words (`values.overlapping`: "define when objects expire (deleted by S3)" / "S3
  deletes expired objects on our behalf"), nor two wrong options one typing slip apart
  ("dyspnea" / "dypnea"). Facts the notes disagree on (a
  recorded conflict, a table cell with two values) are not asked.
- **Plausible wrong options.** A distractor is the same kind of value as the answer: a quantity
  of the same base unit (and a range for a range), or text when the answer is text. They come,
  in this order, from the same attribute of other subjects (other topics, the other entities of
  a comparison row) of the asked thing's area — read from one of its notes, or under its
  top-level topic in one specific folder (`distractors.Model._near`) — then from sibling facts
  under the same heading and from the same note; quantities from every
  quantity the notes state, the nearest in magnitude first, all shown in one style ("15
  minutes", "24 hours", "10 GB") so that the right one does not stand out. Siblings count only
  under a heading of like things (names with names, phrases with phrases); a yes/no value's one
  wrong answer is the other. Too few: no question.
- **A false statement is surely false** (`swaps.py`): a true/false question's swapped value
  shares no content word with the true one, is not said of the subject elsewhere, is no scale
  or comparison, and, from a sibling under the heading, is a name, never another term's own
  description.
- **Context in every prompt**, as the cards have it ("AWS Lambda · limits — max execution?"),
  and the same junk rules as the cards (unusable attribute names, an answer already in the
  question, or its number in digits or words: `prompts.gives_away`, rows named only by
  position). "Which of these has <row>: <value>?" asks a value that fits one entity only.
- **A quality score** on every question (`quality.py`): how sure the generator is, stored by
  the bank; under `quality.THRESHOLD` a question is a held-back suggestion, never dealt into a
  quiz nor offered in an instructor's bank picker (`bank.bank_questions`).
- **Stable keys.** A question's key hashes what it is about (the fact's key, the comparison +
  row + entity, the topic + the facts of a matching) and its kind, never its wording or the seed,
  so re-ingesting keeps the question and the attempts made at it.
- **Deterministic.** Each question draws from its own stream, `text.randomness.seeded(seed,
  key)`, so one question's options do not depend on which other questions exist.
- **No telltale order.** The options are stored in an order drawn from the question's own
  stream over the options sorted (`text.randomness.deal`): a quiz that does not shuffle shows
  the right answer in any place alike, whichever path built the options and however it found
  the distractors.

Kinds: choice (key–value facts, definitions, table cells; "which entity has …" for tables of
three or more), multi (4–6 options, at least one right and one wrong: lists, with non-members
the notes support — sibling categories under one heading ("which of these are compute
services?"), sibling kinds listed by statements ("… scalar types?"), a two-entity comparison
against a category list — never a list that says "etc." nor a non-member a line of the topic
names with the list's subject; yes/no table rows; and "which of these are true of X?" from a
two-entity comparison, X's cells against the other's where the two share no word), truefalse
(a fact as stated, or with its value swapped for a distractor), short (key–value/definition
values that are a short name), numeric (a value that is a single quantity; tolerance 0 — the
notes state limits exactly — or 10% when the note says "about"/"~"), matching (a table row's
values to their entities, and terms to their meanings within a topic, 3–6 pairs). One question
per kind and thing asked: a fact and the table cell repeating it, or one cell in two tables,
give one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from studyapp.text.answers import normalise
from studyapp.text.formulas import readable

from .. import spec
from . import many, weigh
from .distractors import Model
from .inputs import CellData, FactData, RowData, TableData, TopicData
from .lists import Lists, list_clusters, multi_from_list
from .terms import term_matchings
from .values import attribute_parts
from .weigh import premise as _premise  # noqa: F401  (tests ask it here)
from .weigh import weighed, worked_example  # noqa: F401

__all__ = [
    "CellData",
    "FactData",
    "RowData",
    "TableData",
    "TopicData",
    "generate",
]


def generate(
    facts: Sequence[FactData],
    tables: Sequence[TableData] = (),
    topics: Sequence[TopicData] = (),
    *,
    seed: int | str = 0,
    scope: tuple[frozenset[str], frozenset[str]] | None = None,
    folders: Mapping[str, str] | None = None,
    workers: int = 1,
    begun: many.Begun | None = None,
) -> list[spec.QuestionSpec]:
    """Every question the model gives: per fact (in the order given) its choice, true/false,
    short and numeric questions; lists; term matchings; then the tables. One question per key,
    and one per kind and thing asked.

    With a `scope` (topic keys, table keys), only the questions of those topics and tables,
    as the whole run makes them: the model is still read whole, for the wrong options.
    `folders` (note slug -> the folder the note is in) tells subjects' areas apart. `workers`:
    processes a large whole run may use, this one included (`many.py`); the questions are the
    same, each fact's drawn from its own stream. `begun`: the same run's facts and tables,
    dealt out by `many.begin` from these very inputs before they were needed."""
    model = Model(facts, tables, topics, folders)

    def mine(topic_key: str) -> bool:
        return scope is None or topic_key in scope[0]

    if begun is None:
        begun = many.begin(facts, tables, topics, folders, seed, scope, workers)
    per_fact: dict[int, many.Asked] = {}
    per_table: dict[int, many.Asked] = {}
    for share in begun.here:
        many.share_gather(share, many.share_questions(model, share, seed), per_fact, per_table)
    worked = weigh.worked_keys(model.facts)
    lists = Lists(model)
    rest: many.Asked = []
    for fact, members, copies in list_clusters(lists):
        if mine(fact.topic_key):
            rest.append((multi_from_list(fact, members, lists, seed=seed, copies=copies), None))
    in_scope = [fact for fact in model.facts if mine(fact.topic_key)]
    rest += [(q, None) for q in term_matchings(in_scope, seed=seed, field=_field_of(model))]
    rest = many.weighed_all(rest, worked)
    for share, result in zip(begun.away, begun.results(), strict=True):
        if result is None:  # its worker failed: done here
            result = many.share_questions(model, share, seed)
        many.share_gather(share, result, per_fact, per_table)
    asked, in_tables = begun.asked, begun.tables
    found = [pair for index in asked for pair in per_fact[index]] + rest
    found += [pair for index in in_tables for pair in per_table[index]]
    return [_readable(q) for q in _unique(found, set())]


# Kinds whose answer is picked, not typed: their options can be shown as they read.
_PICKED = frozenset({spec.CHOICE, spec.MULTI, spec.TRUEFALSE, spec.MATCHING})


def _readable(question: spec.QuestionSpec) -> spec.QuestionSpec:
    """The question as shown: each TeX formula that reads in plain Unicode written out, as the
    cards show them ('$\\Theta(n)$' -> 'Θ(n)', text.formulas). Scored on the TeX it was; a
    typed answer stays as the notes write it (the prompt alone is written out)."""
    texts = (question.prompt, *question.options, *question.items, *question.answers)
    if not any("$" in t for t in texts):
        return question
    if question.kind not in _PICKED:
        return replace(question, prompt=readable(question.prompt))
    options = tuple(readable(o) for o in question.options)
    if len(set(options)) < len(set(question.options)):
        return replace(question, prompt=readable(question.prompt))  # two options would read alike
    return replace(
        question,
        prompt=readable(question.prompt),
        options=options,
        items=tuple(readable(i) for i in question.items),
        answers=tuple(readable(a) for a in question.answers),
        explanation=readable(question.explanation),
    )


def _field_of(model: Model):
    """`field(term)` for term matchings: a label of plain words ('Diagnosis', 'Risk factors')
    that many subjects state (`Model.is_field`). An identifier ('batch_size', 'HTTP/2') is a
    term however many subjects share it."""

    def field(term: str) -> bool:
        plain = re.fullmatch(r"[A-Za-z][a-z]*(?: [a-z]+)*", term.strip()) is not None
        return plain and model.is_field(attribute_parts(term)[0])

    return field


def _unique(
    found: Sequence[tuple[spec.QuestionSpec | None, tuple | None]], seen: set
) -> list[spec.QuestionSpec]:
    """One question per key, per thing said and per thing asked, the first one kept; `seen`
    grows with what is kept."""
    out: list[spec.QuestionSpec] = []
    for question, about in found:
        if question is None:
            continue
        said = (question.kind, question.topic_key, normalise(question.prompt), question.items)
        mine = {question.key, said} | ({about} if about is not None else set())
        if not seen.isdisjoint(mine):
            continue
        seen.update(mine)
        out.append(question)
    return out
