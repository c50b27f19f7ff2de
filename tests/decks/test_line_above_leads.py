"""An outline's line with no subject of its own ('Use XOR gates', 'Can be done in fewer than
n log n comparisons because they …', 'Meaning they use an immediate value') goes on from the
line above it. When that line is a sentence or a question too long for the card's context, the
cloze is shown after it (blind s40-obs: 25 CONTEXT; paired check p40-above, 36 pairs: 23 after
better, 2 before). A label above ('Treatment'), which the context shows, adds nothing. Snippets
in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from tests.decks.facts import fact_input

CIRCUITS = """# Adders

## Adding and subtracting
- Rather than build one circuit to add and another to subtract, could one circuit do both?
    - Use **XOR** gates on the second input
- ? Why is a ripple-carry adder slow for wide words?
    - Each stage waits for the **carry** of the stage before it
"""


def _cloze_fronts(subheading: str, text: str, bold: str, topic: str = "Adders") -> list[str]:
    fact = fact_input(text=text, topic=topic, subheading=subheading, emphasis=(bold,))
    return [c.front for c in cards_for_fact(fact) if c.kind == "cloze"]


def test_a_line_with_no_subject_is_shown_after_the_sentence_above_it():
    above = (
        "Rather than build one circuit to add and another to subtract, could one circuit do both?"
    )
    fronts = _cloze_fronts(above, "Use XOR gates on the second input", "XOR")
    assert fronts == [f"{above} Use […] gates on the second input"]


@pytest.mark.parametrize(
    ("above", "text", "bold", "front"),
    [
        (
            "Enzymes lower the activation energy that a reaction needs before it can start",
            "Meaning they speed it up without being used up",
            "used up",
            "Enzymes lower the activation energy that a reaction needs before it can start: "
            "Meaning they speed it up without being […]",
        ),
        (
            "The Senate holds the power to ratify treaties.",
            "Can also confirm judges that the president names",
            "judges",
            "The Senate holds the power to ratify treaties. Can also confirm […] that the "
            "president names",
        ),
    ],
)
def test_the_line_above_is_joined_as_written(above, text, bold, front):
    assert _cloze_fronts(above, text, bold) == [front]


@pytest.mark.parametrize(
    ("above", "text", "bold"),
    [
        ("Treatment", "Use beta blockers first", "beta blockers"),  # a label: the context's
        # a line with a subject of its own needs nothing above it
        ("Enzymes lower the activation energy", "Catalase splits hydrogen peroxide", "Catalase"),
    ],
)
def test_no_lead_for_a_label_above_or_a_line_with_its_own_subject(above, text, bold):
    fronts = _cloze_fronts(above, text, bold)
    assert fronts and all(not f.startswith(above) for f in fronts)


def test_no_lead_for_a_line_above_the_context_shows():
    above = "Enzymes lower activation energy"
    fronts = _cloze_fronts(
        above, "Meaning they speed reactions up without being used up", "used up"
    )
    assert fronts == ["Meaning they speed reactions up without being […]"]


def test_the_lead_does_not_give_the_answer_away():
    above = "Oxygen binds to haemoglobin in the lungs and is carried to the tissues"
    fronts = _cloze_fronts(above, "Released where oxygen is scarce", "oxygen")
    assert all(not f.startswith(above) for f in fronts)


def test_from_a_note_the_line_above_reaches_the_card():
    facts = {f.text: f for f in extract(parse(CIRCUITS), name="adders.md").facts}
    fact = facts["Use XOR gates on the second input"]
    fronts = [
        c.front
        for c in cards_for_fact(
            fact_input(
                text=fact.text,
                topic="Adders",
                subheading=" › ".join(fact.labels),
                emphasis=tuple(fact.emphasis),
            )
        )
    ]
    assert any(f.startswith("Rather than build one circuit") for f in fronts)


@pytest.mark.parametrize(
    ("above", "text", "bold", "front"),
    [
        (
            # an adverb before the verb: no subject of its own (stop 40)
            "When a program starts under the shell, several streams are set up",
            "Already has three files open",
            "three",
            "When a program starts under the shell, several streams are set up: Already has "
            "[…] files open",
        ),
        (
            # a short detail of the sentence above it
            "Oak trees signal to other trees to ramp up their tannin production",
            "Chemicals are carried by wind",
            "wind",
            "Oak trees signal to other trees to ramp up their tannin production: Chemicals are "
            "carried by […]",
        ),
    ],
)
def test_an_adverb_opening_or_a_short_detail_is_led_too(above, text, bold, front):
    assert _cloze_fronts(above, text, bold) == [front]


def test_a_term_asked_by_its_meaning_needs_no_lead():
    above = "German has four cases, each marking a role in the sentence"
    fronts = _cloze_fronts(above, "Akkusativ: direct object", "Akkusativ")
    assert fronts and all(f.startswith("[…]") for f in fronts)
