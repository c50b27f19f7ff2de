"""Stop 32 (issue 10): a cloze is less sure when its sentence points at something only the
lines around it name ('… from this class', '… handles this for us'), and the course talking
('Can also think of …', 'Basically trying to say that …') is no fact. Snippets in our own
words, several subjects."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from tests.decks.facts import fact_input


def _live(text: str, topic: str) -> list[CardSpec]:
    return [c for c in _all(text, topic) if not held_back(c.quality)]


def _all(text: str, topic: str) -> list[CardSpec]:
    made = cards_for_fact(fact_input(kind="statement", text=text, topic=topic))
    return [replace(c, quality=card_quality(c)) for c in made]


@pytest.mark.parametrize(
    ("sentence", "named", "topic"),
    [
        (
            "Sertraline is the drug most often chosen from this class in adults.",
            "Sertraline is the drug most often chosen from the SSRI class in adults.",
            "Antidepressants",
        ),
        (
            "A bone marrow biopsy is the only sure way to tell these two causes apart.",
            "A bone marrow biopsy is the only sure way to tell aplasia and leukaemia apart.",
            "Anaemia",
        ),
        (
            "Nobody could hold the consulship for more than 10 years under this charter.",
            "Nobody could hold the consulship for more than 10 years under the Licinian laws.",
            "Rome",
        ),
    ],
)
def test_a_sentence_pointing_at_what_another_line_names_is_less_sure(sentence, named, topic):
    pointing = [c for c in _all(sentence, topic) if c.kind == "cloze"]
    plain = [c for c in _all(named, topic) if c.kind == "cloze"]
    assert pointing and plain
    assert max(c.quality for c in pointing) < max(c.quality for c in plain)


@pytest.mark.parametrize(
    ("sentence", "topic", "hidden"),
    [
        # the sentence named the thing itself before pointing back at it
        (
            "An abstract data type is a set of values with a set of operations on these values.",
            "Programming",
            "abstract data type",
        ),
        # an aside pointing at a case is no part of the fact
        (
            "Early spread to the cervical lymph nodes may cause a painless neck lump (as in this"
            " patient).",
            "Throat cancer",
            "painless neck lump",
        ),
    ],
)
def test_a_pointer_the_sentence_resolves_itself_keeps_the_card(sentence, topic, hidden):
    live = [c for c in _live(sentence, topic) if c.kind == "cloze"]
    assert any(hidden.lower() in c.back.lower() and "[…]" in c.front for c in live), live


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Can also think of heliotropism", "Plant movement"),
        ("Could also think of the Magna Carta", "English law"),
        ("Basically trying to say that Hume was more or less right", "Causation"),
        ("In other words, the market clears at 40 units", "Equilibrium"),
    ],
)
def test_the_course_talking_is_no_card(sentence, topic):
    assert _live(sentence, topic) == []


def test_a_topic_that_can_do_something_is_still_asked():
    live = _live("Can read from HDFS and from Amazon S3", "Apache Spark")
    assert live, "a modal and a verb a topic can do still make a card"
