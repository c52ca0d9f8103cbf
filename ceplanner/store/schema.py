"""What a plan file's schema is, without loading the migration machinery.

Opening a plan only needs the names of the migrations this version knows, to see whether a
file is current, older or newer; sqlite-utils (which takes a sixth of a second to import) is
loaded only when a file is created or brought up to date. ``tests/store`` checks these names
against the migrations themselves.
"""

from __future__ import annotations

MIGRATION_SET = "ceplanner"
KNOWN_MIGRATIONS: list[str] = [
    "0001_initial",
    "0002_planning_intelligence",
    "0003_plan_content",
    "0004_delivery",
]
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)
