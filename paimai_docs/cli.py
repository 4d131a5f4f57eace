"""The ``paimai`` command. Functions elsewhere return data; only this module (and the command
modules in ``paimai_docs.commands``) print.

Every command ends with one of the codes of :mod:`paimai_docs.exitcodes`; argparse's own
messages are shown in Chinese (English with ``--lang en``); a closed pipe (``paimai rules |
head -1``) ends quietly; an unexpected error is reported in our words, never as a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from ._version import __version__
from .commands import COMMANDS
from .exitcodes import ExitCode, table
from .lang import DEFAULT, LANGS, Lang, current_lang, lang_option, resolve, say, set_lang

# The commands, their modules and help are in paimai_docs.commands.COMMANDS; a command's module
# is imported only when that command runs.
COMMAND_MODULES = tuple(
    dict.fromkeys(f"paimai_docs.commands.{module}" for module, _ in COMMANDS.values())
)

DEBUG_ENV = "PAIMAI_DEBUG"

# argparse's messages (Python 3.10–3.13) in Chinese. Anything not listed stays as argparse says.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项不明确：%(option)s 可能是 %(matches)s"
    ),
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s'：%(error)s",
}


def _translate(message: str) -> str:
    return say(ARGPARSE_ZH.get(message, message), message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


@contextlib.contextmanager
def _argparse_language() -> Iterator[None]:
    """argparse looks its messages up through ``argparse._`` and ``argparse.ngettext`` when it
    builds parsers and when it reports; route both through our table while ``main`` runs."""
    saved: tuple[Callable[..., str], Callable[..., str]] = (
        argparse._,  # type: ignore[attr-defined]
        argparse.ngettext,  # type: ignore[attr-defined]
    )
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _ntranslate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def language_of(argv: Sequence[str]) -> Lang:
    """``--lang en`` (or ``--lang=en``, ``--lang EN``, ``--lang en-US``) anywhere on the command
    line, before parsing, so that even a usage error in front of it is said in English."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return resolve(argv[index + 1])
        if arg.startswith("--lang="):
            return resolve(arg.split("=", 1)[1])
    return DEFAULT


def _configure_streams() -> None:
    """Never crash on a console that cannot show a character (GBK consoles on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already (= ``ExitCode.USAGE``); it says so in the
    run's language, and so do the parsers of the subcommands (argparse creates them with the
    class of the main parser)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        hint = say(f"运行 {self.prog} --help 查看帮助。", f"Run '{self.prog} --help' for help.")
        self.exit(ExitCode.USAGE, _translate("%(prog)s: error: %(message)s\n")
                  % {"prog": self.prog, "message": message} + hint + "\n")  # fmt: skip


def command_of(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not a global option)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``paimai`` parser. Only the module of ``command`` is imported and registers its full
    options; every other command is listed by name and help alone (``None``: all of them, as
    ``paimai --help`` needs)."""
    lang = current_lang()
    parser = _Parser(
        prog="paimai",
        description=(
            "拍卖文书工具：生成委托拍卖合同、拍卖公告、备案表等文书，检查报送材料，计算期限。\n"
            "Chinese auction paperwork: generate documents, check filing bundles, plan deadlines."
        ),
        epilog=table(lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"paimai-docs {__version__}",
        help=_translate("show program's version number and exit"),
    )
    parser.add_argument(
        "--lang",
        type=lang_option,
        choices=LANGS,
        default=DEFAULT,
        help="输出语言，默认中文 / output language (default: zh)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = COMMANDS.get(command or "", (None, ""))[0]
    registered: set[str] = set()
    for name, (module_name, help_text) in COMMANDS.items():
        if module_name == chosen:
            if module_name not in registered:
                registered.add(module_name)
                _register(subparsers, f"paimai_docs.commands.{module_name}")
        else:
            subparsers.add_parser(name, help=help_text, add_help=False)
    for subparser in subparsers.choices.values():  # the exit codes under every command's help
        if subparser.epilog is None:
            subparser.epilog = table(lang)
            if subparser.formatter_class is argparse.HelpFormatter:
                subparser.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _register(subparsers: argparse._SubParsersAction[Any], module_name: str) -> None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return
    module.register(subparsers)


def _quiet_stdout() -> None:
    """The reader of our output went away (``| head``): send what is left nowhere, so that the
    interpreter's last flush does not complain either (the Python documentation's recipe)."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno)


def main(argv: Sequence[str] | None = None) -> int:
    _configure_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_lang(language_of(arguments))
    try:
        with _argparse_language():
            code = _dispatch(arguments)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        return ExitCode.OK
    except KeyboardInterrupt:
        print(say("已中断", "interrupted"), file=sys.stderr)
        return 130
    return code


def entry() -> NoReturn:
    """The ``paimai`` command: :func:`main`, then an immediate exit. Python's finalisation —
    clearing some thousand modules, unloading pdfium and OpenCC — takes about 50 ms after the
    work is done, as long as reading a page. Nothing is pending by then: the output is flushed
    here, files were written and worker processes closed by their own ``with`` blocks; what
    must outlive the run (the regular expressions compiled in it, :mod:`.rx`) is saved first."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    from . import rx

    rx.save()
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    os._exit(code)


def _dispatch(arguments: list[str]) -> int:
    parser = build_parser(command_of(arguments))
    args = parser.parse_args(arguments)
    set_lang(getattr(args, "lang", DEFAULT))
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.USAGE
    try:
        return int(args.func(args))
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:  # the last line of defence: our words, never a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        name = type(exc).__name__
        print(
            say(
                f"内部错误（{name}）：paimai 未能完成。请报告此问题；设置环境变量 {DEBUG_ENV}=1 "
                "可查看详细信息。",
                f"internal error ({name}): paimai could not finish. Please report it; set "
                f"{DEBUG_ENV}=1 to see the details.",
            ),
            file=sys.stderr,
        )
        return ExitCode.UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
