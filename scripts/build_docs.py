"""The documentation site: one page per rule, generated from the rule data, as ruff does for its
rules (文档站点：每条规则一页，由规则数据生成).

Three ways to use it:

* ``python scripts/build_docs.py`` builds the whole site with MkDocs (``mkdocs build --strict``)
  into ``build/site/`` (``--site DIR`` elsewhere); open ``build/site/index.html``.
* ``python scripts/build_docs.py --pages DIR`` only writes the generated Markdown pages into
  ``DIR`` (``rules/<ID>.md``, ``rules/index.md``, ``rules/unchecked.md``, ``report-schema.md``).
* ``mkdocs.yml`` names this file as a hook (``hooks:``): ``mkdocs build`` and ``mkdocs serve``
  add the generated pages to the site in memory, so nothing generated is ever written into
  ``docs/`` or kept in git.

Everything on the rule pages comes from ``paimai_docs.engine.load_rules()`` (the rule files in
``rules/catalogue/``), ``unchecked_requirements()`` (``rules/unchecked.yaml``) and the names of
``paimai_docs.vocabulary``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from paimai_docs.engine import Rule, load_rules
from paimai_docs.engine.registry import unchecked_requirements
from paimai_docs.resources import data_dir
from paimai_docs.vocabulary import KINDS, SCOPE_TITLES, SEVERITIES, STAGES, label

ROOT = Path(__file__).resolve().parent.parent

# Families of rules: the prefix of the catalogue ID (the catalogue's sections), 中文 and English.
# The rules of rules/catalogue/own.yaml and the other IDs of our own (FAILED-REPORT …) form "OWN".
FAMILIES: dict[str, tuple[str, str]] = {
    "LOT": ("拍卖标的与委托人", "Lots and consignors"),
    "CONTRACT": ("委托拍卖合同", "Entrustment contract"),
    "ANN": ("拍卖公告与展示", "Announcement and exhibition"),
    "PRICE": ("保留价与起拍价", "Reserve and starting prices"),
    "DEP": ("竞买保证金", "Bidding deposits"),
    "NOTICE": ("通知当事人", "Notices to the parties"),
    "FILE": ("备案与报送", "Filings and submissions"),
    "CONDUCT": ("拍卖的实施", "Conduct of the auction"),
    "POST": ("拍卖后", "After the auction"),
    "COMM": ("佣金", "Commission"),
    "REC": ("档案与记录", "Records and archives"),
    "RPT": ("行业信息报送", "Industry reporting"),
    "SOA": ("行政事业单位国有资产处置", "Administrative state-asset disposal"),
    "VEH": ("车辆处置", "Vehicle disposal"),
    "AUTH": ("车辆处置授权书", "Vehicle disposal authorization"),
    "JUD": ("法院委托拍卖的公司内部流程", "Court-entrusted sales: the firm's procedure"),
    "OWN": ("本工具自有的规则", "The tool's own rules"),
}

CONFIDENCE: dict[str, tuple[str, str]] = {
    "verified": ("已核对法规原文", "verified against the legal text"),
    "verified (src doc)": (
        "已核对来源文件（公司或交易中心规程）",
        "verified against the source document",
    ),
    "memory": ("凭记忆，条文序号待核实", "from memory, article number unverified"),
    "interpretation": ("对多处规定的解读", "an interpretation of several provisions"),
    "own": ("本工具自有的规则", "the tool's own rule"),
}

CHECK_TYPES: dict[str, tuple[str, str]] = {
    "required": ("必备事项", "required items"),
    "bound": ("数值界限", "a bound on a number"),
    "deadline": ("期限", "a deadline"),
    "checklist": ("附件清单", "an attachment checklist"),
    "bundle": ("案卷应有的文书", "documents a bundle needs"),
    "manual": ("人工核对", "a prompt for a person"),
    "all": ("多项检查", "several checks"),
    "engine": ("检查引擎报告", "reported by the engine"),
    "hook": ("专门的检查函数", "a Python hook"),
}

DIRECTIONS = {"before": ("之前", "before"), "after": ("之后", "after")}
UNITS = {
    "day": ("日", "days"),
    "working_day": ("工作日", "working days"),
    "hour": ("小时", "hours"),
    "month": ("月", "months"),
}
MODES = {
    "latest": ("最迟（不得晚于）", "latest (a deadline)"),
    "earliest": ("最早（不得早于，期间不得短于）", "earliest (a minimum period)"),
}

# ------------------------------------------------------------------------------------------------
# Markdown helpers


def text(value: object) -> str:
    """Prose from the rule data, safe in Markdown: HTML and Markdown's own characters escaped."""
    escaped = html.escape(str(value), quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", escaped)


def cell(value: object) -> str:
    """Prose for a table cell: also no pipes and no line breaks."""
    return text(value).replace("|", "&#124;").replace("\n", "<br>")


def code(value: object) -> str:
    """Inline code; for table cells, as HTML so that pipes and backticks cannot break it."""
    escaped = html.escape(str(value)).translate(_CODE_ENTITIES)
    return f"<code>{escaped}</code>"


# Markdown would read these inside raw HTML too (emphasis, links, escapes, attribute lists).
_CODE_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "|\\`*_[]{}"})


