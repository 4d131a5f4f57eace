"""The checker: walks the template's tags part by part, keeps the block structure, resolves every
name against the model and reports what is wrong or never used."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from jinja2 import Environment, TemplateError, TemplateSyntaxError, nodes
from lxml import etree
from pydantic import BaseModel

from .. import rx
from ..docx_template import DocxTemplateCached, make_environment
from ..models import DocumentModel
from .parts import _CLOSE, _Para, _Scan, _scan, _Tag
from .report import NOT_EXPECTED, LintProblem, Location, Severity, _snippet
from .value_types import (
    _FORMATTERS,
    _GLOBALS,
    _ITEM,
    _LOOP_ATTRS,
    _NUMBER,
    _SAME,
    _T,
    ANY,
    _Any,
    _describe_type,
    _dotted,
    _from_annotation,
    _join,
    _List,
    _Loop,
    _Model,
    _models,
    _Scalar,
    _Tuple,
    _Union,
)

# ------------------------------------------------------------------------------------------
# The checker


@dataclass
class _Frame:
    keyword: str
    tag: _Tag | None
    names: dict[str, _T] = field(default_factory=dict)
    seen_else: bool = False


_OPENERS = {
    "if": "endif", "for": "endfor", "with": "endwith", "macro": "endmacro", "call": "endcall",
    "filter": "endfilter", "block": "endblock", "autoescape": "endautoescape", "raw": "endraw",
    "trans": "endtrans",
}  # fmt: skip
_CLOSERS = {end: start for start, end in _OPENERS.items()} | {"endset": "set"}
_DOCXTPL_TAGS = {"vm", "hm", "colspan", "cellbg"}
_NOT_SUPPORTED = {"include", "import", "from", "extends"}
_KEYWORD = rx.compile(r"\s*[-+]?\s*([A-Za-z_]\w*)")


def _plain(content: str) -> str:
    """A tag's content without whitespace-control marks."""
    return content.strip().lstrip("-+").rstrip("-+").strip()


