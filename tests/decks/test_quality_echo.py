"""A cloze whose front shows its hidden words in another form answers itself."""

from studyapp.decks.generate import CardSpec
from studyapp.decks.quality import THRESHOLD, card_quality


def _cloze(front, back, context="Genetics"):
    return CardSpec("k", "cloze", "f", context, front, back)


def test_hidden_term_shown_in_another_form_is_held_back():
    front = "[…] is an inherited disorder: red cells sickle and the patient is anaemic"
    back = (
        "Sickle cell anaemia is an inherited disorder: red cells sickle and the patient is anaemic"
    )
    assert card_quality(_cloze(front, back)) < THRESHOLD


def test_hidden_term_not_shown_stays():
    front = "[…] is an inherited disorder in which red cells become crescent-shaped"
    back = "Sickle cell anaemia is an inherited disorder in which red cells become crescent-shaped"
    assert card_quality(_cloze(front, back)) >= THRESHOLD


def test_the_same_word_again_leaves_the_rest_to_recall():
    front = "A pelvic fracture is usually a fracture of the […] after high-energy trauma"
    back = "A pelvic fracture is usually a fracture of the acetabulum after high-energy trauma"
    assert card_quality(_cloze(front, back, "Orthopaedics")) >= THRESHOLD
