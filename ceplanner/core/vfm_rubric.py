"""What each rating from 1 to 6 means for each of the six Es of value for money.

Written once here; the Evaluation step shows the meaning of the chosen number beside the
rating and the PDF prints it in the scorecard.
"""

from __future__ import annotations

from ceplanner.core.model import SixE

RATING_SCALE: dict[int, str] = {
    1: "Poor",
    2: "Weak",
    3: "Adequate",
    4: "Good",
    5: "Very good",
    6: "Excellent",
}
"""The word for each point of the 1 to 6 scale, whatever is rated."""

RUBRIC: dict[SixE, dict[int, str]] = {
    SixE.ECONOMY: {
        1: "Costs are guessed; nothing is priced or compared.",
        2: "Some costs priced, but no quotes, rates or sources.",
        3: "Most costs priced from a source; in-kind help not counted.",
        4: "Every cost line priced with a source; in-kind help counted.",
        5: "Prices compared or benchmarked; existing venues and contacts used first.",
        6: "Prices tested against benchmarks, shared costs with partners, nothing paid twice.",
    },
    SixE.EFFICIENCY: {
        1: "No idea how many people the money reaches.",
        2: "Reach estimated for a few activities only.",
        3: "Reach and sessions estimated for every activity.",
        4: "Cost per participant known and reasonable for each method.",
        5: "Methods chosen for reach per pound, existing contact with users reused.",
        6: "Reach per pound high and intelligence carried to decisions without waste.",
    },
    SixE.EFFECTIVENESS: {
        1: "No objectives, or none the activities serve.",
        2: "Objectives stated but with no indicators.",
        3: "Most objectives have an indicator and an activity serving them.",
        4: "Every objective has an indicator and an activity serving it.",
        5: "Indicators have baselines and targets; outcomes at all three levels.",
        6: "Clear line from each activity to a measured change in decisions and services.",
    },
    SixE.EQUITY: {
        1: "Seldom-heard groups not named or not reached.",
        2: "Seldom-heard groups named, but reached at Inform only or not at all.",
        3: "Most seldom-heard groups reached; little access support costed.",
        4: "Every seldom-heard group reached, with access support costed.",
        5: "Seldom-heard groups reached above Consult, with their barriers removed.",
        6: "Those with least shape the outcome; spend weighted towards them.",
    },
    SixE.EMPOWERMENT: {
        1: "People are only told (Inform).",
        2: "People are asked (Consult) but not involved further.",
        3: "Some activities at Involve; few people shape the options.",
        4: "A fair share of activities and spend at Involve or above.",
        5: "People collaborate on solutions; their time is paid or thanked.",
        6: "People decide (Empower) and are more able to act for themselves afterwards.",
    },
    SixE.EVALUATION: {
        1: "No evaluation planned or costed.",
        2: "Evaluation mentioned but not costed.",
        3: "Evaluation costed; some of the five questions answered.",
        4: "Evaluation costed at a fair share; all five questions answered.",
        5: "Evidence, collection and analysts named for every indicator.",
        6: "Evaluation is independent or community-led and its lessons reported back.",
    },
}


def rubric_text(e: SixE, rating: int | None) -> str:
    """What ``rating`` means for ``e``: "4 (Good): every cost line priced ..."; "" when unrated."""
    if rating is None or rating not in RUBRIC[e]:
        return ""
    return f"{rating} ({RATING_SCALE[rating]}): {RUBRIC[e][rating]}"
