"""The wording of prompts, shared by cards and questions, so a card and a question about one fact
say it the same way."""

from __future__ import annotations

import functools
import re

from . import lexicon
from .names import content_stems, generic_heading, name_key, names_itself, singular
from .numbers import number_values
from .quantities import find_quantities

MAX_CONTEXT_WORDS = 8  # a subheading longer than this is a sentence, not the name of a part


# Pure, and asked of the same few headings for every fact under them (80,000 calls at 1,000
# notes, from cards alone).
@functools.lru_cache(maxsize=1 << 16)
def context(topic: str, subheading: str) -> str:
    """What a question is about: 'AWS Lambda · limits' (the topic, and the last subheading unless
    it only repeats the topic)."""
    parts = [p.strip() for p in subheading.split(" › ")] if subheading else [""]
    while len(parts) > 1 and (
        (_long_part(parts[-1]) and not _asked_above(parts[-1])) or _connective(parts[-1])
    ):
        # 'Management › Give 3 L for every 1 L lost': the sentence says no aspect, the heading
        # it sits under still does; so does 'Natural motion › Instead', a line's connective
        parts.pop()
    sub = "" if _connective(parts[-1]) else parts[-1]
    # '? How does the control unit know where to go?' over 'Getting an input opcode': the line
    # answers the question above it, which is all that says what it is about
    asked = _asked_above(sub)
    if asked:
        sub = asked
    elif _long_part(sub):
        # A sentence that led into a list ('these events can be … including:'), or what is left
        # of a callout or a formula ('? for things that cannot …', '$ circles of radius 1').
        sub = ""
    else:
        sub = _part_name(sub)
    own = topic.rsplit(" › ", 1)[-1]  # 'Back Pain › Alarming symptoms' under 'Alarming symptoms'
    if not sub or name_key(sub) == name_key(own):
        return topic
    # a question is shown as it was asked, a sentence ('· How far can a branch jump?'); a
    # heading's words read on from the topic ('Mitosis · phases')
    return f"{topic} · {sub if asked else lower_first(sub)}"


def _connective(part: str) -> bool:
    """A parent line that only links its notes to what came before ('Instead', 'However', 'In
    other cases', 'Note', 'In general'): it names no part of the subject."""
    label = part.strip(" *_:,.").lower()
    if not label:
        return False
    return label in lexicon.CONNECTIVES or bool(_CASES.fullmatch(label)) or discourse_label(label)


_CASES = re.compile(r"(?:in|for)\s+(?:other|some|most|many|these|those|such|both|all)\s+cases?")


def _long_part(sub: str) -> bool:
    return len(sub.split()) > MAX_CONTEXT_WORDS or bool(sub and not sub[0].isalnum())


MAX_ASKED_CONTEXT_WORDS = 12
ASKED_MARK = re.compile(r"^[?❓]\s*")  # '? Which gate …': a question the note asks


def _asked_above(sub: str) -> str:
    """The question a parent line asks ('? How does X work?', 'Why use a heap?'), as a context
    shows it; '' when the line asks none."""
    asked = ASKED_MARK.sub("", sub).strip(" *_")
    words = re.findall(r"[\w'’-]+", asked.lower())
    if not asked.endswith("?") or not 3 <= len(words) <= MAX_ASKED_CONTEXT_WORDS:
        return ""
    if words[0] not in lexicon.QUESTION_WORDS:
        return ""
    return asked


def last_part(context: str) -> str:
    """What a context's last heading names ('Cells › Mitosis · phases' -> 'phases'): the
    card's own subject or aspect, not its parent's."""
    return re.split(r" › | · ", context)[-1].strip()


def named_entity(entity: str, kind: str) -> str:
    """A table's entity as a card or question names it: with what the table's corner says the
    entities are when its name alone does not say ('Mode r+', 'Register $5', 'Binary 100'),
    as it is otherwise ('UDP', 'Lambda', 'Stage II' under 'Stage')."""
    if not kind or not entity.strip() or names_itself(entity):
        return entity
    if unit := _KIND_UNIT.fullmatch(kind):
        return f"{unit.group('kind')} {entity} {unit.group('unit')}"  # 'Age 9 months'
    return f"{kind} {entity}"


_KIND_UNIT = re.compile(r"(?P<kind>[^()]+?)\s*\((?P<unit>[^()]+)\)")  # 'Age (months)'


def case_of(entity: str, home: str, above: str = "") -> str:
    """A table's entity that is a case or a group of the subject the table sits under, no
    topic and no name of its own ('Mild persistent', 'Age >50', 'Execute x'), as a card or a
    question names it: with that subject ('Asthma · Mild persistent'). '' for anything else: a
    name says what it is alone ('Crown Court', 'Amazon EC2', 'HHV-8'), and an entity that
    says its subject, or is said by it, needs no other. `home`: the subject as cards show it
    ('Paediatrics › Asthma'); its own name is used. `above`: what is shown over the entity
    already (a card's context), which may name the subject itself."""
    own = home.split(" › ")[-1].strip() if home else ""
    if not own or not entity.strip() or re.search(r"(?<=.)[A-Z]", entity):
        return ""
    if above and name_key(own) in name_key(above):
        return ""  # a table titled by its subject shows it above the card
    said, saying = content_stems(entity), content_stems(own)
    if not said or not saying or said <= saying or saying <= said:
        return ""  # 'Civil law' under 'Civil vs Criminal law', 'Severe asthma' under 'Asthma'
    return f"{own} · {entity}"


