"""PDF output through LibreOffice (skipped with a reason when LibreOffice or a CJK font is
missing; CI installs both)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from paimai_docs import pdf
from paimai_docs.commands import render as render_command
from paimai_docs.models import MODELS, Party, SaleConfirmation
from paimai_docs.render import render_many
from paimai_docs.validation import validate
from paimai_docs.values.dates import formal_date, format_date, format_datetime
from paimai_docs.values.money import format_amount, to_words
from paimai_docs.values.percent import format_percent

from .conftest import load_example
from .test_rendered_prose import INTERNAL, not_labelled

missing = pdf.check_pdf_tools()
needs_libreoffice = pytest.mark.skipif(bool(missing), reason="；".join(missing) or "ok")


def _docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.name = "Noto Serif CJK SC"
    document.save(str(path))
    return path


def test_missing_tools_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "cjk_fonts", lambda: [])
    problems = pdf.check_pdf_tools()
    assert len(problems) == 2
    assert "LibreOffice" in problems[0] and "fonts-noto-cjk" in problems[1]
    with pytest.raises(pdf.PdfToolMissing, match="LibreOffice"):
        pdf.convert_to_pdf([Path("x.docx")])


@pytest.mark.libreoffice
@needs_libreoffice
def test_batch_conversion_keeps_chinese_text(tmp_path: Path) -> None:
    import pypdfium2

    first = _docx(tmp_path / "合同 一.docx", "委托拍卖合同：保留价人民币捌万元整 & <测试>")
    second = _docx(tmp_path / "公告.docx", "拍卖公告：展示时间2026年12月14日至16日")
    out = tmp_path / "pdf"
    pdfs = pdf.convert_to_pdf([first, second], out)
    assert [p.name for p in pdfs] == ["合同 一.pdf", "公告.pdf"]
    texts = []
    for path in pdfs:
        document = pypdfium2.PdfDocument(str(path))
        texts.append(document[0].get_textpage().get_text_range())
        document.close()
    # LibreOffice's PDF text layer puts spaces between CJK and Latin runs; compare without them.
    flat = [text.replace(" ", "") for text in texts]
    assert "保留价人民币捌万元整&<测试>" in flat[0]
    assert "展示时间2026年12月14日至16日" in flat[1]
    # never overwrite without being asked
    before = pdfs[0].read_bytes()
    with pytest.raises(pdf.PdfConversionFailed, match="已存在"):
        pdf.convert_to_pdf([first], out)
    assert pdfs[0].read_bytes() == before
    assert pdf.convert_to_pdf([first], out, overwrite=True) == [pdfs[0]]


# ------------------------------------------------------------------------------------------
# Every example as a PDF, and ``paimai render --pdf``

HOSTILE_NAME = 'A&B <拍卖> "引号" 有限公司'


def _flat(text: str) -> str:
    """PDF text without the spaces and line breaks LibreOffice's text layer inserts (between
    CJK and Latin runs, at line ends) and without the page numbers ``— 2 —``."""
    return re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))


def _pdf_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _producer(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return str(document.get_metadata_dict().get("Producer", ""))
    finally:
        document.close()


def _printed_forms(value: Any) -> set[str]:
    """The ways a template prints a top-level value (empty when it is not a short scalar)."""
    if isinstance(value, Enum):
        return {str(getattr(value, "label", value))}
    if isinstance(value, dt.datetime):
        return {format_datetime(value), formal_date(value)}
    if isinstance(value, dt.date):
        return {format_date(value), formal_date(value)}
    if isinstance(value, bool):
        return set()
    if isinstance(value, Decimal):
        forms = {format(value.normalize(), "f"), format_amount(value), to_words(value)}
        return forms | ({format_percent(value)} if value <= 1 else set())
    if isinstance(value, (int, str)) and len(str(value)) <= 40:
        return {str(value)}
    return set()


@pytest.fixture(scope="module")
def example_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Path]]:
    """Every example rendered and converted with a single LibreOffice start, plus a contract
    whose names hold ``& < > "``."""
    if missing:
        pytest.skip("；".join(missing))
    out = tmp_path_factory.mktemp("examples")
    models = {name: validate(name, load_example(name)) for name in MODELS}
    hostile = load_example("entrustment_contract")
    hostile["consignor"]["name"] = HOSTILE_NAME
    hostile["auction_venue"] = "拍卖厅 <A&B> 3 号"
    models["hostile_contract"] = validate("entrustment_contract", hostile)
    documents = render_many(list(models.values()), out, names=list(models))
    start = time.perf_counter()
    pdfs = pdf.convert_to_pdf(documents)  # one LibreOffice start for the whole batch
    elapsed = time.perf_counter() - start
    assert elapsed < 120, f"converting {len(pdfs)} documents took {elapsed:.0f} s"
    return {name: (models[name], path) for name, path in zip(models, pdfs, strict=True)}


