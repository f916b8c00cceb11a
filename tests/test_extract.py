"""zhengce.extract on the seed page and on pages written in the shapes real portals use."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import zhengce
from zhengce import PolicyRecord

from paths import FIXTURES, fixture_bytes

SEED = fixture_bytes("s001.txt")


@pytest.fixture(scope="module")
def seed():
    return zhengce.extract(SEED)


def test_seed_page_metadata(seed):
    assert seed.kind == "interpretation"
    assert seed.genre == "解读"
    assert seed.title == "《内蒙古高质量发展科技赋能实施方案(2023—2025年)》解读"
    assert seed.site == "内蒙古自治区科学技术厅"
    assert seed.site_code == "1500000057"
    assert seed.column == "政策解读"
    assert seed.publish_date == "2023-12-29"
    # '8月5日…联合印发' carries no year: it comes from the page's date
    assert seed.issue_date == "2023-08-05"
    assert seed.doc_number is None
    assert seed.issuers == ("科技部", "内蒙古自治区人民政府")
    assert seed.source == "内蒙古自治区科技厅政策法规与监督处"
    assert seed.references == (
        "内蒙古高质量发展科技赋能实施方案(2023—2025年)",
        "“十四五”东西部科技合作实施方案",
        "科技创新赋能东北全面振兴取得新突破行动计划(2023—2025年)",
    )
    assert seed.attachments == ()


def test_seed_page_body_is_the_article_once(seed):
    paragraphs = seed.body.split("\n")
    # the dump renders the article twice (normal and 长辈版): each paragraph is kept once
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("8月5日,科技部、内蒙古自治区人民政府联合印发")
    assert paragraphs[-1].endswith("为内蒙古高质量发展助力赋能。")
    for boilerplate in ("发展和改革委员会", "蒙ICP备", "字体:[ 大 | 中 | 小 ]", "上一篇", "政府网站标识码",
                        "0471-6328766", "分享到", "打印本页", "来源:"):
        assert boilerplate not in seed.body


def test_seed_page_actions_and_targets(seed):
    assert [a.text for a in seed.actions] == [
        "重大创新平台能级提升行动", "关键技术持续攻关行动", "科技成果转移转化行动", "研发投入持续攻关行动",
        "科技人才引育行动", "科技体制改革攻坚行动", "基层科技管理能力提升行动", "科技合作交流拓展行动"]
    assert [a.ordinal for a in seed.actions] == list(range(1, 9))
    assert seed.actions_stated == 8   # '等8个方面' agrees with the eight found
    got = [(t.indicator, t.comparator, t.value, t.unit, t.year) for t in seed.targets]
    assert got == [
        ("全社会研发经费投入年均增长", ">", 12, "%", 2025),
        ("研发投入强度", ">=", 1.5, "%", 2025),
        ("投入总量", ">=", 375, "亿元", 2025),
        ("技术市场成交额", ">", 100, "亿元", 2025),
        ("高新技术企业、科技型中小企业", "x", 2, "倍", 2025),
        ("规模以上工业企业中有研发活动企业占比", ">", 35, "%", 2025),
    ]
    for target in seed.targets:
        assert target.text in seed.body


def test_record_is_immutable_and_serialises_to_plain_json(seed):
    with pytest.raises(AttributeError):
        seed.title = "changed"  # type: ignore[misc]
    data = seed.to_dict()
    assert json.loads(seed.to_json()) == data
    # every key of SCHEMA.md, and the stated count of actions issue 3 asks the record to keep
    assert set(data) == {"url", "site", "site_code", "column", "kind", "genre", "title", "publish_date",
                         "issue_date", "doc_number", "issuers", "source", "body", "actions", "targets",
                         "references", "attachments", "actions_stated"}
    assert isinstance(data["issuers"], list) and isinstance(data["targets"][0], dict)
    assert PolicyRecord.from_dict(data) == seed


def test_str_and_bytes_give_the_same_record():
    assert zhengce.extract(SEED.decode("utf-8")) == zhengce.extract(SEED)


def test_url_argument_is_kept():
    assert zhengce.extract(SEED, url="http://kjt.nmg.gov.cn/a.html").url == "http://kjt.nmg.gov.cn/a.html"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb18030"])
@pytest.mark.parametrize("declared", [None, "utf-8", "gb2312", "gbk", "iso-8859-1"])
def test_any_encoding_with_any_declaration(encoding, declared):
    """The same page in every encoding these sites use, declared right, wrong or not at all."""
    text = (FIXTURES / "trs_policy.html").read_text(encoding="utf-8")
    text = text.replace('charset="utf-8"', "").replace("charset=utf-8", "")
    if declared:
        text = text.replace("<head>", f'<head><meta charset="{declared}">', 1)
    reference = zhengce.extract(text)
    record = zhengce.extract(text.encode(encoding))
    assert record.title == reference.title and record.body == reference.body
    assert "澜江市" in record.title


def test_gb2312_declared_page_with_gbk_only_characters():
    # '〇' is in GBK, not in GB2312: a decoder that trusts the declaration stops there
    record = zhengce.extract(fixture_bytes("table_layout_gbk.html"))
    assert record.issue_date == "2010-12-22"
    assert record.doc_number == "宁政办发〔2010〕88号"


def test_stray_closing_html_tag_before_the_article():
    record = zhengce.extract(fixture_bytes("stray_html_close.html"))
    assert record.kind == "policy"
    assert len(record.body) > 500


def test_public_names_survive_importing_the_submodules():
    code = ("import zhengce.pipeline, zhengce.goals, zhengce.measures, zhengce;"
            "assert callable(zhengce.extract) and callable(zhengce.targets) and callable(zhengce.actions)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_is_light():
    """`import zhengce` must not load lxml, regex or jieba: they load on first use."""
    code = ("import sys, zhengce; heavy = [m for m in ('lxml', 'regex', 'jieba') if m in sys.modules];"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == ""


def test_cli_extract_prints_json_lines(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(SEED)
    out = subprocess.run([sys.executable, "-m", "zhengce.cli", "extract", str(page), str(page)],
                         check=True, capture_output=True, text=True)
    lines = out.stdout.strip().split("\n")
    assert len(lines) == 2
    assert json.loads(lines[0])["title"].endswith("解读")


def test_cli_extract_reads_stdin():
    out = subprocess.run([sys.executable, "-m", "zhengce.cli", "extract", "-"], input=SEED,
                         check=True, capture_output=True)
    assert json.loads(out.stdout)["site_code"] == "1500000057"


def test_article_hidden_until_a_script_shows_it_is_kept():
    paragraphs = "".join(f"<p>第{i}段，为做好相关工作，现就有关事项通知如下，请认真贯彻执行。</p>" for i in range(8))
    page = ("<html><head><title>关于做好相关工作的通知_某市人民政府</title></head><body>"
            "<div class='nav'><a href='/'>首页</a></div>"
            f"<div id='zoom' style='display:none'><h1>关于做好相关工作的通知</h1>{paragraphs}</div>"
            "<script>document.getElementById('zoom').style.display='block';</script></body></html>")
    record = zhengce.extract(page)
    assert record.title == "关于做好相关工作的通知"
    assert record.body.count("现就有关事项通知如下") == 8


def test_hidden_menus_stay_out_when_the_article_is_visible():
    record = zhengce.extract(fixture_bytes("hidden_menu.html"))
    gold = json.loads((FIXTURES / "hidden_menu.gold.json").read_text(encoding="utf-8"))
    for passage in gold["body_without"]:
        assert passage not in record.body


def test_big5_page_declared_as_big5():
    page = ("<html><head><meta charset='big5'><title>關於做好防汛工作的通知</title></head><body>"
            "<h1>關於做好防汛工作的通知</h1><div id='zoom'><p>各有關單位：為切實做好今年防汛工作，現將有關事項通知如下，請認真貫徹執行。</p>"
            "<p>一是壓實責任，二是強化監測，三是加強保障。</p></div></body></html>")
    record = zhengce.extract(page.encode("big5"))
    assert record.title == "關於做好防汛工作的通知"
    assert "現將有關事項通知如下" in record.body


def test_notice_and_the_document_it_issues_in_two_sibling_boxes():
    plan = "".join(f"<p>（{n}）第{n}项任务。加快推进项目建设，完善配套政策，强化要素保障，确保取得实效。</p>"
                   for n in "一二三四五六七八")
    page = ("<html><head><title>关于印发《某市行动计划》的通知_某市人民政府</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/zw'>政务公开</a></div>"
            "<h1>关于印发《某市行动计划》的通知</h1><div class='wrap'>"
            "<div class='detail-bd zwnr'><p>各县（市、区）人民政府，市政府各部门：</p>"
            "<p>《某市行动计划》已经市人民政府同意，现印发给你们，请认真贯彻落实。</p>"
            "<p>某市人民政府办公室</p><p>2025年3月14日</p></div>"
            f"<div class='detail-bd fjnr'><p>某市行动计划</p>{plan}</div>"
            "<div class='share'>分享到：微信 微博</div></div>"
            "<div class='footer'>版权所有：某市人民政府 网站标识码1234000001</div></body></html>")
    body = zhengce.extract(page).body
    assert body.startswith("各县（市、区）人民政府，市政府各部门：") and "现印发给你们" in body
    assert body.count("确保取得实效") == 8 and "分享到" not in body and "版权所有" not in body


@pytest.mark.parametrize("line", ["责任编辑：黄一鸣", "（责任编辑：黄一鸣）", "【编辑：陈晓】", "[审核：王立新]"])
def test_editor_credit_lines_are_boilerplate(line):
    page = ("<html><body><div id='zoom'><p>会议要求，要坚持项目为王，加快推进重点项目建设，"
            f"确保各项任务落地见效。全市文旅系统要进一步提升服务质量。</p><p>{line}</p></div></body></html>")
    body = zhengce.extract(page).body
    assert "坚持项目为王" in body and line not in body


LYNX_DUMP = """   [1][某市教育局]

     * [8]首页
     * [17]政务公开

   当前位置：[32]首页 > [33]政务公开 > [34]通知公告

