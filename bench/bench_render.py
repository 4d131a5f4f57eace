"""Rendering benchmark: our ``render_bytes`` against python-docx's own floor, and PDF batching.

    python bench/bench_render.py [--docs 30] [--repeat 5] [--pdf-docs 8] [--no-pdf] [--json]

The document is the entrustment contract of ``examples/entrustment_contract.json`` grown to 20
lots (the two example lots, repeated with their own numbers and names), so that the lot table
has 20 rows and every lot its detail lines.

- floor: python-docx opening the *rendered* .docx and saving it again, in memory — what
  python-docx pays to read and write that document (unzip, parse every XML part, serialise,
  deflate every member at zipfile's default level, the level ``render_bytes`` writes with too);
- ours:  ``render_bytes(model)`` with the shipped template, as a caller uses it: the model's
  rule check, then the template prepared once per template content (docxtpl's XML clean-up, the
  compiled Jinja template, the unchanged parts serialised and compressed:
  ``paimai_docs.docx_template.PreparedTemplate``), Jinja with our strict context and filters,
  one parse and serialisation of the rendered body, the changed parts compressed;
- ours, no rule check: the same with ``allow_findings=True``, for the rendering alone.

Both are timed over ``--docs`` documents, best of ``--repeat`` rounds (the runs alternate within
a round), after one warm-up; the ratio ours/floor is the number to watch (target: at most 1.5×).
Since the parts the data does not change are prepared once per template, rendering can cost less
than the floor, which handles every part of the document every time.

PDF: ``--pdf-docs`` rendered contracts converted with one LibreOffice start
(``convert_to_pdf(all)``) against one start per document (``convert_to_pdf([one])`` in a loop).
Skipped, with the reason, when LibreOffice or a CJK font is missing.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from paimai_docs import pdf  # noqa: E402
from paimai_docs.models import EntrustmentContract  # noqa: E402
from paimai_docs.render import render_bytes  # noqa: E402
from paimai_docs.validation import validate  # noqa: E402

LOTS = 20
TARGET = 1.5  # ours/floor


def contract(lots: int = LOTS) -> EntrustmentContract:
    """The example contract with ``lots`` lots."""
    data: dict[str, Any] = json.loads(
        (ROOT / "examples" / "entrustment_contract.json").read_text(encoding="utf-8")
    )
    base = data["lots"]
    grown = []
    for number in range(1, lots + 1):
        lot = copy.deepcopy(base[(number - 1) % len(base)])
        lot["lot_no"] = str(number)
        lot["name"] = f"{lot['name']}（{number}号）"
        grown.append(lot)
    data["lots"] = grown
    model = validate("entrustment_contract", data)
    assert isinstance(model, EntrustmentContract)
    return model


def best_per_doc(runs: dict[str, Callable[[], object]], docs: int, repeat: int) -> dict[str, float]:
    """Seconds per document of each run: the best of ``repeat`` rounds of ``docs`` calls. The
    runs alternate within each round, so that a busy machine slows them alike."""
    for run in runs.values():
        run()  # warm-up: imports, compiled templates, caches
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            for _ in range(docs):
                run()
            best[name] = min(best[name], (time.perf_counter() - start) / docs)
    return best


def floor(data: bytes) -> Callable[[], object]:
    def run() -> object:
        out = io.BytesIO()
        Document(io.BytesIO(data)).save(out)
        return out

    return run


def page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def pdf_batching(model: EntrustmentContract, docs: int) -> dict[str, Any]:
    data = render_bytes(model)
    with tempfile.TemporaryDirectory(prefix="paimai-bench-") as work:
        folder = Path(work)
        documents = []
        for number in range(1, docs + 1):
            path = folder / f"合同_{number:02d}.docx"
            path.write_bytes(data)
            documents.append(path)
        start = time.perf_counter()
        pdfs = pdf.convert_to_pdf(documents, folder / "batch")
        batch = time.perf_counter() - start
        pages = page_count(pdfs[0])
        start = time.perf_counter()
        for document in documents:
            pdf.convert_to_pdf([document], folder / "single")
        single = time.perf_counter() - start
    return {"docs": docs, "pages": pages, "batch_s": batch, "single_s": single}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=30, help="documents per timed run")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (the best counts)")
    parser.add_argument("--pdf-docs", type=int, default=8, help="documents in the PDF test")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice part")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    model = contract()
    rendered = render_bytes(model)
    runs: dict[str, Callable[[], object]] = {
        "floor": floor(rendered),
        "ours": lambda: render_bytes(model),
        "ours_no_rules": lambda: render_bytes(model, allow_findings=True),
    }
    best = best_per_doc(runs, args.docs, args.repeat)
    floor_s, ours_s, no_rules_s = best["floor"], best["ours"], best["ours_no_rules"]
    results: dict[str, Any] = {
        "document": f"entrustment_contract, {LOTS} lots, {len(rendered) / 1024:.0f} KiB .docx",
        "floor_s_per_doc": floor_s,
        "ours_s_per_doc": ours_s,
        "ours_no_rules_s_per_doc": no_rules_s,
        "ratio": ours_s / floor_s,
        "ratio_no_rules": no_rules_s / floor_s,
        "ours_docs_per_s": 1 / ours_s,
    }
    missing = [] if args.no_pdf else pdf.check_pdf_tools()
    if args.no_pdf:
        results["pdf"] = "skipped (--no-pdf)"
    elif missing:
        results["pdf"] = "skipped: " + "；".join(missing)
    else:
        results["pdf"] = pdf_batching(model, args.pdf_docs)

    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"document: {results['document']}")
    print(f"{'':32}{'s/doc':>10}{'docs/s':>10}{'ratio':>8}")
    lines = [
        ("floor (python-docx open+save)", floor_s),
        ("ours (render_bytes)", ours_s),
        ("ours, no rule check", no_rules_s),
    ]
    for label, seconds in lines:
        print(f"{label:32}{seconds:>10.4f}{1 / seconds:>10.1f}{seconds / floor_s:>7.2f}x")
    verdict = "ok" if results["ratio"] <= TARGET else "ABOVE TARGET"
    print(f"ratio ours/floor: {results['ratio']:.2f}x (target <= {TARGET}x: {verdict})")
    report = results["pdf"]
    if isinstance(report, str):
        print(f"PDF: {report}")
    else:
        docs, batch, single = report["docs"], report["batch_s"], report["single_s"]
        print(f"PDF, {docs} contracts of {report['pages']} pages each:")
        print(f"  one LibreOffice start for all: {batch:6.1f} s  ({batch / docs:.2f} s/doc)")
        print(f"  one start per document:        {single:6.1f} s  ({single / docs:.2f} s/doc)")
        print(f"  batching is {single / batch:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
