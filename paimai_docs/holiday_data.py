"""One year of holiday data (:class:`YearData`) and the English names of the statutory
holidays: the types the official calendar (:mod:`paimai_docs.holidays`) and the provisional one
(:mod:`paimai_docs.provisional`) both build, in a module of their own so that neither imports
the other's internals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["NAMES_EN", "YearData"]

NAMES_EN = {
    "元旦": "New Year's Day",
    "春节": "Spring Festival",
    "清明": "Qingming",
    "清明节": "Qingming",
    "劳动节": "Labour Day",
    "端午": "Dragon Boat Festival",
    "端午节": "Dragon Boat Festival",
    "中秋": "Mid-Autumn Festival",
    "中秋节": "Mid-Autumn Festival",
    "国庆节": "National Day",
}


@dataclass(frozen=True)
class YearData:
    """The official schedule of one year: holiday days (date -> Chinese name) and make-up
    working days (date -> the holiday they make up for, or ``None``).

    ``source`` is the notice or package the data is from; ``origin`` is where it was loaded
    (``"built-in"`` or a file path).
    """

    year: int
    source: str
    origin: str
    holidays: Mapping[dt.date, str]
    makeup_workdays: Mapping[dt.date, str | None]
    builtin: bool = False
    provisional: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "holidays", MappingProxyType(dict(self.holidays)))
        object.__setattr__(self, "makeup_workdays", MappingProxyType(dict(self.makeup_workdays)))
