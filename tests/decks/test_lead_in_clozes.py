"""A sentence that ends on a colon leads into the lines below it ('Vaginal delivery is an option
in selected patients if:', 'Three queues subscribe to the topic:'): what it is about is in those
lines, so a cloze of it alone states nothing to recall and is held back as a suggestion. The
same sentence ending on its fact stays dealt. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from tests.decks.facts import fact_input


def _clozes(text: str, emphasis: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    fact = fact_input(kind="statement", text=text, topic="Notes", emphasis=emphasis)
    return [(c.front, held_back(card_quality(c))) for c in cards_for_fact(fact)]


@pytest.mark.parametrize(
    ("text", "emphasis"),
    [
        ("Three SQS queues are subscribed to the SNS topic of the upload service:", ()),
        ("The Treaty of Versailles imposed three kinds of penalty on Germany:", ()),
        ("Photosynthesis in C4 plants happens in two cell types:", ("C4 plants",)),
    ],
)
def test_a_lead_in_sentence_is_held_back(text, emphasis):
    cards = _clozes(text, emphasis)
    assert cards and all(held for _front, held in cards)


@pytest.mark.parametrize(
    ("text", "emphasis"),
    [
        ("The Treaty of Versailles was signed in 1919.", ()),
        (
            "Photosynthesis in C4 plants happens in mesophyll and bundle sheath cells",
            ("C4 plants",),
        ),
    ],
)
def test_the_same_sentence_ending_on_its_fact_is_dealt(text, emphasis):
    assert any(not held for _front, held in _clozes(text, emphasis))


@pytest.mark.parametrize(
    ("text", "attribute", "front"),
    [
        (
            "Every instruction is 32 bits long",
            "Every instruction",
            "Every instruction is […] bits long",
        ),
        ("The femur is 45 cm long in adults", "The femur", "The femur is […] long in adults"),
        ("A mole is 6.022 × 10^23 particles", "A mole", "A mole is […] × 10^23 particles"),
    ],
)
def test_a_measure_read_out_of_a_sentence_is_asked_in_the_sentence(text, attribute, front):
    # 'Every instruction is 32 bits long' split at its verb asked '— every instruction?'; the
    # sentence's own cloze asks the measure, the split card stays a suggestion
    value = text[len(attribute) :].split(maxsplit=1)[1]
    fact = fact_input(kind="key_value", text=text, topic="Notes", attribute=attribute, value=value)
    live = [c.front for c in cards_for_fact(fact) if not held_back(card_quality(c))]
    assert live == [front]
