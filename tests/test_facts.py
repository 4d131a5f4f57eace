"""Facts extracted from texts (reading/facts.py): amounts, dates, phones, identities, parties."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paimai_docs.reading.facts import extract_facts, labels_for
from paimai_docs.reading.normalize import normalize
from paimai_docs.reading.types import Fact

TEXTS = Path(__file__).parent / "fixtures" / "texts"
D = dt.date
T = dt.datetime


def facts_of(text: str, kind: str | None = "announcement") -> list[Fact]:
    return extract_facts([(1, text, normalize(text))], kind)


def first(facts: list[Fact], name: str) -> Any:
    for fact in facts:
        if fact.name == name:
            return fact.value
    return None


def values(facts: list[Fact], name: str) -> list[Any]:
    return [fact.value for fact in facts if fact.name == name]


# --------------------------------------------------------------------------------------------
# Labels come from the models


def test_labels_are_read_from_the_models() -> None:
    owner = labels_for(
        {
            "deposit_amount": ("deposit_amount",),
            "starting_price": ("starting_price",),
            "reserve_price": ("reserve_price",),
        }
    )
    assert owner["保证金"] == "deposit_amount"
    assert owner["竞买保证金"] == "deposit_amount"
    assert owner["底价"] == "reserve_price"
    # 起拍价 is the starting price's own label, only a synonym of the state-asset reserve price
    assert owner["起拍价"] == "starting_price"


def test_a_synonym_two_targets_claim_is_dropped() -> None:
    owner = labels_for({"a": ("consignor",), "b": ("disposing_unit",)})
    assert "委托方" not in owner
    assert owner["委托人"] == "a"


# --------------------------------------------------------------------------------------------
# Amounts


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("保证金：15000元", "deposit_amount", "15000"),
        ("竞买保证金为15000元。", "deposit_amount", "15000"),
        ("起拍价：11787511元", "starting_price", "11787511"),
        ("起拍价：¥1,234,567.50", "starting_price", "1234567.50"),
        ("评估价为人民币105.6万元", "appraisal_value", "1056000"),
        ("评估值（含税）为4887675元", "appraisal_value", "4887675"),
        ("参考价：3.2亿元", "appraisal_value", "320000000"),
        ("保留价：人民币壹拾万元整", "reserve_price", "100000"),
        ("保留价：壹拾万零贰佰元整", "reserve_price", "100200"),
        ("底价（万元）：50", "reserve_price", "500000"),
        ("年租金底价（元）：296164", "reserve_price", "296164"),
        ("转让底价：2000000元", "reserve_price", "2000000"),
        ("保证金及处置方式：1.缴纳：金额 200000 元，截止时间", "deposit_amount", "200000"),
        ("【保证金300000元/标的】", "deposit_amount", "300000"),
        ("成交价：人民币986600元（玖拾捌万陆仟陆佰元整）", "hammer_price", "986600"),
        ("增价幅度：58000元。", "bid_increment", "58000"),
        ("保证金：１５，０００元", "deposit_amount", "15000"),
        ("保证金：15000", "deposit_amount", "15000"),
        ("起拍價：人民幣壹拾貳萬元整", "starting_price", "120000"),
    ],
)
def test_amounts(text: str, name: str, value: str) -> None:
    assert first(facts_of(text), name) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "保证金自动转入法院指定账户。",
        "保证金交纳截止时间为2023年5月23日17时",
        "在成交后3个工作日内退还保证金",
        "服务费：成交价的 2 %",
        "保留价：无",
        "起拍价：见附件，保证金：10000元",
        "保证金充抵：5000元",
        "承租押金分为履约保证金50000元和结构保证金40000元",
    ],
)
def test_not_amounts_of_the_label(text: str) -> None:
    facts = facts_of(text)
    assert first(facts, "starting_price") is None
    if "保证金：10000元" not in text:
        assert first(facts, "deposit_amount") is None


def test_words_beside_figures_give_a_second_fact() -> None:
    facts = facts_of("成交价：人民币叁拾伍万元整（¥350,000.00）")
    assert first(facts, "hammer_price") == Decimal("350000")
    assert first(facts, "hammer_price_words") == Decimal("350000")
    mismatch = facts_of("成交价：¥350,000.00（大写：叁拾伍万伍仟元整）")
    assert first(mismatch, "hammer_price") == Decimal("350000")
    assert first(mismatch, "hammer_price_words") == Decimal("355000")


def test_no_reserve_and_reserve_equal_to_start() -> None:
    assert first(facts_of("保留价：无"), "has_reserve") is False
    assert first(facts_of("本次拍卖无保留价。"), "has_reserve") is False
    facts = facts_of("起拍价：80000元\n拍卖方式：设有保留价的增价拍卖，保留价等于起拍价。")
    assert first(facts, "reserve_price") == Decimal("80000")


def test_amounts_from_a_table_of_lots() -> None:
    text = (
        "序号  标的名称  评估价（万元）  起拍价（万元）  保证金（万元）\n"
        "1  平原路100号房产  150  105  15\n"
        "2  车库  12.5  10  1\n"
    )
    facts = facts_of(text)
    assert values(facts, "appraisal_value") == [Decimal("1500000"), Decimal("125000")]
    assert values(facts, "starting_price") == [Decimal("1050000"), Decimal("100000")]
    assert values(facts, "deposit_amount") == [Decimal("150000"), Decimal("10000")]


# --------------------------------------------------------------------------------------------
# Auction time and place, publication, exhibition


@pytest.mark.parametrize(
    ("text", "start", "end", "venue"),
    [
        (
            "我公司定于2023年5月24日15时在宜昌市公共资源交易中心701室对位于宜昌市夷陵路98号的"
            "办公用房租赁权进行公开拍卖。",
            T(2023, 5, 24, 15),
            None,
            "宜昌市公共资源交易中心701室",
        ),
        (
            "本院将于2018年4月21日10时至2018年4月22日10时止（延时除外）在淘宝网司法拍卖网络"
            "平台上进行公开拍卖活动。",
            T(2018, 4, 21, 10),
            T(2018, 4, 22, 10),
            "淘宝网司法拍卖网络平台",
        ),
        (
            "兹定于二〇二六年十一月二十二日（星期日）上午十时在本公司拍卖厅举行拍卖会。",
            T(2026, 11, 22, 10),
            None,
            "本公司拍卖厅",
        ),
        ("拍卖时间：2026年12月18日上午10时", T(2026, 12, 18, 10), None, None),
        ("拍卖时间：2026-12-18 10:00", T(2026, 12, 18, 10), None, None),
        (
            "竞价安排：自由竞价时间 2017年7月14日10:00至11:00止；",
            T(2017, 7, 14, 10),
            T(2017, 7, 14, 11),
            None,
        ),
        ("拍卖日期：2026年12月18日", D(2026, 12, 18), None, None),
    ],
)
def test_auction_time(text: str, start: dt.date, end: dt.date | None, venue: str | None) -> None:
    facts = facts_of(text)
    assert first(facts, "auction_datetime") == start
    assert first(facts, "bidding_end") == end
    if venue is not None:
        assert first(facts, "auction_venue") == venue


def test_a_deadline_is_not_the_auction_time() -> None:
    facts = facts_of("对上述标的权属有异议者，请于2018年4月16日前与本院联系。")
    assert first(facts, "auction_datetime") is None


def test_venue_by_label() -> None:
    facts = facts_of("拍卖地点：河阳市红旗区平原路100号宏达大厦6层拍卖厅。")
    assert first(facts, "auction_venue") == "河阳市红旗区平原路100号宏达大厦6层拍卖厅"


def test_publication_date_under_the_signature_or_by_label() -> None:
    text = "拍卖公告\n正文。\n特此公告。\n河阳市宏达拍卖有限公司\n二〇二六年十一月十日\n"
    assert first(facts_of(text), "publish_date") == D(2026, 11, 10)
    assert first(facts_of("公告日期：2026年11月10日\n正文。"), "publish_date") == D(2026, 11, 10)
    assert first(facts_of("挂牌起始日期：2016年11月18日"), "publish_date") == D(2016, 11, 18)


def test_the_documents_own_date_is_named_by_kind() -> None:
    text = "正文。\n河阳市宏达拍卖有限公司\n2026年11月20日"
    assert first(facts_of(text, "entrustment_contract"), "signed_date") == D(2026, 11, 20)
    assert first(facts_of(text, "post_auction_filing"), "filing_date") == D(2026, 11, 20)
    assert first(facts_of(text, "unknown"), "document_date") == D(2026, 11, 20)


def test_exhibition_period_with_the_year_left_out() -> None:
    facts = facts_of("二、展示时间：2026年11月18日至11月20日；展示地点：停车场。")
    assert first(facts, "exhibition_start") == D(2026, 11, 18)
    assert first(facts, "exhibition_end") == D(2026, 11, 20)


def test_exhibition_range_with_a_dash() -> None:
    facts = facts_of("展示时间：2023年6月13日—6月16日")
    assert first(facts, "exhibition_start") == D(2023, 6, 13)
    assert first(facts, "exhibition_end") == D(2023, 6, 16)


def test_closing_date_after_the_signature_on_one_line() -> None:
    text = "正文。\n" * 5 + "特此公告。\n郑州宏大拍卖有限公司 2023年6月8日"
    assert first(facts_of(text), "publish_date") == D(2023, 6, 8)
    phone_then_date = "正文。\n" * 5 + "电话：0371-65656565\n2023年6月10日"
    facts = facts_of(phone_then_date)
    assert first(facts, "publish_date") == D(2023, 6, 10)
    assert [str(v) for v in values(facts, "contact_phone")] == ["0371-65656565"]


def test_label_followed_by_a_deadline_is_not_the_auction_time() -> None:
    assert (
        first(facts_of("拍卖时间、地点另行通知;保证金缴纳截止2026年11月20日"), "auction_datetime")
        is None
    )
    assert first(facts_of("拍卖时间：2026年11月20日前另行通知"), "auction_datetime") is None


def test_exhibition_from_the_publication_day() -> None:
    text = "上述标的自公告之日起在标的物所在地公开展示。\n河阳市宏达拍卖有限公司\n2023年5月16日"
    assert first(facts_of(text), "exhibition_start") == D(2023, 5, 16)


def test_deposit_deadline() -> None:
    facts = facts_of("报名及保证金交纳截止时间为2023年5月23日17时，以款到为准。")
    assert first(facts, "deposit_deadline") == T(2023, 5, 23, 17)


# --------------------------------------------------------------------------------------------
# Phones by label


@pytest.mark.parametrize(
    ("text", "name", "number"),
    [
        ("法院监督电话：0752-3375252", "court_supervision_phone", "0752-3375252"),
        ("监督举报电话：12368", "court_supervision_phone", "12368"),
        ("标的物详情咨询电话：0752-3915366(黄法官)", "court_phone", "0752-3915366"),
        ("本院咨询电话：(0510)82211199", "court_phone", "0510-82211199"),
        ("产权交易中心联系电话：0373-3512000", "exchange_phone", "0373-3512000"),
        ("拍卖公司咨询电话：13800138000", "auctioneer_phone", "13800138000"),
        ("淘宝技术咨询：400-822-2870", "contact_phone", "400-8222870"),
        ("联系电话：0373 - 3512345", "contact_phone", "0373-3512345"),
        ("電話：0373-3512345", "contact_phone", "0373-3512345"),
    ],
)
def test_phones_by_label(text: str, name: str, number: str) -> None:
    facts = facts_of(text)
    assert [str(value) for value in values(facts, name)] == [number]


def test_generic_phone_belongs_to_the_issuer() -> None:
    text = (
        "拍卖公告\n正文。\n咨询电话：18372337683   16671725559\n湖北东晟拍卖有限公司\n2023年5月16日"
    )
    phones = [str(value) for value in values(facts_of(text), "auctioneer_phone")]
    assert phones == ["18372337683", "16671725559"]
    court = "河阳市红旗区人民法院\n拍卖公告\n咨询电话：0373-3512000"
    assert [str(v) for v in values(facts_of(court), "court_phone")] == ["0373-3512000"]
    exchange = "常州产权交易所\n联系电话：0519-86601526"
    assert [str(v) for v in values(facts_of(exchange), "exchange_phone")] == ["0519-86601526"]


@pytest.mark.parametrize(
    "text",
    [
        "账号：2008023329200475617",
        "成交价13800138000元",
        "传真：0373-3512999",
        "项目编号：01FC20170051",
        "网址：www.33770000.com",
        "联系方式：173****1018",
    ],
)
def test_not_phones(text: str) -> None:
    assert not [fact for fact in facts_of(text) if fact.name.endswith("_phone")]


# --------------------------------------------------------------------------------------------
# Commission, identities, parties


@pytest.mark.parametrize(
    ("text", "name", "rate"),
    [
        ("买受人应向拍卖人支付相当于成交价10%的拍卖佣金。", "commission_rate_buyer", "0.1"),
        ("委托人按成交总金额的25%向拍卖人支付佣金;", "commission_rate_consignor", "0.25"),
        ("佣金比例：5%", "commission_rate", "0.05"),
        ("佣金：买受人按成交价的百分之五支付。", "commission_rate_buyer", "0.05"),
        ("服务费：成交价的 2 %，成交之日起 5 个工作日内付清。", "service_fee_rate", "0.02"),
        ("佣金：按成交价的5%向买受人收取。", "commission_rate_buyer", "0.05"),
        ("拍卖人按成交价的3%向委托人收取佣金。", "commission_rate_consignor", "0.03"),
    ],
)
def test_commission(text: str, name: str, rate: str) -> None:
    assert first(facts_of(text, "entrustment_contract"), name) == Decimal(rate)


def test_both_commissions_in_one_sentence() -> None:
    facts = facts_of("佣金：甲方按成交价的3%向乙方支付佣金，买受人按成交价的5%向乙方支付佣金。")
    assert first(facts, "commission_rate_consignor") == Decimal("0.03")
    assert first(facts, "commission_rate_buyer") == Decimal("0.05")


def test_a_percentage_beside_commission_is_not_always_a_rate() -> None:
    text = "不符标的评估价占比小于5%的，不对成交款及交易佣金作任何调整。"
    assert not [fact for fact in facts_of(text) if "rate" in fact.name]


def test_identities() -> None:
    facts = facts_of(
        "买受人：王小明\n身份证号码：11010519491231002X\n"
        "统一社会信用代码：91410700MA3X4B7C20\n"
        "被执行人身份证号：110105194912310021\n"
        "统一社会信用代码：9141070061234567XX\n"
        "账号：110105194912310021\n"
    )
    assert [str(v) for v in values(facts, "id_number")] == ["11010519491231002X"]
    assert [str(v) for v in values(facts, "credit_code")] == ["91410700MA3X4B7C20"]
    assert values(facts, "id_number_invalid") == ["110105194912310021"]
    assert values(facts, "credit_code_invalid") == ["9141070061234567XX"]


def test_unlabelled_invalid_numbers_are_ignored() -> None:
    assert facts_of("编号110105194912310021") == []


def test_parties() -> None:
    text = (
        "委托人（甲方）：河阳市恒远机械有限公司\n拍卖人（乙方）：河阳市宏达拍卖有限公司\n"
        "买受人：王小明\n委托人：见附件\n"
    )
    facts = facts_of(text, "entrustment_contract")
    assert values(facts, "consignor") == ["河阳市恒远机械有限公司"]
    assert values(facts, "auctioneer") == ["河阳市宏达拍卖有限公司"]
    assert values(facts, "buyer") == ["王小明"]


def test_role_in_brackets_decides() -> None:
    facts = facts_of("甲方（拍卖人）暂保管方：广东拍货郎网络科技有限公司", "entrustment_contract")
    assert values(facts, "auctioneer") == ["广东拍货郎网络科技有限公司"]
    assert values(facts, "consignor") == []


def test_winning_bidder_and_number() -> None:
    facts = facts_of("经公开竞价，竞买人程帅，竞买号：H2337以最高应价竞得本拍卖标的。")
    assert first(facts, "buyer") == "程帅"
    assert first(facts, "bidder_no") == "H2337"


# --------------------------------------------------------------------------------------------
# Evidence and pages


def test_evidence_quotes_the_original_and_names_the_page() -> None:
    pages = [
        (1, "拍賣公告\n正文。", normalize("拍賣公告\n正文。")),
        (2, "三、競買保證金：人民幣伍仟元整。", normalize("三、競買保證金：人民幣伍仟元整。")),
    ]
    facts = extract_facts(pages, "announcement")
    deposit = next(fact for fact in facts if fact.name == "deposit_amount")
    assert deposit.value == Decimal("5000")
    assert deposit.page == 2
    assert deposit.evidence == "三、競買保證金：人民幣伍仟元整。"
    assert deposit.label == "竞买保证金"


def test_page_without_original_text_uses_the_normalised_text() -> None:
    facts = extract_facts([(3, "", "保证金:15000元")], "announcement")
    assert facts[0].page == 3
    assert facts[0].evidence == "保证金:15000元"


def test_lines_wrapped_by_a_pdf_are_joined_for_matching() -> None:
    text = (TEXTS / "wrapped_pdf_announcement.txt").read_text(encoding="utf-8")
    facts = facts_of(text)
    assert first(facts, "auction_venue") == "河阳市红旗区人民法院京东网络司法拍卖平台"


def test_a_full_line_ending_in_a_bracketed_remark_goes_on() -> None:
    """A PDF wraps before a figure that does not fit: the label's remark in brackets ends the
    line, and the amount opens the next one."""
    lines = [
        "某某区人民法院将于2027年3月15日10时起在本院诉讼服务中心拍卖大厅公开拍卖下列财产，现将有关",
        "事项公告如下：被执行人名下位于某某路十八号的厂房及附属设施一宗，土地面积一千二百平方米",
        "，房屋建筑面积八百六十平方米，经某某资产评估有限公司评估，该宗财产的市场价值（不含税）",
        "为3265400元，本次拍卖的起拍价按评估价的百分之七十确定，竞买人应当于拍卖前交纳保证金。",
        "特此公告。",
    ]
    facts = facts_of("\n".join(lines))
    assert first(facts, "appraisal_value") == Decimal("3265400")


def test_a_full_line_ending_in_figures_is_not_joined_to_a_date() -> None:
    """The last full line of a wrapped page ends in a phone number and the date is on the line
    under it: two values, not one number."""
    lines = [
        "受某某区人民法院委托，本公司定于2027年4月20日上午十时在本公司拍卖厅公开拍卖被执行人所有的",
        "货车二辆，车辆停放于某某镇物流园内，现状拍卖，起拍价人民币十二万元，竞买保证金二万元，须",
        "于拍卖前一日下午五时前交至本公司账户，有意者请携有效身份证件到本公司办理竞买登记手续。",
        "拍卖人：某某市某某拍卖有限公司（地址：某某区某某路一百二十八号三楼）联系电话：0571-86120345",
        "2027年4月2日",
    ]
    facts = facts_of("\n".join(lines))
    assert first(facts, "publish_date") == dt.date(2027, 4, 2)
    assert str(first(facts, "auctioneer_phone")).endswith("0345")


def test_a_date_fixed_for_a_sale_named_at_length() -> None:
    """ "定于" a date, then the venue and a long description of the lot before the sale itself."""
    text = (
        "受某某县人民法院委托，本行定于2027.5.16下午14:30在某某县政务服务中心二楼开标室，"
        "依法对被执行人某某农业开发有限公司名下的联合收割机三台、旋耕机五台、拖拉机两台"
        "（均为二〇一九年购置，现存放于某某乡某某村该公司原仓库内，具体以现场为准）进行整体公开拍卖，"
        "参考价二十六万元。"
    )
    assert first(facts_of(text), "auction_datetime") == dt.datetime(2027, 5, 16, 14, 30)


@pytest.mark.parametrize(
    "text",
    [
        # the firm reports what it did on that day, the lot described at length in between
        "受贵单位委托，本公司于2027年6月9日上午九时三十分在本公司二楼拍卖厅，对贵单位名下位于"
        "某某开发区某某大道以东的办公楼及其占用范围内的国有建设用地使用权（建筑面积三千二百平方米）"
        "进行了公开拍卖，现将有关情况报告如下。",
        # "委托的" names the lots entrusted, not an entrustment on that day
        "我行于2027年6月9日9时30分在本行拍卖厅对贵公司委托的叉车、行车等旧设备进行了公开拍卖。",
        # a remark in brackets that names a document of the entrustment is no act of that day
        "我公司于2027年6月9日9时30分在某某市公共资源交易中心对贵院报废设备一批（明细详见委托"
        "清单，共计86项）进行了公开拍卖。",
    ],
)
def test_the_day_the_firm_held_the_sale(text: str) -> None:
    facts = facts_of(text, "completion_report")
    assert first(facts, "auction_datetime") == dt.datetime(2027, 6, 9, 9, 30)


@pytest.mark.parametrize(
    ("text", "name", "amount"),
    [
        ("保留价：经申请执行人同意，按评估价的75%确定为1350000元。", "reserve_price", "1350000"),
        ("起拍价：评估价的百分之八十，即人民币640000元。", "starting_price", "640000"),
        ("本次起拍价为市场价的60%计算为372000元。", "starting_price", "372000"),
    ],
)
def test_a_price_set_as_a_share_of_another(text: str, name: str, amount: str) -> None:
    assert first(facts_of(text, "failed_auction_report"), name) == Decimal(amount)


def test_a_rate_of_the_price_itself_is_not_the_price() -> None:
    facts = facts_of("成交价的5%计41000元为佣金。", "completion_report")
    assert first(facts, "hammer_price") is None


def test_won_at_an_amount_with_its_words_in_brackets() -> None:
    text = "买受人在本场拍卖会上以¥126,000.00（人民币壹拾贰万陆仟元整）的最高应价竞得本标的。"
    assert first(facts_of(text, "sale_confirmation"), "hammer_price") == Decimal("126000")


def test_the_start_time_of_the_sale_in_a_system_form() -> None:
    text = "拍卖会备案登记\n拍卖会开始时间：2027-02-22 14:00\n拍卖会地点：某某路九号拍卖厅"
    facts = facts_of(text, "pre_auction_filing")
    assert first(facts, "auction_datetime") == dt.datetime(2027, 2, 22, 14, 0)


@pytest.mark.parametrize(
    "text",
    [
        "竞买人于2027年3月9日在拍卖会上举牌，以最高应价竞得。",
        "竞买人于2027年3月9日在某某拍卖有限公司举行的专场拍卖会上竞得本标的。",
    ],
)
def test_the_event_or_the_firm_is_not_the_venue(text: str) -> None:
    assert first(facts_of(text, "sale_confirmation"), "auction_venue") is None


def test_phone_numbers_written_in_groups() -> None:
    text = (
        "拍卖公司：某某拍卖有限公司 电话：0371-6592 3318\n"
        "法院监督电话：(0371) 6592 3300\n"
        "联系人：周先生 139 0584 7716\n"
        "保证金账户：6222 0210 0300 4178 552"
    )
    facts = facts_of(text)
    assert first(facts, "auctioneer_phone") == "0371-65923318"
    assert first(facts, "court_supervision_phone") == "0371-65923300"
    assert "13905847716" in {str(v) for v in values(facts, "contact_phone")}
    # a bank account's groups of four are no phone number
    assert not any("0210" in str(f.value) for f in facts if f.name.endswith("phone"))


def test_a_sentence_cut_by_the_page_break_goes_on() -> None:
    full = "本次拍卖标的为被执行人名下位于某某区的住宅一套，经过公开竞价，最终由六号竞买人竞得"
    last = "该住宅。拍卖师随即落槌确认成交，双方当场签字，本次拍卖的成交价为人民币壹佰贰拾叁万"
    page1 = "\n".join([full] * 4 + [last])
    page2 = "肆仟元整（¥1,234,000.00）。\n买受人当场签署了成交确认书。"
    pages = [(1, page1, normalize(page1)), (2, page2, normalize(page2))]
    facts = extract_facts(pages, "completion_report")
    assert first(facts, "hammer_price") == Decimal("1234000")


def test_the_balance_after_the_deposit_is_not_the_deposit() -> None:
    text = "买受人已将扣除保证金后的余款人民币2,589,000元汇入指定账户。"
    assert first(facts_of(text, "completion_report"), "deposit_amount") is None


def test_this_sales_price_before_an_earlier_failed_one() -> None:
    text = (
        "该批设备经评估价值为250,000元，首次拍卖以起拍价175,000元流拍。"
        "本次拍卖起拍价：140,000元（在首次拍卖起拍价基础上降价20%），保证金：20,000元。"
    )
    assert first(facts_of(text), "starting_price") == Decimal("140000")


def test_the_market_value_an_appraisal_gives() -> None:
    text = "经某某资产评估有限公司评估，该厂房于价值时点的市场价值为人民币612.35万元。"
    assert first(facts_of(text), "appraisal_value") == Decimal("6123500")


def test_the_day_of_a_sale_held_somewhere() -> None:
    text = "根据2027年4月16日上午十时在某某市产权交易中心举行的“闲置资产拍卖会”的结果，确认如下："
    facts = facts_of(text, "sale_confirmation")
    assert first(facts, "auction_datetime") == dt.datetime(2027, 4, 16, 10, 0)


def test_a_label_cut_by_a_line_break() -> None:
    lines = [
        "受某某区人民法院委托，本公司定于2027年5月12日上午十时在本公司拍卖厅公开拍卖被执行人所有",
        "的货车一辆。该车辆经评估价值为180,000元，第一次拍卖以起拍价126,000元流拍。本次拍卖起",
        "拍价：100,800元（在第一次拍卖起拍价基础上降价20%），保证金：20,000元，增价幅度为一千元。",
        "有意者请于5月11日17时前到本公司办理竞买登记手续，并交纳竞买保证金，逾期不予受理。谢谢。",
        "特此公告。",
    ]
    assert first(facts_of("\n".join(lines)), "starting_price") == Decimal("100800")


def test_the_hammer_after_no_higher_bid() -> None:
    text = "拍卖师三次报价24.5万元，无人应价，10时31分落槌，07号竞买人以24.5万元竞得。"
    facts = facts_of(text, "auction_transcript")
    assert first(facts, "hammer_price") == Decimal("245000")
    assert first(facts, "result") == "sold"
    assert first(facts, "auctioneer_name") is None  # "三次报价" is what the auctioneer did


def test_nobody_won_it() -> None:
    facts = facts_of("起拍价18万元，无人以起拍价18万元竞得，本标的流拍。", "auction_transcript")
    assert first(facts, "hammer_price") is None
    assert first(facts, "result") != "sold"


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "拍卖笔录\n二〇二七年三月六日9时30分，某某拍卖有限公司在某某市某某路8号拍卖厅举行罚没"
            "车辆拍卖会。到场竞买人8人。\n记录人：李某\n二〇二七年三月六日",
            "auction_transcript",
            dt.datetime(2027, 3, 6, 9, 30),
        ),
        (
            "2027年3月1日，本公司收到贵院委托书。2027年3月6日，本公司在本公司拍卖厅举行了拍卖会。",
            "completion_report",
            dt.date(2027, 3, 6),
        ),
    ],
)
def test_the_day_a_firm_held_the_sale_said_first(text: str, kind: str, day: dt.date) -> None:
    assert first(facts_of(text, kind), "auction_datetime") == day


def test_a_table_whose_rows_a_pdf_broke_after_a_cell() -> None:
    lines = [
        "某某市行政事业单位国有资产拍卖公告，现将拍卖标的及价格公告如下，欢迎有意者踊跃参加竞买活动：",
        "| 标的号 | 名称 | 数量 | 评估价（万元） | 起拍价（万元） | 保证金（万元） |",
        "| 1 | 公务用车（已停驶，含越野车、轿车等车型） | 6辆，整体拍卖 | 21.30 |",
        "19.80 | 4 |",
        "| 2 | 电子设备（台式计算机、打印机、复印机等） | 一批，约260台（件） | 3.15 |",
        "3.15 | 1 |",
        "以上标的按现状拍卖，竞买人应当自行查看标的现状并对自己的竞买行为负责，本公司不承担瑕疵担保责任。",
    ]
    facts = facts_of("\n".join(lines))
    assert values(facts, "appraisal_value")[:2] == [Decimal("213000"), Decimal("31500")]
    assert values(facts, "starting_price")[:2] == [Decimal("198000"), Decimal("31500")]
    assert values(facts, "deposit_amount")[:2] == [Decimal("40000"), Decimal("10000")]


def test_a_table_whose_long_name_cells_wrap() -> None:
    lines = [
        "| 标的号 | 标的名称及现状 | 起拍价（元） | 竞买保证金（元） |",
        "| 1 | 某某市某某区某某路100弄8号201室住宅，建筑面积92.36平方米，不动产权证号：某（2019）",
        "第012345号，现空置 | ¥1,960,000 | ¥200,000 |",
        "| 2 | 某某市某某区某某路100弄8号202室住宅，建筑面积88.10平方米，不动产权证号：某（2019）",
        "第012346号，现有租约 | ¥1,820,000 | ¥200,000 |",
        "上述标的均设有保留价。",
    ]
    facts = facts_of("\n".join(lines))
    assert values(facts, "starting_price")[:2] == [Decimal("1960000"), Decimal("1820000")]
    assert values(facts, "deposit_amount")[:1] == [Decimal("200000")]


def test_a_wide_table_whose_cells_the_pdf_cut() -> None:
    lines = [
        "| 序号 | 号牌号码 | 品牌型号 | 车辆识别代号 | 车况 | 评估价（元） | 保留价（元） |",
        "| 1 | 某A·5C218 | 某某轿车HG7200 | LHGCR1640D0012345 | 2013年登记，左侧有",
        "刮痕，可启动 | 31,000 | 28,000 |",
        "| 2 | 某A·7K903 | 某某越野车SC6460 | LS5A3DKE2EA123456 | 2014年登记，可启动 |",
        "22,500 | 20,000 |",
        "上述车辆均按现状拍卖。",
    ]
    facts = facts_of("\n".join(lines), "entrustment_contract")
    assert values(facts, "appraisal_value")[:2] == [Decimal("31000"), Decimal("22500")]
    assert values(facts, "reserve_price")[:2] == [Decimal("28000"), Decimal("20000")]


def test_a_record_in_a_table() -> None:
    text = (
        "拍卖会记录\n| 拍卖会名称 | 某某拍卖有限公司二手车辆专场拍卖会 |\n"
        "| 时间 | 2027年6月6日 10:00—11:25 |\n| 地点 | 某某市某某路19号大厦2楼会议厅 |\n"
        "| 标的号 | 车辆 | 起拍价（元） | 应价过程 | 结果 |\n"
        "| 1 | 轿车 某A·5F2H7 | 42,000 | 007/42,000；007/48,000 | 成交，007号，48,000元 |\n"
        "| 2 | 轿车 某A·8L0K4 | 40,000 | 无人应价 | 流拍 |"
    )
    facts = facts_of(text, "auction_transcript")
    assert first(facts, "auction_datetime") == dt.datetime(2027, 6, 6, 10, 0)
    assert first(facts, "hammer_price") == Decimal("48000")


def test_a_table_without_outer_bars_whose_rows_and_header_wrap() -> None:
    lines = [
        "序号|设备名称|品牌型号及状况|出厂年份|数量|起拍价（元）|竞买保证金（",
        "元）",
        "1|履带式挖掘机|某某SY215，工作小时约9800h，发动机已于2025年大修，驾驶",
        "室玻璃有裂纹|2018|1台|286,000|30,000",
        "2|轮式装载机|某某L956F，工作小时约7600h，左后轮胎需更换|2019|2台|每台",
        "132,000|每台15,000",
        "3|压路机|某某XS223J，单钢轮，振动系统故障待修|2016|1台|78,000|8,000",
    ]
    facts = facts_of("\n".join(lines))
    assert values(facts, "starting_price")[:1] == [Decimal("286000")]
    assert values(facts, "deposit_amount")[:1] == [Decimal("30000")]
    assert Decimal("78000") in values(facts, "starting_price")


@pytest.mark.parametrize(
    ("text", "deposit"),
    [
        ("竞买人须于3月8日17时前按每辆车人民币6000元交纳保证金，并办理登记。", "6000"),
        ("有意者请按每台2万元的标准缴纳竞买保证金。", "20000"),
        ("到场竞买人均已按每辆车3000元、摩托车100元交纳保证金。", "3000"),
        ("竞买人须交纳8万元竞买保证金后方可参与竞价。", "80000"),
        ("报名时应缴纳人民币50万元保证金。", "500000"),
        ("已交保证金：12,000元（每辆6,000元），转作价款。", "6000"),
        ("已交按金：港币折合人民币20,000元（每件10,000元）。", "10000"),
        ("竞买保证金：1000—3000元/台（1号车2000元），以竞买须知为准。", "2000"),
        ("（2）竞买保证金为起拍价的10%，即人民币46,000元，须于开拍前交纳。", "46000"),
        ("竞买保证金\n第1号标的人民币叁万元，第2号标的人民币壹万元。", "30000"),
    ],
)
def test_a_deposit_told_before_its_word_or_per_unit(text: str, deposit: str) -> None:
    facts = facts_of(text, "announcement")
    assert first(facts, "deposit_amount") == Decimal(deposit), values(facts, "deposit_amount")


def test_a_commission_paid_by_rate_is_no_deposit() -> None:
    assert values(facts_of("买受人按成交价的5%交纳佣金。"), "deposit_amount") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a web page's or a newspaper's dateline
        ("某地厂房拍出高价\n2027-03-05 08:10　来源：某某晚报\n本报讯 3月4日上午，经过竞价……",
         D(2027, 3, 5)),
        ("拍卖行业动态\n2027年4月2日 作者：某某\n近日，某公司举行春季拍卖会……", D(2027, 4, 2)),
        # a notice's revision date, a newspaper's citation under a story
        ("委托须知\n" + "一、委托人应当是标的的所有权人。\n" * 8 + "某某拍卖有限公司\n"
         "2027年1月15日修订", D(2027, 1, 15)),
        ("秋拍综述\n" + "本季成交额同比增长。\n" * 8 + "（2026年12月9日 《某某文化周报》第A07版）",
         D(2026, 12, 9)),
    ],
)  # fmt: skip
def test_a_documents_own_date_in_other_forms(text: str, day: dt.date) -> None:
    found = first(facts_of(text, None), "published_date")
    assert found is not None and (found.date() if isinstance(found, dt.datetime) else found) == day


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        # a WeChat or web page's header: account, date, place
        ("某某拍卖　2027-02-14　江苏\n某某设备拍卖公告\n本公司定于2027年3月1日10时拍卖设备。",
         "announcement", D(2027, 2, 14)),
        ("某某拍卖有限公司　2027.4.6\n游艇拍卖公告\n拍卖时间：2027年4月24日上午9:30",
         "announcement", D(2027, 4, 6)),
        # a receipt's or a report's "日期:" after another field on the same line
        ("按金收据\n收据编号：No. 0012345　日期：2027年6月2日\n兹收到：某某交来竞投按金",
         None, D(2027, 6, 2)),
        # a formal date with 廿 (twenty)
        ("拍賣公告\n" + "本公司定於下列日期公開拍賣藏品。\n" * 8
         + "某某拍賣有限公司\n二〇二六年十月廿日", "announcement", D(2026, 10, 20)),
    ],
)  # fmt: skip
def test_own_dates_from_headers_bare_labels_and_formal_numerals(
    text: str, kind: str | None, day: dt.date
) -> None:
    facts = facts_of(text, kind)
    found = first(facts, "publish_date" if kind == "announcement" else "published_date")
    assert found is not None and (found.date() if isinstance(found, dt.datetime) else found) == day


def test_rents_handovers_and_prices_taken_as_others() -> None:
    lease = facts_of(
        "门面经营权拍卖公告\n起始年租金：人民币壹拾伍万元整/年\n保证金：3万元", "announcement"
    )
    assert first(lease, "starting_price") == Decimal("150000")
    handover = facts_of(
        "车辆交接书\n移交方将下列车辆移交接收方保管并组织拍卖（拟于2027年5月23日上午9时拍卖）。",
        "vehicle_handover",
    )
    assert first(handover, "auction_datetime") == dt.datetime(2027, 5, 23, 9, 0)
    authorization = facts_of(
        "车辆处置授权书\n1．某A·3Q507 小型客车，评估价18600元；\n"
        "以上述评估价作为各车辆的起拍价组织公开拍卖。",
        "vehicle_disposal_authorization",
    )
    assert first(authorization, "starting_price") == Decimal("18600")
    contract = (
        "委托拍卖合同\n" + "第一条 标的为商铺一套。\n" * 8 + "甲方：张某\n2027年9月15日于成都"
    )
    signed = facts_of(contract, "entrustment_contract")
    assert first(signed, "signed_date") == D(2027, 9, 15)


@pytest.mark.parametrize(
    "text",
    [
        "2027年3月18日上午10:00，拍卖人在某市公共资源交易中心四楼拍卖厅举行的拍卖会上，买受人竞得下列标的：",
        "经县人民政府批准，我局于2027年3月18日上午9:30在县公共资源交易中心以拍卖方式出让两宗土地使用权。",
    ],
)
def test_the_day_a_sale_was_held_in_results(text: str) -> None:
    found = first(facts_of(text, "result_publicity"), "auction_datetime")
    assert found is not None and found.date() == D(2027, 3, 18)


def test_a_record_of_the_sale_is_dated_by_the_sale() -> None:
    text = (
        "拍卖会记录\n　　2027年5月15日上午九时，受某某区机关事务管理局委托，本公司在区机关大院"
        "二号楼会议室举行公务车辆拍卖会。拍卖师陈某主持。\n一号车起拍价20000元，成交价26000元。\n"
        "拍卖师：陈某　记录员：白某"
    )
    facts = facts_of(text, "auction_transcript")
    assert first(facts, "auction_datetime") == dt.datetime(2027, 5, 15, 9, 0)
    assert first(facts, "published_date") == D(2027, 5, 15)


def test_a_sale_named_by_its_day() -> None:
    text = (
        "按金收据\n日期：2026年6月22日\n交来：6月26日（星期五）拍卖会第3号标的竞投按金\n"
        "金额：¥50,000.00"
    )
    assert first(facts_of(text, None), "auction_datetime") == D(2026, 6, 26)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("最终以1.37亿元落槌，较9520万元的起拍价溢价近44%。", "starting_price", "95200000"),
        ("在286万元的评估价基础上打七折起拍。", "appraisal_value", "2860000"),
        ("参拍企业各交纳了1000万元保证金。", "deposit_amount", "10000000"),
        (
            "第一次拍卖以评估价的70%即人民币玖拾捌万伍仟陆佰元整（¥985,600）为起拍价。",
            "starting_price",
            "985600",
        ),
    ],
)
def test_prices_told_before_their_names(text: str, name: str, value: str) -> None:
    assert Decimal(value) in values(facts_of(text, None), name)


def test_a_markdown_table_with_a_rule_row_and_an_empty_deposit_cell() -> None:
    lines = [
        "| 序号 | 标的名称 | 评估价（元） | 起拍价（元） | 保证金（元） |",
        "|------|----------|--------------|--------------|--------------|",
        "| 1 | 某某区某某路1088号之三1801室（办公，建筑面积212.37㎡） | 4689000 |",
        "3282300 |  |",
        "| 2 | 某某路1088号地下一层C-45号车位 | 265000 | 185500 |  |",
    ]
    facts = facts_of("\n".join(lines), "announcement")
    assert values(facts, "appraisal_value")[:2] == [Decimal("4689000"), Decimal("265000")]
    assert values(facts, "starting_price")[:2] == [Decimal("3282300"), Decimal("185500")]
    assert values(facts, "deposit_amount") == []


def test_a_row_broken_over_three_lines_inside_a_long_cell() -> None:
    """A ruled table's row whose location cell runs over a whole printed line: the middle line
    has no bar at all; the header, filling the width, is not joined to the first row."""
    lines = [
        "序号|标的名称|坐落及权证|面积（㎡）|评估价（元）|起拍价（元）|保证金（元）",
        "1|某某公司名下商业用房|某某市某某区某某路东段58号2号楼",
        "1单元102室，框架结构，1层，不动产权证号：某（2021）某某市不动产权第0012345",
        "号，现有租户|186.42|2,863,500|2,004,450|300,000",
        "2|某某名下住宅|某某市某某区纬五路21号院3号楼2单元1101室，钢混结构，不",
        "动产权证号：某（2019）某某市不动产权第0086214号|128.77|1,547,300|1,083,110|",
        "160,000",
        "以上评估价依据评估报告确定。",
    ]
    facts = facts_of("\n".join(lines), "announcement")
    assert values(facts, "deposit_amount")[:2] == [Decimal("300000"), Decimal("160000")]
    assert values(facts, "starting_price")[:2] == [Decimal("2004450"), Decimal("1083110")]
    assert values(facts, "appraisal_value")[:2] == [Decimal("2863500"), Decimal("1547300")]
    assert Decimal("1") not in values(facts, "deposit_amount")  # not the row's number


def test_a_space_table_whose_last_figure_wraps_alone() -> None:
    lines = [
        "序号 标的名称 建筑面积(㎡) 评估价(元) 起拍价(元) 保证金(元)",
        "1 某某区某某东路1366号5栋1单元602室住宅 97.32 1026000 820800",
        "100000",
        "2 某某区某某东路1366号5栋2单元1101室住宅 124.6 1287000",
        "1029600 100000",
        "转让底价:820800元",
    ]
    facts = facts_of("\n".join(lines), "announcement")
    assert values(facts, "starting_price")[:2] == [Decimal("820800"), Decimal("1029600")]
    assert values(facts, "appraisal_value")[:2] == [Decimal("1026000"), Decimal("1287000")]


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "我公司受贵院委托拍卖的被执行人名下车辆，已于2027年1月20日在某某省产权交易中心（某某市某某路"
            "88号）拍卖成交。情况如下：",
            "completion_report",
            dt.date(2027, 1, 20),
        ),
        (
            "受贵院委托，我公司定于2027年10月13日上午10:00在某某市公共资源交易中心拍卖被执行人名下的"
            "厂房，因无人报名，本次拍卖流拍。",
            "failed_auction_report",
            dt.datetime(2027, 10, 13, 10, 0),
        ),
    ],
)
def test_the_day_of_a_sale_said_by_its_outcome(text: str, kind: str, day: dt.date) -> None:
    assert first(facts_of(text, kind), "auction_datetime") == day


def test_a_ruling_tells_the_value_and_the_price() -> None:
    text = (
        "本院在执行过程中依法查封了被执行人名下厂房一处，经某某评估有限公司评估，上述财产价值为"
        "6420000元。经公开拍卖，买受人某某公司以最高价5186000元竞得。"
    )
    facts = facts_of(text, "other")
    assert first(facts, "appraisal_value") == Decimal("6420000")
    assert first(facts, "hammer_price") == Decimal("5186000")


def test_a_handover_form_its_date_and_no_plate_as_a_phone() -> None:
    text = "车辆交接单\n号牌：某A·12345\n交车日期：2027年3月18日\n交车人：张某  接车人：李某"
    facts = facts_of(text, "vehicle_handover")
    assert first(facts, "handover_date") == dt.date(2027, 3, 18)
    assert first(facts, "published_date") == dt.date(2027, 3, 18)
    assert not any(f.name.endswith("phone") for f in facts)


def test_an_amount_after_rmb_and_a_space() -> None:
    facts = facts_of("买受人已交保证金：RMB 50,000，余款于三日内付清。", "sale_confirmation")
    assert first(facts, "deposit_amount") == Decimal("50000")


def test_a_price_said_to_be_another_then_given() -> None:
    text = "保留价：第一次拍卖的保留价为评估价，即人民币1,236,800元。"
    assert first(facts_of(text, "entrustment_contract"), "reserve_price") == Decimal("1236800")


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("竞买保证金：l00万元，须于拍卖前交纳。", "deposit_amount", Decimal("1000000")),
        ("保证金：人民币l50,000元。", "deposit_amount", Decimal("150000")),
        ("已付保證金：30,000元", "deposit_amount", Decimal("30000")),
        ("评估价：2,13\n4,000元", "appraisal_value", Decimal("2134000")),
        ("起拍价：人民币１\n，３２６，８００元", "starting_price", Decimal("1326800")),
    ],
)
def test_figures_as_scans_and_exports_give_them(text: str, name: str, value: Decimal) -> None:
    assert first(facts_of(text), name) == value


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("拍卖时间：2027年５月２\n２日上午10时", dt.datetime(2027, 5, 22, 10, 0)),
        ("拍賣日期：116年6月18日下午2時", dt.datetime(2027, 6, 18, 14, 0)),
        ("拍卖日期：中华民国116年5月12日", dt.date(2027, 5, 12)),
    ],
)
def test_dates_as_scans_and_taiwan_give_them(text: str, day: dt.date) -> None:
    assert first(facts_of(text), "auction_datetime") == day


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("竞买保证金二十万元，须于拍卖前交纳。", "deposit_amount", Decimal("200000")),
        ("起拍价：一百五十万元", "starting_price", Decimal("1500000")),
    ],
)
def test_an_amount_in_everyday_numerals(text: str, name: str, value: Decimal) -> None:
    assert first(facts_of(text), name) == value


def test_a_deferral_is_no_venue() -> None:
    facts = facts_of("拍卖时间：2027年6月8日上午十时\n拍卖地点：以法院通知为准")
    assert first(facts, "auction_venue") is None


def test_wrapped_lines_are_joined_although_broken_figures_made_some_lines_longer() -> None:
    lines = [
        "受某某区人民法院委托，本公司定于2027年5月22日上午十时在本公司拍卖厅公开拍卖被执行人名下住宅",
        "一套，建筑面积一百零八平方米。该房产经某某评估有限公司评估，于价值时点的市场价值为人民",
        "币527.40万元，本次为第一次拍卖，起拍价为人民币369.18万元，增价幅度为人民币2",
        "万元或其整数倍，竞买保证金为人民币55万元，竞买人须于2027年5月20日17时前将保证金",
        "汇入本公司账户，凭汇款凭证及身份证原件到本公司办理竞买登记手续，逾期不予受理，敬请留意",
        "本公告的各项内容，并于拍卖会开始前三十分钟到达拍卖现场，凭竞买号牌入场参加竞买。",
        "某某拍卖有限公司 2027.5.6",
    ]
    facts = facts_of("\n".join(lines))
    assert first(facts, "appraisal_value") == Decimal("5274000")
    assert first(facts, "publish_date") == dt.date(2027, 5, 6)


def test_the_printed_width_is_that_of_most_full_lines() -> None:
    """Lines the normaliser joined (figures broken between them) are wider than any printed
    line; the page's width is the one most of its full lines share."""
    from paimai_docs.reading.facts_base import _full_width

    widths = [151, 146, 144, 72, 71, 72, 70, 71, 72, 40, 12]
    full = _full_width(["x"] * len(widths), widths)
    assert full is not None and full < 72
    assert _full_width(["x"] * 5, [90, 88, 89, 87, 20]) == pytest.approx(0.88 * 89)


