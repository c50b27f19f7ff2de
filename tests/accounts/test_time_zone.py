"""Pages show times in the signed-in user's own time zone (studyapp/accounts/middleware.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from studyapp.accounts.models import profile_for
from studyapp.quizzes.models import Quiz
from tests.factories import question_make, quiz_make

CLOSES = datetime(2030, 3, 8, 14, 30, tzinfo=UTC)


def _published_quiz(instructor) -> Quiz:
    question = question_make("tz-q", "truefalse", "Lambda runs code.", ["true"])
    return quiz_make(instructor, [question], title="Limits", published_at=CLOSES, closes_at=CLOSES)


def test_a_student_sees_the_close_date_in_their_own_time_zone(instructor, student, client_as):
    quiz = _published_quiz(instructor)
    profile = profile_for(student)
    profile.time_zone = "Asia/Kolkata"  # UTC+5:30
    profile.save()
    student_client = client_as(student)  # read at login

    page = student_client.get(f"/quizzes/{quiz.pk}/").content.decode()

    assert "8 Mar 2030, 20:00 IST" in page


def test_a_user_without_a_zone_of_their_own_sees_utc(instructor, student, student_client):
    quiz = _published_quiz(instructor)

    page = student_client.get(f"/quizzes/{quiz.pk}/").content.decode()

    assert "8 Mar 2030, 14:30 UTC" in page


def test_changing_the_time_zone_in_the_study_options_applies_on_the_next_page(
    instructor, student, student_client
):
    quiz = _published_quiz(instructor)
    assert student_client.get(f"/quizzes/{quiz.pk}/").content.decode().count("14:30 UTC")
    options = {
        "new_per_day": "20",
        "reviews_per_day": "200",
        "desired_retention": "0.9",
        "time_zone": "Europe/Istanbul",  # UTC+3, no daylight saving
    }

    assert student_client.post("/decks/everything/", options).status_code == 302
    page = student_client.get(f"/quizzes/{quiz.pk}/").content.decode()

    assert "8 Mar 2030, 17:30 +03" in page


def test_a_time_zone_this_machine_does_not_know_falls_back_to_utc(instructor, student, client_as):
    quiz = _published_quiz(instructor)
    profile = profile_for(student)
    profile.time_zone = "Mars/Olympus_Mons"
    profile.save()
    student_client = client_as(student)

    page = student_client.get(f"/quizzes/{quiz.pk}/").content.decode()

    assert "8 Mar 2030, 14:30 UTC" in page


def test_a_session_from_before_the_time_zone_was_remembered_reads_the_profile(
    instructor, student, student_client
):
    quiz = _published_quiz(instructor)
    session = student_client.session
    del session["time_zone"]
    session.save()
    profile = profile_for(student)
    profile.time_zone = "Asia/Kolkata"
    profile.save()

    page = student_client.get(f"/quizzes/{quiz.pk}/").content.decode()

    assert "8 Mar 2030, 20:00 IST" in page


def test_the_quiz_settings_form_reads_dates_in_the_zone_changed_in_another_session(
    instructor, client_as
):
    laptop, phone = client_as(instructor), client_as(instructor)  # both remember UTC
    options = {
        "new_per_day": "20",
        "reviews_per_day": "200",
        "desired_retention": "0.9",
        "time_zone": "Europe/Istanbul",  # UTC+3, no daylight saving
    }
    assert phone.post("/decks/everything/", options).status_code == 302

    assert "In your time zone (Europe/Istanbul)" in laptop.get("/quizzes/new/").content.decode()
    response = laptop.post(
        "/quizzes/new/",
        {
            "title": "Limits",
            "layout": "one",
            "feedback": "immediately",
            "attempts_allowed": "1",
            "closes_at": "2030-03-08T17:30",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Quiz.objects.get(title="Limits").closes_at == CLOSES  # 17:30 in Istanbul
