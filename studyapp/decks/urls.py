from django.urls import path

from . import views

app_name = "decks"

urlpatterns = [
    path("decks/", views.deck_list, name="list"),
    path("decks/leeches/", views.leeches, name="leeches"),
    path("decks/<slug:slug>/", views.deck_detail, name="deck"),
    path("decks/<slug:slug>/study/", views.study, name="study"),
    path("decks/<slug:slug>/study/undo/", views.undo, name="undo"),
    path("cards/<int:pk>/suspend/", views.suspend, name="suspend"),
]
