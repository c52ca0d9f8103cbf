"""The plan's domain model: plain, typed dataclasses with no behaviour beyond defaults.

Money is held as integer minor units (pence for GBP) and quantities as ``Decimal``; nothing
here is ever a float.  Every entity carries a stable string ``id`` so that activities can refer
to groups and objectives, and so that the JSON interchange and the SQLite file agree.

Each numeric field states its allowed values here, once, as field metadata (see
:mod:`ceplanner.core.limits`); every text value is limited to :data:`TEXT_LIMIT` characters.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.limits import limits

# Far above any real engagement budget, in minor units (£1,000,000,000.00): larger is a typing slip.
MAX_MONEY = 100_000_000_000
TEXT_LIMIT = 100_000
"""The most characters any one text value may have."""
_MONEY = limits(minimum=0, maximum=MAX_MONEY)
_PERCENT = limits(minimum=Decimal(0), maximum=Decimal(100), places=2)
_HOURS = limits(minimum=Decimal(0), maximum=Decimal(100_000))


def new_id() -> str:
    """A fresh identifier for any entity."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class PlanStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    IN_DELIVERY = "in_delivery"
    EVALUATED = "evaluated"


class StakeholderCategory(StrEnum):
    SERVICE_USERS = "service_users"
    RESIDENTS = "residents"
    STAFF = "staff"
    COMMISSIONERS = "commissioners"
    PARTNERS = "partners"
    FUNDERS = "funders"
    ELECTED_MEMBERS = "elected_members"
    VOLUNTARY_SECTOR = "voluntary_sector"
    BUSINESS = "business"
    GOVERNANCE = "governance"
    REGULATORS = "regulators"
    OTHER = "other"


class Position(StrEnum):
    OPPOSED = "opposed"
    SCEPTICAL = "sceptical"
    NEUTRAL = "neutral"
    INTERESTED = "interested"
    SUPPORTIVE = "supportive"


class Barrier(StrEnum):
    LANGUAGE = "language"
    DISABILITY = "disability"
    CARING = "caring"
    DIGITAL = "digital"
    TRANSPORT = "transport"
    TIME = "time"
    LITERACY = "literacy"


class IAP2Level(StrEnum):
    """The IAP2 Spectrum of Public Participation, in increasing order of influence."""

    INFORM = "inform"
    CONSULT = "consult"
    INVOLVE = "involve"
    COLLABORATE = "collaborate"
    EMPOWER = "empower"

    @property
    def rank(self) -> int:
        return list(IAP2Level).index(self)


class OutcomeLevel(StrEnum):
    INDIVIDUAL = "individual"
    SERVICE = "service"
    STRATEGIC = "strategic"


class Mode(StrEnum):
    FACE_TO_FACE = "face_to_face"
    ONLINE = "online"
    PAPER = "paper"
    TELEPHONE = "telephone"


class CostCategory(StrEnum):
    """The INVOLVE-style cost categories (see docs/domain notes)."""

    STAFF_TIME = "staff_time"
    VENUE = "venue"
    CATERING = "catering"
    MATERIALS_PRINT = "materials_print"
    PUBLICITY = "publicity"
    TRANSLATION = "translation"
    ACCESSIBILITY = "accessibility"
    PARTICIPANT_PAYMENT = "participant_payment"
    TRAVEL = "travel"
    CHILDCARE_CARERS = "childcare_carers"
    FACILITATION = "facilitation"
    EVALUATION = "evaluation"
    OTHER = "other"


class Unit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    SESSION = "session"
    PERSON = "person"
    ITEM = "item"
    EVENT = "event"
    WEEK = "week"
    MONTH = "month"
    LUMP_SUM = "lump_sum"


class SixE(StrEnum):
    ECONOMY = "economy"
    EFFICIENCY = "efficiency"
    EFFECTIVENESS = "effectiveness"
    EQUITY = "equity"
    EMPOWERMENT = "empowerment"
    EVALUATION = "evaluation"


class Scaling(StrEnum):
    """How a cost line's quantity follows its activity when sessions or participants change."""

    FIXED = "fixed"
    PER_SESSION = "per_session"
    PER_PARTICIPANT = "per_participant"
    PER_ATTENDANCE = "per_attendance"
    """Per participant per session attended (refreshments, thank-you payments)."""


class NationalStandard(StrEnum):
    """The seven National Standards for Community Engagement (Scotland, 2016)."""

    INCLUSION = "inclusion"
    SUPPORT = "support"
    PLANNING = "planning"
    WORKING_TOGETHER = "working_together"
    METHODS = "methods"
    COMMUNICATION = "communication"
    IMPACT = "impact"


