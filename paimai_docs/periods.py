"""Exact counting of legal periods (期间) under 民法典 arts. 200–204, on the official calendar.

Every function returns a :class:`PeriodResult` that can explain itself (``explain("zh")`` or
``explain("en")``): the start, each day skipped or rolled over and why, and the end.

* :func:`add_days` — "X日内" counted forward: the start day is not counted (art. 201); if the
  last day is a 法定休假日, the period ends on the day after the holiday (art. 203).
* :func:`add_months` — months end on the same-numbered day, or the last day of a shorter month
  (art. 202), then roll over as above.
* :func:`add_working_days` — working days (工作日) on the State Council calendar, make-up
  working days (调休上班) included; the start day is not counted (catalogue DATE-05).
* :func:`days_before` — "X日前" counted backward (DATE-04): the latest allowed action date is
  ``event − X``; ``clear_days=True`` asks for X whole days in between (``event − X − 1``). A
  backward deadline never rolls forward: a holiday makes it come earlier in practice, not later.
* :func:`working_days_before` — "前N个工作日": the N-th working day before the event.
* :func:`latest_start_before` — the latest date a forward period may start so that it has ended
  before an event (an announcement period that must be over before the auction day).
* :func:`add_hours` — hour periods (网拍 24-hour rules): counted from the stated moment
  (art. 201(2)); no holiday roll-over.

Any date in a year the calendar has no data for raises
:class:`~paimai_docs.errors.CalendarYearNotCovered` (except for :func:`days_before`, which asks
the calendar only for its advisory note). A count through a provisional year (暂定, see
:mod:`paimai_docs.provisional`) is marked ``provisional``, with ``earliest`` and ``latest``: the
range its end could move within once the make-up schedule is published.
"""

from __future__ import annotations

import calendar as _pycalendar
import datetime as dt
from typing import Any, Literal

from paimai_docs.errors import CalendarYearNotCovered, InvalidValue
from paimai_docs.holidays import DayKind, DayStatus, HolidayCalendar, default_calendar
from paimai_docs.period_text import _ONE_DAY, PeriodResult, PeriodStep, StepAction, format_day
from paimai_docs.provisional import Zone

__all__ = [
    "PeriodResult",
    "PeriodStep",
    "add_days",
    "add_hours",
    "add_months",
    "add_working_days",
    "days_before",
    "fixed_date",
    "format_day",
    "latest_start_before",
    "working_days_before",
]

# --------------------------------------------------------------------------------------------
# Step helpers
# --------------------------------------------------------------------------------------------


class _Tracker:
    """Asks the calendar and remembers which years' data were used."""

    def __init__(self, calendar: HolidayCalendar | None) -> None:
        self.calendar = calendar if calendar is not None else default_calendar()
        self.years: set[int] = set()
        self.provisional = False
        self.zones: dict[tuple[int, str], Zone] = {}

    def status(self, day: dt.date) -> DayStatus:
        st = self.calendar.day_status(day)
        self.years.add(day.year)
        self.provisional = self.provisional or st.provisional
        for z in self.calendar.uncertain_zones(day):
            self.zones[(z.year, z.name)] = z
        return st

    def marks(self, end: dt.date, earliest: dt.date, latest: dt.date) -> dict[str, Any]:
        """The provisional fields of a result (nothing if the count is not provisional)."""
        if not (self.provisional or self.zones):
            return {}
        names = tuple(f"{z.year}:{z.name}" for z in self.zones.values())
        return {
            "provisional": True,
            "earliest": min(earliest, end),
            "latest": max(latest, end),
            "provisional_holidays": names,
        }

    def sources(self) -> dict[int, str]:
        return {y: self.calendar.source_of(y) for y in sorted(self.years)}


def _step(st: DayStatus, action: StepAction) -> PeriodStep:
    label_zh, label_en = st.label("zh"), st.label("en")
    if action == "rolled":
        zh = f"{label_zh}（法定休假日），期间届满日顺延"
        en = f"{label_en} (statutory rest day): the last day rolls over"
    elif action == "skipped":
        zh = f"{label_zh}，不是工作日，不计入"
        en = f"{label_en}: not a working day, not counted"
    elif action == "counted":
        zh = f"{label_zh}，计为工作日"
        en = f"{label_en}: counted as a working day"
    else:
        zh, en = label_zh, label_en
    return PeriodStep.model_construct(
        date=st.date,
        action=action,
        kind=st.kind,
        holiday_name=st.holiday_name,
        reason_zh=zh,
        reason_en=en,
    )


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _check_n(n: int, *, allow_zero: bool = True) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0 or (n == 0 and not allow_zero):
        raise InvalidValue(
            f"期间长度应为非负整数 / period length must be a non-negative int: {n!r}"
        )


