from __future__ import annotations

from zoneinfo import available_timezones

from django import forms

from studyapp.accounts.models import Profile
from studyapp.knowledge.models import Topic

_ZONES = sorted(available_timezones())


class AnswerForm(forms.Form):
    card = forms.IntegerField(min_value=1)
    rating = forms.TypedChoiceField(
        choices=[(1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")], coerce=int
    )
    reps = forms.IntegerField(min_value=0)
    started = forms.FloatField(required=False, min_value=0)


class StudyPageForm(forms.Form):
    """The study page's query string: ?card= (study this card first), ?show= (show this card's
    answer), ?started= (when the card was first shown, ms since the epoch)."""

    card = forms.IntegerField(required=False, min_value=1)
    show = forms.IntegerField(required=False, min_value=1)
    started = forms.FloatField(required=False, min_value=0)


class StudyOptionsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=[(z, z) for z in _ZONES])

    class Meta:
        model = Profile
        fields = ["new_per_day", "reviews_per_day", "desired_retention", "time_zone"]
        labels = {
            "new_per_day": "New cards per day",
            "reviews_per_day": "Maximum reviews per day",
            "desired_retention": "Desired retention",
            "time_zone": "Time zone (your day starts at 04:00 there)",
        }
        help_texts = {
            "desired_retention": "0.70–0.97. Higher means more reviews and fewer forgotten cards.",
        }
        widgets = {
            "desired_retention": forms.NumberInput(
                attrs={"step": "0.01", "min": "0.70", "max": "0.97"}
            )
        }


class CustomDeckForm(forms.Form):
    name = forms.CharField(max_length=100, strip=True)
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.filter(retired_at__isnull=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one topic."},
    )


class SuspendForm(forms.Form):
    suspended = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=300)
