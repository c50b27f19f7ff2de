"""Recall (round 6): plain statements and lines with no bold that carry a fact, and TeX formulas
the app cannot typeset. Each shape must give a card whose blank is the term or the number that
matters; near-miss shapes give none. Every snippet is our own wording, in several subjects."""

from __future__ import annotations

from studyapp.decks.generate import cards_for_fact, readable_card
from studyapp.decks.quality import card_quality, held_back
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.blanks import blanks_in_order, fact_sentence
from studyapp.text.formulas import plain_formula, readable
from studyapp.text.prompts import cloze_term
from tests.decks.facts import fact_input


def _definitions(note: str) -> dict[str, str]:
    return {
        f.subject: f.value
        for f in extract(parse(note), name="n.md").facts
        if f.kind == "definition"
    }


def _cloze(meaning: str, term: str, topic: str = "Notes"):
    fact = fact_input(kind="definition", subject=term, attribute=term, value=meaning, topic=topic)
    return [c for c in cards_for_fact(fact) if c.kind == "cloze"]


def _blank(sentence: str) -> str | None:
    found = blanks_in_order(sentence)
    return found[0].term if found else None


# --- a line under a term saying what it is, with no subject of its own -----------------------

SUBJECTLESS = """# Revision

## Terms

- Chloroplast
    - Is an organelle that carries out photosynthesis
    - Found in the leaves of green plants
- Mercantilism
    - Refers to the policy of building national wealth through trade surpluses
- **Prime numbers**:
    - Are whole numbers greater than 1 with two factors
- Glacier
    - Is melting faster every decade
- Tariffs
    - Are the same as before
- Symptoms:
    - Are usually mild in children
"""


def test_a_subjectless_is_are_or_refers_to_line_defines_the_term_above():
    found = _definitions(SUBJECTLESS)
    assert found["Chloroplast"] == "an organelle that carries out photosynthesis"
    assert found["Mercantilism"] == (
        "the policy of building national wealth through trade surpluses"
    )
    # a bold term with a colon over a line whose subject it is
    assert found["Prime numbers"] == "whole numbers greater than 1 with two factors"


def test_a_subjectless_line_that_is_no_meaning_defines_nothing():
    found = _definitions(SUBJECTLESS)
    # 'Is melting …' is what the glacier does; 'Are the same as before' points back; a plain
    # field label with a colon introduces its notes
    assert {"Glacier", "Tariffs", "Symptoms"}.isdisjoint(found)


def test_the_subjectless_definition_hides_the_term():
    (card,) = _cloze("an organelle that carries out photosynthesis", "Chloroplast")
    assert card.front == "[…]: an organelle that carries out photosynthesis"
    assert card.back.startswith("Chloroplast:")


# --- 'When …' under a term the note marks -----------------------------------------------------

WHEN = """# Contract law

## Ending a contract

- **Frustration**
    - When an event outside both parties' control makes the contract impossible to perform
- Rain
    - When it rains the match is moved indoors
- **Breach**
    - When we decide to stop
"""


def test_a_when_line_under_a_marked_term_defines_it():
    found = _definitions(WHEN)
    assert found["Frustration"] == (
        "When an event outside both parties' control makes the contract impossible to perform"
    )
    # unmarked label; a pointer ('When it …') and a person ('When we …') say no condition
    assert {"Rain", "Breach"}.isdisjoint(found)


# --- definitions in prose -------------------------------------------------------------------


def test_a_class_defined_with_a_qualifier_hides_its_name():
    sentence = "A tangent line to a curve is a line that touches the curve at one point."
    assert _blank(sentence) == "tangent line"
    assert _blank("An easement over a neighbour's land is a right to cross it.") == "easement"


def test_a_counting_or_pointing_qualifier_defines_nothing():
    assert _blank("A number of factors in the economy are the reason for inflation") is None
    assert _blank("A type of cell in the blood is a lymphocyte") is None
    assert _blank("A common test for this is the ratio of the two areas") is None
    # 'of' with no article goes on with the name: no blank that cuts it
    assert _blank("A writ of summons is a document that starts a civil claim") is None


def test_a_term_in_quotes_or_with_an_adverb_before_refers_to_is_the_blank():
    assert _blank("'Feudalism' sometimes refers to the exchange of land for service") == (
        "Feudalism"
    )
    assert _blank("“Judicial review” refers to courts checking that laws fit the constitution") == (
        "Judicial review"
    )


def test_is_called_a_name_hides_the_name():
    assert _blank("A group of lions is called a pride.") == "pride"


def test_you_in_a_meanings_relative_clause_is_anyone_not_the_author():
    sentence = "A deed is a written document that you sign to transfer land."
    assert fact_sentence(sentence)
    assert _blank(sentence) == "deed"
    # without an article the opening is no class defined: still the author talking
    assert not fact_sentence("Main job is to hold what we are running")


# --- a sentence defining its own topic -------------------------------------------------------


