"""Formulas a note states, and questions it folds away, as cards the author meant.

Pure. A line that is a formula and nothing else ('$$A = \\pi r^2$$', '$dV = r\\,dr$') states a
result when its left side names a quantity ('\\text{Area of parallelogram} = …'), or when it
stands where a note states results: in a theorem's, definition's or formula's callout
(`lexicon.STATING_CALLOUTS`), or first under a heading that names what it gives. It is asked by
its left side, 'dV = ?' -> 'r dr dθ dz', under the block's title as context. A formula in
running prose ('Since F is path-independent, we know: $$…$$') is a step of a derivation and is
not asked, nor is a derivation's chain ('& = …' rows, three or more '='). What cannot be read in
Unicode stays TeX, and its card is held back (decks.quality), so nothing unreadable is dealt.

A folded question callout ('> [!question]- What is the load factor?' over '$$\\alpha = n/m$$')
is a card the author wrote: its body is the hidden answer.
"""

from __future__ import annotations

import re

from studyapp.text import lexicon
from studyapp.text.formulas import plain_formula
from studyapp.text.names import generic_heading, named_by_position

from .candidates import Candidate
from .extract_claims import LineFields
from .parse import Item

# A line that is one formula: '$$…$$' or '$…$', after an arrow or '⇒' that leads it in, with
# at most an aside after it ('$$W = Fd,$$where F is …', '$x = 2$ (by symmetry)').
_LEAD = r"(?:(?:\$\\implies\$|\$\\Rightarrow\$|→|⇒|->|=>|&|%)\s*)?"
_WHOLE = re.compile(
    rf"^{_LEAD}(?:\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$]+)\$)\s*(?P<aside>(?:[,.;:(]|where\b|with\b|for\b).*)?$",
    re.S,
)
# a leading '\implies' inside the formula itself ('$\implies \Delta V \approx …$')
_INNER_LEAD = re.compile(r"^\s*\\(?:implies|Rightarrow|therefore)\s*")
_ENVIRONMENT = re.compile(r"\\begin\{(?P<env>\w+\*?)\}(?P<body>.*?)\\end\{(?P=env)\}", re.S)
_ROWS_OF = frozenset(
    "align align* aligned gather gather* gathered equation equation* split".split()
)
# A row break: '\\' as written; markdown reads an escaped backslash, so parse gives '\ '.
_ROW_BREAK = re.compile(r"\\\\|\\(?=\s)")
_RELATION = re.compile(r"(?<![<>!:\\])=(?!=)|\\approx\b|≈")
_NAMED = re.compile(r"^\\(?:text|textrm|mathrm|operatorname)\{(?P<name>[^{}]+)\}$")
MAX_RELATIONS = 2  # 'A = Base · Height = ‖v‖‖w‖ sin θ'; more is a derivation's chain
MAX_LEFT_CHARS = 30  # the left side as read: a name or a symbol, not a whole expression
MAX_NAME_CHARS = 50  # a left side that names its quantity in words ('Volume under the graph …')


def formula_of(text: str) -> str | None:
    """The TeX of a line that is one formula and nothing else (an aside after it allowed)."""
    if "$" not in text:
        return None  # most lines: no formula at all
    m = _WHOLE.match(text.strip())
    if not m:
        return None
    tex = (m.group("display") or m.group("inline") or "").strip()
    if "$" in tex:
        return None  # two formulas with words between them: a sentence, not a formula
    return _INNER_LEAD.sub("", tex).strip() or None


# (an aside may follow it: '$$…$$, where T is the θz-region corresponding to S')
_TRAILING = re.compile(
    r"^(?P<lead>(?:(?!\$\$).){1,200}?)\s*\$\$(?P<display>[^$]+)\$\$\s*"
    r"(?:[.,;]?\s*(?:where|with|for)\b.*|[.,]?)$",
    re.S,
)


def trailing_formula(text: str) -> str | None:
    """The display formula a sentence ends on ('Then $$\\int_C … = …$$', 'The flux of F through
    S is $$…$$'): the sentence leads into the result it states."""
    m = _TRAILING.match(text.strip()) if "$$" in text else None
    return _INNER_LEAD.sub("", m.group("display")).strip() or None if m else None


