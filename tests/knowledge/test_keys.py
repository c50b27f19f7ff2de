"""Stable keys (studyapp/text/names.py): every learner's history hangs on them (a card's reviews,
a question's attempts, a table's corrections), so the way they are derived must never change by
accident. Exact values are pinned here; a change to the hash, the separator, the prefixes or the
normalisation fails loudly instead of silently re-keying (and orphaning) every row."""

from __future__ import annotations

import re

import pytest

from studyapp.decks.models import Card
from studyapp.knowledge.models import Comparison, Fact, Topic
from studyapp.quizzes.models import Question
from studyapp.text.names import name_key, stable_key
from tests.five_notes import five_notes_restore


def test_a_key_is_the_first_20_hex_digits_of_the_sha1_of_its_parts():
    assert stable_key() == "da39a3ee5e6b4b0d3255"  # SHA-1 of nothing
    assert stable_key("topic", "lambda") == "b65f2b0ccea4648d6d1d"
    assert stable_key("a", "b") == "687d61996b1c1278c973"  # parts joined by U+001F
    assert stable_key("café") == "f424452a9673918c6f09"  # UTF-8
    assert re.fullmatch(r"[0-9a-f]{20}", stable_key("fact", "x", "key_value", "y"))


def test_the_same_parts_give_the_same_key_and_any_change_another():
    assert stable_key("topic", "lambda") == stable_key("topic", "lambda")
    others = [
        stable_key("topic", "lambdas"),
        stable_key("topic", "Lambda"),
        stable_key("lambda", "topic"),
        stable_key("topic", "lambda", ""),
        stable_key("topiclambda"),
    ]
    assert stable_key("topic", "lambda") not in others
    assert len(set(others)) == len(others)


@pytest.mark.parametrize(
    "spelling",
    [
        "AWS Lambda",
        "Lambda",
        "Amazon Lambda",
        "**AWS Lambda**",
        "aws  lambda",
        "AWS Lambda (compute)",
        "What is AWS Lambda?",
        "Lambdas",
    ],
)
def test_spellings_of_one_name_give_one_topic_key(spelling):
    assert name_key(spelling) == "lambda"
    assert stable_key("topic", name_key(spelling)) == "b65f2b0ccea4648d6d1d"


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["CloudFront Functions", "cloudfront function"], "eb37bb2b58bf2f851857"),
        (["AWS Step Functions", "Step Functions", "step function"], "6d33a60bedba31ddb225"),
        (["Amazon DynamoDB", "DynamoDB"], "dd3a23baeb838e14cb3b"),
    ],
)
def test_aliases_share_their_topics_key(spellings, key):
    assert {stable_key("topic", name_key(s)) for s in spellings} == {key}


@pytest.fixture
def everything(five_notes, db):
    """The five notes with their cards and questions."""
    five_notes_restore(five_notes, cards=True, questions=True)


def test_the_five_notes_keep_their_keys(everything):
    """End to end: what the sample notes' rows are keyed by, from topic to question."""
    topics = dict(Topic.objects.values_list("name", "key"))
    assert topics["AWS Lambda"] == "b65f2b0ccea4648d6d1d"
    assert topics["CloudFront Functions"] == "eb37bb2b58bf2f851857"
    assert topics["Lambda@Edge"] == "468b290b16f6e2717549"
    timeout = Fact.objects.get(text="Max execution: 900s (15 min)")
    assert timeout.key == "d10a18a6a02e06695828"
    headline = Comparison.objects.get(title="AWS Lambda vs CloudFront Functions vs Lambda@Edge")
    assert headline.key == "334ce9aefbbd81913dcc"
    card = Card.objects.get(fact=timeout, kind=Card.Kind.QA)
    assert card.key == "7f94443673f46b5e03d2" == stable_key("card", "qa", timeout.key)
    question = Question.objects.get(kind="choice", prompt="AWS Lambda · limits — max execution?")
    assert question.key == "0eef3719f29444ad9137"
