"""Stop 33 (issue 10): plain sentences about a plural subject ('Guard cells release …', 'Kill
infected cells' under 'Cytotoxic T cells') and sections under a question heading ('What it
does', 'Where they mature') become cards. Snippets in our own words, several subjects."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text import blanks
from studyapp.text.names import generic_heading
from tests.decks.facts import fact_input


def _live(text: str, topic: str, subheading: str = "") -> list[CardSpec]:
    made = cards_for_fact(
        fact_input(kind="statement", text=text, topic=topic, subheading=subheading)
    )
    scored = [replace(c, quality=card_quality(c)) for c in made]
    return [c for c in scored if not held_back(c.quality)]


@pytest.mark.parametrize(
    ("sentence", "hidden"),
    [
        ("Guard cells release water at night.", "water"),
        ("Beaver dams block streams, which creates ponds for other species.", "streams"),
        ("Most glaciers form moraines as they retreat.", "moraines"),
    ],
)
def test_a_base_verb_after_a_plural_subject_names_its_object(sentence, hidden):
    blank = blanks.relation_object_blank(sentence)
    assert blank is not None and blank.term == hidden


@pytest.mark.parametrize(
    "sentence",
    [
        # a singular noun before the word: 'form' is a noun there, no verb
        "The light form of the disease passes in days.",
        # the plural is a preposition's object, not the subject
        "Acid in the stomach cells digest proteins.",
        # a pointer for a subject: what it names is in another line
        "These cells release histamine.",
    ],
)
def test_a_base_form_after_no_plural_subject_is_no_verb(sentence):
    assert blanks.relation_object_blank(sentence) is None


def test_a_plural_subjects_sentence_becomes_a_live_cloze():
    cards = _live("Guard cells release water at night to cool the leaf.", "Guard cells")
    assert [c.front for c in cards if c.kind == "cloze"] == [
        "Guard cells release […] at night to cool the leaf"
    ]


@pytest.mark.parametrize(
    ("title", "generic"),
    [
        ("What they do", True),
        ("What it is for", True),
        ("Where they mature", True),
        ("What Computers Can Do", False),  # names its subject
        ("What is DNA?", False),  # names DNA
    ],
)
def test_a_what_question_about_it_is_a_generic_heading(title, generic):
    assert generic_heading(title) is generic


def test_a_line_under_a_question_heading_is_said_of_the_topic_above():
    cards = _live(
        "Carries water and dissolved minerals up from the roots.",
        "Plant Biology › Xylem",
        subheading="What it does",
    )
    assert [(c.front, c.back) for c in cards] == [
        ("What does Xylem carry?", "water and dissolved minerals up from the roots")
    ]


def test_a_base_verb_line_under_a_plural_topic_asks_its_verb():
    cards = _live("Kill infected body cells.", "Cytotoxic T cells")
    assert [(c.front, c.back) for c in cards] == [
        ("What do Cytotoxic T cells kill?", "infected body cells")
    ]


def test_a_base_verb_line_under_a_singular_topic_stays_an_instruction():
    assert _live("Kill the process before you restart it.", "Process manager") == []


@pytest.mark.parametrize(
    ("sentence", "topic", "heading"),
    [
        ("B cells mature in the bone marrow.", "B cells", "Where they mature"),
        ("The assembly met in the old tennis court.", "Estates-General", "Where it met"),
    ],
)
def test_a_heading_asking_what_the_sentence_ends_on_makes_the_ending_sure(sentence, topic, heading):
    asked = _live(sentence, topic, subheading=heading)
    assert [c.kind for c in asked] == ["cloze"]
    assert _live(sentence, topic) == []  # without the heading, the ending stays a suggestion


def test_a_base_verb_under_a_name_or_a_generic_plural_is_a_step_not_what_it_does():
    assert _live("Create roles in the other accounts.", "AWS Organizations") == []
    assert _live("Remove both sets from the collection.", "Disjoint sets › Operations") == []
