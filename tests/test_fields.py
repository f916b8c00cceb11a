"""One extractor at a time, on short inputs written in the ways these pages write things."""
from __future__ import annotations

import pytest

import zhengce
from zhengce import dates, fields, meta


@pytest.mark.parametrize("text, iso", [
    ("发布日期：2023-12-29 09:12", "2023-12-29"),
    ("2026-01-22 11:40:11", "2026-01-22"),
    ("2023-12-29-09:12:30", "2023-12-29"),          # gov.cn firstpublishedtime
    ("2023/12/29", "2023-12-29"),
    ("成文日期：2017年05月15日", "2017-05-15"),
    ("2023年8月5日", "2023-08-05"),
    ("2023.8.5", "2023-08-05"),
    ("二〇二三年十二月二十九日", "2023-12-29"),
    ("二OO八年五月二十三日", "2008-05-23"),          # 'O' for 〇, as sloppy sources write it
    ("2023年2月30日", None),                          # not a date
    ("版本号 1.2.3", None),
])
def test_dates(text, iso):
    assert dates.first_date(text) == iso


def test_month_day_takes_the_year_from_context():
    assert dates.month_day("8月5日，科技部印发", 2023, before="2023-12-29") == "2023-08-05"
    # a day after the page's own date belongs to the previous year
    assert dates.month_day("12月30日，省政府印发", 2024, before="2024-01-05") == "2023-12-30"
    assert dates.month_day("8月5日", None) is None


@pytest.mark.parametrize("text, number", [
    ("国发〔2023〕12号", "国发〔2023〕12号"),
    ("呼政办发[2008]68号", "呼政办发〔2008〕68号"),
    ("财税（2018）103号", "财税〔2018〕103号"),
    ("某发【2021】第07号", "某发〔2021〕7号"),
    ("京政发﹝2022﹞3號", "京政发〔2022〕3号"),
    ("关于2023年工作的通知", None),
])
def test_doc_numbers_are_normalised(text, number):
    assert fields.normalise_doc_number(text) == number


@pytest.mark.parametrize("lines", [
    # 4-column table rendered as tab-separated cells
    ["\t索引号\t000014349/2017-00110\t主题分类\t综合政务", "\t发文机关\t国务院办公厅\t成文日期\t2017年05月15日",
     "\t标题\t国务院办公厅关于印发政府网站发展指引的通知", "\t发文字号\t国办发〔2017〕47号\t发布日期\t2017年06月08日"],
    # inline pairs, two per line
    ["索引号: 11330600002577014T/2025-257107 公开方式: 主动公开", "发布机构: 国务院办公厅 公开日期: 2017-06-08",
     "成文日期: 2017-05-15 发文字号: 国办发〔2017〕47号"],
    # label and value as separate blocks, spaced labels (dl/dt/dd)
    ["索 引 号", "000014349/2017-00110", "发文机关", "国务院办公厅", "成文日期", "2017-05-15",
     "文      号", "国办发〔2017〕47号"],
])
def test_info_block_in_every_layout(lines):
    info = meta.info_block(lines)
    assert info["doc_number"] == "国办发〔2017〕47号"
    assert dates.first_date(info["issue_date"]) == "2017-05-15"
    assert "index" in info


def test_info_block_with_bracketed_labels_and_a_co_issuer():
    info = meta.info_block(["\t[发文机构]\t某市住房和城乡建设委员会\t[联合发文]\t某市财政局",
                            "\t[发文字号]\t某建法〔2019〕11号\t[成文日期]\t2019年06月28日"])
    assert info == {"issuer": "某市住房和城乡建设委员会", "co_issuers": "某市财政局",
                    "doc_number": "某建法〔2019〕11号", "issue_date": "2019年06月28日"}
    ev = fields.Evidence(lines=[], body=["第一条 为规范管理，制定本办法。"], info=info)
    assert fields.issuers(ev, "某市住房公积金管理办法", "policy") == ["某市住房和城乡建设委员会", "某市财政局"]


def test_running_text_is_not_an_info_block():
    assert meta.info_block(["本办法所称文号，是指发文机关的文件编号。", "来源于各部门的标题"]) == {}


