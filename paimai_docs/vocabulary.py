"""The words of the domain, written once: document kinds, business scopes, stages of a case and
finding severities, each with its Chinese and English name. Everything else imports them from
here (rules validate against them, the reader classifies into them, reports print their names).

Plain data, importing only :mod:`paimai_docs.lang` (itself without imports), so that the command
line can offer them as choices without loading the models or the engine.
"""

from __future__ import annotations

from .lang import say

__all__ = [
    "DOCUMENT_KINDS",
    "FACT_VALUES",
    "KINDS",
    "LOT_TYPES",
    "READ_PROBLEMS",
    "RULE_KINDS",
    "SCOPES",
    "SCOPE_TITLES",
    "SEVERITIES",
    "STAGES",
    "YES_NO",
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

# what a plan counts for: the deadlines of movables, or of immovables and other property rights
LOT_TYPES: dict[str, tuple[str, str]] = {
    "movable": ("动产", "movable"),
    "immovable": ("不动产及其他财产权", "immovable"),
}

# severity -> (中文, English), least severe last
SEVERITIES: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
}

# the machine values a reader's fact may take (property_class, a lot's result, a filing's
# outcome) -> (中文, English), as reports show them
FACT_VALUES: dict[str, tuple[str, str]] = {
    "movable": ("动产", "movable property"),
    "immovable": ("不动产", "real estate"),
    "property_right": ("其他财产权利", "property rights"),
    "sold": ("成交", "sold"),
    "partly_sold": ("部分成交", "partly sold"),
    "failed": ("流拍", "failed"),
    "no_bids": ("无人应价", "no bids"),
    "below_reserve": ("未达保留价", "below the reserve"),
    "nobody_registered": ("无人报名", "nobody registered"),
    "withdrawn": ("撤回", "withdrawn"),
    "suspended": ("中止", "suspended"),
    "terminated": ("终止", "terminated"),
}

# a yes/no fact -> (中文, English)
YES_NO: dict[bool, tuple[str, str]] = {True: ("是", "yes"), False: ("否", "no")}

# why a file (or a page) could not be read: ReadProblem.code -> (中文, English)
READ_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_found": ("找不到文件", "file not found"),
    "unreadable": ("无法读取", "cannot be read"),
    "empty_file": ("空文件", "empty file"),
    "not_a_pdf": ("不是 PDF", "not a PDF"),
    "too_large": ("过大或耗尽内存", "too large or out of memory"),
    "encrypted": ("已加密", "encrypted"),
    "corrupt": ("已损坏或不完整", "corrupt or truncated"),
    "timeout": ("读取超时", "timed out"),
    "crashed": ("解析库崩溃", "the PDF library crashed"),
    "page_unreadable": ("该页无法加载", "page cannot be loaded"),
    "too_many_pages": ("页数超过上限", "too many pages"),
    "too_many_files": ("文件数超过上限", "too many files"),
    "unsupported_file": ("不支持的文件类型", "unsupported file type"),
    "symlink_skipped": ("符号链接未读取", "symbolic link skipped"),
    "xml_entities": ("含 XML 实体声明", "XML entity declarations"),
    "zip_path_escape": ("压缩包路径越界", "zip path escapes the archive"),
    "zip_symlink": ("压缩包中的符号链接", "symbolic link in zip"),
    "zip_bomb": ("疑似压缩炸弹", "zip bomb"),
    "zip_too_many_members": ("压缩包条目过多", "too many zip entries"),
    "zip_nested_too_deep": ("压缩包嵌套过深", "zips nested too deep"),
    "zip_duplicate_name": ("压缩包中有同名条目", "duplicate zip entry"),
    "manifest_invalid": ("清单文件无效", "invalid manifest"),
    "manifest_unknown_file": ("清单列出的文件不存在", "manifest names a missing file"),
    "manifest_ignored": ("多余的清单文件", "manifest not used"),
    "ocr_failed": ("OCR 失败", "OCR failed"),
    "needs_libreoffice": ("需要 LibreOffice 才能读取", "needs LibreOffice to be read"),
    "needs_ocr": ("需要 OCR 组件才能读取", "needs the OCR extra to be read"),
    "not_read": ("仅列出，未读取", "listed, not read"),
    "symlink_loop": ("符号链接循环，已跳过", "symbolic link loop skipped"),
    "symlink_duplicate": ("符号链接指向已读取的文件夹", "symbolic link to a folder read already"),
    "internal_error": ("内部错误", "internal error"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str = "zh") -> str:
    """The name of ``key`` in ``table`` in ``lang`` (the key itself when the table lacks it)."""
    names = table.get(key)
    if names is None:
        return key
    return say(names[0], names[1], lang)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 file``, ``2 files`` (English counts; ``plural`` when it is not ``noun + "s"``)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
