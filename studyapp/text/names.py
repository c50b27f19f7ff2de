"""Normalising names and phrases so that different spellings of one thing compare equal.

Pure. 'AWS Lambda', '2. AWS Lambda', '**AWS Lambda**' and 'Lambda' share one name key; 'Max
execution', 'Maximum execution time' and 'max time' share one attribute key.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon

_VENDOR = re.compile(rf"^(?:{'|'.join(lexicon.VENDOR_PREFIXES)})\s+")
_PAREN = re.compile(r"\s*\([^()]*\)")


# Merge asks for the keys of the same topics for every one of their facts.
@functools.lru_cache(maxsize=1 << 18)
def stable_key(*parts: str) -> str:
    """A short hash of a normalised identity: the same identity always gives the same key."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def name_tokens(name: str) -> list[str]:
    """Tokens of a topic name: lower case, no vendor prefix, no parenthetical, singular."""
    return list(_name_tokens(name))


_NAME_MARKS = re.compile(r"[*_`?!:]")
_NAME_SPACES = re.compile(r"\s+[-–—]\s+|\s+")


# Pure, and asked of the same names by merge and every generator (200,000 times at 1,000 notes).
@functools.lru_cache(maxsize=1 << 18)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = name.lower().replace("’", "'")
    if "(" in text:
        text = _PAREN.sub("", text)
    text = _NAME_MARKS.sub(" ", text)
    text = text.replace("&", " and ").replace("+", " and ")
    if "-" in text or "–" in text or "—" in text:
        text = _NAME_SPACES.sub(" ", text).strip()
    else:  # the same without a dash: whitespace runs as one space (a split is quicker)
        text = " ".join(text.split())
    text = lexicon.QUESTION_PREFIX.sub("", text)
    text = _VENDOR.sub("", text)
    return tuple([singular(w) for w in text.split() if w not in {"-", "–", "—"}])


# Merge and the generators ask for the same names' keys many times; a thousand notes hold over
# a hundred thousand distinct names, and a smaller cache was refilled all the time.
@functools.lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    return " ".join(_name_tokens(name))


_GENERIC_WORDS = frozenset(
    singular(w)
    for w in (
        *lexicon.GENERIC_HEADING_WORDS,
        *lexicon.GENERIC_LABEL_WORDS,
        *(part for entry in lexicon.GENERIC_ASPECTS for part in entry.split("-")),
    )
)


def generic_word(word: str) -> bool:
    """A word any heading or label may use of any subject ('rules', 'steps', 'types')."""
    return singular(word.lower()) in _GENERIC_WORDS


# What a question heading may say of the topic above it ('What they do', 'What it's for').
_ASPECT_PRONOUNS = frozenset("it it's its they they're them he she this these".split())


@functools.lru_cache(maxsize=1 << 16)
def generic_heading(title: str) -> bool:
    """A heading that names an aspect of the enclosing topic, not a topic: a listed aspect
    ('Limits'), only generic words ('Key insights', 'Part 2'), a question ('How?', 'Why use
    it?'; 'What is DNA?' names DNA), or who speaks in a pasted chat ('You said:')."""
    words = re.findall(r"[a-z0-9']+", title.lower())
    if words and (words[0] in lexicon.QUESTION_WORDS - {"what"} or title.strip().endswith("?")):
        if not lexicon.QUESTION_PREFIX.match(" ".join(words) + " "):
            return True
    if asks_about_it(title):
        return True  # 'What they do', 'What it is for': a question about the topic above
    if lexicon.CHAT_SPEAKER.match(title.strip()):
        return True
    tokens = name_tokens(title)
    if "-".join(tokens) in lexicon.GENERIC_ASPECTS:
        return True
    return all(
        t in _GENERIC_WORDS or t in lexicon.ENGLISH_STOP_WORDS or t.isdigit() for t in tokens
    )


