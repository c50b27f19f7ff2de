"""A definition's cloze hides its term ('[…]: the airport' / 'el aeropuerto'); a line that only
looks like one gives no live cloze: a property ('cannot …'), a question's opening, a course's
learning objectives. Snippets written for these tests (storage, biology, philosophy, a course)."""

from __future__ import annotations

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from tests.decks.facts import fact_input


def _live_clozes(note: str) -> list[str]:
    facts = extract(parse(note), name="n.md").facts
    inputs = [
        fact_input(
            key=f"f{i}",
            kind=f.kind,
            topic="Topic",
            text=f.text,
            subject=f.subject,
            attribute=f.attribute,
            value=f.value,
            items=f.items,
            emphasis=f.emphasis,
        )  # fmt: skip
        for i, f in enumerate(facts)
    ]
    cards = [c for f in inputs for c in cards_for_fact(f)]
    return [c.front for c in cards if c.kind == "cloze" and not held_back(card_quality(c))]


def test_a_term_and_what_it_is_hides_the_term():
    fronts = _live_clozes("# Cells\n\n- Osmosis: the movement of water across a membrane\n")
    assert fronts == ["[…]: the movement of water across a membrane"]


def test_a_label_over_what_may_or_may_not_be_done_hides_nothing():
    note = (
        "# Block storage\n\nScalability\n* can only grow a volume (size, speed)\n"
        "* cannot shrink a volume\n* can grow volumes of every engine but one\n"
        "  * that one needs a new volume from a snapshot\n"
    )
    assert not [f for f in _live_clozes(note) if f.startswith("[…]:")]


def test_a_question_opening_is_no_term():
    note = (
        "# Mechanism\n\nThe binary framing fails. What places all these systems — living or not "
        "— on one spectrum is that all of them obey the same physical laws.\n"
    )
    assert not [f for f in _live_clozes(note) if f.startswith("[…]:")]


def test_a_courses_learning_objectives_are_no_fact():
    note = (
        "# Week 3: Adders\n\n- Learning objectives: build a ripple-carry adder from full adders\n"
        "- Agenda: half adders, then full adders\n"
        "- A full adder adds three bits and outputs a sum and a carry\n"
    )
    facts = extract(parse(note), name="n.md").facts
    assert not [f for f in facts if "objectives" in f.text.lower() or "agenda" in f.text.lower()]


def _definitions(note: str) -> list[tuple[str, str]]:
    return [
        (f.subject, f.value)
        for f in extract(parse(note), name="n.md").facts
        if f.kind == "definition"
    ]


def test_a_label_over_a_list_of_what_holds_of_it_defines_nothing():
    """Its second line is a meaning only after a remark on who or when: not when it says what
    can or cannot be done, nor when it has a label of its own."""
    note = (
        "# Deserts\n\nClimate\n* rarely gets rain (under 250 mm a year)\n"
        "* cannot support most crops without irrigation\n* strong winds\n\n"
        "Two seasons\n* both hot\n* Dry season – May to October\n* Wet season – a few storms\n"
    )
    assert not [d for d in _definitions(note) if d[0] in ("Climate", "Two seasons")]


def test_after_a_remark_on_who_the_next_note_still_defines_the_label():
    note = (
        "# Medicine\n\n**Humorism**\n* Hippocrates argued for this\n"
        "* A theory that health is a balance of four bodily fluids\n"
    )
    assert _definitions(note) == [
        ("Humorism", "A theory that health is a balance of four bodily fluids")
    ]
