"""Cards from the topic model: pure functions from facts and table cells to card specs.

Deterministic: the same facts give the same cards, with the same keys. Each card's key derives
from its fact's (or cell's) key, so history survives re-ingest. Rules, from the learner's side:
a question always carries its context (topic, subheading), and an answer never repeats the
question.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from studyapp.text import blanks, lexicon, prompts
from studyapp.text.formulas import MAX_ANSWER_FORMULA_CHARS, MAX_FORMULA_CHARS, readable
from studyapp.text.names import (
    abbreviates,
    asks_about_it,
    content_stems,
    generic_heading,
    generic_word,
    name_key,
    named_by_position,
    no_name,
    stable_key,
    too_short_to_name,
)
from studyapp.text.numbers import number_word
from studyapp.text.prompts import clause_meaning, last_part
from studyapp.text.quantities import first_quantity

MAX_ENUMERATION = 7
_BLANK = "[…]"


@dataclass(frozen=True)
class FactInput:
    key: str
    kind: str
    topic: str  # topic name
    subheading: str
    text: str
    subject: str
    attribute: str
    value: str
    items: tuple[str, ...]
    emphasis: tuple[str, ...]
    # the topic's parent topic: the context of a definition of the topic itself, which its
    # own name would give away ('### Lysozyme' then 'An enzyme in tears …')
    parent: str = ""
    lead: str = ""  # the sentences a pointing sentence needs before it (Fact.lead)


@dataclass(frozen=True)
class CellInput:
    comparison_key: str
    comparison_title: str
    entity: str
    attribute: str
    values: tuple[str, ...]  # one per distinct value the notes give
    # the row's name in the notes, which the card's key keeps when an instructor renames the row
    row_identity: str = ""
    entity_kind: str = ""  # what the table's entities are ('Mode'), `prompts.named_entity`
    # the subject the table sits under, as cards show it, for an entity with no topic of its
    # own ('Asthma' over 'Mild persistent'): `prompts.case_of`
    home: str = ""


@dataclass(frozen=True)
class CardSpec:
    key: str
    kind: str
    sibling_key: str
    context: str
    front: str
    back: str
    # How sure the generator is that a learner would keep this card (decks/quality.py); cards
    # below the threshold are kept as held-back suggestions, not dealt.
    quality: float = 1.0
    # Its fact is filed under an example or an exercise, however deep (the context line shows
    # only the last heading): what it asks is a detail of that example (decks.quality).
    worked: bool = False
    # A fallback that gives way to any other card of its topic with the same front (a
    # statement's 'X — what is it?' after a definition's), so an existing card keeps its key.
    yields: bool = False
    # The path-and-label front a question reworded as a teacher asks it had ('Measles —
    # treatment?' for 'How do you treat Measles?'): a table's cell asking the same is still
    # the same question, so the deck keeps one of them (decks.services).
    asked_as: str = ""
    # The front as the line wrote it, before an aside naming the hidden term was hidden with it
    # (`_with_gloss_hidden`): the card is judged both ways, and dealt only if both pass.
    unglossed: str = ""


_LITERAL = re.compile(r"[\"'“‘`][^\"'”’`]*[\"'”’`]|\S*[{}/\\_.][^\s]*")


def _literal(meaning: str) -> bool:
    """A quoted string or one code-like token ('"com.amazonaws.{region}.api"', '/etc/hosts'):
    a value written out, not words that say what a term means."""
    return _LITERAL.fullmatch(meaning.strip()) is not None


_TRAILING_ARROW = re.compile(r"\s*(?:->|=>|→|⇒)\s*$")
LONG_BACK = 20  # words: a back longer than this is a paragraph to read, not an answer to recall


def concise(value: str, emphasis: tuple[str, ...] = ()) -> str:
    """A long answer of several sentences cut to its first, which says what is asked ('auto
    encoders: a network that learns compact codings. There is a reduction side …' -> 'a network
    that learns compact codings'): the rest is the note's elaboration, and a learner keeping the
    card cuts it so. Kept whole when the first sentence is too short to answer alone or leads
    into what follows ('Two kinds:'), and when a term the note emphasises is only in the rest
    (the point of the line is there)."""
    if len(value.split()) <= LONG_BACK:
        return value
    parts = [p for s in blanks.sentences(value) for p in _RUN_IN_LABEL.split(s)]
    if len(parts) < 2:
        return value
    first = prompts.tidy(parts[0])
    if len(first.split()) < MIN_FIRST_SENTENCE or parts[0].rstrip().endswith(":"):
        return value
    if any(term and term not in first and term in value for term in emphasis):
        return value
    return first


# A line's next label run into the value with no full stop ('Software as a Service You
# manage: the data …', 'complete when posted Note: …'): where the next line began.
_RUN_IN_LABEL = re.compile(r"\s+(?=[A-Z][a-z]+(?:\s+[a-z]+)?:\s)")
MIN_FIRST_SENTENCE = 4  # words: 'Yes.' or 'Not quite.' answers nothing without what follows


def qa_card(fact: FactInput) -> CardSpec | None:
    """Key–value fact -> 'AWS Lambda · limits — maximum execution time?' / '900s (15 min)'."""
    attribute = prompts.tidy(fact.attribute)
    whole = _TRAILING_ARROW.sub("", prompts.tidy(fact.value))  # 'pip install it ->': it went on
    value = concise(whole, tuple(prompts.tidy(e) for e in fact.emphasis))
    if not prompts.usable_attribute(attribute) or not value or "://" in value:
        return None
    context = prompts.context(fact.topic, fact.subheading)
    if fact.subheading and name_key(attribute) == name_key(fact.subheading.split(" › ")[-1]):
        # 'Varicella › Prevention — prevention?': the line names its heading again; asked
        # under the topic alone it reads 'Varicella — prevention?'
        context = prompts.context(fact.topic, "")
    elif not fact.subheading and " › " in fact.topic:
        parent, _, own = fact.topic.rpartition(" › ")
        if name_key(attribute) == name_key(own):
            # 'Joint X-rays › Pseudogout — pseudogout?': the line is the topic's, under its parent
            context = parent
    # an answer cut to its first sentence may leave out what the line went on to say
    quality = TRIMMED_QUALITY if value != whole else 1.0
    value = _unlabelled(value, attribute)  # 'treatment? -> Treatment is rest': 'rest'
    if _other_expansion(attribute, value, fact.topic):
        return None  # 'LDA: Linear Discriminant Analysis' under Latent Dirichlet Allocation (LDA)
    if _names_topic(attribute, fact.topic) or (
        not fact.subheading and name_key(attribute) in _DEFINITION_LABELS
    ):  # "Lambda@Edge: functions in Node.js…", 'Definition: the energy needed to …'
        front = f"{context} — what is it?"
    elif reported := prompts.reported_question(attribute):  # 'Walsh says: …'
        front = f"{context} — {reported}"
    elif _equation(fact, attribute, value):
        front = f"{context} — {attribute} = ?"  # 'PV = nRT', 'F = ma': asked as the formula
    else:
        front = f"{context} — {prompts.lower_first(attribute)}?"
    if not value or prompts.repeats(front, value):
        return None
    # (decided on the path-and-label front, so the cards made are the ones made before)
    asked_as = ""
    if question := aspect_question(attribute, context, value):
        front, asked_as = question, front
    elif front.endswith("— what is it?") and prompts.spells(own := last_part(context), value):
        # 'SLE — what is it?' -> 'Systemic Lupus Erythematosus': what the letters stand for
        front, asked_as = f"What does {own} stand for?", front
    if value.endswith("?") and not prompts.reported_question(attribute):
        # 'low vs high variance? -> how close are our results?': the line asks, it answers
        # nothing
        quality = QUESTION_BACK_QUALITY
    if front.endswith("— what is it?") and (
        no_name(prompts.last_part(context)) or prompts.framing_label(prompts.last_part(context))
    ):
        # 'Min 1 to 5 — what is it?', 'Infectious — what is it?', 'Common permission mistakes
        # — what is it?': the heading names no thing, or what is judged so
        quality = UNNAMED_QUALITY
    if front.endswith("— what is it?") and _HEADLESS_RANK.match(value):
        # 'READ COMMITTED — what is it? -> The default in PostgreSQL': a rank with no noun says
        # which one it is, not what it is; the cloze '[…]: The default in PostgreSQL' asks it
        quality = UNNAMED_QUALITY
    key = stable_key("card", "qa", fact.key)
    return CardSpec(key, "qa", fact.key, context, front, value, quality=quality, asked_as=asked_as)


# 'The default in …', 'The most common of …', 'The first to …': a rank whose noun is left out.
_HEADLESS_RANK = re.compile(
    r"the\s+(?:\w+est|default|only|first|last|main|usual|standard|preferred|(?:most|least)\s+\w+)"
    r"\s+(?:in|of|for|on|at|to|among|with|when|after|before)\b",
    re.I,
)
_OPERATOR = re.compile(r"[+×÷*/^−]|\s[-–]\s")
_LETTERS = re.compile(r"[A-Za-z]{1,3}")  # 'nRT', 'PQ', 'ma': a product of quantities


def _equation(fact: FactInput, attribute: str, value: str) -> bool:
    """The line is nothing but 'symbol = formula' ('PV = nRT', 'E = mc^2', 'GDP = C + I + G'):
    asked as the formula, its left side a quantity's letters, not a word to lower-case. Not
    'EC2 = Elastic Compute Cloud' nor 'T1 = invasion of the submucosa': words, not a formula."""
    if len(attribute) > 5 or " " in attribute or not re.search(r"[A-Z]", attribute):
        return False
    symbols = _LETTERS.fullmatch(value) and (value != value.lower() or len(value) <= 2)
    if not _OPERATOR.search(value) and not symbols:
        return False
    line = prompts.tidy(fact.text)
    return re.fullmatch(rf"{re.escape(attribute)}\s*=\s*{re.escape(value)}", line) is not None


def _other_expansion(attribute: str, value: str, topic: str) -> bool:
    """The line spells out the topic's acronym as another thing ('LDA: Linear Discriminant
    Analysis' under 'Latent Dirichlet Allocation (LDA)'): the same letters, another name."""
    m = re.search(r"^(?P<long>.+?)\s*\((?P<short>[A-Z][A-Za-z0-9]{1,7})\)\s*$", last_part(topic))
    if m is None or attribute.strip() != m.group("short"):
        return False
    return prompts.spells(m.group("short"), value) and name_key(value) != name_key(m.group("long"))


# Labels that say the line defines its heading's term ('Definition: the energy needed …').
_DEFINITION_LABELS = frozenset({"definition", "def", "defn", "meaning"})


def _names_topic(attribute: str, topic: str) -> bool:
    """The label is the topic's own name: the whole of it, or its name or acronym either side
    of a bracket ('PED = % change …' under 'Price elasticity of demand (PED)')."""
    key = name_key(attribute)
    if key == name_key(topic):
        return True
    own = last_part(topic)
    m = re.fullmatch(r"(?P<name>[^()]+?)\s*\((?P<short>[^()]+)\)", own)
    return m is not None and key in (name_key(m.group("name")), name_key(m.group("short")))


TRIMMED_QUALITY = 0.65
UNNAMED_QUALITY = 0.4  # held back: 'what is it?' of a heading that is no name has no one answer
QUESTION_BACK_QUALITY = 0.4  # held back: an answer that is a question
MAX_SUBJECT_WORDS = 6  # a subject longer than this is a phrase of the note, not a name to ask of


def aspect_question(attribute: str, context: str, value: str = "") -> str:
    """A line filed under an aspect of its subject ('Measles — treatment?', 'Docker — used
    for?', 'Gout — tx?') asked as a teacher asks it, naming the subject: 'How do you treat
    Measles?', 'What can Docker be used for?' (`lexicon.ASPECT_QUESTIONS`). The subject is the
    context's own name: the topic, once parts that are aspects themselves are passed over
    ('Seizures · diagnosis and treatment' -> 'Seizures'). A subheading that qualifies it
    ('Pneumonia · in children') would be lost from a question about the topic, so such a card
    keeps its path-and-label front; so does a context that names no thing ('Step 2'), and a
    label whose `value` reads as its meaning (an article, then more words: the label is a
    term of the subject). '' when the label is no aspect."""
    template = lexicon.ASPECT_QUESTIONS.get(name_key(attribute))
    if template is None:
        return ""
    words = value.split()
    if name_key(attribute) not in lexicon.ASPECT_NAMINGS and len(words) >= MIN_MEANING_WORDS:
        if words[0].lower() in lexicon.ARTICLES:
            return ""  # 'Treatment: the condition a group is given': the label is a term here
    topic, _, sub = context.partition(" · ")
    if sub and not _aspect_part(sub):
        return ""
    parts = [p.strip() for p in topic.split(" › ") if p.strip()]
    while parts and _aspect_part(parts[-1]):
        parts.pop()
    if not parts:
        return ""
    subject = parts[-1]
    if len(subject.split()) > MAX_SUBJECT_WORDS or no_name(subject) or "?" in subject:
        return ""
    return template.format(x=subject)


def _generic_part(part: str) -> bool:
    """A heading that only sorts what is said of its subject ('Benefits', 'Use cases', 'Key
    features', 'Concepts'), unlike one that qualifies it ('Diagnosis': what is induced in a
    diagnosis of asthma is not what asthma is induced with)."""
    if asks_about_it(part):
        return True  # 'What it does', 'Where they mature': a question about the subject itself
    words = [w.rstrip("s") for w in name_key(part).split() if w not in ("and", "or", "&", "key")]
    joined = "-".join(words)
    return bool(words) and (
        joined in lexicon.GENERIC_ASPECTS or all(w in lexicon.GENERIC_ASPECTS for w in words)
    )


def _aspect_part(part: str) -> bool:
    """A heading that names an aspect of what is above it ('Diagnosis and treatment',
    'Workup', 'Pros and cons', 'Overview'), not a thing of its own."""
    key = name_key(part)
    aspects = lexicon.ASPECT_QUESTIONS.keys() | lexicon.ASPECT_HEADINGS
    if key in aspects or key.replace(" ", "-") in lexicon.GENERIC_ASPECTS:
        return True
    words = [w for w in key.split() if w not in ("and", "or", "&")]
    return bool(words) and all(w in aspects for w in words)


_BE = re.compile(r"\s*(?:is|are|was|were|:|-|–|—)\s+", re.I)


def _unlabelled(value: str, attribute: str) -> str:
    """An answer that opens by naming its label again ('Treatment: … — Treatment is high-dose
    steroids'): the label and its verb are the question, the rest the answer."""
    if not attribute or not value.lower().startswith(attribute.lower()):
        return value
    rest = value[len(attribute) :]
    be = _BE.match(rest)
    return rest[be.end() :].strip() if be and rest[be.end() :].strip() else value


SPLIT_SENTENCE_QUALITY = 0.45  # held back: the sentence's own cloze asks it whole
SPLIT_ALONE_QUALITY = 0.65  # no cloze asks the sentence: the split card stays, less sure
_BE_SPLIT = re.compile(r"\s+(?:is|are|was|were)\s+(?P<value>.+)", re.I)


def split_sentence(fact: FactInput) -> bool:
    """A key and a value read out of one sentence at its verb ('Oral is preferred, with 40 mEq
    …', 'Gout is most common in older men'): asked 'oral?' -> 'preferred, …' the card splits
    the sentence in two and its front asks nothing. A value that is a noun phrase ('Pedophilia
    is sexual gratification …', 'X is a tool …') is the key's meaning and stays a question."""
    if fact.kind != "key_value" or (said := _said_at_its_verb(fact)) is None:
        return False
    attribute = prompts.tidy(fact.attribute)
    first = said.group("value").split(maxsplit=1)[0].lower().strip(",;")
    if first in lexicon.DEFINING_PARTICIPLES:
        return False  # 'X is defined as …': the rest is what X means
    opener = attribute.split()[0].lower()
    if opener == "the":
        return True  # 'The normal platelet count is …': a sentence's subject, no line's label
    if fact.lead and opener in lexicon.BACK_REFERENCES:
        return True  # 'Its half-life is about 3 minutes' after what 'its' is: asked after it
    return (
        first in lexicon.PROPERTY_OPENERS
        or (first.endswith(("ed", "ly")) and len(first) > 4)  # 'preferred', 'minimally'
        or prompts.compared_property(said.group("value"))
        # 'All instructions are 32 bits long': a measure of the subject, which the sentence's
        # cloze asks ('… are […] long'); 'instructions?' asks nothing
        or first[:1].isdigit()
    )


_DIGIT = re.compile(r"\d")


def _said_at_its_verb(fact: FactInput) -> re.Match[str] | None:
    """A key-value read out of one sentence at its verb ('X is …', 'X are …'): the line says
    the key, then 'is', then the value (the match of what follows the key)."""
    text, attribute = prompts.tidy(fact.text), prompts.tidy(fact.attribute)
    if not attribute or not text.lower().startswith(attribute.lower()):
        return None
    return _BE_SPLIT.match(text[len(attribute) :])


def cloze_cards(fact: FactInput, *, trim: bool = True) -> list[CardSpec]:
    """Definitions hide their term; other facts hide each emphasised term (at most three).
    `trim=False` shows a definition's whole meaning, however long (`concise`)."""
    context = prompts.context(fact.topic, fact.subheading)
    if fact.kind == "definition" and fact.subject and fact.value:
        term = prompts.tidy(fact.subject)
        meaning = prompts.tidy(fact.value)
        if trim:
            meaning = concise(meaning, tuple(prompts.tidy(e) for e in fact.emphasis))
        # A table's word ('No entiendo', '¿Dónde está el baño?') is a term because the table
        # says so, whatever its shape.
        if not is_pair(fact) and not prompts.term_label(term):
            return []  # '[…]: overfitting' hiding 'too high value': a case, no term to recall
        if term.lower() in lexicon.PROCEDURE_FIELDS:
            return []  # '**Input**' over 'An array of n numbers': a field, asked forwards
        if _literal(meaning):
            return []  # 'service name = "com.example.api"': a value, no meaning to recall from
        front = f"{_BLANK}: {meaning}"
        if prompts.repeats(context, term) and fact.parent:
            context = prompts.context(fact.parent, "")  # the topic defined: asked in its parent
        if prompts.repeats(f"{context} {front}", term):  # the context line must not give it away
            return []
        key = stable_key("card", "cloze", fact.key, "term")
        # 'Financial crisis' over 'France was nearly bankrupt after …': a label over a line
        # with its own subject, not a term and its meaning (a table's pair is one as written)
        quality = CLAUSE_MEANING_QUALITY if not is_pair(fact) and clause_meaning(meaning) else 1.0
        if not is_pair(fact) and prompts.opens_on_modal(meaning):
            # 'Scalability: cannot decrease storage': what may or may not be done is said of
            # many things, so the term cannot be recalled from it (asked forwards it stays)
            quality = CLAUSE_MEANING_QUALITY
        spec = CardSpec(key, "cloze", fact.key, context, front, f"{term}: {meaning}", quality)
        return [spec]
    cards = []
    text = prompts.tidy(fact.text)
    for term in fact.emphasis[:3]:
        # '_Somatic type:_ The central theme …': the colon is the line's, not the term's
        term = prompts.tidy(term).rstrip(" :")
        # A term that is the whole line would leave nothing to answer from.
        if not term or term not in text or len(term) > 0.6 * len(text) or "://" in term:
            continue
        if not prompts.cloze_term(term):  # "[…]: use a pool" hiding "Solution" teaches nothing
            continue
        if text.startswith(term) and prompts.framing_label(term.rstrip(" :")):
            continue  # '**Base case (h = 0):** a tree of height 0 …': the line's label, no name
        shown = _sentence_of(text, term)
        front = shown.replace(term, _BLANK, 1)
        if prompts.repeats(f"{context} {front}", term):
            continue
        key = stable_key("card", "cloze", fact.key, name_key(term))
        cards.append(CardSpec(key, "cloze", fact.key, context, front, shown))
    return cards


CLAUSE_MEANING_QUALITY = 0.45  # held back: a suggestion, the statement's own cards stay


def _sentence_of(text: str, term: str) -> str:
    """The sentence of a paragraph that holds an emphasised term: a cloze asks one thing, and a
    paragraph around its blank is a page to read (held back as too long). A sentence that
    opens by pointing back ('It is caused by …') keeps the one before it (the paragraph, when
    it opens the paragraph: what it points at is not in the note); a term the sentence
    would be mostly made of, or one no sentence holds whole, keeps the paragraph."""
    parts = blanks.sentences(text)
    if len(parts) < 2:
        return text
    for index, sentence in enumerate(parts):
        if term not in sentence:
            continue
        if len(term) > 0.6 * len(sentence):
            return text
        first = sentence.split(maxsplit=1)[0].lower().strip(",")
        if first in lexicon.BACK_REFERENCES:
            # 'This patient's presentation suggests …' opening a paragraph points outside it
            return f"{parts[index - 1]} {sentence}" if index else text
        return sentence
    return text


MAX_STATEMENT_CARDS = 6  # a paragraph's sentences each may teach one thing; a page is not a fact
# How sure a statement's blank is by its shape: a number or a defined term is what the
# sentence is about; a subject before a verb more often is only its grammar.
_STATEMENT_QUALITY = {
    "number": 0.75,
    "term": 0.75,
    "state": 0.65,  # a default setting: one word of a few, still the fact
    "subject": 0.6,
    "object": 0.6,
    "named": 0.6,
}


_TAGS = re.compile(r"(?:^|\s)#[A-Za-z][\w/-]*")  # '#history/balkans': a note app's tag


def statement_cards(fact: FactInput) -> list[CardSpec]:
    """A plain sentence with no emphasis becomes a cloze on what it states: 'The Treaty of
    Westphalia was signed in […]' / '1648'. One blank per sentence (text.blanks), none when no
    blank is a term or a number worth asking."""
    context = prompts.context(fact.topic, fact.subheading)
    cards: list[CardSpec] = []
    keys = set()
    if lexicon.EXAMPLE_OPENING.match(fact.text):
        # 'e.g. CPI goes 200 → 210 means 5% inflation': a worked case of the line above; cut
        # into sentences its parts no longer say they are an example
        return cards
    # lists are asked only of a line that does not say it goes on ('…', 'etc.'): tidying
    # drops a trailing '…', so it is looked for in the line as written
    open_list = lexicon.OPEN_LIST_END.search(fact.text) is not None
    for index, sentence in enumerate(blanks.sentences(prompts.tidy(fact.text))):
        sentence = prompts.tidy(_TAGS.sub("", sentence))
        listed = None if open_list else blanks.verb_list(sentence)
        if listed and (card := _listed_card(fact, context, sentence, *listed)):
            cards.append(card)
            continue
        subject_list = None if listed or open_list else blanks.subject_verb_list(sentence)
        if (
            subject_list
            and (card := _subject_listed_card(fact, context, *subject_list, first=index == 0))
            and (card.key not in keys)
        ):
            keys.add(card.key)
            cards.append(card)  # 'What does the pancreas secrete? (three)'
            continue
        chosen = _statement_blank(fact, context, sentence)
        if chosen is None and (
            own := _own_definition(fact, context, sentence) or _named_last(fact, context, sentence)
        ):
            # the sentence defines its topic, which a cloze's context gives away: asked
            # forwards, 'X — what is it?', rather than hide a name in the meaning
            cards.append(own)
            continue
        if chosen is None or chosen[0].kind == "named":
            # a line saying what its topic does asks its verb ('— treated with?') rather than
            # hide a name in it and show little else
            if said := _predicate_card(fact, context, sentence):
                cards.append(said)
                continue
        if chosen is None:
            if said := (
                _topic_predicate_cloze(fact, context, sentence)
                or _relation_cloze(fact, context, sentence)
                or _law_statement(fact, context, sentence)
            ):
                cards.append(said)
            elif trends := trend_cards(fact, context, sentence):
                cards.extend(trends)
            elif said := _relation_cloze(fact, context, sentence, blanks.relation_adjective_blank):
                cards.append(said)
            elif said := _colon_list_card(fact, context, sentence):
                cards.append(said)
            elif said := _relation_cloze(
                fact, context, sentence, blanks.end_focus_blank, END_FOCUS_QUALITY
            ):
                if _heading_asks(fact.subheading, said.front):
                    said = replace(said, quality=HEADING_ASKED_QUALITY)
                cards.append(said)  # 'T cells mature in the […]': what the sentence ends on
            continue
        blank, front, shown_in = chosen
        term = blank.term
        key = stable_key("card", "cloze", fact.key, name_key(term))
        if key in keys:
            continue
        keys.add(key)
        quality = _STATEMENT_QUALITY[blank.kind]
        if len(sentence.split()) > 25:
            quality -= 0.1  # a long sentence hides its point among others
        if sentence[: blank.start].strip().lower() in ("", "a", "an", "the"):
            quality -= 0.05  # a blank that opens the sentence is asked with no lead-in
        cards.append(
            CardSpec(key, "cloze", fact.key, shown_in, front, sentence, quality=round(quality, 2))
        )
        if (agent := _agent_card(fact, shown_in, sentence, term)) and agent.key not in keys:
            keys.add(agent.key)
            cards.append(agent)  # 'assassinated on 28 June 1914 by […]': the line's second fact
        if len(cards) >= MAX_STATEMENT_CARDS:
            break
    return cards


AGENT_QUALITY = 0.6  # as sure as a name a sentence states: the agent of what it tells


def _agent_card(fact: FactInput, context: str, sentence: str, hidden: str) -> CardSpec | None:
    """A passive sentence's agent ('… was assassinated in Sarajevo by Gavrilo Princip') asked
    beside the sentence's own blank (a date, a place): who did it is a fact of its own."""
    agent = blanks.agent_blank(sentence)
    if agent is None or agent.term == hidden or hidden in agent.term or agent.term in hidden:
        return None
    front = sentence[: agent.start] + _BLANK + sentence[agent.start + len(agent.term) :]
    if prompts.gives_away(front, agent.term) or prompts.repeats(f"{context} {front}", agent.term):
        return None
    key = stable_key("card", "cloze", fact.key, name_key(agent.term))
    return CardSpec(key, "cloze", fact.key, context, front, sentence, quality=AGENT_QUALITY)


def _own_definition(fact: FactInput, context: str, sentence: str) -> CardSpec | None:
    """'A DB subnet group is a collection of subnets …' under 'DB subnet groups', with no
    parent topic to ask it in: the sentence defines the topic itself, which its context would
    give away as a cloze, so it is asked forwards as a note's own subject defined is: 'DB
    subnet groups — what is it?' / 'a collection of subnets …'."""
    defined = blanks.defined_meaning(sentence)
    if defined is None or not fact.topic:
        return None
    term, meaning = defined
    own = prompts.last_part(context)  # the topic's own name, not its parent's
    if name_key(own) in lexicon.INTRODUCING_HEADINGS:
        # 'Amazon Translate · general info': the heading introduces the topic above it
        own = prompts.last_part(fact.topic)
    named = content_stems(term)
    if " and " in own or not named or not named <= content_stems(own):
        return None  # 'Vector field is …' under 'Cells' is not its topic
    # 'A tort is a civil wrong …' under 'Tort Law', 'A vector field is …' under 'Visualizing a
    # vector field': a part of the topic's name defined, asked by its own name
    asked = "it" if named == content_stems(own) else _as_named(sentence, term)
    if prompts.repeats(context, meaning):
        return None
    if _points_back(meaning) or meaning.split()[-1].lower() in lexicon.BACK_REFERENCES:
        return None  # 'a machine that will do this': what it does is in another line
    if fact.parent and not prompts.repeats(prompts.context(fact.parent, ""), term):
        return None  # the cloze asks it in the parent topic
    sense = blanks.definition_sense(sentence)  # 'in a broad sense', 'as Mayr defines it'
    what = "what is it" if asked == "it" else f"what {asked}"
    front = f"{context} — {what}, {sense}?" if sense else f"{context} — {what}?"
    key = stable_key("card", "qa", fact.key, "what", name_key(term))
    quality = OWN_DEFINITION_QUALITY - (0.1 if len(meaning.split()) > 25 else 0.0)
    if _RANKING.match(meaning):
        quality = RANKING_QUALITY  # 'the most common cause of …' ranks it, says not what it is
    return CardSpec(
        key, "qa", fact.key, context, front, meaning, quality=round(quality, 2), yields=True
    )


# 'The process by which … is called photosynthesis', 'The graph of z = L(x, y) is the tangent
# plane at that point': what the sentence says first, then the name it gives it.
_NAMED_LAST = re.compile(
    r"^(?P<meaning>[A-Z][\w-]*\s.{12,}?)\s+(?:is|are)\s+"
    r"(?:(?:called|known\s+as|termed)\s+(?:(?:the|an?)\s+)?|(?:the|an?)\s+)"
    r"(?P<term>[^,;:()]+?)(?P<rest>\s+(?:at|in|for|near|on|when)\s[^,;:]+)?\s*\.?$"
)


_POINTING = re.compile(r"\b(?:this|these|those|it|remember|way)\b", re.I)


def _named_last(fact: FactInput, context: str, sentence: str) -> CardSpec | None:
    """A sentence that names its topic last, after saying what it is ('The process by which
    plants turn light into sugar is called photosynthesis' under 'Photosynthesis'): the
    context gives the name away as a cloze, so it is asked forwards, 'Photosynthesis — what is
    it?' / 'The process by which plants turn light into sugar'. Only the topic's own name:
    another name at the end is a cloze of its own."""
    m = _NAMED_LAST.match(sentence)
    if m is None or not fact.topic or _POINTING.search(m.group("meaning")):
        return None  # 'A great way to remember this is …': a tip about another line
    own = prompts.last_part(context)
    named = content_stems(m.group("term"))
    if not named or named != content_stems(own):
        return None
    meaning = m.group("meaning")
    if m.group("rest"):
        meaning = f"{meaning}, {m.group('rest').strip()}"  # '…, at that point': its condition
    if len(content_stems(meaning)) < 3 or _points_back(meaning):
        return None
    key = stable_key("card", "qa", fact.key, "what", name_key(m.group("term")))
    return CardSpec(
        key,
        "qa",
        fact.key,
        context,
        f"{context} — what is it?",
        meaning,
        quality=OWN_DEFINITION_QUALITY,
        yields=True,
    )


def _as_named(sentence: str, term: str) -> str:
    """How a question names a defined term: 'is a tort' ('A tort is …'), 'are enzymes'
    ('Enzymes are …'), 'is the Senate' ('The Senate was …')."""
    m = re.match(rf"\s*(?:(a|an|the)\s+)?{re.escape(term)}\s+(is|are|was|were)\b", sentence, re.I)
    if m is None:
        return f"is {term}"
    verb = "are" if m.group(2).lower() in ("are", "were") else "is"
    article = f"{m.group(1).lower()} " if m.group(1) else ""
    return f"{verb} {article}{term}"


RANKING_QUALITY = 0.45  # held back: a suggestion
_RANKING = re.compile(
    r"(?:the|a)\s+(?:most|least|main|major|leading|only|first|second|best)\b", re.I
)


OWN_DEFINITION_QUALITY = 0.7  # as sure as a key the note writes: a copula says what it is


def _predicate_card(fact: FactInput, context: str, sentence: str) -> CardSpec | None:
    """'Treated with IV fluids' under Dehydration: 'Dehydration — treated with?' / 'IV fluids'.
    A line with no subject says what its topic does or undergoes (text.blanks.predicate); with
    no term or number to hide, its verb is the question and the rest the answer. Less sure
    than a key the note writes: the verb may ask something vague ('has?')."""
    said = blanks.predicate(sentence, plural=_agreeing_plural(context))
    if said is None or not fact.topic or _goes_on_from(fact):
        return None
    verb, rest = said
    rest = prompts.tidy(rest)
    front = f"{context} — {prompts.lower_first(verb)}?"
    if not prompts.cloze_term(rest) and len(rest.split()) < 2 or prompts.repeats(front, rest):
        return None
    key = stable_key("card", "qa", fact.key, name_key(verb))
    quality = PREDICATE_QUALITY
    if f"{verb.split()[-1]} {rest.split()[0]}".lower() in lexicon.CUT_ADVERBIALS:
        quality = POINTS_BACK_QUALITY  # 'disabled by? -> default': a phrase cut in two
    if rest.split()[0].lower() in lexicon.PHRASAL_PARTICLES:
        quality = POINTS_BACK_QUALITY  # 'can be backed? -> up with …': a verb cut from its particle
    if len(rest.split()) == 1 and _empty_word(rest):
        quality = POINTS_BACK_QUALITY  # 'listed? -> respectively': an adverb, no thing named
    if _points_back(rest):
        quality = POINTS_BACK_QUALITY  # 'ran? -> the experiment again': said of a line before
    if _vague_object(rest):
        quality = POINTS_BACK_QUALITY  # 'integrated with? -> other AWS services': names nothing
    if _names_own_topic(rest, _asked_subject(context)):
        return None  # 'migrate to? -> CodeCommit from other repositories': the topic is its object
    asked_as = ""
    if question := _verb_asked(verb, rest, context):
        front, asked_as = question, front
    return CardSpec(key, "qa", fact.key, context, front, rest, quality=quality, asked_as=asked_as)


def _agreeing_plural(context: str) -> bool:
    """The topic is a plural kind of thing a base verb agrees with ('Cytotoxic T cells' over
    'Kill infected cells'), asked with no subheading above the line. Not a name in capitals
    ('AWS Organizations'), a phrase ('Patterns for serverless apps') nor a generic noun
    ('Operations', 'Best practices'), under which a base verb opens a step to take (a blind
    check of such cards found 4 of 5 junk: 'What do Operations remove?')."""
    if " · " in context:
        return False
    subject = _asked_subject(context)
    words = subject.split()
    if len(words) < 2 or not _many(subject) or not words[-1].islower():
        return False
    return not ({"for", "of", "in", "on", "with", "to"} & set(words) or generic_word(words[-1]))


def _goes_on_from(fact: FactInput) -> bool:
    """A line with no subject under a line that is a sentence about something else ('A is a
    shift amount' over 'Stored in shamt', 'Creates an object file' over 'Contains machine
    code'): it goes on about what that sentence names, not about its topic, so its topic is no
    subject to ask it of. Under a label ('Treatment', 'Signed URLs'), a question it answers
    ('How does a branch work?') or a sentence whose subject is the topic ('SQS can be an event
    source for Lambda' under SQS), the topic stays its subject."""
    above = fact.subheading.split(" › ")[-1].strip() if fact.subheading else ""
    words = re.findall(r"[\w'’]+", above.lower())
    if len(words) < 3 or ":" in above or above.endswith("?"):
        return False  # a label, 'Solution: use RDS Proxy', or a question the line answers
    if words[0] in lexicon.QUESTION_WORDS:
        return False  # 'What it does', 'Where they mature': a question without its mark
    if blanks.predicate(above) is not None:
        return True  # 'Creates an object file': the lines under it are of the file
    # the subject: the words before a finite verb ('Offset is 16 bits') or a base verb after a
    # plural noun ('Comparison operations store a 1 …'); a heading's gerund ('Invoking Lambda
    # from RDS') has no verb, and names no other subject
    for at, word in enumerate(words[:_SUBJECT_REACH]):
        if at and (
            word in lexicon.FINITE_VERBS
            or (word in lexicon.RELATION_VERBS | lexicon.EFFECT_VERBS and words[at - 1][-1] == "s")
        ):
            subject = content_stems(" ".join(words[:at]))
            return not subject & content_stems(fact.topic)
    return False


_SUBJECT_REACH = 7  # words a sentence's subject and verb are read in


_VAGUE_OPENERS = lexicon.VAGUE_WORDS | frozenset("other others variety range different".split())


def _vague_object(rest: str) -> bool:
    """'other AWS services', 'a variety of languages', 'many formats': a short answer that
    opens on a word naming no particular thing."""
    words = [w for w in re.findall(r"[a-z]+", rest.lower()) if w not in lexicon.ARTICLES]
    return bool(words) and len(words) <= 4 and words[0] in _VAGUE_OPENERS


def _names_own_topic(rest: str, subject: str) -> bool:
    """The answer opens on the name of what it is asked of ('CodeCommit from other git
    repositories' under AWS CodeCommit): the line's verb took its subject as its object, so
    the question asks it of itself. `subject`: the context's topic when the question is of the
    topic itself (`_asked_subject`), else ''."""
    opening = content_stems(" ".join(re.findall(r"[\w'’-]+", rest)[:2]))
    return bool(opening) and bool(subject) and opening <= content_stems(subject)


def _verb_asked(verb: str, rest: str, context: str) -> str:
    """'Amazon Cognito — supports?' reads as a riddle; a teacher asks 'What does Amazon Cognito
    support?' (or, under a part of it, 'Atlas · function — what does it support?'). '' when
    the verb makes no question (`prompts.verb_question`)."""
    asked = prompts.verb_question(verb, rest)
    if asked is None:
        return ""
    aux, tail = asked
    subject = _asked_subject(context)
    many = _many(subject or last_part(context))
    aux = {"is": "are", "does": "do"}.get(aux, aux) if many else aux
    it = "they" if many else "it"
    return f"What {aux} {subject} {tail}?" if subject else f"{context} — what {aux} {it} {tail}?"


def _many(name: str) -> bool:
    """'Streams & replications', 'Global Secondary Indexes (GSI)', 'helper T cells': a plural
    name ('they are'), not 'AWS', 'Kinesis' or 'Analysis'."""
    words = re.sub(r"\([^()]*\)", "", name).split()
    last = words[-1] if words else ""
    if not last.isalpha() or last.isupper() or last.lower().endswith("ics"):
        return False  # 'num_vectors', 'K-Means', 'AWS', 'analytics': a name or a mass noun
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _asked_subject(context: str) -> str:
    """The name a question about its context can open on ('AWS Lambda', 'Mitosis'): the
    context's own topic, when no subheading qualifies it (one naming an aspect, 'benefits',
    does not) and it is a short name; '' else."""
    topic, _, sub = context.partition(" · ")
    subject = topic.split(" › ")[-1].strip()
    if sub and _generic_part(sub):
        sub = ""  # 'AWS CodeCommit · benefits': what is said is said of AWS CodeCommit
    if sub or len(subject.split()) > MAX_SUBJECT_WORDS or no_name(subject):
        return ""
    if any(mark in subject for mark in ("?", ",", " vs ", " vs. ", " and ", " & ")):
        return ""  # a question, a list or a comparison names no one thing to ask of
    if " " in subject and subject.split()[0].lower().endswith("ing"):
        return ""  # 'Closing files', 'Computing the average': an action, not a thing
    if " › " in topic and " " not in subject and subject.lower().endswith(_ADJECTIVE_ENDINGS):
        return ""  # 'IBS › Recurrent': a kind of its parent, no name to open a question on
    return subject


_ADJECTIVE_ENDINGS = ("ent", "ant", "al", "ic", "ous", "ive", "ary", "ble", "ful", "less")


PREDICATE_QUALITY = 0.65

# A sentence whose subject is its topic ('Budgets can be tracked at …' under 'AWS Budgets'): the
# subject, then what it does or is ('can be tracked at the monthly, quarterly or yearly level').
_TOPIC_SUBJECT = re.compile(
    r"^(?:the\s+)?(?P<subject>[\w'’@.-]+(?:\s+[\w'’@.-]+){0,3}?)\s+"
    r"(?P<predicate>(?:is|are|was|were|can|must|may|should|will|has|have|had)\b.+)$",
    re.I,
)
TOPIC_PREDICATE_QUALITY = 0.55  # less sure than a number or a term: a phrase is hidden


def _topic_predicate_cloze(fact: FactInput, context: str, sentence: str) -> CardSpec | None:
    """'Budgets can be tracked at the monthly, quarterly or yearly level' under 'AWS Budgets',
    with no number, term or name to hide: its subject is the topic, so what it says of it is
    the fact, hidden after its verb ('Budgets can be tracked at […]')."""
    m = _TOPIC_SUBJECT.match(sentence.rstrip("."))
    if m is None or not fact.topic:
        return None
    subject = content_stems(m.group("subject"))
    if not subject or not subject <= content_stems(prompts.last_part(fact.topic)):
        return None
    said = blanks.predicate(m.group("predicate"))
    if said is None:
        return None
    verb, rest = said
    rest = prompts.tidy(rest)
    if not 1 <= len(rest.split()) <= MAX_PREDICATE_OBJECT_WORDS or _points_back(rest):
        return None
    if re.search(r"\b(?:not|never|no)\b|n't\b", verb) or _empty_word(rest):
        return None
    first = rest.split()[0].lower()
    if first in _VAGUE_OBJECT or first in lexicon.TIME_PREPOSITIONS | lexicon.ROW_PREPOSITIONS:
        return None  # 'can be replayed […]' -> 'within this window', '[…]' -> 'many kinds'
    head = sentence.rstrip(".")[: m.start("predicate")] + verb
    front = f"{head} {_BLANK}"
    if prompts.repeats(f"{context} {front}", rest):
        return None
    key = stable_key("card", "cloze", fact.key, "predicate", name_key(verb))
    return CardSpec(
        key, "cloze", fact.key, context, front, f"{head} {rest}", quality=TOPIC_PREDICATE_QUALITY
    )


RELATION_QUALITY = 0.6  # as sure as a subject before its verb: the phrase may be grammar


# The ending is only where English puts what is new: a suggestion, held back. A blind check of
# 75 such cards (stop 29) found 21 good, 15 acceptable and 39 junk; 11 of the 15 from our own
# fixture notes were good, but real notes end their lines on generic words too often.
END_FOCUS_QUALITY = 0.45


# The heading above asks the question the blank answers: as sure as a relation's object.
HEADING_ASKED_QUALITY = 0.6


def _heading_asks(subheading: str, front: str) -> bool:
    """The heading right above is a question about the topic ('Where they mature', 'When it
    closes?') whose every other word the cloze shows before its blank ('B cells mature in the
    […]'): the heading asks what the blank hides, so the ending is the point, not a guess."""
    above = subheading.split(" › ")[-1].strip(" ?").lower().split() if subheading else []
    if len(above) < 3 or above[0] not in ("where", "when", "what", "how", "who", "which"):
        return False
    asked = content_stems(" ".join(w for w in above[1:] if w not in ("it", "they", "do", "does")))
    shown = content_stems(front.partition(_BLANK)[0])
    return bool(asked) and asked <= shown


def _relation_cloze(
    fact: FactInput,
    context: str,
    sentence: str,
    found: Callable[[str], blanks.Blank | None] = blanks.relation_object_blank,
    sure: float = RELATION_QUALITY,
) -> CardSpec | None:
    """A plain sentence with nothing in capitals, no number and no term it defines ('A price
    floor set above equilibrium causes a surplus'): the last resort is what its subject causes
    or makes (`text.blanks.relation_object_blank`), hidden as any blank is; after that, which
    relation or extreme it states ('grad f is perpendicular to the level surface',
    `text.blanks.relation_adjective_blank`)."""
    if not blanks.fact_sentence(sentence):
        return None
    blank = found(sentence)
    if blank is None or not prompts.cloze_term(blank.term):
        return None
    front = sentence[: blank.start] + _BLANK + sentence[blank.start + len(blank.term) :]
    if prompts.gives_away(front, blank.term) or prompts.repeats(f"{context} {front}", blank.term):
        return None
    key = stable_key("card", "cloze", fact.key, name_key(blank.term))
    quality = sure - (0.1 if len(sentence.split()) > 25 else 0.0)
    return CardSpec(key, "cloze", fact.key, context, front, sentence, quality=round(quality, 2))


_ORDINALS = frozenset(lexicon.ORDINALS[:5])  # 'Newton's third law'
TREND_QUALITY = 0.7  # the line says which way its topic goes, and when: one answer
_TREND = re.compile(r"^(?P<verb>[A-Za-z]+)\s+(?P<condition>(?P<opener>[a-z]+)\b[^,;:]{2,60}?)\s*$")
_TREND_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|but\s+|while\s+)?|;\s*|\s+(?:and|but|while)\s+)")


