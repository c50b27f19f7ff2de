"""Extract candidate facts and tables from one note's outline.

Pure and per note: no knowledge of other notes (that is merge's job). Every candidate keeps the
heading path it came from and its source line, so every fact in the model can cite its note. How
one line reads as a key and a value is extract_key_values'; what a statement also claims
(acronyms, capabilities, measures, languages) is extract_claims'.
"""

from __future__ import annotations

import re

from studyapp.text import lexicon, prompts
from studyapp.text.blanks import fact_sentence, lead_of, predicate
from studyapp.text.names import entity_kind, generic_heading, generic_word, name_key, singular
from studyapp.text.quantities import find_quantities, first_quantity

from .candidates import Candidate, CandidateTable, Extraction, Group
from .extract_claims import (
    LineFields,
    acronym_definitions,
    claims,
    languages,
    may_claim,
    measures,
)
from .extract_formats import (
    claim_meaning,
    ends_sentence,
    first_line_meaning,
    heading_meaning,
    is_property_block,
    label_meaning,
    label_statement,
    line_items,
    page_property,
    paragraph_sentences,
    property_line,
    question_answer,
    record_items,
    term_definition,
)
from .extract_formulas import folded_answer, formula_of, stated_formula
from .extract_key_values import (
    is_list_value,
    key_value,
    list_items,
    points_back,
    split_qualified,
    stated_count,
    value_first,
)
from .extract_nonfacts import (
    chat_speaker,
    front_page,
    heading_keys,
    index_entry,
    is_logistics_table,
    is_table_of_contents,
    is_todo,
    non_fact,
    note_properties,
    strip_checkbox,
    without_chat_prompts,
)
from .parse import Item, Outline, clean_heading

# The data extraction produces, importable from here as before.
__all__ = ["Candidate", "CandidateTable", "Extraction", "Group", "extract"]

_QA = re.compile(r"^(?P<q>[^:]{3,}?)\s*:{2,3}\s*(?P<a>.+)$")


def extract(outline: Outline, *, name: str = "") -> Extraction:
    """`name`: the note's file name, whose words name its topic when no heading does."""
    result = Extraction(title=outline.title, name=note_name(name), folders=note_folders(name))
    if front_page(name, lambda: _outline_text(outline)):
        # a repository's README: its headings stay vocabulary, its lines are no facts
        result.headings.extend((*s.ancestors, s.title) for s in outline.sections if s.title)
        return result
    known = heading_keys(outline)
    result.labels_once = _labels_once(outline)
    top = True  # no section with items read yet: where a note's property lines stand
    for section in outline.sections:
        # "ChatGPT said:" names no topic; the turn under it is still read.
        title = "" if chat_speaker(section.title) else section.title
        ancestors = tuple(a for a in section.ancestors if not chat_speaker(a))
        headings = (*ancestors, title) if title else ancestors
        if title:
            result.headings.append(headings)
        if section.title.lower() in lexicon.SKIPPED_SECTIONS:
            continue  # link lists and tables of contents, not knowledge
        if lexicon.USER_SPEAKER.match(section.title):
            continue  # a chat's user turn: a prompt, not knowledge
        items = without_chat_prompts(section.items)
        if not section.level and items and is_property_block(items[0]):
            # an outliner page's own properties ('tags:: …', 'type:: …'), and the page's
            # outline that parse hung under them
            items = items[0].children + items[1:]
        items = line_items(items)
        if top and items and section.level <= 1:
            items = items[note_properties(items) :]  # 'Created: …', 'Status: Reviewed'
        top = top and not items and section.level <= 1
        if is_table_of_contents(items, known, section.title):
            continue
        _add_group(result, ancestors, title, section.line, items)
        if _section_enumeration(items, title, headings, result):
            continue
        meaning = heading_meaning(title, items, nested=bool(ancestors))
        first = None if meaning else first_line_meaning(title, items, nested=bool(ancestors))
        term, filed = title, headings
        introduces = name_key(title) in lexicon.INTRODUCING_HEADINGS if title else False
        if not meaning and not first and ancestors and introduces:
            # '## General info' then 'Managed service that moves data between stores': the
            # first line says what the heading above it is
            term, filed = ancestors[-1], ancestors
            first = first_line_meaning(term, items, nested=True, few=1)
        previous = _last_sentence(items[0]) if first else ""
        for item in items[1:] if first else items:
            _walk(item, headings, (), result, known, leads=item is items[0], previous=previous)
            previous = _last_sentence(item)
        meaning = meaning or first
        if meaning and not section.tables:
            result.facts.append(
                Candidate(
                    kind="definition",
                    text=f"{term}: {meaning}",
                    headings=filed,
                    labels=(),
                    line=items[0].line,
                    subject=term,
                    attribute=term,
                    value=meaning,
                )
            )
        for table in section.tables:
            if is_logistics_table(table.header):
                continue  # a course's timetable: who teaches which section when, no subject
            if (record := record_items(table)) is not None:
                for item in record:  # one thing's fields: its facts
                    _walk(item, headings, (), result, known)
                continue
            result.tables.append(
                CandidateTable(
                    headings, table.caption, table.header, table.rows, table.line, table.rows_line
                )
            )
            result.facts.extend(
                _pair_rows(table.header, table.rows, headings, table.first_row_line())
            )
    result.labels_once = frozenset()  # (read while extracting; no part of the extraction)
    return result


