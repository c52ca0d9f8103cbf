"""``ceplanner export --document report``, run as a user runs it: a real process, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ceplanner.core.money import format_money
from ceplanner.core.variance import delivery_figures
from ceplanner.report.engagement_report import NOT_IN_DELIVERY, SECTION_TITLES
from ceplanner.store import PlanStore
from tests.report.report_fixtures import read_pdf

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_export_document_report_writes_the_engagement_report(tmp_path: Path) -> None:
    plan_path, out = tmp_path / "delivered.ceplan", tmp_path / "report.pdf"
    assert run("demo", "--delivered", str(plan_path)).returncode == 0
    result = run("export", str(plan_path), "--document", "report", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"Wrote {out}" in result.stdout
    pdf = read_pdf(out.read_bytes())
    assert pdf.outline_titles(0) == SECTION_TITLES
    with PlanStore.open(plan_path, readonly=True) as store:
        plan = store.load()
        info = store.approved_snapshot()
        assert info is not None
        approved = store.snapshot_plan(info.id)
    total = delivery_figures(approved, plan).total
    assert f"Total {format_money(total.planned.total)} {format_money(total.actual.total)}" in pdf.text


def test_the_report_is_refused_for_a_plan_not_in_delivery(tmp_path: Path) -> None:
    plan_path, out = tmp_path / "plan.ceplan", tmp_path / "report.pdf"
    assert run("demo", str(plan_path)).returncode == 0
    result = run("export", str(plan_path), "--document", "report", "-o", str(out))
    assert result.returncode == 1
    assert NOT_IN_DELIVERY in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_the_report_is_only_a_pdf_or_word(tmp_path: Path) -> None:
    plan_path, out = tmp_path / "delivered.ceplan", tmp_path / "report.xlsx"
    assert run("demo", "--delivered", str(plan_path)).returncode == 0
    result = run("export", str(plan_path), "--document", "report", "-o", str(out))
    assert result.returncode == 1
    assert "the engagement report is a PDF or a Word document" in result.stderr
    assert not out.exists()


def test_the_strategy_stays_the_default_document(tmp_path: Path) -> None:
    plan_path, out = tmp_path / "delivered.ceplan", tmp_path / "strategy.pdf"
    assert run("demo", "--delivered", str(plan_path)).returncode == 0
    assert run("export", str(plan_path), "-o", str(out)).returncode == 0
    titles = read_pdf(out.read_bytes()).outline_titles(0)
    assert "Contents" in titles and titles != SECTION_TITLES
