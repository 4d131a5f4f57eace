"""会前备案表 — the pre-auction filing (catalogue 3.3: the firm's list and the 2013 rule's)."""

from __future__ import annotations

from typing import ClassVar

from .base import Date, DateTime, DocumentModel, Text, field
from .common import DocRef
from .enums import FilingAuthority

__all__ = ["PreAuctionFiling"]


class PreAuctionFiling(DocumentModel):
    """会前备案表 and the documents filed with it."""

    document_kind: ClassVar[str] = "pre_auction_filing"
    model_name: ClassVar[str] = "pre_auction_filing"
    title: ClassVar[str] = "拍卖会前备案表"
    title_en: ClassVar[str] = "Pre-auction filing"

    auction_company: Text = field("拍卖企业名称", synonyms=("拍卖企业", "拍卖公司", "拍卖人"))
    business_licence_copy: DocRef | None = field("营业执照复印件", default=None)
    auction_session_name: Text = field("拍卖会名称", synonyms=("拍卖会", "专场名称"))
    auction_datetime: DateTime = field("拍卖会时间", synonyms=("拍卖时间", "拍卖日期"))
    auction_venue: Text = field("拍卖会地点", synonyms=("拍卖地点",))
    auctioneer_name: Text = field("拍卖师姓名", synonyms=("拍卖师", "主槌拍卖师"))
    auctioneer_cert_no: Text = field("拍卖师资格证号", synonyms=("拍卖师资格证书编号", "资格证号"))
    auctioneer_cert_copy: DocRef | None = field("拍卖师资格证复印件", default=None)
    announcement_publish_date: Date = field("公告发布日期", synonyms=("公告日期", "发布日期"))
    announcement_media: list[Text] = field(
        "公告发布媒介", min_length=1, synonyms=("发布媒体", "公告媒体", "刊登报纸")
    )
    newspaper_copy: DocRef | None = field("拍卖公告报纸复印件", default=None)
    exhibition_start: Date = field("展示开始日期", synonyms=("展示日期", "预展时间"))
    exhibition_end: Date = field("展示结束日期", synonyms=("展示截止",))
    lot_list: DocRef | None = field("拍卖标的清单", default=None, synonyms=("标的清单",))
    auction_rules: DocRef | None = field("拍卖规则", default=None)
    approval_docs: list[DocRef] = field("有关审批文件", default_factory=list)
    entrustment_contract_copy: DocRef | None = field("委托合同复印件", default=None)
    joint_auction_agreement_copy: DocRef | None = field("联合拍卖协议复印件", default=None)
    form_original: DocRef | None = field("事前备案表原件", default=None)
    authorities: list[FilingAuthority] = field("备案机关", min_length=1, synonyms=("备案部门",))
    filing_date: Date = field("备案日期", synonyms=("报备日期", "填报日期"))
    mofcom_session_registered: bool = field(
        "已在全国拍卖行业管理信息系统备案", default=False, synonyms=("全国拍卖系统",)
    )
