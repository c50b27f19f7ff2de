"""The instructor's quiz pages over HTTP: who may see them (404/403/login), which methods they take
(405), creating and editing a quiz in the instructor's time zone, ordering and pointing its
questions, the lock once attempted, publishing, the bank, writing a question with its preview,
results, the grades CSV, and GIFT out and back in."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from studyapp.accounts.models import profile_for
from studyapp.knowledge.models import Topic
from studyapp.quizzes import access, attempts, gift_read, spec
from studyapp.quizzes.models import Attempt, Question, Quiz, QuizQuestion

# Helpers ----------------------------------------------------------------------------------------


def body(response) -> str:
    return response.content.decode()


def text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))).strip()


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def make_question(n: int, *, kind: str = spec.CHOICE, topic=None, author=None, **fields):
    defaults = {
        spec.CHOICE: {"options": [f"right {n}", f"wrong {n}"], "answers": [f"right {n}"]},
        spec.TRUEFALSE: {"answers": ["true"]},
        spec.SHORT: {"answers": [f"answer {n}"]},
        spec.NUMERIC: {"answers": ["900"], "unit": "s"},
    }.get(kind, {})
    defaults.update(fields)
    return Question.objects.create(
        key=f"q-{kind}-{n}-{author.pk if author else 'gen'}",
        kind=kind,
        prompt=f"Question number {n}?",
        topic=topic,
        author=author,
        order=n,
        **defaults,
    )


def slot_order(quiz: Quiz) -> list[int]:
    return list(quiz.slots.values_list("question_id", flat=True))


def take(quiz: Quiz, user, answers: dict[int, list[str]], *, now=None) -> Attempt:
    """One submitted attempt: `answers` maps a question pk to the values given."""
    now = now or timezone.now()
    attempt = attempts.attempt_start(quiz=quiz, user=user, now=now)
    for slot in quiz.slots.select_related("question"):
        if slot.question_id in answers:
            attempts.response_save(
                attempt=attempt, slot=slot, values=answers[slot.question_id], now=now
            )
    return attempts.attempt_submit(attempt=attempt, now=now + timedelta(minutes=3))


@pytest.fixture
def topic(db) -> Topic:
    return Topic.objects.create(key="t-lambda", slug="lambda", name="Lambda")


@pytest.fixture
def bank(topic) -> list[Question]:
    return [make_question(n, topic=topic) for n in range(1, 4)]


@pytest.fixture
def quiz(instructor, bank) -> Quiz:
    """A draft of two questions."""
    quiz = Quiz.objects.create(owner=instructor, title="Lambda basics")
    for order, question in enumerate(bank[:2]):
        QuizQuestion.objects.create(quiz=quiz, question=question, order=order)
    return quiz


@pytest.fixture
def published(quiz) -> Quiz:
    """The same quiz, published to every student."""
    quiz.published_at = timezone.now()
    quiz.save()
    return quiz


def url(quiz: Quiz, page: str = "edit/") -> str:
    return f"/quizzes/{quiz.pk}/{page}"


# Access -----------------------------------------------------------------------------------------

GET_PAGES = [
    "edit/",
    "bank/",
    "questions/write/",
    "results/",
    "grades.csv",
    "gift/",
    "gift/import/",
]
POST_PAGES = ["questions/add/", "questions/{slot}/", "publish/"]


def _page(quiz: Quiz, page: str) -> str:
    return url(quiz, page.format(slot=quiz.slots.first().pk))


@pytest.mark.parametrize("where", GET_PAGES + POST_PAGES)
def test_anonymous_is_sent_to_log_in(client, published, where):
    method = client.post if where in POST_PAGES else client.get
    response = method(_page(published, where))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("where", GET_PAGES + POST_PAGES)
def test_a_student_it_is_assigned_to_may_not_manage_it(student_client, published, where):
    method = student_client.post if where in POST_PAGES else student_client.get
    assert method(_page(published, where)).status_code == 403
    # ... while the quiz itself is theirs to take.
    assert access.can_see(published, published.assigned_to.model.objects.get(username="student"))


@pytest.mark.parametrize("where", GET_PAGES + POST_PAGES)
def test_a_draft_does_not_exist_for_others(outsider_client, quiz, where):
    method = outsider_client.post if where in POST_PAGES else outsider_client.get
    assert method(_page(quiz, where)).status_code == 404


@pytest.mark.parametrize("where", GET_PAGES + POST_PAGES)
def test_a_quiz_assigned_to_others_does_not_exist_for_the_outsider(
    outsider_client, published, student, where
):
    published.assigned_to.set([student])
    method = outsider_client.post if where in POST_PAGES else outsider_client.get
    assert method(_page(published, where)).status_code == 404


@pytest.mark.parametrize("where", GET_PAGES + POST_PAGES)
def test_another_instructor_gets_404_on_a_draft(client_as, django_user_model, quiz, where):
    from studyapp.accounts.services import user_grant_instructor

    django_user_model.objects.create_user(username="other", password="x")
    other = client_as(user_grant_instructor(username="other"))
    method = other.post if where in POST_PAGES else other.get
    assert method(_page(quiz, where)).status_code == 404


@pytest.mark.parametrize("where", GET_PAGES)
def test_a_practice_quiz_has_no_builder(client_as, student, bank, where):
    practice = attempts.practice_quiz_create(
        user=student, topics=[], kinds=[], count=2, layout="one", seed=1, now=timezone.now()
    )
    assert client_as(student).get(url(practice, where)).status_code == 404


def test_missing_quiz_is_404(instructor_client):
    assert instructor_client.get("/quizzes/999999/edit/").status_code == 404


@pytest.mark.parametrize("where", ["bank/", "results/", "grades.csv", "gift/"])
def test_get_only_pages_refuse_post(instructor_client, quiz, where):
    assert instructor_client.post(url(quiz, where)).status_code == 405


@pytest.mark.parametrize("where", POST_PAGES)
def test_post_only_pages_refuse_get(instructor_client, quiz, where):
    assert instructor_client.get(_page(quiz, where)).status_code == 405


@pytest.mark.parametrize("where", ["edit/", "questions/write/", "gift/import/"])
def test_form_pages_refuse_other_methods(instructor_client, quiz, where):
    assert instructor_client.put(url(quiz, where)).status_code == 405
    assert instructor_client.delete(url(quiz, where)).status_code == 405


def test_new_quiz_needs_an_instructor(client, student_client, instructor_client):
    assert client.get("/quizzes/new/").status_code == 302
    assert student_client.get("/quizzes/new/").status_code == 403
    assert student_client.post("/quizzes/new/", {"title": "Mine"}).status_code == 403
    assert instructor_client.put("/quizzes/new/").status_code == 405
    assert not Quiz.objects.exists()


# Creating and editing ---------------------------------------------------------------------------


def settings_data(**changes) -> dict:
    data = {
        "title": "Serverless limits",
        "instructions": "Answer **all** of them.",
        "layout": "all",
        "shuffle_questions": "on",
        "shuffle_options": "on",
        "time_limit": "20",
        "attempts_allowed": "2",
        "opens_at": "2030-03-01T09:00",
        "closes_at": "2030-03-08T17:30",
        "feedback": "after_close",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_create_a_quiz_in_the_instructors_time_zone(instructor, client_as, student):
    profile = profile_for(instructor)
    profile.time_zone = "Europe/Istanbul"  # UTC+3, no daylight saving
    profile.save()
    instructor_client = client_as(instructor)  # the time zone is read at login

    response = instructor_client.post("/quizzes/new/", settings_data(assigned_to=[str(student.pk)]))

    quiz = Quiz.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/edit/"
    assert quiz.owner == instructor
    assert (quiz.title, quiz.layout, quiz.feedback) == ("Serverless limits", "all", "after_close")
    assert quiz.instructions == "Answer **all** of them."
    assert quiz.shuffle_questions and quiz.shuffle_options
    assert quiz.time_limit == timedelta(minutes=20)
    assert quiz.attempts_allowed == 2
    assert quiz.opens_at == datetime(2030, 3, 1, 6, 0, tzinfo=UTC)
    assert quiz.closes_at == datetime(2030, 3, 8, 14, 30, tzinfo=UTC)
    assert list(quiz.assigned_to.all()) == [student]
    assert quiz.published_at is None

    # The edit page shows the dates back as they were typed, in the same zone.
    page = body(instructor_client.get(url(quiz)))
    assert 'value="2030-03-01T09:00"' in page
    assert "Europe/Istanbul" in page


def test_blank_time_limit_and_dates_mean_none(instructor_client):
    data = settings_data(
        time_limit="", opens_at="", closes_at="", shuffle_questions=None, feedback="immediately"
    )
    instructor_client.post("/quizzes/new/", data)
    quiz = Quiz.objects.get()
    assert (quiz.time_limit, quiz.opens_at, quiz.closes_at) == (None, None, None)
    assert not quiz.shuffle_questions
    assert not quiz.assigned_to.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"closes_at": "2030-03-01T08:00"}, "The quiz must close after it opens."),
        ({"closes_at": "2030-03-01T09:00"}, "The quiz must close after it opens."),
        ({"title": "  "}, "This field is required."),
        ({"time_limit": "0"}, "greater than or equal to 1"),
        ({"attempts_allowed": "-1"}, "greater than or equal to 0"),
        ({"layout": "sideways"}, "Select a valid choice"),
        ({"opens_at": "tomorrow"}, "Enter a valid date/time."),
        ({"closes_at": ""}, "Give a close date: with answers shown after the quiz closes"),
    ],
)
def test_bad_settings_are_refused_and_nothing_typed_is_lost(instructor_client, changes, message):
    response = instructor_client.post("/quizzes/new/", settings_data(**changes))
    assert response.status_code == 400
    assert message in text(body(response))
    assert not Quiz.objects.exists()
    page = body(response)
    assert "Answer **all** of them." in page
    for name, value in settings_data(**changes).items():
        if name in ("title", "time_limit", "attempts_allowed", "opens_at", "closes_at"):
            assert f'value="{value}"' in page, name  # what was typed is still there


def test_feedback_after_close_needs_a_close_date_on_edit_too(instructor_client, quiz):
    response = instructor_client.post(url(quiz), settings_data(closes_at=""))
    assert response.status_code == 400
    errors = re.search(r'id="id_closes_at_error"[^>]*>(.*?)</ul>', body(response), re.S)
    assert errors and "Give a close date" in errors.group(1)
    quiz.refresh_from_db()
    assert quiz.feedback == "immediately" and quiz.closes_at is None
    for feedback in ("immediately", "never"):
        response = instructor_client.post(url(quiz), settings_data(closes_at="", feedback=feedback))
        assert response.status_code == 302


def test_an_instructor_cannot_be_assigned(instructor_client, instructor, student):
    response = instructor_client.post(
        "/quizzes/new/", settings_data(assigned_to=[str(instructor.pk)])
    )
    assert response.status_code == 400
    assert "Select a valid choice" in text(body(response))
    page = body(instructor_client.get("/quizzes/new/"))
    assert f'name="assigned_to" value="{student.pk}"' in page
    assert f'name="assigned_to" value="{instructor.pk}"' not in page


def test_edit_settings(instructor_client, quiz):
    response = instructor_client.post(url(quiz), settings_data(title="Renamed", time_limit=""))
    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.title == "Renamed"
    assert quiz.time_limit is None
    assert slot_order(quiz) == [q.pk for q in Question.objects.order_by("order")[:2]]


def test_edit_page_lists_the_questions_with_points_and_total(instructor_client, quiz):
    slot = quiz.slots.last()
    slot.points = Decimal("2.5")
    slot.save()
    page = text(body(instructor_client.get(url(quiz))))
    assert "Question number 1?" in page and "Question number 2?" in page
    assert "2 questions · 3.50 points in all" in page
    assert "Draft" in page
    for tab in ("Questions & settings", "Add from bank", "Write a question", "GIFT", "Results"):
        assert tab in page


def test_edit_page_previews_each_question_with_its_answer(instructor_client, quiz, bank):
    bank[0].explanation = "Because **right 1** is right."
    bank[0].save()
    tf = make_question(9, kind=spec.TRUEFALSE, answers=["false"])
    QuizQuestion.objects.create(quiz=quiz, question=tf, order=5)
    page = body(instructor_client.get(url(quiz)))
    previews = re.findall(r'<details class="slot-preview">(.*?)</details>', page, re.S)
    assert len(previews) == 3
    first = text(previews[0])
    assert "Preview question 1" in first
    assert "right 1 ✓ right" in first and "wrong 1" in first
    assert "Answer: right 1" in first
    assert "<strong>right 1</strong>" in previews[0]  # the explanation, as Markdown
    assert "True False ✓ right" in text(previews[2])
    # The builder previews; the circle through the quiz's own page is gone.
    assert f'href="/quizzes/{quiz.pk}/"' not in page


def test_the_quiz_page_sends_its_manager_to_the_builders_preview(instructor_client, quiz):
    page = body(instructor_client.get(f"/quizzes/{quiz.pk}/"))
    assert "You manage this quiz; students take it." in text(page)
    assert (
        f'<a href="/quizzes/{quiz.pk}/edit/#questions">Preview its questions in the builder</a>'
        in page
    )


# Ordering, points, removing ---------------------------------------------------------------------


def test_move_up_and_down(instructor_client, quiz, bank):
    first, second = quiz.slots.all()
    response = instructor_client.post(url(quiz, f"questions/{second.pk}/"), {"action": "up"})
    assert response.status_code == 302
    assert slot_order(quiz) == [bank[1].pk, bank[0].pk]
    instructor_client.post(url(quiz, f"questions/{second.pk}/"), {"action": "down"})
    assert slot_order(quiz) == [bank[0].pk, bank[1].pk]
    # At the edge it stays where it is.
    instructor_client.post(url(quiz, f"questions/{first.pk}/"), {"action": "up"})
    assert slot_order(quiz) == [bank[0].pk, bank[1].pk]


def test_htmx_gets_the_question_list_back(instructor_client, quiz, bank):
    second = quiz.slots.last()
    response = instructor_client.post(
        url(quiz, f"questions/{second.pk}/"), {"action": "up"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = body(response)
    assert page.lstrip().startswith('<section id="questions"')
    assert "<html" not in page
    assert "Question 2 moved up." in text(page)
    assert slot_order(quiz) == [bank[1].pk, bank[0].pk]


def test_change_points(instructor_client, quiz):
    slot = quiz.slots.first()
    response = instructor_client.post(
        url(quiz, f"questions/{slot.pk}/"), {"action": "points", "points": "2.5"}
    )
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.points == Decimal("2.50")


@pytest.mark.parametrize("points", ["", "0", "-1", "abc", "1001", "1.234"])
def test_bad_points_are_refused_with_the_typed_value_kept(instructor_client, quiz, points):
    slot = quiz.slots.first()
    response = instructor_client.post(
        url(quiz, f"questions/{slot.pk}/"), {"action": "points", "points": points}
    )
    assert response.status_code == 400
    slot.refresh_from_db()
    assert slot.points == Decimal(1)
    page = body(response)
    assert 'aria-invalid="true"' in page
    assert f'value="{points}"' in page


def test_bad_action_is_refused(instructor_client, quiz):
    slot = quiz.slots.first()
    response = instructor_client.post(url(quiz, f"questions/{slot.pk}/"), {"action": "delete"})
    assert response.status_code == 400
    assert quiz.slots.count() == 2


def test_remove(instructor_client, quiz, bank):
    slot = quiz.slots.first()
    instructor_client.post(url(quiz, f"questions/{slot.pk}/"), {"action": "remove"})
    assert slot_order(quiz) == [bank[1].pk]
    assert Question.objects.filter(pk=bank[0].pk).exists()  # still in the bank


def test_a_slot_of_another_quiz_is_404(instructor_client, instructor, quiz, bank):
    other = Quiz.objects.create(owner=instructor, title="Other")
    slot = QuizQuestion.objects.create(quiz=other, question=bank[2])
    response = instructor_client.post(url(quiz, f"questions/{slot.pk}/"), {"action": "remove"})
    assert response.status_code == 404
    assert other.slots.count() == 1


# The lock once attempted --------------------------------------------------------------------------


def test_once_attempted_questions_are_fixed_but_settings_and_order_change(
    instructor_client, published, student, bank
):
    take(published, student, {bank[0].pk: ["right 1"]})
    first, second = published.slots.all()
    page = text(body(instructor_client.get(url(published))))
    assert "can no longer be added, removed or given other points" in page

    for data in ({"action": "remove"}, {"action": "points", "points": "3"}):
        response = instructor_client.post(url(published, f"questions/{first.pk}/"), data)
        assert response.status_code == 400
        assert "already attempted" in text(body(response))
    first.refresh_from_db()
    assert first.points == Decimal(1)
    assert published.slots.count() == 2

    response = instructor_client.post(url(published, "questions/add/"), {"questions": [bank[2].pk]})
    assert response.status_code == 400
    assert published.slots.count() == 2

    response = instructor_client.post(
        url(published, "questions/write/"), write_data(prompt="Late question?")
    )
    assert response.status_code == 400
    assert not Question.objects.filter(prompt="Late question?").exists()

    response = instructor_client.post(url(published, "gift/import/"), {"text": GOOD_GIFT})
    assert response.status_code == 400
    assert published.slots.count() == 2

    # Reordering and settings still work.
    instructor_client.post(url(published, f"questions/{second.pk}/"), {"action": "up"})
    assert slot_order(published) == [bank[1].pk, bank[0].pk]
    assert instructor_client.post(url(published), settings_data()).status_code == 302


# Publishing -------------------------------------------------------------------------------------


def test_publish_and_unpublish(instructor_client, quiz, student_client):
    assert student_client.get(f"/quizzes/{quiz.pk}/").status_code == 404
    response = instructor_client.post(url(quiz, "publish/"), {"action": "publish"})
    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.published_at is not None
    assert "Published" in text(body(instructor_client.get(url(quiz))))

    instructor_client.post(url(quiz, "publish/"), {"action": "unpublish"})
    quiz.refresh_from_db()
    assert quiz.published_at is None


def test_publishing_an_empty_quiz_is_refused(instructor_client, instructor):
    empty = Quiz.objects.create(owner=instructor, title="Empty")
    response = instructor_client.post(url(empty, "publish/"), {"action": "publish"})
    assert response.status_code == 400
    assert "Add at least one question before publishing." in text(body(response))
    empty.refresh_from_db()
    assert empty.published_at is None


def test_publish_with_a_bad_action(instructor_client, quiz):
    assert instructor_client.post(url(quiz, "publish/"), {"action": "x"}).status_code == 400


# The bank ---------------------------------------------------------------------------------------


def test_bank_lists_generated_and_own_questions_only(
    instructor_client, instructor, quiz, bank, topic, django_user_model
):
    mine = make_question(10, kind=spec.SHORT, author=instructor, topic=topic)
    other = django_user_model.objects.create_user(username="other")
    theirs = make_question(11, kind=spec.SHORT, author=other)
    retired = make_question(12, retired_at=timezone.now())

    page = body(instructor_client.get(url(quiz, "bank/")))

    assert f'value="{mine.pk}"' in page
    assert f'value="{bank[2].pk}"' in page
    assert f'value="{theirs.pk}"' not in page and f'value="{retired.pk}"' not in page
    plain = text(page)
    assert "4 questions" in plain
    assert "Answer: right 3" in plain  # the right answer, via grading.answer_text
    assert "written by instructor" in plain and "from the notes" in plain
    # Questions already in the quiz cannot be ticked again.
    assert re.search(rf'value="{bank[0].pk}" id="pick-{bank[0].pk}"[^>]*disabled', page)


def test_bank_filters_by_topic_with_subtopics_and_kind(instructor_client, quiz, bank, topic):
    child = Topic.objects.create(key="t-limits", slug="limits", name="Limits", parent=topic)
    other = Topic.objects.create(key="t-s3", slug="s3", name="S3")
    below = make_question(20, kind=spec.TRUEFALSE, topic=child)
    elsewhere = make_question(21, kind=spec.TRUEFALSE, topic=other)

    page = body(instructor_client.get(url(quiz, "bank/"), {"topic": "lambda"}))
    assert f'value="{below.pk}"' in page and f'value="{bank[2].pk}"' in page
    assert f'value="{elsewhere.pk}"' not in page

    page = body(instructor_client.get(url(quiz, "bank/"), {"topic": "lambda", "kind": "truefalse"}))
    assert f'value="{below.pk}"' in page
    assert f'value="{bank[2].pk}"' not in page
    assert "1 question" in text(page)


def test_bank_filter_is_live_with_htmx(instructor_client, quiz, bank):
    response = instructor_client.get(
        url(quiz, "bank/"), {"kind": "choice"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert body(response).lstrip().startswith('<div id="bank-results">')
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "essay"}, "There is no kind of question “essay”, so every kind is shown."),
        (
            {"topic": "no-such"},
            "There is no topic “no-such”, so questions on every topic are shown.",
        ),
        ({"page": "0"}, "That page number could not be read, so the first page is shown."),
        ({"page": "x"}, "That page number could not be read"),
    ],
)
def test_a_bad_query_string_is_refused_and_everything_shown(
    instructor_client, quiz, bank, query, message
):
    response = instructor_client.get(url(quiz, "bank/"), query)
    assert response.status_code == 400
    assert message in text(body(response))
    assert "3 questions" in text(body(response))


def test_an_unknown_topic_keeps_the_other_filters(instructor_client, quiz, bank, topic):
    tf = make_question(20, kind=spec.TRUEFALSE, topic=topic)
    response = instructor_client.get(
        url(quiz, "bank/"), {"topic": "nonexistent", "kind": "truefalse"}
    )
    assert response.status_code == 400
    page = body(response)
    assert "There is no topic “nonexistent”" in text(page)
    assert f'value="{tf.pk}"' in page
    assert f'value="{bank[2].pk}"' not in page  # a choice question: the kind filter still holds
    assert "1 question" in text(page)
    assert '<option value="truefalse" selected>' in page


def test_bank_is_paged(instructor_client, quiz, topic):
    for n in range(10, 40):
        make_question(n, kind=spec.TRUEFALSE, topic=topic)
    first = body(instructor_client.get(url(quiz, "bank/"), {"kind": "truefalse"}))
    assert first.count('name="questions"') == 25
    assert "page 1 of 2" in text(first)
    assert "?kind=truefalse&amp;page=2" in first
    second = body(instructor_client.get(url(quiz, "bank/"), {"kind": "truefalse", "page": "2"}))
    assert second.count('name="questions"') == 5


def test_add_ticked_questions_at_the_end_skipping_duplicates(instructor_client, quiz, bank):
    response = instructor_client.post(
        url(quiz, "questions/add/"),
        {"questions": [bank[2].pk, bank[0].pk], "kind": "choice", "page": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/bank/?kind=choice&page=1"
    assert slot_order(quiz) == [bank[0].pk, bank[1].pk, bank[2].pk]
    assert quiz.slots.last().points == Decimal(1)
    page = text(body(instructor_client.get(response["Location"])))
    assert "Added 1 question to the quiz. 1 was already in it." in page


def test_adding_nothing_or_a_foreign_question_is_refused(
    instructor_client, quiz, django_user_model
):
    other = django_user_model.objects.create_user(username="other")
    theirs = make_question(30, kind=spec.SHORT, author=other)
    response = instructor_client.post(url(quiz, "questions/add/"), {})
    assert response.status_code == 400
    assert "Tick at least one question to add." in text(body(response))
    response = instructor_client.post(url(quiz, "questions/add/"), {"questions": [theirs.pk]})
    assert response.status_code == 400
    assert "not in your bank" in text(body(response))
    assert quiz.slots.count() == 2


# Writing a question -----------------------------------------------------------------------------


def write_data(**changes) -> dict:
    data = {
        "kind": "choice",
        "topic": "lambda",
        "prompt": "Which **runtime** is managed?",
        "options": "* Node.js\nCOBOL\nFortran",
        "truth": "",
        "accepted": "",
        "value": "",
        "unit": "",
        "tolerance": "0",
        "pairs": "",
        "explanation": "Lambda manages Node.js.",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {},
            {
                "kind": "choice",
                "options": ["Node.js", "COBOL", "Fortran"],
                "answers": ["Node.js"],
            },
        ),
        (
            {"kind": "multi", "options": "*Node.js\n* Python\nCOBOL"},
            {"options": ["Node.js", "Python", "COBOL"], "answers": ["Node.js", "Python"]},
        ),
        ({"kind": "truefalse", "truth": "false"}, {"answers": ["false"], "options": []}),
        (
            {"kind": "short", "accepted": "Node.js\n\n  node  \n"},
            {"answers": ["Node.js", "node"], "options": []},
        ),
        (
            {"kind": "numeric", "value": "1,000", "unit": "s", "tolerance": "5"},
            {"answers": ["1000"], "unit": "s", "tolerance": 5.0},
        ),
        (
            {"kind": "matching", "pairs": "Lambda -> functions\nS3 → objects\n-> queues"},
            {
                "items": ["Lambda", "S3"],
                "answers": ["functions", "objects"],
                "options": ["functions", "objects", "queues"],
            },
        ),
    ],
)
def test_write_each_kind(instructor_client, instructor, quiz, topic, changes, expected):
    response = instructor_client.post(url(quiz, "questions/write/"), write_data(**changes))
    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/edit/#questions"
    question = Question.objects.get(author=instructor)
    assert question.topic == topic
    assert question.prompt == "Which **runtime** is managed?"
    assert question.key.startswith("author-")
    for name, value in expected.items():
        assert getattr(question, name) == value, name
    assert slot_order(quiz)[-1] == question.pk


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"options": "Node.js\nCOBOL"}, "options", "Mark exactly one option as right."),
        ({"options": "* Node.js\n* COBOL"}, "options", "Mark exactly one option as right."),
        ({"options": "* Node.js"}, "options", "Give at least two different options."),
        ({"options": "* Node.js\nNode.js"}, "options", "Each option must be different."),
        ({"kind": "multi", "options": "A\nB"}, "options", "Mark at least one option as right."),
        ({"kind": "truefalse"}, "truth", "Say whether the statement is true or false."),
        ({"kind": "short", "accepted": " \n "}, "accepted", "Give at least one accepted answer."),
        ({"kind": "numeric", "value": "lots"}, "value", "Write the value as a number"),
        ({"kind": "numeric", "value": "1,5"}, "value", "Use a dot for decimals: 1.5"),
        ({"kind": "numeric", "value": "−2,25"}, "value", "Use a dot for decimals: -2.25"),
        ({"kind": "numeric", "value": "1,5,0"}, "value", "Write the value as a number"),
        ({"kind": "numeric", "value": ""}, "value", "The answer must be a number."),
        ({"kind": "numeric", "value": "5", "tolerance": "-1"}, "tolerance", "greater than or"),
        ({"kind": "numeric", "value": "5", "unit": "kg"}, "unit", "Select a valid choice"),
        ({"kind": "matching", "pairs": "Lambda -> functions"}, "pairs", "at least two pairs"),
        ({"kind": "matching", "pairs": "A -> x\nA -> y"}, "pairs", "must be different"),
        ({"kind": "matching", "pairs": "A -> x\nB"}, "pairs", "both sides"),
        ({"prompt": ""}, "prompt", "This field is required."),
        ({"topic": ""}, "topic", "This field is required."),
        ({"kind": "essay"}, "kind", "Select a valid choice"),
    ],
)
def test_write_refuses_what_cannot_be_graded(instructor_client, quiz, changes, field, message):
    data = write_data(**changes)
    response = instructor_client.post(url(quiz, "questions/write/"), data)
    assert response.status_code == 400
    page = body(response)
    errors = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</ul>', page, re.S)
    assert errors, page
    assert message in html.unescape(errors.group(1))
    assert not Question.objects.filter(author__isnull=False).exists()
    assert html.escape(data["prompt"], quote=False) in page  # nothing typed is lost


def test_preview_renders_markdown_and_the_answer_without_saving(instructor_client, quiz):
    data = write_data(preview="1", prompt="Which **runtime** is <script>x</script> managed?")
    response = instructor_client.post(
        url(quiz, "questions/write/"), data, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = body(response)
    assert page.lstrip().startswith('<section id="question-preview"')
    assert "<strong>runtime</strong>" in page
    assert "<script>" not in page
    assert "Answer: Node.js" in text(page)
    assert "✓ right" in page
    assert not Question.objects.filter(author__isnull=False).exists()


def test_preview_of_a_bad_question_says_what_is_wrong(instructor_client, quiz):
    data = write_data(preview="1", kind="numeric", value="900", unit="s", tolerance="")
    response = instructor_client.post(url(quiz, "questions/write/"), data)  # no JavaScript
    assert response.status_code == 200
    page = text(body(response))
    assert "Answer: 15 min" in page
    data = write_data(preview="1", options="A\nB")
    page = text(body(instructor_client.post(url(quiz, "questions/write/"), data)))
    assert "Not ready to save yet: Mark exactly one option as right." in page


def test_write_page_offers_the_units_by_name(instructor_client, quiz):
    page = text(body(instructor_client.get(url(quiz, "questions/write/"))))
    for label in ("plain number", "seconds (any time unit)", "bytes (any size unit)"):
        assert label in page


def test_write_page_says_options_are_plain_text(instructor_client, quiz):
    page = body(instructor_client.get(url(quiz, "questions/write/")))
    options = re.search(r'id="id_options_helptext">([^<]*)<', page).group(1)
    assert "plain text (not Markdown)" in options
    pairs = re.search(r'id="id_pairs_helptext">([^<]*)<', page).group(1)
    assert "plain text (not Markdown)" in pairs


# Results and grades -----------------------------------------------------------------------------


def test_results_empty_state(instructor_client, quiz):
    page = text(body(instructor_client.get(url(quiz, "results/"))))
    assert "No attempts yet." in page


def test_results_submit_attempts_whose_time_ran_out(instructor_client, published, student, bank):
    published.time_limit = timedelta(minutes=10)
    published.save()
    started = timezone.now() - timedelta(hours=1)
    attempt = attempts.attempt_start(quiz=published, user=student, now=started)
    slot = published.slots.get(question=bank[0])
    attempts.response_save(attempt=attempt, slot=slot, values=["right 1"], now=started)

    html = body(instructor_client.get(url(published, "results/")))
    page = text(html)

    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert attempt.submitted_at == started + timedelta(minutes=10)
    assert "1 / 2" in page and "50.0%" in page and "10 min" in page
    # The quiz's total next to the mean and median, not mistaken for the best score.
    summary = text(re.search(r'<dl class="results-summary">(.*?)</dl>', html, re.S).group(1))
    assert "Mean 50.0% Median 50.0% Out of 2 points" in summary


def test_grades_csv(instructor_client, published, student, outsider, bank, django_user_model):
    published.attempts_allowed = 0
    published.save()
    evil = django_user_model.objects.create_user(username="=cmd|calc")
    take(published, student, {bank[0].pk: ["wrong 1"]})
    take(published, student, {bank[0].pk: ["right 1"], bank[1].pk: ["right 2"]})
    take(published, outsider, {bank[0].pk: ["right 1"]})
    take(published, evil, {})
    published.assigned_to.set([student, outsider, evil])
    late = django_user_model.objects.create_user(username="late")
    published.assigned_to.add(late)

    response = instructor_client.get(url(published, "grades.csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lambda-basics-grades.csv"'
    rows = csv_rows(response)
    assert rows[0] == [
        "username",
        "attempts",
        "best score",
        "max",
        "percent",
        "time taken",
        "submitted at",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert list(by_name) == ["'=cmd|calc", "late", "outsider", "student"]
    assert by_name["student"][1:6] == ["2", "2.00", "2.00", "100.0", "3 min"]
    assert by_name["outsider"][1:5] == ["1", "1.00", "2.00", "50.0"]
    assert by_name["'=cmd|calc"][1:5] == ["1", "0.00", "2.00", "0.0"]
    assert by_name["late"] == ["late", "0", "", "2.00", "", "", ""]
    submitted = datetime.fromisoformat(by_name["student"][6])
    best = Attempt.objects.get(user=student, number=2)
    assert submitted == best.submitted_at.replace(microsecond=0)


# GIFT -------------------------------------------------------------------------------------------

GOOD_GIFT = """::Timeout::What is the maximum timeout of a Lambda function? {#900:0}

::Runtime::Which runtime does Lambda manage? {=Node.js ~COBOL ~Fortran}
"""

MIXED_GIFT = """::Good one::Is S3 object storage? {TRUE}

::Broken::Which one? {=A ~B

::No right::Which is right? {~A ~B}

::Good two::Name the compute service. {=Lambda =AWS Lambda}
"""


def test_gift_export_downloads_the_questions_with_points(instructor_client, quiz):
    slot = quiz.slots.last()
    slot.points = Decimal("3")
    slot.save()
    response = instructor_client.get(url(quiz, "gift/"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lambda-basics.gift.txt"'
    parsed = gift_read.gift_parse(response.content.decode("utf-8"))
    assert parsed.errors == []
    assert [q.spec.prompt for q in parsed.questions] == ["Question number 1?", "Question number 2?"]
    assert [q.points for q in parsed.questions] == [1.0, 3.0]


def test_gift_round_trip_through_the_views(instructor_client, instructor, quiz, topic):
    # One question of every kind, with points, in a quiz; out as GIFT and into an empty quiz.
    kinds = [
        make_question(40, kind=spec.TRUEFALSE, topic=topic, explanation="Because *so*."),
        make_question(41, kind=spec.SHORT, topic=topic, answers=["Lambda", "AWS Lambda"]),
        make_question(42, kind=spec.NUMERIC, topic=topic, tolerance=30.0),
        make_question(43, kind=spec.NUMERIC, unit="", answers=["2.5"], tolerance=0.5),
        make_question(
            44,
            kind=spec.CHOICE,
            options=["x {y}", "a = b", "c ~ d"],
            answers=["a = b"],
            sources=[{"note": "lambda", "title": "Lambda", "heading": "Limits", "line": 3}],
        ),
        make_question(45, kind=spec.MULTI, options=["A", "B", "C"], answers=["A", "C"]),
        make_question(
            46,
            kind=spec.MATCHING,
            items=["Lambda", "S3", "SQS"],
            options=["objects", "functions", "queues", "streams"],
            answers=["functions", "objects", "queues"],
        ),
    ]
    for n, question in enumerate(kinds, start=2):
        QuizQuestion.objects.create(quiz=quiz, question=question, order=n, points=Decimal(n))
    exported = instructor_client.get(url(quiz, "gift/")).content
    target = Quiz.objects.create(owner=instructor, title="Copy")

    upload = SimpleUploadedFile("lambda-basics.gift.txt", exported, content_type="text/plain")
    response = instructor_client.post(url(target, "gift/import/"), {"file": upload})

    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{target.pk}/edit/#questions"
    fields = ["kind", "prompt", "items", "options", "answers", "tolerance", "unit", "explanation"]
    fields += ["topic_id", "sources"]

    def shape(q: Quiz):
        return [
            ({f: getattr(s.question, f) for f in fields}, s.points)
            for s in q.slots.select_related("question")
        ]

    assert shape(target) == shape(quiz)
    copies = [s.question for s in target.slots.select_related("question")]
    assert {q.author for q in copies} == {instructor}
    assert not {q.key for q in copies} & {s.question.key for s in quiz.slots.all()}


def test_gift_import_keeps_the_good_questions_and_lists_the_bad(instructor_client, quiz, bank):
    response = instructor_client.post(url(quiz, "gift/import/"), {"text": MIXED_GIFT})

    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/gift/import/"
    added = [s.question for s in quiz.slots.select_related("question")][2:]
    assert [q.prompt for q in added] == ["Is S3 object storage?", "Name the compute service."]
    assert [q.kind for q in added] == ["truefalse", "short"]
    page = text(body(instructor_client.get(response["Location"])))
    assert "Imported 2 questions into the quiz." in page
    assert "Not imported: Question 2 (line 3):" in page
    assert "Not imported: Question 3 (line 5):" in page


def test_gift_import_of_nothing_readable_keeps_the_text(instructor_client, quiz):
    response = instructor_client.post(url(quiz, "gift/import/"), {"text": "::Broken::{=A ~B"})
    assert response.status_code == 400
    page = body(response)
    assert "Nothing was imported" in text(page)
    assert "::Broken::{=A ~B" in html.unescape(page)
    assert quiz.slots.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Upload a GIFT file or paste GIFT text."),
        (
            {"file": SimpleUploadedFile("big.gift", b"x" * 1_000_001)},
            "The file is larger than 1 MB",
        ),
        ({"text": "x" * 1_000_001}, "The text is larger than 1 MB"),
        ({"file": SimpleUploadedFile("q.gift", "Süß?{T}".encode("latin-1"))}, "not UTF-8"),
        ({"file": SimpleUploadedFile("q.docx", b"x{T}")}, "Upload a .gift or .txt file."),
        (
            {"file": SimpleUploadedFile("q.gift", b"Q?{T}"), "text": "Q?{T}"},
            "Upload a file or paste text, not both.",
        ),
    ],
)
def test_gift_import_refusals(instructor_client, quiz, data, message):
    response = instructor_client.post(url(quiz, "gift/import/"), data)
    assert response.status_code == 400
    assert message in text(body(response))
    assert quiz.slots.count() == 2


# Editing and retiring one's own questions -------------------------------------------------------


def edit_url(quiz: Quiz, question: Question, action: str = "edit") -> str:
    return url(quiz, f"questions/{question.pk}/{action}/")


@pytest.fixture
def mine(instructor, quiz, topic) -> Question:
    """A question the instructor wrote, third in the quiz."""
    question = make_question(
        50, kind=spec.SHORT, topic=topic, author=instructor, answers=["Lambda"]
    )
    QuizQuestion.objects.create(quiz=quiz, question=question, order=2)
    return question


def test_own_questions_offer_edit_and_remove_others_do_not(instructor_client, quiz, bank, mine):
    page = body(instructor_client.get(url(quiz)))
    assert page.count('/edit/">Edit') == 1
    assert f'href="{edit_url(quiz, mine)}"' in page
    assert edit_url(quiz, bank[0]) not in page  # generated: follows the notes, nobody edits it

    page = body(instructor_client.get(url(quiz, "bank/")))
    assert f'href="{edit_url(quiz, mine)}"' in page
    assert f'action="{edit_url(quiz, mine, "retire")}"' in page
    assert page.count("Remove from my bank") == 1
    assert edit_url(quiz, bank[2]) not in page


def test_the_edit_form_is_prefilled(instructor_client, quiz, mine):
    response = instructor_client.get(edit_url(quiz, mine))
    assert response.status_code == 200
    page = body(response)
    assert "Edit a question you wrote" in text(page)
    assert f'action="{edit_url(quiz, mine)}"' in page
    assert re.search(r'<option value="short" selected>', page)
    assert re.search(r'<option value="lambda" selected>', page)
    assert "Question number 50?</textarea>" in page
    assert re.search(r'name="accepted"[^>]*>\s*Lambda</textarea>', page)
    assert "Save changes" in page


def test_edit_a_question_nobody_has_answered_changes_it_in_place(
    instructor_client, quiz, mine, bank
):
    data = write_data(kind="short", accepted="Lambda\nAWS Lambda", prompt="Which service?")
    response = instructor_client.post(edit_url(quiz, mine), data)
    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/edit/#questions"
    mine.refresh_from_db()
    assert (mine.prompt, mine.answers, mine.retired_at) == (
        "Which service?",
        ["Lambda", "AWS Lambda"],
        None,
    )
    assert slot_order(quiz) == [bank[0].pk, bank[1].pk, mine.pk]
    assert "Question saved." in text(body(instructor_client.get(response["Location"])))


def test_edit_a_question_already_answered_makes_a_new_one_for_this_quiz(
    instructor_client, instructor, quiz, mine, student, bank
):
    attempted = Quiz.objects.create(
        owner=instructor, title="Last week", published_at=timezone.now()
    )
    old_slot = QuizQuestion.objects.create(quiz=attempted, question=mine)
    done = take(attempted, student, {mine.pk: ["Lambda"]})
    assert done.score == 1

    data = write_data(kind="short", accepted="EC2", prompt="Which service is not serverless?")
    response = instructor_client.post(edit_url(quiz, mine), data)

    assert response.status_code == 302
    new = Question.objects.get(prompt="Which service is not serverless?")
    assert new.pk != mine.pk and new.key != mine.key and new.author == instructor
    # This quiz has the new one in the old one's place; the attempted quiz keeps the old one.
    assert slot_order(quiz) == [bank[0].pk, bank[1].pk, new.pk]
    old_slot.refresh_from_db()
    assert old_slot.question_id == mine.pk
    mine.refresh_from_db()
    assert (mine.prompt, mine.answers) == ("Question number 50?", ["Lambda"])
    assert mine.retired_at is not None  # out of the bank, still in the quiz that used it
    page = text(body(instructor_client.get(response["Location"])))
    assert "saved as a new question" in page
    assert "In this quiz, the new one replaces the old one." in page
    bank_page = body(instructor_client.get(url(quiz, "bank/")))
    assert f'value="{new.pk}"' in bank_page and f'value="{mine.pk}"' not in bank_page


def test_edit_refuses_what_cannot_be_graded(instructor_client, quiz, mine):
    response = instructor_client.post(edit_url(quiz, mine), write_data(kind="short", accepted=""))
    assert response.status_code == 400
    assert "Give at least one accepted answer." in text(body(response))
    mine.refresh_from_db()
    assert mine.answers == ["Lambda"]


def test_edit_preview_with_htmx(instructor_client, quiz, mine):
    data = write_data(preview="1", kind="short", accepted="Fargate", prompt="Which *one*?")
    response = instructor_client.post(edit_url(quiz, mine), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = body(response)
    assert page.lstrip().startswith('<section id="question-preview"')
    assert "Answer: Fargate" in text(page)
    mine.refresh_from_db()
    assert mine.answers == ["Lambda"]


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (spec.CHOICE, {"options": ["*starred", "\\slash", "right"], "answers": ["right"]}),
        (spec.MULTI, {"options": ["A", "B", "C"], "answers": ["A", "C"]}),
        (spec.TRUEFALSE, {"answers": ["false"]}),
        (spec.SHORT, {"answers": ["one", "two"]}),
        (spec.NUMERIC, {"answers": ["2.5"], "unit": "", "tolerance": 0.5}),
        (
            spec.MATCHING,
            {"items": ["a", "b"], "options": ["x", "y", "z"], "answers": ["x", "y"]},
        ),
    ],
)
def test_saving_the_prefilled_form_unchanged_changes_nothing(
    instructor_client, instructor, quiz, topic, kind, fields
):
    from studyapp.quizzes.instructor_forms import QuestionWriteForm

    question = make_question(60, kind=kind, topic=topic, author=instructor, **fields)
    before = Question.objects.filter(pk=question.pk).values().get()
    initial = QuestionWriteForm.initial_for(question)
    data = write_data(**{k: v for k, v in initial.items() if k != "topic"})
    data["topic"] = topic.slug
    response = instructor_client.post(edit_url(quiz, question), data)
    assert response.status_code == 302
    assert Question.objects.filter(pk=question.pk).values().get() == before
    assert "Nothing changed." in text(body(instructor_client.get(response["Location"])))


def test_remove_from_my_bank(instructor_client, instructor, quiz, mine, topic):
    other = make_question(51, kind=spec.SHORT, topic=topic, author=instructor)
    response = instructor_client.post(
        edit_url(quiz, other, "retire"), {"topic": "lambda", "kind": "short", "page": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/bank/?topic=lambda&kind=short&page=1"
    other.refresh_from_db()
    assert other.retired_at is not None
    page = body(instructor_client.get(response["Location"]))
    assert f'value="{other.pk}"' not in page
    assert "Removed from your bank. It stays in the quizzes that already use it." in text(page)
    # One in a quiz stays there.
    instructor_client.post(edit_url(quiz, mine, "retire"))
    assert slot_order(quiz)[-1] == mine.pk
    assert Question.objects.get(pk=mine.pk).retired_at is not None


def test_remove_from_my_bank_asks_first_with_htmx(instructor_client, quiz, mine):
    page = body(instructor_client.get(url(quiz, "bank/")))
    retire = re.search(rf'<form [^>]*id="retire-{mine.pk}"[^>]*>', page).group(0)
    assert f'hx-post="{edit_url(quiz, mine, "retire")}"' in retire
    assert 'hx-confirm="Remove this question from your bank? It stays in the quizzes' in retire
    response = instructor_client.post(
        edit_url(quiz, mine, "retire"), {"kind": "short"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/quizzes/{quiz.pk}/bank/?kind=short"
    assert Question.objects.get(pk=mine.pk).retired_at is not None


def test_edit_and_retire_methods(instructor_client, quiz, mine):
    assert instructor_client.put(edit_url(quiz, mine)).status_code == 405
    assert instructor_client.delete(edit_url(quiz, mine)).status_code == 405
    assert instructor_client.get(edit_url(quiz, mine, "retire")).status_code == 405
    assert Question.objects.get(pk=mine.pk).retired_at is None


def test_only_the_author_may_edit_or_retire(
    client, client_as, django_user_model, instructor, quiz, mine, bank, student_client, topic
):
    from studyapp.accounts.services import user_grant_instructor

    # Another instructor, in their own quiz: someone else's question does not exist for them.
    django_user_model.objects.create_user(username="other", password="x")
    other = user_grant_instructor(username="other")
    their_quiz = Quiz.objects.create(owner=other, title="Theirs")
    other_client = client_as(other)
    for action in ("edit", "retire"):
        assert other_client.post(edit_url(their_quiz, mine, action)).status_code == 404
    assert other_client.get(edit_url(their_quiz, mine)).status_code == 404
    # ... and nor does their quiz for the instructor.
    theirs = make_question(70, kind=spec.SHORT, author=other, topic=topic)
    assert client_as(instructor).get(edit_url(their_quiz, theirs)).status_code == 404
    # The instructor's own quiz, someone else's question or a generated one: 404.
    own_client = client_as(instructor)
    for question in (theirs, bank[0]):
        assert own_client.get(edit_url(quiz, question)).status_code == 404
        assert own_client.post(edit_url(quiz, question, "retire")).status_code == 404
    assert own_client.get(url(quiz, "questions/999999/edit/")).status_code == 404
    # A retired question is no longer editable.
    own_client.post(edit_url(quiz, mine, "retire"))
    assert own_client.get(edit_url(quiz, mine)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.retired_at is None and bank[0].retired_at is None
    # Anonymous: log in first.
    response = client.get(edit_url(quiz, theirs))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_student_gets_403_on_an_assigned_quiz(student_client, published, mine):
    assert student_client.get(edit_url(published, mine)).status_code == 403
    assert student_client.post(edit_url(published, mine, "retire")).status_code == 403


def test_the_403_page_has_the_site_layout_and_says_why(student_client, published):
    response = student_client.get(url(published))
    assert response.status_code == 403
    page = body(response)
    assert (
        '<header class="site-header">' in page and "<title>Not allowed · studyapp</title>" in page
    )
    assert "Only the quiz's owner can change it or see its results." in text(page)
    assert '<a href="/quizzes/">Quizzes</a>' in page


def test_staff_may_edit_anyones_written_question(client_as, django_user_model, quiz, mine, bank):
    staff = django_user_model.objects.create_user(username="admin", is_staff=True)
    admin = client_as(staff)
    assert admin.get(edit_url(quiz, mine)).status_code == 200
    data = write_data(kind="short", accepted="Lambda", prompt="Edited by staff?")
    assert admin.post(edit_url(quiz, mine), data).status_code == 302
    mine.refresh_from_db()
    assert mine.prompt == "Edited by staff?" and mine.author.username == "instructor"
    assert admin.get(edit_url(quiz, bank[0])).status_code == 404  # generated: nobody's
