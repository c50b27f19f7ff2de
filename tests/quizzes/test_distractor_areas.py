"""Wrong options come from the asked thing's own area: its note, or a note of its top-level topic
in one specific folder (`generate.distractors.Model._near`). Snippets written for the test."""

from __future__ import annotations

from studyapp.quizzes import spec
from studyapp.quizzes.generate import CellData, FactData, RowData, TableData, TopicData, generate

SEEDS = range(8)


def cite(note: str, line: int = 1) -> tuple[dict, ...]:
    return ({"note": note, "title": note, "heading": "", "line": line},)


def kv(key, topic, attribute, value, note, *, subheading="") -> FactData:
    return FactData(
        key=key,
        kind="key_value",
        topic_key=topic.lower(),
        topic=topic,
        subheading=subheading,
        attribute=attribute,
        value=value,
        text=f"{attribute}: {value}",
        sources=cite(note),
    )


def table(key, title, rows: dict[str, dict[str, str]], note) -> TableData:
    entities = tuple(next(iter(rows.values())))
    return TableData(
        key=key,
        title=title,
        entities=entities,
        rows=tuple(
            RowData(name, {e: (CellData(v, cite(note)),) for e, v in cells.items()}, name)
            for name, cells in rows.items()
        ),
    )


def asked(questions, kind, about: str) -> list[spec.QuestionSpec]:
    return [q for q in questions if q.kind == kind and q.prompt.split(" — ")[0].endswith(about)]


# Two subjects in two folders: cell biology, and a law note holding a table whose entities are
# no topics (so they have no top-level topic of their own).
BIOLOGY = [
    kv("b1", "Mitosis", "Purpose", "Growth and repair of body tissue", "bio-division"),
    kv("b2", "Meiosis", "Purpose", "Making gametes with new gene mixes", "bio-division"),
    kv("b3", "Binary fission", "Purpose", "Splitting one bacterium into two", "bio-division"),
    kv("b4", "Apoptosis", "Purpose", "Clearing out damaged cells", "bio-death"),
]
LAW = [
    kv("l1", "Equity", "Purpose", "Fairness where the common law falls short", "law-courts"),
]
LAW_TABLE = table(
    "t-law",
    "Criminal vs civil law",
    {
        "Purpose": {"Criminal law": "Punishing wrongdoers", "Civil law": "Settling private claims"},
        "Standard of proof": {"Criminal law": "Beyond doubt", "Civil law": "On balance"},
    },
    "law-kinds",
)
TOPICS = [
    TopicData("mitosis", "Mitosis", (), "cells"),
    TopicData("meiosis", "Meiosis", (), "cells"),
    TopicData("binary fission", "Binary fission", (), "cells"),
    TopicData("apoptosis", "Apoptosis", (), "cells"),
    TopicData("equity", "Equity", (), "law"),
]
FOLDERS = {
    "bio-division": "Biology/Cells",
    "bio-death": "Biology/Cells",
    "law-courts": "Law",
    "law-kinds": "Law",
    "other-1": "History",
    "other-2": "Languages",
}
BIOLOGY_VALUES = {f.value for f in BIOLOGY}


def run(seed, facts=BIOLOGY + LAW, tables=(LAW_TABLE,), topics=TOPICS, folders=FOLDERS):
    return generate(facts, tables, topics, seed=seed, folders=folders)


def test_a_table_entity_without_a_topic_gets_no_option_from_another_subject():
    seen = 0
    for seed in SEEDS:
        questions = run(seed)
        for kind in (spec.CHOICE, spec.TRUEFALSE):
            for question in asked(questions, kind, "Civil law") + asked(
                questions, kind, "Criminal law"
            ):
                seen += 1
                shown = set(question.options) | {question.prompt.rsplit(": ", 1)[-1]}
                assert not shown & BIOLOGY_VALUES, question
    assert seen, "the law table's cells are asked"


def test_no_biology_option_is_offered_from_the_law_table():
    for seed in SEEDS:
        for question in run(seed):
            if question.kind not in (spec.CHOICE, spec.TRUEFALSE):
                continue
            if question.topic_key in {"mitosis", "meiosis", "binary fission", "apoptosis"}:
                shown = " ".join((*question.options, question.prompt))
                assert "Punishing" not in shown and "Settling" not in shown, question
                assert "Fairness" not in shown, question


