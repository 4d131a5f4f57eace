"""``paimai kinds``, ``paimai schema KIND``, ``paimai example KIND`` and ``paimai validate``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from paimai_docs.commands import command_help
from paimai_docs.vocabulary import counted

from ..errors import PaimaiError
from ..exitcodes import ExitCode
from ..lang import say
from ..models import MODELS
from ..resources import load_example
from ..schema import json_schema
from ..userfiles import UserFileError, load_file
from ..validation import (
    ModelInvalid,
    get_model,
    model_warnings,
    validate,
)
from ..values.masking import SHOW_PERSONAL_DATA
from ._common import lang_of


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(text: str, output: str | None, force: bool) -> int:
    if output is None:
        sys.stdout.write(text)
        return ExitCode.OK
    path = Path(output)
    if path.exists() and not force:
        print(f"文件已存在，未覆盖：{path}（如需覆盖请加 --force）", file=sys.stderr)
        return ExitCode.USAGE
    path.write_text(text, encoding="utf-8")
    return ExitCode.OK


def run_kinds(args: argparse.Namespace) -> int:
    for name, model in MODELS.items():
        title = say(model.title, model.title_en, lang_of(args))
        print(f"{name:34} {title}")
    return ExitCode.OK


def run_schema(args: argparse.Namespace) -> int:
    try:
        model = get_model(args.kind)
    except PaimaiError as exc:
        print(exc, file=sys.stderr)
        return ExitCode.USAGE
    return _write(_dump(json_schema(model)), args.output, args.force)


def run_example(args: argparse.Namespace) -> int:
    try:
        model = get_model(args.kind)
        document = validate(model, load_example(args.kind))
    except PaimaiError as exc:
        print(exc, file=sys.stderr)
        return ExitCode.USAGE
    # The example is fictional and meant to be filled in, so its numbers are shown in full.
    data = document.model_dump(mode="json", context={SHOW_PERSONAL_DATA: True})
    return _write(_dump(data), args.output, args.force)


def _data_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.iterdir() if p.suffix.lower() in {".json", ".yaml", ".yml"})
            )
        else:
            files.append(path)
    return files


def run_validate(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    files = _data_files(args.paths)
    if not files:
        print(
            say("没有找到 .json 或 .yaml 数据文件", "no data files found", lang),
            file=sys.stderr,
        )
        return ExitCode.UNREADABLE  # nothing to check
    worst = ExitCode.OK
    results = []
    for path in files:
        kind = args.kind or path.stem
        entry: dict[str, Any] = {"file": str(path), "kind": kind, "valid": False, "problems": []}
        results.append(entry)
        try:
            model = get_model(kind)
        except PaimaiError as exc:
            entry["error"] = str(exc)
            worst = max(worst, ExitCode.USAGE)
            continue
        try:
            data, _lines = load_file(path)
        except UserFileError as exc:
            details = "；".join(item.text(lang) for item in exc.items)
            entry["error"] = say(f"无法读取：{details}", f"cannot read: {details}", lang)
            worst = max(worst, ExitCode.UNREADABLE)
            continue
        try:
            document = validate(model, data, lang)
        except ModelInvalid as exc:
            entry["problems"] = [
                {"where": p.where, "code": p.code, "message": p.message} for p in exc.problems
            ]
            worst = max(worst, ExitCode.FINDINGS)
            continue
        entry["valid"] = True
        entry["title"] = say(model.title, model.title_en, lang)
        entry["warnings"] = [
            {"where": w.where, "code": w.code, "message": w.message}
            for w in model_warnings(document, lang)
        ]
    if args.format == "json":
        sys.stdout.write(_dump({"results": results}))
        return worst
    for entry in results:
        if entry.get("error"):
            print(f"✗ {entry['file']}：{entry['error']}")
        elif entry["valid"]:
            ok = say("有效", "valid", lang)
            print(f"✓ {entry['file']}  {entry['title']}：{ok}")
            for warning in entry["warnings"]:
                print(f"    ! {warning['where']}：{warning['message']}")
        else:
            count = len(entry["problems"])
            head = say(f"{count}处问题", f"{count} problem(s)", lang)
            print(f"✗ {entry['file']}  {entry['kind']}：{head}")
            for problem in entry["problems"]:
                print(f"    - {problem['where']}：{problem['message']}  [{problem['code']}]")
    valid = sum(1 for e in results if e["valid"])
    summary = say(
        f"共 {len(results)} 个文件，{valid} 个有效，{len(results) - valid} 个有问题",
        f"{counted(len(results), 'file')}, {valid} valid, {len(results) - valid} with problems",
        lang,
    )
    print(summary)
    return worst


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = subparsers.add_parser("kinds", help=command_help("kinds"))
    kinds.set_defaults(func=run_kinds)

    schema = subparsers.add_parser("schema", help=command_help("schema"))
    schema.add_argument("kind", help="文档类型，例如 entrustment_contract（见 paimai kinds）")
    schema.add_argument("-o", "--output", help="写入文件而不是标准输出")
    schema.add_argument("--force", action="store_true", help="允许覆盖已有文件")
    schema.set_defaults(func=run_schema)

    example = subparsers.add_parser("example", help=command_help("example"))
    example.add_argument("kind", help="文档类型，例如 entrustment_contract")
    example.add_argument("-o", "--output", help="写入文件而不是标准输出")
    example.add_argument("--force", action="store_true", help="允许覆盖已有文件")
    example.set_defaults(func=run_example)

    check = subparsers.add_parser("validate", help=command_help("validate"))
    check.add_argument("paths", nargs="+", help="数据文件或目录（文件名即文档类型）")
    check.add_argument("--kind", help="文档类型；默认取文件名，例如 entrustment_contract.json")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.set_defaults(func=run_validate)
