"""Stop 29 (issue 10): a line with no subject under a sentence about something else is not
asked of its topic; a condition with no claim after it is no fact sentence; a cloze said 'the
same way' as a line it does not show is held back. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import end_focus_blank, fact_sentence
from tests.decks.facts import fact_input


def _fronts(**fields) -> list[str]:
    return [c.front for c in cards_for_fact(fact_input(**fields)) if not held_back(c.quality)]


@pytest.mark.parametrize(
    "subheading",
    [
        "Islets are small clusters of cells",  # a sentence with a subject of its own
        "Produces digestive enzymes",  # what the topic does: the line under it is of that
    ],
)
def test_a_subjectless_line_under_a_sentence_about_another_thing_is_not_asked_of_the_topic(
    subheading,
):
    fronts = _fronts(topic="Pancreas", subheading=subheading, text="Secretes insulin and glucagon")
    assert not any("Pancreas" in f and "secrete" in f for f in fronts), fronts


@pytest.mark.parametrize(
    "subheading",
    [
        "",  # right under the topic
        "Endocrine role",  # under a label
        "The pancreas lies behind the stomach",  # under a sentence whose subject is the topic
    ],
)
def test_a_subjectless_line_under_its_topic_is_still_asked_of_it(subheading):
    # (the same line the test above asks under a sentence about something else)
    fronts = _fronts(topic="Pancreas", subheading=subheading, text="Secretes insulin and glucagon")
    assert any("Pancreas" in f and "secrete" in f for f in fronts), fronts


@pytest.mark.parametrize(
    "sentence",
    ["If all the keys are distinct", "Unless the patient has a penicillin allergy"],
)
def test_a_condition_with_no_claim_after_it_is_no_fact_sentence(sentence):
    assert not fact_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If demand is inelastic, raising the price increases total revenue",
        "If n is even then n squared is even",
        "If the reading is over 140 mg/dL a longer test is performed",
    ],
)
def test_a_condition_with_its_claim_is_a_fact_sentence(sentence):
    assert fact_sentence(sentence)


def _cloze(front: str, back: str) -> CardSpec:
    return CardSpec("k", "cloze", "f", "Notes", front, back, quality=0.75)


def test_a_cloze_said_the_same_way_as_an_unseen_line_is_held_back():
    card = _cloze("We define the […] similarly", "We define the right limit similarly")
    assert held_back(card_quality(card))


def test_a_cloze_that_opens_on_likewise_still_says_its_claim():
    card = _cloze(
        "Likewise, […] in the kidney can raise blood pressure",
        "Likewise, renal artery stenosis in the kidney can raise blood pressure",
    )
    assert not held_back(card_quality(card))


@pytest.mark.parametrize(
    "sentence, ending",
    [
        ("T cells mature in the thymus.", "thymus"),
        ("Real GDP is adjusted for inflation (constant base-year prices)", "inflation"),
        ("Mitochondria are found in most eukaryotic cells", "eukaryotic cells"),
        ("Blood is pumped to the lungs by the right ventricle", "right ventricle"),
        ("A group of related recipes is a cookbook", "cookbook"),
        ("Strong acids fully dissociate in water", "water"),
    ],
)
def test_a_short_plain_sentence_is_asked_what_it_ends_on(sentence, ending):
    blank = end_focus_blank(sentence)
    assert blank is not None and blank.term == ending
    assert sentence[blank.start : blank.start + len(blank.term)] == ending


@pytest.mark.parametrize(
    "sentence",
    [
        "Retain old snapshots for auditing",  # no subject: the line opens on its verb
        "To preserve spaces in file names",  # a purpose, no sentence
        "Firewall integration for security",  # a phrase with no verb
        "The parser keeps a copy of the tree",  # 'of the tree' completes 'copy'
        "Interest rates are low",  # an adjective after a copula: one of two to guess
        "It is stored in the liver",  # said of what another line named
        "Note that this is separate from the bleeding disorders",  # points at another line
        "The enzyme does not work in the stomach",  # a negation hides what is not
        "Backups use point in time recovery (PITR)",  # a part of a name spelt out by initials
        "The sum of the terms is counted in total",  # a plain ending
        "Glycogen is stored in the liver, the muscles and the kidneys",  # a list
    ],
)
def test_no_ending_is_asked_where_it_is_not_the_point(sentence):
    assert end_focus_blank(sentence) is None


def test_an_ending_card_is_a_held_back_suggestion_made_only_when_nothing_else_asks_the_line():
    cards = cards_for_fact(
        fact_input(topic="Immune cells", text="Helper T cells mature in the thymus")
    )
    assert [(c.front, held_back(c.quality)) for c in cards] == [
        ("Helper T cells mature in the […]", True)
    ]
    # a line with a named subject keeps the card it had
    named = _fronts(topic="History", text="The treaty was signed in 1648 in Westphalia")
    assert not any(f.endswith("in […]") for f in named), named


@pytest.mark.parametrize(
    "front, back",
    [
        (
            "e.g., from […], to respiration, to growth, etc",
            "e.g., from movement, to respiration, to growth, etc",
        ),
        (
            "Insertion of 5 into the heap in 3(a) gives the […] in 3(b)",
            "Insertion of 5 into the heap in 3(a) gives the heap in 3(b)",
        ),
        (
            "The diagram shows (a) a […] cell and (b) a plant cell",
            "The diagram shows (a) an animal cell and (b) a plant cell",
        ),
        (
            "[…]: the slope is zero at a maximum",
            "Facts about derivatives: the slope is zero at a maximum",
        ),
    ],
)
def test_a_cloze_on_an_example_a_figure_panel_or_a_notes_label_is_held_back(front, back):
    assert held_back(card_quality(_cloze(front, back)))


def test_a_cloze_whose_example_is_in_brackets_still_asks_its_term():
    card = _cloze(
        "[…] (e.g. amoxicillin) are the first choice for otitis media",
        "Penicillins (e.g. amoxicillin) are the first choice for otitis media",
    )
    assert not held_back(card_quality(card))


def test_a_question_answered_by_output_alone_is_held_back():
    card = CardSpec(
        "k", "qa", "f", "Thermostat", "What does a thermostat produce?", "output", quality=0.65
    )
    assert held_back(card_quality(card))


@pytest.mark.parametrize(
    "items",
    [
        ["0 & 1 == 0", "1 & 1 == 1"],  # examples of an operator
        ["“All living things grow", "respire", "and reproduce”"],  # one quotation cut up
    ],
)
def test_a_list_of_expressions_or_of_a_cut_quotation_is_held_back(items):
    back = "\n".join(f"• {i}" for i in items)
    card = CardSpec(
        "k",
        "enumeration",
        "f",
        "Logic",
        f"Logic — shown as: which {len(items)}?",
        back,
        quality=0.75,
    )
    assert held_back(card_quality(card))


def test_a_worked_examples_variable_is_no_cloze_answer():
    from studyapp.text.prompts import cloze_term

    assert not cloze_term("C[i]") and not cloze_term("x_1")
    assert cloze_term("O(1)") and cloze_term("pH")
    fronts = _fronts(topic="Counting sort", text="C[i] stores the count of marks equal to i")
    assert not any(f.startswith("[…] stores") for f in fronts), fronts


def test_a_question_whose_answer_names_nothing_particular_is_held_back():
    for topic, text in [
        ("Message queues", "integrated with other cloud services"),
        ("Serverless functions", "can be written in a variety of languages"),
    ]:
        cards = cards_for_fact(fact_input(topic=topic, text=text))
        assert cards and all(held_back(c.quality) for c in cards), cards


def test_a_question_that_asks_its_topic_of_itself_is_not_made():
    cards = cards_for_fact(
        fact_input(topic="GitVault", text="migrate to GitVault from other git hosts")
    )
    assert not any("migrate" in c.front.lower() for c in cards), cards


def test_a_cloze_hiding_a_longer_name_of_its_context_is_held_back():
    card = CardSpec(
        "k",
        "cloze",
        "f",
        "Thoracic Outlet",
        "[…] is the compression of the nerves and vessels above the first rib",
        "Thoracic outlet syndrome is the compression of the nerves and vessels above the first rib",
        quality=0.7,
    )
    assert held_back(card_quality(card))


def test_a_line_going_on_from_a_broken_one_is_no_fact_sentence():
    assert not fact_sentence(
        "of statins, with a number needed to treat of 40 to prevent one stroke"
    )
    assert fact_sentence("Of all the planets, Jupiter is the largest")


def test_treating_the_underlying_cause_is_no_cloze_answer():
    from studyapp.text.prompts import cloze_term

    assert not cloze_term("addressing the underlying condition")
    assert cloze_term("relieving the obstruction")


def test_a_measure_said_in_the_generic_we_of_course_notes_is_asked():
    from studyapp.text.blanks import blanks_in_order

    said = "Once the trail is on, we can look back over the past 90 days of activity"
    assert [(b.kind, b.term) for b in blanks_in_order(said)] == [("number", "90 days")]
    for other in [
        "We will meet again in 2 weeks",  # the course's plan
        "I think the upload takes 5 minutes",  # the author talking
        "The family brings him to your office after 3 days of fever",  # a case's clinician
    ]:
        assert blanks_in_order(other) == [], other


def test_which_entity_question_reads_for_a_row_named_by_a_verb():
    from studyapp.text.prompts import which_has

    assert which_has("stands for", "Platform as a Service") == "stands for Platform as a Service"
    assert which_has("max memory", "10 GB") == "has max memory: 10 GB"


def test_a_place_in_a_list_is_no_cloze_answer_and_a_figures_colours_point_at_it():
    from studyapp.text.prompts import cloze_term, local_reference

    assert not cloze_term("second option") and not cloze_term("Second column")
    assert cloze_term("second messenger") and cloze_term("First Amendment")
    assert local_reference("Adding any of these pink edges to the tree makes a cycle")
    assert not local_reference("A depth-first search marks finished vertices black")
    assert not local_reference("Red blood cells carry oxygen")


@pytest.mark.parametrize(
    "label, items",
    [
        ("how to stop a process?", ["Send the SIGINT signal", "kill -INT 4120"]),
        ("od", ["Useful for octal output", "od -A <format> <FILE>"]),
    ],
)
def test_two_notes_under_a_question_or_a_command_are_no_list(label, items):
    back = "\n".join(f"• {i}" for i in items)
    front = f"Processes — {label}: which two?"
    card = CardSpec("k", "enumeration", "f", "Processes", front, back, quality=0.75)
    assert held_back(card_quality(card))


def test_two_members_with_comparison_signs_are_still_a_list():
    back = "• >24 oz/day of cow's milk\n• <3 servings/day of iron-rich foods"
    front = "Iron deficiency — risks over one year: which two?"
    card = CardSpec("k", "enumeration", "f", "Iron deficiency", front, back, quality=0.75)
    assert not held_back(card_quality(card))


def test_which_entity_reads_for_a_row_named_by_any_known_verb():
    from studyapp.text.prompts import which_has

    assert (
        which_has("hears", "appeals from the county courts")
        == "hears appeals from the county courts"
    )
    assert which_has("secretes", "insulin") == "secretes insulin"
    assert which_has("features", "a gift shop") == "has features: a gift shop"


def test_a_walkthrough_given_the_following_inputs_is_a_worked_case():
    from studyapp.text import lexicon

    assert lexicon.WORKED_EXAMPLE.search("the output of the latch given the following inputs")


def test_a_what_is_it_card_that_says_its_name_again_is_held_back():
    def qa(front, back):
        return CardSpec("k", "qa", "f", "X", front, back, quality=0.8)

    assert held_back(card_quality(qa("Cell membrane — what is it?", "the membrane around a cell")))
    said = "A normal line to a curve is a line that is perpendicular to its tangent"
    assert not held_back(card_quality(qa("Normal line — what is it?", said)))


def test_an_acronym_spelt_out_as_another_thing_does_not_define_the_topic():
    fact = fact_input(
        kind="key_value",
        topic="Latent Dirichlet Allocation (LDA)",
        attribute="LDA",
        value="Linear Discriminant Analysis",
        text="LDA: Linear Discriminant Analysis",
    )
    assert not any("what is it" in c.front for c in cards_for_fact(fact))
