"""Legacy word-processor files (.doc, .wps, .rtf, .odt) converted to .docx by LibreOffice, to be
read by the .docx reader (:mod:`.docx`).

Many offices still send Word 97–2003 ``.doc`` files. LibreOffice runs headless, with a private
profile (``-env:UserInstallation``) in a private temporary folder, so conversions running in
parallel (or an open LibreOffice) do not collide; all the legacy files of a bundle are converted
in one LibreOffice call, which saves its start (about a second) for every file after the first.

Bounds: LibreOffice's address space is limited like a reader worker's (at least 1 GiB), and
each file gets ``Limits.timeout_seconds`` (plus a start-up allowance for the first): LibreOffice
converts the files in the order given, so when no new .docx has appeared for that long the
file being converted is refused (``timeout``), LibreOffice is killed and the files after it are
converted by a new call. A file LibreOffice cannot open is ``corrupt``; without LibreOffice
every such file is a ``needs_libreoffice`` problem that says what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .. import rx
from .limits import Limits

__all__ = ["LEGACY_SUFFIXES", "START_SECONDS", "convert_legacy", "libreoffice_hint"]

LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
START_SECONDS = 60.0  # for LibreOffice to start, on top of the first file's time
MIN_MEMORY = 1 << 30  # LibreOffice needs about 1 GiB of address space to convert anything
POLL_SECONDS = 0.05
_OUTPUT = rx.compile(r"^(\d{5})\.docx$")
# What a word-processor file starts with: OLE2 (.doc, .wps), RTF, zip (.odt; a .docx renamed).
# LibreOffice would import anything else as plain text, and junk would become a "document".
_MAGIC = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"PK\x03\x04")

Result = bytes | tuple[str, str]
"""A converted file's .docx bytes, or why it could not be converted: (code, message)."""


def libreoffice_hint(suffix: str) -> str:
    """What to install, in Chinese, for a file of this suffix."""
    return (
        f"读取 {suffix or '.doc'} 文件需要 LibreOffice（Debian/Ubuntu：apt install "
        "libreoffice-writer-nogui；Windows/macOS：从 libreoffice.org 安装），"
        "或请另存为 .docx 或 PDF 后提交"
    )


def _command(
    soffice: str, profile: str, out_dir: Path, inputs: list[Path], memory: int
) -> list[str]:
    command = [
        soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
        "--nolockcheck", "--convert-to", "docx", "--outdir", str(out_dir), *map(str, inputs),
    ]  # fmt: skip
    if memory <= 0 or sys.platform == "win32":
        return command
    # The limit is set by a small Python shim that then becomes LibreOffice: setting it in
    # preexec_fn is not safe while other threads run (conversion runs beside the reader).
    shim = (
        "import os, resource, sys\n"
        "limit = int(sys.argv[1])\n"
        "_, hard = resource.getrlimit(resource.RLIMIT_AS)\n"
        "if hard != resource.RLIM_INFINITY: limit = min(limit, hard)\n"
        "try: resource.setrlimit(resource.RLIMIT_AS, (limit, hard))\n"
        "except (ValueError, OSError): pass\n"
        "os.execv(sys.argv[2], sys.argv[2:])\n"
    )
    return [sys.executable, "-c", shim, str(memory), *command]


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)  # soffice and the soffice.bin it starts
        else:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def _done(out_dir: Path) -> set[int]:
    done = set()
    with contextlib.suppress(OSError):
        for entry in os.scandir(out_dir):
            match = _OUTPUT.match(entry.name)
            if match:
                done.add(int(match.group(1)))
    return done


