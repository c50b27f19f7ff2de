"""Counts over a set of texts that follow the set from run to run: a one-note re-ingest counts
again only the texts that are new or changed, and takes back the ones gone, instead of reading
every fact's text again (the modifier names, `decks.blank_signs`; the written names,
`text.casing`)."""

from __future__ import annotations


class TextTallies:
    """What `_add` counts of each text, each known by an id (a fact's pk). A subclass says what
    one text adds (`_add(text, sign)` with sign +1 or -1)."""

    def __init__(self) -> None:
        self.texts: dict[int, str] = {}

    def follow(self, texts: dict[int, str]) -> None:
        """Count exactly `texts` now."""
        was = self.texts
        for key, text in texts.items():
            old = was.get(key)
            if old is None or (old is not text and old != text):
                if old is not None:
                    self._add(old, -1)
                self._add(text, 1)
        for key, old in was.items():
            if key not in texts:
                self._add(old, -1)
        self.texts = dict(texts)  # (a copy: the caller's may change)

    def _add(self, text: str, sign: int) -> None:
        raise NotImplementedError
