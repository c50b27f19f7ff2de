"""The stats page: reviews per day, true retention, the due forecast and mastery per topic."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from studyapp.accounts.models import profile_for
from studyapp.http import AuthedRequest

from .charts import column_chart, row_chart
from .stats import DAYS, stats_for

# Label every 7th day under the axis, counted so that today (or the first forecast day) has one.
WEEKLY = range(DAYS - 1, -1, -7)


def _day(day: date) -> str:
    return f"{day:%b} {day.day}"


@require_GET
@login_required
def stats(request: AuthedRequest) -> HttpResponse:
    profile = profile_for(request.user)
    data = stats_for(request.user, now=timezone.now(), tz_name=profile.time_zone)
    reviews, forecast = data.reviews.days, data.forecast.days
    context = {
        "stats": data,
        "desired_retention_percent": 100 * profile.desired_retention,
        # Passed at the bottom, Again stacked on top: the red part is what was forgotten.
        "reviews_chart": column_chart(
            [(_day(d.day), (d.passed, d.again)) for d in reviews],
            series=("passed", "again"),
            labelled=WEEKLY,
        ),
        "forecast_chart": column_chart(
            [("Today" if i == 0 else _day(d.day), d.due) for i, d in enumerate(forecast)],
            series=("due",),
            labelled=range(0, DAYS, 7),
        ),
        "mastery_chart": row_chart(
            [(t.name, t.percent) for t in data.mastery], maximum=100, unit="%"
        ),
    }
    return render(request, "decks/stats.html", context)
