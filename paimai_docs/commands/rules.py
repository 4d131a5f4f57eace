"""``paimai rules [--scope S]`` lists the rules; ``paimai explain ID`` explains one."""

from __future__ import annotations

import argparse
import json
import sys

from paimai_docs.commands import command_help

from ..engine import get_rule, load_rules
from ..engine.explain import explain_text, rule_as_dict
from ..engine.spec import RuleFileError
from ..exitcodes import ExitCode
from ..lang import say
from ..vocabulary import SCOPES
from ._common import lang_of


def run_explain(args: argparse.Namespace) -> int:
    lang = lang_of(args)
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
    lang = lang_of(args)
    if getattr(args, "unchecked", False):
        return _run_unchecked(args, lang)
    rules = [r for r in load_rules() if args.scope is None or r.applies_to(args.scope)]
    if args.format == "json":
        print(json.dumps([rule_as_dict(r) for r in rules], ensure_ascii=False, indent=2))
        return ExitCode.OK
    for rule in rules:
        title = say(rule.title, rule.title_en, lang)
        print(f"{rule.id:18} {rule.severity:8} {title}")
    print(say(f"共 {len(rules)} 条规则", f"{len(rules)} rule(s)", lang))
    return ExitCode.OK


def _run_unchecked(args: argparse.Namespace, lang: str) -> int:
    """The catalogue's requirements that are not rules, with why (rules/unchecked.yaml)."""
    from ..engine.registry import unchecked_requirements

    entries = [
        e
        for e in unchecked_requirements()
        if args.scope is None or e.scopes == "ALL" or args.scope in e.scopes
    ]
    if args.format == "json":
        print(json.dumps([e.model_dump() for e in entries], ensure_ascii=False, indent=2))
        return ExitCode.OK
    for entry in entries:
        what = say(entry.what, entry.what_en, lang)
        print(f"{entry.id:12} {what}")
        print(f"{'':12} {say('未检查的原因', 'why not', lang)}：{entry.reason}")
    print(
        say(
            f"共 {len(entries)} 项目录要求未作为规则检查",
            f"{len(entries)} catalogue requirement(s) not checked",
            lang,
        )
    )
    return ExitCode.OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    explain = subparsers.add_parser("explain", help=command_help("explain"))
    explain.add_argument("rule", help="规则编号，例如 CONTRACT-04")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.set_defaults(func=run_explain)

    listing = subparsers.add_parser("rules", help=command_help("rules"))
    listing.add_argument("--scope", choices=SCOPES, help="只列出适用于该范围的规则")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument(
        "--unchecked",
        action="store_true",
        help="列出规则目录中尚未作为规则检查的要求及原因",
    )
    listing.set_defaults(func=run_rules)
