"""Parse and extract many notes at once, on every core when there are enough of them.

Extraction is pure and per note, so a first ingest of a large folder spreads it over worker
processes (`text.workers`: fresh `python -m` runs of this module) while this process extracts
its own share. Below `PARALLEL_AT` notes starting workers costs more than it saves, and all
notes are extracted here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from studyapp.text.workers import serve, workers_finish, workers_start

from .candidates import Extraction
from .extract import extract
from .parse import parse

PARALLEL_AT = 64  # notes to extract; fewer go faster in this process


def extract_all(
    notes: Sequence[tuple[str, str]], *, workers: int | None = None
) -> list[Extraction | str]:
    """The extraction of each (name, text), in order; in place of the extraction of a note that
    breaks parsing or extracting, why ("ValueError: …"; the caller reports it by name).
    `workers`: processes to use, this one included (default: the cores; 1: this one only).
    A worker that cannot start or fails leaves its notes to this process."""
    workers = min(workers or os.cpu_count() or 1, len(notes))
    if workers < 2 or len(notes) < PARALLEL_AT:
        return extract_chunk(list(notes))
    # Every workers-th note, so that each process gets long and short notes alike.
    shares = [list(notes[i::workers]) for i in range(workers)]
    started = workers_start(__name__, shares[1:])
    results = [extract_chunk(shares[0]), *workers_finish(started)]
    out: list[Extraction | str] = [""] * len(notes)
    for i, (share, result) in enumerate(zip(shares, results, strict=True)):
        if not isinstance(result, list) or len(result) != len(share):
            result = extract_chunk(share)
        out[i::workers] = result
    return out


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
    serve(extract_chunk)
