"""Stages 4-5: find where the article is, and keep its lines once, without the furniture.

Two signals, in order of trust:
1. the CMS body containers and marker comments of markers.py (TRS, Hanweb, UCAP ...);
2. a structural one that works on sites nobody has seen: prose is where Chinese sentence
   punctuation is, outside links. We descend from <body> while one child holds most of it.
Whatever the container, its lines then go through ``select_body``: the best-scoring run of
prose lines (Kadane's maximum-sum segment), so that a title, share bar or footer caught in the
container falls away, and a page rendered twice (normal and 长辈版) yields its article once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import markers
from .dom import Line
from .meta import INFO_LABEL as _INFO_LABEL
from .textutil import cjk_count, norm, punct_count

DESCEND_SHARE = 0.7     # descend while one child holds this share of the prose
MIN_CONTAINER_PUNCT = 3  # a CMS container with less prose than this is an empty shell

_ENUM_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|"
                        r"\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百\d]+[条章节])")
_BULLET = markers.BULLET
# the same pattern on the stdlib engine, which matches it at a line's start twice as fast
INFO_LABEL = re.compile(_INFO_LABEL.pattern)
_IMG_TOKEN = re.compile(r"^\[[^\]]{0,40}\](?:\s*\[[^\]]{0,40}\])*$")
_LABEL_LINE = re.compile(r"^(?:发布日期|发布时间|时间|日期|来源|信息来源|文章来源|作者|撰稿|供稿|"
                         r"发布者|发布机构|点击|浏览|阅读)\s*[:：]")


# --- where is the article ---------------------------------------------------------------------

def descend(rendering, start):
    """The smallest element that still holds most of the page's prose."""
    node = start
    while True:
        total = rendering.weight(node)
        children = [c for c in node if c in rendering.span]
        if not children or total == 0:
            return node
        best = max(children, key=rendering.weight)
        if rendering.weight(best) < DESCEND_SHARE * total:
            return node
        node = best


def find_container(rendering, start):
    """The element that holds the article; ``start`` (the <body>) when nothing better is known."""
    guess = descend(rendering, start)
    guess_weight = rendering.weight(guess)
    for rank in sorted({rank for rank, _ in rendering.containers}):
        found = [el for r, el in rendering.containers
                 if r == rank and rendering.weight(el) >= MIN_CONTAINER_PUNCT]
        if found:
            best = max(found, key=rendering.weight)
            # A CMS box that misses much of the prose (an article split across boxes) loses to
            # the structural guess; one inside the guess or around it is the sharper answer.
            if rendering.weight(best) >= 0.5 * guess_weight:
                return best
    return guess


def article_parts(rendering, container) -> list:
    """The container and the boxes of its kind printed right beside it that carry prose too: a
    template may print a notice and the document it issues in two sibling boxes (same class,
    or ids zoom / zoom2), and the structural guess keeps only the larger."""
    kind = _box_kind(container)
    if not kind:
        return [container]
    before, after = [], []
    for siblings, out in ((container.itersiblings(preceding=True), before),
                          (container.itersiblings(), after)):
        for el in siblings:
            if not (_box_kind(el) & kind and rendering.weight(el) >= MIN_CONTAINER_PUNCT):
                break
            out.append(el)
    return [*reversed(before), container, *after]


def _box_kind(el) -> set:
    """(tag, class token) and (tag, id without its number) pairs: what makes two boxes alike."""
    if not isinstance(el.tag, str):
        return set()
    tokens = set((el.get("class") or "").split())
    if el.get("id"):
        tokens.add("#" + el.get("id").rstrip("0123456789"))
    return {(el.tag, token) for token in tokens}


# --- is it an index page -----------------------------------------------------------------------

_ITEM_DATE = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}|(?<!\d)\d{1,2}[-/.月]\d{1,2}日?\s*$")
LIST_MIN_ITEMS = 5


def list_items(lines: list[Line]) -> int:
    """Entries of a list: a link (or a bullet) carrying a title, with a date on its line or, as
    a search result prints it, on one of the next three lines (文号 · 发布机构 · 日期)."""
    count = 0
    for i, ln in enumerate(lines):
        text = ln.text
        # a link holding a title, alone or in a table row beside its number and date
        linked = (ln.link >= 8 and ln.link >= 0.3 * len(text)) or _BULLET.match(text)
        if not (linked and cjk_count(text) >= 6):
            continue
        if _ITEM_DATE.search(text) or _dated_below(lines[i + 1:i + 4]):
            count += 1
    return count


def _dated_below(lines: list[Line]) -> bool:
    """A date on one of these lines, before the next entry's title link."""
    for ln in lines:
        if ln.link >= 8 and ln.link >= 0.3 * len(ln.text) and cjk_count(ln.text) >= 6:
            return False
        if _ITEM_DATE.search(ln.text):
            return True
    return False


def is_list_page(lines: list[Line], strong: bool = False) -> bool:
    """Dated entries hold their own against the prose (a summary under each entry is prose too).

    ``strong`` asks for more: an index that outweighs the prose even where the page has a
    heading of its own (a 信息公开目录 page is titled after its column).
    """
    items = list_items(lines)
    prose = sum(1 for ln in lines if ln.punct >= 2 and ln.link < 0.5 * len(ln.text))
    if strong:
        return items >= 2 * LIST_MIN_ITEMS and items >= prose
    return items >= LIST_MIN_ITEMS and items >= 0.5 * prose


# --- which lines are the article --------------------------------------------------------------

def is_label_line(text: str) -> bool:
    """'发布时间：…', '来源：…': a line of page metadata."""
    return bool(_LABEL_LINE.match(text))


