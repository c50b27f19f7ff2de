"""Stop 37 (issue 10): a list named by one plural noun of its topic is asked as a teacher asks
it ('What are the four symptoms of Scarlet fever?'), not as a path and a label ('Scarlet fever
— symptoms: which four?'). Under a subheading, for an open list, a verb's label or a topic that
is itself a list's name, the front stays as it was. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import enumeration_card
from tests.decks.facts import fact_input


def _front(topic: str, subject: str, items: tuple[str, ...], subheading: str = "") -> str:
    fact = fact_input(
        kind="enumeration", topic=topic, subject=subject, items=items, subheading=subheading
    )
    card = enumeration_card(fact)
    assert card is not None
    return card.front


FOUR = ("sore throat", "sandpaper rash", "strawberry tongue", "fever")


def test_a_list_of_a_topics_parts_is_asked_as_a_question():
    assert (
        _front("Scarlet fever", "Symptoms", FOUR) == "What are the four symptoms of Scarlet fever?"
    )
    assert _front("Baroque music", "instruments", ("harpsichord", "violin", "organ")) == (
        "What are the three instruments of Baroque music?"
    )


@pytest.mark.parametrize(
    ("topic", "subject", "subheading", "items"),
    [
        ("Scarlet fever", "Symptoms", "in adults", FOUR),  # a subheading qualifies it
        ("Scarlet fever", "Symptoms", "", (*FOUR[:2], "etc.")),  # an open list
        ("Spark SQL", "supports several datasources", "", ("Hive", "JSON", "Parquet")),
        ("Triggers", "causes", "", ("stress", "lack of sleep")),  # a list's name itself
    ],
)
def test_other_lists_keep_their_path_and_label(topic, subject, subheading, items):
    assert _front(topic, subject, items, subheading).endswith(("?", "name some"))
    assert not _front(topic, subject, items, subheading).startswith("What are")
