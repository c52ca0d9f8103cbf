"""Edit one activity: who it is for, what it serves, its IAP2 level and promise, dates and size."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.checks import activity_checks
from ceplanner.core.dismissals import split_findings
from ceplanner.core.locale_format import format_number
from ceplanner.core.model import IAP2_PROMISES, Activity, IAP2Level, label
from ceplanner.core.scaling import attendances, rescaled_lines
from ceplanner.core.team import member_label
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.table_model import plain_tip
from ceplanner.ui.widgets import (
    DateField,
    TextArea,
    add_row,
    blocked,
    fit_to_limits,
    name_widget,
    new_form,
    problem_label,
    set_text_quietly,
    show_problem,
)
from ceplanner.ui.wording import change_text, object_words

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ChoiceModel(QAbstractListModel):
    """Check boxes over plan items (groups or objectives), stored as ids on the edited object.

    The edited object is an activity, or anything else with the ``attr`` list (an objective).
    """

    def __init__(
        self,
        doc: PlanDocument,
        items: Callable[[], list[Any]],
        attr: str,
        what: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self._items, self.attr, self.what = doc, items, attr, what
        self.target: Any = None
        self._seen: list[int] = []
        doc.edited.connect(self._edited)

    def set_target(self, target: Any) -> None:
        self.beginResetModel()
        self.target = target
        self._seen = [id(item) for item in self._items()]
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items())

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.target is not None and not self.doc.readonly:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self._items()
        if not index.isValid() or index.row() >= len(items):
            return None
        item = items[index.row()]
        text = getattr(item, "name", None) or getattr(item, "title", "") or self.tr("(no name)")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(text)
        if role == Qt.ItemDataRole.CheckStateRole:
            chosen = self.target is not None and item.id in getattr(self.target, self.attr)
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        items = self._items()
        if role != Qt.ItemDataRole.CheckStateRole or self.target is None or index.row() >= len(items):
            return False
        item_id = items[index.row()].id
        ids = [i for i in getattr(self.target, self.attr) if i != item_id]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            ids.append(item_id)
        self.doc.set_value(
            self.target,
            self.attr,
            ids,
            self.tr("Change the {what} of {thing}").format(what=self.what, thing=object_words(self.target)),
        )
        return True

    def refresh(self) -> None:
        """Follow the plan's list of items (a reset only when the items themselves changed)."""
        if [id(item) for item in self._items()] != self._seen:
            self.set_target(self.target)

    def _edited(self, obj: Any, attr: str) -> None:
        """Repaint what an edit changed: one item's name, or every tick when the choice changed."""
        if obj is self.target and attr == self.attr:
            count = len(self._seen)
            if count:
                self.dataChanged.emit(self.index(0), self.index(count - 1), [Qt.ItemDataRole.CheckStateRole])
        elif (
            attr in ("name", "title")
            and (row := next((i for i, item in enumerate(self._items()) if item is obj), -1)) >= 0
        ):
            self.dataChanged.emit(self.index(row), self.index(row))
        else:
            self.refresh()


SAME_PEOPLE = QT_TRANSLATE_NOOP("ActivityEditor", "The same people come to every session")
REPORTS_BACK = QT_TRANSLATE_NOOP(
    "ActivityEditor", "Tells participants what was decided and why (you said, we did)"
)


def attendances_text(activity: Activity) -> str:
    """Attendances in words: "= 96 attendances" (worked out, shown beside the participants)."""
    count = attendances(activity)
    if count == 1:
        return QCoreApplication.translate("ActivityEditor", "= {count} attendance").format(
            count=format_number(count)
        )
    return QCoreApplication.translate("ActivityEditor", "= {count} attendances").format(
        count=format_number(count)
    )