def equations(tex: str) -> list[tuple[str, str, str]]:
    """Each (left side, relation, right side) the formula states: one, or one per row of an
    aligned system ('x & = r\\cos\\theta \\\\ y & = r\\sin\\theta'); none for a derivation (a
    row continuing the one before, '& = …', or a chain of more than two relations)."""
    env = _ENVIRONMENT.search(tex)
    if env:
        outside = tex[: env.start()] + tex[env.end() :]
        if env.group("env") not in _ROWS_OF or outside.strip():
            return []
        rows = [r for part in _ROW_BREAK.split(env.group("body")) for r in part.split("&&")]
    else:
        rows = [tex]
    found = []
    for row in rows:
        if env:  # an alignment mark; outside an environment '&' is the formula's own ('x & m')
            row = row.replace("&", " ")
        row = row.strip().rstrip(",.;").strip()
        if not row or _NAMED.match(row):
            continue  # '&& \\text{(a number!)}': an aside beside the row, not a row
        split = _split(row)
        if split is not None and split[0] == split[2]:
            continue  # 'z = z': a coordinate that stays as it is states nothing to recall
        if split is None:
            if env:
                return []  # a row with no left side continues a derivation
            continue
        found.append(split)
    return found


def _split(row: str) -> tuple[str, str, str] | None:
    relations = [m for m in _RELATION.finditer(row) if _depth(row, m.start()) == 0]
    if not relations or len(relations) > MAX_RELATIONS:
        return None
    first = relations[0]
    left, right = row[: first.start()].strip(), row[first.end() :].strip()
    if not left or not right:
        return None
    relation = "≈" if first.group() != "=" else "="
    return left, relation, right


def _depth(text: str, at: int) -> int:
    return text[:at].count("{") - text[:at].count("}")


def quantity_name(left: str) -> str | None:
    """'\\text{Area of parallelogram}' -> 'Area of parallelogram': a left side that names a
    quantity in words; None for a symbol ('dV', '\\vec{v} \\times \\vec{w}')."""
    m = _NAMED.match(left.strip())
    if m:
        name = m.group("name").strip()
    elif _NAMED_WITH_SYMBOLS.fullmatch(left.strip()):
        # '\text{Volume under graph of } f \text{ above region } R', '\text{Area}(R)': words
        # with the one-letter symbols they name
        name = re.sub(r"\\(?:text|textrm|mathrm|operatorname)\{([^{}]*)\}", r"\1", left)
        name = re.sub(r"\s+", " ", name).strip()
    else:
        return None
    return name if re.search(r"[A-Za-z]{3,}", name) else None


_NAMED_WITH_SYMBOLS = re.compile(
    r"(?:\\(?:text|textrm|mathrm|operatorname)\{[^{}]*[A-Za-z]{3,}[^{}]*\}\s*)"
    r"(?:\\(?:text|textrm|mathrm|operatorname)\{[^{}]*\}|[A-Za-z](?![A-Za-z])|\([A-Za-z]\)|\s)*"
)


def stated_formula(
    item: Item,
    headings: tuple[str, ...],
    labels: tuple[str, ...],
    *,
    leads: bool,
    led_in: bool = False,
) -> list[Candidate]:
    """The formulas a line states, each a card asked by its left side ('dV = ?'); [] for a line
    that is no formula or a formula of the prose's own working. `led_in`: a sentence ending
    on a display formula counts too (in a stating callout, or with a named left side)."""
    tex = formula_of(item.text) or (trailing_formula(item.text) if led_in else None)
    if tex is None:
        return []
    if any(lexicon.WORKED_EXAMPLE.search(part) for part in (*headings, *labels)):
        return []  # the working of one example ('Step 2: … at (1,0)' inside an example)
    title = labels[-1] if labels else headings[-1] if headings else ""
    stated = item.callout in lexicon.STATING_CALLOUTS or (leads and not labels)
    base = LineFields(headings=headings, labels=labels, line=item.line, emphasis=())
    facts = []
    found = equations(tex)
    defining = item.callout in _DEFINING_CALLOUTS
    if not found and defining and names_result(title) and _stands_alone(tex):
        # '[!def] Upper sum' over '$$\sum_{i,j} M_{ij} \Delta x \Delta y$$': the block
        # defines its title as the formula, written without a left side
        return [
            Candidate(
                kind="qa",
                text=f"{title} = ${tex}$",
                attribute=f"{title} = ?",
                value=f"${tex}$",
                **base,
            )
        ]
    for left, relation, right in found:
        name = quantity_name(left)
        if name is None and not (stated and names_result(title)):
            continue  # a symbol asked with no result named around it: a step of the prose
        if computed(left, right):
            continue
        shown = name or plain_formula(left)
        if shown is None or len(shown) > (MAX_NAME_CHARS if name else MAX_LEFT_CHARS):
            continue  # a left side that does not read, or a whole expression
        asked = f"{name} {relation} ?" if name else f"${left}$ {relation} ?"
        facts.append(
            Candidate(
                kind="qa",
                text=f"${left} {relation} {right}$",
                attribute=asked,
                value=f"${right}$",
                **base,
            )
        )
    return facts


