"""Bounds on the work a bundle may cause (:class:`Limits`), shared by the reader, its worker
processes and the .docx and zip readers.

The memory of a worker defaults to 1 GiB of address space; the environment variable
``PAIMAI_WORKER_MEMORY`` changes the default (``512M``, ``2G``, ``1.5GiB``, a number of bytes, or
``0`` for no limit), an explicit ``Limits(max_worker_memory_bytes=...)`` overrides both.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field

from .. import rx
from ..errors import InvalidValue

__all__ = ["ENV_WORKER_MEMORY", "Limits", "parse_size"]

_KiB = 1 << 10
_MiB = 1 << 20
_GiB = 1 << 30

ENV_WORKER_MEMORY = "PAIMAI_WORKER_MEMORY"
DEFAULT_WORKER_MEMORY = _GiB

_SIZE = rx.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "K": _KiB, "M": _MiB, "G": _GiB, "T": _GiB * _KiB}


def parse_size(text: str) -> int:
    """``"512M"``, ``"2G"``, ``"1.5GiB"``, ``"1073741824"`` → bytes (binary units).
    Raises :class:`~paimai_docs.errors.InvalidValue`."""
    match = _SIZE.match(text)
    if match is None:
        raise InvalidValue(
            f"无法识别的内存大小 {text!r}（例如 512M、1G、0 表示不限）/ "
            f"not a memory size: {text!r} (e.g. 512M, 1G, 0 for no limit)"
        )
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def _default_worker_memory() -> int | None:
    raw = os.environ.get(ENV_WORKER_MEMORY, "").strip()
    if not raw:
        return DEFAULT_WORKER_MEMORY
    try:
        return parse_size(raw)
    except InvalidValue as exc:
        raise InvalidValue(f"环境变量 {ENV_WORKER_MEMORY}：{exc}") from None


@dataclass(frozen=True)
class Limits:
    """Bounds on the work a bundle may cause. The defaults suit a case file of a few hundred
    pages on a desk machine; a trading centre reading untrusted uploads may lower them.

    - ``max_files`` (1000): documents read from one bundle; the rest are skipped.
    - ``max_zip_members`` (10 000): entries of a zip and of the zips inside it (the parts of
      a .docx are counted on their own, against the same limit).
    - ``max_total_uncompressed_bytes`` (1 GiB): declared size of all entries of one archive and
      the archives inside it (a .docx counts on its own).
    - ``max_compression_ratio`` (100): uncompressed ÷ compressed size of one entry of 1 MiB or
      more. PDFs and .docx hardly compress; a bomb inflates a thousandfold.
    - ``max_nesting_depth`` (1): how deep zips inside a zip are opened: 1 opens a zip in the
      given zip but not a zip in that one; 0 refuses every nested zip.
    - ``max_pages`` (10 000): pages read from one PDF (frames of one image).
    - ``max_file_size`` (256 MiB): size of one file, on disk or in a zip.
    - ``timeout_seconds`` (60): time to read one file (a worker is killed after it), and to
      convert one legacy Word file with LibreOffice.
    - ``seconds_per_page`` (0.05): added to a file's time for each page read, so a long
      document is not refused for its length (10 000 pages: 60 + 500 seconds at most).
    - ``max_worker_memory_bytes`` (1 GiB, address space, or ``$PAIMAI_WORKER_MEMORY``; None or
      0: no limit): memory of a worker process, where the platform can limit it (Linux,
      macOS). OCR workers get at least 4 GiB.
    - ``ocr_seconds_per_page`` (30): added to a file's time for each page sent to OCR.
    - ``inline_max_bytes`` (2 MiB): a bundle of one PDF or Word file up to this size is read in
      the calling process, without starting a worker (which costs more than reading such a
      file) — a PDF only when its compressed streams inflate to at most
      ``inline_max_inflated_bytes`` (64 MiB) in all, a Word file under the zip limits above.
      Scans sent to OCR and legacy Word files always go to a worker; 0 turns this off.
    """

    max_files: int = 1000
    max_zip_members: int = 10_000
    max_total_uncompressed_bytes: int = _GiB
    max_compression_ratio: float = 100.0
    max_nesting_depth: int = 1
    max_pages: int = 10_000
    max_file_size: int = 256 * _MiB
    timeout_seconds: float = 60.0
    max_worker_memory_bytes: int | None = field(default_factory=_default_worker_memory)
    ocr_seconds_per_page: float = 30.0
    seconds_per_page: float = 0.05
    inline_max_bytes: int = 2 * _MiB
    inline_max_inflated_bytes: int = 64 * _MiB

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value is not None and (not isinstance(value, (int, float)) or value < 0):
                raise InvalidValue(f"Limits.{name} must be a number ≥ 0, not {value!r}")
        if self.timeout_seconds <= 0 or self.max_compression_ratio <= 0:
            raise InvalidValue("Limits.timeout_seconds and max_compression_ratio must be > 0")


def size_text(n: float) -> str:
    """A byte count for messages: ``"3.5 MiB"``, ``"1.0 GiB"``."""
    return f"{n / _MiB:.1f} MiB" if n < _GiB else f"{n / _GiB:.1f} GiB"
