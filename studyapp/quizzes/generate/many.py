"""The fact questions of a large whole run, on every core: the biggest part of a first
ingest's question bank (each key–value fact and definition asked four ways, each with its
wrong options drawn from the whole model).

Each worker (`text.workers`: a fresh `python -m` of this module) builds the model from the same
inputs and asks its share of the facts; the caller asks the first share itself, and the rest of
the bank (lists, matchings, tables) while the workers run. Every fact's questions depend on
that fact, the model and the seed only, so the bank is the one a single process makes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from studyapp.text.workers import serve, workers_finish, workers_start

from .. import spec
from .distractors import Model
from .facts import choice_from_fact, numeric_from_fact, short_from_fact, truefalse_from_fact
from .inputs import FactData, TableData, TopicData
from .values import asked_about

PARALLEL_AT = 2000  # facts to ask; fewer are asked faster than workers build their model

Asked = list[tuple[spec.QuestionSpec | None, tuple]]


def fact_shares(indices: list[int], workers: int) -> list[list[int]]:
    """The facts (indices) each process asks, the caller's first; one share when small. Equal
    shares, every workers-th fact: besides its share the caller makes the lists, matchings
    and tables (measured at 300 notes, about what a worker spends starting and building its
    model)."""
    if workers < 2 or len(indices) < PARALLEL_AT:
        return [indices]
    return [indices[k::workers] for k in range(workers)]


def fact_shares_start(
    shares: list[list[int]],
    facts: Sequence[FactData],
    tables: Sequence[TableData],
    topics: Sequence[TopicData],
    folders: Mapping[str, str] | None,
    seed: int | str,
) -> list:
    if not shares:
        return []
    model = (list(facts), list(tables), list(topics), dict(folders or {}), seed)
    return workers_start(__name__, [(model, share) for share in shares])


def fact_shares_finish(started: list) -> list[list[Asked] | None]:
    return workers_finish(started) if started else []


def questions_of(model: Model, indices: list[int], seed: int | str) -> list[Asked]:
    """Each fact's four questions (choice, true/false, short, numeric; None where it gives
    none), with what each asks."""
    out = []
    for index in indices:
        fact = model.facts[index]
        attribute = fact.attribute or fact.subject
        untold = model.untold(fact)  # see Model.untold: 2 asks nothing, 1 nothing typed
        if model.sublabels(fact.topic_key, fact.value):
            untold = 2  # its value lists its sub-lines' labels: nothing to ask
        out.append(
            [
                (question, asked_about(kind, fact.topic_key, attribute, fact.value))
                for kind, question in (
                    (spec.CHOICE, None if untold > 1 else choice_from_fact(fact, model, seed=seed)),
                    (
                        spec.TRUEFALSE,
                        None if untold > 1 else truefalse_from_fact(fact, model, seed=seed),
                    ),
                    (
                        spec.SHORT,
                        None
                        if untold
                        else short_from_fact(fact, seed=seed, line=model.line_text(fact)),
                    ),
                    (spec.NUMERIC, None if untold else numeric_from_fact(fact, seed=seed)),
                )
            ]
        )
    return out


def _serve_share(work: tuple[Any, list[int]]) -> list[Asked]:
    (facts, tables, topics, folders, seed), indices = work
    return questions_of(Model(facts, tables, topics, folders), indices, seed)


if __name__ == "__main__":  # a worker: (model inputs, fact indices) in, their questions out
    serve(_serve_share)
