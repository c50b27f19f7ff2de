"""The learner's quiz pages over HTTP: the list and the practice form, one quiz, starting, taking
an attempt (one question per screen with checks, or all at once), autosave, the server's deadline
with time travel, submitting, the score page with each feedback policy, retrying the misses,
the dashboard's assigned quizzes; the wrong user and the wrong method for every view; query counts.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from studyapp.decks.models import CardState
from studyapp.quizzes import attempts, spec
from studyapp.quizzes.models import Attempt, Question, Quiz, QuizQuestion
from studyapp.quizzes.models import Response as Answer
from tests.quizzes.test_attempts import T0, Bank, make_bank, make_quiz

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def bank(db) -> Bank:
    return make_bank()


@pytest.fixture
def quiz(bank: Bank, instructor) -> Quiz:
    """An instructor's quiz of every kind, all on one page, open to every student."""
    return make_quiz(instructor, list(bank.questions.values()), layout=Quiz.Layout.ALL_AT_ONCE)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(T0, tick=False)
    return time_machine


def body(response) -> str:
    return response.content.decode()


def start(client, quiz: Quiz) -> Attempt:
    response = client.post(f"/quizzes/{quiz.pk}/start/")
    assert response.status_code == 302, body(response)
    return Attempt.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))


def slot_of(attempt: Attempt, kind: str) -> QuizQuestion:
    return attempt.quiz.slots.get(question__kind=kind)


def practice(client, bank: Bank, **data) -> Attempt:
    data = {"count": 10, "kinds": list(spec.KINDS), "layout": "one", **data}
    response = client.post("/quizzes/practice/", data)
    assert response.status_code == 302, body(response)
    assert re.fullmatch(r"/quizzes/attempts/\d+/", response.url)
    return Attempt.objects.get(pk=int(response.url.split("/")[3]))


def urls(attempt: Attempt) -> dict[str, str]:
    base = f"/quizzes/attempts/{attempt.pk}/"
    slot = attempt.slot_order[0]
    return {
        "take": base,
        "answer": f"{base}answer/{slot}/",
        "submit": f"{base}submit/",
        "review": f"{base}review/",
        "retry": f"{base}retry/",
    }


# Login, the wrong method, the wrong user ---------------------------------------------------------


@pytest.fixture
def every_url(quiz, student) -> dict[str, tuple[str, str]]:
    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    u = urls(attempt)
    return {
        "list": ("GET", "/quizzes/"),
        "practice": ("POST", "/quizzes/practice/"),
        "detail": ("GET", f"/quizzes/{quiz.pk}/"),
        "start": ("POST", f"/quizzes/{quiz.pk}/start/"),
        "take": ("GET", u["take"]),
        "answer": ("POST", u["answer"]),
        "submit": ("POST", u["submit"]),
        "review": ("GET", u["review"]),
        "retry": ("POST", u["retry"]),
    }


def test_every_page_needs_a_login(client, every_url):
    for name, (method, url) in every_url.items():
        response = client.get(url) if method == "GET" else client.post(url)
        assert response.status_code == 302, name
        assert response.url.startswith("/accounts/login/"), name


def test_every_page_refuses_the_wrong_method(student_client, every_url):
    for name, (method, url) in every_url.items():
        wrong = student_client.post(url) if method == "GET" else student_client.get(url)
        assert wrong.status_code == 405, name
        assert student_client.put(url).status_code == 405, name


def test_anothers_attempt_is_not_found(outsider_client, every_url):
    for name in ("take", "answer", "submit", "review", "retry"):
        method, url = every_url[name]
        response = outsider_client.get(url) if method == "GET" else outsider_client.post(url)
        assert response.status_code == 404, name
    assert not Answer.objects.exists()
    assert not Attempt.objects.filter(submitted_at__isnull=False).exists()


def test_anothers_practice_quiz_is_not_found(student_client, outsider_client, bank):
    attempt = practice(student_client, bank)
    quiz = attempt.quiz
    assert student_client.get(f"/quizzes/{quiz.pk}/").status_code == 200
    assert outsider_client.get(f"/quizzes/{quiz.pk}/").status_code == 404
    assert outsider_client.post(f"/quizzes/{quiz.pk}/start/").status_code == 404
    assert quiz.attempts.count() == 1


def test_a_quiz_assigned_to_someone_else_is_not_found(
    quiz, outsider, student_client, outsider_client
):
    quiz.assigned_to.set([outsider])
    assert student_client.get(f"/quizzes/{quiz.pk}/").status_code == 404
    assert student_client.post(f"/quizzes/{quiz.pk}/start/").status_code == 404
    assert outsider_client.get(f"/quizzes/{quiz.pk}/").status_code == 200
    assert not Attempt.objects.exists()


def test_the_404_page_has_the_site_layout_and_says_what(
    quiz, outsider, student_client, outsider_client
):
    quiz.assigned_to.set([outsider])
    response = student_client.get(f"/quizzes/{quiz.pk}/")
    assert response.status_code == 404
    page = body(response)
    assert '<header class="site-header">' in page and "<title>Not found · studyapp</title>" in page
    assert "<h1>Page not found</h1>" in page and "<p>No such quiz.</p>" in page
    assert '<a href="/">Home</a>' in page and '<a href="/quizzes/">Quizzes</a>' in page
    # An address nothing answers has no message of its own (not "Resolver404").
    page = body(student_client.get("/quizzes/no/such/page/"))
    assert "There is nothing at this address." in page and "Resolver404" not in page


