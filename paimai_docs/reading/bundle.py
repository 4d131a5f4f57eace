"""Read a bundle — a folder, a .zip, or a list of files — into documents with pages and facts.

>>> bundle = read_bundle("案件材料.zip")                      # doctest: +SKIP
>>> [(d.file, d.kind, d.pages_without_text) for d in bundle.documents]   # doctest: +SKIP

What is read: PDFs (``.pdf``), Word documents (``.docx``; ``.doc``, ``.wps``, ``.rtf`` and
``.odt`` through LibreOffice, :mod:`.legacy`) and scanned images (``.jpg``, ``.png``, ``.tif``
…, by OCR, :mod:`.images`), in a folder and its subfolders, in a .zip (and in zips inside it,
up to ``Limits.max_nesting_depth``), or given one by one. Hidden files, ``__MACOSX/``,
``Thumbs.db``, ``desktop.ini``, Word lock files (``~$…``) and notes about the folder itself
(``README*``, ``*.md``) are skipped silently; documents in a format that cannot be read (.ofd,
.rar) are ``unsupported_file`` problems, and any other file (a spreadsheet, a text file) is
listed as ``not_read``, a note (:data:`NOTE_CODES`), so nothing the clerk submitted is ignored
without a word (:mod:`.collect`). Symbolic links that loop are skipped with a note. Nothing is
written: files are opened read-only and zip members are read into memory, never extracted
(legacy Word files are copied into a private temporary folder for LibreOffice).

Names: a document's ``file`` is its path relative to the folder or zip that was given (``附件/
合同.pdf``); with several inputs, or a single plain file, it starts with the input as given.
Zip member names without the UTF-8 flag are decoded as UTF-8 when they are valid UTF-8, else as
GBK/GB 18030 (archives made on Chinese Windows), else as the zip format's default, cp437.

Safety: a zip member whose name is absolute or climbs out with ``..`` (``zip_path_escape``), a
symbolic link (``zip_symlink``) or an encrypted member (``encrypted``) is refused, the rest of the
archive is read. An archive with too many members (``zip_too_many_members``), or whose members
inflate beyond the total or by a suspicious ratio (``zip_bomb``), is refused as a whole: such an
archive is hostile, and nothing in it is trusted. Every file is parsed in a worker process with a
time and memory limit (:mod:`._worker`, :class:`~.limits.Limits`).

Manifest: a bundle may say what its files are when they cannot be read (a scan without OCR). A
file named ``paimai.json``, ``paimai.yaml``, ``manifest.json`` or ``manifest.yaml`` (first found,
in that order) at the root of the folder or zip — or of the single folder a zip contains — is read
as::

    {
      "schema_version": 1,
      "files": {
        "扫描件/委托拍卖合同.pdf": {
          "kind": "entrustment_contract",
          "facts": {"auction_datetime": "2026-10-09T09:30", "deposit_amount": 100000}
        }
      }
    }

Paths are relative to the manifest, with ``/``. ``kind`` must be a document kind (DESIGN.md
section 3); it is used when the reader could not tell the kind itself (``unknown``), with
confidence 1.0. ``facts`` map fact names to values: ISO dates (``2026-10-09``) and date-times
(``2026-10-09T09:30``) become dates, numbers with a fraction become ``Decimal``, whole numbers
stay ``int``, other strings stay strings. A manifest fact is added only when the text did not
yield a fact of that name; it has page 1, evidence ``"manifest"`` and label ``"manifest"`` (the
fact's source). A manifest that cannot be parsed is a ``manifest_invalid`` problem; an entry for
a file not in the bundle is a ``manifest_unknown_file`` problem. A file the reader cannot read
at all (an ``.ofd`` file, a photo in ``.heic``) still becomes a document when the manifest
describes it: kind and facts from the manifest, no pages, and its problem. Only one
manifest is read per folder or zip; another file with a manifest's name is a
``manifest_ignored`` problem.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from ._worker import ReadTask, WorkerPool, read_inline
from .archive import (
    ArchiveBudget,
    ArchiveProblem,
    check_archive_members,
    decode_member_name,
    read_member,
)
from .collect import DOCUMENT_TYPES, NOTE_CODES, Collector, Entry, not_read
from .legacy import convert_legacy
from .limits import Limits
from .manifest import ManifestEntry, parse_manifest
from .pdf import inflates_within
from .types import Bundle, Document, Fact, Page, ReadProblem
from .understand import decode_understood, understand

__all__ = [
    "NOTE_CODES",
    "ArchiveBudget",
    "ArchiveProblem",
    "BundleReader",
    "Limits",
    "check_archive_members",
    "decode_member_name",
    "parse_manifest",
    "read_bundle",
    "read_document",
    "read_member",
]

OCR_MIN_MEMORY = 4 << 30  # the OCR runtime reserves a lot of address space


# --------------------------------------------------------------------------------------------
# From answers to documents


class _UnderstandingFailed(Exception):
    """The worker's classifier or fact extractor failed; the message says how."""


