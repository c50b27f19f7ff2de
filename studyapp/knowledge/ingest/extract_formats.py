"""Note formats that put one fact on one line, and how a line of them reads: authored
question/answer pairs ('**Q:** …' / '**A:** …'), definition lists ('Osmosis' then ': the net
movement …'), 'Term — definition' and 'Term = meaning' glossaries, outliner properties
('location:: chloroplasts').

Pure string and outline work: no candidates are built here (extract does that), only the items
and the parts a line is read as.
"""

from __future__ import annotations

import functools
import re

from studyapp.text import lexicon, prompts
from studyapp.text.blanks import fact_sentence, relation_verb
from studyapp.text.names import content_stems, generic_heading, generic_word, name_key, singular

from .extract_key_values import key_value, label_key
from .parse import Item, Table, clean_heading

_PROPERTY = re.compile(r"^(?P<key>[A-Za-z](?:[\w -]{0,40}[\w-])?)::\s+(?P<value>\S.*)$")
# (a term may hold a path of names, 'std::unique_ptr', 'Vec::new'; not a lone ':', a label's)
_TERM_LINE = re.compile(
    r"^(?P<term>(?:[^—–=:]|::){1,80}?)\s+(?P<mark>—|–|-|=)\s+(?P<meaning>\S.+)$"
)
_TERM_MARKS = re.compile(r"[—–=-]")  # what _TERM_LINE needs: most lines have none
_FORMULA = re.compile(r"[+×÷*/^−]|\s[-–]\s|^\(|\d\s*$")
_PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
MAX_TERM_WORDS = 5


def record_items(table: Table) -> list[Item] | None:
    """A two-column table of a field and its value per row ('| Cause | Urate crystals |'),
    headed by one name over a blank ('| **Gout** | |') or by nothing at all: a record of one
    thing, as a question bank or a wiki infobox lays it out. It reads as the outline it stands
    for: under a bold label of that name (or straight under the section, when unnamed),
    'field: value' lines, a value of several lines (`<br>`) as the field's own list, and a row
    with no value (a footnote, 'DHT = dihydrotestosterone') as a line of its own. None for any
    other table: those are compared (merge_comparisons)."""
    header = [h.strip() for h in table.header]
    if len(header) != 2 or header[1] or not table.rows:
        return None
    if any(len(row) != 2 or not row[0].strip() for row in table.rows):
        return None
    if not header[0] and not all(row[1].strip() for row in table.rows):
        return None  # unnamed, and a row without a value: a header row may be missing
    fields = []
    for offset, (label, value) in enumerate(table.rows):
        line = table.first_row_line() + offset
        label, parts = clean_heading(label), [v.strip() for v in value.split("\n") if v.strip()]
        if not parts:
            fields.append(Item(label, line))
        elif len(parts) == 1:
            fields.append(Item(f"{label}: {parts[0]}", line))
        else:
            fields.append(Item(f"{label}:", line, children=[Item(p, line) for p in parts]))
    if not header[0]:
        return fields
    name = clean_heading(header[0])
    return [Item(name, table.line, (name,), fields, is_paragraph=True)]


def line_items(items: list[Item]) -> list[Item]:
    """A list of items as one fact per line: a paragraph whose every line is a fact of its own
    ('Term — meaning' lines, 'Question::Answer' cards, a definition list) becomes one item per
    line, and an authored question followed by its answer becomes one item with `answer`."""
    out: list[Item] = []
    for item in items:
        out.extend(_split(item))
    return _pair_questions(out)


MAX_HEADING_MEANING_WORDS = 40  # longer, a paragraph under a heading is prose about it


def heading_meaning(title: str, items: list[Item], *, nested: bool) -> str | None:
    """'### Lysozyme' then one paragraph 'An enzyme in tears and saliva that …': a heading that
    is a term with one short paragraph under it, which does not name the term again (a sentence
    that does, 'Stomach acid has a pH of 2', is a statement about it), is the term's meaning.
    Not a note's title (`nested` False: its paragraph introduces the note), an activity
    ('Checking') or a quote under a label ('Mnemonic' then '"The key, the whole key …"')."""
    if not nested or len(items) != 1 or not title or generic_heading(title):
        return None
    if not prompts.cloze_term(title) or title.lower().endswith(lexicon.GERUND_ENDING):
        return None
    item = items[0]
    text = item.text.strip()
    if not item.is_paragraph or item.children or item.answer or "\n" in text:
        return None
    if not 3 <= len(text.split()) <= MAX_HEADING_MEANING_WORDS or text.endswith(("?", ":")):
        return None
    if text[:1] in "\"“‘'" or text.count(": ") >= 2:
        return None  # a quote, or 'Stands for: … You manage: …' lines run together
    if content_stems(title) & content_stems(text) or not content_stems(title):
        return None
    if _SUBJECT_AND_VERB.match(text):
        return None  # 'Biotin' over 'deficiency result in dermatitis': of its deficiency
    return copular_rest(text) or text


# A paragraph opening on a one-word subject of its own and what it brings about ('Deficiency
# results in …', 'Overdose leads to …'): under a term it says what a part of it does, not what
# the term is. ('Every determinant is a candidate key' under 'BCNF' does say what it is.)
_SUBJECT_AND_VERB = re.compile(
    r"^(?:the\s+)?[A-Za-z][\w'’-]*\s+(?:results?\s+in|leads?\s+to)\b",
    re.I,
)


