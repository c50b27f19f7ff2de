"""The fact cards of a large whole run, on every core: after the question bank, the biggest part
of a first ingest (each fact's cards written, then scored).

As in `quizzes.generate.many`, each worker is a fresh `python -m` of this module
(`text.workers`): it gets its share of the facts, pickled, and gives back each fact's cards with
their scores. Django-free, so a worker starts in a fraction of a second. A fact's cards depend on
that fact, the field labels and the names the notes write before a noun only, so the cards are
the ones one process makes; the caller keeps the deduplication across facts, in deck order.
"""

from __future__ import annotations

from dataclasses import replace

from studyapp.text.workers import serve, workers_finish, workers_start

from .generate import CardSpec, FactInput, cards_for_fact, readable_card
from .quality import card_quality

PARALLEL_AT = 2000  # facts; fewer are carded faster than a worker starts

# A fact to card: its input, and the values of each conflict it is part of.
Carded = tuple[FactInput, tuple[tuple[str, ...], ...]]
# Its cards, each with its quality score.
Scored = list[tuple[CardSpec, float]]


def fact_cards(fact: FactInput, conflicts: tuple[tuple[str, ...], ...]) -> list[CardSpec]:
    """A fact's cards; one the notes disagree on says so on its back, rather than teaching one
    side as settled."""
    cards = cards_for_fact(fact)
    if not conflicts:
        return cards
    notes = "; ".join(" vs ".join(values) for values in conflicts)
    return [replace(card, back=f"{card.back}\n(Your notes disagree: {notes})") for card in cards]


def cards_of(
    facts: list[Carded], labels: frozenset[str], modifiers: frozenset[str] = frozenset()
) -> list[Scored]:
    """Each card scored on its text as the note writes it (a hidden formula is judged as the
    TeX it is), then shown with its formulas written out where they read
    (generate.readable_card)."""
    return [
        [
            (readable_card(card), card_quality(card, labels=labels, modifiers=modifiers))
            for card in fact_cards(*one)
        ]
        for one in facts
    ]


def cards_all(
    facts: list[Carded],
    labels: frozenset[str],
    workers: int,
    modifiers: frozenset[str] = frozenset(),
) -> list[Scored]:
    """`cards_of` all facts, shared among `workers` processes (this one included) when there
    are many; a share whose worker failed is done here."""
    if workers < 2 or len(facts) < PARALLEL_AT:
        return cards_of(facts, labels, modifiers)
    # Every workers-th fact: facts of one note sit together and cost alike.
    shares = [facts[k::workers] for k in range(workers)]
    started = workers_start(__name__, [(share, labels, modifiers) for share in shares[1:]])
    results = [cards_of(shares[0], labels, modifiers)]
    for share, result in zip(shares[1:], workers_finish(started), strict=True):
        results.append(result if result is not None else cards_of(share, labels, modifiers))
    out: list[Scored] = [[] for _ in facts]
    for k, result in enumerate(results):
        out[k::workers] = result
    return out


def _serve_share(work: tuple[list[Carded], frozenset[str], frozenset[str]]) -> list[Scored]:
    return cards_of(*work)


if __name__ == "__main__":  # a worker: (facts, field labels, modifiers) in, their scored cards out
    serve(_serve_share)
