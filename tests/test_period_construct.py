"""The period functions build their results from values they computed, without validating them
again (so that a check does not build pydantic's validators): every result is exactly what
validation would have made of the same values — the same types, the same nesting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from paimai_docs import periods
from paimai_docs.holidays import HolidayCalendar
from paimai_docs.period_text import PeriodResult

CALENDAR = HolidayCalendar.builtin()
# around the National Day and Spring Festival holidays, a provisional year, an ordinary week
DAYS = [dt.date(2025, 9, 28), dt.date(2026, 2, 10), dt.date(2031, 1, 20), dt.date(2026, 6, 8)]

COUNTS: list[tuple[str, Callable[[dt.date], PeriodResult]]] = [
    ("add_days", lambda d: periods.add_days(d, 7, CALENDAR)),
    ("add_days_no_roll", lambda d: periods.add_days(d, 3, CALENDAR, roll=False)),
    ("add_months", lambda d: periods.add_months(d, 1, CALENDAR)),
    ("add_working_days", lambda d: periods.add_working_days(d, 5, CALENDAR)),
    ("add_hours", lambda d: periods.add_hours(dt.datetime.combine(d, dt.time(9, 30)), 48)),
    ("fixed_date", lambda d: periods.fixed_date(d, CALENDAR)),
    ("days_before", lambda d: periods.days_before(d, 15, CALENDAR)),
    ("days_before_clear", lambda d: periods.days_before(d, 7, CALENDAR, clear_days=True)),
    ("working_days_before", lambda d: periods.working_days_before(d, 5, CALENDAR)),
    ("latest_start_before", lambda d: periods.latest_start_before(d, 7, CALENDAR)),
]


def _same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, PeriodResult) or hasattr(a, "model_fields_set"):
        fields = type(a).model_fields  # type: ignore[attr-defined]
        return all(_same(getattr(a, name), getattr(b, name)) for name in fields)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)  # type: ignore[attr-defined,index]
    return a == b


@pytest.mark.parametrize("day", DAYS, ids=str)
@pytest.mark.parametrize(("name", "count"), COUNTS, ids=[name for name, _ in COUNTS])
def test_result_is_what_validation_makes(
    name: str, count: Callable[[dt.date], PeriodResult], day: dt.date
) -> None:
    result = count(day)
    validated = PeriodResult.model_validate(result.model_dump())
    assert _same(result, validated), name
    assert result.explain("zh") and result.explain("en")
