"""The bank's questions from a comparison table: per fit row a matching, a "which entity" choice
and a yes/no multi, per cell a choice and a true/false, and the "true of" multis."""

from __future__ import annotations

import re
from dataclasses import replace

from studyapp.text import lexicon, prompts
from studyapp.text.answers import equivalent, normalise, said_alike
from studyapp.text.names import (
    name_key,
    name_tokens,
    named_by_position,
    slugify_name,
    stem,
    too_short_to_name,
)
from studyapp.text.randomness import deal, seeded

from .. import spec
from .contrasts import true_of_multi
from .distractors import Model
from .inputs import TableData
from .quality import score
from .swaps import absent_refused, fair_swap, unsure_swap
from .table_rows import cell_explanation, fit_row, flat_table, row_cell_keys, row_id
from .tables import choice_question, match_question
from .values import (
    MAX_DISTRACTORS,
    MAX_OPTION_WORDS,
    MIN_DISTRACTORS,
    MULTI_MAX_OPTIONS,
    MULTI_MIN_OPTIONS,
    asked_about,
    attribute_parts,
    bank_key,
    identity,
    overlapping,
    pure_quantity,
    show_quantity,
    unique_sources,
)


def _shown(value: str, attribute: str) -> str:
    quantity = pure_quantity(value, allow=re.findall(r"[a-z]+", attribute.lower()))
    return show_quantity(quantity) if quantity else value


def table_questions_for(
    table: TableData, model: Model, *, seed
) -> list[tuple[spec.QuestionSpec, tuple | None]]:
    """Per fit row: a matching, a "which entity" choice, a yes/no multi, and per cell a choice
    and a true/false; each with what it asks (see `asked_about`) or None."""
    table = _without_note_titles(_without_sublabels(flat_table(table), model))
    out: list[tuple[spec.QuestionSpec, tuple | None]] = []
    if any(sentence_entity(e) for e in table.entities) or _transposed(table, model):
        return out
    for row in table.rows:
        if not fit_row(table, row):
            continue
        present = [e for e in table.entities if row.cells.get(e)]
        for question in (
            _row_matching(table, row, present, model, seed=seed),
            _which_entity(table, row, model, seed=seed),
            _yes_no_multi(table, row, present, model, seed=seed),
        ):
            if question is not None:
                out.append((question, None))
        for entity in present:
            out += _cell_questions(table, row, entity, model, seed=seed)
    for entity in table.entities if len(table.entities) == 2 and not _kin(table) else ():
        true_of = true_of_multi(table, entity, model, seed=seed)
        if true_of is not None:
            out.append((true_of, None))
    return out


def _kin(table: TableData) -> bool:
    """Whether one of two entities' cells names the other ('Syscall — type: a specific use of a
    trap'): one is a kind of the other, so what is true of the one may be true of both, and
    "which of these are true of X?" has wrong options that are right."""
    a, b = table.entities
    return any(
        names_entity(v.value, other)
        for row in table.rows
        for entity, other in ((a, b), (b, a))
        for v in row.cells.get(entity, ())
    )


def _transposed(table: TableData, model: Model) -> bool:
    """A table whose entities are, half or more of them, fields of the notes ('Onset',
    'Treatment', 'Urinalysis' as columns, the diseases as rows): read the wrong way round,
    so "which of these has …" would offer fields for a disease."""
    fields = sum(model.is_field(attribute_parts(e)[0]) for e in table.entities)
    return fields * 2 >= len(table.entities)


def _notes_of_entity(table: TableData, entity: str) -> set[str]:
    return {
        s.get("note", "")
        for row in table.rows
        for value in row.cells.get(entity, ())
        for s in value.sources
    }


def _without_note_titles(table: TableData) -> TableData:
    """The table without an entity named as the note its lines come from, beside entities of
    that note ('Lower airway' beside 'Asthma' and 'Croup', all in 'Lower airway.md'): the
    note's opening section under its title, the heading of the others, not one of them. Only
    from three entities or more, so that two are still compared."""
    if len(table.entities) < 3:
        return table
    notes = {e: _notes_of_entity(table, e) for e in table.entities}
    titles = [
        e
        for e in table.entities
        if notes[e]
        and all(n == (own := slugify_name(e)) or n.endswith(f"-{own}") for n in notes[e])
        and any(notes[o] & notes[e] for o in table.entities if o != e)
    ]
    if not titles or len(table.entities) - len(titles) < 2:
        return table
    rows = tuple(
        replace(row, cells={e: v for e, v in row.cells.items() if e not in titles})
        for row in table.rows
    )
    entities = tuple(e for e in table.entities if e not in titles)
    title = " vs ".join(entities) if table.title == " vs ".join(table.entities) else table.title
    return replace(table, entities=entities, rows=rows, title=title)


