"""Stop 28 (issue 10): a question–answer card whose answer, asides left out, only says again
what its front and context show is held back. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import card_quality, held_back


def _qa(context: str, front: str, back: str) -> CardSpec:
    return CardSpec("k", "qa", "f", context, front, back, quality=0.8)


@pytest.mark.parametrize(
    "context, front, back",
    [
        ("Message format", "Message format — type?", "type of message (plain text or JSON)"),
        ("Ordinal data", "Ordinal data — rank scale?", "for ordinal data (ordered categories)"),
    ],
)
def test_an_answer_that_says_only_what_the_front_shows_is_held_back(context, front, back):
    assert held_back(card_quality(_qa(context, front, back)))


def test_an_answer_with_words_of_its_own_is_dealt():
    card = _qa("Ordinal data", "Ordinal data — scale?", "categories in an order, gaps unknown")
    assert not held_back(card_quality(card))
