"""Parse and extract many notes at once, on every core when there are enough of them.

Extraction is pure and per note, so a first ingest of a large folder spreads it over worker
processes. Each worker is a fresh `python -m` of this module: it imports only the pure stages
(no Django, no database connection, about 0.3 s), reads its notes pickled on stdin and writes
their extractions pickled on stdout. Not `multiprocessing`: a forked child would inherit the
parent's database connection and threads, and a spawned one re-runs the parent's main module,
which a script calling ingest need not guard. Below `PARALLEL_AT` notes starting workers costs
more than it saves, and the notes are extracted in this process.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Sequence

from .candidates import Extraction
from .extract import extract
from .parse import parse

PARALLEL_AT = 64  # notes to extract; fewer go faster in this process


def extract_all(
    notes: Sequence[tuple[str, str]], *, workers: int | None = None
) -> list[Extraction | str]:
    """The extraction of each (name, text), in order; in place of the extraction of a note that
    breaks parsing or extracting, why ("ValueError: …"; the caller reports it by name).
    `workers`: processes to use (default: the cores; 1: all in this process). A worker that
    cannot start or fails leaves its notes to this process."""
    workers = min(workers or os.cpu_count() or 1, len(notes))
    if workers < 2 or len(notes) < PARALLEL_AT:
        return extract_chunk(list(notes))
    # Every worker-th note, so that each gets long and short notes alike.
    shares = [list(notes[i::workers]) for i in range(workers)]
    started = [_start(share) for share in shares]
    results = [_finish(process, share) for process, share in zip(started, shares, strict=True)]
    out: list[Extraction | str] = [""] * len(notes)
    for i, result in enumerate(results):
        out[i::workers] = result
    return out


def _start(share: list[tuple[str, str]]) -> subprocess.Popen | None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert process.stdin is not None
        pickle.dump(share, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.close()  # the worker reads all, then works while the others get theirs
    except OSError:
        return None
    return process


def _finish(process: subprocess.Popen | None, share: list) -> list[Extraction | str]:
    if process is None:
        return extract_chunk(share)
    assert process.stdout is not None
    try:
        result = pickle.load(process.stdout)
    except (EOFError, pickle.UnpicklingError):
        result = None
    finally:
        process.stdout.close()
        process.wait()
    if process.returncode != 0 or not isinstance(result, list) or len(result) != len(share):
        return extract_chunk(share)
    return result


def extract_chunk(notes: list[tuple[str, str]]) -> list[Extraction | str]:
    """Extract a few notes, each on its own: one that fails gives why, and the others go on."""
    out: list[Extraction | str] = []
    for name, text in notes:
        try:
            out.append(extract(parse(text), name=name))
        except Exception as err:  # a bug in a stage must not stop the other notes
            out.append(f"{type(err).__name__}: {err}")
    return out


if __name__ == "__main__":  # a worker: notes pickled on stdin, extractions on stdout
    pickle.dump(
        extract_chunk(pickle.load(sys.stdin.buffer)),
        sys.stdout.buffer,
        protocol=pickle.HIGHEST_PROTOCOL,
    )
