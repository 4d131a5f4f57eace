"""竞买人登记表 — bidder registration (拍卖管理办法 art. 29; catalogue 4.13)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ..values.contact import BankAccountNumber
from ..values.money import Money
from .base import DateTime, DocumentModel, Text, field
from .common import Agent, DocRef, Party, PowerOfAttorney

__all__ = ["BidderRegistration"]


class BidderRegistration(DocumentModel):
    """竞买人登记表."""

    document_kind: ClassVar[str] = "bidder_registration"
    model_name: ClassVar[str] = "bidder_registration"
    title: ClassVar[str] = "竞买人登记表"
    title_en: ClassVar[str] = "Bidder registration"

    bidder_no: Text = field("竞买号牌", synonyms=("号牌", "竞买代码", "竞买号"))
    bidder: Party = field("竞买人", synonyms=("竞买人名称", "竞买人姓名"))
    full_civil_capacity: bool = field("具有完全民事行为能力", synonyms=("完全民事行为能力",))
    special_qualification: DocRef | None = field("特殊资格证明", default=None)
    meets_announced_conditions: bool | None = field("符合公告竞买人条件", default=None)
    agent: Agent | None = field("代理人", default=None, synonyms=("委托代理人",))
    power_of_attorney: PowerOfAttorney | None = field("授权委托书", default=None)
    agent_confirmed_by_court: bool | None = field("代拍经法院确认", default=None)
    preemption_holder: bool = field("是否优先购买权人", default=False, synonyms=("优先购买权",))
    preemption_order: int | None = field("优先购买顺序", default=None, ge=1)
    lots_of_interest: list[Text] = field("拟竞买标的", min_length=1, synonyms=("竞买标的",))
    deposit_amount: Money = field("保证金金额", synonyms=("保证金", "竞买保证金"))
    deposit_paid_at: DateTime = field("保证金缴纳时间", synonyms=("缴纳时间", "交纳时间"))
    deposit_voucher_no: Text = field("保证金凭证号", synonyms=("凭证号", "收据编号"))
    payee_account: Text = field("保证金收款账户", synonyms=("收款账户",))
    refund_account: BankAccountNumber | None = field(
        "退款账户", default=None, synonyms=("退款账号",)
    )
    registration_datetime: DateTime = field("登记时间", synonyms=("报名时间", "登记日期"))
    rules_acknowledged: bool = field("已阅拍卖规则及须知并签署竞买协议", synonyms=("竞买协议",))
    defects_acknowledged: bool = field("已知悉标的瑕疵", synonyms=("知悉瑕疵",))

    @model_validator(mode="after")
    def _no_contradictions(self) -> BidderRegistration:
        if self.preemption_order is not None and not self.preemption_holder:
            raise PydanticCustomError(
                "preemption_order_without_right",
                "不是优先购买权人却填写了优先购买顺序：请改正是否优先购买权人或删去顺序",
            )
        if self.agent_confirmed_by_court and self.agent is None and self.bidder.agent is None:
            raise PydanticCustomError(
                "court_confirmed_without_agent",
                "未委托代理人却标明代拍经法院确认：请填写代理人或删去该项",
            )
        return self