def _trend_parts(text: str) -> list[tuple[str, str]] | None:
    """'Increases across a period, decreases down a group' -> [('Increases', 'across a
    period'), ('Decreases', 'down a group')]; None unless every clause is a direction verb
    (`lexicon.TREND_VERBS`) and the condition it holds under."""
    parts = []
    for clause in _TREND_SPLIT.split(text.strip().rstrip(".")):
        m = _TREND.match(clause)
        if m is None or m.group("verb").lower() not in lexicon.TREND_VERBS:
            return None
        if m.group("opener") not in lexicon.TREND_CONDITION_OPENERS:
            return None
        parts.append((m.group("verb").capitalize(), m.group("condition").strip()))
    return parts or None


def trend_cards(fact: FactInput, context: str, text: str, why: str = "") -> list[CardSpec]:
    """'Decreases down a group' under 'First ionisation energy': 'First ionisation energy —
    down a group?' / 'Decreases'. Each clause of a line of directions is asked by its
    condition; `why` (the line's reason, 'Decreases across a period: more protons …') goes on
    the back."""
    parts = _trend_parts(text) if fact.topic else None
    if not parts:
        return []
    cards = []
    for verb, condition in parts:
        front = f"{context} — {condition}?"
        back = f"{verb} ({prompts.tidy(why)})" if why else verb
        key = stable_key("card", "qa", fact.key, "trend", name_key(condition))
        cards.append(CardSpec(key, "qa", fact.key, context, front, back, quality=TREND_QUALITY))
    return cards


