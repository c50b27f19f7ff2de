"""How sure the generator is of a question: `QuestionSpec.quality`, from 0 to 1.

Each kind starts from a base, how good a question of that kind usually is when its inputs are
sound, and loses for each weak signal the generator saw while making it:

| signal                                                          | penalty              |
|-----------------------------------------------------------------|----------------------|
| fewer distractors found than wanted (the question made do)      | 0.1 per missing one  |
| distractors from siblings under the heading, not the attribute  | up to 0.15, by share |
| an answer longer than LONG_ANSWER_WORDS (read, not recalled)    | 0.2                  |
| a prompt whose attribute is vague ('Features', 'Type', 'Details')| 0.15                |
| a true/false whose statement is the swapped, false one          | 0.15                 |
| formula markup in an answer, an option or the asked attribute   | 0.35 (unreadable)    |
| a field asked by its shorthand ('Asthma — tx?') or position ('second?') | 0.35 (unreadable) |
| asked under an example, an exercise or a worked callout          | 0.35 (worked)        |
| the key alone echoes the asked words; an item names its match   | 0.35 (given away)    |
| the answer only restates the asked label ('policy templates?')  | 0.35 (given away)    |
| a bracket left open or closed in any text shown ('Acute)', '4]$') | 0.35 (broken)       |
| the one right option alone repeats a word of its subject         | 0.35 (given away)    |
| the right option alone says a telling word of the label, or spells it | 0.35 (given away) |
| a code name asked for the meaning its words spell ('num_classes?') | 0.35 (given away)   |

Bases: numeric 0.9 and choice 0.9 (one recalled value, checked against its kin), matching and
multi 0.85 (several at once; one weak pair weakens the whole), short 0.85 (typing admits
spellings grading may not know), true/false 0.8 (half the marks for a guess). Rounded to two
places. Nothing filters on it here: the bank stores it, and the threshold is applied where
questions are dealt.
"""

from __future__ import annotations

import functools
import re

from studyapp.text import lexicon, prompts
from studyapp.text.answers import normalise
from studyapp.text.examples import example_question
from studyapp.text.names import spelled_out, stem

from .. import spec

BASE = {
    spec.NUMERIC: 0.9,
    spec.CHOICE: 0.9,
    spec.MATCHING: 0.85,
    spec.MULTI: 0.85,
    spec.SHORT: 0.85,
    spec.TRUEFALSE: 0.8,
}
# Under this, a generated question is a held-back suggestion: kept, never dealt into a quiz.
# Read under an example or an exercise (generate._weighed): below THRESHOLD from any base, as a
# detail of one worked exercise is not a fact to be quizzed on.
WORKED_PENALTY = 0.35
THRESHOLD = 0.6  # two weak signs or more (every kind starts at 0.8 or above)
LONG_ANSWER_WORDS = 12
MISSING_PENALTY = 0.1
SIBLINGS_PENALTY = 0.15
LONG_PENALTY = 0.2
VAGUE_PENALTY = 0.15
SWAP_PENALTY = 0.15


def example_penalty(question: spec.QuestionSpec) -> float:
    """What a question loses when it asks a worked case's data or a remark on the note's
    sources rather than a fact ('Reading from Devices — offset? -> 10', 'child 2 …', 'Guest
    speaker …': text.examples), as one read under an example heading does."""
    asked = example_question(question.prompt, question.answers, question.explanation)
    return WORKED_PENALTY if asked else 0.0


UNREADABLE_PENALTY = 0.35  # below THRESHOLD from any base: held back
GIVEAWAY_PENALTY = 0.35  # below THRESHOLD from any base: held back


def compared_subject(question: spec.QuestionSpec) -> float:
    """A fact's question asked of a heading that compares things ('REST API vs WebSocket API —
    max message size?'): the note says it of one of them, and the prompt does not say which.
    A table's questions name their entity, and a matching asks across them: not judged."""
    if question.cell_key or question.kind not in _OF_ONE_SUBJECT:
        return 0.0
    asked = question.prompt.removeprefix("True or false: ")
    return GIVEAWAY_PENALTY if prompts.compared_title(asked) else 0.0


_OF_ONE_SUBJECT = frozenset({spec.CHOICE, spec.SHORT, spec.TRUEFALSE, spec.NUMERIC})


