"""Reading benchmark: our reader against bare pypdfium2 text extraction of the same pages.

    python bench/bench_reading.py [--repeat 3] [--keep DIR]

Generates text PDFs (reportlab, the STSong-Light CID font; about 1 000 Chinese characters a
page) into a temporary folder, then measures, each in a fresh Python process so that peak
memory is its own:

- floor:  pypdfium2 alone — open each file, ``get_textpage().get_text_range()`` on every page,
          close; nothing else;
- read:   ``read_bundle(folder)`` with the classifier and the fact extractor replaced by
          stubs: the reader itself (workers started for the call, isolation, text, quality,
          normalisation);
- cold:   ``read_bundle(folder)`` — worker processes started for the call, reading,
          normalisation, kind, facts; what one ``paimai inspect`` run costs;
- warm:   the same through a ``BundleReader`` whose workers are already running (a service
          that checks bundle after bundle);
- inline: the same in the calling process, without isolation (what isolation costs), also
          after a first, untimed read.

Times are the best of ``--repeat`` runs; ratios are to the floor of the same run. Peak RSS is
the largest resident size of the measuring process and of any worker process. A second table
splits the time of the 500-page file by stage (in one process, no isolation), so that it is
clear which stage to make faster. See README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {"20x5": (20, 5), "1x50": (1, 50), "1x500": (1, 500)}
MODES = ("floor", "read", "cold", "warm", "inline")
TRUETYPE_FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("C:/Windows/Fonts/simhei.ttf"),
]
LINES = [
    "受某市中级人民法院委托，本公司定于2026年10月9日上午9时30分在本公司拍卖厅公开拍卖下列标的：",
    "一、拍卖标的：某市某区某路18号住宅一套，建筑面积98.5平方米，现状拍卖。",
    "二、参考价：人民币壹佰贰拾万元整（¥1,200,000.00），竞买保证金人民币贰拾万元整。",
    "三、展示时间：2026年9月28日至2026年10月8日，地点为标的现场，请预约看样。",
    "四、报名：竞买人须于2026年10月8日17时前持有效证件办理竞买登记手续。",
    "五、联系电话：0373-3512345；监督电话：12368。特此公告。",
]


# --------------------------------------------------------------------------------------------
# Generating the PDFs


def register_font() -> str:
    """An embedded TrueType CJK font, as Word and WPS exports have (pdfium reads such a page in
    about half a millisecond); else reportlab's non-embedded STSong-Light, for which pdfium
    substitutes a system font on every page (about 9 ms a page) — both columns slow down."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    for path in TRUETYPE_FONTS:
        if path.is_file():
            kwargs = {"subfontIndex": 0} if path.suffix == ".ttc" else {}
            pdfmetrics.registerFont(TTFont("BenchCJK", str(path), **kwargs))
            return "BenchCJK"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def make_pdf(path: Path, pages: int, font: str) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    c = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        c.setFont(font, 10.5)
        c.drawString(60, 800, "拍卖公告" if number == 1 else f"第 {number} 页")
        y = 780.0
        for row in range(36):
            line = LINES[(row + number) % len(LINES)]
            c.drawString(50, y, line[:44])
            y -= 20
        c.showPage()
    c.save()


def generate(base: Path) -> tuple[dict[str, Path], str]:
    font = register_font()
    folders = {}
    for name, (files, pages) in SCENARIOS.items():
        folder = base / name
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(files):
            target = folder / f"doc{index:02d}.pdf"
            if not target.exists():
                make_pdf(target, pages, font)
        folders[name] = folder
    return folders, font


# --------------------------------------------------------------------------------------------
# One measurement (in its own process)


