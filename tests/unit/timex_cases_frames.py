"""Table cases for the accuracy step after the rule/lexicon split (issue 15, session 6): what
frame a date is read in. A weekday right after "is" is a timetable; "on a Monday" is some
Monday; an anniversary ("ten years ago today") is one day, week or month; a month without a
year carries on the year of the date before it in its sentence ("on March 12, 2019, and
charged on March 14").

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r


W = "2025-07-23"  # Wednesday
S = "2025-03-09"  # Sunday


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a copula right before the weekday: a timetable, so the day is still to come
    (W, "The final is Saturday in Lyon.", "Saturday", "2025-07-26", r("2025-07-26"), "DATE"),
    (W, "Both hearings are on Monday, a clerk said.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (S, "The count is now on Thursday.", "Thursday", "2025-03-13", r("2025-03-13"), "DATE"),
    (W, "The count was on Monday.", "Monday", "2025-07-21", r("2025-07-21"), "DATE"),
    (W, "The driver, who is 61, was questioned Monday.", "Monday", "2025-07-21", r("2025-07-21"),
     "DATE"),
    # the timetable present of ending and closing: the day is still to come
    (W, "Voting ends at 8 p.m. on Thursday.", "8 p.m. on Thursday", "2025-07-24T20:00",
     r("2025-07-24"), "TIME"),
    (W, "The tender offer expires Friday.", "Friday", "2025-07-25", r("2025-07-25"), "DATE"),
    (W, "The festival kicks off Saturday in Bonn.", "Saturday", "2025-07-26", r("2025-07-26"),
     "DATE"),
    (W, "Shares closed Monday at a record.", "Monday", "2025-07-21", r("2025-07-21"), "DATE"),
    # "is due", "is set for": a plan; "was due", "was set for" may have had their time
    (W, "The pilot is due in court on Thursday.", "Thursday", "2025-07-24", r("2025-07-24"),
     "DATE"),
    (W, "A ruling is set for Friday.", "Friday", "2025-07-25", r("2025-07-25"), "DATE"),
    (W, "The pilot was due in court on Thursday but fled.", "Thursday", "2025-07-17",
     r("2025-07-17"), "DATE"),
    # a verb spelt like its past after "will", "may", "to" is a base form: no past tense
    (W, "The shop will shut at the weekend.", "the weekend", "2025-W30-WE",
     r("2025-07-26", "2025-07-27"), "DATE"),
    (W, "The firm will cut jobs on Monday.", "Monday", "2025-07-28", r("2025-07-28"), "DATE"),
    (W, "The firm cut jobs on Monday.", "Monday", "2025-07-21", r("2025-07-21"), "DATE"),
    # "starting Monday", "until Sunday" in a clause with no past: the coming day
    (W, "Starting Monday, trams will run all night.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (W, "Until Sunday, the museum stays shut.", "Sunday", "2025-07-27", r("2025-07-27"),
     "DATE"),
    (W, "Effective Friday, the curfew is lifted.", "Friday", "2025-07-25", r("2025-07-25"),
     "DATE"),
    (W, "The museum stayed shut until Sunday.", "Sunday", "2025-07-20", r("2025-07-20"),
     "DATE"),
    # "stays shut", "remain closed": a participle after a linking verb is no past tense
    (W, "The schools remain closed until Monday.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    # a month a span runs to, in a present clause: ahead (a past clause leaves it to nearness)
    (W, "The pass stays closed until March.", "March", "2026-03", r("2026-03-01", "2026-03-31"),
     "DATE"),
    (W, "The pass stayed closed until March.", "March", "2025-03", r("2025-03-01", "2025-03-31"),
     "DATE"),
    # "on a Monday": a weekday, no day of the calendar (and so no event date)
    (W, "The fire started on a Saturday, when the mill was empty.", "Saturday", "XXXX-WXX-6",
     "", "DATE"),
    (W, "The raid came on a Thursday night.", "Thursday night", "XXXX-WXX-4TNI", "", "TIME"),
    (W, "Hundreds attended a Sunday evening vigil.", "Sunday evening", "2025-07-20",
     r("2025-07-20"), "DATE"),
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
    # "a week ago Saturday": that many weeks before the latest such day
    (W, "The ferry sank two weeks ago on Friday.", "two weeks ago on Friday", "2025-07-04",
     r("2025-07-04"), "DATE"),
    # a history column's "on this day in 1969": the dateline's day in that year
    (W, "On this day in 1947, the ship was launched.", "this day in 1947", "1947-07-23",
     r("1947-07-23"), "DATE"),
    # a count smaller than the anniversary's unit is no anniversary: the count alone
    (W, "Three days ago this week the pumps failed.", "Three days ago", "2025-07-20",
     r("2025-07-20"), "DATE"),
    # a month naming something scheduled, in a past clause: back only as far as a near tie
    (W, "The bill passed days before the August recess.", "August", "2025-08",
     r("2025-08-01", "2025-08-31"), "DATE"),
    (W, "The March primaries were won by outsiders.", "March", "2025-03",
     r("2025-03-01", "2025-03-31"), "DATE"),
    (W, "The May accord was signed in Doha.", "May", "2025-05", r("2025-05-01", "2025-05-31"),
     "DATE"),
    # a month-day or month without a year carries on the year of the date just before it in
    # its sentence, when that names another year than the dateline's
    (W, "The ship ran aground on 4 May 2018 and was refloated on 9 May.", "9 May",
     "2018-05-09", r("2018-05-09"), "DATE"),
    (W, "She was detained on Oct. 2, 2021, and released on Nov. 30.", "Nov. 30", "2021-11-30",
     r("2021-11-30"), "DATE"),
    (W, "The mine flooded in August 2016 and reopened in December.", "December", "2016-12",
     r("2016-12-01", "2016-12-31"), "DATE"),
    (W, "In 2017, the club was sold and its stadium closed in May.", "May", "2017-05",
     r("2017-05-01", "2017-05-31"), "DATE"),
    # a month before the first date's, told forward with "and": the next year
    (W, "He won the vote in November 2016 and took office in January.", "January", "2017-01",
     r("2017-01-01", "2017-01-31"), "DATE"),
    # ... but looking back, the same year
    (W, "The singer died on 8 March 2019, having fallen ill in January.", "January", "2019-01",
     r("2019-01-01", "2019-01-31"), "DATE"),
    # no frame: an aside (commas around the dated phrase, a relative clause), a plan, or the
    # dateline's own year
    (W, "The bank, founded in June 1999, cut rates in May.", "May", "2025-05",
     r("2025-05-01", "2025-05-31"), "DATE"),
    (W, "Inflation, which peaked in October 2022, eased in June.", "June", "2025-06",
     r("2025-06-01", "2025-06-30"), "DATE"),
    (W, "The pact signed in May 2023 will expire on Aug. 4.", "Aug. 4", "2025-08-04",
     r("2025-08-04"), "DATE"),
    (W, "Rents rose in March 2025 and fell in June.", "June", "2025-06",
     r("2025-06-01", "2025-06-30"), "DATE"),
    # a bare year frames only as the opener of its sentence
    (W, "The team moved to Leeds in 2019 and won the cup in May.", "May", "2025-05",
     r("2025-05-01", "2025-05-31"), "DATE"),
    (W, "In 2019, the firm moved. In March, it hired 40 people.", "March", "2025-03",
     r("2025-03-01", "2025-03-31"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
    # things, places and days of history named after a date word
    (W, "Lights went up on the Christmas tree in the square.", "Christmas"),
    (W, "The crash recalled Black Monday.", "Monday"),
    (W, "Fans tuned in to Monday Night Football.", "Monday Night"),
    # a season with no tense is any such season; a happening the text does not date
    (W, "In winter the ferry runs twice a day.", "winter"),
    (W, "The runoff falls on the same day as the census.", "the same day"),
    # a quote mark before a number opens a quotation unless a preposition makes it a year
    (W, "He shouted '25 to go' at the crowd.", "'25"),
]