class ActivityEditor(QWidget):
    """The fields of one activity; every change is one undoable edit."""

    problems_changed = Signal()

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.activity: Activity | None = None
        self.setObjectName("activity_editor")
        form = new_form()
        self.title = QLineEdit()
        add_row(
            form,
            self.tr("Title"),
            self.title,
            "activity_title",
            self.tr("A short name people will recognise."),
        )
        self.description = TextArea(lines=2)
        add_row(
            form,
            self.tr("Description"),
            self.description,
            "activity_description",
            self.tr("What happens, where and how."),
        )
        self.groups = ChoiceModel(
            doc, lambda: self.doc.plan.groups, "group_ids", self.tr("target groups"), self
        )
        self.group_list = self._check_list(self.groups)
        choices = new_form()
        choices.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        add_row(
            choices,
            self.tr("Target groups"),
            self.group_list,
            "activity_groups",
            self.tr("Tick the groups this activity is for."),
        )
        self.objectives = ChoiceModel(
            doc, lambda: self.doc.plan.objectives, "objective_ids", "objectives", self
        )
        self.objective_list = self._check_list(self.objectives)
        add_row(
            choices,
            self.tr("Objectives served"),
            self.objective_list,
            "activity_objectives",
            self.tr("Tick what it helps achieve."),
        )
        self.level = QComboBox()
        for level in IAP2Level:
            self.level.addItem(label(level), level)
        add_row(
            form,
            self.tr("IAP2 level"),
            self.level,
            "activity_level",
            self.tr("How much influence participants have, from Inform (least) to Empower (most)."),
        )
        self.lead = QComboBox()
        add_row(
            form,
            self.tr("Led by"),
            self.lead,
            "activity_lead",
            self.tr("The team member who leads it (add people on the Delivery step, Team tab)."),
        )
        self.lead.activated.connect(lambda _i: self._set("lead_id", self.lead.currentData()))
        self._lead_choices: list[tuple[str, str]] = []
        self.promise = TextArea(lines=2)
        add_row(
            form,
            self.tr("Promise to participants"),
            self.promise,
            "activity_promise",
            self.tr(
                "What you commit to at this level. Filled in from the IAP2 wording; edit it to suit, "
                "but only promise what you will do."
            ),
        )
        self.start = DateField("activity_start")
        add_row(form, self.tr("Starts"), self.start, "activity_start_field")
        self.end = DateField("activity_end")
        add_row(form, self.tr("Ends"), self.end, "activity_end_field")
        self.sessions = QSpinBox()
        fit_to_limits(self.sessions, Activity, "sessions")
        name_widget(
            self.sessions,
            "activity_sessions",
            self.tr("Sessions"),
            self.tr(
                "How many times it runs. Cost lines that scale per session or per attendance follow "
                "it, in the same undo step; fixed lines keep their quantities."
            ),
        )
        self.participants = QSpinBox()
        fit_to_limits(self.participants, Activity, "participants")
        self.participants.setGroupSeparatorShown(True)
        name_widget(
            self.participants,
            "activity_participants",
            self.tr("Expected participants"),
            self.tr(
                "People, each counted once however many sessions they come to. Cost lines per "
                "participant or per attendance follow it."
            ),
        )
        participants_label = QLabel(self.tr("Expected participants"))
        participants_label.setObjectName("activity_participants_label")
        participants_label.setBuddy(self.participants)
        self.attendances = QLabel()
        name_widget(
            self.attendances,
            "activity_attendances",
            self.tr("Attendances"),
            self.tr(
                "Worked out: participants × sessions when the same people come to every session, "
                "otherwise participants. Lines per attendance (refreshments, travel) follow it."
            ),
        )
        size = QHBoxLayout()
        size.setContentsMargins(0, 0, 0, 0)
        size.addWidget(self.sessions)
        size.addSpacing(12)
        size.addWidget(participants_label)
        size.addWidget(self.participants)
        size.addSpacing(12)
        size.addWidget(self.attendances, 1)
        sessions_label = QLabel(self.tr("Sessions"))
        sessions_label.setObjectName("activity_sessions_label")
        sessions_label.setBuddy(self.sessions)
        form.addRow(sessions_label, size)
        self.same_people = QCheckBox(self.tr(SAME_PEOPLE))
        name_widget(
            self.same_people,
            "activity_same_people",
            self.tr(SAME_PEOPLE),
            self.tr(
                "Tick for a panel or a series the same people come back to: attendances are then "
                "participants × sessions. Otherwise each person comes to one session."
            ),
        )
        form.addRow(self.same_people)
        self.reports_back = QCheckBox(self.tr(REPORTS_BACK))
        name_widget(
            self.reports_back,
            "activity_reports_back",
            self.tr(REPORTS_BACK),
            self.tr("Tick if this activity tells participants what was decided and why."),
        )
        form.addRow(self.reports_back)
        self.problem = problem_label("activity_problem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(choices, 2)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addStretch(1)

        self.title.editingFinished.connect(self._title_done)
        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.toPlainText())
        )
        self.promise.editingFinished.connect(lambda: self._set("promise", self.promise.toPlainText()))
        self.level.currentIndexChanged.connect(self._level_chosen)
        self.start.changed.connect(lambda value: self._set("start", value))
        self.end.changed.connect(lambda value: self._set("end", value))
        self.sessions.editingFinished.connect(lambda: self._resize("sessions", self.sessions.value()))
        self.participants.editingFinished.connect(
            lambda: self._resize("participants", self.participants.value())
        )
        self.same_people.toggled.connect(lambda on: self._resize("same_people", bool(on)))
        self.reports_back.toggled.connect(lambda on: self._set("reports_back", bool(on)))
        widgets: list[QWidget] = [
            self.title,
            self.description,
            self.group_list,
            self.objective_list,
            self.level,
            self.lead,
            self.promise,
            self.start.edit,
            self.start.calendar_button,
            self.end.edit,
            self.end.calendar_button,
            self.sessions,
            self.participants,
            self.same_people,
            self.reports_back,
        ]
        for first, second in itertools.pairwise(widgets):
            self.setTabOrder(first, second)
        self.set_activity(None)

    def _check_list(self, model: ChoiceModel) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setUniformItemSizes(True)  # one line each: thousands of groups lay out at once
        view.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        return view

    def set_activity(self, activity: Activity | None) -> None:
        self.activity = activity
        self.groups.set_target(activity)
        self.objectives.set_target(activity)
        self.setEnabled(activity is not None and not self.doc.readonly)
        self.refresh()

    def refresh(self) -> None:
        activity = self.activity
        if activity is None:  # disabled, and showing nothing of the activity it last showed
            for widget in (self.title, self.description, self.promise):
                set_text_quietly(widget, "")
            self.start.set_value(None)
            self.end.set_value(None)
            with blocked(self.sessions, self.participants, self.same_people, self.reports_back, self.lead):
                self.sessions.setValue(self.sessions.minimum())
                self.participants.setValue(self.participants.minimum())
                self.same_people.setChecked(False)
                self.reports_back.setChecked(False)
                self.lead.setCurrentIndex(-1)
            self.attendances.setText("")
            show_problem(self.problem, "")
            return
        fields = (
            self.title,
            self.description,
            self.promise,
            self.level,
            self.sessions,
            self.participants,
            self.same_people,
            self.reports_back,
            self.lead,
        )
        with blocked(*fields):
            self._show_lead(activity)
            if not self.title.hasFocus():
                set_text_quietly(self.title, activity.title)
            if not self.description.hasFocus():
                set_text_quietly(self.description, activity.description)
            if not self.promise.hasFocus():
                set_text_quietly(self.promise, activity.promise)
            self.level.setCurrentIndex(max(self.level.findData(activity.level), 0))
            self.sessions.setValue(activity.sessions)
            self.participants.setValue(activity.participants)
            self.same_people.setChecked(activity.same_people)
            self.reports_back.setChecked(activity.reports_back)
        self.attendances.setText(attendances_text(activity))
        self.start.set_value(activity.start)
        self.end.set_value(activity.end)
        self.groups.refresh()
        self.objectives.refresh()
        show_problem(self.problem, " ".join(self.problems()))

    def _show_lead(self, activity: Activity) -> None:
        """The team as choices (rebuilt only when it changed), the activity's lead chosen."""
        choices = [(m.id, member_label(m)) for m in self.doc.plan.team]
        if choices != self._lead_choices:
            self._lead_choices = choices
            self.lead.clear()
            self.lead.addItem(self.tr("No lead named"), None)
            for member_id, text in choices:
                self.lead.addItem(text, member_id)
        self.lead.setCurrentIndex(max(self.lead.findData(activity.lead_id), 0))

    def problems(self) -> list[str]:
        activity = self.activity
        if activity is None:
            return []
        found = split_findings(activity_checks(activity, self.doc.plan), self.doc.plan.dismissals).open
        return [c.message for c in found if c.step == "activities"]

    def _set(self, attr: str, value: Any) -> None:
        if self.activity is not None and not self.doc.readonly:
            self.doc.set_value(self.activity, attr, value)

    def _resize(self, attr: str, value: Any) -> None:
        """Change sessions, participants or same_people; the cost lines that scale with it
        follow, in the same undo step (their sources stay: the amount is not the user's)."""
        activity = self.activity
        if activity is None or self.doc.readonly or getattr(activity, attr) == value:
            return
        changes = rescaled_lines(activity, **{attr: value})
        if not changes:
            self._set(attr, value)
            return
        self.doc.begin_macro(change_text(activity, attr))
        try:
            self.doc.set_value(activity, attr, value)
            for change in changes:
                self.doc.set_value(change.line, "quantity", change.quantity)
        finally:
            self.doc.end_macro()
        capped = [c.line.description or self.tr("a cost line") for c in changes if c.capped]
        if capped:
            show_problem(
                self.problem,
                self.tr(
                    "{count} cost lines follow; {lines} would need more than a line can hold and stops at "
                    "10,000,000: split it into several lines on the Costs step."
                ).format(count=len(changes), lines=", ".join(capped)),
            )

    def _title_done(self) -> None:
        if self.activity is None:
            return
        title = self.title.text().strip()
        if not title:
            show_problem(
                self.problem,
                self.tr("An activity needs a title, for example “Drop-in at the community hub”."),
            )
            self.title.setText(self.activity.title)
            return
        self._set("title", title)

    def _level_chosen(self) -> None:
        """Change the level; a promise still in the standard wording follows the new level."""
        activity = self.activity
        level = IAP2Level(self.level.currentData())  # combo data comes back as plain text
        if activity is None or level == activity.level or self.doc.readonly:
            return
        standard = activity.promise.strip() in ("", IAP2_PROMISES[activity.level])
        self.doc.begin_macro(self.tr("Change the IAP2 level to {label}").format(label=label(level)))
        self.doc.set_value(activity, "level", level)
        if standard:
            self.doc.set_value(activity, "promise", IAP2_PROMISES[level])
        self.doc.end_macro()
