"""拍卖成交确认书 — the sale confirmation signed at the hammer (拍卖法 art. 52)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ..values.contact import BankAccountNumber
from ..values.money import Money
from ..values.percent import Percent
from .base import Date, DateTime, DocumentModel, Record, Text, field
from .common import Lot, Party

__all__ = ["AuctionSession", "SaleConfirmation"]


class AuctionSession(Record):
    """The auction session a document refers to: name, date and time, venue."""

    name: Text = field("拍卖会名称", synonyms=("拍卖会", "专场"))
    datetime: DateTime = field("拍卖时间", synonyms=("拍卖日期", "拍卖会时间"))
    venue: Text = field("拍卖地点", synonyms=("拍卖会地点",))
    session_no: str | None = field("期次", default=None, synonyms=("场次",))


class SaleConfirmation(DocumentModel):
    """拍卖成交确认书."""

    document_kind: ClassVar[str] = "sale_confirmation"
    model_name: ClassVar[str] = "sale_confirmation"
    title: ClassVar[str] = "拍卖成交确认书"
    title_en: ClassVar[str] = "Sale confirmation"

    confirmation_no: Text = field("确认书编号", synonyms=("编号", "成交确认书编号"))
    auctioneer: Party = field("拍卖人", synonyms=("拍卖机构", "拍卖公司"))
    buyer: Party = field("买受人", synonyms=("竞得人", "买方"))
    bidder_no: str | None = field("竞买号牌", default=None, synonyms=("号牌", "竞买号"))
    auction_session: AuctionSession = field("拍卖会", synonyms=("拍卖会名称",))
    lot: Lot = field("拍卖标的", synonyms=("标的", "成交标的"))
    hammer_price: Money = field("成交价", synonyms=("成交价款", "落槌价", "成交金额"))
    commission_rate: Percent = field("佣金比例", synonyms=("佣金率",))
    commission_amount: Money = field("佣金", synonyms=("佣金金额", "应付佣金"))
    total_amount: Money = field("合计", synonyms=("合计金额", "应付总额", "总计"))
    total_amount_words: Text = field("合计（大写）", synonyms=("大写", "人民币（大写）"))
    deposit_applied: Money | None = field("保证金充抵", default=None, synonyms=("已付保证金",))
    balance_due: Money = field("应付余款", synonyms=("余款", "尚需支付"))
    payment_deadline: Date = field("付款期限", synonyms=("余款支付期限", "付款截止日期"))
    payment_account: Text = field("付款账户", synonyms=("收款账户", "账户"))
    payment_account_no: BankAccountNumber | None = field(
        "账号", default=None, synonyms=("收款账号",)
    )
    pickup_place: str | None = field("提取地点", default=None, synonyms=("交付地点",))
    pickup_deadline: Date | None = field("提取期限", default=None, synonyms=("提货期限",))
    storage_fee_rule: str | None = field("保管费用", default=None, synonyms=("逾期保管费",))
    default_clause: Text = field("违约责任", synonyms=("违约条款", "悔拍"))
    identity_confidential: bool = field("身份保密", default=False)
    signed_at: DateTime = field("签署时间", synonyms=("签订时间", "确认时间", "日期"))
    parts: int | None = field("联数", default=None, ge=1)
    online_public: bool = field("网拍平台公示", default=False)

    @model_validator(mode="after")
    def _confidential_is_not_published(self) -> SaleConfirmation:
        if self.online_public and (
            self.identity_confidential or self.buyer.confidentiality_requested
        ):
            raise PydanticCustomError(
                "confidential_identity_published",
                "买受人身份保密的成交确认书不能在网拍平台公示（网络司法拍卖公示买受人真实身份）："
                "请改正身份保密或网拍平台公示",
            )
        if self.buyer.confidentiality_requested and not self.identity_confidential:
            raise PydanticCustomError(
                "confidentiality_requested_not_kept",
                "买受人要求身份保密，确认书却未标明身份保密（拍卖法第二十一条）",
            )
        return self
