from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "studyapp.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import remember_time_zone_at_login

        # Django's own login hook (every way of logging in sends it, tests' force_login too), so
        # the time zone is read once at login and pages do not pay for it.
        user_logged_in.connect(remember_time_zone_at_login, dispatch_uid="remember_time_zone")
