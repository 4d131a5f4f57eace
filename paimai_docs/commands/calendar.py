"""``paimai calendar``: which years the holiday data covers, and what a given day is.

paimai calendar status [--holidays FILE ...] [--format text|json]
paimai calendar explain 2026-10-10 [--holidays FILE ...] [--format text|json]
paimai calendar validate FILE [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from paimai_docs.commands import command_help
from paimai_docs.commands._common import lang_of
from paimai_docs.commands._holidays import add_holidays_option, calendar_from_args
from paimai_docs.commands.plan import parse_date
from paimai_docs.errors import CalendarYearNotCovered
from paimai_docs.exitcodes import ExitCode
from paimai_docs.holidays import (
    ENV_HOLIDAYS_DIR,
    DayKind,
    HolidayCalendar,
    HolidayDataError,
    YearCoverage,
    load_holiday_file,
    user_holidays_dir,
)
from paimai_docs.lang import say
from paimai_docs.periods import format_day
from paimai_docs.provisional import holiday_label, source_text


def register(subparsers: Any) -> None:
    """Add ``calendar`` (with ``status``, ``explain``, ``validate``) to the main parser."""
    p = subparsers.add_parser(
        "calendar",
        help=command_help("calendar"),
        description=(
            "查看节假日数据覆盖的年份及来源，解释某日是否为工作日、法定休假日，校验节假日文件。\n"
            "Show which years the holiday data covers, explain a day, validate holiday files."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="calendar_command", metavar="SUBCOMMAND")

    status = sub.add_parser("status", help="覆盖年份及来源 / covered years and sources")
    _common(status)

    explain = sub.add_parser("explain", help="某日的状态 / the status of one day")
    explain.add_argument("date", type=parse_date, metavar="DATE")
    _common(explain)

    validate = sub.add_parser("validate", help="校验节假日文件 / validate holiday files")
    validate.add_argument("files", nargs="+", metavar="FILE")

    p.set_defaults(func=run, calendar_parser=p)


def _common(p: argparse.ArgumentParser) -> None:
    add_holidays_option(p)
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    command = getattr(args, "calendar_command", None)
    if command is None:
        parser = getattr(args, "calendar_parser", None)
        if parser is not None:
            parser.print_help(sys.stderr)
        return ExitCode.USAGE
    if command == "validate":
        return _validate(args.files, lang)
    calendar = calendar_from_args(args, lang)
    if calendar is None:
        return ExitCode.USAGE
    if command == "status":
        print(_status(calendar, args.format, lang), end="")
        return ExitCode.OK
    try:
        text = _explain(calendar, args.date, args.format, lang)
    except CalendarYearNotCovered as exc:
        message = getattr(exc, "message", None)
        print(message(lang) if callable(message) else str(exc), file=sys.stderr)
        return ExitCode.USAGE
    print(text, end="")
    return ExitCode.OK


# --------------------------------------------------------------------------------------------


def _groups(coverage: list[YearCoverage]) -> list[tuple[int, int, YearCoverage]]:
    """Consecutive years with the same source, origin and no override, as ranges."""
    out: list[tuple[int, int, YearCoverage]] = []
    for c in coverage:
        if out:
            first, last, prev = out[-1]
            same = (prev.source, prev.origin, prev.overrides) == (c.source, c.origin, c.overrides)
            if same and c.year == last + 1 and c.overrides is None:
                out[-1] = (first, c.year, prev)
                continue
        out.append((c.year, c.year, c))
    return out


def _status(calendar: HolidayCalendar, fmt: str, lang: str) -> str:
    coverage = calendar.coverage()
    env = os.environ.get(ENV_HOLIDAYS_DIR, "")
    user_dir = user_holidays_dir()
    if fmt == "json":
        data = {
            "schema": "paimai.calendar-status/1",
            "years": [
                {
                    "year": c.year,
                    "source": c.source,
                    "origin": c.origin,
                    "builtin": c.builtin,
                    "overrides": c.overrides,
                }
                for c in coverage
            ],
            "search": {ENV_HOLIDAYS_DIR: env or None, "user_dir": str(user_dir)},
            "weekends_are_statutory_holidays": calendar.weekends_are_statutory_holidays,
            "provisional_years": _provisional_span(calendar),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    lines = [say("节假日数据覆盖情况", "Holiday data coverage", lang), ""]
    for first, last, c in _groups(coverage):
        years = str(first) if first == last else f"{first}–{last}"
        where = say("内置", "built in", lang) if c.builtin else c.origin
        line = f"  {years:<10} {c.source}  [{where}]"
        if c.overrides:
            line += say(f"（替代 {c.overrides}）", f"  (replaces {c.overrides})", lang)
        lines.append(line)
    span = _provisional_span(calendar)
    if span:
        first, last = span
        lines += [
            "",
            say(
                f"{first}–{last}年中没有正式数据的年份：暂定，"
                "按《全国年节及纪念日放假办法》（2024年修订）的法定节假日推算，未含调休；由此算出的日期均标明“暂定”。"
                "国务院安排公布后，用节假日文件提供正式数据即可替代。",
                f"Other years {first}–{last}: provisional, computed from the statutory holidays "
                "of the 2024 holiday regulation without the make-up schedule; every date from "
                "them is marked provisional. An official schedule (a holiday file) replaces them.",
                lang,
            ),
        ]
    if coverage:
        lines += [
            "",
            say(
                "此外的年份没有数据：涉及这些年份的期限将拒绝计算，"
                "直到提供节假日文件（格式见 docs/deadlines.md）。",
                "Years outside these are not covered: a deadline there is refused until a "
                "holiday file is supplied (docs/deadlines.md).",
                lang,
            ),
        ]
    lines += ["", say("查找位置：", "Searched:", lang)]
    env_text = env or say("（未设置）", "(not set)", lang)
    lines.append(f"  ${ENV_HOLIDAYS_DIR}: {env_text}")
    exists = user_dir.is_dir()
    state = say("存在", "exists", lang) if exists else say("不存在", "does not exist", lang)
    lines.append(
        say(f"  用户目录：{user_dir}（{state}）", f"  user dir: {user_dir} ({state})", lang)
    )
    return "\n".join(lines) + "\n"


_KIND_TEXT = {
    DayKind.WORKDAY: ("工作日", "working day"),
    DayKind.WEEKEND: ("周末（休息日）", "weekend (rest day)"),
    DayKind.HOLIDAY: ("法定节假日", "public holiday"),
    DayKind.MAKEUP_WORKDAY: ("调休上班日", "make-up working day"),
}


def _provisional_span(calendar: HolidayCalendar) -> list[int] | None:
    years = [y for y in calendar.provisional_years() if calendar.is_provisional(y)]
    return [years[0], years[-1]] if years else None


def _explain(calendar: HolidayCalendar, day: Any, fmt: str, lang: str) -> str:
    st = calendar.day_status(day)
    data = calendar.year_data(day.year)
    zones = calendar.uncertain_zones(day)
    if fmt == "json":
        out = {
            "date": day.isoformat(),
            "kind": st.kind.value,
            "holiday_name": st.holiday_name,
            "working_day": st.is_working_day,
            "statutory_holiday": st.statutory_holiday,
            "source": st.source,
            "origin": data.origin,
            "provisional": st.provisional or bool(zones),
            "may_change_with": [f"{z.year}:{z.name}" for z in zones],
        }
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    kind = say(*_KIND_TEXT[st.kind], lang)
    name = ""
    if st.holiday_name:
        name = say(f"（{st.holiday_name}）", f" ({st.label('en')})", lang)
    yes, no = say(("是", "否"), ("yes", "no"), lang)
    where = say("内置", "built in", lang) if data.builtin else data.origin
    if data.provisional:
        where = say("暂定", "provisional", lang)
    may = ""
    if zones:
        names = [holiday_label(f"{z.year}:{z.name}", lang) for z in zones]
        may = say(
            f"暂定：{'、'.join(names)}的放假调休安排尚未公布，该日仍可能调整为休息日或调休上班日",
            f"Provisional: the schedule of {', '.join(names)} is not published; this day may "
            "yet become a rest day or a make-up working day",
            lang,
        )
    working = yes if st.is_working_day else no
    statutory = yes if st.statutory_holiday else no
    lines = say(
        [
            f"{format_day(day)}：{kind}{name}",
            f"工作日：{working}",
            "法定休假日（民法典第二百零三条，期间届满日遇此顺延）：" + statutory,
            f"数据来源：{st.source}［{where}］",
        ],
        [
            f"{format_day(day, 'en')}: {kind}{name}",
            f"Working day: {working}",
            "Statutory rest day for Civil Code art. 203 (a period ending here rolls over): "
            + statutory,
            f"Source: {source_text(st.source, 'en')} [{where}]",
        ],
        lang,
    )
    if may:
        lines.append(may)
    return "\n".join(lines) + "\n"


def _validate(files: list[str], lang: str) -> int:
    code = ExitCode.OK
    for f in files:
        try:
            years = load_holiday_file(f)
        except HolidayDataError as exc:
            print(exc.message(lang), file=sys.stderr)
            code = ExitCode.USAGE
            continue
        for y in years:
            n_h, n_w = len(y.holidays), len(y.makeup_workdays)
            print(
                say(
                    f"通过 {f}：{y.year}年，放假{n_h}天，调休上班{n_w}天（{y.source}）",
                    f"OK {f}: {y.year}, {n_h} holiday days, {n_w} make-up days ({y.source})",
                    lang,
                )
            )
    return code