def test_kind_is_decided_when_not_given() -> None:
    text = "委托拍卖合同\n正文。\n签订日期：2026年11月20日"
    assert first(extract_facts([(1, text, normalize(text))]), "signed_date") == D(2026, 11, 20)


def test_facts_serialise() -> None:
    for fact in facts_of("保证金：15000元\n拍卖时间：2026年12月18日10时"):
        assert set(fact.to_dict()) == {"name", "value", "page", "evidence", "label"}


@pytest.mark.parametrize("junk", ["", "\x00\x01", "元元元", "保证金:" * 50, "年月日" * 30])
def test_junk_gives_no_error(junk: str) -> None:
    assert isinstance(facts_of(junk), list)


_PIECES = st.sampled_from(
    ["保证金", "起拍价", "：", "为", "人民币", "壹拾万元整", "15,000", "元", "万元", "(", ")",
     "2026年", "11月", "22日", "上午10时", "至", "止", "定于", "在", "举行拍卖会", "电话", "0373-",
     "3512345", "13800138000", "佣金", "5%", "买受人", "委托人：", "河阳市公司", "\n", " ", "。",
     "110105194912310021", "二〇二六年", "拍賣", "序号 评估价（万元） 起拍价", "1 房产 150 105"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_arrangement_of_document_pieces_gives_facts_not_errors(text: str) -> None:
    for kind in (None, "announcement"):
        for fact in extract_facts([(1, text, normalize(text))], kind):
            assert fact.page == 1
            assert fact.evidence in re.sub(r"\s+", " ", text) or not fact.evidence.strip()


# --------------------------------------------------------------------------------------------
# The fixtures: every expected fact, checked as the first fact of its name

FIXTURES: dict[str, dict[str, Any]] = {
    "traditional_announcement.txt": {
        "auction_datetime": T(2026, 11, 22, 10),
        "auction_venue": "河阳市公共资源交易中心三楼拍卖厅",
        "starting_price": Decimal("120000"),
        "starting_price_words": Decimal("120000"),
        "deposit_amount": Decimal("5000"),
        "exhibition_start": D(2026, 11, 18),
        "exhibition_end": D(2026, 11, 20),
        "publish_date": D(2026, 11, 10),
        "commission_rate_buyer": Decimal("0.05"),
        "auctioneer_phone": "0373-3512345",
        "court_supervision_phone": "0373-3519999",
        "consignor": "河阳市机关事务管理局",
        "auctioneer": "河阳市宏达拍卖有限公司",
    },
    "wps_export_announcement.txt": {
        "auction_datetime": T(2026, 12, 18, 10),
        "auction_venue": "本公司拍卖大厅",
        "appraisal_value": Decimal("1056000"),
        "starting_price": Decimal("800000"),
        "deposit_amount": Decimal("100000"),
        "exhibition_start": D(2026, 12, 14),
        "exhibition_end": D(2026, 12, 16),
        "publish_date": D(2026, 12, 8),
        "auctioneer_phone": "0373-3512345",
        "court_supervision_phone": "0373-3668123",
        "consignor": "河阳市红旗区人民法院",
    },
    "entrustment_contract.txt": {
        "reserve_price": Decimal("100000"),
        "auction_datetime": T(2026, 12, 18, 10),
        "auction_venue": "河阳市红旗区平原路100号宏达大厦6层拍卖厅",
        "commission_rate_consignor": Decimal("0.03"),
        "commission_rate_buyer": Decimal("0.05"),
        "signed_date": D(2026, 11, 20),
        "credit_code": "91110000600037341L",
        "consignor": "河阳市恒远机械有限公司",
        "auctioneer": "河阳市宏达拍卖有限公司",
    },
    "sale_confirmation.txt": {
        "hammer_price": Decimal("350000"),
        "hammer_price_words": Decimal("350000"),
        "commission_rate": Decimal("0.05"),
        "auction_datetime": T(2026, 12, 18, 10),
        "signed_at": T(2026, 12, 18, 10, 45),
        "id_number": "11010519491231002X",
        "buyer": "王小明",
        "bidder_no": "018",
        "auctioneer": "河阳市宏达拍卖有限公司",
    },
    "failed_auction_report.txt": {
        "auction_datetime": T(2026, 12, 18, 10),
        "auction_venue": "河阳市公共资源交易中心拍卖厅",
        "appraisal_value": Decimal("1056000"),
        "reserve_price": Decimal("800000"),
        "deposit_amount": Decimal("100000"),
        "document_date": D(2026, 12, 19),
        "auctioneer": "河阳市宏达拍卖有限公司",
        "consignor": None,  # 受贵院委托: a pronoun, not a name
    },
    "pre_auction_filing.txt": {
        "auction_datetime": T(2026, 12, 18, 10),
        "auction_venue": "河阳市红旗区平原路100号宏达大厦6层拍卖厅",
        "announcement_publish_date": D(2026, 12, 8),
        "exhibition_start": D(2026, 12, 14),
        "exhibition_end": D(2026, 12, 16),
        "filing_date": D(2026, 12, 10),
        "auctioneer_phone": "0373-3512345",
        "auctioneer": "河阳市宏达拍卖有限公司",
    },
    "wrapped_pdf_announcement.txt": {
        "auction_datetime": T(2026, 12, 28, 10),
        "bidding_end": T(2026, 12, 29, 10),
        "appraisal_value": Decimal("1500000"),
        "starting_price": Decimal("1050000"),
        "deposit_amount": Decimal("150000"),
        "publish_date": D(2026, 12, 10),
        "court_phone": "0373-3512000",
        "court_supervision_phone": "12368",
        "id_number_invalid": "110105194912310021",
    },
    "net_sale_confirmation.txt": {
        "hammer_price": Decimal("1500000"),
        "hammer_price_words": Decimal("1500000"),
        "buyer": "张三",
        "bidder_no": "J1234",
        "court_name": "江苏省南京市鼓楼区人民法院",
        "signed_at": D(2023, 5, 21),
    },
    "contract_signed_side_by_side.txt": {
        "consignor": "河阳市财政局",
        "auctioneer": "河阳市宏达拍卖有限公司",
        "reserve_price": Decimal("500000"),
        "auction_datetime": T(2023, 7, 15, 10),
        "auction_venue": "河阳市公共资源交易中心",
        "commission_rate_consignor": Decimal("0.01"),
        "commission_rate_buyer": Decimal("0.05"),
        "signed_date": D(2023, 6, 20),
    },
}

KINDS = {
    "traditional_announcement.txt": "announcement",
    "wps_export_announcement.txt": "announcement",
    "entrustment_contract.txt": "entrustment_contract",
    "sale_confirmation.txt": "sale_confirmation",
    "failed_auction_report.txt": "failed_auction_report",
    "pre_auction_filing.txt": "pre_auction_filing",
    "wrapped_pdf_announcement.txt": "announcement",
    "net_sale_confirmation.txt": "sale_confirmation",
    "contract_signed_side_by_side.txt": "entrustment_contract",
}


@pytest.mark.parametrize(
    ("name", "fact", "expected"),
    [(name, fact, value) for name, table in FIXTURES.items() for fact, value in table.items()],
)
def test_fixture_facts(name: str, fact: str, expected: Any) -> None:
    text = (TEXTS / name).read_text(encoding="utf-8")
    facts = extract_facts([(1, text, normalize(text))], KINDS[name])
    found = first(facts, fact)
    if isinstance(expected, str):
        found = None if found is None else str(found)
    assert found == expected


def test_traditional_evidence_stays_traditional() -> None:
    text = (TEXTS / "traditional_announcement.txt").read_text(encoding="utf-8")
    facts = extract_facts([(1, text, normalize(text))], "announcement")
    deposit = next(fact for fact in facts if fact.name == "deposit_amount")
    assert "競買保證金" in deposit.evidence
    assert deposit.label == "竞买保证金"


def test_a_separately_labelled_exhibition_end_is_the_end() -> None:
    from paimai_docs.reading.normalize import normalize

    text = "拍卖公告\n展示开始日期：2026年12月14日\n展示结束日期：2026年12月16日\n展示地点：厂区"
    found = {f.name: f.value for f in extract_facts([(1, text, normalize(text))], "announcement")}
    assert found["exhibition_start"] == dt.date(2026, 12, 14)
    assert found["exhibition_end"] == dt.date(2026, 12, 16)


def test_previous_round_prices_are_not_the_current_ones() -> None:
    from paimai_docs.reading.normalize import normalize

    text = (
        "流拍报告\n前次保留价：人民币100万元\n本次保留价：人民币80万元\n"
        "前次起拍价：90万元\n起拍价：70万元"
    )
    facts = extract_facts([(1, text, normalize(text))], "failed_auction_report")
    values = {(f.name, f.value) for f in facts}
    assert ("previous_reserve_price", Decimal("1000000.00")) in values
    assert ("previous_starting_price", Decimal("900000.00")) in values
    assert [f.value for f in facts if f.name == "reserve_price"] == [Decimal("800000.00")]
    assert [f.value for f in facts if f.name == "starting_price"] == [Decimal("700000.00")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "本场拍卖会安排在5月8日（星期六）上午十点，地点在本行二楼。\n某某拍卖行\n2027年4月20日",
            D(2027, 5, 8),
        ),
        ("网络竞价定于2027年9月3日10时开始，持续24小时。", D(2027, 9, 3)),
    ],
)
def test_the_sale_named_before_its_day(text: str, day: dt.date) -> None:
    found = values(facts_of(text, "announcement"), "auction_datetime")
    assert found and found[0].date() == day, found


