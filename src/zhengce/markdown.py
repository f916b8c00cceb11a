"""Markdown renderings of a whole page (Jina Reader, Firecrawl, markdownify …), turned back into
the plain-text dump the text path reads, keeping what the markup said.

    Title: 某市人民政府办公室关于…的通知_市政府办文件_某市人民政府
    URL Source: https://www.example.gov.cn/zwgk/t20260410_3386215.html
    Published Time: 2026-04-10T16:35:00+08:00

    Markdown Content:
    当前位置：[首页](https://…) > [政务公开](https://…)
    | 索引号 | 11659201MB0D41726P/2026-00087 | 主题分类 | 城乡建设 |
    | --- | --- | --- | --- |

Links become their text (and are kept as (text, url), for attachments), images go, a table row
becomes its cells separated by tabs (as an HTML table row renders), bold and heading marks go,
and list markers become the bullets of a text dump.
"""
from __future__ import annotations

import re

# The crawler's header lines above 'Markdown Content:'.
_HEADER = re.compile(r"^(?P<key>Title|URL Source|Published Time|Description):[ \t]*(?P<value>.*)$")
_CONTENT_MARK = "Markdown Content:"
# Neither pattern may scan past the next bracket, nor far: on a line of a thousand '[' or
# '[a](' a pattern that could would try each of them to the line's end (quadratic).
# A URL may hold one level of parentheses ('javascript:void(0)').
_URL = r"(?:[^()\[\]\s]|\([^()\[\]\s]{0,100}\)){0,2000}"
_IMAGE = re.compile(rf"!\[[^\[\]\n]{{0,300}}\]\({_URL}(?:\s+\"[^\"\n]{{0,300}}\")?\)")
_LINK = re.compile(rf"\[(?P<text>[^\[\]\n]{{0,300}})\]\((?P<url>{_URL})(?:\s+\"[^\"\n]{{0,300}}\")?\)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")        # a setext heading's underline
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(?P<text>.+?)\1")
_LIST_MARK = re.compile(r"^(?P<indent>\s*)(?:[*+-]|\d{1,3}\.)\s{1,4}(?=\S)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
# Enough of Markdown's marks to tell a Markdown rendering from a w3m or lynx dump.
_MARKS = re.compile(r"\]\((?:https?:|/|javascript:)|^\s*\|.*\|\s*$|^\s*#{1,6}\s", re.M)


def is_markdown(text: str) -> bool:
    head = text[:4000]
    return _CONTENT_MARK in head or len(_MARKS.findall(text[:20000])) >= 10


def to_dump(text: str) -> tuple[list[str], list[tuple[str, str]], dict[str, str]]:
    """(lines of a plain dump, links as (text, url), the crawler's header fields by name:
    'title', 'url source', 'published time')."""
    fields: dict[str, str] = {}
    lines = text.splitlines()
    start = next((i + 1 for i, line in enumerate(lines[:40]) if line.strip() == _CONTENT_MARK), 0)
    for line in lines[:start]:
        if m := _HEADER.match(line.strip()):
            fields[m.group("key").lower()] = m.group("value").strip()
    out: list[str] = []
    links: list[tuple[str, str]] = []
    for line in lines[start:]:
        if _TABLE_RULE.match(line) or _UNDERLINE.match(line):
            continue
        out.append(_plain(line, links))
    return out, links, fields


def _plain(line: str, links: list[tuple[str, str]]) -> str:
    line = _IMAGE.sub("", line)

    def link_text(m: re.Match) -> str:
        text, url = m.group("text").strip(), m.group("url")
        if text and url and not url.startswith(("javascript:", "#")):
            links.append((text, url))
        return text

    line = _LINK.sub(link_text, line)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        line = "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
    line = _HEADING_MARK.sub("", line)
    line = _EMPHASIS.sub(lambda m: m.group("text"), line)
    line = _LIST_MARK.sub(lambda m: m.group("indent") + "  • ", line)
    return _ESCAPE.sub(r"\1", line)