def _document(name: str, answer: dict[str, Any]) -> Document:
    pages = tuple(
        Page(int(number), text, normalized, source, quality)
        for number, text, normalized, source, quality in answer.get("pages", ())
    )
    problems = [
        ReadProblem(str(code), str(message), name, page)
        for code, message, page in answer.get("problems", ())
    ]
    kind, confidence, title = "unknown", 0.0, None
    cues: tuple[str, ...] = ()
    facts: list[Fact] = []
    if any(page.usable for page in pages):
        understood = answer.get("understood")  # by the worker that read the file
        try:
            if understood is None:
                kind, confidence, title, cues, facts = understand(pages)
            elif isinstance(understood, dict) and "error" in understood:
                raise _UnderstandingFailed(str(understood["error"]))
            else:
                kind, confidence, title, cues, facts = decode_understood(understood)
        except Exception as exc:  # a bug of ours must not hide the other documents
            detail = (
                str(exc)
                if isinstance(exc, _UnderstandingFailed)
                else f"{type(exc).__name__}: {exc}"
            )
            message = f"识别文书时出现内部错误（{detail}），请报告此问题"
            problems.append(ReadProblem("internal_error", message, name, 1))
    return Document(
        file=name,
        kind=kind,
        kind_confidence=confidence,
        pages=pages,
        facts=tuple(facts),
        problems=tuple(problems),
        title=title,
        kind_cues=cues,
    )


def _apply_manifest(document: Document, entry: ManifestEntry) -> Document:
    changes: dict[str, Any] = {}
    if entry.kind and document.kind == "unknown":
        changes.update(kind=entry.kind, kind_confidence=1.0)
    known = {fact.name for fact in document.facts}
    added = tuple(
        Fact(name, value, 1, "manifest", "manifest")
        for name, value in entry.facts.items()
        if name not in known
    )
    if added:
        changes["facts"] = document.facts + added
    return replace(document, **changes) if changes else document


def _problem_order(problem: ReadProblem) -> tuple[str, int, str, str]:
    return problem.file, problem.page or 0, problem.code, problem.message


# --------------------------------------------------------------------------------------------
# The reader


class _InlineRunner:
    """Reads in this process: no isolation (for callers already sandboxed, and for profiling)."""

    def __init__(self, limits: dict[str, Any]) -> None:
        self.limits = limits

    def run(self, tasks: Iterator[ReadTask]) -> Iterator[tuple[ReadTask, dict[str, Any]]]:
        for task in tasks:
            header = {"type": task.type, "path": task.path, "ocr": task.ocr}
            yield task, read_inline({**header, "limits": self.limits}, task.data)

    def close(self) -> None:
        pass


