"""Document kinds as different people write them (reading/classify.py, rules/kinds.yaml).

Every text here was written for this test: courts, auction firms, property exchanges, online
platforms and Traditional-script documents, with and without a title."""

from __future__ import annotations

import pytest

from paimai_docs.reading.classify import KINDS, classify

NEAR_MISSES = (
    "bidding_rules",
    "entrustment_notice",
    "suspension_notice",
    "appraisal_report",
    "application",
)

# (kind, text); announcements may add their variant as "announcement/variant"
CASES: list[tuple[str, str]] = [
    # announcement -----------------------------------------------------------------------------
    (
        "announcement/net_judicial",
        "江城市东湖区人民法院\n网络司法拍卖公告\n"
        "本院将于2026年9月3日10时至2026年9月4日10时止（延时的除外）在人民法院诉讼资产网"
        "公开拍卖被执行人名下的商铺一间。\n起拍价：52万元\n保证金：5万元\n"
        "竞买人应在开拍前报名并交纳保证金。",
    ),
    (
        "announcement/judicial",
        "江城市中级人民法院将于2026年6月1日上午10时在市公共资源交易中心进行公开拍卖活动，"
        "现公告如下：\n一、拍卖标的：城南路8号厂房及土地使用权。\n二、参考价：310万元。\n"
        "三、看样时间：5月25日至27日。",
    ),
    (
        "announcement/social",
        "青禾拍卖有限公司\n拍 卖 公 告\n"
        "受委托，我公司定于2026年10月12日上午9时30分在本公司拍卖厅公开拍卖红木家具一批。\n"
        "展示时间：10月9日至11日\n竞买保证金：每件2000元\n"
        "有意者请携有效身份证件前来办理竞买登记手续。",
    ),
    (
        "announcement/state_asset",
        "闲置机床设备一批\n项目编号：CQ-2026-088\n转让方：某市机械厂（国有独资）\n"
        "挂牌起始日期：2026-05-06\n挂牌截止日期：2026-05-20\n转让底价：¥120,000.00\n"
        "保证金：¥30,000.00",
    ),
    (
        "announcement",
        "北辰拍卖有限公司\n2026秋季古籍善本专场\n预展时间：2026年11月2日—3日\n"
        "预展地点：滨江饭店二楼\n拍卖时间：2026年11月4日 14:00\n拍卖地点：滨江饭店三楼宴会厅",
    ),
    (
        # 取消 here is of the vehicles (withdrawn from official use), not of the sale
        "announcement/vehicle",
        "某某区公务用车制度改革取消车辆拍卖公告\n发布日期：2027-03-02\n受某某区机关事务服务中心委托，"
        "本公司定于2027年3月20日上午9时在区政务中心公开拍卖取消的公务车辆12台。\n"
        "起拍价：见附表；保证金：每台5000元。",
    ),
    (
        "announcement/vehicle",
        "粤B·3K7Q9 丰田凯美瑞轿车\n起拍价：35,000元\n保证金：5,000元\n加价幅度：500元\n"
        "竞价开始：2026-07-01 10:00\n竞价结束：2026-07-01 11:00\n标的所在地：某区车辆停放场",
    ),
    (
        "announcement",
        "南岭拍賣有限公司\n拍賣公告\n本公司定於2026年8月8日上午10時在本公司拍賣廳公開拍賣"
        "下列物品，現公告如下：\n起拍價：8萬元；競買保證金：1萬元；展示時間：8月5日至7日。",
    ),
    (
        "announcement/state_asset",
        "关于市属单位闲置办公用房招租的公告\n经市国资部门批准，现对下列房产公开招租，"
        "意向承租方请于报名截止前提交资料。\n挂牌底价：年租金18万元\n保证金：3万元",
    ),
    # entrustment contract ---------------------------------------------------------------------
    (
        "entrustment_contract",
        "委托拍卖合同\n委托人（甲方）：某某贸易有限公司\n拍卖人（乙方）：某某拍卖有限公司\n"
        "第一条 甲方委托乙方拍卖下列标的。\n第二条 保留价为____元。\n"
        "第三条 成交后甲方按成交价的5%向乙方支付佣金。\n"
        "第四条 本合同一式两份，双方签字盖章后生效。",
    ),
    (
        "entrustment_contract",
        "车辆拍卖委托书\n委托方：某县机关事务管理局\n受托方：某某拍卖行\n"
        "双方经协商一致，委托方将公务车辆三辆委托受托方公开拍卖，佣金按成交价3%计收。"
        "本委托书自双方签字盖章之日起生效。",
    ),
    (
        "entrustment_contract",
        "委托书\n委托单位：某某物流有限公司\n地址：某某市某某路45号\n受托单位：某某拍卖有限公司\n"
        "某某拍卖有限公司：\n经我公司研究决定，现委托贵公司对我公司下列淘汰车辆进行公开拍卖：\n"
        "1. 厢式货车3台，2016年注册登记，均可正常行驶。\n委托单位（盖章）\n2027年3月2日",
    ),
    (
        "entrustment_contract",
        "某某钢铁有限公司\n地址：某市工业园区1号　电话：0351-1234567\n"
        "关于委托拍卖闲置轧机设备的函\n某钢函〔2027〕8号\n某某拍卖有限公司：\n"
        "我公司闲置轧机设备拟公开拍卖处置，现委托贵公司组织拍卖，约定如下：\n"
        "一、最低成交价为人民币80万元。\n二、佣金按成交价的3%收取，从拍卖款中扣除。\n"
        "三、拍卖款扣除佣金后十日内汇入我公司账户。\n某某钢铁有限公司（盖章）\n2027年5月6日",
    ),
    (
        "entrustment_contract",
        "委託拍賣合約書\n甲方（委託人）：陳某\n乙方（拍賣人）：某某拍賣有限公司\n"
        "一、甲方委託乙方拍賣書畫作品五件。\n二、佣金為成交價之百分之十。\n"
        "三、甲方撤回拍賣標的的，應支付撤拍費。\n本協議一式兩份。",
    ),
    (
        "entrustment_contract",
        "拍卖服务协议\n甲方：某某资产管理公司\n乙方：某某拍卖有限公司\n"
        "1.甲方委托乙方以网络拍卖方式处置抵债房产一套。\n2.乙方服务费为成交价的2%。\n"
        "3.违约责任：……\n甲方（盖章）：        乙方（盖章）：",
    ),
    # filings ----------------------------------------------------------------------------------
    (
        "pre_auction_filing",
        "拍卖会前备案表\n拍卖企业：某某拍卖有限公司\n拍卖会名称：废旧物资专场\n"
        "拟拍卖日期：2026年4月9日\n公告媒体：某某日报\n拍卖师：王某",
    ),
    (
        "pre_auction_filing",
        "某某拍卖有限公司\n关于举办2026年秋季艺术品拍卖会的备案报告\n某市商务局：\n"
        "我公司拟于2026年10月18日举办秋季艺术品拍卖会，现将有关情况报告如下：一、拍品共120件。",
    ),
    (
        "pre_auction_filing",
        "拍卖活动备案 备案详情\n备案编号：BA-2026-0031\n拍卖会名称：机械设备专场拍卖会\n"
        "拍卖日期：2026-03-20\n拍卖地点：本公司拍卖厅\n受理机关：某市商务局",
    ),
    (
        "post_auction_filing",
        "拍卖活动后期备案登记表\n拍卖会名称：公务车辆专场\n成交价：12.6万元\n买受人：张某\n"
        "佣金收入：6300元",
    ),
    (
        "post_auction_filing",
        "关于某某商标拍卖结果的备案报告\n某市商务局：\n我公司于6月2日举行拍卖会，"
        "该商标以80万元成交，买受人为某某食品公司。现将拍卖结果报告如下。",
    ),
    (
        "post_auction_filing",
        "拍賣成交備案表\n填報單位：某某拍賣有限公司\n成交金額：45萬元\n買受人：李某\n"
        "拍賣結果：全部成交",
    ),
    # reports ----------------------------------------------------------------------------------
    (
        "failed_auction_report",
        "流拍报告\n某区人民法院执行局：\n受贵院委托，我公司于5月8日对被执行人名下房产进行拍卖，"
        "因无人报名，本次拍卖流拍。特此报告。",
    ),
    (
        "failed_auction_report",
        "关于城西仓库拍卖未成交情况的说明\n某某实业有限公司：\n贵司委托的仓库已按期拍卖，"
        "拍卖公告曾在报纸刊登，但现场无人应价，拍卖未成交。建议降低保留价后重新拍卖。",
    ),
    (
        "failed_auction_report",
        "某县交通运输局\n关于原养护站房产拍卖流拍的请示\n县财政局：\n"
        "我局委托拍卖公司公开拍卖原养护站房产，因无人竞买而流拍，现请示如下：拟按评估价的九折"
        "重新拍卖。妥否，请批示。",
    ),
    (
        "completion_report",
        "拍卖成交报告\n某区财政局：\n受贵局委托，我公司于3月2日公开拍卖报废设备一批，"
        "经多轮竞价以85万元成交，买受人为某某回收公司。特此报告。",
    ),
    (
        "completion_report",
        "关于被执行人车辆拍卖结果的报告\n某区人民法院：\n该车于拍卖会上经12轮竞价，"
        "最终以6.8万元成交。现将有关情况报告如下：成交价款已全部到账。",
    ),
    (
        "completion_report",
        "关于仓储用房拍卖成交情况的报告\n某某国有资产经营公司：\n"
        "贵公司委托的仓储用房已于4月1日拍卖成交，成交价310万元，佣金已按约定结算。特此报告。",
    ),
    # sale confirmation ------------------------------------------------------------------------
    (
        "sale_confirmation",
        "拍卖成交确认书\n买受人：王某\n竞买号：18\n成交价：人民币叁拾万元整\n佣金：15000元\n"
        "买受人应于七日内付清全部价款。\n买受人（签字）：        拍卖人（盖章）：",
    ),
    (
        "sale_confirmation",
        "网络竞价成功确认书\n用户李某通过竞买号B1024在某区人民法院网络司法拍卖平台以最高应价"
        "竞得该房产，成交价为人民币128万元。",
    ),
    (
        "sale_confirmation",
        "交易结果确认书\n项目名称：某公司30%股权转让\n受让方：某某投资公司\n成交价：560万元\n"
        "交易服务费：2.8万元\n双方确认以上交易结果。",
    ),
    (
        "sale_confirmation",
        "拍賣成交確認書\n買受人：黃某\n號牌：027\n落槌價：港幣……人民幣12萬元\n"
        "佣金：6000元\n買受人應於五日內付清餘款。",
    ),
    # auction transcript -----------------------------------------------------------------------
    (
        "auction_transcript",
        "拍卖笔录\n拍卖时间：2026年3月5日上午10时\n拍卖师：刘某\n记录人：陈某\n"
        "拍卖师宣布起叫价50万元，3号牌应价，8号牌应价52万元，无人再应价，落槌成交。",
    ),
    (
        "auction_transcript",
        "拍卖会现场记录\n拍卖人：某某拍卖有限公司\n10:05 拍卖师介绍标的并宣布起拍价\n"
        "10:07 6号竞买人举牌应价\n10:12 三次报价后无人应价，落槌。\n记录员：周某",
    ),
    (
        "auction_transcript",
        "竞价记录表\n号牌 | 应价 | 时间\n12 | 31万元 | 10:03\n07 | 32万元 | 10:04\n"
        "拍卖师：孙某  记录人：钱某",
    ),
    # bidder registration ----------------------------------------------------------------------
    (
        "bidder_registration",
        "竞买人登记表\n竞买人姓名：赵某\n身份证号码：110101199001011234\n联系电话：13800000000\n"
        "竞买号牌：36\n本人已认真阅读拍卖规则，自愿参加竞买。\n竞买人签名：",
    ),
    (
        "bidder_registration",
        "竞买申请书（单位适用）\n竞买单位名称：某某回收有限公司\n统一社会信用代码：91xxxx\n"
        "法定代表人：钱某\n委托代理人：孙某\n退款开户行：某银行某支行",
    ),
    (
        "bidder_registration",
        "首页 > 我的报名 > 报名详情\n某小区住宅一套\n报名状态：已通过\n竞买代码：K2031\n"
        "证件类型：居民身份证\n报名时间：2026-02-01 09:12",
    ),
    (
        "bidder_registration",
        "競買人登記表\n競買人姓名：林某\n證件號碼：……\n聯絡電話：……\n號牌：15\n"
        "本人已閱讀並同意競買須知。",
    ),
    # vehicle handover -------------------------------------------------------------------------
    (
        "vehicle_handover",
        "公务用车处置车辆交接书\n移交单位：某区财政局\n接收单位：某某拍卖有限公司\n"
        "车牌号：苏A·12345\n表显里程：168000公里\n随车证件：行驶证1本，登记证书1本，钥匙2把",
    ),
    (
        "vehicle_handover",
        "某某拍卖有限公司\n提车单（买受人联）  No.000123\n车牌号：浙B·5X2Y1\n"
        "钥匙：2把  行驶证：有  油量：1/2\n买受人确认车辆已点交无误。",
    ),
    (
        "vehicle_handover",
        "取消公务用车\n车辆移交清单\n序号 车牌号 品牌型号 里程 钥匙 行驶证\n"
        "1 川A·0001 大众 210000 2 1\n2 川A·0002 丰田 180000 1 1\n移交人：  接收人：",
    ),
    # vehicle disposal authorization -----------------------------------------------------------
    (
        "vehicle_disposal_authorization",
        "车辆处置授权书\n某某拍卖有限公司：\n经财政部门批准，我单位授权贵公司对下列公务车辆进行公开拍卖，"
        "并代为签署成交文件、办理过户手续。\n号牌号码：苏A·00001\n特此授权。",
    ),
    (
        "vehicle_disposal_authorization",
        "車輛處置授權書\n茲授權某某拍賣有限公司代為辦理本人名下車輛之出售及過戶事宜，"
        "車牌號碼：閩D·12345，最低售價不低於新臺幣……\n此致\n某某拍賣有限公司",
    ),
    (
        "vehicle_disposal_authorization",
        "委托授权书\n授权人：郑某（机动车登记所有人）\n被授权人：某某拍卖有限公司\n"
        "车牌号码：浙B·A1234\n授权事项：拍卖出售该车、签署相关文件、办理转移登记。",
    ),
    # result publicity -------------------------------------------------------------------------
    (
        "result_publicity",
        "交易结果公示\n项目名称：某单位废旧物资处置\n成交价：12.3万元\n竞得人：某某公司\n"
        "公示期：2026年3月1日至3月5日",
    ),
    (
        "result_publicity",
        "某公司40%股权转让项目成交结果公示\n该项目经网络竞价，现将交易结果予以公示，"
        "公示期为五个工作日，对结果有异议的请于公示期内提出。",
    ),
    (
        "result_publicity",
        "某小区6栋502室住宅\n拍卖状态：已成交\n成交价：¥1,560,000.00\n竞得者：李*\n"
        "起拍价：¥1,200,000.00\n出价记录：37条",
    ),
    # a post whose account name comes first, its headline with a "|"; a report noted (流拍)
    (
        "result_publicity",
        "某某拍卖\n拍卖结果公告｜5月9日红木家具专场圆满落槌\n某某拍卖 2027-05-10 09:12\n"
        "点击上方蓝字 关注我们\n拍卖结果公告\n某某拍卖有限公司于2027年5月9日举行红木家具专场"
        "拍卖会，现将成交结果公告如下：\n拍品编号|名称|起拍价（元）|成交价（元）\n001|罗汉床|86,000|118,000",
    ),
    (
        "failed_auction_report",
        "某某拍报〔2027〕第3号\n关于某某仓库拍卖情况的报告（流拍）\n某某县人民法院：\n"
        "贵院委托我公司拍卖的仓库，于2027年5月28日在某某产权交易中心举行拍卖会，因无人应价而流拍。\n"
        "特此报告。",
    ),
    # near misses ------------------------------------------------------------------------------
    (
        "bidding_rules",
        "竞买须知\n第一条 竞买人应具有完全民事行为能力。\n"
        "第二条 本场拍卖会定于2026年5月8日上午10时举行，竞买保证金每件1万元。\n"
        "第三条 起拍价见拍品图录，竞买人应于拍卖前看样。\n第四条 办理竞买登记即视为接受本须知。",
    ),
    (
        "bidding_rules",
        "某某拍卖有限公司\n拍 卖 规 则\n第一条 为规范拍卖活动制定本规则。\n"
        "第二条 竞买人须于拍卖前交纳保证金。\n第三条 拍卖师落槌即为成交。",
    ),
    (
        "bidding_rules",
        "網絡競價規則\n一、競買人應先行註冊並交納保證金。\n二、競價期間每次加價不得低於加價幅度。\n"
        "三、出價即視為接受本規則。",
    ),
    (
        "entrustment_notice",
        "委托须知\n一、委托人应提供拍卖标的的权属证明。\n二、委托人应在签订委托拍卖合同前告知瑕疵。\n"
        "三、成交后本行按成交价收取佣金。",
    ),
    (
        "entrustment_notice",
        "委托拍卖须知\n凡委托本公司拍卖的单位和个人，请仔细阅读本须知。委托人须如实说明拍品来源。",
    ),
    (
        "entrustment_notice",
        "委託須知\n一、委託人應保證對拍賣標的擁有處分權。\n二、委託人撤回拍品的，應支付合理費用。",
    ),
    (
        "suspension_notice",
        "中止拍卖公告\n本院原定于2026年5月12日在网络司法拍卖平台公开拍卖的住宅一套，"
        "因案外人提出异议，现决定中止拍卖。已交纳的保证金将原路退还。特此公告。",
    ),
    (
        "suspension_notice",
        "关于撤回某某设备拍卖的公告\n本公司原定于6月1日举行的拍卖会中，第3号标的因委托人撤回，"
        "不再拍卖。起拍价、保证金等其他事项不变。特此公告。",
    ),
    (
        "suspension_notice",
        "某某拍卖有限公司\n拍卖时间变更公告\n原定于2026年7月3日举行的拍卖会，拍卖时间变更为7月10日，"
        "竞买登记及保证金交纳截止时间相应顺延。",
    ),
    (
        "suspension_notice",
        "暫緩拍賣公告\n本院原定於2026年4月1日公開拍賣之房產，因故暫緩拍賣，恢復拍賣時間另行公告。",
    ),
    (
        "appraisal_report",
        "某公司拟转让资产项目\n资产评估报告\n评估基准日：2026年1月31日\n评估方法：市场法、成本法\n"
        "评估结论：评估值为人民币860万元。",
    ),
    (
        "appraisal_report",
        "房地产估价报告\n估价时点：2026年2月1日\n估价方法：比较法\n估价结果：市场价值312万元。",
    ),
    (
        "appraisal_report",
        "取消公务用车评估表\n评估机构：某某资产评估有限公司\n序号 车牌号 重置价 成新率 评估值\n"
        "1 苏A·0001 18万 32% 5.8万",
    ),
    (
        "application",
        "行政事业单位国有资产处置进场交易申请书\n某市公共资源交易中心：\n"
        "我单位拟处置报废车辆五辆，特申请进场交易。\n申请单位（盖章）：",
    ),
    (
        "application",
        "产权转让挂牌申请书\n某产权交易所：\n我公司拟转让所持某公司20%股权，现申请挂牌转让。",
    ),
    (
        "application",
        "资产处置申请表\n申请单位：某某中学\n资产名称：报废电脑一批\n申请理由：已达使用年限。",
    ),
]


