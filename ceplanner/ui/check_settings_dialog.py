"""Check settings: the thresholds the plan's checks use, and the region for public holidays.

Opened from the Review step. OK applies every change as one undo step through the document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.model import Plan
from ceplanner.core.rules_timing import UK_REGIONS, region_name
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import add_row, fit_to_limits, new_form, percent_from_spin

UK = "GB"


class CheckSettingsDialog(QDialog):
    """Edit ``doc``'s plan's country and region, consultation and analysis weeks and the
    smallest evaluation share."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        plan = doc.plan
        self.setObjectName("check_settings_dialog")
        self.setWindowTitle(self.tr("Check settings"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The checks on the Review step use these. Public holidays differ between England, "
                "Wales, Scotland and Northern Ireland; a consultation usually runs at least 12 weeks."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = new_form()
        layout.addLayout(form)

        self.region = QComboBox()
        for code in UK_REGIONS:
            self.region.addItem(region_name(code), f"{UK}/{code}")
        place = f"{plan.country}/{plan.region}"
        if self.region.findData(place) < 0:  # a place set elsewhere (the JSON) is kept, not lost
            self.region.addItem(f"{plan.country} {plan.region}".strip() or self.tr("Not set"), place)
        self.region.setCurrentIndex(self.region.findData(place))
        add_row(
            form,
            self.tr("Public holidays of"),
            self.region,
            "check_region",
            self.tr("Whose bank holidays the consultation avoids"),
        )

        self.consultation_weeks = QSpinBox()
        fit_to_limits(self.consultation_weeks, Plan, "consultation_weeks")
        self.consultation_weeks.setSuffix(self.tr(" weeks"))
        self.consultation_weeks.setValue(plan.consultation_weeks)
        add_row(
            form,
            self.tr("Shortest consultation"),
            self.consultation_weeks,
            "check_consultation_weeks",
            self.tr(
                "The consultation period should be at least this long (the Gunning principles: adequate time)"
            ),
        )
        self.analysis_weeks = QSpinBox()
        fit_to_limits(self.analysis_weeks, Plan, "analysis_weeks")
        self.analysis_weeks.setSuffix(self.tr(" weeks"))
        self.analysis_weeks.setValue(plan.analysis_weeks)
        add_row(
            form,
            self.tr("Time to analyse before the decision"),
            self.analysis_weeks,
            "check_analysis_weeks",
            self.tr("Weeks between the end of the consultation and the decision date"),
        )
        self.evaluation_min = QDoubleSpinBox()
        fit_to_limits(self.evaluation_min, Plan, "evaluation_min_percent")
        self.evaluation_min.setSuffix(" %")
        self.evaluation_min.setValue(float(plan.evaluation_min_percent))
        add_row(
            form,
            self.tr("Smallest evaluation share"),
            self.evaluation_min,
            "check_evaluation_min",
            self.tr("Evaluation's share of the full cost should be at least this"),
        )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("check_settings_buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> list[tuple[str, Any]]:
        """(attribute, new value) for each setting that differs from the plan."""
        country, region = str(self.region.currentData()).split("/", 1)
        wanted: list[tuple[str, Any]] = [
            ("country", country),
            ("region", region),
            ("consultation_weeks", self.consultation_weeks.value()),
            ("analysis_weeks", self.analysis_weeks.value()),
            (
                "evaluation_min_percent",
                percent_from_spin(self.evaluation_min.value(), self.evaluation_min.decimals()),
            ),
        ]
        return [(attr, value) for attr, value in wanted if getattr(self.doc.plan, attr) != value]

    def accept(self) -> None:
        changes = self.changes()
        if changes and not self.doc.readonly:
            self.doc.begin_macro(self.tr("Change the check settings"))
            try:
                for attr, value in changes:
                    self.doc.set_value(self.doc.plan, attr, value)
            finally:
                self.doc.end_macro()
        super().accept()