def _labels_once(outline: Outline) -> frozenset[str]:
    """The labels (lines with notes under them) a note writes once: 'set' over what a set is.
    One written over each of several things ('symptoms' under each disease) is a field."""
    seen: dict[str, int] = {}
    stack = [item for section in outline.sections for item in section.items]
    while stack:
        item = stack.pop()
        if item.children:
            key = name_key(item.text)
            seen[key] = seen.get(key, 0) + 1
            stack.extend(item.children)
    return frozenset(k for k, n in seen.items() if n == 1 and k)


def _pair_rows(
    header: list[str], rows: list[list[str]], headings: tuple[str, ...], first: int
) -> list[Candidate]:
    """A two-column table of words and what they mean ('Deutsch | English', 'Term |
    Definition', headers in lexicon.PAIR_HEADERS) is a list of pairs a learner studies both ways:
    each row is a definition whose attribute names the meaning's column (decks.generate.pair_card
    asks it forwards, the definition cloze backwards). A table comparing two things ('Amazon EC2
    | Amazon Lambda') is not."""
    header = [clean_heading(h) for h in header]
    if len(header) != 2 or len(rows) < 2:
        return []
    named, meant = (h.lower().strip(" ?:") for h in header)
    # ('| Command | Description |': a kind of term over what each means is a glossary too)
    kind_of_term = meant in lexicon.MEANING_HEADERS and bool(entity_kind(header[0]))
    if not (named in lexicon.PAIR_HEADERS and meant in lexicon.PAIR_HEADERS) and not kind_of_term:
        return []  # 'Amazon EC2 | Amazon Lambda' compares two things
    pairs = [(r[0].strip(), r[1].strip()) for r in rows if len(r) == 2]
    if len(pairs) != len(rows) or not all(w and m and len(w.split()) <= 6 for w, m in pairs):
        return []
    # the kind of term labels its rows ('Debugger · command — run or r?'); a language's does not
    labels = (header[0],) if kind_of_term and named not in lexicon.PAIR_HEADERS else ()
    return [
        Candidate(
            kind="definition",
            text=f"{word} — {meaning}",
            headings=headings,
            labels=labels,
            line=first + index,
            subject=word,
            attribute=header[1],
            value=meaning,
            emphasis=(word,),
        )
        for index, (word, meaning) in enumerate(pairs)
    ]


def _outline_text(outline: Outline) -> str:
    def texts(items: list[Item]):
        for item in items:
            yield item.text
            yield from item.code
            yield from texts(item.children)

    return " ".join(t for section in outline.sections for t in texts(section.items))


def note_folders(file_name: str) -> tuple[str, ...]:
    """'Biology/Cell_division/Mitosis.md' -> ('Biology', 'Cell division'): the folders a note is
    filed in, as words, for its topic when neither its title nor its file name names one."""
    return tuple(note_name(part) for part in file_name.replace("\\", "/").split("/")[:-1] if part)


_ORDER_NUMBER = re.compile(r"^\d{1,3}[.)]?\s+(?=\S)")  # '02 Pulmonary': its place in the folder