def _roll(tr: _Tracker, nominal: dt.date) -> tuple[dt.date, list[PeriodStep]]:
    end = nominal
    steps: list[PeriodStep] = []
    while True:
        st = tr.status(end)
        if not st.statutory_holiday:
            break
        steps.append(_step(st, "rolled"))
        end += _ONE_DAY
    return end, steps


def _roll_marks(tr: _Tracker, nominal: dt.date, end: dt.date) -> dict[str, Any]:
    """Bounds of a rolled-over end (see :mod:`paimai_docs.provisional`): a weekend day rolled
    over could become a make-up working day (the period ends there); the end and the working
    days after it could become added rest days, up to ``extra_rest_max`` of them."""
    if not (tr.provisional or tr.zones):
        return {}
    cal = tr.calendar
    earliest = end
    d = nominal
    while d < end:
        if cal.day_status(d).kind is DayKind.WEEKEND and cal.uncertain_zones(d):
            earliest = d
            break
        d += _ONE_DAY
    latest = end
    extra = sum(z.bounds.extra_rest_max for z in cal.uncertain_zones(end))
    if extra:  # the end and the working days after it may become rest days, one by one
        latest = _count(cal, end, extra, True)
    return tr.marks(end, earliest, latest)


def _count_marks(
    tr: _Tracker, start: dt.date, end: dt.date, n: int, *, forward: bool
) -> dict[str, Any]:
    """Bounds of a count of ``n`` working days from ``start`` that ended at ``end``: a holiday
    whose zone the count touches can add up to ``extra_rest_max`` rest days (the count then
    ends that many working days later), and weekend days of its zone can become make-up
    working days (up to ``makeup_max``; the count ends sooner)."""
    if not (tr.provisional or tr.zones) or n == 0:
        return {}
    cal = tr.calendar
    more = sum(z.bounds.extra_rest_max for z in tr.zones.values())
    far = _count(cal, start, n + more, forward) if more else end
    near = _count(cal, start, n, forward, makeup=True)
    earliest, latest = (near, far) if forward else (far, near)
    return tr.marks(end, earliest, latest)


def _count(
    cal: HolidayCalendar, start: dt.date, n: int, forward: bool, *, makeup: bool = False
) -> dt.date:
    """The ``n``-th working day after (before) ``start``; with ``makeup``, weekend days near a
    provisional holiday count too, up to its ``makeup_max``."""
    step = _ONE_DAY if forward else -_ONE_DAY
    d, counted = start, 0
    used: dict[tuple[int, str], int] = {}
    while counted < n:
        d += step
        status = cal.day_status(d)
        if status.is_working_day:
            counted += 1
        elif makeup and status.kind is DayKind.WEEKEND:
            for z in cal.uncertain_zones(d):
                key = (z.year, z.name)
                if used.get(key, 0) < z.bounds.makeup_max:
                    used[key] = used.get(key, 0) + 1
                    counted += 1
                    break
    return d


_CIV_FORWARD = (
    "民法典第二百零一条、第二百零三条：开始的当日不计入，自下一日开始计算；"
    "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日；截止时间为二十四时"
    "（有业务时间的，为停止业务活动的时间）",
    "Civil Code arts. 201 and 203: the start day is not counted; a last day on a statutory rest "
    "day moves to the day after it; the period ends at 24:00 (or at close of business)",
)


# --------------------------------------------------------------------------------------------
# Forward periods
# --------------------------------------------------------------------------------------------


