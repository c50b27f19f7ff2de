"""Stop 39 (issue 10): a callout whose title states something ('> [!important] A read on a pipe
blocks until …') is a fact of its own, with the terms it marks, filed under the headings above
it; it still heads the notes in the callout, which go on from it. Before, the sentence was read
as a bold title only, so it gave no card. A callout titled by a name ('> [!def] Osmosis'), a
question or a fold is a title only. Snippets in our own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.decks.models import Card
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_formats import claim_meaning
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.models import Topic
from studyapp.pipeline import model_rebuild

CELLS = """# Cell transport

## Osmosis

> [!important]+ Water crosses a membrane toward the side with more *solute*.
> - A red blood cell in pure water swells and can burst.

> [!def]+ Osmosis
> - The movement of water through a membrane that lets only water pass.

> [!info]+ The sodium–potassium pump uses *ATP* to move ions against their gradient
> - Three sodium ions leave the cell for every two potassium ions that enter.
"""


def _facts(note: str) -> dict[str, object]:
    return {f.text: f for f in extract(parse(note), name="cells.md").facts}


def test_a_callout_title_that_states_something_is_a_fact_with_its_marked_terms():
    facts = _facts(CELLS)
    water = facts["Water crosses a membrane toward the side with more solute."]
    assert water.kind == "statement" and water.emphasis == ("solute",)
    assert water.headings == ("Cell transport", "Osmosis")
    pump = facts["The sodium–potassium pump uses ATP to move ions against their gradient"]
    assert pump.emphasis == ("ATP",)


def test_the_notes_of_a_stating_callout_go_on_from_it():
    facts = _facts(CELLS)
    burst = facts["A red blood cell in pure water swells and can burst."]
    assert burst.headings == (
        "Cell transport",
        "Osmosis",
        "Water crosses a membrane toward the side with more solute.",
    )


@pytest.mark.parametrize(
    "title",
    [
        "> [!def]+ Osmosis",  # a name
        "> [!thm]+ Theorem 4.2",  # a number, no verb
        "> [!def]+ Definite integral of a continuous function",  # a noun phrase
        "> [!question]+ Why does a cell in salt water shrink?",  # a question
        "> [!example]+ A cell is put in a 3% salt solution",  # a worked example
        "> [!note]- The pump is an antiporter",  # folded: its body is hidden to recall
    ],
)
def test_a_callout_titled_by_a_name_a_question_or_a_fold_is_still_a_title(title):
    note = f"# Cells\n\n{title}\n> - It moves water out of the cell over time\n"
    (item,) = parse(note).sections[-1].items
    assert item.callout_title and item.emphasis and item.emphasis[0] == item.text


def test_a_term_after_a_preposition_is_not_defined_by_the_note_under_the_claim():
    (item,) = (
        parse(
            "# Trade\n\n- Silk reached Rome by way of *Parthia*\n"
            "    - Roman writers complained about the gold it cost\n"
        )
        .sections[-1]
        .items
    )
    assert claim_meaning(item) is None
    # a term the claim is about is defined by the note under it, as before
    (defined,) = (
        parse("# Sets\n\n- The two sets are *disjoint*\n    - No element belongs to both of them\n")
        .sections[-1]
        .items
    )
    assert claim_meaning(defined) == ("disjoint", "No element belongs to both of them")


@pytest.mark.django_db
def test_a_stating_callout_gives_a_live_card_filed_under_its_heading(tmp_path: Path):
    (tmp_path / "cells.md").write_text(CELLS, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    card = Card.objects.get(fact__text__startswith="Water crosses a membrane")
    assert not card.held_back
    assert "[…]" in card.front and "solute" not in card.front
    assert card.fact.topic == Topic.objects.get(name="Osmosis")


@pytest.mark.parametrize(
    "title",
    [
        "> [!info]+ A sphere of radius 2 about the origin is parameterized by",  # runs on
        "> [!note]+ In *practice*, an enzyme is most active near body temperature",
    ],
)
def test_a_title_that_runs_on_or_stresses_a_set_phrase_gives_no_term(title):
    note = f"# Cells\n\n{title}\n> - More under it\n"
    (item,) = parse(note).sections[-1].items
    if "practice" in title:
        assert item.emphasis == ()  # 'in practice' is a set phrase, not the line's term
    else:
        assert item.emphasis and item.emphasis[0] == item.text  # a title only
