"""Placeholder until the stats page lands; replaced by its own module."""

from __future__ import annotations

urlpatterns: list = []
