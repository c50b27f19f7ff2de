"""Stop 39 (issue 10): a plain sentence about a named thing and what it does in the present
('SCT is used for larger datasets', 'PostgreSQL stores each table in its own file') gets a
cloze hiding the name, as one in the past did ('Edward Jenner developed …'). A noun in -s after
the name ('access control lists', 'blocks are reset') is no verb. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.text.blanks import subject_blank


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("PostgreSQL stores each table in its own set of files", "PostgreSQL"),
        ("The NHS provides care that is free at the point of use", "NHS"),
        ("HTTP/2 sends many requests over one TCP connection", "HTTP/2"),
        ("BLAST is used for comparing a DNA sequence with a database", "BLAST"),
        ("T-SQL supports stored procedures and triggers", "T-SQL"),
    ],
)
def test_a_named_subject_before_what_it_does_is_hidden(sentence, name):
    blank = subject_blank(sentence)
    assert blank is not None and blank.term == name


@pytest.mark.parametrize(
    "sentence",
    [
        "S3 access control lists (ACLs)",  # 'lists' is a noun
        "EBS blocks are wiped between customers",  # 'blocks' is a noun
        "The EU has many member states",  # a light verb: one of many things it has
        "NASA uses several launch sites",
        "Git commits are snapshots",  # no verb after the name
    ],
)
def test_a_noun_in_s_or_a_light_verb_after_a_name_gives_no_subject_blank(sentence):
    assert subject_blank(sentence) is None


def test_an_adverb_after_the_name_is_not_hidden_with_it():
    # 'MS mainly affects …', 'SD primarily affects …': the adverb is no part of the name
    assert subject_blank("MS mainly affects young adults in their twenties").term == "MS"
    blank = subject_blank("SD primarily affects the scalp and the face")
    assert blank is None or blank.term == "SD"


def test_what_a_name_does_in_two_words_fits_many_names():
    assert subject_blank("EBS encryption supports boot volumes") is None
