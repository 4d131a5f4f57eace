"""``paimai inspect``: what the reader makes of a bundle — kinds, pages, text sources, facts.

paimai inspect PATH... [--format text|json] [--ocr] [--show-personal-data]

Exit codes: 0 everything was read; 3 a file (or part of one) could not be read; 2 usage or
configuration error (``--ocr`` without the ocr extra, reader processes that cannot start).
Pages without a usable text layer are not an error here: they are shown, and the checker
reports them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from paimai_docs._version import __version__
from paimai_docs.commands import command_help
from paimai_docs.commands._common import lang_of
from paimai_docs.errors import MissingExtra
from paimai_docs.exitcodes import ExitCode
from paimai_docs.lang import resolve, say
from paimai_docs.reading._worker import WorkerStartError
from paimai_docs.reading.bundle import read_bundle
from paimai_docs.reading.types import Bundle, Document, Fact, ReadProblem
from paimai_docs.reports.common import count, fact_data, fact_label, fact_text, problem_text
from paimai_docs.vocabulary import KINDS, READ_PROBLEMS, counted
from paimai_docs.vocabulary import label as vocabulary_label

SCHEMA_VERSION = 1

QUALITY_LABELS = {
    "ok": ("可用", "usable"),
    "empty": ("无文字层，可能是扫描件", "no text layer (a scan?)"),
    "cid_glyphs": ("字形无法转为文字（cid）", "glyphs without Unicode (cid)"),
    "replacement_chars": ("乱码（无法映射的字符）", "garbled (unmapped characters)"),
    "control_chars": ("乱码（控制字符）", "garbled (control characters)"),
    "too_few_cjk": ("几乎没有中文字符", "too few Chinese characters"),
}
SOURCE_LABELS = {
    "text_layer": ("文字层", "text layer"),
    "docx": ("Word 正文", "Word text"),
    "ocr": ("OCR", "OCR"),
    "manifest": ("清单", "manifest"),
    "none": ("无", "none"),
}
# why a file could not be read, by its code: written once, in paimai_docs.vocabulary
PROBLEM_LABELS = READ_PROBLEMS


def register(subparsers: Any) -> None:
    """Add ``inspect`` to the main parser's subcommands."""
    p = subparsers.add_parser(
        "inspect",
        help=command_help("inspect"),
        description=(
            "读取文件夹、zip 压缩包或若干 PDF/.docx 文件，列出每个文件的文书类型、页数、"
            "哪些页没有可用文字及原因、提取到的事实。\n"
            "Read a folder, a .zip or files and show, per document, its kind, its pages, which "
            "pages have no usable text and why, and the facts found."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="文件夹、zip 或文件 / folder, zip, file"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--ocr",
        action="store_true",
        help='对无文字层的页做 OCR（需 pip install "paimai-docs[ocr]"）/ OCR pages without text',
    )
    p.add_argument(
        "--show-personal-data",
        action="store_true",
        help="不遮盖身份证号、电话、银行账号 / do not mask ID, phone and account numbers",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        bundle = read_bundle(args.paths, ocr=args.ocr)
    except (MissingExtra, WorkerStartError) as exc:  # the installation, not the input
        print(str(exc), file=sys.stderr)
        return ExitCode.USAGE
    if not bundle.documents and not unreadable(bundle):
        from .check import found_files

        print(_nothing_found(args.paths, found_files(args.paths), lang), file=sys.stderr)
        return ExitCode.UNREADABLE
    show = bool(args.show_personal_data)
    if args.format == "json":
        print(json.dumps(to_json(bundle, show_personal_data=show), ensure_ascii=False, indent=2))
    else:
        print(to_text(bundle, lang=lang, show_personal_data=show), end="")
    return ExitCode.UNREADABLE if unreadable(bundle) else ExitCode.OK


def _nothing_found(paths: list[str], found: list[str], lang: str) -> str:
    given = say("、", ", ", lang).join(paths)
    if not found:
        return say(
            f"没有找到可读取的文书：{given} 中没有任何文件",
            f"no readable document found: {given} holds no file at all",
            lang,
        )
    shown = found[:5]
    more_zh = f" 等{len(found)}个" if len(found) > 5 else ""
    more_en = f", and {len(found) - 5} more" if len(found) > 5 else ""
    return say(
        f"没有找到可读取的文书：{given} 中找到 {len(found)} 个文件，均不是可读取的文书"
        f"（{'、'.join(shown)}{more_zh}）；只能读取 PDF 和 Word .docx 文书",
        f"no readable document found in {given}: found {counted(len(found), 'file')}, "
        f"none of them a PDF or Word .docx document ({', '.join(shown)}{more_en})",
        lang,
    )


def unreadable(bundle: Bundle) -> bool:
    """Whether anything given could not be read (the condition of exit code 3)."""
    return bool(bundle.problems) or any(document.problems for document in bundle.documents)


# --------------------------------------------------------------------------------------------
# JSON


def _masked_fact(fact: Fact, show: bool) -> dict[str, Any]:
    return fact_data(fact, show)


def document_to_json(document: Document, *, show_personal_data: bool = False) -> dict[str, Any]:
    """A document as ``inspect`` (and the checker's report) shows it, personal data masked
    unless asked."""
    data = document.to_dict()
    data["facts"] = [_masked_fact(fact, show_personal_data) for fact in document.facts]
    return data


def to_json(bundle: Bundle, *, show_personal_data: bool = False) -> dict[str, Any]:
    """The JSON report: deterministic (documents and problems sorted, no timestamps)."""
    documents = sorted(bundle.documents, key=lambda d: d.file)
    problems = sorted(bundle.problems, key=lambda p: (p.file, p.page or 0, p.code, p.message))
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "paimai-docs", "version": __version__},
        "source": bundle.source,
        "documents": [
            document_to_json(d, show_personal_data=show_personal_data) for d in documents
        ],
        "problems": [problem.to_dict() for problem in problems],
        "summary": {
            "documents": len(documents),
            "unreadable_documents": sum(not d.readable for d in documents),
            "pages": sum(len(d.pages) for d in documents),
            "pages_without_text": sum(len(d.pages_without_text) for d in documents),
            "problems": len(problems) + sum(len(d.problems) for d in documents),
        },
    }


