"""Page numbers as a person reads them: runs of pages as ranges."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["page_ranges"]


def page_ranges(pages: Iterable[int]) -> str:
    """[1, 2, 3, 5] -> '1–3、5'."""
    numbers = sorted(set(pages))
    parts: list[str] = []
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif prev is not None and n == prev + 1:
            prev = n
        else:
            parts.append(f"{start}–{prev}" if start != prev else str(start))
            start = prev = n
    if start is not None:
        parts.append(f"{start}–{prev}" if start != prev else str(start))
    return "、".join(parts)