class BundleReader:
    """Reads bundles and documents with one set of worker processes, kept between calls.

    A service that checks many bundles keeps one reader open (``with BundleReader() as r:``)
    and saves the start of the workers (about 50 ms each) on every bundle after the first.
    ``workers`` is how many files are read at once (default: the number of CPUs, at most 4).
    ``isolation="inline"`` reads in the calling process — faster to start, but a crash in the
    PDF library then takes the caller down, and no time or memory limit applies: use it only
    for trusted files or inside a sandbox of your own. ``isolation="auto"`` (what
    :func:`read_bundle` uses) reads a bundle of one small file inline when it is safe to
    (:attr:`~.limits.Limits.inline_max_bytes`: no OCR, a PDF whose streams inflate within
    bounds, a Word file under the zip limits) and starts workers for anything else: for one
    small file the start of a worker costs more than the reading. One reader is for one thread
    at a time.

    A worker also tells the kind and the facts of the file it read (:mod:`.understand`), so
    that they are found in parallel and bounded by the worker's time limit; with
    ``understand_in_workers=False`` they are found in the calling process (where a test's or a
    benchmark's replacement of the classifier or the fact extractor takes effect).
    """

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        ocr: bool = False,
        workers: int | None = None,
        isolation: Literal["process", "inline", "auto"] = "process",
        understand_in_workers: bool = True,
    ) -> None:
        if ocr:
            from .ocr import require_ocr

            require_ocr()
        self.limits = limits or Limits()
        self.ocr = ocr
        self.workers = workers or min(4, os.cpu_count() or 1)
        self.isolation = isolation
        self.understand_in_workers = understand_in_workers
        self._runner: WorkerPool | _InlineRunner | None = None
        self._inline: _InlineRunner | None = None

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes."""
        if self._runner is not None:
            self._runner.close()
            self._runner = None

    def start(self) -> None:
        """Start the worker processes now (see :meth:`WorkerPool.start`): a caller that has
        other work to do before it reads (imports, say) saves their start-up time. Nothing
        happens with ``isolation="inline"``."""
        if self.isolation != "inline":
            runner = self._get_runner()
            if isinstance(runner, WorkerPool):
                runner.start()

    def _runner_for(self, entries: dict[str, Entry]) -> WorkerPool | _InlineRunner:
        """Inline for a lone small file that is safe to read here (``isolation="auto"``),
        else the workers."""
        if self.isolation == "auto" and self._inline_safe(entries):
            if self._inline is None:
                self._inline = _InlineRunner(asdict(self.limits))
            return self._inline
        return self._get_runner()

    def _inline_safe(self, entries: dict[str, Entry]) -> bool:
        if self.ocr or len(entries) != 1 or not self.limits.inline_max_bytes:
            return False
        (entry,) = entries.values()
        if entry.type not in ("pdf", "docx") or entry.member is not None or entry.path is None:
            return False
        try:
            with open(entry.path, "rb") as handle:
                data = handle.read(self.limits.inline_max_bytes + 1)
        except OSError:
            return False  # the worker will say why
        if len(data) > self.limits.inline_max_bytes:
            return False
        return entry.type == "docx" or inflates_within(data, self.limits.inline_max_inflated_bytes)

    def _get_runner(self) -> WorkerPool | _InlineRunner:
        if self._runner is None:
            limits = asdict(self.limits)
            if self.isolation == "inline":  # "auto" needs workers for this bundle
                self._runner = _InlineRunner(limits)
            else:
                memory = self.limits.max_worker_memory_bytes or 0
                if self.ocr and memory:
                    memory = max(memory, OCR_MIN_MEMORY)
                self._runner = WorkerPool(
                    self.workers,
                    memory_bytes=memory,
                    timeout=self.limits.timeout_seconds,
                    seconds_per_ocr_page=self.limits.ocr_seconds_per_page,
                    seconds_per_page=self.limits.seconds_per_page,
                    limits=limits,
                    understand=self.understand_in_workers,
                )
        return self._runner

    def read_bundle(
        self, paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
    ) -> Bundle:
        """Read a folder, a .zip, a single file, or a list of any of these (see the module
        doc). Problems are data: nothing here raises for a bad input."""
        inputs = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        labels = [os.fspath(path) for path in inputs]
        with contextlib.ExitStack() as stack:
            collector = Collector(self.limits, stack)
            alone = len(inputs) == 1
            for path, label in zip(inputs, labels, strict=True):
                collector.add_input(Path(path), label.replace("\\", "/"), alone=alone)
            documents = self._read_entries(collector)
        problems = list(collector.problems)
        for container in collector.containers:
            for key in container.manifest:
                if key not in container.used:
                    problems.append(
                        ReadProblem(
                            "manifest_unknown_file",
                            f"清单中列出的文件 {key} 不在材料中",
                            container.manifest_file,
                        )
                    )
        return Bundle(
            source=", ".join(labels),
            documents=tuple(sorted(documents, key=lambda d: d.file)),
            problems=tuple(sorted(problems, key=_problem_order)),
        )

    def read_document(self, path: str | os.PathLike[str]) -> Document:
        """Read one file (PDF, Word, scanned image). A file that cannot be read gives a document
        with problems."""
        name = os.fspath(path)
        suffix = Path(path).suffix.lower()
        doc_type = DOCUMENT_TYPES.get(suffix)
        problem: tuple[str, str] | None = None
        if not Path(path).is_file():
            problem = ("not_found", "找不到该文件")
        elif doc_type is None:  # asked for by name: not a note, a file that cannot be read
            problem = ("unsupported_file", not_read(suffix)[1])
        if problem is not None or doc_type is None:
            code, message = problem or ("unsupported_file", "")
            return Document(name, "unknown", 0.0, problems=(ReadProblem(code, message, name),))
        if doc_type == "legacy":
            (converted,) = convert_legacy([(name, name)], self.limits)
            if isinstance(converted, tuple):
                return _document(name, {"problems": [(*converted, None)]})
            task = ReadTask(name, "docx", data=converted, ocr=self.ocr)
        else:
            task = ReadTask(name, doc_type, path=name, ocr=self.ocr)
        for _, answer in self._get_runner().run(iter([task])):
            return _document(name, answer)
        raise AssertionError("the runner returned no answer")  # pragma: no cover

    def _read_entries(self, collector: Collector) -> list[Document]:
        failed: dict[str, list[tuple[str, str, int | None]]] = {}
        entries = collector.entries

        def source(entry: Entry) -> str | bytes | None:
            """The file's path, or its bytes for a zip member (None: failed, and said why)."""
            if entry.member is None:
                return entry.path
            archive, info, budget = entry.member
            try:
                return read_member(archive, info, self.limits, budget)
            except ArchiveProblem as exc:
                failed[entry.name] = [(exc.code, exc.message, None)]
                return None

        # Legacy Word files are converted by one LibreOffice call, beside the workers reading
        # the other files; their .docx are read last. (Zip members are read here, in this
        # thread: a ZipFile is not for two threads at once.)
        legacy: list[tuple[str, str | bytes]] = []
        for entry in entries.values():
            if entry.type == "legacy":
                data = source(entry)
                if data is not None:
                    legacy.append((entry.name, data))
        converter = concurrent.futures.ThreadPoolExecutor(1) if legacy else None
        conversion = converter.submit(convert_legacy, legacy, self.limits) if converter else None

        def tasks() -> Iterator[ReadTask]:
            for entry in entries.values():
                if entry.type is None:
                    code, message = not_read(PurePosixPath(entry.name).suffix.lower())
                    message = f"{message}；文书类型和事实取自清单"
                    failed[entry.name] = [(code, message, None)]
                    continue
                if entry.type == "legacy":
                    continue
                data = source(entry)
                if data is None:
                    continue
                if isinstance(data, bytes):
                    yield ReadTask(entry.name, entry.type, data=data, ocr=self.ocr)
                else:
                    yield ReadTask(entry.name, entry.type, path=data, ocr=self.ocr)
            if conversion is None:
                return
            for (name, _), converted in zip(legacy, conversion.result(), strict=True):
                if isinstance(converted, tuple):
                    failed[name] = [(*converted, None)]
                else:
                    yield ReadTask(name, "docx", data=converted, ocr=self.ocr)

        # Each file's document is made (kind, facts) as its answer comes, while the workers
        # read the next files.
        try:
            read = {
                task.name: _document(task.name, answer)
                for task, answer in self._runner_for(entries).run(tasks())
            }
        finally:
            if converter is not None:
                converter.shutdown(wait=True)
        read.update({name: _document(name, {"problems": rows}) for name, rows in failed.items()})
        documents = []
        for entry in entries.values():
            document = read[entry.name]
            container = entry.container
            if container is not None and entry.key in container.manifest:
                container.used.add(entry.key)
                document = _apply_manifest(document, container.manifest[entry.key])
            documents.append(document)
        return documents


def read_bundle(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    ocr: bool = False,
    limits: Limits | None = None,
) -> Bundle:
    """Read a bundle (a folder, a .zip, a file, or a list of these) into documents.

    Every PDF, Word document and scanned image becomes a :class:`~.types.Document` with its
    pages (text, where the text came from, whether it is usable), kind and facts; what could
    not be read is a :class:`~.types.ReadProblem` on the document or on the bundle. With
    ``ocr=True`` pages
    without a usable text layer are read by OCR (needs the ``ocr`` extra:
    :class:`~paimai_docs.errors.MissingExtra` otherwise).
    """
    with BundleReader(limits=limits, ocr=ocr, isolation="auto") as reader:
        return reader.read_bundle(paths)


def read_document(
    path: str | os.PathLike[str], *, ocr: bool = False, limits: Limits | None = None
) -> Document:
    """Read one file: PDF, Word document or scanned image (see :func:`read_bundle`)."""
    with BundleReader(limits=limits, ocr=ocr, workers=1) as reader:
        return reader.read_document(path)