TREND_LABEL_QUALITY = 0.4  # held back: a label that is itself a claim of which way

LAW_QUALITY = 0.65  # as sure as a predicate: the section's name says what the line is
MAX_LAW_WORDS = 40


def _law_statement(fact: FactInput, context: str, sentence: str) -> CardSpec | None:
    """'As price rises, quantity demanded falls …' under 'Law of demand': a section named for a
    law, a rule, a principle or an effect (`lexicon.LAW_NOUNS`) states it, so a plain line
    there with nothing to hide is asked whole: 'Law of demand — what does it state?'. It
    gives way to any other card asking the same (`CardSpec.yields`): the first line says it."""
    own = re.sub(r"\s*\([^()]*\)", "", prompts.last_part(fact.topic)).strip().lower()
    words = re.findall(r"[a-z'’]+", own)
    if len(words) < 2 or fact.subheading or not blanks.fact_sentence(sentence):
        return None  # 'Rule' alone names no one rule; under a subheading, a part of it
    named = words[0] in lexicon.LAW_NOUNS and words[1] == "of"  # 'Law of demand'
    if words[-1] in lexicon.LAW_NOUNS:
        # 'Ohm's law', 'Newton's first law' name one law; 'Contract law' names a field
        one = any(w.endswith(("'s", "’s")) for w in words) or words[-2] in _ORDINALS
        named = named or words[-1] != "law" or one
    if not named:
        return None
    if len(sentence.split()) > MAX_LAW_WORDS or prompts.repeats(context, sentence):
        return None
    if not sentence[:1].isalnum():
        return None  # '(Theorem 22.7 of CLRS)': a reference, not what it states
    front = f"{context} — what does it state?"
    key = stable_key("card", "qa", fact.key, "states")
    return CardSpec(key, "qa", fact.key, context, front, sentence, quality=LAW_QUALITY, yields=True)


