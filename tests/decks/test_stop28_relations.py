"""Stop 28 (issue 10): last-resort cards for plain lines. A sentence saying how its subject lies
to another thing ('… is perpendicular to …') asks which; a claim backed by its authority asks
which case; a list led in by the author talking asks the kinds of its shared noun; a measure
and its cut-off asks the number. Snippets in our own words, several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import FactInput, cards_for_fact
from studyapp.text.blanks import relation_adjective_blank
from tests.decks.facts import fact_input


@pytest.mark.parametrize(
    "sentence, term",
    [
        (
            "The radius of a circle is perpendicular to the tangent line at that point",
            "perpendicular",
        ),
        ("A moving charge's velocity vector is tangent to its path", "tangent"),
        ("In a rhombus the opposite sides are always parallel to each other", "parallel"),
        ("The gradient $\\nabla g$ is normal to the level curve through the point", "normal"),
    ],
)
def test_a_plain_sentence_asks_how_its_subject_lies_to_another(sentence, term):
    blank = relation_adjective_blank(sentence)
    assert blank is not None and blank.term == term and blank.kind == "relation"
    assert sentence[blank.start : blank.start + len(term)] == term


@pytest.mark.parametrize(
    "sentence",
    [
        "The two walls are not parallel to each other",  # a negation asks what it is not
        "It is perpendicular to the base of the prism",  # the subject is in another line
        "Both are tangent to the outer ring",  # likewise
        # a degree or a property: the point is what follows, which the blind review found
        "Many strains of the bacterium are now resistant to older antibiotics",
        "At constant temperature, gas pressure is inversely proportional to volume",
        "Table salt is soluble in water but hardly at all in oil",
        "Swelling is lowest in the morning",  # a superlative
        "The new bridge is parallel",  # a relation to nothing
    ],
)
def test_no_relation_blank_where_the_relation_is_not_the_point(sentence):
    assert relation_adjective_blank(sentence) is None


def _statement(topic: str, text: str) -> FactInput:
    return fact_input(topic=topic, text=text)


def test_a_relation_statement_becomes_a_live_cloze_on_the_relation():
    fact = _statement("Circles", "The radius is perpendicular to the tangent line where they meet.")
    (card,) = cards_for_fact(fact)
    assert card.kind == "cloze"
    assert card.front == "The radius is […] to the tangent line where they meet"
    assert card.quality >= 0.6  # dealt, as sure as an effect's object


def test_an_earlier_shape_keeps_its_card():
    """A sentence with a term or a number to hide keeps that card: the relation is a last resort."""
    fact = _statement(
        "Circles", "A tangent line is perpendicular to the radius at exactly 1 point."
    )
    cards = cards_for_fact(fact)
    assert cards and all("perpendicular" in card.front for card in cards)


@pytest.mark.parametrize(
    "text, asked, back",
    [
        (
            "An agreement made under duress can be set aside: Barton v Armstrong (1976).",
            "An agreement made under duress can be set aside: which case?",
            "Barton v Armstrong (1976)",
        ),
        (
            "Silence cannot amount to acceptance: Felthouse v Bindley (1862) (the horse).",
            "Silence cannot amount to acceptance: which case?",
            "Felthouse v Bindley (1862) (the horse)",
        ),
        (
            "All living cells arise from existing cells: Virchow (1855)",
            "All living cells arise from existing cells: according to whom?",
            "Virchow (1855)",
        ),
    ],
)
def test_a_claim_backed_by_its_authority_asks_which_case_or_whose(text, asked, back):
    (card,) = cards_for_fact(_statement("Cases", text))
    assert card.kind == "qa" and card.front == f"Cases — {asked}" and card.back == back
    assert card.quality >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "It can be revoked at any time before acceptance: Routledge v Grant (1828).",  # 'it'?
        "See the reading for week two: Smith v Jones (1990).",  # an instruction, no claim
    ],
)
def test_no_cited_card_for_a_pointer_or_an_instruction(text):
    cards = cards_for_fact(_statement("Cases", text))
    assert not any(card.front.endswith("which case?") for card in cards)


def _listed(subject: str, *items: str) -> FactInput:
    text = f"{subject}: " + ", ".join(items)
    return fact_input(
        kind="enumeration", topic="Muscle tissue", text=text, subject=subject, items=items
    )


def test_a_list_led_in_by_the_author_talking_asks_the_kinds_of_its_shared_noun():
    fact = _listed(
        "In class we covered these", "skeletal muscle", "cardiac muscle", "smooth muscle"
    )
    (card,) = cards_for_fact(fact)
    assert card.front == "Muscle tissue — kinds of muscle: which three?"


def test_a_list_with_a_name_of_its_own_keeps_it():
    fact = _listed("Muscle types", "skeletal muscle", "cardiac muscle", "smooth muscle")
    (card,) = cards_for_fact(fact)
    assert card.front == "Muscle tissue — muscle types: which three?"


@pytest.mark.parametrize(
    "line, number",
    [
        ("Neutrophils >500/mm3", "500"),
        ("Heart rate < 60 bpm", "60 bpm"),
        ("Serum sodium ≥ 145 mmol/L", "145 mmol/L"),
    ],
)
def test_a_measure_and_its_cut_off_is_asked_however_short(line, number):
    fact = _statement("Lab findings", line)
    (card,) = cards_for_fact(fact)
    assert card.kind == "cloze" and "[…]" in card.front and number in card.back
    assert card.quality >= 0.6


@pytest.mark.parametrize("line", ["Phase 2 >3", "The > 5", "See >10 cases"])
def test_a_short_line_that_names_no_measure_is_not_a_cut_off(line):
    from studyapp.text.blanks import threshold_line

    assert not threshold_line(line)


def test_a_note_subject_defined_under_its_introduction_is_asked_forwards():
    fact = fact_input(
        topic="Photosynthesis",
        subheading="Overview",
        text="Photosynthesis is the process by which plants turn light into chemical energy.",
    )
    cards = cards_for_fact(fact)
    assert any(
        c.front.endswith("— what is it?") and c.back.startswith("the process") for c in cards
    )


def test_a_sentence_listing_after_a_colon_asks_the_list_whole():
    fact = _statement(
        "Photosynthesis",
        "The light reactions take in: water, light and the pigment chlorophyll.",
    )
    (card,) = cards_for_fact(fact)
    assert card.kind == "enumeration"
    assert card.front == "Photosynthesis — the light reactions take in: which three?"
    assert card.back.splitlines() == ["• water", "• light", "• the pigment chlorophyll"]


@pytest.mark.parametrize(
    "text",
    [
        "They are: water, light and chlorophyll.",  # a pointer leads in
        "Plants take in many things: water, light, carbon dioxide, etc.",  # examples only
        "3. Select the inputs: water, light and carbon dioxide",  # a step's instruction
        "The second stage is planning: weighing the options, but not yet acting, then choosing.",  # clauses
    ],
)
def test_no_colon_list_of_clauses_or_after_a_pointer(text):
    assert not any(c.kind == "enumeration" for c in cards_for_fact(_statement("Planning", text)))
