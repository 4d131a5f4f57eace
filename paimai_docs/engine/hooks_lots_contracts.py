"""Hooks of the lot, contract, state-asset and vehicle rules (families LOT, CONTRACT, SOA, VEH,
AUTH) that a declarative check cannot say: words that flag a lot a person must look at, one party
standing on both sides, a reserve kept secret in the contract and printed in the announcement, a
document the bundle must mention (named by the authority that issued it), and one vehicle
described alike in every document.

Each hook is registered by name in :data:`paimai_docs.engine.hooks.HOOKS`. Every one of them
reports only what the documents state plainly; where a value it needs is missing it says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .. import rx
from .checks import CheckFunction, _line, _pages, make_finding
from .findings import Finding
from .meaning import pattern_source
from .spec import Rule
from .subjects import FactValue, ModelSubject, Subject

if TYPE_CHECKING:
    from .context import Context

__all__ = ["LOT_CONTRACT_HOOKS"]


def _compile(patterns: Sequence[str]) -> re.Pattern[str] | None:
    parts = [pattern_source(p) for p in patterns]
    return rx.compile("|".join(f"(?:{part})" for part in parts)) if parts else None


# --------------------------------------------------------------------------------------------
# Words that flag a lot (LOT-02, LOT-06, VEH-10, AUTH-05)

# Words that, shortly before a flagged word in the same sentence, make it no statement that the
# lot is such a thing: a ban, a denial, a condition, a promise ("不含枪支", "如有权属争议").
_GUARD_BEFORE = (
    "不得", "禁止", "严禁", "不含", "不包括", "不属于", "不是", "并非", "非", "无", "没有",
    "不存在", "未发现", "未", "如", "若", "倘", "一旦", "凡", "保证", "承诺", "确保", "防止",
    "避免", "是否", "以外", "除", "不涉", "杜绝", "打击", "举报",
)  # fmt: skip
_SENTENCE_END = rx.compile(r"[。;!?\n]")
_BEFORE = 16
_AFTER = 16


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before ``start`` (at most ``_BEFORE`` characters) and after
    ``end`` (at most ``_AFTER``)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    return text[max(left, start - _BEFORE) : start], text[end : min(right, end + _AFTER)]


def _flags(rule: Rule, context: Context) -> list[dict[str, Any]]:
    flags = context.param(rule, "flags")
    return list(flags or [])


def _flag_hit(
    text: str, pattern: re.Pattern[str], before: re.Pattern[str], after: re.Pattern[str] | None
) -> re.Match[str] | None:
    for match in pattern.finditer(text):
        prefix, suffix = _sentence_around(text, match.start(), match.end())
        if before.search(prefix) or (after is not None and after.match(suffix)):
            continue
        return match
    return None


def flagged_words(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """A lot the text describes with words of a flag (the rule's ``flags``: each an ``item``, a
    ``label`` and ``patterns``), unless the sentence denies or conditions it just before
    (``guard_before``, default: 不含, 如, 无 …, plus ``guard_extra``) or right after
    (``guard_after``). A model is searched in the fields the rule names (``fields``), and by
    enum values (``values``)."""
    guards = [*(context.param(rule, "guard_before") or _GUARD_BEFORE)]
    before = _compile([*guards, *(context.param(rule, "guard_extra") or [])])
    after = _compile(context.param(rule, "guard_after") or [])
    assert before is not None
    for flag in _flags(rule, context):
        pattern = _compile(flag["patterns"])
        if pattern is None:
            continue
        fill = {"label": flag["label"], "label_en": flag.get("label_en", flag["label"])}
        hit = _first_hit(rule, subject, context, flag, pattern, before, after)
        if hit is not None:
            yield make_finding(
                rule, subject, context, item=flag.get("item"), fact=hit,
                fill={**fill, "word": hit.value},
            )  # fmt: skip


def _first_hit(
    rule: Rule,
    subject: Subject,
    context: Context,
    flag: dict[str, Any],
    pattern: re.Pattern[str],
    before: re.Pattern[str],
    after: re.Pattern[str] | None,
) -> FactValue | None:
    if isinstance(subject, ModelSubject):
        for name, wanted in (flag.get("values") or {}).items():
            for fact in subject.values(name):
                if str(getattr(fact.value, "value", fact.value)) in wanted:
                    return fact
        for name in context.param(rule, "fields") or []:
            for fact in subject.values(name):
                values = fact.value if isinstance(fact.value, list) else [fact.value]
                for value in values:
                    if isinstance(value, str):
                        match = _flag_hit(value, pattern, before, after)
                        if match is not None:
                            return FactValue(match.group(0), fact.path)
        return None
    for member, number, normalized in _pages(subject):
        match = _flag_hit(normalized, pattern, before, after)
        if match is not None:
            line = _line(normalized, match.start(), match.end())
            return FactValue(match.group(0), "text", number, line, member.file)
    return None


# --------------------------------------------------------------------------------------------
# One party on both sides (LOT-10, CONTRACT-16)

_SPACES = rx.compile(r"[\s()（）]")


def _names(subject: Subject, role: str) -> list[FactValue]:
    """The names a subject gives for ``role``: a model's ``role.name``, a reader's ``role``."""
    found = [f for f in subject.values(f"{role}.name") if isinstance(f.value, str)]
    if not isinstance(subject, ModelSubject):
        found += [f for f in subject.values(role) if isinstance(f.value, str)]
    return [f for f in found if len(_SPACES.sub("", f.value)) >= 2]


def _same(a: str, b: str) -> bool:
    return _SPACES.sub("", a) == _SPACES.sub("", b)


def consignor_is_auctioneer(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """LOT-10: the consignor of a contract (or an announcement) is the auction firm itself. A
    court is never taken for the firm (an online judicial sale names the court as the seller)."""
    firms = [f for f in _names(subject, "auctioneer") if "法院" not in f.value]
    for consignor in _names(subject, "consignor"):
        if any(_same(consignor.value, firm.value) for firm in firms):
            yield make_finding(
                rule, subject, context, fact=consignor, fill={"name": consignor.value}
            )
            return


def consignor_bids(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """CONTRACT-16: a buyer or registered bidder of the bundle bears the consignor's name."""
    consignors = _names(subject, "consignor")
    for role in ("buyer", "bidder"):
        for party in _names(subject, role):
            if any(_same(party.value, c.value) for c in consignors):
                fill = {
                    "name": party.value,
                    "role": "买受人" if role == "buyer" else "竞买人",
                    "role_en": role,
                }
                yield make_finding(rule, subject, context, fact=party, fill=fill)
                return


