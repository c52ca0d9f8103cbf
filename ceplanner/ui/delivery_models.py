"""The delivery plan's tables: the column spec of each list and how typed cells are read.

Team, tasks, readiness checks, communications, key messages, milestones and risks are each a
plain list of the plan shown by one :class:`PlanListModel`; this module says what each column
is. Input that cannot be right (an empty name, a date of 31/02) is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from ceplanner.core.dates import date_text, parse_date_text
from ceplanner.core.delivery_checks import late_tasks
from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    Activity,
    Communication,
    KeyMessage,
    Milestone,
    MilestoneKind,
    ReadinessItem,
    Risk,
    RiskRating,
    Task,
    TeamMember,
)
from ceplanner.core.money import format_money, format_quantity, parse_money, parse_quantity, to_major_text
from ceplanner.core.team import member_cost
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.staff_rates import set_with_rates
from ceplanner.ui.stakeholder_model import to_bool, to_enum
from ceplanner.ui.table_model import Column, ColumnTableModel, Index
from ceplanner.ui.widgets import PROBLEM_COLOUR

WHOLE_PLAN = QT_TRANSLATE_NOOP("DeliveryModels", "Whole plan")
"""What a task not tied to one activity shows in its Activity column."""


def free_text(value: Any) -> str:
    return str(value).strip()


def required(what: str, example: str) -> Callable[[Any], str]:
    """A parser for a text that must not be blank: "A task needs a description, for example …"."""

    def parse(value: Any) -> str:
        text = str(value).strip()
        if not text:
            raise ValueError(
                QCoreApplication.translate("DeliveryModels", "{what}, for example “{example}”.").format(
                    what=what, example=example
                )
            )
        return text

    return parse


def _date(value: Any) -> date | None:
    """A date cell's value: a date as it is, typed text as core.dates reads it (None if blank)."""
    if value is None or isinstance(value, date):
        return value
    return parse_date_text(str(value))


def _date_column(attr: str, header: str, tip: str) -> Column:
    return Column(
        attr,
        header,
        "date",
        _date,
        show=date_text,
        edit=date_text,
        tip=tip + QT_TRANSLATE_NOOP("Column", " Blank for none."),
    )


def team_columns(doc: PlanDocument) -> list[Column]:
    """Name, role, organisation, days, day rate (blank: the plan's) and the cost of the days."""

    def rate_in(value: Any) -> int | None:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        return parse_money(text, doc.plan.currency, bounds=limits_of(TeamMember, "day_rate"))

    def money_out(amount: int | None) -> str:
        return "" if amount is None else format_money(amount, doc.plan.currency)

    return [
        Column(
            "name",
            QT_TRANSLATE_NOOP("Column", "Name"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "A team member needs a name"),
                QCoreApplication.translate("DeliveryModels", "Amara Okafor"),
            ),
        ),
        Column("role", QT_TRANSLATE_NOOP("Column", "Role"), parse=free_text),
        Column("organisation", QT_TRANSLATE_NOOP("Column", "Organisation or department"), parse=free_text),
        Column(
            "days",
            QT_TRANSLATE_NOOP("Column", "Days"),
            "quantity",
            lambda v: parse_quantity(str(v), limits_of(TeamMember, "days")),
            show=format_quantity,
            edit=format_quantity,
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "Days committed to the engagement, for example 12 or 2.5."),
        ),
        Column(
            "day_rate",
            QT_TRANSLATE_NOOP("Column", "Day rate"),
            "money",
            rate_in,
            show=lambda amount: (
                QCoreApplication.translate("DeliveryModels", "plan's rate")
                if amount is None
                else money_out(amount)
            ),
            edit=lambda amount: "" if amount is None else to_major_text(amount, doc.plan.currency),
            right=True,
            tip=QT_TRANSLATE_NOOP(
                "Column", "Cost of one of their days; leave blank to use the plan's staff day rate."
            ),
        ),
        Column(
            "cost",
            QT_TRANSLATE_NOOP("Column", "Cost of their days"),
            "derived",
            derive=lambda member: member_cost(doc.plan, member),
            show=money_out,
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "Days times their day rate (or the plan's)."),
        ),
    ]