@pytest.mark.libreoffice
@needs_libreoffice
@pytest.mark.parametrize("name", list(MODELS))
def test_every_example_converts_to_a_pdf_with_its_labels_and_values(
    example_pdfs: dict[str, tuple[Any, Path]], name: str
) -> None:
    model, path = example_pdfs[name]
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert "LibreOffice" in _producer(path)
    text = _flat(_pdf_text(path))
    assert "(cid:" not in text and "\ufffd" not in text
    assert type(model).title in text
    lost = []
    for field, info in type(model).model_fields.items():
        value = getattr(model, field)
        # the reports address the court in the salutation, without its label
        label_printed = field == "court" or (info.title or "") in text
        if info.is_required() and not label_printed and field not in not_labelled(name):
            lost.append(("label", field, info.title))
        if field in INTERNAL.get(name, set()) - {"sealed_date"}:
            continue  # not printed in a public notice
        forms = _printed_forms(value)
        if isinstance(value, Party):
            forms = {value.name}
        if forms and not any(_flat(form) in text for form in forms):
            lost.append(("value", field, sorted(forms)))
    assert not lost, lost


@pytest.mark.libreoffice
@needs_libreoffice
def test_hostile_text_survives_into_the_pdf(example_pdfs: dict[str, tuple[Any, Path]]) -> None:
    _, path = example_pdfs["hostile_contract"]
    assert "LibreOffice" in _producer(path)
    text = _flat(_pdf_text(path))
    assert _flat(f"委托人（甲方）：{HOSTILE_NAME}") in text
    assert _flat("拍卖地点：拍卖厅 <A&B> 3 号") in text


# The first line of each kind's closing block (the issuer's lines, the signatures, the date); the
# last occurrence counts.
SIGN_OFF = {
    "entrustment_contract": "委托人（甲方）（盖章）",
    "announcement": "拍卖人：",
    "judicial_announcement": "拍卖人：",
    "net_judicial_announcement": "拍卖人：",
    "state_asset_announcement": "拍卖人：",
    "pre_auction_filing": "拍卖企业（盖章）",
    "post_auction_filing": "拍卖企业（盖章）",
    "failed_auction_report": "报告单位（盖章）",
    "completion_report": "报告单位（盖章）",
    "sale_confirmation": "拍卖人（盖章）",
    "auction_transcript": "拍卖师（签名）",
    "bidder_registration": "竞买人（签字或盖章）",
    "vehicle_handover": "交车单位（盖章）",
    "vehicle_disposal_authorization": "授权人（抵押人）（签字）",
    "result_publicity": "资产处置方：",
}


