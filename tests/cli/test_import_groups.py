"""``ceplanner import-groups PLAN FILE``: real plan files, real messy sheets on disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.cli import main
from ceplanner.core.model import Plan, StakeholderGroup
from ceplanner.store import PlanStore
from tests.sheets.fixtures import make_fixtures

ROOT = Path(__file__).resolve().parents[2]


def _plan(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, Plan(title="Riverside", groups=[StakeholderGroup(name=n) for n in names])).close()
    return path


def _names(path: Path) -> list[str]:
    with PlanStore.open(path, readonly=True) as store:
        return [g.name for g in store.load().groups]


def test_import_adds_the_good_rows_and_prints_the_mapping_and_each_skipped_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _plan(tmp_path, "Local councillors")
    sheet = make_fixtures.write_xlsx(tmp_path / "register.xlsx")
    assert main(["import-groups", str(plan), str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "Sheet “Register” of register.xlsx, headings in row 4 and 5. Columns used:" in out
    assert "  Name: column B (“Stakeholder group”)" in out
    assert "  Interest: column F (“Scores (High/Medium/Low) / Interest”)" in out
    assert "  Position: not imported" in out
    assert "5 groups will be imported; 5 rows skipped (2 blank rows passed over)." in out
    skipped = [line.strip() for line in out.splitlines() if line.startswith("  Row ")]
    assert skipped == [
        "Row 7: “Local councillors” is already in the plan",
        "Row 13: Interest “Loads” is not a score (use 1 to 5, or High, Medium or Low)",
        "Row 14: Size -5 is out of range (allowed 0 to 100,000,000)",
        "Row 16: a totals row (“Total”)",
        "Row 17: no group name, and numbers: it looks like a totals row",
    ]
    assert f"Imported 5 groups into {plan}." in out
    assert _names(plan) == [
        "Local councillors",
        "Tenants in sheltered housing",
        "Parents of under-5s",
        "Deaf BSL users",
        "Riverside Housing board",
        "Faith groups",
    ]
    with PlanStore.open(plan, readonly=True) as store:
        tenants = store.load().groups[1]
    assert (tenants.size, tenants.power, tenants.interest, tenants.seldom_heard) == (420, 2, 4, True)


def test_dry_run_changes_nothing_and_another_sheet_can_be_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _plan(tmp_path)
    before = plan.read_bytes()
    sheet = make_fixtures.write_xlsx(tmp_path / "register.xlsx")
    assert main(["import-groups", str(plan), str(sheet), "--sheet", "old list 2025", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Sheet “Old list 2025” of register.xlsx, headings in row 1." in out
    assert "1 group will be imported; 0 rows skipped" in out
    assert "Dry run: the plan was not changed." in out
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("renamed.xlsx", b"%PDF-1.7\n%%EOF\n", "renamed.xlsx is a PDF document, not a spreadsheet."),
        ("empty.csv", b"", "empty.csv is empty."),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "old.xls is an old Excel 97-2003 workbook",
        ),
        ("prose.csv", b"Dear colleague,\nplease find attached.\n", "No row of headings naming the groups"),
    ],
)
def test_a_refused_file_exits_1_with_what_to_do_and_leaves_the_plan_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    plan = _plan(tmp_path, "Tenants")
    before = plan.read_bytes()
    bad = tmp_path / name
    bad.write_bytes(content)
    assert main(["import-groups", str(plan), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ceplanner: ") and message in err
    assert "Traceback" not in err
    assert plan.read_bytes() == before


def test_an_unknown_sheet_name_lists_the_sheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _plan(tmp_path)
    sheet = make_fixtures.write_xlsx(tmp_path / "register.xlsx")
    assert main(["import-groups", str(plan), str(sheet), "--sheet", "Summary"]) == 1
    assert (
        "register.xlsx has no sheet called “Summary”; its sheets are “Read me”, “Register”, “Old list 2025”."
        in (capsys.readouterr().err)
    )


def test_the_command_runs_as_a_process_on_a_windows_csv(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    sheet = make_fixtures.write_csv(tmp_path / "cafe.csv")
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "import-groups", str(plan), str(sheet)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "  Row 7: a totals row (“Total”)" in result.stdout
    assert _names(plan) == ["Café regulars", "Résidents' association"]
