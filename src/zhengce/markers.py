"""Everything we know about the look of government pages, as data.

Selectors, marker words and labels live here so that the stages that use them stay short and a
newcomer can extend a list without reading the code that walks it.
"""
from __future__ import annotations

import re

# --- containers ------------------------------------------------------------------------------
# CMS body containers, strongest first (DOMAIN.md section 4): (attribute, value) where attribute
# is "id", "class" (one class token), "tag" or "id^" (id prefix). Case matters, as in the CMSs.
CONTAINERS = (
    ("id", "UCAP-CONTENT"), ("tag", "ucapcontent"),
    ("class", "TRS_UEDITOR"), ("class", "TRS_Editor"), ("id^", "TRS_AUTOADD"),
    ("id", "zoom"), ("id", "Zoom"), ("id", "zoomcon"),
    ("class", "pages_content"), ("class", "article-content"), ("class", "hbgov-article-content"),
    ("class", "wp_articlecontent"),
    ("id", "Content"), ("id", "content"), ("id", "ContentText"),
)
# Comment or meta pairs that bracket the article in Hanweb and other CMSs.
# (a word the page must contain, begin pattern, end pattern): the word is a cheap test before
# a case-blind regex runs over the whole page.
MARKER_PAIRS = (
    ("ZJEG_RSS", r"<!--\s*ZJEG_RSS\.content\.begin\s*-->", r"<!--\s*ZJEG_RSS\.content\.end\s*-->"),
    ("ContentStart", r"<meta\s+name=[\"']?ContentStart[\"']?\s*/?>", r"<meta\s+name=[\"']?ContentEnd[\"']?\s*/?>"),
    ("<!--", r"<!--\s*(?:正文|content)\s*(?:开始|start|begin)\s*-->", r"<!--\s*(?:正文|content)\s*(?:结束|end)\s*-->"),
)
# Elements that never hold article text (also: anything hidden, see dom.HIDDEN_XPATH).
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
             "embed", "svg", "canvas", "select", "option", "button", "input", "textarea", "map",
             "audio", "video", "head")
# --- boilerplate lines -----------------------------------------------------------------------
# Page furniture, in two regexes because anchored ones are cheap: BOILERPLATE_START is matched
# at the start of a line, BOILERPLATE_ANYWHERE searched through it.
BOILERPLATE_START = re.compile(
    r"(?:当前位置|您(?:现在)?的位置|您当前的位置|所在位置|位置)\s*[:：>]|(?:标签|Tags|栏目|所属栏目)\s*[:：]|"
    r"[【\[]?\s*字(?:体|号)\s*[:：]?\s*[\[【(]?\s*(?:大|默认|小)|"
    r"分享(?:到)?\s*[:：]?|[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|我要纠错|收藏)\s*[】\]]?\s*$|"
    r"(?:浏览次数|访问量|阅读次数|点击数|浏览量|阅读量)\s*[:：]|"
    r"扫一扫|上一篇|下一篇|上一条|下一条|"
    r"(?:相关链接|相关稿件|相关解读|相关文章|相关新闻|相关阅读|相关文件)\s*[:：]?\s*$|"
    r"(?:无障碍浏览|无障碍|长者模式|退出长者模式|长辈版|退出长辈版|关怀版|退出关怀版|适老化|"
    r"简体|繁体|繁體|切換到繁體|切换到繁体|(?i:en|english))\s*$|"
    r"[（(【\[]?\s*(?:责任编辑|编辑|审核|校对|终审|初审|复审)\s*[:：]|"
    r"(?:微信|微博|QQ空间|QQ|微信 ?微博.*)\s*$|"
    r"【?\s*(?:字号|字体)\s*】?\s*$|(?:大|中|小)\s*$|"
    r"\[\s*(?:[\w-]+|\s+)\s*\]\s*$|"
    r"版权与免责声明|免责声明")
# Searched patterns open every alternative with a literal character: the regex engine then skips
# to the candidate positions at C speed (a leading [..] class makes it try every alternative at
# every position, 3x slower on the lines of a page).
BOILERPLATE_ANYWHERE = re.compile(
    r"【\s*字体\s*[:：]?\s*[\[【(]?\s*大|\[\s*字体\s*[:：]?\s*[\[【(]?\s*大|字体\s*[:：]\s*[\[【(]?\s*大\s*[|｜ ]*\s*中|"
    r"打印本页|关闭窗口|【打印】|【关闭】|【返回顶部】|【关闭本页】|手机扫一扫|"
    r"本站及其子站|转载请注明|建议(?:您)?使用.{0,20}浏览器|浏览器版本|最佳浏览效果|分辨率|"
    r"升级浏览器|Flash插件|视频加载中|无法播放|正文加载中|内容加载中|加载中，请稍候")


