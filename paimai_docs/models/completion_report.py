"""成交报告 — the completion report, with the attachment list of catalogue 3.2 (B1…B10).
Required items, numbers and conditions are rule data (``rules/``)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ..values.money import Money
from .base import DateTime, DocumentModel, Text, field
from .common import DocRef, Party
from .enums import BuyerType, CompletionReportItem

__all__ = ["CompletionReport", "CompletionReportAttachment"]


class CompletionReportAttachment(DocRef):
    """One line of the completion report's attachment list."""

    item: CompletionReportItem = field("附件序号", synonyms=("序号",))


class CompletionReport(DocumentModel):
    """成交报告."""

    document_kind: ClassVar[str] = "completion_report"
    model_name: ClassVar[str] = "completion_report"
    title: ClassVar[str] = "成交报告"
    title_en: ClassVar[str] = "Completion report"

    court: str | None = field("委托法院", default=None, synonyms=("人民法院", "法院"))
    case_no: str | None = field("案号", default=None, synonyms=("执行案号",))
    lot_refs: list[Text] = field("拍卖标的", min_length=1, synonyms=("标的", "标的名称"))
    auction_datetime: DateTime = field("拍卖时间", synonyms=("拍卖日期",))
    auction_venue: Text = field("拍卖地点", synonyms=("拍卖会地点",))
    hammer_price: Money = field("成交价", synonyms=("成交价款", "成交金额", "落槌价"))
    buyer: Party = field("买受人", synonyms=("竞得人", "买方"))
    buyer_type: BuyerType = field("买受人类型", synonyms=("买受人性质",))
    payment_voucher: DocRef = field("成交价款交纳凭证", synonyms=("付款凭证", "价款交纳凭证"))
    electronic_bidding: bool = field("是否电子竞价", synonyms=("电子竞价",))
    used_agent: bool = field("是否委托代理人竞买", default=False, synonyms=("委托代理人",))
    attachments: list[CompletionReportAttachment] = field("附件", synonyms=("附件清单",))
    all_copies_sealed: bool = field("复印件均加盖公章", synonyms=("加盖公章",))
    original_count: int = field("正本份数", ge=1, synonyms=("正本",))
    copy_count: int = field("副本份数", ge=0, synonyms=("副本",))
    distribution: list[Text] = field("分送单位", min_length=1, synonyms=("报送", "抄送"))

    @model_validator(mode="after")
    def _agent_stated_once(self) -> CompletionReport:
        if self.buyer.agent is not None and not self.used_agent:
            raise PydanticCustomError(
                "agent_without_used_agent",
                "买受人有代理人，报告却标明未委托代理人竞买：请改正是否委托代理人竞买",
            )
        return self
