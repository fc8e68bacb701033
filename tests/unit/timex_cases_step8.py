"""Table cases for the accuracy step of issue 15, session 8: readings of news prose the
tagger missed or got wrong. A thing done (or still to do) with its object before "in"/"on"
its date; reporting periods "to" a date and "the year to date"; a part of the dateline's
month still to come; the timetable present ("returns on Sunday", "head to the polls", "is in
Brussels on Thursday", "is in two days"); "for the weekend", "this weekend" told on a
weekday; "the following week" counted from a day, not a year; "by the end of the month" of
the date told; a year carried into the next sentence; clock times with "last night".

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r


J = "2025-01-10"  # Friday
F = "2025-02-20"  # Thursday
W = "2025-07-23"  # Wednesday


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a thing done, with its object between the verb and "in"/"on": not after its report
    (J, "She took office in February.", "February", "2024-02", r("2024-02-01", "2024-02-29"),
     "DATE"),
    (J, "Rebels seized the northern town in March, officials said.", "March", "2024-03",
     r("2024-03-01", "2024-03-31"), "DATE"),
    (J, "Police arrested him on the night of 14 October.", "14 October", "2024-10-14",
     r("2024-10-14"), "DATE"),
    # ... but a verb of the future or of intent before the date keeps it ahead
    (J, "The senator said she would take office in February.", "February", "2025-02",
     r("2025-02-01", "2025-02-28"), "DATE"),
    (J, "The minister agreed to step down in February.", "February", "2025-02",
     r("2025-02-01", "2025-02-28"), "DATE"),
    # ... or an object that is a planned event: the date is the event's
    (J, "Officials confirmed the summit in February.", "February", "2025-02",
     r("2025-02-01", "2025-02-28"), "DATE"),
    # a regular -ed word before a noun is an adjective, not the verb of a thing done
    (F, "The bank plans to redeem 40 million unlisted preferred shares on March 3.",
     "March 3", "2025-03-03", r("2025-03-03"), "DATE"),
    (F, "The army closed the border on March 3, a spokesman said.", "March 3", "2024-03-03",
     r("2024-03-03"), "DATE"),
    # a thing still to do, its future auxiliary right before the date, is not dated before
    # its report; a month named as the object of the future verb may be gone by
    ("2026-01-05", "The store will close its doors in December.", "December", "2026-12",
     r("2026-12-01", "2026-12-31"), "DATE"),
    ("2026-01-05", "The store will close on December 28.", "December 28", "2026-12-28",
     r("2026-12-28"), "DATE"),
    ("2026-01-05", "It will take until December to finish the bridge.", "December", "2026-12",
     r("2026-12-01", "2026-12-31"), "DATE"),
    ("2026-01-05", "Figures for December will be published on Friday.", "December", "2025-12",
     r("2025-12-01", "2025-12-31"), "DATE"),
    # a reporting period "to"/"ending" a date: "the week" is its length, as "the year ended"
    (J, "Retail sales rose 3% in the week to 23 November.", "the week", "P1W", "", "DURATION"),
    (J, "Retail sales rose 3% in the week to 23 November.", "23 November", "2024-11-23",
     r("2024-11-23"), "DATE"),
    (J, "Card spending dipped in the week ending Friday.", "the week", "P1W", "", "DURATION"),
    (J, "Exports fell in the month to June, the agency said.", "the month", "P1M", "",
     "DURATION"),
    # ... and, told in a past clause, the period has closed: the latest such month
    (J, "Profits rose 9% in the year to March.", "March", "2024-03",
     r("2024-03-01", "2024-03-31"), "DATE"),
    (J, "Profits are expected to rise in the year to March.", "March", "2025-03",
     r("2025-03-01", "2025-03-31"), "DATE"),
    # a part of the dateline's month still to come: a past clause means last year's month
    (J, "She met him at a party in late January.", "late January", "2024-01",
     r("2024-01-01", "2024-01-31"), "DATE"),
    (J, "The firm collapsed at the end of January.", "the end of January", "2024-01",
     r("2024-01-01", "2024-01-31"), "DATE"),
    (J, "She met him in early January.", "early January", "2025-01",
     r("2025-01-01", "2025-01-31"), "DATE"),
    # ... and a part already gone, in a future clause, next year's
    ("2025-07-26", "The band will tour in early July.", "early July", "2026-07",
     r("2026-07-01", "2026-07-31"), "DATE"),
    ("2025-07-26", "The band will tour in late July.", "late July", "2025-07",
     r("2025-07-01", "2025-07-31"), "DATE"),
    # "due on Friday" after a noun: a figure or a payment still to come, unless it "was due"
    ("2024-07-17", "Retail sales, due on Friday, are forecast to have fallen.", "Friday",
     "2024-07-19", r("2024-07-19"), "DATE"),
    ("2024-07-17", "The payment was due on Friday but never came.", "Friday", "2024-07-12",
     r("2024-07-12"), "DATE"),
    ("2024-07-17", "The rent fell due on Monday.", "Monday", "2024-07-15", r("2024-07-15"),
     "DATE"),
    # the timetable present of coming back: "returns on Sunday" is still to come
    ("2024-09-26", "The president, who returns from Asia on Sunday, praised the vote.",
     "Sunday", "2024-09-29", r("2024-09-29"), "DATE"),
    ("2024-09-26", "The fleet sails for Norway on Saturday.", "Saturday", "2024-09-28",
     r("2024-09-28"), "DATE"),
    (W, "Voters head to the polls on Sunday.", "Sunday", "2025-07-27", r("2025-07-27"), "DATE"),
    (W, "The case goes to trial on Monday.", "Monday", "2025-07-28", r("2025-07-28"), "DATE"),
    (W, "The heads of state met on Monday.", "Monday", "2025-07-21", r("2025-07-21"), "DATE"),
    (W, "Markets reopen on Tuesday after the long weekend.", "Tuesday", "2025-07-29",
     r("2025-07-29"), "DATE"),
    (W, "The ceremony takes place on Sunday.", "Sunday", "2025-07-27", r("2025-07-27"), "DATE"),
    # a present copula of place is a timetable; "to be" with a participle is a plan; a
    # planned event "for" a weekday and a forecast look ahead
    (W, "The minister is in Brussels on Thursday for talks.", "Thursday", "2025-07-24",
     r("2025-07-24"), "DATE"),
    (W, "The minister was in Brussels on Thursday for talks.", "Thursday", "2025-07-17",
     r("2025-07-17"), "DATE"),
    (W, "The report, to be published on Monday, warns of shortages.", "Monday", "2025-07-28",
     r("2025-07-28"), "DATE"),
    (W, "He was said to be in Paris on Monday.", "Monday", "2025-07-21", r("2025-07-21"),
     "DATE"),
    (W, "The union has called a strike for Thursday.", "Thursday", "2025-07-24",
     r("2025-07-24"), "DATE"),
    (W, "Forecasters warn of more rain on Thursday.", "Thursday", "2025-07-24",
     r("2025-07-24"), "DATE"),
    # "forecast" and "broadcast" are their own past tenses
    (W, "The IMF forecast in April that growth would slow.", "April", "2025-04",
     r("2025-04-01", "2025-04-30"), "DATE"),
    (W, "Kickoff is at 3pm on Saturday.", "3pm on Saturday", "2025-07-26T15:00",
     r("2025-07-26"), "TIME"),
    (W, "The new rules come into force on Monday.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (W, "The show airs on Sunday night.", "Sunday night", "2025-07-27", r("2025-07-27"), "DATE"),
    # "for the weekend" told late in the week: the weekend at hand; early in it, the last one
    ("2024-09-26", "The House adjourned for the weekend.", "the weekend", "2024-W39-WE",
     r("2024-09-28", "2024-09-29"), "DATE"),
    ("2024-09-24", "He went home for the weekend.", "the weekend", "2024-W38-WE",
     r("2024-09-21", "2024-09-22"), "DATE"),
    # "the following week (month)" counts on from the last date no coarser than a week
    # (month), not from a year named in passing
    (W, "The strike began on 4 June, the first since 2019. The following week, the union "
     "balloted members.", "The following week", "2025-W24", r("2025-06-09", "2025-06-15"),
     "DATE"),
    (W, "The mill shut on 2 May after losses in 2023. The next month, it was sold.",
     "The next month", "2025-06", r("2025-06-01", "2025-06-30"), "DATE"),
    # "this past weekend" is the last one, "this coming weekend" the next
    ("2025-07-24", "Rain fell across the region this past weekend.", "this past weekend",
     "2025-W29-WE", r("2025-07-19", "2025-07-20"), "DATE"),
    # "this weekend" in a past clause told on a weekday, and "the past weekend": the last one
    ("2025-07-21", "Rain fell across the north this weekend.", "this weekend", "2025-W29-WE",
     r("2025-07-19", "2025-07-20"), "DATE"),
    ("2025-07-21", "More rain will fall this weekend.", "this weekend", "2025-W30-WE",
     r("2025-07-26", "2025-07-27"), "DATE"),
    ("2025-07-21", "Rain fell over the past weekend.", "the past weekend", "2025-W29-WE",
     r("2025-07-19", "2025-07-20"), "DATE"),
    # a rule in force "from" a weekday in a present clause runs from the coming one; data
    # "from Monday" are Monday's
    ("2025-03-06", "The curfew applies from Monday.", "Monday", "2025-03-10", r("2025-03-10"),
     "DATE"),
    ("2025-03-06", "Data from Monday shows a rise in cases.", "Monday", "2025-03-03",
     r("2025-03-03"), "DATE"),
    ("2025-03-06", "Prices rose 3% from Monday.", "Monday", "2025-03-03", r("2025-03-03"),
     "DATE"),
    # a quarter code with its year joined on
    (W, "Profit fell in 3Q24 on weak demand.", "3Q24", "2024-Q3", r("2024-07-01", "2024-09-30"),
     "DATE"),
    # "by the end of the month (year)" in a past clause: of the date just told, when that is
    # not the dateline's; in a future clause, the dateline's
    (W, "The bank failed on March 3. By the end of the month, ten more had closed.",
     "the end of the month", "2025-03", r("2025-03-01", "2025-03-31"), "DATE"),
    (W, "The bank failed in 2008. By the end of the year, ten more had closed.",
     "the end of the year", "2008", r("2008-12-01", "2008-12-31"), "DATE"),
    (W, "The bank failed in 2008. By the end of the year, ten more will close.",
     "the end of the year", "2025", r("2025-12-01", "2025-12-31"), "DATE"),
    (W, "The bank failed on March 3. Ten more will close by the end of the month.",
     "the end of the month", "2025-07", r("2025-07-01", "2025-07-31"), "DATE"),
    # a past sentence opening with a later month(-day) carries on the year the sentence
    # before dated in full; an earlier month, or a bare year before, does not
    (W, "He was arrested on March 12, 2019. On March 14, he was charged.", "March 14",
     "2019-03-14", r("2019-03-14"), "DATE"),
    (W, "Rates were cut in March 2020. In May, the bank cut them again.", "May", "2020-05",
     r("2020-05-01", "2020-05-31"), "DATE"),
    (W, "He was arrested on March 12, 2019. In January, police had searched his home.",
     "January", "2025-01", r("2025-01-01", "2025-01-31"), "DATE"),
    (W, "The firm was founded in 1998. In June, it announced record profits.", "June",
     "2025-06", r("2025-06-01", "2025-06-30"), "DATE"),
    # "is in two days": a present copula before "in" and a count of units is a timetable
    (W, "The vote is in two days.", "two days", "2025-07-25", r("2025-07-25"), "DATE"),
    (W, "The vote was in two days.", "two days", "P2D", "", "DURATION"),
    # a clock time with "last night", "this morning": a time of that day
    (W, "Polls closed at 10pm last night.", "10pm last night", "2025-07-22T22:00",
     r("2025-07-22"), "TIME"),
    # "the year to date": the dateline's year so far, not a span ending on some date
    (W, "Figures for the year to date show a rise in thefts.", "the year to date", "2025",
     r("2025-01-01", "2025-12-31"), "DATE"),
    (W, "Sales in the month to date are flat.", "the month to date", "2025-07",
     r("2025-07-01", "2025-07-31"), "DATE"),
    # British "Tuesday week": a week after the coming Tuesday
    (W, "The inquest resumes Tuesday week.", "Tuesday week", "2025-08-05", r("2025-08-05"),
     "DATE"),
    (W, "Tickets go on sale a week on Saturday.", "a week on Saturday", "2025-08-02",
     r("2025-08-02"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
]
