"""Phones, commission rates, identities and parties."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import rx
from ..errors import InvalidValue
from ..resources import data_dir, load_yaml
from ..values.contact import validate_phone
from ..values.identity import validate_credit_code, validate_resident_id
from ..values.percent import to_percent
from .facts_base import (
    _GENERIC,
    _PAREN,
    _alternation,
    _clean_place,
    _Doc,
    _Facts,
    _LabelSet,
    _or_none,
    labels_for,
)

# --------------------------------------------------------------------------------------------
# Phones

_validate_phone = _or_none(validate_phone)

_PHONE = rx.compile(
    r"(?<![\d\-/.A-Za-z·])"  # (not the figures of a plate: 豫A·12345)
    # a local number may be written in two groups after the area code and its hyphen
    # (0371-6592 3318; a bank account's groups have no hyphen), a mobile in three
    # (139 0584 7716, 139-0584-7716)
    r"(?P<phone>(?:\(0\d{2,3}\)|0\d{2,3}) ?-(?: ?\d{7,8}| ?\d{3,4} \d{3,4})|0\d{2,3} \d{7,8}"
    r"|\(0\d{2,3}\) ?(?:\d{7,8}|\d{3,4} \d{3,4})"
    r"|1[3-9]\d{9}|1[3-9]\d[ -]\d{4}[ -]\d{4}|[48]00-?\d{3}-?\d{4}|0\d{9,11}|12368|12345)"
    r"(?P<ext>(?:转|-)\d{1,5})?"
    r"(?![\d.,]*\d|元|万|[A-Za-z/])"
)
_PHONE_WORD = rx.compile(r"电话|手机|联系|热线|tel|Tel|TEL|咨询")
_FAX = rx.compile(r"传真[^\d]{0,4}$")
_PHONE_OWNERS = (
    ("court_supervision_phone", rx.compile(r"监督|举报|投诉")),
    ("contact_phone", rx.compile(r"技术|淘宝|京东|阿里|客服|平台管理员|网站")),
    ("court_phone", rx.compile(r"法院|本院|法官|执行局|审判|执行员|书记员")),
    ("exchange_phone", rx.compile(r"交易中心|交易所|产交所|公共资源")),
    (
        "auctioneer_phone",
        rx.compile(r"拍卖公司|拍卖行|拍卖有限|拍卖人|我公司|本公司|拍卖企业|拍卖机构"),
    ),
)


@lru_cache(maxsize=1)
def _phone_owners() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Whose a phone number is, by the words before it; first an authority that is not the
    court (``rules/vocabulary.yaml``, topic ``other_authority``: a commerce bureau's supervision
    line is not the court's), which is only a contact."""
    topic = load_yaml(data_dir("rules") / "vocabulary.yaml")["topics"]["other_authority"]
    pattern = "|".join(str(p).removeprefix("re:") for p in topic["patterns"])
    return (("contact_phone", rx.compile(pattern)), *_PHONE_OWNERS)


_AFTER_OWNER = rx.compile(r" ?\((?P<who>[^()]{1,12})\)")
_ORG_LINE = rx.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}:)?[\u4e00-\u9fff]{2,30}?(?:(?P<court>人民法院)"
    r"|(?P<exchange>产权交易所|产权交易中心|公共资源交易中心|交易所|产交所)"
    r"|(?P<auctioneer>拍卖(?:有限|股份有限)?(?:责任)?公司|拍卖行(?:有限公司)?))$"
)
_SELF_REFERENCE = (
    ("auctioneer", rx.compile(r"我公司|本公司|我司")),
    ("court", rx.compile(r"本院|我院")),
    ("exchange", rx.compile(r"本所|本中心|产交所")),
)


def _edge_lines(text: str, last: int, first: int) -> list[str]:
    """``lines[-last:][::-1] + lines[:first]`` for the non-blank ``lines`` of ``text``, found
    from both ends without splitting the whole text."""
    tail: list[str] = []
    end = len(text)
    while len(tail) < last and end >= 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            tail.append(text[start:end])
        end = start - 1
    head: list[str] = []
    start = 0
    while len(head) < first and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            head.append(text[start:end])
        start = end + 1
    return tail + head


def _issuer(text: str) -> str | None:
    """Who issues the document — ``court``, ``exchange`` or ``auctioneer``: the organisation
    that signs it (a line that is only its name, last lines first, then the first lines), else
    how the text refers to itself (我公司, 本院, 本所)."""
    for line in _edge_lines(text, 8, 6):
        match = _ORG_LINE.match(_PAREN.sub("", line).strip())
        if match:
            return match.lastgroup
    counts = [(len(pattern.findall(text)), who) for who, pattern in _SELF_REFERENCE]
    best = max(counts)
    return best[1] if best[0] else None