def test_a_note_in_the_same_folder_and_topic_tree_still_gives_options():
    # Apoptosis is in another note of the same folder and top-level topic: a fair kin.
    offered = set()
    for seed in SEEDS:
        for question in asked(run(seed), spec.CHOICE, "Mitosis"):
            offered |= set(question.options)
    assert "Clearing out damaged cells" in offered


def test_a_heading_many_notes_share_gives_siblings_from_the_asked_note_only():
    # 'Treatment' merged into one topic from a history note and a language note: the
    # siblings under it are each note's own, never the other's.
    facts = [
        kv("h1", "Treatment", "Of prisoners", "Exchanged after the truce", "other-1"),
        kv("h2", "Treatment", "Of envoys", "Granted safe conduct", "other-1"),
        kv("h3", "Treatment", "Of rebels", "Pardoned by decree", "other-1"),
        kv("g1", "Treatment", "Of loanwords", "Spelled as in the source tongue", "other-2"),
        kv("g2", "Treatment", "Of dialect words", "Marked as regional", "other-2"),
    ]
    topics = [TopicData("treatment", "Treatment", (), "treatment")]
    history = {"Exchanged after the truce", "Granted safe conduct", "Pardoned by decree"}
    for seed in SEEDS:
        for question in run(seed, facts, (), topics):
            if question.kind not in (spec.CHOICE, spec.TRUEFALSE):
                continue
            shown = set(question.options) | {question.prompt.rsplit(": ", 1)[-1]}
            mine = {f.value for f in facts if f.key == question.fact_key}
            if mine & history:
                assert not shown - history - {"true", "false"} - mine & {f.value for f in facts}, (
                    question
                )
            else:
                assert not shown & history, question


def test_a_wrong_option_told_in_mostly_the_answers_words_is_not_offered():
    # a glossary of court procedure: the first value is the second told again
    facts = [
        kv(
            "c1",
            "Appeals",
            "Dismissal",
            "the higher court throws out the appeal as groundless",
            "law-courts",
        ),
        kv(
            "c2",
            "Appeals",
            "Summary rejection",
            "appeal thrown out by the higher court unheard",
            "law-courts",
        ),
        kv("c3", "Appeals", "Remittal", "the case goes back to the trial judge", "law-courts"),
        kv("c4", "Appeals", "Reversal", "the lower ruling is overturned", "law-courts"),
    ]
    from studyapp.quizzes.generate.values import overlapping

    assert overlapping(facts[0].value, facts[1].value)
    assert not overlapping(facts[0].value, facts[2].value)
    for seed in SEEDS:
        for question in run(seed, facts, (), [TopicData("appeals", "Appeals", (), "law")]):
            if question.kind == spec.CHOICE and question.fact_key in {"c1", "c2"}:
                assert not {facts[0].value, facts[1].value} <= set(question.options), question


def test_two_wrong_options_spelled_two_ways_are_one():
    from studyapp.quizzes.generate.values import overlapping

    # language notes: one gloss, typed twice with a slip
    assert overlapping("dative case, strong verbs", "dative case, stong verbs")
    assert overlapping("dative case, strong verbs", "dative case, stornG verbs")
    assert not overlapping("dative case, strong verbs", "dative case, weak verbs")
    # biology: one letter for another, or a prefix, is often another word
    assert not overlapping("lining of the ileum", "lining of the ilium")
    assert not overlapping("hyperthyroidism", "hypothyroidism")


# A question bank's note: one disease after another, each its own top-level topic, beside two
# notes of the same wide folder ('Pediatrics': every organ).
PEDIATRICS = [
    kv("p1", "Cyanide poisoning", "Treatment", "Hydroxocobalamin", "peds-pretest"),
    kv("p2", "Lead poisoning", "Treatment", "Succimer", "peds-pretest"),
    kv("p3", "Asthma", "Treatment", "Salbutamol", "peds-pretest"),
    kv("p4", "Croup", "Treatment", "Dexamethasone", "peds-pretest"),
    kv("p7", "Otitis media", "Treatment", "Amoxicillin", "peds-pretest"),
    kv("p8", "Kawasaki disease", "Treatment", "Immunoglobulin", "peds-pretest"),
    kv("p5", "Neonatal conjunctivitis", "Treatment", "Ceftriaxone", "peds-eyes"),
    kv("p6", "Pinworm", "Treatment", "Albendazole", "peds-infections"),
]
PEDIATRIC_TOPICS = [
    TopicData("cyanide poisoning", "Cyanide poisoning", (), "poisonings"),
    TopicData("lead poisoning", "Lead poisoning", (), "poisonings"),
    *(TopicData(f.topic_key, f.topic, (), f.topic_key) for f in PEDIATRICS[2:]),
]
PEDIATRIC_FOLDERS = {
    n: "Step 2/Pediatrics" for n in ("peds-pretest", "peds-eyes", "peds-infections")
}