MAX_PREDICATE_OBJECT_WORDS = 10
_VAGUE_OBJECT = frozenset(
    "many some several various any nearly almost other others within across throughout inside"
    " outside beyond".split()
)


def _empty_word(word: str) -> bool:
    """One word that names nothing asked alone: an -ly adverb ('respectively', 'manually') or
    a quantifier or generic noun (`lexicon.VAGUE_WORDS`: 'several', 'things')."""
    bare = word.lower().strip(" .,;:")
    return (len(bare) > 4 and bare.endswith("ly")) or bare in lexicon.VAGUE_WORDS


POINTS_BACK_QUALITY = 0.45  # held back: what it names is in a line the card does not show
_POINTS_BACK = re.compile(r"\b(?:again|previous|above|aforementioned|same|former|latter)\b", re.I)


def _points_back(answer: str) -> bool:
    """An answer that names its thing by pointing at what came before ('this basic belief',
    'some of the previous criteria', 'the experiment again'): asked alone it names nothing."""
    first = answer.split(maxsplit=1)[0].lower() if answer.strip() else ""
    if re.fullmatch(r"the\s+\w+", answer.strip(), re.I):
        return True  # 'connects to? -> the stream': which stream the line before said
    # a possessive ('its state') is the topic's own, the subject the line leaves out
    pointer = first in lexicon.BACK_REFERENCES and first not in _POSSESSIVES
    return pointer or _POINTS_BACK.search(answer) is not None


