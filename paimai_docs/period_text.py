"""What a period count returns (:class:`PeriodResult`, with its steps) and how it explains
itself: one summary line, or the rule, every day skipped or rolled over, the end, the calendar
data and, for a provisional (暂定) count, the range its end could move within. The counting
itself is :mod:`paimai_docs.periods`, which builds on this module."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from paimai_docs.holidays import DayKind
from paimai_docs.lang import say
from paimai_docs.provisional import holiday_label, source_text

Method = Literal[
    "days_after",
    "months_after",
    "working_days_after",
    "days_before",
    "working_days_before",
    "latest_start",
    "hours_after",
    "fixed_date",
]
Unit = Literal["day", "month", "working_day", "hour"]
StepAction = Literal["rolled", "skipped", "counted", "note"]

_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ONE_DAY = dt.timedelta(days=1)
_UNITS_ZH = {"day": "日", "month": "个月", "working_day": "个工作日", "hour": "小时"}
_UNITS_EN = {"day": "days", "month": "months", "working_day": "working days", "hour": "hours"}


def format_day(value: dt.date, lang: str = "zh") -> str:
    """``2026年10月09日 周五`` (``Fri 9 Oct 2026``); a datetime adds ``HH:MM``."""
    d = value.date() if isinstance(value, dt.datetime) else value
    text = say(
        f"{d.year}年{d.month:02d}月{d.day:02d}日 周{_WEEKDAYS_ZH[d.weekday()]}",
        f"{_WEEKDAYS_EN[d.weekday()]} {d.day} {_MONTHS_EN[d.month - 1]} {d.year}",
        lang,
    )
    if isinstance(value, dt.datetime):
        text += f" {value:%H:%M}"
    return text


class PeriodStep(BaseModel):
    """One day the count passed over, rolled over, or counted specially, with the reason."""

    # built by the period functions from values they computed (``model_construct``): the
    # validator is built only when something validates one (a plan read back from JSON)
    model_config = ConfigDict(frozen=True, defer_build=True)

    date: dt.date
    action: StepAction
    kind: DayKind
    holiday_name: str | None = None
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh") -> str:
        return say(self.reason_zh, self.reason_en, lang)


class PeriodResult(BaseModel):
    """The result of one period computation, with everything needed to explain it.

    ``start`` is the anchor (the event counted from or back from); ``end`` is the answer (the
    last day of the period, or the latest allowed action date for backward counts).
    ``nominal_end`` is the end before any holiday roll-over. ``advisory_end`` is set for
    backward deadlines that fall on a rest day: the last working day before it, for actions
    that need an office to be open. ``period`` is the forward period behind a
    ``latest_start`` answer.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)  # as PeriodStep

    method: Method
    start: dt.datetime | dt.date
    n: int
    unit: Unit
    direction: Literal["after", "before"]
    nominal_end: dt.datetime | dt.date
    end: dt.datetime | dt.date
    clear_days: bool = False
    rule_text: str
    rule_text_en: str
    steps: tuple[PeriodStep, ...] = ()
    advisory_end: dt.date | None = None
    calendar_sources: dict[int, str] = {}
    period: PeriodResult | None = None
    # 暂定: counted on a provisional year, or near a holiday whose schedule is not published;
    # ``earliest``/``latest``: where the end could move once it is (the end itself if nowhere)
    provisional: bool = False
    earliest: dt.date | None = None
    latest: dt.date | None = None
    provisional_holidays: tuple[str, ...] = ()

    @property
    def skipped(self) -> tuple[PeriodStep, ...]:
        """The days passed over or rolled over, each with its reason."""
        return tuple(s for s in self.steps if s.action in ("skipped", "rolled"))

    @property
    def end_date(self) -> dt.date:
        e = self.end
        return e.date() if isinstance(e, dt.datetime) else e

    def summary(self, lang: str = "zh") -> str:
        """One line: how the end was counted (and, if provisional, where it could move)."""
        return summary(self, lang)

    def explain(self, lang: str = "zh") -> str:
        """Several lines: the rule, the start, every skipped or rolled-over day, the end, the
        calendar data used and, if provisional, the range the end could move within."""
        return explain(self, lang)


