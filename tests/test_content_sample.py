"""`manage.py content_sample`: random live cards and questions with the note lines they came
from, the same for the same seed, stratified by kind."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from studyapp.pipeline import model_rebuild

pytestmark = pytest.mark.django_db

NOTES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture
def notes_ingested():
    """Notes of our own fixture corpus in several styles, with their cards and questions."""
    return model_rebuild(paths=[NOTES / "glossary", NOTES / "tables", NOTES / "bear"])


def _sample(*args: str) -> str:
    out = StringIO()
    call_command("content_sample", *args, stdout=out)
    return out.getvalue()


def test_a_sample_shows_each_item_with_its_source_lines(notes_ingested):
    items = json.loads(_sample("--n", "20", "--seed", "3", "--json"))
    assert len(items) >= 20
    cited = [i for i in items if i["source_lines"]]
    assert len(cited) >= 0.8 * len(items)
    for item in cited[:5]:
        source = item["source_lines"][0]
        assert any(t.startswith(f"{source['line']}: ") for t in source["text"])
    kinds = {(i["what"], i["kind"]) for i in items}
    assert {"card", "question"} <= {what for what, _ in kinds}


def test_the_same_seed_gives_the_same_sample_and_another_seed_another(notes_ingested):
    first = _sample("--n", "15", "--seed", "11")
    assert first == _sample("--n", "15", "--seed", "11")
    assert first != _sample("--n", "15", "--seed", "12")
    assert "front: " in first and "source " in first


def test_a_kind_narrows_the_sample(notes_ingested):
    items = json.loads(_sample("--n", "8", "--seed", "1", "--kind", "cloze", "--json"))
    assert items and {i["kind"] for i in items} == {"cloze"}


def test_an_empty_model_is_a_clear_error():
    with pytest.raises(CommandError, match="Nothing to sample"):
        _sample("--seed", "1")


def test_each_source_line_is_listed_once_however_many_cards_a_fact_has(notes_ingested):
    items = json.loads(_sample("--n", "40", "--seed", "5", "--what", "cards", "--json"))
    for item in items:
        places = [(s["note"], s["line"]) for s in item["source_lines"]]
        assert len(places) == len(set(places)), item["front"]
