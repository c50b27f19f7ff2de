"""Question precision (eighth pass): one right answer and plausible wrong ones. Shapes a blind
review of real notes marked junk (a false statement that may be true, an answer its label gives
away, an option of another kind than the answer), each as a general mechanism on a snippet
written for the test, in several subjects."""

from __future__ import annotations

from dataclasses import replace

from studyapp.quizzes import spec
from studyapp.quizzes.generate.quality import THRESHOLD, given_away
from studyapp.text.prompts import personal_label
from tests.quizzes.builders import kv, questions, table

# --------------------------------------------------------------------------------------------
# A field's false statement names terms: never an absence, never a description


def _birds():
    # 'Diet' is a field: six species state it, and diets overlap between species
    return [
        kv("b1", "Robin", "Diet", "worms, insects"),
        kv("b2", "Osprey", "Diet", "fish"),
        kv("b3", "Kestrel", "Diet", "voles, mice"),
        kv("b4", "Swift", "Diet", "no fixed diet"),
        kv("b5", "Parrot", "Diet", "feeds mostly on fruit found high in the canopy"),
        kv("b6", "Finch", "Diet", "seeds"),
        kv("b7", "Heron", "Diet", "frogs, fish"),
    ]


def _false_values(facts, fact_key):
    found = questions(facts, kind=spec.TRUEFALSE, fact_key=fact_key, seeds=range(24))
    return {q.prompt.rsplit(": ", 1)[-1] for q in found if q.answers == ("false",)}


def test_a_fields_false_statement_never_borrows_an_absence_or_a_description():
    facts = _birds()
    swapped = set().union(*(_false_values(facts, f.key) for f in facts if f.key != "b4"))
    assert swapped  # terms are still swapped in: 'Robin — diet: voles, mice' is surely false
    assert "no fixed diet" not in swapped
    assert not any("canopy" in value for value in swapped)


def test_outside_a_field_a_value_saying_none_may_still_be_swapped():
    # 'Ordering' is said of two protocols only: 'no ordering' for TCP is a fair false statement
    facts = [
        kv("t1", "TCP", "Ordering", "in order"),
        kv("u1", "UDP", "Ordering", "no ordering"),
    ]
    assert "no ordering" in _false_values(facts, "t1")


# --------------------------------------------------------------------------------------------
# An answer its own label gives away


def _choice(facts, fact_key):
    found = questions(facts, kind=spec.CHOICE, fact_key=fact_key, seeds=[0])
    assert found
    return found[0]


def test_a_right_option_alone_saying_a_telling_word_of_its_label_is_held_back():
    # the label's word 'Markdown' is in the right option only: no need to know the class
    facts = [
        kv("r1", "Report library", "MarkdownRenderer", "turns Markdown text into HTML pages"),
        kv("r2", "Report library", "CsvLoader", "reads comma-separated rows into records"),
        kv("r3", "Report library", "ImageScaler", "resizes pictures to a given width"),
        kv("r4", "Report library", "ArchiveWriter", "packs the output folder into one zip file"),
    ]
    assert _choice(facts, "r1").quality < THRESHOLD


def test_a_right_option_spelling_the_asked_acronym_is_held_back():
    facts = [
        kv(
            "h1",
            "Treaties",
            "ECHR",
            "European Convention on Human Rights, a treaty of member states",
        ),
        kv("h2", "Treaties", "Margin of appreciation", "room left to states to judge"),
        kv("h3", "Treaties", "Derogation", "suspending some duties in an emergency"),
        kv("h4", "Treaties", "Proportionality", "a measure no harsher than needed"),
    ]
    assert _choice(facts, "h1").quality < THRESHOLD


def test_a_label_word_that_a_wrong_option_says_too_gives_nothing_away():
    facts = [
        kv("c1", "Cell organelles", "Nucleus", "stores the genome of the cell"),
        kv("c2", "Cell organelles", "Ribosome", "builds proteins from the genome's messages"),
        kv("c3", "Cell organelles", "Lysosome", "digests worn-out parts of the cell"),
        kv("c4", "Cell organelles", "Vacuole", "stores water and keeps the cell firm"),
    ]
    assert _choice(facts, "c1").quality >= THRESHOLD


# --------------------------------------------------------------------------------------------
# Options of one kind


def test_a_term_matching_takes_no_memory_aid_and_no_bare_yes_or_no():
    facts = [
        kv("m1", "Planets", "Mnemonic", "My Very Easy Method Just Speeds Up Naming"),
        kv("m2", "Planets", "Mercury", "the planet closest to the Sun"),
        kv("m3", "Planets", "Jupiter", "the largest planet, a gas giant"),
        kv("m4", "Planets", "Mars", "the red planet, with two small moons"),
        kv("m5", "Planets", "Has rings", "yes"),
    ]
    facts = [replace(f, subject=f.attribute) for f in facts]
    (matching,) = questions(facts, kind=spec.MATCHING, seeds=[0])
    assert set(matching.items) == {"Mercury", "Jupiter", "Mars"}