class ImpactCategory(StrEnum):
    """How far the decision reaches: the usual impact categories of council engagement toolkits."""

    LOCAL = "local"
    NEIGHBOURHOOD = "neighbourhood"
    SERVICE = "service"
    POLICY = "policy"
    STRATEGIC = "strategic"


class Degree(StrEnum):
    """A three-point answer to "how many", "how much", "how contentious"."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class MilestoneKind(StrEnum):
    COMMITTEE = "committee"
    DECISION = "decision"
    PUBLICATION = "publication"
    OTHER = "other"


class RiskRating(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class DeliveryStatus(StrEnum):
    """Where an activity is in delivery."""

    PLANNED = "planned"
    HAPPENING = "happening"
    DONE = "done"
    DROPPED = "dropped"


class ResponseKind(StrEnum):
    """How a response answers a theme heard: it was acted on, or it was not and here is why."""

    WE_DID = "we_did"
    WE_DID_NOT = "we_did_not"


@dataclass
class CostLine:
    category: CostCategory = CostCategory.OTHER
    description: str = ""
    unit: Unit = Unit.ITEM
    quantity: Decimal = field(
        default=Decimal(1), metadata=limits(minimum=Decimal(0), maximum=Decimal(10_000_000), places=3)
    )
    unit_cost: int = field(default=0, metadata=_MONEY)
    """Cost of one unit in minor currency units (pence for GBP)."""
    in_kind: bool = False
    """Contributed rather than paid for: counted in the full cost, not in the cash budget."""
    funder: str = ""
    source: str = ""
    scaling: Scaling = Scaling.FIXED
    """Whether the quantity follows the activity's sessions, participants or attendances."""
    staff_id: str | None = None
    """The team member whose time this line costs; their day rate sets its unit cost."""
    id: str = field(default_factory=new_id)


@dataclass
class Indicator:
    measure: str = ""
    baseline: str = ""
    target: str = ""
    evidence_source: str = ""
    collection: str = ""
    """How and when the evidence is collected."""
    analysed_by: str = ""
    measured: str = ""
    """The value measured in delivery, beside ``baseline`` and ``target`` ("" while not measured)."""
    measured_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass
class StakeholderGroup:
    name: str = ""
    category: StakeholderCategory = StakeholderCategory.OTHER
    size: int | None = field(default=None, metadata=limits(minimum=0, maximum=100_000_000))
    power: int = field(default=3, metadata=limits(minimum=1, maximum=5))
    interest: int = field(default=3, metadata=limits(minimum=1, maximum=5))
    position: Position = Position.NEUTRAL
    seldom_heard: bool = False
    equity_notes: str = ""
    barriers: list[Barrier] = field(default_factory=list)
    access_needs: str = ""
    target_level: IAP2Level = IAP2Level.CONSULT
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Objective:
    title: str = ""
    description: str = ""
    level: OutcomeLevel = OutcomeLevel.SERVICE
    group_ids: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Method:
    """An entry of the method library; a plan keeps copies of the methods it uses."""

    name: str = ""
    description: str = ""
    levels: list[IAP2Level] = field(default_factory=list)
    mode: Mode = Mode.FACE_TO_FACE
    group_size_min: int = field(default=0, metadata=limits(minimum=0, maximum=1_000_000))
    group_size_max: int = field(default=0, metadata=limits(minimum=0, maximum=1_000_000))
    prep_hours: Decimal = field(default=Decimal(0), metadata=_HOURS)
    delivery_hours: Decimal = field(default=Decimal(0), metadata=_HOURS)
    analysis_hours: Decimal = field(default=Decimal(0), metadata=_HOURS)
    cost_lines: list[CostLine] = field(default_factory=list)
    """Template lines, costed for one session of the method's largest group; each line's
    ``scaling`` says how it follows the activity's sessions and participants."""
    source: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class GroupCount:
    """A number of people of one stakeholder group: expected at an activity, or at a session held."""

    group_id: str = ""
    people: int = field(default=0, metadata=limits(minimum=0, maximum=100_000_000))


@dataclass
class Activity:
    title: str = ""
    method_id: str | None = None
    description: str = ""
    group_ids: list[str] = field(default_factory=list)
    objective_ids: list[str] = field(default_factory=list)
    level: IAP2Level = IAP2Level.CONSULT
    promise: str = ""
    start: date | None = None
    end: date | None = None
    sessions: int = field(default=1, metadata=limits(minimum=0, maximum=100_000))
    participants: int = field(default=0, metadata=limits(minimum=0, maximum=100_000_000))
    """Expected participants: people, each counted once however many sessions they attend."""
    cost_lines: list[CostLine] = field(default_factory=list)
    same_people: bool = False
    """The same people attend every session (a panel, a series); otherwise each attends one."""
    reports_back: bool = False
    """The activity tells participants what was decided and why ("you said, we did")."""
    lead_id: str | None = None
    """The team member who leads the activity."""
    expected_by_group: list[GroupCount] = field(default_factory=list)
    """Expected participants by group, where the plan says; reach shares the rest by group size."""
    delivery_status: DeliveryStatus = DeliveryStatus.PLANNED
    dropped_reason: str = ""
    """Why the activity was dropped (when ``delivery_status`` is dropped)."""
    id: str = field(default_factory=new_id)


