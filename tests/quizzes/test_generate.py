"""The generated question bank (studyapp/quizzes/generate/): properties over the whole bank
from the five real notes (one right answer, no option equal to another in other words, wrong
options of the answer's kind, sources, stable keys, determinism), then the rules on small
inputs, then hypothesis: generation never raises.

The notes, ingested once per session (tests/five_notes.py), are restored once per module inside a
transaction rolled back at the end; the bank's input is plain data, so the tests themselves need no
database.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.knowledge.models import Note
from studyapp.quizzes import grading, spec
from studyapp.quizzes.bank import bank_inputs
from studyapp.quizzes.generate import (
    CellData,
    FactData,
    RowData,
    TableData,
    TopicData,
    generate,
)
from studyapp.quizzes.generate.values import identity, pure_quantity, show_quantity
from studyapp.text.quantities import find_quantities

WITH_OPTIONS = (spec.CHOICE, spec.MULTI, spec.MATCHING)


@pytest.fixture(scope="module")
def real(notes_in_module, django_db_blocker) -> tuple:
    with django_db_blocker.unblock():
        facts, tables, topics, _ids = bank_inputs()
        notes = set(Note.objects.values_list("slug", flat=True))
    return facts, tables, topics, notes


@pytest.fixture(scope="module")
def bank(real) -> list[spec.QuestionSpec]:
    facts, tables, topics, _notes = real
    return generate(facts, tables, topics, seed=0)


def by_kind(bank, kind: str) -> list[spec.QuestionSpec]:
    return [q for q in bank if q.kind == kind]


def only_quantity(text: str):
    """The quantity a text is, when there is nothing else in it but filler ('up to')."""
    return pure_quantity(text)


def kind_of(text: str) -> str:
    found = find_quantities(text)
    return found[0].unit if found else "text"


# The whole bank ---------------------------------------------------------------------------------


def test_every_kind_is_in_the_bank(bank):
    counts = Counter(q.kind for q in bank)
    assert set(counts) == set(spec.KINDS), counts
    assert len(bank) > 150
    assert counts[spec.CHOICE] >= 30 and counts[spec.MATCHING] >= 10


def test_keys_are_unique_and_prompts_not_repeated(bank):
    assert len({q.key for q in bank}) == len(bank)
    assert all(re.fullmatch(r"[0-9a-f]{20}", q.key) for q in bank)
    assert len({(q.kind, q.topic_key, q.prompt, q.items) for q in bank}) == len(bank)


def test_every_choice_has_exactly_one_right_answer(bank):
    for q in by_kind(bank, spec.CHOICE):
        assert 3 <= len(q.options) <= 4, q
        (answer,) = q.answers
        assert q.options.count(answer) == 1, q
        right = [o for o in q.options if grading.same_answer(o, answer)]
        assert right == [answer], q
        assert grading.grade(q, [answer]) == 1.0
        assert all(grading.grade(q, [o]) == 0.0 for o in q.options if o != answer)


def test_options_differ_after_normalising(bank):
    """No option is another in other words: casefold and punctuation ('Node.js' = 'node js'),
    or the same quantity ('15 minutes' = '900 seconds')."""
    for q in bank:
        if q.kind not in WITH_OPTIONS:
            continue
        options = q.options
        assert len({grading.normalise(o) for o in options}) == len(options), q
        assert len({identity(o) for o in options}) == len(options), q
        for i, a in enumerate(options):
            for b in options[i + 1 :]:
                assert not grading.same_answer(a, b), (a, b, q.prompt)


def test_15_minutes_and_900_seconds_are_never_options_together(bank):
    for q in bank:
        keys = [
            quantity.key()
            for option in q.options
            for quantity in {x.key(): x for x in find_quantities(option)}.values()
        ]
        assert keys.count("900-900s") <= 1, q
        quantities = [only_quantity(o) for o in q.options]
        solid = [x.key() for x in quantities if x is not None]
        assert len(solid) == len(set(solid)), q


def test_wrong_options_are_of_the_answers_kind(bank):
    """A quantity answer gets quantities of its base unit (and ranges for a range); a text answer
    gets text, never a bare quantity."""
    for q in by_kind(bank, spec.CHOICE):
        (answer,) = q.answers
        wrong = [o for o in q.options if o != answer]
        quantity = only_quantity(answer)
        if quantity is not None:
            for option in wrong:
                other = only_quantity(option)
                assert other is not None, (option, q.prompt)
                assert other.unit == quantity.unit and other.is_range == quantity.is_range
        else:
            assert all(only_quantity(o) is None for o in wrong), q
            assert all(kind_of(o) == kind_of(answer) for o in wrong), q


def test_quantity_choices_exist_and_read_alike(bank):
    (timeout,) = [q for q in bank if q.prompt == "AWS Lambda · limits — max execution?"]
    assert timeout.kind == spec.CHOICE and timeout.answers == ("15 minutes",)
    assert all(re.fullmatch(r"[\d,.]+ (?:\w+)", o) for o in timeout.options), timeout.options


def test_multi_questions(bank):
    multis = by_kind(bank, spec.MULTI)
    assert len(multis) >= 15
    for q in multis:
        assert set(q.answers) < set(q.options), q  # at least one wrong option
        assert len(q.answers) >= 1 and 4 <= len(q.options) <= 6, q
        assert len(set(q.answers)) == len(q.answers)
        assert grading.grade(q, list(q.answers)) == 1.0
    (serverless,) = [q for q in multis if "serverless services" in q.prompt]
    # The notes contrast EC2 ("virtual servers") with Lambda ("no servers"), and list the rest.
    assert "Amazon EC2" in serverless.options and "Amazon EC2" not in serverless.answers
    assert all(a in serverless.answers for a in serverless.options if a != "Amazon EC2")


def multi(bank, prompt_end: str) -> spec.QuestionSpec:
    (question,) = [q for q in by_kind(bank, spec.MULTI) if q.prompt.endswith(prompt_end)]
    return question


def wrong_options(q: spec.QuestionSpec) -> set[str]:
    return set(q.options) - set(q.answers)


def test_multi_from_categories_and_kinds(bank):
    """'Serverless · services': Compute → AWS Lambda, Fargate; Database → …; each category is
    asked against the others. DynamoDB's 'Scalar Types - String, …', 'Document Types - List,
    Map', 'Set Types - String Set, …' likewise, and 'String' (less than 'String Set') is never
    a wrong option of the set types."""
    services = {
        "compute services": {"AWS Lambda", "Fargate"},
        "database services": {"DynamoDB", "Aurora Serverless"},
        "messaging services": {"SNS", "SQS", "Kinesis Data Firehose"},
    }
    everything = set().union(*services.values())
    for category, members in services.items():
        q = multi(bank, f"— which of these are {category}?")
        assert q.prompt.startswith("Serverless · services —")
        assert set(q.answers) <= members
        assert wrong_options(q) and not wrong_options(q) & members
        # a line of the notes names AWS Lambda with "databases, messaging": to be safe, it is
        # never a wrong option of those
        assert "AWS Lambda" not in wrong_options(q)
        assert wrong_options(q) <= everything | {
            "AWS Cognito",
            "API Gateway",
            "Amazon S3",
            "Step Functions",
        }
    kinds = {
        "scalar types": {"String", "Number", "Binary", "Boolean", "Null"},
        "document types": {"List", "Map"},
        "set types": {"String Set", "Number Set", "Binary Set"},
    }
    for kind, members in kinds.items():
        q = multi(bank, f"Amazon DynamoDB — which of these are {kind}?")
        assert set(q.answers) <= members
        others = set().union(*kinds.values()) - members
        assert wrong_options(q) and wrong_options(q) <= others
    assert not {"String", "Number", "Binary"} & wrong_options(multi(bank, "are set types?"))


def test_multi_true_of_one_entity_of_a_two_entity_table(bank):
    kinesis = multi(bank, "— which of these are true of Kinesis Data Streams?")
    assert set(kinesis.answers) <= {"1 year retention", "High # of consumers"}
    assert wrong_options(kinesis) <= {"24 hours retention", "Limited # of consumers"}
    # "Process using AWS Lambda Triggers …" / "Process using AWS Lambda, …": true of both
    assert not any(o.startswith("Process using") for o in kinesis.options)
    on_demand = multi(bank, "— which of these are true of On-Demand Mode?")
    assert "Pay for what you use, more expensive" in on_demand.options
    true_of = [q for q in by_kind(bank, spec.MULTI) if " are true of " in q.prompt]
    assert len(true_of) >= 6
    for q in true_of:
        # two entities only: a wider table's cells compare ("Slower than CF Functions")
        assert q.prompt.count(" vs ") == 1, q.prompt
        assert len(q.about_keys) >= 4 and not q.fact_key
        # no magnitude that a bigger one includes ("1000s of requests/sec")
        assert not any(re.search(r"millions|thousands|\d+s of|up to", o, re.I) for o in q.options)


def test_choice_answers_are_not_concentrated_in_one_position(bank):
    """With option shuffling off a quiz shows the stored order: the right answer is anywhere."""
    choices = by_kind(bank, spec.CHOICE)
    positions = Counter(q.options.index(q.answers[0]) for q in choices)
    assert max(positions.values()) <= 0.45 * len(choices), positions


def test_answer_positions_are_uniform_over_seeds(real):
    """The mechanism, not one draw: over several seeds each position holds about its share
    (1/3 or 1/4 of each question's chances), on every path a choice is made on."""
    facts, tables, topics, _notes = real
    seen: Counter = Counter()
    expected: Counter = Counter()
    for seed in range(8):
        for q in by_kind(generate(facts, tables, topics, seed=seed), spec.CHOICE):
            seen[q.options.index(q.answers[0])] += 1
            for position in range(len(q.options)):
                expected[position] += 1 / len(q.options)
    for position, count in expected.items():
        assert abs(seen[position] - count) <= 0.25 * count, (seen, expected)


def test_an_answers_position_is_uniform_for_one_question():
    positions = Counter()
    for seed in range(400):
        (choice,) = [
            q for q in generate(DURATIONS, seed=seed) if q.kind == "choice" and q.fact_key == "f1"
        ]
        positions[choice.options.index(choice.answers[0])] += 1
    assert set(positions) == {0, 1, 2, 3}
    assert all(60 <= n <= 140 for n in positions.values()), positions


def test_truefalse_answers_and_balance(bank):
    answers = Counter(q.answers for q in by_kind(bank, spec.TRUEFALSE))
    assert set(answers) == {("true",), ("false",)}
    true, false = answers[("true",)], answers[("false",)]
    assert 0.3 <= true / (true + false) <= 0.7, answers
    for q in by_kind(bank, spec.TRUEFALSE):
        assert q.prompt.startswith("True or false: ") and q.options == ()


def test_numeric_answers(bank):
    numerics = by_kind(bank, spec.NUMERIC)
    assert numerics
    for q in numerics:
        (value,) = q.answers
        assert float(value) > 0
        assert q.unit in ("s", "B", "")
        assert q.tolerance >= 0
        if q.unit:
            assert "with its unit" in q.prompt
            # the hint's examples never give the answer away
            hint = q.prompt.split("e.g.")[1]
            assert all(abs(x.low - float(value)) > 1e-9 for x in find_quantities(hint)), q
    (timeout,) = [q for q in numerics if q.prompt.startswith("AWS Lambda · limits — max exec")]
    assert timeout.answers == ("900",) and timeout.unit == "s"
    assert grading.grade(timeout, ["15 min"]) == 1.0
    assert grading.grade(timeout, ["900 seconds"]) == 1.0
    assert grading.grade(timeout, ["3 s"]) == 0.0


def test_short_answers(bank):
    shorts = by_kind(bank, spec.SHORT)
    assert shorts
    for q in shorts:
        assert q.answers and all(1 <= len(a.split()) <= 6 for a in q.answers), q
        assert not find_quantities(q.answers[0])
        assert grading.grade(q, [q.answers[0].upper()]) == 1.0
    assert any(q.answers == ("us-east-1",) for q in shorts)


def test_matching_questions(bank):
    matchings = by_kind(bank, spec.MATCHING)
    for q in matchings:
        assert len(q.items) == len(q.answers) >= 2, q
        assert set(q.answers) <= set(q.options), q
        assert len(set(q.items)) == len(q.items)
        assert grading.grade(q, list(q.answers)) == 1.0
    terms = [q for q in matchings if q.prompt.endswith("match each term to its meaning.")]
    assert terms
    for q in terms:
        assert 3 <= len(q.items) <= 6
        assert sorted(q.options) == sorted(q.answers)  # one right choice per item


def test_every_question_cites_a_real_note(bank, real):
    notes = real[3]
    for q in bank:
        assert q.sources, q
        for source in q.sources:
            assert source["note"] in notes
            assert source["title"] and isinstance(source["line"], int) and source["line"] > 0
        assert q.explanation
        assert q.topic_key or q.kind == spec.MATCHING
        assert not (q.fact_key and q.cell_key)


def test_prompts_carry_their_context(bank):
    for q in bank:
        assert "\n" not in q.prompt and "\n" not in "".join(q.options + q.items)
        if q.kind in (spec.SHORT, spec.NUMERIC) or (q.kind == spec.CHOICE and q.fact_key):
            assert " — " in q.prompt, q.prompt


def test_deterministic_and_keys_stable_across_seeds(real, bank):
    facts, tables, topics, _notes = real
    again = generate(facts, tables, topics, seed=0)
    assert again == bank
    other = generate(facts, tables, topics, seed="another seed")
    assert [q.key for q in other] == [q.key for q in bank]
    # ... while the seed does change what is dealt
    assert [q.options for q in other] != [q.options for q in bank]


# Small inputs -----------------------------------------------------------------------------------


def source(line: int = 1) -> tuple[dict, ...]:
    return ({"note": "n", "title": "N", "heading": "H", "line": line},)


def kv(key, topic, attribute, value, *, topic_key=None, subheading="", **kw) -> FactData:
    return FactData(
        key=key,
        kind=kw.pop("kind", "key_value"),
        topic_key=topic_key or topic.lower(),
        topic=topic,
        subheading=subheading,
        text=f"{attribute}: {value}",
        attribute=attribute,
        subject=kw.pop("subject", ""),
        value=value,
        sources=source(),
        **kw,
    )


DURATIONS = [
    kv("f1", "AWS Lambda", "Max execution", "900s (15 min)", subheading="Limits"),
    kv("f2", "AWS Lambda", "Default timeout", "3 seconds", subheading="Limits"),
    kv("f3", "SQS", "Visibility timeout", "30 seconds"),
    kv("f4", "SQS", "Retention", "4 days"),
    kv("f5", "Kinesis", "Retention", "24 hours"),
    kv("f6", "Step Functions", "Max execution", "1 year"),
    kv("f7", "Glue", "Job timeout", "900 seconds"),  # 15 minutes again, in other words
    kv("f8", "DAX", "TTL", "5 minutes"),
]


def test_a_quantity_choice_never_offers_its_answer_in_other_words():
    for seed in range(30):
        questions = generate(DURATIONS, seed=seed)
        (choice,) = [q for q in questions if q.key and q.fact_key == "f1" and q.kind == "choice"]
        assert choice.prompt == "AWS Lambda · limits — max execution?"
        assert choice.answers == ("15 minutes",)
        assert not {"900 seconds", "15 min", "900s"} & set(choice.options)
        assert len({identity(o) for o in choice.options}) == 4


def test_a_value_true_for_the_subject_is_never_a_distractor():
    facts = [
        kv("a", "AWS Lambda", "languages", "Java 11+", disputed=True),
        kv("b", "AWS Lambda", "languages", "Java, .NET, Python", disputed=True),
        kv("c", "Lambda@Edge", "languages", "Node.js, Python"),
        kv("d", "CloudFront Functions", "languages", "JavaScript"),
        kv("e", "Fargate", "languages", "Any container"),
        kv("f", "Lambda@Edge", "runtime languages", "Node.js"),
    ]
    questions = generate(facts, seed=1)
    # the notes disagree on Lambda's languages: not asked, and neither value is offered as a
    # wrong answer about Lambda
    assert not [q for q in questions if q.fact_key in ("a", "b")]
    for q in questions:
        if q.fact_key == "c" and q.kind == spec.CHOICE:
            assert "Node.js" not in q.options


def test_not_enough_plausible_distractors_means_no_choice():
    facts = [
        kv("a", "Lambda@Edge", "authoring region", "us-east-1"),
        kv("b", "Lambda@Edge", "network access", "Yes"),
    ]
    questions = generate(facts, seed=0)
    assert not [q for q in questions if q.kind == spec.CHOICE]
    # a yes/no fact is still a true/false question: its one wrong answer is the other one
    (tf,) = [q for q in questions if q.kind == spec.TRUEFALSE]
    assert tf.prompt in (
        "True or false: Lambda@Edge — network access: Yes",
        "True or false: Lambda@Edge — network access: No",
    )
    assert tf.answers == (("true",) if tf.prompt.endswith("Yes") else ("false",))
    (short,) = [q for q in questions if q.kind == spec.SHORT]
    assert short.answers == ("us-east-1",)


def test_numeric_tolerance_and_units():
    facts = [
        kv("a", "DynamoDB", "Item size max", "400 KB"),
        kv("b", "Lambda", "Concurrent executions", "1000"),
        kv("c", "Kinesis", "Shard throughput", "about 1 MB"),
        kv("d", "Lambda", "Memory", "128 MB – 10 GB"),  # a range: no numeric question
    ]
    numerics = {q.fact_key: q for q in generate(facts) if q.kind == spec.NUMERIC}
    assert set(numerics) == {"a", "b", "c"}
    assert numerics["a"].answers == ("409600",) and numerics["a"].unit == "B"
    assert numerics["a"].tolerance == 0
    assert numerics["b"].answers == ("1000",) and numerics["b"].unit == ""
    assert numerics["b"].prompt.endswith("(give a number)")
    assert numerics["c"].tolerance == pytest.approx(0.1 * 1024**2)
    assert grading.grade(numerics["a"], ["400 KB"]) == 1.0


def test_short_answers_accept_the_bare_form():
    facts = [
        kv("a", "Lambda", "Tracing service", "AWS X-Ray (tracing)"),
        kv("b", "Lambda", "Scaling", "Seamless and automatic"),  # a phrase, not a name
        FactData(
            key="c",
            kind="definition",
            topic_key="dynamodb",
            topic="Amazon DynamoDB",
            subject="RCU",
            attribute="RCU",
            value="Read Capacity Units",
            text="RCU: Read Capacity Units",
            sources=source(),
        ),
    ]
    shorts = {q.fact_key: q for q in generate(facts) if q.kind == spec.SHORT}
    assert set(shorts) == {"a", "c"}
    assert shorts["a"].answers == ("AWS X-Ray (tracing)", "AWS X-Ray")
    assert shorts["c"].prompt == "Amazon DynamoDB — what does RCU stand for?"


def definition(key, term, meaning, *, topic="AWS Lambda", subheading="Execution") -> FactData:
    return FactData(
        key=key,
        kind="definition",
        topic_key=topic.lower(),
        topic=topic,
        subheading=subheading,
        subject=term,
        attribute=term,
        value=meaning,
        text=f"{term}: {meaning}",
        sources=source(),
    )


def test_terms_are_matched_in_groups_of_three_to_six():
    terms = [
        definition("d1", "Event Object", "Input data from the triggering service"),
        definition("d2", "Context Object", "Metadata about the invocation"),
        definition("d3", "Execution role", "IAM role granting permissions"),
        definition("d4", "Resource policy", "Grants cross-account access"),
        definition("d5", "Environment variables", "Key/value pairs for configuration"),
        definition("d6", "Tracing", "X-Ray for performance monitoring"),
        definition("d7", "Layers", "Shared dependencies across functions"),
        definition("d8", "Problem", "Too many connections"),  # a generic term: not a term
    ]
    matchings = [q for q in generate(terms) if q.kind == spec.MATCHING]
    assert sorted(len(q.items) for q in matchings) == [3, 4]
    assert {i for q in matchings for i in q.items} == {t.subject for t in terms[:7]}
    for q in matchings:
        assert q.prompt == "AWS Lambda · execution — match each term to its meaning."
        assert sorted(q.options) == sorted(q.answers)


def test_the_same_term_twice_is_matched_once():
    terms = [
        definition("a", "User Pools (CUP)", "Auth database", subheading="Components"),
        definition("b", "Identity Pools", "Temporary AWS credentials", subheading="Components"),
        definition("c", "CUP", "Auth users for APIs and apps", subheading="Use"),
        definition("d", "Token", "Proof of sign-in", subheading="Flow"),
        definition("e", "Hosted UI", "Ready-made sign-in pages", subheading="Flow"),
    ]
    for q in generate(terms):
        if q.kind == spec.MATCHING:
            assert not {"User Pools (CUP)", "CUP"} <= set(q.items)


def table(key: str, title: str, rows: dict[str, dict[str, str]], entities=None) -> TableData:
    entities = entities or list(dict.fromkeys(e for cells in rows.values() for e in cells))
    return TableData(
        key=key,
        title=title,
        entities=tuple(entities),
        rows=tuple(
            RowData(
                name,
                {e: (CellData(v, source(i)),) for e, v in cells.items()},
                attribute=name,
                cell_keys={e: f"{key}-{name}-{e}" for e in cells},
            )
            for i, (name, cells) in enumerate(rows.items(), start=1)
        ),
    )


EDGE = table(
    "edge",
    "AWS Lambda vs CloudFront Functions vs Lambda@Edge",
    {
        "Runtime": {
            "AWS Lambda": "Many languages",
            "CloudFront Functions": "JavaScript only",
            "Lambda@Edge": "Node.js and Python runtimes",
        },
        "File System Access": {
            "AWS Lambda": "✅ /tmp up to 10 GB",
            "CloudFront Functions": "❌ Not supported",
            "Lambda@Edge": "✅ Supports FS access",
            "Fargate": "✅ EFS mounts",
        },
        "Point 1": {"AWS Lambda": "a", "CloudFront Functions": "b", "Lambda@Edge": "c"},
    },
    entities=["AWS Lambda", "CloudFront Functions", "Lambda@Edge", "Fargate"],
)


def test_table_questions():
    questions = generate([], [EDGE], [TopicData("lambda", "AWS Lambda", ("Lambda",))], seed=3)
    kinds = Counter(q.kind for q in questions)
    assert kinds[spec.MATCHING] == 2  # Runtime, File System Access; not "Point 1"
    (fs,) = [q for q in questions if q.kind == spec.MULTI]
    assert fs.prompt.endswith("which of these have file system access?")
    assert set(fs.answers) == {"AWS Lambda", "Lambda@Edge", "Fargate"}
    # three entities would be three options: too few for a multiple select
    three = table("three", "A vs B vs C", {"Has VPC": {"A": "✅ yes", "B": "❌ no", "C": "✅"}})
    assert not [q for q in generate([], [three], seed=3) if q.kind == spec.MULTI]
    cell = [q for q in questions if q.cell_key and q.kind == spec.CHOICE and "—" in q.prompt]
    assert cell and all(q.cell_key.startswith("edge-") for q in cell)
    assert all("Point 1" not in q.prompt for q in questions)
    # an entity that is a topic files its questions there; the others under the table's topic
    assert {q.topic_key for q in questions} == {"lambda"}


def test_a_category_list_against_a_two_entity_comparison():
    services = FactData(
        key="s",
        kind="enumeration",
        topic_key="serverless",
        topic="Serverless",
        subject="AWS Serverless Services",
        items=("AWS Lambda", "DynamoDB", "Amazon S3", "Fargate (serverless containers)"),
        text="AWS Serverless Services",
        sources=source(),
    )
    versus = table(
        "ec2",
        "Amazon EC2 vs Amazon Lambda",
        {"Runs": {"Amazon EC2": "Continuously", "Amazon Lambda": "On demand"}},
    )
    (multi,) = [q for q in generate([services], [versus], seed=0) if q.kind == spec.MULTI]
    assert multi.prompt == "Serverless — which of these are AWS serverless services?"
    assert "Amazon EC2" in multi.options and "Amazon EC2" not in multi.answers
    assert "Fargate" in multi.answers  # the parenthetical would give it away


def statement(key, text, *, topic="Amazon DynamoDB", subheading="Basics") -> FactData:
    return FactData(
        key=key,
        kind="statement",
        topic_key=topic.lower(),
        topic=topic,
        subheading=subheading,
        text=text,
        sources=source(),
    )


def test_kinds_a_heading_lists_are_asked_against_each_other():
    facts = [
        statement("s", "Scalar Types - String, Number, Binary, Boolean, Null"),
        statement("d", "Document Types - List, Map"),
        statement("t", "Set Types - String Set, Number Set, Binary Set"),
    ]
    multis = {q.fact_key: q for q in generate(facts, seed=2) if q.kind == spec.MULTI}
    assert set(multis) == {"s", "d", "t"}
    sets = multis["t"]
    assert sets.prompt == "Amazon DynamoDB — which of these are set types?"
    assert set(sets.answers) == {"String Set", "Number Set", "Binary Set"}
    # 'String' says less than 'String Set': not a fair wrong option
    assert set(sets.options) - set(sets.answers) <= {"Boolean", "Null", "List", "Map"}
    # one such line alone is no kind among others
    assert not [q for q in generate(facts[:1]) if q.kind == spec.MULTI]


def category(key, name, value, kind="definition") -> FactData:
    return FactData(
        key=key,
        kind=kind,
        topic_key="serverless",
        topic="Serverless",
        subheading="Services",
        subject=name,
        attribute="" if kind == "enumeration" else name,
        value="" if kind == "enumeration" else value,
        items=tuple(value.split(", ")) if kind == "enumeration" else (),
        text=f"{name}: {value}",
        sources=source(),
    )


def test_categories_under_one_heading_and_what_the_notes_say_elsewhere():
    facts = [
        category("c", "Compute", "AWS Lambda, Fargate"),
        category("d", "Database", "DynamoDB, Aurora Serverless"),
        category("s", "Storage", "Amazon S3"),
        category("m", "Messaging", "SNS, SQS, Kinesis Data Firehose", kind="enumeration"),
        category("o", "Orchestrates", "Lambda, ECS tasks, Glue, etc", kind="enumeration"),
        statement(
            "x",
            "Pioneered by AWS Lambda; now includes databases, messaging, storage.",
            topic="Serverless",
            subheading="",
        ),
    ]
    multis = {q.fact_key: q for q in generate(facts, seed=0) if q.kind == spec.MULTI}
    # one member is no list; "etc." says the list is not all, so nothing is surely no member
    assert set(multis) == {"c", "d", "m"}
    assert multis["c"].prompt == "Serverless · services — which of these are compute services?"
    assert set(multis["c"].answers) == {"AWS Lambda", "Fargate"}
    for key in "dm":
        assert "AWS Lambda" not in multis[key].options  # the notes say it with those words


def test_true_of_one_entity_of_two():
    streams = table(
        "streams",
        "DynamoDB Streams vs Kinesis Data Streams",
        {
            "Retention": {"DynamoDB Streams": "24 hours retention", "Kinesis": "1 year retention"},
            "Consumers": {
                "DynamoDB Streams": "Limited # of consumers",
                "Kinesis": "High # of consumers",
            },
            "Process using": {
                "DynamoDB Streams": "Process using AWS Lambda Triggers",
                "Kinesis": "Process using AWS Lambda, Kinesis Data Analytics",
            },
            "Requests": {"DynamoDB Streams": "1000s of reads/s", "Kinesis": "millions of reads/s"},
        },
    )
    multis = [q for q in generate([], [streams], seed=1) if q.kind == spec.MULTI]
    assert sorted(q.prompt for q in multis) == [
        "DynamoDB Streams vs Kinesis Data Streams — which of these are true of DynamoDB Streams?",
        "DynamoDB Streams vs Kinesis Data Streams — which of these are true of Kinesis?",
    ]
    for q in multis:
        # true of both, or a magnitude the bigger one includes: not asked
        assert set(q.options) == {
            "24 hours retention",
            "1 year retention",
            "Limited # of consumers",
            "High # of consumers",
        }
        assert len(q.answers) == 2 and len(q.about_keys) == 4
    # a word the notes give another name: 'Node.js (JavaScript)'
    edge = table(
        "edge2",
        "CloudFront Functions vs Lambda@Edge",
        {
            "Written": {
                "CloudFront Functions": "Written in JavaScript",
                "Lambda@Edge": "Written in Node.js and Python",
            },
            "Max memory": {"CloudFront Functions": "2 MB", "Lambda@Edge": "10 GB"},
            "Location": {"CloudFront Functions": "Edge", "Lambda@Edge": "Regional caches"},
        },
    )
    runtimes = [statement("n", "Node.js (JavaScript)", topic="AWS Lambda")]
    multis = [q for q in generate(runtimes, [edge], seed=1) if q.kind == spec.MULTI]
    assert len(multis) == 2
    for q in multis:
        assert set(q.options) == {
            "Max memory: 2 MB",  # a cell that does not say what it is gets its row's name
            "Max memory: 10 GB",
            "Location: Edge",
            "Location: Regional caches",
        }
    # without that line, the runtimes are a fair contrast
    multis = [q for q in generate([], [edge], seed=1) if q.kind == spec.MULTI]
    assert any("Written in JavaScript" in q.options for q in multis)


def test_show_quantity_reads_like_people_write():
    cases = {
        "900s": "15 minutes",
        "24 hour": "24 hours",
        "35 days": "35 days",
        "1 year": "1 year",
        "3s": "3 seconds",
        "10GB": "10 GB",
        "128 MB – 10 GB": "128 MB – 10 GB",
        # Four bare digits are shown as written: most often a year ('1803', not '1,803').
        "1000": "1000",
        "1803": "1803",
        "1,000": "1,000",
        "10000": "10,000",
        "1618–1680": "1618 – 1680",  # a life's years, as written
    }
    for written, shown in cases.items():
        quantity = pure_quantity(written)
        assert quantity is not None and show_quantity(quantity) == shown
        assert pure_quantity(shown).key() == quantity.key()  # it still means the same
    assert pure_quantity("< 1 ms") is None  # a bound
    assert pure_quantity("10GB temp storage") is None
    assert pure_quantity("max memory - 2MB", allow=["memory"]).key() == "2.09715e+06-2.09715e+06B"


# Never raises -----------------------------------------------------------------------------------

words = st.lists(
    st.sampled_from([*"abcXYZ 015:.,-()/✅❌•\n", "min", " s", "GB", " MB", "Lambda", "yes"]),
    max_size=12,
).map("".join)
facts_strategy = st.lists(
    st.builds(
        FactData,
        key=st.text("abcdef0123", min_size=1, max_size=6),
        kind=st.sampled_from(["statement", "key_value", "enumeration", "definition", "qa"]),
        topic_key=st.sampled_from(["t1", "t2", ""]),
        topic=words,
        subheading=words,
        text=words,
        subject=words,
        attribute=words,
        value=words,
        items=st.lists(words, max_size=5).map(tuple),
        sources=st.just(source()),
        disputed=st.booleans(),
    ),
    max_size=8,
)
cells = st.dictionaries(
    st.sampled_from(["A", "B", "C"]),
    st.lists(st.builds(CellData, value=words), min_size=1, max_size=2).map(tuple),
    max_size=3,
)
tables_strategy = st.lists(
    st.builds(
        TableData,
        key=st.text("xyz", min_size=1, max_size=3),
        title=words,
        entities=st.just(("A", "B", "C")),
        rows=st.lists(st.builds(RowData, name=words, cells=cells, attribute=words), max_size=4).map(
            tuple
        ),
    ),
    max_size=2,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=facts_strategy, tables=tables_strategy, seed=st.integers(0, 5))
def test_generate_never_raises(facts, tables, seed):
    questions = generate(facts, tables, [TopicData("t1", "Topic")], seed=seed)
    assert len({q.key for q in questions}) == len(questions)
    for q in questions:
        assert q.kind in spec.KINDS
        if q.kind in WITH_OPTIONS:
            assert len({identity(o) for o in q.options}) == len(q.options)
        if q.kind == spec.CHOICE:
            assert q.answers[0] in q.options
        if q.kind == spec.MULTI:
            assert set(q.answers) < set(q.options) and q.answers
            assert 4 <= len(q.options) <= 6


def test_a_year_is_asked_against_years_shown_as_written():
    cases = [
        ("Marbury v. Madison", "1803"),
        ("Dred Scott v. Sandford", "1857"),
        ("Plessy v. Ferguson", "1896"),
        ("Brown v. Board", "1954"),
    ]
    facts = [kv(f"f{i}", name, "decided", year) for i, (name, year) in enumerate(cases)]
    # counts near in size, written as counts: no year's wrong option
    facts += [
        kv(f"c{n}", "Battle of Hastings", f"army {n}", n) for n in ("1,750", "1,820", "1,900")
    ]
    choices = [q for q in generate(facts, seed=2) if q.kind == spec.CHOICE and "1803" in q.answers]
    assert choices and set(choices[0].options) <= {"1803", "1857", "1896", "1954"}
