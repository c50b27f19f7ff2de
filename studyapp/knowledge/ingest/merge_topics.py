"""Topics of the merged model: which heading names which topic, and the tree they form.

Pure. Every heading of every note is the vocabulary, so 'Lambda' in one note and '2. AWS Lambda'
in another resolve to one topic, and 'AWS Lambda Limits' to that topic's aspect 'Limits'.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from studyapp.text import lexicon
from studyapp.text.names import (
    collection_words,
    framing,
    generic_heading,
    name_key,
    name_tokens,
    no_name,
    stable_key,
    uncollected,
)

from .candidates import Extraction
from .merge_memo import context_digest
from .parse import clean_heading


@dataclass
class Source:
    note: str  # note slug
    heading: str  # heading path as shown to people: "AWS Lambda › Limits"
    line: int
    text: str


@dataclass
class TopicOut:
    key: str
    name: str
    parent_key: str | None
    aliases: list[str]
    order: int  # first appearance, for a stable tree order


_ASPECT_SEPARATOR = re.compile(r"[:|]|\s[-–—]\s")


class Resolver:
    """Maps heading titles to topics, using every heading of every note as the vocabulary."""

    def __init__(self, extractions: dict[str, Extraction]):
        self.vocab: dict[str, list[str]] = {}  # name key -> spellings seen
        # Words naming where notes come from ('Pretest Endocrine', 'Bank3'): no topic's name.
        self.collections = collection_words(e.title or e.name for e in extractions.values())
        for extraction in extractions.values():
            # Each spelling counts once per note, however many headings repeat it as ancestor.
            titles = dict.fromkeys(
                self.uncollected(title) for path in extraction.headings for title in path
            )
            for title in titles:
                if not title:
                    continue
                if self._is_entity_like(title):
                    self.vocab.setdefault(name_key(title), []).append(title)
                # 'Common mistakes with X' names X even where no heading of its own does.
                framed = framing(title)
                if framed and self._is_entity_like(framed.subject):
                    self.vocab.setdefault(name_key(framed.subject), []).append(framed.subject)
        # The names notes are written about, as one name (their titles, with no ':' or dash
        # between a subject and an aspect): 'Amazon API Gateway' is a subject of its own, not
        # the 'Gateway' aspect of a heading 'API' some other note has; 'Serverless: Solution
        # Architecture' is still an aspect of Serverless.
        self.subjects = frozenset(
            name_key(title)
            for title in (self.uncollected(e.title or "") for e in extractions.values())
            if self._is_entity_like(title) and not _ASPECT_SEPARATOR.search(title)
        )
        self._cache: dict[str, tuple[str | None, str]] = {}
        # How a topic no heading's vocabulary spells was written where it was made (a long
        # heading, 'Moving forward 2: studying sentience …'): its name, not its name key.
        self.written: dict[str, str] = {}
        # Where a heading path (and its labels) puts a line, worked out once per path: every
        # candidate of a section, and every note with that section, asks the same
        # (`heading_context`; emptied when the fields change, as the answer may).
        self.contexts: dict[tuple, tuple[str | None, tuple[str, ...], str | None]] = {}
        # Plain headings that many notes put under different subjects ('Diagnosis',
        # 'Significance'): under a topic they are its aspect, not one shared topic
        # (`field_headings`, set by merge once every note's headings are counted).
        self._fields: frozenset[str] = frozenset()

    @property
    def fields(self) -> frozenset[str]:
        return self._fields

    @fields.setter
    def fields(self, fields: frozenset[str]) -> None:
        self._fields = fields
        self.contexts.clear()

    @functools.cached_property
    def vocabulary_digest(self) -> str:
        """A digest of the vocabulary (fixed once built), for merge_memo's contexts."""
        return context_digest(list(self.vocab.items()))

    def _describes(self, prefix: list[str]) -> bool:
        """A one-word name that describes ('Infectious', 'Chemical'): 'Infectious Disease' is
        a thing of its own, not an aspect of it (`names.no_name`)."""
        return len(prefix) == 1 and no_name(self.vocab[prefix[0]][0])

    def _modifies(self, prefix: list[str], rest: list[str]) -> bool:
        """A plain word another note uses as a heading ('Acute' under Hepatitis B) opening a
        longer heading whose rest is no aspect ('Acute Limb Ischemia'): an English name puts
        its head noun last, so the word modifies what follows and the heading names a thing of
        its own. A name written as one ('Lambda', 'EC2', 'IAM': a note's subject, or spelled
        with a capital, a digit or a sign inside) still heads its aspects ('Lambda Limits')."""
        if len(prefix) != 1 or not rest or prefix[0] in self.subjects:
            return False
        if rest[0] in lexicon.ENGLISH_STOP_WORDS or rest[0] in lexicon.PAIR_OPENERS:
            return False  # 'Security and Encryption', 'Lambda vs EC2': no word it modifies
        if len(rest) == 1 and rest[0] in lexicon.NAME_HEAD_NOUNS:
            return False  # 'Bayes theorem' beside 'Bayes': its full name (see `_resolve`)
        if not all(_PLAIN_WORD.fullmatch(spelled.strip()) for spelled in self.vocab[prefix[0]]):
            return False
        return not _aspect_words(" ".join(rest))

    def uncollected(self, title: str) -> str:
        """The title without the collection words it holds ('' when it is only those)."""
        return _uncollected(title, self.collections)

    @staticmethod
    def _is_entity_like(title: str) -> bool:
        key = name_key(title)
        return bool(key) and not generic_heading(title) and len(key) <= 60

    def resolve(self, title: str) -> tuple[str | None, str]:
        """(topic name key or None, aspect) for a heading title."""
        if title in self._cache:
            return self._cache[title]
        result = self._resolve(title)
        self._cache[title] = result
        return result

    def _resolve(self, title: str) -> tuple[str | None, str]:
        # 'Lecture 4: Mitosis', 'Common mistakes with mitosis': the section is about its
        # subject, so its facts are Mitosis's (under the framing's aspect, if it names one).
        bare = self.uncollected(title)
        if not bare:
            return None, ""  # 'Bank3': where the note comes from, no aspect of anything
        if bare != title:
            return self.resolve(bare)
        framed = framing(title)
        if framed:
            topic, inner = self.resolve(framed.subject)
            if topic:
                return topic, " ".join(a for a in (inner, framed.aspect) if a)
        tokens = name_tokens(title)
        key = " ".join(tokens)
        if not key or generic_heading(title):
            return None, title
        if key in self.subjects and len(tokens) > 1:
            return key, ""
        # The longest known name that is a word-prefix of the title: a dictionary lookup per
        # prefix length, so the cost grows with the title, not with the vocabulary.
        best = next(
            (
                tokens[:n]
                for n in range(len(tokens) - 1, 0, -1)
                if " ".join(tokens[:n]) in self.vocab
                and not self._describes(tokens[:n])
                and not self._modifies(tokens[:n], tokens[n:])
            ),
            None,
        )
        if best is not None and self._acronym_for_words(best, title):
            best = None  # 'Acids and Bases' beside 'ACID': a word written as one, not the acronym
        if best is None:
            return self._resolve_unprefixed(title, tokens, key)
        rest = tokens[len(best) :]
        if rest and rest[0] == "of" and (owned := self._aspect_of_owner(key)):
            # 'Stages of mitosis' beside a topic 'Stages': an aspect of what follows 'of' when
            # that is a topic ('Mitosis'), not the name it opens with
            return owned
        if len(rest) == 1 and rest[0] in lexicon.NAME_HEAD_NOUNS:
            # 'Sturge-Weber syndrome' beside 'Sturge-Weber': its full name, not its 'syndrome'
            return self.resolve(self.vocab[" ".join(best)][0])
        joined = " ".join(w for w in rest if w not in lexicon.PAIR_WORDS)
        if rest and rest[0] in lexicon.PAIR_OPENERS and joined in self.vocab:
            # "Lambda@Edge and CloudFront Functions": about both, neither owns it
            return None, title
        topic, inner = self.resolve(self.vocab[" ".join(best)][0])
        return topic, " ".join(a for a in (inner, aspect_text(title, len(best))) if a)

    def _acronym_for_words(self, prefix: list[str], title: str) -> bool:
        """A known name written only in capitals ('ACID') matched by plain words of the title
        ('Acids and Bases'): an acronym and an ordinary word that read alike."""
        spellings = self.vocab[" ".join(prefix)]
        if not all(s.strip().isupper() for s in spellings):
            return False
        words = clean_heading(title).split()
        vendor = _vendor_words(words)
        opening = words[vendor : vendor + len(prefix)]
        # written as a word of prose: 'Acids', 'Path', 'Mg'; not 'iam' in a command
        return bool(opening) and all(
            len(w) >= 2 and w.isalpha() and w[:1].isupper() and w[1:].islower() for w in opening
        )

    def _aspect_of_owner(self, key: str) -> tuple[str | None, str] | None:
        """ "Benefits of AWS Lambda", "Networking of the lambda": an aspect of what follows
        "of", when that is a known topic; None otherwise."""
        of_match = lexicon.ASPECT_OF_OWNER.match(key)
        owner = name_key(of_match.group(2)) if of_match else ""
        if of_match and owner in self.vocab:
            spelled = self.vocab[owner][0]
            if "=" in spelled or "$" in spelled:
                return None  # 'Second-order partial derivatives of $z = f(x, y)$': no topic
            topic, _aspect = self.resolve(spelled)
            return topic, of_match.group(1)
        return None

    def _resolve_unprefixed(
        self, title: str, tokens: list[str], key: str
    ) -> tuple[str | None, str]:
        """A title that starts with no known topic's name: an aspect 'of' one, an action on one,
        or a topic of its own."""
        if owned := self._aspect_of_owner(key):
            return owned
        # "Invoking Lambda from RDS", "Launching lambda in our own VPC": what is being done to it.
        if len(tokens) > 2 and tokens[0].endswith(lexicon.GERUND_ENDING):
            for n in range(len(tokens) - 1, 1, -1):
                inner = " ".join(tokens[1:n])
                if inner in self.vocab:
                    return self.resolve(self.vocab[inner][0])[0], title
        if key not in self.vocab:
            self.written.setdefault(key, display_title(title))
        return key, ""

    @functools.cache  # noqa: B019 - one resolver per merge; the cache dies with it
    def name_tokens(self, key: str) -> frozenset[str]:
        """The words of a topic's name, which its facts' attributes need not repeat."""
        return frozenset(name_tokens(self.display_name(key)))

    @functools.cache  # noqa: B019 - one resolver per merge; the cache dies with it
    def display_name(self, key: str) -> str:
        spellings = self.vocab.get(key) or [self.written.get(key, key)]
        cleaned = [display_title(s) for s in spellings]
        counts = Counter(cleaned)
        # Most frequent spelling; on a tie the fuller one ("AWS Lambda" over "Lambda").
        return max(counts, key=lambda s: (counts[s], s[:1].isupper(), len(s)))