__all__ = ["explain", "provisional_note", "summary"]


def provisional_note(r: PeriodResult, lang: str = "zh") -> str:
    """``暂定：…`` for a provisional count (empty otherwise): which holidays' schedule is not
    published, and the range the end could move within once it is."""
    if not r.provisional:
        return ""
    f = format_day
    lo, hi = r.earliest or r.end_date, r.latest or r.end_date
    names = "、".join(holiday_label(k) for k in r.provisional_holidays)
    names_en = ", ".join(holiday_label(k, "en") for k in r.provisional_holidays)
    text = say(
        "暂定：按法定节假日推算，调休安排尚未公布" + (f"（涉及{names}）" if names else ""),
        "PROVISIONAL: counted on the statutory holidays only (no official schedule yet"
        + (f"; near {names_en})" if names else ")"),
        lang,
    )
    if (lo, hi) == (r.end_date, r.end_date):
        return text + say("；预计不变", "; the date is not expected to move", lang)
    return text + say(
        f"；公布后可能在 {f(lo)} 至 {f(hi)} 之间变动",
        f"; may move between {f(lo, 'en')} and {f(hi, 'en')}",
        lang,
    )


def _unit_text(r: PeriodResult, lang: str) -> str:
    return say(_UNITS_ZH, _UNITS_EN, lang)[r.unit]


def _summary(r: PeriodResult, lang: str) -> str:
    return say(_summary_zh, _summary_en, lang)(r)


def _summary_en(r: PeriodResult) -> str:
    f = format_day
    u = _unit_text(r, "en")
    rolled = [s for s in r.steps if s.action == "rolled"]
    if r.method == "days_before":
        clear = " clear" if r.clear_days else ""
        text = f"{r.n}{clear} days before {f(r.start, 'en')}: no later than {f(r.end, 'en')}"
        if r.advisory_end is not None:
            text += f" (a rest day; last working day before: {f(r.advisory_end, 'en')})"
        return text
    if r.method == "working_days_before":
        return f"{r.n} working day(s) before {f(r.start, 'en')}: {f(r.end, 'en')}"
    if r.method == "latest_start":
        assert r.period is not None
        return (
            f"latest start {f(r.end, 'en')}: {r.n} {u} then end on "
            f"{f(r.period.end, 'en')}, before {f(r.start, 'en')}"
        )
    if r.method == "hours_after":
        return f"{r.n} hours from {f(r.start, 'en')}: {f(r.end, 'en')}"
    if r.method == "fixed_date":
        text = f"fixed date {f(r.start, 'en')}"
        if rolled:
            text += f", a rest day: rolled over to {f(r.end, 'en')}"
        return text
    text = f"{f(r.start, 'en')} + {r.n} {u} = {f(r.end, 'en')}"
    if rolled:
        text += f" (nominal {f(r.nominal_end, 'en')}, rolled over {len(rolled)} rest day(s))"
    return text


def _summary_zh(r: PeriodResult) -> str:
    f = format_day
    u = _unit_text(r, "zh")
    rolled = [s for s in r.steps if s.action == "rolled"]
    if r.method == "days_before":
        clear = "（整日）" if r.clear_days else ""
        text = f"{f(r.start)}前{r.n}日{clear}：最迟 {f(r.end)}（不顺延）"
        if r.advisory_end is not None:
            text += f"；该日非工作日，之前最后一个工作日为 {f(r.advisory_end)}"
        return text
    if r.method == "working_days_before":
        return f"{f(r.start)}前第{r.n}个工作日：{f(r.end)}"
    if r.method == "latest_start":
        assert r.period is not None
        return f"最晚起算 {f(r.end)}：计{r.n}{u}至 {f(r.period.end)} 届满，早于 {f(r.start)}"
    if r.method == "hours_after":
        return f"{f(r.start)}起{r.n}小时：{f(r.end)}"
    if r.method == "fixed_date":
        text = f"固定日期 {f(r.start)}"
        if rolled:
            text += f"，遇法定休假日顺延至 {f(r.end)}"
        return text
    text = f"{f(r.start)}起算（当日不计）{r.n}{u}：{f(r.end)}"
    if rolled:
        text += f"（名义届满 {f(r.nominal_end)}，遇法定休假日顺延{len(rolled)}日）"
    return text


