"""Comparisons from parallel sections: two sibling blocks that describe two things point by point.

Pure. "CloudFront Functions" and "Lambda@Edge" side by side, "Provisioned Mode" and "On-Demand
Mode", "DynamoDB Streams" and "Kinesis Data Streams": their bullets are paired by the words they
share ("24 hours retention" / "1 year retention" -> row "retention"), and the pairs are the rows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from studyapp.text import lexicon
from studyapp.text.names import attribute_stems, content_stems, name_key, singular, stem

from .candidates import Group


def entity_key(name: str) -> str:
    """'Provisional Mode (default)' and 'Provisioned Mode' are one entity: 'provis mode'."""
    words = re.findall(r"[a-z0-9@#]+", name_key(name))
    return " ".join(stem(w) for w in words)


def row_key(attribute: str) -> frozenset[str]:
    stems = attribute_stems(attribute) - lexicon.QUALIFIERS
    return frozenset(lexicon.ROW_SYNONYMS.get(s, s) for s in stems)


def claim_row(attribute: str) -> str | None:
    """The name of the claim row an attribute belongs to ('max memory' -> 'Memory'), if any."""
    key = row_key(attribute)
    return next((name for k, name in lexicon.CLAIM_ROWS.items() if k <= key), None)


def same_row(a: str, b: str) -> bool:
    """'Execution Time' ~ 'max execution time' ~ 'Timeout'; 'Runtime' ~ 'languages'; 'change' ~
    'Used to change viewer requests' (both the events claim). Not 'concurrent executions' ~
    'Execution Time': one word in common is not one meaning."""
    ka, kb = row_key(a), row_key(b)
    if not ka or not kb:
        return False
    claim = claim_row(a)
    return ka == kb or (claim is not None and claim == claim_row(b))


@dataclass
class Row:
    attribute: str
    a: tuple[str, int]  # (value, line)
    b: tuple[str, int]


@functools.lru_cache(maxsize=4096)
def _head_word(title: str, topics: frozenset[str]) -> str:
    """The last word of a title, singular, unless it is part of another topic's name."""
    words = sorted(_title_words(title, topics), key=lambda w: -name_key(title).rfind(w))
    last = singular(re.findall(r"[a-z0-9@]+", name_key(title))[-1]) if name_key(title) else ""
    return last if last in words else ""


@functools.lru_cache(maxsize=4096)
def _title_words(title: str, topics: frozenset[str]) -> frozenset[str]:
    """The title's own words, singular, without the names of other topics it mentions
    ('Networking of the lambda' -> {'networking'}): sharing 'Lambda' makes two blocks related,
    not parallel. Whole words: stems would make 'Lambda@Edge' share a word with 'Lambda'."""
    key = name_key(title)
    tokens = key.split()
    covered = {
        i for start, end, name in names_in(key, topics) if name != key for i in range(start, end)
    }
    kept = " ".join(t for i, t in enumerate(tokens) if i not in covered)
    words = {singular(w) for w in re.findall(r"[a-z0-9@]+", kept)}
    return frozenset(words - lexicon.FILLER_WORDS)


def names_in(key: str, names: frozenset[str] | set[str]) -> list[tuple[int, int, str]]:
    """The known names a name key contains as whole-word runs, as (first word, end, name).

    One set lookup per run of words, so the cost grows with the key's length and not with the
    number of names: matching each name against each title made ingest quadratic."""
    tokens = key.split()
    return [
        (i, j, run)
        for i in range(len(tokens))
        for j in range(i + 1, len(tokens) + 1)
        if (run := " ".join(tokens[i:j])) in names
    ]


def is_parallel(
    a: Group,
    b: Group,
    exact_topic: Callable[[str], str | None],
    *,
    topics: frozenset[str],
    named_together: set[frozenset[str]],
) -> bool:
    """Two sibling blocks are two things (not two aspects of one thing) when
    - their titles end in the same noun that is not a topic's name ('Provisioned Mode' /
      'On-Demand Mode', 'DynamoDB Streams' / 'Kinesis Data Streams'; not 'Pay per calls' /
      'Pay per duration', which share a verb),
    - one title is the other with a prefix ('Synchronous' / 'Asynchronous'), or
    - each is a topic of its own and the notes name the two together somewhere ('Lambda@Edge and
      CloudFront Functions')."""
    if entity_key(a.title) == entity_key(b.title):
        return False
    head_a, head_b = _head_word(a.title, topics), _head_word(b.title, topics)
    if head_a and head_a == head_b and len(head_a) > 2:
        return True
    ka, kb = name_key(a.title), name_key(b.title)
    if ka and kb and " " not in ka + kb and (ka.endswith(kb) or kb.endswith(ka)):
        return True
    topic_a, topic_b = exact_topic(a.title), exact_topic(b.title)
    return bool(topic_a and topic_b) and frozenset({topic_a, topic_b}) in named_together


def align(a: Group, b: Group) -> list[Row]:
    """Pair the two blocks' bullets by shared words, best pairs first; a row per pair."""
    ignore = content_stems(a.title) | content_stems(b.title)

    def stems(text: str) -> frozenset[str]:
        return frozenset(s for s in content_stems(text) if s not in ignore and not s.isdigit())

    a_stems = [stems(t) for t, _line in a.items]
    b_stems = [stems(t) for t, _line in b.items]
    a_words = [_words(t) for t, _line in a.items]
    b_words = [_words(t) for t, _line in b.items]
    pairs = sorted(
        (
            (len(sa & sb), i, j)
            for i, sa in enumerate(a_stems)
            for j, sb in enumerate(b_stems)
            # One shared stem must be one shared word: 'author' is not 'authorization'.
            if len(sa & sb) >= 2 or (sa & sb and (a_words[i] & b_words[j]) - lexicon.FILLER_WORDS)
        ),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = []
    for _score, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append((i, j))
    rows = []
    for i, j in sorted(matched):
        shared = a_stems[i] & b_stems[j]
        rows.append(Row(_row_name(a.items[i][0], shared), a.items[i], b.items[j]))
    return rows


def _words(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z0-9@#]+", text.lower()) if len(w) > 2}


def _row_name(text: str, shared: frozenset[str]) -> str:
    """The words of `text` the two sides share, in order: '24 hours retention' -> 'Retention'."""
    head = text.split(":")[0] if ":" in text[:40] else text
    words = re.findall(r"[A-Za-z0-9@#]+", head)
    kept = [w for w in words if stem(singular(w.lower())) in shared]
    name = " ".join(dict.fromkeys(kept)) or head[:40]
    return name[:1].upper() + name[1:]