def test_breadcrumb_forms():
    assert meta.breadcrumb(["当前位置：首页 > 政务公开 > 政策解读"])[-1] == "政策解读"
    assert meta.breadcrumb(["首页 > 专题报道 > 新闻发布会", "正文"])[-1] == "新闻发布会"
    assert meta.breadcrumb(["当前位置：", "• 首页", "• 政务公开", "• “十四五”解读", "关于…的解读"])[-1] == "“十四五”解读"


def test_references_keep_nesting_and_drop_defined_short_names():
    body = ["印发《关于印发〈某某办法〉的通知》（以下简称《通知》），落实《通知》和《“十四五”规划》《“十四五”规划》。"]
    assert fields.references(body) == ["关于印发〈某某办法〉的通知", "“十四五”规划"]


def test_joint_title_issuers():
    ev = fields.Evidence(lines=[], body=[])
    title = "财政部 税务总局 商务部关于延续实施有关税收政策的公告"
    assert fields.issuers(ev, title, "policy") == ["财政部", "税务总局", "商务部"]


def test_signature_issuers_and_date():
    body = ["各有关单位：", "现将有关事项通知如下。", "省财政厅", "省科学技术厅", "2023年6月20日", "（此件公开发布）"]
    assert fields.signature_orgs(body) == ["省财政厅", "省科学技术厅"]
    assert fields.signature_date(body) == "2023-06-20"


def test_news_has_no_issuers():
    ev = fields.Evidence(lines=[], body=["省政府办公厅印发通知。"])
    assert fields.issuers(ev, "省政府召开常务会议", "news") == []


SITE_PAGE = """<html><head><title>青江市人民政府</title></head><body>
<div class=nav><a href=/>首页</a> <a href=/a>政务公开</a> <a href=/b>政务服务</a></div>
<h1>青江市人民政府关于做好2024年防汛工作的通知</h1><div class=info>发布时间：2024-05-10</div>
<div class=content><p>各县（市、区）人民政府，市政府各部门：</p>
<p>为切实做好今年防汛工作，确保人民群众生命财产安全，现就有关事项通知如下。一是压实责任，二是强化监测。</p>
<p>青江市人民政府</p><p>2024年5月8日</p></div>
<div class=foot>主办单位：青江市人民政府办公室 政府网站标识码：3301000001 浙ICP备12345678号</div></body></html>"""


def test_page_whose_title_tag_names_only_the_site():
    record = zhengce.extract(SITE_PAGE)
    assert record.title == "青江市人民政府关于做好2024年防汛工作的通知"
    assert record.site == "青江市人民政府"  # the <title> names only the site
    assert record.site_code == "3301000001"
    assert (record.publish_date, record.issue_date) == ("2024-05-10", "2024-05-08")
    assert record.issuers == ("青江市人民政府",)
    assert record.body.startswith("各县（市、区）人民政府") and "ICP" not in record.body


def test_publish_date_is_never_copied_into_issue_date():
    page = SITE_PAGE.replace("<p>2024年5月8日</p>", "")
    record = zhengce.extract(page)
    assert record.publish_date == "2024-05-10" and record.issue_date is None


@pytest.mark.parametrize("text, orgs", [
    ("科技部、内蒙古自治区人民政府", ["科技部", "内蒙古自治区人民政府"]),
    ("市人力资源和社会保障局、市财政局", ["市人力资源和社会保障局", "市财政局"]),
    ("省财政厅和省税务局", ["省财政厅", "省税务局"]),
    ("财政部 税务总局", ["财政部", "税务总局"]),
    ("近日，省政府", []),
])
def test_split_orgs(text, orgs):
    assert fields.split_orgs(text) == orgs


def test_references_are_in_order_of_first_mention():
    body = ["《甲办法》《乙办法》已经审议通过。", "根据《丙条例》《甲办法》制定。", "《乙 办法》"]
    assert fields.references(body) == ["甲办法", "乙办法", "丙条例"]


@pytest.mark.parametrize("text, number", [
    ("国家税务总局公告2022年第9号", "国家税务总局公告2022年第9号"),
    ("国务院令第732号", "国务院令第732号"),
    ("某市市场监督管理局公告2024年第03号", "某市市场监督管理局公告2024年第3号"),
])
def test_serial_numbering_schemes(text, number):
    assert fields.normalise_doc_number(text) == number


