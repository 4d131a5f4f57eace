"""The terminal report, Chinese by default: per document its kind and pages, then the findings
grouped by document and ordered by page, then a summary."""

from __future__ import annotations

from typing import Any

from ..checker import CheckResult
from ..engine import Finding, Rule, load_rules
from ..lang import resolve, say
from ..vocabulary import SCOPE_TITLES
from .common import (
    CHINESE_ONLY_NOTE,
    SEVERITY_TITLES,
    STAGE_TITLES,
    count,
    dates_in_text,
    document_order,
    finding_text,
    findings_by_file,
    kind_title,
    page_ranges,
    pick,
    problem_text,
    safe,
)

_COLOURS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, style: str) -> str:
        if not self.colour:
            return text
        return f"\033[{_COLOURS[style]}m{text}\033[0m"


def _finding_lines(
    finding: Finding, rule: Rule | None, lang: str, show: bool, style: _Style
) -> list[str]:
    level = finding.severity.value
    tag = style(f"[{pick(SEVERITY_TITLES[level], lang)}]", level)
    item = say(f" 第{finding.item}项", f" item {finding.item}", lang) if finding.item else ""
    where = say(f"第{finding.page}页", f"p. {finding.page}", lang) if finding.page else ""
    head = f"  {tag} {style(finding.rule, 'bold')}{item}  {where}".rstrip()
    lines = [head, f"      {finding_text(finding, rule, lang, show)[0]}"]
    if finding.needs_review:
        lines.append(style(say("      需人工核对", "      needs a person to check", lang), "dim"))
    if finding.evidence:
        quote = safe(finding.evidence, show)
        lines.append(style(say(f"      原文：「{quote}」", f"      text: «{quote}»", lang), "dim"))
    counting = finding.details.get("counting") if finding.details else None
    if counting:
        first = dates_in_text(str(counting).splitlines()[0], lang)
        lines.append(style(say(f"      计算：{first}", f"      counted: {first}", lang), "dim"))
    lines.append(
        style(say(f"      依据：{finding.basis}", f"      basis: {finding.basis}", lang), "dim")
    )
    return lines


def scope_title(result: CheckResult, lang: str) -> str:
    """The scope's name: the profile's title, or in English the built-in scope's name."""
    english = SCOPE_TITLES.get(result.scope, (result.scope, result.scope))[1]
    return say(result.profile.title, english, lang)


