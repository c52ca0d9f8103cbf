"""Step 7, evaluation and value for money, in tabs so it fits a small screen: the evaluation
questions, closing the loop, the six Es, the social return, the National Standards and influence."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget, QWidget

from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.pages.closing_loop import ClosingLoopPanel
from ceplanner.ui.pages.evaluation_questions import QuestionsPanel
from ceplanner.ui.pages.vfm_influence import InfluencePanel
from ceplanner.ui.pages.vfm_six_es import RATING_WORDS, SixEsPanel
from ceplanner.ui.pages.vfm_social_return import ReturnsPanel, SocialReturnPanel
from ceplanner.ui.pages.vfm_standards import StandardsPanel

__all__ = ["RATING_WORDS", "EvaluationPage"]


class EvaluationPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("EvaluationPage", "Evaluation and value for money")
    OBJECT_NAME = "page_evaluation"
    STEP = "evaluation"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "EvaluationPage",
        "Evaluation is part of the plan, and it is costed. Answer the five questions and cost the "
        "evaluation; rate the plan against the six Es of value for money beside the figures the plan "
        "gives; optionally forecast its social return and review it against the National Standards.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "EvaluationPage",
        "Example, equity: criteria \u201cseldom-heard tenants take part in proportion to their numbers\u201d; "
        "rating 4; evidence \u201cBSL-interpreted and Polish-language sessions; home visits for housebound "
        "tenants\u201d; commentary \u201cyounger private tenants are still under-represented\u201d.",
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.questions = QuestionsPanel(doc)
        self.closing = ClosingLoopPanel(doc)
        self.six_es = SixEsPanel(doc)
        self.returns = ReturnsPanel(doc)
        self.social_return = SocialReturnPanel(doc)
        self.standards = StandardsPanel(doc)
        self.influence = InfluencePanel(doc)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("evaluation_tabs")
        self.tabs.setAccessibleName(self.tr("Evaluation and value for money"))
        for panel, name, key in (
            (self.questions, self.tr("Evaluation questions"), "questions"),
            (self.closing, self.tr("Closing the loop"), "closing"),
            (self.six_es, self.tr("Six Es"), "six_es"),
            (self.returns, self.tr("What goes in, comes back"), "returns"),
            (self.social_return, self.tr("Social return"), "social_return"),
            (self.standards, self.tr("National Standards"), "standards"),
            (self.influence, self.tr("Influence"), "influence"),
        ):
            panel.setObjectName(f"evaluation_tab_{key}")
            self.tabs.addTab(panel, name)
        self.body.addWidget(self.tabs)
        # What the page's older callers and tests reach for.
        self.answers = self.questions.answers
        self.method = self.questions.method
        self.budget = self.questions.budget
        self.share = self.questions.share
        self.vfm_widgets = self.six_es.widgets

    def refresh(self) -> None:
        for panel in (
            self.questions,
            self.closing,
            self.six_es,
            self.returns,
            self.social_return,
            self.standards,
            self.influence,
        ):
            panel.refresh()

    def input_problems(self) -> list[str]:
        return self.questions.input_problems() + self.returns.input_problems()
