"""Quantified goals ("targets") in the plain text of a policy.

    >>> find_targets("到2025年，研发投入强度达到1.5%，技术市场成交额突破百亿元。")
    [Target(text='研发投入强度达到1.5%', indicator='研发投入强度', comparator='>=', value=1.5, unit='%', year=2025), ...]

How it works: every quantity (number + unit, 百分之…, 三成, 翻番) is a candidate; the clause
around it decides the rest.  The verb just before it gives the comparator (a qualifier after it,
以上/以下/左右, overrides), the words before the verb are the indicator, and the candidate is kept
only when its context looks forward (到2025年, 力争, 确保, a 目标/任务 section …) and not back
(已, 同比, 比上年, 去年 …), and it is not a rule's threshold (每亩200元, 400万元以下的项目).

The rules are tables at the top of the module; the code below only walks the text.
Offsets are never changed: full-width digits and signs are mapped one-to-one to ASCII for
matching, and every ``Target.text`` is sliced from the caller's string.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher
from functools import lru_cache

from .indicators import table_targets
from .record import Target
from .textutil import TO_SIMPLIFIED

# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

# Verbs that state a LEVEL: the indicator is what precedes the verb.
LEVEL_VERBS = {
    "达到": ">=", "达": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=",
    "超过": ">", "突破": ">", "高于": ">", "多于": ">", "大于": ">",
    "保持在": "=", "稳定在": "=", "维持在": "=", "保持": "=",
    "控制在": "<=", "控制到": "<=", "不超过": "<=", "不高于": "<=", "不多于": "<=",
    "低于": "<", "少于": "<", "小于": "<",
    "提高到": ">=", "提高至": ">=", "提升到": ">=", "提升至": ">=", "增加到": ">=", "增加至": ">=",
    "增长到": ">=", "增长至": ">=", "扩大到": ">=", "扩大至": ">=", "上升到": ">=", "上升至": ">=",
    "降低到": "<=", "降低至": "<=", "下降到": "<=", "下降至": "<=", "降到": "<=", "降至": "<=",
    "减少到": "<=", "减少至": "<=", "压减到": "<=", "压减至": "<=", "缩短到": "<=", "缩短至": "<=",
    "压缩到": "<=", "压缩至": "<=", "缩减到": "<=", "缩减至": "<=",
    "实现": ">=",
}
# Verbs that state a CHANGE (提高2个百分点 is not a level): at least the stated change is the goal.
# A growth rate keeps its verb in the indicator (年均增长12%: the indicator is …年均增长).
CHANGE_VERBS = {
    "年均增长": ">=", "年均提高": ">=", "年均下降": ">=", "增长": ">=", "增加": ">=",
    "提高": ">=", "提升": ">=", "上升": ">=", "下降": ">=", "降低": ">=", "减少": ">=",
    "压减": ">=", "压降": ">=", "缩短": ">=", "减负": ">=", "节约": ">=",
}
# Verbs that COUNT things (培育10家, 培育“瞪羚”企业330家): what is counted may sit between the
# verb and the number.
COUNT_VERBS = {
    "培育": ">=", "新培育": ">=", "形成": ">=", "新增": ">=", "新建": ">=", "建成": ">=",
    "建设": ">=", "打造": ">=", "引进": ">=", "引育": ">=", "创建": ">=", "认定": ">=",
    "招引": ">=", "吸引": ">=", "带动": ">=", "覆盖": ">=", "惠及": ">=", "培训": ">=",
    "扶持": ">=", "落地": ">=", "签约": ">=", "储备": ">=", "推出": ">=", "新推出": ">=",
    "盘活": ">=", "改造": ">=", "选择": ">=", "配备": ">=", "配齐": ">=", "整治": ">=",
    "开通": ">=", "开设": ">=", "开行": ">=", "维修": ">=", "发展": ">=", "实施": ">=", "完成": ">=", "治理": ">=", "修复": ">=", "设立": ">=", "组建": ">=", "至少有": ">=", "办好": ">=", "新改建": ">=", "改建": ">=",
}
# A comparator word may follow a change verb: 年均增长高于12%, 增长超过10%.
AFTER_CHANGE = {k: v for k, v in LEVEL_VERBS.items()
                if k in ("达到", "不低于", "不少于", "超过", "突破", "高于", "保持在", "稳定在",
                         "控制在", "不超过", "不高于", "低于")}
RATE_VERBS = ("年均增长", "年均提高", "年均下降", "增长")
QUALIFIERS = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=",
              "之内": "<=", "内": "<=", "左右": "=", "上下": "="}
# Units as written.  万/亿 in front of a unit stay in the unit ('1.5万家' is 1.5 万家).
BASE_UNITS = ("个百分点", "百分点", "%", "‰", "万亿元", "亿美元", "万美元", "美元", "元",
              "平方公里", "微克/立方米", "毫克/立方米", "毫克/升", "平方米", "立方米", "公顷", "亩", "公里", "千米", "米",
              "万千瓦", "千瓦时", "千瓦", "兆瓦", "千伏安", "克标准煤", "吨标准煤", "吨", "标箱", "头",
              "个月", "个工作日", "小时", "分钟", "天",
              "人次", "批次", "单", "户", "列", "期", "栋", "幢", "家", "个", "项", "人", "名", "所", "座", "条", "台", "辆", "艘",
              "套", "张", "场", "次", "件", "部", "处", "类", "种", "支", "床", "级", "岁", "口",
              "倍", "GW", "MW", "kW", "km")
MAGNITUDE_UNITS = ("万亿", "亿", "万")   # (a 繁體 page's 億, 個 … are read in the simplified copy)
TIME_UNITS = ("小时", "分钟")
# '1小时通达', '30分钟主岛全覆盖': reach-time goals, "within N".
REACH_WORDS = r"通达|到达|抵达|可达|直达|全覆盖|覆盖|交通圈|生活圈|经济圈|服务圈|就医圈"

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
FAN = {"": 2, "一": 2, "两": 4, "二": 4, "三": 8}          # 翻番, 翻一番, 翻两番, 翻三番

# Words in front of a verb that make it a commitment (力争达到, 推动建成, 将突破).
MODALS = r"力争|确保|争取|努力|预计|计划|有望|推动|加快|全力|着力|将|要|可|再"
# Clause-level cues.  A clause with a retrospective cue is a result, never a goal.
RETRO = (r"已经|已|完成了|实现了|达到了|去年|较上年|上年|上一年|同比|同期|比上年|截至|截止|累计完成|"
         r"目前|以来|共计|共有|当年|全年实现|上半年实现|位列|排名|居全")
# Sentence-level cues that make a sentence forward-looking.
# (Deadlines are not here: they open a scope of their own, see DEADLINE.)
FORWARD = r"力争|确保|目标|预计到|计划到|今后|未来|下一步|规划期"
# Rules, not goals: thresholds of eligibility (sentence), and sums paid out (clause, money only):
# '每亩200元补助', '最高奖励50万元'.
RULE = r"给予|奖补|资助|可享受|罚款|处以(?![上下内])|补助标准|补贴标准"   # not '40处以上'
# Words of a rule that name who may apply: not a rule's where 力争, or a deadline in the same
# sentence, makes the figure a goal ('到2026年底，具备条件的建制村通客车率保持100%')
ELIGIBILITY = r"申请|申报|符合条件|条件的"
PAYMENT = r"补助|补贴|奖励|资助|贴息|奖补|最高|一次性|面额|单张|单笔"
# the share of a cost someone pays: '政策范围内支付比例不低于50%', '补助比例提高至12%'
_RATE_OF = re.compile(r"按[^，。；;]{0,20}的\s*$")   # '按工程投资的60%由县级财政补助'
PAID_SHARE = re.compile(r"(?:补助|补贴|支付|报销|奖励|资助|贴息|担保)比例|用于[^，。；;]{0,20}的比例")
# Section headings that open a forward (plans, tasks) or backward (results) part.
FORWARD_HEADING = r"目标|任务|计划|措施|举措|思路|安排|重点工作|工作重点|路径|要求"
RETRO_HEADING = r"情况|成效|成绩|成就|回顾|总结|进展|完成|基础|现状|背景"

WINDOW = 200       # a clause longer than this is not one a reader would call a clause

# ---------------------------------------------------------------------------------------------
# Patterns (compiled once)
# ---------------------------------------------------------------------------------------------

# Full-width ASCII (０-９, ％, ～ …) to half-width, one char for one char, so offsets survive.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# the matching copy: half-width, and simplified where a 繁體 page prints traditional characters
_HALF = _WIDTH | TO_SIMPLIFIED


@lru_cache(maxsize=4)
def halfwidth(text: str) -> str:
    """The copy of ``text`` the patterns read: full-width ASCII to half-width and traditional
    characters to simplified, one for one (positions stay those of ``text``)."""
    return text.translate(_HALF)


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_CN = "零〇一二两三四五六七八九十百千"
# small patterns used per candidate, compiled once
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_LEADING_ZERO = re.compile(r"0\d+")
_YEAR_IN = re.compile(r"((?:19|20)\d\d)\s*年")
_TOP_LEVEL = re.compile(r"\s*[一二三四五六七八九十]|\s*第")
# '建成4个高级版、42个初级版', '分别增长5.8%和7%', '整治山坪塘420口、渠道180公里' share the verb
_LIST_GAP = re.compile(r"[^\d，。；;]{0,16}(?:、|和|及)[^\d，。；;]{0,16}")
_AR_NUM = r"\d{1,9}(?:,\d{3})*(?:\.\d+)?"
_CN_NUM = rf"[{_CN}]{{1,8}}(?:[万亿][{_CN}]{{1,8}}){{0,2}}(?:点[零〇一二三四五六七八九]{{1,6}})?"
_CN_ONLY = re.compile(rf"[{_CN}]+")
_NUM = rf"(?:{_AR_NUM}|{_CN_NUM})"
# a unit per head or per output: '15.2平方米/人', '295克标准煤/千瓦时', '4.5张/千人'
_PER = r"(?:/(?:千|万|百|十万)?(?:人|户|床|千瓦时|平方米|吨|年|亩))?"
_UNIT = rf"(?:(?:{_alt(MAGNITUDE_UNITS)})?(?:{_alt(BASE_UNITS)}){_PER}|{_alt(MAGNITUDE_UNITS)})"
_QUAL = rf"(?:[(（]含[)）])?(?P<qual>{_alt(QUALIFIERS)})"
QUANTITY = re.compile(
    # the lookahead names every character a quantity can start with: the engine then skips the
    # other positions at once instead of trying each alternative there (twice as fast a scan)
    rf"(?=[翻\d{_CN}])(?<![\d.,{_CN}第])(?:"
    rf"翻(?P<fan>[一两二三]?)番"
    rf"|百分之(?P<pct>{_NUM})(?:\s*[~～至到—–-]\s*(?:百分之)?(?P<pct2>{_NUM}))?"
    rf"|千分之(?P<pmil>{_NUM})"
    rf"|(?P<cheng>[一二两三四五六七八九十]{{1,2}}(?:点[一二三四五六七八九])?)成(?![为功立员本果效绩交])"
    # years with a decimal are a duration, never a date: '受教育年限提高到11.8年'
    rf"|(?P<years>\d{{1,2}}\.\d{{1,2}})\s*年(?![底末初度])"
    rf"|(?P<num>{_NUM})\s*(?P<u1>%|‰)?(?:\s*[~～至到—–-]\s*(?P<num2>{_NUM}))?\s*(?P<unit>{_UNIT})"
    rf")(?:\s*{_QUAL})?")
VERB_BEFORE = re.compile(
    rf"(?P<modal>(?:{MODALS})?)(?:(?P<change>{_alt(CHANGE_VERBS)})(?P<after>{_alt(AFTER_CHANGE)})?"
    rf"|(?P<level>{_alt(LEVEL_VERBS)}))\s*$")
COUNT_BEFORE = re.compile(
    rf"(?P<modal>(?:{MODALS})?)(?P<count>{_alt(COUNT_VERBS)})(?!率)"
    # what is counted: no figure of its own, but a grade may hold a digit ('国家4A级旅游景区3家');
    # never a rate ('治理率为…', '完成年度目标比率73.73%' are levels, not counts)
    # and a class may ('年营业收入超10亿元的物流企业8家')
    rf"(?P<obj>(?:[^\d，。；;,:：！？!?\n]|\d[A-Z]|\d{{2,4}}千伏|(?:超过|超|高于|达到)\d+(?:\.\d+)?[^，。；;\d]{{1,4}}?的)"
    rf"{{0,16}}?)"
    rf"(?<!率)\s*$")   # '500千伏…工程12项'
# The longest text VERB_BEFORE and COUNT_BEFORE can match before their trailing space (see _ending).
_LONGEST_MODAL = max(map(len, MODALS.split("|")))
VERB_SPAN = _LONGEST_MODAL + max(max(map(len, CHANGE_VERBS)) + max(map(len, AFTER_CHANGE)),
                                 max(map(len, LEVEL_VERBS)))
COUNT_SPAN = _LONGEST_MODAL + max(map(len, COUNT_VERBS)) + 2 * 16   # 16 items of up to 2 chars
# '2025年去存60%': a year directly before a short indicator.
YEAR_LEAD = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年(?:底|末)?(?P<ind>[\u4e00-\u9fff]{1,6})$")
REACH_AFTER = re.compile(rf"[^，。；;,\d]{{0,8}}?(?:{REACH_WORDS})(?!率)")
CLAUSE_SEP = re.compile(r"[，,；;。！？!?：:\n｜|]")   # ｜ parts a 图解's summary of goals
SENTENCE_SEP = re.compile(r"[。！？!?；;\n]")
RETRO_RE = re.compile(RETRO)
# A sentence that opens by taking stock up to a year already reached reports, all its clauses.
RETRO_LEAD = re.compile(r"\s*(?:截至|截止)(?:到)?\s*(?P<y>(?:19|20)\d\d|[一二][〇零九][〇零一二三四五六七八九]{2})\s*年")
# '2025年，全市…达到79.2岁' in a document of 2026: a sentence about a year gone by
PAST_YEAR_LEAD = re.compile(r"\s*(?P<y>(?:19|20)\d\d)\s*年(?:底|末|全年|上半年)?\s*[，,]")
# '“十四五”以来，…', '近年来，…': a paragraph that looks back over a period up to now
PAST_PERIOD_LEAD = re.compile(r"\s*[^，。；;\n]{0,12}(?:以来|近年来|近几年)[，,]")
FORWARD_RE = re.compile(FORWARD)
RULE_RE = re.compile(RULE)
ELIGIBILITY_RE = re.compile(ELIGIBILITY)
OBLIGED = re.compile(r"须|应当|必须|应在|接[到报][^，。；;]{0,12}后")
# '每亩200元', '人均补助500元': a rate paid per head, unless a level verb makes the per-head figure
# an indicator ('人均预期寿命达到80.5岁'); '每年完成…150个' counts a year's work
PER_RE = re.compile(r"(?:每(?!年(?:完成|新增|新建|建成|培训|改造|开展|举办))|每\d{1,2}年|人均|户均|亩均)(?:(?!达到|提高到|提升到|增长|超过|突破|至少)[^\d，。；]){0,6}$")
PAYMENT_RE = re.compile(PAYMENT)
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+[章节部分])")
FWD_HEAD_RE = re.compile(FORWARD_HEADING)
# A part that sets who qualifies and how much they get: its thresholds are rules.
RULE_HEAD_RE = re.compile(r"(?:申报|申请|支持|认定|准入|评审|补助|奖补|奖励)(?:条件|对象|标准|程序|材料)")
# An unnumbered part heading of a report: '2024年工作回顾', '2025年工作安排' (short, no punctuation)
_PART_HEADING = re.compile(rf"^\s*(?:(?:19|20)\d\d\s*年)?[\u4e00-\u9fff“”]{{0,8}}"
                           rf"(?:{FORWARD_HEADING}|{RETRO_HEADING})\s*$")
RETRO_HEAD_RE = re.compile(RETRO_HEADING)
# Deadlines give a year to the clauses that follow them, up to the next deadline or paragraph end.
DEADLINE = re.compile(
    r"(?=[到至力12十年今明本])"   # its first characters: a fast scan (see QUANTITY)
    r"(?:(?:(?<!截)到|(?<![截直])至|力争)\s*(?P<y>(?:19|20)\d\d)\s*年(?![\d一二三四五六七八九十]+月(?!底|末))"
    r"|(?P<y2>(?:19|20)\d\d)\s*年\s*(?:底|末|年底|年末)?\s*前"
    r"|十(?P<fyp>[一二三四五六])五(?:”|\")?\s*(?:(?:期|时期|规划)?末|期间)"
    r"|(?P<rel>年底前|年内|今年|明年|本年度))")
PERIOD = re.compile(r"(?P<a>(?:19|20)\d\d)\s*年?\s*[—–\-~～至到]+\s*(?P<b>(?:19|20)\d\d)\s*年")
FYP = re.compile(r"十(?P<n>[一二三四五六])五")
PLAN_LEAD = re.compile(r"\s*(?:今年|明年|本年度|下一步|今后|下阶段|(?:19|20)\d\d\s*年)[^。\n]{0,12}?"
                       r"(?:要|将|重点|抓好|做好|计划|目标|安排)")
PLAN_YEAR = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*年(?:度)?[，,]?[^。\n]{0,30}?(?:将|工作计划|工作要点|计划)")
# Words cut from the front of an indicator / a target's text, and from the end of an indicator.
_LEAD_TIME = (r"\s|(?:到|至|力争到?)\s*(?:19|20)\d\d\s*年(?:底|末)?(?:前)?|(?:19|20)\d\d\s*年(?:底|末)?前|"
              r"十[一二三四五六]五末|年底前|年内|其中|同时|此外|全年|今年")
_LEAD_MODAL = (r"力争|确保|争取|努力|预计|计划|有望|推动|加快|全力|着力|将|并|使|让|"
               r"全[市省区县州盟]|我[市省区县州盟]")    # the issuer's own area is not the indicator
LEAD_TIME = re.compile(rf"^(?:{_LEAD_TIME})+")
LEAD_STRIP = re.compile(rf"^(?:{_LEAD_TIME}|{_LEAD_MODAL})+")
TRAIL_STRIP = re.compile(rf"(?:基本|全面)?(?:实现|达成)$|比(?:19|20)\d\d\s*年$|(?:{_LEAD_MODAL})$")
NOUN_STOP = re.compile(r"[、，,；;。：:\n（(]|以上|以下|左右")
STRUCTURE = re.compile(r"(?:阶段|方面|部分|环节|步骤|层次|批次|章|节|条)")
# '400万元以下的项目', '人口规模300人以上、居住相对集中的村庄': a class the figure describes
ATTRIBUTIVE = re.compile(r"(?:、[^，。；;、\d]{1,10})?的(?!目标|水平)")
# A bound stated as a requirement: binding in a policy document's text (see find_targets).
BINDING_VERB = re.compile(r"(?:控制在|不低于|不少于|不超过|不高于|确保)\s*$")
PROCEDURE_UNITS = ("个工作日", "天", "小时", "分钟")   # time limits of a procedure, in a rule
TIME_INDICATOR = re.compile(r"(?:时间|时限|周期|用时|时长|小时数|时数)\s*(?:控制在|压缩至|压缩到|缩短至|缩短到|"
                            r"减少到|减少至|达到|不低于|不少于|超过|保持在|稳定在)?\s*$")
# a time a procedure takes, set by a verb that shortens it: '审批时限压缩至5个工作日'
TIME_CUT = re.compile(r"(?:压缩|缩短|压减|减少)(?:至|到)?\s*$")
# Dimensions in a requirement specify each thing built ('檐口高度不超过10.5米'): not targets.
SPEC_UNITS = ("米", "平方米", "立方米", "千米", "公里")
RATE_UNITS = ("%", "‰")
# Comparisons with the past: a report's, except in a requirement ('同比下降20%以上').
COMPARISON = frozenset(("同比", "同期", "比上年", "较上年"))
# '80%以上的城市公园完成…改造': a share of things that will have done something
_SHARE_DOING = re.compile(r"的[^，。；;\d]{1,12}?(?:完成|实现|达到|建成|具备|开展|开放)")
# '对列入省重点项目的，…': what those that meet a condition get - a rule
CONDITION_LEAD = re.compile(r"\s*对[^，。；;]{2,40}?的[^，。；;的]{0,10}[，,]")   # '…的旅行社，'
# '预计可新增年产值…', '二期项目建成后，预计新增冷库库容…': what something would yield, not a goal
ESTIMATE = re.compile(r"预计(?:可|能)|后[，,]?\s*预计")
_COUNT_OF_MEASURES = re.compile(r"(?:具体|重点|政策|支持)?(?:措施|举措|政策|任务|意见)|[)）]")
# '划定农村千人以上供水工程水源保护区': a class of works, not a count (no verb counts it)
_VERB_RIGHT_BEFORE = re.compile(rf"(?:{_alt(COUNT_VERBS)}|{_alt(LEVEL_VERBS)})\s*$")
PER_PERIOD = re.compile(r"每(?:天|日|周|月|学期|节课)")
_OBLIGED_FIGURE = re.compile(r"(?:应当|必须|应|须)\s*$")
# a word goes on right after the figure: '三级医院', '二期工程', '二次供水', '千人以上供水工程'
_CJK_AFTER = re.compile(r"[\u4e00-\u9fff]")
# '已建设施正常运行率达到90%': 已建 names which facilities, it does not look back (a figure
# between them, '已建成设施126座', is a result)
BUILT_BEFORE = re.compile(r"已建成?(?=[^，。；;\d]{2,20}?(?:达到|提高到|提升到|保持在|稳定在|不低于|超过|"
                          r"改造|修复|更新|提升))")   # '完成已建设施配套管网修复改造60公里'
COUNTED = frozenset(("累计完成", "累计"))   # a running total: ahead when a deadline or 力争 governs it
MODAL_VERB = re.compile(rf"(?:{MODALS})(?:{_alt(COUNT_VERBS)}|{_alt(LEVEL_VERBS)})")
RELATIVE = {"年底前": 0, "年内": 0, "今年": 0, "本年度": 0, "明年": 1}
FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030, "六": 2035}

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


def cn_number(s: str) -> float:
    """'三百二十' -> 320, '一点五' -> 1.5, '百' -> 100, '两' -> 2, '1,132.92' -> 1132.92."""
    s = s.replace(",", "")
    if _ARABIC.fullmatch(s):
        return float(s)
    whole, _, frac = s.partition("点")
    value = _cn_integer(whole)
    if frac:
        value += float("0." + "".join(str(CN_DIGITS.get(c, 0)) for c in frac))
    return value


def _cn_integer(s: str) -> float:
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch] if digit is None else digit * 10 + CN_DIGITS[ch]
        elif ch in ("万", "亿"):
            section = (section + (digit or 0)) * CN_SCALES[ch]
            total, section, digit = total + section, 0, None
        else:                                   # 十 百 千: '十二' has an implied 一
            section += (1 if digit is None else digit) * CN_SCALES[ch]
            digit = None
    return float(total + section + (digit or 0))


def _quantity(m: re.Match) -> tuple[float, str, float | None] | None:
    """(value, unit, upper bound of a range) of a QUANTITY match, or None when it is not one."""
    g = m.groupdict()
    if g["fan"] is not None:
        return float(FAN[g["fan"]]), "倍", None
    if g["pct"]:
        return cn_number(g["pct"]), "%", cn_number(g["pct2"]) if g["pct2"] else None
    if g["pmil"]:
        return cn_number(g["pmil"]), "‰", None
    if g["cheng"]:
        return cn_number(g["cheng"]) * 10, "%", None
    if g["years"]:
        return float(g["years"]), "年", None
    num, unit = g["num"], g["unit"]
    if _LEADING_ZERO.fullmatch(num):
        return None                             # phone prefixes (0591-…)
    if _CN_ONLY.fullmatch(num) and set(num) <= set("十百千") and unit == "级":
        return None                             # 千亿级 means "of the order of", not a figure
    if g["u1"] and unit != g["u1"]:
        return None
    if num == "一" and not g["num2"]:
        return None                             # 建成一个…, 打造一批…: an article, not a figure
    if num in ("零", "〇"):
        return None                             # 零部件, 零容忍: a word, not a figure
    return cn_number(num), unit, cn_number(g["num2"]) if g["num2"] else None


# ---------------------------------------------------------------------------------------------
# Context: years, sections, clause boundaries
# ---------------------------------------------------------------------------------------------


def _year_of(m: re.Match, doc_year: int | None) -> int | None:
    if m.group("y") or m.group("y2"):
        return int(m.group("y") or m.group("y2"))
    if m.group("fyp"):
        return FYP_END[m.group("fyp")]
    return doc_year + RELATIVE[m.group("rel")] if doc_year else None


def _default_year(text: str) -> int | None:
    """The year a whole plan aims at: the end of its period (2023—2025年, 十四五) or the year a
    work plan is written for ('2022年，…将…')."""
    head = text[:3000]
    if m := PERIOD.search(head):
        return int(m.group("b"))
    if m := FYP.search(head):
        return FYP_END[m.group("n")]
    if m := PLAN_YEAR.search(head):
        return int(m.group("y"))
    return None


_NEWLINE = re.compile("\n")


class _Context:
    """Precomputed positions: boundaries, deadlines and section headings, looked up by bisection
    so that long texts stay linear."""

    def __init__(self, text: str, doc_year: int | None):
        self.text = text
        self.doc_year = doc_year
        self.normative = False
        self.clause_seps = [m.start() for m in CLAUSE_SEP.finditer(text)]
        self.sentence_seps = [m.start() for m in SENTENCE_SEP.finditer(text)]
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]   # not a loop over chars
        self.default_year = _default_year(text)
        # (end, year, forward?) of each deadline phrase; 今年 gives a year but no commitment
        self.deadlines = [(m.end(), y, self._forward_deadline(m, y, doc_year))
                          for m in DEADLINE.finditer(text) for y in [_year_of(m, doc_year)]]
        self.deadline_ends = [d[0] for d in self.deadlines]
        self.sections = self._sections(text)
        self.section_starts = [s[0] for s in self.sections]

    def _forward_deadline(self, m: re.Match, year: int | None, doc_year: int | None) -> bool:
        """'到2025年' looks ahead; '到2015年底共有…' in a 2016 bulletin, or '今年', does not."""
        if m.group("rel") in ("今年", "本年度") or (year and doc_year and year < doc_year):
            return False
        _, end = self.bounds(self.clause_seps, m.end(), m.end(), WINDOW)
        # a running total is still ahead ('“十五五”期间累计完成营造林40万亩')
        return not set(RETRO_RE.findall(self.text, m.end(), end)) - COUNTED

    @staticmethod
    def _sections(text: str) -> list[tuple[int, str | None, int | None]]:
        """(start, 'forward' / 'retro' / None, year) for each heading; a heading without a cue of
        its own inherits its parent's: a sub-heading its top-level heading's, a top-level heading
        that of the report's part it stands in ('2025年工作安排' over '一、坚持项目为王')."""
        out, part, parent, pos = [], (None, None), (None, None), 0
        for line in text.split("\n"):
            stop = line.find("。", 0, 24) + 1
            if len(line) > 60 or 0 < stop < len(line.rstrip()):
                # an inline heading ('（二）发展基础。“十四五”以来，…'): its own words say what
                # the part is, not the sentence after it ('…短板。完成…改造60公里')
                line_head = line[:stop]
                h = HEADING.match(line_head) if line_head else None
            else:
                line_head, h = line, HEADING.match(line)
            if h or _PART_HEADING.match(line_head):
                state = ("rule" if RULE_HEAD_RE.search(line_head) else
                         "forward" if FWD_HEAD_RE.search(line_head) else
                         "retro" if RETRO_HEAD_RE.search(line_head) else None)
                y = _YEAR_IN.search(line_head)
                year = int(y.group(1)) if y else None
                if not h:                                  # a part of a report
                    part = parent = (state, year)
                elif _TOP_LEVEL.match(h.group()):          # top level
                    state, year = state or part[0], year or part[1]
                    parent = (state, year)
                else:
                    state, year = state or parent[0], year or parent[1]
                out.append((pos, state, year))
            pos += len(line) + 1
        return out

    def bounds(self, seps: list[int], start: int, end: int, reach: int) -> tuple[int, int]:
        """The clause (or sentence) around start..end, at most ``reach`` chars to either side:
        text without punctuation must not make every candidate rescan all of it."""
        i = bisect_left(seps, start)
        lo = seps[i - 1] + 1 if i else 0
        j = bisect_left(seps, end)
        hi = seps[j] if j < len(seps) else len(self.text)
        return max(lo, start - reach), min(hi, end + reach)

    def deadline(self, pos: int) -> tuple[bool, int | None]:
        """(a forward deadline governs pos, the governing year): the last deadline before pos
        in the same paragraph."""
        i = bisect_right(self.deadline_ends, pos)
        if not i:
            return False, None
        end, year, forward = self.deadlines[i - 1]
        para = bisect_left(self.newlines, end) == bisect_left(self.newlines, pos)
        return (forward, year) if para else (False, None)

    def paragraph_start(self, pos: int) -> int:
        i = bisect_left(self.newlines, pos)
        return self.newlines[i - 1] + 1 if i else 0

    def plan_paragraph(self, pos: int) -> bool:
        """Does the paragraph open as a plan ('今年重点抓好以下工作：', '2022年，我局将…')?"""
        start = self.paragraph_start(pos)
        return bool(PLAN_LEAD.match(self.text, start, start + 40))

    def section(self, pos: int) -> tuple[str | None, int | None]:
        i = bisect_right(self.section_starts, pos)
        return self.sections[i - 1][1:] if i else (None, None)


