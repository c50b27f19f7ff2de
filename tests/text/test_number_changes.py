"""A bare number turning into another ('the clock goes from 1 → 0') is one change: the arrow
between them parts no two statements, and a blank on the number takes the change whole
(blind s40-obs: 'Outputs change when clock goes from […]' / '1', the '→ 0' cut off). An arrow
between clauses or names still parts them. Snippets in our own words."""

from __future__ import annotations

from studyapp.text.blanks import blanks_in_order, sentences


def test_an_arrow_between_two_numbers_parts_nothing():
    assert sentences("The latch output flips when the clock goes from 1 → 0") == [
        "The latch output flips when the clock goes from 1 → 0"
    ]


def test_an_arrow_between_clauses_or_names_still_parts_them():
    assert sentences("Hypoventilation → hypercapnia → acidosis") == [
        "Hypoventilation",
        "hypercapnia",
        "acidosis",
    ]
    assert sentences("Glucose + 6 O2 → 6 CO2 + 6 H2O") == ["Glucose + 6 O2", "6 CO2 + 6 H2O"]


def test_a_number_blank_takes_the_change_whole():
    blanks = blanks_in_order("The price index went 200 -> 210 in one year.")
    assert blanks and blanks[0].term == "200 -> 210"
