"""`python manage.py ingest [PATH ...] [--json]`: read notes into the topic model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from studyapp.knowledge.services import IngestReport, note_files
from studyapp.pipeline import RebuildReport, model_rebuild


class Command(BaseCommand):
    help = "Ingest Markdown notes (.md, .markdown, .txt) into the topic model. Default: content/."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", type=Path, help="Files or folders (default: content/)."
        )
        parser.add_argument("--json", action="store_true", help="Print a machine-readable report.")
        parser.add_argument(
            "--max-bytes", type=int, default=None, help="Refuse notes larger than this."
        )

    def handle(self, *args, paths: list[Path], json: bool, max_bytes: int | None, **options):
        show_progress = not json and sys.stdout.isatty()
        if show_progress:
            rebuilt = self._with_progress(paths, max_bytes)
        else:
            rebuilt = model_rebuild(paths=paths or None, max_bytes=max_bytes)
        report, cards, questions = rebuilt.ingest, rebuilt.cards, rebuilt.questions
        assert cards is not None and questions is not None  # model_rebuild generates by default
        if json:
            self.stdout.write(_json_dumps(rebuilt.as_dict()))
        else:
            self._print(report)
            kinds = ", ".join(f"{n} {k}" for k, n in sorted((cards.by_kind or {}).items()))
            self.stdout.write(f"Cards: {sum((cards.by_kind or {}).values())} ({kinds or 'none'})")
            kinds = ", ".join(f"{n} {k}" for k, n in sorted(questions.by_kind.items()))
            total = sum(questions.by_kind.values())
            self.stdout.write(f"Questions: {total} ({kinds or 'none'})")
        if report.errors:
            raise CommandError(f"{len(report.errors)} note(s) could not be ingested.", returncode=1)

    def _with_progress(self, paths: list[Path], max_bytes: int | None) -> RebuildReport:
        from django.conf import settings
        from rich.progress import Progress

        files, _problems = note_files(paths or [Path(settings.CONTENT_DIR)])
        with Progress(transient=True) as progress:
            task = progress.add_task("Ingesting notes", total=len(files) or None)

            def step(name: str) -> None:
                progress.update(task, advance=1, description=f"Reading {name}")

            return model_rebuild(paths=paths or None, max_bytes=max_bytes, progress=step)

    def _print(self, report: IngestReport) -> None:
        for file in report.files:
            if file.status == "error":
                self.stderr.write(self.style.ERROR(f"✗ {file.path}: {file.error}"))
            else:
                repairs = f" — repaired: {'; '.join(file.repairs)}" if file.repairs else ""
                self.stdout.write(
                    f"{'=' if file.status == 'unchanged' else '✓'} {file.path} "
                    f"({file.encoding}, {file.facts} facts, {file.tables} tables){repairs}"
                )
        totals = report.totals
        changes = report.changes
        self.stdout.write(
            self.style.SUCCESS(
                f"{totals.get('notes', 0)} notes → {totals.get('topics', 0)} topics, "
                f"{totals.get('facts', 0)} facts, {totals.get('comparisons', 0)} comparisons, "
                f"{totals.get('conflicts', 0)} conflicts in {report.seconds:.2f}s"
            )
        )
        summary = ", ".join(
            f"{verb} {n} {what}"
            for verb, counts in changes.items()
            for what, n in sorted(counts.items())
            if n
        )
        self.stdout.write(f"Changes: {summary or 'none'}")


def _json_dumps(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