@dataclass
class Evaluation:
    whose_opinion: str = ""
    relative_or_absolute: str = ""
    outcomes_for_whom: str = ""
    evidence: str = ""
    analysis_by: str = ""
    method: str = ""
    budget: int = field(default=0, metadata=_MONEY)
    """Plan-level evaluation budget in minor units, on top of activities' evaluation lines."""
    # The five evaluation questions answered again at the end of delivery (``<key>_at_end``).
    whose_opinion_at_end: str = ""
    relative_or_absolute_at_end: str = ""
    outcomes_for_whom_at_end: str = ""
    evidence_at_end: str = ""
    analysis_by_at_end: str = ""
    lessons: str = ""
    """Lessons learned in delivery, for the next plan."""


@dataclass
class VfmRating:
    e: SixE
    criteria: str = ""
    rating: int | None = field(default=None, metadata=limits(minimum=1, maximum=6))
    """1 (poor) to 6 (excellent); None while not yet assessed."""
    evidence: str = ""
    commentary: str = ""
    rating_at_end: int | None = field(default=None, metadata=limits(minimum=1, maximum=6))
    """The same E assessed again at the end of delivery, beside the planned ``rating``."""
    evidence_at_end: str = ""
    commentary_at_end: str = ""


@dataclass
class Risk:
    description: str = ""
    likelihood: RiskRating = RiskRating.MEDIUM
    impact: RiskRating = RiskRating.MEDIUM
    mitigation: str = ""
    owner: str = ""
    review_date: date | None = None
    id: str = field(default_factory=new_id)


@dataclass
class PastEngagement:
    """Earlier engagement of this community on this subject, so nothing is asked twice."""

    when: str = ""
    about: str = ""
    heard: str = ""
    changed: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class KeyMessage:
    message: str = ""
    audience: str = ""
    """Who the message is for; "" for every participant."""
    id: str = field(default_factory=new_id)


@dataclass
class TeamMember:
    name: str = ""
    role: str = ""
    organisation: str = ""
    """Organisation or department."""
    days: Decimal = field(
        default=Decimal(0), metadata=limits(minimum=Decimal(0), maximum=Decimal(100_000), places=2)
    )
    """Days committed to the engagement."""
    day_rate: int | None = field(default=None, metadata=_MONEY)
    """Cost of one of their days where it differs from the plan's staff day rate."""
    id: str = field(default_factory=new_id)


@dataclass
class Task:
    """A job to be done for an activity (or the plan as a whole), with an owner and a due date."""

    description: str = ""
    activity_id: str | None = None
    owner: str = ""
    due: date | None = None
    done: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class ReadinessItem:
    """One item of the checklist to complete before engagement starts."""

    description: str = ""
    done: bool = False
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Communication:
    """How people will know the engagement is happening: an audience, a channel, when, who."""

    audience: str = ""
    channel: str = ""
    timing: str = ""
    owner: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Milestone:
    title: str = ""
    due: date | None = None
    kind: MilestoneKind = MilestoneKind.OTHER
    id: str = field(default_factory=new_id)


@dataclass
class Funder:
    """Who pays; cost lines name a funder by ``name``. ``envelope`` is what they have offered."""

    name: str = ""
    envelope: int | None = field(default=None, metadata=_MONEY)
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Dismissal:
    """A finding of the checker the user has accepted, with their reason (printed in the PDF)."""

    code: str = ""
    item_id: str = ""
    """The id of the item the finding concerns; "" for a finding about the whole plan."""
    reason: str = ""
    dismissed_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass
class SroiOutcome:
    """One outcome of a social-return forecast, valued by a financial proxy (an estimate)."""

    description: str = ""
    who: str = ""
    quantity: int = field(default=0, metadata=limits(minimum=0, maximum=100_000_000))
    """How many people (or things) experience the outcome."""
    proxy_value: int = field(default=0, metadata=_MONEY)
    """Value of the outcome for one of them for one year, in minor units."""
    proxy_source: str = ""
    duration_years: int = field(default=1, metadata=limits(minimum=1, maximum=50))
    deadweight_percent: Decimal = field(default=Decimal(0), metadata=_PERCENT)
    attribution_percent: Decimal = field(default=Decimal(0), metadata=_PERCENT)
    """Share of the outcome owed to others, not to this engagement."""
    displacement_percent: Decimal = field(default=Decimal(0), metadata=_PERCENT)
    drop_off_percent: Decimal = field(default=Decimal(0), metadata=_PERCENT)
    """Yearly decline of the outcome after the first year."""
    id: str = field(default_factory=new_id)


