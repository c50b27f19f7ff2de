"""Parse clean note text into an outline: sections (by heading) holding nested items and tables.

Pure: no Django, no I/O. The outline keeps what extraction needs (plain text, emphasised terms,
source lines, nesting) and drops presentation. CommonMark via markdown-it-py, because it nests
2-space, 4-space and tab-indented lists the way people mean them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from studyapp.text import lexicon
from studyapp.text.blanks import fact_sentence, relation_verb
from studyapp.text.names import ACRONYM_WORD


@dataclass
class Item:
    """A list item, or a paragraph; `children` are the items nested under it."""

    text: str
    line: int  # 1-based line in the note
    emphasis: tuple[str, ...] = ()
    children: list[Item] = field(default_factory=list)
    is_paragraph: bool = False
    code: tuple[str, ...] = ()  # inline code spans: '::' or '->' inside them is code, not prose
    ordered: bool = False  # an item of a numbered list (a step, when it starts with a verb)
    # The text's source lines (soft breaks kept): a paragraph of 'Term — meaning' or
    # 'Question::Answer' lines is one line per fact, which extraction splits again.
    lines: tuple[str, ...] = ()
    # An authored card's answer ('**Q:** …' then '**A:** …'), set by extraction on the question.
    answer: str = ""
    # The texts of links to other notes or their sections ('[Terminology](./x.md#terminology)',
    # not a web address): a line of nothing else is an index entry, not a fact.
    links: tuple[str, ...] = ()
    callout_title: bool = False  # a callout's title line: a title, whatever its shape
    # The kind of the innermost callout holding the item, its title too ('thm', 'def',
    # 'question'; '' outside any): extraction reads a formula stated in a theorem's or a
    # definition's callout as the result it names, not as a step of the prose around it.
    callout: str = ""
    # A callout title whose body the note folds away ('> [!question]- …'): the author hid the
    # body as the answer to recall.
    folded: bool = False

    def replaced(self, **changes: object) -> Item:
        """A copy with `changes`, as `dataclasses.replace` makes it (the same field values,
        nothing re-run: Item has no `__post_init__`) but without calling `__init__` with
        every field: extraction copies items tens of thousands of times per note folder."""
        new = object.__new__(Item)
        new.__dict__.update(self.__dict__, **changes)
        return new


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    line: int
    caption: str = ""  # the short paragraph just before the table, if any
    rows_line: int = 0  # the first body row's line; 0: the line after the separator

    def first_row_line(self) -> int:
        return self.rows_line or self.line + 2


@dataclass
class Section:
    title: str  # clean heading text ("AWS Lambda" for "## **2. AWS Lambda**")
    raw_title: str
    level: int  # 0 for text before the first heading
    line: int
    ancestors: tuple[str, ...]  # clean titles of the enclosing headings, outermost first
    items: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


@dataclass
class Outline:
    sections: list[Section]
    front_matter: str = ""

    @property
    def title(self) -> str:
        """The front matter's title, else the first top-level heading as written (emphasis
        dropped), or ''."""
        if m := _FRONT_MATTER_TITLE.search(self.front_matter):
            return m.group(1).strip().strip("'\"").strip()
        for section in self.sections:
            if section.level == 1 and section.raw_title.strip():
                return _EMPHASIS_MARKS.sub("", section.raw_title).strip()
        return ""


_FRONT_MATTER_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M | re.I)


def make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(
        ["table", "strikethrough"]
    )
    md.use(front_matter_plugin)
    return md


_MD = make_parser()

_FENCE = re.compile(r"^\s*(```|~~~)")
# Obsidian's block id at the end of a line ('… the process control block ^1c4a37'): an anchor
# for links, not text. A letter in it, so that a power ('2 ^10') is kept.
_BLOCK_ID = re.compile(r"\s\^(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]{4,}\s*$")
_INDENTED_HEADING = re.compile(r"^[ \t]+(#{1,6}\s)")
_DEEP_HEADING = re.compile(r"^#{7,}\s+")
_OUTLINE_MARKER = re.compile(r"^([ \t]+)(?:\d+(?:\.\d+)+\.?|[a-z]\)|\(?[ivx]{1,4}[.)])[ \t]+(?=\S)")
_INDENTED_BULLET = re.compile(r"^[ \t]+([-*+]|\d+[.)])\s")
_BULLET = re.compile(r"^\s*([-*+]|\d+[.)])\s")
_OBSIDIAN_EMBED = re.compile(r"!\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")
_WIKILINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
_HIGHLIGHT = re.compile(r"(?<!=)==(?=[^=\s])(.+?)(?<=[^=\s])==(?!=)")
# '> [!note] Title', '> [!course-info]-' (folded), '> [!thm]+' (open)
_CALLOUT = re.compile(r"^(\s*(?:>\s*)+)\[!([\w-]+)\](?P<fold>[+-]?)\s*(.*)$")
# Callout types whose body works one exercise through ('> [!example] A cube has sides of 4 cm'):
# its title says so ('Example: …'), so what is asked inside reads as an example's detail
# (lexicon.WORKED_EXAMPLE) and is held back, not dealt as a fact.
_WORKED_CALLOUTS = {
    "example": "Example",
    "exercise": "Exercise",
    "problem": "Problem",
    "solution": "Solution",
}
_SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.I)
_DETAILS = re.compile(r"^\s*</?details[^>]*>\s*$", re.I)


def preprocess(text: str) -> str:
    """Rewrite note dialects into CommonMark, keeping every line on its line number.

    Line numbers are the citations' anchors, so no rewrite may add or remove a line.
    """
    lines = text.split("\n")
    out: list[str] = []
    in_fence = False
    after_paragraph = False  # the previous line is plain paragraph text (not list, not blank)
    in_run = False  # inside a run of indented items hanging under a paragraph
    in_list = False  # the last non-blank line is a list item or indented under one
    in_math = False  # inside a display formula ('$$' on a line of its own, then its rows)
    for line in lines:
        if ("```" in line or "~~~" in line) and _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            after_paragraph = in_run = False
            continue
        if in_fence:
            out.append(line)
            continue
        if in_math or "$" in line:
            line, in_math = _math_kept(line, in_math)
        # Each rewrite below runs only on a line holding the marks it needs: most hold none.
        indented = line[:1] in (" ", "\t")
        # A heading indented under a list item is still meant as a heading.
        if indented and "#" in line:
            line = _INDENTED_HEADING.sub(r"\1", line)
            indented = line[:1] in (" ", "\t")
        # A heading deeper than six levels ('######## SMOTE') is plain text to CommonMark, and
        # its marks were read into the facts; it is meant as the deepest heading.
        if line.startswith("#######"):
            line = _DEEP_HEADING.sub("###### ", line)
        # Outline numbering CommonMark does not know ('1.1', 'a)', 'iv.') indented under a
        # list item is a nested item: written as a bullet, it is no longer lazy paragraph text.
        if in_list and indented and (outline := _OUTLINE_MARKER.match(line)):
            line = f"{outline.group(1)}- {line[outline.end() :]}"
        # Tab/space-indented items right under a plain paragraph ("serverless in aws\n\t- DynamoDB")
        # are a lazy continuation in CommonMark; the author meant a list under that line.
        stripped = line.strip()
        if indented and (after_paragraph or in_run) and _INDENTED_BULLET.match(line):
            line = line.lstrip(" \t") if not in_run else _dedent_one_level(line)
            in_run = True
            stripped = line.strip()
        elif not stripped or not line[:1].isspace():
            in_run = False
        bullet = stripped and _BULLET.match(line)
        if stripped:
            in_list = bool(bullet) or (in_list and line[:1].isspace())
        after_paragraph = bool(stripped) and not bullet and not in_run
        after_paragraph = after_paragraph and not stripped.startswith(("#", "|", ">", "<", "!"))
        if "[" in line:
            line = _dialect_links(line, linked=bool(bullet))
        if "^" in line:
            line = _BLOCK_ID.sub("", line)
        if "==" in line:
            line = _HIGHLIGHT.sub(r"<mark>\1</mark>", line)
        if "[!" in line:
            line = _CALLOUT.sub(_callout_line, line)
        if "<" in line:
            line = _SUMMARY.sub(r"**\1**", line)
            if _DETAILS.match(line):
                line = ""
        out.append(line)
    return "\n".join(out)


def _dialect_links(line: str, *, linked: bool = False) -> str:
    """Obsidian's embeds ('![[x.png]]') as images and its wikilinks as their text; in a list
    item (`linked`), as links to the notes they name, so that an item of nothing but one
    ('- [[Microprocessors]]' in a page of a course's lectures) reads as the index entry it is
    (`Item.links`), as a Markdown link to a note does."""
    if "![[" in line:
        line = _OBSIDIAN_EMBED.sub(
            lambda m: f"![{m.group(1)}](obsidian-embed:{_q(m.group(1))})", line
        )
    if "[[" in line:
        if linked:
            line = _WIKILINK.sub(lambda m: f"[{m.group(2) or m.group(1)}]({_q(m.group(1))})", line)
        else:
            line = _WIKILINK.sub(lambda m: m.group(2) or m.group(1), line)
    return line


_CODE_SPAN = re.compile(r"(`[^`]*`)")
# (closed as formulas._SPAN closes one)
_INLINE_MATH = re.compile(r"(?<!\\)\$[^$\s](?:[^$\n]*?[^$\s])?(?:(?<![-+=])\$(?!\d)|\$(?!\w))")
# a backslash before ASCII punctuation, which Markdown reads as an escape; and the marks it reads
# as emphasis ('\\vec{r}_{x} = … f_{x}' lost both underscores)
_TEX_ESCAPE = re.compile(r"\\(?P<escaped>[!-/:-@\[-`{-~])|(?P<mark>[_*])")


def _math_kept(line: str, in_math: bool) -> tuple[str, bool]:
    """The line with its formulas' TeX kept from Markdown's backslash escapes and emphasis:
    Markdown reads '\\,' as ',' and '\\\\' as '\\', so 'r\\,dr' would reach the card as 'r,dr'
    and an aligned system's row breaks would be lost. Inside '$…$' and '$$…$$' each such
    backslash is doubled, never in code. A display formula may span lines (`in_math` carries
    it): a '$$' opens one only where it starts the line's text or ends the line, so '$\\iff$$v$'
    (two inline formulas side by side) opens nothing."""
    if in_math:
        head, mark, rest = line.partition("$$")
        if not mark:
            return _tex_kept(line), True
        kept, still = _math_kept(rest, False)
        return _tex_kept(head) + "$$" + kept, still
    out: list[str] = []
    for part in _CODE_SPAN.split(line):
        if len(part) > 1 and part.startswith("`") and part.endswith("`"):
            out.append(part)
            continue
        pieces = _DISPLAY_SPAN.split(part)  # '$$…$$' on one line, then the prose between
        for k, piece in enumerate(pieces):
            if k % 2:
                out.append(f"$${_tex_kept(piece)}$$")
                continue
            before, mark, after = piece.partition("$$")
            opens = mark and (_TEXT_START.fullmatch(before) or not after.strip()) and not in_math
            if opens:
                out.append(_INLINE_MATH.sub(lambda m: _tex_kept(m.group()), before))
                out.append("$$" + _tex_kept(after))
                in_math = True
            else:
                out.append(_INLINE_MATH.sub(lambda m: _tex_kept(m.group()), piece))
    return "".join(out), in_math


_DISPLAY_SPAN = re.compile(r"\$\$(.+?)\$\$")
_TEXT_START = re.compile(r"[\s>]*(?:(?:[-*+]|\d+[.)])\s+)?")  # quote and list markers only


def _tex_kept(tex: str) -> str:
    return _TEX_ESCAPE.sub(_escaped, tex)


def _escaped(m: re.Match[str]) -> str:
    """What Markdown reads back as the TeX written: '\\,' -> '\\\\,', '_' -> '\\_'."""
    if m.group("mark"):
        return "\\" + m.group("mark")
    char = m.group("escaped")
    return "\\\\" + ("\\" + char if char in "\\_*" else char)


_DETAILS_OPEN = re.compile(r"<details\b[^>]*>", re.I)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.I)


def details_as_callouts(text: str) -> str:
    """A toggle (`<details><summary>Offer</summary> … </details>`, as Notion exports and
    GitHub notes write it) as the callout it is: its summary the title, everything up to
    `</details>` its body ('> [!details]- Offer', then '> …' lines), nested toggles as nested
    quotes. Without this the summary is a bold line among the section's paragraphs and what the
    toggle explains is read as said of the section's heading. Every line keeps its number."""
    out: list[str] = []
    depth = 0  # toggles open around this line
    in_fence = False
    for line in text.split("\n"):
        if ("```" in line or "~~~" in line) and _FENCE.match(line.lstrip("> ")):
            in_fence = not in_fence
        if in_fence or "<" not in line:
            out.append(_quoted(line, depth))
            continue
        opened = _DETAILS_OPEN.search(line)
        if opened:
            depth += 1
            line = line[: opened.start()] + line[opened.end() :]
            if not line.strip():
                out.append(_quoted("", depth - 1))  # '<details>' alone: the summary follows
                continue
        summary = _SUMMARY.search(line)
        if summary is not None and depth:
            title = summary.group(1).strip() or "Details"
            out.append(_quoted(f"[!details]- {title}", depth))
            continue
        closes = len(_DETAILS_CLOSE.findall(line))
        if closes:
            line = _DETAILS_CLOSE.sub("", line)
            out.append(_quoted(line, depth) if line.strip() else _quoted("", depth - 1))
            depth = max(0, depth - closes)
            continue
        out.append(_quoted(line, depth))
    return "\n".join(out)


def _quoted(line: str, depth: int) -> str:
    """A line inside `depth` toggles, as quoted lines of that depth ('> > text'; '>' blank)."""
    if not depth:
        return line
    return ("> " * depth + line).rstrip() if line.strip() else ">" * depth


def _callout_line(m: re.Match[str]) -> str:
    """A callout's opening line with its title in bold, so that it reads as the title of what
    the callout holds, as a bold line over notes does. A title that states something ('>
    [!important] A read on a pipe blocks until there is something to *read*') is left as
    written: it is a fact of its own, with its own marked terms, and the notes under it go on
    from it (extract reads such a line as a statement over its notes), not a topic named by a
    sentence."""
    title = _callout_title(m)
    if _sentence_title(m.group(2).lower(), m.group("fold"), title):
        return f"{m.group(1)}{title}"
    return f"{m.group(1)}**{title}**"


# A title's own marks, taken off to read its words (emphasis, code, highlight, maths).
_TITLE_MARKS = re.compile(r"==|[*_`$]")


def _sentence_title(kind: str, fold: str, title: str) -> bool:
    """A callout title that is a sentence with a verb ('Endianness is about byte order in
    memory', 'Instruction length is usually constrained by the bus width.'), not a name ('Open
    addressing', 'Theorem 11.8', 'Definite integral of a continuous function'). A worked
    example's or a question's title stays a title, and so does a folded one, whose body the
    author hid to recall."""
    if fold == "-" or kind in _WORKED_CALLOUTS or kind in lexicon.QUESTION_CALLOUTS:
        return False
    plain = _TITLE_MARKS.sub("", title).strip()
    if not fact_sentence(plain) or plain.split()[-1].lower() in lexicon.STOP_WORDS:
        return False  # (a title that runs on into its body: 'A sphere is parameterized by')
    words = re.findall(r"[\w'’]+", plain.lower())
    return plain.endswith(".") or any(_finite_verb(w) for w in words[1:])


# Finite forms of the verbs that light a sentence up ('uses ATP', 'has three parts').
_FINITE_LIGHT_VERBS = frozenset(
    "uses used gets got has had does did makes made helps needs needed goes went".split()
)


def _finite_verb(word: str) -> bool:
    """'is', 'can', 'stores', 'uses', 'regulated', 'became': a verb as a sentence has one (a
    name has none: 'Open addressing', 'Linked lists')."""
    return (
        word in lexicon.SENTENCE_VERBS
        or word in lexicon.MODAL_VERBS
        or word in lexicon.PREDICATE_VERBS
        or word in lexicon.IRREGULAR_PAST
        or word in _FINITE_LIGHT_VERBS
        or (word.endswith(("s", "ed")) and relation_verb(word))
    )


def _callout_title(m: re.Match[str]) -> str:
    """'[!example] A cube …' -> 'Example: A cube …'; '[!note] Remember' -> 'Remember';
    '[!tip]' -> 'Tip'."""
    kind, title = m.group(2).lower(), m.group(4).strip()
    worked = _WORKED_CALLOUTS.get(kind)
    if worked and title and not title.lower().startswith(kind):
        return f"{worked}: {title}"
    return title or m.group(2).title()


def _callout_lines(text: str) -> dict[int, tuple[str, bool]]:
    """The 1-based lines that open a callout ('> [!note] Title'), outside code fences, with
    its kind ('note') and whether it is folded ('[!question]-')."""
    found: dict[int, tuple[str, bool]] = {}
    if "[!" not in text:
        return found  # no line opens one (most notes)
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if ("```" in line or "~~~" in line) and _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and "[!" in line and (m := _CALLOUT.match(line)):
            found[number] = (m.group(2).lower(), m.group("fold") == "-")
    return found


def _q(target: str) -> str:
    # both brackets: an embed named 'Sentience (ASENT)' must stay one link target
    return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _dedent_one_level(line: str) -> str:
    # The run's first item was dedented fully; deeper items keep their extra nesting.
    if line.startswith("\t"):
        return line[1:]
    return line[4:] if line.startswith("    ") else line.lstrip(" ")


# Emphasis and code marks; an underscore inside a word is part of a name ('SEEK_END', 'ROW_NUMBER',
# 'snake_case'), not emphasis.
_EMPHASIS_MARKS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
# An outline's numbering ('2. ', '1.2 ', '3.1.4) '): short numbers, at most three levels, and not
# the start of a range ('1789 – 1799', '10.0.0.0 – 10.255.255.255': a period, an address block).
_NUMBERING = re.compile(
    # (not a number that goes on: '34 0/7 to 36 6/7' weeks is a range, no heading's numbering)
    r"^(?:section\s+\d+\s*[:.\-–]\s*|\d{1,3}(?:\.\d{1,3}){0,2}[.)]?\s+(?![-–—]|to\b|\d))",
    re.I,
)
_EMOJI_AND_SYMBOLS = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u2190-\u21ff\u2300-\u23ff]"
)


