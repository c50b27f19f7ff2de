"""What to hide in a plain sentence so that it becomes a cloze worth studying.

Pure. A statement without emphasis ('The Treaty of Westphalia was signed in 1648', 'A tort is a
civil wrong', 'Mitochondria produce ATP') says which word matters by its shape: a number with
its unit, a term the sentence defines, a named subject doing something. One blank per
sentence, the best of these in that order; when no shape fits, no blank, because a cloze on a
generic word is junk a learner deletes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

MAX_WORDS = 40  # a longer sentence is a paragraph in disguise: no single blank is its point
MAX_TERM_WORDS = 6


@dataclass(frozen=True)
class Blank:
    term: str  # as written in the sentence
    start: int  # offset of the term in the sentence
    kind: str  # "number" | "term" | "state" | "subject" | "object" | "named" | "relation"


# --- sentences -------------------------------------------------------------------------------

_OUTLINE_NUMBER = re.compile(r"^(?:\(?\d+(?:\.\d+)+[.)]?|\(?\d+[.)]|[a-h][.)]|[ivx]+[.)])\s+")
_OUTLINE_INSIDE = re.compile(r"\s+(?=(?:\d+\.\d+(?:\.\d+)*|[a-h]\)|[ivx]+\.)\s+[A-Z])")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")


_ARROWS = r"(?:=>|->|→|⇒)"
_ARROW = re.compile(rf"\s+{_ARROWS}\s+(?=\w)")
# A bare number turning into another ('the clock goes from 1 → 0'): one change, not two
# statements (`_with_transition`).
_NUMBER_CHANGE = re.compile(rf"(?<![\w.])\d[\d.,]*%?\s+{_ARROWS}\s+\d[\d.,]*%?(?![\w.])")


def sentences(text: str) -> list[str]:
    """'Rome fought Carthage. Hannibal crossed the Alps.' -> two sentences; the dot of 'e.g.',
    'v.' or a decimal does not end one. An outline number ('1.1 ', 'a) ') is not part of it."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip('"”’)')
        last = re.search(r"([\w.]+)\.$", before)
        if last and (
            last.group(1).lower() in lexicon.NON_FINAL_ABBREVIATIONS or len(last.group(1)) == 1
        ):
            continue  # 'e.g. 30 s', 'A. W. Phillips'
        out.append(text[start : m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    # An outline flattened into one paragraph ('Overview 1.1 Signed in 1787 1.2 Ratified in
    # 1788') is one item per outline number; an arrow between two clauses ('interrupted with a
    # 2-minute notice => use the metadata') parts two statements.
    pieces = [q for s in out for p in _OUTLINE_INSIDE.split(s) for q in _arrow_split(p)]
    return [_OUTLINE_NUMBER.sub("", p).strip() for p in pieces if p.strip()]


def _arrow_split(text: str) -> list[str]:
    changes = [m.span() for m in _NUMBER_CHANGE.finditer(text)]
    if not changes:
        return _ARROW.split(text)
    pieces, start = [], 0
    for m in _ARROW.finditer(text):
        if not any(a <= m.start() < b for a, b in changes):
            pieces.append(text[start : m.start()])
            start = m.end()
    return [*pieces, text[start:]]


# 'It is contraindicated in asthma' after 'Carboprost is a PGF2α analog': a sentence that opens
# by pointing back at the one before it; not the dummy 'it' of 'It is important to note that …'
# or 'It takes …'. Language-general (English).
_REFERS_BACK = re.compile(
    # ('In both cases, …', 'For this reason …', 'Despite these findings …': a phrase of
    # a preposition and a pointing word opens it too)
    r"^\W*(?:(?:in|for|with|by|from|after|despite|unlike|like|of|at|on|under|during)\s+)?(?:"
    + "|".join(
        sorted(
            lexicon.BACK_REFERENCES
            | {"another", "other", "additional", "therefore", "consequently", "accordingly"}
        )
    )
    + r")\b",
    re.I,
)
# The dummy 'it' that points at nothing ('It is possible to …', 'It is thought that …', 'It
# takes 3-5 hours to …'): the sentence's subject comes after it. Read by decks.quality too.
DUMMY_IT = re.compile(r"^\W*it\s+(?:(?:is|was)\s+(?:[\w-]+\s+){1,3}?(?:to|that)\b|takes\b)", re.I)


def refers_back(sentence: str) -> bool:
    """A sentence that opens by pointing at the one before it (`_REFERS_BACK`), not the dummy
    'it' (`DUMMY_IT`)."""
    return _REFERS_BACK.match(sentence) is not None and not DUMMY_IT.match(sentence)


MAX_LEAD_CHARS = 240  # one sentence or two; a longer lead makes a card a page to read


def lead_of(parts: list[str], index: int) -> str:
    """What a paragraph's sentence that points back needs shown before it to be understood
    alone: the sentence before it, and the one before that when it points back too (two at
    most). Empty for a sentence that does not point back or opens its paragraph (what it points
    at is then the heading or the line above, which a card's context shows)."""
    if index == 0 or not refers_back(parts[index]):
        return ""
    lead = parts[index - 1]
    if index >= 2 and refers_back(lead):
        lead = f"{parts[index - 2]} {lead}"
    return lead if len(lead) <= MAX_LEAD_CHARS else ""


def fact_sentence(sentence: str) -> bool:
    """A declarative sentence that may carry a fact: not a question, an instruction, an
    exclamation, the author talking, a formula or a fragment."""
    words = re.findall(r"[\w'’]+", sentence.lower())
    if not 4 <= len(words) <= MAX_WORDS:
        return False
    # the author talking in an aside ('(when the price is over what we pay)') is not the point
    spoken = re.findall(r"[\w'’]+", _mask_asides(_definition_head(sentence)).lower())
    # an equation inside a formula ('largest when $\theta = 0$') is part of a statement; one
    # written in the line ('x = 3', 'A → B') is a formula or a mapping, not a sentence
    if re.search(r"[?!]\W*$", sentence) or re.search(r"[=→←⇒]|::", _MATH.sub(" ", sentence)):
        return False
    if lexicon.PERSONAL_WORDS.intersection(w.replace("’", "'") for w in spoken):
        return False
    first = words[0]
    if first in _CONTINUING and sentence.lstrip(" *_([")[:1].islower():
        return False  # 'of aspirin, with a number needed …': the rest of a line broken above
    if first in _CONDITIONS and not _main_clause(sentence, words):
        return False  # 'If all keys are distinct': a condition whose claim is another line
    if first in lexicon.PLAN_MODALS and _plan(words[1:]):
        return False  # 'Will take a look at Stoicism', 'Can also think of …': the course talking
    if lexicon.AUTHOR_GLOSS.match(sentence):
        return False  # 'Basically trying to say that …': the author's gloss on a reading
    if first in lexicon.STEP_VERBS and _named_by_verb(sentence):
        return True  # 'Read replicas can be promoted …', 'Test results are kept …': a subject
    # 'Use IS NULL …', 'See Market Structures': an instruction; 'TODO …': a plan.
    return first not in lexicon.STEP_VERBS and first not in _NO_SUBJECT


_MATH = re.compile(r"\$\$[^$]+\$\$|\$[^$\n]+\$")
# A negation: a blank in a sentence that denies hides what is not, a riddle.
_NEGATION = re.compile(r"\b(?:not|never|no|cannot)\b|n't\b", re.I)
# A condition or a concession opens a sentence only with the claim it qualifies after it,
# past a comma, a 'then' or a semicolon ('If demand is inelastic, raising the price …').
_CONDITIONS = frozenset("if unless although though whereas".split())
# Words a line in lower case opens with only when it goes on from the line before.
_CONTINUING = frozenset("of and or but nor which whose whom than".split())
_MAIN_CLAUSE = re.compile(r"[,;:]|\bthen\b|[—–]")


def _main_clause(sentence: str, words: list[str]) -> bool:
    """After the condition: a comma, 'then', a dash, or a second finite verb ('If the value is
    over 140 mg/dL a 3-hour test is performed')."""
    return bool(_MAIN_CLAUSE.search(sentence)) or sum(w in lexicon.FINITE_VERBS for w in words) > 1


# First words of a line that is a pointer or a plan, with no subject ('See Market Structures').
_NO_SUBJECT = frozenset({"see", "todo", "done", "remember"})


def _definition_head(sentence: str) -> str:
    """A definition up to its meaning's relative clause: 'A subnet group is a set of subnets
    that you create …' says 'you' of anyone, not the author talking. Other sentences whole,
    and one whose subject has no article ('Main job is what we …')."""
    if not re.match(r"(?:a|an|the)\s", sentence, re.I):
        return sentence  # 'Main job is the …': only a class named with its article is defined
    m = _COPULA_DEFINITION.match(sentence) or _QUALIFIED_DEFINITION.match(sentence)
    if not m:
        return sentence
    relative = re.search(r"\b(?:that|which|who|where)\b", sentence[m.end() :])
    return sentence[: m.end() + relative.start()] if relative else sentence


def _plan(rest: list[str]) -> bool:
    """After an opening modal: a verb of talking or looking ('take a look', 'talk about'),
    maybe after 'to' ('going to cover') or 'also'/'then'."""
    rest = [w for w in rest[:3] if w not in ("to", "also", "then", "briefly", "now")]
    return bool(rest) and rest[0] in lexicon.PLAN_VERBS


_SUBJECT_THEN_VERB = re.compile(
    r"^\S+\s+(?:\S+\s+)?(?:is|are|was|were|can|cannot|will|must|may|might|should|has|have)\b"
)


def _named_by_verb(sentence: str) -> bool:
    """A verb-like first word that is part of a subject: a finite verb or a modal, written in
    lower case (not 'Use IS NULL'), follows within the next two words."""
    return _SUBJECT_THEN_VERB.match(sentence) is not None


# --- numbers ---------------------------------------------------------------------------------

_MONTH = "|".join(lexicon.MONTHS)
_UNIT = "|".join(re.escape(u) for u in sorted(lexicon.MEASURE_UNITS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCIENTIFIC = rf"(?:{_DIGITS})\s?[×x]\s?10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+"
_NUMBER = rf"(?:{_SCIENTIFIC}|{_DIGITS})"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{1,4}}(?:\s?(?:BC|BCE|AD|CE))?)?"
    rf"|(?:{_MONTH})\s+\d{{1,2}},\s+\d{{4}}|(?:{_MONTH})\s+\d{{3,4}}(?:\s?(?:BC|BCE|AD|CE))?)\b"
)
_ERA = r"(?:\s?(?:BC|BCE|AD|CE))"
_YEAR = rf"(?:c\.\s?)?\d{{3,4}}s?{_ERA}?|\d{{1,4}}{_ERA}"
_WHEN = re.compile(
    rf"(?:{_DATE.pattern}|(?:{_YEAR})(?:\s?[–-]\s?(?:{_YEAR}|\d{{2}}))?)",
)


def is_date(text: str) -> bool:
    """'4 August 1914', 'July 1789', '27 BC', '1789–1799', 'c. 1450', '1990s': a date or a
    year and nothing else (a timeline line's key)."""
    return _WHEN.fullmatch(text.strip(" *_:.")) is not None


_QUANTITY = re.compile(
    rf"(?<![\w.,/\-−#^+*×])[$£€¥]?(?P<num>{_NUMBER})"
    # a range is one answer: '1.5–3.5', '128 MB to 10,240 MB'
    rf"(?:(?:\s?(?:{_UNIT}))?\s?(?:–|-|to)\s?[$£€¥]?{_NUMBER}(?=\s?(?:{_UNIT})(?![\w³²])|[^\w.]|$))?"
    # '2 minutes', '2-minute'; a unit per unit is one ('300,000 km/s', '200 mg/dL')
    rf"(?:[\s-]?(?P<unit>(?:{_UNIT})(?:/[A-Za-zµ]{{1,5}}[²³]?){{0,2}})(?![\w³²]))?"
    r"(?![\w.]\w|\.\d|-[A-Za-z]|[/:]\d|[)\]]?\w|['’′])"
)
_COUNT = re.compile(rf"\b(?:{'|'.join(lexicon.COUNT_WORDS)})\b(?=\s+[a-z])")
# A fraction in words ('two-thirds', 'three quarters', 'one-fifth'): the share a rule states.
_FRACTION_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|seven|nine)[-\s](?:halves|thirds?|quarters?|fifths?|sixths?"
    r"|eighths?|tenths?)\b",
    re.I,
)
# 'one' is a count where a limit says so ('has only one nucleus', 'exactly one winner'), not
# where it is a pronoun ('one of the', 'one another'): COUNT_WORDS leaves it out.
_ONLY_ONE = re.compile(
    r"\b(?:only|exactly|just|at most)\s+(?:(?:have|has|had|be|contain|contains|hold|holds|run"
    r"|runs|use|uses|attach|elect|elects)\s+)?(?P<one>one)\b"
    # 'the only one that supports …': a pronoun before a relative word, not a count
    r"(?=\s+(?!(?:of|that|which|who|whose|where)\b)[a-z])",
    re.I,
)


