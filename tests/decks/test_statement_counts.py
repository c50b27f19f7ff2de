"""A plain sentence that states a limit of one, or a default setting, gets a cloze on it: 'A cell
has only […] nucleus', 'Rollback on failure is […] by default'. 'one' as a pronoun is no count.
Snippets written for the test (biology, cloud, law, history)."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import statement_cards
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import blanks_in_order
from tests.decks.facts import fact_input


def _live_fronts(text: str) -> list[str]:
    cards = statement_cards(fact_input(kind="statement", topic="Topic", text=text))
    return [c.front for c in cards if not held_back(card_quality(c))]


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("A mature red blood cell has no nucleus, but a neuron has only one nucleus.", None),
        ("A court may appoint exactly one receiver for an estate.", "A court may appoint exactly […] receiver for an estate"),
        ("Rollback on failure is enabled by default.", "Rollback on failure is […] by default"),
        ("Public access to new buckets is blocked by default.", "Public access to new buckets is […] by default"),
    ],
)  # fmt: skip
def test_a_limit_of_one_or_a_default_state_is_asked(text, front):
    fronts = _live_fronts(text)
    if front is None:
        assert any("only […] nucleus" in f for f in fronts)
    else:
        assert front in fronts


@pytest.mark.parametrize(
    "text",
    ["Only one of the three consuls could veto.", "The twins helped one another escape."],
)
def test_one_as_a_pronoun_is_no_count(text):
    assert all(b.term.lower() != "one" for b in blanks_in_order(text))


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("We can have up to 5 VPCs per region.", "We can have up to […] VPCs per region"),
        ("You must wait 24 hours before the second dose.", "You must wait […] before the second dose"),
        ("We can only have one internet gateway per network.", "We can only have […] internet gateway per network"),
    ],
)  # fmt: skip
def test_the_generic_we_of_course_notes_states_a_number(text, front):
    assert front in _live_fronts(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will look at Kant next week and I want 3 essays.",  # the author's plan
        "We can define a default state in case of error.",  # no number: its names are grammar
        "Let's say we can buy 3 apples.",
    ],
)
def test_the_generic_we_gives_no_card_without_a_number_or_term(text):
    assert _live_fronts(text) == []


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("Congress can override a veto with a two-thirds vote in both houses.", "Congress can override a veto with a […] vote in both houses"),
        ("About one quarter of patients relapse within a year.", "About […] of patients relapse within a year"),
    ],
)  # fmt: skip
def test_a_fraction_in_words_is_asked(text, front):
    assert front in _live_fronts(text)
