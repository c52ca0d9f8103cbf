"""The translation tools find our words, and a compiled translation is installed and used.

These run Qt's own ``pyside6-lupdate`` and ``pyside6-lrelease`` (shipped with PySide6) the way
docs/translating.md says to, on the real source.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

import ceplanner
from ceplanner.core import i18n as core_i18n
from ceplanner.ui.i18n import install_translators

PACKAGE = Path(ceplanner.__file__).parent


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def _extract(ts: Path) -> None:
    """What ``make translations`` runs (docs/translating.md), into ``ts``."""
    subprocess.run(
        [_tool("pyside6-lupdate"), "-extensions", "py", str(PACKAGE), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def _messages(ts: Path) -> dict[str, set[str]]:
    """Source texts by context."""
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        found[name] = {m.findtext("source") or "" for m in context.iter("message")}
    return found


def test_lupdate_extracts_the_words_of_menus_columns_buttons_and_pages(tmp_path: Path) -> None:
    ts = tmp_path / "ceplanner_cy.ts"
    _extract(ts)
    messages = _messages(ts)
    total = sum(len(texts) for texts in messages.values())
    assert total > 500
    assert "&File" in messages["MainWindow"]  # a menu
    assert "Save &As…" in messages["MainWindow"]  # a menu item
    assert "Power (1-5)" in messages["Column"]  # a table column header
    assert "Add group" in messages["StakeholdersPage"]  # a button
    assert "Context and purpose" in messages["Wizard"]  # a step
    assert "Costs" in messages["CostsPage"]  # a page title
    assert "Change the {field} of {thing}" in messages["Wording"]  # an undo text
    assert "The plan is damaged" in messages["OpenErrors"]  # a message box


def test_no_message_is_an_f_string_or_formatted_before_translation(tmp_path: Path) -> None:
    """Placeholders are named ``{words}``: an f-string's value baked in would never be found."""
    ts = tmp_path / "all.ts"
    _extract(ts)
    bad = [
        f"{context}: {text!r}"
        for context, texts in _messages(ts).items()
        for text in texts
        if re.search(r"\{[^}]*[^\w:}%.,<>!\- ][^}]*\}", text)
    ]
    assert bad == []


@pytest.fixture
def restore_english() -> Iterator[None]:
    """Core's words back to plain English after the test."""
    yield
    core_i18n.set_translator(None)


def test_a_compiled_translation_is_installed_for_qt_and_for_core(
    qapp: Any, tmp_path: Path, restore_english: None
) -> None:
    ts = tmp_path / "ceplanner_cy.ts"
    _extract(ts)
    text = ts.read_text(encoding="utf-8")
    # Translate one message, as a translator would in Qt Linguist.
    text = text.replace(
        '<source>&amp;File</source>\n        <translation type="unfinished"></translation>',
        "<source>&amp;File</source>\n        <translation>&amp;Ffeil</translation>",
        1,
    )
    assert "Ffeil" in text
    ts.write_text(text, encoding="utf-8")
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(tmp_path / "ceplanner_cy.qm")],
        check=True,
        capture_output=True,
    )
    installed = install_translators(qapp, "cy_GB", folder=tmp_path)  # type: ignore[arg-type]
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "&File") == "&Ffeil"
        assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"  # not translated yet
        assert core_i18n.translate("MainWindow", "&File") == "&Ffeil"  # core uses the same
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_english_installs_nothing_but_routes_core_through_qt(qapp: Any, restore_english: None) -> None:
    installed = install_translators(qapp, "en_GB")
    assert installed == []
    assert core_i18n.translate("Any", "Saved") == "Saved"


def test_the_language_comes_from_ceplanner_locale_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from ceplanner.ui.i18n import chosen_locale

    monkeypatch.setenv("CEPLANNER_LOCALE", "cy_GB")
    assert chosen_locale().name() == "cy_GB"
    assert chosen_locale("fr_FR").name() == "fr_FR"


def _import_time_translations(source: str) -> list[int]:
    """Lines where tr()/translate() would run when the module is imported: at module or class
    level, or in a function's default value (so a translator installed later would not apply)."""
    import ast

    found: list[int] = []

    def calls(node: ast.AST) -> list[int]:
        return [
            n.lineno
            for n in ast.walk(node)
            if isinstance(n, ast.Call)
            and getattr(n.func, "attr", getattr(n.func, "id", "")) in ("tr", "translate")
        ]

    def visit(body: list[ast.stmt]) -> None:
        for statement in body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                defaults = statement.args.defaults + [d for d in statement.args.kw_defaults if d is not None]
                for default in defaults:
                    found.extend(calls(default))
                for decorator in statement.decorator_list:
                    found.extend(calls(decorator))
            elif isinstance(statement, ast.ClassDef):
                visit(statement.body)
            else:
                for child in ast.iter_child_nodes(statement):
                    if not isinstance(child, ast.Lambda):
                        found.extend(line for line in calls(child) if not _inside_lambda(child, line))

    def _inside_lambda(node: ast.AST, line: int) -> bool:
        return any(
            isinstance(n, ast.Lambda) and n.lineno <= line <= (n.end_lineno or n.lineno)
            for n in ast.walk(node)
        )

    visit(ast.parse(source).body)
    return found


def test_no_text_is_translated_at_import_time() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for line in _import_time_translations(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    assert _import_time_translations('X = QCoreApplication.translate("C", "x")\n') == [1]
    assert _import_time_translations('def f(a="", b=QCoreApplication.translate("C", "x")):\n    pass\n') == [
        1
    ]
    assert _import_time_translations('class A:\n    T = QT_TRANSLATE_NOOP("C", "x")\n') == []
    assert _import_time_translations('L = {"a": (lambda: translate("C", "x"))}\n') == []


def test_words_chosen_by_default_follow_a_translator_installed_after_import(
    qapp: Any, restore_english: None
) -> None:
    from ceplanner.core.model import Plan
    from ceplanner.ui import files
    from tests.ui.pseudo import PseudoTranslator

    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    try:
        assert files.suggested_name(Plan()).startswith("⟦Éñgågéméñt")
        assert "⟦" in files.plan_filter()
    finally:
        qapp.removeTranslator(translator)
    assert files.suggested_name(Plan()) == "Engagement plan.ceplan"
