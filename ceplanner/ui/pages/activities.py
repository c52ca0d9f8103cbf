"""Step 4, engagement activities: choose methods from the library and plan each activity."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.model import IAP2_PROMISES, Activity, IAP2Level
from ceplanner.ui.activity_editor import ActivityEditor
from ceplanner.ui.cost_model import ActivityListModel, holds, position
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.method_library import MethodLibrary
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.timeline import Timeline
from ceplanner.ui.widgets import name_table, name_widget
from ceplanner.ui.wording import object_words


class ActivitiesPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("ActivitiesPage", "Engagement activities")
    OBJECT_NAME = "page_activities"
    STEP = "activities"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "ActivitiesPage",
        "Pick methods from the library (filter by IAP2 level, mode and cost) and add them as "
        "activities, then say who each is for, which objectives it serves and when it runs. The "
        "IAP2 level says how much influence people will have; its promise is what you commit to "
        "telling them, so keep only promises you can honour. Costs can be refined on the next page.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "ActivitiesPage",
        "Riverside Housing added “Focus groups with seldom-heard tenants” from the library: "
        "target groups “Tenants whose first language is not English” and “Unpaid carers”, "
        "objective “Repairs are easier to report”, level Involve (“We will work with you to make "
        "sure your concerns are reflected in the options…”), 3 sessions in March, 24 participants.",
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.activities = ActivityListModel(doc, self, totals=False)
        self.activity_list = QListView()
        name_table(
            self.activity_list,
            "activities_list",
            self.tr("Activities in the plan"),
            self.tr("Choose an activity to edit."),
        )
        self.activity_list.setModel(self.activities)
        self.activity_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.activity_list.setWordWrap(True)
        self.activity_list.setSpacing(2)
        self.activity_list.setAlternatingRowColors(True)
        self.add_blank = QPushButton(self.tr("Add blank"))
        name_widget(
            self.add_blank,
            "activities_add_blank",
            self.tr("Add blank activity"),
            self.tr("An activity not from the library"),
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        name_widget(
            self.delete_button,
            "activities_delete",
            self.tr("Delete activity"),
            self.tr("Delete it and its costs (undo restores)"),
        )
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add_blank)
        list_buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Activities in the plan"))
        heading.setBuddy(self.activity_list)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.activity_list, 1)
        left_layout.addLayout(list_buttons)

        # No scroll area around the editor: its lists scroll themselves, and a scroll area
        # around them would nest scrolling in scrolling. It fits a 1,024 x 700 window.
        self.editor = ActivityEditor(doc)
        self.library = MethodLibrary(doc)
        self.timeline = Timeline(doc)
        timeline_scroll = QScrollArea()
        timeline_scroll.setObjectName("activities_timeline_scroll")
        timeline_scroll.setWidgetResizable(True)
        timeline_scroll.setWidget(self.timeline)
        legend = QLabel(Timeline.legend_html())
        legend.setObjectName("activities_timeline_legend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addWidget(legend)
        timeline_layout.addWidget(timeline_scroll, 1)

        self.tabs = QTabWidget()
        name_widget(self.tabs, "activities_tabs", self.tr("Activity details, method library and timeline"))
        self.tabs.addTab(self.editor, self.tr("Activity details"))
        self.tabs.addTab(self.library, self.tr("Add from the method library"))
        self.tabs.addTab(timeline_box, self.tr("Timeline"))
        self.tabs.tabBar().setObjectName("activities_tab_bar")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("activities_splitter")
        for widget in (left, self.tabs):
            self.splitter.addWidget(widget)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([260, 1000])
        self.body.addWidget(self.splitter, 1)

        self.activity_list.selectionModel().currentChanged.connect(self._activity_chosen)
        self.activities.modelReset.connect(self._keep_activity)
        self.library.added.connect(self._added_from_library)
        self.timeline.activity_clicked.connect(self.select_activity)
        self.add_blank.clicked.connect(self.add_blank_activity)
        self.delete_button.clicked.connect(self.delete_activity)
        self.setTabOrder(self.activity_list, self.add_blank)
        self.setTabOrder(self.add_blank, self.delete_button)
        self.setTabOrder(self.delete_button, self.editor.title)
        self.setTabOrder(self.editor.reports_back, self.library.level_filter)
        self._rates = (doc.plan.currency, doc.plan.staff_day_rate)
        self._keep_activity()

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        rates = (self.doc.plan.currency, self.doc.plan.staff_day_rate)
        if rates != self._rates:
            self._rates = rates
            self.library.reload()
        shown = self.editor.activity
        if (shown is None and self.doc.plan.activities) or (
            shown is not None and not holds(self.doc.plan.activities, shown)
        ):
            self._keep_activity()  # deleted, or the plan was replaced by a snapshot
            if self.editor.activity is not None:
                return  # choosing it refreshed the page
        self.editor.refresh()
        self.delete_button.setEnabled(self.editor.activity is not None and not self.doc.readonly)
        self.add_blank.setEnabled(not self.doc.readonly)

    def select_item(self, item_id: str) -> bool:
        if self.activities.row_of(item_id) < 0:
            return False
        self.select_activity(item_id)
        return True

    def select_activity(self, activity_id: str) -> None:
        if self.activities.select_in(self.activity_list, activity_id):
            self._activity_chosen()

    def _activity_chosen(self) -> None:
        activity = self.activities.current_in(self.activity_list)
        if activity is not self.editor.activity:
            self.editor.set_activity(activity)
        self.timeline.set_selected(activity.id if activity else None)
        self.refresh()

    def _keep_activity(self) -> None:
        current = self.editor.activity
        if current is not None and self.activities.row_of(current.id) >= 0:
            self.select_activity(current.id)
        elif self.doc.plan.activities:
            self.select_activity(self.doc.plan.activities[0].id)
        else:
            self.editor.set_activity(None)
            self.timeline.set_selected(None)

    # -- edits ------------------------------------------------------------------------------

    def _added_from_library(self, activity_id: str) -> None:
        """Show the new activity's details so its groups, objectives and dates can be set."""
        self.select_activity(activity_id)
        self.tabs.setCurrentIndex(0)
        self.editor.title.setFocus()

    def add_blank_activity(self) -> None:
        activity = Activity(title=self.tr("New activity"), promise=IAP2_PROMISES[IAP2Level.CONSULT])
        self.doc.append_item(self.doc.plan, "activities", activity, self.tr("Add an activity"))
        self.select_activity(activity.id)
        self.editor.title.setFocus()
        self.editor.title.selectAll()

    def delete_activity(self) -> None:
        activity = self.editor.activity
        if activity is None:
            return
        if position(self.doc.plan.activities, activity) < 0:
            return
        self.doc.delete_activities(
            [activity.id], self.tr("Delete the activity {thing}").format(thing=object_words(activity))
        )
