from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "studyapp.knowledge"
    label = "knowledge"
