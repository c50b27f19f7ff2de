from django.urls import path

from . import instructor_views, learner_views, question_views, results_views, table_quiz_views

app_name = "quizzes"

urlpatterns = [
    # A quiz from one comparison table, beside the table's own pages.
    path("compare/<slug:slug>/quiz/", table_quiz_views.table_quiz, name="table_quiz"),
    # Learners: practice quizzes, assigned quizzes, attempts.
    path("quizzes/", learner_views.quiz_list, name="list"),
    path("quizzes/practice/", learner_views.practice_start, name="practice"),
    path("quizzes/<int:pk>/", learner_views.quiz_detail, name="detail"),
    path("quizzes/<int:pk>/start/", learner_views.attempt_start, name="start"),
    path("quizzes/attempts/<int:pk>/", learner_views.attempt_take, name="attempt"),
    path(
        "quizzes/attempts/<int:pk>/answer/<int:slot>/",
        learner_views.answer_save,
        name="answer",
    ),
    path("quizzes/attempts/<int:pk>/submit/", learner_views.attempt_submit, name="submit"),
    path("quizzes/attempts/<int:pk>/review/", learner_views.attempt_review, name="review"),
    path("quizzes/attempts/<int:pk>/retry/", learner_views.retry_missed, name="retry"),
    # Instructors: build, publish, results, GIFT.
    path("quizzes/new/", instructor_views.quiz_new, name="new"),
    path("quizzes/<int:pk>/edit/", instructor_views.quiz_edit, name="edit"),
    path("quizzes/<int:pk>/bank/", instructor_views.bank_pick, name="bank"),
    path("quizzes/<int:pk>/questions/add/", instructor_views.slots_add, name="slots_add"),
    path("quizzes/<int:pk>/questions/<int:slot>/", instructor_views.slot_update, name="slot"),
    path("quizzes/<int:pk>/questions/write/", question_views.question_write, name="write"),
    # <question> is a question's id (an own question, from the quiz's list or the bank).
    path(
        "quizzes/<int:pk>/questions/<int:question>/edit/",
        question_views.question_edit,
        name="question_edit",
    ),
    path(
        "quizzes/<int:pk>/questions/<int:question>/retire/",
        question_views.question_retire,
        name="question_retire",
    ),
    path("quizzes/<int:pk>/publish/", instructor_views.quiz_publish, name="publish"),
    path("quizzes/<int:pk>/results/", results_views.quiz_results, name="results"),
    path("quizzes/<int:pk>/grades.csv", results_views.grades_csv, name="grades_csv"),
    path("quizzes/<int:pk>/gift/", results_views.gift_export, name="gift"),
    path("quizzes/<int:pk>/gift/import/", results_views.gift_import, name="gift_import"),
]
