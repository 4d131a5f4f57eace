"""Facts of the transcript, the filings and the papers after the sale
(reading/facts_transcripts.py), in several registers: firm forms, court and exchange records,
prose, a PDF that broke a label over two lines, and Traditional script."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest

from paimai_docs.reading.facts import extract_facts
from paimai_docs.reading.normalize import normalize
from paimai_docs.reading.types import Fact


def facts_of(text: str, kind: str = "auction_transcript") -> list[Fact]:
    return extract_facts([(1, text, normalize(text))], kind)


def values(text: str, name: str, kind: str = "auction_transcript") -> list[Any]:
    return [fact.value for fact in facts_of(text, kind) if fact.name == name]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("拍卖师：周晓峰\n拍卖师执业证号：0410086", "0410086"),
        ("拍卖师周晓峰\n拍卖师资格证号0410086", "0410086"),  # a form printed without colons
        ("主槌拍卖师：陈志明（执业证号：4400217）", "4400217"),
        ("拍賣師：陳志明　執業證書編號：GD-4400217", "GD-4400217"),
    ],
)
def test_licence_number(text: str, number: str) -> None:
    assert values(text, "auctioneer_cert_no") == [number]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("拍卖师：周晓峰\n记录人：李娜", "auctioneer_name", "周晓峰"),
        ("拍卖师：周晓峰\n记录人：李娜", "recorder_name", "李娜"),
        ("书记员：王芳\n", "recorder_name", "王芳"),
        ("主槌拍賣師：陳志明\n", "auctioneer_name", "陈志明"),
    ],
)
def test_people(text: str, name: str, value: str) -> None:
    assert values(text, name) == [value]


def test_prose_about_the_auctioneer_is_no_name() -> None:
    assert values("拍卖师应当于拍卖前宣布拍卖规则。", "auctioneer_name") == []
    assert values("附件：拍卖师资质证书", "auctioneer_name", "failed_auction_report") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("已宣布拍卖规则和注意事项：是", True),
        ("已宣布拍卖规则和注意事\n项\n是", True),  # the label broken over lines
        ("已宣布拍卖规则和注意事项：否", False),
        ("9时30分，拍卖师宣读本场拍卖规则及注意事项。", True),
        ("拍卖师未宣布拍卖规则即开始竞价。", False),
        ("拍賣師向全體競買人宣布拍賣規則和注意事項。", True),
    ],
)
def test_rules_announced(text: str, value: bool) -> None:
    assert values(text, "rules_announced") == [value]


def test_absentee_seat_and_signatures() -> None:
    text = "委托竞买席已说明：否\n拍卖师签名：已签名\n记录人签名：未签名\n买受人签名：已签名"
    assert values(text, "commission_seat_announced") == [False]
    assert values(text, "auctioneer_signed") == [True]
    assert values(text, "recorder_signed") == [False]
    assert values(text, "buyer_signed") == [True]


@pytest.mark.parametrize(
    ("text", "results"),
    [
        ("拍卖结果：成交\n拍卖结果：无人应价", ["sold", "no_bids"]),
        ("拍卖结果：未达保留价停止", ["below_reserve"]),
        ("拍賣結果：流拍", ["failed"]),
        ("3号竞买人应价105.6万元，无人加价，拍卖师落槌成交。", ["sold"]),
        ("拍卖结果：中止", ["suspended"]),
    ],
)
def test_lot_results(text: str, results: list[str]) -> None:
    assert values(text, "result") == results


def test_a_contract_has_no_result() -> None:
    assert values("拍卖成交后，买受人应付清价款。", "result", "entrustment_contract") == []


def test_filing_outcome() -> None:
    assert values("拍卖结果部分成交", "outcome", "post_auction_filing") == ["partly_sold"]


def test_hammer_time_and_buyer_number() -> None:
    text = "落槌时间：2026年12月18日10:15\n买受人号牌：008"
    assert values(text, "hammer_time") == [dt.datetime(2026, 12, 18, 10, 15)]
    assert values(text, "buyer_bidder_no") == ["008"]
    assert values("成交號牌：12", "buyer_bidder_no") == ["12"]


def test_reserve_yes_is_not_no_reserve() -> None:
    found = values("有无保留价：有", "has_reserve")
    assert found == [True]
    assert values("有无保留价：无", "has_reserve") == [False]


@pytest.mark.parametrize(
    ("text", "name", "value", "kind"),
    [
        ("竞买人数：3人", "bidder_count", 3, "auction_transcript"),
        ("共有竞买人五名到场", "bidder_count", 5, "auction_transcript"),
        ("本确认书一式三联", "parts", 3, "sale_confirmation"),
        ("联数：3联", "parts", 3, "sale_confirmation"),
        ("正本份数：1份；副本份数：3份。", "copy_count", 3, "failed_auction_report"),
        ("正本1份，副本1份。", "original_count", 1, "completion_report"),
        ("檔案保管期限：3年", "retention_years", 3, "unknown"),
        ("电子数据保存期限不少于10年", "retention_years", 10, "announcement"),
    ],
)
def test_counts(text: str, name: str, value: int, kind: str) -> None:
    assert values(text, name, kind) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("已在全国拍卖行业管理信\n息系统备案是", True),
        ("已在全國拍賣行業管理信息系統備案：否", False),
        ("本场拍卖会已在全国拍卖行业管理信息系统完成备案。", True),
        ("尚未在全国拍卖系统登记。", False),
    ],
)
def test_national_system(text: str, value: bool) -> None:
    assert values(text, "mofcom_session_registered", "pre_auction_filing") == [value]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("工作人员到场时间：8:20", "staff_arrival_time", dt.time(8, 20)),
        ("工作人員於14:10到場", "staff_arrival_time", dt.time(14, 10)),
        ("业务会议日期：2026年9月7日", "meeting_date", dt.date(2026, 9, 7)),
        ("付款日期：2026年12月30日", "payment_date", dt.date(2026, 12, 30)),
        ("买受人于2026年12月22日付清全部价款。", "payment_date", dt.date(2026, 12, 22)),
        ("裁定送達日期：2027年1月8日", "ruling_served_date", dt.date(2027, 1, 8)),
        (
            "拍卖会结束时间：2026年12月18日11:20",
            "auction_end_date",
            dt.datetime(2026, 12, 18, 11, 20),
        ),
    ],
)
def test_times(text: str, name: str, value: Any) -> None:
    assert values(text, name, "unknown") == [value]


def test_an_announcement_without_cue_words_costs_nothing() -> None:
    text = "拍卖公告\n本公司定于2026年12月18日10时在宏达大厦举行拍卖会。\n" * 200
    start = time.perf_counter()
    facts_of(text, "announcement")
    assert time.perf_counter() - start < 2.0
