"""Start-up and fixed-cost benchmark of the CLI: ``paimai`` commands in fresh processes against
the least a Python process doing the same work must pay.

    python bench/bench_check.py [--repeat 11] [--pdf FILE] [--folder DIR] [--strict] [--json]

Every command runs in a FRESH process (``subprocess.run``, its output captured and thrown
away), timed as wall time with ``time.perf_counter`` around the call, because that is what a
user waits for: interpreter start, imports, reading the caches, the work, the exit. Each line
has a floor, a fresh process of the same interpreter (``sys.executable``) doing the least the
command could do:

- ``paimai --version`` and ``paimai --help`` against ``python -c pass``; the target is a median
  of at most 150 ms;
- ``paimai check FILE`` on a one-page PDF against a fresh ``python`` that imports pypdfium2 and
  extracts the text of every page of the same file (open, ``get_textpage().get_text_range()``
  per page, close); the target is a median of at most 300 ms. The PDF is generated with
  reportlab (an about 800-character 拍卖公告 in an embedded TrueType CJK font, as Word and WPS
  exports have), or given with ``--pdf``;
- ``paimai check DIR`` on every PDF under ``examples/bundles`` (the shipped example bundles,
  checked as one bundle; ``--folder`` for another folder, e.g. of real documents) against the
  same extraction of every PDF under the folder; the target is at most 2.5 times the floor
  (median against median).

Before timing, the package is compiled with ``python -m compileall -q`` and each command runs
twice untimed, so that the user's caches are warm as they are after a first run: the compiled
bytecode, and the package's own cache folder of validated rules and compiled regular
expressions (``paimai_docs.cache``). The commands get the environment unchanged except that
``PYTHONDONTWRITEBYTECODE`` is removed: where it is set (some containers and CI images set it),
no ``.pyc`` would ever be written and every run would compile the whole package again, which no
user with a normal installation pays. ``PAIMAI_NO_CACHE`` or ``PAIMAI_CACHE_DIR`` in the
environment are passed on as they are.

Then the floor and our command run alternately ``--repeat`` times each (so that a busy moment of
the machine hits both); the table shows the floor's median, our median and minimum, and the
ratio of the medians. ``paimai check`` exits with 1 when it finds problems, which is no error
here; an exit code of 2 or more is (the script then reports it and exits with 1). Targets that
are not met are reported, not failures, unless ``--strict`` is given. See README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_BUNDLES = ROOT / "examples" / "bundles"
TRUETYPE_FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("C:/Windows/Fonts/simhei.ttf"),
]
FONT_NAME = "BenchCheckCJK"
WARMUP = 2
TARGET_MS = {"--version": 150.0, "--help": 150.0, "page": 300.0}
TARGET_RATIO = 2.5

TITLE = "江州市滨江路18号商业用房拍卖公告"
ISSUER = "江州市恒信拍卖有限公司"
ANNOUNCEMENT = [
    f"受江州市机关事务管理局委托，{ISSUER}定于2026年10月16日（星期五）上午10时在江州市"
    "滨江路88号恒信大厦三楼拍卖厅公开拍卖下列标的，现将有关事项公告如下：",
    "一、拍卖标的：江州市滨江路18号商业用房一套，建筑面积156.32平方米，土地用途为商业，"
    "不动产权证号为江（2021）江州市不动产权第0012345号。标的按现状拍卖，附属设施以现场为准。",
    "二、参考价：人民币叁佰陆拾万元整（¥3,600,000.00）。本次拍卖设有保留价，达不到保留价不成交。",
    "三、竞买保证金：人民币伍拾万元整（¥500,000.00），须于2026年10月14日17时前由竞买人本人"
    "账户汇入本公司指定账户（开户行：中国工商银行江州滨江支行；户名：江州市恒信拍卖有限公司；"
    "账号：1207 0000 1234 5678 901），以到账为准。未竞得者的保证金于拍卖会结束后五个工作日内"
    "无息退还。",
    "四、展示时间和地点：2026年9月28日至2026年10月14日（法定节假日除外）每日9时至17时，在"
    "标的所在地现场展示，请提前一日电话预约看样。",
    "五、竞买登记：有意竞买者请于2026年10月14日17时前持有效身份证件（单位竞买人持营业执照"
    "副本、法定代表人身份证明及授权委托书）、保证金交款凭证到本公司办理竞买登记手续，领取"
    "竞买号牌。",
    "六、佣金及税费：成交后买受人按成交价的百分之五向本公司支付佣金；办理过户所产生的税费由"
    "买卖双方依照法律规定各自承担。",
    "七、特别说明：竞买人应在展示期内自行了解标的的现状及瑕疵，一经举牌竞价即视为已完全了解"
    "并接受标的现状。本公告未尽事宜，以拍卖会现场宣布的拍卖规则为准。",
    "联系电话：0796-8123 4567、13807960000（王先生）",
    "监督电话：江州市商务局 0796-8160 0000",
    "公司地址：江州市滨江路88号恒信大厦三楼",
]
SIGNATURE = [ISSUER, "2026年9月20日"]

# The floor of a check: a fresh Python that imports pypdfium2 and extracts the text of every
# page of the given PDFs (a folder: every PDF under it, as the reader finds them).
FLOOR_CODE = """\
import sys
from pathlib import Path
import pypdfium2 as pdfium
files = []
for arg in sys.argv[1:]:
    path = Path(arg)
    if path.is_dir():
        files += sorted(f for f in path.rglob("*") if f.suffix.lower() == ".pdf" and f.is_file())
    else:
        files.append(path)