def number_blank(sentence: str, *, counts: bool = True) -> Blank | None:
    """The number that matters, with its unit: a date or a year first, then a measure, then a
    count. Not a number that is part of a name ('B12', 'COVID-19', 'Article 231', 'Python
    3.7'), an address or a version ('10.0.0.0', '3.11.2'), an index ('chapter 4', '1.1'), a
    rate's denominator ('per 1,000'), an example ('e.g. 30 s'), nor one inside brackets (a
    citation, a condition, an aside: '(1893)', '[1932]', '(at 25 °C)')."""
    found: list[tuple[int, int, str]] = []  # (rank, start, text)
    masked = _mask_asides(sentence)
    for m in _DATE.finditer(masked):
        found.append((0, m.start(), m.group()))
    for m in _QUANTITY.finditer(masked):
        interval = _TIME_UNIT.fullmatch(m.group("unit") or "") is not None
        if any(s <= m.start() < s + len(t) for _r, s, t in found) or not _free_number(
            masked, m.start(), interval=interval
        ):
            continue
        if lexicon.VERSION_AFTER.match(masked[m.end() :]):
            continue  # 'Java 11 and above', 'Python 3.8+': a version
        if re.match(r"\s*,\s*\d", masked[m.end() :]) or re.search(
            r"\d\s*,\s*$", masked[: m.start()]
        ):
            continue  # '1, 2, 2, 4': a sequence, not a number the sentence states
        text = m.group().strip()
        unit = m.group("unit") or ""
        is_year = re.fullmatch(r"1\d{3}|20\d{2}", m.group("num")) is not None
        # a price is a measure as much as '2 minutes' is: '$3000 per month and 1 year
        # commitment' states the price first
        measured = bool(unit) or text[:1] in "$£€¥"
        rank = 0 if is_year or unit in {"BC", "BCE", "AD", "CE"} else 1 if measured else 2
        found.append((rank, m.start(), text))
    for m in _FRACTION_WORDS.finditer(masked) if counts else ():
        found.append((2, m.start(), m.group()))  # 'a two-thirds vote', 'three-fifths of'
    for m in _ONLY_ONE.finditer(masked) if counts else ():
        found.append((3, m.start("one"), m.group("one")))  # 'has only one nucleus'
    for m in _COUNT.finditer(masked) if counts else ():
        if re.match(r"\s+or\b", masked[m.end() :]):
            continue  # 'two or more parties' states no count
        if _free_number(masked, m.start()) and not _before(masked, m.start(), _NOT_A_COUNT):
            found.append((3, m.start(), m.group()))
    if not found:
        return None
    rank, start, text = min(found)
    return Blank(text, start, "number")


def _mask_asides(sentence: str) -> str:
    """The sentence with brackets, math ('$v_{1}$': a subscript is no fact) and what follows an
    example marker blanked out (same length, so offsets hold)."""
    masked = re.sub(r"\([^()]*\)|\[[^\]]*\]|\$[^$]+\$", lambda m: " " * len(m.group()), sentence)
    marker = lexicon.EXAMPLE_MARKER.search(masked)
    if marker:
        end = re.search(r"[;)]|$", masked[marker.start() :])
        stop = marker.start() + (end.start() if end else 0)
        masked = masked[: marker.start()] + " " * (stop - marker.start()) + masked[stop:]
    return masked


# 'every 5 minutes' states an interval, which is the fact; 'one in every 1,000' a denominator.
_TIME_UNIT = re.compile(
    r"ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?", re.I
)


def _free_number(text: str, start: int, *, interval: bool = False) -> bool:
    before = text[:start]
    every = re.search(r"\bevery\s+$", before, re.I) is not None
    if lexicon.RATE_DENOMINATOR.search(before) and not (interval and every):
        return False  # '$0.40 per 1,000'
    word = re.search(r"([A-Za-z][\w.'’-]*)\s*$", before)
    if word is None:
        return True
    prev = word.group(1).rstrip(".")
    if prev.lower() in lexicon.INDEX_WORDS:
        return False
    # 'Article 231', 'Python 3.7', 'Apollo 11': a capitalised word names the number, unless it
    # is a small word starting the sentence ('In 1796', 'Since 1614').
    small = prev.lower() in _SMALL_WORDS or prev in lexicon.MONTHS
    return not (prev[:1].isupper() and not small)


_SMALL_WORDS = (
    lexicon.ENGLISH_STOP_WORDS
    | lexicon.FUNCTION_WORDS
    | lexicon.CLAUSE_OPENERS
    | lexicon.ROW_PREPOSITIONS
    | lexicon.TIME_PREPOSITIONS
)


# Prepositions _SMALL_WORDS leaves out: a word that relates a name, never the head word of one
# ('vitamin D', 'type 2'). Language-general (English).
_PREPOSITIONS = lexicon.DISCOURSE_PREPOSITIONS | frozenset(
    "among amongst across amid toward towards beside besides except against inside outside"
    " without throughout upon via".split()
)


_NOT_A_COUNT = frozenset({"the", "these", "those", "between"})


def _before(text: str, start: int, words: frozenset[str]) -> bool:
    prev = re.search(r"(\w+)\s*$", text[:start])
    return prev is not None and prev.group(1).lower() in words


# --- defined terms ---------------------------------------------------------------------------

_WORD = r"[\w'’+#/-]+(?:\.\w+)?"
_NP = rf"(?:{_WORD}\s+){{0,{MAX_TERM_WORDS - 1}}}{_WORD}"
_DETERMINER = r"(?:(?:a|an|the)\s+)?"
# '“Folk taxonomy” refers to …': a term may be named in quotes
_TERM = rf"(?:[\"“‘'](?P<quoted>[^\"“”‘’']{{2,60}})[\"”’']|(?P<term>{_NP}))"
_COPULA_DEFINITION = re.compile(
    rf"^{_DETERMINER}{_TERM}"
    r"(?:\s*,\s*(?:also\s+)?(?:called|known as)\s+[^,]+,)?"
    # 'Consideration is something of value given …': 'something' defines as an article does
    r"\s+(?:is|are|was|were)\s+(?P<article>a|an|the|one of the|something(?!\s+like))\s+",
    re.I,
)
# 'A normal vector to a plane is a vector …', 'An easement over land is a right …': a class
# defined with a qualifier after its name; the name is the shortest run of words before it.
_QUALIFIED_DEFINITION = re.compile(
    rf"^(?:a|an)\s+(?P<term>(?:{_WORD}\s+){{0,3}}?{_WORD})\s+"
    rf"(?:{'|'.join(lexicon.QUALIFIER_PREPOSITIONS)})\s+"
    r"(?:(?!\b(?:is|are)\b)[^,;:()])+?\s+(?:is|are)\s+(?:a|an|the)\s+",
    re.I,
)
_ALSO_CALLED = re.compile(
    rf"^{_DETERMINER}(?P<term>{_NP})\s*,\s*(?:also\s+)?(?:called|known as)\s+[^,]+,", re.I
)
_VERB_DEFINITION = re.compile(
    # 'The term habeas corpus refers to …': the word 'term' names what follows, not the term
    rf"^{_DETERMINER}(?:(?:term|word|phrase|expression)\s+)?{_TERM}"
    rf"\s+(?:(?:{'|'.join(lexicon.DEFINING_ADVERBS)})\s+)?"
    r"(?:refers? to|means|(?:is|are|was|were|can be) defined as|stands for)\s+",
    re.I,
)
# 'Biologists define a species as a group of organisms …', 'Mayr defined a species as …':
# someone's definition of a term, the term after the verb. The definer is a few words, a name
# or a plural noun, not a clause.
_AGENT_DEFINITION = re.compile(
    r"^(?P<agent>(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)\s+(?:usually\s+|often\s+|commonly\s+)?"
    rf"(?:define|defines|defined)\s+{_DETERMINER}{_TERM}\s+as\s+",
    re.I,
)
# 'A monopoly exists when a single firm supplies …', 'Hyponatraemia occurs when serum sodium
# falls below …': a term defined by when it holds.
_WHEN_DEFINITION = re.compile(
    # the shortest term first: 'DH commonly occurs when …' defines 'DH'
    rf"^{_DETERMINER}(?P<term>(?:{_WORD}\s+){{0,{MAX_TERM_WORDS - 1}}}?{_WORD})"
    rf"\s+(?:(?:{'|'.join(lexicon.DEFINING_ADVERBS)}|most\s+commonly)\s+)?"
    r"(?:occurs?|exists?|happens?|arises?)\s+(?=when\s+\w+\s+\w+)",
    re.I,
)
# A lead-in before a definition, ending in a comma: its field or its sense ('In economics, …',
# 'In a broad sense, …', 'Formally, …'). Not an example, a case or a time, nor a purpose or a
# condition ('For suspected celiac disease, the best test is …'): those say what holds there,
# not what the term is.
_DEFINITION_LEAD = re.compile(
    r"^(?:(?:in|within)\s+(?!this\b|that\b|these\b|those\b|such\b|example\b|instance\b"
    r"|\d)(?:[\w'’-]+\s+){0,4}?[\w'’-]+|strictly\s+speaking|broadly|narrowly|formally|"
    r"informally|technically|loosely|simply\s+put|put\s+simply),\s+",
    re.I,
)
# 'Sentience is a concept with significant implications for …', 'Inflation is a topic of great
# interest': what the term matters to, not what it is. Nothing to ask the term from.
_META_MEANING = re.compile(
    r"^(?:a|an|the)\s+(?:[a-z]+\s+)?(?:concept|topic|subject|issue|theme|idea|question|area|"
    r"matter|notion|factor|consideration)\s+(?:with|of|in)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:implications?|importance|interest|concern|relevance|debates?|discussions?)\b",
    re.I,
)
_CALLED = re.compile(
    r"\b(?P<how>is|are|was|were)?\s*(?:also\s+)?(?:called|known as|termed)\s+(?:(?:the|an?)\s+)?"
    r"(?P<term>(?:[A-Z][\w'’-]*(?:\s+(?:of|the|de|von|and)\s+|\s+)?)+|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}(?=\s*(?:[,.;(]|$)))"
)


