"""Decks and the study session. htmx swaps the study card in place; without JavaScript the same
flow works with plain forms and redirects (post/redirect/get)."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from studyapp.accounts.middleware import remember_time_zone
from studyapp.accounts.models import profile_for
from studyapp.http import AuthedRequest, render_page

from . import scheduling
from .forms import AnswerForm, CustomDeckForm, StudyOptionsForm, StudyPageForm, SuspendForm
from .models import Card, CardState, CustomDeck
from .selectors import (
    EVERYTHING,
    Deck,
    counts_by_topic,
    custom_decks,
    daily_allowance,
    deck_card,
    deck_cards,
    deck_counts,
    deck_for,
    deck_tree,
    session_summary,
    study_queue,
)
from .services import card_answer, card_set_suspended, fsrs_fields, review_undo


def _deck_or_404(request: AuthedRequest, slug: str) -> Deck:
    deck = deck_for(slug, request.user)
    if deck is None:
        raise Http404("No such deck")
    return deck


@require_http_methods(["GET", "POST"])
@login_required
def deck_list(request: AuthedRequest) -> HttpResponse:
    # Bound on every POST, even an empty one, so it is validated (and refused) like any other.
    form = CustomDeckForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        deck = CustomDeck.objects.create(
            owner=request.user,
            name=form.cleaned_data["name"],
            slug=_custom_slug(request.user.pk, form.cleaned_data["name"]),
        )
        deck.topics.set(form.cleaned_data["topics"])
        messages.success(request, f"Deck “{deck.name}” created.")
        return redirect("decks:deck", slug=deck.slug)
    now = timezone.now()
    profile = profile_for(request.user)
    counts = counts_by_topic(request.user, now=now, profile=profile)
    allowance = daily_allowance(request.user, now=now, profile=profile)
    everything = Deck(EVERYTHING, "Everything", None)
    tree = deck_tree()
    customs = custom_decks(request.user)

    def with_counts(deck: Deck) -> dict:
        return {
            "deck": deck,
            "counts": deck_counts(deck, counts, allowance),
            "children": [with_counts(c) for c in deck.children],
        }

    context = {
        "everything": with_counts(everything),
        "tree": [with_counts(d) for d in tree],
        "customs": [with_counts(d) for d in customs],
        "form": form,
    }
    return render(request, "decks/deck_list.html", context, status=400 if form.errors else 200)


def _custom_slug(user_pk: int, name: str) -> str:
    base = f"my-{user_pk}-{slugify(name)[:80] or 'deck'}"
    slug, n = base, 2
    while CustomDeck.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@require_http_methods(["GET", "POST"])
@login_required
def deck_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    deck = _deck_or_404(request, slug)
    profile = profile_for(request.user)
    form = StudyOptionsForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            remember_time_zone(request, form.instance.time_zone)
            messages.success(request, "Study options saved.")
            return redirect("decks:deck", slug=deck.slug)
        # Validating wrote the rejected values onto the profile; today's counts follow the
        # saved options.
        profile.refresh_from_db()
    now = timezone.now()
    queue = study_queue(deck, request.user, now=now, profile=profile)
    context = {"deck": deck, "queue": queue, "form": form}
    return render(request, "decks/deck_detail.html", context, status=400 if form.errors else 200)


def _session_start(
    request: AuthedRequest, deck: Deck, now: datetime, day_start: datetime
) -> datetime:
    key = f"study-start:{deck.slug}"
    started = request.session.get(key)
    start = datetime.fromisoformat(started) if started else None
    if start is None or start < day_start:
        start = now
        request.session[key] = now.isoformat()
    return start


def _study_context(
    request: AuthedRequest,
    deck: Deck,
    *,
    show: int | None = None,
    pick: int | None = None,
    started: float | None = None,
    error: str = "",
    notice: str = "",
) -> dict:
    """The study page for the queue's next card; or for card `pick` (the card just undone) or
    `show` (the card whose answer was asked for) when the user may study it now, because a
    learning card falling due in between must not take its place."""
    now = timezone.now()
    profile = profile_for(request.user)
    queue = study_queue(deck, request.user, now=now, profile=profile)
    session_start = _session_start(request, deck, now, queue.day_start)
    now_ms = int(now.timestamp() * 1000)
    context = {"deck": deck, "queue": queue, "error": error, "notice": notice, "now_ms": now_ms}
    card, state = queue.next_card, queue.next_state
    wanted = show or pick
    if wanted and (card is None or wanted != card.pk):
        found = deck_card(deck, request.user, wanted, now=now)
        if found:
            card, state = found
    if card is None:
        context["summary"] = session_summary(
            deck, request.user, since=session_start, queue=queue, now=now
        )
        return context
    context.update(
        card=card,
        reps=state.reps if state else 0,
        showing_answer=show == card.pk,
        started=f"{started:.0f}" if started is not None else str(now_ms),
        citations=_citations(card),
    )
    if context["showing_answer"]:
        context["intervals"] = scheduling.preview(
            fsrs_fields(state), desired_retention=profile.desired_retention, now=now
        )
    return context


def _citations(card: Card) -> list[dict]:
    if card.fact is not None:
        return [
            {"note": c.note, "heading": c.heading, "line": c.line}
            for c in card.fact.citations.select_related("note")[:3]
        ]
    return []


def _render_study(request: AuthedRequest, context: dict, status: int = 200) -> HttpResponse:
    return render_page(request, "decks/study.html", context, partial="study", status=status)


@require_http_methods(["GET", "POST"])
@login_required
def study(request: AuthedRequest, slug: str) -> HttpResponse:
    deck = _deck_or_404(request, slug)
    if request.method == "GET":
        # A malformed value in the query string is ignored (the queue's card is shown instead).
        query = StudyPageForm(request.GET)
        query.is_valid()
        params = query.cleaned_data
        context = _study_context(
            request,
            deck,
            show=params.get("show"),
            pick=params.get("card"),
            started=params.get("started"),
        )
        return _render_study(request, context)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        context = _study_context(
            request, deck, error="That answer could not be read; please answer again."
        )
        return _render_study(request, context, status=400)
    data = form.cleaned_data
    card = get_object_or_404(deck_cards(deck), pk=data["card"])
    now = timezone.now()
    if deck_card(deck, request.user, card.pk, now=now) is None:
        # Suspended or buried since the page was shown (another tab): not answerable now.
        context = _study_context(request, deck, notice="That card is suspended or buried now.")
        return _render_study(request, context, status=409)
    started = data.get("started")
    duration = int(now.timestamp() * 1000 - started) if started else 0
    card_answer(
        user=request.user,
        card=card,
        rating=data["rating"],
        reps_seen=data["reps"],
        duration_ms=max(0, duration),
        now=now,
    )
    if request.htmx:
        return _render_study(request, _study_context(request, deck))
    return redirect("decks:study", slug=deck.slug)


@require_POST
@login_required
def undo(request: AuthedRequest, slug: str) -> HttpResponse:
    deck = _deck_or_404(request, slug)
    undone = review_undo(user=request.user, cards=deck_cards(deck))
    notice = "Nothing to undo." if undone is None else ""
    if request.htmx:
        # Said in the fragment: a queued message would only show up on some later full page.
        context = _study_context(
            request, deck, pick=undone.card_id if undone else None, notice=notice
        )
        return _render_study(request, context)
    messages.info(request, notice or "Answer undone.")
    url = reverse("decks:study", kwargs={"slug": deck.slug})
    # The undone card comes back first, as in Anki.
    return redirect(f"{url}?card={undone.card_id}" if undone else url)


@require_POST
@login_required
def suspend(request: AuthedRequest, pk: int) -> HttpResponse:
    card = get_object_or_404(Card, pk=pk)
    form = SuspendForm(request.POST)
    if not form.is_valid():
        # Never guess: an unreadable request must not flip the card the other way.
        messages.error(request, "That request could not be read; the card was not changed.")
        return redirect("decks:leeches")
    suspended = form.cleaned_data["suspended"]
    card_set_suspended(user=request.user, card=card, suspended=suspended)
    messages.success(request, "Card suspended." if suspended else "Card unsuspended.")
    target = form.cleaned_data["next"]
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if target and safe else reverse("decks:leeches"))


@require_GET
@login_required
def leeches(request: AuthedRequest) -> HttpResponse:
    states = (
        CardState.objects.filter(user=request.user, suspended=True)
        .select_related("card__topic")
        .order_by("-is_leech", "-lapses")
    )
    return render(request, "decks/leeches.html", {"states": states})
