"""Workflows of the decks app: generating cards, answering, undoing, suspending."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from studyapp.knowledge.ingest.names import name_key
from studyapp.knowledge.models import Comparison, Fact

from .generate import CardSpec, CellInput, FactInput, cards_for_fact, comparison_card
from .models import Card


@dataclass
class GenerateReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    by_kind: Counter[str] | None = None


def cards_generate(*, now: datetime | None = None) -> GenerateReport:
    """Make the cards match the live topic model: upsert by key, retire what is gone."""
    now = now or timezone.now()
    wanted: dict[str, tuple[CardSpec, dict]] = {}
    facts = (
        Fact.objects.filter(retired_at__isnull=True)
        .select_related("topic")
        .order_by("topic__order", "order")
    )
    for fact in facts:
        spec_input = FactInput(
            key=fact.key,
            kind=fact.kind,
            topic=fact.topic.name,
            subheading=fact.subheading,
            text=fact.text,
            subject=fact.subject,
            attribute=fact.attribute,
            value=fact.value,
            items=tuple(fact.items),
            emphasis=tuple(fact.emphasis),
        )
        for spec in cards_for_fact(spec_input):
            wanted.setdefault(
                spec.key, (spec, {"topic_id": fact.topic_id, "fact_id": fact.pk, "cell_id": None})
            )
    for spec, links in _comparison_cards():
        wanted.setdefault(spec.key, (spec, links))

    report = GenerateReport(by_kind=Counter(spec.kind for spec, _l in wanted.values()))
    with transaction.atomic():
        existing = {c.key: c for c in Card.objects.all()}
        new, changed = [], []
        for order, (key, (spec, links)) in enumerate(wanted.items()):
            values = {
                "kind": spec.kind,
                "sibling_key": spec.sibling_key,
                "context": spec.context[:300],
                "front": spec.front,
                "back": spec.back,
                "order": order,
                "retired_at": None,
                **links,
            }
            card = existing.get(key)
            if card is None:
                new.append(Card(key=key, **values))
            elif any(getattr(card, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(card, k, v)
                changed.append(card)
        for key, card in existing.items():
            if key not in wanted and card.retired_at is None:
                card.retired_at = now
                changed.append(card)
                report.retired += 1
        Card.objects.bulk_create(new)
        fields = [
            "kind",
            "sibling_key",
            "context",
            "front",
            "back",
            "order",
            "retired_at",
            "topic_id",
            "fact_id",
            "cell_id",
        ]
        Card.objects.bulk_update(changed, fields)
    report.created = len(new)
    report.updated = len(changed) - report.retired
    return report


def _comparison_cards():
    comparisons = Comparison.objects.filter(retired_at__isnull=True).prefetch_related(
        "cells", "entity_topics"
    )
    for comparison in comparisons:
        topics = {name_key(t.name): t for t in comparison.entity_topics.all()}
        for alias_topic in comparison.entity_topics.all():
            for alias in alias_topic.aliases:
                topics.setdefault(name_key(alias), alias_topic)
        grouped: dict[tuple[str, str], list] = defaultdict(list)
        for cell in comparison.cells.all():
            grouped[(cell.attribute, cell.entity)].append(cell)
        for (attribute, entity), cells in grouped.items():
            topic = topics.get(name_key(entity))
            if topic is None:
                continue  # an entity the notes have no topic for: no deck to put it in
            spec = comparison_card(
                CellInput(
                    comparison_key=comparison.key,
                    comparison_title=comparison.title,
                    entity=entity,
                    attribute=attribute,
                    values=tuple(dict.fromkeys(c.value for c in cells)),
                )
            )
            if spec:
                yield spec, {"topic_id": topic.pk, "fact_id": None, "cell_id": cells[0].pk}
