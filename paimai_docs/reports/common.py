"""What every report shows the same way: document titles, masking, ordering, labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..engine import Finding
from ..reading.privacy import mask_text
from ..reading.types import Document

KIND_TITLES = {
    "entrustment_contract": ("委托拍卖合同", "Entrustment contract"),
    "announcement": ("拍卖公告", "Auction announcement"),
    "pre_auction_filing": ("拍卖会前备案表", "Pre-auction filing"),
    "post_auction_filing": ("拍卖活动后期备案登记表", "Post-auction filing"),
    "failed_auction_report": ("流拍报告", "Failed-auction report"),
    "completion_report": ("成交报告", "Completion report"),
    "sale_confirmation": ("拍卖成交确认书", "Sale confirmation"),
    "auction_transcript": ("拍卖笔录", "Auction transcript"),
    "bidder_registration": ("竞买人登记表", "Bidder registration"),
    "vehicle_handover": ("车辆交接书", "Vehicle handover record"),
    "vehicle_disposal_authorization": ("车辆处置授权书", "Vehicle disposal authorization"),
    "result_publicity": ("交易结果公示", "Transaction result publicity"),
    "bidding_rules": ("竞买须知/拍卖规则", "Bidding rules"),
    "entrustment_notice": ("委托须知", "Notice to consignors"),
    "suspension_notice": ("中止/撤回/变更拍卖公告", "Suspension or correction notice"),
    "appraisal_report": ("评估报告", "Appraisal report"),
    "application": ("申请书", "Application"),
    "unknown": ("未能识别的文件", "Unrecognised document"),
}
STAGE_TITLES = {
    "before": ("拍卖前", "before the auction"),
    "after": ("拍卖后", "after the auction"),
    "failed": ("流拍", "failed"),
    "sold": ("成交", "sold"),
}
SEVERITY_TITLES = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
}


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def kind_title(kind: str, lang: str = "zh") -> str:
    return pick(KIND_TITLES.get(kind, (kind, kind)), lang)


def safe(text: str | None, show_personal_data: bool) -> str:
    """``text`` with ID, phone and bank numbers masked unless asked otherwise."""
    if not text:
        return ""
    return text if show_personal_data else mask_text(text)


def page_ranges(pages: Iterable[int]) -> str:
    """[1, 2, 3, 5] -> '1–3、5'."""
    numbers = sorted(set(pages))
    parts: list[str] = []
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif prev is not None and n == prev + 1:
            prev = n
        else:
            parts.append(f"{start}–{prev}" if start != prev else str(start))
            start = prev = n
    if start is not None:
        parts.append(f"{start}–{prev}" if start != prev else str(start))
    return "、".join(parts)


def findings_by_file(findings: Iterable[Finding]) -> dict[str | None, list[Finding]]:
    grouped: dict[str | None, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.file, []).append(finding)
    for items in grouped.values():
        items.sort(key=lambda f: (f.page or 0, -f.severity.rank, f.rule, f.item or 0))
    return grouped


def fact_value(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def document_order(documents: Iterable[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: d.file)
