"""Ingest end to end on the five real notes: counts, citations, idempotence, edits, bad input."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.models import Citation, Comparison, Conflict, Fact, Note, Topic
from studyapp.pipeline import model_rebuild

CONTENT = Path(settings.CONTENT_DIR)
MOJIBAKE = re.compile("â€|ğŸ|âš|âœ|âŒ|Ã|Â|ï¸")


@pytest.fixture
def content(tmp_path, settings):
    """A private copy of content/ so tests can edit and break notes."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    settings.CONTENT_DIR = folder
    return folder


# A test that needs the state after a first ingest of the unchanged notes takes `notes_ingested`
# (the session's ingest, restored: tests/five_notes.py) and ingests only what it is about.


def _counts():
    return {
        m.__name__: m.objects.count() for m in (Note, Topic, Fact, Citation, Comparison, Conflict)
    }


def _lambda_fact(quantity_key):
    """The Lambda fact with this value that the most notes cite."""
    lam = next(t for t in Topic.objects.all() if "AWS Lambda" in t.aliases)
    facts = Fact.objects.filter(topic=lam, quantity_key=quantity_key, retired_at__isnull=True)
    return max(facts, key=lambda f: f.citations.values("note").distinct().count())


@pytest.mark.django_db
def test_the_five_notes_ingest_without_errors_or_mojibake(notes_ingested):
    report = notes_ingested
    assert [f.status for f in report.files] == ["ok"] * 5
    assert not report.errors
    for note in Note.objects.all():
        assert not MOJIBAKE.search(note.text), note.slug
    for fact in Fact.objects.all():
        assert not MOJIBAKE.search(fact.text), fact.text
    seed = Note.objects.get(slug="serverless-section-19")
    assert "- ⚠️ **Limitations**" in seed.text and "❌ Not supported" in seed.text
    assert any("mojibake" in r for r in seed.repairs)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("quantity", "value"),
    [
        ("900-900s", "900 s / 15 min timeout"),
        ("1.34218e+08-1.07374e+10B", "128 MB – 10 GB memory"),
        ("4096-4096B", "4 KB environment variables"),
        ("5.24288e+07-5.24288e+07B", "50 MB deployment (zip)"),
        ("2.62144e+08-2.62144e+08B", "250 MB deployment (uncompressed)"),
        ("1000-1000", "1000 concurrent executions"),
    ],
)
def test_lambda_limits_are_facts_citing_at_least_three_notes(notes_ingested, quantity, value):
    fact = _lambda_fact(quantity)
    notes = set(fact.citations.values_list("note__slug", flat=True))
    assert len(notes) >= 3, (value, notes)


@pytest.mark.django_db
def test_the_headline_comparison_table_has_all_its_rows(notes_ingested):
    table = Comparison.objects.get(title="AWS Lambda vs CloudFront Functions vs Lambda@Edge")
    assert table.entities == ["AWS Lambda", "CloudFront Functions", "Lambda@Edge"]
    assert table.attributes[:9] == [
        "Runtime", "Execution Time", "Location", "Scaling", "Use Cases", "Startup",
        "Access to AWS Services", "File System Access", "Cost",
    ]  # fmt: skip
    assert table.cells.count() >= 27
    cell = table.cells.get(entity="CloudFront Functions", attribute="File System Access")
    assert cell.value == "❌ Not supported"
    assert cell.sources[0]["note"] == "serverless-section-19"
    assert table.entity_topics.count() == 3
    assert Comparison.objects.filter(title__contains="EC2").exists()


@pytest.mark.django_db
def test_cloudfront_latency_conflict_is_recorded(notes_ingested):
    conflict = Conflict.objects.get(topic__name="CloudFront Functions", attribute="latency")
    assert sorted(conflict.values) == ["ms-scale", "sub-ms"]
    assert conflict.facts.count() == 2


@pytest.mark.django_db
def test_reingesting_unchanged_notes_changes_nothing(content, notes_ingested):
    before = _counts()
    keys = {
        m.__name__: dict(m.objects.values_list("pk", "key"))
        for m in (Topic, Fact, Comparison, Conflict)
    }
    citations = set(Citation.objects.values_list("pk", "fact_id", "note_id", "line"))
    report = model_rebuild(generate=False).ingest
    assert {f.status for f in report.files} == {"unchanged"}
    assert report.changes == {"created": {}, "updated": {}, "retired": {}}
    assert _counts() == before
    assert keys == {
        m.__name__: dict(m.objects.values_list("pk", "key"))
        for m in (Topic, Fact, Comparison, Conflict)
    }
    assert citations == set(Citation.objects.values_list("pk", "fact_id", "note_id", "line"))