def note_name(file_name: str) -> str:
    """'Cell_division-notes 0f3c…(32 hex).md' -> 'Cell division notes': a file name as a title,
    without the id a Notion export appends, the number that orders it in its folder ('02
    Pulmonary.md'), or the folder's name repeated ('Step 2/Pulmonary - Step 2.md')."""
    parts = file_name.replace("\\", "/").split("/")
    stem = re.sub(r"\.(?:md|markdown|txt)$", "", parts[-1], flags=re.I)
    stem = re.sub(r"[\s_-]+[0-9a-f]{32}$", "", stem, flags=re.I)
    stem = re.sub(r"[\s_-]+", " ", stem).strip()
    unnumbered = _ORDER_NUMBER.sub("", stem)
    for folder in parts[:-1]:
        folder = _ORDER_NUMBER.sub("", re.sub(r"[\s_-]+", " ", folder).strip())
        if folder and unnumbered.lower().endswith(f" {folder.lower()}"):
            unnumbered = unnumbered[: -len(folder)].rstrip(" -–—")
    return unnumbered if re.search(r"[^\W\d_]", unnumbered) else stem


def _section_enumeration(
    items: list[Item], title: str, headings: tuple[str, ...], out: Extraction
) -> bool:
    """A section that is only a list of short names is an enumeration ('Serverless in AWS');
    lines saying what the heading's subject does or undergoes ('Treated with IV fluids', 'Needs
    a running cluster') are statements about it, each a card of its own, not its parts."""
    if (
        len(items) >= 3
        and all(_is_short_name(i) for i in items)
        and title
        and not any(predicate(i.text) for i in items)
        # a list of links to other notes ('- [[Microprocessors]]' under 'Lecture Notes') is a
        # page's index of where things are written, not the parts of its subject
        and not all(index_entry(i.text, i.links) for i in items)
    ):
        out.facts.append(
            Candidate(
                kind="enumeration",
                text=f"{title}: " + ", ".join(i.text for i in items),
                headings=headings[:-1],
                labels=(),
                line=items[0].line,
                subject=title,
                items=tuple(i.text for i in items),
            )
        )
        return True
    return False


def _is_short_name(item: Item) -> bool:
    text = item.text
    return (
        not item.children
        and not item.answer  # an authored question is a card, not a name in a list
        and 0 < len(text.split()) <= 6
        and ":" not in text
        and not any(q.unit for q in find_quantities(text))
        and not _is_clause(text)
    )


def _is_clause(text: str) -> bool:
    """'But 2 < 3 is true', 'Stack contents are dumped', '→ Form the grid', 'e.g., add …': a
    bullet that goes on from its parent or says something is a note on it, not a name in a
    list of its parts."""
    words = re.findall(r"[\w'’]+", text.lower())
    return (
        not words
        or words[0] in lexicon.CLAUSE_OPENERS
        or text.lstrip().startswith(("→", "->", "=>", "⇒", "i.e", "ie."))
        or bool(lexicon.EXAMPLE_MARKER.match(text.lstrip()))
        or any(w in lexicon.SENTENCE_VERBS for w in words)
    )


def _is_bold_only(item: Item) -> bool:
    """A line in bold and nothing else ('**Lambda@Edge**'): a title, unless it is a sentence
    the author highlighted ('**A VPC can have only one internet gateway.**'), which states a
    fact like any other line."""
    if item.callout_title:
        return True  # a callout's title is the title of its body, whatever its shape
    return _whole_emphasis(item) and not _highlighted_sentence(item.text)


def _whole_emphasis(item: Item) -> bool:
    return bool(item.emphasis) and item.emphasis[0].rstrip(":") == item.text.rstrip().rstrip(":")


MAX_BOLD_TITLE_WORDS = 8  # a bold line longer than a title, with a verb, is a sentence


def _highlighted_sentence(text: str) -> bool:
    text = text.strip()
    if text.endswith(":"):
        return False
    if ends_sentence(text) and len(text.split()) >= 4:
        return True
    return len(text.split()) > MAX_BOLD_TITLE_WORDS and fact_sentence(text)


def _is_label(item: Item) -> bool:
    """A bold-only line or an item ending in ':' names what follows it."""
    return item.text.rstrip().endswith(":") or _is_bold_only(item)


