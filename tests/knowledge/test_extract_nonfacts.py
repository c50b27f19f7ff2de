"""Lines that are no fact to learn give no candidate, in any subject: tables of contents, pasted
chat transcripts, course logistics, a note's metadata, to-dos. Snippets written for these tests."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract, note_name
from studyapp.knowledge.ingest.parse import parse


def _texts(text: str) -> list[str]:
    return [f.text for f in extract(parse(text)).facts]


def test_a_list_of_the_notes_own_headings_is_a_table_of_contents():
    note = (
        "# Cell biology\n"
        "- [Organelles](#organelles)\n- [Mitosis](#mitosis)\n  - [Prophase](#prophase)\n"
        "- [Meiosis](#meiosis)\n"
        "## Organelles\n- **Ribosomes**: build proteins\n"
        "## Mitosis\n### Prophase\n- Chromosomes condense\n"
        "## Meiosis\n- Produces four haploid cells\n"
    )
    texts = _texts(note)
    assert not [t for t in texts if t in {"Organelles", "Mitosis", "Prophase", "Meiosis"}]
    assert "Ribosomes: build proteins" in texts and "Chromosomes condense" in texts


def test_a_section_called_contents_is_skipped():
    note = "## Table of Contents\n1. The Roman Republic\n2. Augustus\n## Augustus\n- First emperor, from 27 BC\n"
    assert _texts(note) == ["First emperor, from 27 BC"]


def test_a_pasted_chat_keeps_the_answer_and_drops_the_prompt_and_pleasantries():
    note = (
        "## Contract law\n"
        "You said:\n\nwhat makes a contract binding? explain simply\n\n"
        "ChatGPT said:\n\nSure! Here's a short answer.\n\n"
        "- **Consideration**: something of value exchanged by each party\n"
        "- An offer must be accepted without changes\n\n"
        "Let me know if you want examples!\n\nI hope this helps.\n"
    )
    texts = _texts(note)
    assert texts[0] == "Consideration: something of value exchanged by each party"
    assert "An offer must be accepted without changes" in texts
    assert not [t for t in texts if "said" in t or "explain" in t or "Sure" in t or "hope" in t]
    assert not [t for t in texts if "Let me know" in t]


def test_chat_turn_headings_name_no_topic_and_the_user_turn_is_skipped():
    extraction = extract(
        parse(
            "# French verbs\n##### You said:\nhow do I conjugate être?\n"
            "##### ChatGPT said:\n- **je suis**: I am\n"
        )
    )
    assert [f.text for f in extraction.facts] == ["je suis: I am"]
    assert extraction.facts[0].headings == ("French verbs",)
    assert ("French verbs", "You said:") not in extraction.headings


def test_course_logistics_are_not_facts():
    note = (
        "## Week 3: Thermodynamics\n"
        "- In this video we look at entropy\n- Homework 2 due Friday\n"
        "- Next lesson: the Carnot cycle\n- Demo: click Run and watch the piston\n"
        "- See you next week!\n- Entropy of an isolated system never decreases\n"
        "- Subscribe to the following event categories: create, delete, update\n"
    )
    texts = _texts(note)
    assert texts[0] == "Entropy of an isolated system never decreases"
    # "subscribe to …" in a fact is not a video's sign-off
    assert any(t.startswith("Subscribe to the following") for t in texts)
    assert len([t for t in texts if "video" in t or "due" in t or "Demo" in t]) == 0


def test_date_author_and_tag_lines_are_not_facts():
    note = (
        "# The French Revolution\nDate: 2024-03-02\n\nAuthor: M. Durand\n\n"
        "Tags: #history #europe\n\nLast edited 4 March\n\n2024-03-02\n\n"
        "- 1789-07-14: the Bastille is stormed\n"
    )
    assert _texts(note) == ["1789-07-14: the Bastille is stormed"]


def test_checkboxes_that_are_to_dos_give_nothing():
    note = (
        "## Revision plan\n- [ ] Reread chapter 4\n- [x] Make flashcards for the Krebs cycle\n"
        "- [x] Glycolysis: splits glucose into two pyruvate\n"
    )
    assert _texts(note) == ["Glycolysis: splits glucose into two pyruvate"]


def test_a_file_name_loses_its_notion_id():
    assert note_name("Roman_law-basics 0123456789abcdef0123456789abcdef.md") == "Roman law basics"
    assert note_name("notes/Photosynthesis.md") == "Photosynthesis"


def test_inline_cards_are_written_cards_not_code():
    note = (
        "## Mixed\n- What is osmosis?::Water moving across a membrane\n"
        "- Mitochondria::powerhouse of the cell\n- Capital of Peru :: Lima\n"
        "- Declare `std::vector<int>` for a growable array\n- Use std::vector for arrays\n"
        "- Resource type AWS::EC2::Instance\n- Import it with Fn::ImportValue\n"
        "- Route ::/0 to the internet gateway\n- use crate::module\n"
        "- IPv6 loopback is ::1\n- Release it with ::free(buffer)\n- What is 7 % 3? ::1\n"
    )
    cards = [(f.attribute, f.value) for f in extract(parse(note)).facts if f.kind == "qa"]
    assert cards == [
        ("What is osmosis?", "Water moving across a membrane"),
        ("Mitochondria", "powerhouse of the cell"),
        ("Capital of Peru", "Lima"),
        ("What is 7 % 3?", "1"),
    ]


def test_course_info_lines_and_figure_labels_are_no_facts():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse
    from studyapp.text.names import named_by_position

    note = (
        "# Organic chemistry\n\n- Professor: R. Okafor\n- Room: BA 1160\n- Alkanes: single bonds\n"
    )
    texts = [f.text for f in extract(parse(note), name="orgo.md").facts]
    assert texts == ["Alkanes: single bonds"]
    assert all(named_by_position(n) for n in ("Figure 21.14", "Table 3", "Page 12", "Eq. 4"))
    assert not named_by_position("Tablespoon")


def test_link_sections_give_no_facts():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse

    note = (
        "# Glaciers\n\n- Ice flows under its own weight\n\n## Related\n\n- Ice ages: see note\n"
        "- Moraines: next chapter\n\n## Next\n\n- Rivers: erosion\n"
    )
    texts = [f.text for f in extract(parse(note), name="glaciers.md").facts]
    assert texts == ["Ice flows under its own weight"]


def test_cross_references_and_figure_captions_are_no_facts():
    texts = _texts(
        "# The Heart\n\n"
        "See also: Circulatory system\n\n"
        "Recall: the pulmonary loop\n\n"
        "*Figure 3.2: Blood flow through the four chambers*\n\n"
        "- Recall that the left ventricle pumps blood to the body\n"
        "- Table salt raises blood pressure in some people\n"
    )
    assert texts == [
        "Recall that the left ventricle pumps blood to the body",
        "Table salt raises blood pressure in some people",
    ]


def test_a_course_timetable_is_no_table_but_a_history_table_is():
    outline = parse(
        "# Course\n\n| Section | Times | Room | Instructor |\n|---|---|---|---|\n"
        "| L0101 | Mon 9-10 | BA 1130 | A. Rivera |\n| L0201 | Tue 1-2 | SS 2117 | B. Chen |\n\n"
        "# Wars\n\n| Battle | Date | Place | Commander |\n|---|---|---|---|\n"
        "| Hastings | 1066 | England | William |\n| Agincourt | 1415 | France | Henry V |\n"
    )
    assert [t.header[0] for t in extract(outline).tables] == ["Battle"]


def test_a_notes_property_lines_at_the_top_are_no_facts_whatever_their_keys():
    # Notion and Bear write a page's properties as 'Key: value' lines under its title; one
    # known property key ('Created', 'Status', 'title') makes the whole run the note's own.
    note = (
        "# Photosynthesis\n\nCreated: 3 May 2024 10:02\nStatus: Done\nUnit: BIOL 130 – Plants\n"
        "Reading: Week 3 handout\n\n"
        "Chlorophyll absorbs red and blue light.\n\n- Stomata: pores that let CO2 in\n"
    )
    texts = _texts(note)
    assert not [t for t in texts if t.startswith(("Status", "Unit", "Reading", "Created"))]
    assert "Stomata: pores that let CO2 in" in texts
    jekyll = "# 12 Kidneys\n\n---\n\nlayout: page\n\ntitle: Renal Physiology\n\n## GFR\n- Normal GFR: 125 mL/min\n"
    assert _texts(jekyll) == ["Normal GFR: 125 mL/min"]


def test_key_value_lines_that_name_no_property_of_a_note_stay_facts():
    # A country note that opens with its facts, and property-like keys further down the note.
    note = "# France\n\nCapital: Paris\nCurrency: euro\n\n## Wildlife\n- Status: the lynx is endangered\n"
    texts = _texts(note)
    assert "Capital: Paris" in texts and "Currency: euro" in texts
    assert "Status: the lynx is endangered" in texts


def test_an_index_of_links_to_other_notes_sections_gives_no_facts():
    # An index.md: each line a link into a section of another note, with hard breaks.
    note = (
        "### Genetics  \n"
        "[Mendel's laws](./genetics/mendel.md#laws)  \n"
        "[Case 2: Sickle cell](./genetics/cases.md#case-2)  \n"
        "[Linkage](genetics.md#linkage) · [Crossing over](genetics.md#crossing-over)\n\n"
        "- Alleles: versions of one gene, see [the glossary](./glossary.md#alleles)\n"
    )
    texts = _texts(note)
    assert texts == ["Alleles: versions of one gene, see the glossary"]


def test_prerequisite_and_linked_note_lines_are_cross_references():
    note = (
        "# Feudalism\n\nPrereq: Fall of Rome · next: Manorialism\n\n"
        "- Vassals swore fealty to a lord\n\nLinked: Medieval Church\n"
    )
    assert _texts(note) == ["Vassals swore fealty to a lord"]


def test_a_table_of_contents_needs_its_share_of_headings_however_long_the_list():
    from studyapp.knowledge.ingest.extract_nonfacts import is_table_of_contents
    from studyapp.knowledge.ingest.parse import Item

    headings = frozenset(f"part {n}" for n in range(10))
    # eight of ten entries name a heading: a table of contents (80%), read to its end
    items = [Item(f"Part {n}", n) for n in range(8)] + [Item("Aside", 8), Item("Note", 9)]
    assert is_table_of_contents(items, headings, "")
    assert is_table_of_contents(items[::-1], headings, "")  # the misses read first
    # seven of ten do not make the share, wherever the misses stand
    items = [Item(f"Part {n}", n) for n in range(7)] + [Item(w, 9) for w in ("A", "B", "C")]
    assert not is_table_of_contents(items, headings, "")
    assert not is_table_of_contents(items[::-1], headings, "")
    # entries nested under one another count; an item without text is no entry
    nested = [Item("Part 1", 1, children=[Item("Part 2", 2), Item("", 3)]), Item("Part 3", 4)]
    assert is_table_of_contents(nested, headings, "")
    assert not is_table_of_contents(nested, headings, "Part 1")  # the section's own title


def test_an_item_copy_is_the_dataclass_copy():
    import dataclasses

    from studyapp.knowledge.ingest.parse import Item

    item = Item("Osmosis: water moves", 3, ("Osmosis",), [Item("child", 4)], is_paragraph=True)
    assert item.replaced(text="x", line=9) == dataclasses.replace(item, text="x", line=9)
    assert item.replaced(text="x").children is item.children  # shallow, as replace is
