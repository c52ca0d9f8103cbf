"""Promise versus method: does the plan deliver the influence it promises? No Qt.

An activity cannot promise more than its method can deliver (a survey promising Collaborate);
a plan that speaks of co-design while only informing and consulting is tokenism in Arnstein's
terms; the groups with most power and interest need more than information.
"""

from __future__ import annotations

import re

from ceplanner.core.finding import Check, join_words, quoted, warning
from ceplanner.core.i18n import translate
from ceplanner.core.model import IAP2Level, Plan, StakeholderGroup, label

SHARED_POWER_WORDS: tuple[str, ...] = (
    r"co-?design\w*",
    r"co-?produc\w*",
    r"co-?creat\w*",
    r"empower\w*",
    r"collaborat\w*",
)
"""Words (as patterns) that promise shared decision-making: co-design, co-produce, empower..."""
KEY_PLAYER_FROM = 4
"""Power and interest both at least this (of 5): a key player, stricter than the grid's "manage
closely" quadrant (3 and up), so that only the clearest cases are flagged."""
_SHARED_POWER = re.compile(r"\b(?:" + "|".join(SHARED_POWER_WORDS) + r")", re.IGNORECASE)


def shared_power_words(plan: Plan) -> list[str]:
    """The words of the plan's purpose and objectives that promise shared power, each once."""
    texts = [plan.purpose] + [f"{o.title}\n{o.description}" for o in plan.objectives]
    words = (match.group(0).casefold() for text in texts for match in _SHARED_POWER.finditer(text))
    return list(dict.fromkeys(words))


def is_key_player(group: StakeholderGroup) -> bool:
    return group.power >= KEY_PLAYER_FROM and group.interest >= KEY_PLAYER_FROM


def promise_checks(plan: Plan) -> list[Check]:
    found: list[Check] = []
    methods = {m.id: m for m in plan.methods}
    for activity in plan.activities:
        method = methods.get(activity.method_id or "")
        if method is None or not method.levels:
            continue
        most = max(method.levels, key=lambda level: level.rank)
        if activity.level.rank > most.rank:
            found.append(
                warning(
                    "activities",
                    "activity.level-beyond-method",
                    translate(
                        "Checks",
                        "The activity {title} promises {level}, but its method {name} reaches at "
                        "most {most}: choose a method that can deliver it or lower the level.",
                    ).format(
                        title=quoted(activity.title, translate("Checks", "without a title")),
                        level=label(activity.level),
                        name=quoted(method.name, ""),
                        most=label(most),
                    ),
                    activity.id,
                )
            )
    words = shared_power_words(plan)
    low = (IAP2Level.INFORM, IAP2Level.CONSULT)
    if words and plan.activities and all(a.level in low for a in plan.activities):
        said = join_words([f"“{w}”" for w in words[:4]])
        found.append(
            warning(
                "activities",
                "plan.tokenism",
                translate(
                    "Checks",
                    "The purpose or objectives speak of {said}, but every activity only informs "
                    "or consults: plan at least one activity at Involve or above, or reword the "
                    "promise.",
                ).format(said=said),
            )
        )
    above_inform: set[str] = {
        gid for a in plan.activities if a.level is not IAP2Level.INFORM for gid in a.group_ids
    }
    for group in plan.groups:
        if is_key_player(group) and group.id not in above_inform:
            found.append(
                warning(
                    "activities",
                    "group.key-player-inform-only",
                    translate(
                        "Checks",
                        "The group {name} has high power and high interest but no activity asks "
                        "for their views: add one at Consult or above.",
                    ).format(name=quoted(group.name, translate("Checks", "without a name"))),
                    group.id,
                )
            )
    return found
