"""Forms of the quiz builder: every POST and query string of the instructor's pages
(`instructor_views`, `question_views`, `results_views`) is read by one.

Forms check and reshape input; the services (`quiz_builder`, `authored_questions`,
`gift_import`) decide. Date fields are read and
shown in the time zone active while the form is bound (the views activate the instructor's own).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from studyapp.accounts.models import students
from studyapp.knowledge.models import Topic
from studyapp.knowledge.selectors import live_topics
from studyapp.text.numbers import decimal_comma, typed_number

from . import spec
from .authored_questions import (
    MAX_OPTION,
    MAX_PROMPT,
    UNITS,
    question_problems,
)
from .models import Question, Quiz
from .quiz_builder import AFTER_CLOSE_NEEDS_A_DATE, MAX_POINTS

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
MAX_GIFT_BYTES = 1_000_000
MAX_TIME_LIMIT = 7 * 24 * 60  # minutes


class _UsernameChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_username()


def _datetime_field(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )


class QuizSettingsForm(forms.Form):
    title = forms.CharField(max_length=200, strip=True)
    instructions = forms.CharField(
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Markdown. Shown before the first question.",
    )
    layout = forms.ChoiceField(
        choices=Quiz.Layout.choices, initial=Quiz.Layout.ONE_BY_ONE, widget=forms.RadioSelect
    )
    shuffle_questions = forms.BooleanField(required=False, label="Shuffle the questions")
    shuffle_options = forms.BooleanField(
        required=False, initial=True, label="Shuffle the options of each question"
    )
    time_limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_TIME_LIMIT,
        label="Time limit in minutes",
        help_text="Leave blank for no time limit.",
    )
    attempts_allowed = forms.IntegerField(
        min_value=0, max_value=100, initial=1, label="Attempts allowed", help_text="0: no limit."
    )
    opens_at = _datetime_field("Opens at")
    closes_at = _datetime_field("Closes at")
    feedback = forms.ChoiceField(
        choices=Quiz.Feedback.choices,
        initial=Quiz.Feedback.IMMEDIATELY,
        label="Show students the right answers",
        help_text="Students always see their score. With more than one attempt allowed, a "
        "score can hint at which answers were right, even when the answers are hidden.",
    )
    assigned_to = _UsernameChoices(
        queryset=students(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "student-choices"}),
        label="Assigned to",
        help_text="Tick nobody to assign it to every student.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Dates are read and shown in the current time zone: the user's own (accounts middleware).
        when = f"In your time zone ({timezone.get_current_timezone_name()}). Leave blank to "
        self.fields["opens_at"].help_text = when + "open it as soon as it is published."
        self.fields["closes_at"].help_text = when + "never close it."

    @staticmethod
    def initial_for(quiz: Quiz) -> dict:
        minutes = int(quiz.time_limit.total_seconds() // 60) if quiz.time_limit else None
        return {
            "title": quiz.title,
            "instructions": quiz.instructions,
            "layout": quiz.layout,
            "shuffle_questions": quiz.shuffle_questions,
            "shuffle_options": quiz.shuffle_options,
            "time_limit": minutes,
            "attempts_allowed": quiz.attempts_allowed,
            "opens_at": quiz.opens_at,
            "closes_at": quiz.closes_at,
            "feedback": quiz.feedback,
            "assigned_to": list(quiz.assigned_to.all()),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean returns (typed `| None` by the stubs)
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The quiz must close after it opens.")
        if data.get("feedback") == Quiz.Feedback.AFTER_CLOSE and not closes:
            if "closes_at" not in self.errors:  # a date that could not be read says so already
                self.add_error("closes_at", AFTER_CLOSE_NEEDS_A_DATE)
        return data

    def settings(self) -> dict:
        """The cleaned values as `quiz_builder.quiz_save` takes them."""
        data = dict(self.cleaned_data)
        minutes = data.pop("time_limit")
        data["time_limit"] = timedelta(minutes=minutes) if minutes else None
        return data


class SlotForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("up", "Move up"), ("down", "Move down"), ("remove", "Remove"), ("points", "")]
    )
    points = forms.DecimalField(
        required=False,
        min_value=Decimal("0.01"),
        max_value=MAX_POINTS,
        max_digits=6,
        decimal_places=2,
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean returns (typed `| None` by the stubs)
        if (
            data.get("action") == "points"
            and data.get("points") is None
            and "points" not in (self.errors)
        ):
            self.add_error("points", "Give the points this question is worth.")
        return data


class PublishForm(forms.Form):
    action = forms.ChoiceField(choices=[("publish", "Publish"), ("unpublish", "Unpublish")])


def topic_choices() -> list[tuple[str, str]]:
    """Live topics as (slug, name) in tree order, each indented under its parent."""
    topics = live_topics()
    children: dict[int | None, list[Topic]] = {}
    known = {t.pk for t in topics}
    for topic in topics:
        parent = topic.parent_id if topic.parent_id in known else None
        children.setdefault(parent, []).append(topic)
    choices: list[tuple[str, str]] = []

    def walk(parent: int | None, depth: int) -> None:
        for topic in sorted(children.get(parent, []), key=lambda t: (t.order, t.name)):
            choices.append((topic.slug, "\u2003" * depth + topic.name))
            walk(topic.pk, depth + 1)

    walk(None, 0)
    return choices


class BankFilterForm(forms.Form):
    """The bank page's query string: ?topic=<slug>&kind=<kind>&page=<n>."""

    topic = forms.ChoiceField(required=False, label="Topic")
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any kind"), *Question.Kind.choices], label="Kind"
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        topic = cast(forms.ChoiceField, self.fields["topic"])  # declared above
        topic.choices = [("", "Any topic"), *topic_choices()]


