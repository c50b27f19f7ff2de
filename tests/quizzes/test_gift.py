from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from studyapp.quizzes import spec
from studyapp.quizzes.gift_format import PHP_WS, unit_hint
from studyapp.quizzes.gift_read import gift_parse
from studyapp.quizzes.gift_write import gift_export
from studyapp.quizzes.grading import grade
from studyapp.quizzes.spec import QuestionSpec

# Everything GIFT gives a meaning to, and a few things that only look like it.
NASTY = [
    "~", "=", "#", "{", "}", ":", "::", "->", "-", ">", "\\", "\\n", "\\:", "\n", "\n\n",
    "%50%", "%-100%", "%", "[html]", "[markdown]", "[", "]", "//", "####", "#", "$CATEGORY:",
    "T", "TRUE", "_____", "..", "\u2028", "\x85", "é", "日本", "✅", " ", "\t", "=>",
    "\ue000", "\ue001",  # the private-use characters the reader uses as placeholders
]  # fmt: skip
atoms = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r"), max_size=5),
)
# Moodle trims every text, so the texts that can survive a trip are the trimmed ones.
texts = st.lists(atoms, min_size=1, max_size=6).map("".join).map(lambda s: s.strip(PHP_WS))
texts = texts.filter(bool)
maybe = st.one_of(st.just(""), texts)
sources = st.lists(
    st.fixed_dictionaries({"note": texts, "title": texts, "line": st.integers(0, 10**6)}),
    max_size=2,
).map(tuple)


@st.composite
def questions(draw, kind: str | None = None) -> QuestionSpec:
    kind = kind or draw(st.sampled_from(spec.KINDS))
    fields: dict = {}
    if kind in (spec.CHOICE, spec.MULTI):
        options = draw(st.lists(texts, min_size=2, max_size=5, unique=True))
        if kind == spec.CHOICE:
            answers = [draw(st.sampled_from(options))]
        else:
            # Any order: answers in an order other than the options' must survive too.
            answers = draw(st.lists(st.sampled_from(options), min_size=1, unique=True))
        fields = {"options": tuple(options), "answers": tuple(answers)}
    elif kind == spec.TRUEFALSE:
        fields = {"answers": (draw(st.sampled_from(["true", "false"])),)}
    elif kind == spec.SHORT:
        fields = {"answers": tuple(draw(st.lists(texts, min_size=1, max_size=3, unique=True)))}
    elif kind == spec.NUMERIC:
        value = draw(
            st.one_of(
                st.integers(-(10**12), 10**12).map(str),
                st.floats(allow_nan=False, allow_infinity=False).map(repr),
            )
        )
        fields = {
            "answers": (value,),
            "tolerance": draw(st.floats(0, 1e9, allow_nan=False)),
            "unit": draw(st.sampled_from(["", "s", "B"])),
        }
    else:
        options = draw(st.lists(texts, min_size=1, max_size=5, unique=True))
        items = draw(st.lists(texts, min_size=1, max_size=4))
        answers = [draw(st.sampled_from(options)) for _ in items]
        assume(len(items) + len(set(options) - set(answers)) >= 2)  # Moodle's minimum
        fields = {"items": tuple(items), "options": tuple(options), "answers": tuple(answers)}
    return QuestionSpec(
        key=draw(texts),
        kind=kind,
        prompt=draw(texts),
        explanation=draw(maybe),
        sources=draw(sources),
        topic_key=draw(maybe),
        fact_key=draw(maybe),
        cell_key=draw(maybe),
        about_keys=tuple(draw(st.lists(texts, max_size=3))),
        **fields,
    )


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    specs=st.lists(questions(), min_size=1, max_size=6, unique_by=lambda q: q.key),
    data=st.data(),
)
def test_round_trip_every_kind(specs, data):
    points = {
        q.key: data.draw(st.one_of(st.floats(0, 100), st.decimals(0, 100, places=2)))
        for q in specs
        if data.draw(st.booleans())
    }
    category = data.draw(st.sampled_from(["", "$course$/top/AWS Serverless"]))
    result = gift_parse(gift_export(specs, points=points, category=category))
    assert result.errors == []
    assert [g.spec for g in result.questions] == specs
    assert [g.points for g in result.questions] == [
        float(points[q.key]) if q.key in points else None for q in specs
    ]
    assert {g.category for g in result.questions} == {category}


@pytest.mark.parametrize("kind", spec.KINDS)
@settings(max_examples=50)
@given(data=st.data())
def test_round_trip_each_kind(kind, data):
    question = data.draw(questions(kind))
    [back] = gift_parse(gift_export([question])).questions
    assert back.spec == question