def _statement(text: str, topic: str, parent: str = ""):
    return cards_for_fact(fact_input(text=text, topic=topic, parent=parent))


def test_a_sentence_defining_its_own_topic_is_asked_forwards():
    text = "A closure is a function that keeps the variables of the scope it was made in."
    (card,) = _statement(text, "Closures")
    assert (card.kind, card.front, card.back) == (
        "qa",
        "Closures — what is it?",
        "a function that keeps the variables of the scope it was made in",
    )
    assert not held_back(card_quality(card))


def test_with_a_parent_the_topics_definition_stays_a_cloze_in_the_parent():
    text = "A closure is a function that keeps the variables of the scope it was made in."
    (card,) = _statement(text, "Closures", parent="JavaScript")
    assert (card.kind, card.context) == ("cloze", "JavaScript")
    assert card.front.startswith("A […] is a function")


def test_no_forward_card_for_another_topic_or_a_meaning_pointing_back():
    # the topic only mentions the term
    text = "A closure is a function that keeps the variables of the scope it was made in."
    assert all("what is it?" not in c.front for c in _statement(text, "Closures in loops"))
    # the meaning says what it does in a line the card does not show
    assert _statement("A scheduler is a process that will do this", "Scheduler") == []


# --- formulas --------------------------------------------------------------------------------


def test_a_plain_formula_is_written_out_in_unicode():
    assert plain_formula(r"\mathcal{O}(n^{2})") == "O(n²)"
    assert plain_formula(r"\frac{\pi}{2}") == "π/2"
    assert plain_formula(r"\theta = 0") == "θ = 0"
    assert plain_formula(r"\sqrt{ {a_{1}}^{2} + {a_{2}}^{2}}") == "√(a₁² + a₂²)"
    assert readable(r"Lookup takes $\Theta(1)$ time on average") == (
        "Lookup takes Θ(1) time on average"
    )


def test_markup_with_no_plain_reading_and_prices_stay_as_written():
    block = r"$$\begin{align} x &= 1 \\ y &= 2 \end{align}$$"
    assert readable(block) == block
    assert readable("Tickets cost $20 and $30") == "Tickets cost $20 and $30"
    assert plain_formula(r"\unknowncommand{x}") is None


def test_a_card_shows_its_formulas_written_out_and_keeps_its_key():
    (card,) = _cloze("the $n$-th root of the product of $n$ numbers", "Geometric mean")
    shown = readable_card(card)
    assert shown.front == "[…]: the n-th root of the product of n numbers"
    assert shown.key == card.key


def test_a_formula_that_stays_markup_beside_the_blank_holds_the_card_back():
    meaning = r"the matrix $\begin{pmatrix} a & b \\ c & d \end{pmatrix}$ with its rows swapped"
    (card,) = _cloze(meaning, "Row swap")
    assert held_back(card_quality(card))


def test_an_equation_inside_a_formula_does_not_make_a_sentence_a_formula():
    assert fact_sentence("The slope of the curve is zero where $x = 2$ on the graph")
    assert not fact_sentence("Total cost = fixed cost + variable cost")


def test_a_term_first_line_may_hold_short_plain_math():
    note = """# Hashing

## Terms

- **Hash function**
    - A function from keys to the integers between 0 and $m - 1$
- **Input**
    - A list of $n$ numbers to sort
"""
    found = _definitions(note)
    assert found["Hash function"] == "A function from keys to the integers between 0 and $m - 1$"
    # a procedure's field: asked forwards, never hidden as a term
    field = fact_input(
        kind="definition", subject="Input", attribute="Input", value=found["Input"], topic="Sort"
    )
    assert [(c.kind, c.front) for c in cards_for_fact(field)] == [("qa", "Sort — input?")]


def test_an_obsidian_block_id_is_no_term():
    assert not cloze_term("^a1b2c3")
    assert cloze_term("Hash function")


def test_a_heading_naming_a_task_or_an_activity_defines_nothing():
    note = """# Graphs

## Checking Whether a Graph Is Connected

- Start from any vertex of the graph
- Visit every vertex it reaches

## Algorithm to Test

- Pick any vertex of the graph
- Search from it

## Spanning tree

- A subgraph without cycles that reaches every vertex
- Has one edge fewer than the vertices
"""
    found = _definitions(note)
    assert found == {"Spanning tree": "A subgraph without cycles that reaches every vertex"}


def test_a_qualified_definition_of_its_own_topic_is_asked_forwards_whole():
    text = "A tangent line to a curve is a line that touches the curve at one point."
    (card,) = _statement(text, "Tangent lines")
    assert (card.front, card.back) == (
        "Tangent lines — what is it?",
        "A tangent line to a curve is a line that touches the curve at one point",
    )


def test_a_display_formula_keeps_apart_from_the_word_after_it():
    assert readable("$$F = ma,$$where m is the mass") == "F = ma where m is the mass"
    assert readable(r"a right angle is $90^{\circ}$") == "a right angle is 90°"
