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
