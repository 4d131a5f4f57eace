"""``paimai rules [--scope S]`` lists the rules; ``paimai explain ID`` explains one."""

from __future__ import annotations

import argparse
import json
import sys

from ..engine import get_rule, load_rules
from ..engine.spec import SCOPES, Rule, RuleFileError
from ..exitcodes import ExitCode

_SECTIONS_ZH = (
    ("what", "检查什么"),
    ("why", "为什么"),
    ("bad", "不符合的例子"),
    ("good", "符合的例子"),
    ("fix", "如何改正"),
    ("limits", "已知局限"),
)
_SECTIONS_EN = (
    ("what", "What it checks"),
    ("why", "Why"),
    ("bad", "Bad example"),
    ("good", "Good example"),
    ("fix", "How to fix"),
    ("limits", "Known limits"),
)


def rule_as_dict(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "name": rule.name,
        "title": rule.title,
        "title_en": rule.title_en,
        "severity": rule.severity,
        "scopes": list(rule.scopes),
        "kinds": list(rule.kinds),
        "basis": rule.basis,
        "confidence": rule.confidence,
        "needs_review": rule.needs_review,
        "check": rule.check.type,
        "explain": rule.explain.model_dump(),
    }


def explain_text(rule: Rule, lang: str = "zh") -> str:
    zh = lang != "en"
    lines = [
        f"{rule.id}  {rule.name}",
        rule.title if zh else rule.title_en,
        "",
        f"{'依据' if zh else 'Basis'}：{rule.basis}",
        f"{'适用范围' if zh else 'Scopes'}：{'、'.join(rule.scopes)}    "
        f"{'文书' if zh else 'Documents'}：{'、'.join(rule.kinds)}",
        f"{'默认级别' if zh else 'Default severity'}：{rule.severity}"
        + (("    需人工核对" if zh else "    needs a person") if rule.needs_review else ""),
        f"{'可信度' if zh else 'Confidence'}：{rule.confidence}",
    ]
    for key, heading in _SECTIONS_ZH if zh else _SECTIONS_EN:
        lines += ["", f"【{heading}】" if zh else f"{heading}:", getattr(rule.explain, key)]
    return "\n".join(lines) + "\n"


def run_explain(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", "zh")
    try:
        rule = get_rule(args.rule.upper())
    except RuleFileError as exc:
        print(exc, file=sys.stderr)
        return ExitCode.USAGE
    if args.format == "json":
        print(json.dumps(rule_as_dict(rule), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(explain_text(rule, lang))
    return ExitCode.OK


def run_rules(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", "zh")
    if getattr(args, "unchecked", False):
        return _run_unchecked(args, lang)
    rules = [r for r in load_rules() if args.scope is None or r.applies_to(args.scope)]
    if args.format == "json":
        print(json.dumps([rule_as_dict(r) for r in rules], ensure_ascii=False, indent=2))
        return ExitCode.OK
    for rule in rules:
        title = rule.title if lang != "en" else rule.title_en
        print(f"{rule.id:18} {rule.severity:8} {title}")
    print(f"共 {len(rules)} 条规则" if lang != "en" else f"{len(rules)} rule(s)")
    return ExitCode.OK


def _run_unchecked(args: argparse.Namespace, lang: str) -> int:
    """The catalogue's requirements that are not rules, with why (rules/unchecked.yaml)."""
    from ..engine.engine import unchecked_requirements

    entries = [
        e
        for e in unchecked_requirements()
        if args.scope is None or e.scopes == "ALL" or args.scope in e.scopes
    ]
    if args.format == "json":
        print(json.dumps([e.model_dump() for e in entries], ensure_ascii=False, indent=2))
        return ExitCode.OK
    for entry in entries:
        what = entry.what if lang != "en" else entry.what_en
        print(f"{entry.id:12} {what}")
        print(f"{'':12} {'未检查的原因' if lang != 'en' else 'why not'}：{entry.reason}")
    print(
        f"共 {len(entries)} 项目录要求未作为规则检查"
        if lang != "en"
        else f"{len(entries)} catalogue requirement(s) not checked"
    )
    return ExitCode.OK


def register(subparsers: argparse._SubParsersAction) -> None:
    explain = subparsers.add_parser("explain", help="解释一条规则 / explain a rule")
    explain.add_argument("rule", help="规则编号，例如 CONTRACT-04")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.set_defaults(func=run_explain)

    listing = subparsers.add_parser("rules", help="列出规则 / list the rules")
    listing.add_argument("--scope", choices=SCOPES, help="只列出适用于该范围的规则")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument(
        "--unchecked",
        action="store_true",
        help="列出规则目录中尚未作为规则检查的要求及原因",
    )
    listing.set_defaults(func=run_rules)
