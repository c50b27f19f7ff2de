"""Question precision (fourth pass): junk and half-usable questions a blind review of real notes
found, each cause as a general mechanism on a snippet written for the test (history, law,
biology, language, programming)."""

from __future__ import annotations

from studyapp.quizzes import spec
from studyapp.quizzes.generate import (
    CellData,
    FactData,
    RowData,
    TableData,
    TopicData,
    generate,
)
from studyapp.quizzes.generate.quality import THRESHOLD, broken, given_away, unbalanced
from studyapp.quizzes.generate.values import overlapping
from tests.quizzes.builders import SEEDS, kv, questions, source, table

# A wrong option that is right too -------------------------------------------------------------


def test_a_wrong_option_that_without_its_aside_is_part_of_the_answer_is_never_offered():
    # 'High Court (Family Division)' is the High Court: right, against 'Crown Court or High Court'
    appeals = {
        "Magistrates court": "Crown Court or High Court",
        "Family court": "High Court (Family Division)",
        "Crown court": "Court of Appeal",
        "Court of Appeal": "Supreme Court",
        "Employment tribunal": "Employment Appeal Tribunal",
        "Colonial courts": "Privy Council",
    }
    facts = [kv(f"c{i}", c, "Appeals go to", v) for i, (c, v) in enumerate(appeals.items())]
    asked = questions(facts, kind=spec.CHOICE, fact_key="c0")
    assert asked
    assert all("High Court (Family Division)" not in q.options for q in asked)


def test_two_options_saying_two_of_three_words_alike_are_one_claim():
    # a finer and a coarser wording of one finding: both would be right
    assert overlapping("immune deposits on membrane", "subepithelial immune deposits widespread")
    assert overlapping("number of genes in genome", "number of genes per chromosome set")
    # one word for another is a contrast, not a repetition
    assert not overlapping("load register A", "load register B")
    assert not overlapping("immune deposits", "sclerosed glomeruli seen")


# Text cut in the wrong place -----------------------------------------------------------------


def test_a_bracket_left_open_or_closed_holds_a_question_back():
    assert unbalanced("Pancreatitis: Acute)")
    assert unbalanced("gallstones (see the section on biliary colic")
    assert unbalanced("4]$")
    assert not unbalanced("900s (15 min)")
    assert not unbalanced("f(g(x)) and [a, b]")
    cut = spec.QuestionSpec(
        key="k",
        kind=spec.SHORT,
        prompt="Gallstones · complications — pancreatitis (see topic here?",
        answers=("Acute)",),
        quality=0.85,
    )
    assert cut.quality - broken(cut) < THRESHOLD
    whole = spec.QuestionSpec(
        key="k", kind=spec.SHORT, prompt="Napoleon — exiled to?", answers=("Elba",)
    )
    assert broken(whole) == 0
    marker = spec.QuestionSpec(
        key="k",
        kind=spec.MULTI,
        prompt="Glycolysis vs Krebs cycle — which of these are true of Glycolysis?",
        options=("Location:: cytoplasm", "Location:: matrix", "Yield: 2 ATP"),
        answers=("Location:: cytoplasm", "Yield: 2 ATP"),
    )
    assert broken(marker) > 0
    code = spec.QuestionSpec(
        key="k", kind=spec.SHORT, prompt="C++ — growable array?", answers=("std::vector",)
    )
    assert broken(code) == 0


def test_a_table_whose_entities_lead_into_lists_is_not_asked():
    # 'Early signs of scurvy include' / 'Late signs of scurvy include': two lists' lead-ins
    lead_ins = table(
        "t1",
        ["Early signs of scurvy include", "Late signs of scurvy include"],
        {
            "Gums": {
                "Early signs of scurvy include": "swollen",
                "Late signs of scurvy include": "bleeding",
            },
            "Skin": {
                "Early signs of scurvy include": "rough",
                "Late signs of scurvy include": "bruised",
            },
            "Mood": {
                "Early signs of scurvy include": "irritable",
                "Late signs of scurvy include": "depressed",
            },
        },
    )
    assert questions([], [lead_ins]) == []
    named = table(
        "t2",
        ["Scurvy", "Rickets"],
        {
            "Cause": {"Scurvy": "vitamin C lack", "Rickets": "vitamin D lack"},
            "Sign": {"Scurvy": "bleeding gums", "Rickets": "bowed legs"},
        },
    )
    assert questions([], [named])


