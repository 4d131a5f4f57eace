"""A rule's explanation, as ``paimai explain`` prints it and the package root offers it:
:func:`explain` by rule ID, :func:`explain_text` and :func:`rule_as_dict` for a loaded rule.
Everything comes from the rule's data (rules/catalogue/*.yaml)."""

from __future__ import annotations

import json

from ..lang import resolve, say
from .registry import get_rule
from .spec import Rule

__all__ = ["explain", "explain_text", "rule_as_dict"]

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
    lang = resolve(lang)
    lines = [
        f"{rule.id}  {rule.name}",
        say(rule.title, rule.title_en, lang),
        "",
        f"{say('依据', 'Basis', lang)}：{rule.basis}",
        f"{say('适用范围', 'Scopes', lang)}：{'、'.join(rule.scopes)}    "
        f"{say('文书', 'Documents', lang)}：{'、'.join(rule.kinds)}",
        f"{say('默认级别', 'Default severity', lang)}：{rule.severity}"
        + (say("    需人工核对", "    needs a person", lang) if rule.needs_review else ""),
        f"{say('可信度', 'Confidence', lang)}：{rule.confidence}",
    ]
    for key, heading in say(_SECTIONS_ZH, _SECTIONS_EN, lang):
        lines += ["", say(f"【{heading}】", f"{heading}:", lang), getattr(rule.explain, key)]
    return "\n".join(lines) + "\n"


def explain(rule_id: str, *, lang: str = "zh", format: str = "text") -> str:
    """The explanation of rule ``rule_id`` (case-insensitive) as text, or as JSON with
    ``format="json"``; raises :class:`~paimai_docs.engine.spec.RuleFileError` for an unknown ID.

    Example::

        >>> from paimai_docs import explain
        >>> print(explain("CONTRACT-04").splitlines()[1])
        合同未载明委托人提出的保留价
    """
    rule = get_rule(rule_id.upper())
    if format == "json":
        return json.dumps(rule_as_dict(rule), ensure_ascii=False, indent=2)
    return explain_text(rule, lang)
