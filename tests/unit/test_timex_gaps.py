"""Readings of issue #15's known gaps, one test each (English and the other languages).

Every sentence is original. A row gives the dateline, the sentence, the expression as it
stands in the sentence, its TIMEX3 value and type; check_typed also asserts that no other
reading overlaps the expression.
"""

from __future__ import annotations

import pytest

from timex_rows import check_typed

# a verb of motion whose "to" leads a place: the month dates the moving, a thing done in a
# past clause, as "held the talks in December"; a "to" that leads a time still sets a plan
MOTION_TO_PLACE = [
    ("2025-10-15", "The envoys moved the negotiations to Oslo in December.", "December",
     "2024-12", "DATE"),
    ("2025-03-10", "The league shifted the cup final to Lisbon in May.", "May", "2024-05",
     "DATE"),
    ("2025-09-02", "The firm relocated its plant to the coast in November.", "November",
     "2024-11", "DATE"),
    # no place: "moved ... to December" still sets a time ahead
    ("2025-10-15", "The envoys moved the negotiations to December.", "December", "2025-12",
     "DATE"),
]


@pytest.mark.parametrize("dct,text,expr,value,type_", MOTION_TO_PLACE)
def test_motion_to_a_place_dates_the_moving(dct, text, expr, value, type_):
    check_typed(dct, text, expr, value, type_, "en")
