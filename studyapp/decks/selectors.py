"""Reads for studying: which deck, what is due, what comes next, how a session went.

Every query here is bounded by indexes on (user, suspended, due) and the card's topic, and the
number of queries does not depend on the size of the deck.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet, Sum

from studyapp.knowledge.models import Topic
from studyapp.knowledge.selectors import live_topics, topic_descendants, topic_ids_under

from . import scheduling
from .models import Card, CardState, CustomDeck, ReviewLog

EVERYTHING = "everything"
LEARN_AHEAD = timedelta(minutes=20)  # as Anki: when nothing else is left, learning cards due soon


@dataclass
class Deck:
    slug: str
    name: str
    topic_ids: list[int] | None  # None: every card
    custom: CustomDeck | None = None
    topic: Topic | None = None
    children: list[Deck] = field(default_factory=list)


def deck_tree() -> list[Deck]:
    """A deck per top-level topic, with sub-decks by topic."""
    topics = live_topics()
    descendants = topic_descendants(topics)
    decks = {t.pk: Deck(t.slug, t.name, descendants[t.pk], topic=t) for t in topics}
    roots: list[Deck] = []
    for topic in topics:
        parent = decks.get(topic.parent_id) if topic.parent_id else None
        (parent.children if parent else roots).append(decks[topic.pk])
    return roots


def deck_for(slug: str, user) -> Deck | None:
    """The deck a URL names: 'everything', a topic's slug, or one of the user's own decks."""
    if slug == EVERYTHING:
        return Deck(EVERYTHING, "Everything", None)
    custom = CustomDeck.objects.filter(slug=slug, owner=user).prefetch_related("topics").first()
    if custom is not None:
        ids = topic_ids_under(list(custom.topics.all()), live_topics())
        return Deck(custom.slug, custom.name, ids, custom=custom)
    topic = Topic.objects.filter(slug=slug, retired_at__isnull=True).first()
    if topic is None:
        return None
    return Deck(topic.slug, topic.name, topic_descendants(live_topics())[topic.pk], topic=topic)


def custom_decks(user) -> list[Deck]:
    """The user's own decks, in a fixed number of queries however many there are."""
    customs = list(CustomDeck.objects.filter(owner=user).prefetch_related("topics"))
    if not customs:
        return []
    topics = live_topics()
    return [
        Deck(
            custom.slug,
            custom.name,
            topic_ids_under(list(custom.topics.all()), topics),
            custom=custom,
        )
        for custom in customs
    ]


def deck_cards(deck: Deck) -> QuerySet[Card]:
    """The deck's live cards (held-back suggestions are not dealt)."""
    cards = Card.objects.filter(retired_at__isnull=True, held_back=False)
    return cards if deck.topic_ids is None else cards.filter(topic_id__in=deck.topic_ids)


def daily_allowance(user, *, now: datetime, profile) -> tuple[int, int]:
    """(new cards, reviews) the user may still study today under their daily limits."""
    start = scheduling.day_start(now, profile.time_zone)
    done = ReviewLog.objects.filter(user=user, reviewed_at__gte=start).aggregate(
        new=Count("pk", filter=Q(state_before={}) | Q(state_before__state="new")),
        reviews=Count("pk", filter=Q(state_before__state="review")),
    )
    return max(0, profile.new_per_day - done["new"]), max(
        0, profile.reviews_per_day - done["reviews"]
    )


@dataclass
class Queue:
    new: int
    learning: int
    due: int
    next_card: Card | None
    next_state: CardState | None
    next_kind: str  # "new" | "learning" | "review" | ""
    day_start: datetime
    day_end: datetime
    # Cards the deck still holds for today that the daily limits keep back until tomorrow.
    waiting: int = 0


def study_queue(deck: Deck, user, *, now: datetime, profile) -> Queue:
    """Counts (new · learning · due) and the next card: learning, then due reviews, then new."""
    start = scheduling.day_start(now, profile.time_zone)
    end = scheduling.next_day_start(now, profile.time_zone)
    new_left, reviews_left = daily_allowance(user, now=now, profile=profile)

    cards = deck_cards(deck)
    states = CardState.objects.filter(user=user, suspended=False, card__in=cards).exclude(
        buried_until__gt=now
    )
    learning = states.filter(state__in=["learning", "relearning"])
    reviews = states.filter(state="review", due__lt=end)
    # A card is new to the user unless a state row says otherwise: studied, suspended or buried.
    studied = CardState.objects.filter(user=user, card=OuterRef("pk")).filter(
        ~Q(state="new") | Q(suspended=True) | Q(buried_until__gt=now)
    )
    new_cards = cards.exclude(Exists(studied))

    learning_now = learning.filter(due__lte=now)
    reviews_total, new_total = reviews.count(), new_cards.count()
    counts = {
        "learning": learning.filter(due__lt=end).count(),
        "due": min(reviews_total, reviews_left),
        "new": min(new_total, new_left),
    }
    next_state = learning_now.select_related("card__topic").order_by("due").first()
    kind = "learning" if next_state else ""
    if next_state is None and counts["due"]:
        next_state, kind = reviews.select_related("card__topic").order_by("due").first(), "review"
    next_card = next_state.card if next_state else None
    if next_card is None and counts["new"]:
        next_card, kind = new_cards.select_related("topic").order_by("order").first(), "new"
        next_state = None
    if next_card is None:
        ahead = (
            learning.filter(due__lte=now + LEARN_AHEAD)
            .select_related("card__topic")
            .order_by("due")
            .first()
        )
        if ahead:
            next_state, next_card, kind = ahead, ahead.card, "learning"
    if next_card is not None and next_state is None:
        next_state = CardState.objects.filter(
            user=user, card=next_card
        ).first()  # a buried-then-freed new card
    return Queue(
        new=counts["new"],
        learning=counts["learning"],
        due=counts["due"],
        next_card=next_card,
        next_state=next_state,
        next_kind=kind,
        day_start=start,
        day_end=end,
        waiting=reviews_total - counts["due"] + new_total - counts["new"],
    )


