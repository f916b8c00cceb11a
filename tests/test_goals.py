"""Targets: quantified goals in policy text (zhengce.goals.find_targets)."""
from __future__ import annotations

import math
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhengce.goals import cn_number, find_targets
from zhengce.record import COMPARATORS

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "s001.txt"


def one(text, year=None):
    found = find_targets(text, year)
    assert len(found) == 1, found
    return found[0]


def triples(text, year=None):
    return [(t.comparator, t.value, t.unit) for t in find_targets(text, year)]


# --- numbers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, value", [
    ("三百二十", 320), ("一点五", 1.5), ("百", 100), ("两", 2), ("十二", 12), ("二十", 20),
    ("一万五千", 15000), ("1,132.92", 1132.92), ("375", 375), ("零点八", 0.8),
])
def test_cn_number(written, value):
    assert cn_number(written) == pytest.approx(value)


@pytest.mark.parametrize("sentence, value, unit", [
    ("到2027年，全省研发经费投入强度达到1.5%。", 1.5, "%"),
    ("到2027年，数字经济核心产业增加值占比力争达到百分之一点五。", 1.5, "%"),
    ("到2026年，全市生物医药产业规模达到375亿元。", 375, "亿元"),
    ("到2026年，文旅产业收入突破百亿元。", 100, "亿元"),
    ("到2026年，国家高新技术企业突破1.5万家。", 1.5, "万家"),
    ("到2026年，民营经济增加值占比超过三成。", 30, "%"),
    ("到2026年，累计建成充电桩超过2000个。", 2000, "个"),
    ("到2026年，新建改建农村公路不少于三百二十公里。", 320, "公里"),
    ("到2026年，城镇新增就业达到12万人。", 12, "万人"),
])
def test_numbers_and_units_as_written(sentence, value, unit):
    t = one(sentence)
    assert (t.value, t.unit) == (pytest.approx(value), unit)


def test_doubling_is_a_multiple():
    assert triples("到2030年，全市规模以上工业企业实现翻番。") == [("x", 2, "倍")]
    assert triples("到2030年，高新技术企业数量翻一番。") == [("x", 2, "倍")]
    assert triples("力争到2035年，全区经济总量比2020年翻两番。") == [("x", 4, "倍")]


def test_range_keeps_lower_bound_and_whole_text():
    t = one("今年，全省地区生产总值力争增长5%~5.5%。", 2024)
    assert (t.value, t.unit) == (5, "%")
    assert "5%~5.5%" in t.text
    t = one("到2025年，城镇调查失业率控制在5%至5.5%。")
    assert t.comparator == "<=" and t.value == 5.5


# --- comparators ----------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, comparator", [
    ("研发投入强度达到2%", ">="), ("研发投入强度不低于2%", ">="), ("专利授权量不少于2000件", ">="),
    ("研发投入强度力争达到2%", ">="), ("研发投入强度超过2%", ">"), ("技术合同成交额突破2亿元", ">"),
    ("研发投入强度高于2%", ">"), ("制造业占比保持在30%", "="), ("制造业占比稳定在30%左右", "="),
    ("单位能耗控制在0.5吨标准煤以内", "<="), ("审批时限压缩至5个工作日以内", "<="), ("财政赤字率不超过3%", "<="), ("失业率低于5.5%", "<"),
    ("高新技术企业数量达到500家以上", ">="), ("PM2.5平均浓度降至30以下", None),
    ("重点区域噪声达标率达到90%左右", "="), ("政府负债率控制在60%以下", "<="),
])
def test_comparator_from_verb_and_qualifier(phrase, comparator):
    found = find_targets(f"到2025年，{phrase}。")
    if comparator is None:               # no unit: a bare number is not a target
        assert found == []
    else:
        assert [t.comparator for t in found] == [comparator]


def test_level_is_not_a_change():
    level = one("到2025年，重点企业关键工序数控化率提高到75%。")
    change = one("到2025年，规模以上工业企业研发投入强度提高2个百分点。")
    assert (level.value, level.unit, level.indicator) == (75, "%", "重点企业关键工序数控化率")
    assert (change.value, change.unit) == (2, "个百分点")


