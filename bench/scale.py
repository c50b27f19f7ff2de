"""How ingest grows with the corpus: 100, 300 and 1,000 generated notes (bench/corpus.py).

For each size, in a fresh process (so peak memory is that size's own) and a throwaway SQLite
database, against a markdown-it parse of the same bytes measured in the same process:
- the pure stages (read, parse, extract, merge), median of `--repeat` runs: on one core, and
  as the pipeline runs them, with parsing and extraction spread over every core;
- the first ingest into an empty database, cards and questions included;
- a re-ingest after one note changed (a line added), cards and questions included;
- peak memory (ru_maxrss) of the whole run.

Usage: `make bench` (after bench/run.py), or `python bench/scale.py [--sizes 100,300,1000]`.
Targets (issue 10): first ingest <= 10x the parse, pure stages <= 4x, a one-note re-ingest
under 2 s at 1,000 notes, peak memory under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(n_notes: int, repeat: int) -> dict:
    """One size, measured in this process (run by `main` in a child process per size)."""
    tmp = Path(tempfile.mkdtemp(prefix=f"studyapp-scale-{n_notes}-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyapp.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from markdown_it import MarkdownIt

    from bench.corpus import corpus_write
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.extract_many import extract_all
    from studyapp.knowledge.ingest.merge import merge
    from studyapp.knowledge.ingest.parse import parse
    from studyapp.knowledge.ingest.read import read_note
    from studyapp.pipeline import fewer_collections, model_rebuild

    notes = tmp / "notes"
    size = corpus_write(notes, n_notes)
    paths = sorted(notes.rglob("*.md"))
    blobs = [(str(p.relative_to(notes)), p.read_bytes()) for p in paths]
    md = MarkdownIt("commonmark").enable("table")
    call_command("migrate", verbosity=0)

    def baseline():
        for _name, blob in blobs:
            md.parse(blob.decode("utf-8"))

    def pure():
        # on one core, with the cycle collector run less often as in the pipeline
        with fewer_collections():
            merge({n: extract(parse(read_note(b).text), name=n) for n, b in blobs})

    def pure_cores():
        # as the pipeline runs them: parse and extract spread over every core (extract_many)
        with fewer_collections():
            texts = [(n, read_note(b).text) for n, b in blobs]
            merge(dict(zip((n for n, _t in texts), extract_all(texts), strict=True)))

    base = _timed(baseline, repeat)
    pure_s = _timed(pure, repeat)
    cores_s = _timed(pure_cores, repeat)
    first = _timed(lambda: model_rebuild(paths=[notes]))
    one = paths[len(paths) // 2]
    one.write_text(one.read_text(encoding="utf-8") + "\n- Added in the bench: 42 kg\n")
    report = None

    def again():
        nonlocal report
        report = model_rebuild(paths=[notes])

    reingest = _timed(again)
    changed = sum(f.status == "ok" for f in report.ingest.files) if report else 0
    return {
        "notes": len(paths),
        "bytes": size,
        "baseline_s": base,
        "pure_s": pure_s,
        "cores_s": cores_s,
        "first_s": first,
        "reingest_s": reingest,
        "reread": changed,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's own size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{'notes':>6} {'MB':>5} {'parse s':>8} {'pure s':>7} {'×':>5}"
        f" {f'on {os.cpu_count()} cores':>11} {'×':>5} {'first s':>8} {'×':>5}"
        f" {'1 changed s':>11} {'peak MiB':>9}"
    )
    for r in rows:
        b = r["baseline_s"]
        print(
            f"{r['notes']:>6} {r['bytes'] / 1e6:>5.1f} {b:>8.2f} {r['pure_s']:>7.2f}"
            f" {r['pure_s'] / b:>5.1f} {r['cores_s']:>11.2f} {r['cores_s'] / b:>5.1f}"
            f" {r['first_s']:>8.2f} {r['first_s'] / b:>5.1f}"
            f" {r['reingest_s']:>11.2f} {r['peak_mib']:>9.0f}"
        )
    if len(rows) > 1:
        a, z = rows[0], rows[-1]
        grow = z["notes"] / a["notes"]
        print(
            f"{grow:.0f}x the notes: pure {z['pure_s'] / a['pure_s']:.1f}x, first ingest "
            f"{z['first_s'] / a['first_s']:.1f}x the time ({grow:.0f}x is linear)"
        )
    print("targets: pure <= 4x parse, first ingest <= 10x, one changed < 2 s, peak < 1024 MiB")


if __name__ == "__main__":
    main()
