"""The official working-day calendar of China: statutory holidays and make-up working days (调休).

Every deadline in paimai-docs that depends on holidays or working days asks a
:class:`HolidayCalendar`. A calendar knows a set of years; asking about a date in any other year
raises :class:`~paimai_docs.errors.CalendarYearNotCovered` (never a guess from weekdays alone).

Where the data comes from
-------------------------
* **Built in**: the ``chinesecalendar`` package, for the years it ships (2004–2026 in 1.11). Its
  version is recorded as the source of each of those years.
* **Provisional** (暂定): a year from 2025 to 2100 that neither the package nor a file covers is
  computed from the statutory holidays of the 2024 holiday regulation, without the make-up
  schedule (:mod:`paimai_docs.provisional`). Every status and deadline from such a year says so
  (``DayStatus.provisional``, ``PeriodResult.provisional``) with the range it could move within.
  ``HolidayCalendar.load(provisional=False)`` refuses such years instead.
* **Holiday files** (JSON or YAML, format below), for years the package does not know yet or to
  correct it. They are read from, in order of precedence:

  1. paths given explicitly (``HolidayCalendar.load(paths=...)``, ``--holidays FILE``);
  2. every ``*.json``, ``*.yaml``, ``*.yml`` file in the directory named by the environment
     variable ``PAIMAI_HOLIDAYS_DIR`` (several directories may be joined with ``os.pathsep``);
  3. the user configuration directory: ``%APPDATA%\\paimai\\holidays`` on Windows,
     ``$XDG_CONFIG_HOME/paimai/holidays`` or ``~/.config/paimai/holidays`` elsewhere.

  A year from a file replaces the built-in data for that year (``covered_years`` and
  ``paimai calendar status`` say so). A year given twice at the same level is an error.

Holiday file format
-------------------
One year::

    year: 2027
    source: 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）
    url: https://www.gov.cn/...            # optional
    holidays:                              # every day of each holiday block, weekends included
      - name: 元旦
        dates: [2027-01-01]
      - name: 国庆节
        start: 2027-10-01
        end: 2027-10-07
    makeup_workdays:                       # weekend days that are working days (调休上班)
      - 2027-09-26
      - {date: 2027-10-09, name: 国庆节}

Several years in one file: ``{"years": [{...}, {...}]}`` or a top-level list. JSON files use
the same keys. Dates are ``YYYY-MM-DD``. Unknown keys are refused (a typo is not silently
ignored); errors name the file and the field.

法定休假日 and weekends
-----------------------
民法典 art. 203 rolls a period whose last day is a 法定休假日 over to the day after the holiday.
The Civil Code does not define the term. This module's default is that **ordinary weekends are
法定休假日 too, and a weekend day that the State Council makes a working day (调休上班) is not**:

* the Supreme People's Court's 《关于贯彻执行〈民法通则〉若干问题的意见（试行）》 (1988) art. 198 —
  the predecessor of art. 203 — said "期间的最后一天是星期日或者其他法定休假日，而星期日或者其他
  法定休假日有变通的，以实际休假日的次日为期间的最后一日": Sunday is named as a 法定休假日, and a
  rest day moved by the official schedule counts where it actually falls. The opinion was repealed
  with the Civil Code (2021), but courts and commentaries read art. 203 the same way;
* the weekly rest days themselves are fixed by State Council rule (《国务院关于职工工作时间的规定》
  art. 7: 星期六和星期日为周休息日), i.e. they are rest days set by law, as the holiday days are;
* civil-procedure practice reads the same words in the 民事诉讼法 期间 article the same way
  (catalogue DATE-06; the catalogue marks that article as memory, so this is corroboration, not
  the basis).

Pass ``weekends_are_statutory_holidays=False`` for the narrow reading (only the days of the
official holiday blocks roll a period over).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from paimai_docs.errors import CalendarYearNotCovered, InvalidValue
from paimai_docs.holiday_data import NAMES_EN, YearData
from paimai_docs.lang import say
from paimai_docs.userfiles import Problem, UserFileError, load_file

__all__ = [
    "ENV_HOLIDAYS_DIR",
    "CalendarYearMissing",
    "DayKind",
    "DayStatus",
    "HolidayCalendar",
    "HolidayDataError",
    "YearCoverage",
    "YearData",
    "builtin_source",
    "default_calendar",
    "load_holiday_file",
    "user_holidays_dir",
]

ENV_HOLIDAYS_DIR = "PAIMAI_HOLIDAYS_DIR"
HOLIDAY_FILE_SUFFIXES = (".json", ".yaml", ".yml")


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class CalendarYearMissing(CalendarYearNotCovered):
    """No holiday data for ``year``. ``str()`` is Chinese; ``message("en")`` is English."""

    def __init__(self, year: int, covered: Iterable[int] = ()) -> None:
        self.year = year
        self.covered = tuple(sorted(covered))
        super().__init__(self.message("zh"))

    def _range(self) -> str:
        if not self.covered:
            return "—"
        lo, hi = self.covered[0], self.covered[-1]
        if hi - lo + 1 == len(self.covered):
            return f"{lo}–{hi}"
        return ", ".join(str(y) for y in self.covered)

    def message(self, lang: str = "zh") -> str:
        where = user_holidays_dir()
        return say(
            f"没有{self.year}年的节假日数据，无法计算该年的工作日和节假日顺延"
            f"（现有数据覆盖：{self._range()}）。请提供{self.year}年的节假日文件"
            f"（JSON 或 YAML，格式见 docs/deadlines.md）：用 --holidays 文件 指定，"
            f"或放入环境变量 {ENV_HOLIDAYS_DIR} 所指目录或 {where}。",
            f"No holiday data for {self.year}: working days and holiday roll-overs in that "
            f"year cannot be computed (data covers {self._range()}). Supply a holiday file "
            f"for {self.year} (JSON or YAML, see docs/deadlines.md): pass --holidays FILE, "
            f"or put it in the directory named by ${ENV_HOLIDAYS_DIR} or in {where}.",
            lang,
        )


class HolidayDataError(UserFileError, InvalidValue):
    """A holiday file cannot be read or does not follow the format. The message names the file
    and every faulty field, with its line and value (``message("en")`` in English)."""

    code = "holiday_data_invalid"
    what = ("节假日数据文件", "holiday file")


# --------------------------------------------------------------------------------------------
# Day status
# --------------------------------------------------------------------------------------------


class DayKind(str, Enum):
    """What kind of day a date is on the official calendar."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"


