"""Table cases for the error kinds left after the first accuracy passes (issue 15): dates
counted from a happening ("ten years on from the uprising", "ten years on from the uprising
of March 2011"), comparisons ("earlier than usual"), spans over a period ahead, a year named
inside the phrase ("that spring day in 2011", "one March day in 2003"), a time with its day
after a bracketed zone, a 24-hour clock or four digits with a zone, a weekday with "at
noon", an hour "in the morning", weekdays naming what was done, plans that had passed, "at
the time", "later in the day", "July 9, the day before the vote", "since year-end",
newspapers called "daily", and sentences that do not end at "vs." or "Sept.".

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r


W = "2025-07-23"  # Wednesday
O = "2025-10-25"  # Saturday
M = "2025-03-09"  # Sunday


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a dot after "vs." or a month abbreviation ends no sentence, so the verb after it counts
    (O, "In January, a week after the ruling in Ortiz vs. Mendes, a court clerk resigned.",
     "January", "2025-01", r("2025-01-01", "2025-01-31"), "DATE"),
    (M, "Officials on Sept. 9 will sign the accord.", "Sept. 9", "2025-09-09", r("2025-09-09"),
     "DATE"),
    # a weekday in the possessive names something done that day, unless it is scheduled
    (W, "Relatives will fight Monday's ruling in court.", "Monday", "2025-07-21", r("2025-07-21"),
     "DATE"),
    (W, "Voters will cast ballots in Sunday's election.", "Sunday", "2025-07-27", r("2025-07-27"),
     "DATE"),
    # a plan in the past perfect has had its time
    (W, "The offer had been due to expire Friday, but it was extended.", "Friday", "2025-07-18",
     r("2025-07-18"), "DATE"),
    # a time and its day: after a bracketed other zone, and on a 24-hour clock
    (W, "The quake struck at 9:40 a.m. (0640 GMT) Monday.", "9:40 a.m.", "2025-07-21T09:40",
     r("2025-07-21"), "TIME"),
    (W, "The ceasefire took effect at 15:00 GMT Saturday.", "15:00 GMT Saturday",
     "2025-07-19T15:00", r("2025-07-19"), "TIME"),
    # the year named in the same phrase
    (W, "She remembers that spring day in 2011 when the tanks came.", "that spring day in 2011",
     "2011-SP", r("2011-03-01", "2011-05-31"), "DATE"),
    (W, "Families fled on a winter night in 1999, the elders say.", "winter night in 1999",
     "1999-WI", r("1999-12-01", "2000-02-29"), "DATE"),
    (W, "The tanks came on one March day in 2003.", "one March day in 2003", "2003-03",
     r("2003-03-01", "2003-03-31"), "DATE"),
    (W, "Nobody forgets that bitter January morning in 1986.", "January morning in 1986", "1986-01",
     r("1986-01-01", "1986-01-31"), "DATE"),
    # counted from a happening: its date when the text gives one, else a length of time
    (W, "Ten years on from the uprising, the square is quiet.", "Ten years", "P10Y", "",
     "DURATION"),
    (W, "Ten years on, the square is quiet.", "Ten years", "P10Y", "", "DURATION"),
    (W, "The uprising began in March 2011. Ten years on, the square was quiet.", "Ten years on",
     "2021", r("2021-01-01", "2021-12-31"), "DATE"),
    (W, "The talks resumed two days after July 4.", "two days after July 4", "2025-07-06",
     r("2025-07-06"), "DATE"),
    (W, "The ban was lifted three years after 2019.", "three years after 2019", "2022",
     r("2022-01-01", "2022-12-31"), "DATE"),
    (W, "Rescuers arrived an hour after the collapse.", "an hour", "PT1H", "", "DURATION"),
    # the happening dated inside its own phrase: the count is the date, the year keeps its tag
    (W, "Ten years on from the uprising of March 2011, the square is quiet.", "Ten years on",
     "2021-03", r("2021-03-01", "2021-03-31"), "DATE"),
    (W, "Ten years on from the uprising of March 2011, the square is quiet.", "March 2011",
     "2011-03", r("2011-03-01", "2011-03-31"), "DATE"),
    (W, "A decade on from the 2014 floods, the dikes are higher.", "A decade on", "2024",
     r("2024-01-01", "2024-12-31"), "DATE"),
    (W, "Two years after the coup of 12 March 2011, elections were held.", "Two years after",
     "2013-03-12", r("2013-03-12"), "DATE"),
    (W, "A month after July 4, the talks resumed.", "A month after July 4", "2025-08-04",
     r("2025-08-04"), "DATE"),
    (W, "Five years after the coup, which shocked the region in 2013, the army still rules.",
     "Five years", "P5Y", "", "DURATION"),
    (W, "He spent ten years on the throne before 1990.", "ten years", "P10Y", "", "DURATION"),
    # "since year-end" counts from the last year-end that has passed
    (W, "The index has gained 9% since year-end.", "year-end", "2024",
     r("2024-12-01", "2024-12-31"), "DATE"),
    (W, "The index should gain 9% by year-end.", "year-end", "2025", r("2025-12-01", "2025-12-31"),
     "DATE"),
    # a comparison of two times is a length, not a date
    (W, "The harvest began two weeks earlier than usual.", "two weeks", "P2W", "", "DURATION"),
    (W, "The vote came a day later than planned.", "a day", "P1D", "", "DURATION"),
    # a span over a period ahead
    (W, "Emissions should fall over the following decade.", "the following decade", "P10Y", "",
     "DURATION"),
    (W, "Demand will grow within the coming year.", "the coming year", "P1Y", "", "DURATION"),
    # "at the time", "that same day"
    (W, "The mayor, who was abroad at the time, denied any role.", "the time", "PAST_REF", "",
     "DATE"),
    (W, "Nobody owned a phone at that time, she said.", "that time", "PAST_REF", "", "DATE"),
    (W, "The bridge fell in March. Its designer resigned that same day.", "that same day",
     "2025-03-XX", r("2025-03-01", "2025-03-31"), "DATE"),
    # a weekday and a time after it are one time: "at noon", a 24-hour clock, four digits
    # with a zone; a time in brackets in another zone is the same moment, not a second one
    (W, "Polling stations shut Sunday at noon in the capital.", "Sunday at noon",
     "2025-07-20T12:00", r("2025-07-20"), "TIME"),
    (W, "The convoy crossed Tuesday at 06:30 GMT.", "Tuesday at 06:30 GMT", "2025-07-22T06:30",
     r("2025-07-22"), "TIME"),
    (W, "Shelling stopped at 2300 GMT on Monday, monitors said.", "2300 GMT on Monday",
     "2025-07-21T23:00", r("2025-07-21"), "TIME"),
    (W, "The patrol set out at 0515 hrs.", "0515 hrs", "2025-07-23T05:15", r("2025-07-23"), "TIME"),
    # "the day" of "later in the day" is the day being told; after a date and a comma it
    # restates that date, whatever undated happening it is counted from
    (W, "Crowds gathered early. Later in the day the police withdrew.", "the day", "2025-07-23",
     r("2025-07-23"), "DATE"),
    (W, "The dam broke on June 30. Earlier in the day, engineers had warned of cracks.", "the day",
     "2025-06-30", r("2025-06-30"), "DATE"),
    (W, "Talks stalled on Monday, the day before the envoys were due to leave.", "the day",
     "2025-07-21", r("2025-07-21"), "DATE"),
    (W, "The mayor was last seen on May 2, the eve of the festival.", "the eve", "2025-05-02",
     r("2025-05-02"), "DATE"),
    # an hour with its part of the day instead of a.m./p.m., and "mid afternoon" spaced
    (W, "The shelling woke the town at 4 in the morning.", "4 in the morning", "2025-07-23T04:00",
     r("2025-07-23"), "TIME"),
    (W, "The last bus leaves at 11 at night.", "11 at night", "2025-07-23T23:00", r("2025-07-23"),
     "TIME"),
    (W, "By mid afternoon the roads were clear.", "mid afternoon", "2025-07-23TAF",
     r("2025-07-23"), "TIME"),
]

NONE: list[tuple[str | None, str, str]] = [
    (W, "The ferry sank at 4:10 p.m. (1310 GMT) on Monday.", "1310 GMT"),
    (W, "Pilots flew 1800 hours last year.", "1800"),
    (W, "The guards changed shifts, the day before the strike began.", "the day"),
    (W, "Ticket sales doubled the week before the final.", "the week"),
    (W, "Rents fell the month after the plant closed.", "the month"),
    (W, "The minister spent the day in meetings.", "the day"),
    (W, "The team was 4 in the morning session and 6 later.", "4 in the morning"),
    # a newspaper named after "daily" or "weekly" is no recurring time
    (W, "The pro-government daily Sabah ran the letter in full.", "daily"),
    (W, "An interview with the weekly Al-Ahram Hebdo stirred anger.", "weekly"),
    (W, "Few cars had radios at the time of the blackout.", "the time"),
    (W, "The firm grew faster than expected, two weeks earlier than usual.", "earlier"),
]
