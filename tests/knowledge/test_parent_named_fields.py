"""A plain heading that a few notes put under different parents is a field of each parent when
every note's lines under it name that parent: 'Storage' under 'Raspberry Pi' ("the Raspberry Pi
boots from …") and under 'Arduino Uno' ("the Uno keeps its sketch …") is each board's storage,
not one topic 'Storage' holding both boards' facts under whichever parent most notes gave it.
A subject filed under a few headings that its lines do not name ('Feudalism' under 'Medieval
Europe' and 'Japan') stays one topic. Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest import merge_memo
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse

BOARDS = {
    "pi": "# Raspberry Pi\n\nA small single-board computer.\n\n## Storage\n\n"
    "- The Raspberry Pi boots from a microSD card\n- A Pi 5 can also boot from an NVMe drive\n",
    "uno": "# Arduino Uno\n\nA microcontroller board.\n\n## Storage\n\n"
    "- The Uno keeps its sketch in 32 KB of flash memory\n",
}
FEUDALISM = {
    "europe": "# Medieval Europe\n\nFrom about 500 to 1500.\n\n## Feudalism\n\n"
    "- Lords granted land to vassals in return for military service\n",
    "japan": "# Japan\n\nAn island country.\n\n## Feudalism\n\n"
    "- Daimyo held land and samurai served them for a stipend of rice\n",
}


def _merged(notes: dict[str, str]):
    merge_memo.forget()
    extractions = {slug: extract(parse(text), name=f"{slug}.md") for slug, text in notes.items()}
    for slug, extraction in extractions.items():
        extraction.key = f"{slug}:{notes[slug]}"
    return merge(extractions)


def _topic_of(model, words: str) -> str:
    topics = {t.key: t.name for t in model.topics}
    return next(topics[f.topic_key] for f in model.facts if words in f.text)


def test_a_heading_whose_lines_name_each_parent_is_each_parents_aspect():
    model = _merged(BOARDS)
    assert _topic_of(model, "microSD") == "Raspberry Pi"
    assert _topic_of(model, "flash memory") == "Arduino Uno"
    assert "Storage" not in {t.name for t in model.topics}
    fact = next(f for f in model.facts if "flash memory" in f.text)
    assert fact.subheading == "Storage"


def test_a_subject_filed_under_headings_its_lines_do_not_name_stays_one_topic():
    model = _merged(FEUDALISM)
    assert _topic_of(model, "vassals") == _topic_of(model, "Daimyo") == "Feudalism"


def test_one_parent_unnamed_keeps_the_heading_a_topic():
    notes = {**BOARDS, "uno": BOARDS["uno"].replace("The Uno keeps its", "Sketches keep their")}
    model = _merged(notes)
    assert "Storage" in {t.name for t in model.topics}


def test_a_patched_merge_sees_an_edit_that_names_a_parent_no_more():
    """An edit of one line can make the heading a topic again: a merge that patches the last
    one must come to what a merge from nothing does."""

    def extractions(notes):
        out = {slug: extract(parse(text), name=f"{slug}.md") for slug, text in notes.items()}
        for slug, extraction in out.items():
            extraction.key = f"{slug}:{notes[slug]}"
        return out

    def shown(model):
        topics = {t.key: (t.name, t.parent_key) for t in model.topics}
        return sorted(topics.values(), key=str), [
            (topics[f.topic_key], f.text) for f in model.facts
        ]

    edited = {**BOARDS, "uno": BOARDS["uno"].replace("The Uno keeps its", "Sketches keep their")}
    for first, then in ((BOARDS, edited), (edited, BOARDS)):
        merge_memo.forget()
        merge(extractions(first))
        patched = merge(extractions(then))
        assert shown(patched) == shown(_merged(then))