def test_a_deadline_or_an_earlier_sale_is_no_sale_day() -> None:
    text = "拍卖人于2027年5月2日收到委托材料。报名于2027年5月6日截止。首次拍卖于2027年4月1日流拍。"
    assert values(facts_of(text, "announcement"), "auction_datetime") == []


def test_a_unit_declared_over_a_table_applies_to_its_amounts() -> None:
    text = (
        "本次拍卖结果如下（金额单位：万元）：\n"
        "序号 | 标的名称 | 起拍价 | 成交价 | 买受人\n"
        "1 | 挖掘机 | 42.5 | 48.0 | 某某公司\n"
        "2 | 装载机 | 18.0 | — | 流拍\n"
    )
    facts = facts_of(text, "result_publicity")
    assert values(facts, "starting_price")[:2] == [Decimal("425000"), Decimal("180000")]
    assert values(facts, "hammer_price") == [Decimal("480000")]


def test_a_label_cut_by_the_line_end_on_a_page_with_two_wide_rows() -> None:
    line = "本标的为位于某市某区某路的工业厂房及配套办公楼，现状拍卖，权属清晰无争议，欢迎竞买。"
    wide = "| 1 | 某某厂房 | 某市某区某路12号 | 12,406.30平方米 | 工业用地 | 出让 | 2061年5月 | 现停产闲置，部分设备尚未搬离 |"  # noqa: E501
    text = "\n".join([
        "拍卖公告", line, line, wide, wide.replace("| 1 |", "| 2 |"), line,
        "经某某评估有限公司评估，市场价值为人民币玖佰捌拾肆万陆仟贰佰元（¥9,846,200），起",
        "拍价为人民币陆佰捌拾玖万贰仟叁佰肆拾元（¥6,892,340）。", line,
    ])  # fmt: skip
    assert Decimal("6892340") in values(facts_of(text, "announcement"), "starting_price")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "拍卖会：2027春季拍卖会·古籍善本专场（2027年5月22日）\n成交价合计：12万元",
            D(2027, 5, 22),
        ),
        ("我公司已于2027年3月9日上午在本公司拍卖厅组织完成拍卖，现将结果报告如下。", D(2027, 3, 9)),
        ("秋季拍卖会公告（2027年9月1日）\n本公司定于9月20日举行秋季拍卖会。", D(2027, 9, 20)),
        (
            "2027年6月2日下午，某某拍卖有限公司受某县财政局委托，在县政务中心对罚没车辆进行了公开拍卖。",
            D(2027, 6, 2),
        ),
        ("本规则适用于某某拍卖行二〇二七年八月十八日举行之珠宝拍卖会。", D(2027, 8, 18)),
    ],
)
def test_the_day_of_a_sale_named_or_reported(text: str, day: dt.date) -> None:
    found = values(facts_of(text, "other"), "auction_datetime")
    assert found
    assert (found[0].date() if isinstance(found[0], dt.datetime) else found[0]) == day


