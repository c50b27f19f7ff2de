"""A fact asked of a heading that compares two things ('REST API vs WebSocket API — max message
size?') does not say which of them it is about: held back. Table questions, which name their
entity, and matchings across them are not judged. Snippets written for the test."""

from __future__ import annotations

from studyapp.quizzes.generate import quality
from studyapp.quizzes.generate.quality import THRESHOLD
from studyapp.text import prompts
from tests.quizzes.builders import kv, questions, table


def test_a_fact_under_a_comparing_heading_is_held_back():
    facts = [
        kv("a", "REST API vs WebSocket API", "Max message size", "128 KB"),
        kv("b", "Mitosis versus meiosis", "Daughter cells", "Two"),
        kv("c", "Mitosis", "Daughter cells", "Two identical cells"),
        kv("d", "Meiosis", "Daughter cells", "Four different cells"),
    ]
    made = questions(facts)
    for q in made:
        if q.fact_key in ("a", "b"):
            assert q.quality < THRESHOLD, q.prompt
    assert any(q.fact_key == "c" and q.quality >= THRESHOLD for q in made)


def test_a_tables_questions_name_their_entity_and_stay():
    compared = table(
        "t",
        ["Mitosis", "Meiosis"],
        {"Daughter cells": {"Mitosis": "Two", "Meiosis": "Four"}, "Divisions": {"Mitosis": "One", "Meiosis": "Two"}},
    )  # fmt: skip
    made = questions([], [compared])
    assert made and all(not quality.compared_subject(q) for q in made)


def test_the_topic_before_an_aspect_is_what_counts():
    assert prompts.compared_title("Gateway › REST API vs WebSocket API · limits — max size?")
    assert not prompts.compared_title("Gateway › WebSocket API · vs REST — max size?")