# ---------------------------------------------------------------------------------------------
# Reading one candidate
# ---------------------------------------------------------------------------------------------


def _ending(pattern: re.Pattern, text: str, longest: int) -> re.Match | None:
    """``pattern.search(text)`` for a pattern anchored at the end (``…\\s*$``) whose match before
    its trailing space is at most ``longest`` characters long. Only the tail of ``text`` can
    hold such a match: starting there spares the engine trying the pattern's dozens of verbs at
    every earlier position (this was most of the time spent per candidate)."""
    return pattern.search(text, max(0, len(text.rstrip()) - longest))


def _reading(work: str, m: re.Match, cs: int, prev) -> tuple[str, int, int, int] | None:
    """How a quantity is stated: (comparator, indicator start, indicator end, text start).
    indicator end < 0 means "the noun after the quantity"."""
    s = m.start()
    prefix = work[max(cs, s - 40):s]
    base = s - len(prefix)
    if m.group("fan") is not None:
        return "x", cs, s, cs
    if v := _ending(VERB_BEFORE, prefix, VERB_SPAN):
        if v.group("change"):
            cmp = AFTER_CHANGE.get(v.group("after") or "", CHANGE_VERBS[v.group("change")])
            verb = v.group("change")
            return cmp, cs, base + (v.end("change") if verb in RATE_VERBS else v.start("change")), cs
        return LEVEL_VERBS[v.group("level")], cs, base + v.start("level"), cs
    if c := _ending(COUNT_BEFORE, prefix, COUNT_SPAN):
        cmp = COUNT_VERBS[c.group("count")]
        if not c.group("obj").strip():
            return cmp, s, -1, cs               # '建成4个高级版': the thing follows the number
        if _clean(work[cs:base + c.start()], LEAD_STRIP)[1]:
            return cmp, cs, base + c.end("obj"), cs   # '城镇新增就业7万人': keep the subject
        return cmp, base + c.start("obj"), base + c.end("obj"), cs
    if prev and prev[0] == cs and _LIST_GAP.fullmatch(work[prev[1]:s]):
        return prev[2], s, -1, s                # '建成4个高级版、42个初级版…' shares the verb
    if m.group("unit") in TIME_UNITS and REACH_AFTER.match(work, m.end()):
        return "<=", cs, s, cs
    if y := YEAR_LEAD.search(prefix):
        return ">=", base + y.start("ind"), s, base + y.start()
    if m.group("qual"):
        return QUALIFIERS[m.group("qual")], cs, s, cs
    return None


