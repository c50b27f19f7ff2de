"""A term written beside its abbreviation is hidden with it, whichever of the two is
emphasised: 'Signs of […] (ICP)' and 'the human papillomavirus ([…])' each gave the other half
away (blind s40-med: GIVEAWAY). The pair is the author's, so the abbreviation need only take
its letters in order from the words ('ICP' from 'increased intracranial pressure'), as medical
and technical ones do. Snippets in our own words."""

from __future__ import annotations

import functools

import pytest

from studyapp.decks.generate import abbreviates
from tests.decks.facts import cloze_fronts

_cloze_fronts = functools.partial(cloze_fronts, topic="Neurology")


@pytest.mark.parametrize(
    ("text", "bold", "front"),
    [
        (
            "Signs of increased intracranial pressure (ICP) appear as the mass grows.",
            "increased intracranial pressure",
            "Signs of […] appear as the mass grows",
        ),
        (
            # the abbreviation emphasised, its words before the bracket
            "Most cervical cancers are caused by the human papillomavirus (HPV), a common virus.",
            "HPV",
            "Most cervical cancers are caused by the […], a common virus",
        ),
        (
            "The heart's rhythm is slowed at the atrioventricular (AV) node before the ventricles.",
            "AV",
            "The heart's rhythm is slowed at the […] node before the ventricles",
        ),
        (
            # a small number said again in words
            "Blood for the hormone panel is drawn on cycle day 3 (the third day of the cycle).",
            "3",
            "Blood for the hormone panel is drawn on cycle day […]",
        ),
    ],
)
def test_a_term_and_its_abbreviation_are_hidden_together(text, bold, front):
    fronts = _cloze_fronts(text, bold)
    assert front in fronts
    assert fronts[front] == text.rstrip(".")  # the back is the line as written


@pytest.mark.parametrize(
    ("text", "bold", "front"),
    [
        (
            # another test named after the hidden words
            "Rising creatinine marks acute kidney injury (CT later) in most adults.",
            "acute kidney injury",
            "Rising creatinine marks […] (CT later) in most adults",
        ),
        (
            # one word: its letters hold too many abbreviations to take any
            "A stiff neck with fever suggests meningitis (MI) in young adults.",
            "meningitis",
            "A stiff neck with fever suggests […] (MI) in young adults",
        ),
    ],
)
def test_an_aside_that_is_not_the_terms_abbreviation_stays(text, bold, front):
    assert front in _cloze_fronts(text, bold)


@pytest.mark.parametrize(
    ("abbreviation", "words", "expected"),
    [
        ("ICP", "increased intracranial pressure", True),
        ("HPV", "human papillomavirus", True),
        ("TdT", "terminal deoxynucleotidyltransferase", True),
        ("HPV", "papillomavirus", False),  # its first letter must be the words' first
        ("MRI", "meningitis", False),  # letters not all there in order
        ("A", "artery", False),  # one letter is no abbreviation
        ("Ok", "only known", False),  # one capital: a word, not an abbreviation
    ],
)
def test_abbreviates(abbreviation, words, expected):
    assert abbreviates(abbreviation, words) is expected
