"""The spreadsheet export writes safely and stays free of Qt, like the report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.core.library import sample_plan
from ceplanner.sheets.export import SheetExportError, export_csv, export_xlsx
from tests.smalldisk import fill, small_disk
from tests.test_layering import PACKAGE, _qt_imports


def test_the_sheets_package_imports_no_qt() -> None:
    assert {str(p): _qt_imports(p) for p in (PACKAGE / "sheets").rglob("*.py") if _qt_imports(p)} == {}
    code = (
        "import sys, ceplanner.sheets.export\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_full_disk_part_way_leaves_the_earlier_file_whole(tmp_path: Path, kind: str) -> None:
    with small_disk(tmp_path / "disk", "192k") as disk:
        target = disk / f"budget.{kind}"
        target.write_bytes(b"the earlier file")
        fill(disk, keep=6000)  # room to start writing, not to finish
        with pytest.raises(SheetExportError, match="disk is full"):
            if kind == "xlsx":
                export_xlsx(sample_plan(), target)
            else:
                export_csv(sample_plan(), target, table="budget")
        assert target.read_bytes() == b"the earlier file"
        assert sorted(p.name for p in disk.iterdir()) == sorted([target.name, "filler"])
