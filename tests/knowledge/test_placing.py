"""A one-word topic shown with its parent is asked under the parent its own note gives it."""

from studyapp.knowledge.placing import fact_topics
from studyapp.knowledge.snapshot import FactView, TopicView

# 'Significance' heads a section in many notes; the corpus vote gave its topic one parent.
SIGNIFICANCE = TopicView(1, "t-causes", "Significance", (), parent="Treaty of Utrecht")
TREATY = TopicView(2, "t-treaty", "Treaty of Utrecht", ())
REFORM = TopicView(3, "t-reform", "Great Reform Act", ())


def _fact(pk, topic, note, title, heading, line):
    source = {"note": note, "title": title, "heading": heading, "line": line}
    return FactView(pk, f"f{pk}", "statement", topic, "", "text", "", "", "", (), (), (source,), ())


def test_parent_kept_where_the_note_names_it():
    facts = [
        _fact(1, TREATY, "utrecht", "Utrecht", "", 3),
        _fact(2, SIGNIFICANCE, "utrecht", "Utrecht", "Significance", 9),
        _fact(
            3, SIGNIFICANCE, "europe", "Europe 1700-1800", "Treaty of Utrecht › Significance", 40
        ),
    ]
    shown = fact_topics(facts)
    assert shown[2] == "Treaty of Utrecht › Significance"  # an earlier fact of the note is its
    assert shown[3] == "Treaty of Utrecht › Significance"  # the heading above says so


def test_another_notes_fact_is_asked_under_its_own_heading_or_title():
    facts = [
        _fact(1, TREATY, "utrecht", "Utrecht", "", 3),
        _fact(2, SIGNIFICANCE, "utrecht", "Utrecht", "Significance", 9),
        _fact(4, REFORM, "britain", "British reform", "", 2),
        _fact(5, SIGNIFICANCE, "britain", "British reform", "Great Reform Act › Significance", 20),
        _fact(6, SIGNIFICANCE, "acts", "The 1832 Reform Act", "Significance", 8),
    ]
    shown = fact_topics(facts)
    assert shown[5] == "Great Reform Act › Significance"
    assert shown[6] == "The 1832 Reform Act › Significance"


def test_a_fact_filed_by_the_name_it_states_is_asked_under_its_section():
    # '- symptomatic: give glucose' under '# Hypoglycaemia › treatment' was filed under the
    # topic 'Symptomatic' that another note's heading made (parent 'Asthma').
    symptomatic = TopicView(7, "t-sym", "Symptomatic", (), parent="Asthma")
    facts = [_fact(8, symptomatic, "newborn", "Newborn care", "Hypoglycaemia › treatment", 30)]
    assert fact_topics(facts)[8] == "Hypoglycaemia › Symptomatic"


def test_named_topics_are_untouched():
    facts = [_fact(1, TREATY, "europe", "Europe", "Wars › Peace", 5)]
    assert fact_topics(facts)[1] == "Treaty of Utrecht"


# --- stop 37: a plain heading with no parent -------------------------------------------------


def _parentless(name: str, heading: str, title: str) -> str:
    topic = TopicView(7, f"t-{name}", name, ())
    return fact_topics([_fact(70, topic, "n1", title, heading, 9)])[70]


def test_a_parentless_plain_heading_is_shown_under_the_name_its_note_files_it_under():
    """'Storage' heads a section of many notes, so the topic it becomes has no parent of its
    own: a card is asked under its note's subject, not under 'Storage' alone."""
    assert _parentless("Storage", "Storage", "Amazon EMR") == "Amazon EMR › Storage"
    assert _parentless("Storage", "Amazon EMR › Storage", "Big data") == "Amazon EMR › Storage"


def test_plain_words_above_it_or_a_line_filed_by_its_words_keep_it_alone():
    assert _parentless("Storage", "Commands › Storage", "Amazon EMR") == "Storage"  # no name
    assert _parentless("Storage", "Pricing", "Amazon EMR") == "Storage"  # not its heading
    assert _parentless("Storage", "Storage", "Storage") == "Storage"  # its own note
