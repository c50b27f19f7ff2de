"""Comparisons of parallel sections: rows are attributes both sides state, entities are things.

Snippets of notes written for these tests (biology, history, chemistry, programming), one per
junk class of issue 10.
"""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.candidates import Group
from studyapp.knowledge.ingest.compare import is_entity_title, is_parallel, same_row
from studyapp.knowledge.ingest.compare_rows import align
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse


def _model(**notes):
    return merge({slug: extract(parse(text)) for slug, text in notes.items()})


def _table(model, *entities):
    wanted = {e.lower() for e in entities}
    found = [c for c in model.comparisons if {e.lower() for e in c.entities} == wanted]
    return found[0] if found else None


def _cells(comparison):
    return {(c.attribute, c.entity): c.value for c in comparison.cells}


CELL_DIVISION = """# Cell division

## Mitosis

- Purpose: growth and repair of tissue
- Daughter cells: 2, identical to the parent
- Takes place in body cells
- Crossing over does not happen

## Meiosis

- Purpose: making gametes for sexual reproduction
- Daughter cells: 4, each with half the chromosomes
- Takes place in the ovaries and testes
- Ends in cells that differ from each other
"""


def test_rows_are_the_keys_both_sides_state_with_the_keys_stripped_from_the_cells():
    table = _table(_model(bio=CELL_DIVISION), "Mitosis", "Meiosis")
    assert table is not None
    cells = _cells(table)
    assert cells[("Purpose", "Mitosis")] == "growth and repair of tissue"
    assert cells[("Daughter cells", "Meiosis")] == "4, each with half the chromosomes"
    # 'Takes place in …' opens both lines: that is an attribute, with the lines as its cells.
    assert ("Takes place", "Meiosis") in cells
    # 'cells' also occurs in 'Ends in cells that differ' and 'Takes place in body cells', but a
    # word that happens to occur in two lines is no row of its own.
    assert "Cells" not in table.attributes
    assert len(table.attributes) == 3


def test_scattered_shared_words_and_a_second_clause_are_no_row():
    # 'ms' and 'time' occur in both, but nowhere as one phrase: the row was 'Ms times'.
    a = Group((), "Sprinters", 1, [("Sub-10 s race times, very short strides", 2)])
    b = Group((), "Marathoners", 3, [("Longer race (several hours) with slow times", 4)])
    assert align(a, b) == []
    # 'requests/second' ends both lines, but in the first it ends a second claim, so
    # 'Sub-ms startup times, millions of' is no value of it (the row was 'Requests second').
    a = Group((), "Fast cache", 1, [("Sub-ms lookups, millions of reads/second", 2)])
    b = Group((), "Slow cache", 3, [("Handles 1000s of reads/second", 4)])
    assert align(a, b) == []


def test_one_shared_word_at_the_end_of_both_lines_names_a_row():
    a = Group((), "Insects", 1, [("6 legs", 2), ("Three body parts", 3)])
    b = Group((), "Spiders", 4, [("8 legs", 5), ("Two body parts", 6)])
    rows = [(r.attribute, r.a[0], r.b[0]) for r in align(a, b)]
    assert rows == [
        ("Legs", "6 legs", "8 legs"),
        ("Body parts", "Three body parts", "Two body parts"),
    ]


def test_rows_named_only_by_a_generic_word_are_dropped_and_so_is_the_comparison():
    # Two treaties whose bullets share only 'through' and 'used': no row, so no table.
    note = """# Treaties

## Treaty of Westphalia

- Ended the war through a set of agreements
- Used to found the idea of state sovereignty

## Treaty of Versailles

- Imposed reparations through the war-guilt clause
- Used by later governments as a grievance
"""
    assert _table(_model(hist=note), "Treaty of Westphalia", "Treaty of Versailles") is None


def test_a_table_row_named_by_no_shared_words_is_dropped_not_called_point_n():
    note = (
        "| Alkali metals | Noble gases |\n| --- | --- |\n"
        "| Very reactive | Hardly react at all |\n"
        "| Found in group 1 | Found in group 18 |\n"
    )
    table = _model(chem=note).comparisons[0]
    assert table.attributes == ["Found in group"]
    assert {c.attribute for c in table.cells} == {"Found in group"}
    # The source line is still the table row's own line (the header is line 1).
    assert {s.line for c in table.cells for s in c.sources} == {4}


@pytest.mark.parametrize(
    "title",
    ["What is recursion?", "Why use recursion?", "How?", "Why?", "Key insights", "Summary",
     "Definitions", "Part 2", "Notes", "Key takeaways"],
)  # fmt: skip
def test_questions_and_generic_headings_are_no_entities(title):
    assert not is_entity_title(title)


@pytest.mark.parametrize("title", ["Mitosis", "Treaty of Versailles", "AWS Lambda", "Noble gases"])
def test_names_of_things_are_entities(title):
    assert is_entity_title(title)


