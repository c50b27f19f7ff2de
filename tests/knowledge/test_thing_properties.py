"""An outliner's block property that says where a thing is, or what it is called
('location:: stroma' under the Calvin cycle, 'location:: Tanzania' under a mountain) is a fact
of the block; one that says where a class meets ('location:: Room 204') stays the note's
logistics. Before, every 'location' line was read as course metadata and gave nothing, so the
photosynthesis note had no card on where its reactions happen. Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse


def _facts(text: str) -> dict[str, tuple[str, str]]:
    return {f.text: (f.attribute, f.value) for f in extract(parse(text), name="n.md").facts}


def test_where_a_thing_is_is_a_fact_of_its_block():
    facts = _facts(
        "- Mount Kilimanjaro\n\t- location:: Tanzania\n\t- height:: 5,895 m\n"
        "- Calvin cycle\n\t- location:: stroma\n\t- enzyme:: RuBisCO\n"
    )
    assert facts["location:: Tanzania"] == ("location", "Tanzania")
    assert facts["location:: stroma"] == ("location", "stroma")


def test_where_a_class_meets_stays_logistics():
    facts = _facts(
        "- Lecture 4 on the Calvin cycle\n\t- location:: Room 204\n\t- enzyme:: RuBisCO\n"
        "\nLocation: Hall B, second floor\n"
    )
    assert not [text for text in facts if "Room 204" in text or "Hall B" in text]
    assert "enzyme:: RuBisCO" in facts


def test_a_term_written_as_a_path_of_names_is_defined_by_its_line():
    """'std::shared_ptr = reference counted' defines std::shared_ptr, as 'Scarcity = unlimited
    wants …' defines scarcity: the '::' inside a name is no label's colon."""
    made = {f.text: f for f in extract(parse(
        "# Smart pointers\n\n- std::shared_ptr = reference counted\n"
        "- Vec::with_capacity = allocates room for n elements up front\n"
    ), name="n.md").facts}  # fmt: skip
    assert (
        made["std::shared_ptr = reference counted"].kind,
        made["std::shared_ptr = reference counted"].subject,
    ) == ("definition", "std::shared_ptr")
    vec = made["Vec::with_capacity = allocates room for n elements up front"]
    assert (vec.kind, vec.subject) == ("definition", "Vec::with_capacity")