def _walk(
    item: Item,
    headings: tuple[str, ...],
    labels: tuple[str, ...],
    out: Extraction,
    known: frozenset[str],
    *,
    leads: bool = False,
    previous: str = "",
) -> None:
    """`leads`: the item is the first of its heading's section (a formula there is the
    result the heading names). `previous`: the last sentence of the paragraph before it, which
    a paragraph opening by pointing back ('This syndrome is …') points at."""
    if item.children:
        children = line_items(item.children)
        # (extraction never changes an item, so one whose children read as they are is used
        # as it is, and copied only when they are read otherwise)
        if len(children) != len(item.children) or any(
            new is not old for new, old in zip(children, item.children, strict=True)
        ):
            item = item.replaced(children=children)
    if lexicon.CHECKBOX.match(item.text):
        if is_todo(item, reads_as_fact=key_value(strip_checkbox(item.text)) is not None):
            return  # a to-do, with whatever is planned under it
        item = item.replaced(text=strip_checkbox(item.text))
    if item.children and _lists_contents(item) and is_table_of_contents(item.children, known, ""):
        return
    if item.children and clean_heading(item.text).strip(" :").lower() in lexicon.COURSE_GOAL_TITLES:
        return  # 'Learning objectives' over what the lesson will teach: goals, no facts
    if not item.text or non_fact(item.text) or index_entry(item.text, item.links):
        # "Sure! Here's a summary:" says nothing itself; what it introduces may.
        for child in item.children:
            _walk(child, headings, labels, out, known)
        return
    if formulas := stated_formula(item, headings, labels, leads=leads):
        # '$$dV = r\,dr\,d\theta\,dz$$' in a theorem's callout: asked by its left side; the
        # notes under it ('Distance of P from the origin') are read as the formula's notes
        out.facts.extend(formulas)
        for child in item.children:
            _walk(child, headings, labels, out, known)
        return
    folded = folded_answer(item) if item.children else None
    if item.children and (asked := question_answer(item) or (folded and (*folded, 0))):
        # '? Which gate …?' over its answer, or a folded question callout over what it hides:
        # a card the author wrote, asked as written; the answer's lines are still read for
        # what else they state (a date, a name)
        question, answer, _used = asked
        base = LineFields(headings=headings, labels=labels, line=item.line, emphasis=())
        out.facts.append(
            Candidate(kind="qa", text=question, attribute=question, value=answer, **base)
        )
    if item.children and item.is_paragraph and _is_bold_only(item):
        # A bold line with content under it is a heading in all but syntax ("**Lambda@Edge**").
        if item.callout_title and not _whole_emphasis(item):
            # a callout titled by a sentence ('> [!important] A read on a pipe blocks until
            # there is something to *read*') states a fact of its own, under the headings
            # above it, and still heads its notes: they go on from it
            _read_lines(item.replaced(children=()), headings, labels, out)
        heading = clean_heading(item.text)
        out.headings.append((*headings, heading))
        _add_group(out, (*headings, *labels), heading, item.line, item.children)
        children = _label_defined(item, headings, labels, out)
        for child in children:
            _walk(child, (*headings, heading), labels, out, known)
        return
    if item.children and _stated_before_a_list(item):
        _read_lines(item, headings, labels, out, previous=previous)
        for child in item.children:
            _walk(child, headings, labels, out, known)
        return
    if item.children:
        label = clean_heading(item.text.rstrip(":"))
        _add_group(out, (*headings, *labels), label, item.line, item.children)
        kv = key_value(item.text) if not (_is_label(item) or _is_step(item)) else None
        if kv and (not kv[1].strip() or _titles_a_list(item, kv[1])):
            kv = None
        if not kv and (card := _inline_qa(item)):
            # 'two-way (Wechselpräpositionen):: an, auf, …' over when each case follows: a card
            # the author wrote, and the label of the notes under it, not a list it leads into
            out.facts.extend(_facts_from_line(item, headings, labels))
            for child in item.children:
                _walk(child, headings, (*labels, clean_heading(card[0])), out, known)
            return
        short = all(_is_short_name(c) for c in item.children) and not points_back(label)
        # 'The three estates:' over four bullets lists something else (or notes on the parts).
        counted = stated_count(kv[0] if kv else label) in (None, len(item.children))
        if len(item.children) >= 2 and short and counted:
            if kv:
                label = kv[0]
                out.facts.extend(_facts_from_line(item, headings, labels))
            elif item.is_paragraph and len(said := paragraph_sentences(item.text)) > 1:
                # 'Storage Gateway is an endpoint that copies to S3. On our side we need
                # either:' over the kinds: the sentences before the lead-in state facts
                _read_lines(item.replaced(text=" ".join(said[:-1])), headings, labels, out)
            out.facts.append(_enumeration(item, label, headings, labels))
            return
        if kv or (not _is_label(item) and _states_a_term(item.text)):
            # 'Akkusativ — direct object' or 'enzyme:: RuBisCO' with notes under it is a fact
            # of its own as well as their label.
            out.facts.extend(_facts_from_line(item, headings, labels))
        elif not (_is_label(item) or _is_step(item)) and fact_sentence(item.text):
            # 'The cell cycle is made of interphase and the M phase.' over notes on its phases
            # states a fact of its own too, not only what the notes under it are about.
            out.facts.append(
                Candidate(
                    kind="statement",
                    text=item.text,
                    headings=headings,
                    labels=labels,
                    line=item.line,
                    emphasis=item.emphasis,
                )
            )
        children = _label_defined(item, headings, labels, out)
        defined = len(children) < len(item.children)  # the label defined by its first note
        explained = None if defined or _is_label(item) or _is_step(item) else claim_meaning(item)
        if explained:
            # 'The sets are **disjoint**' over what that means: the bold term defined, asked
            # in the context above the claim (which names it); the note is read as its meaning
            out.facts.append(_label_definition(*explained, children[0], headings, labels))
            children = children[1:]
        if kv and _bold_term(item, kv[0]):
            # '**Rolling deployments**: update in batches …' over 'pros: …', 'cons: …': the
            # notes under a term's definition are about the term, which names them better
            # than the whole line (a context drops a label that long)
            label = clean_heading(kv[0])
        bold = {label} if _is_bold_only(item) else set()
        for child in children:
            before = len(out.facts)
            _walk(child, headings, (*labels, label), out, known)
            for fact in out.facts[before:]:
                fact.bold_labels = fact.bold_labels | bold
        return
    _read_lines(item, headings, labels, out, previous=previous)


