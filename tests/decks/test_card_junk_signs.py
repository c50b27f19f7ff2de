"""Card precision, round 9: the shapes a blind reviewer deleted are held back as suggestions
(quality under the threshold), and the cards beside them stay dealt. Every snippet is our own
wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.prompts import clause_meaning, form_choices, local_reference
from tests.decks.facts import fact_input


def _card(kind: str, front: str, back: str, context: str = "Notes", quality: float = 1.0):
    return card_quality(CardSpec("k", kind, "s", context, front, back, quality=quality))


# --- a pointer to one numbered artefact of the note -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Graph 4 has 8 vertices and 5 edges",
        "Only lines 10 and 12 run in the loop",
        "(Choice D) Tendinitis causes pain below the kneecap",
        "sentence 1",
        "scenario 2",
        "case 2 (black)",
    ],
)
def test_a_numbered_artefact_of_the_note_is_a_local_reference(text):
    assert local_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        "Type 2 diabetes raises the risk of stroke",
        "Routing happens at layer 4",
        "Article 5 of NATO",
    ],
)
def test_a_name_with_a_number_is_no_local_reference(text):
    assert not local_reference(text)


def test_a_cloze_on_one_walkthroughs_graph_is_held_back():
    worked = _card("cloze", "Graph 3 has […] vertices", "Graph 3 has 7 vertices", quality=0.75)
    plain = _card(
        "cloze", "A complete graph on n vertices has […] edges", "… n(n-1)/2 edges", quality=0.75
    )
    assert held_back(worked) and not held_back(plain)


def test_a_question_on_a_scenario_number_is_held_back():
    assert held_back(_card("qa", "Contract formation — scenario 2?", "the offer lapsed"))
    assert not held_back(_card("qa", "Contract formation — acceptance?", "must mirror the offer"))


# --- bare numbers and counts the card shows -------------------------------------------------


def test_a_bare_number_of_nothing_in_a_few_words_is_held_back():
    # a trace's value: what the number is of is not said
    assert held_back(_card("cloze", "Stops at offset […]", "Stops at offset 48", quality=0.75))
    # a count of something named stays: 'chromosomes' is what 23 counts
    assert not held_back(
        _card("cloze", "Human sperm cells carry […] chromosomes", "… 23 chromosomes", quality=0.75)
    )
    # a number with its unit stays
    assert not held_back(_card("cloze", "Stops after […]", "Stops after 30 seconds", quality=0.75))


def test_a_count_its_own_list_shows_is_held_back():
    given = _card(
        "cloze",
        "Roman assemblies came in […] kinds: curiate, centuriate and tribal",
        "Roman assemblies came in three kinds: curiate, centuriate and tribal",
        quality=0.75,
    )
    # (a count its list does not show is asked; 'one' or 'two' in words is held back since
    # stop 28, tests/decks/test_stop28_quality.py: the blind reviews found most such junk)
    asked = _card(
        "cloze",
        "Sulla raised the Senate to […] members",
        "Sulla raised the Senate to 600 members",
        quality=0.75,
    )
    assert held_back(given) and not held_back(asked)


# --- labels and lead-ins hidden --------------------------------------------------------------


@pytest.mark.parametrize(
    "front, back",
    [
        ("[…]: a crowded train at rush hour", "Analogy: a crowded train at rush hour"),
        (
            "[…] It was reached from the left child",
            "Case 2 (left): It was reached from the left child",
        ),
    ],
)
def test_a_hidden_argument_part_or_position_label_is_held_back(front, back):
    assert held_back(_card("cloze", front, back, quality=0.75))


def test_a_lead_in_to_a_list_is_held_back():
    front = "Common causes of […] include:"
    assert held_back(_card("cloze", front, "Common causes of gout include:", quality=0.75))


# --- acronyms --------------------------------------------------------------------------------


def test_a_short_acronym_asked_for_its_words_is_held_back():
    assert held_back(_card("qa", "Stroke care — CT?", "Computed Tomography", context="Stroke care"))
    # a long one names a concept to learn
    assert not held_back(
        _card(
            "qa", "Hyponatraemia — SIADH?", "Syndrome of Inappropriate ADH", context="Hyponatraemia"
        )
    )


def test_a_hidden_acronym_the_context_spells_is_held_back():
    spelled = _card(
        "cloze",
        "Symptoms of […] ease with smaller meals",
        "Symptoms of GR ease with smaller meals",
        context="Gastric Reflux",
        quality=0.75,
    )
    camel = _card(
        "cloze",
        "Nested stacks keep each […] template small",
        "Nested stacks keep each CF template small",
        context="CloudFormation",
        quality=0.75,
    )
    fine = _card(
        "cloze",
        "Symptoms of GERD ease with […]",
        "Symptoms of GERD ease with smaller meals",
        context="Gastric Reflux",
        quality=0.75,
    )
    assert held_back(spelled) and held_back(camel) and not held_back(fine)


# --- lists, rows and answers -----------------------------------------------------------------


def test_a_list_split_inside_its_items_is_held_back():
    broken = _card("enumeration", "Immunity — absent: which three?", "• No IgM\n• G\n• A")
    run_on = _card(
        "enumeration",
        "Tonsillitis — path: which two?",
        "• viral usually. If recurrent\n• bacterial",
    )
    aside = _card("enumeration", "Stack — stores: which two?", "• locals\n• (more on this later)")
    fine = _card("enumeration", "Estates — which three?", "• clergy\n• nobility\n• commoners")
    assert held_back(broken) and held_back(run_on) and held_back(aside)
    assert not held_back(fine)


def test_a_row_name_cut_inside_a_word_is_held_back():
    cut = _card("comparison", "Barley — grown for malt-brew?", "Grown for malt-brewing and feed")
    whole = _card("comparison", "Barley — grown for?", "malt-brewing and feed")
    assert held_back(cut) and not held_back(whole)


def test_a_forms_choices_as_an_answer_are_held_back():
    assert form_choices("yes/no") and form_choices("on / off") and not form_choices("yes")
    assert held_back(_card("qa", "Survey setup — anonymous responses?", "yes/no"))
    assert not held_back(_card("qa", "Survey setup — anonymous responses?", "yes, by default"))


# --- a label over a sentence is not a term and its meaning ----------------------------------


@pytest.mark.parametrize(
    "meaning, clause",
    [
        ("Rome was short of grain after the drought", True),
        ("The siege ended with the city's surrender", True),
        ("An enzyme in saliva that breaks down starch", False),
        ("A statistical tool used to compare two means", False),
        ("Often associated with joint pain", False),
        ("Every key is unique (duplicates are refused)", False),
        ("When most people are immune, a disease stops spreading", False),
    ],
)
def test_a_meaning_with_a_subject_of_its_own_is_a_clause(meaning, clause):
    assert clause_meaning(meaning) is clause


def test_a_label_heading_over_a_statement_is_held_back_and_a_term_is_not():
    label = fact_input(
        kind="definition",
        topic="Fall of Carthage",
        subject="Economic strain",
        attribute="Economic strain",
        value="Carthage was drained by the indemnity owed to Rome",
        text="Carthage was drained by the indemnity owed to Rome",
    )
    term = fact_input(
        kind="definition",
        topic="Digestion",
        subject="Amylase",
        attribute="Amylase",
        value="An enzyme in saliva that breaks down starch",
        text="An enzyme in saliva that breaks down starch",
    )
    pair = fact_input(
        kind="definition",
        topic="Italian phrases",
        subject="Vorrei un caffè",
        attribute="English",
        value="I would like a coffee",
        text="Vorrei un caffè | I would like a coffee",
    )

    def cloze(fact):
        (card,) = [c for c in cards_for_fact(fact) if c.front.startswith("[…]:")]
        return card_quality(card)

    assert held_back(cloze(label))
    assert not held_back(cloze(term))
    assert not held_back(cloze(pair))  # a table's pair is a meaning as written


# --- leftover markup, embeds, front pages and plans -------------------------------------------


def test_bold_marks_markdown_did_not_read_are_dropped_and_code_stays():
    from studyapp.text.prompts import tidy

    assert tidy("Scurvy shows **bleeding gums **and loose teeth") == (
        "Scurvy shows bleeding gums and loose teeth"
    )
    assert tidy("int main(int argc, char **argv)") == "int main(int argc, char **argv)"


def test_an_embed_named_with_brackets_stays_one_link_and_gives_no_card():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse

    note = (
        "# Ethics\n\n## Sentience\n\n![[Animal Minds (AM)#^a1b2]]\n\nPain needs a nervous system.\n"
    )
    texts = [f.text for f in extract(parse(note), name="ethics.md").facts]
    assert not any("embed" in t or "%20" in t for t in texts)
    assert any("nervous system" in t for t in texts)


def test_a_repository_front_page_gives_no_facts_and_a_readme_of_notes_does():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse

    project = (
        "# botany-notes\n\nMy notes for the plant biology exam.\n\n## Build\n\n"
        "* run make_pdf.sh to build the PDF\n* index.md links every chapter\n\n"
        "## Requirements\n\n* pandoc\n* make\n* latex\n"
    )
    notes = (
        "# Photosynthesis\n\n## Light reactions\n\n"
        "Photosystem II splits water and releases oxygen.\n"
    )
    assert extract(parse(project), name="botany/README.md").facts == []
    assert extract(parse(project), name="botany/README.md").headings  # still vocabulary
    assert extract(parse(notes), name="plants/README.md").facts


@pytest.mark.parametrize(
    "line, plan",
    [
        ("Will take a look at the Stoics next week", True),
        ("Can talk about Hume in the second essay", True),
        ("Going to cover the Krebs cycle after the break", True),
        ("Will cause low blood sugar in newborns", False),
        ("Can lead to kidney failure if untreated", False),
    ],
)
def test_the_authors_plan_is_no_fact_sentence(line, plan):
    from studyapp.text.blanks import fact_sentence

    assert fact_sentence(line) is not plan


def test_a_persons_years_are_held_back_and_an_events_year_stays():
    assert held_back(_card("qa", "Rationalism — spinoza?", "1632-1677"))
    assert held_back(_card("qa", "Plant signalling — karban & shiojiri?", "2009, 2010"))
    assert not held_back(_card("qa", "Peace of Westphalia — signed?", "1648"))
    assert not held_back(_card("qa", "Sepsis — heart rate?", "100-120"))


def test_a_predicate_answer_that_points_back_is_held_back():
    from studyapp.decks.generate import statement_cards

    def said(text):
        fact = fact_input(topic="Pasteur", text=text)
        return [c for c in statement_cards(fact) if c.kind == "qa"]

    for line in ("Ran the experiment again", "Worked with this older theory"):
        (vague,) = said(line)
        assert held_back(card_quality(vague))
    (named,) = said("Worked with silkworm breeders")
    assert not held_back(card_quality(named))


def test_an_adverb_phrase_framing_its_line_is_a_discourse_label():
    from studyapp.text.prompts import discourse_label

    assert discourse_label("More specifically") and discourse_label("Put simply")
    assert not discourse_label("More tissue")
    assert held_back(_card("qa", "Enzymes — more specifically?", "lower activation energy"))


def test_the_authors_plan_in_a_bold_terms_cloze_is_held_back():
    from studyapp.text.prompts import author_plan

    assert author_plan("Next week we need to talk about the Treaty of Utrecht")
    assert not author_plan("We see that the series converges")
    front = "Before the war ends we need to talk about […]"
    back = "Before the war ends we need to talk about the Treaty of Utrecht"
    assert held_back(_card("cloze", front, back, quality=0.75))


def test_a_hidden_arrow_and_label_is_held_back_and_a_bound_is_not():
    arrow = _card("cloze", "[…]: even likely, if both run", "→ Possible: even likely, if both run")
    bound = _card(
        "cloze",
        "Fever is a temperature of […]",
        "Fever is a temperature of > 38 °C",
        quality=0.75,
    )
    assert held_back(arrow) and not held_back(bound)


def test_a_count_of_kinds_as_an_answer_is_a_lead_in():
    assert held_back(_card("qa", "Measles — stages?", "3 phases"))
    assert held_back(_card("qa", "Tort — forms?", "two main types"))
    assert not held_back(_card("qa", "Human cells — chromosomes?", "46"))


def test_an_exercise_with_a_lettered_part_is_worked():
    from studyapp.text import lexicon

    assert lexicon.WORKED_EXAMPLE.search("Question 1b")
    assert lexicon.WORKED_EXAMPLE.search("Problem 3")
    assert not lexicon.WORKED_EXAMPLE.search("Questions of law")


def test_a_what_is_it_card_without_a_meaning_is_held_back():
    assert held_back(_card("qa", "Cerebellum — what is it?", "gait, balance", "Cerebellum"))
    assert held_back(_card("qa", "Mitosis — what is it?", "From Week 3", "Mitosis"))
    assert not held_back(
        _card("qa", "Osmosis — what is it?", "the movement of water across a membrane", "Osmosis")
    )
    assert not held_back(
        _card(
            "qa", "What is the WHO? — what is it?", "World Health Organization", "What is the WHO?"
        )
    )


def test_a_hidden_exam_choice_label_and_a_number_its_name_shows_are_held_back():
    choice = _card(
        "cloze",
        "[…] Gout is also marked by a hot swollen joint",
        "(Choice B) Gout is also marked by a hot swollen joint",
        quality=0.75,
    )
    shown = _card(
        "cloze",
        "Marfan syndrome follows a fibrillin […] (FBN1) mutation",
        "Marfan syndrome follows a fibrillin 1 (FBN1) mutation",
        quality=0.75,
    )
    assert held_back(choice) and held_back(shown)


def test_a_predicate_answer_of_the_and_one_noun_points_back():
    from studyapp.decks.generate import statement_cards

    fact = fact_input(topic="Hash tables", text="Stores the key")
    (card,) = [c for c in statement_cards(fact) if c.kind == "qa"]
    assert held_back(card_quality(card))


def test_hidden_words_whose_acronym_follows_the_blank_are_held_back():
    given = _card(
        "cloze",
        "Cattle were struck by […] (BSE) in the 1980s",
        "Cattle were struck by bovine spongiform encephalopathy (BSE) in the 1980s",
        quality=0.75,
    )
    context = _card(
        "cloze",
        "The […] ended the war in 1648",
        "The Peace of Westphalia ended the war in 1648",
        context="PW",
        quality=0.75,
    )
    plain = _card(
        "cloze",
        "Cattle were struck by […] in the 1980s",
        "Cattle were struck by bovine spongiform encephalopathy in the 1980s",
        quality=0.75,
    )
    assert held_back(given) and held_back(context) and not held_back(plain)


def test_a_line_cut_where_it_went_on_is_held_back():
    cut = _card(
        "cloze", "Rivers erode their banks by […], or", "Rivers erode … abrasion, or", quality=0.75
    )
    assert held_back(cut)
    assert held_back(_card("qa", "Stoicism — relied on?", "reason and self-control, but"))
    assert not held_back(_card("qa", "Stoicism — relied on?", "reason and self-control"))


def test_a_line_about_a_figure_the_card_does_not_show_is_held_back():
    table = _card(
        "cloze",
        "This table shows the […] kings and the years they ruled",
        "This table shows the Tudor kings and the years they ruled",
        quality=0.75,
    )
    caption = _card("cloze", "Left: a […] cell", "Left: a plant cell", quality=0.75)
    assert held_back(table) and held_back(caption)


def test_a_pointer_subject_costs_a_found_blank_and_an_expletive_it_does_not():
    pointer = _card(
        "cloze", "They can be treated with […]", "They can be treated with penicillin", quality=0.6
    )
    expletive = _card(
        "cloze",
        "It is important to treat syphilis with […]",
        "It is important to treat syphilis with penicillin",
        quality=0.6,
    )
    assert held_back(pointer) and not held_back(expletive)


def test_more_cut_lines_labels_and_pointers():
    from studyapp.text.prompts import discourse_label

    # a line cut after a preposition that needs its object
    cut = _card(
        "cloze", "A sonnet is made […] of", "A sonnet is made of fourteen lines of", quality=0.75
    )
    assert held_back(cut)
    # a name ending in a letter is no cut line
    assert not held_back(_card("qa", "Photosynthesis — main pigment?", "chlorophyll a"))
    # a frequency adverb labels a line
    assert discourse_label("Often") and held_back(_card("qa", "Sorting — often?", "no closed form"))
    # a condition hidden as a definition's term, and a mnemonic's letter hidden
    assert held_back(
        _card("cloze", "[…]: give half the adult dose", "< 12 yr: give half the adult dose")
    )
    assert held_back(_card("cloze", "[…] of the kidney", "_N_ephritis of the kidney", quality=0.75))
    # a case vignette's pronoun subject
    vignette = _card(
        "cloze",
        "She has had […] for two weeks",
        "She has had a dry cough for two weeks",
        quality=0.6,
    )
    assert held_back(vignette)


def test_an_acronym_hidden_beside_its_hyphenated_expansion_is_given_away():
    card = _card(
        "cloze",
        "A queue serves items in […] (first-in-first-out) order",
        "A queue serves items in FIFO (first-in-first-out) order",
        quality=0.75,
    )
    assert held_back(card)


def test_a_lecture_log_and_a_bare_comparison_are_held_back():
    from studyapp.text.prompts import author_plan

    assert author_plan("Talked about Hobbes and the state of nature")
    lecture = _card(
        "cloze", "Talked about Hobbes's […]", "Talked about Hobbes's Leviathan", quality=0.75
    )
    compared = _card("cloze", "Similar to […] cells", "Similar to plant cells", quality=0.6)
    assert held_back(lecture) and held_back(compared)


def test_split_list_items_figure_colours_and_a_bracketed_blank():
    split = _card(
        "enumeration", "Loans — cost depends on: which two?", "• the sum, and\n• the rate"
    )
    assert held_back(split)
    colour = _card(
        "cloze",
        "The green term keeps bit […] equal",
        "The green term keeps bit 3 equal",
        quality=0.75,
    )
    tree = _card(
        "cloze",
        "A red node never has a […] child",
        "A red node never has a red child",
        quality=0.75,
    )
    assert held_back(colour) and not held_back(tree)
    found = _card(
        "cloze",
        "Wheat was sown in autumn ([…])",
        "Wheat was sown in autumn (winter wheat)",
        quality=0.6,
    )
    marked = _card(
        "cloze",
        "Wheat was sown in autumn ([…])",
        "Wheat was sown in autumn (winter wheat)",
        quality=0.75,
    )
    assert held_back(found) and not held_back(marked)


def test_a_cell_of_a_table_with_blank_headers_gives_no_card():
    from studyapp.decks.generate import CellInput, comparison_card

    blank = CellInput("t1", " vs  vs ", "", "able to bear weight", ("No", "Yes"))
    named = CellInput("t1", "Sprain vs Fracture", "Fracture", "able to bear weight", ("No",))
    assert comparison_card(blank) is None
    assert comparison_card(named) is not None


def test_a_figures_side_an_identifier_and_a_long_row_cut_at_a_letter_are_held_back():
    assert held_back(_card("qa", "Cell diagrams — left?", "a plant cell"))
    assert held_back(_card("comparison", "Ana — library card?", "48213377"))
    cut = _card(
        "comparison",
        "Sum of products — a term with every input present in t?",
        "A term with every input present in true form",
    )
    assert held_back(cut)
    assert not held_back(_card("comparison", "Vitamin C — deficiency?", "scurvy"))


def test_a_pronoun_object_at_the_end_is_no_cut_line():
    card = _card("qa", "Build jobs — default timeout?", "1 hour and we cannot change that")
    assert not held_back(card)
