"""Consultation timing, after the Gunning principles: enough time to respond, and to take the
responses into account before the decision. No Qt.

The consultation period runs from the earliest start to the latest end of the activities at
Consult or above that have dates. Public holidays come from the ``holidays`` package, for the
plan's country and region (England, Wales, Scotland and Northern Ireland differ).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ceplanner.core import locale_format
from ceplanner.core.finding import Check, join_words, note, warning
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.model import IAP2Level, Plan

UK_REGIONS: dict[str, str] = {
    "ENG": QT_TRANSLATE_NOOP("Checks", "England"),
    "WLS": QT_TRANSLATE_NOOP("Checks", "Wales"),
    "SCT": QT_TRANSLATE_NOOP("Checks", "Scotland"),
    "NIR": QT_TRANSLATE_NOOP("Checks", "Northern Ireland"),
}
"""The UK's nations as the ``holidays`` package names them (plan.country "GB"); the names are
English: show :func:`region_name`."""


def region_name(code: str) -> str:
    """The name of one of :data:`UK_REGIONS` in the user's language."""
    return translate("Checks", UK_REGIONS[code])


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def words(self) -> str:
        return translate("Checks", "{start} to {end}").format(
            start=day_text(self.start), end=day_text(self.end)
        )


def day_text(day: date) -> str:
    """A date as "1 February 2027"."""
    return locale_format.format_date(day, "long")


def consultation_period(plan: Plan) -> Period | None:
    """From the earliest start to the latest end of the dated activities at Consult or above
    (an activity with one date counts as that day); None when there are none."""
    days: list[date] = []
    for activity in plan.activities:
        if activity.level.rank < IAP2Level.CONSULT.rank:
            continue
        days += [d for d in (activity.start, activity.end) if d is not None]
    if not days:
        return None
    return Period(min(days), max(days))


def public_holidays(plan: Plan, period: Period) -> dict[date, str] | None:
    """The public holidays within ``period`` for the plan's country and region, by date; None when
    the ``holidays`` package does not know the country or region."""
    import holidays  # only when a plan has consultation dates: not at start-up

    try:
        calendar = holidays.country_holidays(
            plan.country.strip().upper(),
            subdiv=plan.region.strip().upper() or None,
            years=range(period.start.year, period.end.year + 1),
        )
    except (NotImplementedError, KeyError, ValueError):
        return None
    return {day: str(name) for day, name in sorted(calendar.items()) if period.start <= day <= period.end}


def place_words(plan: Plan) -> str:
    country, region = plan.country.strip().upper(), plan.region.strip().upper()
    if country == "GB" and region in UK_REGIONS:
        return region_name(region)
    where = translate("Checks", "country “{country}”").format(country=country)
    return where + (translate("Checks", ", region “{region}”").format(region=region) if region else "")


def _weeks(days: int) -> str:
    weeks, rest = divmod(days, 7)
    text = translate("Checks", "{n} week{s}").format(n=weeks, s="s" if weeks != 1 else "")
    days_text = translate("Checks", " and {n} day{s}").format(n=rest, s="s" if rest != 1 else "")
    return text + (days_text if rest else "")


def timing_checks(plan: Plan) -> list[Check]:
    period = consultation_period(plan)
    if period is None:
        return []
    found: list[Check] = []
    if period.days < plan.consultation_weeks * 7:
        found.append(
            warning(
                "activities",
                "consultation.too-short",
                translate(
                    "Checks",
                    "The consultation runs {weeks} ({period}), shorter than the "
                    "{consultation_weeks} weeks the plan sets: give people longer to respond, or "
                    "change the minimum in Check settings on the Review step.",
                ).format(
                    weeks=_weeks(period.days),
                    period=period.words(),
                    consultation_weeks=plan.consultation_weeks,
                ),
            )
        )
    found += _holiday_checks(plan, period)
    if plan.decision_date is None:
        found.append(
            note(
                "context",
                "plan.no-decision-date",
                translate(
                    "Checks",
                    "The plan has no decision date, so it cannot check there is time to analyse "
                    "the responses and report back before the decision: set it on the Context "
                    "and purpose page.",
                ),
            )
        )
    elif period.end >= plan.decision_date:
        found.append(
            warning(
                "activities",
                "consultation.after-decision",
                translate(
                    "Checks",
                    "The consultation ends on {end}, not before the decision on {decision_date}: "
                    "finish it earlier or move the decision date.",
                ).format(end=day_text(period.end), decision_date=day_text(plan.decision_date)),
            )
        )
    elif plan.decision_date - period.end < timedelta(weeks=plan.analysis_weeks):
        left = (plan.decision_date - period.end).days - 1
        found.append(
            warning(
                "activities",
                "consultation.no-analysis-time",
                translate(
                    "Checks",
                    "The consultation ends on {end}, leaving {weeks} before the decision on "
                    "{decision_date}, less than the {analysis_weeks} weeks set aside to analyse "
                    "the responses and report back: finish it earlier.",
                ).format(
                    end=day_text(period.end),
                    weeks=_weeks(max(left, 0)),
                    decision_date=day_text(plan.decision_date),
                    analysis_weeks=plan.analysis_weeks,
                ),
            )
        )
    return found


def _holiday_checks(plan: Plan, period: Period) -> list[Check]:
    found = public_holidays(plan, period)
    if found is None:
        return [
            note(
                "review",
                "plan.holidays-unknown",
                translate(
                    "Checks",
                    "The public holidays of {place_words} are not known, so the consultation "
                    "dates were not checked against them: choose the country and region in Check "
                    "settings on the Review step.",
                ).format(place_words=place_words(plan)),
            )
        ]
    if not found:
        return []
    names = join_words([f"{name} ({day_text(day)})" for day, name in found.items()])
    return [
        note(
            "activities",
            "consultation.spans-holidays",
            translate(
                "Checks",
                "The consultation ({period}) spans public holidays in {place_words}: {names}. "
                "Allow extra time for them.",
            ).format(period=period.words(), place_words=place_words(plan), names=names),
        )
    ]