def first_line_meaning(title: str, items: list[Item], *, nested: bool, few: int = 2) -> str | None:
    """'### Unix group' over '- A set of users who share files' and more notes: a term
    heading whose first line is a noun phrase describing it (`describes`) gives its meaning,
    as one short paragraph does (`heading_meaning`). Not a note's title, a generic heading or
    an activity, nor a first line that names the heading again (a statement about it).
    `few`: the fewest items (a generic heading's one paragraph is no `heading_meaning`)."""
    if not nested or len(items) < few or not title or generic_heading(title):
        return None
    if not prompts.cloze_term(title) or title.lower().endswith(lexicon.GERUND_ENDING):
        return None
    words = title.split()
    if words[0].lower() in _NOT_A_HEAD:
        return None  # 'More rotation properties' names no term
    if len(words) >= MIN_ACTIVITY_WORDS and words[0].lower().endswith(lexicon.GERUND_ENDING):
        return None  # 'Measuring running time by counting steps': an activity, not a term
    if len(words) >= 3 and re.search(r"\bto\s+\w+$", title):
        return None  # 'Algorithm to test': what the section is for, not a term
    if _JOINED.search(title):
        # 'Failure and fault tolerance', 'EMR / AWS integration', 'Stack Creation & DependsOn':
        # two things or an aspect of one, whose first line is one of its notes, no meaning
        return None
    if len(words) >= 3 and words[0].lower() in lexicon.STEP_VERBS and words[1].lower() in _DETS:
        return None  # 'Build a secure multi tier architecture': a task, its first step
    first = items[0]
    meaning = said_meaning(first.text)
    if first.children or first.answer or "\n" in first.text or not meaning:
        return None
    if term_definition(first.text):
        # '### Defences' over '- contributory negligence — Law Reform Act 1945': a line that
        # defines a term of its own is one member of what the heading lists, not its meaning
        return None
    if content_stems(title) & content_stems(first.text) or not content_stems(title):
        return None
    if len(items) >= MIN_LISTED and all(_listed_name(item) for item in items):
        # '## Pricing model' over 'gateway usage (per gateway per month)', 'snapshot storage
        # (per GB per month)', …: the first line is one of the names the section lists
        return None
    return meaning


MIN_LISTED = 3
_JOINED = re.compile(r"\s(?:and|&|/|vs\.?|or)\s", re.I)
_DETS = lexicon.ARTICLES | frozenset("your our their its this that".split())


def _listed_name(item: Item) -> bool:
    """A line that is a short name, asides left out: no sub-lines, no label, no verb."""
    words = re.findall(r"[\w'’]+", _PARENTHESIS.sub(" ", item.text).lower())
    return (
        not item.children
        and not item.answer
        and 0 < len(words) <= MAX_LABEL_TERM_WORDS + 2
        and ":" not in item.text
        and not lexicon.SENTENCE_VERBS.intersection(words)
        and words[0] not in lexicon.CLAUSE_OPENERS
    )


MIN_ACTIVITY_WORDS = 4  # 'Pricing model', 'Running times' are names; four words doing is a task
MAX_LABEL_TERM_WORDS = 4  # '**Metadata**', '`chmod`', 'Helper T cells': a name, not a line
MAX_DESCRIPTION_WORDS = 25
# Words a noun phrase describing a term goes on with ('A set of users who …', 'Special file
# that maps …'): what follows them is the description's own clause, whose verb is allowed.
_RELATIVES = frozenset("that which who whom whose where".split())
# First words that head no noun phrase: prepositions ('From lecture 7', 'As a root', 'With a
# delay') and words pointing at another ('Another quantity …', 'Sometimes').
_NOT_A_HEAD = (
    lexicon.VERB_PARTICLES
    | lexicon.ROW_PREPOSITIONS
    | lexicon.TIME_PREPOSITIONS
    | frozenset(
        "another other more less most sometimes often usually always very quite really just"
        " only mostly mainly include includes aka".split()
    )
)
_FIELD_LIKE = re.compile(r"[A-Z][a-z]{2,}[^s\W]s")  # 'Causes', 'Symptoms': one plural word
_LIST_MARK = re.compile(r"^[&!?%]\s+")  # a marker some note apps draw before a line
_POINTING = frozenset("above below following previous image figure".split())
# Words a noun phrase does not open with: a verb, a modal, a clause opener, a pointer, a person.
_NO_NOUN_OPENERS = (
    lexicon.STEP_VERBS
    | lexicon.MODAL_VERBS
    | lexicon.CLAUSE_OPENERS
    | lexicon.BACK_REFERENCES
    | lexicon.DEICTIC_OPENERS
    | lexicon.PREDICATE_VERBS
    | lexicon.LIGHT_VERBS
    | lexicon.PERSONAL_WORDS
)
_FINITE = lexicon.SENTENCE_VERBS | lexicon.MODAL_VERBS | {"has", "have", "does", "do", "did"}
_LIGHT_S = frozenset(w for w in lexicon.LIGHT_VERBS if w.endswith("s") and w != "has")
_ADJECTIVE_ENDINGS = ("ful", "ble", "ive", "er", "good", "bad", "able", "ent", "ant")


def label_meaning(item: Item, *, named_once: bool = False) -> tuple[str, str, int] | None:
    """'**Metadata**' with '- Information kept about a file' under it, or '`chmod`' over
    '- Command that changes a file's permissions': a bullet that only names a term, whose first
    note is a noun phrase describing it, gives (term, meaning). Not a label that introduces
    ('Causes:', 'Pros'), a sentence, a key and a value, nor a first note that is a sentence of
    its own ('Cells divide by mitosis'), an example or a remark going on ('Also …').
    `named_once`: the label is written once in its note, not over each of several things (see
    `_label_term`)."""
    found = _label_term(item, named_once=named_once)
    if found is None:
        return None
    term, marked, named = found
    # the first note, or the second after a remark on who or when ('Hippocrates argued for
    # this', then 'The idea that every part of the body …')
    for index, note in enumerate(item.children[:2]):
        said = None
        for part in _meaning_parts(note.text) if marked else (note.text,):
            said = said_meaning(part, marked=marked)
            if not said and named:
                said = does_meaning(part, code=term in item.code)
            if said:
                break
        if note.answer or (note.emphasis and not marked) or not said:
            if index == 0 and not _second_may_mean(note.text, item.children[1:2]):
                return None
            continue  # under a plain label, a note marking its own terms is asked by them
        if _names_term(term, note.text):
            # 'Golgi apparatus' / 'Golgi apparatus packages proteins': a statement about it,
            # and 'Length' / 'Length of one side' says nothing; 'A circuit whose …' under
            # 'Sequential circuit' still says what makes it one
            return None
        return term, said, index
    return None


_EXAMPLE_TAIL = re.compile(r",?\s+(?:e\.\s?g\.|i\.\s?e\.|for example|such as)\s.*$", re.I)


def _meaning_parts(text: str) -> list[str]:
    """The note under a marked term (its first sentence, when it has more), the clause before a
    semicolon and what it says before an example: 'All rows from both tables, with NULLs where
    there is no match. MySQL does not support it …' means the first sentence; 'Returns all rows
    from the left table …; where there is no match, …' its first clause; 'A table joined to
    itself, e.g. employees and their managers:' what comes before the example."""
    sentences = paragraph_sentences(text)
    parts = [sentences[0]] if len(sentences) > 1 else [text]  # a meaning is one sentence
    for part in list(parts):
        if ";" in part:
            parts.append(part.split(";", 1)[0])
    for part in list(parts):
        if (cut := _EXAMPLE_TAIL.sub("", part)) != part and len(cut.split()) >= 3:
            parts.append(cut)
    return list(dict.fromkeys(p.strip().rstrip(".") for p in parts if p.strip()))


