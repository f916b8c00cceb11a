"""One small extractor per field (after gne): each takes the evidence gathered by the pipeline
and returns a value or None. Where sources disagree, SCHEMA.md's rules decide: printed text over
meta tags, the document's own title and signature over the 信息公开 block's 发文机关.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin

import regex as re

from . import dates, markers
from .record import Attachment
from .textutil import cjk_count, dedupe, nfkc, norm, squash


@dataclass
class Evidence:
    """What the pipeline found on the page, handed to every field extractor."""
    lines: list[str]                       # the whole page, rendered as lines
    body: list[str]                        # the article's paragraphs
    meta: dict = field(default_factory=dict)      # meta tags (lower-case names)
    info: dict = field(default_factory=dict)      # the 信息公开 block
    html_title: str | None = None          # <title>
    headings: list[str] = field(default_factory=list)  # h1-h3 and *title* elements
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, href) in the article
    url: str | None = None
    list_like: Callable[..., bool] = bool  # dated links dominate (an index page): asked lazily
    title_hint: str | None = None          # the title, once found


# --- title -------------------------------------------------------------------------------------

# 'article_site', 'site | article', 'article - site'; a bare hyphen only before a site's name
# ('…常务会议-某区人民政府'), since titles hold ranges ('（2025-2027年）')
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|--|－－|——)\s*|\s+[-—–－]\s+"
                          r"|[-－](?=[^-－]{2,24}?(?:网|政府|门户|在线)[^-－]{0,6}$)")
_DOCNO = re.compile(r"(?P<org>[\u4e00-\u9fffA-Za-z]{1,16}?)\s*[〔\[【(（﹝︹〖]\s*(?P<year>(?:19|20)\d{2})\s*"
                    r"[〕\]】)）﹞︺〗]\s*第?\s*(?P<seq>\d{1,5})\s*[号號]")
_TRAILING_DOCNO = re.compile(r"\s*[(（]\s*(?P<no>[^()（）]{2,30}?[〔\[【(（﹝︹〖]\s*(?:19|20)\d{2}\s*[〕\]】)）﹞︺〗]"
                             r"\s*第?\s*\d{1,5}\s*[号號])\s*[)）]\s*$")


def similar(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a in b or b in a


# a part of <title> that names the site ('某市人民政府', '某某网'), not an article
_SITE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}(?:人民政府|政府网|门户网站|网站|网)")


def title(ev: Evidence) -> str | None:
    """The printed heading that agrees with the page's own statements of its title.

    Evidence, strongest first: the ArticleTitle tag, the 信息公开 标题 field and og:title; then
    the parts of <title>, which often names only the site or the column.
    """
    strong = [t for t in (ev.meta.get("articletitle"), ev.info.get("title"), ev.meta.get("og:title")) if t]
    # <title> is 'article - site' or 'site | article': its longest part is the article's
    weak = sorted((p for p in _TITLE_SPLIT.split(ev.html_title or "") if cjk_count(p) >= 4),
                  key=len, reverse=True)[:1]
    printed = [h for h in ev.headings if 4 <= cjk_count(h) and len(h) <= 150 and "..." not in h
               and "…" not in h[-2:]]
    # the longest agreeing heading is the full title (shorter ones are site names, or truncated)
    agreeing = [h for h in printed if any(_agrees(h, r) for r in strong + weak)]
    if agreeing:
        return clean_title(max(agreeing, key=lambda h: len(norm(h))))
    if strong:
        return clean_title(strong[0])
    # nothing agrees: a sentence-long heading says more than a <title> naming the site
    long_heads = [h for h in printed if cjk_count(h) >= 8 and not h.rstrip().endswith("。")]
    if long_heads:
        return clean_title(max(long_heads, key=cjk_count))
    if weak and not _SITE_NAME.fullmatch(weak[0].strip()):   # a site's name is no article's
        return clean_title(weak[0])
    return None


def _agrees(heading: str, reference: str) -> bool:
    h, r = norm(heading), norm(reference)
    return len(h) >= 4 and (h == r or (h in r and len(h) >= 0.6 * len(r)) or (r in h and len(r) >= 0.6 * len(h)))


# '…的实施意见 已废止': a 政策文件库's status badge printed inside the heading
_STATUS_BADGE = re.compile(r"\s*[【\[（(]?(?:已废止|已失效|已修订|已修改|失效|废止)[】\]）)]?$")


def clean_title(text: str) -> str:
    text = squash(text.replace("\t", " "))
    return _STATUS_BADGE.sub("", _TRAILING_DOCNO.sub("", text).strip()).strip()


def title_doc_number(ev: Evidence) -> str | None:
    for text in (*ev.headings, ev.meta.get("articletitle") or ""):
        m = _TRAILING_DOCNO.search(text)
        if m:
            return normalise_doc_number(m.group("no"))
    return None


# --- document number ---------------------------------------------------------------------------

# The other numbering schemes: '国家税务总局公告2022年第9号', '国务院令第732号'
_DOCNO_SERIAL = re.compile(r"(?P<org>[\u4e00-\u9fff]{2,30}?(?:公告|通告|令))\s*(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?"
                           r"第\s*(?P<seq>\d{1,5})\s*号")


_SERIAL_ONLY = re.compile(r"(?:(?:19|20)\d{2}年)?第\d{1,5}号")


def normalise_doc_number(text: str) -> str | None:
    text = nfkc(text).replace("號", "号")
    m = _DOCNO.search(text)
    if m:
        return f"{m.group('org')}〔{m.group('year')}〕{int(m.group('seq'))}号"
    m = _DOCNO_SERIAL.search(text)
    if m:
        year = f"{m.group('year')}年" if m.group("year") else ""
        return f"{m.group('org')}{year}第{int(m.group('seq'))}号"
    return None


# '文号：珙政办发〔2025〕9号' on a line of its own under the title, outside any 信息公开 block
_DOCNO_LABEL = re.compile(r"^(?:发文字号|文号|字号)[:：]")


def doc_number(ev: Evidence, title_index: int | None = None) -> str | None:
    if ev.info.get("doc_number"):
        found = normalise_doc_number(ev.info["doc_number"])
        if found:
            return found
    found = title_doc_number(ev)
    if found:
        return found
    # a line that is nothing but the number, printed under the title (公文 layout)
    start = title_index if title_index is not None else len(ev.lines)
    near = [_DOCNO_LABEL.sub("", norm(line)) for line in [*ev.lines[start:start + 8], *ev.body[:3]]]
    for above, text in zip(["", *near], near):
        if len(text) <= 40 and (_DOCNO.fullmatch(text) or _DOCNO_SERIAL.fullmatch(text)):
            return normalise_doc_number(text)
        # '沅溪市人民代表大会常务委员会公告' over '第15号': a serial number on a line of its own
        if _SERIAL_ONLY.fullmatch(text) and _DOCNO_SERIAL.fullmatch(above + text):
            return normalise_doc_number(above + text)
    return None


# --- kind and genre ----------------------------------------------------------------------------

_TITLE_TAIL = re.compile(r"(?:\s*[(（][^()（）]{0,30}[)）])+\s*$")


_PICTURE_INTERPRETATION = re.compile(r"\s*(?:图解|图说|一图读懂|一图看懂|一图解读)")


def genre_and_kind(title_text: str | None) -> tuple[str | None, str | None]:
    if not title_text:
        return None, None
    t = _TITLE_TAIL.sub("", nfkc(title_text)).strip()
    if "解读" in t or "解讀" in t:   # a 繁體 version of a portal prints 解讀
        return "解读", "interpretation"
    if _PICTURE_INTERPRETATION.match(t):   # '图解：《…若干措施》', '一图读懂｜《…》'
        return "图解", "interpretation"
    genre, kind = next(((word, k) for word, k in markers.GENRE_KIND if t.endswith(word)), (None, None))
    for pattern, k in markers.TITLE_KIND:
        if pattern.search(t):
            return genre, k
    return genre, kind


def kind(ev: Evidence, title_text: str | None, column: str | None) -> tuple[str, str | None]:
    if not title_text:  # no article of its own: an index of other pages, or a data page
        return ("list" if ev.list_like() else "other"), None
    genre, by_title = genre_and_kind(title_text)
    if by_title:
        return by_title, genre
    if ev.list_like(True):  # a column's index page, headed by the column's name
        return "list", None
    for pattern, k in markers.COLUMN_KIND:
        if column and pattern.search(column):
            return k, genre
    return ("news" if ev.body else "other"), genre


# --- dates ---------------------------------------------------------------------------------------

# '2025-08-28 17:40　来源：…　【字体：大 中 小】' under the title (gov.cn's pages-date line): no label
_DATE_BEFORE_SOURCE = re.compile(r"\s*(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
                                 r"(?:来源|信息来源|浏览|【)")
_PUB_LABEL = re.compile(r"(?<![\u4e00-\u9fff])(?:发布日期|发布时间|公开日期|发表时间|日期|时间)\s*[:：]\s*")
# '（2025年3月18日）' alone under a 公报's title and byline: the day it was issued
_DATED = re.compile(r"^[(（]\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[)）]$")
_ADOPTED = re.compile(r"^[(（].{0,6}?(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日).{0,40}?(?:通过|批准|公布)")
# '8月5日，科技部、内蒙古自治区人民政府联合印发《…》', '8月5日，《办法》经市政府同意正式印发',
# '《若干措施》于2025年3月6日印发', '《办法》（沅政规〔2024〕3号）于2024年6月12日印发',
# '…审议通过，于2025年9月12日正式印发'
_MONTH_DAY = r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
_ISSUED_CLAUSE = re.compile(
    rf"(?P<date>{_MONTH_DAY})\s*[,，]?\s*"
    r"(?:[^。；;，,《]{0,40}?(?:正式|联合|共同)?(?:印发|印發|发布|發布|出台|出臺|公布)(?:了)?\s*[《“]|"
    r"[《“][^。；;]{1,60}?[》”][^。；;，,]{0,20}?(?:正式|联合|共同)?(?:印发|印發|发布|發布|出台|出臺|公布))"
    rf"|[《“][^。；;《]{{1,60}}?[》”]\s*(?:[（(][^）)]{{1,30}}[）)])?\s*(?:由[^，,。；;《》]{{2,30}}?)?"
    rf"(?:已?于|在)\s*"
    rf"(?P<date>{_MONTH_DAY})\s*(?:经[^，,。；;《》]{{1,20}}?)?"
    r"(?:正式|联合|共同)?(?:印发|发布|出台|公布)"
    # '…经市政府常务会议审议通过，于2025年9月12日正式印发': the policy the text is about
    rf"|[，,]\s*已?于\s*(?P<date>{_MONTH_DAY})\s*正式(?:印发|发布|出台|公布)")


def publish_date(ev: Evidence, title_index: int | None) -> str | None:
    # the date printed next to the title, then the 信息公开 block, then meta tags
    start = title_index or 0
    order = list(range(start, min(start + 25, len(ev.lines)))) + list(range(0, len(ev.lines)))
    for i in order:
        line = ev.lines[i]
        if len(line) >= 200:
            continue
        if m := _PUB_LABEL.search(line):
            iso = dates.first_date(line[m.end():m.end() + 30])
        elif i < start + 6 and (m := _DATE_BEFORE_SOURCE.match(line)):
            iso = dates.first_date(m.group("date"))
        else:
            continue
        if iso:
            return iso
    for value in (ev.info.get("publish_date"), ev.meta.get("pubdate"), ev.meta.get("firstpublishedtime")):
        iso = dates.first_date(value or "")
        if iso:
            return iso
    return None


def issue_date(ev: Evidence, published: str | None, title_index: int | None) -> str | None:
    iso = dates.first_date(ev.info.get("issue_date") or "") or _labelled_decision_date(ev.lines)
    if iso:
        return iso
    # '（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）' under the title
    start = title_index if title_index is not None else 0
    for line in [*ev.lines[start:start + 8], *ev.body[:3]]:
        line = nfkc(line)
        m = _ADOPTED.match(line) or _DATED.match(line) or markers.CAPTION.match(line)
        if m:
            return dates.first_date(m.group("date") or m.group("adopted"))
    iso = signature_date(ev.body)
    if iso:
        return iso
    year = int(published[:4]) if published else None
    for line in ev.body:
        m = _ISSUED_CLAUSE.search(line)
        if m:
            iso = dates.first_date(m.group("date")) or dates.month_day(m.group("date"), year, published)
            if iso:
                return iso
    return None


_DECISION = re.compile(r"(?:作出(?:行政)?处罚决定的?日期|处罚决定日期|决定日期|签发日期)\s*[:：\t]\s*")


# the label may be broken over two cells or lines ('作出处罚决定的' / '机关名称'), the value beside it
_DECISION_BODY = re.compile(rf"作出(?:行政)?处罚决定的[\s]*(?:机关名称[\s]*)?"
                            rf"(?P<org>[\u4e00-\u9fff（）()]{{2,40}}?{markers.ORG_SUFFIX})(?=[\s]|$)")


def _labelled_decision_date(lines) -> str | None:
    for i, line in enumerate(lines):
        m = _DECISION.search(line + "\t")
        if not m:
            continue
        after = line[m.end():m.end() + 20]
        below = lines[i + 1] if i + 1 < len(lines) else ""
        cells, row = line.split("\t"), below.split("\t")
        if not after.strip() and len(cells) > 1 and len(row) == len(cells):
            # a table's header row: the value sits in the same column of the row below
            column = next(k for k, cell in enumerate(cells) if _DECISION.search(cell + "\t"))
            return dates.first_date(row[column])
        # the value sits after the label, or in the next cell rendered as the next line
        return dates.first_date(after or below)
    return None




def signature_date(body: list[str]) -> str | None:
    """The 成文日期 under the signature: a line that is only a date, after an issuer line."""
    for i, line in enumerate(body):
        if markers.DATE_ONLY_LINE.match(line.strip()) and i > 0:
            iso = dates.first_date(line)
            if iso and (markers.is_org_line(body[i - 1]) or i == len(body) - 1 or i >= len(body) - 3):
                return iso
    return None


# --- issuers -------------------------------------------------------------------------------------

_ORG = re.compile(rf"[\u4e00-\u9fff（）()]{{2,40}}?{markers.ORG_SUFFIX}")
_ORG_FULL = markers.ORG_NAME
_TITLE_PREFIX = re.compile(r"^(?P<who>.{2,120}?)\s*(?:关于|印发|转发|批转|(?=(?:19|20)\d{2}年))")
_JOINT_ISSUE = re.compile(r"(?:^|[，,。；;]|日)\s*(?:由)?(?P<who>[^，,。；;《]{2,80}?)(?:正式|联合|共同)?"
                          r"(?:印发|印發|发布|發布|出台|出臺)(?:了)?\s*[《“]")
# '…，由沅溪市人民政府印发实施。': who issued it, in an interpretation's prose
_ISSUED_BY = re.compile(r"由(?P<who>[^，,。；;《》]{2,60}?)(?:正式|联合|共同)?(?:印发|发布)(?:实施|施行)?[。，,；;]")
_SPEAKER = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,20}人民政府)\s*代?(?:省长|市长|县长|区长|州长|旗长|盟长)"
                      r"\s*[\u4e00-\u9fff·]{2,5}$")
_SPLIT_ORGS = re.compile(r"[\s、，,]+")
_SPLIT_JOIN = re.compile(r"[和及与]")


def split_orgs(text: str) -> list[str]:
    """'A、B和C' -> [A, B, C] when every part names a body; [] otherwise.

    和/及/与 split only where both sides are bodies: '人力资源和社会保障局' is one name.
    """
    out = []
    for part in _SPLIT_ORGS.split(text.strip()):
        if not part:
            continue
        pieces = _SPLIT_JOIN.split(part)
        if len(pieces) > 1 and all(_ORG_FULL.match(p) for p in pieces):
            out.extend(pieces)
        elif _ORG_FULL.match(part):
            out.append(part)
        else:
            return []
    return out


def issuers(ev: Evidence, title_text: str | None, kind_: str) -> list[str]:
    if kind_ in ("news", "list"):
        return []
    if kind_ == "interpretation":
        for pattern in (_JOINT_ISSUE, _ISSUED_BY):
            for line in ev.body:
                m = pattern.search(line)
                if m:
                    found = split_orgs(re.sub(r"^.*?\d+日\s*[,，]?", "", m.group("who")))
                    if found:
                        return found
    signed = signature_orgs(ev.body)
    if title_text:
        m = _TITLE_PREFIX.match(nfkc(title_text))
        found = split_orgs(m.group("who")) if m else []
        if found:
            # 'A党工委B管委会印发…' run together (a text dump lost the space): the signature
            # lines name the same bodies one by one
            prefix = norm(m.group("who"))
            if len(signed) > len(found) and all(norm(org) in prefix for org in signed):
                return signed
            return found
    if signed:
        return signed
    # a report's speaker under its title: '枫湾县人民政府县长　林致远' speaks for the government
    for line in ev.body[:4]:
        if m := _SPEAKER.match(nfkc(line).strip()):
            return [m.group("org")]
    # 公报 layout: the issuing bodies on a line of their own between title and text
    first = norm(ev.body[0]) if ev.body else ""
    for i, line in enumerate(ev.lines):
        if first and norm(line) == first:
            for above in ev.lines[max(0, i - 3):i]:
                if markers.is_org_line(above):
                    return dedupe(above.split())
            break
    decided = _DECISION_BODY.search("\n".join(ev.lines))
    if decided:  # 行政处罚信息公开表: '作出处罚决定的机关名称' and the body beside it
        return [decided.group("org")]
    if ev.info.get("issuer"):
        named = " ".join(filter(None, (ev.info["issuer"], ev.info.get("co_issuers"))))
        return split_orgs(named) or [ev.info["issuer"]]
    return []


_BARE_LEVEL = re.compile(r"^(?P<level>[省市县区])(?:人民政府|政府|委|人大|[\u4e00-\u9fff]{1,12}(?:局|厅|委员会|办公室))")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?[省市县区]")


def with_place(orgs: list[str], *context: str | None) -> list[str]:
    """'市人民政府办公室' named in prose, on a page whose title or site names the city
    ('《涟川市…》', '涟川市住房和城乡建设局'): the body's full name, 涟川市人民政府办公室."""
    out = []
    for org in orgs:
        m = _BARE_LEVEL.match(org)
        if m:
            places = [p for text in context if text for p in _PLACE.findall(text)
                      if p.endswith(m.group("level"))]
            if places:
                org = places[0] + org[1:]
        out.append(org)
    return out


