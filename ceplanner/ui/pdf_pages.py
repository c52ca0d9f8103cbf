"""Read an exported PDF page by page: page sizes in points, and any page as a QImage.

Print and print preview draw the very PDF that export writes (no second layout), rasterised
with pypdfium2 one page at a time, so a 100-page plan never holds more than one page image.
pdfium is not thread-safe: every call into it here holds one lock.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0
_pdfium_lock = threading.RLock()


class PdfPagesError(Exception):
    """The PDF could not be opened or a page could not be drawn; the message says why in plain words."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPages", text)


class PdfPages:
    """An open PDF. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path) -> None:
        import pypdfium2 as pdfium  # the native library loads only when something is printed

        self.path = Path(path)
        self._pdf: Any = None
        if not self.path.is_file():
            raise PdfPagesError(
                _tr("The document {path} does not exist any more. Export or print it again.").format(
                    path=self.path
                )
            )
        try:
            with _pdfium_lock:
                self._pdf = pdfium.PdfDocument(str(self.path))
                self._count = len(self._pdf)
        except (pdfium.PdfiumError, OSError) as exc:
            raise PdfPagesError(
                _tr(
                    "The document {path} could not be read as a PDF ({reason}). "
                    "Export it again; if that fails too, the file may be damaged."
                ).format(path=self.path, reason=exc)
            ) from exc
        if self._count == 0:
            self.close()
            raise PdfPagesError(_tr("The document {path} has no pages.").format(path=self.path))

    def __len__(self) -> int:
        return self._count

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the document (safe to call twice)."""
        with _pdfium_lock:
            if self._pdf is not None:
                self._pdf.close()
                self._pdf = None

    def _page(self, index: int) -> Any:
        if self._pdf is None:
            raise PdfPagesError(_tr("The document {path} was closed.").format(path=self.path))
        if not 0 <= index < self._count:
            raise IndexError(f"page {index} of a {self._count}-page PDF")
        return self._pdf[index]

    def page_size(self, index: int) -> QSizeF:
        """Page ``index`` (from 0) as shown, width by height in points, its /Rotate applied."""
        with _pdfium_lock:
            page = self._page(index)
            try:
                width, height = page.get_size()
                if page.get_rotation() in (90, 270):
                    width, height = height, width
            finally:
                page.close()
        return QSizeF(width, height)

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (from 0) drawn on white at ``dpi`` dots per inch."""
        with _pdfium_lock:
            page = self._page(index)
            try:
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, rev_byteorder=True)
                try:
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    ).copy()  # the copy owns its pixels; pdfium's buffer is freed below
                finally:
                    bitmap.close()
            except Exception as exc:  # pdfium reports a bad page as a plain error
                raise PdfPagesError(
                    _tr("Page {page} of {path} could not be drawn ({reason}).").format(
                        page=index + 1, path=self.path, reason=exc
                    )
                ) from exc
            finally:
                page.close()
        return image
