"""Reading .docx files: text, page breaks, and refusal of XML and zip tricks."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from paimai_docs.reading import Limits, read_document
from paimai_docs.reading.bundle import ArchiveProblem
from paimai_docs.reading.docx import DocxProblem, read_docx

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx: content types, the package relationship and ``document_xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def body(xml: str) -> bytes:
    document = f'<w:document xmlns:w="{W}"><w:body>{xml}</w:body></w:document>'
    return ('<?xml version="1.0"?>' + document).encode()


def test_sample_docx_pages_and_table() -> None:
    first, second = read_docx(FIXTURES / "docx_sample.docx")
    assert first.startswith("委托拍卖合同\n")
    assert "保留价\t人民币伍拾万元整\n" in first  # a table row: cells split by tabs
    assert "第一条" not in first and "第一条 拍卖标的" in second


def test_sample_docx_through_the_reader() -> None:
    document = read_document(FIXTURES / "docx_sample.docx")
    assert document.problems == ()
    assert [(p.number, p.source, p.quality) for p in document.pages] == [
        (1, "docx", "ok"),
        (2, "docx", "ok"),
    ]


def test_what_is_not_text() -> None:
    xml = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        "<w:r><w:t>拍卖</w:t></w:r><w:r><w:tab/><w:t>公告</w:t></w:r>"
        "<w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        "<w:r><w:br/><w:t>第二行</w:t></w:r></w:p>"
        '<w:p><w:r><w:br w:type="page"/><w:t>下一页</w:t></w:r></w:p>'
    )
    assert read_docx(docx_with(body(xml))) == ["拍卖\t公告\n第二行\n", "下一页\n"]


def test_nested_table_and_cell_paragraphs() -> None:
    xml = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>乙</w:t></w:r>"
        "</w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl></w:tc></w:tr></w:tbl>"
    )
    (page,) = read_docx(docx_with(body(xml)))
    assert page.startswith("甲 乙\t内")


@pytest.mark.parametrize("name", ["broken_entity_expansion.docx", "broken_external_entity.docx"])
def test_entity_declarations_are_refused(name: str) -> None:
    with pytest.raises(DocxProblem) as caught:
        read_docx(FIXTURES / name)
    assert caught.value.code == "xml_entities"
    document = read_document(FIXTURES / name)
    assert [p.code for p in document.problems] == ["xml_entities"]


def test_a_doctype_in_utf16_is_refused_too() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>'
        f'<w:document xmlns:w="{W}"><w:body/></w:document>'
    )
    with pytest.raises(DocxProblem) as caught:
        read_docx(docx_with(xml.encode("utf-16")))
    assert caught.value.code == "xml_entities"


def test_a_doctype_in_any_part_is_refused() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.invalid/x.dtd"><r/>'
    with pytest.raises(DocxProblem) as caught:
        read_docx(docx_with(body("<w:p/>"), {"customXml/item1.xml": evil}))
    assert caught.value.code == "xml_entities"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"not a zip at all", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "corrupt"),  # an old .doc
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "encrypted",
        ),
        (docx_with(b"<w:document"), "corrupt"),  # XML cut short
    ],
    ids=["empty", "not-zip", "doc", "encrypted", "bad-xml"],
)
def test_broken_docx(data: bytes, code: str) -> None:
    with pytest.raises(DocxProblem) as caught:
        read_docx(data)
    assert caught.value.code == code


def test_missing_main_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "x")
    with pytest.raises(DocxProblem) as caught:
        read_docx(buffer.getvalue())
    assert caught.value.code == "corrupt"


def test_zip_limits_apply_to_docx() -> None:
    bomb = docx_with(body("<w:p/>"), {"word/media/blank.bin": b"\0" * (4 << 20)})
    with pytest.raises(ArchiveProblem) as caught:
        read_docx(bomb)
    assert caught.value.code == "zip_bomb"
    with pytest.raises(ArchiveProblem) as caught:
        read_docx(docx_with(body("<w:p/>")), limits=Limits(max_zip_members=2))
    assert caught.value.code == "zip_too_many_members"
    big = docx_with(body("<w:p/>"), {"word/media/photo.jpg": os.urandom(3 << 20)})
    with pytest.raises(ArchiveProblem) as caught:
        read_docx(big, limits=Limits(max_total_uncompressed_bytes=2 << 20))
    assert caught.value.code == "zip_bomb"


def test_broken_docx_through_the_reader_is_a_problem() -> None:
    document = read_document(FIXTURES / "broken_not_a_zip.docx")
    assert [p.code for p in document.problems] == ["corrupt"]
    assert not document.readable