def test_penalty_table_names_the_deciding_body_even_with_its_label_broken():
    for lines in (["作出处罚决定的", "机关名称", "某省金融监督管理局", "作出处罚决定的日期", "2024年7月8日"],
                  ["\t作出处罚决定的\t某省金融监督管理局", "\t机关名称\t"]):
        ev = fields.Evidence(lines=lines, body=[])
        assert fields.issuers(ev, "某省金融监督管理局行政处罚信息公开表", "notice") == ["某省金融监督管理局"]


@pytest.mark.parametrize("title, kind", [
    ("关于公开征求《某市住宅小区充电设施管理办法（征求意见稿）》意见的公告", "notice"),
    ("某市住房和城乡建设局关于征求《某市物业管理办法》修订意见的通知", "notice"),
    ("某市人民政府关于印发某市物业管理办法的通知", "policy"),
    ("某市人民政府关于发布某市物业服务收费标准的公告", "policy"),
    ("某市举行《某市支持民营经济发展壮大若干措施》新闻发布会", "interpretation"),
    ("某市召开2024年上半年经济运行情况新闻发布会", None),
])
def test_what_a_title_says_a_page_is_wherever_the_words_stand(title, kind):
    assert fields.genre_and_kind(title)[1] == kind


def test_signature_after_numbered_attachment_lines_stays_in_the_body():
    page = ("<html><body><div class='nav'><a href='/'>首页</a></div><div id='zoom'>"
            "<p>为规范管理，我局起草了《某市充电设施管理办法（征求意见稿）》，现向社会公开征求意见，"
            "请于2025年6月11日前反馈。社会各界人士可通过电子邮件、信函等方式提出意见和建议。</p>"
            "<p>联系人：唐某；联系电话：0739-8812356。</p>"
            "<p>附件：1.<a href='/a.docx'>某市充电设施管理办法（征求意见稿）</a></p>"
            "<p>2.<a href='/b.pdf'>《某市充电设施管理办法（征求意见稿）》起草说明</a></p>"
            "<p>某市住房和城乡建设局</p><p>2025年5月9日</p></div></body></html>")
    record = zhengce.extract(page)
    assert record.body.endswith("某市住房和城乡建设局\n2025年5月9日")
    assert record.issue_date == "2025-05-09" and record.issuers == ("某市住房和城乡建设局",)


@pytest.mark.parametrize("sentence, iso", [
    ("8月5日，科技部、省人民政府联合印发《实施方案》。", "2025-08-05"),
    ("3月6日，《若干措施》经县政府同意正式印发。", "2025-03-06"),
    ("《若干措施》于2025年3月6日印发，自印发之日起施行。", "2025-03-06"),
    ("《若干措施》已于3月6日正式印发。", "2025-03-06"),
    ("《若干措施》于2025年4月1日起施行。", None),
    ("《办法》（沅政规〔2025〕3号）于2025年6月12日印发，自7月1日起施行。", "2025-06-12"),
])
def test_an_interpretation_dates_the_document_it_explains(sentence, iso):
    ev = fields.Evidence(lines=[], body=["为帮助理解，现解读如下。", sentence])
    assert fields.issue_date(ev, "2025-09-10", None) == iso


def test_a_bulletins_date_line_under_its_byline_is_its_issue_date():
    lines = ["首页 > 统计信息", "某县2024年国民经济和社会发展统计公报", "某县统计局", "国家统计局某县调查队",
             "（2025年3月18日）", "2024年，全县经济运行稳中有进。"]
    ev = fields.Evidence(lines=lines, body=lines[2:])
    assert fields.issue_date(ev, "2025-03-20", 1) == "2025-03-18"
    lines[4] = "（2025年3月）"
    ev = fields.Evidence(lines=lines, body=lines[2:])
    assert fields.issue_date(ev, "2025-03-20", 1) is None   # a month is not a day


def test_an_interpretation_names_who_issued_the_policy():
    body = ["问1：《办法》出台的背景是什么？",
            "答：市住房公积金管理中心起草了《办法》，经管理委员会审议，由沅溪市人民政府印发实施。"]
    assert fields.issuers(fields.Evidence(lines=[], body=body), "《办法》政策问答", "interpretation") == [
        "沅溪市人民政府"]


