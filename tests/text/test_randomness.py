"""Seeded randomness (studyapp/text/randomness.py): the same seed, the same draws."""

from __future__ import annotations

import random

from studyapp.text.randomness import deal, new_seed, seeded


def test_seeded_is_a_stream_named_by_its_parts():
    assert seeded(0, "key").random() == random.Random("0\x1fkey").random()
    assert seeded(7, "abc", "order").random() == random.Random("7\x1fabc\x1forder").random()
    assert seeded("quiz").random() == random.Random("quiz").random()


def test_seeded_gives_the_same_draws_for_the_same_parts():
    assert [seeded(3, "k").random() for _ in range(3)] == [seeded(3, "k").random()] * 3
    assert seeded(3, "k").random() != seeded(4, "k").random()
    assert seeded(3, "k").random() != seeded(3, "l").random()


def test_seeded_draws_are_fixed_across_processes():
    # str seeds are hashed with SHA-512, not Python's per-process hash: these never change.
    assert seeded(0, "q").sample(range(10), 4) == random.Random("0\x1fq").sample(range(10), 4)
    assert seeded(1, "x").randint(0, 100) == 57


def test_deal_is_a_permutation_fixed_by_seed_and_key():
    options = ["Yes", "No", "Maybe", "Never"]
    dealt = deal(options, seed=0, key="question")
    assert sorted(dealt) == sorted(options)
    assert dealt == deal(list(reversed(options)), seed=0, key="question")  # input order: no matter
    expected = sorted(options, key=lambda o: (o.lower(), o))
    random.Random("0\x1fquestion\x1forder").shuffle(expected)
    assert dealt == tuple(expected)


def test_deal_sorts_by_the_normalised_option_first():
    # 'the B' sorts as 'b': the permutation is drawn over ['a', 'the B', 'c'].
    expected = ["a", "the B", "c"]
    random.Random("5\x1fk\x1forder").shuffle(expected)
    assert deal(["c", "the B", "a"], seed=5, key="k") == tuple(expected)


def test_new_seed_is_in_range():
    assert all(0 <= new_seed(3) <= 3 for _ in range(50))
    assert new_seed(0) == 0
