"""A large whole run asks its facts and tables on every core (quizzes/generate/many.py): the bank is the
one a single process makes, question for question and in the same order, and a worker that
fails leaves its share to the caller."""

from __future__ import annotations

import pytest

from studyapp.quizzes.bank import bank_inputs, note_folders
from studyapp.quizzes.generate import generate, many
from studyapp.text import workers as worker_processes

pytestmark = pytest.mark.django_db


@pytest.fixture
def inputs(notes_ingested):
    facts, tables, topics, _ids = bank_inputs(None)
    return facts, tables, topics, note_folders()


def _bank(inputs, workers):
    facts, tables, topics, folders = inputs
    return generate(facts, tables, topics, seed=7, folders=folders, workers=workers)


def test_workers_make_the_bank_one_process_makes(inputs, monkeypatch):
    alone = _bank(inputs, 1)
    monkeypatch.setattr(many, "PARALLEL_AT", 10)  # the five notes are few facts
    started = []
    real = many.shares_start

    def counting(shares, *args):
        started.append(len(shares))
        return real(shares, *args)

    finished = []
    real_finish = many.shares_finish

    def kept(started_workers):
        finished.extend(results := real_finish(started_workers))
        return results

    monkeypatch.setattr(many, "shares_start", counting)
    monkeypatch.setattr(many, "shares_finish", kept)
    assert _bank(inputs, 3) == alone
    assert started == [2]  # two workers beside this process, and both did their share
    assert len(finished) == 2 and all(result for result in finished)
    assert len(alone) > 50


def test_a_failed_worker_leaves_its_share_here(inputs, monkeypatch):
    alone = _bank(inputs, 1)
    monkeypatch.setattr(many, "PARALLEL_AT", 10)
    monkeypatch.setattr(worker_processes.sys, "executable", "/bin/false")
    assert _bank(inputs, 2) == alone


def test_shares_cover_every_fact_and_table_once():
    shares = many.shares_of(list(range(5000)), list(range(40)), 3)
    assert len(shares) == 3
    assert sorted(i for facts, _tables in shares for i in facts) == list(range(5000))
    assert sorted(i for _facts, tables in shares for i in tables) == list(range(40))
    assert all(tables for _facts, tables in shares)  # each process gets tables too
    assert many.shares_of(list(range(50)), [1, 2], 3) == [(list(range(50)), [1, 2])]


def test_a_bank_begun_ahead_is_the_bank_made_at_once(notes_ingested, monkeypatch):
    """The pipeline begins a whole run's questions before the cards (`bank.questions_begin`):
    every share goes to a worker, and the bank written is the one a run made at once writes."""
    from studyapp.knowledge.snapshot import model_snapshot
    from studyapp.quizzes.bank import questions_begin, questions_generate
    from studyapp.quizzes.models import Question

    def bank():
        return list(
            Question.objects.order_by("order").values_list("key", "prompt", "options", "quality")
        )

    questions_generate()
    at_once = bank()
    Question.objects.all().delete()
    monkeypatch.setattr(many, "PARALLEL_AT", 10)
    monkeypatch.setattr("django.conf.settings.INGEST_WORKERS", 2)
    snapshot = model_snapshot()
    begun = questions_begin(snapshot=snapshot)
    assert begun.dealt.here == [] and len(begun.dealt.away) == 2  # nothing left to this process
    questions_generate(snapshot=snapshot, begun=begun)
    assert bank() == at_once and len(at_once) > 50
    assert begun.dealt.finished  # its results were read: nothing left to stop


def test_a_run_that_fails_after_beginning_its_bank_ends_the_workers(notes_ingested, monkeypatch):
    from studyapp import pipeline

    monkeypatch.setattr(many, "PARALLEL_AT", 10)
    monkeypatch.setattr("django.conf.settings.INGEST_WORKERS", 2)
    begun = []
    real_begin = pipeline.questions_begin
    monkeypatch.setattr(
        pipeline, "questions_begin", lambda **kw: begun.append(real_begin(**kw)) or begun[-1]
    )

    def failing(**_kw):
        raise RuntimeError("cards failed")

    monkeypatch.setattr(pipeline, "cards_generate", failing)
    monkeypatch.setattr(pipeline, "edit_scope", lambda *_args: None)  # a whole run
    with pytest.raises(RuntimeError, match="cards failed"):
        pipeline.model_rebuild()
    (one,) = begun
    processes = [started[0] for started in one.dealt.started]
    assert len(processes) == 2 and all(p.returncode is not None for p in processes)


def test_questions_begun_for_another_snapshot_are_refused(notes_ingested):
    from studyapp.knowledge.snapshot import model_snapshot
    from studyapp.quizzes.bank import questions_begin, questions_generate

    begun = questions_begin(snapshot=model_snapshot())
    with pytest.raises(ValueError, match="another run"):
        questions_generate(snapshot=model_snapshot(), begun=begun)
    begun.stop()


def test_a_quantity_stated_falsely_is_clearly_apart_from_the_true_one():
    """'< 40' stated for '< 45' is false only by a technicality; '512 MB – 10 GB' for
    '128 MB – 10 GB' is false at its low end (stop 29)."""
    from studyapp.quizzes.generate.distractors import STATED_APART, ends_apart
    from studyapp.quizzes.generate.swaps import _close_amounts
    from studyapp.text.quantities import find_quantities

    def q(text):
        return find_quantities(text)[0]

    assert _close_amounts(q("<40"), q("<45"))
    assert not _close_amounts(q("<40"), q("<60"))
    assert ends_apart(q("128 MB – 10 GB"), q("512 MB – 10 GB")) >= STATED_APART
    assert ends_apart(q("1600 – 1700"), q("1638 – 1715")) < STATED_APART