_POSSESSIVES = frozenset("its their his her".split())


def _statement_blank(
    fact: FactInput, context: str, sentence: str
) -> tuple[blanks.Blank, str, str] | None:
    """The first of the sentence's blanks (text.blanks, best first) that its card does not give
    away: (blank, front, context). A term the topic names ('Rickets is a disease of …' under
    'Rickets') is asked in the parent topic, as a definition of the topic itself is; else the
    next blank is tried ('… caused by a lack of vitamin D' hides 'vitamin D')."""
    for blank in blanks.blanks_in_order(sentence):
        term = blank.term
        front = sentence[: blank.start] + _BLANK + sentence[blank.start + len(term) :]
        if blank.kind != "number" and not prompts.cloze_term(term):
            continue
        if prompts.gives_away(front, term):
            continue  # the rest of the sentence says the answer
        if _CITED.match(sentence, blank.start + len(term)):
            continue  # 'failed to replicate in Markel (2020)': who wrote it, not the fact
        if blank.kind == "number" and _vague_count(sentence, blank):
            continue  # 'There are […] ways case (a) could arise': a count of nothing named
        shown_in = context
        if prompts.repeats(context, term) and fact.parent and blank.kind == "term":
            shown_in = prompts.context(fact.parent, "")  # the topic defined, asked in its parent
        if prompts.repeats(f"{shown_in} {front}", term):
            continue  # its heading says the answer
        return blank, front, shown_in
    return None


# Nouns a count in words may count without naming what ('two ways', 'three possible cases').
_VAGUE_COUNTED = frozenset(
    "ways cases options things possibilities consequences reasons aspects points steps"
    " times parts kinds sorts".split()
)


def _vague_count(sentence: str, blank: blanks.Blank) -> bool:
    """A count in words ('two', 'three') of a vague noun: 'impact a resource in two possible
    ways', 'There are two ways case (a) could arise'. A count of named things ('four
    chambers', 'two consuls') is the fact and stays."""
    if blank.term.lower() not in lexicon.COUNT_WORDS:
        return False
    after = re.findall(r"[a-z]+", sentence[blank.start + len(blank.term) :].lower())[:2]
    return bool(after) and (
        after[0] in _VAGUE_COUNTED or (len(after) > 1 and after[1] in _VAGUE_COUNTED)
    )


# An author cited after a name: 'Markel (2020)', 'Smith et al. (1998)', 'Jones, 2004'.
_CITED = re.compile(
    r"\s*(?:et al\.?\s*)?(?:\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)|,\s*(?:1[5-9]|20)\d\d\b)"
)


def _listed_card(
    fact: FactInput, context: str, sentence: str, verb: str, items: list[str]
) -> CardSpec | None:
    """'Supports Java, Python, Ruby and Go' under AWS Lambda: 'AWS Lambda — supports: which
    four?'. The topic is the subject the line leaves out; a list is asked whole, as a list
    fact's card is."""
    if len(items) > MAX_ENUMERATION or not fact.topic or _goes_on_from(fact):
        return None
    front = f"{context} — {prompts.lower_first(verb)}: which {number_word(len(items))}?"
    back = "\n".join(f"• {i}" for i in items)
    if prompts.repeats(front, back):
        return None
    key = stable_key("card", "enumeration", fact.key, name_key(verb))
    asked_as = ""
    if question := _verb_asked(verb, items[0], context):  # 'What does AWS Lambda support? (4)'
        front, asked_as = f"{question} ({number_word(len(items))})", front
    # Less sure than a list the note writes as one: the line may say more than its items.
    return CardSpec(
        key, "enumeration", fact.key, context, front, back, quality=0.7, asked_as=asked_as
    )


def _subject_listed_card(
    fact: FactInput, context: str, subject: str, verb: str, items: list[str], *, first: bool
) -> CardSpec | None:
    """'The pancreas secretes insulin, glucagon and somatostatin': 'What does the pancreas
    secrete? (three)'. A subject that only names a field of the topic ('Symptoms include …',
    'Common causes include …') is asked under the topic: 'Measles — symptoms include: which
    three?'. A list is asked whole, as a list fact's card is."""
    if len(items) > MAX_ENUMERATION or _goes_on_from(fact):
        return None
    count = number_word(len(items))
    head, _, rest = subject.partition(" ")
    # (a subject keeps its capitals, 'AWS Lambda'; an article opening it reads on, 'the pancreas')
    shown = f"{head.lower()} {rest}" if head.lower() in lexicon.ARTICLES and rest else subject
    path = f"{context} — {prompts.lower_first(shown)} {verb}: which {count}?"
    back = "\n".join(f"• {i}" for i in items)
    if prompts.repeats(f"{context} {subject}", back):
        return None
    key = stable_key("card", "enumeration", fact.key, name_key(verb))
    asked = prompts.verb_question(verb, items[0])
    bare = re.sub(r"^(?:the|a|an)\s+", "", shown)
    # a plain plural alone ('Duties include …', 'Chloroplasts contain …') says what of the
    # topic is listed, as a field does; asked 'What do Duties include?' it names no owner
    base = not verb.split()[0].endswith(("s", "ed"))  # 'include' after a plural subject
    plural_alone = len(bare.split()) == 1 and bare[1:].islower() and base
    field = generic_heading(bare) or _generic_part(bare) or _aspect_part(bare) or plural_alone
    if asked is None and not field and verb.split()[0].endswith("ed"):
        return None  # 'The liver produced bile, …': a past no question is asked in
    if field or asked is None:
        if not first:
            # 'Foscarnet is used in … Side effects include …': the field is of the thing the
            # sentence before names, which the topic need not be
            return None
        return CardSpec(key, "enumeration", fact.key, context, path, back, quality=0.7)
    aux, tail = asked
    # the sentence's verb says whether its subject is one or many ('secretes', 'include')
    many = not verb.split()[0].lower().endswith("s")
    aux = {"is": "are", "does": "do"}.get(aux, aux) if many else aux
    front = f"What {aux} {shown} {tail}? ({count})"
    return CardSpec(key, "enumeration", fact.key, context, front, back, quality=0.7, asked_as=path)


_COLON_LIST = re.compile(r"^(?P<lead>[^:;]{8,90}?):\s+(?P<items>[^:;]{5,})$")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")
MAX_COLON_ITEM_WORDS = 7


def _colon_list_card(fact: FactInput, context: str, sentence: str) -> CardSpec | None:
    """A sentence that leads into the things it lists after a colon ('The claimant must
    prove: duty of care, breach of that duty, causation, and damage that is not too remote'):
    asked whole, as a list the note writes as one ('— the claimant must prove: which four?').
    The lead-in needs a verb of its own and no pointer ('They are: …'), and each of the 3 to
    `MAX_ENUMERATION` items is short and no clause."""
    m = _COLON_LIST.match(sentence.rstrip(" ."))
    if m is None:
        return None
    lead = m.group("lead").strip()
    words = re.findall(r"[\w'’]+", lead.lower())
    if len(words) < 3 or words[0] in lexicon.BACK_REFERENCES or "(" in m.group("items"):
        return None
    if lexicon.OPEN_LIST_END.search(fact.text) or re.search(r"[_*]", m.group("items")):
        return None  # examples of a longer list ('…', 'etc.'), or markup left in the items
    if words[0] in lexicon.STEP_VERBS:
        return None  # '4. Select allowed actions: …': a step's instruction, not a fact
    items = [i.strip() for i in _LIST_SPLIT.split(m.group("items")) if i.strip()]
    if not 3 <= len(items) <= MAX_ENUMERATION:
        return None
    if any(len(i.split()) > MAX_COLON_ITEM_WORDS or i[:1] in "=→" for i in items):
        return None
    if len({name_key(i) for i in items}) < len(items) or any(_clause_item(i) for i in items):
        return None  # the same item twice, or lines of prose ('but not yet ready')
    front = f"{context} — {prompts.lower_first(lead)}: which {number_word(len(items))}?"
    back = "\n".join(f"• {i}" for i in items)
    if prompts.repeats(front, back):
        return None
    key = stable_key("card", "enumeration", fact.key, "listed after a colon")
    return CardSpec(key, "enumeration", fact.key, context, front, back, quality=0.7)


def _clause_item(item: str) -> bool:
    """An item that is a clause going on, not a thing listed: it opens on a conjunction, a
    person or a pointer, or says something with a verb of being of its own ('availability is
    lower'; 'damage that is not too remote' names a thing)."""
    words = re.findall(r"[\w'’]+", item.lower())
    opener = words[0] if words else ""
    return (
        not words
        or opener in lexicon.CLAUSE_OPENERS | lexicon.PERSONAL_WORDS | lexicon.BACK_REFERENCES
        or opener in ("but", "only")
        or any(
            w in lexicon.SENTENCE_VERBS and (k == 0 or words[k - 1] not in _RELATIVES)
            for k, w in enumerate(words)
        )
        or bool(re.search(r"[<>=%]", item))
    )


_RELATIVES = frozenset("that which who".split())  # 'damage that is not too remote' is a thing


def is_pair(fact: FactInput) -> bool:
    """A definition from a two-column table names its meaning's column ('English'), which no
    definition written in a line does (its attribute is its term)."""
    return (
        fact.kind == "definition"
        and bool(fact.attribute)
        and name_key(fact.attribute) != name_key(fact.subject)
    )


def pair_card(fact: FactInput) -> CardSpec | None:
    """A vocabulary row forwards: 'German food — das Brot: English?' / 'bread' (the definition
    cloze asks it the other way)."""
    word, meaning = prompts.tidy(fact.subject), prompts.tidy(fact.value)
    context = prompts.context(fact.topic, fact.subheading)
    front = f"{context} — {word}: {prompts.tidy(fact.attribute)}?"
    if name_key(fact.attribute) in lexicon.MEANING_HEADERS:
        front = f"{context} — {word}?"  # 'Debugger · command — run or r?', not '…: Description?'
    if not meaning or prompts.repeats(front, meaning):
        return None  # 'die Butter' -> 'butter' asks nothing
    return CardSpec(stable_key("card", "qa", fact.key), "qa", fact.key, context, front, meaning)


MAX_SHORT_MEANING = 4  # words: 'Akkusativ — direct object' is learnt both ways, a sentence is not


def qa_short_meaning(fact: FactInput) -> CardSpec | None:
    """'Dativ — indirect object': a term whose meaning is a few words is also asked forwards
    ('German cases — Dativ?' / 'indirect object'), as a vocabulary pair is; the cloze asks it
    backwards. A long meaning is asked only with its term hidden."""
    if len(prompts.tidy(fact.value).split()) > MAX_SHORT_MEANING:
        return None
    return qa_card(fact)


