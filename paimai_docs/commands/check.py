"""``paimai check PATH...``: check one or many bundles and report, in Chinese by default.

Each folder or .zip given is a bundle; loose files given together form one bundle. Many bundles
are checked in one call (``--jobs`` uses processes); a bundle that cannot be read never stops
the others.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paimai_docs.commands import command_help
from paimai_docs.vocabulary import counted

from ..errors import PaimaiError
from ..exitcodes import ExitCode
from ..lang import LANGS, lang_option, resolve, say
from ..vocabulary import SCOPES, SEVERITIES, STAGES
from ._common import (
    lang_of,
    missing_paths_message,
    suffix_mismatch,
    warn_skipped_holiday_files,
)
from ._holidays import add_holidays_option

if TYPE_CHECKING:
    from ..reading.types import Bundle

FORMATS = ("text", "json", "sarif", "docx", "html")
SUFFIXES = {"text": ".txt", "json": ".json", "sarif": ".sarif", "docx": ".docx", "html": ".html"}
# What an output file given with -o may be called for each --format.
OUTPUT_SUFFIXES = {
    "text": (".txt", ".text", ".log"),
    "json": (".json",),
    "sarif": (".sarif", ".json"),
    "docx": (".docx",),
    "html": (".html", ".htm"),
}


@dataclass(frozen=True)
class Job:
    paths: tuple[str, ...]
    label: str
    scope: str | None
    profile: str | None
    fmt: str
    lang: str
    fail_on: str
    ocr: bool
    today: dt.date | None
    show_personal_data: bool
    colour: bool
    stage: str | None = None  # named by the user: what the packet lacks is then a finding
    holidays: tuple[str, ...] = ()  # holiday files (--holidays), read where the job runs
    # the 补正通知书's names (--addressee, --issuer, --case-name), as (option, value) pairs
    notice: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Outcome:
    label: str
    report: str | bytes
    exit_code: int
    summary: dict[str, Any]
    error: str | None = None


def bundles_of(paths: list[str]) -> list[tuple[tuple[str, ...], str]]:
    """Folders and .zip files are bundles of their own; loose files together are one bundle."""
    bundles: list[tuple[tuple[str, ...], str]] = []
    loose: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() or path.suffix.lower() == ".zip":
            bundles.append(((raw,), raw))
        else:
            loose.append(raw)
    if loose:
        label = loose[0] if len(loose) == 1 else f"{loose[0]} 等{len(loose)}个文件"
        bundles.insert(0, (tuple(loose), label))
    return bundles


def run_job(job: Job) -> Outcome:
    """Check one bundle and render its report; every failure becomes an outcome, never a crash.
    A bundle without a single readable document is no clean bundle: it is an outcome with
    exit code 3 and no report."""
    try:
        calendar = None
        if job.holidays:
            from ..holidays import default_calendar

            calendar = default_calendar(job.holidays)
        bundle = _read_while_importing(job)
        from ..checker import check_read_bundle
        from ..reports import render_report

        result = check_read_bundle(
            bundle, scope=job.scope, profile=job.profile, lang=job.lang, today=job.today,
            stage=job.stage, calendar=calendar,
        )  # fmt: skip
        if not result.documents and not result.unreadable:
            return Outcome(job.label, "", ExitCode.UNREADABLE, {}, nothing_to_check(job, job.lang))
        report = render_report(
            result, job.fmt, lang=job.lang, show_personal_data=job.show_personal_data,
            colour=job.colour, calendar=calendar, **dict(job.notice),
        )  # fmt: skip
        return Outcome(job.label, report, result.exit_code(job.fail_on), result.summary())
    except PaimaiError as exc:
        code = ExitCode.USAGE if getattr(exc, "code", "") in _USAGE_CODES else ExitCode.UNREADABLE
        message = getattr(exc, "message", None)
        text = message(job.lang) if callable(message) else str(exc)
        return Outcome(job.label, "", code, {}, text)
    except Exception as exc:  # a bundle must never stop the others; our words, not the library's
        return Outcome(
            job.label, "", ExitCode.UNREADABLE, {},
            say(f"内部错误（{type(exc).__name__}）", f"internal error ({type(exc).__name__})",
                job.lang),
        )  # fmt: skip


def _read_while_importing(job: Job) -> Bundle:
    """Read the job's files (what :func:`~paimai_docs.checker.check_bundle` reads) while this
    thread imports the rules engine and the report writers: the reader's worker processes
    start and read meanwhile, instead of after some 100 ms of imports."""
    from ..reading.bundle import BundleReader, read_bundle

    paths = list(job.paths)
    if len(paths) == 1 and Path(paths[0]).is_file() and Path(paths[0]).suffix.lower() != ".zip":
        return read_bundle(paths, ocr=job.ocr)  # a lone file, mostly read in this process
    with (
        BundleReader(ocr=job.ocr, isolation="auto") as reader,
        concurrent.futures.ThreadPoolExecutor(1) as pool,
    ):
        reader.start()  # the workers start before anything else is imported
        reading = pool.submit(reader.read_bundle, paths)
        importlib.import_module("paimai_docs.reports")
        importlib.import_module("paimai_docs.checker").prepare_checking()
        return reading.result()


_USAGE_CODES = {"rule_file_invalid", "missing_extra", "unknown_kind", "profile_invalid"}
_LISTED = 5


def found_files(paths: tuple[str, ...] | list[str]) -> list[str]:
    """The files the user gave, as names relative to what was given (a folder's files, a zip's
    members, loose files): what to tell when none of them is a readable document."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                str(f.relative_to(path)).replace(os.sep, "/")
                for f in sorted(path.rglob("*"))
                if f.is_file()
            )
        elif path.suffix.lower() == ".zip":
            import zipfile

            try:
                with zipfile.ZipFile(path) as archive:
                    found.extend(i.filename for i in archive.infolist() if not i.is_dir())
            except (OSError, zipfile.BadZipFile):
                found.append(path.name)
        elif path.exists():
            found.append(path.name)
    return found