# A plain word as headings write one: a capital, then lower-case letters only ('Acute', 'Storage').
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")


def _aspect_words(text: str) -> bool:
    """Words that name a side of a subject ('limits', 'treatment', 'use cases', 'key
    features'): what may follow a topic's name in a heading about that topic."""
    key = name_key(text)
    return (
        generic_heading(text)
        or key in lexicon.ASPECT_QUESTIONS
        or all(
            t in lexicon.ASPECT_HEADINGS or t in lexicon.SIDE_LABELS or t in _ASPECT_WORDS
            for t in name_tokens(text)
        )
    )


_ASPECT_WORDS = frozenset(w for aspect in lexicon.GENERIC_ASPECTS for w in aspect.split("-"))


# Pure, and asked of every heading of every note (and again by the next merge in the process).
_uncollected = functools.lru_cache(maxsize=1 << 17)(uncollected)


_DASHED_ACRONYM = re.compile(r"\s*[-–—]\s*\(([A-Z]{2,6})\)$")
_ASIDE = re.compile(r"\s*\((?![A-Z]{2,6}\))[^()]*\)")


@functools.lru_cache(maxsize=1 << 17)  # pure; asked of every spelling of every topic
def display_title(title: str) -> str:
    """A heading as a name: '**DynamoDB Accelerator - (DAX)**' -> 'DynamoDB Accelerator (DAX)'."""
    title = clean_heading(title)
    title = _DASHED_ACRONYM.sub(r" (\1)", title)
    # Keep acronyms in parentheses ("(DAX)"), drop asides ("(newer)"); a formula's brackets
    # are no aside ('Tangent plane to $z = f(x, y)$ at $(a, b)$' keeps its arguments)
    if "$" in title:
        parts = _MATH_SPAN.split(title)
        kept = "".join(p if i % 2 else _ASIDE.sub("", p) for i, p in enumerate(parts))
        return " ".join(kept.split()) or title
    return _ASIDE.sub("", title).strip() or title


