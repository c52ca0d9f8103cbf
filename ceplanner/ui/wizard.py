"""The wizard's seven steps, in order: the one place that knows which page class is which step.

Pages written elsewhere are imported here by name, so the main window never imports a page
module itself. A page whose module does not exist yet shows a placeholder rather than failing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QWidget

from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage


@dataclass(frozen=True)
class Step:
    key: str
    name: str
    module: str
    cls: str


STEPS: list[Step] = [
    Step("context", "Context and purpose", "ceplanner.ui.pages.context", "ContextPage"),
    Step("stakeholders", "Stakeholders", "ceplanner.ui.pages.stakeholders", "StakeholdersPage"),
    Step("objectives", "Objectives and outcomes", "ceplanner.ui.pages.objectives", "ObjectivesPage"),
    Step("activities", "Activities", "ceplanner.ui.pages.activities", "ActivitiesPage"),
    Step("costs", "Costs", "ceplanner.ui.pages.costs", "CostsPage"),
    Step("evaluation", "Evaluation and value for money", "ceplanner.ui.pages.evaluation", "EvaluationPage"),
    Step("review", "Review and export", "ceplanner.ui.pages.review", "ReviewPage"),
]


class PlaceholderPage(PlanPage):
    """Stands in for a step whose page is not available in this build."""

    def __init__(self, doc: PlanDocument, step: Step, parent: QWidget | None = None) -> None:
        self.TITLE = step.name
        self.GUIDANCE = "This step is not available in this version of ceplanner."
        self.OBJECT_NAME = f"page_{step.key}"
        super().__init__(doc, parent)
        self.body.addWidget(QLabel(""), 1)

    def refresh(self) -> None:
        pass


def page_class(step: Step) -> type[PlanPage] | None:
    """The page class for ``step``, or None if its module is not there (yet)."""
    try:
        module = importlib.import_module(step.module)
    except ModuleNotFoundError as exc:
        if exc.name == step.module:
            return None
        raise
    cls = getattr(module, step.cls, None)
    return cls if isinstance(cls, type) and issubclass(cls, PlanPage) else None


def build_pages(doc: PlanDocument) -> list[PlanPage]:
    """One page per step, in order, each editing ``doc``."""
    pages: list[PlanPage] = []
    for step in STEPS:
        cls = page_class(step)
        page = cls(doc) if cls is not None else PlaceholderPage(doc, step)
        page.setProperty("step_key", step.key)
        pages.append(page)
    return pages
