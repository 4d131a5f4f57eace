"""Dates, times and date ranges as auction documents write them, found in normalised text.

Forms read (after :func:`paimai_docs.reading.normalize.normalize`):

* ``2026年11月22日`` (also ``号`` for ``日``, or no ``日`` at all), ``2026-11-22``,
  ``2026/11/22``, ``2026.11.22``;
* ``二〇二六年十一月二十二日`` (also ``○``, ``O``, ``0`` or ``零`` for 〇);
* ``8.4日`` (month.day);
* ``11月22日`` and ``十一月二十二日``, the year taken from the nearest preceding full date in
  the text, else from ``default_year``, else from the nearest following full date; a month-day
  more than half a year before the date it borrows its year from rolls into the next year;
* a time after the date (also on the next line, where a PDF broke it): ``10:00``,
  ``10:00:30``, ``10时``, ``10点``, ``10时30分``, ``10点半``, ``上午10时``, ``下午3点``,
  ``晚上8时``, ``中午12时``, ``十时``, with an optional weekday in between
  (``2026年11月22日(星期日)上午10时``); ``24:00`` is midnight of the next day;
* ranges ``自X起至Y止``, ``X至Y``, ``X到Y``, ``X-Y``, ``X~Y``, where Y may leave out what it
  shares with X: ``2019年12月9日12:00至10日12:00``, ``2017年7月14日10:00至11:00止``,
  ``2016年11月22日至11月23日``.

A hit is a :class:`DateHit` (a ``datetime`` when a time was written, else a ``date``) with its
span in the text; a range is a :class:`DateRange`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import rx

__all__ = [
    "DateHit",
    "DateRange",
    "chinese_number",
    "find_dates",
    "find_ranges",
    "parse_date",
    "parse_time",
]

_CN_DIGITS = {
    "〇": 0, "○": 0, "O": 0, "o": 0, "0": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_SMALL = "零一二两三四五六七八九十廿卅"  # 廿 twenty, 卅 thirty (formal and HK dates)
_CN_YEAR = "〇○O0零一二三四五六七八九"


def chinese_number(text: str) -> int | None:
    """Value of a small number written in Arabic digits or Chinese numerals (``22``, ``二十二``,
    ``十一``, ``三十``, ``廿一``, ``零``); None when it is not one."""
    if text.isdecimal():  # not isdigit: "²" is a digit that int() refuses
        return int(text)
    if text[:1] in ("廿", "卅") and "十" not in text:  # 廿 = 二十, 卅 = 三十 ("十月廿日")
        text = ("二十" if text[0] == "廿" else "三十") + text[1:]
    if not text or any(char not in _CN_DIGITS and char != "十" for char in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    head, _, tail = text.partition("十")
    if "十" in tail or len(head) > 1 or len(tail) > 1:
        return None
    tens = _CN_DIGITS[head] if head else 1
    ones = _CN_DIGITS[tail] if tail else 0
    return tens * 10 + ones


def _year_value(text: str) -> int | None:
    if text.isdecimal():
        return int(text)
    digits = [_CN_DIGITS.get(char) for char in text]
    if len(digits) != 4 or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


@dataclass(frozen=True)
class DateHit:
    """A date (or date and time) found at ``text[start:end]``."""

    value: dt.date | dt.datetime
    start: int
    end: int
    text: str
    year_inferred: bool = False

    @property
    def has_time(self) -> bool:
        return isinstance(self.value, dt.datetime)

    @property
    def day(self) -> dt.date:
        value = self.value
        return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True)
class DateRange:
    """A date or a range of dates: ``end`` is None for a single date."""

    begin: DateHit
    end: DateHit | None
    start_index: int
    end_index: int


# --------------------------------------------------------------------------------------------
# Patterns

_WEEKDAY = r"(?:\((?:星期|周|礼拜)[一二三四五六日天七]\)|(?:星期|周|礼拜)[一二三四五六日天七])?"
_PERIOD = r"(?P<ap>上午|下午|中午|晚上|凌晨|早上|傍晚|夜间|晚)?"
_NUM = rf"(?:\d{{1,2}}|[{_CN_SMALL}]{{1,3}})"
_TIME = (
    rf"{_PERIOD}"
    r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    rf"|(?P<h2>{_NUM})[时点](?!间|钟前)(?:(?P<mi2>{_NUM})分|(?P<half>半)|整)?)"
)
_FULL = (
    r"(?<!\d)(?P<y>\d{4}) ?年 ?(?P<m>\d{1,2}) ?月 ?(?P<d>\d{1,2})(?: ?[日号]|(?![\d.]|,\d))"
    r"|(?<![\d./])(?P<y2>\d{4})(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.])日?"
    rf"|(?P<cy>[{_CN_YEAR}]{{4}})年(?P<cm>[{_CN_SMALL}]{{1,2}})月(?P<cd>[{_CN_SMALL}]{{1,3}})[日号]"
    # a year of the Republic (Taiwan: 民国115年 = 2026), always with its month and day
    r"|(?<!\d)(?P<ry>1[01]\d) ?年 ?(?P<rm>\d{1,2}) ?月 ?(?P<rd>\d{1,2}) ?[日号]"
)
_MONTH_DAY = (
    r"(?<![\d.年/-])(?P<m3>\d{1,2})月(?P<d3>\d{1,2})[日号]"
    r"|(?<![\d./-])(?P<m5>\d{1,2})\.(?P<d5>\d{1,2})[日号]"
    rf"|(?<![{_CN_SMALL}年])(?P<cm3>[{_CN_SMALL}]{{1,2}})月(?P<cd3>[{_CN_SMALL}]{{1,3}})[日号]"
)
_DAY_ONLY = r"(?<!\d)(?P<d4>\d{1,2})[日号]"
_AFTER_DATE = rf"{_WEEKDAY}(?:[ \n]?(?:{_TIME})| ?)"  # (a PDF may break the line before the time)

_DATE = rx.compile(rf"(?:{_FULL}|{_MONTH_DAY}){_AFTER_DATE}")
_FULL_ONLY = rx.compile(_FULL)
_RANGE_SEP = rx.compile(r" ?(?:起|开始)?(?:至|到|~|-|—)[ \n]?")
_END_FULL = rx.compile(rf"(?:{_FULL}){_AFTER_DATE}")
_END_MONTH_DAY = rx.compile(
    r"(?:(?P<m3>\d{1,2})月(?P<d3>\d{1,2})[日号]|(?P<m5>\d{1,2})\.(?P<d5>\d{1,2})[日号]"
    rf"|(?P<cm3>[{_CN_SMALL}]{{1,2}})月(?P<cd3>[{_CN_SMALL}]{{1,3}})[日号]){_AFTER_DATE}"
)
_END_DAY = rx.compile(rf"{_DAY_ONLY}{_AFTER_DATE}")
_END_TIME = rx.compile(_TIME)
_RANGE_CLOSE = rx.compile(r"(?:止|为止|结束)")
# Where a date can start (what every alternative of _DATE needs there): a digit that follows no
# digit and begins "dddd年", "dddd-" (or / .) or "d月"/"dd月"; four Chinese year digits and 年;
# one or two Chinese numerals and 月. A single character is consumed, so ``re`` skips quickly
# to the next possible start; the lookaheads only rule candidates out.
_DATE_STARTS = rx.compile(
    rf"[\d{_CN_YEAR}{_CN_SMALL}]"
    rf"(?:(?<=\d)(?<!\d\d)(?=\d{{3}} ?年|\d{{3}}[-/.]|\d?月|\d?\.\d{{1,2}}[日号])"
    r"|(?<=1)(?<!\d1)(?=[01]\d ?年 ?\d{1,2} ?月)"
    rf"|(?<=[{_CN_YEAR}])(?=[{_CN_YEAR}]{{3}}年)"
    rf"|(?<=[{_CN_SMALL}])(?=[{_CN_SMALL}]?月))"
)


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DATE.finditer(text)``, tried only where a date can start (several times faster on
    long text: the pattern's lookbehinds keep ``re`` from skipping ahead by itself)."""
    position = 0
    while (candidate := _DATE_STARTS.search(text, position)) is not None:
        match = _DATE.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
        else:
            yield match
            position = match.end()