@functools.lru_cache(maxsize=1 << 16)  # headings repeat in every candidate's path
def clean_heading(raw: str) -> str:
    """'**2. AWS Lambda**' -> 'AWS Lambda'; 'Section 19: Serverless' -> 'Serverless'."""
    # (each step only where it has something to do: the marks and symbols are rare)
    text = _EMPHASIS_MARKS.sub("", raw) if "*" in raw or "`" in raw or "_" in raw else raw
    if not text.isascii():
        text = _EMOJI_AND_SYMBOLS.sub(" ", text)
    text = " ".join(text.split())  # as `\s+` -> ' ' then strip: the same whitespace
    if "#" in text:  # 'Other torts #law/tort/other': where the note app files it, no name
        text = _untagged(text)
    text = _NUMBERING.sub("", text).strip()
    return text.strip(" :-–—").strip()


_BLANKS = re.compile(r"[ \t]+")


@functools.lru_cache(maxsize=1 << 16)  # an item's text, its terms, and each of its lines
def clean_text(text: str) -> str:
    """Plain text of an item: symbols used as bullets dropped, whitespace collapsed."""
    if not text.isascii():  # the symbols are none of them ASCII
        text = _EMOJI_AND_SYMBOLS.sub(lambda m: "→" if m.group() == "→" else " ", text)
    if "  " in text or "\t" in text:  # else there is no run of blanks to collapse
        text = _BLANKS.sub(" ", text)
    return text.strip()


