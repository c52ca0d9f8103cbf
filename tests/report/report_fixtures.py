"""Plans and PDF reading for the report tests: a rich, realistic plan and a very large one.

Built only from the core dataclasses, so the tests exercise what a saved plan can hold.
(A plain module rather than conftest.py so that test modules can import it.)
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pypdf import PdfReader

from ceplanner.core.model import (
    IAP2_PROMISES,
    Activity,
    Barrier,
    CostCategory,
    CostLine,
    Evaluation,
    IAP2Level,
    Indicator,
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

LOTTERY = "National Lottery Community Fund"
CORE = "Riverside Homes core budget"
COUNCIL = "Northfield City Council"


def _line(
    category: CostCategory,
    description: str,
    quantity: str,
    unit: Unit,
    unit_cost: int,
    *,
    in_kind: bool = False,
    funder: str = "",
    source: str = "",
) -> CostLine:
    return CostLine(
        category=category,
        description=description,
        unit=unit,
        quantity=Decimal(quantity),
        unit_cost=unit_cost,
        in_kind=in_kind,
        funder=funder,
        source=source,
    )


def _activity(
    title: str,
    method_id: str | None,
    description: str,
    group_ids: list[str],
    objective_ids: list[str],
    level: IAP2Level,
    promise: str,
    start: date | None,
    end: date | None,
    sessions: int,
    participants: int,
    cost_lines: list[CostLine],
) -> Activity:
    """An activity from its fields in order, naming each (the model's field order may change)."""
    return Activity(
        title=title,
        method_id=method_id,
        description=description,
        group_ids=group_ids,
        objective_ids=objective_ids,
        level=level,
        promise=promise,
        start=start,
        end=end,
        sessions=sessions,
        participants=participants,
        cost_lines=cost_lines,
    )


def _meeting_the_rules(plan: Plan) -> Plan:
    """The rich plan made to break no warning rule of the checker, as a complete plan would:
    staff time and thanks for participants' time costed, a report back, a decision date."""
    plan.decision_date = date(2026, 11, 19)
    for activity in plan.activities:
        categories = {line.category for line in activity.cost_lines}
        if CostCategory.STAFF_TIME not in categories:
            activity.cost_lines.append(
                _line(
                    CostCategory.STAFF_TIME,
                    "Engagement officer's time",
                    "2",
                    Unit.DAY,
                    25000,
                    in_kind=True,
                    funder=CORE,
                    source="Plan staff day rate",
                )
            )
        if (
            activity.level.rank >= IAP2Level.INVOLVE.rank
            and activity.participants
            and (CostCategory.PARTICIPANT_PAYMENT not in categories)
        ):
            activity.cost_lines.append(
                _line(
                    CostCategory.PARTICIPANT_PAYMENT,
                    "Thank-you vouchers",
                    str(activity.participants),
                    Unit.PERSON,
                    1000,
                    funder=CORE,
                    source="Involvement policy: £10 a session",
                )
            )
        activity.reports_back = "You said, we did" in activity.title
    return plan


def make_rich_plan() -> Plan:
    """A housing association's neighbourhood services strategy: 11 groups, 6 objectives,
    10 activities with paid and in-kind costs from three funders, evaluation, six Es, risks."""
    g = [
        StakeholderGroup(
            "Tenants on the Northfield estate",
            StakeholderCategory.RESIDENTS,
            1450,
            2,
            5,
            Position.INTERESTED,
            target_level=IAP2Level.INVOLVE,
            access_needs="Evening and Saturday sessions; venues on the estate.",
        ),
        StakeholderGroup(
            "Older residents living alone",
            StakeholderCategory.SERVICE_USERS,
            320,
            1,
            4,
            Position.SCEPTICAL,
            seldom_heard=True,
            barriers=[Barrier.TRANSPORT, Barrier.DIGITAL],
            equity_notes="Most rely on the housing officer for news; few use email.",
            access_needs="Door-step visits, large print, transport to events.",
            target_level=IAP2Level.CONSULT,
        ),
        StakeholderGroup(
            "Polish families (Łódź Street twinning group)",
            StakeholderCategory.RESIDENTS,
            210,
            1,
            3,
            Position.NEUTRAL,
            seldom_heard=True,
            barriers=[Barrier.LANGUAGE, Barrier.TIME],
            access_needs="Polish interpreter; materials in Polish (“Zażółć gęślą jaźń”).",
            target_level=IAP2Level.INVOLVE,
        ),
        StakeholderGroup(
            "Young people aged 16–24",
            StakeholderCategory.RESIDENTS,
            380,
            1,
            2,
            Position.NEUTRAL,
            seldom_heard=True,
            barriers=[Barrier.TIME],
            access_needs="Short online polls; youth workers they already know.",
            target_level=IAP2Level.COLLABORATE,
        ),
        StakeholderGroup(
            "Disabled residents and their carers",
            StakeholderCategory.SERVICE_USERS,
            260,
            2,
            4,
            Position.SCEPTICAL,
            seldom_heard=True,
            barriers=[Barrier.DISABILITY, Barrier.CARING, Barrier.TRANSPORT],
            access_needs="BSL interpreters, step-free venues, replacement care paid for.",
            target_level=IAP2Level.INVOLVE,
        ),
        StakeholderGroup(
            "Frontline housing officers",
            StakeholderCategory.STAFF,
            24,
            3,
            4,
            Position.SUPPORTIVE,
            target_level=IAP2Level.COLLABORATE,
        ),
        StakeholderGroup(
            "Board of trustees",
            StakeholderCategory.OTHER,
            9,
            5,
            3,
            Position.SUPPORTIVE,
            target_level=IAP2Level.INFORM,
        ),
        StakeholderGroup(
            "Ward councillors",
            StakeholderCategory.ELECTED_MEMBERS,
            6,
            5,
            2,
            Position.NEUTRAL,
            target_level=IAP2Level.INFORM,
        ),
        StakeholderGroup(
            "City council commissioners",
            StakeholderCategory.COMMISSIONERS,
            4,
            4,
            3,
            Position.INTERESTED,
            target_level=IAP2Level.CONSULT,
        ),
        StakeholderGroup(
            "Tenants' and Residents' Association",
            StakeholderCategory.VOLUNTARY_SECTOR,
            35,
            3,
            5,
            Position.SUPPORTIVE,
            target_level=IAP2Level.COLLABORATE,
        ),
        StakeholderGroup(
            "Shops on the Parade",
            StakeholderCategory.BUSINESS,
            18,
            2,
            1,
            Position.NEUTRAL,
            target_level=IAP2Level.INFORM,
        ),
        StakeholderGroup(
            "Greek Orthodox parish (Ενορία Αγίου Νικολάου)",
            StakeholderCategory.VOLUNTARY_SECTOR,
            90,
            1,
            2,
            Position.INTERESTED,
            target_level=IAP2Level.CONSULT,
        ),
    ]
    ind = Indicator
    o = [
        Objective(
            "Residents feel listened to",
            "Tenants see that their views changed the service.",
            OutcomeLevel.INDIVIDUAL,
            [g[0].id, g[1].id],
            [
                ind(
                    "Residents who agree 'my landlord listens to my views'",
                    "41% (2025 STAR survey)",
                    "60%",
                    "STAR survey",
                    "Annual survey, October",
                    "Insight team with two tenant panel members",
                )
            ],
        ),
        Objective(
            "Seldom-heard residents gain confidence",
            "Older, disabled and Polish-speaking residents "
            "take part and say they feel more able to raise issues.",
            OutcomeLevel.INDIVIDUAL,
            [g[1].id, g[2].id, g[4].id],
            [
                ind(
                    "Participants from seldom-heard groups",
                    "12 in 2025",
                    "60",
                    "Attendance records",
                    "Every session",
                    "Engagement officer",
                ),
                ind(
                    "Participants saying they feel more able to raise issues",
                    "Not measured",
                    "70%",
                    "Exit card",
                    "End of each session",
                    "Independent evaluator",
                ),
            ],
        ),
        Objective(
            "Repairs service redesigned with tenants",
            "",
            OutcomeLevel.SERVICE,
            [g[0].id, g[5].id],
            [
                ind(
                    "Repairs complaints per 1,000 homes",
                    "38",
                    "25",
                    "Complaints log",
                    "Monthly",
                    "Repairs manager and tenant scrutiny panel",
                )
            ],
        ),
        Objective(
            "Communal areas plan agreed",
            "A costed plan for the estate's communal areas.",
            OutcomeLevel.SERVICE,
            [g[0].id, g[9].id],
            [
                ind(
                    "Plan approved with tenants' sign-off",
                    "No plan",
                    "Approved by September",
                    "Board minutes",
                    "At approval",
                    "Board",
                )
            ],
        ),
        Objective(
            "Tenant voice in governance",
            "",
            OutcomeLevel.STRATEGIC,
            [g[6].id, g[9].id],
            [
                ind(
                    "Board decisions with a documented tenant view",
                    "2 of 10",
                    "8 of 10",
                    "Board papers",
                    "Quarterly review",
                    "Company secretary",
                )
            ],
        ),
        Objective(
            "Commissioning informed by residents",
            "",
            OutcomeLevel.STRATEGIC,
            [g[8].id],
            [
                ind(
                    "Commissioning specifications citing engagement findings",
                    "0",
                    "3",
                    "Council specifications",
                    "Annual",
                    "Council commissioning lead",
                )
            ],
        ),
    ]
    lv = IAP2Level
    c = CostCategory
    acts = [
        _activity(
            "Door-knocking and door-step conversations",
            None,
            "Housing officers and tenant volunteers visit every block.",
            [g[0].id, g[1].id],
            [o[0].id, o[1].id],
            lv.CONSULT,
            IAP2_PROMISES[lv.CONSULT],
            date(2026, 3, 2),
            date(2026, 4, 10),
            20,
            400,
            cost_lines=[
                _line(
                    c.STAFF_TIME,
                    "Housing officers' time",
                    "15",
                    Unit.DAY,
                    25000,
                    in_kind=True,
                    funder=CORE,
                    source="Plan staff day rate",
                ),
                _line(
                    c.MATERIALS_PRINT,
                    "Large-print leaflets",
                    "600",
                    Unit.ITEM,
                    45,
                    funder=CORE,
                    source="Printer's quote, January 2026",
                ),
                _line(
                    c.TRAVEL,
                    "Volunteer travel expenses",
                    "20",
                    Unit.SESSION,
                    1200,
                    funder=LOTTERY,
                    source="Involve standards",
                ),
            ],
        ),
        _activity(
            "Community conversation events",
            None,
            "Three drop-in events with food, on the estate.",
            [g[0].id, g[2].id, g[9].id],
            [o[0].id, o[3].id],
            lv.INVOLVE,
            IAP2_PROMISES[lv.INVOLVE],
            date(2026, 3, 16),
            date(2026, 5, 15),
            3,
            150,
            cost_lines=[
                _line(
                    c.VENUE,
                    "Community centre hire",
                    "3",
                    Unit.SESSION,
                    18000,
                    in_kind=True,
                    funder=COUNCIL,
                    source="Council community lettings tariff 2026",
                ),
                _line(
                    c.CATERING,
                    "Refreshments",
                    "150",
                    Unit.PERSON,
                    600,
                    funder=LOTTERY,
                    source="Caterer's quote",
                ),
                _line(
                    c.TRANSLATION,
                    "Polish interpreter",
                    "3",
                    Unit.SESSION,
                    24000,
                    funder=LOTTERY,
                    source="NUBSLI-based guidance (full day rate)",
                ),
                _line(
                    c.CHILDCARE_CARERS,
                    "Crèche",
                    "3",
                    Unit.SESSION,
                    9000,
                    funder=LOTTERY,
                    source="Local crèche provider quote",
                ),
                _line(
                    c.FACILITATION,
                    "Independent facilitators (1 per 8 people)",
                    "6",
                    Unit.DAY,
                    45000,
                    funder=LOTTERY,
                    source="Involve standards: at most 9 participants per facilitator",
                ),
            ],
        ),
        _activity(
            "Polish-language focus group",
            None,
            "Led in Polish by a community researcher.",
            [g[2].id],
            [o[1].id],
            lv.CONSULT,
            "Powiemy, jak Państwa głos wpłynął na decyzję.",
            date(2026, 4, 20),
            date(2026, 4, 20),
            1,
            10,
            cost_lines=[
                _line(
                    c.FACILITATION,
                    "Focus group, including recruitment and report",
                    "1",
                    Unit.SESSION,
                    100000,
                    funder=LOTTERY,
                    source="Sciencewise-ERC guidance (about £1,000 a session)",
                ),
                _line(
                    c.PARTICIPANT_PAYMENT,
                    "Thank-you vouchers",
                    "10",
                    Unit.PERSON,
                    2500,
                    funder=LOTTERY,
                    source="Involve standards",
                ),
            ],
        ),
        _activity(
            "Accessible workshop with disabled residents and carers",
            None,
            "",
            [g[4].id],
            [o[1].id, o[2].id],
            lv.INVOLVE,
            IAP2_PROMISES[lv.INVOLVE],
            date(2026, 5, 5),
            date(2026, 5, 5),
            1,
            14,
            cost_lines=[
                _line(
                    c.ACCESSIBILITY,
                    "BSL interpreters (two for sessions over an hour)",
                    "2",
                    Unit.DAY,
                    24000,
                    funder=LOTTERY,
                    source="NUBSLI-based guidance",
                ),
                _line(
                    c.CHILDCARE_CARERS,
                    "Replacement care",
                    "6",
                    Unit.PERSON,
                    6000,
                    funder=LOTTERY,
                    source="Local care agency rate 2026",
                ),
                _line(
                    c.TRAVEL,
                    "Accessible taxis",
                    "10",
                    Unit.PERSON,
                    2200,
                    funder=LOTTERY,
                    source="Taxi firm quote",
                ),
                _line(c.VENUE, "Step-free hall", "1", Unit.DAY, 22000, funder=CORE, source=""),
            ],
        ),
        _activity(
            "Youth co-design sprint",
            None,
            "Young people design the communal areas brief with youth workers.",
            [g[3].id],
            [o[3].id],
            lv.COLLABORATE,
            IAP2_PROMISES[lv.COLLABORATE],
            date(2026, 6, 1),
            date(2026, 6, 26),
            4,
            40,
            cost_lines=[
                _line(
                    c.FACILITATION,
                    "Youth workers",
                    "8",
                    Unit.DAY,
                    22000,
                    funder=COUNCIL,
                    source="Council youth service recharge rate",
                ),
                _line(
                    c.PARTICIPANT_PAYMENT,
                    "Vouchers for young people",
                    "40",
                    Unit.PERSON,
                    2000,
                    funder=COUNCIL,
                    source="Involve standards",
                ),
                _line(c.CATERING, "Pizza", "4", Unit.SESSION, 5000, funder=COUNCIL, source=""),
            ],
        ),
        _activity(
            "Online survey and polls",
            None,
            "Survey in English and Polish; short polls on social media.",
            [g[0].id, g[2].id, g[3].id],
            [o[0].id],
            lv.CONSULT,
            IAP2_PROMISES[lv.CONSULT],
            date(2026, 3, 2),
            date(2026, 5, 29),
            1,
            500,
            cost_lines=[
                _line(
                    c.OTHER,
                    "Survey platform licence",
                    "3",
                    Unit.MONTH,
                    9900,
                    funder=CORE,
                    source="Supplier price list 2026",
                ),
                _line(
                    c.TRANSLATION,
                    "Survey translation into Polish",
                    "1",
                    Unit.LUMP_SUM,
                    35000,
                    funder=LOTTERY,
                    source="Translation agency quote",
                ),
                _line(c.PUBLICITY, "Social media adverts", "1", Unit.LUMP_SUM, 40000, funder=CORE, source=""),
            ],
        ),
        _activity(
            "Staff intelligence sessions",
            None,
            "Frontline officers bring back what tenants tell them.",
            [g[5].id],
            [o[2].id],
            lv.COLLABORATE,
            IAP2_PROMISES[lv.COLLABORATE],
            date(2026, 4, 1),
            date(2026, 9, 30),
            6,
            24,
            cost_lines=[
                _line(
                    c.STAFF_TIME,
                    "Officers' time (24 staff x 1.5 hours x 6)",
                    "216",
                    Unit.HOUR,
                    3333,
                    in_kind=True,
                    funder=CORE,
                    source="Plan staff day rate / 7.5 hours",
                )
            ],
        ),
        _activity(
            "Residents' panel on the repairs service",
            None,
            "",
            [g[0].id, g[4].id, g[9].id],
            [o[2].id, o[4].id],
            lv.COLLABORATE,
            IAP2_PROMISES[lv.COLLABORATE],
            date(2026, 6, 15),
            date(2026, 10, 9),
            5,
            60,
            cost_lines=[
                _line(
                    c.PARTICIPANT_PAYMENT,
                    "Panel member thank-you payments",
                    "60",
                    Unit.PERSON,
                    5000,
                    funder=LOTTERY,
                    source="Involve standards (at least £50 a day)",
                ),
                _line(
                    c.VENUE,
                    "Meeting room",
                    "5",
                    Unit.SESSION,
                    0,
                    in_kind=True,
                    funder=CORE,
                    source="Own premises",
                ),
                _line(
                    c.STAFF_TIME,
                    "Scrutiny officer",
                    "10",
                    Unit.DAY,
                    25000,
                    funder=CORE,
                    source="Plan staff day rate",
                ),
            ],
        ),
        _activity(
            "Briefings for councillors and commissioners",
            None,
            "",
            [g[7].id, g[8].id, g[6].id],
            [o[4].id, o[5].id],
            lv.INFORM,
            IAP2_PROMISES[lv.INFORM],
            date(2026, 7, 6),
            date(2026, 7, 17),
            2,
            19,
            cost_lines=[
                _line(
                    c.STAFF_TIME,
                    "Director's time",
                    "2",
                    Unit.DAY,
                    40000,
                    in_kind=True,
                    funder=CORE,
                    source="Salary scale 2026",
                ),
                _line(c.MATERIALS_PRINT, "Briefing packs", "20", Unit.ITEM, 850, funder=CORE, source=""),
            ],
        ),
        _activity(
            "Findings festival and 'You said, we did'",
            None,
            "Report back to everyone who took part; celebrate.",
            [g[0].id, g[1].id, g[2].id, g[9].id, g[10].id],
            [o[0].id, o[3].id],
            lv.INFORM,
            IAP2_PROMISES[lv.INFORM],
            date(2026, 10, 17),
            None,
            1,
            200,
            cost_lines=[
                _line(
                    c.PUBLICITY,
                    "Posters and leaflets in English and Polish",
                    "1",
                    Unit.LUMP_SUM,
                    60000,
                    funder=LOTTERY,
                    source="Printer's quote, January 2026",
                ),
                _line(
                    c.EVALUATION,
                    "Exit cards and analysis",
                    "1",
                    Unit.LUMP_SUM,
                    45000,
                    funder=LOTTERY,
                    source="Independent evaluator quote",
                ),
                _line(
                    c.CATERING,
                    "Food from local businesses",
                    "200",
                    Unit.PERSON,
                    450,
                    in_kind=True,
                    funder="Shops on the Parade",
                    source="Pledges from traders",
                ),
            ],
        ),
    ]
    plan = Plan(
        title="Shaping Northfield's neighbourhood services together",
        organisation="Riverside Homes Housing Association",
        author="Alex Morgan, Changes Consultancy",
        purpose=(
            "Riverside Homes is redesigning its repairs and communal areas services on the Northfield estate.\n"
            "This strategy sets out how tenants, and especially those we seldom hear from, will shape those "
            "decisions, what it will cost, and how we will know whether it was worth it."
        ),
        decision="Approve the engagement strategy and a cash budget for 2026–27.",
        decision_maker="Board of trustees, March 2026",
        negotiable="How the repairs service is organised; what the communal areas are used for.",
        not_negotiable="Statutory health and safety standards; the overall capital budget of £1.2m.",
        value_for_whom=["Service users", "Neighbourhoods", "Commissioners", "Staff"],
        start=date(2026, 3, 2),
        end=date(2026, 10, 23),
        currency="GBP",
        staff_day_rate=25000,
        contingency_percent=Decimal(10),
        status=PlanStatus.DRAFT,
        groups=g,
        objectives=o,
        activities=acts,
        evaluation=Evaluation(
            whose_opinion="Tenants first, especially seldom-heard groups; then staff, the board and commissioners.",
            relative_or_absolute="Relative: we compare cost per participant and reach with our 2024 consultation.",
            outcomes_for_whom="The six objectives above, reported separately for each seldom-heard group.",
            evidence="Attendance records, exit cards, the STAR survey and the complaints log.",
            analysis_by="An independent evaluator with a panel of four tenants, paid for their time.",
            method="Theory-of-change evaluation with a mid-point review in July.",
            budget=350000,
        ),
        vfm=[
            VfmRating(
                SixE.ECONOMY,
                "Quotes obtained for all items over £500",
                4,
                "Three quotes for printing and facilitation",
                "In-kind venues keep costs down.",
            ),
            VfmRating(SixE.EFFICIENCY, "Cost per participant below £60", 5, "Budget model", ""),
            VfmRating(
                SixE.EFFECTIVENESS,
                "Decisions changed by the engagement",
                3,
                "Board commitment to respond in writing",
                "Depends on the board's follow-through.",
            ),
            VfmRating(
                SixE.EQUITY,
                "All seldom-heard groups reached",
                5,
                "Four targeted activities with access budgets",
                "",
            ),
            VfmRating(
                SixE.EMPOWERMENT,
                "Residents' panel with delegated scrutiny",
                4,
                "Panel terms of reference",
                "",
            ),
            VfmRating(SixE.EVALUATION),
        ],
        risks=[
            Risk(
                "Low turnout from older residents",
                RiskRating.HIGH,
                RiskRating.MEDIUM,
                "Door-step visits first; transport offered.",
                "Engagement officer",
            ),
            Risk(
                "Board does not act on findings",
                RiskRating.LOW,
                RiskRating.HIGH,
                "Written response to every recommendation within 8 weeks.",
                "Chief executive",
            ),
            Risk(
                "Lottery grant not awarded",
                RiskRating.MEDIUM,
                RiskRating.HIGH,
                "Phase activities; council bid as fallback.",
                "Finance director",
            ),
            Risk(
                "Consultation fatigue on the estate",
                RiskRating.MEDIUM,
                RiskRating.MEDIUM,
                "Join up with the council's own consultation.",
                "Engagement officer",
            ),
            Risk(
                "Interpreter unavailable",
                RiskRating.LOW,
                RiskRating.LOW,
                "Two agencies on call.",
                "Engagement officer",
            ),
        ],
    )
    return _meeting_the_rules(plan)


def make_big_plan(groups: int = 500, activities: int = 200) -> Plan:
    """A very large plan to check that long tables and charts still lay out."""
    plan = make_rich_plan()
    plan.groups = [
        StakeholderGroup(
            f"Group {i:03d} " + ("with a fairly long descriptive name " if i % 7 == 0 else ""),
            list(StakeholderCategory)[i % 10],
            power=1 + i % 5,
            interest=1 + (i * 3) % 5,
            seldom_heard=i % 4 == 0,
            barriers=[list(Barrier)[i % 6]] if i % 4 == 0 else [],
            access_needs="Needs " * (i % 30),
        )
        for i in range(groups)
    ]
    objectives = plan.objectives
    plan.activities = [
        Activity(
            f"Activity {i:03d}",
            group_ids=[plan.groups[(i * 7 + k) % groups].id for k in range(1 + i % 6)],
            objective_ids=[objectives[i % len(objectives)].id],
            level=list(IAP2Level)[i % 5],
            start=date(2026, 1 + i % 12, 1 + i % 27),
            end=date(2026, 1 + i % 12, 28),
            participants=10 + i,
            cost_lines=[
                _line(
                    list(CostCategory)[(i + k) % 13],
                    f"Line {k} of activity {i}",
                    str(1 + k),
                    Unit.DAY,
                    1000 * (1 + (i + k) % 17),
                    in_kind=k == 2,
                    funder=f"Funder {k % 3}",
                    source=f"Source {k}",
                )
                for k in range(5)
            ],
        )
        for i in range(activities)
    ]
    plan.start, plan.end = date(2026, 1, 1), date(2026, 12, 31)
    return plan


ISSUED = date(2026, 2, 20)


@dataclass
class Pdf:
    """A built PDF and what a reader would see in it."""

    data: bytes
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        """All pages' text with every run of whitespace made one space (table cells wrap)."""
        return normalise(" ".join(self.pages))

    def outline_titles(self, level: int = 0) -> list[str]:
        def walk(items: list[Any], depth: int) -> list[str]:
            found: list[str] = []
            for item in items:
                if isinstance(item, list):
                    found += walk(item, depth + 1)
                elif depth == level:
                    found.append(item.title)
            return found

        return walk(self.reader.outline, 0)


def body_text(pdf: Pdf, plan: Plan) -> str:
    """The pages' text without the running header and footer, so text that flows on from one
    page to the next reads on unbroken; whitespace is kept."""
    running = {plan.title.strip(), "Draft", "Approved", "In delivery", "Evaluated"}
    pages = []
    for text in pdf.pages:
        lines = text.split("\n")
        while lines and (
            lines[0].strip() in running
            or "· Community engagement strategy" in lines[0]
            or lines[0].strip() == "Community engagement strategy"
            or re.fullmatch(r"Page \d+ of \d+", lines[0].strip())
        ):
            lines.pop(0)
        pages.append("\n".join(lines))
    return "\n".join(pages)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_pdf(data: bytes) -> Pdf:
    reader = PdfReader(io.BytesIO(data))
    return Pdf(data, reader, [page.extract_text() or "" for page in reader.pages])