def nothing_to_check(job: Job, lang: str) -> str:
    """Why a bundle without documents is not checked, naming what was found instead."""
    found = found_files(job.paths)
    if not found:
        return say(
            f"没有找到可读取的文书：{job.label} 中没有任何文件",
            f"no readable document found: {job.label} holds no file at all",
            lang,
        )
    shown = found[:_LISTED]
    beyond = len(found) > _LISTED
    return say(
        f"没有找到可读取的文书：{job.label} 中找到 {len(found)} 个文件，均不是可读取的文书"
        f"（{'、'.join(shown)}{f' 等{len(found)}个' if beyond else ''}）；"
        "只能检查 PDF 和 Word .docx 文书",
        f"no readable document found in {job.label}: found {counted(len(found), 'file')}, "
        f"none of them a PDF or Word .docx document ({', '.join(shown)}"
        f"{f', and {len(found) - _LISTED} more' if beyond else ''})",
        lang,
    )


def _summary_line(outcome: Outcome, lang: str) -> str:
    if outcome.error:
        return say(
            f"✗ {outcome.label}：无法检查：{outcome.error}",
            f"✗ {outcome.label}: could not be checked: {outcome.error}",
            lang,
        )
    s = outcome.summary
    mark = "✓" if outcome.exit_code == ExitCode.OK else "✗"
    return say(
        f"{mark} {outcome.label}：{s['documents']} 份文件，错误 {s['error']}，警告 {s['warning']}，"
        f"提示 {s['info']}，无法读取 {s['unreadable_files']}",
        f"{mark} {outcome.label}: {counted(s['documents'], 'file')}, "
        f"{counted(s['error'], 'error')}, {counted(s['warning'], 'warning')}, "
        f"{s['info']} info, {s['unreadable_files']} unreadable",
        lang,
    )


def _write(path: Path, report: str | bytes, force: bool) -> None:
    if path.exists() and not force:
        raise FileExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    if isinstance(report, bytes):
        temporary.write_bytes(report)
    else:
        temporary.write_text(report, encoding="utf-8")
    os.replace(temporary, path)


