"""A paragraph written one line per fact, where a line names a quantity and the formula that
gives it ('inflation rate = (CPI now − CPI then) / CPI then × 100') or opens on an example, is
read a line at a time, as a paragraph of term lines is; before, the formula was lost inside a
run-on paragraph. A formula that opens with a bracket keeps it: '(a − b) / b' is no qualifier
of its name, as '(compressed) 50 MB' is. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse

NOTE = (
    "# Population ecology\n\n## Growth\n\n"
    "r - the per capita rate of increase of a population\n"
    "   growth rate = (births − deaths) / population × 100\n"
    "   e.g. 120 births and 20 deaths in 1,000 gives 10%\n"
)


def test_a_named_formula_line_in_a_paragraph_is_a_fact_of_its_own():
    facts = extract(parse(NOTE), name="n.md").facts
    texts = [f.text for f in facts]
    assert "growth rate = (births − deaths) / population × 100" in texts
    assert any(t.startswith("r - the per capita rate") and "growth rate" not in t for t in texts)


@pytest.mark.django_db
def test_a_formula_that_opens_with_a_bracket_keeps_it(tmp_path):
    from studyapp.decks.models import Card
    from studyapp.pipeline import model_rebuild

    (tmp_path / "Ecology.md").write_text(NOTE, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    backs = dict(Card.objects.filter(held_back=False).values_list("front", "back"))
    asked = [f for f in backs if f.endswith("— growth rate?")]
    assert asked and backs[asked[0]] == "(births − deaths) / population × 100"


@pytest.mark.parametrize(
    ("line", "formula"),
    [
        ("growth rate = (births − deaths) / population × 100", True),
        ("density = mass / volume", True),
        ("If x = 3 then y is 4", False),  # a clause, not a quantity named in words
        ("The answer = 42 in most cases", False),  # no formula after the '='
    ],
)
def test_a_named_formula_is_a_name_then_a_formula(line, formula):
    from studyapp.knowledge.ingest.extract_formats import _NAMED_FORMULA

    assert bool(_NAMED_FORMULA.match(line)) is formula


def test_a_value_in_brackets_and_nothing_after_is_the_value_not_a_qualifier():
    """'syntax:: (1, 2, 3)' was read as the attribute 'syntax (1, 2, 3)' with the value
    '(1, 2, 3)' again: a bracket qualifies a name only when a value follows it."""
    from studyapp.knowledge.ingest.merge import merge

    note = "# Tuples\n\n- syntax:: `(1, 2, 3)`\n- deployment size: (compressed) 50 MB\n"
    model = merge({"n": extract(parse(note), name="n.md")})
    said = {f.attribute: f.value for f in model.facts if f.kind == "key_value"}
    assert said["syntax"] == "(1, 2, 3)"
    assert said["deployment size (compressed)"] == "50 MB"