@dataclass(frozen=True)
class DayStatus:
    """The status of one date. ``holiday_name`` is the Chinese name of the holiday for
    ``HOLIDAY`` days and the holiday a ``MAKEUP_WORKDAY`` makes up for (when known)."""

    date: dt.date
    kind: DayKind
    holiday_name: str | None
    source: str
    statutory_holiday: bool
    provisional: bool = False

    @property
    def is_working_day(self) -> bool:
        return self.kind in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)

    def label(self, lang: str = "zh") -> str:
        """A short label: 国庆节 / 周末 / 调休上班（国庆节） / 工作日."""
        name = self.holiday_name
        en = NAMES_EN.get(name or "", name)
        if self.kind is DayKind.HOLIDAY:
            return say(name or "法定节假日", f"{en} holiday" if en else "public holiday", lang)
        if self.kind is DayKind.WEEKEND:
            return say("周末", "weekend", lang)
        if self.kind is DayKind.MAKEUP_WORKDAY:
            return say(
                f"调休上班（{name}）" if name else "调休上班",
                f"make-up working day ({en})" if en else "make-up working day",
                lang,
            )
        return say("工作日", "working day", lang)


# --------------------------------------------------------------------------------------------
# Year data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearCoverage:
    """One line of ``paimai calendar status``."""

    year: int
    source: str
    origin: str
    builtin: bool
    overrides: str | None  # the source this year's data replaces, if any
    provisional: bool = False


