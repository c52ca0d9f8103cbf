"""``ceplanner export PLAN -o FILE``: the format from the extension, clear words for the rest."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ceplanner.cli import main
from ceplanner.core.costing import compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.store import PlanStore
from tests.sheets.sheet_reading import minor


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.ceplan"
    PlanStore.create(path, sample_plan()).close()
    return path


def test_xlsx_from_the_extension(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "Budget.XLSX"
    assert main(["export", str(plan_file), "-o", str(target)]) == 0
    assert f"Wrote {target}" in capsys.readouterr().out
    book = load_workbook(target)
    assert book.sheetnames[0] == "By category" and book.sheetnames[-1] == "Stakeholder register"
    grand = next(r for r in book["By category"].iter_rows(values_only=True) if r[0] == "Grand total")
    assert minor(grand[3]) == compute_budget(sample_plan()).grand_total


@pytest.mark.parametrize("table", ["budget", "groups"])
def test_csv_with_its_table(plan_file: Path, tmp_path: Path, table: str) -> None:
    target = tmp_path / f"{table}.csv"
    assert main(["export", str(plan_file), "-o", str(target), "--table", table]) == 0
    text = target.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    body = list(csv.reader(io.StringIO(text[1:], newline="")))
    plan = sample_plan()
    expected = sum(len(a.cost_lines) for a in plan.activities) + 1 if table == "budget" else len(plan.groups)
    assert len(body) == expected + 1


def test_csv_without_a_table_is_refused_in_words(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    assert main(["export", str(plan_file), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "--table budget" in err and "--table groups" in err and "Traceback" not in err
    assert not target.exists()


def test_an_unknown_extension_lists_the_formats(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(plan_file), "-o", str(tmp_path / "out.ods")]) == 1
    err = capsys.readouterr().err
    for ext in (".pdf", ".docx", ".xlsx", ".csv"):
        assert ext in err
    assert main(["export", str(plan_file), "-o", str(tmp_path / "noextension")]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_options_for_another_format_are_refused(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(plan_file), "-o", str(tmp_path / "a.xlsx"), "--table", "groups"]) == 1
    assert "--table" in capsys.readouterr().err
    assert main(["export", str(plan_file), "-o", str(tmp_path / "a.pdf"), "--reference", str(plan_file)]) == 1
    assert "--reference" in capsys.readouterr().err
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "a.pdf").exists()


def test_an_existing_file_needs_force_and_a_read_only_folder_is_explained(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "b.xlsx"
    target.write_bytes(b"old")
    assert main(["export", str(plan_file), "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == b"old"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert main(["export", str(plan_file), "-o", str(locked / "b.csv"), "--table", "budget"]) == 1
        err = capsys.readouterr().err
        assert "read-only" in err and "Traceback" not in err
    finally:
        locked.chmod(0o755)
    assert main(["export", str(plan_file), "-o", str(target), "--force"]) == 0
    assert load_workbook(target).sheetnames


def test_pdf_is_still_the_default(plan_file: Path) -> None:
    assert main(["export", str(plan_file)]) == 0
    assert plan_file.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