def _second_may_mean(first: str, rest: list[Item]) -> bool:
    """Whether the note after a first that says no meaning may still say one: after a remark on
    who or when ('Hippocrates argued for this'), or a second note that reads as a meaning of
    its own: not a line with a label of its own ('Article II – Executive branch' under 'The
    seven Articles', 'Income approach – wages + rent …') nor one on what can or cannot be done
    ('Scalability' over '- can only grow a volume', '- cannot shrink one': a list of what
    holds of it, whose second line is no more its meaning than the first)."""
    if _remark_on_who_or_when(first):
        return True
    if not rest:
        return False
    second = _LIST_MARK.sub("", rest[0].text.strip())
    own_label = re.search(r"\s[-–—]\s|:\s|\s=\s", second)
    return not own_label and not prompts.opens_on_modal(second)


def _remark_on_who_or_when(text: str) -> bool:
    """'Hippocrates argued for this', 'First described in 1866', 'Introduced by Codd': a note on
    who held a view or when, after which the next note may still say what the term is."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(
        words & lexicon.VIEW_VERBS
        or re.search(r"\b(?:1\d{3}|20\d{2})s?\b", text)
        or words & {"described", "introduced", "coined", "named", "discovered", "invented", "this"}
    )


def label_statement(item: Item) -> tuple[str, str] | None:
    """'**Setup time**' over '- The input must be stable before the clock edge', or a callout
    titled 'Variable scope' over '- Locals live only while their function runs': a name the
    note marks whose first note is a sentence of its own, with no sub-notes, says what holds
    of it: (term, sentence), asked forwards ('— setup time?'), never hidden (the sentence may
    say what the term is about rather than what it is). Not a sentence pointing back, spoken
    by a person, asking, cut, giving an example, or naming the term again."""
    found = _label_term(item)
    if found is None or not found[1]:
        return None
    term = found[0]
    note = item.children[0]
    if note.children or note.answer or note.emphasis:
        return None
    text = _LIST_MARK.sub("", note.text.strip()).rstrip(".")
    words = re.findall(r"[\w'’-]+", text.lower())
    if not 4 <= len(words) <= MAX_DESCRIPTION_WORDS or not text[:1].isupper():
        return None
    if words[0] in lexicon.BACK_REFERENCES | lexicon.CLAUSE_OPENERS | lexicon.NON_SUBJECT_OPENERS:
        return None  # 'This is …', 'But …', 'It …': said of another line
    if lexicon.PERSONAL_WORDS & set(words) or lexicon.EXAMPLE_MARKER.search(text):
        return None
    if re.search(r"[:=?]|::|\$", text) or _cut(text) or lexicon.COMPARISON_OPENERS.match(text):
        return None
    if not fact_sentence(text) or not prompts.clause_meaning(text) or _names_term(term, text):
        return None  # a sentence with a subject of its own (else it is label_meaning's)
    return term, text


def _names_term(term: str, text: str) -> bool:
    own = set(re.findall(r"\w+", term.lower())) - lexicon.STOP_WORDS
    return not own or own <= set(re.findall(r"\w+", text.lower()))


# What a participle takes after it, where an adjective before a noun takes a noun.
_PARTICIPLE_TAKES = lexicon.ROW_PREPOSITIONS | frozenset(
    "in into on at out up down off over under as".split()
)


def _label_term(item: Item, *, named_once: bool = False) -> tuple[str, bool, bool] | None:
    """The term a bullet only names, with whether the note marks it (bold, code, a callout
    title or a bold line) and whether in bold or as code: (term, marked, named). A plain label
    in lower case is a field of the line above ('symptoms' under each disease), unless the note
    writes it once (`named_once`) and it is no field's word: an outline's thing ('set' over
    'unordered collection of unique elements', 'mitochondrion' over 'organelle of …')."""
    if not item.children or item.answer:
        return None
    # 'Causes:' introduces what follows; a marked term with a colon over a line whose subject
    # it is ('**Unit vectors**:' over 'Are vectors of length 1') still names it
    colon = item.text.rstrip().endswith(":")
    if colon and not (item.emphasis and copular_rest(item.children[0].text)):
        return None
    term = clean_label(item.replaced(text=item.text.rstrip().rstrip(":").rstrip()))
    term = term.rstrip(":").strip()
    if not term or len(term.split()) > MAX_LABEL_TERM_WORDS or generic_heading(term):
        return None
    label = item.text.rstrip().rstrip(":") if colon else item.text
    if not prompts.cloze_term(term) or key_value(label) or _TERM_LINE.match(label):
        return None
    # an operation's arguments are part of its name ('`Union(x, y)`')
    bare = re.sub(r"\([^()]*\)", "()", term) if term in item.code else term
    if re.search(r"[,;:.!?=→]", bare) or not _names_a_thing(bare):
        return None
    words = term.lower().split()
    if words[0].endswith("ed") and (len(words) == 1 or words[1] in _PARTICIPLE_TAKES):
        # 'Fetched from memory': a participle, what happens, not a term ('Closed curve',
        # 'Red blood cell', 'Fixed cost' are nouns their first word qualifies)
        return None
    marked = item.is_paragraph or term in item.emphasis or term in item.code
    if not marked and (
        _FIELD_LIKE.fullmatch(term)
        or (term[:1].islower() and not (named_once and not _field_word(term)))
    ):
        return None  # 'symptoms', 'Causes': a field of the line above, written plain
    if set(term.lower().split()) <= lexicon.BLOCK_KIND_TITLES:
        return None  # '> [!summary] Operations': what kind of lines follow, not a thing
    if _names_members(term):
        return None  # '> [!info] Three initialization approaches' over the three
    # a name the note writes in bold or as code may be defined by what it does
    return term, marked, term in item.emphasis or term in item.code


def _field_word(term: str) -> bool:
    """A label any subject's lines may sit under ('symptoms', 'pros', 'examples', 'path' for
    pathophysiology, `lexicon.FIELD_ABBREVIATIONS`), two letters, more than one word or a
    plural ('tools'): no thing of its own, as 'set' or 'mitochondrion' is."""
    key = name_key(term)
    return (
        len(term) <= 2
        or " " in term.strip()  # 'car safety', 'rollback failure reasons': what lines are about
        or singular(term.lower()) != term.lower()  # 'tools': the kind of what is listed
        or term.lower() in lexicon.FIELD_ABBREVIATIONS
        or key in lexicon.ASPECT_QUESTIONS
        or key in lexicon.ASPECT_HEADINGS
        or key in lexicon.SIDE_LABELS
        or key in lexicon.GENERIC_ATTRIBUTES
        or generic_word(term)
    )


_SEQUENCE_NOUNS = frozenset("workflow workflows lifecycle".split())
# Words that place a member in a sequence ('Second stage', 'Last time'); not a side or a part
# ('Left ventricle', 'Middle ear' are names).
_SEQUENCE_POSITIONS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last next previous"
    " final".split()
)


def _names_members(term: str) -> bool:
    """A title that names the lines under it as members or steps, not a thing they describe:
    a count or a position ('Three initialization approaches', 'Second stage'), a kind of list
    ('… approaches', '… stages', `lexicon.KIND_NOUNS`) or a sequence ('Preprocessor workflow').
    Its first line is the first member or step, not its meaning."""
    words = term.lower().split()
    first, last = words[0], words[-1]
    return (
        first in lexicon.COUNT_WORDS
        or (first in _SEQUENCE_POSITIONS and len(words) > 1)
        or last in lexicon.KIND_NOUNS
        or last in _SEQUENCE_NOUNS
    )


_WHAT_IS = re.compile(r"^what (?:is|are) (?:an? |the )?(?P<term>[^?]+?)\s*\?$", re.I)


def _names_a_thing(term: str) -> bool:
    """'Ribosome', 'Sequential circuit', 'sa_handler': a name. Not a clause ('Client opens a
    connection', 'AWS recommends for training'), a verb phrase ('Forms a cylinder'), a
    label of a list's kind ('Types of adders', 'Use cases for queues', 'Requirements') or a
    word pointing back ('they for')."""
    words = term.lower().split()
    first = words[0]
    if "$" in term or {"and", "&", "or"} & set(words) or prompts.positional_label(term):
        return False  # 'Premise 2', 'Diagnosis and treatment': a line's place or two fields
    if prompts.discourse_label(term):
        return False
    verbs = lexicon.SENTENCE_VERBS | lexicon.MODAL_VERBS | lexicon.LIGHT_VERBS
    if any(w in verbs for w in words) or first in lexicon.BACK_REFERENCES | lexicon.PERSONAL_WORDS:
        return False
    if first in lexicon.LIST_VERBS | lexicon.PREDICATE_VERBS or relation_verb(first):
        return False
    if any(w in {"a", "an"} for w in words[1:]) or words[-1] in _NOT_A_HEAD:
        return False
    if any(w.endswith("s") and relation_verb(w) for w in words[1:]):
        return False
    if any(  # 'Cell divides in two': an -s verb before its particle
        w.endswith("s") and not w.endswith("ss") and nxt in lexicon.VERB_PARTICLES - {"of"}
        for w, nxt in zip(words[1:], words[2:], strict=False)
    ):
        return False
    # 'Types of adders', 'Use cases for X', 'Random facts': what kind of lines follow
    if first in lexicon.GENERIC_LABEL_WORDS or words[-1] in lexicon.GENERIC_LABEL_WORDS:
        return False
    kind_of = len(words) > 2 and words[1] in {"of", "for"}
    return not (kind_of and lexicon.CATEGORY_NAME.search(first))


def clean_label(item: Item) -> str:
    """The term a bullet names: its bold or code word when that is nearly all of it
    ('**Directory** (folder)' -> 'Directory'), else the bullet itself."""
    text = item.text.strip()
    asked = _WHAT_IS.match(clean_heading(text))
    if asked:  # '> [!question] What is a file?' asks for its meaning
        term = asked.group("term")
        return "" if term.split()[-1].lower() in _NOT_A_HEAD else term  # 'What are they for?'
    for marked in (*item.emphasis, *item.code):
        bare = _PARENTHESIS.sub("", text).strip()
        if marked.strip() and marked.strip() == bare:
            return marked.strip()
    return text


def said_meaning(text: str, *, marked: bool = True) -> str | None:
    """What a line under a term says the term is: the line itself when it is a describing noun
    phrase (`describes`), or what follows a copula or a defining verb the line opens with, its
    subject being the term above it ('Is a function pointer', 'Are vectors of length 1',
    'Refers to the idea that matter is alive', `lexicon.SUBJECTLESS_DEFINITION`). Under a
    term the note marks (bold, code, a heading, a callout), a 'When …' line says when the
    term holds ('**Collision**' over 'When two keys map to the same slot')."""
    if describes(text):
        return _LIST_MARK.sub("", text.strip())
    if marked and (when := condition_meaning(text)):
        return when
    return copular_rest(text)


_GIVEN = re.compile(r"^given\b[^,;:]{1,60},\s*", re.I)


def does_meaning(text: str, *, code: bool) -> str | None:
    """What a line under a marked name says it does: '**Reset signal**' over 'Resets the
    output to 0', '**Kinase**' over 'Adds a phosphate group to a protein', or, under a name
    written as code (an operation), an instruction: '`Find-Set(x)`' over 'Given element x,
    return the representative of its set' (`lexicon.OPERATION_VERBS`). The line has no subject
    of its own and no person, negation or label in it; it is the whole meaning."""
    text = _LIST_MARK.sub("", text.strip()).rstrip(".")
    words = re.findall(r"[\w'’-]+", text.lower())
    if not 3 <= len(words) <= MAX_DESCRIPTION_WORDS:
        return None
    if re.search(r"[:=→;?]|::|\$", text) or re.search(r"\b(?:not|never|no)\b|n't\b", text):
        return None
    if lexicon.PERSONAL_WORDS & set(words) or words[1] in lexicon.SENTENCE_VERBS:
        return None  # 'We store …', 'Cells are …': a subject of its own
    if _cut(text) or lexicon.COMPARISON_OPENERS.match(text):
        return None  # 'Selects a pivot element, then' goes on below; 'Like …' likens
    rest = _GIVEN.sub("", text) if code else text
    first = rest.split()[0].lower()
    if code and first in lexicon.OPERATION_VERBS:
        return text
    if _acts(first) and rest is text:
        return text
    return None


def _acts(word: str) -> bool:
    """'Resets', 'Stores', 'Regulates': a verb's -s form opening a line with no subject."""
    third = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    acts = relation_verb(word) or word[:-1] in lexicon.OPERATION_VERBS
    return third and (acts or word in lexicon.PREDICATE_VERBS)


MAX_ANSWER_WORDS = 30  # a question's answer under it: a line or three, not a page
MAX_ANSWER_LINES = 3
_QUESTION_MARK = re.compile(r"^[?❓]\s+")  # '- ? What …': a note app's question marker
_ANSWER_OPENERS = frozenset("if how why what when".split())  # a condition or a question back
_AUXILIARIES = frozenset("is are was were does do did can could should would will has have".split())


def question_answer(item: Item) -> tuple[str, str, int] | None:
    """'- ? What gate sets the output high when the inputs differ?' over '- XOR', or a
    question callout over its answer: a question the note asks with its answer under it is a
    card the author wrote, (question, answer, lines the answer took). The answer is the
    item's one to three plain lines (no sub-notes, no question of their own, no example
    alone), short enough to recall."""
    text = _QUESTION_MARK.sub("", item.text.strip()).strip("*_ ")
    words = re.findall(r"[\w'’-]+", text.lower())
    if not text.endswith("?") or len(words) < 3 or item.answer:
        return None
    if words[0] not in lexicon.QUESTION_WORDS | _AUXILIARIES:
        return None
    if (lexicon.PERSONAL_WORDS | lexicon.BACK_REFERENCES | {"that"}) & set(words):
        return None  # 'How do we …?', 'How do you handle this?': a step of the lecture's talk
    if words[:2] == ["what", "if"] or words[:2] == ["what", "about"]:
        return None  # 'What if B were all ones?': a variation on an example
    if label_meaning(item):
        return None  # 'What is a latch?' over what it is: a term defined (label_meaning)
    lines = [c for c in item.children if c.text.strip()]  # an image under it says nothing
    if not lines or len(lines) > MAX_ANSWER_LINES or any(c.children for c in lines):
        return None
    said = [_LIST_MARK.sub("", c.text.strip()) for c in lines]
    # 'Process ID of the child' then 'e.g., result == 680': an example under the answer
    # illustrates it, and is left off; an example alone answers nothing
    said = [t for t in said if not lexicon.EXAMPLE_MARKER.match(t)]
    if not said or any(not t or t.endswith(("?", ":")) for t in said):
        return None
    if any(_cut(t) for t in said):
        return None  # '… because the': the answer goes on where the note does not show
    answer = "; ".join(t.rstrip(".") for t in said)
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return None
    spoken = set(re.findall(r"[\w'’]+", answer.lower()))
    openers = {t.split()[0].lower() for t in said} - _REASON_OPENERS.get(words[0], frozenset())
    if lexicon.PERSONAL_WORDS & spoken or _ANSWER_OPENERS & openers:
        # 'How do you draw the line …', 'If evaluating an argument; …': the lecture thinking
        # aloud, not the answer a learner recalls
        return None
    return text, answer, len(lines)


# 'Why might fork fail?' answered 'If there are already too many processes …': a reason or a
# condition is how a why or a when question is answered, not the lecture thinking aloud.
_REASON_OPENERS = {
    "why": frozenset({"if", "because", "when", "since"}),
    "when": frozenset({"if", "when", "after", "before", "once"}),
}

MAX_CLAIM_WORDS = 12  # 'The sets are **disjoint**': a short claim naming one term


def _cut(text: str) -> bool:
    """A line that stops where it goes on: a trailing comma, connective or preposition."""
    last = re.findall(r"[\w'’-]+", text.lower())[-1:]
    joins = {"then", "but", "so", "because", "while", "where", "when"}
    return text.rstrip().endswith(",") or bool(last) and last[0] in lexicon.CONTEXT_DANGLING | joins


_OBJECT_PREPOSITIONS = frozenset(
    (*lexicon.QUALIFIER_PREPOSITIONS, *lexicon.ROW_PREPOSITIONS, "at", "into", "about", "as")
)


def claim_meaning(item: Item) -> tuple[str, str] | None:
    """'The sets are **disjoint**' over '- No element is in more than one set', or 'Parliament
    is **sovereign**' over 'No court can set aside its Acts': a short claim whose one bold term
    the first note under it explains gives (term, explanation). Not a note that is an example,
    a consequence ('→ …'), a question or one pointing back, nor one that names the term again
    (a statement about it, not what it means)."""
    if len(item.emphasis) != 1 or not item.children or item.answer:
        return None
    term = item.emphasis[0].strip().rstrip(":")
    words = item.text.split()
    if not term or term == item.text.strip() or len(words) > MAX_CLAIM_WORDS:
        return None
    before, _, after = item.text.rstrip(" .:").rpartition(term)
    if not before.strip() or after.strip(" *_"):
        # the term the claim ends on is what the line under it explains; 'Soul is the form
        # of the body' over a note is about the whole claim, not the word that opens it
        return None
    if len(term.split()) > MAX_LABEL_TERM_WORDS or not prompts.cloze_term(term):
        return None
    if before.split()[-1].lower() in _OBJECT_PREPOSITIONS:
        # 'Endianness is about byte order in *memory*', 'Messages are enclosed in *packets*':
        # the term is what the claim relates its subject to, and the note under it goes on
        # about the claim, not about what the term means
        return None
    claimed = {w.lower() for w in words}
    if not claimed & (lexicon.SENTENCE_VERBS | lexicon.MODAL_VERBS):
        return None  # '**Synchronous** counter', 'Note the **delays**': a name or an instruction
    note = item.children[0]
    if note.answer or note.emphasis or note.children:
        return None
    text = _LIST_MARK.sub("", note.text.strip()).rstrip(".")
    said = re.findall(r"[\w'’-]+", text.lower())
    if not 4 <= len(said) <= MAX_DESCRIPTION_WORDS or said[0] in lexicon.BACK_REFERENCES:
        return None
    if text.startswith(("→", "->", "=>", "⇒")) or lexicon.EXAMPLE_MARKER.match(text):
        return None
    if lexicon.COMPARISON_OPENERS.match(text) or said[0] in {"when", "whenever", "if"}:
        return None  # 'Just like …' likens, 'When it appears later' says when, not what
    if re.search(r"\b(?:an?|the)\s+$", before) and said[0].endswith("s") and len(said[0]) > 3:
        # 'The shell is just a **process**' over 'Uses fork and exec': what the claim's
        # subject does, not what the noun means
        return None
    if re.search(r"[:=?]|::|\$", text) or lexicon.PERSONAL_WORDS & set(said) or _cut(text):
        return None
    own = set(re.findall(r"\w+", term.lower())) - lexicon.STOP_WORDS
    if not own or own <= set(said):
        return None
    return term, text


def condition_meaning(text: str) -> str | None:
    """'When two or more keys map to the same slot': a condition, no result after it ('When it
    rains, …' goes on to a main clause), no person ('When we …') and no pointer ('When this …')."""
    text = _LIST_MARK.sub("", text.strip()).rstrip(".")
    words = re.findall(r"[\w'’-]+", text.lower())
    if not words or words[0] not in {"when", "whenever"} or not 4 <= len(words) <= 25:
        return None
    if re.search(r"[,;:=→?]|::|\$", text) or re.search(r"\b(?:not|never|no)\b|n't\b", text):
        return None
    second = words[1]
    if lexicon.PERSONAL_WORDS & set(words) or second in lexicon.BACK_REFERENCES:
        return None
    if second in lexicon.NON_SUBJECT_OPENERS or second in {"the", "a", "an"} and len(words) < 5:
        return None  # 'When it …', 'When there …': a pointer; 'When the …' too short to say
    return text


MIN_COPULAR_MEANING_WORDS = 2  # 'Is a hurricane' says little; 'a self-organised system' does


def copular_rest(text: str) -> str | None:
    """'Refers to the idea that all matter is alive' -> 'the idea that all matter is alive': a
    subjectless definition's meaning. After 'is'/'are' the rest must be a describing noun phrase
    ('Is a function pointer'; not 'Is running the same code' nor 'Are largely determined by');
    after 'refers to', 'means' or 'is defined as' a phrase with no person or question in it."""
    text = _LIST_MARK.sub("", text.strip()).rstrip(".")
    m = lexicon.SUBJECTLESS_DEFINITION.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    words = re.findall(r"[\w'’-]+", rest.lower())
    if len(words) < MIN_COPULAR_MEANING_WORDS or len(words) > MAX_DESCRIPTION_WORDS:
        return None
    if rest.endswith(("?", ":")) or re.search(r"[:=→;]|::|\$", rest):
        return None
    if re.search(r"\b(?:not|never|no)\b|n't\b", rest, re.I) or lexicon.PERSONAL_WORDS & set(words):
        return None
    if words[0] in lexicon.BACK_REFERENCES or _POINTING & set(words) or "same" in words[:2]:
        return None  # 'Refers to this', 'Are the same as before': said of another line
    if m.group("copula"):
        # 'Is a function pointer' (an article) or 'Are vectors of length 1' (a plural noun);
        # what describes needs three words, a meaning after a copula may have two
        padded = rest if len(words) >= 3 else f"{rest} of it"
        if m.group("copula").lower() == "are" and words[0] not in lexicon.ARTICLES:
            padded = f"the {padded}"  # 'Are integers greater than 1': a plural noun, no verb
        return rest if describes(padded) and not words[0].endswith(("ed", "ing")) else None
    return rest


# Inline math short and plain enough to read as written: '$m - 1$', '$n$', '$O(n)$' (no TeX
# command, brace or equation); longer or marked-up formulas are no describing words.
_SIMPLE_MATH = re.compile(r"\$[^$\\{}=]{1,12}\$")


def describes(text: str) -> bool:
    """'Information kept about a file', 'A set of users who can share files', 'Enzyme that
    breaks down starch': a noun phrase saying what something is, with no verb of its own
    before its relative clause. Not a sentence ('Cells divide by mitosis', 'A user can belong
    to many groups'), a line opening with a verb ('Produces ATP', 'Used to …'), a list of
    examples ('Hard drive, SSD, etc.'), a remark going on ('Also …', 'But …', 'e.g. …')."""
    text = _LIST_MARK.sub("", text.strip())
    words = re.findall(r"[\w'’-]+", text)
    if not 3 <= len(words) <= MAX_DESCRIPTION_WORDS or text.endswith(("?", ":")):
        return False
    readable = _SIMPLE_MATH.sub("x", text)  # 'between 0 and $m - 1$' reads as written
    if not re.match(r"[A-Za-z]", text) or re.search(r"[:=→;]|::|\$", readable):
        return False
    if lexicon.EXAMPLE_MARKER.match(text) or lexicon.OPEN_LIST_END.search(text):
        return False
    lowered = [w.lower() for w in words]
    # a negation in the relative clause is part of what it says ('Closed curve that does not
    # cross itself', 'Animal that has no backbone'); before it, the line denies
    head_text = re.split(r"\b(?:that|which|who|whose|where|with)\b", text, maxsplit=1)[0]
    if re.search(r"\b(?:not|never|no)\b|n't\b", head_text, re.I):
        return False
    first = lowered[0]
    if first in _NO_NOUN_OPENERS or first in _RELATIVES or first in _NOT_A_HEAD:
        return False
    if lowered[1] == "for" and first.endswith(_ADJECTIVE_ENDINGS):
        return False  # 'Useful for SQS', 'Better for categorical data': a remark, no noun
    if lowered[-1] in lexicon.BACK_REFERENCES | {"that"}:
        return False  # 'Aristotle taught this': a remark pointing back at it
    if any(w in _POINTING for w in lowered):
        return False  # 'The image above …': the author pointing at the page
    if relation_verb(first) or lexicon.WORKED_PREMISE.match(text):
        return False
    second = lowered[1]
    if first.endswith(("ed", "ing")) and second in _NOT_A_HEAD | {"and", "or", "when", "if"}:
        return False  # 'Used to …', 'Found in …': a verb; 'Clocked memory element' a noun
    if second in {"to", "than"} or re.match(r"\w+,", text):
        return False  # 'Easier to use', 'Sometimes, …': no noun heads it
    if first.endswith("s") and not first.endswith("ss") and second not in _RELATIVES | {"of"}:
        return False  # 'Keeps track of …', 'Raises questions …': a verb opens it
    head = []
    for w in lowered:
        if w in _RELATIVES:
            break
        head.append(w)
    if any(len(w) >= 4 and w.endswith("ly") and w[-3] not in "pbai" for w in head):
        return False  # '… completely determines its shape': an adverb, so a verb
    spoken = []
    for w in lowered:
        if w in {"that", "which", "who"}:
            break  # '… service that helps us …' says what the service does
        spoken.append(w)
    if lexicon.PERSONAL_WORDS.intersection(spoken):
        return False  # 'Say where our source is': the author talking
    if any(w in _FINITE for w in head) or any(w in _LIGHT_S for w in head[1:]):
        return False  # 'Symmetric uses one key …': a verb after the opening noun
    listed = _PARENTHESIS.sub("", text)
    if listed.count(",") >= 2 and not set(lowered) & _RELATIVES:
        return False  # 'HPC, ML, MPI': examples of it, not what it is
    if _plural_then_verb(head):
        return False  # 'Fine touch fibres enter the dorsal column': a sentence
    # 'Mitochondria produce ATP': a verb after the opening noun makes it a sentence
    return not any(relation_verb(w) and not w.endswith("ed") for w in head[1:3])


def _plural_then_verb(head: list[str]) -> bool:
    """A plural noun, one word, then an article ('fibres enter the …', 'cells release a …'): in
    a noun phrase only a preposition stands there ('fibres of the …'), so the word is a verb."""
    for at in range(1, len(head) - 1):
        before, word = head[at - 1], head[at]
        plural = singular(before) != before
        if plural and head[at + 1] in lexicon.ARTICLES and word not in _NOT_VERBS_HERE:
            return True
    return False


# Words between a plural noun and an article that are no verb ('cells of the …', 'steps in a …').
_NOT_VERBS_HERE = (
    lexicon.ENGLISH_STOP_WORDS
    | lexicon.ROW_PREPOSITIONS
    | lexicon.TIME_PREPOSITIONS
    | frozenset(
        "into onto over under across through between among within without like along around near"
        " beside behind beyond inside outside toward towards against during per via upon about"
        " above below beneath".split()
    )
)


@functools.lru_cache(maxsize=1 << 16)
def property_line(text: str) -> tuple[str, str] | None:
    """'location:: chloroplasts' (an outliner's block property): (key, value); None for what is
    not one, and for properties about the page or block itself ('tags::', 'collapsed::')."""
    m = _PROPERTY.match(text) if "::" in text else None
    if not m:
        return None
    key, value = m.group("key").strip(), m.group("value").strip()
    if len(key.split()) > 4 or not label_key(key, value):
        return None
    return (key, value)


def page_property(text: str) -> bool:
    m = _PROPERTY.match(text) if "::" in text else None
    if not m:
        return False
    key = m.group("key").strip().lower()
    return key in lexicon.PAGE_PROPERTIES or key.startswith(lexicon.PAGE_PROPERTY_PREFIXES)


def is_property_block(item: Item) -> bool:
    """A paragraph of nothing but properties at the top of a page describes the page (the
    page's outline, when parse hangs it under that paragraph, is its children)."""
    lines = item.lines or (item.text,)
    return all(_PROPERTY.match(line) for line in lines if line)


@functools.lru_cache(maxsize=1 << 16)
def term_definition(text: str, *, hyphen: bool = True) -> tuple[str, str, bool] | None:
    """'Opportunity cost — the value of the next best alternative', 'EC2 = Elastic Compute
    Cloud': (term, meaning, whether the meaning is a formula such as 'C + I + G'). The left side
    must be a short term (a label, at most five words outside parentheses); a chain of '='
    ('vertical = a bigger machine, horizontal = …') is a list of pairs, not one."""
    m = _TERM_LINE.match(text) if _TERM_MARKS.search(text) else None
    if not m:
        return None
    term, meaning, mark = m.group("term").strip(), m.group("meaning").strip(), m.group("mark")
    if (mark == "-" and not hyphen) or meaning.endswith("!"):
        return None  # 'Virtual functions – no servers to manage!' is a remark
    bare = _PARENTHESIS.sub("", term)
    if not 0 < len(bare.split()) <= MAX_TERM_WORDS or not label_key(term, meaning):
        return None
    if mark == "=" and ("=" in meaning or re.search(r"[+×÷*/^−<>]", term)):
        return None  # 'zu + dem = zum', 'MV = PQ' are equations
    if "=" in meaning and mark != "=":
        return None
    if mark == "=" and _ARROW.search(meaning):
        return None  # '|PED| = 1 → unit elastic': a condition and what follows, no term
    if mark == "=" and _EQUATION_SUBJECT.match(meaning):
        return None  # 'NULL = NULL is not true, so …': the equation is the sentence's subject
    formula = bool(_FORMULA.search(meaning)) or (_symbol(term) and _symbol(meaning))
    return term, meaning, formula and mark == "="


_ARROW = re.compile(r"→|->|=>|⇒")
# The right side of an '=' is a word or two, then the sentence's verb ('NULL = NULL is not true',
# '0.1 + 0.2 = 0.3 returns False'): what is said is said of the equation.
# ('Route table = which subnets are allowed …' defines its term by a clause: a meaning.)
_EQUATION_SUBJECT = re.compile(
    r"^(?!(?:which|what|who|where|when|how)\b)\S+(?:\s+\S+)?\s+"
    r"(?:is|are|was|were|returns|gives|evaluates)\b",
    re.I,
)
_SYMBOLS = re.compile(r"\|?[A-Za-z][A-Za-z0-9]{0,3}\|?")


def _symbol(text: str) -> bool:
    """'PV', 'nRT', 'ma', '|PED|': a quantity's letters, not a word ('iron', 'Sodium'), so
    'PV = nRT' and 'F = ma' are equations, not terms and their meanings."""
    word = text.strip(" |")
    return (
        _SYMBOLS.fullmatch(text.strip()) is not None
        and not (word.islower() and len(word) >= 3)
        and not (word.istitle() and len(word) >= 4)
    )


def _split(item: Item) -> list[Item]:
    lines = [line for line in item.lines if line]
    if len(lines) < 2:
        return [item]
    pieces = _definition_list(lines)
    if pieces is None and all(_fact_line(line) for line in lines):
        pieces = lines
    if pieces is None:
        pieces = sentence_groups(lines)
        if len(pieces) < 2:
            return [item]
    cards = [_card_parts(p) for p in pieces]
    authored = all(cards)  # a block of 'Question::Answer' lines is a deck the author wrote
    out = []
    for offset, text in enumerate(pieces):
        piece = item.replaced(
            text=text,
            line=item.line + _offset(item.lines, text, offset),
            emphasis=tuple(e for e in item.emphasis if e in text),
            code=tuple(c for c in item.code if c in text),
            lines=(),
            children=[],
        )
        card = cards[offset]
        out.append(_authored(piece, *card) if authored and card else piece)
    out[-1].children = item.children
    return out


# A line ending a sentence: '.', '!' or '?', perhaps inside a closing quote or bracket, and no
# abbreviation that is usually followed by more of the sentence ('e.g.', 'vs.', 'Dr.').
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_SENTENCE_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
# Where one sentence ends and the next begins inside a line ('… a price taker. There are …').
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")


@functools.lru_cache(maxsize=1 << 16)
def ends_sentence(text: str) -> bool:
    last = re.search(r"([\w.]+)\.[\"'”’)\]]*$", text)
    if last and (
        last.group(1).lower() in lexicon.NON_FINAL_ABBREVIATIONS or len(last.group(1)) == 1
    ):
        return False  # 'e.g.', 'Dr.', 'A. W. Phillips'
    return bool(_SENTENCE_END.search(text))


def paragraph_sentences(text: str) -> list[str]:
    """A paragraph's sentences as written, end marks kept: 'Each firm is a price taker. There
    are no barriers to entry.' is two; the dot of 'e.g.', 'Dr.' or an initial ends none."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        if ends_sentence(text[start : m.start()].rstrip()):
            out.append(text[start : m.start()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [p for p in out if p]


def sentence_groups(lines: list[str]) -> list[str]:
    """A paragraph written a sentence or a few to a line ('Integrated with IAM.' / 'Encryption
    can be set at runtime.'), which Markdown joins into one paragraph: its sentences, grouped
    by the lines they fill, so each becomes a fact citing its own line. A break counts only
    where a line ends a sentence and the next starts one; prose wrapped mid-sentence stays
    one piece."""
    groups: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        groups[-1].append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following and ends_sentence(line) and _SENTENCE_START.match(following):
            groups.append([])
    return [" ".join(group) for group in groups if group]


def _card_parts(line: str) -> tuple[str, str] | None:
    """'Actus reus::guilty act' in a block of such lines: (question, answer). A path of names
    ('AWS::EC2::Instance', 'Fn::GetAtt') and a property ('key:: value') are not cards."""
    if line.count("::") != 1 or _PROPERTY.match(line):
        return None
    question, answer = (p.strip() for p in line.split("::"))
    if not answer or not (" " in question or question.endswith("?")):
        return None
    return question, answer


def _offset(lines: tuple[str, ...], text: str, default: int) -> int:
    """The source line (from the item's first) where a piece starts."""
    head = text.split(" — ", 1)[0]
    for index, line in enumerate(lines):
        # a line's own piece, a term's line, or the first line of a group of sentences
        if line and (line == text or line.startswith(head) or text.startswith(f"{line} ")):
            return index
    return default


def _definition_list(lines: list[str]) -> list[str] | None:
    """'Osmosis' then ': the net movement of water …' (Pandoc/PHP Markdown definition lists,
    which CommonMark reads as one paragraph): 'Osmosis — the net movement …' per term."""
    if not any(line.startswith(":") for line in lines[1:]):
        return None
    out: list[str] = []
    term = ""
    for line in lines:
        if line.startswith(":") and term:
            out.append(f"{term} — {line[1:].strip()}")
            term = ""
        elif line.startswith(":"):
            return None
        elif term:
            return None  # two terms in a row: not a definition list
        else:
            term = line
    return out if not term else None


# 'You manage: OS, runtime, data': a short label, a colon, a value; a paragraph of such lines
# is one line per fact, whether or not each label reads as a key (`key_value`).
_LABELLED_LINE = re.compile(r"^[^:\s][^:]{0,40}:\s+\S")


def _fact_line(line: str) -> bool:
    return bool(
        (_LABELLED_LINE.match(line) and len(line.split(":", 1)[0].split()) <= 5)
        or "::" in line
        or lexicon.QA_QUESTION_LABEL.match(line)
        or lexicon.QA_ANSWER_LABEL.match(line)
        or key_value(line)
        or term_definition(line)
        or _NAMED_FORMULA.match(line)
        or lexicon.EXAMPLE_OPENING.match(line)
    )


# 'inflation rate = (CPI this yr − CPI last yr) / CPI last yr × 100': a quantity named in words
# and the formula that gives it, a line of its own in a paragraph of such lines; so is a line
# that opens on an example ('e.g. CPI goes 200 → 210 …'), which says it is one.
_NAMED_FORMULA = re.compile(
    r"^(?!(?:if|when|the|so|then|and|but|answer)\b)[A-Za-z][\w' -]{0,40}?\s=\s"
    r"(?=[^=]*[-+−×÷*/^()])\S",
    re.I,
)


def _pair_questions(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        nxt = items[index + 1] if index + 1 < len(items) else None
        question = lexicon.QA_QUESTION_LABEL.match(item.text)
        same_line = _question_and_answer(item.text)
        if question and nxt is not None and (answer := lexicon.QA_ANSWER_LABEL.match(nxt.text)):
            text = _with_sub_items(answer.group("text"), nxt)
            out.append(_authored(item, question.group("text"), text))
            index += 2
            continue
        if same_line:
            out.append(_authored(item, *same_line))
        else:
            out.append(item)
        index += 1
    return out


def _question_and_answer(text: str) -> tuple[str, str] | None:
    """'Q: What is osmosis? A: the movement of water …' on one line."""
    question = lexicon.QA_QUESTION_LABEL.match(text)
    if not question:
        return None
    m = re.match(r"^(?P<q>.+?\?)\s+(?P<a>\S.*)$", question.group("text"), re.S)
    if m and (answer := lexicon.QA_ANSWER_LABEL.match(m.group("a"))):
        return m.group("q").strip(), answer.group("text").strip()
    return None


def _with_sub_items(answer: str, item: Item) -> str:
    subs = [c.text for c in item.children if c.text]
    return "; ".join([answer.strip(), *subs]) if subs else answer.strip()


def _authored(item: Item, question: str, answer: str) -> Item:
    return item.replaced(text=question.strip(), answer=answer, children=[], lines=(), emphasis=())
