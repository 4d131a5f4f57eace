"""Rendering documents: every example renders and reads back with every label and value; hostile
text survives; missing values are reported all at once; nothing is overwritten or half-written."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree
from pydantic import BaseModel

from paimai_docs.commands import render as render_command
from paimai_docs.models import MODELS, DocumentModel
from paimai_docs.models.enums import PartyType
from paimai_docs.render import (
    FILTERS,
    BatchRenderError,
    MissingValues,
    OutputExists,
    RenderError,
    TemplateInvalid,
    render,
    render_bytes,
    render_many,
)
from paimai_docs.validation import validate
from paimai_docs.values.dates import formal_date, format_date, format_datetime
from paimai_docs.values.money import format_amount, format_figures, to_words
from paimai_docs.values.percent import format_percent

from .conftest import load_example
from .test_rendered_prose import INTERNAL, not_labelled

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE = "A&B <拍卖> \"引号\" '单引号' &amp; ]]> 😀🏠 𠮷"
LONG = "长文本，" * 500  # 2,000 characters


def docx_text(data: bytes) -> str:
    """All text of a .docx as python-docx reads it (paragraphs, then table cells)."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def example(name: str) -> DocumentModel:
    return validate(name, load_example(name))


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[DocumentModel, str]]:
    """Every example, rendered once for the whole module."""
    out = {}
    for name in MODELS:
        model = example(name)
        out[name] = (model, docx_text(render_bytes(model)))
    return out


def _leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _leaves(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def _forms(value: Any) -> set[str]:
    """The ways a template may print ``value``."""
    if isinstance(value, Enum):
        return {getattr(value, "label", str(value))}
    if isinstance(value, dt.datetime):
        return {format_datetime(value)}
    if isinstance(value, dt.date):
        return {format_date(value), formal_date(value)}
    if isinstance(value, Decimal):
        forms = {format(value.normalize(), "f")}
        forms |= {format_amount(value), format_figures(value), to_words(value)}
        if value <= 1:
            forms.add(format_percent(value))
        return forms
    return {str(value)}


# Values a template deliberately does not print: the party type is implied by the ID shown; the
# attachment's catalogue code (F1, B7) is replaced by a running number.
NOT_PRINTED = {"party_type", "item"}


@pytest.mark.parametrize("name", list(MODELS))
def test_every_example_renders_with_every_value(
    rendered: dict[str, tuple[DocumentModel, str]], name: str
) -> None:
    model, text = rendered[name]
    assert type(model).title in text
    missing = []
    internal = INTERNAL.get(name, set()) - {"sealed_date"}  # printed as the date under the seal
    for path, value in _leaves(model):
        if value is None or isinstance(value, bool) or path[-1] in NOT_PRINTED:
            continue
        if path[0] in internal:
            continue
        if not any(form in text for form in _forms(value)):
            missing.append((path, value))
    assert not missing, missing


@pytest.mark.parametrize("name", list(MODELS))
def test_every_example_prints_the_label_of_each_given_field(
    rendered: dict[str, tuple[DocumentModel, str]], name: str
) -> None:
    model, text = rendered[name]
    unlabelled = []
    for field, info in type(model).model_fields.items():
        value = getattr(model, field)
        if value is None or value == [] or (name.endswith("_report") and field == "court"):
            continue  # the reports address the court in the salutation, without a label
        if field in not_labelled(name):
            continue  # stated as a clause, or internal (tests/test_rendered_prose.py)
        if info.title not in text:
            unlabelled.append((field, info.title))
    assert not unlabelled, unlabelled


def test_contract_key_values(rendered: dict[str, tuple[DocumentModel, str]]) -> None:
    _, text = rendered["entrustment_contract"]
    for expected in (
        "委托人（甲方）：河阳市恒信机械制造有限公司",
        "拍卖人（乙方）：河阳市宏达拍卖有限公司",
        "统一社会信用代码：91410702MA44P8QK1L",  # full, not masked
        "保留价：¥80,000.00（人民币捌万元整）",
        "2号标的（叉车）无保留价。",
        "委托人支付佣金比例：成交价的3%",
        "拍卖时间：2026年12月18日 10:00",
        "签订日期：二〇二六年十一月二十日",
        "第九条　双方约定的其他事项",
    ):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text


def test_report_attachment_rows(rendered: dict[str, tuple[DocumentModel, str]]) -> None:
    document = Document(io.BytesIO(render_bytes(example("failed_auction_report"))))
    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        if table.rows[0].cells[0].text == "序号"
        for row in table.rows
    ]
    assert rows[0] == ["序号", "材料名称", "原件", "复印件", "加盖公章"]
    assert rows[1] == ["1", "河阳日报拍卖公告", "1", "3", "是"]
    assert len(rows) == 1 + 9


