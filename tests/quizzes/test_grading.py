from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.quizzes import spec
from studyapp.quizzes.grading import answer_text, grade, is_blank, same_answer
from studyapp.quizzes.spec import QuestionSpec

CHOICE = QuestionSpec(
    key="c",
    kind=spec.CHOICE,
    prompt="Which runs at the edge?",
    options=("Lambda", "CloudFront Functions", "EC2"),
    answers=("CloudFront Functions",),
)
MULTI = QuestionSpec(
    key="m",
    kind=spec.MULTI,
    prompt="Which are serverless?",
    options=("Lambda", "Fargate", "EC2", "S3"),
    answers=("Lambda", "Fargate", "S3"),
)
TRUEFALSE = QuestionSpec(key="t", kind=spec.TRUEFALSE, prompt="Lambda is free?", answers=("false",))
SHORT = QuestionSpec(
    key="s", kind=spec.SHORT, prompt="Max timeout?", answers=("15 minutes", "quarter of an hour")
)
NUMERIC = QuestionSpec(
    key="n", kind=spec.NUMERIC, prompt="Max timeout?", answers=("900",), unit="s"
)
COUNT = QuestionSpec(
    key="k", kind=spec.NUMERIC, prompt="Free requests?", answers=("1000000",), tolerance=0
)
MATCHING = QuestionSpec(
    key="x",
    kind=spec.MATCHING,
    prompt="Match the limit",
    items=("Lambda", "CloudFront Functions", "Lambda@Edge"),
    options=("15 min", "1 ms", "30 s", "5 s"),
    answers=("15 min", "1 ms", "30 s"),
)
ALL = (CHOICE, MULTI, TRUEFALSE, SHORT, NUMERIC, COUNT, MATCHING)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("15 min", "900 s"),
        ("900 seconds", "15 minutes"),
        ("15 minutes", "900s"),
        ("10GB", "10 GB"),
        ("Supports FS access", "✅ supports fs access."),
        ("5", "5.0"),
        ("1,000", "1000"),
    ],
)
def test_same_answer(a, b):
    assert same_answer(a, b)
    assert same_answer(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("15 min", "15 s"),
        ("up to 15 min", "at least 900 s"),  # the same quantity, not the same answer
        ("✅", "❌"),  # all symbols: compared as symbols, not as two empty strings
        ("Lambda", "Lambda@Edge"),
    ],
)
def test_not_same_answer(a, b):
    assert not same_answer(a, b)


def test_choice():
    assert grade(CHOICE, ["CloudFront Functions"]) == 1
    assert grade(CHOICE, ["cloudfront functions"]) == 1  # the option, however cased
    assert grade(CHOICE, ["Lambda"]) == 0
    assert grade(CHOICE, ["CloudFront Functions", "Lambda"]) == 0  # two ticks on a radio question


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (["Lambda", "Fargate", "S3"], 1),
        (["Lambda", "Fargate"], 2 / 3),
        (["Lambda"], 1 / 3),
        (["Lambda", "Fargate", "S3", "EC2"], 2 / 3),  # all right ones, one wrong: 3/3 − 1/3
        (["Lambda", "EC2"], 0),  # 1/3 − 1/3
        (["EC2"], 0),  # −1/3, clamped
        (["Lambda", "Lambda"], 1 / 3),  # a doubled tick counts once
        (["Lambda", "Kubernetes"], 0),  # not an option: counts as a wrong one
    ],
)
def test_multi_partial_credit_as_moodle(chosen, expected):
    assert grade(MULTI, chosen) == pytest.approx(expected)


def test_truefalse():
    assert grade(TRUEFALSE, ["false"]) == 1
    assert grade(TRUEFALSE, ["False"]) == 1
    assert grade(TRUEFALSE, ["true"]) == 0


def test_short_answer_by_same_answer():
    assert grade(SHORT, ["15 min"]) == 1
    assert grade(SHORT, ["900 seconds"]) == 1
    assert grade(SHORT, ["Quarter of an hour!"]) == 1
    assert grade(SHORT, ["10 minutes"]) == 0


@pytest.mark.parametrize("typed", ["15 min", "900 seconds", "900 s", "900s", "15 minutes."])
def test_numeric_in_any_unit_of_the_dimension(typed):
    assert grade(NUMERIC, [typed]) == 1


@pytest.mark.parametrize("typed", ["15", "900", "900 B", "about 900 s", "-900 s", "10-20 min"])
def test_numeric_needs_the_unit_and_only_a_quantity(typed):
    assert grade(NUMERIC, [typed]) == 0


@pytest.mark.parametrize("typed", ["1000000", "1,000,000", "1 million", "1M"])
def test_numeric_without_unit_takes_a_bare_number(typed):
    assert grade(COUNT, [typed]) == 1