@pytest.mark.django_db
def test_editing_a_note_changes_only_its_facts(content, notes_ingested):
    note = content / "serverless-obsidian.md"
    untouched = {
        f.pk: (f.key, f.text, f.retired_at)
        for f in Fact.objects.exclude(citations__note__slug="serverless-obsidian")
    }
    text = note.read_text(encoding="utf-8")
    only_here = "- best for rapidly evolve schemas \n"  # a fact no other note states
    assert only_here in text
    assert {
        c.note.slug for c in Fact.objects.get(text=only_here.strip(" -\n")).citations.all()
    } == {"serverless-obsidian"}
    text = text.replace(only_here, "")
    text = text.replace(
        "- fully serverless\n", "- fully serverless\n- edge functions are billed per request\n"
    )
    note.write_text(text, encoding="utf-8")
    report = model_rebuild(generate=False).ingest
    assert [f.path for f in report.files if f.status == "ok"] == ["serverless-obsidian.md"]
    assert report.changes["created"]["facts"] == 1
    assert report.changes["retired"]["facts"] == 1
    retired = Fact.objects.get(text="best for rapidly evolve schemas")
    assert retired.retired_at is not None  # retired, not deleted
    assert Fact.objects.filter(
        text="edge functions are billed per request", retired_at__isnull=True
    ).exists()
    now = {f.pk: (f.key, f.text, f.retired_at) for f in Fact.objects.filter(pk__in=untouched)}
    assert now == untouched


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "empty file"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("huge.md", b"- fact\n" * 5000, "limit"),
        ("image.png", b"\x89PNG", "not a note"),
    ],
)
def test_a_bad_note_is_reported_by_name_and_the_others_still_ingest(
    content, name, data, reason, capsys
):
    (content / name).write_bytes(data)
    args = [str(content / name)] if name.endswith(".png") else []
    with pytest.raises(CommandError) as err:
        call_command("ingest", *args, "--max-bytes", "20000")
    assert err.value.returncode == 1
    stderr = capsys.readouterr().err
    assert name in stderr and reason in stderr
    if not args:
        assert Note.objects.count() == 5 and Fact.objects.count() > 300


@pytest.mark.django_db
def test_a_note_that_breaks_keeps_its_last_good_version(content, notes_ingested):
    before = Fact.objects.filter(retired_at__isnull=True).count()
    (content / "serverless-obsidian.md").write_bytes(b"")
    report = model_rebuild(generate=False).ingest
    assert [f.path for f in report.errors] == ["serverless-obsidian.md"]
    assert Fact.objects.filter(retired_at__isnull=True).count() == before


@pytest.mark.django_db
def test_json_report(content, capsys):
    call_command("ingest", "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    files = {f["path"]: f for f in report["files"]}
    seed = files["serverless-section-19.md"]
    assert seed["status"] == "ok" and seed["encoding"] == "utf-8"
    assert any("mojibake" in r for r in seed["repairs"])
    assert seed["counts"]["facts"] > 50 and seed["counts"]["tables"] == 1
    assert report["totals"]["topics"] == Topic.objects.count()


@pytest.mark.django_db
def test_cp1252_crlf_note_reads_right(content):
    (content / "legacy.txt").write_bytes(
        "# Caf\xe9 notes\r\n\r\n- \x93Lambda\x94 max time: 900 s\r\n".encode("latin-1")
    )
    report = model_rebuild(generate=False).ingest
    legacy = next(f for f in report.files if f.path == "legacy.txt")
    assert legacy.encoding == "cp1252"
    assert Note.objects.get(slug="legacy").title == "Café notes"
    assert Fact.objects.filter(text="“Lambda” max time: 900 s").exists()


@given(st.text(max_size=2000))
@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_extract_merge_never_raise_on_arbitrary_text(text):
    model = merge({"a": extract(parse(text)), "b": extract(parse(text + "\n- extra"))})
    assert all(f.key for f in model.facts)


_MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            "# ",
            "## ",
            "- ",
            "\t- ",
            "    - ",
            "1. ",
            "| a | b |",
            "|---|---|",
            "**",
            "==",
            ":",
            "::",
            " → ",
            "![[x]]",
            "<details>",
            "15 min",
            "10GB",
            "\n",
            "\n\n",
            "text",
            "AWS Lambda",
            "vs",
        ]
    ),
    max_size=60,
).map("".join)


