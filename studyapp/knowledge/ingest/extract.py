"""Extract candidate facts and tables from one note's outline.

Pure and per note: no knowledge of other notes (that is merge's job). Every candidate keeps the
heading path it came from and its source line, so every fact in the model can cite its note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studyapp.text.quantities import Quantity, find_quantities, first_quantity

from .parse import Item, Outline, Section, clean_heading


@dataclass
class Candidate:
    kind: str  # "statement" | "key_value" | "enumeration" | "definition" | "qa"
    text: str  # the fact as the note says it (clean text)
    headings: tuple[str, ...]  # heading path, outermost first, ending with the section's title
    labels: tuple[str, ...]  # parent bullets / bold labels inside the section
    line: int
    bold_labels: frozenset[str] = frozenset()  # labels that are wholly bold (may name a topic)
    subject: str = ""  # key_value / definition: the thing described when it is not the topic
    attribute: str = ""
    value: str = ""
    quantity: Quantity | None = None
    items: tuple[str, ...] = ()
    emphasis: tuple[str, ...] = ()


@dataclass
class CandidateTable:
    headings: tuple[str, ...]
    caption: str
    header: list[str]
    rows: list[list[str]]
    line: int


@dataclass
class Group:
    """A titled block of items (a section, a bold line or a label with bullets under it).
    Sibling groups that describe two things point by point become a comparison."""

    parent: tuple[str, ...]  # the path the group sits in: headings, then labels
    title: str
    line: int
    items: list[tuple[str, int]]  # (text, line)


@dataclass
class Extraction:
    title: str
    facts: list[Candidate] = field(default_factory=list)
    tables: list[CandidateTable] = field(default_factory=list)
    headings: list[tuple[str, ...]] = field(default_factory=list)  # every heading path (+ labels)
    groups: list[Group] = field(default_factory=list)


_ARROW = re.compile(r"\s+(?:→|->|=>)\s+")
_COLON = re.compile(r"^(?P<key>[^:]{1,60}?)\s*:\s+(?P<value>.+)$", re.S)
_DASH = re.compile(r"^(?P<key>[^-–—]{2,40}?)\s+[-–—]\s+(?P<value>.+)$", re.S)
_PAREN_QTY = re.compile(r"^(?P<key>[A-Za-z][^()]{2,60}?)\s*\((?P<value>[^()]*\d[^()]*)\)\s*$")
_IS_QTY = re.compile(r"^(?P<key>.{3,50}?)\s+(?:is|are|=)\s+(?P<value>.*\d.*)$", re.I)
_QA = re.compile(r"^(?P<q>[^:]{3,}?)\s*:{2,3}\s*(?P<a>.+)$")
_ACRONYM_DEF = re.compile(r"\b(?P<acr>[A-Z][A-Za-z]{1,5}[A-Z])\s*\((?P<exp>[A-Z][\w&/ -]{3,60})\)")
_EXP_ACRONYM = re.compile(
    r"\b(?P<exp>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|as|a|of|for|and)){1,6})\s*\((?P<acr>[A-Z]{2,6})\)"
)
# "<value> <measure>" fragments such as "sub-ms latency", "24 hour retention", "5 minutes TTL".
_MEASURE = re.compile(
    r"(?P<value>(?:sub-|< ?)?(?:\d[\d,.]*\s?[a-zµ]*|ms|microseconds?|single-digit millisecond)"
    r"(?:-scale)?)\s+(?P<attr>latency|startup times?|retention|ttl)\b",
    re.I,
)
_QUALIFIED = re.compile(r"^(?P<q>max(?:imum)?|min(?:imum)?|default|up to)\s+(?P<rest>.+)$", re.I)
_QUALIFIED_AFTER = re.compile(r"^(?P<rest>.+?)\s+(?P<q>default|by default|max)$", re.I)


def extract(outline: Outline) -> Extraction:
    result = Extraction(title=outline.title)
    for section in outline.sections:
        headings = (*section.ancestors, section.title) if section.title else section.ancestors
        if section.title:
            result.headings.append(headings)
        if section.title.lower() in _SKIPPED_SECTIONS:
            continue  # link lists, not knowledge
        _add_group(result, section.ancestors, section.title, section.line, section.items)
        if _section_enumeration(section, headings, result):
            continue
        for item in section.items:
            _walk(item, headings, (), result)
        for table in section.tables:
            result.tables.append(
                CandidateTable(headings, table.caption, table.header, table.rows, table.line)
            )
    return result


_SKIPPED_SECTIONS = {"references", "links", "resources", "see also", "further reading", "sources"}


def _section_enumeration(section: Section, headings: tuple[str, ...], out: Extraction) -> bool:
    """A section that is only a list of short names is an enumeration ('Serverless in AWS')."""
    items = section.items
    if len(items) >= 3 and all(_is_short_name(i) for i in items) and section.title:
        out.facts.append(
            Candidate(
                kind="enumeration",
                text=f"{section.title}: " + ", ".join(i.text for i in items),
                headings=headings[:-1],
                labels=(),
                line=items[0].line,
                subject=section.title,
                items=tuple(i.text for i in items),
            )
        )
        return True
    return False


def _is_short_name(item: Item) -> bool:
    text = item.text
    return (
        not item.children
        and 0 < len(text.split()) <= 6
        and ":" not in text
        and not any(q.unit for q in find_quantities(text))
    )


def _is_bold_only(item: Item) -> bool:
    return bool(item.emphasis) and item.emphasis[0].rstrip(":") == item.text.rstrip().rstrip(":")


def _is_label(item: Item) -> bool:
    """A bold-only line or an item ending in ':' names what follows it."""
    return item.text.rstrip().endswith(":") or _is_bold_only(item)


def _walk(item: Item, headings: tuple[str, ...], labels: tuple[str, ...], out: Extraction) -> None:
    if not item.text:
        for child in item.children:
            _walk(child, headings, labels, out)
        return
    if item.children and item.is_paragraph and _is_bold_only(item):
        # A bold line with content under it is a heading in all but syntax ("**Lambda@Edge**").
        heading = clean_heading(item.text)
        out.headings.append((*headings, heading))
        _add_group(out, (*headings, *labels), heading, item.line, item.children)
        for child in item.children:
            _walk(child, (*headings, heading), labels, out)
        return
    if item.children:
        label = clean_heading(item.text.rstrip(":"))
        _add_group(out, (*headings, *labels), label, item.line, item.children)
        kv = _key_value(item.text) if not _is_label(item) else None
        if kv and not kv[1].strip():
            kv = None
        if len(item.children) >= 2 and all(_is_short_name(c) for c in item.children):
            if kv:
                label = kv[0]
                out.facts.extend(_facts_from_line(item, headings, labels))
            out.facts.append(_enumeration(item, label, headings, labels))
            return
        if kv:
            out.facts.extend(_facts_from_line(item, headings, labels))
        bold = {label} if _is_bold_only(item) else set()
        for child in item.children:
            before = len(out.facts)
            _walk(child, headings, (*labels, label), out)
            for fact in out.facts[before:]:
                fact.bold_labels = fact.bold_labels | bold
        return
    # "400 KB<br>Max partition: 10 GB" in one bullet is two claims.
    for line in item.text.split("\n"):
        if line.strip():
            one = Item(line.strip(), item.line, item.emphasis, is_paragraph=item.is_paragraph)
            out.facts.extend(_facts_from_line(one, headings, labels))


def _add_group(
    out: Extraction, parent: tuple[str, ...], title: str, line: int, items: list[Item]
) -> None:
    texts = [(_with_children(i), i.line) for i in items if i.text]
    if title and len(texts) >= 2:
        out.groups.append(Group(parent, title, line, texts))


def _with_children(item: Item) -> str:
    """'Used to change requests and responses: Viewer Request, Viewer Response' - a bullet with
    its sub-bullets' names, for a comparison cell."""
    if not item.children:
        return item.text
    names = [c.text.split(":")[0].strip() for c in item.children if c.text]
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


