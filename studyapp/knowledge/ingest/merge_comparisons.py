"""Comparisons of the merged model: Markdown tables and parallel sections, merged across notes by
the entities they compare, then filled with what other notes say about those entities.

Pure. compare.py decides which sections are parallel and which rows mean the same; this module
builds the tables and their cells, each cell citing the places it comes from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from studyapp.text import lexicon
from studyapp.text.names import content_stems, entity_kind, framing, name_key, stable_key

from .candidates import CandidateTable, Extraction, Group
from .compare import entity_key, is_entity_title, is_parallel, names_in, row_key, same_row
from .compare_rows import align, key_value_of, stated_keys
from .merge_facts import FactOut
from .merge_memo import context_digest, memo_for, recalled, remember
from .merge_topics import Resolver, Source, display_title, heading_label
from .parse import clean_heading


@dataclass
class CellOut:
    key: str
    attribute: str
    entity: str
    value: str
    sources: list[Source]


@dataclass
class ComparisonOut:
    key: str
    title: str
    entities: list[str]
    entity_topic_keys: list[str | None]
    attributes: list[str]
    cells: list[CellOut]
    sources: list[Source]
    # what each entity is (a topic key, or its normalised name), to merge tables that spell
    # their entities differently ('Lambda@Edge Function' / 'Lambda@Edge')
    entity_ids: list[str] = field(default_factory=list, repr=False)
    # the topic the table sits under in its note (tables only): where the cards of entities
    # that are no topic of their own go
    topic_key: str | None = None
    # what the entities are, from a table whose first column names them under a header
    # ('| Mode | When file exists |' over '| `r+` | …'): `prompts.named_entity` shows it
    entity_kind: str = ""


def build_comparisons(
    extractions: dict[str, Extraction],
    resolver: Resolver,
    facts: list[FactOut],
    homes: dict[tuple[str, int], str] | None = None,
) -> list[ComparisonOut]:
    """Tables, then parallel sections, merged by entity set; then every comparison gets the rows
    that its entities' facts and smaller comparisons of the same entities add."""
    merged: dict[str, ComparisonOut] = {}

    def add(comparison: ComparisonOut | None) -> None:
        if comparison is None:
            return
        existing = merged.get(comparison.key)
        if existing is None:
            merged[comparison.key] = comparison
        else:
            _merge_comparison(existing, comparison)

    attributes = common_attributes(facts)
    for note, extraction in extractions.items():
        for table in extraction.tables:
            comparison = _comparison_from_table(note, table, resolver, attributes)
            if comparison is not None and homes:
                comparison.topic_key = homes.get((note, table.line))
            add(comparison)
    tables = dict(merged)
    # The names that are topics of their own, computed once for all notes.
    topics = _same_topics(
        frozenset(k for k in resolver.vocab if resolver.resolve(resolver.vocab[k][0]) == (k, ""))
    )
    named: dict[str, frozenset[str] | None] = {}  # the pair of topics each title names
    # Two topics a table compares are named together for every note: found once, not per note.
    tabled = _named_together((" and ".join(c.entities) for c in tables.values()), topics, named)
    memo = _sections_memo(resolver, tables, topics, tabled)
    for note, extraction in extractions.items():
        mine = recalled(memo, (note, extraction.key)) if extraction.key else None
        if mine is None:
            runs = _parallel_runs(extraction, resolver, tables, topics, tabled, named)
            mine = [c for c in (_comparison_from_sections(note, p, resolver) for p in runs) if c]
            if extraction.key:
                remember(memo, (note, extraction.key), mine)
        for comparison in mine:
            add(comparison)
    found = list(merged.values())
    # Indexes by topic key, so enriching a table looks only at its own entities' facts and
    # comparisons: scanning every fact for every table made this quadratic in the corpus.
    facts_of: dict[str, list[tuple[int, FactOut]]] = defaultdict(list)
    for index, fact in enumerate(facts):
        facts_of[fact.topic_key].append((index, fact))
    comparisons_of: dict[str, list[int]] = defaultdict(list)
    for index, comparison in enumerate(found):
        for key in set(filter(None, comparison.entity_topic_keys)):
            comparisons_of[key].append(index)
    for comparison in found:
        _enrich(comparison, found, facts_of, comparisons_of)
    return found


