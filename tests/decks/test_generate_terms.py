"""A cloze hides a term, never a line's label or a phrase; a list that goes on asks no count.
Snippets written for these tests, end to end from note text to cards."""

from __future__ import annotations

from studyapp.decks.generate import FactInput, cards_for_fact
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse


def _cards(note: str, topic: str = "Topic"):
    out = []
    for i, f in enumerate(extract(parse(note)).facts):
        fact = FactInput(
            key=f"f{i}", kind=f.kind, topic=topic, subheading="", text=f.text, subject=f.subject,
            attribute=f.attribute, value=f.value, items=f.items, emphasis=f.emphasis,
        )  # fmt: skip
        out.extend(cards_for_fact(fact))
    return out


def test_a_bold_label_is_no_cloze_answer():
    note = (
        "## Overfishing\n- **Problem**: stocks collapse faster than they recover\n"
        "- **Solution**: set catch quotas per species\n- **Note**: quotas need enforcement\n"
        "- **Key insight**: fewer boats can land more fish\n"
    )
    clozes = [c for c in _cards(note) if c.kind == "cloze"]
    assert clozes == []


def test_a_bold_phrase_is_no_cloze_answer_but_a_term_is():
    note = (
        "## Contracts\n- **Not 'just paper'**: a contract binds once accepted\n"
        "- Courts **must look at intent** first\n- A promise needs **consideration** to bind\n"
        "- Always **read the small print**\n- **“Time is of the essence”** makes dates binding\n"
    )
    assert [c.front for c in _cards(note) if c.kind == "cloze"] == ["A promise needs […] to bind"]


def test_a_list_that_goes_on_asks_no_count_and_keeps_its_names():
    (card,) = _cards("## Cuisine\n- Mother sauces: béchamel, velouté, espagnole, and more\n")
    assert card.front.endswith("mother sauces: name some")
    assert card.back.splitlines() == ["• béchamel", "• velouté", "• espagnole", "• …"]
    (closed,) = _cards("## Runtimes\n- Supported languages: Go, .NET, Rust and Python\n")
    assert closed.front.endswith("which four?")
    assert closed.back.splitlines() == ["• Go", "• .NET", "• Rust", "• Python"]


def test_a_term_heading_with_one_paragraph_under_it_defines_the_term():
    note = (
        "# Geology\n## Rocks\n### Basalt\nA dark, fine-grained volcanic rock formed from lava.\n"
        "### Granite\nGranite cools slowly underground, so its crystals are large.\n"
        "## Weathering\n### Checking\nScratch the surface with a steel nail first.\n"
    )
    clozes = {c.front: c.back for c in _cards(note) if c.kind == "cloze"}
    meaning = "A dark, fine-grained volcanic rock formed from lava"
    assert clozes[f"[…]: {meaning}"] == f"Basalt: {meaning}"
    # a sentence that names its heading is a statement about it, an activity is no term
    assert not any(back.startswith(("Granite:", "Checking:")) for back in clozes.values())


def test_a_notes_title_and_its_intro_are_no_definition():
    note = "# Baroque music\nMy notes for the music history module, spring term.\n"
    assert not any(c.front.startswith("[…]:") for c in _cards(note))


def test_a_definition_of_the_topic_itself_is_asked_in_its_parent():
    fact = FactInput(
        key="f", kind="definition", topic="Bones › Marrow", subheading="", text="", subject="Marrow",
        attribute="Marrow", value="Soft tissue inside bones that makes blood cells", items=(),
        emphasis=(), parent="Bones",
    )  # fmt: skip
    (card,) = cards_for_fact(fact)
    assert (card.context, card.front) == (
        "Bones",
        "[…]: Soft tissue inside bones that makes blood cells",
    )
    orphan = FactInput(**{**fact.__dict__, "topic": "Marrow", "parent": ""})
    # its own name would give the cloze away: a note's own subject is asked forwards
    (card,) = cards_for_fact(orphan)
    assert (card.kind, card.front) == ("qa", "Marrow — what is it?")
    assert card.back == "Soft tissue inside bones that makes blood cells"


def test_a_key_whose_value_describes_it_is_also_asked_backwards():
    note = (
        "## Sociology terms\nAnomie: a breakdown of the norms that guide how people behave\n"
        "Stigma: the mark of disgrace attached to a trait or a group\n"
        "Founded: 1895\nMethod: a survey\n"
    )
    cards = _cards(note)
    kinds = {(c.kind, c.back.split(":")[0]) for c in cards}
    assert ("qa", "a breakdown of the norms that guide how people behave") in {
        (c.kind, c.back) for c in cards
    }  # the key and value is still asked forwards
    assert {("cloze", "Anomie"), ("cloze", "Stigma")} <= kinds
    assert not {("cloze", "Founded"), ("cloze", "Method")} & kinds  # no meaning to recall from
