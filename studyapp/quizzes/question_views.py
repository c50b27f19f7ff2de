"""The instructor's own questions, from a quiz's builder: write one (it joins the end of the
quiz), edit one they wrote, preview either, retire one from their bank.

Every page is the quiz owner's (or staff's), as in `instructor_views`; a question that is not
the user's own (`access.own_question`) is a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from studyapp.http import AuthedRequest, render_page
from studyapp.knowledge.models import Topic

from . import authored_questions, grading, quiz_builder, spec
from .access import managed_quiz, own_question
from .instructor_forms import BankFilterForm, QuestionWriteForm
from .instructor_views import Shown, bank_url
from .models import Question, Quiz

if TYPE_CHECKING:
    from django.contrib.auth.models import User


WRITE_PAGE = "quizzes/build_write.html"


def _question_form_page(
    request: AuthedRequest,
    quiz: Quiz,
    form: QuestionWriteForm,
    *,
    editing: Question | None,
    status: int = 200,
) -> HttpResponse:
    """The write page, or the edit page of `editing` (the same form)."""
    context = _question_form_context(quiz, form, editing=editing)
    return render(request, WRITE_PAGE, context, status=status)


def _question_form_context(
    quiz: Quiz, form: QuestionWriteForm, *, editing: Question | None, **extra: Any
) -> dict[str, Any]:
    if editing is None:
        form_url = reverse("quizzes:write", kwargs={"pk": quiz.pk})
    else:
        form_url = reverse("quizzes:question_edit", kwargs={"pk": quiz.pk, "question": editing.pk})
    return {
        "quiz": quiz,
        "locked": quiz_builder.quiz_locked(quiz),
        "tab": "write" if editing is None else "",
        "form": form,
        "form_url": form_url,
        "editing": editing,
        **extra,
    }


def _preview(
    request: AuthedRequest, quiz: Quiz, form: QuestionWriteForm, *, editing: Question | None
) -> HttpResponse:
    """The question as written, valid or not, with its right answer (the form's Preview)."""
    question = form.question_spec()
    topic = form.cleaned_data.get("topic")
    # A question being edited is one the user wrote (`access.own_question`): it has an author.
    author = request.user if editing is None else cast("User", editing.author)
    preview = Shown(
        question=question,
        kind_label=spec.KIND_LABELS.get(question.kind, question.kind),
        answer=grading.answer_text(question),
        topic=topic.name if topic else "",
        written_by=author.get_username(),
    )
    context = _question_form_context(quiz, form, editing=editing, preview=preview, previewed=True)
    return render_page(request, WRITE_PAGE, context, partial="preview")


@require_http_methods(["GET", "POST"])
@login_required
def question_write(request: AuthedRequest, pk: int) -> HttpResponse:
    quiz = managed_quiz(request.user, pk)
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
            authored_questions.question_author(
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


@require_http_methods(["GET", "POST"])
@login_required
def question_edit(request: AuthedRequest, pk: int, question: int) -> HttpResponse:
    """Edit a question one wrote, from a quiz's question list or its bank page. The question's id
    is in the URL (the bank lists questions that are in no quiz)."""
    quiz = managed_quiz(request.user, pk)
    editing = own_question(request.user, question)
    if request.method == "GET":
        form = QuestionWriteForm(initial=QuestionWriteForm.initial_for(editing))
        return _question_form_page(request, quiz, form, editing=editing)
    form = QuestionWriteForm(request.POST)
    valid = form.is_valid()
    if "preview" in request.POST:
        return _preview(request, quiz, form, editing=editing)
    if valid:
        try:
            edit = authored_questions.question_edit(
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


def _edit_notice(edit: authored_questions.QuestionEdit) -> str:
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
def question_retire(request: AuthedRequest, pk: int, question: int) -> HttpResponse:
    """ "Remove from my bank": the question leaves the bank; quizzes that use it keep it."""
    quiz = managed_quiz(request.user, pk)
    retiring = own_question(request.user, question)
    authored_questions.question_retire(question=retiring, now=timezone.now())
    messages.success(
        request, "Removed from your bank. It stays in the quizzes that already use it."
    )
    url = bank_url(quiz, BankFilterForm(request.POST))
    if request.htmx:  # the button's hx-confirm asked first; the whole bank page is redrawn
        return HttpResponseClientRedirect(url)
    return redirect(url)