def test_a_qualified_yes_or_no_is_no_wrong_option_for_a_phrase():
    facts = [
        kv("v1", "Volcanoes", "Erupts explosively", "no, the lava flows out gently"),
        kv("v2", "Volcanoes", "Shape", "broad and gently sloping"),
        kv("v3", "Volcanoes", "Lava", "runny basalt that travels far"),
        kv("v4", "Volcanoes", "Found", "over hot spots in the ocean floor"),
    ]
    for fact_key in ("v2", "v3", "v4"):
        found = questions(facts, kind=spec.CHOICE, fact_key=fact_key)
        assert all("no, the lava flows out gently" not in q.options for q in found)


def test_a_range_of_years_gets_ranges_of_years():
    facts = [
        kv("k1", "James I", "Reign", "1603 – 1625"),
        kv("k2", "Charles I", "Reign", "1625 – 1649"),
        kv("k3", "Charles II", "Reign", "1660 – 1685"),
        kv("k4", "James II", "Reign", "1685 – 1688"),
        kv("x1", "Childhood", "Schooling age", "5 – 16"),
        kv("x2", "Childhood", "Nursery age", "0 – 4"),
    ]
    found = questions(facts, kind=spec.CHOICE, fact_key="k1")
    assert found
    for question in found:
        assert all(o.startswith("16") for o in question.options), question.options


def test_a_list_of_phrases_gets_no_name_among_its_non_members():
    # a database's name is no use case: another kind of thing than the members
    facts = [
        kv("u1", "Decision trees", "Use cases", "Credit scoring, Churn prediction, Triage"),
        kv("u2", "Clustering", "Use cases", "Customer segmentation, Anomaly detection"),
        kv("u3", "Key-value stores", "Use cases", "Redis, Cassandra"),
        kv("u4", "Decision trees", "Training", "greedy splits on impurity"),
    ]
    facts = [replace(f, kind="enumeration", items=tuple(f.value.split(", "))) for f in facts]
    facts = [replace(f, subject=f.attribute) for f in facts]
    multis = questions(facts, kind=spec.MULTI, fact_key="u1")
    assert multis
    for question in multis:
        assert not {"Redis", "Cassandra"} & set(question.options)


def test_a_row_of_a_table_stays_asked():
    # the comparison's own questions are untouched by these rules
    rows = {"Cell wall": {"Plant cell": "cellulose", "Animal cell": "none"}}
    cells = table("p1", ["Plant cell", "Animal cell"], rows)
    assert questions([], [cells])


def test_a_count_that_names_its_noun_is_shown_with_it_against_counts_of_that_noun():
    # '4-6 weeks' shown as a bare '4 – 6' among scores' '3 – 7' says neither what nor which
    facts = [
        kv("d1", "Cast for a wrist fracture", "Duration", "4-6 weeks"),
        kv("d2", "Cast for an ankle fracture", "Duration", "6-8 weeks"),
        kv("d3", "Sling for a collarbone", "Duration", "2-3 weeks"),
        kv("s1", "Glasgow scale", "Range", "3-15"),
        kv("s2", "Apgar scale", "Range", "0-10"),
    ]
    found = questions(facts, kind=spec.CHOICE, fact_key="d1")
    assert found
    for question in found:
        assert question.answers == ("4 – 6 weeks",)
        assert all(o.endswith(" weeks") for o in question.options), question.options


def test_a_list_part_holding_a_sentence_end_is_no_member():
    # 'mostly sunlight. If cloudy': a comma cut the next sentence, no member of the list
    facts = [
        kv("e1", "Energy sources", "Inputs", "wind, mostly sunlight. If cloudy, stored heat"),
        kv("e2", "Energy sources", "Outputs", "Electricity, Hot water"),
        kv("e3", "Energy sources", "Storage", "Batteries, Flywheels"),
    ]
    facts = [replace(f, subject=f.attribute) for f in facts]
    for question in questions(facts, kind=spec.MULTI):
        assert not any(". If" in o for o in question.options)


def test_a_list_led_in_as_some_of_a_set_is_never_asked_which_of_these():
    # 'include' names some: another plant's pest may attack this one too
    facts = [
        kv("g1", "Tomato", "Pests include", "Aphids, Whitefly, Hornworm"),
        kv("g2", "Tomato", "Diseases", "Blight, Wilt"),
        kv("g3", "Tomato", "Companions", "Basil, Marigold"),
        kv("g4", "Cabbage", "Pests include", "Cabbage white, Slugs, Flea beetle"),
    ]
    facts = [replace(f, subject=f.attribute) for f in facts]
    assert not questions(facts, kind=spec.MULTI, fact_key="g1")