_MATH_SPAN = re.compile(r"(\$\$[^$]+\$\$|\$[^$\n]+\$)")


def aspect_text(title: str, skip_tokens: int) -> str:
    """The words of a heading after its topic's words: 'AWS Lambda Limits' -> 'Limits'."""
    words = clean_heading(title).split()
    rest = " ".join(words[_vendor_words(words) + skip_tokens :])
    return re.sub(r"^[\s\-–—:+&]+", "", rest).strip(" -–—:")


def heading_context(
    resolver: Resolver,
    headings: tuple[str, ...],
    labels: tuple[str, ...],
    bold_labels: frozenset[str] = frozenset(),
) -> tuple[str | None, list[str], str | None]:
    """(topic key, aspect words, parent topic key) of a position in a note.

    Headings name topics; a bullet label names one only when it is bold and spelled exactly like
    a heading somewhere ("- **Lambda SnapStart**" where another note has "### Lambda SnapStart").
    """
    known = resolver.contexts.get((headings, labels, bold_labels))
    if known is None:
        known = resolver.contexts[(headings, labels, bold_labels)] = _heading_context(
            resolver, headings, labels, bold_labels
        )
    topic, aspects, parent = known
    return topic, list(aspects), parent


def _heading_context(
    resolver: Resolver,
    headings: tuple[str, ...],
    labels: tuple[str, ...],
    bold_labels: frozenset[str],
    fields: frozenset[str] | None = None,
) -> tuple[str | None, tuple[str, ...], str | None]:
    fields = resolver.fields if fields is None else fields
    path = [(h, True) for h in headings] + [
        (lbl, lbl in bold_labels and name_key(lbl) in resolver.vocab) for lbl in labels
    ]
    topic: str | None = None
    parent: str | None = None
    aspects: list[str] = []
    for title, is_heading in path:
        key, aspect = resolver.resolve(title) if is_heading else (None, title)
        if key is not None and topic is not None and key in fields:
            key, aspect = None, display_title(title)  # 'Cirrhosis › Diagnosis': its aspect
        elif key is not None and topic is not None and _circumstance(title):
            # 'Anaerobic respiration › In yeast', '… › During exercise': when or where the
            # enclosing topic is so, not a topic of its own (whose cards would lose the subject)
            key, aspect = None, display_title(title)
        if key is not None and key != topic:
            parent, topic, aspects = topic, key, ([aspect] if aspect else [])
        elif aspect:
            aspects.append(aspect)
    return topic, tuple(aspects), parent