def is_boilerplate_line(text: str) -> bool:
    return bool(BOILERPLATE_START.match(text) or BOILERPLATE_ANYWHERE.search(text))


# The earliest of these ends the article (DOMAIN.md: cut at the earliest strong footer marker).
FOOTER_STRONG = re.compile(r"网站标识码|ICP\s*备|公网安备|版权所有|网站地图|违法和不良信息举报|"
                           r"Copyright|copyright|COPYRIGHT|©|\(c\)\s*\d{4}|\(C\)\s*\d{4}")
FOOTER_WEAK = re.compile(r"^(?:主办单位|主办|承办单位|承办|技术支持|运行维护|维护单位|联系我们|"
                         r"地址|邮编|电话|传真|联系电话|网站声明|隐私)\s*[:：|]")
# Lines that close the article body (what follows is page tail, not text).
BODY_END = re.compile(r"^(?:上一篇|下一篇|【?相关(?:链接|稿件|解读|文章|新闻|阅读)】?\s*[:：]?\s*$|"
                      r"扫一扫|手机扫一扫|附件下载\s*$|版权与免责声明)")

# The bullets and boxes a crawler's text dump draws in front of list items and menu entries.
BULLET = re.compile(r"^\s*[•·□■◆●○◇▪►※]\s*")

# --- metadata labels -------------------------------------------------------------------------
# The 信息公开 block (DOMAIN.md section 2): canonical field -> label variants.
INFO_LABELS = {
    "index": ("索引号", "信息索引号"),
    "topic": ("主题分类", "组配分类", "信息分类", "公开目录", "体裁分类", "分类"),
    "issuer": ("发文机关", "发文机构", "发布机构", "发布单位", "制发机关", "发文单位"),
    "co_issuers": ("联合发文单位", "联合发文机关", "联合发文", "会签单位"),
    "issue_date": ("成文日期", "发文日期", "制发日期", "生成日期", "印发日期", "成文时间"),
    "doc_number": ("发文字号", "文号", "文件编号"),
    "publish_date": ("发布日期", "公开日期", "上载日期", "发布时间", "公开时间"),
    "title": ("标题", "名称", "文件名称"),
    "keywords": ("主题词", "关键词"),
    "validity": ("有效性", "时效性", "效力状态", "生效日期", "废止日期", "废止时间"),
    "open_mode": ("公开方式", "公开范围", "公开形式"),
    "source": ("信息来源", "来源", "文章来源", "稿件来源"),
    "serial": ("统一编号", "登记号"),
}
# Labels of the lines around the title that give publish date and source.
DATE_LABELS = ("发布日期", "发布时间", "公开日期", "发文日期", "时间", "日期", "发表时间", "更新时间")
SOURCE_LABELS = ("信息来源", "文章来源", "稿件来源", "来源", "来自")
SITE_LABELS = ("主办单位", "主办")

# Values some CMS templates leave in meta tags: never a real value.
PLACEHOLDERS = re.compile(r"^(?:null|none|undefined|栏目名称|标题|文章标题|\$\{.*\}|<.*>|\{.*\}|\d{1,3})$",
                          re.I)