# Not facts to quiz ----------------------------------------------------------------------------


def test_a_memory_aid_is_neither_asked_nor_offered():
    aids = [
        kv("m1", "Tudor monarchs", "Mnemonic", "Henry eats eggs, mostly eggs"),
        kv("m2", "Stuart monarchs", "Mnemonic", "James chases children, jolly monkeys"),
        kv("m3", "Hanoverian kings", "Mnemonic", "George gets good gravy"),
        kv("m4", "Plantagenets", "Mnemonic", "Henry rides jolly horses"),
    ]
    assert questions(aids) == []
    rhymes = table(
        "t3",
        ["First conjugation", "Second conjugation", "Third conjugation"],
        {
            "Mnemonic": {
                "First conjugation": "all are able",
                "Second conjugation": "every eager owl",
                "Third conjugation": "in it goes",
            },
            "Stem vowel": {
                "First conjugation": "long a",
                "Second conjugation": "long e",
                "Third conjugation": "short e or none",
            },
            "Model verb": {
                "First conjugation": "amare",
                "Second conjugation": "monere",
                "Third conjugation": "regere",
            },
        },
    )
    asked = questions([], [rhymes])
    assert asked
    assert all("mnemonic" not in q.prompt.lower() for q in asked)


def test_a_label_with_a_bracketed_aside_is_not_asked_for_the_bracket():
    # 'Jean Piaget (1896)' dates a person; 'SORT(42)' is a call's argument
    facts = [
        kv("p", "Child development", "Jean Piaget", "1896", text="Jean Piaget (1896)"),
        kv("v", "Child development", "Lev Vygotsky", "1934", text="Lev Vygotsky (1934)."),
        kv("s", "Heaps", "SORT", "42", text="SORT(42)"),
        kv("b", "Battle of Waterloo", "Year", "1815"),
        kv("t", "Treaty of Paris", "Year", "1783"),
        kv("w", "Battle of Trafalgar", "Year", "1805"),
        kv("x", "Congress of Vienna", "Year", "1814"),
    ]
    asked = {q.fact_key for q in questions(facts)}
    assert not asked & {"p", "v", "s"}
    assert "b" in asked


def test_a_years_wrong_options_are_years():
    facts = [
        kv("w", "Battle of Waterloo", "Year", "1815"),
        kv("a", "Port numbers", "Year", "4321"),
        kv("b", "Ticket office", "Year", "3925"),
        kv("c", "Treaty of Paris", "Year", "1783"),
        kv("d", "Battle of Trafalgar", "Year", "1805"),
        kv("e", "Congress of Vienna", "Year", "1814"),
    ]
    asked = questions(facts, kind=spec.CHOICE, fact_key="w")
    assert asked
    for q in asked:
        assert all(1000 <= int(o) <= 2100 for o in q.options)


# A prompt that does not say which thing it asks ----------------------------------------------


def test_a_prompt_that_leaves_out_the_subheading_telling_two_values_apart_is_not_asked():
    # the first kind's subheading is a sentence the prompt cannot show: 'Vaccines — doses?'
    # would not say which kind, while the other kind needs three
    long_kind = "Live attenuated kind such as measles, mumps and rubella given in early childhood"
    facts = [
        kv("live", "Vaccines", "Doses", "2", subheading=long_kind),
        kv("dead", "Vaccines", "Doses", "3", subheading="Inactivated"),
        kv("flu", "Flu shots", "Doses", "1"),
        kv("hep", "Hepatitis B shots", "Doses", "4"),
    ]
    assert not questions(facts, fact_key="live")
    assert questions(facts, fact_key="dead")


