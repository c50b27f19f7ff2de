"""The rules answers are compared by (studyapp/text/answers.py)."""

from __future__ import annotations

import pytest

from studyapp.text.answers import bare_word, fold, normalise


def test_normalise_folds_case_punctuation_unicode_and_articles():
    assert normalise("✅ Supports FS access.") == normalise("supports fs ACCESS")
    assert normalise("ﬁle SYSTEM") == "file system"  # NFKC: the ligature is two letters
    assert normalise("The Lambda function") == normalise("lambda function")
    assert normalise("A") == "a"  # an option that *is* an article stays
    assert normalise("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("✅ Supports FS access.", "supports fs access"),
        ("The Lambda function", "lambda function"),
        ("Lambda, the", "lambda"),
        ("the a", "a"),  # articles go one at a time while something else is left
        ("STRASSE", "strasse"),
        ("Ｌａｍｂｄａ", "lambda"),  # full-width letters are letters
        ("snake_case  and\tspaces", "snake case and spaces"),
        ("✅", ""),
    ],
)
def test_normalise_gives_exactly(text, expected):
    assert normalise(text) == expected


def test_normalise_of_something_not_text_is_empty():
    assert normalise(None) == ""  # type: ignore[arg-type]
    assert normalise(900) == ""  # type: ignore[arg-type]


def test_plain_normalising_ignores_case_punctuation_and_spacing():
    assert normalise("At CloudFront edge locations.", plain=True) == normalise(
        "at  cloudfront EDGE locations", plain=True
    )
    assert normalise("✅ /tmp up to 10 GB", plain=True) == "tmp up to 10 gb"
    assert normalise("2 MB", plain=True) != normalise("10 GB", plain=True)


def test_plain_normalising_keeps_articles_and_compatibility_forms():
    assert normalise("The console", plain=True) == "the console"
    assert normalise("The console") == "console"
    assert normalise("Ｌａｍｂｄａ", plain=True) == "ｌａｍｂｄａ"
    assert normalise("ﬁle", plain=True) == "file"  # casefold alone unties this ligature


def test_fold_keeps_symbols():
    assert fold(" ✅ ") == "✅"
    assert fold("✅") != fold("❌")
    assert fold("True") == "true"
    assert fold("Ｔｒｕｅ") == "true"


def test_bare_word_drops_punctuation():
    assert bare_word("Node.js") == bare_word("nodejs") == "nodejs"
    assert bare_word("C#") == "c"
    assert bare_word("snake_case") == "snakecase"
    assert bare_word("(JavaScript)") == "javascript"
