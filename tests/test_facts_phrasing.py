"""How people write the facts the reader takes: each form in several registers (court, auction
firm, property exchange, online platform, filing forms, Traditional script), and phrasings that
must not give a fact. The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from paimai_docs.reading.facts import extract_facts
from paimai_docs.reading.normalize import normalize
from paimai_docs.reading.types import Fact

D = dt.date
T = dt.datetime


def facts_of(text: str, kind: str | None = "announcement") -> list[Fact]:
    return extract_facts([(1, text, normalize(text))], kind)


def values(facts: list[Fact], name: str) -> list[Any]:
    return [fact.value for fact in facts if fact.name == name]


def money(text: str) -> Decimal:
    return Decimal(text)


# --------------------------------------------------------------------------------------------
# Dates as people write them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("拍卖时间：2024年10月8", D(2024, 10, 8)),  # no 日
        ("拍卖时间：2024年10月8，地点另行通知", D(2024, 10, 8)),
        ("拍卖时间：二0二四年十月八日", D(2024, 10, 8)),  # a figure 0 among Chinese numerals
        ("拍卖时间：二〇二四年十月八日", D(2024, 10, 8)),
        ("拍卖时间：二O二四年十月八日", D(2024, 10, 8)),
        ("拍卖时间：2024.10.8", D(2024, 10, 8)),
        ("拍卖时间：2024/10/8", D(2024, 10, 8)),
        ("拍卖时间：2024-10-08 14:30", T(2024, 10, 8, 14, 30)),
        ("拍賣時間：2024年10月8日下午2時", T(2024, 10, 8, 14)),  # Traditional script
    ],
)
def test_date_forms(text: str, expected: dt.date) -> None:
    assert values(facts_of(text), "auction_datetime")[0] == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("展示时间：2024年7月2日—4日，每日上午九时至十一时", D(2024, 7, 2), D(2024, 7, 4)),
        ("看样时间：2024年11月28日-29日", D(2024, 11, 28), D(2024, 11, 29)),
        ("展示时间：2024-05-20 至 2024-05-21", D(2024, 5, 20), D(2024, 5, 21)),
    ],
)
def test_exhibition_ranges(text: str, start: dt.date, end: dt.date) -> None:
    facts = facts_of(text)
    assert values(facts, "exhibition_start")[0] == start
    assert values(facts, "exhibition_end")[0] == end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date without a year takes the year of the document's own date under the signature.
        ("本公司定于9月12日上午10时在本公司二楼拍卖厅举行拍卖会。\n特此公告。\n"
         "河阳市宏达拍卖有限公司\n2024年8月30日", T(2024, 9, 12, 10)),
        ("本院将于5月6日10时在网络平台进行公开拍卖活动。\n河阳市中级人民法院\n"
         "二〇二五年四月一日", T(2025, 5, 6, 10)),
        ("竞价时间：11月3日9:00起。\n运河产权交易中心\n2023年10月20日", T(2023, 11, 3, 9)),
    ],
)  # fmt: skip
def test_year_from_the_documents_own_date(text: str, expected: dt.datetime) -> None:
    assert values(facts_of(text), "auction_datetime")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The PDF broke the line between the date and the time, or inside the announcing sentence.
        ("本公司定于2024.6.3（星期一）\n上午9:30在本公司拍卖厅举行拍卖会，现公告如下：",
         T(2024, 6, 3, 9, 30)),
        ("本院将于2024年3月4日10时至\n2024年3月5日10时止在某某司法拍卖\n平台进行公开拍卖活动",
         T(2024, 3, 4, 10)),
        ("兹定于2024年12月2日14时在市公共资源交易中心第一会议室\n举行公开拍卖会。",
         T(2024, 12, 2, 14)),
    ],
)  # fmt: skip
def test_auction_time_over_a_broken_line(text: str, expected: dt.datetime) -> None:
    assert values(facts_of(text), "auction_datetime")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("拍卖会于2O24年3月l2日上午10时在本公司拍卖厅举行。", T(2024, 3, 12, 10)),
        ("拍卖时间：2024年l1月5日10时", T(2024, 11, 5, 10)),
        ("定于2O24年9月9日在本中心举行拍卖会。", D(2024, 9, 9)),
    ],
)
def test_digits_typed_as_letters(text: str, expected: dt.date) -> None:
    assert values(facts_of(text), "auction_datetime")[0] == expected


def test_a_phone_number_is_not_a_date() -> None:
    for text in (
        "联系电话：2024-6612345",
        "咨询电话：0371-2024-1234",
        "拍卖时间另行通知，联系电话13812345678。",
    ):
        assert values(facts_of(text), "auction_datetime") == []


# --------------------------------------------------------------------------------------------
# The auction date in reports, transcripts, confirmations and filings


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("二、拍卖情况\n2024年6月18日上午9时30分，拍卖会在市公共资源交易中心如期举行，"
         "到场竞买人三名。", "completion_report", T(2024, 6, 18, 9, 30)),
        ("（三）拍卖会：2024年4月9日14:00在本公司拍卖厅举行。", "failed_auction_report",
         T(2024, 4, 9, 14)),
        ("本次秋季拍卖于11月16日开槌，历时两天。\n（2024年11月20日 某某晚报）", "unknown",
         D(2024, 11, 16)),
        ("拍卖笔录\n拍卖会名称：某某公司闲置设备专场\n时间：二〇二四年五月二十日9时30分\n"
         "地点：本公司拍卖厅", "auction_transcript", T(2024, 5, 20, 9, 30)),
        ("交易时间：2024年8月8日9:30\n交易地点：市公共资源交易中心", "result_publicity",
         T(2024, 8, 8, 9, 30)),
        ("开始时间：2024/07/01 10:00:00\n结束时间：2024/07/02 10:00:00", "result_publicity",
         T(2024, 7, 1, 10)),
        ("竞价开始：2024-05-09 10:00\n竞价结束：2024-05-09 10:30", "announcement",
         T(2024, 5, 9, 10)),
        ("本中心于2024-03-26 9:30组织网络竞价，两家意向受让方参与报价。", "result_publicity",
         T(2024, 3, 26, 9, 30)),
    ],
)  # fmt: skip
def test_auction_date_in_other_documents(text: str, kind: str, expected: dt.date) -> None:
    assert expected in values(facts_of(text, kind), "auction_datetime")


def test_held_on_the_day_the_document_bears() -> None:
    text = (
        "拍卖成交确认书\n兹确认，买受人在拍卖人于本日举行的二手设备专场拍卖会上竞得下列标的。\n"
        "拍卖人（盖章）：河阳市宏达拍卖有限公司\n2024年9月6日"
    )
    assert values(facts_of(text, "sale_confirmation"), "auction_datetime") == [D(2024, 9, 6)]


def test_the_date_of_an_entrustment_is_not_the_auction_date() -> None:
    text = (
        "我公司于2024年9月1日接受贵院委托，对被执行人名下的商铺进行拍卖。\n"
        "我公司于2024年9月10日在晚报刊登拍卖公告，对上述标的进行公开拍卖。"
    )
    assert values(facts_of(text, "failed_auction_report"), "auction_datetime") == []


# --------------------------------------------------------------------------------------------
# The document's own date, under every kind's name and as published_date


@pytest.mark.parametrize(
    ("text", "kind", "name", "expected"),
    [
        ("正文。\n河阳市宏达拍卖有限公司\n2024年1月9日", "failed_auction_report",
         "document_date", D(2024, 1, 9)),
        ("拍卖成交确认书\n正文。\n买受人（签章）：\n2024年4月30日", "sale_confirmation",
         "signed_at", D(2024, 4, 30)),
        ("拍卖前备案表\n拍卖会时间：2024-03-20 09:30\n提交时间：2024-03-09 15:41:07",
         "pre_auction_filing", "filing_date", T(2024, 3, 9, 15, 41, 7)),
        ("拍卖后备案表\n正文。\n填报人：某某\n填报日期：2024.12.24", "post_auction_filing",
         "filing_date", D(2024, 12, 24)),
        ("关于拍卖情况的报告\n正文。\n报告日期：2024年2月9日", "completion_report",
         "document_date", D(2024, 2, 9)),
        ("評估表\n正文。\n出具日期：2024年1月26日", "unknown", "document_date", D(2024, 1, 26)),
        ("委托拍卖合同\n正文。\n签订日期：2024年3月1日", "entrustment_contract", "signed_date",
         D(2024, 3, 1)),
    ],
)  # fmt: skip
def test_own_date_of_every_kind(text: str, kind: str, name: str, expected: dt.date) -> None:
    facts = facts_of(text, kind)
    assert values(facts, name)[0] == expected
    assert values(facts, "published_date")[0] == expected
    assert values(facts, "publish_date") == []


def test_an_announcement_keeps_publish_date_only() -> None:
    facts = facts_of("拍卖公告\n正文。\n河阳市宏达拍卖有限公司\n2024年5月16日")
    assert values(facts, "publish_date") == [D(2024, 5, 16)]
    assert values(facts, "published_date") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("公示期：2024年3月23日至2024年3月27日（5个工作日）。", D(2024, 3, 23), D(2024, 3, 27)),
        ("本结果公示期为2024-10-09至2024-10-15，如有异议请书面提出。", D(2024, 10, 9),
         D(2024, 10, 15)),
        ("公示時間：2024年6月3日至6月7日", D(2024, 6, 3), D(2024, 6, 7)),
    ],
)  # fmt: skip
def test_publicity_period(text: str, start: dt.date, end: dt.date) -> None:
    facts = facts_of(text, "result_publicity")
    assert values(facts, "publicity_start") == [start]
    assert values(facts, "publicity_end") == [end]


# --------------------------------------------------------------------------------------------
# Amounts as people write them


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # The value on the line after its label.
        ("成交价：\n73,500,000.00元", "hammer_price", "73500000.00"),
        ("三、竞买保证金\n人民币伍拾万元整，须于拍卖前一日交纳。", "deposit_amount", "500000"),
        ("起拍价为人民币\n2388.48万元，竞买保证金为人民币300万元。", "starting_price", "23884800"),
        ("评估价：\n¥1,250,000.00", "appraisal_value", "1250000.00"),
        # Other forms of figures.
        ("起拍价：123.45万元", "starting_price", "1234500"),
        ("保证金：¥43000", "deposit_amount", "43000"),
        ("保证金：每号牌人民币3O万元", "deposit_amount", "300000"),
        ("评估价值（5860000元）与备案结果一致", "appraisal_value", "5860000"),
        ("竞买保证金（每家10万元）已交纳", "deposit_amount", "100000"),
        ("競投按金為人民幣壹萬元整（¥10,000）", "deposit_amount", "10000"),
    ],
)
def test_amount_forms(text: str, name: str, value: str) -> None:
    assert values(facts_of(text), name)[0] == money(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("经三十轮竞价，2号竞买人以¥6,380,000.00的最高应价竞得。", "6380000.00"),
        ("最终由5号竞买人以286000元最高应价竞得，当场签署成交确认书。", "286000"),
        ("承租方以年租金12.96万元竞得，租期三年。", "129600"),
        ("某某传媒有限公司以每年176.5万元竞得该经营权。", "1765000"),
        ("买受人以人民币壹佰壹拾捌万元整（¥1,180,000.00）竞得。", "1180000.00"),
        ("成交价 | 6,380,000.00 | 2月6日落槌", "6380000.00"),
        ("成交年租金：人民币壹拾肆万肆仟元整（¥144,000.00）", "144000.00"),
    ],
)
def test_hammer_price_forms(text: str, value: str) -> None:
    assert money(value) in values(facts_of(text, "completion_report"), "hammer_price")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("拍卖会按委托人要求以¥5,200,000.00起拍，保留价另行密封。", "5200000.00"),
        ("本标的220000元起拍，加价幅度2000元。", "220000"),
        ("变卖价：¥1,512,000.00", "1512000.00"),
        ("本次拍卖起始价为586万元。", "5860000"),
        ("起叫价：人民币8万元", "80000"),
    ],
)
def test_starting_price_forms(text: str, value: str) -> None:
    assert money(value) in values(facts_of(text, "failed_auction_report"), "starting_price")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A listing's price is where bidding starts (property exchanges).
        ("挂牌起始日期：2024年2月10日\n转让底价：1580.00万元\n交易保证金：470万元", "15800000"),
        ("本项目于本中心公开挂牌，挂牌价1580.00万元。", "15800000"),
        ("挂牌年租金底价：9.60万元/年", "96000"),
        # A floor price the bidding starts from (auction firms, Traditional script).
        ("第1號：中型客車，底價人民幣捌萬陸仟元整（¥86,000）\n競投由底價起叫，每口加價500元。",
         "86000"),
        # 参考价 named as the start, or the only price stated.
        ("拍卖标的及参考价：立式加工中心3台，参考价26.8万元。\n参考价即起拍价。", "268000"),
        ("本公司定于3月28日公开拍卖工业用地使用权一宗，参考价680万元，竞买保证金100万元。",
         "6800000"),
    ],
)  # fmt: skip
def test_prices_that_are_starting_prices(text: str, value: str) -> None:
    assert money(value) in values(facts_of(text), "starting_price")


def test_reference_price_stays_the_appraisal_when_a_start_is_stated() -> None:
    facts = facts_of("参考价：150万元\n起拍价：105万元")
    assert values(facts, "appraisal_value") == [Decimal("1500000")]
    assert values(facts, "starting_price") == [Decimal("1050000")]


def test_reference_price_said_to_be_the_appraisal_is_no_start() -> None:
    facts = facts_of(
        "参考价：21.5万元\n备注：参考价为评估价，保留价另行书面确定。", "pre_auction_filing"
    )
    assert values(facts, "appraisal_value") == [Decimal("215000")]
    assert values(facts, "starting_price") == []


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("评估价为2600000元，保留价为2080000元，起拍价与保留价相同。", "starting_price", "2080000"),
        ("起拍价：30万元（起拍价即评估价）", "appraisal_value", "300000"),
        ("起拍价（即保留价）为人民币36万元", "reserve_price", "360000"),
        ("起拍价：50万元，保留价等于起拍价。", "reserve_price", "500000"),
    ],
)
def test_prices_the_text_says_are_equal(text: str, name: str, value: str) -> None:
    assert money(value) in values(facts_of(text), name)


# Tables of lots: cells separated by spaces, "|" or tabs; the header row first.


@pytest.mark.parametrize(
    "separator", [" | ", "|", "\t", "  "], ids=["bar-spaced", "bar", "tab", "spaces"]
)
def test_tables_of_lots(separator: str) -> None:
    rows = [
        ["序号", "标的名称", "评估价(元)", "起拍价(元)", "保证金(元)"],
        ["1", "办公家具一批", "18600", "15000", "3000"],
        ["2", "电子设备一批", "9000", "7000", "1000"],
    ]
    text = "\n".join(separator.join(row) for row in rows)
    facts = facts_of(text)
    assert values(facts, "appraisal_value") == [Decimal("18600"), Decimal("9000")]
    assert values(facts, "starting_price") == [Decimal("15000"), Decimal("7000")]
    assert values(facts, "deposit_amount") == [Decimal("3000"), Decimal("1000")]


def test_table_with_a_wrapped_header_and_a_cell_with_a_space() -> None:
    text = (
        "拍品号 号牌 车型 初次登记 评估价(元) 起拍价(元) 最高应价(元)\n号牌 结果\n"
        "1 豫A·11111 轿车甲 2013-06 21000 15000 31500 A07 成交\n"
        "2 豫A·22222 越野车 乙型 2014-01 55000 40000 69000 A19 成交\n"
    )
    facts = facts_of(text, "auction_transcript")
    assert values(facts, "appraisal_value") == [Decimal("21000"), Decimal("55000")]
    assert values(facts, "starting_price") == [Decimal("15000"), Decimal("40000")]
    assert values(facts, "hammer_price") == [Decimal("31500"), Decimal("69000")]


def test_table_in_ten_thousands_with_an_unsold_lot() -> None:
    text = (
        "标的号|标的名称|保留价(万元)|成交价(万元)|买受人\n"
        "1|临街店面|186.00|203.50|某某贸易有限公司\n"
        "2|仓库|90.00|—|流拍\n"
    )
    facts = facts_of(text, "post_auction_filing")
    assert values(facts, "hammer_price") == [Decimal("2035000")]
    assert values(facts, "reserve_price") == [Decimal("1860000"), Decimal("900000")]


def test_table_header_at_the_foot_of_a_page() -> None:
    first = "拍品清单\n序号|拍品名称|数量|起拍价(元)|保证金(元)\n"
    second = "1|数控车床|2台|480000|50000\n2|叉车|1台|36000|5000\n"
    facts = extract_facts([(1, first, normalize(first)), (2, second, normalize(second))])
    assert values(facts, "starting_price") == [Decimal("480000"), Decimal("36000")]
    assert [fact.page for fact in facts if fact.name == "starting_price"] == [2, 2]


# --------------------------------------------------------------------------------------------
# What must not give a fact


@pytest.mark.parametrize(
    "text",
    [
        "佣金：按成交价的5%由买受人支付，合计11.515万元，已全部收取。",
        "买受人已付清成交价款及佣金（佣金按成交价的5%计59000元）。",
        "委托人佣金（成交价1%） | 63,800.00 | 从价款中扣除",
        "3号车最高应价14500元，未达保留价，流拍。",
        "成交价款汇入下列账户：账号6222 0212 3456 7890 123",
    ],
)
def test_not_a_hammer_price(text: str) -> None:
    assert values(facts_of(text, "completion_report"), "hammer_price") == []


@pytest.mark.parametrize(
    "text",
    [
        "竞买保证金：50万元，须于拍卖前一日到账。",
        "保证金以起拍价的20%计收，即12万元。",
        "起拍价确定后另行公告，保证金为人民币5万元。",
        "参考价每吨3150元，以实际过磅为准。",
    ],
)
def test_not_a_starting_price(text: str) -> None:
    assert values(facts_of(text), "starting_price") == []


@pytest.mark.parametrize(
    "text",
    [
        "保证金账号：\n6222021234567890123",
        "户名：某某拍卖有限公司\n账号：1107 0230 0000 00352\n保证金交纳截止时间为拍卖前一日。",
        "保证金缴纳\n1、竞买人须于展示期间办理登记。",
    ],
)
def test_an_account_or_a_number_is_no_amount(text: str) -> None:
    assert values(facts_of(text), "deposit_amount") == []


# --------------------------------------------------------------------------------------------
# The class of the lots


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1号标的：某某路16号院3号楼502室\n财产类别：不动产", ["immovable"]),
        ("标的类别：动产\n标的：小型轿车一辆", ["movable"]),
        ("财產類別：其他財產權", ["property_right"]),
        ("拍卖被执行人名下位于某某路8号的住宅一套，建筑面积96.5平方米。", ["immovable"]),
        ("拍卖公务用车五辆，车辆按现状拍卖。", ["movable"]),
        ("拍卖某某投资有限公司40%股权。", ["property_right"]),
        ("一号标的财产类别：动产；二号标的财产类别：不动产。", ["movable", "immovable"]),
    ],
)
def test_property_class(text: str, expected: list[str]) -> None:
    assert values(facts_of(text), "property_class") == expected


@pytest.mark.parametrize(
    "text",
    [
        "拍卖某某路88号商铺19个月的租赁权，建筑面积约300平方米。",  # a shop and a lease right
        "正文中没有说明标的是什么。",
    ],
)
def test_no_property_class_when_unclear(text: str) -> None:
    assert values(facts_of(text), "property_class") == []


def test_a_listing_table_of_floor_prices_gives_starting_prices() -> None:
    text = (
        "本公司对以下门面房公开招租，通过网上竞价系统竞价。\n"
        "序号|位置|面积(㎡)|年租金底价|保证金\n"
        "1|某某路1号|80.5|6万元|1万元\n"
        "2|某某路3号|42|3.6万元|0.5万元\n"
    )
    facts = facts_of(text)
    assert values(facts, "reserve_price") == [Decimal("60000"), Decimal("36000")]
    assert values(facts, "starting_price") == [Decimal("60000"), Decimal("36000")]
