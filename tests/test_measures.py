"""Actions: the top-level measures a policy enumerates (zhengce.measures.find_actions)."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_goals import seed_body
from zhengce.measures import find_actions, stated_count


def texts(text):
    return [a.text for a in find_actions(text)]


# --- named lists ----------------------------------------------------------------------------------

def test_named_list_with_stated_count():
    text = ("《行动方案》从产业链提升行动、企业培育行动、数字化改造行动等3个方面，明确主攻方向。"
            "下一步，将从加强组织领导、强化督查考核等方面确保落实。")
    assert texts(text) == ["产业链提升行动", "企业培育行动", "数字化改造行动"]
    assert stated_count(text) == 3


def test_named_list_count_in_chinese_and_last_item_joined_by_he():
    assert texts("今年重点实施科技创新和人才引育两大工程。") == ["科技创新", "人才引育"]
    assert texts("方案部署了三大行动：园区提质行动、企业倍增行动、招商攻坚行动。") == [
        "园区提质行动", "企业倍增行动", "招商攻坚行动"]
    assert stated_count("方案部署了三大行动：园区提质行动、企业倍增行动、招商攻坚行动。") == 3


def test_named_list_starts_after_the_innermost_opening_verb():
    text = "《三年行动方案（2024—2026年）》近日印发。方案明确实施平台建设、集群培育、数字赋能、人才引育四大工程。"
    assert texts(text) == ["平台建设", "集群培育", "数字赋能", "人才引育"]


def test_count_must_agree_with_items():
    # four names but "3个方面": the list is not trusted, and nothing else is a list
    assert texts("从A类行动、B类行动、C类行动、D类行动等3个方面推进。") == []


def test_uncounted_list_after_a_verb_of_doing():
    assert texts("今年要重点抓好项目建设、招商引资、营商环境优化、民生保障。") == [
        "项目建设", "招商引资", "营商环境优化", "民生保障"]


# --- inline enumerations ---------------------------------------------------------------------------

def test_inline_shi_list_with_forward_lead():
    text = "下一步，我局将重点做好以下工作：一是加快项目建设。确保按期投产。二是优化营商环境；三是强化要素保障。"
    assert texts(text) == ["加快项目建设", "优化营商环境", "强化要素保障"]


def test_inline_list_printed_one_item_to_a_paragraph():
    text = ("《若干措施》共6个方面22条，主要内容可以概括为以下三个方面：\n"
            "一是破除市场准入壁垒。全面落实市场准入负面清单制度。\n"
            "二是强化要素保障。优化工业用地供应方式。\n三是加大金融支持力度。扩大政府性融资担保覆盖面。\n"
            "下一步，我们将加快制定配套细则。")
    assert texts(text) == ["破除市场准入壁垒", "强化要素保障", "加大金融支持力度"]


def test_inline_di_yi_list():
    text = "为此，要着重抓好三件事：第一，稳住工业基本盘。第二，扩大有效投资。第三，提振居民消费。"
    assert texts(text) == ["稳住工业基本盘", "扩大有效投资", "提振居民消费"]


def test_inline_list_with_stated_count_in_an_interpretation():
    text = ("一、出台背景\n原办法出台较早，已难以适应新形势。\n二、主要内容\n"
            "《办法》从四个方面作出规定：一是扩大补贴对象，纳入失能老人。二是分档确定标准。"
            "三是推行电子化发放。四是强化资金监管。\n三、联系方式\n电话：0871-1234567")
    assert texts(text) == ["扩大补贴对象，纳入失能老人", "分档确定标准", "推行电子化发放", "强化资金监管"]


def test_inline_list_reporting_past_results_is_not_actions():
    text = "今年以来，我局取得明显成效：一是优化了投资布局。二是完成了重组整合。"
    assert texts(text) == []
    assert texts("环保工作充分发挥监测职能。一是加强对饮用水源的监测。二是加强对企业的监测。") == []


# --- structured documents -------------------------------------------------------------------------

PLAN = """为推动制造业高质量发展，制定本方案。
一、总体要求
坚持以新发展理念为指导，推动制造业高端化、智能化、绿色化发展。
二、主要目标
到2025年，制造业增加值占比不低于35%。
三、重点任务
（一）实施产业链强链行动。聚焦重点产业链，实行链长制。
（二）实施企业梯度培育行动。建立梯度培育库。
（三）实施数字化改造行动；推动规上企业数字化改造全覆盖。
四、保障措施
（一）加强组织领导。成立领导小组。
（二）强化要素保障。优先保障项目用地。"""


def test_children_of_the_tasks_part_not_the_support_part():
    assert texts(PLAN) == ["实施产业链强链行动", "实施企业梯度培育行动", "实施数字化改造行动"]


def test_support_part_alone_is_used():
    text = PLAN.split("三、重点任务")[0] + "三、保障措施\n（一）加强组织领导。成立领导小组。\n（二）强化要素保障。优先保障用地。"
    assert texts(text) == ["加强组织领导", "强化要素保障"]


def test_ordinals_run_one_to_n():
    assert [a.ordinal for a in find_actions(PLAN)] == [1, 2, 3]


def test_operative_top_level_headings():
    text = ("各有关单位：\n为进一步规范企业登记，现就有关事项通知如下：\n"
            "一、企业名称登记\n（一）允许名称中使用“基金管理”等字样直接登记。\n（二）需前置审批的，取得审批后登记。\n"
            "二、经营范围登记\n（一）明确投资类企业经营范围表述，给予注册便利。\n"
            "三、工作保障机制\n市场监管局每月将注册信息告知金融办，共同加强监测。")
    assert texts(text) == ["企业名称登记", "经营范围登记", "工作保障机制"]


def test_top_level_tasks_without_a_tasks_heading():
    text = ("一、总体要求\n坚持创新驱动，推动制造业高质量发展。\n二、主要目标\n到2025年，产值达到100亿元。\n"
            "三、推进产业升级\n（一）做强主导产业。加快发展电子信息产业。\n"
            "四、强化创新驱动\n（一）建设创新平台。支持企业建设研发机构。\n"
            "五、保障措施\n（一）加强组织领导。成立工作领导小组。")
    # a part named 保障措施 supports the measures, it is not one (as the fixtures' gold reads it)
    assert texts(text) == ["推进产业升级", "强化创新驱动"]


def test_heading_text_is_the_lead_sentence():
    text = ("一、践行建党精神，做好党建文章，营造良好氛围。\n（一）党建领路。以党建为牵引，巩固创建成果。\n"
            "二、立足旅游工作，做好旅游文章，打造旅游目的地。\n（一）立足业态特色。策划一批落地性强的项目。")
    assert texts(text) == ["践行建党精神，做好党建文章，营造良好氛围", "立足旅游工作，做好旅游文章，打造旅游目的地"]


def test_year_plan_section_of_a_report():
    text = ("一、2024年工作情况\n（一）深化改革。完成改革任务78%，同比提高12个百分点。\n"
            "（二）加强监管。出台制度5项。\n二、2025年工作计划\n"
            "（一）全方位深化改革攻坚。推动国有资本向主业集中。\n（二）多举措激发企业活力。完善差异化考核。")
    assert texts(text) == ["全方位深化改革攻坚", "多举措激发企业活力"]


def test_interpretation_contents_whose_sub_headings_are_measures():
    # an interpretation's template (背景, 主要内容, 适用对象 …) is not operative, but the sub-headings
    # of its 主要内容 are the policy's measures when they read as measures
    text = ("一、起草背景\n为吸引青年人才，市人社局会同市财政局起草了《若干措施》。\n"
            "二、主要内容\n《若干措施》共4个方面12条，主要内容如下：\n"
            "（一）拓宽就业渠道。对吸纳高校毕业生的企业给予一次性扩岗补助。\n"
            "（二）支持自主创业。给予1万元一次性创业补贴。\n"
            "（三）强化住房保障。发放租房补贴。\n（四）优化人才服务。开通服务“绿色通道”。\n"
            "三、适用对象\n毕业5年内的高校毕业生。\n四、实施时间\n自2024年1月1日起施行。")
    assert texts(text) == ["拓宽就业渠道", "支持自主创业", "强化住房保障", "优化人才服务"]


def test_roster_of_a_commendation_is_not_actions():
    text = ("为表彰先进，决定授予县应急管理局等3个单位“先进集体”称号，授予李明等2名同志“先进个人”称号。\n"
            "附件\n先进集体和先进个人名单\n一、先进集体（3个）\n县应急管理局、县公安局、河口镇人民政府\n"
            "二、先进个人（2名）\n李明（县应急管理局）、王芳（河口镇人民政府）")
    assert texts(text) == []


# --- not actions ----------------------------------------------------------------------------------

BULLETIN = "\n".join(
    f"{n}、{name}\n全年{name}增加值{v}亿元，比上年增长{g}%；其中主要产品产量{v * 2}万吨，同比增长{g + 1}%。"
    for n, name, v, g in [("一", "综合", 262, 5), ("二", "农业", 41, 3), ("三", "工业", 127, 6),
                          ("四", "服务业", 112, 4)])


def test_statistics_bulletin_has_no_actions():
    assert texts("2022年，全县经济运行稳中向好。\n" + BULLETIN) == []


def test_interpretation_template_has_no_actions():
    text = ("一、背景依据\n为保障粮食安全，制定本细则。\n二、目标任务\n稳定全区粮食生产。\n"
            "三、工作进展\n2022年4月印发细则。\n四、范围期限\n有效期至2025年12月30日。\n"
            "五、主要内容\n（一）申报条件\n在本区种植大豆5亩以上的。\n（二）奖补标准\n每亩补助200元。\n"
            "六、注意事项\n逾期不予受理。\n七、联系人及联系电话\n0591-23153280")
    assert texts(text) == []


def test_regulation_articles_are_not_actions():
    text = ("第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本市行政区域。\n"
            "第三条 市财政局负责组织实施。\n第四条 本办法自发布之日起施行。")
    assert texts(text) == []


def test_table_of_contents_and_fact_lists_are_not_actions():
    toc = "一、总则\n二、规划布局\n三、建设管理\n四、附则"
    facts = "主要违法违规事实\n一、委托无资格个人销售保险\n二、财务数据不真实\n三、未使用备案条款"
    assert texts(toc) == [] and texts(facts) == []


def test_news_and_list_pages_have_no_actions():
    news = "平潭网12月31日讯 近日，实验区为1501家企业发放稳岗返还资金，金额合计275.9万元。"
    listing = "通知公告\n关于开展2024年度评审的通知 2024-03-01\n关于公布检查结果的公告 2024-02-20"
    assert texts(news) == [] and texts(listing) == []


def test_stated_count_without_list():
    assert stated_count("规划提出了“一网两区四体系”七项重点任务。") == 7
    assert stated_count("本通知自印发之日起施行。") is None


# --- the seed page --------------------------------------------------------------------------------

def test_seed_page_eight_actions():
    body = seed_body()
    assert texts(body) == ["重大创新平台能级提升行动", "关键技术持续攻关行动", "科技成果转移转化行动",
                           "研发投入持续攻关行动", "科技人才引育行动", "科技体制改革攻坚行动",
                           "基层科技管理能力提升行动", "科技合作交流拓展行动"]
    assert stated_count(body) == 8


# --- properties -----------------------------------------------------------------------------------

FRAGMENTS = ["一、", "二、", "三、", "（一）", "（二）", "(三)", "1.", "2.", "一是", "二是", "三是", "第一，",
             "第二，", "第三条", "重点任务", "保障措施", "工作计划", "背景", "、", "，", "。", "；", "\n",
             "等8个方面", "两大工程", "八大行动：", "从", "实施", "重点抓好", "行动", "比上年增长5%",
             "将", "下一步", "加强组织领导", "同比", "已"]

policy_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)),
                       max_size=80).map("".join)


def check_actions(text):
    actions = find_actions(text)
    assert [a.ordinal for a in actions] == list(range(1, len(actions) + 1))
    assert all(isinstance(a.text, str) and a.text for a in actions)
    count = stated_count(text)
    assert count is None or count >= 2


@settings(max_examples=300, deadline=None)
@given(policy_text)
def test_any_policy_like_text_gives_valid_actions(text):
    check_actions(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_gives_valid_actions(text):
    check_actions(text)


@pytest.mark.parametrize("unit", [
    "一、" * 50_000, "一是" * 50_000, "、" * 100_000, "从" + "甲、" * 50_000 + "等8个方面",
    "重点抓好" + "乙" * 100_000, "（一）甲。\n" * 20_000, "八大行动：" + "丙、" * 40_000,
    "一、甲\n" + "比上年增长5%。" * 10_000, "第一，" * 30_000, "一、重点任务\n" * 30_000,
    "一、重点任务\n（一）甲。\n" * 8_000, "八大行动：" + "从" * 50_000, "八个方面：" * 20_000,
])
def test_100kb_inputs_run_quickly(unit):
    start = time.perf_counter()
    check_actions(unit)
    assert time.perf_counter() - start < 5


def test_a_named_list_spelled_out_later_gives_the_spelled_out_leads():
    text = ("《若干措施》从项目建设、经营主体、品牌推广3个方面提出12条具体措施。\n"
            "《若干措施》主要包括以下内容：一是支持农文旅融合项目建设。给予奖励。"
            "二是培育壮大农文旅经营主体。鼓励发展民宿。三是加强农文旅品牌宣传推广。打造区域公共品牌。")
    assert texts(text) == ["支持农文旅融合项目建设", "培育壮大农文旅经营主体", "加强农文旅品牌宣传推广"]


def test_a_rules_section_labels_are_not_actions():
    text = ("为保障公共安全，现就禁止燃放烟花爆竹有关事项通告如下：\n一、禁放区域\n城区范围内全年禁止燃放烟花爆竹。\n"
            "二、禁止行为\n禁止在禁放区域内销售、燃放烟花爆竹。\n三、法律责任\n违反本通告的，由公安机关依法处罚。\n"
            "四、施行时间\n本通告自发布之日起施行。")
    assert texts(text) == []


def test_tasks_given_out_in_a_task_table():
    text = ("一、总体要求\n坚持政府推动、全民参与。\n二、重点任务\n各区要按照分工表抓好落实。\n"
            "三、保障措施\n（一）加强组织领导。成立工作专班。\n（二）强化资金保障。纳入预算。\n"
            "附件\n生活垃圾分类重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t推进塑料制品源头减量。推广可降解替代产品。\t市发展改革委\t市商务局\t2025年12月底前\n"
            "2\t完善分类投放设施。新建投放点800个以上。\t市城市管理局\t各区人民政府\t2025年10月底前\n"
            "3\t强化执法监管。开展专项执法检查。\t市城市管理局\t市公安局\t长期坚持")
    assert texts(text) == ["推进塑料制品源头减量", "完善分类投放设施", "强化执法监管"]


def test_yi_yao_enumeration_of_a_meeting_led_in_its_first_paragraph():
    text = ("会议要求，一要压紧压实防汛责任。严格落实防汛责任制。\n二要全面排查整治风险隐患。开展拉网式复查。\n"
            "三要强化监测预警和应急处置。及时发布预警信息。")
    assert texts(text) == ["压紧压实防汛责任", "全面排查整治风险隐患", "强化监测预警和应急处置"]


def test_articles_whose_leads_are_measures_are_actions_a_rules_articles_are_not():
    measures = ("第一条 支持企业技术改造。对设备投资给予补助。\n第二条 鼓励企业扩能上规模。给予一次性奖励。\n"
                "第三条 推进数字化智能化改造。建设智能工厂。\n第四条 本措施自2025年5月1日起施行。")
    assert texts(measures) == ["支持企业技术改造", "鼓励企业扩能上规模", "推进数字化智能化改造"]
    rules = ("第一条 为了规范专项资金管理，制定本办法。\n第二条 本办法适用于市级专项资金。\n"
             "第三条 市财政局负责资金预算管理。\n第四条 本办法自发布之日起施行。")
    assert texts(rules) == []


def test_a_task_among_tasks_is_not_a_part_holding_them():
    text = ("一、加强组织领导\n各乡镇要把冬修水利作为重点工作，层层分解任务。\n二、突出建设重点\n"
            "（一）加快重点水利工程建设。倒排工期。\n（二）大力推进高标准农田建设。集中连片建设。\n"
            "三、创新投入机制\n积极争取上级资金，统筹整合涉农资金。\n四、强化督查考核\n实行月调度、季通报。")
    assert texts(text) == ["加强组织领导", "突出建设重点", "创新投入机制", "强化督查考核"]


def test_questions_are_not_actions_the_answer_lists_them():
    text = ("一、《方案》出台的背景是什么？\n为加快发展夜间经济，市商务局起草了《方案》。\n"
            "二、《方案》提出了哪些重点任务？\n《方案》提出以下五个方面：（一）优化夜间经济空间布局。建设特色街区。"
            "（二）丰富夜间消费业态。（三）提升夜间文旅消费品质。\n三、如何咨询相关政策？\n请拨打热线电话。")
    assert texts(text) == ["优化夜间经济空间布局", "丰富夜间消费业态", "提升夜间文旅消费品质"]


def test_a_reports_parts_named_for_what_they_report_are_not_actions():
    text = ("一、总体情况\n2024年，我局认真贯彻政府信息公开条例。\n二、收到和处理政府信息公开申请情况\n"
            "本年新收申请28件，均按时答复。\n三、存在的主要问题及改进情况\n主动公开的深度有待提高。\n"
            "四、其他需要报告的事项\n本年度未收取信息处理费。")
    assert texts(text) == []


def test_a_campaigns_activities_are_its_actions():
    text = ("一、活动目标\n力争到2025年底，全年举办各类促消费活动200场以上。\n二、活动安排\n"
            "（一）开展汽车消费季。3月至5月组织车展。\n（二）开展家电以旧换新活动。支持企业让利。\n"
            "（三）开展夜间消费节。举办夜市。\n三、工作要求\n（一）加强组织协调。\n（二）强化安全保障。")
    assert texts(text) == ["开展汽车消费季", "开展家电以旧换新活动", "开展夜间消费节"]


def test_verb_led_measures_dense_in_amounts_are_actions():
    # a 若干措施 of subsidies is as dense in figures as a bulletin; its headings say what to do
    text = ("一、扩大老年助餐服务供给。按每餐3元标准给予补助，所需资金由市、县两级财政按5:5比例分担。\n"
            "二、发展社区嵌入式养老服务。按每百户不少于20平方米的标准配建养老服务设施。\n"
            "三、提升养老机构护理服务能力。对新增护理型床位，每张给予一次性建设补助5000元。\n"
            "四、强化养老服务人才支撑。每年培训养老护理员不少于2000人次，给予入职奖励2万元。")
    assert texts(text) == ["扩大老年助餐服务供给", "发展社区嵌入式养老服务", "提升养老机构护理服务能力",
                           "强化养老服务人才支撑"]


def test_items_one_to_a_paragraph_after_a_sentence_that_counts_them():
    text = ("围绕上述目标，《行动方案》从五个方面部署了15项重点任务。\n一是实施城市公共充电网络优化行动。布局公共充电设施。\n"
            "二是实施居民小区充电设施建设行动。落实配建要求。\n三是实施县乡村充电网络覆盖行动。补齐短板。\n"
            "四是实施充电设施智慧化提升行动。建设平台。\n五是实施充电服务质量提升行动。规范收费。\n"
            "答：下一步，我们将重点抓好三个方面的工作。\n第一，同步推进充电设施建设。\n第二，推行统建统服模式。\n"
            "第三，明确物业服务企业的配合义务。")
    assert texts(text) == ["实施城市公共充电网络优化行动", "实施居民小区充电设施建设行动", "实施县乡村充电网络覆盖行动",
                           "实施充电设施智慧化提升行动", "实施充电服务质量提升行动"]


def test_the_outer_enumeration_a_task_table_under_its_heading_not_a_timetable():
    text = ("围绕上述目标，重点抓好六个方面工作。第一，完善商业网络布局。第二，改造提升乡镇商贸中心。第三，建设村级便民商店。\n"
            "第四，健全农村物流配送体系。第五，发展农村电子商务。一是培育电商主体；二是建设公共服务中心；三是开展人才培训。"
            "第六，强化农产品上行。")
    assert texts(text) == ["完善商业网络布局", "改造提升乡镇商贸中心", "建设村级便民商店", "健全农村物流配送体系",
                           "发展农村电子商务", "强化农产品上行"]
    table = ("一、主要目标\n到2027年，新增公共停车泊位25000个。\n二、重点任务\n专项行动聚焦以下3项重点任务。\n"
             "序号\t任务\t具体措施\t责任单位\t完成时限\n1\t开展停车资源普查\t摸清底数。\t市自然资源局\t2026年6月底前\n"
             "2\t加快公共停车场建设\t新建公共停车场40处以上。\t市住建局\t2027年6月底前\n"
             "3\t规范路内停车管理\t科学施划泊位。\t市公安局\t2026年12月底前\n"
             "三、工作安排\n（一）动员部署阶段（2026年4月）。制定方案。\n（二）集中攻坚阶段（2026年5月至2027年10月）。推进建设。\n"
             "（三）总结评估阶段（2027年11月至12月）。全面评估。\n四、保障措施\n（一）加强组织领导。\n（二）强化要素保障。")
    assert texts(table) == ["开展停车资源普查", "加快公共停车场建设", "规范路内停车管理"]


def test_a_support_part_is_not_one_of_the_top_level_measures():
    text = ("一、总体要求\n坚持保护优先。\n二、实施精品景区提质工程\n推动景区提档升级，新增4A级景区6家。\n"
            "三、实施文旅消费扩容工程\n培育夜间消费集聚区，丰富消费新场景。\n四、实施智慧文旅赋能工程\n推动数字化转型，建设智慧平台。\n"
            "五、保障措施\n加强组织领导，强化资金保障。")
    assert texts(text) == ["实施精品景区提质工程", "实施文旅消费扩容工程", "实施智慧文旅赋能工程"]


def test_named_special_actions_under_a_part_of_them():
    text = ("一、总体要求\n到2028年，物流业增加值突破420亿元。\n二、专项行动\n专项行动一：物流枢纽能级提升行动\n"
            "行动目标：到2028年，建成国家物流枢纽1个。\n1.加快国家物流枢纽建设。\n专项行动二：多式联运提速行动\n"
            "行动目标：多式联运货运量年均增长12%以上。\n1.推进公转铁。\n三、保障措施\n（一）加强统筹协调。\n（二）强化要素保障。")
    assert texts(text) == ["物流枢纽能级提升行动", "多式联运提速行动"]


def test_a_two_column_task_table_whose_rows_broke_onto_lines():
    text = ("二、重点任务\n重点任务\t主要内容\n政务服务提质行动\n深化“高效办成一件事”改革，推进集成办理。\n"
            "市场准入便利行动\t持续深化商事制度改革，推行一网通办。\n要素保障强化行动\t推行“标准地”出让。\n"
            "三、保障措施\n（一）加强组织领导。\n（二）强化督查考核。")
    assert texts(text) == ["政务服务提质行动", "市场准入便利行动", "要素保障强化行动"]
