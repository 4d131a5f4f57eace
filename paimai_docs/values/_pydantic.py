"""Glue between our plain validators and pydantic: one place that turns ``InvalidValue`` into a
``PydanticCustomError`` carrying a machine-readable code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

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


def personal_type(
    validate: Callable[[Any], str],
    code_prefix: str,
    value_type: type[str],
    schema: dict[str, Any],
) -> Any:
    """The pydantic field type of a string of personal data: checked by ``validate`` (its
    errors coded ``<code_prefix>_…``), held as ``value_type`` (masked in ``repr``), masked when
    serialised unless asked (:func:`~.masking.serialize_personal`), described by ``schema``."""
    from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema

    from .masking import serialize_personal

    return Annotated[
        str,
        BeforeValidator(as_pydantic(validate, code_prefix)),
        AfterValidator(value_type),
        PlainSerializer(serialize_personal, return_type=str),
        WithJsonSchema(schema),
    ]


def lazy_types(module: str, builders: dict[str, Callable[[], Any]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that builds the field types named in ``builders`` when first
    asked for, and keeps them in the module: the reader validates phone numbers and IDs without
    importing pydantic; a model that names the type imports it then."""

    def __getattr__(name: str) -> Any:
        build = builders.get(name)
        if build is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        value = build()
        setattr(sys.modules[module], name, value)
        return value

    return __getattr__