def parse(text: str) -> Outline:
    if "<details" in text or "<DETAILS" in text:
        text = details_as_callouts(text)
    tokens = _MD.parse(preprocess(text))
    walk = _Walk(tokens, callouts=_callout_lines(text))
    i = 0
    while i < len(tokens):
        i = walk.step(i)
    return Outline(
        sections=[s for s in walk.sections if s.items or s.tables or s.level],
        front_matter=walk.front_matter,
    )


@dataclass
class _Walk:
    """Where the token stream has got to: the sections so far, the open headings, and where the
    next list item or paragraph goes."""

    tokens: list[Token]
    front_matter: str = ""
    sections: list[Section] = field(default_factory=list)
    heading_stack: list[Section] = field(default_factory=list)
    # A stack of item lists: where the next list item or paragraph goes.
    containers: list[list[Item]] = field(default_factory=list)
    current_item: list[Item | None] = field(default_factory=lambda: [None])
    ordered: list[bool] = field(default_factory=lambda: [False])  # the open lists' kinds
    pending_label: Item | None = None  # a paragraph / last item that the next list belongs to
    # Lines that open a callout. A callout is a titled block: its title is one item and all the
    # callout holds is under it, as under a bold line ('> [!thm] Green's theorem' then the
    # statement), so the title is never read as part of the first sentence.
    callouts: dict[int, tuple[str, bool]] = field(default_factory=dict)
    quotes: list[bool] = field(default_factory=list)  # the open blockquotes: a callout's?
    kinds: list[str] = field(default_factory=list)  # the open callouts' kinds, innermost last
    base: int = 1  # the container depth of the innermost open callout's body (1: none)
    untitled: Item | None = None  # a callout's title item, until its first paragraph is read

    def __post_init__(self) -> None:
        root = Section(title="", raw_title="", level=0, line=1, ancestors=())
        self.sections = [root]
        self.containers = [root.items]

    def step(self, i: int) -> int:
        """Read the token at `i`; the index of the next token to read."""
        tokens, tok = self.tokens, self.tokens[i]
        if tok.type == "front_matter":
            self.front_matter = tok.content
        elif tok.type == "heading_open":
            self._heading(i)
            return i + 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            self._list_open()
            self.ordered.append(tok.type == "ordered_list_open")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            self._list_close()
            if len(self.ordered) > 1:
                self.ordered.pop()
        elif tok.type == "list_item_open":
            item = _open_item(tokens, i, self.containers[-1], self.sections[-1].images)
            item.ordered = self.ordered[-1]
            item.callout = self.kinds[-1] if self.kinds else ""
            self.current_item[-1] = item
        elif tok.type == "paragraph_open" and tokens[i - 1].type != "list_item_open":
            self._paragraph(i)
            return i + 3
        elif tok.type == "table_open":
            return self._table(i)
        elif tok.type == "blockquote_open":
            self._quote_open(tok)
        elif tok.type == "blockquote_close":
            self._quote_close()
        elif tok.type in ("fence", "code_block"):
            pass  # code is shown on the note page; it is not a fact
        elif tok.type == "hr":
            self.pending_label = None
        return i + 1

    def _heading(self, i: int) -> None:
        tok, inline = self.tokens[i], self.tokens[i + 1]
        level = int(tok.tag[1])
        while self.heading_stack and self.heading_stack[-1].level >= level:
            self.heading_stack.pop()
        section = Section(
            title=clean_heading(_plain(inline)[0]),
            raw_title=inline.content,
            level=level,
            line=_line(tok),
            ancestors=tuple(s.title for s in self.heading_stack if s.title),
        )
        self.heading_stack.append(section)
        self.sections.append(section)
        self.containers = [section.items]
        self.current_item = [None]
        self.ordered = [False]
        self.pending_label = None
        self.quotes = [False for _ in self.quotes]  # a heading inside a callout ends its block
        self.kinds = []
        self.base = 1

    def _quote_open(self, tok: Token) -> None:
        is_callout = _line(tok) in self.callouts
        self.quotes.append(is_callout)
        if not is_callout:
            return
        kind, folded = self.callouts[_line(tok)]
        self.kinds.append(kind)
        # The title is the quote's first paragraph's first line; _paragraph reads the rest.
        title = Item(
            "", _line(tok), is_paragraph=True, callout=kind, folded=folded, callout_title=True
        )
        self._place(title)
        self.untitled = title
        self.containers.append(title.children)
        self.current_item.append(None)
        self.ordered.append(False)
        self.pending_label = None
        self.base = len(self.containers)

    def _quote_close(self) -> None:
        if not (self.quotes and self.quotes.pop()):
            return
        if self.kinds:
            self.kinds.pop()
        if len(self.containers) > 1:
            self.containers.pop()
        if len(self.current_item) > 1:
            self.current_item.pop()
        if len(self.ordered) > 1:
            self.ordered.pop()
        self.pending_label = None
        self.base = max(1, len(self.containers) if any(self.quotes) else 1)

    def _place(self, item: Item) -> None:
        """Put a paragraph-level item where the walk is: under the open list item, else in the
        innermost container (a section, or a callout's body)."""
        parent = self.current_item[-1] if len(self.containers) > self.base else None
        item.callout = item.callout or (self.kinds[-1] if self.kinds else "")
        (parent.children if parent is not None else self.containers[-1]).append(item)

    def _list_open(self) -> None:
        if len(self.containers) == self.base and self.pending_label is not None:
            self.containers.append(self.pending_label.children)
            self.pending_label = None
        else:
            parent = self.current_item[-1]
            self.containers.append(parent.children if parent is not None else self.containers[-1])
        self.current_item.append(None)

    def _list_close(self) -> None:
        # A heading inside a list item ("- # Title") reset the stacks; never pop below them.
        if len(self.containers) > self.base:
            self.containers.pop()
        last = self.current_item.pop() if len(self.current_item) > 1 else None
        # An item ending in ':' that closes its list owns the next list ("1. Execution:" then
        # a '*' list at the same indentation, as in a real note).
        if len(self.containers) == self.base and last is not None and last.text.endswith(":"):
            self.pending_label = last
        elif len(self.containers) == self.base:
            self.pending_label = None

    def _paragraph(self, i: int) -> None:
        inline = self.tokens[i + 1]
        text, emphasis, images = _plain(inline)
        self.sections[-1].images.extend(images)
        line = _line(self.tokens[i])
        lines = _source_lines(inline)
        title = self.untitled
        if title is not None and line == title.line:
            # A callout's first line is its title; the rest of the paragraph is its body.
            self.untitled = None
            head, _, rest = _plain(inline, soft_breaks=True)[0].partition("\n")
            title.text = clean_text(head)
            # A callout that is all title ('> [!def] A **hash function** maps …') keeps its
            # terms; otherwise each keeps the terms written on its own lines.
            title.emphasis = emphasis if not rest.strip() else _within(emphasis, title.text)
            text, line, lines = clean_text(rest.replace("\n", " ")), line + 1, lines[1:]
            emphasis = tuple(e for e in emphasis if e not in title.emphasis)
        text = _untagged(text)
        if not text:
            return
        item = Item(text, line, emphasis, is_paragraph=True)
        item.code = _code_spans(inline)
        item.links = _note_links(inline)
        item.lines = lines if len(lines) > 1 else ()
        self._place(item)
        if len(self.containers) == self.base:
            self.pending_label = item if len(text) <= 120 else None

    def _table(self, i: int) -> int:
        table, i = _read_table(self.tokens, i)
        section = self.sections[-1]
        label = self.pending_label
        label = label if label is not None and label.is_paragraph else None
        table.caption = label.text if label else table.caption
        if label is not None and label in section.items and not label.children:
            section.items.remove(label)  # "Difference between EC2 and Lambda" names the table
        section.tables.append(table)
        self.pending_label = None
        return i


