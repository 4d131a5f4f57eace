"""Scanned images (.jpg, .jpeg, .png, .tif, .tiff, .bmp): one page per image, one per frame of
a multi-page TIFF, read by OCR (the ``ocr`` extra, :mod:`.ocr`).

Without OCR a frame is a page without text (``source="none"``, quality ``empty``), like a scanned
PDF page: the checker says which pages it could not read. Pillow decodes the image; it is native
code, so this runs in a worker process (:mod:`._worker`), and Pillow's own guard against
decompression bombs (an image of more than about 180 million pixels) is a ``too_large`` problem.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .limits import Limits
from .pdf import RawPage, classify_quality

__all__ = ["IMAGE_SUFFIXES", "ImageProblem", "read_image"]

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp")


class ImageProblem(Exception):
    """The image cannot be read; ``code`` is a :class:`~.types.ReadProblem` code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _open(source: str | Path | bytes, limits: Limits) -> Any:
    from PIL import Image, UnidentifiedImageError

    size = len(source) if isinstance(source, bytes) else os.path.getsize(source)
    if size == 0:
        raise ImageProblem("empty_file", "文件为空（0 字节）")
    if size > limits.max_file_size:
        raise ImageProblem(
            "too_large",
            f"文件过大：{size / 2**20:.1f} MiB，上限 {limits.max_file_size / 2**20:.0f} MiB",
        )
    try:
        return Image.open(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    except Image.DecompressionBombError:
        raise ImageProblem("too_large", "图片像素过多（疑似图片炸弹），拒绝读取") from None
    except UnidentifiedImageError:
        raise ImageProblem("corrupt", "图片文件已损坏，或内容不是图片") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageProblem("corrupt", f"图片文件已损坏（{exc}）") from None


def read_image(
    source: str | Path | bytes,
    *,
    limits: Limits | None = None,
    ocr: bool = False,
    ocr_image: Callable[[Any], str] | None = None,
    before_ocr: Callable[[int], None] | None = None,
) -> Iterator[RawPage]:
    """Yield a page per frame (at most ``limits.max_pages``). With ``ocr`` each frame is read
    by ``ocr_image`` (RapidOCR by default), after ``before_ocr(page_number)``.

    Raises :class:`ImageProblem` (``empty_file``, ``too_large``, ``corrupt``).
    """
    from PIL import Image, ImageSequence

    limits = limits or Limits()
    if ocr and ocr_image is None:
        from .ocr import ocr_image as recognise

        ocr_image = recognise
    image = _open(source, limits)
    with image:
        try:
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                number = index + 1
                if number > limits.max_pages:
                    break
                if not ocr or ocr_image is None:
                    yield RawPage(number, "", "none", "empty")
                    continue
                if before_ocr is not None:
                    before_ocr(number)
                frame.load()
                try:
                    text = ocr_image(frame)
                except MemoryError:
                    raise
                except Exception as exc:  # the OCR runtime failed on this image
                    problem = ("ocr_failed", f"OCR 失败（{type(exc).__name__}: {exc}）")
                    yield RawPage(number, "", "none", "empty", problem)
                    continue
                text = text.replace("\r\n", "\n")
                yield RawPage(number, text, "ocr", classify_quality(text))
        except Image.DecompressionBombError:
            raise ImageProblem("too_large", "图片像素过多（疑似图片炸弹），拒绝读取") from None
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise ImageProblem("corrupt", f"图片文件已损坏或不完整（{exc}）") from None
