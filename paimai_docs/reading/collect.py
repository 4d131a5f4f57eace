"""Collecting the files of a bundle: what is read, what is skipped, what is only listed.

Read (:data:`DOCUMENT_TYPES`): PDFs, Word .docx, legacy word-processor files (.doc, .wps,
.rtf, .odt: converted by LibreOffice, :mod:`.legacy`) and scanned images (.jpg, .jpeg, .png,
.tif, .tiff, .bmp: one page per image or TIFF frame, read by OCR, :mod:`.images`).

Skipped silently: hidden files and folders, ``__MACOSX/``, ``Thumbs.db``, ``desktop.ini``,
Word lock files (``~$…``) and notes about the folder itself (``README*``, ``*.md``).

Refused (``unsupported_file``, the file could not be read): documents in a format that cannot be
read (.ofd) and archives other than zip (.rar, .7z).

Listed, not read (``not_read``, a note: :data:`NOTE_CODES`): any other file — spreadsheets,
text files, data files, images of other types. So nothing the clerk submitted is ignored
without a word, and a spreadsheet beside the documents does not make the bundle unreadable.

Symbolic links: a link to a file in the folder is read; a link to a folder inside it is not
followed — its files are read where they are, and a link back to the folder or one above it
(a loop) is a ``symlink_loop`` note, a link to another folder inside it a
``symlink_duplicate`` note; a link out of the folder or to nothing is refused
(``symlink_skipped``).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ._worker import DocumentType
from .archive import (
    ArchiveBudget,
    ArchiveProblem,
    check_archive_members,
    decode_member_name,
    is_symlink_member,
    read_member,
    unsafe_member_name,
)
from .limits import Limits
from .manifest import MANIFEST_NAMES, MAX_MANIFEST_BYTES, ManifestEntry, parse_manifest
from .types import ReadProblem

__all__ = [
    "DOCUMENT_TYPES",
    "NOTE_CODES",
    "Collector",
    "Container",
    "Entry",
    "not_read",
]

DOCUMENT_TYPES: dict[str, DocumentType] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "legacy",
    ".wps": "legacy",
    ".rtf": "legacy",
    ".odt": "legacy",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
}

NOTE_CODES = frozenset({"not_read", "symlink_loop", "symlink_duplicate"})
"""Problem codes that are notes: something was listed or skipped on purpose, no input went
unread. A checker should not count them as unreadable files."""

# Documents we cannot read: the file was meant to be read, and was not.
_UNSUPPORTED_HINTS = {
    ".ofd": "OFD 版式文件暂不支持，请导出为 PDF",
    ".rar": "只支持 zip 压缩包",
    ".7z": "只支持 zip 压缩包",
}
_SPREADSHEET = "电子表格"
_DATA = "数据文件"
_IMAGE = "该图片格式不能识别文字；如为扫描件，请转换为 JPG、PNG 或 PDF"
_NOT_READ_HINTS = {
    ".xls": _SPREADSHEET,
    ".xlsx": _SPREADSHEET,
    ".xlsm": _SPREADSHEET,
    ".et": _SPREADSHEET,
    ".ods": _SPREADSHEET,
    ".csv": _SPREADSHEET,
    ".txt": "文本文件",
    ".json": _DATA,
    ".xml": _DATA,
    ".yaml": _DATA,
    ".yml": _DATA,
    ".gif": _IMAGE,
    ".webp": _IMAGE,
    ".heic": _IMAGE,
    ".heif": _IMAGE,
    ".svg": _IMAGE,
    ".ppt": "演示文稿",
    ".pptx": "演示文稿",
}
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


def not_read(suffix: str) -> tuple[str, str]:
    """The (code, message) for a file of this suffix that is not read: ``unsupported_file``
    for a document or archive in a format we cannot read, ``not_read`` (a note) otherwise."""
    hint = _UNSUPPORTED_HINTS.get(suffix)
    if hint is not None:
        return "unsupported_file", f"未读取：{hint}"
    hint = _NOT_READ_HINTS.get(suffix, "不是可读取的文书格式")
    return "not_read", f"仅列出，未读取：{hint}（只读取 PDF、Word 文档和扫描图片）"


def _linked_folder(here: Path, name: str, root: Path) -> tuple[str, str]:
    """Why a symbolic link to a folder is not followed: (code, message)."""
    try:
        target = (here / name).resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return "symlink_loop", "符号链接循环指向自身，已跳过"
    if not target.is_relative_to(root):
        return "symlink_skipped", "符号链接的文件夹指向材料之外，未读取"
    if here.resolve().is_relative_to(target):
        return "symlink_loop", "符号链接指向其所在的文件夹或上级文件夹（循环），已跳过"
    return "symlink_duplicate", "符号链接指向材料中的另一个文件夹，其文件已按原位置读取"


def _linked_file(path: Path, root: Path) -> tuple[str, str] | None:
    """Why a symbolic link to a file is not read, or None when it is read."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # "Symlink loop" (Python < 3.13)
        return "symlink_loop", "符号链接循环指向自身，已跳过"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink_loop", "符号链接循环指向自身，已跳过"
        target = None
    if target is None or not target.is_relative_to(root) or not target.is_file():
        return "symlink_skipped", "符号链接指向文件夹之外或不存在，未读取"
    return None


