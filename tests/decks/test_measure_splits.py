"""A key and a value read out of a sentence whose value is a measure ('Every instruction is 32
bits long' -> 'Every instruction' = '32 bits long') is asked in the sentence: the split card
asked '— every instruction?', which a blind round found asks nothing. Snippets in our own
words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from tests.decks.facts import fact_input


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