def test_a_government_work_report_its_caption_date_and_speaker():
    paragraph = "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。"
    page = ("<html><head><title>2025年某县政府工作报告-某县人民政府</title></head><body>"
            "<div class='nav'><a href='/'>首页</a></div><h1>2025年某县政府工作报告</h1><div id='zoom'>"
            "<p>政府工作报告</p><p>——2025年1月8日在某县第十八届人民代表大会第五次会议上</p>"
            "<p>某县人民政府县长　林某某</p><p>各位代表：</p>"
            f"<p>{paragraph}</p><p>2024年，全县地区生产总值比上年增长5.8%，一般公共预算收入增长4.6%。</p></div>"
            "<div class='foot'>版权所有：某县人民政府</div></body></html>")
    record = zhengce.extract(page)
    assert record.body.startswith("——2025年1月8日在某县第十八届人民代表大会第五次会议上")
    assert record.issue_date == "2025-01-08" and record.issuers == ("某县人民政府",)


def test_a_serial_number_on_a_line_of_its_own_under_the_issuing_body():
    ev = fields.Evidence(lines=["沅溪市城市绿化条例", "某市人民代表大会常务委员会公告", "第15号",
                                "《某市城市绿化条例》已由市人大常委会会议通过，现予公布。"], body=[])
    assert fields.doc_number(ev, 0) == "某市人民代表大会常务委员会公告第15号"


def test_the_decision_date_column_of_a_penalty_table():
    ev = fields.Evidence(lines=["当事人\t违法事实\t处罚机关\t处罚决定日期",
                                "某餐饮公司\t2024年5月8日检查发现过期食品\t某市市场监督管理局\t2024年7月16日"],
                         body=[])
    assert fields.issue_date(ev, "2024-07-23", None) == "2024-07-16"


def test_a_bare_genre_in_book_marks_is_a_short_form_only_after_its_full_title():
    body = ["近日，市政府办公室印发了《某市既有住宅加装电梯管理办法》。", "《办法》共六章三十条。"]
    assert fields.references(body) == ["某市既有住宅加装电梯管理办法"]
    assert fields.references(["各地要认真贯彻《条例》，依法行政。"]) == ["条例"]


def test_a_reply_lists_no_actions_and_a_rule_issued_by_a_notice_sets_no_targets():
    reply = ("<html><body><h1>某省人民政府关于同意设立某高新技术产业开发区的批复</h1><div id='zoom'>"
             "<p>某市人民政府：</p><p>你市《关于申请设立某高新技术产业开发区的请示》收悉。经研究，现批复如下：</p>"
             "<p>一、同意设立某高新技术产业开发区，为省级高新技术产业开发区，实行现行政策。</p>"
             "<p>二、高新区要坚持以科技创新引领产业发展，集聚创新资源，培育科技型企业，完善孵化服务体系。</p>"
             "<p>三、某市人民政府要切实加强组织领导，理顺管理体制，完善运行机制，统筹推进规划建设。</p>"
             "<p>某省人民政府</p><p>2025年3月2日</p></div></body></html>")
    assert zhengce.extract(reply).actions == ()
    rule = ("<html><body><h1>某市财政局关于印发《某市外贸发展专项资金管理办法》的通知</h1><div id='zoom'>"
            "<p>各区财政局：现将《某市外贸发展专项资金管理办法》印发给你们，请遵照执行。</p>"
            "<p>第五条 对年进出口额首次突破1000万美元的企业，给予一次性奖励，单个企业年度奖励不超过300万元。</p>"
            "<p>第六条 本办法自2025年5月1日起施行。</p></div></body></html>")
    assert zhengce.extract(rule).targets == ()


def test_a_body_named_by_its_level_alone_takes_the_place_the_page_names():
    assert fields.with_place(["市人民政府办公室", "国家发展改革委"], "《涟川市既有住宅加装电梯管理办法》政策解读",
                             "涟川市住房和城乡建设局") == ["涟川市人民政府办公室", "国家发展改革委"]
    assert fields.with_place(["县人民政府"], None, "蓼川县人民政府") == ["蓼川县人民政府"]
    assert fields.with_place(["市人民政府办公室"], "关于做好防汛工作的通知", None) == ["市人民政府办公室"]


