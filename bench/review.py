"""A blind review of what a folder of notes becomes (../shared/REVIEW.md), in two steps.

    python bench/review.py prepare FOLDER --seed S --out DIR [--cards 110 --questions 55 --notes 8]
    python bench/review.py join DIR

`prepare` ingests FOLDER into a throwaway SQLite database and writes, for a reviewer who has
not seen the code (hand them DIR/blind/ and bench/review_prompt.md, nothing else):
- blind/cards.txt, blind/questions.txt: a sample drawn as `content_sample` draws it (its floors
  per kind, the seed picked before looking), each item with the note lines it came from, but
  neither its kind nor its quality score;
- blind/recall_notes.txt: whole notes drawn at random (same seed), for the reviewer to list the
  facts a teacher would ask about before looking at any card;
- blind/recall_cards.txt: every live card citing those notes, to mark which listed facts have one;
- key.json (not for the reviewer): each item's kind, key and score, and each kind's share.

The reviewer writes DIR/grades.txt: one line per item, `c12 good`, `q3 junk`, … (good,
acceptable or junk), and per recall note `r2 7/9` (facts covered / facts listed). `join` prints
good / acceptable / junk per kind, the usable and good shares (raw and weighted by each kind's
real share of the live cards or questions) and recall.

Other people's notes stay where they are: nothing here is written into the repository.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GRADES = ("good", "acceptable", "junk")
MIN_NOTE_LINES = 10  # a note shorter than this has too few facts to count recall on


def prepare(folder: Path, seed: str, out: Path, n_cards: int, n_questions: int, n_notes: int):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='review-')}/r.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyapp.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Q

    from studyapp.decks.models import Card
    from studyapp.knowledge.models import Citation, ComparisonCell, Note
    from studyapp.pipeline import model_rebuild
    from studyapp.quizzes.models import Question

    call_command("migrate", verbosity=0)
    report = model_rebuild(paths=[folder])
    failed = [f for f in report.ingest.files if f.status not in ("ok", "unchanged")]
    print(f"ingested {len(report.ingest.files)} notes ({len(failed)} not read)")

    def sample(what: str, n: int) -> list[dict]:
        buffer = io.StringIO()
        call_command("content_sample", n=n, seed=seed, what=what, json=True, stdout=buffer)
        return json.loads(buffer.getvalue())

    blind = out / "blind"
    blind.mkdir(parents=True, exist_ok=True)
    key: dict = {"seed": seed, "folder": str(folder), "items": {}, "population": {}}
    for what, prefix, n in (("cards", "c", n_cards), ("questions", "q", n_questions)):
        items = sample(what, n)
        lines = []
        for number, item in enumerate(items, 1):
            name = f"{prefix}{number}"
            key["items"][name] = {k: item[k] for k in ("what", "kind", "key", "quality")}
            lines.append(_blind_text(name, item))
        (blind / f"{what}.txt").write_text("\n".join(lines), encoding="utf-8")
    key["population"]["card"] = dict(
        Counter(
            Card.objects.filter(retired_at__isnull=True, held_back=False).values_list(
                "kind", flat=True
            )
        )
    )
    from studyapp.quizzes.generate import quality as question_quality

    live_questions = Question.objects.filter(
        retired_at__isnull=True, author__isnull=True, quality__gte=question_quality.THRESHOLD
    )
    key["population"]["question"] = dict(Counter(live_questions.values_list("kind", flat=True)))

    notes = [
        n
        for n in Note.objects.order_by("slug")
        if sum(bool(line.strip()) for line in n.text.split("\n")) >= MIN_NOTE_LINES
    ]
    drawn = random.Random(f"recall:{seed}").sample(notes, min(n_notes, len(notes)))
    note_text, card_text = [], []
    for number, note in enumerate(drawn, 1):
        name = f"r{number}"
        key["items"][name] = {"what": "note", "slug": note.slug}
        numbered = [f"{i}: {t}" for i, t in enumerate(note.text.split("\n"), 1)]
        note_text.append(f"=== {name}: {note.title} ===\n" + "\n".join(numbered) + "\n")
        facts = Citation.objects.filter(note=note).values("fact_id")
        cells = [  # a table's cards cite their note through the cell's sources
            pk
            for pk, sources in ComparisonCell.objects.values_list("pk", "sources")
            if any(s.get("note") == note.slug for s in sources)
        ]
        cited = Q(fact_id__in=facts) | Q(cell_id__in=cells)
        cards = Card.objects.filter(cited, retired_at__isnull=True, held_back=False)
        shown = [
            f"- {c.context_shown + ' · ' if c.context_shown else ''}{c.front}  →  {c.back}"
            for c in cards.order_by("order")
        ]
        card_text.append(
            f"=== {name}: {note.title} ({len(shown)} cards) ===\n" + "\n".join(shown) + "\n"
        )
    (blind / "recall_notes.txt").write_text("\n".join(note_text), encoding="utf-8")
    (blind / "recall_cards.txt").write_text("\n".join(card_text), encoding="utf-8")
    (out / "key.json").write_text(json.dumps(key, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {blind}/ and {out}/key.json")


def _blind_text(name: str, item: dict) -> str:
    if item["what"] == "card":
        body = [f"context: {item['context']}"] if item["context"] else []
        body += [f"front: {item['front']}", f"back: {item['back']}"]
    else:
        body = [f"prompt: {item['prompt']}"]
        if item["items"]:
            body.append(f"items: {item['items']}")
        if item["options"]:
            body.append(f"options: {item['options']}")
        body.append(f"answer: {item.get('shown') or item['answers']}")
    for source in item["source_lines"]:
        body.append(f"source {source['note']} line {source['line']}:")
        body += [f"    {t}" for t in source["text"]]
    if not item["source_lines"]:
        body.append("source: (none recorded)")
    return "\n".join([f"#{name}", *body, ""])


_GRADE_LINE = re.compile(r"^\s*#?([cqr]\d+)\s*[:\-]?\s*(\S+)", re.I)


def join(out: Path) -> None:
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    recall = [0, 0]
    seen: set[str] = set()
    for line in (out / "grades.txt").read_text(encoding="utf-8").splitlines():
        match = _GRADE_LINE.match(line)
        if not match or match.group(1).lower() not in key["items"]:
            continue
        name, grade = match.group(1).lower(), match.group(2).lower().strip(".,;")
        if name in seen:
            continue  # the free text after the grades may mention an item again ('r4 is …')
        item = key["items"][name]
        if item["what"] == "note":
            if not re.fullmatch(r"\d+/\d+", grade):
                continue
            seen.add(name)
            covered, listed = (int(x) for x in grade.split("/"))
            recall[0] += covered
            recall[1] += listed
        elif grade in GRADES:
            seen.add(name)
            counts[item["what"], item["kind"]][grade] += 1
    for what in ("card", "question"):
        kinds = {k: c for (w, k), c in counts.items() if w == what}
        if not kinds:
            continue
        total = Counter()
        for kind, c in sorted(kinds.items()):
            total.update(c)
            n = sum(c.values())
            print(f"{what:8} {kind:14} n={n:3}  " + "  ".join(f"{g} {c[g]}" for g in GRADES))
        n = sum(total.values())
        population = key["population"].get(what, {})
        weight = {k: population.get(k, 0) for k in kinds}

        print(
            f"{what}s: n={n}  usable {100 * (total['good'] + total['acceptable']) / n:.1f}%"
            f"  good {100 * total['good'] / n:.1f}%   weighted by kind: usable "
            f"{100 * _weighted(kinds, weight, ('good', 'acceptable')):.1f}%"
            f"  good {100 * _weighted(kinds, weight, ('good',)):.1f}%"
        )
    if recall[1]:
        print(f"recall: {recall[0]}/{recall[1]} = {100 * recall[0] / recall[1]:.0f}%")


def _weighted(kinds: dict[str, Counter], weight: dict[str, int], grades: tuple[str, ...]) -> float:
    """The share of `grades` were each kind sampled as often as it is live."""
    share = sum(weight.values()) or 1
    return sum(
        weight[k] / share * sum(c[g] for g in grades) / sum(c.values()) for k, c in kinds.items()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("folder", type=Path)
    p.add_argument("--seed", required=True, help="pick it before looking at any output")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--cards", type=int, default=110)
    p.add_argument("--questions", type=int, default=55)
    p.add_argument("--notes", type=int, default=8)
    j = sub.add_parser("join")
    j.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.step == "prepare":
        prepare(args.folder, args.seed, args.out, args.cards, args.questions, args.notes)
    else:
        join(args.out)


if __name__ == "__main__":
    main()
