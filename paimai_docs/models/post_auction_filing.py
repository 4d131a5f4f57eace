"""拍卖活动后期备案登记表 — the post-auction filing (catalogue 3.4)."""

from __future__ import annotations

from typing import ClassVar

from .base import Date, DocumentModel, Text, field
from .common import DocRef
from .enums import Outcome

__all__ = ["PostAuctionFiling"]


class PostAuctionFiling(DocumentModel):
    """拍卖活动后期备案登记表 and the documents filed with it."""

    document_kind: ClassVar[str] = "post_auction_filing"
    model_name: ClassVar[str] = "post_auction_filing"
    title: ClassVar[str] = "拍卖活动后期备案登记表"
    title_en: ClassVar[str] = "Post-auction filing"

    auction_company: Text = field("拍卖企业名称", synonyms=("拍卖企业", "拍卖公司"))
    auction_session_name: Text = field("拍卖会名称", synonyms=("拍卖会",))
    auction_end_date: Date = field("拍卖会结束日期", synonyms=("拍卖日期", "拍卖会日期"))
    pre_filing_ref: Text = field("对应会前备案编号", synonyms=("会前备案", "事前备案编号"))
    outcome: Outcome = field("拍卖结果", synonyms=("结果", "成交情况"))
    outcome_details: str | None = field(
        "具体情况", default=None, synonyms=("终止、中止、流拍具体情况", "情况说明")
    )
    bidder_register_copy: DocRef = field(
        "竞买人登记表复印件", synonyms=("竞买人名单", "竞买登记表")
    )
    bidder_id_copies: list[DocRef] = field(
        "竞买人身份证明复印件", default_factory=list, synonyms=("竞买人身份证明",)
    )
    buyer_id_copies: list[DocRef] = field(
        "成交人身份证明复印件", default_factory=list, synonyms=("买受人身份证明",)
    )
    transcript_copy: DocRef | None = field("拍卖笔录复印件", default=None, synonyms=("拍卖笔录",))
    video_ref: DocRef | None = field("拍卖现场完整视频资料", default=None, synonyms=("视频资料",))
    confirmation_copies: list[DocRef] = field(
        "成交确认书复印件", default_factory=list, synonyms=("成交确认书",)
    )
    sales_list: DocRef | None = field("成交清单", default=None)
    form_original: DocRef | None = field("后期备案登记表原件", default=None)
    filing_date: Date = field("备案日期", synonyms=("报备日期", "填报日期"))
