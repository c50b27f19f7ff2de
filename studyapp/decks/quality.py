"""How sure the card generator is that a learner would keep a card: a score from 0 to 1.

Pure. A card starts from what its kind risks, and loses for each weak sign in its own text;
cards under `THRESHOLD` are kept as held-back suggestions (stored, never dealt) that people can
review and accept. Bases:
- inline 0.95 — the learner wrote question and answer (`Question::Answer`);
- a definition's term hidden 0.85 — the note says outright what the term means;
- question–answer 0.8 — a `Key: value` line asked as "key?";
- enumeration and comparison cell 0.75 — a list or a table row, asked whole;
- a cloze hiding an emphasised term 0.75, or what its builder says it is worth (plain
  statements, whose blank is found rather than marked, are scored by their builder).
Weak signs: a generic attribute or label asked ("solution?"), a long answer (over 12 words,
more over 25), a long question (over 30 words, more over 45), an answer of one generic word,
an answer whose words are mostly in the question already, an open list ("name some") or a
long one, a cloze whose front or context shows half its hidden words or more in some form
('huntingtin' for 'Huntington'), leftover markup (wikilinks, code, pipes). What cannot be
read as shown: a formula in TeX hidden or asked (the app does not typeset it; half as much
for a question–answer card, which the learner checks by eye), a blank that opens inside a
formula, a field asked by its shorthand ('Asthma — tx?') or by where its line stands
('AVL trees — second?', 'option 2?'), an answer that only says its question again
('policy templates?' -> 'a list of available policy templates').
"""

from __future__ import annotations

import re

from studyapp.text import lexicon
from studyapp.text.names import content_stems, name_key
from studyapp.text.prompts import (
    continues,
    discourse_label,
    echoed_share,
    has_math,
    positional_label,
    restates,
    spells,
    terse_label,
)

from .generate import CardSpec

THRESHOLD = 0.5

_BASE = {"inline": 0.95, "qa": 0.8, "enumeration": 0.75, "comparison": 0.75, "cloze": 0.75}
_DEFINITION_BASE = 0.85
_MARKUP = re.compile(r"\[\[|\]\]|\]\(|`|\|\s|\{\{|<[a-z/]|\$\$|\\[a-z]+\{|\*\*")
MIN_CLOZE_WORDS = 2  # words of meaning a cloze must show besides its blank
MAX_SUBJECT_WORDS = 8  # a list's name longer than this is a sentence that led into it
ECHO_PENALTY = 0.3  # from a cloze's 0.75: held back
_ASKED = re.compile(r"—\s*(?P<attribute>[^—?]+)\?\s*$")