def test_small_bare_numbers_and_negative_values():
    # quantities.py ignores a bare "5" in prose; an answer box must not.
    five = QuestionSpec(key="f", kind=spec.NUMERIC, prompt="?", answers=("5",))
    assert grade(five, ["5"]) == 1
    assert grade(five, ["5.0"]) == 1
    below = QuestionSpec(key="b", kind=spec.NUMERIC, prompt="?", answers=("-2.5",))
    assert grade(below, ["-2.5"]) == 1
    assert grade(below, ["2.5"]) == 0


def test_numeric_tolerance_edges():
    q = QuestionSpec(
        key="n", kind=spec.NUMERIC, prompt="?", answers=("900",), unit="s", tolerance=60
    )
    assert grade(q, ["840 s"]) == 1
    assert grade(q, ["16 min"]) == 1  # 960 s: exactly on the edge
    assert grade(q, ["14 min"]) == 1
    assert grade(q, ["961 s"]) == 0
    assert grade(q, ["839.9 s"]) == 0
    assert grade(NUMERIC, ["900.5 s"]) == 0  # tolerance 0 means exactly


def test_matching_fraction_of_items():
    assert grade(MATCHING, ["15 min", "1 ms", "30 s"]) == 1
    assert grade(MATCHING, ["15 min", "30 s", "1 ms"]) == pytest.approx(1 / 3)
    assert grade(MATCHING, ["15 min", "", ""]) == pytest.approx(1 / 3)
    assert grade(MATCHING, ["15 min"]) == pytest.approx(1 / 3)  # short answer list
    assert grade(MATCHING, ["5 s", "5 s", "5 s"]) == 0


@pytest.mark.parametrize("question", ALL, ids=lambda q: q.kind + q.key)
@pytest.mark.parametrize("answer", [[], [""], ["   "], None, "", [None], 42, [[]]])
def test_blank_or_malformed_grades_zero(question, answer):
    assert grade(question, answer) == 0


def test_is_blank():
    assert is_blank(CHOICE, [])
    assert is_blank(MATCHING, ["", " ", ""])
    assert not is_blank(MATCHING, ["", "1 ms", ""])
    assert not is_blank(SHORT, ["x"])


def test_answer_text():
    assert answer_text(CHOICE) == "CloudFront Functions"
    assert answer_text(MULTI) == "Lambda; Fargate; S3"
    assert answer_text(TRUEFALSE) == "False"
    assert answer_text(SHORT) == "15 minutes / quarter of an hour"
    assert answer_text(NUMERIC) == "15 min"
    assert answer_text(COUNT) == "1,000,000"
    assert (
        answer_text(MATCHING) == "Lambda → 15 min; CloudFront Functions → 1 ms; Lambda@Edge → 30 s"
    )
    toleranced = QuestionSpec(
        key="z", kind=spec.NUMERIC, prompt="?", answers=("10",), unit="s", tolerance=0.5
    )
    assert answer_text(toleranced) == "10 s ± 0.5 s"


def test_question_rows_work_like_specs():
    # The Question model stores lists (JSON) where the spec has tuples; only attributes are read.
    class Row:
        kind = spec.MULTI
        options = ["Lambda", "Fargate", "EC2", "S3"]
        answers = ["Lambda", "Fargate", "S3"]
        items: list[str] = []
        tolerance = 0.0
        unit = ""

    assert grade(Row(), ["Lambda", "S3"]) == pytest.approx(2 / 3)
    assert answer_text(Row()) == "Lambda; Fargate; S3"


junk = st.one_of(
    st.none(),
    st.integers(),
    st.text(),
    st.lists(st.one_of(st.text(), st.none(), st.integers(), st.sampled_from(["Lambda", "15 min"]))),
)


@given(question=st.sampled_from(ALL), answer=junk)
def test_grade_never_raises_and_stays_in_range(question, answer):
    assert 0 <= grade(question, answer) <= 1


@given(
    kind=st.sampled_from(spec.KINDS),
    answers=st.lists(
        st.one_of(st.text(max_size=8), st.floats().map(str), st.sampled_from(["900", "true"])),
        max_size=4,
    ),
    options=st.lists(st.text(max_size=8), max_size=4),
    tolerance=st.floats(allow_nan=True, allow_infinity=True),
    unit=st.sampled_from(["", "s", "B", "x"]),
    answer=junk,
)
def test_grade_survives_malformed_questions_too(kind, answers, options, tolerance, unit, answer):
    question = QuestionSpec(
        key="q",
        kind=kind,
        prompt="?",
        answers=tuple(answers),
        options=tuple(options),
        items=tuple(options),
        tolerance=tolerance,
        unit=unit,
    )
    assert 0 <= grade(question, answer) <= 1
    assert isinstance(answer_text(question), str)
