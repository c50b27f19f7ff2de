"""Template filters for quiz pages."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from studyapp.knowledge.rendering import render_snippet

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown from a note or an instructor, rendered and sanitised by nh3 (so safe to mark)."""
    return mark_safe(render_snippet(text or ""))  # noqa: S308 - nh3 sanitised it
