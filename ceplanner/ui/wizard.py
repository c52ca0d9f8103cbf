"""The wizard's steps, in order: the one place that says which page class is which step.

Pages are listed by class, so tools and readers can follow them; the main window builds each
page the first time it is shown (start-up builds only the first).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ceplanner.ui.pages.activities import ActivitiesPage
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.pages.context import ContextPage
from ceplanner.ui.pages.costs import CostsPage
from ceplanner.ui.pages.delivered import DeliveredPage
from ceplanner.ui.pages.delivery import DeliveryPage
from ceplanner.ui.pages.evaluation import EvaluationPage
from ceplanner.ui.pages.objectives import ObjectivesPage
from ceplanner.ui.pages.review import ReviewPage
from ceplanner.ui.pages.stakeholders import StakeholdersPage


@dataclass(frozen=True)
class Step:
    key: str
    """The key the plan's checks use (``core.checks.Check.step``) and the page's ``STEP``."""
    name: str
    """In English, marked for translation (context "Wizard"): show :attr:`title`."""
    page: type[PlanPage]

    @property
    def title(self) -> str:
        """The step's name in the user's language."""
        return QCoreApplication.translate("Wizard", self.name)


STEPS: list[Step] = [
    Step("context", QT_TRANSLATE_NOOP("Wizard", "Context and purpose"), ContextPage),
    Step("stakeholders", QT_TRANSLATE_NOOP("Wizard", "Stakeholders"), StakeholdersPage),
    Step("objectives", QT_TRANSLATE_NOOP("Wizard", "Objectives and outcomes"), ObjectivesPage),
    Step("activities", QT_TRANSLATE_NOOP("Wizard", "Activities"), ActivitiesPage),
    Step("costs", QT_TRANSLATE_NOOP("Wizard", "Costs"), CostsPage),
    Step("delivery", QT_TRANSLATE_NOOP("Wizard", "Delivery"), DeliveryPage),
    Step("delivered", QT_TRANSLATE_NOOP("Wizard", "Delivery record"), DeliveredPage),
    Step("evaluation", QT_TRANSLATE_NOOP("Wizard", "Evaluation and value for money"), EvaluationPage),
    Step("review", QT_TRANSLATE_NOOP("Wizard", "Review and export"), ReviewPage),
]


def step_index(key: str) -> int | None:
    return next((i for i, step in enumerate(STEPS) if step.key == key), None)
