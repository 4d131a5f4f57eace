"""Dates told as acts rather than under labels: the auction "定于…", a lot "于…拍卖", the
announcement "于…见报", a filing "…办理后期备案" — and dates that are none of these."""

from __future__ import annotations

import datetime as dt

import pytest

from paimai_docs.reading.facts import extract_facts
from paimai_docs.reading.normalize import normalize


def _facts(kind: str, text: str) -> dict[str, object]:
    found: dict[str, object] = {}
    for fact in extract_facts([(1, text, normalize(text))], kind):
        found.setdefault(fact.name, fact.value)
    return found


def _day(value: object) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("kind", "text", "auction", "published"),
    [
        ("announcement", "拍卖定于2026年12月18日，公告于12月12日见报。",
         "2026-12-18", "2026-12-12"),
        ("announcement", "住宅于2026年12月28日拍卖，公告12月20日才发布。",
         "2026-12-28", "2026-12-20"),
        ("announcement", "車輛於2027年1月5日開拍，公告於2026年12月16日刊登。",
         "2027-01-05", "2026-12-16"),
        ("announcement", "本次拍卖会将于2026年6月20日举行，公告已于6月5日在《河阳日报》发布。",
         "2026-06-20", "2026-06-05"),
    ],
)  # fmt: skip
def test_auction_and_publication_told_in_a_sentence(
    kind: str, text: str, auction: str, published: str
) -> None:
    found = _facts(kind, text)
    assert _day(found["auction_datetime"]).isoformat() == auction
    assert _day(found["publish_date"]).isoformat() == published


@pytest.mark.parametrize(
    ("kind", "text", "filed"),
    [
        ("post_auction_filing", "拍卖会2026年12月18日结束，12月28日才办理后期备案。", "2026-12-28"),
        ("pre_auction_filing", "拍卖定于2026年12月18日，12月10日办理会前备案。", "2026-12-10"),
        ("pre_auction_filing", "拍賣定於2026年12月18日，12月18日當天才去備案。", "2026-12-18"),
    ],
)  # fmt: skip
def test_a_filing_told_in_a_sentence(kind: str, text: str, filed: str) -> None:
    assert _day(_facts(kind, text)["filing_date"]).isoformat() == filed


@pytest.mark.parametrize(
    ("kind", "text", "name"),
    [
        # a contract signed on a day is not an auction on that day
        ("entrustment_contract", "本合同于2026年6月1日签订。", "auction_datetime"),
        # an announcement date for the exhibition is not its publication
        ("announcement", "展示于2026年6月10日开始。", "publish_date"),
        # a deposit paid on a day is not a filing
        ("post_auction_filing", "保证金于2026年6月2日退还。", "filing_date"),
    ],
)
def test_other_acts_give_no_such_date(kind: str, text: str, name: str) -> None:
    assert name not in _facts(kind, text)
