"""The Delivery record step's tables: activities' progress, sessions held, actual costs, and
attendance by group at one session. Each is a :class:`ColumnTableModel` over a plan list, so
every cell edit goes through the document (one undo step, autosaved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ceplanner.core.dates import date_text
from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    ActualCost,
    CostCategory,
    DeliveryStatus,
    GroupCount,
    SessionHeld,
    StakeholderGroup,
)
from ceplanner.core.money import format_money, parse_money, to_major_text
from ceplanner.ui.delivery_models import _date, free_text
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.table_model import Column, ColumnTableModel

WHOLE_PLAN = QT_TRANSLATE_NOOP("DeliveredModels", "The plan as a whole")
"""What an actual cost not tied to one activity shows in its Activity column."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeliveredModels", text)


class RecordModel(ColumnTableModel):
    """The rows of a plan list read through ``rows_of`` (re-read on every call)."""

    def __init__(
        self, doc: PlanDocument, columns: list[Column], rows_of: Callable[[], list[Any]], parent: Any = None
    ) -> None:
        self._rows_of = rows_of
        super().__init__(doc, columns, parent)

    def rows(self) -> list[Any]:
        return self._rows_of()

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        plan = self.doc.plan
        return obj is plan and attr in ("activities", "groups", "currency", "")


def activity_options(doc: PlanDocument, whole_plan: bool) -> list[tuple[str, Any]]:
    """(title, id) for each of the plan's activities; first "the plan as a whole" (None) if asked."""
    options: list[tuple[str, Any]] = [(_tr(WHOLE_PLAN), None)] if whole_plan else []
    return options + [(a.title or _tr("(untitled activity)"), a.id) for a in doc.plan.activities]


def _activity_title(doc: PlanDocument, activity_id: str | None) -> str:
    found = next((a for a in doc.plan.activities if a.id == activity_id), None)
    if found is None:
        return _tr(WHOLE_PLAN) if activity_id is None else _tr("(activity deleted)")
    return found.title or _tr("(untitled activity)")


def _activity_in(doc: PlanDocument, whole_plan: bool) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None and whole_plan:
            return None
        if value in {a.id for a in doc.plan.activities}:
            return str(value)
        raise ValueError(_tr("choose one of the plan's activities from the list."))

    return parse


def progress_columns(doc: PlanDocument) -> list[Column]:
    """Activity (read-only), its delivery status and, if dropped, why."""
    return [
        Column("title", QT_TRANSLATE_NOOP("Column", "Activity"), "derived", derive=lambda a: a.title),
        Column(
            "delivery_status",
            QT_TRANSLATE_NOOP("Column", "Status"),
            "choice",
            lambda v: DeliveryStatus(v),
            choices=DeliveryStatus,
            tip=QT_TRANSLATE_NOOP("Column", "Planned, happening, done, or dropped (say why)."),
        ),
        Column(
            "dropped_reason",
            QT_TRANSLATE_NOOP("Column", "Why it was dropped"),
            parse=free_text,
            tip=QT_TRANSLATE_NOOP("Column", "For a dropped activity: the reason, in a sentence."),
        ),
    ]


def session_columns(doc: PlanDocument) -> list[Column]:
    """Activity, date held, attendance, notes."""
    limits = limits_of(SessionHeld, "attendance")
    return [
        Column(
            "activity_id",
            QT_TRANSLATE_NOOP("Column", "Activity"),
            "option",
            _activity_in(doc, False),
            show=lambda v: _activity_title(doc, v),
            options=lambda: activity_options(doc, False),
        ),
        Column(
            "held_on",
            QT_TRANSLATE_NOOP("Column", "Held on"),
            "date",
            _date,
            show=date_text,
            edit=date_text,
            tip=QT_TRANSLATE_NOOP("Column", "The date it was held, for example 12/03/2027."),
        ),
        Column(
            "attendance",
            QT_TRANSLATE_NOOP("Column", "Attendance"),
            "int",
            int,
            limits=limits,
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "Everyone who came, in a group of the plan or not."),
        ),
        Column("notes", QT_TRANSLATE_NOOP("Column", "Notes"), parse=free_text),
    ]


