"""Ingest and quiz benchmarks: medians of repeated runs, as ratios to a baseline measured in
the same run.

Baseline: markdown-it parsing the five notes' bytes (what any Markdown app pays). Usage:
`make bench` or `python bench/run.py [--repeat N]`. Uses a throwaway SQLite database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="studyapp-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyapp.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from markdown_it import MarkdownIt

    from studyapp.accounts.services import user_grant_instructor
    from studyapp.decks.models import Card
    from studyapp.decks.services import cards_generate
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.merge import merge
    from studyapp.knowledge.ingest.parse import parse
    from studyapp.knowledge.ingest.read import read_note
    from studyapp.knowledge.models import (
        Citation,
        Comparison,
        Conflict,
        Correction,
        Fact,
        Note,
        Topic,
    )
    from studyapp.knowledge.snapshot import model_snapshot
    from studyapp.pipeline import model_rebuild, table_correct
    from studyapp.quizzes import grading
    from studyapp.quizzes.bank import bank_inputs, questions_generate
    from studyapp.quizzes.generate import generate
    from studyapp.quizzes.models import Question

    call_command("migrate", verbosity=0)
    files = sorted((ROOT / "content").glob("*.md"))
    blobs = [f.read_bytes() for f in files]
    md = MarkdownIt("commonmark").enable("table")

    def baseline():
        for blob in blobs:
            md.parse(blob.decode("utf-8"))

    def read_only():
        for blob in blobs:
            read_note(blob)

    def pure_pipeline():
        merge({str(i): extract(parse(read_note(b).text)) for i, b in enumerate(blobs)})

    def first_ingest():
        for model in (
            Card,
            Question,
            Correction,
            Citation,
            Conflict,
            Comparison,
            Fact,
            Topic,
            Note,
        ):
            model.objects.all().delete()
        model_rebuild(generate=False)

    def reingest():
        model_rebuild(generate=False)

    # Scaling: one topic with n and 4n distinct bullets; linear merging gives a ratio near 4.
    words = blobs[-1].decode("utf-8").split()

    def synthetic(n: int) -> str:
        bullets = (" ".join(words[(i * 7 + j) % len(words)] for j in range(8)) for i in range(n))
        return "# Big\n## Lambda\n" + "\n".join(f"- {i} {b}" for i, b in enumerate(bullets))

    small, large = synthetic(1500), synthetic(6000)

    def pipeline_small():
        merge({"big": extract(parse(small))})

    def pipeline_large():
        merge({"big": extract(parse(large))})

    # Quizzes: the bank from the model (pure, and the DB upsert with nothing changed), and grading
    # a learner's answers to every question in the bank (what submitting a long quiz costs).
    model_rebuild(generate=False)
    questions_generate()
    inputs = bank_inputs()
    bank = list(Question.objects.filter(retired_at__isnull=True))
    wrong = [["not it"] for _ in bank]

    def bank_pure():
        generate(*inputs[:3], seed=0)

    def bank_unchanged():
        questions_generate()

    def grade_bank():
        for question, answer in zip(bank, wrong, strict=True):
            grading.grade(question, answer)

    # A table correction: what one instructor's click costs (that table's cards and the bank),
    # against regenerating every card and question.
    cards_generate()
    author = get_user_model().objects.create_user("bench-instructor")
    user_grant_instructor(username="bench-instructor")
    headline = Comparison.objects.filter(retired_at__isnull=True).order_by("-pk").first()
    counter = iter(range(10**6))

    def correct_table():
        table_correct(
            comparison=headline, author=author, kind="add_row", row=f"Bench {next(counter)}"
        )

    def regenerate_all():
        snapshot = model_snapshot()
        cards_generate(snapshot=snapshot)
        questions_generate(snapshot=snapshot)

    rows = [
        ("baseline: markdown-it parse of the 5 notes", baseline),
        ("read (decode + mojibake repair)", read_only),
        ("read + parse + extract + merge (pure)", pure_pipeline),
        ("ingest into an empty SQLite DB", first_ingest),
        ("re-ingest, notes unchanged", reingest),
        ("pure pipeline, one topic, 1,500 bullets", pipeline_small),
        ("pure pipeline, one topic, 6,000 bullets", pipeline_large),
        ("question bank: generate (pure)", bank_pure),
        ("question bank: regenerate, nothing changed", bank_unchanged),
        (f"grade one answer to each of {len(bank)} questions", grade_bank),
        ("regenerate every card and question", regenerate_all),
        ("table correction (its cards + the bank)", correct_table),
    ]
    results = [(name, _median_ms(fn, args.repeat)) for name, fn in rows]
    base = results[0][1]
    size_kib = sum(map(len, blobs)) / 1024
    print(f"{len(files)} notes, {size_kib:.1f} KiB, median of {args.repeat} runs")
    print(f"{'step':52} {'median ms':>10} {'× baseline':>11}")
    for name, ms in results:
        print(f"{name:52} {ms:10.1f} {ms / base:11.1f}")
    scale = results[6][1] / results[5][1]
    print(f"4x the bullets took {scale:.1f}x the time (4.0 is linear)")
    first_ingest()
    print(
        f"model: {Topic.objects.count()} topics, {Fact.objects.count()} facts, "
        f"{Comparison.objects.count()} comparisons, {Conflict.objects.count()} conflicts, "
        f"{len(bank)} questions"
    )


if __name__ == "__main__":
    main()
