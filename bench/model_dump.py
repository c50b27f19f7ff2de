"""Dump what the five notes become (topics, facts, tables, cards, questions, with their keys) as
JSON, from a fresh SQLite database, so a refactor can be checked by diffing two dumps:

    .venv/bin/python bench/model_dump.py > /tmp/before.json
    ... change the code ...
    .venv/bin/python bench/model_dump.py > /tmp/after.json && diff /tmp/before.json /tmp/after.json

`model_dump.py FOLDER...` dumps those notes instead, and `--bench N` the N-note generated corpus
(bench/corpus.py), so a speed change can be checked on a thousand notes as well as on five.

Fields are read by name, so the dump does not depend on where the code lives.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Ids and times differ run to run; the model stamp is a random token; a note's extraction is a
# pickled cache (it holds the folder it was read from) keyed by a hash of it.
IGNORED = {"id", "created_at", "updated_at", "ingested_at", "retired_at", "seen_at"}
IGNORED |= {"token", "extraction", "extraction_key"}


def _rows(model, order: str) -> list[dict]:
    fields = []
    for f in model._meta.concrete_fields:
        if f.attname in IGNORED:
            continue
        if f.is_relation:
            # A foreign key is shown by the key (or slug) of what it points to, not its id.
            target = {g.name for g in f.related_model._meta.concrete_fields}
            ident = next((n for n in ("key", "slug", "username") if n in target), None)
            if ident:
                fields.append(f"{f.name}__{ident}")
            continue
        fields.append(f.attname)
    if not fields:  # every field ignored (values() would then give them all): count the rows
        return [{"rows": model.objects.count()}]
    return [
        {
            k: (v if isinstance(v, (int, float, str, bool, list, dict, type(None))) else str(v))
            for k, v in row.items()
        }
        for row in model.objects.order_by(order).values(*fields)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", help="folders or notes (default: content/)")
    parser.add_argument("--bench", type=int, help="dump the N-note generated bench corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/dump.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyapp.settings")
        import django

        django.setup()
        from django.apps import apps
        from django.core.management import call_command

        paths = list(args.paths)
        if args.bench:
            from bench.corpus import corpus_write

            # a fixed folder: a note's place in the tree is part of what it becomes
            notes = Path(tempfile.gettempdir()) / f"studyapp-dump-bench-{args.bench}"
            shutil.rmtree(notes, ignore_errors=True)
            corpus_write(notes, args.bench)
            paths.append(str(notes))
        call_command("migrate", verbosity=0)
        from django.core.management.base import CommandError

        try:
            call_command("ingest", *paths, "--json", stdout=io.StringIO())
        except CommandError:
            pass  # a note that could not be read (an empty file) is left out; the rest is dumped
        dump: dict[str, list[dict]] = {}
        for label in ("knowledge", "decks", "quizzes"):
            for model in apps.get_app_config(label).get_models():
                names = {f.attname for f in model._meta.concrete_fields}
                order = "key" if "key" in names else "pk"
                dump[f"{label}.{model.__name__}"] = _rows(model, order)
        # Citations have no key: identify them by fact key, note slug and line.
        Citation = apps.get_model("knowledge", "Citation")
        dump["knowledge.Citation"] = sorted(
            Citation.objects.values_list("fact__key", "note__slug", "heading", "line"),
        )
        json.dump(dump, sys.stdout, indent=1, sort_keys=True, default=str)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