_PHONE_LABEL = rx.compile(
    r"[\u4e00-\u9fff]{0,10}(?:电话|手机|热线|咨询人|咨询|监督|举报|联系人|联系方式|管理|支持|"
    r"Tel|TEL|tel)(?:电话|号码)?"
)


def _phone_label(context: str) -> str | None:
    """The label a phone number stands under: the last phone-ish words before it."""
    found = list(_PHONE_LABEL.finditer(context))
    if found:
        return found[-1].group(0)
    tail = re.split(r"[,:;\s]", re.sub(r"[\d\-\s()]+$", "", context))[-1]
    return tail[-12:] or None


# Where a number can start (what every alternative of _PHONE needs there): after no digit,
# letter or - / . comes "(0", "0dd", "1" and a mobile's or 12368's or 12345's digits, or "400"
# or "800". A single character is consumed, so ``re`` skips quickly to the next candidate.
_PHONE_STARTS = rx.compile(
    r"[\d(](?<![\d\-/.A-Za-z][\d(])"
    r"(?:(?<=\()(?=0)|(?<=0)(?=\d\d)|(?<=1)(?=[3-9]\d{9}|[3-9]\d[ -]\d{4}[ -]\d{4}|2368|2345)"
    r"|(?<=[48])(?=00))"
)


def _phone_matches(text: str) -> Iterator[re.Match[str]]:
    """``_PHONE.finditer(text)``, tried only where a number can start (the pattern begins with
    a lookbehind, so ``re`` would try it at every character)."""
    position = 0
    while (candidate := _PHONE_STARTS.search(text, position)) is not None:
        match = _PHONE.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
        else:
            yield match
            position = match.end()


