""" "Quiz me on this table": questions from one comparison table (generate/tables.py), graded on
POST. Nothing is stored: the seed in the form rebuilds the same questions to grade."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from studyapp.knowledge.tables import comparison_or_404, comparison_table
from studyapp.text.randomness import new_seed

from .generate.tables import quiz_grade, quiz_questions
from .learner_forms import MAX_SEED, QuizSeedForm


@require_http_methods(["GET", "POST"])
@login_required
def table_quiz(request: HttpRequest, slug: str) -> HttpResponse:
    comparison = comparison_or_404(slug)
    table = comparison_table(comparison)
    if request.method == "POST":
        form = QuizSeedForm(request.POST)
        if not form.is_valid():
            context = {"comparison": comparison, "questions": [], "error": True}
            return render(request, "quizzes/table_quiz.html", context, status=400)
        seed = form.cleaned_data["seed"]
        questions = quiz_questions(table, seed=seed)
        graded = quiz_grade(questions, request.POST)
        context = {
            "comparison": comparison,
            "seed": seed,
            "graded": graded,
            "score": sum(g.right for g in graded),
            "total": len(graded),
            "next_seed": new_seed(MAX_SEED),
        }
        return render(request, "quizzes/table_quiz.html", context)
    # A missing or malformed seed in the query string: a fresh quiz.
    query = QuizSeedForm(request.GET)
    seed = query.cleaned_data["seed"] if query.is_valid() else new_seed(MAX_SEED)
    context = {
        "comparison": comparison,
        "seed": seed,
        "questions": quiz_questions(table, seed=seed),
        "next_seed": new_seed(MAX_SEED),
    }
    return render(request, "quizzes/table_quiz.html", context)
