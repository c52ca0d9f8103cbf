"""ceplanner/sheets is read by the command line: like core, it never imports Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_layering import PACKAGE, _qt_imports


def test_sheets_has_no_qt_imports() -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): i for p in (PACKAGE / "sheets").rglob("*.py") if (i := _qt_imports(p))
    }
    assert offenders == {}
    assert any(Path(PACKAGE / "sheets").glob("group_import.py"))


def test_importing_sheets_loads_no_qt() -> None:
    code = (
        "import sys, ceplanner.sheets.group_import, ceplanner.sheets.read\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