def test_the_sale_s_time_under_its_numbered_heading() -> None:
    text = (
        "一、标的：办公楼一栋，评估价223万元。\n二、拍卖会\n时间：2027年7月6日上午10:00\n"
        "地点：某市公共资源交易中心四楼拍卖厅\n三、实地查看\n时间：2027年7月1日至7月2日"
    )
    assert values(facts_of(text, "announcement"), "auction_datetime") == [
        dt.datetime(2027, 7, 6, 10, 0)
    ]


def test_a_post_s_byline_dates_it() -> None:
    text = (
        "某某拍卖\n法拍房怎么买？\n原创 某某拍卖 2027-02-20 19:30 发表于河北\n"
        "点击上方蓝字 关注我们\n" + "正文说明竞买流程。\n" * 8
    )
    assert [v.date() for v in values(facts_of(text, "unknown"), "document_date")] == [
        D(2027, 2, 20)
    ]


@pytest.mark.parametrize("label", ["评估价及起拍价：", "评估价/起拍价：", "评估价与起拍价均为"])
def test_one_amount_for_two_joined_labels(label: str) -> None:
    facts = facts_of(f"{label}人民币52,800元，本次拍卖设保留价。", "announcement")
    assert values(facts, "appraisal_value") == [Decimal("52800")]
    assert Decimal("52800") in values(facts, "starting_price")


@pytest.mark.parametrize(
    ("text", "name", "yuan"),
    [
        (
            "起拍价澳门元叁拾捌万元（MOP 380,000，折合人民币约347,700元）。",
            "starting_price",
            "347700",
        ),
        (
            "须缴付按金港币伍万元（HK$50,000，约合人民币45,500元），领取竞投牌。",
            "deposit_amount",
            "45500",
        ),
        ("起拍价：新台币100万元（折合人民币22.5万元）", "starting_price", "225000"),
    ],
)
def test_an_amount_in_another_currency_is_read_in_yuan(text: str, name: str, yuan: str) -> None:
    assert values(facts_of(text, "announcement"), name) == [Decimal(yuan)]
