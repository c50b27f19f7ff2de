"""Placeholder until this module is written: every view answers 404."""

from django.http import Http404


def quiz_list(request, **kwargs):
    raise Http404


def practice_start(request, **kwargs):
    raise Http404


def quiz_detail(request, **kwargs):
    raise Http404


def attempt_start(request, **kwargs):
    raise Http404


def attempt_take(request, **kwargs):
    raise Http404


def answer_save(request, **kwargs):
    raise Http404


def attempt_submit(request, **kwargs):
    raise Http404


def attempt_review(request, **kwargs):
    raise Http404


def retry_missed(request, **kwargs):
    raise Http404
