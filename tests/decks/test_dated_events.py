"""A timeline's line, a date and what happened then, is asked for its date: blind recall lists
named the July Crisis dates no card asked ('— 4 August 1914?' asks nothing, so the line had
none). Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import is_date
from tests.decks.facts import fact_input


@pytest.mark.parametrize(
    "text", ["4 August 1914", "July 1789", "27 BC", "1789–1799", "c. 1450", "1990s", "1066"]
)
def test_dates_and_years(text):
    assert is_date(text)


@pytest.mark.parametrize("text", ["10%", "60-100", "1st line", "8 GB", "< 5 yo", "2 - 3"])
def test_other_numbers_are_no_dates(text):
    assert not is_date(text)


def _live(attribute: str, value: str) -> list[tuple[str, str]]:
    fact = fact_input(
        kind="key_value",
        topic="Unification of Italy",
        attribute=attribute,
        value=value,
        text=f"{attribute}: {value}",
    )
    return [(c.front, c.back) for c in cards_for_fact(fact) if not held_back(card_quality(c))]


def test_a_dated_event_is_asked_for_its_date():
    assert _live("1860", "Garibaldi's Thousand land in Sicily") == [
        ("[…]: Garibaldi's Thousand land in Sicily", "1860: Garibaldi's Thousand land in Sicily")
    ]
    assert _live("17 March 1861", "the Kingdom of Italy is proclaimed in Turin")


def test_a_date_over_a_date_or_a_word_asks_nothing():
    assert not _live("1860", "1861")
    assert not _live("1860", "Sicily")


# --- a line keyed by a value or a range, under what it measures --------------------------


@pytest.mark.parametrize(
    ("topic", "subheading", "key", "value"),
    [
        ("Antenatal care", "Screening", "24-28 weeks", "glucose challenge test for diabetes"),
        ("Peritoneal fluid", "Neutrophil count", "<250/mm3", "no peritonitis"),
        ("Bacterial meningitis", "Causes", ">50 years", "Listeria monocytogenes as well"),
        ("Otitis media", "Treatment", "1st line", "amoxicillin"),  # a rank names it in a word
    ],
)
def test_a_range_under_what_it_measures_is_asked_by_the_range(topic, subheading, key, value):
    fact = fact_input(
        kind="key_value",
        topic=topic,
        subheading=subheading,
        attribute=key,
        value=value,
        text=f"{key}: {value}",
    )
    asked = [(c.front, c.back) for c in cards_for_fact(fact) if not held_back(card_quality(c))]
    assert any(front.endswith(f"— {key}?") and back == value for front, back in asked), asked


@pytest.mark.parametrize("key", ["10.0.0.0", "32KB x 1000", "1914"])
def test_an_address_a_product_or_a_date_is_no_range_to_ask_by(key):
    fact = fact_input(
        kind="key_value",
        topic="Networks",
        attribute=key,
        value="the private block for a VPC",
        text=f"{key}: the private block for a VPC",
    )
    assert not any(c.front.endswith(f"— {key}?") for c in cards_for_fact(fact))


def test_a_sentence_read_as_a_long_key_and_its_value_is_asked_whole():
    """'The second stage of labour begins when the cervix is 10 cm dilated' was read as a key
    too long to ask by ('The second stage … cervix') and its value, and had no card."""
    text = "A CD4 count below 200 cells per microlitre is what defines AIDS in an HIV patient"
    fact = fact_input(
        kind="key_value",
        topic="HIV",
        attribute="A CD4 count below 200 cells per microlitre",
        value="what defines AIDS in an HIV patient",
        text=text,
    )
    fronts = [c.front for c in cards_for_fact(fact) if not held_back(card_quality(c))]
    assert any("[…]" in f and f.replace("[…]", "200") == text for f in fronts), fronts
