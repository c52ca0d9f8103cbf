"""Plans for tests: one with every field filled, and big ones for load tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from ceplanner.core.model import (
    Activity,
    ActualCost,
    Barrier,
    Communication,
    CostCategory,
    CostLine,
    Degree,
    DeliveryStatus,
    Dismissal,
    Evaluation,
    Funder,
    GroupCount,
    IAP2Level,
    ImpactCategory,
    Indicator,
    InfluenceAssessment,
    KeyMessage,
    Method,
    Milestone,
    MilestoneKind,
    Mode,
    NationalStandard,
    Objective,
    OutcomeLevel,
    PastEngagement,
    Plan,
    PlanStatus,
    Position,
    Quotation,
    ReadinessItem,
    Response,
    ResponseKind,
    Risk,
    RiskRating,
    Scaling,
    Scenario,
    ScenarioActivity,
    SessionHeld,
    SixE,
    SroiOutcome,
    StakeholderCategory,
    StakeholderGroup,
    StandardRating,
    Task,
    TeamMember,
    Theme,
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
                measured="52% <up>",
                measured_on=date(2027, 9, 1),
            )
        ],
    )
    o2 = Objective(title="Repairs fixed first time", level=OutcomeLevel.SERVICE)
    lead = TeamMember(
        name="Zofia Wójcik",
        role="Involvement lead <engagement>",
        organisation="Customer Services & Repairs",
        days=Decimal("12.5"),
        day_rate=31000,
    )
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
        same_people=True,
        reports_back=True,
        lead_id=lead.id,
        expected_by_group=[GroupCount(group_id=g1.id, people=15)],
        delivery_status=DeliveryStatus.DROPPED,
        dropped_reason="The hall closed <flooding> & no other venue was free",
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
                scaling=Scaling.PER_SESSION,
                staff_id=lead.id,
            ),
            CostLine(category=CostCategory.VENUE, description="Hall", unit_cost=0, in_kind=True),
        ],
    )
    theme = Theme(
        title="Appointments are too wide",
        summary="A whole day off work <unpaid> for one visit",
        group_ids=[g1.id],
        activity_ids=[activity.id],
        how_many=14,
        quotations=[Quotation(text="I lost a day’s pay & nobody came", group_id=g1.id, consent=True)],
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
        issue="Repairs take too long <and> tenants are not told why",
        affected="All 4,200 tenants; older & disabled tenants most",
        in_scope="Repairs ordering and appointments",
        out_of_scope="Rent levels",
        geography="Northfield and Łódź Street estates",
        impact_category=ImpactCategory.SERVICE,
        impact_reach=Degree.HIGH,
        impact_depth=Degree.MEDIUM,
        impact_contention=Degree.LOW,
        already_known="2025 survey: appointments are the main complaint",
        approver="Board of Riverside & Vale Homes",
        approved_on=date(2026, 12, 10),
        findings_signoff="Tenant panel chair",
        doc_version="0.3 <draft>",
        feedback_how="Letter and open meeting: you said, we did",
        feedback_when="Within 6 weeks of the decision",
        feedback_channels="Letter, easy read, Polish, BSL video",
        feedback_by="Involvement lead",
        participant_questions="Did you feel listened to?\nWas the session accessible?",
        country="IM",
        region="",
        decision_date=date(2027, 10, 20),
        consultation_weeks=10,
        analysis_weeks=6,
        evaluation_min_percent=Decimal("7.5"),
        budget_envelope=2_500_000,
        service_annual_cost=120_000_000,
        expected_returns="Fewer repeat repairs <visits> & complaints",
        sroi_discount_percent=Decimal("3.25"),
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
            whose_opinion_at_end="Tenants, then the board",
            relative_or_absolute_at_end="Relative to the 2025 survey",
            outcomes_for_whom_at_end="Older tenants <most>",
            evidence_at_end="Exit cards & the September survey",
            analysis_by_at_end="Tenant panel with staff",
            lessons="Book venues earlier; pay for time",
        ),
        vfm=[
            VfmRating(
                e=e,
                criteria=f"{e} criteria",
                rating=i + 1,
                evidence="ev",
                commentary="c",
                rating_at_end=6 - i,
                evidence_at_end=f"{e} found",
                commentary_at_end="at end",
            )
            for i, e in enumerate(SixE)
        ],
        risks=[
            Risk(
                description="Low turnout",
                likelihood=RiskRating.HIGH,
                impact=RiskRating.LOW,
                mitigation="Pay for time",
                owner="Involvement manager",
                review_date=date(2027, 3, 1),
            )
        ],
        funders=[Funder(name="Community Fund", envelope=1_000_000, notes="Grant <ref 42>")],
        dismissals=[
            Dismissal(
                code="activity.no-staff-time",
                item_id=activity.id,
                reason="Volunteers run it & we accept that",
                dismissed_on=date(2026, 11, 20),
            )
        ],
        sroi_outcomes=[
            SroiOutcome(
                description="Tenants report repairs earlier",
                who="Tenants in Łódź Street",
                quantity=150,
                proxy_value=4500,
                proxy_source="HACT Social Value Bank <2024>",
                duration_years=3,
                deadweight_percent=Decimal(20),
                attribution_percent=Decimal("12.5"),
                displacement_percent=Decimal(5),
                drop_off_percent=Decimal(30),
            )
        ],
        standards=[
            StandardRating(standard=s, rating=i % 6 + 1, evidence=f"{s} evidence", actions="act")
            for i, s in enumerate(NationalStandard)
        ],
        influence=[
            InfluenceAssessment(
                assessed_on=date(2026, 10, 1),
                who_took_part="Tenant panel & staff",
                agency_openness=4,
                community_influence=2,
                notes="Panel feels unheard",
                actions="Publish responses",
            )
        ],
        past_engagements=[
            PastEngagement(
                when="Spring 2025",
                about="Repairs survey",
                heard="Appointments are too wide",
                changed="Morning/afternoon slots <trial>",
            )
        ],
        key_messages=[KeyMessage(message="Your views shape the new repairs contract", audience="Tenants")],
        team=[lead],
        tasks=[
            Task(
                description="Book BSL interpreters",
                activity_id=activity.id,
                owner="Zofia",
                due=date(2027, 1, 15),
                done=True,
            )
        ],
        readiness=[ReadinessItem(description="Equality impact assessment done", done=True, notes="EIA v2")],
        communications=[
            Communication(
                audience="Tenants", channel="Letter & text", timing="Two weeks before", owner="Comms team"
            )
        ],
        milestones=[Milestone(title="Board decision", due=date(2027, 10, 20), kind=MilestoneKind.DECISION)],
        scenarios=[
            Scenario(
                name="Lean <option>",
                description="One focus group",
                activities=[ScenarioActivity(activity_id=activity.id, sessions=1)],
            )
        ],
        delivery_started_on=date(2026, 12, 11),
        sessions_held=[
            SessionHeld(
                activity_id=activity.id,
                held_on=date(2027, 2, 3),
                attendance=9,
                by_group=[GroupCount(group_id=g1.id, people=7)],
                notes="Heavy rain <kept> some away & cold hall",
            )
        ],
        actual_costs=[
            ActualCost(
                activity_id=activity.id,
                description="Polish interpreter (2.5 hours)",
                category=CostCategory.TRANSLATION,
                amount=12_345,
                in_kind=True,
                funder="Community Fund",
                reference="INV-0042 <paid>",
                spent_on=date(2027, 2, 10),
            )
        ],
        themes=[theme],
        responses=[
            Response(
                theme_id=theme.id,
                kind=ResponseKind.WE_DID_NOT,
                action="Two-hour slots cost too much this year <budget>; we will trial them in 2028",
                owner="Head of Repairs",
                feedback_on=date(2027, 11, 15),
                channel="Letter & open meeting",
                formats="Easy read, Polish, large print",
                fed_back=True,
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