def _noun_after(work: str, e: int, ce: int) -> int:
    """End of the noun phrase right after a quantity ('4个高级版、…' -> after 高级版)."""
    m = NOUN_STOP.search(work, e, min(ce, e + 16))
    return m.start() if m else min(ce, e + 16)


def _clean(span: str, lead: re.Pattern) -> tuple[int, str]:
    """Strip leading connectives/deadlines (and, for indicators, modal verbs) and trailing verbs;
    return (chars cut at the front, cleaned text)."""
    cut = 0
    if m := lead.match(span):
        cut = m.end()
    body = span[cut:]
    body = TRAIL_STRIP.sub("", body).strip()
    return cut, body


def _binding(work: str, m: re.Match, cs: int) -> bool:
    """A requirement's bound: '控制在…', '不低于…', a level ('保持100%', '产值突破600亿元'), a count
    with 以上/以内 ('培育50家以上'); not a time limit of a procedure ('10个工作日内', '公示期不少于5个工作日'),
    a dimension ('高度不超过10.5米') or a class ('3000万元以下')."""
    s, unit = m.start(), m.group("unit") or m.group("u1")
    if unit in SPEC_UNITS:
        return False
    if unit in PROCEDURE_UNITS and not TIME_INDICATOR.search(work, max(cs, s - 12), s):
        return False                            # unless a process's time is the indicator
    if BINDING_VERB.search(work, max(cs, s - 6), s):
        return True
    prefix = work[max(cs, s - 40):s]
    level = _ending(VERB_BEFORE, prefix, VERB_SPAN)
    if level and level.group("level"):
        return True                             # '整改率保持100%', '加工业产值突破600亿元'
    if level and m.group("qual"):
        return True                             # '年均增长7%以上'
    return bool(_ending(COUNT_BEFORE, prefix, COUNT_SPAN))   # '新改建户厕3000户'


