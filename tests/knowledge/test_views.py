"""The topic-model pages: dashboard, topic tree, one topic, one note (rendered and sanitised).

The five real notes in content/, ingested once per session (tests/five_notes.py), are restored once
per module inside a transaction that is rolled back when the module is done; every test still runs
in its own nested transaction (pytest-django's `db`), so what a test adds (topics, facts, users) is
gone before the next test.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from studyapp.knowledge.models import Citation, Conflict, Fact, Note, Topic
from studyapp.knowledge.rendering import render_note
from studyapp.knowledge.services import IngestReport
from studyapp.pipeline import model_rebuild

MOJIBAKE_NOTE = "/notes/serverless-section-19/"
IMAGES_NOTE = "/notes/serverless-aws-solution-architect/"
OBSIDIAN_NOTE = "/notes/serverless-obsidian/"

HOSTILE_NOTE = """\
# Hostile note

Intro paragraph.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[click](javascript:alert(1))

<a href="javascript:alert(2)">x</a>

<div onclick="x()">hi</div>

<SCRIPT SRC=//evil.example/x.js></SCRIPT>

<a href="jav&#x61;script:alert(3)">encoded</a> [upper](JAVASCRIPT:alert(4))

<svg onload=alert(5)><iframe src="javascript:alert(6)"></iframe></svg>

<p style="background:url(javascript:alert(7))">styled</p>

- **Kept**: this survives
"""
FORBIDDEN = ["<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg", "style="]


def note_article(html: str) -> str:
    """The rendered note inside a note page (the page around it has its own htmx <script>)."""
    match = re.search(r'<article class="note">(.*?)</article>', html, re.S)
    assert match is not None
    return match.group(1)


def assert_inert(html: str) -> None:
    """No script, no event handler, no javascript: URL in any tag. A rejected Markdown link
    stays visible as plain text (CommonMark), which is harmless: it is not inside a tag."""
    assert "<script" not in html.lower()
    for tag in re.findall(r"<[^>]*>", html):
        for needle in FORBIDDEN:
            assert needle not in tag.lower(), tag
    # The escaped text may show the URL, but only as text, never as a link target.
    assert not re.search(r"href\s*=\s*[\"']?\s*j", html, re.I)


@pytest.fixture(scope="module")
def _notes_loaded(notes_in_module) -> IngestReport:
    return notes_in_module.ingest


@pytest.fixture
def ingested(_notes_loaded: IngestReport, db) -> IngestReport:
    assert _notes_loaded.as_dict()["ok"], _notes_loaded.as_dict()
    return _notes_loaded


def body(response) -> str:
    return response.content.decode()


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def tree_text(html: str) -> str:
    """Only the #topic-tree part of a page, so the nav and the filter form do not count."""
    start = html.index('<div id="topic-tree">')
    return html[start:]