def _expected(case: str) -> tuple[str, str | None]:
    kind, _, variant = case.partition("/")
    return kind, variant or None


@pytest.mark.parametrize(
    ("case", "text"), CASES, ids=[f"{i}-{c}" for i, (c, _) in enumerate(CASES)]
)
def test_kind(case: str, text: str) -> None:
    kind, variant = _expected(case)
    result = classify([text])
    assert result.kind == kind, result
    if variant is not None:
        assert result.variant == variant, result
    assert result.cues, result


def test_every_kind_has_at_least_three_cases() -> None:
    counts: dict[str, int] = {}
    for case, _ in CASES:
        kind = _expected(case)[0]
        counts[kind] = counts.get(kind, 0) + 1
    assert {kind for kind in KINDS if counts.get(kind, 0) < 3} == {"unknown"}


@pytest.mark.parametrize(
    "text",
    [
        "竞买须知\n一、本场拍卖会定于2026年9月9日10时举行。\n二、起拍价：20万元，保证金：2万元。\n"
        "三、竞买人应于9月8日前办理竞买登记。\n四、展示时间：9月6日至7日。",
        "中止拍卖公告\n本公司定于2026年9月9日公开拍卖的厂房，起拍价500万元，保证金50万元，"
        "因委托人申请，现中止拍卖。特此公告。",
        "资产评估报告摘要\n委托人：某某国有资产公司\n评估基准日：2026年3月31日\n"
        "评估目的：为委托人拟拍卖转让资产提供价值参考\n评估值：1200万元",
        "拍卖规则\n第一条 本规则适用于本公司举办的拍卖会。\n第二条 委托人与拍卖人另有约定的除外。\n"
        "第三条 佣金按成交价的5%收取。\n第四条 竞买人须遵守本规则。\n"
        "特别约定：本场拍卖会定于5月1日举行，保证金1万元。",
    ],
)
def test_near_misses_are_neither_announcements_nor_contracts(text: str) -> None:
    result = classify([text])
    assert result.kind not in ("announcement", "entrustment_contract"), result
    assert result.kind in NEAR_MISSES