def _key_value(text: str) -> tuple[str, str] | None:
    # "Key: value" (a colon followed by a space, so "https://…" never splits).
    if (m := _COLON.match(text)) and len(m.group("key").split()) <= 8:
        return m.group("key").strip(), m.group("value").strip()
    parts = _ARROW.split(text)
    # One arrow reads "key → value"; a chain of arrows is a flow ("Client → API Gateway → Lambda").
    if len(parts) == 2 and len(parts[0].split()) <= 5 and not re.search(r"\d", parts[0]):
        return parts[0].strip(), parts[1].strip()
    if (m := _DASH.match(text)) and len(m.group("key").split()) <= 4:
        value = m.group("value").strip()
        if first_quantity(value):
            return m.group("key").strip(), value
    if m := _PAREN_QTY.match(text):
        if first_quantity(m.group("value")):
            return m.group("key").strip(), m.group("value").strip()
    if (m := _IS_QTY.match(text)) and first_quantity(m.group("value")):
        return m.group("key").strip(), m.group("value").strip()
    return None


def _facts_from_line(
    item: Item, headings: tuple[str, ...], labels: tuple[str, ...]
) -> list[Candidate]:
    text = item.text
    base = {"headings": headings, "labels": labels, "line": item.line, "emphasis": item.emphasis}
    if (qa := _QA.match(text)) and "://" not in text:
        return [
            Candidate(kind="qa", text=text, attribute=qa.group("q"), value=qa.group("a"), **base)
        ]
    facts: list[Candidate] = []
    kv = _key_value(text)
    value_first = _value_first(text, labels)
    if value_first:
        attribute, value = value_first
        facts.append(_kv(text, attribute, value, base, labels=labels[:-1]))
    elif kv:
        key, value = kv
        split = _split_qualified(key, value)
        if split:
            facts.extend(_kv(text, attr, val, base) for attr, val in split)
        elif first_quantity(value):
            facts.append(_kv(text, key, value, base))
        elif _is_list_value(value):
            items = tuple(v.strip() for v in _LIST_SPLIT.split(value.rstrip(".")) if v.strip())
            facts.append(Candidate(kind="enumeration", text=text, subject=key, items=items, **base))
        else:
            kind = "definition" if _is_term(key, item.emphasis) else "key_value"
            facts.append(
                Candidate(kind=kind, text=text, subject=key, attribute=key, value=value, **base)
            )
    else:
        facts.append(Candidate(kind="statement", text=text, **base))
    facts.extend(_acronym_definitions(text, base))
    facts.extend(_measures(text, base, subject=kv[0] if kv else ""))
    facts.extend(_claims(text, base))
    if not kv:
        facts.extend(_languages(text, base, subject=""))
    return facts


