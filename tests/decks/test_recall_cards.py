"""Recall (issue 10): the cards a teacher's facts need and the shapes that used to give none or
hold them back. Every snippet is our own wording, in several subjects."""

from __future__ import annotations

from studyapp.decks.generate import FactInput, cards_for_fact
from studyapp.decks.quality import card_quality, held_back


def _fact(text: str, topic: str = "Study notes", **kw) -> FactInput:
    base = dict(
        key="f1",
        kind="statement",
        topic=topic,
        subheading="",
        text=text,
        subject="",
        attribute="",
        value="",
        items=(),
        emphasis=(),
    )
    base.update(kw)
    return FactInput(**base)


def _live(cards):
    return [c for c in cards if not held_back(card_quality(c))]


def test_an_emphasised_term_is_asked_in_its_own_sentence_not_its_paragraph():
    text = (
        "The Hanseatic League was a network of merchant guilds and market towns around the "
        "Baltic. The main office of the league stood in Lübeck, where the diet met most years. "
        "Members shared privileges abroad and a common law of the sea, and they could expel a "
        "town that broke the rules. The league declined in the seventeenth century."
    )
    (card,) = _live(cards_for_fact(_fact(text, "Medieval trade", emphasis=("Lübeck",))))
    assert (
        card.front == "The main office of the league stood in […], where the diet met most years."
    )
    assert (
        card.back == "The main office of the league stood in Lübeck, where the diet met most years."
    )


def test_a_sentence_pointing_back_keeps_the_one_before():
    text = (
        "Gout is an inflammatory arthritis of the big toe. It is caused by urate crystals in "
        "the joint. Attacks often start at night."
    )
    (card,) = cards_for_fact(_fact(text, "Joint disease", emphasis=("urate crystals",)))
    assert (
        card.front
        == "Gout is an inflammatory arthritis of the big toe. It is caused by […] in the joint."
    )
    assert "Attacks" not in card.back
