"""Word → PDF through LibreOffice, many files in one headless call.

LibreOffice substitutes missing fonts silently, so before converting we check that LibreOffice is
there and that a CJK font is installed, and say exactly what is missing otherwise.

Fonts. The documents ask for 宋体, 仿宋 and 黑体 (Windows fonts). Where fontconfig picks fonts
(Linux and the BSDs), LibreOffice runs with ``FONTCONFIG_FILE`` pointing at a config that includes
the system one and then ``paimai_docs/fonts/aliases.conf``: 宋体/仿宋/楷体 become Noto Serif CJK SC
(a FangSong or Kai face first when one is installed) and 黑体 Noto Sans CJK SC, instead of the sans
face fontconfig gives unknown names. A machine that has the Windows fonts keeps them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from .errors import PaimaiError

_SOFFICE_CANDIDATES = (
    "soffice",
    "libreoffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_WINDOWS_CJK_FONTS = ("simsun.ttc", "simfang.ttf", "simhei.ttf", "msyh.ttc", "fangsong.ttf")
FONT_ALIASES = Path(__file__).resolve().parent / "fonts" / "aliases.conf"
_SYSTEM_FONTCONFIG = ("/etc/fonts/fonts.conf", "/usr/local/etc/fonts/fonts.conf")


class PdfToolMissing(PaimaiError):
    """LibreOffice or a CJK font is not installed."""

    code = "pdf_tool_missing"


class PdfConversionFailed(PaimaiError):
    """LibreOffice ran but did not produce every PDF."""

    code = "pdf_conversion_failed"


def find_soffice() -> str | None:
    """The LibreOffice executable, or None."""
    for candidate in _SOFFICE_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
        if os.path.isabs(candidate) and os.path.exists(candidate):
            return candidate
    return None


def cjk_fonts() -> list[str]:
    """Names of installed fonts that cover Chinese (via fontconfig, or the Windows font folder)."""
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [name for name in _WINDOWS_CJK_FONTS if (folder / name).exists()]
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    result = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30
    )
    families = {line.split(",")[0].strip() for line in result.stdout.splitlines() if line.strip()}
    return sorted(families)


def _uses_fontconfig() -> bool:
    return sys.platform not in ("win32", "darwin")


def fontconfig_file(folder: Path) -> Path | None:
    """Write ``folder/fonts.conf``: the system fontconfig configuration, then our aliases of the
    Chinese Windows font names; None where LibreOffice does not use fontconfig (Windows, macOS)
    or the aliases file is missing."""
    if not _uses_fontconfig() or not FONT_ALIASES.is_file():
        return None
    system = os.environ.get("FONTCONFIG_FILE") or next(
        (c for c in _SYSTEM_FONTCONFIG if os.path.isfile(c)), _SYSTEM_FONTCONFIG[0]
    )
    includes = [system, str(FONT_ALIASES)]
    lines = "".join(
        f'  <include ignore_missing="yes">{escape(path)}</include>\n' for path in includes
    )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>\n{lines}</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def soffice_environment(folder: Path) -> dict[str, str]:
    """The environment LibreOffice runs in: ours, with ``FONTCONFIG_FILE`` set to
    :func:`fontconfig_file` where fontconfig is used."""
    env = dict(os.environ)
    config = fontconfig_file(folder)
    if config is not None:
        env["FONTCONFIG_FILE"] = str(config)
    return env


def check_pdf_tools() -> list[str]:
    """What is missing for PDF output, in Chinese; empty when everything is there."""
    missing = []
    if find_soffice() is None:
        missing.append(
            "未找到 LibreOffice（soffice）。请安装：Debian/Ubuntu 执行 "
            "apt-get install libreoffice-writer；Windows/macOS 从 libreoffice.org 安装"
        )
    if not cjk_fonts():
        missing.append(
            "未找到中文字体，转换出的 PDF 中文会缺字或乱码。请安装：Debian/Ubuntu 执行 "
            "apt-get install fonts-noto-cjk（或 fonts-wqy-zenhei）"
        )
    return missing


def convert_to_pdf(
    documents: Sequence[str | Path],
    out_dir: str | Path | None = None,
    *,
    overwrite: bool = False,
    timeout: float = 600,
) -> list[Path]:
    """Convert .docx files to PDF with one LibreOffice start; return the PDF paths in order.

    Each PDF is written next to its document (or into ``out_dir``) under the same stem. An
    existing PDF is never replaced unless ``overwrite``; a failed conversion leaves no file.
    """
    missing = check_pdf_tools()
    if missing:
        raise PdfToolMissing("；".join(missing))
    sources = [Path(d).resolve() for d in documents]
    if not sources:
        return []
    targets = [
        (Path(out_dir).resolve() if out_dir else s.parent) / f"{s.stem}.pdf" for s in sources
    ]
    if len(set(targets)) != len(targets):
        raise PdfConversionFailed("同一批次中有两个文件会输出到同一个 PDF 文件名，请改名后再转换")
    existing = [str(t) for t in targets if t.exists()]
    if existing and not overwrite:
        raise PdfConversionFailed(
            f"PDF 文件已存在，未覆盖（如需覆盖请指定 overwrite）：{existing[0]}"
        )
    soffice = find_soffice()
    assert soffice is not None
    with tempfile.TemporaryDirectory(prefix="paimai-pdf-") as work:
        work_dir = Path(work)
        profile = (work_dir / "profile").as_uri()  # private profile: no clash with an open Office
        staged = work_dir / "in"
        staged.mkdir()
        converted = work_dir / "out"
        # LibreOffice names each PDF after its input; copies with numbered names keep documents of
        # the same name from different folders apart.
        inputs = []
        for index, source in enumerate(sources):
            copy = staged / f"{index:05d}{source.suffix.lower()}"
            shutil.copyfile(source, copy)
            inputs.append(copy)
        command = [
            soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(converted), *map(str, inputs),
        ]  # fmt: skip
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=timeout,
                env=soffice_environment(work_dir),
            )
        except subprocess.TimeoutExpired:
            raise PdfConversionFailed(f"LibreOffice 转换超时（{timeout:.0f} 秒）") from None
        produced = [converted / f"{copy.stem}.pdf" for copy in inputs]
        absent = [s.name for s, p in zip(sources, produced, strict=True) if not p.is_file()]
        if absent:
            detail = (result.stderr or result.stdout).strip()[-500:]
            raise PdfConversionFailed(f"LibreOffice 未能转换：{'、'.join(absent)}。{detail}")
        for pdf, target in zip(produced, targets, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            # Move in two steps so a target is either the old file or the complete new one.
            staging = target.with_name(f".{target.name}.partial")
            shutil.move(str(pdf), staging)
            os.replace(staging, target)
    return targets
