"""A plain heading many notes use under different subjects ('Diagnosis', 'Significance') is an
aspect of the subject it sits under in each note, not one topic with one voted parent.

Before, such a heading (not `generic_heading`) was a topic of its own that every note shared,
under the parent most notes voted for, and each other note's facts under it were asked under
that first subject. Now `merge_topics.field_headings` finds the plain headings that
`FIELD_PARENTS` notes put under as many different parents, and under a topic each is that
topic's aspect.
"""

from __future__ import annotations

import pytest

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse

NOTES = {
    "utrecht": "# Treaty of Utrecht\n\nSigned in 1713.\n\n## Significance\n\n"
    "- balance of power: it became a stated aim of British policy\n",
    "reform": "# Great Reform Act\n\nPassed in 1832.\n\n## Significance\n\n"
    "- electorate: it grew by about half in England and Wales\n",
    "charter": "# Magna Carta\n\nSealed in 1215.\n\n## Significance\n\n"
    "- due process: no free man to be punished except by lawful judgment\n",
    "westphalia": "# Peace of Westphalia\n\nSigned in 1648.\n\n## Significance\n\n"
    "- sovereignty: each state's rule over its own territory was recognised\n",
    "versailles": "# Treaty of Versailles\n\nSigned in 1919.\n\n## Significance\n\n"
    "- reparations: Germany was required to pay for war damage\n",
}


def _placed(attribute_word: str) -> tuple[str, str | None]:
    """(topic name, parent name) of the fact whose attribute has the word."""
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in NOTES.items()})
    topics = {t.key: t for t in model.topics}
    fact = next(f for f in model.facts if attribute_word in f.attribute)
    topic = topics[fact.topic_key]
    parent = topics[topic.parent_key].name if topic.parent_key else None
    return topic.name, parent


@pytest.mark.parametrize(
    ("word", "subject"),
    [
        ("balance", "Treaty of Utrecht"),
        ("electorate", "Great Reform Act"),
        ("due", "Magna Carta"),
        ("sovereignty", "Peace of Westphalia"),
        ("reparations", "Treaty of Versailles"),
    ],
)
def test_each_notes_significance_stays_with_its_own_subject(word, subject):
    # Either an aspect of the note's own subject, or a topic whose parent is that subject.
    assert subject in _placed(word)


def test_a_heading_few_notes_share_stays_one_topic():
    """Two notes' 'Significance' is not yet a pattern: below `FIELD_PARENTS` parents, a
    heading shared by a few notes stays the one topic it was."""
    two = {slug: NOTES[slug] for slug in ("utrecht", "reform")}
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in two.items()})
    assert "Significance" in {t.name for t in model.topics}


def test_a_name_filed_under_several_subjects_stays_a_topic():
    """'Magna Carta' under five different headings is still one thing: a name, not a field."""
    parents = ["English law", "Medieval England", "Constitutions", "Civil rights", "King John"]
    notes = {
        f"n{i}": f"# {parent}\n\n## Magna Carta\n\n- sealed: 1215\n"
        for i, parent in enumerate(parents)
    }
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in notes.items()})
    assert "Magna Carta" in {t.name for t in model.topics}


def test_a_subjects_fields_are_no_comparison():
    """'Diagnosis' and 'Treatment' sections of one disease state like keys, but they are two
    parts of one subject, never two things to compare."""
    diseases = ["Gout", "Asthma", "Anaemia", "Migraine", "Psoriasis"]
    notes = {
        name.lower(): f"# {name}\n\n## Diagnosis\n\n- first test: blood count\n- imaging: x-ray\n\n"
        f"## Treatment\n\n- first test: response to rest\n- imaging: none needed\n"
        for name in diseases
    }
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in notes.items()})
    assert not [c.title for c in model.comparisons if "Diagnosis" in c.title]


def test_a_field_heading_is_no_parent_of_the_topics_under_it():
    """One note's '# Significance › ## Treaty of Utrecht' says what the treaty meant, not that
    the treaty is a kind of significance: once 'Significance' is a field of the notes, the
    topics under it in that note keep their own place."""
    notes = dict(NOTES)
    notes["overview"] = (
        "# Significance\n\n## Treaty of Utrecht\n\n- Spain ceded Gibraltar to Britain\n"
    )
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in notes.items()})
    topics = {t.key: t for t in model.topics}
    utrecht = next(t for t in model.topics if t.name == "Treaty of Utrecht")
    parent = topics[utrecht.parent_key].name if utrecht.parent_key else None
    assert parent != "Significance"


def _merged(notes: dict[str, str]):
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in notes.items()})
    return model, {t.key: t for t in model.topics}


def test_a_field_heading_opening_a_note_is_that_notes_subjects_aspect():
    """Notes with no title of their own that open on '## Significance' ('corn-laws.md',
    'reform-of-1867.md'): each note's facts go to the subject its file name says, under the
    aspect 'Significance'. Before, both went to one 'Significance' topic, which took a parent
    from another note and mixed the two subjects' facts."""
    notes = dict(NOTES)
    notes["corn-laws"] = "## Significance\n\n- bread prices: they fell after the repeal in 1846\n"
    notes["second-reform-act"] = "## Significance\n\n- urban workers: many gained the vote\n"
    model, topics = _merged(notes)
    bread = next(f for f in model.facts if "bread prices" in f.text)
    workers = next(f for f in model.facts if "urban workers" in f.text)
    assert topics[bread.topic_key].name.lower() == "corn laws"
    assert topics[workers.topic_key].name.lower() == "second reform act"
    assert bread.subheading == workers.subheading == "Significance"


def test_a_field_topic_takes_no_parent_from_where_it_was_an_aspect():
    """Where a field is still a topic (a note titled with it), the subjects it is an aspect of
    elsewhere are no parents of it."""
    notes = dict(NOTES)
    notes["significance"] = "# Significance\n\n- a historian's judgement of what an event changed\n"
    model, topics = _merged(notes)
    field = [t for t in model.topics if t.name == "Significance"]
    assert all(t.parent_key is None for t in field)
