"""Dates, times and ranges as documents write them (reading/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from paimai_docs.reading.dates import (
    chinese_number,
    find_dates,
    find_ranges,
    parse_date,
    parse_time,
)
from paimai_docs.reading.normalize import normalize

D = dt.date
T = dt.datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年11月22日", D(2026, 11, 22)),
        ("2026年11月22号", D(2026, 11, 22)),
        ("2026-11-22", D(2026, 11, 22)),
        ("2026/11/22", D(2026, 11, 22)),
        ("2026.11.22", D(2026, 11, 22)),
        ("2026.1.5", D(2026, 1, 5)),
        ("二〇二六年十一月二十二日", D(2026, 11, 22)),
        ("二〇一八年三月二十一日", D(2018, 3, 21)),
        ("二○一八年三月二十一日", D(2018, 3, 21)),
        ("二O一八年三月二十一日", D(2018, 3, 21)),
        ("二零一八年十月十日", D(2018, 10, 10)),
        ("二〇二六年一月三十一日", D(2026, 1, 31)),
        # with a time
        ("2026年11月22日10时", T(2026, 11, 22, 10)),
        ("2026年11月22日10点", T(2026, 11, 22, 10)),
        ("2026年11月22日10:00", T(2026, 11, 22, 10)),
        ("2026年11月22日 10:30:15", T(2026, 11, 22, 10, 30, 15)),
        ("2026-11-22 09:05", T(2026, 11, 22, 9, 5)),
        ("2026/11/22 10:00:00", T(2026, 11, 22, 10)),
        ("2026年11月22日上午10时", T(2026, 11, 22, 10)),
        ("2026年11月22日下午3时", T(2026, 11, 22, 15)),
        ("2026年11月22日下午3点半", T(2026, 11, 22, 15, 30)),
        ("2026年11月22日下午2时30分", T(2026, 11, 22, 14, 30)),
        ("2026年11月22日晚上8点", T(2026, 11, 22, 20)),
        ("2026年11月22日中午12时", T(2026, 11, 22, 12)),
        ("2026年11月22日中午1点", T(2026, 11, 22, 13)),
        ("2026年11月22日下午14:00", T(2026, 11, 22, 14)),
        ("2026年11月22日(星期日)上午10时", T(2026, 11, 22, 10)),
        ("2026年11月22日星期日上午10:00", T(2026, 11, 22, 10)),
        ("二〇二六年十一月二十二日上午十时", T(2026, 11, 22, 10)),
        ("二〇二六年十一月二十二日十时三十分", T(2026, 11, 22, 10, 30)),
        ("2026年11月22日10时整", T(2026, 11, 22, 10)),
        ("2017年8月7日24:00", T(2017, 8, 8, 0, 0)),
        # in a sentence, after normalisation
        ("定于２０２６年１１月２２日上午１０：００在", T(2026, 11, 22, 10)),
        ("1.2019年12月9日12:00至10日12:00", T(2019, 12, 9, 12)),
    ],
)
def test_single_dates(text: str, expected: dt.date) -> None:
    assert parse_date(normalize(text)) == expected
    assert type(parse_date(normalize(text))) is type(expected)


@pytest.mark.parametrize(
    "text",
    [
        "2026年2月30日",
        "2026年13月1日",
        "2026-02-30",
        "5日内",
        "3个月",
        "1234567",
        "第2026号",
        "2002.5",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_impossible_time_drops_the_date() -> None:
    assert find_dates("2026年11月22日25:00") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("自2018年3月21日起至2018年4月16日止", D(2018, 3, 21), D(2018, 4, 16)),
        (
            "2018年4月21日10时至2018年4月22日10时止(延时除外)",
            T(2018, 4, 21, 10),
            T(2018, 4, 22, 10),
        ),
        ("2019年12月9日12:00至10日12:00(延时除外)", T(2019, 12, 9, 12), T(2019, 12, 10, 12)),
        ("2017年7月14日10:00至11:00止", T(2017, 7, 14, 10), T(2017, 7, 14, 11)),
        ("2017年8月10日14:00至14:30", T(2017, 8, 10, 14), T(2017, 8, 10, 14, 30)),
        ("2016年11月22日至2016年11月23日", D(2016, 11, 22), D(2016, 11, 23)),
        ("2026年11月18日至11月20日", D(2026, 11, 18), D(2026, 11, 20)),
        ("2025年12月30日至1月3日", D(2025, 12, 30), D(2026, 1, 3)),
        ("2026年1月30日至2日", D(2026, 1, 30), D(2026, 2, 2)),
        ("2026-11-18—2026-11-20", D(2026, 11, 18), D(2026, 11, 20)),
        ("2026年11月18日~11月20日", D(2026, 11, 18), D(2026, 11, 20)),
        ("2026年11月18日到11月20日", D(2026, 11, 18), D(2026, 11, 20)),
        ("2026年11月18日上午9时至下午5时", T(2026, 11, 18, 9), T(2026, 11, 18, 17)),
        ("2018年5月11日至2018年5月14日", D(2018, 5, 11), D(2018, 5, 14)),
    ],
)
def test_ranges(text: str, start: dt.date, end: dt.date) -> None:
    ranges = find_ranges(normalize(text))
    assert len(ranges) == 1
    assert ranges[0].begin.value == start
    assert ranges[0].end is not None
    assert ranges[0].end.value == end


def test_range_that_runs_backwards_is_two_dates() -> None:
    ranges = find_ranges("2026年11月20日至2026年11月18日")
    assert [item.end for item in ranges] == [None, None]
    assert [item.begin.value for item in ranges] == [D(2026, 11, 20), D(2026, 11, 18)]


def test_time_range_must_move_forward() -> None:
    (item,) = find_ranges("2026年11月18日10:00-9:00")
    assert item.end is None


def test_month_day_takes_the_year_of_the_preceding_full_date() -> None:
    hits = find_dates("公告日期2026年11月10日。展示时间11月18日，拍卖时间11月22日上午10时。")
    assert [hit.value for hit in hits] == [D(2026, 11, 10), D(2026, 11, 18), T(2026, 11, 22, 10)]
    assert [hit.year_inferred for hit in hits] == [False, True, True]


def test_month_day_rolls_into_the_next_year() -> None:
    hits = find_dates("2026年12月20日发布，定于1月5日拍卖")
    assert hits[1].value == D(2027, 1, 5)


def test_month_day_uses_the_default_year_when_nothing_precedes() -> None:
    assert parse_date("11月22日", default_year=2030) == D(2030, 11, 22)
    assert parse_date("十一月二十二日", default_year=2030) == D(2030, 11, 22)


def test_month_day_falls_back_to_a_following_full_date() -> None:
    hits = find_dates("展示11月18日，落款2026年11月10日")
    assert hits[0].value == D(2026, 11, 18)


def test_month_day_without_any_year_is_not_a_date() -> None:
    assert find_dates("11月22日") == []


def test_hit_spans() -> None:
    text = "定于2026年11月22日上午10时在"
    (hit,) = find_dates(text)
    assert text[hit.start : hit.end] == "2026年11月22日上午10时"
    assert hit.has_time
    assert hit.day == D(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00", dt.time(10)),
        ("下午3点半", dt.time(15, 30)),
        ("上午十时", dt.time(10)),
        ("晚上8时15分", dt.time(20, 15)),
        ("24:00", dt.time(0)),
        ("无时间", None),
    ],
)
def test_parse_time(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("22", 22), ("二十二", 22), ("十一", 11), ("十", 10), ("三十", 30), ("零", 0), ("九", 9)],
)
def test_chinese_number(text: str, value: int) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "十十", "一二", "百", "二十二十"])
def test_chinese_number_refuses(text: str) -> None:
    assert chinese_number(text) is None


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # before a later full date: the year that puts the month-day nearest it
        ("本场于12月6日开槌，下季征集截至2026年3月31日。", dt.date(2025, 12, 6)),
        ("请于12月20日前报名，拍卖时间2027年1月8日上午十时。", dt.date(2026, 12, 20)),
        ("定于3月5日拍卖，公告日期2026年2月20日。", dt.date(2026, 3, 5)),
    ],
)
def test_a_month_day_before_any_full_date_takes_the_nearest_year(text: str, first: dt.date) -> None:
    hit = find_dates(text)[0]
    assert hit.value == first and hit.year_inferred
