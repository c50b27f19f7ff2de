"""Stop 29 (issue 10): a symbol a note app draws as a bullet's icon is not a word of the line.
Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse

ICONS = """# Cell biology

## Organelles
- & Ribosomes are made of RNA and protein
- % Lysosomes contain digestive enzymes
- ! The nucleus holds most of the DNA
- $ 5 a slide for the microscope hire
- ~ 30 minutes to stain a sample
"""


def _texts(text: str) -> list[str]:
    return [f.text for f in extract(parse(text), name="n").facts]


def test_a_bullet_icon_is_not_read_as_part_of_the_line():
    texts = _texts(ICONS)
    assert "Ribosomes are made of RNA and protein" in texts
    assert "Lysosomes contain digestive enzymes" in texts
    assert "The nucleus holds most of the DNA" in texts
    assert not any(t[:1] in "&%!" for t in texts)


def test_a_symbol_before_a_number_is_kept():
    texts = _texts(ICONS)
    assert any(t.startswith("$ 5") or t.startswith("$5") for t in texts), texts
    assert any(t.startswith("~ 30") or t.startswith("~30") for t in texts), texts
