"""Headings that frame a subject ('Overview of X', 'Common mistakes with X', 'Lecture 4: X'), and
which sibling sections are like things to compare."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.names import Framing, framing, pair_heading


def _model(**notes):
    return merge({slug: extract(parse(text)) for slug, text in notes.items()})


@pytest.mark.parametrize(
    ("title", "subject", "aspect"),
    [
        ("Overview of the Magna Carta", "Magna Carta", ""),
        ("About Habeas Corpus", "Habeas Corpus", ""),
        ("Lecture 4: Mitochondria", "Mitochondria", ""),
        ("Chapter 2 – The French Revolution", "The French Revolution", ""),
        ("Photosynthesis — key facts", "Photosynthesis", ""),
        ("Common mistakes with the subjunctive", "subjunctive", "Common mistakes"),
        ("Exam tips for contract law", "contract law", "Exam tips"),
        ("Natural selection in practice", "Natural selection", "In practice"),
        ("Why the Treaty of Versailles matters", "Treaty of Versailles", "Why it matters"),
        ("The role of ATP in muscle contraction", "muscle contraction", "The role of ATP"),
    ],
)
def test_a_framing_heading_names_its_subject(title, subject, aspect):
    assert framing(title) == Framing(subject, aspect)


@pytest.mark.parametrize(
    "title",
    ["Mitochondria", "On-Demand Mode", "How it works", "About this course", "Battle of Hastings"],
)
def test_a_name_frames_nothing(title):
    assert framing(title) is None


def test_pair_headings_name_two_things():
    assert pair_heading("Mitosis vs Meiosis")
    assert pair_heading("Comparing torts and crimes")
    assert not pair_heading("Vascular plants")


def test_a_framed_section_files_its_facts_under_its_subject():
    model = _model(
        a="# Cell biology\n## Mitochondria\n- Membranes: two\n",
        b="# Cell biology\n## Common mistakes with Mitochondria\n- Confusing cristae with the matrix\n"
        "## Lecture 3: Ribosomes\n- Made of: RNA and protein\n",
    )
    names = {t.key: t.name for t in model.topics}
    where = {f.text: (names[f.topic_key], f.subheading) for f in model.facts}
    assert where["Confusing cristae with the matrix"] == ("Mitochondria", "Common mistakes")
    assert where["Made of: RNA and protein"][0] == "Ribosomes"
    assert not any("mistake" in n.lower() or "lecture" in n.lower() for n in names.values())


_SEPARATED = """# Torts
## Negligence
- Standard: reasonable person
- Remedy: damages
- Burden: claimant
## Summary
- Torts are civil wrongs
## Common mistakes with Trespass
- Standard: confusing intent with motive
- Remedy: forgetting nominal damages
## Notes on Nuisance
- Standard: unreasonable interference
- Remedy: injunction or damages
- Burden: claimant
"""


def test_sections_separated_by_an_unlike_one_are_no_comparison():
    titles = {c.title for c in _model(a=_SEPARATED).comparisons}
    assert not any("Negligence" in t for t in titles), titles
    assert not any("mistakes" in t.lower() for t in titles), titles


def test_a_run_of_like_sections_is_one_table_named_by_their_subjects():
    note = """# Plant tissues
## Overview of Xylem
- Carries: water
- Cells: dead at maturity
## Phloem
- Carries: sugars
- Cells: living
## About Cambium
- Carries: nothing, it divides
- Cells: living, dividing
"""
    comparisons = _model(a=note).comparisons
    assert [sorted(c.entities) for c in comparisons] == [["Cambium", "Phloem", "Xylem"]]
    cells = {(c.attribute, c.entity): c.value for c in comparisons[0].cells}
    assert cells[("Carries", "Xylem")] == "water"


def test_an_aspect_section_is_no_match_for_a_whole_one():
    note = """# Metals
## Copper
- Colour: reddish
- Conductivity: high
## Zinc
- Colour: bluish grey
- Conductivity: moderate
## Zinc: Melting point
- Colour: bluish grey when molten
- Conductivity: drops when molten
"""
    titles = {c.title for c in _model(a=note).comparisons}
    assert titles == {"Copper vs Zinc"}, titles