def test_two_questions_about_one_thing_are_not_compared():
    note = """# Recursion

## What is recursion?

- Definition: a function that calls itself
- Base case: stops the calls

## Why use recursion?

- Definition: clearer code for trees
- Base case: needed, or the stack overflows
"""
    model = _model(prog=note)
    assert not any("?" in e for c in model.comparisons for e in c.entities)
    a = Group(("Recursion",), "What is recursion?", 3, [("Definition: x", 4), ("Base case: y", 5)])
    b = Group(("Recursion",), "Why use recursion?", 7, [("Definition: z", 8), ("Base case: w", 9)])
    assert not is_parallel(a, b, lambda t: None, topics=frozenset(), named_together=set())


def test_generic_sibling_headings_are_not_compared():
    note = """# Photosynthesis

## Key insights

- Light reactions: in the thylakoids
- Products: oxygen and ATP

## Summary

- Light reactions: make ATP and NADPH
- Products: glucose in the end
"""
    assert _model(bio=note).comparisons == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Max. temperature", "maximum temperature"),
        ("Avg temp", "average temperature"),
        ("No. of legs", "number of legs"),
        ("Capacity planning", "planned capacity"),
        ("Capacity", "capacities"),
    ],
)
def test_row_names_that_mean_the_same_are_one_row(a, b):
    assert same_row(a, b)


def test_rows_of_one_meaning_are_kept_once_in_a_comparison():
    # Two pairs of bullets about one attribute ('Max temperature' / 'maximum temperature')
    # make one row, not two.
    note = """# Climates

## Desert climate

- Max temperature: 50 °C
- Rainfall - 250 mm a year

## Tundra climate

- maximum temperature: 10 °C
- Rainfall - 200 mm a year
"""
    table = _table(_model(geo=note), "Desert climate", "Tundra climate")
    assert table is not None
    assert table.attributes == ["Max temperature", "Rainfall"]
    cells = _cells(table)
    assert cells[("Max temperature", "Tundra climate")] == "10 °C"
    # 'Rainfall - 250 mm a year': the row's key is stripped from the cell.
    assert cells[("Rainfall", "Desert climate")] == "250 mm a year"


def test_a_table_cell_that_restates_its_row_loses_the_key():
    note = (
        "| Feature | Sparrow | Ostrich |\n| --- | --- | --- |\n"
        "| Max speed | max speed - 40 km/h | Max speed: 70 km/h |\n"
    )
    cells = _cells(_model(birds=note).comparisons[0])
    assert cells[("Max speed", "Sparrow")] == "40 km/h"
    assert cells[("Max speed", "Ostrich")] == "70 km/h"


def test_sibling_sections_titled_only_by_symbols_do_not_break_merging():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.merge import merge
    from studyapp.knowledge.ingest.parse import parse

    note = (
        "# Shell operators\n\n## `||` and `&&`\n\n### `||`\n\n- Runs: when the first fails\n"
        "- Exit code: of the second\n\n### `&&`\n\n- Runs: when the first succeeds\n"
        "- Exit code: of the last\n"
    )
    model = merge({"shell": extract(parse(note), name="shell.md")})
    assert model.facts  # merged, not raised


REVOLUTIONS = """# Revolutions

## French Revolution

- Cause: a bankrupt crown and bread prices
- Outcome
    - First phase: a constitutional monarchy
    - Second phase: the republic and the Terror
- Leader: Robespierre

## Russian Revolution

- Cause: war losses and food shortages
- Outcome
    - February: the Tsar abdicates
    - October: the Bolsheviks take power
- Leader: Lenin
"""


def test_a_label_over_labelled_lines_is_no_cell_of_its_sub_labels():
    # 'Outcome: First phase, Second phase' would list where the values are, not what they say
    table = _table(_model(history=REVOLUTIONS), "French Revolution", "Russian Revolution")
    assert table is not None
    cells = _cells(table)
    assert cells[("Cause", "Russian Revolution")] == "war losses and food shortages"
    assert not any("phase" in v.lower() or "february" in v.lower() for v in cells.values())


def _country(name: str, capital: str, founded: str) -> str:
    return f"# {name}\n\n- Capital: {capital}\n- Founded: {founded}\n- Language: many\n"


EMPIRES = """# Empires

|                | Founded | Capital        |
| -------------- | ------- | -------------- |
| Roman Empire   | 27 BC   | Rome           |
| Ottoman Empire | 1299    | Constantinople |
| Mughal Empire  | 1526    | Agra           |
"""

KINGDOMS = """# Kingdoms

|          | Emblem | Capital    |
| -------- | ------ | ---------- |
| Wessex   | dragon | Winchester |
| Mercia   | saltire| Tamworth   |
| Northumbria | cross | Bamburgh |
"""

RIVERS = """# Rivers

|         | Nile  | Amazon   |
| ------- | ----- | -------- |
| Length  | long  | longer   |
| Mouth   | Egypt | Brazil   |
"""


