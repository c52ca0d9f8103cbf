"""Small widgets the pages share: money and date fields with inline problems, form helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ceplanner.core.dates import DateTextError, date_text, parse_date_text
from ceplanner.core.limits import Limits, limits_of
from ceplanner.core.model import TEXT_LIMIT
from ceplanner.core.money import UNIT_COST_LIMITS, MoneyError, parse_money, to_major_text

PROBLEM_COLOUR = "#c0392b"


def name_widget(widget: QWidget, object_name: str, accessible: str, tip: str = "") -> QWidget:
    """Give ``widget`` a stable objectName, an accessible name and (optionally) a tooltip."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    if isinstance(widget, QLineEdit):
        widget.setMaxLength(TEXT_LIMIT)  # Qt's own limit, 32,767, would cut longer valid text
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
    return widget


def add_row(form: QFormLayout, text: str, widget: QWidget, object_name: str, tip: str = "") -> QLabel:
    """Add a labelled row to ``form``; the label is the field's buddy and accessible name."""
    name_widget(widget, object_name, text.rstrip(":"), tip)
    label = QLabel(text)
    label.setObjectName(f"{object_name}_label")
    label.setWordWrap(True)
    focus_target = getattr(widget, "focus_proxy_widget", widget)
    label.setBuddy(focus_target)
    form.addRow(label, widget)
    return label


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


def problem_label(object_name: str, *, wrap: bool = True) -> QLabel:
    """A label for a field's problem, in words, in red; hidden while there is none, its room
    kept so that nothing around it moves."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, PROBLEM_COLOUR)
    label.setPalette(palette)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)  # appearing or going, a problem never moves the buttons
    label.setSizePolicy(policy)
    label.setMinimumHeight(label.fontMetrics().lineSpacing())  # an empty label would keep no room
    label.setVisible(False)
    return label


def steady(label: QLabel) -> QWidget:
    """``label`` in a holder that keeps its room: a form layout drops a hidden row's room, so a
    problem label placed in a form goes in one of these."""
    holder = QWidget()
    holder.setObjectName(f"{label.objectName()}_holder")
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    holder.setMinimumHeight(label.minimumHeight())
    return holder


def show_problem(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleName(text or QCoreApplication.translate("Widgets", "No problem"))
    label.setVisible(bool(text))


def set_text_quietly(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show ``text`` without disturbing the cursor when it is already there."""
    current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    if current != text:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)
            widget.setCursorPosition(0)


class TextArea(QPlainTextEdit):
    """A multi-line field that, like ``QLineEdit``, says when editing is finished (focus leaves)."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class MoneyField(QWidget):
    """A money amount typed as people type it ("1,250.50", "£300"); problems shown beside it.

    ``committed`` carries the amount in minor units when a valid amount is finished.
    """

    committed = Signal(int)

    def __init__(
        self,
        object_name: str,
        currency: Callable[[], str],
        parent: QWidget | None = None,
        *,
        bounds: Limits = UNIT_COST_LIMITS,
    ) -> None:
        super().__init__(parent)
        self._currency = currency
        self._bounds = bounds
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(self.tr("for example 1,250.50"))
        self.edit.setMaximumWidth(180)
        self.edit.setMinimumWidth(110)  # the problem beside it keeps its room; the amount stays readable
        self.problem = problem_label(f"{object_name}_problem")
        self.error = ""
        """The problem with the typed text, in words ("" when there is none)."""
        self.focus_proxy_widget = self.edit
        self.setFocusProxy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.problem, 1)
        row.addStretch(0)
        self.edit.editingFinished.connect(self.commit)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setObjectName(self, name: str) -> None:
        super().setObjectName(f"{name}_field" if name == self.edit.objectName() else name)

    def set_amount(self, minor: int) -> None:
        if not self.edit.hasFocus() or not self.error:
            set_text_quietly(self.edit, to_major_text(minor, self._currency()))
            self._show("")

    def amount(self) -> int | None:
        try:
            return parse_money(self.edit.text(), self._currency(), bounds=self._bounds)
        except MoneyError:
            return None

    def commit(self) -> None:
        try:
            minor = parse_money(self.edit.text(), self._currency(), bounds=self._bounds)
        except MoneyError as exc:
            self._show(str(exc))
            return
        self._show("")
        self.committed.emit(minor)

    def _show(self, error: str) -> None:
        self.error = error
        show_problem(self.problem, error)


class DateField(QWidget):
    """A date typed in one go ("12/03/2027", "12 Mar 2027") or picked from a calendar; empty
    text means "no date". Problems are shown beside it, as for money.

    ``changed`` carries a ``date`` or None when a valid entry is finished.
    """

    changed = Signal(object)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(150)
        self.edit.setMinimumWidth(110)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("\u25be")
        name_widget(self.calendar_button, f"{object_name}_calendar", self.tr("Choose from a calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName(f"{object_name}_calendar_popup")
        menu = QMenu(self.calendar_button)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        self.calendar_button.setMenu(menu)
        menu.aboutToShow.connect(self._calendar_opening)
        self.calendar.clicked.connect(self._picked)
        self.problem = problem_label(f"{object_name}_problem")
        self.error = ""
        """The problem with the typed text, in words ("" when there is none)."""
        self._value: date | None = None
        self.focus_proxy_widget = self.edit
        self.setFocusProxy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.calendar_button)
        row.addWidget(self.problem, 1)
        self.edit.editingFinished.connect(self.commit)
        self.setTabOrder(self.edit, self.calendar_button)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.calendar_button.setAccessibleName(self.tr("{name}: choose from a calendar").format(name=name))

    def setObjectName(self, name: str) -> None:
        super().setObjectName(f"{name}_field" if name == self.edit.objectName() else name)

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (nothing for None), unless the user is mid-way through a correction."""
        self._value = value
        if not self.edit.hasFocus() or not self.error:
            set_text_quietly(self.edit, date_text(value))
            self._show("")

    def setEnabled(self, enabled: bool) -> None:
        super().setEnabled(enabled)
        if not enabled:
            self._show("")

    def commit(self) -> None:
        """Read the typed text: a date or empty is taken, anything else is shown as a problem."""
        try:
            value = parse_date_text(self.edit.text())
        except DateTextError as exc:
            self._show(str(exc))
            return
        self._show("")
        set_text_quietly(self.edit, date_text(value))
        if value != self._value:
            self._value = value
            self.changed.emit(value)

    def _calendar_opening(self) -> None:
        shown = self._value or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _picked(self, day: QDate) -> None:
        self.calendar_button.menu().hide()
        set_text_quietly(self.edit, date_text(day.toPython()))
        self.commit()

    def _show(self, error: str) -> None:
        self.error = error
        show_problem(self.problem, error)