class SlotsAddForm(forms.Form):
    questions = forms.ModelMultipleChoiceField(
        queryset=Question.objects.none(),
        error_messages={
            "required": "Tick at least one question to add.",
            "invalid_choice": "One of those questions is not in your bank.",
        },
    )

    def __init__(self, *args, bank: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        questions = cast(forms.ModelMultipleChoiceField, self.fields["questions"])  # as declared
        questions.queryset = bank


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionWriteForm(forms.Form):
    """One question of any kind. The kind's own fields say what they are for; the others are
    ignored (and hidden by CSS when the browser can)."""

    kind = forms.ChoiceField(choices=Question.Kind.choices, initial=spec.CHOICE)
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.filter(retired_at__isnull=True),
        to_field_name="slug",
        empty_label="Choose a topic",
        help_text="What the question is about; the bank's topic filter finds it there.",
    )
    prompt = forms.CharField(
        max_length=MAX_PROMPT,
        label="Question",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Markdown: **bold**, `code`, lists.",
    )
    options = forms.CharField(
        required=False,
        max_length=MAX_OPTION * 30,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
        help_text="One option per line, in plain text (not Markdown). Start each right option "
        "with * (exactly one for multiple choice, one or more for multiple select).",
    )
    truth = forms.ChoiceField(
        required=False,
        choices=[("true", "True"), ("false", "False")],
        widget=forms.RadioSelect,
        label="The statement is",
    )
    accepted = forms.CharField(
        required=False,
        max_length=MAX_OPTION * 30,
        label="Accepted answers",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line. Case, punctuation and “the” are ignored; "
        "“15 min” also accepts “900 seconds”.",
    )
    value = forms.CharField(
        required=False,
        max_length=40,
        label="Right value",
        help_text="A dot for decimals (2.5); commas only between thousands (1,000).",
    )
    unit = forms.ChoiceField(required=False, choices=list(UNITS.items()), label="Unit")
    tolerance = forms.FloatField(
        required=False,
        min_value=0,
        initial=0,
        label="Tolerance (±, in the unit above: seconds, bytes or plain)",
    )
    pairs = forms.CharField(
        required=False,
        max_length=MAX_OPTION * 60,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
        help_text="One pair per line, in plain text (not Markdown): left -> right. A line "
        "“-> choice” adds a wrong choice.",
    )
    explanation = forms.CharField(
        required=False,
        max_length=MAX_PROMPT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Markdown. Shown with the right answer after answering.",
    )

    # Which form field shows a problem with each field of the question, per kind.
    _FIELD_OF = {
        spec.CHOICE: {"options": "options", "answers": "options"},
        spec.MULTI: {"options": "options", "answers": "options"},
        spec.TRUEFALSE: {"answers": "truth"},
        spec.SHORT: {"answers": "accepted", "options": "accepted"},
        spec.NUMERIC: {"answers": "value", "unit": "unit", "tolerance": "tolerance"},
        spec.MATCHING: {"items": "pairs", "options": "pairs", "answers": "pairs"},
    }

    @staticmethod
    def initial_for(question: Question) -> dict:
        """A saved question as the form's fields, so that saving it unchanged changes nothing."""
        kind, answers = question.kind, list(question.answers)
        initial: dict[str, Any] = {
            "kind": kind,
            "topic": question.topic if question.topic_id else None,
            "prompt": question.prompt,
            "explanation": question.explanation,
        }
        if kind in (spec.CHOICE, spec.MULTI):
            lines = []
            for option in question.options:
                if option in answers:
                    lines.append("* " + option)
                else:  # a backslash keeps a leading * (or backslash) from being read as markup
                    lines.append("\\" + option if option.startswith(("*", "\\")) else option)
            initial["options"] = "\n".join(lines)
        elif kind == spec.TRUEFALSE:
            initial["truth"] = answers[0] if answers else ""
        elif kind == spec.SHORT:
            initial["accepted"] = "\n".join(answers)
        elif kind == spec.NUMERIC:
            initial["value"] = answers[0] if answers else ""
            initial.update(unit=question.unit, tolerance=question.tolerance)
        elif kind == spec.MATCHING:
            pairs = [
                f"{item} -> {answer}" for item, answer in zip(question.items, answers, strict=False)
            ]
            pairs += [f"-> {option}" for option in question.options if option not in answers]
            initial["pairs"] = "\n".join(pairs)
        return initial

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean returns (typed `| None` by the stubs)
        kind = data.get("kind")
        if not kind or "prompt" not in data:
            return data
        if kind == spec.NUMERIC and data.get("value") and typed_number(data["value"]) is None:
            dotted = decimal_comma(data["value"])
            if dotted:  # "1,5" is not 15: a comma only separates thousands
                self.add_error("value", f"Use a dot for decimals: {dotted}")
            else:
                self.add_error("value", "Write the value as a number, e.g. 900 or 2.5.")
            return data
        fields = self._FIELD_OF.get(kind, {})
        for name, message in question_problems(self.question_spec()):
            target = fields.get(name, name if name in self.fields else None)
            if target is None or target not in self.errors:
                self.add_error(target, message)
        return data

    def question_spec(self) -> spec.QuestionSpec:
        """The question as written (valid or not: the preview shows it either way)."""
        data = self.cleaned_data
        kind = data.get("kind") or spec.CHOICE
        options: list[str] = []
        answers: list[str] = []
        items: list[str] = []
        if kind in (spec.CHOICE, spec.MULTI):
            for line in _lines(data.get("options", "")):
                is_right = line.startswith("*")
                option = line.lstrip("*").strip() if is_right else line.removeprefix("\\")
                options.append(option)
                if is_right:
                    answers.append(option)
        elif kind == spec.TRUEFALSE:
            answers = [data["truth"]] if data.get("truth") else []
        elif kind == spec.SHORT:
            answers = _lines(data.get("accepted", ""))
        elif kind == spec.NUMERIC:
            value = typed_number(data.get("value") or "")
            answers = [value] if value is not None else []
        elif kind == spec.MATCHING:
            extra: list[str] = []
            for line in _lines(data.get("pairs", "")):
                left, arrow, right = line.partition("->")
                if not arrow:
                    left, arrow, right = line.partition("→")
                left, right = left.strip(), right.strip()
                if arrow and not left and right:
                    extra.append(right)
                    continue
                items.append(left if arrow else line)
                answers.append(right)
            options = list(dict.fromkeys([a for a in answers if a] + extra))
        tolerance = data.get("tolerance")
        return spec.QuestionSpec(
            key="",
            kind=kind,
            prompt=data.get("prompt", ""),
            answers=tuple(answers),
            options=tuple(options),
            items=tuple(items),
            tolerance=float(tolerance) if tolerance is not None else 0.0,
            unit=(data.get("unit") or "") if kind == spec.NUMERIC else "",
            explanation=data.get("explanation", ""),
        )