def term_blank(sentence: str) -> Blank | None:
    """The term a sentence defines: 'Osmosis is the movement of water …', 'A tort is a civil
    wrong', 'X refers to / means / stands for …', 'X, also called Y, is a …' (X), '… is called
    osmosis' and 'an executive called the Directory' (the name after 'called')."""
    lead = _definition_lead(sentence)
    clause = sentence[lead:]
    patterns = (_ALSO_CALLED, _COPULA_DEFINITION, _VERB_DEFINITION, _QUALIFIED_DEFINITION)
    for pattern in (*patterns, _AGENT_DEFINITION, _WHEN_DEFINITION):
        m = pattern.match(clause)
        if m and pattern is _AGENT_DEFINITION and _pointing_agent(m):
            return None  # 'They define cognition as …': who they are is in another line
        group = "quoted" if m and m.groupdict().get("quoted") else "term"
        if m and _adverb_term(m.group(group)):
            return None
        if m and _is_term(m.group(group)) and not _partitive(m, pattern):
            meaning = clause[m.start("article") if pattern is _COPULA_DEFINITION else m.end() :]
            if _META_MEANING.match(meaning):
                return None  # 'Sentience is a concept with significant implications …'
            return Blank(m.group(group), lead + m.start(group), "term")
    m = _CALLED.search(sentence)
    if m:
        term = m.group("term").strip()
        tail = re.match(r"\s*((?:[a-z][\w'’-]*\s*){1,2})(?=[,.;(]|$)", sentence[m.end("term") :])
        if term[:1].isupper() and tail:
            term = f"{term} {tail.group(1).strip()}"  # 'pieces called Okazaki fragments'
        # Lower case after a bare 'called' ('the so-called x') is no name; after 'is called' it is.
        if term and (term[0].isupper() or m.group("how") or m.start() == 0) and _is_term(term):
            return Blank(term, m.start("term"), "term")
    return None


def defined_meaning(sentence: str) -> tuple[str, str] | None:
    """'A DB subnet group is a collection of subnets …' -> ('DB subnet group', 'a collection
    of subnets …'): the term a sentence defines by a copula or a defining verb, and what it
    says the term is; for a class with a qualifier ('A normal vector to a plane is …'), whose
    meaning holds only with the qualifier, the whole sentence. None for a sentence that
    defines nothing."""
    qualified = _QUALIFIED_DEFINITION.match(sentence)
    if qualified and _is_term(qualified.group("term")):
        if not _partitive(qualified, _QUALIFIED_DEFINITION):
            return qualified.group("term"), sentence.strip().rstrip(".")
    clause = sentence[_definition_lead(sentence) :]
    for pattern in (_COPULA_DEFINITION, _VERB_DEFINITION, _AGENT_DEFINITION):
        m = pattern.match(clause)
        if not m or (pattern is _AGENT_DEFINITION and _pointing_agent(m)):
            continue
        term = m.group("quoted") or m.group("term")
        start = m.start("article") if pattern is _COPULA_DEFINITION else m.end()
        meaning = clause[start:].strip().rstrip(".")
        if _META_MEANING.match(meaning):
            return None  # what the term matters to, not what it is
        if _is_term(term) and len(meaning.split()) >= MIN_MEANING_WORDS:
            return term, meaning
    return None


def definition_sense(sentence: str) -> str:
    """In what sense, or by whom, a sentence defines its term, as a question says it: 'in a
    broad sense' ('In a broad sense, sentience is defined as …'), 'as Mayr defines it' ('Mayr
    defined a species as …'), both joined; '' for a plain definition. Two definitions of one
    term are two cards, told apart by this."""
    lead = _definition_lead(sentence)
    parts = []
    if lead:
        said = sentence[:lead].strip().rstrip(",")
        parts.append(said[:1].lower() + said[1:])
    m = _AGENT_DEFINITION.match(sentence[lead:])
    if m:
        agent = m.group("agent")
        if re.fullmatch(r"[A-Z][a-z]+(?:ists|ians)", agent):
            agent = agent.lower()  # 'Biologists', 'Historians': a plural noun, not a name
        parts.append(f"as {agent} define{'s' if _single(agent) else ''} it")
    return ", ".join(parts)


_LINE_ADVERBS = frozenset(
    "only usually typically generally mostly mainly rarely commonly frequently often sometimes"
    " occasionally normally always never also simply".split()
)


def _adverb_term(term: str) -> bool:
    """'Only', 'Usually': an adverb opening a subjectless line ('Only happens when …'), no
    term ('Monopoly' is one)."""
    return term.lower() in _LINE_ADVERBS


def _pointing_agent(m: re.Match[str]) -> bool:
    return m.group("agent").lower().split()[0] in lexicon.BACK_REFERENCES


def _single(agent: str) -> bool:
    """'Mayr', 'The WHO': one definer; 'biologists', 'Browning and Birch': several."""
    return " and " not in agent and not re.search(r"(?:ists|ians|ers|ors)$", agent)


def _definition_lead(sentence: str) -> int:
    """Where a definition starts after its lead-in ('In economics, inflation is …' -> 14);
    0 when the sentence has none."""
    m = _DEFINITION_LEAD.match(sentence)
    return m.end() if m else 0


MIN_MEANING_WORDS = 3  # 'a civil wrong': what a term is, in more than a word or two


