"""``extract(page)``: the pipeline, stage by stage.

    decode -> parse and render the visible page as lines (HTML) or split lines (text dump)
           -> find the article -> select its lines
           -> gather evidence (meta tags, 信息公开 block, labels, breadcrumb, footer)
           -> one extractor per field, then actions and targets -> PolicyRecord
"""
from __future__ import annotations

import re

from . import content, decode, dom, fields, markdown, markers, meta
from .dom import Line
from .fields import Evidence
from .goals import find_targets
from .measures import find_actions, stated_count
from .record import PolicyRecord
from .textutil import cjk_count, norm, squash

_BOX_ONLY = re.compile(r"^[\s─━┌┐└┘├┤┬┴┼═╔╗╚╝╠╣╦╩╬│┃║+\-=]*$")
_BULLET = markers.BULLET
# Beyond this many characters of markup we read only the head of the page: articles sit in the
# first few hundred KB, and parse time and memory grow with the rest (a 20 MB page stays bounded).
MAX_MARKUP = 3_000_000
MAX_TEXT_LINES = 50_000
HIDDEN_ARTICLE_PUNCT = 10   # below this much visible prose, look at what the page hides
_SCRIPT_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]{200,}")


def extract(page: bytes | str, *, url: str | None = None, charset: str | None = None,
            commitments: bool = True) -> PolicyRecord:
    """Turn one crawled page (HTML in any encoding, or a plain-text dump) into a PolicyRecord.

    ``charset`` is a hint (an HTTP header's); ``commitments=False`` skips actions and targets.
    Raises ``ExtractionError`` for input that is not a page at all (binary data, a PDF, an image).
    """
    text = decode.to_text(page, charset)
    content.line_score.cache_clear()   # a memo for this page only: memory stays flat
    if not text.strip():
        return PolicyRecord(url=url)
    if decode.is_html(text):
        ev = _evidence_from_html(text, url)
    else:
        ev = _evidence_from_text(text, url)
    if ev is None:
        return PolicyRecord(url=url)
    return build_record(ev, commitments)


# --- evidence ----------------------------------------------------------------------------------

def _shrink(text: str) -> str:
    """On a huge page, drop what is never text (inline base64 images, scripts, styles) and
    keep the head of the rest; ordinary pages go to the parser untouched."""
    if len(text) <= MAX_MARKUP // 4:
        return text
    text = _DATA_URI.sub("data:,", _SCRIPT_STYLE.sub("", text))
    return text[:MAX_MARKUP]


def _evidence_from_html(text: str, url: str | None) -> Evidence | None:
    text = _shrink(text)
    root = dom.parse(text)
    if root is None:
        return None
    _unpack_stored_markup(root)
    tags = meta.meta_tags(root)
    html_title = squash(root.findtext(".//title") or "")
    url = url or tags.get("url") or tags.get("og:url") or _canonical(root)
    body_el = root.find("body")
    if body_el is None:
        body_el = root
    page = dom.Rendering(body_el)
    if page.weight(body_el) < HIDDEN_ARTICLE_PUNCT and text.count("，") + text.count("。") >= 2 * HIDDEN_ARTICLE_PUNCT:
        # Nearly no visible prose, plenty in the markup: the article is hidden until a script
        # shows it (tabs, 'loading' wrappers). Read the hidden parts too rather than lose it.
        page = dom.Rendering(body_el, keep_hidden=True)
    page_lines = page.lines
    container = _marked_region(text)
    if container is not None:
        article_lines = dom.Rendering(container).lines
    else:
        container = content.find_container(page, body_el)
        parts = content.article_parts(page, container)
        article_lines = [line for part in parts for line in page.lines_of(part)]
        article_lines += _related_line(page, parts[-1])
    headings = [text for text in (_heading_text(h, page) for h in page.headings[:200]) if text]
    links = [(squash(dom.text_of(a)), a.get("href") or "") for a in _link_scope(container).iter("a")]
    ev = Evidence(lines=[ln.text for ln in page_lines], body=[], meta=tags, html_title=html_title,
                  headings=headings, links=links, url=url)
    ev.info = meta.info_block(ev.lines)
    title = fields.title(ev)
    ev.body = content.select_body(article_lines, title)
    # a page with a heading of its own is an index only if its article box is one too: a news
    # item beside sidebars of dated links (热点新闻, 通知公告) is not
    ev.list_like = lambda strong=False: (content.is_list_page(page.lines, strong) and
                                         (not strong or content.is_list_page(article_lines)))
    ev.title_hint = title
    return ev


