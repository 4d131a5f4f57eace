#!/usr/bin/env python
"""Generate the Word templates ``templates/<model_name>.docx``, one per document model.

Run from the repository root::

    python scripts/build_templates.py            # writes templates/
    python scripts/build_templates.py --out DIR  # writes elsewhere (the tests do this)

The templates are generated, never edited by hand, so that every docxtpl tag sits in one Word run
(hand-edited templates get tags split by spell-check and editing history) and so that every
printed label is the field's ``title`` on the model: a label changed there changes here on the next
build, and ``tests/test_templates.py`` fails until the templates are rebuilt. The output is
byte-for-byte reproducible (fixed document properties and zip timestamps).

Layout follows the habits of Chinese official documents (GB/T 9704-2012) where they
fit: A4 paper, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in
bold 二号 (22 pt) centred; letters, reports and announcements in 仿宋 三号 (16 pt) on a
fixed 28 pt line with a two-character first-line indent; section headings 一、二、… in
黑体; page numbers "— 1 —" in 宋体 四号 at the foot. Contracts and forms, which carry
tables, use 宋体 小四 (12 pt); tables use 宋体 五号 (10.5 pt).

Fonts. Word picks the font of Chinese characters from ``w:eastAsia`` only (the theme
default falls back to MS Mincho), so the East-Asian font is set explicitly on the document
defaults, on every style used, and on every run; Latin letters and digits use Times New
Roman (``w:ascii``/``w:hAnsi``). The theme-font attributes are removed because they would
override the explicit names. 宋体 (SimSun), 仿宋 (FangSong) and 黑体 (SimHei) are present
on every Chinese Windows desk; the title's 小标宋 is not, so bold 宋体 stands in for it.
Without these fonts, ``paimai_docs.pdf`` runs LibreOffice with the fontconfig aliases of
``paimai_docs/fonts/aliases.conf``: 宋体 and 仿宋 print in Noto Serif CJK SC, 黑体 in Noto Sans
CJK SC (fonts-noto-cjk); every character prints and the line metrics stay close, but the strokes
are not 宋体's or 仿宋's. Install the Windows fonts where the printout must match Word's.

Prose documents state a boolean as the clause it stands for (or leave the clause out); forms
(备案表, 登记表, 交接书) print tick boxes ☑是　☐否 next to the label. Internal workflow fields
(法院签字审核日期, 需在专业报纸公告, 公示编制日期) are not printed in public notices. The closing
lines and signatures of a document are kept on one page with printed lines before them
(``Builder.sign_off``, ``Builder.keep_previous``), so a page never holds a signature alone. The
templates carry ``paimai-docs`` as their application and no thumbnail; the rendered file gets its
own title, author and times (``paimai_docs.render``).

Template patterns are limited to the docxtpl ones known to work: ``{{ }}`` inside a run,
``{%p if/for %}`` paragraphs, ``{%tr if/for %}`` table rows. Optional values are wrapped in
``{% if x %}`` (or ``is defined`` where zero or False is a real value); required ones are printed
unconditionally, so a missing value is an error at render time, never a blank.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(ROOT))

from paimai_docs.docx_style import (  # noqa: E402
    FANGSONG,
    HEITI,
    SONG,
    add_page_number,
    clean_package,
    set_fonts,
    set_official_page,
    set_official_styles,
)
from paimai_docs.models import (  # noqa: E402
    MODELS,
    Agent,
    AuctionAnnouncement,
    AuctionTranscript,
    BidderRegistration,
    CompletionReport,
    ContractLot,
    DocRef,
    EntrustmentContract,
    FailedAuctionReport,
    JudicialAnnouncement,
    Lot,
    NetJudicialAnnouncement,
    Party,
    PostAuctionFiling,
    PowerOfAttorney,
    PreAuctionFiling,
    SaleConfirmation,
    StateAssetAnnouncement,
    TransactionResultPublicity,
    VehicleDisposalAuthorization,
    VehicleHandover,
    VehicleInfo,
)
from paimai_docs.models.announcement import (  # noqa: E402
    AnnouncementBase,
    NetPublicityItems,
    NetSpecialReminders,
)
from paimai_docs.models.auction_transcript import Bid, TranscriptLot  # noqa: E402
from paimai_docs.models.failed_auction_report import NextStep  # noqa: E402
from paimai_docs.models.sale_confirmation import AuctionSession  # noqa: E402
from paimai_docs.models.vehicle_handover import VehicleDocuments  # noqa: E402

DEFAULT_OUT = ROOT / "templates"


TITLE_SIZE = 22.0  # 二号
TABLE_SIZE = 10.5  # 五号
TEXT_WIDTH_MM = 210 - 28 - 26  # 156 mm between the margins
FORM_ROW_HEIGHT = 20.0  # points (about 7 mm): a form row a clerk can read and write in
LOOP_ROW_HEIGHT = 18.0  # points: rows of lot, bid and attachment lists

# Fixed document properties and zip timestamps make the build reproducible byte for byte.
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# The nine clauses of 拍卖法 art. 44, in the statute's order and wording.
ART44_CLAUSES = (
    "委托人、拍卖人的姓名或者名称、住所",
    "拍卖标的的名称、规格、数量、质量",
    "委托人提出的保留价",
    "拍卖的时间、地点",
    "拍卖标的交付或者转移的时间、方式",
    "佣金及其支付的方式、期限",
    "价款的支付方式、期限",
    "违约责任",
    "双方约定的其他事项",
)
ART30_CLAUSE = "拍卖未成交及中止、终止拍卖"
CN_NUMBERS = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1..99 as written in clause numbers: 一, 十, 十一, 二十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMBERS[tens - 1] + "十")
    return head + (CN_NUMBERS[ones - 1] if ones else "")


def lab(model: type[BaseModel], name: str) -> str:
    """The printed Chinese label of a field: its ``title`` on the model."""
    title = model.model_fields[name].title
    if not title:
        raise ValueError(f"{model.__name__}.{name} has no title")
    return title


def v(expr: str) -> str:
    """A docxtpl placeholder."""
    return "{{ " + expr + " }}"


def lit(text: str) -> str:
    """A Jinja string literal (labels contain no quotes, but be safe)."""
    return json.dumps(text, ensure_ascii=False)


def money_full(expr: str) -> str:
    """An amount in figures with its 大写 form: ¥80,000.00（人民币捌万元整）."""
    return v(f"{expr}|money") + "（" + v(f"{expr}|money_words") + "）"


def docref(expr: str) -> str:
    return v(f"{expr}|docref")


# ------------------------------------------------------------------------------------------
# Low-level formatting


@dataclass(frozen=True)
class Look:
    """The body font of a document kind."""

    font: str
    size: float
    line: float  # exact line pitch in points
    indent: bool  # two-character first-line indent on body paragraphs


OFFICIAL = Look(FANGSONG, 16.0, 28.0, True)  # letters, reports, announcements: 仿宋 三号
FORM = Look(SONG, 12.0, 22.0, True)  # contracts, forms, records: 宋体 小四


class Builder:
    """Builds one template with python-docx; every tag goes into one ``add_run``."""

    def __init__(self, look: Look, title: str) -> None:
        self.look = look
        self.doc = Document()
        self._sections = 0
        self._setup_page()
        self._setup_styles()
        self._setup_footer()
        props = self.doc.core_properties
        props.title = title
        props.author = "paimai-docs"
        props.last_modified_by = "paimai-docs"
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        props.revision = 1
        clean_package(self.doc)  # paimai-docs as the application, no blank thumbnail

    # -- document setup ----------------------------------------------------------------------

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        set_official_page(section)

    def _setup_styles(self) -> None:
        set_official_styles(
            self.doc,
            font=self.look.font,
            size=self.look.size,
            line=self.look.line,
            table_size=TABLE_SIZE,
            latin_language="en-US",
        )

    def _setup_footer(self) -> None:
        """Page number "— 1 —" centred, 宋体 四号 (GB/T 9704 7.5)."""
        add_page_number(self.doc.sections[0].footer.paragraphs[0])

    # -- runs and paragraphs -----------------------------------------------------------------

    def _run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        bold: bool = False,
    ) -> None:
        run = paragraph.add_run(text)
        run.font.size = Pt(size or self.look.size)
        if bold:
            run.font.bold = True
        set_fonts(run._r, font or self.look.font)

    def para(
        self,
        *parts: str,
        align: str = "left",
        indent: bool | None = None,
        font: str | None = None,
        size: float | None = None,
        bold: bool = False,
        before: float = 0,
        after: float = 0,
        keep_next: bool = False,
    ) -> Paragraph:
        """A paragraph whose ``parts`` each become one run (a tag never spans two parts)."""
        paragraph = self.doc.add_paragraph()
        self._format(paragraph, align=align, indent=indent, size=size, before=before, after=after)
        if keep_next:
            paragraph.paragraph_format.keep_with_next = True
        for part in parts:
            if part:
                self._run(paragraph, part, font=font, size=size, bold=bold)
        return paragraph

    def _format(
        self,
        paragraph: Paragraph,
        *,
        align: str = "left",
        indent: bool | None = None,
        size: float | None = None,
        before: float = 0,
        after: float = 0,
        right_indent_chars: float = 0,
    ) -> None:
        fmt = paragraph.paragraph_format
        # Left, not justified: LibreOffice (7.4) drops a line-final 。 in justified zh-CN text,
        # and fixed-width CJK lines look the same either way.
        fmt.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        char = size or self.look.size
        if (self.look.indent if indent is None else indent) and align == "left":
            fmt.first_line_indent = Pt(2 * char)
        if right_indent_chars:
            fmt.right_indent = Pt(right_indent_chars * char)
        if before:
            fmt.space_before = Pt(before)
        if after:
            fmt.space_after = Pt(after)

    def tag(self, text: str) -> None:
        """A paragraph holding only a ``{%p ... %}`` tag; docxtpl removes the paragraph."""
        self.para(text, indent=False)

    @contextmanager
    def when(self, condition: str) -> Iterator[None]:
        self.tag("{%p if " + condition + " %}")
        yield
        self.tag("{%p endif %}")

    @contextmanager
    def each(self, target: str, iterable: str) -> Iterator[None]:
        self.tag("{%p for " + target + " in " + iterable + " %}")
        yield
        self.tag("{%p endfor %}")

    def title(self, text: str) -> None:
        """The document title: bold 宋体 (standing in for 小标宋) 二号, centred."""
        self.para(text, align="center", font=SONG, size=TITLE_SIZE, bold=True, after=self.look.size)

    def subtitle(self, *parts: str, align: str = "center") -> None:
        self.para(*parts, align=align, after=self.look.size / 2)

    def field(self, label: str, *value: str, indent: bool | None = None) -> None:
        """``label：value`` — the label is the model field's title, the value one or more runs."""
        self.para(label + "：", *value, indent=indent)

    def section(self, text: str) -> None:
        """A numbered section heading 一、… in 黑体 (GB/T 9704 first-level heading)."""
        self._sections += 1
        self.para(f"{cn_number(self._sections)}、{text}", font=HEITI, keep_next=True)

    def clause(self, number: int, text: str) -> None:
        """A contract clause heading 第一条 …, in 黑体 and kept with its text."""
        self.para(
            f"第{cn_number(number)}条　{text}",
            font=HEITI,
            indent=False,
            before=self.look.size / 2,
            keep_next=True,
        )

    def sign_lines(self, *lines: str, after_blank: bool = True) -> None:
        """Right-aligned signature and date lines (GB/T 9704: 署名 and 成文日期 at the right).

        The lines stay on one page with each other and with the last printed paragraph before
        them, so a signature never stands alone on a page. Without the blank line before them,
        the first line keeps a one-character gap instead (after a signature table).
        """
        self.keep_previous()
        if after_blank:
            self.para("", indent=False, keep_next=True)
        for number, line in enumerate(lines, 1):
            paragraph = self.doc.add_paragraph()
            before = 0.0 if after_blank or number > 1 else self.look.size
            self._format(paragraph, align="right", right_indent_chars=2, before=before)
            paragraph.paragraph_format.keep_with_next = number < len(lines)
            self._run(paragraph, line)

    def keep_previous(self, *, through_conditionals: bool = True) -> None:
        """Keep the last printed paragraph before this point with what follows.

        ``{%p %}`` tag paragraphs vanish when rendered, and a paragraph inside ``{%p if %}`` may
        vanish with its block, so the walk goes back through conditional blocks until it has
        marked a paragraph with text that is always printed; with ``through_conditionals=False``
        it stops at the first paragraph with text (what follows has printed lines of its own, and
        two long paragraphs kept together may not fit on one page, when the keeping is ignored).
        A table keeps its last row with what follows; the walk stops there when the table is
        always printed and goes on past one inside a conditional block.
        """
        depth = 0
        for element in reversed(list(self.doc.element.body.iterchildren())):
            if element.tag == qn("w:sectPr"):
                continue
            if element.tag != qn("w:p"):
                if element.tag != qn("w:tbl"):
                    return
                rows = element.findall(qn("w:tr"))
                for paragraph in rows[-1].iter(qn("w:p")) if rows else ():
                    Paragraph(paragraph, self.doc._body).paragraph_format.keep_with_next = True
                if depth <= 0:
                    return
                continue
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            if text.startswith("{%p "):
                if text.startswith(("{%p endif", "{%p endfor")):
                    depth += 1
                elif text.startswith(("{%p if", "{%p for")):
                    depth -= 1
                continue
            Paragraph(element, self.doc._body).paragraph_format.keep_with_next = True
            if text and (depth <= 0 or not through_conditionals):
                return

    @contextmanager
    def sign_off(self) -> Iterator[None]:
        """The closing lines of a document (where and when it is published, the issuer's
        details, the time of signing), kept on one page with each other and with the signature
        after them, so that the signature always comes with printed lines of the document.

        The body paragraph before them is free text of any length: kept with them too, a long
        one would make a block longer than a page, and a word processor then ignores the keeping
        and may leave the signature alone after all."""
        with self.kept_together():
            yield

    @contextmanager
    def kept_together(self) -> Iterator[None]:
        """Every paragraph added inside the block keeps with the next one (a party's lines are
        never split across two pages)."""
        start = len(self.doc.paragraphs)
        yield
        for paragraph in self.doc.paragraphs[start:]:
            if not paragraph.text.startswith("{%p "):
                paragraph.paragraph_format.keep_with_next = True

    # -- tables ------------------------------------------------------------------------------

    def _table(self, columns: Sequence[float], *, grid: bool = True) -> Table:
        table = self.doc.add_table(rows=0, cols=len(columns))
        if grid:
            table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        grid_cols = table._tbl.tblGrid.findall(qn("w:gridCol"))
        for col, width in zip(grid_cols, columns, strict=True):
            col.set(qn("w:w"), str(int(Mm(width).twips)))
        return table

    def _row(
        self,
        table: Table,
        columns: Sequence[float],
        cells: Sequence[str | Sequence[str]],
        *,
        align: Sequence[str] | None = None,
        bold: bool = False,
        header: bool = False,
        size: float = TABLE_SIZE,
        font: str = SONG,
        height: float = 0,
        keep: bool = False,
    ) -> None:
        """One table row. Rows never break across pages (``w:cantSplit``) and their text is
        centred vertically; ``height`` is a minimum row height in points (room to write in a
        form), ``keep`` keeps the row on the page of the next one."""
        row = table.add_row()
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if height:
            tr_height = OxmlElement("w:trHeight")
            tr_height.set(qn("w:val"), str(int(Pt(height).twips)))
            tr_height.set(qn("w:hRule"), "atLeast")
            trpr.append(tr_height)
        if header:
            trpr.append(OxmlElement("w:tblHeader"))
        alignment = align or ["left"] * len(cells)
        for index, (cell, content) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = Mm(columns[index])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            fmt.alignment = {
                "left": WD_ALIGN_PARAGRAPH.LEFT,
                "center": WD_ALIGN_PARAGRAPH.CENTER,
            }[alignment[index]]
            if keep:
                fmt.keep_with_next = True
            for part in [content] if isinstance(content, str) else content:
                if part:
                    self._run(paragraph, part, font=font, size=size, bold=bold)

    def _tag_row(self, table: Table, columns: Sequence[float], text: str) -> None:
        """A row holding only a ``{%tr ... %}`` tag; docxtpl removes the row."""
        self._row(table, columns, [text] + [""] * (len(columns) - 1))

    def loop_table(
        self,
        columns: Sequence[float],
        headers: Sequence[str],
        cells: Sequence[str | Sequence[str]],
        loop: str,
        *,
        align: Sequence[str] | None = None,
    ) -> None:
        """A grid table: a bold header row, then one row per item of ``{%tr for loop %}``."""
        table = self._table(columns)
        self._row(
            table,
            columns,
            headers,
            align=["center"] * len(headers),
            bold=True,
            header=True,
            height=LOOP_ROW_HEIGHT,
            keep=True,  # never a header alone at the foot of a page
        )
        self._tag_row(table, columns, "{%tr for " + loop + " %}")
        self._row(table, columns, cells, align=align, height=LOOP_ROW_HEIGHT)
        self._tag_row(table, columns, "{%tr endfor %}")
        self.para("", indent=False)

    def form(self, rows: Sequence[Row], *, columns: Sequence[float] = (46, 110)) -> None:
        """A two-column grid form: label | value; a row with ``when`` is printed only then.

        Rows are tall enough to read and write in, and the form stays on one page (each row
        keeps with the next) unless it is longer than a page."""
        table = self._table(columns)
        for number, row in enumerate(rows, 1):
            if row.when:
                self._tag_row(table, columns, "{%tr if " + row.when + " %}")
            self._row(
                table,
                columns,
                [row.label, list(row.value)],
                align=["center", "left"],
                height=FORM_ROW_HEIGHT,
                keep=number < len(rows),
            )
            if row.when:
                self._tag_row(table, columns, "{%tr endif %}")
        self.para("", indent=False)

    def signature_table(self, left: Sequence[str], right: Sequence[str]) -> None:
        """Two side-by-side signature and seal blocks (no borders).

        Both blocks sit in one table row that cannot break across pages, kept with the last
        printed paragraph before it and with the date line after it."""
        columns = (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2)
        self.keep_previous()
        self.para("", indent=False, keep_next=True)
        table = self._table(columns, grid=False)
        self._row(table, columns, ["", ""], size=self.look.size, font=self.look.font, keep=True)
        for cell, lines in zip(table.rows[-1].cells, (left, right), strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            for number, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                fmt = paragraph.paragraph_format
                fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                fmt.line_spacing = Pt(self.look.line + 6)
                fmt.keep_with_next = True
                if line:
                    self._run(paragraph, line)

    # -- output ------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        return _reproducible_zip(raw.getvalue())


@dataclass(frozen=True)
class Row:
    label: str
    value: Sequence[str]
    when: str | None = None


def row(label: str, *value: str, when: str | None = None) -> Row:
    return Row(label, value, when)


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite the .docx zip with fixed timestamps so the same input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ------------------------------------------------------------------------------------------
# Shared blocks

LOT_TABLE_COLUMNS = (19, 35, 38, 13, 12, 39)  # 标的编号 on one line; room for 规格
ATTACHMENT_COLUMNS = (14, 82, 18, 20, 22)
MATERIAL_COLUMNS = (12, 40, 53, 14, 17, 20)  # 加盖公章 on one line


def party_lines(b: Builder, role: str, var: str) -> None:
    """A party as paragraphs: role：name, 住所, the ID under its own type's name, and the rest;
    kept on one page."""
    with b.kept_together():
        _party_lines(b, role, var)


def _party_lines(b: Builder, role: str, var: str) -> None:
    b.field(role, v(f"{var}.name"))
    b.field(lab(Party, "domicile"), v(f"{var}.domicile"))
    b.para(v(f"{var}.id_type") + "：" + v(f"{var}.id_number"))
    with b.when(f"{var}.legal_representative"):
        b.field(lab(Party, "legal_representative"), v(f"{var}.legal_representative"))
    with b.when(f"{var}.phone"):
        b.field(lab(Party, "phone"), v(f"{var}.phone"))
    with b.when(f"{var}.agent"):
        b.field(lab(Party, "agent"), agent_text(f"{var}.agent"))
    with b.when(f"{var}.power_of_attorney"):
        b.field(lab(Party, "power_of_attorney"), poa_text(f"{var}.power_of_attorney"))
    with b.when(f"{var}.confidentiality_requested"):
        b.para("（" + lab(Party, "confidentiality_requested") + "）")


def agent_text(var: str) -> str:
    return (
        v(f"{var}.name")
        + "，"
        + v(f"{var}.id_type")
        + "："
        + v(f"{var}.id_number")
        + "{% if "
        + var
        + ".phone %}，"
        + lab(Agent, "phone")
        + "："
        + v(f"{var}.phone")
        + "{% endif %}"
    )


def poa_text(var: str) -> str:
    p = PowerOfAttorney
    return (
        f"{lab(p, 'agent_name')}：{v(var + '.agent_name')}；"
        f"{lab(p, 'matters')}：{v(var + '.matters')}；"
        f"{lab(p, 'scope')}：{v(var + '.scope')}"
        f"{{% if {var}.term_start is defined %}}；{lab(p, 'term_start')}："
        f"{v(var + '.term_start|cn_date')}{{% endif %}}"
        f"{{% if {var}.term_end is defined %}}；{lab(p, 'term_end')}："
        f"{v(var + '.term_end|cn_date')}{{% endif %}}"
        f"{{% if {var}.signed_or_sealed %}}；授权委托书{lab(p, 'signed_or_sealed')}"
        f"{{% else %}}；授权委托书尚未签名或盖章{{% endif %}}"
    )


def party_rows(var: str, role: str) -> list[Row]:
    """A party as form rows."""
    return [
        row(role, v(f"{var}.name")),
        row(lab(Party, "party_type"), v(f"{var}.party_type|label")),
        row(lab(Party, "id_type"), v(f"{var}.id_type|label")),
        row(lab(Party, "id_number"), v(f"{var}.id_number")),
        row(lab(Party, "domicile"), v(f"{var}.domicile")),
        row(
            lab(Party, "legal_representative"),
            v(f"{var}.legal_representative"),
            when=f"{var}.legal_representative",
        ),
        row(lab(Party, "phone"), v(f"{var}.phone"), when=f"{var}.phone"),
        row(
            lab(Party, "confidentiality_requested"),
            v(f"{var}.confidentiality_requested|checkbox"),
            when=f"{var}.confidentiality_requested",
        ),
    ]


def vehicle_rows(var: str) -> list[Row]:
    vi = VehicleInfo
    return [
        row(lab(vi, "plate_no"), v(f"{var}.plate_no")),
        row(lab(vi, "registered_owner"), v(f"{var}.registered_owner")),
        row(lab(vi, "vin"), v(f"{var}.vin")),
        row(lab(vi, "engine_no"), v(f"{var}.engine_no")),
        row(lab(vi, "brand_model"), v(f"{var}.brand_model")),
        row(lab(vi, "registration_date"), v(f"{var}.registration_date|cn_date")),
        row(lab(vi, "color"), v(f"{var}.color"), when=f"{var}.color"),
        row(
            lab(vi, "mileage_km"),
            v(f"{var}.mileage_km"),
            when=f"{var}.mileage_km is defined",
        ),
        row(lab(vi, "condition"), v(f"{var}.condition"), when=f"{var}.condition"),
    ]


def vehicle_line(var: str) -> str:
    """A vehicle on one line, for lots that are vehicles."""
    vi = VehicleInfo
    return (
        f"{lab(vi, 'plate_no')}：{v(var + '.plate_no')}；"
        f"{lab(vi, 'registered_owner')}：{v(var + '.registered_owner')}；"
        f"{lab(vi, 'vin')}：{v(var + '.vin')}；"
        f"{lab(vi, 'engine_no')}：{v(var + '.engine_no')}；"
        f"{lab(vi, 'brand_model')}：{v(var + '.brand_model')}；"
        f"{lab(vi, 'registration_date')}：{v(var + '.registration_date|cn_date')}"
        f"{{% if {var}.color %}}；{lab(vi, 'color')}：{v(var + '.color')}{{% endif %}}"
        f"{{% if {var}.mileage_km is defined %}}；{lab(vi, 'mileage_km')}："
        f"{v(var + '.mileage_km')}{{% endif %}}"
        f"{{% if {var}.condition %}}；{lab(vi, 'condition')}：{v(var + '.condition')}{{% endif %}}"
    )


def lot_table(b: Builder, iterable: str = "lots") -> None:
    """The lot list: 标的编号 | 标的名称 | 规格 | 数量 | 单位 | 质量."""
    headers = [lab(Lot, n) for n in ("lot_no", "name", "specification", "quantity", "unit")]
    headers.append(lab(Lot, "quality_condition"))
    b.loop_table(
        LOT_TABLE_COLUMNS,
        headers,
        [
            v("lot.lot_no"),
            v("lot.name"),
            v("lot.specification"),
            v("lot.quantity|number"),
            v("lot.unit"),
            v("lot.quality_condition"),
        ],
        f"lot in {iterable}",
        align=["center", "left", "left", "center", "center", "left"],
    )


def lot_details(
    b: Builder,
    var: str,
    *,
    in_table: bool,
    reserve: str,
    same_as: dict[str, str] | None = None,
) -> None:
    """What a lot table has no room for, one labelled line each.

    ``reserve``: ``"never"`` (the contract states it in its own clause), ``"public"`` (only when
    the reserve is not confidential) or ``"always"``. ``same_as`` maps a lot field to a field of
    the document that states the same thing (the judicial 评估价): the lot's line is printed only
    when its value differs.
    """
    same_as = same_as or {}

    def unless_same(name: str, condition: str) -> str:
        if name not in same_as:
            return condition
        top = same_as[name]
        return f"{condition} and ({top} is not defined or {var}.{name} != {top})"

    L = Lot
    if not in_table:
        b.field(lab(L, "lot_no"), v(f"{var}.lot_no"))
        b.field(lab(L, "name"), v(f"{var}.name"))
        b.field(lab(L, "specification"), v(f"{var}.specification"))
        b.para(
            f"{lab(L, 'quantity')}：",
            v(f"{var}.quantity|number"),
            f"；{lab(L, 'unit')}：",
            v(f"{var}.unit"),
        )
        b.field(lab(L, "quality_condition"), v(f"{var}.quality_condition"))
    else:
        b.para(v(f"{var}.lot_no") + "号标的　" + v(f"{var}.name"), font=HEITI, keep_next=True)
    b.field(lab(L, "property_class"), v(f"{var}.property_class|label"))
    b.field(lab(L, "provenance"), v(f"{var}.provenance"))
    b.field(
        lab(L, "known_defects"),
        "{% if "
        + var
        + ".known_defects %}"
        + v(f'{var}.known_defects|join("；")')
        + "{% else %}无{% endif %}",
    )
    with b.when(f"{var}.encumbrances"):
        b.field(lab(L, "encumbrances"), v(f'{var}.encumbrances|join("；")'))
    with b.when(f"{var}.disclaimer"):
        b.field(lab(L, "disclaimer"), v(f"{var}.disclaimer"))
    with b.when(f"{var}.ownership_proof"):
        b.field(lab(L, "ownership_proof"), docref(f"{var}.ownership_proof"))
    with b.when(f"{var}.approval_docs"):
        b.field(lab(L, "approval_docs"), v(f'{var}.approval_docs|map("docref")|join("；")'))
    with b.when(f"{var}.cultural_relic_permit"):
        b.field(lab(L, "cultural_relic_permit"), docref(f"{var}.cultural_relic_permit"))
    with b.when(unless_same("appraisal_value", f"{var}.appraisal_value is defined")):
        b.field(lab(L, "appraisal_value"), money_full(f"{var}.appraisal_value"))
    with b.when(f"{var}.appraisal_report"):
        b.field(lab(L, "appraisal_report"), docref(f"{var}.appraisal_report"))
    with b.when(f"{var}.appraisal_valid_until is defined"):
        b.field(lab(L, "appraisal_valid_until"), v(f"{var}.appraisal_valid_until|cn_date"))
    with b.when(f"{var}.appraisal_filed_or_approved is defined"):
        b.para(
            f"{{% if {var}.appraisal_filed_or_approved %}}{lab(L, 'appraisal_filed_or_approved')}。"
            "{% else %}评估结果尚未备案或核准。{% endif %}"
        )
    if reserve != "never":
        condition = f"{var}.reserve_price is defined"
        if reserve == "public":
            condition += f" and not {var}.reserve_confidential"
        with b.when(unless_same("reserve_price", condition)):
            b.field(lab(L, "reserve_price"), money_full(f"{var}.reserve_price"))
    with b.when(f"{var}.starting_price is defined"):
        b.field(lab(L, "starting_price"), money_full(f"{var}.starting_price"))
    with b.when(f"{var}.bid_increment is defined"):
        b.field(lab(L, "bid_increment"), money_full(f"{var}.bid_increment"))
    with b.when(f"{var}.perishable"):
        b.para(f"该标的属{lab(L, 'perishable')}物品。")
    with b.when(f"{var}.vehicle"):
        b.field(lab(L, "vehicle"), vehicle_line(f"{var}.vehicle"))


def lots_block(b: Builder, *, reserve: str, same_as: dict[str, str] | None = None) -> None:
    lot_table(b)
    with b.each("lot", "lots"):
        lot_details(b, "lot", in_table=True, reserve=reserve, same_as=same_as)


def materials_table(b: Builder, items: str) -> None:
    """Materials filed with a form: 序号 | 材料 | 材料名称 | 原件 | 复印件 | 加盖公章.

    ``items`` is a Jinja expression giving (label, DocRef) pairs; absent ones are skipped.
    """
    b.loop_table(
        MATERIAL_COLUMNS,
        ["序号", "材料", lab(DocRef, "title"), "原件", "复印件", "加盖公章"],
        [
            v("loop.index"),
            v("label"),
            v("doc.title")
            + "{% if doc.note %}（"
            + v("doc.note")
            + "）{% endif %}{% if doc.file %}（"
            + lab(DocRef, "file")
            + "："
            + v("doc.file")
            + "）{% endif %}",
            v("doc.originals"),
            v("doc.copies"),
            v("doc.sealed|yesno"),
        ],
        f"label, doc in {items} if doc",
        align=["center", "left", "left", "center", "center", "center"],
    )


def pairs(model: type[BaseModel], *names: str) -> str:
    """A Jinja list of (label, value) pairs for single DocRef fields."""
    return "[" + ", ".join(f"({lit(lab(model, n))}, {n})" for n in names) + "]"


def labelled(model: type[BaseModel], name: str) -> str:
    """A list DocRef field as (label, value) pairs."""
    return f"({name}|with_label({lit(lab(model, name))}))"


def attachments_table(b: Builder) -> None:
    """The report's attachment list: 序号 | 材料名称 | 原件 | 复印件 | 加盖公章."""
    b.loop_table(
        ATTACHMENT_COLUMNS,
        ["序号", lab(DocRef, "title"), "原件", "复印件", "加盖公章"],
        [
            v("loop.index"),
            v("item.title")
            + "{% if item.note %}（"
            + v("item.note")
            + "）{% endif %}{% if item.file %}（"
            + lab(DocRef, "file")
            + "："
            + v("item.file")
            + "）{% endif %}",
            v("item.originals"),
            v("item.copies"),
            v("item.sealed|yesno"),
        ],
        "item in attachments",
        align=["center", "left", "center", "center", "center"],
    )


def copies_line(b: Builder, model: type[BaseModel]) -> None:
    b.para(
        f"{lab(model, 'original_count')}：",
        v("original_count"),
        f"份；{lab(model, 'copy_count')}：",
        v("copy_count"),
        "份。",
    )


# ------------------------------------------------------------------------------------------
# The documents


def build_entrustment_contract() -> Builder:
    m = EntrustmentContract
    b = Builder(FORM, m.title)
    b.title(m.title)
    with b.when("contract_no"):
        b.subtitle(f"{lab(m, 'contract_no')}：", v("contract_no"), align="right")
    party_lines(b, lab(m, "consignor") + "（甲方）", "consignor")
    b.para("", indent=False)
    party_lines(b, lab(m, "auctioneer") + "（乙方）", "auctioneer")
    with b.when("auctioneer_licence_no"):
        b.field(lab(m, "auctioneer_licence_no"), v("auctioneer_licence_no"))
    b.para(
        "根据《中华人民共和国拍卖法》《拍卖管理办法》等法律法规的规定，委托人与拍卖人在平等、"
        "自愿、协商一致的基础上，就委托拍卖事宜订立本合同，共同遵守。",
        before=FORM.size / 2,
    )

    b.clause(1, ART44_CLAUSES[0])
    b.field(lab(m, "consignor"), v("consignor.name"), "；住所：", v("consignor.domicile"), "。")
    b.field(lab(m, "auctioneer"), v("auctioneer.name"), "；住所：", v("auctioneer.domicile"), "。")

    b.clause(2, ART44_CLAUSES[1])
    b.para("委托人委托拍卖人拍卖下列标的：")
    lots_block(b, reserve="never")

    b.clause(3, ART44_CLAUSES[2])
    with b.each("lot", "lots"):
        b.para(
            v("lot.lot_no") + "号标的（" + v("lot.name") + "）",
            "{% if lot.reserve_price is defined %}"
            + lab(ContractLot, "reserve_price")
            + "："
            + money_full("lot.reserve_price")
            + "{% if lot.reserve_confidential %}，拍卖人对该保留价负有保密义务"
            + "{% else %}，该保留价无需保密{% endif %}。{% else %}无保留价。{% endif %}",
        )
    b.para(
        "有保留价的标的，最高应价未达到保留价时，该应价不发生效力，拍卖师应当停止拍卖该标的；"
        "无保留价的标的，拍卖师应当在拍卖前予以说明。"
    )

    b.clause(4, ART44_CLAUSES[3])
    b.field(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime"))
    b.field(lab(m, "auction_venue"), v("auction_venue"))

    b.clause(5, ART44_CLAUSES[4])
    b.field(lab(m, "lot_delivery_time"), v("lot_delivery_time"))
    b.field(lab(m, "lot_delivery_method"), v("lot_delivery_method"))

    b.clause(6, ART44_CLAUSES[5])
    b.field(lab(m, "commission_rate_consignor"), "成交价的", v("commission_rate_consignor|percent"))
    b.field(lab(m, "commission_rate_buyer"), "成交价的", v("commission_rate_buyer|percent"))
    b.field(lab(m, "commission_payment_method"), v("commission_payment_method"))
    b.field(lab(m, "commission_payment_deadline"), v("commission_payment_deadline"))

    b.clause(7, ART44_CLAUSES[6])
    b.field(lab(m, "proceeds_payment_method"), v("proceeds_payment_method"))
    b.field(lab(m, "proceeds_payment_deadline"), v("proceeds_payment_deadline"))
    with b.when("deposit_amount is defined"):
        b.field(lab(m, "deposit_amount"), money_full("deposit_amount"))

    b.clause(8, ART44_CLAUSES[7])
    b.field(lab(m, "breach_liability"), v("breach_liability"))

    b.clause(9, ART44_CLAUSES[8])
    b.field(lab(m, "other_terms"), v("other_terms"))
    with b.when("is_state_asset"):
        b.para("本合同的拍卖标的属于国有资产，其拍卖按国有资产处置的有关规定办理。")
    with b.when("termination_date is defined"):
        b.field(lab(m, "termination_date"), v("termination_date|cn_date"))

    b.clause(10, ART30_CLAUSE)
    b.field(lab(m, "unsold_arrangement"), v("unsold_arrangement"))
    with b.when("withdrawal_fee"):
        b.field(lab(m, "withdrawal_fee"), v("withdrawal_fee"))
    # printed last: the signatures are kept with it (an optional clause may vanish)
    b.field(lab(m, "suspension_termination_compensation"), v("suspension_termination_compensation"))

    attachments = (
        "public_auction_qualification",
        "business_licence_copy",
        "legal_rep_id_copy",
        "joint_auction_agreement",
        "disposal_approval_ref",
    )
    with b.when(" or ".join(attachments)):
        b.para("附件：", indent=False, font=HEITI, before=FORM.size / 2, keep_next=True)
        materials_table(b, pairs(m, *attachments))

    b.signature_table(
        [
            lab(m, "consignor") + "（甲方）（盖章）：",
            v("consignor.name"),
            "法定代表人或委托代理人（签字）：",
            "",
        ],
        [
            lab(m, "auctioneer") + "（乙方）（盖章）：",
            v("auctioneer.name"),
            "法定代表人或委托代理人（签字）：",
            "",
        ],
    )
    b.field(lab(m, "signed_date"), v("signed_date|formal_date"), indent=False)
    b.field(lab(m, "signed_place"), v("signed_place"), indent=False)
    return b


def _announcement_head(b: Builder, m: type[AnnouncementBase]) -> None:
    b.title(m.title)
    with b.when("announcement_no"):
        b.subtitle(f"{lab(m, 'announcement_no')}：", v("announcement_no"))


def _announcement_exhibition(b: Builder, m: type[AuctionAnnouncement]) -> None:
    b.section("标的展示")
    b.field(lab(m, "exhibition_start"), v("exhibition_start|cn_date"))
    b.field(lab(m, "exhibition_end"), v("exhibition_end|cn_date"))
    b.field(lab(m, "exhibition_venue"), v("exhibition_venue"))


def _announcement_time_place(b: Builder, m: type[AuctionAnnouncement]) -> None:
    b.section("拍卖时间、地点")
    b.field(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime"))
    b.field(lab(m, "auction_venue"), v("auction_venue"))


def _announcement_tail(b: Builder, m: type[AnnouncementBase], signer: str) -> None:
    """Other matters (last numbered section, optional), media, date, the issuer and signature."""
    with b.when("other_matters"):
        b.section(lab(m, "other_matters"))
        b.para(v("other_matters"))
    with b.sign_off():
        b.para("", indent=False)
        b.field(lab(m, "media"), v('media|join("、")'))
        b.field(lab(m, "publish_date"), v("publish_date|cn_date"))
        _party_lines(b, lab(m, "auctioneer"), "auctioneer")
    b.sign_lines(v(signer), v("publish_date|formal_date"))


def build_announcement() -> Builder:
    m = AuctionAnnouncement
    b = Builder(OFFICIAL, m.title)
    _announcement_head(b, m)
    b.para(
        v("auctioneer.name") + "受委托，将依法公开拍卖下列标的，现将有关事项公告如下：",
    )
    _announcement_time_place(b, m)
    b.section(lab(m, "lots"))
    lots_block(b, reserve="public")
    _announcement_exhibition(b, m)
    b.section(lab(m, "registration_procedure"))
    b.para(v("registration_procedure"))
    _announcement_tail(b, m, "auctioneer.name")
    return b


def build_judicial_announcement() -> Builder:
    m = JudicialAnnouncement
    b = Builder(OFFICIAL, m.title)
    _announcement_head(b, m)
    b.para(
        v("auctioneer.name")
        + "受"
        + v("court_name")
        + "委托，将依法公开拍卖下列标的，现将有关事项公告如下：",
    )
    b.field(lab(m, "court_name"), v("court_name"))
    with b.when("case_no"):
        b.field(lab(m, "case_no"), v("case_no"))
    _announcement_time_place(b, m)
    b.section(lab(m, "lots"))
    lots_block(b, reserve="public", same_as={"appraisal_value": "appraisal_value"})
    b.field(lab(m, "appraisal_value"), money_full("appraisal_value"))
    b.field(lab(m, "appraisal_intro"), v("appraisal_intro"))
    _announcement_exhibition(b, m)
    b.section("竞买保证金")
    b.field(lab(m, "deposit_amount"), money_full("deposit_amount"))
    b.field(lab(m, "deposit_payment_method"), v("deposit_payment_method"))
    b.section(lab(m, "registration_procedure"))
    b.para(v("registration_procedure"))
    b.section("咨询与监督")
    b.field(lab(m, "exchange_phone"), v("exchange_phone"))
    b.field(lab(m, "court_phone"), v("court_phone"))
    b.field(lab(m, "court_supervision_phone"), v("court_supervision_phone"))
    with b.when("exception_reason_offline"):
        b.field(lab(m, "exception_reason_offline"), v("exception_reason_offline"))
    # professional_media_required and court_approval_date are the firm's and the court's
    # workflow, not part of the public text: not printed.
    _announcement_tail(b, m, "auctioneer.name")
    return b


def build_net_judicial_announcement() -> Builder:
    m = NetJudicialAnnouncement
    b = Builder(OFFICIAL, m.title)
    _announcement_head(b, m)
    b.para(
        v("court_name")
        + "将在"
        + v("platform")
        + "上公开拍卖下列财产（"
        + v("round|label")
        + "），现将有关事项公告如下：",
    )
    b.section("拍卖法院与平台")
    b.field(lab(m, "court_name"), v("court_name"))
    with b.when("case_no"):
        b.field(lab(m, "case_no"), v("case_no"))
    b.field(lab(m, "platform"), v("platform"))
    b.field(lab(m, "round"), v("round|label"))
    b.section("竞价时间")
    b.field(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime"))
    b.field(lab(m, "auction_venue"), v("auction_venue"))
    b.field(lab(m, "bidding_start"), v("bidding_start|cn_datetime"))
    b.field(lab(m, "bidding_end"), v("bidding_end|cn_datetime"))
    b.section(lab(m, "lots"))
    lots_block(b, reserve="public", same_as={"appraisal_value": "appraisal_value"})
    b.section("价格与保证金")
    with b.when("appraisal_value is defined"):
        b.field(lab(m, "appraisal_value"), money_full("appraisal_value"))
    b.field(lab(m, "starting_price"), money_full("starting_price"))
    b.field(lab(m, "bid_increment"), money_full("bid_increment"))
    b.field(lab(m, "deposit_amount"), money_full("deposit_amount"))
    b.section(lab(m, "bidder_conditions"))
    b.para(v("bidder_conditions"))
    b.section(lab(m, "known_defects"))
    with b.each("defect", "known_defects"):
        b.para("（" + v("loop.index") + "）" + v("defect"))
    with b.when("not known_defects"):
        b.para("无。")
    b.section(lab(m, "rights_obligations"))
    b.para(v("rights_obligations"))
    b.section(lab(m, "legal_liability"))
    b.para(v("legal_liability"))
    b.section(lab(m, "registration_procedure"))
    b.para(v("registration_procedure"))
    with b.when("exhibition_start is defined"):
        b.field(lab(m, "exhibition_start"), v("exhibition_start|cn_date"))
    with b.when("exhibition_end is defined"):
        b.field(lab(m, "exhibition_end"), v("exhibition_end|cn_date"))
    with b.when("exhibition_venue"):
        b.field(lab(m, "exhibition_venue"), v("exhibition_venue"))
    b.section(lab(m, "publicity_items"))
    pi = NetPublicityItems
    for name in pi.model_fields:
        if pi.model_fields[name].is_required():
            b.field(lab(pi, name), v(f"publicity_items.{name}"))
        else:
            with b.when(f"publicity_items.{name}"):
                b.field(lab(pi, name), v(f"publicity_items.{name}"))
    b.section(lab(m, "special_reminders"))
    sr = NetSpecialReminders
    reminders = (
        "["
        + ", ".join(f"({lit(lab(sr, n))}, special_reminders.{n})" for n in sr.model_fields)
        + "]"
    )
    with b.each("text, stated", reminders + " if stated"):
        b.para("（" + v("loop.index") + "）" + v("text") + "。")
    _announcement_tail(b, m, "court_name")
    return b


def build_state_asset_announcement() -> Builder:
    m = StateAssetAnnouncement
    b = Builder(OFFICIAL, m.title)
    _announcement_head(b, m)
    with b.when("is_reannouncement"):
        b.subtitle("（重新公告）")
    b.para(
        v("auctioneer.name")
        + "受"
        + v("disposing_unit.name")
        + "委托，经批准公开拍卖下列资产，现将有关事项公告如下：",
    )
    b.section(lab(m, "disposing_unit"))
    party_lines(b, lab(m, "disposing_unit"), "disposing_unit")
    b.field(lab(m, "disposal_approval_no"), v("disposal_approval_no"))
    b.field(lab(m, "entry_notice_no"), v("entry_notice_no"))
    _announcement_time_place(b, m)
    b.section(lab(m, "lots"))
    lots_block(
        b,
        reserve="always",
        same_as={"appraisal_value": "appraisal_value", "reserve_price": "reserve_price"},
    )
    b.field(lab(m, "appraisal_value"), money_full("appraisal_value"))
    b.field(lab(m, "appraisal_filing_ref"), v("appraisal_filing_ref"))
    b.field(lab(m, "reserve_price"), money_full("reserve_price"))
    b.section("公告期")
    b.field(lab(m, "announcement_period_start"), v("announcement_period_start|cn_date"))
    b.field(lab(m, "announcement_period_end"), v("announcement_period_end|cn_date"))
    b.section(lab(m, "bidder_conditions"))
    b.para(v("bidder_conditions"))
    _announcement_exhibition(b, m)
    b.section("竞买登记")
    b.field(lab(m, "registration_procedure"), v("registration_procedure"))
    b.field(lab(m, "registration_window"), v("registration_window"))
    b.section("竞买保证金")
    b.field(lab(m, "deposit_amount"), money_full("deposit_amount"))
    b.field(lab(m, "deposit_deadline"), v("deposit_deadline|cn_datetime"))
    b.field(lab(m, "deposit_account"), v("deposit_account"))
    with b.when("other_matters"):
        b.section(lab(m, "other_matters"))
        b.para(v("other_matters"))
    # is_reannouncement prints as the subtitle （重新公告） under the title, or not at all.
    with b.sign_off():
        b.para("", indent=False)
        b.field(lab(m, "media"), v('media|join("、")'))
        b.field(lab(m, "publish_date"), v("publish_date|cn_date"))
        b.field(lab(m, "newspaper_publish_date"), v("newspaper_publish_date|cn_date"))
        b.field(lab(m, "web_publish_date"), v("web_publish_date|cn_date"))
        _party_lines(b, lab(m, "auctioneer"), "auctioneer")
    b.sign_lines(v("auctioneer.name"), v("publish_date|formal_date"))
    return b


def build_pre_auction_filing() -> Builder:
    m = PreAuctionFiling
    b = Builder(FORM, m.title)
    b.title(m.title)
    b.form(
        [
            row(lab(m, "auction_company"), v("auction_company")),
            row(lab(m, "auction_session_name"), v("auction_session_name")),
            row(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime")),
            row(lab(m, "auction_venue"), v("auction_venue")),
            row(lab(m, "auctioneer_name"), v("auctioneer_name")),
            row(lab(m, "auctioneer_cert_no"), v("auctioneer_cert_no")),
            row(lab(m, "announcement_publish_date"), v("announcement_publish_date|cn_date")),
            row(lab(m, "announcement_media"), v('announcement_media|join("、")')),
            row(lab(m, "exhibition_start"), v("exhibition_start|cn_date")),
            row(lab(m, "exhibition_end"), v("exhibition_end|cn_date")),
            row(lab(m, "authorities"), v('authorities|map("label")|join("、")')),
            row(lab(m, "mofcom_session_registered"), v("mofcom_session_registered|checkbox")),
            row(lab(m, "filing_date"), v("filing_date|cn_date")),
        ]
    )
    b.para("报送材料：", indent=False, font=HEITI, keep_next=True)
    items = (
        pairs(
            m,
            "business_licence_copy",
            "auctioneer_cert_copy",
            "newspaper_copy",
            "lot_list",
            "auction_rules",
        )
        + " + "
        + labelled(m, "approval_docs")
        + " + "
        + pairs(m, "entrustment_contract_copy", "joint_auction_agreement_copy", "form_original")
    )
    materials_table(b, items)
    b.sign_lines("拍卖企业（盖章）：" + v("auction_company"), v("filing_date|formal_date"))
    return b


def build_post_auction_filing() -> Builder:
    m = PostAuctionFiling
    b = Builder(FORM, m.title)
    b.title(m.title)
    b.form(
        [
            row(lab(m, "auction_company"), v("auction_company")),
            row(lab(m, "auction_session_name"), v("auction_session_name")),
            row(lab(m, "auction_end_date"), v("auction_end_date|cn_date")),
            row(lab(m, "pre_filing_ref"), v("pre_filing_ref")),
            row(lab(m, "outcome"), v("outcome|label")),
            row(lab(m, "outcome_details"), v("outcome_details"), when="outcome_details"),
            row(lab(m, "filing_date"), v("filing_date|cn_date")),
        ]
    )
    b.para("报送材料：", indent=False, font=HEITI, keep_next=True)
    items = " + ".join(
        [
            pairs(m, "bidder_register_copy"),
            labelled(m, "bidder_id_copies"),
            labelled(m, "buyer_id_copies"),
            pairs(m, "transcript_copy", "video_ref"),
            labelled(m, "confirmation_copies"),
            pairs(m, "sales_list", "form_original"),
        ]
    )
    materials_table(b, items)
    b.sign_lines("拍卖企业（盖章）：" + v("auction_company"), v("filing_date|formal_date"))
    return b


def _report_signature(b: Builder) -> None:
    # The report models carry neither the reporting firm nor a date: both are left for the clerk.
    b.sign_lines("报告单位（盖章）：　　　　　　　　", "　　年　　月　　日")


def build_failed_auction_report() -> Builder:
    m = FailedAuctionReport
    b = Builder(OFFICIAL, m.title)
    b.title(m.title)
    b.para(v("court") + "：", indent=False)
    b.para("受贵院委托，我公司依法对下列标的进行了拍卖，拍卖未能成交。现将有关情况报告如下：")
    b.section("基本情况")
    b.field(lab(m, "case_no"), v("case_no"))
    b.field(lab(m, "lot_refs"), v('lot_refs|join("；")'))
    b.field(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime"))
    b.field(lab(m, "auction_venue"), v("auction_venue"))
    b.para(
        "{% if any_registrant %}本次拍卖有竞买人办理竞买手续。"
        "{% else %}本次拍卖无人办理竞买手续。{% endif %}"
    )
    b.section("流拍原因")
    b.field(lab(m, "failure_reason"), v("failure_reason|label"))
    with b.when("failure_details"):
        b.field(lab(m, "failure_details"), v("failure_details"))
    with b.when("next_step"):
        b.section(lab(m, "next_step"))
        for name in NextStep.model_fields:
            with b.when(f"next_step.{name}"):
                b.field(lab(NextStep, name), v(f"next_step.{name}"))
    b.para(lab(m, "attachments") + "：", indent=False, font=HEITI, before=8, keep_next=True)
    attachments_table(b)
    with b.when("all_copies_sealed"):
        b.para("以上附件的复印件均加盖本公司公章。")
    with b.when("post_filing_form"):
        b.field(lab(m, "post_filing_form"), docref("post_filing_form"))
    copies_line(b, m)
    _report_signature(b)
    b.para("", indent=False)
    b.field(lab(m, "distribution"), v('distribution|join("，")'), indent=False)
    return b


def build_completion_report() -> Builder:
    m = CompletionReport
    b = Builder(OFFICIAL, m.title)
    b.title(m.title)
    with b.when("court"):
        b.para(v("court") + "：", indent=False)
    b.para("我公司受托拍卖的下列标的已拍卖成交，现将有关情况报告如下：")
    b.section("基本情况")
    with b.when("case_no"):
        b.field(lab(m, "case_no"), v("case_no"))
    b.field(lab(m, "lot_refs"), v('lot_refs|join("；")'))
    b.field(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime"))
    b.field(lab(m, "auction_venue"), v("auction_venue"))
    b.para(
        "{% if electronic_bidding %}本次拍卖采用电子竞价方式"
        "{% else %}本次拍卖采用现场竞价方式，未采用电子竞价{% endif %}；"
        "{% if used_agent %}买受人委托代理人竞买。{% else %}买受人本人参加竞买。{% endif %}"
    )
    b.section("成交情况")
    b.field(lab(m, "hammer_price"), money_full("hammer_price"))
    party_lines(b, lab(m, "buyer"), "buyer")
    b.field(lab(m, "buyer_type"), v("buyer_type|label"))
    b.field(lab(m, "payment_voucher"), docref("payment_voucher"))
    b.para(lab(m, "attachments") + "：", indent=False, font=HEITI, before=8, keep_next=True)
    attachments_table(b)
    with b.when("all_copies_sealed"):
        b.para("以上附件的复印件均加盖本公司公章。")
    copies_line(b, m)
    _report_signature(b)
    b.para("", indent=False)
    b.field(lab(m, "distribution"), v('distribution|join("，")'), indent=False)
    return b


def build_sale_confirmation() -> Builder:
    m = SaleConfirmation
    s = AuctionSession
    b = Builder(FORM, m.title)
    b.title(m.title)
    b.subtitle(f"{lab(m, 'confirmation_no')}：", v("confirmation_no"), align="right")
    party_lines(b, lab(m, "auctioneer"), "auctioneer")
    b.para("", indent=False)
    party_lines(b, lab(m, "buyer"), "buyer")
    with b.when("bidder_no"):
        b.field(lab(m, "bidder_no"), v("bidder_no"))
    b.para(
        "买受人在下列拍卖会上以最高应价竞得下列标的，经拍卖人与买受人确认，成交事项如下：",
        before=FORM.size / 2,
    )
    b.section(lab(m, "auction_session"))
    b.field(lab(s, "name"), v("auction_session.name"))
    with b.when("auction_session.session_no"):
        b.field(lab(s, "session_no"), v("auction_session.session_no"))
    b.field(lab(s, "datetime"), v("auction_session.datetime|cn_datetime"))
    b.field(lab(s, "venue"), v("auction_session.venue"))
    b.section(lab(m, "lot"))
    lot_details(b, "lot", in_table=False, reserve="public")
    b.section("成交价款")
    b.field(lab(m, "hammer_price"), money_full("hammer_price"))
    b.field(lab(m, "commission_rate"), v("commission_rate|percent"))
    b.field(lab(m, "commission_amount"), money_full("commission_amount"))
    b.field(lab(m, "total_amount"), v("total_amount|money"))
    b.field(lab(m, "total_amount_words"), v("total_amount_words"))
    with b.when("deposit_applied is defined"):
        b.field(lab(m, "deposit_applied"), money_full("deposit_applied"))
    b.field(lab(m, "balance_due"), money_full("balance_due"))
    b.field(lab(m, "payment_deadline"), v("payment_deadline|cn_date"))
    b.field(lab(m, "payment_account"), v("payment_account"))
    with b.when("payment_account_no"):
        b.field(lab(m, "payment_account_no"), v("payment_account_no"))
    b.section(lab(m, "default_clause"))
    b.para(v("default_clause"))
    with b.when("pickup_place or pickup_deadline is defined or storage_fee_rule"):
        b.section("标的提取")
        with b.when("pickup_place"):
            b.field(lab(m, "pickup_place"), v("pickup_place"))
        with b.when("pickup_deadline is defined"):
            b.field(lab(m, "pickup_deadline"), v("pickup_deadline|cn_date"))
        with b.when("storage_fee_rule"):
            b.field(lab(m, "storage_fee_rule"), v("storage_fee_rule"))
    with b.when("identity_confidential"):
        b.para("买受人要求对其身份保密，拍卖人应当为其保密。")
    with b.when("online_public"):
        b.para("本确认书将在网络拍卖平台公示。")
    with b.sign_off():
        with b.when("parts is defined"):
            b.para("本确认书一式", v("parts"), "联，具有同等效力。")
        b.field(lab(m, "signed_at"), v("signed_at|cn_datetime"))
    b.signature_table(
        [lab(m, "auctioneer") + "（盖章）：", v("auctioneer.name"), "拍卖师（签字）：", ""],
        [lab(m, "buyer") + "（签字或盖章）：", v("buyer.name"), "", ""],
    )
    b.sign_lines(v("signed_at|formal_date"), after_blank=False)
    return b


def build_auction_transcript() -> Builder:
    m = AuctionTranscript
    t = TranscriptLot
    b = Builder(FORM, m.title)
    b.title(m.title)
    b.form(
        [
            row(lab(m, "auction_session_name"), v("auction_session_name")),
            row(lab(m, "auction_datetime"), v("auction_datetime|cn_datetime")),
            row(lab(m, "auction_venue"), v("auction_venue")),
            row(lab(m, "auctioneer_name"), v("auctioneer_name")),
            row(lab(m, "auctioneer_cert_no"), v("auctioneer_cert_no")),
            row(lab(m, "recorder_name"), v("recorder_name")),
        ]
    )
    b.para(
        "{% if rules_announced %}拍卖开始前，拍卖师已宣布拍卖规则和注意事项"
        "{% else %}拍卖开始前，拍卖师未宣布拍卖规则和注意事项{% endif %}"
        "{% if commission_seat_announced is defined %}"
        "{% if commission_seat_announced %}，并已说明委托竞买席的情况"
        "{% else %}，未说明委托竞买席的情况{% endif %}{% endif %}。"
    )
    b.para(lab(m, "lots") + "：", indent=False, font=HEITI, keep_next=True)
    with b.each("lot", "lots"):
        b.para(
            f"{lab(t, 'lot_no')}：",
            v("lot.lot_no"),
            f"　{lab(t, 'name')}：",
            v("lot.name"),
            font=HEITI,
            keep_next=True,
        )
        b.para(
            "{% if lot.has_reserve %}本标的有保留价。{% else %}本标的无保留价"
            "{% if lot.reserve_declared %}，拍卖师已在拍卖前予以说明。"
            "{% else %}，拍卖师未在拍卖前予以说明。{% endif %}{% endif %}"
        )
        b.field(lab(t, "starting_price"), money_full("lot.starting_price"))
        b.field(lab(t, "increment"), money_full("lot.increment"))
        b.para(lab(t, "bids") + "：", "{% if not lot.bids %}无{% endif %}", keep_next=True)
        with b.when("lot.bids"):
            b.loop_table(
                (16, 40, 50, 50),
                ["序号", lab(Bid, "bidder_no"), lab(Bid, "amount"), lab(Bid, "time")],
                [
                    v("loop.index"),
                    v("bid.bidder_no"),
                    v("bid.amount|money"),
                    "{% if bid.time is defined %}" + v("bid.time|cn_datetime") + "{% endif %}",
                ],
                "bid in lot.bids",
                align=["center", "center", "center", "center"],
            )
        with b.when("lot.highest_bid is defined"):
            b.field(lab(t, "highest_bid"), money_full("lot.highest_bid"))
        b.field(lab(t, "result"), v("lot.result|label"))
        with b.when("lot.hammer_time is defined"):
            b.field(lab(t, "hammer_time"), v("lot.hammer_time|cn_datetime"))
        with b.when("lot.buyer_bidder_no"):
            b.field(lab(t, "buyer_bidder_no"), v("lot.buyer_bidder_no"))
        with b.when("lot.preemption_exercised is defined"):
            b.field(
                lab(t, "preemption_exercised"), v('lot.preemption_exercised|yesno("已行使,未行使")')
            )
        # The buyer signs the record of the lot bought (buyer_signed says whether the paper
        # record carries that signature; a fresh printout has a line to sign on).
        with b.when("lot.buyer_bidder_no"):
            b.para(lab(t, "buyer_signed") + "：　　　　　　　　", keep_next=False)
    b.field(
        lab(m, "objections_incidents"),
        "{% if objections_incidents %}"
        + v('objections_incidents|join("；")')
        + "{% else %}无{% endif %}",
    )
    with b.when("suspension_termination"):
        b.field(lab(m, "suspension_termination"), v("suspension_termination"))
    with b.when("video_ref"):
        b.field(lab(m, "video_ref"), docref("video_ref"))
    # auctioneer_signed and recorder_signed say whether the paper record is signed: the printout
    # has the signature lines instead.
    b.signature_table(
        [lab(m, "auctioneer_name") + "（签名）：", v("auctioneer_name")],
        [lab(m, "recorder_name") + "（签名）：", v("recorder_name")],
    )
    b.sign_lines(v("auction_datetime|formal_date"), after_blank=False)
    return b


def build_bidder_registration() -> Builder:
    m = BidderRegistration
    b = Builder(FORM, m.title)
    b.title(m.title)
    rows = [row(lab(m, "bidder_no"), v("bidder_no"))]
    rows += party_rows("bidder", lab(m, "bidder"))
    rows += [
        row(lab(m, "full_civil_capacity"), v("full_civil_capacity|checkbox")),
        row(
            lab(m, "special_qualification"),
            docref("special_qualification"),
            when="special_qualification",
        ),
        row(
            lab(m, "meets_announced_conditions"),
            v("meets_announced_conditions|checkbox"),
            when="meets_announced_conditions is defined",
        ),
        row(lab(m, "agent"), agent_text("agent"), when="agent"),
        row(lab(m, "power_of_attorney"), poa_text("power_of_attorney"), when="power_of_attorney"),
        row(
            lab(m, "agent_confirmed_by_court"),
            v("agent_confirmed_by_court|checkbox"),
            when="agent_confirmed_by_court is defined",
        ),
        row(lab(m, "preemption_holder"), v("preemption_holder|checkbox")),
        row(
            lab(m, "preemption_order"),
            v("preemption_order"),
            when="preemption_order is defined",
        ),
        row(lab(m, "lots_of_interest"), v('lots_of_interest|join("；")')),
        row(lab(m, "deposit_amount"), money_full("deposit_amount")),
        row(lab(m, "deposit_paid_at"), v("deposit_paid_at|cn_datetime")),
        row(lab(m, "deposit_voucher_no"), v("deposit_voucher_no")),
        row(lab(m, "payee_account"), v("payee_account")),
        row(lab(m, "refund_account"), v("refund_account"), when="refund_account"),
        row(lab(m, "registration_datetime"), v("registration_datetime|cn_datetime")),
        row(lab(m, "rules_acknowledged"), v("rules_acknowledged|checkbox")),
        row(lab(m, "defects_acknowledged"), v("defects_acknowledged|checkbox")),
    ]
    b.form(rows)
    b.para(
        "本人（本单位）已阅读并同意拍卖规则、竞买须知，已了解拍卖标的瑕疵，自愿参加竞买，"
        "并保证以上所填内容真实、准确。"
    )
    b.signature_table(
        [lab(m, "bidder") + "（签字或盖章）：", ""],
        ["登记人（签字）：", ""],
    )
    b.sign_lines(v("registration_datetime|formal_date"), after_blank=False)
    return b


def build_vehicle_handover() -> Builder:
    m = VehicleHandover
    d = VehicleDocuments
    b = Builder(FORM, m.title)
    b.title(m.title)
    with b.when("handover_no"):
        b.subtitle(f"{lab(m, 'handover_no')}：", v("handover_no"), align="right")
    party_lines(b, lab(m, "handing_unit"), "handing_unit")
    b.para("", indent=False)
    party_lines(b, lab(m, "receiving_company"), "receiving_company")
    b.para(
        "根据资产处置批复，交车单位将下列车辆及随车证件、物品移交接收单位，双方核对无误，签字确认。",
        before=FORM.size / 2,
    )
    b.field(lab(m, "disposal_approval_ref"), v("disposal_approval_ref"))
    b.section(lab(m, "vehicle"))
    b.form(vehicle_rows("vehicle"))
    b.section(lab(m, "documents"))
    b.form(
        [row(lab(d, name), v(f'documents.{name}|checkbox("有,无")')) for name in d.model_fields],
        columns=(100, 56),
    )
    with b.when("keys_count is defined"):
        b.field(lab(m, "keys_count"), v("keys_count"), "把")
    with b.when("other_items"):
        b.field(lab(m, "other_items"), v('other_items|join("；")'))
    b.section("车辆状况")
    b.field(
        lab(m, "pending_violations_accidents"),
        v('pending_violations_accidents|checkbox("有,无")'),
    )
    b.field(lab(m, "mortgage_or_seizure"), v("mortgage_or_seizure|label"))
    with b.when("parking_location"):
        b.field(lab(m, "parking_location"), v("parking_location"))
    b.field(lab(m, "undertaking"), docref("undertaking"))
    b.field(lab(m, "handover_date"), v("handover_date|cn_date"))
    b.signature_table(
        [lab(m, "handing_unit") + "（盖章）：", v("handing_unit.name"), "经办人（签字）：", ""],
        [
            lab(m, "receiving_company") + "（盖章）：",
            v("receiving_company.name"),
            "经办人（签字）：",
            "",
        ],
    )
    b.sign_lines(v("handover_date|formal_date"), after_blank=False)
    return b


def build_vehicle_disposal_authorization() -> Builder:
    m = VehicleDisposalAuthorization
    b = Builder(OFFICIAL, m.title)
    b.title(m.title)
    party_lines(b, lab(m, "grantee"), "grantee")
    b.para("", indent=False)
    party_lines(b, lab(m, "grantor_mortgagor"), "grantor_mortgagor")
    b.para(
        "授权人（抵押人）以下列车辆作抵押，向贷款银行申请办理下列业务，由被授权人提供担保。"
        "为保障被授权人的权益，授权人（抵押人）特作如下授权：",
    )
    b.field(lab(m, "lender_bank"), v("lender_bank"))
    b.field(lab(m, "financing_product"), v("financing_product"))
    b.section(lab(m, "vehicle"))
    b.form(vehicle_rows("vehicle"))
    b.section("授权条件")
    b.para("授权人（抵押人）出现下列情形之一的，被授权人即可行使本授权书所列权利：")
    b.para("（一）累计逾期还款", v("trigger_cumulative_overdue"), "次的；")
    b.para(
        "（二）连续逾期还款",
        v("trigger_consecutive_overdue"),
        "次的{% if trigger_any_breach %}；{% else %}。{% endif %}",
    )
    with b.when("trigger_any_breach"):
        b.para(f"（三）{lab(m, 'trigger_any_breach')}的。")
    b.section(lab(m, "powers"))
    with b.each("power", "powers"):
        b.para("（" + v("loop.index") + "）" + v("power|label") + "。")
    # The effect of the authorization closes the list of powers (a numbered section of its own
    # would leave a gap in the numbering when neither clause applies).
    with b.when("effective_on_signature or irrevocable"):
        b.para(
            "本授权书"
            "{% if effective_on_signature %}自授权人签字之日起生效{% endif %}"
            "{% if effective_on_signature and irrevocable %}，{% endif %}"
            "{% if irrevocable %}不可撤销{% endif %}。"
        )
    with b.when("legal_warnings"):
        b.section(lab(m, "legal_warnings"))
        with b.each("warning", "legal_warnings"):
            b.para("（" + v("loop.index") + "）" + v("warning"))
    with b.when("co_owner"):
        b.para("", indent=False)
        party_lines(b, lab(m, "co_owner"), "co_owner")
    with b.when("co_owner_statement"):
        b.field(lab(m, "co_owner_statement"), v("co_owner_statement"))
    b.para("授权人（抵押人）已阅读并理解本授权书的全部内容，自愿作出上述授权。")
    b.sign_lines(lab(m, "grantor_mortgagor") + "（签字）：　　　　　　　　")
    with b.when("co_owner"):
        b.sign_lines(lab(m, "co_owner") + "（签字）：　　　　　　　　", after_blank=False)
    b.sign_lines(lab(m, "sign_date") + "：" + v("sign_date|formal_date"), after_blank=False)
    return b


def build_result_publicity() -> Builder:
    m = TransactionResultPublicity
    b = Builder(OFFICIAL, m.title)
    b.title(m.title)
    b.para(
        v("disposing_unit.name")
        + "委托"
        + v("auction_firm.name")
        + "公开拍卖的"
        + v("asset_name")
        + "已确定买受人，现将交易结果公示如下：",
    )
    b.form(
        [
            row(lab(m, "project_name"), v("project_name")),
            row(lab(m, "project_no"), v("project_no")),
            row(lab(m, "disposing_unit"), v("disposing_unit.name")),
            row(lab(m, "auction_firm"), v("auction_firm.name")),
            row(lab(m, "asset_name"), v("asset_name")),
            row(
                lab(m, "appraisal_value"),
                money_full("appraisal_value"),
                when="appraisal_value is defined",
            ),
            row(
                lab(m, "reserve_or_floor"),
                money_full("reserve_or_floor"),
                when="reserve_or_floor is defined",
            ),
            row(lab(m, "transaction_price"), money_full("transaction_price")),
            row(lab(m, "buyer_name"), v("buyer_name")),
            row(lab(m, "auction_date"), v("auction_date|cn_date")),
            row(lab(m, "buyer_determined_date"), v("buyer_determined_date|cn_date")),
            row(lab(m, "published_date"), v("published_date|cn_date")),
            row(lab(m, "publicity_end"), v("publicity_end|cn_date")),
        ]
    )
    b.para(
        "公示期内，对公示结果有异议的，请以书面形式向资产处置方或拍卖机构提出。",
        keep_next=True,  # fixed text, two lines: the closing block keeps with it
    )
    with b.sign_off():
        b.para("", indent=False)
        _party_lines(b, lab(m, "disposing_unit"), "disposing_unit")
        b.para("", indent=False)
        _party_lines(b, lab(m, "auction_firm"), "auction_firm")
    # drafted_date (公示编制日期) is the trading centre's workflow, not public text: it is only
    # tested here (always true: the field is required), so the template still uses every required
    # field; sealed_date is the date under the seal.
    with b.when("drafted_date is defined"):
        b.sign_lines(v("disposing_unit.name") + "（盖章）", v("sealed_date|formal_date"))
    return b


BUILDERS = {
    "entrustment_contract": build_entrustment_contract,
    "announcement": build_announcement,
    "judicial_announcement": build_judicial_announcement,
    "net_judicial_announcement": build_net_judicial_announcement,
    "state_asset_announcement": build_state_asset_announcement,
    "pre_auction_filing": build_pre_auction_filing,
    "post_auction_filing": build_post_auction_filing,
    "failed_auction_report": build_failed_auction_report,
    "completion_report": build_completion_report,
    "sale_confirmation": build_sale_confirmation,
    "auction_transcript": build_auction_transcript,
    "bidder_registration": build_bidder_registration,
    "vehicle_handover": build_vehicle_handover,
    "vehicle_disposal_authorization": build_vehicle_disposal_authorization,
    "result_publicity": build_result_publicity,
}


def template_bytes(model_name: str) -> bytes:
    """The generated template of ``model_name`` as .docx bytes."""
    return BUILDERS[model_name]().to_bytes()


def build(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Write ``<model_name>.docx`` for every registered model into ``out_dir``."""
    missing = sorted(set(MODELS) - set(BUILDERS))
    if missing:
        raise SystemExit(f"no template builder for: {', '.join(missing)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in MODELS:
        path = out_dir / f"{name}.docx"
        path.write_bytes(template_bytes(name))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
