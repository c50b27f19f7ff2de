"""Cards (generated from the topic model), each user's scheduling state, the review log, decks.

A card's `key` comes from the fact or table cell it is made from, so a card keeps its identity
(and every user's history) when its note is edited; when its fact retires, the card retires with
it and leaves every queue, history intact.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from studyapp.knowledge.models import ComparisonCell, Fact, Topic


class Card(models.Model):
    class Kind(models.TextChoices):
        QA = "qa", "question–answer"
        CLOZE = "cloze"
        ENUMERATION = "enumeration"
        COMPARISON = "comparison", "comparison cell"
        INLINE = "inline", "inline card"
        FORMULA = "formula", "formula"

    key = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="cards")
    fact = models.ForeignKey(
        Fact, null=True, blank=True, on_delete=models.PROTECT, related_name="cards"
    )
    cell = models.ForeignKey(
        ComparisonCell, null=True, blank=True, on_delete=models.SET_NULL, related_name="cards"
    )
    # Cards made from one fact (or cell) are siblings: studying one buries the others for the day.
    sibling_key = models.CharField(max_length=40, db_index=True)
    front = models.TextField()
    back = models.TextField()
    context = models.CharField(max_length=300, blank=True, help_text="Shown above the question.")
    order = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)
    # How sure the generator is (decks/quality.py); a card under the threshold is held back:
    # kept as a suggestion for people to review, never dealt into a deck.
    quality = models.FloatField(default=1.0)
    held_back = models.BooleanField(default=False)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.front

    @property
    def context_shown(self) -> str:
        """The context line above the front, unless the front already opens with it (a
        question–answer card asks 'Context — label?'): shown once, not twice."""
        context = self.context.strip()
        return "" if not context or self.front.startswith(context) else context


class CardState(models.Model):
    """One user's FSRS memory state of one card. No row: the card is new to that user."""

    class State(models.TextChoices):
        NEW = "new"
        LEARNING = "learning"
        REVIEW = "review"
        RELEARNING = "relearning"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_states"
    )
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="states")
    state = models.CharField(max_length=12, choices=State.choices, default=State.NEW)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField(null=True, blank=True)
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    suspended = models.BooleanField(default=False)
    is_leech = models.BooleanField(default=False)
    buried_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "card"], name="one_state_per_user_card")
        ]
        # "What is due for this user" is an index range scan, never a table scan.
        indexes = [models.Index(fields=["user", "suspended", "due"], name="due_per_user")]

    def __str__(self) -> str:
        return f"{self.user} / {self.card_id}: {self.state}"


class ReviewLog(models.Model):
    """Append-only: one row per answer (undo removes the last one). Enough to undo an answer,
    to re-fit FSRS parameters, and to export to Anki's revlog."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews"
    )
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField()  # 1 Again, 2 Hard, 3 Good, 4 Easy
    state_before = models.JSONField()  # CardState fields before the answer, or {} when new
    state_after = models.JSONField()
    buried = models.JSONField(
        default=list, help_text="[[state id, buried_until before]] of siblings"
    )
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["user", "reviewed_at"], name="reviews_per_user_time")]

    def __str__(self) -> str:
        return f"{self.user} rated {self.card_id} {self.rating}"


class CustomDeck(models.Model):
    """A learner's own deck: the cards of the topics they chose (and their subtopics)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decks"
    )
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=120, unique=True)
    topics = models.ManyToManyField(Topic, related_name="custom_decks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