_CIRCUMSTANCE = re.compile(
    r"^(?:in|during|without|within|on|at|under|after|before)\s+[a-z]",
    re.I,
)


def _circumstance(title: str) -> bool:
    """'In yeast', 'During exercise', 'At rest': a heading opening on a preposition of place,
    time or case, followed by a word (not 'On-Demand Mode', whose 'On' is a name). Not 'for',
    'with', 'if' or 'while': 'For loops', 'If statements' and 'While loops' are things."""
    return _CIRCUMSTANCE.match(clean_heading(title)) is not None


@functools.lru_cache(maxsize=1 << 16)  # pure; asked once per fact, of a section's few paths
def heading_label(headings: tuple[str, ...], labels: tuple[str, ...]) -> str:
    """Where in the note: up to two headings (not the note's top one, shown as its title)."""
    inner = headings[1:] if len(headings) > 1 else headings
    parts = [clean_heading(h) for h in inner[-2:] if h] + [
        clean_heading(lbl) for lbl in labels[-1:]
    ]
    return " › ".join(p for p in parts if p)


def fallback_topic(extractions: dict[str, Extraction], resolver: Resolver) -> str | None:
    """The topic the notes are about, for facts under no nameable heading in a note that names
    no topic of its own: the one most notes' first headings name, when more than half of them
    do ('Serverless' over five serverless notes). In a folder of many subjects no topic is
    what they are all about, and each such note keeps its facts to itself (`note_topic`)."""
    roots = Counter(
        key
        for extraction in extractions.values()
        for path in extraction.headings[:1]
        if (key := resolver.resolve(path[0])[0])
    )
    if not roots:
        return None
    fallback, count = roots.most_common(1)[0]
    if count * 2 <= len(extractions):
        return None
    resolver.vocab.setdefault(fallback, [fallback.title()])
    return fallback


