"""A cloze whose front shows its hidden words in another form answers itself."""

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import THRESHOLD, card_quality


def _cloze(front, back, context="Genetics"):
    return CardSpec("k", "cloze", "f", context, front, back)


def test_hidden_term_shown_in_another_form_is_held_back():
    front = "[…] is an inherited disorder of haemoglobin; the haemoglobin molecule sickles"
    back = "Sickle cell anaemia is an inherited disorder of haemoglobin; the haemoglobin molecule sickles"
    assert card_quality(_cloze(front, back)) < THRESHOLD


def test_hidden_term_not_shown_stays():
    front = "[…] is an inherited disorder in which red cells become crescent-shaped"
    back = "Sickle cell anaemia is an inherited disorder in which red cells become crescent-shaped"
    assert card_quality(_cloze(front, back)) >= THRESHOLD