def _sections_memo(
    resolver: Resolver,
    tables: dict[str, ComparisonOut],
    topics: frozenset[str],
    tabled: set[frozenset[str]],
) -> dict:
    """Each note's comparisons of its parallel sections depend on the note and on these alone."""
    context = context_digest(
        resolver.vocabulary_digest,
        sorted(resolver.fields),
        sorted(tables),
        sorted(topics),
        sorted(sorted(pair) for pair in tabled),
    )
    return memo_for("sections", context)


_LAST_TOPICS: list[frozenset[str]] = []


def _same_topics(topics: frozenset[str]) -> frozenset[str]:
    """The last merge's set of topics when it is equal to this one: the title caches of
    compare (`_head_word`, `_title_words`) are keyed by it, and a key that is the same object
    is found at once, while an equal one is compared element by element (thousands of topics)
    on every lookup."""
    if _LAST_TOPICS and _LAST_TOPICS[0] == topics:
        return _LAST_TOPICS[0]
    _LAST_TOPICS[:] = [topics]
    return topics


def _parallel_runs(
    extraction: Extraction,
    resolver: Resolver,
    tables: dict[str, ComparisonOut],
    topics: frozenset[str],
    tabled: set[frozenset[str]],
    named: dict[str, frozenset[str] | None] | None = None,
) -> Iterator[list[tuple[Group, Group]]]:
    """Runs of sibling blocks that describe like things, each run as the pairs of its blocks that
    are parallel. A run is unbroken: each block is parallel to the one before it, so two blocks
    with an unlike section between them ('Mitosis' … 'Summary' … 'Meiosis', or a block on
    something else) are no comparison, however many keys they share."""
    by_parent: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for group in extraction.groups:
        by_parent[group.parent].append(group)

    together = tabled | _named_together(_all_titles(extraction), topics, named)
    for siblings in by_parent.values():
        # 'Summary', 'Why use it?', 'Common mistakes with X': parts of a note, never one side
        # of a comparison (None); 'Overview of X' is a block on X.
        blocks = [_as_entity(g, resolver) for g in siblings]
        like = _likeness(blocks, resolver, tables, topics, together)
        for run in _runs(len(blocks), like):
            yield [(a, b) for i, j in run if (a := blocks[i]) and (b := blocks[j])]


def _likeness(
    blocks: list[Group | None],
    resolver: Resolver,
    tables: dict[str, ComparisonOut],
    topics: frozenset[str],
    together: set[frozenset[str]],
) -> Callable[[int, int], bool]:
    """Whether two of a parent's blocks (by position) describe two like things."""
    keys = [stated_keys(g) if g else frozenset() for g in blocks]
    aspects = [g is not None and _aspect_heading(g.title, resolver) for g in blocks]

    def exact_topic(title: str) -> str | None:
        """The topic a title names outright ('Lambda@Edge Function' -> lambda@edge), else None."""
        key = _topic_key_for(title, resolver)
        return key and resolver.resolve(resolver.vocab[name_key(title)][0])[0]

    def like(i: int, j: int) -> bool:
        a, b = blocks[i], blocks[j]
        if a is None or b is None or entity_key(a.title) == entity_key(b.title):
            return False  # one section repeated in a note is no comparison
        if aspects[i] != aspects[j]:
            return False  # 'Copper: Melting point' is no match for a block on all of zinc
        # Blocks on the two entities of a table are parallel whatever their titles, and so are
        # blocks that state the same keys ('Purpose:', 'Daughter cells:').
        pair = _comparison_key([display_title(g.title) for g in (a, b)], resolver)
        return (
            pair in tables
            or len(keys[i] & keys[j]) >= 2
            or is_parallel(a, b, exact_topic, topics=topics, named_together=together)
        )

    return like