def _part_name(sub: str) -> str:
    """A parent line that leads into its lines is shown as the part it names, without its
    lead-in ('viral causes include' -> 'viral causes', 'each rule consists of' -> 'each rule',
    'other signs may' -> 'other signs');
    a line the author speaks in ('we have 4 types of volumes') or one still cut before what it
    led into ('if slow, check the metrics for') names no part, and the topic alone says more."""
    sub = lexicon.LEAD_IN_END.sub("", sub).strip(" ,;:")
    words = sub.split()
    if words and words[-1].lower() in lexicon.MODAL_VERBS:
        words = words[:-1]  # 'other symptoms may': the verb it led into is on the lines below
        sub = " ".join(words)
    if not words:
        return ""
    if words[0].lower() in lexicon.CONTEXT_SPEAKERS or words[-1] in lexicon.CONTEXT_DANGLING:
        return ""
    if clause_heading(sub):
        return ""
    return sub


def clause_heading(sub: str) -> bool:
    """A subheading written as a clause, not the name of a part: a finite verb after its first
    word ('streams can be configured with four views', 'German has four cases', 'when output
    is redirected'), or a sentence or question ended as one ('They differ in three ways.',
    'how?'). Shown as context it reads as a line of the note. (A bare condition, 'if', stays:
    it marks a worked case's givens, which the question generator reads off the context.)"""
    words = [w.lower().strip(",;:()") for w in sub.split()]
    if not words or words[0] in ("if", "e.g.") or lexicon.WORKED_PREMISE.match(sub):
        return False  # 'if the queue is full': a case's premise, which marks what follows
    if sub.rstrip().endswith("?"):
        return True
    if sub.rstrip().endswith(".") and len(words) >= 3:
        return True
    return any(w in lexicon.CONTEXT_CLAUSE_VERBS for w in words[1:])


# A file's place in a course at the start of a heading ('01 Cancer', '15 ENT'): not the subject.
_ORDINAL = re.compile(r"^\d{1,2}\s+(?=[A-Za-z])")


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of every fact's topic
def unnumbered(path: str) -> str:
    """A topic as a prompt shows it, without the order numbers files and headings carry
    ('08 Vaccines › Tetanus' -> 'Vaccines › Tetanus', '01 Cancer › Cancer' -> 'Cancer'): the
    number says where a note sits in its folder, not what it is about. Cards and questions
    both show topics so."""
    parts: list[str] = []
    for part in path.split(" › "):
        part = _ORDINAL.sub("", part.strip()) or part.strip()
        if not parts or part.casefold() != parts[-1].casefold():
            parts.append(part)
    return " › ".join(parts)


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of the same labels and headings often
def lower_first(text: str) -> str:
    """Sentence case for a phrase inside a question: 'Event Source Mapping' -> 'event source
    mapping', while names keep their capitals ('AWS', 'SnapStart', 'CloudFront'). A capital
    letter alone is a name too ('vitamin A', 'B and T cells', 'DNS record types — A?'), but
    for an article opening a phrase ('A reason to …')."""
    words = text.split(" ")
    return " ".join(
        w
        if (len(w) > 1 and (w[1:].lower() != w[1:] or w.isupper()))
        or (len(w) == 1 and w.isupper() and (w != "A" or i > 0 or len(words) == 1))
        else w.lower()
        for i, w in enumerate(words)
    )


def repeats(question: str, answer: str) -> bool:
    """An answer whose every meaningful word is already in the question teaches nothing."""
    answer_stems = content_stems(answer)
    return not answer_stems or answer_stems <= content_stems(question)


def gives_away(question: str, answer: str) -> bool:
    """A number answer the question already says, in digits or words ('… run half at a time?'
    -> '50%', '… twice?' -> '2', '… a dozen?' -> '12'), or a quantity it states ('… 15-minute
    limit?' -> '900 s'). Only the numbers count: an answer's other words are `repeats`'s."""
    quantities = [q for q in find_quantities(answer) if q.unit]
    if quantities:
        said = {q.key() for q in find_quantities(question)}
        return all(q.key() in said for q in quantities)
    wanted = number_values(answer)
    if not wanted or len(content_stems(answer)) > len(_numbers_only(answer)) + 1:
        return False  # a phrase around a number ('Java 11 and above') is more than the number
    return bool(wanted & number_values(question))


def _numbers_only(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)?", text)


