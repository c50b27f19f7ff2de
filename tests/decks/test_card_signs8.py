"""Cards that answer themselves or ask a study remark are held back: snippets written for the
test (history, chemistry, programming, medicine)."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import card_quality, held_back


def _cloze(front: str, back: str) -> CardSpec:
    return CardSpec("k", "cloze", "s", "", front, back)


def _qa(front: str, back: str) -> CardSpec:
    return CardSpec("k", "qa", "s", "", front, back)


@pytest.mark.parametrize(
    "card",
    [
        _cloze(
            "curl --max-time 30 aborts a request after […]",
            "curl --max-time 30 aborts a request after 30 seconds",
        ),
        _cloze(
            "Down syndrome is trisomy […]: three copies of chromosome 21",
            "Down syndrome is trisomy 21: three copies of chromosome 21",
        ),
    ],
)
def test_a_cloze_whose_hidden_number_the_front_shows_is_held_back(card):
    assert held_back(card_quality(card))


def test_a_cloze_on_a_number_the_front_does_not_show_is_dealt():
    card = _cloze(
        "The Battle of Hastings was fought in […] near Senlac Hill",
        "The Battle of Hastings was fought in 1066 near Senlac Hill",
    )
    assert not held_back(card_quality(card))


@pytest.mark.parametrize(
    "front", ["Titration — exam tip?", "Recursion — to know?", "Sepsis · management — FYI?"]
)
def test_a_study_remark_asked_as_a_fact_is_held_back(front):
    assert held_back(card_quality(_qa(front, "check the end point twice with a fresh burette")))


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("[…] / nonpolar molecules", "Polar / nonpolar molecules"),
        ("Yeast can respire in […] or anaerobic conditions", "Yeast can respire in aerobic or anaerobic conditions"),
        ("which contracts are […], and which are unenforceable", "which contracts are enforceable, and which are unenforceable"),
    ],
)  # fmt: skip
def test_a_cloze_whose_hidden_word_the_front_shows_negated_is_held_back(front, back):
    assert held_back(card_quality(_cloze(front, back)))


def test_a_cloze_beside_an_unrelated_word_is_dealt():
    card = _cloze(
        "Mitochondria make ATP by […] respiration in the inner membrane",
        "Mitochondria make ATP by aerobic respiration in the inner membrane",
    )
    assert not held_back(card_quality(card))


def test_an_enumeration_whose_item_stops_on_a_connective_is_held_back():
    cut = CardSpec(
        "k", "enumeration", "s", "", "Calling a function — steps: which two?",
        "• Save the return address, then\n• Jump to the first instruction of the",
    )  # fmt: skip
    assert held_back(card_quality(cut))
    whole = CardSpec(
        "k", "enumeration", "s", "", "Noble gases — inert ones: which two?", "• Helium\n• Neon"
    )
    assert not held_back(card_quality(whole))