def _run(
    soffice: str,
    work: Path,
    inputs: dict[int, Path],
    limits: Limits,
    results: dict[int, Result],
    round_number: int,
) -> list[int]:
    """One LibreOffice call for ``inputs`` (by index, in order). Fills ``results`` for the files
    it converted, could not open, or that timed out; returns the indices left to convert."""
    out_dir = work / f"out{round_number}"
    out_dir.mkdir()
    profile = (work / f"profile{round_number}").as_uri()  # a killed one may leave its lock
    order = sorted(inputs)
    memory = limits.max_worker_memory_bytes or 0
    memory = max(memory, MIN_MEMORY) if memory else 0
    command = _command(soffice, profile, out_dir, [inputs[i] for i in order], memory)
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=sys.platform != "win32",
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
    deadline = time.monotonic() + START_SECONDS + limits.timeout_seconds
    seen = 0
    timed_out = False
    try:
        while process.poll() is None:
            converted = len(_done(out_dir))
            if converted > seen:  # another file converted: the next one gets its own time
                seen = converted
                deadline = time.monotonic() + limits.timeout_seconds
            if time.monotonic() > deadline:
                timed_out = True
                break
            time.sleep(POLL_SECONDS)
    finally:
        if process.poll() is None:
            _kill(process)
    done = _done(out_dir)
    left: list[int] = []
    culprit_found = False
    for index in order:
        output = out_dir / f"{index:05d}.docx"
        if index in done:
            try:
                results[index] = output.read_bytes()
            except OSError as exc:
                results[index] = ("unreadable", f"无法读取 LibreOffice 转换的结果：{exc}")
        elif not timed_out:
            results[index] = (
                "corrupt",
                "LibreOffice 无法打开该文件（文件已损坏、已加密或不是 Word 文档），"
                "请另存为 .docx 或 PDF 后提交",
            )
        elif not culprit_found:  # LibreOffice was converting this one when time ran out
            culprit_found = True
            results[index] = (
                "timeout",
                f"用 LibreOffice 转换超时（超过 {limits.timeout_seconds:g} 秒），已终止",
            )
        else:
            left.append(index)
    return left


def convert_legacy(
    sources: Sequence[tuple[str, str | bytes]],
    limits: Limits | None = None,
    *,
    soffice: str | None = None,
) -> list[Result]:
    """Convert each ``(name, path or bytes)`` to .docx; the results in the same order.

    Nothing is written beside the sources: they are copied into a private temporary folder,
    which is removed afterwards. Never raises for a bad file: every failure is a result.
    """
    limits = limits or Limits()
    if not sources:
        return []
    if soffice is None:
        from ..pdf import find_soffice

        soffice = find_soffice()
    results: dict[int, Result] = {}
    if soffice is None:
        for index, (name, _) in enumerate(sources):
            results[index] = ("needs_libreoffice", libreoffice_hint(Path(name).suffix.lower()))
        return [results[i] for i in range(len(sources))]
    with tempfile.TemporaryDirectory(prefix="paimai-doc-") as temporary:
        work = Path(temporary)
        staged = work / "in"
        staged.mkdir()
        inputs: dict[int, Path] = {}
        for index, (name, source) in enumerate(sources):
            suffix = Path(name).suffix.lower()
            # Numbered names: LibreOffice names each output after its input, and names from
            # different folders (or in any script) must not collide or confuse it.
            copy = staged / f"{index:05d}{suffix if suffix in LEGACY_SUFFIXES else '.doc'}"
            try:
                size = len(source) if isinstance(source, bytes) else os.path.getsize(source)
                if size == 0:
                    results[index] = ("empty_file", "文件为空（0 字节）")
                    continue
                if size > limits.max_file_size:
                    results[index] = (
                        "too_large",
                        f"文件过大：{size / 2**20:.1f} MiB，"
                        f"上限 {limits.max_file_size / 2**20:.0f} MiB",
                    )
                    continue
                if isinstance(source, bytes):
                    head = source[:8]
                else:
                    with open(source, "rb") as handle:
                        head = handle.read(8)
                if not head.startswith(_MAGIC):
                    results[index] = (
                        "corrupt",
                        "文件内容不是 Word 文档（已损坏，或扩展名有误），请另存为 .docx 或 PDF",
                    )
                    continue
                if isinstance(source, bytes):
                    copy.write_bytes(source)
                else:
                    shutil.copyfile(source, copy)
            except OSError as exc:
                results[index] = ("unreadable", f"无法读取文件：{exc}")
                continue
            inputs[index] = copy
        round_number = 0
        while inputs:
            try:
                left = _run(soffice, work, inputs, limits, results, round_number)
            except OSError as exc:  # LibreOffice could not be started
                for index in inputs:
                    results[index] = ("needs_libreoffice", f"无法启动 LibreOffice：{exc}")
                break
            inputs = {index: inputs[index] for index in left}
            round_number += 1
    return [results[i] for i in range(len(sources))]
