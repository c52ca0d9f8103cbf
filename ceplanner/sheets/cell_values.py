"""Reading one cell as a stakeholder group's field: scores, sizes, yes/no, choices, barriers.

Each reader returns None for an empty cell and raises ValueError, in words, for a value it cannot
take; nothing is clipped into range. Scores in words (Very low to Very high, H/M/L) and on a
1-10 scale are put on the model's own scale, read from its field limits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from ceplanner.core.i18n import translate
from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    TEXT_LIMIT,
    Barrier,
    IAP2Level,
    Position,
    StakeholderCategory,
    StakeholderGroup,
    label,
)
from ceplanner.sheets.read import Cell


def _t(text: str) -> str:
    return translate("GroupImport", text)


SCORE_LIMITS = limits_of(StakeholderGroup, "power")
SCORE_MIN = int(SCORE_LIMITS.minimum or 0)
SCORE_MAX = int(SCORE_LIMITS.maximum or 0)
SIZE_LIMITS = limits_of(StakeholderGroup, "size")
TEN_POINT = 10
"""The other numeric scale sheets use; its scores are put on the model's scale."""


def normalise(heading: object) -> str:
    """A heading reduced for comparison: lower case, no brackets, punctuation or extra spaces;
    "No. of people" and "# of people" become "number of people"."""
    text = str(heading or "").casefold()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"(?:\bno\b\.?|#)\s*(?=of\b)", "number ", text)
    text = text.replace("&", " and ").replace("_", " ")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def has_numbers(row: Sequence[Cell]) -> bool:
    return any(isinstance(v, int | float) and not isinstance(v, bool) for v in row)


def number_in(value: Cell) -> Decimal | None:
    """A number from a numeric cell or text such as "1,200" or " 4 "; None if it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = value.strip().replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[, .']\d{3})+", text):  # thousands grouped: "1,200", "12.500"
        text = re.sub(r"[, .']", "", text)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


_WORD_LEVELS = {
    "very low": 0,
    "vl": 0,
    "very lo": 0,
    "lowest": 0,
    "low": 1,
    "l": 1,
    "lo": 1,
    "medium": 2,
    "med": 2,
    "m": 2,
    "moderate": 2,
    "mid": 2,
    "average": 2,
    "medium high": 3,
    "high": 3,
    "h": 3,
    "hi": 3,
    "medium low": 1,
    "very high": 4,
    "vh": 4,
    "very hi": 4,
    "highest": 4,
}
"""Five word levels from very low (0) to very high (4), spread over the model's scale."""


def word_score(value: Cell) -> bool:
    """Whether the cell scores in words (High, M, Very low) rather than a number."""
    return isinstance(value, str) and normalise(value) in _WORD_LEVELS


def word_scale() -> str:
    """The scores the five words stand for, in words: "Very low 1, Low 2, ..."."""
    words = (_t("Very low"), _t("Low"), _t("Medium"), _t("High"), _t("Very high"))
    return ", ".join(f"{word} {_level_score(level)}" for level, word in enumerate(words))


def _level_score(level: int) -> int:
    span = Decimal(SCORE_MAX - SCORE_MIN) * level / 4
    return SCORE_MIN + int(span.to_integral_value(ROUND_HALF_UP))


def _scale_ten(number: Decimal) -> int:
    scaled = SCORE_MIN + (number - 1) * (SCORE_MAX - SCORE_MIN) / (TEN_POINT - 1)
    return int(scaled.to_integral_value(ROUND_HALF_UP))


def score_from(value: Cell, what: str, ten: bool) -> int | None:
    """A power or interest score on the model's scale; None when the cell is empty.

    ValueError says why a value is not a score (it is never clipped into range).
    """
    if value is None:
        return None
    text = cell_text(value)
    words = normalise(text)
    if words in _WORD_LEVELS:
        return _level_score(_WORD_LEVELS[words])
    out_of = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*/\s*(\d+)\s*", text)
    if out_of and int(out_of.group(2)) in (SCORE_MAX, TEN_POINT):
        number: Decimal | None = Decimal(out_of.group(1))
        ten = int(out_of.group(2)) == TEN_POINT
    else:
        number = number_in(value)
    if number is None:
        raise ValueError(
            _t("{what} “{text}” is not a score (use {low} to {high}, or High, Medium or Low)").format(
                what=what, text=text, low=SCORE_MIN, high=SCORE_MAX
            )
        )
    top = TEN_POINT if ten else SCORE_MAX
    if number < SCORE_MIN or number > top:
        problem = _t("{what} {text} is outside the scale ({low} to {high})").format(
            what=what, text=text, low=SCORE_MIN, high=top
        )
        if not ten and SCORE_MAX < number <= TEN_POINT:
            problem += _t(" (for a 1 to 10 scale, say so in the heading: “{what} (1-10)”)").format(what=what)
        raise ValueError(problem)
    if ten:
        return _scale_ten(number)
    if number != number.to_integral_value():
        raise ValueError(_t("{what} {text} is not a whole number").format(what=what, text=text))
    return int(number)


