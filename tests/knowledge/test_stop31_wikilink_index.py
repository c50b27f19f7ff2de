"""Stop 31 (issue 10): an Obsidian page's list of wikilinks to its lecture notes is an index of
where things are written, not facts; a wikilink inside a sentence keeps the sentence a fact.
Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse

INDEX = """# Week 4 - Genetics

## Lecture notes

- [[Mendelian Inheritance]]
- [[Linkage and Crossing Over]]
- [[Pedigree Analysis]]
- [[Population Genetics|Hardy-Weinberg]]

## Key ideas

- A [[gene]] is a stretch of DNA that codes for one protein
- Alleles are versions of one gene
"""


def _facts():
    return extract(parse(INDEX), name="week-4").facts


def test_a_list_of_wikilinks_is_an_index_not_an_enumeration():
    texts = [f.text for f in _facts()]
    assert not [t for t in texts if "Mendelian" in t or "Pedigree" in t or "Hardy" in t], texts


def test_a_wikilink_inside_a_sentence_keeps_the_sentence():
    texts = [f.text for f in _facts()]
    assert "A gene is a stretch of DNA that codes for one protein" in texts, texts
    assert "Alleles are versions of one gene" in texts, texts


def test_a_wikilink_in_a_list_item_keeps_its_text_and_its_alias():
    items = [i for s in parse(INDEX).sections for i in s.items]
    assert [i.text for i in items[:4]] == [
        "Mendelian Inheritance",
        "Linkage and Crossing Over",
        "Pedigree Analysis",
        "Hardy-Weinberg",
    ]
    assert items[3].links == ("Hardy-Weinberg",)


def test_a_heading_of_an_aspect_of_a_known_topic_files_under_that_topic():
    """'Stages of mitosis' beside another note's topic 'Stages' is about Mitosis, not Stages;
    'Creation of a bucket' (no topic 'bucket') stays where it was."""
    from studyapp.knowledge.ingest.merge import merge

    notes = {
        "theatre.md": "# Theatre\n\n## Stages\n\n- A thrust stage has the audience on three sides\n",
        "cells.md": (
            "# Cell division\n\n## Mitosis\n\n- One cell becomes two identical cells\n\n"
            "## Stages of mitosis\n\n- Prophase: chromosomes condense\n"
            "- Anaphase: chromatids are pulled apart\n"
        ),
    }
    model = merge({name: extract(parse(text), name=name) for name, text in notes.items()})
    names = {t.key: t.name for t in model.topics}
    placed = {f.text: (names.get(f.topic_key), f.subheading) for f in model.facts}
    topic, aspect = placed["Prophase: chromosomes condense"]
    assert topic == "Mitosis" and aspect.lower().startswith("stage"), placed


def test_an_acronym_topic_does_not_take_a_heading_of_the_plain_word():
    """'Acids and Bases' in a chemistry note is no aspect of the databases note's 'ACID';
    'ACID properties' written as the acronym still is."""
    from studyapp.knowledge.ingest.merge import merge

    notes = {
        "sql.md": "# Databases\n\n## ACID\n\n- Atomicity: all or nothing\n\n## ACID properties\n\n- Durability: kept after a crash\n",
        "chem.md": "# Chemistry\n\n## Acids and Bases\n\n- Lewis acid: accepts an electron pair\n",
    }
    model = merge({name: extract(parse(text), name=name) for name, text in notes.items()})
    names = {t.key: t.name for t in model.topics}
    placed = {f.text: names.get(f.topic_key) for f in model.facts}
    assert placed["Lewis acid: accepts an electron pair"] == "Acids and Bases", placed
    assert placed["Durability: kept after a crash"] == "ACID", placed
