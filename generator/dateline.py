"""The publication date of an article: front matter `date`, else a dateline in the text.

Recognised at the start of the text (the dateline's span is returned so that it is not
mistaken for an event date):

    date 2024-12-26 The army is ready ...                 (clipper's inline marker)
    ANKARA, July 23, 2025 (Reuters) - Turkey said ...       (wire style, agency optional)
    ISTANBUL, 23 July 2025 — ...
    Wednesday, 23 July 2025 / July 23, 2025 / 23.07.2025 / 2025-07-23   (a line of its own,
        optionally "Published:"/"Updated:" and a time, e.g. above "ANKARA (AP) — ...")
"""

from __future__ import annotations

import re
from datetime import date

from .model import Dateline

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_FORMS = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # July 23, 2025
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",  # 23 July 2025
    rf"{_YEAR}-(?P<nmonth>[01]?\d)-(?P<nday>[0-3]?\d)",  # 2025-07-23
    rf"(?P<dday>[0-3]?\d)\.(?P<dmonth>[01]?\d)\.(?P<dyear>(?:19|20)\d\d)",  # 23.07.2025
    rf"(?P<sday>[0-3]?\d)/(?P<smonth>[01]?\d)/(?P<syear>(?:19|20)\d\d)",  # 23/07/2025 (day first)
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?)?"
_PLACE = r"(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?)"
# "ANKARA (Border Desk) — " under a date line belongs to the dateline, not to the story.
_PLACE_AND_AGENCY = r"(?:\s*[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?\s*\([^)\n]{1,40}\)\s*[-–—]+\s*)?"

INLINE_MARKER = re.compile(r"\A\s*date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
# A date on a line of its own, e.g. above "ANKARA (AP) — ..."
DATE_LINES = tuple(
    re.compile(rf"\A\s*(?i:(?:(?:published|posted|updated|date)\s*(?:on)?:?\s*)?{form}{_TIME})\s*(?:\n|\Z)"
               rf"{_PLACE_AND_AGENCY}")
    for form in DATE_FORMS
)
# Wire style: "ANKARA, July 23, 2025 (Reuters) - "
WIRE_DATELINES = tuple(
    re.compile(rf"\A\s*{_PLACE},\s*(?i:{form})(?:\s*\([^)\n]{{1,40}}\))?\s*(?:[-–—]+|:)\s*")
    for form in DATE_FORMS
)


def find_dateline(text: str, front_matter_date: date | None = None) -> Dateline:
    """The document creation time of a plain text, and the span of its dateline if any."""
    found = _text_dateline(text)
    if front_matter_date is not None:
        return Dateline(front_matter_date, "front matter", found.span if found.date else None)
    return found


def _text_dateline(text: str) -> Dateline:
    head = text[:400]
    marker = INLINE_MARKER.match(head)
    if marker:
        parsed = _safe_date(*map(int, marker.group("iso").split("-")))
        if parsed:
            return Dateline(parsed, "text", (marker.start("iso") - len("date "), marker.end()))
    for pattern in DATE_LINES + WIRE_DATELINES:
        match = pattern.match(head)
        if match:
            parsed = _date_from_match(match)
            if parsed:
                start = len(head) - len(head.lstrip())
                return Dateline(parsed, "text", (start, match.end()))
    return Dateline(None, "none")


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("month"):
        return _safe_date(int(groups["year"]), MONTHS[groups["month"].lower()], int(groups["day"]))
    for prefix in ("n", "d", "s"):
        year = groups.get(f"{prefix}year") or (groups.get("year") if prefix == "n" else None)
        if groups.get(f"{prefix}month") and year:
            return _safe_date(int(year), int(groups[f"{prefix}month"]), int(groups[f"{prefix}day"]))
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
