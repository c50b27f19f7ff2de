from __future__ import annotations

from django.urls import path

from . import views

app_name = "compare"

urlpatterns = [
    path("compare/", views.comparison_list, name="list"),
    path("compare/<slug:slug>/", views.comparison_detail, name="detail"),
    path("compare/<slug:slug>/csv/", views.comparison_csv, name="csv"),
    path("compare/<slug:slug>/self-test/", views.comparison_selftest, name="selftest"),
]