def _last_sentence(item: Item) -> str:
    """What a paragraph after this item may point back at: its last sentence, when the item is
    a paragraph of its own (not a list, a label over notes, or a heading in bold)."""
    if not item.is_paragraph or item.children or "\n" in item.text:
        return ""
    said = paragraph_sentences(item.text)
    return said[-1].strip() if said else ""


def _titles_a_list(item: Item, value: str) -> bool:
    """'Rust: ownership rules', 'Napoleon: major battles' over two notes or more: the colon
    gives a subject and the kind of thing listed under it, a title for the list, not a fact
    of its own ('Akkusativ — direct object' over notes on it defines a term, and stays one)."""
    if len(item.children) < 2 or ":" not in item.text:
        return False
    words = re.findall(r"[A-Za-z'’-]+", value)
    if not 1 <= len(words) <= MAX_LIST_TITLE_WORDS or re.search(r"\d|[,;()]", value):
        return False
    last = words[-1].lower()
    # the kind of what is listed is a word any list is of ('rules', 'steps', 'causes'):
    # 'Saccades: smooth eye movements' over notes on them defines the term
    return singular(last) != last and generic_word(last)


MAX_LIST_TITLE_WORDS = 3


def _bold_term(item: Item, key: str) -> bool:
    """The key of a line is a term the author set in bold, not a generic label ('**Solution**:
    use RDS Proxy' is about the proxy) nor a plain one ('kids: body bigger' says what of kids
    only with its value)."""
    key = key.strip().rstrip(":")
    return (
        any(e.strip().rstrip(":") == key for e in item.emphasis)
        and len(key.split()) <= MAX_TERM_LABEL_WORDS
        and not generic_heading(key)
    )


MAX_TERM_LABEL_WORDS = 6


def _read_lines(
    item: Item,
    headings: tuple[str, ...],
    labels: tuple[str, ...],
    out: Extraction,
    *,
    previous: str = "",
) -> None:
    """An item's own text read for its facts, line by line and a paragraph sentence by
    sentence. `previous`: the paragraph before's last sentence (`_walk`), the lead of a first
    sentence that points back."""
    # "400 KB<br>Max partition: 10 GB" in one bullet is two claims; a paragraph's sentences
    # are a fact each ('An oligopoly is a market of a few firms. A market of two is called a
    # duopoly.'): read whole, its first sentence's shape took the rest as its value.
    for line in item.text.split("\n"):
        # (an authored question is one, however many sentences it asks in)
        split = item.is_paragraph and not item.answer
        pieces = paragraph_sentences(line) if split else [line]
        for index, text in enumerate(pieces):
            if text.strip() and not non_fact(text) and not index_entry(text, item.links):
                if len(pieces) > 1:  # a sentence keeps its own terms and its own line
                    emphasis = tuple(e for e in item.emphasis if e in text)
                    line_of = _line_of(item, text)
                    one = item.replaced(text=text.strip(), line=line_of, emphasis=emphasis)
                elif text.strip() != item.text:
                    one = item.replaced(text=text.strip())
                else:
                    one = item  # the whole line: read as it is (extraction changes no item)
                # 'Then $$\int_C … = …$$' in a theorem's callout states the theorem's formula
                # (and the sentence is still read for what else it says)
                out.facts.extend(stated_formula(one, headings, labels, leads=False, led_in=True))
                facts = _facts_from_line(one, headings, labels)
                lead = lead_of(pieces, index)
                if not lead and index == 0 and item.is_paragraph and previous:
                    # 'This syndrome is the result of …' opening its paragraph, after one that
                    # says which ('Gilbert syndrome is a mild hyperbilirubinemia …')
                    lead = lead_of([previous, text], 1)
                if lead:
                    for fact in facts:
                        fact.lead = lead
                out.facts.extend(facts)


