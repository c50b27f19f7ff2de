"""The comparison pages over HTTP: the list, one table (citations, conflicts, corrections), the CSV,
instructors' corrections, the self-test (missed cells become due now) and the quiz.

The five real notes, ingested with their cards once per session (tests/five_notes.py), are
restored once per module inside a transaction rolled back when the module is done; every test runs
in its own nested transaction (`db`).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.template.defaultfilters import linebreaksbr
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from studyapp.accounts.models import profile_for
from studyapp.decks.models import Card, CardState
from studyapp.decks.selectors import deck_for, study_queue
from studyapp.knowledge.models import Comparison, Correction
from studyapp.knowledge.tables import comparison_table
from studyapp.pipeline import table_correct
from studyapp.quizzes.generate.tables import CHOICE, MATCH, quiz_questions

HEADLINE = "AWS Lambda vs CloudFront Functions vs Lambda@Edge"


@pytest.fixture(scope="module")
def _loaded(notes_and_cards_in_module) -> None:
    """The five notes and their cards, for the whole module."""


@pytest.fixture
def headline(_loaded, db) -> Comparison:
    return Comparison.objects.get(title=HEADLINE)


@pytest.fixture
def small(_loaded, db) -> Comparison:
    """The live comparison with the fewest rows."""
    return min(
        Comparison.objects.filter(retired_at__isnull=True),
        key=lambda c: len(comparison_table(c).rows),
    )


def url(comparison: Comparison, page: str = "") -> str:
    return f"/compare/{comparison.slug}/{page}"


def body(response) -> str:
    return response.content.decode()


def text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))).strip()


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


# Access --------------------------------------------------------------------------------------

PAGES = ["", "csv/", "self-test/", "quiz/"]


@pytest.mark.parametrize(
    "method,page",
    [("get", None)]
    + [("get", p) for p in PAGES]
    + [("post", "corrections/"), ("post", "self-test/"), ("post", "quiz/")],
)
def test_anonymous_users_are_sent_to_log_in(client, headline, method, page):
    target = "/compare/" if page is None else url(headline, page)
    response = getattr(client, method)(target)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    "method,page",
    [
        ("post", None),
        ("post", ""),
        ("post", "csv/"),
        ("get", "corrections/"),
        ("put", "self-test/"),
        ("delete", "quiz/"),
    ],
)
def test_wrong_methods_are_refused(student_client, headline, method, page):
    target = "/compare/" if page is None else url(headline, page)
    assert getattr(student_client, method)(target).status_code == 405


@pytest.mark.parametrize("page", PAGES)
def test_an_unknown_table_is_not_found(student_client, _loaded, page):
    assert student_client.get(f"/compare/no-such-table/{page}").status_code == 404


def test_a_retired_table_is_not_found_and_not_listed(student_client, headline):
    headline.retired_at = timezone.now()
    headline.save()
    assert student_client.get(url(headline)).status_code == 404
    assert HEADLINE not in body(student_client.get("/compare/"))


# The list ------------------------------------------------------------------------------------


def test_the_list_shows_every_table_with_its_entities_and_row_count(student_client, headline):
    page = body(student_client.get("/compare/"))
    items = re.findall(r'<li class="comparison-item">(.*?)</li>', page, re.S)
    live = list(Comparison.objects.filter(retired_at__isnull=True))
    assert len(items) == len(live) == 6  # the Cognito pools share no attribute (issue 10)
    for comparison in live:
        (item,) = [i for i in items if f'href="{url(comparison)}"' in i]
        rows = len(comparison_table(comparison).rows)
        assert f"{rows} row" in text(item)
        assert all(html.escape(e) in item for e in comparison.entities)
    (headline_item,) = [i for i in items if f'href="{url(headline)}"' in i]
    assert "14 rows" in text(headline_item)
    assert 'href="/compare/" aria-current="page"' in page  # the nav says where we are


def test_the_list_counts_rows_after_corrections(student_client, headline, instructor):
    table_correct(comparison=headline, author=instructor, kind="add_row", row="Max package size")
    table_correct(comparison=headline, author=instructor, kind="drop_row", row="Cost")
    table_correct(comparison=headline, author=instructor, kind="drop_row", row="Startup")
    page = body(student_client.get("/compare/"))
    (item,) = re.findall(
        rf'<li class="comparison-item">\s*<a href="{url(headline)}">.*?</li>', page, re.S
    )
    assert "13 rows" in text(item)


def test_the_list_needs_the_same_queries_however_many_corrections(
    student_client, headline, small, instructor
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert student_client.get("/compare/").status_code == 200
        return len(queries)

    before = count()
    for comparison in (headline, small):
        table_correct(comparison=comparison, author=instructor, kind="add_row", row="Extra")
    assert count() == before <= 6


def test_the_list_has_an_empty_state(student_client, _loaded, db):
    Comparison.objects.all().delete()
    page = body(student_client.get("/compare/"))
    assert "No comparison tables yet" in page
    assert "comparison-item" not in page


# One table -----------------------------------------------------------------------------------


def test_every_cell_cites_its_sources_with_links_to_the_note_lines(student_client, headline):
    page = body(student_client.get(url(headline)))
    table = comparison_table(headline)
    hrefs = set(re.findall(r'<a class="cite" href="([^"]+)"', page))
    cited = 0
    for row in table.rows:
        assert f'<th scope="row">{html.escape(row.name)}' in page
        for values in row.cells.values():
            for value in values:
                assert value.sources, (row.name, value.value)
                for source in value.sources:
                    assert source["note_url"] in hrefs
                    cited += 1
    assert len(re.findall(r'<a class="cite" ', page)) == cited
    # The numbers are explained under the table: one entry per note cited.
    notes = {
        s["note"] for r in table.rows for vs in r.cells.values() for v in vs for s in v.sources
    }
    sources = page[page.index('id="sources-heading"') :]
    assert len(re.findall(r"<li value=", sources)) == len(notes)


def test_conflicting_cells_show_every_value_and_say_the_notes_disagree(student_client, headline):
    page = body(student_client.get(url(headline)))
    table = comparison_table(headline)
    conflicts = [(r, e) for r in table.rows for e in r.conflicts]
    assert ("Execution Time", "CloudFront Functions") in [(r.name, e) for r, e in conflicts]
    assert page.count('<div class="conflict" role="note">') == len(conflicts)
    assert page.count("notes disagree") == len(conflicts)
    row = next(r for r in table.rows if r.name == "Execution Time")
    block = page[page.index("Execution Time") :]
    block = block[: block.index("</tr>")]
    for value in row.cells["CloudFront Functions"]:
        assert html.escape(value.value) in block


def test_the_table_has_its_actions_and_no_correction_form_for_students(student_client, headline):
    page = body(student_client.get(url(headline)))
    for page_name in ("csv/", "self-test/", "quiz/"):
        assert f'href="{url(headline, page_name)}"' in page
    assert "Correct this table" not in page
    assert url(headline, "corrections/") not in page


def test_corrected_cells_and_rows_say_who_corrected_them(student_client, headline, instructor):
    table_correct(
        comparison=headline, author=instructor, kind="rename_row", row="Cost", new_name="Pricing"
    )
    table_correct(
        comparison=headline,
        author=instructor,
        kind="fix_cell",
        row="Startup",
        entity="Lambda@Edge",
        value="Cold starts, slower than CloudFront Functions",
    )
    page = body(student_client.get(url(headline)))
    assert page.count("corrected by instructor") == 2
    assert '<th scope="row">Pricing <span class="corrected">corrected by instructor</span>' in page
    assert "Cold starts, slower than CloudFront Functions" in page


@pytest.mark.parametrize("page", ["", "self-test/"])
def test_the_table_needs_the_same_queries_however_many_rows(
    student_client, headline, small, instructor, page
):
    def count(comparison: Comparison) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert student_client.get(url(comparison, page)).status_code == 200
        return len(queries)

    small_count = count(small)
    assert count(headline) == small_count <= 10
    for n in range(5):
        table_correct(comparison=headline, author=instructor, kind="add_row", row=f"Extra {n}")
    assert len(comparison_table(headline).rows) == 19
    assert count(headline) == small_count


# CSV -----------------------------------------------------------------------------------------


def test_the_csv_has_a_header_and_one_line_per_row(student_client, headline):
    response = student_client.get(url(headline, "csv/"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{headline.slug}.csv"'
    rows = csv_rows(response)
    table = comparison_table(headline)
    assert rows[0] == ["attribute", "AWS Lambda", "CloudFront Functions", "Lambda@Edge"]
    assert [r[0] for r in rows[1:]] == [r.name for r in table.rows]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Execution Time"][2] == "< 1 ms (sub-ms latency) / ms-scale"
    assert by_name["Authoring region"] == ["Authoring region", "", "", "us-east-1"]
    use_cases = by_name["Use Cases"][2]
    assert use_cases.startswith("Lightweight CDN customization:\n•")  # quoted, newlines kept


def test_the_csv_defuses_formulas(student_client, headline, instructor):
    for entity, value in [
        ("AWS Lambda", '=HYPERLINK("http://evil.example","x")'),
        ("CloudFront Functions", "+1+1"),
        ("Lambda@Edge", "-2+3"),
    ]:
        table_correct(
            comparison=headline,
            author=instructor,
            kind="fix_cell",
            row="Cost",
            entity=entity,
            value=value,
        )
    table_correct(comparison=headline, author=instructor, kind="add_row", row="@SUM(A1:A9)")
    rows = {r[0]: r for r in csv_rows(student_client.get(url(headline, "csv/")))}
    assert rows["Cost"][1:] == ['\'=HYPERLINK("http://evil.example","x")', "'+1+1", "'-2+3"]
    assert "'@SUM(A1:A9)" in rows
    assert rows["Runtime"][0] == "Runtime"  # ordinary text is left alone


# Corrections ---------------------------------------------------------------------------------


def test_instructors_see_the_correction_form(instructor_client, headline):
    page = body(instructor_client.get(url(headline)))
    assert f'action="{url(headline, "corrections/")}"' in page
    assert '<datalist id="row-names">' in page and '<option value="Execution Time">' in page


def test_an_instructor_correction_is_saved_and_redirects_with_a_message(
    instructor_client, headline
):
    response = instructor_client.post(
        url(headline, "corrections/"),
        {"kind": "rename_row", "row": "Cost", "new_name": "Pricing"},
        follow=True,
    )
    assert response.redirect_chain == [(url(headline), 302)]
    correction = Correction.objects.get()
    assert (correction.kind, correction.row, correction.new_name) == (
        "rename_row",
        "Cost",
        "Pricing",
    )
    assert correction.author.username == "instructor"
    page = body(response)
    assert "Saved: rename a row “Cost”." in page
    assert '<th scope="row">Pricing' in page


def test_an_instructor_fixes_a_cell(instructor_client, headline):
    response = instructor_client.post(
        url(headline, "corrections/"),
        {"kind": "fix_cell", "row": "Memory", "entity": "AWS Lambda", "value": "128 MB – 10 GB"},
    )
    assert response.status_code == 302
    (row,) = [r for r in comparison_table(headline).rows if r.name == "Memory"]
    assert [v.value for v in row.cells["AWS Lambda"]] == ["128 MB – 10 GB"]


def test_students_may_not_correct(student_client, headline):
    response = student_client.post(
        url(headline, "corrections/"), {"kind": "drop_row", "row": "Cost"}
    )
    assert response.status_code == 403
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    "data,message",
    [
        ({"kind": "drop_row", "row": "No such row"}, "The table has no row “No such row”."),
        (
            {"kind": "rename_row", "row": "Cost", "new_name": "Runtime"},
            "Give the row a new name the table does not have yet.",
        ),
        (
            {"kind": "fix_cell", "row": "Cost", "entity": "AWS Lambda", "value": "  "},
            "Write the cell&#x27;s corrected value.",
        ),
        (
            {"kind": "add_row", "row": "Cost"},
            "Give the new row a name the table does not have yet.",
        ),
        ({"kind": "explode", "row": "Cost"}, "Select a valid choice."),
        (
            {"kind": "fix_cell", "row": "Cost", "entity": "EC2", "value": "x"},
            "Select a valid choice.",
        ),
    ],
)
def test_a_bad_correction_shows_the_page_again_with_its_message(
    instructor_client, headline, data, message
):
    response = instructor_client.post(url(headline, "corrections/"), data)
    assert response.status_code == 400
    page = body(response)
    assert message in page
    assert '<table class="compare-table">' in page  # the table is still there
    assert not Correction.objects.exists()


# Self-test -----------------------------------------------------------------------------------


def _pair(row: str, entity: str) -> str:
    return json.dumps([row, entity], ensure_ascii=False)


def test_the_self_test_hides_every_value_behind_a_reveal(student_client, headline):
    page = body(student_client.get(url(headline, "self-test/")))
    table = comparison_table(headline)
    cells = sum(1 for r in table.rows for e in table.entities if r.cells.get(e))
    assert cells == 35
    assert page.count('<details class="st-details">') == cells
    assert page.count('<summary class="st-summary">Reveal') == cells
    assert page.count('name="missed"') == cells
    assert 'data-total="35"' in page
    assert "js/selftest.js" in page
    assert html.escape(_pair("Runtime", "AWS Lambda"), quote=True) in page


def _state(user, card: Card) -> CardState | None:
    return CardState.objects.filter(user=user, card=card).first()


def _card(comparison: Comparison, row: str, entity: str) -> Card:
    return Card.objects.get(
        kind="comparison", cell__comparison=comparison, cell__attribute=row, cell__entity=entity
    )


def test_missed_cells_become_due_now_for_this_learner_only(
    student, outsider, student_client, headline
):
    runtime = _card(headline, "Runtime", "AWS Lambda")
    memory = _card(headline, "Memory", "CloudFront Functions")
    # No comparison card asks this: the notes' own "Lambda@Edge — authoring region?" card does.
    authoring = Card.objects.get(front="Lambda@Edge — authoring region?", retired_at=None)
    response = student_client.post(
        url(headline, "self-test/"),
        {
            "missed": [
                _pair("Runtime", "AWS Lambda"),
                _pair("Memory", "CloudFront Functions"),
                _pair("Authoring region", "Lambda@Edge"),
            ]
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url(headline, "self-test/") + "?queued=3"
    now = timezone.now()
    for card in (runtime, memory, authoring):
        state = _state(student, card)
        assert state.state == "learning" and state.step == 0 and state.reps == 0
        assert state.stability is None and state.difficulty is None
        assert state.due <= now
        assert _state(outsider, card) is None
    queue = study_queue(
        deck_for("everything", student), student, now=now, profile=profile_for(student)
    )
    assert queue.learning == 3
    assert queue.next_kind == "learning"
    assert queue.next_card in (runtime, memory, authoring)
    other = study_queue(
        deck_for("everything", outsider), outsider, now=now, profile=profile_for(outsider)
    )
    assert other.learning == 0 and other.next_kind == "new"

    page = body(student_client.get(response["Location"]))
    assert "Study the 3 missed cells now" in page
    assert 'href="/decks/everything/study/"' in page


def test_a_card_already_studied_keeps_its_memory_and_falls_due_now(
    student, student_client, headline
):
    card = _card(headline, "Cost", "Lambda@Edge")
    later = timezone.now() + timedelta(days=20)
    CardState.objects.create(
        user=student, card=card, state="review", stability=30.0, difficulty=5.0, due=later,
        last_review=timezone.now() - timedelta(days=10), reps=4, buried_until=later,
    )  # fmt: skip
    suspended = _card(headline, "Cost", "AWS Lambda")
    CardState.objects.create(user=student, card=suspended, suspended=True)
    response = student_client.post(
        url(headline, "self-test/"),
        {"missed": [_pair("Cost", "Lambda@Edge"), _pair("Cost", "AWS Lambda")]},
    )
    assert response["Location"].endswith("?queued=1")
    state = _state(student, card)
    assert (state.state, state.stability, state.difficulty, state.reps) == ("review", 30.0, 5.0, 4)
    assert state.due <= timezone.now() and state.buried_until is None
    assert _state(student, suspended).suspended  # put aside on purpose: left alone
    queue = study_queue(
        deck_for("everything", student), student, now=timezone.now(), profile=profile_for(student)
    )
    assert queue.next_card == card and queue.next_kind == "review"


def test_a_renamed_row_still_finds_its_cards(student, student_client, headline, instructor):
    table_correct(
        comparison=headline, author=instructor, kind="rename_row", row="Cost", new_name="Pricing"
    )
    response = student_client.post(
        url(headline, "self-test/"), {"missed": [_pair("Pricing", "CloudFront Functions")]}
    )
    assert response["Location"].endswith("?queued=1")
    assert _state(student, _card(headline, "Cost", "CloudFront Functions")).state == "learning"


def test_knowing_every_cell_adds_nothing(student, student_client, headline):
    response = student_client.post(url(headline, "self-test/"), {})
    assert response["Location"].endswith("?queued=0")
    assert not CardState.objects.filter(user=student).exists()
    page = body(student_client.get(response["Location"]))
    assert "Nothing was added to your deck" in page


@pytest.mark.parametrize(
    "missed",
    [_pair("No such row", "AWS Lambda"), _pair("Authoring region", "AWS Lambda"), "Runtime"],
)
def test_an_unknown_cell_is_refused_and_nothing_changes(student, student_client, headline, missed):
    response = student_client.post(
        url(headline, "self-test/"), {"missed": [_pair("Runtime", "AWS Lambda"), missed]}
    )
    assert response.status_code == 400
    assert "could not be read" in body(response)
    assert not CardState.objects.filter(user=student).exists()


def test_a_malformed_confirmation_count_is_ignored(student_client, headline):
    page = body(student_client.get(url(headline, "self-test/") + "?queued=lots"))
    assert "missed cell" not in page and "Nothing was added" not in page


# Quiz ----------------------------------------------------------------------------------------


def _keys(page: str) -> list[str]:
    return re.findall(r'<li class="quiz-question" id="q-([0-9a-f]+)">', page)


def test_the_same_seed_gives_the_same_quiz(student_client, headline):
    first = body(student_client.get(url(headline, "quiz/") + "?seed=7"))
    second = body(student_client.get(url(headline, "quiz/") + "?seed=7"))
    assert _keys(first) and _keys(first) == _keys(second)
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|seed=\d+')
    quiz = strip.sub("", first[first.index('<form method="post"') : first.index("</form>")])
    again = strip.sub("", second[second.index('<form method="post"') : second.index("</form>")])
    assert quiz == again
    different = {
        tuple(_keys(body(student_client.get(url(headline, f"quiz/?seed={s}"))))) for s in range(6)
    }
    assert len(different) > 1


def test_the_quiz_page_asks_each_question_with_its_options(student_client, headline):
    page = body(student_client.get(url(headline, "quiz/") + "?seed=3"))
    questions = quiz_questions(comparison_table(headline), seed=3)
    assert _keys(page) == [q.key for q in questions]
    assert 'name="seed" value="3"' in page
    for q in questions:
        if q.kind == CHOICE:
            assert page.count(f'type="radio" name="{q.key}"') == len(q.options) >= 2
        else:
            for name in q.fields:
                assert f'<select id="id_{name}" name="{name}">' in page


def test_a_malformed_seed_gives_a_fresh_quiz(student_client, headline):
    page = body(student_client.get(url(headline, "quiz/") + "?seed=-4"))
    assert _keys(page)
    assert 'name="seed" value="-4"' not in page


def _answers(questions, *, wrong: int | None = None) -> dict[str, str]:
    data = {}
    for n, q in enumerate(questions):
        for name, answer in zip(q.fields, q.answers, strict=True):
            bad = next(o for o in q.options if o != answer)
            data[name] = bad if n == wrong else answer
    return data


def test_grading_scores_the_answers_and_shows_each_right_answer_with_its_source(
    student_client, headline
):
    questions = quiz_questions(comparison_table(headline), seed=11)
    assert {q.kind for q in questions} == {MATCH, CHOICE}
    data = {"seed": "11", **_answers(questions, wrong=1)}
    response = student_client.post(url(headline, "quiz/"), data)
    assert response.status_code == 200
    page = body(response)
    assert f"You got {len(questions) - 1} of {len(questions)} right" in page
    assert page.count("✓ Right") == len(questions) - 1 and page.count("✗ Not quite") == 1
    for q in questions:
        assert linebreaksbr(q.explanation) in page
        for source in q.sources:
            assert f'href="{source["note_url"]}"' in page


def test_an_empty_answer_sheet_scores_nothing(student_client, headline):
    page = body(student_client.post(url(headline, "quiz/"), {"seed": "11"}))
    total = len(quiz_questions(comparison_table(headline), seed=11))
    assert f"You got 0 of {total} right" in page


def test_a_quiz_without_its_seed_is_refused(student_client, headline):
    response = student_client.post(url(headline, "quiz/"), {"seed": "x"})
    assert response.status_code == 400
    assert "could not be read" in body(response)
