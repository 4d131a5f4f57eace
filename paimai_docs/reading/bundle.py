"""Read a bundle — a folder, a .zip, or a list of files — into documents with pages and facts.

>>> bundle = read_bundle("案件材料.zip")                      # doctest: +SKIP
>>> [(d.file, d.kind, d.pages_without_text) for d in bundle.documents]   # doctest: +SKIP

What is read: PDFs (``.pdf``) and Word documents (``.docx``), in a folder and its subfolders,
in a .zip (and in zips inside it, up to ``Limits.max_nesting_depth``), or given one by one.
Hidden files, ``__MACOSX/``, ``Thumbs.db``, ``desktop.ini``, Word lock files (``~$…``) and
notes about the folder itself (``README*``, ``*.md``) are skipped silently; any other file is an
``unsupported_file`` problem, so nothing the clerk submitted is ignored without a word. Nothing
is written: files are opened read-only and zip members are read into memory, never extracted.

Names: a document's ``file`` is its path relative to the folder or zip that was given (``附件/
合同.pdf``); with several inputs, or a single plain file, it starts with the input as given.
Zip member names without the UTF-8 flag are decoded as UTF-8 when they are valid UTF-8, else as
GBK/GB 18030 (archives made on Chinese Windows), else as the zip format's default, cp437.

Safety: a zip member whose name is absolute or climbs out with ``..`` (``zip_path_escape``), a
symbolic link (``zip_symlink``) or an encrypted member (``encrypted``) is refused, the rest of the
archive is read. An archive with too many members (``zip_too_many_members``), or whose members
inflate beyond the total or by a suspicious ratio (``zip_bomb``), is refused as a whole: such an
archive is hostile, and nothing in it is trusted. Every file is parsed in a worker process with a
time and memory limit (:mod:`._worker`).

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
at all (a photo of a signed page, ``.jpg``) still becomes a document when the manifest describes
it: kind and facts from the manifest, no pages, and its ``unsupported_file`` problem. Only one
manifest is read per folder or zip; another file with a manifest's name is a
``manifest_ignored`` problem.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import inspect
import io
import json
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from ..errors import InvalidValue
from ._worker import DocumentType, ReadTask, WorkerPool, read_inline
from .types import Bundle, Document, Fact, Page, ReadProblem

__all__ = [
    "ArchiveBudget",
    "ArchiveProblem",
    "BundleReader",
    "Limits",
    "check_archive_members",
    "decode_member_name",
    "read_bundle",
    "read_document",
    "read_member",
]

_MiB = 1 << 20
_GiB = 1 << 30

OCR_MIN_MEMORY = 4 * _GiB  # the OCR runtime reserves a lot of address space
RATIO_MIN_BYTES = _MiB  # small members may compress well (XML, blank pages): no ratio check
MAX_MANIFEST_BYTES = _MiB
MANIFEST_NAMES = (
    "paimai.json",
    "paimai.yaml",
    "paimai.yml",
    "manifest.json",
    "manifest.yaml",
    "manifest.yml",
)
DOCUMENT_TYPES: dict[str, DocumentType] = {".pdf": "pdf", ".docx": "docx"}
_UNSUPPORTED_HINTS = {
    ".doc": "旧版 Word .doc 文件，请另存为 .docx 或 PDF",
    ".wps": "WPS 文件，请另存为 .docx 或 PDF",
    ".ofd": "OFD 版式文件暂不支持，请导出为 PDF",
    ".rar": "只支持 zip 压缩包",
    ".7z": "只支持 zip 压缩包",
    ".jpg": "图片文件，请扫描或合并为 PDF",
    ".jpeg": "图片文件，请扫描或合并为 PDF",
    ".png": "图片文件，请扫描或合并为 PDF",
    ".tif": "图片文件，请扫描或合并为 PDF",
    ".tiff": "图片文件，请扫描或合并为 PDF",
    ".bmp": "图片文件，请扫描或合并为 PDF",
}
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class Limits:
    """Bounds on the work a bundle may cause. The defaults suit a case file of a few hundred
    pages on a desk machine; a trading centre reading untrusted uploads may lower them.

    - ``max_files`` (1000): documents (PDF, .docx) read from one bundle; the rest are skipped.
    - ``max_zip_members`` (10 000): entries of a zip and of the zips inside it (the parts of
      a .docx are counted on their own, against the same limit).
    - ``max_total_uncompressed_bytes`` (1 GiB): declared size of all entries of one archive and
      the archives inside it (a .docx counts on its own).
    - ``max_compression_ratio`` (100): uncompressed ÷ compressed size of one entry of 1 MiB or
      more. PDFs and .docx hardly compress; a bomb inflates a thousandfold.
    - ``max_nesting_depth`` (1): how deep zips inside a zip are opened: 1 opens a zip in the
      given zip but not a zip in that one; 0 refuses every nested zip.
    - ``max_pages`` (2000): pages read from one PDF.
    - ``max_file_size`` (256 MiB): size of one PDF or .docx, on disk or in a zip.
    - ``timeout_seconds`` (60): time to read one file (a worker is killed after it).
    - ``max_worker_memory_bytes`` (2 GiB, address space; None or 0: no limit): memory of a worker
      process, where the platform can limit it (Linux, macOS). OCR workers get at least 4 GiB.
    - ``ocr_seconds_per_page`` (30): added to a file's time for each page sent to OCR.
    """

    max_files: int = 1000
    max_zip_members: int = 10_000
    max_total_uncompressed_bytes: int = _GiB
    max_compression_ratio: float = 100.0
    max_nesting_depth: int = 1
    max_pages: int = 2000
    max_file_size: int = 256 * _MiB
    timeout_seconds: float = 60.0
    max_worker_memory_bytes: int | None = 2 * _GiB
    ocr_seconds_per_page: float = 30.0

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value is not None and (not isinstance(value, (int, float)) or value < 0):
                raise InvalidValue(f"Limits.{name} must be a number ≥ 0, not {value!r}")
        if self.timeout_seconds <= 0 or self.max_compression_ratio <= 0:
            raise InvalidValue("Limits.timeout_seconds and max_compression_ratio must be > 0")


# --------------------------------------------------------------------------------------------
# Zip archives


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


def _size(n: float) -> str:
    return f"{n / _MiB:.1f} MiB" if n < _GiB else f"{n / _GiB:.1f} GiB"


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
            f"压缩包解压后共 {_size(budget.uncompressed)}，超过上限 "
            f"{_size(limits.max_total_uncompressed_bytes)}（疑似压缩炸弹），拒绝读取",
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
        raise ArchiveProblem(
            "too_large", f"文件过大：{_size(info.file_size)}，上限 {_size(limits.max_file_size)}"
        )
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


_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_name(name: str) -> str | None:
    if name.startswith("/") or _DRIVE.match(name):
        return "使用绝对路径"
    if ".." in name.split("/"):
        return "含 ../，会写到压缩包目录之外"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


# --------------------------------------------------------------------------------------------
# Manifest


@dataclass(frozen=True)
class _ManifestEntry:
    kind: str | None
    facts: dict[str, Any]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")
_FACT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _known_kinds() -> set[str]:
    try:
        from .classify import KINDS
    except ImportError:
        from ..models import MODELS

        return {model.document_kind for model in MODELS.values()} | {"unknown"}
    return set(KINDS) | {"unknown"}


def _fact_value(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str):
        text = value.strip()
        with contextlib.suppress(ValueError):
            if _ISO_DATE.match(text):
                return dt.date.fromisoformat(text)
            if _ISO_DATETIME.match(text):
                return dt.datetime.fromisoformat(text.replace(" ", "T"))
        return value
    if isinstance(value, (int, bool, Decimal, dt.date)) or value is None:
        return value
    raise ValueError("事实的值只能是文字、数字、日期或布尔值")


def _load_yaml(text: str) -> Any:
    import yaml

    class _NoAliases(yaml.SafeLoader):
        """Aliases can make a small file expand enormously; a manifest has no use for them."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases are not allowed in a manifest")
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=_NoAliases)  # a SafeLoader subclass