def test_hostile_text_survives_and_the_docx_is_valid_xml() -> None:
    data = load_example("entrustment_contract")
    data["consignor"]["name"] = HOSTILE
    data["other_terms"] = "第一行\r\n第二行\n\t第三行\x07\x0b第四行\x00"
    data["breach_liability"] = LONG
    data["auction_venue"] = "{{ consignor.name }} {% if x %} {#"
    data["lots"][0]["known_defects"] = ["划痕 & 锈蚀\n两处"]
    out = render_bytes(validate("entrustment_contract", data))

    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        xml = archive.read("word/document.xml")
    root = etree.fromstring(xml, etree.XMLParser(recover=False))  # strictly well-formed
    text = docx_text(out)
    assert f"委托人（甲方）：{HOSTILE}" in text
    assert "第一行\n第二行\n\t第三行\n第四行" in text  # real breaks and a tab; junk dropped
    assert LONG in text
    assert "{{ consignor.name }} {% if x %} {#" in text  # data is never evaluated
    assert "划痕 & 锈蚀\n两处" in text
    breaks = [p for p in root.iter(f"{W}p") if "第一行" in "".join(p.itertext())]
    assert len(breaks[0].findall(f".//{W}br")) == 3


def test_hostile_text_in_table_cells() -> None:
    data = load_example("result_publicity")
    data["project_name"] = HOSTILE + "\n第二行"
    data["buyer_name"] = "<w:t>注入</w:t>"
    out = render_bytes(validate("result_publicity", data))
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        etree.fromstring(archive.read("word/document.xml"), etree.XMLParser(recover=False))
    cells = {
        cell.text for table in Document(io.BytesIO(out)).tables for row in table.rows
        for cell in row.cells
    }  # fmt: skip
    assert HOSTILE + "\n第二行" in cells and "<w:t>注入</w:t>" in cells


def test_missing_values_are_reported_all_at_once_by_label(tmp_path: Path) -> None:
    document = Document()
    for line in (
        "{{ contract_no }}",  # optional and absent
        "{{ lots[1].reserve_price|money }}",  # absent inside a list
        "{{ consignor.agent.name }}",
        "{{ termination_date|cn_date }}",
        "{% if withdrawal_fee %}{{ withdrawal_fee }}{% endif %}",  # guarded: fine
        "{{ no_such_field }}",
        "{% for x in no_such_list %}{{ x }}{% endfor %}",
        "{{ consignor.name }}",
    ):
        document.add_paragraph(line)
    template = tmp_path / "custom.docx"
    document.save(str(template))
    data = load_example("entrustment_contract")
    del data["contract_no"], data["withdrawal_fee"]
    # The template check would refuse the unknown names up front (tests/test_lint.py); without
    # it, the strict rendering still reports them, with everything else that is missing.
    with pytest.raises(MissingValues) as caught:
        render_bytes(
            validate("entrustment_contract", data), template=template, check_template=False
        )
    error = caught.value
    assert error.code == "missing_values" and error.template == "custom.docx"
    assert [m.name for m in error.missing] == [
        "contract_no",
        "lots[1].reserve_price",
        "consignor.agent",
        "termination_date",
        "no_such_field",
        "no_such_list",
    ]
    labels = {m.name: m.label for m in error.missing}
    assert labels["contract_no"] == "合同编号"
    assert labels["lots[1].reserve_price"] == "拍卖标的 › 第2项 › 保留价"
    assert labels["consignor.agent"] == "委托人 › 代理人"
    assert [m.known for m in error.missing][-2:] == [False, False]
    assert "合同编号" in str(error) and "custom.docx" in str(error)