def asks_about_it(title: str) -> bool:
    """A heading that asks a question of the topic above it by a pronoun ('What they do', 'Where
    it is found', 'How it works'): an aspect of that topic, not a topic or a sentence."""
    words = re.findall(r"[a-z0-9']+", title.lower())
    return len(words) > 1 and words[0] in lexicon.QUESTION_WORDS and words[1] in _ASPECT_PRONOUNS


@dataclass(frozen=True)
class Framing:
    """What a framing heading is about: 'Common mistakes with the subjunctive' is the
    subjunctive (`subject`), its common mistakes (`aspect`; '' for a heading about the whole)."""

    subject: str
    aspect: str


@functools.lru_cache(maxsize=1 << 16)
def framing(title: str) -> Framing | None:
    """The subject a heading frames ('Overview of Mitosis', 'Lecture 4: Magna Carta', 'Exam tips
    for torts'), if it frames one (lexicon.WHOLE_FRAMINGS, ASPECT_FRAMINGS); a subject that is
    no name ('How it works', 'About this course') frames nothing."""
    text = re.sub(r"[*_`#]", "", title).strip(" :")
    for patterns, whole in ((lexicon.ASPECT_FRAMINGS, False), (lexicon.WHOLE_FRAMINGS, True)):
        for pattern in patterns:
            found = pattern.match(text)
            if not found:
                continue
            subject = found.group("subject").strip(" :–—-")
            if not subject or generic_heading(subject) or _pronoun(subject):
                return None
            aspect = "" if whole else found.group("aspect")
            aspect = lexicon.FRAMING_ASPECT_NAMES.get(aspect.lower(), aspect)
            return Framing(subject, aspect[:1].upper() + aspect[1:])
    return None


def _pronoun(subject: str) -> bool:
    words = subject.lower().split()
    return words[0] in {"it", "this", "that", "these", "those", "they", "them", "we", "you"}


def pair_heading(title: str) -> bool:
    """A heading about two things at once ('Mitosis vs Meiosis', 'Comparing X and Y')."""
    return bool(lexicon.PAIR_HEADING.search(title))


# The lexicon's, still importable from here (the quiz generator takes it from names).
QUALIFIERS = lexicon.QUALIFIERS


def stem(word: str) -> str:
    # Truncation is crude but sturdy for notes: concurrency/concurrent, execution/executions.
    return word[:6]


@functools.lru_cache(maxsize=65536)  # pure, and asked of the same few names again and again
def attribute_stems(
    attribute: str, *, topic_tokens: frozenset[str] = frozenset()
) -> frozenset[str]:
    words = re.findall(r"[a-z0-9@]+", attribute.lower().replace("’", "'"))
    out = set()
    for word in words:
        word = lexicon.ATTRIBUTE_SYNONYMS.get(word, word)
        if not word or word in lexicon.STOP_WORDS or word in topic_tokens:
            continue
        out.add(stem(singular(word)))
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 18)
def content_stems(text: str) -> frozenset[str]:
    """The meaning-bearing words of a phrase, for near-duplicate detection."""
    words = re.findall(r"[a-z0-9@]+", text.lower().replace("’", "'"))
    # (a list, not a generator: this runs for every card's front and answer)
    return frozenset([_word_stem(w) for w in words if w not in lexicon.STOP_WORDS])


@functools.lru_cache(maxsize=1 << 16)
def _word_stem(word: str) -> str:
    return stem(singular(word))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def slugify_name(name: str, *, fallback: str = "topic") -> str:
    slug = re.sub(r"[^a-z0-9@]+", "-", name.lower()).strip("-")
    return slug.replace("@", "-at-") or fallback


def named_by_position(name: str) -> bool:
    """A name that only says where a thing is ('Point 3'), not what it is."""
    return lexicon.POSITIONAL_NAME.fullmatch(name.strip()) is not None


def too_short_to_name(name: str) -> bool:
    """Fewer than four letters or digits ('Eg'): a row named by an accident of wording."""
    return len(re.sub(r"\W", "", name)) < 4