def test_an_equation_and_a_phrase_are_no_options_for_each_other():
    # 'oxidation, rusting' among equations is another kind of value, and may name them
    facts = [
        kv("q1", "Exothermic", "Examples", "oxidation, rusting, freezing"),
        kv("q2", "Synthesis", "Examples", "N2 + 3H2 → 2NH3"),
        kv("q3", "Decomposition", "Examples", "2H2O2 → 2H2O + O2"),
        kv("q4", "Displacement", "Examples", "Fe + CuSO4 → FeSO4 + Cu"),
        kv("q5", "Endothermic", "Examples", "melting, evaporation, photosynthesis"),
    ]
    for question in questions(facts, kind=spec.CHOICE):
        arrows = {"→" in o for o in question.options}
        assert len(arrows) == 1, question.options


def test_a_term_matching_takes_no_label_that_frames_its_line():
    facts = [
        kv("f1", "Keyboard layout", "On the very left", "the Tab and Caps Lock keys"),
        kv("f2", "Keyboard layout", "Home row", "the row the fingers rest on"),
        kv("f3", "Keyboard layout", "Numpad", "a block of number keys on the right"),
        kv("f4", "Keyboard layout", "Function row", "the F1 to F12 keys along the top"),
    ]
    facts = [replace(f, subject=f.attribute) for f in facts]
    (matching,) = questions(facts, kind=spec.MATCHING, seeds=[0])
    assert "On the very left" not in matching.items


def test_a_matching_item_naming_its_entity_in_full_is_held_back():
    rows = {"Retrieval": {"Cold Archive Tier": "hours", "Warm Archive Tier": "milliseconds"}}
    tiers = table("a1", ["Cold Archive Tier", "Warm Archive Tier"], rows)
    (matching,) = questions([], [tiers], kind=spec.MATCHING, seeds=[0])
    assert given_away(matching) == 0
    # as a row whose cells each say their own entity would read
    told = replace(
        matching,
        items=tuple(f"uploads straight into {name} by API" for name in matching.answers),
    )
    assert given_away(told) > 0


def test_html_left_in_a_value_holds_the_question_back():
    facts = [
        kv("w1", "Rivers", "Delta", "silt deposits <br /> at the mouth"),
        kv("w2", "Rivers", "Meander", "a bend that migrates over time"),
        kv("w3", "Rivers", "Oxbow lake", "a cut-off bend left behind"),
        kv("w4", "Rivers", "Levee", "a raised bank built by floods"),
    ]
    found = questions(facts, kind=spec.CHOICE, fact_key="w1")
    assert found and all(q.quality < THRESHOLD for q in found)


def test_a_label_in_which_the_author_speaks_is_not_asked():
    facts = [
        kv("s1", "Merge sort", "In our implementation", "the middle index is rounded down"),
        kv("s2", "Merge sort", "Running time", "n log n in every case"),
        kv("s3", "Merge sort", "Extra space", "a buffer as long as the input"),
        kv("s4", "Merge sort", "Stability", "equal keys keep their order"),
    ]
    facts = [replace(f, subject=f.attribute) for f in facts]
    found = questions(facts)
    assert not [q for q in found if "our implementation" in q.prompt.lower() + " ".join(q.items)]
    assert found  # the rest of the topic is still asked
    # a country and a numeral are no author speaking
    assert not personal_label("US residents") and not personal_label("Type I")


def test_a_fields_choice_offers_no_absence_as_a_wrong_option():
    # 'no cure' is true of many conditions: perhaps of the asked one too
    facts = [
        kv("t1", "Measles", "Treatment", "vitamin A, fluids"),
        kv("t2", "Gout", "Treatment", "colchicine"),
        kv("t3", "Scurvy", "Treatment", "vitamin C"),
        kv("t4", "Rabies", "Treatment", "no cure once symptoms begin"),
        kv("t5", "Malaria", "Treatment", "artemisinin"),
        kv("t6", "Anaemia", "Treatment", "iron tablets"),
    ]
    for question in questions(facts, kind=spec.CHOICE):
        if question.fact_key != "t4":
            assert "no cure once symptoms begin" not in question.options


def test_a_figures_position_is_no_term_to_match():
    # '*Left: an undirected graph.* *Right: a directed graph.*' under two drawings (stop 40,
    # blind s40-obs NONFACT): where a drawing stands is no term
    facts = [
        kv("g1", "Graphs", "Left", "an undirected graph"),
        kv("g2", "Graphs", "Right", "a directed graph"),
        kv("g3", "Graphs", "Degree", "number of edges a vertex is in"),
        kv("g4", "Graphs", "Path", "a sequence of edges joining two vertices"),
        kv("g5", "Graphs", "Cycle", "a path that starts and ends at one vertex"),
    ]
    facts = [replace(f, subject=f.attribute) for f in facts]
    matchings = questions(facts, kind=spec.MATCHING)
    assert matchings  # the terms are still matched
    assert not [q for q in matchings if {"Left", "Right"} & set(q.items)]