def test_bad_template_syntax_is_a_template_error(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("{{ consignor.name ")
    template = tmp_path / "bad.docx"
    document.save(str(template))
    with pytest.raises(TemplateInvalid) as caught:
        render_bytes(example("entrustment_contract"), template=template)
    assert "bad.docx" in str(caught.value)
    (tmp_path / "not.docx").write_text("plain text")
    with pytest.raises(TemplateInvalid):
        render_bytes(example("entrustment_contract"), template=tmp_path / "not.docx")


def test_never_overwrites_unless_asked(tmp_path: Path) -> None:
    out = tmp_path / "合同 2026.docx"
    model = example("entrustment_contract")
    assert render(model, out) == out
    first = out.read_bytes()
    out.write_bytes(b"clerk's edits")
    with pytest.raises(OutputExists) as caught:
        render(model, out)
    assert isinstance(caught.value, FileExistsError) and caught.value.code == "output_exists"
    assert out.read_bytes() == b"clerk's edits"
    render(model, out, overwrite=True)
    assert _parts_but_times(out.read_bytes()) == _parts_but_times(first)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary files left


def _parts_but_times(data: bytes) -> dict[str, bytes]:
    """The parts of a .docx, but the core properties (created and modified are the moment of
    rendering, so two renders a second apart differ there and nowhere else)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_failed_render_leaves_no_file(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("{{ contract_no }}{{ signed_place }}")
    template = tmp_path / "t.docx"
    document.save(str(template))
    data = load_example("entrustment_contract")
    del data["contract_no"]
    out = tmp_path / "out" / "合同.docx"
    with pytest.raises(MissingValues):
        render(validate("entrustment_contract", data), out, template=template)
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_render_many_is_all_or_nothing(tmp_path: Path) -> None:
    good = example("announcement")
    paths = render_many([good, example("entrustment_contract")], tmp_path / "batch")
    assert [p.name for p in paths] == ["announcement_001.docx", "entrustment_contract_002.docx"]
    assert all(p.stat().st_size > 0 for p in paths)

    with pytest.raises(OutputExists) as exists:
        render_many([good, good], tmp_path / "batch", names=["announcement_001", "new"])
    assert exists.value.paths == [tmp_path / "batch" / "announcement_001.docx"]
    assert not (tmp_path / "batch" / "new.docx").exists()

    template = tmp_path / "t.docx"
    document = Document()
    document.add_paragraph("{{ contract_no }}")
    document.save(str(template))
    data = load_example("entrustment_contract")
    del data["contract_no"]
    models = [example("entrustment_contract"), validate("entrustment_contract", data)]
    with pytest.raises(BatchRenderError) as failed:
        render_many(models, tmp_path / "b2", names=["ok", "bad"], template=template)
    assert list(failed.value.failures) == ["bad"]
    assert not (tmp_path / "b2").exists() or not any((tmp_path / "b2").iterdir())

    with pytest.raises(RenderError):
        render_many([good, good], tmp_path / "b3", names=["Same", "same"])


def test_filters() -> None:
    assert FILTERS["money"](Decimal("1234.5")) == "¥1,234.50"
    assert FILTERS["figures"](Decimal("1234.5")) == "1,234.50"
    assert FILTERS["money_words"](Decimal("100200")) == "人民币壹拾万零贰佰元整"
    assert FILTERS["cn_date"](dt.date(2026, 11, 22)) == "2026年11月22日"
    assert FILTERS["cn_date"](dt.datetime(2026, 11, 22, 9, 30)) == "2026年11月22日"
    assert FILTERS["formal_date"](dt.date(2026, 11, 22)) == "二〇二六年十一月二十二日"
    assert FILTERS["cn_datetime"](dt.datetime(2026, 11, 22, 9, 30)) == "2026年11月22日 09:30"
    assert FILTERS["percent"](Decimal("0.015")) == "1.5%"
    assert FILTERS["yesno"](True) == "是" and FILTERS["yesno"](False, "有,无") == "无"
    assert (
        FILTERS["number"](Decimal("2.000")) == "2" and FILTERS["number"](Decimal("1E+2")) == "100"
    )
    assert FILTERS["label"](PartyType.LEGAL_PERSON) == "法人"


def test_contract_renders_fast_enough() -> None:
    import time

    model = example("entrustment_contract")
    render_bytes(model)  # warm the compiled-template cache
    start = time.perf_counter()
    for _ in range(5):
        render_bytes(model)
    assert (time.perf_counter() - start) / 5 < 0.5


# ------------------------------------------------------------------------------------------
# paimai render


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="paimai")
    parser.add_argument("--lang", default="zh")
    render_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def _write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_single(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _write_json(tmp_path / "合同.json", load_example("entrustment_contract"))
    out = tmp_path / "合同.docx"
    code, stdout, _ = cli(capsys, "render", "entrustment_contract", str(data), "-o", str(out))
    assert code == 0 and str(out) in stdout
    assert "河阳市恒信机械制造有限公司" in docx_text(out.read_bytes())

    code, _, err = cli(capsys, "render", "entrustment_contract", str(data), "-o", str(out))
    assert code == 2 and "--force" in err
    code, _, _ = cli(capsys, "render", "entrustment_contract", str(data), "-o", str(out), "--force")
    assert code == 0
    code, _, err = cli(
        capsys, "--lang", "en", "render", "entrustment_contract", str(data), "-o", str(out)
    )
    assert code == 2 and "file exists" in err

    outdir = tmp_path / "docs"
    outdir.mkdir()
    assert cli(capsys, "render", "entrustment_contract", str(data), "-o", str(outdir))[0] == 0
    assert (outdir / "合同.docx").is_file()


def test_cli_yaml_and_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    yaml = pytest.importorskip("yaml")
    data = load_example("announcement")
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, _ = cli(
        capsys, "render", "announcement", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "a.docx")
    )
    assert code == 0

    del data["auction_venue"]
    bad = _write_json(tmp_path / "bad.json", data)
    code, _, err = cli(capsys, "render", "announcement", str(bad), "-o", str(tmp_path / "b.docx"))
    assert code == 1 and "拍卖地点" in err
    assert not (tmp_path / "b.docx").exists()

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    code, _, _ = cli(
        capsys, "render", "announcement", str(tmp_path / "broken.json"), "-o", "x.docx"
    )
    assert code == 3
    assert (
        cli(capsys, "render", "announcement", str(tmp_path / "none.json"), "-o", "x.docx")[0] == 3
    )
    assert cli(capsys, "render", "no_such_kind", str(bad), "-o", "x.docx")[0] == 2
    code, _, _ = cli(
        capsys, "render", "announcement", str(bad), "-o", "x.docx", "--template", str(bad)
    )
    assert code == 3


def test_cli_missing_values_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = Document()
    document.add_paragraph("{{ contract_no }}{{ withdrawal_fee }}")
    document.save(str(tmp_path / "t.docx"))
    data = load_example("entrustment_contract")
    del data["contract_no"], data["withdrawal_fee"]
    source = _write_json(tmp_path / "c.json", data)
    out = tmp_path / "c.docx"
    code, _, err = cli(
        capsys, "render", "entrustment_contract", str(source), "-o", str(out),
        "--template", str(tmp_path / "t.docx"),
    )  # fmt: skip
    assert code == 1 and "合同编号" in err and "撤回标的费用" in err
    assert not out.exists()


def test_cli_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_json(folder / "一号.json", load_example("sale_confirmation"))
    _write_json(folder / "二号.json", load_example("sale_confirmation"))
    out = tmp_path / "out"
    code, stdout, _ = cli(capsys, "render", "sale_confirmation", str(folder), "-o", str(out))
    assert code == 0 and "2" in stdout
    assert sorted(p.name for p in out.iterdir()) == ["一号.docx", "二号.docx"]

    record = json.dumps(load_example("sale_confirmation"), ensure_ascii=False)
    lines = tmp_path / "batch.jsonl"
    lines.write_text(f"{record}\n\n{record}\n", encoding="utf-8")
    code, _, _ = cli(capsys, "render", "sale_confirmation", str(lines), "-o", str(out))
    assert code == 0
    assert {"batch_001.docx", "batch_003.docx"} <= {p.name for p in out.iterdir()}

    broken = tmp_path / "broken.jsonl"
    broken.write_text(f"{record}\n{{oops\n", encoding="utf-8")
    code, _, err = cli(
        capsys, "render", "sale_confirmation", str(broken), "-o", str(tmp_path / "o2")
    )
    assert code == 3 and "broken.jsonl:2" in err
    invalid = tmp_path / "invalid.jsonl"
    invalid.write_text(
        f"{record}\n" + json.dumps({"confirmation_no": "x"}) + "\n", encoding="utf-8"
    )
    code, _, err = cli(
        capsys, "render", "sale_confirmation", str(invalid), "-o", str(tmp_path / "o3")
    )
    assert code == 1 and "invalid.jsonl:2" in err
    assert not (tmp_path / "o2").exists() and not (tmp_path / "o3").exists()


def test_a_model_that_breaks_a_rule_is_refused_unless_allowed(tmp_path: Path) -> None:
    from paimai_docs.render import RuleViolations

    data = load_example("entrustment_contract")
    data["is_state_asset"] = True  # reserve 80,000 below the 86,000 appraisal: CONTRACT-15
    model = validate("entrustment_contract", data)
    out = tmp_path / "contract.docx"
    with pytest.raises(RuleViolations) as info:
        render(model, out, scope="SOA-ADM")
    assert {f.rule for f in info.value.findings} >= {"CONTRACT-15"}
    assert "CONTRACT-15" in str(info.value) and not out.exists()
    assert render(model, out, scope="SOA-ADM", allow_findings=True) == out and out.exists()