MAX_CONTENTS_LABEL_WORDS = 6  # 'Contents', 'Topics covered in this lecture:'


def _lists_contents(item: Item) -> bool:
    """An item whose lines may be the note's table of contents: a label over them, not a
    sentence of its own ('Storage Gateway is an endpoint that copies to S3. On our side we
    need either' over 'file gateway', 'volume gateway', … lists the kinds the note goes on
    to, under their own headings)."""
    return len(item.text.split()) <= MAX_CONTENTS_LABEL_WORDS


def _stated_before_a_list(item: Item) -> bool:
    """A paragraph of two sentences or more that ends in a full stop, over a list: it states
    facts of its own ('pH = −log10[H+]. Pure water has pH 7.'), and does not lead into the
    lines under it as a label would ('Symptoms:')."""
    text = item.text.strip()
    return (
        item.is_paragraph
        and not item.answer
        and text.endswith(".")
        and "\n" not in text
        and len(paragraph_sentences(text)) > 1
    )


def _line_of(item: Item, sentence: str) -> int:
    """The line a sentence of a paragraph starts on: the paragraph's own line, or, when it was
    written over several lines, the first whose text the sentence starts within."""
    head = sentence.strip()[:24]
    for offset, line in enumerate(item.lines):
        if head and head in line:
            return item.line + offset
    return item.line


def _label_defined(
    item: Item, headings: tuple[str, ...], labels: tuple[str, ...], out: Extraction
) -> list[Item]:
    """A label whose first lines say what it is ('**Metadata**' or '> [!def] Osmosis' over '-
    Information kept about a file') defines a term, asked in the context above the term
    (which would name it): the definition is added, and the children left to walk returned,
    without the line read as its meaning when nothing hangs under that line."""
    children = item.children
    if meaning := label_meaning(item, named_once=name_key(item.text) in out.labels_once):
        term, said, at = meaning
        out.facts.append(_label_definition(term, said, children[at], headings, labels))
        # (a note of more sentences than its meaning's first still says what they say)
        if not children[at].children and len(paragraph_sentences(children[at].text)) < 2:
            children = children[:at] + children[at + 1 :]
    elif stated := label_statement(item):
        # '**Setup time**' over 'The input must be stable before the clock edge': what holds
        # of the term, asked forwards as a key and its value ('— setup time?')
        term, said = stated
        base = LineFields(headings=headings, labels=labels, line=children[0].line, emphasis=())
        out.facts.append(_kv(f"{term}: {said}", term, said, base))
        children = children[1:]
    return children


def _label_definition(
    term: str, meaning: str, note: Item, headings: tuple[str, ...], labels: tuple[str, ...]
) -> Candidate:
    return Candidate(
        kind="definition",
        text=f"{term}: {meaning}",
        headings=headings,
        labels=labels,
        line=note.line,
        subject=term,
        attribute=term,
        value=meaning,
        emphasis=(term,),
    )


def _add_group(
    out: Extraction, parent: tuple[str, ...], title: str, line: int, items: list[Item]
) -> None:
    texts = [(_with_children(i), i.line) for i in items if i.text and not _heads_labels(i)]
    if title and len(texts) >= 2:
        out.groups.append(Group(parent, title, line, texts))


_LABEL_END = re.compile(r":(?=\s|$)")


