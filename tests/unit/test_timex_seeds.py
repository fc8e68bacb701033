"""The five seed articles: every date expression right, none invented (needs ../shared/seeds)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from generator.timex import tag

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "content" / "articles"
DATELINES = {"000": "2024-12-26", "001": "2025-09-11", "002": "2025-07-23", "003": "2025-06-04",
             "004": "2025-07-23"}

# (expression text, value) in order of appearance; anchored ones are checked for their day.
EXPECTED = {
    "000": [("Thursday", "2024-12-26"), ("December", "2024-12"), ("Thursday", "2024-12-26"),
            ("the coming days", "FUTURE_REF"), ("the past week", "P1W"), ("this year", "2024"),
            ("now", "PRESENT_REF"), ("recently", "PAST_REF")],
    "001": [("last month", "2025-08"), ("August", "2025-08"), ("December 8, 2024", "2024-12-08"),
            ("2014", "2014"), ("2019", "2019"), ("July", "2025-07"), ("forty years", "P40Y"),
            ("March", "2025-03"), ("2017", "2017"), ("recent years", "PAST_REF"),
            ("August 2024", "2024-08"), ("2023", "2023"), ("recently", "PAST_REF")],
    "002": [("Wednesday", "2025-07-23"), ("June", "2025-06"), ("December", "2024-12"),
            ("last week", "2025-W29"), ("20 July", "2025-07-20"), ("April", "2025-04"),
            ("19 July", "2025-07-19"), ("earlier this week", "2025-W30")],
    "003": [("December", "2024-12"), ("five-decade", "P50Y"), ("Tuesday", "2025-06-03"),
            ("recently", "PAST_REF")],
    "004": [("Wednesday", "2025-07-23"), ("July 13", "2025-07-13"),
            ("last Saturday", "2025-07-19"), ("December 8, 2024", "2024-12-08"),
            ("the coming months", "FUTURE_REF"), ("the past 24 hours", "PT24H"),
            ("Tuesday", "2025-07-22")],
}
# Numbers, pronouns and names that must never become dates.
NEVER = ["We", "we", "may", "20,000", "3,021", "4 million", "Sweida", "64,000", "1,000"]


def _article(prefix: str) -> tuple[str, datetime.date]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    path = next(SEEDS.glob(f"{prefix}_*.md"))
    text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    return text, datetime.date.fromisoformat(DATELINES[prefix])


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_expressions(prefix):
    text, dct = _article(prefix)
    found = tag(text, dct)
    got = [(t.text, t.time.value) for t in found]
    for item in EXPECTED[prefix]:
        assert item in got, f"{prefix}: {item} missing; got {got}"


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_nothing_invented(prefix):
    text, dct = _article(prefix)
    found = tag(text, dct)
    for t in found:
        for word in NEVER:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                assert t.end <= m.start() or t.start >= m.end(), \
                    f"{prefix}: {t.text!r} tags {word!r} at {m.start()}"
    # every anchored date is one the articles really talk about: none after the dateline
    for t in found:
        if t.time.anchored:
            assert t.time.start <= dct, f"{prefix}: {t.text!r} -> {t.time.value} after the dateline"
    # only vague references may be unexpected; every anchored value is in the expected list
    expected_anchored = {v for _, v in EXPECTED[prefix]}
    extra = {t.time.value for t in found if t.time.anchored} - expected_anchored - {"2024-12-26"}
    assert not extra, f"{prefix}: unexpected dates {extra}"
