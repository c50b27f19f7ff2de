"""The fact and table questions of a large whole run, on every core: the biggest part of a
first ingest's question bank (each key–value fact and definition asked four ways, each table
cell several, each with its wrong options drawn from the whole model).

Each worker (`text.workers`: a fresh `python -m` of this module) builds the model from the same
inputs, asks its share of the facts and tables and weighs what it made (`weigh.py`); the caller
does the first share itself, and the rest of the bank (lists, matchings) while the workers run.
Every fact's and table's questions depend on it, the model and the seed only, and weighing is
per question, so the bank is the one a single process makes. Facts and tables are dealt to
the shares alike (every workers-th), so each process gets a like mix of the two.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from studyapp.text.workers import serve, workers_finish, workers_start, workers_stop

from .. import spec
from .distractors import Model
from .facts import choice_from_fact, numeric_from_fact, short_from_fact, truefalse_from_fact
from .inputs import FactData, TableData, TopicData
from .table_bank import table_questions_for
from .values import asked_about
from .weigh import weighed, worked_keys

PARALLEL_AT = 2000  # facts to ask; fewer are asked faster than workers build their model

# Questions with what each asks (None for lists, matchings and tables' own); a question is None
# where a fact gives none of its kind.
Asked = list[tuple[spec.QuestionSpec | None, tuple | None]]
# A process's share: fact indices, table indices.
Share = tuple[list[int], list[int]]
# What a share gives: per fact, per table, their questions.
ShareResult = tuple[list[Asked], list[Asked]]


@dataclass
class Begun:
    """A run's fact and table questions as dealt out: the facts and tables it asks (indices),
    the shares this process asks itself, and those its workers ask (already started)."""

    asked: list[int]
    tables: list[int]
    here: list[Share]
    away: list[Share]
    started: list = field(default_factory=list)
    finished: bool = False

    def results(self) -> list[ShareResult | None]:
        """The workers' results, in the order of `away` (once)."""
        self.finished = True
        return shares_finish(self.started)

    def stop(self) -> None:
        """End the workers if their results were never read (the run failed before)."""
        if not self.finished:
            self.finished = True
            workers_stop(self.started)


def begin(
    facts: Sequence[FactData],
    tables: Sequence[TableData],
    topics: Sequence[TopicData],
    folders: Mapping[str, str] | None,
    seed: int | str,
    scope: tuple[frozenset[str], frozenset[str]] | None,
    workers: int,
    *,
    ahead: bool = False,
) -> Begun:
    """Deal a run's facts and tables (those of the `scope`'s topics and tables) to shares and
    start the workers. The caller asks the first share itself, unless the run is begun
    `ahead` of its need: then every share goes to a worker, which asks it while the caller
    does other work (the pipeline makes the cards meanwhile)."""
    asked = [
        index
        for index, fact in enumerate(facts)
        if fact.kind in ("key_value", "definition")
        and (scope is None or fact.topic_key in scope[0])
    ]
    in_tables = [i for i, t in enumerate(tables) if scope is None or t.key in scope[1]]
    shares = shares_of(asked, in_tables, workers if scope is None else 1)
    here, away = ([], shares) if ahead and len(shares) > 1 else (shares[:1], shares[1:])
    started = shares_start(away, facts, tables, topics, folders, seed)
    return Begun(asked, in_tables, here, away, started)


def shares_of(facts: list[int], tables: list[int], workers: int) -> list[Share]:
    """The facts and tables (indices) each process asks, the caller's first; one share when
    small. Equal shares, every workers-th: besides its share the caller makes the lists and
    matchings (about what a worker spends starting and building its model)."""
    if workers < 2 or len(facts) < PARALLEL_AT:
        return [(facts, tables)]
    return [(facts[k::workers], tables[k::workers]) for k in range(workers)]


def share_questions(model: Model, share: Share, seed: int | str) -> ShareResult:
    """A share's questions, weighed."""
    fact_indices, table_indices = share
    worked = worked_keys(model.facts)
    per_fact = [weighed_all(asked, worked) for asked in questions_of(model, fact_indices, seed)]
    per_table = [
        weighed_all(list(table_questions_for(model.tables[i], model, seed=seed)), worked)
        for i in table_indices
    ]
    return per_fact, per_table


def share_gather(
    share: Share, result: ShareResult, per_fact: dict[int, Asked], per_table: dict[int, Asked]
) -> None:
    per_fact.update(zip(share[0], result[0], strict=True))
    per_table.update(zip(share[1], result[1], strict=True))


def weighed_all(asked: Asked, worked: frozenset[str]) -> Asked:
    return [(weighed(q, worked) if q is not None else None, about) for q, about in asked]


def shares_start(
    shares: list[Share],
    facts: Sequence[FactData],
    tables: Sequence[TableData],
    topics: Sequence[TopicData],
    folders: Mapping[str, str] | None,
    seed: int | str,
) -> list:
    if not shares:
        return []
    # The model's inputs (about 20 MB at 1,000 notes) are pickled once for every worker: each
    # share then carries them as bytes, copied, not pickled again.
    model = pickle.dumps(
        (list(facts), list(tables), list(topics), dict(folders or {}), seed),
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    return workers_start(__name__, [(model, share) for share in shares])


def shares_finish(started: list) -> list[ShareResult | None]:
    return workers_finish(started) if started else []


def questions_of(model: Model, indices: list[int], seed: int | str) -> list[Asked]:
    """Each fact's four questions (choice, true/false, short, numeric; None where it gives
    none), with what each asks."""
    out: list[Asked] = []
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


def _serve_share(work: tuple[bytes, Share]) -> ShareResult:
    model, share = work
    facts, tables, topics, folders, seed = pickle.loads(model)
    return share_questions(Model(facts, tables, topics, folders), share, seed)


if __name__ == "__main__":  # a worker: (model inputs, a share) in, its questions out
    serve(_serve_share)
