"""The question bank, quizzes, and the attempts learners make at them.

- `Question`: one bank entry, generated from the topic model (author is None, upserted by key
  after every ingest) or written by an instructor. Same fields as `spec.QuestionSpec`; an
  archived generated question points at the row that replaced it (`replaced_by`).
- `Quiz`: an ordered set of questions with points and rules. An instructor's quiz is published
  to students; a learner's practice quiz (`is_practice`) is theirs alone.
- `Attempt`: one try at a quiz by one user, with the question and option order it was dealt.
- `Response`: the answer to one question of an attempt, saved as the learner goes.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

from studyapp.knowledge.models import ComparisonCell, Fact, Topic

from . import spec


class Question(models.Model):
    class Kind(models.TextChoices):
        CHOICE = spec.CHOICE, spec.KIND_LABELS[spec.CHOICE]
        MULTI = spec.MULTI, spec.KIND_LABELS[spec.MULTI]
        TRUEFALSE = spec.TRUEFALSE, spec.KIND_LABELS[spec.TRUEFALSE]
        SHORT = spec.SHORT, spec.KIND_LABELS[spec.SHORT]
        NUMERIC = spec.NUMERIC, spec.KIND_LABELS[spec.NUMERIC]
        MATCHING = spec.MATCHING, spec.KIND_LABELS[spec.MATCHING]

    key = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    prompt = models.TextField(help_text="Markdown.")
    items = models.JSONField(default=list, blank=True)
    options = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=list)
    tolerance = models.FloatField(default=0)
    unit = models.CharField(max_length=4, blank=True)
    explanation = models.TextField(blank=True, help_text="Markdown.")
    sources = models.JSONField(default=list, blank=True)
    # What a miss sends back to the learner's deck: the cards of this fact or cell.
    fact = models.ForeignKey(
        Fact, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    cell = models.ForeignKey(
        ComparisonCell, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    about_keys = models.JSONField(
        default=list, blank=True, help_text="Keys of more facts and cells the question covers."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
        help_text="Empty for questions generated from the notes.",
    )
    order = models.PositiveIntegerField(default=0)
    # How sure the generator is of it, 0..1 (quizzes.generate.quality); 1.0 for instructors'.
    # Under quizzes.generate.quality.THRESHOLD a generated question is held back: never dealt.
    quality = models.FloatField(default=1.0)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    # Set when the bank archives a generated question whose content the notes changed: the row
    # that took its key. "Retry the missed ones" follows it to ask the live version.
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )

    class Meta:
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["kind", "retired_at"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.prompt[:60]}"


class Quiz(models.Model):
    class Layout(models.TextChoices):
        ONE_BY_ONE = "one", "One question per screen"
        ALL_AT_ONCE = "all", "All questions on one page"

    class Feedback(models.TextChoices):
        IMMEDIATELY = "immediately", "Immediately"
        AFTER_CLOSE = "after_close", "After the quiz closes"
        NEVER = "never", "Never"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quizzes"
    )
    title = models.CharField(max_length=200)
    instructions = models.TextField(blank=True, help_text="Markdown.")
    is_practice = models.BooleanField(default=False)
    layout = models.CharField(max_length=4, choices=Layout.choices, default=Layout.ONE_BY_ONE)
    feedback = models.CharField(
        max_length=12, choices=Feedback.choices, default=Feedback.IMMEDIATELY
    )
    shuffle_questions = models.BooleanField(default=False)
    shuffle_options = models.BooleanField(default=True)
    time_limit = models.DurationField(null=True, blank=True)
    attempts_allowed = models.PositiveSmallIntegerField(default=1, help_text="0: no limit.")
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Empty: every student may take it once published.
    assigned_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="assigned_quizzes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/quizzes/{self.pk}/"


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="slots")
    order = models.PositiveIntegerField(default=0)
    points = models.DecimalField(max_digits=6, decimal_places=2, default=1)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="question_once_per_quiz")
        ]


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The slots (QuizQuestion pks) in the order this attempt shows them, and each slot's options
    # in the order dealt: {"<slot pk>": ["option", ...]}.
    slot_order = models.JSONField(default=list)
    option_order = models.JSONField(default=dict)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    cards_made_due = models.PositiveIntegerField(default=0)
    # When the missed questions' cards were made due: at submit if the learner sees the answers
    # then, else the first time they do (never, for a quiz that never shows them). Due cards
    # would tell them which questions they missed.
    misses_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="attempt_number_per_user"
            )
        ]
        indexes = [models.Index(fields=["user", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.user} on {self.quiz} (#{self.number})"

    def get_absolute_url(self) -> str:
        return f"/quizzes/attempts/{self.pk}/"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def deadline(self) -> datetime | None:
        """The server's deadline: start + time limit, or the close date if sooner. Answers
        saved after it are refused, and the attempt is submitted as it stood.

        Computed from the quiz as it is now, not stored at the start, so that extending the
        close date (or setting one) applies to the attempts under way. Reads `quiz`: load it
        with select_related. `attempts.deadline_passed` is the same rule as a query filter.
        """
        quiz = self.quiz
        ends = self.started_at + quiz.time_limit if quiz.time_limit else None
        if quiz.closes_at is not None and (ends is None or quiz.closes_at < ends):
            ends = quiz.closes_at
        return ends


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    slot = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="responses")
    answer = models.JSONField(default=list)
    saved_at = models.DateTimeField()
    # One question per screen with immediate feedback: once checked, the answer is final.
    checked_at = models.DateTimeField(null=True, blank=True)
    fraction = models.FloatField(null=True, blank=True, help_text="0–1, set when graded.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "slot"], name="one_response_per_slot")
        ]
