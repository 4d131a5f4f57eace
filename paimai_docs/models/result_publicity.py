"""交易结果公示 — publicity of the result of a state-asset disposal (trading-centre procedure
§九; catalogue 4.12)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator

from ..values.money import Money
from .base import Date, DocumentModel, Text, check_not_before, field
from .common import Party

__all__ = ["TransactionResultPublicity"]


class TransactionResultPublicity(DocumentModel):
    """交易结果公示."""

    document_kind: ClassVar[str] = "result_publicity"
    model_name: ClassVar[str] = "result_publicity"
    title: ClassVar[str] = "交易结果公示"
    title_en: ClassVar[str] = "Transaction result publicity"

    project_name: Text = field("项目名称", synonyms=("标的名称", "项目"))
    project_no: Text = field("项目编号", synonyms=("编号",))
    disposing_unit: Party = field("资产处置方", synonyms=("处置单位", "转让方"))
    auction_firm: Party = field("拍卖机构", synonyms=("拍卖人", "拍卖公司"))
    asset_name: Text = field("标的名称", synonyms=("资产名称",))
    appraisal_value: Money | None = field("评估结果", default=None, synonyms=("评估价",))
    reserve_or_floor: Money | None = field("保留价", default=None, synonyms=("转让底价", "底价"))
    transaction_price: Money = field("成交价", synonyms=("成交价格", "成交金额"))
    buyer_name: Text = field("买受人", synonyms=("受让方", "竞得人"))
    auction_date: Date = field("拍卖日期", synonyms=("交易日期",))
    buyer_determined_date: Date = field("买受人确定日期", synonyms=("成交日期",))
    drafted_date: Date = field("公示编制日期", synonyms=("编制日期",))
    sealed_date: Date = field("处置方盖章日期", synonyms=("盖章日期",))
    published_date: Date = field("公示发布日期", synonyms=("发布日期", "公示日期"))
    publicity_end: Date = field("公示期截止", synonyms=("公示期", "公示截止"))

    @field_validator("buyer_determined_date")
    @classmethod
    def _after_auction(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("auction_date"), value, "拍卖日期")
        return value

    @field_validator("publicity_end")
    @classmethod
    def _after_publication(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("published_date"), value, "公示发布日期")
        return value
