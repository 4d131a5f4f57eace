"""The planner, scope by scope, against deadlines computed by hand from the official 2026
schedule (国庆节 1–7 Oct with make-up Sun 20 Sep and Sat 10 Oct; 中秋 25–27 Sep), and the
``paimai plan`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from paimai_docs.commands.plan import register as register_plan
from paimai_docs.commands.plan import run as run_plan
from paimai_docs.engine import get_rule, load_profile
from paimai_docs.errors import CalendarYearNotCovered, InvalidValue
from paimai_docs.holidays import ENV_HOLIDAYS_DIR, HolidayCalendar
from paimai_docs.plan import SCOPES, Plan, deadline_rules, plan, reporting

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


def _due(p: Plan) -> dict[str, dt.date]:
    out: dict[str, dt.date] = {}
    for d in p.deadlines:
        assert d.key not in out, f"{d.key} listed twice"
        out[d.key] = d.due
    return out


def _sorted(p: Plan) -> None:
    dues = [d.due for d in p.deadlines]
    assert dues == sorted(dues)


# --------------------------------------------------------------------------------------------
# Scope by scope (hand-computed)
# --------------------------------------------------------------------------------------------


def test_com_auction_before_the_october_block() -> None:
    p = plan("COM", D(2026, 9, 30), calendar=CAL)
    assert _due(p) == {
        "ANN-01": D(2026, 9, 23),
        "ANN-05": D(2026, 9, 28),
        "FILE-01": D(2026, 9, 29),  # default lead 0: before the auction day
        "FILE-03": D(2026, 10, 8),  # 30 Sep + 7 = 7 Oct (国庆节) → Thu 8 Oct
    }
    _sorted(p)
    assert not p.warnings
    file03 = next(d for d in p.deadlines if d.rule_id == "FILE-03")
    assert "国庆节" in file03.explain() and file03.basis == get_rule("FILE-03").basis


def test_com_auction_after_the_october_block() -> None:
    p = plan("COM", D(2026, 10, 12), calendar=CAL, pre_filing_lead=7)
    due = _due(p)
    assert due == {
        "ANN-01": D(2026, 10, 5),  # inside the block: no roll-over for a backward deadline
        "ANN-05": D(2026, 10, 10),
        "FILE-01": D(2026, 10, 5),  # company rule, 7 days
        "FILE-03": D(2026, 10, 19),
    }
    ann = next(d for d in p.deadlines if d.rule_id == "ANN-01")
    assert ann.counted.advisory_end == D(2026, 9, 30)
    file01 = next(d for d in p.deadlines if d.rule_id == "FILE-01")
    assert "D002" in file01.note_zh and "2001" in file01.note_zh
    assert file01.basis == get_rule("FILE-01").basis


def test_jud_off_immovable() -> None:
    p = plan("JUD-OFF", D(2026, 9, 30), lot_type="immovable", calendar=CAL)
    assert _due(p) == {
        "ANN-J04": D(2026, 9, 10),  # 5 days before the latest announcement date
        "ANN-J01": D(2026, 9, 15),  # 15 days (immovable) beats ANN-01's 7
        "NOTICE-J01": D(2026, 9, 25),  # 中秋, no roll-over
        "ANN-05": D(2026, 9, 28),
        "FILE-01": D(2026, 9, 29),
        "FILE-03": D(2026, 10, 8),
        "DEP-J02": D(2026, 10, 8),  # 30 Sep + 3 = 3 Oct → after the block
    }
    ann = next(d for d in p.deadlines if d.rule_id == "ANN-J01")
    assert ann.related_rules == ("ANN-01",)
    assert "最长提前期" in ann.note_zh
    notice = next(d for d in p.deadlines if d.rule_id == "NOTICE-J01")
    assert notice.counted.advisory_end == D(2026, 9, 24)
    _sorted(p)


def test_jud_off_movable_and_a_late_announcement() -> None:
    p = plan("JUD-OFF", D(2026, 9, 30), lot_type="movable", calendar=CAL)
    assert _due(p)["ANN-J01"] == D(2026, 9, 23)
    # no lot type: the longer (immovable) lead, never silently the 7-day one, and a note says so
    unsure = plan("JUD-OFF", D(2026, 9, 30), calendar=CAL)
    assert _due(unsure)["ANN-J01"] == D(2026, 9, 15) and unsure.lot_type == "immovable"
    note = next(n for n in unsure.notes if n.rule_id == "ANN-J01")
    assert "--lot-type" in note.message_zh and "2026年09月23日" in note.message_zh
    late = plan(
        "JUD-OFF",
        D(2026, 9, 30),
        lot_type="immovable",
        announcement_date=D(2026, 9, 20),
        calendar=CAL,
    )
    assert [(w.rule_id, w.severity) for w in late.warnings] == [("ANN-J01", "error")]
    assert "2026年09月15日" in late.warnings[0].message_zh
    assert _due(late)["ANN-J04"] == D(2026, 9, 15)  # counted from the actual announcement


def test_jud_net() -> None:
    p = plan("JUD-NET", D(2026, 10, 30), lot_type="movable", calendar=CAL)
    due = _due(p)
    assert due["ANN-N01"] == D(2026, 10, 15)  # movables: 15 days
    assert due["NOTICE-N01"] == D(2026, 10, 12)  # 3 days before the announcement
    notice = next(d for d in p.deadlines if d.rule_id == "NOTICE-N01")
    assert "2026年10月07日" in notice.note_zh  # platform posting must start 5 days earlier
    assert "ANN-05" not in due and "FILE-01" not in due

    imm = plan("JUD-NET", dt.datetime(2026, 9, 30, 10, 0), lot_type="immovable", calendar=CAL)
    due = _due(imm)
    assert due["ANN-N01"] == D(2026, 8, 31)
    assert due["NOTICE-N01"] == D(2026, 8, 28)
    dep = next(d for d in imm.deadlines if d.rule_id == "DEP-N02")
    # bidding 30 Sep 10:00 → 1 Oct 10:00 (24 h minimum); refund 24 h later, holidays or not
    assert dep.due_time == dt.datetime(2026, 10, 2, 10, 0)
    assert dep.due == D(2026, 10, 2)


def test_jud_net_warnings() -> None:
    p = plan(
        "JUD-NET",
        dt.datetime(2026, 10, 20, 10, 0),
        auction_end=dt.datetime(2026, 10, 20, 18, 0),
        announcement_date=D(2026, 10, 10),
        calendar=CAL,
    )
    rules = {w.rule_id for w in p.warnings}
    assert rules == {"ANN-N01", "ANN-N06"}
    dep = next(d for d in p.deadlines if d.rule_id == "DEP-N02")
    assert dep.due_time == dt.datetime(2026, 10, 21, 18, 0)


def test_soa_adm_auction_before_the_block() -> None:
    p = plan("SOA-ADM", D(2026, 9, 30), calendar=CAL)
    assert _due(p) == {
        "ANN-S01": D(2026, 9, 22),  # 7-day period 23–29 Sep, over before the sale
        "ANN-05": D(2026, 9, 28),
        "NOTICE-S01": D(2026, 9, 29),
        "FILE-12": D(2026, 9, 29),
        "POST-S01a": D(2026, 10, 8),  # 1 working day after 30 Sep: the block is skipped
        "FILE-13": D(2026, 10, 9),  # 2 working days: 8, 9 Oct
        "DEP-S02": D(2026, 10, 9),
        "POST-S01b": D(2026, 10, 9),
        "POST-S01c": D(2026, 10, 15),  # 5 working days: 10 (make-up Sat), 12, 13, 14, 15
        "REC-05": D(2026, 10, 20),  # 16, 19, 20
    }
    _sorted(p)
    pub = next(d for d in p.deadlines if d.key == "POST-S01c")
    text = pub.explain()
    assert "2026年10月10日 周六：调休上班（国庆节），计为工作日" in text
    assert pub.meaning == "period_end"


def test_soa_adm_auction_after_the_block() -> None:
    p = plan("SOA-ADM", D(2026, 10, 12), announcement_date=D(2026, 10, 4), calendar=CAL)
    due = _due(p)
    assert due["ANN-S01"] == D(2026, 10, 3)
    assert due["FILE-12"] == D(2026, 10, 10)  # the make-up Saturday is the working day before
    assert due["ANN-S06"] == D(2026, 10, 12)  # 4 Oct + 7 = Sun 11 Oct → Mon 12 Oct
    assert due["FILE-13"] == D(2026, 10, 14)
    assert [w.rule_id for w in p.warnings] == ["ANN-S01"]  # period not over before the sale
    assert plan("SOA-ADM", D(2026, 10, 8), calendar=CAL).deadlines  # smoke
    assert _due(plan("SOA-ADM", D(2026, 10, 8), calendar=CAL))["FILE-12"] == D(2026, 9, 30)


def test_soa_ent_disclosure_is_unverified() -> None:
    p = plan("SOA-ENT", D(2026, 9, 30), calendar=CAL)
    due = _due(p)
    assert due["ANN-E01"] == D(2026, 9, 1)  # 20 working days 2–29 Sep (Sun 20 Sep counts)
    e01 = next(d for d in p.deadlines if d.rule_id == "ANN-E01")
    assert e01.unverified and e01.confidence == "memory"
    assert "未核实" in e01.explain() and "UNVERIFIED" in e01.explain("en")
    assert _due(plan("SOA-ENT", D(2026, 10, 20), calendar=CAL))["ANN-E01"] == D(2026, 9, 15)


def test_vehicle_transfer_deadlines_and_conflict_10() -> None:
    p = plan("VEH", D(2026, 9, 7), delivery_date=D(2026, 10, 9), calendar=CAL)
    due = _due(p)
    assert due["VEH-07"] == D(2026, 10, 8)  # one month → 7 Oct (国庆节) → 8 Oct
    assert due["VEH-08"] == D(2026, 11, 9)  # 9 Oct + 30 = Sun 8 Nov → Mon 9 Nov
    assert due["ANN-01"] == D(2026, 8, 31)
    conflict = [w for w in p.warnings if w.rule_id == "VEH-08"]
    assert len(conflict) == 1 and "VEH-07" in conflict[0].message_zh
    feb = plan("VEH", D(2026, 1, 30), calendar=CAL)
    assert _due(feb)["VEH-07"] == D(2026, 2, 28)  # month end, a make-up working Saturday
    assert _due(feb)["VEH-08"] == D(2026, 3, 2)  # 30 Jan + 30 = Sun 1 Mar → Mon 2 Mar


def test_rec_01_retention_needs_no_future_calendar() -> None:
    p = plan("COM", D(2026, 9, 30), contract_end=D(2026, 11, 30), calendar=CAL)
    rec = next(d for d in p.deadlines if d.rule_id == "REC-01")
    assert rec.due == D(2031, 11, 30) and rec.meaning == "not_before"
    assert p.deadlines[-1].rule_id == "REC-01"


def test_every_scope_cites_every_deadline() -> None:
    for scope in SCOPES:
        p = plan(scope, D(2026, 9, 30), calendar=CAL)
        assert p.deadlines
        rules = deadline_rules(load_profile(scope))
        for d in p.deadlines:
            assert d.key in rules
            assert d.basis == get_rule(d.rule_id).basis and d.title_zh and d.title_en
            assert p.scope in rules[d.key].scopes
        assert p.calendar_sources == {2026: CAL.source_of(2026)}


def test_as_of_flags_past_deadlines() -> None:
    p = plan("COM", D(2026, 10, 12), calendar=CAL, as_of=D(2026, 10, 6))
    assert {w.rule_id for w in p.warnings} == {"ANN-01"}  # 5 Oct has passed


def test_bad_inputs() -> None:
    with pytest.raises(InvalidValue):
        plan("XYZ", D(2026, 9, 30), calendar=CAL)
    with pytest.raises(InvalidValue):
        plan("COM", D(2026, 9, 30), lot_type="car", calendar=CAL)
    with pytest.raises(InvalidValue):
        plan("COM", D(2026, 9, 30), auction_end=D(2026, 9, 29), calendar=CAL)


# --------------------------------------------------------------------------------------------
# 2027: refused without data, handled with a file
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scope", SCOPES)
def test_2027_refused_without_data(scope: str) -> None:
    with pytest.raises(CalendarYearNotCovered, match="2027"):
        plan(scope, D(2027, 1, 11), calendar=STRICT)


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("day", [D(2026, 12, 28), D(2027, 3, 10)])
def test_2027_planned_provisionally(scope: str, day: dt.date) -> None:
    p = plan(scope, day, calendar=CAL)
    assert p.deadlines
    in_2027 = [d for d in p.deadlines if d.due.year == 2027 and d.counted.calendar_sources]
    assert all(d.counted.provisional and "暂定" in d.counted.summary() for d in in_2027)
    assert in_2027 or day.year == 2026  # an online or enterprise sale has nothing after it


def test_december_2026_auction_needs_2027_for_its_post_filing() -> None:
    with pytest.raises(CalendarYearNotCovered):
        plan("COM", D(2026, 12, 28), calendar=STRICT)
    official = _due(plan("COM", D(2026, 12, 28), calendar=CAL_2027))
    assert official["FILE-03"] == D(2027, 1, 4)
    provisional = plan("COM", D(2026, 12, 28), calendar=CAL)
    filing = next(d for d in provisional.deadlines if d.rule_id == "FILE-03")
    assert filing.due == D(2027, 1, 4) and filing.counted.provisional
    assert filing.counted.earliest == D(2027, 1, 4) and filing.counted.latest == D(2027, 1, 6)


def test_2027_handled_with_fixture_file() -> None:
    p = plan("COM", D(2027, 1, 11), calendar=CAL_2027)
    assert _due(p) == {
        "ANN-01": D(2027, 1, 4),
        "ANN-05": D(2027, 1, 9),
        "FILE-01": D(2027, 1, 10),
        "FILE-03": D(2027, 1, 21),  # nominal Mon 18 Jan is in the fixture's block (18–20 Jan)
    }
    assert p.calendar_sources == {2027: "test fixture, not official"}
    s = plan("SOA-ADM", D(2027, 1, 15), calendar=CAL_2027)
    assert _due(s)["FILE-13"] == D(2027, 1, 22)
    assert _due(s)["POST-S01c"] == D(2027, 1, 28)  # the fixture's make-up Sat 23 Jan counts


# --------------------------------------------------------------------------------------------
# MOFCOM reporting
# --------------------------------------------------------------------------------------------


def test_reporting_2026() -> None:
    deadlines = reporting(2026, CAL)
    assert [(d.rule_id, d.due) for d in deadlines] == [
        ("RPT-01", D(2026, 1, 6)),
        ("RPT-03", D(2026, 1, 28)),
        ("RPT-01", D(2026, 2, 6)),
        ("RPT-01", D(2026, 3, 6)),
        ("RPT-01", D(2026, 4, 7)),  # 6 Apr is 清明
        ("RPT-01", D(2026, 5, 6)),
        ("RPT-01", D(2026, 6, 8)),  # Sat 6 Jun
        ("RPT-01", D(2026, 7, 6)),
        ("RPT-01", D(2026, 8, 6)),
        ("RPT-01", D(2026, 9, 7)),  # Sun 6 Sep
        ("RPT-01", D(2026, 10, 8)),  # 6 Oct 国庆节
        ("RPT-01", D(2026, 11, 6)),
        ("RPT-01", D(2026, 12, 7)),  # Sun 6 Dec
    ]
    assert deadlines[0].title_zh.startswith("2025年12月月报")  # the previous month's report
    assert deadlines[1].title_zh.startswith("2025年度年报")
    strict = reporting(2026, CAL, inclusive=False)
    assert strict[0].due == D(2026, 1, 5) and strict[1].due == D(2026, 1, 27)


def test_reporting_2027_refused_then_handled() -> None:
    with pytest.raises(CalendarYearNotCovered):
        reporting(2027, STRICT)
    assert reporting(2027, CAL_2027)[0].due == D(2027, 1, 6)
    provisional = reporting(2027, CAL)
    assert provisional[0].due == D(2027, 1, 6) and provisional[0].counted.provisional


# --------------------------------------------------------------------------------------------
# paimai plan
# --------------------------------------------------------------------------------------------


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh")
    sub = parser.add_subparsers()
    register_plan(sub)
    args = parser.parse_args(argv)
    code: int = run_plan(args)
    return code


def test_cli_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["plan", "--scope", "COM", "--auction-date", "2026-09-30"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if "FILE-03" in line)
    assert lines[index].startswith("2026年10月08日 周四")
    assert "遇法定休假日顺延" in lines[index + 1] + lines[index + 2].strip()
    assert all(len(line) <= 100 for line in lines)  # display width is checked below
    assert "日历数据：2026: chinesecalendar" in out

    assert _run(["--lang", "en", "plan", "--scope", "COM", "--auction-date", "2026-09-30"]) == 0
    assert "Thu 8 Oct 2026" in capsys.readouterr().out


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--scope", "SOA-ADM", "--auction-date", "2026-09-30", "--format", "json"]
    assert _run(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "paimai.plan/1"
    by_rule = {d["rule_id"] + (d["step"] or ""): d for d in data["deadlines"]}
    assert by_rule["POST-S01c"]["due"] == "2026-10-15"
    assert "调休上班" in by_rule["POST-S01c"]["explanation"]


def test_cli_warnings_and_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "plan",
        "--scope",
        "COM",
        "--auction-date",
        "2026-10-12",
        "--announcement-date",
        "2026-10-08",
    ]
    assert _run(argv) == 0
    assert "[ANN-01]" in capsys.readouterr().out
    assert _run([*argv, "--fail-on-warning"]) == 1


def test_cli_2027_refused_then_handled(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--scope", "COM", "--auction-date", "2027-01-11"]
    assert _run(argv) == 0  # provisional, and says so
    assert "暂定" in capsys.readouterr().out
    assert _run([*argv, "--holidays", str(FIXTURE_2027)]) == 0
    out = capsys.readouterr().out
    assert "test fixture, not official" in out and "暂定" not in out
    assert _run(["--lang", "en", *argv]) == 0
    assert "PROVISIONAL" in capsys.readouterr().out
    assert _run(["plan", "--scope", "COM", "--auction-date", "2003-01-11"]) == 2
    err = capsys.readouterr().err
    assert "2003" in err and "--holidays" in err


def test_cli_reporting(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["plan", "--reporting", "2026"]) == 0
    out = capsys.readouterr().out
    assert "2026年10月08日 周四" in out and "RPT-03" in out
    assert _run(["plan", "--reporting", "2027"]) == 0
    assert "暂定" in capsys.readouterr().out
    assert _run(["plan", "--reporting", "2027", "--holidays", str(FIXTURE_2027)]) == 0


def test_cli_needs_scope_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["plan", "--scope", "COM"]) == 2
    assert "--auction-date" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        _run(["plan", "--scope", "COM", "--auction-date", "09/30"])  # no year
    assert info.value.code == 2


def test_cli_output_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    out.write_text("keep me", encoding="utf-8")
    argv = [
        "plan",
        "--scope",
        "VEH",
        "--auction-date",
        "2026-09-07",
        "--format",
        "ics",
        "--output",
        str(out),
    ]
    assert _run(argv) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _run([*argv, "--force"]) == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    fresh = tmp_path / "new.json"
    assert (
        _run(
            [
                "plan",
                "--scope",
                "VEH",
                "--auction-date",
                "2026-09-07",
                "--format",
                "json",
                "-o",
                str(fresh),
            ]
        )
        == 0
    )
    assert json.loads(fresh.read_text(encoding="utf-8"))["scope"] == "VEH"
