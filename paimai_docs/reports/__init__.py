"""Report writers: each takes a :class:`~paimai_docs.checker.CheckResult` and returns the report
as text or bytes. ``WRITERS`` maps a format name to its module; each module has
``render(result, *, lang="zh", show_personal_data=False, **options) -> str | bytes``."""

from __future__ import annotations

import importlib
from typing import Any

from ..lang import resolve

WRITERS: dict[str, str] = {
    "text": "paimai_docs.reports.text",
    "json": "paimai_docs.reports.json_report",
    "sarif": "paimai_docs.reports.sarif",
    "docx": "paimai_docs.reports.notice",
    "html": "paimai_docs.reports.html",
}
BINARY_FORMATS = frozenset({"docx"})


def render_report(result: Any, fmt: str, **options: Any) -> str | bytes:
    """The report of ``result`` in format ``fmt`` (text, json, sarif, docx or html)."""
    module = importlib.import_module(WRITERS[fmt])
    if "lang" in options:
        options["lang"] = resolve(options["lang"])
    output: str | bytes = module.render(result, **options)
    return output
