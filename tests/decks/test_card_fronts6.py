"""Fronts and backs a learner keeps as they are (round fronts6): a question–answer card's back
is its answer, not a paragraph; its context names a part, not a lead-in; a key split out of
one sentence at its verb, a 'what is it?' back that says no meaning and a cloze cut at either
end are held back. Every snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import (
    SPLIT_ALONE_QUALITY,
    TRIMMED_QUALITY,
    CardSpec,
    cards_for_fact,
    concise,
    split_sentence,
)
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.prompts import compared_property, context, lower_first, reported_question
from tests.decks.facts import fact_input


def _dealt(fact):
    return [(c, card_quality(c)) for c in cards_for_fact(fact) if not held_back(card_quality(c))]


def _card(kind: str, front: str, back: str, context: str = "Notes", quality: float = 1.0):
    return card_quality(CardSpec("k", kind, "s", context, front, back, quality=quality))


# --- a long back is cut to the sentence that answers ------------------------------------------


def test_a_long_answer_keeps_its_first_sentence():
    value = (
        "an enzyme that unwinds the double helix ahead of the replication fork. It uses ATP to"
        " break the hydrogen bonds between base pairs, and several kinds exist in every cell"
    )
    fact = fact_input(
        kind="key_value",
        topic="DNA replication",
        attribute="Helicase",
        value=value,
        text=f"Helicase: {value}",
    )
    [(card, quality)] = [(c, q) for c, q in _dealt(fact) if c.kind == "qa"]
    assert card.front == "DNA replication — helicase?"
    assert card.back == "an enzyme that unwinds the double helix ahead of the replication fork"


def test_an_arrow_parts_a_long_answer_too():
    value = (
        "runs the handler once per event in a fresh sandbox, so no state is kept between calls"
        " => store sessions in a database or a cache instead, never in memory"
    )
    assert concise(value) == (
        "runs the handler once per event in a fresh sandbox, so no state is kept between calls"
    )


def test_an_emphasised_term_in_the_rest_keeps_the_answer_whole():
    value = (
        "The court looks at what a reasonable person would have foreseen at the time. The leading"
        " case is Donoghue v Stevenson, decided by the House of Lords in 1932"
    )
    assert concise(value, ("Donoghue v Stevenson",)) == value


def test_a_short_first_sentence_or_a_lead_in_keeps_the_answer_whole():
    lead_in = (
        "Two kinds: the first is a tax on income earned in the year, and the second is a tax on"
        " the gains made when an asset is sold for more than it cost"
    )
    assert concise(lead_in) == lead_in
    short = "Yes. " + "It applies to every contract signed after the act came into force " * 2
    assert concise(short) == short


def test_a_paragraph_no_sentence_shortens_is_held_back():
    value = (
        "production runs on one fleet while an exact copy is built beside it, traffic keeps going"
        " to the old fleet while the copy is updated and tested, and when the tests pass traffic"
        " moves to the copy, which becomes production"
    )
    fact = fact_input(
        kind="key_value",
        topic="Release strategies",
        attribute="Side-by-side release",
        value=value,
        text=f"Side-by-side release: {value}",
    )
    assert not [c for c, _ in _dealt(fact) if c.kind == "qa"]


# --- a context names a part, not the line leading into it --------------------------------------


@pytest.mark.parametrize(
    "subheading, shown",
    [
        ("Common causes include", "Photosynthesis · common causes"),
        ("Each clause consists of", "Photosynthesis · each clause"),
        ("the pigments are", "Photosynthesis · the pigments"),
        ("other products may", "Photosynthesis · other products"),
        ("Light reactions", "Photosynthesis · light reactions"),
    ],
)
def test_a_parent_line_is_shown_without_its_lead_in(subheading, shown):
    assert context("Photosynthesis", subheading) == shown


@pytest.mark.parametrize(
    "subheading",
    ["we have three kinds of courts", "you need to file within", "if the price rises, look for"],
)
def test_a_parent_line_the_author_speaks_in_or_that_is_cut_is_not_shown(subheading):
    assert context("Civil procedure", subheading) == "Civil procedure"


def test_a_context_shown_without_its_lead_in_reaches_the_card():
    fact = fact_input(
        kind="key_value",
        topic="Meningitis",
        subheading="Bacterial causes include",
        attribute="Neonates",
        value="group B streptococcus",
        text="Neonates: group B streptococcus",
    )
    [(card, _)] = [(c, q) for c, q in _dealt(fact) if c.kind == "qa"]
    assert card.front == "Meningitis · bacterial causes — neonates?"


def test_a_capital_letter_alone_keeps_its_case():
    assert lower_first("A") == "A"
    assert lower_first("Vitamin A") == "vitamin A"
    assert lower_first("A reason to appeal") == "a reason to appeal"
    assert lower_first("B and T cells") == "B and T cells"
    fact = fact_input(
        kind="key_value",
        topic="Blood groups",
        attribute="O",
        value="no A or B antigens",
        text="O: no A or B antigens",
    )
    assert [c.front for c, _ in _dealt(fact) if c.kind == "qa"] == ["Blood groups — O?"]


# --- a key split out of one sentence at its verb -----------------------------------------------


def test_a_key_split_from_its_sentence_at_the_verb_is_held_back_beside_its_cloze():
    text = "Rehydration is preferred by mouth, with 50 mL per kg given over 4 hours"
    fact = fact_input(
        kind="key_value",
        topic="Cholera",
        attribute="Rehydration",
        value="preferred by mouth, with 50 mL per kg given over 4 hours",
        text=text,
    )
    cards = cards_for_fact(fact)
    qa = [c for c in cards if c.kind == "qa"]
    assert qa and held_back(card_quality(qa[0]))  # still generated: its key stays
    dealt = [c for c, _ in _dealt(fact)]
    assert dealt and all(c.kind == "cloze" and c.back == text for c in dealt)


def test_a_key_whose_value_compares_it_is_a_split_sentence():
    assert compared_property("most common in the 20-40 year age group")
    assert compared_property("less severe than a full fracture")
    assert not compared_property("Most common bone tumour of children")
    fact = fact_input(
        kind="key_value",
        topic="Rheumatology",
        attribute="Gout",
        value="more common in men over 40 than in women",
        text="Gout is more common in men over 40 than in women",
    )
    assert split_sentence(fact)


def test_a_split_sentence_no_cloze_asks_stays_dealt_less_sure():
    fact = fact_input(
        kind="key_value",
        topic="Contract law",
        attribute="Domestic agreements",
        value="presumed not to be legally binding: Balfour v Balfour (1919)",
        text="Domestic agreements are presumed not to be legally binding: Balfour v Balfour (1919)",
    )
    [card] = cards_for_fact(fact)
    assert card.kind == "qa" and card.quality == SPLIT_ALONE_QUALITY
    assert not held_back(card_quality(card))


def test_a_trailing_arrow_is_no_part_of_the_answer():
    fact = fact_input(
        kind="key_value",
        topic="Packaging",
        attribute="Ruby",
        value="bundle the gems beside the handler ->",
        text="Ruby: bundle the gems beside the handler ->",
    )
    assert [c.back for c in cards_for_fact(fact) if c.kind == "qa"] == [
        "bundle the gems beside the handler"
    ]


def test_a_key_whose_value_is_its_meaning_stays_a_question():
    fact = fact_input(
        kind="key_value",
        topic="Contract law",
        attribute="Consideration",
        value="something of value each party gives the other",
        text="Consideration is something of value each party gives the other",
    )
    assert [c.front for c, _ in _dealt(fact) if c.kind == "qa"] == ["Contract law — consideration?"]


# --- a 'what is it?' back that says no meaning ------------------------------------------------


@pytest.mark.parametrize(
    "back",
    [
        "Traffic is shifted from the old version to the new one in steps",
        "usually caused by a blocked duct in the first weeks of feeding",
        "most common in the 20-40 year age group, men more than women",
    ],
)
def test_a_what_is_it_back_that_says_a_property_is_held_back(back):
    assert held_back(_card("qa", "Mastitis — what is it?", back, context="Mastitis"))


def test_a_what_is_it_back_that_says_a_meaning_stays():
    back = "an infection of the breast tissue that causes pain and swelling"
    assert not held_back(_card("qa", "Mastitis — what is it?", back, context="Mastitis"))
    back = "Most common primary bone tumour in teenagers"
    assert not held_back(_card("qa", "Osteosarcoma — what is it?", back, context="Osteosarcoma"))


# --- a cloze cut at either end, or hiding a sentence ------------------------------------------


@pytest.mark.parametrize(
    "front, back",
    [
        (
            "for loads up to […] per axle, the toll equals",
            "for loads up to 10 t per axle, the toll equals",
        ),
        (
            "is taking at least […] of folic acid before conception",
            "is taking at least 400 µg of folic acid before conception",
        ),
        (
            "The statute sets no limit for fraud. Claims may be brought at any time. […]",
            "The statute sets no limit for fraud. Claims may be brought at any time."
            " Delay may still bar equitable relief",
        ),
    ],
)
def test_a_cloze_cut_or_hiding_a_sentence_is_held_back(front, back):
    assert held_back(_card("cloze", front, back, quality=0.75))


def test_a_cloze_ending_on_a_name_with_a_capital_letter_stays():
    front = "[…] is turned by the liver into vitamin A"
    back = front.replace("[…]", "Beta-carotene")
    assert not held_back(_card("cloze", front, back, quality=0.75))
    front = "The Treaty of Westphalia was signed in […]"
    assert not held_back(_card("cloze", front, front.replace("[…]", "1648"), quality=0.75))


def test_a_cloze_ending_on_a_be_verb_is_no_cut():
    front = "[…] is the arrangement of parts that makes an organ what it is"
    back = front.replace("[…]", "Form")
    assert not held_back(_card("cloze", front, back, quality=0.75))


def test_a_noun_phrase_with_a_participle_is_a_meaning():
    back = "a curve obtained by holding one parameter fixed and letting the other vary"
    assert not held_back(_card("qa", "Level curves — what is it?", back, context="Level curves"))
    back = "Curve obtained by holding one parameter fixed and letting the other vary"
    assert not held_back(_card("qa", "Level curves — what is it?", back, context="Level curves"))


# --- order numbers, a cut answer's confidence, a definition asked forwards --------------------


def test_a_cards_topic_is_shown_without_its_files_order_number():
    fact = fact_input(
        kind="key_value",
        topic="08 Vaccines › Tetanus",
        attribute="Booster",
        value="every ten years",
        text="Booster: every ten years",
    )
    assert [c.front for c in cards_for_fact(fact)] == ["Vaccines › Tetanus — booster?"]


def test_an_answer_cut_to_its_first_sentence_is_less_sure():
    value = (
        "a ledger every node keeps a copy of, appended to in blocks. Each block holds the hash of"
        " the one before, so changing one block would mean rewriting every block after it"
    )
    fact = fact_input(
        kind="key_value", topic="Distributed systems", attribute="Blockchain", value=value
    )
    [card] = [c for c in cards_for_fact(fact) if c.kind == "qa"]
    assert card.quality == TRIMMED_QUALITY and not held_back(card_quality(card))


def test_a_definition_asked_forwards_before_the_cut_still_is():
    meaning = (
        "keeps the whole cluster running and hands out work to the other nodes. The coordinator"
        " node also tracks the health of every worker and restarts a task that fails"
    )
    fact = fact_input(
        kind="definition",
        topic="Cluster computing",
        subject="Coordinator node",
        attribute="Coordinator node",
        value=meaning,
        text=f"Coordinator node: {meaning}",
    )
    kinds = sorted(c.kind for c in cards_for_fact(fact))
    assert kinds == ["cloze", "qa"]


def test_a_definition_by_its_participle_is_no_split_sentence():
    fact = fact_input(
        kind="key_value",
        topic="Obstetrics",
        attribute="Preterm birth",
        value="defined as birth before 37 weeks of gestation",
        text="Preterm birth is defined as birth before 37 weeks of gestation",
    )
    assert not split_sentence(fact)


# --- the label asked as a question ----------------------------------------------------------


@pytest.mark.parametrize(
    "label, asked",
    [
        ("Hobbes argues", "what does Hobbes argue?"),
        ("The court held", ""),  # past tense: a holding, asked as its label
        ("The court holds", "what does the court hold?"),
        ("Locke denies", "what does Locke deny?"),
        ("it says", ""),
        ("Treatment", ""),
        # whose view a line gives: 'According to Aristotle: the soul is the body's form'
        ("According to Aristotle", "what does Aristotle say?"),
        ("According to Thomas Aquinas:", "what does Thomas Aquinas say?"),
        ("According to the court", "what does the court say?"),
        ("According to many", ""),  # nobody named
    ],
)
def test_a_label_reporting_what_someone_holds_is_asked_as_a_question(label, asked):
    assert reported_question(label) == asked


def test_a_reported_view_reaches_the_cards_front():
    fact = fact_input(
        kind="key_value",
        topic="Social contract",
        attribute="Rousseau says",
        value="the general will cannot err",
        text="Rousseau says: the general will cannot err",
    )
    assert [c.front for c in cards_for_fact(fact)] == ["Social contract — what does Rousseau say?"]


def test_whose_view_is_asked_not_hidden():
    """'[…]: the soul is the form of a living body' hid 'According to Aristotle': who holds a
    view is no name of the view to recall from it."""
    fact = fact_input(
        kind="key_value",
        topic="Views on the soul",
        attribute="According to Aristotle",
        value="the soul is the form of a living body",
        text="According to Aristotle: the soul is the form of a living body",
    )
    fronts = [c.front for c in cards_for_fact(fact)]
    assert "Views on the soul — what does Aristotle say?" in fronts
    assert not any("[…]" in front for front in fronts), fronts


@pytest.mark.parametrize("label", ["intuition", "argument", "objection"])
def test_an_argument_parts_label_asked_alone_is_held_back(label):
    card = _card("qa", f"Hash tables — {label}?", "keys read as integers index the array")
    assert held_back(card)


def test_a_next_lines_label_run_into_a_long_answer_ends_it():
    value = (
        "Function as a Service You write: only the handler and its settings Provider runs:"
        " servers, scaling and patching Example: a thumbnail resized on upload"
    )
    assert concise(value) == "Function as a Service"


def test_a_cloze_whose_bracket_never_closes_is_held_back():
    front = "Reads are served from one of the replicas (eventually […]"
    back = "Reads are served from one of the replicas (eventually consistent"
    assert held_back(_card("cloze", front, back, quality=0.75))


@pytest.mark.parametrize(
    "topic, back",
    [
        ("Otitis externa", "red canal. Pain on pulling the ear"),
        ("Otitis media", "bulging TM. Pain at night"),
        ("Status asthmaticus", "2 nebulised agents given back to back, then IV magnesium"),
        ("Code segment", "Located near the bottom of the address space"),
    ],
)
def test_a_what_is_it_back_of_fragments_a_count_or_a_place_is_held_back(topic, back):
    assert held_back(_card("qa", f"{topic} — what is it?", back, context=topic))


def test_a_what_is_it_back_spelling_its_acronym_stays():
    back = "Heparin Induced Thrombocytopenia. Falls 5 to 10 days after the first dose"
    assert not held_back(_card("qa", "HIT — what is it?", back, context="HIT"))


@pytest.mark.parametrize(
    "attribute, value",
    [
        ("The resting heart rate", "60 to 100 beats a minute in most adults"),
        ("Platelet count", "minimally changed in pregnancy, below 100 a drop is worked up"),
    ],
)
def test_a_sentences_subject_or_an_adverb_after_its_verb_is_a_split_sentence(attribute, value):
    are = "are" if attribute.endswith("s") else "is"
    fact = fact_input(
        kind="key_value",
        topic="Cardiology",
        attribute=attribute,
        value=value,
        text=f"{attribute} {are} {value}",
    )
    assert split_sentence(fact)
