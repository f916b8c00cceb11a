"""The actions a policy enumerates, top level, in order (八大行动, 一是…二是…, 一、（一）…).

    >>> [a.text for a in find_actions("实施科技创新、人才引育两大工程。")]
    ['科技创新', '人才引育']

Sources, tried in this order; the first that yields a list wins, because a policy states its
top level once and the other lists are its details:
1. the children of the document's measures part (重点任务, 主要措施, 工作计划 …, or an
   interpretation's 主要内容 when its sub-headings are verb-led measures), else the tasks of a
   任务分工表 (a table with a task column beside 牵头单位);
2. a list whose stated count agrees with its items: a named list ('从A、B…等8个方面',
   '实施A、B两大工程', '八大行动：A、B…') or an inline one ('从四个方面作出规定：一是…四是…'),
   found before the first heading when the headings structure the text;
3. the top-level headings themselves (less 总体要求, 主要目标 …), when they structure an operative
   text (not a report of past figures, not an interpretation's template of 背景/进展/联系人, not
   a bare list of facts, not a roster of 先进集体（12个）);
4. the children of 保障措施, when that is the only measures part;
5. an inline enumeration (一是…二是…, 第一，…第二，…) led by a forward-looking sentence;
6. a named list without a count after a verb of doing ('重点抓好A、B、C').
Article numbers (第X条) are never actions.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

# the regex engine runs this module's lookbehind-led markers (一是, 第一) some 30x faster than re
import regex as re

from .goals import RETRO, cn_number, quantities
from .record import Action
from .textutil import simplified

# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

_CN = "一二两三四五六七八九十"
# What a stated count counts.
COUNT_NOUNS = r"方面|行动|工程|任务|措施|举措|计划|专项|领域|板块|体系|政策|方向"
# Verbs that open a named list, and what may sit between a count and its list ('八大行动：…').
LIST_LEADS = r"从|围绕|包括|涵盖|实施|推进|推动|开展|抓好|聚焦|部署|提出|明确|启动|推出|打造|建设|突出"
LIST_OPENERS = r"[：:]|[，,]?(?:即|包括|分别是|分别为)"
DOING_LEADS = r"重点抓好|着力抓好|重点实施|重点推进|重点做好|着力推进|扎实推进|重点开展|全力推进"
# Headings that open the part of a document holding its measures.
MEASURE_HEADING = re.compile(
    r"(?:重点|主要|具体|工作|政策|保障|支持|配套|推进|实施)(?:任务|措施|举措|工作)"
    r"|工作(?:计划|安排|要点|部署)|任务(?:措施|分工)|实施路径|(?:19|20)\d\d年.{0,4}计划"
    r"|(?:整治|治理|工作|建设|改革|监管|检查|攻坚|排查)重点"
    r"|(?:活动|行动)(?:安排|内容)|(?:重点|主要|系列|专项)(?:活动|行动)")   # a campaign's activities
# Headings of a template, not of measures: an interpretation's 背景/进展/联系人, a plan's preamble.
SCAFFOLD_HEADING = re.compile(
    r"背景|依据|目的|意义|必要性|起草|过程|进展|范围|期限|主要内容|注意事项|联系|关键词|名词|"
    r"解释|诠释|附件|解读|总体要求|指导思想|基本原则|目标|适用|施行|实施时间|有效期|情况|成效|说明")
# The preamble of a plan, which is not one of its tasks.
PREAMBLE = re.compile(r"(?:总体要求|指导思想|基本原则|(?:主要|发展|工作|总体|预期)?目标(?:任务)?|"
                      r"适用范围|编制依据|背景和?意义)$")
# Past statistics (a bulletin, a report of results) under a heading.
STAT_RETRO = re.compile(r"比上年|同比|较上年|比去年|上年同期|去年同期|比上年末")
FORWARD_LEAD = re.compile(r"将|要|下一步|今后|明年|计划|拟|措施|举措|如下|以下|部署|安排|力争|确保")
RETRO_RE = re.compile(RETRO)
RETRO_LEAD = re.compile(r"成效|成绩|成果|亮点|特点|做法")
SUPPORT_HEADING = re.compile(r"保障")
# An interpretation's 主要内容 (政策要点 …): its sub-headings are the policy's measures when they
# read as measures, opening with a verb of doing ('拓宽青年就业渠道'), and not when they are a
# template of nouns ('申报条件', '奖补标准', '申报材料').
CONTENTS_HEADING = re.compile(r"主要[内內]容|政策要点|核心[内內]容|重点[内內]容|政策[内內]容")
ACTION_VERB = re.compile(
    r"拓宽|拓展|支持|强化|提升|加大|优化|推进|加强|完善|实施|建立|健全|落实|促进|鼓励|推动|深化|"
    r"扩大|降低|提高|培育|打造|发展|创新|规范|加快|构建|引导|开展|做好|抓好|提供|简化|放宽|减轻|"
    r"减免|增强|夯实|统筹|实行|推行|严格|营造|畅通|激发|保护|稳定|聚焦|突出|着力|深入|全面|大力|建设")
# (a 繁體 page is read through its simplified copy: see find_actions)
# A programme named as an action ('数字经济提升行动', '人才引育工程')
PROGRAMME = re.compile(rf"(?:{COUNT_NOUNS}|项目|建设|改革|提升|升级|攻坚|示范)$")
# A part named for the support of the measures, not a measure: '八、保障措施'.
SUPPORT_LABEL = re.compile(r"\s*(?:保障措施|组织保障|组织实施|实施保障|保障机制|工作要求)\s*$")
# The stages of a campaign's timetable: '（一）动员部署阶段（2026年4月）'.
STAGE = re.compile(r"阶段\s*(?:[（(][^）)]*[）)])?\s*$")
# A task table's header: a column of tasks beside the units that lead them.
TASK_HEAD = re.compile(r"^\s*(?:重点|主要|具体|工作)?(?:任务|工作|措施)(?:内容|事项)?\s*$")
CONTENT_HEAD = re.compile(r"^\s*(?:主要|具体|工作)(?:内容|措施|举措)\s*$")
_TASK_NAME = re.compile(r"[\u4e00-\u9fff“”（）()]{2,20}")   # a short name, no sentence in it
LEAD_UNIT_HEAD = re.compile(r"牵头单位|责任单位|责任部门|牵头部门")
MAX_LABEL = 4   # 法律责任, 禁止行为; a measure named in six (企业名称登记) still is one
# A roster's headings ('先进集体（12个）', '先进个人（25名）'): who is named, not what is to be done.
ROSTER_HEADING = re.compile(r"[（(]\s*[\d一二三四五六七八九十百]+\s*[个名人家位项]\s*[）)]$")

LEVELS = (   # heading markers, top first; (一) arrives as （一） or (一)
    re.compile(rf"^\s*[{_CN}]{{1,3}}\s*[、.．]\s*"),
    # '专项行动一：物流枢纽能级提升行动': a plan's named actions, under '二、专项行动'
    re.compile(rf"^\s*(?:专项行动|重点行动|行动|重点工程|工程)[{_CN}]{{1,3}}\s*[：:、]\s*"),
    re.compile(rf"^\s*[(（]\s*[{_CN}]{{1,3}}\s*[)）]\s*[、.．]?\s*"),
    re.compile(r"^\s*\d{1,2}\s*[、.．](?!\d)\s*"),
)
SELF_CLAUSE = re.compile(r"本(?:措施|办法|规定|意见|细则|政策)")
ARTICLE_LEAD = re.compile(rf"^\s*第[{_CN}百零〇\d]+条\s*")
ARTICLE = re.compile(rf"^\s*第[{_CN}百零〇\d]+条")
_N = rf"(?P<n>\d{{1,2}}|[{_CN}]{{1,3}})"
# '8个方面', '八大行动', '七项重点任务', '20条措施'.
_COUNTED = rf"(?<![\d第{_CN}]){_N}(?:个?方面|(?:大|项|条)[\u4e00-\u9fff]{{0,4}}?(?:{COUNT_NOUNS}))"
STATED = re.compile(_COUNTED)
# Around a count: '…A、B、C等8个方面' (the list before it) and '八大行动：A、B、C' (after it).
SENTENCE_END = re.compile(r"[。；;：:\n]")
LIST_OPENER = re.compile(rf"(?:{LIST_OPENERS})")
MAX_LIST = 400
UNCOUNTED = re.compile(rf"(?:{DOING_LEADS})(?P<items>[^。；;：:\n]{{4,400}}?)(?:等[^。；;\n]{{0,6}})?(?=[。；;，,\n]|$)")
LEAD_RE = re.compile(LIST_LEADS)
DIRTY = re.compile(r"[《》()（），,]")
SEP = re.compile(r"、|以及|及|和")
SHI = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))(?P<n>[{_CN}]{{1,3}})[是要]")   # 一是…, 一要…
# '…主要有以下五个方面：（一）优化空间布局。…（二）丰富消费业态。…' inside one paragraph
PAREN = re.compile(rf"(?:(?<=[。；;：:]))\s*[（(](?P<n>[{_CN}]{{1,3}})[）)]")
DIYI = re.compile(rf"(?:^|(?<=[。；;：:\s]))第(?P<n>[{_CN}]{{1,3}})[，,、]")
ITEM_START = re.compile(rf"^\s*(?:[{_CN}]{{1,3}}[是要]|第[{_CN}]{{1,3}}[，,、])")
MAX_ITEM = 40        # a named list's items are names, not sentences
MAX_ACTION = 80
MAX_SCAFFOLD = 10
MIN_CONTENT = 10                    # a section with less under it is a list entry
FIGURES_PER_100_CHARS = 1.5        # bulletins run at 4-6, policies below 1
PAST_COMPARISONS_PER_1000_CHARS = 2


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def find_actions(text: str, explicit_only: bool = False) -> list[Action]:
    """The actions ``text`` enumerates (see :func:`_find_actions`); on a 繁體 page the patterns
    read a simplified copy, and each action is given as the page prints it."""
    copy = simplified(text)
    actions = _find_actions(copy, explicit_only)
    if copy == text:
        return actions
    return [Action(a.ordinal, _printed(a.text, copy, text)) for a in actions]


def _printed(found: str, copy: str, text: str) -> str:
    at = copy.find(found)
    return text[at:at + len(found)] if at >= 0 else found


def _find_actions(text: str, explicit_only: bool = False) -> list[Action]:
    """The actions ``text`` (plain article text, paragraphs joined by "\\n") enumerates.
    ``explicit_only``: only a part headed as measures (重点任务 …) or a task table - for a notice,
    whose other numbered parts inform (项目名称, 中标信息) but which may carry a draft in full."""
    if not text:
        return []
    heads = _headings(text.split("\n"))
    level = min((h.level for h in heads), default=0)
    top = [h for h in heads if h.level == level]
    operative = _operative(top, [m.start() for m in quantities(text)])
    before_headings = text[:top[0].offset] if operative else text
    explicit = (lambda: _measures_part(heads, top, support=False), lambda: _task_table(text))
    inferred = (lambda: _spelled_out(_counted_list(before_headings), text),
                lambda: [h.lead for h in top if not (PREAMBLE.match(h.lead) or SUPPORT_LABEL.match(h.lead))]
                if operative else [],
                lambda: _measures_part(heads, top, support=True),
                lambda: _measure_articles(text),
                lambda: _inline(text), lambda: _uncounted_list(text))
    for source in explicit if explicit_only else explicit + inferred:
        items = source()
        if len(items) >= 2:
            return [Action(i, t) for i, t in enumerate(items, 1)]
    return []


def stated_count(text: str) -> int | None:
    """The number of actions the text says it has ('等8个方面', '八大行动', '两大工程'), or None.
    A count that a named list confirms wins over one that is only stated."""
    for n, items in _named_lists(text or ""):
        return n
    for m in STATED.finditer(text or ""):
        if (n := _count(m.group("n"))) >= 2:
            return n
    return None


# ---------------------------------------------------------------------------------------------
# 1 and 4: named lists
# ---------------------------------------------------------------------------------------------


def _count(n: str) -> int:
    return int(cn_number(n))


def _split(items: str, n: int | None = None) -> list[str]:
    """'A、B、C' -> [A, B, C].  The last two may be joined by 和/及/以及 ('A、B和C', 'A和B两大工程');
    a stated count ``n`` decides whether the 和 separates two items or sits inside a name."""
    parts = [p.strip(" “”\"《》") for p in items.split("、")]
    tail = SEP.split(parts[-1])
    if len(tail) == 2 and all(t.strip() for t in tail) and (
            len(parts) + 1 == n if n else len(parts) >= 2):
        parts[-1:] = [t.strip() for t in tail]
    return [p for p in parts if p]


def _named_items(items: str, n: int) -> list[str]:
    """The n names of a named list.  ``items`` runs from the first opening verb, which may be
    too far left ('《实施方案》从A、B…', '明确实施A、B'): the list starts after the innermost
    opening verb before its first 、 that gives n clean names."""
    first = items.find("、") if "、" in items else len(items)
    starts = [0] + [m.end() for m in LEAD_RE.finditer(items, 0, first)]
    for start in reversed(starts):
        parts = _split(items[start:], n)
        if len(parts) == n >= 2 and all(len(p) <= MAX_ITEM and not DIRTY.search(p) for p in parts):
            return parts
    return []


def _named_lists(text: str):
    """(count, names) of each named list whose items agree with the count stated next to it.
    The count is found first, then the list is read back to the verb that opens it (从, 实施 …)
    or forward after a colon or 即 — so the scan stays linear however long the text."""
    for m in STATED.finditer(text):
        n = _count(m.group("n"))
        before = text[max(0, m.start() - MAX_LIST):m.start()]
        before = SENTENCE_END.split(before)[-1].removesuffix("等")
        if (lead := LEAD_RE.search(before)) and (items := _named_items(before[lead.end():], n)):
            yield n, items
        elif opener := LIST_OPENER.match(text, m.end()):
            after = SENTENCE_END.split(text[opener.end():opener.end() + MAX_LIST])[0]
            if items := _named_items(after, n):
                yield n, items


def _measure_articles(text: str) -> list[str]:
    """A 若干措施 numbered in articles whose leads are measures ('第一条 支持企业技术改造。…'):
    two in three open with a verb of doing.  A 办法's articles ('第一条 为了规范…',
    '第二条 本办法适用于…') are rules, and stay out."""
    leads = [_lead(line[m.end():]) for line in text.split("\n") if (m := ARTICLE_LEAD.match(line))]
    if len(leads) >= 3 and sum(bool(ACTION_VERB.match(lead)) for lead in leads) * 3 >= 2 * len(leads):
        return [lead for lead in leads if not SELF_CLAUSE.match(lead)]   # '本措施自…起施行'
    return []


def _task_table(text: str) -> list[str]:
    """The tasks of a 任务分工表 (序号 | 重点任务 | 牵头单位 | … | 完成时限), each its lead: a
    document that gives its tasks out by table lists its measures there."""
    tasks, column, width, two = [], None, 0, False
    for line in text.split("\n"):
        cells = line.split("\t")
        if column is None:
            # 序号 | 重点任务 | 牵头单位 | …, or a two-column 重点任务 | 主要内容
            two = len(cells) == 2 and any(CONTENT_HEAD.search(c) for c in cells)
            if (len(cells) >= 3 and any(LEAD_UNIT_HEAD.search(c) for c in cells)) or two:
                column = next((k for k, c in enumerate(cells) if TASK_HEAD.search(c)), None)
                width = len(cells)
        elif len(cells) == width and cells[column].strip():
            tasks.append(_lead(cells[column]))
        elif two and len(cells) == 1 and column == 0 and not LEVELS[0].match(line):
            # a row whose content cell broke onto lines of its own: its name alone, then prose
            if _TASK_NAME.fullmatch(line.strip()):
                tasks.append(line.strip())
        elif len(cells) < 2:
            break                               # the table has ended
    return [t for t in tasks if t]


def _spelled_out(names: list[str], text: str) -> list[str]:
    """A named list's items, or the leads of the 一是…二是… enumeration that spells the same
    number of items out ('从A、B…5个方面提出' and then '一是支持A…五是加强B…'): the same
    actions, told in full."""
    if len(names) >= 2:
        spelled = _inline(text)
        if len(spelled) == len(names):
            return spelled
    return names


def _counted_list(text: str) -> list[str]:
    for _, items in _named_lists(text):
        return items
    return _inline(text, counted=True)


def _uncounted_list(text: str) -> list[str]:
    for m in UNCOUNTED.finditer(text):
        items = _split(m.group("items"))
        if len(items) >= 3 and all(2 <= len(i) <= MAX_ITEM for i in items):
            return items
    return []


# ---------------------------------------------------------------------------------------------
# 2: headings
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Heading:
    level: int
    index: int          # position among the lines
    offset: int         # position in the text
    lead: str           # the heading, or its first sentence
    content: str        # the text under it, down to the next heading of its level or above
    start: int          # where ``content`` begins in the text
    end: int = 0        # and where it ends


_LEAD_END = re.compile(r"[。；;]")


def _lead(rest: str) -> str:
    lead = _LEAD_END.split(rest, maxsplit=1)[0].strip(" ：:，,\t")
    return lead[:MAX_ACTION]


def _headings(lines: list[str]) -> list[_Heading]:
    found, offset, starts = [], 0, []
    for i, line in enumerate(lines):
        starts.append(offset)
        for level, pattern in enumerate(LEVELS):
            if not ARTICLE.match(line) and (m := pattern.match(line)):
                rest = line[m.end():]
                lead = _lead(rest)
                found.append(_Heading(level, i, offset, lead, rest[len(lead):],
                                      offset + m.end() + len(lead)))
                break
        offset += len(line) + 1
    starts.append(offset)
    # attach the lines below each heading, sub-headings included: one pass from the end, keeping
    # for each level the line of the next heading at that level or above
    following = [len(lines)] * len(LEVELS)
    for h in reversed(found):
        h.content += "\n".join(lines[h.index + 1:following[h.level]])
        h.end = starts[following[h.level]]
        for level in range(h.level, len(LEVELS)):
            following[level] = h.index
    return [h for h in found if h.lead]


def _children(heads: list[_Heading], k: int) -> list[_Heading]:
    parent, below = heads[k], []
    for i in range(k + 1, len(heads)):
        if heads[i].level <= parent.level:
            break
        below.append(heads[i])
    if not below:
        return []
    top = min(h.level for h in below)
    return [h for h in below if h.level == top]


def _contents_of_measures(heads: list[_Heading], k: int) -> bool:
    """A 主要内容 section whose sub-headings are, two in three at least, verb-led measures."""
    if not CONTENTS_HEADING.search(heads[k].lead):
        return False
    kids = _children(heads, k)
    return len(kids) >= 2 and sum(bool(ACTION_VERB.match(h.lead)) for h in kids) * 3 >= 2 * len(kids)


def _label(lead: str) -> bool:
    """A rule's section label ('禁放区域', '法律责任', '施行时间'): a few characters naming a
    topic, neither a measure's verb nor a programme's name."""
    return len(lead) <= MAX_LABEL and not ACTION_VERB.match(lead) and not PROGRAMME.search(lead)


def _scaffold(lead: str) -> bool:
    """A template label is short ('背景依据', '联系人及联系电话'); a measure that merely contains
    such a word ('类金融企业经营范围注册登记') is longer.  A report's parts name what they
    report on, whatever their length ('收到和处理政府信息公开申请情况')."""
    return (len(lead) <= MAX_SCAFFOLD and bool(SCAFFOLD_HEADING.search(lead))) or lead.endswith(
        ("情况", "事项"))


def _operative(heads: list[_Heading], figures: list[int]) -> bool:
    """Do these sibling headings structure an operative text (rather than a template, a report
    of past figures, or a bare list of facts or contents)?  ``figures`` are the offsets of the
    quantities in the text."""
    n = len(heads)
    if n < 2:
        return False
    if sum(_scaffold(h.lead) or _label(h.lead) or bool(ROSTER_HEADING.search(h.lead))
           or h.lead.rstrip().endswith(("？", "?")) for h in heads) * 2 >= n:
        return False                            # a template, section labels, a roster, questions
    if sum(len(h.content.strip()) >= MIN_CONTENT for h in heads) * 2 < n:
        return False                            # headings with nothing under them
    if sum(bool(ACTION_VERB.match(h.lead)) for h in heads) * 3 >= 2 * n:
        return True                             # 扩大…, 发展…, 强化…: measures, however many amounts
    content = "\n".join(h.content for h in heads)
    in_content = sum(bisect_left(figures, h.end) - bisect_left(figures, h.start) for h in heads)
    return not _report_of_figures(content, in_content)


def _report_of_figures(content: str, figures: int) -> bool:
    """A statistics bulletin or a report of results: dense in figures, or in comparisons with the
    past.  A policy quotes a figure now and then; a bulletin is made of them."""
    size = max(len(content), 1)
    return (figures * 100 / size >= FIGURES_PER_100_CHARS
            or len(STAT_RETRO.findall(content)) * 1000 / size >= PAST_COMPARISONS_PER_1000_CHARS)


def _measures_part(heads: list[_Heading], top: list[_Heading], support: bool) -> list[str]:
    """The children of the measures sections: 重点任务, 主要措施 …, or with ``support`` the
    保障措施 sections (used when the top-level headings are not the tasks themselves)."""
    level = top[0].level if top else 0
    # a task among tasks ('二、突出建设重点' beside '一、加强组织领导'): not a part holding them
    tasks = sum(bool(ACTION_VERB.match(h.lead)) for h in top) * 3 >= 2 * len(top)
    parts = [k for k, h in enumerate(heads) if h.level == level
             and bool(SUPPORT_HEADING.search(h.lead)) == support
             and not (tasks and ACTION_VERB.match(h.lead))
             and (MEASURE_HEADING.search(h.lead) or (not support and _contents_of_measures(heads, k)))]
    out = []
    for k in parts:
        kids = _children(heads, k)
        if kids and sum(bool(STAGE.search(h.lead)) for h in kids) * 2 > len(kids):
            continue                            # 动员部署阶段, 集中攻坚阶段 …: a timetable
        out += ([h.lead for h in kids] if kids else
                _task_table(heads[k].content) or _inline(heads[k].content, need_lead=False))
    return out


# ---------------------------------------------------------------------------------------------
# 3: inline enumerations
# ---------------------------------------------------------------------------------------------


def _inline(text: str, need_lead: bool = True, counted: bool = False) -> list[str]:
    """The first 一是…二是… (or 第一，…第二，…) run in a paragraph whose lead looks forward (unless
    the caller knows the paragraph holds measures) or, with ``counted``, states its length."""
    for para in _enumerations_joined(text):
        # the enumeration that opens first is the outer one: '第一，…第五，…一是…三是…第六，…'
        runs = [run for pattern in (SHI, DIYI, PAREN) if len(run := _run(list(pattern.finditer(para)))) >= 2]
        for marks in sorted(runs, key=lambda run: run[0].start()):
            lead = para[:marks[0].start()]
            if RETRO_RE.search(lead) or RETRO_LEAD.search(lead):
                continue
            stated = [_count(m.group("n")) for m in STATED.finditer(lead)]
            if counted and len(marks) not in stated:   # '从五个方面部署了15项任务': 5 agrees
                continue
            if need_lead and not counted and not FORWARD_LEAD.search(lead):
                continue
            ends = [m.start() for m in marks[1:]] + [len(para)]
            return [_lead(para[m.end():e]) for m, e in zip(marks, ends)]
    return []


def _enumerations_joined(text: str) -> list[str]:
    """The paragraphs, where an enumeration printed one item to a paragraph ('…概括为以下六个
    方面：' or '…从五个方面部署了15项重点任务。' / '一是…' / '二是…') is joined back into the
    paragraph that leads it."""
    out: list[str] = []
    for para in text.split("\n"):
        if out and ITEM_START.match(para) and (out[-1].rstrip().endswith(("：", ":"))
                                               or SHI.search(out[-1]) or DIYI.search(out[-1])
                                               or STATED.search(out[-1])):
            out[-1] += "\n" + para
        else:
            out.append(para)
    return out


def _run(marks: list[re.Match]) -> list[re.Match]:
    """The markers that count 1, 2, 3 … from the first 一 (a stray 二是 is dropped)."""
    run = []
    for m in marks:
        if _count(m.group("n")) == len(run) + 1:
            run.append(m)
    return run