def _is_goal(work: str, m: re.Match, ctx: _Context, cs: int, ce: int, modal: bool,
             binding: bool = False) -> bool:
    """Forward-looking (or a requirement of a policy text, ``binding``), not a past result, not
    a rule's threshold."""
    clause = work[cs:ce]
    retro = set(RETRO_RE.findall(BUILT_BEFORE.sub("", clause)))
    in_deadline, _ = ctx.deadline(m.start())
    # in a policy that sets requirements, '较上年下降1个百分点' measures a goal against a base
    if retro and not (((binding or ctx.normative) and retro <= COMPARISON)
                      or ((modal or in_deadline) and retro <= COUNTED)):
        return False                            # ('力争到2027年底累计完成1500台': still ahead)
    ss, se = ctx.bounds(ctx.sentence_seps, m.start(), m.end(), 2 * WINDOW)
    sentence = work[ss:se]
    period = max(work.rfind("。", 0, m.start()), work.rfind("\n", 0, m.start())) + 1
    lead = RETRO_LEAD.match(sentence) or RETRO_LEAD.match(work, period)
    if lead and (ctx.doc_year is None or _year_number(lead.group("y")) <= ctx.doc_year):
        return False                            # '截至2023年底，…覆盖居民58万人': a stock-take
    # a sentence, or the paragraph it is in, about a year gone by ('2015年，…。全年新签约项目86个',
    # '2024年，…增加值达到2860亿元；民营企业数量达到21.4万户')
    lead = (PAST_YEAR_LEAD.match(sentence) or PAST_YEAR_LEAD.match(work, period)
            or PAST_YEAR_LEAD.match(work, ctx.paragraph_start(ss)))
    if (lead and ctx.doc_year and int(lead.group("y")) < ctx.doc_year and not modal
            and not in_deadline and not FORWARD_RE.search(sentence)
            and not _YEAR_IN.search(sentence, lead.end() if lead.string is sentence else 0)):
        return False
    if ((PAST_PERIOD_LEAD.match(sentence) or PAST_PERIOD_LEAD.match(work, ctx.paragraph_start(ss)))
            and not (modal or in_deadline or FORWARD_RE.search(sentence))):
        return False
    if CONDITION_LEAD.match(sentence) or (ESTIMATE.search(work, ss, m.start()) and not in_deadline):
        return False                            # '对列入…的，补助比例提高至12%', '预计可新增产值…'
    eligible = ELIGIBILITY_RE.search(sentence) and not (modal or DEADLINE.search(work, period, m.start()))
    if clause.rstrip().endswith("的") and work[ce:ce + 1] in "，,":
        return False                            # '带动3人以上就业的，按每人…': a condition
    # a rule's words before or in the figure's clause make it the rule's ('对…的企业，给予…100万元');
    # after it, they start a rule of their own ('新增投放点200个，县财政按…给予补助')
    if RULE_RE.search(work, ss, ce) or eligible or PER_RE.search(work, max(cs, m.start() - 9), m.start()):
        return False
    if (("元" in (m.group("unit") or "") or _RATE_OF.search(work, cs, m.start()))
            and PAYMENT_RE.search(clause)) or PAID_SHARE.search(clause):
        return False
    state, _ = ctx.section(m.start())
    if PER_PERIOD.search(clause) and not (modal or in_deadline):
        return False                            # '每天综合体育活动时间不低于2小时': a standard for each day
    if state == "rule" and not (modal or in_deadline):
        return False                            # '三、申报条件 … 设备投资不低于500万元'
    local = modal or in_deadline or bool(FORWARD_RE.search(sentence))
    if local or state == "forward" or ctx.plan_paragraph(m.start()):
        return True
    # a bound without a forward cue: not under 发展基础 or 工作成效, nor in a sentence that looks
    # back ('近年来，…截至2023年底，…通达率达到90.6%')
    past = ctx.doc_year and any(int(y) < ctx.doc_year for y in _YEAR_IN.findall(sentence))
    return (binding and state != "retro" and not past   # '2024年专项行动中，…整改率达到97.3%'
            and not set(RETRO_RE.findall(sentence)) - COMPARISON)


