"""Quizzes for learners: practice quizzes from the bank, the quizzes assigned to them, taking an
attempt (one question per screen or all at once, answers autosaved), and the score page.

htmx only enhances: every answer form posts to a real URL and redirects (post/redirect/get), so
the whole flow works without JavaScript. The server is the clock (see `attempts`): the page's
countdown is a courtesy, and an answer that arrives after the deadline is refused.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from studyapp.accounts.models import is_instructor
from studyapp.http import AuthedRequest

from . import attempts
from .access import can_manage, own_attempt, reviewable_attempt, visible_quiz
from .attempts import QuizUnavailable
from .generate import quality
from .learner_forms import AnswerForm, PracticeForm, QuestionPageForm
from .models import Attempt, Question, Quiz, QuizQuestion
from .selectors import (
    Item,
    assigned_quizzes,
    attempt_items,
    owned_quizzes,
    practice_topic_tree,
    quiz_facts,
    recent_attempts,
    time_text,
)

ANSWER_PREFIX = "a"  # an answer's form field: "a<slot pk>" (repeated for multi and matching)


def _review_url(attempt: Attempt) -> str:
    return reverse("quizzes:review", args=[attempt.pk])


# The list and the practice form -----------------------------------------------------------------


def _list_page(request: AuthedRequest, form: PracticeForm, *, status: int = 200) -> HttpResponse:
    user = request.user
    instructor = is_instructor(user)
    context = {
        "form": form,
        "topic_tree": practice_topic_tree(),
        "chosen_topics": form.chosen_topic_ids(),
        "bank_count": Question.objects.filter(
            retired_at__isnull=True, author__isnull=True, quality__gte=quality.THRESHOLD
        ).count(),
        "assigned": assigned_quizzes(user, now=timezone.now()),
        "recent": recent_attempts(user),
        "is_instructor": instructor,
        "owned": owned_quizzes(user) if instructor else [],
    }
    return render(request, "quizzes/list.html", context, status=status)


@require_GET
@login_required
def quiz_list(request: AuthedRequest) -> HttpResponse:
    return _list_page(request, PracticeForm())


@require_POST
@login_required
def practice_start(request: AuthedRequest) -> HttpResponse:
    form = PracticeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        now = timezone.now()
        try:
            quiz = attempts.practice_quiz_create(
                user=request.user,
                topics=list(data["topics"]),
                kinds=data["kinds"],
                count=data["count"],
                layout=data["layout"],
                seed=secrets.token_hex(8),
                now=now,
            )
        except QuizUnavailable as refusal:
            form.add_error(None, str(refusal))
        else:
            attempt = attempts.attempt_start(quiz=quiz, user=request.user, now=now)
            return redirect(attempt)
    return _list_page(request, form, status=400)


# One quiz ----------------------------------------------------------------------------------------


@require_GET
@login_required
def quiz_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = visible_quiz(request.user, pk)
    now = timezone.now()
    current = attempts.attempt_in_progress(quiz, request.user, now=now)
    refusal = "" if current else attempts.start_refusal(quiz, request.user, now=now)
    mine = list(quiz.attempts.filter(user=request.user))
    context = {
        "quiz": quiz,
        "facts": quiz_facts(quiz),
        "time_limit": time_text(quiz.time_limit),
        "current": current,
        "refusal": refusal,
        "used": len(mine),
        "past": [a for a in mine if a.is_submitted],
        "manages": can_manage(quiz, request.user),
    }
    return render(request, "quizzes/detail.html", context)


@require_POST
@login_required
def attempt_start(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = visible_quiz(request.user, pk)
    try:
        attempt = attempts.attempt_start(quiz=quiz, user=request.user, now=timezone.now())
    except QuizUnavailable as refusal:
        messages.error(request, str(refusal))
        return redirect("quizzes:detail", pk=quiz.pk)
    return redirect(attempt)


# Taking an attempt -------------------------------------------------------------------------------


def _take_context(attempt: Attempt, items: list[Item], *, now: datetime) -> dict[str, Any]:
    deadline = attempt.deadline  # from the quiz's settings now: a moved close date counts
    remaining = None
    if deadline is not None:
        remaining = max(0, int((deadline - now).total_seconds()))
    return {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "deadline": deadline,
        "items": items,
        "total": len(items),
        "answered_count": sum(1 for i in items if i.answered),
        "one_by_one": attempt.quiz.layout == Quiz.Layout.ONE_BY_ONE,
        "checks": attempts.checks_each_answer(attempt.quiz),
        "remaining": remaining,
        "remaining_text": time_text(deadline - now) if deadline is not None else "",
    }


def _screen(context: dict[str, Any], n: int) -> dict[str, Any]:
    """The context of question `n` (1-based) on the one-question-per-screen layout."""
    items = context["items"]
    item = items[n - 1]
    context.update(
        item=item,
        prev=n - 1 if n > 1 else None,
        next=n + 1 if n < len(items) else None,
        unanswered_elsewhere=sum(1 for i in items if i is not item and not i.answered),
    )
    return context


@require_GET
@login_required
def attempt_take(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = own_attempt(request.user, pk)
    if attempt.is_submitted:
        return redirect("quizzes:review", pk=attempt.pk)
    now = timezone.now()
    if attempts.attempt_expire(attempt, now=now):
        messages.warning(
            request,
            "Time is up: your attempt was submitted with the answers saved before the deadline.",
        )
        return redirect("quizzes:review", pk=attempt.pk)
    items = attempt_items(attempt)
    context = _take_context(attempt, items, now=now)
    if context["one_by_one"] and items:
        # A malformed ?q= is ignored; one past the end shows the last question.
        query = QuestionPageForm(request.GET)
        n = query.cleaned_data.get("q") if query.is_valid() else None
        if n is None:
            n = next((i.n for i in items if not i.answered), 1)
        _screen(context, min(n, len(items)))
    return render(request, "quizzes/attempt.html", context)


def _answer_values(request: AuthedRequest, slot_pk: int) -> list[str]:
    return request.POST.getlist(f"{ANSWER_PREFIX}{slot_pk}")


@require_POST
@login_required
def answer_save(request: AuthedRequest, pk: int, slot: int) -> HttpResponse:
    attempt = own_attempt(request.user, pk)
    if slot not in attempt.slot_order:
        raise Http404("No such question in this attempt")
    quiz_slot = get_object_or_404(
        QuizQuestion.objects.select_related("question"), pk=slot, quiz_id=attempt.quiz_id
    )
    form = AnswerForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            unread = {"error": "That answer could not be read."}
            return render(request, "quizzes/attempt.html#saved", unread, status=400)
        messages.error(request, "That answer could not be read; please answer again.")
        return redirect(attempt)
    check, go = form.cleaned_data["check"], form.cleaned_data["go"]
    now = timezone.now()
    error = ""
    response = None
    try:
        response = attempts.response_save(
            attempt=attempt,
            slot=quiz_slot,
            values=_answer_values(request, slot),
            now=now,
            check=check,
        )
    except QuizUnavailable as refusal:
        error = str(refusal)
        # Perhaps submitted by another request meanwhile: decide below on the attempt as it is.
        attempt.refresh_from_db(fields=["submitted_at"])
    status = 409 if error else 200
    n = attempt.slot_order.index(slot) + 1
    if request.htmx and go is None:
        if check:
            items = attempt_items(attempt)
            context = _take_context(attempt, items, now=now)
            n = next((i.n for i in items if i.pk == slot), 1)
            context = _screen(context, n)
            context["error"] = error
            return render(request, "quizzes/attempt.html#question", context, status=status)
        context = {"error": error, "saved_at": response.saved_at if response else None}
        return render(request, "quizzes/attempt.html#saved", context, status=status)
    if error and attempts.answer_refusal(attempt, now=now):
        # Past the deadline (or submitted elsewhere): the attempt page sends them to the score.
        messages.error(request, error)
        return redirect(attempt)
    # Any other refusal is an answer already checked: it stands, and moving on is fine.
    target = go if go is not None else n
    return redirect(f"{attempt.get_absolute_url()}?q={target}")


@require_POST
@login_required
def attempt_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = own_attempt(request.user, pk)
    if attempt.is_submitted:
        return redirect("quizzes:review", pk=attempt.pk)
    now = timezone.now()
    # The answers on the page count even if their autosave was lost on the way; "shown" names
    # every question the form held, so an answer cleared on the page is saved as cleared.
    shown = set()
    for value in request.POST.getlist("shown"):
        if value.isdigit() and int(value) in attempt.slot_order:
            shown.add(int(value))
    answers = {slot: _answer_values(request, slot) for slot in shown}
    late = attempts.answer_refusal(attempt, now=now)  # past the deadline, the page's answers
    attempts.attempt_submit(attempt=attempt, now=now, answers=answers)
    if late and answers:
        messages.warning(request, late)
    return redirect("quizzes:review", pk=attempt.pk)


# After an attempt --------------------------------------------------------------------------------


@require_GET
@login_required
def attempt_review(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = reviewable_attempt(request.user, pk)
    quiz = attempt.quiz
    is_mine = attempt.user_id == request.user.pk
    manages = can_manage(quiz, request.user)
    now = timezone.now()
    if not attempt.is_submitted and attempts.attempt_expire(attempt, now=now):
        attempt.refresh_from_db()
    if not attempt.is_submitted and is_mine:
        return redirect(attempt)
    if is_mine and attempt.is_submitted:
        # The first look once the answers show (after the close date) sends the misses to
        # the deck; a no-op, with no query, when that is done or the answers stay hidden.
        attempt = attempts.attempt_misses_send(attempt=attempt, now=now)
    items = attempt_items(attempt) if attempt.is_submitted else []
    # Each question's verdict, the right answers, explanations and sources: only once the
    # learner may see them, or they would learn every answer (for their next attempt too).
    feedback = manages or attempts.feedback_visible(attempt, now=now)
    missed = [i for i in items if i.verdict != "right"]
    percent = 0
    if attempt.score is not None and attempt.max_score:
        percent = round(attempt.score / attempt.max_score * 100)
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "items": items,
        "is_mine": is_mine,
        "manages": manages,
        "feedback": feedback,
        "percent": percent,
        "time_taken": time_text(attempt.submitted_at - attempt.started_at)
        if attempt.submitted_at is not None  # `is_submitted`, spelled out for the type checker
        else "",
        "missed_count": len(missed),
        "can_retry": is_mine and feedback and bool(missed),
        "deck_url": reverse("decks:study", args=["everything"]),
    }
    return render(request, "quizzes/review.html", context)


@require_POST
@login_required
def retry_missed(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = own_attempt(request.user, pk)
    now = timezone.now()
    if not attempt.is_submitted or not (
        can_manage(attempt.quiz, request.user) or attempts.feedback_visible(attempt, now=now)
    ):
        messages.error(request, "The answers of this attempt are not shown yet: nothing to retry.")
        return redirect(_review_url(attempt))
    try:
        quiz = attempts.retry_missed_create(attempt=attempt, user=request.user)
        retry = attempts.attempt_start(quiz=quiz, user=request.user, now=now)
    except QuizUnavailable as refusal:
        messages.error(request, str(refusal))
        return redirect(_review_url(attempt))
    return redirect(retry)
