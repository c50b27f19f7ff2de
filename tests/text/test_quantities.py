from __future__ import annotations

import pytest

from studyapp.text.quantities import find_quantities, first_quantity, parse_answer


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("15 min", "900 s"),
        ("900 seconds", "15 mins"),
        ("10GB", "10 GB"),
        ("4kb", "4 KB"),
        ("1M", "1,000,000"),
    ],
)
def test_same_quantity_written_differently_is_equal(a, b):
    assert first_quantity(a).key() == first_quantity(b).key()


def test_ranges_and_ocr_slips_of_a_scanned_note():
    memory = first_quantity("128 MB— IOGB (l MB increments)")
    assert memory.is_range
    assert memory.key() == first_quantity("128MB - 10GB").key()
    assert memory.display() == "128 MB – 10 GB"
    assert [q.display() for q in find_quantities("(l MB increments)")] == ["1 MB"]


def test_not_quantities():
    assert find_quantities("reduces failover time by 66%") == []
    assert find_quantities("version 3 of the API") == []  # a bare small number is not a quantity
    assert [q.text for q in find_quantities("400,000 GB-s compute")] == ["400,000"]


def test_parse_answer_accepts_one_quantity_only():
    assert parse_answer("15 minutes").key() == first_quantity("900s").key()
    assert parse_answer("between 1 s and 2 s") is None


def test_case_sensitive_units():
    assert find_quantities("3 US regions") == []
    assert find_quantities("timeout 15m") == []
    assert first_quantity("1M requests").key() == first_quantity("1,000,000").key()


@pytest.mark.parametrize(
    "text",
    [
        "$0.40 per 1M requests",
        "€2/1K calls",
        "costs 3 dollars per 1,000 words translated",
        "subnet 10.0.0.0/16",
        "gateway at 192.168.1.254",
        "needs Python 3.11.2",
    ],
)
def test_denominators_addresses_and_versions_are_no_quantities(text):
    assert find_quantities(text) == []


def test_a_value_given_by_example_has_no_quantity_of_its_own():
    assert first_quantity("depends on the species, e.g. 20 days") is None
    assert first_quantity("gestation 280 days, e.g. 40 weeks").text == "280 days"
    assert first_quantity("1M requests per month").text == "1M"