def test_growth_rate_keeps_its_verb_in_the_indicator():
    t = one("到2025年，全社会研发经费投入年均增长高于12%。")
    assert (t.indicator, t.comparator, t.value) == ("全社会研发经费投入年均增长", ">", 12)
    t = one("“十四五”期间，规上工业增加值力争年均增长8%以上。")
    assert t.indicator.endswith("年均增长") and t.comparator == ">="


def test_counted_things_and_lists_sharing_a_verb():
    found = find_targets("2024年，要推动建成6个示范园区、30个美丽乡村；力争培育“专精特新”企业50家以上。")
    assert [(t.value, t.unit) for t in found] == [(6, "个"), (30, "个"), (50, "家")]
    assert found[2].indicator == "“专精特新”企业" and found[2].comparator == ">="


def test_reach_time_goal():
    found = find_targets("到2025年，基本实现与周边城市1小时通达，城区内30分钟全覆盖。")
    assert [(t.comparator, t.value, t.unit) for t in found] == [("<=", 1, "小时"), ("<=", 30, "分钟")]


def test_indicator_and_text():
    t = one("到2025年，全市工业技术改造投资突破百亿元，产业结构持续优化。")
    assert t.indicator == "工业技术改造投资"
    assert t.text == "全市工业技术改造投资突破百亿元"


# --- years ----------------------------------------------------------------------------------------

def test_deadline_governs_following_clauses_until_paragraph_end():
    text = ("到2025年，研发投入强度达到2%，技术合同成交额突破50亿元。高企数量突破800家。\n"
            "全省森林覆盖率保持在60%以上，力争达到62%。")
    assert [t.year for t in find_targets(text)] == [2025, 2025, 2025, None, None]


def test_next_deadline_takes_over():
    text = "到2025年，研发投入强度达到2%；到2030年，研发投入强度达到2.5%。"
    assert [(t.value, t.year) for t in find_targets(text)] == [(2, 2025), (2.5, 2030)]


def test_five_year_plan_ends():
    assert one("“十四五”末，全省5G基站数量超过10万个。").year == 2025
    assert one("十五五末，全省5G基站数量超过20万个。").year == 2030


def test_plan_period_gives_default_year():
    text = ("《某市数字经济发展行动计划(2023—2025年)》印发。\n"
            "计划提出，力争数字经济核心产业增加值占比达到10%。")
    assert one(text).year == 2025


def test_work_plan_year_and_relative_years():
    assert one("2022年，我局将围绕中心工作，力争新增市场主体1000户。").year == 2022
    assert one("年底前，力争全市新能源汽车保有量突破5万辆。", 2024).year == 2024
    assert one("明年，力争全市新能源汽车保有量突破8万辆。", 2024).year == 2025
    assert one("年底前，力争全市新能源汽车保有量突破5万辆。").year is None


def test_year_directly_before_the_indicator():
    found = find_targets("按照2024年去化30%、2025年去化60%的目标要求推进。")
    assert [(t.value, t.year) for t in found] == [(30, 2024), (60, 2025)]


def test_plan_paragraph_makes_clauses_forward():
    text = ("过去一年，全市地区生产总值达到5230亿元，增长6.1%。\n"
            "今年重点抓好以下工作：一是扩大有效需求。全年实施重点项目500个以上。二是新增规上工业企业300家。")
    found = find_targets(text, 2024)
    assert [(t.value, t.unit, t.year) for t in found] == [(500, "个", 2024), (300, "家", 2024)]


def test_count_keeps_its_subject():
    t = one("今年的主要预期目标是：城镇新增就业7万人以上。", 2024)
    assert (t.indicator, t.comparator, t.value, t.unit) == ("城镇新增就业", ">=", 7, "万人")


def test_goal_section_makes_clauses_forward():
    text = "二、2025年工作计划\n持续压缩管理层级，原则上控制在三级以内。"
    t = one(text)
    assert (t.comparator, t.value, t.unit) == ("<=", 3, "级")


