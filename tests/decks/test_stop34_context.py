"""A card's context when its section's last heading is a sentence: the heading above it still
says which aspect the card is about ('Fluid balance · management'). Before, the context fell back to the bare topic, and a card from a note's 'Management'
section read as if it were about the whole subject. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.text.prompts import context


def test_a_sentence_heading_gives_way_to_the_heading_above_it():
    sub = "Management › Give three litres for every litre lost as two thirds leave the vessels"
    assert context("Fluid balance", sub) == "Fluid balance · management"


def test_every_sentence_heading_is_passed_over():
    sub = (
        "Causes › The harvest failed two years running across most of the country"
        " › Prices of grain rose so fast that the poorest families could not buy any bread"
    )
    assert context("French Revolution", sub) == "French Revolution · causes"


def test_a_short_last_heading_is_still_the_one_shown():
    assert context("Xylem", "Structure › Vessels") == "Xylem · vessels"
    assert context(
        "Fluid balance", "Give three litres for every litre lost as two thirds leave"
    ) == ("Fluid balance")


@pytest.mark.parametrize(
    ("subheading", "shown"),
    [
        ("Transparency › Actually", "Latches · transparency"),
        ("Transparency › In fact", "Latches · transparency"),
        ("Outcomes › Instead", "Latches · outcomes"),
        ("In other cases", "Latches"),
        ("However", "Latches"),
    ],
)
def test_a_parent_line_that_only_links_to_the_line_before_is_not_shown(subheading, shown):
    # 'Instead:', 'In fact:', 'However:' over notes link them to what came before; shown as a
    # context they name no part of the subject, so the part above is shown, or the topic
    assert context("Latches", subheading) == shown
