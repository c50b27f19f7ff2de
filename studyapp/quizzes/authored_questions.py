"""Instructors' own questions: written by hand in Markdown (or imported from GIFT), checked so
that they can be asked and graded, edited by their author, retired from the bank.

Services here are keyword-only and refuse with `ValidationError` (a message for the instructor).
A question some attempted quiz uses never changes in place (`question_edit`): those attempts were
graded on it.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from studyapp.knowledge.models import Topic

from . import grading, spec
from .models import Attempt, Question, Quiz, QuizQuestion
from .quiz_builder import quiz_locked, slots_add

UNITS = {"": "plain number", "s": "seconds (any time unit)", "B": "bytes (any size unit)"}
MAX_PROMPT = 5_000
MAX_OPTION = 500
MAX_OPTIONS = 26


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
    texts = list(question.options) + list(question.answers) + list(question.items)
    if [o for o in texts if len(o) > MAX_OPTION]:
        problems.append(("options", f"Keep each option under {MAX_OPTION} characters."))
    if kind in (spec.CHOICE, spec.MULTI):
        problems += _choice_problems(question)
    elif kind == spec.TRUEFALSE:
        if list(question.answers) not in (["true"], ["false"]):
            problems.append(("answers", "Say whether the statement is true or false."))
    elif kind == spec.SHORT:
        if not [a for a in question.answers if a.strip()]:
            problems.append(("answers", "Give at least one accepted answer."))
    elif kind == spec.NUMERIC:
        problems += _numeric_problems(question)
    elif kind == spec.MATCHING:
        problems += _matching_problems(question)
    return problems


def _choice_problems(question: spec.QuestionSpec) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    options, answers = list(question.options), list(question.answers)
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
    if question.kind == spec.CHOICE and len(set(answers)) != 1:
        problems.append(("answers", "Mark exactly one option as right."))
    if question.kind == spec.MULTI and not answers:
        problems.append(("answers", "Mark at least one option as right."))
    return problems


def _numeric_problems(question: spec.QuestionSpec) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    answers = list(question.answers)
    if len(answers) != 1 or grading.plain_number(answers[0]) is None:
        problems.append(("answers", "The answer must be a number."))
    if question.unit not in UNITS:
        problems.append(("unit", "Choose a unit: a plain number, seconds or bytes."))
    if not math.isfinite(question.tolerance) or question.tolerance < 0:
        problems.append(("tolerance", "The tolerance must be 0 or more."))
    return problems


def _matching_problems(question: spec.QuestionSpec) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    options, answers, items = list(question.options), list(question.answers), list(question.items)
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


def question_row(question: spec.QuestionSpec, *, author, topic: Topic | None) -> Question:
    """The unsaved row of a question an instructor wrote: a new key, and no sources (a GIFT
    import sets the file's)."""
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
        saved = question_row(question, author=author, topic=topic)
        saved.save()
        if quiz is not None:
            slots_add(quiz=quiz, questions=[saved])
    return saved


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
    draft = question_row(edited, author=question.author, topic=topic)
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
