"""Workflows of the knowledge app: ingesting notes into the topic model."""

from __future__ import annotations

import hashlib
import pickle
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from studyapp.text.names import slugify_name

from .ingest.extract import Extraction, extract, note_name
from .ingest.extract_many import extract_all
from .ingest.fingerprint import extraction_key
from .ingest.merge import Model, merge
from .ingest.parse import parse
from .ingest.read import ReadError, ReadResult, read_note
from .ingest.store import model_store
from .models import Citation, Comparison, Conflict, Fact, Note, Topic
from .stamp import quiet_writes

NOTE_SUFFIXES = {".md", ".markdown", ".txt"}


@dataclass
class FileReport:
    path: str
    slug: str = ""
    status: str = "ok"  # ok | unchanged | error
    encoding: str = ""
    repairs: list[str] = field(default_factory=list)
    facts: int = 0
    tables: int = 0
    error: str = ""

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "slug": self.slug,
            "status": self.status,
            "encoding": self.encoding,
            "repairs": self.repairs,
            "counts": {"facts": self.facts, "tables": self.tables},
            **({"error": self.error} if self.error else {}),
        }


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    # What the generators must redo (knowledge.ingest.store.StoreReport), and whether the engine
    # changed since the notes were last read (then everything must be redone).
    topics_touched: set[str] = field(default_factory=set)
    tables_touched: set[str] = field(default_factory=set)
    engine_changed: bool = False
    # The model's stamps before and after the store (store.StoreReport.stamps).
    stamps: tuple[str, str] = ("", "")

    @property
    def errors(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "error"]

    def as_dict(self) -> dict:
        return {
            "files": [f.as_dict() for f in self.files],
            "totals": self.totals,
            "changes": self.changes,
            "seconds": round(self.seconds, 3),
            "ok": not self.errors,
        }


