"""Stop 31 (issue 10): a heading many notes share ('API' in a queue service's note and in a
storage service's note, merged into one topic) holds each note's own terms; a term matching
mixes no two subjects' terms. Snippets in our own words."""

from __future__ import annotations

from dataclasses import replace

from studyapp.quizzes import spec
from studyapp.quizzes.generate.terms import term_matchings
from tests.quizzes.builders import kv

QUEUE = [
    ("SendMessage", "put one message on the queue"),
    ("ReceiveMessage", "take up to ten messages off the queue"),
    ("PurgeQueue", "delete every message in the queue"),
]
BUCKET = [
    ("PutObject", "store a new file"),
    ("ListObjects", "show which keys exist under a prefix"),
    ("DeleteBucket", "remove an empty storage container"),
]


def _facts(shown_queue: str, shown_bucket: str):
    facts = []
    for i, (term, meaning) in enumerate(QUEUE):
        fact = kv(f"q{i}", "API", term, meaning, kind="definition", note="queue-service")
        facts.append(replace(fact, shown=shown_queue))
    for i, (term, meaning) in enumerate(BUCKET):
        fact = kv(f"b{i}", "API", term, meaning, kind="definition", note="storage-service")
        facts.append(replace(fact, shown=shown_bucket))
    return facts


def _matched(facts) -> list[set[str]]:
    return [set(q.items) for q in term_matchings(facts, seed=1) if q.kind == spec.MATCHING]


def test_one_generic_heading_of_two_subjects_is_matched_per_subject():
    matched = _matched(_facts("Queue service › API", "Storage service › API"))
    assert {t for t, _m in QUEUE} in matched, matched
    assert {t for t, _m in BUCKET} in matched, matched
    assert all(
        items <= {t for t, _m in QUEUE} or items <= {t for t, _m in BUCKET} for items in matched
    )


def test_one_subject_told_in_two_notes_is_still_matched_together():
    facts = [replace(f, shown="") for f in _facts("", "")][:2] + [
        replace(f, shown="") for f in _facts("", "")
    ][3:5]
    matched = _matched(facts)
    assert any(len(items) == 4 for items in matched), matched
