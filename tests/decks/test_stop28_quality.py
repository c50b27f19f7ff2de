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


def _cloze(front: str, back: str) -> CardSpec:
    return CardSpec("k", "cloze", "f", "Notes", front, back, quality=0.75)


@pytest.mark.parametrize(
    "front, back",
    [
        (
            "Sorting compares […] neighbouring items at a time",
            "Sorting compares two neighbouring items at a time",
        ),
        (
            "The committee split the budget into […] parts",
            "The committee split the budget into two parts",
        ),
    ],
)
def test_a_cloze_hiding_one_or_two_in_words_is_held_back(front, back):
    assert held_back(card_quality(_cloze(front, back)))


@pytest.mark.parametrize(
    "front, back",
    [
        (
            "A user can only have […] active session",
            "A user can only have one active session",
        ),  # a rule
        (
            "The rash fades within […] to three days",
            "The rash fades within two to three days",
        ),  # a range
        ("The ferry leaves every […] hours", "The ferry leaves every 2 hours"),  # digits
    ],
)
def test_a_bound_a_range_or_digits_stay_dealt(front, back):
    assert not held_back(card_quality(_cloze(front, back)))


@pytest.mark.parametrize(
    "label, meaning",
    [
        ("Options", "a choice of twelve voices in six languages"),
        ("Leaders", "Pericles and the council"),
        # stop 29: a side of a function's signature, a consequence, what the other lines leave
        ("Return type", "void* (a generic pointer)"),
        ("Implication", "the table can never hold more keys than slots"),
        ("Rest of the bits", "name the three registers involved"),
    ],
)
def test_a_definition_cloze_hiding_a_side_label_is_held_back(label, meaning):
    card = CardSpec(
        "k", "cloze", "f", "Topic", f"[…]: {meaning}", f"{label}: {meaning}", quality=0.85
    )
    assert held_back(card_quality(card))


def test_a_definition_cloze_hiding_a_term_is_dealt():
    card = CardSpec(
        "k",
        "cloze",
        "f",
        "Economics",
        "[…]: a cost borne by a third party",
        "Externality: a cost borne by a third party",
        quality=0.85,
    )
    assert not held_back(card_quality(card))


@pytest.mark.parametrize(
    "back", ["in Section 4.2 of the textbook", "see chapter 7", "see SICP 1.3.4", "pp. 120-124"]
)
def test_an_answer_that_only_says_where_to_read_is_held_back(back):
    assert held_back(card_quality(_qa("Proofs", "Proofs — proof of the lemma?", back)))


def test_a_measure_is_no_reference():
    assert not held_back(card_quality(_qa("Coagulation", "Coagulation — target INR?", "INR 2.5")))


def test_a_memory_aid_asked_alone_is_held_back():
    card = _qa("Cranial nerves", "Cranial nerves — mnemonic?", "Oh Oh Oh To Touch And Feel")
    assert held_back(card_quality(card))


def test_a_definition_cloze_hiding_a_lead_in_is_held_back():
    lead_in = CardSpec(
        "k",
        "cloze",
        "f",
        "Git",
        "[…]: branching, merging and rebasing",
        "Git supports: branching, merging and rebasing",
        quality=0.85,
    )
    term = CardSpec(
        "k",
        "cloze",
        "f",
        "Mood",
        "[…]: feelings that colour a whole day",
        "The affects: feelings that colour a whole day",
        quality=0.85,
    )
    assert held_back(card_quality(lead_in)) and not held_back(card_quality(term))


def test_a_bare_degree_asked_alone_is_held_back():
    assert held_back(card_quality(_qa("Variance", "Variance — high?", "points far apart")))
    assert not held_back(
        card_quality(_qa("Variance", "Variance — high variance?", "points far apart"))
    )
