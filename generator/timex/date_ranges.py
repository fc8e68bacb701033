"""The year a range's first end takes from its last: "from March 3 to May 9, 2019".

A month or month-day written without a year that opens a range ("to", "until", "through",
"and", a dash) whose other end names its year is of that year, as a writer gives the year
once for both ends; an end later in the calendar than the last is of the year before
("December 28 to January 3, 2020" opens in 2019).
"""

from __future__ import annotations

import re

from generator.timex.lexicon import english

_LEX = english()
_MONTH_NUMBER = _LEX.month_numbers
# the month names and abbreviations as a name is written, longest first so that "June" is
# not read as "Jun"; a lower-case "may" is the verb
_MONTHS = "|".join(sorted((re.escape(name.title()) for name in _MONTH_NUMBER), key=len,
                          reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_LAST_END = re.compile(
    _LEX.pattern("range_link").pattern
    + rf"(?:the\s+)?(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>{_DAY})\b"
    + rf"|(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTHS})\b\.?"
    + rf"|(?P<m3>{_MONTHS})\b\.?)"
    + r",?\s+(?P<y>1\d{3}|20\d{2})(?![\d,]\d)")
REACH = 40  # characters after the first end that the last end must lie within


def year_from_range_end(text: str, end: int, month: int, day: int = 1) -> int | None:
    """The year of a range's first end (month ``month``, day ``day``, written up to
    ``end``) named at its last end right after it, else None."""
    m = _LAST_END.match(text[end:end + REACH])
    if m is None:
        return None
    last_month = _MONTH_NUMBER[(m["m1"] or m["m2"] or m["m3"]).lower()]
    last_day = int(re.sub(r"\D", "", m["d1"] or m["d2"] or "31"))
    year = int(m["y"])
    return year - 1 if (month, day) > (last_month, last_day) else year
