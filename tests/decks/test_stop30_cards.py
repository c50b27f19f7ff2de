"""Stop 30 (issue 10): a plain-text equation is asked as a formula; a line whose label is a
trend is asked by its trend card only; a sentence that names its topic last is asked forwards;
a formula's letters named in its title do not give it away; a hyphened compound is one word
shown. Snippets in our own words, several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.formulas import readable
from tests.decks.facts import fact_input


def _live(**fields) -> list[CardSpec]:
    return [c for c in cards_for_fact(fact_input(**fields)) if not held_back(c.quality)]


def _facts(text: str):
    return extract(parse(text), name="n").facts


EQUATIONS = """# Formulas

- PV = nRT
- F = ma
- GDP = C + I + G
- EC2 = Elastic Compute Cloud
- T1 = invasion of the submucosa
"""


def _equation_cards(fact) -> list[CardSpec]:
    """The live cards of an extracted line, filed under 'Formulas'."""
    fields = ("kind", "text", "subject", "attribute", "value")
    return _live(topic="Formulas", **{f: getattr(fact, f) for f in fields})


@pytest.mark.parametrize(
    ("line", "front"),
    [("PV = nRT", "PV = ?"), ("F = ma", "F = ?"), ("GDP = C + I + G", "GDP = ?")],
)
def test_a_plain_equation_is_asked_as_its_formula(line, front):
    fact = next(f for f in _facts(EQUATIONS) if f.text == line)
    assert fact.kind == "key_value"  # not a term and its meaning
    fronts = [c.front for c in _equation_cards(fact)]
    assert fronts == [f"Formulas — {front}"], fronts


@pytest.mark.parametrize(
    ("line", "front"),
    [("EC2 = Elastic Compute Cloud", "EC2?"), ("T1 = invasion of the submucosa", "T1?")],
)
def test_an_acronym_or_a_label_spelt_out_with_an_equals_sign_is_no_formula(line, front):
    fact = next(f for f in _facts(EQUATIONS) if f.text == line)
    fronts = [c.front for c in _equation_cards(fact) if c.kind == "qa"]
    assert fronts == [f"Formulas — {front}"], fronts


def test_a_condition_and_its_result_after_an_equals_sign_is_no_definition():
    facts = _facts("# Elasticity\n\n- |PES| = 1 → unit elastic supply\n- Water = H2O\n")
    assert not any(f.kind == "definition" and f.attribute == "|PES|" for f in facts)
    # (a plain 'term = meaning' still is one)
    assert any(f.attribute == "Water" for f in facts)


def test_a_label_that_is_a_trend_is_asked_by_its_trend_card_only():
    cards = cards_for_fact(
        fact_input(
            kind="key_value",
            topic="Reaction rate",
            text="Increases with temperature: molecules collide more often",
            attribute="Increases with temperature",
            value="molecules collide more often",
        )
    )
    live = [c.front for c in cards if not held_back(c.quality)]
    assert "Reaction rate — with temperature?" in live
    assert "Reaction rate — increases with temperature?" not in live
    # the label's card is kept as a suggestion, its key unchanged
    assert any(c.front == "Reaction rate — increases with temperature?" for c in cards)


@pytest.mark.parametrize(
    ("topic", "text", "back"),
    [
        (
            "Photosynthesis",
            "The process by which plants turn light into sugar is called photosynthesis.",
            "The process by which plants turn light into sugar",
        ),
        (
            "The Tangent Line",
            "Graph of the function $y = L(x)$ is the tangent line at that point",
            "Graph of the function y = L(x), at that point",
        ),
        (
            "Apoptosis",
            "The programmed death of a cell is known as apoptosis",
            "The programmed death of a cell",
        ),
    ],
)
def test_a_sentence_that_names_its_topic_last_is_asked_forwards(topic, text, back):
    cards = _live(topic=topic, text=text)
    asked = [c for c in cards if c.front == f"{topic} — what is it?"]
    assert [readable(c.back) for c in asked] == [back], [(c.front, c.back) for c in cards]


@pytest.mark.parametrize(
    "text",
    [
        "A great way to remember this is the tangent line",  # a tip pointing at another line
        "The graph of a linear function is a straight line",  # names another thing last
        "The value of the integral is independent of the path",  # an adjective, no name
    ],
)
def test_a_sentence_that_names_something_else_last_is_not_asked_as_the_topic(text):
    topic = "The Tangent Line" if "tangent" in text else "Independence"
    assert not any(c.front == f"{topic} — what is it?" for c in _live(topic=topic, text=text))


def test_a_formulas_letters_named_in_its_title_do_not_give_it_away():
    spec = CardSpec(
        "k",
        "formula",
        "f",
        "",
        "Tangent plane to the surface $z = f(x, y)$ at $(a, b)$ — $z$ = ?",
        "$f(a, b) + f_{x}(a, b)(x - a)$",
    )
    assert not held_back(card_quality(spec))


@pytest.mark.parametrize(
    ("front", "kept"),
    [("Broad-spectrum […]", False), ("Broad-spectrum […] for the first week", True)],
)
def test_a_hyphened_compound_is_one_word_shown(front, kept):
    spec = CardSpec("k", "cloze", "f", "Sepsis", front, front.replace("[…]", "antibiotics"))
    assert held_back(card_quality(spec)) is not kept


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("`$s0`-`$s7`", "$s0-$s7"),  # two registers, their code marks gone: no formula
        ("costs $5 and $10", "costs $5 and $10"),
        ("the sign ($+/-$) bit", "the sign (+/-) bit"),  # a formula ending on an operator
        ("$x^2$ and $y$", "x² and y"),
    ],
)
def test_an_inline_formula_ends_on_no_operator_before_a_word(text, shown):
    assert readable(text.replace("`", "")) == shown


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("MemWrite", "Write to memory"),
        ("num_topics", "number of required topics"),
        ("maxPoolSize", "the maximum size of the connection pool"),
    ],
)
def test_a_code_name_asked_for_the_words_it_is_made_of_is_held_back(name, meaning):
    asked = CardSpec("k", "qa", "f", "Settings", f"Settings — {name}?", meaning)
    assert held_back(card_quality(asked))
    # the other way round the name is what is learnt, and the card stays
    named = CardSpec("k", "cloze", "f", "Settings", f"[…]: {meaning}", f"{name}: {meaning}")
    assert not held_back(card_quality(named))


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("EC2", "Elastic Compute Cloud"),
        ("RegDst", "which register is written"),
        ("Prophase", "during prophase the chromosomes condense"),
    ],
)
def test_a_name_the_answer_does_not_spell_out_is_still_asked(name, meaning):
    asked = CardSpec("k", "qa", "f", "Notes", f"Notes — {name}?", meaning)
    assert not held_back(card_quality(asked))


def test_a_line_under_a_bold_given_heading_is_one_problems_premise():
    cards = cards_for_fact(
        fact_input(
            kind="key_value",
            topic="Taylor approximations › Given",
            text="Function: x^2 y",
            attribute="Function",
            value="x^2 y",
        )
    )
    assert cards and all(c.worked for c in cards)
