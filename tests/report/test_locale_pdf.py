"""The PDF prints money, numbers and dates in the user's locale (parsed back with pypdf)."""

from __future__ import annotations

import re

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_currency

from ceplanner.core import locale_format
from ceplanner.core.costing import compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.core.money import exponent
from ceplanner.report import build_pdf_bytes
from tests.report.report_fixtures import read_pdf

# pypdf reads a no-break space back as a space; the narrow one (French grouping) stays itself.
HAND_CHECKED = {"de_DE": "67.292,42 £", "fr_FR": "67\u202f292,42 £"}


@pytest.mark.parametrize("name", ["de_DE", "fr_FR"])
def test_grand_total_and_dates_follow_the_locale(name: str) -> None:
    locale_format.set_locale(name)
    plan = sample_plan()
    budget = compute_budget(plan)
    text = " ".join(read_pdf(build_pdf_bytes(plan)).pages)
    printed = format_currency(
        budget.grand_total / 10 ** exponent(plan.currency), plan.currency, locale=name
    ).replace("\xa0", " ")
    if name == "fr_FR":
        printed = printed.replace("£GB", "£")  # the plan's currency decides the symbol
    assert printed == HAND_CHECKED[name]
    # The grand total row: paid, in kind, then the full cost.
    assert re.search(rf"Grand total [^£]+ £ [^£]+ £ {re.escape(printed)}", " ".join(text.split("\n")))
    assert "67,292.42" not in text
    assert plan.start is not None
    assert babel_date(plan.start, "long", locale=name) in text  # "11. Januar 2027", "11 janvier 2027"
    assert {"de_DE": "11. Januar 2027", "fr_FR": "11 janvier 2027"}[name] in text
