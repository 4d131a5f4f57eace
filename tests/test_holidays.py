"""The official calendar: built-in 2026 data against the published notice, holiday files,
coverage, and the refusal of years without data."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from paimai_docs.commands.calendar import register as register_calendar
from paimai_docs.commands.calendar import run as run_calendar
from paimai_docs.errors import CalendarYearNotCovered, InvalidValue
from paimai_docs.holidays import (
    ENV_HOLIDAYS_DIR,
    DayKind,
    HolidayCalendar,
    HolidayDataError,
    builtin_source,
    default_calendar,
    load_holiday_file,
)

FIXTURE_2027 = Path(__file__).parent / "fixtures" / "holidays" / "2027-test-fixture.yaml"
D = dt.date


@pytest.fixture(autouse=True)
def _isolated_holiday_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read the developer's own holiday directories."""
    monkeypatch.delenv(ENV_HOLIDAYS_DIR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))


@pytest.fixture(scope="module")
def cal() -> HolidayCalendar:
    return HolidayCalendar.builtin()


def _days(start: dt.date, end: dt.date) -> set[dt.date]:
    return {start + dt.timedelta(days=i) for i in range((end - start).days + 1)}


# The 2026 schedule as published by the State Council General Office on 2025-11-04
# (国务院办公厅关于2026年部分节假日安排的通知, Xinhua), typed in by hand from the notice.
OFFICIAL_2026_HOLIDAYS = {
    "元旦": _days(D(2026, 1, 1), D(2026, 1, 3)),
    "春节": _days(D(2026, 2, 15), D(2026, 2, 23)),
    "清明": _days(D(2026, 4, 4), D(2026, 4, 6)),
    "劳动节": _days(D(2026, 5, 1), D(2026, 5, 5)),
    "端午": _days(D(2026, 6, 19), D(2026, 6, 21)),
    "中秋": _days(D(2026, 9, 25), D(2026, 9, 27)),
    "国庆节": _days(D(2026, 10, 1), D(2026, 10, 7)),
}
OFFICIAL_2026_MAKEUP = {
    D(2026, 1, 4): "元旦",  # Sunday
    D(2026, 2, 14): "春节",  # Saturday
    D(2026, 2, 28): "春节",  # Saturday
    D(2026, 5, 9): "劳动节",  # Saturday
    D(2026, 9, 20): "国庆节",  # Sunday
    D(2026, 10, 10): "国庆节",  # Saturday
}


def test_builtin_2026_matches_the_published_notice(cal: HolidayCalendar) -> None:
    data = cal.year_data(2026)
    expected = {d: name for name, days in OFFICIAL_2026_HOLIDAYS.items() for d in days}
    assert dict(data.holidays) == expected
    assert dict(data.makeup_workdays) == OFFICIAL_2026_MAKEUP
    assert sum(len(v) for v in OFFICIAL_2026_HOLIDAYS.values()) == 33


def test_2026_october_block_and_its_makeup_days(cal: HolidayCalendar) -> None:
    for day in _days(D(2026, 10, 1), D(2026, 10, 7)):
        st = cal.day_status(day)
        assert st.kind is DayKind.HOLIDAY and st.holiday_name == "国庆节"
        assert not cal.is_working_day(day) and cal.is_statutory_holiday(day)
    for day in (D(2026, 9, 20), D(2026, 10, 10)):  # Sunday and Saturday made working days
        st = cal.day_status(day)
        assert st.kind is DayKind.MAKEUP_WORKDAY and st.holiday_name == "国庆节"
        assert cal.is_working_day(day) and not cal.is_statutory_holiday(day)
    assert cal.day_status(D(2026, 10, 11)).kind is DayKind.WEEKEND
    assert cal.day_status(D(2026, 10, 8)).kind is DayKind.WORKDAY
    assert cal.day_status(D(2026, 9, 26)).holiday_name == "中秋"


def test_day_status_labels(cal: HolidayCalendar) -> None:
    assert cal.day_status(D(2026, 10, 10)).label() == "调休上班（国庆节）"
    assert cal.day_status(D(2026, 10, 10)).label("en") == "make-up working day (National Day)"
    assert cal.day_status(D(2026, 10, 3)).label() == "国庆节"
    assert cal.day_status(D(2026, 10, 11)).label() == "周末"
    assert cal.day_status(D(2026, 10, 12)).label("en") == "working day"


