"""Findings the user has accepted as reasonable exceptions, with their reasons. No Qt.

A dismissal names a finding by its rule's code and the item it concerns (``Check.key``). A
dismissal whose finding no longer occurs is kept in the plan but ignored: it applies again only
if the same finding comes back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ceplanner.core.finding import Check
from ceplanner.core.model import Dismissal


@dataclass(frozen=True)
class Accepted:
    check: Check
    dismissal: Dismissal

    @property
    def reason(self) -> str:
        return self.dismissal.reason.strip()


@dataclass(frozen=True)
class Findings:
    """A plan's findings split into those still open and those accepted with a reason."""

    open: list[Check] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)


def split_findings(found: Iterable[Check], dismissals: Iterable[Dismissal]) -> Findings:
    """``found`` split by ``dismissals`` (matched on code and item id), each part in order."""
    by_key = {(d.code, d.item_id or ""): d for d in dismissals}
    result = Findings()
    for check in found:
        dismissal = by_key.get(check.key)
        if dismissal is None:
            result.open.append(check)
        else:
            result.accepted.append(Accepted(check, dismissal))
    return result


def dismissed(dismissals: list[Dismissal], check: Check, reason: str, on: date) -> list[Dismissal]:
    """``dismissals`` with ``check`` accepted for ``reason`` (replacing an earlier reason)."""
    kept = [d for d in dismissals if (d.code, d.item_id or "") != check.key]
    return [
        *kept,
        Dismissal(code=check.code, item_id=check.item_id or "", reason=reason.strip(), dismissed_on=on),
    ]


def restored(dismissals: list[Dismissal], check: Check) -> list[Dismissal]:
    """``dismissals`` without the one that accepts ``check``: the finding is open again."""
    return [d for d in dismissals if (d.code, d.item_id or "") != check.key]