def note_topic(extraction: Extraction, resolver: Resolver, common_folders: int = 0) -> str | None:
    """The topic a note's title names (its front matter's or first heading's, else its file
    name's, else the nearest folder's that names one: 'Pediatrics/Misc.md' is Pediatrics), for
    that note's facts under no nameable heading; it joins the vocabulary. `common_folders`:
    how many outer folders every note shares, which say nothing about this one."""
    folders = extraction.folders[common_folders:][::-1]
    for title in (extraction.title, extraction.name, *folders):
        title = resolver.uncollected(title or "")
        if not title or generic_heading(title):
            continue
        # A title about two things ('Arrays and Pointers') is no heading's topic, but it is
        # what this note is about.
        key = resolver.resolve(title)[0] or name_key(title)
        if key and len(key) <= 60:
            resolver.vocab.setdefault(key, [display_title(title)])
            return key
    return None


def common_folders(extractions: dict[str, Extraction]) -> int:
    """How many outer folders all the notes share ('/home/me/vault/Biology/…' and
    '/home/me/vault/History/…' share three)."""
    paths = [e.folders for e in extractions.values()]
    if not paths:
        return 0
    shared = 0
    for parts in zip(*paths, strict=False):
        if len(set(parts)) > 1:
            break
        shared += 1
    return shared


def own_topic(extraction: Extraction, resolver: Resolver) -> str:
    """The last resort for a note that names no topic and has no common one to fall back on:
    its file name, generic as it may be ('2024 03 02'), so that its facts stay its own; it
    joins the vocabulary."""
    key = name_key(extraction.name or extraction.title or "") or "notes"
    resolver.vocab.setdefault(key, [display_title(extraction.name or key)])
    return key


