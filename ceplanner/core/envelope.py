"""The money available against the money asked for: the plan's budget envelope and each funder's.

- The plan's envelope (``Plan.budget_envelope``) is compared with the **cash budget** of
  :mod:`ceplanner.core.costing` (paid costs plus contingency, ``Budget.cash_total``): in-kind
  contributions need no money from it.
- A funder's envelope (``Funder.envelope``, what they have offered) is compared with the full
  cost (paid and in kind) of the cost lines naming that funder (``Budget.by_funder``, the line's
  funder text trimmed, exactly as the budget's funder table counts it). The contingency and the
  plan-level evaluation name no funder, so no funder's figure includes them.

The difference is headroom when what is costed is within the envelope, and an overrun (over
budget by) when it is above it; both in minor units, never a float.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceplanner.core.costing import Budget
from ceplanner.core.i18n import translate
from ceplanner.core.model import Funder, Plan


@dataclass(frozen=True)
class Comparison:
    """An envelope against what is costed against it, in minor units."""

    envelope: int
    costed: int

    @property
    def headroom(self) -> int:
        """Envelope less costed: negative when over the envelope."""
        return self.envelope - self.costed

    @property
    def over(self) -> bool:
        return self.costed > self.envelope

    @property
    def overrun(self) -> int:
        """How much more is costed than the envelope holds (0 when within it)."""
        return max(self.costed - self.envelope, 0)

    @property
    def words(self) -> str:
        """ "Headroom" or "Over budget by": the words for :attr:`difference`."""
        return translate("Summary", "Over budget by") if self.over else translate("Summary", "Headroom")

    @property
    def difference(self) -> int:
        """The amount those words name: the overrun, or the headroom (never negative)."""
        return self.overrun if self.over else self.headroom


@dataclass(frozen=True)
class FunderComparison:
    funder: Funder
    comparison: Comparison


def plan_envelope(plan: Plan, budget: Budget) -> Comparison | None:
    """The plan's envelope against its cash budget; None when no envelope is set."""
    if plan.budget_envelope is None:
        return None
    return Comparison(plan.budget_envelope, budget.cash_total)


def funder_costed(budget: Budget, name: str) -> int:
    """The full cost of the lines naming funder ``name`` (trimmed, as the budget counts it)."""
    name = name.strip()
    return budget.by_funder.get(name, 0) if name else 0


def funder_envelopes(plan: Plan, budget: Budget) -> list[FunderComparison]:
    """Each named funder with an envelope, in the plan's order, against the lines naming them."""
    return [
        FunderComparison(funder, Comparison(funder.envelope, funder_costed(budget, funder.name)))
        for funder in plan.funders
        if funder.envelope is not None and funder.name.strip()
    ]


def line_funder_names(plan: Plan) -> list[str]:
    """The funder names used on the plan's cost lines, trimmed, each once, in first-use order."""
    seen: dict[str, None] = {}
    for activity in plan.activities:
        for line in activity.cost_lines:
            name = line.funder.strip()
            if name:
                seen.setdefault(name, None)
    return list(seen)
