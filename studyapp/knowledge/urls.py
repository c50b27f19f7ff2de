from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("topics/", views.topic_list, name="topics"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("notes/<slug:slug>/", views.note_detail, name="note"),
]
