from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("studyapp.accounts.urls")),
    path("", include("studyapp.decks.urls")),
    path("", include("studyapp.decks.stats_urls")),
    path("", include("studyapp.compare.urls")),
    path("", include("studyapp.quizzes.urls")),
    path("", include("studyapp.knowledge.urls")),
    path("", include("studyapp.pages.urls")),
]
