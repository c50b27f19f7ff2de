from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The top layer: pages and commands that combine the apps below (the dashboard, table
    corrections that regenerate cards and questions, the ingest command)."""

    name = "studyapp.pages"
    label = "pages"
