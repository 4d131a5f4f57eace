"""The iCalendar writer, validated with the ``icalendar`` parser (a test dependency)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from paimai_docs.holidays import ENV_HOLIDAYS_DIR, HolidayCalendar
from paimai_docs.ics import deadlines_to_ics, escape_text, fold_line, plan_to_ics
from paimai_docs.plan import plan, reporting

D = dt.date
CAL = HolidayCalendar.builtin()


@pytest.fixture(autouse=True)
def _isolated_holiday_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_HOLIDAYS_DIR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))


def _events(text: str) -> list[icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(text)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_plan_ics_parses_with_the_right_events() -> None:
    p = plan("SOA-ADM", D(2026, 9, 30), calendar=CAL)
    text = plan_to_ics(p)
    events = _events(text)
    assert len(events) == len(p.deadlines)
    for event, d in zip(events, p.deadlines, strict=True):
        step = f" {d.step}" if d.step else ""
        assert str(event["SUMMARY"]) == f"[{d.rule_id}{step}] {d.title_zh}"
        assert event.decoded("DTSTART") == d.due
        assert event.decoded("DTEND") == d.due + dt.timedelta(days=1)
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert str(event["DESCRIPTION"]) == d.explain("zh")
    by_rule = {str(e["SUMMARY"]).split("]")[0][1:].replace(" ", ""): e for e in events}
    assert by_rule["POST-S01c"].decoded("DTSTART") == D(2026, 10, 15)
    assert "国庆节" in str(by_rule["FILE-13"]["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0" and "paimai" in str(cal["PRODID"])


def test_output_is_rfc5545_shaped_and_deterministic() -> None:
    p = plan("JUD-OFF", D(2026, 9, 30), lot_type="immovable", calendar=CAL)
    text = plan_to_ics(p, lang="en")
    assert text == plan_to_ics(p, lang="en")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # folding never splits a character
    assert "DTSTAMP:20260930T000000Z" in text
    assert "[ANN-J01]" in text


def test_timed_event_in_beijing_time() -> None:
    p = plan("JUD-NET", dt.datetime(2026, 9, 30, 10, 0), calendar=CAL)
    text = plan_to_ics(p)
    assert "BEGIN:VTIMEZONE" in text and "TZID:Asia/Shanghai" in text
    event = next(e for e in _events(text) if "DEP-N02" in str(e["SUMMARY"]))
    start = event.decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime(2026, 10, 2, 10, 0)
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert "DTEND" not in event


def test_alarm() -> None:
    p = plan("COM", D(2026, 9, 30), calendar=CAL)
    events = _events(plan_to_ics(p, alarm_days=2))
    alarms = [c for e in events for c in e.subcomponents if c.name == "VALARM"]
    assert len(alarms) == len(events)
    assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=2)


def test_reporting_ics() -> None:
    deadlines = reporting(2026, CAL)
    text = deadlines_to_ics(
        deadlines, name="报送", seed="r", dtstamp=dt.datetime(2026, 1, 1), alarm_days=0
    )
    events = _events(text)
    assert [e.decoded("DTSTART") for e in events] == [d.due for d in deadlines]
    assert D(2026, 10, 8) in [e.decoded("DTSTART") for e in events]


def test_escaping_round_trips() -> None:
    tricky = "备案, 公告; 路径 C:\\temp\n第二行"
    assert escape_text(tricky) == "备案\\, 公告\\; 路径 C:\\\\temp\\n第二行"
    p = plan("COM", D(2026, 9, 30), calendar=CAL)
    d = p.deadlines[0].model_copy(update={"title_zh": tricky})
    text = deadlines_to_ics([d], name="x,y", seed="s", dtstamp=dt.datetime(2026, 1, 1))
    event = _events(text)[0]
    assert str(event["SUMMARY"]) == f"[{d.rule_id}] {tricky}"


def test_fold_line() -> None:
    assert fold_line("SUMMARY:short") == "SUMMARY:short"
    long = "DESCRIPTION:" + "国庆节" * 40
    folded = fold_line(long)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == long