# The characters besides ASCII letters that an ASCII letter matches when case is ignored
# (dotted and dotless i, the long s, the Kelvin sign).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def may_hold(text: str, needles: tuple[str, ...]) -> bool:
    """False only when `text` holds none of `needles` (lower-case ASCII) in any case: a
    case-insensitive pattern that needs one of them cannot match it, so it need not be
    searched (a regular expression tried at every position costs far more than these
    substring tests). A text with a character that folds to an ASCII letter is always True."""
    if _FOLDS_TO_ASCII.search(text):
        return True
    lowered = text.lower()
    for needle in needles:  # (a loop: a generator costs more than the tests)
        if needle in lowered:
            return True
    return False


# A note app's list marker: one symbol, then a space, then the line ('& Insertion keeps …',
# '! Two differences: …', '? How to encode …', '$ There are other …'), which some Obsidian
# themes draw as a coloured bullet. It is no part of the sentence.
# A '%' or '$' before a word in lower case is the note's own ('% change in price' is a change
# in per cent), so those two are markers only before a capital, a bracket or a mark.
# (an arrow opening a line, '→ Subtraction can be …', marks it as following from the one above)
_LIST_MARKER = re.compile(
    r"^(?:[&!?@~]\s+(?=[A-Za-z0-9(\[*_`])|[%$]\s+(?=[A-Z0-9(\[*_`])|(?:→|->|=>|⇒)\s+(?=\w))"
)


# Pure, and asked of the same texts again and again (370,000 calls at 1,000 notes).
@functools.lru_cache(maxsize=1 << 18)
def tidy(text: str) -> str:
    """Spaces collapsed, stray punctuation off the ends, a leading list marker off; a leading
    dot that starts a name stays ('.NET', '.env'). Bold marks Markdown did not read ('a
    **rapid pulse **with …': a space inside the closing mark) are the note's typing, not its
    text; a single '**' ('char **argv') is code and stays."""
    if text.count("**") >= 2 and "`" not in text:
        text = text.replace("**", "")
    text = re.sub(r"\s+", " ", text).strip(" ;,").rstrip(" .;,")
    text = _LIST_MARKER.sub("", text)
    return re.sub(r"^[\s.;,]+(?![A-Za-z0-9])", "", text).strip()


_POSITIONS = frozenset(
    "first second third fourth fifth last next previous another other former latter".split()
)
_PLAIN_HEADS = frozenset(
    "option options column columns row rows argument arguments way ways step steps point points"
    " part parts thing things one case cases type types kind kinds item items line lines".split()
)
# Treating whatever causes it: true of nearly anything, no answer to recall.
_UNDERLYING = re.compile(
    r"^\w+ing\s+(?:the|its|their|any)\s+(?:underlying|root|primary)\s+"
    r"(?:causes?|conditions?|disorders?|diseases?|problems?|issues?|etiology)\b",
    re.I,
)
_INDEXED_VARIABLE = re.compile(r"[A-Za-z](?:\[[^\]]{1,6}\]|_\{?\w{1,4}\}?)")


@functools.lru_cache(maxsize=1 << 16)  # pure; extraction asks it of every label and term
def cloze_term(term: str) -> bool:
    """A cloze answer is a term (a name, a noun phrase, a number), not a line's label
    ('Solution', 'Note'), a quote, a negation, a clause or a verb phrase ('use a pool')."""
    words = re.findall(r"[\w'’;]+", term.lower())
    if not words or len(words) > 6 or re.search(r"[.!?]$", term.strip()):
        return False
    if re.fullmatch(r"\^[\w-]+", term.strip()):
        return False  # '^dffdb9': an Obsidian block id, the line's anchor
    if len(words) <= 2 and words[0] in _POSITIONS and (len(words) == 1 or words[1] in _PLAIN_HEADS):
        return False  # 'second option', 'Second column': a place in a list, no term
    if _UNDERLYING.search(term):
        return False  # 'addressing the underlying conditions': what any treatment says
    if _INDEXED_VARIABLE.fullmatch(term.strip()):
        return False  # 'T[i]', 'x_1': a worked example's variable, named by the lines around it
    generic = lexicon.GENERIC_LABEL_WORDS | lexicon.ENGLISH_STOP_WORDS
    if all(w in generic for w in words):
        return False
    if re.search(r"[\"“”‘]|(?:^|\s)'|'(?:\s|$)", term) or words[0] in {"not", "no", "never"}:
        return False
    if lexicon.CLAUSE_WORDS.intersection(words):
        return False
    if len(words) > 1 and words[0] in lexicon.QUESTION_WORDS:
        return False  # 'What places all these systems …': a question's opening, no term
    if len(term.split()) > 1 and term.split()[0].lower() in lexicon.CIRCUMSTANCE_OPENERS:
        return False  # 'before environment creation': when something is done, not a term
    written = term.strip()
    # "use a connection pool" written in lower case opens with a verb; "Set theory" is a name.
    return not (len(words) > 1 and words[0] in lexicon.STEP_VERBS and written[:1].islower())