def enumeration_card(fact: FactInput) -> CardSpec | None:
    """'Lambda@Edge — change: which four?' / 'viewer request, origin request, …'."""
    items, is_open = [], False
    for item in (prompts.tidy(i) for i in fact.items):
        if m := lexicon.OPEN_LIST_END.search(item):
            # A list that says it goes on ('Kinesis etc.', '…') has no count to ask for.
            is_open, item = True, prompts.tidy(item[: m.start()])
        if item:
            items.append(item)
    if not 2 <= len(items) <= MAX_ENUMERATION or not fact.subject:
        return None
    context = prompts.context(fact.topic, fact.subheading)
    # 'Other symptoms of Ewing sarcoma include: which four?' asks 'Other symptoms of Ewing
    # sarcoma: which four?': the lead-in verb says nothing the question does not
    subject = _LEAD_IN_END.sub("", prompts.tidy(fact.subject)) or prompts.tidy(fact.subject)
    # 'Cluster C is united by fear. The three disorders in cluster C are': the list's own
    # lead-in is the last sentence
    subject = (blanks.sentences(subject)[-1] if ". " in subject else subject).rstrip(" ,;")
    if (kinds := _kinds_of(items)) and _weak_lead_in(subject):
        # 'On the customer side, we need to have either' over 'file gateway', 'volume
        # gateway', 'tape gateway': what the list names is the kinds of its shared noun
        subject = f"kinds of {kinds}"
    which = "name some" if is_open else f"which {number_word(len(items))}?"
    front = f"{context} — {prompts.lower_first(subject)}: {which}"
    back = "\n".join(f"• {i}" for i in items) + ("\n• …" if is_open else "")
    if prompts.repeats(front, back):
        return None
    key = stable_key("card", "enumeration", fact.key)
    quality = 0.45 if _notes_not_parts(subject, items) else 1.0
    if re.search(r"\b(?:which|that|who)$", subject, re.I):
        quality = 0.45  # '… fetal alcohol syndrome, which: which four?': the lead-in is cut
    if subject.split()[0].lower() in lexicon.BACK_REFERENCES:
        quality = 0.45  # 'They: which three?': what the list is of is in another line
    asked_as = ""
    if not is_open and (question := _parts_question(fact, subject, len(items))):
        front, asked_as = question, front
    return CardSpec(
        key, "enumeration", fact.key, context, front, back, quality=quality, asked_as=asked_as
    )


def _parts_question(fact: FactInput, subject: str, count: int) -> str:
    """A list named by a plural noun of its topic's ('Lambda — runtimes: which seven?') asked
    as a teacher asks it: 'What are the seven runtimes of Lambda?'. Only under the topic itself
    (a subheading qualifies it: 'Skin · abscess'), a topic that is a name ('Min 1 to 5' is
    none), and a label of one plain plural word (a longer one is as often a verb's phrase)."""
    label = prompts.lower_first(subject)
    if fact.subheading or not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", label):
        return ""
    if label in lexicon.STOP_WORDS or not _plural_noun(label):
        return ""
    own = prompts.last_part(fact.topic)
    if (
        not own
        or no_name(own)
        or prompts.framing_label(own)
        or len(own.split()) > MAX_SUBJECT_WORDS
    ):
        return ""
    if generic_heading(own) or (_plural_noun(own.lower()) and own[1:] == own[1:].lower()):
        return ""  # 'Triggers — causes': the topic is the name of a list itself
    if name_key(label) in name_key(own):
        return ""  # 'Causes of pain — causes': the topic names the list already
    return f"What are the {number_word(count)} {label} of {own}?"