@dataclass
class TopicTally:
    """Topics in order of first appearance, and how many notes put each under which parent."""

    order: dict[str, int] = field(default_factory=dict)
    parents: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # How many notes put each topic at their top under a title that names no topic (an index's
    # '## Storage'): a vote that it has no parent.
    roots: Counter[str] = field(default_factory=Counter)

    def touch(self, topic: str, parent: str | None = None) -> None:
        self.order.setdefault(topic, len(self.order))
        if parent and parent != topic:
            self.parents[topic][parent] += 1

    def count_headings(self, extraction: Extraction, resolver: Resolver) -> None:
        """The topics one note's headings name, and one vote per note for each one's parent,
        however many headings that note spends on it."""
        votes = set()
        for path in extraction.headings:
            for depth in range(1, len(path) + 1):
                topic, aspects, parent = heading_context(resolver, path[:depth], ())
                if topic:
                    self.order.setdefault(topic, len(self.order))
                    # Only a heading that names its topic says where that topic belongs: 'ML
                    # capabilities' in a note on AWS Glue is what Glue does with ML, not ML
                    # filed under Glue.
                    if not aspects and (parent or depth > 1):
                        votes.add((topic, parent))
        for topic, parent in votes:
            if parent is None:
                self.roots[topic] += 1  # (its order was set as its heading was read)
            else:
                self.touch(topic, parent)


# A heading is a field of the subjects it sits under when notes put it under this many different
# parents: a subject's own sections ('Diagnosis' under 137 diseases, 'Security' under 23
# services), not a thing of its own that a few notes file in a few places ('Asthma' under
# Pulmonology, Pediatrics and Allergy stays one topic: measured on three real corpora, three or
# four parents were as often a subject as a field, five or more almost always a field).
FIELD_PARENTS = 5


def field_headings(
    tally: TopicTally, resolver: Resolver, mentions: frozenset[tuple[str, str]] = frozenset()
) -> frozenset[str]:
    """Topic keys of plain headings (common words, not a name: 'Diagnosis', 'Risk factors')
    that `FIELD_PARENTS` or more notes put under as many different parents, or that fewer
    notes put under parents each of whose sections of it names that parent (`mentions`, from
    `parent_mentions` over the `few_parents` headings)."""
    return frozenset(
        topic
        for topic, parents in tally.parents.items()
        if _plain_words(resolver.display_name(topic))
        and (
            len(parents) >= FIELD_PARENTS
            or (len(parents) > 1 and all((topic, parent) in mentions for parent in parents))
        )
    )


def few_parents(tally: TopicTally, resolver: Resolver) -> frozenset[str]:
    """Plain headings notes put under two to `FIELD_PARENTS` - 1 parents: as often a subject
    filed in several places ('Syphilis' under 'Bacterial' and 'Nonviral infections') as a
    field of each ('Engines' under 'Amazon RDS' and 'Amazon ElastiCache'); `parent_mentions`
    tells them apart."""
    return frozenset(
        topic
        for topic, parents in tally.parents.items()
        if 1 < len(parents) < FIELD_PARENTS and _plain_words(resolver.display_name(topic))
    )


def parent_mentions(
    extraction: Extraction, resolver: Resolver, asked: frozenset[str]
) -> frozenset[tuple[str, str]]:
    """(topic, parent) of the `asked` topics whose lines in this note name the parent they sit
    under: 'Engines' under 'Amazon RDS' says 'RDS can be used with MySQL…', so it is what RDS
    runs on, a part of RDS; the lines under 'Syphilis' in a chapter 'Bacterial' do not say
    'bacterial': syphilis is a subject of its own, filed there. One word of the parent's name
    is enough (not a generic one, not one the heading shares)."""
    if not asked:
        return frozenset()
    found: set[tuple[str, str]] = set()
    # Where the headings put a line before any heading is a field, as the votes were counted
    # (not the resolver's contexts: a patched merge asks with the fields set).
    paths: dict[tuple[str, ...], tuple[str | None, str | None]] = {}
    for cand in extraction.facts:
        if cand.headings not in paths:
            topic, _aspects, parent = _heading_context(
                resolver, cand.headings, (), frozenset(), fields=frozenset()
            )
            paths[cand.headings] = topic, parent
        topic, parent = paths[cand.headings]
        if topic not in asked or parent is None or (topic, parent) in found:
            continue
        if _parent_words(resolver, topic, parent) & _line_words(cand.text):
            found.add((topic, parent))
    return frozenset(found)