# --- not targets ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "2023年5月8日印发，自2023年6月1日起施行。",                      # dates
    "现将有关事项通知如下（澜政办〔2023〕12号）。",                    # document number
    "联系电话：0591-23163407，传真0591-23163408。",                  # phone numbers
    "去年全市地区生产总值增长8%，达到3200亿元。",                    # past result
    "1-10月，全县固定资产投资完成246.79亿元，同比增长15.3%。",       # money already spent
    "全年实现生产总值262.6亿元，比上年增长5.3%。",                   # statistics bulletin
    "截至2023年底，全市老年人口达到41.6万人。",                      # a count as of a past date
    "目前已建成5G基站3000个，实现了乡镇全覆盖。",                    # 已 / 实现了
    "第1页 共5页 上一页 下一页",                                     # page counter
    "凡年满60周岁的老年人，可申请免费体检。",                         # ages
    "对种植5亩以上大豆的种植户给予每亩200元补助。",                   # subsidy rule
    "400万元以下的工程采购项目，应当专门面向中小企业采购。",          # threshold of a class
    "力争技术改造提速，每家企业补助不超过100万元。",                  # subsidy per firm
    "确保政策落地，对首次入规企业最高奖励50万元。",                   # reward paid once
    "出台8项具体措施，从8个方面推动科技创新。",                       # counts of measures
    "“十四五”时期是向第二个百年奋斗目标进军的第一个五年。",          # ordinals
    "建成一个高水平研发平台，打造一批龙头企业。",                     # 一个/一批 are articles
    "形成千亿级产业集群。",                                           # order of magnitude
])
def test_not_a_target(sentence):
    assert find_targets(sentence, 2024) == []


def test_forward_clause_after_past_clause():
    text = "2023年全市研发投入强度为1.8%，比上年提高0.1个百分点。到2025年，研发投入强度达到2.2%。"
    assert [(t.value, t.unit, t.year) for t in find_targets(text, 2024)] == [(2.2, "%", 2025)]


def test_past_deadline_in_a_bulletin_is_not_a_goal():
    assert find_targets("到2015年底共有人工造林面积1469公顷，森林覆盖率达63.1%。", 2016) == []


def test_full_width_digits_keep_offsets():
    text = "到２０２５年，研发投入强度达到１．５％。"
    t = one(text)
    assert (t.value, t.unit, t.year) == (1.5, "%", 2025) and t.text in text


# --- requirements of a policy text ----------------------------------------------------------------

NOTICE = ("各乡镇人民政府：\n全年森林火灾受害率控制在0.9‰以内，森林火灾24小时扑灭率达到95%以上。\n"
          "对排查发现的隐患，自受理之日起10个工作日内整改到位，公示期不少于5个工作日。\n"
          "总投资3000万元以下的项目由县级审批。")


def test_a_policy_texts_bounded_requirements_are_targets():
    # no 力争, no deadline: in a news report these would be facts, in a 通知 they are required
    assert triples(NOTICE) == []
    found = find_targets(NOTICE, 2024, normative=True)
    assert [(t.indicator, t.comparator, t.value, t.unit) for t in found] == [
        ("森林火灾受害率", "<=", 0.9, "‰"), ("森林火灾24小时扑灭率", ">=", 95, "%")]
    assert {t.year for t in found} == {None}   # '全年' of a season that spans two: no guess


def test_a_policy_texts_time_limits_classes_and_past_results_are_not_targets():
    # procedures ('10个工作日内'), classes ('3000万元以下') and a look back stay out
    past = "一、发展基础\n“十三五”时期，民生支出占一般公共预算支出的比重保持在78%以上。"
    assert [t.value for t in find_targets(NOTICE + "\n" + past, 2024, normative=True)] == [0.9, 95]


@pytest.mark.parametrize("sentence, found", [
    ("健全政务服务“好差评”闭环管理机制，差评整改率保持100%。", [("=", 100, "%")]),
    ("全面推行全流程电子化，政府采购项目电子化交易率达到100%。", [(">=", 100, "%")]),
    ("推行“综合查一次”，涉企行政检查数量同比下降20%以上。", [(">=", 20, "%")]),
    ("全年新推出“一件事”集成服务12项以上。", [(">=", 12, "项")]),
    ("县两级共抽检校园及周边食品不少于600批次。", [(">=", 600, "批次")]),
    ("社会投资简易低风险项目全流程审批时间控制在15个工作日以内。", [("<=", 15, "个工作日")]),
    ("配送车辆专车专用，餐食从出锅到学生食用时间不超过2小时。", []),
    ("新建农村自建房原则上不超过3层，檐口高度不超过10.5米。", []),
])
def test_requirements_of_a_work_plan(sentence, found):
    assert [(t.comparator, t.value, t.unit)
            for t in find_targets("各有关单位：\n" + sentence, 2025, normative=True)] == found


