"""A painted timeline: one bar per dated activity across the plan's months; undated ones listed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ceplanner.core import locale_format
from ceplanner.core import palette as colours
from ceplanner.core.dates import date_text
from ceplanner.core.model import Activity, IAP2Level, label
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.follow import EditFollower
from ceplanner.ui.table_model import plain_tip

ROW = 22
HEADER = 22
LABEL_WIDTH = 220
LEVEL_COLOURS = {level: QColor(colour) for level, colour in colours.IAP2_COLOURS.items()}
"""The palette's IAP2 scale, light (Inform) to dark (Empower), as in the PDF."""


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s, inclusive."""
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def span(activity: Activity) -> tuple[date, date] | None:
    """An activity's dates, a single day when only one end is known; None when undated."""
    if activity.start is None and activity.end is None:
        return None
    start = activity.start or activity.end
    end = activity.end or activity.start
    assert start is not None and end is not None
    return (start, max(start, end))


class Timeline(QWidget):
    """Activities across the plan's dates; clicking a bar emits ``activity_clicked``."""

    activity_clicked = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.selected_id: str | None = None
        self.setObjectName("activity_timeline")
        self.setAccessibleName(self.tr("Timeline of activities"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._bars: list[tuple[QRectF, str]] = []
        self._dated: list[tuple[Activity, date, date]] | None = None
        self.follower = EditFollower(self, doc, self._update, self.concerns)
        self._update()

    def concerns(self, obj: object, attr: str) -> bool:
        """Activities' names and dates, the list of activities and the plan's dates."""
        if isinstance(obj, Activity):
            return attr in ("title", "start", "end", "level")
        return obj is self.doc.plan and attr in ("activities", "start", "end", "")

    def dated(self) -> list[tuple[Activity, date, date]]:
        """The dated activities in order of start (worked out once per change, not per paint)."""
        if self._dated is None:
            self._dated = self._work_out_dated()
        return self._dated

    def _work_out_dated(self) -> list[tuple[Activity, date, date]]:
        result = []
        for activity in self.doc.plan.activities:
            dates = span(activity)
            if dates is not None:
                result.append((activity, *dates))
        return sorted(result, key=lambda item: item[1])

    def undated(self) -> list[Activity]:
        return [a for a in self.doc.plan.activities if span(a) is None]

    def period(self) -> tuple[date, date] | None:
        """The plan's start and end, widened to take in every dated activity."""
        ends = [d for _a, s, e in self.dated() for d in (s, e)]
        ends += [d for d in (self.doc.plan.start, self.doc.plan.end) if d is not None]
        return (min(ends), max(ends)) if ends else None

    def unscheduled_text(self) -> str:
        names = [a.title or self.tr("Untitled activity") for a in self.undated()]
        return (self.tr("Unscheduled (no dates yet): ") + "; ".join(names)) if names else ""

    def _update(self) -> None:
        self._dated = None
        names = "; ".join(
            self.tr("{title}: {start} to {end}").format(title=a.title, start=date_text(s), end=date_text(e))
            for a, s, e in self.dated()
        )
        self.setAccessibleDescription(" ".join(filter(None, [names, self.unscheduled_text()])))
        self.setToolTip(plain_tip(self.unscheduled_text()))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(len(self.dated()), 1)
        extra = 2 * ROW if self.undated() else ROW // 3
        return QSize(600, HEADER + rows * ROW + extra + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._bars = []
        period = self.period()
        width = self.width()
        bottom_text = QRectF(6, self.height() - 2 * ROW, width - 12, 2 * ROW)
        painter.setPen(text)
        if period is None:
            painter.drawText(
                self.rect().adjusted(8, 4, -8, -4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self.tr(
                    "Set the plan's start and end dates and the activities' dates to see them on a timeline. "
                )
                + self.unscheduled_text(),
            )
            return
        first, last = period
        months = month_starts(first, last)
        end_of_last = date(months[-1].year + (months[-1].month == 12), months[-1].month % 12 + 1, 1)
        days = max((end_of_last - months[0]).days, 1)
        left, right = LABEL_WIDTH, width - 10
        scale = (right - left) / days

        def x(day: date) -> float:
            return left + (day - months[0]).days * scale

        grid = QColor(text)
        grid.setAlpha(50)
        fm = painter.fontMetrics()
        rows = max(len(self.dated()), 1)
        for month in months:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(int(x(month)), HEADER - 4, int(x(month)), HEADER + rows * ROW)
            painter.setPen(text)
            words = locale_format.format_month(month, with_year=month.month == 1 or month == months[0])
            if fm.horizontalAdvance(words) < 31 * scale:
                painter.drawText(
                    QRectF(x(month) + 2, 2, 31 * scale, HEADER - 4), Qt.AlignmentFlag.AlignLeft, words
                )
        exposed = event.rect()
        for row, (activity, start, end) in enumerate(self.dated()):
            top = HEADER + row * ROW
            self._bars.append((QRectF(0, top, width, ROW), activity.id))
            if top > exposed.bottom() or top + ROW < exposed.top():
                continue  # off screen: a thousand activities paint as fast as twenty
            name = fm.elidedText(
                activity.title or self.tr("Untitled activity"), Qt.TextElideMode.ElideRight, LABEL_WIDTH - 12
            )
            painter.setPen(text)
            painter.drawText(QRectF(6, top, LABEL_WIDTH - 10, ROW), Qt.AlignmentFlag.AlignVCenter, name)
            bar = QRectF(x(start), top + 4, max(x(end + timedelta(days=1)) - x(start), 4), ROW - 8)
            colour = LEVEL_COLOURS.get(activity.level, palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(colour)
            selected = activity.id == self.selected_id
            # An outline keeps the lightest level (Inform) visible on a white page.
            painter.setPen(QPen(text, 2) if selected else QPen(QColor(colours.BLUE), 1))
            painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(text)
        painter.drawText(
            bottom_text,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            self.unscheduled_text(),
        )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, activity_id in self._bars:
            if rect.contains(event.position()):
                self.activity_clicked.emit(activity_id)
                return
        super().mousePressEvent(event)

    @staticmethod
    def legend_html() -> str:
        """A key to the bar colours (fixed words only, so rich text is safe)."""
        keys = "&nbsp;&nbsp;".join(
            f'<span style="color:{LEVEL_COLOURS[level].name()}">&#9632;</span>&nbsp;{label(level)}'
            for level in IAP2Level
        )
        return QCoreApplication.translate("Timeline", "Bar colour shows the IAP2 level: {keys}").format(
            keys=keys
        )

    def set_selected(self, activity_id: str | None) -> None:
        self.selected_id = activity_id
        self.update()
