"""Stages 2-3 for HTML: parse robustly, prune what is never text, and render blocks as lines.

Everything here walks the tree iteratively (``iterwalk``), never recursively, so that a page
nested 10,000 levels deep costs time proportional to its size and cannot blow the stack.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html as lxml_html

from . import markers
from .textutil import squash

# Block-level tags: each starts a new line of text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul "
    "caption html title".split())
CELL_TAGS = frozenset(("td", "th"))
# Inline elements that hold a label ('<label>索引号</label><span>…</span>'): end with a tab.
LABEL_TAGS = frozenset(("label",))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hide|hidden|none|ng-hide|sr-only|visually-hidden|invisible)(?:\s|$)", re.I)
# A stray </html> or </body> early in the page makes libxml2 drop the rest: remove them all.
_CLOSERS = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)

_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                               recover=True, default_doctype=False)


@dataclass(frozen=True)
class Line:
    """One rendered block of text; ``link`` counts characters that sit inside <a>."""
    text: str
    link: int = 0
    heading: bool = False


def parse(text: str):
    """Parse HTML text into an lxml tree; returns None when nothing parseable is left."""
    text = _XML_DECL.sub("", text.replace("\x00", ""))
    text = _CLOSERS.sub("", text)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def is_hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = el.get("class")
    return bool(cls and _HIDDEN_CLASS.search(cls))


_HEADING_TAGS = frozenset(("h1", "h2", "h3", "ucaptitle"))


def prune(root) -> list:
    """Remove elements that never carry article text: scripts, forms' widgets, hidden menus.

    Returns the heading-like elements that survive (h1-h3, class or id naming a title): the
    same single pass over the tree serves both jobs.
    """
    doomed, headings = [], []
    drop = markers.DROP_TAGS
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            doomed.append(el)
            continue
        tag = tag.lower()
        if tag in drop or is_hidden(el):
            doomed.append(el)
        elif tag in _HEADING_TAGS or "title" in (el.get("class") or "").lower() \
                or "title" in (el.get("id") or "").lower():
            headings.append(el)
    for el in doomed:
        _drop(el)
    return [h for h in headings if _attached(h, root)]


def _attached(el, root) -> bool:
    """False for an element whose ancestor was pruned."""
    for anc in el.iterancestors():
        if anc is root:
            return True
    return el is root


def text_of(el) -> str:
    return "".join(el.itertext())


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():  # keep the text that follows the removed element
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def render_lines(el, mark=None, span=None) -> list[Line]:
    """Render the subtree as lines: one per block element, table cells joined by tabs.

    With ``mark`` (an element inside ``el``), ``span`` (a list) receives the [start, end) line
    indexes of that element, so one rendering of the page also yields the article's lines.
    """
    lines: list[Line] = []
    buf: list[str] = []
    state = {"link": 0, "in_link": 0, "heading": 0}

    def flush():
        text = squash("".join(buf))
        if text:
            lines.append(Line(text, min(state["link"], len(text)), state["heading"] > 0))
        buf.clear()
        state["link"] = 0

    def add(text):
        if text:
            buf.append(text)
            if state["in_link"]:
                state["link"] += len(text.strip())

    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if event == "start":
            if node is mark:
                flush()
                if span is not None:
                    span.append(len(lines))
            if tag in BLOCK_TAGS:
                flush()
            elif tag in CELL_TAGS:
                buf.append("\t")
            elif tag == "br":
                flush()
            if tag == "a":
                state["in_link"] += 1
            if tag in ("h1", "h2", "h3"):
                state["heading"] += 1
            add(node.text)
        else:
            if tag == "a":
                state["in_link"] -= 1
            if tag in BLOCK_TAGS:
                flush()
                if tag in ("h1", "h2", "h3"):
                    state["heading"] -= 1
            elif tag in CELL_TAGS or tag in LABEL_TAGS:
                buf.append("\t")
            if node is mark:
                flush()
                if span is not None:
                    span.append(len(lines))
            if node is not el:
                add(node.tail)
    flush()
    return lines


def attribute_text(root, xpath: str) -> list[str]:
    return [squash(v) for v in root.xpath(xpath) if isinstance(v, str) and v.strip()]