def deck_card(deck: Deck, user, pk: int, *, now: datetime) -> tuple[Card, CardState | None] | None:
    """A card of the deck that the user may study now (live, not suspended or buried), with the
    user's state of it; None when there is no such card."""
    card = deck_cards(deck).select_related("topic").filter(pk=pk).first()
    if card is None:
        return None
    state = CardState.objects.filter(user=user, card=card).first()
    if state and (state.suspended or (state.buried_until and state.buried_until > now)):
        return None
    return card, state


@dataclass
class Summary:
    studied: int
    again: int
    seconds: int
    next_due: datetime | None


def session_summary(deck: Deck, user, *, since: datetime, queue: Queue, now: datetime) -> Summary:
    """How the session since `since` went, and when the deck (finished for now: `queue` has no
    card) has cards again."""
    logs = ReviewLog.objects.filter(user=user, reviewed_at__gte=since, card__in=deck_cards(deck))
    totals = logs.aggregate(
        studied=Count("card", distinct=True),
        again=Count("pk", filter=Q(rating=1)),
        ms=Sum("duration_ms"),
    )
    states = CardState.objects.filter(user=user, suspended=False, card__in=deck_cards(deck))
    # Reviews due before the day ends would be in the queue now unless a daily limit holds them;
    # so the next card is a learning step or a review due on a later day...
    upcoming = (
        states.exclude(buried_until__gt=now)
        .filter(
            Q(state__in=["learning", "relearning"], due__gt=now)
            | Q(state="review", due__gte=queue.day_end)
        )
        .order_by("due")
        .values_list("due", flat=True)
        .first()
    )
    # ...or what the limits and burying keep back: new cards and reviews come back when the next
    # study day starts, buried siblings when they are unburied.
    candidates = [upcoming, queue.day_end if queue.waiting else None]
    candidates.append(states.filter(buried_until__gt=now).aggregate(m=Min("buried_until"))["m"])
    next_due = min((c for c in candidates if c is not None), default=None)
    return Summary(
        totals["studied"] or 0, totals["again"] or 0, (totals["ms"] or 0) // 1000, next_due
    )


def counts_by_topic(user, *, now: datetime, profile) -> dict[int, dict[str, int]]:
    """Per topic: new, learning and due counts for the user (three grouped queries)."""
    end = scheduling.next_day_start(now, profile.time_zone)
    states = CardState.objects.filter(
        user=user, suspended=False, card__retired_at__isnull=True, card__held_back=False
    ).exclude(buried_until__gt=now)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"new": 0, "learning": 0, "due": 0})
    learning = states.filter(state__in=["learning", "relearning"], due__lt=end)
    for topic_id, n in learning.values_list("card__topic_id").annotate(n=Count("pk")):
        counts[topic_id]["learning"] = n
    for topic_id, n in (
        states.filter(state="review", due__lt=end)
        .values_list("card__topic_id")
        .annotate(n=Count("pk"))
    ):
        counts[topic_id]["due"] = n
    studied = CardState.objects.filter(user=user, card=OuterRef("pk")).filter(
        ~Q(state="new") | Q(suspended=True) | Q(buried_until__gt=now)
    )
    new = Card.objects.filter(retired_at__isnull=True, held_back=False).exclude(Exists(studied))
    for topic_id, n in new.values_list("topic_id").annotate(n=Count("pk")):
        counts[topic_id]["new"] = n
    return counts


def deck_counts(
    deck: Deck, counts: dict[int, dict[str, int]], allowance: tuple[int, int]
) -> dict[str, int]:
    """A deck's counts for today, capped by what the daily limits still allow."""
    ids = counts.keys() if deck.topic_ids is None else deck.topic_ids
    total = {k: sum(counts[i][k] for i in ids if i in counts) for k in ("new", "learning", "due")}
    total["new"] = min(total["new"], allowance[0])
    total["due"] = min(total["due"], allowance[1])
    return total