def signature_orgs(body: list[str]) -> list[str]:
    """Issuer lines right above the signature date (several lines for a joint document)."""
    for i, line in enumerate(body):
        if i and markers.DATE_ONLY_LINE.match(line.strip()) and dates.first_date(line):
            orgs = []
            j = i - 1
            while j >= 0 and markers.is_org_line(body[j]) and i - j <= 6:
                orgs = body[j].split() + orgs
                j -= 1
            if orgs:
                return dedupe(orgs)
    # a report or bulletin signed at its foot without a date
    for line in body[-2:]:
        if markers.is_org_line(line):
            return dedupe(line.split())
    return []


# --- source, references, attachments --------------------------------------------------------------

_BOOK_MARKS = re.compile(r"[《》]")


# '《办法》', '《实施意见》', '《通知》': no more than a genre
_BARE_GENRE = re.compile(r"(?:实施|若干|暂行|管理|工作|行动|试行)?(?:办法|意见|方案|措施|规定|细则|通知|条例|"
                         r"规划|计划|决定|指引|要点|纲要|征求意见稿|辦法|意見|規定|細則|條例|規劃|計劃|決定)")


_DRAFT_TAIL = re.compile(r"\s*[（(][^（）()]{1,12}[）)]$")   # '…管理办法（修订草案）'