# Prepositions a label opens on when it says under what case ('in case of …', 'as a built-in
# algorithm', 'For Aurora'), read as such only before an article, a case or a name: 'For
# loop', 'In vitro fertilization' and 'Per capita income' are terms.
_CASE_PREPOSITIONS = frozenset(
    "as in at for with by from to unlike like via per under over within without after before"
    " during when if".split()
)
_CASE_NEXT = lexicon.ARTICLES | frozenset("case cases each every all some any".split())
# Degree words that make a label a comparison of its kind ('too high value', 'most advanced
# technique'), read as such when the rest is only a quality and a plain noun, not a term
# ('Least significant bit', 'Most recently used').
_DEGREE_OPENERS = frozenset("too very more less most least".split())
_PLAIN_NOUNS = frozenset(
    "value values technique techniques method methods approach way option options thing things"
    " choice case cases one".split()
)
# Endings of a word that is an adverb ('entirely', 'manually'), not a noun ('assembly', 'family').
_ADVERB_ENDINGS = ("ely", "tly", "dly", "rly", "sly", "ally", "fully", "ously", "ively", "ntly")
_VERSUS = re.compile(r"\s(?:vs\.?|versus)\s", re.I)
_PROOF_PART = re.compile(
    r"(?:base\s+cases?|induct(?:ive|ion)\s+(?:step|hypothesis)|inductive\s+case)\b", re.I
)
_EVALUATIVE = frozenset("good bad best worst ideal poor great common typical usual".split())
_COMPARED_OPENING = re.compile(
    r"^(?:different|differs?|similar|same|compared)\s+(?:from|to|as|with)\b"
)


def term_label(term: str) -> bool:
    """A line's label that names a thing, to be asked for from its meaning ('Osmosis', 'KNN',
    'root volume'): a cloze term (`cloze_term`) that is no framing label (`framing_label`)."""
    return cloze_term(term) and not framing_label(term) and not generic_heading(term)


def framing_label(term: str) -> bool:
    """A label that says under what case or how ('in case of AWS ALB', 'as a built-in
    algorithm', 'too high value', 'most advanced technique', 'different from object
    detection', 'Remove features entirely'), not what a thing is called: a learner cannot
    name it back from its meaning."""
    written = term.split()  # ('On-demand backups' opens on a word of its own)
    words = [w.lower() for w in written]
    if term.rstrip().endswith(("…", "...")):
        return True  # 'Good argument for…': a label the line finishes, no name
    if len(words) < 2:
        return False
    if _VERSUS.search(term):
        return True  # 'Shifts vs movements': two things told apart, no one thing's name
    if _PROOF_PART.match(term):
        return True  # 'Base case (h = 0)', 'Inductive step': a part of a proof, no name
    if words[0] in _EVALUATIVE and singular(words[-1]) != words[-1]:
        return True  # 'Good candidates', 'Common mistakes': what is judged so, not a name
    if _COMPARED_OPENING.match(term.lower()) or _ACCORDING_TO.fullmatch(term.strip(" :*_")):
        return True  # (and 'According to Aristotle': who holds it, not what it is called)
    if words[0] in _CASE_PREPOSITIONS and (words[1] in _CASE_NEXT or written[1][:1].isupper()):
        return True  # 'in case of AWS ALB', 'as a built-in algorithm', 'For Aurora'
    more_of = len(words) == 2 and written[1].isupper()  # 'More RAM': more of a thing
    if words[0] in _DEGREE_OPENERS and (words[-1] in _PLAIN_NOUNS or more_of):
        return True  # 'too high value', 'most advanced technique', 'more RAM'
    last = words[-1].strip(".,;:()")
    return len(last) > 5 and last.endswith(_ADVERB_ENDINGS)  # 'Remove features entirely'


def usable_attribute(attribute: str) -> bool:
    """A name worth asking about: short, starting with a letter, no stray markup ('HTTP -eg')."""
    words = attribute.split()
    return (
        0 < len(words) <= 5
        and re.fullmatch(r"[A-Za-z][\w /&().'’@+-]*", attribute) is not None
        and " -" not in attribute
    )


def has_math(text: str) -> bool:
    """Formula markup the app shows as written ('$\\frac{a}{b}$', '$$x^2$$'), not '$20'."""
    return bool(lexicon.MATH_MARKUP.search(text))


def terse_label(attribute: str) -> bool:
    """A field label in shorthand ('pt', 'Tx'): asked alone it names nothing. An acronym in
    capitals ('CSF', 'BP') is a name, not shorthand."""
    label = attribute.strip(" *_:")
    return not label.isupper() and bool(lexicon.TERSE_LABEL.match(label.lower()))


def positional_label(attribute: str) -> bool:
    """A label that only says where its line stands ('second', 'option 2', 'column 3', 'first
    entry'): asked alone it names nothing the learner could know the answer by."""
    words = re.findall(r"[a-z0-9]+", attribute.lower())
    return bool(words) and all(w in lexicon.POSITION_WORDS or w.isdigit() for w in words)


RESTATED_EXTRA_WORDS = 2  # more words of its own than this, an answer says something new