def _without_sublabels(table: TableData, model: Model) -> TableData:
    """The table without the cells that only list their entity's sub-lines' labels
    (`Model.sublabels`: 'CF — treatment: lung, pancreas')."""
    rows = []
    for row in table.rows:
        cells = {
            entity: values
            for entity, values in row.cells.items()
            if not any(model.sublabels(model.subject_of(table, entity), v.value) for v in values)
        }
        rows.append(row if len(cells) == len(row.cells) else replace(row, cells=cells))
    return replace(table, rows=tuple(rows))


# A table 'entity' of more words than this is a sentence: two bullet blocks paired by their
# first lines ('During maintenance, some actions can require …'), not two things compared.
ENTITY_MAX_WORDS = 6
# A row matching's value of more words than this is read, not recalled: a block of bullets.
MATCH_ITEM_MAX_WORDS = 20


def sentence_entity(entity: str) -> bool:
    """An entity that is no name: a sentence (more than ENTITY_MAX_WORDS words, or a be verb),
    a line opened by an author's sign ('! Two differences …', '& …'), or the lead-in of a list
    (`lexicon.LEAD_IN_END`: 'Late symptoms include')."""
    words = normalise(entity).split()
    return (
        len(words) > ENTITY_MAX_WORDS
        or any(w in lexicon.SENTENCE_VERBS for w in words)
        or entity.lstrip()[:1] in {"!", "&", "?"}
        # 'Other useful lab tests include', 'The hepatic pattern shows': a list's lead-in
        or bool(lexicon.LEAD_IN_END.search(entity))
    )


def names_entity(value: str, entity: str) -> bool:
    """Whether a value says the name of the entity it belongs to ('Treatment of tropical sprue:
    …' for Tropical sprue): a question asking which entity it is gives itself away."""
    own = set(name_tokens(entity))
    return bool(own) and own <= set(name_tokens(value))


def _interchangeable(items) -> bool:
    """Two of a matching's items that say one thing: the same in other spellings
    (`equivalent`), mostly the same words or one spelling slip apart ('wheezing, dyspnea' /
    'wheezing, dypnea': `overlapping`), or one word in two forms ('clinical' / 'clinically').
    Not the same words in another order: 'A + B → AB' and 'AB → A + B' are opposites."""
    return any(
        identity(a) == identity(b)
        or equivalent(a, b)
        or overlapping(a, b)
        or _inflected(a, b)
        or _within(a, b)
        or said_alike(a, b)
        for i, a in enumerate(items)
        for b in items[i + 1 :]
    )


def _within(a: str, b: str) -> bool:
    """Every word of one item in the other ('surgery' / 'surgery, then a stent'): the shorter
    is true of both, so either entity could be matched to it."""
    wa, wb = (frozenset(re.findall(r"\w+", x.lower())) for x in (a, b))
    # strictly: the same words in another order may be opposites ('A + B → AB', 'AB → A + B')
    return bool(wa) and bool(wb) and (wa < wb or wb < wa)


_INFLECTIONS = frozenset({"s", "es", "ly", "ally", "ed", "d"})


def _inflected(a: str, b: str) -> bool:
    """One word in two forms: an inflection ('clinical' / 'clinically') or one stem
    ('support' / 'supportive')."""
    wa, wb = normalise(a).split(), normalise(b).split()
    if len(wa) != 1 or len(wb) != 1:
        return False
    short, long_ = sorted((wa[0], wb[0]), key=len)
    if len(short) >= 4 and long_.startswith(short) and long_[len(short) :] in _INFLECTIONS:
        return True
    return len(short) >= 4 and stem(short) == stem(long_)


