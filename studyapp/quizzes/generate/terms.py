"""Matching terms to their meanings, per heading of a topic."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence

from studyapp.text import prompts
from studyapp.text.answers import equivalent, normalise, paraphrase
from studyapp.text.names import name_key
from studyapp.text.quantities import find_quantities
from studyapp.text.randomness import seeded

from .. import spec
from .inputs import FactData
from .quality import score
from .values import (
    MATCH_MAX,
    MATCH_MIN,
    bank_key,
    flat,
    generic_term,
    identity,
    junk_fact,
    near,
    unique_sources,
    word_stems,
    yes_no,
)

# A matching of terms gathered from three headings or more: what they share is their topic only
SCATTERED_PENALTY = 0.15


# Nouns of position that alone may be a term ('step', 'case', 'point'), with no number.
_POSITION_NOUNS = frozenset("step part case item point entry option row column".split())


def _term_pair(fact: FactData, field: Callable[[str], bool]) -> tuple[str, str] | None:
    if fact.kind == "definition":
        term, meaning = prompts.tidy(fact.subject), flat(fact.value)
    elif fact.kind == "key_value" and fact.subject and fact.subject == fact.attribute:
        term, meaning = prompts.tidy(fact.subject), flat(fact.value)
        if find_quantities(meaning):
            return None
    else:
        return None
    if (
        fact.disputed
        or not term
        or not meaning
        or not prompts.usable_attribute(term)
        or prompts.framing_label(term)  # 'different from object detection': no term
        or generic_term(term)
        or field(term)  # 'Path', 'Treatment': a field of the notes, no term to define
        # 'On the very left', 'In general': a label framing its line, no term
        or prompts.discourse_label(term)
        or prompts.personal_label(term)  # 'In our implementation': the author's set-up, no term
        # 'Left: an undirected graph' under a figure, 'Column 3': where a thing stands, no
        # term ('step' alone may name one: gdb's command)
        or (prompts.positional_label(term) and term.lower() not in _POSITION_NOUNS)
        # 'Mnemonic: BAKE a key lyme pie', 'Solution: …': a memory aid or a remark, no term
        or junk_fact(fact)
        # 'calculation of prediction error: no', 'yes, in prophase I': a yes or a no (with
        # its qualification) says nothing of what the term is
        or yes_no(meaning)
        or name_key(term) == name_key(fact.topic)
        or len(meaning.split()) > 15
        or "://" in meaning
        or prompts.repeats(meaning, term)  # the meaning names the term: nothing to match
        or prompts.repeats(term, meaning)
    ):
        return None
    return term, meaning


def _same_meaning(a: str, b: str) -> bool:
    # 'Always linked to an ENI' / 'Always bound to an ENI': either term would match either;
    # so would 'prevents overfitting' and 'step size shrinkage, prevents overfitting' (`near`:
    # the one says no more than the other)
    return (
        identity(a) == identity(b)
        or paraphrase(a, b)
        or equivalent(a, b)
        or bool(word_stems(a) and word_stems(b) and near(a, b))
    )


def _chunks(items: list, low: int, high: int) -> list[list]:
    """Split into as few balanced chunks of `low`–`high` as possible ([] if too few)."""
    if len(items) < low:
        return []
    count = math.ceil(len(items) / high)
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return [c for c in out if len(c) >= low]


def term_matchings(
    facts: Sequence[FactData], *, seed, field: Callable[[str], bool] = lambda term: False
) -> list[spec.QuestionSpec]:
    """Terms to their meanings, per heading of a topic; a topic's headings too small to match
    on their own are matched together. `field(term)`: whether the term is a field many
    subjects state ('Diagnosis'), a line's label rather than a term: matching a disease's
    'Path', 'Diagnosis' and 'Treatment' to its lines asks which line is which kind."""
    groups: dict[tuple[str, str, str], list[tuple[FactData, str, str]]] = {}
    topics: dict[str, str] = {}
    for fact in facts:
        pair = _term_pair(fact, field)
        if pair is None:
            continue
        topics.setdefault(fact.topic_key, fact.topic)
        # A heading many notes share ('API' in the SQS note and in the S3 note, merged into one
        # topic) holds each note's own terms, shown under each note's subject ('SQS › API',
        # knowledge.placing): a matching mixes no two subjects' terms.
        group = groups.setdefault((fact.topic_key, fact.subheading, fact.placed), [])
        # one pair per term and per meaning: two equal meanings would make two answers right
        if any(near(t, pair[0]) or _same_meaning(m, pair[1]) for _f, t, m in group):
            continue
        group.append((fact, *pair))
    # (topic, context, pairs, from one heading?)
    batches: list[tuple[str, str, list, bool]] = []
    leftovers: dict[tuple[str, str], list] = defaultdict(list)
    for (topic_key, subheading, placed), pairs in groups.items():
        if len(pairs) >= MATCH_MIN:
            context = prompts.context(topics[topic_key], subheading)
            batches += [(topic_key, context, chunk, True) for chunk in _chunks(pairs, MATCH_MIN, 6)]
        else:
            for fact_pair in pairs:
                taken = leftovers[topic_key, placed]
                # "CUP" and "User Pools (CUP)" under two headings: one thing, one pair
                if not any(
                    near(t, fact_pair[1]) or _same_meaning(m, fact_pair[2]) for _f, t, m in taken
                ):
                    taken.append(fact_pair)
    for (topic_key, _placed), pairs in leftovers.items():
        batches += [
            (topic_key, topics[topic_key], chunk, False)
            for chunk in _chunks(pairs, MATCH_MIN, MATCH_MAX)
        ]
    questions = []
    for topic_key, context, chunk, one_heading in batches:
        # 'On success: s' beside the term 's': a meaning that is another term matches nothing
        terms = {normalise(t) for _f, t, _m in chunk}
        chunk = [(f, t, m) for f, t, m in chunk if normalise(m) not in terms]
        if len(chunk) < MATCH_MIN:
            continue
        key = bank_key(spec.MATCHING, "terms", topic_key, *sorted(f.key for f, _t, _m in chunk))
        rng = seeded(seed, key)
        meanings = [m for _f, _t, m in chunk]
        rng.shuffle(meanings)
        questions.append(
            spec.QuestionSpec(
                key=key,
                kind=spec.MATCHING,
                prompt=f"{context} — match each term to its meaning.",
                items=tuple(t for _f, t, _m in chunk),
                options=tuple(meanings),
                answers=tuple(m for _f, _t, m in chunk),
                explanation="; ".join(f"{t}: {m}" for _f, t, m in chunk),
                sources=unique_sources(s for f, _t, _m in chunk for s in f.sources),
                topic_key=topic_key,
                about_keys=tuple(sorted(f.key for f, _t, _m in chunk)),
                # terms gathered from several headings are less each other's kin; from three
                # or more ('P3', 'Lake Formation', 'HDFS' under one service) no set at all
                quality=round(
                    score(
                        spec.MATCHING,
                        found=len(chunk),
                        same_attribute=len(chunk) if one_heading else 0,
                        answer=max(meanings, key=lambda m: len(m.split())),
                    )
                    - SCATTERED_PENALTY * (len({f.subheading for f, _t, _m in chunk}) >= 3),
                    2,
                ),
            )
        )
    return questions
