"""Render a note to safe HTML: CommonMark, line anchors for citations, images never fetched."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3
from django.utils.html import escape
from markdown_it import MarkdownIt

from .ingest.parse import preprocess

# Blocks get id="L<line>" so a citation can link to the very line it cites.
_ANCHORED = {
    "paragraph_open",
    "heading_open",
    "list_item_open",
    "tr_open",
    "blockquote_open",
    "fence",
    "code_block",
}

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "details", "div", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "ol", "p", "pre", "s", "span", "strong",
    "small", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "span": {"role", "aria-label"},
    "ol": {"start"},
}


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

    def anchor_lines(state) -> None:
        for token in state.tokens:
            if token.type in _ANCHORED and token.map:
                token.attrSet("id", f"L{token.map[0] + 1}")

    md.core.ruler.push("anchor_lines", anchor_lines)

    def image(self, tokens, idx, options, env) -> str:
        token = tokens[idx]
        alt = self.renderInlineAsText(token.children or [], options, env) or "image"
        src = token.attrGet("src") or ""
        where = (
            "embedded file"
            if src.startswith("obsidian-embed:")
            else (urlsplit(src).hostname or "unknown host")
        )
        label = f"Image not loaded: {alt} ({where})"
        return (
            f'<span class="placeholder-image" role="img" aria-label="{escape(label)}">'
            f"🖼 {escape(alt)} <small>({escape(where)})</small></span>"
        )

    md.add_render_rule("image", image)
    return md


_MD = _renderer()


def render_note(text: str) -> str:
    """Note text -> sanitised HTML. Raw HTML in notes passes through nh3, which drops scripts,
    event handlers and javascript: links."""
    html = _MD.render(preprocess(text))
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_our_ids_and_classes_only,
    )


_SNIPPET_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_SNIPPET_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}


def render_snippet(text: str) -> str:
    """A short piece of Markdown a person wrote (a question, an explanation) -> sanitised HTML.
    Unlike a note: no line anchors, and no ids, classes or images at all, since many snippets
    share one page and must not pose as its UI."""
    return nh3.clean(
        _SNIPPET_MD.render(text),
        tags=_ALLOWED_TAGS - {"div", "span", "details", "summary"},
        attributes=_SNIPPET_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer nofollow",
    )


def _our_ids_and_classes_only(tag: str, attribute: str, value: str) -> str | None:
    """A note's raw HTML may not pose as our UI: only line anchors and our placeholder class."""
    if attribute == "id":
        return value if re.fullmatch(r"L\d+", value) else None
    if attribute == "class":
        return value if value == "placeholder-image" else None
    return value