_STORED_MARKUP = re.compile(r"<(?:p|div|table|br|span)\b", re.I)


def _unpack_stored_markup(root) -> None:
    """An article kept as escaped HTML in a hidden <textarea> (or a <script type="text/html">
    template) for a script to inject, the page showing only '正文加载中': the markup takes the
    store's place, so it is read as the page a browser ends up showing."""
    for store in root.iter("textarea", "script"):
        if store.tag == "script" and "html" not in (store.get("type") or ""):
            continue
        markup = store.text or ""
        if len(_STORED_MARKUP.findall(markup)) < 3 or markup.count("，") + markup.count("。") < 4:
            continue
        holder = dom.fragment(markup)
        if holder is not None:
            holder.tail = store.tail
            store.getparent().replace(store, holder)


_RELATED = re.compile(r"^(?:相关文件|相关政策|政策原文|原文链接)\s*[:：]\s*\S")


def _related_line(page, container) -> list[Line]:
    """'相关文件：…' printed just below the article box names the policy an interpretation
    explains: it belongs to the text (as the corpus gold has it where it sits inside)."""
    _, end = page.span.get(container, (0, 0))
    for line in page.lines[end:end + 3]:
        if _RELATED.match(line.text):
            return [Line(line.text, 0, line.punct)]
    return []


def _heading_text(el, page) -> str | None:
    """A heading's text, or None for a headline that links elsewhere (lists, home pages).

    A title broken over lines by <br> is joined again; a line of 发布时间/来源 that a template
    put inside the heading is left out.
    """
    # a heading that is a block has lines of its own; a cell or inline title shares its line
    lines = [ln.text for ln in page.lines_of(el)] or [squash(dom.text_of(el))]
    text = "".join(line for line in lines if not content.is_label_line(line)).replace("\t", "")
    if not text or len(text) > 200:
        return None
    for a in (*el.iterancestors("a"), *el.iter("a")):   # iter() starts with el itself
        if len(squash(dom.text_of(a))) >= 0.8 * len(text):
            return None
    return text


def _canonical(root) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href")
    return None


_MARKERS = [(word, re.compile(b, re.I), re.compile(e, re.I)) for word, b, e in markers.MARKER_PAIRS]


def _marked_region(text: str):
    """The element built from the HTML between CMS marker comments, when a page has them."""
    for word, begin, end in _MARKERS:
        if word not in text:
            continue
        b = begin.search(text)
        if not b:
            continue
        e = end.search(text, b.end())
        if not e:
            continue
        region = dom.parse(f"<html><body><div>{text[b.end():e.start()]}</div></body></html>")
        if region is not None:
            div = region.find("body/div")
            if div is not None and cjk_count(dom.text_of(div)) >= 20:
                return div
    return None


def _link_scope(container):
    """Attachments sit in the article or right after it: look in the container's parent."""
    parent = container.getparent()
    return parent if parent is not None and parent.tag != "html" else container


def _evidence_from_text(text: str, url: str | None) -> Evidence:
    raw = []
    fields: dict[str, str] = {}
    if markdown.is_markdown(text):    # Jina Reader and the like: links, tables, a header
        lines, links, fields = markdown.to_dump("\n".join(text.splitlines()[:MAX_TEXT_LINES]))
    else:
        lines, links = _numbered_links(text.splitlines()[:MAX_TEXT_LINES])
    for line in _unwrapped(lines):
        if _BOX_ONLY.match(line) and line.strip():
            continue
        line = squash(re.sub(r"\s*[│┃║]\s*", "\t", line)) if "│" in line or "┃" in line else squash(line)
        if line:
            raw.append(line)
    plain = [_BULLET.sub("", ln) for ln in raw]
    ev = Evidence(lines=raw, body=[], url=url or fields.get("url source"), links=links,
                  html_title=fields.get("title", ""))  # bullets kept: breadcrumb steps
    ev.info = meta.info_block(plain)
    title = _dump_title(raw, plain)
    ev.body = _dump_body(raw, plain, title)
    if ev.body and (not title or _date_line_follows(plain, ev.body[0])):
        # no date line, or one printed at the article's foot: the title is above the text
        above = _title_above(raw, plain, ev.body[0])
        if above and above != title:
            title = above
            ev.body = _dump_body(raw, plain, title)
    ev.headings = [title] if title else []
    ev.list_like = lambda strong=False: content.is_list_page([Line(ln) for ln in raw], strong)
    ev.title_hint = title
    return ev