def test_a_draft_is_not_found_by_students(bank, instructor, student_client, instructor_client):
    draft = make_quiz(instructor, [bank.questions[spec.CHOICE]], published_at=None)
    assert student_client.get(f"/quizzes/{draft.pk}/").status_code == 404
    page = body(instructor_client.get(f"/quizzes/{draft.pk}/"))
    assert "A draft: students see it once you publish it." in page
    assert f'href="/quizzes/{draft.pk}/edit/"' in page


def test_a_quiz_naming_nobody_is_not_found_by_other_instructors(quiz, client_as, student_client):
    from studyapp.accounts.services import user_grant_instructor

    type(quiz.owner).objects.create_user(username="colleague")
    colleague = client_as(user_grant_instructor(username="colleague"))
    assert colleague.get(f"/quizzes/{quiz.pk}/").status_code == 404
    assert colleague.post(f"/quizzes/{quiz.pk}/start/").status_code == 404
    assert quiz.title not in body(colleague.get("/quizzes/"))
    assert student_client.get(f"/quizzes/{quiz.pk}/").status_code == 200
    assert not Attempt.objects.exists()


def test_the_owner_gets_management_links_not_a_start_button(quiz, instructor_client):
    page = body(instructor_client.get(f"/quizzes/{quiz.pk}/"))
    assert f'action="/quizzes/{quiz.pk}/start/"' not in page
    assert "You manage this quiz; students take it." in page
    assert (
        f'href="/quizzes/{quiz.pk}/edit/#questions">Preview its questions in the builder</a>'
        in page
    )
    assert f'href="/quizzes/{quiz.pk}/edit/"' in page
    assert f'href="/quizzes/{quiz.pk}/results/"' in page
    refused = instructor_client.post(f"/quizzes/{quiz.pk}/start/", follow=True)
    assert refused.redirect_chain == [(f"/quizzes/{quiz.pk}/", 302)]
    assert "You manage this quiz" in body(refused)
    assert not Attempt.objects.exists()


def test_a_question_not_in_the_attempt_is_not_found(quiz, bank, instructor, student_client):
    other = make_quiz(instructor, [bank.questions[spec.CHOICE]], title="Other")
    attempt = start(student_client, quiz)
    url = f"/quizzes/attempts/{attempt.pk}/answer/{other.slots.get().pk}/"
    assert student_client.post(url, {"shown": "1"}).status_code == 404


# The list and the practice form ------------------------------------------------------------------


def test_the_list_with_nothing_yet(student_client, db):
    page = body(student_client.get("/quizzes/"))
    assert "The question bank is empty" in page
    assert "Nothing assigned to you right now." in page
    assert "No attempts yet." in page
    assert "Your quizzes" not in page  # not an instructor


def test_the_practice_form(student_client, bank):
    page = body(student_client.get("/quizzes/"))
    assert 'action="/quizzes/practice/"' in page
    # The topic tree: S3 at the top, Lambda Limits inside Lambda, with question counts.
    tree = page[page.index('class="practice-tree"') :]
    assert tree.index("Lambda") < tree.index("Lambda Limits") < tree.index("S3")
    assert re.search(r"> Lambda <span class=\"muted\">\(5\)</span>", page)
    assert re.search(r"> Lambda Limits <span class=\"muted\">\(2\)</span>", page)
    for kind in spec.KINDS:
        assert re.search(rf'<input type="checkbox" name="kinds" value="{kind}"[^>]*checked', page)
    assert re.search(r'name="count" value="10"', page)
    assert "One question per screen, with immediate feedback" in page
    assert "All at once, feedback at the end" in page
    assert re.search(r'<input type="radio" name="layout" value="one"[^>]*checked', page)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"count": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"count": "51"}, "Ensure this value is less than or equal to 50."),
        ({"count": "ten"}, "Enter a whole number."),
        ({"kinds": []}, "Choose at least one kind of question."),
        ({"kinds": ["essay"]}, "Select a valid choice."),
        ({"layout": "sideways"}, "Select a valid choice."),
        ({"topics": ["999999"]}, "That topic no longer exists; choose again."),
    ],
)
def test_bad_practice_values_are_refused_and_nothing_is_lost(student_client, bank, data, message):
    lam = bank.topics["lambda"].pk
    sent = {"count": "7", "kinds": [spec.CHOICE, spec.SHORT], "layout": "all", "topics": [lam]}
    sent.update(data)

    response = student_client.post("/quizzes/practice/", sent)

    assert response.status_code == 400
    page = body(response)
    assert message in page
    assert not Quiz.objects.exists()
    # What was sent is still ticked and typed.
    if "topics" not in data:
        assert re.search(rf'name="topics" value="{lam}" checked', page)
    if "kinds" not in data:
        assert re.search(r'name="kinds" value="choice"[^>]*checked', page)
        assert not re.search(r'name="kinds" value="multi"[^>]*checked', page)
    if "count" not in data:
        assert 'value="7"' in page
    if "layout" not in data:
        assert re.search(r'name="layout" value="all"[^>]*checked', page)


def test_practice_with_no_questions_to_ask_says_so(student_client, bank):
    response = student_client.post(
        "/quizzes/practice/",
        {"count": 5, "kinds": [spec.CHOICE], "layout": "one", "topics": [bank.topics["s3"].pk]},
    )
    assert response.status_code == 400
    assert "The notes give no questions of those kinds on those topics yet." in body(response)


