"""A provisional (暂定) holiday calendar for years whose official schedule is not published yet.

The State Council publishes each year's schedule (放假调休安排) in the autumn before. Until then
a deadline in that year can still be counted from the law itself: 《全国年节及纪念日放假办法》,
as amended by the State Council in November 2024 (in force 1 January 2025), art. 2 gives the
statutory holidays of every citizen:

* 元旦 1 day (1 January);
* 春节 4 days (农历除夕、正月初一、初二、初三);
* 清明节 1 day (the day of the 清明 solar term);
* 劳动节 2 days (1 and 2 May);
* 端午节 1 day (农历五月初五);
* 中秋节 1 day (农历八月十五);
* 国庆节 3 days (1, 2 and 3 October);

and Saturdays and Sundays are the weekly rest days (《国务院关于职工工作时间的规定》 art. 7).
Lunar dates and the 清明 solar term come from ``lunar_python`` (MIT licence; astronomical
computation, so any year; we use it for 2025–2100). The tests check these days against the
official data of 2020–2026.

What the official schedule will add
-----------------------------------
The schedule then joins the statutory days to weekends into longer blocks: it makes some
weekdays rest days (放假) and some weekend days working days (调休上班). Neither is known in
advance, so every status and deadline from a provisional year is marked 暂定, with the range it
could move within. :data:`BOUNDS` holds, for each holiday, the most weekdays the schedules of
2015–2026 added as rest days around it (``extra_rest_max``), the most weekend days they made
working days (``makeup_max``), and how far from the statutory days any such day lay
(``window``), taken from the ``chinesecalendar`` data of those years (2020's Spring Festival
extension for the epidemic is left out) and rounded up; the tests check the official years of
the current law (2025–2026) against them. A count is affected only by the holidays whose
window it touches:

* a count of working days forward can end later by up to the sum of their ``extra_rest_max``
  and earlier by up to the sum of their ``makeup_max`` working days (backward: the reverse);
* a calendar-day period that ends in or next to a holiday block can roll over further, by up to
  ``extra_rest_max`` days (then past any weekend), or need no roll-over at all if the weekend
  day it rolled over becomes a make-up working day;
* "X日前" counted back never rolls over, so it never moves.

Official data (``chinesecalendar`` or a holiday file) always replaces a provisional year.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache

from paimai_docs.cache import load_pickle, store_pickle
from paimai_docs.holiday_data import NAMES_EN, YearData
from paimai_docs.lang import say

__all__ = [
    "BOUNDS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "PROVISIONAL_SOURCE",
    "PROVISIONAL_SOURCE_EN",
    "HolidayBounds",
    "Zone",
    "holiday_label",
    "provisional_year",
    "source_text",
    "statutory_days",
    "zones",
    "zones_at",
]

#: The first year counted under the 2024 amendment, and the last one we compute.
FIRST_YEAR = 2025
LAST_YEAR = 2100

PROVISIONAL_SOURCE = (
    "暂定：按《全国年节及纪念日放假办法》（2024年修订）推算的法定节假日，调休安排尚未公布"
)
PROVISIONAL_SOURCE_EN = (
    "provisional: statutory holidays of the 2024 holiday regulation; the make-up schedule is "
    "not published yet"
)

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class HolidayBounds:
    """How far the official schedule has moved days around one holiday (see the module doc)."""

    extra_rest_max: int
    makeup_max: int
    window: int


#: Per holiday: observed in the official schedules of 2015–2026, rounded up.
BOUNDS: dict[str, HolidayBounds] = {
    "元旦": HolidayBounds(extra_rest_max=2, makeup_max=2, window=5),
    "春节": HolidayBounds(extra_rest_max=3, makeup_max=2, window=10),
    "清明节": HolidayBounds(extra_rest_max=2, makeup_max=2, window=5),
    "劳动节": HolidayBounds(extra_rest_max=3, makeup_max=2, window=10),
    "端午节": HolidayBounds(extra_rest_max=2, makeup_max=2, window=5),
    "中秋节": HolidayBounds(extra_rest_max=2, makeup_max=2, window=5),
    "国庆节": HolidayBounds(extra_rest_max=4, makeup_max=2, window=12),
}


@dataclass(frozen=True)
class Zone:
    """The days around one provisional holiday whose status the schedule may still change."""

    name: str
    year: int
    first: dt.date  # first and last statutory day
    last: dt.date
    bounds: HolidayBounds

    @property
    def start(self) -> dt.date:
        return self.first - dt.timedelta(days=self.bounds.window)

    @property
    def end(self) -> dt.date:
        return self.last + dt.timedelta(days=self.bounds.window)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _solar(solar: object) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())  # type: ignore[attr-defined]


def _lunar(year: int, month: int, day: int) -> dt.date:
    from lunar_python import Lunar

    return _solar(Lunar.fromYmd(year, month, day).getSolar())


def _qingming(year: int) -> dt.date:
    from lunar_python import Lunar

    # the solar terms of a lunar year: 清明 of ``year`` is in the lunar year that starts in it
    return _solar(Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"])


@lru_cache(maxsize=256)
def _statutory(year: int) -> tuple[tuple[dt.date, str], ...]:
    """The statutory holidays of ``year``, from the lunar calendar: computed once per machine
    (lunar-python takes some 25 ms to load and compute a year) and kept in the cache folder."""
    kept = _kept_years()
    if year not in kept:
        kept[year] = _compute_statutory(year)
        store_pickle(_kept_name(), kept, replaces="lunar-")
    return kept[year]


@lru_cache(maxsize=1)
def _kept_name() -> str:
    """Named by this version and by lunar-python's installed files (an upgrade recomputes)."""
    import importlib.util

    from ._version import __version__

    spec = importlib.util.find_spec("lunar_python")
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        stat = os.stat(origin)
        stamp = f"{origin}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:
        stamp = origin
    digest = hashlib.sha256(f"{__version__}|{stamp}".encode()).hexdigest()[:24]
    return f"lunar-{digest}.pickle"