某市教育局关于开展校园食品安全专项检查的通知

   发布时间：2025-08-26 09:40    来源：某市教育局    【字体：[35]大 [36]中 [37]小】

   各县（市、区）教育局，市直各学校：

   为切实保障广大师生饮食安全和身体健康，现就开展校园食品安全专项检查有关事项通知如下，请认真贯彻落实。

   一、全面开展学校自查。各级各类学校要在开学前完成食品安全全面自查，重点检查食堂从业人员健康证明。

   附件：1.[38]专项检查情况汇总表
         2.[39]问题整改台账（样表）

   某市教育局
   2025年8月22日

References

   1. http://jyj.example.gov.cn/
   8. http://jyj.example.gov.cn/index.html
  38. http://jyj.example.gov.cn/tzgg/W0202508263947.xlsx
  39. http://jyj.example.gov.cn/tzgg/W0202508263948.docx
"""


def test_lynx_dump_link_numbers_and_references():
    record = zhengce.extract(LYNX_DUMP)
    assert record.column == "通知公告" and "[38]" not in record.body
    assert [(a.name, a.url) for a in record.attachments] == [
        ("专项检查情况汇总表", "http://jyj.example.gov.cn/tzgg/W0202508263947.xlsx"),
        ("问题整改台账（样表）", "http://jyj.example.gov.cn/tzgg/W0202508263948.docx")]
    assert "References" not in record.body and "http://" not in record.body


def _dump(heading_lines):
    return "\n\n".join([
        "  • 首页", "  • > 要闻", "  • > 本省要闻", *heading_lines,
        "  • 时间：2019-09-18 06:23 来源：某省日报",
        "　　当地时间9月16日下午，某省品牌丝路行活动在圣保罗正式启动，并成功举办双向经贸投资推介会。"
        "来自两地的两百余名企业家参加活动，就开启双方经贸、投资交流合作进行了深入对接。",
        "　　某省代表团团长介绍，近年来，两地交流交往日益活跃，合作潜力巨大，希望双方企业加强合作。",
        "主办单位：某省人民政府办公厅 网站标识码：1400000001"])


def test_dump_title_with_a_subtitle_under_it():
    record = zhengce.extract(_dump(["某省品牌丝路行（南美站）正式启动", "成功举办双向经贸投资推介会"]))
    assert record.title == "某省品牌丝路行（南美站）正式启动"
    assert zhengce.extract(_dump(["某省品牌丝路行（南美站）正式启动"])).title == "某省品牌丝路行（南美站）正式启动"


def test_a_video_players_fallback_text_is_boilerplate():
    page = ("<html><body><div id='zoom'><p>5月8日上午，全县防汛备汛工作部署会召开，会议通报了全县汛前准备工作情况，"
            "部署了下一阶段防汛重点工作。</p><div class='video'>视频加载中，如无法播放请升级浏览器或安装Flash插件</div>"
            "</div></body></html>")
    body = zhengce.extract(page).body
    assert "防汛备汛工作部署会" in body and "Flash" not in body


def test_a_traditional_script_version_of_a_portal_page():
    page = ("<html><head><title>《某縣關於支持商貿流通體系建設的通知》政策解讀</title></head><body>"
            "<h1>《某縣關於支持商貿流通體系建設的通知》政策解讀</h1><div id='zoom'>"
            "<p>一、出臺背景</p><p>2025年5月20日，某縣人民政府辦公室印發了《某縣關於支持商貿流通體系建設的通知》"
            "（以下簡稱《通知》），加快補齊縣域商貿流通短板。</p>"
            "<p>二、主要目標</p><p>到2027年，全縣建成鄉鎮商貿中心12個以上，農村網絡零售額突破15億元。</p>"
            "<p>三、主要內容</p><p>（一）完善縣級商貿物流設施。建設縣級物流配送中心，推動共同配送。</p>"
            "<p>（二）提升鄉鎮商貿中心功能。增加便民服務業態，引導連鎖企業向鄉鎮延伸網點。</p>"
            "<p>（三）發展農村電子商務。開展農村電商人才培訓，推動農特產品上行。</p></div></body></html>")
    record = zhengce.extract(page)
    assert (record.kind, record.issue_date, record.issuers) == ("interpretation", "2025-05-20", ("某縣人民政府辦公室",))
    assert [a.text for a in record.actions] == ["完善縣級商貿物流設施", "提升鄉鎮商貿中心功能", "發展農村電子商務"]
    assert [(t.value, t.unit) for t in record.targets] == [(12, "個"), (15, "億元")]


def test_a_news_item_beside_sidebars_of_dated_links_is_news_not_an_index():
    sidebar = "".join(f"<li><a href='/c120/2025070{i}/i{i}.html'>区政府召开第3{i}次常务会议研究经济工作</a>"
                      f"<span>2025-07-0{i}</span></li>" for i in range(1, 10))
    notices = "".join(f"<li><a href='/c124/{i}.html'>关于开展2025年第{i}批项目征集工作的通知</a>"
                      f"<span>2025-06-1{i}</span></li>" for i in range(1, 5))
    article = "".join(f"<p>会议研究了第{i}项工作，强调要抓好落实，确保取得实效，推动各项任务落地见效。</p>"
                      for i in range(1, 12))
    page = (f"<html><head><title>区政府召开第38次常务会议-青石区人民政府</title></head><body>"
            f"<div class='xl_tit'>区政府召开第38次常务会议</div><div>发布时间：2025-07-22 来源：区融媒体中心</div>"
            f"<div id='zoom'>{article}</div><div class='box'><h3>热点新闻</h3><ul>{sidebar}</ul></div>"
            f"<div class='box'><h3>通知公告</h3><ul>{notices}</ul></div></body></html>")
    record = zhengce.extract(page)
    assert (record.kind, record.title, record.publish_date) == ("news", "区政府召开第38次常务会议", "2025-07-22")


def test_a_dumps_date_and_widget_line_is_not_the_title():
    dump = "\n\n".join([
        "某县人民政府 手机版", "[返回] [首页] [搜索]", "某县人民政府办公室关于开展农村污水治理行动的通知",
        "2025-07-08  某县人民政府办公室  【大 中 小】", "某政办发〔2025〕21号", "各乡（镇）人民政府，县直有关单位：",
        "为加快补齐农村生活污水治理短板，持续改善农村人居环境，决定在全县开展治理行动。现将有关事项通知如下：",
        "一、工作目标", "到2025年底，全县农村生活污水治理率达到45%以上，新增完成治理的行政村30个。",
        "某县人民政府办公室", "2025年7月3日", "主办单位：某县人民政府办公室 政府网站标识码：6712230004"])
    assert zhengce.extract(dump).title == "某县人民政府办公室关于开展农村污水治理行动的通知"


def test_search_results_with_number_issuer_and_date_under_each_title_are_an_index():
    entries = "".join(
        f"<div class='jcse-result-box'><div class='jcse-title'><a href='/zcwj/{i}.html'>"
        f"某市人民政府办公室关于印发某市第{i}批营商环境改革措施的通知</a></div>"
        f"<div class='jcse-abs'>为深入贯彻落实优化营商环境的决策部署，现将第{i}批措施印发给你们。</div>"
        f"<div class='jcse-meta'><span>文　　号：某政办发〔2025〕{i}号</span><span>发布机构：某市人民政府办公室</span>"
        f"<span>发布日期：2025-04-{i:02d}</span></div></div>" for i in range(1, 13))
    page = (f"<html><head><title>营商环境 - 搜索结果 - 某市人民政府</title></head><body>"
            f"<div class='crumb'>当前位置：首页 &gt; 搜索结果</div><div id='results'>{entries}</div>"
            f"<div class='page'>上一页 1 2 3 下一页</div></body></html>")
    record = zhengce.extract(page)
    assert (record.kind, record.title, record.doc_number, record.publish_date) == ("list", None, None, None)
    assert record.issuers == () and record.targets == ()


def test_a_budget_made_public_and_a_repealed_policys_badge():
    page = ("<html><head><title>某市农业农村局2025年部门预算</title></head><body><h1>某市农业农村局2025年部门预算</h1>"
            "<div id='zoom'><p>一、部门主要职责</p><p>贯彻落实党中央关于三农工作的方针政策。</p>"
            "<p>二、部门预算情况说明</p><p>2025年收入预算合计15286.4万元，比上年增长3.2%。主要用于：一是高标准农田建设3600万元；"
            "二是农业生产发展1420万元；三是农业科技推广1474.6万元。年末实有人数286人。</p></div></body></html>")
    record = zhengce.extract(page)
    assert (record.kind, record.genre, record.actions, record.targets) == ("other", "预算", (), ())
    badge = ("<html><head><title>某市人民政府办公室关于加快发展夜间经济的实施意见</title></head><body>"
             "<h1>某市人民政府办公室关于加快发展夜间经济的实施意见<span class='zt'>已废止</span></h1><div id='zoom'>"
             "<p>为加快发展夜间经济，提出如下意见。</p></div></body></html>")
    assert zhengce.extract(badge).title == "某市人民政府办公室关于加快发展夜间经济的实施意见"


def test_a_markdown_rendering_of_a_page():
    # Jina Reader and the like: a header, links in brackets, tables in pipes, bold marks
    page = "\n".join([
        "Title: 某市人民政府办公室关于开展停车设施提升专项行动的通知_市政府办文件_某市人民政府", "",
        "URL Source: https://www.example.gov.cn/zwgk/t20260410_1.html", "",
        "Published Time: 2026-04-10T16:35:00+08:00", "", "Markdown Content:",
        "[无障碍浏览](javascript:void(0)) [长辈版](javascript:void(0))", "",
        "*   [首页](https://www.example.gov.cn/)", "*   [政务公开](https://www.example.gov.cn/zwgk/)", "",
        "当前位置：[首页](https://www.example.gov.cn/) > [政策文件](https://www.example.gov.cn/zcwj/) > "
        "[市政府办文件](https://www.example.gov.cn/szfbwj/)", "",
        "| 索引号 | 11659201MB0D41726P/2026-00087 | 主题分类 | 城乡建设 |", "| --- | --- | --- | --- |",
        "| 发文机关 | 某市人民政府办公室 | 成文日期 | 2026年04月08日 |",
        "| 发文字号 | 某政办发〔2026〕22号 | 发布日期 | 2026年04月10日 |", "",
        "某市人民政府办公室关于开展停车设施提升专项行动的通知", "==============================", "",
        "发布时间：2026-04-10 16:35 来源：某市人民政府办公室 字号：[大](javascript:void(0))", "",
        "各县（市、区）人民政府，市政府各部门：", "",
        "为有效缓解城市“停车难”问题，市政府决定在全市开展停车设施提升专项行动。现将有关事项通知如下：", "",
        "**一、主要目标**", "", "| 序号 | 指标 | 单位 | 2025年（基数） | 2026年目标 | 2027年目标 |",
        "| --- | --- | --- | --- | --- | --- |", "| 1 | 累计新增公共停车泊位 | 个 | — | 12000 | 25000 |", "",
        "某市人民政府办公室", "", "2026年4月8日", "",
        "附件下载：[专项行动项目清单.xlsx](https://www.example.gov.cn/zcwj/P020260410.xlsx)", "",
        "[【打印本页】](javascript:window.print())", "", "主办单位：某市人民政府办公室 政府网站标识码：6612000001"])
    record = zhengce.extract(page)
    assert (record.title, record.doc_number, record.issue_date, record.url) == (
        "某市人民政府办公室关于开展停车设施提升专项行动的通知", "某政办发〔2026〕22号", "2026-04-08",
        "https://www.example.gov.cn/zwgk/t20260410_1.html")
    assert record.site == "某市人民政府" and "](" not in record.body and "**" not in record.body
    assert [(t.value, t.year) for t in record.targets] == [(12000, 2026), (25000, 2027)]
    assert [(a.name, a.url) for a in record.attachments] == [
        ("专项行动项目清单.xlsx", "https://www.example.gov.cn/zcwj/P020260410.xlsx")]


def test_an_article_stored_in_a_textarea_for_a_script_to_inject():
    article = ("&lt;p&gt;根据有关办法规定，经合作社自愿申报、乡镇初审推荐，拟认定青禾粮食种植专业合作社等15家为示范社。&lt;/p&gt;"
               "&lt;p&gt;公示期间，如有异议，可以书面形式向县农业农村局反映，单位反映的须加盖公章。&lt;/p&gt;"
               "&lt;p&gt;联系人：县农业农村局合作经济指导股&lt;/p&gt;&lt;p&gt;通讯地址：某县城关镇农科路12号&lt;/p&gt;"
               "&lt;p&gt;某县农业农村局&lt;/p&gt;&lt;p&gt;2025年11月3日&lt;/p&gt;")
    page = ("<html><head><title>关于2025年度县级示范社拟认定名单的公示</title></head><body>"
            "<h1>关于2025年度县级示范社拟认定名单的公示</h1><div id='zoom'>正文加载中，请稍候……</div>"
            f"<textarea id='content-src' style='display:none'>{article}</textarea>"
            "<script>document.getElementById('zoom').innerHTML = document.getElementById('content-src').value;</script>"
            "</body></html>")
    record = zhengce.extract(page)
    assert "拟认定青禾粮食种植专业合作社" in record.body and "通讯地址：某县城关镇农科路12号" in record.body
    assert "正文加载中" not in record.body and record.issue_date == "2025-11-03"


def test_a_traditional_script_page_through_a_big5_gateway():
    html = ("<html><head><meta charset='big5'><title>滃溪縣農村生活污水治理三年行動方案</title></head><body>"
            "<h1>滃溪縣農村生活污水治理三年行動方案</h1><div id='zoom'>"
            "<p>一、總體要求</p><p>到2027年，全縣農村生活污水治理率達到65%以上，處理設施正常運行率不低於90%，"
            "新增完成治理的行政村38個以上。</p><p>二、重點任務</p><p>（一）分類推進治理模式。優先納入城鎮污水管網統一處理。</p>"
            "<p>（二）加快補齊管網短板。完成已建設施配套管網修復改造60公里。</p><p>（三）強化設施運行維護。建立運行維護體系。</p>"
            "<p>三、保障措施</p><p>（一）加強組織領導。</p><p>（二）強化資金保障。</p></div></body></html>")
    record = zhengce.extract(html.encode("big5"))
    assert [a.text for a in record.actions] == ["分類推進治理模式", "加快補齊管網短板", "強化設施運行維護"]
    assert [(t.value, t.unit) for t in record.targets] == [(65, "%"), (90, "%"), (38, "個"), (60, "公里")]
    assert record.targets[2].indicator == "完成治理的行政村"


def test_a_dump_hard_wrapped_at_a_fixed_width():
    paragraph = ("为深入推进农村人居环境整治，结合我县实际，现就有关事项通知如下。到2025年底，全县农村卫生厕所普及率达到92%以上，"
                 "新改建农村户用卫生厕所2600户，对每户改厕给予补助，补助标准最高不超过1500元。各乡镇要制定具体方案，"
                 "明确任务分工，于每月5日前报送工作进展。县农业农村局要加强督促指导，确保各项任务落到实处。")
    lines = [paragraph[i:i + 38] for i in range(0, len(paragraph), 38)]
    dump = "\n".join(["某县人民政府办公室关于推进农村厕所革命的通知", "发布时间：2025-03-10", *lines,
                      "某县人民政府办公室", "2025年3月6日"])
    record = zhengce.extract(dump)
    assert [(t.value, t.unit) for t in record.targets] == [(92, "%"), (2600, "户")]


def test_a_policy_with_its_interpretation_printed_below_it():
    page = ("<html><head><title>某市人民政府办公室关于进一步做好稳就业工作的通知</title></head><body>"
            "<h1>某市人民政府办公室关于进一步做好稳就业工作的通知</h1><div id='zoom'>"
            "<p>各县（市、区）人民政府：</p><p>为做好稳就业工作，到2025年底，全市城镇新增就业2.8万人以上。现通知如下。</p>"
            "<p>一、加大扩岗支持。</p><p>二、拓宽就业渠道。</p><p>某市人民政府办公室</p><p>2025年7月8日</p><hr/>"
            "<p>《某市人民政府办公室关于进一步做好稳就业工作的通知》政策解读</p>"
            "<p>截至2025年6月底，全市城镇新增就业1.46万人。一是扩岗补助标准清晰可及；二是服务更加便捷。</p></div></body></html>")
    record = zhengce.extract(page)
    assert "政策解读" not in record.body and "1.46万人" not in record.body
    assert record.references == () and [(t.value, t.unit) for t in record.targets] == [(2.8, "万人")]
