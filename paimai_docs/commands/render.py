"""``paimai render``: fill a Word template with document data.

paimai render KIND DATA.json|DATA.yaml -o OUT.docx [--template FILE] [--force] [--pdf]
paimai render KIND DIR|DATA.jsonl -o OUT_DIR [--template FILE] [--force] [--pdf]

The batch form takes a folder of .json/.yaml files (each named file gives ``<stem>.docx``) or a
JSON Lines file (line N gives ``<stem>_NNN.docx``). A batch is all or nothing: every record is
read, validated and rendered before any file is written.

``--pdf`` also writes ``<stem>.pdf`` next to each .docx, converting all of them with a single
LibreOffice start after the .docx files are written. LibreOffice and a CJK font are checked
first: if either is missing, the command says what to install and writes nothing.

Exit codes: 0 written; 1 the data is not a valid document, or a value the template needs is
missing, or the template's tags are wrong; 2 usage (unknown kind, the output exists without
``--force``, the output cannot be written, LibreOffice or a CJK font missing for ``--pdf``, the
PDF conversion failed); 3 the data or the template cannot be read.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path
from typing import Any

from paimai_docs.commands import command_help

from .. import pdf as pdf_tools
from ..errors import PaimaiError
from ..exitcodes import ExitCode
from ..lang import say
from ..models import DocumentModel
from ..render import (
    BatchRenderError,
    MissingValues,
    OutputExists,
    RenderError,
    TemplateInvalid,
    render,
    render_many,
)
from ..userfiles import UserFileError, load_file, parse_text
from ..validation import ModelInvalid, get_model, validate
from ..vocabulary import SCOPES
from ._common import lang_of, os_error_text
from ._holidays import add_holidays_option

DATA_SUFFIXES = (".json", ".yaml", ".yml")

_MESSAGES = {
    "no_data": ("找不到数据：{path}", "data not found: {path}"),
    "no_template": (
        "找不到模板或模板不是 .docx 文件：{path}",
        "template missing or not a .docx: {path}",
    ),
    "unreadable": ("无法读取 {where}：{error}", "cannot read {where}: {error}"),
    "empty_batch": (
        "{path} 中没有 .json/.yaml 数据或 JSON 行",
        "no .json/.yaml data or JSON lines in {path}",
    ),
    "not_object": ("应为一个 JSON 对象（一组字段）", "must be a JSON object"),
    "invalid": ("{where}：{title}有 {count} 处问题", "{where}: {count} problem(s) in the {title}"),
    "output_not_dir": ("输出位置不是目录：{path}", "output is not a folder: {path}"),
    "exists": (
        "文件已存在，未覆盖：{paths}（如需覆盖请加 --force）",
        "file exists, not overwritten: {paths} (use --force to overwrite)",
    ),
    "missing": (
        "模板 {template} 缺少 {count} 项值：",
        "template {template} needs {count} value(s) the data lacks:",
    ),
    "cannot_write": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "written": ("已生成：{path}", "written: {path}"),
    "batch_done": ("共生成 {count} 份文书，保存在 {path}", "{count} document(s) written to {path}"),
    "batch_failed": (
        "{count} 份文书未能生成，未写入任何文件：",
        "{count} document(s) failed; nothing was written:",
    ),
    "pdf_tools_missing": (
        "无法生成 PDF，未生成任何文件：",
        "cannot produce PDFs; nothing was written:",
    ),
    "pdf_failed": (
        "PDF 转换失败（Word 文件已生成）：{error}",
        "PDF conversion failed (the .docx files were written): {error}",
    ),
    "pdf_done": ("共转换 {count} 份 PDF", "{count} PDF(s) written"),
}


def _msg(key: str, lang: str, **values: Any) -> str:
    zh, en = _MESSAGES[key]
    return say(zh, en, lang).format(**values)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


class _Unreadable(Exception):
    """Internal: a data record could not be read (the message says where and why)."""


def _read_file(path: Path, lang: str) -> Any:
    """The data of a .json or .yaml file; our words (file, line, value) when it cannot be read
    or parsed, never the parser's."""
    try:
        data, _lines = load_file(path)
    except UserFileError as exc:
        details = "；".join(item.text(lang) for item in exc.items)
        raise _Unreadable(_msg("unreadable", lang, where=path, error=details)) from None
    return data


