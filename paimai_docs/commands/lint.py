"""``paimai lint-template``: check a Word template against a document kind before using it.

paimai lint-template FILE.docx --kind KIND [--format text|json]

Reports, each with its place in the document: placeholders that are not fields of the kind,
required fields the template never uses, tags split across Word runs, unclosed tags, unbalanced
``{% if %}``/``{% for %}`` blocks and Jinja syntax errors (see :mod:`paimai_docs.lint`).

Exit codes (:mod:`paimai_docs.exitcodes`): 0 no problems; 1 problems found (errors or
warnings); 2 the kind is unknown; 3 the file cannot be read (missing, damaged, not a .docx).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from paimai_docs.commands import command_help

from ..errors import PaimaiError
from ..exitcodes import ExitCode
from ..lang import say
from ..lint import TemplateUnreadable, lint_template
from ..validation import get_model
from ._common import lang_of


def _fail(args: argparse.Namespace, message: str, code: str, exit_code: ExitCode) -> int:
    if args.format == "json":
        payload = {"template": args.file, "kind": args.kind, "error": code, "message": message}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    print(message, file=sys.stderr)
    return exit_code


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        model = get_model(args.kind)
    except PaimaiError as exc:
        message = say(str(exc), f"unknown document kind: {args.kind}", lang)
        return _fail(args, message, "unknown_kind", ExitCode.USAGE)
    try:
        report = lint_template(args.file, model)
    except TemplateUnreadable as exc:
        text = say(str(exc), exc.message_en, lang)
        return _fail(args, text, exc.code, ExitCode.UNREADABLE)
    if args.format == "json":
        data: dict[str, Any] = report.to_dict(lang)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(report.format(lang))
    return ExitCode.OK if report.clean else ExitCode.FINDINGS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "lint-template",
        help=command_help("lint-template"),
        description=(
            "检查 Word 模板：未知的占位符、未使用的必填字段、被拆分或未闭合的标签、\n"
            "不配对的 if/for 块和语法错误，并指出所在段落或表格单元格。\n"
            "Check a Word template against a document kind; every problem with its place."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", help="模板文件（.docx）")
    parser.add_argument(
        "--kind", required=True, help="文档类型，例如 entrustment_contract（见 paimai kinds）"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="输出格式：text（默认）或 json",
    )
    parser.set_defaults(func=run)
