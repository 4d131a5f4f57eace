"""Ruled tables of a PDF page, recovered from the page's lines and pdfium's text, as rows of
cells.

Filled forms (备案表, 登记表, the lot table of a 成交确认书) are ruled tables. In the text layer
their cells come out one after another, a wrapped cell split over two lines, so a label and its
value, or a lot and its amounts, no longer stand on one line. Where the page draws the rules, the
cells are recovered here: horizontal and vertical rules are taken from the page's path objects,
rules that touch form a table, the rows are the bands between its horizontal rules and a row's
cells are cut at the vertical rules that cross it; a cell's text is what pdfium finds inside
it (``get_text_bounded``), its lines joined. :func:`table_lines` turns them into lines for the
page's text.

Plain text pages pay almost nothing: on a page without path objects only the types of its
objects are read (about a sixth of the cost of extracting the page's text). pdfplumber's table
finder gives the same cells but costs fifty to a hundred times more (``bench/bench_tables.py``).

Bounds, so that a hostile page cannot make this slow: at most :data:`MAX_OBJECTS` objects are
inspected, :data:`MAX_SEGMENTS` path segments and :data:`MAX_RULES` rules read, and at most
:data:`MAX_CELLS` cells filled with text per page.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass
from typing import Any

__all__ = ["page_tables", "table_lines"]

MAX_OBJECTS = 20_000  # page objects looked at for paths
MAX_SEGMENTS = 20_000  # path segments read from one page
MAX_RULES = 2_000  # rules kept from one page
MAX_CELLS = 1_000  # cells filled with text on one page
MAX_CELL_CHARS = 500  # text kept of one cell

SNAP = 1.5  # points: rules closer than this are the same rule
THIN = 2.0  # points: a filled rectangle this thin is a rule
MIN_RULE = 4.0  # points: shorter strokes (ticks, glyph parts) are not rules
_PATH = 2  # FPDF_PAGEOBJ_PATH
_LINETO, _MOVETO = 0, 2  # FPDF_SEGMENT_LINETO, FPDF_SEGMENT_MOVETO (1 is a curve)


@dataclass
class _Rule:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


def _segments(page: Any) -> tuple[list[_Rule], list[_Rule]]:
    """Horizontal and vertical straight strokes of the page's paths, in page coordinates."""
    import pypdfium2.raw as pdfium_c

    get_object, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    count_segments, get_segment = pdfium_c.FPDFPath_CountSegments, pdfium_c.FPDFPath_GetPathSegment
    get_point, segment_type = pdfium_c.FPDFPathSegment_GetPoint, pdfium_c.FPDFPathSegment_GetType
    segment_close = pdfium_c.FPDFPathSegment_GetClose
    horizontal: list[_Rule] = []
    vertical: list[_Rule] = []
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    get_bounds = pdfium_c.FPDFPageObj_GetBounds
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    left_ref, bottom_ref, right_ref, top_ref = (ctypes.byref(v) for v in (left, bottom, right, top))
    budget = MAX_SEGMENTS
    raw = page.raw
    for index in range(min(pdfium_c.FPDFPage_CountObjects(raw), MAX_OBJECTS)):
        obj = get_object(raw, index)
        if get_type(obj) != _PATH:
            continue
        segments = count_segments(obj)
        if segments <= 0:
            continue
        budget -= segments
        if budget < 0:
            break
        if segments == 2:  # a single stroke (most rules): its bounds say where it is
            if get_bounds(obj, left_ref, bottom_ref, right_ref, top_ref):
                _stroke_from_bounds(
                    left.value, bottom.value, right.value, top.value, horizontal, vertical
                )
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points: list[tuple[int, float, float, bool]] = []
        for number in range(segments):
            segment = get_segment(obj, number)
            if not get_point(segment, x_ref, y_ref):
                continue
            px, py = x.value, y.value
            points.append(
                (
                    segment_type(segment),
                    a * px + c * py + e,
                    b * px + d * py + f,
                    bool(segment_close(segment)),
                )
            )
        _strokes(points, horizontal, vertical)
    return horizontal, vertical


def _stroke_from_bounds(
    left: float,
    bottom: float,
    right: float,
    top: float,
    horizontal: list[_Rule],
    vertical: list[_Rule],
) -> None:
    """A rule from the bounds of a one-stroke path (the bounds include the line's width); a
    slanted stroke is no rule."""
    width, height = right - left, top - bottom
    if height < THIN and width >= MIN_RULE:
        horizontal.append(_Rule((top + bottom) / 2, left, right))
    elif width < THIN and height >= MIN_RULE:
        vertical.append(_Rule((left + right) / 2, bottom, top))


