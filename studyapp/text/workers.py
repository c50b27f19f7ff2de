"""Pure work on every core: shares of it run in fresh `python -m <module>` worker processes.

A worker reads its share pickled on stdin and writes its result pickled on stdout (`serve`).
Fresh processes, not `multiprocessing`: a forked child would inherit the parent's database
connection and threads, and a spawned one re-runs the parent's main module, which a script that
ingests need not guard. The modules served are Django-free, so a worker starts in about 0.3 s.
The caller does its own share between `workers_start` and `workers_finish`, and does a share
itself when its worker failed (None).

Shares and results go through unnamed temporary files, not pipes. Fed through a pipe from a
thread, a share of the question bank (20 MB at 1,000 notes) crept in 64 KB at a time, each
write waiting for the GIL the caller's own share held: measured at 1,000 notes, the worker
took 13 s for what it does in 9 s alone, and the caller waited the difference. A result left in
a pipe also stops its worker until the caller reads it; a file lets the worker finish.
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import IO, Any

# A started worker: its process and the file its result goes to.
Started = tuple[subprocess.Popen[bytes], IO[bytes]] | None


def workers_start(module: str, shares: list[Any]) -> list[Started]:
    """One worker per share, each already given its share; None where one could not start."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    started: list[Started] = []
    for share in shares:
        share_file = tempfile.TemporaryFile()
        result_file = tempfile.TemporaryFile()
        try:
            pickle.dump(share, share_file, protocol=pickle.HIGHEST_PROTOCOL)
            share_file.seek(0)
            process = subprocess.Popen(
                [sys.executable, "-m", module],
                stdin=share_file,
                stdout=result_file,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except (OSError, pickle.PicklingError):
            result_file.close()
            started.append(None)
            continue
        finally:
            share_file.close()  # the worker has its own handle on it
        started.append((process, result_file))
    return started


def workers_finish(started: list[Started]) -> list[Any | None]:
    """Each worker's result, in order; None for one that failed (exit code, broken output)."""
    return [_result(one) for one in started]


def workers_stop(started: list[Started]) -> None:
    """End workers whose result will not be read (the run they worked for failed)."""
    for one in started:
        if one is not None:
            process, result_file = one
            process.kill()
            process.wait()
            result_file.close()


def _result(one: Started) -> Any | None:
    if one is None:
        return None
    process, result_file = one
    with result_file:
        if process.wait() != 0:
            return None
        result_file.seek(0)
        try:
            return pickle.load(result_file)
        except (EOFError, pickle.UnpicklingError):
            return None


def serve(work: Callable[[Any], Any]) -> None:
    """The worker's side: its share from stdin, `work(share)` to stdout; then it ends at once.
    A normal exit frees every object the work made one by one (millions for a share of the
    question bank: measured at 1,000 notes, 3-4 s after the result was written, which the
    caller spent waiting for the exit code). The process's memory goes back whole anyway.

    The cycle collector runs seldom, as in the caller's rebuild (`pipeline.fewer_collections`):
    what a share builds lives until it is done, and would be rescanned again and again
    (measured on a cards share at 1,000 notes: 8% of its time)."""
    gc.set_threshold(100_000, 50, 1000)
    share = pickle.load(sys.stdin.buffer)
    pickle.dump(work(share), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    os._exit(0)
