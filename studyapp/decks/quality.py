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
('policy templates?' -> 'a list of available policy templates'). A cloze whose sentence
points at what only the lines around it name ('… from this class') is a little less sure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from studyapp.text import lexicon
from studyapp.text.blanks import DUMMY_IT
from studyapp.text.examples import example_card
from studyapp.text.formulas import MAX_ANSWER_FORMULA_CHARS, MAX_FORMULA_CHARS, readable
from studyapp.text.names import (
    ACRONYM_WORD,
    content_stems,
    name_key,
    named_by_position,
    singular,
    spelled_out,
)
from studyapp.text.prompts import (
    author_plan,
    clause_meaning,
    compared_property,
    compared_title,
    continues,
    discourse_label,
    echoed_share,
    form_choices,
    has_math,
    last_part,
    local_reference,
    may_hold,
    personal_label,
    positional_label,
    restates,
    spells,
    terse_label,
)

from .blank_signs import blank_penalty, predicted_modifier
from .generate import CardSpec, cloze_answer
from .list_signs import enumeration_penalty

THRESHOLD = 0.5
LONG_ANSWER_PENALTY = 0.35  # an answer still a paragraph once cut to its first sentence

_BASE = {
    "inline": 0.95,
    "formula": 0.85,
    "qa": 0.8,
    "enumeration": 0.75,
    "comparison": 0.75,
    "cloze": 0.75,
}
_DEFINITION_BASE = 0.85
_MARKUP = re.compile(r"\[\[|\]\]|\]\(|`|\|\s|\{\{|<[a-z/]|\$\$|\\[a-z]+\{|\*\*")
MIN_CLOZE_WORDS = 2  # words of meaning a cloze must show besides its blank
MAX_SUBJECT_WORDS = 8  # a list's name longer than this is a sentence that led into it
ECHO_PENALTY = 0.3  # from a cloze's 0.75: held back
GLOSS_ECHO_PENALTY = 0.4  # from a definition cloze's 0.85: held back
_ASKED = re.compile(r"—\s*(?P<attribute>[^—?]+)\?\s*$")


def card_quality(
    spec: CardSpec,
    *,
    labels: frozenset[str] = frozenset(),
    modifiers: frozenset[str] = frozenset(),
) -> float:
    """`labels`: name keys the notes use as a field of many topics ('symptom', 'treatment');
    a cloze hiding one hides a line's label, not a term. `modifiers`: names the notes nearly
    always write before a noun ('ec2 instance', `blank_signs.predicted_modifiers`); a cloze
    hiding one before that noun asks what the wording already says."""
    if spec.unglossed:
        # An aside hidden with the term makes a card answerable that gave itself away; it does
        # not make one the engine doubted as written a sure one (a blind check of 20 such
        # cards: 8 junk, the context or the line still naming the answer).
        written = card_quality(
            replace(spec, front=spec.unglossed, unglossed=""), labels=labels, modifiers=modifiers
        )
        as_shown = card_quality(replace(spec, unglossed=""), labels=labels, modifiers=modifiers)
        return min(written, as_shown) if held_back(written) else as_shown
    if spec.kind in ("formula", "inline"):
        # a formula card, or a question the author wrote, is judged as shown: its TeX written
        # out, what stays TeX unreadable (a cloze is judged as written: what it hides is
        # chosen on the text as the note has it)
        limit = MAX_ANSWER_FORMULA_CHARS if spec.kind == "formula" else MAX_FORMULA_CHARS
        spec = replace(spec, front=readable(spec.front), back=readable(spec.back, limit=limit))
    score = _base(spec)
    answer = _answer(spec)
    if spec.kind == "cloze" and name_key(answer.strip(" :*")) in labels:
        score -= 0.5
    words = re.findall(r"\w[\w'.+#-]*", answer)
    if spec.kind != "enumeration":  # a list's length is its items', below
        # over 25 words, a paragraph to read: held back from a question–answer card's base
        longest = LONG_ANSWER_PENALTY if spec.kind != "inline" else 0.3  # the learner's own
        score -= longest if len(words) > 25 else 0.15 if len(words) > 12 else 0.0
    front_words = len(spec.front.split())
    score -= 0.3 if front_words > 45 else 0.15 if front_words > 30 else 0.0  # a paragraph to read
    if spec.kind != "formula" and _generic(answer):  # 'Σᵢ aᵢᵢ' is no word 'a'
        score -= 0.4
    elif spec.kind == "qa" and name_key(answer) in _EMPTY_QA_ANSWERS:
        score -= 0.4
    # a question reworded as a teacher asks it is judged on the label it asks (generate.CardSpec)
    asked = _ASKED.search(spec.asked_as or spec.front)
    if asked and spec.kind in ("qa", "comparison"):
        label = asked.group("attribute")
        if _remark(label) or discourse_label(label) or _sibling(label):
            # "RDS proxy — solution?", "Stack — in general?", "Proof — given?": a remark's or
            # an aside's label, not a fact's name
            score -= 0.35
        elif spec.kind == "qa" and _example_pointer(label):
            score -= 0.35  # 'SQL Joins — example tables?': what the example is, not a fact
            # (a table's 'Example case' column pairs each row with its own: asked as it is)
    if spec.kind == "cloze" and continues(spec.front):
        score -= CONTINUES_PENALTY  # 'Which is the address of […]': half of a sentence
    if spec.kind == "cloze" and _DANGLING_END.search(spec.front):
        score -= CONTINUES_PENALTY  # 'Include […], which': the line breaks off mid-sentence
    if spec.kind == "cloze" and spec.front.startswith("[…]:") and _instruction(answer):
        score -= INSTRUCTION_PENALTY  # '[…]: event pattern …' hiding 'Setup event source'
    if spec.asked_as and spec.kind in ("qa", "enumeration") and _field_subject(spec, labels):
        score -= FIELD_SUBJECT_PENALTY  # 'How do you treat Alarming symptoms?': of what?
    if spec.kind in ("qa", "cloze", "enumeration") and _question_answer(spec, answer):
        score -= QUESTION_ANSWER_PENALTY  # '— what does Walsh say? → Why not both?': no answer
    if spec.kind == "cloze":
        score -= _unanswerable_cloze(spec, answer)
    score -= _acronym_only(spec, answer, asked.group("attribute") if asked else "")
    if spec.kind == "comparison" and _NUMBER_ENTITY.match(spec.front):
        # '2 — flips?', '001 — value?': a row named by a number is a line of a worked table
        # (one input, one step), asked with nothing to say what the number stands for
        score -= NUMBER_ENTITY_PENALTY
    # A hyphened compound is one word: 'Broad-spectrum […]' shows one, not two.
    shown = [
        w
        for w in re.findall(r"[a-z'][a-z'-]*", spec.front.replace("[…]", " ").lower())
        if w.strip("-") not in lexicon.STOP_WORDS
    ]
    if spec.kind == "cloze" and re.search(r"\w\[…\]|\[…\]\w", spec.front):
        score -= 0.5  # '**[…]UN**': the blank cuts a word, so it hides a letter, not a term
    # A definition's meaning is its whole clue, one word as good as ten ('[…]: bread' for
    # 'das Brot'); a sentence with a blank must show more of itself than that.
    least = 1 if spec.front.startswith("[…]:") else MIN_CLOZE_WORDS
    if spec.kind == "cloze" and len(shown) < least:
        score -= 0.5  # '[…] is the answer': nothing to recall it from
    if spec.kind == "qa" and asked and _BARE_DEGREE.fullmatch(asked.group("attribute").strip()):
        score -= ANSWERS_ITSELF_PENALTY  # 'Validation — high? -> separated by': high what?
    if spec.kind == "qa" and _answers_itself(spec, answer):
        score -= ANSWERS_ITSELF_PENALTY  # 'Message body — type? -> type of message (…)'
    elif spec.kind not in ("cloze", "formula") and _given_away(spec.front, answer):
        # (a formula's letters are named where it is stated: 'Tangent plane at (a, b) — z = ?')
        score -= 0.25
    elif spec.kind == "formula" and _said_whole(spec.front, answer):
        # 'Harmonic series is Θ(log n) — Σ 1/(i+1) = ?' -> 'Θ(log n)': its title says it
        score -= FORMULA_SHOWN_PENALTY
    if spec.kind == "inline" and local_reference(answer):
        # '? What lines are the same as NotYetDFSRec?' -> 'Lines 6, 9': of code not shown
        score -= INLINE_REFERENCE_PENALTY

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
        shape = spec.asked_as or spec.front  # 'X — supports: which four?', however worded now
        score -= 0.1 if "name some" in shape else 0.0
        subject = shape.rsplit("—", 1)[-1].split(":")[0]
        score -= 0.3 if _led_in(subject) else 0.0  # a sentence, no name
        score -= 0.1 if len(items) > 5 else 0.0
        score -= enumeration_penalty(shape.rpartition(" — ")[0], subject.strip(), items)
    score -= _unreadable(spec, answer, asked.group("attribute") if asked else "")
    if spec.worked or lexicon.WORKED_EXAMPLE.search(spec.context):
        score -= WORKED_PENALTY
    elif example_card(spec.kind, spec.context, spec.front, answer):
        score -= WORKED_PENALTY  # a worked case's data, or a remark on the sources (text.examples)
    score -= _deleted_signs(spec, answer, asked.group("attribute") if asked else "")
    if spec.kind == "qa" and asked and spelled_out(asked.group("attribute"), answer):
        # 'Control unit — MemWrite? -> Write to memory'. (Asked the other way, '[…]: Write to
        # memory', the name is what is learnt: a blind check kept those.)
        score -= SPELLED_NAME_PENALTY
    if spec.kind == "cloze" and not spec.front.startswith("[…]:"):
        if predicted_modifier(spec.front, answer.strip(" *_:"), modifiers):
            score -= PREDICTED_PENALTY  # 'can create an […] instance' hiding 'EC2'
    if _MARKUP.search(spec.front) or _MARKUP.search(spec.back):
        score -= 0.2
    return round(max(0.0, min(1.0, score)), 3)


