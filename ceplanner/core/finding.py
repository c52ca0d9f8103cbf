"""What the checker reports: a :class:`Check` (one finding) and its :class:`Severity`. No Qt.

The rules themselves live in ``core/checks.py`` and the ``core/rules_*.py`` modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate


class Severity(StrEnum):
    WARNING = "warning"
    """Something that weakens the plan and should be fixed before it is approved."""
    NOTE = "note"
    """Worth a look; the plan may be fine as it is."""


SEVERITY_WORDS: dict[Severity, str] = {
    Severity.WARNING: QT_TRANSLATE_NOOP("Checks", "Warning"),
    Severity.NOTE: QT_TRANSLATE_NOOP("Checks", "Note"),
}


def severity_label(severity: Severity) -> str:
    """ "Warning" or "Note" in the user's language."""
    return translate("Checks", SEVERITY_WORDS[severity])


@dataclass(frozen=True)
class Check:
    severity: Severity
    message: str
    step: str
    """The wizard step where it can be fixed: context, stakeholders, objectives, activities,
    costs, delivery, evaluation or review (the keys of ``ui.wizard.STEPS``)."""
    code: str = ""
    """A stable name for the rule (``activity.no-groups``): for tests, dismissals and ``--json``."""
    item_id: str | None = None
    """The id of the group, objective or activity it concerns, if any (Review selects it)."""

    @property
    def key(self) -> tuple[str, str]:
        """What a dismissal names: the rule's code and the item ("" for the whole plan)."""
        return self.code, self.item_id or ""


def warning(step: str, code: str, message: str, item: str | None = None) -> Check:
    return Check(Severity.WARNING, message, step, code, item)


def note(step: str, code: str, message: str, item: str | None = None) -> Check:
    return Check(Severity.NOTE, message, step, code, item)


def quoted(text: str, fallback: str) -> str:
    """A name in curly quotes, or ``fallback`` when it is blank."""
    return f"“{text.strip()}”" if text.strip() else fallback


def join_words(items: list[str], last: str = "and") -> str:
    """["a", "b", "c"] as "a, b and c" (or "a, b or c" with ``last="or"``)."""
    if len(items) <= 1:
        return "".join(items)
    word = {"and": translate("Checks", "and"), "or": translate("Checks", "or")}.get(last, last)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]
