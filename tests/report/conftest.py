"""Fixtures for the report tests (no Qt here: the report must not need it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ceplanner.core.model import Plan
from tests.report.report_fixtures import ISSUED, Pdf, make_big_plan, make_rich_plan, read_pdf


@pytest.fixture
def rich_plan() -> Plan:
    return make_rich_plan()


@pytest.fixture(scope="session")
def rich_pdf() -> Pdf:
    from ceplanner.report import build_pdf_bytes

    return read_pdf(build_pdf_bytes(make_rich_plan(), issued=ISSUED))


@pytest.fixture
def build() -> Callable[..., Pdf]:
    """Build a plan's PDF and read it back: ``build(plan, paper="letter")``."""
    from ceplanner.report import build_pdf_bytes

    def run(plan: Plan, **options: Any) -> Pdf:
        options.setdefault("issued", ISSUED)
        return read_pdf(build_pdf_bytes(plan, **options))

    return run


@pytest.fixture
def big_plan() -> Plan:
    return make_big_plan()
