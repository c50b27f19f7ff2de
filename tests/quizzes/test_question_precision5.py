"""Question precision (fifth pass): shapes a blind review of real notes marked half-usable or junk,
each as a general mechanism on a snippet written for the test."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studyapp.quizzes import spec
from tests.quizzes.builders import kv, questions, table


def _lists(lead: str):
    # two headings of lists, as a course's notes on two languages would have them
    facts = [
        kv("p1", "Python", "Numbers", "Int, Float, Complex", subheading=lead),
        kv("p2", "Python", "Sequences", "List, Tuple, Range", subheading=lead),
        kv("p3", "Python", "Mappings", "Dict, Counter", subheading=lead),
        kv("j1", "Java", "Numbers", "Byte, Short, Long, Double", subheading="Primitive types"),
        kv("j2", "Java", "Text", "Char, String", subheading="Primitive types"),
        kv("j3", "Java", "Logic", "Boolean", subheading="Primitive types"),
    ]
    return [replace(f, subject=f.attribute) for f in facts]


def test_a_list_of_names_under_a_plain_heading_is_asked_which_of_these():
    assert questions(_lists("Built-in types"), kind=spec.MULTI, fact_key="p2")


@pytest.mark.parametrize(
    "lead", ["Built-in types, such as", "Built-in types, e.g.", "Built-in types including:"]
)
def test_a_list_led_in_as_examples_is_never_asked_which_of_these(lead):
    # 'such as' says the list is not all: another language's 'Double' may be one of them too
    assert not questions(_lists(lead), kind=spec.MULTI, fact_key="p2")


def test_a_row_matching_whose_items_are_one_word_in_two_forms_is_not_asked():
    # 'protective' and 'protection' say one thing: either entity could be matched to either
    rows = {
        "Role": {"Enamel": "protective", "Dentine": "protection", "Pulp": "nourishes the tooth"},
        "Hardness": {"Enamel": "hardest", "Dentine": "softer", "Pulp": "soft tissue"},
    }
    tooth = table("t1", ["Enamel", "Dentine", "Pulp"], rows)
    matchings = questions([], [tooth], kind=spec.MATCHING)
    assert matchings  # the hardness row is still asked
    assert all("protective" not in q.items for q in matchings)


def test_a_count_that_names_what_it_counts_says_it_in_the_hint():
    facts = [
        kv("g1", "Human genome", "Chromosomes", "23 pairs"),
        kv("g2", "Human genome", "Genes", "about 20000"),
        kv("t1", "Motorways", "Speed limit", "70 mph"),  # an abbreviation names no count
    ]
    (pairs,) = questions(facts, kind=spec.NUMERIC, fact_key="g1", seeds=[0])
    assert pairs.prompt.endswith("(give the number of pairs)")
    (limit,) = questions(facts, kind=spec.NUMERIC, fact_key="t1", seeds=[0])
    assert limit.prompt.endswith("(give a number)")


def test_a_row_matching_whose_one_item_is_inside_another_is_not_asked():
    # 'surgery' is true of both: either entity could be matched to it
    rows = {
        "Treatment": {"Appendicitis": "surgery", "Diverticulitis": "antibiotics, then surgery"},
        "Pain": {"Appendicitis": "right lower quadrant", "Diverticulitis": "left lower quadrant"},
    }
    gut = table("t2", ["Appendicitis", "Diverticulitis"], rows)
    matchings = questions([], [gut], kind=spec.MATCHING)
    assert matchings
    assert all("surgery" not in q.items for q in matchings)


def test_a_cell_question_on_an_entity_named_by_a_grade_names_its_table():
    rows = {
        "Spread": {"A": "inner wall only", "B": "through the wall", "C": "lymph nodes"},
        "Five-year survival": {"A": "over 90%", "B": "about 70%", "C": "about 50%"},
    }
    stages = table("t3", ["A", "B", "C"], rows)
    stages = replace(stages, title="Bowel cancer staging")
    asked = [q for q in questions([], [stages]) if q.kind in (spec.CHOICE, spec.TRUEFALSE)]
    assert asked
    assert all("Bowel cancer staging" in q.prompt for q in asked)


def test_a_picked_questions_formulas_are_written_out_as_cards_show_them():
    rows = {
        "Worst case": {
            "Merge sort": "$\\Theta(n \\log n)$",
            "Insertion sort": "$\\Theta(n^2)$",
            "Counting sort": "$\\Theta(n + k)$",
        },
        "Stable": {
            "Merge sort": "yes",
            "Insertion sort": "yes",
            "Counting sort": "yes, if done right",
        },
    }
    sorts = table("t9", ["Merge sort", "Insertion sort", "Counting sort"], rows)
    picked = [q for q in questions([], [sorts]) if q.kind in (spec.CHOICE, spec.MATCHING)]
    assert picked
    for q in picked:
        assert "$" not in q.prompt + "".join(q.options) + "".join(q.items)
    matching = next(q for q in picked if q.kind == spec.MATCHING)
    assert "Θ(n²)" in matching.items
