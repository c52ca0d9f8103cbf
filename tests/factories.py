"""Plans for tests: one with every field filled, and big ones for load tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from ceplanner.core.model import (
    Activity,
    Barrier,
    CostCategory,
    CostLine,
    Evaluation,
    IAP2Level,
    Indicator,
    Method,
    Mode,
    Objective,
    OutcomeLevel,
    Plan,
    PlanStatus,
    Position,
    Risk,
    RiskRating,
    SixE,
    StakeholderCategory,
    StakeholderGroup,
    Unit,
    VfmRating,
)

HOSTILE = ["<script>alert(1)</script>", "a<b & c>d", "AT&T", "Łódź — Zürich", "東京の住民", "Ελληνικά"]


def full_plan() -> Plan:
    """A plan in which every field of every entity holds a non-default value."""
    g1 = StakeholderGroup(
        name="Tenants in Łódź Street <flats>",
        category=StakeholderCategory.RESIDENTS,
        size=1200,
        power=2,
        interest=5,
        position=Position.SCEPTICAL,
        seldom_heard=True,
        equity_notes="Many older and disabled tenants",
        barriers=[Barrier.LANGUAGE, Barrier.DIGITAL],
        access_needs="Polish interpreter; large print",
        target_level=IAP2Level.INVOLVE,
        notes="AT&T & partners",
    )
    g2 = StakeholderGroup(name="Board 東京", category=StakeholderCategory.FUNDERS, power=5, interest=2)
    o1 = Objective(
        title="Tenants feel heard",
        description="Confidence to speak up",
        level=OutcomeLevel.INDIVIDUAL,
        group_ids=[g1.id],
        indicators=[
            Indicator(
                measure="% who feel listened to",
                baseline="41%",
                target="60%",
                evidence_source="Tenant survey",
                collection="Annual survey, March",
                analysed_by="Tenant panel with staff",
            )
        ],
    )
    o2 = Objective(title="Repairs fixed first time", level=OutcomeLevel.SERVICE)
    method = Method(
        name="Focus group",
        description="Small guided discussion",
        levels=[IAP2Level.CONSULT, IAP2Level.INVOLVE],
        mode=Mode.FACE_TO_FACE,
        group_size_min=6,
        group_size_max=12,
        prep_hours=Decimal("3.5"),
        delivery_hours=Decimal(2),
        analysis_hours=Decimal(6),
        cost_lines=[
            CostLine(category=CostCategory.VENUE, unit=Unit.SESSION, unit_cost=10000, source="Example")
        ],
        source="Sciencewise-ERC guidance",
        id="method-focus-group",
    )
    activity = Activity(
        title="Focus groups <round 1>",
        method_id=method.id,
        description="Two evening groups",
        group_ids=[g1.id, g2.id],
        objective_ids=[o1.id, o2.id],
        level=IAP2Level.INVOLVE,
        promise="We will work with you",
        start=date(2027, 2, 1),
        end=date(2027, 2, 28),
        sessions=2,
        participants=20,
        cost_lines=[
            CostLine(
                category=CostCategory.TRANSLATION,
                description="Polish interpreter",
                unit=Unit.HOUR,
                quantity=Decimal("2.5"),
                unit_cost=4550,
                in_kind=False,
                funder="Community Fund",
                source="Example figure",
            ),
            CostLine(category=CostCategory.VENUE, description="Hall", unit_cost=0, in_kind=True),
        ],
    )
    return Plan(
        title="Tenant Voice <2027> & beyond",
        organisation="Riverside & Vale Homes",
        author="Zofia Wójcik",
        purpose="Shape the repairs service",
        decision="Board decision on the repairs model",
        decision_maker="Board",
        negotiable="Appointment times",
        not_negotiable="The budget envelope",
        value_for_whom=["Service users", "Staff", "Our own category"],
        start=date(2027, 1, 4),
        end=date(2027, 9, 30),
        currency="EUR",
        staff_day_rate=26050,
        contingency_percent=Decimal("12.5"),
        status=PlanStatus.APPROVED,
        created=datetime(2026, 11, 1, 9, 30, tzinfo=UTC),
        modified=datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
        groups=[g1, g2],
        objectives=[o1, o2],
        methods=[method],
        activities=[activity],
        evaluation=Evaluation(
            whose_opinion="Tenants first",
            relative_or_absolute="Relative",
            outcomes_for_whom="Tenants",
            evidence="Surveys",
            analysis_by="Panel",
            method="Before and after survey",
            budget=350000,
        ),
        vfm=[
            VfmRating(e=e, criteria=f"{e} criteria", rating=i + 1, evidence="ev", commentary="c")
            for i, e in enumerate(SixE)
        ],
        risks=[
            Risk(
                description="Low turnout",
                likelihood=RiskRating.HIGH,
                impact=RiskRating.LOW,
                mitigation="Pay for time",
                owner="Involvement manager",
            )
        ],
    )


def big_plan(groups: int = 5000, activities: int = 1000) -> Plan:
    plan = Plan(title="Big plan")
    plan.groups = [
        StakeholderGroup(
            name=f"Group {i}", power=i % 5 + 1, interest=(i // 5) % 5 + 1, barriers=[Barrier.TIME]
        )
        for i in range(groups)
    ]
    plan.objectives = [
        Objective(
            title=f"Objective {i}", level=list(OutcomeLevel)[i % 3], indicators=[Indicator(measure="m")]
        )
        for i in range(30)
    ]
    for i in range(activities):
        plan.activities.append(
            Activity(
                title=f"Activity {i}",
                group_ids=[plan.groups[i % groups].id] if groups else [],
                objective_ids=[plan.objectives[i % 30].id],
                start=date(2027, 1 + i % 12, 1),
                participants=10,
                cost_lines=[
                    CostLine(category=list(CostCategory)[j % 13], quantity=Decimal(j + 1), unit_cost=1000 + j)
                    for j in range(5)
                ],
            )
        )
    return plan
