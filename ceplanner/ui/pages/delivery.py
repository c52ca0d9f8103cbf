"""The Delivery step: who does the work, what must be done and checked, who hears, and the risks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget, QWidget

from ceplanner.core.model import Activity, TeamMember
from ceplanner.ui.delivery_table import ListTable
from ceplanner.ui.delivery_tabs import CommunicationsTab, RisksTab, TasksTab, TeamTab
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage

# The plan's lists this page shows, and which tab holds each.
TAB_OF = {
    "team": 0,
    "tasks": 1,
    "readiness": 1,
    "communications": 2,
    "key_messages": 2,
    "milestones": 2,
    "risks": 3,
}


class DeliveryPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("DeliveryPage", "Delivery")
    OBJECT_NAME = "page_delivery"
    STEP = "delivery"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "DeliveryPage",
        "Say who will do the work and how many days each gives it, the tasks each activity needs "
        "(book the venue, book interpreters, translate materials) with an owner and a due date, and "
        "what must be checked before engagement starts. Plan how people will hear about it, the few "
        "messages every participant should hear, the dates that matter, and the risks with who "
        "watches each and when it is reviewed. Dates can be typed as 12/03/2027 or 12 Mar 2027.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "DeliveryPage",
        "Riverside Vale Homes: Amara Okafor, Involvement Manager, 38 days; Priya Shah, Involvement "
        "Officer, 60 days at the plan's day rate. Task for the focus groups: “Book BSL interpreters”, owner Priya Shah, due "
        "1 Feb 2027. Readiness: “Equality impact assessment done”, notes “signed off by the EDI lead”. "
        "Communications: all tenants, the Home Matters magazine and text messages, two weeks before the "
        "survey opens, owner the Communications Officer. Key message: “Nothing about the new repairs "
        "service is decided yet.” Milestone: Board decision, 21 Oct 2027. Risk: interpreters not "
        "available, medium likelihood, medium impact, book six weeks ahead, reviewed 29 Jan 2027.",
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.team_tab = TeamTab(doc)
        self.tasks_tab = TasksTab(doc)
        self.communications_tab = CommunicationsTab(doc)
        self.risks_tab = RisksTab(doc)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("delivery_tabs")
        self.tabs.setAccessibleName(self.tr("Delivery plan parts"))
        for tab, text in (
            (self.team_tab, self.tr("&Team")),
            (self.tasks_tab, self.tr("Tas&ks and readiness")),
            (self.communications_tab, self.tr("Co&mmunications")),
            (self.risks_tab, self.tr("R&isks")),
        ):
            self.tabs.addTab(tab, text)
        self.body.addWidget(self.tabs, 1)
        self.tables: dict[str, ListTable] = {
            "team": self.team_tab.team,
            "tasks": self.tasks_tab.tasks,
            "readiness": self.tasks_tab.readiness,
            "communications": self.communications_tab.communications,
            "key_messages": self.communications_tab.key_messages,
            "milestones": self.communications_tab.milestones,
            "risks": self.risks_tab.risks,
        }

    def concerns(self, obj: Any, attr: str) -> bool:
        """The lists' tables follow their own edits; the page redraws buttons and the team's sum."""
        if isinstance(obj, TeamMember):
            return attr in ("days", "day_rate")
        if isinstance(obj, Activity):
            return False
        return obj is self.doc.plan and attr in (*TAB_OF, "staff_day_rate", "currency", "", "readonly")

    def refresh(self) -> None:
        for tab in (self.team_tab, self.tasks_tab, self.communications_tab, self.risks_tab):
            tab.refresh()

    def select_item(self, item_id: str) -> bool:
        for attr, table in self.tables.items():
            if table.model.row_of(item_id) >= 0:
                self.tabs.setCurrentIndex(TAB_OF[attr])
                table.select_ids([item_id])
                return True
        return False
