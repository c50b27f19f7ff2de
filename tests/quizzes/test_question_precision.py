"""Question precision (issue 10, third pass): junk a blind review of real notes still found,
each cause as a general mechanism on a snippet written for the test (history, chemistry,
medicine, law, programming)."""

from __future__ import annotations

from studyapp.quizzes import spec
from studyapp.quizzes.generate import FactData, generate
from tests.quizzes.builders import SEEDS, kv, questions, source, table

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


# Another field's line is no wrong option --------------------------------------------------------

DISEASES = ("Gout", "Psoriasis", "Lupus", "Rickets", "Scurvy", "Anaemia")


def disease_notes() -> list[FactData]:
    """Six diseases, each with its cause, signs and care on lines of their own: the attributes
    are fields of the notes."""
    rows = {
        "Gout": ("urate crystals", "hot swollen big toe", "colchicine"),
        "Psoriasis": ("overactive skin renewal", "silvery scaly plaques", "topical steroids"),
        "Lupus": ("autoantibodies", "malar rash", "hydroxychloroquine"),
        "Rickets": ("vitamin D lack", "bowed legs", "vitamin D and calcium"),
        "Scurvy": ("vitamin C lack", "bleeding gums", "citrus fruit"),
        "Anaemia": ("iron loss", "pale tired patient", "oral iron"),
    }
    facts = []
    for number, (name, (cause, signs, care)) in enumerate(rows.items()):
        note = "joints" if number < 3 else name.lower()  # two others' signs near Gout's
        for field, value in (("Cause", cause), ("Signs", signs), ("Care", care)):
            facts.append(kv(f"{name}-{field}", name, field, value, note=note))
    return facts


def test_a_fields_wrong_options_are_never_the_same_subjects_other_fields():
    # 'Gout — signs?' offered 'urate crystals' (its cause) or 'colchicine' (its care) reads as
    # a different type of thing: a drug among signs
    facts = disease_notes()
    own = {f.value for f in facts if f.topic == "Gout"}
    asked = questions(facts, kind=spec.CHOICE, fact_key="Gout-Signs")
    assert asked
    for q in asked:
        assert set(q.options) - set(q.answers) <= {"silvery scaly plaques", "malar rash"}
        assert not set(q.options) & own - {"hot swollen big toe"}


# A value many subjects share is no wrong option -----------------------------------------------------


def test_a_value_several_subjects_give_one_attribute_is_never_a_wrong_option():
    # three conditions heal with rest: 'rest' is as likely right for the sprain as for them
    care = {
        "Shin splints": "rest",
        "Tennis elbow": "Rest",
        "Stress fracture": "rest",
        "Sprain": "ice and compression",
        "Dislocation": "reduction under sedation",
        "Tendon rupture": "surgical repair",
        "Bursitis": "drainage of the bursa",
    }
    facts = [kv(name, name, "Treatment", value) for name, value in care.items()]
    wrong = {
        o
        for q in questions(facts, fact_key="Sprain")
        for o in (q.options or (q.prompt.rsplit(": ", 1)[1],))
        if o not in q.answers
    }
    assert wrong, "the rarer treatments are still offered"
    assert not {o.lower() for o in wrong} & {"rest"}


# A piece of a sentence is no option -----------------------------------------------------------


def enumeration(key, topic, subject, items, *, note="n") -> FactData:
    return FactData(
        key=key,
        kind="enumeration",
        topic_key=topic.lower(),
        topic=topic,
        subject=subject,
        items=tuple(items),
        text=f"{subject}: {', '.join(items)}",
        sources=source(note=note),
    )


def test_pieces_of_a_sentence_are_never_offered_as_list_options():
    # commas inside brackets or clauses cut a line into pieces that are no thing of their own
    facts = [
        enumeration("a", "Mumps", "Signs", ["fever", "parotid swelling", "orchitis"]),
        enumeration("b", "Measles", "Signs", ["cough", "Koplik spots", "rash (maculopapular"]),
        enumeration("c", "Rubella", "Signs", ["mild rash", "such as joint pain", "lymph nodes"]),
        enumeration("d", "Tetanus", "Signs", ["lockjaw", "spasm is painful", "none"]),
        enumeration("e", "Pertussis", "Signs", ["whoop", "apnoea", "vomiting after cough"]),
        enumeration("f", "Diphtheria", "Signs", ["grey membrane", "bull neck", "stridor"]),
    ]
    offered = {o for q in questions(facts, kind=spec.MULTI) for o in q.options}
    assert offered, "the lists of whole things are still asked"
    for piece in ("rash (maculopapular", "rash", "such as joint pain", "spasm is painful", "none"):
        assert piece not in offered


