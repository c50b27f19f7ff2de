"""Telling a worked example's data from the concept it illustrates, and a note's remarks about
its own sources from facts of the subject.

Pure. A note teaches a concept, then works it through: a table of sample rows, a trace of one
run, a sample patient, an exercise. A card on the concept stated there is a fact ('A heap's
root holds its minimum', written under 'Example'); a card on that one case's values is not
('child […] exits first' hiding '2', 'offset? -> 10', '(p,s), (s,t) has length […]'). What is
read here:
- the context: a heading that opens a worked case (`lexicon.EXAMPLE_HEADING` on each part of
  the heading path, or `lexicon.WORKED_EXAMPLE` anywhere in it);
- the value asked: a case's data, a bare number with no unit, a bit string, a code token, a
  symbol, a tuple of them (`example_data`); asked under such a context, the card is held;
- a line that points back at an example the card does not show ('in this example', 'the
  table above': `refers_to_example`), or names one individual of it by number ('child 2',
  'patient 3': `numbered_instance`), or tells a sample case ('A 9-year-old boy presents with
  …': `sample_case`);
- a value asked by a label that only a worked case gives one value ('offset? -> 10',
  'approximation? -> 0.16': `example_value`);
- remarks that are no fact of the subject: who wrote a reading, a guest speaker, a lecture's
  date, a slide or a page, a to-do (`non_fact`), an exercise's task ('Show that …', 'Do the
  analysis using …': `exercise_task`), a page number pasted into a paragraph
  (`page_artefact`), a question the note-taker asks (`note_question`), and a blank on one of
  two values whose other one the card shows ('either […] or 1': `given_binary`).
Read by decks.quality (a card held back) and quizzes.generate.quality (a question's penalty).
"""

from __future__ import annotations

import functools
import re

from . import lexicon, prompts

BLANK = "[…]"
# Markup a value is written in that says nothing of what it is: code ticks, TeX dollars,
# emphasis, quotes; an underscore inside a word is the name's own ('my_file').
_MARKUP = re.compile(r"[`*\"“”‘’]|(?<!\w)_|_(?!\w)|\$(?!\d)")
# A number with no unit: '10', '-3', '0.16', '333,526,321', '2.5e3'.
_NUMBER = r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?"
# One datum of a worked case: a number, a bit string or a hex word ('0000 0010', '0x1F'), a
# register or a variable token ('$t1', 'x[2]', 'str1', 'my_file', 'SEEK_SET', 'A'), a list of
# numbers ('[6, 100, -1]'), a symbol or an operation of single letters ('B · C', 'A + ¬C').
_DATUM = re.compile(
    rf"(?:{_NUMBER}|[01]{{4}}(?:[ ,\u2009]?[01]{{4}})*|0x[0-9a-f]+|\$\w+|[a-z_]\w*\[\w+\]"
    # a variable ('str1', 'x2'), in lower case: 'S3', 'EC2', 'B12', 'CO2' are names
    r"|(?-i:[a-z]+\d+)|\w*[a-z0-9]_\w+|\[\s*[-\d.]+(?:\s*,\s*[-\d.]+)*\s*\]|[a-z](?:\s*[·+*×∧∨⊕-]\s*¬?[a-z])*|\(\s*\w{1,3}(?:\s*,\s*\w{1,3})+\s*\))",
    re.I,
)
_DATA = re.compile(rf"{_DATUM.pattern}(?:\s*[,;]\s*{_DATUM.pattern})*", re.I)


def tidy_value(value: str) -> str:
    """A value without its markup and list bullets, spaces collapsed."""
    text = _MARKUP.sub("", value.replace("\n", ", ")).replace("•", " ")
    return re.sub(r"\s+", " ", text).strip(" .:;,")


def example_data(value: str) -> bool:
    """A value that is one case's data rather than a fact's: bare numbers with no unit, bit
    strings, code tokens, single-letter symbols ('10', '0.16', '0000 0010', '$t1', 'B · C',
    '(p, s)', '3, 7, 9'). A word ('NAND', 'heap'), a quantity ('16 bits', '8 B') or a
    sentence is not."""
    text = tidy_value(value)
    if not text or len(text) > 40:
        return False
    if re.fullmatch(r"[a-z]{2,}\d*", text, re.I) and not re.search(r"\d", text):
        return False  # a word, even a short one ('Yes', 'NAND')
    return _DATA.fullmatch(text) is not None


