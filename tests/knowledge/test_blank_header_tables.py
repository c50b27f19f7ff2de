"""A table whose header row is left blank, its names in the first body row (as tables pasted
from a web page or a question bank come), is read with that row as its header."""

from __future__ import annotations

import pytest

from studyapp.decks.models import Card
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.models import ComparisonCell
from studyapp.pipeline import model_rebuild

BLANK_HEADER = """# Anaemia

|  |  |  |
| --- | --- | --- |
| | **Iron deficiency** | **B12 deficiency** |
| **Cell size** | Small | Large |
| **Cause** | Blood loss | Poor absorption |
"""


def test_the_first_body_row_becomes_the_header_and_rows_keep_their_lines():
    table = parse(BLANK_HEADER).sections[-1].tables[0]
    assert table.header == ["", "Iron deficiency", "B12 deficiency"]
    assert table.rows == [
        ["Cell size", "Small", "Large"],
        ["Cause", "Blood loss", "Poor absorption"],
    ]
    assert (table.line, table.first_row_line()) == (5, 6)


def test_a_table_with_a_header_is_read_as_before():
    table = parse("| Era | Start |\n| --- | --- |\n| Tudor | 1485 |\n").sections[-1].tables[0]
    assert table.header == ["Era", "Start"] and table.rows == [["Tudor", "1485"]]
    assert table.first_row_line() == 3


def test_an_all_blank_table_has_no_header_to_take():
    table = parse("|  |  |\n| --- | --- |\n|  |  |\n").sections[-1].tables[0]
    assert table.header == ["", ""] and table.rows == [["", ""]]


@pytest.mark.django_db
def test_its_cells_are_compared_and_cited_at_their_own_rows(tmp_path):
    (tmp_path / "anaemia.md").write_text(BLANK_HEADER, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    cells = {
        (c.entity, c.attribute): (c.value, c.sources[0]["line"])
        for c in ComparisonCell.objects.all()
    }
    assert cells == {
        ("Iron deficiency", "Cell size"): ("Small", 6),
        ("B12 deficiency", "Cell size"): ("Large", 6),
        ("Iron deficiency", "Cause"): ("Blood loss", 7),
        ("B12 deficiency", "Cause"): ("Poor absorption", 7),
    }
    fronts = set(Card.objects.filter(held_back=False).values_list("front", flat=True))
    assert "Anaemia · B12 deficiency — cause?" in fronts


SHIFTED_HEADER = """# Anaemia

| **Iron deficiency** | **B12 deficiency** | |
| --- | --- | --- |
| **Cell size** | Small | Large |
| **Cause** | Blood loss | Poor absorption |
"""


def test_column_names_written_one_cell_left_go_over_their_columns():
    table = parse(SHIFTED_HEADER).sections[-1].tables[0]
    assert table.header == ["", "Iron deficiency", "B12 deficiency"]
    assert table.rows[0] == ["Cell size", "Small", "Large"]


@pytest.mark.parametrize(
    "text",
    [
        # the last column is a remark some rows leave empty: a column of its own, unnamed
        "| Drug | Dose | |\n| --- | --- | --- |\n| **Aspirin** | 75 mg | daily |\n"
        "| **Heparin** | 5000 U | |\n",
        # rows not led by a bold label: the first name may well name the first column
        "| Drug | Dose | |\n| --- | --- | --- |\n| Aspirin | 75 mg | daily |\n",
    ],
)
def test_a_header_is_only_shifted_over_bold_labels_and_a_full_last_column(text):
    table = parse(text).sections[-1].tables[0]
    assert table.header == ["Drug", "Dose", ""]


@pytest.mark.django_db
def test_a_shifted_header_gives_each_value_its_own_column(tmp_path):
    (tmp_path / "anaemia.md").write_text(SHIFTED_HEADER, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    cells = {(c.entity, c.attribute): c.value for c in ComparisonCell.objects.all()}
    assert cells[("Iron deficiency", "Cell size")] == "Small"
    assert cells[("B12 deficiency", "Cause")] == "Poor absorption"
