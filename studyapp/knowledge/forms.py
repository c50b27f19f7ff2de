from __future__ import annotations

from django import forms


class TopicFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, strip=True, label="Filter topics")