def _time_of(groups: dict[str, Any]) -> tuple[int, int, int, bool] | None:
    """(hour, minute, second, next_day) from the time groups of a match (its ``groupdict()``);
    None if no time."""
    if groups.get("h") is not None:
        hour, minute = int(groups["h"]), int(groups["mi"])
        second = int(groups["s"]) if groups.get("s") else 0
    elif groups.get("h2") is not None:
        hour_value = chinese_number(groups["h2"])
        if hour_value is None:
            return None
        hour = hour_value
        minute = 0
        if groups.get("mi2"):
            minute_value = chinese_number(groups["mi2"])
            if minute_value is None:
                return None
            minute = minute_value
        elif groups.get("half"):
            minute = 30
        second = 0
    else:
        return None
    period = groups.get("ap")
    evening = period in ("下午", "晚上", "傍晚", "夜间", "晚") and hour < 12
    if evening or (period == "中午" and hour < 6):
        hour += 12
    if hour == 24 and minute == 0 and second == 0:
        return 0, 0, 0, True
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 60):
        return None
    return hour, minute, second, False


def _with_time(day: dt.date, groups: dict[str, Any]) -> dt.date | dt.datetime | None:
    if groups.get("h") is None and groups.get("h2") is None:
        return day
    parts = _time_of(groups)
    if parts is None:
        return None
    hour, minute, second, next_day = parts
    moment = dt.datetime.combine(day, dt.time(hour, minute, second))
    return moment + dt.timedelta(days=1) if next_day else moment


