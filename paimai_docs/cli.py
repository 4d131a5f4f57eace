"""The ``paimai`` command. Functions elsewhere return data; only this module (and the command
modules in ``paimai_docs.commands``) print."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from . import __version__

# Exit codes, shared by every command.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

# Command modules, each with ``register(subparsers)``; adding a command is a one-line change.
COMMAND_MODULES = (
    "paimai_docs.commands.models",
    "paimai_docs.commands.plan",
    "paimai_docs.commands.calendar",
    "paimai_docs.commands.rules",
    "paimai_docs.commands.render",
    "paimai_docs.commands.inspect",
    "paimai_docs.commands.check",
    "paimai_docs.commands.lint",
)


def _configure_streams() -> None:
    """Never crash on a console that cannot show a character (GBK consoles on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already; keep that, in our wording."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="paimai",
        description=(
            "拍卖文书工具：生成委托拍卖合同、拍卖公告、备案表等文书，检查报送材料，计算期限。\n"
            "Chinese auction paperwork: generate documents, check filing bundles, plan deadlines."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"paimai-docs {__version__}")
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="输出语言，默认中文 / output language (default: zh)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _configure_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
