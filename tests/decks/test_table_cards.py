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
    assert cards["Tempo markings · Largo — speed?"] == ("very slow", "Tempo markings")
    assert cards["Tempo markings · Presto — typical beats per minute?"] == (
        "168–200",
        "Tempo markings",
    )


@pytest.mark.django_db
def test_a_table_whose_first_column_names_the_things_compared_is_read_by_rows(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "orchestra.md",
        "# Orchestra\n\n## Sections\n\n| Section | Instruments | Sound made by |\n|---|---|---|\n"
        "| Strings | violin, viola, cello | bowed or plucked strings |\n"
        "| Brass | trumpet, horn, tuba | buzzing lips |\n"
        "| Percussion | timpani, snare drum | striking |\n",
    )
    assert cards["Orchestra · Brass — sound made by?"] == (
        "buzzing lips",
        "Orchestra",
    )  # a generic heading is no topic
    assert cards["Orchestra · Strings — instruments?"][0] == "violin, viola, cello"
    assert len(cards) == 6


@pytest.mark.django_db
def test_row_names_must_be_short_and_distinct_and_a_dash_cell_is_no_value(tmp_path: Path):
    cards = _cards(
        tmp_path,
        "dynasties.md",
        "# Chinese dynasties\n\n| Dynasty | Capital | Founded |\n|---|---|---|\n"
        "| Han | Chang'an | 202 BC |\n| Tang | Chang'an | 618 |\n| Qin | Xianyang | — |\n",
    )
    assert cards["Chinese dynasties · Tang — founded?"] == ("618", "Chinese dynasties")
    assert "Chinese dynasties · Qin — founded?" not in cards
    # A first column of sentences names no rows: no comparison read the other way.
    sentences = _cards(
        tmp_path,
        "steps.md",
        "# Titration\n\n| What you do first | Why | When |\n|---|---|---|\n"
        "| rinse the burette with the acid you will use | keeps it at strength | before |\n"
        "| read the meniscus at eye level from the bottom | avoids parallax | during |\n",
    )
    assert not any(front.startswith("rinse") for front in sentences)
