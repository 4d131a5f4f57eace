"""The exit codes of every ``paimai`` command, defined once.

===  ==========================================================================================
0    clean: the command did what was asked and found nothing at or above the threshold
1    findings: the input was read and has problems (rule findings, invalid data, lint problems)
2    usage or configuration: a wrong option, an unknown kind or scope, a bad profile or holiday
     file given on the command line, an output that exists or cannot be written
3    input unreadable or nothing to check: a path that does not exist, a file that cannot be
     read or parsed, a folder or .zip without any readable document
===  ==========================================================================================

``paimai --help`` prints this table (:func:`table`).
"""

from __future__ import annotations

from enum import IntEnum

from .lang import say


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    UNREADABLE = 3

    def describe(self, lang: str = "zh") -> str:
        zh, en = _DESCRIPTIONS[self]
        return say(zh, en, lang)


_DESCRIPTIONS = {
    ExitCode.OK: ("无问题", "clean: nothing found"),
    ExitCode.FINDINGS: (
        "发现问题（规则发现、数据不符合格式、模板问题）",
        "findings: rule findings, invalid data, template problems",
    ),
    ExitCode.USAGE: (
        "用法或配置错误（选项有误、未知的类型或范围、配置文件或节假日文件有误、输出文件已存在或无法写入）",
        "usage or configuration error: a wrong option, an unknown kind or scope, a bad profile "
        "or holiday file, an output that exists or cannot be written",
    ),
    ExitCode.UNREADABLE: (
        "输入无法读取或没有可检查的内容（路径不存在、文件损坏、文件夹或压缩包中没有可读取的文书）",
        "input unreadable or nothing to check: a missing path, a damaged file, a folder or .zip "
        "without any readable document",
    ),
}

OK = ExitCode.OK
FINDINGS = ExitCode.FINDINGS
USAGE = ExitCode.USAGE
UNREADABLE = ExitCode.UNREADABLE


def table(lang: str = "zh") -> str:
    """The exit-code table as help text."""
    head = say("退出码：", "exit codes:", lang)
    return "\n".join([head, *(f"  {code.value}  {code.describe(lang)}" for code in ExitCode)])
