"""Targets read from a plan's indicator table (rows as tab-separated cells in the body)."""
from __future__ import annotations

import zhengce
from zhengce.indicators import table_targets

TABLE = "\n".join([
    "到2025年，全市经济实力再上新台阶。",
    "类别\t指标\t2020年\t2025年\t属性",
    "经济发展\t地区生产总值年均增长（%）\t6.1\t5.5左右\t预期性",
    "研发经费投入强度（%）[1]\t2.1\t>2.5\t预期性",
    "数字经济核心产业增加值（亿元）\t1200\t2000以上\t预期性",
    "民生福祉\t城镇调查失业率（%）\t5.2\t<5.5\t预期性",
    "每千人口拥有3岁以下婴幼儿托位数（个）\t1.8\t4.5\t约束性",
    "居民人均可支配收入增长\t5.8\t与经济增长同步\t预期性",
    "注：[1]研发经费投入强度指研发经费支出与地区生产总值之比。",
])


def test_rows_of_an_indicator_table_are_targets():
    got = [(t.indicator, t.comparator, t.value, t.unit, t.year) for _, t in table_targets(TABLE)]
    assert got == [
        ("地区生产总值年均增长", "=", 5.5, "%", 2025),
        ("研发经费投入强度", ">", 2.5, "%", 2025),
        ("数字经济核心产业增加值", ">=", 2000, "亿元", 2025),
        ("城镇调查失业率", "<", 5.5, "%", 2025),
        ("每千人口拥有3岁以下婴幼儿托位数", ">=", 4.5, "个", 2025),
    ]


def test_units_in_a_column_of_their_own():
    table = "\n".join([
        "序号\t指标名称\t单位\t2024年基数\t2027年目标\t属性",
        "1\t社会物流总额\t亿元\t8650\t11000\t预期性",
        "2\t社会物流总费用与地区生产总值的比率\t%\t14.2\t≤13.5\t约束性",
        "3\t集装箱多式联运量年均增速\t%\t—\t10以上\t预期性",
        "4\t冷链物流覆盖情况\t—\t基本覆盖\t全面覆盖\t预期性",
    ])
    got = [(t.indicator, t.comparator, t.value, t.unit, t.year) for _, t in table_targets(table)]
    assert got == [("社会物流总额", ">=", 11000, "亿元", 2027),
                   ("社会物流总费用与地区生产总值的比率", "<=", 13.5, "%", 2027),
                   ("集装箱多式联运量年均增速", ">=", 10, "%", 2027)]


def test_a_row_without_figure_or_unit_is_not_a_target():
    texts = [t.text for _, t in table_targets(TABLE)]
    assert not any("与经济增长同步" in text for text in texts)


def test_table_targets_come_through_find_targets_with_their_row_as_text():
    targets = zhengce.targets(TABLE)
    rows = [t for t in targets if "\t" in t.text]
    assert len(rows) == 5
    assert all(t.text in TABLE for t in targets)
    # the 2020 column is a past value: never a target
    assert not any(t.value == 6.1 for t in targets)


def test_a_table_without_a_year_or_target_column_is_not_read():
    schedule = "序号\t项目名称\t建设内容\n1\t城区供水管网改造（公里）\t120\n2\t新建公园（个）\t3"
    assert table_targets(schedule) == []


def test_target_column_named_without_a_year_takes_the_plan_year():
    table = "指标名称\t现状值\t目标值\n森林覆盖率（%）\t42.1\t45"
    (_, target), = table_targets(table, default_year=2027)
    assert (target.indicator, target.value, target.unit, target.year) == ("森林覆盖率", 45, "%", 2027)


