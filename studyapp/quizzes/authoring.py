"""Building an instructor's quiz: its settings, its questions (picked from the bank, written by
hand, or imported from GIFT), their order and points, publishing.

Services here are keyword-only and refuse with `ValidationError` (a message for the instructor).
Once anyone has an attempt at a quiz, its questions are fixed: adding, removing or re-pointing one
would make the attempts already graded disagree with the quiz (their scores, their maximum, the
statistics). Settings, the order and publishing still change.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q

from studyapp.knowledge.models import ComparisonCell, Fact, Topic

from . import gift, grading, spec
from .models import Attempt, Question, Quiz, QuizQuestion

LOCKED = "Someone has already attempted this quiz, so its questions can no longer change."
AFTER_CLOSE_NEEDS_A_DATE = (
    "Give a close date: with answers shown after the quiz closes and no close date, students "
    "would never see them."
)

UNITS = {"": "plain number", "s": "seconds (any time unit)", "B": "bytes (any size unit)"}
MAX_PROMPT = 5_000
MAX_OPTION = 500
MAX_OPTIONS = 26
MAX_POINTS = Decimal("1000")


def quiz_locked(quiz: Quiz) -> bool:
    """Whether the quiz's questions are fixed because someone has attempted it."""
    return quiz.attempts.exists()


def _refuse_if_locked(quiz: Quiz) -> None:
    if quiz_locked(quiz):
        raise ValidationError(LOCKED, code="locked")


# Settings ---------------------------------------------------------------------------------------


def quiz_save(
    *,
    owner,
    quiz: Quiz | None = None,
    title: str,
    instructions: str = "",
    layout: str = Quiz.Layout.ONE_BY_ONE,
    feedback: str = Quiz.Feedback.IMMEDIATELY,
    shuffle_questions: bool = False,
    shuffle_options: bool = True,
    time_limit: timedelta | None = None,
    attempts_allowed: int = 1,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    assigned_to: Iterable = (),
) -> Quiz:
    """Create a quiz owned by `owner`, or change the settings of `quiz`."""
    if not title.strip():
        raise ValidationError({"title": "Give the quiz a title."})
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError({"closes_at": "The quiz must close after it opens."})
    if feedback == Quiz.Feedback.AFTER_CLOSE and closes_at is None:
        raise ValidationError({"closes_at": AFTER_CLOSE_NEEDS_A_DATE})
    if time_limit is not None and time_limit <= timedelta(0):
        raise ValidationError({"time_limit": "A time limit must be at least a minute."})
    with transaction.atomic():
        if quiz is None:
            quiz = Quiz(owner=owner)
        quiz.title = title.strip()
        quiz.instructions = instructions
        quiz.layout = layout
        quiz.feedback = feedback
        quiz.shuffle_questions = shuffle_questions
        quiz.shuffle_options = shuffle_options
        quiz.time_limit = time_limit
        quiz.attempts_allowed = attempts_allowed
        quiz.opens_at = opens_at
        quiz.closes_at = closes_at
        quiz.save()
        quiz.assigned_to.set(list(assigned_to))
    return quiz


def quiz_publish(*, quiz: Quiz, now: datetime) -> Quiz:
    """Make the quiz visible to the students it is assigned to. An empty quiz is refused."""
    if not quiz.slots.exists():
        raise ValidationError("Add at least one question before publishing.", code="empty")
    if quiz.published_at is None:
        quiz.published_at = now
        quiz.save(update_fields=["published_at"])
    return quiz


def quiz_unpublish(*, quiz: Quiz) -> Quiz:
    """Back to a draft: students no longer see it (their attempts are kept)."""
    if quiz.published_at is not None:
        quiz.published_at = None
        quiz.save(update_fields=["published_at"])
    return quiz


# Slots ------------------------------------------------------------------------------------------


def _points(points: Decimal) -> Decimal:
    if not points.is_finite() or points <= 0 or points > MAX_POINTS:
        raise ValidationError({"points": f"Points must be more than 0 and at most {MAX_POINTS}."})
    return points.quantize(Decimal("0.01"))


def slots_add(
    *, quiz: Quiz, questions: Sequence[Question], points: Sequence[Decimal] | None = None
) -> list[QuizQuestion]:
    """Add questions at the end of the quiz (1 point each unless `points` says otherwise, one per
    question). Questions already in it are skipped; returns the slots made."""
    if points is not None and len(points) != len(questions):
        raise ValueError("one points value per question")
    values = [_points(Decimal(p)) for p in points] if points is not None else None
    with transaction.atomic():
        _lock_quiz(quiz.pk)
        _refuse_if_locked(quiz)
        present = set(quiz.slots.values_list("question_id", flat=True))
        last = quiz.slots.aggregate(last=Max("order"))["last"]
        order = -1 if last is None else last
        made = []
        for i, question in enumerate(questions):
            if question.pk in present:
                continue
            present.add(question.pk)
            order += 1
            made.append(
                QuizQuestion(
                    quiz=quiz,
                    question=question,
                    order=order,
                    points=values[i] if values else Decimal(1),
                )
            )
        return QuizQuestion.objects.bulk_create(made)


