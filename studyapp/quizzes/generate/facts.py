"""Questions from one key–value fact or definition: choice, true/false, short answer, numeric."""

from __future__ import annotations

import functools
import random
import re

from studyapp.text import lexicon, prompts
from studyapp.text.answers import normalise
from studyapp.text.names import name_key, singular
from studyapp.text.numbers import written_number
from studyapp.text.quantities import find_quantities
from studyapp.text.randomness import deal, seeded

from .. import spec
from .distractors import Draw, Model, notes_of
from .inputs import FactData
from .quality import score
from .swaps import absent_refused, fair_swap, unsure_swap
from .values import (
    APPROX_TOLERANCE,
    MAX_DISTRACTORS,
    MAX_OPTION_WORDS,
    MIN_DISTRACTORS,
    bank_key,
    flat,
    generic_term,
    junk_fact,
    name_like,
    pure_quantity,
    strip_parens,
    unique_sources,
    word_stems,
)

# "about 900 s", "~1000": a value the notes give as approximate, graded with APPROX_TOLERANCE


def _ask(fact: FactData) -> tuple[str, str, str] | None:
    """(context, question stem without '?', attribute) for a key–value fact or definition, or
    None when it cannot be asked fairly. Each of the four kinds asks it of the same fact in a
    row: the last answer is kept (by identity, a fact's sources are unhashable dicts)."""
    if _last_asked[0] is fact:
        return _last_asked[1]
    asked = _asked(fact)
    _last_asked[:] = [fact, asked]
    return asked


_last_asked: list = [None, None]


def _asked(fact: FactData) -> tuple[str, str, str] | None:
    attribute = prompts.tidy(fact.attribute or fact.subject)
    value = flat(fact.value)
    if (
        fact.disputed
        or not prompts.usable_attribute(attribute)
        or not value
        or junk_fact(fact)
        or name_key(attribute) == name_key(fact.topic)  # "Lambda@Edge: …": a description
        or generic_term(attribute)
        # 'Says: …', 'Intuitively: …', 'In general: …': a label framing its line names nothing
        or prompts.discourse_label(attribute)
        # 'In our implementation: first element': the author's set-up of one example
        or prompts.personal_label(attribute)
        or _code_in_label(fact, attribute)
        or _unwritten(fact, attribute)
        # 'products: products:: ATP and NADPH': the value opens with its own label again
        # (only a value with a colon can)
        or (":" in value and _own_label(attribute).match(value) is not None)
    ):
        return None
    context = prompts.context(fact.placed, fact.subheading)
    stem_text = f"{context} — {prompts.lower_first(attribute)}"
    if prompts.repeats(stem_text, value) or prompts.gives_away(stem_text, value):
        return None
    return context, stem_text, attribute


@functools.lru_cache(maxsize=1 << 14)  # labels repeat ('Treatment', 'Symptoms'): compiled once
def _own_label(attribute: str) -> re.Pattern[str]:
    """A value opening with the label again: 'products: products:: ATP and NADPH'."""
    return re.compile(rf"\W*{re.escape(attribute)}\s*:", re.I)


_CODE_SPAN = re.compile(r"`([^`]+)`")


def _code_in_label(fact: FactData, attribute: str) -> bool:
    """A label naming a name from a piece of code ('Size of `weekday` is 10', 'Value of `x`
    after the loop'): the line describes one example program's variable, not a fact to keep.
    A code value ('On failure: `NULL`') is the fact itself, so only the label counts."""
    label = f" {attribute.casefold()} "
    return any(
        re.search(rf"(?<![\w]){re.escape(span.strip().casefold())}(?![\w])", label)
        for span in _CODE_SPAN.findall(fact.text)
        if re.fullmatch(r"[a-z_][a-z0-9_]*", span.strip())
    )


def _unwritten(fact: FactData, attribute: str) -> bool:
    """A key–value fact whose attribute its own line never says: a claim read into a passing
    mention ('Similar to range in Python' -> languages: Python), asked by a label the author
    did not write, about a thing the line only compares with. A label of no content words ('A')
    cannot be looked for."""
    if fact.kind != "key_value" or not fact.text:
        return False
    asked = word_stems(attribute)
    return bool(asked) and not asked & word_stems(fact.text)


