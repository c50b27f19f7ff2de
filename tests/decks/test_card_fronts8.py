"""Question–answer fronts that say what is asked (round fronts8): an aspect label is asked as a
teacher asks it, naming the subject rather than a section path; a subheading written as a
clause is no context; an answer that opens by naming its label again loses it; what stays
unclear (a question for an answer, a predicate cut inside an adverb phrase) is held back.
Every snippet is our own wording, in several subjects."""

from __future__ import annotations

from studyapp.decks.generate import aspect_question, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.prompts import clause_heading, context
from tests.decks.facts import fact_input


def _qa(**fields):
    fields.setdefault("kind", "key_value")
    fields.setdefault("text", f"{fields.get('attribute', '')}: {fields.get('value', '')}")
    cards = [c for c in cards_for_fact(fact_input(**fields)) if c.kind == "qa"]
    assert len(cards) == 1, cards
    return cards[0], card_quality(cards[0])


# --- an aspect label asked as a question about its subject -----------------------------------


def test_a_treatment_line_is_asked_how_to_treat_the_topic():
    card, quality = _qa(topic="Malaria", attribute="Treatment", value="artemisinin combinations")
    assert card.front == "How do you treat Malaria?"
    assert card.context == "Malaria"  # the path is still shown above the question
    assert card.back == "artemisinin combinations"
    assert not held_back(quality)


def test_shorthand_for_an_aspect_is_a_clear_question_and_stays_dealt():
    card, quality = _qa(topic="Gout", attribute="Tx", value="colchicine or an NSAID")
    assert card.front == "How do you treat Gout?"
    assert not held_back(quality)  # 'Gout — tx?' was held back as shorthand


def test_uses_pros_and_cons_name_the_thing_they_are_of():
    card, _ = _qa(topic="Git rebase", attribute="Used for", value="tidying a branch's history")
    assert card.front == "What can Git rebase be used for?"
    card, _ = _qa(topic="Nuclear power", attribute="Pros", value="low carbon, steady output")
    assert card.front == "What are the advantages of Nuclear power?"
    card, _ = _qa(topic="Jury trials", attribute="Cons", value="slow and costly")
    assert card.front == "What are the drawbacks of Jury trials?"


def test_an_aspect_heading_is_passed_over_for_the_subject_it_is_of():
    # 'Tuberculosis › Workup — diagnosis?': the workup is an aspect, the disease the subject
    card, _ = _qa(topic="Tuberculosis › Workup", attribute="Diagnosis", value="sputum culture")
    assert card.front == "How do you diagnose Tuberculosis?"
    card, _ = _qa(
        topic="Plea bargaining",
        subheading="Pros and cons",
        attribute="Pros",
        value="spares courts a full trial",
    )
    assert card.front == "What are the advantages of Plea bargaining?"


def test_a_qualifying_subheading_keeps_the_path_and_label_front():
    # 'in children' would be lost from a question about the topic alone
    card, _ = _qa(
        topic="Asthma", subheading="In children", attribute="Treatment", value="inhaled steroids"
    )
    assert card.front == "Asthma · in children — treatment?"


def test_an_aspect_word_that_is_a_term_here_is_asked_as_written():
    # in an experiment, 'Treatment' is what a group is given: the value says what it means
    card, _ = _qa(
        topic="Experimental design",
        attribute="Treatment",
        value="the condition applied to one group of subjects",
    )
    assert card.front == "Experimental design — treatment?"
    assert aspect_question("Roles", "Access control") == ""  # 'Role' is a term there


def test_another_name_is_asked_for_by_name():
    card, _ = _qa(topic="Kreb cycle", attribute="Also known as", value="the citric acid cycle")
    assert card.front == "What is another name for Kreb cycle?"
    card, _ = _qa(topic="HTTP", attribute="Stands for", value="Hypertext Transfer Protocol")
    assert card.front == "What does HTTP stand for?"


def test_the_reworded_card_keeps_its_key():
    plain = fact_input(kind="key_value", topic="Malaria", attribute="Vector", value="mosquitoes")
    aspect = fact_input(kind="key_value", topic="Malaria", attribute="Treatment", value="ACTs")
    [old] = cards_for_fact(plain)
    [new] = cards_for_fact(aspect)
    assert old.key == new.key  # keys come from the fact's key, not the front's wording
    assert new.asked_as == "Malaria — treatment?"  # one question with a table cell asking it