def test_a_false_statement_swaps_in_a_value_of_its_own_top_level_topic_only():
    """A true/false statement is read alone: 'Cyanide poisoning — treatment: Salbutamol' (the
    asthma of the same question-bank note) is absurd, so never stated; the other poisoning is
    a fair swap. Choices still draw on the note, where the right answer stands beside them."""
    stated, offered = set(), set()
    for seed in range(24):
        made = generate(PEDIATRICS, (), PEDIATRIC_TOPICS, seed=seed, folders=PEDIATRIC_FOLDERS)
        for q in asked(made, spec.TRUEFALSE, "Cyanide poisoning"):
            stated.add(q.prompt.rsplit(": ", 1)[1])
        for q in asked(made, spec.CHOICE, "Cyanide poisoning"):
            offered.update(q.options)
    assert stated == {"Hydroxocobalamin", "Succimer"}
    assert {"Salbutamol", "Dexamethasone"} <= offered


def test_a_cells_false_statement_swaps_in_its_notes_tables_not_a_disease_beside_them():
    """A question bank's note with a table (its entities no topics) between diseases of their
    own: a cell's false statement swaps in another cell, never a disease's value."""
    skin = table(
        "t-skin",
        "Scabies vs Lice",
        {
            "Treatment": {"Scabies": "Permethrin", "Lice": "Malathion"},
            "Spread by": {"Scabies": "Skin contact", "Lice": "Shared combs"},
        },
        "peds-pretest",
    )
    stated = set()
    for seed in range(32):
        made = generate(PEDIATRICS, (skin,), PEDIATRIC_TOPICS, seed=seed, folders=PEDIATRIC_FOLDERS)
        stated.update(
            q.prompt.rsplit(": ", 1)[1]
            for q in asked(made, spec.TRUEFALSE, "Scabies")
            if "treatment" in q.prompt
        )
    assert stated == {"Permethrin", "Malathion"}


def _risks(key, topic, items, note) -> FactData:
    return FactData(
        key=key,
        kind="enumeration",
        topic_key=topic.lower(),
        topic=topic,
        subject="Risk factors",
        items=tuple(items),
        text=f"Risk factors: {', '.join(items)}",
        sources=cite(note),
    )


# Two areas that both list 'Risk factors': children's medicine and infections (stop 30's
# 'Child abuse — risks: which of these?' offered 'shingles').
RISKS = [
    _risks(
        "r1",
        "Child neglect",
        ["Parental substance use", "Social isolation", "Domestic violence"],
        "peds-a",
    ),
    _risks(
        "r2",
        "Sudden infant death",
        ["Prone sleeping", "Maternal smoking", "Soft bedding"],
        "peds-b",
    ),
    _risks("r3", "Shingles", ["Older age", "Weakened immunity", "Prior chickenpox"], "id-a"),
]
RISK_TOPICS = [
    TopicData("child neglect", "Child neglect", (), "pediatrics"),
    TopicData("sudden infant death", "Sudden infant death", (), "pediatrics"),
    TopicData("shingles", "Shingles", (), "infections"),
]
RISK_FOLDERS = {
    "peds-a": "Med/Pediatrics",
    "peds-b": "Med/Pediatrics",
    "id-a": "Med/Infections",
    "id-b": "Med/Infections",
}


def test_a_lists_wrong_options_come_from_the_same_area_lists_of_that_name():
    for seed in SEEDS:
        questions = generate(RISKS, (), RISK_TOPICS, seed=seed, folders=RISK_FOLDERS)
        multis = {q.fact_key: q for q in questions if q.kind == spec.MULTI}
        assert "r1" in multis  # another pediatric list gives its wrong options
        wrong = set(multis["r1"].options) - set(multis["r1"].answers)
        assert wrong and wrong <= set(RISKS[1].items), wrong
        # shingles's own area lists nothing else: no question rather than absurd options
        assert "r3" not in multis