def builtin_source() -> str:
    """``chinesecalendar <version>``: the source recorded for built-in years."""
    return f"chinesecalendar {_chinese_calendar_version()}"


@lru_cache(maxsize=1)
def _chinese_calendar_version() -> str:
    """The package's own ``__version__`` (reading the installed packages' metadata instead
    costs ten milliseconds on every run)."""
    import chinese_calendar

    version = getattr(chinese_calendar, "__version__", None)
    if isinstance(version, str) and version:
        return version
    try:  # pragma: no cover - a release without __version__
        from importlib.metadata import version as installed_version

        return installed_version("chinesecalendar")
    except Exception:  # pragma: no cover - metadata missing in an odd install
        return "unknown"


@lru_cache(maxsize=1)
def _builtin_years() -> tuple[YearData, ...]:
    """Year data from chinesecalendar, built once (the package data never changes at run time)."""
    from chinese_calendar import constants

    chinese = {h.value: h.chinese for h in constants.Holiday}
    source = builtin_source()
    by_year: dict[int, tuple[dict[dt.date, str], dict[dt.date, str | None]]] = {}
    years = {d.year for d in constants.holidays}
    for y in range(min(years), max(years) + 1):
        by_year[y] = ({}, {})
    for d, name in constants.holidays.items():
        by_year[d.year][0][d] = chinese.get(name, name)
    for d, name in constants.workdays.items():
        if d.year in by_year:
            by_year[d.year][1][d] = chinese.get(name, name) if name else None
    return tuple(
        YearData(
            year=y,
            source=source,
            origin="built-in",
            holidays=h,
            makeup_workdays=w,
            builtin=True,
        )
        for y, (h, w) in sorted(by_year.items())
    )


# --------------------------------------------------------------------------------------------
# Holiday files
# --------------------------------------------------------------------------------------------


def load_holiday_file(path: str | os.PathLike[str]) -> list[YearData]:
    """Read one holiday file (JSON or YAML; one year or several) and return its years.

    Raises :class:`HolidayDataError` naming the file and each faulty field with its line and
    value; never another exception.
    """
    shown = str(Path(path))
    data, lines = load_file(path, HolidayDataError)
    from .holiday_files import read_years  # pydantic: imported only when a file is read

    return read_years(data, lines, shown, HolidayDataError)


def user_holidays_dir() -> Path:
    """The per-user holiday directory (it need not exist)."""
    if sys.platform.startswith("win"):
        base = os.environ.get("APPDATA")
        if base:
            return Path(base) / "paimai" / "holidays"
        return Path.home() / "AppData" / "Roaming" / "paimai" / "holidays"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base_path = Path(xdg) if xdg else Path.home() / ".config"
    return base_path / "paimai" / "holidays"


def _env_dirs() -> list[Path]:
    raw = os.environ.get(ENV_HOLIDAYS_DIR, "")
    return [Path(part) for part in raw.split(os.pathsep) if part.strip()]


def _files_in(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in HOLIDAY_FILE_SUFFIXES
    )


def _years_from(
    files: Iterable[Path | str], skipped: list[HolidayDataError] | None = None
) -> dict[int, YearData]:
    """Years from files of one precedence level; the same year twice is an error. With
    ``skipped`` (files found in a holiday folder), a bad file is left out and recorded there,
    and the other files and the built-in data keep working; without it (files the user named),
    the first bad file raises."""
    out: dict[int, YearData] = {}
    for f in files:
        try:
            years = load_holiday_file(f)
            for yd in years:
                if yd.year in out:
                    raise HolidayDataError(
                        str(f),
                        [
                            Problem(
                                f"{yd.year}年的数据已由 {out[yd.year].origin} 提供",
                                f"the year {yd.year} is also given by {out[yd.year].origin}",
                            )
                        ],
                    )
        except HolidayDataError as exc:
            if skipped is None:
                raise
            skipped.append(exc)
            continue
        for yd in years:
            out[yd.year] = yd
    return out