def restates(attribute: str, answer: str) -> bool:
    """An answer that says its question again and little more: the asked label stands in it
    as written (its words in order, a longer form allowed: 'train' in 'training'), and it adds
    at most `RESTATED_EXTRA_WORDS` words ('policy templates?' -> 'a list of available policy
    templates', 'train?' -> 'training data folder'). 'Blood pressure?' -> 'the pressure of
    blood on vessel walls' explains the words, and 'treatment?' -> 'treat with penicillin'
    names the drug; a number, a yes, a no or a 'not' says something of its own."""
    asked = [w for w in re.findall(r"[a-z]+", attribute.lower()) if w not in lexicon.STOP_WORDS]
    words = [w for w in re.findall(r"[a-z0-9]+", answer.lower()) if w not in lexicon.STOP_WORDS]
    if not asked or len(words) > len(asked) + RESTATED_EXTRA_WORDS:
        return False
    if lexicon.NEGATION.search(answer) or any(_has_digit(w) or w in lexicon.YES_NO for w in words):
        return False
    return any(
        all(_form_of(a, w) for a, w in zip(asked, words[i : i + len(asked)], strict=True))
        for i in range(len(words) - len(asked) + 1)
    )


def _form_of(label: str, word: str) -> bool:
    """'train' -> 'training'; a two-letter label is an acronym ('EU' is not 'European')."""
    return word == label or (len(label) >= 3 and word.startswith(label))


def _has_digit(word: str) -> bool:  # '5xx', 'ec2', '1957': a code or a number of its own
    return any(c.isdigit() for c in word)


_ASKED = re.compile(r"—\s*(?P<attribute>[^—?:]+?)\s*[?:]")


@functools.lru_cache(maxsize=1 << 17)  # pure; the bank's weighing asks it of each prompt often
def asked_label(prompt: str) -> str:
    """The attribute a prompt asks ('Asthma — treatment?' -> 'treatment'), or ''."""
    found = list(_ASKED.finditer(prompt))
    return found[-1].group("attribute") if found else ""


ECHO_PREFIX = 6  # letters two words share at the start to be one word's forms ('diagnos-is/-ed')


def _long_words(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[a-z]+", text.lower())
        if len(w) >= ECHO_PREFIX - 1 and w not in lexicon.STOP_WORDS
    }


def echoed_share(question: str, answer: str, *, same_word: bool = True) -> float:
    """The share of the answer's words (of five letters or more) that the question repeats in
    some form: the same word ('Mood — appetite disturbance?' -> 'poor appetite'), or, with
    `same_word=False` only, another form of it sharing its first `ECHO_PREFIX` letters (a cloze
    on 'Huntington disease' whose front says 'the protein huntingtin'; 'Diagnosis' matched to
    '… best diagnosed by …'). Short words do not count: 'rectum'/'rectal' share four letters, as
    do unrelated words."""
    asked = _long_words(question)
    words = _long_words(answer)
    if not words:
        return 0.0

    def echoed(word: str) -> bool:
        if word in asked:
            return same_word
        stem = word[:ECHO_PREFIX]
        return len(word) >= ECHO_PREFIX and any(o[:ECHO_PREFIX] == stem for o in asked)

    return sum(map(echoed, words)) / len(words)


def echoes(question: str, answer: str, *, same_word: bool = True) -> bool:
    """Whether the question repeats any of the answer's words in some form (`echoed_share`)."""
    return echoed_share(question, answer, same_word=same_word) > 0


def discourse_label(attribute: str) -> bool:
    """A label that frames its line rather than names a thing (`lexicon.DISCOURSE_VERBS` and
    the rest): 'Given', 'Says', 'Intuitively', 'Similar to lab 6', 'In general', 'On the very
    left'. 'In children', 'For Descartes' and 'Below 10 mg' name whom or what they are about,
    so they stay."""
    label = attribute.strip(" *_:").lower()
    words = re.findall(r"[a-z0-9']+", label)
    if not words:
        return False
    if lexicon.COMPARISON_OPENERS.match(label):
        return True
    if len(words) == 1:
        word = words[0]
        return (
            word in lexicon.DISCOURSE_VERBS
            or word in lexicon.FREQUENCY_ADVERBS
            or (len(word) > 6 and word.endswith(lexicon.DISCOURSE_ADVERB_ENDINGS))
        )
    if words[0] in lexicon.DISCOURSE_VERBS and len(words) <= 2:
        return True  # 'Given that', 'Recall that'
    if len(words) == 2 and words[0] in ("more", "most", "less", "very", "quite", "put"):
        last = words[1]  # 'More specifically', 'Put simply', 'Most importantly'
        return last in ("simply", "differently") or (
            len(last) > 6 and last.endswith(lexicon.DISCOURSE_ADVERB_ENDINGS)
        )
    if words[0] in lexicon.DISCOURSE_PREPOSITIONS:
        rest = [w for w in words[1:] if w not in lexicon.ENGLISH_STOP_WORDS]
        return all(w in lexicon.DISCOURSE_OBJECTS or w in lexicon.POSITION_WORDS for w in rest)
    return False