def _partitive(m: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """'A number of factors in … are the reason', 'A type of cell … is a lymphocyte': the word
    before a qualifier's 'of' counts or sorts, the thing defined is after it; a qualifier
    pointing back ('for this') names it elsewhere; an 'of' with no article after it is inside
    the name ('power of attorney'), which the blank would cut."""
    if pattern is not _QUALIFIED_DEFINITION:
        return False
    qualifier = m.string[m.end("term") : m.end()].lower().split()
    if lexicon.BACK_REFERENCES.intersection(qualifier):
        return True  # 'A common metric for this is …': the thing defined is in another line
    head = m.group("term").split()[-1].lower()
    partitive = head in lexicon.PARTITIVE_NOUNS or head + "s" in lexicon.KIND_NOUNS
    # 'A durable power of attorney is …': 'of' with no article after it goes on with the name
    named_on = len(qualifier) > 1 and qualifier[1] not in _QUALIFIER_DETERMINERS
    return qualifier[0] == "of" and (partitive or named_on)


_QUALIFIER_DETERMINERS = lexicon.ARTICLES | frozenset("any each every some its their two".split())


# Words that open a clause inside a run of words: a blank holding one spans two clauses.
_CLAUSE_JOINERS = frozenset("that which whether who whom whose".split())


def _is_term(term: str) -> bool:
    words = term.lower().split()
    if not words or len(words) > MAX_TERM_WORDS:
        return False
    if words[0] in lexicon.NON_SUBJECT_OPENERS or words[0] in lexicon.CLAUSE_OPENERS:
        return False
    if lexicon.CLAUSE_WORDS.intersection(words) or lexicon.PERSONAL_WORDS.intersection(words):
        return False
    if _CLAUSE_JOINERS.intersection(words[1:]):
        return False  # 'Suggests that God': a clause cut, not a name
    generic = lexicon.GENERIC_LABEL_WORDS | lexicon.ENGLISH_STOP_WORDS
    if all(w in generic for w in words):
        return False
    # Inside a term, small words join capitalised names only ('Declaration of the Rights of Man');
    # 'Acid in the stomach' is a phrase, not a term.
    if words[-1] in _SMALL_WORDS or words[0] in _SMALL_WORDS:
        return False  # 'German plan to', 'Removes redundancy and': cut mid-phrase
    inner_small = [w for w in words[1:-1] if w in _SMALL_WORDS]
    return not inner_small or all(
        w[:1].isupper() for w in term.split() if w.lower() not in inner_small
    )


# --- named subjects --------------------------------------------------------------------------


def relation_verb(word: str) -> bool:
    """'produces', 'carried', 'ratifies', 'led': a form of a verb that says what a thing does."""
    w = word.lower()
    if w in lexicon.RELATION_VERBS_IRREGULAR:
        return True
    # only an inflection's ending comes off ('container' is no form of 'contain')
    stems = {w}
    if w.endswith(("s", "d")):
        stems.add(w[:-1])
    if w.endswith(("es", "ed")):
        stems.add(w[:-2])
    if w.endswith("d"):
        stems.add(w[:-1] + "e")
    if w.endswith(("ies", "ied")):
        stems.add(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 4 and w[-3] == w[-4]:
        stems.add(w[:-3])  # 'controlled'
    return bool(stems & lexicon.RELATION_VERBS)


def subject_blank(sentence: str) -> Blank | None:
    """The named thing a sentence is about, before what it does: 'Mitochondria produce ATP',
    'The Senate ratifies treaties' (a relation verb), 'Edward Jenner developed …' (a name,
    capitals after its first word or inside one, before a verb in the past)."""
    if _NEGATION.search(sentence):
        return None  # 'MySQL does not support …': hiding who does not is a riddle
    lead = re.match(r"(?:(?:a|an|the)\s+)?", sentence, re.I)
    offset = lead.end() if lead else 0
    words = sentence[offset:].split()
    for n in range(1, min(MAX_TERM_WORDS, len(words) - 1) + 1):
        # The shortest subject followed by a verb: 'Helper T cells activate …' is tried as
        # 'Helper', 'Helper T', then 'Helper T cells'.
        term = " ".join(words[:n])
        if re.search(r"[,;:()]", term):
            return None  # the subject ended without a verb: not this shape
        rest = words[n:]
        if rest and rest[0].lower() in lexicon.SUBJECT_ADVERBS:
            rest = rest[1:]
        if not rest or not re.fullmatch(r"[a-z]+", rest[0]):
            continue
        verb = rest[0]
        after = rest[1].lower() if len(rest) > 1 else ""
        if after == "of":
            continue  # 'Describes various forms of …': a noun before 'of', not a verb
        if not _subject_shape(term):
            return None  # 'Newly created …', 'Assumes two signed …': no noun heads it
        # A base form ('produce') agrees only with a plural ('Mitochondria produce'); after a
        # singular it is a noun ('The electron transport chain').
        plural = _plural(term)
        base = verb in lexicon.RELATION_VERBS
        past = verb.endswith("ed") or verb in lexicon.IRREGULAR_PAST
        if past and after in lexicon.ROW_PREPOSITIONS | {"in", "on", "at", "as"}:
            # 'Remaining bits used for encoding …': a participle describing the subject; with
            # no verb of its own after it the line is a phrase, not a sentence to ask from
            if not lexicon.CLAUSE_WORDS.intersection(w.lower() for w in rest[2:]):
                return None
        named = _named(term) or (offset > 0 and term[:1].isupper())  # 'The Third Estate'
        # a name before a verb in the past is a name throughout ('Edward Jenner developed'):
        # 'TCP guarantees ordered delivery' is a name, its verb, then an adjective
        proper = all(
            w[:1].isupper() or not w.isalpha() or w in _NAME_PARTICLES for w in term.split()
        )
        # ('IAM policies applied to …' and 'Jenner developed the …' go on as a verb does)
        adjectival = bool(re.fullmatch(r"[a-z]+", after)) and after not in _VERB_GOES_ON
        if (relation_verb(verb) and (plural or not base)) or (
            named and past and (proper or not adjectival)
        ):
            return Blank(term, offset, "subject") if _is_term(term) else None
        if (
            named
            and not term.endswith("ly")
            and len(rest) > MIN_DOES_WORDS
            and _names_what_it_does(term, verb, after, plural)
        ):
            # 'SCT is used for larger datasets', 'Kinesis Firehose loads streaming data into
            # S3': a name, then what it does or is for in the present
            return Blank(term, offset, "subject") if _is_term(term) else None
    return None


MIN_DOES_WORDS = 3  # words after the verb: 'supports boot volumes' fits many a name


def _names_what_it_does(term: str, verb: str, after: str, plural: bool) -> bool:
    """A present verb that says what a named thing does ('loads', 'stores', 'supports', 'is
    used for'), agreeing with it: an -s form after a singular name, a base form only after a
    plural one. Not a light verb ('has', 'uses', 'can'): what it has is one of many things."""
    if verb in ("is", "are"):
        return after == "used" and (verb == "are") == plural
    if not verb.endswith("s") or verb in lexicon.LIGHT_VERBS or plural:
        return False
    if not re.fullmatch(r"[\w'’$-]+", after) or after in lexicon.SENTENCE_VERBS:
        return False  # 'S3 access control lists (ACLs)', 'EBS blocks are reset': a noun in -s
    return verb in lexicon.PREDICATE_VERBS or relation_verb(verb)


# What a verb in the past goes on with ('developed the …', 'applied to …'): a noun straight
# after it ('guarantees ordered delivery') makes the past form an adjective.
_VERB_GOES_ON = (
    lexicon.ARTICLES
    | lexicon.VERB_PARTICLES
    | lexicon.ROW_PREPOSITIONS
    | frozenset("in on at as to by for with from into his her its their this these that".split())
)
# Lower-case words inside a person's or a place's name ('Otto von Bismarck', 'Leonardo da Vinci').
_NAME_PARTICLES = frozenset(
    "von van de da del della der den di du la le bin ibn al of and &".split()
)  # ('Bonnie and Clyde': two names, one subject)


def _plural(term: str) -> bool:
    """'Mitochondria', 'Helper T cells', 'fungi': a subject that agrees with a base verb. A word
    in -ss, -us or -is is singular ('S3 access control lists', 'Process control blocks',
    'Analysis'), so the verb-like word after it goes on with the name."""
    return re.search(r"(?:s|a|i)$", term) is not None and not re.search(r"(?:ss|us|is)$", term)


_SUPERLATIVE = re.compile(
    r"^(?:the\s+)?(?P<term>[A-Z][\w'’-]*(?:\s+(?:and\s+)?[\w'’-]+){0,3}?)\s+"
    r"(?:is|are|was|were|has|have|had)\s+(?:by\s+far\s+)?the\s+"
    r"(?:most|least|only|first|last|\w{3,}est)\s+\w+",
)


def superlative_blank(sentence: str) -> Blank | None:
    """'Helium has the highest first ionisation energy', 'The Nile is the longest river in
    Africa', 'Habeas corpus was the first …': a subject ranked first of its kind is what the
    sentence asks. The subject is a name or a term (`_is_term`), not a pointer or a generic
    noun ('It is the most …', 'This is the only …')."""
    m = _SUPERLATIVE.match(sentence.strip())
    if m is None or re.search(r"\b(?:not|never)\b|n't\b", sentence, re.I):
        return None
    term = m.group("term")
    words = term.lower().split()
    if words[0] in lexicon.BACK_REFERENCES or not _subject_shape(term) or not _is_term(term):
        return None
    return Blank(term, m.start("term"), "subject")


# A past participle: '-ed', '-en' or an irregular one ('made', 'built').
_PARTICIPLE = r"[a-z]{3,}ed|[a-z]+en|" + "|".join(sorted(lexicon.IRREGULAR_PARTICIPLES))
_AGENT = re.compile(
    rf"\b(?P<verb>{_PARTICIPLE})\b"
    r"(?P<between>[^,;()]{0,60}?)\s+by\s+"
    r"(?P<term>[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|von\s+|van\s+|v\.?\s+)?[A-Z][\w'’.-]*){0,3})"
)


def agent_blank(sentence: str) -> Blank | None:
    """Who or what did it, in a passive sentence: 'The archduke was assassinated in Sarajevo
    by Gavrilo Princip', 'Penicillin was discovered by Alexander Fleming', 'The reaction is
    catalysed by RuBisCO'. The agent is a name (capitalised words after 'by', not the first
    word of the sentence), asked beside the sentence's own blank: a date and a name are two
    facts of one line."""
    m = _AGENT.search(sentence)
    if m is None or m.start() == 0 or re.search(r"\b(?:not|never)\b|n't\b", sentence, re.I):
        return None
    term = m.group("term").rstrip(".")
    if term.lower().split()[0] in lexicon.STOP_WORDS | lexicon.BACK_REFERENCES:
        return None  # 'by This …', 'by The …' at a line's break: no name
    rest = sentence[m.end("term") :]
    if re.match(r"\s*(?:,\s*[A-Z]|and\b|or\b|&)", rest) or re.match(r"\s*\d", rest):
        return None  # one name of a list; 'by Figure 3'
    return Blank(term, m.start("term"), "named") if _is_term(term) else None


# A passive that ends on its agent, a thing named in plain words ('Interest rates are set by
# the central bank', 'Insulin is made by the beta cells').
_PASSIVE_AGENT = re.compile(
    rf"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?(?P<verb>{_PARTICIPLE})\s+by\s+"
    r"(?:(?:the|a|an)\s+)?(?P<term>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})\s*\.?$"
)
# Participles that say who or what does a thing ('caused by', 'treated by'), beside the
# relation verbs; 'followed by', 'represented by', 'defined by' only say what comes with it.
_AGENT_PARTICIPLES = frozenset(
    "made spread treated diagnosed set characterised characterized passed ruled governed"
    " built written".split()
)


def passive_agent_blank(sentence: str) -> Blank | None:
    """The agent a passive sentence ends on, when it is a thing named in plain words: 'Interest
    rates are set by the […]' (central bank), 'Malaria is spread by […]' (mosquitoes). Not a
    vague or pointing one ('by many factors', 'by the same process'), nor in a negation."""
    # (asked of every plain sentence: the pattern only of one holding 'by')
    m = _PASSIVE_AGENT.search(sentence) if " by " in sentence else None
    if m is None or m.start() == 0 or _NEGATION.search(sentence):
        return None
    if not (relation_verb(m.group("verb")) or m.group("verb") in _AGENT_PARTICIPLES):
        return None
    term = m.group("term")
    words = term.lower().split()
    pointing = lexicon.BACK_REFERENCES | lexicon.VAGUE_WORDS | _GENERIC_OBJECTS | _QUANTIFIERS
    if set(words) & (pointing | {"same", "other", "following", "above", "below"}):
        return None
    if words[-1] in _SMALL_WORDS or any(w in lexicon.FINITE_VERBS for w in words):
        return None
    return Blank(term, m.start("term"), "object") if _is_term(term) else None


_QUANTIFIERS = frozenset(lexicon.CARDINALS) | frozenset(
    "various several many few some numerous multiple certain different".split()
)


def _subject_shape(term: str) -> bool:
    """A subject ends in a noun: not in a number or a quantifier ('Assumes two'), and none of
    its words is an adverb in -ly ('Newly', 'Nicholson literally'; 'Family', 'Assembly' and
    'Italy' are nouns)."""
    words = term.lower().split()
    if words[-1] in _QUANTIFIERS or words[-1].isdigit():
        return False
    # an -ally word of seven letters or more is an adverb too ('technically', 'basically'),
    # where a short one is a noun ('Italy', 'rally')
    return not any(
        len(w) >= 4
        and w.endswith("ly")
        and (w[-3] not in "pbai" or (len(w) >= 7 and w.endswith("ally")))
        for w in words
    )


def _named(term: str) -> bool:
    """A proper name or a technical term: capitalised words after the first, or a word with
    capitals or digits inside ('DNA', 'RuBisCO', 'p53')."""
    parts = term.split()
    return any(p[:1].isupper() for p in parts[1:]) or any(
        re.search(r"(?<=\w)[A-Z0-9]", p) for p in parts
    )


_NAME_WORD = re.compile(r"[A-Z0-9][\w.+#/@-]*$")
_POSSESSIVE = re.compile(r"(?P<name>[A-Z][\w-]*)['’]s")


def object_blank(sentence: str) -> Blank | None:
    """The named thing a line with no subject of its own acts on: its topic, given by the
    context, does it ('Outputs a Kinesis Video Stream', 'Needs the SMS Connector installed',
    'Secretes Insulin and …'). The line opens with a verb of `lexicon.PREDICATE_VERBS`; the
    blank is the first run of capitalised words or acronyms after it."""
    words = sentence.split()
    if len(words) < 2 or words[0].lower() not in lexicon.PREDICATE_VERBS:
        return None
    if _NEGATION.search(sentence):
        return None  # 'Needs no agent': hiding what it does not need is a riddle
    run: list[str] = []
    after = ""
    rest = words[1:]
    for index, word in enumerate(rest):
        bare = word.rstrip(",.;:")
        joins = (  # 'Treaty of Versailles': a connective between two capitalised words
            run
            and bare in {"of", "de", "du", "von", "van"}
            and index + 1 < len(rest)
            and _NAME_WORD.match(rest[index + 1])
        )
        if joins or (_NAME_WORD.match(bare) and not bare.isdigit()):
            run.append(bare)
            if bare != word or len(run) == MAX_TERM_WORDS:
                break  # a comma or a full stop ends the name
        elif run:
            after = bare
            break
    if not run:
        return None
    term = " ".join(run)
    # 'Protein kinase', 'Greengrass devices', 'IV fluids': the name goes on in lower case
    if len(run) == 1 and re.fullmatch(r"[a-z]+", after) and after not in lexicon.FUNCTION_WORDS:
        return None
    at = sentence.find(term, len(words[0]))
    return Blank(term, at, "object") if at > 0 else None


def _name_word(word: str) -> bool:
    """'CloudWatch', 'B12', 'AWS', '3D': capitalised or with a digit, with a letter in it (an
    address or a version, '192.168.1.20', is no name)."""
    return _NAME_WORD.match(word) is not None and re.search(r"[A-Za-z]", word) is not None


# Lower-case words that may follow a one-word name without being part of it ('Elba after',
# 'Rubicon with'): function words, prepositions and conjunctions.
_NAME_ENDERS = (
    lexicon.FUNCTION_WORDS | lexicon.ROW_PREPOSITIONS | lexicon.TIME_PREPOSITIONS
) | frozenset("and or but because when while where if unless every each".split())


def _first_names(run: list[re.Match[str]]) -> bool:
    """'Eden', 'Otto': plain capitalised words, as a person's first names are written."""
    return all(re.fullmatch(r"[A-Z][a-z]+", m.group()) for m in run)


MAX_TITLE_WORDS = 6


def _title(line: str) -> bool:
    """'Website Security and Privacy', 'Real-time Image Transformation': a short line in title
    case with no verb is the name of something (a use case, a chapter), and a blank inside it
    asks for the rest of a name, not a fact."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not 2 <= len(words) <= MAX_TITLE_WORDS or re.search(r"[.;:!?]", line.rstrip(".")):
        return False
    lowered = [w.lower() for w in words]
    if any(w in lexicon.FINITE_VERBS for w in lowered):
        return False
    content = [w for w in words if w.lower() not in lexicon.ENGLISH_STOP_WORDS]
    return len(content) >= 2 and all(w[:1].isupper() for w in content)


def named_blank(sentence: str) -> Blank | None:
    """The first named thing a sentence states after its opening, when no other shape fits:
    'Vaccination against smallpox used material from Cowpox lesions' (Cowpox), 'The job hands
    the training to AWS RoboMaker' (AWS RoboMaker), 'Rickets is caused by a lack of vitamin D'
    (vitamin D: a lower-case word and a capital). A name in brackets or an example is an aside;
    one of a list ('MySQL, PostgreSQL and Oracle') has its siblings beside it, so no blank;
    nor in a negation, which hides what is not."""
    if _NEGATION.search(sentence) or _title(sentence):
        return None
    masked = _mask_asides(sentence)
    # the opening is the first word with a letter ('& Data can pile up': a note app's marker)
    words = [w for w in re.finditer(r"\S+", masked) if re.search(r"[A-Za-z0-9]", w.group())]
    subject = True  # still in a run of names the sentence opens with: its subject
    passed = 0  # words up to here belong to a name passed over
    for index, m in enumerate(words[1:], start=1):
        if index < passed:
            continue
        bare = m.group().strip(",.;:")
        named_word = _name_word(bare) and m.group()[:1] not in "(["
        if subject and named_word and _name_word(words[index - 1].group().strip(",.;:")):
            continue  # 'AWS Glue ML Transforms can …': the opening name goes on
        subject = False
        if not named_word:
            continue
        run = [m]
        for nxt in words[index + 1 :]:
            if run[-1].group() != run[-1].group().rstrip(",.;:"):
                break  # punctuation ends the name
            word = nxt.group().strip(",.;:")
            if _name_word(word) and len(run) < MAX_TERM_WORDS:
                run.append(nxt)
            elif _POSSESSIVE.fullmatch(word) and _first_names(run) and len(run) < MAX_TERM_WORDS:
                # 'Eden Robinson’s Monkey Beach': a first name goes on to its owner's surname
                # (not a qualifier before an eponym: 'ACTH-dependent Cushing’s syndrome')
                run.append(nxt)
                break
            else:
                break
        start, end = run[0].start(), run[-1].start() + len(run[-1].group().rstrip(",.;:"))
        owner = _POSSESSIVE.fullmatch(sentence[run[-1].start() : end])
        if owner and len(run) > 1:
            end = run[-1].start() + owner.end("name")  # hides the owner, not its 's
        term = sentence[start:end]
        before = masked[:start].rstrip()
        after = masked[end:].lstrip()
        lower_before = re.search(r"(?:^|\s)([a-z][\w'’-]*)\s*$", masked[:start])
        plain = len(run) == 1 and not re.search(r"(?<=\w)[A-Z0-9]", term)
        if before.endswith(",") or re.match(r"(?:,|and\b|or\b)\s*[A-Z]", after):
            return None  # one name of a list
        if re.match(r"\d", after) or re.match(r"[.]\s*[a-z]", masked[end:]):
            return None  # 'Figure 1', 'Python 3', 'C. canadiensis': part of a longer name
        next_word = re.match(r"[a-z]+\b", after)
        if plain and next_word and next_word.group() not in _NAME_ENDERS:
            return None  # 'Protein kinase': the name goes on in lower case
        if lower_before and plain and index == 1:
            return None
        # 'vitamin D', 'type 2 diabetes': a lower-case head word before a letter or a number;
        # not an adjective that only describes it ('default CF', 'distinct S3')
        head_word = lower_before.group(1) if lower_before else ""
        if (
            head_word in lexicon.GENERIC_MODIFIERS
            and next_word
            and next_word.group() not in _NAME_ENDERS
        ):
            # 'default CF domain name can be changed using CNAMES': the name is one word of a
            # described phrase, not the thing the line states; the next name may be
            passed = index + len(run)
            continue
        if (
            lower_before
            and len(term) <= 2
            and head_word not in _SMALL_WORDS
            and head_word not in _PREPOSITIONS  # 'common among IV drug users': no 'among IV'
            and head_word not in lexicon.GENERIC_MODIFIERS
        ):
            start = lower_before.start(1)
            term = sentence[start:end]
        if _is_term(term) or term.isupper():
            return Blank(term, start, "named")
        return None
    return None


# --- what a line with no subject says of its topic -------------------------------------------

MAX_PREDICATE_OBJECT_WORDS = 8  # 'Treated with IV fluids'; a longer rest is a sentence to read


# Verbs of the course talking after a modal ('Can also think of …', 'Will talk about …'), which
# no topic does; not 'return', 'start' or 'move', which a topic can ('can return two values').
_TALKING = frozenset("think say talk discuss mention look".split())


def predicate(sentence: str, *, plural: bool = False) -> tuple[str, str] | None:
    """A line that says what its topic does or undergoes, with no subject of its own, split into
    its verb phrase and what it names: 'Treated with IV fluids' -> ('Treated with', 'IV
    fluids'), 'Needs a running cluster' -> ('Needs', 'a running cluster'), 'can read from
    HDFS' -> ('can read from', 'HDFS'). The verb is a predicate verb ('Needs', 'Stores'), a
    modal and the verb after it ('can read'), or a past participle with its particle ('Caused
    by', 'Found in'); the rest is short and no clause of its own. None for a negation (it hides
    what is not), an instruction and anything else. Said of a `plural` topic ('Cytotoxic T
    cells'), a relation verb's base form agrees with it ('Kill infected cells')."""
    text = sentence.strip().rstrip(".")
    words = text.split()
    if len(words) < 2 or re.search(r"\b(?:not|never|no|cannot)\b|n't\b|[:;=→]", text, re.I):
        return None
    at, passive = 0, False
    if words[0].lower() in lexicon.MODAL_VERBS:
        at = 1  # 'can read from …': whatever follows a modal is its verb
        if at < len(words) and words[at].lower() in lexicon.SUBJECT_ADVERBS | {"only"}:
            at += 1
        if at < len(words) and words[at].lower() == "be":
            at, passive = at + 1, True  # 'can be encrypted with …'
    said = [w.lower() for w in words[1:3] if w.lower() not in ("also", "then", "now")]
    if at and said and said[0] in _TALKING:
        return None  # 'Can also think of heliotropism', 'Will look at Hume': the course talking
    verb = words[at].lower() if at < len(words) else ""
    if not re.fullmatch(r"[a-z]{3,}", verb):
        return None
    after = words[at + 1].lower() if at + 1 < len(words) else ""
    is_participle = verb.endswith("ed") or verb in lexicon.IRREGULAR_PARTICIPLES
    if passive and not is_participle:
        return None  # 'can be either …': an adjective follows, no verb
    participle = is_participle and after in lexicon.VERB_PARTICLES
    goes_to = verb in lexicon.TO_VERBS and after == "to"  # 'Leads to kidney failure'
    # ('Sign of rickets', 'Create with CLI': a noun, or a verb with its particle and no object)
    agrees = (
        plural
        and verb in lexicon.RELATION_VERBS | lexicon.EFFECT_VERBS
        and after not in lexicon.VERB_PARTICLES | {"of"}
    )
    if not (
        at
        or participle
        or goes_to
        or agrees
        or verb in lexicon.PREDICATE_VERBS
        or _third_person(verb)
    ):
        return None
    # 'Needs a running cluster' asks what it needs; 'can use …', 'need to …', 'used to …' and
    # 'can easily …' ask nothing the rest does not say
    light = verb in lexicon.LIGHT_VERBS and not (verb == "needs" and after != "to" and not at)
    # 'Used to detect fraud', 'Used for storing logs', 'Made of keratin': what it is for or of
    # is the question, not one of many things it can do
    purposed = participle and verb in _PURPOSE_PARTICIPLES and not at
    light = light and not purposed
    purpose = after == "to" and not participle and verb not in lexicon.TO_VERBS
    if light or verb.endswith("ly") or purpose:
        return None
    if at and not passive and after not in lexicon.VERB_PARTICLES:
        # 'can configure …', 'can specify …': one of the many things it can do, each a right
        # answer; 'can read from HDFS' and 'can be encrypted with KMS' name what it works with
        return None
    end = at + 1
    if after in lexicon.VERB_PARTICLES:
        end += 1  # 'treated with', 'leads to'
    rest = words[end:]
    longest = MAX_PURPOSE_WORDS if purposed else MAX_PREDICATE_OBJECT_WORDS
    if not 1 <= len(rest) <= longest:
        return None
    lowered = {w.lower().strip(",.()") for w in rest}
    if lowered & (lexicon.CLAUSE_WORDS | lexicon.PERSONAL_WORDS | {"which", "that", "who"}):
        return None  # '… which is why …': a clause of its own
    if lexicon.EXAMPLE_MARKER.match(" ".join(rest)) or rest[0].lower() in lexicon.CLAUSE_OPENERS:
        return None
    return " ".join(words[:end]), " ".join(rest)


_PURPOSE_PARTICIPLES = frozenset({"used", "made"})
MAX_PURPOSE_WORDS = 12  # 'Used to obtain short-lived credentials for …': a purpose is a phrase


def _third_person(verb: str) -> bool:
    """'regulates', 'carries': a relation verb's -s form (a base form opening a line is more
    often an instruction: 'Store the key …')."""
    return verb.endswith("s") and relation_verb(verb) and verb not in lexicon.RELATION_VERBS


# --- lists a predicate names -----------------------------------------------------------------

_VERB_LIST = re.compile(
    r"^(?P<verb>(?:(?:can|could|may|must|will|should)\s+(?:be\s+)?)?[A-Za-z][a-z]{2,}"
    r"(?:\s+(?:with|by|in|on|to|for|from|into|as))?)\s*:?\s+"
    r"(?P<list>[^;:()]+?)\.?$"
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
MAX_LIST_ITEM_WORDS = 4


def verb_list(sentence: str) -> tuple[str, list[str]] | None:
    """A line that says what its topic does to a list, with no subject of its own: 'Supports
    Java, Python, Ruby and Go' -> ('Supports', [4 items]); 'Produces ATP, NADH and FADH2',
    'Integrated with S3, SNS and SQS'. Three items or more, each a short name; None for an
    open list ('…', 'etc.'), a clause or anything else. A lower-case line ('supports Java,
    Go and Rust') and a modal ('can deploy to Slack, Teams and Zoom') read the same."""
    found = _VERB_LIST.match(sentence.strip())
    if not found or lexicon.OPEN_LIST_END.search(found.group("list")):
        return None
    verb = found.group("verb")
    first = verb.split()[0].lower()
    # after a modal any verb ('can deploy to Slack, Teams and …'); else a listing verb
    if first not in lexicon.LIST_VERBS and first not in lexicon.MODAL_VERBS:
        return None
    items = [i.strip() for i in _ITEM_SPLIT.split(found.group("list")) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > MAX_LIST_ITEM_WORDS for i in items):
        return None
    if len(verb.split()) == 1 and first in lexicon.MODAL_VERBS:
        return None  # 'can: be deployed in …': the verb is in the first item
    head = items[0].split()
    if any(w.lower() in lexicon.VERB_PARTICLES for w in head[1:2]) and not any(
        w.lower() in lexicon.VERB_PARTICLES for i in items[1:] for w in i.split()
    ):
        return None  # 'used extensively for data science, …': the verb goes on in its first item
    if any(w.lower() in lexicon.PERSONAL_WORDS for i in items for w in i.split()):
        return None
    return verb, items


MAX_LIST_SUBJECT_WORDS = 5
# A single word ending so, before the last of a list, qualifies the last's noun with it
# ('cerebral and pulmonary edema', 'premature and accelerated baldness').
_SHARED_HEAD_ENDINGS = ("al", "ic", "ous", "ive", "ary", "ure", "ent", "ant", "ed")
_MORE_OF = frozenset("other others additional further more another also".split())
# Base forms that only ever list ('… include', '… contain'); 'offer' or 'use' is a noun as often.
_LISTING_BASES = frozenset("include contain comprise involve".split())


def subject_verb_list(sentence: str) -> tuple[str, str, list[str]] | None:
    """A sentence that says what its subject does to a list of three things or more: 'The
    pancreas secretes insulin, glucagon and somatostatin' -> ('The pancreas', 'secretes', [3
    items]), 'Common symptoms include fever, rash and joint pain'. The verb is a listing verb
    (`lexicon.LIST_VERBS`, or its base form after a plural); each item a short name; None for
    an open list, a subject that points elsewhere ('It', 'These', 'We'), or anything else."""
    words = sentence.strip().rstrip(".").split()
    for at in range(1, min(MAX_LIST_SUBJECT_WORDS, len(words) - 3) + 1):
        verb = words[at].lower()
        before = [w.lower() for w in words[:at]]
        plural_base = f"{verb}s" in lexicon.LIST_VERBS and _plural(before[-1])
        if verb not in lexicon.LIST_VERBS and not plural_base:
            continue
        following = words[at + 1].lower() if at + 1 < len(words) else ""
        if following in lexicon.LIST_VERBS or f"{following}s" in lexicon.LIST_VERBS:
            continue  # 'Pathologic causes include …': the first is a noun, the verb is next
        if before[-1].endswith("ly") or {"that", "which", "who", "to"} & set(before):
            return None  # 'The service automatically handles …', '… chip that supports …'
        if any(re.search(r"[,;:()]", w) for w in words[:at]):
            return None  # a clause or an aside before the verb: not a short subject
        if before[0] in lexicon.BACK_REFERENCES | lexicon.PERSONAL_WORDS | lexicon.QUESTION_WORDS:
            return None  # 'It secretes …', 'This causes …', 'We use …': its subject is elsewhere
        if before[0] in _MORE_OF:
            return None  # 'Other symptoms include …': more of a list the card does not show
        if before[-1] in _SMALL_WORDS | lexicon.SUBJECT_ADVERBS | lexicon.FREQUENCY_ADVERBS:
            return None  # 'Most often caused by …': no noun before the verb
        if lexicon.FINITE_VERBS.intersection(before):
            return None
        end = at + 1
        if end < len(words) and words[end].lower() in lexicon.VERB_PARTICLES:
            end += 1  # 'integrates with', 'consists of'
        listed = " ".join(words[end:])
        if re.search(r"[;:()]", listed) or lexicon.OPEN_LIST_END.search(listed):
            return None
        items = [i.strip() for i in _ITEM_SPLIT.split(listed) if i.strip()]
        if len(items) < 3 or any(len(i.split()) > MAX_LIST_ITEM_WORDS for i in items):
            return None
        said = {w.lower() for i in items for w in i.split()}
        if said & (lexicon.PERSONAL_WORDS | lexicon.CLAUSE_WORDS | {"which", "that", "who"}):
            return None
        lead = items[0].split()[0].lower()
        if lead in lexicon.ARTICLES or lead in lexicon.COUNT_WORDS or lead[:1].isdigit():
            # 'provides the efficient, final and formal cause' (one noun, qualified), 'offers
            # two …: …' (a count of what follows); a list opening on an article is dropped too
            return None
        if said & (lexicon.LIST_VERBS | _LISTING_BASES):
            return None  # 'used in cardiac arrest include …': the verb was a participle
        shared = len(items[-1].split()) > 1 and any(
            len(i.split()) == 1 and i.lower().endswith(_SHARED_HEAD_ENDINGS) for i in items[:-1]
        )
        if shared:
            return None  # 'cerebral and pulmonary edema', 'general, neurologic … findings'
        if any(
            i.split()[-1].lower() in lexicon.VERB_PARTICLES or " to " in f" {i} " for i in items
        ):
            return None  # 'medications to prevent or improve contractures': a clause split
        heads = [i.split()[0].lower() for i in items]
        if any(
            h in lexicon.CONTINUATION_OPENERS or (len(h) > 4 and h.endswith("ly")) for h in heads
        ):
            return None  # '…, chemotherapy, depending on stage': the last goes on, no item
        return " ".join(words[:at]), " ".join(words[at:end]), items
    return None


# --- the choice ------------------------------------------------------------------------------


# What a setting is when nobody sets it ('Rollback on failure is enabled by default', 'Public
# access is blocked by default'): the state is the fact.
_DEFAULT_STATE = re.compile(
    r"\b(?:is|are)\s+(?:(?:usually|always|now)\s+)?(?P<state>enabled|disabled|on|off|allowed"
    r"|denied|blocked|encrypted|unencrypted|public|private|open|closed|true|false|required"
    r"|optional)\s+by\s+default\b",
    re.I,
)


def default_blank(sentence: str) -> Blank | None:
    """The state a sentence says a thing has by default ('… is enabled by default')."""
    m = _DEFAULT_STATE.search(sentence)
    return Blank(m.group("state"), m.start("state"), "state") if m else None


def best_blank(sentence: str) -> Blank | None:
    """One blank per sentence: a number in digits, else a defined term, else a count in words
    ('five judges called the Tribunal' is about the Tribunal), else a named subject."""
    found = blanks_in_order(sentence)
    return found[0] if found else None


def blanks_in_order(sentence: str) -> list[Blank]:
    """Every blank the sentence's shapes give, best first (best_blank's order), each term once:
    the card builder takes the first its context does not give away ('Rickets is a disease
    caused by a lack of vitamin D' under 'Rickets' hides the vitamin, not the disease)."""
    if not fact_sentence(sentence):
        if threshold_line(sentence):
            # 'PMNs >250/mm3' in a row of findings: the cut-off is the fact, however short
            return [b for b in _blanks(sentence) if b.kind == "number"]
        if impersonal_ability(sentence):
            # 'We can only have one internet gateway per VPC': what anyone may do, a fact when
            # a number or a default says it; its names and terms are often only its grammar
            return [b for b in _blanks(sentence) if b.kind in ("number", "state")]
        if generic_person(sentence):
            # 'When we add the CNAME record, validation can take up to 72 hours': the generic
            # person of a course's notes around a measured fact; only the measure is asked
            return [b for b in _blanks(sentence) if b.kind == "number" and _measured(b)]
        return []
    return _blanks(sentence)


# A measure named and its cut-off: 'PMNs >250/mm3', 'FHR < 110 bpm', 'Temperature ≥ 38 °C'.
_THRESHOLD = re.compile(
    r"^\s*(?P<name>[A-Za-z][\w'’/+-]*(?:\s+[A-Za-z][\w'’/+-]*){0,2})\s*"
    r"(?:[<>≥≤]=?|less than|greater than|more than|above|below)\s*"
    r"(?P<num>\d[\d.,]*)\s*(?P<unit>[^\s\d.,;:]*(?:/\S+)?)\s*\.?\s*$",
    re.I,
)


def threshold_line(sentence: str) -> bool:
    """A line that is a measure and its cut-off and nothing else ('PMNs >250/mm3', 'FHR <
    110 bpm'): too short for a sentence, yet the number is a fact to recall."""
    m = _THRESHOLD.match(sentence)
    if m is None:
        return False
    name = m.group("name").lower()
    first = name.split()[0]
    return name not in lexicon.STOP_WORDS and first not in lexicon.STEP_VERBS | _NO_SUBJECT


# 'We can …', 'You cannot …', 'You need to …': the generic person of a course's notes, saying
# what is possible or required of anyone, not the author talking about themselves.
_IMPERSONAL = re.compile(
    r"^\W*(?:we|you)\s+(?:can(?:not|'t|’t)?|must|need to|have to|should|may|are able to)"
    r"(?:\s+(?:only|also|always|never|not))?\s+[a-z]",
    re.I,
)


# The persons that are the author, not anyone ('I', 'my', 'let's', 'we'll'): all but the generic
# 'we' and 'you' and their forms.
_OTHER_PERSONS = lexicon.PERSONAL_WORDS - frozenset("we our us you you're your".split())


def impersonal_ability(sentence: str) -> bool:
    """A sentence in the generic 'we'/'you' of course notes ('We can only have one internet
    gateway per VPC', 'You cannot shrink a volume') that is otherwise a fact sentence: no other
    person in it ('I', 'my', 'let's'), no question, formula or plan."""
    if not _IMPERSONAL.match(sentence):
        return False
    rest = _IMPERSONAL.sub("X ", sentence, count=1)
    if _OTHER_PERSONS & set(re.findall(r"[\w'’]+", rest.lower())):
        return False
    return fact_sentence(re.sub(r"\b(?:we|you|our|your|us)\b", "one", rest, flags=re.I))


def generic_person(sentence: str) -> bool:
    """A sentence whose only person is the generic 'we' of course notes ('when we create a
    certificate …'), and that is a fact sentence with that person taken out."""
    words = set(re.findall(r"[\w'’]+", sentence.lower()))
    # ('you' in a case is the clinician: 'The family brings him to your office …')
    if not words & {"we", "our", "us"} or (_OTHER_PERSONS | {"you", "your"}) & words:
        return False
    if words & {"will", "shall", "going", "today", "tomorrow", "next", "lecture", "class"}:
        return False  # 'We will meet again in 2 weeks': the course's plan, not a fact
    return fact_sentence(re.sub(r"\b(?:we|our|us)\b", "one", sentence, flags=re.I))


def _measured(blank: Blank) -> bool:
    """A number with its unit ('72 hours', '5 GB', '30%'), not a bare count."""
    return bool(re.search(r"\d", blank.term)) and bool(re.search(r"[^\d\s.,]", blank.term))


def _blanks(sentence: str) -> list[Blank]:
    # a line opening with what its topic does has no subject to hide
    named = object_blank if _predicate_first(sentence) else subject_blank
    found: list[Blank] = []
    for blank in (
        number_blank(sentence, counts=False),
        term_blank(sentence),
        number_blank(sentence),
        default_blank(sentence),
        superlative_blank(sentence),
        named(sentence),
        named_blank(sentence),
        passive_agent_blank(sentence),
        direction_blank(sentence),
    ):
        if blank is not None:
            blank = _with_transition(sentence, _with_argument(sentence, blank))
        if blank is not None and all(b.term != blank.term for b in found):
            found.append(blank)
    return found


# --- where a thing moves, grows or drains --------------------------------------------------

# 'The stack grows toward lower addresses', 'Lymph drains into the subclavian veins', 'Heat flows
# from the hotter body': a verb of motion, then where to. The subject is a noun phrase of up to
# four words; an adverb may sit between it and the verb ('usually', 'first').
_DIRECTION = re.compile(
    r"^(?P<subject>[A-Za-z][\w'’-]*(?:\s+[\w'’()-]+){0,4}?)\s+"
    r"(?:(?:usually|always|normally|typically|generally|mostly|first|only|then)\s+)?"
    r"(?P<verb>[a-z]+)\s+(?:(?:up|down|back|out|away|around)\s+)?"
    r"(?P<prep>towards?|into|onto|to|from|through)\s+"
    r"(?P<object>[^,;:.!?]+)",
)
# Subjects that name no thing ('Everything shifts …') and words no subject holds (a verb before
# the verb: 'May radiate', 'is shifted', 'that extends', 'Creates a stream … passed').
_NO_PLACE_SUBJECTS = frozenset("everything something anything nothing each all one".split())
_VERB_IN_SUBJECT = (
    lexicon.MODAL_VERBS
    | lexicon.FINITE_VERBS
    | frozenset("that which who where when creates need needs".split())
)
MAX_DIRECTION_WORDS = 5  # 'smaller (lower) addresses', 'the right atrium of the heart'


def direction_blank(sentence: str) -> Blank | None:
    """Where the line's subject moves, grows, flows or drains (`lexicon.DIRECTION_VERBS`): 'The
    stack grows toward […]' hiding 'smaller (lower) addresses', 'Lymph drains into the […]'
    hiding 'subclavian veins'. A plain sentence with no name or number in it still says this
    much; the place is asked, up to a word that opens what is said of it ('when', 'during')."""
    if _NEGATION.search(sentence):
        return None
    m = _DIRECTION.match(sentence.strip())
    if m is None or m.group("verb") not in lexicon.DIRECTION_VERBS:
        return None
    subject = re.sub(r"^(?:the|a|an)\s+", "", m.group("subject"), flags=re.I)
    first = subject.split()[0].lower()
    if first in lexicon.BACK_REFERENCES or first in _NO_PLACE_SUBJECTS:
        return None  # 'It moves to …', 'Everything shifts to …': whose place, it cannot say
    if (
        not _is_term(subject)
        or not _subject_shape(subject)
        or _VERB_IN_SUBJECT & set(subject.lower().split())
    ):
        return None  # 'May radiate to …', 'Traffic is shifted to …', 'A principle that …'
    if not m.group("verb").endswith(("s", "ed")) and not _plural(subject):
        return None  # 'Need arithmetic shift to …', 'blood flow to …': a noun, not its verb
    words = m.group("object").split()
    if words and words[0].lower() in lexicon.ARTICLES:
        words = words[1:]  # 'into the […]': the article stays
    kept: list[str] = []
    for word in words:
        if kept and word.lower() in _OBJECT_END:
            break
        kept.append(word)
    if not 1 <= len(kept) <= MAX_DIRECTION_WORDS:
        return None
    term = " ".join(kept)
    if term.count("(") != term.count(")") or all(
        w.lower() in lexicon.ENGLISH_STOP_WORDS for w in kept
    ):
        return None
    start = m.start("object") + m.group("object").index(term)
    return Blank(term, start + (len(sentence) - len(sentence.lstrip())), "object")


# --- what a plain sentence's subject causes or makes -----------------------------------------

MAX_OBJECT_WORDS = 4  # 'a surplus', 'total revenue', 'red and blue light'
# Where an object's noun phrase ends: punctuation, or a word that opens what is said of it.
_OBJECT_END = frozenset(
    "which that who whom whose when while where because so if unless but whereas although"
    " though due owing by in on at for during after before from with without within to than"
    " as via later earlier sooner again more less"
    " through under over between into onto against".split()
)
# Objects that name only a measure or a class of things, not what it is of ('risk', 'levels').
_GENERIC_OBJECTS = frozenset(
    "risk risks chance chances likelihood odds rate rates level levels amount amounts effect"
    " effects problem problems issue issues symptom symptoms change changes result results"
    " function functions activity ability abilities error errors difference differences output"
    " outputs bar".split()
)
# Words after which 'results in', 'leads to' are a noun and its preposition, not a verb.
_NOUN_BEFORE = frozenset(
    "the a an their its our your his her of and or put get gets give gives show shows return"
    " returns store stores".split()
)
_PASSIVE_BEFORE = frozenset("is are was were be been being get gets got".split())


def _effect_verb(words: list[str], at: int) -> int:
    """How many words the effect verb at `at` takes ('causes' 1, 'leads to' 2; 0: none there):
    a third-person or past form, or a base form after a modal ('can cause')."""
    two = " ".join(words[at : at + 2]).lower()
    three = " ".join(words[at : at + 3]).lower()
    after_modal = at > 0 and words[at - 1].lower() in lexicon.MODAL_VERBS
    if three in lexicon.EFFECT_PHRASES:
        return 3
    if two in lexicon.EFFECT_PHRASES:
        return 2
    word = words[at].lower()
    if after_modal and word in lexicon.EFFECT_VERBS:
        return 1
    if word in lexicon.EFFECT_VERBS and at > 0 and _plural_subject(words[:at]):
        return 1  # 'Chloroplasts contain …', 'Statins lower …': a base form after a plural
    stems = set()
    if word.endswith("es"):
        stems |= {word[:-1], word[:-2]}
    if word.endswith("s") and not word.endswith("ss"):
        stems.add(word[:-1])
    if word.endswith("ies"):
        stems.add(word[:-3] + "y")
    # no bare '-ed' form: it reads as an adjective as often as a verb ('decreased visual
    # acuity', 'an increased risk', 'All have decreased appetite')
    return 1 if stems & lexicon.EFFECT_VERBS else 0


# Words ending like a plural that are verbs or function words, never a subject's last word.
_NOT_SUBJECTS = frozenset("has was does is this thus always perhaps sometimes whereas".split())


def _plural_subject(before: list[str]) -> bool:
    """The words before a verb end on a plural noun that can be its subject ('Chloroplasts',
    'Guard cells', 'Most statins'): not a pointer, a preposition's object ('in cells') or
    a phrase after a comma."""
    last = before[-1]
    if not re.fullmatch(r"[A-Za-z][\w'’-]{2,}", last) or not _plural(last.lower()):
        return False
    lowered = [w.lower().strip(",;:") for w in before]
    if last.lower() in _SMALL_WORDS or last.lower() in _NOT_SUBJECTS:
        return False  # 'has a lower …', 'S3 APIs has lower …': no noun before the word
    if lowered[0] in lexicon.BACK_REFERENCES | lexicon.PERSONAL_WORDS:
        return False
    if len(before) == 1 and not last[:1].isupper():
        return False  # 'helps reduce …': a lower-case word alone is a verb as often as a noun
    if lexicon.QUESTION_WORDS.intersection(lowered) or {"that", "if", "whether"} & set(lowered):
        return False  # 'Specifies which input rows cause …': the plural opens a clause
    return not (
        any(w[-1:] in ",;:" for w in before)
        or lexicon.ROW_PREPOSITIONS.intersection(lowered[1:])
        or {"in", "on", "at", "of", "with", "from", "by"}.intersection(lowered[1:])
    )


def relation_object_blank(sentence: str) -> Blank | None:
    """What a plain sentence says its subject causes, makes or needs, when it names nothing in
    capitals: 'A price floor set above equilibrium causes a […]' (surplus), 'If demand is
    inelastic, raising the price increases […]' (total revenue), 'Chlorophyll absorbs […]'.
    The object is the short noun phrase right after an effect verb (`lexicon.EFFECT_VERBS`),
    ending the sentence or a clause; never in a negation, a passive ('is caused by'), a line
    with no subject before its verb, nor a pointer ('causes it', 'increases this')."""
    if _NEGATION.search(sentence):
        return None
    masked = _mask_asides(sentence)
    words = masked.split()
    for at in range(1, len(words) - 1):
        if words[at - 1][-1:] in ",;:" or words[at - 1].lower() == "to":
            continue  # after a comma no subject; after 'to' a purpose ('… to reduce pain')
        taken = _effect_verb(words, at)
        if not taken or words[at - 1].lower() in _PASSIVE_BEFORE:
            continue
        if taken > 1 and words[at - 1].lower() in _NOUN_BEFORE:
            continue  # 'can put results in memory': 'results' is a noun there
        said_of = [w.lower() for w in words[:at] if w.lower() not in lexicon.MODAL_VERBS]
        if not said_of or words[0].lower() in lexicon.MODAL_VERBS:
            return None  # 'Can create ephemeral fields': one of what its topic can do
        start = at + taken
        if start < len(words) and words[start].lower() in ("up", "down", "out", "off"):
            start += 1  # 'speeds up reactions': the particle is the verb's
        run: list[str] = []
        for word in words[start:]:
            bare = word.rstrip(",.;:")
            if bare.lower() in _OBJECT_END or not re.fullmatch(r"[\w'’+/-]+", bare):
                break
            run.append(bare)
            if bare != word:
                break  # punctuation ends the phrase
        while run and run[0].lower() in ("a", "an", "the"):
            run = run[1:]
            start += 1
        if lexicon.BACK_REFERENCES.intersection(w.lower() for w in words[:at]):
            return None  # 'Mutations in this gene can cause …': the subject is in another line
        lowered_run = [w.lower() for w in run]
        of = lowered_run.index("of") if "of" in lowered_run else -1
        following = [*run[of:], *words[start + len(run) :]]
        complement = of > 0 and _named_complement(run[:of], following)
        if complement:
            run = run[:of]  # 'lower the […] of a reaction': a term, and what it is of shown
        if not 1 <= len(run) <= MAX_OBJECT_WORDS:
            return None
        last, after = words[start + len(run) - 1], words[start + len(run) :]
        if complement:
            after = []
        elif after and after[0].lower() in ("to", "of") and last[-1:] not in ",.;:":
            return None  # 'may prevent progression to …', 'the ability to …': a noun's complement
        listed = last.endswith(",") and len(after) > 1 and after[0].lower() not in _OBJECT_END
        if listed or after and after[0].lower() in ("and", "or"):
            return None  # 'can result in […], intimal proliferation, and …': one of a list
        if after and last[-1:] not in ",.;:" and after[0].lower() not in _OBJECT_END:
            return None  # the phrase goes on past what a blank can hold
        lowered = [w.lower() for w in run]
        if lowered[0] in lexicon.BACK_REFERENCES or lowered[-1] in _SMALL_WORDS:
            return None
        if any(w.isdigit() for w in lowered) or lexicon.VAGUE_WORDS.intersection(lowered):
            return None  # a number has its own blank; 'causes several things' names nothing
        if len(lowered) == 1 and lowered[0] in _GENERIC_OBJECTS:
            return None  # 'increases the risk': what risk is the point, and it is not hidden
        if lowered[-1].endswith("ly") or not _is_term(" ".join(run)):
            return None
        at_char = sentence.find(" ".join(run), len(" ".join(words[:start])))
        if at_char < 0:
            return None
        return Blank(" ".join(run), at_char, "relation")
    return None


MAX_COMPLEMENT_WORDS = 4


def _named_complement(run: list[str], after: list[str]) -> bool:
    """An object of two words or more that is a term, then what it is of, ending the sentence:
    'Enzymes lower the activation energy of a reaction' hides 'activation energy' and shows
    'of a reaction'. One word ('the rate of …', 'progression to …') names nothing alone."""
    if after[0].lower() != "of" or len(run) < 2 or not 2 <= len(after) <= MAX_COMPLEMENT_WORDS:
        return False
    rest = [w.lower().strip(",.;:") for w in after[1:]]
    if not all(re.fullmatch(r"[a-z][\w'’-]*", w) for w in rest) or rest[-1] in _SMALL_WORDS:
        return False
    generic = _GENERIC_OBJECTS | lexicon.VAGUE_WORDS
    return not any(w.lower() in generic for w in run) and after[-1][-1:] not in ",;:"


# --- which relation a plain sentence states -------------------------------------------------

_COPULA = frozenset("is are was were remains remain becomes become stays stay".split())
_RELATION_SKIPPED = frozenset(
    "always usually often generally also highly strongly now still very relatively".split()
)


def relation_adjective_blank(sentence: str) -> Blank | None:
    """How a plain sentence says its subject lies to another thing, when nothing in it is
    named or counted: 'grad f is […] to the level surface of f' (perpendicular), 'The
    velocity vector is […] to the path' (tangent). The adjective comes right after a copula,
    then the word it takes (`lexicon.RELATION_ADJECTIVES`). Never in a negation ('is not
    parallel': only the words listed may stand between the copula and the adjective), after
    a subject that points elsewhere ('It is perpendicular …'), nor with no subject at all."""
    masked = _mask_asides(sentence)
    found = list(re.finditer(r"\S+", masked))  # the words, with where each starts
    words = [m.group() for m in found]
    for at in range(1, len(words) - 1):
        if words[at].lower() not in _COPULA:
            continue
        said_of = [w.lower() for w in words[:at] if re.match(r"\w", w)]
        opener = said_of[0] if said_of else ""
        if (
            sentence[: found[at].start()].rstrip()[-1:] in ",;:"
            or opener in lexicon.BACK_REFERENCES
        ):
            continue  # no subject, or one in another line ('Both are tangent to …')
        if said_of == ["there"]:
            continue  # 'There is …': nothing it is said of
        start = at + 1
        while start < len(words) and words[start].lower() in _RELATION_SKIPPED:
            start += 1
        if start + 1 >= len(words):
            return None
        word = words[start].rstrip(",.;:")
        if words[start + 1].lower() in lexicon.RELATION_ADJECTIVES.get(word.lower(), ()):
            return Blank(word, found[start].start(), "relation")
    return None


_ARGUMENT = re.compile(r"\([^()]{1,20}\)")


def _with_argument(sentence: str, blank: Blank) -> Blank:
    """'O' of 'O(1)', 'f' of 'f(x)': a one- or two-letter name written with its argument is one
    term with it ('average lookup time is […]' hides 'O(1)', not the 'O' before '(1)')."""
    end = blank.start + len(blank.term)
    m = _ARGUMENT.match(sentence, end)
    if len(blank.term) > 2 or m is None:
        return blank
    return Blank(sentence[blank.start : m.end()], blank.start, blank.kind)


# A value and the one it turns into: 'from 1 → 0', 'goes 200 -> 210'.
_TRANSITION = re.compile(rf"\s*{_ARROWS}\s*[\w.%$-]+")


def _with_transition(sentence: str, blank: Blank) -> Blank:
    """A number the line says turns into another ('Outputs change when the clock goes from 1 →
    0') is one value with it: hiding '1' alone left '→ 0' cut off, or asked half a change."""
    if blank.kind != "number":
        return blank
    m = _TRANSITION.match(sentence, blank.start + len(blank.term))
    if m is None:
        return blank
    return Blank(sentence[blank.start : m.end()], blank.start, blank.kind)


def _predicate_first(sentence: str) -> bool:
    first = sentence.split(maxsplit=1)[0].lower() if sentence.strip() else ""
    return first in lexicon.PREDICATE_VERBS


# --- what a short sentence ends on ------------------------------------------------------------

MAX_END_FOCUS_WORDS = 14  # a longer sentence says more than its last phrase
MAX_END_WORDS = 3  # 'the thymus', 'the link-local range', 'compatible types'
# Prepositions whose object is the place, cause or partner a sentence ends on ('mature in the
# thymus', 'adjusted for inflation'). Not 'of' (its object completes the noun before it: 'a copy
# of the struct' is about the copy), nor the time words a date or a span follows.
_END_PREPOSITIONS = frozenset(
    "in into at on for from to by with within across through onto during via".split()
)
_END_DETERMINERS = lexicon.ARTICLES | frozenset("its their his her most".split())
# Words an ending is too plain to ask ('in the body', 'at the end', 'to the user').
_PLAIN_ENDS = lexicon.VAGUE_WORDS | frozenset(
    "time times end start beginning middle top bottom side left right place places case cases"
    " example examples use order form body value values data type types user users system"
    " systems people person one ones other others same different first last next line lines"
    " list item items point points level levels number numbers group groups area areas way"
    " result results question questions answer answers thing function total general"
    " particular fact".split()
)


def end_focus_blank(sentence: str) -> Blank | None:
    """What a short written sentence ends on, when nothing in it is named, counted or defined: an
    English sentence puts what it tells last ('T cells mature in the […]' thymus, 'Real GDP is
    adjusted for […]' inflation, 'fe80::/10 is the […]' link-local range). The ending is a noun
    phrase of one to three plain words whose start is sure: after a preposition of place, cause
    or partner, or after a determiner ('the', 'their', 'most'), itself after such a preposition,
    a copula or a verb. The sentence opens on a capital and a subject that points nowhere else
    ('modern CPUs have …', 'Retain snapshots for …': a note's shorthand), and has no negation
    (hiding what is not is a riddle); asides are left out ('(constant base-year prices)')."""
    if re.search(r"\b(?:not|never|no|cannot|nor)\b|n't\b", sentence, re.I):
        return None
    text = re.sub(r"\s*\([^()]*\)", "", sentence.strip()).rstrip(" .;:!")
    if re.search(r"[()]|[,;]|:\s", text):
        return None  # a list or a second clause: its last words end only that part
    words = text.split()
    if not 4 <= len(words) <= MAX_END_FOCUS_WORDS:
        return None
    if words[0].lower() in lexicon.BACK_REFERENCES | lexicon.PERSONAL_WORDS | {"there", "here"}:
        return None  # 'It is stored in …', 'There are …': said of what another line named
    if lexicon.POINTERS_IN_LINE.intersection(w.lower() for w in words):
        return None  # 'Note that this is …': said of what another line shows
    if not words[0][:1].isupper() or _no_subject(words) or words[0].lower() == "one":
        return None  # 'Retain snapshots for auditing', 'To preserve spaces in …': no one said of
    run: list[str] = []
    at = len(words)
    while at > 0 and len(run) <= MAX_END_WORDS:
        word = words[at - 1]
        if not re.fullmatch(r"[a-z][a-z'’-]*", word) or word in _END_BOUNDARIES:
            break
        run.insert(0, word)
        at -= 1
    if not 1 <= len(run) <= MAX_END_WORDS or at < 2:
        return None
    before = words[at - 1].lower()
    if before in _END_DETERMINERS:
        at -= 1
        before = words[at - 1].lower()
        if before in _END_STOPS or at < 2:
            return None  # 'a copy of the struct' is about the copy
    elif before not in _END_PREPOSITIONS:
        return None  # 'secrete antibodies', 'smell fruity': where the phrase starts is unsure
    elif before == "to" or run[0].endswith("ing"):
        return None  # 'the operation to perform', 'for auditing': a verb's form, not a thing
    if not _verb_before(words[:at]):
        return None  # 'WAF integration for security': a phrase, no sentence
    last = run[-1]
    if last in _PLAIN_ENDS or any(w.endswith("ly") for w in run) or len(last) < 3:
        return None  # 'in total', 'most commonly injured'
    term = " ".join(run)
    start = sentence.rfind(term)
    after = sentence[start + len(term) :]
    if start < 0 or after.strip(" .;:!") and not re.fullmatch(r"\s*\([^()]*\)\W*", after):
        return None
    if re.match(r"\s*\([A-Z]{2,6}\)", after):
        # '… (TLS)' after the ending gives its words away by their initials; 'point in […]
        # (PITR)' shows it is a part of a longer name
        return None
    return Blank(term, start, "relation") if _is_term(term) else None


def _no_subject(words: list[str]) -> bool:
    """A line that opens on its verb ('Represent the permissions', 'Can use …', 'Removing read
    from …', 'To preserve …', 'Used to …'): it says nothing of a subject it names."""
    first = words[0].lower()
    return (
        first in lexicon.MODAL_VERBS | lexicon.STEP_VERBS | {"to", "used", "always", "never"}
        or first.endswith("ing")
        or (first.endswith("ly") and len(first) > 4)
    )


def _verb_before(words: list[str]) -> bool:
    """A finite verb after the first word: a copula, an auxiliary or a modal ('is adjusted',
    'can cause'), a verb in -s after a singular noun ('Mucus traps'), a past form ('was
    signed', 'ended'), or a base form after a plural noun, maybe past an adverb ('T cells
    mature', 'Strong acids fully dissociate')."""
    lowered = [w.lower().strip(",.;:") for w in words]
    for at in range(1, len(lowered)):
        word, previous = lowered[at], lowered[at - 1]
        if word in lexicon.FINITE_VERBS:
            return True
        if previous in _END_BOUNDARIES or not re.fullmatch(r"[a-z]+", word):
            continue
        if word in _END_BOUNDARIES or word.endswith("ly"):
            continue
        if word.endswith("ed") or word in lexicon.IRREGULAR_PAST:
            return True
        plural = previous.endswith("s") and not previous.endswith(("ss", "us", "is"))
        if word.endswith("s") and not word.endswith("ss") and not plural:
            return True  # 'Mucus traps', 'The client sends'
        if plural and not word.endswith("s"):
            return True  # 'T cells mature'
        if at > 1 and lowered[at - 2].endswith("s") and previous.endswith("ly"):
            return True  # 'acids fully dissociate'
    return False


# After a determiner: what makes its phrase the complement of the word before ('of the king').
_END_STOPS = frozenset("of than as like".split())
# Where an ending's noun phrase starts, read backwards: a small word or a determiner.
_END_BOUNDARIES = (
    lexicon.STOP_WORDS
    | _SMALL_WORDS
    | _END_DETERMINERS
    | _END_PREPOSITIONS
    | _END_STOPS
    | frozenset(lexicon.COUNT_WORDS)
    | lexicon.VAGUE_WORDS
    | frozenset("least most more less".split())
)
