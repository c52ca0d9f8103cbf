"""core, store, report and sheets must never import Qt: only ceplanner/ui may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ceplanner"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in QT_ROOTS or n.startswith("ceplanner.ui")]
    return found


def test_qt_free_layers_have_no_qt_imports() -> None:
    offenders = {}
    for layer in ("core", "store", "report", "sheets"):
        for path in (PACKAGE / layer).rglob("*.py"):
            if imports := _qt_imports(path):
                offenders[str(path.relative_to(PACKAGE))] = imports
    assert offenders == {}


def test_checker_detects_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "leak.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert _qt_imports(sample) == ["PySide6.QtCore"]


def test_importing_the_qt_free_layers_loads_no_qt() -> None:
    code = (
        "import sys, ceplanner.core.costing, ceplanner.core.serialize, ceplanner.store, ceplanner.cli\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