def given_away(question: spec.QuestionSpec) -> float:
    """What a question loses when its own words point at the key: in a choice, the right
    options alone repeat a word of the asked attribute ('Mood — appetite disturbance?' with
    'poor appetite …' among unrelated symptoms); in a matching, an item names its own match in
    some form ('… best diagnosed by …' -> 'Diagnosis')."""
    if question.kind in (spec.CHOICE, spec.MULTI):
        attribute = prompts.asked_label(question.prompt)
        wrong = [o for o in question.options if o not in question.answers]
        if (
            attribute
            and wrong
            and any(prompts.echoes(attribute, a) for a in question.answers)
            and not any(prompts.echoes(attribute, o) for o in wrong)
        ):
            return GIVEAWAY_PENALTY
    if question.kind == spec.CHOICE and " — " in question.prompt and question.answers:
        # 'Court of Appeal — hears?' -> 'appeals from lower courts', 'CodeBuild — phases?' ->
        # 'describes the phase of the build': the one right option alone says a word of the
        # subject or of the asked label (in any of its forms: plurals too, unlike `echoes`)
        asked = _stems(question.prompt.rsplit("?", 1)[0])
        wrong = [o for o in question.options if o not in question.answers]
        if (
            wrong
            and asked & _stems(question.answers[0])
            and not any(asked & _stems(o) for o in wrong)
        ):
            return GIVEAWAY_PENALTY
    if question.kind == spec.CHOICE and question.answers and _told_by_label(question):
        return GIVEAWAY_PENALTY
    if question.kind in (spec.CHOICE, spec.SHORT, spec.TRUEFALSE) and question.answers:
        # 'policy templates?' -> 'a list of available policy templates': the question is
        # its own answer (a true/false states it: '— policy templates: a list of …')
        attribute = prompts.asked_label(question.prompt)
        said = question.prompt.rsplit(":", 1)[-1] if question.kind == spec.TRUEFALSE else ""
        answers = [said] if said else question.answers
        if attribute and all(prompts.restates(attribute, a) for a in answers):
            return GIVEAWAY_PENALTY
        # 'num_classes — ?' -> 'number of output classes': a code name made of the words of
        # its meaning, asked for that meaning (a true/false states it, or a swap for it)
        meaning = question.explanation if question.kind == spec.TRUEFALSE else answers[0]
        if attribute and spelled_out(attribute, meaning.rsplit(":", 1)[-1]):
            return GIVEAWAY_PENALTY
    if question.kind == spec.MATCHING and len(question.items) == len(question.answers):
        for item, match in zip(question.items, question.answers, strict=True):
            others = [o for o in question.options if o != match]
            own = prompts.echoed_share(item, match) >= 0.5
            if own and not any(prompts.echoes(item, o) for o in others):
                return GIVEAWAY_PENALTY
            # '… direct uploads to S3 Glacier Flexible Retrieval' -> 'S3 Glacier Flexible
            # Retrieval': the item names its match in full, and no other option
            if _names(item, match) and not any(_names(item, o) for o in others):
                return GIVEAWAY_PENALTY
    return 0.0


# A word of a label, camel case split ('S3DataNode' -> S3, Data, Node): letters and digits.
_LABEL_WORDS = re.compile(r"[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+")


@functools.lru_cache(maxsize=1 << 16)  # pure; options repeat across the questions
def _label_stems(text: str) -> frozenset[str]:
    """The telling words of a text: of five letters or more and no stop word, or a code of
    letters and digits ('S3', 'EC2'), each stemmed; camel case split."""
    out = set()
    for word in _LABEL_WORDS.findall(text):
        word = word.lower()
        code = len(word) >= 2 and any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
        if code or (len(word) >= prompts.ECHO_PREFIX - 1 and word not in lexicon.STOP_WORDS):
            out.add(stem(word[:-1] if word.endswith("s") and not word.endswith("ss") else word))
    return frozenset(out)


def _told_by_label(question: spec.QuestionSpec) -> bool:
    """A choice whose right option alone says a telling word of the asked label, one no wrong
    option says ('Python crypto best practices?' -> 'check … Python hashing …' beside the Java
    line's 'Javax.Crypto…'; 'S3DataNode?' -> 'S3 location …' beside 'Redshift table …'), or
    spells the label's letters out ('SLA?' -> 'service level agreement, …'): the label, not
    the fact, tells which option is right."""
    label = prompts.asked_label(question.prompt)
    answer = question.answers[0]
    wrong = [o for o in question.options if o not in question.answers]
    if not label or not wrong:
        return False
    if _ACRONYM.fullmatch(label.strip()):
        words = _LETTERS.findall(answer)  # 'Convention on Human Rights': no 'on'
        initials = "".join(w[0] for w in words if w.lower() not in lexicon.STOP_WORDS).upper()
        if initials.startswith(label.strip().upper()):
            return True
    told = _label_stems(label) & _label_stems(answer)
    return bool(told - frozenset().union(*map(_label_stems, wrong)))


_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
_LETTERS = re.compile(r"[A-Za-z]+")


