"""Reads of the topic model that span relations, shaped for the pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from .models import Citation, Conflict, Fact, Topic


@dataclass
class TreeNode:
    topic: Topic
    fact_count: int
    children: list[TreeNode] = field(default_factory=list)
    matched: bool = True


def topic_tree(query: str = "") -> tuple[list[TreeNode], int]:
    """The live topic tree (one query), filtered by name or alias; ancestors of a match stay.

    Returns the roots and the number of topics that matched.
    """
    topics = list(
        Topic.objects.filter(retired_at__isnull=True).annotate(
            fact_count=Count("facts", filter=Q(facts__retired_at__isnull=True))
        )
    )
    nodes = {t.pk: TreeNode(t, t.fact_count) for t in topics}
    needle = query.strip().lower()
    matched = {
        t.pk
        for t in topics
        if not needle or needle in t.name.lower() or any(needle in a.lower() for a in t.aliases)
    }
    visible = set()
    for pk in matched:
        ancestor: Topic | None = nodes[pk].topic
        while ancestor is not None and ancestor.pk not in visible:
            visible.add(ancestor.pk)
            ancestor = nodes[ancestor.parent_id].topic if ancestor.parent_id in nodes else None
    roots: list[TreeNode] = []
    for topic in topics:
        if topic.pk not in visible:
            continue
        node = nodes[topic.pk]
        node.matched = topic.pk in matched
        parent = nodes.get(topic.parent_id) if topic.parent_id else None
        (parent.children if parent and parent.topic.pk in visible else roots).append(node)
    return roots, len(matched)


def topic_ancestors(topic: Topic) -> list[Topic]:
    chain: list[Topic] = []
    seen = {topic.pk}
    parent_id = topic.parent_id
    while parent_id and parent_id not in seen:
        parent = Topic.objects.only("name", "slug", "parent_id").get(pk=parent_id)
        chain.insert(0, parent)
        seen.add(parent_id)
        parent_id = parent.parent_id
    return chain


def topic_facts_by_subheading(topic: Topic) -> list[tuple[str, list[Fact]]]:
    """Live facts of a topic with their citations and live conflicts, grouped by subheading."""
    facts = (
        topic.facts.filter(retired_at__isnull=True)
        .prefetch_related(
            Prefetch("citations", queryset=Citation.objects.select_related("note")),
            # Ingest retires a conflict once the notes agree again; it must not show any more.
            Prefetch("conflicts", queryset=Conflict.objects.filter(retired_at__isnull=True)),
        )
        .order_by("order")
    )
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.subheading].append(fact)
    # Facts with no subheading first, then the subheadings in the order they first appear.
    return sorted(groups.items(), key=lambda kv: kv[0] != "")


# The live topics and their subtrees: what decks, quiz filters and topic pickers are built from.


def topic_descendants(topics: list[Topic]) -> dict[int, list[int]]:
    """Each topic's pk with the pks of all its subtopics (a cycle in the notes is cut)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for topic in topics:
        children[topic.parent_id].append(topic.pk)
    result: dict[int, list[int]] = {}

    def walk(pk: int, seen: set[int]) -> list[int]:
        if pk in result:
            return result[pk]
        ids = [pk]
        for child in children.get(pk, []):
            if child not in seen:
                ids.extend(walk(child, seen | {child}))
        result[pk] = ids
        return ids

    for topic in topics:
        walk(topic.pk, {topic.pk})
    return result


def topic_ids_under(chosen: list[Topic], topics: list[Topic]) -> list[int]:
    """The chosen topics and all their subtopics, as pks."""
    descendants = topic_descendants(topics)
    return sorted({pk for t in chosen for pk in descendants.get(t.pk, [t.pk])})


def live_topics() -> list[Topic]:
    return list(
        Topic.objects.filter(retired_at__isnull=True).only(
            "pk", "name", "slug", "parent_id", "order"
        )
    )
