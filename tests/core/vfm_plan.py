"""A small plan whose value-for-money figures are worked out by hand in the tests that use it.

Costs: activity A (Consult, seldom-heard group, dated, face to face) venue 2 x £150 and
translation 1 x £200 = £500 paid; activity B (Collaborate, other group, online, reports back)
staff 10 hours x £30 in kind and thank-you payments 10 x £25 paid = £550. Plan-level evaluation
£100. Paid £850, contingency 10% = £85, in kind £300: grand total £1,235.00; 50 participants,
5 sessions.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ceplanner.core.model import (
    Activity,
    CostCategory,
    CostLine,
    IAP2Level,
    Indicator,
    Method,
    Mode,
    Objective,
    Plan,
    StakeholderCategory,
    StakeholderGroup,
    Unit,
)


def vfm_plan() -> Plan:
    seldom = StakeholderGroup(name="Carers", seldom_heard=True)
    other = StakeholderGroup(name="Board")
    partner = StakeholderGroup(name="Carers' centre", category=StakeholderCategory.PARTNERS)
    measured = Objective(
        title="Repairs are fixed first time",
        indicators=[
            Indicator(measure="First-time fix rate", baseline="71%", target="85%"),
            Indicator(measure="Complaints", baseline="40 a month"),
        ],
    )
    unmeasured = Objective(title="Tenants trust the service")
    face = Method(name="Workshop", mode=Mode.FACE_TO_FACE)
    online = Method(name="Online panel", mode=Mode.ONLINE)
    a = Activity(
        title="Carers' workshops",
        method_id=face.id,
        group_ids=[seldom.id],
        objective_ids=[measured.id],
        level=IAP2Level.CONSULT,
        start=date(2027, 3, 1),
        sessions=2,
        participants=40,
        cost_lines=[
            CostLine(CostCategory.VENUE, "Hall", Unit.SESSION, Decimal(2), 15000),
            CostLine(CostCategory.TRANSLATION, "Interpreter", Unit.DAY, Decimal(1), 20000),
        ],
    )
    b = Activity(
        title="Design panel",
        method_id=online.id,
        group_ids=[other.id],
        objective_ids=[measured.id],
        level=IAP2Level.COLLABORATE,
        sessions=3,
        participants=10,
        reports_back=True,
        cost_lines=[
            CostLine(CostCategory.STAFF_TIME, "Officer", Unit.HOUR, Decimal(10), 3000, in_kind=True),
            CostLine(CostCategory.PARTICIPANT_PAYMENT, "Thanks", Unit.PERSON, Decimal(10), 2500),
        ],
    )
    plan = Plan(
        title="Measured",
        groups=[seldom, other, partner],
        objectives=[measured, unmeasured],
        methods=[face, online],
        activities=[a, b],
    )
    plan.evaluation.budget = 10000
    plan.evaluation.whose_opinion = "Tenants'"
    plan.evaluation.evidence = "Surveys"
    plan.service_annual_cost = 24_700_000
    plan.expected_returns = "Fewer repeat visits"
    return plan