def task_columns(doc: PlanDocument) -> list[Column]:
    """Description, activity (or the whole plan), owner, due date, done."""

    def activity_title(activity_id: str | None) -> str:
        found = next((a for a in doc.plan.activities if a.id == activity_id), None)
        if found is None:
            return QCoreApplication.translate("DeliveryModels", WHOLE_PLAN)
        return found.title or QCoreApplication.translate("DeliveryModels", "(untitled activity)")

    def activity_in(value: Any) -> str | None:
        if value is None:
            return None
        ids = {a.id for a in doc.plan.activities}
        if value in ids:
            return str(value)
        text = str(value).strip().casefold()
        if not text or text in (
            WHOLE_PLAN.casefold(),
            QCoreApplication.translate("DeliveryModels", WHOLE_PLAN).casefold(),
        ):
            return None
        for activity in doc.plan.activities:
            if activity.title.strip().casefold() == text:
                return activity.id
        raise ValueError(
            QCoreApplication.translate(
                "DeliveryModels", "no activity is called “{name}”; choose one from the list."
            ).format(name=str(value).strip())
        )

    return [
        Column(
            "description",
            QT_TRANSLATE_NOOP("Column", "Task"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "A task needs a description"),
                QCoreApplication.translate("DeliveryModels", "Book the venue"),
            ),
        ),
        Column(
            "activity_id",
            QT_TRANSLATE_NOOP("Column", "Activity"),
            "option",
            activity_in,
            show=activity_title,
            tip=QT_TRANSLATE_NOOP("Column", "The activity the task is for, or the whole plan."),
            options=lambda: [
                (QCoreApplication.translate("DeliveryModels", WHOLE_PLAN), None),
                *(
                    (a.title or QCoreApplication.translate("DeliveryModels", "(untitled activity)"), a.id)
                    for a in doc.plan.activities
                ),
            ],
        ),
        Column("owner", QT_TRANSLATE_NOOP("Column", "Owner"), parse=free_text),
        _date_column(
            "due",
            QT_TRANSLATE_NOOP("Column", "Due"),
            QT_TRANSLATE_NOOP("Column", "When the task must be done, for example 12/03/2027."),
        ),
        Column("done", QT_TRANSLATE_NOOP("Column", "Done"), "bool", to_bool),
    ]


def readiness_columns() -> list[Column]:
    return [
        Column("done", QT_TRANSLATE_NOOP("Column", "Done"), "bool", to_bool),
        Column(
            "description",
            QT_TRANSLATE_NOOP("Column", "Check before starting"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "A check needs a description"),
                QCoreApplication.translate("DeliveryModels", "Equality impact assessment done"),
            ),
        ),
        Column("notes", QT_TRANSLATE_NOOP("Column", "Notes"), parse=free_text),
    ]


def communication_columns() -> list[Column]:
    return [
        Column(
            "audience",
            QT_TRANSLATE_NOOP("Column", "Audience"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "Say who the communication is for"),
                QCoreApplication.translate("DeliveryModels", "All tenants"),
            ),
        ),
        Column(
            "channel",
            QT_TRANSLATE_NOOP("Column", "Channel"),
            parse=free_text,
            tip=QT_TRANSLATE_NOOP("Column", "How: newsletter, text message, posters, radio…"),
        ),
        Column(
            "timing",
            QT_TRANSLATE_NOOP("Column", "Timing"),
            parse=free_text,
            tip=QT_TRANSLATE_NOOP("Column", "When, for example “two weeks before each session”."),
        ),
        Column("owner", QT_TRANSLATE_NOOP("Column", "Owner"), parse=free_text),
    ]


def key_message_columns() -> list[Column]:
    return [
        Column(
            "message",
            QT_TRANSLATE_NOOP("Column", "Key message"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "A key message needs its words"),
                QCoreApplication.translate("DeliveryModels", "Nothing about repairs is decided yet"),
            ),
        ),
        Column(
            "audience",
            QT_TRANSLATE_NOOP("Column", "Audience"),
            parse=free_text,
            tip=QT_TRANSLATE_NOOP("Column", "Who it is for; blank for every participant."),
        ),
    ]


def milestone_columns() -> list[Column]:
    return [
        Column(
            "title",
            QT_TRANSLATE_NOOP("Column", "Milestone"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "A milestone needs a title"),
                QCoreApplication.translate("DeliveryModels", "Board decision"),
            ),
        ),
        _date_column(
            "due",
            QT_TRANSLATE_NOOP("Column", "Date"),
            QT_TRANSLATE_NOOP("Column", "The date of the meeting, decision or publication."),
        ),
        Column(
            "kind",
            QT_TRANSLATE_NOOP("Column", "Kind"),
            "choice",
            lambda v: to_enum(MilestoneKind, v),
            choices=MilestoneKind,
        ),
    ]


def risk_columns() -> list[Column]:
    def rating(value: Any) -> Any:
        return to_enum(RiskRating, value)

    return [
        Column(
            "description",
            QT_TRANSLATE_NOOP("Column", "Risk"),
            parse=required(
                QCoreApplication.translate("DeliveryModels", "A risk needs a description"),
                QCoreApplication.translate("DeliveryModels", "Interpreters not available"),
            ),
        ),
        Column("likelihood", QT_TRANSLATE_NOOP("Column", "Likelihood"), "choice", rating, choices=RiskRating),
        Column("impact", QT_TRANSLATE_NOOP("Column", "Impact"), "choice", rating, choices=RiskRating),
        Column("mitigation", QT_TRANSLATE_NOOP("Column", "Mitigation"), parse=free_text),
        Column("owner", QT_TRANSLATE_NOOP("Column", "Owner"), parse=free_text),
        _date_column(
            "review_date",
            QT_TRANSLATE_NOOP("Column", "Review date"),
            QT_TRANSLATE_NOOP("Column", "When the risk is next reviewed."),
        ),
    ]


