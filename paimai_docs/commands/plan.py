"""``paimai plan``: every deadline of an auction, or the MOFCOM reporting deadlines of a year.

paimai plan --scope COM --auction-date 2026-10-09 [--announcement-date 2026年9月28日]
            [--profile JUD-OFF|FILE] [--auction-end D] [--lot-type movable|immovable]
            [--pre-filing-lead N] [--format text|json|ics] [--output FILE [--force]]
            [--holidays FILE ...]
paimai plan --reporting 2027 [--holidays holidays-2027.yaml]

Dates may be written 2026-10-13, 2026/10/13, 2026年10月13日 or 二〇二六年十月十三日 (the reader's
date parser), with a time (2026-10-13T10:00, 2026年10月13日10时) where one is allowed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from paimai_docs.commands import command_help
from paimai_docs.commands._common import lang_of, os_error_text, suffix_mismatch
from paimai_docs.commands._holidays import add_holidays_option, calendar_from_args
from paimai_docs.engine.profiles import ProfileError, load_profile
from paimai_docs.errors import CalendarYearNotCovered, InvalidValue
from paimai_docs.exitcodes import ExitCode
from paimai_docs.ics import deadlines_to_ics, plan_to_ics
from paimai_docs.lang import say
from paimai_docs.periods import format_day
from paimai_docs.plan import SCOPES, Deadline, Plan, plan, reporting
from paimai_docs.provisional import source_text
from paimai_docs.reading.dates import find_dates

from .. import rx
from ..vocabulary import LOT_TYPES, SCOPE_TITLES
from ..vocabulary import label as vocabulary_label

# What an output file given with -o may be called for each --format.
OUTPUT_SUFFIXES = {"text": (".txt", ".text"), "json": (".json",), "ics": (".ics",)}

# --------------------------------------------------------------------------------------------
# Argument types
# --------------------------------------------------------------------------------------------


def _parse(text: str, *, with_time: bool) -> dt.date:
    value = unicodedata.normalize("NFKC", text).strip()
    try:  # ISO first: 2026-10-13, 2026-10-13T10:00, 2026-10-13 10:00
        parsed = dt.datetime.fromisoformat(value) if len(value) > 10 else None
        if parsed is None and len(value) == 10:
            return dt.date.fromisoformat(value)
        if parsed is not None and with_time:
            return parsed
    except ValueError:
        pass
    hits = find_dates(text.strip())  # 2026年10月13日, 2026/10/13, 二〇二六年十月十三日 …
    if len(hits) == 1:
        hit = hits[0]
        whole = hit.start == 0 and hit.end == len(text.strip())
        if whole and not hit.year_inferred and (with_time or type(hit.value) is dt.date):
            return hit.value
    if with_time:
        raise argparse.ArgumentTypeError(
            say(f"无法识别的日期或时间：{text!r}（例如 2026-10-13、2026年10月13日、"
                "2026-10-13T10:00）",
                f"not a date or date and time: {text!r} (e.g. 2026-10-13 or 2026-10-13T10:00)")
        )  # fmt: skip
    raise argparse.ArgumentTypeError(
        say(f"无法识别的日期：{text!r}（例如 2026-10-13、2026/10/13、2026年10月13日）",
            f"not a date: {text!r} (e.g. 2026-10-13, 2026/10/13, 2026年10月13日)")
    )  # fmt: skip


def parse_date(text: str) -> dt.date:
    """A date: ``2026-10-13``, ``2026/10/13``, ``2026年10月13日``, ``二〇二六年十月十三日``
    (full-width digits accepted); the year must be written."""
    return _parse(text, with_time=False)


def parse_date_or_datetime(text: str) -> dt.date:
    """A date as :func:`parse_date`, or with a time: ``2026-10-13T10:00``, ``2026-10-13
    10:00``, ``2026年10月13日10时``."""
    return _parse(text, with_time=True)


# --------------------------------------------------------------------------------------------
# Registration
# --------------------------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    """Add ``plan`` to the main parser's subcommands."""
    p = subparsers.add_parser(
        "plan",
        help=command_help("plan"),
        description=(
            "按适用范围和拍卖日计算全部期限（公告、展示、通知、备案、保证金、公示、归档、过户），"
            "或用 --reporting 年份 列出商务部报送期限。\n"
            "Compute every deadline of an auction, or list the MOFCOM reporting deadlines."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--scope", choices=SCOPES, help="适用范围 / scope")
    p.add_argument(
        "--profile",
        metavar="PROFILE",
        help="配置：内置范围（如 JUD-OFF）或配置文件；其参数（整日读法、备案提前天数、公司提前期）"
        "改变计划 / a built-in scope or a profile file; its parameters change the plan",
    )
    p.add_argument(
        "--auction-date",
        type=parse_date_or_datetime,
        metavar="DATE",
        help="拍卖日（网拍为竞价开始，可带时刻）/ auction day (online: start of bidding)",
    )
    p.add_argument(
        "--announcement-date", type=parse_date, metavar="DATE", help="公告发布日 / announcement"
    )
    p.add_argument(
        "--auction-end",
        type=parse_date_or_datetime,
        metavar="DATE",
        help="拍卖（竞价）结束日，可带时刻 / end of the auction or bidding",
    )
    p.add_argument(
        "--lot-type",
        choices=("movable", "immovable"),
        help="标的类型：动产或不动产及其他财产权；不指定时按较长期限计并说明 / lot type",
    )
    p.add_argument(
        "--pre-filing-lead",
        type=int,
        metavar="N",
        help="会前备案提前天数：默认取配置（0 为拍卖日前），7 为公司规程 / FILE-01 lead in days",
    )
    p.add_argument(
        "--clear-days",
        action="store_true",
        default=None,
        help="“X日前”按X个整日计（严格读法；默认取配置）/ read 'X days before' as clear days",
    )
    p.add_argument("--perishable", action="store_true", help="鲜活易腐物品 / perishable goods")
    p.add_argument("--buyer-determined", type=parse_date, metavar="DATE")
    p.add_argument("--completion-date", type=parse_date, metavar="DATE")
    p.add_argument("--delivery-date", type=parse_date, metavar="DATE")
    p.add_argument("--contract-end", type=parse_date, metavar="DATE")
    p.add_argument(
        "--as-of", type=parse_date, metavar="DATE", help="以该日检查已过期限 / flag past deadlines"
    )
    p.add_argument(
        "--reporting",
        type=int,
        metavar="YEAR",
        help="列出该年的商务部月报、年报期限 / MOFCOM reporting deadlines of YEAR",
    )
    p.add_argument(
        "--exclude-named-day",
        action="store_true",
        help="“6日前”不含6日 / 'before the 6th' excludes the 6th",
    )
    p.add_argument("--format", choices=("text", "json", "ics"), default="text")
    p.add_argument("--alarm-days", type=int, metavar="N", help="ics 提前提醒天数 / ics alarm")
    p.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to FILE")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite FILE")
    add_holidays_option(p)
    p.add_argument(
        "--fail-on-warning",
        action="store_true",
        help="有警告时退出码为1 / exit 1 if there are warnings",
    )
    p.set_defaults(func=run)


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    if args.reporting is None and (
        (args.scope is None and args.profile is None) or args.auction_date is None
    ):
        _err(
            say(
                "请给出 --scope（或 --profile）和 --auction-date，或 --reporting 年份",
                "plan needs --scope (or --profile) and --auction-date, or --reporting YEAR",
                lang,
            )
        )
        return ExitCode.USAGE
    profile = None
    if args.profile is not None:
        try:
            profile = load_profile(args.profile)
        except ProfileError as exc:
            _err(exc.message(lang))
            return ExitCode.USAGE
        if args.scope is not None and args.scope != profile.scope:
            _err(
                say(
                    f"--scope {args.scope} 与配置的适用范围 {profile.scope} 不符",
                    f"--scope {args.scope} does not fit the profile's scope {profile.scope}",
                    lang,
                )
            )
            return ExitCode.USAGE
    mismatch = suffix_mismatch(args.output, args.format, OUTPUT_SUFFIXES, lang)
    if mismatch:
        _err(mismatch)
        return ExitCode.USAGE
    calendar = calendar_from_args(args, lang)
    if calendar is None:
        return ExitCode.USAGE
    try:
        if args.reporting is not None:
            deadlines = reporting(
                args.reporting, calendar, inclusive=not args.exclude_named_day, profile=profile
            )
            text = _render_reporting(args, deadlines, lang)
            warnings = 0
        else:
            result = plan(
                args.scope,
                args.auction_date,
                announcement_date=args.announcement_date,
                lot_type=args.lot_type,
                auction_end=args.auction_end,
                calendar=calendar,
                pre_filing_lead=args.pre_filing_lead,
                clear_days=args.clear_days,
                perishable=args.perishable,
                buyer_determined=args.buyer_determined,
                completion_date=args.completion_date,
                delivery_date=args.delivery_date,
                contract_end=args.contract_end,
                as_of=args.as_of,
                profile=profile,
            )
            text = _render_plan(args, result, lang)
            warnings = len(result.warnings)
    except CalendarYearNotCovered as exc:
        message = getattr(exc, "message", None)
        _err(message(lang) if callable(message) else str(exc))
        return ExitCode.USAGE
    except InvalidValue as exc:
        _err(str(exc))
        return ExitCode.USAGE

    code = _write(text, args.output, args.force, args.format, lang)
    if code != ExitCode.OK:
        return code
    if args.fail_on_warning and warnings:
        return ExitCode.FINDINGS
    return ExitCode.OK


def _write(text: str, output: str | None, force: bool, fmt: str, lang: str) -> int:
    if output is None:
        if fmt == "ics":
            sys.stdout.flush()
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is not None:
                buffer.write(text.encode("utf-8"))
                buffer.flush()
                return ExitCode.OK
        sys.stdout.write(text)
        return ExitCode.OK
    path = Path(output)
    data = text.encode("utf-8")
    try:
        with path.open("wb" if force else "xb") as fh:
            fh.write(data)
    except FileExistsError:
        _err(
            say(
                f"文件已存在，未覆盖：{path}（如需覆盖请加 --force）",
                f"{path} exists and was not overwritten (use --force to overwrite)",
                lang,
            )
        )
        return ExitCode.USAGE
    except OSError as exc:
        _err(
            say(
                f"无法写入 {path}：{os_error_text(exc, lang)}",
                f"cannot write {path}: it {os_error_text(exc, lang)}",
                lang,
            )
        )
        return ExitCode.USAGE
    return ExitCode.OK


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


#: The width of a text plan: rows fit a 100-column terminal.
WIDTH = 100
# a date with its weekday, a Latin word, a space, or one character: never split inside a date
_TOKEN = rx.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?: 周.)?|[\x21-\x7e]+|\s+|.", re.S)