def _runs(count: int, like: Callable[[int, int], bool]) -> Iterator[list[tuple[int, int]]]:
    """Maximal runs of positions 0..count-1 each like the one before it, each run as its pairs
    that are like each other (a run of three like things may hold one unlike pair)."""
    run: list[int] = []
    for index in range(count + 1):
        if index < count and run and like(run[-1], index):
            run.append(index)
            continue
        if len(run) >= 2:
            yield [(i, j) for n, i in enumerate(run) for j in run[n + 1 :] if like(i, j)]
        run = [index]


def _as_entity(group: Group, resolver: Resolver) -> Group | None:
    """The block as one side of a comparison: titled by what it is about ('Overview of Mitosis'
    is a block on Mitosis), or None when its title names no one thing ('Summary', 'Common
    mistakes with X', or 'Inflation and Keynes', which the resolver gives to neither)."""
    topic = resolver.resolve(group.title)[0]
    if not is_entity_title(group.title) or topic is None:
        return None
    if topic in resolver.fields:
        return None  # 'Diagnosis' and 'Treatment' of a disease are two of its parts, not two things
    framed = framing(group.title)
    return replace(group, title=framed.subject) if framed else group


_ASPECT_HEADING = re.compile(r"^(?P<owner>[^:–—]+?)\s*[:–—]\s+\S")


def _aspect_heading(title: str, resolver: Resolver) -> bool:
    """A heading on one aspect of a known topic, set off by a colon or a dash ('Copper: Melting
    point', 'Habeas corpus — Origins')."""
    found = _ASPECT_HEADING.match(clean_heading(title))
    return found is not None and name_key(found.group("owner")) in resolver.vocab


def _all_titles(extraction: Extraction) -> Iterator[str]:
    yield from dict.fromkeys(title for path in extraction.headings for title in path)
    yield from (g.title for g in extraction.groups)


def _named_together(
    titles: Iterable[str],
    topics: frozenset[str],
    seen: dict[str, frozenset[str] | None] | None = None,
) -> set[frozenset[str]]:
    """Pairs of topics that one title names together ('Lambda@Edge and CloudFront Functions').
    `seen` keeps each title's pair (or None) for the next note that has the same title."""
    seen = {} if seen is None else seen
    together = set()
    for title in titles:
        if title not in seen:
            seen[title] = _pair_named(title, topics)
        if (pair := seen[title]) is not None:
            together.add(pair)
    return together


def _pair_named(title: str, topics: frozenset[str]) -> frozenset[str] | None:
    key = name_key(title)
    named = {name for _start, _end, name in names_in(key, topics)}
    return frozenset(named) if len(named) == 2 and key not in topics else None


def _comparison_from_sections(
    note: str, pairs: list[tuple[Group, Group]], resolver: Resolver
) -> ComparisonOut | None:
    """One table for a run of parallel blocks: its entities are the blocks whose bullets pair
    with another's, its rows what the pairs state alike. A run of five like things is one table
    of five, not ten tables of two."""
    aligned = []
    for a, b in pairs:
        rows = align(a, b)
        # Two topics of their own need two matching points; blocks whose titles already say
        # they are two of a kind ("... Mode", "... Streams") need one.
        both_topics = all(_topic_key_for(g.title, resolver) for g in (a, b))
        if len(rows) >= (2 if both_topics else 1):
            aligned.append((a, b, rows))
    if not aligned:
        return None
    blocks = sorted({g.line: g for a, b, _rows in aligned for g in (a, b)}.values(), key=_line)
    names = {g.line: _entity_name(g.title, resolver) for g in blocks}
    entities = list(dict.fromkeys(names.values()))
    if len(entities) < 2:
        return None
    key = _comparison_key(entities, resolver)
    heading = heading_label(blocks[0].parent, ())
    titles = " / ".join(g.title for g in blocks)
    comparison = ComparisonOut(
        key=key,
        title=heading if len(entities) > _MAX_TITLE_ENTITIES and heading else " vs ".join(entities),
        entities=entities,
        entity_topic_keys=[_topic_key_for(e, resolver) for e in entities],
        attributes=[],
        cells=[],
        sources=[Source(note, heading, blocks[0].line, titles)],
        entity_ids=_entity_ids(entities, resolver),
    )
    # Through _merge_cell, so two pairs of bullets on one attribute ('change' / 'Used to change
    # requests') make one row, not two, and a block in two pairs gives its bullet once.
    for a, b, rows in aligned:
        for row in rows:
            for group, (value, line) in ((a, row.a), (b, row.b)):
                source = Source(note, heading, line, value)
                _merge_cell(comparison, row.attribute, names[group.line], value, [source])
    return comparison


