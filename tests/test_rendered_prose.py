"""Rendered documents read as the papers people sign: a boolean is the clause it stands for (or
its absence), never a "label：是/否" row; internal workflow fields stay out of public notices;
models refuse contradictions; a rendered file carries its own properties."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

import pytest
from docx import Document

from paimai_docs.models import MODELS
from paimai_docs.render import render_bytes
from paimai_docs.validation import ModelInvalid, validate

from .conftest import load_example

# Forms keep tick boxes (☑是　☐否) next to the label; every other kind is prose.
FORMS = {"pre_auction_filing", "post_auction_filing", "bidder_registration", "vehicle_handover"}
PROSE = [name for name in MODELS if name not in FORMS]

# Fields a template states as a clause (or leaves out when the clause does not apply) instead of
# printing "label：value": their labels are not printed. Shared with test_render, test_templates
# and test_pdf, which check that every other given field's label is printed.
STATED_AS_CLAUSES: dict[str, set[str]] = {
    "entrustment_contract": {"is_state_asset"},
    "state_asset_announcement": {"is_reannouncement"},
    "failed_auction_report": {"any_registrant", "all_copies_sealed"},
    "completion_report": {"electronic_bidding", "used_agent", "all_copies_sealed"},
    "sale_confirmation": {"identity_confidential", "online_public", "parts"},
    "auction_transcript": {"commission_seat_announced", "auctioneer_signed", "recorder_signed"},
    "vehicle_disposal_authorization": {
        "trigger_cumulative_overdue",
        "trigger_consecutive_overdue",
        "effective_on_signature",
        "irrevocable",
        "trigger_any_breach",
    },
}
# Internal workflow fields that a public document does not print at all (neither label nor value).
INTERNAL: dict[str, set[str]] = {
    "judicial_announcement": {"professional_media_required", "court_approval_date"},
    "result_publicity": {
        "drafted_date",
        "sealed_date",
    },  # sealed_date: only as the date under the seal
}


def not_labelled(name: str) -> set[str]:
    """The fields of ``name`` whose label a rendered document does not print."""
    return STATED_AS_CLAUSES.get(name, set()) | INTERNAL.get(name, set())


YES_NO_ROW = re.compile(r"[：:]\s*(是|否|True|False|true|false)(?=$|[；;，,。\s）)])", re.MULTILINE)


def _text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
            if len(row.cells) == 2:  # a form row label | value reads as "label：value"
                lines.append("：".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _render(name: str, **changes: Any) -> str:
    data = load_example(name)
    data.update(changes)
    return _text(render_bytes(validate(name, data), allow_findings=True))


def _flipped(name: str) -> dict[str, Any]:
    """The example with every top-level boolean turned over, where the model accepts that."""
    data = load_example(name)
    model = MODELS[name]
    for field, info in model.model_fields.items():
        if info.annotation is bool or info.annotation == "bool":
            current = data.get(field, info.default)
            candidate = {**data, field: not current}
            try:
                validate(name, candidate)
            except ModelInvalid:
                continue
            data = candidate
    return data


@pytest.mark.parametrize("name", list(MODELS))
def test_no_yes_no_rows_in_any_rendered_example(name: str) -> None:
    for data in (load_example(name), _flipped(name)):
        text = _text(render_bytes(validate(name, data), allow_findings=True))
        rows = [m.group(0) for m in YES_NO_ROW.finditer(text)]
        lines = [line for line in text.splitlines() if YES_NO_ROW.search(line)]
        assert not rows, lines


@pytest.mark.parametrize("name", sorted(FORMS - {"post_auction_filing"}))  # it has no yes/no
def test_forms_tick_boxes(name: str) -> None:
    text = _render(name)
    assert "☑" in text and "☐" in text


CLAUSES = [
    # (kind, field, text printed when True, text printed when False)
    ("vehicle_disposal_authorization", "irrevocable", "不可撤销", None),
    ("vehicle_disposal_authorization", "effective_on_signature", "自授权人签字之日起生效", None),
    ("vehicle_disposal_authorization", "trigger_any_breach", "（三）违反合同任何条款的。", None),
    ("sale_confirmation", "identity_confidential", "拍卖人应当为其保密", None),
    ("sale_confirmation", "online_public", "本确认书将在网络拍卖平台公示", None),
    ("entrustment_contract", "is_state_asset", "属于国有资产", None),
    ("state_asset_announcement", "is_reannouncement", "（重新公告）", None),
    ("failed_auction_report", "any_registrant", "有竞买人办理竞买手续", "无人办理竞买手续"),
    ("failed_auction_report", "all_copies_sealed", "复印件均加盖本公司公章", None),
    ("completion_report", "electronic_bidding", "采用电子竞价方式", "未采用电子竞价"),
    ("completion_report", "used_agent", "买受人委托代理人竞买", "买受人本人参加竞买"),
    ("completion_report", "all_copies_sealed", "复印件均加盖本公司公章", None),
    ("auction_transcript", "rules_announced", "拍卖师已宣布拍卖规则", "拍卖师未宣布拍卖规则"),
]


@pytest.mark.parametrize(("name", "field", "when_true", "when_false"), CLAUSES)
def test_a_boolean_is_its_clause(
    name: str, field: str, when_true: str, when_false: str | None
) -> None:
    yes = _render(name, **{field: True})
    no = _render(name, **{field: False})
    assert when_true in yes
    assert when_true not in no
    if when_false is not None:
        assert when_false in no and when_false not in yes
    label = MODELS[name].model_fields[field].title or ""
    assert f"{label}：" not in yes + no


def test_vehicle_triggers_read_as_a_list() -> None:
    text = _render("vehicle_disposal_authorization")
    assert "（一）累计逾期还款3次的；" in text
    assert "（二）连续逾期还款2次的；" in text
    without = _render("vehicle_disposal_authorization", trigger_any_breach=False)
    assert "（二）连续逾期还款2次的。" in without and "（三）" not in without
    neither = _render(
        "vehicle_disposal_authorization", effective_on_signature=False, irrevocable=False
    )
    assert "生效" not in neither and "撤销" not in neither


def test_contract_reserve_clause() -> None:
    text = _render("entrustment_contract")
    assert (
        "1号标的（数控车床）保留价：¥80,000.00（人民币捌万元整），拍卖人对该保留价负有保密义务。"
        in text
    )
    assert "2号标的（叉车）无保留价。" in text
    assert "保留价保密" not in text
    data = load_example("entrustment_contract")
    data["lots"][0]["reserve_confidential"] = False
    public = _text(render_bytes(validate("entrustment_contract", data), allow_findings=True))
    assert "保留价：¥80,000.00（人民币捌万元整），该保留价无需保密。" in public


def test_transcript_states_the_reserve_and_leaves_signature_lines() -> None:
    text = _render("auction_transcript")
    assert "本标的有保留价。" in text
    assert "本标的无保留价，拍卖师已在拍卖前予以说明。" in text
    assert "买受人签名：" in text  # a line to sign on for the lot sold
    assert "已签名" not in text and "未签名" not in text


@pytest.mark.parametrize(
    ("name", "changes", "absent"),
    [
        (
            "judicial_announcement",
            {"professional_media_required": True, "court_approval_date": "2026-12-02"},
            ["需在专业报纸公告", "法院签字审核日期", "2026年12月2日"],
        ),
        ("result_publicity", {}, ["公示编制日期", "处置方盖章日期", "2026年10月14日"]),
    ],
)
def test_internal_fields_stay_out_of_public_notices(
    name: str, changes: dict[str, Any], absent: list[str]
) -> None:
    text = _render(name, **changes)
    for word in absent:
        assert word not in text, word


# ------------------------------------------------------------------------------------------
# Contradictions


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[last] = value


CONTRADICTIONS = [
    # (kind, changes by dotted path, code)
    (
        "entrustment_contract",
        {"lots.1.reserve_confidential": True},  # lot 2 has no reserve
        "reserve_confidential_without_reserve",
    ),
    (
        "announcement",
        {"lots.0.reserve_price": None, "lots.0.reserve_confidential": True},
        "reserve_confidential_without_reserve",
    ),
    ("auction_transcript", {"lots.0.reserve_declared": True}, "reserve_declared_with_reserve"),
    (
        "auction_transcript",
        {"lots.1.result": "below_reserve"},  # lot 2 has no reserve
        "below_reserve_without_reserve",
    ),
    ("auction_transcript", {"lots.1.buyer_bidder_no": "009"}, "buyer_without_sale"),
    (
        "sale_confirmation",
        {"identity_confidential": True, "online_public": True},
        "confidential_identity_published",
    ),
    (
        "sale_confirmation",
        {"buyer.confidentiality_requested": True},
        "confidentiality_requested_not_kept",
    ),
    ("bidder_registration", {"preemption_order": 1}, "preemption_order_without_right"),
    ("bidder_registration", {"agent_confirmed_by_court": True}, "court_confirmed_without_agent"),
    (
        "vehicle_disposal_authorization",
        {"co_owner_statement": "本人同意上述授权"},
        "co_owner_statement_without_co_owner",
    ),
    (
        "failed_auction_report",
        {"failure_reason": "nobody_registered"},  # the example says people registered
        "nobody_registered_with_registrants",
    ),
]


@pytest.mark.parametrize(("name", "changes", "code"), CONTRADICTIONS)
def test_contradictions_are_refused_with_a_chinese_message(
    name: str, changes: dict[str, Any], code: str
) -> None:
    data = load_example(name)
    for path, value in changes.items():
        _set(data, path, value)
    with pytest.raises(ModelInvalid) as caught:
        validate(name, data)
    problems = [p for p in caught.value.problems if p.code == code]
    assert problems, [p.code for p in caught.value.problems]
    assert re.search(r"[\u4e00-\u9fff]", problems[0].message)


def test_no_reserve_with_the_default_confidentiality_is_accepted_and_round_trips() -> None:
    model = validate("entrustment_contract", load_example("entrustment_contract"))
    lot = model.lots[1]
    assert lot.reserve_price is None and lot.reserve_confidential is False
    dumped = model.model_dump(mode="json", context={"show_personal_data": True})
    again = validate("entrustment_contract", dumped)
    assert again.lots[1].reserve_confidential is False
    assert again.lots[0].reserve_confidential is True


def test_completion_report_agent_contradiction() -> None:
    data = load_example("completion_report")
    data["buyer"]["agent"] = {"name": "李明", "id_type": "passport", "id_number": "E12345678"}
    data["buyer"]["power_of_attorney"] = {"agent_name": "李明", "matters": "竞买", "scope": "一般"}
    data["used_agent"] = False
    with pytest.raises(ModelInvalid) as caught:
        validate("completion_report", data)
    assert "agent_without_used_agent" in [p.code for p in caught.value.problems]
    data["used_agent"] = True
    validate("completion_report", data)


# ------------------------------------------------------------------------------------------
# Document properties


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("name", list(MODELS))
def test_rendered_file_has_its_own_properties(name: str) -> None:
    model = validate(name, load_example(name))
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    data = render_bytes(model, allow_findings=True)
    after = dt.datetime.now(dt.timezone.utc)
    props = Document(io.BytesIO(data)).core_properties
    assert props.title.startswith(type(model).title)
    assert props.last_modified_by == "paimai-docs"
    assert props.created is not None and props.modified is not None
    created = props.created.replace(tzinfo=dt.timezone.utc)
    assert before <= created <= after
    assert props.modified == props.created
    parts = _parts(data)
    app = parts["docProps/app.xml"].decode()
    assert "<Application>paimai-docs</Application>" in app and "Microsoft" not in app
    assert not [p for p in parts if "thumbnail" in p.lower()]
    assert b"thumbnail" not in parts["_rels/.rels"]


def test_title_subject_and_author_come_from_the_data() -> None:
    props = Document(
        io.BytesIO(render_bytes(validate("sale_confirmation", load_example("sale_confirmation"))))
    ).core_properties
    assert props.title == "拍卖成交确认书（数控车床）"
    assert props.subject == "数控车床"
    assert props.author == "河阳市宏达拍卖有限公司"
    contract = Document(
        io.BytesIO(
            render_bytes(validate("entrustment_contract", load_example("entrustment_contract")))
        )
    ).core_properties
    assert contract.title == "委托拍卖合同（数控车床、叉车）"
    assert contract.author == "河阳市宏达拍卖有限公司"