FORMULA_SHOWN_PENALTY = 0.4  # from a formula's 0.85: held back
INLINE_REFERENCE_PENALTY = 0.5  # from an authored question's 0.95: held back


def _said_whole(front: str, answer: str) -> bool:
    """A formula's whole right side already written in its title, as words of it ('Θ(log n)' in
    'Harmonic series is Θ(log n)', not 'IR' in 'Circuits'). (Its left side may hold it:
    'x·y + x̅·z + y·z = ?' -> 'x·y + x̅·z' is the law asked.)"""
    said = " ".join(answer.split()).casefold()
    title = " ".join(front.rpartition(" — ")[0].split()).casefold()
    return len(said) >= 2 and re.search(rf"(?<!\w){re.escape(said)}(?!\w)", title) is not None


# A detail of a worked example or an exercise, not a fact to keep: held back from any base but
# an authored Question::Answer card's.
WORKED_PENALTY = 0.4
MATH_ANSWER_PENALTY = 0.3  # a formula to recall, shown as TeX: it cannot be checked
UNREADABLE_SHOWN_PENALTY = 0.3  # a formula beside the blank that only reads as TeX markup
QUESTION_ANSWER_PENALTY = 0.4
FIELD_SUBJECT_PENALTY = 0.35
INSTRUCTION_PENALTY = 0.4  # from a definition cloze's 0.85: held back


# Verbs that open a step and never a term's name ('Set theory', 'Launch template', 'Open
# source', 'Register file' and 'Log group' are terms: those verbs are not here).
_SETUP_VERBS = frozenset(
    "setup compile install deploy create configure enable click choose upload download navigate"
    " paste".split()
)


def _instruction(label: str) -> bool:
    """A label that is a step to do ('Setup event source', 'Compile both programs', 'Create
    the bucket'), not a term: its first word is a verb that only opens a step."""
    words = label.strip(" :*_").split()
    return len(words) > 1 and words[0].lower() in _SETUP_VERBS


def _field_subject(spec: CardSpec, labels: frozenset[str]) -> bool:
    """A question reworded to open on its topic ('How do you treat …?') where the topic is
    named by a field of the notes ('Alarming symptoms' under Back Pain, 'Late complications'):
    the question names a kind of line, not the condition it is about."""
    own = spec.context.split(" · ")[0].split(" › ")[-1].strip()
    words = own.split()
    return bool(words) and own in spec.front and name_key(words[-1]) in labels


def _question_answer(spec: CardSpec, answer: str) -> bool:
    """An answer that is itself a question: a remark the line quotes, not what was asked. A
    phrasebook's pair ('¿Dónde está el baño?' — 'Where is the bathroom?') asks a question
    for a question: its front holds one too, beside the card's own question mark."""
    if not answer.strip().endswith("?"):
        return False
    own = 0 if spec.kind == "cloze" else 1  # a question card's front ends on its own '?'
    return spec.front.count("?") <= own


# A front that stops on a word opening more of the sentence ('…, which', '… and'): cut off.
_DANGLING_END = re.compile(
    r"(?:,|\b(?:which|who|whose|and|or|but|because|where|when|the|a|an))\s*$"
)  # (lower case: 'vitamin A' ends on a name)
TERSE_PENALTY = 0.35  # 'Asthma — tx?': shorthand that names nothing
UNREADABLE_FORMULA_PENALTY = 0.5  # a formula card whose formula stays TeX: held back


def _unreadable(spec: CardSpec, answer: str, attribute: str) -> float:
    """What a card loses for what cannot be read as the app shows it: a hidden or asked
    formula (the app does not typeset TeX), a blank inside a formula, a field asked by its
    shorthand or its position, an answer that restates the question. A formula beside the
    blank ('every node of depth $< h-1$ has […] children') is context, and costs nothing."""
    # a formula shown that has no plain reading stays TeX on the card (text.formulas)
    shown = UNREADABLE_SHOWN_PENALTY if has_math(readable(spec.front)) else 0.0
    if spec.kind == "formula":
        # a formula is its answer: it costs only what does not read once written out
        unread = has_math(readable(spec.front)) or has_math(readable(spec.back))
        return UNREADABLE_FORMULA_PENALTY if unread else 0.0
    if spec.kind == "cloze":
        head = spec.front.partition("[…]")[0]
        inside = head.count("$") % 2 == 1  # the blank opens inside '$…$'
        return MATH_ANSWER_PENALTY if has_math(answer) or inside else shown
    penalty = shown
    if has_math(answer) or has_math(attribute):
        penalty += MATH_ANSWER_PENALTY / 2 if spec.kind == "qa" else MATH_ANSWER_PENALTY
    # ('Gout — tx?' reworded 'How do you treat Gout?' is shorthand no longer)
    if spec.kind in ("qa", "comparison") and (
        (terse_label(attribute) and not spec.asked_as) or positional_label(attribute)
    ):
        penalty += TERSE_PENALTY  # 'Asthma — tx?', 'AVL trees — second?': names nothing
    if spec.kind == "qa" and restates(attribute, answer):  # a table's cell tells its entities apart
        penalty += TERSE_PENALTY  # 'policy templates?' -> 'a list of policy templates'
    return penalty