def wrap(text: str, width: int = WIDTH, indent: str = "", first: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` display columns (a CJK character is two):
    ``first`` starts the first line, ``indent`` the others; Latin words are not split."""
    lines: list[str] = []
    line = first
    for token in _TOKEN.findall(text):
        if token.isspace():
            token = " "
            if line.strip() == "" or _width(line) + 1 > width:
                continue
        if _width(line) + _width(token) > width and line.strip():
            lines.append(line.rstrip())
            line = indent
            if token == " ":
                continue
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _deadline_lines(deadlines: Sequence[Deadline], lang: str) -> list[str]:
    """Each deadline: date, rule ID (and step) and title on one line, then how it was counted,
    wrapped to :data:`WIDTH` columns."""
    out: list[str] = []
    for d in deadlines:
        title = d.title(lang)
        if d.unverified:
            title += say("（未核实）", " (unverified)", lang)
        rule = d.rule_id + (f" ({d.step})" if d.step else "")
        head = f"{_pad(d.due_text(lang), 21)}{_pad(rule, 13)}"
        out += wrap(title, indent=" " * 34, first=head)
        out += wrap(d.counted.summary(lang), indent=" " * 6, first="    " + say("↳ ", "- ", lang))
    return out


def _sources_line(sources: dict[int, str], lang: str) -> list[str]:
    if not sources:
        return []
    parts = "; ".join(f"{y}: {source_text(s, lang)}" for y, s in sorted(sources.items()))
    return wrap(parts, indent="  ", first=say("日历数据：", "Calendar data: ", lang))


def _message_lines(rule_id: str, message: str) -> list[str]:
    first = f"  [{rule_id}] " if rule_id else "  - "
    return wrap(message, indent="      ", first=first)


def _plan_json(result: Plan, lang: str) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    for item, d in zip(data["deadlines"], result.deadlines, strict=True):
        item["due_text"] = d.due_text(lang)
        item["explanation"] = d.explain(lang)
    return {"schema": "paimai.plan/1", "lang": lang, **data}


def _render_plan(args: argparse.Namespace, result: Plan, lang: str) -> str:
    if args.format == "json":
        return json.dumps(_plan_json(result, lang), ensure_ascii=False, indent=2) + "\n"
    if args.format == "ics":
        return plan_to_ics(result, lang=lang, alarm_days=args.alarm_days)
    label = vocabulary_label(SCOPE_TITLES, result.scope, lang)
    ann = format_day(result.announcement_date, lang) if result.announcement_date else "—"
    lot = vocabulary_label(LOT_TYPES, result.lot_type, lang) if result.lot_type else "—"
    head = say(
        [
            f"拍卖期限计划 — {result.scope}（{label}）",
            f"拍卖日：{format_day(result.auction_date)}   公告日：{ann}   标的：{lot}",
        ],
        [
            f"Deadline plan — {result.scope} ({label})",
            f"Auction: {format_day(result.auction_date, 'en')}   Announcement: {ann}   Lot: {lot}",
        ],
        lang,
    )
    lines = [*head, "", *_deadline_lines(result.deadlines, lang)]
    if any(d.provisional for d in result.deadlines):
        lines.append("")
        lines += wrap(
            say(
                "标“暂定”的日期所在年份的放假调休安排尚未公布：按法定节假日推算，"
                "公布后可能在所示范围内变动（见 docs/deadlines.md）。",
                "Dates marked PROVISIONAL fall in a year whose holiday schedule is not published: "
                "they are counted on the statutory holidays and may move within the range shown "
                "(docs/deadlines.md).",
                lang,
            )
        )
    if result.warnings:
        lines += ["", say("警告：", "Warnings:", lang)]
        for w in result.warnings:
            lines += _message_lines(w.rule_id, w.message(lang))
    if result.notes:
        lines += ["", say("假定与说明：", "Assumptions and notes:", lang)]
        for w in result.notes:
            lines += _message_lines(w.rule_id, w.message(lang))
    src = _sources_line(result.calendar_sources, lang)
    if src:
        lines += ["", *src]
    return "\n".join(lines) + "\n"


def _render_reporting(args: argparse.Namespace, deadlines: Sequence[Deadline], lang: str) -> str:
    year = args.reporting
    if args.format == "json":
        data = {
            "schema": "paimai.reporting/1",
            "lang": lang,
            "year": year,
            "deadlines": [
                {
                    **d.model_dump(mode="json"),
                    "due_text": d.due_text(lang),
                    "explanation": d.explain(lang),
                }
                for d in deadlines
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.format == "ics":
        name = say(f"拍卖行业报送期限 {year}", f"MOFCOM reporting {year}", lang)
        return deadlines_to_ics(
            deadlines,
            name=name,
            seed=f"reporting|{year}|{not args.exclude_named_day}",
            dtstamp=dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc),
            lang=lang,
            alarm_days=args.alarm_days,
        )
    head = say(f"{year}年商务部拍卖行业报送期限", f"MOFCOM reporting deadlines in {year}", lang)
    lines = [head, "", *_deadline_lines(deadlines, lang)]
    sources: dict[int, str] = {}
    for d in deadlines:
        sources.update(d.counted.calendar_sources)
    src = _sources_line(sources, lang)
    if src:
        lines += ["", *src]
    return "\n".join(lines) + "\n"