_DEFINING_CALLOUTS = frozenset("def defn definition formula equation".split())


def _stands_alone(tex: str) -> bool:
    """A whole formula with no relation in it, short and readable once written out."""
    if re.search(r"=|<|>|\\(?:leq|geq|le|ge|neq|approx|equiv|sim|implies|iff)\b", tex):
        return False
    shown = plain_formula(tex)
    return shown is not None and 3 <= len(shown) <= MAX_STANDALONE_CHARS


MAX_STANDALONE_CHARS = 60

_DISPLAY = re.compile(r"\$\$\s*(.+?)\s*\$\$", re.S)


def names_result(title: str) -> bool:
    """A block title a formula's card can be asked under: it names something ('Computing
    integrals in cylindrical coordinates', 'Ohm's law'), not a generic heading, a step or a
    position ('Step 2', 'Part (b)'), nor a premise's label ('If', 'Given')."""
    words = re.findall(r"[A-Za-z]{3,}", title)
    if not words or generic_heading(title) or named_by_position(title):
        return False
    return not lexicon.WORKED_PREMISE.match(title.strip()) and title.strip().lower() != "if"


# a function at given numbers ('f_y(1,0)', 'T(10)'): a value of one case, not a formula
_AT_NUMBERS = re.compile(r"[\w}]\s*\(\s*-?[\d.]+(?:\s*,\s*-?[\d.]+)*\s*\)")
_LETTER = re.compile(r"[A-Za-z]")


def computed(left: str, right: str) -> bool:
    """A value worked out for one case, not a formula: a function at given numbers ('f_y(1,0)
    = 2(0) = 0'), or a working that ends on a bare number ('01101_2 = 0 × 2^4 + … = 13')."""
    if _AT_NUMBERS.search(left) and not _LETTER.search(_COMMANDS.sub("", right)):
        return True
    last = right.split("=")[-1]
    return "=" in right and not _LETTER.search(_COMMANDS.sub("", last))


_COMMANDS = re.compile(r"\\[A-Za-z]+")  # '\\frac', '\\cdot': markup, not letters of the value
MAX_FOLDED_LINES = 4
MAX_FOLDED_WORDS = 40


def folded_answer(item: Item) -> tuple[str, str] | None:
    """A folded question callout's title and the answer its body hides ('What is the load
    factor?' / '$\\alpha = \\frac{n}{m}$; where n is the number of keys …'): the body's first
    lines, formulas as inline formulas, short enough to recall."""
    if not (item.folded and item.callout in lexicon.QUESTION_CALLOUTS):
        return None
    question = item.text.strip().strip("*_ ")
    if not question.endswith(("?", ":")) or len(question.split()) < 2:
        return None
    lines = [c.text.strip() for c in item.children if c.text.strip()][:MAX_FOLDED_LINES]
    if not lines:
        return None
    said = [_DISPLAY.sub(r"$\1$", t) for t in lines]  # a display formula is asked inline
    if any(t.endswith("?") or " ? " in f" {t} " for t in said):
        return (
            None  # 'Syntax is ugly; ? How did we declare …': the body asks on, it answers nothing
        )
    answer = "; ".join(t.rstrip(".") for t in said)
    if len(answer.split()) > MAX_FOLDED_WORDS:
        answer = said[0].rstrip(".")
        if len(answer.split()) > MAX_FOLDED_WORDS:
            return None
    return question.rstrip(":"), answer
