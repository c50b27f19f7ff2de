"""Cards from facts: context in every question, answers that do not repeat them, stable keys."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import (
    CellInput,
    FactInput,
    cards_for_fact,
    comparison_card,
)
from studyapp.decks.models import Card
from studyapp.decks.services import cards_generate
from studyapp.knowledge.models import Fact
from tests.decks.facts import fact_input


def _fact(**kw):
    return fact_input(**{"kind": "key_value", "topic": "AWS Lambda", "subheading": "Limits", **kw})


def test_key_value_becomes_a_question_with_its_context():
    (card,) = cards_for_fact(
        _fact(attribute="Maximum execution time", value="900 seconds (15 minutes)")
    )
    assert card.kind == "qa"
    assert card.front == "AWS Lambda · limits — maximum execution time?"
    assert card.back == "900 seconds (15 minutes)"


def test_no_card_whose_answer_repeats_the_question():
    assert cards_for_fact(_fact(attribute="Scaling", value="scaling")) == []


def test_cloze_from_definitions_and_emphasis():
    (definition,) = cards_for_fact(
        _fact(
            kind="definition",
            subject="ENI",
            value="Elastic Network Interface",
            text="ENI: Elastic Network Interface",
        )
    )
    assert definition.kind == "cloze" and definition.front == "[…]: Elastic Network Interface"
    assert definition.back.startswith("ENI")
    cards = cards_for_fact(
        _fact(
            kind="statement",
            text="DAX gives microsecond latency for cached reads",
            emphasis=("microsecond latency",),
        )
    )
    assert [c.front for c in cards] == ["DAX gives […] for cached reads"]
    # a term that is the whole line leaves nothing to answer from
    assert (
        cards_for_fact(_fact(kind="statement", text="Key Features", emphasis=("Key Features",)))
        == []
    )


def test_enumeration_card_for_short_lists_only():
    four = ("viewer request", "origin request", "origin response", "viewer response")
    (card,) = cards_for_fact(
        _fact(kind="enumeration", topic="Lambda@Edge", subheading="", subject="change", items=four)
    )
    assert card.front == "Lambda@Edge — change: which four?"
    assert card.back.splitlines() == [f"• {i}" for i in four]
    assert (
        cards_for_fact(
            _fact(kind="enumeration", subject="services", items=tuple(f"s{i}" for i in range(8)))
        )
        == []
    )


def test_comparison_cell_card_and_inline_card():
    card = comparison_card(
        CellInput(
            "c1",
            "Lambda vs CFF",
            "CloudFront Functions",
            "File System Access",
            ("❌ Not supported",),
        )
    )
    assert (card.front, card.back) == (
        "CloudFront Functions — file system access?",
        "❌ Not supported",
    )
    (inline,) = cards_for_fact(
        _fact(kind="qa", attribute="What is DAX?", value="A cache for DynamoDB")
    )
    assert (inline.kind, inline.front, inline.back) == (
        "inline",
        "What is DAX?",
        "A cache for DynamoDB",
    )


def test_cards_of_one_fact_are_siblings_with_distinct_stable_keys():
    fact = _fact(
        attribute="Item size",
        value="400 KB max",
        text="Item size: 400 KB max",
        emphasis=("400 KB",),
    )
    cards = cards_for_fact(fact)
    assert len(cards) == 2 and {c.sibling_key for c in cards} == {"f1"}
    assert len({c.key for c in cards}) == 2
    assert [c.key for c in cards_for_fact(fact)] == [c.key for c in cards]


@pytest.mark.django_db
def test_the_five_notes_give_cards_of_every_generated_kind_and_regeneration_is_idempotent(
    notes_ingested,
):
    report = cards_generate()
    assert {"qa", "cloze", "enumeration", "comparison"} <= set(report.by_kind)
    assert (
        Card.objects.get(front="CloudFront Functions — file system access?").back
        == "❌ Not supported"
    )
    assert Card.objects.filter(
        front__startswith="Lambda@Edge", front__endswith="which four?"
    ).exists()
    keys = dict(Card.objects.values_list("pk", "key"))
    again = cards_generate()
    assert (again.created, again.updated, again.retired) == (0, 0, 0)
    assert dict(Card.objects.values_list("pk", "key")) == keys
    for card in Card.objects.all():
        assert card.context and card.front and card.back


@pytest.mark.django_db
def test_a_retired_fact_retires_its_cards_and_a_changed_value_keeps_the_card(notes_ingested):
    cards_generate()
    fact = Fact.objects.filter(kind="key_value", cards__isnull=False).first()
    card = fact.cards.first()
    fact.value = fact.value + " (edited)"
    fact.save()
    cards_generate()
    card.refresh_from_db()
    assert card.retired_at is None and "(edited)" in card.back
    Fact.objects.filter(pk=fact.pk).update(retired_at="2026-01-01T00:00:00Z")
    cards_generate()
    card.refresh_from_db()
    assert card.retired_at is not None


@pytest.mark.django_db
def test_cards_of_disputed_facts_say_so_and_no_question_is_asked_twice(notes_ingested):
    cards_generate()
    (latency,) = Card.objects.filter(
        front="CloudFront Functions — latency?", retired_at__isnull=True
    )
    assert (
        "Your notes disagree" in latency.back
        and "sub-ms" in latency.back
        and "ms-scale" in latency.back
    )
    fronts = list(Card.objects.filter(retired_at__isnull=True).values_list("topic_id", "front"))
    assert len(fronts) == len(set(fronts))


def test_a_cloze_whose_answer_is_in_its_context_is_not_made():
    fact = _fact(
        kind="definition",
        topic="Lambda@Edge",
        subheading="",
        subject="Lambda@Edge",
        value="NodeJS/Python functions at CloudFront locations",
    )
    assert cards_for_fact(fact) == []


def test_a_term_with_a_short_meaning_is_asked_both_ways():
    from studyapp.decks.generate import FactInput, cards_for_fact

    def definition(term: str, meaning: str) -> FactInput:
        return FactInput(
            key=f"k-{term}",
            kind="definition",
            topic="Latin cases",
            subheading="",
            text=f"{term} — {meaning}",
            subject=term,
            attribute=term,
            value=meaning,
            items=(),
            emphasis=(),
        )

    short = cards_for_fact(definition("Ablative", "means or manner"))
    assert [(c.kind, c.back) for c in short] == [
        ("qa", "means or manner"),
        ("cloze", "Ablative: means or manner"),
    ]
    long = cards_for_fact(definition("Vocative", "the case used to address someone directly"))
    assert [c.kind for c in long] == ["cloze"]
