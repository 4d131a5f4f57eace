"""The ``--holidays FILE`` option, shared by every command that counts days (plan, calendar;
check and render take it the same way): one definition of the option, one way to build the
calendar from it, one wording for a bad file."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from paimai_docs.commands._common import warn_skipped_holiday_files
from paimai_docs.lang import say

if TYPE_CHECKING:
    from paimai_docs.holidays import HolidayCalendar

__all__ = ["add_holidays_option", "calendar_from_args"]


def add_holidays_option(parser: argparse.ArgumentParser | Any) -> None:
    """Add ``--holidays FILE`` (repeatable) to ``parser``."""
    parser.add_argument(
        "--holidays",
        action="append",
        default=[],
        metavar="FILE",
        help=say(
            "节假日数据文件（JSON 或 YAML，可重复），优先于内置数据和暂定推算",
            "holiday data file (JSON or YAML, repeatable); wins over the built-in and the "
            "provisional data",
        ),
    )


def calendar_from_args(args: argparse.Namespace, lang: str) -> HolidayCalendar | None:
    """The calendar for this run: built-in data, the holiday folders, then ``--holidays``
    files. A bad file given with ``--holidays`` is said on stderr and gives ``None`` (the
    command exits 2); a bad file in a folder is skipped with a warning."""
    from paimai_docs.holidays import HolidayDataError, default_calendar

    try:
        calendar = default_calendar(getattr(args, "holidays", None) or ())
    except HolidayDataError as exc:
        print(exc.message(lang), file=sys.stderr)
        return None
    warn_skipped_holiday_files(calendar, lang)
    return calendar
