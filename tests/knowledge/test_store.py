"""The store stage (studyapp/knowledge/ingest/store.py) on a small model made by hand: one note,
two topics, a few facts and a table. It upserts by stable key: a first store creates, a second
with nothing changed writes nothing, a changed fact is updated in place under its key, a fact
gone from the notes is retired (never deleted), and one that comes back is restored."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.ingest.store import model_store
from studyapp.knowledge.models import Citation, Comparison, ComparisonCell, Fact, Note, Topic

T1 = datetime(2030, 1, 1, tzinfo=UTC)
T2 = datetime(2030, 1, 2, tzinfo=UTC)
NOTE = """# AWS Lambda

- Memory: 128 MB – 10 GB
- Timeout: 15 min
- Lambda runs code without servers

# Amazon DynamoDB

- Item size: 400 KB max
- DynamoDB is a key-value database

# Lambda vs DynamoDB

| Feature | AWS Lambda | Amazon DynamoDB |
|---|---|---|
| Type | compute | database |
| Pricing | per request | per capacity |
"""


@pytest.fixture
def model():
    return merge({"limits": extract(parse(NOTE))})


@pytest.fixture
def notes(db) -> dict[str, Note]:
    note = Note.objects.create(
        slug="limits",
        path="limits.md",
        title="AWS Lambda",
        sha256="0" * 64,
        size=len(NOTE),
        encoding="utf-8",
        text=NOTE,
        ingested_at=T1,
    )
    return {"limits": note}


@pytest.fixture
def stored(model, notes):
    """The model stored once."""
    return model_store(model, notes=notes, now=T1)


def writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def counts(counter) -> dict[str, int]:
    """What a report counted, without the kinds of row it counted none of."""
    return {what: n for what, n in counter.items() if n}


def fact_called(model, text: str):
    (fact,) = [f for f in model.facts if f.text == text]
    return fact


def without(model, text: str):
    """The model as if the notes no longer said `text`."""
    changed = copy.deepcopy(model)
    changed.facts = [f for f in changed.facts if f.text != text]
    return changed


def test_the_hand_made_model_has_two_topics_five_facts_and_a_table(model):
    assert [t.name for t in model.topics] == ["AWS Lambda", "Amazon DynamoDB"]
    assert len(model.facts) == 5 and len(model.comparisons) == 1 and not model.conflicts


def test_a_first_store_creates_every_row(model, stored):
    assert counts(stored.created) == {
        "topics": 2,
        "facts": 5,
        "citations": 5,
        "comparisons": 1,
        "cells": len(model.comparisons[0].cells),
    }
    assert not counts(stored.updated) and not counts(stored.retired)
    assert set(Topic.objects.values_list("key", flat=True)) == {t.key for t in model.topics}
    assert set(Fact.objects.values_list("key", flat=True)) == {f.key for f in model.facts}
    assert Citation.objects.count() == 5
    assert Comparison.objects.get().key == model.comparisons[0].key
    assert ComparisonCell.objects.count() == len(model.comparisons[0].cells)
    assert not Fact.objects.filter(retired_at__isnull=False).exists()


def test_storing_the_same_model_again_writes_nothing(model, notes, stored):
    rows = list(Fact.objects.values())
    with CaptureQueriesContext(connection) as captured:
        again = model_store(model, notes=notes, now=T2)
    assert writes(captured.captured_queries) == []
    assert not counts(again.created) and not counts(again.updated) and not counts(again.retired)
    assert list(Fact.objects.values()) == rows


def test_a_changed_fact_is_updated_in_place_under_its_key(model, notes, stored):
    timeout = fact_called(model, "Timeout: 15 min")
    row = Fact.objects.get(key=timeout.key)
    timeout.text, timeout.value = "Timeout: 900 s", "900 s"
    report = model_store(model, notes=notes, now=T2)
    assert counts(report.updated) == {"facts": 1}
    assert not counts(report.created) and not counts(report.retired)
    row.refresh_from_db()
    assert (row.key, row.text, row.value, row.retired_at) == (
        timeout.key,
        "Timeout: 900 s",
        "900 s",
        None,
    )
    assert Fact.objects.count() == 5


def test_a_vanished_fact_is_retired_not_deleted_and_comes_back_when_it_returns(
    model, notes, stored
):
    timeout = fact_called(model, "Timeout: 15 min")
    row = Fact.objects.get(key=timeout.key)

    report = model_store(without(model, "Timeout: 15 min"), notes=notes, now=T2)
    # Its citation goes (a pointer, not knowledge); the next fact of its topic moves up one.
    assert counts(report.retired) == {"facts": 1, "citations": 1}
    assert not counts(report.created)
    row.refresh_from_db()
    assert row.retired_at == T2  # still there, with its key and pk: what hangs off it survives
    assert Fact.objects.count() == 5
    assert Fact.objects.filter(retired_at__isnull=True).count() == 4

    report = model_store(model, notes=notes, now=T2)
    # Restored, not created again (its citation is new); the next fact moves back down one.
    assert counts(report.created) == {"citations": 1}
    assert counts(report.updated) == {"facts": 2}
    row.refresh_from_db()
    assert row.retired_at is None and row.key == timeout.key
    assert Fact.objects.get(key=timeout.key).pk == row.pk
    with CaptureQueriesContext(connection) as captured:
        model_store(model, notes=notes, now=T2)
    assert writes(captured.captured_queries) == []


def test_a_vanished_topic_is_retired_and_restored_too(model, notes, stored):
    dynamo = next(t for t in model.topics if t.name == "Amazon DynamoDB")
    gone = copy.deepcopy(model)
    gone.topics = [t for t in gone.topics if t.key != dynamo.key]
    gone.facts = [f for f in gone.facts if f.topic_key != dynamo.key]
    gone.comparisons = []
    report = model_store(gone, notes=notes, now=T2)
    assert report.retired["topics"] == 1 and report.retired["comparisons"] == 1
    topic = Topic.objects.get(key=dynamo.key)
    assert topic.retired_at == T2
    model_store(model, notes=notes, now=T2)
    topic.refresh_from_db()
    assert topic.retired_at is None
    assert Comparison.objects.get().retired_at is None