# --------------------------------------------------------------------------------------------
# A reserve kept secret in the contract and printed in the announcement (CONTRACT-14)


def confidential_reserve_published(
    rule: Rule, subject: Subject, context: Context
) -> Iterator[Finding]:
    """CONTRACT-14: the announcement states a reserve price while the bundle's entrustment
    contract says the reserve is to be kept confidential (rule parameter ``confidential``: what a
    contract writes for that; ``not_confidential``: what says the opposite)."""
    if not subject.pages:
        return
    reserves = subject.values("reserve_price")
    if not reserves:
        return
    secret = _compile(context.param(rule, "confidential") or [])
    open_ = _compile(context.param(rule, "not_confidential") or [])
    assert secret is not None
    for other in context.subjects:
        if other is subject or other.kind != "entrustment_contract":
            continue
        text = "\n".join(normalized for _n, _o, normalized in other.pages)
        if open_ is not None and open_.search(text):
            continue
        if secret.search(text):
            yield make_finding(
                rule, subject, context, fact=reserves[0],
                fill={"reserve": reserves[0].value, "contract": other.file or "委托拍卖合同"},
            )  # fmt: skip
            return


# --------------------------------------------------------------------------------------------
# A document the bundle must mention, named by its issuer (SOA-05, SOA-06, VEH-01; CONFLICT-15)


def _model_states(subject: ModelSubject, field: str) -> list[FactValue]:
    from .subjects import _strip_indices

    return [
        f
        for f in subject.facts
        if _strip_indices(f.path) == field or _strip_indices(f.path).startswith(field + ".")
    ]