def floor(folder: Path) -> int:
    import pypdfium2 as pdfium

    chars = 0
    for path in sorted(folder.glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        pdf.close()
    return chars


def stub_pipeline() -> None:
    """Replace the classifier and the fact extractor in this process (the reader is told to
    run them here, not in its workers)."""
    import importlib

    for module, name, stub in (
        ("classify", "classify", lambda pages, normalized=False: ("unknown", 0.0, None)),
        ("facts", "extract_facts", lambda pages, kind=None: []),
    ):
        with contextlib.suppress(ModuleNotFoundError):  # not written yet: nothing to stub
            setattr(importlib.import_module(f"paimai_docs.reading.{module}"), name, stub)


def ours(folder: Path, mode: str) -> tuple[float, int]:
    from paimai_docs.reading import BundleReader

    if mode == "read":
        stub_pipeline()
    isolation = "inline" if mode == "inline" else "process"
    with BundleReader(isolation=isolation, understand_in_workers=mode != "read") as reader:
        if mode in ("warm", "inline"):
            # Start the workers; load the dictionaries, the classifier, the fact extractor and
            # the models its labels come from (cold pays for all of it).
            reader.read_bundle(folder)
        started = time.perf_counter()
        bundle = reader.read_bundle(folder)
        seconds = time.perf_counter() - started
    if any(document.problems for document in bundle.documents) or bundle.problems:
        raise SystemExit(f"problems reading {folder}")
    return seconds, sum(len(page.text) for d in bundle.documents for page in d.pages)


def stages(folder: Path) -> dict[str, Any]:
    """Seconds per stage for the files of ``folder``, in this process."""
    import pypdfium2 as pdfium

    from paimai_docs.reading.pdf import classify_quality
    from paimai_docs.reading.understand import classify_pages as _classify
    from paimai_docs.reading.understand import facts_of as _extract_facts

    normalize = _normalizer()
    # Load what the stages load on first use (dictionaries, models, label tables), untimed.
    warm = normalize("預熱")
    _extract_facts([(1, "預熱", warm)], _classify([warm])[0])
    texts: list[str] = []
    started = time.perf_counter()
    for path in sorted(folder.glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        pdf.close()
    seconds = {"extract": time.perf_counter() - started}
    started = time.perf_counter()
    for text in texts:
        classify_quality(text)
    seconds["quality"] = time.perf_counter() - started
    started = time.perf_counter()
    normalized = [normalize(text) for text in texts]
    seconds["normalize"] = time.perf_counter() - started
    started = time.perf_counter()
    kind = _classify(normalized)[0]
    seconds["classify"] = time.perf_counter() - started
    rows = [(n, t, m) for n, (t, m) in enumerate(zip(texts, normalized, strict=True), 1)]
    started = time.perf_counter()
    _extract_facts(rows, kind)
    seconds["facts"] = time.perf_counter() - started
    return {"pages": len(texts), **seconds}


def _normalizer() -> Any:
    from paimai_docs.reading._worker import _normalizer as reader_normalizer

    return reader_normalizer()


def measure(mode: str, folder: Path) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    if mode == "stages":
        return stages(folder)
    if mode == "floor":
        import pypdfium2  # noqa: F401 - import before timing, as "ours" does

        started = time.perf_counter()
        chars = floor(folder)
        seconds = time.perf_counter() - started
    else:
        import paimai_docs.reading  # noqa: F401

        seconds, chars = ours(folder, mode)
    scale = 1 if sys.platform == "darwin" else 1024
    return {
        "seconds": seconds,
        "chars": chars,
        "rss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale,
        "rss_workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale,
    }


# --------------------------------------------------------------------------------------------
# The table


def run_one(mode: str, folder: Path) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", mode, str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    result: dict[str, Any] = json.loads(output)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="Reading benchmark (see the module doc).")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    parser.add_argument("--measure", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return 0
    with tempfile.TemporaryDirectory(prefix="paimai-bench-") as temporary:
        base = args.keep or Path(temporary)
        folders, font = generate(base)
        kind = "non-embedded CID" if font == "STSong-Light" else "embedded TrueType"
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, best of {args.repeat}, "
            f"font: {kind}"
        )
        header = (
            f"{'bundle':<8}{'pages':>6}{'floor s':>9}{'read s':>9}{'×':>6}{'cold s':>9}{'×':>6}"
            f"{'warm s':>9}{'×':>6}{'inline s':>10}{'×':>6}"
            "   peak RSS MiB: floor / read / cold / worker"
        )
        print(header)
        print("-" * len(header))
        for name, folder in folders.items():
            files, pages = SCENARIOS[name]
            best: dict[str, dict[str, Any]] = {}
            for _ in range(args.repeat):
                for mode in MODES:
                    result = run_one(mode, folder)
                    if mode not in best or result["seconds"] < best[mode]["seconds"]:
                        best[mode] = result
            base_seconds = best["floor"]["seconds"]

            def cell(mode: str, best: dict[str, Any] = best, base: float = base_seconds) -> str:
                seconds = best[mode]["seconds"]
                return f"{seconds:>9.3f}{seconds / base:>6.1f}"

            mib = 1 << 20
            print(
                f"{name:<8}{files * pages:>6}{base_seconds:>9.3f}{cell('read')}{cell('cold')}"
                f"{cell('warm')}{cell('inline'):>16}   {best['floor']['rss_self'] // mib} / "
                f"{best['read']['rss_self'] // mib} / {best['cold']['rss_self'] // mib} / "
                f"{best['cold']['rss_workers'] // mib}"
            )
        result = min(
            (run_one("stages", folders["1x500"]) for _ in range(args.repeat)),
            key=lambda r: sum(v for k, v in r.items() if k != "pages"),
        )
        pages = result.pop("pages")
        print(f"\nms per page, by stage ({pages} pages, one process):")
        print(
            "  ".join(f"{stage} {seconds * 1000 / pages:.2f}" for stage, seconds in result.items())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
