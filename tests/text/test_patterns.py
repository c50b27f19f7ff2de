"""The word tests in front of costly patterns (text.patterns.may_match with the lexicon's
`…_NEEDS`) never turn away a line the pattern matches: extraction reads the same facts with them
as without. Lines written for these tests, one or more per alternative of each pattern."""

from __future__ import annotations

import re

import pytest

from studyapp.text import lexicon
from studyapp.text.patterns import may_match

# (pattern, needs as may_match takes them, lines the pattern matches)
CASES = [
    (
        lexicon.CHAT_FILLER,
        lexicon.CHAT_FILLER_NEEDS,
        [
            "Sure! Here's a summary:",
            "Certainly, here it is",
            "Absolutely. The answer is",
            "Of course! Mitosis is",
            "Great question! It depends",
            "Good question, let's see",
            "Okay, so the cell",
            "OK. Next",
            "Let me know if you want more",
            "I hope this helps!",
            "Would you like me to expand?",
            "Feel free to ask about it",
            "FEEL FREE TO REACH OUT",
            "Happy to help with that",
            "Hope this clarifies things",
        ],
    ),
    (
        lexicon.COURSE_LOGISTICS,
        lexicon.COURSE_LOGISTICS_NEEDS,
        [
            "In the next lesson we cover enzymes",
            "Previous lecture: osmosis",
            "Upcoming video on DNA",
            "Today's session is on cells",
            "Todays class starts late",
            "last module of the course",
            "Next week we revise",
            "see the next chapter",
            "Previous section recap",
            "In this video we look at ATP",
            "In the previous course we saw",
            "in the last clip",
            "Homework 3 is due Friday",
            "Assignments are due tomorrow",
            "The essay is due next week",
            "Problem sets due on Monday",
            "Due by Friday",
            "See you next time",
            "See you tomorrow!",
            "Office hours: Tuesday",
            "Like and subscribe",
            "Subscribe to my channel",
            "Demo: create a bucket",
            "Hands-on – launch an instance",
            "Lab: set up the VPC",
            "Click Create function",
            "Tap the menu",
            "Go to the console",
            "Navigate to IAM",
        ],
    ),
    (
        lexicon.MEASURE,
        (lexicon.MEASURE_NEEDS, ()),
        [
            "Lightweight JS (sub-ms latency)",
            "24 hour retention",
            "5 minutes TTL",
            "10ms startup times",
        ],
    ),
    (
        lexicon.ACCESS_CLAIM[1],
        (lexicon.CLAIM_NEEDS, ()),
        ["No network access", "File system access"],
    ),
    (
        lexicon.BODY_ACCESS_CLAIM[1],
        (lexicon.CLAIM_NEEDS, ()),
        ["No access to the body of the request"],
    ),
    (
        lexicon.REGION_CLAIM[1],
        (lexicon.CLAIM_NEEDS, ()),
        ["Author your functions in one AWS Region (us-east-1)"],
    ),
    (
        lexicon.SCALE_CLAIM[1],
        (lexicon.CLAIM_NEEDS, ()),
        ["Scales to 1000s of requests/second", "Millions of requests per second"],
    ),
    (
        lexicon.LANGUAGE_LIST,
        (lexicon.LANGUAGE_NEEDS, ()),
        [
            "10x boost (Java, .NET, Python)",
            "for java 11 and above",
            "written in Golang or Rust",
            "(Node.js, TypeScript)",
            "in Ruby",
            "for C# and PowerShell",
            "(nodejs)",
            "(JavaScript)",
        ],
    ),
]


@pytest.mark.parametrize(("pattern", "needs", "lines"), CASES)
def test_a_line_the_pattern_matches_passes_the_word_test(pattern, needs, lines):
    for line in lines:
        for written in (line, line.upper(), line.lower()):
            assert pattern.search(written), written  # the case is one the pattern matches
            assert may_match(written, *needs), written


def test_a_line_with_none_of_the_words_is_turned_away():
    assert not may_match("Mitochondria make ATP", *lexicon.COURSE_LOGISTICS_NEEDS)
    assert not may_match("Mitochondria make ATP", *lexicon.CHAT_FILLER_NEEDS)
    assert not may_match("Mitochondria make ATP", lexicon.MEASURE_NEEDS)


def test_letters_that_fold_to_ascii_only_when_case_is_ignored_are_left_to_the_pattern():
    # 'ſ' is 's' and 'ı' is 'i' to IGNORECASE, not to str.lower()
    line = "ſee you next time"
    assert lexicon.COURSE_LOGISTICS.search(line) and may_match(
        line, *lexicon.COURSE_LOGISTICS_NEEDS
    )
    line = "next lesſon"
    assert re.search(lexicon.COURSE_LOGISTICS, line) and may_match(
        line, *lexicon.COURSE_LOGISTICS_NEEDS
    )


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("24 hour retention", "24 hour"),
        ("Lightweight JS (sub-ms latency)", "sub-ms"),
        # a number inside a word is none: 'Na/H2O retention' was read as retention = '2O'
        ("hypertension (due to Na/H2O retention)", None),
        ("CO2 retention in COPD", None),
    ],
)
def test_a_measure_starts_a_word(line, value):
    m = lexicon.MEASURE.search(line)
    assert (m.group("value").strip() if m else None) == value
