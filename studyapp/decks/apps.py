from django.apps import AppConfig


class DecksConfig(AppConfig):
    name = "studyapp.decks"
    label = "decks"

    def ready(self) -> None:
        from studyapp.knowledge.recall import recall_requested

        from .services import recall_answer

        # Quizzes and self-tests ask for missed facts to come back (knowledge/recall.py).
        recall_requested.connect(recall_answer, dispatch_uid="decks.recall_answer")
