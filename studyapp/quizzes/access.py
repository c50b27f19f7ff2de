"""Who may see, take or manage a quiz, an attempt, or a question an instructor wrote, and the
404 and 403 answers of the pages that ask.

The rule of every page: whoever may not even see a thing gets a 404 (so nobody learns that a
draft, a quiz assigned to others or someone's practice quiz exists); whoever may see it but not
do what they asked gets a 403. A quiz naming nobody is for every user who is not an instructor;
its managers (owner, staff) preview it in the builder rather than take it (`attempts`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from studyapp.accounts.models import is_instructor

from .models import Attempt, Question, Quiz

# The rules -------------------------------------------------------------------------------------


def can_manage(quiz: Quiz, user) -> bool:
    """Edit it, see every attempt and the statistics: its owner, and staff."""
    return user.is_authenticated and (quiz.owner_id == user.pk or user.is_staff)


def assigned_filter(user) -> Q:
    """The quizzes assigned to this user, as a filter on Quiz: published instructor quizzes that
    name them, or name nobody when they are not an instructor (a quiz for "every student" is
    not for colleagues). Joins assigned_to: callers that list quizzes add .distinct()."""
    for_them = Q(assigned_to=user)
    if not is_instructor(user):
        for_them |= Q(assigned_to__isnull=True)
    return Q(is_practice=False, published_at__isnull=False) & for_them


def is_assigned(quiz: Quiz, user) -> bool:
    """Whether `assigned_filter` takes this quiz for this user (one query, none for drafts)."""
    if quiz.is_practice or quiz.published_at is None:
        return False
    return Quiz.objects.filter(assigned_filter(user), pk=quiz.pk).exists()


def can_see(quiz: Quiz, user) -> bool:
    """Whether the quiz exists as far as this user is concerned (else 404)."""
    return can_manage(quiz, user) or is_assigned(quiz, user)


def may_review(attempt: Attempt, user) -> bool:
    """Whether the user may see this attempt's page: the learner who made it, the quiz's
    managers."""
    return attempt.user_id == user.pk or can_manage(attempt.quiz, user)


def may_edit_question(question: Question, user) -> bool:
    """Whether `user` may edit or retire the question: a live question an instructor wrote, for
    its author and staff. Generated questions follow the notes and are nobody's to edit."""
    return (
        question.author_id is not None
        and question.retired_at is None
        and user.is_authenticated
        and (question.author_id == user.pk or user.is_staff)
    )


# For the views: the thing asked for, or 404 / 403 -------------------------------------------------


def require_instructor(user) -> None:
    """403 for whoever is not an instructor (only instructors create quizzes)."""
    if not is_instructor(user):
        raise PermissionDenied("Only instructors can create quizzes.")


def visible_quiz(user, pk: int) -> Quiz:
    """The quiz, for whoever may see it; 404 for anyone else."""
    quiz = get_object_or_404(Quiz, pk=pk)
    if not can_see(quiz, user):
        raise Http404("No such quiz")
    return quiz


def managed_quiz(user, pk: int) -> Quiz:
    """The quiz, for its owner or staff. 404 for whoever may not see it (a draft, a quiz assigned
    to others, a learner's practice quiz); 403 for a student it is assigned to."""
    quiz = Quiz.objects.filter(pk=pk, is_practice=False).select_related("owner").first()
    if quiz is None or not can_see(quiz, user):
        raise Http404("No such quiz.")
    if not can_manage(quiz, user):
        raise PermissionDenied("Only the quiz's owner can change it or see its results.")
    return quiz


def own_attempt(user, pk: int) -> Attempt:
    """The user's own attempt (to take, answer, submit, retry); 404 for anyone else's."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), pk=pk, user=user)


def reviewable_attempt(user, pk: int) -> Attempt:
    """The attempt, for `may_review`; 404 for anyone else."""
    attempt = get_object_or_404(Attempt.objects.select_related("quiz", "user"), pk=pk)
    if not may_review(attempt, user):
        raise Http404("No such attempt")
    return attempt


def own_question(user, pk: int) -> Question:
    """A live question the user wrote (staff: anyone's written question); 404 for any other, so
    nobody learns which questions others wrote."""
    question = Question.objects.filter(pk=pk).select_related("topic", "author").first()
    if question is None or not may_edit_question(question, user):
        raise Http404("No such question of yours.")
    return question