def test_practice_flow_one_by_one(student, student_client, bank, now):
    attempt = practice(
        student_client, bank, topics=[bank.topics["limits"].pk], kinds=list(spec.KINDS)
    )
    assert attempt.user == student and attempt.quiz.is_practice
    assert attempt.quiz.layout == Quiz.Layout.ONE_BY_ONE
    assert {s.question.kind for s in attempt.quiz.slots.all()} == {spec.TRUEFALSE, spec.NUMERIC}
    u = urls(attempt)

    page = body(student_client.get(u["take"]))
    assert (
        'Question <strong>1</strong> of 2 · <span class="quiz-answered">0 answered</span>' in page
    )
    first = Attempt.objects.get(pk=attempt.pk).slot_order[0]
    assert f'action="/quizzes/attempts/{attempt.pk}/answer/{first}/"' in page
    assert 'data-key="check"' in page
    assert "Keys:" in page

    # Answer both (the numeric one right with its unit), checking each, then finish.
    for n, slot_pk in enumerate(attempt.slot_order, start=1):
        kind = QuizQuestion.objects.get(pk=slot_pk).question.kind
        value = {"truefalse": "false", "numeric": "15 min"}[kind]
        answer_url = f"/quizzes/attempts/{attempt.pk}/answer/{slot_pk}/"
        checked = student_client.post(answer_url, {f"a{slot_pk}": value, "check": "1"}, **HTMX)
        assert checked.status_code == 200
        fragment = body(checked)
        assert fragment.strip().startswith('<div id="question"')
        assert "✓ Right" in fragment
        assert "Because the notes say so" in fragment
        assert 'href="/notes/aws-lambda/#L12">AWS Lambda notes</a> › Limits' in fragment
        assert "disabled" in fragment  # a checked answer is final
        if n < 2:
            assert 'name="go" value="2"' in fragment
        else:
            assert f'formaction="/quizzes/attempts/{attempt.pk}/submit/"' in fragment

    done = student_client.post(u["submit"], {"shown": str(attempt.slot_order[-1])})
    assert done.status_code == 302 and done.url == u["review"]
    review = body(student_client.get(u["review"]))
    assert "2 of 2 points" in review and "100%" in review
    assert "Retry the missed ones" not in review


def test_practice_all_at_once(student_client, bank):
    attempt = practice(student_client, bank, layout="all", count=50)
    page = body(student_client.get(urls(attempt)["take"]))
    assert page.count('class="quiz-q"') == 6
    assert page.count('name="shown"') == 6
    assert f'action="/quizzes/attempts/{attempt.pk}/submit/"' in page
    assert "Submit answers" in page and 'data-key="check"' not in page


# Taking an attempt -------------------------------------------------------------------------------


def test_every_kind_has_its_widget_with_options_in_the_dealt_order(
    bank, instructor, student_client
):
    quiz = make_quiz(
        instructor,
        list(bank.questions.values()),
        layout=Quiz.Layout.ALL_AT_ONCE,
        shuffle_options=True,
    )
    attempt = start(student_client, quiz)
    page = body(student_client.get(urls(attempt)["take"]))

    def section(kind: str) -> str:
        pk = slot_of(attempt, kind).pk
        return page[page.index(f'id="q-{pk}"') :].split("</section>", 1)[0]

    for kind in (spec.CHOICE, spec.MULTI):
        pk = slot_of(attempt, kind).pk
        shown = re.findall(rf'name="a{pk}" value="([^"]+)"', section(kind))
        assert shown == attempt.option_order[str(pk)]
    pk = slot_of(attempt, spec.CHOICE).pk
    assert section(spec.CHOICE).count('type="radio"') == 4
    assert section(spec.MULTI).count('type="checkbox"') == 4
    assert re.findall(r'type="radio" name="a\d+" value="(\w+)"', section(spec.TRUEFALSE)) == [
        "true",
        "false",
    ]
    assert ">True</span>" in section(spec.TRUEFALSE)
    assert 'type="text"' in section(spec.SHORT)
    assert "With its unit, e.g. 30 s or 2 min" in section(spec.NUMERIC)
    matching = section(spec.MATCHING)
    assert matching.count("<select") == 3
    pk = slot_of(attempt, spec.MATCHING).pk
    assert re.findall(r'<option value="([^"]+)"', matching)[:3] == attempt.option_order[str(pk)]
    # Prompts are Markdown, sanitised.
    assert "runs <strong>your code</strong> without servers?" in section(spec.CHOICE)
    # Every question autosaves to its own URL, text as it is typed.
    for kind in spec.KINDS:
        pk = slot_of(attempt, kind).pk
        assert f'hx-post="/quizzes/attempts/{attempt.pk}/answer/{pk}/"' in section(kind)
    assert 'hx-trigger="change, input changed delay:600ms"' in section(spec.SHORT)