@contextmanager
def blocked(*objects: QObject) -> Iterator[None]:
    """Silence the objects' signals while the plan's values are shown in them."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was in zip(objects, previous, strict=True):
            obj.blockSignals(was)


def percent_from_spin(value: float, places: int = 1) -> Decimal:
    """A spin box's percentage as a Decimal with no float noise: 12.5 -> Decimal("12.5")."""
    result = Decimal(f"{value:.{places}f}")
    return Decimal(int(result)) if result == result.to_integral_value() else result.normalize()


def fit_to_limits(spin: QSpinBox | QDoubleSpinBox, cls: type, attr: str) -> None:
    """Give ``spin`` the range (and decimals) the model allows ``cls.attr``, so a valid value
    is shown as it is and never clipped or rounded when the box loses focus."""
    bounds = limits_of(cls, attr)
    low, high = bounds.minimum or 0, bounds.maximum or 0
    if isinstance(spin, QDoubleSpinBox):
        if bounds.places is not None:
            spin.setDecimals(bounds.places)
        spin.setRange(float(low), float(high))
    else:
        if high > 2**31 - 1:  # a QSpinBox holds 32-bit numbers: it would wrap, not clip
            raise ValueError(
                QCoreApplication.translate(
                    "Widgets", "{__name__}.{attr} allows more than a spin box can show"
                ).format(__name__=cls.__name__, attr=attr)
            )
        spin.setRange(int(low), int(high))


class WheelGuard(QObject):
    """Stops the scroll wheel changing an unfocused combo, spin or date box as a page scrolls past."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            event.ignore()  # the scroll area behind it scrolls instead
            return True
        return False


_wheel_guard = WheelGuard()


def guard_wheel(root: QWidget) -> None:
    """Apply :class:`WheelGuard` to every combo, spin and date box under ``root``."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    for widget in root.findChildren(QWidget):
        if isinstance(widget, QComboBox | QAbstractSpinBox):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(_wheel_guard)


def scrolling(content: QWidget, object_name: str) -> QScrollArea:
    """A frameless scroll area around a page's form, whose boxes ignore stray wheel turns."""
    scroll = QScrollArea()
    scroll.setObjectName(object_name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    guard_wheel(content)
    return scroll


def setup_view(view: QAbstractItemView) -> None:
    """Editing triggers users expect in a spreadsheet-like table."""
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )


def name_table(view: QAbstractItemView, object_name: str, accessible: str, tip: str = "") -> None:
    """Name a table or tree and its headers and corner button, for tests and screen readers."""
    view.setObjectName(object_name)
    view.setAccessibleName(accessible)
    if tip:
        view.setToolTip(tip)
        view.setAccessibleDescription(tip)
    for header, what in (
        (getattr(view, "horizontalHeader", None), "columns"),
        (getattr(view, "verticalHeader", None), "rows"),
    ):
        if header is not None:
            header().setObjectName(f"{object_name}_{what}")
            header().setAccessibleName(f"{accessible}: {what}")
    if hasattr(view, "header"):
        view.header().setObjectName(f"{object_name}_columns")
        view.header().setAccessibleName(
            QCoreApplication.translate("Widgets", "{accessible}: columns").format(accessible=accessible)
        )
    corner = view.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName(
            QCoreApplication.translate("Widgets", "Select all in {lower}").format(lower=accessible.lower())
        )