_NUMBER_ENTITY = re.compile(r"^[\d.,]+\s+—")
NUMBER_ENTITY_PENALTY = 0.3  # from a table cell's 0.75: held back
CONTINUES_PENALTY = 0.35  # from a cloze's 0.75: held back
POINTING_PENALTY = 0.3  # from a cloze's 0.75: held back; a definition's 0.85 stays, unsure
# A pointer inside the sentence ('… from this class'): less sure, not held back. A blind check
# of 30 such cards beside 30 live ones (stop 32): 30% good, 53% acceptable, 17% junk against
# 50%, 30%, 20%; a reader most often resolves 'this infection' from the context, and edits.
POINTER_INSIDE_PENALTY = 0.1
CONTEXT_NAMES_PENALTY = 0.4
TABLE_ROW_PENALTY = 0.5
ASPECT_LABEL_PENALTY = 0.5

# 'It is a […]', 'These patients are treated with […]', 'This patient presents with …': a
# sentence whose subject points at the line or the case before it, which the card does not show.
_POINTING_SUBJECT = re.compile(
    r"^\W*(?:it|they|he|she|(?:this|these|those|that|such)(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:is|are|was|were|has|have|had|can|may|must|should|will|presents?|suggests?|shows?"
    r"|causes?|includes?|leads?|results?)|(?:this|these|those)\s+(?:patients?|findings?"
    r"|symptoms?|cases?|signs?))\b",
    re.I,
)


# 'We define a […] similarly', 'Likewise, …': a sentence said as another line before it was.
# (One that opens on 'Likewise,' or 'Similarly to OpsWorks' still says its own claim whole.)
_LIKE_BEFORE = re.compile(r"\b(?:similarly|likewise|(?:in )?the same way)\W*$", re.I)
# 'this' or 'these' inside a sentence, and the word after it: 'handles this for us', 'the
# three drugs used from this class', 'between these two causes'.
_POINTER_INSIDE = re.compile(r"(?<=\s)(?:this|these)\s+([\w'’-]+)", re.I)
_ASIDE = re.compile(r"\([^()]*\)")


def _points_inside(front: str) -> bool:
    """A cloze whose sentence points at something only the lines around it name: 'this' or
    'these' with no noun, or with one the sentence has not said before it ('overrides this
    default', 'from this class'; not 'a set of operations on these objects' after 'a set of
    objects', nor 'as in this patient' in an aside)."""
    text = _ASIDE.sub(" ", front)
    for found in _POINTER_INSIDE.finditer(text):
        said = {singular(w) for w in re.findall(r"[a-z]+", text[: found.start()].lower())}
        noun = singular(found.group(1).lower())
        if noun not in said:
            return True
    return False


def _unanswerable_cloze(spec: CardSpec, answer: str) -> float:
    """What a cloze loses for a front that cannot be answered as shown:
    - its subject points back at a line or a case the card leaves out ('It is a […]', 'These
      patients are treated with […]'), or it is said as that line was ('We define a […]
      similarly');
    - its context names what it hides ('VAP' over '… suggests […]' hiding 'ventilator-associated
      pneumonia', 'Polio' over '[…] is a viral infection' hiding 'Poliomyelitis');
    - it is a table's row ('| Agent | […] | Prophylaxis |');
    - it hides a label that names an aspect, not a thing ('[…]: increased prolactin on labs'
      hiding 'Diagnosis and Treatment')."""
    penalty = 0.0
    pointing = _POINTING_SUBJECT.match(spec.front)
    if pointing and not DUMMY_IT.match(spec.front):
        resolved = pointing.group(0).split()[0].lower() in ("it", "they") and (
            _names_one_thing(spec.context)
        )
        # 'It lasted until […]' under 'The Roman Republic' may mean the topic; under 'Cranial
        # nerves' 'It is responsible for […]' means one nerve the line before named
        penalty += POINTING_PENALTY - RESOLVED_DISCOUNT if resolved else POINTING_PENALTY
    elif _LIKE_BEFORE.search(spec.front):
        penalty += POINTING_PENALTY
    elif _points_inside(spec.front):
        penalty += POINTER_INSIDE_PENALTY
    if lexicon.EXAMPLE_OPENING.match(spec.front):
        penalty += POINTING_PENALTY  # 'e.g., from […], to metabolic, …': an example of a claim
    hidden = answer.strip(" *_:.,")
    # (a definition's '[…]: meaning' too: 'Standard Output' over '[…]: Destination for normal
    # program output' shows what it hides)
    if hidden and _context_names(spec.context, hidden):
        penalty += CONTEXT_NAMES_PENALTY
    if spec.front.lstrip().startswith("|") or spec.front.count("|") >= 3:
        penalty += TABLE_ROW_PENALTY
    if spec.front.startswith("[…]:") and _aspect_label(hidden):
        penalty += ASPECT_LABEL_PENALTY
    elif spec.front.startswith("[…]:") and _lead_in_label(hidden):
        penalty += ASPECT_LABEL_PENALTY  # '[…]: single domains, …' hiding 'ACM allows'

    return penalty


MIN_STEM = 4  # 'Polio' in 'Poliomyelitis'; fewer letters match words by chance
RESOLVED_DISCOUNT = 0.25  # "it" under a context that names one thing: most often that thing


def _names_one_thing(context: str) -> bool:
    """A context whose last part is written as a name ('The Roman Republic', 'Decision Trees',
    'EC2', 'Coccidioidomycosis'), not in plain words ('Lead toxicity', 'Cranial nerves')."""
    last = re.split(r" › | · ", context)[-1].strip()
    words = last.split()
    return bool(words) and (any(w[:1].isupper() for w in words[1:]) or len(words) == 1)


def _context_names(context: str, hidden: str) -> bool:
    """Whether a part of the context is the hidden term, its acronym, or a short form it
    starts with."""
    key = name_key(hidden)
    words = [w for w in re.findall(r"[a-z0-9]+", key) if len(w) >= MIN_STEM]
    for part in re.split(r" › | · ", context):
        part = part.strip()
        own = name_key(part)
        if not own:
            continue
        if own == key or spells(part, hidden.replace("-", " ")):
            return True
        if " " in own and f" {own} " in f" {key} ":
            return True  # 'Semantic Segmentation' over '[the SageMaker semantic segmentation …]'
        if " " not in own and len(own) >= MIN_STEM + 1 and own != key:
            if any(w.startswith(own) and w != own for w in words):
                return True  # 'polio' -> 'poliomyelitis'
    return False


_LEAD_IN_VERBS = lexicon.LIST_VERBS | frozenset("allows enables lets permits".split())


def _lead_in_label(label: str) -> bool:
    """A label that ends on the verb leading into its line ('ACM allows', 'Glue supports'):
    the start of a sentence, not a term."""
    words = label.lower().split()
    if _ABOUT_LABEL.match(label):
        return True  # 'Facts about ∇f(x, y)', 'Notes on mitosis': what the lines are, not a term
    # ('The affects' is a noun after its article)
    return len(words) >= 2 and words[-1] in _LEAD_IN_VERBS and words[-2] not in ("the", "a", "an")


_ABOUT_LABEL = re.compile(
    r"\s*(?:(?:some|more|key|main|important|useful|general|other)\s+)?"
    r"(?:facts?|notes?|things?|points?|remarks?|comments?|thoughts?|properties|details)"
    r"\s+(?:about|on|of|regarding|to (?:know|remember))\b",
    re.I,
)


