"""The planner reads its rules from the catalogue and the profile; every ID it prints is a
catalogue rule; it states its assumptions, takes Chinese dates and fits 100 columns."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from paimai_docs.commands.plan import register as register_plan
from paimai_docs.commands.plan import run as run_plan
from paimai_docs.engine import load_profile, load_rules
from paimai_docs.engine.profiles import profile_from_data
from paimai_docs.holidays import ENV_HOLIDAYS_DIR, HolidayCalendar
from paimai_docs.plan import SCOPES, deadline_rules, plan, reporting

D = dt.date
CAL = HolidayCalendar.builtin()
RULE_IDS = {rule.id for rule in load_rules()}
# a rule ID as the plan prints it: [ANN-01], or a word like NOTICE-J01 in a note
ID = re.compile(
    r"\b(?:ANN|NOTICE|FILE|DEP|POST|REC|RPT|VEH|PRICE|CONTRACT|COMM|SOA|AUTH)-[A-Z]?\d+[A-Z0-9]*"
)  # not the scope names SOA-ADM, SOA-ENT


@pytest.fixture(autouse=True)
def _isolated_holiday_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_HOLIDAYS_DIR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh")
    register_plan(parser.add_subparsers())
    code: int = run_plan(parser.parse_args(argv))
    return code


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


FULL = [
    "--announcement-date", "2026-11-20", "--contract-end", "2026-12-31",
    "--buyer-determined", "2026-12-28", "--delivery-date", "2027-01-05",
]  # fmt: skip


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_printed_id_is_a_catalogue_rule(
    scope: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for extra in ([], FULL, ["--perishable", "--lot-type", "movable"]):
        argv = ["--lang", lang, "plan", "--scope", scope, "--auction-date", "2026-12-28"]
        assert _run([*argv, *extra]) == 0
        out = capsys.readouterr().out
        printed = set(ID.findall(out))
        assert printed, out
        assert printed <= RULE_IDS, printed - RULE_IDS
        assert all(_width(line) <= 100 for line in out.splitlines()), out
    p = plan(scope, D(2026, 12, 28), contract_end=D(2026, 12, 31), calendar=CAL)
    ids = {d.rule_id for d in p.deadlines} | {w.rule_id for w in (*p.warnings, *p.notes)}
    ids |= {r for d in p.deadlines for r in d.related_rules}
    assert ids - {""} <= RULE_IDS


def test_reporting_ids_are_catalogue_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["plan", "--reporting", "2026"]) == 0
    assert set(ID.findall(capsys.readouterr().out)) == {"RPT-01", "RPT-03"}
    assert {d.rule_id for d in reporting(2026, CAL)} <= RULE_IDS


def test_the_catalogue_is_the_only_place_a_rule_lives() -> None:
    import paimai_docs.plan as module

    assert not hasattr(module, "_RULES") and not hasattr(module, "DEADLINE_RULES")
    for scope in SCOPES:
        for key, step in deadline_rules(load_profile(scope)).items():
            assert step.rule_id in RULE_IDS, key
            assert step.title_zh and step.title_en and step.basis


@pytest.mark.parametrize(
    "text",
    ["2026年10月13日", "2026/10/13", "二〇二六年十月十三日", "2026-10-13", "２０２６－１０－１３"],
)
def test_chinese_dates(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["plan", "--scope", "COM", "--auction-date", text]) == 0
    assert "拍卖日：2026年10月13日 周二" in capsys.readouterr().out


def test_a_time_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--scope", "JUD-NET", "--auction-date", "2026年10月13日10时"]
    assert _run(argv) == 0
    assert "2026年10月14日 周三 10:00" in capsys.readouterr().out  # the 24-hour minimum


@pytest.mark.parametrize("day", ["2026-12-28", "2027-03-10"])
@pytest.mark.parametrize("scope", SCOPES)
def test_past_the_published_data_exits_0_marked_provisional(
    scope: str, day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["plan", "--scope", scope, "--auction-date", day]) == 0
    out = capsys.readouterr().out
    if day.startswith("2027") or scope in ("COM", "JUD-OFF", "SOA-ADM", "VEH"):
        assert "暂定" in out


def test_assumptions_are_stated(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["plan", "--scope", "JUD-OFF", "--auction-date", "2026-10-30"]) == 0
    out = capsys.readouterr().out
    assert "未指定标的类型" in out and "15日" in out and "7日" in out  # both leads shown
    assert "“X日前”按事件日减X日" in out and "配置：" in out
    assert _run(["plan", "--scope", "JUD-OFF", "--auction-date", "2026-10-30", "--clear-days"]) == 0
    assert "整日" in capsys.readouterr().out


def test_a_profile_changes_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    company = profile_from_data(
        {
            "extends": "JUD-OFF",
            "title": "某拍卖公司",
            "params": {"clear_days": True, "pre_filing_lead_days": 7},
            "rule_params": {"ANN-J04": {"draft_days": 10}},
        }
    )
    base = plan("JUD-OFF", D(2026, 10, 30), lot_type="movable", calendar=CAL)
    mine = plan(None, D(2026, 10, 30), lot_type="movable", calendar=CAL, profile=company)
    due = {d.key: d.due for d in base.deadlines}
    mine_due = {d.key: d.due for d in mine.deadlines}
    assert due["ANN-J01"] == D(2026, 10, 23) and mine_due["ANN-J01"] == D(2026, 10, 22)  # clear
    assert due["FILE-01"] == D(2026, 10, 29) and mine_due["FILE-01"] == D(2026, 10, 22)  # 7 days
    assert mine_due["ANN-J04"] == D(2026, 10, 12)  # 10 days before 22 Oct
    assert any("ANN-J04" in n.message_zh for n in mine.notes)  # the profile's change is said
    path = tmp_path / "company.yaml"
    path.write_text(
        "schema_version: 1\nid: acme\ntitle: 某公司\nextends: COM\n"
        "params: {pre_filing_lead_days: 7}\n",
        encoding="utf-8",
    )
    assert _run(["plan", "--profile", str(path), "--auction-date", "2026-10-30"]) == 0
    out = capsys.readouterr().out
    assert "会前备案最迟日（拍卖会7日前）" in out and "某公司" in out
    ignoring = profile_from_data({"extends": "COM", "title": "x", "ignore": ["FILE-01"]})
    assert "FILE-01" not in {
        d.rule_id for d in plan(None, D(2026, 10, 30), profile=ignoring).deadlines
    }


def test_holidays_option_is_shared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(
        "year: 2027\nsource: 官方测试数据\nholidays:\n  - {name: 元旦, start: 2027-01-01, "
        "end: 2027-01-03}\n",
        encoding="utf-8",
    )
    argv = ["plan", "--scope", "COM", "--auction-date", "2026-12-28", "--holidays", str(path)]
    assert _run(argv) == 0
    out = capsys.readouterr().out
    assert "官方测试数据" in out and "暂定" not in out
