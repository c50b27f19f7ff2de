"""Questions from a comparison table (studyapp/quizzes/generate/tables.py, the table quiz): pure, deterministic, fair (one right answer), graded."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from studyapp.knowledge.tables import CellValue, Table, TableRow
from studyapp.quizzes.generate.tables import (
    CHOICE,
    MATCH,
    choice_question,
    match_question,
    question_key,
    quiz_grade,
    quiz_questions,
    table_questions,
)
from studyapp.text.answers import normalise

ENTITIES = ["AWS Lambda", "CloudFront Functions", "Lambda@Edge"]


def source(line: int) -> dict:
    return {
        "note": "serverless",
        "note_title": "Serverless",
        "note_url": f"/notes/serverless/#L{line}",
        "heading": "Edge",
        "line": line,
    }


def cell(*values: str, line: int = 1, corrected_by: str = "") -> list[CellValue]:
    sources = [] if corrected_by else [source(line)]
    return [CellValue(v, sources, corrected_by) for v in values]


def make_table(rows: dict[str, dict[str, list[CellValue]]], key: str = "cmp-key") -> Table:
    return Table(
        SimpleNamespace(key=key),  # only the key is read
        list(ENTITIES),
        [TableRow(name, cells, attribute=name) for name, cells in rows.items()],
    )


@pytest.fixture
def table() -> Table:
    return make_table(
        {
            "Runtime": {
                "AWS Lambda": cell("Many languages", line=10),
                "CloudFront Functions": cell("JavaScript only", "javascript", line=11),
                "Lambda@Edge": cell("Node.js & Python", line=12),
            },
            "Execution time": {
                "AWS Lambda": cell("Up to 15 min", line=20),
                "CloudFront Functions": cell("< 1 ms", line=21),
                "Lambda@Edge": cell("A few ms", line=22),
            },
            # Two entities say the same thing: no fair question.
            "Location": {
                "AWS Lambda": cell("AWS Regions"),
                "CloudFront Functions": cell("At CloudFront edge locations."),
                "Lambda@Edge": cell("at cloudfront EDGE locations"),
            },
            "Authoring region": {"Lambda@Edge": cell("us-east-1")},  # one entity: nothing to tell
            "Point 3": {"AWS Lambda": cell("a"), "Lambda@Edge": cell("b")},  # named by position
            "Eg": {"AWS Lambda": cell("c"), "Lambda@Edge": cell("d")},  # an accident of wording
            "Memory": {
                "CloudFront Functions": cell("2 MB", line=30),
                "Lambda@Edge": cell("10 GB", corrected_by="instructor"),
            },
        }
    )


def test_only_rows_that_can_be_asked_fairly_give_questions(table):
    questions = table_questions(table, seed=1)
    assert [(q.row, q.kind) for q in questions] == [
        ("Runtime", MATCH),
        ("Runtime", CHOICE),
        ("Execution time", MATCH),
        ("Execution time", CHOICE),
        ("Memory", MATCH),
        ("Memory", CHOICE),
    ]


def test_the_same_seed_gives_the_same_questions(table):
    assert table_questions(table, seed=42) == table_questions(table, seed=42)
    assert quiz_questions(table, seed="abc") == quiz_questions(table, seed="abc")


def test_different_seeds_shuffle_differently_but_keep_the_keys(table):
    runs = [table_questions(table, seed=s) for s in range(20)]
    assert len({tuple((q.items, q.options) for q in run) for run in runs}) > 1
    assert len({tuple(q.key for q in run) for run in runs}) == 1


def test_keys_are_stable_hashes_of_comparison_row_and_kind(table):
    questions = table_questions(table, seed=3)
    assert len({q.key for q in questions}) == len(questions)
    first = questions[0]
    assert first.key == question_key("cmp-key", "Runtime", MATCH)
    other = make_table({"Runtime": table.rows[0].cells}, key="other-key")
    assert table_questions(other, seed=3)[0].key != first.key


@pytest.mark.parametrize("seed", range(10))
def test_a_choice_has_exactly_one_right_option(table, seed):
    for row in table.rows:
        question = choice_question(table, row, seed=seed)
        if question is None:
            continue
        (right,) = question.answers
        value = question.prompt.removeprefix(f"Which of these has {row.name}: ").removesuffix("?")
        matching = [
            e
            for e in question.options
            if normalise(" / ".join(v.value for v in row.cells[e]), plain=True)
            == normalise(value, plain=True)
        ]
        assert matching == [right]
        assert sorted(question.options) == sorted(e for e in ENTITIES if row.cells.get(e))
        assert question.fields == (question.key,)


def test_a_choice_cites_the_right_cell_and_explains_the_whole_row(table):
    runtime = table.rows[0]
    for seed in range(10):
        question = choice_question(table, runtime, seed=seed)
        line = {"AWS Lambda": 10, "CloudFront Functions": 11, "Lambda@Edge": 12}
        assert [s["line"] for s in question.sources] == [line[question.answers[0]]]
        assert question.explanation == (
            "Runtime — AWS Lambda: Many languages; CloudFront Functions: JavaScript only / "
            "javascript; Lambda@Edge: Node.js & Python."
        )


def test_a_match_pairs_every_value_with_its_entity(table):
    question = match_question(table, table.rows[1], seed=5)
    assert question.prompt == "Execution time: match each value to its entity."
    assert question.options == ("AWS Lambda", "CloudFront Functions", "Lambda@Edge")
    truth = {
        "Up to 15 min": "AWS Lambda",
        "< 1 ms": "CloudFront Functions",
        "A few ms": "Lambda@Edge",
    }
    assert dict(zip(question.items, question.answers, strict=True)) == truth
    assert question.fields == tuple(f"{question.key}-{i}" for i in range(3))
    assert sorted(s["line"] for s in question.sources) == [20, 21, 22]


def test_a_corrected_cell_says_who_corrected_it(table):
    question = match_question(table, table.rows[-1], seed=0)
    assert "Lambda@Edge: 10 GB (corrected by instructor)" in question.explanation
    assert [s["line"] for s in question.sources] == [30]  # the correction has no note to cite


def test_a_quiz_asks_one_question_per_row_in_table_order(table):
    for seed in range(10):
        quiz = quiz_questions(table, seed=seed)
        assert [q.row for q in quiz] == ["Runtime", "Execution time", "Memory"]
    kinds = {tuple(q.kind for q in quiz_questions(table, seed=s)) for s in range(20)}
    assert len(kinds) > 1  # the seed picks each row's kind


def test_a_long_table_gives_a_quiz_of_the_set_length():
    rows = {
        f"Row {n}": {e: cell(f"{e} value {n}") for e in ENTITIES[:2]}
        for n in range(12)  # "Row 3" is not positional: only "Point N" is
    }
    table = make_table(rows)
    quiz = quiz_questions(table, seed=9, count=5)
    assert len(quiz) == 5
    order = [q.row for q in quiz]
    assert order == sorted(order, key=lambda name: int(name.split()[1]))
    assert quiz == quiz_questions(table, seed=9, count=5)


def test_grading_marks_each_answer(table):
    quiz = table_questions(table, seed=2)
    match, choice = quiz[0], quiz[1]
    answers = {name: entity for name, entity in zip(match.fields, match.answers, strict=True)}
    answers[match.fields[0]] = next(o for o in match.options if o != match.answers[0])
    answers[choice.key] = choice.answers[0]
    graded = quiz_grade([match, choice, quiz[2]], answers)
    assert graded[0].marks == (False, True, True) and not graded[0].right
    assert graded[0].rows[1] == (match.items[1], match.answers[1], match.answers[1], True)
    assert graded[1].right and graded[1].given == choice.answers
    assert graded[2].given == ("", "", "") and not graded[2].right  # unanswered is wrong


def test_nothing_to_ask_gives_no_questions():
    table = make_table({"Authoring region": {"Lambda@Edge": cell("us-east-1")}})
    assert table_questions(table, seed=0) == []
    assert quiz_questions(table, seed=0) == []