def references(body: list[str]) -> list[str]:
    """Titles cited in 《》 (nested 《》 kept whole), minus the short names the text defines."""
    text = "\n".join(body)
    found = []
    depth, start = 0, 0
    for m in _BOOK_MARKS.finditer(text):  # visit only the brackets, not every character
        i = m.start()
        if m.group() == "《":
            if depth == 0:
                start = i + 1
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found.append((start, text[start:i]))
    aliases = {name for pos, name in found if re.search(r"(?:简称|称为|下称)\s*$", text[max(0, pos - 8):pos - 1])}
    names = [squash(name) for _, name in found if name.strip() and "\n" not in name
             and name not in aliases and len(name) <= 120]
    # '《办法》' after '《某市…管理办法》': the short form of a title already cited, not another one
    names = [name for name in names if not (_BARE_GENRE.fullmatch(name.strip()) and any(
        len(other) > len(name) and _DRAFT_TAIL.sub("", other).endswith(name.strip()) for other in names))]
    first: dict[str, str] = {}
    for name in names:  # distinct by normal form, in order of first mention
        first.setdefault(norm(name), name)
    return list(first.values())


_DOWNLOAD = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|et|txt|ceb)(?:$|[?#])|downfile|download", re.I)
_ATTACH_PREFIX = re.compile(r"^\s*附件\s*\d*\s*[:：.、]?\s*(?:\d+\s*[.、．]\s*)?")


def attachments(ev: Evidence) -> list[Attachment]:
    out = []
    for text, href in ev.links:
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        if _DOWNLOAD.search(href) or text.strip().startswith("附件"):
            name = _ATTACH_PREFIX.sub("", squash(text)) or href.rsplit("/", 1)[-1]
            url = urljoin(ev.url, href) if ev.url else href
            out.append(Attachment(name=name, url=url))
    return list(dict.fromkeys(out))
