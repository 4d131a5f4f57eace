"""The template linter (``paimai lint-template``) and the check ``render`` runs on a user's
template: every problem found in one pass, each with its place in the document."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from paimai_docs.commands import lint as lint_command
from paimai_docs.commands import render as render_command
from paimai_docs.lint import LintReport, TemplateUnreadable, lint_template
from paimai_docs.models import MODELS
from paimai_docs.render import TemplateInvalid, render, render_bytes
from paimai_docs.validation import validate

from .conftest import ROOT, load_example

TEMPLATES = ROOT / "templates"


def codes(report: LintReport) -> list[str]:
    return [p.code for p in report.problems]


def only(report: LintReport, code: str) -> list[str]:
    """Where each problem of ``code`` is, as the report says it."""
    return [p.where() for p in report.problems if p.code == code]


def save(document: object, path: Path) -> Path:
    document.save(str(path))  # type: ignore[attr-defined]
    return path


@pytest.mark.parametrize("name", list(MODELS))
def test_every_shipped_template_is_clean(name: str) -> None:
    report = lint_template(TEMPLATES / f"{name}.docx", name)
    assert report.problems == [], report.format()
    assert report.clean and report.kind == name


def test_unknown_placeholder_and_split_tag_are_both_reported_with_their_places(
    tmp_path: Path,
) -> None:
    document = Document()
    document.add_paragraph("委托拍卖合同")
    split = document.add_paragraph()
    split.add_run("委托人：{{ consignor.")  # Word split this tag across two runs
    split.add_run("name }}")
    document.add_paragraph("住所：{{ consignor.domicle }}")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for lot in lots %}"
    table.cell(1, 0).text = "{{ lot.name }}"
    table.cell(1, 1).text = "{{ lot.reserve_prise|money }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    document.sections[0].footer.paragraphs[0].text = "{{ signing_place }}"
    report = lint_template(save(document, tmp_path / "用户模板.docx"), "entrustment_contract")

    assert report.template == "用户模板.docx"
    assert only(report, "split_tag") == ["第2段「委托人：{{ consignor.name }}」"]
    assert only(report, "unknown_field") == [
        "第3段「住所：{{ consignor.domicle }}」",
        "表格1 第2行第2格「{{ lot.reserve_prise|money }}」",
    ]
    assert only(report, "unknown_name") == ["页脚（footer1.xml）第1段「{{ signing_place }}」"]
    messages = [p.message for p in report.errors]
    assert "相近的字段：domicile（住所）" in messages[1]  # the close match is suggested
    assert "signed_place（签订地点）" in messages[3]
    # the loop variable is bound to the list's item: lot.name resolves, lot.reserve_prise not
    assert "拍卖标的（ContractLot）没有字段 reserve_prise" in report.format()
    assert len(report.errors) == 4

    english = report.format("en")
    assert "paragraph 2" in english and "table 1 row 2 cell 2" in english
    assert "footer (footer1.xml) paragraph 1" in english


def test_attribute_chains_resolve_through_nested_models_lists_and_optionals(
    tmp_path: Path,
) -> None:
    document = Document()
    for line in (
        "{% if consignor.agent %}{{ consignor.agent.name }}{{ consignor.agent.phone }}{% endif %}",
        "{% for lot in lots %}{% if lot.vehicle %}{{ lot.vehicle.vin }}{% endif %}"
        "{{ lot.approval_docs|map('docref')|join('；') }}{{ lot.known_defects|join('；') }}"
        "{{ loop.index }}{% endfor %}",
        '{% for label, doc in [("营业执照", business_licence_copy)] + '
        '(lots[0].approval_docs|with_label("审批文件")) if doc %}'
        "{{ label }}{{ doc.title }}{{ doc.titel }}{% endfor %}",
        "{{ lots[0].vehicle.plate_no.upper() }}{{ lots|length }}{{ document_title }}"
        "{{ consignor.party_type.label }}{{ signed_date.year }}",
        "{{ signed_date.nonsense }}{{ loop.index }}{{ auction_datetime|cn_dat }}",
        "{% if contract_no is defined and contract_no is definitely %}{% endif %}",
    ):
        document.add_paragraph(line)
    report = lint_template(save(document, tmp_path / "chains.docx"), "entrustment_contract")
    errors = [(p.code, p.name) for p in report.errors]
    assert errors == [
        ("unknown_field", "doc.titel"),  # a DocRef reached through a (label, doc) pair
        ("unknown_field", "signed_date.nonsense"),  # a date has no such attribute
        ("unknown_name", "loop"),  # outside any for loop
        ("unknown_filter", "cn_dat"),
        ("unknown_test", "definitely"),
    ]
    assert [p.location.paragraph for p in report.errors if p.location] == [3, 5, 5, 5, 6]


def test_unbalanced_blocks(tmp_path: Path) -> None:
    document = Document()
    for line in (
        "{% for lot in lots %}",  # 1: its endfor closes an if first
        "{% if lot.vehicle %}{{ lot.vehicle.vin }}",  # 2: never closed
        "{% endfor %}",  # 3
        "{% endif %}",  # 4: nothing open
        "{% else %}",  # 5: outside any block
        "{% if contract_no %}{% else %}{% else %}{% endif %}",  # 6: two elses
        "{% if contract_no %}",  # 7: open at the end of the body
    ):
        document.add_paragraph(line)
    report = lint_template(save(document, tmp_path / "blocks.docx"), "entrustment_contract")
    found = [(p.location.paragraph, p.message) for p in report.errors if p.location]
    assert [paragraph for paragraph, _ in found] == [2, 4, 5, 6, 7]
    assert all(p.code == "unbalanced_block" for p in report.errors)
    assert "缺少 {% endif %}" in found[0][1] and "第3段的「{% endfor %}」" in found[0][1]
    assert "没有对应的 {% if %}" in found[1][1]
    assert "不在 if/for 块内" in found[2][1]
    assert "else 之后" in found[3][1]
    assert "到正文结束仍未闭合" in found[4][1]


def test_unclosed_tags_and_syntax_errors(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("委托人：{{ consignor.name ")  # 1
    document.add_paragraph("{{ consignor.name consignor.domicile }}")  # 2
    document.add_paragraph("{% for lot in %}{% endfor %}")  # 3
    document.add_paragraph("{% include 'other.docx' %}")  # 4
    document.add_paragraph("{%tr for lot in lots %}")  # 5: a row tag outside a table
    document.add_paragraph("{%tr endfor %}")  # 6
    report = lint_template(save(document, tmp_path / "syntax.docx"), "entrustment_contract")
    found = [(p.code, p.location.paragraph) for p in report.errors if p.location]
    assert found == [
        ("unclosed_tag", 1),
        ("syntax_error", 2),
        ("syntax_error", 3),
        ("unsupported_tag", 4),
        ("misplaced_tag", 5),
        ("misplaced_tag", 6),
    ]
    assert "没有对应的 }}" in report.errors[0].message


def test_required_fields_never_used_are_warnings(tmp_path: Path) -> None:
    shipped = Document(str(TEMPLATES / "entrustment_contract.docx"))
    for paragraph in shipped.paragraphs:
        if "signed_place" in paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)
    report = lint_template(save(shipped, tmp_path / "no_place.docx"), "entrustment_contract")
    assert [(p.code, p.severity, p.name) for p in report.problems] == [
        ("required_unused", "warning", "signed_place")
    ]
    assert "签订地点" in report.problems[0].message and report.problems[0].location is None

    # A sub-model printed field by field should print its required fields too; one printed whole
    # (|docref), or a field not expected in print (party_type, see NOT_EXPECTED), is not flagged.
    document = Document()
    document.add_paragraph("{{ consignor.name }}{{ auctioneer }}")
    document.add_paragraph("{% for lot in lots %}{{ lot.ownership_proof|docref }}{% endfor %}")
    report = lint_template(save(document, tmp_path / "short.docx"), "entrustment_contract")
    assert not report.errors
    flagged = {p.name or "" for p in report.warnings}
    assert {"consignor.domicile", "consignor.id_type", "consignor.id_number"} <= flagged
    assert "consignor.party_type" not in flagged
    assert not any(name.startswith(("auctioneer.", "lots[].ownership_proof")) for name in flagged)
    assert "lots[].name" in flagged  # lots[] itself is read field by field
    assert {"auction_venue", "signed_date"} <= flagged and "consignor" not in flagged


def test_unreadable_templates(tmp_path: Path) -> None:
    with pytest.raises(TemplateUnreadable):
        lint_template(tmp_path / "absent.docx", "announcement")
    (tmp_path / "text.docx").write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateUnreadable, match=r"不是有效的 \.docx"):
        lint_template(tmp_path / "text.docx", "announcement")
    data = (TEMPLATES / "announcement.docx").read_bytes()
    (tmp_path / "truncated.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(TemplateUnreadable):
        lint_template(tmp_path / "truncated.docx", "announcement")


# ------------------------------------------------------------------------------------------
# render refuses a template with errors


def _bad_template(path: Path) -> Path:
    document = Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ consignor.")
    paragraph.add_run("name }}")
    document.add_paragraph("{{ contract_number }}")
    return save(document, path)


def test_render_refuses_a_template_with_errors_listing_all_of_them(tmp_path: Path) -> None:
    model = validate("entrustment_contract", load_example("entrustment_contract"))
    template = _bad_template(tmp_path / "bad.docx")
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateInvalid) as caught:
        render(model, out, template=template)
    error = caught.value
    assert [p.code for p in error.problems] == ["split_tag", "unknown_name"]
    assert "bad.docx" in str(error) and "第1段" in str(error) and "第2段" in str(error)
    assert not out.exists()

    # warnings (a short template that leaves fields out) do not stop rendering
    short = Document()
    short.add_paragraph("{{ consignor.name }}：{{ auction_venue }}")
    data = render_bytes(model, template=save(short, tmp_path / "short.docx"))
    assert data[:2] == b"PK"


def test_render_cli_reports_template_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "c.json"
    data.write_text(json.dumps(load_example("entrustment_contract")), encoding="utf-8")
    parser = argparse.ArgumentParser(prog="paimai")
    parser.add_argument("--lang", default="zh")
    render_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["render", "entrustment_contract", str(data), "-o", str(tmp_path / "c.docx"),
         "--template", str(_bad_template(tmp_path / "bad.docx"))]
    )  # fmt: skip
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "第1段" in err and "contract_number" in err
    assert not (tmp_path / "c.docx").exists()


# ------------------------------------------------------------------------------------------
# paimai lint-template


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="paimai")
    parser.add_argument("--lang", default="zh")
    lint_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "合同 模板.docx"
    shutil.copy(TEMPLATES / "entrustment_contract.docx", clean)
    code, out, _ = cli(capsys, "lint-template", str(clean), "--kind", "entrustment_contract")
    assert code == 0 and "未发现问题" in out

    bad = _bad_template(tmp_path / "bad.docx")
    code, out, _ = cli(capsys, "lint-template", str(bad), "--kind", "entrustment_contract")
    assert code == 1
    assert "第1段" in out and "第2段" in out and "contract_number" in out and "警告" in out

    code, out, _ = cli(
        capsys, "--lang", "en", "lint-template", str(bad), "--kind", "entrustment_contract"
    )
    assert code == 1 and "2 errors" in out and "paragraph 2" in out

    code, out, _ = cli(
        capsys, "lint-template", str(bad), "--kind", "entrustment_contract", "--format", "json"
    )
    report = json.loads(out)
    assert code == 1 and report["clean"] is False and report["errors"] == 2
    first = report["problems"][0]
    assert first["code"] == "split_tag" and first["location"]["paragraph"] == 1
    assert first["severity"] == "error" and "第1段" in first["where"]

    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip")
    code, _, err = cli(capsys, "lint-template", str(corrupt), "--kind", "entrustment_contract")
    # an unreadable or missing template is input that cannot be read (3); an unknown kind is
    # usage (2)
    assert code == 3 and "corrupt.docx" in err
    code, _, err = cli(
        capsys, "lint-template", str(tmp_path / "none.docx"), "--kind", "entrustment_contract"
    )
    assert code == 3 and "none.docx" in err
    code, out, err = cli(capsys, "lint-template", str(corrupt), "--kind", "x", "--format", "json")
    assert code == 2 and json.loads(out)["error"] == "unknown_kind" and "未知的文档类型" in err
    code, _, err = cli(
        capsys, "--lang", "en", "lint-template", str(corrupt), "--kind", "entrustment_contract"
    )
    assert code == 3 and "not a .docx" in err
