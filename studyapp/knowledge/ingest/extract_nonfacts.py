"""What in a note is no fact to learn: tables of contents, pasted chat turns and pleasantries,
course logistics (lines and timetables), the note's own metadata, cross-references to other
notes, figure captions, to-do checkboxes.

Pure and per note. Extraction asks these before it reads a line, so such lines give no
candidate at all (a question about 'next lesson' or 'Author: …' is junk in any subject).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from studyapp.text import lexicon
from studyapp.text.names import name_key
from studyapp.text.patterns import may_match

from .parse import Item, Outline, clean_heading

# A note's property line: a short key, a colon, a short value ('Status: Reviewed').
_PROPERTY_LINE = re.compile(r"^(?P<key>[A-Za-z][\w ./&-]{0,30}?)\s*:\s+(?P<value>\S.*)$")
_PROPERTY_KEY_WORDS = 3
_PROPERTY_VALUE_WORDS = 10

# A table of contents names the note's own headings; this share of its entries must do so.
_TOC_SHARE = 0.8
_TOC_MIN_ENTRIES = 3


# Extraction asks it of every line, some lines twice (as an item and as its sentence).
@functools.lru_cache(maxsize=1 << 16)
def non_fact(text: str) -> bool:
    """A line no card should come from: chat, logistics, metadata, a date alone."""
    line = text.strip()
    return bool(
        lexicon.CHAT_SPEAKER.match(line)
        or (may_match(line, *_FILLER_OR_LOGISTICS_NEEDS) and _filler_or_logistics(line))
        or (lexicon.METADATA_LINE.match(line) and not _thing_property(line))
        or lexicon.DATE_ONLY.match(line)
        or lexicon.CROSS_REFERENCE.match(line)
        or lexicon.FIGURE_CAPTION.match(line.strip("*_ "))
        or lexicon.RECAP_LINE.match(line)
        or lexicon.REFERENCE_ENTRY.search(line)
        or _TAGS_ONLY.fullmatch(line) is not None
    )


def _thing_property(line: str) -> bool:
    """'location:: chloroplasts', 'term:: osmosis': an outliner's property of the block above it,
    where a thing is or what it is called, not where a class meets ('location:: Room 204')."""
    m = _THING_PROPERTY.match(line)
    return m is not None and not re.search(r"\d", m.group("value"))


_THING_PROPERTY = re.compile(r"^(?:location|term)::\s*(?P<value>\S.*)$", re.I)


# One test for both patterns first: a line that holds a word of neither (nearly every line) is
# searched for neither; one that holds some is searched only for the pattern needing them.
_FILLER_OR_LOGISTICS_NEEDS = (
    lexicon.CHAT_FILLER_NEEDS[0] + lexicon.COURSE_LOGISTICS_NEEDS[0],
    lexicon.CHAT_FILLER_NEEDS[1] + lexicon.COURSE_LOGISTICS_NEEDS[1],
)


def _filler_or_logistics(line: str) -> bool:
    return bool(
        (may_match(line, *lexicon.CHAT_FILLER_NEEDS) and lexicon.CHAT_FILLER.search(line))
        or (
            may_match(line, *lexicon.COURSE_LOGISTICS_NEEDS)
            and lexicon.COURSE_LOGISTICS.search(line)
        )
    )


# A line of a note app's tags and nothing else ('#law #law/tort #year2', Bear's and Obsidian's
# way to file a note): where it is filed, not what it says.
_TAGS_ONLY = re.compile(r"(?:#[A-Za-z][\w/-]*\s*)+")


def note_properties(items: list[Item]) -> int:
    """How many of a note's first items are its properties: a run of `Key: value` lines (plain
    lines, not a list) with short keys and values at the top of the note, one of whose keys
    names a property of a note (Created, Tags, Author, Status, title: `lexicon.METADATA_LINE`,
    `lexicon.PAGE_PROPERTIES`).
    Such a run (Notion's property lines, a Bear or Jekyll header, 'Module: ECON 102') describes
    the note, whatever its other keys are called ('Reading: Week 2 Cases', 'layout: page'); a
    run that names no such key ('Capital: Paris', 'Currency: euro') is the subject's facts."""
    run, named = 0, False
    for item in items:
        lines = [line for line in (item.lines or (item.text,)) if line.strip()]
        keys = [_property_key(line) for line in lines]
        if not item.is_paragraph or item.children or item.answer or not lines or not all(keys):
            break
        run += 1
        named = named or any(
            lexicon.METADATA_LINE.match(line) or key.lower() in lexicon.PAGE_PROPERTIES
            for line, key in zip(lines, keys, strict=True)
        )
    return run if named else 0


def _property_key(line: str) -> str:
    m = _PROPERTY_LINE.match(line.strip())
    if not m or "::" in line:
        return ""
    key, value = m.group("key").strip(), m.group("value")
    if len(key.split()) > _PROPERTY_KEY_WORDS or len(value.split()) > _PROPERTY_VALUE_WORDS:
        return ""
    return key


def index_entry(line: str, links: tuple[str, ...]) -> bool:
    """A line that is nothing but links to other notes or their sections ('Terminology',
    'Scenario 2: CloudWatch 2' in an index.md of anchors): it names where something is
    written, and says nothing itself."""
    if not links:
        return False  # (most lines) nothing to take away, so something is said
    rest = line
    for text in sorted((t for t in links if t in line), key=len, reverse=True):
        rest = rest.replace(text, " ")
    return rest != line and not re.search(r"\w", rest)


def is_logistics_table(header: list[str]) -> bool:
    """A course's timetable ('Section | Times | Location | Professor'): its header names a
    teaching role or a section, and a time or a place. A history table's 'Date | Place | Event'
    names no role, so it stays."""
    words = {w for cell in header for w in re.findall(r"[a-z]+", clean_heading(cell).lower())}
    return bool(words & lexicon.LOGISTICS_ROLES) and bool(words & lexicon.LOGISTICS_PLACES_TIMES)


def is_todo(item: Item, *, reads_as_fact: bool) -> bool:
    """'[ ] Read chapter 4' is a to-do; '[x] Mitosis: one cell becomes two' still teaches."""
    return bool(lexicon.CHECKBOX.match(item.text)) and not reads_as_fact


def strip_checkbox(text: str) -> str:
    return lexicon.CHECKBOX.sub("", text)


def heading_keys(outline: Outline) -> frozenset[str]:
    """The name keys of every heading of the note: what a table of contents lists."""
    return frozenset(k for s in outline.sections if (k := name_key(s.title)))


def is_table_of_contents(items: list[Item], headings: frozenset[str], own: str) -> bool:
    """A list whose entries (at any depth) are mostly the note's own headings is its table of
    contents, whatever the section is called. `own` (the section's title) does not count.

    Extraction asks it of every list at every depth, and most lists are told apart by their
    first entries: the entries are read one by one, and reading stops once the misses are
    more than the share allows of every item of the list (a bound on its entries, which are
    its items with some text)."""
    items_in = _count(items)
    if items_in < _TOC_MIN_ENTRIES:
        return False
    own_key = name_key(own)
    entries = hits = misses = 0
    for entry in _entries(items):
        if not entry:
            continue
        entries += 1
        if (k := name_key(entry)) in headings and k != own_key:
            hits += 1
            continue
        misses += 1
        if items_in - misses < _TOC_SHARE * items_in:
            return False  # fewer hits than the share of the entries, however many they are
    return entries >= _TOC_MIN_ENTRIES and hits >= _TOC_SHARE * entries


def _count(items: list[Item]) -> int:
    return len(items) + sum(_count(item.children) for item in items if item.children)


def _entries(items: list[Item]) -> Iterator[str]:
    for item in items:
        yield clean_heading(item.text)
        yield from _entries(item.children)


def without_chat_prompts(items: list[Item]) -> list[Item]:
    """A pasted chat's user turns ('You said:' and what follows, up to the assistant's turn) are
    prompts, not knowledge; the assistant's answer stays."""
    out: list[Item] = []
    skipping = False
    for item in items:
        text = item.text.strip()
        if lexicon.USER_SPEAKER.match(text):
            skipping = True
            continue
        if skipping and lexicon.CHAT_SPEAKER.match(text):
            skipping = False
            continue
        if not skipping:
            out.append(item)
    return out


def chat_speaker(title: str) -> bool:
    """A heading that only says who speaks ('You said:', 'ChatGPT said:')."""
    m = lexicon.CHAT_SPEAKER.match(title.strip())
    return m is not None and not re.sub(r"[\W_]+", "", title.strip()[m.end() :])


def front_page(file_name: str, text: Callable[[], str]) -> bool:
    """A repository's front page ('README.md') that names the repository's own files or
    machinery ('index.md', 'create_pdf.sh', 'the repository'): how the notes are sourced, kept
    and built, not what they teach. A README of notes that names none of that stays. `text`
    gives the note's text, read only for a file named like a front page."""
    stem = re.sub(r"\.[A-Za-z]+$", "", file_name.rsplit("/", 1)[-1]).lower()
    return stem in lexicon.FRONT_PAGE_FILES and lexicon.FRONT_PAGE_SIGNS.search(text()) is not None
