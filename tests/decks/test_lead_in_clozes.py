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
