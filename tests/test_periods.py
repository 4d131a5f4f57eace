"""Period counting under 民法典 arts. 200–204, checked against dates computed by hand from the
official 2026 schedule (National Day 1–7 October; make-up working days Sun 20 Sep and Sat 10 Oct;
Mid-Autumn 25–27 September)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paimai_docs.errors import CalendarYearNotCovered, InvalidValue
from paimai_docs.holidays import ENV_HOLIDAYS_DIR, HolidayCalendar
from paimai_docs.periods import (
    add_days,
    add_hours,
    add_months,
    add_working_days,
    days_before,
    fixed_date,
    format_day,
    latest_start_before,
    working_days_before,
)

D = dt.date
FIXTURE_2027 = Path(__file__).parent / "fixtures" / "holidays" / "2027-test-fixture.yaml"
CAL = HolidayCalendar.builtin()
CAL_2027 = CAL.with_files(FIXTURE_2027)
STRICT = HolidayCalendar.builtin(provisional=False)  # refuses a year without official data


@pytest.fixture(autouse=True)
def _isolated_holiday_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_HOLIDAYS_DIR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))


def test_format_day() -> None:
    assert format_day(D(2026, 10, 9)) == "2026年10月09日 周五"
    assert format_day(D(2026, 10, 9), "en") == "Fri 9 Oct 2026"
    assert format_day(dt.datetime(2026, 10, 9, 10, 5)) == "2026年10月09日 周五 10:05"


# --------------------------------------------------------------------------------------------
# Forward: days
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        (D(2026, 9, 30), 7, D(2026, 10, 8)),  # nominal 7 Oct (国庆节) rolls to Thu 8 Oct
        (D(2026, 9, 30), 3, D(2026, 10, 8)),  # nominal 3 Oct rolls over five holiday days
        (D(2026, 9, 30), 1, D(2026, 10, 8)),  # even a 1-day period
        (D(2026, 10, 2), 8, D(2026, 10, 10)),  # ends on the make-up Saturday: no roll
        (D(2026, 10, 4), 7, D(2026, 10, 12)),  # nominal Sun 11 Oct rolls to Mon 12 Oct
        (D(2026, 9, 18), 7, D(2026, 9, 28)),  # nominal 25 Sep (中秋) → 28 Sep
        (D(2026, 9, 13), 7, D(2026, 9, 20)),  # Sun 20 Sep is a make-up working day: no roll
        (D(2026, 10, 9), 7, D(2026, 10, 16)),  # ordinary week
        (D(2026, 5, 30), 7, D(2026, 6, 8)),  # nominal Sat 6 Jun → Mon 8 Jun
    ],
)
def test_add_days_hand_computed(start: dt.date, n: int, end: dt.date) -> None:
    assert add_days(start, n, CAL).end == end


def test_add_days_explains_the_roll_over() -> None:
    r = add_days(D(2026, 9, 30), 3, CAL)
    assert r.nominal_end == D(2026, 10, 3)
    assert [s.date for s in r.skipped] == [D(2026, 10, d) for d in range(3, 8)]
    assert all(s.action == "rolled" and s.holiday_name == "国庆节" for s in r.skipped)
    text = r.explain()
    assert "2026年09月30日 周三（当日不计入）" in text
    assert "2026年10月03日 周六：国庆节（法定休假日）" in text
    assert "届满日：2026年10月08日 周四" in text
    assert "民法典第二百零一条" in text and "chinesecalendar" in text
    en = r.explain("en")
    assert "National Day" in en and "Last day: Thu 8 Oct 2026" in en
    assert r.calendar_sources == {2026: CAL.source_of(2026)}


def test_narrow_reading_does_not_roll_over_weekends() -> None:
    import dataclasses

    narrow = dataclasses.replace(CAL, weekends_are_statutory_holidays=False)
    assert add_days(D(2026, 5, 30), 7, narrow).end == D(2026, 6, 6)
    assert add_days(D(2026, 9, 30), 7, narrow).end == D(2026, 10, 8)


# --------------------------------------------------------------------------------------------
# Forward: months
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        (D(2026, 3, 15), 1, D(2026, 4, 15)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # month end; Sat 28 Feb is a make-up working day
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 9, 7), 1, D(2026, 10, 8)),  # nominal 7 Oct rolls over
        (D(2026, 8, 30), 1, D(2026, 9, 30)),
        (D(2026, 12, 31), 2, D(2027, 2, 28)),  # needs 2027 data (fixture): Sun → see below
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # leap day + 1 year
    ],
)
def test_add_months_hand_computed(start: dt.date, n: int, end: dt.date) -> None:
    if end.year == 2027:
        # 28 Feb 2027 is a Sunday: the fixture has no data making it a working day → 1 Mar.
        assert add_months(start, n, CAL_2027).end == D(2027, 3, 1)
        assert add_months(start, n, CAL_2027).nominal_end == end
        with pytest.raises(CalendarYearNotCovered):
            add_months(start, n, STRICT)
        provisional = add_months(start, n, CAL)  # 2027: computed from the statutory days
        assert provisional.end == D(2027, 3, 1) and provisional.provisional
    else:
        assert add_months(start, n, CAL).end == end


def test_add_months_without_roll_needs_no_data() -> None:
    r = add_months(D(2026, 11, 30), 60, roll=False)
    assert r.end == D(2031, 11, 30) and r.calendar_sources == {}


# --------------------------------------------------------------------------------------------
# Forward: working days
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2026, 9, 30), 2, D(2026, 10, 9)),
        (D(2026, 9, 30), 3, D(2026, 10, 10)),  # the make-up Saturday counts
        (D(2026, 9, 30), 4, D(2026, 10, 12)),
        (D(2026, 10, 9), 5, D(2026, 10, 15)),  # 10 (Sat, make-up), 12, 13, 14, 15
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # Sun 20 Sep is a make-up working day
        (D(2026, 9, 24), 1, D(2026, 9, 28)),  # over 中秋 25–27 Sep
        (D(2026, 10, 15), 3, D(2026, 10, 20)),
        (D(2026, 10, 3), 1, D(2026, 10, 8)),  # start inside the block
    ],
)
def test_add_working_days_hand_computed(start: dt.date, n: int, end: dt.date) -> None:
    assert add_working_days(start, n, CAL).end == end


def test_add_working_days_lists_skipped_and_makeup_days() -> None:
    r = add_working_days(D(2026, 9, 30), 4, CAL)
    skipped = [s.date for s in r.skipped]
    assert skipped == [*(D(2026, 10, d) for d in range(1, 8)), D(2026, 10, 11)]
    counted = [s for s in r.steps if s.action == "counted"]
    assert [s.date for s in counted] == [D(2026, 10, 10)]
    text = r.explain()
    assert "国庆节，不是工作日，不计入" in text
    assert "2026年10月10日 周六：调休上班（国庆节），计为工作日" in text
    assert "2026年10月11日 周日：周末" in text


# --------------------------------------------------------------------------------------------
# Backward
# --------------------------------------------------------------------------------------------


def test_days_before_default_and_clear_days() -> None:
    r = days_before(D(2026, 10, 9), 7, CAL)
    assert r.end == D(2026, 10, 2)  # a holiday, but a backward deadline never rolls forward
    assert r.advisory_end == D(2026, 9, 30)
    assert "不因节假日顺延" in r.rule_text
    assert "国庆节" in r.explain() and "2026年09月30日 周三" in r.explain()
    assert days_before(D(2026, 10, 9), 7, CAL, clear_days=True).end == D(2026, 10, 1)
    plain = days_before(D(2026, 10, 20), 5, CAL)
    assert plain.end == D(2026, 10, 15) and plain.advisory_end is None
    # advisory lands on the make-up Saturday
    assert days_before(D(2026, 10, 12), 1, CAL).advisory_end == D(2026, 10, 10)


@pytest.mark.parametrize(
    ("event", "n", "end"),
    [
        (D(2026, 10, 12), 1, D(2026, 10, 10)),  # the make-up Saturday
        (D(2026, 10, 8), 1, D(2026, 9, 30)),  # over the whole block
        (D(2026, 10, 9), 2, D(2026, 9, 30)),
        (D(2026, 9, 21), 1, D(2026, 9, 20)),  # Sunday 20 Sep works
        (D(2026, 9, 28), 1, D(2026, 9, 24)),  # over 中秋
    ],
)
def test_working_days_before_hand_computed(event: dt.date, n: int, end: dt.date) -> None:
    assert working_days_before(event, n, CAL).end == end


def test_latest_start_before() -> None:
    # Publish by 3 Oct: 4 Oct + 7 = Sun 11 Oct, which rolls to Mon 12 Oct (the event itself).
    r = latest_start_before(D(2026, 10, 12), 7, CAL)
    assert r.end == D(2026, 10, 3)
    assert r.period is not None and r.period.end == D(2026, 10, 10)
    assert "2026年10月04日 周日：若自此日起算" in r.explain()
    assert latest_start_before(D(2026, 9, 30), 7, CAL).end == D(2026, 9, 22)
    wd = latest_start_before(D(2026, 10, 20), 20, CAL, unit="working_day")
    assert wd.end == D(2026, 9, 15)
    assert latest_start_before(D(2026, 9, 30), 20, CAL, unit="working_day").end == D(2026, 9, 1)


def test_fixed_date_rolls_over() -> None:
    assert fixed_date(D(2026, 10, 6), CAL).end == D(2026, 10, 8)
    assert fixed_date(D(2026, 9, 6), CAL).end == D(2026, 9, 7)
    assert fixed_date(D(2026, 11, 6), CAL).end == D(2026, 11, 6)


def test_add_hours_does_not_roll() -> None:
    r = add_hours(dt.datetime(2026, 9, 30, 10, 0), 24)
    assert r.end == dt.datetime(2026, 10, 1, 10, 0)  # a holiday: hours are not rolled over
    assert r.calendar_sources == {}
    assert "不因节假日顺延" in r.explain()
    with pytest.raises(InvalidValue):
        add_hours(D(2026, 9, 30), 24)  # type: ignore[arg-type]


def test_invalid_lengths() -> None:
    for bad in (-1, 1.5, True):
        with pytest.raises(InvalidValue):
            add_days(D(2026, 1, 5), bad, CAL)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        working_days_before(D(2026, 1, 5), 0, CAL)


def test_2027_refused_without_data_and_handled_with_fixture() -> None:
    with pytest.raises(CalendarYearNotCovered):
        add_days(D(2026, 12, 28), 7, STRICT)
    # a backward count never rolls over: no data only means no working-day note
    back = days_before(D(2027, 1, 11), 7, STRICT)
    assert back.end == D(2027, 1, 4) and back.calendar_sources == {} and not back.provisional
    r = add_days(D(2027, 1, 11), 7, CAL_2027)  # nominal Mon 18 Jan, in the fixture's block
    assert r.end == D(2027, 1, 21)
    assert r.calendar_sources == {2027: "test fixture, not official"}
    assert "测试假日" in r.explain()
    assert add_working_days(D(2027, 1, 22), 1, CAL_2027).end == D(2027, 1, 23)


# --------------------------------------------------------------------------------------------
# Properties over the whole built-in range
# --------------------------------------------------------------------------------------------

_DAYS = st.dates(min_value=D(2004, 2, 1), max_value=D(2026, 11, 15))


@settings(max_examples=150, deadline=None)
@given(start=_DAYS, n=st.integers(min_value=0, max_value=30))
def test_property_add_days(start: dt.date, n: int) -> None:
    r = add_days(start, n, CAL)
    end = r.end_date
    nominal = start + dt.timedelta(days=n)
    assert end >= nominal
    assert not CAL.is_statutory_holiday(end)
    d = nominal
    while d < end:
        assert CAL.is_statutory_holiday(d)
        d += dt.timedelta(days=1)
    assert len(r.skipped) == (end - nominal).days


@settings(max_examples=150, deadline=None)
@given(start=_DAYS, n=st.integers(min_value=1, max_value=20))
def test_property_working_days(start: dt.date, n: int) -> None:
    end = add_working_days(start, n, CAL).end_date
    assert CAL.is_working_day(end)
    count = sum(
        CAL.is_working_day(start + dt.timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )
    assert count == n
    back = working_days_before(end, n, CAL).end_date
    assert back <= start
    if CAL.is_working_day(start):
        assert back == start


@settings(max_examples=100, deadline=None)
@given(event=st.dates(min_value=D(2004, 3, 1), max_value=D(2026, 12, 31)), n=st.integers(1, 20))
def test_property_latest_start(event: dt.date, n: int) -> None:
    s = latest_start_before(event, n, CAL).end_date
    assert add_days(s, n, CAL).end_date < event
    assert add_days(s + dt.timedelta(days=1), n, CAL).end_date >= event


@settings(max_examples=100, deadline=None)
@given(event=_DAYS, n=st.integers(0, 40), clear=st.booleans())
def test_property_days_before(event: dt.date, n: int, clear: bool) -> None:
    if event - dt.timedelta(days=n + 1) < D(2004, 1, 15):
        return
    r = days_before(event, n, CAL, clear_days=clear)
    assert r.end == event - dt.timedelta(days=n + (1 if clear else 0))
    if r.advisory_end is not None:
        assert r.advisory_end < r.end and CAL.is_working_day(r.advisory_end)
