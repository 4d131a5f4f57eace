"""The commands of ``paimai``: each command's name, the module that implements it and its one-line
help, written once. The command line lists them from here without importing any of them; a
command's module is imported only when that command runs (so ``paimai --version`` and
``paimai --help`` stay fast)."""

from __future__ import annotations

__all__ = ["COMMANDS", "command_help"]

# command -> (module in paimai_docs.commands, help)
COMMANDS: dict[str, tuple[str, str]] = {
    "kinds": ("models", "列出全部文档类型 / list document kinds"),
    "schema": ("models", "输出文档类型的 JSON Schema / print JSON Schema"),
    "example": ("models", "输出完整示例数据 / print a complete example"),
    "validate": ("models", "校验 JSON/YAML 数据是否构成有效文书 / validate document data"),
    "plan": ("plan", "计算拍卖各项期限 / compute the deadlines of an auction"),
    "calendar": (
        "calendar",
        "节假日数据：覆盖年份、某日状态 / holiday data: coverage and day status",
    ),
    "explain": ("rules", "解释一条规则 / explain a rule"),
    "rules": ("rules", "列出规则 / list the rules"),
    "render": ("render", "用数据生成 Word 文书 / render a document to .docx"),
    "inspect": (
        "inspect",
        "查看材料的读取结果：文书类型、页面文字、事实 / show what the reader finds",
    ),
    "check": ("check", "检查报送材料 / check filing bundles"),
    "lint-template": ("lint", "检查自定义 Word 模板 / check a Word template"),
    "serve": ("serve", "启动检查服务（网页与接口）/ start the checking service"),
}


def command_help(name: str) -> str:
    """The one-line help of command ``name``."""
    return COMMANDS[name][1]
