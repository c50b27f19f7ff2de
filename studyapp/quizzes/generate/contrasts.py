""" "Which of these are true of X?" from a two-entity comparison: X's cells against the other's."""

from __future__ import annotations

from studyapp.text import lexicon, prompts
from studyapp.text.answers import bare_word
from studyapp.text.names import content_stems, name_key, name_tokens, named_by_position
from studyapp.text.quantities import find_quantities
from studyapp.text.randomness import deal, seeded

from .. import spec
from .distractors import Model
from .inputs import RowData, TableData
from .quality import score
from .table_rows import cell_explanation, fit_row, row_cell_keys
from .values import (
    MAX_OPTION_WORDS,
    MULTI_MAX_OPTIONS,
    MULTI_MIN_OPTIONS,
    bank_key,
    identity,
    near,
    unique_sources,
    word_stems,
)

# "1000s of requests/sec" against "millions of requests per second": the more says the less


def _contrast_option(value: str, row: str) -> str | None:
    """A cell fit to be an option of 'which of these are true of …': one short line, no ✅/❌
    (a yes/no row is asked as one), its first letter capital so that no option stands out, and
    its row's name when it does not say what it is about ('Max memory: 2 MB', not '2 MB')."""
    if not content_stems(value) & content_stems(row):
        value = f"{row}: {value}"
    if (
        not value
        or lexicon.CHECK_MARKS.search(value)
        or lexicon.MAGNITUDE.search(value)
        or "://" in value
        or len(value.split()) > MAX_OPTION_WORDS
        or len(value) > 80
    ):
        return None
    return value[:1].upper() + value[1:]


def _content(text: str, asked: frozenset[str]) -> frozenset[str]:
    return word_stems(text) - asked


def _share_meaning(model: Model, a: str, b: str, asked: frozenset[str]) -> bool:
    """Whether two cells share a word beyond the row's own, or two words the notes say are one
    ('Written in nodejs and python' / '… written in javascript': Node.js is JavaScript)."""
    if _content(a, asked) & _content(b, asked):
        return True
    wa = {bare_word(w) for w in a.split()} - {""}
    wb = {bare_word(w) for w in b.split()} - {""}
    return any(model.aliases.get(w, set()) & wb for w in wa)


def _quantity_keys(text: str) -> set[tuple[str, float]]:
    """Every amount a text names, a range's ends included ('128 MB – 10 GB' names 10 GB)."""
    return {(q.unit, v) for q in find_quantities(text) for v in (q.low, q.high)}


def _said_of(model: Model, table: TableData, entity: str, option: str, asked) -> bool:
    """Whether the notes say this of the entity anyway, outside the table: a line of its topic
    holding every word of it (not a line about another entity of the table, as the notes of
    the Lambda topic also list what EC2 is)."""
    topic = model.subject_of(table, entity)
    mine = _content(option, asked)
    others = [set(name_tokens(e)) for e in table.entities if e != entity]
    if not mine:
        return False
    for fact in model.facts_by_topic.get(topic, ()):  # the topic's own facts, not every fact
        about = set(name_tokens(f"{fact.subject} {fact.subheading}"))
        if any(o and o <= about for o in others):
            continue
        lines = [f"{fact.subject} {i}" for i in fact.items] or [f"{fact.text} {fact.value}"]
        if any(mine <= word_stems(line) for line in lines):
            return True
    return False


Contrast = tuple[RowData, str, list[str]]  # a row, the entity's option, the others' options