def test_export_reads_as_moodle_expects():
    multi = QuestionSpec(
        key="m",
        kind=spec.MULTI,
        prompt="Which are serverless?",
        options=("Lambda", "EC2", "Fargate"),
        answers=("Lambda", "Fargate"),
        explanation="EC2 is *servers*.",
    )
    numeric = QuestionSpec(
        key="n", kind=spec.NUMERIC, prompt="Max timeout?", answers=("900",), unit="s"
    )
    text = gift_export([multi, numeric], points={"m": Decimal("2.50")})
    assert '// studyapp: {"key": "m", "points": 2.5}' in text
    # No "=": Moodle makes it a multiple-answer question; right ones share 100 %.
    assert "::Which are serverless?::[markdown]Which are serverless?{" in text
    assert "\t~%50%Lambda\n\t~%-50%EC2\n\t~%50%Fargate\n\t####EC2 is *servers*.\n}" in text
    # Moodle has no units: the value is in seconds and the prompt says so.
    assert "[markdown]Max timeout?\\n\\n(Answer in seconds.){#900:0}" in text
    [_, back] = gift_parse(text).questions
    assert back.spec.prompt == "Max timeout?"
    assert back.spec.unit == "s"


def test_the_unit_hint_is_stripped_once_only():
    prompt = "How long?\n\n" + unit_hint("s")  # a prompt that already says it
    question = QuestionSpec(key="n", kind=spec.NUMERIC, prompt=prompt, answers=("60",), unit="s")
    [back] = gift_parse(gift_export([question])).questions
    assert back.spec.prompt == prompt


def test_export_refuses_what_it_cannot_write():
    bad = QuestionSpec(key="c", kind=spec.CHOICE, prompt="?", options=("a", "b"), answers=("c",))
    with pytest.raises(ValueError, match="'c'.*not an option"):
        gift_export([bad])


MOODLE_STYLE = """\
// A quiz written by hand, the way Moodle's documentation shows it.
$CATEGORY: $course$/top/AWS

// question: 12  name: Grant
::Q1 Grant:: Who's buried in Grant's tomb?{~Grant #No. ~Jefferson =no one #Right!}

::Q2:: Grant is {~buried =entombed ~living} in Grant's tomb.

::Q3 TF:: Lambda bills per millisecond.{T#Think again.#Yes, since 2020.####Per ms since Dec 2020.}

//  comments may sit anywhere
::Q4::[html]<p>Two plus two\\: </p>{=four =4 =%50%for}

::Q5 numeric::When was Ulysses S. Grant born?{#1822:5}

::Q6 range::What is a number from 1 to 5?{#1..5}

$CATEGORY: $course$/top/AWS/Matching

::Q7::Match the services to their limits. {
    =Lambda -> 15 min
    =CloudFront Functions -> 1 ms
    = -> 1 hour
    ####Distractor\\: 1 hour.
}

::Q8 multi:: Which are serverless? {
    ~%50%Lambda
    ~%50%Fargate
    ~%-100%EC2
}

// Moodle's own export writes numeric and short answers like this.
::Q9::[moodle]Timeout in seconds?{#
\t=%100%900:0#
\t~#Try the docs.
}

::Q10::[moodle]Name it{
\t=%100%Lambda#
\t=%50%Lamda#spelling
}
"""


def test_reads_gift_written_by_hand_or_by_moodle():
    result = gift_parse(MOODLE_STYLE)
    assert result.errors == []
    by_title = {g.title: g for g in result.questions}
    assert len(by_title) == 10

    grant = by_title["Q1 Grant"].spec
    assert grant.kind == spec.CHOICE
    assert grant.prompt == "Who's buried in Grant's tomb?"
    assert grant.options == ("Grant", "Jefferson", "no one")  # per-answer feedback dropped
    assert grant.answers == ("no one",)
    assert grant.unit == "" and len(grant.key) == 20  # a hash: no studyapp line
    assert by_title["Q1 Grant"].category == "$course$/top/AWS"
    assert by_title["Q1 Grant"].points is None

    assert by_title["Q2"].spec.prompt == "Grant is _____ in Grant's tomb."
    assert by_title["Q2"].spec.answers == ("entombed",)

    tf = by_title["Q3 TF"].spec
    assert (tf.kind, tf.answers, tf.explanation) == (
        spec.TRUEFALSE,
        ("true",),
        "Per ms since Dec 2020.",
    )

    short = by_title["Q4"].spec
    assert short.kind == spec.SHORT
    assert short.prompt == "<p>Two plus two: </p>"  # [html] dropped, \\: unescaped
    assert short.answers == ("four", "4")  # the 50 % answer is not a right one

    born = by_title["Q5 numeric"].spec
    assert (born.kind, born.answers, born.tolerance) == (spec.NUMERIC, ("1822",), 5.0)
    assert grade(born, ["1826"]) == 1 and grade(born, ["1828"]) == 0
    ranged = by_title["Q6 range"].spec
    assert (ranged.answers, ranged.tolerance) == (("3",), 2.0)

    match = by_title["Q7"]
    assert match.category == "$course$/top/AWS/Matching"
    assert match.spec.kind == spec.MATCHING
    assert match.spec.items == ("Lambda", "CloudFront Functions")
    assert match.spec.answers == ("15 min", "1 ms")
    assert match.spec.options == ("15 min", "1 ms", "1 hour")
    assert match.spec.explanation == "Distractor: 1 hour."

    multi = by_title["Q8 multi"].spec
    assert (multi.kind, multi.answers) == (spec.MULTI, ("Lambda", "Fargate"))
    assert grade(multi, ["Lambda", "Fargate"]) == 1

    assert by_title["Q9"].spec.answers == ("900",)
    assert by_title["Q10"].spec.answers == ("Lambda",)

    # The key of a hand-written question is stable: the same text gives the same key.
    assert [g.spec.key for g in gift_parse(MOODLE_STYLE).questions] == [
        g.spec.key for g in result.questions
    ]


