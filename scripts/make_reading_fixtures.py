"""Generate the PDF, .docx and .zip fixtures of the reader's tests (tests/fixtures/reading/).

    python scripts/make_reading_fixtures.py [--out tests/fixtures/reading]

Needs reportlab (the ``test`` extra), python-docx and Pillow. A variant whose font is not
installed is skipped with a message, and the tests of that variant skip. The output is
deterministic (reportlab's invariant mode, fixed zip timestamps), so regenerating changes no
byte unless this script changes. Every text is invented; names, numbers and phone numbers are
examples (138 0013 8000 is the classic test number).
"""

from __future__ import annotations

import argparse
import io
import random
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "reading"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

WQY_ZENHEI = [
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("C:/Windows/Fonts/simhei.ttf"),
]
# For the scanned page's image: any font with Chinese glyphs that Pillow can load.
IMAGE_FONTS = [
    *WQY_ZENHEI,
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/System/Library/Fonts/PingFang.ttc"),
]

ANNOUNCEMENT = [
    "拍卖公告",
    "受某市中级人民法院委托，本公司定于2026年10月9日上午9时30分在本公司拍卖厅公开拍卖下列标的：",
    "一、拍卖标的：某市某区某路18号住宅一套，建筑面积98.5平方米。",
    "二、参考价：人民币壹佰贰拾万元整（¥1,200,000.00）。",
    "三、竞买保证金：人民币贰拾万元整（¥200,000.00），须于2026年10月8日17时前交至指定账户。",
    "四、展示时间：2026年9月28日至2026年10月8日。",
    "五、报名地点：某市某路88号本公司业务部。",
    "联系电话：0373-3512345，13800138000",
    "监督电话：12368",
]
ANNOUNCEMENT_PAGE_2 = [
    "六、竞买须知",
    "竞买人应持有效身份证件办理竞买登记，并签署竞买协议。",
    "标的以现状拍卖，拍卖人不承担瑕疵担保责任。",
    "某某拍卖有限公司",
    "2026年9月20日",
]
CONTRACT = [
    "委托拍卖合同",
    "委托人：某市某某贸易有限公司",
    "拍卖人：某某拍卖有限公司",
    "第一条 拍卖标的：二手机器设备一批，详见清单。",
    "第二条 保留价：人民币伍拾万元整（¥500,000.00）。",
    "第三条 拍卖时间：2026年11月20日上午10时。",
    "第四条 佣金：成交价的百分之五。",
    "第五条 价款结算：拍卖成交后十五日内。",
]
VEHICLE = [
    "車輛處置授權書",
    "本人茲授權某某拍賣有限公司處置下列車輛：",
    "車輛品牌型號：某某牌小型轎車",
    "車牌號碼：豫A12345",
    "授權期限：自2026年3月1日起至2026年6月30日止。",
    "授權人（簽字）：王某某",
    "2026年3月1日",
]
CONFIRMATION = [
    "拍卖成交确认书",
    "买受人：李某某",
    "成交价：人民币壹佰万元整（¥1,000,000.00）",
    "成交时间：2026年10月9日",
]
SCANNED_LINES = ["拍卖成交确认书", "买受人：李某某", "成交价：壹佰万元整"]


def _wrap(lines: Sequence[str], width: int = 38) -> list[str]:
    out: list[str] = []
    for line in lines:
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return out


def _first(paths: Sequence[Path]) -> Path | None:
    return next((path for path in paths if path.is_file()), None)


# --------------------------------------------------------------------------------------------
# PDFs with reportlab


def _canvas(buffer: io.BytesIO, **kwargs: Any) -> Any:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1  # no timestamps, a fixed document ID
    return canvas.Canvas(buffer, pagesize=A4, **kwargs)


def _text_pdf(font: str, pages: Sequence[Sequence[str]], **kwargs: Any) -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer, **kwargs)
    for lines in pages:
        c.setFont(font, 12)
        y = 780.0
        for line in _wrap(lines):
            c.drawString(60, y, line)
            y -= 22
        c.showPage()
    c.save()
    return buffer.getvalue()


