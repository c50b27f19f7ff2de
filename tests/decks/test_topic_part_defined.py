"""A sentence defining part of its topic's name ('A tort is …' under 'Tort Law') is asked by
that name; a heading listing things ('### Defences') is not defined by its first member.
Snippets written for the test (law, maths, biology)."""

from __future__ import annotations

from studyapp.decks.generate import statement_cards
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from tests.decks.facts import fact_input


def _fronts(topic: str, text: str) -> list[tuple[str, str]]:
    return [
        (c.front, c.back)
        for c in statement_cards(fact_input(kind="statement", topic=topic, text=text))
    ]


def test_a_part_of_the_topics_name_defined_is_asked_by_its_name():
    cards = _fronts("Tort Law", "A tort is a civil wrong that lets the victim claim damages.")
    assert cards == [
        ("Tort Law — what is a tort?", "a civil wrong that lets the victim claim damages")
    ]
    cards = _fronts(
        "Visualizing a vector field", "A vector field is a map that gives each point a vector."
    )
    assert cards == [
        ("Visualizing a vector field — what is a vector field?", "a map that gives each point a vector")
    ]  # fmt: skip


def test_the_topic_itself_defined_is_still_what_is_it():
    cards = _fronts("Osmosis", "Osmosis is the movement of water across a membrane.")
    assert [front for front, _back in cards] == ["Osmosis — what is it?"]


def test_a_heading_is_not_defined_by_a_member_that_defines_itself():
    note = (
        "# Tort Law\n\n## Negligence\n\nx\n\n## Defences\n"
        "- contributory negligence — reduces the damages awarded\n- consent (volenti)\n"
        "- illegality (ex turpi causa)\n"
    )
    facts = extract(parse(note), name="n.md").facts
    assert not [f for f in facts if f.kind == "definition" and f.subject == "Defences"]


def test_what_a_sentence_says_of_its_topic_is_hidden_after_its_verb():
    cards = _fronts("Dysphagia", "Dysphagia can be classified as oropharyngeal or esophageal.")
    assert (
        "Dysphagia can be classified as […]",
        "Dysphagia can be classified as oropharyngeal or esophageal",
    ) in cards
    cards = _fronts(
        "AWS Budgets", "Budgets can be tracked at the monthly, quarterly or yearly level."
    )
    assert (
        "Budgets can be tracked at […]",
        "Budgets can be tracked at the monthly, quarterly or yearly level",
    ) in cards


def test_a_vague_or_adverbial_rest_or_another_subject_gives_no_such_cloze():
    assert _fronts("Streams", "Data can be replayed within this window if required.") == []
    assert _fronts("HIV and the kidney", "HIV can be associated with many glomerulopathies.") == []
    other = _fronts("Dysphagia", "Achalasia can be classified as primary or secondary.")
    assert not [front for front, _back in other if front.endswith("as […]")]