def continues(sentence: str) -> bool:
    """A sentence that goes on from the line before it ('Which is the address of …',
    'Depending on what helps …'): cut off at a line break, it has no subject of its own."""
    first = re.match(r"[A-Za-z']+", sentence.strip(" *_"))
    if not first:
        return False
    word = first.group(0).lower()
    if word in lexicon.SUBORDINATE_OPENERS:
        return "," not in sentence  # 'Although X, Y' has its main clause after the comma
    return word in lexicon.CONTINUATION_OPENERS


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}s?")
_ACRONYM_SMALL_WORDS = frozenset("of and the for to in on a an by with".split())


def spells(acronym: str, phrase: str) -> bool:
    """An acronym whose letters are the initials of the phrase's words ('CMK', 'Customer
    Master Key'; small words such as 'of' may be skipped): shown the phrase, a learner reads
    the acronym off it."""
    acronym = acronym.strip(" *_:()")
    if not _ACRONYM.fullmatch(acronym):
        return False
    letters = acronym.rstrip("s").replace("&", "").lower()
    words = re.findall(r"[A-Za-z][\w'-]*", phrase)
    # a compound spelled with hyphens gives a letter a part: 'first-in-first-out' is FIFO
    parts = re.findall(r"[A-Za-z][\w']*", phrase.replace("-", " "))
    if len(parts) > len(words) and letters == "".join(p[0].lower() for p in parts):
        return True
    if not 2 <= len(words) <= len(letters) + 3:
        return False
    every = "".join(w[0].lower() for w in words)
    content = "".join(w[0].lower() for w in words if w.lower() not in _ACRONYM_SMALL_WORDS)
    if letters in (every, content):
        return True
    # an acronym among the words gives all its letters: 'process ID' is PID, 'web API' WAPI
    whole = "".join(_letters_given(w) for w in words if w.lower() not in _ACRONYM_SMALL_WORDS)
    return whole != content and letters == whole


def _letters_given(word: str) -> str:
    return word.lower() if _CAPITALS_WORD.fullmatch(word) else word[0].lower()


_CAPITALS_WORD = re.compile(r"[A-Z]{2,4}")


_LOCAL_REFERENCE = re.compile(
    r"\b(?P<noun>[A-Za-z]+)\.?\s+(?:\d+[a-z]?|[A-E])(?![\w.,:/-]*\d)(?=\W|$)"
)


def local_reference(text: str) -> bool:
    """Text that points at one numbered artefact of the note ('Graph 4 has 8 vertices', 'line
    10 needs', 'sentence 1', '(Choice D)', 'scenario 2'): what it says belongs to that
    walkthrough or example, which the card does not show. A capitalised name before the
    number ('Type 2', 'Phase 3', 'Article 5') is no artefact of this list."""
    if _PANELS.search(text) or _COLOURED_PART.search(text):
        # 'the tree in 7(a) becomes the tree in 7(b)', '(a) a PMOS and (b) an NMOS', 'any of
        # these pink edges': a figure's panels or its colour-coded parts
        return True
    return any(
        m.group("noun").lower() in lexicon.LOCAL_ARTEFACTS for m in _LOCAL_REFERENCE.finditer(text)
    )


# A figure's part named by its colour ('these pink edges', 'the blue line'). Not red, black,
# white or grey: a red-black tree's red node and a search's grey vertex are terms of their own.
_COLOURED_PART = re.compile(
    r"\b(?:blue|green|yellow|orange|purple|pink|highlighted|shaded|dotted|dashed)\s+(?:edges?|nodes?|vertex|vertices|lines?|arrows?|box(?:es)?|areas?|regions?"
    r"|dots?|points?|curves?|circles?|squares?|paths?|parts?|shapes?|cells? in the)\b",
    re.I,
)
# The panels of a figure: a number with its panel letter, or two panel letters in one line.
_PANELS = re.compile(r"\b\d+\([a-h]\)|(?:^|\s)\(a\)\s.*\s\(b\)\s")


def clause_meaning(meaning: str) -> bool:
    """A 'meaning' that is a sentence with a subject of its own ('France was nearly bankrupt
    after …', 'The Terror ended with …', 'AWS Step Functions has …'): what the line under a
    label says, not what the label means. A meaning is a noun phrase ('An enzyme in tears …',
    'a tough outer layer'), a predicate ('Should be avoided in …') or a condition ('When …')."""
    text = meaning.strip(" *_")
    words = text.split()
    if len(words) < 3 or words[0].lower() in _MEANING_OPENERS or not words[0][:1].isupper():
        return False
    for index, word in enumerate(words[1:5], start=1):
        bare = word.lower().strip(",;:()")
        if bare in _RELATIVE or re.search(r"[,(]", words[index - 1] + word[:1]):
            return False  # 'A tool that …', 'X, Y …': a noun phrase goes on
        if bare in _FINITE_VERBS:
            return True
        after = words[index + 1].lower() if index + 1 < len(words) else ""
        if bare.endswith("ed") and len(bare) > 4 and after in _PAST_PARTICLES and index <= 2:
            return True  # 'The Terror ended with …', 'Society divided into …'
    return False