# --- the seed page --------------------------------------------------------------------------------

def seed_body() -> str:
    page = FIXTURE.read_text(encoding="utf-8")
    first, last = "8月5日,科技部", "为内蒙古高质量发展助力赋能。"
    start = page.index(first)
    end = page.index(last, start) + len(last)
    return "\n".join(line.strip() for line in page[start:end].split("\n") if line.strip())


def test_seed_page_targets_exactly():
    found = find_targets(seed_body(), 2023)
    assert [(t.text, t.indicator, t.comparator, t.value, t.unit, t.year) for t in found] == [
        ("全社会研发经费投入年均增长高于12%", "全社会研发经费投入年均增长", ">", 12, "%", 2025),
        ("研发投入强度达到1.5%", "研发投入强度", ">=", 1.5, "%", 2025),
        ("投入总量达到375亿元", "投入总量", ">=", 375, "亿元", 2025),
        ("技术市场成交额突破百亿元", "技术市场成交额", ">", 100, "亿元", 2025),
        ("高新技术企业、科技型中小企业实现翻番", "高新技术企业、科技型中小企业", "x", 2, "倍", 2025),
        ("规模以上工业企业中有研发活动企业占比超过35%", "规模以上工业企业中有研发活动企业占比",
         ">", 35, "%", 2025),
    ]


def test_import_does_not_load_jieba():
    code = "import sys, zhengce.goals, zhengce.measures; print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- properties -----------------------------------------------------------------------------------

FRAGMENTS = ["到2025年，", "力争", "达到", "突破", "不低于", "控制在", "以内", "以上", "左右", "年均增长",
             "提高到", "翻一番", "百分之", "三成", "两", "百", "万", "亿元", "%", "％", "个百分点",
             "家", "个", "年", "2023—2025年", "十四五末", "，", "。", "；", "\n", "一、", "（一）",
             "同比", "已", "每亩", "的", "研发投入强度", "1.5", "375", "0591-", "〔2023〕", "~", "—",
             "１２", "点五", "第", "小时", "通达", "2024年去存", "目标"]

policy_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)),
                       max_size=80).map("".join)


def check_targets(text, year):
    for t in find_targets(text, year):
        assert math.isfinite(t.value)
        assert t.comparator in COMPARATORS
        assert t.year is None or 1949 <= t.year <= 2100
        assert t.text and t.text in text
        assert isinstance(t.indicator, str) and t.unit


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policy_text, st.one_of(st.none(), st.integers(1900, 2200)))
def test_any_policy_like_text_gives_valid_targets(text, year):
    check_targets(text, year)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_gives_valid_targets(text):
    check_targets(text, None)


@pytest.mark.parametrize("unit", [
    "一" * 100_000, "1" * 100_000, "达到" * 50_000, "到2025年，" * 12_000, "、1个" * 30_000,
    "百分之" * 30_000, "1%~" * 30_000, "培育" + "企" * 100_000 + "5家", "一是。" * 30_000,
    "三成" * 50_000, "百分之" + "一" * 100_000 + "%", "到2025年，达到" + "三成" * 50_000,
    "１" * 100_000 + "％", "翻" * 100_000 + "番",
])
def test_100kb_inputs_run_quickly(unit):
    start = time.perf_counter()
    check_targets(unit, 2024)
    assert time.perf_counter() - start < 5


def test_figure_inside_a_quoted_name_is_not_a_target():
    text = "到2025年，建成“15分钟健身圈”，全市体育场地面积达到2.6平方米。"
    assert [(t.value, t.unit) for t in find_targets(text)] == [(2.6, "平方米")]


def test_a_grade_with_a_digit_in_what_is_counted():
    assert triples("明年，全市新创建国家4A级旅游景区3家。", 2025) == [(">=", 3, "家")]


WORK_REPORT = ("2024年工作回顾\n全年实现地区生产总值312.6亿元，比上年增长5.8%；规模以上工业增加值增长8.1%。\n"
               "2025年工作安排\n今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业5000人以上。\n"
               "一、坚持项目为王，持续扩大有效投资\n全年实施重点项目140个以上，完成年度投资150亿元以上。")


