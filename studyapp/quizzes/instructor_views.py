"""The instructor's quiz builder: create a quiz, change its settings, pick questions from the
bank, order and point them, publish. Writing one's own questions is `question_views`; results,
grades and GIFT are `results_views`.

Every page is the quiz owner's (or staff's): `access.managed_quiz` answers 404 to whoever may not
even see the quiz and 403 to a student it is assigned to. Every form works without JavaScript
(post/redirect/get); htmx only swaps the question list, the bank's results and the preview in
place. Dates are read and shown in the instructor's own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from studyapp.accounts.middleware import with_fresh_time_zone
from studyapp.http import AuthedRequest, render_page
from studyapp.knowledge.models import Topic
from studyapp.knowledge.selectors import live_topics, topic_ids_under

from . import grading, quiz_builder, spec
from .access import managed_quiz, may_edit_question, require_instructor
from .bank import bank_questions
from .instructor_forms import BankFilterForm, PublishForm, QuizSettingsForm, SlotForm, SlotsAddForm
from .models import Question, Quiz, QuizQuestion

BANK_PAGE_SIZE = 25


def _errors(error: ValidationError) -> list[str]:
    return list(dict.fromkeys(error.messages))


def _form_errors(form: SlotForm | SlotsAddForm) -> list[str]:
    # Each message is a str at run time; the stubs also allow a ValidationError or a lazy str.
    return [str(m) for errors in form.errors.values() for m in errors]


def _typed_points(request: AuthedRequest) -> str:
    """The points as typed (cut short), shown back in the field when they are refused."""
    return request.POST.get("points", "")[:20]


# Creating and editing ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
@with_fresh_time_zone
def quiz_new(request: AuthedRequest) -> HttpResponse:
    require_instructor(request.user)
    if request.method == "GET":
        form = QuizSettingsForm()
        return render(request, "quizzes/build_new.html", {"form": form})
    form = QuizSettingsForm(request.POST)
    if form.is_valid():
        try:
            quiz = quiz_builder.quiz_save(owner=request.user, **form.settings())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Quiz “{quiz.title}” created. Now add its questions.")
            return redirect("quizzes:edit", pk=quiz.pk)
    return render(request, "quizzes/build_new.html", {"form": form}, status=400)


def _slots(quiz: Quiz) -> list[QuizQuestion]:
    return list(quiz.slots.select_related("question", "question__topic", "question__author"))


@dataclass
class SlotRow:
    """One line of the builder's question list: a slot and what the list shows about it."""

    slot: QuizQuestion
    n: int  # 1-based, as the list numbers it
    kind_label: str
    shown: Shown  # the builder's preview of the question
    editable: bool  # the user's own question: an Edit link
    typed: str | None = None  # the points as typed, shown back when they were refused
    error: str = ""

    @property
    def pk(self) -> int:
        return self.slot.pk

    @property
    def question(self) -> Question:
        return self.slot.question

    @property
    def points(self) -> Decimal:
        return self.slot.points


def _edit_context(request: AuthedRequest, quiz: Quiz, **extra: Any) -> dict[str, Any]:
    slot_errors: dict[int, tuple[str | None, str]] = extra.get("slot_errors", {})
    slots = []
    for n, slot in enumerate(_slots(quiz), start=1):
        typed, error = slot_errors.get(slot.pk, (None, ""))
        slots.append(
            SlotRow(
                slot=slot,
                n=n,
                kind_label=spec.KIND_LABELS.get(slot.question.kind, slot.question.kind),
                shown=shown(slot.question),
                editable=may_edit_question(slot.question, request.user),
                typed=typed,
                error=error,
            )
        )
    context = {
        "quiz": quiz,
        "slots": slots,
        "total_points": sum((s.points for s in slots), 0),
        "locked": quiz_builder.quiz_locked(quiz),
        "tab": "edit",
    }
    context.update(extra)
    return context


@require_http_methods(["GET", "POST"])
@login_required
@with_fresh_time_zone
def quiz_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    if request.method == "GET":
        form = QuizSettingsForm(initial=QuizSettingsForm.initial_for(quiz))
        return render(request, "quizzes/build_edit.html", _edit_context(request, quiz, form=form))
    form = QuizSettingsForm(request.POST)
    if form.is_valid():
        try:
            quiz_builder.quiz_save(owner=quiz.owner, quiz=quiz, **form.settings())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Settings saved.")
            return redirect("quizzes:edit", pk=quiz.pk)
    context = _edit_context(request, quiz, form=form)
    return render(request, "quizzes/build_edit.html", context, status=400)


