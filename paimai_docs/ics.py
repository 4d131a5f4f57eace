"""iCalendar (RFC 5545) output of deadlines, with no dependency at run time.

The output is deterministic: the same plan gives the same bytes (UIDs are hashes of the plan's
inputs and each deadline; ``DTSTAMP`` is fixed from the plan unless given). Lines end in CRLF and
are folded at 75 octets without splitting a UTF-8 character; TEXT values are escaped.

A deadline with a date is an all-day event (``DTSTART;VALUE=DATE``, ``DTEND`` the next day). A
deadline with a time (the 24-hour rules of online judicial sales) is a zero-length event at that
moment: in UTC if the time is zone-aware, otherwise in Beijing time (``TZID=Asia/Shanghai``, with
its ``VTIMEZONE``: UTC+8, no daylight saving).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

from paimai_docs.lang import say
from paimai_docs.plan import Deadline, Plan

__all__ = ["deadlines_to_ics", "escape_text", "fold_line", "plan_to_ics"]

CRLF = "\r\n"
PRODID = "-//paimai-docs//deadline planner//ZH"
TZID = "Asia/Shanghai"

_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
    Continuation lines start with one space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space takes one octet
        current += ch
        size += n
    parts.append(current)
    return (CRLF + " ").join(parts)


def _date(value: dt.date) -> str:
    return f"{value:%Y%m%d}"


def _utc(value: dt.datetime) -> str:
    return f"{value.astimezone(dt.timezone.utc):%Y%m%dT%H%M%S}Z"


def _uid(seed: str, d: Deadline, index: int) -> str:
    key = f"{seed}|{index}|{d.key}|{d.due.isoformat()}|{d.title_zh}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@paimai-docs"


def summary_of(d: Deadline, lang: str = "zh") -> str:
    """``[POST-S01 c] title``, marked 暂定 (PROVISIONAL) when its year's schedule is not out."""
    step = f" {d.step}" if d.step else ""
    mark = ""
    if d.provisional:
        mark = say("（暂定）", " (PROVISIONAL)", lang)
    return f"[{d.rule_id}{step}] {d.title(lang)}{mark}"


def _event(
    d: Deadline,
    *,
    uid: str,
    dtstamp: str,
    lang: str,
    alarm_days: int | None,
) -> list[str]:
    summary = summary_of(d, lang)
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{dtstamp}"]
    if d.due_time is not None:
        when = d.due_time
        if when.tzinfo is not None:
            lines.append(f"DTSTART:{_utc(when)}")
        else:
            lines.append(f"DTSTART;TZID={TZID}:{when:%Y%m%dT%H%M%S}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{_date(d.due)}")
        lines.append(f"DTEND;VALUE=DATE:{_date(d.due + dt.timedelta(days=1))}")
    lines.append(f"SUMMARY:{escape_text(summary)}")
    lines.append(f"DESCRIPTION:{escape_text(d.explain(lang))}")
    lines.append(f"CATEGORIES:{escape_text('paimai')},{escape_text(d.rule_id)}")
    lines.append("TRANSP:TRANSPARENT")
    if alarm_days is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(summary)}",
            f"TRIGGER:-P{alarm_days}D" if alarm_days > 0 else "TRIGGER:PT0S",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def deadlines_to_ics(
    deadlines: Sequence[Deadline],
    *,
    name: str,
    seed: str,
    dtstamp: dt.datetime,
    lang: str = "zh",
    alarm_days: int | None = None,
) -> str:
    """An iCalendar document with one event per deadline.

    ``seed`` makes the UIDs (same seed and deadlines, same UIDs); ``dtstamp`` is written as the
    ``DTSTAMP`` of every event (naive values are taken as UTC). ``alarm_days`` adds a display
    alarm that many days before each deadline (0: at the time).
    """
    if alarm_days is not None and alarm_days < 0:
        raise ValueError("alarm_days must be ≥ 0")
    stamp = dtstamp if dtstamp.tzinfo is not None else dtstamp.replace(tzinfo=dt.timezone.utc)
    stamp_text = _utc(stamp)
    lines: list[str] = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    if any(d.due_time is not None and d.due_time.tzinfo is None for d in deadlines):
        lines += _VTIMEZONE
    for i, d in enumerate(deadlines):
        lines += _event(
            d, uid=_uid(seed, d, i), dtstamp=stamp_text, lang=lang, alarm_days=alarm_days
        )
    lines.append("END:VCALENDAR")
    return _join(lines)


def _join(lines: Iterable[str]) -> str:
    return "".join(fold_line(line) + CRLF for line in lines)


def plan_to_ics(
    plan: Plan,
    *,
    lang: str = "zh",
    alarm_days: int | None = None,
    dtstamp: dt.datetime | None = None,
) -> str:
    """The plan's deadlines as an iCalendar document. ``DTSTAMP`` defaults to 00:00 UTC of the
    auction day, so the output depends on the plan only."""
    auction = plan.auction_date
    day = auction.date() if isinstance(auction, dt.datetime) else auction
    stamp = dtstamp or dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc)
    seed = "|".join(
        str(x)
        for x in (
            plan.scope,
            plan.auction_date,
            plan.auction_end,
            plan.announcement_date,
            plan.lot_type,
        )
    )
    name = say(
        f"拍卖期限：{plan.scope} {day.isoformat()} 拍卖",
        f"paimai deadlines: {plan.scope} auction {day.isoformat()}",
        lang,
    )
    return deadlines_to_ics(
        plan.deadlines, name=name, seed=seed, dtstamp=stamp, lang=lang, alarm_days=alarm_days
    )
