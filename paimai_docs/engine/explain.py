"""A rule's explanation, as ``paimai explain`` prints it and the package root offers it:
:func:`explain` by rule ID, :func:`explain_text` and :func:`rule_as_dict` for a loaded rule.
Everything comes from the rule's data (rules/catalogue/*.yaml)."""

from __future__ import annotations

import json

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
