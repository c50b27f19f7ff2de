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