def is_boilerplate(text: str) -> bool:
    return markers.is_boilerplate_line(text) or bool(markers.FOOTER_STRONG.search(text))


_SENTENCE_PUNCT = re.compile(r"[，。；、！？,;]")


def is_menu(text: str) -> bool:
    """'首页 政务公开 办事服务 互动交流': many short words side by side, no sentence."""
    words = text.split()
    return len(words) >= 4 and len(text) / len(words) < 9 and not _SENTENCE_PUNCT.search(text)


def is_prose(text: str, cjk: int | None = None) -> bool:
    if cjk is None:
        cjk = cjk_count(text)
    if is_menu(text):
        return False
    return (cjk >= 12 and _SENTENCE_PUNCT.search(text) is not None) or cjk >= 30 or (
        bool(_ENUM_HEAD.match(text)) and cjk >= 4) or (cjk >= 4 and text.rstrip().endswith(("。", "！", "？")))


BARRIER = float("-inf")  # a footer or 上一篇/相关链接 line: the article never runs across it


# A text dump's lines are scored two or three times (the whole dump, the part after its date
# line, again once the title is known), and its article appears twice: remember the scores
# while one page is read (pipeline.extract empties this memo before each page; the bound keeps
# memory flat for a caller that scores lines without extract).
@lru_cache(maxsize=1 << 16)
def line_score(line: Line, title_key: str | None = None) -> float:
    text = line.text
    if title_key and norm(text) in title_key:
        return -5
    if markers.FOOTER_STRONG.search(text) or markers.BODY_END.match(text):
        return BARRIER
    if markers.is_boilerplate_line(text) or _IMG_TOKEN.match(text):
        return -30
    if _BULLET.match(text):
        return -15
    if line.link and line.link >= 0.6 * len(text) and len(text) - line.link < 4:
        return -max(8, cjk_count(text))
    if INFO_LABEL.match(text) or _LABEL_LINE.match(text):
        return -3
    cjk = cjk_count(text)
    if is_prose(text, cjk):
        return cjk + 5 * punct_count(text)
    if markers.FOOTER_WEAK.search(text):
        return -40
    # short plain text (a table cell, a signature): weakly content, unlike a link or a widget
    return 0.5 if cjk >= 6 else -2


def best_segment(scores: list[float]) -> tuple[int, int]:
    """Kadane: the [start, end) run of lines with the largest total score (first one on ties).

    A BARRIER score ends any run, so a segment never spans a footer.
    """
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, s in enumerate(scores):
        if s == BARRIER:
            run = 0.0
            continue
        if run <= 0:
            run, start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def select_body(lines: list[Line], title: str | None = None) -> list[str]:
    """The article's paragraphs from a container's (or a whole text dump's) lines."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    title_key = norm(title) if title else None
    start, end = best_segment([line_score(ln, title_key) for ln in lines])
    if start == end:
        return []
    start = _extend_head(lines, start)
    end = _extend_tail(lines, end)
    out = []
    for i, ln in enumerate(lines[start:end]):
        # table rows keep their cells apart with tabs: indicator tables are read from them
        text = "\t".join(cell.strip() for cell in ln.text.split("\t") if cell.strip())
        if not text or is_boilerplate(text) or _IMG_TOKEN.match(text):
            continue
        if title_key and norm(text) == title_key:
            continue
        if _LABEL_LINE.match(text) and len(text) < 80 and not is_prose(text.split("：", 1)[-1]):
            continue
        out.append(text)
    return _dedupe_paragraphs(out)


def _extend_head(lines, start):
    """Take back a 主送机关 line ('各区县人民政府：') the segment just missed, and the caption
    under a report's or a law's title ('——2025年1月8日在…会议上', '（…会议通过）') with the
    speaker's line after it."""
    i = start
    while i > 0 and start - i < 2:
        text = lines[i - 1].text
        if text.rstrip().endswith(("：", ":")) and cjk_count(text) >= 4 and not is_boilerplate(text) \
                and not _LABEL_LINE.match(text):
            i -= 1
        else:
            break
    for k in range(i - 1, max(-1, i - 4), -1):
        if markers.CAPTION.match(lines[k].text.strip()):
            between = [ln.text for ln in lines[k + 1:i]]
            if all(len(t) <= 30 and not _SENTENCE_PUNCT.search(t) for t in between):
                return k
            break
    return i


def _extend_tail(lines, end):
    """Take the signature block (issuer lines, then the date) that follows the last prose line,
    with the 附件 and contact lines between; those alone, with no signature after them, may be
    the page's footer and are left out."""
    j, signed = end, end
    attached = end > 0 and lines[end - 1].text.lstrip().startswith("附件")   # 附件：1.… ended it
    while j < len(lines) and j - end < 8:
        text = lines[j].text.strip()
        if (markers.DATE_ONLY_LINE.match(text) or markers.is_org_line(text)
                or text.startswith(("（此件", "(此件"))):
            j += 1
            signed = j
        elif _DOC_TAIL.match(text) or (attached and _ITEM_NUMBER.match(text)):
            # an attachment link (and the numbered ones under it) or a contact line
            attached = attached or text.startswith("附件")
            j += 1
        else:
            break
    return signed


_ITEM_NUMBER = re.compile(r"^\d{1,2}\s*[.．、]")
_DOC_TAIL = re.compile(r"^(?:附件|联系人|联系电话|咨询电话|联系方式|电\s*话|传\s*真|(?:电子)?邮\s*箱|电子信箱|"
                       r"(?:通讯|通信)?地\s*址|邮政编码)\s*\d*\s*[:：]")


def _dedupe_paragraphs(paragraphs: list[str]) -> list[str]:
    seen = set()
    out = []
    for p in paragraphs:
        key = norm(p)
        if len(key) >= 8 and key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out
