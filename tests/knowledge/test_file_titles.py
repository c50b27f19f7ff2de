"""Stop 37 (issue 10): a note with no title of its own is named by its file, as written: its
words' capitals kept ('AWS' stays 'AWS'), a dash or underscore between words a space, one space
between words. Cards show the title as the subject of a plain heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.knowledge.models import Note
from studyapp.pipeline import model_rebuild


@pytest.mark.django_db
def test_a_file_name_is_the_title_as_written(tmp_path: Path):
    (tmp_path / "AWS notes - week_2.md").write_text(
        "- S3 stores objects in buckets\n- EC2 rents virtual servers by the second\n",
        encoding="utf-8",
    )
    model_rebuild(paths=[tmp_path], generate=False)
    assert list(Note.objects.values_list("title", flat=True)) == ["AWS notes week 2"]