def _progress(done: int, total: int, enabled: bool) -> None:
    if enabled:
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r检查中 [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")


def run(args: argparse.Namespace) -> int:
    lang = resolve(args.check_lang) if args.check_lang else lang_of(args)
    if args.scope and args.profile:
        print(say("--scope 与 --profile 只能选一个", "use --scope or --profile", lang),
              file=sys.stderr)  # fmt: skip
        return ExitCode.USAGE
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:  # input that cannot be read, like any other (exit code 3)
        print(missing_paths_message(missing, lang), file=sys.stderr)
        return ExitCode.UNREADABLE
    today = None
    if args.today:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError:
            print(
                say(f"--today 应为 YYYY-MM-DD：{args.today}",
                    f"--today must be YYYY-MM-DD: {args.today}", lang),
                file=sys.stderr,
            )  # fmt: skip
            return ExitCode.USAGE
    if args.format == "docx" and not args.output:
        print(
            say("--format docx 需要用 --output 指定输出文件或目录",
                "--format docx needs --output FILE or folder", lang),
            file=sys.stderr,
        )  # fmt: skip
        return ExitCode.USAGE
    from ..holidays import default_calendar

    if args.profile:  # once, before any bundle is read: a bad profile is a usage error (2)
        from ..engine.profiles import ProfileError, load_profile

        try:
            load_profile(args.profile)
        except ProfileError as exc:
            print(exc.message(lang), file=sys.stderr)
            return ExitCode.USAGE
    if args.holidays:  # once, up front: a bad file named on the command line is usage (2)
        from ._holidays import calendar_from_args

        if calendar_from_args(args, lang) is None:
            return ExitCode.USAGE
    else:
        warn_skipped_holiday_files(default_calendar(), lang)
    bundles = bundles_of(args.paths)
    if len(bundles) == 1:  # one bundle, so --output names a file: its suffix must fit --format
        mismatch = suffix_mismatch(args.output, args.format, OUTPUT_SUFFIXES, lang)
        if mismatch:
            print(mismatch, file=sys.stderr)
            return ExitCode.USAGE
    colour = args.format == "text" and args.output is None and sys.stdout.isatty()
    colour = colour and not os.environ.get("NO_COLOR")
    jobs = [
        Job(paths, label, args.scope, args.profile, args.format, lang, args.fail_on, args.ocr,
            today, args.show_personal_data, colour, args.stage, tuple(args.holidays),
            notice_options(args))
        for paths, label in bundles
    ]  # fmt: skip
    show_progress = len(jobs) > 1 and sys.stderr.isatty()
    outcomes: list[Outcome] = []
    from ..executor import ExecutorError, open_executor

    try:  # --executor / $PAIMAI_EXECUTOR: a Dask cluster; None: this machine, as before
        executor = open_executor(
            args.executor, workers=args.jobs if args.jobs > 1 else None, lang=lang,
            warn=lambda text: print(text, file=sys.stderr),
        )  # fmt: skip
    except ExecutorError as exc:
        print(exc.message(lang), file=sys.stderr)
        return ExitCode.USAGE
    if executor is not None:
        try:
            for outcome in executor.map(run_job, jobs):
                outcomes.append(outcome)
                _progress(len(outcomes), len(jobs), show_progress)
        finally:
            executor.close()
    elif args.jobs > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for outcome in pool.map(run_job, jobs):
                outcomes.append(outcome)
                _progress(len(outcomes), len(jobs), show_progress)
    else:
        for job in jobs:
            outcomes.append(run_job(job))
            _progress(len(outcomes), len(jobs), show_progress)
    return _emit(outcomes, args, lang)


def notice_options(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The names the 补正通知书 prints, as given on the command line (a profile's ``notice:``
    fills in the ones not given)."""
    names = (("addressee", "addressee"), ("issuer", "issuer"), ("case_name", "case_name"))
    given = ((key, getattr(args, attr, None)) for key, attr in names)
    return tuple((key, value.strip()) for key, value in given if value and value.strip())


def _emit(outcomes: list[Outcome], args: argparse.Namespace, lang: str) -> int:
    worst = max((o.exit_code for o in outcomes), default=ExitCode.OK)
    single = len(outcomes) == 1
    if args.output:
        target = Path(args.output)
        for index, outcome in enumerate(outcomes, start=1):
            if outcome.error:
                continue
            if single and not target.is_dir():
                path = target
            else:
                source = Path(outcome.label.split(" ")[0])
                stem = (source.stem if source.suffix.lower() == ".zip" else source.name) or (
                    f"bundle-{index}"
                )
                path = target / f"{stem}{SUFFIXES[args.format]}"
            try:
                _write(path, outcome.report, args.force)
            except FileExistsError:
                print(
                    say(f"文件已存在，未覆盖：{path}（如需覆盖请加 --force）",
                        f"exists, not overwritten: {path} (use --force)", lang),
                    file=sys.stderr,
                )  # fmt: skip
                worst = max(worst, ExitCode.USAGE)
    else:
        for outcome in outcomes:
            if isinstance(outcome.report, str) and outcome.report:
                sys.stdout.write(outcome.report)
    if not single or args.output or any(o.error for o in outcomes):
        stream = sys.stderr if (args.output is None and args.format != "text") else sys.stdout
        for outcome in outcomes:
            # A bundle that could not be checked is said on stderr too, where scripts look.
            print(_summary_line(outcome, lang), file=sys.stderr if outcome.error else stream)
    return worst


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check",
        help=command_help("check"),
        description="检查一个或多个案卷（文件夹、.zip 或若干文件），一次列出全部问题。",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="文件夹、.zip 或 PDF/.docx 文件")
    group = check.add_mutually_exclusive_group()
    group.add_argument("--scope", choices=SCOPES, help="业务范围；不指定时自动判断并说明理由")
    group.add_argument("--profile", help="配置文件（扩展某一内置范围的 YAML）")
    check.add_argument(
        "--stage",
        choices=tuple(STAGES),
        help="案卷所处阶段（before 拍卖前、after 拍卖后、failed 流拍、sold 成交）；指明后按该阶段的"
        "材料清单报告缺少的材料，不指明时另列“材料清单”，不计入检查结果",
    )
    add_holidays_option(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="报告格式，默认 text")
    check.add_argument("-o", "--output", help="输出文件；多个案卷时为输出目录")
    check.add_argument("--force", action="store_true", help="允许覆盖已有的输出文件")
    check.add_argument(
        "--lang", dest="check_lang", type=lang_option, choices=LANGS, help="报告语言"
    )
    notice = check.add_argument_group("补正通知书（--format docx）")
    notice.add_argument(
        "--addressee",
        metavar="单位",
        help="报送单位（通知书的收件人）；默认取配置文件的 notice.addressee",
    )
    notice.add_argument(
        "--issuer", metavar="单位", help="审核单位（通知书的落款）；默认取配置文件的 notice.issuer"
    )
    notice.add_argument(
        "--case-name", metavar="名称",
        help="案卷名称，写入“你单位报送的……材料”；默认取配置文件的 notice.case_name，"
        "都没有时不写名称（不用文件夹名）",
    )  # fmt: skip
    check.add_argument(
        "--fail-on", choices=tuple(SEVERITIES), default="error", help="达到该级别即以退出码1结束"
    )
    check.add_argument("--ocr", action="store_true", help="对无文字层的页做文字识别（需 ocr 扩展）")
    check.add_argument("--jobs", type=int, default=1, help="并行进程数（多个案卷时）")
    check.add_argument(
        "--executor",
        help="在 Dask 集群上检查：local-dask（本机）或 dask://主机:端口；默认取环境变量 "
        "PAIMAI_EXECUTOR，未设置时在本机检查",
    )
    check.add_argument("--today", help="以该日期为今天（YYYY-MM-DD），用于补正期限")
    check.add_argument(
        "--show-personal-data", action="store_true", help="显示完整的身份证号、电话和银行账号"
    )
    check.set_defaults(func=run)
