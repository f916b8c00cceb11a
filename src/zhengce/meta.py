"""What the page says about itself: meta tags, labelled lines, the 信息公开 block, breadcrumb,
footer. Each function reads the page's rendered lines (HTML or text dump alike) and returns raw
strings; fields.py decides between them.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import re as stdlib_re   # scans plain alternations of literal words 3x faster than regex
import regex as re        # variable-width lookbehind (the 信息公开 labels)

from . import markers
from .textutil import nfkc, squash

# Meta names we read, lower-cased (sites vary the case: pubdate, contentSource ...).
META_NAMES = ("sitename", "sitedomain", "siteidcode", "columnname", "columntype", "articletitle",
              "pubdate", "contentsource", "url", "firstpublishedtime", "keywords", "description",
              "generator", "og:title", "og:url")
SITE_CODE = re.compile(r"^(?:bm\d{8}|\d{10})$")
_SITE_CODE_IN_TEXT = re.compile(r"标识码\s*[:：]?\s*(bm\d{8}|\d{10})(?!\d)", re.I)
_CRUMB = re.compile(r"^\s*(?:[•·]\s*)?(?:当前位置|您(?:现在)?的位置|您当前的位置|您所在的位置|所在位置|"
                    r"当前栏目|位置)\s*[:：]\s*(?P<rest>.*)$")
# A breadcrumb without its label: '首页 > 专题报道 > 新闻发布会'.
_BARE_CRUMB = re.compile(r"^\s*(?P<rest>(?:网站首页|首页|主页)\s*(?:>>|>|»|＞|→|›)\s*.+)$")
_BULLET = markers.BULLET
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|»|＞|→|›|/|\\)\s*|\t")
_CRUMB_SKIP = re.compile(r"^(?:正文|详情|内容|详细内容|文章内容|阅读文章|首页|网站首页)$")
# A value ends where the next 'label:' begins.
_LABEL_WORDS = ("文章类型|类型|作者|记者|通讯员|编辑|责任编辑|审核|发布时间|发布日期|时间|日期|来源|"
                "信息来源|浏览次数|浏览量|浏览|点击数|点击量|点击|阅读次数|阅读量|阅读|字号|字体|访问次数|访问量|"
                "发布机构|摄影|分享")
_NEXT_LABEL = re.compile(rf"\s*(?:\t|\s{{2,}}|\s(?=[^\s:：]{{2,10}}\s*[:：])|"
                         rf"(?=(?:{_LABEL_WORDS})\s*[:：]))")


def meta_tags(root) -> dict[str, str]:
    """name -> content for the meta tags we know, first valid value wins."""
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if name not in META_NAMES or name in out:
            continue
        value = squash(el.get("content") or "")
        if value and not markers.PLACEHOLDERS.match(value):
            out[name] = value
    return out


def _label_pattern(labels) -> str:
    # '索引号' also matches '索 引 号': sites pad labels with spaces to align them.
    return "|".join(r"\s*".join(map(re.escape, lab)) for lab in sorted(labels, key=len, reverse=True))


@lru_cache(maxsize=64)
def _labelled(labels: tuple[str, ...]):
    return re.compile(rf"(?<![\u4e00-\u9fff])(?:{_label_pattern(labels)})\s*[:：]\s*(?P<v>.*)")


@lru_cache(maxsize=64)
def _labelled_in_run(labels: tuple[str, ...]):
    """A label right after another pair's value, the spans run together:
    '发布者：综合与规划科来源：某市生态环境局…'."""
    return re.compile(rf"[:：][^:：]{{1,40}}?(?:{_label_pattern(labels)})\s*[:：]\s*(?P<v>.*)")


def labelled_value(lines: list[str], labels, *, start: int = 0) -> tuple[int, str] | None:
    """The first 'label：value' in lines[start:], as (line index, value)."""
    pattern, in_run = _labelled(tuple(labels)), _labelled_in_run(tuple(labels))
    for i in range(start, len(lines)):
        m = pattern.search(lines[i]) or in_run.search(lines[i])
        if m:
            value = _cut_value(m.group("v"))
            if value:
                return i, value
    return None


def _cut_value(value: str) -> str:
    value = _NEXT_LABEL.split(value.strip(), maxsplit=1)[0]
    value = re.split(r"[【\[]", value, maxsplit=1)[0]
    return value.strip(" \t|｜,，;；。】]")   # '【信息来源：…】': the bracket closes the label's box


# --- the 信息公开 block ------------------------------------------------------------------------

_INFO_ALL = [(field, lab) for field, labs in markers.INFO_LABELS.items() for lab in labs]
# A label ends with a colon, a cell break or the line; '[发文字号]' and '【成文日期】' bracket it.
_INFO_RE = re.compile(
    r"(?:(?<=^|[\t|｜\s])|(?<=[\u4e00-\u9fff\d)）]\s?))(?P<open>[\[【]\s*)?(?P<label>"
    + _label_pattern([lab for _, lab in _INFO_ALL])
    + r")\s*(?:(?(open)[\]】]\s*[:：]?|(?!))|[:：]|\t|$)")
# Any label at all: a cheap first test (its alternatives open with literals, so the engine skips
# through a line at C speed), most lines of a page have none.
_INFO_ANY = stdlib_re.compile(_label_pattern([lab for _, lab in _INFO_ALL]))
# A line that opens with a 信息公开 label ('索 引 号：…'): metadata, not prose.
INFO_LABEL = re.compile(r"^\s*(?:" + _label_pattern([lab for _, lab in _INFO_ALL]) + r")\s*[:：\t]")
_WS = re.compile(r"\s")
_INFO_FIELD = {_WS.sub("", lab): field for field, lab in _INFO_ALL}
INFO_MIN_LABELS = 3     # fewer distinct labels than this is running text, not a block
INFO_WINDOW = 16        # lines a block may span


def info_block(lines: list[str]) -> dict[str, str]:
    """Fields of the 信息公开 metadata block, by label, whatever its layout (table, dl, spans)."""
    # a label is followed by a colon or a cell break, or stands alone on a short line
    hits = [(i, m) for i, line in enumerate(lines[:4000])
            if len(line) < 400 and (len(line) <= 12 or "：" in line or ":" in line or "\t" in line)
            and _INFO_ANY.search(line)
            for m in _INFO_RE.finditer(line)]
    starts = [i for i, _ in hits]
    best: dict[str, str] = {}
    for k, (i, _) in enumerate(hits):
        window = hits[k:bisect_left(starts, i + INFO_WINDOW)]   # the hits of the next lines
        fields = _read_block(lines, window)
        if len(fields) >= INFO_MIN_LABELS and len(fields) > len(best):
            best = fields
    return best


def _read_block(lines, hits) -> dict[str, str]:
    fields: dict[str, str] = {}
    for n, (i, m) in enumerate(hits):
        field = _INFO_FIELD.get(_WS.sub("", m.group("label")))
        if not field or field in fields:
            continue
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        end = nxt[1].start() if nxt and nxt[0] == i else len(lines[i])
        value = lines[i][m.end():end].strip(" \t:：|｜")
        if not value and i + 1 < len(lines) and not (nxt and nxt[0] == i + 1 and nxt[1].start() == 0):
            value = lines[i + 1].strip() if not _INFO_RE.match(lines[i + 1]) else ""
        fields[field] = squash(value.replace("\t", " "))
    return {k: v for k, v in fields.items() if v}


# --- breadcrumb, footer ------------------------------------------------------------------------

def breadcrumb(lines: list[str]) -> list[str]:
    """The steps of the 当前位置 line (or of the short lines under a bare 当前位置：)."""
    for i, line in enumerate(lines):
        m = _CRUMB.match(line) or _BARE_CRUMB.match(line)
        if not m:
            continue
        steps = [s for s in _CRUMB_SPLIT.split(m.group("rest")) if s.strip()]
        if len(steps) < 2:  # steps rendered as a list under the label
            bulleted = bool(_BULLET.match(lines[i + 1])) if i + 1 < len(lines) else False
            for nxt in lines[i + 1:i + 10]:
                step = _BULLET.sub("", nxt).strip(" >»")
                if not step or len(step) > 24 or _CRUMB.match(nxt) or (bulleted and not _BULLET.match(nxt)):
                    break
                steps.append(step)
        steps = [s.strip() for s in steps if s.strip() and not _CRUMB_SKIP.match(s.strip())]
        if steps:
            return steps
    return []


def site_code_in(lines: list[str]) -> str | None:
    for line in reversed(lines):
        m = _SITE_CODE_IN_TEXT.search(nfkc(line))
        if m:
            return m.group(1)
    return None


_SITE_WORDS = re.compile(r"网|政府|门户|在线|中国")


def site_from_title(html_title: str | None, article_title: str | None) -> str | None:
    """'文章标题_某某市人民政府门户网站': the part of <title> that names the site."""
    parts = [p.strip() for p in re.split(r"\s*(?:[_|｜]|--|－－|——)\s*|\s+[-—–－]\s+", html_title or "") if p.strip()]
    if not parts:
        return None
    key = re.sub(r"\s", "", article_title or "")
    for part in dict.fromkeys((parts[-1], parts[0])):
        compact = re.sub(r"\s", "", part)
        if len(compact) <= 20 and _SITE_WORDS.search(part) and compact != key and key not in compact:
            return part
    return None


def site_from_footer(lines: list[str]) -> str | None:
    """The 主办单位 of the footer: a labelled line near a strong footer marker (ICP备, 标识码)."""
    footer = [i for i, line in enumerate(lines) if markers.FOOTER_STRONG.search(line)]
    for i, line in enumerate(lines):
        if not any(abs(i - j) <= 6 for j in footer):
            continue
        found = labelled_value([line], markers.SITE_LABELS)
        if found and 2 < len(found[1]) <= 40:
            return found[1]
    return None
