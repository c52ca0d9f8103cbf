"""The screens show money in the user's locale and read amounts typed in it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from babel.numbers import format_currency
from PySide6.QtWidgets import QLabel

from ceplanner.core import locale_format
from ceplanner.core.costing import compute_budget
from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, Unit
from ceplanner.ui.cost_model import LINE_COLUMN
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.pages.costs import CostsPage
from ceplanner.ui.wizard import step_index
from tests.ui.helpers import open_document, reopen
from tests.ui.test_costs_page import type_into_cell

NBSP, NNBSP = "\u00a0", "\u202f"
# A line of 1 x £1,234.56, as each locale writes it (checked by hand).
HAND_CHECKED = {"de_DE": f"1.234,56{NBSP}£", "fr_FR": f"1{NNBSP}234,56{NBSP}£"}
TYPED = {"de_DE": "2.500,50", "fr_FR": f"2{NNBSP}500,50"}


@pytest.fixture
def plan() -> Plan:
    line = CostLine(CostCategory.VENUE, "Hall", Unit.SESSION, Decimal(1), 123456)
    return Plan(title="Locale", activities=[Activity(title="Meeting", cost_lines=[line])])


@pytest.mark.parametrize("name", ["de_DE", "fr_FR"])
def test_costs_table_shows_and_reads_the_locale(qtbot: Any, tmp_path: Path, plan: Plan, name: str) -> None:
    locale_format.set_locale(name)
    page = CostsPage(open_document(tmp_path, plan))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    total = page.lines.data(page.lines.index(0, LINE_COLUMN["total"]))
    assert total == HAND_CHECKED[name]
    if name == "de_DE":  # babel agrees where its symbol is the plan's (French babel says "£GB")
        assert total == format_currency(Decimal("1234.56"), "GBP", locale=name)
    type_into_cell(page, qtbot, 0, "unit_cost", TYPED[name])
    assert reopen(page.doc).activities[0].cost_lines[0].unit_cost == 250050
    grand = compute_budget(page.doc.plan).grand_total
    assert page.findChild(QLabel, "costs_total_grand").text() == locale_format.format_amount(
        Decimal(grand).scaleb(-2), "£", 2
    )
    page.grab().save(str(tmp_path / f"costs-{name}.png"))


@pytest.mark.parametrize("name", ["de_DE", "fr_FR"])
def test_review_summary_shows_the_locale(qtbot: Any, sample_file: Path, name: str) -> None:
    locale_format.set_locale(name)
    doc = open_plan(None, sample_file)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    window.go_to(step_index("review") or 0)
    shown = window.findChild(QLabel, "summary_total").text()
    assert shown == {"de_DE": f"67.292,42{NBSP}£", "fr_FR": f"67{NNBSP}292,42{NBSP}£"}[name]
    assert window.findChild(QLabel, "summary_total").text() != "£67,292.42"
    window.close()


def test_group_sizes_show_and_read_back_in_german(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from ceplanner.core.model import StakeholderGroup
    from ceplanner.ui.pages.stakeholders import StakeholdersPage
    from ceplanner.ui.stakeholder_model import COLUMN

    locale_format.set_locale("de_DE")
    plan = Plan(title="Gruppen", groups=[StakeholderGroup(name="Mieter", size=1200)])
    page = StakeholdersPage(open_document(tmp_path, plan))
    qtbot.addWidget(page)
    index = page.model.index(0, COLUMN["size"])
    assert page.model.data(index) == "1.200"
    edit_text = page.model.data(index, Qt.ItemDataRole.EditRole)
    assert page.model.setData(index, edit_text)  # what the editor shows reads back unchanged
    assert page.model.setData(index, "2.500")
    assert reopen(page.doc).groups[0].size == 2500


def test_the_application_takes_its_locale_from_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    from ceplanner.core import i18n
    from ceplanner.ui.app import apply_locale

    monkeypatch.setenv("CEPLANNER_LOCALE", "de_DE")
    try:
        assert apply_locale() == "de_DE"
        assert locale_format.locale_name() == "de_DE"
        monkeypatch.setenv("CEPLANNER_LOCALE", "no such place")
        system = QLocale.system().name()  # "C" on a bare machine, which means en_GB
        try:
            expected = str(locale_format.set_locale(system))
        except locale_format.LocaleNameError:
            expected = "en_GB"
        assert apply_locale() == expected  # an unknown name falls back to the system's, never fails
    finally:
        i18n.set_translator(None)
