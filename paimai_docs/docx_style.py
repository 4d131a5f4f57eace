"""The Word layout habits every document we write shares (GB/T 9704 where it fits): A4 with
official margins, explicit East-Asian fonts, and the "— 1 —" page number. Used by the template
build script and by the 补正通知书 writer, so both look like one office's papers."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

LATIN_FONT = "Times New Roman"
SONG = "宋体"
FANGSONG = "仿宋"
HEITI = "黑体"
PAGE_NUMBER_SIZE = 14.0  # 四号


def strip_theme_fonts(rfonts: Any) -> None:
    """Remove theme font references from a ``w:rFonts`` (Word prefers them to explicit names)."""
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)


def set_fonts(rpr_owner: Any, east_asia: str) -> None:
    """Latin and East-Asian fonts on an element that has (or can get) a ``w:rPr``; theme fonts
    removed, because Word would prefer them over the explicit names (and LibreOffice ignores a
    font for Chinese text unless ``w:eastAsia`` names it)."""
    rfonts = rpr_owner.get_or_add_rPr().get_or_add_rFonts()
    strip_theme_fonts(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def set_official_page(section: Any) -> None:
    """A4 with the GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; header
    15 mm and footer 25 mm from the edge."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)


def set_official_styles(
    document: Any,
    *,
    font: str,
    size: float,
    line: float,
    table_size: float,
    latin_language: str | None = None,
) -> None:
    """Document defaults and the Normal, Table Grid, Header and Footer styles: ``font`` for
    Chinese (Times New Roman for Latin), zh-CN East-Asian language, exact ``line`` pitch, no
    space after paragraphs, tables and page furniture in 宋体."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    strip_theme_fonts(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), font)
    language = rpr.find(qn("w:lang"))
    language.set(qn("w:eastAsia"), "zh-CN")
    if latin_language:
        language.set(qn("w:val"), latin_language)
    paragraph_defaults = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = paragraph_defaults.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    normal = styles["Normal"]
    normal.font.size = Pt(size)
    set_fonts(normal.element, font)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line)
    fmt.space_after = Pt(0)
    fmt.widow_control = True
    table = styles["Table Grid"]
    table.font.size = Pt(table_size)
    set_fonts(table.element, SONG)
    for name in ("Header", "Footer"):
        set_fonts(styles[name].element, SONG)


def add_page_number(paragraph: Any) -> None:
    """Write the page number "— 1 —" (a PAGE field), centred, 宋体 四号, into ``paragraph``
    (GB/T 9704 7.5)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def run(text: str = "") -> Any:
        r = paragraph.add_run(text)
        r.font.size = Pt(PAGE_NUMBER_SIZE)
        set_fonts(r._r, SONG)
        return r

    def field_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run()._r.append(element)

    run("— ")
    field_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run()._r.append(instruction)
    field_char("separate")
    run("1")
    field_char("end")
    run(" —")


APPLICATION = "paimai-docs"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_EXTENDED = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
)
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
).encode()


def clean_package(document: Any) -> None:
    """Make a python-docx document say who wrote it: the extended (app) properties name
    ``paimai-docs`` instead of the "Microsoft Macintosh Word" of python-docx's default template,
    and the blank thumbnail that template carries is dropped."""
    package = document.part.package
    rels = package.rels
    for key, rel in list(rels.items()):
        if rel.reltype == _THUMBNAIL:
            del rels[key]
        elif rel.reltype == _EXTENDED and not rel.is_external:
            rel.target_part._blob = APP_XML


def set_core_properties(
    document: Any,
    *,
    title: str,
    author: str,
    subject: str = "",
    when: Any,
) -> None:
    """Title, subject, author and times of a python-docx document (``when`` is the creation and
    modification time); the other core properties are emptied, last modified by ``paimai-docs``."""
    fill_core_properties(
        document.core_properties, title=title, author=author, subject=subject, when=when
    )


def fill_core_properties(
    props: Any,
    *,
    title: str,
    author: str,
    subject: str = "",
    when: Any,
) -> None:
    """:func:`set_core_properties` on python-docx's ``CoreProperties`` themselves."""
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = APPLICATION
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.created = when
    props.modified = when
    props.revision = 1