def _year_number(text: str) -> int:
    """'2025' or '二〇二五' as a number."""
    return int(text) if text.isdigit() else int("".join(str(CN_DIGITS[c]) for c in text))


def _year(m: re.Match, ctx: _Context, lead_year: int | None) -> int | None:
    """The clause's own year, else the governing deadline, section heading, or plan period."""
    year = lead_year or ctx.deadline(m.start())[1] or ctx.section(m.start())[1] or ctx.default_year
    return year if year is not None and 1949 <= year <= 2100 else None


def _as_printed(found: str, text: str, work: str, start: int, end: int) -> str:
    """What the page prints where the matching copy reads ``found`` (its traditional characters
    back; full-width forms stay half-width)."""
    at = work.find(found, start, end)
    return text[at:at + len(found)].translate(_WIDTH) if at >= 0 and found else found


def _quoted_name(work: str, start: int, end: int) -> bool:
    """The figure sits inside a short quotation (“15分钟健身圈”, “1+N”, “县城到乡镇30分钟、乡镇
    到村20分钟”): part of a name."""
    opened = work.rfind("“", max(0, start - 20), start)
    if opened < 0 or "”" in work[opened:start]:
        return False
    closed = work.find("”", end, end + 12)
    return closed >= 0


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


@lru_cache(maxsize=4)
def quantities(text: str) -> tuple[re.Match, ...]:
    """Every QUANTITY in ``halfwidth(text)``, in order; cached as ``halfwidth`` is (actions
    count them to tell a bulletin from a plan)."""
    return tuple(QUANTITY.finditer(halfwidth(text)))


