"""The prepared template (paimai_docs.docx_template.PreparedTemplate) that rendering goes
through: the same .docx as docxtpl and python-docx write, part for part; different data give
different documents from one prepared template; a template changed on disk is prepared again."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Mm
from docxtpl import DocxTemplate

from paimai_docs.docx_style import clean_package, fill_core_properties, set_core_properties
from paimai_docs.docx_template import STRICT_ENV, PreparedTemplate
from paimai_docs.models import MODELS, DocumentModel
from paimai_docs.render import (
    _AbsentStrict,
    _context,
    _Pass,
    document_properties,
    render_bytes,
)
from paimai_docs.resources import template_path
from paimai_docs.validation import validate

from .conftest import load_example

WHEN = dt.datetime(2026, 12, 7, 10, 11, 12, tzinfo=dt.timezone.utc)
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def context(model: DocumentModel) -> dict[str, Any]:
    return _context(model, _Pass(type(model), _AbsentStrict))


def with_docxtpl(data: bytes, model: DocumentModel) -> bytes:
    """The .docx as rendering made it before the prepared template: docxtpl's own template
    (not our subclass), our properties and package clean-up, python-docx's save."""
    template = DocxTemplate(io.BytesIO(data))
    template.render(context(model), jinja_env=STRICT_ENV)
    set_core_properties(template.docx, when=WHEN, **document_properties(model))
    clean_package(template.docx)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def prepared(data: bytes, model: DocumentModel) -> bytes:
    template = PreparedTemplate.of(data)
    rendered = template.render(context(model), STRICT_ENV)
    fill_core_properties(rendered.core_properties, when=WHEN, **document_properties(model))
    return template.docx(rendered)


def assert_same_package(ours: bytes, theirs: bytes) -> None:
    """Every member the same, in the same order, compressed the same way (the zip timestamps
    are the time of writing and may differ)."""
    with zipfile.ZipFile(io.BytesIO(ours)) as a, zipfile.ZipFile(io.BytesIO(theirs)) as b:
        assert a.testzip() is None
        assert a.namelist() == b.namelist()
        for x, y in zip(a.infolist(), b.infolist(), strict=True):
            fields = (
                "compress_type",
                "flag_bits",
                "external_attr",
                "create_system",
                "create_version",
                "extract_version",
                "CRC",
                "file_size",
                "compress_size",
                "extra",
                "comment",
            )
            assert [getattr(x, f) for f in fields] == [getattr(y, f) for f in fields], x.filename
            assert a.read(x) == b.read(y), x.filename


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + b"\x10\x80\xf0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def odd_template() -> bytes:
    """A template with what the shipped ones lack: headers and a footer with tags, two
    sections, pictures (drawing ids), columns made by ``{%tc for %}``, templated core
    properties, python-docx's default thumbnail, and a footnote rendered once per section."""
    document = Document()
    document.core_properties.title = "{{ contract_no }}"
    document.core_properties.identifier = "{{ contract_no }}-id"
    first = document.sections[0]
    first.header.paragraphs[0].text = "页眉 {{ contract_no }}"
    first.footer.paragraphs[0].text = "页脚 {{ auctioneer.name }}"
    document.add_paragraph("合同编号：{{ contract_no }}；其他：{{ other_terms }}；空白：____")
    document.add_picture(io.BytesIO(png(4, 3)), width=Mm(10))
    document.add_paragraph("{%p for lot in lots %}")
    document.add_paragraph("第{{ lot.lot_no }}项 {{ lot.name }} {{ lot.starting_price|money }}")
    document.add_paragraph("{%p endfor %}")
    table = document.add_table(rows=2, cols=4)
    rows = [("序号", "{{ lot.lot_no }}"), ("名称", "{{ lot.name }}")]
    for row, (label, value) in enumerate(rows):
        cells = table.rows[row].cells
        cells[0].text, cells[1].text = label, "{%tc for lot in lots %}"
        cells[2].text, cells[3].text = value, "{%tc endfor %}"
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "第二节 {{ auction_venue }}"
    document.add_picture(io.BytesIO(png(5, 5)), width=Mm(12))
    out = io.BytesIO()
    document.save(out)

    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="1"><w:p><w:r><w:t>脚注 {{ contract_no }} '
        '{{ "{" }}{{ "{ contract_no }" }}{{ "}" }}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()
    relationship = (
        b'<Relationship Id="rId99" Target="footnotes.xml" Type="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/relationships/footnotes"/></Relationships>'
    )
    override = f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES}"/></Types>'
    edited = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
        zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", relationship)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode())
            target.writestr(info.filename, data)
        target.writestr("word/footnotes.xml", footnotes)
    return edited.getvalue()