def test_a_part_several_other_lists_of_the_attribute_hold_is_no_non_member():
    # 'rest' is care for three of the others: likely for this one too
    care = {
        "Whiplash": ["rest", "neck collar"],
        "Sciatica": ["Rest", "physiotherapy"],
        "Lumbago": ["rest", "heat packs"],
        "Frozen shoulder": ["steroid injection", "stretching exercises"],
        "Carpal tunnel": ["wrist splint", "nerve release"],
    }
    facts = [
        enumeration(name, name, "Treatment", items, note="joints") for name, items in care.items()
    ]
    asked = questions(facts, kind=spec.MULTI, fact_key="Frozen shoulder")
    assert asked
    for q in asked:
        assert "rest" not in {o.lower() for o in q.options}


# Table questions that give themselves away or compare sentences ----------------------------------


def test_a_value_naming_its_own_entity_is_not_asked_which_entity_it_is():
    # 'Contract law' and 'Tort law' described in lines that say their own names
    laws = table(
        "laws",
        ["Contract law", "Tort law", "Criminal law"],
        {
            "Remedy": {
                "Contract law": "damages for breach of contract law duties",
                "Tort law": "compensation under tort law for harm",
                "Criminal law": "punishment by the state",
            },
            "Burden of proof": {
                "Contract law": "balance of probabilities",
                "Tort law": "more likely than not",
                "Criminal law": "beyond reasonable doubt",
            },
        },
    )
    asked = [q for seed in SEEDS for q in generate([], [laws], seed=seed)]
    assert any(q.kind == spec.MATCHING and "burden" in q.prompt for q in asked)
    for q in asked:
        if q.kind == spec.MATCHING:
            assert "remedy" not in q.prompt, q.items
        if q.kind == spec.CHOICE and q.prompt.startswith("Which of these has"):
            entity = q.answers[0].lower()
            assert entity not in q.prompt.lower(), q.prompt


def test_a_table_whose_entities_are_sentences_asks_nothing():
    # two bullet blocks paired by their first lines: these are no two things to tell apart
    blocks = table(
        "blocks",
        [
            "In the first year, students are taught the basics of the law",
            "Later years are when they choose their own options",
        ],
        {
            "Modules": {
                "In the first year, students are taught the basics of the law": "core modules",
                "Later years are when they choose their own options": "elective modules",
            },
        },
    )
    assert not [q for seed in SEEDS for q in generate([], [blocks], seed=seed)]


# Field labels are no terms -----------------------------------------------------------------------


def test_a_subjects_field_labels_are_not_matched_as_terms_to_its_lines():
    # 'Cause', 'Signs' and 'Care' under Gout are the labels of its lines: matching them asks
    # which line is which kind of thing, not what a term means
    facts = [
        FactData(
            key=f.key,
            kind="key_value",
            topic_key=f.topic_key,
            topic=f.topic,
            subject=f.attribute,
            attribute=f.attribute,
            value=f.value,
            text=f.text,
            sources=f.sources,
        )
        for f in disease_notes()
    ]
    terms = [
        kv(f"t{i}", "Gout", term, meaning, kind="definition")
        for i, (term, meaning) in enumerate(
            [
                ("Tophus", "a lump of urate under the skin"),
                ("Podagra", "gout of the big toe"),
                ("Hyperuricaemia", "too much urate in the blood"),
            ]
        )
    ]
    matched = [q for q in questions(facts + terms) if q.kind == spec.MATCHING]
    assert matched, "the real terms are still matched"
    for q in matched:
        assert not {"Cause", "Signs", "Care"} & set(q.items), q.items


def test_an_option_saying_only_the_asked_labels_words_is_never_offered():
    # 'ADH (antidiuretic hormone)?' asks which gland: 'Antidiuretic hormone' answers nothing
    facts = [
        kv("a", "Pituitary", "ADH (antidiuretic hormone)", "Posterior pituitary"),
        kv("b", "Pituitary", "GH (growth hormone)", "Anterior pituitary somatotrophs"),
        kv("c", "Pituitary", "Oxytocin", "Hypothalamic neurons"),
        kv("d", "Pituitary", "TSH", "Antidiuretic hormone"),
        kv("e", "Pituitary", "Melatonin", "Pineal gland"),
    ]
    asked = questions(facts, kind=spec.CHOICE, fact_key="a")
    assert asked
    for q in asked:
        assert "Antidiuretic hormone" not in q.options