_MAX_TITLE_ENTITIES = 3  # a table of more is titled by the heading it sits under


def _line(group: Group) -> int:
    return group.line


def _entity_name(title: str, resolver: Resolver) -> str:
    """A topic's own name ('Lambda@Edge' for 'Lambda@Edge Function'); else the title, tidied
    ('On - Demand Mode' -> 'On-Demand Mode')."""
    if _topic_key_for(title, resolver):
        topic, _aspect = resolver.resolve(resolver.vocab[name_key(title)][0])
        if topic:
            return resolver.display_name(topic)
    return re.sub(r"\b(\w+) - (\w+)\b", r"\1-\2", display_title(title))


def _entity_ids(entities: list[str], resolver: Resolver) -> list[str]:
    """An entity that is a topic is that topic ('Lambda@Edge Function' = 'Lambda@Edge'), others
    are their normalised names."""
    return [_topic_key_for(e, resolver) or entity_key(e) for e in entities]


def _comparison_key(entities: list[str], resolver: Resolver) -> str:
    return stable_key("comparison", *sorted(_entity_ids(entities, resolver)))


def _topic_key_for(entity: str, resolver: Resolver) -> str | None:
    """The topic an entity is (not merely belongs to): 'Lambda@Edge' yes, 'On-Demand Mode' no."""
    key = name_key(entity)
    if key not in resolver.vocab:
        return None
    resolved, aspect = resolver.resolve(resolver.vocab[key][0])
    trivial = name_key(aspect) in lexicon.TOPIC_NAME_SUFFIXES
    return stable_key("topic", resolved) if resolved and trivial else None


def _enrich(
    comparison: ComparisonOut,
    comparisons: list[ComparisonOut],
    facts_of: dict[str, list[tuple[int, FactOut]]],
    comparisons_of: dict[str, list[int]],
) -> None:
    """A table gets what other notes say about the same entities: rows of smaller comparisons
    between them, and key-value facts of their topics that two of them share."""
    mine = {
        k: e for k, e in zip(comparison.entity_topic_keys, comparison.entities, strict=False) if k
    }
    if len(mine) < 2:
        return
    # In the order of the corpus, as a scan of every comparison and fact would meet them.
    nearby = sorted({i for key in mine for i in comparisons_of.get(key, ())})
    _add_smaller_comparisons(comparison, mine, [comparisons[i] for i in nearby])
    own_facts = sorted(pair for key in mine for pair in facts_of.get(key, ()))
    _add_entity_facts(comparison, mine, [fact for _index, fact in own_facts])


def _add_smaller_comparisons(
    comparison: ComparisonOut, mine: dict[str, str], comparisons: list[ComparisonOut]
) -> None:
    """Rows of comparisons between some of this table's entities (by topic key -> entity)."""
    for other in comparisons:
        keys = [k for k in other.entity_topic_keys if k]
        if other is comparison or len(keys) != len(other.entities) or not set(keys) < set(mine):
            continue
        renamed = dict(zip(other.entities, (mine[k] for k in keys), strict=False))
        for cell in other.cells:
            # Only rows this table has, or rows that are differences worth a line of their own:
            # a smaller comparison's loosely named rows ('Times') would blur the table.
            if _known_or_claim(comparison, cell.attribute):
                _merge_cell(
                    comparison, cell.attribute, renamed[cell.entity], cell.value, cell.sources
                )


