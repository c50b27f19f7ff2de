from django.apps import AppConfig


class DecksConfig(AppConfig):
    name = "studyapp.decks"
    label = "decks"
