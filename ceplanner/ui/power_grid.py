"""Mendelow's power/interest grid: each stakeholder group a labelled point that can be dragged.

Interest runs left to right and power bottom to top, both scored 1-5. Dropping a point snaps it
to the nearest scores and records one undoable edit. Groups sharing a cell are spread out so
that every label stays readable; seldom-heard groups are drawn as triangles, as in the PDF (see core/palette.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from ceplanner.core import palette as colours
from ceplanner.core.model import StakeholderGroup
from ceplanner.core.stakeholders import (
    HIGH_FROM,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    quadrant_label,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.follow import EditFollower
from ceplanner.ui.table_model import plain_tip

CELL = 100.0
SIZE = 5 * CELL
MARGIN = 46.0
RIGHT_MARGIN = 60.0
POINT = 12.0
MAX_PER_CELL = 5
"""Groups labelled in one cell; any more share the last place under a "+N more" label
(the table lists them all)."""


def _tint(colour: str, alpha: int) -> QColor:
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted


# The palette's quadrant shades, translucent so they sit on light and dark themes alike.
QUADRANT_COLOURS = {name: _tint(colour, 170) for name, colour in colours.QUADRANT_COLOURS.items()}


def score_to_scene(interest: float, power: float) -> QPointF:
    """The centre of a (interest, power) cell in scene coordinates."""
    return QPointF((interest - 0.5) * CELL, (5.5 - power) * CELL)


def scene_to_score(point: QPointF) -> tuple[int, int]:
    """The (interest, power) scores nearest a scene point, clamped to 1-5."""
    interest = round(point.x() / CELL + 0.5)
    power = round(5.5 - point.y() / CELL)
    return min(max(interest, 1), 5), min(max(power, 1), 5)


def fitted_lines(text: str, fits: Callable[[str], bool], lines: int) -> list[str] | None:
    """``text`` wrapped at spaces into at most ``lines`` lines that each ``fits``; None if it
    cannot be shown whole that way (a label is never cut short)."""
    result: list[str] = []
    current = ""
    for word in text.split():
        joined = f"{current} {word}".strip()
        if fits(joined):
            current = joined
            continue
        if not current or not fits(word):
            return None
        result.append(current)
        current = word
    result.append(current)
    return result if len(result) <= lines else None


def point_label(number: int, name: str, fits: Callable[[str], bool], lines: int) -> str:
    """A group's label: its table row number and whole name if they fit, else the number alone
    (the table beside the grid is the key, and the tooltip names it)."""
    shown_name = name or QCoreApplication.translate("PowerGrid", "(no name)")
    whole = fitted_lines(f"{number} {shown_name}", fits, lines)
    return "\n".join(whole) if whole is not None else str(number)


class GroupPoint(QGraphicsPathItem):
    """One group on the grid; a drag ends with :meth:`PowerGrid.drop`."""

    def __init__(
        self,
        grid: PowerGrid,
        group: StakeholderGroup,
        home: QPointF,
        lines: int = 2,
        width: float = 90.0,
        text: str | None = None,
        number: int = 0,
    ) -> None:
        super().__init__()
        self.grid, self.group, self.home = grid, group, home
        path = QPainterPath()
        r = POINT / 2
        if group.seldom_heard:  # the palette's seldom-heard mark: an upward triangle
            path.moveTo(0, -r - 2)
            path.lineTo(r + 2, r + 1)
            path.lineTo(-r - 2, r + 1)
            path.closeSubpath()
        else:
            path.addEllipse(QPointF(0, 0), r, r)
        self.setPath(path)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        # Points and labels keep their on-screen size however small the grid is drawn.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)
        self.setPos(home)
        self.label = QGraphicsSimpleTextItem(self)
        # Fit the label inside its cell (measured in bold, as when selected) so it never covers
        # the group in the next cell.
        bold = QFont(self.label.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        self.label.setText(
            text
            if text is not None
            else point_label(number, group.name, lambda line: metrics.horizontalAdvance(line) <= width, lines)
        )
        self.label.setPos(POINT / 2 + 3, -self.label.boundingRect().height() / 2)
        seldom = QCoreApplication.translate("GroupPoint", " (seldom heard)") if group.seldom_heard else ""
        self.setToolTip(
            plain_tip(
                f"{number} {group.name}{seldom}\n"
                + QCoreApplication.translate("GroupPoint", "Power {power}, interest {interest}").format(
                    power=group.power, interest=group.interest
                )
            )
        )
        self._pressed: QPointF | None = None

    @property
    def dragging(self) -> bool:
        return self._pressed is not None

    def boundingRect(self) -> QRectF:
        return self.path().boundingRect().adjusted(-3, -3, 3, 3).united(self.childrenBoundingRect())

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.path().boundingRect().adjusted(-4, -4, 4, 4))
        path.addRect(self.label.mapRectToParent(self.label.boundingRect()))
        return path

    def style(self, text: QColor, accent: QColor) -> None:
        selected = self.isSelected()
        marker = colours.SELDOM_HEARD_MARKER if self.group.seldom_heard else colours.GROUP_MARKER
        self.setBrush(QBrush(QColor(marker.fill)))
        self.setPen(QPen(text, 3 if selected else 1))
        font = QFont(self.label.font())
        font.setBold(selected)
        self.label.setFont(font)
        self.label.setBrush(QBrush(text))

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        """A soft backdrop behind the label keeps it readable over grid lines and quadrant names."""
        backdrop = QColor(self.grid.palette().color(QPalette.ColorRole.Base))
        backdrop.setAlpha(190)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(backdrop)
        painter.drawRoundedRect(
            self.label.mapRectToParent(self.label.boundingRect()).adjusted(-2, 0, 2, 0), 3, 3
        )
        super().paint(painter, option, widget)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.grid.restyle()
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.grid.doc.readonly:
            super().mousePressEvent(event)
            return
        self._pressed = event.scenePos()
        self.setZValue(3)
        super().mousePressEvent(event)  # selects the point
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._pressed is None:
            return
        moved = self.home + (event.scenePos() - self._pressed)
        bounded = QPointF(min(max(moved.x(), 0.0), SIZE), min(max(moved.y(), 0.0), SIZE))
        self.setPos(bounded)
        interest, power = scene_to_score(bounded)
        self.grid.hover.emit(
            QCoreApplication.translate("GroupPoint", "{name}: power {power}, interest {interest}").format(
                name=self.group.name, power=power, interest=interest
            )
        )

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._pressed is None:
            super().mouseReleaseEvent(event)
            return
        moved = (event.scenePos() - self._pressed).manhattanLength() > 3
        self._pressed = None
        self.setZValue(2)
        super().mouseReleaseEvent(event)
        if moved:
            self.grid.drop(self, scene_to_score(self.pos()))  # rebuilds the grid
        else:
            self.setPos(self.home)


class PowerGrid(QGraphicsView):
    """A live power/interest grid over ``doc.plan.groups``; selection is by group id."""

    selection_changed = Signal(list)
    hover = Signal(str)
    """Where a dragged group would land, in words."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("power_grid")
        self.setAccessibleName(self.tr("Power and interest grid"))
        self.setAccessibleDescription(
            self.tr(
                "Each stakeholder group placed by its power (up) and interest (right). "
                "Drag a group, or select it and use the arrow keys, to change its scores; "
                "the table beside it shows the same values."
            )
        )
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(320, 320)
        self._scene = QGraphicsScene(self)
        self._scene.setSceneRect(QRectF(-MARGIN, -14, SIZE + MARGIN + RIGHT_MARGIN, SIZE + MARGIN + 14))
        self.setScene(self._scene)
        self.points: dict[str, GroupPoint] = {}
        self._retired: list[GroupPoint] = []
        self._syncing = False
        self._scene.selectionChanged.connect(self._selection_changed)
        self.follower = EditFollower(self, doc, self.rebuild, self.concerns)

    def concerns(self, obj: object, attr: str) -> bool:
        """Only groups' places, names and marks, and the list of groups, change the grid."""
        if isinstance(obj, StakeholderGroup):
            return attr in ("power", "interest", "name", "seldom_heard")
        return obj is self.doc.plan and attr in ("groups", "")

    # -- drawing ----------------------------------------------------------------------------

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
        split = (HIGH_FROM - 1) * CELL  # where "high" starts on both axes
        top = (6 - HIGH_FROM) * CELL
        quads = {
            MANAGE_CLOSELY: QRectF(split, 0, SIZE - split, top),
            KEEP_SATISFIED: QRectF(0, 0, split, top),
            KEEP_INFORMED: QRectF(split, top, SIZE - split, SIZE - top),
            MONITOR: QRectF(0, top, split, SIZE - top),
        }
        text = self._text_colour()
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPixelSize(15)
        for name, area in quads.items():
            painter.fillRect(area, QUADRANT_COLOURS[name])
            painter.setFont(title_font)
            faded = QColor(text)
            faded.setAlpha(150)
            painter.setPen(faded)
            painter.drawText(
                area.adjusted(6, 4, -6, -4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                quadrant_label(name),
            )
        grid_pen = QPen(QColor(text.red(), text.green(), text.blue(), 40), 1)
        painter.setPen(grid_pen)
        for i in range(6):
            painter.drawLine(QPointF(i * CELL, 0), QPointF(i * CELL, SIZE))
            painter.drawLine(QPointF(0, i * CELL), QPointF(SIZE, i * CELL))
        painter.setPen(QPen(text, 2))
        painter.drawLine(QPointF(split, 0), QPointF(split, SIZE))
        painter.drawLine(QPointF(0, top), QPointF(SIZE, top))
        painter.drawRect(QRectF(0, 0, SIZE, SIZE))
        axis_font = QFont(self.font())
        axis_font.setPixelSize(13)
        painter.setFont(axis_font)
        for score in range(1, 6):
            centre = score_to_scene(score, score)
            painter.drawText(
                QRectF(centre.x() - 20, SIZE + 2, 40, 20), Qt.AlignmentFlag.AlignCenter, str(score)
            )
            painter.drawText(QRectF(-24, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter, str(score))
        painter.drawText(QRectF(0, SIZE + 20, SIZE, 22), Qt.AlignmentFlag.AlignCenter, self.tr("Interest →"))
        painter.save()
        painter.translate(-MARGIN + 4, SIZE / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-SIZE / 2, 0, SIZE, 20), Qt.AlignmentFlag.AlignCenter, self.tr("Power →"))
        painter.restore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = self.transform().m11()
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if abs(self.transform().m11() - scale) > 0.02 and not any(p.dragging for p in self.points.values()):
            self.rebuild()  # labels are fitted to the cells' size on screen

    # -- contents ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Place a point for every group, spreading groups that share a cell."""
        selected = self.selected_ids()
        self._syncing = True
        # Keep removed points alive until the next rebuild: one may be handling its own release.
        self._retired = list(self.points.values())
        for point in self._retired:
            self._scene.removeItem(point)
        self.points = {}
        cells: dict[tuple[int, int], list[StakeholderGroup]] = defaultdict(list)
        numbers = {group.id: i for i, group in enumerate(self.doc.plan.groups, start=1)}
        for group in self.doc.plan.groups:
            cells[(min(max(group.interest, 1), 5), min(max(group.power, 1), 5))].append(group)
        scale = self.transform().m11()
        for (interest, power), groups in cells.items():
            # A label may run on over empty cells to its right, and into the right margin.
            span = 1
            while interest + span <= 5 and (interest + span, power) not in cells:
                span += 1
            room = CELL * span + (RIGHT_MARGIN if interest + span > 5 else 0)
            width = max(room * scale - POINT - 12, 40.0)
            centre = score_to_scene(interest, power)
            lines = 2 if len(groups) <= 3 else 1
            slots = min(len(groups), MAX_PER_CELL)
            step = min(34.0 if lines == 2 else 20.0, (CELL - 20) / max(slots - 1, 1))
            # Too many to label here: the last place stands for the rest, named in its tooltip
            # and in the table. Only the places drawn get a point, so a plan of thousands of
            # groups draws at most 125.
            for slot, group in enumerate(groups[:slots]):
                home = QPointF(centre.x() - CELL / 2 + POINT, centre.y() + (slot - (slots - 1) / 2) * step)
                rest = groups[slot:] if len(groups) > slots and slot == slots - 1 else []
                point = GroupPoint(
                    self,
                    group,
                    home,
                    lines,
                    width,
                    self.tr("+{count} more").format(count=len(rest)) if rest else None,
                    numbers[group.id],
                )
                if rest:
                    names = [g.name or self.tr("(no name)") for g in rest[:15]]
                    more = (
                        self.tr("\n… and {count} more").format(count=len(rest) - 15) if len(rest) > 15 else ""
                    )
                    point.setToolTip(
                        plain_tip("\n".join(names) + more + self.tr("\nAll are listed in the table."))
                    )
                self._scene.addItem(point)
                point.setSelected(group.id in selected)
                self.points[group.id] = point
        self._syncing = False
        self.restyle()

    def restyle(self) -> None:
        text = self._text_colour()
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        for point in self.points.values():
            point.style(text, accent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys move the selected group one step: the keyboard's way to drag."""
        steps = {
            Qt.Key.Key_Up: (0, 1),
            Qt.Key.Key_Down: (0, -1),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Left: (-1, 0),
        }
        selected = self.selected_ids()
        key = Qt.Key(event.key())
        if key in steps and len(selected) == 1 and not self.doc.readonly:
            point = self.points[selected[0]]
            d_interest, d_power = steps[key]
            group = point.group
            target = (min(max(group.interest + d_interest, 1), 5), min(max(group.power + d_power, 1), 5))
            self.drop(point, target)
            event.accept()
            return
        super().keyPressEvent(event)

    def drop(self, point: GroupPoint, scores: tuple[int, int]) -> None:
        """Record a finished drag as one undoable edit (or put the point back if unchanged)."""
        interest, power = scores
        group = point.group
        if (interest, power) == (group.interest, group.power):
            point.setPos(point.home)
            return
        self.doc.begin_macro(self.tr("Move {name} on the power/interest grid").format(name=group.name))
        self.doc.set_value(group, "power", power)
        self.doc.set_value(group, "interest", interest)
        self.doc.end_macro()
        self.hover.emit(
            self.tr("{name} now has power {power} and interest {interest}.").format(
                name=group.name, power=power, interest=interest
            )
        )

    # -- selection --------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [gid for gid, point in self.points.items() if point.isSelected()]

    def select_ids(self, ids: list[str]) -> None:
        """Select the given groups without echoing the change back."""
        self._syncing = True
        for gid, point in self.points.items():
            point.setSelected(gid in ids)
        self._syncing = False
        self.restyle()

    def _selection_changed(self) -> None:
        if not self._syncing:
            self.selection_changed.emit(self.selected_ids())
