"""Table cases for the accuracy step of issue 15, session 12: a quarter told by its last
day ("the quarter ended July 31") in a text that has named no quarter is the calendar quarter
most of its months lie in, not the one just ended at the dateline; lengths told as adjectives
("a day-long meeting", "decades-long", in spans.yaml's examples); the past tenses of more
irregular verbs ("lit", "swept", "hid") date their clause; "could last six weeks" leaves
the verb "last" out of the length; "the Easter weekend" (days.yaml examples).

Every sentence is original. Same row format as test_timex_cases.py, which runs them.
"""

from __future__ import annotations

from timex_rows import r


O = "2024-10-24"  # Thursday
M = "2025-10-15"  # Wednesday
W = "2025-07-23"  # Wednesday


CASES: list[tuple[str | None, str, str, str, str, str]] = [
    # a quarter told by its last day: the calendar quarter of most of its three months
    (O, "In the quarter ended July 31, the brewer sold 3 million cases.", "the quarter",
     "2024-Q2", r("2024-04-01", "2024-06-30"), "DATE"),
    # ... which the comparison a year back then follows
    (O, "For the quarter ended Aug. 3, the chain earned $4 million, up from $3 million a year "
     "earlier.", "a year earlier", "2023-Q2", r("2023-04-01", "2023-06-30"), "DATE"),
    # once the text has named its (fiscal) quarter, "the quarter" is that one, by its name
    (O, "The chain reported its fiscal first quarter. For the quarter ended Sept. 28, "
     "it earned $4 million.", "the quarter", "2024-Q1", r("2024-01-01", "2024-03-31"), "DATE"),
    # the past of an irregular verb dates its clause as a regular -ed past does
    (O, "Floods swept the valley in December.", "December", "2023-12",
     r("2023-12-01", "2023-12-31"), "DATE"),
    (W, "Fireworks lit up the harbour on New Year's Eve.", "New Year's Eve", "2024-12-31",
     r("2024-12-31"), "DATE"),
    (W, "Rebels overran the garrison and hid in the hills in December.", "December",
     "2024-12", r("2024-12-01", "2024-12-31"), "DATE"),
    # "last" after "to", a modal or a negation is the verb, outside the length
    (W, "The trial is expected to last six weeks.", "six weeks", "P6W", "", "DURATION"),
    (W, "The strike won't last two days.", "two days", "P2D", "", "DURATION"),
    (W, "Prices rose over the last six weeks.", "the last six weeks", "P6W", "", "DURATION"),
    # the timetable present of a chamber, a court or voters: the coming day; not the
    # object of a past verb ("counted votes on Sunday")
    (W, "The appeals court hears the case on Monday.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (W, "Parliament votes on the harbour bill on Tuesday.", "Tuesday", "2025-07-29",
     r("2025-07-29"), "DATE"),
    (W, "Farm ministers gather in Brussels on Monday.", "Monday", "2025-07-28", r("2025-07-28"),
     "DATE"),
    (W, "Officials counted votes on Sunday.", "Sunday", "2025-07-20", r("2025-07-20"), "DATE"),
    # an -ed word in "un-" that is a verb's past ("unveiled") dates its clause, as other
    # pasts do; "an undisclosed sum" stays an adjective
    (M, "The plan, unveiled in November, drew criticism.", "November", "2024-11",
     r("2024-11-01", "2024-11-30"), "DATE"),
    (M, "Police unearthed the hoard in November.", "November", "2024-11",
     r("2024-11-01", "2024-11-30"), "DATE"),
    # a past verb of saying right before "in" and a month dates the saying: not after the
    # report, though the month ahead is nearer
    (O, "The miller said in November that flour sales fell.", "November", "2023-11",
     r("2023-11-01", "2023-11-30"), "DATE"),
    # "from X to Y" is the complement of a thing done, its "to" no infinitive ...
    (O, "The co-op relocated its bakery from Leeds to York in December.", "December",
     "2023-12", r("2023-12-01", "2023-12-31"), "DATE"),
    (O, "The lender raised its rate from 5% to 6% in December.", "December", "2023-12",
     r("2023-12-01", "2023-12-31"), "DATE"),
    # ... unless a verb follows it: still to do
    (O, "The clerk was summoned from the archive to testify in December.", "December",
     "2024-12", r("2024-12-01", "2024-12-31"), "DATE"),
    # "N units later" in a past clause with no date before it to count from: a span, as
    # "ten years on"; from the dateline it would date a thing done after its report
    (W, "A decade later, the quarry closed.", "A decade", "P10Y", "", "DURATION"),
    (W, "The dam failed on March 3. Two days later, the valley flooded.", "Two days later",
     "2025-03-05", r("2025-03-05"), "DATE"),
]

NONE: list[tuple[str | None, str, str]] = [
]
