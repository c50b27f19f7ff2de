"""Generic headings are aspects of the enclosing topic; with none, the note's title (front
matter, first heading, or file name) is the topic. Snippets written for these tests."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.names import generic_heading


@pytest.mark.parametrize(
    "title",
    ["Key insights", "How?", "Why use it?", "Definitions", "You said:", "Summary", "Overview",
     "Notes", "Examples", "Introduction", "Best practices", "Main ideas", "Part 2",
     "What are the benefits?", "When to use it"],
)  # fmt: skip
def test_generic_headings(title):
    assert generic_heading(title)


@pytest.mark.parametrize("title", ["Photosynthesis", "What is DNA?", "Roman law", "Key signatures"])
def test_named_headings(title):
    assert not generic_heading(title)


def _topics(notes: dict[str, tuple[str, str]]):
    model = merge({slug: extract(parse(text), name=name) for slug, (name, text) in notes.items()})
    names = {t.key: t.name for t in model.topics}
    return {f.text: names[f.topic_key] for f in model.facts}, set(names.values())


def test_generic_sections_belong_to_the_enclosing_topic():
    facts, topics = _topics(
        {"a": ("a.md", "# Photosynthesis\n## Key insights\n- Light reactions make ATP\n"
                       "## How?\n- Chlorophyll absorbs red and blue light\n")}
    )  # fmt: skip
    assert set(facts.values()) == {"Photosynthesis"}
    assert not topics & {"Key insights", "How?"}


def test_without_headings_the_front_matter_title_or_file_name_is_the_topic():
    facts, _ = _topics(
        {
            "a": ("x.md", "---\ntitle: Roman law\n---\n## Summary\n- Twelve Tables codified law in 450 BC\n"),
            "b": ("French verbs 0123456789abcdef0123456789abcdef.md",
                  "## Definitions\n- **Infinitive**: the verb's base form, such as parler\n"),
        }
    )  # fmt: skip
    assert facts["Twelve Tables codified law in 450 BC"].lower() == "roman law"
    assert facts["Infinitive: the verb's base form, such as parler"].lower() == "french verbs"


def test_a_generic_file_name_falls_back_to_its_nearest_named_folder():
    facts, topics = _topics(
        {
            "a": ("vault/Biology/Genetics/Misc.md", "- Alleles are variants of one gene\n"),
            "b": ("vault/Classics/Rome.md", "# Rome\n- Founded, by legend, in 753 BC\n"),
            "c": ("vault/Classics/Week 3/Notes.md", "- Augustus was the first emperor\n"),
        }
    )  # fmt: skip
    assert facts["Alleles are variants of one gene"] == "Genetics"
    # 'Week 3' and 'Notes' name where a note is kept, not what it is about.
    assert facts["Augustus was the first emperor"] == "Classics"
    assert "Vault" not in topics  # every note is in it: it says nothing about any one


def test_in_a_folder_of_many_subjects_no_note_takes_another_notes_topic():
    # No subject is what most notes are about, so an untitled journal page keeps its facts
    # to itself rather than filing them under some other note's first heading.
    facts, _ = _topics(
        {
            "a": ("chem/Acids.md", "# Acids\n- pH below 7 is acidic\n"),
            "b": ("law/Torts.md", "# Torts\n- Negligence needs a duty of care\n"),
            "c": ("journals/2024_05_01.md", "- The Fed targets 2% inflation\n"),
        }
    )  # fmt: skip
    assert facts["The Fed targets 2% inflation"] not in {"Acids", "Torts"}


def test_a_title_about_two_things_is_still_its_notes_topic():
    facts, _ = _topics(
        {
            "a": ("c/Arrays.md", "# Arrays\n- An array's name decays to a pointer\n"),
            "b": ("c/Pointers.md", "# Pointers\n- A pointer holds an address\n"),
            "c": ("c/Arrays and Pointers.md",
                  "---\ntitle: Arrays and Pointers\n---\n- Both can be indexed with []\n"),
        }
    )  # fmt: skip
    assert facts["Both can be indexed with []"] == "Arrays and Pointers"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("Course/03 Cell Respiration.md", "Cell Respiration"),
        ("01 Year 1/Law/02 Contract Law - Law.md", "Contract Law"),
        ("History/1848.md", "1848"),
        ("Spanish/Verbs_irregular 0123456789abcdef0123456789abcdef.md", "Verbs irregular"),
    ],
)
def test_a_file_name_as_title_drops_its_ordering_number_and_repeated_folder(path, title):
    from studyapp.knowledge.ingest.extract import note_name

    assert note_name(path) == title


@pytest.mark.parametrize(
    "title", ["Video 1", "Lab 3", "Lecture preamble", "Midterm review", "Tutorial 4", "Exam"]
)
def test_a_course_session_is_a_generic_heading(title):
    assert generic_heading(title)


def test_facts_under_a_course_session_belong_to_the_note_topic():
    facts, topics = _topics(
        {"a": ("cells.md", "# Osmosis\n## Lab 3\n- Water moves towards the higher solute side\n")}
    )
    assert set(facts.values()) == {"Osmosis"}
    assert "Lab 3" not in topics


@pytest.mark.parametrize(
    ("title", "asks"),
    [("What they do", True), ("Where it is found", True), ("How these differ", True),
     ("Why it's used", True), ("What is DNA?", False), ("Where Rome stood", False),
     ("Itch", False), ("What", False)],
)  # fmt: skip
def test_a_question_by_a_pronoun_asks_about_the_topic_above(title, asks):
    """One test for a question heading about the topic above it, which the resolver and the
    card generator both ask (`names.asks_about_it`)."""
    from studyapp.text.names import asks_about_it

    assert asks_about_it(title) is asks
    if asks:
        assert generic_heading(title)
