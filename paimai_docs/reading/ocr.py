"""OCR of pages without a usable text layer, with RapidOCR (the ``ocr`` extra).

``rapidocr_onnxruntime`` ships its Chinese detection and recognition models inside its wheel and
runs offline; it is not a dependency of the package because it is large (onnxruntime, OpenCV).
Only pages whose text layer is unusable are sent to it, and only when the caller asks
(``read_bundle(..., ocr=True)``, ``paimai inspect --ocr``); such pages record ``source="ocr"``.
The engine is created once per worker process, on first use.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from ..errors import MissingExtra

__all__ = ["OCR_PACKAGE", "RENDER_SCALE", "ocr_available", "ocr_page", "require_ocr"]

OCR_PACKAGE = "rapidocr_onnxruntime"
INSTALL_HINT = 'pip install "paimai-docs[ocr]"'
RENDER_SCALE = 2.0  # 144 dpi: enough for 10.5 pt Chinese text, cheap enough to render

_engine: Any = None


def ocr_available() -> bool:
    """Whether the ``ocr`` extra is installed (without importing it: that loads the models)."""
    return importlib.util.find_spec(OCR_PACKAGE) is not None


def require_ocr() -> None:
    """Raise :class:`~paimai_docs.errors.MissingExtra` unless OCR can run."""
    if not ocr_available():
        raise MissingExtra(f"OCR 需要安装可选组件 / OCR needs the ocr extra: {INSTALL_HINT}")


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise MissingExtra(
                f"OCR 需要安装可选组件 / OCR needs the ocr extra: {INSTALL_HINT}"
            ) from None
        _engine = RapidOCR()
    return _engine


def ocr_image(image: Any) -> str:
    """The text of a PIL image, one recognised line per line, in the engine's reading order."""
    import numpy as np

    bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
    result, _elapsed = _get_engine()(bgr)
    if not result:
        return ""
    return "\n".join(str(text) for _box, text, _score in result)


def ocr_page(page: Any, *, scale: float = RENDER_SCALE) -> str:
    """The text of a pypdfium2 page, read from its rendered image."""
    bitmap = page.render(scale=scale)
    try:
        return ocr_image(bitmap.to_pil())
    finally:
        bitmap.close()
