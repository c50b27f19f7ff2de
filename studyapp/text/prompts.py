"""The wording of prompts, shared by cards and questions, so a card and a question about one fact
say it the same way."""

from __future__ import annotations

import re

from .names import content_stems, name_key


def context(topic: str, subheading: str) -> str:
    """What a question is about: 'AWS Lambda · limits' (the topic, and the last subheading unless
    it only repeats the topic)."""
    sub = subheading.split(" › ")[-1].strip() if subheading else ""
    return f"{topic} · {lower_first(sub)}" if sub and name_key(sub) != name_key(topic) else topic


def lower_first(text: str) -> str:
    """Sentence case for a phrase inside a question: 'Event Source Mapping' -> 'event source
    mapping', while names keep their capitals ('AWS', 'SnapStart', 'CloudFront')."""
    return " ".join(
        w if (len(w) > 1 and (w[1:].lower() != w[1:] or w.isupper())) else w.lower()
        for w in text.split(" ")
    )


def repeats(question: str, answer: str) -> bool:
    """An answer whose every meaningful word is already in the question teaches nothing."""
    answer_stems = content_stems(answer)
    return not answer_stems or answer_stems <= content_stems(question)


def tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .;,")


def usable_attribute(attribute: str) -> bool:
    """A name worth asking about: short, starting with a letter, no stray markup ('HTTP -eg')."""
    words = attribute.split()
    return (
        0 < len(words) <= 5
        and re.fullmatch(r"[A-Za-z][\w /&().'’@+-]*", attribute) is not None
        and " -" not in attribute
    )