def _wrong_options(
    fact: FactData,
    model: Model,
    attribute: str,
    rng: random.Random,
    want: int = MAX_DISTRACTORS,
    fair=None,
    close=None,
) -> Draw:
    """The fact's answer as options show it, and up to `want` distractors for it (`close`:
    see Model.distractors)."""
    return model.distractors(
        subject=fact.topic_key,
        attribute=attribute,
        answer=flat(fact.value),
        group=(fact.topic_key, fact.subheading),
        rng=rng,
        want=want,
        fair=fair,
        notes=notes_of(fact.sources),
        close=close,
    )


def choice_from_fact(fact: FactData, model: Model, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    _context_, stem_text, attribute = asked
    key = bank_key(spec.CHOICE, fact.key)
    fair = absent_refused(model, attribute)
    answer, wrong, same_attribute = _wrong_options(
        fact, model, attribute, seeded(seed, key), fair=fair
    )
    if len(wrong) < MIN_DISTRACTORS or len(answer.split()) > MAX_OPTION_WORDS:
        return None
    quality = score(
        spec.CHOICE,
        wanted=MAX_DISTRACTORS,
        found=len(wrong),
        same_attribute=same_attribute,
        answer=answer,
        attribute=attribute,
    )
    return spec.QuestionSpec(
        key=key,
        kind=spec.CHOICE,
        prompt=f"{stem_text}?",
        answers=(answer,),
        options=deal([answer, *wrong], seed=seed, key=key),
        explanation=prompts.tidy(fact.text),
        sources=unique_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
        quality=quality,
    )


def truefalse_from_fact(fact: FactData, model: Model, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    _context_, stem_text, attribute = asked
    key = bank_key(spec.TRUEFALSE, fact.key)
    rng = seeded(seed, key)
    fair = fair_swap(model, subject=fact.topic_key, attribute=attribute, answer=flat(fact.value))
    close = model.stateable(fact.topic_key, notes_of(fact.sources))
    answer, wrong, same_attribute = _wrong_options(fact, model, attribute, rng, 1, fair, close)
    if not wrong:
        # with nothing to swap in, it could only ever be true; a far value makes a statement
        # plainly absurd (Model.stated_close)
        return None
    # a swap that may hold of the subject too ('no treatment') is not stated: the truth is
    true = rng.random() < 0.5 or unsure_swap(model, attribute, wrong[0])
    quality = score(
        spec.TRUEFALSE,
        found=1,
        same_attribute=same_attribute,
        answer=answer if true else wrong[0],
        attribute=attribute,
        swapped=not true,
    )
    return spec.QuestionSpec(
        key=key,
        kind=spec.TRUEFALSE,
        prompt=f"True or false: {stem_text}: {answer if true else wrong[0]}",
        answers=("true" if true else "false",),
        explanation=prompts.tidy(fact.text),
        sources=unique_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
        quality=quality,
    )


def _acronym_of(term: str, meaning: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", meaning) if w.lower() not in "a")
    return term.isupper() and len(term) >= 2 and initials.upper().startswith(term)


def short_from_fact(fact: FactData, *, seed, line: str = "") -> spec.QuestionSpec | None:
    """`line`: the line the fact is read from, as far as known (`Model.line_text`)."""
    asked = _ask(fact)
    if asked is None:
        return None
    context, stem_text, attribute = asked
    value = flat(fact.value)
    bare = strip_parens(value)
    if (
        not 1 <= len(bare.split()) <= 4
        or "," in value
        or re.search(r"\bor\b", value)  # two answers in one
        or find_quantities(value)
        or normalise(bare) in lexicon.YES_NO
        or normalise(bare) in lexicon.LEVEL_WORDS  # 'High': of what?
        or not name_like(bare)
    ):
        return None
    passing = 0.0
    if fact.kind == "definition" and _acronym_of(attribute, bare):
        prompt = f"{context} — what does {attribute} stand for?"
        if _in_passing(line or fact.text, attribute, bare):
            passing = PASSING_PENALTY
    else:
        prompt = f"{stem_text}?"
    answers = tuple(
        dict.fromkeys(a for a in (value, bare, re.sub(r"^(?:the|an?) ", "", bare)) if a)
    )
    return spec.QuestionSpec(
        key=bank_key(spec.SHORT, fact.key),
        kind=spec.SHORT,
        prompt=prompt,
        answers=answers,
        explanation=prompts.tidy(fact.text),
        sources=unique_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
        quality=round(score(spec.SHORT, answer=value, attribute=attribute) - passing, 2),
    )


# An acronym's 'what does X stand for?' is held back (PASSING_PENALTY from a base of 0.85) when
# its line mentions it in passing (`_in_passing`): more than PASSING_EXTRA_WORDS words besides
# it and not opening with it, or a sentence of more than PASSING_SENTENCE_WORDS words.
PASSING_EXTRA_WORDS = 4
PASSING_SENTENCE_WORDS = 24
PASSING_PENALTY = 0.3


def _in_passing(line: str, acronym: str, expansion: str) -> bool:
    """Whether a line spells an acronym out in passing, about something else ('Protects all
    customers on Elastic Load Balancing (ELB) and …'; 'The World Health Organization (WHO)
    defines osteoporosis as …', a long sentence), rather than defining it ('Availability Zone
    (AZ) — one or more data centres …', a glossary's entry opening with it)."""
    words = len(line.split())
    if words > PASSING_SENTENCE_WORDS:
        return True
    opening = re.sub(r"^\W*(?:the|an?)\s+", "", line.strip(), flags=re.I).casefold()
    opens = opening.startswith(expansion.casefold()) or opening.startswith(acronym.casefold())
    return not opens and words > len(expansion.split()) + 1 + PASSING_EXTRA_WORDS


_EXAMPLES = {"s": ("30 s", "2 min"), "B": ("64 KB", "3 GB")}
_SPARE_EXAMPLES = {"s": ("45 s", "3 h"), "B": ("96 KB", "6 GB")}


def _counted(value: str, quantity, attribute: str) -> str:
    """What a count counts when its value names it with a plural noun ('32 bits', '4 lanes');
    '' when it names nothing, or the attribute already does ('Number of lanes: 4')."""
    after = value.split(quantity.text, 1)[-1] if quantity.text in value else ""
    found = re.match(r"\s*([A-Za-z][a-z]+)\b", after)
    if not found or found.group(1).lower() in lexicon.QUANTITY_FILLER:
        return ""
    word = found.group(1).lower()
    if word in attribute.lower().split() or singular(word) in attribute.lower().split():
        return ""
    # a plural noun ('bits', 'lanes', 'chromosomes'), not an abbreviation ('mph', 'lbs')
    plural = len(word) >= 4 and word.endswith("s") and re.search(r"[aeiouy]", word[:-1])
    return word if plural else ""


def numeric_from_fact(fact: FactData, *, seed) -> spec.QuestionSpec | None:
    asked = _ask(fact)
    if asked is None:
        return None
    _context_, stem_text, attribute = asked
    value = flat(fact.value)
    if prompts.has_math(value):
        return None  # '$\\log_2 32$' is a formula to read, not a number to type
    quantity = pure_quantity(value, allow=re.findall(r"[a-z]+", attribute.lower()))
    if quantity is None or quantity.is_range:
        return None
    if quantity.unit:
        examples = _EXAMPLES[quantity.unit]
        # the hint must not be the answer
        if any(q.key() == quantity.key() for e in examples for q in find_quantities(e)):
            examples = _SPARE_EXAMPLES[quantity.unit]
        hint = f"(give a number with its unit, e.g. {examples[0]} or {examples[1]})"
    elif counted := _counted(value, quantity, attribute):
        hint = f"(give the number of {counted})"  # '32 bits': a bare '32?' says not what of
    else:
        hint = "(give a number)"
    tolerance = abs(quantity.low) * APPROX_TOLERANCE if lexicon.APPROXIMATE.search(value) else 0.0
    return spec.QuestionSpec(
        key=bank_key(spec.NUMERIC, fact.key),
        kind=spec.NUMERIC,
        prompt=f"{stem_text}? {hint}",
        answers=(written_number(quantity.low),),
        unit=quantity.unit,
        tolerance=tolerance,
        explanation=prompts.tidy(fact.text),
        sources=unique_sources(fact.sources),
        topic_key=fact.topic_key,
        fact_key=fact.key,
        quality=score(spec.NUMERIC, answer=value, attribute=attribute),
    )