# A symbol some note apps draw as a bullet's icon ('- & Structs are passed by copy', '- % …',
# '- ! …'): a style, not a word of the line. Not before a number ('- $ 5 a month', '- ~ 30 s');
# '- ? …' stays, the mark of a question the note asks (extract_formats.question_answer).
_BULLET_ICON = re.compile(r"^[&$%!@~]\s+(?=[^\s\d])")
# A note app's tags at the end of a line ('… not embarrassed! #spanish/false-friends'): where
# the note files the line, not what it says. A line of tags only stays, to be told apart as one.
_TRAILING_TAGS = re.compile(r"(?<=\S)(?:\s+#[A-Za-z][\w/-]*)+\s*$")


def _untagged(text: str) -> str:
    """The line without the tags it ends on, when a statement is left ('Tags: #a #b' stays
    whole, a line of tags that extraction tells apart)."""
    rest = _TRAILING_TAGS.sub("", text)
    if rest == text or rest.rstrip().endswith(":") or not re.search(r"[A-Za-z]{3,}", rest):
        return text
    return rest


def _open_item(tokens: list[Token], i: int, container: list[Item], images: list[str]) -> Item:
    # The item's own text is its first paragraph (or nothing for an empty item).
    text = ""
    emphasis: tuple[str, ...] = ()
    if tokens[i + 1].type == "paragraph_open":
        text, emphasis, item_images = _plain(tokens[i + 2])
        text = _untagged(_BULLET_ICON.sub("", text))
        images.extend(item_images)
    item = Item(text, _line(tokens[i]), emphasis)
    if tokens[i + 1].type == "paragraph_open":
        item.code = _code_spans(tokens[i + 2])
        item.links = _note_links(tokens[i + 2])
        item.lines = _source_lines(tokens[i + 2])
    container.append(item)
    return item


