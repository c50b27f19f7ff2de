"""The parse stage on snippets of the real notes and of the dialects they are written in."""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.parse import clean_heading, parse, preprocess


def _texts(items):
    return [(i.text, _texts(i.children)) if i.children else i.text for i in items]


def test_numbered_and_bold_headings_are_cleaned():
    assert clean_heading("**2. AWS Lambda**") == "AWS Lambda"
    assert clean_heading("Section 19: Serverless") == "Serverless"
    assert clean_heading("**12. Comparison – Lambda vs CloudFront Functions**").startswith(
        "Comparison"
    )
    assert clean_heading("📌 **Concept**") == "Concept"


def test_tab_indented_items_under_a_plain_paragraph_become_its_list():
    # From the Obsidian note: a paragraph line, then tab-indented items with no blank line.
    outline = parse(
        "### Introduction\n\nserverless in aws\n\t- AWS lambda\n\t- DynamoDB\n\t- Fargate\n"
    )
    section = outline.sections[-1]
    assert _texts(section.items) == [("serverless in aws", ["AWS lambda", "DynamoDB", "Fargate"])]
    assert [i.line for i in section.items[0].children] == [4, 5, 6]


def test_two_space_four_space_and_tab_nesting():
    two = parse(
        "- Key characteristics:\n  - Functions run on-demand\n  - Easy pricing\n    - Free tier\n"
    )
    four = parse("- Easy Pricing:\n    - Pay per request\n    - Free tier\n")
    tab = parse("- Execution\n\t- memory : 128 MB - 10 GB\n\t- max time : 900 Seconds\n")
    assert _texts(two.sections[0].items) == [
        ("Key characteristics:", ["Functions run on-demand", ("Easy pricing", ["Free tier"])])
    ]
    assert _texts(four.sections[0].items) == [("Easy Pricing:", ["Pay per request", "Free tier"])]
    assert _texts(tab.sections[0].items) == [
        ("Execution", ["memory : 128 MB - 10 GB", "max time : 900 Seconds"])
    ]


def test_an_item_ending_in_colon_owns_the_list_that_follows_it():
    # From a real note: "1. Execution:" then a '*' list at the same indentation.
    outline = parse(
        "## Limits\n1. Execution: \n* Memory allocation: 128 MB\n* Timeout: 900 s\n2. Deployment: \n* 50 MB\n"
    )
    assert _texts(outline.sections[-1].items) == [
        ("Execution:", ["Memory allocation: 128 MB", "Timeout: 900 s"]),
        ("Deployment:", ["50 MB"]),
    ]


def test_setext_headings_and_heading_indented_inside_a_list():
    outline = parse(
        "Lambda\n======\n\n- fact one\n\n    ### Customization At The Edge\n\n- edge fact\n"
    )
    titles = [(s.title, s.level) for s in outline.sections]
    assert ("Lambda", 1) in titles
    assert ("Customization At The Edge", 3) in titles
    assert outline.sections[-1].ancestors == ("Lambda",)


def test_obsidian_dialect():
    text = (
        "---\ntags: [aws]\n---\n# Notes\n\n"
        "- DAX gives ==microsecond latency== for [[DynamoDB|Dynamo]] reads\n"
        "- ![[Pasted image 20240920101328.png|400]]\n"
        "> [!note] Remember\n> Lambda max timeout is 15 min\n\n"
        "What is the max Lambda memory?::10 GB\n"
    )
    outline = parse(text)
    assert outline.front_matter.strip() == "tags: [aws]"
    items = outline.sections[-1].items
    assert items[0].text == "DAX gives microsecond latency for Dynamo reads"
    assert "microsecond latency" in items[0].emphasis
    assert any("Pasted image" in src for src in outline.sections[-1].images)
    texts = [i.text for i in items]
    callout = items[texts.index("Remember")]  # a callout is its title with its body under it
    assert [c.text for c in callout.children] == ["Lambda max timeout is 15 min"]
    assert "What is the max Lambda memory?::10 GB" in texts


def test_notion_toggles_and_breaks_and_marks_in_cells():
    text = (
        "## Edge\n\n<details>\n<summary>CloudFront Functions</summary>\n\n- JavaScript only\n\n</details>\n\n"
        "| Feature | A | B |\n| --- | --- | --- |\n| Use | one<br>• two | <mark>three</mark> |\n"
    )
    outline = parse(text)
    section = outline.sections[-1]
    assert "CloudFront Functions" in [i.text for i in section.items]
    table = section.tables[0]
    assert table.header == ["Feature", "A", "B"]
    assert table.rows == [["Use", "one\n• two", "three"]]


def test_images_are_recorded_not_fetched_and_code_is_not_a_fact():
    outline = parse(
        "## API Gateway\n![image](https://github.com/x/y.png)\n\n```python\nprint('hi')\n```\n- real fact\n"
    )
    section = outline.sections[-1]
    assert section.images == ["https://github.com/x/y.png"]
    assert [i.text for i in section.items] == ["real fact"]


def test_preprocess_keeps_every_line_on_its_number():
    text = "a\n\t- b\n<details>\n<summary>S</summary>\n\n==c==\n    ### H\n"
    assert len(preprocess(text).split("\n")) == len(text.split("\n"))


