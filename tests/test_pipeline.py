"""The pipeline (studyapp/pipeline.py): a rebuild generates cards and questions from one snapshot;
a table correction regenerates that table's cards and questions as a full run would, and writes
nothing else."""

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
def test_a_correction_regenerates_its_table_only_and_as_a_full_run_would(
    rebuilt, instructor, change
):
    headline = Comparison.objects.get(title=HEADLINE, retired_at__isnull=True)
    cards_before, questions_before = _rows(Card), _rows(Question)
    table_correct(comparison=headline, author=instructor, **change)
    cards_after, questions_after = _rows(Card), _rows(Question)

    # Something of the table changed, and nothing outside it did.
    for before, after, model in (
        (cards_before, cards_after, Card),
        (questions_before, questions_after, Question),
    ):
        mine = _of_table(before, headline, model) | _of_table(after, headline, model)
        assert any(before.get(k) != after.get(k) for k in mine)
        outside = set(before) - mine
        assert outside and all(after[k] == before[k] for k in outside)

    # A full run afterwards has nothing to change in the table's cards and questions, but for
    # where the bank lists a question ("order"), which only a full run numbers.
    cards_generate()
    questions_generate()
    cards_full, questions_full = _rows(Card), _rows(Question)
    for after, full, model in (
        (cards_after, cards_full, Card),
        (questions_after, questions_full, Question),
    ):
        mine = _of_table(after, headline, model)
        ignored = {"order"} if model is Question else set()

        def kept(row: dict, ignored: set = ignored) -> dict:
            return {k: v for k, v in row.items() if k not in ignored}

        assert mine and all(kept(full[k]) == kept(after[k]) for k in mine)