# Word boundaries inside a title: spaces and marks, a lower-case letter before a capital or a
# digit, a digit before a letter ('Step2Bank1' -> step, 2, bank, 1).
_TITLE_SPLIT = re.compile(
    r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])"
)
_DASH_PART = re.compile(r"\s+[-–—]\s+")


def title_words(title: str) -> list[str]:
    return [w.lower() for w in _TITLE_SPLIT.split(title) if w]


def collection_words(titles: Iterable[str]) -> frozenset[str]:
    """Words of the notes' titles that name a collection the notes come from, not a subject
    (a question bank, a review book, a course code): `lexicon.COLLECTION_WORDS`, a word
    numbered in `COLLECTION_INSTALMENTS` or more titles ('Bank2', 'Bank 3', 'Step2Bank4'; a
    course code 'BIO101', 'BIO230'), and the words of a dash-suffix two or more titles of
    different subjects share ('Mitosis - Bio course', 'Meiosis - Bio course'). Measured on the
    titles alone, so merge and the generators find the same ones."""
    numbers: dict[str, set[str]] = defaultdict(set)
    # what each numbered title is about besides its number: 'Type 1 diabetes' and 'Type 2
    # diabetes' number one subject's kinds, 'Bank 2 Asthma' and 'Bank 3 Gout' a collection
    rests: dict[str, set[str]] = defaultdict(set)
    suffixes: dict[str, set[str]] = defaultdict(set)
    for title in set(titles):
        words = title_words(title)
        for at, (word, after) in enumerate(zip(words, words[1:], strict=False)):
            if word.isalpha() and after.isdigit():
                numbers[word].add(after.lstrip("0"))
                rest = " ".join(w for w in words[:at] + words[at + 2 :] if not w.isdigit())
                rests[word].add(rest or f"#{after}")
        parts = _DASH_PART.split(title.strip())
        if len(parts) > 1:
            tag = " ".join(w for w in title_words(parts[-1]) if not w.isdigit())
            suffixes[tag].add(name_key(" ".join(parts[:-1])))
    found = set(lexicon.COLLECTION_WORDS)
    found |= {
        w
        for w, seen in numbers.items()
        if min(len(seen), len(rests[w])) >= lexicon.COLLECTION_INSTALMENTS
    }
    for tag, subjects in suffixes.items():
        if tag and len(subjects) >= 2:
            found |= set(tag.split())
    return frozenset(w for w in found if w not in lexicon.ENGLISH_STOP_WORDS)


def uncollected(title: str, collections: frozenset[str]) -> str:
    """A title without the collection words it holds and their numbers ('Pretest Endocrine'
    -> 'Endocrine', '02 Pulmonary - Bank 2' -> '02 Pulmonary'; 'Bank3' -> ''). A title with
    none is returned as it is."""
    # 'ChatGPT' is one word to the collections, though title_words splits it at its capitals
    words = set(title_words(title)) | set(re.findall(r"[a-z]+", title.lower()))
    if not collections or not collections & words:
        return title
    pattern = _collection_pattern(collections)
    text = pattern.sub(" ", title)
    text = re.sub(r"\s+", " ", text).strip(" -–—:·,")
    return "" if not re.search(r"[A-Za-z]", text) else text


@functools.lru_cache(maxsize=64)
def _collection_pattern(collections: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in collections), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![a-z])(?:{words})(?:\s*\d+)?(?![a-z])")


_RANGE = re.compile(r"\d+\s*(?:-|–|to)\s*\d+", re.I)