def _page_texts(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [_flat(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()


def _signature_is_not_alone(path: Path, marker: str) -> tuple[bool, str]:
    """Whether the last page holds the closing block and, before it, text of the body."""
    last = _page_texts(path)[-1]
    at = last.rfind(_flat(marker))
    return at >= 0 and len(last[:at]) >= 10, last


def test_sign_off_markers_cover_every_kind() -> None:
    assert set(SIGN_OFF) == set(MODELS)


@pytest.mark.libreoffice
@needs_libreoffice
@pytest.mark.parametrize("name", list(MODELS))
def test_the_signature_is_kept_with_the_text_before_it(
    example_pdfs: dict[str, tuple[Any, Path]], name: str
) -> None:
    _, path = example_pdfs[name]
    ok, last = _signature_is_not_alone(path, SIGN_OFF[name])
    assert ok, f"the last page holds only the closing block: {last}"


@pytest.mark.libreoffice
@needs_libreoffice
def test_the_signature_is_kept_with_the_text_before_it_at_any_length(tmp_path: Path) -> None:
    """The closing block never lands alone on a page, however long the text before it is: the
    last section grows a line at a time across a page break."""
    models = []
    names = []
    for name, field in (
        ("announcement", "other_matters"),
        ("judicial_announcement", "other_matters"),
        ("sale_confirmation", "storage_fee_rule"),
        ("vehicle_disposal_authorization", "co_owner_statement"),
        ("result_publicity", "project_name"),
        ("entrustment_contract", "withdrawal_fee"),
        ("state_asset_announcement", "other_matters"),
    ):
        for lines in range(0, 24, 4):
            data = load_example(name)
            if field == "co_owner_statement":
                data["co_owner"] = dict(data["grantor_mortgagor"], name="刘芳")
            data[field] = "本项说明文字用于检验分页。" * (2 + 2 * lines)
            models.append(validate(name, data))
            names.append(f"{name}_{lines:02d}")
    documents = render_many(models, tmp_path, names=names, allow_findings=True)
    pdfs = pdf.convert_to_pdf(documents)
    alone = []
    for name, path in zip(names, pdfs, strict=True):
        ok, last = _signature_is_not_alone(path, SIGN_OFF[name[:-3]])
        if not ok:
            alone.append((name, last[:200]))
    assert not alone, alone


def _pdffonts(path: Path) -> list[str]:
    import shutil
    import subprocess

    tool = shutil.which("pdffonts")
    if tool is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in result.stdout.splitlines()[2:] if line.strip()]


@pytest.mark.libreoffice
@needs_libreoffice
@pytest.mark.parametrize("name", ["entrustment_contract", "announcement", "sale_confirmation"])
def test_song_and_fangsong_print_in_a_serif_face(
    example_pdfs: dict[str, tuple[Any, Path]], name: str
) -> None:
    """宋体 (contracts, forms) and 仿宋 (announcements) print in a serif CJK face, 黑体 (headings)
    in a sans one, where the Windows fonts are missing (fontconfig aliases, paimai_docs/fonts)."""
    fonts = _pdffonts(example_pdfs[name][1])
    cjk = [f for f in fonts if "CJK" in f or "Sim" in f or "Fang" in f or "Song" in f]
    if not any("Noto" in f for f in cjk):
        pytest.skip(f"the CJK faces are not Noto CJK: {fonts}")
    assert any("SerifCJK" in f for f in cjk), fonts
    # the body is serif: only the 黑体 headings use a sans face, in regular weight
    assert all("SansCJK" not in f or "Regular" in f for f in cjk), fonts


def test_fontconfig_file_includes_the_system_config_then_the_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf.sys, "platform", "linux")
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    config = pdf.fontconfig_file(tmp_path)
    assert config is not None
    text = config.read_text(encoding="utf-8")
    assert text.index("fonts.conf</include>") < text.index("aliases.conf</include>")
    assert pdf.soffice_environment(tmp_path)["FONTCONFIG_FILE"] == str(config)
    aliases = pdf.FONT_ALIASES.read_text(encoding="utf-8")
    for name in ("SimSun", "宋体", "FangSong", "仿宋", "SimHei", "黑体", "KaiTi", "楷体"):
        assert f"<family>{name}</family>" in aliases, name
    monkeypatch.setattr(pdf.sys, "platform", "win32")
    assert pdf.fontconfig_file(tmp_path) is None
    assert "FONTCONFIG_FILE" not in pdf.soffice_environment(tmp_path)


@pytest.mark.parametrize(
    ("family", "face"),
    [("宋体", "Serif"), ("SimSun", "Serif"), ("仿宋", "Serif"), ("FangSong", "Serif"),
     ("楷体", "Serif"), ("黑体", "Sans"), ("SimHei", "Sans")],
)  # fmt: skip
def test_aliases_give_the_right_noto_face(tmp_path: Path, family: str, face: str) -> None:
    import shutil
    import subprocess

    tool = shutil.which("fc-match")
    config = pdf.fontconfig_file(tmp_path)
    if tool is None or config is None:
        pytest.skip("fontconfig is not used here")
    if not any("Noto Serif CJK SC" in f for f in pdf.cjk_fonts()):
        pytest.skip("Noto Serif CJK SC is not installed (apt-get install fonts-noto-cjk)")
    env = {**pdf.os.environ, "FONTCONFIG_FILE": str(config)}
    found = subprocess.run(
        [tool, "-f", "%{family[0]}", family], capture_output=True, text=True, env=env, check=True
    ).stdout
    if family in ("仿宋", "FangSong", "楷体") and "Noto" not in found:
        return  # a FangSong or Kai face is installed and comes first
    assert found == f"Noto {face} CJK SC", found


def render_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="paimai")
    parser.add_argument("--lang", default="zh")
    render_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def _data(path: Path, name: str) -> Path:
    path.write_text(json.dumps(load_example(name), ensure_ascii=False), encoding="utf-8")
    return path