def _within(emphasis: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The emphasised terms written in `text`, the whole of it first (a bold title)."""
    inside = [e for e in emphasis if e in text]
    return tuple(sorted(inside, key=lambda e: e != text))


def _line(tok: Token) -> int:
    return (tok.map[0] + 1) if tok.map else 0


def _source_lines(inline: Token) -> tuple[str, ...]:
    """The inline's plain text line by line, split at its soft breaks too; () for one line."""
    if not any(c.type == "softbreak" for c in inline.children or []):
        return ()
    text = _plain(inline, soft_breaks=True)[0]
    return tuple(line.strip() for line in text.split("\n"))


_WEB_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # 'https:', 'mailto:', 'obsidian-embed:'


def _note_links(inline: Token) -> tuple[str, ...]:
    """The texts of the inline's links to other notes or sections ('./x.md#terminology',
    '#mitosis', 'Week%202%20Cases.md'), not to web addresses."""
    texts: list[str] = []
    current: list[str] | None = None
    for child in inline.children or []:
        if child.type == "link_open":
            href = str(child.attrs.get("href", "") or "")
            current = [] if href and not _WEB_ADDRESS.match(href) else None
        elif child.type == "link_close":
            if current is not None and (text := clean_text("".join(current))):
                texts.append(text)
            current = None
        elif current is not None and child.type in ("text", "code_inline"):
            current.append(child.content)
    return tuple(texts)


def _code_spans(inline: Token) -> tuple[str, ...]:
    return tuple(c.content for c in inline.children or [] if c.type == "code_inline")


def _plain(
    inline: Token, *, keep_symbols: bool = False, soft_breaks: bool = False
) -> tuple[str, tuple[str, ...], list[str]]:
    """Plain text of an inline token, the emphasised terms in it, and the images it shows."""
    parts: list[str] = []
    emphasis: list[str] = []
    images: list[str] = []
    # Where an emphasis opened: the number of parts before it (the text is joined only when
    # the emphasis closes, not at every mark).
    strong_start: int | None = None
    mark_start: int | None = None
    em_start: int | None = None
    italics: list[str] = []
    for child in inline.children or []:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append("\n" if kind == "hardbreak" or soft_breaks else " ")
        elif kind == "strong_open":
            strong_start = len(parts)
        elif kind == "strong_close" and strong_start is not None:
            emphasis.append("".join(parts[strong_start:]))
            strong_start = None
        elif kind == "em_open":
            em_start = len(parts)
        elif kind == "em_close" and em_start is not None:
            italics.append("".join(parts[em_start:]))
            em_start = None
        elif kind == "image":
            images.append(unquote(str(child.attrs.get("src", "") or "")))
        elif kind == "html_inline":
            tag = child.content.lower()
            if tag.startswith("<br"):
                parts.append("\n")
            elif tag.startswith("<mark"):
                mark_start = len(parts)
            elif tag.startswith("</mark") and mark_start is not None:
                emphasis.append("".join(parts[mark_start:]))
                mark_start = None
    # Emoji decorate bullets in prose ("📌 Concept"); in a table cell ("❌ Not supported") they
    # carry meaning.
    tidy = (lambda p: _BLANKS.sub(" ", p).strip()) if keep_symbols else clean_text
    joined = "".join(parts)
    text = "\n".join(map(tidy, joined.split("\n"))) if "\n" in joined else tidy(joined)
    if not emphasis and strong_start is None:
        # a line with no bold marks its terms in italics ('stays *pending* until …'), as
        # many outlines do; words in italics for stress ('*not*', '*always*') are no term
        emphasis = [e for e in italics if _italic_term(clean_text(e))]
    terms = tuple(dict.fromkeys(t for t in (clean_text(e) for e in emphasis) if t))
    return text.strip(), terms, images


MAX_ITALIC_TERM_WORDS = 4
_STRESS_WORDS = frozenset(
    "not never no always only must all any every very really same both either neither none"
    " more less most least also even just different whole entire exactly actually which what"
    " who whom whose where when why how"
    # and the noun of a set phrase: 'in *practice*', 'in *theory*', 'in *general*'
    " practice theory general fact".split()
)


def _italic_term(text: str) -> bool:
    words = re.findall(r"[\w'’-]+", text.lower())
    if not 1 <= len(words) <= MAX_ITALIC_TERM_WORDS:
        return False
    if any(w in _STRESS_WORDS for w in words):
        return False
    if ACRONYM_WORD.fullmatch(text.strip()):
        return True  # an acronym ('*ATP*', '*DNS*') is a term however short
    return any(len(w) >= 4 and w not in lexicon.STOP_WORDS for w in words)


MAX_HEADER_WORDS = 6  # a longer cell is a value ('More common in women …'), no column's name


def _reads_as_header(row: list[str]) -> bool:
    """Whether a body row names columns: some cell filled, each short and on one line."""
    cells = [c.strip() for c in row]
    return any(cells) and all("\n" not in c and len(c.split()) <= MAX_HEADER_WORDS for c in cells)


def _read_table(tokens: list[Token], i: int) -> tuple[Table, int]:
    line = _line(tokens[i])
    header: list[str] = []
    rows: list[list[str]] = []
    row: list[str] = []
    in_head = False
    row_lines: list[int] = []
    bold: list[list[bool]] = []  # per body row, whether each cell is all bold
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
            if not in_head:
                row_lines.append(_line(tok))
                bold.append([])
        elif tok.type == "tr_close":
            (header.extend(row) if in_head else rows.append(row))
        elif tok.type == "inline":
            text, emphasis, _images = _plain(tok, keep_symbols=True)
            row.append(text)
            if not in_head:
                bold[-1].append(not text or (bool(emphasis) and emphasis[0] == text))
        i += 1
    # one title cell over the columns, the rest of the header left blank
    titled = len(header) > 1 and bool(header[0].strip()) and not any(h.strip() for h in header[1:])
    if rows and titled and all(bold[0]) and _reads_as_header(rows[0]):
        # A title across the table ('Bacterial causes of diarrhea |  |'), the column names in
        # the first body row, all bold: that row is the header, the title its caption.
        table = Table(rows[0], rows[1:], row_lines[0], rows_line=row_lines[0] + 1)
        table.caption = header[0].strip()
        return table, i + 1
    if rows and not any(h.strip() for h in header) and _reads_as_header(rows[0]):
        # A header row left blank, its names in the first body row (tables pasted from a web
        # page or a question bank often come so): that row is the header.
        return Table(rows[0], rows[1:], row_lines[0], rows_line=row_lines[0] + 1), i + 1
    if _header_shifted(header, rows, bold):
        # The column names written one cell to the left ('| **Glomerular** | **Nonglomerular**
        # | |' over rows led by a bold label): each name belongs over the column right of it,
        # as the unnamed last column every row fills shows.
        header = ["", *header[:-1]]
    return Table(header=header, rows=rows, line=line), i + 1


def _header_shifted(header: list[str], rows: list[list[str]], bold: list[list[bool]]) -> bool:
    """Whether a table's header is one cell left of its columns: every name written but the
    last, the last column filled in every row, and every row led by a bold label (a column of
    row names, which a name over it would not name)."""
    named = [h.strip() for h in header]
    return (
        len(named) >= 3
        and not named[-1]
        and all(named[:-1])
        and bool(rows)
        and all(len(r) == len(named) and r[0].strip() and r[-1].strip() for r in rows)
        and all(b and b[0] for b in bold)
    )