_MEANING_OPENERS = frozenset(
    "a an one any when where if whenever while used using allows lets every each all no often"
    " usually typically commonly mostly mainly always never rarely sometimes also only".split()
)
_RELATIVE = frozenset("that which who whose whom where used".split())
_FINITE_VERBS = frozenset(
    "is are was were has have had can cannot will would does did must may might should could"
    " shall".split()
)
_PAST_PARTICLES = frozenset("with by in into on to from at after before".split())


def form_choices(answer: str) -> bool:
    """'yes/no', 'on / off', 'true or false': the alternatives a form field offers."""
    parts = [p for p in re.split(r"\s*(?:/|\bor\b|\|)\s*", answer.strip().lower()) if p]
    return len(parts) >= 2 and all(p in lexicon.FORM_CHOICES for p in parts)


_AUTHOR_PLAN = re.compile(
    r"\b(?:we|i|let['’]s|we['’]ll|i['’]ll|you['’]ll)\b(?:\s+[\w'’]+){0,3}?\s+"
    r"(?:talk|discuss|cover|revisit|introduce|mention|look at|go over|focus on)\b"
    # what a lecture did ('Talked about …', 'Went over …'), who talks about what
    r"|^(?:talked|discussed|covered|mentioned|went over|looked at)\b|\btalk(?:s|ed)? about\b",
    re.I,
)


# A word each of _AUTHOR_PLAN's branches needs, in lower case ('look' of 'look at', 'over' of
# 'go over' and 'went over'): most texts hold none, and are not searched. Keep in step.
_AUTHOR_PLAN_NEEDS = (
    "talk",
    "discuss",
    "cover",
    "revisit",
    "introduce",
    "mention",
    "look",
    "over",
    "focus",
)


def author_plan(text: str) -> bool:
    """The author saying what comes next ('we need to talk about gate delay', 'Let's look at
    heaps', "I'll cover this later"): a lecture's plan, not a fact of the subject."""
    return may_hold(text, _AUTHOR_PLAN_NEEDS) and _AUTHOR_PLAN.search(text) is not None


_COMPARED_PROPERTY = re.compile(
    r"(?:most|more|less|least)\s+\w+\s+(?:in|among|than|at|with|after|before|during|when|if)\b",
    re.I,
)


def compared_property(text: str) -> bool:
    """A phrase that compares its subject rather than names it ('most common in the 20-40 age
    group', 'less severe than trench foot'); 'Most common brain tumour in children' names what
    it is, a noun after its adjective."""
    return _COMPARED_PROPERTY.match(text.strip()) is not None


_REPORTED = re.compile(
    r"(?P<who>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,2})\s+(?P<verb>[a-z]+)", re.I
)


_ACCORDING_TO = re.compile(
    r"according\s+to\s+(?P<who>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,2})", re.I
)


def reported_question(label: str) -> str:
    """A label that reports what someone holds ('Walsh says', 'Hobbes argues', 'The court
    holds') asked as a question: 'what does Walsh say?'. '' for any other label. Who holds
    it must be named: a capitalised name, or 'the' and a noun ('the court')."""
    said = _ACCORDING_TO.fullmatch(label.strip(" :*_"))
    if said and (said.group("who")[:1].isupper() or said.group("who").lower().startswith("the ")):
        # 'According to Aristotle': who holds it, as 'Aristotle says' names them
        who = said.group("who")
        if who.lower().startswith("the "):
            who = who[:1].lower() + who[1:]  # 'The court' -> 'the court'; a name keeps its own
        return f"what does {who} say?"
    m = _REPORTED.fullmatch(label.strip(" :*_"))
    if m is None or m.group("verb").lower() not in lexicon.REPORTING_VERBS:
        return ""
    who, verb = m.group("who"), m.group("verb").lower()
    if not (who[:1].isupper() or who.lower().startswith("the ")):
        return ""
    if verb.endswith("ies"):
        base = verb[:-3] + "y"  # 'denies' -> 'deny'
    elif verb.endswith(("sses", "shes", "ches", "xes")):
        base = verb[:-2]
    else:
        base = verb[:-1]  # 'says' -> 'say', 'argues' -> 'argue'
    if who.lower().startswith("the "):
        who = who[:1].lower() + who[1:]  # 'The court' -> 'the court'; a name keeps its capital
    return f"what does {who} {base}?"


def opens_on_modal(text: str) -> bool:
    """A line opening on a modal or a negation ('cannot decrease storage', 'Should not be given
    with warfarin', 'not reversible'): it says what may or may not be, a property of many
    things, not what one thing is."""
    first = text.split(maxsplit=1)[0].lower().strip(",;:") if text.strip() else ""
    return first in lexicon.MODAL_OR_NEGATION_OPENERS


_LABEL_WORD = re.compile(r"[A-Za-z']+")


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of every fact's label
def personal_label(label: str) -> bool:
    """A label in which the author speaks ('In our implementation', 'What we use', 'My
    setup'): the note's own set-up of one example, not a thing the subject has. 'I' is left
    out (a numeral: 'Type I'), and so is a capitalised 'US' (a country)."""
    for word in _LABEL_WORD.findall(label):
        lowered = word.lower()
        if lowered in lexicon.PERSONAL_WORDS and lowered != "i" and not word.isupper():
            return True
    return False


