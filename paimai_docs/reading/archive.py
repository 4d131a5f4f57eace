"""Zip archives read safely: member names decoded as their authors meant them, members
charged to a budget (count, total size, compression ratio), read in chunks and never beyond
their declared size. Shared by the bundle reader (zips of a bundle) and the .docx reader (a
.docx is a zip).
"""

from __future__ import annotations

import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from .. import rx
from .limits import Limits, size_text

__all__ = [
    "ArchiveBudget",
    "ArchiveProblem",
    "check_archive_members",
    "decode_member_name",
    "is_symlink_member",
    "read_member",
    "unsafe_member_name",
]

_MiB = 1 << 20
RATIO_MIN_BYTES = _MiB  # small members may compress well (XML, blank pages): no ratio check


class ArchiveProblem(Exception):
    """An archive (or one of its members) is refused; ``code`` is a ReadProblem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class ArchiveBudget:
    """What an archive and the archives inside it have used of the limits so far."""

    limits: Limits
    members: int = 0
    uncompressed: int = 0


def check_archive_members(
    infos: Sequence[zipfile.ZipInfo], limits: Limits, budget: ArchiveBudget
) -> None:
    """Charge an archive's entries to ``budget``; raise :class:`ArchiveProblem`
    (``zip_too_many_members``, ``zip_bomb``) when they exceed the limits."""
    budget.members += len(infos)
    if budget.members > limits.max_zip_members:
        raise ArchiveProblem(
            "zip_too_many_members",
            f"压缩包条目过多（{budget.members} 个，上限 {limits.max_zip_members}），拒绝读取",
        )
    budget.uncompressed += sum(info.file_size for info in infos)
    if budget.uncompressed > limits.max_total_uncompressed_bytes:
        raise ArchiveProblem(
            "zip_bomb",
            f"压缩包解压后共 {size_text(budget.uncompressed)}，超过上限 "
            f"{size_text(limits.max_total_uncompressed_bytes)}（疑似压缩炸弹），拒绝读取",
        )
    for info in infos:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size >= RATIO_MIN_BYTES and ratio > limits.max_compression_ratio:
            raise ArchiveProblem(
                "zip_bomb",
                f"条目压缩比 {ratio:.0f}:1 超过上限 {limits.max_compression_ratio:g}:1"
                "（疑似压缩炸弹），拒绝读取",
            )


def read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: ArchiveBudget
) -> bytes:
    """The bytes of one entry, read in chunks and never more than its declared size (which
    :func:`check_archive_members` has charged to the budget)."""
    if info.file_size > limits.max_file_size:
        limit = size_text(limits.max_file_size)
        raise ArchiveProblem("too_large", f"文件过大：{size_text(info.file_size)}，上限 {limit}")
    if info.flag_bits & 0x1:
        raise ArchiveProblem("encrypted", "压缩包中的该文件已加密，需要密码")
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_MiB):
                total += len(chunk)
                if total > info.file_size:
                    raise ArchiveProblem("zip_bomb", "解压后的大小超过其声明的大小，拒绝读取")
                chunks.append(chunk)
    except NotImplementedError:  # before RuntimeError, its base class
        raise ArchiveProblem("corrupt", "压缩包使用了不支持的压缩方式") from None
    except RuntimeError:  # zipfile: "File is encrypted, password required"
        raise ArchiveProblem("encrypted", "压缩包中的该文件已加密，需要密码") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        raise ArchiveProblem("corrupt", f"压缩包中的该文件已损坏（{exc}）") from None
    return b"".join(chunks)


def decode_member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its author meant it: the UTF-8 flag (bit 11) is trusted; otherwise
    the raw bytes are tried as UTF-8, then GB 18030 (a superset of GBK), then left as cp437.
    Backslashes become slashes; the result is NFC (macOS writes decomposed names)."""
    name = info.orig_filename
    if not info.flag_bits & 0x800:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:  # zipfile was given another metadata encoding
            raw = b""
        for encoding in ("utf-8", "gb18030"):
            try:
                name = raw.decode(encoding) if raw else name
                break
            except UnicodeDecodeError:
                continue
    return unicodedata.normalize("NFC", name.replace("\\", "/"))


_DRIVE = rx.compile(r"^[A-Za-z]:")


def unsafe_member_name(name: str) -> str | None:
    if name.startswith("/") or _DRIVE.match(name):
        return "使用绝对路径"
    if ".." in name.split("/"):
        return "含 ../，会写到压缩包目录之外"
    return None


def is_symlink_member(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)