def test_a_short_paragraph_before_a_table_is_its_caption_not_a_fact():
    outline = parse(
        "### AWS Lambda\n\nDifference between EC2 and Lambda\n\n| EC2 | Lambda |\n|---|---|\n| a | b |\n"
    )
    section = outline.sections[-1]
    assert section.tables[0].caption == "Difference between EC2 and Lambda"
    assert section.items == []


def test_a_callout_type_with_a_hyphen_is_read_as_a_callout():
    from studyapp.knowledge.ingest.parse import preprocess

    line = preprocess("> [!course-info]- Course facts\n> Professor: A. Smith")
    assert "[!course-info]" not in line


def test_outline_numbering_under_a_list_item_nests():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse

    note = (
        "# Geology\n\n1. Rocks\n   1.1 Igneous\n      a) Formed from cooled magma\n"
        "      b) Granite is intrusive\n   1.2 Sedimentary\n      i. Formed in layers\n\n"
        "1.5 million years ago the ice advanced.\n"
    )
    found = extract(parse(note), name="g.md").facts
    facts = {f.text: (f.labels, f.line) for f in found}
    # its two lines nest under it (a clause among them makes them notes, not a list of names)
    assert facts["Granite is intrusive"] == (("Rocks", "Igneous"), 6)
    assert facts["Formed in layers"] == (("Rocks", "Sedimentary"), 8)
    # a number opening a plain paragraph is no outline marker
    assert any(t.startswith("1.5 million years") for t in facts)


def test_a_callout_is_its_title_with_its_body_under_it():
    # The title never runs into the first sentence ('Catalase An enzyme that …'), so no cloze
    # hides it; a nested callout is a titled block inside its parent's body.
    outline = parse(
        "# Enzymes\n\n"
        "> [!def]+ Catalase\n> An enzyme that splits hydrogen peroxide.\n> It works in the liver.\n\n"
        "> [!summary] Key points\n>\n> - Enzymes are proteins\n>\n> > [!tip]- Memory aid\n"
        "> > Lock and key\n\n- Enzymes lower activation energy\n"
    )
    items = outline.sections[-1].items
    assert [i.text for i in items] == ["Catalase", "Key points", "Enzymes lower activation energy"]
    catalase, points = items[0], items[1]
    assert catalase.emphasis == ("Catalase",)
    assert [c.text for c in catalase.children] == [
        "An enzyme that splits hydrogen peroxide. It works in the liver."
    ]
    assert catalase.children[0].line == 4 and catalase.children[0].emphasis == ()
    assert [c.text for c in points.children] == ["Enzymes are proteins", "Memory aid"]
    assert [c.text for c in points.children[1].children] == ["Lock and key"]


def test_an_example_callout_files_its_body_under_an_example():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.text.lexicon import WORKED_EXAMPLE

    outline = parse(
        "# Treaties\n\n> [!example]+ A treaty signed by 3 states in 1815\n>\n> - Each state sent 2 envoys\n\n"
        "- A treaty binds only the states that ratify it\n"
    )
    facts = {f.text: f for f in extract(outline).facts}
    assert WORKED_EXAMPLE.search(" › ".join(facts["Each state sent 2 envoys"].headings))
    assert not WORKED_EXAMPLE.search(
        " › ".join(facts["A treaty binds only the states that ratify it"].headings)
    )


def test_a_callout_that_is_all_title_keeps_its_terms():
    outline = parse("# Cells\n\n> [!def] A **ribosome** makes **proteins** from amino acids.\n")
    (item,) = outline.sections[-1].items
    assert item.text == "A ribosome makes proteins from amino acids."
    assert item.emphasis == ("ribosome", "proteins") and not item.children


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("`SEEK_END`", "SEEK_END"),
        ("**ROW_NUMBER**", "ROW_NUMBER"),
        ("_Homo sapiens_", "Homo sapiens"),
        ("__Magna Carta__", "Magna Carta"),
    ],
)
def test_an_underscore_inside_a_word_is_part_of_the_name_not_emphasis(raw, clean):
    assert clean_heading(raw) == clean


def test_an_obsidian_block_id_is_no_part_of_the_line():
    outline = parse("# Processes\n\n- The kernel keeps a process control block ^1c4a37\n- 2 ^10\n")
    texts = [item.text for section in outline.sections for item in section.items]
    assert texts == ["The kernel keeps a process control block", "2 ^10"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("10.0.0.0 – 10.255.255.255", "10.0.0.0 – 10.255.255.255"),  # an address block
        ("1789 – 1799", "1789 – 1799"),  # a period
        ("1066 Battle of Hastings", "1066 Battle of Hastings"),
        ("2. The Estates-General", "The Estates-General"),  # an outline's numbering
        ("1.2 Ratification", "Ratification"),
    ],
)
def test_a_range_or_a_year_is_no_outline_number(raw, clean):
    assert clean_heading(raw) == clean


def test_a_heading_deeper_than_six_levels_is_the_deepest_heading():
    """'######## SMOTE' is plain text to CommonMark: its marks were read into the card's back
    ('######### ROSE ROSE: Randomly Over Sampling Examples'). It is meant as a heading."""
    outline = parse("# ML\n\n######## Sampling\n\n######### SMOTE\nSMOTE: oversamples a class\n")
    titles = [s.title for s in outline.sections]
    assert "Sampling" in titles and "SMOTE" in titles
    assert not any("#" in item.text for s in outline.sections for item in s.items)
    assert parse("####### Deep\ntext\n").sections[0].level == 6
