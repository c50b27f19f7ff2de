"""The engine on our own corpus of 43 notes (tests/fixtures/notes: seven subjects, every style
the product claims, some messy), end to end: every note ingests, the junk classes of issue 10
are absent from the cards dealt, and the facts a teacher would ask about
(tests/fixtures/notes_expected.json) are covered at least as well as when this was written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studyapp.decks.models import Card
from studyapp.knowledge.models import Note
from studyapp.pipeline import model_rebuild

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
NOTES = FIXTURES / "notes"
# Measured when written (see the closing note of issue 10); a floor against regressions.
RECALL_FLOOR = 0.5

JUNK = [
    re.compile(p, re.I)
    for p in (
        r"\byou said\b|\bchatgpt said\b|let me know if",  # a pasted chat
        r"\bhomework\b|\bnext lesson\b|\bsee you next\b",  # course logistics
        r"AWS::|Fn::|std::|::/0",  # code read as Question::Answer
        r"^\s*(?:date|author|created|tags)\s*[:—-]",  # metadata lines
    )
]


@pytest.fixture
def corpus():
    return model_rebuild(paths=[NOTES])


def _answer(card: Card) -> str:
    blank = "[…]"
    if card.kind == "cloze" and blank in card.front:
        head, _, tail = card.front.partition(blank)
        return card.back[len(head) : len(card.back) - len(tail)] if tail else card.back[len(head) :]
    return card.back


def test_every_note_ingests_and_gives_cards(corpus):
    assert not corpus.ingest.errors
    assert Note.objects.count() == len(list(NOTES.rglob("*.md")))
    dealt = Card.objects.filter(retired_at__isnull=True, held_back=False)
    assert dealt.count() > 200


def test_no_card_dealt_is_of_a_known_junk_class(corpus):
    for card in Card.objects.filter(retired_at__isnull=True, held_back=False):
        for pattern in JUNK:
            assert not pattern.search(card.front), (pattern.pattern, card.front)
        assert _answer(card).strip(" *:").lower() not in {"solution", "problem", "note", "tip"}


def test_the_facts_a_teacher_would_ask_are_covered(corpus):
    expected = json.loads((FIXTURES / "notes_expected.json").read_text(encoding="utf-8"))
    by_note: dict[str, list[str]] = {}
    for card in Card.objects.filter(retired_at__isnull=True, held_back=False).prefetch_related(
        "fact__citations__note"
    ):
        notes = {c.note.path for c in card.fact.citations.all()} if card.fact else set()
        for path in notes:
            by_note.setdefault(path.rsplit("notes/", 1)[-1], []).append(_answer(card).lower())
    facts = [(note, f["answer"].lower()) for note, items in expected.items() for f in items]
    covered = sum(any(a in ans for ans in by_note.get(note, [])) for note, a in facts)
    assert covered / len(facts) >= RECALL_FLOOR, f"{covered}/{len(facts)}"
