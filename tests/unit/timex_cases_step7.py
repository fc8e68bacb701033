"""Table cases for the accuracy step of issue 15, session 7: a weekday with a part of the
day is a DATE of that day; ranges of amounts are one length; a thing done on a month-day
ahead of the dateline is last year's.

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r


W = "2025-07-23"  # Wednesday
D = "2025-12-05"  # Friday


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a weekday and a part of the day: the day, as news annotation writes it
    (W, "Looters broke into the depot Saturday night.", "Saturday night", "2025-07-19",
     r("2025-07-19"), "DATE"),
    (W, "The ferry will dock Friday morning.", "Friday morning", "2025-07-25", r("2025-07-25"),
     "DATE"),
    # a timetable present: "enters its second week on Monday" is still to come
    (W, "The inquiry enters its second week on Monday.", "Monday", "2025-07-28",
     r("2025-07-28"), "DATE"),
    # "the weekend" in a timetable present or after "ahead of" is the coming one
    (W, "The squad flies out on Monday before playing at the weekend.", "the weekend",
     "2025-W30-WE", r("2025-07-26", "2025-07-27"), "DATE"),
    (W, "Shoppers stocked up ahead of the weekend.", "the weekend", "2025-W30-WE",
     r("2025-07-26", "2025-07-27"), "DATE"),
    # a verb of promise before "to": what follows is still to come
    (W, "Strikers vowed to march again on Saturday.", "Saturday", "2025-07-26",
     r("2025-07-26"), "DATE"),
    (W, "Farmers promised to block the roads on Monday.", "Monday", "2025-07-28",
     r("2025-07-28"), "DATE"),
    # a span opened on a past day and ending on a weekday still to come
    (D, "The stoppage began on Monday night and will last until Thursday.", "Thursday",
     "2025-12-11", r("2025-12-11"), "DATE"),
    (D, "The stoppage, which began on Tuesday, will last until Thursday morning.",
     "Thursday morning", "2025-12-11", r("2025-12-11"), "DATE"),
    # "is a Sunday", "was a Tuesday": some such weekday, not one day of the calendar
    (W, "Next Christmas Day is a Friday.", "Friday", "XXXX-WXX-5", "", "DATE"),
    # a range of amounts: one length of an unknown number of units
    (W, "Repairs to the pier may take two to three weeks.", "two to three weeks", "PXW", "",
     "DURATION"),
    (W, "The strike lasted four or five days.", "four or five days", "PXD", "", "DURATION"),
    (W, "Licences will be reviewed over the next six to nine months.",
     "the next six to nine months", "PXM", "", "DURATION"),
    (W, "The climb takes 6-8 hours.", "6-8 hours", "PTXH", "", "DURATION"),
    (W, "Terms were cut from ten to eight years.", "eight years", "P8Y", "", "DURATION"),
    (W, "The well ran dry two or three years ago.", "three years ago", "2022",
     r("2022-01-01", "2022-12-31"), "DATE"),
    # a thing done on a month-day ahead of the dateline happened last year
    (D, "The accord was signed on December 20 in Oslo.", "December 20", "2024-12-20",
     r("2024-12-20"), "DATE"),
    (D, "The poet died on Dec. 27 at home, his family said.", "Dec. 27", "2024-12-27",
     r("2024-12-27"), "DATE"),
    (D, "The accord will be signed on December 20.", "December 20", "2025-12-20",
     r("2025-12-20"), "DATE"),
    (D, "The hearing was scheduled on December 20.", "December 20", "2025-12-20",
     r("2025-12-20"), "DATE"),
    (D, "The accord was signed on December 2.", "December 2", "2025-12-02", r("2025-12-02"),
     "DATE"),
    (D, "The deadline was extended to December 20.", "December 20", "2025-12-20",
     r("2025-12-20"), "DATE"),
    (D, "Traders expect another cut on Dec. 18.", "Dec. 18", "2025-12-18", r("2025-12-18"),
     "DATE"),
    # a month-day in a timetable present is still to come, as a weekday is
    (D, "The fair opens on 20 June in the old market.", "20 June", "2026-06-20",
     r("2026-06-20"), "DATE"),
    # a thing done in a month ahead of the dateline's happened last year
    (D, "The mayor was elected in January after a recount.", "January", "2025-01",
     r("2025-01-01", "2025-01-31"), "DATE"),
    (D, "The appeal is heard in January, a clerk said.", "January", "2026-01",
     r("2026-01-01", "2026-01-31"), "DATE"),
    # "since" opens a span on the latest such month or day, however near the next one is
    (D, "The index has climbed since January.", "January", "2025-01",
     r("2025-01-01", "2025-01-31"), "DATE"),
    (D, "The climber has been missing since 29 December.", "29 December", "2024-12-29",
     r("2024-12-29"), "DATE"),
    # a period across two years: a winter is that winter, a season of play one span over
    # both years, named by its first (issue #15)
    (W, "Gas use peaked in the 2022-23 winter.", "2022-23 winter", "2022-WI",
     r("2022-12-01", "2023-02-28"), "DATE"),
    (W, "Ice closed the port in winter 2020/21.", "winter 2020/21", "2020-WI",
     r("2020-12-01", "2021-02-28"), "DATE"),
    (W, "The striker joined before the 2026/27 season.", "2026/27 season", "2026",
     r("2026-01-01", "2027-12-31"), "DATE"),
    # "that spring", "the following winter": the season of the date last mentioned
    (W, "The levee broke on 3 May 1993. That summer, the river rose again.", "That summer",
     "1993-SU", r("1993-06-01", "1993-08-31"), "DATE"),
    (W, "The mill shut in October 2008. The following spring it reopened.",
     "The following spring", "2009-SP", r("2009-03-01", "2009-05-31"), "DATE"),
    # the nth week of a month: the calendar week holding the middle of its seven days
    (W, "Ballots go out in the second week of September.", "the second week of September",
     "2025-W37", r("2025-09-08", "2025-09-14"), "DATE"),
    (W, "The dam burst in the final week of May 2021.", "the final week of May 2021",
     "2021-W21", r("2021-05-24", "2021-05-30"), "DATE"),
    (W, "Crews arrived in the first week of this month.", "the first week of this month",
     "2025-W27", r("2025-06-30", "2025-07-06"), "DATE"),
    # weekdays joined to "every Monday" recur too
    (W, "The library lends toys every Tuesday and Friday.", "Friday", "XXXX-WXX-5", "", "SET"),
    (W, "Each Monday, Wednesday or Saturday a barge leaves.", "Wednesday", "XXXX-WXX-3", "",
     "SET"),
    # a fraction of a unit counted back is counted in the unit below
    (W, "Half a century ago, the mill closed.", "Half a century ago", "1975",
     r("1975-01-01", "1975-12-31"), "DATE"),
    (W, "The quarry flooded two and a half years ago.", "two and a half years ago", "2023-01",
     r("2023-01-01", "2023-01-31"), "DATE"),
    # "on" before a date is the date's preposition, not "N years on" (from then)
    (W, "The driver was jailed for four years on Monday.", "four years", "P4Y", "",
     "DURATION"),
    (W, "The driver was jailed for four years on Monday.", "Monday", "2025-07-21",
     r("2025-07-21"), "DATE"),
    # a day of a year named relative to the dateline
    (W, "The ferry sank on 2 March last year.", "2 March last year", "2024-03-02",
     r("2024-03-02"), "DATE"),
    (W, "The new bridge opens on June 9 next year.", "June 9 next year", "2026-06-09",
     r("2026-06-09"), "DATE"),
    # the week or weekend of a day written day first
    (W, "Talks are pencilled in for the week of 8 September.", "the week of 8 September",
     "2025-W37", r("2025-09-08", "2025-09-14"), "DATE"),
    (W, "Crowds are expected the weekend of 20-21 September.",
     "the weekend of 20-21 September", "2025-W38-WE", r("2025-09-20", "2025-09-21"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
]
