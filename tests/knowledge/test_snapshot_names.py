"""How a card names its topic (knowledge/snapshot.py TopicView.shown): a one-word heading such
as 'Input' keeps its parent, a name stands alone."""

import pytest

from studyapp.decks.models import Card
from studyapp.knowledge.snapshot import TopicView
from studyapp.pipeline import model_rebuild


def test_a_plain_word_topic_is_shown_with_its_parent():
    assert TopicView(1, "k", "Input", (), "SageMaker").shown == "SageMaker › Input"
    assert TopicView(1, "k", "Mitochondria", (), "Cell biology").shown == (
        "Cell biology › Mitochondria"
    )


def test_names_and_longer_topics_stand_alone():
    for name in ("Lambda@Edge", "SageMaker", "EC2", "Treaty of Versailles"):
        assert TopicView(1, "k", name, (), "Parent").shown == name
    assert TopicView(1, "k", "Input", ()).shown == "Input"


def test_a_list_of_plain_words_is_shown_with_its_parent():
    """'Maintenance, backup, and recovery' under 'Amazon RDS' was shown alone: its commas made
    it no plain phrase, and the card lost which database it was about."""
    topic = TopicView(
        1, "k", "Maintenance, backup, and recovery", (), "Amazon RDS", parent_top=True
    )
    assert topic.shown == "Amazon RDS › Maintenance, backup, and recovery"
    causes = TopicView(1, "k", "Causes, risks and prevention", (), "Gout", parent_top=True)
    assert causes.shown == "Gout › Causes, risks and prevention"


def test_plain_words_under_plain_words_are_shown_under_the_trees_top():
    """'Auto-healing workflow' under 'Instances' under 'AWS OpsWorks' was shown alone: its
    parent says no more than it does, but the top of its tree names the service."""
    topic = TopicView(1, "k", "Auto-healing workflow", (), "Instances", root_name="AWS OpsWorks")
    assert topic.shown == "AWS OpsWorks › Auto-healing workflow"
    # a top in plain words says no more either
    plain = TopicView(1, "k", "Auto-healing workflow", (), "Instances", root_name="Management")
    assert plain.shown == "Auto-healing workflow"


RESPIRATION = """# Cell Respiration

## Stages

### Link reaction

- Pyruvate is converted to acetyl-CoA in the mitochondrial matrix, releasing CO2.
"""


@pytest.mark.django_db
def test_a_card_names_the_notes_subject_above_two_plain_headings(tmp_path):
    (tmp_path / "respiration.md").write_text(RESPIRATION)
    model_rebuild(paths=[tmp_path])
    contexts = set(Card.objects.values_list("context", flat=True))
    assert any(c.startswith("Cell Respiration › Link reaction") for c in contexts), contexts