def _phones(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    issuer = _issuer(text)
    default = {
        "court": "court_phone",
        "exchange": "exchange_phone",
        "auctioneer": "auctioneer_phone",
    }.get(issuer or "", "contact_phone")
    recorded: set[tuple[str, str]] = set()  # (name, number) already given to facts.add
    for match in _phone_matches(text):
        raw = match.group("phone")
        start = match.start()
        # The clause before the number, at most 30 characters (no search further back).
        near = max(0, start - 31)
        line_start = max(text.rfind("\n", near, start), text.rfind("。", near, start), -1) + 1
        line_start = max(line_start, text.rfind(";", near, start) + 1, start - 30)
        context = text[line_start:start]
        if _FAX.search(context):
            continue
        if raw.isdigit() and raw.startswith("0") and not _PHONE_WORD.search(context):
            continue  # a bare 0xxxxxxxxxx without a phone label may be any number
        phone = _validate_phone(raw + (match.group("ext") or "").replace("-", "转"))
        if phone is None:
            continue
        after = _AFTER_OWNER.match(text, match.end())
        clue = context + (after.group("who") if after else "")
        name = default
        for owner, pattern in _phone_owners():
            if pattern.search(clue):
                name = owner
                break
        if (name, phone) in recorded:
            continue  # the same number under the same name: add would drop it
        recorded.add((name, phone))
        facts.add(name, phone, start, match.end(), _phone_label(context))


# --------------------------------------------------------------------------------------------
# Commission

_PERCENT = rx.compile(
    r"(?P<p>\d+(?:\.\d+)?) ?[%‰]|百分之[零一二三四五六七八九十点]+"
    r"|千分之[零一二三四五六七八九十点]+"
)
_BUYER = rx.compile(r"买受人|竞得人|受让方|买方|承租人|中标人")
_CONSIGNOR = rx.compile(r"委托人|委托方|出卖人|转让方|出租人|甲方")
_CHARGED = rx.compile(
    r"^[^,]{0,6}?向(?:(?P<buyer>买受人|竞得人|受让方|买方|承租人)|委托人|委托方|出卖人|转让方)"
    r"(?:收取|计收|加收)"
)
_PAY = rx.compile(r"支付|收取|交纳|缴纳|付给|给付|承担")


_SENTENCE = rx.compile(r"[^。;\n]+")
_CLAUSES = rx.compile(r"(,)")


def _commission(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    if "佣金" not in text and "服务费" not in text:
        return
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group(0)
        if "佣金" not in body and "服务费" not in body:
            continue
        base = sentence.start()
        fee_word = "佣金" if "佣金" in body else "服务费"
        fee_at = body.find(fee_word)
        clause_start = 0
        for clause in _CLAUSES.split(body):
            if clause == ",":
                clause_start += 1
                continue
            percent = _PERCENT.search(clause)
            if percent is not None and (
                fee_word in clause or (fee_at < clause_start and _PAY.search(clause))
            ):
                try:
                    rate = to_percent(percent.group(0))
                except InvalidValue:
                    rate = None
                if rate is not None and 0 < rate < 1:
                    head = body[max(0, clause_start - 120) : clause_start + percent.start()]
                    clause_head = clause[: percent.start()]
                    buyer = _BUYER.search(clause_head) or (
                        None if _CONSIGNOR.search(clause_head) else _BUYER.search(head)
                    )
                    consignor = _CONSIGNOR.search(clause_head) or (
                        None if buyer else _CONSIGNOR.search(head)
                    )
                    charged = _CHARGED.search(clause[percent.end() :])
                    if fee_word == "服务费":
                        name = "service_fee_rate"
                    elif charged:  # "按成交价的5%向买受人收取": the one charged pays
                        name = (
                            "commission_rate_buyer"
                            if charged.group("buyer")
                            else "commission_rate_consignor"
                        )
                    elif buyer and (not consignor or buyer.start() < consignor.start()):
                        name = "commission_rate_buyer"
                    elif consignor:
                        name = "commission_rate_consignor"
                    else:
                        name = "commission_rate"
                    start = base + clause_start + percent.start()
                    facts.add(name, rate, start, start + len(percent.group(0)), fee_word)
            clause_start += len(clause)


# --------------------------------------------------------------------------------------------
# Identities and parties

_ID_NUMBER = rx.compile(r"(?<![0-9A-Za-z])(?P<id>\d{17}[\dXx])(?![0-9A-Za-z])")
_CREDIT = rx.compile(
    r"(?<![0-9A-Za-z])(?P<code>[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10})(?![0-9A-Za-z])"
)
_ID_LABEL = rx.compile(r"身份证|证件号|公民身份号码|身份号码|证件号码")
_CREDIT_LABEL = rx.compile(r"信用代码|社会信用|组织机构代码|营业执照|注册号")
_ACCOUNT_LABEL = rx.compile(r"账号|帐号|账户|帐户|卡号")


# Both numbers are 18 digits or capitals (and x) in a row; most documents have none.
_ID_OR_CODE = rx.compile(r"[\dA-Zx][\dA-Zx]{17}")


def _identities(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    if _ID_OR_CODE.search(text) is None:
        return
    for match in _ID_NUMBER.finditer(text):
        context = text[max(0, match.start() - 20) : match.start()]
        if _ACCOUNT_LABEL.search(context[-10:]):
            continue
        number = match.group("id")
        try:
            facts.add(
                "id_number",
                validate_resident_id(number),
                match.start(),
                match.end(),
                _label_in(context, _ID_LABEL),
            )
        except InvalidValue:
            if _ID_LABEL.search(context):
                facts.add(
                    "id_number_invalid",
                    number,
                    match.start(),
                    match.end(),
                    _label_in(context, _ID_LABEL),
                )
    for match in _CREDIT.finditer(text):
        code = match.group("code")
        if code.isdigit():
            continue  # 18 digits: a resident ID or an account, handled above
        context = text[max(0, match.start() - 20) : match.start()]
        try:
            facts.add(
                "credit_code",
                validate_credit_code(code),
                match.start(),
                match.end(),
                _label_in(context, _CREDIT_LABEL),
            )
        except InvalidValue:
            if _CREDIT_LABEL.search(context):
                facts.add(
                    "credit_code_invalid",
                    code,
                    match.start(),
                    match.end(),
                    _label_in(context, _CREDIT_LABEL),
                )


def _label_in(context: str, pattern: re.Pattern[str]) -> str | None:
    found = list(pattern.finditer(context))
    return found[-1].group(0) if found else None


_PARTY_TARGETS = {
    "consignor": ("consignor",),
    "auctioneer": ("auctioneer", "auction_company", "auction_firm"),
    "buyer": ("buyer", "buyer_name"),
    "bidder": ("bidder",),
    "court_name": ("court_name", "court"),
}
_PARTY_EXTRAS = {
    "consignor": ("委托方", "委托单位"),
    "auctioneer": ("拍卖企业", "拍卖方", "拍卖机构"),
}
_ROLE_IN_PAREN = rx.compile(
    r"\((?:(?P<role>委托人|委托方|拍卖人|拍卖方|买受人|竞买人|出卖人)|[^()\n]{1,8})\)"
)
_ROLE_TARGET = {
    "委托人": "consignor", "委托方": "consignor", "出卖人": "consignor",
    "拍卖人": "auctioneer", "拍卖方": "auctioneer", "买受人": "buyer", "竞买人": "bidder",
}  # fmt: skip
_ORG_SUFFIX = rx.compile(
    r"(?:公司|法院|中心|交易所|局|厅|委员会|银行|支行|分行|社|院|集团|合作社|事务所|管理处|"
    r"商行|厂|店|协会|学校|大学|医院|政府|办事处|部|站|队|所|拍卖行)$"
)
_PERSON = rx.compile(r"^[\u4e00-\u9fff]{1,4}(?:·[\u4e00-\u9fff]{1,8})?$")
_NOT_A_NAME = rx.compile(
    r"人$|方$|委托|拍卖|见|详|略|签字|盖章|填写|无$|本人|某|户名|账号|帐号|地址|电话|名称|姓名|"
    r"信息|开户|签名|日期|成功|网上|应当|必须|保证|承担|负责"
)


_PRONOUN = rx.compile(r"^(?:贵|本|我|该|其|上述|原)(?:院|公司|司|所|中心|局|单位|行)$")


def _looks_like_name(name: str) -> bool:
    if not 2 <= len(name) <= 40 or "的" in name or _PRONOUN.match(name):
        return False
    if _ORG_SUFFIX.search(name):
        return True
    return bool(_PERSON.match(name)) and not _NOT_A_NAME.search(name)


_NAME_VALUE = rx.compile(r"[^:\n,;。()]{0,4}?:(?P<name>[^\n,;。:]{2,60})")
_ENTRUSTED_BY = rx.compile(r"受(?P<name>[^,。;\n受]{2,40}?)(?:的)?委托")
_COURT_ISSUER = rx.compile(
    r"(?<![《\u4e00-\u9fff])(?:在|于|由|向|经|受|据)?(?P<name>[\u4e00-\u9fff]{2,20}人民法院)(?:将于|定于|拟于|于|关于|在)"
)
_WINNING_BIDDER = rx.compile(
    r"(?:竞买人|买受人|用户姓名|用户)(?::)?(?P<name>[\u4e00-\u9fff·]{2,8}?)"
    r",?(?:竞买号|通过竞买号|以最高应价)"
)
_BIDDER_NO = rx.compile(r"竞买号(?:牌|码)?(?::|为)?(?P<no>[A-Za-z0-9]{2,12})")
_AUCTION_FIRM_LINE = rx.compile(
    r"^(?P<name>[\u4e00-\u9fff()]{2,30}(?:拍卖(?:有限|股份有限)?(?:责任)?公司|拍卖行(?:有限公司)?))$"
)


@lru_cache(maxsize=1)
def _party_labels() -> _LabelSet:
    owner = labels_for(_PARTY_TARGETS, _PARTY_EXTRAS, _GENERIC | {"法院", "人民法院"})
    return _LabelSet(owner, rx.compile(f"(?:{_alternation(list(owner))})"))


def _parties(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    labels = _party_labels()
    owner = labels.owner
    for match in labels.pattern.finditer(text):
        target = owner[match.group(0)]
        position = match.end()
        role = _ROLE_IN_PAREN.match(text, position)
        if role:
            if role.group("role"):
                target = _ROLE_TARGET[role.group("role")]
            position = role.end()
        value = _NAME_VALUE.match(text, position)
        if value is None:
            continue
        name = _PAREN.sub("", value.group("name")).strip()
        if _looks_like_name(name):
            facts.add(target, name, match.start(), value.end(), match.group(0))
    for match in _ENTRUSTED_BY.finditer(text):
        name = _clean_place(match.group("name"))
        if _looks_like_name(name) and _ORG_SUFFIX.search(name):
            facts.add("consignor", name, match.start(), match.end(), "受…委托", 1)
    for match in _COURT_ISSUER.finditer(text) if "人民法院" in text else ():
        facts.add("court_name", match.group("name"), match.start(), match.end("name"), None, 1)
    for match in _WINNING_BIDDER.finditer(text):
        name = match.group("name")
        if _looks_like_name(name):
            facts.add("buyer", name, match.start(), match.end(), "竞得", 1)
    for match in _BIDDER_NO.finditer(text):
        facts.add("bidder_no", match.group("no"), match.start(), match.end(), "竞买号")
    for line in reversed(list(_edge_lines(text, 8, 0))):
        line = line.strip()
        firm = _AUCTION_FIRM_LINE.match(line)
        if firm:
            start = text.rfind(line)
            facts.add(
                "auctioneer", _PAREN.sub("", firm.group("name")), start, start + len(line), None, 2
            )