def _aspect_label(label: str) -> bool:
    """A label made only of aspect words ('Diagnosis and Treatment', 'Management', 'Workup')."""
    words = [w for w in name_key(label).split() if w not in ("and", "or", "&")]
    if words[:2] == ["rest", "of"] or words[:1] == ["remaining"]:
        return True  # 'Rest of the bits', 'Remaining fields': what the other lines leave
    # (not GENERIC_ASPECTS, nor 'feature': 'features', 'types' or 'components' are terms of
    # their own subjects, as in machine learning)
    aspects = lexicon.ASPECT_QUESTIONS.keys() | lexicon.ASPECT_HEADINGS - {"feature"}
    aspects |= lexicon.SIDE_LABELS
    return bool(words) and all(w in aspects or w.rstrip("s") in aspects for w in words)


ACRONYM_PENALTY = 0.4  # the words shown, the acronym hidden: held back
ACRONYM_ASKED_PENALTY = 0.35  # from 0.8: held back, a suggestion
SHORT_ACRONYM = 3  # letters: 'CLI', 'MCA' are read past; 'SIADH' names a concept to learn


def _acronym_only(spec: CardSpec, answer: str, attribute: str) -> float:
    """An acronym asked from the words it abbreviates ('[…]: Customer Master Key' hiding
    'CMK') is read off their initials; a short acronym asked for its words ('ELB?' ->
    'Elastic Load Balancing') is an aside of the line it was in, seldom what the note is
    about: a blind review deleted them ('EFA — HPC?'), so it is held back as a suggestion
    (the line's own fact is asked by its other cards). A long one ('SIADH?') and one the card
    is about (its context) lose nothing."""
    if spec.kind == "cloze" and spec.front.startswith("[…]:"):
        meaning, hidden = spec.front[4:], answer.strip()
        # whole ('[…]: Customer Master Key'), or the words it opens on ('[…]: Reed-Sternberg
        # cells in a node biopsy' hiding 'RS')
        spelled = spells(answer, meaning) or (
            bool(ACRONYM_WORD.fullmatch(hidden)) and _expands(hidden, meaning)
        )
        return ACRONYM_PENALTY if spelled else 0.0
    if spec.kind != "qa" or not spells(attribute, spec.back):
        return 0.0
    letters = sum(c.isalpha() for c in attribute.strip().rstrip("s"))
    if letters > SHORT_ACRONYM or name_key(attribute) in name_key(spec.context).split():
        return 0.0
    return ACRONYM_ASKED_PENALTY


MAX_NAMED_SUBJECT_WORDS = 16
_POINTERS = frozenset("see include includes including following below".split())
_FINITE = lexicon.FINITE_VERBS


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
    hidden = cloze_answer(spec) if spec.kind == "cloze" else None
    return spec.back if hidden is None else hidden


# An answer of only these words teaches nothing ('The point', 'Main idea'); yes and no are
# answers (to "network access?"), so they are not among them.
_EMPTY_ANSWER_WORDS = (lexicon.GENERIC_LABEL_WORDS | lexicon.STOP_WORDS) - lexicon.YES_NO
# What any device or step has, asked as a question's whole answer ('Microprocessors — what
# does it produce? -> output'); a cloze may hide one where the sentence turns on it ('Output of
# a Mealy machine depends on the state and the […]').
_EMPTY_QA_ANSWERS = frozenset("output outputs input inputs result results something".split())


