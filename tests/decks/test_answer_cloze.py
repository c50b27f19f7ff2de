"""A line that states a case and, after its colon, the short answer it teaches ('need to see
living cells without staining them: phase-contrast microscopy', an exam scenario and its
solution; 'sudden tearing chest pain radiating to the back: aortic dissection') is asked with
the answer hidden, when the line gives no other card. Before, it gave none: its case is too
long a label for a question, and nothing in it is a term to hide. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from tests.decks.facts import fact_input


def _live(text: str, kind: str) -> list[tuple[str, str]]:
    attribute, _, value = text.partition(": ")
    fields = {"attribute": attribute, "value": value} if kind == "key_value" else {}
    cards = cards_for_fact(fact_input(kind=kind, text=text, topic="Exam cases", **fields))
    return [(c.front, c.back) for c in cards if not held_back(card_quality(c))]


@pytest.mark.parametrize("kind", ["key_value", "statement"])
@pytest.mark.parametrize(
    ("text", "front"),
    [
        (
            "need to see living cells without staining them: phase-contrast microscopy",
            "need to see living cells without staining them: […]",
        ),
        (
            "sudden tearing chest pain that radiates to the back: aortic dissection",
            "sudden tearing chest pain that radiates to the back: […]",
        ),
    ],
)
def test_a_case_and_its_answer_hide_the_answer(text, front, kind):
    assert (front, text) in _live(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "a tuple of one element needs a trailing comma: (1,)",  # an example, not an answer
        "That is what natural selection acts on in the end: organisms",  # said of a line above
        "the ending changes in the genitive for most nouns: e.g. des Hundes",
        "the speaker in the second poem finally says: “let it go”",  # a quote
    ],
)
def test_an_example_a_pointer_or_a_quote_after_the_colon_is_no_answer(text):
    assert not any(front.endswith(": […]") for front, _ in _live(text, "statement"))


@pytest.mark.parametrize(
    ("text", "front"),
    [
        (
            "need to move 40 TB of archives and the office only has a slow 100 Mbps link: "
            "ship a storage appliance",
            "need to move 40 TB of archives and the office only has a slow 100 Mbps link: […]",
        ),
        (
            "a child of 2 years with a barking cough and stridor at night: croup",
            "a child of 2 years with a barking cough and stridor at night: […]",
        ),
    ],
)
def test_a_case_whose_clozes_hide_the_scenario_hides_its_answer_instead(text, front):
    # before, its one card hid '40 TB' or '2 years' in the case: the scenario, not what it
    # teaches; that card stays a suggestion
    live = _live(text, "statement")
    assert live == [(front, text)]
    cards = cards_for_fact(fact_input(kind="statement", text=text, topic="Exam cases"))
    assert any(
        held_back(card_quality(c)) and c.front.index("[…]") < text.index(": ") for c in cards
    )
