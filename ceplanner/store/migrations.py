"""The plan file's schema, as sqlite-utils migrations.

Never edit a migration once it has landed: add a new one. Every schema version has a fixture
file in ``tests/store/fixtures/schema_vN.ceplan`` that the tests open and migrate.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "ceplanner"
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE file_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL, organisation TEXT NOT NULL, author TEXT NOT NULL,
            purpose TEXT NOT NULL, decision TEXT NOT NULL, decision_maker TEXT NOT NULL,
            negotiable TEXT NOT NULL, not_negotiable TEXT NOT NULL, value_for_whom TEXT NOT NULL,
            start TEXT, "end" TEXT, currency TEXT NOT NULL, staff_day_rate INTEGER NOT NULL,
            contingency_percent TEXT NOT NULL, status TEXT NOT NULL,
            created TEXT NOT NULL, modified TEXT NOT NULL
        );
        CREATE TABLE stakeholder_groups (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            name TEXT NOT NULL, category TEXT NOT NULL, size INTEGER,
            power INTEGER NOT NULL, interest INTEGER NOT NULL, position TEXT NOT NULL,
            seldom_heard INTEGER NOT NULL, equity_notes TEXT NOT NULL, barriers TEXT NOT NULL,
            access_needs TEXT NOT NULL, target_level TEXT NOT NULL, notes TEXT NOT NULL
        );
        CREATE TABLE objectives (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            title TEXT NOT NULL, description TEXT NOT NULL, level TEXT NOT NULL,
            group_ids TEXT NOT NULL
        );
        CREATE TABLE indicators (
            id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, ord INTEGER NOT NULL,
            measure TEXT NOT NULL, baseline TEXT NOT NULL, target TEXT NOT NULL,
            evidence_source TEXT NOT NULL, collection TEXT NOT NULL, analysed_by TEXT NOT NULL
        );
        CREATE TABLE methods (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            name TEXT NOT NULL, description TEXT NOT NULL, levels TEXT NOT NULL, mode TEXT NOT NULL,
            group_size_min INTEGER NOT NULL, group_size_max INTEGER NOT NULL,
            prep_hours TEXT NOT NULL, delivery_hours TEXT NOT NULL, analysis_hours TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE TABLE activities (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            title TEXT NOT NULL, method_id TEXT, description TEXT NOT NULL,
            group_ids TEXT NOT NULL, objective_ids TEXT NOT NULL, level TEXT NOT NULL,
            promise TEXT NOT NULL, start TEXT, "end" TEXT, sessions INTEGER NOT NULL,
            participants INTEGER NOT NULL
        );
        CREATE TABLE cost_lines (
            id TEXT PRIMARY KEY, owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, ord INTEGER NOT NULL,
            category TEXT NOT NULL, description TEXT NOT NULL, unit TEXT NOT NULL,
            quantity TEXT NOT NULL, unit_cost INTEGER NOT NULL, in_kind INTEGER NOT NULL,
            funder TEXT NOT NULL, source TEXT NOT NULL
        );
        CREATE INDEX cost_lines_owner ON cost_lines (owner_kind, owner_id);
        CREATE TABLE evaluation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            whose_opinion TEXT NOT NULL, relative_or_absolute TEXT NOT NULL,
            outcomes_for_whom TEXT NOT NULL, evidence TEXT NOT NULL, analysis_by TEXT NOT NULL,
            method TEXT NOT NULL, budget INTEGER NOT NULL
        );
        CREATE TABLE vfm (
            e TEXT PRIMARY KEY, ord INTEGER NOT NULL, criteria TEXT NOT NULL, rating INTEGER,
            evidence TEXT NOT NULL, commentary TEXT NOT NULL
        );
        CREATE TABLE risks (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            description TEXT NOT NULL, likelihood TEXT NOT NULL, impact TEXT NOT NULL,
            mitigation TEXT NOT NULL, owner TEXT NOT NULL
        );
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL, created TEXT NOT NULL, format_version INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        """,
    )