@dataclass
class Container:
    """A folder or zip given as (part of) the bundle: its manifest applies to its files."""

    label: str
    manifest: dict[str, ManifestEntry] = field(default_factory=dict)
    manifest_file: str = ""
    used: set[str] = field(default_factory=set)


@dataclass
class Entry:
    name: str
    key: str  # relative to the container, as the manifest names it
    type: DocumentType | None  # None: not readable, kept because the manifest describes it
    container: Container | None
    path: str | None = None
    member: tuple[zipfile.ZipFile, zipfile.ZipInfo, ArchiveBudget] | None = None


def _ignored_folder(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _ignored(name: str) -> bool:
    folder, _, base = name.rpartition("/")
    if folder and _ignored_folder(folder):
        return True
    lowered = base.lower()
    return (
        base.startswith((".", "~$"))
        or lowered in _IGNORED_NAMES
        or lowered.startswith("readme")
        or lowered.endswith(".md")
    )


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


class Collector:
    def __init__(self, limits: Limits, stack: contextlib.ExitStack) -> None:
        self.limits = limits
        self.stack = stack
        self.entries: dict[str, Entry] = {}
        self.problems: list[ReadProblem] = []
        self.containers: list[Container] = []
        self._too_many = False

    def problem(self, code: str, message: str, file: str) -> None:
        self.problems.append(ReadProblem(code, message, file))

    def add_input(self, path: Path, label: str, *, alone: bool) -> None:
        prefix = "" if alone else label
        if not path.exists():
            self.problem("not_found", "找不到该文件或文件夹", label)
        elif path.is_dir():
            self._add_folder(path, prefix, label)
        elif path.suffix.lower() == ".zip":
            self._add_zip_file(path, prefix, label)
        else:
            self._add_file(label, label, None, path=str(path))

    # -- plain files

    def _add_file(
        self,
        name: str,
        key: str,
        container: Container | None,
        *,
        path: str | None = None,
        member: tuple[zipfile.ZipFile, zipfile.ZipInfo, ArchiveBudget] | None = None,
    ) -> None:
        suffix = PurePosixPath(name).suffix.lower()
        doc_type = DOCUMENT_TYPES.get(suffix)
        if PurePosixPath(name).name.lower() in MANIFEST_NAMES:
            used = container.manifest_file if container else ""
            where = f"（已使用 {used}）" if used else ""
            message = f"清单文件只读取材料根目录下的第一个{where}，本文件未读取"
            self.problem("manifest_ignored", message, name)
            return
        if doc_type is None and not (container and key in container.manifest):
            self.problem(*not_read(suffix), name)
            return
        if name in self.entries:
            return  # the same file given twice
        if len(self.entries) >= self.limits.max_files:
            if not self._too_many:
                self._too_many = True
                self.problem(
                    "too_many_files",
                    f"文件过多，只读取了前 {self.limits.max_files} 个，其余未读取",
                    name,
                )
            return
        self.entries[name] = Entry(name, key, doc_type, container, path=path, member=member)

    # -- folders

    def _add_folder(self, root: Path, prefix: str, label: str) -> None:
        container = Container(label)
        self.containers.append(container)
        for manifest_name in MANIFEST_NAMES:
            candidate = root / manifest_name
            if candidate.is_file() and not candidate.is_symlink():
                container.manifest_file = _join(prefix, manifest_name)
                try:
                    with candidate.open("rb") as handle:
                        data = handle.read(MAX_MANIFEST_BYTES + 1)
                    container.manifest = parse_manifest(data, container.manifest_file)
                except ArchiveProblem as exc:
                    self.problem(exc.code, exc.message, container.manifest_file)
                except OSError as exc:
                    self.problem("unreadable", f"无法读取：{exc}", container.manifest_file)
                break
        resolved_root = root.resolve()

        def unreadable_folder(error: OSError) -> None:
            where = Path(error.filename or root)
            relative = where.relative_to(root).as_posix() if where != root else ""
            self.problem("unreadable", f"无法读取文件夹：{error.strerror}", _join(prefix, relative))

        for directory, dirnames, filenames in os.walk(root, onerror=unreadable_folder):
            here = Path(directory)
            relative_dir = here.relative_to(root).as_posix()
            relative_dir = "" if relative_dir == "." else relative_dir
            kept = []
            for dirname in sorted(dirnames):
                relative = _join(relative_dir, dirname)
                if _ignored_folder(relative):
                    continue
                if (here / dirname).is_symlink():
                    code, message = _linked_folder(here, dirname, resolved_root)
                    self.problem(code, message, _join(prefix, relative))
                    continue
                kept.append(dirname)
            dirnames[:] = kept
            for filename in sorted(filenames):
                relative = unicodedata.normalize("NFC", _join(relative_dir, filename))
                name = _join(prefix, relative)
                full = here / filename
                if _ignored(relative) or name == container.manifest_file:
                    continue
                if full.is_symlink():
                    refused = _linked_file(full, resolved_root)
                    if refused is not None:
                        self.problem(*refused, name)
                        continue
                if filename.lower().endswith(".zip"):
                    self._add_zip_file(full, name, name)
                else:
                    self._add_file(name, relative, container, path=str(full))

    # -- zips

    def _add_zip_file(self, path: Path, prefix: str, label: str) -> None:
        try:
            if path.stat().st_size == 0:
                self.problem("empty_file", "文件为空（0 字节）", label)
                return
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.problem("corrupt", f"不是有效的 zip 压缩包（{exc}）", label)
            return
        self.stack.enter_context(archive)
        self._add_archive(archive, prefix, label, ArchiveBudget(self.limits), depth=0)

    def _add_archive(
        self,
        archive: zipfile.ZipFile,
        prefix: str,
        label: str,
        budget: ArchiveBudget,
        *,
        depth: int,
    ) -> None:
        infos = archive.infolist()
        try:
            check_archive_members(infos, self.limits, budget)
        except ArchiveProblem as exc:
            self.problem(exc.code, exc.message, label)
            return
        members: list[tuple[str, zipfile.ZipInfo]] = []
        seen: set[str] = set()
        for info in infos:
            name = decode_member_name(info)
            shown = _join(prefix, name.rstrip("/"))
            reason = unsafe_member_name(name)
            if reason:
                self.problem("zip_path_escape", f"压缩包条目{reason}，拒绝读取", shown)
                continue
            if is_symlink_member(info):
                self.problem("zip_symlink", "压缩包中的符号链接，拒绝读取", shown)
                continue
            if info.is_dir() or name.endswith("/") or _ignored(name):
                continue
            name = str(PurePosixPath(name))  # "a//b" and "./a" as "a/b" and "a"
            if name in seen:
                self.problem("zip_duplicate_name", "压缩包中有同名条目，只读取第一个", shown)
                continue
            seen.add(name)
            members.append((name, info))
        container = Container(label)
        self.containers.append(container)
        self._archive_manifest(archive, members, prefix, container, budget)
        for name, info in members:
            shown = _join(prefix, name)
            if shown == container.manifest_file:
                continue
            if name.lower().endswith(".zip"):
                self._add_nested(archive, info, shown, budget, depth)
            else:
                self._add_file(shown, name, container, member=(archive, info, budget))

    def _archive_manifest(
        self,
        archive: zipfile.ZipFile,
        members: list[tuple[str, zipfile.ZipInfo]],
        prefix: str,
        container: Container,
        budget: ArchiveBudget,
    ) -> None:
        tops = {name.split("/", 1)[0] for name, _ in members}
        base = ""
        if len(tops) == 1 and all("/" in name for name, _ in members):
            base = next(iter(tops)) + "/"
        by_name = dict(members)
        for manifest_name in MANIFEST_NAMES:
            for candidate in (manifest_name, base + manifest_name):
                info = by_name.get(candidate)
                if info is None:
                    continue
                container.manifest_file = _join(prefix, candidate)
                try:
                    data = read_member(archive, info, self.limits, budget)
                    folder = candidate[: -len(manifest_name)]
                    container.manifest = parse_manifest(data, container.manifest_file, folder)
                except ArchiveProblem as exc:
                    self.problem(exc.code, exc.message, container.manifest_file)
                return

    def _add_nested(
        self,
        archive: zipfile.ZipFile,
        info: zipfile.ZipInfo,
        shown: str,
        budget: ArchiveBudget,
        depth: int,
    ) -> None:
        if depth >= self.limits.max_nesting_depth:
            self.problem(
                "zip_nested_too_deep",
                f"压缩包嵌套超过 {self.limits.max_nesting_depth} 层，内层压缩包未读取",
                shown,
            )
            return
        try:
            data = read_member(archive, info, self.limits, budget)
            inner = zipfile.ZipFile(io.BytesIO(data))
        except ArchiveProblem as exc:
            self.problem(exc.code, exc.message, shown)
            return
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            self.problem("corrupt", f"不是有效的 zip 压缩包（{exc}）", shown)
            return
        self.stack.enter_context(inner)
        self._add_archive(inner, shown, shown, budget, depth=depth + 1)
