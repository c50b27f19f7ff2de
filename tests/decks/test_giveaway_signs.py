"""Stop 39 (issue 10): cards whose own words give their answer away are held back: a
definition whose meaning repeats its term in another form ('[…]: share portfolios …' hiding
'Sharing'), and a count beside the list it counts, in an aside or between dashes ('display […]
variables (x, y, hue)'). Snippets in our own words."""

from __future__ import annotations

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import THRESHOLD, card_quality


def _cloze(front: str, back: str, context: str = "Cells") -> float:
    return card_quality(CardSpec("k", "cloze", "f", context, front, back))


def test_a_definition_whose_meaning_repeats_the_term_is_held_back():
    # the meaning says the term in another form
    assert (
        _cloze(
            "[…]: divide the cell's contents between two daughter cells",
            "Division: divide the cell's contents between two daughter cells",
        )
        < THRESHOLD
    )
    # the meaning lacks the word that is the card's point: it stays
    assert (
        _cloze(
            "[…]: the membrane that surrounds the nucleus",
            "Nuclear envelope: the membrane that surrounds the nucleus",
        )
        >= THRESHOLD
    )


def test_a_count_beside_the_list_it_counts_is_held_back():
    for front, back in [
        (
            "The ribosome reads […] bases at a time (one codon: first, second, third)",
            "The ribosome reads 3 bases at a time (one codon: first, second, third)",
        ),
        (
            "Plants need […] gases — carbon dioxide, oxygen — to live",
            "Plants need two gases — carbon dioxide, oxygen — to live",
        ),
        (
            "A cell cycle has […] phases (G1, S, G2, M)",
            "A cell cycle has 4 phases (G1, S, G2, M)",
        ),
    ]:
        assert _cloze(front, back) < THRESHOLD, front
    # a count whose list is elsewhere is asked
    assert (
        _cloze(
            "A human body cell holds […] chromosomes in pairs",
            "A human body cell holds 46 chromosomes in pairs",
        )
        >= THRESHOLD
    )
