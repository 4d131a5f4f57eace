"""Reading submitted bundles: PDFs and .docx files → documents with pages, kinds and facts.

>>> from paimai_docs.reading import read_bundle
>>> bundle = read_bundle("案件材料.zip")  # doctest: +SKIP

See :mod:`paimai_docs.reading.bundle` for what is read and how safely, and
:mod:`paimai_docs.reading.types` for what comes back.
"""

from .bundle import BundleReader, Limits, read_bundle, read_document
from .pdf import classify_quality
from .privacy import mask_text
from .types import Bundle, Document, Fact, Page, PageQuality, ReadProblem, TextSource

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