def _kv(
    text: str, attribute: str, value: str, base: dict, labels: tuple[str, ...] | None = None
) -> Candidate:
    fields = dict(base)
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


def _value_first(text: str, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """'50 MB (zip, compressed)' under 'Deployment' is 'Deployment (zip, compressed)': 50 MB."""
    m = re.match(r"^(?P<value>[\d.,]+\s?[A-Za-z]{1,7})\s*\((?P<qual>[^()]+)\)$", text)
    if m and labels and (q := first_quantity(m.group("value"))) and q.unit:
        return f"{labels[-1]} ({m.group('qual')})", m.group("value")
    return None


def _split_qualified(key: str, value: str) -> list[tuple[str, str]] | None:
    """'Timeout: 3s default, max 900s (15 mins)' holds two facts: default and maximum timeout."""
    parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", value) if p.strip()]
    if len(parts) < 2 or not all(first_quantity(p) for p in parts):
        return None
    out = []
    for part in parts:
        if m := _QUALIFIED.match(part):
            out.append((f"{m.group('q')} {key}", m.group("rest")))
        elif m := _QUALIFIED_AFTER.match(part):
            out.append((f"{m.group('q').replace('by ', '')} {key}", m.group("rest")))
        else:
            return None
    return out


_LIST_SPLIT = re.compile(r",\s*(?![^()]*\))")


def _is_list_value(value: str) -> bool:
    parts = [p for p in _LIST_SPLIT.split(value.rstrip(".")) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def _is_term(key: str, emphasis: tuple[str, ...]) -> bool:
    return key in emphasis or key.rstrip(":") in emphasis


def _acronym_definitions(text: str, base: dict) -> list[Candidate]:
    out = []
    for m in _ACRONYM_DEF.finditer(text):
        if _initials_match(m.group("acr"), m.group("exp")):
            out.append(_definition(m.group("acr"), m.group("exp"), base))
    for m in _EXP_ACRONYM.finditer(text):
        exp = _trim_expansion(m.group("exp"), m.group("acr"))
        if exp:
            out.append(_definition(m.group("acr"), exp, base))
    return out


def _definition(term: str, meaning: str, base: dict) -> Candidate:
    return Candidate(
        kind="definition",
        text=f"{term}: {meaning}",
        subject=term,
        attribute=term,
        value=meaning.strip(),
        **{**base, "emphasis": (term,)},
    )


def _initials_match(acronym: str, expansion: str) -> bool:
    initials = "".join(w[0] for w in re.split(r"[\s-]+", expansion) if w and w[0].isupper())
    return initials.lower() == "".join(c for c in acronym if c.isupper()).lower()


def _trim_expansion(expansion: str, acronym: str) -> str:
    """'Improve availability Elastic Network Interface' -> the tail whose initials spell ENI."""
    words = re.split(r"\s+", expansion)
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if _initials_match(acronym, candidate):
            return candidate
    return ""


_ACCESS = re.compile(r"\b(no |without )?(network|file[- ]?system|internet)\s+access\b", re.I)
_BODY_ACCESS = re.compile(
    r"\b(no |without )?access to the body of (?:the )?(?:http )?requests?\b", re.I
)
_REGION = re.compile(r"\bauthor\w*\b.*?\bregion\b\s*\(([a-z]{2}-[a-z]+-\d)\)", re.I)
_SCALE = re.compile(
    r"\b(millions|thousands|1000s|hundreds|100s)\s+of\s+requests?\s*(?:/|per\s+)(?:s|sec|second)\b",
    re.I,
)


def _claims(text: str, base: dict) -> list[Candidate]:
    """Capabilities a statement asserts, as attributes a comparison can line up: 'Network access
    to use external services' -> network access: yes; 'Scales to 1000s of requests/second' ->
    scale: thousands of requests/s; 'Author your functions in one AWS Region (us-east-1)'."""
    out = []

    def claim(attribute: str, value: str) -> None:
        out.append(Candidate(kind="key_value", text=text, attribute=attribute, value=value, **base))

    for m in _ACCESS.finditer(text):
        kind = "file system" if m.group(2).lower().startswith("file") else m.group(2).lower()
        claim(f"{kind} access", "No" if m.group(1) else "Yes")
    if m := _BODY_ACCESS.search(text):
        claim("request body access", "No" if m.group(1) else "Yes")
    if m := _REGION.search(text):
        claim("authoring region", m.group(1))
    if m := _SCALE.search(text):
        amount = {"1000s": "thousands", "100s": "hundreds"}.get(
            m.group(1).lower(), m.group(1).lower()
        )
        claim("scale", f"{amount} of requests/s")
    return out


def _measures(text: str, base: dict, *, subject: str) -> list[Candidate]:
    """'Lightweight JS (sub-ms latency)' also says: latency = sub-ms."""
    out = []
    for m in _MEASURE.finditer(text):
        written = m.group("attr")
        attr = written if written.isupper() else written.lower()  # "TTL" stays an acronym
        attr = "startup time" if attr.startswith("startup") else attr
        value = m.group("value").strip()
        out.append(
            Candidate(
                kind="key_value",
                text=text,
                subject=subject,
                attribute=attr,
                value=value,
                quantity=first_quantity(value) if any(c.isdigit() for c in value) else None,
                **base,
            )
        )
    return out


# Programming languages, as notes spell them -> one spelling. General knowledge, not AWS's.
_LANGUAGE_NAMES = {
    "java": "Java", "python": "Python", "node.js": "Node.js", "nodejs": "Node.js",
    "node": "Node.js", "javascript": "JavaScript", "js": "JavaScript", "typescript": "TypeScript",
    ".net": ".NET", "go": "Go", "golang": "Go", "ruby": "Ruby", "c#": "C#",
    "powershell": "PowerShell", "rust": "Rust",
}  # fmt: skip
_LANG = (
    r"(?:node\.js|nodejs|javascript|typescript|java|python|\.net|golang|ruby|c#|powershell|rust)"
)
_LANG_ITEM = rf"{_LANG}(?:\s?\d+(?:\s+and\s+above|\+)?)?"
_LANG_LIST = re.compile(
    rf"(?:\(|\b(?:for|in|written in)\s+)"
    rf"(?P<list>{_LANG_ITEM}(?:\s*(?:,|/|and|or|&)\s*{_LANG_ITEM})*)"
    r"(?:\)|\b|$)",
    re.I,
)


def _languages(text: str, base: dict, *, subject: str) -> list[Candidate]:
    """'10x boost (Java, .NET, Python)' / 'for java 11 and above' also say which languages."""
    m = _LANG_LIST.search(text)
    # "Java (Java 8 compatible)" in a list of languages is a name, not a claim about languages.
    if not m or re.fullmatch(rf"\W*{_LANG}\W*", text[: m.start()], re.I):
        return []
    names = []
    for part in re.split(r"\s*(?:,|/|\band\b(?!\s+above)|\bor\b|&)\s*", m.group("list")):
        if word := re.match(rf"{_LANG}", part.strip(), re.I):
            rest = part.strip()[word.end() :].strip()
            rest = re.sub(r"\s*and above$", "+", rest)
            names.append(_LANGUAGE_NAMES[word.group().lower()] + (f" {rest}" if rest else ""))
    if not names:
        return []
    value = ", ".join(dict.fromkeys(names))
    return [
        Candidate(
            kind="key_value", text=text, subject=subject, attribute="languages", value=value, **base
        )
    ]