def render(
    result: CheckResult,
    *,
    lang: str = "zh",
    show_personal_data: bool = False,
    colour: bool = False,
    **_: Any,
) -> str:
    lang = resolve(lang)
    style = _Style(colour)
    show = show_personal_data
    rules = {rule.id: rule for rule in load_rules()}
    out: list[str] = []
    stage = pick(STAGE_TITLES.get(result.stage, (result.stage, result.stage)), lang)
    scope_line = say(
        f"检查范围：{result.profile.title}（{result.scope}）"
        + ("，自动判断：" if result.scope_inferred else "，")
        + result.reason(lang),
        f"Scope: {scope_title(result, lang)} ({result.scope}; "
        f"{'inferred: ' if result.scope_inferred else ''}{result.reason(lang)})",
        lang,
    )
    out.append(style(say(f"材料：{result.source}", f"Bundle: {result.source}", lang), "bold"))
    out.append(scope_line)
    out.append(say(f"阶段：{stage}", f"Stage: {stage}", lang))
    out.append("")
    # prompts for a person (info, needs review) are listed together after the documents, so
    # that the problems to fix stand out
    prompts = [f for f in result.findings if f.needs_review and f.severity.value == "info"]
    grouped = findings_by_file(f for f in result.findings if f not in prompts)
    bundle_findings = grouped.pop(None, [])
    for document in document_order(result.documents):
        pages = len(document.pages)
        head = say(
            f"■ {document.file} — {kind_title(document.kind, lang)}"
            f"（{pages}页，识别可信度{document.kind_confidence:.0%}）",
            f"■ {document.file} — {kind_title(document.kind, lang)} "
            f"({count(pages, 'page')}, confidence {document.kind_confidence:.0%})",
            lang,
        )
        out.append(style(head, "bold"))
        unreadable = [p for p in document.problems if p.page is None]
        for problem in unreadable:
            text = problem_text(problem, lang)
            out.append(style(say(f"  无法读取：{text}", f"  unreadable: {text}", lang), "error"))
        if document.pages_without_text:
            listed = page_ranges(document.pages_without_text)
            out.append(
                style(
                    say(f"  无文字层的页：{listed}", f"  pages without text: {listed}", lang),
                    "warning",
                )
            )
        items = grouped.pop(document.file, [])
        if not items and not unreadable:
            out.append(say("  未发现问题", "  no findings", lang))
        for finding in items:
            out.extend(_finding_lines(finding, rules.get(finding.rule), lang, show, style))
        out.append("")
    leftovers = [f for items in grouped.values() for f in items]
    if bundle_findings or leftovers:
        out.append(style(say("■ 整套材料", "■ The bundle as a whole", lang), "bold"))
        for finding in bundle_findings + leftovers:
            out.extend(_finding_lines(finding, rules.get(finding.rule), lang, show, style))
        out.append("")
    colon = say("：", ": ", lang)
    if prompts:
        out.append(
            style(say("■ 需人工核对的事项（不计为问题）", "■ For a person to check", lang), "bold")
        )
        for finding in prompts:
            text = finding_text(finding, rules.get(finding.rule), lang, show)[0]
            where = f"{finding.file}{colon}" if finding.file else ""
            out.append(
                say(
                    f"  · {where}{text}（{finding.rule}）",
                    f"  · {where}{text} ({finding.rule})",
                    lang,
                )
            )
        out.append("")
    if result.checklist:
        out.append(
            style(
                say(
                    "■ 材料清单（未指定阶段，仅供核对，不计入检查结果）",
                    "■ Packet checklist (no stage given: for reference, not counted)",
                    lang,
                ),
                "bold",
            )
        )
        for finding in result.checklist:
            text = finding_text(finding, rules.get(finding.rule), lang, show)[0]
            out.append(say(f"  · {text}（{finding.rule}）", f"  · {text} ({finding.rule})", lang))
        out.append(
            say(
                "  用 --stage 指明阶段后，缺少的材料作为问题报告。",
                "  With --stage, missing items are reported as findings.",
                lang,
            )
        )
        out.append("")
    for problem in result.problems:
        text = problem_text(problem, lang)
        out.append(
            style(
                say(
                    f"无法读取：{problem.file}：{text}", f"unreadable: {problem.file}: {text}", lang
                ),
                "error",
            )
        )
    out.extend(say(_summary_zh, _summary_en, lang)(result))
    return "\n".join(out) + "\n"


def _summary_zh(result: CheckResult) -> list[str]:
    counts = result.counts()
    summary = result.summary()
    return [
        f"共 {summary['documents']} 份文件；错误 {counts['error']} 项，"
        f"警告 {counts['warning']} 项，"
        f"提示 {counts['info']} 项（其中需人工核对 {summary['needs_review']} 项）；"
        f"无法读取 {summary['unreadable_files']} 个文件。",
        "用 paimai explain 规则编号 查看规则说明。",
    ]


def _summary_en(result: CheckResult) -> list[str]:
    counts = result.counts()
    summary = result.summary()
    review = summary["needs_review"]
    return [
        f"{count(summary['documents'], 'file')}; {count(counts['error'], 'error')}, "
        f"{count(counts['warning'], 'warning')}, {counts['info']} info "
        f"({review} {'needs' if review == 1 else 'need'} a person); "
        f"{count(summary['unreadable_files'], 'unreadable file')}.",
        "Run paimai explain RULE-ID for a rule's explanation.",
        CHINESE_ONLY_NOTE,
    ]