_PARAGRAPH_END = re.compile(r"[。！？；：:!?;」』”）)]\s*$")
_ITEM_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|第[一二三四五六七八九十]+[条章])")


def _unwrapped(lines: list[str]) -> list[str]:
    """A dump hard-wrapped at a fixed width (most long lines the same length, breaking inside
    sentences: '…新改建农村户用卫' / '生厕所2600户，…') has its paragraphs joined back; any
    other dump is left as it is."""
    lengths = [len(ln.rstrip()) for ln in lines if len(ln.rstrip()) >= 20]
    if len(lengths) < 10:
        return lines
    width = max(set(lengths), key=lengths.count)
    at_width = [ln for ln in lines if abs(len(ln.rstrip()) - width) <= 1]
    if len(at_width) < 0.4 * len(lengths) or sum(bool(_PARAGRAPH_END.search(ln)) for ln in at_width) > 0.3 * len(at_width):
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line.strip() and not _ITEM_START.match(line):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
        joining = abs(len(out[-1].rstrip()) - width) <= 1 or (joining and len(line.rstrip()) >= width - 1)
        joining = joining and not _PARAGRAPH_END.search(line)
    return out


_LINK_MARK = re.compile(r"\[(\d{1,5})\]")
_REFERENCES = re.compile(r"^\s*(?:References|Visible links:?)\s*$")
_REFERENCE = re.compile(r"^\s*(\d{1,5})\.\s+(\S+)\s*$")


