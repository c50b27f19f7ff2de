"""Forms of the learner's quiz pages. The answers themselves are read by
`attempts.answer_clean`, which drops anything that is not one of the question's choices."""

from __future__ import annotations

from typing import cast

from django import forms
from django.http import QueryDict

from studyapp.knowledge.models import Topic

from . import spec
from .models import Quiz

MAX_PRACTICE_QUESTIONS = 50

LAYOUT_CHOICES = [
    (Quiz.Layout.ONE_BY_ONE.value, "One question per screen, with immediate feedback"),
    (Quiz.Layout.ALL_AT_ONCE.value, "All at once, feedback at the end"),
]


class PracticeForm(forms.Form):
    # Rendered by hand as the topic tree (templates/quizzes/_take_topics.html).
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.filter(retired_at__isnull=True),
        required=False,
        error_messages={"invalid_choice": "That topic no longer exists; choose again."},
    )
    count = forms.IntegerField(
        label="Number of questions",
        min_value=1,
        max_value=MAX_PRACTICE_QUESTIONS,
        initial=10,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_PRACTICE_QUESTIONS}),
    )
    kinds = forms.MultipleChoiceField(
        label="Kinds of question",
        choices=[(k, spec.KIND_LABELS[k]) for k in spec.KINDS],
        initial=list(spec.KINDS),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one kind of question."},
    )
    layout = forms.ChoiceField(
        label="Layout",
        choices=LAYOUT_CHOICES,
        initial=Quiz.Layout.ONE_BY_ONE.value,
        widget=forms.RadioSelect,
    )

    def chosen_topic_ids(self) -> set[str]:
        """The topics to show ticked: what was sent, even when the form was refused."""
        if not self.is_bound:
            return set()
        # Bound only to request.POST, a QueryDict (the stubs type `data` as any Mapping).
        posted = cast(QueryDict, self.data)
        return {str(v) for v in posted.getlist(self.add_prefix("topics"))}


class QuestionPageForm(forms.Form):
    """The attempt page's query string: ?q=N, the question shown (one question per screen)."""

    q = forms.IntegerField(required=False, min_value=1)


class AnswerForm(forms.Form):
    """What comes with an answer besides the answer: `check` (grade it now, one question per
    screen with immediate feedback) and `go` (the question to show next, without JavaScript)."""

    check = forms.BooleanField(required=False)
    go = forms.IntegerField(required=False, min_value=1)


# The quiz from one comparison table (table_quiz_views.py): nothing stored, the seed remakes it.
MAX_SEED = 2**31 - 1


class QuizSeedForm(forms.Form):
    """The seed that makes a quiz: in the query string to show it, in the POST to grade it."""

    seed = forms.IntegerField(min_value=0, max_value=MAX_SEED)
