"""The shipped Word templates: generated, up to date, each tag in one run, A4 with CJK fonts."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from docx import Document
from docx.shared import Mm
from lxml import etree

from paimai_docs.models import MODELS
from paimai_docs.render import find_split_tags

from .conftest import ROOT
from .test_rendered_prose import not_labelled

TEMPLATES = ROOT / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "scripts" / "build_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _text(path: Path) -> str:
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def test_every_model_has_a_builder_and_a_template(builder: ModuleType) -> None:
    assert set(builder.BUILDERS) == set(MODELS)
    for name in MODELS:
        assert (TEMPLATES / f"{name}.docx").is_file(), name


@pytest.mark.parametrize("name", list(MODELS))
def test_committed_template_is_up_to_date(builder: ModuleType, name: str) -> None:
    fresh = _parts(builder.template_bytes(name))
    committed = _parts((TEMPLATES / f"{name}.docx").read_bytes())
    assert fresh.keys() == committed.keys()
    stale = [part for part in fresh if fresh[part] != committed[part]]
    assert not stale, f"{name}.docx is stale ({stale}); run python scripts/build_templates.py"


def test_build_is_reproducible(builder: ModuleType) -> None:
    assert builder.template_bytes("announcement") == builder.template_bytes("announcement")


@pytest.mark.parametrize("name", list(MODELS))
def test_every_tag_sits_in_one_run(name: str) -> None:
    path = TEMPLATES / f"{name}.docx"
    assert find_split_tags(path) == []
    # and the scan is not vacuous: the template has tags, every one inside a single w:t
    root = etree.fromstring(_parts(path.read_bytes())["word/document.xml"])
    texts = [t.text or "" for t in root.iter(f"{W}t")]
    assert sum(len(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", t)) for t in texts) > 10


def test_split_tag_finder_catches_a_split_tag(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("委托人：{{ consignor.")
    paragraph.add_run("name }}")
    document.add_paragraph("{{ fine }}")
    ok = document.add_paragraph()
    ok.add_run("{% if x %}")
    ok.add_run("{{ x }}{% endif %}")
    document.add_paragraph("{{ never closed")
    path = tmp_path / "split.docx"
    document.save(str(path))
    found = find_split_tags(path)
    assert [p.paragraph for p in found] == [1, 4]
    assert "consignor" in found[0].text


@pytest.mark.parametrize("name", list(MODELS))
def test_a4_page_gbt9704_margins_and_east_asian_fonts(name: str) -> None:
    path = TEMPLATES / f"{name}.docx"
    section = Document(str(path)).sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m / Mm(1)) for m in margins] == [37, 35, 28, 26]

    parts = _parts(path.read_bytes())
    styles = etree.fromstring(parts["word/styles.xml"])
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None and defaults.get(f"{W}eastAsia") in ("宋体", "仿宋")
    assert defaults.get(f"{W}eastAsiaTheme") is None  # a theme font would override it
    normal = styles.find(f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}rFonts")
    assert normal is not None and normal.get(f"{W}eastAsia") in ("宋体", "仿宋")
    assert normal.get(f"{W}ascii") == "Times New Roman"

    body = etree.fromstring(parts["word/document.xml"])
    runs = list(body.iter(f"{W}r"))
    assert runs
    for run in runs:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}eastAsia") in ("宋体", "仿宋", "黑体")


def test_contract_has_the_nine_statutory_clauses_in_order(builder: ModuleType) -> None:
    text = _text(TEMPLATES / "entrustment_contract.docx")
    positions = []
    for number, clause in enumerate(builder.ART44_CLAUSES, 1):
        heading = f"第{builder.cn_number(number)}条　{clause}"
        assert heading in text, heading
        positions.append(text.index(heading))
    assert positions == sorted(positions)
    art30 = "第十条　" + builder.ART30_CLAUSE
    assert text.index(art30) > positions[-1]
    assert "{%tr for lot in lots %}" in text


@pytest.mark.parametrize("name", ["failed_auction_report", "completion_report"])
def test_reports_have_the_attachment_table(name: str) -> None:
    document = Document(str(TEMPLATES / f"{name}.docx"))
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["序号", "材料名称", "原件", "复印件", "加盖公章"] in headers


@pytest.mark.parametrize("name", list(MODELS))
def test_template_prints_the_title_and_labels_from_the_model(name: str) -> None:
    model = MODELS[name]
    text = _text(TEMPLATES / f"{name}.docx")
    assert model.title in text
    required = [f for f, info in model.model_fields.items() if info.is_required()]
    printed = [f for f in required if model.model_fields[f].title in text]
    # Every required field's label is printed (the report salutations print the court bare;
    # booleans stated as clauses and internal fields print no label).
    unlabelled = set(required) - set(printed) - not_labelled(name)
    assert unlabelled <= {"court"}, unlabelled
