"""Stages 2-3 for HTML: parse robustly, then render the visible page as lines in one pass.

The rendering skips what never carries text (scripts, widgets, hidden menus) and, in the same
walk, notes what later stages need: the line span of every element (so an element's lines and
its prose weight are a slice and a subtraction), the CMS body containers and the headings.
The walk is iterative (``iterwalk``), never recursive: a page nested 10,000 levels deep costs
time proportional to its size and cannot blow the stack.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from . import markers
from .textutil import punct_count, squash

# Block-level tags: each starts a new line of text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul "
    "caption html title".split())
CELL_TAGS = frozenset(("td", "th"))
# Inline elements never hold a whole article: the walk keeps no line span for them.
INLINE_TAGS = frozenset("a abbr b big br cite code em font i img label small span strong sub sup u".split())
# Inline elements that hold a label ('<label>索引号</label><span>…</span>'): end with a tab.
LABEL_TAGS = frozenset(("label",))
# A stray </html> or </body> early in the page makes libxml2 drop the rest: remove them all.
_CLOSERS = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)

_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                               recover=True, default_doctype=False)


class Line(NamedTuple):
    """One rendered block of text: ``link`` characters of it sit inside <a>, ``punct`` counts
    the Chinese punctuation outside links (the prose signal)."""
    text: str
    link: int = 0
    punct: int = 0


def parse(text: str):
    """Parse HTML text into an lxml tree; returns None when nothing parseable is left."""
    text = _XML_DECL.sub("", text.replace("\x00", ""))
    text = _CLOSERS.sub("", text)
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Classes that hide an element (AngularJS renders ng-hide; Bootstrap sr-only ...).
_HIDDEN_CLASSES = frozenset(("hide", "hidden", "ng-hide", "sr-only", "visually-hidden", "invisible"))
def fragment(markup: str):
    """Some HTML, parsed into one <div> holding it; None when nothing parseable is in it."""
    root = parse(markup)
    body = root.find("body") if root is not None else None
    if body is None:
        return None
    body.tag = "div"   # the parser's <body>, all of the fragment, becomes its holder
    return body


_DROP = frozenset(markers.DROP_TAGS)


def _hidden_inline(node) -> bool:
    """Hidden by an attribute or an inline style (checked on every element: cheap tests first)."""
    if node.get("hidden") is not None:
        return True
    style = node.get("style")
    return bool(style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style))


@lru_cache(maxsize=8192)   # a page repeats a few dozen (tag, class, id) triples thousands of times
def _judge(tag: str, cls: str, ident: str) -> tuple[bool, bool, int | None]:
    """(hidden by a class, heading-like, rank among the CMS body containers or None)."""
    hides = bool(cls) and not _HIDDEN_CLASSES.isdisjoint(cls.split())
    heading = tag in _HEADING_TAGS or "title" in cls.lower() or "title" in ident.lower()
    return hides, heading, _container_rank(tag, cls, ident)


# markers.CONTAINERS as a lookup table: (attribute, value) -> rank
_CONTAINER_RANK = {(attr, value): rank for rank, (attr, value) in enumerate(markers.CONTAINERS)}
_ID_PREFIXES = [(value, rank) for (attr, value), rank in _CONTAINER_RANK.items() if attr == "id^"]


_TAG_RANK = {value: rank for (attr, value), rank in _CONTAINER_RANK.items() if attr == "tag"}


def _container_rank(tag: str, cls: str, ident: str) -> int | None:
    table = _CONTAINER_RANK
    ranks = [table[("class", t)] for t in cls.split() if ("class", t) in table]
    if ident:
        if ("id", ident) in table:
            ranks.append(table[("id", ident)])
        ranks += [rank for prefix, rank in _ID_PREFIXES if ident.startswith(prefix)]
    if ("tag", tag) in table:
        ranks.append(table[("tag", tag)])
    return min(ranks) if ranks else None


_HEADING_TAGS = frozenset(("h1", "h2", "h3", "ucaptitle"))


def text_of(el) -> str:
    return "".join(el.itertext())


class Rendering:
    """The visible page as lines, with each element's [start, end) span of them."""

    def __init__(self, root, keep_hidden: bool = False):
        self._keep_hidden = keep_hidden
        self.lines: list[Line] = []
        self.span: dict = {}
        self.headings: list = []
        self.containers: list[tuple[int, object]] = []   # (rank in markers.CONTAINERS, element)
        self._walk(root)
        self._prefix = [0]
        for line in self.lines:
            self._prefix.append(self._prefix[-1] + line.punct)

    def lines_of(self, el) -> list[Line]:
        start, end = self.span.get(el, (0, 0))
        return self.lines[start:end]

    def weight(self, el) -> int:
        """Punctuation outside links in the element's lines: where the prose is."""
        start, end = self.span.get(el, (0, 0))
        return self._prefix[end] - self._prefix[start]

    # -- the walk --

    def _walk(self, root) -> None:
        # The hottest loop of the library (every element of every page passes here): state is
        # kept in locals, attributes are read once, each element's class and id are judged by
        # one cached call, and adding text is written out inline rather than called.
        walker = etree.iterwalk(root, events=("start", "end"))
        span, lines, headings, containers = self.span, self.lines, self.headings, self.containers
        skipped = set()
        in_link = 0
        cells: list = []       # the table cells the walk is in, innermost last
        data_cell: dict = {}   # cell -> is it a data table's (its paragraphs stay on the row's line)
        keep_hidden = self._keep_hidden
        buf: list[str] = []      # the pieces of the line being built
        plain: list[str] = []    # those outside links (the prose signal)
        linked: list[str] = []   # those inside links
        for event, node in walker:
            tag = node.tag
            if event == "start":
                if tag.__class__ is not str or tag in _DROP:
                    walker.skip_subtree()
                    skipped.add(node)
                    continue
                keys = node.keys()
                if keys:
                    hides, heading, rank = _judge(tag, node.get("class") or "", node.get("id") or "")
                    if not keep_hidden and (hides or (("style" in keys or "hidden" in keys)
                                                      and _hidden_inline(node))):
                        walker.skip_subtree()
                        skipped.add(node)
                        continue
                else:  # most elements carry no attribute at all: judge the tag alone
                    heading, rank = tag in _HEADING_TAGS, _TAG_RANK.get(tag)
                if tag in BLOCK_TAGS or tag == "br":
                    if cells and _in_data_cell(cells[-1], data_cell):
                        buf.append(" ")
                    elif buf:
                        _flush(buf, plain, linked, lines)
                elif tag in CELL_TAGS:
                    buf.append("\t")
                    cells.append(node)
                elif tag == "a":
                    in_link += 1
                if tag not in INLINE_TAGS:  # only boxes can hold an article: spans for them
                    span[node] = len(lines)
                if heading:
                    headings.append(node)
                if rank is not None:
                    containers.append((rank, node))
                text = node.text
                # leading white space of a line (the indentation between tags) is dropped
                if text and (buf or not text.isspace()):
                    buf.append(text)
                    (linked if in_link else plain).append(text)
                continue
            if node not in skipped:   # a skipped element opened nothing: only its tail counts
                if tag == "a":
                    in_link -= 1
                elif tag in BLOCK_TAGS:
                    if cells and data_cell.get(cells[-1]):
                        buf.append(" ")
                    elif buf:
                        _flush(buf, plain, linked, lines)
                elif tag in CELL_TAGS or tag in LABEL_TAGS:
                    buf.append("\t")
                    if cells and node is cells[-1]:
                        cells.pop()
                if tag not in INLINE_TAGS:
                    span[node] = (span[node], len(lines))
            text = node.tail
            if text and node is not root and (buf or not text.isspace()):
                buf.append(text)
                (linked if in_link else plain).append(text)
        _flush(buf, plain, linked, lines)


DATA_CELL_CHARS = 80


def _in_data_cell(cell, known: dict) -> bool:
    """Judged once per cell, and only for a cell that holds a block (most hold bare text)."""
    if cell not in known:
        known[cell] = _data_cell(cell)
    return known[cell]


def _data_cell(cell) -> bool:
    """A cell of a data table (an indicator table pasted from Word puts a <p> in every cell): short
    text and no table inside.  A layout table's cell holds a whole article, whose paragraphs stay
    lines of their own."""
    size = 0
    for text in cell.itertext():
        size += len(text.strip())
        if size > DATA_CELL_CHARS:
            return False
    return cell.find(".//table") is None


def _flush(buf: list[str], plain: list[str], linked: list[str], lines: list[Line]) -> None:
    """End the line being built: append it (if it has text) and empty the buffers."""
    text = squash("".join(buf))
    if text:
        link = sum(len(piece.strip()) for piece in linked) if linked else 0
        punct = punct_count("".join(plain)) if plain else 0
        lines.append(Line(text, min(link, len(text)), punct))
    buf.clear()
    plain.clear()
    linked.clear()