def test_two_values_asked_in_the_same_words_are_not_typed_answers():
    # 'Tetanus — treatment?' has two right answers to type; a choice leaves the other out
    facts = [
        kv("a", "Tetanus", "Treatment", "Metronidazole"),
        kv("b", "Tetanus", "Treatment", "Immunoglobulin"),
        kv("c", "Botulism", "Treatment", "Antitoxin"),
        kv("d", "Rabies", "Treatment", "Vaccination"),
        kv("e", "Diphtheria", "Treatment", "Erythromycin"),
    ]
    typed = questions(facts, kind=spec.SHORT)
    assert not {q.fact_key for q in typed} & {"a", "b"}
    assert {q.fact_key for q in typed} & {"c", "d", "e"}
    choices = questions(facts, kind=spec.CHOICE, fact_key="a")
    assert choices and all("Immunoglobulin" not in q.options for q in choices)


# Given away -----------------------------------------------------------------------------------


def test_the_one_right_option_repeating_its_subjects_word_is_given_away():
    echo = spec.QuestionSpec(
        key="k",
        kind=spec.CHOICE,
        prompt="Strong verbs — past tense?",
        options=("a vowel change in stronger forms", "adds -te", "adds -ed", "no change"),
        answers=("a vowel change in stronger forms",),
        quality=0.9,
    )
    assert echo.quality - given_away(echo) < THRESHOLD
    fair = spec.QuestionSpec(
        key="k",
        kind=spec.CHOICE,
        prompt="Strong verbs — past tense?",
        options=("a vowel change", "adds -te to strong forms", "adds -ed", "no change"),
        answers=("a vowel change",),
        quality=0.9,
    )
    assert given_away(fair) == 0
    plural = spec.QuestionSpec(
        key="k",
        kind=spec.CHOICE,
        prompt="Compiler · concepts — phases?",
        options=(
            "describes the phase of the build",
            "paths of files to cache",
            "variables set for a run",
        ),
        answers=("describes the phase of the build",),
        quality=0.9,
    )
    assert given_away(plural) > 0
    short_word = spec.QuestionSpec(
        key="k",
        kind=spec.CHOICE,
        prompt="High Court — hears?",
        options=("high-value civil claims", "minor crimes", "serious crimes"),
        answers=("high-value civil claims",),
        quality=0.9,
    )
    assert given_away(short_word) == 0  # 'high' is too short a word to tell


def test_the_asked_subject_is_never_its_own_wrong_option():
    # 'Crown court — appeals go to?' offering 'Crown Court'
    appeals = {
        "Crown Court": "Court of Appeal (Criminal Division)",
        "Magistrates Court": "Crown Court",
        "County Court": "High Court",
        "High Court": "Supreme Court",
        "Tribunal": "Upper Tribunal",
    }
    facts = [kv(f"c{i}", c, "Appeals go to", v) for i, (c, v) in enumerate(appeals.items())]
    topics = [TopicData(c.lower(), c) for c in appeals]
    asked = [
        q
        for seed in SEEDS
        for q in generate(facts, topics=topics, seed=seed)
        if q.kind == spec.CHOICE and q.fact_key == "c0"
    ]
    assert asked
    assert all("Crown Court" not in q.options for q in asked)


def test_a_value_opening_with_its_own_label_again_is_not_asked():
    # a property written twice: 'products: products:: glucose and oxygen'
    facts = [
        kv("p", "Photosynthesis", "Products", "products:: glucose and oxygen"),
        kv("r", "Respiration", "Products", "carbon dioxide and water"),
        kv("f", "Fermentation", "Products", "ethanol and carbon dioxide"),
    ]
    assert not questions(facts, fact_key="p")