@migrations(name="0002_planning_intelligence")
def planning_intelligence(db: Database) -> None:
    """Scaling cost lines, consultation timing, budget envelopes, dismissed findings, value-for-money
    measures (social-return forecast, National Standards, influence) and budget scenarios."""
    _run_script(
        db,
        """
        ALTER TABLE cost_lines ADD COLUMN scaling TEXT NOT NULL DEFAULT 'fixed';
        ALTER TABLE activities ADD COLUMN same_people INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE activities ADD COLUMN reports_back INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE plan ADD COLUMN country TEXT NOT NULL DEFAULT 'GB';
        ALTER TABLE plan ADD COLUMN region TEXT NOT NULL DEFAULT 'ENG';
        ALTER TABLE plan ADD COLUMN decision_date TEXT;
        ALTER TABLE plan ADD COLUMN consultation_weeks INTEGER NOT NULL DEFAULT 12;
        ALTER TABLE plan ADD COLUMN analysis_weeks INTEGER NOT NULL DEFAULT 4;
        ALTER TABLE plan ADD COLUMN evaluation_min_percent TEXT NOT NULL DEFAULT '5';
        ALTER TABLE plan ADD COLUMN budget_envelope INTEGER;
        ALTER TABLE plan ADD COLUMN service_annual_cost INTEGER;
        ALTER TABLE plan ADD COLUMN expected_returns TEXT NOT NULL DEFAULT '';
        ALTER TABLE plan ADD COLUMN sroi_discount_percent TEXT NOT NULL DEFAULT '3.5';
        CREATE TABLE funders (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            name TEXT NOT NULL, envelope INTEGER, notes TEXT NOT NULL
        );
        CREATE TABLE dismissals (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            code TEXT NOT NULL, item_id TEXT NOT NULL, reason TEXT NOT NULL, dismissed_on TEXT
        );
        CREATE TABLE sroi_outcomes (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            description TEXT NOT NULL, who TEXT NOT NULL, quantity INTEGER NOT NULL,
            proxy_value INTEGER NOT NULL, proxy_source TEXT NOT NULL, duration_years INTEGER NOT NULL,
            deadweight_percent TEXT NOT NULL, attribution_percent TEXT NOT NULL,
            displacement_percent TEXT NOT NULL, drop_off_percent TEXT NOT NULL
        );
        CREATE TABLE standards (
            standard TEXT PRIMARY KEY, ord INTEGER NOT NULL, rating INTEGER,
            evidence TEXT NOT NULL, actions TEXT NOT NULL
        );
        CREATE TABLE influence (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            assessed_on TEXT, who_took_part TEXT NOT NULL, agency_openness INTEGER,
            community_influence INTEGER, notes TEXT NOT NULL, actions TEXT NOT NULL
        );
        CREATE TABLE scenarios (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            name TEXT NOT NULL, description TEXT NOT NULL, activities TEXT NOT NULL
        );
        """,
    )


@migrations(name="0003_plan_content")
def plan_content(db: Database) -> None:
    """What engagement templates ask for: the issue and its scope, level of impact, history, key
    messages, team, operational and communications plans, closing the loop, document control."""
    plan_text = [
        "issue", "affected", "in_scope", "out_of_scope", "geography", "already_known", "approver",
        "findings_signoff", "doc_version", "feedback_how", "feedback_when", "feedback_channels",
        "feedback_by", "participant_questions",
    ]  # fmt: skip
    statements = [f"ALTER TABLE plan ADD COLUMN {name} TEXT NOT NULL DEFAULT ''" for name in plan_text]
    _run_script(
        db,
        ";".join(statements)
        + """;
        ALTER TABLE plan ADD COLUMN impact_category TEXT;
        ALTER TABLE plan ADD COLUMN impact_reach TEXT;
        ALTER TABLE plan ADD COLUMN impact_depth TEXT;
        ALTER TABLE plan ADD COLUMN impact_contention TEXT;
        ALTER TABLE plan ADD COLUMN approved_on TEXT;
        ALTER TABLE activities ADD COLUMN lead_id TEXT;
        ALTER TABLE cost_lines ADD COLUMN staff_id TEXT;
        ALTER TABLE risks ADD COLUMN review_date TEXT;
        CREATE TABLE past_engagements (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            "when" TEXT NOT NULL, about TEXT NOT NULL, heard TEXT NOT NULL, changed TEXT NOT NULL
        );
        CREATE TABLE key_messages (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL, message TEXT NOT NULL, audience TEXT NOT NULL
        );
        CREATE TABLE team (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL,
            days TEXT NOT NULL, day_rate INTEGER
        );
        CREATE TABLE tasks (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            description TEXT NOT NULL, activity_id TEXT, owner TEXT NOT NULL, due TEXT,
            done INTEGER NOT NULL
        );
        CREATE TABLE readiness (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            description TEXT NOT NULL, done INTEGER NOT NULL, notes TEXT NOT NULL
        );
        CREATE TABLE communications (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            audience TEXT NOT NULL, channel TEXT NOT NULL, timing TEXT NOT NULL, owner TEXT NOT NULL
        );
        CREATE TABLE milestones (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            title TEXT NOT NULL, due TEXT, kind TEXT NOT NULL
        );
        """,
    )


