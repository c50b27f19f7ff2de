"""Stop 37 (issue 10): a plain sentence saying where its subject moves, grows or drains gets a
blank on the place ('The stack grows toward […]'), in any subject. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.text.blanks import blanks_in_order


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The call stack grows toward lower addresses", "lower addresses"),
        ("Lymph drains into the subclavian veins", "subclavian veins"),
        (
            "The olfactory nerve travels to the olfactory bulb, which holds receptors",
            "olfactory bulb",
        ),
        ("Electrons flow from the anode through the wire", "anode"),
        ("Monarch butterflies migrate to central Mexico in the autumn", "central Mexico"),
    ],
)
def test_where_a_thing_moves_is_blanked(sentence, term):
    assert term in [b.term for b in blanks_in_order(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It moves to the nucleus",  # whose place?
        "Everything shifts to the right",
        "May radiate to the jaw",  # no subject
        "Reduced blood flow to the brain",  # 'flow' is a noun here
        "Traffic is shifted to the new version",  # a passive: no mover named
        "Glucose never moves into red cells without a carrier",  # a negation
    ],
)
def test_no_place_blank_without_a_named_mover(sentence):
    assert not [b for b in blanks_in_order(sentence) if b.kind == "object"]
