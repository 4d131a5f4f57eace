"""Check one uploaded packet: a pure function of its bytes and options (:func:`check_packet`),
run by the service's threads or, scaled out, by Dask workers.

The files are written to a temporary folder that is removed before the function returns; the
bundle is read and checked by the same library functions as ``paimai check``
(:class:`~paimai_docs.reading.BundleReader`, :func:`~paimai_docs.checker.check_read_bundle`,
:func:`~paimai_docs.reports.render_report`), so the findings are the command line's. Each
thread keeps one reader open: its worker processes start once, not for every packet.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import PaimaiError
from ..lang import resolve, say

__all__ = ["Answer", "Packet", "check_packet", "close_readers"]

# 422: the upload holds nothing that can be checked; 400-ish option errors are 422 as well.
NOTHING_TO_CHECK = "nothing_to_check"
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Packet:
    """One upload: ``files`` as (name, bytes), names relative (``COM/01-合同.pdf`` for a folder
    upload), and the options of ``paimai check``."""

    files: tuple[tuple[str, bytes], ...]
    scope: str | None = None
    profile: str | None = None
    stage: str | None = None
    lang: str = "zh"
    fmt: str = "json"
    today: dt.date | None = None
    show_personal_data: bool = False
    options: dict[str, Any] = field(default_factory=dict)  # extra render options (docx)


@dataclass(frozen=True)
class Answer:
    """What :func:`check_packet` returns (plain data: it travels back from a Dask worker).
    ``status`` is the HTTP status the service answers with: 200 with ``report``, or 422/500
    with ``error_code`` and ``message``."""

    status: int
    report: str | bytes = ""
    exit_code: int = 0
    summary: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    error_code: str | None = None
    message: str | None = None


# -- the upload as files


def safe_name(raw: str, index: int) -> str:
    """An uploaded file's name as a relative POSIX path, without ``..``, drive letters or
    leading slashes (a name cannot point outside the temporary folder)."""
    parts = [
        p
        for p in raw.replace("\\", "/").split("/")
        if p not in ("", ".", "..") and not p.endswith(":")
    ]
    parts = [p[:200] for p in parts][-20:]
    return "/".join(parts) or f"file-{index}"


def layout(files: tuple[tuple[str, bytes], ...], lang: str) -> tuple[list[tuple[str, bytes]], str]:
    """The files with safe, unique names, a common top folder taken off (a folder upload
    ``COM/…`` reads like ``paimai check COM/``), and the label of the packet."""
    named: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for index, (raw, data) in enumerate(files, start=1):
        name = safe_name(raw, index)
        stem, dot, suffix = name.rpartition(".")
        candidate, n = name, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{stem}-{n}.{suffix}" if dot else f"{name}-{n}"
        seen.add(candidate.lower())
        named.append((candidate, data))
    tops = {PurePosixPath(name).parts[0] for name, _ in named}
    if named and len(tops) == 1 and all(len(PurePosixPath(n).parts) > 1 for n, _ in named):
        top = tops.pop()
        return [(name[len(top) + 1 :], data) for name, data in named], top
    if len(named) == 1:
        return named, PurePosixPath(named[0][0]).name
    label = say(f"上传的 {len(named)} 个文件", f"{len(named)} uploaded files", lang)
    return named, label


def _write(root: Path, files: list[tuple[str, bytes]]) -> Path:
    """Write the files under ``root``; the path to check: the one .zip, or the folder."""
    root.mkdir(parents=True)
    for name, data in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if len(files) == 1 and files[0][0].lower().endswith(".zip"):
        return root / files[0][0]
    return root


# -- one reader per thread


_local = threading.local()
_readers: weakref.WeakSet[Any] = weakref.WeakSet()
_readers_lock = threading.Lock()


def _reader() -> Any:
    from ..reading import BundleReader

    reader = getattr(_local, "reader", None)
    if reader is None:
        # Packets are checked side by side (threads, Dask workers): one reading process each.
        reader = BundleReader(workers=1)
        _local.reader = reader
        with _readers_lock:
            _readers.add(reader)
    return reader


def _drop_reader() -> None:
    reader = getattr(_local, "reader", None)
    _local.reader = None
    if reader is not None:
        reader.close()


def close_readers() -> None:
    """Stop the reading processes of every thread (the service calls it when it stops)."""
    with _readers_lock:
        readers = list(_readers)
    for reader in readers:
        reader.close()


atexit.register(close_readers)


# -- checking


def _scrubbed(result: Any, target: str, source: str, root: str) -> Any:
    """The result with the temporary folder's paths replaced by the names the user gave (a
    report never shows where the upload was kept for a moment)."""

    def clean(text: str) -> str:
        return text.replace(target, source).replace(root, "")

    def problems(items: Any) -> tuple[Any, ...]:
        return tuple(
            dataclasses.replace(p, file=clean(p.file), message=clean(p.message)) for p in items
        )

    documents = tuple(
        dataclasses.replace(d, file=clean(d.file), problems=problems(d.problems))
        for d in result.documents
    )
    return dataclasses.replace(
        result, source=source, documents=documents, problems=problems(result.problems)
    )


def _unreadable_message(result: Any, lang: str) -> str:
    lines = []
    for problem in [p for p in result.unreadable if p.code != "not_read"][:10]:
        where = f"{problem.file}：" if problem.file else ""
        lines.append(f"{where}{problem.message}")
    head = say("上传的材料中没有可读取的文书：", "nothing in the upload could be read: ", lang)
    return head + "；".join(lines)


def check_packet(packet: Packet) -> Answer:
    """Check one packet and render its report in ``packet.fmt``. Never raises: a packet that
    cannot be checked is an :class:`Answer` with a status and a message in the packet's
    language (no library text)."""
    from ..checker import check_read_bundle
    from ..commands.check import Job, nothing_to_check
    from ..reports import render_report

    lang = resolve(packet.lang)
    files, source = layout(packet.files, lang)
    try:
        with tempfile.TemporaryDirectory(prefix="paimai-packet-") as tmp:
            target = _write(Path(tmp) / "upload", files)
            try:
                bundle = _reader().read_bundle(target)
            except Exception:
                _drop_reader()  # a reader in an unknown state is not used again
                raise
            result = check_read_bundle(
                bundle, scope=packet.scope, profile=packet.profile, stage=packet.stage,
                lang=lang, today=packet.today,
            )  # fmt: skip
            result = _scrubbed(result, str(target), source, str(Path(tmp) / "upload") + "/")
            failures = [p for p in result.unreadable if p.code != "not_read"]  # not notes
            if not result.documents and not failures:
                job = Job((str(target),), source, None, None, packet.fmt, lang, "error", False,
                          None, False, False)  # fmt: skip
                return Answer(422, source=source, error_code=NOTHING_TO_CHECK,
                              message=nothing_to_check(job, lang))  # fmt: skip
            if not any(d.readable for d in result.documents):
                return Answer(422, source=source, error_code=UNREADABLE,
                              message=_unreadable_message(result, lang))  # fmt: skip
            report = render_report(
                result, packet.fmt, lang=lang, show_personal_data=packet.show_personal_data,
                **packet.options,
            )  # fmt: skip
            return Answer(200, report, int(result.exit_code()), result.summary(), source)
    except PaimaiError as exc:
        message = getattr(exc, "message", None)
        text = message(lang) if callable(message) else str(exc)
        code = getattr(exc, "code", "paimai_error")
        return Answer(422, source=source, error_code=code, message=text)
    except Exception as exc:  # our words, never the library's
        return Answer(
            500,
            source=source,
            error_code="internal_error",
            message=say(f"内部错误（{type(exc).__name__}），未能完成检查",
                         f"internal error ({type(exc).__name__}); the check did not finish",
                         lang),
        )  # fmt: skip