def _row_matching(table, row, present, model, *, seed) -> spec.QuestionSpec | None:
    """The row's values to their entities, as the table quiz's match has them; not when a
    value names its entity or is a block to read (MATCH_ITEM_MAX_WORDS)."""
    match = match_question(table, row, seed=seed)
    if match is None or any(
        names_entity(item, entity) or len(item.split()) > MATCH_ITEM_MAX_WORDS
        for item, entity in zip(match.items, match.answers, strict=True)
    ):
        return None
    if _interchangeable(match.items):
        return None  # 'clinical' and 'clinically': either entity takes either item
    return spec.QuestionSpec(
        key=bank_key(spec.MATCHING, table.key, row_id(row)),
        kind=spec.MATCHING,
        prompt=f"{table.title} — {prompts.lower_first(row.name)}: match each value to its entity.",
        items=match.items,
        options=match.options,
        answers=match.answers,
        explanation=match.explanation,
        sources=unique_sources(match.sources),
        topic_key=model.table_topic(table, present),
        about_keys=row_cell_keys(row, present),
        quality=score(
            spec.MATCHING,
            answer=max(match.items, key=lambda v: len(v.split())),
            attribute=row.name,
        ),
    )


def _which_entity(table, row, model, *, seed) -> spec.QuestionSpec | None:
    """'Which of these has max memory: 10 GB?' over three or more entities, as the table quiz's
    choice has it, the options dealt like every other question's."""
    choice = choice_question(table, row, seed=seed)
    if choice is None or len(choice.options) < 3:
        return None
    right = choice.answers[0]
    if len(row.cells[right]) != 1:  # a cell the notes disagree on is not asked
        return None
    if names_entity(row.cells[right][0].value, right):
        return None  # "Which has diagnosis: Meckel's scan?" names its answer
    key = bank_key(spec.CHOICE, "entity", table.key, row_id(row))
    value = _shown(row.cells[right][0].value, row.name)
    return spec.QuestionSpec(
        key=key,
        kind=spec.CHOICE,
        prompt=_graded_table(table, choice.options)
        + f"{prompts.which_has(prompts.lower_first(row.name), value)}?",
        answers=choice.answers,
        options=deal(choice.options, seed=seed, key=key),
        explanation=choice.explanation,
        sources=unique_sources(choice.sources),
        topic_key=model.table_topic(table, [right]),
        cell_key=row.cell_keys.get(right, ""),
        quality=score(spec.CHOICE, answer=row.cells[right][0].value, attribute=row.name),
    )


def _yes_no_multi(table, row, present, model, *, seed) -> spec.QuestionSpec | None:
    """'Which of these have file system access?' from a row of ✅ and ❌ over 4–6 entities."""
    if not MULTI_MIN_OPTIONS <= len(present) <= MULTI_MAX_OPTIONS or any(
        len(row.cells[e]) != 1 for e in present
    ):
        return None
    verdicts = {}
    for entity in present:
        value = row.cells[entity][0].value
        if lexicon.NO_MARK.search(value):  # "❌ Not supported" says "supported" too
            verdicts[entity] = False
        elif lexicon.YES_MARK.search(value):
            verdicts[entity] = True
        else:
            return None  # "⚠️ Limited": neither, so the row is no yes/no question
    if all(verdicts.values()) or not any(verdicts.values()):
        return None
    key = bank_key(spec.MULTI, table.key, row_id(row))
    options = deal(present, seed=seed, key=key)
    values = [v for e in present for v in row.cells[e]]
    return spec.QuestionSpec(
        key=key,
        kind=spec.MULTI,
        prompt=f"{table.title} — which of these have {prompts.lower_first(row.name.rstrip('?'))}?",
        answers=tuple(e for e in options if verdicts[e]),
        options=options,
        explanation="; ".join(cell_explanation(e, row, row.cells[e]) for e in present),
        sources=unique_sources(s for v in values for s in v.sources),
        topic_key=model.table_topic(table, present),
        about_keys=row_cell_keys(row, present),
        quality=score(spec.MULTI, attribute=row.name),
    )


# An entity named only by a letter or a grade ('A', 'B2', 'IV', 'T3'): a row's place in a
# staging or a grading table, which says nothing without the table it sits in.
_GRADE = re.compile(r"[A-Za-z]{1,2}\d?|\d{1,2}[A-Za-z]?|[IVX]{1,4}")


def _entity_shown(table, entity: str) -> str:
    """An entity as a cell's question names it: with what the table says its entities are when
    its name does not ('Mode r+ — writeable?', `prompts.named_entity`), and with its table's
    title when its name is only a grade ('Colon cancer staging · A — cure rate?', not 'A —
    cure rate?'), unless the title is only the entities again ('A vs B vs C'); and with the
    subject it sits under when it is a case of that subject, no topic itself ('Bacterial
    Meningitis · Age >50 — common organisms?')."""
    named = prompts.named_entity(entity, table.entity_kind)
    if _GRADE.fullmatch(entity.strip()) and table.title and " vs " not in table.title:
        return f"{table.title} · {named}"
    if named == entity and entity not in table.entity_topics:
        # 'Age >50', 'Mild persistent': a case of the subject the table sits under
        return prompts.case_of(entity, table.home) or named
    return named


