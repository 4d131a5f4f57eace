"""Which scope a bundle or a model belongs to, when the user did not say — and why we think so."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from ..reading.types import Document

_MODEL_SCOPES = {
    "judicial_announcement": "JUD-OFF",
    "net_judicial_announcement": "JUD-NET",
    "state_asset_announcement": "SOA-ADM",
    "result_publicity": "SOA-ADM",
    "vehicle_handover": "VEH",
    "vehicle_disposal_authorization": "VEH",
}


def infer_scope_from_models(models: Sequence[BaseModel]) -> tuple[str, str]:
    for model in models:
        name = getattr(model, "model_name", "")
        if name in _MODEL_SCOPES:
            return _MODEL_SCOPES[name], f"文书类型为{getattr(model, 'title', name)}"
        if getattr(model, "is_state_asset", False):
            return "SOA-ADM", "合同载明标的为国有资产"
        if getattr(model, "court", None) or getattr(model, "court_name", None):
            return "JUD-OFF", "文书载明委托法院"
    return "COM", "未发现司法、国有资产或车辆处置的特征，按社会拍卖处理"


# (scope, words that point to it, what we say) — checked in order; the first with a hit wins.
_SIGNALS = (
    (
        "JUD-NET",
        ("网络司法拍卖", "司法拍卖网络平台", "sf.taobao", "京东拍卖", "诉讼资产网"),
        "网络司法拍卖",
    ),
    ("VEH", ("车辆交接书", "车辆处置授权书", "处置车辆"), "车辆处置"),
    # Courts before trading centres: judicial sales are often held at a trading centre.
    ("JUD-OFF", ("人民法院", "执行案号", "司法拍卖"), "法院委托拍卖"),
    (
        "SOA-ADM",
        ("国有资产处置", "行政事业单位", "进场交易通知单", "公共资源交易中心"),
        "国有资产处置",
    ),
    ("SOA-ENT", ("企业国有产权", "产权转让", "国有产权"), "企业国有资产交易"),
)


_SCOPE_NAMES_EN = {
    "JUD-NET": "an online judicial auction",
    "VEH": "a vehicle disposal",
    "JUD-OFF": "a court-entrusted auction",
    "SOA-ADM": "a disposal of institutional state assets",
    "SOA-ENT": "an enterprise state-asset transaction",
    "COM": "a social auction",
}


def infer_scope_from_documents(documents: Sequence[Document]) -> tuple[str, str]:
    """The scope the documents point to, and why (in Chinese)."""
    scope, reason, _reason_en = infer_scope_with_reasons(documents)
    return scope, reason


def infer_scope_with_reasons(documents: Sequence[Document]) -> tuple[str, str, str]:
    """The scope the documents point to, and why — in Chinese and in English."""
    text = "\n".join(page.normalized for doc in documents for page in doc.pages)
    for scope, words, what in _SIGNALS:
        hits = [w for w in words if w in text]
        if hits:
            return (
                scope,
                f"材料中出现“{hits[0]}”，按{what}处理",
                f"the documents mention “{hits[0]}”: checked as {_SCOPE_NAMES_EN[scope]}",
            )
    return (
        "COM",
        "未发现司法、国有资产或车辆处置的特征，按社会拍卖处理",
        "no sign of a judicial, state-asset or vehicle sale: checked as a social auction",
    )
