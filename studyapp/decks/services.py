"""Workflows of the decks app: generating cards, answering, undoing, suspending."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from studyapp.accounts.models import profile_for
from studyapp.knowledge.bulk import rows_insert, rows_keyed, rows_update
from studyapp.knowledge.placing import snapshot_topics
from studyapp.knowledge.snapshot import FactView, ModelSnapshot, Scope, model_snapshot
from studyapp.knowledge.written_names import field_labels, field_shorthand, written_names
from studyapp.text.casing import with_labels, with_names
from studyapp.text.names import name_key

from . import many, scheduling
from .blank_signs import ModifierCounts
from .generate import CardSpec, CellInput, FactInput, comparison_card
from .models import Card, CardState, ReviewLog
from .quality import card_quality, held_back


@dataclass
class GenerateReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    by_kind: Counter[str] | None = None

    def as_dict(self) -> dict:
        return {
            "by_kind": dict(self.by_kind or {}),
            "created": self.created,
            "updated": self.updated,
            "retired": self.retired,
        }


def cards_generate(
    *,
    now: datetime | None = None,
    snapshot: ModelSnapshot | None = None,
    table_key: str | None = None,
    scope: Scope | None = None,
) -> GenerateReport:
    """Make the cards match the live topic model: upsert by key, retire what is gone.

    With `table_key` (a comparison's key), only that table's cards are read and written: what an
    instructor's correction of the table changes. They come out as a full run makes them (the
    same deduplication against every other card; the table's own order numbers), and the
    comparison cards a full run would retire (a dropped row's, a renamed added row's) retire too.
    Other cards are left as they are: when the table's card count changes, the order numbers of
    the cards after it are renumbered by the next full run.

    With a `scope` (what a small edit changed, `knowledge.snapshot.scope_of`), only the cards of
    its topics and tables are made, compared and retired. New ones go to the end of the deck
    order (as Anki adds new cards), the others keep theirs; the next full run renumbers.
    """
    now = now or timezone.now()
    snapshot = snapshot or model_snapshot()
    labels = field_labels(snapshot)
    wanted, scores = _cards_wanted(snapshot, scope, labels, modifier_names(snapshot))
    names, shorthand = written_names(snapshot), field_shorthand(labels)
    if names or shorthand:
        wanted = {
            key: (_as_read(spec, names, shorthand), links, table)
            for key, (spec, links, table) in wanted.items()
        }
    existing_cards: QuerySet[Card] | list[Card] = Card.objects.all()
    if scope is not None:
        in_scope = list(
            Card.objects.filter(
                Q(topic__key__in=scope.topics) | Q(cell__comparison__key__in=scope.tables)
            )
        )
        # and a card the scope makes that sits elsewhere now (its fact moved topics)
        found = {c.key for c in in_scope}
        existing_cards = in_scope + rows_keyed(
            Card.objects.all(), [k for k in wanted if k not in found]
        )
    if table_key is not None:
        # Cards of an instructor's added row have no cell: every comparison card without one
        # is read too, and retired if no table wants it any more.
        existing_cards = Card.objects.filter(
            Q(key__in=[k for k, w in wanted.items() if w[2] == table_key])
            | Q(cell__comparison__key=table_key)
            | Q(kind=Card.Kind.COMPARISON, cell__isnull=True)
        )
    report = GenerateReport()
    with transaction.atomic():
        existing = {c.key: c for c in existing_cards}
        if scope is not None:
            _keep_order(wanted, existing)
        if table_key is not None:
            wanted = {k: w for k, w in wanted.items() if w[2] == table_key or k in existing}
        report.by_kind = Counter(spec.kind for spec, _l, _t in wanted.values())
        new, changed = [], []
        for key, (spec, links, _table) in wanted.items():
            quality = scores[key]
            values = {
                "quality": quality,
                # Under the threshold: stored as a suggestion, never dealt (decks/quality.py).
                "held_back": held_back(quality),
                "kind": spec.kind,
                "sibling_key": spec.sibling_key,
                "context": spec.context[:300],
                "front": spec.front,
                "back": spec.back,
                "retired_at": None,
                **links,
            }
            card = existing.get(key)
            if card is None:
                new.append({"key": key, **values})  # a plain row: no instance needed
            elif any(getattr(card, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(card, k, v)
                changed.append(card)
        for key, card in existing.items():
            if key not in wanted and card.retired_at is None:
                card.retired_at = now
                changed.append(card)
                report.retired += 1
        rows_insert(Card, new, ["key", *_CARD_FIELDS])  # nobody needs their pks here
        rows_update(Card, changed, _CARD_FIELDS)
    report.created = len(new)
    report.updated = len(changed) - report.retired
    return report


_CARD_FIELDS = [
    "quality", "held_back", "kind", "sibling_key", "context", "front", "back", "order",
    "retired_at", "topic_id", "fact_id", "cell_id",
]  # fmt: skip


def _as_read(
    spec: CardSpec, names: frozenset[str], shorthand: tuple[tuple[str, str], ...]
) -> CardSpec:
    """A card whose front and context give back the capitals of the names sentence case took
    ('according to aristotle?' -> 'according to Aristotle?') and show a clinical note's short
    field whole ('— path?' -> '— pathophysiology?', `text.casing`). Its score was given as it
    was made: only how it reads changes."""
    front = with_labels(with_names(spec.front, names), shorthand)
    context = with_labels(with_names(spec.context, names), shorthand)
    if front == spec.front and context == spec.context:
        return spec
    return replace(spec, front=front, context=context)


def modifier_names(snapshot: ModelSnapshot) -> frozenset[str]:
    """Names the notes write before a lower-case noun nearly every time a name modifies it
    ('EC2 instance', 'CT scan', `blank_signs.predicted_modifiers`), read from every live
    fact's text. Like the field labels, a whole-model sign: a scoped run reads the whole
    snapshot too, so its cards score as a full run's."""
    _MODIFIERS.follow({fact.pk: fact.text for fact in snapshot.facts})
    return _MODIFIERS.predicted()


# Kept from run to run in this process: a re-ingest counts only the texts that changed.
_MODIFIERS = ModifierCounts()


def _keep_order(wanted: dict[str, tuple[CardSpec, dict, str | None]], existing: dict[str, Card]):
    """A scoped run's order numbers: a card's own, and after the last card for a new one."""
    after = (Card.objects.aggregate(last=Max("order"))["last"] or 0) + 1
    for key, (_spec, links, _table) in wanted.items():
        if key in existing:
            links["order"] = existing[key].order
        else:
            links["order"], after = after, after + 1


def _cards_wanted(
    snapshot: ModelSnapshot,
    scope: Scope | None = None,
    labels: frozenset[str] = frozenset(),
    modifiers: frozenset[str] = frozenset(),
) -> tuple[dict[str, tuple[CardSpec, dict, str | None]], dict[str, float]]:
    """Every card the model gives (or the `scope` gives), by key, in deck order: (spec, links to
    topic/fact/cell and order, the key of the table it comes from or None); and each card's
    quality score (`labels`: the notes' field labels, see `field_labels`; `modifiers`: the
    names they write before a noun, see `modifier_names`)."""
    wanted: dict[str, tuple[CardSpec, dict, str | None]] = {}
    scores: dict[str, float] = {}
    # (topic pk, front) -> the key of the card asking it and whether it was reworded
    fronts: dict[tuple[int, str], tuple[str, bool]] = {}
    shown = snapshot_topics(snapshot)  # the subject as each fact's own note places it
    facts = [f for f in snapshot.facts if scope is None or f.topic.key in scope.topics]
    inputs = [(_fact_input(fact, shown[fact.pk]), fact.conflicts) for fact in facts]
    workers = (settings.INGEST_WORKERS or os.cpu_count() or 1) if scope is None else 1
    fallbacks = []  # cards that give way to any other card with their front (CardSpec.yields)
    for fact, scored in zip(facts, many.cards_all(inputs, labels, workers, modifiers), strict=True):
        for spec, quality in scored:
            if spec.yields:
                fallbacks.append((fact, spec, quality))
                continue
            _card_wanted(fact, spec, quality, fronts, wanted, scores)
    for fact, spec, quality in fallbacks:
        _card_wanted(fact, spec, quality, fronts, wanted, scores)
    for spec, links, table_key in _comparison_cards(snapshot, scope):
        # The same cell sits in the headline table and in a smaller one: one card.
        if (links["topic_id"], spec.front) in fronts:
            continue
        fronts[(links["topic_id"], spec.front)] = (spec.key, False)
        if spec.key not in wanted:
            wanted[spec.key] = (spec, links, table_key)
            # (a cell asked with its table's subject is judged as the cell it is)
            judged = replace(spec, front=spec.asked_as, asked_as="") if spec.asked_as else spec
            scores[spec.key] = card_quality(judged, labels=labels, modifiers=modifiers)
    for order, (_spec, links, _table) in enumerate(wanted.values()):
        links["order"] = order
    return wanted, scores


SEVERAL_ANSWERS_QUALITY = 0.45  # held back: one of several right answers on the back


def _same_answer(one: str, other: str) -> bool:
    """One back says the other's words (or all of them): the same answer, not a second one."""
    a, b = name_key(one), name_key(other)
    return a in b or b in a


def _card_wanted(
    fact: FactView,
    spec: CardSpec,
    quality: float,
    fronts: dict[tuple[int, str], tuple[str, bool]],
    wanted: dict[str, tuple[CardSpec, dict, str | None]],
    scores: dict[str, float],
) -> None:
    # One question, one card: two conflicting facts ask the same thing, and the disagreement
    # is already on the first card's back. In order, the front first, so the card found is the
    # same on every run (every key in `fronts` is in `wanted` and `scores`).
    asked = list(
        dict.fromkeys([(fact.topic.pk, spec.front), (fact.topic.pk, spec.asked_as or spec.front)])
    )
    if taken := [fronts[a] for a in asked if a in fronts]:
        first, reworded = taken[0]
        said = wanted[first][0].back
        if (
            reworded
            and not _same_answer(said, spec.back)
            and not fact.conflicts
            and first != spec.key
        ):
            # 'What does Amazon Cognito provide?' asked again by another line of the topic:
            # the question has several right answers, and the card shows one of them
            scores[first] = min(scores[first], SEVERAL_ANSWERS_QUALITY)
        return
    for a in asked:
        fronts[a] = (spec.key, bool(spec.asked_as) and spec.asked_as != spec.front)
    links = {"topic_id": fact.topic.pk, "fact_id": fact.pk, "cell_id": None}
    if spec.key not in wanted:
        wanted[spec.key] = (spec, links, None)
        scores[spec.key] = quality


def _fact_input(fact: FactView, topic: str) -> FactInput:
    return FactInput(
        key=fact.key,
        kind=fact.kind,
        topic=topic,
        subheading=fact.subheading,
        text=fact.text,
        subject=fact.subject,
        attribute=fact.attribute,
        value=fact.value,
        items=fact.items,
        emphasis=fact.emphasis,
        parent=fact.topic.parent_shown or fact.topic.parent,
        lead=fact.lead,
    )


def _comparison_cards(snapshot: ModelSnapshot, scope: Scope | None = None):
    """Cards of the tables as people see them: instructors' corrections applied (a dropped row
    has no cards, a fixed cell teaches the fixed value)."""
    for view in snapshot.tables:
        comparison = view.comparison
        if scope is not None and comparison.key not in scope.tables:
            continue
        for row in view.table.rows:
            for entity, values in row.cells.items():
                # An entity the notes have no topic for goes to the table's own topic.
                topic = view.entity_topics.get(entity) or view.home
                if topic is None or not values:
                    continue  # no deck to put it in
                spec = comparison_card(
                    CellInput(
                        comparison_key=comparison.key,
                        comparison_title=comparison.title,
                        entity=entity,
                        attribute=row.name,
                        values=tuple(dict.fromkeys(v.value for v in values)),
                        row_identity=row.attribute or row.name,
                        entity_kind=comparison.entity_kind,
                        home=view.home.shown
                        if view.home is not None and entity not in view.entity_topics
                        else "",
                    )
                )
                if spec:
                    cell = view.cells.get((row.attribute or row.name, entity))
                    links = {
                        "topic_id": topic.pk,
                        "fact_id": None,
                        "cell_id": cell[0] if cell else None,
                    }
                    yield spec, links, comparison.key


# --------------------------------------------------------------------------------------------
# Answering and undoing

_STATE_FIELDS = [
    "state", "step", "stability", "difficulty", "due", "last_review",
    "reps", "lapses", "suspended", "is_leech", "buried_until",
]  # fmt: skip


def _snapshot(state: CardState | None) -> dict:
    """Everything needed to put a state back exactly; {} means 'no row' (a new card)."""
    if state is None:
        return {}
    return {f: _jsonable(getattr(state, f)) for f in _STATE_FIELDS}


def _jsonable(value):
    return value.isoformat() if isinstance(value, datetime) else value


def _restore(fields: dict) -> dict:
    out = dict(fields)
    for name in ("due", "last_review", "buried_until"):
        if out.get(name):
            out[name] = datetime.fromisoformat(out[name])
    return out


def fsrs_fields(state: CardState | None) -> dict | None:
    if state is None or state.state == CardState.State.NEW:
        return None
    return {
        f: getattr(state, f)
        for f in ("state", "step", "stability", "difficulty", "due", "last_review")
    }


def card_answer(
    *, user, card: Card, rating: int, reps_seen: int, duration_ms: int, now: datetime | None = None
) -> ReviewLog | None:
    """Record one answer. Returns None when the answer was already recorded (a double submit:
    the card's repetition count no longer matches what the page showed)."""
    if rating not in (1, 2, 3, 4):
        raise ValueError("rating must be 1 (Again) to 4 (Easy)")
    now = now or timezone.now()
    profile = profile_for(user)
    with transaction.atomic():
        state = CardState.objects.select_for_update().filter(user=user, card=card).first()
        if (state.reps if state else 0) != reps_seen:
            return None
        before = _snapshot(state)
        was = state.state if state else CardState.State.NEW
        after = scheduling.review(
            fsrs_fields(state),
            rating,
            desired_retention=profile.desired_retention,
            now=now,
            duration_ms=duration_ms,
        )
        state = state or CardState(user=user, card=card)
        for name, value in after.items():
            setattr(state, name, value)
        state.reps += 1
        state.buried_until = None
        if rating == 1 and was == CardState.State.REVIEW:
            state.lapses += 1
            if state.lapses >= scheduling.LEECH_LAPSES:
                state.is_leech = state.suspended = True
        state.save()
        buried = _bury_siblings(user, card, until=scheduling.next_day_start(now, profile.time_zone))
        return ReviewLog.objects.create(
            user=user,
            card=card,
            rating=rating,
            state_before=before,
            state_after=_snapshot(state),
            buried=buried,
            reviewed_at=now,
            duration_ms=max(0, min(duration_ms, 3_600_000)),
        )


def _bury_siblings(user, card: Card, *, until: datetime) -> list:
    """Siblings wait until tomorrow (as Anki buries them); returns what undo needs."""
    siblings = list(
        Card.objects.filter(sibling_key=card.sibling_key, retired_at__isnull=True).exclude(
            pk=card.pk
        )
    )
    if not siblings:
        return []
    states = {s.card_id: s for s in CardState.objects.filter(user=user, card__in=siblings)}
    buried = []
    for sibling in siblings:
        state = states.get(sibling.pk)
        if state is None:
            state = CardState.objects.create(user=user, card=sibling, buried_until=until)
            buried.append([state.pk, None, True])
        else:
            buried.append([state.pk, _jsonable(state.buried_until), False])
            state.buried_until = until
            state.save(update_fields=["buried_until"])
    return buried


def review_undo(*, user, cards=None) -> ReviewLog | None:
    """Take back the user's last answer: the card's state exactly as it was, the log entry gone,
    its siblings unburied. Returns the undone entry (unsaved) or None when there is nothing."""
    with transaction.atomic():
        logs = ReviewLog.objects.filter(user=user)
        if cards is not None:  # undo in a deck takes back the last answer in that deck
            logs = logs.filter(card__in=cards)
        log = logs.select_for_update().order_by("-reviewed_at", "-pk").first()
        if log is None:
            return None
        state = CardState.objects.filter(user=user, card=log.card).first()
        if not log.state_before:
            if state:
                state.delete()
        else:
            fields = _restore(log.state_before)
            state = state or CardState(user=user, card=log.card)
            for name, value in fields.items():
                setattr(state, name, value)
            state.save()
        for state_pk, previous, created in log.buried:
            if created:
                CardState.objects.filter(pk=state_pk, reps=0).delete()
            else:
                CardState.objects.filter(pk=state_pk).update(
                    buried_until=datetime.fromisoformat(previous) if previous else None
                )
        log.delete()
        return log


def card_set_suspended(*, user, card: Card, suspended: bool) -> CardState:
    state, _created = CardState.objects.get_or_create(user=user, card=card)
    state.suspended = suspended
    if not suspended:
        state.is_leech = False  # unsuspending a leech is the learner's "I will fix it"
    state.save(update_fields=["suspended", "is_leech"])
    return state


def cards_make_due(*, user, cards: list[Card], now: datetime) -> int:
    """Make these cards due now in the user's deck: what a missed self-test cell or quiz question
    asks for. Returns how many cards that is.

    The study queue serves learning cards due now before anything else, and a learning card at
    step 0 with no stability or difficulty is exactly how FSRS represents a card never seen
    (`fsrs.Card()`): answering it schedules it as a first review would. So a card the learner
    has not studied gets such a row; it jumps the queue without counting against the daily
    new-card limit, since they asked for it. A card they already study keeps its memory state
    and only falls due now: its next answer (Again, most likely) schedules it from what FSRS
    knows, rather than us inventing a rating. Buried cards are freed; suspended cards stay
    suspended (the learner put them aside on purpose) and are not counted; retired cards are
    skipped.
    """
    unique = {c.pk: c for c in cards if c.retired_at is None}
    if not unique:
        return 0
    made_due = 0
    with transaction.atomic():
        states = {
            s.card_id: s
            for s in CardState.objects.select_for_update().filter(user=user, card__in=list(unique))
        }
        for card in unique.values():
            state = states.get(card.pk)
            if state is not None and state.suspended:
                continue
            if state is None or state.state == CardState.State.NEW:
                state = state or CardState(user=user, card=card)
                state.state = CardState.State.LEARNING
                state.step, state.stability, state.difficulty = 0, None, None
                state.last_review = None
            state.due = now
            state.buried_until = None
            state.save()
            made_due += 1
    return made_due


def recall_answer(
    sender: object,
    *,
    user,
    now: datetime,
    fact_ids: set[int],
    cell_ids: set[int],
    keys: set[str],
    table_cells: tuple[int, list[tuple[str, str]]] | None,
    **_signal,
) -> int:
    """`knowledge.recall.recall_requested`: make the cards of these facts and cells due now."""
    cards = _cards_about(fact_ids, cell_ids, keys)
    if table_cells is not None:
        cards += _cards_of_table_cells(*table_cells)
    return cards_make_due(user=user, cards=cards, now=now)


def _cards_about(facts: set[int], cells: set[int], keys: set[str]) -> list[Card]:
    if not facts and not cells and not keys:
        return []
    return list(
        Card.objects.filter(retired_at__isnull=True, held_back=False).filter(
            Q(fact_id__in=facts)
            | Q(cell_id__in=cells)
            | Q(fact__key__in=keys)
            | Q(cell__key__in=keys)
        )
    )


def _cards_of_table_cells(comparison_id: int, wanted: list[tuple[str, str]]) -> list[Card]:
    """The cards of a table's cells, given as (attribute, entity) as the cells are keyed."""
    if not wanted:
        return []
    live = Card.objects.filter(retired_at__isnull=True, held_back=False)
    cards: dict[tuple[str, str], Card] = {}
    for card in live.filter(
        kind=Card.Kind.COMPARISON, cell__comparison_id=comparison_id
    ).select_related("cell"):
        assert card.cell is not None  # the filter went through the card's cell
        pair = (card.cell.attribute, card.cell.entity)
        if pair in wanted:
            cards.setdefault(pair, card)
    # Cards are one per question: when a fact card (or another table's cell) already asks
    # "Lambda@Edge — authoring region?", no card was made from this cell, and that card is the
    # one to study. Card fronts write the row name in sentence case, hence the case-insensitive
    # match.
    left = [pair for pair in wanted if pair not in cards]
    if left:
        fronts = {
            f"{entity} — {attribute}?".casefold(): (attribute, entity) for attribute, entity in left
        }
        query = Q()
        for attribute, entity in left:
            query |= Q(front__iexact=f"{entity} — {attribute}?")
        for card in live.filter(query).order_by("order", "pk"):
            named = fronts.get(card.front.casefold())
            if named:
                cards.setdefault(named, card)
    return list(cards.values())