def _generic(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return bool(words) and len(words) <= 3 and all(w in _EMPTY_ANSWER_WORDS for w in words)


# A line's label for the part of an argument it is ('Intuition', 'Argument', 'Objection'), like
# a remark's ('Note'), asked alone says nothing of what the line is about.
# (and a memory aid's label, 'Lyme — mnemonic? -> BAKE a key lyme pie': the rhyme without what
# it encodes, which the questions never ask either: lexicon.MEMORY_AID_LABELS)
_REMARKS = (
    lexicon.REMARK_LABELS
    | lexicon.ARGUMENT_LABELS
    | {w for label in lexicon.MEMORY_AID_LABELS for w in label.split() if " " not in label}
)


def _remark(attribute: str) -> bool:
    words = [w for w in re.findall(r"[a-z']+", attribute.lower()) if w not in lexicon.STOP_WORDS]
    return bool(words) and all(w in _REMARKS for w in words)


def _example_pointer(attribute: str) -> bool:
    """'Example tables', 'Sample output': a label pointing at an example (a file, a figure, a
    block of code), which names no fact ('sample_size' is a parameter's name)."""
    first = attribute.strip(" *_").split()[:1]
    return bool(first) and first[0].lower() in ("example", "examples", "sample", "samples")


def _sibling(label: str) -> bool:
    """'Concussion — both?', '— others?': a label naming its line by the lines beside it."""
    words = re.findall(r"[a-z']+", label.lower())
    return bool(words) and all(w in lexicon.SIBLING_LABELS for w in words)


ANSWERS_ITSELF_PENALTY = 0.35  # from a question–answer card's 0.8: held back
# A label that is only a degree or a side of a measure the line above names ('high', 'low',
# 'after', 'early'): asked alone it says of nothing what it asks.
_BARE_DEGREE = re.compile(
    r"(?:high|higher|low|lower|before|after|early|late|positive|negative|increased|decreased"
    r"|up|down|min|max)",
    re.I,
)
_ASIDE = re.compile(r"\([^()]*\)")


SPELLED_NAME_PENALTY = 0.4  # held back: the answer reads out the code name asked


def _answers_itself(spec: CardSpec, answer: str) -> bool:
    """An answer whose every content word, asides left out, the front or its context already
    shows ('Discrete data — probability mass function? -> for discrete data (finite …)')."""
    said = _ASIDE.sub(" ", answer)
    shown = f"{spec.context} {spec.asked_as or spec.front}"
    mine = content_stems(said)
    numbers = set(re.findall(r"\d+(?:\.\d+)?", said))  # a number is content ('INR 2.5')
    return (
        bool(mine)
        and mine <= content_stems(shown)
        and numbers <= set(re.findall(r"\d+(?:\.\d+)?", shown))
    )


def _given_away(front: str, answer: str) -> bool:
    mine = content_stems(answer)
    return len(mine) >= 2 and len(mine & content_stems(front)) >= 0.75 * len(mine)


# --- signs a blind reviewer deletes a card by ------------------------------------------------

LOCAL_REFERENCE_PENALTY = 0.35  # 'Graph 4 has […] vertices': one walkthrough's detail
BARE_NUMBER_PENALTY = 0.3  # 'Starting at byte […]': a number of nothing, in a few words
COUNT_SHOWN_PENALTY = 0.5  # 'There are […] types: central and nephrogenic'
LABEL_HIDDEN_PENALTY = 0.5  # '[…]: a hospital waiting room' hiding 'Analogy'
LEAD_IN_PENALTY = 0.4  # 'Causes of […] include:': the facts are the lines after it
BROKEN_ITEM_PENALTY = 0.35  # '• No IgM • G • A': a list split inside its items
CUT_ROW_PENALTY = 0.4  # '— each gateway configured for gateway-stor?': a row name cut in a word
MIN_CUT_PHRASE = 4  # words of a row name a cut one-letter last word is read in
MAX_BARE_NUMBER_WORDS = 3  # content words a cloze on a bare number shows at most to be held back


def _deleted_signs(spec: CardSpec, answer: str, attribute: str) -> float:
    """What a card loses for the shapes a blind reviewer deleted, each a mechanism that holds
    for any subject: a pointer to one numbered artefact of the note (an example's graph, a
    trace's line, a scenario); a cloze on a bare number that counts nothing, or a count its
    own list shows; a hidden label of an argument's part or a line's position; a lead-in to a
    list; a short acronym the words shown spell; a list split inside its items; a row name
    cut inside a word; a form's choices or a person's years as an answer. (A 'meaning' that
    is a sentence with a subject of its own is scored by its builder, which knows a table's
    pair from a label.)"""
    penalty = 0.0
    asked = attribute if spec.kind in ("qa", "comparison") else spec.front
    if spec.kind == "enumeration":
        asked = spec.front.rpartition(" — ")[2]  # what is asked, not its context
    if spec.kind in ("cloze", "qa", "enumeration") and local_reference(asked):
        penalty += LOCAL_REFERENCE_PENALTY
    if spec.kind == "cloze":
        penalty += _cloze_signs(spec, answer)
    if spec.kind in ("cloze", "qa") and _dangling(spec.back):
        penalty += CONTINUES_PENALTY  # '… are executed, or': a line cut where it went on
    if spec.kind in ("cloze", "qa", "enumeration") and _shown_elsewhere(spec.front):
        penalty += LOCAL_REFERENCE_PENALTY  # 'This table shows the […] instructions'
    if spec.kind == "cloze" and _COMPARED.match(spec.front) and len(spec.front.split()) <= 6:
        penalty += CONTINUES_PENALTY  # 'Similar to […] instances': compared, but what is?
    if spec.kind == "cloze" and _POINTER_OPENING.match(spec.front):
        penalty += POINTER_PENALTY  # 'It can be used in […]': what 'it' is, the card never says
    if spec.kind == "enumeration" and _broken_items(spec.back):
        penalty += BROKEN_ITEM_PENALTY
    if spec.kind == "comparison" and _cut_word(attribute, spec.back):
        penalty += CUT_ROW_PENALTY
    if spec.kind in ("qa", "comparison") and form_choices(spec.back):
        penalty += LABEL_HIDDEN_PENALTY  # 'create an S3 bucket?' -> 'yes/no'
    what_is_it = (spec.asked_as or spec.front).endswith("— what is it?")
    if spec.kind == "qa" and what_is_it and _no_meaning(spec):
        penalty += TERSE_PENALTY  # 'Cerebellum — what is it?' -> 'ataxia': a detail, no meaning
    elif spec.kind == "qa" and what_is_it and (_property(spec) or _verb_first(spec.back)):
        penalty += TERSE_PENALTY  # 'Gout — what is it?' -> 'most common in older men'
    elif spec.kind == "qa" and what_is_it and _circular(spec):
        # 'Hierarchical clustering — what is it? -> to build a hierarchy of clusters'
        penalty += TERSE_PENALTY
    if spec.kind == "cloze":
        penalty += _cut_sentence(spec.front, answer)
        if spec.back.count("(") > spec.back.count(")"):
            penalty += CONTINUES_PENALTY  # 'Reads come from one of these (Eventually […]': cut
    if spec.kind in ("qa", "comparison") and _lead_in_count(spec.back):
        penalty += LEAD_IN_PENALTY  # 'symptoms? -> 3 phases': the list is under the line
    if spec.kind in ("qa", "cloze") and (
        author_plan(f"{spec.front} {spec.back}") or (spec.kind == "qa" and author_plan(attribute))
    ):  # ('Recap — looked at?': the lecture's log asked as the label)
        penalty += LABEL_HIDDEN_PENALTY  # 'we need to talk about […]': the lecture's plan
    if spec.kind in ("qa", "cloze") and _REFERENCE_ONLY.fullmatch(answer.strip()):
        penalty += LABEL_HIDDEN_PENALTY  # 'proof? -> CLRS 21.1': where to read it, no fact
    if spec.kind in ("qa", "comparison") and re.fullmatch(r"\d{6,}", spec.back.strip()):
        penalty += LABEL_HIDDEN_PENALTY  # 'Sam — student ID? -> 234099837': an identifier
    if spec.kind in ("qa", "comparison") and _YEARS_ONLY.fullmatch(spec.back.strip()):
        penalty += LABEL_HIDDEN_PENALTY  # 'Leibniz? -> 1646-1716': a life's or a work's dates
    if spec.kind == "qa" and lexicon.EXAMPLE_OPENING.match(attribute):
        penalty += WORKED_PENALTY  # 'e.g. HCl + NaOH?' -> 'NaCl + H2O': an example's detail
    if spec.kind == "qa" and compared_title(spec.asked_as or spec.front):
        penalty += LABEL_HIDDEN_PENALTY  # 'REST API vs WebSocket API — max size?': of which?
    if spec.kind in ("qa", "enumeration") and personal_label(asked):
        penalty += WORKED_PENALTY  # 'Quicksort — in our implementation?': the author's set-up
    return penalty


# An answer that only says where to read something: a book's section, a chapter, a page, a
# slide ('in Section 21.3 of CLRS', 'see CLRS 21.1', 'see chapter 4', 'p. 212'); a bare
# 'CLRS 21.1' reads as a measure does ('INR 2.5'), so it stays.
_REFERENCE_ONLY = re.compile(
    r"\W*(?:(?:in|see)\s+)?(?:(?:section|sections|chapter|ch\.|§|page|pages|p\.|pp\.|slide"
    r"|slides|lecture)\s*[\d.–-]+(?:\s+(?:of|in)\s+(?:the\s+)?\S+)?|(?:in|see)\s+(?-i:[A-Z]{3,})\s+\d+(?:\.\d+)+)\W*",
    re.I,
)

# A lifespan or a list of years and nothing else ('1646-1716', '2016, 2017'): a person's dates
# or a citation's, which REVIEW.md calls a non-fact; one year alone ('signed? -> 1648') stays.
_YEAR = r"(?:c\.\s*)?1\d{3}|20\d{2}"
_YEARS_ONLY = re.compile(rf"(?:{_YEAR})(?:\s*(?:[-–—]|,|and)\s*(?:{_YEAR}))+")
# A line cut where it went on: it ends on a conjunction or a comma ('… are executed, or',
# 'neurological tests, but').
_DANGLING = re.compile(
    r"(?:,|\b(?:and|or|but|because|than|e\.g\.|of|results in"
    r"|such as|leads to|due to))\s*$",
    re.I,
)
_DANGLING_LONGEST = len("results in")  # the longest word _DANGLING ends on


def _dangling(text: str) -> bool:
    """_DANGLING of the text's last words only: the pattern ends at the text's end, spaces
    aside, so a match lies in its last `_DANGLING_LONGEST` letters (one more, for the word
    boundary before them); a whole paragraph is not searched position by position."""
    return _DANGLING.search(text.rstrip()[-_DANGLING_LONGEST - 1 :]) is not None


# A line about a figure, a table or code the card does not show ('This table shows …', 'The
# figure below …', 'Left: an undirected graph').
_SHOWN_ELSEWHERE = re.compile(
    r"\b(?:this|the following|the above|the below|above|below|following)\s+"
    r"(?:table|figure|diagram|picture|image|chart|graph|code|program|output|screenshot|slide)s?\b"
    r"|^(?:left|right|top|bottom|above|below)\s*:"
    # a figure's colours ('the purple term', 'the red box'; a red node is a tree's own term)
    r"|\b(?:red|green|blue|purple|orange|yellow|pink)\s+(?:term|box|arrow|region|area|circle"
    r"|highlight|text|underline|shading)s?\b",
    re.I,
)
# A word each branch of _SHOWN_ELSEWHERE needs, in lower case (`prompts.may_hold`): what is
# shown elsewhere, where on the page, or a colour. Keep in step with the pattern.
_SHOWN_ELSEWHERE_NEEDS = (
    *("table", "figure", "diagram", "picture", "image", "chart", "graph", "code", "program"),
    *("output", "screenshot", "slide", "left", "right", "top", "bottom", "above", "below"),
    *("red", "green", "blue", "purple", "orange", "yellow", "pink"),
)


def _shown_elsewhere(front: str) -> bool:
    return may_hold(front, _SHOWN_ELSEWHERE_NEEDS) and _SHOWN_ELSEWHERE.search(front) is not None


# A cloze whose subject is a pointer to the line before ('It can be used in …', 'This
# allows …', 'They are …'): the thing it says something of is not on the card.
_POINTER_OPENING = re.compile(
    r"(?:it|this|these|they|those|that|such|he|she|his|her)\b(?!\s*[-–—:])"
    # 'It is important to …' is no pointer, nor 'Those with …', 'Those who …'
    r"(?!\s+(?:is|was)\s+(?:\w+\s+)?\w+\s+(?:to|that|for)\b)(?<!those)"
    r"|those\b(?!\s+(?:with|who|without|in|on|at|over|under|aged)\b)",
    re.I,
)
POINTER_PENALTY = 0.2
# A found blank (0.6) held back; a name the author emphasised (0.75) stays: they marked it.
PREDICTED_PENALTY = 0.2
ASIDE_PENALTY = 0.2  # a found blank held back; an emphasised one (the author's own) stays
_COMPARED = lexicon.COMPARISON_OPENERS
_COUNTED = re.compile(r"^\s*[(\[]?[a-z]{3,}")  # '[…] chromosomes': the number counts something


SMALL_COUNT_PENALTY = 0.3  # from a cloze's 0.75: held back
_SMALL_COUNT_WORDS = frozenset({"one", "two"})
# Who does something, named as anyone would: hiding it asks for the first guess.
_PEOPLE_WORDS = frozenset(
    "user users people person patient patients student students customer customers client"
    " clients individual individuals someone somebody everyone anyone".split()
)
_CONDITION_OPENING = re.compile(r"^[\s*_]*(?:if|when|whenever|unless|once)\b", re.I)
MAX_BARE_CONDITION_WORDS = 8


def _bare_condition(front: str) -> bool:
    """'if object is > […]', 'When the pH drops below […]': a line that only states a
    condition, what follows from it cut off (after an arrow, on the next line)."""
    if not _CONDITION_OPENING.match(front):
        return False
    words = front.replace("[…]", "x").split()
    return len(words) <= MAX_BARE_CONDITION_WORDS and not re.search(r"[,;:→]|\bthen\b", front)


def _shouted(front: str) -> bool:
    """A line written in capitals ('NICHOLSON 2019 IS THE CELL REALLY A MACHINE'): a title or a
    heading typed as one, not a sentence. Acronyms and keywords alone do not count ('AWS EC2
    VPC', 'SELECT, INSERT, UPDATE'): four words at least, two of them small words of English."""
    words = re.findall(r"[A-Za-z]{2,}", front.replace("[…]", " "))
    if len(words) < 4 or not all(w.isupper() for w in words):
        return False
    return sum(w.lower() in lexicon.ENGLISH_STOP_WORDS for w in words) >= 2


# A count in words beyond two, asked where it only counts what the note lists or shows
# elsewhere: after 'all' or 'the other' ('Plants fail all […] neurological criteria'), or in a
# line with no subject of its own ('Has […] components, each of which is connected').
_LISTED_COUNT_WORDS = frozenset(
    "three four five six seven eight nine ten eleven twelve dozen hundred".split()
)
_ALL_OF = re.compile(r"\b(?:all|the other)\s*$", re.I)
# A bound on a count is a rule ('can only have […] role', 'at most […] per table', 'one or […]').
_BOUNDED = re.compile(
    # ('not just […]', 'more than just […]' say 'several', no bound)
    r"\b(?:only|exactly|(?<!not )(?<!than )just|at most|at least|up to|no more than)\b"
    r"(?:\s+[\w'’]+){0,2}\s*$"
    r"|\bor\s*$",
    re.I,
)
# What makes a small count a measure: a range or a time ('[…] to five years', '[…] weeks').
_MEASURED = re.compile(
    r"\s*(?:(?:to|or|-|–)\s+\w+|(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?|centuries|times|doses?)\b)",
    re.I,
)


def _cloze_signs(spec: CardSpec, answer: str) -> float:
    penalty = 0.0
    hidden = answer.strip(" *_:")
    head, _, tail = spec.front.partition("[…]")
    definition = spec.front.startswith("[…]:")
    label = re.sub(r"\s*\([^)]*\)", "", hidden).strip()
    label_words = re.findall(r"[a-z]+", label.lower())
    if definition and re.match(r"[<>≤≥=]", hidden):
        penalty += LABEL_HIDDEN_PENALTY  # '[…]: cannot use ELISA' hiding '< 18 mo': a condition
    if re.search(r"(?<![\w*])_[A-Za-z]_|(?<![\w*])\*[A-Za-z]\*(?=\w)", answer):
        penalty += LABEL_HIDDEN_PENALTY  # '_A_rticular …': a mnemonic's letter, the key shown
    if re.search(r"\(\s*\[…\]\s*\)", spec.front):
        penalty += ASIDE_PENALTY  # '… with the role ([…])': the blank is only an aside
    if re.match(r"(?:→|⇒|->|=>|•)", hidden):
        penalty += LABEL_HIDDEN_PENALTY  # '→ Possible': an arrow and a label, not a term
    if (
        local_reference(hidden)
        or named_by_position(label)
        or (label_words and all(w in lexicon.ARGUMENT_LABELS for w in label_words))
    ):
        penalty += LABEL_HIDDEN_PENALTY  # 'Case 3 (grey): …', 'Analogy: …'
    if not definition and spec.front.rstrip(" *").endswith(":") and len(tail.strip(" :*")) < 25:
        penalty += LEAD_IN_PENALTY  # 'Causes of […] include:'
    if re.fullmatch(r"\d+", hidden) and re.search(rf"[A-Za-z]{hidden}\b", f"{head} {tail}"):
        penalty += ECHO_PENALTY  # 'receptor […] (FGFR3)': the name beside it says the number
    if (
        hidden.lower() in _SMALL_COUNT_WORDS
        and not definition
        and not _MEASURED.match(tail)
        and not _BOUNDED.search(head)
    ):
        # 'Conditions and handlers are […] related components', 'compare […] neighbouring
        # bits': 'one' or 'two' in words is the first guess and seldom the point (the blind
        # reviews: 13 of 16 such clozes junk, none of 'one' good); a count in digits, a range
        # or a time ('[…] to five years') is a measure
        penalty += SMALL_COUNT_PENALTY
    if (
        hidden.lower() in _LISTED_COUNT_WORDS
        and not definition
        and not _MEASURED.match(tail)
        and not _BOUNDED.search(head)
    ):
        opener = head.split()[0].lower() if head.split() else ""
        if _ALL_OF.search(head) or opener in lexicon.FINITE_VERBS:
            penalty += SMALL_COUNT_PENALTY
    if _shouted(spec.front):
        penalty += LABEL_HIDDEN_PENALTY  # '[…] IS THE CELL REALLY A MACHINE': a title in capitals
    if not definition and _bare_condition(spec.front):
        penalty += CONTINUES_PENALTY  # 'if object is > […]': a condition, its consequence cut
    if not definition and hidden.lower() in _PEOPLE_WORDS:
        penalty += SMALL_COUNT_PENALTY  # '[…] sign in to Amazon …' hiding 'Users': anyone's word
    number = _count_of(hidden)
    if number is not None and not definition:
        # the items counted, after a colon ('[…] types: central and nephrogenic'), in an
        # aside ('display […] variables (x, y, hue)') or between dashes ('[…] registers — PC,
        # HI, LO —')
        listed = (
            re.match(r"\s*[\w -]{0,30}?:\s*(?P<list>[^.;]+)", tail)
            or re.match(r"\s*[\w -]{0,30}?\((?P<list>[^()]+)\)", tail)
            or re.match(r"\s*[\w -]{0,30}?[—–]\s*(?P<list>[^—–.;]+)", tail)
        )
        if listed and len(_items(listed.group("list"))) == number:
            penalty += COUNT_SHOWN_PENALTY
        else:
            shown = [
                w
                for w in re.findall(r"[a-z']+", f"{head} {tail}".lower())
                if w not in lexicon.STOP_WORDS
            ]
            counts = _COUNTED.match(tail) and tail.split()[0].lower() not in lexicon.STOP_WORDS
            per_unit = re.match(r"/[A-Za-zµμ]", tail)  # 'PMNs >[…]/mm3': a measure, not a count
            if not counts and not per_unit and len(shown) <= MAX_BARE_NUMBER_WORDS:
                penalty += BARE_NUMBER_PENALTY
    if not definition:
        penalty += blank_penalty(spec.front, hidden)  # a vague word, a list member, an author
    if ACRONYM_WORD.fullmatch(hidden) and not definition:
        if _spelled_in(hidden, f"{spec.context} {head} {tail}"):
            penalty += ECHO_PENALTY  # 'CF' under 'CloudFormation'
    elif " " in label and any(
        spells(token, label) for token in _ACRONYM_SHOWN.findall(f"{spec.context} {tail[:12]}")
    ):  # (the words hidden without their aside: 'Spinal epidural abscess (SEA)' under 'SEA')
        penalty += ECHO_PENALTY  # 'a separate […]' hiding 'Availability Zone' after 'Multi AZ'
    elif (
        " " in hidden
        and re.sub(r"\s+", "", hidden).lower()
        in re.sub(r"\s+", "", spec.context).lower().split("·")[-1]
    ):
        penalty += ECHO_PENALTY  # 'CPU Utilization' under 'CPUUtilization'
    elif _named_by_context(hidden, spec.context):
        penalty += ECHO_PENALTY  # 'Amazon ES' under 'Amazon ElasticSearch Service'
    elif not definition and _context_opens(label, spec.context):
        penalty += ECHO_PENALTY  # '[…] is a vasculitis' hiding 'Kawasaki disease' under 'Kawasaki'
    elif definition and _gloss_spells(label, tail):
        penalty += GLOSS_ECHO_PENALTY  # '[…]: share portfolios across accounts' hiding 'Sharing'
    return penalty


MIN_SHARED_PREFIX = 4  # letters two words share when one is a form of the other
MAX_FORM_ENDING = 4  # letters a form adds or drops at the end ('share' in 'sharing')


def _gloss_spells(term: str, gloss: str) -> bool:
    """A definition whose meaning repeats every word of its term, as itself or in another form
    ('Sharing: share portfolios …', 'R-type instructions: short for register-type
    instructions', 'Counter: counts hashable items'): the meaning says the answer. Not 'Primary
    key: the key that identifies a row' nor 'Cache key normalization: … an optimal cache key',
    whose point is the word the meaning lacks."""
    parts = [
        p.lower()
        for w in re.findall(r"[A-Za-z][\w'’]*", term)
        for p in _CAMEL.findall(w)
        if len(p) >= 3 and p.lower() not in lexicon.STOP_WORDS
    ]
    said = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", gloss)}
    if not parts or not said:
        return False

    def shown(part: str) -> bool:
        need = max(MIN_SHARED_PREFIX, len(part) - MAX_FORM_ENDING)
        if len(part) < need:
            return part in said
        return any(w[:need] == part[:need] for w in said)

    return all(map(shown, parts))


def _context_opens(hidden: str, context: str) -> bool:
    """The context shows every word of the hidden term but a class noun ('Lynch' over 'Lynch
    syndrome', 'Kawasaki' over 'Kawasaki disease'), or the start of a word ('Infectious Mono'
    over 'Infectious mononucleosis'): the card names what it asks. Not 'DNA Replication' over
    'DNA ligase', nor 'Process relationships' over 'process ID': the word the context lacks
    is the card's point."""
    words = [w for w in re.findall(r"[a-z0-9@]+", hidden.lower()) if w not in lexicon.STOP_WORDS]
    shown_words = re.findall(r"[a-z0-9@]+", context.lower())
    if not words or not shown_words:
        return False
    shown = content_stems(context)

    def said(word: str) -> bool:
        return content_stems(word) <= shown or any(
            len(s) >= 3 and word.startswith(s) for s in shown_words
        )

    named = [w for w in words if w not in lexicon.NAME_HEAD_NOUNS]  # ('fever' alone: no name)
    return bool(named) and all(said(w) for w in named)


def _named_by_context(hidden: str, context: str) -> bool:
    """A name of several words whose every word the context shows, as itself or spelled out
    when it is an acronym ('Amazon ES' under 'Amazon ElasticSearch Service', 'UN Security
    Council' under 'United Nations Security Council'): the heading says the answer in full."""
    words = hidden.split()
    if len(words) < 2 or not any(ACRONYM_WORD.fullmatch(w) for w in words):
        return False
    shown = {w.lower() for w in re.findall(r"[\w'’-]+", context)}
    return all(
        w.lower() in shown or (ACRONYM_WORD.fullmatch(w) and _spelled_in(w, context)) for w in words
    )


_ACRONYM_SHOWN = re.compile(r"\b[A-Z][A-Z0-9&]{1,5}s?\b")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _spelled_in(acronym: str, text: str) -> bool:
    """An acronym whose letters are the initials of consecutive words shown, a compound's
    parts too ('CF' in 'CloudFormation', 'VPC' in 'virtual private cloud')."""
    letters = acronym.rstrip("s").lower()
    words = _initialled_words(text)
    initials = "".join(w[0] for w in words)
    return len(letters) >= 2 and letters in initials and _starts_words(letters, words)


def _expands(acronym: str, meaning: str) -> bool:
    """A definition that opens on the words an acronym abbreviates ('[…]: virtual private
    cloud' hiding 'VPC'): the initials of what is shown are the answer."""
    letters = acronym.rstrip("s").lower()
    words = _initialled_words(meaning)
    return len(letters) >= 2 and "".join(w[0] for w in words[: len(letters)]) == letters


def _initialled_words(text: str) -> list[str]:
    """The words an acronym takes its letters from: a compound's parts too ('CloudFormation',
    'Epstein-Barr'), without the small words it skips ('of', 'the')."""
    return [
        p.lower()
        for w in re.findall(r"[A-Za-z][\w']*", text)
        for p in _CAMEL.findall(w)
        if p.lower() not in ("of", "and", "the", "for", "a", "an")
    ]


def _starts_words(letters: str, words: list[str]) -> bool:
    n = len(letters)
    return any("".join(w[0] for w in words[i : i + n]) == letters for i in range(len(words)))


def _count_of(hidden: str) -> int | None:
    """The number a cloze hides when it is a bare number, no unit: '3', 'two'."""
    if re.fullmatch(r"\d{1,3}", hidden):
        return int(hidden)
    words = lexicon.CARDINALS
    return words.index(hidden.lower()) if hidden.lower() in words else None


def _items(text: str) -> list[str]:
    return [i for i in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text) if i.strip()]


