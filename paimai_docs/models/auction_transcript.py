"""拍卖笔录 — the record of the auction (拍卖法 art. 54; catalogue 4.9)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ..values.money import Money
from .base import DateTime, DocumentModel, Record, Text, field
from .common import DocRef
from .enums import LotResult

__all__ = ["AuctionTranscript", "Bid", "TranscriptLot"]


class Bid(Record):
    """One bid as the record writes it."""

    bidder_no: Text = field("竞买号牌", synonyms=("号牌",))
    amount: Money = field("应价", synonyms=("报价", "出价"))
    time: DateTime | None = field("时间", default=None)


class TranscriptLot(Record):
    """The record of one lot."""

    lot_no: Text = field("标的编号", synonyms=("拍卖序号", "序号"))
    name: Text = field("标的名称", synonyms=("名称",))
    has_reserve: bool = field("有无保留价", synonyms=("保留价",))
    reserve_declared: bool = field("无保留价已说明", default=False)
    starting_price: Money = field("起拍价", synonyms=("起叫价",))
    increment: Money = field("加价幅度", synonyms=("增价幅度",))
    bids: list[Bid] = field("应价记录", default_factory=list, synonyms=("竞价记录",))
    highest_bid: Money | None = field("最高应价", default=None, synonyms=("最高报价",))
    result: LotResult = field("拍卖结果", synonyms=("结果",))
    hammer_time: DateTime | None = field("落槌时间", default=None)
    buyer_bidder_no: str | None = field("买受人号牌", default=None, synonyms=("成交号牌",))
    preemption_exercised: bool | None = field("优先购买权行使情况", default=None)
    buyer_signed: bool | None = field("买受人签名", default=None)

    @model_validator(mode="after")
    def _sold_needs_buyer(self) -> Any:
        if self.result is LotResult.SOLD and not self.buyer_bidder_no:
            raise PydanticCustomError("sold_without_buyer", "成交的标的须记录买受人号牌")
        if self.has_reserve and self.reserve_declared:
            raise PydanticCustomError(
                "reserve_declared_with_reserve",
                "有保留价的标的不能标明“无保留价已说明”：请改正有无保留价或删去该项",
            )
        if self.result is LotResult.BELOW_RESERVE and not self.has_reserve:
            raise PydanticCustomError(
                "below_reserve_without_reserve",
                "无保留价的标的不能以“未达保留价停止”结束：请改正有无保留价或拍卖结果",
            )
        if self.result is not LotResult.SOLD and self.buyer_bidder_no:
            raise PydanticCustomError(
                "buyer_without_sale", "未成交的标的不能记录买受人号牌：请改正拍卖结果或删去号牌"
            )
        return self


class AuctionTranscript(DocumentModel):
    """拍卖笔录."""

    document_kind: ClassVar[str] = "auction_transcript"
    model_name: ClassVar[str] = "auction_transcript"
    title: ClassVar[str] = "拍卖笔录"
    title_en: ClassVar[str] = "Auction transcript"

    auction_session_name: Text = field("拍卖会名称", synonyms=("拍卖会",))
    auction_datetime: DateTime = field("拍卖时间", synonyms=("拍卖日期", "拍卖会时间"))
    auction_venue: Text = field("拍卖地点", synonyms=("拍卖会地点",))
    auctioneer_name: Text = field("拍卖师", synonyms=("拍卖师姓名", "主槌拍卖师"))
    auctioneer_cert_no: Text = field("拍卖师资格证号", synonyms=("资格证号", "执业证号"))
    recorder_name: Text = field("记录人", synonyms=("书记员", "记录员"))
    rules_announced: bool = field("已宣布拍卖规则和注意事项", synonyms=("宣布拍卖规则",))
    commission_seat_announced: bool | None = field("委托竞买席已说明", default=None)
    lots: list[TranscriptLot] = field("各标的记录", min_length=1, synonyms=("拍卖标的",))
    objections_incidents: list[Text] = field("异议及现场情况", default_factory=list)
    suspension_termination: str | None = field("中止或终止及原因", default=None)
    auctioneer_signed: bool = field("拍卖师签名", default=False)
    recorder_signed: bool = field("记录人签名", default=False)
    video_ref: DocRef | None = field("全程录像", default=None, synonyms=("录像", "视频"))