def add_days(
    start: dt.date, n: int, calendar: HolidayCalendar | None = None, *, roll: bool = True
) -> PeriodResult:
    """The last day of an ``n``-day period starting after ``start`` (民法典 arts. 201, 203).

    ``roll=False`` leaves out the art. 203 roll-over (then no calendar data is needed); use it
    only for periods that are not action deadlines, such as a minimum retention time.
    """
    _check_n(n)
    start_d = _as_date(start)
    nominal = start_d + dt.timedelta(days=n)
    tr = _Tracker(calendar) if roll else None
    end, steps = _roll(tr, nominal) if tr is not None else (nominal, [])
    marks = _roll_marks(tr, nominal, end) if tr is not None else {}
    rule = _CIV_FORWARD if roll else ("民法典第二百零一条：开始的当日不计入", "Civil Code art. 201")
    return PeriodResult.model_construct(
        method="days_after",
        start=start_d,
        n=n,
        unit="day",
        direction="after",
        nominal_end=nominal,
        end=end,
        rule_text=rule[0],
        rule_text_en=rule[1],
        steps=tuple(steps),
        calendar_sources=tr.sources() if tr is not None else {},
        **marks,
    )


def _add_months_nominal(start: dt.date, n: int) -> dt.date:
    month_index = start.month - 1 + n
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last = _pycalendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


def add_months(
    start: dt.date, n: int, calendar: HolidayCalendar | None = None, *, roll: bool = True
) -> PeriodResult:
    """The last day of an ``n``-month period from ``start`` (民法典 art. 202: the same-numbered
    day of the final month, or its last day if it has none), then rolled over (art. 203).

    Years are ``12 * n`` months. ``roll=False`` as in :func:`add_days`.
    """
    _check_n(n)
    start_d = _as_date(start)
    nominal = _add_months_nominal(start_d, n)
    tr = _Tracker(calendar) if roll else None
    end, steps = _roll(tr, nominal) if tr is not None else (nominal, [])
    marks = _roll_marks(tr, nominal, end) if tr is not None else {}
    zh = (
        "民法典第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；"
        "没有对应日的，月末日为期间的最后一日"
    )
    en = (
        "Civil Code art. 202: the period ends on the same-numbered day of the final month, or "
        "on that month's last day if it has none"
    )
    if roll:
        zh += "；最后一日是法定休假日的，顺延至休假日结束的次日（第二百零三条）"
        en += "; a last day on a statutory rest day moves to the day after it (art. 203)"
    return PeriodResult.model_construct(
        method="months_after",
        start=start_d,
        n=n,
        unit="month",
        direction="after",
        nominal_end=nominal,
        end=end,
        rule_text=zh,
        rule_text_en=en,
        steps=tuple(steps),
        calendar_sources=tr.sources() if tr is not None else {},
        **marks,
    )


def add_working_days(
    start: dt.date, n: int, calendar: HolidayCalendar | None = None
) -> PeriodResult:
    """The ``n``-th working day after ``start`` (start day not counted). Weekends and holidays
    are passed over; make-up working days (调休上班) count."""
    _check_n(n)
    start_d = _as_date(start)
    tr = _Tracker(calendar)
    steps: list[PeriodStep] = []
    d = start_d
    counted = 0
    while counted < n:
        d += _ONE_DAY
        st = tr.status(d)
        if st.is_working_day:
            counted += 1
            if st.kind is DayKind.MAKEUP_WORKDAY:
                steps.append(_step(st, "counted"))
        else:
            steps.append(_step(st, "skipped"))
    marks = _count_marks(tr, start_d, d, n, forward=True)
    return PeriodResult.model_construct(
        method="working_days_after",
        start=start_d,
        n=n,
        unit="working_day",
        direction="after",
        nominal_end=d,
        end=d,
        rule_text="工作日按国务院公布的放假调休安排计算，调休上班日计入，周末和节假日不计；开始的当日不计入（DATE-05）",
        rule_text_en=(
            "Working days follow the State Council holiday schedule: make-up working days "
            "count, weekends and holidays do not; the start day is not counted (DATE-05)"
        ),
        steps=tuple(steps),
        calendar_sources=tr.sources(),
        **marks,
    )


def add_hours(start: dt.datetime, n: int) -> PeriodResult:
    """``start + n`` hours (民法典 art. 201(2): counted from the stated moment). Hour periods
    do not roll over holidays; no calendar data is needed."""
    _check_n(n)
    if not isinstance(start, dt.datetime):
        raise InvalidValue(
            "按小时计算的期间需要起算时刻（日期和时间）/ an hour period needs a datetime: "
            + repr(start)
        )
    end = start + dt.timedelta(hours=n)
    return PeriodResult.model_construct(
        method="hours_after",
        start=start,
        n=n,
        unit="hour",
        direction="after",
        nominal_end=end,
        end=end,
        rule_text="民法典第二百零一条第二款：按照小时计算期间的，自法律规定或者当事人约定的时间开始计算；不因节假日顺延",
        rule_text_en=(
            "Civil Code art. 201(2): hour periods run from the stated moment; no holiday roll-over"
        ),
    )