def _batch_records(path: Path, lang: str) -> tuple[list[tuple[str, str, Any]], list[str]]:
    """(name, where, data) for every record of a folder or a .jsonl file, and the read errors."""
    records: list[tuple[str, str, Any]] = []
    errors: list[str] = []
    if path.is_dir():
        for file in sorted(p for p in path.iterdir() if p.suffix.lower() in DATA_SUFFIXES):
            try:
                records.append((file.stem, str(file), _read_file(file, lang)))
            except _Unreadable as exc:
                errors.append(str(exc))
        return records, errors
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [_msg("unreadable", lang, where=path, error=os_error_text(exc, lang))]
    width = max(3, len(str(len(lines))))
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data, _lines = parse_text(line, where, json_format=True)
        except UserFileError as exc:
            errors.append(_msg("unreadable", lang, where=where, error=exc.items[0].text(lang)))
            continue
        records.append((f"{path.stem}_{number:0{width}d}", where, data))
    return records, errors


def _validate(kind: type[DocumentModel], where: str, data: Any, lang: str) -> DocumentModel | None:
    """The model, or None after printing every problem of the record."""
    if not isinstance(data, dict):
        _err(f"{where}：{_msg('not_object', lang)}")
        return None
    try:
        return validate(kind, data, lang)
    except ModelInvalid as exc:
        title = say(kind.title, kind.title_en, lang)
        _err(_msg("invalid", lang, where=where, title=title, count=len(exc.problems)))
        for problem in exc.problems:
            _err(f"    - {problem.where}：{problem.message}  [{problem.code}]")
        return None


def _report_render_error(exc: RenderError, lang: str, indent: str = "") -> None:
    if isinstance(exc, MissingValues):
        _err(indent + _msg("missing", lang, template=exc.template, count=len(exc.missing)))
        for missing in exc.missing:
            _err(f"{indent}    - {missing}")
    else:
        _err(indent + str(exc))


def _pdf_targets(paths: list[Path]) -> list[Path]:
    """Where ``convert_to_pdf`` puts the PDF of each document (next to it)."""
    return [p.parent / f"{p.stem}.pdf" for p in paths]


def _pdf_clash(args: argparse.Namespace, documents: list[Path], lang: str) -> bool:
    """With --pdf and without --force, refuse up front when a .docx or a PDF would be
    overwritten, naming all of them."""
    if not getattr(args, "pdf", False) or args.force:
        return False
    existing = [p for p in [*documents, *_pdf_targets(documents)] if p.exists()]
    if existing:
        _err(_msg("exists", lang, paths="、".join(str(p) for p in existing)))
    return bool(existing)


def _convert(args: argparse.Namespace, documents: list[Path], lang: str) -> int:
    """Convert the written documents in one LibreOffice start (when --pdf was given)."""
    if not getattr(args, "pdf", False):
        return ExitCode.OK
    try:
        pdfs = pdf_tools.convert_to_pdf(documents, overwrite=args.force)
    except (pdf_tools.PdfToolMissing, pdf_tools.PdfConversionFailed) as exc:
        _err(_msg("pdf_failed", lang, error=exc))  # our own message (paimai_docs.pdf)
        return ExitCode.USAGE
    for path in pdfs:
        print(_msg("written", lang, path=path))
    if len(pdfs) > 1:
        print(_msg("pdf_done", lang, count=len(pdfs)))
    return ExitCode.OK


def _template_ok(template: str | None) -> bool:
    if template is None:
        return True
    try:
        with zipfile.ZipFile(template) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _calendar(args: argparse.Namespace, lang: str) -> Any:
    """The holiday calendar of ``--holidays`` (None: the default one); False for a bad file."""
    if not getattr(args, "holidays", None):
        return None
    from ._holidays import calendar_from_args

    calendar = calendar_from_args(args, lang)
    return False if calendar is None else calendar


def _run_single(args: argparse.Namespace, kind: type[DocumentModel], lang: str) -> int:
    calendar = _calendar(args, lang)
    if calendar is False:
        return ExitCode.USAGE
    data_path = Path(args.data)
    try:
        data = _read_file(data_path, lang)
    except _Unreadable as exc:
        _err(str(exc))
        return ExitCode.UNREADABLE
    model = _validate(kind, str(data_path), data, lang)
    if model is None:
        return ExitCode.FINDINGS
    out = Path(args.output)
    if out.is_dir():
        out = out / f"{data_path.stem}.docx"
    if _pdf_clash(args, [out], lang):
        return ExitCode.USAGE
    try:
        path = render(
            model,
            out,
            template=args.template,
            overwrite=args.force,
            allow_findings=args.allow_findings,
            scope=args.scope,
            calendar=calendar,
        )
    except OutputExists as exc:
        _err(_msg("exists", lang, paths="、".join(str(p) for p in exc.paths)))
        return ExitCode.USAGE
    except RenderError as exc:
        _report_render_error(exc, lang)
        return ExitCode.FINDINGS
    except OSError as exc:
        _err(_msg("cannot_write", lang, path=out, error=os_error_text(exc, lang)))
        return ExitCode.USAGE
    print(_msg("written", lang, path=path))
    return _convert(args, [path], lang)