for path in files:
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
"""


# --------------------------------------------------------------------------------------------
# The one-page PDF


def register_font() -> str:
    """An embedded TrueType CJK font, as Word and WPS exports have; else reportlab's
    non-embedded STSong-Light (for which pdfium substitutes a system font on every page, which
    slows both sides down)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    for path in TRUETYPE_FONTS:
        if path.is_file():
            kwargs = {"subfontIndex": 0} if path.suffix == ".ttc" else {}
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), **kwargs))
            return FONT_NAME
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


# what a line is cut into: a run of figures or Latin letters (an amount, a date's year, a phone
# number) is never cut, and closing punctuation stays with what it follows
TOKEN = re.compile(r"[0-9A-Za-z¥][0-9A-Za-z.,:\-]*[，。；：、）]*|.[，。；：、）]*")


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` points (character by character, as
    Chinese text is set, except that figures are kept together and a line does not begin with
    a closing mark; such a line may overhang a little)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for token in TOKEN.findall(text):
        if line and stringWidth(line + token.rstrip("，。；：、）"), font, size) > width:
            lines.append(line)
            line = ""
        line += token
    if line:
        lines.append(line)
    return lines


def make_announcement_pdf(path: Path) -> str:
    """Write the one-page 拍卖公告 to ``path`` (the same bytes every time); return the font's
    name (``STSong-Light`` when no TrueType CJK font was found)."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1  # no time stamp, a fixed document id: the same bytes every run
    font = register_font()
    page_width, page_height = A4
    margin, size, leading = 64.0, 10.5, 18.0
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(TITLE)
    c.setFont(font, 16)
    c.drawCentredString(page_width / 2, page_height - 90, TITLE)
    c.setFont(font, size)
    y = page_height - 130
    for paragraph in ANNOUNCEMENT:
        # the first line of a paragraph is indented by two characters
        for number, line in enumerate(wrap("\u3000\u3000" + paragraph, font, size, 467.0)):
            c.drawString(margin, y, line.lstrip("\u3000") if number else line)
            y -= leading
        y -= 4
    y -= 20
    for line in SIGNATURE:
        c.drawRightString(page_width - margin, y, line)
        y -= leading
    if y < margin:
        raise RuntimeError("the announcement does not fit on one page")
    c.showPage()
    c.save()
    return font


def announcement_chars() -> int:
    """How many characters the announcement's text has (title, paragraphs, signature)."""
    return sum(len(part) for part in [TITLE, *ANNOUNCEMENT, *SIGNATURE])


# --------------------------------------------------------------------------------------------
# The commands


def floor_command(paths: Sequence[Path | str]) -> list[str]:
    """A fresh Python that imports pypdfium2 and extracts the text of every page of ``paths``
    (files, or folders: every PDF under them)."""
    return [sys.executable, "-c", FLOOR_CODE, *(str(path) for path in paths)]


def paimai_command(*args: str) -> list[str]:
    """``paimai ARGS`` as a user runs it: the console script beside this interpreter, else
    ``python -m paimai_docs``."""
    script = Path(sys.executable).with_name("paimai.exe" if os.name == "nt" else "paimai")
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "paimai_docs", *args]


def bench_env() -> dict[str, str]:
    """The environment as it is, without ``PYTHONDONTWRITEBYTECODE``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package(env: dict[str, str]) -> Path:
    """``python -m compileall -q`` on the package folder; return the folder."""
    spec = importlib.util.find_spec("paimai_docs")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("paimai_docs is not installed in this interpreter")
    folder = Path(next(iter(spec.submodule_search_locations)))
    completed = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(folder)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode:  # a file that does not compile: the runs will tell what fails
        print(f"compileall: exit code {completed.returncode}", file=sys.stderr)
        print(completed.stdout[-2000:], file=sys.stderr)
    return folder


def pdfs_under(folder: Path) -> list[Path]:
    return sorted(f for f in folder.rglob("*") if f.suffix.lower() == ".pdf" and f.is_file())


def count_pages(files: Sequence[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in files:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:  # the floor could not read it either
            raise SystemExit(f"pypdfium2 cannot open {path} ({exc}); leave it out") from None
        pages += len(pdf)
        pdf.close()
    return pages


# --------------------------------------------------------------------------------------------
# Timing


class CommandFailed(Exception):
    def __init__(self, command: Sequence[str], code: int, stderr: str) -> None:
        shown = ["python -c …" if arg == FLOOR_CODE else arg for arg in command]
        super().__init__(f"exit code {code}: {' '.join(shown)}")
        self.stderr = stderr


def run_once(command: Sequence[str], env: dict[str, str], ok_codes: Sequence[int]) -> float:
    """Seconds of wall time of one fresh process running ``command``, its output discarded."""
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if completed.returncode not in ok_codes:
        stderr = completed.stderr.decode(errors="replace")
        raise CommandFailed(command, completed.returncode, stderr)
    return seconds


def measure_line(
    floor: Sequence[str],
    ours: Sequence[str],
    env: dict[str, str],
    repeat: int,
    ours_ok: Sequence[int] = (0,),
) -> dict[str, Any]:
    """Both commands run ``WARMUP`` times untimed, then alternately ``repeat`` times each."""
    for _ in range(WARMUP):
        run_once(floor, env, (0,))
        run_once(ours, env, ours_ok)
    floor_ms: list[float] = []
    ours_ms: list[float] = []
    for _ in range(repeat):
        floor_ms.append(run_once(floor, env, (0,)) * 1000)
        ours_ms.append(run_once(ours, env, ours_ok) * 1000)
    floor_median = statistics.median(floor_ms)
    ours_median = statistics.median(ours_ms)
    return {
        "floor_ms": {"median": floor_median, "min": min(floor_ms), "runs": floor_ms},
        "ours_ms": {"median": ours_median, "min": min(ours_ms), "runs": ours_ms},
        "ratio": ours_median / floor_median,
    }


def judge(line: dict[str, Any]) -> None:
    """Add ``target`` (text) and ``met`` to a measured line."""
    if "target_ms" in line:
        line["target"] = f"<= {line['target_ms']:g} ms"
        line["met"] = line["ours_ms"]["median"] <= line["target_ms"]
    else:
        line["target"] = f"<= {line['target_ratio']:g}x"
        line["met"] = line["ratio"] <= line["target_ratio"]


# --------------------------------------------------------------------------------------------
# Output


def git_commit(folder: Path) -> str:
    """The commit of the code measured (the package's folder), with a note when that folder
    has changes not committed; "unknown" outside a git checkout."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} + uncommitted changes" if changed else commit


def print_table(result: dict[str, Any]) -> None:
    print(
        f"python {result['python']}, {result['cpus']} CPUs, commit {result['commit']}, "
        f"median of {result['repeat']} fresh processes after {WARMUP} warm-up runs"
    )
    print(f"one page:  {result['page']}")
    print(f"folder:    {result['folder']}")
    header = f"{'what':<30}{'floor ms':>8}   {'ours ms (median / min)':>22}   {'ratio':>5}   target"
    print(header)
    print("-" * (len(header) + 12))
    for line in result["lines"]:
        ours = line["ours_ms"]
        print(
            f"{line['what']:<30}{line['floor_ms']['median']:>8.1f}   "
            f"{ours['median']:>13.1f} / {ours['min']:>6.1f}   {line['ratio']:>5.1f}   "
            f"{line['target']:<10} {'ok' if line['met'] else 'NOT MET'}"
        )
    met = [line["what"] for line in result["lines"] if line["met"]]
    missed = [line["what"] for line in result["lines"] if not line["met"]]
    summary = f"targets met: {len(met)} of {len(result['lines'])}"
    if missed:
        summary += f"; not met: {', '.join(missed)}"
    print(summary)


def main() -> int:
    parser = argparse.ArgumentParser(description="Start-up benchmark of the CLI (see the doc).")
    parser.add_argument("--repeat", type=int, default=11, help="timed runs per command (11)")
    parser.add_argument("--pdf", type=Path, help="time this file instead of the generated page")
    parser.add_argument(
        "--folder", type=Path, help="time this folder of PDFs instead of examples/bundles"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    folder = (args.folder or EXAMPLE_BUNDLES).resolve()
    files = pdfs_under(folder) if folder.is_dir() else []
    if not files:
        parser.error(f"no PDF under {folder}")
    if args.pdf and not args.pdf.is_file():
        parser.error(f"no such file: {args.pdf}")

    env = bench_env()
    package = compile_package(env)
    with tempfile.TemporaryDirectory(prefix="paimai-bench-check-") as temporary:
        if args.pdf:
            page = args.pdf.resolve()
            page_note = f"{page} ({count_pages([page])} pages)"
        else:
            page = Path(temporary) / "拍卖公告.pdf"
            font = make_announcement_pdf(page)
            kind = "non-embedded CID" if font == "STSong-Light" else "embedded TrueType"
            page_note = f"generated 拍卖公告, {announcement_chars()} characters, font: {kind}"
        pages = count_pages(files)
        check_what = f"check {len(files)} files, {pages} pages"
        page_what = "check 1 page" if not args.pdf else f"check {page.name}"
        extract = "python: pypdfium2 text of every page of"
        plan: list[tuple[str, str, list[str], list[str], dict[str, float]]] = [
            ("--version", "python -c pass", [sys.executable, "-c", "pass"], ["--version"],
             {"target_ms": TARGET_MS["--version"]}),
            ("--help", "python -c pass", [sys.executable, "-c", "pass"], ["--help"],
             {"target_ms": TARGET_MS["--help"]}),
            (page_what, f"{extract} {page}", floor_command([page]), ["check", str(page)],
             {"target_ms": TARGET_MS["page"]}),
            (check_what, f"{extract} every PDF under {folder}", floor_command([folder]),
             ["check", str(folder)], {"target_ratio": TARGET_RATIO}),
        ]  # fmt: skip
        lines = []
        for what, floor_text, floor, paimai_args, target in plan:
            # `paimai check` exits with 1 when it finds problems: no error here
            ours_ok = (0, 1) if paimai_args[0] == "check" else (0,)
            try:
                measured = measure_line(
                    floor, paimai_command(*paimai_args), env, args.repeat, ours_ok
                )
            except CommandFailed as exc:
                print(f"{what}: {exc}", file=sys.stderr)
                print(exc.stderr[-2000:], file=sys.stderr)
                return 1
            line = {
                "what": what,
                "floor": floor_text,
                "ours": " ".join(["paimai", *paimai_args]),
                **target,
                **measured,
            }
            judge(line)
            lines.append(line)
    result = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "commit": git_commit(package),
        "date": time.strftime("%Y-%m-%d"),
        "repeat": args.repeat,
        "warmup": WARMUP,
        "page": page_note,
        "folder": f"{folder} ({len(files)} PDF files, {pages} pages)",
        "lines": lines,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_table(result)
    if args.strict and not all(line["met"] for line in lines):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
