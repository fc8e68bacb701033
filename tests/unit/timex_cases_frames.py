"""Table cases for the accuracy step after the rule/lexicon split (issue 15, session 6): what
frame a date is read in. A weekday right after "is" is a timetable; "on a Monday" is some
Monday; an anniversary ("ten years ago today") is one day, week or month.

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations


W = "2025-07-23"  # Wednesday
S = "2025-03-09"  # Sunday


def r(a: str, b: str | None = None) -> str:
    return f"{a}..{b or a}"


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a copula right before the weekday: a timetable, so the day is still to come
    (W, "The final is Saturday in Lyon.", "Saturday", "2025-07-26", r("2025-07-26"), "DATE"),
    (W, "Both hearings are on Monday, a clerk said.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (S, "The count is now on Thursday.", "Thursday", "2025-03-13", r("2025-03-13"), "DATE"),
    (W, "The count was on Monday.", "Monday", "2025-07-21", r("2025-07-21"), "DATE"),
    (W, "The driver, who is 61, was questioned Monday.", "Monday", "2025-07-21", r("2025-07-21"),
     "DATE"),
    # "on a Monday": a weekday, no day of the calendar (and so no event date)
    (W, "The fire started on a Saturday, when the mill was empty.", "Saturday", "XXXX-WXX-6",
     "", "DATE"),
    (W, "The raid came on a Thursday night.", "Thursday night", "XXXX-WXX-4TNI", "", "TIME"),
    (W, "Hundreds attended a Sunday evening vigil.", "Sunday evening", "2025-07-20TEV",
     r("2025-07-20"), "TIME"),
    # an anniversary: the day, week or month that many years back
    (W, "Thirty years ago today, the first ferry crossed.", "Thirty years ago today",
     "1995-07-23", r("1995-07-23"), "DATE"),
    (W, "A decade ago this week, floods swept the valley.", "A decade ago this week",
     "2015-W30", r("2015-07-20", "2015-07-26"), "DATE"),
    (S, "The band formed 50 years ago this month.", "50 years ago this month", "1975-03",
     r("1975-03-01", "1975-03-31"), "DATE"),
    (W, "A year ago yesterday, the dam gave way.", "A year ago yesterday", "2024-07-22",
     r("2024-07-22"), "DATE"),
    (W, "Four weeks ago today the strike began.", "Four weeks ago today", "2025-06-25",
     r("2025-06-25"), "DATE"),
    # a count smaller than the anniversary's unit is no anniversary: the count alone
    (W, "Three days ago this week the pumps failed.", "Three days ago", "2025-07-20",
     r("2025-07-20"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
]
