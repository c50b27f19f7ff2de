"""One fact as the card generator takes it, for the generator's tests: every field empty but
those a test gives."""

from __future__ import annotations

from studyapp.decks.generate import FactInput, cards_for_fact


def fact_input(**fields) -> FactInput:
    base = dict(
        key="f1",
        kind="statement",
        topic="Notes",
        subheading="",
        text="",
        subject="",
        attribute="",
        value="",
        items=(),
        emphasis=(),
    )
    base.update(fields)
    return FactInput(**base)


def cloze_fronts(text: str, bold: str, topic: str = "Notes") -> dict[str, str]:
    """Each cloze's front -> its back, of one statement whose `bold` words are emphasised."""
    fact = fact_input(kind="statement", text=text, topic=topic, emphasis=(bold,))
    return {c.front: c.back for c in cards_for_fact(fact) if c.kind == "cloze"}
