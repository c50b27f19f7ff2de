from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("compare/<slug:slug>/corrections/", views.comparison_correct, name="comparison_correct"),
]