@migrations(name="0004_delivery")
def delivery(db: Database) -> None:
    """Delivery: activities' status, sessions held with attendance by group, actual costs,
    indicators' measured values, the findings and response logs, the six Es and evaluation
    questions answered at the end, and snapshots marked as the approved version."""
    evaluation_text = [
        "whose_opinion_at_end", "relative_or_absolute_at_end", "outcomes_for_whom_at_end",
        "evidence_at_end", "analysis_by_at_end", "lessons",
    ]  # fmt: skip
    statements = [
        f"ALTER TABLE evaluation ADD COLUMN {name} TEXT NOT NULL DEFAULT ''" for name in evaluation_text
    ]
    _run_script(
        db,
        ";".join(statements)
        + """;
        ALTER TABLE activities ADD COLUMN expected_by_group TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE activities ADD COLUMN delivery_status TEXT NOT NULL DEFAULT 'planned';
        ALTER TABLE activities ADD COLUMN dropped_reason TEXT NOT NULL DEFAULT '';
        ALTER TABLE indicators ADD COLUMN measured TEXT NOT NULL DEFAULT '';
        ALTER TABLE indicators ADD COLUMN measured_on TEXT;
        ALTER TABLE vfm ADD COLUMN rating_at_end INTEGER;
        ALTER TABLE vfm ADD COLUMN evidence_at_end TEXT NOT NULL DEFAULT '';
        ALTER TABLE vfm ADD COLUMN commentary_at_end TEXT NOT NULL DEFAULT '';
        ALTER TABLE plan ADD COLUMN delivery_started_on TEXT;
        ALTER TABLE snapshots ADD COLUMN kind TEXT NOT NULL DEFAULT '';
        CREATE TABLE sessions_held (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            activity_id TEXT NOT NULL, held_on TEXT, attendance INTEGER NOT NULL,
            by_group TEXT NOT NULL, notes TEXT NOT NULL
        );
        CREATE TABLE actual_costs (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            activity_id TEXT, description TEXT NOT NULL, category TEXT NOT NULL,
            amount INTEGER NOT NULL, in_kind INTEGER NOT NULL, funder TEXT NOT NULL,
            reference TEXT NOT NULL, spent_on TEXT
        );
        CREATE TABLE themes (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            title TEXT NOT NULL, summary TEXT NOT NULL, group_ids TEXT NOT NULL,
            activity_ids TEXT NOT NULL, how_many INTEGER, quotations TEXT NOT NULL
        );
        CREATE TABLE responses (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL,
            theme_id TEXT, kind TEXT NOT NULL, action TEXT NOT NULL, owner TEXT NOT NULL,
            feedback_on TEXT, channel TEXT NOT NULL, formats TEXT NOT NULL, fed_back INTEGER NOT NULL
        );
        """,
    )


def _run_script(db: Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit and break the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# Names of every migration this version knows, in order; a file that has applied any other
# name was written by a newer ceplanner.
KNOWN_MIGRATIONS: list[str] = [m.name for m in migrations._migrations]
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)
