"""A large whole run cards its facts on every core (decks/many.py): the cards and their scores
are the ones a single process makes, card for card and in the same order, and a worker that
fails leaves its share to the caller."""

from __future__ import annotations

import pytest

from studyapp.decks import many, services
from studyapp.decks.generate import FactInput
from studyapp.knowledge.snapshot import model_snapshot
from studyapp.text import workers as worker_processes

pytestmark = pytest.mark.django_db


def _wanted(snapshot, workers, settings):
    settings.INGEST_WORKERS = workers
    wanted, scores = services._cards_wanted(snapshot, None, services.field_labels(snapshot))
    return [(key, spec, links, scores[key]) for key, (spec, links, _t) in wanted.items()]


def test_workers_make_the_cards_one_process_makes(notes_ingested, monkeypatch, settings):
    snapshot = model_snapshot()
    alone = _wanted(snapshot, 1, settings)
    monkeypatch.setattr(many, "PARALLEL_AT", 10)  # the five notes are few facts
    finished = []
    real_finish = many.workers_finish

    def kept(started):
        finished.extend(results := real_finish(started))
        return results

    monkeypatch.setattr(many, "workers_finish", kept)
    assert _wanted(snapshot, 3, settings) == alone
    assert len(finished) == 2 and all(finished)  # two workers beside this process did theirs
    assert len(alone) > 100


def test_a_failed_card_worker_leaves_its_share_here(notes_ingested, monkeypatch, settings):
    snapshot = model_snapshot()
    alone = _wanted(snapshot, 1, settings)
    monkeypatch.setattr(many, "PARALLEL_AT", 10)
    monkeypatch.setattr(worker_processes.sys, "executable", "/bin/false")
    assert _wanted(snapshot, 2, settings) == alone


def test_a_disputed_fact_says_so_on_each_card():
    fact = FactInput(
        key="k", kind="key_value", topic="Mitochondria", subheading="", subject="",
        text="ATP per glucose: 36", attribute="ATP per glucose", value="36",
        items=(), emphasis=(), parent="",
    )  # fmt: skip
    cards = many.fact_cards(fact, (("36", "38"),))
    assert cards and all(c.back.endswith("(Your notes disagree: 36 vs 38)") for c in cards)
