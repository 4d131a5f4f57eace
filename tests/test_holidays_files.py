"""Holiday files as users write them: every problem names the file, the line and the value; a
bad file in a holiday folder is skipped with a warning and the rest keeps working."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paimai_docs.cli import main
from paimai_docs.holidays import (
    ENV_HOLIDAYS_DIR,
    HolidayCalendar,
    HolidayDataError,
    load_holiday_file,
)

FIXTURE_2027 = Path(__file__).parent / "fixtures" / "holidays" / "2027-test-fixture.yaml"

GOOD_2028 = """year: 2028
source: test fixture, not official
holidays:
  - name: 元旦
    dates: [2028-01-01]
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return int(code), out, err


@pytest.mark.parametrize("bad", ["2027-02-30", "2027-13-01"])
def test_impossible_date_names_file_line_and_value(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(GOOD_2028.replace("2028", "2027").replace("2027-01-01", bad), encoding="utf-8")
    with pytest.raises(HolidayDataError) as info:
        load_holiday_file(path)
    zh, en = info.value.message("zh"), info.value.message("en")
    assert str(path) in zh and "第5行" in zh and bad in zh and "日期不存在" in zh
    assert "line 5" in en and bad in en and "no such date" in en
    assert "/ " not in zh.split("\n", 1)[1]  # one language at a time


def test_field_problems_have_lines(tmp_path: Path) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(GOOD_2028 + "makeup_workdays: [2028-01-05]\nsourse: x\n", encoding="utf-8")
    with pytest.raises(HolidayDataError) as info:
        load_holiday_file(path)
    text = info.value.message("zh")
    assert "第7行" in text and "sourse" in text and "未知的键" in text
    path.write_text(GOOD_2028 + "makeup_workdays: [2028-01-05]\n", encoding="utf-8")
    with pytest.raises(HolidayDataError) as info:
        load_holiday_file(path)
    text = info.value.message("zh")
    assert "第6行" in text and "调休上班日应为周六或周日" in text


def test_json_syntax_in_our_words(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text('{"year": 2028,}', encoding="utf-8")
    with pytest.raises(HolidayDataError) as info:
        load_holiday_file(path)
    assert "第1行" in str(info.value) and "Expecting" not in info.value.message("en")


def test_bad_file_in_folder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "holidays"
    folder.mkdir()
    (folder / "2028.yaml").write_text(GOOD_2028, encoding="utf-8")
    (folder / "bad.yaml").write_text(
        GOOD_2028.replace("2028-01-01", "2028-02-30"), encoding="utf-8"
    )
    monkeypatch.setenv(ENV_HOLIDAYS_DIR, str(folder))
    calendar = HolidayCalendar.load(include_user_dir=False)
    assert calendar.covers(2028) and calendar.covers(2026)
    assert [e.path for e in calendar.skipped] == [str(folder / "bad.yaml")]


def test_plan_and_check_keep_working_with_a_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "holidays"
    folder.mkdir()
    (folder / "bad.yaml").write_text("year: 2027\nsource: x\nholidays:\n  - name: a\n"
                                     "    dates: [2027-02-30]\n", encoding="utf-8")  # fmt: skip
    monkeypatch.setenv(ENV_HOLIDAYS_DIR, str(folder))
    code, out, err = run(capsys, "plan", "--scope", "COM", "--auction-date", "2026-10-09")
    assert code == 0 and "拍卖期限计划" in out
    assert "bad.yaml" in err and "第5行" in err and "2027-02-30" in err and "Traceback" not in err
    code, _, err = run(capsys, "calendar", "status")
    assert code == 0 and "bad.yaml" in err


def test_a_named_bad_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("year: 2027\nsource: x\nholidays: [{name: a, dates: [2027-13-01]}]\n",
                    encoding="utf-8")  # fmt: skip
    code, _, err = run(capsys, "--lang", "en", "plan", "--scope", "COM", "--auction-date",
                       "2027-01-11", "--holidays", str(path))  # fmt: skip
    assert code == 2 and "line 3" in err and "2027-13-01" in err


def test_the_fixture_still_loads() -> None:
    assert [y.year for y in load_holiday_file(FIXTURE_2027)] == [2027]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
def test_any_text_is_a_holiday_error_or_years(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(HolidayDataError):
        load_holiday_file(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    year=st.integers(-5, 3000) | st.text(max_size=6),
    day=st.text(alphabet="0123456789-:T ", max_size=16),
    key=st.sampled_from(["dates", "date", "start", "end", "x"]),
)
def test_any_holiday_entry_is_a_holiday_error_or_years(
    tmp_path: Path, year: object, day: str, key: str
) -> None:
    path = tmp_path / "entry.yaml"
    path.write_text(f"year: {year}\nsource: s\nholidays:\n  - name: a\n    {key}: {day}\n",
                    encoding="utf-8")  # fmt: skip
    with contextlib.suppress(HolidayDataError):
        load_holiday_file(path)
