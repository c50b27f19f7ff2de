"""Where topics sit in the tree: a note's own subject, and the parents notes vote for."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse


def _tree(**notes) -> dict[str, str | None]:
    model = merge({slug: extract(parse(text)) for slug, text in notes.items()})
    names = {t.key: t.name for t in model.topics}
    return {t.name: names.get(t.parent_key) for t in model.topics}


CELL = "# Cell\n## Nucleus\n- Holds the DNA of the cell\n- Surrounded by a double membrane\n"
TRANSPORT = (
    "# Cell Membrane Transport\n## Diffusion\n"
    "- Molecules move down their concentration gradient\n- Needs no energy from ATP\n"
)


def test_a_notes_title_is_its_own_subject_not_an_aspect_of_a_shorter_heading():
    tree = _tree(a=CELL, b=TRANSPORT)
    assert tree["Cell Membrane Transport"] is None
    assert tree["Diffusion"] == "Cell Membrane Transport"
    assert tree["Nucleus"] == "Cell"


def test_a_title_with_a_separator_is_still_an_aspect_of_its_subject():
    tree = _tree(
        a=CELL,
        b="# Cell: Organelles\n## Mitochondria\n- Make most of the ATP of the cell\n",
    )
    assert "Cell: Organelles" not in tree and "Cell Organelles" not in tree
    assert tree["Mitochondria"] == "Cell"


GENETICS_INDEX = (
    "# {title}\n## Genetics\n- Dominant alleles mask recessive ones\n"
    "## Ecology\n- Energy flows through food chains\n"
)
MENDEL = (
    "# Gregor Mendel\n- Born in 1822 in Silesia\n"
    "## Genetics\n- Worked with pea plants in a monastery garden\n"
)


def test_a_topic_at_the_top_of_one_note_is_not_filed_under_another_notes_subject():
    for title in ("Notes", "Overview"):
        tree = _tree(a=GENETICS_INDEX.format(title=title), b=MENDEL)
        assert tree["Genetics"] is None, title
        assert tree["Gregor Mendel"] is None


def test_index_pages_name_no_topic():
    for title in ("Index", "Table of contents", "MOC"):
        tree = _tree(a=GENETICS_INDEX.format(title=title), b=MENDEL)
        assert title not in tree, title
        assert tree["Genetics"] is None, title


def test_more_notes_under_a_parent_than_at_the_top_give_it_that_parent():
    other = "# Gregor Mendel\n## Genetics\n- Crossed tall and short pea plants\n"
    tree = _tree(a=GENETICS_INDEX.format(title="Notes"), b=MENDEL, c=other)
    # two notes on Mendel file Genetics under him, one index has it at its top
    assert tree["Genetics"] == "Gregor Mendel"


def test_a_heading_about_an_aspect_of_a_topic_does_not_file_that_topic_under_the_note():
    tree = _tree(
        a="# Roman Army\n## Legion tactics\n- A legion fought in three lines of infantry\n",
        b="# Legion\n- About 5,000 soldiers at full strength\n- Commanded by a legate\n",
        c="# Military history\n## Legion\n- The main unit of the Roman army\n",
    )
    # 'Legion tactics' says how the Roman army used legions; 'Military history' files Legion
    assert tree["Legion"] == "Military history"


def test_a_topic_from_a_heading_no_vocabulary_holds_keeps_its_written_name():
    """A long heading ('The Mechanical Philosophy Reduces Explanation to Efficient Causes') is
    no name the vocabulary keeps, yet its section is a topic: it was shown as its name key,
    lower-cased and singular ('the mechanical philosophy reduce explanation …'), and a formula
    lost its arguments. It is shown as written."""
    note = (
        "# Early Modern Science\n"
        "## The Mechanical Philosophy Reduces Explanation to Efficient Causes\n"
        "- Descartes described animals as automata built from matter in motion\n"
        "## Tangent Planes Approximate $f(x, y)$ Near $(a, b)$\n"
        "- The linearisation uses both partial derivatives at the point\n"
    )
    names = set(_tree(science=note))
    assert "The Mechanical Philosophy Reduces Explanation to Efficient Causes" in names
    assert "Tangent Planes Approximate $f(x, y)$ Near $(a, b)$" in names
    assert not any(name.islower() for name in names), names
