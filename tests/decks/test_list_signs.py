"""Enumeration cards that ask for no list of members are held back (decks/list_signs.py):
snippets written for the test, several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.list_signs import is_statement
from studyapp.decks.quality import card_quality, held_back


def _card(front: str, *items: str) -> CardSpec:
    return CardSpec("k", "enumeration", "s", "", front, "\n".join(f"• {i}" for i in items))


def test_a_list_of_members_is_dealt():
    planets = _card("Solar system — gas giants: which two?", "Jupiter", "Saturn")
    courts = _card("English courts — appeal courts: which three?", "Court of Appeal",
                   "High Court", "Supreme Court")  # fmt: skip
    assert not held_back(card_quality(planets))
    assert not held_back(card_quality(courts))


@pytest.mark.parametrize(
    "card",
    [
        # lines saying what the label does: notes about it, recited word for word
        _card(
            "Printing press — movable type: which three?",
            "Was cheaper than copying by hand",
            "Spread to Venice within decades",
            "Could print hundreds of pages a day",
        ),
        _card(
            "Compilers — the linker: which two?",
            "Produces one executable from object files",
            "It can also strip debug data",
        ),
        # the label is the list's own topic: everything the note says of it
        _card(
            "Pharmacology › Warfarin — warfarin: which three?",
            "Vitamin K antagonist",
            "Monitor the INR",
            "Many food interactions",
        ),  # fmt: skip
        # examples: not all, so no count is the answer
        _card("Enzymes — found in foods such as: which three?", "Pineapple", "Papaya", "Kiwi"),
    ],
)
def test_a_list_that_is_no_set_of_members_is_held_back(card):
    assert held_back(card_quality(card))


def test_statements_and_names():
    assert is_statement("Produces one executable from object files")
    assert is_statement("Data can be lost on restart")
    assert not is_statement("Court of Appeal")
    assert not is_statement("Low blood pressure")
    assert not is_statement("Central or distributed control")
