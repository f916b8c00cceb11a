"""Small text helpers shared by every stage."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " "})
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def squash(text: str) -> str:
    """Collapse runs of spaces (ASCII, full-width, no-break) to one; keep tabs as cell breaks."""
    # str.split() knows every Unicode space and runs in C: three times faster than a regex sub,
    # on the hottest path of the render (every line of every page)
    if "\u200b" in text or "\ufeff" in text:   # zero-width space, BOM: not spaces to str.split
        text = text.translate(_INVISIBLE)
    if "\t" not in text:
        return " ".join(text.split())
    return "\t".join(cell for cell in (" ".join(part.split()) for part in text.split("\t")) if cell)


@lru_cache(maxsize=1 << 14)
def norm(text: str) -> str:
    """NFKC, traditional 號/發 mapped, all white space removed: the form used for matching."""
    text = nfkc(text).replace("號", "号").replace("發", "发")
    return "".join(text.split())


def nfkc(text: str) -> str:
    # the check is ~100x cheaper than the normalisation, and most text is already normal
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Chinese sentence punctuation: the strongest single signal that a line is prose.
_PUNCT = re.compile("[，。；：、！？,;]")


def punct_count(text: str) -> int:
    # one regex pass costs half of nine str.count calls on the short lines this sees
    return len(_PUNCT.findall(text))


def cjk_count(text: str) -> int:
    return len(_NOT_CJK.sub("", text))


def dedupe(items):
    """Distinct items in order of first appearance."""
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


# --- 繁體 pages ------------------------------------------------------------------------------------
# Portals serve a traditional-script copy of every page through a conversion proxy (big5.….gov.cn).
# The rules are written in simplified characters; matching runs on a copy mapped one character
# for one (so positions stay those of the page's text), and what is printed is taken from the
# page itself. The table covers the characters of policy prose, not the whole script.
TRADITIONAL = "國區縣鄉鎮辦廳處組織領導規劃會員務點實現發開關進與體機構質護級產業農環約對時間為車輛邊運動營經濟設計畫標準達將強應當總統籌協調條項個億萬資費貸貼補獎勵稅價錢額報據數歷們這說讀語話詞請認識議論證評訂記許該詳誤談講謝變態愛戰擊權歸舉學樂醫藥衛險際陸陽陰隊階隨電雲靈頁頂順須預頻題類顯風飛飯館養餘馬駐驗鬥魚鳥黃齊齡龍來倉側傳傷僅優儲兒內兩冊則剛創劑勞勢單廠廣壓參雙號嚴圖圍團園圓場塊壞壩壯夠奪婦嬰寧寶審寫寬尋屆層屬島峽嶺幣幫廢張彈彙徑從復後徵憲懷戶擁擇擔擴攜擬擾斷於暢書東極樣樓樞橋檢欄歡歲殘氣漢溝滿潔潛澤濕濱災烏無煙熱燈爭牆獲獨畢異療盡監盤確礎禮種稱穩窮競筆築範簡節糧紀紅純紙細終結絕給絲維綜綠網緊線編緩練縮績繼續罰羅聯聲聽職脅腦臨興舊艱藝莊葉蓋蘇蟲術衝裝製複見視覽觀觸訊訓託訴診詢試誠誌諮謀譜讓負財貨貫責貴貿賓賣賦購賽贊趨蹤軍軌轉輕載較輔輸遠遞遷適選遺還郵釋針鋼錄錯鍵長門閉閱闊陳隱雜離難靜韌響頭顏願顧飲飾驅鮮鹽麥黨紮週掛檔淨勁兌刪劇勸匯厲叢啟壇夾奧奮孫帳庫徹恆惡慣慮慶憂懸戲採揚換損撐撥撫擋擠攔攝敵暫曆曉棄棟榮槍歐毀決況涼淺減測湧滅滬滯漁漸潰澇濃濤灣爐牽狀狹獻疊盜矯碼磚礙禦積穫窩簽籃粵糾紛紹絡綱緒締縫繩纖罷義習聖聞膚臟臺艦薦藍蘭虛蝕襲訪詐誘謂謹譯讚豐貧貪販賀賠賴賬贈贏趕跡躍軟軸輪辭辯連過遊違遙遲鄰銀銷鋪鋒錦鍋鎖鏈鏡鐘鐵鑄鑒閃閣闖陣隸雖霧頒頓頸顆颱飄餅饋驚髒鬆鳴麗齒傑偉備偵僑儀兇剝劍勝勳卻厭吳喚喪噸埡執墾壽壺奬姦娛婁孿寵專屢岡崗巖帥師帶幀廂廬彎徠恥悅惻愷慚憑憐懇懶懼戀擺攤敗斂暈曠樁橫櫃殲毆氫洶淚渾湞溫滲漲潑澀澱濁瀉瀝灑烴燒燭爛爾牘猶獄瑩瓊甌畝瘋癒盧矚硯碩祿禪禱稟穀窯竊筧箏簍籠糞糰紡紳絆綢綫緝緣縛縱繪繳纜罈罵羥聰肅脹腎膠膩臉艙芻茲莖華萊蒼蔣蔥蕭薑薩蘆虜蝦螞蠟蠶褲襪覺親訣詔詩誕誦諒諧諸謎謠譏豎豬貓貝貞貢貶賄賊賢賤賺贓贖趙踐蹌軒軾輝輯轄迴遜邏鄧醬釣鈍鈴鉀鉛銅鋁錫鍊鍍鎂鎢鑽閥閩閻闡阪陝隴雋雛靂韻頃頑頌頰顛飢飼餵饒驟骯鬍鯨鴻鵬鶴鷺麵黴龐"
SIMPLIFIED = "国区县乡镇办厅处组织领导规划会员务点实现发开关进与体机构质护级产业农环约对时间为车辆边运动营经济设计画标准达将强应当总统筹协调条项个亿万资费贷贴补奖励税价钱额报据数历们这说读语话词请认识议论证评订记许该详误谈讲谢变态爱战击权归举学乐医药卫险际陆阳阴队阶随电云灵页顶顺须预频题类显风飞饭馆养余马驻验斗鱼鸟黄齐龄龙来仓侧传伤仅优储儿内两册则刚创剂劳势单厂广压参双号严图围团园圆场块坏坝壮够夺妇婴宁宝审写宽寻届层属岛峡岭币帮废张弹汇径从复后征宪怀户拥择担扩携拟扰断于畅书东极样楼枢桥检栏欢岁残气汉沟满洁潜泽湿滨灾乌无烟热灯争墙获独毕异疗尽监盘确础礼种称稳穷竞笔筑范简节粮纪红纯纸细终结绝给丝维综绿网紧线编缓练缩绩继续罚罗联声听职胁脑临兴旧艰艺庄叶盖苏虫术冲装制复见视览观触讯训托诉诊询试诚志咨谋谱让负财货贯责贵贸宾卖赋购赛赞趋踪军轨转轻载较辅输远递迁适选遗还邮释针钢录错键长门闭阅阔陈隐杂离难静韧响头颜愿顾饮饰驱鲜盐麦党扎周挂档净劲兑删剧劝汇厉丛启坛夹奥奋孙帐库彻恒恶惯虑庆忧悬戏采扬换损撑拨抚挡挤拦摄敌暂历晓弃栋荣枪欧毁决况凉浅减测涌灭沪滞渔渐溃涝浓涛湾炉牵状狭献叠盗矫码砖碍御积获窝签篮粤纠纷绍络纲绪缔缝绳纤罢义习圣闻肤脏台舰荐蓝兰虚蚀袭访诈诱谓谨译赞丰贫贪贩贺赔赖账赠赢赶迹跃软轴轮辞辩连过游违遥迟邻银销铺锋锦锅锁链镜钟铁铸鉴闪阁闯阵隶虽雾颁顿颈颗台飘饼馈惊脏松鸣丽齿杰伟备侦侨仪凶剥剑胜勋却厌吴唤丧吨垭执垦寿壶奖奸娱娄孪宠专屡冈岗岩帅师带帧厢庐弯徕耻悦恻恺惭凭怜恳懒惧恋摆摊败敛晕旷桩横柜歼殴氢汹泪浑浈温渗涨泼涩淀浊泻沥洒烃烧烛烂尔牍犹狱莹琼瓯亩疯愈卢瞩砚硕禄禅祷禀谷窑窃笕筝篓笼粪团纺绅绊绸线缉缘缚纵绘缴缆坛骂羟聪肃胀肾胶腻脸舱刍兹茎华莱苍蒋葱萧姜萨芦虏虾蚂蜡蚕裤袜觉亲诀诏诗诞诵谅谐诸谜谣讥竖猪猫贝贞贡贬贿贼贤贱赚赃赎赵践跄轩轼辉辑辖回逊逻邓酱钓钝铃钾铅铜铝锡炼镀镁钨钻阀闽阎阐坂陕陇隽雏雳韵顷顽颂颊颠饥饲喂饶骤肮胡鲸鸿鹏鹤鹭面霉庞"
TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)


def simplified(text: str) -> str:
    """``text`` with the traditional characters of the table in simplified form, one for one."""
    return text.translate(TO_SIMPLIFIED)