def _heading_parts(context: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*[›·>]\s*", context) if p.strip()]


@functools.lru_cache(maxsize=1 << 16)  # pure; the same headings are read for many questions
def example_heading(context: str) -> bool:
    """A heading path with a part that opens a worked case ('Karnaugh maps · e.g., for the
    table above', 'Insertion › Trace through an insert', 'Sample run', 'Q2') or an example or
    exercise anywhere in it (`lexicon.WORKED_EXAMPLE`)."""
    if lexicon.WORKED_EXAMPLE.search(context):
        return True
    return any(lexicon.EXAMPLE_HEADING.match(part) for part in _heading_parts(context))


def refers_to_example(text: str) -> bool:
    """A line that points at a case the card does not show ('in this example', 'for the table
    above', 'as shown above', 'Here, the …')."""
    return lexicon.EXAMPLE_POINTERS.search(text.replace(BLANK, " ")) is not None


# A lower-case noun (or one opening the line) and a number: 'child 2', 'Patient 3 had …'.
_INSTANCE = re.compile(
    r"(?:^|(?<=[^\w]))(?P<noun>[A-Za-z][a-z]*)\s+(?P<n>\d{1,3}|\[…\])(?![\w.,]*\d|\s*%)"
    # not an age, a range or a measure ('patients 21 years of age', 'children 2-5', 'patients
    # 13 and above', 'users 18 to 24')
    r"(?!\s*(?:[-–]|to\b|and\s+(?:above|older|over|up|under|below|younger)\b"
    r"|(?:years?|yrs?|y/?o|months?|weeks?|days?|hours?)\b))"
)


def numbered_instance(text: str, hidden: str = "") -> bool:
    """A line that names one individual of a worked case by its number, in lower case ('child
    2 exits first', 'patient 3 had …', 'all nodes at depth 2'), or hides that number
    ('child […]' hiding '2'). 'Type 2', 'Chapter 5' (capitalised names) and '3 threads' (a count)
    are not."""
    for m in _INSTANCE.finditer(text.strip()):
        noun = m.group("noun")
        if noun.lower() not in lexicon.INSTANCE_NOUNS or (noun[0].isupper() and m.start() > 0):
            continue
        if m.group("n") != BLANK or re.fullmatch(r"\d{1,3}", hidden.strip()):
            return True
    return False


def example_value(attribute: str, answer: str) -> bool:
    """A bare number asked by a label that only a worked case gives one value ('offset? ->
    10', 'approximation? -> 0.16', 'result? -> 42'): a fact's number has a unit or names what
    it counts ('offset? -> 16 bits')."""
    label = re.sub(r"[^a-z ]", "", attribute.lower()).strip()
    words = label.split()
    if not words or len(words) > 2 or words[-1] not in lexicon.EXAMPLE_VALUE_LABELS:
        return False
    return re.fullmatch(_NUMBER, tidy_value(answer)) is not None


# 'str1', 'greet2', 'node_3': a word in lower case, so not 'S3', and three letters or more, so
# not a product's short code ('io1', 'gp2'); a register ('$v0') is the machine's, not the case's
_VARIABLE = re.compile(r"[a-z]{3,}_?\d+")
_FUNCTION_OF = re.compile(r"[A-Za-z]\s*\(\s*[a-z]\w*\s*\)")  # 'h(k)', 'f(x)'


# A number of seven digits or more with no unit ('333,526,321', '4417265'): an identifier or a
# hash of one sample row; a count that large has a unit or names what it counts.
_IDENTIFIER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3}){2,}|\d{7,})(?![\w.,]|\s*[A-Za-z%$€£])")


def example_variable(name: str) -> bool:
    """A name a worked case gives its things, a word and a number in lower case ('str1',
    'greet2', 'node_3'): a table or a question over them asks that case's code, not a
    concept. A product's name ('S3', 'EC2', 'B12') is written in capitals, a short code ('io1')
    has two letters, a register ('$v0') a dollar."""
    return _VARIABLE.fullmatch(name.strip().strip("`'\"“”‘’*")) is not None


def computed_value(attribute: str, answer: str) -> bool:
    """A row's value of a function the example applies ('Samar — index h(k)? -> 2095', 'x = 3
    — f(x)? -> 10'): the result of one worked computation, not a fact of the row."""
    return bool(_FUNCTION_OF.search(attribute.replace("$", ""))) and example_data(answer)


def sample_case(text: str) -> bool:
    """A sample case's details ('A 13-year-old boy presents with leg pain at night', 'as seen
    in this patient'): a vignette of one individual, not the condition it illustrates."""
    return lexicon.SAMPLE_CASE.search(text.replace(BLANK, " ").strip()) is not None


def non_fact(text: str) -> bool:
    """A remark about the note's sources or course, not its subject ('Chapter from Karl Smith's
    …', 'Guest speaker', 'Lecture 4 (Jan 12)', 'slide 14', 'p. 212', 'TODO')."""
    return lexicon.NON_FACT.search(text.replace(BLANK, " ")) is not None


def exercise_task(sentence: str, context: str = "") -> bool:
    """An exercise's task rather than a fact ('Show that the sum is even', 'Do the analysis
    using a charge of 2 for each insert'): a sentence opening on an exercise verb that gives
    the case's numbers, asks, or stands under a worked case. A method's step ('Calculate the
    anion gap') opens the same way, so alone the verb is not enough."""
    text = sentence.strip(" *_-")
    if lexicon.EXERCISE_ONLY.match(text):
        return True
    if not lexicon.EXERCISE_VERBS.match(text):
        return False
    return bool(re.search(r"\d", text)) or text.endswith("?") or example_heading(context)


