"""Tables whose entities are letters or numerals ('A', 'B', 'C', 'D': a staging, a grade) are
compared only within their own table: two notes' tables of grades stay two comparisons, each
named by its heading. Notes written for the test (oncology, respiratory medicine)."""

from __future__ import annotations

import pytest

from studyapp.knowledge.models import Comparison
from studyapp.pipeline import model_rebuild

STAGING = """# Colon cancer

## Staging

| Class | Cure rate | Description |
|---|---|---|
| A | 90% | Tumour confined to the bowel wall |
| B | 80% | Through the serosa |
| C | 60% | Lymph nodes involved |
"""
TYPES = """# Lung disease

## Emphysema types

| Type | Where | Cause |
|---|---|---|
| A | Upper lobes | Smoking |
| B | Lower lobes | Alpha-1 antitrypsin deficiency |
| C | Around the septa | Unknown |
"""


@pytest.mark.django_db
def test_two_notes_tables_of_grades_are_two_comparisons(tmp_path, settings):
    settings.CONTENT_DIR = tmp_path
    (tmp_path / "colon.md").write_text(STAGING, encoding="utf-8")
    (tmp_path / "lung.md").write_text(TYPES, encoding="utf-8")
    model_rebuild(generate=False)
    titles = sorted(
        Comparison.objects.filter(retired_at__isnull=True).values_list("title", flat=True)
    )
    assert titles == ["Emphysema types", "Staging"]
