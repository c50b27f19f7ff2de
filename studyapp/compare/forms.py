"""Forms of the comparison pages: every POST (and the quiz's query string) is read through one."""

from __future__ import annotations

import json
from typing import cast

from django import forms

from studyapp.knowledge.models import Correction
from studyapp.knowledge.tables import Table


def cell_field(row: str, entity: str) -> str:
    """A (row, entity) pair as one form value; JSON, so no name can break it apart."""
    return json.dumps([row, entity], ensure_ascii=False)


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(choices=Correction.Kind.choices, label="Correction")
    row = forms.CharField(
        max_length=300,
        label="Row",
        help_text="The row to change, or the name of the row to add.",
        widget=forms.TextInput(attrs={"list": "row-names", "autocomplete": "off"}),
    )
    new_name = forms.CharField(
        max_length=300, required=False, label="New name", help_text="When renaming a row."
    )
    entity = forms.ChoiceField(required=False, label="Column", help_text="When fixing a cell.")
    value = forms.CharField(
        max_length=2000,
        required=False,
        label="Value",
        help_text="When fixing a cell.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, table: Table, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The field declared above (self.fields holds copies of the declared fields).
        entity = cast(forms.ChoiceField, self.fields["entity"])
        entity.choices = [("", "—")] + [(e, e) for e in table.entities]


class SelfTestForm(forms.Form):
    """The cells the learner did not know. Unknown pairs (a stale page after a correction, or a
    forged one) are refused, not guessed at."""

    missed = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, table: Table, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        missed = cast(forms.MultipleChoiceField, self.fields["missed"])  # declared above
        missed.choices = [
            (cell_field(row.name, entity), f"{entity} — {row.name}")
            for row in table.rows
            for entity in table.entities
            if row.cells.get(entity)
        ]

    def pairs(self) -> list[tuple[str, str]]:
        return [tuple(json.loads(value)) for value in self.cleaned_data["missed"]]


class SelfTestDoneForm(forms.Form):
    """?queued=N on the page the self-test POST redirects to."""

    queued = forms.IntegerField(min_value=0, max_value=10_000)