def _numbered_links(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """A lynx-style dump numbers every link in the text ('附件：1.[38]汇总表') and lists their
    URLs at its end under 'References'.  Returns the lines without the numbers and the list,
    and the links as (text, url): a link's text runs to the next number or the line's end."""
    start = next((i for i in range(len(lines) - 1, -1, -1) if _REFERENCES.match(lines[i])), None)
    if start is None:
        return lines, []
    urls = {m.group(1): m.group(2) for line in lines[start + 1:] if (m := _REFERENCE.match(line))}
    if not urls:
        return lines, []
    links = []
    for line in lines[:start]:
        marks = list(_LINK_MARK.finditer(line))
        for m, end in zip(marks, [n.start() for n in marks[1:]] + [len(line)]):
            if m.group(1) in urls:
                links.append((line[m.end():end].strip(), urls[m.group(1)]))
    return [_LINK_MARK.sub("", line) for line in lines[:start]], links


def _dump_body(raw: list[str], plain: list[str], title: str | None) -> list[str]:
    """The article of a text dump: after the title's date line, where the dump has one (menus
    rendered above it can hold more prose than a short article), else wherever the prose is."""
    whole = content.select_body([Line(ln) for ln in raw], title)
    anchor = next((i for i, ln in enumerate(plain) if _DATE_LABEL_LINE.search(ln) and len(ln) < 120), None)
    if anchor is None:
        return whole
    after = content.select_body([Line(ln) for ln in raw[anchor + 1:]], title)
    size = sum(map(len, after))
    return after if size >= 200 or size >= 0.5 * sum(map(len, whole)) else whole


_DATE_LABEL_LINE = re.compile(r"(?:^|\s)(?:发布日期|发布时间|时间|日期)\s*[:：]\s*(?:19|20)\d{2}")


def _dump_title(raw: list[str], plain: list[str]) -> str | None:
    """In a text dump the title is the heading line next to the first date line: just above it,
    or, where the dump put the widgets first, a little below it."""
    for i, line in enumerate(plain):
        if _DATE_LABEL_LINE.search(line) and len(line) < 120:
            near = [*range(i - 1, max(-1, i - 8), -1), *range(i + 1, min(len(raw), i + 20))]
            candidates = [raw[j] for j in near if _plausible_title(raw[j])]
            # a line that ends the way document titles end (…通知, …公开表) beats a bare name
            named = [c for c in candidates if fields.genre_and_kind(c)[0]]
            if named or not candidates:
                return (named or [None])[0]
            # a title with a subtitle under it (副题): two heading lines stacked above the date
            j = raw.index(candidates[0])
            if j == i - 1 and j > 0 and _plausible_title(raw[j - 1]):
                return raw[j - 1]
            return candidates[0]
    return None


def _date_line_follows(plain: list[str], first_paragraph: str) -> bool:
    """True when the first date line comes after the article has begun."""
    key = norm(first_paragraph)
    for line in plain:
        if _DATE_LABEL_LINE.search(line) and len(line) < 120:
            return False
        if norm(line) == key:
            return True
    return False


def _title_above(raw, plain, first_paragraph: str) -> str | None:
    key = norm(first_paragraph)
    for i, line in enumerate(plain):
        if norm(line) == key:
            for j in range(i - 1, max(-1, i - 12), -1):
                if _plausible_title(raw[j]):
                    return raw[j]
            break
    return None


_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")   # '来源：…', '发布机构：…'
_REPEATED = re.compile(r"^(.{2,}?)\1+$")   # 'ABCABCABC': a menu's text and its tooltips


def _plausible_title(line: str) -> bool:
    return (not _BULLET.match(line) and 6 <= cjk_count(line) <= 80 and len(line) <= 120
            and not line.rstrip().endswith(("。", "：", ":", "；")) and not content.is_boilerplate(line)
            and not line.startswith("[") and not _REPEATED.match(line.replace(" ", ""))
            and not _LABEL.match(line) and not _DATE_FIRST.match(line)
            and not _DATE_LABEL_LINE.search(line))


# '2025-07-08  县人民政府办公室  【大 中 小】': a title never opens with a full date
_DATE_FIRST = re.compile(r"\s*(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")


# --- fields ------------------------------------------------------------------------------------

# '关于废止和修改部分市政府规范性文件的决定': its items name the documents it repeals or amends
_CHANGES_DOCUMENTS = re.compile(r"废止|修改|修订|清理|撤销|宣布失效")
# '《某市人民政府办公室关于…的通知》政策解读' heading a second document in the same box
_APPENDED_INTERPRETATION = re.compile(r"^\s*(?:关于)?《[^《》]{4,100}》的?(?:政策)?解[读讀]\s*$")


def _without_appended_interpretation(body: list[str], title: str | None) -> list[str]:
    """A policy page that prints its 解读 below it (after an <hr>) holds two documents: the record
    is the policy's, and the 解读 restates it; its text stays out (actions, figures, titles)."""
    if title and ("解读" in title or "解讀" in title):
        return body
    for i, line in enumerate(body):
        if i >= 3 and _APPENDED_INTERPRETATION.match(line):
            return body[:i]
    return body


def build_record(ev: Evidence, commitments: bool = True) -> PolicyRecord:
    title = ev.title_hint
    ev.body = _without_appended_interpretation(ev.body, title)
    crumbs = meta.breadcrumb(ev.lines)
    column = ev.meta.get("columnname") or (crumbs[-1] if crumbs else None)
    if column and (len(column) > 40 or column.isdigit()):
        column = crumbs[-1] if crumbs else None
    if title and any(norm(title) == norm(other) for other in (column, ev.meta.get("sitename")) if other):
        title = None  # a column or home page names itself, it is not an article
    kind, genre = fields.kind(ev, title, column)
    if kind == "list":
        # an index page: the dates, numbers and bodies on it belong to the documents it lists
        title, ev.body, ev.info, ev.links = None, [], {}, []
        ev.meta = {k: v for k, v in ev.meta.items() if k in ("sitename", "siteidcode", "columnname")}
    title_index = _index_of(ev.lines, title)
    published = fields.publish_date(ev, title_index) if kind != "list" else None
    issued = fields.issue_date(ev, published, title_index) if kind not in ("news", "list") else None
    site_code = ev.meta.get("siteidcode")
    if not (site_code and meta.SITE_CODE.match(site_code)):
        site_code = meta.site_code_in(ev.lines)
    source = _source(ev, title_index) if kind != "list" else None
    body_text = "\n".join(ev.body)
    year = int((issued or published or "0")[:4]) or None
    commitments = commitments and kind != "list" and genre not in markers.ACCOUNT_GENRES
    # a notice's numbered parts (项目名称, 中标信息 …) inform: only a part headed as measures counts
    # (a 征求意见 notice may print the draft in full); a 批复's items approve: nothing counts
    measures = (commitments and bool(body_text) and genre not in markers.REPLY_GENRES
                and not (genre == "决定" and _CHANGES_DOCUMENTS.search(title or "")))
    # a rule's articles and (一)(二) conditions are not measures either: a part headed as measures only
    explicit = kind == "notice" or _document_genre(title) in markers.RULE_GENRES
    actions = tuple(find_actions(body_text, explicit_only=explicit)) if measures else ()
    stated = stated_count(body_text) if measures and (kind != "notice" or actions) else None
    site = (ev.meta.get("sitename") or meta.site_from_title(ev.html_title, title)
            or meta.site_from_footer(ev.lines))
    return PolicyRecord(
        url=ev.url,
        site=site,
        site_code=site_code,
        column=column,
        kind=kind,
        genre=genre,
        title=title,
        publish_date=published,
        issue_date=issued,
        doc_number=fields.doc_number(ev, title_index),
        issuers=tuple(_as_signed(name, ev.body)
                      for name in fields.with_place(fields.issuers(ev, title, kind), title, site)),
        source=source,
        body=body_text,
        actions=actions,
        actions_stated=stated,
        targets=(tuple(find_targets(body_text, year=year, normative=_sets_requirements(kind, title)))
                 if commitments and body_text else ()),
        references=tuple(fields.references(ev.body)),
        attachments=tuple(fields.attachments(ev)),
    )


_ISSUED = re.compile(r"(?:印发|转发|发布|公布)\s*《(?P<name>[^《》]{2,80})》")
_EXPLAINED = re.compile(r"《(?P<name>[^《》]{2,80})》")   # an interpretation's title names its policy


def _as_signed(name: str, body: list[str]) -> str:
    """An issuer as its signature prints it, where that is fuller: the title's '泺西区教育局'
    signed '淩州市泺西区教育局'."""
    for line in body[-6:]:
        line = line.strip()
        if line != name and line.endswith(name) and _PLACE_PREFIX.fullmatch(line[:-len(name)]):
            return line
    return name


# what a signature adds in front of a body's name: its place ('淩州市'), never another body
_PLACE_PREFIX = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|自治区|市|州|盟|地区)")


