"""Comparisons from parallel sections: two sibling blocks that describe two things point by point.

Pure. "CloudFront Functions" and "Lambda@Edge" side by side, "Provisioned Mode" and "On-Demand
Mode", "DynamoDB Streams" and "Kinesis Data Streams": their bullets are paired by the words they
share ("24 hours retention" / "1 year retention" -> row "retention"), and the pairs are the rows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from studyapp.text import lexicon
from studyapp.text.names import attribute_stems, framing, name_key, pair_heading, singular, stem

from .candidates import Group


def entity_key(name: str) -> str:
    """'Provisional Mode (default)' and 'Provisioned Mode' are one entity: 'provis mode'."""
    words = re.findall(r"[a-z0-9@#]+", name_key(name))
    return " ".join(stem(w) for w in words)


@functools.lru_cache(maxsize=65536)  # pure, and asked of the same few names again and again
def row_key(attribute: str) -> frozenset[str]:
    stems = attribute_stems(attribute) - lexicon.QUALIFIERS
    return frozenset(lexicon.ROW_SYNONYMS.get(s, s) for s in stems)


def claim_row(attribute: str) -> str | None:
    """The name of the claim row an attribute belongs to ('max memory' -> 'Memory'), if any."""
    key = row_key(attribute)
    return lexicon.CLAIM_ROWS.get(key)


@functools.lru_cache(maxsize=1 << 18)  # pure; asked of every cell against every row
def same_row(a: str, b: str) -> bool:
    """'Execution Time' ~ 'max execution time' ~ 'Timeout'; 'Runtime' ~ 'languages'; 'change' ~
    'Used to change viewer requests' (both the events claim). Not 'concurrent executions' ~
    'Execution Time': one word in common is not one meaning."""
    if loose_key(a) and loose_key(a) == loose_key(b):
        return True
    ka, kb = row_key(a), row_key(b)
    if not ka or not kb:
        return False
    claim = claim_row(a)
    return ka == kb or (claim is not None and claim == claim_row(b))


@functools.lru_cache(maxsize=8192)
def loose_key(attribute: str) -> frozenset[str]:
    """A row name's words in any order, without stop words, qualifiers, plurals, abbreviations or
    -ing/-ed endings: 'Max. no. of legs' ~ 'maximum number of leg', 'Capacity planning' ~
    'planned capacity'. Even a name row_key empties ('Capacity') is one row with itself."""
    out = set()
    for word in re.findall(r"[a-z0-9@]+", attribute.lower()):
        word = lexicon.ROW_ABBREVIATIONS.get(word, word)
        word = lexicon.GENERAL_ATTRIBUTE_SYNONYMS.get(word, word)
        if not word or word in lexicon.STOP_WORDS or word in lexicon.QUALIFIERS:
            continue
        out.add(uninflected(singular(word)))
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def uninflected(word: str) -> str:
    """'planning', 'planned', 'plans' -> 'plan'; 'scaling', 'scale' -> 'scal'. Only for comparing
    two names, never shown."""
    if word.endswith("ie"):  # 'capacities' is singular 'capacitie'
        return word[:-2] + "y"
    for ending in ("ing", "ed", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=4096)
def _head_word(title: str, topics: frozenset[str]) -> str:
    """The last word of a title, singular, unless it is part of another topic's name."""
    words = sorted(_title_words(title, topics), key=lambda w: -name_key(title).rfind(w))
    found = re.findall(r"[a-z0-9@]+", name_key(title))  # none in a title of symbols ('&&')
    last = singular(found[-1]) if found else ""
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


_STEP_OPENERS = lexicon.PERSONAL_WORDS | lexicon.CLAUSE_OPENERS


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of every block, and of it in every pair
def is_entity_title(title: str) -> bool:
    """A title that names a thing: not a question ('Why use X?', 'How?') and not a generic
    heading ('Key insights', 'Summary', 'Definitions', 'Part 2'), not two things ('Mitosis vs
    Meiosis', 'Comparing X and Y') and not an aspect of one ('Common mistakes with X', 'Exam
    tips for X', 'X in practice': its lines are about mistakes or tips, not X's properties),
    nor an example ('e.g., …')."""
    text = title.strip(" *_#:")
    if not text or lexicon.QUESTION_TITLE.search(text) or pair_heading(text):
        return False
    if lexicon.EXAMPLE_OPENING.match(text):
        return False  # 'e.g., Given an 8-bit binary number': an example of the section beside it
    first = text.split()[0].strip(",")
    if not first.isupper() and first.lower() in _STEP_OPENERS:
        # "Let's say we have a table", 'We create an index', 'If it fails': a step of an
        # example, not a thing's name ('NOT gates' is one)
        return False
    framed = framing(text)
    if framed and framed.aspect:
        return False
    key = name_key(text)
    if key.replace(" ", "-") in lexicon.GENERIC_ASPECTS:
        return False
    words = [w for w in re.findall(r"[a-z0-9]+", key) if w not in lexicon.STOP_WORDS]
    generic = lexicon.GENERIC_TITLE_WORDS | lexicon.GENERIC_ASPECTS
    # A name of stop words only ('AWS Lambda' in notes on Lambda) is still a name.
    return not words or not all(w.isdigit() or singular(w) in generic for w in words)


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
      CloudFront Functions').
    Never when one title is a question or a generic heading: 'What is X?' / 'Why use X?' are
    two questions about one thing, 'Summary' / 'Key insights' two parts of a note."""
    if not (is_entity_title(a.title) and is_entity_title(b.title)):
        return False
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