def test_autosave_then_reload_keeps_the_answers(quiz, student_client, now):
    attempt = start(student_client, quiz)
    base = f"/quizzes/attempts/{attempt.pk}/answer"
    multi, short, matching = (slot_of(attempt, k).pk for k in ("multi", "short", "matching"))

    saved = student_client.post(f"{base}/{multi}/", {f"a{multi}": ["SQS", "IAM"]}, **HTMX)
    student_client.post(f"{base}/{short}/", {f"a{short}": "Elastic thing"}, **HTMX)
    student_client.post(f"{base}/{matching}/", {f"a{matching}": ["", "storage", "compute"]}, **HTMX)

    assert saved.status_code == 200
    assert body(saved) == "Saved 12:00:00"
    page = body(student_client.get(urls(attempt)["take"]))
    assert re.search(rf'name="a{multi}" value="SQS"[^>]*checked', page)
    assert re.search(rf'name="a{multi}" value="IAM"[^>]*checked', page)
    assert not re.search(rf'name="a{multi}" value="Route 53"[^>]*checked', page)
    assert re.search(rf'name="a{short}" value="Elastic thing"', page)
    assert '<option value="storage" selected>' in page
    assert f'id="saved-{short}" aria-live="polite">Saved 12:00:00' in page


def test_a_plain_answer_post_redirects_back_to_the_question(bank, instructor, student_client):
    quiz = make_quiz(instructor, [bank.questions[k] for k in ("choice", "short", "numeric")])
    attempt = start(student_client, quiz)
    first, second = attempt.slot_order[:2]
    url = f"/quizzes/attempts/{attempt.pk}/answer/{first}/"

    moved = student_client.post(url, {f"a{first}": "Amazon S3", "go": "2"})
    stayed = student_client.post(url, {f"a{first}": "AWS Lambda"})

    assert moved.url == f"/quizzes/attempts/{attempt.pk}/?q=2"
    assert stayed.url == f"/quizzes/attempts/{attempt.pk}/?q=1"
    bad = student_client.post(url, {f"a{first}": "Amazon EC2", "go": "zero"})
    assert bad.status_code == 302
    page = body(student_client.get(bad.url, follow=True))
    assert "That answer could not be read" in page
    assert Answer.objects.get(slot_id=first).answer == ["AWS Lambda"]
    assert Answer.objects.filter(slot_id=second).count() == 0


def test_check_without_javascript(bank, student_client):
    attempt = practice(student_client, bank, kinds=[spec.CHOICE], count=1)
    slot = attempt.slot_order[0]
    url = f"/quizzes/attempts/{attempt.pk}/answer/{slot}/"

    response = student_client.post(url, {f"a{slot}": "Amazon S3", "check": "1"})

    assert response.url == f"/quizzes/attempts/{attempt.pk}/?q=1"
    page = body(student_client.get(response.url))
    assert "✗ Wrong" in page
    assert "Right answer: <strong>AWS Lambda</strong>" in page
    # Changing a checked answer is refused (409, with the reason, for htmx).
    again = student_client.post(url, {f"a{slot}": "AWS Lambda"}, **HTMX)
    assert again.status_code == 409
    assert "can no longer change" in body(again)


@pytest.mark.parametrize("q", ["abc", "0", "-1", "99"])
def test_the_question_number_is_validated(bank, instructor, student_client, q):
    quiz = make_quiz(instructor, [bank.questions[k] for k in ("choice", "short", "numeric")])
    attempt = start(student_client, quiz)
    response = student_client.get(f"/quizzes/attempts/{attempt.pk}/?q={q}")
    assert response.status_code == 200
    expected = "3" if q == "99" else "1"
    assert f"Question <strong>{expected}</strong> of 3" in body(response)


def test_without_q_the_first_unanswered_question_is_shown(bank, instructor, student_client):
    quiz = make_quiz(instructor, [bank.questions[k] for k in ("choice", "short", "numeric")])
    attempt = start(student_client, quiz)
    first = attempt.slot_order[0]
    student_client.post(
        f"/quizzes/attempts/{attempt.pk}/answer/{first}/", {f"a{first}": "AWS Lambda"}
    )
    page = body(student_client.get(f"/quizzes/attempts/{attempt.pk}/"))
    assert (
        'Question <strong>2</strong> of 3 · <span class="quiz-answered">1 answered</span>' in page
    )


def test_submit_saves_the_answers_on_the_page_too(quiz, bank, student_client):
    attempt = start(student_client, quiz)
    choice, short, multi = (slot_of(attempt, k).pk for k in ("choice", "short", "multi"))
    # The multi answer was autosaved, then cleared on the page: cleared is what counts.
    student_client.post(
        f"/quizzes/attempts/{attempt.pk}/answer/{multi}/", {f"a{multi}": ["SQS"]}, **HTMX
    )
    data = {
        "shown": [str(pk) for pk in attempt.slot_order],
        f"a{choice}": "AWS Lambda",
        f"a{short}": "Elastic Network Interface",
    }

    response = student_client.post(urls(attempt)["submit"], data)

    assert response.url == urls(attempt)["review"]
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 2
    assert Answer.objects.get(slot_id=multi).answer == []
    # Submitting again changes nothing and lands on the score page.
    again = student_client.post(urls(attempt)["submit"], {"shown": [str(choice)]})
    assert again.url == urls(attempt)["review"]
    assert Attempt.objects.get(pk=attempt.pk).score == 2


def test_a_submitted_attempt_shows_its_score_page(quiz, student_client):
    attempt = start(student_client, quiz)
    student_client.post(urls(attempt)["submit"])
    response = student_client.get(urls(attempt)["take"])
    assert response.status_code == 302 and response.url == urls(attempt)["review"]
    refused = student_client.post(urls(attempt)["answer"], {"shown": "1"}, **HTMX)
    assert refused.status_code == 409
    assert "This attempt has been submitted." in body(refused)


