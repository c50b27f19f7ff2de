from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from studyapp.accounts.services import UnknownUserError, user_grant_instructor


class Command(BaseCommand):
    help = "Let a user author quizzes and assign them (adds them to the instructor group)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: object, username: str, **options: object) -> None:
        try:
            user_grant_instructor(username=username)
        except UnknownUserError as exc:
            # CommandError prints the message without a traceback and exits with status 1.
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"{username} is now an instructor."))