def link_texts(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", t).strip() for t in re.findall(r"<a [^>]*>(.*?)</a>", html, re.S)]


def topic_called(alias: str) -> Topic:
    """The live topic the notes call `alias`. Looked up by alias, not slug: which spelling
    becomes the name ("Lambda" or "AWS Lambda") is ingest's choice and may change."""
    wanted = alias.lower()
    found = [
        t
        for t in Topic.objects.filter(retired_at__isnull=True)
        if wanted in {a.lower() for a in [t.name, *t.aliases]}
    ]
    assert len(found) == 1, (alias, found)
    return found[0]


class _TreeParents(HTMLParser):
    """href of each topic link in the rendered tree -> href of the topic whose <li> holds it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []  # one entry per open <li>: its topic's href
        self.parents: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.stack.append(None)
        elif tag == "a" and self.stack and self.stack[-1] is None:
            href = dict(attrs)["href"] or ""
            self.stack[-1] = href
            self.parents[href] = self.stack[-2] if len(self.stack) > 1 else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.stack.pop()


def tree_parents(html: str) -> dict[str, str | None]:
    parser = _TreeParents()
    parser.feed(tree_text(html))
    return parser.parents


# The ingest fixture itself ------------------------------------------------------------------------


def test_the_five_notes_are_ingested(ingested):
    assert Note.objects.filter(is_present=True).count() == 5
    for alias in ("Lambda", "CloudFront Functions", "DynamoDB", "API Gateway", "Lambda@Edge"):
        topic_called(alias)
    assert Conflict.objects.filter(topic=topic_called("CloudFront Functions")).exists()


# /topics/ ---------------------------------------------------------------------------------------


def test_topic_list_needs_login(client, ingested):
    response = client.get("/topics/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/topics/"


def test_topic_list_shows_the_tree_with_fact_counts(student_client, ingested):
    response = student_client.get("/topics/")

    assert response.status_code == 200
    html = body(response)
    tree = tree_text(html)
    names = link_texts(tree)
    lam = topic_called("Lambda")
    assert lam.name in {"Lambda", "AWS Lambda"}
    assert lam.name in names
    assert topic_called("DynamoDB").name in names
    assert "CloudFront Functions" in names
    live = Topic.objects.filter(retired_at__isnull=True)
    assert f"{live.count()} topics" in tree
    # Each topic's badge shows its number of live facts, right after its link.
    lambda_facts = lam.facts.filter(retired_at__isnull=True).count()
    assert lambda_facts > 1
    assert re.search(
        rf'href="{lam.get_absolute_url()}"[^>]*>{re.escape(lam.name)}</a>\s*'
        rf'<span class="badge"[^>]*>{lambda_facts} facts<',
        tree,
    )
    # Every live topic is shown once, nested under its parent exactly as in the model.
    parents = tree_parents(html)
    assert parents == {
        t.get_absolute_url(): t.parent.get_absolute_url() if t.parent else None
        for t in live.select_related("parent")
    }
    assert parents[topic_called("Lambda@Edge").get_absolute_url()] == lam.get_absolute_url()


def test_topic_list_filter_narrows_the_tree(student_client, ingested):
    response = student_client.get("/topics/", {"q": "dynamo"})

    assert response.status_code == 200
    tree = tree_text(body(response))
    names = link_texts(tree)
    dynamo = topic_called("DynamoDB")
    assert dynamo.name in names
    assert "API Gateway" not in names
    assert topic_called("Lambda").name not in names
    assert "1 topic match “dynamo”" in tree
    # Its ancestors stay for context but are not shown as matches.
    assert dynamo.parent is not None
    assert re.search(
        rf'<a href="{dynamo.parent.get_absolute_url()}" class="muted">{dynamo.parent.name}</a>',
        tree,
    )
    assert f'class="muted">{dynamo.name}' not in tree
    # The search box keeps what was typed.
    assert 'value="dynamo"' in body(response)


def test_topic_list_filter_matches_aliases(student_client, ingested):
    lam = topic_called("Lambda")
    lam.aliases = [*lam.aliases, "Function-as-a-Service engine"]
    lam.save()

    tree = tree_text(body(student_client.get("/topics/", {"q": "service engine"})))

    assert "service engine" not in lam.name.lower()
    assert "1 topic match" in tree
    names = link_texts(tree)
    assert lam.name in names
    assert topic_called("DynamoDB").name not in names


def test_topic_list_htmx_request_gets_only_the_tree(student_client, ingested):
    response = student_client.get("/topics/", {"q": "lambda"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    html = body(response).strip()
    assert "<html" not in html
    assert "<form" not in html
    assert html.startswith('<div id="topic-tree">')
    assert html.endswith("</div>")
    assert "Lambda@Edge" in link_texts(html)
    assert topic_called("DynamoDB").name not in link_texts(html)


def test_topic_list_fragment_and_page_are_cached_apart(student_client, ingested):
    # Same URL, two bodies: without Vary a browser could show the bare fragment on "back".
    for headers in ({}, {"HX-Request": "true"}):
        response = student_client.get("/topics/", {"q": "lambda"}, headers=headers)
        assert "HX-Request" in response["Vary"]


def test_topic_list_htmx_history_restore_gets_the_whole_page(student_client, ingested):
    # On a history cache miss htmx refetches the pushed URL and swaps the whole body with it.
    response = student_client.get(
        "/topics/",
        {"q": "lambda"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    html = body(response)
    assert "<html" in html
    assert '<form method="get" action="/topics/"' in html
    assert "Lambda@Edge" in link_texts(tree_text(html))


def test_topic_list_filter_without_match_shows_empty_state(student_client, ingested):
    response = student_client.get("/topics/", {"q": "kubernetes"})

    assert response.status_code == 200
    tree = tree_text(body(response))
    assert "No topic matches “kubernetes”" in tree
    assert "0 topics match" in tree
    assert '<ul class="topic-tree">' not in tree
    assert 'href="/topics/"' in tree  # the way back to all topics


def test_topic_list_without_live_topics_explains_how_to_add_notes(student_client, ingested):
    Topic.objects.update(retired_at=timezone.now())

    response = student_client.get("/topics/")

    assert response.status_code == 200
    assert "No topics yet" in body(response)
    assert "manage.py ingest" in body(response)


def test_topic_list_escapes_the_query(student_client, ingested):
    response = student_client.get("/topics/", {"q": '<b>"x'})

    html = body(response)
    assert "<b>" not in tree_text(html)
    assert "&lt;b&gt;" in tree_text(html)


def test_topic_list_too_long_query_is_ignored(student_client, ingested):
    response = student_client.get("/topics/", {"q": "lambda" * 20})

    assert response.status_code == 200
    tree = tree_text(body(response))
    # An invalid filter falls back to the whole tree instead of a server error.
    assert topic_called("DynamoDB").name in link_texts(tree)


def test_topic_list_rejects_post(student_client, client, ingested):
    assert student_client.post("/topics/").status_code == 405
    assert client.post("/topics/").status_code == 405


def test_topic_list_query_count_does_not_grow_with_topics(student_client, ingested):
    before = count_queries(student_client, "/topics/")
    parent = topic_called("Lambda")
    for i in range(30):
        topic = Topic.objects.create(
            key=f"extra-{i}", slug=f"extra-{i}", name=f"Extra {i}", parent=parent
        )
        Fact.objects.create(key=f"extra-fact-{i}", topic=topic, kind="statement", text=f"Fact {i}")
    after = count_queries(student_client, "/topics/")

    assert after == before
    assert before <= 4  # session, user, the tree
    assert "Extra 29" in body(student_client.get("/topics/"))


# /topics/<slug>/ ----------------------------------------------------------------------------------


@pytest.fixture
def lambda_url(ingested) -> str:
    return topic_called("Lambda").get_absolute_url()


@pytest.fixture
def cff_url(ingested) -> str:
    return topic_called("CloudFront Functions").get_absolute_url()


def test_topic_detail_needs_login(client, ingested, lambda_url):
    response = client.get(lambda_url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={lambda_url}"


def test_topic_detail_unknown_slug_is_404(student_client, ingested):
    assert student_client.get("/topics/no-such-topic/").status_code == 404


def test_topic_detail_rejects_post(student_client, client, ingested, lambda_url):
    assert student_client.post(lambda_url).status_code == 405
    assert client.post(lambda_url).status_code == 405


def test_topic_detail_shows_facts_with_citations_to_note_lines(
    student_client, ingested, lambda_url
):
    response = student_client.get(lambda_url)

    assert response.status_code == 200
    html = body(response)
    lam = topic_called("Lambda")
    assert f"<h1>{lam.name}</h1>" in html
    assert lam.parent is not None
    assert re.search(rf'class="breadcrumb".*href="{lam.parent.get_absolute_url()}"', html, re.S)
    facts = lam.facts.filter(retired_at__isnull=True)
    assert len(re.findall(r'<li class="fact(?: has-conflict)?"', html)) == facts.count()
    links = set(re.findall(r'href="/notes/([a-z0-9-]+)/#L(\d+)"', html))
    expected = {
        (c.note.slug, str(c.line))
        for c in Citation.objects.filter(fact__in=facts).select_related("note")
    }
    assert links == expected
    assert len({slug for slug, _ in links}) >= 2  # Lambda is talked about in several notes


def test_every_citation_link_on_the_lambda_page_lands_on_an_anchor(
    student_client, ingested, lambda_url
):
    html = body(student_client.get(lambda_url))
    links = set(re.findall(r'href="(/notes/[a-z0-9-]+/)#(L\d+)"', html))
    assert links

    pages: dict[str, str] = {}
    for url, anchor in sorted(links):
        if url not in pages:
            response = student_client.get(url)
            assert response.status_code == 200, url
            pages[url] = body(response)
        assert f'id="{anchor}"' in pages[url], f"{url}#{anchor} has no target"


def test_cited_line_is_the_line_the_fact_comes_from(student_client, ingested):
    citation = (
        Citation.objects.filter(
            fact__topic=topic_called("CloudFront Functions"), text__contains="sub-ms"
        )
        .select_related("note")
        .first()
    )
    assert citation is not None
    line = citation.note.text.splitlines()[citation.line - 1]
    assert "sub-ms" in line

    note_html = body(student_client.get(f"/notes/{citation.note.slug}/"))
    anchored = re.search(rf'id="L{citation.line}">(.*?)</', note_html, re.S)
    assert anchored is not None
    assert "CloudFront Functions" in note_html[anchored.start() : anchored.start() + 400]


def test_topic_detail_shows_the_latency_conflict(student_client, ingested, cff_url):
    response = student_client.get(cff_url)

    assert response.status_code == 200
    html = body(response)
    conflicts = re.findall(r'<p class="conflict" role="note">(.*?)</p>', html, re.S)
    assert conflicts
    assert any("latency" in c and "sub-ms" in c and "ms-scale" in c for c in conflicts)
    assert "has-conflict" in html


def test_topic_detail_hides_a_conflict_the_notes_no_longer_have(student_client, ingested, cff_url):
    # Ingest retires (not deletes) a conflict once the notes agree again.
    Conflict.objects.filter(topic=topic_called("CloudFront Functions")).update(
        retired_at=timezone.now()
    )

    html = body(student_client.get(cff_url))

    assert "Notes disagree" not in html
    assert "has-conflict" not in html
    assert "sub-ms" in html  # the facts themselves stay


def test_topic_detail_shows_retired_topic_with_a_notice(
    student_client, ingested, lambda_url, cff_url
):
    Topic.objects.filter(pk=topic_called("Lambda").pk).update(retired_at=timezone.now())

    response = student_client.get(lambda_url)

    assert response.status_code == 200
    assert "no longer in your notes" in body(response)
    assert "no longer in your notes" not in body(student_client.get(cff_url))


def test_topic_detail_query_count_is_bounded(
    student_client, ingested, django_assert_max_num_queries, lambda_url
):
    with django_assert_max_num_queries(12):
        response = student_client.get(lambda_url)
    assert response.status_code == 200


def _add_cited_facts(topic: Topic, start: int, count: int, *, conflict: str) -> None:
    notes = list(Note.objects.all()[:2])
    facts = []
    for i in range(start, start + count):
        fact = Fact.objects.create(
            key=f"extra-fact-{i}",
            topic=topic,
            kind="key_value",
            text=f"Extra attribute {i}: {i} MB",
            subheading=f"Extra section {i % 3}",
            attribute=f"Extra attribute {i}",
            value=f"{i} MB",
            order=1000 + i,
        )
        for note in notes:
            Citation.objects.create(fact=fact, note=note, heading="Extra", line=1, text=fact.text)
        facts.append(fact)
    Conflict.objects.create(
        key=conflict, topic=topic, attribute=conflict, values=["1 MB", "2 MB"]
    ).facts.set(facts)
    Topic.objects.create(
        key=f"{conflict}-child", slug=f"{conflict}-child", name=f"Child {conflict}", parent=topic
    )


def test_topic_detail_query_count_does_not_grow_with_facts(student_client, ingested, lambda_url):
    topic = topic_called("Lambda")
    # The baseline already has a conflict, a child and cited facts, so every prefetch runs.
    _add_cited_facts(topic, 0, 1, conflict="first-conflict")
    before = count_queries(student_client, lambda_url)

    _add_cited_facts(topic, 1, 25, conflict="second-conflict")
    after = count_queries(student_client, lambda_url)

    assert after == before
    html = body(student_client.get(lambda_url))
    assert "Extra attribute 25" in html
    assert "Child second-conflict" in html
    assert html.count("Notes disagree on <strong>second-conflict</strong>") == 25


# /notes/<slug>/ ---------------------------------------------------------------------------------


def test_note_detail_needs_login(client, ingested):
    response = client.get(MOJIBAKE_NOTE)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={MOJIBAKE_NOTE}"


def test_note_detail_unknown_slug_is_404(student_client, ingested):
    assert student_client.get("/notes/no-such-note/").status_code == 404


def test_note_detail_rejects_post(student_client, ingested):
    assert student_client.post(MOJIBAKE_NOTE).status_code == 405


def test_note_detail_renders_the_repaired_mojibake_note(student_client, ingested):
    response = student_client.get(MOJIBAKE_NOTE)

    assert response.status_code == 200
    html = body(response)
    assert "<h1" in html and "Section 19: Serverless" in html
    assert "⚠️" in html
    assert "don’t manage servers" in html
    assert "â€" not in html
    assert "ðŸ" not in html
    assert "mojibake repaired" in html  # the page says what was repaired
    assert "<table" in html  # the comparison table is rendered as a table


def test_note_detail_shows_images_as_placeholders(student_client, ingested):
    for url in (IMAGES_NOTE, OBSIDIAN_NOTE):
        html = body(student_client.get(url))

        assert "placeholder-image" in html, url
        assert "<img" not in html, url
    assert "(github.com)" in body(student_client.get(IMAGES_NOTE))
    assert "embedded file" in body(student_client.get(OBSIDIAN_NOTE))


def test_note_detail_has_line_anchors(student_client, ingested):
    html = body(student_client.get(MOJIBAKE_NOTE))

    anchors = [int(n) for n in re.findall(r'id="L(\d+)"', html)]
    assert 1 in anchors  # the title
    assert len(anchors) > 50
    assert len(anchors) == len(set(anchors))


# Sanitising -------------------------------------------------------------------------------------


def test_render_note_strips_scripts_handlers_and_javascript_links():
    html = render_note(HOSTILE_NOTE)

    assert_inert(html)
    assert "alert(1)</script>" not in html
    assert "evil.example" not in html
    assert "Intro paragraph." in html
    assert "<strong>Kept</strong>" in html
    assert "<div>hi</div>" in html  # the div's content stays, only the handler goes
    assert ">x</a>" in html and ">encoded</a>" in html  # links keep their text, lose the href
    assert "[click](javascript:alert(1))" in html  # not a link at all: shown as written


def test_render_note_keeps_safe_links_and_marks_them_nofollow():
    html = render_note("[docs](https://example.com/x) and [mail](mailto:a@example.com)")

    assert 'href="https://example.com/x"' in html
    assert 'href="mailto:a@example.com"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_hostile_note_page_is_sanitised(student_client, ingested, tmp_path: Path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_NOTE, encoding="utf-8")
    report = model_rebuild(generate=False, paths=[path]).ingest
    assert not report.errors, report.as_dict()
    note = Note.objects.get(path=str(path))

    response = student_client.get(note.get_absolute_url())

    assert response.status_code == 200
    html = body(response)
    assert_inert(note_article(html))
    # The only script on the whole page is our own vendored htmx.
    assert re.findall(r"<script[^>]*>", html, re.I) == [
        '<script src="/static/django_htmx/htmx-2.min.js" defer>'
    ]
    for needle in ("onerror", "onclick", "onload", "javascript:alert(2)", "evil.example"):
        assert needle not in html.lower(), needle
    assert "Hostile note" in html
    assert "this survives" in html


# / dashboard ------------------------------------------------------------------------------------


def test_dashboard_anonymous_sees_sign_up(client, ingested):
    response = client.get("/")

    assert response.status_code == 200
    html = body(response)
    assert re.search(r'<a class="button" href="/accounts/signup/">Sign up</a>', html)
    # Nothing from the notes leaks to anonymous visitors.
    assert "/notes/" not in html
    assert topic_called("Serverless").get_absolute_url() not in html


def test_dashboard_logged_in_sees_topics_and_notes(student_client, ingested):
    response = student_client.get("/")

    assert response.status_code == 200
    html = body(response)
    assert "Welcome back, student" in html
    assert f'href="{topic_called("Serverless").get_absolute_url()}"' in html
    for note in Note.objects.all():
        assert f'href="/notes/{note.slug}/"' in html
    assert "Section 19: Serverless" in html
    assert 'class="button" href="/accounts/signup/"' not in html


def test_dashboard_without_live_notes_says_how_to_add_them(student_client, ingested):
    Topic.objects.update(retired_at=timezone.now())
    Note.objects.update(is_present=False)

    html = body(student_client.get("/"))

    assert "No topics yet" in html
    assert "No notes ingested yet" in html


def test_dashboard_rejects_post(student_client):
    assert student_client.post("/").status_code == 405


def test_note_html_cannot_pose_as_the_app():
    from studyapp.knowledge.rendering import render_note

    html = render_note('# T\n\n<p class="conflict" id="fact-1">fake warning</p>\n')
    assert 'class="conflict"' not in html and 'id="fact-1"' not in html
    assert '<h1 id="L1">' in html


def test_dashboard_says_an_attempt_under_way_is_in_progress(
    db, instructor, student, student_client
):
    from studyapp.quizzes import attempts
    from tests.factories import make_bank, make_quiz

    bank = make_bank()
    quiz = make_quiz(instructor, [bank.questions["choice"]], title="Two tries", attempts_allowed=2)
    first = attempts.attempt_start(quiz=quiz, user=student, now=timezone.now())
    attempts.attempt_submit(attempt=first, now=timezone.now())
    html = re.sub(r"\s+", " ", body(student_client.get("/")))
    assert "· 1 of 2 attempts used" in html
    attempts.attempt_start(quiz=quiz, user=student, now=timezone.now())
    html = re.sub(r"\s+", " ", body(student_client.get("/")))
    assert 'Two tries</a> <span class="badge">In progress</span>' in html
    assert "· attempt 2 of 2 in progress" in html
    assert "2 of 2 attempts used" not in html