def _heads_labels(item: Item) -> bool:
    """A bare label over lines that each give a label and its value ('- Diagnosis' over '- First
    test: a chest film', '- 90%: …'): the sub-lines' labels say where each value goes, not
    what the bullet states, so the bullet is no cell of a comparison ('Diagnosis: First test,
    90%'). Its sub-lines are facts of their own."""
    labelled = [c for c in item.children if c.text and (kv := key_value(c.text)) and kv[1]]
    return bool(labelled) and len(labelled) * 2 >= len(item.children)


def _with_children(item: Item) -> str:
    """'Used to change requests and responses: Viewer Request, Viewer Response' - a bullet with
    its sub-bullets' names, for a comparison cell."""
    if not item.children:
        return item.text
    # a label ends at a colon that ends a word ('Origin: S3'), not inside 'https://…' or '10:30'
    names = [_LABEL_END.split(c.text, 1)[0].strip() for c in item.children if c.text]
    return f"{item.text.rstrip(':')}: " + ", ".join(names)


def _enumeration(
    item: Item, label: str, headings: tuple[str, ...], labels: tuple[str, ...]
) -> Candidate:
    items = tuple(c.text for c in item.children)
    return Candidate(
        kind="enumeration",
        text=f"{label}: " + ", ".join(items),
        headings=headings,
        labels=labels,
        line=item.line,
        subject=label,
        items=items,
        emphasis=item.emphasis,
    )


def _facts_from_line(
    item: Item, headings: tuple[str, ...], labels: tuple[str, ...]
) -> list[Candidate]:
    text = item.text
    base = LineFields(headings=headings, labels=labels, line=item.line, emphasis=item.emphasis)
    if item.answer:  # '**Q:** …' then '**A:** …'
        return [Candidate(kind="qa", text=text, attribute=text, value=item.answer, **base)]
    if page_property(text):
        return []  # 'collapsed:: true', 'id:: 64f…' describe the block, not the subject
    if prop := property_line(text):
        return [_property(text, *prop, base)]
    if qa := _inline_qa(item):
        return [Candidate(kind="qa", text=text, attribute=qa[0], value=qa[1], **base)]
    if formula_of(text) is not None:
        # '$$\alpha = \frac{n}{m}$$' that states no named result is a step of the working: read
        # at its '=' it made '$$\alpha' a term (stated formulas are extract_formulas')
        return [Candidate(kind="statement", text=text, **base)]
    # 'Scalar types - String, Number, Binary' names a list's members; '- 2 MB' a measure.
    # A spaced hyphen in a bullet is more often an aside ('Regional - clients in the region');
    # glossary lines (paragraph lines) use it for definitions as they use a dash.
    term = term_definition(text, hyphen=item.is_paragraph)
    if term and not first_quantity(term[1]) and not is_list_value(term[1]):
        return [_term_fact(text, *term, base), *acronym_definitions(text, base)]
    if (alias := _ALIAS_LINE.match(text)) and not (labels and _said_of_another(labels[-1])):
        # 'aka West syndrome' under Infantile spasms: another name for the topic, a key and a
        # value ('Infantile spasms — also known as?'). Under a sentence ('inter-node traffic
        # may be encrypted' over 'AKA inter-container traffic encryption') it names what the
        # sentence is about, not the topic.
        name = alias.group("name").strip().strip("\"“”'").strip()
        if name and len(name.split()) <= MAX_ALIAS_WORDS:
            return [_kv(text, lexicon.ALIAS_ATTRIBUTE, name, base)]
    facts: list[Candidate] = []
    kv = None if _is_step(item) else key_value(text)
    leading = value_first(text, labels)
    if leading:
        attribute, value = leading
        facts.append(_kv(text, attribute, value, base, labels=labels[:-1]))
    elif kv:
        key, value = kv
        split = split_qualified(key, value)
        if split:
            facts.extend(_kv(text, attr, val, base) for attr, val in split)
        elif first_quantity(value):
            facts.append(_kv(text, key, value, base))
        elif is_list_value(value, key):
            items = list_items(value, count=stated_count(key))
            facts.append(Candidate(kind="enumeration", text=text, subject=key, items=items, **base))
        else:
            kind = "definition" if _is_term(key, item.emphasis) else "key_value"
            facts.append(
                Candidate(kind=kind, text=text, subject=key, attribute=key, value=value, **base)
            )
    else:
        facts.append(Candidate(kind="statement", text=text, **base))
    facts.extend(acronym_definitions(text, base))
    if may_claim(text):
        facts.extend(measures(text, base, subject=kv[0] if kv else ""))
        facts.extend(claims(text, base))
        if not kv:
            facts.extend(languages(text, base, subject=""))
    return facts


