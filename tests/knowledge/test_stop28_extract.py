"""Stop 28 (issue 10): a paragraph of sentences over a list states facts of its own, and a
section that lists names does not read its first name as the heading's meaning. Snippets in
our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse

OVER_A_LIST = """# Photosynthesis

## Light reactions
They happen in the thylakoid membranes. Water is split and oxygen is released.
- ATP is made by ATP synthase
- NADPH carries electrons to the Calvin cycle
"""

LED_IN = """# Photosynthesis

## Inputs
The reaction needs three inputs:
- carbon dioxide
- water
- light
"""

PRICES = """# Evening classes

## Charging model
- enrolment fee (paid once per term)
- tuition for each class (per hour taught)
- printed course materials (per course per term)
- exam entry (per sitting per candidate)
"""


def _facts(text: str):
    return extract(parse(text), name="n").facts


def test_a_paragraph_of_sentences_over_a_list_is_read_sentence_by_sentence():
    facts = _facts(OVER_A_LIST)
    texts = [f.text for f in facts]
    assert "Water is split and oxygen is released." in texts
    # the list under it is not filed under the paragraph, as under a label
    made = next(f for f in facts if f.text.startswith("ATP is made"))
    assert made.labels == ()


def test_a_lead_in_ending_in_a_colon_still_labels_its_list():
    facts = _facts(LED_IN)
    assert any(f.kind == "enumeration" for f in facts)
    assert not any(
        f.text == "The reaction needs three inputs:" and f.kind == "statement" for f in facts
    )


def test_a_section_listing_names_has_no_meaning_read_from_its_first_name():
    facts = _facts(PRICES)
    assert not any(
        f.kind == "definition" for f in facts
    )  # 'Charging model: enrolment fee …' it is not


KINDS = """# Muscle tissue

## Overview
Muscle tissue contracts to move the body. In anatomy class we learned about these
- skeletal muscle
- cardiac muscle
- smooth muscle

## Skeletal muscle
Skeletal muscle is under voluntary control.

## Cardiac muscle
Cardiac muscle is found only in the heart.

## Smooth muscle
Smooth muscle lines the walls of hollow organs.
"""

CONTENTS = """# Muscle tissue

Contents
- Skeletal muscle
- Cardiac muscle
- Smooth muscle

## Skeletal muscle
Skeletal muscle is under voluntary control.

## Cardiac muscle
Cardiac muscle is found only in the heart.

## Smooth muscle
Smooth muscle lines the walls of hollow organs.
"""


def test_a_sentence_over_the_kinds_a_note_goes_on_to_is_no_table_of_contents():
    facts = _facts(KINDS)
    (listed,) = [f for f in facts if f.kind == "enumeration"]
    assert listed.items == ("skeletal muscle", "cardiac muscle", "smooth muscle")
    # the sentence before the lead-in states a fact of its own
    assert any(f.text == "Muscle tissue contracts to move the body." for f in facts)


def test_a_table_of_contents_under_a_label_is_still_left_out():
    assert not any(f.kind == "enumeration" for f in _facts(CONTENTS))


MEMBERS = """# Essay writing

## Planning
> [!info] Three planning approaches
> - Outline the argument before drafting
> - Free-write, then cut
> - Map the sources first

> [!tip] Second stage
> - Drafting the body paragraphs

> [!def] Thesis statement
> - The one-sentence claim the essay argues for
"""


def test_a_title_naming_its_lines_as_members_or_steps_is_defined_by_none_of_them():
    definitions = {f.subject for f in _facts(MEMBERS) if f.kind == "definition"}
    assert "Three planning approaches" not in definitions
    assert "Second stage" not in definitions
    assert "Thesis statement" in definitions  # a thing's title still is


def test_a_paragraph_on_what_a_part_of_the_term_does_is_no_meaning():
    text = (
        "# Vitamins\n\n## Thiamine\nDeficiency results in beriberi and Wernicke encephalopathy.\n"
    )
    assert not any(f.kind == "definition" for f in _facts(text))
    defined = "# Vitamins\n\n## Thiamine\nA water-soluble B vitamin found in whole grains.\n"
    assert any(f.kind == "definition" for f in _facts(defined))