@pytest.mark.parametrize("pages", [[], [""], ["  \n \n"]])
def test_empty_text_is_unknown(pages: list[str]) -> None:
    assert classify(pages).kind == "unknown"
    assert classify(pages).confidence == 0.0


def test_confidence_is_a_probability() -> None:
    for _, text in CASES:
        result = classify([text])
        assert 0.0 <= result.confidence <= 1.0


def test_confidence_at_or_above_0_9_is_right() -> None:
    sure = []
    for case, text in CASES:
        result = classify([text])
        if result.confidence >= 0.9:
            sure.append(result.kind == _expected(case)[0])
    assert len(sure) >= len(CASES) // 3  # a title with agreeing content is read with confidence
    assert all(sure)


def test_a_title_with_agreeing_content_is_surer_than_content_alone() -> None:
    titled = classify([CASES[2][1]])
    untitled = classify([CASES[1][1]])
    assert titled.kind == untitled.kind == "announcement"
    assert titled.confidence > untitled.confidence


def test_cues_name_what_decided() -> None:
    result = classify([dict(CASES)["announcement/state_asset"]])
    assert any(cue.startswith("label:挂牌") for cue in result.cues)
    titled = classify(["拍卖成交确认书\n买受人：王某\n成交价：10万元"])
    assert titled.cues[0] == "title:成交确认书"


