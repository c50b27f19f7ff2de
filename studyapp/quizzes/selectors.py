"""Reads for the learner's quiz pages: what is assigned to whom, recent attempts, the questions of
an attempt as the page shows them, the topic tree of the practice form.

Every function here runs a fixed number of queries, whatever the number of quizzes, questions or
attempts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse

from studyapp.knowledge.models import Topic
from studyapp.knowledge.selectors import live_topics

from . import grading, spec
from .access import assigned_filter
from .attempts import deadline_passed
from .generate import quality
from .models import Attempt, Question, Quiz, QuizQuestion, Response


def _count_of(queryset: QuerySet) -> Coalesce:
    """A correlated COUNT(*) subquery (no join, so it cannot multiply other annotations)."""
    counted = queryset.order_by().values("quiz").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def assigned_quizzes(user, *, now: datetime) -> list[Quiz]:
    """Published instructor quizzes assigned to this user (`access.assigned_filter`: named, or
    naming nobody for a student), open now, with questions, that they can still start or have
    an attempt under way at. Each carries `used` (attempts so far), `in_progress` and
    `question_count`. One query (none for staff, who manage every quiz and so take none)."""
    if user.is_staff:
        return []
    mine = Attempt.objects.filter(quiz=OuterRef("pk"), user=user)
    under_way = mine.filter(submitted_at__isnull=True).exclude(deadline_passed(now=now))
    return list(
        # One LEFT JOIN for both sides of the filter's OR (named, or naming nobody).
        Quiz.objects.filter(assigned_filter(user))
        .exclude(owner=user)  # its owner previews it in the builder
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .annotate(
            used=_count_of(mine),
            in_progress=Exists(under_way),
            question_count=_count_of(QuizQuestion.objects.filter(quiz=OuterRef("pk"))),
        )
        .filter(question_count__gt=0)
        .filter(Q(in_progress=True) | Q(attempts_allowed=0) | Q(used__lt=F("attempts_allowed")))
        .select_related("owner")
        .order_by(F("closes_at").asc(nulls_last=True), "-published_at", "-pk")
        .distinct()
    )


def recent_attempts(user, *, limit: int = 10) -> list[Attempt]:
    return list(Attempt.objects.filter(user=user).select_related("quiz")[:limit])


def owned_quizzes(user) -> list[Quiz]:
    """An instructor's own quizzes (not practice), with `attempt_count` and `question_count`."""
    return list(
        Quiz.objects.filter(owner=user, is_practice=False).annotate(
            attempt_count=_count_of(Attempt.objects.filter(quiz=OuterRef("pk"))),
            question_count=_count_of(QuizQuestion.objects.filter(quiz=OuterRef("pk"))),
        )
    )


@dataclass
class QuizFacts:
    question_count: int
    total_points: Decimal


def quiz_facts(quiz: Quiz) -> QuizFacts:
    totals = quiz.slots.aggregate(n=Count("pk"), points=Sum("points"))
    return QuizFacts(totals["n"] or 0, totals["points"] or Decimal(0))


# The questions of one attempt --------------------------------------------------------------------


@dataclass
class Choice:
    value: str
    label: str
    checked: bool


@dataclass
class MatchRow:
    index: int
    item: str
    given: str
    right: str


