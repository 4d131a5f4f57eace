"""paimai-docs: generate and check the paperwork of Chinese auctions (拍卖).

The public surface is small and imported lazily, so ``import paimai_docs`` stays cheap::

    from paimai_docs import validate, ModelInvalid, MODELS
    contract = validate("entrustment_contract", data)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "MODELS": "paimai_docs.models",
    "validate": "paimai_docs.validation",
    "get_model": "paimai_docs.validation",
    "model_warnings": "paimai_docs.validation",
    "ModelInvalid": "paimai_docs.validation",
    "Problem": "paimai_docs.validation",
    "json_schema": "paimai_docs.schema",
    "PaimaiError": "paimai_docs.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'paimai_docs' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
