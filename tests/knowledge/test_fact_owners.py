"""A line that names another topic of the notes ('**Mitochondria**: the cell's power plant' in a
note on cells) is filed under that topic. Not when its value says what the thing is used for
in the section's own topic, a verb in its base form ('Liver: store glycogen between meals' under
a note's 'Organs involved'), nor when a common noun in lower case meets a proper-named topic
only once normalised ('artifacts: …' among a build file's fields, not 'AWS Artifacts'). Blind
s40-aws: 'S3 — what is it?' / 'store input and output data' (from EMR's integrations) and
'AWS Artifacts — what is it?' / 'path of the created artifact', both junk. Notes in our own
words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse

LIVER = "# Liver\n\nThe liver is the largest gland of the body.\n\n## Functions\n- Bile made here\n"
PANCREAS = "# Pancreas\n\nThe pancreas makes insulin.\n\n## Functions\n- Enzymes made here\n"


def _topic_of(model, text: str) -> str:
    topics = {t.key: t.name for t in model.topics}
    return next(topics[f.topic_key] for f in model.facts if f.text == text)


def _model(**notes):
    return merge({slug: extract(parse(text)) for slug, text in notes.items()})


def test_a_line_defining_another_topic_is_filed_under_it():
    digestion = "# Digestion\n\n## Organs\n- **Liver**: the largest gland, which makes bile\n"
    model = _model(liver=LIVER, pancreas=PANCREAS, digestion=digestion)
    assert _topic_of(model, "Liver: the largest gland, which makes bile") == "Liver"


def test_what_a_topic_does_in_the_sections_own_topic_stays_there():
    fasting = (
        "# Fasting metabolism\n\n## Organs involved\n- Liver: store glycogen between meals\n"
        "- Pancreas: release glucagon when glucose falls\n"
    )
    model = _model(liver=LIVER, pancreas=PANCREAS, fasting=fasting)
    # (under the section's topic: the note's, or its heading's own)
    assert _topic_of(model, "Liver: store glycogen between meals") not in ("Liver", "Pancreas")
    assert _topic_of(model, "Pancreas: release glucagon when glucose falls") not in (
        "Liver",
        "Pancreas",
    )


def test_a_lower_case_field_is_not_a_proper_named_topic():
    artifact = "# AWS Artifacts\n\nA portal of compliance reports.\n\n## Reports\n- SOC 2\n"
    build = (
        "# Build files\n\n## Fields\n- env: variables for the build\n"
        "- artifacts: path of the files the build made\n"
    )
    model = _model(artifact=artifact, build=build)
    assert _topic_of(model, "artifacts: path of the files the build made") != "AWS Artifacts"


def test_a_lower_case_word_is_still_its_own_topic_in_either_number():
    files = "# Files\n\nFiles live on disk.\n\n## Kinds\n- Text\n- Binary\n"
    unix = "# UNIX\n\n## Basics\n- file: a sequence of bytes stored somewhere\n"
    model = _model(files=files, unix=unix)
    assert _topic_of(model, "file: a sequence of bytes stored somewhere") == "Files"
