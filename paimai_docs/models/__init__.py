"""Typed models of every auction document, one module per kind, each of the same shape.

``MODELS`` is the registry: adding a document model is a visible one-line change here.
"""

from __future__ import annotations

from .announcement import (
    AuctionAnnouncement,
    JudicialAnnouncement,
    NetJudicialAnnouncement,
    StateAssetAnnouncement,
)
from .auction_transcript import AuctionTranscript
from .base import DocumentModel
from .bidder_registration import BidderRegistration
from .common import Agent, ContractLot, DocRef, Lot, Party, PowerOfAttorney, VehicleInfo
from .completion_report import CompletionReport
from .entrustment_contract import EntrustmentContract
from .failed_auction_report import FailedAuctionReport
from .post_auction_filing import PostAuctionFiling
from .pre_auction_filing import PreAuctionFiling
from .result_publicity import TransactionResultPublicity
from .sale_confirmation import SaleConfirmation
from .vehicle_disposal_authorization import VehicleDisposalAuthorization
from .vehicle_handover import VehicleHandover

MODELS: dict[str, type[DocumentModel]] = {
    model.model_name: model
    for model in (
        EntrustmentContract,
        AuctionAnnouncement,
        JudicialAnnouncement,
        NetJudicialAnnouncement,
        StateAssetAnnouncement,
        PreAuctionFiling,
        PostAuctionFiling,
        FailedAuctionReport,
        CompletionReport,
        SaleConfirmation,
        AuctionTranscript,
        BidderRegistration,
        VehicleHandover,
        VehicleDisposalAuthorization,
        TransactionResultPublicity,
    )
}

__all__ = [
    "MODELS",
    "Agent",
    "AuctionAnnouncement",
    "AuctionTranscript",
    "BidderRegistration",
    "CompletionReport",
    "ContractLot",
    "DocRef",
    "DocumentModel",
    "EntrustmentContract",
    "FailedAuctionReport",
    "JudicialAnnouncement",
    "Lot",
    "NetJudicialAnnouncement",
    "Party",
    "PostAuctionFiling",
    "PowerOfAttorney",
    "PreAuctionFiling",
    "SaleConfirmation",
    "StateAssetAnnouncement",
    "TransactionResultPublicity",
    "VehicleDisposalAuthorization",
    "VehicleHandover",
    "VehicleInfo",
]
