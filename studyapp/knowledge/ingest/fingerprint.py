"""The engine's fingerprint: a hash of the source of every module an extraction depends on,
and of the generators that turn the model into cards and questions.

A note's extraction is cached under (fingerprint, file name, text); any change to the reading,
parsing or extraction code, or to the word lists and text helpers they use, changes the
fingerprint, so a cached extraction is never one an older engine made. The generators' source
is in it too: after an edit the pipeline redoes only the cards and questions of what changed
(studyapp/pipeline.py), and a new fingerprint is how it knows that everything must be redone.
Pure: it reads only the engine's own source files (read as files, not imported).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

_INGEST = Path(__file__).resolve().parent
_APP = _INGEST.parent.parent
_SOURCES = (
    (_INGEST, "*.py"),
    (_APP / "text", "*.py"),
    (_APP / "knowledge", "placing.py"),
    (_APP / "decks", "generate.py"),
    (_APP / "decks", "many.py"),
    (_APP / "decks", "quality.py"),
    (_APP / "decks", "list_signs.py"),
    (_APP / "decks", "blank_signs.py"),
    (_APP / "quizzes" / "generate", "*.py"),
)


@functools.cache
def engine_fingerprint() -> str:
    digest = hashlib.sha1()
    for folder, pattern in _SOURCES:
        for source in sorted(folder.glob(pattern)):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def extraction_key(name: str, text: str) -> str:
    """What a note's extraction depends on: the engine, the note's file name (its title when
    no heading names one) and its clean text."""
    digest = hashlib.sha1(f"{engine_fingerprint()}\x1f{name}\x1f".encode())
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()
