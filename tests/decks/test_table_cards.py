"""Every row of a note's comparison table gives cards, whether or not its entities are topics of
their own. Snippets written for these tests, end to end through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.decks.models import Card
from studyapp.pipeline import model_rebuild


def _cards(tmp_path: Path, name: str, text: str) -> dict[str, tuple[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    live = Card.objects.filter(retired_at=None, kind="comparison", held_back=False)
    return {c.front: (c.back, c.topic.name) for c in live.select_related("topic")}


@pytest.mark.django_db
def test_entities_with_no_topic_of_their_own_are_asked_in_the_tables_topic(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "tempo.md",
        "# Tempo markings\n\n| | Largo | Presto |\n|---|---|---|\n"
        "| Speed | very slow | very fast |\n| Typical beats per minute | 40–60 | 168–200 |\n",
    )
    assert cards["Largo — speed?"] == ("very slow", "Tempo markings")
    assert cards["Presto — typical beats per minute?"] == ("168–200", "Tempo markings")
