"""paimai-docs: generate and check the paperwork of Chinese auctions (拍卖)."""

__version__ = "0.1.0"