def test_a_reports_parts_say_which_figures_are_results_and_which_are_targets():
    assert [(t.value, t.unit, t.year) for t in find_targets(WORK_REPORT, 2025)] == [
        (6, "%", 2025), (5000, "人", 2025), (140, "个", 2025), (150, "亿元", 2025)]


def test_a_per_head_indicator_with_a_level_verb_is_a_target_a_per_head_payment_is_not():
    text = "到2030年，人均预期寿命达到80.5岁，人均地区生产总值达到13万元以上。对符合条件的农户，每户补助500元。"
    assert [(t.value, t.unit) for t in find_targets(text, 2026)] == [(80.5, "岁"), (13, "万元")]


def test_more_counting_verbs_and_a_pair_sharing_its_verb():
    text = ("2025年工作安排\n城乡居民人均可支配收入分别增长5.8%和7%；盘活闲置低效用地800亩，"
            "改造城镇老旧小区26个，选择30个行政村开展垃圾分类试点。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025)] == [
        (5.8, "%"), (7, "%"), (800, "亩"), (26, "个"), (30, "个")]


def test_a_bound_in_a_sentence_that_looks_back_is_a_result():
    text = "近年来，各地加快推进寄递物流建设，截至2023年底，全国建制村快递服务通达率达到90.6%。"
    assert find_targets(text, 2024, normative=True) == []


def test_a_procedures_time_limit_is_not_a_target_even_under_a_forward_heading():
    text = ("二、工作要求\n对排查发现的隐患，自受理之日起10个工作日内整改到位，公示期不少于5个工作日。\n"
            "三、工作目标\n到2026年，企业开办时限压缩至1个工作日，城区平均通勤时间控制在40分钟以内，"
            "建成15分钟便民生活圈。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025)] == [
        (1, "个工作日"), (40, "分钟"), (15, "分钟")]


