"""Pages of the topic model: the topic tree, one topic, one note."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from studyapp.http import AuthedRequest, render_page

from .forms import TopicFilterForm
from .models import Comparison, Note, Topic
from .rendering import render_note
from .selectors import topic_ancestors, topic_facts_by_subheading, topic_tree


@require_GET
@login_required
def topic_list(request: AuthedRequest) -> HttpResponse:
    form = TopicFilterForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    roots, matched = topic_tree(query)
    context = {"form": form, "roots": roots, "query": query, "matched": matched}
    # A history restore (htmx's cache missed on "back") swaps the whole body, so it needs the page.
    return render_page(request, "knowledge/topic_list.html", context, partial="tree")


@require_GET
@login_required
def topic_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    context = {
        "topic": topic,
        "ancestors": topic_ancestors(topic),
        "children": topic.children.filter(retired_at__isnull=True),
        "groups": topic_facts_by_subheading(topic),
        "comparisons": Comparison.objects.filter(entity_topics=topic, retired_at__isnull=True),
    }
    return render(request, "knowledge/topic_detail.html", context)


@require_GET
@login_required
def note_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    note = get_object_or_404(Note, slug=slug)
    return render(
        request, "knowledge/note_detail.html", {"note": note, "html": render_note(note.text)}
    )