def cost_columns(doc: PlanDocument) -> list[Column]:
    """Activity (or the plan as a whole), description, category, amount, in kind, funder,
    reference, date."""

    def amount_in(value: Any) -> int:
        return parse_money(str(value), doc.plan.currency, bounds=limits_of(ActualCost, "amount"))

    return [
        Column(
            "activity_id",
            QT_TRANSLATE_NOOP("Column", "Activity"),
            "option",
            _activity_in(doc, True),
            show=lambda v: _activity_title(doc, v),
            options=lambda: activity_options(doc, True),
        ),
        Column("description", QT_TRANSLATE_NOOP("Column", "Description"), parse=free_text),
        Column(
            "category",
            QT_TRANSLATE_NOOP("Column", "Category"),
            "choice",
            lambda v: CostCategory(v),
            choices=CostCategory,
        ),
        Column(
            "amount",
            QT_TRANSLATE_NOOP("Column", "Amount"),
            "money",
            amount_in,
            show=lambda amount: format_money(amount, doc.plan.currency),
            edit=lambda amount: to_major_text(amount, doc.plan.currency),
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "What was spent or given, for example 1,250.00."),
        ),
        Column(
            "in_kind",
            QT_TRANSLATE_NOOP("Column", "In kind"),
            "bool",
            bool,
            tip=QT_TRANSLATE_NOOP("Column", "Ticked: given in kind rather than paid."),
        ),
        Column("funder", QT_TRANSLATE_NOOP("Column", "Funder"), parse=free_text),
        Column(
            "reference",
            QT_TRANSLATE_NOOP("Column", "Reference"),
            parse=free_text,
            tip=QT_TRANSLATE_NOOP("Column", "The invoice or timesheet reference."),
        ),
        Column(
            "spent_on",
            QT_TRANSLATE_NOOP("Column", "Date"),
            "date",
            _date,
            show=date_text,
            edit=date_text,
        ),
    ]


class GroupAttendanceModel(ColumnTableModel):
    """The plan's groups, each with how many of them came to one session; a change replaces the
    session's ``by_group`` list whole, as one edit."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        self.session: SessionHeld | None = None
        limits = limits_of(GroupCount, "people")
        columns = [
            Column("name", QT_TRANSLATE_NOOP("Column", "Group"), "derived", derive=lambda g: g.name),
            Column(
                "people",
                QT_TRANSLATE_NOOP("Column", "People"),
                "int",
                int,
                derive=None,
                limits=limits,
                right=True,
            ),
        ]
        super().__init__(doc, columns, parent)

    def rows(self) -> list[Any]:
        return list(self.doc.plan.groups) if self.session is not None else []

    def show_session(self, session: SessionHeld | None) -> None:
        self.session = session
        self.reload()

    def value(self, obj: Any, column: Column) -> Any:
        if column.attr == "people":
            return self.people_of(obj)
        return super().value(obj, column)

    def people_of(self, group: StakeholderGroup) -> int:
        if self.session is None:
            return 0
        return next((c.people for c in self.session.by_group if c.group_id == group.id), 0)

    def apply(self, obj: Any, column: Column, value: Any) -> None:
        session = self.session
        if session is None:
            return
        counts = [c for c in session.by_group if c.group_id != obj.id]
        if value:
            counts.append(GroupCount(group_id=obj.id, people=int(value)))
        order = {g.id: i for i, g in enumerate(self.doc.plan.groups)}
        counts.sort(key=lambda c: order.get(c.group_id, len(order)))
        self.doc.set_value(session, "by_group", counts, _tr("Change attendance by group"))

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        return obj is self.session or (obj is self.doc.plan and attr in ("groups", ""))
