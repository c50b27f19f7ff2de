"""Seeded randomness: every shuffle and draw the generators and quizzes make comes from a stream
of its own, so that the same seed gives the same questions, options and quizzes in every process.

Pure (the global generator only for `new_seed`, which is meant to differ each time).
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from .answers import normalise


def seeded(*parts: object) -> random.Random:
    """A random stream of its own for one thing (a question, a quiz, an attempt), named by its
    parts joined with \\x1f: one question's draws do not depend on which other questions exist.
    (str seeds are hashed with SHA-512, the same in every process.)"""
    return random.Random("\x1f".join(str(part) for part in parts))


def deal(options: Iterable[str], *, seed: int | str, key: str) -> tuple[str, ...]:
    """The order a question's options are stored in, which a quiz with option shuffling off
    shows: a uniformly random permutation from the question's own stream, drawn over the
    options sorted. So the right answer's place depends on nothing but the seed and the
    question — not on where it was put before (first, as every path builds its options) nor on
    how many draws finding the distractors took."""
    dealt = sorted(options, key=lambda o: (normalise(o), o))
    seeded(seed, key, "order").shuffle(dealt)
    return tuple(dealt)


def new_seed(maximum: int) -> int:
    """A fresh seed in [0, maximum], different each time: a new quiz."""
    return random.randint(0, maximum)