def both(names: tuple[str, str]) -> str:
    """A name in Chinese with its English beside it."""
    return f"{names[0]} <small>{html.escape(names[1])}</small>"


def scope_names(scopes: Iterable[str]) -> str:
    parts = []
    for scope in scopes:
        if scope == "ALL":
            parts.append("全部业务范围 <small>all scopes</small>")
        elif scope in SCOPE_TITLES:
            parts.append(f"{code(scope)} {both(SCOPE_TITLES[scope])}")
        else:
            parts.append(code(scope))
    return "；".join(parts)


def kind_name(kind: str) -> str:
    if kind == "bundle":
        return f"整个案卷 <small>the whole bundle</small> ({code(kind)})"
    if kind in KINDS:
        return f"{both(KINDS[kind])} ({code(kind)})"
    return code(kind)


def family_of(rule_id: str, own_ids: set[str]) -> str:
    """The catalogue family of a rule (its ID's prefix), or OWN for the tool's own IDs."""
    prefix = rule_id.split("-")[0]
    return prefix if prefix in FAMILIES and rule_id not in own_ids else "OWN"


def rule_sources() -> dict[str, str]:
    """Rule ID -> its file, relative to the repository (``rules/catalogue/contract.yaml``)."""
    folder = data_dir("rules") / "catalogue"
    # the files are validated by load_rules(); reading their "- id:" lines is enough here
    return {
        rule_id: f"rules/catalogue/{path.name}"
        for path in sorted(folder.glob("*.yaml"))
        for rule_id in re.findall(
            r"^\s*-\s+id:\s*([A-Z][A-Z0-9-]+)\s*$", path.read_text("utf-8"), re.M
        )
    }


# ------------------------------------------------------------------------------------------------
# One rule


def _amount(amount: Any) -> str:
    if amount is None:
        return ""
    if amount.param:
        base = f"参数 {code(amount.param)}"
    elif amount.ratio is not None:
        base = f"{amount.ratio:g}"
    else:
        base = f"{amount.value:g}" if amount.value is not None else ""
    if amount.of:
        base = f"{base} × {code(amount.of)}"
    return base


