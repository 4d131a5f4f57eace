"""The exceptions paimai-docs raises: one small hierarchy, each class with a stable ``code``.

Callers catch by class; tests assert the class or the code, never the wording.
"""

from __future__ import annotations


class PaimaiError(Exception):
    """Base class of every error this package raises on purpose."""

    code = "paimai_error"


class InvalidValue(PaimaiError, ValueError):
    """A value (amount, ID number, date, ...) cannot be accepted."""

    code = "invalid_value"


class InvalidFormat(InvalidValue):
    """The value does not have the shape of what it claims to be."""

    code = "invalid_format"


class InvalidChecksum(InvalidValue):
    """The value has the right shape but its check digit is wrong."""

    code = "invalid_checksum"


class InvalidComponent(InvalidValue):
    """A part of the value (a birth date, a region code, ...) is impossible."""

    code = "invalid_component"


class UnknownKind(PaimaiError, LookupError):
    """A document kind name that paimai-docs does not know."""

    code = "unknown_kind"


class ResourceMissing(PaimaiError, FileNotFoundError):
    """A data file that should ship with the package (template, rule, example) is absent."""

    code = "resource_missing"


class MissingExtra(PaimaiError, ImportError):
    """An optional feature needs an extra that is not installed; the message says what to
    install."""

    code = "missing_extra"


class CalendarYearNotCovered(PaimaiError, LookupError):
    """A date falls in a year for which no official holiday data is known."""

    code = "calendar_year_not_covered"