def _full_ymd(groups: dict[str, str | None]) -> tuple[int, int, int] | None:
    if groups.get("y"):
        return int(groups["y"] or 0), int(groups["m"] or 0), int(groups["d"] or 0)
    if groups.get("y2"):
        return int(groups["y2"] or 0), int(groups["m2"] or 0), int(groups["d2"] or 0)
    if groups.get("ry"):
        return int(groups["ry"] or 0) + 1911, int(groups["rm"] or 0), int(groups["rd"] or 0)
    if groups.get("cy"):
        year = _year_value(groups["cy"] or "")
        month = chinese_number(groups["cm"] or "")
        day = chinese_number(groups["cd"] or "")
        if year is None or month is None or day is None:
            return None
        return year, month, day
    return None


def _month_day(groups: dict[str, str | None]) -> tuple[int, int] | None:
    if groups.get("m3"):
        return int(groups["m3"] or 0), int(groups["d3"] or 0)
    if groups.get("m5"):
        return int(groups["m5"] or 0), int(groups["d5"] or 0)
    if groups.get("cm3"):
        month = chinese_number(groups["cm3"] or "")
        day = chinese_number(groups["cd3"] or "")
        if month is None or day is None:
            return None
        return month, day
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, context: dt.date | None, fallback: int | None) -> int | None:
    if context is not None:
        year = context.year
        candidate = _safe_date(year, month, day)
        if candidate is not None and (context - candidate).days > 183:
            year += 1
        return year
    return fallback


def _nearest_year(groups: dict[str, Any], anchor: dt.date) -> int:
    """The year (``anchor``'s, the one before or the one after) that puts a month-day nearest
    ``anchor``."""
    month_day = _month_day(groups)
    if month_day is None:
        return anchor.year
    best = anchor.year
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        candidate = _safe_date(year, *month_day)
        current = _safe_date(best, *month_day)
        if candidate is not None and (
            current is None or abs((candidate - anchor).days) < abs((current - anchor).days)
        ):
            best = year
    return best


# --------------------------------------------------------------------------------------------
# Finding


def _full_dates(text: str) -> list[tuple[int, dt.date]]:
    out = []
    for match in _FULL_ONLY.finditer(text):
        ymd = _full_ymd(match.groupdict())
        if ymd is not None:
            day = _safe_date(*ymd)
            if day is not None:
                out.append((match.start(), day))
    return out


def _hit_from(
    match: re.Match[str],
    text: str,
    context: dt.date | None,
    fallback_year: int | None,
) -> DateHit | None:
    groups = match.groupdict()
    ymd = _full_ymd(groups)
    inferred = False
    if ymd is None:
        month_day = _month_day(groups)
        if month_day is None:
            return None
        year = _infer_year(*month_day, context, fallback_year)
        if year is None:
            return None
        ymd = (year, *month_day)
        inferred = True
    day = _safe_date(*ymd)
    if day is None:
        return None
    value = _with_time(day, groups)
    if value is None:
        return None
    return DateHit(value, match.start(), match.end(), match.group(0), inferred)


