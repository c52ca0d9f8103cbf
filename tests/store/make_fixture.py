"""Write the fixture of the current schema: ``python -m tests.store.make_fixture``.

Run once when a migration lands, then commit ``schema_vN.ceplan`` and ``schema_vN.json``; never
rewrite an older fixture (they stand for files users already have). The plan is
:func:`tests.factories.full_plan`, with one snapshot named "Sent to board", as every fixture has.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanStore
from ceplanner.store.schema import SCHEMA_VERSION
from tests.factories import full_plan

FIXTURES = Path(__file__).parent / "fixtures"


def main() -> int:
    path = FIXTURES / f"schema_v{SCHEMA_VERSION}.ceplan"
    if path.exists():
        print(f"{path} exists: fixtures of landed schemas are never rewritten.", file=sys.stderr)
        return 1
    plan = full_plan()
    with PlanStore.create(path, plan) as store:
        store.take_snapshot("Sent to board", plan)
        saved = store.load()
    path.with_suffix(".json").write_text(plan_to_json(saved) + "\n", encoding="utf-8")
    print(f"Wrote {path} and {path.with_suffix('.json').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