def _lock_quiz(quiz_id: int) -> None:
    """One writer at a time per quiz (call inside a transaction): two tabs must not share an order
    number, and `attempt_start` takes the same lock, so "not attempted yet" stays true until the
    change is written."""
    Quiz.objects.select_for_update().filter(pk=quiz_id).first()


def slot_update(*, slot: QuizQuestion, points: Decimal) -> QuizQuestion:
    """Change how many points a question of the quiz is worth."""
    value = _points(Decimal(points))
    with transaction.atomic():
        _lock_quiz(slot.quiz_id)
        _refuse_if_locked(slot.quiz)
        # An update, not save(): a slot removed meanwhile is no error, just nothing to change.
        QuizQuestion.objects.filter(pk=slot.pk).update(points=value)
    slot.points = value
    return slot


def slot_move(*, slot: QuizQuestion, direction: str) -> QuizQuestion:
    """Move a question one place up or down. Attempts keep the order they were dealt, so this is
    allowed after the quiz has been attempted."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    with transaction.atomic():
        _lock_quiz(slot.quiz_id)
        slots = list(QuizQuestion.objects.filter(quiz_id=slot.quiz_id))
        at = next((i for i, s in enumerate(slots) if s.pk == slot.pk), None)
        if at is None:
            return slot  # removed meanwhile
        to = at - 1 if direction == "up" else at + 1
        if 0 <= to < len(slots):
            slots[at], slots[to] = slots[to], slots[at]
        # Renumber all of them: orders may repeat (bulk-created practice slots) or have gaps.
        changed = []
        for order, s in enumerate(slots):
            if s.order != order:
                s.order = order
                changed.append(s)
        QuizQuestion.objects.bulk_update(changed, ["order"])
    slot.order = next(s.order for s in slots if s.pk == slot.pk)
    return slot


def slot_remove(*, slot: QuizQuestion) -> None:
    """Take a question out of the quiz (the question stays in the bank)."""
    with transaction.atomic():
        _lock_quiz(slot.quiz_id)
        _refuse_if_locked(slot.quiz)
        QuizQuestion.objects.filter(pk=slot.pk).delete()


# Questions --------------------------------------------------------------------------------------


# A comma only ever separates thousands: "1,000" and "12,345.6", never "1,5" (a decimal comma).
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?")


def _number_typed(text: str) -> str:
    return (text or "").strip().replace(" ", "").replace("−", "-")


def number_text(text: str) -> str | None:
    """A number as an instructor may type it ("1,000", "2.50", "1e3", "−5") written the way a
    numeric question stores it ("1000", "2.5", "1000", "-5"), which `grading.plain_number` reads;
    None when it is not a number. (Exponents are fine here, unlike in a learner's answer.) A
    comma that is not a thousands separator ("1,5") makes it not a number: see `decimal_comma`."""
    cleaned = _number_typed(text)
    if "," in cleaned:
        if not _GROUPED.fullmatch(cleaned):
            return None
        cleaned = cleaned.replace(",", "")
    try:
        value = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        return None
    plain = format(value.normalize(), "f")
    return "0" if plain in ("-0", "+0") else plain


def decimal_comma(text: str) -> str | None:
    """The number written with a dot ("1.5") when `text` has a decimal comma ("1,5") instead;
    None for anything else (thousands separators, several commas, not a number)."""
    cleaned = _number_typed(text)
    if cleaned.count(",") != 1 or _GROUPED.fullmatch(cleaned):
        return None
    dotted = cleaned.replace(",", ".")
    return dotted if number_text(dotted) is not None else None


def question_problems(question: spec.QuestionSpec) -> list[tuple[str, str]]:
    """What is wrong with a question an instructor wrote or imported, as (field, message) with
    `field` one of the spec's field names; empty when it can be asked and graded."""
    problems: list[tuple[str, str]] = []
    kind = question.kind
    if kind not in spec.KINDS:
        return [("kind", "Choose what kind of question this is.")]
    if not question.prompt.strip():
        problems.append(("prompt", "Write the question."))
    elif len(question.prompt) > MAX_PROMPT:
        problems.append(("prompt", f"Keep the question under {MAX_PROMPT} characters."))
    if len(question.explanation) > MAX_PROMPT:
        problems.append(("explanation", f"Keep the explanation under {MAX_PROMPT} characters."))
    options, answers = list(question.options), list(question.answers)
    too_long = [o for o in options + answers + list(question.items) if len(o) > MAX_OPTION]
    if too_long:
        problems.append(("options", f"Keep each option under {MAX_OPTION} characters."))
    if kind in (spec.CHOICE, spec.MULTI):
        if any(not o.strip() for o in options):
            problems.append(("options", "An option cannot be empty."))
        if len(set(options)) != len(options):
            problems.append(("options", "Each option must be different."))
        if len(set(options)) < 2:
            problems.append(("options", "Give at least two different options."))
        if len(options) > MAX_OPTIONS:
            problems.append(("options", f"Give at most {MAX_OPTIONS} options."))
        if any(a not in options for a in answers):
            problems.append(("answers", "A right answer must be one of the options."))
        if kind == spec.CHOICE and len(set(answers)) != 1:
            problems.append(("answers", "Mark exactly one option as right."))
        if kind == spec.MULTI and not answers:
            problems.append(("answers", "Mark at least one option as right."))
    elif kind == spec.TRUEFALSE:
        if answers not in (["true"], ["false"]):
            problems.append(("answers", "Say whether the statement is true or false."))
    elif kind == spec.SHORT:
        if not [a for a in answers if a.strip()]:
            problems.append(("answers", "Give at least one accepted answer."))
    elif kind == spec.NUMERIC:
        if len(answers) != 1 or grading.plain_number(answers[0]) is None:
            problems.append(("answers", "The answer must be a number."))
        if question.unit not in UNITS:
            problems.append(("unit", "Choose a unit: a plain number, seconds or bytes."))
        if not math.isfinite(question.tolerance) or question.tolerance < 0:
            problems.append(("tolerance", "The tolerance must be 0 or more."))
    elif kind == spec.MATCHING:
        items = list(question.items)
        if len(items) < 2:
            problems.append(("items", "Give at least two pairs."))
        if any(not i.strip() for i in items) or any(not a.strip() for a in answers):
            problems.append(("items", "Each pair needs something on both sides of ->."))
        if len(set(items)) != len(items):
            problems.append(("items", "Each left-hand side must be different."))
        if len(answers) != len(items) or any(a not in options for a in answers):
            problems.append(("items", "Each left-hand side needs its match."))
        if len(options) > MAX_OPTIONS or len(items) > MAX_OPTIONS:
            problems.append(("items", f"Give at most {MAX_OPTIONS} pairs."))
    return problems


def _new_key() -> str:
    # Not derived from the content: two instructors may write the same question, and an edit of a
    # written question must not turn it into another one.
    return f"author-{uuid.uuid4().hex}"


def _question(question: spec.QuestionSpec, *, author, topic: Topic | None) -> Question:
    return Question(
        key=_new_key(),
        kind=question.kind,
        topic=topic,
        prompt=question.prompt,
        items=list(question.items),
        options=list(question.options),
        answers=list(question.answers),
        tolerance=question.tolerance if question.kind == spec.NUMERIC else 0,
        unit=question.unit if question.kind == spec.NUMERIC else "",
        explanation=question.explanation,
        sources=[],
        author=author,
    )


def question_author(
    *, author, question: spec.QuestionSpec, topic: Topic | None, quiz: Quiz | None = None
) -> Question:
    """Save a question an instructor wrote (its key is new, whatever `question.key` says) and, with
    `quiz`, add it to the end of that quiz. Raises ValidationError when it is not a question
    that can be asked and graded."""
    problems = question_problems(question)
    if problems:
        raise ValidationError({name: [message] for name, message in problems})
    with transaction.atomic():
        # slots_add refuses a locked quiz after the question is written: the transaction takes
        # the question back with it.
        saved = _question(question, author=author, topic=topic)
        saved.save()
        if quiz is not None:
            slots_add(quiz=quiz, questions=[saved])
    return saved


def may_edit_question(question: Question, user) -> bool:
    """Whether `user` may edit or retire the question: a live question an instructor wrote, for
    its author and staff. Generated questions follow the notes and are nobody's to edit."""
    return (
        question.author_id is not None
        and question.retired_at is None
        and user.is_authenticated
        and (question.author_id == user.pk or user.is_staff)
    )


# What an edit may change; sources, fact and cell (which a GIFT import may have set) stay.
_EDITABLE = ["kind", "topic_id", "prompt", "items", "options", "answers", "tolerance", "unit"]
_EDITABLE += ["explanation"]


@dataclass
class QuestionEdit:
    question: Question  # the question as edited: the same row, or the new one
    changed: bool = True
    # A new question was made because a quiz with attempts uses the old one (which those quizzes
    # keep, and which leaves the bank)...
    replaced: bool = False
    # ... and it took the old one's place in the quiz it was edited from.
    replaced_in_quiz: bool = False


def question_edit(
    *,
    question: Question,
    edited: spec.QuestionSpec,
    topic: Topic | None,
    quiz: Quiz | None = None,
    now: datetime,
) -> QuestionEdit:
    """Save an instructor's changes to a question they wrote. Unless a quiz that uses it has been
    attempted, it changes in place. If one has, its attempts were graded on this version: the
    edit becomes a new question (new key), the old one is retired from the bank but stays in the
    quizzes using it, and in `quiz` (the quiz it was edited from) the new one replaces it, unless
    `quiz` itself has attempts. Raises ValidationError when it cannot be asked and graded."""
    problems = question_problems(edited)
    if problems:
        raise ValidationError({name: [message] for name, message in problems})
    draft = _question(edited, author=question.author, topic=topic)
    values = {name: getattr(draft, name) for name in _EDITABLE}
    if all(getattr(question, name) == value for name, value in values.items()):
        return QuestionEdit(question, changed=False)
    with transaction.atomic():
        # The quizzes that use it, and the one it is edited from: attempt_start takes the same
        # lock, so none is attempted between the check below and the write.
        using = QuizQuestion.objects.filter(question=question).values("quiz_id")
        quizzes = Q(pk__in=using) | Q(pk=quiz.pk) if quiz is not None else Q(pk__in=using)
        list(Quiz.objects.select_for_update().filter(quizzes).order_by("pk").values_list("pk"))
        question = Question.objects.get(pk=question.pk)
        if question.retired_at is not None:
            raise ValidationError("This question was removed from the bank meanwhile.")
        if not Attempt.objects.filter(quiz__in=using).exists():
            for name, value in values.items():
                setattr(question, name, value)
            question.save(update_fields=_EDITABLE)
            return QuestionEdit(question)
        draft.sources = question.sources
        draft.fact_id, draft.cell_id = question.fact_id, question.cell_id
        draft.about_keys = question.about_keys
        draft.save()
        question.retired_at, question.replaced_by = now, draft  # retrying a miss asks the edit
        question.save(update_fields=["retired_at", "replaced_by"])
        in_quiz = False
        if quiz is not None and not quiz_locked(quiz):
            in_quiz = bool(
                QuizQuestion.objects.filter(quiz=quiz, question=question).update(question=draft)
            )
    return QuestionEdit(draft, replaced=True, replaced_in_quiz=in_quiz)


def question_retire(*, question: Question, now: datetime) -> Question:
    """Take a question its author no longer wants out of the bank. Quizzes that use it keep it
    (and their attempts their grades); it is never deleted."""
    if question.retired_at is None:
        question.retired_at = now
        question.save(update_fields=["retired_at"])
    return question


# GIFT -------------------------------------------------------------------------------------------


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


def spec_of(question: Question) -> spec.QuestionSpec:
    """A saved question as data, with the keys of its topic, fact and cell (which GIFT carries
    in its studyapp line, so an import elsewhere finds them again)."""
    return spec.QuestionSpec(
        key=question.key,
        kind=question.kind,
        prompt=question.prompt,
        answers=tuple(question.answers),
        options=tuple(question.options),
        items=tuple(question.items),
        tolerance=question.tolerance,
        unit=question.unit,
        explanation=question.explanation,
        sources=tuple(question.sources),
        topic_key=question.topic.key if question.topic_id else "",
        fact_key=question.fact.key if question.fact_id else "",
        cell_key=question.cell.key if question.cell_id else "",
        about_keys=tuple(question.about_keys),
    )


def _label(item: gift.GiftQuestion) -> str:
    name = " ".join((item.title or item.spec.prompt).split())
    return f"Question “{name[:50]}{'…' if len(name) > 50 else ''}”"


def _gift_points(points: float | None) -> Decimal | None:
    """An imported question's points (1 when the file gives none); None when they are not more
    than 0 and at most MAX_POINTS (NaN and infinities included: gift.py refuses them too)."""
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
    parsed = gift.gift_parse(text)
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
            value = number_text(question.answers[0])
            question = replace(question, answers=(value,) if value is not None else ())
        problems = [message for _name, message in question_problems(question)]
        points = _gift_points(item.points)
        if points is None:
            problems.append(f"Points must be more than 0 and at most {MAX_POINTS}.")
        if problems:
            result.errors.append(f"{_label(item)}: {' '.join(dict.fromkeys(problems))}")
            continue
        row = _question(question, author=author, topic=topics.get(question.topic_key))
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
