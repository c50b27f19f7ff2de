"""A line's label that says under what case or how, not what a thing is called ('too high value:
overfitting', 'in case of an ALB: the private address of the balancer', 'different from image
classification: labels whole images', 'Remove features entirely: …') is no term: no cloze hides
it behind its meaning and no matching asks for it. A name stays one ('On-demand backups',
'Self-assembly', 'Osmosis'). Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.prompts import framing_label, term_label
from tests.decks.facts import fact_input


@pytest.mark.parametrize(
    "label",
    [
        "too high value",
        "in case of an ALB",
        "as a built-in algorithm",
        "most advanced technique",
        "different from image classification",
        "Remove features entirely",
        "For Aurora",
    ],
)
def test_a_label_of_a_case_or_a_manner_is_no_term(label):
    assert framing_label(label) and not term_label(label)


@pytest.mark.parametrize(
    "label",
    [
        "On-demand backups",
        "Self-assembly",
        "Osmosis",
        "root volume",
        "Import from S3",
        "For loop",
        "In vitro fertilization",
        "Least significant bit",
        "Least squares",
        "Most recently used",
        "Per capita income",
    ],
)
def test_a_name_stays_a_term(label):
    assert term_label(label)


def test_no_cloze_hides_a_case_label():
    fact = fact_input(
        kind="definition",
        text="too high value: overfitting",
        topic="Learning rate",
        subject="too high value",
        value="overfitting",
    )
    live = [c.front for c in cards_for_fact(fact) if not held_back(card_quality(c))]
    assert "[…]: overfitting" not in live
