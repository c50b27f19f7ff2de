"""Stop 37 (issue 10): a definition's cloze hides the term its section is named after, so it
is asked in the parent topic; a parent named by one plain word ('Classes', 'Actions') is shown
as cards show that topic, with its own parent ('Antibodies › Classes'), or the card no longer
says what the classes are of. Snippets in our own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.decks.models import Card
from studyapp.pipeline import model_rebuild

NOTE = """# Blood

## Haemoglobin

### Forms

#### HbA

The adult form, two alpha and two beta chains.

#### HbF

The fetal form, which binds oxygen more tightly than the adult form.
"""


@pytest.mark.django_db
def test_a_definition_is_asked_in_its_parent_as_cards_name_that_parent(tmp_path: Path):
    (tmp_path / "blood.md").write_text(NOTE, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    definitions = {
        c.front: c.context for c in Card.objects.filter(kind="cloze") if c.front.startswith("[…]:")
    }
    front = "[…]: The fetal form, which binds oxygen more tightly than the adult form"
    assert definitions.get(front) == "Haemoglobin › Forms", definitions
