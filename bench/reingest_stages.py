"""Where a one-note re-ingest spends its time, stage by stage (issue 10: under 2 s at 1,000 notes).

Generates a corpus (bench/corpus.py) into a throwaway SQLite database, ingests it, then edits one
note several times (a line added, a line changed, a heading renamed) and re-ingests after each in
the same process, printing each stage's wall and CPU seconds: read, merge, store, snapshot,
cards, questions (the last two include their own reads and writes).

The first row is the first ingest into the empty database, stage by stage.

Usage: `python bench/reingest_stages.py [--notes 1000] [--profile OUT.pstats [--profile-first]]`
(`--profile-first` profiles the first ingest instead of the re-ingests).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAGES: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
_GC = {"start": 0.0, "total": 0.0, "gen2": 0}


def _gc_timed(phase: str, info: dict) -> None:
    """Time the cycle collector's runs (a run over every object kept costs as much as a stage)."""
    if phase == "start":
        _GC["start"] = time.perf_counter()
    else:
        _GC["total"] += time.perf_counter() - _GC["start"]
        _GC["gen2"] += info["generation"] == 2


def _timed_stage(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            STAGES[name][0] += time.perf_counter() - wall
            STAGES[name][1] += time.process_time() - cpu

    return wrapper


def _instrument() -> None:
    from studyapp import pipeline
    from studyapp.knowledge import services

    services.notes_read = _timed_stage("read", services.notes_read)
    pipeline.notes_read = services.notes_read
    services._merged = _timed_stage("merge", services._merged)
    services.model_store = _timed_stage("store", services.model_store)
    pipeline.model_snapshot = _timed_stage("snapshot", pipeline.model_snapshot)
    pipeline.edit_scope = _timed_stage("scope", pipeline.edit_scope)
    pipeline.cards_generate = _timed_stage("cards", pipeline.cards_generate)
    pipeline.questions_generate = _timed_stage("questions", pipeline.questions_generate)


EDITS = {
    "line added": lambda text: text + "\n- Added in the bench: 42 kg\n",
    "line changed": lambda text: text.replace("42 kg", "43 kg"),
    "heading renamed": lambda text: text.replace("\n## ", "\n## Renamed ", 1),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--profile", help="write a cProfile of the re-ingests here")
    parser.add_argument(
        "--profile-first", action="store_true", help="profile the first ingest, not the edits"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix=f"studyapp-stages-{args.notes}-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyapp.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench.corpus import corpus_write
    from studyapp.pipeline import model_rebuild

    notes = tmp / "notes"
    corpus_write(notes, args.notes)
    paths = sorted(notes.rglob("*.md"))
    call_command("migrate", verbosity=0)
    _instrument()
    gc.callbacks.append(_gc_timed)
    one = paths[len(paths) // 2]
    profiler = cProfile.Profile() if args.profile else None
    names = ["read", "merge", "store", "snapshot", "scope", "cards", "questions"]
    print(
        f"{'edit':<16} {'total':>6} " + " ".join(f"{n:>9}" for n in names),
        f"{'gc':>6} {'gen2':>4}",
        "  (wall s)",
    )
    for edit, change in {"first ingest": None, **EDITS}.items():
        if change is not None:
            one.write_text(change(one.read_text(encoding="utf-8")), encoding="utf-8")
        STAGES.clear()
        _GC.update(total=0.0, gen2=0)
        start = time.perf_counter()
        if profiler and (change is None) == args.profile_first:
            profiler.enable()
        model_rebuild(paths=[notes])
        if profiler:
            profiler.disable()
        total = time.perf_counter() - start
        print(
            f"{edit:<16} {total:>6.2f} " + " ".join(f"{STAGES[n][0]:>9.2f}" for n in names),
            f"{_GC['total']:>6.2f} {_GC['gen2']:>4}",
            flush=True,
        )
    if profiler:
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