def test_a_header_of_fields_many_subjects_state_makes_the_rows_the_things_compared():
    notes = {
        f"c{i}": _country(n, c, f)
        for i, (n, c, f) in enumerate(
            [
                ("Peru", "Lima", "1821"),
                ("Chile", "Santiago", "1818"),
                ("Kenya", "Nairobi", "1963"),
                ("Ghana", "Accra", "1957"),
                ("Norway", "Oslo", "1905"),
            ]
        )
    }
    model = _model(empires=EMPIRES, rivers=RIVERS, kingdoms=KINGDOMS, **notes)
    empires = _table(model, "Roman Empire", "Ottoman Empire", "Mughal Empire")
    assert empires is not None  # not 'Founded vs Capital'
    assert _cells(empires)[("Capital", "Ottoman Empire")] == "Constantinople"
    assert _table(model, "Founded", "Capital") is None
    # one field among the header's names is enough
    kingdoms = _table(model, "Wessex", "Mercia", "Northumbria")
    assert kingdoms is not None and _cells(kingdoms)[("Capital", "Mercia")] == "Tamworth"
    # a header of names keeps its columns as the things compared
    rivers = _table(model, "Nile", "Amazon")
    assert rivers is not None and _cells(rivers)[("Mouth", "Amazon")] == "Brazil"


ARCHIVES = """# Archives

## National archive

- Opening hours: 9 to 5
- Catalogue
    - search online at https://example.org/catalogue
    - ask a reader-services desk
- Fees: none

## County archive

- Opening hours: 10 to 4
- Catalogue
    - paper index cards only
    - ask the archivist
- Fees: a day ticket
"""


def test_a_cell_naming_its_sub_lines_keeps_a_web_address_whole():
    table = _table(_model(archives=ARCHIVES), "National archive", "County archive")
    assert table is not None
    catalogue = _cells(table)[("Catalogue", "National archive")]
    assert catalogue.startswith("search online at https://example.org/catalogue, ")


CLIMATES = """# Climates

|                | Tundra          | Savanna           |
| -------------- | --------------- | ----------------- |
| Climate change | permafrost thaw | longer dry season |
| Polar region   | yes             | no                |
| Rainfall       | low             | seasonal          |
"""


BIOMES = """# Biomes

## Tundra

- Climate change: shrubs spread north
- Multi region: spans three continents
- Soil: frozen below the surface

## Savanna

- Climate change: more frequent fires
- Multi region: Africa, South America and Australia
- Soil: thin and dry
"""


def test_a_row_is_named_as_a_claim_row_only_when_it_is_that_row_exactly():
    # two notes compare the same biomes, so their rows are merged into one table
    table = _table(_model(geo=CLIMATES, eco=BIOMES), "Tundra", "Savanna")
    assert table is not None
    assert {"Climate change", "Polar region", "Rainfall", "Soil"} <= set(table.attributes)
    assert any(a.lower() == "multi region" for a in table.attributes)
    assert "Events it can change" not in table.attributes
    assert "Authoring region" not in table.attributes


def test_what_both_things_can_do_is_no_row():
    # 'Can carry loads up to …' in both: the shared words are a verb phrase cut before its
    # object ('Carry loads up'), and 'can climb' names what each can do, not an attribute
    a = Group((), "Mules", 1, [("Can carry loads up to 150 kg", 2), ("can climb steep trails", 3)])
    b = Group((), "Donkeys", 4, [("Can carry loads up to 70 kg", 5), ("can climb rocky slopes", 6)])
    assert [r.attribute for r in align(a, b)] == []
    # a row both lines name stays
    a = Group((), "Mules", 1, [("Can carry loads up to 150 kg", 2), ("Grey coat colour", 3)])
    b = Group((), "Donkeys", 4, [("Can carry loads up to 70 kg", 5), ("Brown coat colour", 6)])
    assert [r.attribute for r in align(a, b)] == ["Coat colour"]


# --- stop 39: a clause opener, a person, a modal or a shared name is no row --------------------


@pytest.mark.parametrize(
    ("a_line", "b_line"),
    [
        ("We grind the sample before staining it", "We heat the sample to fix it"),
        ("If the slide is wet, the stain runs", "If the slide is cold, the stain sets"),
        ("Might take a week to show results", "Might fail on a wet day"),
        ("DNA is copied before the cell divides", "DNA is shared between the four cells"),
    ],
)
def test_two_lines_that_open_alike_on_a_function_word_or_a_name_make_no_row(a_line, b_line):
    a = Group((), "Gram staining", 1, [(a_line, 2)])
    b = Group((), "Heat fixing", 3, [(b_line, 4)])
    assert align(a, b) == []


def test_a_shared_attribute_phrase_still_makes_a_row():
    a = Group((), "Mitosis", 1, [("Number of divisions: one", 2)])
    b = Group((), "Meiosis", 3, [("Number of divisions: two", 4)])
    (row,) = align(a, b)
    assert row.attribute == "Number of divisions"
    assert (row.a[0], row.b[0]) == ("one", "two")


@pytest.mark.parametrize(
    ("title", "entity"),
    [
        ("Let's say we have a cell culture", False),
        ("We add the stain", False),
        ("If the culture is warm", False),
        ("NOT gates", True),  # a name in capitals, not the word 'not'
        ("Gram-positive bacteria", True),
    ],
)
def test_a_step_of_an_example_is_no_entity_of_a_comparison(title, entity):
    assert is_entity_title(title) is entity
