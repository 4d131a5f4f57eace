"""What every document model shares: the ``field`` helper that writes a field's Chinese label and
its PDF synonyms once, the ``DocumentModel`` base, and tolerant date types.

Models validate *structure* (types, required fields, non-negative money, end after start). Legal
requirements (deadlines, caps, floors, checklists) live in ``rules/`` and are not repeated here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError, PydanticUndefined

from .. import rx

LABEL_KEY = "x-label"
SYNONYMS_KEY = "x-synonyms"


def field(
    label: str,
    *,
    synonyms: Sequence[str] = (),
    default: Any = PydanticUndefined,
    description: str | None = None,
    label_en: str | None = None,
    **kwargs: Any,
) -> Any:
    """A model field with its printed Chinese ``label`` and the ``synonyms`` a PDF reader looks for.

    Without ``default`` the field is required; ``default=None`` makes it optional.
    """
    extra: dict[str, Any] = {LABEL_KEY: label}
    if label_en:
        extra["x-label-en"] = label_en
    if synonyms:
        extra[SYNONYMS_KEY] = list(synonyms)
    return Field(default, title=label, description=description, json_schema_extra=extra, **kwargs)


_DATE_PATTERNS = (
    rx.compile(r"^(?P<y>\d{4})[-./年](?P<m>\d{1,2})[-./月](?P<d>\d{1,2})日?$"),
    rx.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)
_TIME = rx.compile(r"^(?P<h>\d{1,2})[:：时点](?P<min>\d{1,2})?分?$")


def _parse_date_text(text: str) -> dt.date:
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise PydanticCustomError(
                    "date_impossible", "日期不存在：{text}", {"text": text}
                ) from None
    raise PydanticCustomError(
        "date_format",
        "日期格式不正确：{text}（可写作 2026-11-22 或 2026年11月22日）",
        {"text": text},
    )


def _refuse_numbers(value: Any, what: str) -> None:
    # pydantic reads bare numbers as Unix timestamps; on a document that is always a mistake.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError(f"{what}_type", "应为日期文本，例如 2026-11-22")


def _coerce_date(value: Any) -> Any:
    _refuse_numbers(value, "date")
    if isinstance(value, str):
        return _parse_date_text(unicodedata.normalize("NFKC", value).strip())
    return value


def _coerce_datetime(value: Any) -> Any:
    _refuse_numbers(value, "datetime")
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    date_part, _, time_part = text.partition(" ")
    if not time_part and "日" in text:
        date_part, _, time_part = text.partition("日")
        date_part += "日"
    day = _parse_date_text(date_part)
    match = _TIME.match(time_part.strip())
    if not match:
        raise PydanticCustomError(
            "datetime_format", "时间格式不正确：{text}（可写作 2026-11-22 10:00）", {"text": text}
        )
    try:
        return dt.datetime.combine(day, dt.time(int(match["h"]), int(match["min"] or 0)))
    except ValueError:
        raise PydanticCustomError("datetime_format", "时间不存在：{text}", {"text": text}) from None


_BEIJING = dt.timezone(dt.timedelta(hours=8))


def _to_beijing_wall_time(value: dt.datetime) -> dt.datetime:
    """Documents state Beijing time; an aware datetime is converted to it and made naive, so that
    every datetime in a model compares with every other."""
    if value.tzinfo is not None:
        return value.astimezone(_BEIJING).replace(tzinfo=None)
    return value


Date = Annotated[dt.date, BeforeValidator(_coerce_date)]
"""A date; also accepts 2026年11月22日, 2026.11.22 and 2026/11/22."""

DateTime = Annotated[
    dt.datetime, BeforeValidator(_coerce_datetime), AfterValidator(_to_beijing_wall_time)
]
"""A date and time; also accepts 2026年11月22日 10:00 and 2026-11-22 10时."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text (surrounding whitespace removed)."""


def check_not_before(start: Any, end: Any, start_label: str) -> None:
    """Raise a pydantic error when ``end`` is earlier than ``start`` (both may be None)."""
    if start is not None and end is not None and end < start:
        raise PydanticCustomError(
            "end_before_start", "不能早于{start_label}", {"start_label": start_label}
        )


class Record(BaseModel):
    """Base of every sub-model: unknown keys are refused (a typo must not vanish silently)."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        use_enum_values=False,
        validate_assignment=True,
        defer_build=True,
    )


class DocumentModel(Record):
    """Base of every document model.

    ``document_kind`` is the machine name used in reports (DESIGN.md section 3); ``model_name`` is
    the name ``paimai schema``/``paimai example`` take; ``title`` is the document's printed title.
    """

    document_kind: ClassVar[str]
    model_name: ClassVar[str]
    title: ClassVar[str]
    title_en: ClassVar[str]
