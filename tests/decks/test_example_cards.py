"""Cards on a worked case's data, on a note's sources or course, or whose blank is half given
are held back (text.examples through decks.quality); the concept a case illustrates is not.
Every snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import card_quality, held_back


def _quality(kind: str, front: str, back: str, context: str = "Notes") -> float:
    return card_quality(CardSpec("k", kind, "s", context, front, back))


@pytest.mark.parametrize(
    ("kind", "context", "front", "back"),
    [
        # a value of one worked case under a heading that opens it
        (
            "cloze",
            "Quicksort · e.g., sorting 5 keys",
            "The pivot ends at position […]",
            "The pivot ends at position 3",
        ),
        (
            "qa",
            "Binary trees › Trace through the insert",
            "Trace through the insert — new root?",
            "`41`",
        ),
        ("comparison", "Sample run", "Round two — balance?", "1,350"),
        # one individual of a case, by number
        (
            "cloze",
            "Semaphores",
            "Thread […] waits until the lock is free",
            "Thread 2 waits until the lock is free",
        ),
        ("qa", "Clinical trial", "Clinical trial — patient 3 received?", "the higher dose"),
        # a value only a case gives
        ("qa", "Modular arithmetic", "Modular arithmetic — remainder?", "4"),
        # a line that points at the unseen example
        (
            "cloze",
            "Recursion",
            "For the tree above the height is […]",
            "For the tree above the height is three",
        ),
        # a remark on the sources or the course
        (
            "cloze",
            "Cartography",
            "Chapter from […] A History of Maps",
            "Chapter from Lena Ortiz's A History of Maps",
        ),
        ("qa", "Civics", "Civics — guest speaker?", "a city councillor"),
        # an exercise's task, a pasted page number, a blank on one of two values
        (
            "cloze",
            "Amortised analysis",
            "Show that a charge of […] per push is enough",
            "Show that a charge of 3 per push is enough",
        ),
        (
            "cloze",
            "Treaties",
            "The envoys met twice before […] the treaty was signed",
            "The envoys met twice before 14 the treaty was signed",
        ),
        ("cloze", "Logic gates", "Each input is either […] or 1", "Each input is either 0 or 1"),
    ],
)
def test_a_cases_data_or_a_remark_is_held_back(kind, context, front, back):
    assert held_back(_quality(kind, front, back, context))


@pytest.mark.parametrize(
    ("kind", "context", "front", "back"),
    [
        # the concept stated inside the example heading stays
        (
            "cloze",
            "Heaps › Examples",
            "A min-heap's root holds its […] key",
            "A min-heap's root holds its smallest key",
        ),
        (
            "cloze",
            "Photosynthesis · e.g., in maize",
            "C4 plants fix carbon into a […] compound",
            "C4 plants fix carbon into a four-carbon compound",
        ),
        # a fact's number has a unit or says what it counts
        ("qa", "Branches", "Branches — offset?", "12 bits"),
        (
            "cloze",
            "Genetics",
            "Human body cells hold […] chromosomes",
            "Human body cells hold 46 chromosomes",
        ),
        (
            "cloze",
            "Diabetes",
            "Type […] diabetes is treated first with metformin",
            "Type 2 diabetes is treated first with metformin",
        ),
        # a method's step is no exercise
        (
            "cloze",
            "Acid-base",
            "Calculate the […] from sodium, chloride and bicarbonate",
            "Calculate the anion gap from sodium, chloride and bicarbonate",
        ),
    ],
)
def test_a_concept_beside_a_case_is_kept(kind, context, front, back):
    assert not held_back(_quality(kind, front, back, context))
