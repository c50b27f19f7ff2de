"""Question precision (issue 10, third pass): junk a blind review of real notes still found,
each cause as a general mechanism on a snippet written for the test (history, chemistry,
medicine, law, programming)."""

from __future__ import annotations

from studyapp.quizzes import spec
from studyapp.quizzes.generate import FactData, generate

SEEDS = range(8)


def source(line: int = 1, note: str = "n") -> tuple[dict, ...]:
    return ({"note": note, "title": note.upper(), "heading": "H", "line": line},)


def kv(key, topic, attribute, value, *, subheading="", kind="key_value", text=None, note="n"):
    return FactData(
        key=key,
        kind=kind,
        topic_key=topic.lower(),
        topic=topic,
        subheading=subheading,
        subject=attribute if kind == "definition" else "",
        attribute=attribute,
        value=value,
        text=f"{attribute}: {value}" if text is None else text,
        sources=source(note=note),
    )


def questions(facts, tables=(), *, seeds=SEEDS, kind=None, fact_key=""):
    return [
        q
        for seed in seeds
        for q in generate(facts, tables, seed=seed)
        if (kind is None or q.kind == kind) and (not fact_key or q.fact_key == fact_key)
    ]


# An attribute the line never says -----------------------------------------------------------


def test_a_claim_read_into_a_passing_mention_is_not_asked_by_a_label_the_author_never_wrote():
    # 'Works much like a dictionary in Ruby' says nothing of which languages the tool has
    facts = [
        kv("m", "Hash maps", "languages", "Ruby", text="Works much like a dictionary in Ruby"),
        kv("s", "Sets", "languages", "Perl", text="Behaves as a set would in Perl"),
        kv("q", "Queues", "languages", "Haskell", text="Close to a queue in Haskell"),
        kv("l", "Lists", "Languages", "Lisp"),  # written as a key: asked
    ]
    asked = {q.fact_key for q in questions(facts)}
    assert not asked & {"m", "s", "q"}
    assert "l" in asked


# A number that is not the value ---------------------------------------------------------------


def test_a_value_holding_more_numbers_than_its_quantity_gives_no_numeric_question():
    # '40-60% of patients' is a range the quantity reader reads as 40; '[3, 8, 1]' a list
    facts = [
        kv("a", "Gout", "Share with a family history", "40-60% of patients"),
        kv("b", "Merge sort", "Sample input", "[3, 8, 1]"),
        kv("c", "Heap sort", "Worst case comparisons", "$n \\log_{2} n$"),
        kv("d", "Battle of Hastings", "Year", "1066"),
    ]
    numeric = {q.fact_key for q in questions(facts, kind=spec.NUMERIC)}
    assert numeric == {"d"}