def note_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileReport]]:
    """The note files under `paths` (folders searched recursively, hidden folders such as
    Obsidian's .trash skipped), each once, and reports for paths that are not notes."""
    found: list[Path] = []
    problems: list[FileReport] = []
    for path in paths:
        if path.is_dir():
            # Resolved once: under a resolved folder only a symlink needs resolving (rglob does
            # not go down a linked folder), not each of a thousand paths again (a re-ingest).
            root = path.resolve()
            found.extend(
                p.resolve() if p.is_symlink() else p
                for p in sorted(root.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in NOTE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
        elif path.is_file():
            if path.suffix.lower() in NOTE_SUFFIXES:
                found.append(path.resolve())
            else:
                problems.append(
                    FileReport(
                        str(path),
                        status="error",
                        error=f"not a note: {path.suffix or 'no'} extension "
                        "(use .md, .markdown or .txt)",
                    )
                )
        else:
            problems.append(FileReport(str(path), status="error", error="no such file or folder"))
    return list(dict.fromkeys(found)), problems


def _note_path(path: Path, content_dir: Path) -> str:
    """How a note file is stored: relative to content/ when inside it, else absolute (both
    paths resolved, as `note_files` gives them)."""
    try:
        return str(path.relative_to(content_dir))
    except ValueError:
        return str(path)


def _slug_for(stored_path: str, taken: set[str], folders: Sequence[Path] = ()) -> str:
    """A new note's slug, for its URL: from its path inside content/, else inside the folder it
    was ingested from ('services/ec2/ec2.md' of `ingest /home/me/aws-notes`), else its file
    name; never from the machine's own folders ('home-me-downloads-…')."""
    path = Path(stored_path)
    if path.is_absolute():
        inside = [path.relative_to(f) for f in folders if path.is_relative_to(f)]
        path = min(inside, key=lambda p: len(p.parts)) if inside else Path(path.name)
    base = slugify_name(str(path.with_suffix("")), fallback="note")[:180]
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _is_under(stored_path: str, folders: list[Path], content_dir: Path) -> bool:
    absolute = Path(stored_path) if Path(stored_path).is_absolute() else content_dir / stored_path
    return any(absolute.resolve().is_relative_to(folder) for folder in folders)


@dataclass
class NotesRead:
    """What `notes_read` found, for `notes_store`: the report so far, and each note read this
    time with its fields and extraction."""

    report: IngestReport
    fresh: dict[str, tuple[FileReport, dict, Extraction]]  # path -> report, fields, extraction
    stored: dict[str, Note]  # path -> the note as stored before this ingest
    scanned_folders: list[Path]
    started: float


def notes_read(
    *,
    paths: list[Path] | None = None,
    max_bytes: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> NotesRead:
    """Read, parse and extract the given notes (default: content/), each on its own.

    A note that cannot be read, or that breaks a later stage, is reported by name and reason and
    skipped; the others go on. Nothing is written.
    """
    started = time.perf_counter()
    content_dir = Path(settings.CONTENT_DIR)
    paths = paths or [content_dir]
    files, problems = note_files(paths)
    limit = max_bytes if max_bytes is not None else settings.INGEST_MAX_BYTES
    batch = NotesRead(
        report=IngestReport(files=list(problems)),
        fresh={},
        stored={n.path: n for n in Note.objects.defer(None)},  # with the cached extractions
        scanned_folders=[p.resolve() for p in paths if p.is_dir()],
        started=started,
    )
    taken = {n.slug for n in batch.stored.values()}
    for gone in _UNPICKLED.keys() - batch.stored.keys():  # notes no longer stored
        del _UNPICKLED[gone]
    reads = []
    content_root = content_dir.resolve()
    for path in files:
        name = _note_path(path, content_root)
        file_report = FileReport(name)
        batch.report.files.append(file_report)
        if progress:
            progress(name)
        existing = batch.stored.get(name)
        read = _note_read(path, name, limit, file_report, existing)
        if read is not None:
            reads.append((path, name, file_report, existing, *read))
    # The notes whose text is new to this engine are extracted together, on every core when
    # there are many (a first ingest); the others' extractions come from their cache.
    missing = [(name, result.text) for _p, name, _f, _e, _d, result, ex, _k in reads if ex is None]
    extracted = iter(extract_all(missing, workers=settings.INGEST_WORKERS))
    for path, name, file_report, existing, data, result, extraction, cache_key in reads:
        if extraction is None:
            extraction = next(extracted)
            if isinstance(extraction, str):
                file_report.status = "error"
                file_report.error = f"could not be parsed: {extraction}"
                continue
            extraction.key = cache_key
        slug = existing.slug if existing else _slug_for(name, taken, batch.scanned_folders)
        taken.add(slug)
        sha = hashlib.sha256(data).hexdigest()
        file_report.slug = slug
        file_report.encoding = result.encoding
        file_report.repairs = list(result.repairs)
        file_report.facts = len(extraction.facts)
        file_report.tables = len(extraction.tables)
        if existing and existing.sha256 == sha and existing.is_present:
            file_report.status = "unchanged"
        title = extraction.title or _file_title(extraction.name or note_name(path.name))
        fields = {
            "slug": slug,
            "path": name,
            "title": title[:300],
            "sha256": sha,
            "size": len(data),
            "encoding": result.encoding,
            "repairs": list(result.repairs),
            "text": result.text,
            "extraction_key": cache_key,
        }
        batch.fresh[name] = (file_report, fields, extraction)
    return batch


def _note_read(path: Path, name: str, limit: int, file_report: FileReport, stored: Note | None):
    """One note's bytes, clean text, cached extraction (None when it must be extracted) and
    its cache key; None (and the reason on the report) when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(f"larger than the {_mb(limit)} limit ({_mb(size)})")
        data = path.read_bytes()
        result = _stored_read(stored, name, data) or read_note(data, max_bytes=limit)
        key = extraction_key(name, result.text)
    except ReadError as err:
        file_report.status, file_report.error = "error", str(err)
    except OSError as err:
        file_report.status, file_report.error = "error", f"cannot read: {err.strerror or err}"
    except Exception as err:  # a bug in a later stage must not stop the other notes
        file_report.status = "error"
        file_report.error = f"could not be parsed: {type(err).__name__}: {err}"
    else:
        return data, result, _cached_extraction(stored, key), key
    return None


def _stored_read(note: Note | None, name: str, data: bytes) -> ReadResult | None:
    """The stored note's clean text when its file's bytes are the ones it was read from, by
    this engine (its extraction key, which hashes the read stage's source too, still holds):
    the read stage is pure, so the same bytes give the same text, and a thousand unchanged
    notes need not be decoded and repaired again."""
    if note is None or not note.sha256 or note.sha256 != hashlib.sha256(data).hexdigest():
        return None
    if note.extraction_key != extraction_key(name, note.text):
        return None
    return ReadResult(note.text, note.encoding, tuple(note.repairs))


# Each note's extraction as this process last unpickled it, under its extraction key: the key
# hashes the engine, the name and the text, so the same key is the same extraction whoever
# stored it, and unpickling a thousand unchanged notes' extractions again was most of reading
# them. Merge leaves them as they are (tests/knowledge/test_merge.py), so one object serves
# every ingest.
_UNPICKLED: dict[str, tuple[str, Extraction]] = {}


def forget_extractions() -> None:
    """Unpickle every stored extraction again next time (tests compare both ways)."""
    _UNPICKLED.clear()


def _cached_extraction(note: Note | None, key: str) -> Extraction | None:
    """The note's stored extraction when the same engine made it from the same name and text.
    (Pickle is safe here: only this module writes the column, from its own objects.)"""
    if note is None or note.extraction_key != key or not note.extraction:
        return None
    kept = _UNPICKLED.get(note.path)
    if kept is not None and kept[0] == key:
        return kept[1]
    extraction: Extraction = pickle.loads(bytes(note.extraction))
    extraction.key = key
    _UNPICKLED[note.path] = (key, extraction)
    return extraction


def _note_extraction(note: Note) -> Extraction:
    """A stored note's extraction, from the cache when it is current; recomputed (and cached)
    otherwise."""
    key = extraction_key(note.path, note.text)
    extraction = _cached_extraction(note, key)
    if extraction is None:
        extraction = extract(parse(note.text), name=note.path)
        extraction.key = key
        note.extraction_key, note.extraction = key, _pickled(extraction)
        note.save(update_fields=["extraction_key", "extraction"])
    return extraction


def _pickled(extraction: Extraction) -> bytes:
    return pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)


def notes_store(batch: NotesRead) -> IngestReport:
    """Merge the notes read with every other stored note, and store the model, in one
    transaction.

    If a note that could not be read was ingested before, its last good text stays in use, so a
    broken file never loses knowledge. A stored note under a scanned folder whose file is gone
    is marked absent and its facts retire.
    """
    report, fresh, stored = batch.report, batch.fresh, batch.stored
    content_dir = Path(settings.CONTENT_DIR)
    now = timezone.now()
    failed = {f.path for f in report.errors}
    # The notes' own writes change no stamp: the store writes one when all is stored.
    with transaction.atomic(), quiet_writes():
        notes: dict[str, Note] = {}
        extractions: dict[str, Extraction] = {}
        for note in stored.values():
            if note.path in fresh:
                continue
            # Not read this time: gone if its folder was scanned and the file is not there.
            gone = (
                note.path not in failed
                and _is_under(note.path, batch.scanned_folders, content_dir)
                and not (content_dir / note.path).exists()
            )
            if note.is_present == gone:
                note.is_present = not gone
                note.save(update_fields=["is_present"])
            if not gone:
                notes[note.slug] = note
                extractions[note.slug] = _note_extraction(note)
        retitled = _retitled(fresh, stored)  # before the notes take their new fields
        model = _merged(extractions, fresh, stored, notes)
        for name, (file_report, fields, extraction) in fresh.items():
            note = stored.get(name) or Note()
            _UNPICKLED[name] = (fields["extraction_key"], extraction)  # as the next read finds it
            if file_report.status != "unchanged":
                for key, value in fields.items():
                    setattr(note, key, value)
                note.extraction = _pickled(extraction)
                note.ingested_at = now
                note.is_present = True
                note.save()
            elif note.extraction_key != fields["extraction_key"] or not note.extraction:
                # Same bytes, newer engine: keep the fresh extraction for next time.
                report.engine_changed = True
                note.extraction_key = fields["extraction_key"]
                note.extraction = _pickled(extraction)
                note.save(update_fields=["extraction_key", "extraction"])
            notes[note.slug] = note
        stored_report = model_store(model, notes=notes, now=now)
        report.topics_touched = stored_report.topics_touched | _citing(retitled)
        report.tables_touched = stored_report.tables_touched
        report.stamps = stored_report.stamps
    report.totals = {
        "notes": len(notes),
        "topics": Topic.objects.filter(retired_at__isnull=True).count(),
        "facts": Fact.objects.filter(retired_at__isnull=True).count(),
        "comparisons": Comparison.objects.filter(retired_at__isnull=True).count(),
        "conflicts": Conflict.objects.filter(retired_at__isnull=True).count(),
    }
    report.changes = {
        verb: {what: n for what, n in counts.items() if n}
        for verb, counts in (
            ("created", stored_report.created),
            ("updated", stored_report.updated),
            ("retired", stored_report.retired),
        )
    }
    report.seconds = time.perf_counter() - batch.started
    return report


def _retitled(fresh: dict, stored: dict[str, Note]) -> list[int]:
    """The stored notes read now under a new title."""
    return [
        note.pk
        for path, (_report, fields, _extraction) in fresh.items()
        if (note := stored.get(path)) is not None and note.title != fields.get("title", note.title)
    ]


def _citing(notes: list[int]) -> set[str]:
    """Topics with facts citing these notes: their cards and questions show the note's title."""
    if not notes:
        return set()
    return set(
        Citation.objects.filter(note_id__in=notes).values_list("fact__topic__key", flat=True)
    )


def _merged(
    extractions: dict[str, Extraction], fresh: dict, stored: dict[str, Note], notes: dict
) -> Model:
    """Merge the stored notes' extractions with those read now (added to `extractions`).

    A note that breaks merging fails alone, by name, and the others merge without it: each note
    read now is tried on its own only when the whole merge fails, so the check costs nothing
    when nothing is wrong."""
    mine = {fields["slug"]: extraction for _report, fields, extraction in fresh.values()}
    try:
        return merge(dict(sorted({**extractions, **mine}.items())))
    except Exception:
        for name, (file_report, fields, extraction) in list(fresh.items()):
            try:
                merge({fields["slug"]: extraction})
            except Exception as err:  # a bug in merging must not stop the other notes
                file_report.status = "error"
                file_report.error = f"could not be merged: {type(err).__name__}: {err}"
                del fresh[name]
                del mine[fields["slug"]]
                if (before := stored.get(name)) is not None:  # its last good text stays in use
                    notes[before.slug] = before
                    mine[before.slug] = _note_extraction(before)
        model = merge(dict(sorted({**extractions, **mine}.items())))
    finally:
        extractions.update(mine)
    return model


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def _file_title(name: str) -> str:
    """A note with no title of its own is named by its file ('econ lecture 4 - inflation.md' ->
    'Econ lecture 4 inflation', `extract.note_name`): a capital first, the rest as written
    ('AWS notes' stays 'AWS notes')."""
    return name[:1].upper() + name[1:]
