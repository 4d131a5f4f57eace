"""Reading submitted bundles: PDFs and .docx files → documents with pages, kinds and facts.

>>> from paimai_docs.reading import read_bundle
>>> bundle = read_bundle("案件材料.zip")  # doctest: +SKIP

See :mod:`paimai_docs.reading.bundle` for what is read and how safely, and
:mod:`paimai_docs.reading.types` for what comes back. The names below are imported on first
use: a worker process that reads files (:mod:`._worker`) imports this package too, and needs
neither the bundle machinery nor the classifier.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; at run time the names are imported on first use
    from .bundle import BundleReader, Limits, read_bundle, read_document
    from .pdf import classify_quality
    from .privacy import mask_text
    from .types import Bundle, Document, Fact, Page, PageQuality, ReadProblem, TextSource

# public name -> module
_EXPORTS = {
    "BundleReader": "bundle",
    "Limits": "bundle",
    "read_bundle": "bundle",
    "read_document": "bundle",
    "classify_quality": "pdf",
    "mask_text": "privacy",
    "Bundle": "types",
    "Document": "types",
    "Fact": "types",
    "Page": "types",
    "PageQuality": "types",
    "ReadProblem": "types",
    "TextSource": "types",
}

__all__ = [
    "Bundle",
    "BundleReader",
    "Document",
    "Fact",
    "Limits",
    "Page",
    "PageQuality",
    "ReadProblem",
    "TextSource",
    "classify_quality",
    "mask_text",
    "read_bundle",
    "read_document",
]


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