@dataclass
class StandardRating:
    """A self-rating against one National Standard for Community Engagement (as VOiCE does)."""

    standard: NationalStandard
    rating: int | None = field(default=None, metadata=limits(minimum=1, maximum=6))
    evidence: str = ""
    actions: str = ""


@dataclass
class InfluenceAssessment:
    """A two-axis influence self-assessment in the spirit of the echo and Voice frameworks."""

    assessed_on: date | None = None
    who_took_part: str = ""
    agency_openness: int | None = field(default=None, metadata=limits(minimum=1, maximum=6))
    """How open and able to respond to community influence the agency is (echo), 1 to 6."""
    community_influence: int | None = field(default=None, metadata=limits(minimum=1, maximum=6))
    """How able to influence, and how influential, the community feels (Voice), 1 to 6."""
    notes: str = ""
    actions: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class ScenarioActivity:
    activity_id: str = ""
    sessions: int = field(default=1, metadata=limits(minimum=0, maximum=100_000))


@dataclass
class Scenario:
    """A named budget option: a chosen subset of the plan's activities with their sessions."""

    name: str = ""
    description: str = ""
    activities: list[ScenarioActivity] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class SessionHeld:
    """A session of an activity actually held, with who came."""

    activity_id: str = ""
    held_on: date | None = None
    attendance: int = field(default=0, metadata=limits(minimum=0, maximum=100_000_000))
    """Everyone at the session, whether or not they belong to a group of the plan."""
    by_group: list[GroupCount] = field(default_factory=list)
    """Attendance by stakeholder group (people may be in no group, so these may add up to less)."""
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class ActualCost:
    """Money actually spent (or contributed in kind), recorded beside the planned cost lines."""

    activity_id: str | None = None
    """The activity it was spent on; None for the plan as a whole (such as its evaluation)."""
    description: str = ""
    category: CostCategory = CostCategory.OTHER
    amount: int = field(default=0, metadata=_MONEY)
    """In minor units."""
    in_kind: bool = False
    funder: str = ""
    reference: str = ""
    """Invoice or timesheet reference."""
    spent_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Quotation:
    """A short quotation of what someone said, kept only with their consent recorded."""

    text: str = ""
    group_id: str | None = None
    """The stakeholder group the speaker belongs to, if known."""
    consent: bool = False
    """The speaker agreed to be quoted."""


@dataclass
class Theme:
    """One theme of the findings log: something heard in the engagement."""

    title: str = ""
    summary: str = ""
    group_ids: list[str] = field(default_factory=list)
    """The groups it was heard from."""
    activity_ids: list[str] = field(default_factory=list)
    """The activities it was heard in."""
    how_many: int | None = field(default=None, metadata=limits(minimum=0, maximum=100_000_000))
    """How many people said it; None when not counted."""
    quotations: list[Quotation] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Response:
    """One entry of the response log: what was done about a theme ("you said, we did")."""

    theme_id: str | None = None
    kind: ResponseKind = ResponseKind.WE_DID
    action: str = ""
    """The decision or action; for "we did not", why not."""
    owner: str = ""
    feedback_on: date | None = None
    """When participants are told."""
    channel: str = ""
    formats: str = ""
    """Formats of the feedback: easy read, large print, languages."""
    fed_back: bool = False
    id: str = field(default_factory=new_id)


READINESS_DEFAULTS: list[str] = [
    "The plan is signed off by its approver",
    "Venues are checked for step-free access, hearing loops and accessible toilets",
    "BSL and community-language interpreters are booked",
    "Data protection: privacy notice written and data-handling agreed",
    "Equality impact assessment done",
    "Safeguarding checked where children or vulnerable adults take part",
]


def default_readiness() -> list[ReadinessItem]:
    return [ReadinessItem(description=text) for text in READINESS_DEFAULTS]


def default_vfm() -> list[VfmRating]:
    return [VfmRating(e=e) for e in SixE]


def default_standards() -> list[StandardRating]:
    return [StandardRating(standard=s) for s in NationalStandard]


