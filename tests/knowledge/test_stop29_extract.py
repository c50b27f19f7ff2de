"""Stop 29 (issue 10): a symbol a note app draws as a bullet's icon is not a word of the line; a
reading list's entry and a lecture's recap are no facts. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_nonfacts import non_fact
from studyapp.knowledge.ingest.parse import parse

ICONS = """# Cell biology

## Organelles
- & Ribosomes are made of RNA and protein
- % Lysosomes contain digestive enzymes
- ! The nucleus holds most of the DNA
- $ 5 a slide for the microscope hire
- ~ 30 minutes to stain a sample
"""


def _texts(text: str) -> list[str]:
    return [f.text for f in extract(parse(text), name="n").facts]


def test_a_bullet_icon_is_not_read_as_part_of_the_line():
    texts = _texts(ICONS)
    assert "Ribosomes are made of RNA and protein" in texts
    assert "Lysosomes contain digestive enzymes" in texts
    assert "The nucleus holds most of the DNA" in texts
    assert not any(t[:1] in "&%!" for t in texts)


def test_a_symbol_before_a_number_is_kept():
    texts = _texts(ICONS)
    assert any(t.startswith("$ 5") or t.startswith("$5") for t in texts), texts
    assert any(t.startswith("~ 30") or t.startswith("~30") for t in texts), texts


@pytest.mark.parametrize(
    "line",
    [
        "Okafor, N. (2019). Tides and the moon. Journal of Coastal Studies, 12(3), 101-119.",
        "Brandt K, Ito M (2021) Soil fungi and drought. Plant Ecology 44: 210–224",
        "Last time: the causes of the First World War",
        "Next week: meiosis and crossing over",
        "Today: the Krebs cycle",
    ],
)
def test_a_reading_list_entry_or_a_lecture_recap_is_no_fact(line):
    assert non_fact(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Treaty of Westphalia (1648) ended the Thirty Years War",
        "Insulin was isolated in 1921 by Banting and Best",
        "Last time the river flooded was in 1953",
    ],
)
def test_a_dated_claim_is_still_a_fact(line):
    assert not non_fact(line)


def test_an_example_beside_a_section_is_no_entity_to_compare():
    from studyapp.knowledge.ingest.compare import is_entity_title

    assert not is_entity_title("e.g., Given a 4-bit number")
    assert is_entity_title("Two's complement")


def test_a_measured_range_keeps_both_ends():
    note = "# Disks\n\n## Cold volumes\n- throughput ~40 MB/s, 5-20ms latency, no burst\n"
    values = [(f.attribute, f.value) for f in extract(parse(note), name="n").facts if f.attribute]
    assert ("latency", "5-20ms") in values, values


def test_a_title_row_over_bold_column_names_is_the_tables_caption():
    note = (
        "# Food poisoning\n\n"
        "| **Bacterial causes** |  |\n| --- | --- |\n"
        "| **Organism** | **Features** |\n"
        "| _B. cereus_ | Vomiting soon after reheated rice |\n"
        "| _C. perfringens_ | Cramps after reheated meat |\n"
    )
    (table,) = [t for s in parse(note).sections for t in s.tables]
    assert table.header == ["Organism", "Features"]
    assert table.caption == "Bacterial causes"
    assert table.rows[0] == ["B. cereus", "Vomiting soon after reheated rice"]


def test_a_title_row_over_rows_that_are_not_bold_stays_the_header():
    note = "# Prices\n\n| Cafe prices |  |\n| --- | --- |\n| Tea | 2 |\n| Cake | 3 |\n"
    (table,) = [t for s in parse(note).sections for t in s.tables]
    assert table.header == ["Cafe prices", ""]
    assert table.rows == [["Tea", "2"], ["Cake", "3"]]


DEFINED_BY_FORMULA = """# Hashing

> [!def]+ Linear probe sequence
> $$
> (h(k) + i) \\text{ mod } m
> $$
> - Try the next slot each time

## Geometry

> [!thm] Area of a region
> $$\\text{Area}(R) = \\int_{R} 1 \\, dA$$
"""


def test_a_definition_block_whose_body_is_a_formula_asks_its_title():
    facts = extract(parse(DEFINED_BY_FORMULA), name="n").facts
    asked = {f.attribute: f.value for f in facts if f.kind == "qa"}
    assert asked.get("Linear probe sequence = ?", "").startswith("$(h(k) + i)")
    # a left side in words and a symbol names its quantity
    assert "Area(R) = ?" in asked, asked


def test_tags_a_line_ends_on_are_not_read_as_its_words():
    note = "# Spanish\n\n- Careful: 'embarazada' means pregnant #spanish/false-friends\n- Tags: #a #b\n"
    texts = [i.text for s in parse(note).sections for i in s.items]
    assert "Careful: 'embarazada' means pregnant" in texts
    assert "Tags: #a #b" in texts  # a line of tags stays whole, for extraction to tell apart


GENUS_DEFINITIONS = """# Geometry and biology

## Terms
- **Simple closed curve**
    - Closed curve that does not cross itself
- **Closed curve**
    - A curve whose ends meet
- **Invertebrate**
    - Animal that has no backbone
- Fetched from memory
    - the next instruction
"""


def test_a_term_over_its_genus_and_difference_is_defined_even_with_a_negation_in_it():
    defined = {
        f.subject: f.value
        for f in extract(parse(GENUS_DEFINITIONS), name="n").facts
        if f.kind == "definition"
    }
    assert defined.get("Simple closed curve") == "Closed curve that does not cross itself"
    assert defined.get("Closed curve") == "A curve whose ends meet"
    assert defined.get("Invertebrate") == "Animal that has no backbone"
    assert "Fetched from memory" not in defined  # a participle and its preposition: no term


def test_an_alias_under_a_sentence_names_what_the_sentence_is_about():
    note = (
        "# Cloud training\n\n## In transit\n"
        "* traffic between training nodes may be optionally encrypted\n"
        "    * AKA inter-container encryption\n"
        "* **Spot training**\n    * aka managed spot\n"
    )
    aliases = [
        f.value for f in extract(parse(note), name="n").facts if f.attribute == "Also known as"
    ]
    assert aliases == ["managed spot"], aliases