def find_targets(text: str, year: int | None = None, *, normative: bool = False) -> list[Target]:
    """Every quantified goal in ``text`` (plain article text, paragraphs joined by "\n"), in
    order.  ``year`` is the document's year, used for 今年/年底前/明年; it may be None.
    ``normative``: the text is a policy document's (通知, 意见, 方案 …), whose bounded
    requirements ('全年…控制在0.9‰以内', '达到95%以上') are targets even without 力争 or a deadline.
    Rows of an indicator table (cells separated by tabs) are read by ``indicators``."""
    if not text:
        return []
    work = halfwidth(text)
    ctx = _Context(work, year)
    ctx.normative = normative
    found = table_targets(text, ctx.default_year, year)
    row_spans = [(pos, _line_end(text, pos)) for pos, _ in found]
    seen = set()
    prev = None                                 # (clause start, end, comparator) of the last hit
    for m in quantities(text):
        if row_spans and any(a <= m.start() < b for a, b in row_spans):
            continue                            # that row was read as a table row
        target, prev = _target(text, work, m, ctx, prev)
        if (target and (key := (target.text, target.value, target.unit)) not in seen
                and not any(_restates(target, earlier) for _, earlier in found)):
            seen.add(key)
            found.append((m.start(), target))
    return [target for _, target in sorted(found, key=lambda item: item[0])]