def _plural_noun(word: str) -> bool:
    """'runtimes', 'symptoms', 'factors': an -s plural (not 'gas', 'process', 'virus', 'basis')."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


MAX_KIND_WORDS = 4  # 'file gateway', 'smooth muscle', 'cytotoxic T cells'


def _kinds_of(items: list[str]) -> str | None:
    """The noun every item ends with ('file gateway', 'volume gateway' -> 'gateway'; 'B
    cells', 'T cells' -> 'cells'), each item naming one kind of it with a word before it."""
    words = [re.findall(r"[\w'’-]+", item.lower()) for item in items]
    if len(items) < 2 or not all(1 < len(w) <= MAX_KIND_WORDS for w in words):
        return None
    nouns = {w[-1] for w in words}
    bare = {n[:-1] if n.endswith("s") and not n.endswith("ss") else n for n in nouns}
    if len(bare) != 1 or len({w[-2] for w in words}) != len(words):
        return None
    noun = words[0][-1]
    return noun if noun.isalpha() and noun not in lexicon.STOP_WORDS else None


_LEAD_IN_TAIL = frozenset("either or and of the a an to with from which that".split())


def _weak_lead_in(subject: str) -> bool:
    """A lead-in that names nothing the list is of: the author talking ('we need to have
    either'), a pointer ('They are'), or a clause cut where the list goes on ('…, which')."""
    words = re.findall(r"[\w'’]+", subject.lower())
    return not words or bool(
        lexicon.PERSONAL_WORDS.intersection(words)
        or words[0] in lexicon.BACK_REFERENCES
        or words[-1] in _LEAD_IN_TAIL
    )


_LEAD_IN_END = re.compile(
    r"\s+(?:can\s+|may\s+|typically\s+|usually\s+|often\s+)?(?:include|includes|including"
    r"|are|is|consist of|consists of|comprise|comprises)$",
    re.I,
)
_MAPPING = re.compile(r"→|->|=>|(?<![<>!=])=(?!=)")
_LIFESPAN = re.compile(r"^(?:c\.\s*)?\d{3,4}\s*[-–—]\s*(?:c\.\s*)?\d{2,4}$|^\d{3,4}$")


def _notes_not_parts(subject: str, items: list[str]) -> bool:
    """Lines under a label that are notes about it, not the parts of a list: a label that is
    an equation or a mapping ('x = 3', 'Mode = selects the input') with lines about it, lines
    that each map a value ('0 → input from A'), or a lifespan or a year among them ('1638-1715',
    'Catholic priest'): the notes on a person, an event or one line of code."""
    if _MAPPING.search(subject):
        return True
    if all(_MAPPING.search(i) for i in items):
        return True
    return any(_LIFESPAN.match(i.strip()) for i in items)


def inline_card(fact: FactInput) -> CardSpec | None:
    """'Question::Answer' written in a note is taken as written."""
    if not fact.attribute or not fact.value:
        return None
    context = prompts.context(fact.topic, fact.subheading)
    key = stable_key("card", "inline", fact.key)
    return CardSpec(
        key, "inline", fact.key, context, prompts.tidy(fact.attribute), prompts.tidy(fact.value)
    )


# A question that asks for a formula's right side ('$dV$ = ?', 'Area of a circle = ?'), as
# knowledge.ingest.extract_formulas writes a stated formula's question.
_FORMULA_ASKED = re.compile(r"\s(?:=|≈)\s\?$")


def formula_card(fact: FactInput) -> CardSpec | None:
    """A stated formula asked by its left side: 'dV = ?' / 'r dr dθ dz' under 'Computing
    integrals in cylindrical coordinates'. Shown as written out in Unicode (readable_card);
    one that does not read is held back (decks.quality)."""
    if not _FORMULA_ASKED.search(fact.attribute) or not fact.value:
        return None
    context = prompts.context(fact.topic, fact.subheading)
    asked = fact.attribute.strip()
    # '… through a graph — ∫_S F⃗ · dA⃗ = ?' and '… through a cylinder — ∫_S F⃗ · dA⃗ = ?' are
    # two questions: a symbol is asked with its context; a named quantity the context already
    # names is asked alone ('Area of a circle = ?' under 'Circles › Area of a circle')
    named = "$" not in asked
    front = asked if named and prompts.repeats(context, asked) else f"{context} — {asked}"
    key = stable_key("card", "formula", fact.key)
    return CardSpec(key, "formula", fact.key, context, front, fact.value.strip())


def comparison_card(cell: CellInput) -> CardSpec | None:
    """'CloudFront Functions — file system access?' / '❌ Not supported'."""
    values = [v.strip() for v in cell.values if v.strip()]
    # "Point 3" names a row only by position: no question to ask about it.
    if (
        not values
        or not cell.entity.strip()  # a table with blank headers: whose cell is it?
        or too_short_to_name(cell.attribute)  # "Eg": a row named by an accident of wording
        or named_by_position(cell.attribute)
    ):
        return None
    shown = prompts.named_entity(cell.entity, cell.entity_kind)  # 'Mode r+', not 'r+'
    front = f"{shown} — {prompts.lower_first(cell.attribute)}?"
    # 'Asthma · Mild persistent — treatment?': a case is asked with its subject, and judged as
    # the cell it is (`asked_as`)
    case = (
        prompts.case_of(cell.entity, cell.home, cell.comparison_title)
        if shown == cell.entity
        else ""
    )
    back = "\n".join(values) if len(values) == 1 else "\n".join(f"• {v}" for v in values)
    if prompts.repeats(front, back):
        return None
    identity = (
        cell.comparison_key,
        name_key(cell.row_identity or cell.attribute),
        name_key(cell.entity),
    )
    key = stable_key("card", "comparison", *identity)
    asked_as = ""
    if case:
        front, asked_as = f"{case} — {prompts.lower_first(cell.attribute)}?", front
    return CardSpec(
        key,
        "comparison",
        stable_key("cell", *identity),
        cell.comparison_title,
        front,
        back,
        asked_as=asked_as,
    )


def meaning_cloze(fact: FactInput) -> list[CardSpec]:
    """'Externality: a cost or benefit that affects a third party' is a key and a value, asked
    'externality?'; a value that is a noun phrase describing its key (an article, then at least
    three more words) is also the key's meaning, so the key is asked backwards as a definition
    is. The fact stays a key and a value, and its card keeps its key."""
    words = prompts.tidy(fact.value).split()
    if len(words) < MIN_MEANING_WORDS or words[0].lower() not in lexicon.ARTICLES:
        return []
    if first_quantity(fact.value) or not fact.attribute:
        return []
    if prompts.reported_question(prompts.tidy(fact.attribute)):
        return []  # 'Rousseau says: the general will …' is a view, not the meaning of a term
    as_definition = replace(fact, kind="definition", subject=fact.attribute)
    return cloze_cards(as_definition)


MIN_MEANING_WORDS = 4  # 'a cost or benefit …'; 'a pool' is an instruction's object, not a meaning

THRESHOLD_QUALITY = 0.65  # a short line under what it measures; less sure than a named key
# A value or a range as a line's key, with a comparison and a short unit: '60-100', '< 60',
# '<250/mm3', '10%', '2 - 3', '< 5 yo'. Not an address ('10.0.0.0') nor a product ('32KB x 1000').
_THRESHOLD_KEY = re.compile(
    r"(?:[<>≤≥]=?\s*)?\d+(?:[.,]\d+)?\s*(?:[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:%|[a-zA-Z/]{1,6}\d?)?"
)
_RANK_KEY = re.compile(r"\d+(?:st|nd|rd|th)\s+[a-z]+")  # '1st line', '2nd choice', '3rd degree'


def threshold_card(fact: FactInput) -> CardSpec | None:
    """A line keyed by a value or a range under what it measures ('HR' over '60-100: probably
    respiratory issue, PPV', 'Centor' over '2 - 3: rapid strep'), asked by that value: 'Min 1 to
    5 › HR — 60-100?'."""
    key, value = prompts.tidy(fact.attribute), prompts.tidy(fact.value)
    ranked = _RANK_KEY.fullmatch(key) is not None
    if not (ranked or _THRESHOLD_KEY.fullmatch(key)) or blanks.is_date(key) or not fact.topic:
        return None
    # ('1st line: amoxicillin' names its answer in a word; '60-100: ok' says nothing)
    if len(value.split()) < (1 if ranked else 2) or prompts.gives_away(key, value):
        return None
    context = prompts.context(fact.topic, fact.subheading)
    front = f"{context} — {key}?"
    return CardSpec(
        stable_key("card", "qa", fact.key),
        "qa",
        fact.key,
        context,
        front,
        value,
        quality=THRESHOLD_QUALITY,
    )


DATED_EVENT_QUALITY = 0.75  # as sure as a number a statement states
MIN_EVENT_WORDS = 3


def dated_event_card(fact: FactInput) -> CardSpec | None:
    """A timeline's line, a date and what happened then ('4 August 1914: Britain declares war
    on Germany'), asked for its date: '[…]: Britain declares war on Germany' -> '4 August
    1914'. The key is no label to ask by ('— 4 August 1914?' asks nothing), so no other card
    asks the line."""
    when, what = prompts.tidy(fact.attribute), prompts.tidy(fact.value)
    if not blanks.is_date(when) or len(what.split()) < MIN_EVENT_WORDS:
        return None
    if not what[:1].isalpha() or blanks.is_date(what) or prompts.gives_away(what, when):
        return None
    key = stable_key("card", "cloze", fact.key, name_key(when))
    context = prompts.context(fact.topic, fact.subheading)
    front, back = f"{_BLANK}: {what}", f"{when}: {what}"
    return CardSpec(key, "cloze", fact.key, context, front, back, quality=DATED_EVENT_QUALITY)


def readable_card(card: CardSpec) -> CardSpec:
    """The card as shown: each formula that reads in plain Unicode written out ('Insert in
    $\\mathcal{O}(1)$' -> 'Insert in O(1)'); one that does not stays TeX, and its card is held
    back (decks.quality). Its key and quality are the written card's."""
    if "$" not in card.front + card.back + card.context:
        return card
    # a formula card's back is the formula itself, shown whole when it reads
    limit = MAX_ANSWER_FORMULA_CHARS if card.kind == "formula" else MAX_FORMULA_CHARS
    return replace(
        card,
        context=readable(card.context),
        front=readable(card.front),
        back=readable(card.back, limit=limit),
    )


def cards_for_fact(fact: FactInput) -> list[CardSpec]:
    # '08 Vaccines › Tetanus' is shown 'Vaccines › Tetanus', as its questions show it
    topic, parent = prompts.unnumbered(fact.topic), prompts.unnumbered(fact.parent)
    if topic != fact.topic or parent != fact.parent:  # (a copy only when one changes)
        fact = replace(fact, topic=topic, parent=parent)
    cards = [_without_link_word(_with_gloss_hidden(card)) for card in _cards_for_fact(fact)]
    if fact.lead:
        cards = [_led(card, fact.lead) for card in cards]
    elif above := _line_above(fact):
        cards = [_led(card, above) if _goes_on(card) else card for card in cards]
    if _worked_heading(fact.topic, fact.subheading) or worked_premise(fact):
        return [replace(card, worked=True) for card in cards]
    return cards


# A line's first word when the line goes on from the one above it: a word pointing back
# ('They …', 'This …'), a modal or a verb with no subject before it ('Can be done in …', 'Use
# XOR gates', 'Stored in shamt'), a word tying it to the line above ('Meaning they use …', 'Even
# if …', 'Because …').
_GOES_ON_WORDS = (
    lexicon.BACK_REFERENCES
    | lexicon.MODAL_VERBS
    | lexicon.STEP_VERBS
    | lexicon.FINITE_VERBS
    | lexicon.PREDICATE_VERBS
    | frozenset("meaning even because but which so unless except instead otherwise".split())
    # an adverb or a quantifier before the verb ('Already has three files open', 'Some
    # resistance along this path …', 'Nobody can do this …', 'Need to appeal to …')
    | frozenset(
        "already still also only just then usually always never often some all each both"
        " nobody none need needs".split()
    )
)
# A line this short under a sentence is the sentence's detail ('Chemicals are carried by wind'
# under 'Trees signal to other trees to ramp up tannin production'): alone it lacks its case.
MAX_DETAIL_WORDS = 7


def _line_above(fact: FactInput) -> str:
    """The line a note's line sits under, when the card's context leaves it out (a sentence or a
    question too long for a context: 'Instead of two circuits for adding and subtracting, what
    if we combine them into one?' over 'Use XOR gates'); '' when the context shows it, or it is
    a heading, a label or too long to read first."""
    if not fact.subheading:
        return ""
    above = fact.subheading.split(" › ")[-1].strip()
    shown = prompts.context(fact.topic, fact.subheading)
    if name_key(above) in name_key(shown) or len(above) > blanks.MAX_LEAD_CHARS:
        return ""
    above = prompts.ASKED_MARK.sub("", above).strip(" *_")
    if len(re.findall(r"[\w'’-]+", above)) < MIN_ABOVE_WORDS:
        return ""  # a label ('Treatment', 'Signed URLs'), which a context would show
    return above if above[-1] in ".?!:" else f"{above}:"


MIN_ABOVE_WORDS = 4  # fewer: a label or a heading in all but syntax, not a line to go on from


def _goes_on(card: CardSpec) -> bool:
    """A cloze whose line opens with no subject of its own (`_GOES_ON_WORDS`), or is a short
    detail (`MAX_DETAIL_WORDS`): cut from the line above it, it says nothing of anything."""
    if card.kind != "cloze" or _BLANK not in card.front:
        return False
    first = re.match(r"[\w'’]+", card.back)
    if first is not None and first.group().lower() in _GOES_ON_WORDS:
        return True
    # ('[…]: direct object' hides a term by its meaning, which stands alone)
    return not card.front.startswith(_BLANK) and len(card.back.split()) <= MAX_DETAIL_WORDS


def cloze_answer(card: CardSpec) -> str | None:
    """What a cloze hides: the back's words where the front has its blank; None when the front
    holds no blank or is not the back with one."""
    if _BLANK not in card.front:
        return None
    head, _, tail = card.front.partition(_BLANK)
    back = card.back
    if not back.startswith(head) or (tail and not back.endswith(tail)):
        return None
    return back[len(head) : len(back) - len(tail)] if tail else back[len(head) :]


def _led(card: CardSpec, lead: str) -> CardSpec:
    """A cloze of a sentence that points back, shown after the sentences it points at
    ('Carboprost is a PGF2α analogue. It is contraindicated in […]'): cut out of its paragraph
    it names nothing. Not when the lead says what the blank hides, nor for a card not asked
    in the sentence's own words ('Uterotonics — half-life?')."""
    answer = cloze_answer(card)
    if card.kind != "cloze" or answer is None:
        return card
    hidden = content_stems(answer)
    if not hidden or hidden <= content_stems(lead):
        return card  # ('Chef and OpsWorks constructs' before '[…]' hiding 'Chef-OpsWorks')
    return replace(
        card,
        front=f"{lead} {card.front}",
        back=f"{lead} {card.back}",
        unglossed=f"{lead} {card.unglossed}" if card.unglossed else "",
    )


# Words that tie a sentence to the one before it and say nothing themselves ('However, …',
# 'For this reason, …', 'In addition, …'); steps' words ('First', 'Then') are kept.
_LINK_WORD = re.compile(
    r"^(?:however|for this reason|therefore|thus|hence|as a result|consequently|in addition"
    r"|additionally|also|furthermore|moreover|in contrast|similarly|nevertheless|nonetheless)"
    r"\s*,\s*(?=\S)"
    # ('Therefore vitamin B6 can treat …': these are link words with no comma too)
    r"|^(?:therefore|thus|hence|consequently)\s+(?=[a-z[])",
    re.I,
)


# The author pointing at a fact they state ('Note that SQS can also trigger a Lambda', 'Note:
# …', 'Recall that …'): the fact is what follows. Not 'Note the propagation delays', an
# instruction. Language-general (English).
_NOTE_OPENER = re.compile(
    r"^(?:note|notice|recall|remember|keep in mind)(?:\s+that\s+|\s*:\s*)(?=\S)", re.I
)


def _without_link_word(card: CardSpec) -> CardSpec:
    """A cloze of a sentence that opens by tying itself to the one before ('However, […] is
    the most common bacterial cause', 'For this reason, …') is asked and answered without that
    word: on a card the sentence stands alone, and the word points at a line the card does not
    show. So is one the author opens by pointing at it ('Note that […] can also trigger a
    Lambda')."""
    if card.kind != "cloze":
        return card
    m = _LINK_WORD.match(card.front) or _NOTE_OPENER.match(card.front)
    if m is None or not card.back.startswith(m.group()) or len(card.front) == m.end():
        return card

    def cut(text: str) -> str:
        rest = text[m.end() :]
        return rest[:1].upper() + rest[1:]

    return replace(card, front=cut(card.front), back=cut(card.back))


# An aside right after a cloze's blank: '… administration of […] (Benadryl)'.
_ASIDE_AFTER_BLANK = re.compile(r"\s*\((?P<aside>[^()]{1,60})\)")
# How an aside says the same again: 'i.e.', 'aka', 'also called', 'or'.
_GLOSS_OPENING = re.compile(
    r"(?:i\.\s?e\.?|ie|aka|a\.k\.a\.|also\s+(?:called|known\s+as)|or)(?:[\s,:]|$)", re.I
)
# First words of an aside that says when or how much, not what the hidden term is.
_NO_GLOSS_OPENERS = (
    lexicon.CLAUSE_OPENERS
    | lexicon.ROW_PREPOSITIONS
    | lexicon.TIME_PREPOSITIONS
    | frozenset(
        "in on at for with without by from to via per only mainly mostly most usually first"
        " second especially except including excluding eg see".split()
    )
)
# Content words a cloze must keep besides the aside it hides: '[…] (i.e. raccoon eyes)' asks
# the term from its gloss alone, and is a card as it is.
MIN_WORDS_LEFT = 3


def _with_gloss_hidden(card: CardSpec) -> CardSpec:
    """A cloze whose blank is followed by an aside saying the hidden term again, hides the
    aside with it: '… administration of […] (Benadryl)' gives away diphenhydramine, '[…] (small
    eyes)' microphthalmia, 'uses […] (KMS)' the Key Management Service. The back is the line
    as written, so the answer then reads 'diphenhydramine (Benadryl)'. An aside that adds a
    condition, an example or an amount ('(if the slot is empty)', '(e.g. tamsulosin)') stays."""
    if card.kind != "cloze" or _BLANK not in card.front:
        return card
    head, _, tail = card.front.partition(_BLANK)
    if not card.back.startswith(head) or not card.back.endswith(tail):
        return card
    hidden = card.back[len(head) : len(card.back) - len(tail)].strip()
    if head.endswith("(") and tail.startswith(")"):
        return _with_expansion_hidden(card, head[:-1], hidden, tail[1:])
    m = _ASIDE_AFTER_BLANK.match(tail)
    if m is None:
        return card
    if not _glosses(m.group("aside").strip(), hidden):
        return card
    front = f"{head}{_BLANK}{tail[m.end() :]}"
    if len(content_stems(front.replace(_BLANK, " "))) < MIN_WORDS_LEFT:
        return card
    return replace(card, front=front, unglossed=card.front)


def _with_expansion_hidden(card: CardSpec, head: str, hidden: str, tail: str) -> CardSpec:
    """An abbreviation hidden in its brackets after the words it shortens ('caused by the human
    papillomavirus ([…])'): the words are hidden with it, 'caused by the […], the most common
    …', and the answer reads 'human papillomavirus (HPV)'."""
    written = head.rstrip()
    for words in reversed(list(_WORDS_BEFORE.finditer(written))):
        # the shortest run of words the abbreviation is made of
        if abbreviates(hidden, words.group(1)):
            front = f"{written[: words.start(1)]}{_BLANK}{tail}"
            if len(content_stems(front.replace(_BLANK, " "))) < MIN_WORDS_LEFT:
                return card
            return replace(card, front=front, unglossed=card.front)
    return card


# Runs of the last one to four words of a text (found the longest first).
_WORDS_BEFORE = re.compile(r"(?=((?:^|(?<=\s))[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3})$)")


def _says_number(aside: str, number: int) -> bool:
    """An aside that says a small number again in words ('(the third day …)', '(three
    times)')."""
    words = set(re.findall(r"[a-z]+", aside.lower()))
    return number < len(lexicon.CARDINALS) and bool(
        words & {lexicon.CARDINALS[number], lexicon.ORDINALS[number]}
    )


def _glosses(aside: str, hidden: str) -> bool:
    """Whether an aside names the hidden term again: in other words ('i.e. …', 'aka …'), as
    its acronym or its expansion, as a brand ('Benadryl' after 'diphenhydramine'), or in
    plain words after a one-word technical term ('microphthalmia (small eyes)')."""
    if not hidden or not aside:
        return False
    if _GLOSS_OPENING.match(aside):
        return True
    if prompts.spells(aside, hidden) or prompts.spells(hidden, aside):
        return True
    if " " in hidden and abbreviates(aside, hidden):
        return True  # 'increased intracranial pressure (ICP)'
    if hidden.isdigit() and _says_number(aside, int(hidden)):
        return True  # 'cycle day […] (the third day after …)'
    words = aside.split()
    if not 1 <= len(words) <= 3 or words[0].lower() in _NO_GLOSS_OPENERS:
        return False
    if not re.search(r"[A-Z\d]", hidden) and len(words) <= 2:
        if all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Za-z]+)?", w) for w in words):
            return True  # a lower-case drug or thing, then its brand name
    plain = all(re.fullmatch(r"[a-z]+", w) for w in words)
    return plain and re.fullmatch(r"[a-z]{7,}", hidden) is not None