def test_procedures_and_news_are_unknown() -> None:
    for text in (
        "拍卖业务操作流程\n一、接受委托\n二、发布拍卖公告\n三、举行拍卖会\n四、签订成交确认书",
        "关于做好拍卖行业统计工作的通知\n各区商务主管部门：\n请于每月5日前报送拍卖企业经营数据。",
        "本报讯（记者 王某）昨日，某拍卖公司秋季拍卖会落槌，总成交额3000万元，成交率85%。",
        # an explainer post, full of the words of a notice
        "某某拍卖\n法拍房怎么买？一文读懂参拍流程\n原创 某某拍卖 2027-03-02\n"
        "不少粉丝留言问法拍房怎么买，小编整理如下。\n第一步：看公告，留意起拍价和保证金。\n"
        "第二步：去看样。\n第三步：交保证金，办理竞买登记。",
        # a list of the lots, a catalogue's preface: about a sale, not its notice
        "拍卖标的清单\n（某某拍卖有限公司第3期专场，拍卖日：2027年6月9日）\n"
        "编号|标的名称|评估价（万元）|起拍价（万元）|保证金（万元）\n1|某路8号商铺|120|96|10",
        "前言\n某某2027春季拍卖会·瓷器专场\n本季汇集明清瓷器八十余件，恳请藏家莅临品鉴。\n"
        "拍卖时间：2027年5月20日14:00\n拍卖地点：某某酒店三楼宴会厅\n某某拍卖有限公司",
    ):
        assert classify([text]).kind == "unknown"


def test_the_reader_keeps_the_cues() -> None:
    from pathlib import Path

    from paimai_docs.reading import Document, read_document

    path = Path(__file__).parent / "fixtures" / "reading" / "cid_stsong_announcement.pdf"
    document = read_document(path)
    assert document.kind == "announcement"
    assert document.kind_cues
    assert document.to_dict()["kind_cues"] == list(document.kind_cues)
    assert Document("a.pdf", "unknown", 0.2).to_dict()["kind_cues"] == []
