"""Datelines: the publication date, outlet and exact dateline text at the head of a clipping.

Each row is one rule with its own input: the shapes news sites, wire feeds and clipping
tools print, on a line of their own or on the story's line.
"""

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.dateline import find_dateline, fold_outlet, read_article_head
from generator.dateline.years import complete_years
from generator.model import Article, Dateline

CASES = Path(__file__).resolve().parents[3] / "shared" / "datelines" / "cases.yaml"


def _shared_cases():
    if not CASES.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/datelines is absent"))]
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=case["text"][:40]) for case in cases]


@pytest.mark.parametrize("case", _shared_cases())
def test_shared_dateline_case(case):
    found = find_dateline(case["text"])
    assert found.date == case["date"]
    assert found.outlet == case["outlet"]
    shown = case["text"][found.span[0]:found.span[1]] if found.span else None
    assert shown == case["dateline"]
    if case["dateline"]:
        assert found.text == case["dateline"]
        assert case["dateline"] not in case["text"][found.span[1]:]  # the story goes on without it


# (text, date, outlet, exact dateline text)
OWN_CASES = [
    # labels before the date
    ("Published on 4 March 2026 at 09:10\nDockers ended their strike.", date(2026, 3, 4), None,
     "Published on 4 March 2026 at 09:10\n"),
    ("First published on Tue 3 Mar 2026 14.02 GMT\nThe port stayed shut.", date(2026, 3, 3), None,
     "First published on Tue 3 Mar 2026 14.02 GMT\n"),
    ("Updated: March 5, 2026 11:02 a.m. ET\nCranes moved again.", date(2026, 3, 5), None,
     "Updated: March 5, 2026 11:02 a.m. ET\n"),
    ("Last modified on Fri 6 Mar 2026\nShips queued outside.", date(2026, 3, 6), None,
     "Last modified on Fri 6 Mar 2026\n"),
    ("Publication date: 2026-03-04T07:30:00+01:00 Dockers voted to return.", date(2026, 3, 4), None,
     "Publication date: 2026-03-04T07:30:00+01:00 "),
    ("Publié le 4 mars 2026 à 10:05\nLes dockers ont repris le travail.", date(2026, 3, 4), None,
     "Publié le 4 mars 2026 à 10:05\n"),
    # wire forms
    ("LISBON | Thu Mar 5, 2026 9:01am GMT LISBON (Reuters) - Port workers voted.", date(2026, 3, 5),
     "Reuters", "LISBON | Thu Mar 5, 2026 9:01am GMT LISBON (Reuters) - "),
    ("PORTO, March 4, 2026 (Harbour Post) — Dockers struck at dawn.", date(2026, 3, 4), "Harbour Post",
     "PORTO, March 4, 2026 (Harbour Post) — "),
    ("MADRID, 4 de marzo de 2026 (EFE) - El Gobierno aprobó el plan.", date(2026, 3, 4), "EFE",
     "MADRID, 4 de marzo de 2026 (EFE) - "),
    ("ROMA, 4 marzo 2026 (ANSA) - Il governo ha approvato il piano.", date(2026, 3, 4), "ANSA",
     "ROMA, 4 marzo 2026 (ANSA) - "),
    ("İSTANBUL, 4 Mart 2026 (AA) - Liman işçileri greve son verdi.", date(2026, 3, 4), "AA",
     "İSTANBUL, 4 Mart 2026 (AA) - "),
    ("WASHINGTON, March 4, 2026 (Associated Press) — The Senate voted.", date(2026, 3, 4), "AP",
     "WASHINGTON, March 4, 2026 (Associated Press) — "),
    ("Reuters, March 4, 2026\nThe port reopened.", date(2026, 3, 4), "Reuters", "Reuters, March 4, 2026\n"),
    ("Mar 4, 2026 PORTO, Portugal (AFP) -- Dockers struck.", date(2026, 3, 4), "AFP",
     "Mar 4, 2026 PORTO, Portugal (AFP) -- "),
    # numeric and glued forms
    ("04/03/2026 09:15\nDockers struck.", date(2026, 3, 4), None, "04/03/2026 09:15\n"),
    ("2026/03/04 The port reopened.", date(2026, 3, 4), None, "2026/03/04 "),
    ("4-3-2026 The port reopened.", date(2026, 3, 4), None, "4-3-2026 "),
    ("Mar 042026 Dockers struck.", date(2026, 3, 4), None, "Mar 042026 "),
    ("04.03.2026Share Dockers struck.", date(2026, 3, 4), None, "04.03.2026Share "),
    ("4th March 2026 The port reopened.", date(2026, 3, 4), None, "4th March 2026 "),
    ("Wednesday 4th of March 2026\nThe port reopened.", date(2026, 3, 4), None,
     "Wednesday 4th of March 2026\n"),
    ("March 4, 2026: The port reopened.", date(2026, 3, 4), None, "March 4, 2026: "),
    # above the story, below a headline or byline
    ("Dockers end strike\nBy Ana Costa\n4 March 2026\nDockers returned.", date(2026, 3, 4), None,
     "4 March 2026\n"),
    ("Thursday, 12 March 2026\n\nPORTO (Harbour Post) — Dockers met.", date(2026, 3, 12), "Harbour Post",
     "Thursday, 12 March 2026\n\nPORTO (Harbour Post) — "),
    # no year: the date is unknown, the dateline and outlet are still read
    ("GENEVA, March 4 (Reuters) - Talks resumed.", None, "Reuters", "GENEVA, March 4 (Reuters) - "),
    ("PORTO (Harbour Post) — Dockers met.", None, "Harbour Post", "PORTO (Harbour Post) — "),
]


