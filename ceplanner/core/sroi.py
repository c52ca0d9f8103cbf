"""A social-return forecast in the manner of the Cabinet Office SROI guide (2012): an estimate.

For each outcome, each year from 1 to ``duration_years``:

- the year's value is quantity x proxy value, less deadweight, attribution and displacement
  (each a percentage taken off in turn), times (1 - drop-off) once for every year after the
  first; rounded half-up once to a whole minor unit;
- its present value is the year's value divided by (1 + discount rate) to the power of the
  year (year 1 is discounted too, as the guide does); rounded half-up once to a minor unit.

An outcome's present value is the sum of its years' present values, the forecast's the sum of
its outcomes'. The ratio is present value / the engagement's costed grand total, to two decimal
places. All arithmetic is ``Decimal`` on integer minor units; nothing is a float.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core.costing import compute_budget
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.locale_format import format_number
from ceplanner.core.model import Plan, SroiOutcome
from ceplanner.core.money import round_minor

ESTIMATE_NOTE = QT_TRANSLATE_NOOP(
    "Sroi",
    "This is a forecast, an estimate: financial proxies stand in for values nobody can price "
    "exactly, and the ratio moves with every assumption (see the sensitivity).",
)
"""In English; show :func:`estimate_note`."""
SENSITIVITY_POINTS = Decimal(10)
"""How many percentage points each assumption is raised by in the sensitivity cases."""
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class OutcomeForecast:
    outcome: SroiOutcome
    yearly: list[int]
    """The value in each year, undiscounted, in minor units."""
    present_value: int

    @property
    def total(self) -> int:
        """The undiscounted value over all years."""
        return sum(self.yearly)


@dataclass(frozen=True)
class Forecast:
    outcomes: list[OutcomeForecast]
    present_value: int
    cost: int
    """The engagement's costed grand total, in minor units."""
    discount_percent: Decimal

    @property
    def ratio(self) -> Decimal | None:
        """Present value per unit of cost, to two decimal places; None while nothing is costed."""
        return ratio(self.present_value, self.cost)


@dataclass(frozen=True)
class SensitivityCase:
    name: str
    present_value: int
    ratio: Decimal | None


def ratio(value: int, cost: int) -> Decimal | None:
    if cost <= 0:
        return None
    return (Decimal(value) / cost).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _kept(percent: Decimal) -> Decimal:
    """The fraction left after taking ``percent`` off (never below nothing)."""
    return max(HUNDRED - percent, Decimal(0)) / HUNDRED


def outcome_forecast(outcome: SroiOutcome, discount_percent: Decimal) -> OutcomeForecast:
    """One outcome's yearly values and present value (see the module's rules)."""
    gross = Decimal(outcome.quantity) * outcome.proxy_value
    net = (
        gross
        * _kept(outcome.deadweight_percent)
        * _kept(outcome.attribution_percent)
        * _kept(outcome.displacement_percent)
    )
    keep = _kept(outcome.drop_off_percent)
    rate = 1 + discount_percent / HUNDRED
    yearly: list[int] = []
    present = 0
    for year in range(1, max(outcome.duration_years, 1) + 1):
        value = round_minor(net * keep ** (year - 1))
        yearly.append(value)
        present += round_minor(Decimal(value) / rate**year)
    return OutcomeForecast(outcome, yearly, present)


def forecast(plan: Plan, cost: int | None = None) -> Forecast:
    """The plan's social-return forecast against ``cost`` (default: its costed grand total)."""
    if cost is None:
        cost = compute_budget(plan).grand_total
    rows = [outcome_forecast(o, plan.sroi_discount_percent) for o in plan.sroi_outcomes]
    return Forecast(rows, sum(r.present_value for r in rows), cost, plan.sroi_discount_percent)


def _raised(attr: str) -> Callable[[SroiOutcome], SroiOutcome]:
    def change(outcome: SroiOutcome) -> SroiOutcome:
        value = min(getattr(outcome, attr) + SENSITIVITY_POINTS, HUNDRED)
        return replace(outcome, **{attr: value})

    return change


def _all_raised(outcome: SroiOutcome) -> SroiOutcome:
    for attr in ("deadweight_percent", "attribution_percent", "drop_off_percent"):
        outcome = _raised(attr)(outcome)
    return outcome


CASES: list[tuple[str, Callable[[SroiOutcome], SroiOutcome]]] = [
    (QT_TRANSLATE_NOOP("Sroi", "Deadweight {points} points higher"), _raised("deadweight_percent")),
    (QT_TRANSLATE_NOOP("Sroi", "Attribution {points} points higher"), _raised("attribution_percent")),
    (QT_TRANSLATE_NOOP("Sroi", "Drop-off {points} points higher"), _raised("drop_off_percent")),
    (QT_TRANSLATE_NOOP("Sroi", "Low case: all three {points} points higher"), _all_raised),
]
"""Each sensitivity case's name (English, with ``{points}``) and how it changes an outcome."""


def estimate_note() -> str:
    """:data:`ESTIMATE_NOTE` in the user's language."""
    return translate("Sroi", ESTIMATE_NOTE)


def sensitivity(plan: Plan, cost: int | None = None) -> list[SensitivityCase]:
    """The forecast as it stands, then with each assumption raised by ``SENSITIVITY_POINTS``
    percentage points (capped at 100), then all three together (the low case)."""
    base = forecast(plan, cost)
    found = [SensitivityCase(translate("Sroi", "As forecast"), base.present_value, base.ratio)]
    points = format_number(SENSITIVITY_POINTS)
    for name, change in CASES:
        value = sum(
            outcome_forecast(change(o), plan.sroi_discount_percent).present_value for o in plan.sroi_outcomes
        )
        words = translate("Sroi", name).format(points=points)
        found.append(SensitivityCase(words, value, ratio(value, base.cost)))
    return found


def ratio_text(value: Decimal | None, currency_symbol: str) -> str:
    """The ratio in words ("£2.35 of social value for every £1 spent (estimate)"), or why none."""
    if value is None:
        return translate("Sroi", "No ratio: the engagement has no costs yet.")
    return translate("Sroi", "{symbol}{ratio} of social value for every {symbol}1 spent (estimate)").format(
        symbol=currency_symbol, ratio=value
    )