def _broken_items(back: str) -> bool:
    """Items that are pieces of one item: a letter or two ('G', 'A' of 'IgM / G / A'), a
    formula or a bracket opened in one and closed in another, an aside alone ('(more on this
    later)'), or two sentences run together ('strep usually. If recurrent')."""
    items = [line.lstrip("• ").strip() for line in back.splitlines() if line.strip()]
    for item in items:
        if item == "…":
            continue
        if len(re.sub(r"\W", "", item)) <= 1:
            return True
        if item.count("$") % 2 or item.count("(") != item.count(")"):
            return True
        if re.fullmatch(r"\(.*\)", item) or re.search(r"[a-z]\. [A-Z][a-z]", item):
            return True
        if re.search(r"(?:,|\b(?:and|or|but|then|so|because|which|that|the|of|to))\s*$", item):
            return True  # '• amount you borrow, and', '• Execute that, then': a sentence cut
    return False


def _cut_word(attribute: str, back: str) -> bool:
    """A row's name whose last word the cell has only as the start of a longer word
    ('gateway-stor' of 'gateway-stored'): the name was cut where two cells' wording parted."""
    words = re.findall(r"\w+", attribute.lower())
    if not words or len(words[-1]) < (1 if len(words) >= MIN_CUT_PHRASE else 3):
        return False  # a letter ends a long phrase cut short ('… present in t'), not a name
    last = words[-1]
    said = re.findall(r"\w+", back.lower())
    return last not in said and any(w.startswith(last) and len(w) > len(last) for w in said)