def _check_lines(check: Any, depth: int = 0) -> list[str]:
    """A check's details as Markdown lines (a bullet list)."""
    pad = "    " * depth
    kind = check.type
    head = f"{pad}- {both(CHECK_TYPES.get(kind, (kind, kind)))} ({code(kind)})"
    if getattr(check, "item", None) is not None:
        head += f"，第{check.item}项 <small>item {check.item}</small>"
    lines = [head]
    sub = pad + "    "
    if getattr(check, "message", None):
        lines.append(f"{sub}- 提示语 <small>message</small>：{cell(check.message)}")
    if kind == "required":
        for number, item in enumerate(check.items, start=1):
            name = cell(item.label)
            if item.label_en:
                name += f" <small>{cell(item.label_en)}</small>"
            where = f"字段 {code(item.field)}" if item.field else ""
            if item.text:
                where += (
                    ("；" if where else "")
                    + "文书中的字样 "
                    + "、".join(code(t) for t in item.text[:6])
                )
            shown = item.number if item.number is not None else number
            lines.append(f"{sub}- {shown}. {name}" + (f"（{where}）" if where else ""))
    elif kind == "bound":
        lines.append(f"{sub}- 数值 <small>value</small>：{code(check.value)}（{check.scale}）")
        if check.min is not None:
            lines.append(f"{sub}- 下限 <small>min</small>：{_amount(check.min)}")
        if check.max is not None:
            lines.append(f"{sub}- 上限 <small>max</small>：{_amount(check.max)}")
    elif kind == "deadline":
        unit = UNITS[check.unit]
        if check.days is not None:
            count = f"{check.days}"
        elif check.days_param:
            count = f"参数 {code(check.days_param)}"
        elif check.days_by is not None:
            count = f"按 {code(check.days_by.fact)} 取参数 " + "、".join(
                code(p) for p in dict.fromkeys(check.days_by.params.values())
            )
        else:
            count = "?"
        direction = DIRECTIONS[check.direction]
        lines.append(
            f"{sub}- {code(check.action)} 在 {code(check.anchor)} {direction[0]} {count} "
            f"{unit[0]} <small>{check.action} {direction[1]} {check.anchor}, {unit[1]}</small>"
        )
        lines.append(f"{sub}- 方式 <small>mode</small>：{both(MODES[check.mode])}")
        if not check.roll:
            lines.append(f"{sub}- 届满日不因节假日顺延 <small>no holiday roll-over</small>")
        if check.plan is not None:
            plan = check.plan
            lines.append(
                f"{sub}- 期限推算 <small>paimai plan</small>：{cell(plan.title)} "
                f"<small>{cell(plan.title_en)}</small>（自 {code(plan.anchor)} 起算"
                + (f"，{code(plan.method)}" if plan.method else "")
                + (f"，{plan.n}" if plan.n is not None else "")
                + "）"
            )
            if plan.note:
                lines.append(
                    f"{sub}    - {cell(plan.note)}"
                    + (f" <small>{cell(plan.note_en)}</small>" if plan.note_en else "")
                )
    elif kind == "checklist":
        lines.append(
            f"{sub}- 清单 <small>checklist</small>：{code(check.checklist)}"
            "（<code>rules/checklists.yaml</code>）"
        )
    elif kind == "bundle":
        for scope, stages in check.stages.items():
            for stage, kinds in stages.items():
                names = "、".join(label(KINDS, k) for k in kinds)
                lines.append(
                    f"{sub}- {code(scope)} · {label(STAGES, stage)} "
                    f"<small>{label(STAGES, stage, 'en')}</small>：{cell(names)}"
                )
    elif kind == "manual":
        lines.append(f"{sub}- 请人工核对 <small>ask a person</small>：{cell(check.prompt)}")
        if check.prompt_en:
            lines.append(f"{sub}    - <small>{cell(check.prompt_en)}</small>")
    elif kind == "hook":
        lines.append(f"{sub}- 函数 <small>hook</small>：{code(check.hook)}")
    elif kind == "engine":
        lines.append(f"{sub}- 由 {code(check.emitted_by)} 报告 <small>emitted by</small>")
    elif kind == "all":
        for part in check.checks:
            lines += _check_lines(part, depth + 1)
    return lines


def _condition(condition: Any) -> str:
    parts = [f"{code(condition.fact)}"]
    if condition.values:
        parts.append("为 " + "、".join(code(v) for v in condition.values))
    if condition.contains:
        parts.append("含 " + "、".join(code(v) for v in condition.contains))
    if condition.text:
        parts.append("或文书中有 " + "、".join(code(t) for t in condition.text[:4]))
    return " ".join(parts)


