"""Reading a line as key and value: a key is a short label, not the start of a sentence, a
question, a step or a flow. Snippets written for these tests."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_key_values import key_value, list_items
from studyapp.knowledge.ingest.parse import parse


@pytest.mark.parametrize(
    "line",
    [
        "Do plants still respire at night? But more slowly than they photosynthesise",
        "Plants still respire → But more slowly at night",
        "Judges don't make law → they interpret it",
        "We can tell: the verb goes last",
        "Is the treaty binding? Only once ratified",
        "Step 2: Heat the solution to 60 °C",
        "Rain → runoff → river → sea",
    ],
)
def test_clauses_questions_steps_and_flows_are_not_key_values(line):
    assert key_value(line) is None


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        (
            "Boiling point of water: 100 °C at sea level",
            ("Boiling point of water", "100 °C at sea level"),
        ),
        (
            "**Habeas corpus** → no detention without a court",
            ("**Habeas corpus**", "no detention without a court"),
        ),
        ("What it does: carries oxygen", ("What it does", "carries oxygen")),
    ],
)
def test_labels_still_read_as_keys(line, pair):
    assert key_value(line) == pair


def test_numbered_steps_are_statements_but_numbered_facts_are_key_values():
    facts = extract(
        parse(
            "## Titration\n1. Fill the burette: use 0.1 M NaOH\n2. Add indicator: two drops\n"
            "## Constants\n1. Avogadro constant: 6.022e23 per mole\n"
        )
    ).facts
    assert {f.kind for f in facts if f.headings == ("Titration",)} == {"statement"}
    (constant,) = [f for f in facts if f.headings == ("Constants",)]
    assert (constant.kind, constant.attribute) == ("key_value", "Avogadro constant")


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("Athens, Sparta and Thebes", ("Athens", "Sparta", "Thebes")),
        ("Athens, Sparta, and Thebes", ("Athens", "Sparta", "Thebes")),
        ("Athens, Sparta, and more", ("Athens", "Sparta", "etc")),
        ("Java, .NET, Python, etc.", ("Java", ".NET", "Python", "etc")),
        (
            "fast, cheap, used for reading and writing",
            ("fast", "cheap", "used for reading and writing"),
        ),
    ],
)
def test_list_items_split_the_last_and_and_mark_an_open_list(value, items):
    assert list_items(value) == items


@pytest.mark.parametrize(
    "line",
    [
        "Tinbergen (1963)",
        "First shown by Hubel et al. (1959)",
        "Lorenz and Tinbergen (1938)",
        "Strongest evidence (Mayr, 1942)",
        "Proof of the lemma (p. 204)",
        "The argument (1651, p. 89)",
    ],
)
def test_a_citation_in_parentheses_is_no_measure(line):
    assert key_value(line) is None


def test_a_year_after_an_event_or_a_count_is_still_a_value():
    assert key_value("Treaty of Westphalia (1648)") == ("Treaty of Westphalia", "1648")
    assert key_value("Max chromosomes (2000)") == ("Max chromosomes", "2000")


@pytest.mark.parametrize(
    "line",
    [
        "This time: the army marched north",  # points back at the last time
        "Since there are 23 chromosome pairs",  # a clause, not a key
        "Now: the court hears the appeal",
        "Yields $E = mc^2$ joules",  # no '=' inside a formula splits it
        "Requires $O(n) = O(m)$ steps",
    ],
)
def test_a_key_that_points_back_or_cuts_a_formula_is_no_key(line):
    assert key_value(line) is None


def test_a_label_that_points_back_lists_nothing():
    facts = extract(
        parse("# Mitosis\n\n- This time:\n    - Two nuclei\n    - Four spindles\n")
    ).facts
    assert not [f for f in facts if f.kind == "enumeration"]


def test_a_colon_inside_a_bracket_is_no_key():
    assert key_value("Igneous rocks (one example: basalt)") is None
    assert key_value("Treaty of Rome (signed: 1957)") is None
    assert key_value("Hardness (Mohs): 7") == ("Hardness (Mohs)", "7")


def test_examples_in_brackets_are_no_value_of_the_key():
    """'metric value (1 for each 404 found, ...)' was asked 'Custom metrics — metric value?' ->
    '1 for each 404 found': brackets ending in '...' or 'etc.' give examples."""
    from studyapp.knowledge.ingest.extract_key_values import key_value

    assert key_value("metric value (1 for each 404 found, ...)") is None
    assert key_value("timeout (3 s, 15 min max, etc.)") is None
    assert key_value("memory (128 MB to 10 GB)") == ("memory", "128 MB to 10 GB")
