"""委托拍卖合同 — the entrustment contract (拍卖法 art. 44; 拍卖管理办法 art. 30).

The nine clauses of art. 44 are required content: parties and domiciles, the lots, the reserve
price, the auction's time and place, delivery of the lots, commission, payment of the proceeds,
liability for breach, and other agreed terms. Art. 30 adds the arrangements for an unsold outcome
and for suspension or termination.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator

from ..values.money import Money
from ..values.percent import Percent
from .base import Date, DateTime, DocumentModel, Text, check_not_before, field
from .common import ContractLot, DocRef, Party

__all__ = ["EntrustmentContract"]


class EntrustmentContract(DocumentModel):
    """委托拍卖合同."""

    document_kind: ClassVar[str] = "entrustment_contract"
    model_name: ClassVar[str] = "entrustment_contract"
    title: ClassVar[str] = "委托拍卖合同"
    title_en: ClassVar[str] = "Entrustment contract"

    contract_no: str | None = field("合同编号", default=None, synonyms=("编号", "合同号"))
    # 拍卖法 art. 44(1)
    consignor: Party = field("委托人", synonyms=("甲方", "委托方"))
    auctioneer: Party = field("拍卖人", synonyms=("乙方", "受托人", "拍卖公司", "拍卖机构"))
    auctioneer_licence_no: Text | None = field(
        "拍卖经营批准证书编号",
        default=None,
        synonyms=("拍卖经营许可证号", "拍卖许可证编号", "拍卖经营批准证书号"),
    )
    public_auction_qualification: DocRef | None = field("公物拍卖资格证书", default=None)
    business_licence_copy: DocRef | None = field("营业执照复印件", default=None)
    legal_rep_id_copy: DocRef | None = field("法定代表人身份证复印件", default=None)
    # art. 44(2) and (3): the lots, each with its reserve price
    lots: list[ContractLot] = field(
        "拍卖标的", min_length=1, synonyms=("标的", "拍卖标的清单", "标的名称、规格、数量、质量")
    )
    # art. 44(4)
    auction_datetime: DateTime = field("拍卖时间", synonyms=("拍卖会时间", "拍卖日期"))
    auction_venue: Text = field("拍卖地点", synonyms=("拍卖会地点", "拍卖场所"))
    # art. 44(5)
    lot_delivery_time: Text = field(
        "标的交付或者转移的时间", synonyms=("交付时间", "移交时间", "标的交付时间")
    )
    lot_delivery_method: Text = field(
        "标的交付或者转移的方式", synonyms=("交付方式", "移交方式", "标的交付方式")
    )
    # art. 44(6)
    commission_rate_consignor: Percent = field(
        "委托人支付佣金比例", synonyms=("委托人佣金", "向委托人收取佣金")
    )
    commission_rate_buyer: Percent = field(
        "买受人支付佣金比例", synonyms=("买受人佣金", "向买受人收取佣金")
    )
    commission_payment_method: Text = field("佣金支付方式", synonyms=("佣金的支付方式",))
    commission_payment_deadline: Text = field("佣金支付期限", synonyms=("佣金的支付期限",))
    # art. 44(7)
    proceeds_payment_method: Text = field(
        "价款支付方式", synonyms=("拍卖价款支付方式", "价款的支付方式", "成交价款支付方式")
    )
    proceeds_payment_deadline: Text = field(
        "价款支付期限", synonyms=("价款的支付期限", "拍卖价款支付期限")
    )
    # art. 44(8)
    breach_liability: Text = field("违约责任", synonyms=("违约条款",))
    # 拍卖管理办法 art. 30
    unsold_arrangement: Text = field(
        "拍卖未成交的有关事宜", synonyms=("未成交事宜", "流拍处理", "拍卖未成交")
    )
    suspension_termination_compensation: Text = field(
        "中止或终止拍卖的损失赔偿",
        synonyms=("中止拍卖", "终止拍卖", "中止或者终止拍卖所造成损失的赔偿责任"),
    )
    withdrawal_fee: Text | None = field("撤回标的费用", default=None, synonyms=("撤回拍卖标的",))
    # art. 44(9): the clause is kept even when there is nothing more to agree
    other_terms: Text = field(
        "双方约定的其他事项", synonyms=("其他约定事项", "其他事项", "其他约定")
    )
    joint_auction_agreement: DocRef | None = field("联合拍卖协议", default=None)
    is_state_asset: bool = field("是否国有资产", synonyms=("国有资产",))
    disposal_approval_ref: DocRef | None = field(
        "资产处置批准文件", default=None, synonyms=("处置批复",)
    )
    deposit_amount: Money | None = field("保证金", default=None, synonyms=("竞买保证金",))
    signed_date: Date = field("签订日期", synonyms=("签约日期", "签署日期", "日期"))
    signed_place: Text = field("签订地点", synonyms=("签约地点",))
    termination_date: Date | None = field("合同终止日期", default=None)

    @field_validator("termination_date")
    @classmethod
    def _termination_after_signing(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("signed_date"), value, "签订日期")
        return value