def _add_entity_facts(
    comparison: ComparisonOut, mine: dict[str, str], facts: list[FactOut]
) -> None:
    """Key-value facts of this table's entities' topics: a row when two entities share it, the
    table already has it, or it is a claim row."""
    by_row: dict[frozenset[str], list[FactOut]] = defaultdict(list)
    for fact in facts:
        attribute = _attribute(fact)
        # A fact under a sub-feature ('SnapStart') is about that feature, not the entity.
        about_entity = name_key(fact.subheading).replace(" ", "-") in lexicon.ENTITY_ASPECTS
        # "More RAM → better CPU" is a relation, not the entity's memory.
        about_entity = about_entity and not lexicon.RELATION_OPENING.match(attribute)
        if (
            fact.topic_key in mine
            and fact.kind in {"key_value", "enumeration"}
            and row_key(attribute)
            and about_entity
        ):
            by_row[row_key(attribute)].append(fact)
    for key, group in by_row.items():
        claim = lexicon.CLAIM_ROWS.get(key)
        known = any(same_row(_attribute(group[0]), a) for a in comparison.attributes)
        if claim or known or len({f.topic_key for f in group}) >= 2:
            for fact in group:
                value = ", ".join(fact.items) if fact.kind == "enumeration" else fact.value
                attribute = claim if claim and not known else _attribute(fact)
                _merge_cell(comparison, attribute, mine[fact.topic_key], value, fact.sources)


def _known_or_claim(comparison: ComparisonOut, attribute: str) -> bool:
    key = row_key(attribute)
    return any(same_row(attribute, a) for a in comparison.attributes) or key in lexicon.CLAIM_ROWS


def _attribute(fact: FactOut) -> str:
    return fact.subject if fact.kind == "enumeration" else fact.attribute


# Topics that must state an attribute before its name reads as a field of any subject
# ('Treatment', 'Onset'), as merge_topics.FIELD_PARENTS counts parents of a plain heading.
ATTRIBUTE_TOPICS = 5


def common_attributes(facts: Iterable[FactOut]) -> frozenset[str]:
    """Name keys of the attributes and subheadings that `ATTRIBUTE_TOPICS` or more topics state
    ('Treatment', 'Symptoms', 'Onset'): fields any subject has, never a thing compared."""
    topics: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        for label in (fact.attribute if fact.kind == "key_value" else "", fact.subheading):
            if label:
                topics[name_key(label)].add(fact.topic_key)
    return frozenset(k for k, seen in topics.items() if k and len(seen) >= ATTRIBUTE_TOPICS)


def _header_of_fields(header: list[str], table: CandidateTable, attributes: frozenset[str]) -> bool:
    """A header that names fields many subjects state, over a first column that names none:
    '| | Onset | Discharge | Treatment |' heads attributes (one field among the names is
    enough: things compared and their fields are seldom mixed), its rows are the things."""
    across = sum(1 for h in header[1:] if h and name_key(h) in attributes)
    down = sum(1 for r in table.rows if r and name_key(clean_heading(r[0])) in attributes)
    return across >= 1 and across > down


