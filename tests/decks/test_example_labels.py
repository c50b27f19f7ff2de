"""A question–answer card whose label is an example ('— e.g. HCl + NaOH?') asks a worked
case, not a fact: held back. A label that merely contains such words stays. Snippets written
for the test (chemistry, law, biology)."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import card_quality, held_back


def _qa(front: str, back: str) -> CardSpec:
    return CardSpec("k", "qa", "f", "", front, back)


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("Reactions › Neutralisation — e.g. HCl + NaOH?", "NaCl + H2O"),
        ("Contract law — for example a shop window display?", "an invitation to treat"),
        ("Osmosis — eg a raisin in water?", "it swells"),
    ],
)
def test_a_label_that_is_an_example_is_held_back(front, back):
    assert held_back(card_quality(_qa(front, back)))


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("Birds — eggs?", "hard-shelled, laid in nests"),
        ("Contract law — offer?", "a definite promise to be bound on stated terms"),
    ],
)
def test_other_labels_are_dealt(front, back):
    assert not held_back(card_quality(_qa(front, back)))


def _enumeration(front: str, items: list[str]) -> CardSpec:
    return CardSpec("k", "enumeration", "f", "", front, "\n".join(f"• {i}" for i in items))


@pytest.mark.parametrize(
    ("front", "items"),
    [
        ("Metrics — aws cloudwatch get-metric-statistics: which three?", ["--namespace", "--metric-name", "--period"]),
        ("Archives — tar: which two?", ["-c", "[-f FILE]"]),
        ("Batch jobs — python SDK: which two?", ["create_job()", "describe_job()"]),
    ],
)  # fmt: skip
def test_a_list_of_a_commands_options_is_held_back(front, items):
    assert held_back(card_quality(_enumeration(front, items)))


def test_a_list_of_members_is_dealt():
    card = _enumeration("Noble gases — which three?", ["helium", "neon", "argon"])
    assert not held_back(card_quality(card))


@pytest.mark.parametrize(
    "card",
    [
        _qa("Introduction › Quicksort — in our implementation?", "first element"),
        _enumeration("Lab 3 · steps — our lab subnet: which three?", ["10.0.0.0/24", "gateway 10.0.0.1", "DNS 10.0.0.53"]),
        _qa("Sourdough — my starter?", "fed twice a day"),
    ],
)  # fmt: skip
def test_a_label_in_the_authors_own_voice_is_held_back(card):
    assert held_back(card_quality(card))


def test_a_country_or_a_type_is_no_person():
    assert not held_back(
        card_quality(_qa("Income tax — US residents?", "taxed on worldwide income"))
    )


def test_a_question_under_a_comparing_heading_is_held_back():
    """'REST API vs WebSocket API — max message size?': the note says it of one of them."""
    assert held_back(card_quality(_qa("REST API vs WebSocket API — max message size?", "128 KB")))
    assert not held_back(card_quality(_qa("WebSocket API — max message size?", "128 KB")))


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("Try again with […]", "Try again with $5"),
        ("Get the same limit by letting x and y tend to […]", "Get the same limit by letting x and y tend to 0"),
    ],
)  # fmt: skip
def test_an_exercises_instruction_is_held_back(front, back):
    assert held_back(card_quality(CardSpec("k", "cloze", "f", "", front, back)))


def test_a_get_request_is_no_instruction():
    card = CardSpec(
        "k",
        "cloze",
        "f",
        "",
        "GET requests return […] on success",
        "GET requests return 200 on success",
    )
    assert not held_back(card_quality(card))
