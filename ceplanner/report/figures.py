"""Charts on the page: a matplotlib figure as an image with its caption (and heading), drawn a
little smaller rather than leave a gap, and never drawn on the layout-only pass."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Image, Paragraph

from ceplanner.report.layout import ReportContext, layout_only
from ceplanner.report.text import escape

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class ChartImage(Image):
    """A chart image that skips drawing (and PNG re-encoding) on a layout-only pass.

    It keeps only the PNG bytes: the decoded picture is made for the moment it is drawn and let
    go at once. reportlab's own image flowable keeps every decoded picture for the whole build,
    about 15 MB a chart, which took a plan with hundreds of timeline parts past gigabytes.
    """

    def __init__(self, png: bytes, *, width: float, height: float) -> None:
        super().__init__(io.BytesIO(png), width=width, height=height, lazy=2)
        self.png = png

    def draw(self) -> None:
        if layout_only(self.canv):
            return
        from reportlab.lib.utils import ImageReader

        picture = ImageReader(io.BytesIO(self.png))
        self.canv.drawImage(picture, 0, 0, self.drawWidth, self.drawHeight, mask="auto")
        picture._image = None  # the decoded pixels go with this draw


def figure(ctx: ReportContext, fig: Figure, caption: str, heading: Flowable | None = None) -> Flowable:
    """A matplotlib figure as a PNG image at the context's dpi, with a caption, kept together
    (and with ``heading`` above it, so a heading never ends a page without its figure)."""
    from ceplanner.report.charts import figure_to_png

    width_in, height_in = fig.get_size_inches()
    width, height = width_in * 72, height_in * 72
    if width > ctx.width:
        height, width = height * ctx.width / width, ctx.width
    image = ChartImage(figure_to_png(fig, ctx.dpi), width=width, height=height)
    image.hAlign = "LEFT"
    return FitFigure(image, Paragraph(escape(caption), ctx.styles.figure_caption), heading, frame=ctx.height)


class FitFigure(Flowable):
    """A heading, a chart and its caption, kept together on one page.

    Where the page has room for at least ``MIN_SCALE`` of the chart's height, the chart is drawn
    that much smaller rather than move to the next page and leave a gap; a chart taller than
    a whole page is scaled to fit it. An outline heading is registered as the heading would be.
    """

    MIN_SCALE = 0.72

    def __init__(self, image: Image, caption: Paragraph, heading: Flowable | None, *, frame: float) -> None:
        super().__init__()
        self._image = image
        self._caption = caption
        self._heading = heading
        self._frame_height = frame
        self._natural = (float(image.drawWidth), float(image.drawHeight))
        self._scale = 1.0
        self._parts: list[tuple[Flowable, float, float]] = []
        for attr in ("outline_title", "outline_level", "outline_key", "outline_toc", "outline_markup"):
            if heading is not None and hasattr(heading, attr):
                setattr(self, attr, getattr(heading, attr))

    def _fixed(self, availWidth: float) -> list[tuple[Flowable, float, float]]:
        """Heading and caption with their heights and the space before them."""
        parts = []
        if self._heading is not None:
            _, h = self._heading.wrap(availWidth, 72000)
            parts.append((self._heading, h, float(self._heading.getSpaceAfter())))
        _, h = self._caption.wrap(availWidth, 72000)
        parts.append((self._caption, h, float(self._caption.getSpaceBefore())))
        return parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        fixed = self._fixed(availWidth)
        room = sum(h + gap for _, h, gap in fixed) + FIGURE_GAP
        width, height = self._natural
        scale = min(1.0, max(availHeight - room, 1.0) / height)
        at_top = availHeight >= self._frame_height * 0.98
        if scale < self.MIN_SCALE and not at_top:
            self._scale = 1.0  # too little room: ask for the next page
            return availWidth, availHeight + 1
        self._scale = scale
        self._image.drawWidth, self._image.drawHeight = width * scale, height * scale
        self.width, self.height = availWidth, room + height * scale
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return float(self._heading.getSpaceBefore()) if self._heading is not None else 0.0

    def draw(self) -> None:
        y = self.height
        if self._heading is not None:
            _, h = self._heading.wrap(self.width, 72000)
            y -= h
            self._heading.drawOn(self.canv, 0, y)
            y -= float(self._heading.getSpaceAfter())
        y -= self._image.drawHeight
        self._image.drawOn(self.canv, 0, y)
        _, h = self._caption.wrap(self.width, 72000)
        y -= float(self._caption.getSpaceBefore()) + h
        self._caption.drawOn(self.canv, 0, y)


FIGURE_GAP = 6.0
"""Space below a figure's caption, in points."""
