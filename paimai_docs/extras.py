"""Optional features and the extras that bring them. A missing one raises ``MissingExtra`` whose
message says exactly what to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingExtra

# feature → (module to import, extra name, what it is for)
EXTRAS: dict[str, tuple[str, str, str]] = {
    "ocr": ("rapidocr_onnxruntime", "ocr", "识别扫描页文字（OCR）"),
}


def require(feature: str) -> ModuleType:
    """Import the module behind ``feature`` or raise ``MissingExtra`` naming the install command."""
    module_name, extra, purpose = EXTRAS[feature]
    try:
        return importlib.import_module(module_name)
    except ImportError:
        raise MissingExtra(
            f'{purpose}需要安装可选组件：pip install "paimai-docs[{extra}]"'
            f"（缺少 Python 包 {module_name}）"
        ) from None