# --------------------------------------------------------------------------------------------
# The calendar
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HolidayCalendar:
    """An immutable official calendar over a set of years.

    Build one with :meth:`load` (built-in data plus holiday files) or :func:`default_calendar`.
    ``weekends_are_statutory_holidays`` (default ``True``) decides whether ordinary weekends
    count as 法定休假日 for 民法典 art. 203 roll-over; see the module docstring.
    """

    years: Mapping[int, YearData]
    weekends_are_statutory_holidays: bool = True
    replaced: Mapping[int, YearData] = field(default_factory=dict)
    # Files of a holiday folder that were left out because they are invalid (see ``load``).
    skipped: tuple[HolidayDataError, ...] = ()
    # compute a year without official data from the statutory holidays (暂定), 2025–2100
    provisional: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "years", MappingProxyType(dict(self.years)))
        object.__setattr__(self, "replaced", MappingProxyType(dict(self.replaced)))

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        paths: Iterable[str | os.PathLike[str]] = (),
        *,
        include_builtin: bool = True,
        include_env: bool = True,
        include_user_dir: bool = True,
        weekends_are_statutory_holidays: bool = True,
        provisional: bool = True,
    ) -> HolidayCalendar:
        """Built-in years, then the user directory, then ``$PAIMAI_HOLIDAYS_DIR``, then
        ``paths``; each later level replaces the years it defines.

        A bad file in one of the folders is left out (``skipped`` says which and why; commands
        print it), so one broken file does not stop every deadline; a bad file in ``paths``
        raises :class:`HolidayDataError`."""
        levels: list[dict[int, YearData]] = []
        skipped: list[HolidayDataError] = []
        if include_builtin:
            levels.append({y.year: y for y in _builtin_years()})
        if include_user_dir:
            levels.append(_years_from(_files_in(user_holidays_dir()), skipped))
        if include_env:
            env_files = [f for d in _env_dirs() for f in _files_in(d)]
            levels.append(_years_from(env_files, skipped))
        levels.append(_years_from(Path(p) for p in paths))

        years: dict[int, YearData] = {}
        replaced: dict[int, YearData] = {}
        for level in levels:
            for y, data in level.items():
                if y in years:
                    replaced[y] = years[y]
                years[y] = data
        return cls(years, weekends_are_statutory_holidays, replaced, tuple(skipped), provisional)

    @classmethod
    def builtin(cls, *, provisional: bool = True) -> HolidayCalendar:
        """Only the data shipped in ``chinesecalendar`` (no files, no environment), plus the
        provisional years unless ``provisional=False``."""
        return cls.load(include_env=False, include_user_dir=False, provisional=provisional)

    def with_years(self, *data: YearData) -> HolidayCalendar:
        """A new calendar with ``data`` added (replacing those years)."""
        years = dict(self.years)
        replaced = dict(self.replaced)
        for d in data:
            if d.year in years:
                replaced[d.year] = years[d.year]
            years[d.year] = d
        return HolidayCalendar(
            years, self.weekends_are_statutory_holidays, replaced, self.skipped, self.provisional
        )

    def with_files(self, *paths: str | os.PathLike[str]) -> HolidayCalendar:
        """A new calendar with the years of these files added (replacing those years)."""
        return self.with_years(*_years_from(Path(p) for p in paths).values())

    # -- coverage ----------------------------------------------------------------------------

    def covered_years(self) -> dict[int, str]:
        """``{year: source}`` for every year with official data (not the provisional ones)."""
        return {y: d.source for y, d in sorted(self.years.items())}

    def provisional_years(self) -> range:
        """The years this calendar computes provisionally: 2025–2100 less the official ones
        (test ``is_provisional`` for a year; the range spans the official ones too)."""
        from paimai_docs.provisional import FIRST_YEAR, LAST_YEAR

        return range(FIRST_YEAR, LAST_YEAR + 1) if self.provisional else range(0)

    def is_provisional(self, year: int) -> bool:
        """True if ``year`` has no official data and is computed provisionally."""
        return year not in self.years and year in self.provisional_years()

    def uncertain_zones(self, day: dt.date) -> tuple[Any, ...]:
        """The holidays of provisional years whose schedule may still change ``day``'s status
        or a count through it (:class:`paimai_docs.provisional.Zone`); empty if none."""
        from paimai_docs.provisional import zones_at

        day = _as_date(day)
        years = {y for y in (day.year - 1, day.year, day.year + 1) if self.is_provisional(y)}
        return zones_at(day, frozenset(years)) if years else ()

    def coverage(self) -> list[YearCoverage]:
        """Each covered year with its source, where it was loaded from and what it replaces."""
        out = []
        for y, d in sorted(self.years.items()):
            old = self.replaced.get(y)
            out.append(
                YearCoverage(
                    year=y,
                    source=d.source,
                    origin=d.origin,
                    builtin=d.builtin,
                    overrides=(f"{old.source} ({old.origin})" if old is not None else None),
                )
            )
        return out

    def covers(self, year: int) -> bool:
        return year in self.years or self.is_provisional(year)

    def year_data(self, year: int) -> YearData:
        """The data of ``year`` (official, else provisional); raises
        :class:`CalendarYearNotCovered` if there is none."""
        data = self.years.get(year)
        if data is None:
            if self.is_provisional(year):
                from paimai_docs.provisional import provisional_year

                return provisional_year(year)
            raise CalendarYearMissing(year, self.years.keys())
        return data

    def source_of(self, year: int) -> str:
        return self.year_data(year).source

    # -- queries -----------------------------------------------------------------------------

    def day_status(self, day: dt.date) -> DayStatus:
        """The status of ``day``. Raises :class:`CalendarYearNotCovered` outside the data."""
        day = _as_date(day)
        data = self.year_data(day.year)
        name = data.holidays.get(day)
        if name is not None:
            kind = DayKind.HOLIDAY
        elif day in data.makeup_workdays:
            kind = DayKind.MAKEUP_WORKDAY
            name = data.makeup_workdays[day]
        elif day.weekday() >= 5:
            kind = DayKind.WEEKEND
        else:
            kind = DayKind.WORKDAY
        statutory = kind is DayKind.HOLIDAY or (
            kind is DayKind.WEEKEND and self.weekends_are_statutory_holidays
        )
        return DayStatus(day, kind, name, data.source, statutory, data.provisional)

    def is_working_day(self, day: dt.date) -> bool:
        """A working day (工作日): a weekday that is no holiday, or a make-up working day."""
        return self.day_status(day).is_working_day

    def is_statutory_holiday(self, day: dt.date) -> bool:
        """A 法定休假日 for 民法典 art. 203: a day of an official holiday block, and (by default)
        an ordinary weekend day that is not a make-up working day."""
        return self.day_status(day).statutory_holiday

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after ``day``."""
        d = _as_date(day) + dt.timedelta(days=1)
        while not self.is_working_day(d):
            d += dt.timedelta(days=1)
        return d

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day before ``day``."""
        d = _as_date(day) - dt.timedelta(days=1)
        while not self.is_working_day(d):
            d -= dt.timedelta(days=1)
        return d


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def default_calendar(paths: Iterable[str | os.PathLike[str]] = ()) -> HolidayCalendar:
    """Built-in data plus the holiday files of ``$PAIMAI_HOLIDAYS_DIR`` and the user directory
    (read now, so a file dropped in later is seen by the next call), plus ``paths``."""
    return HolidayCalendar.load(paths)