def test_a_value_listing_only_its_own_sub_lines_labels_is_neither_asked_nor_offered():
    # '- functions' over '- filtration: …' and '- hormones: …' read as 'Functions: filtration,
    # hormones': the headings of what the note says
    facts = [
        kv("k", "Kidney", "Functions", "filtration, hormones"),
        kv("kf", "Kidney", "Filtration", "removes urea from the blood", subheading="Functions"),
        kv("kh", "Kidney", "Hormones", "makes renin and erythropoietin", subheading="Functions"),
        kv("l", "Liver", "Functions", "bile, detoxification, storage of glycogen"),
        kv("h", "Heart", "Functions", "pumps blood around the body"),
        kv("s", "Spleen", "Functions", "filters old red cells"),
        kv("p", "Pancreas", "Functions", "insulin and digestive enzymes"),
    ]
    asked = questions(facts)
    assert not [q for q in asked if q.fact_key == "k"]
    assert all("filtration, hormones" not in q.options for q in asked)
    assert all("filtration, hormones" not in q.prompt for q in asked)
    organs = table(
        "t4",
        ["Kidney", "Liver"],
        {
            "Functions": {"Kidney": "filtration, hormones", "Liver": "bile and detoxification"},
            "Weight": {"Kidney": "150 g", "Liver": "1.5 kg"},
            "Position": {"Kidney": "retroperitoneal", "Liver": "right upper quadrant"},
        },
    )
    topics = [TopicData(f.topic_key, f.topic) for f in facts]
    cell_questions = [q for seed in SEEDS for q in generate(facts, [organs], topics, seed=seed)]
    assert cell_questions
    for q in cell_questions:
        shown = " ".join((q.prompt, *q.options, *q.items, *q.answers))
        assert "filtration, hormones" not in shown


# Headings that are no subject -----------------------------------------------------------------


def test_a_files_order_number_is_not_shown_as_part_of_the_subject():
    from studyapp.text.prompts import unnumbered

    assert unnumbered("08 Vaccines › Tetanus") == "Vaccines › Tetanus"
    assert unnumbered("01 Revolutions › Revolutions") == "Revolutions"
    assert unnumbered("Cell division › Mitosis") == "Cell division › Mitosis"
    assert unnumbered("1984 (novel)") == "1984 (novel)"  # a year names it
    fact = kv("t", "Tetanus", "Incubation", "3 to 21 days")
    numbered = FactData(**{**fact.__dict__, "shown": "08 Vaccines › Tetanus"})
    assert numbered.placed == "Vaccines › Tetanus"


def test_the_notes_own_title_is_no_entity_beside_its_sections():
    # 'Upper airway.md' opens with lines on itself, then 'Croup' and 'Epiglottitis': the title
    # is their heading, not a third disease
    note = "notes-05-upper-airway"

    def cells(values):
        return {e: (CellData(v, source(i, note)),) for i, (e, v) in enumerate(values.items(), 1)}

    airway = TableData(
        key="t5",
        title="Upper airway vs Croup vs Epiglottitis",
        entities=("Upper airway", "Croup", "Epiglottitis"),
        rows=(
            RowData(
                "Cause",
                cells(
                    {
                        "Upper airway": "foreign body",
                        "Croup": "parainfluenza",
                        "Epiglottitis": "H. influenzae b",
                    }
                ),
                attribute="Cause",
            ),
            RowData(
                "Sign",
                cells(
                    {
                        "Upper airway": "sudden choking",
                        "Croup": "barking cough",
                        "Epiglottitis": "drooling, tripod position",
                    }
                ),
                attribute="Sign",
            ),
        ),
    )
    asked = questions([], [airway])
    assert asked
    for q in asked:
        assert "Upper airway" not in (*q.options, *q.answers, q.prompt)


def test_a_table_whose_entities_are_fields_is_read_the_wrong_way_round():
    # columns 'Cause', 'Signs', 'Care' and a disease per row: "which of these has …" would offer
    # fields for a disease
    facts = [
        kv(f"{d}-{f}", d, f, v)
        for d in ("Gout", "Lupus", "Scurvy", "Rickets", "Anaemia")
        for f, v in (("Cause", f"{d} cause"), ("Signs", f"{d} signs"), ("Care", f"{d} care"))
    ]
    sideways = table(
        "t6",
        ["Cause", "Signs", "Care"],
        {
            "Psoriasis": {
                "Cause": "fast skin turnover",
                "Signs": "scaly plaques",
                "Care": "steroid cream",
            },
            "Eczema": {"Cause": "barrier defect", "Signs": "itchy flexures", "Care": "emollients"},
        },
    )
    topics = [TopicData(f.topic_key, f.topic) for f in facts]
    asked = [q for q in generate(facts, [sideways], topics, seed=1) if q.fact_key == ""]
    assert asked == []


