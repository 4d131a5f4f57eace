"""The document models: every example validates, structure errors are refused by Chinese label,
all problems are reported at once, personal data is masked."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest

from paimai_docs.models import MODELS, EntrustmentContract
from paimai_docs.models.base import LABEL_KEY
from paimai_docs.models.enums import PartyType
from paimai_docs.validation import ModelInvalid, get_model, model_warnings, validate

from .conftest import EXAMPLES, load_example


def problems_of(model: str, data: Any) -> list[tuple[str, str]]:
    with pytest.raises(ModelInvalid) as info:
        validate(model, data)
    return [(p.where, p.code) for p in info.value.problems]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_model_has_an_example_that_validates(name: str) -> None:
    document = validate(name, load_example(name))
    assert isinstance(document, MODELS[name])
    assert document.document_kind in {
        "entrustment_contract", "announcement", "pre_auction_filing", "post_auction_filing",
        "failed_auction_report", "completion_report", "sale_confirmation", "auction_transcript",
        "bidder_registration", "vehicle_handover", "vehicle_disposal_authorization",
        "result_publicity",
    }  # fmt: skip


def test_examples_folder_has_exactly_one_file_per_model() -> None:
    assert sorted(p.stem for p in EXAMPLES.glob("*.json")) == sorted(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_field_has_a_chinese_label(name: str) -> None:
    def check(model: Any, seen: set[Any]) -> None:
        if model in seen:
            return
        seen.add(model)
        for field_name, info in model.model_fields.items():
            extra = info.json_schema_extra
            assert isinstance(extra, dict) and extra.get(LABEL_KEY), (
                f"{model.__name__}.{field_name}"
            )
            assert any("\u4e00" <= ch <= "\u9fff" for ch in extra[LABEL_KEY])
            from paimai_docs.validation import models_in

            for sub in models_in(info.annotation):
                check(sub, seen)

    check(MODELS[name], set())


@pytest.mark.parametrize("name", sorted(MODELS))
def test_json_round_trip_keeps_the_document(name: str) -> None:
    document = validate(name, load_example(name))
    dumped = document.model_dump_json(context={"show_personal_data": True})
    assert validate(name, dumped) == document


def test_removing_the_reserve_price_clause_is_refused_by_label(contract_data: dict) -> None:
    del contract_data["lots"][0]["reserve_price"]
    assert problems_of("entrustment_contract", contract_data) == [
        ("拍卖标的 › 第1项 › 保留价", "missing")
    ]


def test_explicit_no_reserve_is_accepted(contract_data: dict) -> None:
    contract_data["lots"][0]["reserve_price"] = None
    contract = validate("entrustment_contract", contract_data)
    assert isinstance(contract, EntrustmentContract)
    assert contract.lots[0].reserve_price is None


@pytest.mark.parametrize(
    "clause",
    [
        "consignor", "auctioneer", "lots", "auction_datetime", "auction_venue",
        "lot_delivery_time", "lot_delivery_method", "commission_rate_buyer",
        "proceeds_payment_method", "breach_liability", "other_terms", "unsold_arrangement",
        "suspension_termination_compensation",
    ],
)  # fmt: skip
def test_each_statutory_clause_is_required(contract_data: dict, clause: str) -> None:
    del contract_data[clause]
    label = EntrustmentContract.model_fields[clause].title
    assert problems_of("entrustment_contract", contract_data) == [(label, "missing")]


def test_negative_amount_is_refused_by_label(contract_data: dict) -> None:
    contract_data["lots"][1]["starting_price"] = "-100"
    assert problems_of("entrustment_contract", contract_data) == [
        ("拍卖标的 › 第2项 › 起拍价", "money_negative")
    ]


def test_bad_id_checksum_is_refused_by_label() -> None:
    data = load_example("sale_confirmation")
    data["buyer"]["id_number"] = "410105199202156788"
    with pytest.raises(ModelInvalid) as info:
        validate("sale_confirmation", data)
    (problem,) = info.value.problems
    assert (problem.where, problem.code) == ("买受人 › 证件号码", "ric_invalid_checksum")
    assert "买受人 › 证件号码" in str(info.value)


def test_bad_credit_code_is_refused(contract_data: dict) -> None:
    contract_data["auctioneer"]["id_number"] = "91410700MA3X4B7C21"
    assert problems_of("entrustment_contract", contract_data) == [
        ("拍卖人 › 证件号码", "uscc_invalid_checksum")
    ]


def test_every_problem_is_reported_at_once(contract_data: dict) -> None:
    del contract_data["lots"][0]["reserve_price"]
    contract_data["deposit_amount"] = "-5"
    contract_data["consignor"]["id_number"] = "91410702MA44P8QK1X"
    contract_data["auction_venue"] = "   "
    contract_data["typo_field"] = 1
    codes = {code for _, code in problems_of("entrustment_contract", contract_data)}
    assert codes == {
        "missing", "money_negative", "uscc_invalid_checksum", "string_too_short",
        "extra_forbidden",
    }  # fmt: skip


def test_messages_are_chinese_by_default_and_english_on_request(contract_data: dict) -> None:
    del contract_data["auction_venue"]
    with pytest.raises(ModelInvalid) as zh:
        validate("entrustment_contract", contract_data)
    assert str(zh.value.problems[0]) == "拍卖地点：缺少必填项"
    with pytest.raises(ModelInvalid) as en:
        validate("entrustment_contract", contract_data, lang="en")
    assert en.value.problems[0].message == "required field is missing"


def test_end_before_start_is_refused() -> None:
    data = load_example("announcement")
    data["exhibition_end"] = "2026-12-13"
    assert problems_of("announcement", data) == [("展示结束日期", "end_before_start")]
    online = load_example("net_judicial_announcement")
    online["bidding_end"] = online["bidding_start"]
    assert problems_of("net_judicial_announcement", online) == [
        ("竞价结束时间", "end_before_start")
    ]


def test_a_vehicle_needs_a_valid_vin() -> None:
    data = load_example("vehicle_handover")
    del data["vehicle"]["vin"]
    assert problems_of("vehicle_handover", data) == [("车辆信息 › 车辆识别代号", "missing")]
    data["vehicle"]["vin"] = "LFV2A21K9A3654321"
    assert problems_of("vehicle_handover", data) == [
        ("车辆信息 › 车辆识别代号", "vin_invalid_checksum")
    ]


def test_organisations_need_a_legal_representative(contract_data: dict) -> None:
    del contract_data["consignor"]["legal_representative"]
    assert problems_of("entrustment_contract", contract_data) == [
        ("委托人", "legal_representative_missing")
    ]


def test_enums_accept_the_printed_chinese_label(contract_data: dict) -> None:
    contract_data["consignor"]["party_type"] = "法人"
    contract_data["lots"][0]["property_class"] = "动产"
    contract = validate("entrustment_contract", contract_data)
    assert isinstance(contract, EntrustmentContract)
    assert contract.consignor.party_type is PartyType.LEGAL_PERSON
    assert str(contract.consignor.party_type) == "法人"


def test_dates_in_chinese_form_are_accepted(contract_data: dict) -> None:
    contract_data["signed_date"] = "2026年11月20日"
    contract_data["auction_datetime"] = "2026年12月18日 10:00"
    contract = validate("entrustment_contract", contract_data)
    assert isinstance(contract, EntrustmentContract)
    assert contract.signed_date.isoformat() == "2026-11-20"
    assert contract.auction_datetime.isoformat() == "2026-12-18T10:00:00"
    contract_data["signed_date"] = "2026年2月30日"
    assert problems_of("entrustment_contract", contract_data) == [("签订日期", "date_impossible")]


def test_money_and_percent_are_exact(contract_data: dict) -> None:
    contract = validate("entrustment_contract", contract_data)
    assert isinstance(contract, EntrustmentContract)
    assert contract.lots[0].reserve_price == Decimal("80000.00")
    assert contract.commission_rate_buyer == Decimal("0.05")
    dumped = json.loads(contract.model_dump_json())
    assert dumped["lots"][0]["reserve_price"] == "80000.00"


def test_personal_data_is_masked_in_repr_and_output() -> None:
    document = validate("sale_confirmation", load_example("sale_confirmation"))
    text = repr(document)
    assert "410105199202156789" not in text and "410105********6789" in text
    assert "13903710088" not in text
    dumped = document.model_dump_json()
    assert "410105199202156789" not in dumped and "13903710088" not in dumped
    assert "1706021209100123456" not in dumped
    shown = document.model_dump_json(context={"show_personal_data": True})
    assert "410105199202156789" in shown and "13903710088" in shown
    # the real value is still there for the documents that must print it
    assert str(document.buyer.id_number) == "410105199202156789"


def test_unknown_birthplace_county_is_a_warning_not_an_error() -> None:
    data = load_example("bidder_registration")
    data["bidder"]["id_number"] = "410724197811052347"  # county code absent from stdnum's table
    document = validate("bidder_registration", data)
    warnings = model_warnings(document)
    assert [(w.where, w.code) for w in warnings] == [
        ("竞买人 › 证件号码", "ric_unknown_birthplace")
    ]
    assert (
        model_warnings(validate("bidder_registration", load_example("bidder_registration"))) == []
    )


def test_unknown_kind_names_the_known_ones() -> None:
    from paimai_docs.errors import UnknownKind

    with pytest.raises(UnknownKind, match="entrustment_contract"):
        get_model("contract")


def test_models_are_independent_of_each_other(contract_data: dict) -> None:
    first = validate("entrustment_contract", contract_data)
    second = validate("entrustment_contract", copy.deepcopy(contract_data))
    assert first == second and first is not second