def _parent_words(resolver: Resolver, topic: str, parent: str) -> frozenset[str]:
    return (
        _line_words(resolver.display_name(parent))
        - _line_words(resolver.display_name(topic))
        - lexicon.GENERIC_HEADING_WORDS
        - lexicon.GENERIC_LABEL_WORDS
    )


@functools.lru_cache(maxsize=1 << 16)
def _line_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z][a-z0-9]{2,}", text.lower())) - lexicon.ENGLISH_STOP_WORDS


def _plain_words(name: str) -> bool:
    """Common words, as a section heading is written: 'Diagnosis', 'Risk factors', 'How it
    works'; not a name ('Magna Carta', 'AWS Lambda', 'EC2', 'Krebs cycle' has a capital after
    the first word only if it is a name)."""
    words = name.split()
    return (
        0 < len(words) <= 4
        and all(w.isalpha() for w in words)
        and words[0][1:].islower()
        and all(w.islower() for w in words[1:])
    )


def topic_tree(tally: TopicTally, resolver: Resolver) -> list[TopicOut]:
    """Every topic tallied, each under the parent most notes give it (never in a cycle). A
    field heading ('Treatment', 'Symptoms') is no parent: '## Treatment › ### Bladder' in one
    note says how the bladder is treated, not that the bladder is a kind of treatment."""
    order, parents = tally.order, tally.parents
    chosen: dict[str, str | None] = {}
    for topic in order:
        if topic in resolver.fields:
            # Under a topic a field is that topic's aspect, so its votes for a parent come from
            # where it was no topic at all ('Management' under 'Long QT' in one note): none.
            chosen[topic] = None
            continue
        ranked = sorted(parents[topic].items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))
        best = next(
            (
                (p, n)
                for p, n in ranked
                if p not in resolver.fields and not _would_cycle(p, topic, chosen)
            ),
            None,
        )
        # At the top of as many notes as put it under that parent: no parent ('Machine
        # Learning' heads an index, and one note on SageMaker has it under 'Built-in
        # algorithms'). A field above it ('Security Identity Compliance' reads as 'Security')
        # is a section of the note, so counts as the top.
        top = tally.roots[topic] + sum(n for p, n in parents[topic].items() if p in resolver.fields)
        chosen[topic] = best[0] if best is not None and best[1] > top else None
    out = []
    for topic, index in order.items():
        spellings = {display_title(s) for s in resolver.vocab.get(topic, [])}
        lowered = {s.lower() for s in spellings}
        aliases = sorted(spellings | ({topic} if topic not in lowered else set()))
        out.append(
            TopicOut(
                key=stable_key("topic", topic),
                name=resolver.display_name(topic),
                parent_key=stable_key("topic", parent) if (parent := chosen[topic]) else None,
                aliases=aliases,
                order=index,
            )
        )
    return out


def _would_cycle(parent: str, child: str, chosen: dict[str, str | None]) -> bool:
    seen = set()
    node: str | None = parent
    while node is not None and node not in seen:
        if node == child:
            return True
        seen.add(node)
        node = chosen.get(node)
    return False


def prune_topics(topics: list[TopicOut], used_keys: set[str]) -> list[TopicOut]:
    """Keep topics that hold facts, and the ancestors that hold them."""
    by_key = {t.key: t for t in topics}
    keep: set[str] = set()
    for key in used_keys:
        node = by_key.get(key)
        while node is not None and node.key not in keep:
            keep.add(node.key)
            node = by_key.get(node.parent_key) if node.parent_key else None
    return [t for t in topics if t.key in keep]


def _vendor_words(words: list[str]) -> int:
    """How many of a heading's words are a vendor's prefix ('AWS Lambda', 'Amazon S3'): 0 or 1."""
    return 1 if words and words[0].lower() in lexicon.VENDOR_PREFIXES else 0
