"""A line the author put in bold: a title over what follows ('**Lambda@Edge**'), unless it is a
sentence they highlighted, which states a fact like any other line. Snippets written for the
test (networking, biology, history)."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse


def _facts(note: str) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(f.line, f.text, f.headings) for f in extract(parse(note), name="n.md").facts]


def test_a_highlighted_sentence_over_a_list_is_a_fact_not_a_heading():
    note = (
        "# Cells\n\n**A mature red blood cell has no nucleus and lives about 120 days.**\n\n"
        "- made in the bone marrow\n"
    )
    facts = _facts(note)
    assert (
        3,
        "A mature red blood cell has no nucleus and lives about 120 days.",
        ("Cells",),
    ) in facts
    assert all(len(headings) == 1 for _line, _text, headings in facts)


def test_a_long_bold_line_with_a_verb_is_a_sentence_without_its_full_stop():
    note = (
        "# Rome\n\n**The Senate advised the consuls and controlled the treasury of the Republic**\n\n"
        "- its members served for life\n"
    )
    assert any(line == 3 for line, _text, _headings in _facts(note))


def test_a_bold_title_still_heads_what_follows():
    note = "# Networks\n\n**Edge functions**\n\n- run in every edge location\n"
    assert _facts(note) == [(5, "run in every edge location", ("Networks", "Edge functions"))]


def test_a_line_of_tags_is_no_fact():
    note = "# Tort Law\n#law #law/tort #year2\n\nA tort is a civil wrong that lets the victim claim damages.\n"
    assert [text for _line, text, _headings in _facts(note)] == [
        "A tort is a civil wrong that lets the victim claim damages."
    ]