_ALIAS_LINE = re.compile(
    r"^(?:aka|a\.k\.a\.?|also known as|also called)[\s:]+(?P<name>[^,;.()]+?)\s*\.?$", re.I
)
MAX_ALIAS_WORDS = 5


def _said_of_another(label: str) -> bool:
    """A label that is a sentence of its own: four words or more with a finite verb or a modal
    after the first ('inter node training communication may be optionally encrypted')."""
    words = re.findall(r"[\w'’]+", label.lower())
    return len(words) >= 4 and any(w in lexicon.FINITE_VERBS for w in words[1:])


def _property(text: str, key: str, value: str, base: LineFields) -> Candidate:
    """'location:: chloroplasts' under a block is the block's location (a key and a value);
    'deque:: fast appends and pops from both ends' defines a name (the value describes it)."""
    words = value.split()
    describes = len(words) >= 3 and words[0][:1].islower() and not first_quantity(value)
    if describes and prompts.cloze_term(key):
        return Candidate(
            kind="definition", text=text, subject=key, attribute=key, value=value, **base
        )
    return _kv(text, key, value, base)


def _term_fact(text: str, term: str, meaning: str, formula: bool, base: LineFields) -> Candidate:
    """'Scarcity — unlimited wants but limited resources' defines its term; 'labour force =
    employed + unemployed' gives its parts, asked as a key and a value."""
    if formula or not prompts.cloze_term(term):
        return _kv(text, term, meaning, base)
    return Candidate(
        kind="definition", text=text, subject=term, attribute=term, value=meaning, **base
    )


def _inline_qa(item: Item) -> tuple[str, str] | None:
    """'What is DAX?::An in-memory cache' is a card the author wrote; 'AWS::EC2::Instance',
    'Fn::ImportValue', 'std::vector' and '::/0' are code and addresses."""
    text = item.text
    m = _QA.match(text) if "::" in text else None
    if not m or "://" in text or any("::" in c for c in item.code):
        return None
    question, answer = m.group("q").strip(), m.group("a").strip()
    if "::" in answer or _CODE_MARKS.search(text) or not re.match(r"[\w\"'“(]", answer):
        return None  # a path of names, code punctuation, or an address ('::/0')
    if re.search(r"\s::[^\s:]", text) and not question.endswith("?"):
        return None  # 'IPv6 loopback is ::1', 'call ::free': '::' opens an address or a name
    spaced = bool(re.search(r"\s:{2,3}|:{2,3}\s", text))
    # Unspaced, a card is 'Term::a definition in words'; 'Use std::vector here' is code.
    term_card = len(question.split()) == 1 and len(answer.split()) >= 2
    if term_card and not spaced and _NAMESPACE.fullmatch(question):
        term_card = False  # 'std::vector stores …', 'np::array': a short name space, code
    if not (question.endswith("?") or spaced or term_card):
        return None
    return question, answer


_CODE_MARKS = re.compile(r"[<>{};=]|\w\(\)")
# A lower-case word of two to four letters before an unspaced '::' is a name space in code
# ('std', 'fn', 'np'); a term a card defines is a word of the subject ('Mitochondria::…').
_NAMESPACE = re.compile(r"[a-z][a-z0-9]{1,3}")


def _kv(
    text: str, attribute: str, value: str, base: LineFields, labels: tuple[str, ...] | None = None
) -> Candidate:
    fields = base.copy()
    if labels is not None:
        fields["labels"] = labels
    return Candidate(
        kind="key_value",
        text=text,
        attribute=attribute,
        value=value,
        quantity=first_quantity(value),
        **fields,
    )


def _states_a_term(text: str) -> bool:
    """An outliner property ('main pigment:: chlorophyll a') or a term and its meaning
    ('Dativ — indirect object')."""
    return bool(property_line(text) or term_definition(text, hyphen=False))


def _is_step(item: Item) -> bool:
    """'1. Open the console: search for Lambda' is a step to follow, not a key and a value."""
    if not item.ordered:
        return False
    first = _FIRST_WORD.match(item.text.lstrip("*_ "))
    return first is not None and first.group().lower() in lexicon.STEP_VERBS


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _is_term(key: str, emphasis: tuple[str, ...]) -> bool:
    """A bold key defines a term, unless it is a label ('**Solution**: …')."""
    return (key in emphasis or key.rstrip(":") in emphasis) and prompts.cloze_term(key)