def _cid_font(name: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def cid_stsong_announcement() -> bytes:
    """Non-embedded CID font (STSong-Light, Adobe-GB1): readers need their own CMaps."""
    return _text_pdf(_cid_font("STSong-Light"), [ANNOUNCEMENT, ANNOUNCEMENT_PAGE_2])


def cid_msung_traditional_vehicle() -> bytes:
    """Traditional script, non-embedded CID font (MSung-Light, Adobe-CNS1)."""
    return _text_pdf(_cid_font("MSung-Light"), [VEHICLE])


def truetype_wqy_contract() -> bytes | None:
    """Embedded (subset) TrueType font: WenQuanYi Zen Hei."""
    path = _first(WQY_ZENHEI)
    if path is None:
        return None
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    kwargs = {"subfontIndex": 0} if path.suffix == ".ttc" else {}
    pdfmetrics.registerFont(TTFont("WQYZenHei", str(path), **kwargs))
    return _text_pdf("WQYZenHei", [CONTRACT])


def encrypted() -> bytes:
    """A user password is needed to open it."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption("secret", ownerPassword="owner", strength=128)
    return _text_pdf(_cid_font("STSong-Light"), [CONFIRMATION], encrypt=enc)


def owner_password_only() -> bytes:
    """Encrypted with an empty user password (copying forbidden): opens without a password."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption("", ownerPassword="owner", canCopy=0, strength=128)
    return _text_pdf(_cid_font("STSong-Light"), [CONFIRMATION], encrypt=enc)


def scanned_mixed() -> bytes:
    """Page 1 has a text layer; page 2 is an image only (a scan), with Chinese text drawn in it
    (what OCR should read; bars instead when no Chinese font is installed)."""
    font_path = _first(IMAGE_FONTS)
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (620, 877), 255)  # A4 at 75 dpi: small, still legible when scaled
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(SCANNED_LINES):
        if font_path is None:
            draw.rectangle((60, 80 + row * 56, 60 + 28 * len(line), 108 + row * 56), fill=0)
        else:
            font = ImageFont.truetype(str(font_path), 28)
            draw.text((60, 80 + row * 56), line, fill=0, font=font)
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.setFont(_cid_font("STSong-Light"), 12)
    y = 780.0
    for line in _wrap(ANNOUNCEMENT[:4]):
        c.drawString(60, y, line)
        y -= 22
    c.showPage()
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# PDFs written by hand (shapes reportlab will not produce)


def _pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF from numbered objects (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_HELLO = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"


def _page(extra: bytes = b"", contents: bytes = b"5 0 R") -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents " + contents + b" " + extra + b" >>"
    )