def test_the_givens_of_a_case_are_held_back():
    # '- if' over '- queue length: 40' and '- arrival rate: 5 per second': one case's givens
    from studyapp.quizzes.generate import _premise

    assert _premise("Queues · if")
    assert _premise("Queues › Little's law · suppose two servers")
    assert not _premise("Queues · limits")
    assert not _premise("Queues · when to use")
    facts = [
        kv("q", "Queues", "Queue length", "40", subheading="if"),
        kv("l", "Stacks", "Queue length", "12"),
        kv("m", "Heaps", "Queue length", "64"),
        kv("n", "Deques", "Queue length", "25"),
    ]
    asked = questions(facts, fact_key="q")
    assert asked and all(q.quality < THRESHOLD for q in asked)


def test_a_meaning_that_is_another_term_is_not_matched():
    # 'On success: s' beside the parameter 's': the option would be its own term
    facts = [
        FactData(
            key=k,
            kind="definition",
            topic_key="strtok",
            topic="strtok",
            subject=t,
            attribute=t,
            value=m,
            text=f"{t}: {m}",
            sources=source(),
        )
        for k, t, m in (
            ("a", "str", "the string to split on the first call"),
            ("b", "delim", "the characters that separate tokens"),
            ("c", "On success", "str"),
            ("d", "On failure", "NULL when no token is left"),
        )
    ]
    matchings = questions(facts, kind=spec.MATCHING)
    assert matchings
    assert all("On success" not in q.items for q in matchings)


def test_a_row_matching_with_two_items_saying_one_thing_is_not_asked():
    # 'clinical' and 'clinically': either disease takes either item
    tremors = table(
        "t7",
        ["Essential tremor", "Chorea", "Restless legs"],
        {
            "Diagnosis": {
                "Essential tremor": "clinical",
                "Chorea": "clinically",
                "Restless legs": "urge to move, worse at night",
            },
            "Care": {
                "Essential tremor": "propranolol",
                "Chorea": "tetrabenazine",
                "Restless legs": "iron and dopamine agonists",
            },
        },
    )
    matchings = [q for q in questions([], [tremors], kind=spec.MATCHING)]
    assert matchings
    assert all("clinical" not in q.items for q in matchings)


def test_a_quoted_nickname_is_no_wrong_option():
    causes = {
        "Vitiligo": "autoimmune",
        "Amblyopia": '"lazy eye"',
        "Albinism": "missing melanin enzyme",
        "Melasma": "hormonal pigment excess",
        "Freckles": "sun exposure",
    }
    facts = [kv(f"s{i}", d, "Cause", v) for i, (d, v) in enumerate(causes.items())]
    asked = questions(facts, kind=spec.CHOICE)
    assert asked
    assert all('"lazy eye"' not in set(q.options) - set(q.answers) for q in asked)


def test_opposites_and_reordered_formulas_are_not_interchangeable_items():
    from studyapp.quizzes.generate.table_bank import _interchangeable

    assert _interchangeable(["wheezing, dyspnea", "wheezing, dypnea", "fever"])
    assert not _interchangeable(["connectionless", "connection-oriented"])
    assert not _interchangeable(["claimant v defendant", "prosecution v defendant"])
    assert not _interchangeable(["A + B → AB", "AB → A + B"])


def enumeration(key, topic, subject, items) -> FactData:
    return FactData(
        key=key,
        kind="enumeration",
        topic_key=topic.lower(),
        topic=topic,
        subject=subject,
        items=tuple(items),
        text=f"{subject}: {', '.join(items)}",
        sources=source(),
    )


