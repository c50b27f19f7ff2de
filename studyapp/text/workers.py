"""Pure work on every core: shares of it run in fresh `python -m <module>` worker processes.

A worker reads its share pickled on stdin and writes its result pickled on stdout (`serve`).
Fresh processes, not `multiprocessing`: a forked child would inherit the parent's database
connection and threads, and a spawned one re-runs the parent's main module, which a script that
ingests need not guard. The modules served are Django-free, so a worker starts in about 0.3 s.
The caller does its own share between `workers_start` and `workers_finish`, and does a share
itself when its worker failed (None).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any


def workers_start(module: str, shares: list[Any]) -> list[subprocess.Popen[bytes] | None]:
    """One worker per share, each already given its share; None where one could not start."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    started: list[subprocess.Popen[bytes] | None] = []
    for share in shares:
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", module],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError:
            started.append(None)
            continue
        # Fed from a thread: the pipe takes a share only as fast as the worker, still
        # starting, reads it, and the caller has its own share to do meanwhile.
        threading.Thread(target=_feed, args=(process, share), daemon=True).start()
        started.append(process)
    return started


def _feed(process: subprocess.Popen[bytes], share: Any) -> None:
    assert process.stdin is not None
    try:
        pickle.dump(share, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.close()
    except (OSError, ValueError):
        pass  # the worker died: its result is None, and the caller does its share


def workers_finish(started: list[subprocess.Popen[bytes] | None]) -> list[Any | None]:
    """Each worker's result, in order; None for one that failed (exit code, broken output)."""
    return [_result(process) for process in started]


def _result(process: subprocess.Popen[bytes] | None) -> Any | None:
    if process is None:
        return None
    assert process.stdout is not None
    try:
        result = pickle.load(process.stdout)
    except (EOFError, pickle.UnpicklingError):
        result = None
    finally:
        process.stdout.close()
        process.wait()
    return result if process.returncode == 0 else None


def serve(work: Callable[[Any], Any]) -> None:
    """The worker's side: its share from stdin, `work(share)` to stdout."""
    share = pickle.load(sys.stdin.buffer)
    pickle.dump(work(share), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