def _graded_table(table, options) -> str:
    """How 'which of these has …?' opens: with what the entities are when their names do not
    say ('Which mode has …', of 'r', 'w', 'a+'), with its table's title when the options are
    only grades ('Bowel cancer staging — which of these has …', of 'A', 'B', 'C')."""
    kind = table.entity_kind
    unnamed = bool(kind) and all(prompts.named_entity(o, kind) != o for o in options)
    bare = re.sub(r"\s*\([^()]*\)$", "", kind)  # 'Age (months)': which age
    which = f"which {prompts.lower_first(bare)} " if unnamed else "which of these "
    titled = bool(table.title) and " vs " not in table.title
    graded = titled and all(_GRADE.fullmatch(o.strip()) for o in options)
    return f"{table.title} — {which}" if graded else which[:1].upper() + which[1:]


def _cell_questions(table, row, entity, model, *, seed) -> list[tuple[spec.QuestionSpec, tuple]]:
    values = row.cells[entity]
    name = row.name.strip()
    if (
        len(values) != 1
        or named_by_position(name)
        or too_short_to_name(name)
        or not prompts.usable_attribute(name)
    ):
        return []
    value = values[0].value
    stem_text = f"{_entity_shown(table, entity)} — {prompts.lower_first(name)}"
    if (
        not value
        or prompts.repeats(stem_text, value)
        or prompts.gives_away(stem_text, value)
        or len(value.split()) > 16
    ):
        return []
    subject = model.subject_of(table, entity)
    notes = [s["note"] for s in values[0].sources if s.get("note")]
    common = {
        "explanation": cell_explanation(entity, row, values),
        "sources": unique_sources(values[0].sources),
        "topic_key": model.table_topic(table, [entity]),
        "cell_key": row.cell_keys.get(entity, ""),
    }
    identity_parts = (table.key, row_id(row), name_key(entity))
    out = []
    key = bank_key(spec.CHOICE, *identity_parts)
    rng = seeded(seed, key)
    answer, wrong, same_attribute = model.distractors(
        subject=subject,
        attribute=name,
        answer=value,
        group=None,
        rng=rng,
        notes=notes,
        fair=absent_refused(model, name),
    )
    if len(wrong) >= MIN_DISTRACTORS and len(answer.split()) <= MAX_OPTION_WORDS:
        question = spec.QuestionSpec(
            key=key,
            kind=spec.CHOICE,
            prompt=f"{stem_text}?",
            answers=(answer,),
            options=deal([answer, *wrong], seed=seed, key=key),
            quality=score(
                spec.CHOICE,
                wanted=MAX_DISTRACTORS,
                found=len(wrong),
                same_attribute=same_attribute,
                answer=answer,
                attribute=name,
            ),
            **common,
        )
        out.append((question, asked_about(spec.CHOICE, subject, name, value)))
    key = bank_key(spec.TRUEFALSE, *identity_parts)
    rng = seeded(seed, key)
    fair = fair_swap(model, subject=subject, attribute=name, answer=value)
    answer, wrong, same_attribute = model.distractors(
        subject=subject,
        attribute=name,
        answer=value,
        group=None,
        rng=rng,
        want=1,
        fair=fair,
        notes=notes,
        close=model.stateable(subject, frozenset(notes), cell=True),
    )
    if wrong:
        # a swap that may hold of the entity too ('no treatment') is not stated: the truth is
        true = rng.random() < 0.5 or unsure_swap(model, name, wrong[0])
        question = spec.QuestionSpec(
            key=key,
            kind=spec.TRUEFALSE,
            prompt=f"True or false: {stem_text}: {answer if true else wrong[0]}",
            answers=("true" if true else "false",),
            quality=score(
                spec.TRUEFALSE,
                found=1,
                same_attribute=same_attribute,
                answer=answer if true else wrong[0],
                attribute=name,
                swapped=not true,
            ),
            **common,
        )
        out.append((question, asked_about(spec.TRUEFALSE, subject, name, value)))
    return out