# Each list of the delivery plan: its columns, and the item a new row starts as.
LISTS: dict[str, tuple[Callable[[PlanDocument], list[Column]], Callable[[], Any]]] = {
    "team": (
        team_columns,
        lambda: TeamMember(name=QCoreApplication.translate("DeliveryModels", "New team member")),
    ),
    "tasks": (
        task_columns,
        lambda: Task(description=QCoreApplication.translate("DeliveryModels", "New task")),
    ),
    "readiness": (
        lambda _doc: readiness_columns(),
        lambda: ReadinessItem(description=QCoreApplication.translate("DeliveryModels", "New check")),
    ),
    "communications": (
        lambda _doc: communication_columns(),
        lambda: Communication(audience=QCoreApplication.translate("DeliveryModels", "New audience")),
    ),
    "key_messages": (
        lambda _doc: key_message_columns(),
        lambda: KeyMessage(message=QCoreApplication.translate("DeliveryModels", "New key message")),
    ),
    "milestones": (
        lambda _doc: milestone_columns(),
        lambda: Milestone(title=QCoreApplication.translate("DeliveryModels", "New milestone")),
    ),
    "risks": (
        lambda _doc: risk_columns(),
        lambda: Risk(description=QCoreApplication.translate("DeliveryModels", "New risk")),
    ),
}


class PlanListModel(ColumnTableModel):
    """One row per item of the plan's list ``attr`` (``team``, ``tasks``, ...)."""

    def __init__(self, doc: PlanDocument, attr: str, parent: Any = None) -> None:
        self.attr = attr
        columns, self.new_item = LISTS[attr]
        super().__init__(doc, columns(doc), parent)

    def rows(self) -> list[Any]:
        items: list[Any] = getattr(self.doc.plan, self.attr)
        return items

    def row_of(self, item_id: str) -> int:
        return next((i for i, item in enumerate(self.rows()) if item.id == item_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The shared cells; a task due too late shows its due date in red, the reason as its tip."""
        if (
            self.attr == "tasks"
            and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole)
            and index.isValid()
            and self.columns[index.column()].attr == "due"
        ):
            task = self.object(index.row())
            late = late_tasks(self.doc.plan).get(task.id) if task is not None else None
            if late is not None:
                return QColor(PROBLEM_COLOUR) if role == Qt.ItemDataRole.ForegroundRole else late
        return super().data(index, role)

    def apply(self, obj: Any, column: Column, value: Any) -> None:
        """A team member's new day rate re-rates their staff-time lines in the same undo step."""
        set_with_rates(self.doc, obj, column.attr, value)

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        if self.attr == "team":  # the cost of each member's days follows the plan's rate
            return obj is self.doc.plan and attr in ("currency", "staff_day_rate", "")
        if self.attr == "tasks":  # the activity column shows activities' titles
            return isinstance(obj, Activity) or (obj is self.doc.plan and attr in ("activities", ""))
        return False


def paste_columns(columns: list[Column]) -> list[Column]:
    """The columns a pasted spreadsheet row fills, in order (worked-out columns are not pasted)."""
    return [column for column in columns if column.kind != "derived"]


def items_from_tsv(text: str, model: PlanListModel) -> tuple[list[Any], list[str]]:
    """New items from tab-separated rows in the order of the model's columns.

    Returns the good items and, for each bad row, a problem in words naming the row. A first
    row whose first cell is the first column's header is taken as a header and skipped.
    """
    columns = paste_columns(model.columns)
    items: list[Any] = []
    problems: list[str] = []
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if lines and lines[0].split("\t")[0].strip().casefold() in (
        columns[0].header.casefold(),
        columns[0].title.casefold(),
    ):
        lines = lines[1:]
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        item = model.new_item()
        bad: list[str] = []
        if len(cells) > len(columns):
            bad.append(
                QCoreApplication.translate(
                    "DeliveryModels", "it has {cells} cells but at most {columns} are used"
                ).format(cells=len(cells), columns=len(columns))
            )
        for i, (column, cell) in enumerate(zip(columns, cells, strict=False)):
            if not cell.strip() and i > 0:
                continue
            try:
                setattr(item, column.attr, column.parse(cell.strip()))
            except ValueError as exc:
                bad.append(
                    QCoreApplication.translate("DeliveryModels", "{column}: {problem}").format(
                        column=column.title, problem=exc
                    )
                )
        if bad:
            problems.append(
                QCoreApplication.translate("DeliveryModels", "Row {number}: {problems}").format(
                    number=number, problems="; ".join(bad)
                )
            )
        else:
            items.append(item)
    return items, problems