def test_a_list_holding_a_bare_count_or_a_letter_is_no_set_of_members():
    # 'Offspring: 2, genetically identical, diploid' describes; 'increased G and M' cut to 'M'
    facts = [
        enumeration("b", "Binary fission", "Offspring", ["2", "genetically identical", "small"]),
        enumeration("i", "Immune deficiency", "Antibodies", ["low IgA", "increased G", "M"]),
        enumeration("m", "Meiosis", "Offspring", ["four cells", "haploid", "varied"]),
        enumeration("f", "Fertilisation", "Offspring", ["one zygote", "diploid", "unique"]),
        enumeration(
            "s", "Spore forming", "Offspring", ["many spores", "haploid cells", "tough coats"]
        ),
        enumeration("g", "Graft rejection", "Antibodies", ["donor HLA", "high IgG", "complement"]),
    ]
    multis = {q.fact_key for q in questions(facts, kind=spec.MULTI)}
    assert not multis & {"b", "i"}


def test_terms_gathered_from_three_headings_are_held_back():
    def term(key, t, meaning, heading):
        return FactData(
            key=key,
            kind="definition",
            topic_key="rome",
            topic="Rome",
            subheading=heading,
            subject=t,
            attribute=t,
            value=meaning,
            text=f"{t}: {meaning}",
            sources=source(),
        )

    scattered = [
        term("a", "Consul", "one of two annual chief magistrates", "Offices"),
        term("b", "Forum", "the public square at the city's centre", "Places"),
        term("c", "Denarius", "the standard silver coin", "Money"),
    ]
    one_heading = [
        term("d", "Consul", "one of two annual chief magistrates", "Offices"),
        term("e", "Praetor", "a magistrate who ran the courts", "Offices"),
        term("f", "Censor", "kept the list of citizens and their property", "Offices"),
    ]
    assert all(q.quality < THRESHOLD for q in questions(scattered, kind=spec.MATCHING))
    assert questions(scattered, kind=spec.MATCHING)
    assert all(q.quality >= THRESHOLD for q in questions(one_heading, kind=spec.MATCHING))


def test_a_false_statement_is_never_another_subjects_long_sentence():
    signs = {
        "Croup": "barking cough",
        "Epiglottitis": "drooling and tripod position",
        "Bronchiolitis": "the infant is wheezy and feeds poorly for several days after a cold",
        "Pertussis": "whooping after coughing fits",
        "Asthma": "wheeze on expiration",
    }
    facts = [kv(f"s{i}", d, "Signs", v) for i, (d, v) in enumerate(signs.items())]
    false = [q for q in questions(facts, kind=spec.TRUEFALSE) if q.answers == ("false",)]
    assert false
    assert all("feeds poorly" not in q.prompt for q in false)


def test_a_wrong_option_holding_one_of_the_answers_listed_parts_is_never_offered():
    signs = {
        "Disc herniation": "sciatica, shooting leg pain, positive straight leg raise",
        "Osteophyte": "asymmetric, unilateral, sciatica",
        "Stenosis": "pain on walking, relieved by sitting",
        "Fracture": "point tenderness, step deformity",
        "Strain": "diffuse ache, muscle spasm",
    }
    facts = [kv(f"s{i}", d, "Signs", v) for i, (d, v) in enumerate(signs.items())]
    asked = questions(facts, kind=spec.CHOICE, fact_key="s0")
    assert asked
    assert all("asymmetric, unilateral, sciatica" not in q.options for q in asked)


def test_an_acronym_spelt_out_in_passing_is_held_back():
    # the definition is read off a sentence about something else, cited at the same line
    def fact(key, kind, text, line, term="", meaning=""):
        return FactData(
            key=key,
            kind=kind,
            topic_key="trade",
            topic="Trade",
            subject=term,
            attribute=term,
            value=meaning,
            text=text,
            sources=source(line),
        )

    facts = [
        fact(
            "s",
            "statement",
            "Disputes over tariffs go to the World Trade Organization (WTO) for a ruling",
            1,
        ),
        fact(
            "p", "definition", "WTO: World Trade Organization", 1, "WTO", "World Trade Organization"
        ),
        fact(
            "g",
            "statement",
            "Gross Domestic Product (GDP) — the value of all goods and services made in a year",
            2,
        ),
        fact("o", "definition", "GDP: Gross Domestic Product", 2, "GDP", "Gross Domestic Product"),
    ]
    shorts = {q.fact_key: q for q in questions(facts, kind=spec.SHORT)}
    assert shorts["p"].quality < THRESHOLD
    assert shorts["o"].quality >= THRESHOLD