@dataclass
class Plan:
    title: str = ""
    organisation: str = ""
    author: str = ""
    purpose: str = ""
    decision: str = ""
    decision_maker: str = ""
    negotiable: str = ""
    not_negotiable: str = ""
    value_for_whom: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    currency: str = "GBP"
    staff_day_rate: int = field(default=25000, metadata=_MONEY)
    """Default cost of one staff day in minor units, used when costing staff hours."""
    contingency_percent: Decimal = field(
        default=Decimal(10), metadata=limits(minimum=Decimal(0), maximum=Decimal(100), places=2)
    )
    status: PlanStatus = PlanStatus.DRAFT
    issue: str = ""
    """What the issue is."""
    affected: str = ""
    """Who the issue affects, and how."""
    in_scope: str = ""
    out_of_scope: str = ""
    geography: str = ""
    impact_category: ImpactCategory | None = None
    impact_reach: Degree | None = None
    """How many people the decision affects."""
    impact_depth: Degree | None = None
    """How much it affects them."""
    impact_contention: Degree | None = None
    """How contentious it is."""
    already_known: str = ""
    """What is already known and must not be asked again."""
    approver: str = ""
    """Who approves the plan."""
    approved_on: date | None = None
    findings_signoff: str = ""
    """Who signs off the findings."""
    doc_version: str = ""
    feedback_how: str = ""
    """How participants hear what was decided and why ("you said, we did")."""
    feedback_when: str = ""
    feedback_channels: str = ""
    """Channels and formats (easy read, large print, languages) for the feedback."""
    feedback_by: str = ""
    participant_questions: str = ""
    """The questions participants will be asked about the engagement (exit card or survey)."""
    country: str = "GB"
    """ISO country code whose public holidays the consultation timing checks use."""
    region: str = "ENG"
    """Subdivision for holidays: ENG, WLS, SCT or NIR in the UK (their bank holidays differ)."""
    decision_date: date | None = None
    consultation_weeks: int = field(default=12, metadata=limits(minimum=0, maximum=104))
    """The shortest consultation period the plan accepts (Gunning: adequate time)."""
    analysis_weeks: int = field(default=4, metadata=limits(minimum=0, maximum=104))
    """Weeks needed between the end of consultation and the decision, to analyse and report."""
    evaluation_min_percent: Decimal = field(default=Decimal(5), metadata=_PERCENT)
    """The smallest share of the total the plan accepts for evaluation."""
    budget_envelope: int | None = field(default=None, metadata=_MONEY)
    """The money available for the whole plan, compared with the costed total."""
    service_annual_cost: int | None = field(default=None, metadata=_MONEY)
    """The yearly cost of the service being engaged on, if known ("what goes in")."""
    expected_returns: str = ""
    """What the engagement is expected to give back ("what comes back")."""
    sroi_discount_percent: Decimal = field(default=Decimal("3.5"), metadata=_PERCENT)
    """Discount rate for the social-return forecast (HM Treasury Green Book: 3.5%)."""
    created: datetime = field(default_factory=utc_now)
    modified: datetime = field(default_factory=utc_now)
    groups: list[StakeholderGroup] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    methods: list[Method] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    evaluation: Evaluation = field(default_factory=Evaluation)
    vfm: list[VfmRating] = field(default_factory=default_vfm)
    risks: list[Risk] = field(default_factory=list)
    funders: list[Funder] = field(default_factory=list)
    dismissals: list[Dismissal] = field(default_factory=list)
    sroi_outcomes: list[SroiOutcome] = field(default_factory=list)
    standards: list[StandardRating] = field(default_factory=default_standards)
    influence: list[InfluenceAssessment] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    past_engagements: list[PastEngagement] = field(default_factory=list)
    key_messages: list[KeyMessage] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    readiness: list[ReadinessItem] = field(default_factory=list)
    """The checklist before starting; a new plan starts with :func:`default_readiness`."""
    communications: list[Communication] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    delivery_started_on: date | None = None
    """When delivery started (the plan's approved version was kept as a snapshot)."""
    sessions_held: list[SessionHeld] = field(default_factory=list)
    actual_costs: list[ActualCost] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    """The findings log: what was heard."""
    responses: list[Response] = field(default_factory=list)
    """The response log: what was done about each theme."""

    def activity(self, activity_id: str | None) -> Activity | None:
        return next((a for a in self.activities if a.id == activity_id), None)

    def group(self, group_id: str) -> StakeholderGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def method(self, method_id: str | None) -> Method | None:
        return next((m for m in self.methods if m.id == method_id), None)