def test_weekends_are_statutory_holidays_by_default_but_configurable(cal: HolidayCalendar) -> None:
    saturday = D(2026, 6, 6)
    assert cal.is_statutory_holiday(saturday)
    narrow = dataclasses.replace(cal, weekends_are_statutory_holidays=False)
    assert not narrow.is_statutory_holiday(saturday)
    assert narrow.is_statutory_holiday(D(2026, 10, 3))  # a holiday-block Saturday still counts
    assert not narrow.is_working_day(saturday)


def test_covered_years_and_sources(cal: HolidayCalendar) -> None:
    covered = cal.covered_years()
    assert min(covered) == 2004 and max(covered) == 2026
    assert set(covered) == set(range(2004, 2027))
    assert covered[2026] == builtin_source()
    assert builtin_source().startswith("chinesecalendar 1.")
    assert all(c.builtin and c.overrides is None for c in cal.coverage())


def test_year_without_data_is_refused_explicitly(cal: HolidayCalendar) -> None:
    cal = HolidayCalendar.builtin(provisional=False)
    with pytest.raises(CalendarYearNotCovered) as info:
        cal.is_working_day(D(2027, 1, 4))
    exc = info.value
    assert exc.code == "calendar_year_not_covered"
    text = str(exc)
    assert "2027" in text and "--holidays" in text and "节假日文件" in text
    english = exc.message("en")  # type: ignore[attr-defined]
    assert "No holiday data for 2027" in english and "2004–2026" in english
    with pytest.raises(CalendarYearNotCovered):
        cal.day_status(D(2003, 12, 31))
    with pytest.raises(CalendarYearNotCovered):
        cal.is_statutory_holiday(D(2003, 12, 31))
    with pytest.raises(CalendarYearNotCovered):
        cal.year_data(2003)


def test_fixture_file_supplies_2027(cal: HolidayCalendar) -> None:
    with_2027 = cal.with_files(FIXTURE_2027)
    assert with_2027.covered_years()[2027] == "test fixture, not official"
    assert 2027 not in cal.covered_years()  # the original calendar is unchanged
    st = with_2027.day_status(D(2027, 1, 19))
    assert st.kind is DayKind.HOLIDAY and st.holiday_name == "测试假日"
    assert with_2027.day_status(D(2027, 1, 23)).kind is DayKind.MAKEUP_WORKDAY
    assert with_2027.is_working_day(D(2027, 1, 4))
    assert with_2027.next_working_day(D(2027, 1, 15)) == D(2027, 1, 21)
    assert with_2027.previous_working_day(D(2027, 1, 25)) == D(2027, 1, 23)


def test_calendar_is_immutable(cal: HolidayCalendar) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        cal.weekends_are_statutory_holidays = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        cal.years[2027] = cal.years[2026]  # type: ignore[index]
    with pytest.raises(TypeError):
        cal.years[2026].holidays[D(2026, 3, 2)] = "x"  # type: ignore[index]


# --------------------------------------------------------------------------------------------
# Holiday files
# --------------------------------------------------------------------------------------------


def _write(path: Path, data: object) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        import yaml

        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _year(year: int, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "year": year,
        "source": f"test data {year}",
        "holidays": [{"name": "元旦", "dates": [f"{year}-01-01"]}],
    }
    data.update(extra)
    return data


def test_json_file_with_several_years_and_ranges(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "multi.json",
        {
            "years": [
                _year(2028, makeup_workdays=["2028-01-08", {"date": "2028-01-09", "name": "x"}]),
                _year(
                    2029, holidays=[{"name": "国庆节", "start": "2029-10-01", "end": "2029-10-07"}]
                ),
            ]
        },
    )
    years = load_holiday_file(path)
    assert [y.year for y in years] == [2028, 2029]
    assert dict(years[0].makeup_workdays) == {D(2028, 1, 8): None, D(2028, 1, 9): "x"}
    assert len(years[1].holidays) == 7
    assert years[1].origin == str(path)


def test_top_level_list_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("\ufeff" + json.dumps([_year(2030)]), encoding="utf-8")
    assert [y.year for y in load_holiday_file(path)] == [2030]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            _year(2027, holidays=[{"name": "元旦", "start": "2027-01-03", "end": "2027-01-01"}]),
            "holidays[0]",
        ),
        (_year(2027, holidays=[{"name": "元旦", "dates": ["2027-1-1"]}]), "holidays[0].dates[0]"),
        (_year(2027, makeup_workday=["2027-01-09"]), "makeup_workday"),
        (_year(2027, makeup_workdays=["2027-01-06"]), "调休上班日应为周六或周日"),
        (_year(2027, holidays=[{"name": "元旦", "dates": ["2028-01-01"]}]), "不在 2027 年"),
        ({"year": 2027, "holidays": []}, "source"),
        (_year(2027, makeup_workdays=["2027-01-01"]), "同时列为放假日"),
    ],
)
def test_invalid_files_name_the_file_and_field(
    tmp_path: Path, data: dict[str, object], expected: str
) -> None:
    path = _write(tmp_path / "bad-2027.yaml", data)
    with pytest.raises(HolidayDataError) as info:
        load_holiday_file(path)
    assert isinstance(info.value, InvalidValue)
    message = str(info.value)
    assert str(path) in message
    assert expected in message


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("year: 2027\nsource: x\nholidays: [\n  - oops: : :\n", encoding="utf-8")
    with pytest.raises(HolidayDataError) as info:
        load_holiday_file(path)
    assert "YAML" in str(info.value) and "行" in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(HolidayDataError, match="文件不存在"):
        load_holiday_file(tmp_path / "nope.json")