def _explain(r: PeriodResult, lang: str) -> str:
    f = format_day
    lines = [say("规则：" + r.rule_text, "Rule: " + r.rule_text_en, lang)]
    if r.method == "fixed_date":
        lines.append(say(f"日期：{f(r.start)}", f"Date: {f(r.start, 'en')}", lang))
    elif r.method == "hours_after":
        lines.append(say(f"起算时刻：{f(r.start)}", f"Start: {f(r.start, 'en')}", lang))
        lines.append(say(f"计算：{r.n}小时", f"Count: {r.n} hours", lang))
    elif r.direction == "after":
        lines.append(
            say(
                f"起算：{f(r.start)}（当日不计入）",
                f"Start: {f(r.start, 'en')} (not counted)",
                lang,
            )
        )
        lines.append(
            say(f"计算：{r.n}{_unit_text(r, 'zh')}", f"Count: {r.n} {_unit_text(r, 'en')}", lang)
        )
        if r.method in ("days_after", "months_after") and r.nominal_end != r.end:
            lines.append(
                say(
                    f"名义届满日：{f(r.nominal_end)}",
                    f"Nominal last day: {f(r.nominal_end, 'en')}",
                    lang,
                )
            )
    else:
        lines.append(say(f"事件日：{f(r.start)}", f"Event: {f(r.start, 'en')}", lang))
    if r.method == "latest_start" and r.period is not None:
        p = r.period
        lines.append(
            say(
                f"自 {f(p.start)} 起算的期间：届满日 {f(p.end)}",
                f"Period from {f(p.start, 'en')}: last day {f(p.end, 'en')}",
                lang,
            )
        )
    for s in r.steps:
        lines.append(
            say(f"  {f(s.date)}：{s.reason()}", f"  {f(s.date, 'en')}: {s.reason('en')}", lang)
        )
    if r.method == "latest_start":
        lines.append(say(f"最晚起算日：{f(r.end)}", f"Latest start: {f(r.end, 'en')}", lang))
    elif r.direction == "before":
        lines.append(
            say(
                f"最迟行为日：{f(r.end)}（不顺延）",
                f"Latest action date: {f(r.end, 'en')} (no roll-over)",
                lang,
            )
        )
        if r.advisory_end is not None:
            lines.append(
                say(
                    f"  该日不是工作日；之前最后一个工作日为 {f(r.advisory_end)}",
                    "  not a working day; the last working day before it is "
                    f"{f(r.advisory_end, 'en')}",
                    lang,
                )
            )
    elif r.method == "hours_after":
        lines.append(say(f"届满时刻：{f(r.end)}", f"End: {f(r.end, 'en')}", lang))
    else:
        lines.append(say(f"届满日：{f(r.end)}", f"Last day: {f(r.end, 'en')}", lang))
    if r.calendar_sources:
        data = "; ".join(f"{y}: {source_text(src, lang)}" for y, src in r.calendar_sources.items())
        lines.append(say(f"日历数据：{data}", f"Calendar data: {data}", lang))
    return "\n".join(lines)


def summary(r: PeriodResult, lang: str = "zh") -> str:
    """One line: how the end was counted; a provisional count says so, with its range."""
    text = _summary(r, lang)
    if not r.provisional:
        return text
    lo, hi = r.earliest or r.end_date, r.latest or r.end_date
    if (lo, hi) == (r.end_date, r.end_date):
        return text + say("【暂定，预计不变】", " [PROVISIONAL, not expected to move]", lang)
    return text + say(
        f"【暂定：调休公布后可能在 {format_day(lo)} 至 {format_day(hi)} 之间】",
        f" [PROVISIONAL: may move between {format_day(lo, 'en')} and {format_day(hi, 'en')}]",
        lang,
    )


def explain(r: PeriodResult, lang: str = "zh") -> str:
    """Several lines (see :meth:`PeriodResult.explain`)."""
    text = _explain(r, lang)
    note = provisional_note(r, lang)
    return f"{text}\n{note}" if note else text