# 'REST API vs WebSocket API', 'Mitosis versus meiosis': a heading that compares two things.
_COMPARED_TITLE = re.compile(r"\s(?:vs\.?|versus)\s", re.I)


def compared_title(front: str) -> bool:
    """Whether the topic a prompt is asked of ('API Gateway › REST API vs WebSocket API ·
    limits — max size?': its last topic before an aspect) compares things."""
    where = front.split(" — ", 1)[0] if " — " in front else ""
    topic = where.split(" · ", 1)[0].split(" › ")[-1]
    return bool(_COMPARED_TITLE.search(f" {topic} "))


# Participles whose 'to' leads into a verb ('used to detect fraud', 'designed to scale'): asked
# 'what is it used to do?'. Others take a thing ('attached to an instance').
_TO_DO_PARTICIPLES = frozenset(
    "used designed meant intended built made guaranteed configured required allowed able".split()
)
# A word ending in -s that names things, not a verb's -s form ('producers', 'requirements').
_NOUN_ENDINGS = ("ers", "ors", "ments", "tions", "sions", "ness", "ities", "ists")


def base_form(verb: str, *, particle: bool = False) -> str:
    """A verb's base form from its -s form ('supports' -> 'support', 'carries' -> 'carry',
    'reaches' -> 'reach', 'uses' -> 'use'), or '' when the word is no -s verb. Before a
    particle a word in -ers is a verb too ('refers to', 'differs from')."""
    if not verb.endswith("s") or verb.endswith("ss"):
        return ""
    if verb.endswith(_NOUN_ENDINGS) and not (particle and verb.endswith("ers")):
        return ""
    if verb == "has":
        return "have"
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return verb[:-2]
    return verb[:-1]


def verb_question(verb: str, rest: str) -> tuple[str, str] | None:
    """What a line saying what its topic does asks, as a question's verb and the words after
    its subject: 'supports' -> ('does', 'support'), 'integrated with' -> ('is', 'integrated
    with'), 'can be launched into' -> ('can', 'be launched into'), 'used to' (before 'detect
    fraud') -> ('is', 'used to do'). `rest` is what the line says after the verb. None when the
    phrase makes no question ('can be scaled', 'encrypted'): a verb with no particle of a
    passive asks no 'what'."""
    words = verb.lower().split()
    if not words:
        return None
    head, particle = words[0], words[-1] if len(words) > 1 else ""
    if head in lexicon.MODAL_VERBS:
        if (
            len(words) < 2
            or (words[1] == "be" or words[-1].endswith("ed"))
            and (particle not in lexicon.VERB_PARTICLES)
        ):
            return None  # 'might be phased', 'can be scaled'
        return head, " ".join(words[1:])
    participle = head.endswith("ed") or head in lexicon.IRREGULAR_PARTICIPLES
    if participle:
        if particle not in lexicon.VERB_PARTICLES:
            return None  # 'encrypted', 'required'
        first = rest.split()[0] if rest.split() else ""
        if particle == "to" and head in _TO_DO_PARTICIPLES and first.islower():
            if first not in lexicon.ARTICLES and first not in lexicon.ENGLISH_STOP_WORDS:
                return "is", f"{' '.join(words)} do"  # 'used to detect fraud'
        return "is", " ".join(words)
    base = base_form(head, particle=particle in lexicon.VERB_PARTICLES)
    if base:
        return "does", " ".join([base, *words[1:]])
    if len(words) > 1 and particle in lexicon.VERB_PARTICLES and not head.endswith("s"):
        return "does", " ".join(words)  # 'migrate to', 'belong to': a base form with its particle
    if len(words) == 1 and head in lexicon.RELATION_VERBS | lexicon.EFFECT_VERBS:
        return "does", head  # 'Kill infected cells', said of a plural topic: a base form
    return None


# The first words of a row named by what its entities do ('stands for', 'uses', 'runs on'): a
# question asks 'Which of these stands for …?', not 'has stands for: …'. Base forms besides the
# lexicon's relation and effect verbs; a copula or 'has' is one as it stands.
_ROW_VERBS = frozenset(
    "stand mean use run support require need contain include provide cause give produce return"
    " hear handle serve cover make take allow offer let hold".split()
)
_ROW_FINITE = frozenset("is are has have".split())


def which_has(row: str, value: str) -> str:
    """'has max memory: 10 GB', or 'stands for Infrastructure as a Service' for a row named by
    a verb: what follows 'Which of these' in a question asking which entity a value fits."""
    words = row.split()
    first = words[0].lower() if words else ""
    if first in _ROW_FINITE or _verb_s(first):
        return f"{lower_first(row)} {value}"
    return f"has {row}: {value}"


def _verb_s(word: str) -> bool:
    """'hears', 'handles', 'secretes': the -s form of a verb the lexicon knows."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    verbs = lexicon.RELATION_VERBS | lexicon.EFFECT_VERBS | _ROW_VERBS
    return word[:-1] in verbs or (word.endswith("es") and word[:-2] in verbs)
