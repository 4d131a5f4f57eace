"""Glue between our plain validators and pydantic: one place that turns ``InvalidValue`` into a
``PydanticCustomError`` carrying a machine-readable code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import InvalidValue

T = TypeVar("T")


def as_pydantic(func: Callable[[Any], T], code_prefix: str) -> Callable[[Any], T]:
    """Wrap ``func`` so that our ``InvalidValue`` errors become pydantic errors with codes
    ``<code_prefix>_<error.code>`` (for example ``ric_invalid_checksum``)."""

    def validator(value: Any) -> T:
        try:
            return func(value)
        except InvalidValue as exc:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError(f"{code_prefix}_{exc.code}", str(exc)) from None

    validator.__name__ = getattr(func, "__name__", "validator")
    validator.__doc__ = func.__doc__
    return validator


def require_text(value: Any, what: str) -> str:
    """Return ``value`` as a stripped, NFKC-normalised string or raise ``InvalidFormat``."""
    import unicodedata

    from ..errors import InvalidFormat

    if not isinstance(value, str):
        raise InvalidFormat(f"{what}应为文本")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise InvalidFormat(f"{what}不能为空")
    return text
