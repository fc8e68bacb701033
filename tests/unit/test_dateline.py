"""Datelines: front matter wins; otherwise the start of the text is read."""

from datetime import date

import pytest

from generator.dateline import find_dateline


@pytest.mark.parametrize(
    "text, expected, span_text",
    [
        (" date 2024-12-26 The ministry said Thursday.", date(2024, 12, 26), "date 2024-12-26 "),
        ("ANKARA, July 23, 2025 (Levant Wire) - Officials said", date(2025, 7, 23),
         "ANKARA, July 23, 2025 (Levant Wire) - "),
        ("ISTANBUL, 23 July 2025 — The talks", date(2025, 7, 23), "ISTANBUL, 23 July 2025 — "),
        ("DAMASCUS, Sept. 2, 2025 (Border Desk) – Troops", date(2025, 9, 2),
         "DAMASCUS, Sept. 2, 2025 (Border Desk) – "),
        ("Wednesday, 23 July 2025\n\nANKARA (Border Desk) — Officials", date(2025, 7, 23),
         "Wednesday, 23 July 2025\n\nANKARA (Border Desk) — "),
        ("Wednesday 23 July 2025\nOfficials met.", date(2025, 7, 23), "Wednesday 23 July 2025\n"),
        ("23.07.2025\nOfficials met.", date(2025, 7, 23), "23.07.2025\n"),
        ("2025-07-23\nOfficials met.", date(2025, 7, 23), "2025-07-23\n"),
        ("July 23, 2025\nOfficials met.", date(2025, 7, 23), "July 23, 2025\n"),
        ("Published: July 23, 2025 14:30 GMT\nOfficials met.", date(2025, 7, 23),
         "Published: July 23, 2025 14:30 GMT\n"),
    ],
)
def test_dateline_in_text(text, expected, span_text):
    found = find_dateline(text)
    assert found.date == expected
    assert found.origin == "text"
    assert text[found.span[0]:found.span[1]] == span_text


@pytest.mark.parametrize("text", [
    "Officials said on July 23, 2025 that talks went well.",  # a date in a sentence is no dateline
    "ANKARA (Border Desk) — No date here.",
    "31.02.2025\nAn impossible date.",
    "",
])
def test_no_dateline(text):
    found = find_dateline(text)
    assert found.date is None and found.origin == "none" and found.span is None


def test_front_matter_date_wins_but_text_dateline_span_is_kept():
    found = find_dateline("ANKARA, July 22, 2025 (Wire) - Text", date(2025, 7, 23))
    assert found.date == date(2025, 7, 23)
    assert found.origin == "front matter"
    assert found.span == (0, len("ANKARA, July 22, 2025 (Wire) - "))
