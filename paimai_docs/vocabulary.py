"""The words of the domain, written once: document kinds, business scopes, stages of a case and
finding severities, each with its Chinese and English name. Everything else imports them from
here (rules validate against them, the reader classifies into them, reports print their names).

Plain data and no imports, so that the command line can offer them as choices without loading
the models or the engine.
"""

from __future__ import annotations

__all__ = [
    "DOCUMENT_KINDS",
    "KINDS",
    "RULE_KINDS",
    "SCOPES",
    "SCOPE_TITLES",
    "SEVERITIES",
    "STAGES",
    "label",
]

# kind -> (中文, English): the kinds the reader tells apart, ours first, then the near misses
# (never announcements or contracts), then "unknown"
KINDS: dict[str, tuple[str, str]] = {
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
DOCUMENT_KINDS: tuple[str, ...] = tuple(KINDS)

# what a rule may apply to: every kind of document, and the bundle as a whole
RULE_KINDS: tuple[str, ...] = (*DOCUMENT_KINDS, "bundle")

# scope code -> (中文, English)
SCOPE_TITLES: dict[str, tuple[str, str]] = {
    "COM": ("社会拍卖", "Social (commercial) auction"),
    "JUD-OFF": ("司法委托拍卖（现场）", "Court-entrusted live auction"),
    "JUD-NET": ("网络司法拍卖", "Online judicial auction"),
    "SOA-ADM": ("行政事业单位国有资产处置", "Administrative state-asset disposal"),
    "SOA-ENT": ("企业国有资产交易", "Enterprise state-asset transaction"),
    "VEH": ("车辆处置", "Vehicle disposal"),
}
SCOPES: tuple[str, ...] = tuple(SCOPE_TITLES)

# stage of a case -> (中文, English)
STAGES: dict[str, tuple[str, str]] = {
    "before": ("拍卖前", "before the auction"),
    "after": ("拍卖后", "after the auction"),
    "failed": ("流拍", "failed"),
    "sold": ("成交", "sold"),
}

# severity -> (中文, English), least severe last
SEVERITIES: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str = "zh") -> str:
    """The name of ``key`` in ``table`` in ``lang`` (the key itself when the table lacks it)."""
    names = table.get(key)
    if names is None:
        return key
    return names[1] if lang == "en" else names[0]
