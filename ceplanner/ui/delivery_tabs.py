"""The Delivery page's four tabs: team, tasks and readiness, communications, risks.

Each tab is one or more :class:`~ceplanner.ui.delivery_table.ListTable` in splitters, so every
list keeps a usable height on a 1,024 x 700 screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ceplanner.core.model import default_readiness
from ceplanner.core.money import format_money, format_quantity
from ceplanner.core.team import team_cost, team_days
from ceplanner.ui.delivery_table import ListTable
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.layout_memory import remember_splitter
from ceplanner.ui.widgets import name_widget


def _splitter(orientation: Qt.Orientation, name: str, sizes: list[int], *widgets: QWidget) -> QSplitter:
    """A splitter of ``widgets`` at ``sizes``, or where the user left it last time."""
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    splitter.setChildrenCollapsible(False)
    for widget in widgets:
        splitter.addWidget(widget)
    splitter.setSizes(sizes)
    remember_splitter(splitter)
    return splitter


class TeamTab(QWidget):
    """The project team, with the days they commit and what those days cost."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("delivery_team_tab")
        layout = QVBoxLayout(self)
        self.team = ListTable(
            doc,
            "team",
            "team",
            self.tr("Project team"),
            {"days": 60, "day_rate": 90, "cost": 130},
            delete=doc.delete_team_members,
        )
        layout.addWidget(self.team, 1)
        self.summary = QLabel()
        self.summary.setObjectName("team_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

    def refresh(self) -> None:
        plan = self.doc.plan
        self.team.update_buttons()
        if not plan.team:
            text = self.tr(
                "No team yet: add the people who will run the engagement and the days they give it."
            )
        else:
            count = len(plan.team)
            people = self.tr("{count} person") if count == 1 else self.tr("{count} people")
            text = self.tr(
                "{people}, {days} days in all, costing {cost} at their day rates "
                "(the plan's staff day rate, {rate}, where none is given)."
            ).format(
                people=people.format(count=count),
                days=format_quantity(team_days(plan)),
                cost=format_money(team_cost(plan), plan.currency),
                rate=format_money(plan.staff_day_rate, plan.currency),
            )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)


class TasksTab(QWidget):
    """Tasks per activity with owners and due dates; the checklist before starting."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("delivery_tasks_tab")
        layout = QVBoxLayout(self)
        self.tasks = ListTable(
            doc, "tasks", "tasks", self.tr("Tasks"), {"activity_id": 200, "owner": 130, "due": 95, "done": 50}
        )
        self.readiness = ListTable(
            doc, "readiness", "readiness", self.tr("Readiness checklist"), {"done": 50}
        )
        self.usual = QPushButton(self.tr("Add the usual checks"))
        name_widget(
            self.usual,
            "readiness_add_usual",
            self.tr("Add the usual checks"),
            self.tr(
                "Sign-off, accessible venues, interpreters, data protection, equality impact, safeguarding"
            ),
        )
        self.usual.clicked.connect(self.add_usual_checks)
        self.readiness.row_actions.layout.insertWidget(
            self.readiness.row_actions.layout.count() - 1, self.usual
        )
        self.splitter = _splitter(
            Qt.Orientation.Vertical, "delivery_tasks_splitter", [300, 220], self.tasks, self.readiness
        )
        layout.addWidget(self.splitter, 1)

    def add_usual_checks(self) -> None:
        if self.doc.readonly or self.doc.plan.readiness:
            return
        self.doc.replace_list(
            self.doc.plan, "readiness", default_readiness(), self.tr("Add the usual readiness checks")
        )

    def refresh(self) -> None:
        self.tasks.update_buttons()
        self.readiness.update_buttons()
        self.usual.setVisible(not self.doc.plan.readiness)
        self.usual.setEnabled(not self.doc.readonly)


class CommunicationsTab(QWidget):
    """Who hears about the engagement, how and when; the key messages; the milestones."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delivery_communications_tab")
        layout = QVBoxLayout(self)
        self.communications = ListTable(
            doc,
            "communications",
            "communications",
            self.tr("Communications plan"),
            {},
        )
        self.key_messages = ListTable(doc, "key_messages", "key_messages", self.tr("Key messages"), {})
        self.milestones = ListTable(
            doc,
            "milestones",
            "milestones",
            self.tr("Milestones and decision dates"),
            {"due": 95, "kind": 130},
        )
        lower = _splitter(
            Qt.Orientation.Horizontal,
            "delivery_messages_splitter",
            [400, 400],
            self.key_messages,
            self.milestones,
        )
        self.splitter = _splitter(
            Qt.Orientation.Vertical,
            "delivery_communications_splitter",
            [260, 260],
            self.communications,
            lower,
        )
        layout.addWidget(self.splitter, 1)

    def refresh(self) -> None:
        for table in (self.communications, self.key_messages, self.milestones):
            table.update_buttons()


class RisksTab(QWidget):
    """The risk register: likelihood, impact, mitigation, owner and review date."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delivery_risks_tab")
        layout = QHBoxLayout(self)
        self.risks = ListTable(
            doc,
            "risks",
            "risks",
            self.tr("Risks"),
            {"likelihood": 85, "impact": 70, "owner": 120, "review_date": 95},
        )
        layout.addWidget(self.risks, 1)

    def refresh(self) -> None:
        self.risks.update_buttons()
