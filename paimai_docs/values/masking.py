"""Masking of personal data (ID, phone and bank numbers) for repr and for every output.

A value type that holds personal data subclasses :class:`MaskedStr`: ``str(value)`` is the real
value (templates and filings need it), ``repr(value)`` is masked, and pydantic serialisation is
masked unless the caller passes ``context={"show_personal_data": True}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import SerializationInfo

SHOW_PERSONAL_DATA = "show_personal_data"


def mask_middle(text: str, keep_start: int, keep_end: int, char: str = "*") -> str:
    """Keep the first ``keep_start`` and last ``keep_end`` characters, mask the rest."""
    if len(text) <= keep_start + keep_end:
        return char * len(text)
    return text[:keep_start] + char * (len(text) - keep_start - keep_end) + text[-keep_end:]


class MaskedStr(str):
    """A string holding personal data; ``masked()`` gives the form safe to show."""

    keep_start = 3
    keep_end = 4

    def masked(self) -> str:
        return mask_middle(str(self), self.keep_start, self.keep_end)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked()!r})"


def serialize_personal(value: Any, info: SerializationInfo) -> Any:
    """Pydantic plain serializer: mask unless ``show_personal_data`` is set in the context."""
    context = info.context or {}
    if isinstance(value, MaskedStr) and not context.get(SHOW_PERSONAL_DATA):
        return value.masked()
    return str(value)
