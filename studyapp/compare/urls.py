from __future__ import annotations

urlpatterns: list = []  # the comparison pages are being built; see studyapp/compare/views.py
