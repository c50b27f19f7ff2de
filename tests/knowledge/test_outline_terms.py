"""An outline written all in bullets and in lower case (Logseq, quick notes) names its things
plainly: 'set' over 'unordered collection of unique elements' defines a set, as '**Set**' would.
A plain label written over each of several things ('symptoms' under each disease), a field's
word, a plural or a phrase stays a label. Notes in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse


def _definitions(text: str) -> dict[str, str]:
    facts = extract(parse(text), name="n.md").facts
    return {f.subject: f.value for f in facts if f.kind == "definition"}


OUTLINE = """- cell parts
  - mitochondrion
    - organelle that makes most of the cell's ATP
  - ribosome
    - small particle that assembles proteins from amino acids
  - tools
    - a light microscope and a stain
"""


def test_a_plain_label_written_once_over_what_it_is_is_defined():
    defined = _definitions(OUTLINE)
    assert defined["mitochondrion"] == "organelle that makes most of the cell's ATP"
    assert defined["ribosome"].startswith("small particle that assembles proteins")
    assert "tools" not in defined  # a plural: the kind of what is listed


FIELDS = """# Infections
- measles
  - symptoms
    - a spreading rash that starts on the face
- mumps
  - symptoms
    - swelling of the parotid glands
- rubella
  - path
    - infection by an RNA virus spread in droplets
"""


def test_a_label_over_each_of_several_things_or_a_fields_word_is_no_term():
    defined = _definitions(FIELDS)
    assert "symptoms" not in defined  # written under each disease: their field
    assert "path" not in defined  # clinical shorthand for a field (pathophysiology)


def test_the_labels_read_once_are_not_kept_in_the_extraction():
    assert extract(parse(OUTLINE), name="n.md").labels_once == frozenset()


GLOSSARY = """# Joins

- **LEFT JOIN**
  - Returns every row of the left table; where nothing matches, the right side is NULL.
- **FULL JOIN**
  - Every row of both tables. Some engines lack it and need a UNION of two outer joins.
- **SELF JOIN**
  - A table joined to itself, e.g. staff and the managers they report to:
"""


def test_a_marked_terms_meaning_is_its_notes_first_sentence_clause_or_words_before_an_example():
    """Blind recall lists named the join types no card asked: their notes went on past the
    meaning (a second sentence, a clause after ';', an example after 'e.g.')."""
    defined = _definitions(GLOSSARY)
    assert defined["LEFT JOIN"] == "Returns every row of the left table"
    assert defined["FULL JOIN"] == "Every row of both tables"
    assert defined["SELF JOIN"] == "A table joined to itself"
    # the note's other sentence is still read
    texts = [f.text for f in extract(parse(GLOSSARY), name="n.md").facts]
    assert any("Some engines lack it" in t for t in texts), texts