def mentioned(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """The documents mention something (``patterns``: an approval, an appraisal), unless they
    claim an exemption (``exempt``). With the parameter ``approving_authority`` other than
    ``any``, the line that mentions it must also name that authority (``authorities``: name ->
    words), as a project sets it (CONFLICT-15). A rule of kind ``bundle`` looks at the whole
    bundle, and only when it holds a document of a kind in ``needs_kind``; a model is judged by
    its ``field``."""
    authority = str(context.param(rule, "approving_authority") or "any")
    # a dict parameter would read as per-scope values: the rule's own table is taken as it is
    authorities = rule.params.get("authorities") or {}
    words = authorities.get(authority) if authority != "any" else None
    named = _compile(words) if words else None
    if isinstance(subject, ModelSubject):
        field = context.param(rule, "field")
        if not field:
            return
        stated = _model_states(subject, field)
        if not stated:
            yield make_finding(rule, subject, context, fill={"authority": "", "authority_en": ""})
        elif named is not None and not any(named.search(str(f.value)) for f in stated):
            yield make_finding(rule, subject, context, fact=stated[0], fill=_issuer(authority))
        return
    if subject.kind != "bundle" and "bundle" in rule.kinds:
        return  # the bundle's own run looks at every document at once
    needs = context.param(rule, "needs_kind") or []
    members = getattr(subject, "members", None) or (subject,)
    if needs and not any(m.kind in needs for m in members):
        return
    exempt = _compile(context.param(rule, "exempt") or [])
    pattern = _compile(context.param(rule, "patterns") or [])
    assert pattern is not None
    first: FactValue | None = None
    for member, number, normalized in _pages(subject):
        if exempt is not None and exempt.search(normalized):
            return
        for match in pattern.finditer(normalized):
            line = _line(normalized, match.start(), match.end())
            if named is None or named.search(line):
                return
            first = first or FactValue(match.group(0), "text", number, line, member.file)
    if first is None:
        yield make_finding(rule, subject, context, fill={"authority": "", "authority_en": ""})
    else:
        yield make_finding(rule, subject, context, fact=first, fill=_issuer(authority))


_AUTHORITY_NAMES = {
    "finance": ("财政部门", "the finance department"),
    "government": ("人民政府", "the government"),
    "sasac": ("国资委", "SASAC"),
}


def _issuer(authority: str) -> dict[str, str]:
    zh, en = _AUTHORITY_NAMES.get(authority, (authority, authority))
    return {"authority": f"（未写明由{zh}作出）", "authority_en": f"(none issued by {en})"}


# --------------------------------------------------------------------------------------------
# One vehicle described alike in every document (VEH-13)

_VIN = rx.compile(
    r"(?:车辆识别代号|识别代号|车架号|VIN)[^A-Z0-9]{0,8}([A-HJ-NPR-Z0-9]{17})(?![A-Z0-9])"
)
_PLATE = rx.compile(
    r"(?:号牌号码|车牌号码|车牌号|号牌)[^\u4e00-\u9fffA-Z0-9\n]{0,8}"
    r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\s*[·.\-]?\s*"
    r"([A-Z])\s*[·.\-]?\s*([A-Z0-9]{5,6})(?![A-Z0-9])"
)


def _vehicle_ids(subject: Subject) -> tuple[set[str], set[str], FactValue | None]:
    vins: set[str] = set()
    plates: set[str] = set()
    where: FactValue | None = None
    for member, number, normalized in _pages(subject):
        for match in _VIN.finditer(normalized):
            vins.add(match.group(1))
            if where is None:
                line = _line(normalized, match.start(), match.end())
                where = FactValue(match.group(1), "text", number, line, member.file)
        for match in _PLATE.finditer(normalized):
            plates.add("".join(match.groups()))
    return vins, plates, where


def vehicle_identity(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """VEH-13: the handover record names one vehicle (one plate, one VIN); another document of
    the bundle names the same plate with another VIN, or the same VIN with another plate."""
    if not subject.pages:
        return
    vins, plates, where = _vehicle_ids(subject)
    if len(vins) != 1 or len(plates) != 1:
        return
    vin, plate = next(iter(vins)), next(iter(plates))
    for other in context.subjects:
        if other is subject:
            continue
        other_vins, other_plates, _ = _vehicle_ids(other)
        if len(other_vins) != 1 or len(other_plates) != 1:
            continue
        other_vin, other_plate = next(iter(other_vins)), next(iter(other_plates))
        if (other_plate == plate) != (other_vin == vin):
            fill = {
                "plate": plate, "vin": vin, "other": other.file or "另一份文书",
                "other_plate": other_plate, "other_vin": other_vin,
            }  # fmt: skip
            yield make_finding(rule, subject, context, fact=where, fill=fill)
            return


LOT_CONTRACT_HOOKS: dict[str, CheckFunction] = {
    "flagged-words": flagged_words,
    "consignor-is-auctioneer": consignor_is_auctioneer,
    "consignor-bids": consignor_bids,
    "confidential-reserve-published": confidential_reserve_published,
    "mentioned": mentioned,
    "vehicle-identity": vehicle_identity,
}