def test_issued_by_and_on_in_one_clause_and_a_drafts_short_name():
    ev = fields.Evidence(lines=[], body=["该《方案》由市政府办公室于2025年7月2日印发，自印发之日起施行。"])
    assert fields.issue_date(ev, "2025-07-10", None) == "2025-07-02"
    body = ["会议审议通过了《某市城市管理办法（修订草案）》。", "会议要求，《办法》出台后要抓好宣传解读。"]
    assert fields.references(body) == ["某市城市管理办法（修订草案）"]


def test_a_source_in_a_bracketed_box_and_a_drafts_tasks_in_a_notice():
    page = ("<html><head><title>某县农业农村局关于公开征求《某县人居环境整治行动方案（征求意见稿）》意见的公告</title></head>"
            "<body><h1>某县农业农村局关于公开征求《某县人居环境整治行动方案（征求意见稿）》意见的公告</h1>"
            "<div>【发布时间：2026-03-02】【信息来源：县农业农村局农村社会事业股】</div><div id='zoom'>"
            "<p>我局研究起草了《某县人居环境整治行动方案（征求意见稿）》，现向社会公开征求意见。</p>"
            "<p>征求意见时间：2026年3月2日至2026年3月31日。</p><p>某县农业农村局</p><p>2026年2月27日</p>"
            "<p>某县人居环境整治行动方案</p><p>一、总体要求</p><p>坚持因地制宜、分类施策，建设宜居宜业和美乡村。</p>"
            "<p>二、重点任务</p><p>（一）扎实推进农村厕所革命。科学选择改厕模式。</p>"
            "<p>（二）梯次推进农村生活污水治理。优先治理集镇生活污水。</p><p>（三）整体提升村容村貌。深入开展村庄清洁行动。</p>"
            "<p>三、保障措施</p><p>（一）加强组织领导。</p><p>（二）强化资金保障。</p></div></body></html>")
    record = zhengce.extract(page)
    assert (record.kind, record.source) == ("notice", "县农业农村局农村社会事业股")
    assert [a.text for a in record.actions] == ["扎实推进农村厕所革命", "梯次推进农村生活污水治理", "整体提升村容村貌"]


def test_an_interpretation_restating_its_policys_requirements():
    # the requirements of the policy it explains bind as the policy's would; a rule's would not
    def page(title):
        return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div id='zoom'>"
                "<p>近日，某县人民政府办公室印发了《若干措施》。</p><p>《若干措施》主要包括以下内容：一是支持项目建设。"
                "对新评定的示范点给予50万元奖励。二是丰富消费场景。打造一批乡村夜游产品，每年发放文旅消费券不少于200万元。"
                "</p></div></body></html>")
    measures = zhengce.extract(page("《某县支持农文旅融合发展若干措施》政策解读"))
    assert measures.kind == "interpretation"
    assert [(t.value, t.unit) for t in measures.targets] == [(200, "万元")]
    assert zhengce.extract(page("《某县文旅消费券管理办法》解读")).targets == ()


def test_a_reply_letter_sets_nothing_and_a_labelled_number_line_is_its_number():
    title = "某市自然资源和规划局关于农村村民建房用地面积认定有关问题的复函"
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            "<div class='intro'>文号：某自然资规函〔2025〕12号</div><div id='zoom'><p>某县自然资源局：</p>"
            "<p>你局《关于农村村民建房用地面积认定有关问题的请示》收悉。经研究，现函复如下：</p>"
            "<p>一、关于宅基地面积标准的适用。按原宅基地面积审批，但不得超过上述标准。</p>"
            "<p>二、关于“户”的认定。户内人口达到5人以上，且有两个以上子女达到法定婚龄的，可以申请分户建房。</p>"
            "<p>三、关于附属设施用地。附属设施用地计入宅基地面积。</p><p>特此函复。</p></div></body></html>")
    record = zhengce.extract(page)
    assert (record.genre, record.doc_number) == ("复函", "某自然资规函〔2025〕12号")
    assert (record.actions, record.targets) == ((), ())


def test_a_label_in_a_run_of_pairs_printed_without_spaces():
    from zhengce.meta import labelled_value
    line = "发布者：综合与规划科来源：某市生态环境局综合与规划科发布时间：2026-03-27浏览次数：1437"
    assert labelled_value([line], ("来源",)) == (0, "某市生态环境局综合与规划科")


