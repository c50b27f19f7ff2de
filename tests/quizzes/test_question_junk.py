"""Junk question classes (issue 10), each on a snippet of a note written for the test, mostly in
subjects other than the cloud: a false statement that may be true, options that say one thing,
a table question with two right entities, a short answer refusing its other spelling, an answer
the question gives away; and the quality score that says how sure the generator is."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from studyapp.knowledge.tables import CellValue, Table, TableRow
from studyapp.quizzes import grading, spec
from studyapp.quizzes.generate import CellData, FactData, RowData, TableData, generate
from studyapp.quizzes.generate.quality import score
from studyapp.quizzes.generate.tables import choice_question
from studyapp.text.answers import equivalent, paraphrase
from studyapp.text.prompts import gives_away

SEEDS = range(12)


def source(line: int = 1) -> tuple[dict, ...]:
    return ({"note": "n", "title": "N", "heading": "H", "line": line},)


def kv(key, topic, attribute, value, *, subheading="", kind="key_value") -> FactData:
    return FactData(
        key=key,
        kind=kind,
        topic_key=topic.lower(),
        topic=topic,
        subheading=subheading,
        subject=attribute if kind == "definition" else "",
        attribute=attribute,
        value=value,
        text=f"{attribute}: {value}",
        sources=source(),
    )


def stated(question: spec.QuestionSpec) -> str:
    """The value a true/false statement gives: 'True or false: X — attr: value'."""
    return question.prompt.rsplit(": ", 1)[1]


def truefalse(facts, tables=(), *, fact_key="", seeds=SEEDS) -> list[spec.QuestionSpec]:
    return [
        q
        for seed in seeds
        for q in generate(facts, tables, seed=seed)
        if q.kind == spec.TRUEFALSE and (not fact_key or q.fact_key == fact_key)
    ]


# 1. A false statement that may be true ----------------------------------------------------------


def test_a_synonym_of_the_true_value_is_never_the_false_statement():
    # cell biology: 'Big' is 'Large' in other words, so "Nucleus — size: Big" is true
    facts = [
        kv("n", "Nucleus", "Relative size", "Large organelle"),
        kv("r", "Ribosome", "Relative size", "Big organelle"),
        kv("v", "Vesicle", "Relative size", "Tiny sac"),
    ]
    for q in truefalse(facts, fact_key="n"):
        assert stated(q) != "Big organelle", q.prompt
        if q.answers == ("false",):
            assert stated(q) == "Tiny sac"


def test_a_value_the_notes_give_the_subject_elsewhere_is_never_the_false_statement():
    # the ribosome is found in the cytoplasm too, as another line of its topic says
    facts = [
        kv("a", "Ribosome", "Location", "Rough endoplasmic reticulum"),
        kv("b", "Ribosome", "Location when free", "Cytoplasm", subheading="Free ribosomes"),
        kv("c", "Lysosome", "Location", "Cytoplasm"),
        kv("d", "Chlorophyll", "Location", "Thylakoid membrane"),
    ]
    for q in truefalse(facts, fact_key="a"):
        assert stated(q) != "Cytoplasm", q.prompt


def test_a_value_saying_less_than_the_truth_is_never_the_false_statement():
    facts = [
        kv("a", "Treaty of Westphalia", "Signed in", "Osnabrück and Münster"),
        kv("b", "Peace of Augsburg", "Signed in", "Münster"),  # says less: true as well
        kv("c", "Treaty of Utrecht", "Signed in", "Utrecht"),
    ]
    for q in truefalse(facts, fact_key="a"):
        assert stated(q) != "Münster", q.prompt


def test_a_sibling_terms_own_description_is_never_swapped_in():
    # A heading of definitions: each term's meaning is that term's own description; swapped
    # into another term it reads as nonsense or, for near kin, as true.
    organelles = [
        ("Ribosome", "Builds proteins from amino acids"),
        ("Lysosome", "Breaks down waste with enzymes"),
        ("Golgi apparatus", "Packages proteins for export"),
        ("Mitochondrion", "Releases energy from glucose"),
    ]
    facts = [
        kv(f"o{i}", "Cell", term, meaning, subheading="Organelles", kind="definition")
        for i, (term, meaning) in enumerate(organelles)
    ]
    meanings = dict(organelles)
    for q in truefalse(facts):
        term = q.prompt.split(" — ", 1)[1].rsplit(": ", 1)[0]
        assert q.answers == ("true",) and stated(q) == meanings[term.capitalize()], q.prompt


def test_a_sibling_name_under_a_category_heading_is_still_a_fair_false_statement():
    facts = [
        kv("c", "Rome", "Founded by", "Romulus", subheading="Legends"),
        kv("d", "Rome", "Suckled by", "A She-Wolf", subheading="Legends"),
        kv("e", "Rome", "Twin brother", "Remus", subheading="Legends"),
    ]
    falses = [q for q in truefalse(facts) if q.answers == ("false",)]
    assert falses and all(q.quality < 0.8 for q in falses)


def test_a_scale_or_a_comparison_is_never_swapped_into_another_subject():
    facts = [
        kv("a", "Cheetah", "Top speed", "Fastest land animal"),
        kv("b", "Greyhound", "Top speed", "Slower than a cheetah"),
        kv("c", "Pronghorn", "Top speed", "Up to millions of strides"),
        kv("d", "Tortoise", "Top speed", "Barely moves at all"),
    ]
    for q in truefalse(facts, fact_key="a"):
        assert stated(q) in ("Fastest land animal", "Barely moves at all"), q.prompt


# 2. Options that say one thing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Always linked to a carrier protein", "Always bound to a carrier protein"),
        ("Always linked to a carrier protein", "Always linked with the carrier protein"),
        ("Requires sunlight to start", "Needs sunlight to begin"),
        ("Large colonies of ants", "Big colony of ants"),
    ],
)
def test_paraphrases_are_one_option(a, b):
    assert paraphrase(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Always linked to a carrier protein", "Never linked to a carrier protein"),
        ("Limited to 5 layers", "Limited to 50 layers"),
        ("Dissolves freely in plasma", "Carried by albumin"),
        ("24 hours retention", "1 year retention"),
    ],
)
def test_different_claims_are_two_options(a, b):
    assert not paraphrase(a, b)


def test_a_choice_never_offers_a_paraphrase_of_its_answer_or_of_another_option():
    # endocrinology: how hormones travel in the blood
    facts = [
        kv("i", "Insulin", "Transport in blood", "Always linked to a carrier protein"),
        kv("c", "Cortisol", "Transport in blood", "Always bound to a carrier protein"),
        kv("a", "Adrenaline", "Transport in blood", "Dissolves freely in plasma"),
        kv("t", "Thyroxine", "Transport in blood", "Mostly carried by albumin"),
        kv("e", "Oestrogen", "Transport in blood", "Mainly carried by albumin"),
        kv("g", "Glucagon", "Transport in blood", "Travels unbound in plasma"),
    ]
    asked = 0
    for seed in SEEDS:
        for q in generate(facts, seed=seed):
            if q.kind != spec.CHOICE:
                continue
            asked += 1
            options = list(q.options)
            for i, x in enumerate(options):
                for y in options[i + 1 :]:
                    assert not paraphrase(x, y), (x, y, q.prompt)
    assert asked


# 3. A table's "which of these has V" with two right entities -------------------------------------


NOBLE = TableData(
    key="noble",
    title="Helium vs Neon vs Argon",
    entities=("Helium", "Neon", "Argon"),
    rows=(
        RowData(
            "Common use",
            {
                "Helium": (CellData("Balloons and cooling magnets", source(1)),),
                "Neon": (CellData("Glowing signs", source(2)),),
                "Argon": (CellData("Welding shields and glowing signs", source(3)),),
            },
            attribute="Common use",
        ),
        RowData(
            "Forms compounds",
            {
                "Helium": (CellData("❌ No", source(4)),),
                "Neon": (CellData("❌ Never observed", source(5)),),
                "Argon": (CellData("✅ Yes, under extreme cold", source(6)),),
            },
            attribute="Forms compounds",
        ),
        RowData(
            "Density at STP",
            {
                "Helium": (CellData("0.18 g/L", source(7)),),
                "Neon": (CellData("0.9 g/L", source(8)),),
                "Argon": (CellData("0.9 g / L", source(9)),),  # Neon's, spelled otherwise
            },
            attribute="Density at STP",
        ),
    ),
)


def test_which_entity_is_never_asked_of_a_value_two_entities_share():
    for seed in SEEDS:
        for q in generate([], [NOBLE], seed=seed):
            if q.kind == spec.CHOICE and q.prompt.startswith("Which of these has"):
                # "Glowing signs" is Argon's too; ❌ is Helium's and Neon's
                assert q.answers != ("Neon",), q.prompt
                if "compounds" in q.prompt:
                    assert q.answers == ("Argon",)
                assert "density" not in q.prompt, q.prompt
            if q.kind == spec.MATCHING:
                assert "density" not in q.prompt  # two values are one in two spellings


def test_the_table_quiz_asks_the_same_way():
    rows = [
        TableRow(
            row.name,
            {e: [CellValue(c.value, [], "") for c in cells] for e, cells in row.cells.items()},
            attribute=row.attribute,
        )
        for row in NOBLE.rows
    ]
    table = Table(SimpleNamespace(key="noble"), list(NOBLE.entities), rows)
    for seed in SEEDS:
        use = choice_question(table, rows[0], seed=seed)
        assert use is not None and use.answers[0] in ("Helium", "Argon")
        compounds = choice_question(table, rows[1], seed=seed)
        assert compounds is not None and compounds.answers == ("Argon",)
        assert choice_question(table, rows[2], seed=seed) is None


# 4. A short answer in its other spellings --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("sub-millisecond", "Sub-ms"),
        ("15 minutes", "15 min"),
        ("2MB", "2 MB"),
        ("pay as you go", "Pay-as-you-go"),
        ("Photosynthesis", "Photosynthesis (in chloroplasts)"),
        ("three", "3"),
        ("Saint Petersburg", "St Petersburg"),
        ("Research & Development", "research and development"),
        ("HOUSE OF COMMONS", "House of Commons"),
        ("Houses of Parliament", "House of Parliament"),
    ],
)
def test_a_short_answer_accepts_its_other_forms(typed, answer):
    question = spec.QuestionSpec(key="k", kind=spec.SHORT, prompt="?", answers=(answer,))
    assert equivalent(typed, answer)
    assert grading.grade(question, [typed]) == 1.0


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("minute", "minimum"), ("ms", "Sub-ms"), ("Petersburg", "St Petersburg"), ("4", "three")],
)
def test_other_answers_are_still_wrong(typed, answer):
    question = spec.QuestionSpec(key="k", kind=spec.SHORT, prompt="?", answers=(answer,))
    assert grading.grade(question, [typed]) == 0.0


# 5. An answer the question gives away ------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "answer"),
    [
        ("Crop rotation — share of fields resting, half at a time?", "50%"),
        ("Tides — high tides a day, twice daily?", "2"),
        ("Eggs — a dozen to the box?", "12"),
        ("Sleep — time in REM, about a quarter?", "25%"),
        ("Norfolk four-course rotation — fields?", "4"),
        ("Siesta — a 15 minute nap?", "15 min"),
    ],
)
def test_prompts_giving_the_number_away(prompt, answer):
    assert gives_away(prompt, answer)


@pytest.mark.parametrize(
    ("prompt", "answer"),
    [
        ("Sleep — length of one cycle?", "90 minutes"),
        ("Vitamin B12 — daily need?", "12"),  # the 12 of a name is no number
        ("Tier 1 — capacity?", "1 GB"),
        ("Java — versions?", "Java 11 and above"),
    ],
)
def test_prompts_that_do_not_give_it_away(prompt, answer):
    assert not gives_away(prompt, answer)


def test_no_question_is_made_of_a_fact_whose_prompt_says_its_number():
    facts = [
        kv("h", "Crop rotation", "Fields resting, half at a time", "50%"),
        kv("t", "Tides", "High tides a day (twice daily)", "2"),
        kv("s", "Sleep", "Cycle length", "90 minutes"),
        kv("r", "Sleep", "Deep sleep", "20 minutes"),
        kv("w", "Sleep", "Time to fall asleep", "15 minutes"),
    ]
    asked = {q.fact_key for q in generate(facts, seed=0)}
    assert "s" in asked and not {"h", "t"} & asked


# 6. The quality score ---------------------------------------------------------------------------


DIETS = [
    kv("p", "Giant panda", "Diet", "Bamboo"),
    kv("k", "Koala", "Diet", "Eucalyptus"),
    kv("c", "Cow", "Diet", "Grass"),
    kv("h", "Hummingbird", "Diet", "Nectar"),
    kv("w", "Blue whale", "Diet", "Krill"),
]
# a vague attribute whose only distractors are its siblings under the heading
PANDA = [
    kv("f", "Red panda", "Features", "Thick woolly coat", subheading="Overview"),
    kv("g", "Red panda", "Habitat", "Cool mountain forests", subheading="Overview"),
    kv("s", "Red panda", "Status", "Endangered forest mammal", subheading="Overview"),
]


def choice_of(facts, key) -> spec.QuestionSpec:
    (question,) = [
        q for q in generate(facts, seed=0) if q.kind == spec.CHOICE and q.fact_key == key
    ]
    return question


def test_a_weak_question_scores_lower_than_a_strong_one():
    strong = choice_of(DIETS, "p")
    weak = choice_of(PANDA, "f")
    assert len(strong.options) == 4 and len(weak.options) == 3
    assert 0 <= weak.quality < strong.quality <= 1
    assert strong.quality == score(spec.CHOICE, wanted=3, found=3, same_attribute=3)


def test_each_weak_signal_lowers_the_score():
    base = score(spec.CHOICE, wanted=3, found=3, same_attribute=3, attribute="Diet")
    assert score(spec.CHOICE, wanted=3, found=2, same_attribute=2, attribute="Diet") < base
    assert score(spec.CHOICE, wanted=3, found=3, same_attribute=1, attribute="Diet") < base
    assert score(spec.CHOICE, wanted=3, found=3, same_attribute=3, attribute="Key features") < base
    long_answer = "a value that runs on for many more words than anyone recalls in one go"
    assert score(spec.CHOICE, wanted=3, found=3, same_attribute=3, answer=long_answer) < base
    assert score(spec.TRUEFALSE, swapped=True) < score(spec.TRUEFALSE)
    assert all(0 <= q.quality <= 1 for facts in (DIETS, PANDA) for q in generate(facts, seed=0))


def test_lines_named_by_their_place_or_a_remark_label_are_not_asked():
    from studyapp.quizzes.generate.values import junk_fact
    from studyapp.text.names import named_by_position

    assert all(named_by_position(n) for n in ("Point 3", "Option 2", "Step 4b", "Part II", "#2"))
    assert not any(named_by_position(n) for n in ("Optimal pH", "Partition key", "Steps"))

    def fact(attribute: str):
        from studyapp.quizzes.generate.inputs import FactData

        return FactData(
            key="k",
            kind="key_value",
            topic_key="t",
            topic="Sleep",
            subheading="",
            text=f"{attribute}: eight hours",
            subject=attribute,
            attribute=attribute,
            value="eight hours",
        )

    assert junk_fact(fact("Option 2")) and junk_fact(fact("Solution"))
    assert not junk_fact(fact("Recommended sleep"))


def test_wrong_options_come_from_the_same_subject_area():
    from studyapp.quizzes import spec as quiz_spec
    from studyapp.quizzes.generate import FactData, TopicData, generate

    def kv(key: str, topic: str, topic_key: str, value: str) -> FactData:
        return FactData(
            key=key,
            kind="key_value",
            topic_key=topic_key,
            topic=topic,
            text=f"Purpose: {value}",
            attribute="Purpose",
            value=value,
        )

    facts = [
        kv("f1", "Mitosis", "mitosis", "Growth and repair of body cells"),
        kv("f2", "Meiosis", "meiosis", "Making gametes for sexual reproduction"),
        kv("f3", "Apoptosis", "apoptosis", "Removing damaged or unneeded cells"),
        kv("f4", "Binary fission", "fission", "Dividing a single bacterial cell in two"),
        kv("f5", "Tort law", "tort", "Compensating people harmed by others"),
        kv("f6", "Contract law", "contract", "Enforcing promises made in agreements"),
    ]
    biology = [
        TopicData(t, t, (), "biology") for t in ("mitosis", "meiosis", "apoptosis", "fission")
    ]
    law = [TopicData(t, t, (), "law") for t in ("tort", "contract")]
    questions = generate(facts, (), biology + law, seed=3)
    laws = {"Compensating people harmed by others", "Enforcing promises made in agreements"}
    asked = [q for q in questions if q.kind == quiz_spec.CHOICE and "Growth" in q.answers[0]]
    assert asked, "the mitosis fact is asked as a choice"
    for question in asked:
        assert not laws & set(question.options)


def test_a_number_that_ends_a_name_is_no_quantity():
    from studyapp.quizzes.generate.values import pure_quantity

    assert pure_quantity("Route 53") is None and pure_quantity("Windows 11") is None
    assert pure_quantity("1000 executions") is not None and pure_quantity("15 minutes")


def test_a_question_read_under_an_example_scores_lower():
    from studyapp.quizzes import spec as quiz_spec
    from studyapp.quizzes.generate import FactData, TopicData, generate

    def kv(key: str, sub: str, value: str) -> FactData:
        return FactData(
            key=key,
            kind="key_value",
            topic_key="recursion",
            topic="Recursion",
            subheading=sub,
            text=f"Base case: {value}",
            attribute="Base case",
            value=value,
        )

    facts = [
        kv("f1", "Worked example", "n equals zero"),
        kv("f2", "Definition", "the input is empty"),
        FactData(
            key="f3",
            kind="key_value",
            topic_key="loops",
            topic="Loops",
            text="Base case: the counter reaches its end",
            attribute="Base case",
            value="the counter reaches its end",
        ),
        FactData(
            key="f4",
            kind="key_value",
            topic_key="trees",
            topic="Trees",
            text="Base case: a leaf has no children",
            attribute="Base case",
            value="a leaf has no children",
        ),
    ]
    topics = [TopicData(t, t.title(), (), "cs") for t in ("recursion", "loops", "trees")]
    questions = [q for q in generate(facts, (), topics, seed=1) if q.kind == quiz_spec.CHOICE]
    by_sub = {("example" in q.prompt): q.quality for q in questions if "Recursion" in q.prompt}
    assert by_sub[True] < by_sub[False]


def test_a_question_on_a_formula_or_a_shorthand_field_is_held_back():
    from studyapp.quizzes.generate import quality

    def question(prompt, answers, options=(), kind=spec.CHOICE):
        return spec.QuestionSpec("k", kind, prompt, tuple(answers), tuple(options), quality=0.9)

    formula = question(
        "Merge sort — running time?",
        ["$\\Theta(n \\log n)$"],
        ["$\\Theta(n \\log n)$", "$\\Theta(n^2)$", "$\\Theta(n)$"],
    )
    worded = question("Merge sort — stable?", ["Yes"], ["Yes", "No"])
    terse = question("Gout — tx?", ["Colchicine"], ["Colchicine", "Insulin"], kind=spec.SHORT)
    dollars = question("Stamp Act — duty?", ["$2"], ["$2", "$5", "$10"])
    assert quality.unreadable(formula) and quality.unreadable(terse)
    assert 0.9 - quality.unreadable(formula) < quality.THRESHOLD
    assert quality.unreadable(worded) == quality.unreadable(dollars) == 0


def test_a_question_on_a_fact_filed_deep_under_an_example_is_held_back():
    from studyapp.quizzes.generate.quality import THRESHOLD

    facts = [
        kv(
            "w1",
            "Osmosis",
            "Cell volume",
            "240 fL",
            subheading="Example: A red cell in salt water › Given",
        ),
        kv("p1", "Diffusion", "Cell volume", "90 fL", subheading="Blood cells"),
        kv("p2", "Filtration", "Cell volume", "120 fL", subheading="Kidney"),
        kv("p3", "Active transport", "Cell volume", "300 fL", subheading="Pumps"),
    ]
    questions = generate(facts, seed=1)
    worked = [q for q in questions if q.fact_key == "w1"]
    assert worked and all(q.quality < THRESHOLD for q in worked)
    assert any(q.quality >= THRESHOLD for q in questions if q.fact_key == "p1")


def test_a_lists_last_part_loses_its_and():
    # 'NSAIDs, steroids, and TNF-alpha inhibitors' split at its commas: 'and TNF-alpha
    # inhibitors' was offered as a wrong option of another list
    from studyapp.quizzes.generate.lists import _list_parts

    assert _list_parts("rest, ice packs, and gentle stretching") == [
        "rest",
        "ice packs",
        "gentle stretching",
    ]
    assert _list_parts("tea, or coffee") == ["tea", "coffee"]


def test_a_multi_borrowing_wrong_options_from_a_fields_other_lists_is_held_back():
    # 'Symptoms' is a field: every disease states it, and symptoms overlap between diseases,
    # so another disease's symptom offered as wrong may be true of this one too
    from dataclasses import replace

    from studyapp.quizzes import spec
    from studyapp.quizzes.generate.quality import THRESHOLD
    from tests.quizzes.builders import kv, questions

    lists = {
        "Measles": ("fever", "cough", "rash", "red eyes"),
        "Mumps": ("fever", "swollen glands", "headache"),
        "Tetanus": ("lockjaw", "muscle spasms", "sweating"),
        "Rubella": ("mild fever", "rash", "swollen lymph nodes"),
        "Polio": ("weakness", "paralysis", "neck stiffness"),
    }
    facts = [
        replace(
            kv(f"d{i}", disease, "Symptoms", ""),
            kind="enumeration",
            subject="Symptoms",
            items=items,
        )
        for i, (disease, items) in enumerate(lists.items())
    ]
    asked = questions(facts, kind=spec.MULTI, seeds=range(3))
    assert asked and all(q.quality < THRESHOLD for q in asked)
