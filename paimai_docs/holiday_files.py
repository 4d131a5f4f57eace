"""Holiday files as users write them (JSON or YAML, one year or several): their schema and
its validation, with every problem named by field, line and value. Read by
:func:`paimai_docs.holidays.load_holiday_file`; apart from it because validating takes pydantic,
which nothing else on the way to a check needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .holiday_data import YearData
from .userfiles import Lines, Problem, UserFileError, pydantic_problem, where_of

__all__ = ["read_years"]

_WEEKDAYS_ZH = "一二三四五六日"


def _parse_iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError("应为日期 YYYY-MM-DD，不应带时间 / expected a date without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if len(value.strip()) == 10:
                return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError("应为 YYYY-MM-DD 格式的日期 / expected a date YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_parse_iso_date)]


class _DaySpan(BaseModel):
    """Days given as a list (``dates``), a range (``start``/``end``, both included), a single
    ``date``, or any mix of these."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str | None = None
    date: IsoDate | None = None
    dates: list[IsoDate] = Field(default_factory=list)
    start: IsoDate | None = None
    end: IsoDate | None = None

    @model_validator(mode="after")
    def _check(self) -> _DaySpan:
        if (self.start is None) != (self.end is None):
            raise ValueError("start 和 end 须同时给出 / give both start and end")
        if self.start is not None and self.end is not None:
            if self.end < self.start:
                raise ValueError("end 早于 start / end is before start")
            if (self.end - self.start).days > 60:
                raise ValueError("区间超过60天 / range longer than 60 days")
        if self.date is None and not self.dates and self.start is None:
            raise ValueError("没有日期：请给出 date、dates 或 start/end / no dates given")
        return self

    def days(self) -> list[dt.date]:
        out = list(self.dates)
        if self.date is not None:
            out.append(self.date)
        if self.start is not None and self.end is not None:
            n = (self.end - self.start).days
            out.extend(self.start + dt.timedelta(days=i) for i in range(n + 1))
        return out


class _HolidayEntry(_DaySpan):
    name: str = Field(min_length=1)


def _scalar_to_span(value: Any) -> Any:
    if isinstance(value, (str, dt.date)):
        return {"date": value}
    return value


class _YearFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    year: int = Field(ge=1949, le=2200)
    source: str = Field(min_length=1)
    url: str | None = None
    note: str | None = None
    holidays: list[_HolidayEntry]
    makeup_workdays: list[Annotated[_DaySpan, BeforeValidator(_scalar_to_span)]] = Field(
        default_factory=list
    )

    @field_validator("source")
    @classmethod
    def _source_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("source 不能为空 / source must not be blank")
        return v.strip()

    def day_problems(self) -> list[tuple[tuple[int | str, ...], str, str]]:
        """Days in the wrong year, on two holidays, or both holiday and make-up working day:
        ``(field path, Chinese, English)`` for each."""
        problems: list[tuple[tuple[int | str, ...], str, str]] = []
        holiday_days: dict[dt.date, str] = {}
        for i, entry in enumerate(self.holidays):
            for d in entry.days():
                if d.year != self.year:
                    problems.append(
                        (("holidays", i), f"{d} 不在 {self.year} 年", f"{d} is not in {self.year}")
                    )
                prev = holiday_days.get(d)
                if prev is not None and prev != entry.name:
                    problems.append(
                        (
                            ("holidays", i),
                            f"{d} 同时属于“{prev}”和“{entry.name}”",
                            f"{d} belongs to both {prev} and {entry.name}",
                        )
                    )
                holiday_days[d] = entry.name
        for i, span in enumerate(self.makeup_workdays):
            for d in span.days():
                where = ("makeup_workdays", i)
                if d.year != self.year:
                    problems.append(
                        (where, f"{d} 不在 {self.year} 年", f"{d} is not in {self.year}")
                    )
                if d in holiday_days:
                    problems.append(
                        (where, f"{d} 同时列为放假日", f"{d} is also listed as a holiday")
                    )
                if d.weekday() < 5:
                    problems.append(
                        (
                            where,
                            f"{d} 是周{_WEEKDAYS_ZH[d.weekday()]}，调休上班日应为周六或周日",
                            f"{d} is a weekday; a make-up working day must be a weekend day",
                        )
                    )
        return problems

    def to_year_data(self, origin: str) -> YearData:
        holidays: dict[dt.date, str] = {}
        for entry in self.holidays:
            for d in entry.days():
                holidays[d] = entry.name
        makeup: dict[dt.date, str | None] = {}
        for span in self.makeup_workdays:
            for d in span.days():
                makeup[d] = span.name
        return YearData(
            year=self.year,
            source=self.source,
            origin=origin,
            holidays=holidays,
            makeup_workdays=makeup,
        )


class _MultiYearFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    years: list[_YearFile] = Field(min_length=1)


def read_years(data: Any, lines: Lines, shown: str, error: type[UserFileError]) -> list[YearData]:
    """The years of a holiday file's parsed ``data``; ``error(shown, problems)`` is raised for a
    file that is not a valid holiday file (every problem with its line)."""
    root: tuple[int | str, ...] = ()
    try:
        if isinstance(data, list):
            root = ("years",)
            years = _MultiYearFile.model_validate({"years": data}).years
        elif isinstance(data, dict) and "years" in data:
            years = _MultiYearFile.model_validate(data).years
        elif isinstance(data, dict):
            years = [_YearFile.model_validate(data)]
        else:
            raise error(
                shown,
                [
                    Problem(
                        "顶层应为键值对象或列表",
                        "the top level must be a mapping or a list",
                        line=1,
                    )
                ],
            )
    except ValidationError as exc:
        problems = [_problem(e, lines, root) for e in exc.errors()]
        raise error(shown, problems) from None

    day_problems = []
    for index, y in enumerate(years):
        base: tuple[int | str, ...] = ("years", index) if root or "years" in data else ()
        for loc, zh, en in y.day_problems():
            day_problems.append(Problem(zh, en, where=where_of(loc), line=lines.line(base + loc)))
    if day_problems:
        raise error(shown, day_problems)

    seen: set[int] = set()
    for index, y in enumerate(years):
        if y.year in seen:
            place: tuple[int | str, ...] = ("years", index, "year") if len(years) > 1 else ("year",)
            raise error(
                shown,
                [
                    Problem(
                        f"{y.year}年在同一文件中出现两次",
                        f"the year {y.year} is given twice",
                        line=lines.line(place),
                    )
                ],
            )
        seen.add(y.year)
    return [y.to_year_data(shown) for y in years]


def _problem(error: Any, lines: Lines, root: tuple[int | str, ...]) -> Problem:
    return pydantic_problem(error, lines, root)
