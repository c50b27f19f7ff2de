"""How a card names its topic (knowledge/snapshot.py TopicView.shown): a one-word heading such
as 'Input' keeps its parent, a name stands alone."""

from studyapp.knowledge.snapshot import TopicView


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