@given(_MARKDOWNISH)
@hsettings(max_examples=200, deadline=None)
def test_pipeline_never_raises_on_markdown_like_text(text):
    merge({"a": extract(parse(text))})


@pytest.mark.django_db
def test_snapstart_languages_conflict_is_recorded(notes_ingested):
    conflict = Conflict.objects.get(attribute="languages")
    assert conflict.topic.name in {"AWS Lambda", "Lambda"}
    assert sorted(conflict.values) == ["Java 11+", "Java, .NET, Python"]
    assert {f.subheading for f in conflict.facts.all()} == {"SnapStart"}


@pytest.mark.django_db
def test_an_edit_leaves_other_notes_rows_untouched(content, notes_ingested):
    fields = ["key", "text", "order", "topic_id", "subheading", "retired_at", "value"]
    other = Fact.objects.exclude(citations__note__slug="serverless-obsidian")
    before = {f["pk"]: f for f in other.values("pk", *fields)}
    other_citations = set(
        Citation.objects.exclude(note__slug="serverless-obsidian").values_list(
            "pk", "fact_id", "line"
        )
    )
    note = content / "serverless-obsidian.md"
    # one new line near the top shifts every later line of this note
    note.write_text("- studied on a train\n" + note.read_text(encoding="utf-8"), encoding="utf-8")
    report = model_rebuild(generate=False).ingest
    assert report.changes["created"].get("citations", 0) <= 1
    assert report.changes["updated"]["citations"] > 50  # lines moved, rows kept
    after = {f["pk"]: f for f in Fact.objects.filter(pk__in=before).values("pk", *fields)}
    changed = [pk for pk in before if before[pk] != after[pk]]
    new_fact = Fact.objects.get(text="studied on a train")
    # Only facts of the topic that gained a fact moved (their order), nothing else.
    assert {after[pk]["topic_id"] for pk in changed} <= {new_fact.topic_id}
    for pk in changed:
        assert {k: v for k, v in before[pk].items() if k != "order"} == {
            k: v for k, v in after[pk].items() if k != "order"
        }
    assert other_citations <= set(Citation.objects.values_list("pk", "fact_id", "line"))


@pytest.mark.django_db
@pytest.mark.parametrize("how", [None, "folder"])
def test_a_deleted_note_retires_its_facts_and_they_return_with_it(content, notes_ingested, how):
    only_here = Fact.objects.get(text="best for rapidly evolve schemas")
    saved = (content / "serverless-obsidian.md").read_bytes()
    (content / "serverless-obsidian.md").unlink()
    model_rebuild(generate=False, paths=[content] if how else None)
    only_here.refresh_from_db()
    assert only_here.retired_at is not None
    assert Note.objects.get(slug="serverless-obsidian").is_present is False
    (content / "serverless-obsidian.md").write_bytes(saved)
    model_rebuild(generate=False, paths=[content] if how else None)
    only_here.refresh_from_db()
    assert only_here.retired_at is None
    assert Note.objects.get(slug="serverless-obsidian").is_present is True


@pytest.mark.django_db
def test_repeated_lines_and_table_rows_in_one_note_do_not_break_ingest(content):
    (content / "repeats.md").write_text(
        "# L\n- Lambda: 15 min\n- Lambda: 15 min\n\n| Feature | A | B |\n|---|---|---|\n"
        "| Memory | 1 | 2 |\n| Memory | 1 | 2 |\n| | | |\n| | | |\n",
        encoding="utf-8",
    )
    report = model_rebuild(generate=False).ingest
    assert not report.errors
    assert Note.objects.filter(slug="repeats").exists() and Note.objects.count() == 6


