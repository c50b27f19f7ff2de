from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from studyapp.accounts import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="registration/login.html"),
        name="login",
    ),
    # Django's LogoutView accepts only POST (a GET link could log people out via <img src>).
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