@lru_cache(maxsize=1)
def _kept_years() -> dict[int, tuple[tuple[dt.date, str], ...]]:
    kept = load_pickle(_kept_name())
    return kept if isinstance(kept, dict) else {}


def _compute_statutory(year: int) -> tuple[tuple[dt.date, str], ...]:
    d = dt.date
    spring = _lunar(year, 1, 1)  # 正月初一
    days: list[tuple[dt.date, str]] = [(d(year, 1, 1), "元旦")]
    days += [(spring + dt.timedelta(days=i), "春节") for i in (-1, 0, 1, 2)]
    days.append((_qingming(year), "清明节"))
    days += [(d(year, 5, 1), "劳动节"), (d(year, 5, 2), "劳动节")]
    days.append((_lunar(year, 5, 5), "端午节"))
    days.append((_lunar(year, 8, 15), "中秋节"))
    days += [(d(year, 10, i), "国庆节") for i in (1, 2, 3)]
    # 中秋 can fall on 1–3 October: the day is one rest day whatever it is called
    seen: dict[dt.date, str] = {}
    for day, name in days:
        seen.setdefault(day, name)
    return tuple(sorted(seen.items()))


def statutory_days(year: int) -> dict[dt.date, str]:
    """The statutory holidays of ``year`` under the 2024 text, date → Chinese name."""
    return {day: name for day, name in _statutory(year) if day.year == year}


@lru_cache(maxsize=256)
def zones(year: int) -> tuple[Zone, ...]:
    """The uncertain days around each statutory holiday of ``year``."""
    by_name: dict[str, list[dt.date]] = {}
    for day, name in _statutory(year):
        by_name.setdefault(name, []).append(day)
    return tuple(
        Zone(name, year, min(days), max(days), BOUNDS[name]) for name, days in by_name.items()
    )


def zones_at(day: dt.date, years: set[int] | frozenset[int]) -> tuple[Zone, ...]:
    """The zones of the provisional ``years`` (those around ``day``'s) that contain ``day``."""
    out: list[Zone] = []
    for year in (day.year - 1, day.year, day.year + 1):
        if year in years:
            out.extend(z for z in zones(year) if z.contains(day))
    return tuple(out)


@lru_cache(maxsize=256)
def provisional_year(year: int) -> YearData:
    """The provisional data of ``year``: its statutory holidays, no make-up working days."""
    return YearData(
        year=year,
        source=PROVISIONAL_SOURCE,
        origin="provisional",
        holidays=statutory_days(year),
        makeup_workdays={},
        provisional=True,
    )


def source_text(source: str, lang: str = "zh") -> str:
    """A year's source for display: the provisional source in English with ``lang="en"``."""
    return say(source, PROVISIONAL_SOURCE_EN if source == PROVISIONAL_SOURCE else source, lang)


def holiday_label(key: str, lang: str = "zh") -> str:
    """``"2027:春节"`` (a :class:`Zone` key in a result) as ``2027年春节`` / ``Spring Festival
    2027``."""
    year, _, name = key.partition(":")
    return say(f"{year}年{name}", f"{NAMES_EN.get(name, name)} {year}", lang)
