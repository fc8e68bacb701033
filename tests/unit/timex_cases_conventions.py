"""Table cases for TimeML conventions the tagger follows (issue 15, the accuracy pass after
the error kinds of timex_cases_news.py): what a TIMEX3 leaves out of its extent, when a
count of units is a date, SETs, and the vague references.

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r

W = "2025-07-23"  # Wednesday
F = "1989-11-02"  # Thursday (financial news)


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # the extent: a preposition or a focus word before the amount stays outside
    (W, "Engineers must restore the line within 48 hours.", "48 hours", "PT48H", "", "DURATION"),
    (W, "The truce held for only six days.", "six days", "P6D", "", "DURATION"),
    (W, "The mayor took office just two months ago.", "two months ago", "2025-05",
     r("2025-05-01", "2025-05-31"), "DATE"),
    (W, "Turnout rose fully ten points within a decade.", "a decade", "P10Y", "", "DURATION"),
    (W, "The firm raised $40 million within a year.", "a year", "P1Y", "", "DURATION"),
    # an approximation is the TIMEX3's own modifier and stays inside
    (W, "The strike lasted about three weeks.", "about three weeks", "P3W", "", "DURATION"),
    # "in" a count of units, in a clause still to come: the date that far from the dateline
    (W, "The assembly will vote on the charter in two weeks.", "two weeks", "2025-W32",
     r("2025-08-04", "2025-08-10"), "DATE"),
    (W, "The bonds would be repaid in ten years, the treasury said.", "ten years", "2035",
     r("2035-01-01", "2035-12-31"), "DATE"),
    (W, "The new terminal opens in three months' time.", "three months", "2025-10",
     r("2025-10-01", "2025-10-31"), "DATE"),
    (W, "Ministers meet in five days to settle the budget.", "five days", "2025-07-28",
     r("2025-07-28"), "DATE"),
    (W, "Relief crews expect to arrive in a few days.", "a few days", "FUTURE_REF", "", "DATE"),
    (W, "The ferry will return in a month or so.", "a month", "FUTURE_REF", "", "DATE"),
    # ... but not in a past clause (within), up to now, or for some such period
    (W, "The army retook the valley in three weeks.", "three weeks", "P3W", "", "DURATION"),
    (W, "The club will win the cup for the first time in twenty years.", "twenty years", "P20Y",
     "", "DURATION"),
    (W, "Inflation will reach its highest rate in a decade.", "a decade", "P10Y", "", "DURATION"),
    (W, "Losses would be small in a year that brought such sales.", "a year", "P1Y", "",
     "DURATION"),
    # a recurring time: "annually" is a SET, in a rate as well
    (W, "The regatta has been held annually since 1921.", "annually", "P1Y", "", "SET"),
    (F, "The change will save $3 million annually.", "annually", "P1Y", "", "SET"),
    (W, "Parliament is elected every five years.", "every five years", "P5Y", "", "SET"),
    (W, "Trams leave the depot every 12 minutes.", "every 12 minutes", "PT12M", "", "SET"),
    # halves and quarters as codes: a half only with its year
    (W, "Freight volumes fell in H2 2024.", "H2 2024", "2024-H2", r("2024-07-01", "2024-12-31"),
     "DATE"),
    (W, "The airline expects a profit in 1H 2026.", "1H 2026", "2026-H1",
     r("2026-01-01", "2026-06-30"), "DATE"),
    # a length used as a noun's modifier: the noun's "the" stays outside
    (W, "The 72-hour curfew was lifted.", "72-hour", "PT72H", "", "DURATION"),
    (W, "Crowds joined the three day march to the capital.", "three day", "P3D", "",
     "DURATION"),
    (W, "The three years of drought emptied the villages.", "The three years", "P3Y", "",
     "DURATION"),
    # a modal of obligation or possibility looks ahead, unless with "have"
    (W, "The accord must be ratified by Friday.", "Friday", "2025-07-25", r("2025-07-25"),
     "DATE"),
    (W, "Flights may resume Monday, the airline said.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (W, "The driver must have crossed the border on Sunday.", "Sunday", "2025-07-20",
     r("2025-07-20"), "DATE"),
    # holidays counted from Easter and from Thanksgiving
    (W, "Pilgrims filled the old city on Good Friday.", "Good Friday", "2025-04-18",
     r("2025-04-18"), "DATE"),
    (W, "Queues formed outside the mall on Black Friday.", "Black Friday", "2024-11-29",
     r("2024-11-29"), "DATE"),
    # a 24-hour time at the end of a sentence (a dot after it, not a decimal)
    (W, "The first blast was heard at 11:30.", "11:30", "2025-07-23T11:30", r("2025-07-23"),
     "TIME"),
    # the weekday that ends a span comes after the day that opens it
    (W, "The summit will run from Monday to Wednesday.", "Wednesday", "2025-07-30",
     r("2025-07-30"), "DATE"),
    (W, "The strike lasted from Thursday to Monday.", "Monday", "2025-07-21", r("2025-07-21"),
     "DATE"),
    (W, "Hearings are planned between Tuesday and Friday.", "Friday", "2025-08-01",
     r("2025-08-01"), "DATE"),
    (W, "Clashes on Tuesday and Sunday killed ten people.", "Sunday", "2025-07-20",
     r("2025-07-20"), "DATE"),
    # "then current": current at a time before the telling
    (F, "Holders may buy shares at half the then-current price.", "then-current", "PAST_REF", "",
     "DATE"),
    (F, "Bonds were swapped at the then current rate of 9%.", "then current", "PAST_REF", "",
     "DATE"),
    # a day counted within a happening, told as today's, is the dateline's day
    (W, "It is the sixth day of the blockade, and food is short.", "the sixth day", "2025-07-23",
     r("2025-07-23"), "DATE"),
    (W, "Today is the 40th consecutive day of the drought.", "the 40th consecutive day",
     "2025-07-23", r("2025-07-23"), "DATE"),
    (W, "It's the second day in a row of power cuts.", "the second day", "2025-07-23",
     r("2025-07-23"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
    (W, "Within 24 hours the ferry was back.", "Within"),
    (W, "It was the fifth day of the march when the rain came.", "the fifth day"),
    (W, "She says it is the first day in office that counts.", "the first day"),
    (W, "Prices rose only marginally.", "only"),
    (W, "Her winning time was 12:07.45 over the course.", "12:07"),
    (W, "He fought in the Six-Day War as a young man.", "Six-Day"),
    (W, "Historians still argue about the Thirty Years' War.", "Thirty Years"),
    (W, "The clinic saw an H1N1 case and an H2 patient.", "H2"),
]