def _names(text: str, name: str) -> bool:
    """Whether a text says a name of two words or more in full ('… to S3 Glacier Instant
    Retrieval, and …' says 'S3 Glacier Instant Retrieval'); one word is too often a common one."""
    said = normalise(name)
    return len(said.split()) >= 2 and f" {said} " in f" {normalise(text)} "


BROKEN_PENALTY = 0.35  # below THRESHOLD from any base: held back
_OPENERS, _CLOSERS = "([{", ")]}"


@functools.lru_cache(maxsize=1 << 17)  # pure; options repeat across the questions
def unbalanced(text: str) -> bool:
    """A bracket opened and never closed, or closed and never opened ('pancreatitis (see topic
    here', 'Acute)', '4]$'): a line cut in the wrong place."""
    depth = []
    for char in text:
        if char in _OPENERS:
            depth.append(_CLOSERS[_OPENERS.index(char)])
        elif char in _CLOSERS:
            if not depth or depth.pop() != char:
                return True
    return bool(depth)


def broken(question: spec.QuestionSpec) -> float:
    """What a question loses for a text cut out of its line in the wrong place: an answer,
    option, item or prompt with a bracket it does not close or close what it opened, with
    a note app's property marker left in ('Location:: stroma'), or with HTML left in ('<br>')."""
    shown = (question.prompt, *question.answers, *question.options, *question.items)
    cut = any(
        unbalanced(text)
        or _PROPERTY.search(text)
        or (("<" in text or "&" in text) and _MARKUP.search(text))
        for text in shown
    )
    return BROKEN_PENALTY if cut else 0.0


# A note app's property written into a line ('Products:: ATP and NADPH'), not 'std::vector'
_PROPERTY = re.compile(r"\w::(?:\s|$)")
# HTML left in a line ('Glomerulonephritis <br / > Poststreptococcal', '&nbsp;'): a table cell's
# lines run together, cut where the markup was
_MARKUP = re.compile(
    r"<\s*/?\s*(?:br|p|div|span|li|ul|b|i)\s*/?\s*>|<\s*br\b[^<>]*>|&(?:nbsp|lt|gt|amp);", re.I
)


@functools.lru_cache(maxsize=1 << 17)  # pure; options repeat across the questions
def _stems(text: str) -> frozenset[str]:
    """The stems of a text's words of five letters or more that are no stop words (shorter
    ones, 'high', 'cell', are shared by unrelated phrases too often to tell)."""
    return frozenset(
        stem(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)  # 'phases' / 'phase'
        for w in normalise(text).split()
        if len(w) >= prompts.ECHO_PREFIX - 1 and w not in lexicon.STOP_WORDS
    )


def unreadable(question: spec.QuestionSpec) -> float:
    """What a question loses for what a learner cannot read or answer as the app shows it: a
    formula in TeX among its answers, options or items, or in the attribute it asks (the app
    does not typeset it, so '$\\Theta(n)$' cannot be typed or told from '$\\Theta(n^2)$'), and
    a field asked by its shorthand ('pt', 'tx'). A formula elsewhere in the prompt is context."""
    attribute = prompts.asked_label(question.prompt)
    shown = (*question.answers, *question.options, *question.items, attribute)
    if question.kind == spec.TRUEFALSE:  # the statement judged is the prompt itself
        shown += (question.prompt,)
    math = any(prompts.has_math(text) for text in shown)
    # 'AVL trees — second?', 'option 2?': a label that only says where its line stands
    unnamed = prompts.terse_label(attribute) or prompts.positional_label(attribute)
    return UNREADABLE_PENALTY * (math + unnamed)


def vague(attribute: str) -> bool:
    """An attribute made only of vague words ('Key features', 'Type'), or of none at all."""
    words = [w for w in normalise(attribute).split() if w not in lexicon.FUNCTION_WORDS]
    return not words or all(w in lexicon.VAGUE_ATTRIBUTE_WORDS for w in words)


def score(
    kind: str,
    *,
    wanted: int = 0,
    found: int = 0,
    same_attribute: int = 0,
    answer: str = "",
    attribute: str = "",
    swapped: bool = False,
) -> float:
    """The quality of a question of `kind` (see the module docstring): `wanted` distractors
    sought, `found` found, `same_attribute` of them the same attribute of another subject."""
    value = BASE.get(kind, 0.8)
    value -= MISSING_PENALTY * max(0, wanted - found)
    if found:
        value -= SIBLINGS_PENALTY * (found - min(same_attribute, found)) / found
    if len(answer.split()) > LONG_ANSWER_WORDS:
        value -= LONG_PENALTY
    if attribute and vague(attribute):
        value -= VAGUE_PENALTY
    if swapped:
        value -= SWAP_PENALTY
    return round(min(1.0, max(0.0, value)), 2)
