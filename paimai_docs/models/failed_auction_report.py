"""流拍报告 — the failed-auction report to the entrusting court, with the attachment list of
catalogue 3.1 (F1…F8). Which attachments are required, in what numbers and on what condition is
rule data (``rules/``); the model records what the report says it carries."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .base import DateTime, DocumentModel, Record, Text, field
from .common import DocRef
from .enums import FailedReportItem, FailureReason

__all__ = ["FailedAuctionReport", "FailedReportAttachment"]


class FailedReportAttachment(DocRef):
    """One line of the failed-auction report's attachment list."""

    item: FailedReportItem = field("附件序号", synonyms=("序号",))


class NextStep(Record):
    """The proposed next step after a failed sale."""

    planned_date: str | None = field("再次拍卖计划日期", default=None)
    proposed_reduction: str | None = field("拟降价幅度", default=None, synonyms=("降价幅度",))
    note: str | None = field("说明", default=None)


class FailedAuctionReport(DocumentModel):
    """流拍报告."""

    document_kind: ClassVar[str] = "failed_auction_report"
    model_name: ClassVar[str] = "failed_auction_report"
    title: ClassVar[str] = "流拍报告"
    title_en: ClassVar[str] = "Failed-auction report"

    court: Text = field("委托法院", synonyms=("人民法院", "法院"))
    case_no: Text = field("案号", synonyms=("执行案号", "委托书编号"))
    lot_refs: list[Text] = field("拍卖标的", min_length=1, synonyms=("标的", "标的名称"))
    auction_datetime: DateTime = field("拍卖时间", synonyms=("拍卖日期", "拍卖会时间"))
    auction_venue: Text = field("拍卖地点", synonyms=("拍卖会地点",))
    failure_reason: FailureReason = field("流拍原因", synonyms=("流拍理由",))
    failure_details: str | None = field("流拍原因说明", default=None)
    any_registrant: bool = field("是否有人办理竞买手续", synonyms=("竞买登记情况", "报名情况"))
    attachments: list[FailedReportAttachment] = field("附件", synonyms=("附件清单", "附件材料"))
    all_copies_sealed: bool = field("复印件均加盖公章", synonyms=("加盖公章",))
    original_count: int = field("正本份数", ge=1, synonyms=("正本",))
    copy_count: int = field("副本份数", ge=0, synonyms=("副本",))
    distribution: list[Text] = field("分送单位", min_length=1, synonyms=("报送", "抄送"))
    post_filing_form: DocRef | None = field("事后备案表", default=None)
    next_step: NextStep | None = field("下一步计划", default=None, synonyms=("处理意见",))

    @model_validator(mode="after")
    def _nobody_registered_is_consistent(self) -> FailedAuctionReport:
        if self.failure_reason is FailureReason.NOBODY_REGISTERED and self.any_registrant:
            raise PydanticCustomError(
                "nobody_registered_with_registrants",
                "流拍原因为无人报名，却标明有人办理竞买手续：请改正其中一项",
            )
        return self