def size_from(value: Cell) -> int | None:
    """A number of people from a cell ("1,200", "c. 300", "~40", "250+"); None when empty."""
    if value is None:
        return None
    text = cell_text(value)
    cleaned = re.sub(r"^(?:approx\.?|approximately|about|around|c\.|ca\.|~|circa)\s*", "", text, flags=re.I)
    cleaned = cleaned.rstrip("+").strip()
    number = number_in(cleaned) if isinstance(value, str) else number_in(value)
    if number is None:
        raise ValueError(_t("Size “{text}” is not a number of people").format(text=text))
    if number != number.to_integral_value():
        raise ValueError(_t("Size {text} is not a whole number of people").format(text=text))
    size = int(number)
    if problem := SIZE_LIMITS.problem(size):
        raise ValueError(_t("Size {problem}").format(problem=problem))
    return size


_YES = {"yes", "y", "true", "x", "1", "✓", "✔", "ja", "oui", "t"}
_NO = {"no", "n", "false", "0", "-", "–", "f", "none"}


def yes_no(value: Cell) -> bool:
    """A yes/no cell: Yes/No, Y/N, TRUE/FALSE, x or a tick; empty means no."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if not text:
        return False
    first = re.match(r"(\w+)\b\W", text + " ")  # "Yes - language barriers"
    for word in (text, first.group(1) if first else ""):
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise ValueError(_t("“{text}” is not yes or no").format(text=cell_text(value)))


_OTHER_WORDS: dict[str, StrEnum] = {
    "against": Position.OPPOSED,
    "opposes": Position.OPPOSED,
    "in favour": Position.SUPPORTIVE,
    "in favor": Position.SUPPORTIVE,
    "undecided": Position.NEUTRAL,
    "information": IAP2Level.INFORM,
    "informing": IAP2Level.INFORM,
    "consultation": IAP2Level.CONSULT,
    "consulting": IAP2Level.CONSULT,
    "involvement": IAP2Level.INVOLVE,
    "involving": IAP2Level.INVOLVE,
    "collaboration": IAP2Level.COLLABORATE,
    "collaborating": IAP2Level.COLLABORATE,
    "co production": IAP2Level.COLLABORATE,
    "empowerment": IAP2Level.EMPOWER,
    "empowering": IAP2Level.EMPOWER,
    "carers": Barrier.CARING,
    "caring": Barrier.CARING,
    "childcare": Barrier.CARING,
    "english": Barrier.LANGUAGE,
    "english as a second language": Barrier.LANGUAGE,
    "esol": Barrier.LANGUAGE,
    "interpreting": Barrier.LANGUAGE,
    "translation": Barrier.LANGUAGE,
    "internet": Barrier.DIGITAL,
    "no internet": Barrier.DIGITAL,
    "online": Barrier.DIGITAL,
    "disabled": Barrier.DISABILITY,
    "disabilities": Barrier.DISABILITY,
    "mobility": Barrier.DISABILITY,
    "travel": Barrier.TRANSPORT,
    "reading": Barrier.LITERACY,
    "working hours": Barrier.TIME,
    "shift work": Barrier.TIME,
    "council": StakeholderCategory.GOVERNANCE,
    "councillors": StakeholderCategory.ELECTED_MEMBERS,
    "members": StakeholderCategory.ELECTED_MEMBERS,
    "voluntary": StakeholderCategory.VOLUNTARY_SECTOR,
    "vcs": StakeholderCategory.VOLUNTARY_SECTOR,
    "vcse": StakeholderCategory.VOLUNTARY_SECTOR,
    "community sector": StakeholderCategory.VOLUNTARY_SECTOR,
    "businesses": StakeholderCategory.BUSINESS,
    "public": StakeholderCategory.RESIDENTS,
    "patients": StakeholderCategory.SERVICE_USERS,
    "employees": StakeholderCategory.STAFF,
}
"""Other words sheets use for the model's choices (compared after :func:`normalise`)."""


def choice_named(enum: type[StrEnum], text: str) -> StrEnum | None:
    key = normalise(text)
    if not key:
        return None
    for member in enum:
        names = {normalise(member.value), normalise(label(member)), normalise(member.name)}
        if key in names:
            return member
    other = _OTHER_WORDS.get(key)
    if isinstance(other, enum):
        return other
    for member in enum:  # a word that starts the label: "Support" for Supportive, "Carers"
        if len(key) >= 4 and (
            normalise(label(member)).startswith(key) or key.startswith(normalise(member.value))
        ):
            return member
    return None


def choice_from(enum: type[StrEnum], value: Cell, what: str) -> StrEnum | None:
    """A member of ``enum`` named by the cell; None when empty; ValueError lists the choices."""
    if value is None:
        return None
    found = choice_named(enum, cell_text(value))
    if found is None:
        choices = ", ".join(label(m) for m in enum)
        raise ValueError(
            _t("{what} “{text}” is not one of: {choices}").format(
                what=what, text=cell_text(value), choices=choices
            )
        )
    return found


def barriers_from(value: Cell) -> tuple[list[Barrier], list[str]]:
    """The barriers a cell names ("Language; digital exclusion") and the words that are none."""
    if value is None:
        return [], []
    found: list[Barrier] = []
    others: list[str] = []
    for part in re.split(r"[;,/\n]|\band\b", cell_text(value)):
        part = part.strip()
        if not part:
            continue
        member = choice_named(Barrier, part)
        if isinstance(member, Barrier):
            if member not in found:
                found.append(member)
        else:
            others.append(part)
    return found, others


def text_value(value: Cell, what: str) -> str:
    text = cell_text(value)
    if len(text) > TEXT_LIMIT:
        raise ValueError(_t("{what} is longer than {limit:,} characters").format(what=what, limit=TEXT_LIMIT))
    return text
