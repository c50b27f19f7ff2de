"""Small builders of test data: users, quiz questions, quizzes and their slots, attempts taken,
table corrections, and `make_bank`, a hand-made topic model with one question of every kind.

Plain functions over the models (no factory library): each writes the rows a test would
otherwise create by hand, and nothing else.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from studyapp.accounts.services import user_grant_instructor
from studyapp.decks.models import Card
from studyapp.knowledge.models import Correction, Fact, Topic
from studyapp.quizzes import attempts, spec
from studyapp.quizzes.models import Attempt, Question, Quiz, QuizQuestion

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.contrib.auth.models import User

    from studyapp.knowledge.models import Comparison

# Near the real time, so that a test client's session (made at the real time) is still valid.
T0 = datetime.combine(datetime.now(UTC).date(), time(12, 0), tzinfo=UTC)

SOURCE = {"note": "aws-lambda", "title": "AWS Lambda notes", "heading": "Limits", "line": 12}


# People -----------------------------------------------------------------------------------------


def user_make(username: str, *, password: str | None = None, instructor: bool = False) -> User:
    """A user (no usable password unless given one), made an instructor when asked."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=username, password=password)
    return user_grant_instructor(username=username) if instructor else user


# Questions, quizzes, attempts -------------------------------------------------------------------


def question_make(key: str, kind: str, prompt: str, answers: list[str], **fields: Any) -> Question:
    """A bank question (generated unless `author` is given)."""
    return Question.objects.create(key=key, kind=kind, prompt=prompt, answers=answers, **fields)


def quiz_make(owner: User, questions: Iterable[Question] = (), **fields: Any) -> Quiz:
    """A quiz of `owner`'s with one slot per question, in the order given (a draft unless
    `published_at` is given)."""
    quiz = Quiz.objects.create(owner=owner, **fields)
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=q, order=i) for i, q in enumerate(questions)
    )
    return quiz


def slot_add(quiz: Quiz, question: Question, **fields: Any) -> QuizQuestion:
    """One more slot of `quiz` (order and points as given, else the defaults)."""
    return QuizQuestion.objects.create(quiz=quiz, question=question, **fields)


def attempt_take(
    quiz: Quiz,
    user: User,
    given: list[list[str]],
    *,
    now: datetime | None = None,
    minutes: int = 5,
) -> Attempt:
    """One attempt started `now`, `given[i]` saved for the i-th slot, submitted `minutes` later."""
    from django.utils import timezone

    now = now or timezone.now()
    attempt = attempts.attempt_start(quiz=quiz, user=user, now=now)
    for slot, values in zip(quiz.slots.select_related("question"), given, strict=True):
        attempts.response_save(attempt=attempt, slot=slot, values=values, now=now)
    return attempts.attempt_submit(attempt=attempt, now=now + timedelta(minutes=minutes))


# Tables -----------------------------------------------------------------------------------------


def table_correction(
    comparison: Comparison, *, author: User, kind: str, row: str, **fields: str
) -> Correction:
    """An instructor's correction of a table, stored as is: no check and no regeneration (the
    pipeline's `table_correct` does both)."""
    return Correction.objects.create(
        comparison_key=comparison.key, kind=kind, row=row, author=author, **fields
    )


# A hand-made bank -------------------------------------------------------------------------------


@dataclass
class Bank:
    topics: dict[str, Topic]
    facts: dict[str, Fact]
    cards: dict[str, Card]
    questions: dict[str, Question]  # by kind
    right: dict[str, list[str]] = field(default_factory=dict)  # a right answer, by kind
    wrong: dict[str, list[str]] = field(default_factory=dict)  # a wrong answer, by kind


_BANK_QUESTIONS: dict[str, dict[str, Any]] = {
    spec.CHOICE: dict(
        prompt="Which service runs **your code** without servers?",
        options=["AWS Lambda", "Amazon S3", "Amazon EC2", "Amazon RDS"],
        answers=["AWS Lambda"],
    ),
    spec.MULTI: dict(
        prompt="Which can invoke a Lambda function?",
        options=["S3 events", "SQS", "Route 53", "IAM"],
        answers=["S3 events", "SQS"],
    ),
    spec.TRUEFALSE: dict(prompt="A Lambda function can run for an hour.", answers=["false"]),
    spec.SHORT: dict(prompt="What does ENI stand for?", answers=["Elastic Network Interface"]),
    spec.NUMERIC: dict(prompt="Lambda's maximum timeout?", answers=["900"], unit="s"),
    spec.MATCHING: dict(
        prompt="Match the service to what it does",
        items=["Lambda", "S3", "DynamoDB"],
        options=["compute", "storage", "database"],
        answers=["compute", "storage", "database"],
    ),
}
_BANK_RIGHT = {
    spec.CHOICE: ["AWS Lambda"],
    spec.MULTI: ["S3 events", "SQS"],
    spec.TRUEFALSE: ["false"],
    spec.SHORT: ["elastic network interface"],
    spec.NUMERIC: ["15 min"],
    spec.MATCHING: ["compute", "storage", "database"],
}
_BANK_WRONG = {
    spec.CHOICE: ["Amazon S3"],
    spec.MULTI: ["IAM"],
    spec.TRUEFALSE: ["true"],
    spec.SHORT: ["Elastic Node Instance"],
    spec.NUMERIC: ["5 min"],
    spec.MATCHING: ["storage", "database", "compute"],
}


def make_bank() -> Bank:
    """Topics Lambda (› Lambda Limits) and S3; a fact, a card and a generated question per kind."""
    lam = Topic.objects.create(key="t-lambda", slug="lambda", name="Lambda", order=0)
    limits = Topic.objects.create(
        key="t-limits", slug="lambda-limits", name="Lambda Limits", parent=lam, order=1
    )
    s3 = Topic.objects.create(key="t-s3", slug="s3", name="S3", order=2)
    where = {
        spec.CHOICE: lam,
        spec.MULTI: lam,
        spec.TRUEFALSE: limits,
        spec.SHORT: lam,
        spec.NUMERIC: limits,
        spec.MATCHING: s3,
    }
    bank = Bank({"lambda": lam, "limits": limits, "s3": s3}, {}, {}, {})
    for order, (kind, fields) in enumerate(_BANK_QUESTIONS.items()):
        topic = where[kind]
        fact = Fact.objects.create(
            key=f"f-{kind}", topic=topic, kind=Fact.Kind.STATEMENT, text=f"Fact for {kind}"
        )
        bank.facts[kind] = fact
        bank.cards[kind] = Card.objects.create(
            key=f"c-{kind}",
            kind=Card.Kind.QA,
            topic=topic,
            fact=fact,
            sibling_key=f"s-{kind}",
            front=f"Front {kind}",
            back=f"Back {kind}",
        )
        bank.questions[kind] = Question.objects.create(
            key=f"q-{kind}",
            kind=kind,
            topic=topic,
            fact=fact,
            explanation=f"Because the notes say so ({kind}).",
            sources=[SOURCE],
            order=order,
            **copy.deepcopy(fields),
        )
    bank.right = {kind: list(values) for kind, values in _BANK_RIGHT.items()}
    bank.wrong = {kind: list(values) for kind, values in _BANK_WRONG.items()}
    return bank


def make_quiz(owner: User, questions: list[Question], **fields: Any) -> Quiz:
    """An instructor's quiz of these questions, published unless told otherwise."""
    fields.setdefault("title", "Lambda basics")
    fields.setdefault("published_at", T0 - timedelta(days=1))
    fields.setdefault("shuffle_options", False)
    return quiz_make(owner, questions, **fields)