_LEAD_IN_COUNT = re.compile(
    r"(?:\d{1,2}|" + "|".join(lexicon.CARDINALS[2:]) + r")\s+(?P<noun>\w+)", re.I
)


def _lead_in_count(back: str) -> bool:
    """'3 phases', 'two main types': a count of kinds, the line that leads into a list."""
    m = _LEAD_IN_COUNT.fullmatch(
        re.sub(r"\b(?:main|major|distinct|different)\s+", "", back.strip(" .:"))
    )
    return m is not None and m.group("noun").lower() in lexicon.KIND_NOUNS


MIN_MEANING_WORDS = 4  # 'ataxia, cerebellar signs' is a detail of the topic, not what it is


MAX_CIRCULAR_EXTRA = 2  # content words a circular meaning adds to the name's own
_COPULA_SPLIT = re.compile(r"\s+(?:is|are|means|refers to)\s+")


def _circular(spec: CardSpec) -> bool:
    """A 'what is it?' back that says the name again with a word or two ('Hierarchical
    clustering' -> 'goal is to build a hierarchy of clusters'): no meaning to recall."""
    name = last_part((spec.asked_as or spec.front).rsplit("— what is it?", 1)[0])
    back = _ASIDE.sub(" ", spec.back)
    own = content_stems(name)
    # 'A normal vector to a plane is a vector perpendicular to it': the meaning is what follows
    # the copula, the name before it only its subject
    parts = _COPULA_SPLIT.split(back, maxsplit=1)
    if len(parts) == 2 and own <= content_stems(parts[0]):
        back = parts[1]
    said = content_stems(back)
    return len(own) >= 2 and own <= said and len(said - own) <= MAX_CIRCULAR_EXTRA


