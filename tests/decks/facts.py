"""One fact as the card generator takes it, for the generator's tests: every field empty but
those a test gives."""

from __future__ import annotations

from studyapp.decks.generate import FactInput


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
