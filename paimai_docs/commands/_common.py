"""What several commands share: the language a command was asked for (:func:`lang_of`), our own
wording for operating system errors (never ``[Errno 2] …``), the check that an output's suffix
fits ``--format``, and the message for input paths that do not exist."""

from __future__ import annotations

import errno
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..lang import DEFAULT, Lang, resolve, say


def lang_of(args: Any) -> Lang:
    """The language of a command's parsed arguments (``--lang``; Chinese when there is none)."""
    return resolve(getattr(args, "lang", None) or DEFAULT)


_ERRNO_TEXT = {
    errno.ENOENT: ("不存在", "does not exist"),
    errno.EACCES: ("没有权限", "permission denied"),
    errno.EPERM: ("没有权限", "permission denied"),
    errno.EISDIR: ("是一个文件夹", "is a folder"),
    errno.ENOTDIR: ("路径中有一部分不是文件夹", "a part of the path is not a folder"),
    errno.ENOSPC: ("磁盘空间不足", "no space left on the disk"),
    errno.EROFS: ("位于只读的位置", "is on a read-only file system"),
    errno.EEXIST: ("已存在", "already exists"),
    errno.ENAMETOOLONG: ("文件名过长", "the file name is too long"),
}


def os_error_text(exc: BaseException, lang: str | None = None) -> str:
    """Our words for an ``OSError`` or a decoding error (the library's text is never shown)."""
    if isinstance(exc, UnicodeDecodeError):
        return say("不是 UTF-8 编码的文本", "is not UTF-8 text", lang)
    number = getattr(exc, "errno", None)
    if number in _ERRNO_TEXT:
        zh, en = _ERRNO_TEXT[number]
        return say(zh, en, lang)
    return say("无法读写", "cannot be read or written", lang)


def missing_paths_message(missing: Sequence[str], lang: str | None = None) -> str:
    joined = say("、", ", ", lang).join(missing)
    return say(f"找不到：{joined}", f"not found: {joined}", lang)


def suffix_mismatch(
    output: str | None, fmt: str, suffixes: Mapping[str, Sequence[str]], lang: str | None = None
) -> str | None:
    """A message if ``output`` names a file whose suffix does not fit ``fmt``; None if it fits,
    if there is no output, if the name has no suffix at all, or if the output is a folder (the
    command names the files then)."""
    if output is None:
        return None
    path = Path(output)
    if path.is_dir() or output.endswith(("/", "\\")) or not path.suffix:
        return None
    wanted = tuple(s.lower() for s in suffixes.get(fmt, ()))
    if not wanted or path.suffix.lower() in wanted:
        return None
    shown = path.suffix
    expected = say("、", " or ", lang).join(wanted)
    return say(
        f"输出文件 {output} 的扩展名 {shown} 与 --format {fmt} 不符，应为 {expected}",
        f"the output {output} has the suffix {shown}, which does not fit --format {fmt}; "
        f"use {expected}",
        lang,
    )


def warn_skipped_holiday_files(calendar: Any, lang: str | None = None) -> None:
    """Say on stderr which files of a holiday folder were left out, and why (the rest of the
    data is used)."""
    for problem in getattr(calendar, "skipped", ()):
        print(
            say("警告：已跳过有误的节假日数据文件，其余数据照常使用。",
                "warning: a bad holiday file was skipped; the other data is used.", lang)
            + "\n" + problem.message(resolve(lang)),
            file=sys.stderr,
        )  # fmt: skip