def test_same_year_twice_at_one_level_is_an_error(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", _year(2027))
    b = _write(tmp_path / "b.json", _year(2027))
    with pytest.raises(HolidayDataError, match="2027"):
        HolidayCalendar.load([a, b], include_env=False, include_user_dir=False)


def test_user_file_overrides_builtin_year_and_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path / "2026-fix.yaml", _year(2026))
    cal = HolidayCalendar.load([path], include_env=False, include_user_dir=False)
    coverage = {c.year: c for c in cal.coverage()}
    assert coverage[2026].source == "test data 2026"
    assert coverage[2026].overrides is not None and "chinesecalendar" in coverage[2026].overrides
    assert cal.is_working_day(D(2026, 10, 5))  # the replacement data has no October block


def test_env_dir_and_user_dir_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_dir = tmp_path / "env"
    env_dir.mkdir()
    _write(env_dir / "2027.json", _year(2027))
    (env_dir / "readme.txt").write_text("not a holiday file", encoding="utf-8")
    monkeypatch.setenv(ENV_HOLIDAYS_DIR, str(env_dir))
    assert default_calendar().covered_years()[2027] == "test data 2027"

    monkeypatch.delenv(ENV_HOLIDAYS_DIR)
    user_dir = tmp_path / "xdg" / "paimai" / "holidays"
    user_dir.mkdir(parents=True)
    _write(user_dir / "2028.yaml", _year(2028))
    cal = default_calendar()
    assert 2028 in cal.covered_years() and 2027 not in cal.covered_years()


def test_explicit_file_beats_env_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_dir = tmp_path / "env"
    env_dir.mkdir()
    _write(env_dir / "2027.json", _year(2027))
    monkeypatch.setenv(ENV_HOLIDAYS_DIR, str(env_dir))
    cal = default_calendar([FIXTURE_2027])
    assert cal.covered_years()[2027] == "test fixture, not official"
    assert {c.year: c.overrides for c in cal.coverage()}[2027] is not None


# --------------------------------------------------------------------------------------------
# paimai calendar
# --------------------------------------------------------------------------------------------


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh")
    sub = parser.add_subparsers()
    register_calendar(sub)
    args = parser.parse_args(argv)
    code: int = run_calendar(args)
    return code


def test_cli_status_lists_years_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["calendar", "status", "--holidays", str(FIXTURE_2027)]) == 0
    out = capsys.readouterr().out
    assert "2004–2026" in out and builtin_source() in out
    assert "2027" in out and "test fixture, not official" in out and str(FIXTURE_2027) in out

    assert _run(["calendar", "status", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [y["year"] for y in data["years"]] == list(range(2004, 2027))


def test_cli_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["calendar", "explain", "2026-10-10"]) == 0
    out = capsys.readouterr().out
    assert "2026年10月10日 周六" in out and "调休上班日（国庆节）" in out and "工作日：是" in out
    assert _run(["--lang", "en", "calendar", "explain", "2026-10-05"]) == 0
    assert "National Day" in capsys.readouterr().out
    assert _run(["calendar", "explain", "2027-01-05"]) == 0  # provisional, and says so
    assert "暂定" in capsys.readouterr().out
    assert _run(["calendar", "explain", "2003-01-05"]) == 2  # before the built-in data
    assert "2003" in capsys.readouterr().err


def test_cli_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["calendar", "validate", str(FIXTURE_2027)]) == 0
    assert "2027" in capsys.readouterr().out
    bad = _write(tmp_path / "bad.json", _year(2027, extra_key=1))
    assert _run(["calendar", "validate", str(bad)]) == 2
    assert "extra_key" in capsys.readouterr().err


def test_cli_bad_holiday_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _write(tmp_path / "bad.json", {"year": 2027})
    assert _run(["calendar", "status", "--holidays", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err