def no_name(title: str) -> bool:
    """A heading that names no thing one can ask 'what is it?' of: a position or a step ('Step
    2', `named_by_position`), a span of numbers ('Min 1 to 5', 'Days 3-7'), a sentence (six
    words or more, or a be-verb: 'Bleeding is the first sign'), or one word that describes
    (`lexicon.ADJECTIVE_ENDINGS`: 'Sensory', 'Chemical'; not an acronym or 'Crystal' in a
    longer name)."""
    text = re.sub(r"[*_`#]", "", title).strip(" :.")
    words = text.split()
    if not words or named_by_position(text) or _RANGE.search(text):
        return True
    if sentence_heading(text):
        return True
    word = words[0]
    return (
        len(words) == 1
        and word.isalpha()
        and word[1:].islower()
        and word.lower().endswith(lexicon.ADJECTIVE_ENDINGS)
    )


def sentence_heading(title: str) -> bool:
    """A heading written as a sentence, not a name: six words or more, or a be-verb after its
    first word ('Bleeding is the first sign', 'Why the treaty failed in the end')."""
    words = re.sub(r"[*_`#]", "", title).split()
    return len(words) >= 6 or any(w.lower() in lexicon.SENTENCE_VERBS for w in words[1:])


MAX_KIND_WORDS = 3
_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")


def names_itself(text: str) -> bool:
    """Three letters in a row: a word or an acronym ('TCP', 'Mode'), not '$5', 'r+' or '#'."""
    return _THREE_LETTERS.search(text) is not None


def entity_kind(header: str) -> str:
    """A first column's header that says what its names are ('Mode', 'Register', 'Bit
    number'), not one that only labels the column ('Feature', 'Name', '#', 'Question?')."""
    header = header.strip(" :")
    if not 0 < len(header.split()) <= MAX_KIND_WORDS or "?" in header:
        return ""
    if not names_itself(header):
        return ""  # '#', 'No.': a count of rows
    if name_key(header) in lexicon.ATTRIBUTE_HEADERS | _COLUMN_LABELS:
        return ""
    return header


# First-column headers that label the column without saying what its names are.
_COLUMN_LABELS = frozenset(
    "name names term terms word words concept concepts example examples entry entries key"
    " keys value values label labels".split()
)


# An acronym or initialism as one word ('DNS', 'EC2', 'CMKs'): read by cards, comparisons and
# the parser's italic terms alike.
ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9]{1,5}s?")
_IDENTIFIER_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # its words, digits left out


def spelled_out(name: str, text: str) -> bool:
    """A code name made of words ('MemWrite', 'enc0_vocab_size', 'maxPoolSize') whose every
    part the text says ('Write to memory', 'the vocabulary size of enc0 tokens'): asked for its
    meaning, the name gives it away. Only such joined names: a label of plain words that the
    answer repeats ('Prophase — during prophase the chromosomes condense') still asks a fact."""
    name = name.strip(" `*_")
    if " " in name or not re.search(r"[a-z][A-Z]|_|[A-Za-z]\d", name):
        return False
    parts = [p.lower() for p in _IDENTIFIER_PART.findall(name)]
    words = re.findall(r"[a-z0-9]+", text.lower())
    if len(parts) < 2 or not words:
        return False
    return all(
        any(w.startswith(p) or (len(w) >= 3 and p.startswith(w)) or _shortened(p, w) for w in words)
        for p in parts
    )


def abbreviates(abbreviation: str, words: str) -> bool:
    """An abbreviation written beside the words it shortens: its letters in order in theirs,
    its first their first ('ICP' of 'increased intracranial pressure', 'HPV' of 'human
    papillomavirus'). Written as a pair by the author, it need not be their initials: medical
    and technical abbreviations take letters from inside words, as a code name's parts do
    (`_shortened`)."""
    if not _ABBREVIATION.fullmatch(abbreviation) or sum(c.isupper() for c in abbreviation) < 2:
        return False
    return _shortened("".join(c for c in abbreviation.lower() if c.isalnum()), words.lower())


_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9]{1,6}")


def _shortened(part: str, word: str) -> bool:
    """'src' of 'source', 'msg' of 'message', 'cfg' of 'configuration': a code name's part
    written as the word's first letter and some of its letters after, in order."""
    if not 2 <= len(part) < len(word) or part[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in part[1:])
