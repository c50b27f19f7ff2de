"""A small edit redoes only what it touched (studyapp/pipeline.py `edit_scope`): after one
note changes, the cards and questions are what a full run over the same model makes, while
the generators read and write only the touched topics and tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studyapp.decks.models import Card
from studyapp.decks.services import cards_generate
from studyapp.knowledge.models import Topic
from studyapp.pipeline import SCOPED_AT_MOST, model_rebuild
from studyapp.quizzes.bank import questions_generate
from studyapp.quizzes.models import Question

pytestmark = pytest.mark.django_db

NOTES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(NOTES, tmp_path / "notes")
    return tmp_path / "notes"


def _cards() -> dict[str, tuple]:
    live = Card.objects.filter(retired_at__isnull=True).select_related("topic")
    return {c.key: (c.front, c.back, c.context, c.topic.key, c.held_back) for c in live}


def _questions() -> dict[str, tuple]:
    live = Question.objects.filter(retired_at__isnull=True).select_related("topic")
    return {
        q.key: (q.kind, q.prompt, tuple(q.answers), q.topic.key if q.topic else None) for q in live
    }


EDITS = {
    "a line added": lambda text: text + "\n- The half-life of caffeine is about 5 hours.\n",
    "a line removed": lambda text: "\n".join(text.splitlines()[:-3]) + "\n",
    "a value changed": lambda text: text.replace("1", "7", 1),
}


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize(
    "note", ["prose/DNA Replication.md", "tables/Civil vs Criminal Law.md", "bear/Moles.md"]
)
def test_an_edit_regenerates_as_a_full_run_would(folder, note, edit):
    model_rebuild(paths=[folder])
    path = folder / note
    path.write_text(EDITS[edit](path.read_text(encoding="utf-8")), encoding="utf-8")
    report = model_rebuild(paths=[folder])
    touched = report.ingest.topics_touched
    assert touched, "the edit touched nothing"
    assert len(touched) <= SCOPED_AT_MOST * Topic.objects.filter(retired_at__isnull=True).count()
    cards, questions = _cards(), _questions()
    # A full run over the same model changes no card and asks no other question.
    full_cards = cards_generate()
    full_questions = questions_generate()
    assert full_cards.created == full_cards.retired == 0
    assert full_questions.created == full_questions.retired == 0
    assert _cards() == cards
    assert _questions() == questions


def test_the_scoped_run_reads_only_the_touched_topics(folder):
    model_rebuild(paths=[folder])
    total = Card.objects.count()
    path = folder / "bear/Moles.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n- Avogadro's number is 6.022e23.\n")
    report = model_rebuild(paths=[folder])
    # Few topics touched, and the cards of the rest neither read nor renumbered.
    assert 0 < len(report.ingest.topics_touched) < 5
    assert report.cards is not None
    assert report.cards.created + report.cards.updated + report.cards.retired < total // 10


def test_nothing_changed_redoes_nothing(folder):
    model_rebuild(paths=[folder])
    report = model_rebuild(paths=[folder])
    assert report.ingest.topics_touched == set()
    assert report.cards is not None and report.questions is not None
    assert report.cards.by_kind == {} and report.questions.by_kind == {}