def page_tree_loop() -> bytes:
    """The page tree contains itself and claims a million pages; no page can be loaded."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 6 0 R] /Count 1000000 >>",
            _page(),
            _HELVETICA,
            _stream(_HELLO),
            b"<< /Type /Pages /Kids [2 0 R 6 0 R] /Count 1000000 /Parent 2 0 R >>",
        ]
    )


def _deflate_of_spaces(total_mib: int) -> bytes:
    """A zlib stream of ``total_mib`` MiB of spaces, built without compressing them all: after a
    full flush the compressor forgets its history, so each further MiB compresses to the same
    bytes, which are repeated."""
    chunk = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = compressor.flush()
    adler = 1
    for _ in range(total_mib):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + first + repeated * (total_mib - 1) + final + adler.to_bytes(4, "big")


def decompression_bomb() -> bytes:
    """A 10 KiB file whose content stream inflates (Flate twice) to 4 GiB of spaces."""
    inner = _deflate_of_spaces(4096)
    outer = zlib.compress(inner, 9)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(contents=b"[6 0 R 5 0 R]"),
            _HELVETICA,
            _stream(_HELLO),
            _stream(outer, b"/Filter [/FlateDecode /FlateDecode]"),
        ]
    )


def deep_nesting() -> bytes:
    """Absurd nesting: a 2000-deep dictionary in the page, a content stream with a million
    nested arrays and 100 000 nested graphics states, and a form that draws itself."""
    nested_dict = b"<< /A " * 2000 + b"1" + b" >>" * 2000
    content = b"q " * 100_000 + b"[" * 1_000_000 + b"]" * 1_000_000 + b" /X Do " + _HELLO
    content += b" Q" * 100_000
    form = _stream(
        b"/X Do " + _HELLO,
        b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >>",
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> "
            b"/Contents 5 0 R /Junk " + nested_dict + b" >>",
            _HELVETICA,
            _stream(zlib.compress(content, 9), b"/Filter /FlateDecode"),
            form,
        ]
    )


def _cff_index(items: Sequence[bytes]) -> bytes:
    if not items:
        return b"\x00\x00"
    offsets = [1]
    for item in items:
        offsets.append(offsets[-1] + len(item))
    head = len(items).to_bytes(2, "big") + b"\x04"
    return head + b"".join(o.to_bytes(4, "big") for o in offsets) + b"".join(items)


def _cff_number(value: int) -> bytes:
    return b"\x1c" + value.to_bytes(2, "big", signed=True)  # shortint


def _cff_offset(value: int) -> bytes:
    return b"\x1d" + value.to_bytes(4, "big", signed=True)  # longint, fixed size


def _cff_font(name: str, glyph_names: Sequence[str]) -> bytes:
    """A minimal CFF (Type1C) font: every glyph a square, named ``uniXXXX``, with a built-in
    encoding mapping codes 1..n to them. The names are all a reader has to find Unicode."""
    n = _cff_number
    square = (
        n(100) + n(0) + b"\x15"  # rmoveto
        + n(800) + n(0) + b"\x05"  # rlineto
        + n(0) + n(800) + b"\x05"
        + n(-800) + n(0) + b"\x05"
        + b"\x0e"  # endchar
    )  # fmt: skip
    charstrings = _cff_index([b"\x0e", *([square] * len(glyph_names))])
    charset = b"\x00" + b"".join((391 + i).to_bytes(2, "big") for i in range(len(glyph_names)))
    encoding = bytes([0, len(glyph_names), *range(1, len(glyph_names) + 1)])
    private = n(1000) + b"\x14"  # defaultWidthX
    header = b"\x01\x00\x04\x04"
    names = _cff_index([name.encode()])
    strings = _cff_index([g.encode() for g in glyph_names])
    global_subrs = _cff_index([])

    def top(charset_at: int, encoding_at: int, charstrings_at: int, private_at: int) -> bytes:
        return (
            _cff_offset(charset_at) + b"\x0f"
            + _cff_offset(encoding_at) + b"\x10"
            + _cff_offset(charstrings_at) + b"\x11"
            + _cff_offset(len(private)) + _cff_offset(private_at) + b"\x12"
        )  # fmt: skip

    top_size = len(_cff_index([top(0, 0, 0, 0)]))
    charset_at = len(header) + len(names) + top_size + len(strings) + len(global_subrs)
    encoding_at = charset_at + len(charset)
    charstrings_at = encoding_at + len(encoding)
    private_at = charstrings_at + len(charstrings)
    top_dict = _cff_index([top(charset_at, encoding_at, charstrings_at, private_at)])
    return (
        header + names + top_dict + strings + global_subrs + charset + encoding + charstrings
        + private
    )  # fmt: skip


def cff_type1c_no_tounicode() -> bytes:
    """Embedded CFF (Type1C) font, no ToUnicode map, no /Encoding: the only way to Unicode is
    the font program's own encoding and glyph names. pdfminer returns ``(cid:N)`` here."""
    lines = ["拍卖公告：拍卖时间二〇二六年十月九日上午九时", "竞买保证金人民币贰拾万元整"]
    chars = sorted(set("".join(lines)))
    if len(chars) > 250:
        raise ValueError("a simple font holds at most 255 codes")
    codes = {char: index + 1 for index, char in enumerate(chars)}
    font = _cff_font("PaimaiBox", [f"uni{ord(char):04X}" for char in chars])
    content = b"BT /F1 20 Tf 50 760 Td 24 TL"
    for line in lines:
        raw = bytes(codes[char] for char in line)
        escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        content += b" (" + escaped + b") Tj T*"
    content += b" ET"
    widths = b" ".join(b"1000" for _ in chars)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /PAIMAI+PaimaiBox /FirstChar 1 "
            b"/LastChar %d /Widths [%s] /FontDescriptor 6 0 R >>" % (len(chars), widths),
            _stream(content),
            b"<< /Type /FontDescriptor /FontName /PAIMAI+PaimaiBox /Flags 4 "
            b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -100 "
            b"/CapHeight 800 /StemV 80 /FontFile3 7 0 R >>",
            _stream(zlib.compress(font, 9), b"/Subtype /Type1C /Filter /FlateDecode"),
        ]
    )


