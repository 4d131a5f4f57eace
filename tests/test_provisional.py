"""The provisional (暂定) calendar: statutory holidays of the 2024 regulation for years without an
official schedule, checked against the official data of 2020–2026 (chinesecalendar)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paimai_docs.holidays import DayKind, HolidayCalendar
from paimai_docs.periods import add_days, add_working_days, days_before, working_days_before
from paimai_docs.provisional import BOUNDS, PROVISIONAL_SOURCE, statutory_days, zones

D = dt.date
OFFICIAL = HolidayCalendar.builtin(provisional=False)
CAL = HolidayCalendar.builtin()
# 2025 and 2026 (the current law's official years) treated as if not yet published
PRETEND = HolidayCalendar({y: d for y, d in OFFICIAL.years.items() if y < 2025})


@pytest.mark.parametrize("year", range(2020, 2027))
def test_statutory_days_are_rest_days_in_official_years(year: int) -> None:
    days = statutory_days(year)
    assert len(days) in (12, 13)  # 13, or 12 when 中秋 falls on 1–3 October
    if year < 2025:  # the 2013 text: no 除夕, one day of 劳动节
        eve = min(d for d, n in days.items() if n == "春节")
        days = {d: n for d, n in days.items() if d not in (eve, D(year, 5, 2))}
    for day, name in days.items():
        status = OFFICIAL.day_status(day)
        assert not status.is_working_day, (day, name)
        # the lunar and solar-term days carry their own name in the official data
        if name in ("清明节", "端午节") or (name == "春节" and year >= 2025):
            assert status.holiday_name and status.holiday_name[:2] == name[:2], (day, status)


@pytest.mark.parametrize("year", [2025, 2026])
def test_bounds_cover_the_official_schedules_of_the_current_law(year: int) -> None:
    data = OFFICIAL.year_data(year)
    for zone in zones(year):
        block = [d for d, n in data.holidays.items() if n[:2] == zone.name[:2]]
        extra = [d for d in block if d.weekday() < 5 and d not in statutory_days(year)]
        makeup = [d for d, n in data.makeup_workdays.items() if (n or "")[:2] == zone.name[:2]]
        assert len(extra) <= zone.bounds.extra_rest_max, (zone, extra)
        assert len(makeup) <= zone.bounds.makeup_max, (zone, makeup)
        assert all(zone.contains(d) for d in (*extra, *makeup)), (zone, extra, makeup)


def test_2027_statutory_days_are_rest_days_marked_provisional() -> None:
    expected = [
        D(2027, 1, 1),
        *(D(2027, 2, d) for d in (5, 6, 7, 8)),  # 除夕 to 初三
        D(2027, 4, 5),  # 清明
        D(2027, 5, 1),
        D(2027, 5, 2),
        D(2027, 6, 9),  # 端午
        D(2027, 9, 15),  # 中秋
        *(D(2027, 10, d) for d in (1, 2, 3)),
    ]
    assert sorted(statutory_days(2027)) == expected
    for day in expected:
        status = CAL.day_status(day)
        assert status.kind is DayKind.HOLIDAY and status.provisional
        assert status.statutory_holiday and not status.is_working_day
        assert status.source == PROVISIONAL_SOURCE
    plain = CAL.day_status(D(2027, 3, 10))
    assert plain.kind is DayKind.WORKDAY and plain.provisional
    assert CAL.uncertain_zones(D(2027, 3, 10)) == ()
    assert [z.name for z in CAL.uncertain_zones(D(2027, 2, 12))] == ["春节"]


def test_official_years_unchanged_and_official_data_wins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for day in (D(2026, 10, 10), D(2026, 10, 5), D(2026, 2, 14), D(2025, 1, 28)):
        assert CAL.day_status(day) == OFFICIAL.day_status(day)
        assert not CAL.day_status(day).provisional
    assert not CAL.is_provisional(2026) and CAL.is_provisional(2027)
    assert 2027 not in CAL.covered_years()
    path = tmp_path / "2027.yaml"
    path.write_text(
        "year: 2027\nsource: 官方测试\nholidays:\n  - {name: 春节, start: 2027-02-05, end: "
        "2027-02-11}\nmakeup_workdays: [2027-02-20]\n",
        encoding="utf-8",
    )
    official = CAL.with_files(path)
    assert not official.is_provisional(2027)
    status = official.day_status(D(2027, 2, 11))
    assert status.kind is DayKind.HOLIDAY and not status.provisional
    assert official.uncertain_zones(D(2027, 2, 12)) == ()
    assert not add_working_days(D(2027, 2, 1), 5, official).provisional


def test_years_outside_the_provisional_range_are_refused() -> None:
    assert not CAL.covers(2101) and not CAL.covers(2003)
    assert CAL.covers(2100)


def test_backward_day_counts_never_move() -> None:
    r = days_before(D(2027, 2, 12), 7, CAL)
    assert r.end == D(2027, 2, 5) and r.provisional
    assert r.earliest == r.latest == r.end
    assert "暂定" in r.explain() and "预计不变" in r.summary()


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 11, 30)),
    n=st.integers(min_value=1, max_value=25),
)
def test_provisional_working_day_counts_bracket_the_official_ones(start: dt.date, n: int) -> None:
    """Counted as if 2025–2026 were not published, the official answer lies in the range."""
    for count in (add_working_days, working_days_before):
        official = count(start, n, CAL).end_date  # 2025–2026 official (2027: provisional)
        guess = count(start, n, PRETEND)
        assert guess.provisional
        lo, hi = guess.earliest or guess.end_date, guess.latest or guess.end_date
        assert lo <= official <= hi, (count.__name__, start, n, guess.summary(), official)


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 11, 30)),
    n=st.integers(min_value=1, max_value=40),
)
def test_provisional_day_counts_bracket_the_official_ones(start: dt.date, n: int) -> None:
    official = add_days(start, n, CAL).end_date
    guess = add_days(start, n, PRETEND)
    lo, hi = guess.earliest or guess.end_date, guess.latest or guess.end_date
    assert lo <= official <= hi, (start, n, guess.summary(), official)


def test_bounds_table_names_every_holiday() -> None:
    assert {z.name for z in zones(2030)} == set(BOUNDS)


def test_kept_statutory_years_are_the_computed_ones(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The lunar dates are computed once per machine and kept; what is kept is what is
    computed, and a fresh process reads it back."""
    from paimai_docs import provisional

    monkeypatch.setenv("PAIMAI_CACHE_DIR", str(tmp_path))
    provisional._kept_years.cache_clear()
    provisional._statutory.cache_clear()
    years = (2024, 2031, 2047)
    first = {year: provisional._statutory(year) for year in years}
    assert list(tmp_path.glob("lunar-*.pickle"))
    provisional._kept_years.cache_clear()
    provisional._statutory.cache_clear()
    for year in years:
        assert provisional._statutory(year) == first[year] == provisional._compute_statutory(year)
    provisional._kept_years.cache_clear()
    provisional._statutory.cache_clear()