def page_artefact(front: str, hidden: str) -> bool:
    """A page number pasted into a paragraph from a PDF ('… when preparing 6 a medicine …'): a
    bare number hidden just before an article or 'that', where no count can stand ('3 a day'
    is a rate, and stays)."""
    if not re.fullmatch(r"\d{1,4}", hidden.strip()):
        return False
    after = front.partition(BLANK)[2]
    return bool(
        re.match(r"\s+(?:a|an|the|that)\s+(?!(?:day|week|month|year|hour|minute)\b)", after)
    )


def note_question(front: str, sentence: str) -> bool:
    """A cloze whose sentence is a question the note-taker asks ('What happens to the previous
    value of the register?', 'Something about incremental costs?'): it asks, it states nothing.
    A term and its meaning ('[…]: Where is the station?', a phrase and its translation) is a
    pair, not a question asked."""
    if front.startswith(f"{BLANK}:"):
        return False
    return sentence.rstrip().endswith("?")


def given_binary(front: str, hidden: str) -> bool:
    """A blank on one of two values whose other one the front shows ('either […] or 1', 'high
    or […]'): a guess, half the time right, not a recall."""
    word = hidden.strip(" *_`").lower()
    for pair in lexicon.BINARY_VALUES:
        if word in pair:
            other = pair[1 - pair.index(word)]
            near = rf"\[…\]\s*(?:or|and|/|vs\.?)\s*{re.escape(other)}\b"
            before = rf"\b{re.escape(other)}\s*(?:or|and|/|vs\.?)\s*\[…\]"
            return bool(re.search(near, front, re.I) or re.search(before, front, re.I))
    return False


def example_card(kind: str, context: str, front: str, answer: str) -> bool:
    """A card that asks a worked case's data or a remark, not a fact: `kind` is the card's
    ('cloze', 'qa', 'comparison', 'enumeration', 'inline'), `answer` what it hides or asks
    (a cloze's hidden words, another card's back). A concept stated under an example heading
    ('Example › A heap's root holds its […]' hiding 'minimum') is still a fact."""
    if kind == "inline":
        return False  # the learner's own question and answer
    attribute = prompts.asked_label(front) if kind in ("qa", "comparison") else ""
    shown = front if kind == "cloze" else f"{front} {answer}"
    hidden = answer if kind == "cloze" else ""
    if example_heading(context) and example_data(answer):
        return True
    if refers_to_example(shown) or numbered_instance(shown, hidden) or non_fact(shown):
        return True
    if sample_case(front if kind == "cloze" else answer):
        return True  # a vignette's details: 'A 9-year-old boy presents with […]'
    if attribute and (example_value(attribute, answer) or computed_value(attribute, answer)):
        return True
    if kind in ("qa", "comparison") and example_variable(front.partition(" — ")[0]):
        return True  # 'greet1 — data location?': a row of the example's variables
    if kind == "cloze":
        sentence = front.replace(BLANK, answer)
        return (
            exercise_task(sentence, context)
            or note_question(front, sentence)
            or page_artefact(front, answer)
            or given_binary(front, answer)
        )
    return False


def example_question(prompt: str, answers: tuple[str, ...] | list[str], stated: str = "") -> bool:
    """A question that asks a worked case's data or a remark, not a fact: read as a card is
    (`example_card`), its heading the prompt's part before ' — ', its asked label after.
    `stated`: the line it was made from (its explanation), which says whether a number asked
    counts something ('Offset is 16 bits') or is one case's value ('Offset is 10')."""
    where = prompt.partition(" — ")[0]
    if answers and all(a.lower() in ("true", "false") for a in answers):
        # a true/false states its value: 'True or false: 100 — value: 4'
        attribute, _, value = prompt.rpartition(" — ")[2].partition(":")
        answers = [value]
    else:
        attribute = prompts.asked_label(prompt)
    said = " ".join(answers)
    if example_heading(where) and answers and all(example_data(a) for a in answers):
        return True
    if _IDENTIFIER.search(prompt):  # not an answer: a numeric one is in base units ('7776000' s)
        return True  # 'Which of these has student ID 333,526,321?': one row's identifier
    if answers and all(example_variable(a) for a in answers):
        return True  # 'which of these are modifiable?' -> 'str1', 'greet2': the example's names
    if example_variable(where.rpartition(":")[2]) or (
        attribute and computed_value(attribute, said)
    ):
        return True
    shown = f"{prompt} {said}"
    if refers_to_example(shown) or numbered_instance(shown) or non_fact(shown):
        return True
    if any(sample_case(a) for a in answers):
        return True
    if not attribute or len(answers) != 1 or "(give the number of" in prompt:
        return False
    counted = re.search(r"\d\s*[A-Za-z%]", stated) is not None  # '16 bits', not '10'
    return not counted and example_value(attribute, tidy_value(answers[0]))
