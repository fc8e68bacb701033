"""Table cases for the accuracy step of issue 15, session 14: a range of days or months
whose last end names the year gives it to both ends ("12-16 August 2019", "August 12-16,
2019", "from March 3 to May 9, 2019", "between March and June 2018"; an end later in the
calendar than the last is of the year before: "December 28 to January 3, 2020"); "one day"
after a verb of lasting, or "been", is a length ("the trial lasted one day", "had been in
office one day"), and in a wish the vague day ahead ("voiced the hope he would one day"); a season of a
year placed from the dateline ("the autumn of last year", "summer next year"); the first or
last day of a month or year ("the last day of June", "the first day of 2024", "the last
day of the month", the month told or the dateline's); a year or century with its era ("AD
79", "64 A.D.", "753 BC", "the 5th century BC": TIMEX3's "BC0753", "BC04", with no day range);
"the next day" after a month of another month than the dateline's is a day of that month
("in September 2008. The next day": 2008-09-XX), not the day after the dateline; a time
told by the minutes past or to an hour after a preposition of time ("at half past nine",
"at a quarter to six in the evening"); "by month's end", "at week's end": that month or
week, as "by year's end" is the year; an old year in a list or range of years, or alone in
brackets, needs no preposition ("in 1845, 1846 and 1847", "reigned 1509–1547", "the siege
(1683)"), while a range a number word opens is a count ("pages 1200-1250"); two ordinals
before "centuries" are two centuries ("the 14th and 15th centuries"); "the winter of
1962-63" is that winter, as "winter 1962-63" is; a year's quarter or half in the
possessive ("2019's first quarter", "this year's second half"); "the 3rd of last month" is
that day, and "on the 3rd and left on the 5th" reads both days; "the last days of June",
"the early months of 2021" are no span of days or months (the period after "of" is tagged);
a date with the year first and slashes or dots ("2019/11/05"); a month before a hyphen and
another month opens a range ("January-March 2014"); a quarter by its first and last months
("the April-June quarter"); a month and a short year ("March '25"); "the Tuesday before
last", "the Friday after next": a week beyond last Tuesday, next Friday; "June the 21st";
"Thursday the 21st": the 21st that is a Thursday, of the month told or the nearest month;
"some years ago" is the vague past, as "several years ago"; "the latest fiscal year" (month,
week) is the last one ended, as "the latest quarter" is; "two and a half weeks" is 17.5 days
(P17DT12H), not rounded to 18; a weekday's abbreviation opening a date is part of it ("Sun.,
March 2", "Mon 3 Mar 2025"); "the autumn" in a past clause after a date of another year is
that year's ("The war began in 1914. By the autumn...").

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r


W = "2025-07-23"  # Wednesday
X = None  # no dateline

CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a range of days before the month and its year: two dates, both of that year, the
    # month's abbreviation no longer cut from its name ("16 Aug|ust")
    (W, "The regatta was sailed over 12-16 August 2019.", "12", "2019-08-12", r("2019-08-12"),
     "DATE"),
    (W, "The regatta was sailed over 12-16 August 2019.", "16 August 2019", "2019-08-16",
     r("2019-08-16"), "DATE"),
    (W, "Delegates sat on 14 and 15 April 2012 in Oslo.", "14", "2012-04-14", r("2012-04-14"),
     "DATE"),
    # a range of days after the month, before the year
    (W, "The kilns were fired August 12-16, 2019.", "August 12", "2019-08-12", r("2019-08-12"),
     "DATE"),
    (W, "The kilns were fired August 12-16, 2019.", "16, 2019", "2019-08-16", r("2019-08-16"),
     "DATE"),
    (W, "Auditions ran May 3 to 5, 2011.", "May 3", "2011-05-03", r("2011-05-03"), "DATE"),
    # a range of two dates: the first takes the year written at the last
    (W, "The archive stayed shut from March 3 to May 9, 2019.", "March 3", "2019-03-03",
     r("2019-03-03"), "DATE"),
    (W, "The archive stayed shut from 3 March to 9 May 2019.", "3 March", "2019-03-03",
     r("2019-03-03"), "DATE"),
    (W, "The survey ran June 30 - July 2, 2019.", "June 30", "2019-06-30", r("2019-06-30"),
     "DATE"),
    (X, "The survey ran June 30 - July 2, 2019.", "June 30", "2019-06-30", r("2019-06-30"),
     "DATE"),
    # ... a year back when its month-day comes later in the calendar
    (W, "The road was closed from December 28 to January 3, 2020.", "December 28",
     "2019-12-28", r("2019-12-28"), "DATE"),
    # ... and a month alone, "March" after a preposition no verb
    (W, "The kiln was fired from March to June 2017.", "March", "2017-03",
     r("2017-03-01", "2017-03-31"), "DATE"),
    (W, "Grain was rationed between November and February 1947.", "November", "1946-11",
     r("1946-11-01", "1946-11-30"), "DATE"),
    (W, "They came in March to protest the levy.", "March", "2025-03",
     r("2025-03-01", "2025-03-31"), "DATE"),
    # "one day" after a verb of lasting or "been": a length, not "some day"
    (W, "The inquest lasted one day.", "one day", "P1D", "", "DURATION"),
    (W, "The envoy stayed one day and flew home.", "one day", "P1D", "", "DURATION"),
    (W, "The coach had been in charge one day when he quit.", "one day", "P1D", "",
     "DURATION"),
    # ... while a day of its story stays the vague one, and a wish looks ahead
    (W, "She met the painter one day at the docks.", "one day", "PAST_REF", "", "DATE"),
    (W, "The boy voiced the hope that he would one day sail it.", "one day", "FUTURE_REF", "",
     "DATE"),
    # a season of the year "last", "this" or "next" places: that season, one expression
    (W, "The orchard was replanted in the autumn of last year.", "the autumn of last year",
     "2024-FA", r("2024-09-01", "2024-11-30"), "DATE"),
    (W, "The ferry returns in summer next year.", "summer next year", "2026-SU",
     r("2026-06-01", "2026-08-31"), "DATE"),
    # the first or last day of a month or year: that day, not a length and a month
    (W, "The quarry's licence lapsed on the last day of February.", "the last day of February",
     "2025-02-28", r("2025-02-28"), "DATE"),
    (W, "Fares rise on the first day of next month.", "the first day of next month",
     "2025-08-01", r("2025-08-01"), "DATE"),
    (W, "The archive reopened on the first day of 2023.", "the first day of 2023",
     "2023-01-01", r("2023-01-01"), "DATE"),
    # ... "the month" the one told, else the dateline's; the last day ahead of a past
    # clause is the month's (the year's) before
    (W, "The depot was sold on May 9, 2019 and shut on the last day of the month.",
     "the last day of the month", "2019-05-31", r("2019-05-31"), "DATE"),
    (W, "The bakery closed on the last day of the month.", "the last day of the month",
     "2025-06-30", r("2025-06-30"), "DATE"),
    (W, "The bakery will close on the last day of the month.", "the last day of the month",
     "2025-07-31", r("2025-07-31"), "DATE"),
    (W, "The old pier fell on the last day of the year.", "the last day of the year",
     "2024-12-31", r("2024-12-31"), "DATE"),
    # a year with its era: of the common era that year, however short ...
    (W, "Lava reached the harbour in AD 79.", "AD 79", "0079", r("0079-01-01", "0079-12-31"),
     "DATE"),
    (W, "The aqueduct was finished in 52 A.D. by the legion.", "52 A.D.", "0052",
     r("0052-01-01", "0052-12-31"), "DATE"),
    (W, "The abbey was consecrated in 1120 CE.", "1120 CE", "1120",
     r("1120-01-01", "1120-12-31"), "DATE"),
    # ... before it TIMEX3's BC value, which no calendar day holds
    (W, "Settlers reached the delta around 3100 BC.", "3100 BC", "BC3100", "", "DATE"),
    (W, "The harbour silted up in 480 BCE.", "480 BCE", "BC0480", "", "DATE"),
    (W, "The tombs date from the 3rd century BC.", "the 3rd century BC", "BC02", "", "DATE"),
    # a day chained from a month told: a day of that month, which one the text does not say
    (W, "The mill flooded in March 2011. The next day, the river fell.", "The next day",
     "2011-03-XX", r("2011-03-01", "2011-03-31"), "DATE"),
    (W, "The mill flooded in March 2011. The day before, rain had stopped.", "The day before",
     "2011-03-XX", r("2011-03-01", "2011-03-31"), "DATE"),
    # ... while the dateline's own month leaves the day counted from the dateline
    (W, "The mill flooded in July. The next day, the river fell.", "The next day",
     "2025-07-24", r("2025-07-24"), "DATE"),
    # the minutes past or to an hour: a TIME, the bare hour as said, a part of the day or
    # a.m./p.m. giving its half
    (W, "The choir began at half past seven.", "half past seven", "2025-07-23T07:30",
     r("2025-07-23"), "TIME"),
    (W, "The vote closed at a quarter to ten at night.", "a quarter to ten at night",
     "2025-07-23T21:45", r("2025-07-23"), "TIME"),
    (W, "The ferry docked at twenty past 4 p.m.", "twenty past 4 p.m.", "2025-07-23T16:20",
     r("2025-07-23"), "TIME"),
    # the end of the dateline's month or week, told in the possessive
    (W, "The audit should be done by month's end.", "month's end", "2025-07",
     r("2025-07-01", "2025-07-31"), "DATE"),
    (W, "Officials hope to sign by week's end.", "week's end", "2025-W30",
     r("2025-07-21", "2025-07-27"), "DATE"),
    (W, "The index is down 2% since month's end.", "month's end", "2025-06",
     r("2025-06-01", "2025-06-30"), "DATE"),
    # an old year in a list or range of years, or alone in brackets
    (W, "Floods struck in 1815, 1822 and 1840.", "1822", "1822", r("1822-01-01", "1822-12-31"),
     "DATE"),
    (W, "The duke ruled 1620–1651 from the castle.", "1620", "1620",
     r("1620-01-01", "1620-12-31"), "DATE"),
    (W, "The duke ruled 1620–1651 from the castle.", "1651", "1651",
     r("1651-01-01", "1651-12-31"), "DATE"),
    (W, "The great fire (1731) razed the quay.", "1731", "1731", r("1731-01-01", "1731-12-31"),
     "DATE"),
    # two ordinals before "centuries": two centuries, each its own expression
    (W, "Pilgrims came in the 12th and 13th centuries.", "the 12th", "11",
     r("1100-01-01", "1199-12-31"), "DATE"),
    (W, "Pilgrims came in the 12th and 13th centuries.", "13th centuries", "12",
     r("1200-01-01", "1299-12-31"), "DATE"),
    # a season "of" a split year: that season across both years
    (W, "Wolves were seen in the winter of 1946-47.", "the winter of 1946-47", "1946-WI",
     r("1946-12-01", "1947-02-28"), "DATE"),
    # a year's quarter or half, the year in the possessive
    (W, "Orders dried up in 2016's fourth quarter.", "2016's fourth quarter", "2016-Q4",
     r("2016-10-01", "2016-12-31"), "DATE"),
    (W, "Hiring slowed in this year's first half.", "this year's first half", "2025-H1",
     r("2025-01-01", "2025-06-30"), "DATE"),
    # a day of the month "this", "last" or "next" places; a function word after a day
    # leaves it a day
    (W, "The fee was paid on the 9th of last month.", "the 9th of last month", "2025-06-09",
     r("2025-06-09"), "DATE"),
    (W, "The board meets on the 4th of next month.", "the 4th of next month", "2025-08-04",
     r("2025-08-04"), "DATE"),
    (W, "The crew sailed on the 2nd and docked on the 6th.", "the 2nd", "2025-07-02",
     r("2025-07-02"), "DATE"),
    # ... while the period itself is still read
    (W, "The dyke gave way in the last days of March.", "March", "2025-03",
     r("2025-03-01", "2025-03-31"), "DATE"),
    # the year first, with slashes or dots
    (W, "The deed is stamped 1987/06/14 on its back.", "1987/06/14", "1987-06-14",
     r("1987-06-14"), "DATE"),
    (W, "The memo is dated 2011.4.9 in the archive.", "2011.4.9", "2011-04-09",
     r("2011-04-09"), "DATE"),
    # a month before a hyphen and a month: a range's first end
    (W, "Drought gripped the plains in June-August 2012.", "June", "2012-06",
     r("2012-06-01", "2012-06-30"), "DATE"),
    # a quarter named by its first and last months
    (W, "Output shrank in the July-September quarter of 2009.",
     "the July-September quarter of 2009", "2009-Q3", r("2009-07-01", "2009-09-30"), "DATE"),
    # a month and a short year after an apostrophe
    (W, "The ferry first sailed in May '68.", "May '68", "1968-05",
     r("1968-05-01", "1968-05-31"), "DATE"),
    # a weekday a week beyond last or next
    (W, "The silo caught fire the Sunday before last.", "the Sunday before last", "2025-07-13",
     r("2025-07-13"), "DATE"),
    (W, "The regatta starts the Saturday after next.", "the Saturday after next", "2025-08-02",
     r("2025-08-02"), "DATE"),
    # a month, "the" and an ordinal day
    (W, "The barn burned on April the 9th.", "April the 9th", "2025-04-09", r("2025-04-09"),
     "DATE"),
    (W, "The barn burned on April the 9th, 1921.", "April the 9th, 1921", "1921-04-09",
     r("1921-04-09"), "DATE"),
    # a weekday and an ordinal day: the nearest such day on the tense's side, or the month
    # told's
    (W, "The ball is on Saturday the 16th.", "Saturday the 16th", "2025-08-16",
     r("2025-08-16"), "DATE"),
    (W, "The ball was held on Saturday the 12th.", "Saturday the 12th", "2025-07-12",
     r("2025-07-12"), "DATE"),
    (W, "The quay opened in June 2016. It flooded on Sunday the 19th.", "Sunday the 19th",
     "2016-06-19", r("2016-06-19"), "DATE"),
    # "some" as a vague amount before "ago"
    (W, "The chapel lost its roof some decades ago.", "some decades ago", "PAST_REF", "",
     "DATE"),
    # "the latest" year, month or week: the last one ended, the one reported on
    (W, "Exports made up a third of turnover in the latest fiscal year.",
     "the latest fiscal year", "2024", r("2024-01-01", "2024-12-31"), "DATE"),
    (W, "Rents rose 2% in the latest month.", "the latest month", "2025-06",
     r("2025-06-01", "2025-06-30"), "DATE"),
    # half a week is three and a half days, not four
    (W, "The blockade held for two and a half weeks.", "two and a half weeks", "P17DT12H", "",
     "DURATION"),
    # a weekday's abbreviation before a date opens it
    (W, "The levee broke on Wed., Feb. 12, 1986.", "Wed., Feb. 12, 1986", "1986-02-12",
     r("1986-02-12"), "DATE"),
    (W, "Filed Thu 6 Mar 2025 by the desk.", "Thu 6 Mar 2025", "2025-03-06", r("2025-03-06"),
     "DATE"),
    # "the" season in a past clause after a year told: that year's season
    (W, "The canal was dug in 1822. By the autumn, barges carried coal on it.", "the autumn",
     "1822-FA", r("1822-09-01", "1822-11-30"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
    # British Columbia's utilities are no era
    (W, "The storm cut power to 300 BC Hydro customers.", "300 BC"),
    # numbers joined by "to" with no preposition of time before them
    (W, "The tally went from ten to six overnight.", "ten to six"),
    (W, "The visitors trailed twenty to eight.", "twenty to eight"),
    # a range a number word opens counts things, both its ends
    (W, "Pages 1310-1342 of the ledger are torn.", "1310-1342"),
    (W, "Rooms 1940-1955 were repainted.", "1940-1955"),
    # an ordinal before a noun is no day, nor before "and final"
    (W, "She pulled ahead by the 3rd and final lap.", "the 3rd"),
    # a part of the period after "of" is no span of its units
    (W, "The dyke gave way in the last days of March.", "days"),
    (W, "Prices slid in the opening months of 2022.", "months"),
    # a dotted version number is no date
    (W, "Build 2020.11.03.7 shipped late.", "2020.11.03"),
]
