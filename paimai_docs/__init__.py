"""paimai-docs: generate and check the paperwork of Chinese auctions (拍卖).

The public surface, imported on first use so that ``import paimai_docs`` (and ``paimai
--version``) stays cheap:

* :func:`check` — read a bundle (a folder, a .zip, PDFs, Word files, scans) and run the rules::

      from paimai_docs import check
      result = check("案卷/", scope="JUD-OFF")
      for finding in result.findings:
          print(finding.rule, finding.page, finding.message)

* :func:`validate` — typed data for one kind of document, every problem at once::

      from paimai_docs import validate, ModelInvalid
      contract = validate("entrustment_contract", data)     # a dict or JSON text

* :func:`render` — a model to .docx (and, through LibreOffice, PDF)::

      from paimai_docs import render
      render(contract, "合同.docx")

* :func:`plan` — every deadline that follows from an auction date::

      import datetime as dt
      from paimai_docs import plan
      for deadline in plan("COM", dt.date(2026, 12, 18)).deadlines:
          print(deadline.rule, deadline.due)

* :func:`explain` — a rule's explanation; :data:`MODELS` — the document models by name;
  :class:`Finding` and :class:`CheckResult` — what checking returns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what type checkers see; at run time the names are imported on first use
    from .checker import CheckResult
    from .checker import check_bundle as check
    from .engine.explain import explain
    from .engine.findings import Finding
    from .errors import PaimaiError
    from .models import MODELS
    from .plan import plan
    from .render import render
    from .schema import json_schema
    from .validation import ModelInvalid, Problem, get_model, model_warnings, validate

# public name -> (module, attribute)
_EXPORTS = {
    "check": ("paimai_docs.checker", "check_bundle"),
    "CheckResult": ("paimai_docs.checker", "CheckResult"),
    "Finding": ("paimai_docs.engine.findings", "Finding"),
    "explain": ("paimai_docs.engine.explain", "explain"),
    "render": ("paimai_docs.render", "render"),
    "plan": ("paimai_docs.plan", "plan"),
    "MODELS": ("paimai_docs.models", "MODELS"),
    "validate": ("paimai_docs.validation", "validate"),
    "get_model": ("paimai_docs.validation", "get_model"),
    "model_warnings": ("paimai_docs.validation", "model_warnings"),
    "ModelInvalid": ("paimai_docs.validation", "ModelInvalid"),
    "Problem": ("paimai_docs.validation", "Problem"),
    "json_schema": ("paimai_docs.schema", "json_schema"),
    "PaimaiError": ("paimai_docs.errors", "PaimaiError"),
}

__all__ = [
    "MODELS",
    "CheckResult",
    "Finding",
    "ModelInvalid",
    "PaimaiError",
    "Problem",
    "__version__",
    "check",
    "explain",
    "get_model",
    "json_schema",
    "model_warnings",
    "plan",
    "render",
    "validate",
]


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'paimai_docs' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    # help(paimai_docs) and dir() list the public surface (pydoc follows __all__)
    return sorted({*globals(), *__all__})
