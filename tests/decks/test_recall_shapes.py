"""Recall (round 4): shapes a teacher's facts are written in that gave no live card. Every
snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_formats import describes
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.blanks import predicate
from tests.decks.facts import fact_input


def _definitions(note: str) -> list[tuple[str, str, int]]:
    return [
        (f.subject, f.value, f.line)
        for f in extract(parse(note), name="n.md").facts
        if f.kind == "definition"
    ]


def _live(cards):
    return [c for c in cards if not held_back(card_quality(c))]


# --- a bullet naming a term, its first note saying what the term is -------------------------

ORGANELLES = """# Cell biology

## Organelles

- **Ribosome**
    - Small particle that builds proteins from amino acids
    - Found free or on the rough ER
- **Lysosome** (the cell's stomach)
    - Sac of enzymes that digests worn-out parts
- Mitochondria
    - Produce ATP by respiration
- Golgi apparatus
    - Golgi apparatus packages proteins
- Causes:
    - Too much salt in the diet
- Pros
    - Cheap to run and easy to keep
- Fetched from the store
    - A crate of spare parts
- Length
    - Length of one side
- Types of membranes
    - Thin layer of lipids around the cell
- Cell divides in two
    - Process that takes an hour
- Diagnosis and treatment
    - Blood film under a microscope
- Step 2
    - Second layer of fat below the skin
- symptoms
    - Dry cough that lasts for weeks
- Signs
    - Swelling of both ankles at night
- Rickets
    - **Soft bones** in growing children
"""


def test_a_term_bullet_over_a_describing_note_defines_the_term():
    found = _definitions(ORGANELLES)
    assert ("Ribosome", "Small particle that builds proteins from amino acids", 6) in found
    assert ("Lysosome", "Sac of enzymes that digests worn-out parts", 9) in found
    # a verb phrase, a statement naming the term again, a label and a generic heading: no
    assert {s for s, _v, _l in found} == {"Ribosome", "Lysosome"}


def test_the_notes_after_the_meaning_stay_statements_under_the_term():
    facts = extract(parse(ORGANELLES), name="n.md").facts
    found = [f for f in facts if f.line == 7]
    assert [(f.kind, f.labels) for f in found] == [("statement", ("Ribosome",))]
    assert not [f for f in facts if f.line == 6 and f.kind == "statement"]  # asked once


def test_a_term_bullets_meaning_is_a_live_cloze_in_the_context_above_it():
    (fact,) = [f for f in extract(parse(ORGANELLES), name="n.md").facts if f.subject == "Lysosome"]
    made = fact_input(
        kind="definition",
        topic="Organelles",
        text=fact.text,
        subject=fact.subject,
        attribute=fact.attribute,
        value=fact.value,
        emphasis=fact.emphasis,
    )
    clozes = [c for c in _live(cards_for_fact(made)) if c.kind == "cloze"]
    assert [(c.context, c.front) for c in clozes] == [
        ("Organelles", "[…]: Sac of enzymes that digests worn-out parts")
    ]


def test_a_code_name_over_what_it_is_defines_it():
    note = """# Shell

## Commands

- `grep`
    - Tool that prints the lines matching a pattern
    - e.g. grep -i error log.txt
"""
    assert _definitions(note) == [("grep", "Tool that prints the lines matching a pattern", 6)]


# --- a term heading whose first line says what it is ------------------------------------------


def test_a_term_headings_first_line_describing_it_is_its_meaning():
    note = """# Law

## Torts

### Nuisance

- An unlawful interference with a person's use of their land
- Private or public
- Remedy is usually an injunction

### Negligence

- Negligence needs a duty, a breach and damage
- Most common tort
"""
    found = _definitions(note)
    assert found == [("Nuisance", "An unlawful interference with a person's use of their land", 7)]


@pytest.mark.parametrize(
    "text, reads",
    [
        ("Information kept about a file", True),
        ("A set of users who can share files", True),
        ("Enzyme that breaks down starch in the mouth", True),
        ("A user can belong to many groups", False),  # a sentence
        ("Mitochondria produce ATP by respiration", False),
        ("Produces bile for digestion", False),  # a verb phrase
        ("Used to detect fraud", False),
        ("Also a sequence of bytes", False),  # a remark going on
        ("Hard drives, tapes, etc.", False),  # examples
        ("e.g. the Treaty of Utrecht", False),
        ("Not a true directory service", False),
        ("When you log in to a shared machine", False),
        ("Which holds the genome", False),  # goes on from the line above
        ("From chapter 3 of the textbook", False),
        ("Easier to carry than a sword", False),
        ("Sometimes, rivers change their course", False),
        ("Keeps track of the open files", False),  # a verb opens it
        ("The order of the keys entirely fixes its shape", False),
        ("Given a list of ten numbers", False),  # a problem's premise
        ("Sequence of bytes stored on a disk", True),
        ("Useful for sorting long lists", False),  # a remark on it
        ("Symmetric uses one key for both ways", False),
        ("Rome, Carthage, Athens", False),  # examples, not what it is
        ("Say where our data goes", False),  # the author talking
        ("Managed service that helps us move data between stores", True),
        ("Very fast and cheap", False),
        ("The diagram above shows a blueprint", False),  # points at the page
    ],
)
def test_what_reads_as_a_noun_phrase_describing_a_term(text, reads):
    assert describes(text) is reads


# --- what a thing is used for or made of ------------------------------------------------------


@pytest.mark.parametrize(
    "line, said",
    [
        (
            "used to obtain short-lived credentials for the storage service",
            ("used to", "obtain short-lived credentials for the storage service"),
        ),
        (
            "Used for dating rocks older than a million years",
            ("Used for", "dating rocks older than a million years"),
        ),
        ("Made of keratin", ("Made of", "keratin")),
        ("can use a pool", None),  # one of many things it can do
    ],
)
def test_a_line_saying_what_its_topic_is_used_for_is_a_predicate(line, said):
    assert predicate(line) == said


def test_a_used_for_line_is_a_live_question_under_its_topic():
    fact = fact_input(
        text="Used for dating rocks older than a million years", topic="Potassium-argon dating"
    )
    (card,) = _live(cards_for_fact(fact))
    assert card.front == "What is Potassium-argon dating used for?"
    assert card.back == "dating rocks older than a million years"


def test_a_definition_callout_and_a_what_is_question_define_their_term():
    note = """# Circuits

## Kinds

> [!def]+ Sequential circuit
> - A circuit whose outputs depend on past inputs as well
>     - Needs memory elements

> [!question]- What is a latch?
> - Simple memory element that stores one bit

- **Flip-flop**
    - Clocked memory element built from two latches
"""
    found = {(s, v) for s, v, _l in _definitions(note)}
    assert found == {
        ("Sequential circuit", "A circuit whose outputs depend on past inputs as well"),
        ("latch", "Simple memory element that stores one bit"),
        ("Flip-flop", "Clocked memory element built from two latches"),
    }


def test_a_generic_headings_first_line_says_what_the_heading_above_it_is():
    note = """# Geology

## Basalt

### Overview

- Dark volcanic rock that cools quickly from lava
- Makes up most of the ocean floor

### Uses

- Road stone and rail ballast
"""
    found = _definitions(note)
    assert found == [("Basalt", "Dark volcanic rock that cools quickly from lava", 7)]


def test_a_long_list_name_with_no_verb_is_asked_but_a_sentence_leading_in_is_not():
    from studyapp.decks.generate import enumeration_card

    named = fact_input(
        kind="enumeration",
        topic="Pneumonia",
        subject="The commonest causes of community acquired pneumonia in adults in descending order",
        items=("Strep pneumoniae", "Haemophilus influenzae", "Mycoplasma"),
    )
    led_in = fact_input(
        kind="enumeration",
        topic="Pneumonia",
        subject="Treating the patient at home has a few advantages for the family",
        items=("cheaper", "familiar place", "fewer infections"),
    )
    see = fact_input(
        kind="enumeration",
        topic="Pneumonia",
        subject="For the treatment of the pneumonia-related complications in older adults, see",
        items=("Sepsis", "Empyema", "Lung abscess"),
    )
    assert not held_back(card_quality(enumeration_card(named)))
    assert held_back(card_quality(enumeration_card(led_in)))
    assert held_back(card_quality(enumeration_card(see)))


def test_an_aka_line_gives_the_topics_other_name():
    note = """# Neurology

## Infantile spasms

- aka West syndrome
- Onset in the first year

## Byzantium

- Also called "the Eastern Roman Empire"
- aka the thing we studied last week, which was long
"""
    facts = extract(parse(note), name="n.md").facts
    named = [(f.attribute, f.value) for f in facts if f.kind == "key_value"]
    assert named == [
        ("Also known as", "West syndrome"),
        ("Also known as", "the Eastern Roman Empire"),
    ]
    made = fact_input(
        kind="key_value", topic="Infantile spasms", attribute="Also known as", value="West syndrome"
    )
    (card,) = _live(cards_for_fact(made))
    assert (card.front, card.back) == (
        "What is another name for Infantile spasms?",
        "West syndrome",
    )


def test_a_term_bullets_meaning_may_follow_a_remark_on_who_held_it():
    note = """# Biology

## Old theories

- **Spontaneous generation**
    - Aristotle taught this
    - & The idea that ==living things arise from non-living matter==
"""
    assert _definitions(note) == [
        ("Spontaneous generation", "The idea that living things arise from non-living matter", 7)
    ]