class GiftImportForm(forms.Form):
    file = forms.FileField(
        required=False,
        label="GIFT file",
        help_text="A .gift or .txt file of at most 1 MB, in UTF-8.",
        widget=forms.ClearableFileInput(attrs={"accept": ".gift,.txt,text/plain"}),
    )
    text = forms.CharField(
        required=False,
        label="Or paste GIFT text",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean returns (typed `| None` by the stubs)
        upload, text = data.get("file"), data.get("text") or ""
        if upload and text.strip():
            raise forms.ValidationError("Upload a file or paste text, not both.")
        if upload:
            if not upload.name.lower().endswith((".gift", ".txt")):
                self.add_error("file", "Upload a .gift or .txt file.")
                return data
            if upload.size > MAX_GIFT_BYTES:
                self.add_error("file", "The file is larger than 1 MB; split it into smaller ones.")
                return data
            raw = upload.read(MAX_GIFT_BYTES + 1)
            try:
                data["gift"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("file", "The file is not UTF-8 text; save it as UTF-8 and retry.")
            return data
        if not text.strip():
            raise forms.ValidationError("Upload a GIFT file or paste GIFT text.")
        if len(text.encode("utf-8")) > MAX_GIFT_BYTES:
            self.add_error("text", "The text is larger than 1 MB; import it in smaller parts.")
            return data
        data["gift"] = text
        return data