def _strokes(
    points: list[tuple[int, float, float, bool]],
    horizontal: list[_Rule],
    vertical: list[_Rule],
) -> None:
    """The axis-parallel straight strokes of one path (subpaths closed where marked); a thin
    rectangle (a rule drawn as a filled box) counts as one rule along its middle."""
    subpath: list[tuple[float, float]] = []

    def flush() -> None:
        if len(subpath) >= 4:
            xs = [p[0] for p in subpath]
            ys = [p[1] for p in subpath]
            width, height = max(xs) - min(xs), max(ys) - min(ys)
            if height < THIN <= width:
                horizontal.append(_Rule((max(ys) + min(ys)) / 2, min(xs), max(xs)))
                return
            if width < THIN <= height:
                vertical.append(_Rule((max(xs) + min(xs)) / 2, min(ys), max(ys)))
                return
        for (x0, y0), (x1, y1) in itertools.pairwise(subpath):
            if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= MIN_RULE:
                horizontal.append(_Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x0 - x1) < 0.5 and abs(y1 - y0) >= MIN_RULE:
                vertical.append(_Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    for kind, px, py, close in points:
        if kind == _MOVETO:
            flush()
            subpath = [(px, py)]
        elif kind == _LINETO:
            subpath.append((px, py))
        else:  # a curve: not a rule; end the straight run here
            flush()
            subpath = [(px, py)]
        if close and subpath:
            subpath.append(subpath[0])
    flush()


def _merge(rules: list[_Rule]) -> list[_Rule]:
    """Rules on the same line (within SNAP) that touch or overlap, joined."""
    rules.sort(key=lambda rule: (rule.at, rule.start))
    merged: list[_Rule] = []
    for rule in rules:
        for other in reversed(merged):
            if rule.at - other.at > SNAP:
                merged.append(_Rule(rule.at, rule.start, rule.end))
                break
            if rule.start <= other.end + SNAP and other.start <= rule.end + SNAP:
                other.start, other.end = min(other.start, rule.start), max(other.end, rule.end)
                break
        else:
            merged.append(_Rule(rule.at, rule.start, rule.end))
    return merged


def _crosses(h: _Rule, v: _Rule) -> bool:
    return h.start - SNAP <= v.at <= h.end + SNAP and v.start - SNAP <= h.at <= v.end + SNAP


def _tables_of(
    horizontal: list[_Rule], vertical: list[_Rule]
) -> list[tuple[list[_Rule], list[_Rule]]]:
    """Groups of rules that touch (a table each), with two rules at least in each direction."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    tables = [group for group in groups.values() if len(group[0]) >= 2 and len(group[1]) >= 2]
    tables.sort(key=lambda group: -max(h.at for h in group[0]))  # top of the page first
    return tables


def _distinct(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


def _cell_text(textpage: Any, buffer: Any, box: tuple[float, float, float, float]) -> str:
    """The text inside ``box`` (left, bottom, right, top), its lines joined."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = box
    size = pdfium_c.FPDFText_GetBoundedText(
        textpage.raw, left, top, right, bottom, buffer, len(buffer)
    )
    if size <= 0:
        return ""
    text = ctypes.string_at(buffer, 2 * size).decode("utf-16-le", "ignore").replace("\x00", "")
    joined = ""
    for part in text.replace("\r", "\n").split("\n"):
        line = part.strip()
        if not line:
            continue
        if joined and joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii():
            joined += " "  # a wrapped Latin phrase keeps its space; Chinese joins without one
        joined += line
    return " ".join(joined.replace("|", "｜").split())[:MAX_CELL_CHARS]


def page_tables(page: Any, textpage: Any) -> list[list[list[str]]]:
    """The ruled tables of a page, top first, each a list of rows (top first) of cell texts
    (left first). Rows whose cells are all empty are left out; a table needs two columns."""
    horizontal, vertical = _segments(page)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    horizontal, vertical = _merge(horizontal), _merge(vertical)
    if len(horizontal) + len(vertical) > MAX_RULES:
        return []
    budget = MAX_CELLS
    buffer = (ctypes.c_ushort * (4 * MAX_CELL_CHARS))()  # longer cell texts are cut
    tables: list[list[list[str]]] = []
    for rows_rules, column_rules in _tables_of(horizontal, vertical):
        ys = _distinct([rule.at for rule in rows_rules])[::-1]  # top first
        rows: list[list[str]] = []
        for top, bottom in itertools.pairwise(ys):
            middle = (top + bottom) / 2
            cuts = _distinct(
                [rule.at for rule in column_rules if rule.start - SNAP <= middle <= rule.end + SNAP]
            )
            if len(cuts) < 2:
                continue
            budget -= len(cuts) - 1
            if budget < 0:
                return tables
            cells = [
                _cell_text(textpage, buffer, (left, bottom, right, top))
                for left, right in itertools.pairwise(cuts)
            ]
            if any(cells):
                rows.append(cells)
        if rows and max(len(row) for row in rows) >= 2:
            tables.append(rows)
    return tables


def table_lines(tables: list[list[list[str]]], text: str = "") -> list[str]:
    """The tables as text lines, a row a line. A row of two cells (a form's label and value)
    becomes ``标签：值``, as a filled form field does (rules that look for a value after a
    label, ``保险手续(?!:?\\s*无)``, read it so); a wider row's cells are separated by `` | ``,
    the header row first, as the fact extractor reads a flattened table. A table every row of
    which is already a line of ``text`` (the page's text layer) adds nothing and is left out."""
    present = {"".join(line.split()) for line in text.split("\n")} if text else set()
    lines: list[str] = []
    for table in tables:
        if all("".join("".join(row).split()) in present for row in table):
            continue
        for row in table:
            if len(row) == 2:
                if row[0] and row[1]:
                    lines.append(f"{row[0]}：{row[1]}")
            else:
                lines.append(" | ".join(row))
    return lines