# --- a clause is no context -------------------------------------------------------------------


def test_a_subheading_written_as_a_clause_is_not_shown():
    assert context("Spanish verbs", "Spanish has two verbs for to be") == "Spanish verbs"
    assert context("Shell", "when output is redirected") == "Shell"
    assert context("Rust notes", "how?") == "Rust notes"
    assert context("Stoicism", "They differ in three ways.") == "Stoicism"
    assert context("Photosynthesis", "Light reactions") == "Photosynthesis · light reactions"
    assert not clause_heading("Article I – legislative branch (Congress)")
    assert not clause_heading("if the queue is full")  # a case's premise, read off the context


def test_a_line_under_a_clause_heading_is_asked_under_its_topic():
    card, _ = _qa(
        topic="Contract law",
        subheading="a contract can be void or voidable",
        attribute="Voidable",
        value="valid until one party chooses to end it",
    )
    assert card.front == "Contract law — voidable?"


# --- backs that say the label again, and what stays unclear ------------------------------------


def test_an_answer_that_opens_with_its_label_loses_it():
    card, _ = _qa(topic="Lyme disease", attribute="Treatment", value="Treatment is doxycycline")
    assert card.back == "doxycycline"
    card, _ = _qa(topic="Bonds", attribute="Yield", value="Yield: coupon divided by price")
    assert card.back == "coupon divided by price"


def test_a_question_for_an_answer_is_held_back():
    _, quality = _qa(
        topic="Ethics", attribute="Central puzzle", value="why may we eat plants but not animals?"
    )
    assert held_back(quality)


def test_a_predicate_cut_inside_an_adverb_phrase_is_held_back():
    fact = fact_input(kind="statement", topic="Log rotation", text="Disabled by default")
    cards = [c for c in cards_for_fact(fact) if c.kind == "qa"]
    assert cards and all(held_back(card_quality(c)) for c in cards)
    fact = fact_input(kind="statement", topic="Penicillin", text="Treated with penicillin G")
    assert all(c.quality >= 0.5 for c in cards_for_fact(fact))


def test_a_predicate_answered_by_an_adverb_alone_is_held_back():
    fact = fact_input(kind="statement", topic="Function arguments", text="Listed respectively")
    cards = [c for c in cards_for_fact(fact) if c.kind == "qa"]
    assert cards and all(held_back(card_quality(c)) for c in cards)


def test_a_lectures_log_asked_as_a_label_is_held_back():
    _, quality = _qa(topic="Week recap", attribute="Looked at", value="Hume's problem of induction")
    assert held_back(quality)


def test_an_acronym_whose_line_spells_it_is_asked_what_it_stands_for():
    card, quality = _qa(topic="GDPR", attribute="GDPR", value="General Data Protection Regulation")
    assert card.front == "What does GDPR stand for?"
    assert not held_back(quality)


def test_a_what_is_it_back_that_opens_on_a_verb_is_held_back():
    # 'Dialysis: use for renal failure' says when to use it, not what it is
    _, quality = _qa(topic="Bail", attribute="Bail", value="can be refused for serious offences")
    assert held_back(quality)
    _, quality = _qa(topic="Fermentation", attribute="Fermentation", value="use for bread and beer")
    assert held_back(quality)
    _, quality = _qa(topic="Tariff", attribute="Tariff", value="a tax on imported goods")
    assert not held_back(quality)


def test_a_verb_cut_from_its_particle_is_held_back():
    fact = fact_input(kind="statement", topic="Mailing lists", text="Can be opted out of any time")
    cards = [c for c in cards_for_fact(fact) if c.kind == "qa"]
    assert cards and all(held_back(card_quality(c)) for c in cards)


def test_a_label_naming_its_line_by_its_siblings_is_held_back():
    # '- Both: share a common ancestor' under two species compared: both of what?
    _, quality = _qa(
        topic="Finches and tanagers", attribute="Both", value="share a common ancestor"
    )
    assert held_back(quality)
