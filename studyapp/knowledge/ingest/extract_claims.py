"""What a statement also says besides itself: acronym definitions ('Elastic Network Interface
(ENI)'), capability claims ('No network access'), measures ('sub-ms latency') and programming
languages ('(Java, .NET, Python)'), each as an extra candidate a comparison can line up.

Pure and per line. `base` is the candidate fields every reading of the line shares (headings,
labels, line, emphasis): a LineFields.
"""

from __future__ import annotations

import re
from typing import TypedDict

from studyapp.text import lexicon
from studyapp.text.patterns import may_match
from studyapp.text.quantities import first_quantity

from .candidates import Candidate


class LineFields(TypedDict):
    """The Candidate fields every reading of one line shares, splatted into each Candidate."""

    headings: tuple[str, ...]
    labels: tuple[str, ...]
    line: int
    emphasis: tuple[str, ...]


_ACRONYM_DEF = re.compile(r"\b(?P<acr>[A-Z][A-Za-z]{1,5}[A-Z])\s*\((?P<exp>[A-Z][\w&/ -]{3,60})\)")


# The words a measure, a capability claim or a language list needs: a line with none of them
# (nearly every line) is read for none of the three.
_CLAIM_WORDS = lexicon.MEASURE_NEEDS + lexicon.CLAIM_NEEDS + lexicon.LANGUAGE_NEEDS


def may_claim(text: str) -> bool:
    """False when `measures`, `claims` and `languages` can find nothing in the line."""
    return may_match(text, _CLAIM_WORDS)


def acronym_definitions(text: str, base: LineFields) -> list[Candidate]:
    """ "Network Load Balancer (NLB)" and "ENI (Elastic Network Interface)" define their acronym."""
    out: list[Candidate] = []
    if "(" not in text:
        return out  # both readings need the bracket
    for m in _ACRONYM_DEF.finditer(text):
        if _initials_match(m.group("acr"), m.group("exp")):
            out.append(_definition(m.group("acr"), m.group("exp"), base))
    for m in lexicon.EXPANSION_THEN_ACRONYM.finditer(text):
        exp = _trim_expansion(m.group("exp"), m.group("acr"))
        if exp:
            out.append(_definition(m.group("acr"), exp, base))
    return out


def _definition(term: str, meaning: str, base: LineFields) -> Candidate:
    fields: LineFields = {**base, "emphasis": (term,)}  # the acronym is the emphasised term
    return Candidate(
        kind="definition",
        text=f"{term}: {meaning}",
        subject=term,
        attribute=term,
        value=meaning.strip(),
        **fields,
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


CLAIM_LINE_WORDS = 10  # a capability line is short
CLAIM_LEAD_WORDS = 2  # and opens with the claim ('Has network access', 'No file system access')


def claims(text: str, base: LineFields) -> list[Candidate]:
    """Capabilities a statement asserts, as attributes a comparison can line up: 'Network access
    to use external services' -> network access: yes; 'Scales to 1000s of requests/second' ->
    scale: thousands of requests/s; 'Author your functions in one AWS Region (us-east-1)'."""
    out: list[Candidate] = []
    if not may_match(text, lexicon.CLAIM_NEEDS):
        return out

    def claim(attribute: str, value: str) -> None:
        out.append(Candidate(kind="key_value", text=text, attribute=attribute, value=value, **base))

    # A claim is what a short line opens with ('No network access', 'Supports file system
    # access'); the same words deep in a sentence ('configure security groups to control network
    # access to your broker') claim nothing.
    short = len(text.split()) <= CLAIM_LINE_WORDS
    access, pattern = lexicon.ACCESS_CLAIM
    for m in pattern.finditer(text):
        if not short or len(text[: m.start()].split()) > CLAIM_LEAD_WORDS:
            continue
        kind = "file system" if m.group(2).lower().startswith("file") else m.group(2).lower()
        claim(f"{kind} {access}", "No" if m.group(1) else "Yes")
    attribute, pattern = lexicon.BODY_ACCESS_CLAIM
    if body := pattern.search(text):
        claim(attribute, "No" if body.group(1) else "Yes")
    attribute, pattern = lexicon.REGION_CLAIM
    if region := pattern.search(text):
        claim(attribute, region.group(1))
    attribute, pattern = lexicon.SCALE_CLAIM
    if scale := pattern.search(text):
        amount = lexicon.SCALE_AMOUNTS.get(scale.group(1).lower(), scale.group(1).lower())
        claim(attribute, f"{amount} of requests/s")
    return out


_NAME_BEFORE = re.compile(r"\b[A-Z][\w-]*\s$")  # a capitalised word right before a number


def measures(text: str, base: LineFields, *, subject: str) -> list[Candidate]:
    """'Lightweight JS (sub-ms latency)' also says: latency = sub-ms."""
    out: list[Candidate] = []
    if not may_match(text, lexicon.MEASURE_NEEDS):
        return out
    for m in lexicon.MEASURE.finditer(text):
        if _NAME_BEFORE.search(text[: m.start()]):
            continue  # 'Route 53 latency records', 'Windows 10 startup': a name's number
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


def languages(text: str, base: LineFields, *, subject: str) -> list[Candidate]:
    """'10x boost (Java, .NET, Python)' / 'for java 11 and above' also say which languages."""
    m = lexicon.LANGUAGE_LIST.search(text) if may_match(text, lexicon.LANGUAGE_NEEDS) else None
    # "Java (Java 8 compatible)" in a list of languages is a name, not a claim about languages.
    if not m or re.fullmatch(rf"\W*{lexicon.LANGUAGE}\W*", text[: m.start()], re.I):
        return []
    names = []
    for part in lexicon.LANGUAGE_LIST_SEPARATOR.split(m.group("list")):
        if word := re.match(lexicon.LANGUAGE, part.strip(), re.I):
            rest = part.strip()[word.end() :].strip()
            rest = lexicon.AND_ABOVE.sub("+", rest)
            names.append(
                lexicon.LANGUAGE_NAMES[word.group().lower()] + (f" {rest}" if rest else "")
            )
    if not names:
        return []
    value = ", ".join(dict.fromkeys(names))
    return [
        Candidate(
            kind="key_value",
            text=text,
            subject=subject,
            attribute=lexicon.LANGUAGES_ATTRIBUTE,
            value=value,
            **base,
        )
    ]