def _no_meaning(spec: CardSpec) -> bool:
    """The back of a 'what is it?' card that says no meaning: a few words that open with no
    article or defining verb ('Stress tests', 'From Week 4', '$(1,2)$'), unless they spell out
    the topic's acronym ('ALL' -> 'Acute Lymphoblastic Leukemia')."""
    words = spec.back.split()
    if len(words) >= MIN_MEANING_WORDS or not words:
        return False
    if words[0].lower() in lexicon.ARTICLES or words[0].lower() in ("defined", "refers", "means"):
        return False
    names = re.findall(r"[A-Z][A-Z0-9&]+s?", spec.context)
    return not any(spells(name, spec.back) for name in names)


def _property(spec: CardSpec) -> bool:
    """A 'what is it?' back that says something of the thing rather than what it is: a
    sentence with a subject of its own ('Traffic is shifted from one version …', said of
    something else the note names), a property ('most common in men over 40', 'usually
    caused by …', 'located near …', `lexicon.PROPERTY_OPENERS`), a count
    or a dose ('2 IV agents', '5 doses'), or notes in fragments ('abnormal exam. White plaque
    on the drum': a short first sentence that spells out no acronym of the topic)."""
    back = spec.back.strip()
    first = back.split(maxsplit=1)[0].lower() if back else ""
    sentences = re.split(r"(?<=[A-Za-z0-9)])\.\s+(?=[A-Z])", back)
    names = re.findall(r"[A-Z][A-Z0-9&]+s?", spec.context)
    if any(spells(name, sentences[0]) for name in names):
        return False  # 'DIC' -> 'Disseminated Intravascular Coagulation': its name in full
    if first in lexicon.PROPERTY_OPENERS or compared_property(back) or first[:1].isdigit():
        return True
    if len(sentences) >= 2 and len(sentences[0].split()) < _MEANING_SENTENCE:
        return True
    # a finite verb of its own ('Animals are mostly …'); 'Curve obtained by …' is a noun phrase
    finite = _OWN_VERB.intersection(w.lower() for w in back.split()[1:5])
    return bool(finite) and clause_meaning(back)


def _verb_first(back: str) -> bool:
    """A 'what is it?' back that opens on a verb, so says what to do with the thing or what it
    does, not what it is: a modal or 'has' ('can configure a bucket …', 'must be activated',
    'has lymphedema'), or an instruction or a predicate verb written in lower case ('use for
    renal failure', 'supports …'; capitalised, 'Set', 'Record' or 'Causes' may open a noun)."""
    words = back.split()
    if not words:
        return False
    first = words[0].strip(",;:")
    if first.lower() in lexicon.MODAL_VERBS or first.lower() in ("has", "have"):
        return True
    return first.islower() and first in _VERB_OPENERS


_VERB_OPENERS = lexicon.STEP_VERBS | lexicon.PREDICATE_VERBS
_MEANING_SENTENCE = 5  # words: a first sentence shorter than this, then more, is a note's fragments
_OWN_VERB = lexicon.SENTENCE_VERBS | lexicon.MODAL_VERBS | frozenset("has have had".split())


# A sentence cut where it went on: it ends on an article or a lead-in verb ('for items up to
# 4 KB, one unit equals', 'the causes include'); a capital 'A' ends a name ('vitamin A'), and a
# be-verb may end one ('what makes the body what it is').
_CUT_END = re.compile(r"(?:\b(?:the|an|equals|include|includes|including)|(?<![\w-])a)\s*$")
# No subject: a line that opens on its verb in lower case ('is consuming at least 500 mL a day'):
# the rest of its sentence is on the line before.
_VERB_FIRST = re.compile(r"(?:is|are|was|were|has|have|had)\b")
# A blank that is a whole sentence after another ('… co-infection is common. […]'): it hides a
# statement, not a term, and the front around it is the sentences before.
_SENTENCE_BLANK = re.compile(r"[.!?;]\s+\[…\]\s*[.!?]?\s*$")


def _cut_sentence(front: str, answer: str) -> float:
    """A cloze whose sentence is cut at either end, or whose blank is a sentence of its own."""
    if _CUT_END.search(front) or _VERB_FIRST.match(front):
        return CONTINUES_PENALTY
    if _SENTENCE_BLANK.search(front) and len(answer.split()) >= 3:
        return CONTINUES_PENALTY
    return 0.0
