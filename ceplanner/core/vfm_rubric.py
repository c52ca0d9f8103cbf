"""What each rating from 1 to 6 means for each of the six Es of value for money.

Written once here; the Evaluation step shows the meaning of the chosen number beside the
rating and the PDF prints it in the scorecard.
"""

from __future__ import annotations

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.model import SixE

RATING_SCALE: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("Rubric", "Poor"),
    2: QT_TRANSLATE_NOOP("Rubric", "Weak"),
    3: QT_TRANSLATE_NOOP("Rubric", "Adequate"),
    4: QT_TRANSLATE_NOOP("Rubric", "Good"),
    5: QT_TRANSLATE_NOOP("Rubric", "Very good"),
    6: QT_TRANSLATE_NOOP("Rubric", "Excellent"),
}
"""The word for each point of the 1 to 6 scale, whatever is rated."""

RUBRIC: dict[SixE, dict[int, str]] = {
    SixE.ECONOMY: {
        1: QT_TRANSLATE_NOOP("Rubric", "Costs are guessed; nothing is priced or compared."),
        2: QT_TRANSLATE_NOOP("Rubric", "Some costs priced, but no quotes, rates or sources."),
        3: QT_TRANSLATE_NOOP("Rubric", "Most costs priced from a source; in-kind help not counted."),
        4: QT_TRANSLATE_NOOP("Rubric", "Every cost line priced with a source; in-kind help counted."),
        5: QT_TRANSLATE_NOOP(
            "Rubric", "Prices compared or benchmarked; existing venues and contacts used first."
        ),
        6: QT_TRANSLATE_NOOP(
            "Rubric", "Prices tested against benchmarks, shared costs with partners, nothing paid twice."
        ),
    },
    SixE.EFFICIENCY: {
        1: QT_TRANSLATE_NOOP("Rubric", "No idea how many people the money reaches."),
        2: QT_TRANSLATE_NOOP("Rubric", "Reach estimated for a few activities only."),
        3: QT_TRANSLATE_NOOP("Rubric", "Reach and sessions estimated for every activity."),
        4: QT_TRANSLATE_NOOP("Rubric", "Cost per participant known and reasonable for each method."),
        5: QT_TRANSLATE_NOOP(
            "Rubric", "Methods chosen for reach per pound, existing contact with users reused."
        ),
        6: QT_TRANSLATE_NOOP(
            "Rubric", "Reach per pound high and intelligence carried to decisions without waste."
        ),
    },
    SixE.EFFECTIVENESS: {
        1: QT_TRANSLATE_NOOP("Rubric", "No objectives, or none the activities serve."),
        2: QT_TRANSLATE_NOOP("Rubric", "Objectives stated but with no indicators."),
        3: QT_TRANSLATE_NOOP("Rubric", "Most objectives have an indicator and an activity serving them."),
        4: QT_TRANSLATE_NOOP("Rubric", "Every objective has an indicator and an activity serving it."),
        5: QT_TRANSLATE_NOOP(
            "Rubric", "Indicators have baselines and targets; outcomes at all three levels."
        ),
        6: QT_TRANSLATE_NOOP(
            "Rubric", "Clear line from each activity to a measured change in decisions and services."
        ),
    },
    SixE.EQUITY: {
        1: QT_TRANSLATE_NOOP("Rubric", "Seldom-heard groups not named or not reached."),
        2: QT_TRANSLATE_NOOP(
            "Rubric", "Seldom-heard groups named, but reached at Inform only or not at all."
        ),
        3: QT_TRANSLATE_NOOP("Rubric", "Most seldom-heard groups reached; little access support costed."),
        4: QT_TRANSLATE_NOOP("Rubric", "Every seldom-heard group reached, with access support costed."),
        5: QT_TRANSLATE_NOOP(
            "Rubric", "Seldom-heard groups reached above Consult, with their barriers removed."
        ),
        6: QT_TRANSLATE_NOOP("Rubric", "Those with least shape the outcome; spend weighted towards them."),
    },
    SixE.EMPOWERMENT: {
        1: QT_TRANSLATE_NOOP("Rubric", "People are only told (Inform)."),
        2: QT_TRANSLATE_NOOP("Rubric", "People are asked (Consult) but not involved further."),
        3: QT_TRANSLATE_NOOP("Rubric", "Some activities at Involve; few people shape the options."),
        4: QT_TRANSLATE_NOOP("Rubric", "A fair share of activities and spend at Involve or above."),
        5: QT_TRANSLATE_NOOP("Rubric", "People collaborate on solutions; their time is paid or thanked."),
        6: QT_TRANSLATE_NOOP(
            "Rubric", "People decide (Empower) and are more able to act for themselves afterwards."
        ),
    },
    SixE.EVALUATION: {
        1: QT_TRANSLATE_NOOP("Rubric", "No evaluation planned or costed."),
        2: QT_TRANSLATE_NOOP("Rubric", "Evaluation mentioned but not costed."),
        3: QT_TRANSLATE_NOOP("Rubric", "Evaluation costed; some of the five questions answered."),
        4: QT_TRANSLATE_NOOP("Rubric", "Evaluation costed at a fair share; all five questions answered."),
        5: QT_TRANSLATE_NOOP("Rubric", "Evidence, collection and analysts named for every indicator."),
        6: QT_TRANSLATE_NOOP(
            "Rubric", "Evaluation is independent or community-led and its lessons reported back."
        ),
    },
}


def rubric_text(e: SixE, rating: int | None) -> str:
    """What ``rating`` means for ``e``: "4 (Good): every cost line priced ..."; "" when unrated."""
    if rating is None or rating not in RUBRIC[e]:
        return ""
    return translate("Rubric", "{rating} ({word}): {meaning}").format(
        rating=rating, word=rating_word(rating), meaning=rubric_meaning(e, rating)
    )


def rating_word(rating: int) -> str:
    """The word for a point of the 1 to 6 scale in the user's language ("Good")."""
    return translate("Rubric", RATING_SCALE[rating])


def rubric_meaning(e: SixE, rating: int) -> str:
    """What ``rating`` means for ``e`` in the user's language; "" for a rating off the scale."""
    meaning = RUBRIC[e].get(rating)
    return "" if meaning is None else translate("Rubric", meaning)