def fixed_date(day: dt.date, calendar: HolidayCalendar | None = None) -> PeriodResult:
    """A deadline on a fixed date ("每月6日前") that rolls over a 法定休假日 to the day after it
    (拍卖行业信息报送管理办法 art. 5: 遇法定节假日顺延)."""
    day_d = _as_date(day)
    tr = _Tracker(calendar)
    end, steps = _roll(tr, day_d)
    marks = _roll_marks(tr, day_d, end)
    return PeriodResult.model_construct(
        method="fixed_date",
        start=day_d,
        n=0,
        unit="day",
        direction="after",
        nominal_end=day_d,
        end=end,
        rule_text="固定日期截止；遇法定休假日顺延至休假日结束的次日",
        rule_text_en="a fixed-date deadline; a statutory rest day moves it to the day after",
        steps=tuple(steps),
        calendar_sources=tr.sources(),
        **marks,
    )


# --------------------------------------------------------------------------------------------
# Backward periods
# --------------------------------------------------------------------------------------------


def days_before(
    event: dt.date,
    n: int,
    calendar: HolidayCalendar | None = None,
    *,
    clear_days: bool = False,
) -> PeriodResult:
    """The latest action date for "``n``日前" before ``event`` (catalogue DATE-04).

    Default reading: ``event − n`` (the action day and the event day are ``n`` days apart).
    ``clear_days=True``: ``n`` whole days in between, ``event − n − 1``. The date never rolls
    forward. If it is not a working day, ``advisory_end`` gives the last working day before it
    (for filings and notices that need an open office); the deadline itself is unchanged.
    """
    _check_n(n)
    event_d = _as_date(event)
    end = event_d - dt.timedelta(days=n + (1 if clear_days else 0))
    tr = _Tracker(calendar)
    steps: list[PeriodStep] = []
    advisory: dt.date | None = None
    try:  # the calendar only adds a note: without data for the year, there is no note
        st = tr.status(end)
        if not st.is_working_day:
            steps.append(_step(st, "note"))
            advisory = end - _ONE_DAY
            while not tr.status(advisory).is_working_day:
                advisory -= _ONE_DAY
    except CalendarYearNotCovered:
        tr = _Tracker(tr.calendar)
        steps, advisory = [], None
    if clear_days:
        zh = (
            f"“{n}日前”按{n}个整日计算（DATE-04 严格读法）：行为日 ≤ 事件日 − {n} − 1 日；"
            "不因节假日顺延"
        )
        en = (
            f'"{n} days before" read as {n} clear days (DATE-04, strict): action date ≤ event '
            f"− {n} − 1; no holiday roll-over"
        )
    else:
        zh = f"“{n}日前”倒计（DATE-04 默认读法）：行为日 ≤ 事件日 − {n} 日；不因节假日顺延"
        en = (
            f'"{n} days before" counted back (DATE-04 default): action date ≤ event − {n} '
            "days; no holiday roll-over"
        )
    return PeriodResult.model_construct(
        method="days_before",
        start=event_d,
        n=n,
        unit="day",
        direction="before",
        nominal_end=end,
        end=end,
        clear_days=clear_days,
        rule_text=zh,
        rule_text_en=en,
        steps=tuple(steps),
        advisory_end=advisory,
        calendar_sources=tr.sources(),
        # never rolled, so it never moves: provisional only if the day's own status is
        **(tr.marks(end, end, end) if tr.provisional else {}),
    )