class _Checker:
    """Walks a template's tags in document order, keeping the open blocks and the names they
    bind, and records problems and which fields are used."""

    def __init__(self, model: type[DocumentModel]) -> None:
        self.model = model
        self.env = make_environment()
        self.parser_env = Environment()
        self.problems: list[LintProblem] = []
        self.used_roots: set[str] = set()
        self.accessed: dict[tuple[str, ...], set[str]] = {}
        self.classes: dict[tuple[str, ...], type[BaseModel]] = {}
        self.whole: set[tuple[str, ...]] = set()
        self.root = _Frame("root", None)  # names set outside any block ({% set %})
        self.frames: list[_Frame] = []
        self.tag: _Tag | None = None
        self.xml_parts: dict[str, bytes] = {}
        self._reported: set[tuple[str, str, str]] = set()

    # -- reporting ----------------------------------------------------------------------

    def add(
        self,
        code: str,
        severity: Severity,
        zh: str,
        en: str,
        *,
        tag: _Tag | None = None,
        location: Location | None = None,
        name: str | None = None,
    ) -> None:
        tag = tag or self.tag
        if location is None and tag is not None:
            location = tag.para.location
        raw = tag.raw if tag is not None else None
        key = (code, f"{location}", f"{name}{zh}")
        if key in self._reported:
            return
        self._reported.add(key)
        self.problems.append(LintProblem(code, severity, zh, en, location, raw, name))

    def labels(self, path: Sequence[str]) -> str:
        labels: list[str] = []
        current: list[type[BaseModel]] = [self.model]
        for part in path:
            if part == "[]":
                continue
            info = next((m.model_fields[part] for m in current if part in m.model_fields), None)
            if info is None:
                labels.append(part)
                continue
            labels.append(info.title or part)
            current = _models(info.annotation)
        return " › ".join(labels)

    # -- scopes -------------------------------------------------------------------------

    def lookup(self, name: str) -> _T | None:
        for frame in reversed(self.frames):
            if name in frame.names:
                return frame.names[name]
        if name in self.model.model_fields:
            self.used_roots.add(name)
            return _from_annotation(self.model.model_fields[name].annotation, (name,))
        if name == "document_title":
            return _Scalar(str)
        if name in _GLOBALS:
            return ANY
        return None

    def bind(self, target: nodes.Node, value: _T, frame: _Frame) -> None:
        if isinstance(target, nodes.Name):
            frame.names[target.name] = value
        elif isinstance(target, (nodes.Tuple, nodes.List)):
            items = value.items if isinstance(value, _Tuple) else None
            for i, sub in enumerate(target.items):
                inner = items[i] if items is not None and i < len(items) else ANY
                self.bind(sub, inner, frame)

    # -- expressions --------------------------------------------------------------------

    def mark_whole(self, t: _T) -> None:
        if isinstance(t, _Model):
            self.whole.update(t.paths)
        elif isinstance(t, _List):
            self.mark_whole(t.item)
        elif isinstance(t, (_Tuple, _Union)):
            for item in t.items if isinstance(t, _Tuple) else t.options:
                self.mark_whole(item)

    def attribute(self, t: _T, name: str, text: str) -> _T:
        if isinstance(t, _Any):
            return ANY
        if isinstance(t, _Union):
            results = [self._attribute_quiet(o, name) for o in t.options]
            found = [r for r in results if r is not None]
            if not found:
                return self.attribute(t.options[0], name, text)
            result = found[0]
            for other in found[1:]:
                result = _join(result, other)
            return result
        quiet = self._attribute_quiet(t, name)
        if quiet is not None:
            return quiet
        owner = text.rsplit(".", 1)[0] if "." in text else text
        if isinstance(t, _Model):
            fields = list(t.cls.model_fields)
            close = difflib.get_close_matches(name, fields, n=3, cutoff=0.6)
            path = sorted(t.paths)[0]
            label = self.labels(path) if path else self.model.title
            hint_zh = (
                "；相近的字段：" + "、".join(f"{c}（{t.cls.model_fields[c].title}）" for c in close)
                if close
                else ""
            )
            hint_en = f"; did you mean {', '.join(close)}?" if close else ""
            self.add(
                "unknown_field",
                "error",
                f"「{text}」：{label}（{t.cls.__name__}）没有字段 {name}{hint_zh}",
                f"'{text}': {t.cls.__name__} ({label}) has no field '{name}'{hint_en}",
                name=text,
            )
        elif isinstance(t, _Loop):
            self.add(
                "unknown_field",
                "error",
                f"「{text}」：循环变量 loop 没有属性 {name}",
                f"'{text}': the loop variable has no attribute '{name}'",
                name=text,
            )
        else:
            what = _describe_type(t)
            self.add(
                "unknown_field",
                "error",
                f"「{text}」：{owner} 是{what[0]}，没有属性 {name}",
                f"'{text}': {owner} is {what[1]} and has no attribute '{name}'",
                name=text,
            )
        return ANY

    def _attribute_quiet(self, t: _T, name: str) -> _T | None:
        if isinstance(t, _Any):
            return ANY
        if isinstance(t, _Model):
            info = t.cls.model_fields.get(name)
            if info is None or name.startswith("_"):
                return None
            for path in t.paths:
                self.accessed.setdefault(path, set()).add(name)
                self.classes[path] = t.cls
            result: _T | None = None
            for path in sorted(t.paths):
                one = _from_annotation(info.annotation, (*path, name))
                result = one if result is None else _join(result, one)
            return result or ANY
        if isinstance(t, _Loop):
            if name not in _LOOP_ATTRS:
                return None
            kind = _LOOP_ATTRS[name]
            return _Scalar(kind) if kind else ANY
        if isinstance(t, _Scalar):
            if issubclass(t.cls, str):
                return ANY  # text fields may hold richer str subclasses (ID numbers, phones)
            if issubclass(t.cls, Enum):
                members = list(t.cls)
                return ANY if not members or hasattr(members[0], name) else None
            return ANY if hasattr(t.cls, name) else None
        if isinstance(t, _List):
            return ANY if hasattr(list, name) else None
        if isinstance(t, _Tuple):
            return ANY if hasattr(tuple, name) else None
        return ANY

    def item(self, t: _T) -> _T:
        if isinstance(t, _List):
            return t.item
        if isinstance(t, _Tuple):
            result: _T | None = None
            for item in t.items:
                result = item if result is None else _join(result, item)
            return result or ANY
        if isinstance(t, _Union):
            result = None
            for option in t.options:
                one = self.item(option)
                result = one if result is None else _join(result, one)
            return result or ANY
        return ANY

    def infer(self, node: nodes.Node) -> _T:
        if isinstance(node, nodes.Name):
            found = self.lookup(node.name)
            if found is None:
                fields = list(self.model.model_fields)
                close = difflib.get_close_matches(node.name, fields, n=3, cutoff=0.6)
                hint_zh = (
                    "；相近的字段："
                    + "、".join(f"{c}（{self.model.model_fields[c].title}）" for c in close)
                    if close
                    else ""
                )
                hint_en = f"; did you mean {', '.join(close)}?" if close else ""
                self.add(
                    "unknown_name",
                    "error",
                    f"「{node.name}」不是{self.model.title}的字段，也不是循环变量{hint_zh}",
                    f"'{node.name}' is neither a field of {self.model.title_en} "
                    f"nor a loop variable{hint_en}",
                    name=node.name,
                )
                return ANY
            return found
        if isinstance(node, nodes.Getattr):
            return self.attribute(self.infer(node.node), node.attr, _text(node))
        if isinstance(node, nodes.Getitem):
            base = self.infer(node.node)
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return self.attribute(base, arg.value, _text(node))
            if isinstance(arg, nodes.Slice):
                for child in arg.iter_child_nodes():
                    self.infer(child)
                return base
            self.infer(arg)
            if isinstance(base, _Tuple) and isinstance(arg, nodes.Const):
                index = arg.value
                if isinstance(index, int) and -len(base.items) <= index < len(base.items):
                    return base.items[index]
            return self.item(base)
        if isinstance(node, nodes.Filter):
            return self.filter(node)
        if isinstance(node, nodes.Test):
            self.infer(node.node)
            self._arguments(node)
            if node.name not in self.env.tests:
                self.add(
                    "unknown_test",
                    "error",
                    f"未知的判断「is {node.name}」",
                    f"unknown test 'is {node.name}'",
                    name=node.name,
                )
            return _Scalar(bool)
        if isinstance(node, nodes.Const):
            return _Scalar(type(node.value))
        if isinstance(node, nodes.Tuple):
            return _Tuple(tuple(self.infer(item) for item in node.items))
        if isinstance(node, nodes.List):
            result: _T | None = None
            for item in node.items:
                one = self.infer(item)
                result = one if result is None else _join(result, one)
            return _List(result or ANY)
        if isinstance(node, nodes.Add):
            left, right = self.infer(node.left), self.infer(node.right)
            if isinstance(left, _List) and isinstance(right, _List):
                return _List(_join(left.item, right.item))
            return left if left == right else ANY
        if isinstance(node, nodes.Concat):
            for item in node.nodes:
                self.mark_whole(self.infer(item))
            return _Scalar(str)
        if isinstance(node, (nodes.Compare, nodes.Not)):
            for child in node.iter_child_nodes():
                self.infer(child)
            return _Scalar(bool)
        if isinstance(node, (nodes.And, nodes.Or)):
            return _join(self.infer(node.left), self.infer(node.right))
        if isinstance(node, nodes.CondExpr):
            self.infer(node.test)
            first = self.infer(node.expr1)
            return _join(first, self.infer(node.expr2)) if node.expr2 is not None else first
        for child in node.iter_child_nodes():
            self.infer(child)
        return ANY

    def _arguments(self, node: nodes.Filter | nodes.Test) -> list[_T]:
        args = [self.infer(a) for a in node.args]
        for keyword in node.kwargs:
            self.infer(keyword.value)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.infer(extra)
        return args

    def filter(self, node: nodes.Filter) -> _T:
        value = self.infer(node.node) if node.node is not None else ANY
        self._arguments(node)
        return self.apply(node.name, value, node)

    def apply(self, name: str, value: _T, node: nodes.Filter) -> _T:
        if name not in self.env.filters:
            close = difflib.get_close_matches(name, list(self.env.filters), n=3, cutoff=0.6)
            self.add(
                "unknown_filter",
                "error",
                f"未知的过滤器「|{name}」" + (f"；相近的：{'、'.join(close)}" if close else ""),
                f"unknown filter '|{name}'"
                + (f"; did you mean {', '.join(close)}?" if close else ""),
                name=name,
            )
            return ANY
        if name == "with_label":
            return _List(_Tuple((_Scalar(str), self.item(value))))
        if name == "map":
            return self._map(value, node)
        if name in ("selectattr", "rejectattr") and node.args:
            first = node.args[0]
            if isinstance(first, nodes.Const) and isinstance(first.value, str):
                self._chain(self.item(value), first.value)
            return value
        if name in ("default", "d"):
            if node.args:
                return _join(value, self.infer(node.args[0]))
            return value
        if name in _SAME:
            return value
        if name in _ITEM:
            return self.item(value)
        if name in _NUMBER:
            return _Scalar(int)
        if name == "join":
            self.mark_whole(self.item(value))
            return _Scalar(str)
        if name in ("attr", "groupby", "dictsort", "items"):
            return ANY
        self.mark_whole(value)
        return _Scalar(str) if name in _FORMATTERS else ANY

    def _chain(self, t: _T, dotted: str) -> _T:
        for part in dotted.split("."):
            t = self.attribute(t, part, dotted)
        return t

    def _map(self, value: _T, node: nodes.Filter) -> _T:
        item = self.item(value)
        for keyword in node.kwargs:
            if keyword.key == "attribute" and isinstance(keyword.value, nodes.Const):
                return _List(self._chain(item, str(keyword.value.value)))
        if node.args and isinstance(node.args[0], nodes.Const):
            inner = str(node.args[0].value)
            fake = nodes.Filter(None, inner, node.args[1:], [], None, None)
            return _List(self.apply(inner, item, fake))
        return ANY

    # -- tags ---------------------------------------------------------------------------

    def parse(self, source: str) -> nodes.Template | None:
        try:
            return self.parser_env.parse(source)
        except TemplateSyntaxError as exc:
            assert self.tag is not None
            self.add(
                "syntax_error",
                "error",
                f"标签「{self.tag.raw}」有语法错误：{exc.message}",
                f"syntax error in '{self.tag.raw}': {exc.message}",
            )
            return None

    def check_placement(self, tag: _Tag) -> None:
        if tag.prefix in ("tr", "tc") and not tag.para.in_row:
            self.add(
                "misplaced_tag",
                "error",
                f"「{tag.raw}」是表格行/单元格标签（{{%{tag.prefix} %}}），只能放在表格中",
                f"'{tag.raw}' is a table {('row' if tag.prefix == 'tr' else 'cell')} tag "
                f"({{%{tag.prefix} %}}) and must sit in a table",
            )

    def expression(self, tag: _Tag) -> None:
        template = self.parse("{{" + tag.content + "}}")
        if template is None:
            return
        for output in template.body:
            if isinstance(output, nodes.Output):
                for child in output.nodes:
                    if not isinstance(child, nodes.TemplateData):
                        self.mark_whole(self.infer(child))

    def block(self, tag: _Tag) -> None:
        match = _KEYWORD.match(tag.content)
        keyword = match.group(1) if match else ""
        rest = _plain(tag.content)[len(keyword) :].strip()
        if keyword in _OPENERS or (keyword == "set" and "=" not in rest):
            self.open(tag, keyword, rest)
        elif keyword in ("elif", "else"):
            self.middle(tag, keyword, rest)
        elif keyword in _CLOSERS:
            if rest:
                self.parse("{% " + _OPENERS.get(_CLOSERS[keyword], "if x") + " %}" + tag.raw)
            self.close(tag, keyword)
        elif keyword == "set":
            parsed = self.parse("{%" + tag.content + "%}")
            if parsed is not None and parsed.body and isinstance(parsed.body[0], nodes.Assign):
                assign = parsed.body[0]
                value = self.infer(assign.node)
                frame = self.frames[-1] if self.frames else self.root
                self.bind(assign.target, value, frame)
        elif keyword in _DOCXTPL_TAGS:
            if keyword in ("colspan", "cellbg"):
                if not rest:
                    self.add(
                        "syntax_error",
                        "error",
                        f"「{tag.raw}」缺少参数",
                        f"'{tag.raw}' needs an argument",
                    )
                else:
                    parsed = self.parse("{{ " + rest + " }}")
                    if parsed is not None:
                        for child in parsed.body[0].iter_child_nodes():
                            self.infer(child)
            elif rest:
                self.parse("{%" + tag.content + "%}")
        elif keyword in _NOT_SUPPORTED:
            self.add(
                "unsupported_tag",
                "error",
                f"「{tag.raw}」：Word 模板不能引用其他模板（{keyword}）",
                f"'{tag.raw}': a Word template cannot load other templates ({keyword})",
            )
        else:
            parsed = self.parse("{%" + tag.content + "%}")
            if parsed is not None:
                for child in parsed.body:
                    for sub in child.iter_child_nodes():
                        self.infer(sub)

    def open(self, tag: _Tag, keyword: str, rest: str) -> None:
        end = _OPENERS.get(keyword, "endset")
        frame = _Frame(keyword, tag)
        parsed = self.parse("{%" + tag.content + "%}{% " + end + " %}")
        node = parsed.body[0] if parsed is not None and parsed.body else None
        if isinstance(node, nodes.If):
            self.infer(node.test)
        elif isinstance(node, nodes.For):
            items = self.infer(node.iter)
            self.bind(node.target, self.item(items), frame)
            frame.names["loop"] = _Loop()
            if node.test is not None:
                self.frames.append(frame)
                self.infer(node.test)
                self.frames.pop()
        elif isinstance(node, nodes.With):
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.infer(value), frame)
        elif isinstance(node, nodes.FilterBlock):
            self.apply(node.filter.name, ANY, node.filter)
        elif isinstance(node, nodes.Macro):
            for arg in node.args:
                frame.names[arg.name] = ANY
            for name in ("varargs", "kwargs", "caller"):
                frame.names[name] = ANY
            self.root.names[node.name] = ANY
        elif isinstance(node, nodes.AssignBlock):
            self.bind(node.target, _Scalar(str), self.frames[-1] if self.frames else self.root)
        elif node is not None:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.infer(child)
        self.frames.append(frame)

    def middle(self, tag: _Tag, keyword: str, rest: str) -> None:
        frame = self.frames[-1] if self.frames else None
        allowed = ("if",) if keyword == "elif" else ("if", "for")
        if frame is not None and frame.keyword in allowed and frame.seen_else:
            opened = frame.tag.raw if frame.tag else frame.keyword
            self.add(
                "unbalanced_block",
                "error",
                f"「{tag.raw}」出现在「{opened}」的 else 之后（一个块只能有一个 else，且 elif 须在 "
                "else 之前）",
                f"'{tag.raw}' comes after the else of '{opened}' (a block has one else, and "
                "elif goes before it)",
            )
        elif frame is None or frame.keyword not in allowed:
            inside = (
                f"，当前所在的块是「{frame.tag.raw if frame.tag else frame.keyword}」"
                if frame
                else ""
            )
            inside_en = (
                f"; the innermost open block is '{frame.tag.raw if frame.tag else frame.keyword}'"
                if frame
                else ""
            )
            self.add(
                "unbalanced_block",
                "error",
                f"「{tag.raw}」不在 if{'' if keyword == 'elif' else '/for'} 块内{inside}",
                f"'{tag.raw}' is outside an if{'' if keyword == 'elif' else '/for'} "
                f"block{inside_en}",
            )
        if keyword == "elif":
            parsed = self.parse("{% if " + rest + " %}{% endif %}")
            if parsed is not None and parsed.body and isinstance(parsed.body[0], nodes.If):
                self.infer(parsed.body[0].test)
        else:
            if rest:
                self.add(
                    "syntax_error",
                    "error",
                    f"「{tag.raw}」：else 后面不能有内容（是否应写 elif？）",
                    f"'{tag.raw}': nothing may follow else (did you mean elif?)",
                )
            if frame is not None and frame.keyword in allowed:
                frame.seen_else = True
                if frame.keyword == "for":
                    frame.names = {}

    def close(self, tag: _Tag, keyword: str) -> None:
        opener = _CLOSERS[keyword]
        depth = next(
            (i for i in range(len(self.frames) - 1, -1, -1) if self.frames[i].keyword == opener),
            None,
        )
        if depth is None:
            inside = self.frames[-1].tag.raw if self.frames and self.frames[-1].tag else None
            self.add(
                "unbalanced_block",
                "error",
                f"「{tag.raw}」没有对应的 {{% {opener} %}}"
                + (f"（当前所在的块是「{inside}」）" if inside else ""),
                f"'{tag.raw}' has no matching {{% {opener} %}}"
                + (f" (the innermost open block is '{inside}')" if inside else ""),
            )
            return
        for frame in self.frames[depth + 1 :]:
            assert frame.tag is not None
            end = _OPENERS.get(frame.keyword, "end" + frame.keyword)
            self.add(
                "unbalanced_block",
                "error",
                f"「{frame.tag.raw}」没有闭合（缺少 {{% {end} %}}），"
                f"{tag.para.location.place()}的「{tag.raw}」就结束了外层的 {opener} 块",
                f"'{frame.tag.raw}' is not closed (missing {{% {end} %}}) when '{tag.raw}' "
                f"at {tag.para.location.place('en')} ends the enclosing {opener} block",
                tag=frame.tag,
            )
        del self.frames[depth:]

    def finish_part(self, part: str) -> None:
        for frame in self.frames:
            assert frame.tag is not None
            end = _OPENERS.get(frame.keyword, "end" + frame.keyword)
            where = Location(part.split("#")[0], 0)
            zh_part, en_part = where._part_label("zh"), f"the {where._part_label('en')}"
            self.add(
                "unbalanced_block",
                "error",
                f"「{frame.tag.raw}」到{zh_part}结束仍未闭合（缺少 {{% {end} %}}）",
                f"'{frame.tag.raw}' is never closed in {en_part} (missing {{% {end} %}})",
                tag=frame.tag,
            )
        self.frames = []

    # -- the whole template -------------------------------------------------------------

    def run(self, parts: list[tuple[str, list[_Para]]], split: dict[str, set[int]]) -> None:
        for part, paragraphs in parts:
            errors_before = len([p for p in self.problems if p.severity == "error"])
            self.frames = [self.root]
            self.root.names.clear()
            raw_mode = False
            for para in paragraphs:
                scan = _scan(para)
                self.paragraph_marks(para, scan, split.get(part, set()))
                for tag in scan.tags:
                    self.tag = tag
                    if raw_mode:
                        if tag.kind == "block" and _plain(tag.content) == "endraw":
                            raw_mode = False
                            self.frames.pop()
                        continue
                    if tag.kind == "comment":
                        continue
                    self.check_placement(tag)
                    if tag.kind == "expr":
                        self.expression(tag)
                    else:
                        self.block(tag)
                        raw_mode = bool(self.frames) and self.frames[-1].keyword == "raw"
                self.tag = None
            self.frames = self.frames[1:]
            self.finish_part(part)
            errors_after = len([p for p in self.problems if p.severity == "error"])
            if errors_after == errors_before and not part.startswith("docProps"):
                self.safety_net(part, paragraphs)

    def paragraph_marks(self, para: _Para, scan: _Scan, split: set[int]) -> None:
        for text in scan.unclosed:
            mark = text[:2]
            self.add(
                "unclosed_tag",
                "error",
                f"标签没有闭合：「{_snippet(text, None, 30)}」的 {mark} 在本段内没有对应的 "
                f"{_CLOSE[mark]}",
                f"unclosed tag: the {mark} of '{_snippet(text, None, 30)}' has no {_CLOSE[mark]} "
                "in this paragraph",
                location=para.location,
                name=text,
            )
        for mark in scan.stray:
            self.add(
                "stray_close",
                "warning",
                f"本段有多余的「{mark}」（没有对应的开始标记，可能是标签被打断）",
                f"a stray '{mark}' without its opening mark (a broken tag?)",
                location=para.location,
            )
        if para.location.index in split and not scan.unclosed:
            self.add(
                "split_tag",
                "error",
                "标签被 Word 拆分到几个文字块（run）中，生成时可能无法识别："
                "请在 Word 中删除该标签，再一次性输入或以纯文本粘贴",
                "a tag is split across several Word runs and may not be recognised: delete it "
                "in Word and type it again in one go (or paste it as plain text)",
                location=para.location,
            )

    def safety_net(self, part: str, paragraphs: list[_Para]) -> None:
        """Parse the part as docxtpl will (its XML clean-up, then Jinja), for anything the
        tag-by-tag checks cannot see."""
        if not any("{" in p.text for p in paragraphs):
            return
        try:
            xml = etree.tostring(etree.fromstring(self.xml_parts[part]), encoding="unicode")
            # One line per paragraph (as docxtpl does), inserted before the clean-up so that a
            # paragraph the clean-up removes ({%p %}) still counts.
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
            self.env.from_string(DocxTemplateCached.patch_xml(_PATCHER, xml))
        except TemplateError as exc:
            line = getattr(exc, "lineno", None) or 1
            index = line - 1  # each paragraph starts a line
            para = next((p for p in paragraphs if p.location.index == index), None)
            message = getattr(exc, "message", None) or str(exc)
            self.add(
                "syntax_error",
                "error",
                f"模板语法错误：{message}",
                f"template syntax error: {message}",
                location=para.location if para else None,
            )
        except etree.XMLSyntaxError:
            return

    def unused(self) -> None:
        for name, info in self.model.model_fields.items():
            if info.is_required() and name not in self.used_roots:
                self.add(
                    "required_unused",
                    "warning",
                    f"必填字段「{info.title}」（{name}）在模板中没有用到",
                    f"required field '{name}' ({info.title}) is never used",
                    name=name,
                )
        for path in sorted(self.accessed):
            if path in self.whole:
                continue
            cls = self.classes[path]
            for name, info in cls.model_fields.items():
                if not info.is_required() or name in self.accessed[path]:
                    continue
                if any(issubclass(cls, m) and f == name for m, f in NOT_EXPECTED):
                    continue
                dotted = _dotted((*path, name))
                owner = self.labels(path)
                self.add(
                    "required_unused",
                    "warning",
                    f"必填字段「{self.labels((*path, name))}」（{dotted}）没有用到："
                    f"模板逐项打印了{owner}，却没有打印它",
                    f"required field '{dotted}' ({self.labels((*path, name))}) is never used, "
                    f"though the template prints {owner} field by field",
                    name=dotted,
                )


_PATCHER = DocxTemplateCached.__new__(DocxTemplateCached)


def _text(node: nodes.Node) -> str:
    """An attribute chain as the template writes it (``lot.vehicle.vin``)."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg
        inner = repr(arg.value) if isinstance(arg, nodes.Const) else "…"
        return f"{_text(node.node)}[{inner}]"
    if isinstance(node, nodes.Filter):
        return f"{_text(node.node) if node.node is not None else ''}|{node.name}"
    return "…"
