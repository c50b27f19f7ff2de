"""Placeholder until this module is written: every view answers 404."""

from django.http import Http404


def quiz_new(request, **kwargs):
    raise Http404


def quiz_edit(request, **kwargs):
    raise Http404


def bank_pick(request, **kwargs):
    raise Http404


def slots_add(request, **kwargs):
    raise Http404


def slot_update(request, **kwargs):
    raise Http404


def question_write(request, **kwargs):
    raise Http404


def quiz_publish(request, **kwargs):
    raise Http404


def quiz_results(request, **kwargs):
    raise Http404


def grades_csv(request, **kwargs):
    raise Http404


def gift_export(request, **kwargs):
    raise Http404


def gift_import(request, **kwargs):
    raise Http404