# --- documents -------------------------------------------------------------------------------
# 文种 (and policy words) the title can end with, mapped to a kind. Longest first where it matters.
GENRE_KIND = (
    ("政策解读", "interpretation"), ("解读", "interpretation"), ("答记者问", "interpretation"),
    ("问答", "interpretation"), ("图解", "interpretation"),
    ("公示", "notice"), ("公开表", "notice"), ("结果公告", "notice"), ("招标公告", "notice"),
    ("中标公告", "notice"), ("采购公告", "notice"), ("征求意见稿", "notice"), ("通报", "notice"),
    ("统计公报", "other"), ("公报", "other"), ("报告", "other"), ("总结", "other"), ("年报", "other"),
    ("预算公开", "other"), ("决算公开", "other"), ("预算", "other"), ("决算", "other"),
    ("通知", "policy"), ("意见", "policy"), ("办法", "policy"), ("方案", "policy"),
    ("规划", "policy"), ("条例", "policy"), ("决定", "policy"), ("决议", "policy"),
    ("公告", "policy"), ("通告", "policy"), ("规定", "policy"), ("细则", "policy"),
    ("措施", "policy"), ("计划", "policy"), ("纲要", "policy"), ("指引", "policy"),
    ("指南", "policy"), ("批复", "policy"), ("命令", "policy"), ("令", "policy"), ("复函", "policy"), ("函", "policy"),
    ("规则", "policy"), ("标准", "policy"), ("守则", "policy"), ("章程", "policy"), ("要点", "policy"),
    ("清单", "policy"), ("目录", "policy"), ("纪要", "policy"), ("请示", "policy"), ("议案", "policy"),
)
# 文种 of rules: their bounds are thresholds, not targets (see pipeline._sets_requirements).
RULE_GENRES = frozenset(("条例", "办法", "细则", "规定", "规则", "守则", "章程", "标准", "令", "命令",
                         "通告", "公告", "指引", "指南", "清单", "目录", "批复", "函"))
# 文种 that answer a request: their items approve and set conditions, they list no measures.
REPLY_GENRES = frozenset(("批复", "复函"))
# Accounts made public (部门预算, 决算): their figures are money spent, not goals; their 一是…
# lines are where it goes, not measures
ACCOUNT_GENRES = frozenset(("预算公开", "决算公开", "预算", "决算"))
# Titles that say what a page is wherever the words stand: '关于公开征求《…办法（征求意见稿）》意见
# 的公告' announces a consultation, a notice, though it ends in 公告.
# And a press conference named after a document ('…《若干措施》新闻发布会') explains it.
TITLE_KIND = ((re.compile(r"征求.{0,80}?意见(?!稿)"), "notice"),
              (re.compile(r"》.{0,12}?(?:新闻发布会|政策吹风会|吹风会)"), "interpretation"),
              # '…关于2025年第二季度食品安全监督抽检信息的公告': a 公告 that reports findings
              (re.compile(r"(?:抽检|抽查|检查|检验|检测|监测|评估|考核|验收)(?:结果|信息|情况)的?(?:公告|通告)$"),
               "notice"))
# Column names that say what a page is when its title does not.
COLUMN_KIND = (
    (re.compile(r"解读|回应关切|答问"), "interpretation"),
    (re.compile(r"公示|公告|招标|采购|处罚|人事信息"), "notice"),
    (re.compile(r"要闻|动态|新闻|资讯|工作|快讯|信息|发布会|图片|视频|专题|运行"), "news"),
    (re.compile(r"文件|政策|法规|规章|规范性|规划|计划"), "policy"),
)
# Endings of the names of public bodies (issuers, signature lines).
ORG_SUFFIX = (r"(?:人民代表大会常务委员会|常务委员会|人民政府|政府办公厅|政府办公室|办公厅|办公室|"
              r"辦公廳|辦公室|委員會|管委會|廳|"   # as a 繁體 page prints them
              r"委员会|管理委员会|管委会|党工委|工委|委|厅|局|部|署|院|府|会|中心|总局|分局|支队|"
              r"调查队|调查总队|银行|集团|公司|小组|联合会|协会|研究所|大学|法院|检察院|处|所|站|办)")


# One public body's full name ('XX市人民政府办公室'), a line of them (a signature, a 公报 byline),
# and a line that is nothing but a date (the 成文日期 under a signature).
ORG_NAME = re.compile(rf"^[\u4e00-\u9fff（）()]{{1,40}}{ORG_SUFFIX}$")
DATE_ONLY_LINE = re.compile(r"^[\d〇○零OＯ一二三四五六七八九十年月日\s./-]{6,20}$")


# The caption under the title of a report, a speech or a law: when and where it was given or
# adopted ('——2025年1月8日在枫湾县第十八届人民代表大会第五次会议上', '（2024年8月29日…会议通过）').
CAPTION = re.compile(r"^(?:——|—)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*在.{2,60}?上$"
                     r"|^[(（].{0,6}?(?P<adopted>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日).{0,80}?"
                     r"(?:通过|批准|公布)[^)）]{0,60}[)）]$")


def is_org_line(text: str) -> bool:
    parts = text.split()
    return bool(parts) and len(text) <= 80 and all(ORG_NAME.match(p) for p in parts)