def test_an_interpretation_telling_when_its_policy_was_issued():
    title = "《某市促进民营经济高质量发展若干措施》政策解读"
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div id='zoom'>"
            "<p>近日，某市人民政府印发《某市促进民营经济高质量发展若干措施》。现解读如下。</p><p>一、制定过程</p>"
            "<p>《若干措施》起草过程中，先后召开座谈会6场，于2025年9月8日经市政府第47次常务会议审议通过，"
            "于2025年9月12日正式印发。</p></div></body></html>")
    assert zhengce.extract(page).issue_date == "2025-09-12"


@pytest.mark.parametrize("title, kind", [
    ("某市市场监督管理局关于2025年第二季度食品安全监督抽检信息的公告", "notice"),
    ("某市人民政府关于城区禁止燃放烟花爆竹的公告", "policy"),
])
def test_a_public_notice_that_reports_findings_is_a_notice(title, kind):
    from zhengce.fields import genre_and_kind
    assert genre_and_kind(title)[1] == kind


def test_a_picture_interpretation_and_a_tag_line():
    from zhengce.fields import genre_and_kind
    assert genre_and_kind("图解：《某市支持民营经济高质量发展若干措施》") == ("图解", "interpretation")
    from zhengce.markers import is_boilerplate_line
    assert is_boilerplate_line("栏目：区政府文件标签：银发经济、养老服务")


def test_a_decision_repealing_documents_lists_no_actions():
    title = "某市人民政府关于废止和修改部分市政府规范性文件的决定"
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div id='zoom'>"
            "<p>经市人民政府研究，决定：</p><p>一、对与现行法律法规不一致的5件市政府规范性文件予以废止。</p>"
            "<p>二、对部分条款与上位法不一致的3件市政府规范性文件予以修改。</p>"
            "<p>三、市司法局要建立规范性文件常态化清理机制。</p></div></body></html>")
    assert zhengce.extract(page).actions == ()


def test_a_date_line_without_a_label_and_an_issue_date_by_way_of():
    page = ("<html><head><meta name='PubDate' content='2025-08-29 10:15:00'><title>某市人民政府任免国家工作人员</title></head>"
            "<body><h1>某市人民政府任免国家工作人员</h1><div class='pages-date'>2025-08-28 17:40　来源：市人力资源和社会保障局</div>"
            "<div id='zoom'><p>市人民政府决定：</p><p>任命张三为某市发展和改革委员会主任。</p></div></body></html>")
    assert zhengce.extract(page).publish_date == "2025-08-28"
    title = "《关于全面推进乡村振兴的意见》政策解读"
    qa = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div id='zoom'>"
          "<p>问：《意见》出台的背景是什么？</p><p>答：为贯彻落实中央部署，市委、市政府组织起草了《意见》。"
          "《意见》于2025年3月12日经市人民政府印发实施。</p></div></body></html>")
    assert zhengce.extract(qa).issue_date == "2025-03-12"


def test_a_rules_conditions_are_not_actions_and_a_run_on_label_stops_at_the_next():
    title = "某省就业见习管理办法"
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div id='zoom'>"
            "<p>第五条 见习单位应当具备下列条件：（一）依法设立，管理规范，社会信誉良好；"
            "（二）能够提供适合见习的岗位，并配备见习指导人员；（三）近3年内无重大违法违规记录。</p>"
            "<p>第六条 见习期限一般为3至12个月。</p></div></body></html>")
    assert zhengce.extract(page).actions == ()
    from zhengce.meta import labelled_value
    assert labelled_value(["来源：市发展改革委能源科访问次数：1234"], ("来源",)) == (0, "市发展改革委能源科")


def test_an_issuer_as_its_signature_prints_it_with_its_place():
    title = "泺西区教育局2026年工作要点"
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div id='zoom'>"
            "<p>一、加强党的建设</p><p>1.深化理论武装。</p><p>二、推进优质均衡</p><p>2.深化集团化办学。</p>"
            "<p>淩州市泺西区教育局</p><p>2026年2月28日</p></div></body></html>")
    assert zhengce.extract(page).issuers == ("淩州市泺西区教育局",)
