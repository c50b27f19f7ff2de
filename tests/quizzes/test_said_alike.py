"""Two options or matching items that differ only by a verb saying the same ('supports TLS
termination' / 'handles TLS termination', 'Always linked to an ENI' / 'Always bound to an
ENI') are both right where one is: no matching pairs them with two entities, and no choice
offers one against the other. Opposite verbs ('raises …' / 'lowers …') are a fair pair.
Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.quizzes.generate.table_bank import _interchangeable
from studyapp.text.answers import said_alike


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("supports TLS termination", "handles TLS termination"),
        ("Always linked to an ENI", "Always bound to an ENI"),
        ("provides a free tier", "offers a free tier"),
    ],
)
def test_a_verb_that_says_the_same_makes_two_answers_one(a, b):
    assert said_alike(a, b)
    assert _interchangeable([a, b])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("raises blood pressure", "lowers blood pressure"),
        ("supports TLS termination", "supports TCP listeners"),
        ("supports", "handles"),  # one word each: nothing said alike
        ("have two copies stored", "do two copies stored"),  # auxiliaries say nothing alike
        ("the upper bound holds", "the upper linked holds"),  # a noun, not the verb
    ],
)
def test_other_pairs_stay_apart(a, b):
    assert not said_alike(a, b)