def _run_batch(args: argparse.Namespace, kind: type[DocumentModel], lang: str) -> int:
    calendar = _calendar(args, lang)
    if calendar is False:
        return ExitCode.USAGE
    source = Path(args.data)
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        _err(_msg("output_not_dir", lang, path=out_dir))
        return ExitCode.USAGE
    records, errors = _batch_records(source, lang)
    for error in errors:
        _err(error)
    if errors:
        return ExitCode.UNREADABLE
    if not records:
        _err(_msg("empty_batch", lang, path=source))
        return ExitCode.USAGE
    models = [_validate(kind, where, data, lang) for _, where, data in records]
    valid = [m for m in models if m is not None]
    if len(valid) != len(models):
        return ExitCode.FINDINGS
    names = [name for name, _, _ in records]
    if _pdf_clash(args, [out_dir / f"{name}.docx" for name in names], lang):
        return ExitCode.USAGE
    try:
        paths = render_many(
            valid,
            out_dir,
            names=names,
            template=args.template,
            overwrite=args.force,
            allow_findings=args.allow_findings,
            scope=args.scope,
            calendar=calendar,
        )
    except OutputExists as exc:
        _err(_msg("exists", lang, paths="、".join(str(p) for p in exc.paths)))
        return ExitCode.USAGE
    except BatchRenderError as exc:
        _err(_msg("batch_failed", lang, count=len(exc.failures)))
        for name, failure in exc.failures.items():
            _err(f"  {name}:")
            _report_render_error(failure, lang, indent="    ")
        return ExitCode.FINDINGS
    except RenderError as exc:
        _report_render_error(exc, lang)
        return ExitCode.FINDINGS
    except OSError as exc:
        _err(_msg("cannot_write", lang, path=out_dir, error=os_error_text(exc, lang)))
        return ExitCode.USAGE
    for path in paths:
        print(_msg("written", lang, path=path))
    print(_msg("batch_done", lang, count=len(paths), path=out_dir))
    return _convert(args, paths, lang)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        kind = get_model(args.kind)
    except PaimaiError as exc:
        _err(str(exc))
        return ExitCode.USAGE
    if getattr(args, "pdf", False):
        missing = pdf_tools.check_pdf_tools()
        if missing:
            _err(_msg("pdf_tools_missing", lang))
            for problem in missing:
                _err(f"  - {problem}")
            return ExitCode.USAGE
    source = Path(args.data)
    if not source.exists():
        _err(_msg("no_data", lang, path=source))
        return ExitCode.UNREADABLE
    if not _template_ok(args.template):
        _err(_msg("no_template", lang, path=args.template))
        return ExitCode.UNREADABLE
    try:
        if source.is_dir() or source.suffix.lower() == ".jsonl":
            return _run_batch(args, kind, lang)
        return _run_single(args, kind, lang)
    except TemplateInvalid as exc:  # raised before any file is written
        _err(str(exc))
        return ExitCode.FINDINGS
    except PaimaiError as exc:  # the shipped template is missing (an incomplete install)
        _err(str(exc))
        return ExitCode.UNREADABLE


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help=command_help("render"),
        description=(
            "用 JSON/YAML 数据填写 Word 模板，生成文书。\n"
            "  单份：paimai render KIND DATA.json -o OUT.docx\n"
            "  批量：paimai render KIND 目录或 DATA.jsonl -o 输出目录\n"
            "Fill a Word template with document data (one file, or a folder / JSON Lines file)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", help="文档类型，例如 entrustment_contract（见 paimai kinds）")
    parser.add_argument("data", help="数据文件（.json/.yaml）；批量时为目录或 .jsonl 文件")
    parser.add_argument("-o", "--output", required=True, help="输出 .docx 文件；批量时为输出目录")
    parser.add_argument("--template", help="自定义模板 .docx（默认使用随软件发布的模板）")
    parser.add_argument("--force", action="store_true", help="允许覆盖已有文件")
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="同时生成 PDF（需要 LibreOffice 和中文字体；全部文件一次转换）",
    )
    add_holidays_option(parser)
    parser.add_argument(
        "--scope",
        choices=SCOPES,
        help="按该业务范围的规则检查后再生成；默认由文书自动判断",
    )
    parser.add_argument(
        "--allow-findings",
        action="store_true",
        help="文书违反规则（错误级）时仍然生成",
    )
    parser.set_defaults(func=run)
