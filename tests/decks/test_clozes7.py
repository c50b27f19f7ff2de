"""Clozes whose blank is the term that matters: a blank hiding a vague word, one member of a
list shown beside it, the author of a view, or a piece cut out of a phrase is held back; the
cards beside each near-miss stay dealt. Every snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import best_blank, blanks_in_order


def _cloze(front: str, hidden: str, context: str = "Notes") -> float:
    back = front.replace("[…]", hidden)
    return card_quality(CardSpec("k", "cloze", "s", context, front, back, quality=0.75))


@pytest.mark.parametrize(
    ("front", "hidden"),
    [
        # a vague word: any quantity or generic noun fills it
        ("A single enzyme can bind […] substrates", "multiple"),
        ("The […] is more than the sum of its cells", "whole"),
        ("Parliament passed […] acts on trade that year", "several"),
        # one member of a list shown beside it
        ("Quarks come in flavours: up, […], strange", "down"),
        ("Oxygen, nitrogen, […]", "argon"),
        ("Fever, […], and a stiff neck suggest meningitis", "headache"),
        ("Penicillins are often used, notably […], amoxicillin, ampicillin", "methicillin"),
        # who holds the view, hidden instead of the view
        ("As […] argued, the state of nature is a war of all against all", "Hobbes"),
        ("[…] claimed that justice is the advantage of the stronger", "Thrasymachus"),
        ("Two objections from […] target the cosmological argument", "Hume"),
        ("[…]'s view is that knowledge begins with the senses", "Locke"),
        # a blank cut out of a phrase
        ("Evidence may be admitted from sources […]", "like hearsay"),
        ("The court reviews some acts […]", "such as treaties"),
        ("The second key is the […]) and it orders rows", "sort key (or range key"),
        ("[…]-14 was the date of the storming", "1789-07"),
        ("[…] there is a designer behind nature", "Suggests that"),
        ("A negative test rules […] in most patients", "out infection"),
        ("Late frosts are linked to […] in the orchard", "some sort of damage"),
    ],
)
def test_a_blank_that_hides_no_term_is_held_back(front, hidden):
    assert held_back(_cloze(front, hidden))


@pytest.mark.parametrize(
    ("front", "hidden"),
    [
        ("Meningitis is treated with […] and/or steroids", "ceftriaxone"),
        ("Insulin and […] regulate blood sugar", "glucagon"),
        ("The Treaty of […] ended the Thirty Years' War", "Westphalia"),
        ("The […] states that no state may deny equal protection", "Fourteenth Amendment"),
        ("A quicksort on sorted input takes […] time", "quadratic"),
        ("[…] is the powerhouse of the cell", "The mitochondrion"),
        ("Darwin argued that species change through […]", "natural selection"),
        ("The Magna Carta was sealed in […]", "1215"),
        ("Hydrogen bonds hold the two strands of […] together", "DNA"),
        ("A tort is a civil wrong that […] remedy", "courts"),
        ("Aspirin is a drug that […], so platelets clump less", "blocks cyclooxygenase"),
        ("[…] which spares the sinus node is rare", "Sinus arrest"),
        ("In mammals, […] cells carry oxygen", "red blood"),
        ("Vitamin B and […] dissolve in water", "C"),
        ("[…], by definition, has a backbone", "A vertebrate"),
        ("Cocoa, a stimulant, or […], a sedative, can be taken at night", "chamomile"),
        ("Insertion into a balanced tree keeps its height the […]", "same"),
        ("Gout is […] common in men", "more"),
        ("Rents that are […] to income cause hardship", "out of proportion"),
        ("Lyon and […] host the largest markets", "Marseille"),
        ("Electrons in the outer shell are called […] electrons", "valence"),
    ],
)
def test_a_blank_on_a_term_keeps_its_card(front, hidden):
    assert not held_back(_cloze(front, hidden))


def test_an_adverb_in_ally_does_not_head_a_subject_blank():
    # 'technically' is an adverb, so the line's subject is not 'technically ReLU'
    blank = best_blank("In effect technically ReLU is a special case of maxout units")
    assert blank is None or "technically" not in blank.term
    # 'Italy' and 'Family' still head a subject
    assert best_blank("Italy signed the Treaty of London in 1915") is not None


def test_a_subject_blank_does_not_span_a_clause():
    # a capitalised verb before 'that' is no name: 'Suggests that Zeus' is not the subject
    found = [b.term for b in blanks_in_order("Suggests that Zeus is the father of the gods")]
    assert all(" that " not in f" {t} " for t in found)
    # a name joined by 'and' stays one subject
    kept = [b.term for b in blanks_in_order("Bonnie and Clyde robbed banks across Texas")]
    assert "Bonnie and Clyde" in kept