def test_a_list_saying_there_are_many_more_gives_no_multiple_select():
    facts = [
        enumeration("o", "Triple Entente", "Members", ["Britain", "France", "Russia", "many more"]),
        enumeration("c", "Central Powers", "Members", ["Germany", "Austria-Hungary", "Bulgaria"]),
        enumeration("x", "Axis", "Members", ["Germany", "Italy", "Japan"]),
        enumeration("a", "Allies", "Members", ["Britain", "USA", "Soviet Union"]),
    ]
    assert not questions(facts, kind=spec.MULTI, fact_key="o")
    assert questions(facts, kind=spec.MULTI)


def test_no_true_of_question_when_one_entity_is_a_kind_of_the_other():
    # 'Republic — form: a kind of state': what is true of a state may be true of the republic
    kinds = table(
        "t8",
        ["State", "Republic"],
        {
            "Form": {"State": "a people under one government", "Republic": "a kind of state"},
            "Head": {"State": "a sovereign body", "Republic": "an elected president"},
            "Power": {"State": "law making", "Republic": "held by citizens"},
        },
    )
    assert not [q for q in questions([], [kinds], kind=spec.MULTI) if "true of" in q.prompt]
    apart = table(
        "t9",
        ["Monarchy", "Republic"],
        {
            "Form": {"Monarchy": "rule by one family", "Republic": "rule by elected officials"},
            "Head": {"Monarchy": "a hereditary king", "Republic": "an elected president"},
            "Power": {"Monarchy": "inherited", "Republic": "held by citizens"},
        },
    )
    assert [q for q in questions([], [apart], kind=spec.MULTI) if "true of" in q.prompt]


def test_a_label_framing_its_line_is_not_asked():
    facts = [
        kv("s", "Shift instructions", "Says", "the amount comes from a register"),
        kv("i", "Recursion", "Intuitively", "a problem solved by smaller copies of itself"),
        kv("b", "Bit shifts", "Amount", "five bits"),
        kv("r", "Rotations", "Amount", "any number of bits"),
        kv("m", "Masks", "Amount", "one byte"),
    ]
    asked = {q.fact_key for q in questions(facts)}
    assert not asked & {"s", "i"}
    assert "b" in asked


def test_a_label_naming_an_example_programs_variable_is_not_asked():
    facts = [
        kv("w", "Strings", "Size of weekday", "10", text="Size of `weekday` is 10"),
        kv("f", "fgets", "On failure", "NULL", text="On failure: `NULL`"),
        kv("m", "malloc", "On failure", "a null pointer", text="On failure: a null pointer"),
        kv("o", "fopen", "On failure", "sets errno", text="On failure: sets errno"),
    ]
    asked = {q.fact_key for q in questions(facts)}
    assert "w" not in asked
    assert "f" in asked


def test_a_bare_level_word_is_no_short_answer():
    facts = [
        kv("h", "Anaemia types", "Haemolytic crisis", "High"),
        kv("a", "Anaemia types", "Aplastic crisis", "Low"),
        kv("c", "Anaemia types", "Chronic disease", "Normal"),
        kv("f", "Anaemia types", "Folate deficiency", "Macrocytic"),
    ]
    shorts = {q.fact_key for q in questions(facts, kind=spec.SHORT)}
    assert not shorts & {"h", "a", "c"}
    assert "f" in shorts


def test_a_meaning_contained_in_another_is_not_matched_beside_it():
    def term(key, t, meaning):
        return FactData(
            key=key,
            kind="definition",
            topic_key="training",
            topic="Training",
            subheading="Hyperparameters",
            subject=t,
            attribute=t,
            value=meaning,
            text=f"{t}: {meaning}",
            sources=source(),
        )

    facts = [
        term("d", "dropout", "prevents overfitting"),
        term("l", "learning rate", "step size of each update, prevents overfitting"),
        term("b", "batch size", "examples per gradient step"),
        term("e", "epochs", "passes over the whole training set"),
    ]
    for q in questions(facts, kind=spec.MATCHING):
        assert not {"dropout", "learning rate"} <= set(q.items)
