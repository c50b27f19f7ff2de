"""The stats page's URL, kept apart from decks/urls.py so the two can change independently."""

from __future__ import annotations

from django.urls import path

from . import stats_views

app_name = "stats"

urlpatterns = [path("stats/", stats_views.stats, name="stats")]