# Words shown to users for each enumeration value; the UI and the report both use these.
_LABEL_LIST: list[tuple[StrEnum, str]] = [
    (PlanStatus.DRAFT, QT_TRANSLATE_NOOP("Labels", "Draft")),
    (PlanStatus.APPROVED, QT_TRANSLATE_NOOP("Labels", "Approved")),
    (PlanStatus.IN_DELIVERY, QT_TRANSLATE_NOOP("Labels", "In delivery")),
    (PlanStatus.EVALUATED, QT_TRANSLATE_NOOP("Labels", "Evaluated")),
    (StakeholderCategory.SERVICE_USERS, QT_TRANSLATE_NOOP("Labels", "Service users")),
    (StakeholderCategory.RESIDENTS, QT_TRANSLATE_NOOP("Labels", "Residents")),
    (StakeholderCategory.STAFF, QT_TRANSLATE_NOOP("Labels", "Staff")),
    (StakeholderCategory.COMMISSIONERS, QT_TRANSLATE_NOOP("Labels", "Commissioners")),
    (StakeholderCategory.PARTNERS, QT_TRANSLATE_NOOP("Labels", "Partners")),
    (StakeholderCategory.FUNDERS, QT_TRANSLATE_NOOP("Labels", "Funders")),
    (StakeholderCategory.ELECTED_MEMBERS, QT_TRANSLATE_NOOP("Labels", "Elected members")),
    (StakeholderCategory.VOLUNTARY_SECTOR, QT_TRANSLATE_NOOP("Labels", "Voluntary sector")),
    (StakeholderCategory.BUSINESS, QT_TRANSLATE_NOOP("Labels", "Business")),
    (StakeholderCategory.GOVERNANCE, QT_TRANSLATE_NOOP("Labels", "Board and governance")),
    (StakeholderCategory.REGULATORS, QT_TRANSLATE_NOOP("Labels", "Regulators")),
    (StakeholderCategory.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (Position.OPPOSED, QT_TRANSLATE_NOOP("Labels", "Opposed")),
    (Position.SCEPTICAL, QT_TRANSLATE_NOOP("Labels", "Sceptical")),
    (Position.NEUTRAL, QT_TRANSLATE_NOOP("Labels", "Neutral")),
    (Position.INTERESTED, QT_TRANSLATE_NOOP("Labels", "Interested")),
    (Position.SUPPORTIVE, QT_TRANSLATE_NOOP("Labels", "Supportive")),
    (Barrier.LANGUAGE, QT_TRANSLATE_NOOP("Labels", "Language")),
    (Barrier.DISABILITY, QT_TRANSLATE_NOOP("Labels", "Disability")),
    (Barrier.CARING, QT_TRANSLATE_NOOP("Labels", "Caring responsibilities")),
    (Barrier.DIGITAL, QT_TRANSLATE_NOOP("Labels", "Digital exclusion")),
    (Barrier.TRANSPORT, QT_TRANSLATE_NOOP("Labels", "Transport")),
    (Barrier.TIME, QT_TRANSLATE_NOOP("Labels", "Time")),
    (Barrier.LITERACY, QT_TRANSLATE_NOOP("Labels", "Literacy")),
    (IAP2Level.INFORM, QT_TRANSLATE_NOOP("Labels", "Inform")),
    (IAP2Level.CONSULT, QT_TRANSLATE_NOOP("Labels", "Consult")),
    (IAP2Level.INVOLVE, QT_TRANSLATE_NOOP("Labels", "Involve")),
    (IAP2Level.COLLABORATE, QT_TRANSLATE_NOOP("Labels", "Collaborate")),
    (IAP2Level.EMPOWER, QT_TRANSLATE_NOOP("Labels", "Empower")),
    (OutcomeLevel.INDIVIDUAL, QT_TRANSLATE_NOOP("Labels", "Individual")),
    (OutcomeLevel.SERVICE, QT_TRANSLATE_NOOP("Labels", "Service")),
    (OutcomeLevel.STRATEGIC, QT_TRANSLATE_NOOP("Labels", "Strategic")),
    (Mode.FACE_TO_FACE, QT_TRANSLATE_NOOP("Labels", "Face to face")),
    (Mode.ONLINE, QT_TRANSLATE_NOOP("Labels", "Online")),
    (Mode.PAPER, QT_TRANSLATE_NOOP("Labels", "Paper")),
    (Mode.TELEPHONE, QT_TRANSLATE_NOOP("Labels", "Telephone")),
    (CostCategory.STAFF_TIME, QT_TRANSLATE_NOOP("Labels", "Staff time")),
    (CostCategory.VENUE, QT_TRANSLATE_NOOP("Labels", "Venue")),
    (CostCategory.CATERING, QT_TRANSLATE_NOOP("Labels", "Catering")),
    (CostCategory.MATERIALS_PRINT, QT_TRANSLATE_NOOP("Labels", "Materials and print")),
    (CostCategory.PUBLICITY, QT_TRANSLATE_NOOP("Labels", "Publicity")),
    (CostCategory.TRANSLATION, QT_TRANSLATE_NOOP("Labels", "Translation and interpretation")),
    (CostCategory.ACCESSIBILITY, QT_TRANSLATE_NOOP("Labels", "Accessibility")),
    (CostCategory.PARTICIPANT_PAYMENT, QT_TRANSLATE_NOOP("Labels", "Payment for participants' time")),
    (CostCategory.TRAVEL, QT_TRANSLATE_NOOP("Labels", "Travel")),
    (CostCategory.CHILDCARE_CARERS, QT_TRANSLATE_NOOP("Labels", "Childcare and carers")),
    (CostCategory.FACILITATION, QT_TRANSLATE_NOOP("Labels", "Facilitation")),
    (CostCategory.EVALUATION, QT_TRANSLATE_NOOP("Labels", "Evaluation")),
    (CostCategory.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (Unit.HOUR, QT_TRANSLATE_NOOP("Labels", "hour")),
    (Unit.DAY, QT_TRANSLATE_NOOP("Labels", "day")),
    (Unit.SESSION, QT_TRANSLATE_NOOP("Labels", "session")),
    (Unit.PERSON, QT_TRANSLATE_NOOP("Labels", "person")),
    (Unit.ITEM, QT_TRANSLATE_NOOP("Labels", "item")),
    (Unit.EVENT, QT_TRANSLATE_NOOP("Labels", "event")),
    (Unit.WEEK, QT_TRANSLATE_NOOP("Labels", "week")),
    (Unit.MONTH, QT_TRANSLATE_NOOP("Labels", "month")),
    (Unit.LUMP_SUM, QT_TRANSLATE_NOOP("Labels", "lump sum")),
    (SixE.ECONOMY, QT_TRANSLATE_NOOP("Labels", "Economy")),
    (SixE.EFFICIENCY, QT_TRANSLATE_NOOP("Labels", "Efficiency")),
    (SixE.EFFECTIVENESS, QT_TRANSLATE_NOOP("Labels", "Effectiveness")),
    (SixE.EQUITY, QT_TRANSLATE_NOOP("Labels", "Equity")),
    (SixE.EMPOWERMENT, QT_TRANSLATE_NOOP("Labels", "Empowerment")),
    (SixE.EVALUATION, QT_TRANSLATE_NOOP("Labels", "Evaluation")),
    (Scaling.FIXED, QT_TRANSLATE_NOOP("Labels", "Fixed")),
    (Scaling.PER_SESSION, QT_TRANSLATE_NOOP("Labels", "Per session")),
    (Scaling.PER_PARTICIPANT, QT_TRANSLATE_NOOP("Labels", "Per participant")),
    (Scaling.PER_ATTENDANCE, QT_TRANSLATE_NOOP("Labels", "Per participant per session")),
    (NationalStandard.INCLUSION, QT_TRANSLATE_NOOP("Labels", "Inclusion")),
    (NationalStandard.SUPPORT, QT_TRANSLATE_NOOP("Labels", "Support")),
    (NationalStandard.PLANNING, QT_TRANSLATE_NOOP("Labels", "Planning")),
    (NationalStandard.WORKING_TOGETHER, QT_TRANSLATE_NOOP("Labels", "Working together")),
    (NationalStandard.METHODS, QT_TRANSLATE_NOOP("Labels", "Methods")),
    (NationalStandard.COMMUNICATION, QT_TRANSLATE_NOOP("Labels", "Communication")),
    (NationalStandard.IMPACT, QT_TRANSLATE_NOOP("Labels", "Impact")),
    (ImpactCategory.LOCAL, QT_TRANSLATE_NOOP("Labels", "Local or site")),
    (ImpactCategory.NEIGHBOURHOOD, QT_TRANSLATE_NOOP("Labels", "Neighbourhood")),
    (ImpactCategory.SERVICE, QT_TRANSLATE_NOOP("Labels", "Service planning and delivery")),
    (ImpactCategory.POLICY, QT_TRANSLATE_NOOP("Labels", "Policy")),
    (ImpactCategory.STRATEGIC, QT_TRANSLATE_NOOP("Labels", "Major project or strategic plan")),
    (Degree.LOW, QT_TRANSLATE_NOOP("Labels", "Low")),
    (Degree.MEDIUM, QT_TRANSLATE_NOOP("Labels", "Medium")),
    (Degree.HIGH, QT_TRANSLATE_NOOP("Labels", "High")),
    (MilestoneKind.COMMITTEE, QT_TRANSLATE_NOOP("Labels", "Committee meeting")),
    (MilestoneKind.DECISION, QT_TRANSLATE_NOOP("Labels", "Decision")),
    (MilestoneKind.PUBLICATION, QT_TRANSLATE_NOOP("Labels", "Publication")),
    (MilestoneKind.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (RiskRating.LOW, QT_TRANSLATE_NOOP("Labels", "Low")),
    (RiskRating.MEDIUM, QT_TRANSLATE_NOOP("Labels", "Medium")),
    (RiskRating.HIGH, QT_TRANSLATE_NOOP("Labels", "High")),
    (DeliveryStatus.PLANNED, QT_TRANSLATE_NOOP("Labels", "Planned")),
    (DeliveryStatus.HAPPENING, QT_TRANSLATE_NOOP("Labels", "Happening")),
    (DeliveryStatus.DONE, QT_TRANSLATE_NOOP("Labels", "Done")),
    (DeliveryStatus.DROPPED, QT_TRANSLATE_NOOP("Labels", "Dropped")),
    (ResponseKind.WE_DID, QT_TRANSLATE_NOOP("Labels", "You said, we did")),
    (ResponseKind.WE_DID_NOT, QT_TRANSLATE_NOOP("Labels", "We did not, and why")),
]
LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_LIST}
"""Keyed by (enumeration, value): members of different enumerations may share a value
(``OutcomeLevel.SERVICE`` and ``ImpactCategory.SERVICE`` are both "service")."""


def label(value: StrEnum) -> str:
    """The word a user sees for an enumeration value."""
    key = (type(value), value.value) if isinstance(value, StrEnum) else (str, value)
    text = LABELS.get(key)
    return str(value).replace("_", " ").capitalize() if text is None else translate("Labels", text)


# The IAP2 promise to the public at each level (IAP2 Spectrum wording, paraphrased).
IAP2_PROMISES: dict[IAP2Level, str] = {
    IAP2Level.INFORM: "We will keep you informed.",
    IAP2Level.CONSULT: (
        "We will keep you informed, listen to and acknowledge your concerns and aspirations, "
        "and tell you how your input influenced the decision."
    ),
    IAP2Level.INVOLVE: (
        "We will work with you to make sure your concerns and aspirations are reflected in "
        "the options developed, and tell you how your input influenced the decision."
    ),
    IAP2Level.COLLABORATE: (
        "We will look to you for advice and innovation in formulating solutions and include "
        "your recommendations in the decisions as far as possible."
    ),
    IAP2Level.EMPOWER: "We will implement what you decide.",
}

SIX_E_QUESTIONS: dict[SixE, str] = {
    SixE.ECONOMY: QT_TRANSLATE_NOOP(
        "Labels", "Are the inputs (staff, venues, materials) bought at the right price?"
    ),
    SixE.EFFICIENCY: QT_TRANSLATE_NOOP(
        "Labels", "How much engagement (people reached, sessions) does each pound buy?"
    ),
    SixE.EFFECTIVENESS: QT_TRANSLATE_NOOP(
        "Labels", "Will the engagement change decisions and outcomes as intended?"
    ),
    SixE.EQUITY: QT_TRANSLATE_NOOP(
        "Labels", "Do those with least lose out least? Are seldom-heard groups reached?"
    ),
    SixE.EMPOWERMENT: QT_TRANSLATE_NOOP(
        "Labels", "Will people be more able to act in their own and collective interests?"
    ),
    SixE.EVALUATION: QT_TRANSLATE_NOOP(
        "Labels", "Will we keep on track, show value for money and learn lessons?"
    ),
}


def six_e_question(e: SixE) -> str:
    """The question behind one of the six Es, in the user's language."""
    return translate("Labels", SIX_E_QUESTIONS[e])


EVALUATION_QUESTIONS: list[tuple[str, str]] = [
    ("whose_opinion", QT_TRANSLATE_NOOP("Labels", "Whose opinion matters?")),
    ("relative_or_absolute", QT_TRANSLATE_NOOP("Labels", "Is value for money relative or absolute?")),
    ("outcomes_for_whom", QT_TRANSLATE_NOOP("Labels", "What specific outcomes do you require, and who for?")),
    ("evidence", QT_TRANSLATE_NOOP("Labels", "What is the evidence and how is it going to be collected?")),
    ("analysis_by", QT_TRANSLATE_NOOP("Labels", "Who is involved in the analysis?")),
]

VALUE_FOR_WHOM_CHOICES: list[str] = [
    QT_TRANSLATE_NOOP("Labels", "Service users"),
    QT_TRANSLATE_NOOP("Labels", "Customers"),
    QT_TRANSLATE_NOOP("Labels", "Government"),
    QT_TRANSLATE_NOOP("Labels", "Staff"),
    QT_TRANSLATE_NOOP("Labels", "Commissioners"),
    QT_TRANSLATE_NOOP("Labels", "Organisations"),
    QT_TRANSLATE_NOOP("Labels", "Shareholders"),
    QT_TRANSLATE_NOOP("Labels", "Partners"),
    QT_TRANSLATE_NOOP("Labels", "General public (taxpayers)"),
    QT_TRANSLATE_NOOP("Labels", "Neighbourhoods"),
    QT_TRANSLATE_NOOP("Labels", "Wider society"),
]
"""The usual answers to "value for whom?", kept in the plan in English (``value_for_whom``)."""


def value_for_whom_label(text: str) -> str:
    """One of :data:`VALUE_FOR_WHOM_CHOICES` in the user's language; anything else as typed."""
    return translate("Labels", text) if text in VALUE_FOR_WHOM_CHOICES else text