# The deadline, with time travel ------------------------------------------------------------------


@pytest.fixture
def timed(quiz: Quiz) -> Quiz:
    quiz.time_limit = timedelta(minutes=10)
    quiz.save()
    return quiz


def test_the_page_counts_down_from_the_servers_deadline(timed, student_client, now):
    attempt = start(student_client, timed)
    now.shift(timedelta(minutes=3, seconds=20))
    page = body(student_client.get(urls(attempt)["take"]))
    assert 'data-remaining="400"' in page
    assert "6 min 40 s" in page
    assert "12:10:00" in page  # the deadline itself


def test_an_answer_after_the_deadline_is_refused_and_the_visit_submits(
    timed, bank, student_client, now
):
    attempt = start(student_client, timed)
    choice, short = slot_of(attempt, "choice").pk, slot_of(attempt, "short").pk
    base = f"/quizzes/attempts/{attempt.pk}/answer"
    now.shift(timedelta(minutes=9))
    student_client.post(f"{base}/{choice}/", {f"a{choice}": "AWS Lambda"}, **HTMX)

    now.shift(timedelta(minutes=2))
    late = student_client.post(
        f"{base}/{short}/", {f"a{short}": "Elastic Network Interface"}, **HTMX
    )
    assert late.status_code == 409
    assert "Not saved: Time is up: answers given after the deadline are not saved." in body(late)
    assert not Answer.objects.filter(slot_id=short).exists()
    # Without htmx: the same refusal, as a message, and on to the score page.
    plain = student_client.post(f"{base}/{short}/", {f"a{short}": "x"}, follow=True)
    assert "Time is up" in body(plain)
    assert plain.redirect_chain[-1][0] == urls(attempt)["review"]

    attempt.refresh_from_db()
    assert attempt.submitted_at == T0 + timedelta(minutes=10)
    assert attempt.score == 1


def test_a_visit_after_the_deadline_submits_with_the_answers_saved_before_it(
    timed, student_client, now
):
    attempt = start(student_client, timed)
    choice = slot_of(attempt, "choice").pk
    student_client.post(
        f"/quizzes/attempts/{attempt.pk}/answer/{choice}/", {f"a{choice}": "AWS Lambda"}, **HTMX
    )
    now.shift(timedelta(hours=1))

    response = student_client.get(urls(attempt)["take"], follow=True)

    assert response.redirect_chain == [(urls(attempt)["review"], 302)]
    assert "Time is up: your attempt was submitted" in body(response)
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == (T0 + timedelta(minutes=10), 1)


def test_a_late_submit_keeps_only_what_was_saved_in_time(timed, student_client, now):
    attempt = start(student_client, timed)
    choice, short = slot_of(attempt, "choice").pk, slot_of(attempt, "short").pk
    student_client.post(
        f"/quizzes/attempts/{attempt.pk}/answer/{choice}/", {f"a{choice}": "AWS Lambda"}, **HTMX
    )
    now.shift(timedelta(minutes=12))

    response = student_client.post(
        urls(attempt)["submit"],
        {"shown": [str(choice), str(short)], f"a{choice}": "", f"a{short}": "ENI"},
        follow=True,
    )

    assert "Time is up" in body(response)
    attempt.refresh_from_db()
    assert attempt.score == 1
    assert Answer.objects.get(slot_id=choice).answer == ["AWS Lambda"]


def test_the_countdown_follows_a_changed_close_date(quiz, student_client, now):
    quiz.closes_at = T0 + timedelta(minutes=30)
    quiz.save()
    attempt = start(student_client, quiz)
    quiz.closes_at = T0 + timedelta(hours=2)
    quiz.save()
    now.shift(timedelta(hours=1))

    page = body(student_client.get(urls(attempt)["take"]))

    assert 'data-remaining="3600"' in page and "14:00:00" in page
    choice = slot_of(attempt, "choice").pk
    saved = student_client.post(
        f"/quizzes/attempts/{attempt.pk}/answer/{choice}/", {f"a{choice}": "AWS Lambda"}, **HTMX
    )
    assert saved.status_code == 200


def test_a_close_date_set_during_an_attempt_ends_it(quiz, student_client, now):
    attempt = start(student_client, quiz)
    now.shift(timedelta(minutes=10))
    quiz.closes_at = T0 + timedelta(minutes=5)
    quiz.save()

    response = student_client.get(urls(attempt)["take"], follow=True)

    assert response.redirect_chain == [(urls(attempt)["review"], 302)]
    assert Attempt.objects.get(pk=attempt.pk).submitted_at == T0 + timedelta(minutes=5)


def test_starting_a_closed_quiz_goes_back_with_the_reason(quiz, student_client, now):
    quiz.closes_at = T0 - timedelta(minutes=1)
    quiz.save()
    response = student_client.post(f"/quizzes/{quiz.pk}/start/", follow=True)
    assert response.redirect_chain == [(f"/quizzes/{quiz.pk}/", 302)]
    page = body(response)
    assert page.count("This quiz has closed.") == 2  # the message, and the refusal in place
    assert 'action="/quizzes/' not in page.split("<main", 1)[1].split("Your attempts")[0]
    assert not Attempt.objects.exists()


# One quiz ----------------------------------------------------------------------------------------