def _slots_response(
    request: AuthedRequest, quiz: Quiz, *, status: int = 200, **extra: Any
) -> HttpResponse:
    """The question list: the fragment for htmx, else the whole edit page (only reached with a
    refusal; success redirects)."""
    if request.htmx:
        context = _edit_context(request, quiz, **extra)
        return render(request, "quizzes/build_edit.html#slots", context, status=status)
    form = QuizSettingsForm(initial=QuizSettingsForm.initial_for(quiz))
    context = _edit_context(request, quiz, form=form, **extra)
    return render(request, "quizzes/build_edit.html", context, status=status)


@require_POST
@login_required
def slot_update(request: AuthedRequest, pk: int, slot: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    the_slot = quiz.slots.select_related("quiz").filter(pk=slot).first()
    if the_slot is None:
        raise Http404("That question is not in this quiz.")
    form = SlotForm(request.POST)
    if not form.is_valid():
        message = " ".join(_form_errors(form))
        return _slots_response(
            request, quiz, status=400, slot_errors={the_slot.pk: (_typed_points(request), message)}
        )
    action = form.cleaned_data["action"]
    n = list(quiz.slots.values_list("pk", flat=True)).index(the_slot.pk) + 1
    try:
        if action == "points":
            quiz_builder.slot_update(slot=the_slot, points=form.cleaned_data["points"])
            worth = f"{the_slot.points.normalize():f}"
            notice = f"Question {n} is now worth {worth} point{'' if worth == '1' else 's'}."
        elif action == "remove":
            quiz_builder.slot_remove(slot=the_slot)
            notice = f"Question {n} removed from the quiz."
        else:
            quiz_builder.slot_move(slot=the_slot, direction=action)
            notice = f"Question {n} moved {action}."
    except ValidationError as error:
        typed = _typed_points(request) if action == "points" else None
        slot_errors = {the_slot.pk: (typed, " ".join(_errors(error)))}
        return _slots_response(request, quiz, status=400, slot_errors=slot_errors)
    if request.htmx:
        return _slots_response(request, quiz, notice=notice)
    messages.success(request, notice)
    return redirect(reverse("quizzes:edit", kwargs={"pk": quiz.pk}) + "#questions")


@require_POST
@login_required
def quiz_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _slots_response(
            request, quiz, status=400, publish_error="That request could not be read."
        )
    if form.cleaned_data["action"] == "unpublish":
        quiz_builder.quiz_unpublish(quiz=quiz)
        messages.success(request, "Unpublished: students no longer see this quiz.")
        return redirect("quizzes:edit", pk=quiz.pk)
    try:
        quiz_builder.quiz_publish(quiz=quiz, now=timezone.now())
    except ValidationError as error:
        settings_form = QuizSettingsForm(initial=QuizSettingsForm.initial_for(quiz))
        publish_error = " ".join(_errors(error))
        context = _edit_context(request, quiz, form=settings_form, publish_error=publish_error)
        return render(request, "quizzes/build_edit.html", context, status=400)
    messages.success(request, "Published: the students it is assigned to can take it now.")
    return redirect("quizzes:edit", pk=quiz.pk)


# The bank ---------------------------------------------------------------------------------------


@dataclass
class Shown:
    """A question as the bank and the preview show it."""

    question: Question | spec.QuestionSpec
    kind_label: str
    answer: str
    topic: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)
    written_by: str = ""
    in_quiz: bool = False
    editable: bool = False  # the user's own: Edit and "Remove from my bank"

    @property
    def pk(self) -> int | None:
        return getattr(self.question, "pk", None)


def shown(question: Question, *, in_quiz: bool = False, editable: bool = False) -> Shown:
    """A saved question as the bank and the builder's question list show it."""
    return Shown(
        question=question,
        kind_label=spec.KIND_LABELS.get(question.kind, question.kind),
        answer=grading.answer_text(question),
        topic=question.topic.name if question.topic is not None else "",
        sources=[s for s in question.sources if isinstance(s, dict)],
        written_by=question.author.get_username() if question.author is not None else "",
        in_quiz=in_quiz,
        editable=editable,
    )


