from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "studyapp.compare"
    label = "compare"