@dataclass
class Item:
    """One question of an attempt as the pages show it: in the order dealt, with its options in
    the order dealt and the answer saved so far."""

    n: int  # 1-based position in the attempt
    slot: QuizQuestion
    options: list[str]  # as dealt to this attempt
    response: Response | None

    @property
    def question(self) -> Question:
        return self.slot.question

    @property
    def pk(self) -> int:
        return self.slot.pk

    @property
    def answer(self) -> list[str]:
        return list(self.response.answer) if self.response else []

    @property
    def answered(self) -> bool:
        return not grading.is_blank(self.question, self.answer)

    @property
    def checked(self) -> bool:
        return self.response is not None and self.response.checked_at is not None

    @property
    def fraction(self) -> float | None:
        return self.response.fraction if self.response else None

    @property
    def verdict(self) -> str:
        """'right', 'partial', 'wrong', or '' while not graded."""
        if self.fraction is None:
            return ""
        if self.fraction >= 1:
            return "right"
        return "partial" if self.fraction > 0 else "wrong"

    @property
    def percent(self) -> int:
        return round((self.fraction or 0) * 100)

    @property
    def choices(self) -> list[Choice]:
        given = set(self.answer)
        if self.question.kind == spec.TRUEFALSE:
            labels = {"true": "True", "false": "False"}
            return [Choice(v, labels.get(v, v), v in given) for v in self.options]
        return [Choice(v, v, v in given) for v in self.options]

    @property
    def text(self) -> str:
        return self.answer[0] if self.answer else ""

    @cached_property
    def rows(self) -> list[MatchRow]:
        given, right = self.answer, list(self.question.answers)
        return [
            MatchRow(
                i,
                item,
                given[i] if i < len(given) else "",
                right[i] if i < len(right) else "",
            )
            for i, item in enumerate(self.question.items)
        ]

    @property
    def given_text(self) -> str:
        """The answer given, written for people ('' when blank)."""
        if not self.answered:
            return ""
        kind = self.question.kind
        if kind == spec.TRUEFALSE:
            return {"true": "True", "false": "False"}.get(self.text, self.text)
        if kind == spec.MULTI:
            return "; ".join(self.answer)
        if kind == spec.MATCHING:
            return "; ".join(f"{r.item} → {r.given or '—'}" for r in self.rows)
        return self.text

    @property
    def right_answer(self) -> str:
        return grading.answer_text(self.question)

    @property
    def sources(self) -> list[dict]:
        """The question's sources as links to the note's line."""
        found = []
        for source in self.question.sources or []:
            if not isinstance(source, dict) or not source.get("note"):
                continue
            slug, line = str(source["note"]), source.get("line")
            try:
                url = reverse("knowledge:note", args=[slug])
            except NoReverseMatch:
                continue
            found.append(
                {
                    "url": f"{url}#L{line}" if line else url,
                    "title": source.get("title") or slug,
                    "heading": source.get("heading") or "",
                    "line": line,
                }
            )
        return found

    @property
    def unit_hint(self) -> str:
        if self.question.kind != spec.NUMERIC or "with its unit" in self.question.prompt:
            return ""  # generated prompts say it already
        return {
            "s": "With its unit, e.g. 30 s or 2 min",
            "B": "With its unit, e.g. 64 KB or 3 GB",
        }.get(self.question.unit, "A number")


def attempt_items(attempt: Attempt) -> list[Item]:
    """Every question of the attempt in its dealt order, with its saved answer. Two queries."""
    slots = {
        s.pk: s
        for s in QuizQuestion.objects.filter(pk__in=attempt.slot_order).select_related("question")
    }
    responses = {r.slot_id: r for r in Response.objects.filter(attempt=attempt)}
    items: list[Item] = []
    for pk in attempt.slot_order:
        slot = slots.get(pk)
        if slot is None:  # removed from the quiz since the attempt started
            continue
        options = attempt.option_order.get(str(pk))
        if options is None:
            tf = slot.question.kind == spec.TRUEFALSE
            options = ["true", "false"] if tf else list(slot.question.options)
        items.append(Item(len(items) + 1, slot, list(options), responses.get(pk)))
    return items


def time_text(delta: timedelta | None) -> str:
    """'1 h 5 min', '30 min', '45 s' for a duration shown to people."""
    if delta is None:
        return ""
    seconds = max(0, int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs and not hours:
        parts.append(f"{secs} s")
    return " ".join(parts) or "0 s"


# The practice form's topic tree ------------------------------------------------------------------


@dataclass
class TopicNode:
    topic: Topic
    count: int  # bank questions about this topic and its subtopics
    children: list[TopicNode] = field(default_factory=list)


def practice_topic_tree() -> list[TopicNode]:
    """Live topics that the question bank has questions about (themselves or below), as a tree
    with counts. Two queries."""
    topics = live_topics()
    own = dict(
        Question.objects.filter(
            retired_at__isnull=True,
            author__isnull=True,
            topic__isnull=False,
            quality__gte=quality.THRESHOLD,
        )
        .order_by()
        .values_list("topic")
        .annotate(n=Count("pk"))
    )
    children: dict[int | None, list[Topic]] = defaultdict(list)
    known = {t.pk for t in topics}
    for topic in topics:
        parent = topic.parent_id if topic.parent_id in known else None
        children[parent].append(topic)

    def build(topic: Topic, seen: frozenset[int]) -> TopicNode:
        node = TopicNode(topic, own.get(topic.pk, 0))
        for child in children.get(topic.pk, []):
            if child.pk in seen:  # a cycle in bad data must not hang the page
                continue
            sub = build(child, seen | {child.pk})
            if sub.count:
                node.children.append(sub)
                node.count += sub.count
        return node

    roots = [build(t, frozenset({t.pk})) for t in children[None]]
    return [r for r in roots if r.count]
