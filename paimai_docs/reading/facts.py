"""Extract the facts the rules need from a document's pages, named as the model fields.

:func:`extract_facts` takes ``(page number, original text, normalised text)`` per page and
returns :class:`~paimai_docs.reading.types.Fact` objects, each with a typed value, its page, the
label it was found under and evidence quoted from the *original* text (the sentence around the
match, at most 120 characters).

Labels come from the models: every field's ``x-label`` and ``x-synonyms``
(:func:`labels_for`), plus the few reader-only phrasings listed in ``_EXTRA_LABELS`` (forms seen
in published documents that a model label would not name, such as 挂牌起始日期 for the
publication date of a trading-centre notice). A label that two target fields both claim as a
synonym is dropped; a field's own ``x-label`` beats another field's synonym.

Facts and their names (value type in brackets):

* amounts [Decimal, yuan]: ``deposit_amount``, ``appraisal_value``, ``starting_price``,
  ``reserve_price``, ``hammer_price``, ``bid_increment``; an amount that is also written in 大写
  next to the figures gives a second fact ``<name>_words`` with the 大写 value, so a rule can
  compare them. ``has_reserve`` [bool False] for "保留价：无" / "无保留价"; "保留价等于起拍价"
  copies the starting price into ``reserve_price``;
* dates and times [date or datetime]: ``auction_datetime`` (the start), ``bidding_start`` and
  ``bidding_end`` when the auction is a range (online sales), ``exhibition_start``,
  ``exhibition_end``, ``deposit_deadline``, and the document's own date named by its kind:
  ``publish_date`` (announcements), ``published_date`` (result publicity), ``signed_date``
  (contracts), ``signed_at`` (sale confirmations), ``filing_date`` (filings), ``handover_date``,
  ``sign_date`` (vehicle authorization), else ``document_date``; every document that is not an
  announcement also gives its own date as ``published_date``: the date the document bears (落款/
  签发日期, the date under its signature, or the one printed by the system that made it: 提交时间,
  填报日期, 报告日期, 签订日期 …); ``publicity_start`` and ``publicity_end`` [date] for a
  publicity period (公示期 from … to …). The auction date is also read where reports,
  transcripts, confirmations and filings give it (``拍卖会：``, a date followed by
  ``拍卖会在…举行``, a transcript's ``时间：``, ``交易时间``, ``于本日举行的…拍卖会``);
* ``property_class`` [str: movable, immovable, property_right] of the lots
  (:mod:`.facts_lots`);
* ``auction_venue`` [str];
* phones [PhoneNumber, validated]: ``court_supervision_phone``, ``court_phone``,
  ``exchange_phone``, ``auctioneer_phone`` (the auction firm's line: ``auctioneer.phone`` in the
  models), and ``contact_phone`` for a number whose owner the text does not say (platform help
  lines, unlabelled numbers); fax numbers are skipped;
* commission [Decimal fraction, 0.05 = 5%]: ``commission_rate_buyer``,
  ``commission_rate_consignor``, ``commission_rate`` (payer not stated), ``service_fee_rate``
  (a trading centre's 服务费);
* identities: ``id_number`` [ResidentId] and ``credit_code`` [CreditCode] when valid;
  ``id_number_invalid`` and ``credit_code_invalid`` [str, as written] when a number written under
  an ID or credit-code label fails its check (a rule flags these); an unlabelled 18-character
  string that fails is ignored (it is more likely an account number);
* parties [str, the name]: ``consignor``, ``auctioneer``, ``buyer``, ``bidder``, ``court_name``,
  and ``bidder_no`` [str];
* the sale and the papers around it (:mod:`.facts_transcripts`): ``auctioneer_name``,
  ``auctioneer_cert_no`` (拍卖师执业证号), ``recorder_name`` [str]; yes/no [bool]
  ``rules_announced``, ``commission_seat_announced``, ``auctioneer_signed``,
  ``recorder_signed``, ``buyer_signed``, ``mofcom_session_registered``, ``reserve_declared``,
  ``has_reserve`` (True for 有无保留价：有); ``result`` of a lot (sold, no_bids, below_reserve,
  failed, withdrawn, suspended, terminated) and a filing's ``outcome`` (also partly_sold);
  ``hammer_time`` [datetime], ``buyer_bidder_no`` [str]; counts [int] ``bidder_count``
  (竞买人数/登记人数), ``parts`` (联数), ``original_count``, ``copy_count``; dates
  ``auction_end_date``, ``staff_arrival_time`` (a datetime, or a time of day alone),
  ``meeting_date``, ``payment_date``, ``ruling_served_date``; ``retention_years`` [int] of a
  stated retention period (保管期限).

Prices are also read from sentences (``以¥6,380,000.00的最高应价竞得`` is the hammer price,
``以¥5,200,000.00起拍`` the starting price); a listing's price (挂牌价, 转让底价) and a floor
price that bidding starts from are also ``starting_price``; 参考价 is ``appraisal_value``, and
``starting_price`` too when the text says so or states no other starting price; prices the text
says are one amount (起拍价即评估价, 起拍价与保留价相同) give each other. A rate or a unit
price between a label and a figure (成交价的5%计…, 参考价每吨…) means the figure is not the
labelled amount; a lot the text says did not sell gives no hammer price.

The code is in sibling modules: :mod:`.facts_base` (labels, the document, collecting),
:mod:`.facts_money`, :mod:`.facts_dates`, :mod:`.facts_parties` (phones, commission, identities,
parties), :mod:`.facts_lots` and :mod:`.facts_transcripts`.

Several facts may share a name (two phone lines, six auction sessions); the first of a name is
the one the text states most directly (a label or the announcing sentence) and earliest.

How the text is read: the pages' normalised text is joined; lines a PDF wrapped mid-sentence are
re-joined when the page shows a wrap width (``_wrapped_breaks``); values are taken right after
their label or from the start of the next line when the label ends its line
(``保证金：15000元``, ``评估价为人民币105.6万元``, ``底价（万元）：50``), from the announcing
sentence (``定于…在…举行``), from a table whose header row names amount columns (cells
separated by spaces, ``|`` or tabs, read from a normalisation that keeps the spaces; one fact
per row), or from the line under the signature (the document's own date).
Only a page that gives a fact is normalised again from its
original, to keep the map back that the evidence is quoted through; only a page whose text
holds an amount label is normalised keeping its spaces, to look for a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import classify
from .facts_base import _Doc, _Facts, labels_for
from .facts_dates import DATE_FACT_BY_KIND, _dates
from .facts_lots import property_class
from .facts_money import _money, _price_roles, _tables
from .facts_parties import _commission, _identities, _parties, _phones
from .facts_transcripts import transcript_facts
from .types import Fact

__all__ = ["DATE_FACT_BY_KIND", "extract_facts", "labels_for"]

# --------------------------------------------------------------------------------------------
# Entry point


def extract_facts(pages: Sequence[tuple[int, str, str]], kind: str | None = None) -> list[Fact]:
    """The facts of one document. ``pages`` holds ``(page number, original text, normalised
    text)`` per page, the normalised text being what
    :func:`~paimai_docs.reading.normalize.normalize` makes of the original (``Page.normalized``
    of the reader's pages); the facts are found in it, and the original of a page that gives a
    fact is normalised again with the map back, for the evidence. (Should the two not agree,
    that page's evidence is quoted from its normalised text, as for a page without original
    text.) ``kind`` (a :data:`~paimai_docs.reading.classify.KINDS` name) decides what the
    document's own date is called; when None it is classified here."""
    doc = _Doc.build(pages)
    if kind is None:
        kind = classify([page.text for page in doc.pages]).kind
    facts = _Facts(doc)
    _money(doc, facts)
    _tables(doc, facts)
    _price_roles(doc, facts, kind)
    _dates(doc, facts, kind)
    _phones(doc, facts)
    _commission(doc, facts)
    _identities(doc, facts)
    _parties(doc, facts)
    property_class(doc, facts)
    transcript_facts(doc, facts, kind)
    return facts.result()