BROKEN = """\
::ok 1:: Fine {=a ~b}

::no right:: Pick some {
    ~a
    ~b
}

A description with no answers at all.

::essay:: Tell me about Lambda. {}

::ok 2:: Still read {T}

::open:: Missing the end {=a ~b

::nan:: How many? {#lots}

::two right:: Pick one {=a =b ~c}

::bad pair:: Match {=a -> b =c}

// studyapp: {not json
::ok 3:: Read, with a note {=x ~y}
"""


def test_bad_questions_are_named_and_skipped_good_ones_come_through():
    result = gift_parse(BROKEN)
    assert [g.title for g in result.questions] == ["ok 1", "ok 2", "ok 3"]
    assert result.errors == [
        "Question 2 (line 3): no right answer marked (= or a positive ~%weight%)",
        "Question 3 (line 8): a description (no answer section {…}) is not supported",
        "Question 4 (line 10): an essay question ({}) is not supported",
        "Question 6 (line 14): unbalanced braces: an answer section needs one { and one } after it",
        "Question 7 (line 16): 'lots' is not a number",
        "Question 8 (line 18): 2 answers marked right with =; a single-answer question needs "
        "one (use ~%50% weights and no = for a multiple-answer question)",
        "Question 9 (line 20): the pair 'c' has no ->",
        "Question 10 (line 23): its studyapp line is not a JSON object, so its key was made "
        "from its text",
    ]


@pytest.mark.parametrize(
    ("block", "error"),
    [
        ('// studyapp: {"points": NaN}\nQ? {T}', "its points (nan) are not a finite number"),
        ('// studyapp: {"points": Infinity}\nQ? {T}', "its points (inf) are not a finite number"),
        ('// studyapp: {"points": -Infinity}\nQ? {T}', "its points (-inf) are not a finite number"),
        ('// studyapp: {"points": 1e999}\nQ? {T}', "its points (inf) are not a finite number"),
        ('// studyapp: {"points": 1' + "0" * 400 + "}\nQ? {T}", "its points are too large"),
        ("Q? {#nan}", "'nan' is not a number"),
        ("Q? {#5:inf}", "'inf' is not a number"),
        ("Q? {#1e999}", "'1e999' is not a number"),
        ("Q? {#1e308..1.7e308}", "the range '1e308..1.7e308' is too large"),
        ("Q? {#-1.7e308..1.7e308}", "the range '-1.7e308..1.7e308' is too large"),
    ],
)
def test_numbers_that_are_not_finite_are_refused(block, error):
    result = gift_parse(block + "\n\nFine? {T}")
    assert [q.spec.prompt for q in result.questions] == ["Fine?"]
    (message,) = result.errors
    assert message.startswith("Question 1 (line ") and message.endswith(error), message


def test_duplicate_keys_are_reported():
    question = QuestionSpec(key="k", kind=spec.TRUEFALSE, prompt="?", answers=("true",))
    result = gift_parse(gift_export([question, question]))
    assert len(result.questions) == 1
    assert result.errors == [
        "Question 2 (line 7): the same question (key k) as question 1; skipped"
    ]


@given(st.text())
def test_parse_never_raises(text):
    result = gift_parse(text)
    assert all(isinstance(e, str) for e in result.errors)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    specs=st.lists(questions(), min_size=1, max_size=3), cut=st.integers(0, 10**6), data=st.data()
)
def test_parse_never_raises_on_damaged_exports(specs, cut, data):
    text = gift_export(specs)
    cut %= len(text)
    junk = data.draw(st.sampled_from(["", "{", "}", "\n\n", "~", "=", "->", "#", "\\", "::"]))
    gift_parse(text[:cut] + junk + text[cut + 1 :])