def working_days_before(
    event: dt.date, n: int, calendar: HolidayCalendar | None = None
) -> PeriodResult:
    """The ``n``-th working day before ``event`` (``n=1``: "拍卖日前一个工作日")."""
    _check_n(n, allow_zero=False)
    event_d = _as_date(event)
    tr = _Tracker(calendar)
    steps: list[PeriodStep] = []
    d = event_d
    counted = 0
    while counted < n:
        d -= _ONE_DAY
        st = tr.status(d)
        if st.is_working_day:
            counted += 1
            if st.kind is DayKind.MAKEUP_WORKDAY:
                steps.append(_step(st, "counted"))
        else:
            steps.append(_step(st, "skipped"))
    marks = _count_marks(tr, event_d, d, n, forward=False)
    return PeriodResult.model_construct(
        method="working_days_before",
        start=event_d,
        n=n,
        unit="working_day",
        direction="before",
        nominal_end=d,
        end=d,
        rule_text=f"事件日前第{n}个工作日（工作日按国务院放假调休安排，调休上班日计入，DATE-05）",
        rule_text_en=(
            f"the {n}th working day before the event (State Council schedule; make-up working "
            "days count, DATE-05)"
        ),
        steps=tuple(steps),
        calendar_sources=tr.sources(),
        **marks,
    )


def latest_start_before(
    event: dt.date,
    n: int,
    calendar: HolidayCalendar | None = None,
    *,
    unit: Literal["day", "working_day"] = "day",
) -> PeriodResult:
    """The latest start date ``s`` such that an ``n``-day (or ``n``-working-day) period counted
    from ``s`` has ended before ``event`` (its last day, after roll-over, is before ``event``).

    Used for announcement periods that must be over before the auction (ANN-S01, ANN-E01).
    ``period`` on the result is the forward period from ``s``.
    """
    _check_n(n, allow_zero=False)
    event_d = _as_date(event)
    cal = calendar if calendar is not None else default_calendar()
    candidate = event_d - dt.timedelta(days=n + 1)
    inner: PeriodResult | None = None
    rejected: list[PeriodStep] = []
    sources: dict[int, str] = {}
    for _ in range(3 * n + 400):
        if unit == "day":
            inner = add_days(candidate, n, cal)
        else:
            inner = add_working_days(candidate, n, cal)
        sources.update(inner.calendar_sources)
        if inner.end_date < event_d:
            break
        end_zh, end_en = format_day(inner.end_date), format_day(inner.end_date, "en")
        if inner.nominal_end != inner.end:
            end_zh = f"{format_day(inner.nominal_end)}（法定休假日）顺延至 {end_zh}"
            end_en = f"{format_day(inner.nominal_end, 'en')} (rest day), rolled over to {end_en}"
        st = cal.day_status(candidate)
        rejected.append(
            PeriodStep.model_construct(
                date=candidate,
                action="note",
                kind=st.kind,
                holiday_name=st.holiday_name,
                reason_zh=f"若自此日起算，期间至 {end_zh} 届满，不早于事件日，不可行",
                reason_en=f"starting here the period ends on {end_en}, not before the event",
            )
        )
        candidate -= _ONE_DAY
    else:  # pragma: no cover - a calendar with no working days at all
        raise InvalidValue("找不到满足条件的起算日 / no start date satisfies the period")
    assert inner is not None
    marks: dict[str, Any] = {}
    if inner.provisional:
        # the period could end later (so start earlier) or earlier (so start later)
        later = ((inner.latest or inner.end_date) - inner.end_date).days
        sooner = (inner.end_date - (inner.earliest or inner.end_date)).days
        marks = {
            "provisional": True,
            "earliest": candidate - dt.timedelta(days=later),
            "latest": candidate + dt.timedelta(days=sooner),
            "provisional_holidays": inner.provisional_holidays,
        }
    unit_zh = "个工作日" if unit == "working_day" else "日"
    unit_en = "working days" if unit == "working_day" else "days"
    return PeriodResult.model_construct(
        method="latest_start",
        start=event_d,
        n=n,
        unit=unit,
        direction="before",
        nominal_end=event_d - dt.timedelta(days=n + 1),
        end=candidate,
        rule_text=(
            f"期间须在事件日前届满：自起算日次日起计{n}{unit_zh}，届满日（含节假日顺延）早于事件日；"
            "取满足条件的最晚起算日"
        ),
        rule_text_en=(
            f"the period must be over before the event: {n} {unit_en} counted from the day after "
            "the start, its last day (after any roll-over) before the event; the latest such start"
        ),
        steps=(*rejected, *inner.steps),
        calendar_sources=dict(sorted(sources.items())),
        period=inner,
        **marks,
    )
