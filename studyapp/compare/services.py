"""Workflows of comparisons: instructors' corrections; a learner's self-test results."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from studyapp.accounts.models import is_instructor
from studyapp.decks.models import Card
from studyapp.decks.services import cards_generate, cards_make_due
from studyapp.knowledge.models import Comparison
from studyapp.quizzes.bank import questions_generate

from .models import Correction
from .selectors import comparison_table


def correction_make(
    *,
    comparison: Comparison,
    author,
    kind: str,
    row: str,
    new_name: str = "",
    entity: str = "",
    value: str = "",
) -> Correction:
    """Record one correction; it applies at once and after every later ingest."""
    if not is_instructor(author):
        raise PermissionDenied("Only instructors can correct a table.")
    rows = {r.name for r in comparison_table(comparison).rows}
    row, new_name, value = row.strip(), new_name.strip(), value.strip()
    if kind == Correction.Kind.ADD_ROW:
        if not row or row in rows:
            raise ValidationError("Give the new row a name the table does not have yet.")
    elif row not in rows:
        raise ValidationError(f"The table has no row “{row}”.")
    if kind == Correction.Kind.RENAME_ROW and (not new_name or new_name in rows):
        raise ValidationError("Give the row a new name the table does not have yet.")
    if kind == Correction.Kind.FIX_CELL:
        if entity not in comparison.entities:
            raise ValidationError("Choose one of the table's columns.")
        if not value:
            raise ValidationError("Write the cell's corrected value.")
    correction = Correction.objects.create(
        comparison_key=comparison.key,
        kind=kind,
        row=row,
        new_name=new_name,
        entity=entity,
        value=value,
        author=author,
    )
    # Cards teach the table as corrected: a fixed cell's card changes, a dropped row's retire.
    cards_generate()
    questions_generate()
    return correction


def selftest_record_missed(
    *, user, comparison: Comparison, missed: list[tuple[str, str]], now: datetime
) -> int:
    """Make the cards of the cells the learner did not know, given as (row, entity) as the table
    shows them, due now in their deck (`decks.services.cards_make_due` says how). Returns how
    many cards that is."""
    rows = {r.name: r for r in comparison_table(comparison).rows}
    # A renamed row's cells and cards still go by the name the notes give it.
    wanted: set[tuple[str, str]] = set()  # (attribute, entity) as the cells are keyed
    for row_name, entity in missed:
        row = rows.get(row_name)
        if row is not None and row.attribute and row.cells.get(entity):
            wanted.add((row.attribute, entity))
    if not wanted:
        return 0
    live = Card.objects.filter(retired_at__isnull=True)
    cards: dict[tuple[str, str], Card] = {}
    for card in live.filter(kind=Card.Kind.COMPARISON, cell__comparison=comparison).select_related(
        "cell"
    ):
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
            pair = fronts.get(card.front.casefold())
            if pair:
                cards.setdefault(pair, card)
    return cards_make_due(user=user, cards=list(cards.values()), now=now)
