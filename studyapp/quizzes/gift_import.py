"""GIFT into a quiz: the questions a file holds become the instructor's own questions (as if
written by hand: `authored_questions`) at the end of the quiz, with their points; the ones that
cannot be read or graded are listed with the reason."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from django.db import transaction

from studyapp.knowledge.models import ComparisonCell, Fact, Topic
from studyapp.text.numbers import typed_number

from . import gift_read, spec
from .authored_questions import question_problems, question_row
from .models import Question, Quiz
from .quiz_builder import MAX_POINTS, slots_add


@dataclass
class GiftImport:
    imported: list[Question] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


def _sources(sources: Iterable) -> list[dict]:
    """Citations read from a file: only the fields pages show, of the types they expect."""
    cleaned = []
    for source in sources:
        if not isinstance(source, dict) or not _SLUG.fullmatch(str(source.get("note", ""))):
            continue
        line = source.get("line")
        cleaned.append(
            {
                "note": source["note"],
                "title": str(source.get("title", ""))[:300],
                "heading": str(source.get("heading", ""))[:300],
                "line": line if isinstance(line, int) and not isinstance(line, bool) else None,
            }
        )
    return cleaned[:20]


def _label(item: gift_read.GiftQuestion) -> str:
    name = " ".join((item.title or item.spec.prompt).split())
    return f"Question “{name[:50]}{'…' if len(name) > 50 else ''}”"


def _gift_points(points: float | None) -> Decimal | None:
    """An imported question's points (1 when the file gives none); None when they are not more
    than 0 and at most MAX_POINTS (NaN and infinities included: gift_read refuses them too)."""
    if points is None:
        return Decimal(1)
    try:
        value = Decimal(str(points))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and Decimal(0) < value <= MAX_POINTS else None


def gift_import(*, quiz: Quiz, author, text: str) -> GiftImport:
    """Read GIFT text into the instructor's own questions (new keys, so a file imported twice
    makes copies, never changes the bank's questions) and add them to the end of the quiz with
    their points. Questions that cannot be read or graded are listed with the reason; the others
    are imported, all in one transaction."""
    parsed = gift_read.gift_parse(text)
    result = GiftImport(errors=list(parsed.errors))
    topics = {t.key: t for t in Topic.objects.filter(retired_at__isnull=True)}
    fact_keys = {q.spec.fact_key for q in parsed.questions if q.spec.fact_key}
    cell_keys = {q.spec.cell_key for q in parsed.questions if q.spec.cell_key}
    facts = {f.key: f for f in Fact.objects.filter(key__in=fact_keys, retired_at__isnull=True)}
    cells = {c.key: c for c in ComparisonCell.objects.filter(key__in=cell_keys)}
    good: list[tuple[Question, Decimal]] = []
    for item in parsed.questions:
        question = item.spec
        if question.kind == spec.NUMERIC and question.answers:
            value = typed_number(question.answers[0])
            question = replace(question, answers=(value,) if value is not None else ())
        problems = [message for _name, message in question_problems(question)]
        points = _gift_points(item.points)
        if points is None:
            problems.append(f"Points must be more than 0 and at most {MAX_POINTS}.")
        if problems or points is None:  # no points is one of the problems
            result.errors.append(f"{_label(item)}: {' '.join(dict.fromkeys(problems))}")
            continue
        row = question_row(question, author=author, topic=topics.get(question.topic_key))
        row.sources = _sources(question.sources)
        row.fact = facts.get(question.fact_key)
        row.cell = cells.get(question.cell_key)
        row.about_keys = list(question.about_keys)
        good.append((row, points.quantize(Decimal("0.01"))))
    if not good:
        return result
    with transaction.atomic():
        # All or nothing: if the slots cannot be added (the quiz was attempted meanwhile), the
        # questions just written go too.
        saved = Question.objects.bulk_create([q for q, _points in good])
        slots_add(quiz=quiz, questions=saved, points=[p for _q, p in good])
    result.imported = saved
    return result
