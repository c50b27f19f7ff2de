"""A paragraph written a sentence to a line, which Markdown joins into one paragraph, gives a
fact per sentence citing its own line; prose wrapped in mid-sentence stays one fact."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_formats import sentence_groups
from studyapp.knowledge.ingest.parse import parse


def _facts(markdown: str) -> list[tuple[int, str]]:
    return [(f.line, f.text) for f in extract(parse(markdown)).facts if f.kind == "statement"]


def test_each_sentence_line_of_a_paragraph_is_a_fact_at_its_own_line():
    facts = _facts(
        "# The Congress of Vienna\n\n"
        "The congress met from 1814 to 1815.\n"
        "Metternich chaired most of its sessions.\n"
        "Its settlement kept the peace in Europe for decades.\n"
    )
    assert facts == [
        (3, "The congress met from 1814 to 1815."),
        (4, "Metternich chaired most of its sessions."),
        (5, "Its settlement kept the peace in Europe for decades."),
    ]


def test_a_sentence_wrapped_over_lines_stays_whole_and_cites_where_it_starts():
    facts = _facts(
        "# Contract law\n\n"
        "An offer can be withdrawn at any time\n"
        "before it is accepted.\n"
        "Silence is not acceptance.\n"
    )
    assert facts == [
        (3, "An offer can be withdrawn at any time before it is accepted."),
        (5, "Silence is not acceptance."),
    ]


def test_abbreviations_and_lower_case_continuations_do_not_split():
    assert sentence_groups(["Enzymes speed up reactions, e.g.", "Amylase breaks down starch."]) == [
        "Enzymes speed up reactions, e.g. Amylase breaks down starch."
    ]
    assert sentence_groups(["Values are 3.", "and more follow."]) == [
        "Values are 3. and more follow."
    ]
    assert sentence_groups(["Is it stable?", "(Yes, below 40 °C.)"]) == [
        "Is it stable?",
        "(Yes, below 40 °C.)",
    ]


def test_each_sentence_of_a_one_line_paragraph_is_a_fact_and_keeps_its_own_terms():
    outline = parse(
        "# Market structures\n\n"
        "An **oligopoly** is a market of a few large firms. "
        "A market with only two firms is called a **duopoly**. "
        "OPEC, founded in 1960, is a cartel.\n"
    )
    facts = extract(outline).facts
    texts = [f.text for f in facts]
    assert "A market with only two firms is called a duopoly." in texts
    assert "OPEC, founded in 1960, is a cartel." in texts
    assert all(f.line == 3 for f in facts)
    duopoly = next(f for f in facts if f.text.startswith("A market with only two"))
    assert duopoly.emphasis == ("duopoly",)


def test_abbreviations_inside_a_paragraph_end_no_sentence():
    from studyapp.knowledge.ingest.extract_formats import paragraph_sentences

    assert paragraph_sentences("Dr. Snow mapped the pump. Cholera fell.") == [
        "Dr. Snow mapped the pump.",
        "Cholera fell.",
    ]
    assert paragraph_sentences("Use a buffer, e.g. Tris. It holds pH.") == [
        "Use a buffer, e.g. Tris.",
        "It holds pH.",
    ]


def test_an_authored_question_of_several_sentences_stays_one_question():
    facts = extract(
        parse(
            "# Scenarios\n\n"
            "Q: A village floods every spring. The council has little money. What should it do?\n\n"
            "A: Restore the wetland upstream.\n"
        )
    ).facts
    asked = [f for f in facts if f.kind == "qa"]
    assert len(asked) == 1 and asked[0].value == "Restore the wetland upstream."
    assert asked[0].text.startswith("A village floods every spring. The council")


def test_a_paragraph_of_labelled_lines_is_a_fact_per_line():
    """'Stands for: …' / 'You manage: …' / 'Provider manages: …' written as one paragraph: each
    line is its own fact, even when one of its labels reads as no key."""
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse

    note = (
        "# Cloud\n\n## IaaS\nStands for: Infrastructure as a Service\n"
        "You manage: OS, runtime, applications, data\n"
        "Provider manages: servers, storage, networking, virtualisation\n"
    )
    facts = extract(parse(note), name="n.md").facts
    assert [f.line for f in facts] == [4, 5, 6]
    assert facts[0].value == "Infrastructure as a Service"
