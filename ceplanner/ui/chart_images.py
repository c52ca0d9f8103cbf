"""The Review charts as pictures drawn off the GUI thread.

The charts are the PDF's own matplotlib figures. Drawing them takes from a few hundred
milliseconds (the sample plan) to seconds (thousands of groups), so a worker thread draws them
into images from a copy of the plan, and the page only shows the pictures: the window never
waits for matplotlib.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ceplanner.core.model import Plan

CHARTS = [
    ("chart_power_interest", QT_TRANSLATE_NOOP("ChartImages", "Stakeholders"), "power_interest_chart"),
    ("chart_timeline", QT_TRANSLATE_NOOP("ChartImages", "Timeline"), "timeline_chart"),
    ("chart_budget", QT_TRANSLATE_NOOP("ChartImages", "Budget"), "budget_chart"),
    ("chart_vfm", QT_TRANSLATE_NOOP("ChartImages", "Value for money"), "vfm_chart"),
]
DPI = 144
"""Sharp on high-density screens; the picture is scaled down to fit the page."""


@dataclass(frozen=True)
class Picture:
    name: str
    title: str
    width: int = 0
    height: int = 0
    rgba: bytes = b""
    error: str = ""
    """Why the chart could not be drawn, in words ("" when it was)."""


def draw_charts(plan: Plan) -> list[Picture]:
    """Every Review chart of ``plan`` as RGBA pixels. Runs in a worker thread: no Qt here."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from ceplanner.core.costing import compute_budget
    from ceplanner.report import charts

    budget = compute_budget(plan)
    pictures: list[Picture] = []
    for name, title, function in CHARTS:
        try:
            maker = getattr(charts, function)
            with charts.DRAWING:  # matplotlib is not thread-safe: an export may be drawing too
                figure = maker(plan, budget) if function == "budget_chart" else maker(plan)
                figure.set_dpi(DPI)
                canvas = FigureCanvasAgg(figure)
                canvas.draw()
            width, height = canvas.get_width_height()
            pictures.append(
                Picture(
                    name,
                    QCoreApplication.translate("ChartImages", title),
                    width,
                    height,
                    bytes(canvas.buffer_rgba()),
                )
            )
        except Exception as exc:  # a chart that fails must not take the page down
            pictures.append(
                Picture(
                    name,
                    title,
                    error=QCoreApplication.translate(
                        "ChartImages", "This chart could not be drawn: {exc}"
                    ).format(exc=exc),
                )
            )
    return pictures


def copy_for_drawing(plan: Plan) -> Plan:
    """A copy the worker can read while the user goes on editing the original."""
    return copy.deepcopy(plan)


class ChartView(QWidget):
    """Shows one chart picture whole, at its own proportions, scaled to fit."""

    def __init__(self, picture: Picture) -> None:
        super().__init__()
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = QImage()
        self.message = ""
        self.show_picture(picture)

    def show_picture(self, picture: Picture) -> None:
        self.setObjectName(picture.name)
        self.setAccessibleName(self.tr("{title} chart").format(title=picture.title))
        self.message = picture.error
        if picture.rgba:
            image = QImage(picture.rgba, picture.width, picture.height, QImage.Format.Format_RGBA8888)
            self.image = image.copy()  # own the pixels: the bytes object may go away
        else:
            self.image = QImage()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 420)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.image.isNull():
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), Qt.TextFlag.TextWordWrap, self.message)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(
            (self.width() - size.width()) // 2,
            (self.height() - size.height()) // 2,
            size.width(),
            size.height(),
        )
        painter.drawImage(target, self.image)


def pictures_shown(views: list[Any]) -> bool:
    return bool(views) and all(
        isinstance(v, ChartView) and (not v.image.isNull() or v.message) for v in views
    )