def find_dates(text: str, *, default_year: int | None = None) -> list[DateHit]:
    """Every date (with its time, if written) in ``text``, in order. Range ends are found by
    :func:`find_ranges`; here a partial end such as ``10日`` or ``11:00`` is not a date."""
    return [item.begin for item in find_ranges(text, default_year=default_year)]


def find_ranges(text: str, *, default_year: int | None = None) -> list[DateRange]:
    """Every date in ``text`` in order, each paired with the end of its range when it is the
    start of one (``自X起至Y止``, ``X至Y``, ``X-Y``)."""
    fulls: list[tuple[int, dt.date]] | None = None  # found when first needed
    out: list[DateRange] = []
    previous: dt.date | None = None
    position = 0
    for match in _date_matches(text):
        if match.start() < position:
            continue
        context = previous
        fallback = default_year
        # The year of a month-day without context: the one that puts it nearest the next full
        # date ("12月6日开槌" before a deadline "2026年3月31日" was in December 2025).
        if context is None and fallback is None and _full_ymd(match.groupdict()) is None:
            if fulls is None:
                fulls = _full_dates(text)
            index = bisect.bisect_right([start for start, _ in fulls], match.start())
            if index < len(fulls):
                fallback = _nearest_year(match.groupdict(), fulls[index][1])
        hit = _hit_from(match, text, context, fallback)
        if hit is None:
            continue
        previous = hit.day if not hit.year_inferred else previous or hit.day
        end_hit, end_index = _range_end(text, hit)
        if end_hit is not None:
            out.append(DateRange(hit, end_hit, hit.start, end_index))
            if not end_hit.year_inferred:
                previous = end_hit.day
            position = end_index
        else:
            out.append(DateRange(hit, None, hit.start, hit.end))
            position = hit.end
    return out


def _range_end(text: str, begin: DateHit) -> tuple[DateHit | None, int]:
    """The end of a range starting with ``begin``, and where the range's text ends."""
    sep = _RANGE_SEP.match(text, begin.end)
    if sep is None:
        return None, begin.end
    at = sep.end()
    start_day = begin.day
    value: dt.date | dt.datetime | None = None
    match = _END_FULL.match(text, at)
    inferred = False
    if match:
        groups = match.groupdict()
        ymd = _full_ymd(groups)
        day = _safe_date(*ymd) if ymd else None
        value = _with_time(day, groups) if day else None
    if value is None:
        match = _END_MONTH_DAY.match(text, at)
        if match:
            groups = match.groupdict()
            month_day = _month_day(groups)
            if month_day:
                year = start_day.year + (1 if month_day[0] < start_day.month else 0)
                day = _safe_date(year, *month_day)
                value = _with_time(day, groups) if day else None
                inferred = True
    if value is None:
        match = _END_DAY.match(text, at)
        if match and match.group("d4"):
            number = int(match.group("d4"))
            year, month = start_day.year, start_day.month
            if number < start_day.day:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            day = _safe_date(year, month, number)
            value = _with_time(day, match.groupdict()) if day else None
            inferred = True
    if value is None and begin.has_time:
        match = _END_TIME.match(text, at)
        if match:
            value = _with_time(start_day, match.groupdict())
            if (
                isinstance(value, dt.datetime)
                and isinstance(begin.value, dt.datetime)
                and value <= begin.value
            ):
                value = None  # "10:00-9:00" is not a range
    if value is None or match is None:
        return None, begin.end
    end_day = value.date() if isinstance(value, dt.datetime) else value
    if end_day < start_day:
        return None, begin.end
    end = DateHit(value, match.start(), match.end(), match.group(0), inferred)
    close = _RANGE_CLOSE.match(text, match.end())
    return end, close.end() if close else match.end()


def parse_date(text: str, *, default_year: int | None = None) -> dt.date | dt.datetime | None:
    """The first date (with time, if written) in ``text``, or None."""
    hits = find_dates(text, default_year=default_year)
    return hits[0].value if hits else None


def parse_time(text: str) -> dt.time | None:
    """The first time of day in ``text`` (``10:00``, ``下午3点半``, ``上午十时``), or None.
    ``24:00`` reads as midnight (``00:00``)."""
    for match in _END_TIME.finditer(text):
        parts = _time_of(match.groupdict())
        if parts is not None:
            return dt.time(parts[0], parts[1], parts[2])
    return None
