"""Print a random sample of live cards and generated questions, each with the note lines it came
from, for a blind review (docs/REVIEW rubric: stratified by kind, the seed chosen first).

    python manage.py content_sample --n 60 --seed 7 [--kind cloze] [--what cards|questions|both]
        [--held-back] [--json]

At least 5 of each card kind and 3 of each question kind present, the rest at random over all;
the same seed on the same model gives the same sample. Held-back suggestions are left out
unless `--held-back` asks for them (then only they are drawn).
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from studyapp.decks.models import Card
from studyapp.knowledge.models import Citation, Note
from studyapp.quizzes import spec
from studyapp.quizzes.generate import quality as question_quality
from studyapp.quizzes.grading import answer_text
from studyapp.quizzes.models import Question

CARD_FLOOR, QUESTION_FLOOR = 5, 3
CONTEXT_LINES = 1  # lines shown either side of the cited one


class Command(BaseCommand):
    help = "Print random live cards and questions with their source lines, for a blind review."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, default=60)
        parser.add_argument("--seed", required=True, help="Pick it before looking at the output.")
        parser.add_argument("--kind", help="Only this card or question kind (cloze, choice, …).")
        parser.add_argument("--what", choices=["cards", "questions", "both"], default="both")
        parser.add_argument("--held-back", action="store_true", help="Draw held-back ones only.")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        if opts["n"] < 1:
            raise CommandError("--n must be at least 1")
        items = _population(opts["what"], opts["kind"], held=opts["held_back"])
        if not items:
            raise CommandError("Nothing to sample: no live cards or questions match.")
        picked = _stratified(items, opts["n"], random.Random(f"sample:{opts['seed']}"))
        texts = {n.slug: n.text.split("\n") for n in Note.objects.only("slug", "text")}
        out = [_shown(item, texts) for item in picked]
        if opts["json"]:
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=1))
            return
        for number, item in enumerate(out, 1):
            self.stdout.write(_as_text(number, item))


def _population(what: str, kind: str | None, *, held: bool) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    if what in ("cards", "both"):
        cards = Card.objects.filter(retired_at__isnull=True, held_back=held).select_related("cell")
        if kind:
            cards = cards.filter(kind=kind)
        citations = defaultdict(list)
        # by the cards' facts, not through the cards: a fact with three cards would list each
        # of its citations three times
        facts = cards.exclude(fact__isnull=True).values("fact_id")
        for c in Citation.objects.filter(fact_id__in=facts).select_related("note"):
            citations[c.fact_id].append({"note": c.note.slug, "line": c.line})
        for card in cards.order_by("pk"):
            sources = citations.get(card.fact_id, []) if card.fact_id else []
            if card.cell is not None:
                sources = [
                    {"note": s.get("note"), "line": s.get("line")} for s in card.cell.sources
                ]
            items.append(
                {
                    "what": "card",
                    "kind": card.kind,
                    "key": card.key,
                    "quality": card.quality,
                    "context": card.context_shown,  # as the study page shows it
                    "front": card.front,
                    "back": card.back,
                    "sources": sources,
                }
            )
    if what in ("questions", "both"):
        questions = Question.objects.filter(retired_at__isnull=True, author__isnull=True)
        if held:
            questions = questions.filter(quality__lt=question_quality.THRESHOLD)
        else:
            questions = questions.filter(quality__gte=question_quality.THRESHOLD)
        if kind:
            questions = questions.filter(kind=kind)
        for q in questions.order_by("pk"):
            items.append(
                {
                    "what": "question",
                    "kind": q.kind,
                    "key": q.key,
                    "quality": q.quality,
                    "prompt": q.prompt,
                    "items": q.items,
                    "options": q.options,
                    "answers": q.answers,
                    # a numeric answer is stored in its base unit ('129600', s): shown to the
                    # learner with its unit and in the note's terms ('36 h')
                    "shown": answer_text(q) if q.kind == spec.NUMERIC else "",
                    "sources": [{"note": s.get("note"), "line": s.get("line")} for s in q.sources],
                }
            )
    return items


def _stratified(items: list[dict], n: int, rng: random.Random) -> list[dict]:
    """A floor of each kind present (5 per card kind, 3 per question kind), then at random."""
    by_kind: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for item in items:
        by_kind[item["what"], item["kind"]].append(item)
    chosen: list[dict] = []
    for (what, _kind), group in sorted(by_kind.items()):
        floor = CARD_FLOOR if what == "card" else QUESTION_FLOOR
        chosen += rng.sample(group, min(floor, len(group)))
    taken = {id(i) for i in chosen}
    rest = [i for i in items if id(i) not in taken]
    chosen += rng.sample(rest, max(0, min(n - len(chosen), len(rest))))
    rng.shuffle(chosen)
    return chosen  # more than n only when the floors alone are more


def _shown(item: dict, texts: dict[str, list[str]]) -> dict:
    lines = []
    for source in item["sources"][:3]:
        note, line = source.get("note"), source.get("line")
        text = texts.get(note or "")
        if not text or not isinstance(line, int):
            continue
        start, end = max(1, line - CONTEXT_LINES), min(len(text), line + CONTEXT_LINES)
        lines.append(
            {
                "note": note,
                "line": line,
                "text": [f"{i}: {text[i - 1]}" for i in range(start, end + 1)],
            }
        )
    return {**item, "source_lines": lines}


def _as_text(number: int, item: dict) -> str:
    head = f"#{number} {item['what']} · {item['kind']} · quality {item['quality']:.2f}"
    if item["what"] == "card":
        body = [f"context: {item['context']}", f"front: {item['front']}", f"back: {item['back']}"]
    else:
        body = [f"prompt: {item['prompt']}"]
        if item["items"]:
            body.append(f"items: {item['items']}")
        if item["options"]:
            body.append(f"options: {item['options']}")
        body.append(f"answer: {item['answers']}")
        if item.get("shown"):
            body.append(f"answer as the learner sees it: {item['shown']}")
    for source in item["source_lines"]:
        body.append(f"source {source['note']} line {source['line']}:")
        body += [f"    {t}" for t in source["text"]]
    if not item["source_lines"]:
        body.append("source: (none recorded)")
    return "\n".join([head, *body, ""]) + "\n"
