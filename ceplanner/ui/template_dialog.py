"""Templates in the window: choose one to start a new plan from, or save the plan as one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.costing import compute_budget
from ceplanner.core.money import format_money
from ceplanner.core.templates import (
    DESCRIPTION_LIMIT,
    NAME_LIMIT,
    Template,
    TemplateError,
    TemplateExistsError,
    all_templates,
    plan_from_template,
    removal_counts,
    save_user_template,
)
from ceplanner.ui import files
from ceplanner.ui.document import PlanDocument

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole


class TemplateDialog(QDialog):
    """Lists the shipped templates and the user's own; :attr:`chosen` is the one picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_dialog")
        self.setWindowTitle(self.tr("New plan from a template"))
        self.resize(720, 520)
        self.chosen: Template | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Start from a costed plan with its groups, objectives, activities and risks in place. "
                "Templates hold no dates and no names: add your own."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("template_list")
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.problems = QLabel()
        self.problems.setObjectName("template_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use_button = self.buttons.addButton(
            self.tr("Use this template…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("use_template_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reload()

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    def reload(self) -> None:
        """List every template, shipped ones first; files that cannot be read are named below."""
        self.list.clear()
        try:
            templates, problems = all_templates()
        except TemplateError as exc:
            templates, problems = [], [str(exc)]
        shipped = [t for t in templates if t.builtin]
        own = [t for t in templates if not t.builtin]
        for heading, group in ((self.tr("Built in"), shipped), (self.tr("Your templates"), own)):
            if group:
                self._heading(heading)
            for template in group:
                item = QListWidgetItem(self.describe(template))
                item.setData(TEMPLATE_ROLE, template)
                item.setToolTip(str(template.path) if template.path else template.description)
                self.list.addItem(item)
        if not own:
            self._heading(self.tr("Your templates"))
            hint = QListWidgetItem(self.tr("None yet: use File › Save as Template… to keep a plan as one."))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(hint)
        self.problems.setText("\n".join(self.tr("Not listed: {problem}").format(problem=p) for p in problems))
        self.problems.setVisible(bool(problems))
        first = next((i for i in range(self.list.count()) if self.list.item(i).data(TEMPLATE_ROLE)), None)
        if first is not None:
            self.list.setCurrentRow(first)
        self.use_button.setEnabled(first is not None)

    def describe(self, template: Template) -> str:
        """The template's lines in the list: its name, its contents and total, its description."""
        plan = template.plan
        total = format_money(compute_budget(plan).grand_total, plan.currency)
        counts = self.tr("{groups} groups · {activities} activities · total {total}").format(
            groups=len(plan.groups), activities=len(plan.activities), total=total
        )
        return "\n".join(part for part in (template.name, counts, template.description) if part)

    def templates(self) -> list[Template]:
        """The templates listed, in order (for tests and screenshots)."""
        return [t for i in range(self.list.count()) if (t := self.list.item(i).data(TEMPLATE_ROLE))]

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            template = self.list.item(i).data(TEMPLATE_ROLE)
            if template is not None and template.name == name:
                self.list.setCurrentRow(i)

    def accept(self) -> None:
        item = self.list.currentItem()
        template = item.data(TEMPLATE_ROLE) if item is not None else None
        if template is None:
            return
        self.chosen = template
        super().accept()


def new_from_template(parent: QWidget | None) -> PlanDocument | None:
    """Choose a template, then where to save the new plan; its document, or None if cancelled."""
    dialog = TemplateDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return None
    title = QCoreApplication.translate("TemplateDialog", "Save the new plan from “{name}” as").format(
        name=dialog.chosen.name
    )
    return files.create_plan(parent, plan_from_template(dialog.chosen), title)


class SaveTemplateDialog(QDialog):
    """Asks a template's name and description, says what will be removed, and saves it."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("save_template_dialog")
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Save as Template"))
        self.resize(560, 360)
        self.doc = doc
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(" ".join(doc.plan.title.split())[:NAME_LIMIT])
        self.name.setObjectName("template_name")
        self.name.setMaxLength(NAME_LIMIT)
        self.description = QLineEdit()
        self.description.setObjectName("template_description")
        self.description.setMaxLength(DESCRIPTION_LIMIT)
        self.description.setPlaceholderText(self.tr("One line: what the plan is for"))
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Description:"), self.description)
        layout.addLayout(form)
        dates, names = removal_counts(doc.plan)
        self.removed = QLabel(
            self.tr(
                "The template keeps the costs, groups, objectives, activities, methods, risks, the six Es "
                "and the evaluation. Before it is saved, ceplanner removes:\n"
                "• every date ({dates} in this plan);\n"
                "• people's names ({names} in this plan): author, approver, sign-off, owners of tasks, "
                "risks and messages; team members are named by their role;\n"
                "• progress: ticks, readiness notes, the document version; the status becomes Draft.\n\n"
                "Names and dates typed into descriptions and notes are found only where they are a team "
                "member's name: read the template through before you share it."
            ).format(dates=dates, names=names)
        )
        self.removed.setObjectName("template_removed")
        self.removed.setWordWrap(True)
        layout.addWidget(self.removed)
        layout.addStretch(1)
        self.problem = QLabel()
        self.problem.setObjectName("template_save_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Save Template"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_template_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save; on a problem say so and stay open with everything typed kept."""
        name, description = self.name.text(), self.description.text()
        try:
            try:
                path = save_user_template(self.doc.plan, name, description)
            except TemplateExistsError as exc:
                answer = QMessageBox.question(
                    self,
                    self.tr("Replace the template?"),
                    self.tr("{problem} Replace it with this plan?").format(problem=str(exc)),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                path = save_user_template(self.doc.plan, name, description, replace=True)
        except TemplateError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.saved_path = path
        super().accept()
