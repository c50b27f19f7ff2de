"""The instructor's side of quizzes: create one, pick questions from the bank or write them,
order and point them, publish, see the results and statistics, grades as CSV, GIFT out and in.

Every page is the quiz owner's (or staff's): `_quiz_for_manager` answers 404 to whoever may not
even see the quiz and 403 to a student it is assigned to. Every form works without JavaScript
(post/redirect/get); htmx only swaps the question list, the bank's results and the preview in
place. Dates are read and shown in the instructor's own time zone.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from studyapp.accounts.middleware import with_fresh_time_zone
from studyapp.accounts.models import is_instructor
from studyapp.knowledge.models import Topic
from studyapp.knowledge.selectors import live_topics, topic_ids_under
from studyapp.text.csv_safe import csv_safe

from . import authoring, gift, grading, spec
from .attempts import attempt_expire, can_manage, can_see, deadline_passed
from .bank import bank_questions
from .instructor_forms import (
    BankFilterForm,
    GiftImportForm,
    PublishForm,
    QuestionWriteForm,
    QuizSettingsForm,
    SlotForm,
    SlotsAddForm,
)
from .models import Question, Quiz, QuizQuestion
from .results import quiz_results as results_of

BANK_PAGE_SIZE = 25


# Access and time zone ---------------------------------------------------------------------------


def _quiz_for_manager(request: HttpRequest, pk: int) -> Quiz:
    """The quiz, for its owner or staff. 404 for whoever may not see it (a draft, a quiz assigned
    to others, a learner's practice quiz); 403 for a student it is assigned to."""
    quiz = Quiz.objects.filter(pk=pk, is_practice=False).select_related("owner").first()
    if quiz is None or not can_see(quiz, request.user):
        raise Http404("No such quiz.")
    if not can_manage(quiz, request.user):
        raise PermissionDenied("Only the quiz's owner can change it or see its results.")
    return quiz


def _download(quiz: Quiz, suffix: str, content: str = "", *, content_type: str) -> HttpResponse:
    """A file download named after the quiz: "<title-slug><suffix>"."""
    response = HttpResponse(content, content_type=content_type)
    name = slugify(quiz.title) or f"quiz-{quiz.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}{suffix}"'
    return response


def _errors(error: ValidationError) -> list[str]:
    return list(dict.fromkeys(error.messages))


# Creating and editing ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
@with_fresh_time_zone
def quiz_new(request: HttpRequest) -> HttpResponse:
    if not is_instructor(request.user):
        raise PermissionDenied("Only instructors can create quizzes.")
    if request.method == "GET":
        form = QuizSettingsForm()
        return render(request, "quizzes/build_new.html", {"form": form})
    form = QuizSettingsForm(request.POST)
    if form.is_valid():
        try:
            quiz = authoring.quiz_save(owner=request.user, **form.settings())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Quiz “{quiz.title}” created. Now add its questions.")
            return redirect("quizzes:edit", pk=quiz.pk)
    return render(request, "quizzes/build_new.html", {"form": form}, status=400)


def _slots(quiz: Quiz) -> list[QuizQuestion]:
    return list(quiz.slots.select_related("question", "question__topic", "question__author"))


def _edit_context(request: HttpRequest, quiz: Quiz, **extra) -> dict:
    slots = _slots(quiz)
    for n, slot in enumerate(slots, start=1):
        slot.n = n
        slot.kind_label = spec.KIND_LABELS.get(slot.question.kind, slot.question.kind)
        slot.typed, slot.error = extra.get("slot_errors", {}).get(slot.pk, (None, ""))
        slot.editable = authoring.may_edit_question(slot.question, request.user)
        slot.shown = _shown(slot.question)  # the builder's preview of the question
    context = {
        "quiz": quiz,
        "slots": slots,
        "total_points": sum((s.points for s in slots), 0),
        "locked": authoring.quiz_locked(quiz),
        "tab": "edit",
    }
    context.update(extra)
    return context


@require_http_methods(["GET", "POST"])
@login_required
@with_fresh_time_zone
def quiz_edit(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    if request.method == "GET":
        form = QuizSettingsForm(initial=QuizSettingsForm.initial_for(quiz))
        return render(request, "quizzes/build_edit.html", _edit_context(request, quiz, form=form))
    form = QuizSettingsForm(request.POST)
    if form.is_valid():
        try:
            authoring.quiz_save(owner=quiz.owner, quiz=quiz, **form.settings())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Settings saved.")
            return redirect("quizzes:edit", pk=quiz.pk)
    context = _edit_context(request, quiz, form=form)
    return render(request, "quizzes/build_edit.html", context, status=400)


def _slots_response(
    request: HttpRequest, quiz: Quiz, *, status: int = 200, **extra
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
def slot_update(request: HttpRequest, pk: int, slot: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    the_slot = quiz.slots.select_related("quiz").filter(pk=slot).first()
    if the_slot is None:
        raise Http404("That question is not in this quiz.")
    form = SlotForm(request.POST)
    if not form.is_valid():
        message = " ".join(m for errors in form.errors.values() for m in errors)
        typed = request.POST.get("points", "")[:20]
        return _slots_response(
            request, quiz, status=400, slot_errors={the_slot.pk: (typed, message)}
        )
    action = form.cleaned_data["action"]
    n = list(quiz.slots.values_list("pk", flat=True)).index(the_slot.pk) + 1
    try:
        if action == "points":
            authoring.slot_update(slot=the_slot, points=form.cleaned_data["points"])
            worth = f"{the_slot.points.normalize():f}"
            notice = f"Question {n} is now worth {worth} point{'' if worth == '1' else 's'}."
        elif action == "remove":
            authoring.slot_remove(slot=the_slot)
            notice = f"Question {n} removed from the quiz."
        else:
            authoring.slot_move(slot=the_slot, direction=action)
            notice = f"Question {n} moved {action}."
    except ValidationError as error:
        typed = request.POST.get("points", "")[:20] if action == "points" else None
        slot_errors = {the_slot.pk: (typed, " ".join(_errors(error)))}
        return _slots_response(request, quiz, status=400, slot_errors=slot_errors)
    if request.htmx:
        return _slots_response(request, quiz, notice=notice)
    messages.success(request, notice)
    return redirect(reverse("quizzes:edit", kwargs={"pk": quiz.pk}) + "#questions")


@require_POST
@login_required
def quiz_publish(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _slots_response(
            request, quiz, status=400, publish_error="That request could not be read."
        )
    if form.cleaned_data["action"] == "unpublish":
        authoring.quiz_unpublish(quiz=quiz)
        messages.success(request, "Unpublished: students no longer see this quiz.")
        return redirect("quizzes:edit", pk=quiz.pk)
    try:
        authoring.quiz_publish(quiz=quiz, now=timezone.now())
    except ValidationError as error:
        form = QuizSettingsForm(
            initial=QuizSettingsForm.initial_for(quiz),
        )
        context = _edit_context(request, quiz, form=form, publish_error=" ".join(_errors(error)))
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
    sources: list[dict] = field(default_factory=list)
    written_by: str = ""
    in_quiz: bool = False
    editable: bool = False  # the user's own: Edit and "Remove from my bank"

    @property
    def pk(self) -> int | None:
        return getattr(self.question, "pk", None)


def _shown(question: Question, *, in_quiz: bool = False, editable: bool = False) -> Shown:
    return Shown(
        question=question,
        kind_label=spec.KIND_LABELS.get(question.kind, question.kind),
        answer=grading.answer_text(question),
        topic=question.topic.name if question.topic_id else "",
        sources=[s for s in question.sources if isinstance(s, dict)],
        written_by=question.author.get_username() if question.author_id else "",
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


def _bank_page(
    request: HttpRequest, quiz: Quiz, query: BankFilterForm, *, status: int = 200, **extra
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
            _shown(
                q,
                in_quiz=q.pk in in_quiz,
                editable=authoring.may_edit_question(q, request.user),
            )
            for q in page.object_list
        ],
        "previous_url": page_url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": page_url(page.next_page_number()) if page.has_next() else "",
        "locked": authoring.quiz_locked(quiz),
        "tab": "bank",
        **extra,
    }
    # A history restore (htmx's cache missed on "back") swaps the whole body, so it needs the page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "quizzes/build_bank.html#results" if partial else "quizzes/build_bank.html"
    response = render(request, template, context, status=400 if not valid else status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
@login_required
def bank_pick(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    return _bank_page(request, quiz, BankFilterForm(request.GET))


@require_POST
@login_required
def slots_add(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    # The bank page's filter comes along, so the instructor lands where they were.
    query = BankFilterForm(request.POST)
    form = SlotsAddForm(request.POST, bank=_bank(request.user))
    if form.is_valid():
        chosen = sorted(form.cleaned_data["questions"], key=lambda q: (q.order, q.pk))
        try:
            made = authoring.slots_add(quiz=quiz, questions=chosen)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            skipped = len(chosen) - len(made)
            message = f"Added {len(made)} question{'s' if len(made) != 1 else ''} to the quiz."
            if skipped:
                message += f" {skipped} {'was' if skipped == 1 else 'were'} already in it."
            messages.success(request, message)
            url = reverse("quizzes:bank", kwargs={"pk": quiz.pk})
            params = _bank_params(query)
            back = _bank_query(
                params.get("topic") or "", params.get("kind") or "", params.get("page")
            )
            return redirect(f"{url}?{back}" if back else url)
    errors = [m for e in form.errors.values() for m in e]
    return _bank_page(request, quiz, query, status=400, add_errors=errors)


# Writing a question -----------------------------------------------------------------------------


def _question_form_page(
    request: HttpRequest,
    quiz: Quiz,
    form: QuestionWriteForm,
    *,
    editing: Question | None,
    status: int = 200,
    template: str = "quizzes/build_write.html",
    **extra,
) -> HttpResponse:
    """The write page, or the edit page of `editing` (the same form)."""
    if editing is None:
        form_url = reverse("quizzes:write", kwargs={"pk": quiz.pk})
    else:
        form_url = reverse("quizzes:question_edit", kwargs={"pk": quiz.pk, "question": editing.pk})
    context = {
        "quiz": quiz,
        "locked": authoring.quiz_locked(quiz),
        "tab": "write" if editing is None else "",
        "form": form,
        "form_url": form_url,
        "editing": editing,
        **extra,
    }
    return render(request, template, context, status=status)


def _preview(request: HttpRequest, quiz: Quiz, form: QuestionWriteForm, *, editing) -> HttpResponse:
    """The question as written, valid or not, with its right answer (the form's Preview)."""
    question = form.question_spec()
    topic = form.cleaned_data.get("topic")
    preview = Shown(
        question=question,
        kind_label=spec.KIND_LABELS.get(question.kind, question.kind),
        answer=grading.answer_text(question),
        topic=topic.name if topic else "",
        written_by=(editing.author if editing else request.user).get_username(),
    )
    template = "quizzes/build_write.html#preview" if request.htmx else "quizzes/build_write.html"
    return _question_form_page(
        request, quiz, form, editing=editing, template=template, preview=preview, previewed=True
    )


@require_http_methods(["GET", "POST"])
@login_required
def question_write(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    if request.method == "GET":
        topic = Topic.objects.filter(slug=request.GET.get("topic", "")[:200]).first()
        form = QuestionWriteForm(initial={"topic": topic} if topic else None)
        return _question_form_page(request, quiz, form, editing=None)
    form = QuestionWriteForm(request.POST)
    valid = form.is_valid()
    if "preview" in request.POST:
        return _preview(request, quiz, form, editing=None)
    if valid:
        try:
            authoring.question_author(
                author=request.user,
                question=form.question_spec(),
                topic=form.cleaned_data["topic"],
                quiz=quiz,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Question saved and added at the end of the quiz.")
            return redirect(reverse("quizzes:edit", kwargs={"pk": quiz.pk}) + "#questions")
    return _question_form_page(request, quiz, form, editing=None, status=400)


def _own_question(request: HttpRequest, pk: int) -> Question:
    """A live question the user wrote (staff: anyone's written question); 404 for any other, so
    nobody learns which questions others wrote."""
    question = Question.objects.filter(pk=pk).select_related("topic", "author").first()
    if question is None or not authoring.may_edit_question(question, request.user):
        raise Http404("No such question of yours.")
    return question


@require_http_methods(["GET", "POST"])
@login_required
def question_edit(request: HttpRequest, pk: int, question: int) -> HttpResponse:
    """Edit a question one wrote, from a quiz's question list or its bank page. The question's id
    is in the URL (the bank lists questions that are in no quiz)."""
    quiz = _quiz_for_manager(request, pk)
    editing = _own_question(request, question)
    if request.method == "GET":
        form = QuestionWriteForm(initial=QuestionWriteForm.initial_for(editing))
        return _question_form_page(request, quiz, form, editing=editing)
    form = QuestionWriteForm(request.POST)
    valid = form.is_valid()
    if "preview" in request.POST:
        return _preview(request, quiz, form, editing=editing)
    if valid:
        try:
            edit = authoring.question_edit(
                question=editing,
                edited=form.question_spec(),
                topic=form.cleaned_data["topic"],
                quiz=quiz,
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _edit_notice(edit))
            if quiz.slots.filter(question=edit.question).exists():
                return redirect(reverse("quizzes:edit", kwargs={"pk": quiz.pk}) + "#questions")
            return redirect("quizzes:bank", pk=quiz.pk)
    return _question_form_page(request, quiz, form, editing=editing, status=400)


def _edit_notice(edit: authoring.QuestionEdit) -> str:
    if not edit.changed:
        return "Nothing changed."
    if not edit.replaced:
        return "Question saved."
    notice = (
        "Someone has already answered this question in a quiz, so the edit was saved as a new "
        "question: quizzes that used the old one keep it (their attempts were graded on it), "
        "and your bank now has the new one."
    )
    if edit.replaced_in_quiz:
        return notice + " In this quiz, the new one replaces the old one."
    return notice


@require_POST
@login_required
def question_retire(request: HttpRequest, pk: int, question: int) -> HttpResponse:
    """ "Remove from my bank": the question leaves the bank; quizzes that use it keep it."""
    quiz = _quiz_for_manager(request, pk)
    retiring = _own_question(request, question)
    authoring.question_retire(question=retiring, now=timezone.now())
    messages.success(
        request, "Removed from your bank. It stays in the quizzes that already use it."
    )
    params = _bank_params(BankFilterForm(request.POST))
    back = _bank_query(params.get("topic") or "", params.get("kind") or "", params.get("page"))
    url = reverse("quizzes:bank", kwargs={"pk": quiz.pk})
    url = f"{url}?{back}" if back else url
    if request.htmx:  # the button's hx-confirm asked first; the whole bank page is redrawn
        return HttpResponseClientRedirect(url)
    return redirect(url)


# Results ----------------------------------------------------------------------------------------


def _expire_overdue(quiz: Quiz) -> None:
    """Attempts whose time ran out while nobody looked are submitted as they stood."""
    now = timezone.now()
    for attempt in quiz.attempts.filter(deadline_passed(now=now), submitted_at__isnull=True):
        attempt_expire(attempt, now=now)


@require_GET
@login_required
def quiz_results(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    _expire_overdue(quiz)
    context = {"quiz": quiz, "results": results_of(quiz), "tab": "results"}
    return render(request, "quizzes/results.html", context)


@require_GET
@login_required
def grades_csv(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    _expire_overdue(quiz)
    results = results_of(quiz, with_statistics=False)
    response = _download(quiz, "-grades.csv", content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    header = ["username", "attempts", "best score", "max", "percent", "time taken", "submitted at"]
    writer.writerow(header)
    zone = timezone.get_current_timezone()
    for student in results.students:
        best = student.best
        row = [student.user.get_username(), str(student.used)]
        if best is None:
            row += ["", f"{student.max_score:f}", "", "", ""]
        else:
            row += [
                f"{best.score:f}",
                f"{best.max_score:f}",
                f"{student.percent:.1f}" if student.percent is not None else "",
                student.time_text,
                best.submitted_at.astimezone(zone).isoformat(timespec="seconds"),
            ]
        writer.writerow([csv_safe(v) for v in row])
    return response


# GIFT -------------------------------------------------------------------------------------------


@require_GET
@login_required
def gift_export(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    slots = list(quiz.slots.select_related("question__topic", "question__fact", "question__cell"))
    try:
        text = gift.gift_export(
            [authoring.spec_of(s.question) for s in slots],
            points={s.question.key: s.points for s in slots},
            category=quiz.title,
        )
    except ValueError as error:
        # A question GIFT cannot say (malformed data from elsewhere): say which, send nothing.
        messages.error(request, f"This quiz cannot be written as GIFT: {error}")
        return redirect("quizzes:gift_import", pk=quiz.pk)
    return _download(quiz, ".gift.txt", text, content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "POST"])
@login_required
def gift_import(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz_for_manager(request, pk)
    context = {"quiz": quiz, "locked": authoring.quiz_locked(quiz), "tab": "gift"}
    if request.method == "GET":
        return render(request, "quizzes/build_gift.html", {**context, "form": GiftImportForm()})
    form = GiftImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = authoring.gift_import(
                quiz=quiz, author=request.user, text=form.cleaned_data["gift"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if result.imported:
                n = len(result.imported)
                messages.success(
                    request, f"Imported {n} question{'s' if n != 1 else ''} into the quiz."
                )
                for error in result.errors:
                    messages.warning(request, f"Not imported: {error}")
                if result.errors:
                    return redirect("quizzes:gift_import", pk=quiz.pk)
                return redirect(reverse("quizzes:edit", kwargs={"pk": quiz.pk}) + "#questions")
            context["import_errors"] = result.errors or ["The text holds no GIFT questions."]
    return render(request, "quizzes/build_gift.html", {**context, "form": form}, status=400)
