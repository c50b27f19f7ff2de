"""Stop 37 (issue 10): a cloze whose context already shows the hidden term is held back ('[…]
is a vasculitis of children' under 'Kawasaki', hiding 'Kawasaki disease'); one whose context
lacks the word that is the card's point stays dealt ('[…] joins the fragments' under 'DNA
replication', hiding 'DNA ligase'). Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import card_quality, held_back


def _held(context: str, front: str, back: str) -> bool:
    return held_back(card_quality(CardSpec("k", "cloze", "s", context, front, back)))


@pytest.mark.parametrize(
    ("context", "front", "back"),
    [
        (
            "Kawasaki",
            "[…] is a vasculitis of young children with fever for five days",
            "Kawasaki disease is a vasculitis of young children with fever for five days",
        ),
        (
            "Infectious Mono",
            "[…] spreads through saliva between teenagers",
            "Infectious mononucleosis spreads through saliva between teenagers",
        ),
        (
            "Running Make",
            "The rules are read from the […] in the current folder",
            "The rules are read from the Makefile in the current folder",
        ),
        (
            # the aside is left out of the words hidden: the context spells them
            "SEA",
            "[…] is a rare infection of the epidural space",
            "Spinal epidural abscess (SEA) is a rare infection of the epidural space",
        ),
    ],
)
def test_a_blank_the_context_names_is_held_back(context, front, back):
    assert _held(context, front, back)


@pytest.mark.parametrize(
    ("context", "front", "back"),
    [
        (
            "DNA Replication",
            "[…] joins the Okazaki fragments on the lagging strand",
            "DNA ligase joins the Okazaki fragments on the lagging strand",
        ),
        (
            "Process relationships",
            "Every child gets a new […] from the kernel when it is forked",
            "Every child gets a new process ID from the kernel when it is forked",
        ),
        (
            "Cavernous Sinus Thrombosis",
            "Most patients present with headache and […] before the eye signs",
            "Most patients present with headache and fever before the eye signs",
        ),
    ],
)
def test_a_blank_whose_point_the_context_lacks_stays_dealt(context, front, back):
    assert not _held(context, front, back)