def test_the_quiz_page(quiz, student, student_client, now):
    quiz.instructions = "Read **carefully**. <script>alert(1)</script>"
    quiz.time_limit = timedelta(minutes=30)
    quiz.attempts_allowed = 2
    quiz.closes_at = T0 + timedelta(days=2)
    quiz.feedback = Quiz.Feedback.AFTER_CLOSE
    quiz.save()

    page = body(student_client.get(f"/quizzes/{quiz.pk}/"))

    assert "Read <strong>carefully</strong>." in page and "<script>alert" not in page
    assert "<dt>Questions</dt><dd>6</dd>" in page
    assert "<dt>Points</dt><dd>6</dd>" in page
    assert "<dt>Time limit</dt><dd>30 min</dd>" in page
    assert "0 used of 2 allowed" in page
    assert "After the quiz closes" in page
    assert f'action="/quizzes/{quiz.pk}/start/"' in page
    assert "None finished yet." in page

    attempt = start(student_client, quiz)
    page = body(student_client.get(f"/quizzes/{quiz.pk}/"))
    assert f'href="/quizzes/attempts/{attempt.pk}/">Continue attempt 1' in page
    student_client.post(urls(attempt)["submit"])
    page = body(student_client.get(f"/quizzes/{quiz.pk}/"))
    assert "1 used of 2 allowed" in page
    assert f'href="/quizzes/attempts/{attempt.pk}/review/">Attempt 1</a>' in page
    assert "0 / 6" in page
    assert "Start attempt 2" in page


@pytest.mark.parametrize("layout", [Quiz.Layout.ONE_BY_ONE, Quiz.Layout.ALL_AT_ONCE])
def test_the_instructions_are_on_the_attempt_page_too(quiz, student_client, layout):
    quiz.instructions = "Use **no** notes."
    quiz.layout = layout
    quiz.save()
    attempt = start(student_client, quiz)

    page = body(student_client.get(urls(attempt)["take"]))

    assert '<details class="quiz-instructions" open>' in page
    assert "Use <strong>no</strong> notes." in page
    if layout == Quiz.Layout.ONE_BY_ONE:
        assert "Use <strong>no</strong>" not in body(
            student_client.get(urls(attempt)["take"] + "?q=2")
        )


def test_an_attempt_under_way_can_be_finished_after_unpublishing(quiz, bank, student_client, now):
    from studyapp.quizzes.quiz_builder import quiz_unpublish

    attempt = start(student_client, quiz)
    quiz_unpublish(quiz=quiz)
    choice = slot_of(attempt, "choice").pk

    page = student_client.get(urls(attempt)["take"])
    saved = student_client.post(
        f"/quizzes/attempts/{attempt.pk}/answer/{choice}/", {f"a{choice}": "AWS Lambda"}, **HTMX
    )
    done = student_client.post(
        urls(attempt)["submit"], {"shown": [str(choice)], f"a{choice}": "AWS Lambda"}
    )
    review = student_client.get(urls(attempt)["review"])

    assert (page.status_code, saved.status_code, review.status_code) == (200, 200, 200)
    assert done.url == urls(attempt)["review"]
    assert Attempt.objects.get(pk=attempt.pk).score == 1
    # The quiz itself is gone for the student: its page is not linked, nor started again.
    assert f'href="/quizzes/{quiz.pk}/"' not in body(page) + body(review)
    assert student_client.get(f"/quizzes/{quiz.pk}/").status_code == 404
    assert student_client.post(f"/quizzes/{quiz.pk}/start/").status_code == 404


def test_used_up_attempts_show_the_reason(quiz, student_client):
    attempt = start(student_client, quiz)
    student_client.post(urls(attempt)["submit"])
    page = body(student_client.get(f"/quizzes/{quiz.pk}/"))
    assert "You have used your 1 attempt." in page
    assert f'action="/quizzes/{quiz.pk}/start/"' not in page


# The score page ----------------------------------------------------------------------------------


def submitted(client, quiz: Quiz, bank: Bank, right: set[str]) -> Attempt:
    attempt = start(client, quiz)
    data = {"shown": [str(pk) for pk in attempt.slot_order]}
    for pk in attempt.slot_order:
        kind = QuizQuestion.objects.get(pk=pk).question.kind
        data[f"a{pk}"] = bank.right[kind] if kind in right else bank.wrong[kind]
    client.post(urls(attempt)["submit"], data)
    attempt.refresh_from_db()
    return attempt


def test_the_score_page_with_immediate_feedback(quiz, bank, student_client, now):
    now.shift(timedelta(minutes=4, seconds=5))
    attempt = start(student_client, quiz)
    now.shift(timedelta(minutes=2))
    data = {"shown": [str(pk) for pk in attempt.slot_order]}
    for pk in attempt.slot_order:
        kind = QuizQuestion.objects.get(pk=pk).question.kind
        data[f"a{pk}"] = bank.right[kind] if kind in {"choice", "multi"} else bank.wrong[kind]
    data[f"a{slot_of(attempt, 'matching').pk}"] = ["compute", "database", "storage"]
    student_client.post(urls(attempt)["submit"], data)

    page = body(student_client.get(urls(attempt)["review"]))

    assert "2.33 of 6 points" in page and "39%" in page
    assert "<dt>Time taken</dt><dd>2 min</dd>" in page
    assert page.count("✓ Right") == 2 and page.count("✗ Wrong") == 3
    assert "◐ Partly right (33%)" in page
    assert "Your answer: <strong>Amazon S3</strong>" not in page  # choice was right
    assert "Your answer: <strong>True</strong>" in page
    assert "Right answer: <strong>False</strong>" in page
    assert "Right answer: <strong>15 min</strong>" in page
    assert "Because the notes say so (short)." in page
    assert 'href="/notes/aws-lambda/#L12"' in page
    assert "Retry the missed ones (4)" in page