def _bank(user) -> QuerySet:
    """The questions an instructor may pick: generated from the notes, and their own."""
    return bank_questions(author=user)


def _bank_filtered(user, *, topic: str, kind: str) -> QuerySet:
    topics = None
    if topic:
        chosen = Topic.objects.filter(slug=topic, retired_at__isnull=True).first()
        if chosen is not None:
            topics = topic_ids_under([chosen], live_topics())
    questions = bank_questions(author=user, topics=topics, kinds=[kind] if kind else None)
    return questions.select_related("author")


def _bank_params(query: BankFilterForm) -> dict:
    """The filters of the query that could be read: a bad one is dropped, the others kept."""
    query.is_valid()
    return query.cleaned_data


def _bank_notes(query: BankFilterForm) -> list[str]:
    """What the bank page says about each filter it could not read."""
    notes = []
    if "topic" in query.errors:
        typed = query.data.get("topic", "")[:100]
        notes.append(f"There is no topic “{typed}”, so questions on every topic are shown.")
    if "kind" in query.errors:
        typed = query.data.get("kind", "")[:100]
        notes.append(f"There is no kind of question “{typed}”, so every kind is shown.")
    if "page" in query.errors:
        notes.append("That page number could not be read, so the first page is shown.")
    return notes


def _bank_query(topic: str, kind: str, page: int | None = None) -> str:
    params = {k: v for k, v in (("topic", topic), ("kind", kind), ("page", page)) if v}
    return urlencode(params)


def bank_url(quiz: Quiz, query: BankFilterForm) -> str:
    """The quiz's bank page with the filters of `query` that could be read: where the instructor
    was before adding or retiring a question."""
    params = _bank_params(query)
    back = _bank_query(params.get("topic") or "", params.get("kind") or "", params.get("page"))
    url = reverse("quizzes:bank", kwargs={"pk": quiz.pk})
    return f"{url}?{back}" if back else url


def _bank_page(
    request: AuthedRequest, quiz: Quiz, query: BankFilterForm, *, status: int = 200, **extra: Any
) -> HttpResponse:
    valid = query.is_valid()
    params = _bank_params(query)
    topic, kind = params.get("topic") or "", params.get("kind") or ""
    paginator = Paginator(_bank_filtered(request.user, topic=topic, kind=kind), BANK_PAGE_SIZE)
    page = paginator.get_page(params.get("page") or 1)
    in_quiz = set(quiz.slots.values_list("question_id", flat=True))
    url = reverse("quizzes:bank", kwargs={"pk": quiz.pk})

    def page_url(n: int) -> str:
        return f"{url}?{_bank_query(topic, kind, n)}"

    context = {
        "quiz": quiz,
        "query": query,
        "filter_notes": _bank_notes(query),
        "topic": topic,
        "kind": kind,
        "page": page,
        "questions": [
            shown(
                q,
                in_quiz=q.pk in in_quiz,
                editable=may_edit_question(q, request.user),
            )
            for q in page.object_list
        ],
        "previous_url": page_url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": page_url(page.next_page_number()) if page.has_next() else "",
        "locked": quiz_builder.quiz_locked(quiz),
        "tab": "bank",
        **extra,
    }
    status = 400 if not valid else status
    return render_page(
        request, "quizzes/build_bank.html", context, partial="results", status=status
    )


@require_GET
@login_required
def bank_pick(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    return _bank_page(request, quiz, BankFilterForm(request.GET))


@require_POST
@login_required
def slots_add(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
    # The bank page's filter comes along, so the instructor lands where they were.
    query = BankFilterForm(request.POST)
    form = SlotsAddForm(request.POST, bank=_bank(request.user))
    if form.is_valid():
        chosen = sorted(form.cleaned_data["questions"], key=lambda q: (q.order, q.pk))
        try:
            made = quiz_builder.slots_add(quiz=quiz, questions=chosen)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            skipped = len(chosen) - len(made)
            message = f"Added {len(made)} question{'s' if len(made) != 1 else ''} to the quiz."
            if skipped:
                message += f" {skipped} {'was' if skipped == 1 else 'were'} already in it."
            messages.success(request, message)
            return redirect(bank_url(quiz, query))
    return _bank_page(request, quiz, query, status=400, add_errors=_form_errors(form))