def card_quality(spec: CardSpec, *, labels: frozenset[str] = frozenset()) -> float:
    """`labels`: name keys the notes use as a field of many topics ('symptom', 'treatment');
    a cloze hiding one hides a line's label, not a term."""
    score = _base(spec)
    answer = _answer(spec)
    if spec.kind == "cloze" and name_key(answer.strip(" :*")) in labels:
        score -= 0.5
    words = re.findall(r"\w[\w'.+#-]*", answer)
    if spec.kind != "enumeration":  # a list's length is its items', below
        score -= 0.3 if len(words) > 25 else 0.15 if len(words) > 12 else 0.0
    front_words = len(spec.front.split())
    score -= 0.3 if front_words > 45 else 0.15 if front_words > 30 else 0.0  # a paragraph to read
    if _generic(answer):
        score -= 0.4
    asked = _ASKED.search(spec.front)
    if asked and spec.kind in ("qa", "comparison"):
        label = asked.group("attribute")
        if _remark(label) or discourse_label(label):
            # "RDS proxy — solution?", "Stack — in general?", "Proof — given?": a remark's or
            # an aside's label, not a fact's name
            score -= 0.35
    if spec.kind == "cloze" and continues(spec.front):
        score -= CONTINUES_PENALTY  # 'Which is the address of […]': half of a sentence
    score -= _acronym_only(spec, answer, asked.group("attribute") if asked else "")
    if spec.kind == "comparison" and _NUMBER_ENTITY.match(spec.front):
        # '2 — flips?', '001 — value?': a row named by a number is a line of a worked table
        # (one input, one step), asked with nothing to say what the number stands for
        score -= NUMBER_ENTITY_PENALTY
    shown = [
        w
        for w in re.findall(r"[a-z']+", spec.front.replace("[…]", " ").lower())
        if w not in lexicon.STOP_WORDS
    ]
    if spec.kind == "cloze" and re.search(r"\w\[…\]|\[…\]\w", spec.front):
        score -= 0.5  # '**[…]UN**': the blank cuts a word, so it hides a letter, not a term
    # A definition's meaning is its whole clue, one word as good as ten ('[…]: bread' for
    # 'das Brot'); a sentence with a blank must show more of itself than that.
    least = 1 if spec.front.startswith("[…]:") else MIN_CLOZE_WORDS
    if spec.kind == "cloze" and len(shown) < least:
        score -= 0.5  # '[…] is the answer': nothing to recall it from
    if spec.kind != "cloze" and _given_away(spec.front, answer):
        score -= 0.25
    if spec.kind == "cloze" and answer != spec.back:  # the hidden words are known
        # Half the hidden words or more shown in some form ('[…] is a cancer of immature
        # lymphoblasts' hiding 'Acute lymphoblastic leukaemia'): the front answers itself.
        shown_text = f"{spec.context} {spec.front.replace('[…]', ' ')}"
        # Only other forms count: the same word again ('pelvic fracture … a fracture of the
        # […]') is often the sentence's own subject, and leaves the rest to recall.
        echoed = echoed_share(shown_text, answer, same_word=False)
        score -= ECHO_PENALTY if echoed >= 0.5 else 0.0
    if spec.kind == "enumeration":
        items = [line for line in spec.back.splitlines() if line.strip()]
        score -= 0.1 if "name some" in spec.front else 0.0
        subject = spec.front.rsplit("—", 1)[-1].split(":")[0]
        score -= 0.3 if _led_in(subject) else 0.0  # a sentence, no name
        score -= 0.1 if len(items) > 5 else 0.0
    score -= _unreadable(spec, answer, asked.group("attribute") if asked else "")
    if spec.worked or lexicon.WORKED_EXAMPLE.search(spec.context):
        score -= WORKED_PENALTY
    if _MARKUP.search(spec.front) or _MARKUP.search(spec.back):
        score -= 0.2
    return round(max(0.0, min(1.0, score)), 3)


# A detail of a worked example or an exercise, not a fact to keep: held back from any base but
# an authored Question::Answer card's.
WORKED_PENALTY = 0.4
MATH_ANSWER_PENALTY = 0.3  # a formula to recall, shown as TeX: it cannot be checked
TERSE_PENALTY = 0.35  # 'Asthma — tx?': shorthand that names nothing


def _unreadable(spec: CardSpec, answer: str, attribute: str) -> float:
    """What a card loses for what cannot be read as the app shows it: a hidden or asked
    formula (the app does not typeset TeX), a blank inside a formula, a field asked by its
    shorthand or its position, an answer that restates the question. A formula beside the
    blank ('every node of depth $< h-1$ has […] children') is context, and costs nothing."""
    if spec.kind == "cloze":
        head = spec.front.partition("[…]")[0]
        inside = head.count("$") % 2 == 1  # the blank opens inside '$…$'
        return MATH_ANSWER_PENALTY if has_math(answer) or inside else 0.0
    penalty = 0.0
    if has_math(answer) or has_math(attribute):
        penalty += MATH_ANSWER_PENALTY / 2 if spec.kind == "qa" else MATH_ANSWER_PENALTY
    if spec.kind in ("qa", "comparison") and (
        terse_label(attribute) or positional_label(attribute)
    ):
        penalty += TERSE_PENALTY  # 'Asthma — tx?', 'AVL trees — second?': names nothing
    if spec.kind == "qa" and restates(attribute, answer):  # a table's cell tells its entities apart
        penalty += TERSE_PENALTY  # 'policy templates?' -> 'a list of policy templates'
    return penalty