def test_a_past_years_result_and_a_running_total_still_ahead():
    text = ("2024年专项行动中，全市共排查各类隐患1862处，整改率达到97.3%。\n"
            "《办法》明确，力争到2027年底，全市累计完成既有住宅加装电梯1500台以上。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(1500, "台")]


def test_by_the_end_of_a_month_and_a_verb_shared_across_a_list():
    text = ("到2026年4月底，全县完成冬修水利投资2.8亿元以上，新建高标准农田3.5万亩，"
            "整治山坪塘420口、渠道180公里。")
    assert [(t.value, t.unit, t.year) for t in find_targets(text, 2025)] == [
        (2.8, "亿元", 2026), (3.5, "万亩", 2026), (420, "口", 2026), (180, "公里", 2026)]


def test_a_summary_restating_goals_adds_none():
    # an interpretation's 图解 caption repeats the goals in short, parted by ｜
    text = ("到2027年，全省新型储能装机规模达到800万千瓦以上，储能产业营业收入突破1500亿元，"
            "建成创新平台20个。\n"
            "图解二 主要目标：装机规模800万千瓦以上｜营业收入突破1500亿元｜创新平台20个")
    assert [(t.value, t.unit) for t in find_targets(text, 2025)] == [(800, "万千瓦"), (1500, "亿元"),
                                                                     (20, "个")]


def test_built_facilities_and_hours_as_the_indicator():
    text = ("到2025年底，已建农村生活污水处理设施正常运行率达到90%以上，电站年均等效利用小时数不低于600小时。"
            "截至目前，全县已建成村级处理设施126座。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025)] == [(90, "%"), (600, "小时")]


def test_routes_opened_orders_delivered_and_a_class_of_villages():
    text = ("到2027年，开通低空航线30条，低空物流年配送量达到200万单。"
            "对人口规模300人以上、居住相对集中的村庄，优先采用集中处理模式。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025)] == [(30, "条"), (200, "万单")]


def test_a_year_gone_by_in_the_sentence_or_the_paragraph_is_a_result():
    text = ("2025年，全市人均预期寿命达到79.2岁。\n"
            "2015年，全县招商引资工作取得显著成效。全年新签约项目86个，同比增长18.3%。\n"
            "到2028年，人均预期寿命达到79.5岁。")
    assert [(t.value, t.unit) for t in find_targets(text, 2026, normative=True)] == [(79.5, "岁")]


def test_a_grade_is_not_a_figure_and_at_least_one_is():
    text = "到2028年，每个县（区）至少有1家县级医院达到三级医院服务能力，二级以上公立医院预约诊疗率达到70%。"
    assert [(t.value, t.unit) for t in find_targets(text, 2026)] == [(1, "家"), (70, "%")]


def test_units_per_head_per_output_and_of_the_grid():
    text = ("到2028年，城市人均公园绿地面积达到15.2平方米/人，煤电机组平均供电煤耗降至295克标准煤/千瓦时以下，"
            "建成500千伏输变电工程12项，新增变电容量1800万千伏安，生猪出栏稳定在180万头左右。")
    assert [(t.value, t.unit) for t in find_targets(text, 2026)] == [
        (15.2, "平方米/人"), (295, "克标准煤/千瓦时"), (12, "项"), (1800, "万千伏安"), (180, "万头")]


def test_a_work_plans_levels_and_counts_bind_without_a_cue():
    # a 工作要点 sets the year's work: '突破', '新改建…户' are its goals though no 力争 or deadline
    text = ("5.做强农产品加工业。实施农产品加工业提升行动，农产品加工业产值突破600亿元。\n"
            "14.持续改善农村人居环境。深入推进农村厕所革命，新改建农村卫生户厕3000户。")
    assert [(t.value, t.unit) for t in find_targets(text, 2026, normative=True)] == [(600, "亿元"), (3000, "户")]
    assert find_targets(text, 2026) == []   # in a text that sets no requirements, a statement


def test_a_share_that_will_have_done_a_circle_named_by_minutes_and_eligible_ones():
    text = ("力争三年内，全市80%以上的城市公园完成全龄友好改造。2026年底前，城市社区15分钟健身圈覆盖率达到100%。"
            "2027年底前，符合条件的公办中小学体育场地开放率力争达到九成。对符合条件的企业给予奖励50万元。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025)] == [(80, "%"), (100, "%"), (90, "%")]


def test_years_with_a_decimal_are_a_duration():
    text = "到2030年，劳动年龄人口平均受教育年限提高到11.8年，2030年底前建成。"
    assert [(t.value, t.unit, t.year) for t in find_targets(text, 2026)] == [(11.8, "年", 2030)]


def test_what_those_meeting_a_condition_get_and_an_estimated_yield_are_not_goals():
    text = ("对当年设备投资额500万元以上的项目，按设备投资额的10%给予补助；对列入省重点技术改造项目的，"
            "市级补助比例提高至12%。项目全部建成达产后，预计可新增年产值约420亿元。")
    assert find_targets(text, 2025, normative=True) == []


def test_a_year_gone_by_governs_the_clauses_after_a_semicolon():
    text = "2024年，全市民营经济增加值达到2860亿元；民营企业数量达到21.4万户。到2027年，民营企业突破25万户。"
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(25, "万户")]


def test_an_inline_heading_of_past_results_governs_its_paragraph():
    text = ("一、总体要求\n（二）发展基础。“十四五”以来，全市累计改造城镇老旧小区286个、惠及居民7.4万户，"
            "城市生活污水集中收集率达到68.5%，为城市更新打下了坚实基础。\n"
            "（三）主要目标。到2027年，完成城镇老旧小区改造120个，城市生活污水集中收集率达到75%。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(120, "个"), (75, "%")]


def test_who_may_apply_makes_a_rule_but_not_under_a_deadline():
    text = ("推广“提前申报”“两步申报”等通关模式，到2027年，进口整体通关时间压缩至30小时以内。"
            "到2026年底，全县具备条件的建制村通客车率保持100%，城乡公交线路达到36条以上。"
            "符合条件的企业可申请补助，补助比例不超过30%。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [
        (30, "小时"), (100, "%"), (36, "条")]


def test_a_longer_quoted_name_and_a_duty_to_arrive_are_not_goals():
    text = ("到2026年底，基本形成“县城到乡镇30分钟、乡镇到村20分钟”的出行服务圈。"
            "燃气经营企业接到用户报修后，城区须在30分钟内到达现场处置。到2027年，实现县城到乡镇30分钟通达。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(30, "分钟")]


def test_a_years_work_counted_and_what_a_project_would_yield():
    text = ("每年完成不少于150个老旧小区充电设施集中改造。县级财政按照每处工程每年不低于2000元的标准安排资金。"
            "二期项目建成后，预计新增冷库库容3万立方米。到2027年，乡镇充电站覆盖率达到100%，"
            "具备条件的行政村充电设施覆盖率达到80%以上；高速公路服务区充电桩不少于400个。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [
        (150, "个"), (100, "%"), (80, "%"), (400, "个")]


def test_plan_wordings_of_round_eleven():
    text = ("一、总体要求\n“十四五”以来，全县粮食总产量连续五年稳定在45万吨以上，累计建成高标准农田26.5万亩。\n"
            "截至二〇二五年底，农村生活污水治理率为百分之三十一。\n"
            "到2030年，细颗粒物（PM2.5）浓度控制在30微克/立方米以下，同步发展高效节水灌溉面积3.5万亩，"
            "实施文物保护修缮项目50个，新建公共停车场40处以上。“十五五”期间累计完成营造林40万亩，修复治理矿山1.2万亩。\n"
            "单张消费券面额不超过200元。对年接待入境游客超过1万人次的旅行社，每家奖励20万元。")
    assert [(t.value, t.unit, t.year) for t in find_targets(text, 2026, normative=True)] == [
        (30, "微克/立方米", 2030), (3.5, "万亩", 2030), (50, "个", 2030), (40, "处", 2030),
        (40, "万亩", 2030), (1.2, "万亩", 2030)]


def test_a_count_verb_before_a_rate_reads_no_count():
    text = "全年计划投资99.8亿元，截至目前已完成投资73.58亿元，完成年度目标比率73.73%。"
    assert find_targets(text, 2024, normative=True) == []


def test_a_rule_after_the_figure_and_a_condition_before_the_comma():
    text = ("2025年新增或改造分类投放点200个，县财政按照每个投放点不超过3000元的标准给予补助。"
            "带动3人以上就业的，按每人1000元给予补贴。见习期满留用率达到50%以上的，见习补贴标准提高10%。"
            "全年组织业务培训不少于12期，推进二期工程建设，政策范围内支付比例不低于50%，教师每5年累计不少于6个月到企业实践。"
            "到2028年，开行中欧班列200列，培育年营业收入超10亿元的物流企业8家，每个县至少办好1所优质中等职业学校。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [
        (200, "个"), (12, "期"), (200, "列"), (8, "家"), (1, "所")]


def test_a_goal_restated_in_a_table_under_a_shorter_name_counts_once():
    text = ("到2027年，规模以上工业企业数字化改造覆盖率达到80%以上。\n专栏1 主要指标\n序号\t指标\t单位\t2024年\t2027年\n"
            "1\t规上工业企业数字化改造覆盖率\t%\t48.6\t≥80\n2\t关键工序数控化率\t%\t57.8\t68")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(80, "%"), (68, "%")]


def test_counts_of_measures_a_class_of_works_a_rate_paid_and_a_stock_take_across_a_semicolon():
    text = ("从五个方面提出22条具体措施。一、着力降低经营成本（5条）\n划定农村千人以上供水工程水源保护区。"
            "改造资金按工程投资的60%由县级财政补助。\n截至2024年底，全区老年人口8.6万人；全区养老机构床位达到3200张。\n"
            "到2027年，培育50家以上龙头企业，全区养老机构床位达到4000张。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(50, "家"), (4000, "张")]


def test_zero_as_a_word_and_the_share_of_a_fund_set_aside():
    text = ("到2030年，引进培育一批“专精特新”零部件企业，社会福利事业彩票公益金用于支持养老服务的比例不低于百分之五十五，"
            "新建三十个社区养老服务站。")
    assert [(t.value, t.unit) for t in find_targets(text, 2026, normative=True)] == [(30, "个")]


def test_round_fifteen_wordings():
    text = ("三、申报条件\n（三）技术改造项目设备投资不低于500万元，数字化转型项目软硬件投资不低于200万元。\n"
            "四、重点任务\n（一）实施城市供水管网漏损治理和二次供水设施改造。新建住宅小区固定车位应100%建设充电设施。"
            "落实每天综合体育活动时间不低于2小时要求，体质健康标准优良率达到60%以上。到2026年底，维修防火隔离带150公里。")
    assert [(t.value, t.unit) for t in find_targets(text, 2025, normative=True)] == [(60, "%"), (150, "公里")]
