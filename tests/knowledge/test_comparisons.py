"""Comparisons: tables merged with what other notes say, and parallel sections found."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.compare import is_parallel, same_row
from studyapp.knowledge.ingest.compare_rows import align
from studyapp.knowledge.ingest.extract import Group
from studyapp.knowledge.models import Comparison


@pytest.fixture
def comparisons(notes_ingested):
    return {c.title: c for c in Comparison.objects.filter(retired_at__isnull=True)}


def _find(comparisons, *names):
    for comparison in comparisons.values():
        if all(any(n.lower() in e.lower() for e in comparison.entities) for n in names) and len(
            comparison.entities
        ) == len(names):
            return comparison
    raise AssertionError(f"no comparison of {names} in {sorted(comparisons)}")


def test_headline_table_has_three_entities_twelve_rows_and_the_merged_rows(comparisons):
    table = comparisons["AWS Lambda vs CloudFront Functions vs Lambda@Edge"]
    assert table.entities == ["AWS Lambda", "CloudFront Functions", "Lambda@Edge"]
    assert len(table.attributes) >= 12
    for row in [
        "Memory",
        "Events it can change",
        "Authoring region",
        "Network access",
        "File System Access",
        "Request body access",
        "Scaling",
        "Runtime",
    ]:
        assert row in table.attributes, row
    cells = {(c.attribute, c.entity): c for c in table.cells.all()}
    assert cells[("Memory", "CloudFront Functions")].value.endswith("2MB")
    assert cells[("Memory", "Lambda@Edge")].value.endswith("10GB")
    assert cells[("Authoring region", "Lambda@Edge")].value == "us-east-1"
    scaling = {c.value for c in table.cells.filter(attribute="Scaling", entity="Lambda@Edge")}
    assert "thousands of requests/s" in scaling
    events = " ".join(
        c.value for c in table.cells.filter(attribute="Events it can change", entity="Lambda@Edge")
    )
    assert "origin request" in events and "origin response" in events
    # every cell cites at least one note, and the notes differ on CloudFront Functions' latency
    assert all(c.sources and c.sources[0]["note"] for c in table.cells.all())
    latency = {
        c.value
        for c in table.cells.filter(attribute="Execution Time", entity="CloudFront Functions")
    }
    assert len(latency) >= 2


@pytest.mark.parametrize(
    "names",
    [
        ("CloudFront Functions", "Lambda@Edge"),
        ("EC2", "Lambda"),
        ("Provision", "Demand"),
        ("DynamoDB Streams", "Kinesis Data Streams"),
        ("Synchronous", "Asynchronous"),
    ],
)
def test_every_parallel_section_comparison_is_found(comparisons, names):
    comparison = _find(comparisons, *names)
    assert comparison.attributes and comparison.cells.count() >= 2


def test_streams_rows_are_paired_by_shared_words(comparisons):
    streams = _find(comparisons, "DynamoDB Streams", "Kinesis Data Streams")
    rows = {c.attribute: c.value for c in streams.cells.filter(entity__icontains="Kinesis")}
    assert rows["Retention"] == "1 year retention"
    assert "Consumers" in rows


def test_blocks_that_share_only_a_preposition_are_no_comparison(comparisons):
    # The two Cognito pools' bullets share only 'through' ('sign in through user id' / 'access
    # services through these credentials'): no attribute both state, so no table.
    titles = " | ".join(comparisons)
    assert "identity pool" not in titles.lower()


def test_aspects_of_one_thing_are_not_a_comparison(comparisons):
    titles = " | ".join(comparisons)
    assert "Execution vs Deployment" not in titles
    assert not any("Networking" in t for t in titles.split(" | "))
    assert len(comparisons) <= 10


def test_rows_that_mean_the_same_are_one():
    assert same_row("Execution Time", "max execution time")
    assert same_row("Execution Time", "Timeout")
    assert same_row("Runtime", "languages")
    assert not same_row("concurrent executions", "Execution Time")


def test_parallel_blocks_and_their_alignment():
    a = Group(
        ("DynamoDB",),
        "DynamoDB Streams",
        1,
        [("24 hours retention", 2), ("Limited # of consumers", 3)],
    )
    b = Group(
        ("DynamoDB",),
        "Kinesis Data Streams (newer)",
        4,
        [("High # of consumers", 5), ("1 year retention", 6)],
    )
    assert is_parallel(a, b, lambda t: None, topics=frozenset({"dynamodb"}), named_together=set())
    rows = align(a, b)
    assert [(r.attribute, r.a[0], r.b[0]) for r in rows] == [
        ("Retention", "24 hours retention", "1 year retention"),
        ("Consumers", "Limited # of consumers", "High # of consumers"),
    ]
    aspects = (
        Group((), "Execution", 1, [("memory: 1", 2)]),
        Group((), "Deployment", 3, [("size: 2", 4)]),
    )
    assert not is_parallel(*aspects, lambda t: None, topics=frozenset(), named_together=set())


def test_one_shared_stem_must_be_one_shared_word():
    a = Group(
        (),
        "CloudFront Functions",
        1,
        [("Request authentication & authorization", 2), ("Lightweight JS", 3)],
    )
    b = Group(
        (),
        "Lambda@Edge",
        4,
        [("Author your functions in one AWS Region", 5), ("Full Node.js runtime", 6)],
    )
    assert align(a, b) == []