@functools.lru_cache(maxsize=1 << 16)  # pure; the facts of one heading ask it alike
def _worked_heading(topic: str, subheading: str) -> bool:
    return lexicon.WORKED_EXAMPLE.search(f"{topic} › {subheading}") is not None


def worked_premise(fact: FactInput) -> bool:
    """A fact that states, or is filed under a line that states, the premise of one problem
    ('Suppose the price is 5', 'Given: a heap of 7 keys', 'Assume: …'): with no example heading
    or callout, the premise is the only sign that what follows is one problem's detail."""
    # (a bold 'Given:' line can head a topic of its own: 'Taylor approximations › Given')
    own = fact.topic.rpartition(" › ")[2] if " › " in fact.topic else ""
    parts = [p for p in (own, *fact.subheading.split(" › ")) if p] + [fact.text, fact.attribute]
    return any(lexicon.WORKED_PREMISE.match(prompts.tidy(p)) for p in parts if p)


UNWRITTEN_LABEL_QUALITY = 0.4  # held back: a label read into a passing mention


def _unwritten_label(fact: FactInput) -> bool:
    """A claim the line makes only in passing, asked by a label it never says: 'Lambda —
    languages? -> Python' read from '(+ the SDK like boto3 for python)', 'In Python:
    os.environ[…]'. The language is an aside (in brackets) or an example ('like', 'e.g.',
    'in'), so the card asks a claim the author did not make; a line whose point it is ('for
    Java 11 and above', 'Developers use JavaScript and TypeScript') stays asked."""
    if fact.attribute != lexicon.LANGUAGES_ATTRIBUTE or not fact.text:
        return False
    first = re.escape(fact.value.split(",")[0].split()[0]) if fact.value.split() else ""
    if not first:
        return False
    named = re.search(rf"\b{first}\b", fact.text, re.I)
    if named is None:
        return False
    before = fact.text[: named.start()]
    aside = before.count("(") > before.count(")")  # its first mention is in brackets
    return aside or re.search(r"\b(?:in|like|e\.g\.|such as)\s*$", before, re.I) is not None


def _cards_for_fact(fact: FactInput) -> list[CardSpec]:
    cards = _fact_cards(fact)
    if not cards and fact.kind in ("key_value", "statement") and (cited := cited_card(fact)):
        return [cited]  # a last resort: no card any other shape makes changes key
    return cards


CITED_QUALITY = 0.7  # the line gives a claim and its authority: one answer, the note's own
_YEAR_CITED = r"\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)"
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_CASE = (
    rf"(?:(?:Re|In re|R)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*"
    rf"|{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|the|de|van|von))*\s+v\.?\s+"
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|the))*)(?:\s*{_YEAR_CITED})?"
)
_AUTHOR_YEAR = rf"{_NAME_WORD}(?:\s+(?:and|&)\s+{_NAME_WORD}|\s+et al\.?)?\s*{_YEAR_CITED}"
_CLAIM_CITED = re.compile(
    rf"^(?P<claim>[^:]{{12,200}}?)\s*:\s*(?P<cite>(?P<case>{_CASE})|{_AUTHOR_YEAR})"
    r"(?P<detail>\s*\([^()]{1,60}\))?\s*\.?\s*$"
)


def cited_card(fact: FactInput) -> CardSpec | None:
    """A claim the line backs with its authority, a case or an author and year ('A
    counter-offer destroys the original offer: Hyde v Wrench (1840)', 'Cells arise only from
    cells: Virchow (1855)'): asked which case, or according to whom. Not a claim that points
    elsewhere ('It must be sufficient …: Chappell v Nestlé'), nor one that is no sentence."""
    m = _CLAIM_CITED.match(prompts.tidy(fact.text))
    if m is None:
        return None
    claim = m.group("claim").strip()
    words = claim.split()
    if words[0].lower() in lexicon.BACK_REFERENCES or not blanks.fact_sentence(claim):
        return None
    context = prompts.context(fact.topic, fact.subheading)
    asked = "which case?" if m.group("case") else "according to whom?"
    front = f"{context} — {claim[:1].upper()}{claim[1:]}: {asked}"
    back = f"{m.group('cite').strip()}{m.group('detail') or ''}"
    key = stable_key("card", "cited", fact.key)
    return CardSpec(key, "qa", fact.key, context, front, back, quality=CITED_QUALITY)


def answer_cloze(fact: FactInput) -> CardSpec | None:
    """A line that states a case, then after its colon the short answer it teaches ('Objects
    uploaded to S3 must be processed by Lambda: S3 event trigger', 'salt water drowning worse
    than freshwater: pulmonary edema'): the answer hidden, the case shown. Only where the line
    gives no other card; an example after the colon ('add -s or -es: des Vaters', '(1,)') or
    a formula is no answer to recall."""
    text = prompts.tidy(fact.text).rstrip(" .")
    if text.count(": ") != 1 or "$" in text or "`" in text:
        return None
    case, answer = (part.strip() for part in text.split(": "))
    words = case.split()
    if not MIN_CASE_WORDS <= len(words) <= MAX_CASE_WORDS:
        return None
    if words[0].lower() in _CASE_POINTERS:
        return None  # 'That is what selection acts on: organisms': said of a line above
    if not 0 < len(answer.split()) <= MAX_ANSWER_WORDS or not prompts.cloze_term(answer):
        return None
    if not re.fullmatch(r"[A-Za-z][\w /&+'’-]*", answer) or re.match(r"e\.?g\b", answer, re.I):
        return None  # '(1,)', '"Now you can change"', 'e.g. …': an example or a quote
    if prompts.repeats(case, answer):
        return None
    context = prompts.context(fact.topic, fact.subheading)
    key = stable_key("card", "cloze", fact.key, name_key(answer))
    front = f"{case}: {_BLANK}"
    return CardSpec(key, "cloze", fact.key, context, front, text, quality=ANSWER_CLOZE_QUALITY)


_CASE_POINTERS = lexicon.BACK_REFERENCES | {"that", "all", "one"}
MIN_CASE_WORDS = 6
MAX_CASE_WORDS = 25
MAX_ANSWER_WORDS = 6
ANSWER_CLOZE_QUALITY = 0.6


def _fact_cards(fact: FactInput) -> list[CardSpec]:
    if fact.kind == "key_value":
        card = qa_card(fact)
        if card and _unwritten_label(fact):
            card = replace(card, quality=min(card.quality, UNWRITTEN_LABEL_QUALITY))
        clozes = cloze_cards(fact) + meaning_cloze(fact)
        if not card and (dated := dated_event_card(fact)):
            clozes.append(dated)  # '[…]: Britain declares war on Germany' -> '4 August 1914'
        elif not card:
            card = threshold_card(fact)  # 'Newborn HR — 60-100?' -> 'respiratory issue, PPV'
        # 'Decreases across a period: more protons …': which way, and under what, is asked too
        context = prompts.context(fact.topic, fact.subheading)
        trends = trend_cards(fact, context, prompts.tidy(fact.attribute), why=fact.value)
        if card and trends:
            # 'Increases down a group: extra electron shells' asked '— increases down a
            # group?' asks the line's claim as if it were a name: its trend card asks it
            card = replace(card, quality=min(card.quality, TREND_LABEL_QUALITY))
        clozes += trends
        if not card and not clozes and (answered := answer_cloze(fact)):
            clozes = [answered]
        else:
            clozes = _answer_over_case(fact, clozes)
        if card and split_sentence(fact):
            # the sentence split at its verb is asked whole, as a plain statement is; the split
            # card stays a suggestion beside it (its key kept), or is dealt when nothing else
            # asks the line
            clozes = clozes or statement_cards(replace(fact, kind="statement"))
            quality = SPLIT_SENTENCE_QUALITY if clozes else SPLIT_ALONE_QUALITY
            card = replace(card, quality=quality)
        elif not card and not clozes and _DIGIT.search(fact.text) and _said_at_its_verb(fact):
            # 'the cervix is 10 cm dilated': a sentence read as a key too long to ask by and its
            # value; asked whole, as a plain statement is. Only a line with a number: what such
            # a sentence's cloze hides (reading every card-less line again cost a tenth of a
            # first ingest, for cards that all hid a number)
            clozes = statement_cards(replace(fact, kind="statement"))
        return ([card] if card else []) + clozes
    if fact.kind == "definition":
        pair = pair_card(fact) if is_pair(fact) else qa_short_meaning(fact)
        clozes = cloze_cards(fact)
        # (decided on the whole meaning, which a long one's cut may no longer give away, so a
        # card asked forwards before the cut still is, its key kept)
        if not pair and not is_pair(fact) and not cloze_cards(fact, trim=False):
            # a note's own subject defined ('AWS Glue: serverless ETL service …') has no
            # context to hide its name from: it is asked forwards, 'AWS Glue — what is it?'
            pair = qa_card(fact)
        return ([pair] if pair else []) + clozes
    if fact.kind == "enumeration":
        card = enumeration_card(fact)
        return [card] if card else []
    if fact.kind == "qa":
        card = formula_card(fact) or inline_card(fact)
        return [card] if card else []
    cards = cloze_cards(fact)
    if fact.kind == "statement" and not cards:
        cards = statement_cards(fact)
        if not cards and (answered := answer_cloze(fact)):
            cards = [answered]
        else:
            cards = _answer_over_case(fact, cards)
    return cards


CASE_CLOZE_QUALITY = 0.45  # held back: a suggestion beside the answer's own cloze


def _answer_over_case(fact: FactInput, cards: list[CardSpec]) -> list[CardSpec]:
    """A line that states a case and its short answer ('need to migrate 50 TB of data over a
    slow link: Snowball'), whose clozes hide words of the case ('need to migrate […] of
    data'): those ask the scenario, not what it teaches. The answer is hidden instead
    (`answer_cloze`); the case's clozes stay as suggestions, one hiding in the answer stays."""
    if not cards or (answered := answer_cloze(fact)) is None:
        return cards
    text = prompts.tidy(fact.text)
    colon = text.find(": ")
    out, moved = [], False
    for card in cards:
        at = text.find(card.back) if card.kind == "cloze" and "[…]" in card.front else -1
        if at >= 0 and at + card.front.index("[…]") < colon:
            card, moved = replace(card, quality=min(card.quality, CASE_CLOZE_QUALITY)), True
        out.append(card)
    if not moved or any(c.key == answered.key for c in out):
        return cards
    return [*out, answered]
