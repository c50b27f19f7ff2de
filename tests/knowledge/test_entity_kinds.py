"""A table whose first column names its rows under a header that says what they are ('| Mode |'
over '`r+`', '| Chord |' over 'I', '| Valence |' over '+2') shows that word with every name
that does not say it alone: 'Mode r+ — writeable?', not 'r+ — writeable?', which a learner
cannot place. A name that is a word or an acronym ('Sodium', 'TCP') is shown as it is, and a
header that only labels its column ('Name', 'Term', '#') says nothing. Before, the corner
header was dropped. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.text.names import entity_kind as _entity_kind
from studyapp.text.prompts import named_entity

FILE_MODES = """# Working with files in C

## Opening a file

| Mode | If the file exists | If it does not | Can read | Can write |
| ---- | ------------------ | -------------- | -------- | --------- |
| `r`  | Read from the start | Fails         | Yes      | No        |
| `w`  | Emptied first       | Created       | No       | Yes       |
| `a+` | Appended to         | Created       | Yes      | Yes       |
"""

HARMONY = """# Diatonic harmony

## Chords of a major key

| Degree | Quality    | Function    | Example in C |
| ------ | ---------- | ----------- | ------------ |
| I      | Major      | Tonic       | C E G        |
| IV     | Major      | Subdominant | F A C        |
| V      | Major      | Dominant    | G B D        |
| vii    | Diminished | Leading     | B D F        |

## Intervals

| Interval | Semitones | Sound |
| -------- | --------- | ----- |
| Minor third | 3 | Dark |
| Major third | 4 | Bright |
| Perfect fifth | 7 | Open |
"""

MILESTONES = """# Infant milestones

| Age (months) | Gross motor        | Language        |
| ------------ | ------------------ | --------------- |
| 4            | Holds head steady  | Laughs          |
| 9            | Sits without help  | Says mama, dada |
| 12           | Walks holding on   | Two or three words |
"""


def test_a_name_that_does_not_say_what_it_is_is_shown_with_its_kind():
    assert named_entity("r+", "Mode") == "Mode r+"
    assert named_entity("$5", "Register") == "Register $5"
    assert named_entity("+2", "Oxidation state") == "Oxidation state +2"
    assert named_entity("9", "Age (months)") == "Age 9 months"


def test_a_word_an_acronym_or_a_name_that_says_its_kind_is_shown_as_it_is():
    assert named_entity("Perfect fifth", "Interval") == "Perfect fifth"
    assert named_entity("TCP", "Protocol") == "TCP"
    assert named_entity("Stage II", "Stage") == "Stage II"
    assert named_entity("r+", "") == "r+"


@pytest.mark.parametrize("header", ["Name", "Term", "#", "No.", "Feature", "Which one?", ""])
def test_a_header_that_only_labels_its_column_is_no_kind(header):
    assert _entity_kind(header) == ""


def test_a_header_naming_its_rows_is_their_kind():
    assert _entity_kind("Mode") == "Mode"
    assert _entity_kind("Bit number") == "Bit number"
    assert _entity_kind("Age (months)") == "Age (months)"


@pytest.mark.django_db
def test_cards_and_questions_name_the_kind_of_a_tables_rows(tmp_path):
    from studyapp.decks.models import Card
    from studyapp.knowledge.models import Comparison
    from studyapp.pipeline import model_rebuild
    from studyapp.quizzes.models import Question

    for name, text in [("Files.md", FILE_MODES), ("Harmony.md", HARMONY), ("Baby.md", MILESTONES)]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    kinds = dict(Comparison.objects.values_list("title", "entity_kind"))
    assert "Mode" in kinds.values() and "Degree" in kinds.values()
    fronts = set(Card.objects.filter(kind="comparison").values_list("front", flat=True))
    assert "Mode a+ — can write?" in fronts
    assert "Degree IV — function?" in fronts
    assert "Age 9 months — gross motor?" in fronts
    assert "Intervals · Perfect fifth — semitones?" in fronts  # a name, no kind before it
    assert not any(front.startswith(("a+ —", "IV —", "9 —")) for front in fronts)
    prompts = list(Question.objects.filter(cell__isnull=False).values_list("prompt", flat=True))
    assert prompts and not any(p.removeprefix("True or false: ").startswith("a+ ") for p in prompts)
    assert any("Mode a+ — " in p or "Mode w — " in p or "Mode r — " in p for p in prompts)


GLOSSARY = """# Shell basics

| Command | Description                         |
| ------- | ----------------------------------- |
| `cd`    | Changes the working directory.      |
| `ls`    | Lists the files of a directory.     |
| `pwd`   | Prints the working directory's path. |
"""


def test_a_kind_of_term_over_its_descriptions_is_a_glossary():
    # '| Command | Description |' was read as a comparison of 'Command' and 'Description'
    # with no rows, and gave nothing; its rows are terms and what they mean
    from studyapp.decks.generate import cards_for_fact
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse
    from tests.decks.facts import fact_input

    facts = [f for f in extract(parse(GLOSSARY), name="n.md").facts if f.kind == "definition"]
    assert [(f.subject, f.value) for f in facts][0] == ("cd", "Changes the working directory.")
    assert all(f.labels == ("Command",) for f in facts)
    fact = fact_input(
        kind="definition",
        text="cd — Changes the working directory.",
        topic="Shell basics",
        subheading="Command",
        subject="cd",
        attribute="Description",
        value="Changes the working directory.",
    )
    assert "Shell basics · command — cd?" in [c.front for c in cards_for_fact(fact)]


KIND_AND_FIELD = """# Skin infections

| Organism | Features |
| -------- | -------- |
| Staphylococcus aureus | Golden crusts and bullae |
| Streptococcus pyogenes | Honey-coloured crusts |
| Pseudomonas aeruginosa | Green discharge |

| Cellulitis | Erysipelas |
| ---------- | ---------- |
| Deeper dermis | Upper dermis |
| Poorly demarcated | Sharply demarcated |
"""


@pytest.mark.django_db
def test_a_two_column_table_of_a_kind_and_one_field_compares_its_rows(tmp_path):
    # '| Organism | Features |' was read as two things compared, 'Organism' and 'Features',
    # with no rows: nothing was asked. Two things side by side stay as they were.
    from studyapp.decks.models import Card
    from studyapp.pipeline import model_rebuild

    (tmp_path / "Skin.md").write_text(KIND_AND_FIELD, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    fronts = set(Card.objects.filter(kind="comparison").values_list("front", flat=True))
    assert "Skin infections · Staphylococcus aureus — features?" in fronts
    assert "Skin infections · Pseudomonas aeruginosa — features?" in fronts
    assert not any(f.startswith(("Organism —", "Features —")) for f in fronts)


def test_a_number_that_goes_on_is_no_numbering():
    # a table's row '34 0/7 to 36 6/7' (weeks) lost its '34 ' as if it were a heading's '1 '
    from studyapp.knowledge.ingest.parse import clean_heading

    assert clean_heading("34 0/7 to 36 6/7") == "34 0/7 to 36 6/7"
    assert clean_heading("1 Basics") == "Basics"
    assert clean_heading("2. AWS Lambda") == "AWS Lambda"