def _comparison_from_table(
    note: str,
    table: CandidateTable,
    resolver: Resolver,
    attributes: frozenset[str] = frozenset(),
) -> ComparisonOut | None:
    header = [clean_heading(h) for h in table.header]
    if len(header) < 2 or not table.rows:
        return None
    heading = heading_label(table.headings, ())
    title = ""
    kind = ""  # what the first column's names are, when they are the entities
    # (attribute or None, one value per entity, one source line per entity)
    rows: list[tuple[str | None, list[str], list[int]]]
    first = table.first_row_line()
    fields_across = _names_its_rows(table) and _header_of_fields(header, table, attributes)
    if header[0].lower() in lexicon.ATTRIBUTE_HEADERS and not fields_across:
        entities = header[1:]
        rows = [
            (clean_heading(r[0]), r[1:], [first + i] * len(r))
            for i, r in enumerate(table.rows)
            if r
        ]
    else:
        # No attribute column ("| Amazon EC2 | Amazon Lambda |"): each row compares one aspect.
        entities = header
        # A row its cells do not name ('Point 3') is dropped: a row must be an attribute.
        rows = [(_row_attribute(r), r, [first + i] * len(r)) for i, r in enumerate(table.rows)]
        if (
            fields_across
            or (sum(1 for a, _v, _l in rows if a) < 2 and _names_its_rows(table))
            or _kind_and_field(header, attributes)
        ):
            # '| Reaction | General form | Example |': the first column names the things
            # compared and the header their attributes, so each column is a row of ours.
            entities = [clean_heading(r[0]) for r in table.rows]
            kind = entity_kind(header[0])
            lines = [first + i for i in range(len(table.rows))]
            rows = [
                (header[j], [_cell_text(r, j) for r in table.rows], lines)
                for j in range(1, len(header))
                if header[j]
            ]
            title = heading if len(entities) > 3 else ""
    if len(entities) < 2:
        return None
    if _grades_only(entities):
        # 'A', 'B', 'C', 'D' (a staging, a grade): names that name nothing outside their table,
        # so two notes' tables of them (Dukes classes, emphysema types) are two comparisons,
        # each named by its heading, never one merged
        comparison_key = stable_key("comparison", note, heading, *entities)
        title = title or heading
    else:
        comparison_key = _comparison_key(entities, resolver)
    cells: dict[str, CellOut] = {}
    for attribute, values, lines in rows:
        if attribute is None:
            continue
        for entity, value, line in zip(entities, values, lines, strict=False):
            if not value:
                continue
            source = Source(note, heading, line, value)
            cell = _cell(
                comparison_key, attribute, entity, _without_key(attribute, value), [source]
            )
            if cell.key in cells:  # a row repeated in one table: one cell, cited twice
                cells[cell.key].sources.append(source)
            else:
                cells[cell.key] = cell
    return ComparisonOut(
        key=comparison_key,
        title=title or " vs ".join(entities),
        entities=entities,
        entity_topic_keys=[_topic_key_for(e, resolver) for e in entities],
        attributes=list(dict.fromkeys(a for a, _v, _l in rows if a)),
        cells=list(cells.values()),
        sources=[Source(note, heading, table.line, table.caption or heading)],
        entity_ids=_entity_ids(entities, resolver),
        entity_kind=kind,
    )


_GRADE = re.compile(r"[A-Za-z]|[IVX]{1,4}|\d{1,2}[a-z]?|[A-Z]\d")


def _grades_only(entities: list[str]) -> bool:
    """Entities that are letters, numerals or grades ('A', 'IV', '2', 'T1') and nothing else."""
    return all(_GRADE.fullmatch(e.strip()) for e in entities)


def _kind_and_field(header: list[str], attributes: frozenset[str]) -> bool:
    """A two-column table of a kind of thing and one field of each ('| Organism | Features |',
    '| Infection | Etiology |', '| Octal | Permission |'): the first column names the things
    compared, the second header is what is said of each. Two things side by side ('| Cellulitis
    | Erysipelas |') name no field in their second header."""
    if len(header) != 2 or not entity_kind(header[0]) or not header[1]:
        return False
    field = name_key(header[1])
    if field in lexicon.MEANING_HEADERS:
        return False  # '| Command | Description |': a glossary, its rows definitions (extract)
    return field in attributes or field in lexicon.ASPECT_QUESTIONS or field in _FIELD_HEADERS