def _document_genre(title: str | None, issued=None) -> str | None:
    """The genre of the document a page carries: the one '关于印发《…办法》的通知' issues."""
    if not title:
        return None
    issued = issued or _ISSUED.search(title)
    return fields.genre_and_kind(issued.group("name") if issued else title)[0]


def _sets_requirements(kind: str, title: str | None) -> bool:
    """A policy that sets requirements for a period (通知, 意见, 方案, 要点 …): a bound in its text is
    a target without 力争 or a deadline.  Not a rule (条例, 办法, 细则, 通告 …), whose bounds are
    thresholds every case must meet; '关于印发《…管理办法》的通知' issues a rule."""
    if kind not in ("policy", "interpretation") or not title:
        return False
    issued = _ISSUED.search(title) or (kind == "interpretation" and _EXPLAINED.search(title))
    if kind == "interpretation" and not issued:
        return False
    genre = _document_genre(title, issued)
    # a rule's bounds are thresholds every case must meet; a reply answers, it sets no goals
    return genre not in markers.RULE_GENRES and genre not in markers.REPLY_GENRES


def _index_of(lines: list[str], title: str | None) -> int | None:
    if not title:
        return None
    key = norm(title)
    keys = [norm(line) for line in lines]
    tests = (lambda k: k == key,
             lambda k: key in k and len(k) <= 1.5 * len(key),
             lambda k: len(k) >= 6 and k in key)
    for test in tests:
        for i, k in enumerate(keys):
            if test(k):
                return i
    return None


def _source(ev: Evidence, title_index: int | None) -> str | None:
    """The 来源 line near the title (or at the article's end), else the ContentSource tag."""
    start = max(0, (title_index or 0) - 10)
    for window in (ev.lines[start:start + 60], ev.lines):
        found = meta.labelled_value(window, markers.SOURCE_LABELS)
        if found and len(found[1]) <= 40 and not re.search(r"[“”\"。]", found[1]):
            return found[1]
    return ev.meta.get("contentsource") or (ev.info.get("source") if ev.info else None)
