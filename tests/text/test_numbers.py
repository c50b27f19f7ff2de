"""Plain numbers read and written (studyapp/text/numbers.py)."""

from __future__ import annotations

import pytest

from studyapp.text.numbers import count_text, number_word, plain_number, written_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1000", 1000.0),
        ("1,000", 1000.0),
        ("  -2.5 ", -2.5),
        (".5", 0.5),
        ("−5", -5.0),
        ("+3", 3.0),
        ("1,000,000.25", 1000000.25),
    ],
)
def test_plain_number_reads_numbers_as_people_type_them(text, expected):
    assert plain_number(text) == expected


@pytest.mark.parametrize("text", ["1e3", "10,00", "15 min", "", "abc", "1.", "9" * 400])
def test_plain_number_refuses_anything_else(text):
    assert plain_number(text) is None


def test_plain_number_of_something_not_text_is_none():
    assert plain_number(900) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (900.0, "900"),
        (2.5, "2.5"),
        (-5.0, "-5"),
        (0.1, "0.1"),
        (1 / 3, "0.3333333333333333"),
        (1e20, "100000000000000000000"),
        (1.5e20, "150000000000000000000"),
    ],
)
def test_written_number_writes_what_plain_number_reads_back(value, expected):
    assert written_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (900.0, "900"),
        (-2.5, "-2.5"),
        (1 / 3, "0.3333333333"),
        (1e14, "100000000000000"),
        (1e15, "1e+15"),
        (1e20, "1e+20"),
    ],
)
def test_written_number_for_people(value, expected):
    assert written_number(value, digits=10, max_integer=1e15) == expected


def test_written_number_past_max_integer_without_digits_is_repr():
    assert written_number(1e15, max_integer=1e15) == "1000000000000000.0"
    assert written_number(1e16, max_integer=1e15) == "1e+16"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1000.0, "1,000"), (1000000, "1,000,000"), (7.0, "7"), (2.5, "2.5"), (1234.5678, "1234.57")],
)
def test_count_text(value, expected):
    assert count_text(value) == expected


def test_number_word():
    assert [number_word(n) for n in range(2, 8)] == ["two", "three", "four", "five", "six", "seven"]
    assert number_word(0) == "zero"
    assert number_word(10) == "ten"
    assert number_word(11) == "11"