def _restates(target: Target, earlier: Target) -> bool:
    """The same goal again in short ('装机规模800万千瓦以上' in a 图解 after '全省新型储能装机规模
    达到800万千瓦以上'): an interpretation's summary, a caption, a headline."""
    return ((target.value, target.unit, target.comparator)
            == (earlier.value, earlier.unit, earlier.comparator)
            and target.year in (None, earlier.year)    # a caption may stand outside the deadline
            and _same_indicator(target.indicator, earlier.indicator))


def _same_indicator(a: str | None, b: str | None) -> bool:
    """One names the other, or most of it: '规模以上工业企业数字化改造覆盖率' in the text,
    '规上工业企业数字化改造覆盖率' in the 专栏 table."""
    if not a or not b:
        return False
    if a in b:
        return True
    shared = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return shared >= 6 and shared >= 0.6 * min(len(a), len(b))


def _target(text: str, work: str, m: re.Match, ctx: _Context, prev):
    cs, ce = ctx.bounds(ctx.clause_seps, m.start(), m.end(), WINDOW)
    reading = _reading(work, m, cs, prev)   # most candidates have none: the cheap test first
    q = _quantity(m) if reading else None
    if not q:
        return None, prev
    cmp, ind_start, ind_end, text_start = reading
    e = m.end()
    if _quoted_name(work, m.start(), e):
        return None, prev                       # '“15分钟健身圈”': a name, not a goal
    if _OBLIGED_FIGURE.search(work, max(cs, m.start() - 3), m.start()):
        return None, prev                       # '固定车位应100%建设充电设施': a standard for each case
    if (m.group("unit") == "次" and _CN_ONLY.fullmatch(m.group("num") or "") and _CJK_AFTER.match(work, e)):
        return None, prev                       # '二次供水', '二次开发': a term
    if m.group("unit") in ("级", "期") and _CJK_AFTER.match(work, e):
        return None, prev                       # '三级医院', '二期工程': a grade, a phase
    if (m.group("qual") and _CJK_AFTER.match(work, e) and work[e] != "的"
            and not _VERB_RIGHT_BEFORE.search(work, max(cs, m.start() - 4), m.start())):
        return None, prev                       # '千人以上供水工程': a class
    if STRUCTURE.match(work, e) or (m.group("unit") in ("条", "项") and _COUNT_OF_MEASURES.match(work, e)):
        return None, prev                       # '分…三个阶段', '提出22条具体措施', '（5条）': how a text is built
    share = "%" in (m.group("unit") or m.group("u1") or "") or m.group("pct") or m.group("cheng")
    if (ATTRIBUTIVE.match(work, e) and not (share and _SHARE_DOING.match(work, e))
            and (not VERB_BEFORE.search(work, max(cs, m.start() - 6), m.start())
                 or QUANTITY.search(work, e, ce))):
        # '400万元以下的项目', '培育营业收入超过10亿元的企业100家': a class, not a goal
        return None, prev
    modal = bool(MODAL_VERB.search(work, max(cs, m.start() - 12), m.start()))
    reach = (m.group("unit") in TIME_UNITS and (r := REACH_AFTER.match(work, e))
             and not OBLIGED.search(work, cs, m.start()))   # '接报后须在30分钟内到达': a duty
    if (not reach and m.group("unit") in PROCEDURE_UNITS
            and not TIME_INDICATOR.search(work, max(cs, m.start() - 12), m.start())
            and not TIME_CUT.search(work, max(cs, m.start() - 6), m.start())):
        return None, prev                       # '自受理之日起10个工作日内': a procedure's time limit
    binding = ctx.normative and _binding(work, m, cs)
    if not (reach or _is_goal(work, m, ctx, cs, ce, modal, binding)):
        return None, prev
    value, unit, upper = q
    if m.group("qual") and cmp != "x":
        cmp = QUALIFIERS[m.group("qual")]
    if upper is not None and cmp in ("<=", "<"):
        value = upper
    if not math.isfinite(value):
        return None, prev
    if reach:
        e = r.end()
    if ind_end < 0:                             # the counted thing follows the number
        ind_start, ind_end = e, _noun_after(work, e, ce)
        e = max(e, ind_end)
    _, indicator = _clean(work[ind_start:ind_end], LEAD_STRIP)
    indicator = _as_printed(indicator, text, work, ind_start, ind_end)
    tcut, _ = _clean(work[text_start:e], LEAD_TIME)
    snippet = text[text_start + tcut:e].strip()
    lead = YEAR_LEAD.search(work, max(cs, m.start() - 12), m.start())
    if m.group("unit"):   # as printed: '億元' on a 繁體 page
        unit = text[m.start("unit"):m.end("unit")].translate(_WIDTH)
    target = Target(text=snippet or text[m.start():m.end()], indicator=indicator,
                    comparator=cmp, value=value, unit=unit,
                    year=_year(m, ctx, int(lead.group("y")) if lead else None))
    return target, (cs, e, cmp)