def contract(**changes: Any) -> DocumentModel:
    data = load_example("entrustment_contract")
    data.update(changes)
    return validate("entrustment_contract", data)


def document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_shipped_template_renders_as_docxtpl_does(name: str) -> None:
    data = template_path(name).read_bytes()
    model = validate(name, load_example(name))
    assert_same_package(prepared(data, model), with_docxtpl(data, model))


def test_odd_template_renders_as_docxtpl_does() -> None:
    data = odd_template()
    model = contract(other_terms="甲\n乙\t丙 {_{x}_} & <z> ____")
    ours = prepared(data, model)
    assert_same_package(ours, with_docxtpl(data, model))
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        names = archive.namelist()
        footnote = archive.read("word/footnotes.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    body = document_xml(ours)
    assert "docProps/thumbnail.jpeg" not in names
    assert 'docPr id="1001"' in body and 'docPr id="1002"' in body  # renumbered as docxtpl does
    assert body.count("<w:gridCol ") == 3  # one label column and one per lot
    # docxtpl renders footnotes once per section: the second time over the first result
    if hasattr(DocxTemplate, "render_footnotes"):
        assert "脚注 HD-WT-2026-118 HD-WT-2026-118" in footnote
    assert "<dc:identifier>HD-WT-2026-118-id</dc:identifier>" in core


def test_different_data_from_one_prepared_template() -> None:
    first = contract(contract_no="HT-甲-001", signed_place="甲地")
    second = contract(contract_no="HT-乙-002", signed_place="乙地")
    a, b, a_again = render_bytes(first), render_bytes(second), render_bytes(first)
    assert "HT-甲-001" in document_xml(a) and "HT-乙-002" not in document_xml(a)
    assert "HT-乙-002" in document_xml(b) and "HT-甲-001" not in document_xml(b)
    assert "乙地" in document_xml(b) and "乙地" not in document_xml(a)
    assert document_xml(a_again) == document_xml(a)
    data = template_path("entrustment_contract").read_bytes()
    assert PreparedTemplate.of(data) is PreparedTemplate.of(data)  # prepared once


def test_changed_template_on_disk_is_prepared_again(tmp_path: Path) -> None:
    shipped = template_path("entrustment_contract").read_bytes()
    path = tmp_path / "合同.docx"
    path.write_bytes(shipped)
    model = contract()
    before = render_bytes(model, template=path)
    assert "委托拍卖合同" in document_xml(before)

    edited = io.BytesIO()  # the same template with its title changed, same size or not
    with (
        zipfile.ZipFile(io.BytesIO(shipped)) as source,
        zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8").replace("委托拍卖合同", "委托拍卖协议书")
                data = text.encode("utf-8")
            target.writestr(info, data)
    path.write_bytes(edited.getvalue())
    after = render_bytes(model, template=path)
    assert "委托拍卖协议书" in document_xml(after)
    assert "委托拍卖合同" not in document_xml(after)


def test_prepared_templates_are_bounded() -> None:
    data = template_path("entrustment_contract").read_bytes()
    for number in range(PreparedTemplate._CACHE_SIZE + 3):
        PreparedTemplate.of(data + b"\0" * number)  # trailing bytes: a valid zip, a new key
    assert len(PreparedTemplate._cache) <= PreparedTemplate._CACHE_SIZE
