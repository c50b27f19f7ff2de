"""The pipeline (studyapp/pipeline.py): a rebuild generates cards and questions from one snapshot;
a table correction regenerates that table's cards (and nothing else of the deck) as a full run
would, and the question bank."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict

from studyapp.decks.models import Card
from studyapp.decks.services import cards_generate
from studyapp.knowledge.models import Comparison
from studyapp.pipeline import model_rebuild, table_correct
from studyapp.quizzes.bank import questions_generate
from studyapp.quizzes.models import Question

HEADLINE = "AWS Lambda vs CloudFront Functions vs Lambda@Edge"


def _rows(model) -> dict[str, dict]:
    return {row.key: model_to_dict(row, exclude=["id"]) for row in model.objects.all()}


def _of_table(rows: dict[str, dict], comparison: Comparison, model) -> set[str]:
    cells = set(comparison.cells.values_list("pk", flat=True))
    keys = set(comparison.cells.values_list("key", flat=True))
    return {
        key
        for key, row in rows.items()
        if row["cell"] in cells or keys.intersection(row.get("about_keys") or [])
    }


@pytest.fixture
def rebuilt(db):
    report = model_rebuild()
    assert report.as_dict()["ok"]
    return report


def test_a_rebuild_reports_every_stage(rebuilt):
    data = rebuilt.as_dict()
    assert data["totals"]["facts"] > 0
    assert data["cards"]["created"] == Card.objects.count() > 0
    assert data["questions"]["created"] == Question.objects.count() > 0
    # A second rebuild over unchanged notes writes nothing.
    again = model_rebuild().as_dict()
    assert again["cards"]["created"] == again["cards"]["updated"] == 0
    assert again["questions"]["created"] == again["questions"]["updated"] == 0


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "drop_row", "row": "Cost"},
        {"kind": "rename_row", "row": "Cost", "new_name": "Pricing model"},
        {"kind": "fix_cell", "row": "Cost", "entity": "Lambda@Edge", "value": "Per request"},
    ],
)
def test_a_correction_regenerates_its_tables_cards_only_and_the_whole_bank(
    rebuilt, instructor, change
):
    headline = Comparison.objects.get(title=HEADLINE, retired_at__isnull=True)
    cards_before = _rows(Card)
    table_correct(comparison=headline, author=instructor, **change)
    cards_after, questions_after = _rows(Card), _rows(Question)

    # Cards: something of the table changed, and nothing outside it did.
    mine = _of_table(cards_before, headline, Card) | _of_table(cards_after, headline, Card)
    assert any(cards_before.get(k) != cards_after.get(k) for k in mine)
    outside = set(cards_before) - mine
    assert outside and all(cards_after[k] == cards_before[k] for k in outside)

    # A full run afterwards has nothing to change in the table's cards, and nothing at all in
    # the question bank (a correction regenerates the whole bank: other tables' and facts'
    # questions borrow the table's values as distractors).
    cards_generate()
    questions_generate()
    cards_full = _rows(Card)
    assert all(cards_full[k] == cards_after[k] for k in _of_table(cards_after, headline, Card))
    assert _rows(Question) == questions_after


@pytest.mark.parametrize(
    "then",
    [{"kind": "drop_row"}, {"kind": "rename_row", "new_name": "Warm pool size"}],
)
def test_an_added_rows_cards_and_questions_follow_a_later_correction(rebuilt, instructor, then):
    headline = Comparison.objects.get(title=HEADLINE, retired_at__isnull=True)
    table_correct(comparison=headline, author=instructor, kind="add_row", row="Warm pool")
    for entity in headline.entities:
        table_correct(
            comparison=headline,
            author=instructor,
            kind="fix_cell",
            row="Warm pool",
            entity=entity,
            value=f"{len(entity)} warm instances",
        )
    added = Card.objects.filter(retired_at__isnull=True, front__icontains="warm pool")
    assert added.count() == len(headline.entities)
    table_correct(comparison=headline, author=instructor, row="Warm pool", **then)
    after_cards, after_questions = _rows(Card), _rows(Question)
    # What a full run makes of the same model: the correction left nothing behind.
    cards_generate()
    questions_generate()
    full_cards, full_questions = _rows(Card), _rows(Question)

    def live(rows):
        return {k for k, r in rows.items() if r["retired_at"] is None}

    assert live(after_cards) == live(full_cards)
    assert live(after_questions) == live(full_questions)
    expected = 0 if then["kind"] == "drop_row" else len(headline.entities)
    assert Card.objects.filter(retired_at__isnull=True, front__icontains="warm pool").count() == (
        expected
    )