@pytest.mark.parametrize("text, expected, outlet, shown", OWN_CASES, ids=[c[0][:36] for c in OWN_CASES])
def test_dateline_shapes(text, expected, outlet, shown):
    found = find_dateline(text)
    assert (found.date, found.outlet, found.text) == (expected, outlet, shown)
    assert text[found.span[0]:found.span[1]] == shown
    assert found.origin == ("dateline" if expected else "none")


def test_year_less_dateline_keeps_its_day_for_the_neighbours():
    assert find_dateline("GENEVA, March 4 (Reuters) - Talks resumed.").month_day == (3, 4)


@pytest.mark.parametrize("text", [
    "March 4, 2026 was the day the port reopened.",  # a sentence that starts with a date
    "4 March 2026 marked the end of the strike.",
    "March 2026\nDockers voted.",  # a month is no publication date
    "In March 2026, dockers voted.",
    "On 4 March 2026 the port reopened.",
    "Officials said on July 23, 2025 that talks went well.",
    "31.02.2025\nAn impossible date.",
    "GENEVA, March 4 - Talks resumed.",  # a day without a year needs its agency
    "Dockers voted on Friday, officials said.",
    "",
])
def test_no_dateline(text):
    found = find_dateline(text)
    assert found.date is None and found.origin == "none"
    assert found.span is None and found.outlet is None


def test_slash_dates_follow_the_site_when_ambiguous():
    assert find_dateline("04/03/2026\nText.", day_first=False).date == date(2026, 4, 3)
    assert find_dateline("04/23/2026\nText.", day_first=True).date == date(2026, 4, 23)  # 23 is no month
    assert find_dateline("04.03.2026\nText.", day_first=False).date == date(2026, 3, 4)  # dots: day first


def test_front_matter_date_wins_but_text_dateline_span_and_outlet_are_kept():
    found = find_dateline("ANKARA, July 22, 2025 (Wire) - Text", date(2025, 7, 23))
    assert found.date == date(2025, 7, 23)
    assert found.origin == "front matter"
    assert found.span == (0, len("ANKARA, July 22, 2025 (Wire) - "))
    assert found.outlet == "Wire"


def test_french_article_language_reads_its_own_months_first():
    found = find_dateline("Mercredi 4 mars 2026\nLes dockers votent.", lang="fr")
    assert found.date == date(2026, 3, 4)


# Titles: the headline line, never the slogan, breadcrumb, byline, label or a date.
@pytest.mark.parametrize("text, title, furniture", [
    ("The port you can trust.\n\nDockers end strike\n\n4 March 2026 | Business\n\nDockers returned.",
     "Dockers end strike", ["slogan"]),
    ("Home > Business > Ports\nDockers end strike\n4 March 2026\nDockers returned.",
     "Dockers end strike", ["breadcrumb"]),
    ("Business\nDockers end strike in Porto\nDockers returned on Monday.", "Dockers end strike in Porto",
     ["label"]),
    ("Thursday, 12 March 2026\nDockers end strike\nDockers returned.", "Dockers end strike", []),
    ("Dockers end strike\n0 12\nBy Ana Costa, Port Reporter\nDockers returned.", "Dockers end strike",
     ["cruft", "byline"]),
    ("PORTO, March 4, 2026 (Harbour Post) — Dockers returned to work on Monday. Ships sailed.",
     "Dockers returned to work on Monday.", []),
    ("Dockers returned to work on Monday after a week on strike. Ships sailed.",
     "Dockers returned to work on Monday after a week on strike.", []),
])
def test_title_and_furniture(text, title, furniture):
    head = read_article_head(text)
    assert head.title == title
    assert [kind for _, _, kind in head.furniture] == furniture


def test_byline_gives_the_author():
    assert read_article_head("Dockers end strike\nBy Ana Costa, Port Reporter\nText.").author == "Ana Costa"
    assert read_article_head("Posted on June 27 2018 by Desk Editor The convoy arrived.").author == "Desk Editor"


def test_outlet_names_fold_to_one():
    assert fold_outlet("The Associated Press") == fold_outlet("associated press")
    assert fold_outlet("Anadolu Ajansı") == fold_outlet("ANADOLU AJANSI")


def _wire(path: str, day: date | None, month_day=None) -> Article:
    dateline = Dateline(day, "dateline" if day else "none", month_day=month_day)
    return Article(path=path, slug=Path(path).stem, title="t", body="", body_line=1, dateline=dateline)


