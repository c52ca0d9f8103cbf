"""How full each page of a PDF is: the vertical extent of its body text and images."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from ceplanner.report.document import MARGIN_BOTTOM, MARGIN_TOP


def body_extent(reader: PdfReader, index: int) -> tuple[float, float] | None:
    """Lowest and highest point of text or images in the page's body frame (None if empty)."""
    page = reader.pages[index]
    height = float(page.mediabox.height)
    top, bottom = height - MARGIN_TOP, MARGIN_BOTTOM
    ys: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom - 2 <= y <= top + 2:
                ys.append(y)

    page.extract_text(visitor_text=visit)
    for image in _image_boxes(page):
        ys += [y for y in image if bottom - 2 <= y <= top + 2]
    if not ys:
        return None
    return min(ys), max(ys)


def _image_boxes(page: Any) -> list[tuple[float, float]]:
    """Bottom and top of each image drawn (reportlab draws one per 'cm ... Do' sequence)."""
    import re

    content = page.get_contents()
    if content is None:
        return []
    data = content.get_data().decode("latin-1")
    boxes = []
    for match in re.finditer(
        r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\s*/\w+ Do", data
    ):
        d, f = float(match.group(4)), float(match.group(6))
        boxes.append((f, f + d))
    return boxes


def fill(reader: PdfReader, index: int) -> float:
    """Share of the body frame's height between the page's highest and lowest content."""
    page = reader.pages[index]
    frame = float(page.mediabox.height) - MARGIN_TOP - MARGIN_BOTTOM
    extent = body_extent(reader, index)
    if extent is None:
        return 0.0
    low, _high = extent
    top = float(page.mediabox.height) - MARGIN_TOP
    return (top - low) / frame  # from the top of the frame down to the lowest content