_NUMBER_ENTITY = re.compile(r"^[\d.,]+\s+—")
NUMBER_ENTITY_PENALTY = 0.3  # from a table cell's 0.75: held back
CONTINUES_PENALTY = 0.35  # from a cloze's 0.75: held back
ACRONYM_PENALTY = 0.4  # the words shown, the acronym hidden: held back
ACRONYM_ASKED_PENALTY = 0.2
SHORT_ACRONYM = 3  # letters: 'CLI', 'MCA' are read past; 'SIADH' names a concept to learn


def _acronym_only(spec: CardSpec, answer: str, attribute: str) -> float:
    """An acronym asked from the words it abbreviates ('[…]: Customer Master Key' hiding
    'CMK') is read off their initials; a short acronym asked for its words ('ELB?' ->
    'Elastic Load Balancing') is an aside of the line it was in, seldom what the note is
    about, so it scores lower but stays. A long one ('SIADH?') and one the card is about (its
    context) lose nothing."""
    if spec.kind == "cloze" and spec.front.startswith("[…]:"):
        return ACRONYM_PENALTY if spells(answer, spec.front[4:]) else 0.0
    if spec.kind != "qa" or not spells(attribute, spec.back):
        return 0.0
    letters = sum(c.isalpha() for c in attribute.strip().rstrip("s"))
    if letters > SHORT_ACRONYM or name_key(attribute) in name_key(spec.context).split():
        return 0.0
    return ACRONYM_ASKED_PENALTY  # weaker, not held back: 'MSE?' may be worth knowing


MAX_NAMED_SUBJECT_WORDS = 16
_POINTERS = frozenset("see include includes including following below".split())
_FINITE = lexicon.SENTENCE_VERBS | lexicon.MODAL_VERBS | frozenset("has have had does do".split())


def _led_in(subject: str) -> bool:
    """A list's name that is a sentence leading into it ('Storing logs in S3 has a few
    advantages'), not a long name ('the most common causes of meningitis in neonates in
    descending order', with no verb of its own)."""
    words = re.findall(r"[\w'-]+", subject.lower())
    if len(words) <= MAX_SUBJECT_WORDS:
        return False
    if words[-1] in _POINTERS:
        return True  # '… risk factors, see:': a cross-reference, not a list of its parts
    return len(words) > MAX_NAMED_SUBJECT_WORDS or bool(_FINITE.intersection(words))


def held_back(quality: float) -> bool:
    return quality < THRESHOLD


def _base(spec: CardSpec) -> float:
    base = _BASE.get(spec.kind, 0.7)
    if spec.kind == "cloze" and spec.front.startswith("[…]:"):
        base = _DEFINITION_BASE
    # A builder that knows its card is weaker says so in `quality` (1.0: no opinion).
    return min(base, spec.quality)


def _answer(spec: CardSpec) -> str:
    """What the learner must recall: a cloze's hidden words, else the back."""
    if spec.kind == "cloze" and "[…]" in spec.front:
        head, _, tail = spec.front.partition("[…]")
        back = spec.back
        if back.startswith(head) and (not tail or back.endswith(tail)):
            return back[len(head) : len(back) - len(tail)] if tail else back[len(head) :]
    return spec.back


# An answer of only these words teaches nothing ('The point', 'Main idea'); yes and no are
# answers (to "network access?"), so they are not among them.
_EMPTY_ANSWER_WORDS = (lexicon.GENERIC_LABEL_WORDS | lexicon.STOP_WORDS) - lexicon.YES_NO


def _generic(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return bool(words) and len(words) <= 3 and all(w in _EMPTY_ANSWER_WORDS for w in words)


def _remark(attribute: str) -> bool:
    words = [w for w in re.findall(r"[a-z']+", attribute.lower()) if w not in lexicon.STOP_WORDS]
    return bool(words) and all(w in lexicon.REMARK_LABELS for w in words)


def _given_away(front: str, answer: str) -> bool:
    mine = content_stems(answer)
    return len(mine) >= 2 and len(mine & content_stems(front)) >= 0.75 * len(mine)