@pytest.mark.django_db
def test_one_file_named_two_ways_is_one_note_and_hidden_folders_are_skipped(content):
    (content / ".trash").mkdir()
    (content / ".trash" / "deleted.md").write_text("# Deleted\n- old fact\n", encoding="utf-8")
    name = content / "serverless-obsidian.md"
    model_rebuild(
        generate=False, paths=[name, content / ".." / "content" / "serverless-obsidian.md"]
    )
    assert Note.objects.count() == 1
    model_rebuild(generate=False)
    assert Note.objects.count() == 5
    assert not Fact.objects.filter(text="old fact").exists()


@pytest.mark.django_db
def test_progress_is_reported_per_file(content):
    seen: list[str] = []
    model_rebuild(generate=False, progress=seen.append)
    assert seen == sorted(p.name for p in content.glob("*.md"))


@pytest.mark.django_db
def test_a_comparison_rebuilt_under_a_new_key_keeps_its_url(content, notes_ingested):
    table = Comparison.objects.get(title="AWS Lambda vs CloudFront Functions vs Lambda@Edge")
    slug = table.slug
    # as if its identity had changed: an old key for it and for its cells
    Comparison.objects.filter(pk=table.pk).update(key="an-old-key")
    for cell in table.cells.all():
        cell.key = f"old-{cell.pk}"
        cell.save(update_fields=["key"])
    model_rebuild(generate=False)
    live = Comparison.objects.get(title=table.title, retired_at__isnull=True)
    assert live.pk != table.pk and live.slug == slug
    assert Comparison.objects.get(pk=table.pk).slug != slug


@pytest.mark.django_db
def test_a_note_that_breaks_merging_fails_alone_and_keeps_its_last_good_text(tmp_path, monkeypatch):
    from studyapp.knowledge import services
    from studyapp.knowledge.models import Fact
    from studyapp.pipeline import model_rebuild

    (tmp_path / "enzymes.md").write_text("# Enzymes\n\n- Optimal pH of pepsin: 2\n")
    (tmp_path / "rivers.md").write_text("# Rivers\n\n- Longest river in Africa: Nile\n")
    model_rebuild(paths=[tmp_path], generate=False)
    real = services.merge

    def fragile(extractions):
        if any("Kaboom" in (e.title or "") for e in extractions.values()):
            raise ValueError("merge bug")
        return real(extractions)

    monkeypatch.setattr(services, "merge", fragile)
    (tmp_path / "rivers.md").write_text("# Kaboom\n\n- Longest river in Asia: Yangtze\n")
    (tmp_path / "enzymes.md").write_text(
        "# Enzymes\n\n- Optimal pH of pepsin: 2\n- Amylase: starch\n"
    )
    report = model_rebuild(paths=[tmp_path], generate=False).ingest
    status = {f.path.rsplit("/", 1)[-1]: (f.status, f.error) for f in report.files}
    assert status["rivers.md"][0] == "error" and "could not be merged" in status["rivers.md"][1]
    assert status["enzymes.md"][0] == "ok"
    facts = set(Fact.objects.filter(retired_at__isnull=True).values_list("text", flat=True))
    assert "Amylase: starch" in facts  # the others went on
    assert "Longest river in Africa: Nile" in facts  # the broken note's last good text stays


@pytest.mark.django_db
def test_a_folder_outside_content_gives_slugs_from_inside_it(tmp_path, settings):
    """A note ingested from /somewhere/vault gets its URL from its place in the vault, not from
    the machine's own folders; the stored path stays whole, so re-ingest finds it."""
    settings.CONTENT_DIR = tmp_path / "content"
    vault = tmp_path / "deep" / "Downloads" / "vault"
    (vault / "Biology").mkdir(parents=True)
    (vault / "Biology" / "Cell Division.md").write_text(
        "# Mitosis\n- Mitosis has four phases.\n", encoding="utf-8"
    )
    loose = tmp_path / "elsewhere" / "Loose Note.md"
    loose.parent.mkdir()
    loose.write_text("# Osmosis\n- Osmosis moves water across a membrane.\n", encoding="utf-8")
    model_rebuild(generate=False, paths=[vault, loose])
    notes = {n.slug: n.path for n in Note.objects.all()}
    assert set(notes) == {"biology-cell-division", "loose-note"}
    assert notes["biology-cell-division"] == str(vault / "Biology" / "Cell Division.md")
    model_rebuild(generate=False, paths=[vault, loose])
    assert set(Note.objects.values_list("slug", flat=True)) == set(notes)