def test_year_from_dated_neighbours_in_the_same_folder():
    articles = [_wire("content/articles/feed/a.md", date(2016, 8, 30)),
                _wire("content/articles/feed/b.md", None, (9, 2)),
                _wire("content/articles/feed/c.md", date(2016, 9, 5))]
    completed = complete_years(articles)
    assert completed[1].dateline.date == date(2016, 9, 2)
    assert completed[1].dateline.year_from == "neighbours"


def test_year_crosses_new_year_from_neighbours():
    articles = [_wire("content/articles/a.md", date(2016, 12, 30)), _wire("content/articles/b.md", None, (1, 2))]
    assert complete_years(articles)[1].dateline.date == date(2017, 1, 2)


def test_no_year_guessed_without_neighbours_or_when_they_disagree():
    alone = [_wire("content/articles/a.md", None, (9, 2)), _wire("content/other/b.md", date(2016, 9, 1))]
    assert complete_years(alone)[0].dateline.date is None
    apart = [_wire("content/articles/a.md", date(2014, 1, 1)), _wire("content/articles/b.md", None, (9, 2)),
             _wire("content/articles/c.md", date(2016, 9, 1))]
    assert complete_years(apart)[1].dateline.date is None


# More shapes outlets print: time first, update stamps, zones with offsets, a weekday after
# the date, clock words, an agency line above the date, place and agency without a date.
MORE_CASES = [
    ("10:32 06.02.2017(updated 12:15 06.02.2017) Get short URL The envoy left.", date(2017, 2, 6), None,
     "10:32 06.02.2017(updated 12:15 06.02.2017) Get short URL "),
    ("06.02.2017 - Update : 06.02.2017\nThe envoy left.", date(2017, 2, 6), None,
     "06.02.2017 - Update : 06.02.2017\n"),
    ("Updated: 2017-02-06 10:32 (GMT+3)\nThe envoy left.", date(2017, 2, 6), None,
     "Updated: 2017-02-06 10:32 (GMT+3)\n"),
    ("06.02.2017, 10:32 Uhr\nDer Gesandte reiste ab.", date(2017, 2, 6), None, "06.02.2017, 10:32 Uhr\n"),
    ("Publié le 06/02/2017 à 10h32\nL'envoyé est parti.", date(2017, 2, 6), None, "Publié le 06/02/2017 à 10h32\n"),
    ("06 Şubat 2017 Pazartesi 10:32\nElçi ayrıldı.", date(2017, 2, 6), None, "06 Şubat 2017 Pazartesi 10:32\n"),
    ("Published time: 6 Feb, 2017 10:32 Edited time: 6 Feb, 2017 12:00\nThe envoy left.", date(2017, 2, 6),
     None, "Published time: 6 Feb, 2017 10:32 Edited time: 6 Feb, 2017 12:00\n"),
    ("Sun, 05 Feb 2017 10:32:00 GMT\nThe envoy left.", date(2017, 2, 5), None, "Sun, 05 Feb 2017 10:32:00 GMT\n"),
    ("TUESDAY, FEBRUARY 7, 2017\nThe envoy left.", date(2017, 2, 7), None, "TUESDAY, FEBRUARY 7, 2017\n"),
    ("Envoy leaves\nAFP\nTuesday 7 Feb 2017\nThe envoy left.", date(2017, 2, 7), "AFP", "AFP\nTuesday 7 Feb 2017\n"),
    ("Feb 6 (Reuters) - The envoy left.", None, "Reuters", "Feb 6 (Reuters) - "),
    ("Damascus, SANA – The envoy left.", None, "SANA", "Damascus, SANA – "),
    ("Beirut - NNA - The envoy left.", None, "NNA", "Beirut - NNA - "),
    ("By Sara Haddad\nBEIRUT, Feb 6 (Reuters) - The envoy left.", None, "Reuters", "BEIRUT, Feb 6 (Reuters) - "),
]


@pytest.mark.parametrize("text, expected, outlet, shown", MORE_CASES, ids=[c[0][:36] for c in MORE_CASES])
def test_more_dateline_shapes(text, expected, outlet, shown):
    found = find_dateline(text)
    assert (found.date, found.outlet, found.text) == (expected, outlet, shown)


def test_update_stamp_below_the_dateline_is_furniture_not_the_title():
    head = read_article_head("Mon 6 Feb 2017 10.32 GMT\nLast modified on Mon 6 Feb 2017 12.00 GMT\n"
                             "Envoy leaves Damascus\nThe envoy left on Monday.")
    assert head.dateline.date == date(2017, 2, 6)
    assert head.title == "Envoy leaves Damascus"
    assert [kind for _, _, kind in head.furniture] == ["stamp"]


@pytest.mark.parametrize("widgets", ["2 min read", "Share Tweet Email", "Listen to this article", "Facebook | Twitter | 12"])
def test_widget_lines_are_cruft_not_titles(widgets):
    head = read_article_head(f"{widgets}\nEnvoy leaves Damascus\nThe envoy left on Monday.")
    assert head.title == "Envoy leaves Damascus"
    assert [kind for _, _, kind in head.furniture] == ["cruft"]
