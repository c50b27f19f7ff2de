"""The questions of a run that are not a fact's or a table's own: multiple selects from lists
and term matchings, weighed. Asked by the caller of `generate`, or, for a whole run begun
ahead (`many.begin`), by the first worker, which has the model built already."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import spec
from .distractors import Model
from .lists import Lists, list_clusters, multi_from_list
from .terms import term_matchings
from .values import attribute_parts
from .weigh import weighed, worked_keys

# Questions with what each asks (None: a list's or a matching's own).
Asked = list[tuple[spec.QuestionSpec | None, tuple | None]]


def rest_questions(model: Model, seed: int | str, mine: Callable[[str], bool]) -> Asked:
    """The lists' multiple selects and the term matchings of the topics `mine` keeps."""
    worked = worked_keys(model.facts)
    lists = Lists(model)
    rest: Asked = []
    for fact, members, copies in list_clusters(lists):
        if mine(fact.topic_key):
            rest.append((multi_from_list(fact, members, lists, seed=seed, copies=copies), None))
    in_scope = [fact for fact in model.facts if mine(fact.topic_key)]
    rest += [(q, None) for q in term_matchings(in_scope, seed=seed, field=field_of(model))]
    return [(weighed(q, worked) if q is not None else None, about) for q, about in rest]


def field_of(model: Model) -> Callable[[str], bool]:
    """`field(term)` for term matchings: a label of plain words ('Diagnosis', 'Risk factors')
    that many subjects state (`Model.is_field`). An identifier ('batch_size', 'HTTP/2') is a
    term however many subjects share it."""

    def field(term: str) -> bool:
        plain = re.fullmatch(r"[A-Za-z][a-z]*(?: [a-z]+)*", term.strip()) is not None
        return plain and model.is_field(attribute_parts(term)[0])

    return field


def every_topic(_topic_key: str) -> bool:
    return True
