"""The reader against the real published documents of ``shared/corpus`` (beside the repository).

Expected values are copied by hand from the "Values:" lines and item evidence of
``shared/corpus/README.md``: kind, auction time, deposit, prices, publication date (and, where the
annotation names them, the phone lines). Each is checked as the *first* fact of its name, which is
what a reader of the facts takes. The corpus is read-only and lives outside the repository; the
tests are skipped when it is absent.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from paimai_docs.reading.classify import Classification, classify
from paimai_docs.reading.facts import extract_facts
from paimai_docs.reading.normalize import normalize
from paimai_docs.reading.types import Fact

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS} (shared/ beside the repository)"
)

D = dt.date
T = dt.datetime
ABSENT = object()

# file → expected kind (DESIGN.md names; README's "contract" and "confirmation" and "other")
KINDS = {
    "001_announcement_judicial.txt": "announcement",
    "002_announcement_social.txt": "announcement",
    "003_announcement_judicial.txt": "announcement",
    "006_other.txt": "unknown",
    "009_announcement_social.txt": "announcement",
    "010_announcement_state_asset.txt": "announcement",
    "011_announcement_state_asset.txt": "announcement",
    "012_announcement_vehicle.txt": "announcement",
    "013_announcement_state_asset.txt": "announcement",
    "016_contract.txt": "entrustment_contract",
    "030_other.txt": "unknown",
    "032_confirmation.txt": "sale_confirmation",
}

# file → fact name → expected first value (ABSENT: the README says "none"/not stated)
VALUES: dict[str, dict[str, Any]] = {
    "001_announcement_judicial.txt": {
        "auction_datetime": T(2018, 4, 21, 10),
        "bidding_end": T(2018, 4, 22, 10),
        "publish_date": D(2018, 3, 21),
        "deposit_amount": Decimal("2357502"),
        "starting_price": Decimal("11787511"),
        "reserve_price": Decimal("11787511"),  # 保留价等于起拍价
        "appraisal_value": ABSENT,
        "court_phone": "0752-3915366",
        "court_supervision_phone": "0752-3375252",
    },
    "002_announcement_social.txt": {
        "auction_datetime": T(2023, 5, 24, 15),
        "auction_venue": "宜昌市公共资源交易中心701室",
        "publish_date": D(2023, 5, 16),
        "deposit_amount": Decimal("15000"),
        # README lists 年租金参考价 as the price and "none" as appraisal; the models make 参考价 a
        # synonym of appraisal_value, and the reader follows the models.
        "appraisal_value": Decimal("319334"),
        "auctioneer_phone": "18372337683",
        "exchange_phone": ABSENT,
    },
    "003_announcement_judicial.txt": {
        "auction_datetime": T(2018, 5, 4, 10),
        "bidding_end": T(2018, 5, 5, 10),
        "publish_date": D(2018, 4, 18),
        "deposit_amount": Decimal("400000"),
        "starting_price": Decimal("2737600"),
        "appraisal_value": Decimal("4887675"),
        "auctioneer_phone": "13771020898",
        "court_phone": "0510-82211199",
        "court_supervision_phone": "0510-81190520",
    },
    "009_announcement_social.txt": {
        "auction_datetime": T(2019, 12, 9, 12),  # first of six sessions
        "publish_date": D(2019, 11, 29),
        "deposit_amount": Decimal("300000"),
        "starting_price": Decimal("70000"),
        "has_reserve": False,  # 保留价：无
        "appraisal_value": ABSENT,
        "auctioneer_phone": "15800380568",
    },
    "010_announcement_state_asset.txt": {
        "auction_datetime": T(2017, 7, 14, 10),
        "bidding_end": T(2017, 7, 14, 11),
        "publish_date": D(2017, 6, 30),
        "deposit_amount": Decimal("200000"),
        "reserve_price": Decimal("2000000"),
        "appraisal_value": ABSENT,
        "exhibition_start": D(2017, 7, 5),
        "exhibition_end": D(2017, 7, 6),
        "exchange_phone": "0519-86601526",
    },
    "011_announcement_state_asset.txt": {
        "auction_datetime": T(2017, 8, 10, 14),
        "bidding_end": T(2017, 8, 10, 14, 30),
        "publish_date": ABSENT,  # 挂牌起始日期：——
        "deposit_amount": Decimal("10000"),
        "reserve_price": Decimal("57000"),
        "appraisal_value": Decimal("57000"),  # from the lot table
    },
    "012_announcement_vehicle.txt": {
        "auction_datetime": T(2016, 11, 29, 10, 25),
        "bidding_end": T(2016, 11, 29, 14, 25),
        "publish_date": D(2016, 11, 18),
        "deposit_amount": Decimal("2000"),
        "reserve_price": Decimal("5600"),
        "appraisal_value": ABSENT,
    },
    "013_announcement_state_asset.txt": {
        "auction_datetime": T(2017, 8, 8, 14),
        "bidding_end": T(2017, 8, 8, 15),
        "publish_date": D(2017, 7, 25),
        "deposit_amount": Decimal("360000"),
        "reserve_price": Decimal("296164"),
        "appraisal_value": ABSENT,
    },
    "016_contract.txt": {
        "commission_rate_consignor": Decimal("0.25"),
    },
    "032_confirmation.txt": {
        "hammer_price": Decimal("986600"),
        "hammer_price_words": Decimal("986600"),
        "auction_datetime": D(2018, 5, 11),
        "bidding_end": D(2018, 5, 14),
        "signed_at": T(2018, 5, 14, 10, 43, 30),
        "buyer": "程帅",
    },
}

_HEADER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@cache
def _read(name: str) -> tuple[Classification, tuple[Fact, ...]]:
    text = _HEADER.sub("", (CORPUS / name).read_text(encoding="utf-8"))
    result = classify([text])
    facts = extract_facts([(1, text, normalize(text))], result.kind)
    return result, tuple(facts)


def test_every_corpus_file_is_listed() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.txt")) == sorted(KINDS)


@pytest.mark.parametrize(("name", "kind"), sorted(KINDS.items()))
def test_kind(name: str, kind: str) -> None:
    result, _ = _read(name)
    assert result.kind == kind
    if kind == "unknown":
        assert result.confidence < 0.5


@pytest.mark.parametrize(
    ("name", "fact", "expected"),
    [(name, fact, value) for name, table in VALUES.items() for fact, value in table.items()],
)
def test_value(name: str, fact: str, expected: Any) -> None:
    _, facts = _read(name)
    found = next((item.value for item in facts if item.name == fact), ABSENT)
    if isinstance(expected, str) and found is not ABSENT:
        found = str(found)
    assert found == expected


@pytest.mark.parametrize(
    "path", sorted((CORPUS.parent / "seeds").glob("*.txt")), ids=lambda p: p.name
)
def test_procedures_are_no_document_kind(path: Path) -> None:
    # The seeds are procedures that describe every kind of document: none of them is one.
    result = classify([path.read_text(encoding="utf-8")])
    assert (result.kind, result.confidence) == ("unknown", 0.2)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_evidence_is_original_text(name: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", text)
    _, facts = _read(name)
    for fact in facts:
        assert fact.page == 1
        assert fact.evidence and fact.evidence in flat
        assert len(fact.evidence) <= 120