@pytest.mark.parametrize("policy", [Quiz.Feedback.NEVER, Quiz.Feedback.AFTER_CLOSE])
def test_hidden_feedback_hides_the_right_answers_from_the_student_not_the_owner(
    quiz, bank, student_client, instructor_client, now, policy
):
    quiz.feedback = policy
    quiz.closes_at = T0 + timedelta(hours=1)
    quiz.save()
    attempt = submitted(student_client, quiz, bank, right={"choice"})

    page = body(student_client.get(urls(attempt)["review"]))
    owner = body(instructor_client.get(urls(attempt)["review"]))

    # The score, and nothing that says which questions were right.
    assert "1 of 6 points" in page
    for verdict in ("✓ Right", "✗ Wrong", "Partly right", "is-right", "is-wrong", "not fully"):
        assert verdict not in page, verdict
    assert "Right answer:" not in page and "Because the notes say so" not in page
    assert 'href="/notes/aws-lambda/#L12"' not in page
    assert "from what you missed" not in page
    assert not CardState.objects.exists()
    assert "Retry the missed ones" not in page
    assert student_client.post(urls(attempt)["retry"]).url == urls(attempt)["review"]
    assert Quiz.objects.filter(is_practice=True).count() == 0
    if policy == Quiz.Feedback.NEVER:
        assert "This quiz does not show the right answers." in page
    else:
        assert "shown once the quiz closes" in page
    assert "Right answer: <strong>False</strong>" in owner
    assert "Because the notes say so" in owner
    assert "Attempt 1 by <strong>student</strong>" in owner

    now.shift(timedelta(hours=2))  # the quiz has closed
    later = body(student_client.get(urls(attempt)["review"]))
    shown = policy == Quiz.Feedback.AFTER_CLOSE
    assert ("Right answer: <strong>False</strong>" in later) is shown
    assert ("✓ Right" in later and "✗ Wrong" in later) is shown
    # The misses go to the deck when the answers show, once.
    assert ("5 cards from what you missed are due now" in later) is shown
    assert CardState.objects.count() == (5 if shown else 0)
    student_client.get(urls(attempt)["review"])
    assert CardState.objects.count() == (5 if shown else 0)
    assert Attempt.objects.get(pk=attempt.pk).cards_made_due == (5 if shown else 0)


def test_the_feedback_partial_shows_nothing_without_feedback(quiz, bank, student):
    from django.template.loader import render_to_string

    from studyapp.quizzes.selectors import attempt_items

    attempt = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    attempt = attempts.attempt_submit(attempt=attempt, now=T0)
    item = attempt_items(attempt)[0]
    assert render_to_string("quizzes/_take_feedback.html", {"item": item}).strip() == ""
    shown = render_to_string("quizzes/_take_feedback.html", {"item": item, "show_answer": True})
    assert "✗ Wrong" in shown


def test_another_student_cannot_see_the_score_page(quiz, bank, student_client, outsider_client):
    attempt = submitted(student_client, quiz, bank, right=set())
    assert outsider_client.get(urls(attempt)["review"]).status_code == 404


def test_the_owner_sees_an_attempt_in_progress_as_such(quiz, student_client, instructor_client):
    attempt = start(student_client, quiz)
    page = body(instructor_client.get(urls(attempt)["review"]))
    assert "This attempt is still in progress" in page
    own = student_client.get(urls(attempt)["review"])
    assert own.url == urls(attempt)["take"]


def test_misses_make_cards_due_and_the_score_page_says_so(quiz, bank, student, student_client, now):
    attempt = submitted(student_client, quiz, bank, right={"choice", "multi", "truefalse"})

    assert attempt.cards_made_due == 3
    due = set(CardState.objects.filter(user=student, due=T0).values_list("card_id", flat=True))
    assert due == {bank.cards[k].pk for k in ("short", "numeric", "matching")}
    page = body(student_client.get(urls(attempt)["review"]))
    assert "3 cards from what you missed are due now in your deck." in page
    assert 'href="/decks/everything/study/">Study them</a>' in page


def test_retry_the_missed_ones(quiz, bank, student_client):
    attempt = submitted(student_client, quiz, bank, right={"choice", "multi", "short"})

    response = student_client.post(urls(attempt)["retry"])

    retry = Attempt.objects.exclude(pk=attempt.pk).get()
    assert response.url == f"/quizzes/attempts/{retry.pk}/"
    assert retry.quiz.is_practice and retry.quiz.title == "Retry: Lambda basics"
    kinds = set(retry.quiz.slots.values_list("question__kind", flat=True))
    assert kinds == {"truefalse", "numeric", "matching"}


def test_nothing_to_retry_when_all_was_right(quiz, bank, student_client):
    attempt = submitted(student_client, quiz, bank, right=set(spec.KINDS))
    page = body(student_client.get(urls(attempt)["review"]))
    assert "6 of 6 points" in page and "100%" in page
    assert "Retry the missed ones" not in page
    response = student_client.post(urls(attempt)["retry"], follow=True)
    assert "Nothing was missed" in body(response)


# Assigned quizzes: the list and the dashboard ----------------------------------------------------