# Second headers that say what is said of each row's thing, whatever the notes' fields.
_FIELD_HEADERS = frozenset(
    "features feature effect effects value values permission function"
    " purpose role use uses cause causes etiology management treatment finding findings".split()
) | frozenset({"normal finding", "clinical features"})


def _names_its_rows(table: CandidateTable) -> bool:
    """A table of three or more columns whose first column names one thing per row: every row
    has a short name there, each a different one."""
    if len(table.header) < 3 or len(table.rows) < 2:
        return False
    names = [clean_heading(r[0]) if r else "" for r in table.rows]
    if not all(names) or len({name_key(n) for n in names}) != len(names):
        return False
    return all(len(n.split()) <= _MAX_ROW_NAME_WORDS for n in names)


_MAX_ROW_NAME_WORDS = 6  # longer first cells are sentences, not names


def _cell_text(row: list[str], index: int) -> str:
    """A cell's text; a cell of dashes alone says 'nothing here' ('—'), not a value."""
    text = row[index].strip() if index < len(row) else ""
    return text if any(ch.isalnum() for ch in text) else ""


def _cell(
    comparison: str, attribute: str, entity: str, value: str, sources: list[Source]
) -> CellOut:
    identity = (name_key(attribute), name_key(entity), " ".join(sorted(content_stems(value))))
    return CellOut(stable_key("cell", comparison, *identity), attribute, entity, value, sources)


def _without_key(attribute: str, value: str) -> str:
    """A cell that restates its row's key keeps only the value: 'max memory - 2MB' in the row
    'Max memory' is '2MB', 'Memory: 2 MB' in the row 'Memory' is '2 MB'."""
    kv = key_value_of(value)
    if kv and kv[1] and same_row(kv[0], attribute):
        return kv[1]
    return value


def _row_attribute(row: list[str]) -> str | None:
    """A name for an unlabelled row: the words its cells start with ('Limited by'), if any."""
    words = [cell.lower().split() for cell in row if cell]
    common: list[str] = []
    for group in zip(*words, strict=False):
        if len(set(group)) != 1:
            break
        common.append(group[0])
    if common and common[0] not in lexicon.ARTICLES:
        text = " ".join(common)
        return text[:1].upper() + text[1:]
    return None


def _merge_comparison(into: ComparisonOut, other: ComparisonOut) -> None:
    into.sources.extend(other.sources)
    into.topic_key = into.topic_key or other.topic_key
    into.entity_kind = into.entity_kind or other.entity_kind
    same = dict(zip(into.entity_ids, into.entities, strict=False))
    rename = {e: same.get(i, e) for e, i in zip(other.entities, other.entity_ids, strict=False)}
    for cell in other.cells:
        entity = rename.get(cell.entity, cell.entity)
        _merge_cell(into, cell.attribute, entity, cell.value, cell.sources)


def _negated(value: str) -> bool:
    return bool(lexicon.NEGATION.search(value))


def _merge_cell(
    into: ComparisonOut, attribute: str, entity: str, value: str, sources: list[Source]
) -> None:
    """Add a value to the row that means the same (or a new row). A value that says the same as
    one already there ('JavaScript' / 'JavaScript only') only adds its sources."""
    value = _without_key(attribute, value)
    row = next((a for a in into.attributes if same_row(a, attribute)), None)
    if row is None:
        key = row_key(attribute)
        row = lexicon.CLAIM_ROWS.get(key, attribute)
        into.attributes.append(row)
    stems = content_stems(value)
    for cell in into.cells:
        if cell.attribute == row and cell.entity == entity:
            other = content_stems(cell.value)
            same_polarity = _negated(value) == _negated(cell.value)
            if stems and other and same_polarity and (stems <= other or other <= stems):
                known = {(s.note, s.line) for s in cell.sources}
                cell.sources.extend(s for s in sources if (s.note, s.line) not in known)
                return
    into.cells.append(_cell(into.key, row, entity, value, list(sources)))
