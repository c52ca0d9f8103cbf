"""The wizard's steps, in order: the one place that says which page class is which step.

Pages are listed by class, so tools and readers can follow them; the main window builds each
page the first time it is shown (start-up builds only the first).
"""

from __future__ import annotations

from dataclasses import dataclass

from ceplanner.ui.pages.activities import ActivitiesPage
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.pages.context import ContextPage
from ceplanner.ui.pages.costs import CostsPage
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
    page: type[PlanPage]


STEPS: list[Step] = [
    Step("context", "Context and purpose", ContextPage),
    Step("stakeholders", "Stakeholders", StakeholdersPage),
    Step("objectives", "Objectives and outcomes", ObjectivesPage),
    Step("activities", "Activities", ActivitiesPage),
    Step("costs", "Costs", CostsPage),
    Step("delivery", "Delivery", DeliveryPage),
    Step("evaluation", "Evaluation and value for money", EvaluationPage),
    Step("review", "Review and export", ReviewPage),
]


def step_index(key: str) -> int | None:
    return next((i for i, step in enumerate(STEPS) if step.key == key), None)