def corrupt() -> bytes:
    """A PDF header followed by noise."""
    return b"%PDF-1.7\n" + random.Random(20260101).randbytes(2048)


def not_a_pdf() -> bytes:
    """A text file with a .pdf name."""
    return "这不是 PDF 文件，只是改了扩展名的文本。\n".encode()


# --------------------------------------------------------------------------------------------
# .docx


def _fixed_zip(entries: Sequence[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if isinstance(name, zipfile.ZipInfo):
                info = name
            else:
                info = zipfile.ZipInfo(name, FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same zip with fixed timestamps (python-docx stamps the current time), some members
    replaced."""
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(i.filename, replace.get(i.filename, source.read(i))) for i in source.infolist()]
    return _fixed_zip(entries)


def docx_sample() -> bytes:
    """Two pages (split at an explicit page break), with a table on the first."""
    import datetime as dt

    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.core_properties.created = dt.datetime(2026, 1, 1)
    document.core_properties.modified = dt.datetime(2026, 1, 1)
    document.core_properties.last_printed = dt.datetime(2026, 1, 1)
    for line in CONTRACT[:3]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "保留价"
    table.cell(0, 1).text = "人民币伍拾万元整"
    table.cell(1, 0).text = "拍卖时间"
    table.cell(1, 1).text = "2026年11月20日上午10时"
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for line in CONTRACT[3:]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return _rezip(buffer.getvalue())


_BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""

_EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:styleId="x"><w:name w:val="&xxe;"/></w:style></w:styles>
"""


def docx_entity_expansion() -> bytes:
    """document.xml declares entities that expand to 10^9 "lol"s (billion laughs)."""
    return _rezip(docx_sample(), {"word/document.xml": _BILLION_LAUGHS})


def docx_external_entity() -> bytes:
    """styles.xml declares an external entity pointing at /etc/passwd (XXE)."""
    return _rezip(docx_sample(), {"word/styles.xml": _EXTERNAL_ENTITY})


def docx_not_a_zip() -> bytes:
    """A .docx name on bytes that are not a zip."""
    return b"This is not a Word document." * 10


# --------------------------------------------------------------------------------------------
# Zips


def _small_pdf() -> bytes:
    return cff_type1c_no_tounicode()


class _RawNameInfo(zipfile.ZipInfo):
    """A member whose name is written as given bytes, without the UTF-8 flag (as Chinese
    Windows tools write GBK names)."""

    raw_name: bytes = b""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile's own name
        return self.raw_name, self.flag_bits & ~0x800


def _raw_name(raw: bytes) -> zipfile.ZipInfo:
    info = _RawNameInfo(raw.decode("cp437"), FIXED_TIME)
    info.raw_name = raw
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def zip_gbk_names() -> bytes:
    """GBK names without the UTF-8 flag, a GBK folder, and one UTF-8 name with the flag."""
    pdf = _small_pdf()
    return _fixed_zip(
        [
            (_raw_name("委托拍卖合同.pdf".encode("gbk")), pdf),
            (_raw_name("公告/拍卖公告.pdf".encode("gbk")), pdf),
            ("成交确认书.pdf", pdf),
        ]
    )


def zip_unsafe_paths() -> bytes:
    """../ and absolute names, a drive-letter name, a symbolic link, and one safe member."""
    pdf = _small_pdf()
    link = zipfile.ZipInfo("link.pdf", FIXED_TIME)
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    return _fixed_zip(
        [
            ("../escape.pdf", pdf),
            ("/tmp/absolute.pdf", pdf),
            (_raw_name(b"C:\\Windows\\drive.pdf"), pdf),
            (link, b"../../../../etc/passwd"),
            ("ok/公告.pdf", pdf),
        ]
    )


def zip_bomb() -> bytes:
    """One member that inflates 1000-fold (16 MiB of spaces from ~16 KiB)."""
    return _fixed_zip([("bomb.pdf", b"%PDF-1.7\n" + b" " * (16 << 20))])


def zip_nested() -> bytes:
    """A zip in a zip (read with the default depth of 1) holding a zip (not read)."""
    pdf = _small_pdf()
    deeper = _fixed_zip([("too_deep.pdf", pdf)])
    inner = _fixed_zip([("合同.pdf", pdf), ("deeper.zip", deeper)])
    return _fixed_zip([("inner.zip", inner), ("top.pdf", pdf)])


# --------------------------------------------------------------------------------------------

FIXTURES: dict[str, Callable[[], bytes | None]] = {
    "cid_stsong_announcement.pdf": cid_stsong_announcement,
    "cid_msung_traditional_vehicle.pdf": cid_msung_traditional_vehicle,
    "truetype_wqy_contract.pdf": truetype_wqy_contract,
    "cff_type1c_no_tounicode.pdf": cff_type1c_no_tounicode,
    "scanned_mixed.pdf": scanned_mixed,
    "owner_password_only.pdf": owner_password_only,
    "docx_sample.docx": docx_sample,
    "broken_encrypted.pdf": encrypted,
    "broken_corrupt.pdf": corrupt,
    "broken_truncated.pdf": lambda: cid_stsong_announcement()[:1500],
    "broken_empty.pdf": lambda: b"",
    "broken_not_a_pdf.pdf": not_a_pdf,
    "broken_page_tree_loop.pdf": page_tree_loop,
    "broken_decompression_bomb.pdf": decompression_bomb,
    "broken_deep_nesting.pdf": deep_nesting,
    "broken_entity_expansion.docx": docx_entity_expansion,
    "broken_external_entity.docx": docx_external_entity,
    "broken_not_a_zip.docx": docx_not_a_zip,
    "zip_gbk_names.zip": zip_gbk_names,
    "zip_unsafe_paths.zip": zip_unsafe_paths,
    "zip_bomb.zip": zip_bomb,
    "zip_nested.zip": zip_nested,
}


def _readme(written: dict[str, int], skipped: list[str]) -> str:
    lines = [
        "# Reader fixtures",
        "",
        "Generated by `python scripts/make_reading_fixtures.py`; do not edit by hand.",
        "",
        "| file | bytes | what it shows |",
        "|---|---:|---|",
    ]
    for name, size in written.items():
        doc = (FIXTURES[name].__doc__ or "").strip().split("\n\n")[0]
        doc = " ".join(doc.split()) or {
            "broken_truncated.pdf": "The first 1500 bytes of cid_stsong_announcement.pdf.",
            "broken_empty.pdf": "Zero bytes.",
        }.get(name, "")
        lines.append(f"| `{name}` | {size} | {doc} |")
    if skipped:
        lines += ["", "Skipped (font not installed): " + ", ".join(skipped)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    skipped: list[str] = []
    for name, make in FIXTURES.items():
        data = make()
        if data is None:
            print(f"skipped {name}: its font is not installed", file=sys.stderr)
            skipped.append(name)
            (args.out / name).unlink(missing_ok=True)
            continue
        (args.out / name).write_bytes(data)
        written[name] = len(data)
    (args.out / "README.md").write_text(_readme(written, skipped), encoding="utf-8")
    total = sum(written.values())
    print(f"{len(written)} fixtures, {total / 1024:.0f} KiB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