def _contrasts(table: TableData, entity: str, model: Model) -> list[Contrast]:
    """Each row fit to set the entity against the others, in the table's order."""
    contrasts: list[Contrast] = []
    for row in table.rows:
        mine = row.cells.get(entity, ())
        others = [e for e in table.entities if e != entity and row.cells.get(e)]
        if (
            len(mine) != 1
            or not others
            or any(len(row.cells[e]) != 1 for e in others)
            or named_by_position(row.name)
            or not prompts.usable_attribute(row.name.strip())
            or not fit_row(table, row)
        ):
            continue
        right = _contrast_option(mine[0].value, row.name.strip())
        if right is None or any(lexicon.MAGNITUDE.search(row.cells[e][0].value) for e in others):
            continue
        asked = word_stems(row.name)
        wrong = []
        for other in others:
            option = _contrast_option(row.cells[other][0].value, row.name.strip())
            if (
                option is not None
                and identity(option) != identity(right)
                and not near(option, right)
                and not _share_meaning(model, option, right, asked)
                and not _quantity_keys(option) & _quantity_keys(right)
                and not _said_of(model, table, entity, option, asked)
            ):
                wrong.append(option)
        if wrong:
            contrasts.append((row, right, wrong))
    return contrasts


def _combined(contrasts: list[Contrast]) -> tuple[list[RowData], list[str], list[str]]:
    """(rows, options, right options): as many of the rows as fit, none saying another's thing."""
    rows: list[RowData] = []
    options: list[str] = []
    answers: list[str] = []
    for row, right, wrong in contrasts:
        new = [right, *wrong]
        if len(options) + len(new) > MULTI_MAX_OPTIONS:
            continue
        # 'Millions of requests per second' and 'Sub-ms startup times, millions of
        # requests/second' say one thing twice: one row of the two
        if any(
            len(word_stems(n) & word_stems(o)) * 2 >= min(len(word_stems(n)), len(word_stems(o)))
            or identity(n) == identity(o)
            for n in new
            for o in options
        ):
            continue
        rows.append(row)
        options += new
        answers.append(right)
    return rows, options, answers


def true_of_multi(table, entity, model, *, seed) -> spec.QuestionSpec | None:
    """'Provisional Mode vs On-Demand Mode — which of these are true of On-Demand Mode?': the
    entity's cells of two or three rows of a two-entity table, against the other's cells of
    the same rows (in a wider table the cells compare: 'Slower than CF Functions' is true of
    two of the three). No magnitudes that a bigger one includes ('1000s of requests/sec').
    A row counts only when its cells differ in every word but the row's own ('24 hours
    retention' / '1 year retention'; not 'Process using AWS Lambda Triggers …' / 'Process
    using AWS Lambda, Kinesis …', true of both) and share no quantity, and when the notes say
    the other entities' cells nowhere of this one."""
    key = bank_key(spec.MULTI, "true of", table.key, name_key(entity))
    rng = seeded(seed, key)
    contrasts = _contrasts(table, entity, model)
    rng.shuffle(contrasts)
    rows, options, answers = _combined(contrasts)
    if len(rows) < 2:
        return None
    # not always one right option per row: drop a few options, keeping one right and one wrong
    for option in rng.sample(options, len(options)):
        if len(options) <= MULTI_MIN_OPTIONS or rng.random() < 0.5:
            break
        rest = [o for o in options if o != option]
        if set(answers) & set(rest) and set(rest) - set(answers):
            options = rest
    if not MULTI_MIN_OPTIONS <= len(options) <= MULTI_MAX_OPTIONS:
        return None
    options = list(deal(options, seed=seed, key=key))
    present = [e for e in table.entities if any(row.cells.get(e) for row in rows)]
    values = [v for row in rows for e in present for v in row.cells.get(e, ())]
    return spec.QuestionSpec(
        key=key,
        kind=spec.MULTI,
        prompt=f"{table.title} — which of these are true of {entity}?",
        answers=tuple(o for o in options if o in answers),
        options=tuple(options),
        explanation="; ".join(
            cell_explanation(e, row, row.cells[e])
            for row in rows
            for e in present
            if row.cells.get(e)
        ),
        sources=unique_sources(s for v in values for s in v.sources),
        topic_key=model.table_topic(table, [entity]),
        about_keys=tuple(k for row in rows for k in row_cell_keys(row, present)),
        quality=score(spec.MULTI, answer=max(options, key=lambda o: len(o.split()))),
    )