@pytest.fixture
def assignments(bank, instructor, student, outsider):
    """Quizzes in every state, as the student sees them."""
    questions = [bank.questions["choice"]]
    return {
        "open": make_quiz(
            instructor, questions, title="Open to all", closes_at=T0 + timedelta(days=3)
        ),
        "mine": make_quiz(instructor, questions, title="Named me"),
        "others": make_quiz(instructor, questions, title="Named someone else"),
        "draft": make_quiz(instructor, questions, title="A draft", published_at=None),
        "closed": make_quiz(
            instructor, questions, title="Closed", closes_at=T0 - timedelta(hours=1)
        ),
        "later": make_quiz(
            instructor, questions, title="Opens later", opens_at=T0 + timedelta(days=1)
        ),
        "used": make_quiz(instructor, questions, title="Used up"),
        "empty": make_quiz(instructor, [], title="No questions"),
    }


def _assigned_setup(assignments, student, outsider):
    assignments["mine"].assigned_to.set([student])
    assignments["others"].assigned_to.set([outsider])
    used = attempts.attempt_start(quiz=assignments["used"], user=student, now=T0)
    attempts.attempt_submit(attempt=used, now=T0)


def test_assigned_quizzes_on_the_list_and_the_dashboard(
    assignments, student, outsider, student_client, now
):
    _assigned_setup(assignments, student, outsider)
    for url in ("/quizzes/", "/"):
        page = body(student_client.get(url))
        shown = re.findall(r'<a href="/quizzes/\d+/">([^<]+)</a>', page)
        assert shown == ["Open to all", "Named me"], url
        assert "due <time" in page


def test_an_attempt_under_way_is_in_progress_not_used(
    assignments, student, outsider, student_client, now
):
    _assigned_setup(assignments, student, outsider)
    quiz = assignments["mine"]
    quiz.attempts_allowed = 2
    quiz.save()
    first = attempts.attempt_start(quiz=quiz, user=student, now=T0)
    attempts.attempt_submit(attempt=first, now=T0)
    page = re.sub(r"\s+", " ", body(student_client.get("/quizzes/")))
    assert "· 1 of 2 attempts used" in page
    attempts.attempt_start(quiz=quiz, user=student, now=T0)
    page = re.sub(r"\s+", " ", body(student_client.get("/quizzes/")))
    assert "· attempt 2 of 2 in progress" in page
    assert "2 of 2 attempts used" not in page


def test_the_dashboard_runs_a_bounded_number_of_queries(
    assignments, student, outsider, student_client, django_assert_max_num_queries, now
):
    _assigned_setup(assignments, student, outsider)
    with django_assert_max_num_queries(8):
        assert student_client.get("/").status_code == 200


def test_instructors_see_their_own_quizzes(assignments, instructor_client, student_client):
    page = body(instructor_client.get("/quizzes/"))
    assert 'href="/quizzes/new/"' in page
    draft = assignments["draft"]
    assert f'href="/quizzes/{draft.pk}/edit/">Edit</a>' in page
    assert f'href="/quizzes/{draft.pk}/results/">Results</a>' in page
    assert "Draft" in page
    assert "Your quizzes" not in body(student_client.get("/quizzes/"))


def test_recent_attempts_on_the_list(quiz, bank, student_client):
    attempt = submitted(student_client, quiz, bank, right={"choice"})
    page = body(student_client.get("/quizzes/"))
    assert f'href="/quizzes/attempts/{attempt.pk}/review/">Lambda basics</a>' in page
    assert "1 / 6" in page


# Query counts ------------------------------------------------------------------------------------


def _many_questions(bank: Bank, n: int) -> list[Question]:
    extra = [
        Question.objects.create(
            key=f"q-extra-{i}",
            kind=spec.CHOICE,
            prompt=f"Question {i}?",
            options=["a", "b", "c"],
            answers=["a"],
            topic=bank.topics["lambda"],
            sources=[{"note": "aws-lambda", "title": "N", "heading": "H", "line": i}],
        )
        for i in range(n)
    ]
    return list(bank.questions.values()) + extra


@pytest.mark.parametrize("extra", [0, 20])
@pytest.mark.parametrize("layout", [Quiz.Layout.ONE_BY_ONE, Quiz.Layout.ALL_AT_ONCE])
def test_the_attempt_page_runs_a_bounded_number_of_queries(
    bank, instructor, student_client, django_assert_max_num_queries, extra, layout
):
    quiz = make_quiz(instructor, _many_questions(bank, extra), layout=layout)
    attempt = start(student_client, quiz)
    for pk in attempt.slot_order[:4]:
        student_client.post(f"/quizzes/attempts/{attempt.pk}/answer/{pk}/", {f"a{pk}": "a"}, **HTMX)
    with django_assert_max_num_queries(15):
        assert student_client.get(urls(attempt)["take"]).status_code == 200


@pytest.mark.parametrize("extra", [0, 20])
def test_the_score_page_and_the_list_run_a_bounded_number_of_queries(
    bank, instructor, student_client, django_assert_max_num_queries, extra
):
    quiz = make_quiz(instructor, _many_questions(bank, extra), layout=Quiz.Layout.ALL_AT_ONCE)
    attempt = submitted(student_client, quiz, bank, right={"choice"})
    with django_assert_max_num_queries(12):
        assert student_client.get(urls(attempt)["review"]).status_code == 200
    with django_assert_max_num_queries(15):
        assert student_client.get("/quizzes/").status_code == 200