def parse_manifest(data: bytes, name: str, base: str = "") -> dict[str, _ManifestEntry]:
    """Parse a manifest's bytes; keys are resolved against ``base`` (the manifest's folder).
    Raises :class:`ArchiveProblem` (``manifest_invalid``)."""

    def invalid(reason: str) -> ArchiveProblem:
        return ArchiveProblem("manifest_invalid", f"清单文件 {name} 无效：{reason}")

    if len(data) > MAX_MANIFEST_BYTES:
        raise invalid("文件过大")
    try:
        text = data.decode("utf-8-sig")
        if name.lower().endswith(".json"):
            content = json.loads(text, parse_float=Decimal)
        else:
            content = _load_yaml(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise invalid(f"无法解析（{exc}）") from None
    except Exception as exc:  # yaml.YAMLError and its relatives
        raise invalid(f"无法解析（{type(exc).__name__}）") from None
    if not isinstance(content, dict) or not isinstance(content.get("files"), dict):
        raise invalid('缺少 "files" 对象')
    kinds = _known_kinds()
    entries: dict[str, _ManifestEntry] = {}
    for key, spec in content["files"].items():
        if not isinstance(key, str) or not isinstance(spec, dict):
            raise invalid(f"条目 {key!r} 应为对象")
        kind = spec.get("kind")
        if kind is not None and kind not in kinds:
            raise invalid(f"条目 {key} 的 kind {kind!r} 不是已知的文书类型")
        facts = spec.get("facts") or {}
        if not isinstance(facts, dict):
            raise invalid(f"条目 {key} 的 facts 应为对象")
        values: dict[str, Any] = {}
        for fact, value in facts.items():
            if not isinstance(fact, str) or not _FACT_NAME.match(fact):
                raise invalid(f"条目 {key} 的事实名 {fact!r} 应为小写英文标识符")
            try:
                values[fact] = _fact_value(value)
            except ValueError as exc:
                raise invalid(f"条目 {key} 的事实 {fact}：{exc}") from None
        path = str(PurePosixPath(unicodedata.normalize("NFC", key.replace("\\", "/"))))
        entries[base + path] = _ManifestEntry(kind, values)
    return entries


# --------------------------------------------------------------------------------------------
# Collecting the files of a bundle


@dataclass
class _Container:
    """A folder or zip given as (part of) the bundle: its manifest applies to its files."""

    label: str
    manifest: dict[str, _ManifestEntry] = field(default_factory=dict)
    manifest_file: str = ""
    used: set[str] = field(default_factory=set)


@dataclass
class _Entry:
    name: str
    key: str  # relative to the container, as the manifest names it
    type: DocumentType | None  # None: not readable, kept because the manifest describes it
    container: _Container | None
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


class _Collector:
    def __init__(self, limits: Limits, stack: contextlib.ExitStack) -> None:
        self.limits = limits
        self.stack = stack
        self.entries: dict[str, _Entry] = {}
        self.problems: list[ReadProblem] = []
        self.containers: list[_Container] = []
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
        container: _Container | None,
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
            hint = _UNSUPPORTED_HINTS.get(suffix, "只能读取 PDF 和 Word .docx 文件")
            self.problem("unsupported_file", f"未读取：{hint}", name)
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
        self.entries[name] = _Entry(name, key, doc_type, container, path=path, member=member)

    # -- folders

    def _add_folder(self, root: Path, prefix: str, label: str) -> None:
        container = _Container(label)
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
                    self.problem(
                        "symlink_skipped", "符号链接的文件夹未读取", _join(prefix, relative)
                    )
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
                    try:
                        target = full.resolve(strict=True)
                        inside = target.is_relative_to(resolved_root) and target.is_file()
                    except (OSError, RuntimeError):
                        inside = False
                    if not inside:
                        self.problem(
                            "symlink_skipped",
                            "符号链接指向文件夹之外或不存在，未读取",
                            name,
                        )
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
            reason = _unsafe_name(name)
            if reason:
                self.problem("zip_path_escape", f"压缩包条目{reason}，拒绝读取", shown)
                continue
            if _is_symlink(info):
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
        container = _Container(label)
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
        container: _Container,
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


# --------------------------------------------------------------------------------------------
# From answers to documents


@functools.lru_cache(maxsize=16)
def _takes(function: Callable[..., Any], name: str) -> bool:
    """Whether ``function`` takes the argument ``name`` (a replacement of the classifier or the
    fact extractor, such as a test's stub, may take the pages only)."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters or any(p.kind is p.VAR_KEYWORD for p in parameters.values())


def _classify(texts: list[str]) -> tuple[str, float, str | None, tuple[str, ...]]:
    """The kind of a document from its pages' normalised text (``Page.normalized``): kind,
    confidence, title and the cues that decided it (none from a classifier that gives none)."""
    try:
        from .classify import classify
    except ModuleNotFoundError as exc:  # until the classifier exists
        if exc.name != f"{__package__}.classify":
            raise
        return "unknown", 0.0, None, ()
    if _takes(classify, "normalized"):  # the text is normalised already: not again
        result = classify(texts, normalized=True)
    else:
        result = classify(texts)
    kind, confidence, title = result
    cues = tuple(str(cue) for cue in getattr(result, "cues", ()))
    return kind, float(confidence), title, cues


def _extract_facts(pages: list[tuple[int, str, str]], kind: str | None = None) -> list[Fact]:
    """The facts of a document; ``kind`` (when known) spares the extractor classifying it."""
    try:
        from .facts import extract_facts
    except ModuleNotFoundError as exc:  # until the fact extractor exists
        if exc.name != f"{__package__}.facts":
            raise
        return []
    if kind is not None and _takes(extract_facts, "kind"):
        return list(extract_facts(pages, kind=kind))
    return list(extract_facts(pages))


def _document(name: str, answer: dict[str, Any]) -> Document:
    pages = tuple(
        Page(int(number), text, normalized, source, quality)
        for number, text, normalized, source, quality in answer.get("pages", ())
    )
    problems = [
        ReadProblem(str(code), str(message), name, page)
        for code, message, page in answer.get("problems", ())
    ]
    usable = [page for page in pages if page.usable]
    kind, confidence, title = "unknown", 0.0, None
    cues: tuple[str, ...] = ()
    facts: list[Fact] = []
    if usable:
        try:
            kind, confidence, title, cues = _classify([page.normalized for page in pages])
            facts = _extract_facts(
                [(page.number, page.text, page.normalized) for page in usable], kind
            )
        except Exception as exc:  # a bug of ours must not hide the other documents
            message = f"识别文书时出现内部错误（{type(exc).__name__}: {exc}），请报告此问题"
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


def _apply_manifest(document: Document, entry: _ManifestEntry) -> Document:
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
    for trusted files or inside a sandbox of your own. One reader is for one thread at a time.
    """

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        ocr: bool = False,
        workers: int | None = None,
        isolation: Literal["process", "inline"] = "process",
    ) -> None:
        if ocr:
            from .ocr import require_ocr

            require_ocr()
        self.limits = limits or Limits()
        self.ocr = ocr
        self.workers = workers or min(4, os.cpu_count() or 1)
        self.isolation = isolation
        self._runner: WorkerPool | _InlineRunner | None = None

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes."""
        if self._runner is not None:
            self._runner.close()
            self._runner = None

    def _get_runner(self) -> WorkerPool | _InlineRunner:
        if self._runner is None:
            limits = asdict(self.limits)
            if self.isolation == "inline":
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
                    limits=limits,
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
            collector = _Collector(self.limits, stack)
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
        """Read one PDF or .docx. A file that cannot be read gives a document with problems."""
        name = os.fspath(path)
        doc_type = DOCUMENT_TYPES.get(Path(path).suffix.lower())
        problem: tuple[str, str] | None = None
        if not Path(path).is_file():
            problem = ("not_found", "找不到该文件")
        elif doc_type is None:
            problem = ("unsupported_file", "只能读取 PDF 和 Word .docx 文件")
        if problem is not None or doc_type is None:
            code, message = problem or ("unsupported_file", "")
            return Document(name, "unknown", 0.0, problems=(ReadProblem(code, message, name),))
        task = ReadTask(name, doc_type, path=name, ocr=self.ocr)
        for _, answer in self._get_runner().run(iter([task])):
            return _document(name, answer)
        raise AssertionError("the runner returned no answer")  # pragma: no cover

    def _read_entries(self, collector: _Collector) -> list[Document]:
        failed: dict[str, list[tuple[str, str, int | None]]] = {}
        entries = collector.entries

        def tasks() -> Iterator[ReadTask]:
            for entry in entries.values():
                if entry.type is None:
                    hint = _UNSUPPORTED_HINTS.get(PurePosixPath(entry.name).suffix.lower(), "")
                    message = f"未读取（{hint or '不支持的文件类型'}），文书类型和事实取自清单"
                    failed[entry.name] = [("unsupported_file", message, None)]
                    continue
                if entry.member is None:
                    yield ReadTask(entry.name, entry.type, path=entry.path, ocr=self.ocr)
                    continue
                archive, info, budget = entry.member
                try:
                    data = read_member(archive, info, self.limits, budget)
                except ArchiveProblem as exc:
                    failed[entry.name] = [(exc.code, exc.message, None)]
                    continue
                yield ReadTask(entry.name, entry.type, data=data, ocr=self.ocr)

        # Each file's document is made (kind, facts) as its answer comes, while the workers
        # read the next files.
        read = {
            task.name: _document(task.name, answer)
            for task, answer in self._get_runner().run(tasks())
        }
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

    Every PDF and .docx becomes a :class:`~.types.Document` with its pages (text, where the text
    came from, whether it is usable), kind and facts; what could not be read is a
    :class:`~.types.ReadProblem` on the document or on the bundle. With ``ocr=True`` pages
    without a usable text layer are read by OCR (needs the ``ocr`` extra:
    :class:`~paimai_docs.errors.MissingExtra` otherwise).
    """
    with BundleReader(limits=limits, ocr=ocr) as reader:
        return reader.read_bundle(paths)


def read_document(
    path: str | os.PathLike[str], *, ocr: bool = False, limits: Limits | None = None
) -> Document:
    """Read one PDF or .docx (see :func:`read_bundle`)."""
    with BundleReader(limits=limits, ocr=ocr, workers=1) as reader:
        return reader.read_document(path)
