"""Labels that name no thing are never hidden as one: a blind round's junk hid 'Good argument
for…', 'Shifts vs movements', 'Bad candidates', 'Learning Objectives' and 'Proof' behind '[…]:'.
And a course page's learning objectives are goals of a lesson, no facts. Snippets in our own
words."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.prompts import term_label


@pytest.mark.parametrize(
    "label",
    [
        "Good argument for…",  # a label the line finishes
        "Shifts vs movements",  # two things told apart
        "Bad candidates",  # what is judged so
        "Common mistakes",
        "Learning Objectives",  # what a page says of itself
        "Proof",
    ],
)
def test_a_label_that_names_no_thing_is_no_term(label):
    assert not term_label(label)


@pytest.mark.parametrize("term", ["Osmosis", "Krebs cycle", "Common cold", "Good faith", "Mitosis"])
def test_a_name_stays_a_term(term):
    assert term_label(term)


def test_a_course_pages_learning_objectives_give_no_facts():
    note = (
        "# Week 8 - Processors\n\n"
        "> [!goal]+ Learning Objectives\n"
        "> - Sketch the schematic of a combinational circuit from a specification\n"
        "> - Understand how the ALU is controlled\n\n"
        "## The ALU\n\n- The ALU performs arithmetic and logic operations on two operands.\n\n"
        "## Agenda\n\n- Review of last week\n- Quiz on Friday\n"
    )
    texts = [f.text for f in extract(parse(note), name="week8.md").facts]
    assert texts == ["The ALU performs arithmetic and logic operations on two operands."]


@pytest.mark.parametrize("label", ["Base case (h = 0)", "Inductive step", "Induction hypothesis"])
def test_a_part_of_a_proof_is_no_term(label):
    assert not term_label(label)


def test_a_bold_label_opening_its_line_is_not_hidden_when_it_names_no_thing():
    """'**Base case (h = 0):** A tree of height 0 …' hid 'Base case (h = 0):' as its term."""
    from studyapp.decks.generate import cards_for_fact
    from tests.decks.facts import fact_input

    fact = fact_input(
        text="Base case (h = 0): a tree of height 0 is a single node, which is also a leaf",
        topic="Tree height bounds",
        emphasis=("Base case (h = 0):",),
    )
    assert not any(
        c.back.startswith("Base case") and "[…]" in c.front and not c.front.startswith("Base case")
        for c in cards_for_fact(fact)
    )


def test_what_is_it_of_what_is_judged_so_is_held_back():
    from studyapp.decks.generate import cards_for_fact
    from studyapp.decks.quality import card_quality, held_back
    from tests.decks.facts import fact_input

    fact = fact_input(
        kind="key_value",
        topic="Common permission mistakes",
        attribute="Common permission mistakes",
        value="giving every file mode 777",
        text="Common permission mistakes: giving every file mode 777",
    )
    cards = [c for c in cards_for_fact(fact) if c.front.endswith("— what is it?")]
    assert cards and all(held_back(card_quality(c)) for c in cards)