def test_render_pdf_says_what_is_missing_before_rendering_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "cjk_fonts", lambda: [])
    data = _data(tmp_path / "合同.json", "entrustment_contract")
    out = tmp_path / "合同.docx"
    code, _, err = render_cli(
        capsys, "render", "entrustment_contract", str(data), "-o", str(out), "--pdf"
    )
    assert code == 2
    assert "LibreOffice" in err and "fonts-noto-cjk" in err and "未生成任何文件" in err
    assert not out.exists()
    code, _, err = render_cli(
        capsys, "--lang", "en", "render", "entrustment_contract", str(tmp_path), "-o",
        str(tmp_path / "batch"), "--pdf",
    )  # fmt: skip
    assert code == 2 and "nothing was written" in err and "LibreOffice" in err
    assert not (tmp_path / "batch").exists()


def test_render_pdf_single_converts_after_writing_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[Path]] = []

    def fake_convert(documents: list[Path], out_dir: Any = None, *, overwrite: bool = False) -> Any:
        calls.append([Path(d) for d in documents])
        assert all(Path(d).is_file() for d in documents)  # the .docx files exist by now
        targets = [Path(d).with_suffix(".pdf") for d in documents]
        for target in targets:
            target.write_bytes(b"%PDF-fake")
        return targets

    monkeypatch.setattr(pdf, "check_pdf_tools", lambda: [])
    monkeypatch.setattr(pdf, "convert_to_pdf", fake_convert)
    data = _data(tmp_path / "确认书.json", "sale_confirmation")
    out = tmp_path / "确认书.docx"
    code, stdout, _ = render_cli(
        capsys, "render", "sale_confirmation", str(data), "-o", str(out), "--pdf"
    )
    assert code == 0 and calls == [[out]]
    assert str(tmp_path / "确认书.pdf") in stdout

    # the PDF exists and --force is absent: refused before the .docx is touched
    out.unlink()
    code, _, err = render_cli(
        capsys, "render", "sale_confirmation", str(data), "-o", str(out), "--pdf"
    )
    assert code == 2 and "确认书.pdf" in err and "--force" in err
    assert not out.exists() and len(calls) == 1

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise pdf.PdfConversionFailed("LibreOffice 未能转换：确认书.docx")

    monkeypatch.setattr(pdf, "convert_to_pdf", failing)
    code, _, err = render_cli(
        capsys, "render", "sale_confirmation", str(data), "-o", str(out), "--pdf", "--force"
    )
    assert code == 2 and "PDF 转换失败" in err and out.is_file()


@pytest.mark.libreoffice
@needs_libreoffice
def test_render_pdf_batch_converts_all_documents_in_one_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = pdf.convert_to_pdf

    def counting(documents: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(documents))
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(pdf, "convert_to_pdf", counting)
    folder = tmp_path / "数据 目录"
    folder.mkdir()
    _data(folder / "一号.json", "sale_confirmation")
    _data(folder / "二号.json", "sale_confirmation")
    out = tmp_path / "输出"
    code, stdout, _ = render_cli(
        capsys, "render", "sale_confirmation", str(folder), "-o", str(out), "--pdf"
    )
    assert code == 0 and calls == [2]
    assert sorted(p.name for p in out.iterdir()) == [
        "一号.docx",
        "一号.pdf",
        "二号.docx",
        "二号.pdf",
    ]
    assert "2" in stdout and "一号.pdf" in stdout
    text = _flat(_pdf_text(out / "二号.pdf"))
    assert SaleConfirmation.title in text and "河阳市宏达拍卖有限公司" in text


@pytest.mark.libreoffice
@needs_libreoffice
def test_documents_of_the_same_name_in_different_folders(tmp_path: Path) -> None:
    import pypdfium2

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _docx(tmp_path / "a" / "doc.docx", "甲案卷的合同")
    second = _docx(tmp_path / "b" / "doc.docx", "乙案卷的公告")
    pdfs = pdf.convert_to_pdf([first, second])
    assert pdfs == [tmp_path / "a" / "doc.pdf", tmp_path / "b" / "doc.pdf"]
    texts = []
    for path in pdfs:
        document = pypdfium2.PdfDocument(str(path))
        texts.append(document[0].get_textpage().get_text_range().replace(" ", ""))
        document.close()
    assert "甲案卷的合同" in texts[0] and "乙案卷的公告" in texts[1]
    with pytest.raises(pdf.PdfConversionFailed, match="同一个"):
        pdf.convert_to_pdf([first, second], tmp_path / "out")
