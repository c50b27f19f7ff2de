from __future__ import annotations

from django.core.management.base import BaseCommand

from studyapp.accounts.services import demo_users_ensure


class Command(BaseCommand):
    help = "Create the demo accounts 'instructor' and 'student' if they are missing."

    def handle(self, *args: object, **options: object) -> None:
        created = demo_users_ensure()
        if not created:
            self.stdout.write("Demo users already exist.")
            return
        # Passwords are random and shown only now: they are stored hashed and never re-printed.
        for username, password in created:
            self.stdout.write(f"Created demo user {username} / password: {password}")