def _profile_params(check: Any) -> list[str]:
    """The parameters a check names (``days_param``, an amount's ``param``, ``days_by``)."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in ("days_param", "param") and isinstance(inner, str):
                    found.append(inner)
                elif key == "days_by" and isinstance(inner, dict):
                    found.extend(inner.get("params", {}).values())
                else:
                    walk(inner)
        elif isinstance(value, list | tuple):
            for inner in value:
                walk(inner)

    walk(check.model_dump())
    return list(dict.fromkeys(found))


def _params_section(rule: Rule) -> list[str]:
    statutory = set(rule.params.get("statutory", ()))
    own = {k: v for k, v in rule.params.items() if k != "statutory"}
    named = [p for p in _profile_params(rule.check) if p not in own]
    if not own and not named:
        return ["本规则没有参数。 <small>No parameters.</small>", ""]
    lines: list[str] = []
    simple = {k: v for k, v in own.items() if not isinstance(v, dict | list)}
    complex_ = {k: v for k, v in own.items() if isinstance(v, dict | list)}
    if simple or named:
        lines += [
            "| 参数 Parameter | 默认值 Default | 说明 Note |",
            "|---|---|---|",
        ]
        for key, value in simple.items():
            note = (
                "法定参数：配置改动时报告 PROFILE-OVERRIDE <small>statutory</small>"
                if key in statutory
                else "可在配置的 <code>rule_params</code> 中调整 <small>profile may set it</small>"
            )
            lines.append(
                f"| {code(key)} | {code(json.dumps(value, ensure_ascii=False))} | {note} |"
            )
        for key in named:
            lines.append(
                f"| {code(key)} | — | 配置参数（<code>params</code>），取自内置或用户配置 "
                "<small>a profile parameter</small> |"
            )
        lines.append("")
    if complex_:
        lines += [
            "词表与模式（配置可在 <code>rule_params</code> 中替换） "
            "<small>Word lists and patterns</small>:",
            "",
            "```yaml",
            yaml.safe_dump(complex_, allow_unicode=True, sort_keys=False, width=96).rstrip(),
            "```",
            "",
        ]
    return lines


def rule_page(rule: Rule, source: str | None = None) -> str:
    """The Markdown page of one rule."""
    ex = rule.explain
    severity = SEVERITIES[rule.severity]
    confidence = CONFIDENCE.get(rule.confidence, (rule.confidence, rule.confidence))
    rows = [
        ("编号 ID", code(rule.id)),
        ("名称 Name", code(rule.name)),
        ("依据 Basis", cell(rule.basis)),
        ("默认级别 Severity", f"{severity[0]} <small>{severity[1]}</small>"),
        ("适用范围 Scopes", scope_names(rule.scopes)),
        ("文书 Documents", "；".join(kind_name(k) for k in rule.kinds)),
        ("检查方式 Check", f"{both(CHECK_TYPES[rule.check.type])} ({code(rule.check.type)})"),
        ("可信度 Confidence", f"{both(confidence)} ({code(rule.confidence)})"),
        (
            "需人工核对 Needs review",
            "是：文字无法证明，由人核对 <small>yes: a person must look</small>"
            if rule.needs_review
            else "否 <small>no</small>",
        ),
    ]
    if rule.packet:
        rows.append(
            (
                "材料清单 Packet",
                "关于案卷应有的材料：指明阶段时才报告 <small>about the packet's contents</small>",
            )
        )
    if rule.when is not None:
        rows.append(("适用条件 Applies when", _condition(rule.when)))
    if rule.unless is not None:
        rows.append(("除外条件 Not when", _condition(rule.unless)))
    if source:
        rows.append(("规则文件 Source", code(source)))
    lines = [
        "---",
        f"title: {json.dumps(f'{rule.id} {rule.title}', ensure_ascii=False)}",
        "---",
        "",
        f"# {rule.id} · {text(rule.title)}",
        "",
        f"*{text(rule.title_en)}*",
        "",
        "| 项目 Field | 内容 Value |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in rows),
        "",
        "## 检查什么 <small>What it checks</small>",
        "",
        text(ex.what),
        "",
        "## 为什么 <small>Why</small>",
        "",
        text(ex.why),
        "",
        "## 不符合的例子 <small>Bad example</small>",
        "",
        '!!! danger "不符合 Bad"',
        "",
        f"    {text(ex.bad)}",
        "",
        "## 符合的例子 <small>Good example</small>",
        "",
        '!!! note "符合 Good"',
        "",
        f"    {text(ex.good)}",
        "",
        "## 如何改正 <small>How to fix</small>",
        "",
        text(ex.fix),
        "",
        "## 已知局限 <small>Known limits</small>",
        "",
        text(ex.limits),
        "",
        "## 参数 <small>Parameters</small>",
        "",
        *_params_section(rule),
        "## 检查内容 <small>The check</small>",
        "",
        *_check_lines(rule.check),
        "",
        "## 提示语 <small>Message</small>",
        "",
        f"- {text(rule.message)}",
        f"- <small>{text(rule.message_en)}</small>",
        "",
        "---",
        "",
        f"命令行 <small>Command line</small>：`paimai explain {rule.id}`"
        f"（英文 <small>English</small>：`paimai explain {rule.id} --lang en`）。"
        " [全部规则 All rules](index.md)",
        "",
    ]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------
# The index, the unchecked requirements, the report schema


def index_page(rules: Iterable[Rule], own_ids: set[str]) -> str:
    rules = list(rules)
    families: dict[str, list[Rule]] = {}
    for rule in rules:
        families.setdefault(family_of(rule.id, own_ids), []).append(rule)
    counts = {s: sum(r.severity == s for r in rules) for s in SEVERITIES}
    lines = [
        "# 规则一览 · All rules",
        "",
        f"共 {len(rules)} 条规则（错误 {counts['error']}，警告 {counts['warning']}，"
        f"提示 {counts['info']}），按规则目录的编号分组；每条规则一页，写明依据、检查什么、为什么、"
        "不符合与符合的例子、参数、适用范围、文书、级别和可信度。规则目录中尚未写成规则的要求及其原因见"
        "[未写成规则的要求](unchecked.md)；规则的格式和配置文件见[规则与配置](../rules.md)。",
        "",
        f"<small>{len(rules)} rules ({counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info), grouped by the catalogue's families; one page each with its "
        "basis, what it checks, why, bad and good examples, parameters, scopes, documents, "
        "severity and confidence. The catalogue's requirements that are not rules are listed "
        "with the reason in [Unchecked requirements](unchecked.md); the rule format and profiles "
        "are in [Rules and profiles](../rules.md).</small>",
        "",
        "命令行 <small>Command line</small>：`paimai rules [--scope SCOPE]`、"
        "`paimai explain ID`、`paimai rules --unchecked`。",
        "",
    ]
    order = [f for f in FAMILIES if f in families] + [f for f in families if f not in FAMILIES]
    lines += ["| 分组 Family | 规则数 Rules |", "|---|---|"]
    for family in order:
        names = FAMILIES.get(family, (family, family))
        lines.append(f"| [{family} {names[0]}](#{family.lower()}) | {len(families[family])} |")
    lines.append("")
    for family in order:
        names = FAMILIES.get(family, (family, family))
        lines += [
            f"## {family} {names[0]} <small>{names[1]}</small> {{ #{family.lower()} }}",
            "",
            "| 编号 ID | 标题 Title | 级别 Severity | 适用范围 Scopes | 检查方式 Check |",
            "|---|---|---|---|---|",
        ]
        for rule in families[family]:
            title = f"{cell(rule.title)}<br><small>{cell(rule.title_en)}</small>"
            scopes = "全部 <small>all</small>" if "ALL" in rule.scopes else "、".join(rule.scopes)
            severity = SEVERITIES[rule.severity]
            lines.append(
                f"| [{rule.id}]({rule.id}.md) | {title}"
                f" | {severity[0]} <small>{severity[1]}</small>"
                f" | {scopes} | {CHECK_TYPES[rule.check.type][0]} |"
            )
        lines.append("")
    return "\n".join(lines)


def unchecked_page() -> str:
    entries = unchecked_requirements()
    lines = [
        "# 未写成规则的要求 · Unchecked requirements",
        "",
        f"规则目录中有 {len(entries)} 项要求没有写成检查规则。"
        "每项写明适用范围、要求、出处和不检查的原因："
        "多数是企业内部流程或交易平台上的操作，提交的文书中没有可以核对的内容；"
        "有些期限由 `paimai plan` 推算（见[期限](../deadlines.md)）。"
        "数据在 `rules/unchecked.yaml`，"
        "命令行 `paimai rules --unchecked`。规则写成后，从该文件中删去对应条目。",
        "",
        f"<small>{len(entries)} requirements of the rules catalogue are not rules. Each states "
        "its scope, what it asks, its source and why it is not checked: most are a firm's "
        "internal steps or actions on a trading platform that no submitted document records; "
        "some deadlines are counted by `paimai plan` instead (see [Deadlines](../deadlines.md)). "
        "Data: `rules/unchecked.yaml`; command line: `paimai rules --unchecked`.</small>",
        "",
        "| 编号 ID | 适用范围 Scopes | 要求 Requirement | 出处 Source "
        "| 不检查的原因 Why not checked |",
        "|---|---|---|---|---|",
    ]
    for entry in entries:
        names = []
        for scope in (s.strip() for s in entry.scopes.split(",")):
            if scope == "ALL":
                names.append("全部 <small>all</small>")
            elif scope in SCOPE_TITLES:
                names.append(both(SCOPE_TITLES[scope]))
            elif scope == "regulator":
                names.append(both(("商务主管部门、行业协会", "regulators")))
            else:
                names.append(cell(scope))
        lines.append(
            f'| <span id="{entry.id}"></span>{code(entry.id)}'
            f" | {code(entry.scopes)}<br>{'；'.join(names)}"
            f" | {cell(entry.what)}<br><small>{cell(entry.what_en)}</small>"
            f" | {cell(entry.source)} | {cell(entry.reason)} |"
        )
    lines.append("")
    return "\n".join(lines)


def schema_page(schema_path: Path) -> str:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    required = set(schema.get("required", ()))
    lines = [
        "# JSON 报告格式 · Report schema",
        "",
        "`paimai check --format json` 与检查服务 `POST /api/check` 输出的报告格式（JSON Schema "
        "2020-12）。同一输入的输出逐字节相同。"
        "下表由 [report-schema.json](report-schema.json) 生成。",
        "",
        f"<small>{text(schema.get('description', ''))}</small>",
        "",
        "| 字段 Field | 必有 Required | 类型 Type | 说明 Description |",
        "|---|---|---|---|",
    ]
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type") or (
            "const" if "const" in prop else "enum" if "enum" in prop else ""
        )
        if "$ref" in prop:
            kind = prop["$ref"].rsplit("/", 1)[-1]
        lines.append(
            f"| {code(name)} | {'是 yes' if name in required else '否 no'} | {code(kind)} "
            f"| {cell(prop.get('description', ''))} |"
        )
    lines += [
        "",
        "## 完整的 Schema <small>The full schema</small>",
        "",
        "```json",
        json.dumps(schema, ensure_ascii=False, indent=2),
        "```",
        "",
    ]
    return "\n".join(lines)


def pages(docs_dir: Path | None = None) -> dict[str, str]:
    """Every generated page: its path inside the site's docs folder -> Markdown."""
    rules = load_rules()
    sources = rule_sources()
    own_ids = {rule_id for rule_id, path in sources.items() if path.endswith("/own.yaml")}
    generated = {f"rules/{rule.id}.md": rule_page(rule, sources.get(rule.id)) for rule in rules}
    generated["rules/index.md"] = index_page(rules, own_ids)
    generated["rules/unchecked.md"] = unchecked_page()
    schema = (docs_dir or ROOT / "docs") / "report-schema.json"
    if schema.is_file():
        generated["report-schema.md"] = schema_page(schema)
    return generated


def write_pages(out: Path) -> list[Path]:
    """Write the generated pages into ``out``; returns the files written."""
    written = []
    for relative, content in pages().items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


# ------------------------------------------------------------------------------------------------
# The MkDocs hook (mkdocs.yml: ``hooks: [scripts/build_docs.py]``)


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the site (MkDocs ≥ 1.6), replacing any file of the same name."""
    from mkdocs.structure.files import File

    for relative, content in pages(Path(config["docs_dir"])).items():
        existing = files.get_file_from_path(relative)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, relative, content=content))
    return files


# ------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=Path, help="only write the generated Markdown into DIR")
    parser.add_argument(
        "--site", type=Path, default=ROOT / "build" / "site", help="where to build the site"
    )
    args = parser.parse_args(argv)
    if args.pages is not None:
        written = write_pages(args.pages)
        print(f"{len(written)} pages written to {args.pages}")
        return 0
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(args.site.resolve()),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode == 0:
        print(f"site built: {args.site / 'index.html'}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