# --------------------------------------------------------------------------------------------
# Text


def page_ranges(numbers: Iterable[int]) -> str:
    """``[1, 2, 3, 5]`` → ``"1–3, 5"``."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = None
    for number in [*ordered, None]:
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(f"{start}–{previous}" if previous != start else f"{start}")
        start = previous = number
    return ", ".join(parts)


def _kind_label(kind: str, lang: str) -> str:
    return vocabulary_label(KINDS, kind, lang)


def _label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    zh, en = table.get(key, (key, key))
    return say(zh, en, lang)


def _problem_line(problem: ReadProblem, lang: str, *, with_file: bool) -> str:
    where = [problem.file] if with_file else []
    if problem.page is not None:
        where.append(_pages([problem.page], lang))
    text = problem_text(problem, lang)
    if not where:
        return text
    return say(f"{'，'.join(where)}：{text}", f"{', '.join(where)}: {text}", lang)


def _pages(numbers: Iterable[int], lang: str) -> str:
    return say(f"第 {page_ranges(numbers)} 页", f"p. {page_ranges(numbers)}", lang)


def _document_lines(document: Document, lang: str, show: bool) -> list[str]:
    def add(zh: str, en: str) -> None:
        lines.append("  " + say(zh, en, lang))

    lines = [document.file]
    kind = _kind_label(document.kind, lang)
    confidence = f"{document.kind_confidence:.2f}"
    add(f"文书类型：{kind}，置信度 {confidence}", f"kind: {kind}, confidence {confidence}")
    if document.title:
        add(f"标题：{document.title}", f"title: {document.title}")
    by_source: dict[str, list[int]] = {}
    by_quality: dict[str, list[int]] = {}
    for page in document.pages:
        by_source.setdefault(page.source, []).append(page.number)
        if not page.usable:
            by_quality.setdefault(page.quality, []).append(page.number)
    if document.pages:
        sources = say("，", "; ", lang).join(
            f"{_label(SOURCE_LABELS, source, lang)} {_pages(numbers, lang)}"
            for source, numbers in sorted(by_source.items(), key=lambda item: item[1][0])
        )
        count = len(document.pages)
        add(f"页数：{count}（{sources}）", f"pages: {count} ({sources})")
    if by_quality:
        reasons = sorted(by_quality.items(), key=lambda item: item[1][0])
        zh = "；".join(
            f"{_pages(n, 'zh')}（{_label(QUALITY_LABELS, q, 'zh')}）" for q, n in reasons
        )
        en = "; ".join(f"{_pages(n, 'en')} ({_label(QUALITY_LABELS, q, 'en')})" for q, n in reasons)
        add(f"无可用文字：{zh}", f"no usable text: {en}")
    if document.facts:
        add("事实：", "facts:")
        for fact in sorted(document.facts, key=lambda f: (f.page, f.name)):
            data = _masked_fact(fact, show)
            evidence = " ".join(str(data["evidence"]).split())
            where = _pages([fact.page], lang)
            name = fact_label(document.kind, fact.name, lang)
            value = fact_text(fact.name, fact.value, lang, show)
            lines.append(
                say(
                    f"    {name}：{value}  [{where}]  「{evidence}」",
                    f"    {name}: {value}  [{where}]  «{evidence}»",
                    lang,
                )
            )
    for problem in document.problems:
        line = _problem_line(problem, lang, with_file=False)
        add(f"问题：{line}", f"problem: {line}")
    return lines


def to_text(bundle: Bundle, *, lang: str = "zh", show_personal_data: bool = False) -> str:
    """The terminal report, in Chinese or English."""
    lang = resolve(lang)
    lines: list[str] = []
    documents = sorted(bundle.documents, key=lambda d: d.file)
    for document in documents:
        lines.extend(_document_lines(document, lang, show_personal_data))
        lines.append("")
    if bundle.problems:
        lines.append(say("未能读取：", "Not read:", lang))
        for problem in sorted(bundle.problems, key=lambda p: (p.file, p.page or 0, p.code)):
            lines.append("  " + _problem_line(problem, lang, with_file=True))
        lines.append("")
    unreadable_count = sum(not d.readable for d in documents)
    without_text = sum(len(d.pages_without_text) for d in documents)
    lines.append(
        say(
            f"共 {len(documents)} 个文件，{unreadable_count} 个无法读取，"
            f"{without_text} 页无可用文字，另有 {len(bundle.problems)} 个读取问题",
            f"{count(len(documents), 'document')}, {unreadable_count} unreadable, "
            f"{count(without_text, 'page')} without usable text, "
            f"{count(len(bundle.problems), 'other problem')}",
            lang,
        )
    )
    return "\n".join(lines) + "\n"
