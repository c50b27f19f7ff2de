"""A two-column table headed by one name over a blank, then rows of a field and its value (a
question bank's or a wiki's record of one thing), gives that thing's facts, as the outline it
stands for would; it is no comparison of the name with a blank."""

from __future__ import annotations

import pytest

from studyapp.decks.models import Card
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.models import Comparison
from studyapp.pipeline import model_rebuild

TREATY = """# Early modern Europe

| **Peace of Westphalia** |  |
| --- | --- |
| **Signed** | 1648 |
| **Ended** | the Thirty Years' War<br>the Eighty Years' War |
| **Principle** | Each state is sovereign over its own territory |
| **HRE** = Holy Roman Empire. |  |
"""


def test_each_row_is_a_fact_of_the_named_thing_at_its_own_line():
    facts = extract(parse(TREATY)).facts
    by_line = {f.line: f for f in facts}
    assert by_line[7].attribute == "Principle"
    assert by_line[7].value == "Each state is sovereign over its own territory"
    assert by_line[7].headings[-1] == "Peace of Westphalia"
    assert by_line[6].kind == "enumeration"
    assert by_line[6].items == ("the Thirty Years' War", "the Eighty Years' War")
    assert any(f.kind == "definition" and f.subject == "HRE" for f in facts)
    assert not extract(parse(TREATY)).tables


def test_a_table_of_two_named_columns_is_still_a_comparison():
    two = "| **Mitosis** | **Meiosis** |\n| --- | --- |\n| Divisions: 1 | Divisions: 2 |\n"
    assert extract(parse(two)).tables


@pytest.mark.django_db
def test_it_gives_cards_on_the_thing_and_no_comparison(tmp_path):
    (tmp_path / "europe.md").write_text(TREATY, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    fronts = dict(Card.objects.filter(held_back=False).values_list("front", "back"))
    assert fronts.get("Peace of Westphalia — principle?") == (
        "Each state is sovereign over its own territory"
    )
    assert not Comparison.objects.exists()


UNNAMED = """# Interstitial cystitis

|  |  |
| --- | --- |
| **Epidemiology** | More common in women<br>Associated with anxiety |
| **Diagnosis** | Bladder pain for more than six weeks |
"""


def test_a_record_with_no_name_row_is_the_sections_and_no_header_is_made_of_its_first_row():
    outline = parse(UNNAMED)
    table = outline.sections[-1].tables[0]
    assert table.header == ["", ""] and len(table.rows) == 2
    facts = extract(outline).facts
    assert {(f.kind, f.line) for f in facts} >= {("enumeration", 5), ("key_value", 6)}
    diagnosis = next(f for f in facts if f.line == 6)
    assert diagnosis.headings == ("Interstitial cystitis",)
    assert diagnosis.value == "Bladder pain for more than six weeks"
    assert not extract(outline).tables