def test_html_indicator_table_reaches_the_record():
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in [
        ("指标", "2022年", "2025年", "属性"), ("规上工业增加值年均增长（%）", "7.2", "8以上", "预期性"),
        ("单位GDP能耗降低（%）", "—", "完成省下达任务", "约束性")])
    page = ("<html><head><title>某市制造业高质量发展三年行动方案（2023—2025年）</title></head><body>"
            "<h1>某市制造业高质量发展三年行动方案（2023—2025年）</h1><div id='zoom'>"
            "<p>为推动制造业高质量发展，制定本方案。到2025年，全市制造业综合实力显著增强。</p>"
            f"<table>{rows}</table><p>各地各部门要认真抓好落实，确保各项目标任务如期完成。</p></div></body></html>")
    record = zhengce.extract(page)
    table = [t for t in record.targets if "\t" in t.text]
    assert [(t.indicator, t.value, t.unit, t.year) for t in table] == [("规上工业增加值年均增长", 8, "%", 2025)]
    assert all(t.text in record.body for t in record.targets)


def test_a_table_pasted_from_word_keeps_its_rows():
    # Word puts a <p> (and a <span>) in every cell: the row must still be one line of cells
    def row(*cells):
        return "<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in cells) + "</tr>"
    table = ("<table class='MsoNormalTable'>" + row("类别", "指标", "2025年", "2030年", "属性")
             + row("创新驱动", "研发经费投入强度（%）", "2.45", "3.2", "预期性")
             + row("森林覆盖率（%）", "61.2", "62以上", "约束性") + "</table>")
    page = ("<html><body><div id='zoom'><p>到2030年，全市经济社会发展要努力实现以下主要目标，"
            f"现代化产业体系加快构建，创新能力显著增强，生态环境持续改善。</p>{table}</div></body></html>")
    got = [(t.indicator, t.value, t.unit, t.year) for t in zhengce.extract(page).targets]
    assert got == [("研发经费投入强度", 3.2, "%", 2030), ("森林覆盖率", 62, "%", 2030)]


def test_a_five_year_total_in_brackets():
    table = "\n".join(["序号\t指标\t单位\t2025年\t2030年\t属性",
                       "1\t化学需氧量重点工程减排量\t万吨\t—\t〔1.05〕\t约束性"])
    assert [(t.value, t.unit, t.year) for _, t in table_targets(table)] == [(1.05, "万吨", 2030)]


def test_a_year_per_column_under_a_spanning_header_each_year_a_target():
    # '年度目标' spans three year columns in a second header row; the base year is marked 基数
    table = "\n".join([
        "序号\t指标名称\t单位\t2025年基数\t年度目标\t指标属性",
        "2026年\t2027年\t2028年",
        "1\t每千人口医疗卫生机构床位数\t张/千人\t7.05\t7.2\t7.4\t7.6\t预期性",
        "2\t婴儿死亡率\t‰\t3.6\t<4.5\t<4.3\t<4.0\t预期性",
        "3\t传染病报告及时率\t%\t99.6\t保持稳定\t保持稳定\t保持稳定\t约束性",
    ])
    got = [(t.indicator, t.comparator, t.value, t.unit, t.year) for _, t in table_targets(table, None, 2026)]
    assert got == [
        ("每千人口医疗卫生机构床位数", ">=", 7.2, "张/千人", 2026),
        ("每千人口医疗卫生机构床位数", ">=", 7.4, "张/千人", 2027),
        ("每千人口医疗卫生机构床位数", ">=", 7.6, "张/千人", 2028),
        ("婴儿死亡率", "<", 4.5, "‰", 2026), ("婴儿死亡率", "<", 4.3, "‰", 2027),
        ("婴儿死亡率", "<", 4.0, "‰", 2028),
    ]


def test_without_a_marked_base_the_first_of_several_years_is_the_base():
    table = "指标\t2024年\t2026年\t2028年\n城市生活垃圾回收利用率（%）\t35\t38\t40"
    assert [(t.value, t.year) for _, t in table_targets(table, None, 2025)] == [(38, 2026), (40, 2028)]


def test_a_base_column_marked_in_brackets():
    table = "序号\t指标\t单位\t2025年（基数）\t2026年目标\t2027年目标\n1\t智慧停车平台接入率\t%\t41.5\t70\t90"
    assert [(t.value, t.year) for _, t in table_targets(table, None, 2026)] == [(70, 2026), (90, 2027)]
