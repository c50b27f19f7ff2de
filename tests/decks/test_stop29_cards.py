"""Stop 29 (issue 10): a line with no subject under a sentence about something else is not
asked of its topic; a condition with no claim after it is no fact sentence; a cloze said 'the
same way' as a line it does not show is held back. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import fact_sentence
from tests.decks.facts import fact_input


def _fronts(**fields) -> list[str]:
    return [c.front for c in cards_for_fact(fact_input(**fields)) if not held_back(c.quality)]


@pytest.mark.parametrize(
    "subheading",
    [
        "Islets are small clusters of cells",  # a sentence with a subject of its own
        "Produces digestive enzymes",  # what the topic does: the line under it is of that
    ],
)
def test_a_subjectless_line_under_a_sentence_about_another_thing_is_not_asked_of_the_topic(
    subheading,
):
    fronts = _fronts(topic="Pancreas", subheading=subheading, text="Secretes insulin and glucagon")
    assert not any("Pancreas" in f and "secrete" in f for f in fronts), fronts


@pytest.mark.parametrize(
    "subheading",
    [
        "",  # right under the topic
        "Endocrine role",  # under a label
        "The pancreas lies behind the stomach",  # under a sentence whose subject is the topic
    ],
)
def test_a_subjectless_line_under_its_topic_is_still_asked_of_it(subheading):
    # (the same line the test above asks under a sentence about something else)
    fronts = _fronts(topic="Pancreas", subheading=subheading, text="Secretes insulin and glucagon")
    assert any("Pancreas" in f and "secrete" in f for f in fronts), fronts


@pytest.mark.parametrize(
    "sentence",
    ["If all the keys are distinct", "Unless the patient has a penicillin allergy"],
)
def test_a_condition_with_no_claim_after_it_is_no_fact_sentence(sentence):
    assert not fact_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If demand is inelastic, raising the price increases total revenue",
        "If n is even then n squared is even",
        "If the reading is over 140 mg/dL a longer test is performed",
    ],
)
def test_a_condition_with_its_claim_is_a_fact_sentence(sentence):
    assert fact_sentence(sentence)


def _cloze(front: str, back: str) -> CardSpec:
    return CardSpec("k", "cloze", "f", "Notes", front, back, quality=0.75)


def test_a_cloze_said_the_same_way_as_an_unseen_line_is_held_back():
    card = _cloze("We define the […] similarly", "We define the right limit similarly")
    assert held_back(card_quality(card))


def test_a_cloze_that_opens_on_likewise_still_says_its_claim():
    card = _cloze(
        "Likewise, […] in the kidney can raise blood pressure",
        "Likewise, renal artery stenosis in the kidney can raise blood pressure",
    )
    assert not held_back(card_quality(card))
