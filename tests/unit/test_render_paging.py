"""Big timelines split by year (site.yaml page_events): the year index, the year pages and
their events, links to events landing on the page that holds them, split actor and embed
pages, incremental rendering, and small timelines left as they were.

Uses a synthetic timeline of 2,500 events over 2023-2025 (original, generated sentences)."""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_fixture import identity_text, make_timeline, sentences_of  # noqa: E402
from test_render import EXPORTS, THEME, check_links, parsed  # noqa: E402

from generator.config import SiteConfig, config_from_mapping  # noqa: E402
from generator.errors import ContentError  # noqa: E402
from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, KeyDate,  # noqa: E402
                             TimeExpr, Timeline, TimelineEvent, TimeValue)
from generator.render import (RenderOptions, page_paths, render_pages, render_site,  # noqa: E402
                              year_pages)
from generator.render.urls import event_url  # noqa: E402

EVENTS = 2500
ARTICLES = 250
FIRST_DAY = date(2023, 1, 1)
SPAN_DAYS = 3 * 365  # 2023, 2024 and most of 2025
CONFIG = SiteConfig(title="Big story", extra={"page_events": 1000})
ACTOR_EXPORTS = {f"actors/{slug}/{name}" for slug in ("everyland", "envoy")
                 for name in ("feed.xml", "timelinejs.json", "oembed.json")}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def day_value(day: date) -> TimeValue:
    return TimeValue(day.isoformat(), "DATE", "day", day, day)


def decade_value(first_year: int) -> TimeValue:
    return TimeValue(str(first_year)[:3], "DATE", "decade", date(first_year, 1, 1),
                     date(first_year + 9, 12, 31))


def event_day(n: int) -> date:
    """Event n's day: the 2,500 events spread evenly over three years, in order."""
    return FIRST_DAY + timedelta(days=n * SPAN_DAYS // EVENTS)


def phrase_of(time: TimeValue) -> str:
    if time.granularity == "decade":
        return f"in the {time.value}0s"
    day = time.start
    return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"


def article_of(n: int) -> int:
    """Events are dealt round the articles, so each article reports on several years."""
    return n % ARTICLES


def actors_of(n: int) -> tuple[str, ...]:
    return ("everyland", "envoy") if n % 10 == 0 else ("everyland",)


def make_analysis(index: int, items: list[tuple[str, TimeValue, tuple[str, ...]]]) -> ArticleAnalysis:
    """An article whose every sentence dates one event: items are (event id, time, actors)."""
    slug = f"report-{index:03d}"
    body = " ".join(f"Dispatch {index} item {k} was logged {phrase_of(t)}."
                    for k, (_, t, _) in enumerate(items))
    plain = identity_text(body)
    sentences = sentences_of(body)
    events = []
    for k, (_, time, actors) in enumerate(items):
        phrase = phrase_of(time)
        start = body.index(f"item {k} was logged {phrase}") + len(f"item {k} was logged ")
        timex = TimeExpr(start, start + len(phrase), phrase, time)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        events.append(Event(f"{slug}-{k + 1}", slug, sentence, timex, actors))
    article = Article(path=f"content/articles/{slug}.md", slug=slug, title=f"Dispatch {index}",
                      body=body, body_line=1, date=date(2026, 1, 1), source=f"Outlet {index % 7}")
    return ArticleAnalysis(article, Dateline(date(2026, 1, 1), "front matter"), plain, sentences,
                           tuple(t.timex for t in events), (), tuple(events))


def make_big_timeline() -> Timeline:
    """2,500 dated events over 2023-2025 plus two decade events, 250 articles; "everyland"
    takes part in every event (split too), "envoy" in one in ten (not split)."""
    items: dict[int, list[tuple[str, TimeValue, tuple[str, ...]]]] = {a: [] for a in range(ARTICLES)}
    for n in range(EVENTS):
        items[article_of(n)].append((f"e-{n:04d}", day_value(event_day(n)), actors_of(n)))
    items[0] += [("e-1990s", decade_value(1990), ("everyland",)),
                 ("e-2010s", decade_value(2010), ("everyland",))]
    analyses = [make_analysis(a, items[a]) for a in range(ARTICLES)]
    by_id: dict[str, tuple[TimelineEvent, int]] = {}
    for analysis in analyses:
        for (event_id, time, actors), source in zip(items[int(analysis.article.slug[-3:])], analysis.events):
            by_id[event_id] = (TimelineEvent(event_id, time, source.sentence.text, actors, (source,)), 0)
    order = sorted(by_id, key=lambda i: (by_id[i][0].time.start, by_id[i][0].time.precision_rank, i))
    events = tuple(by_id[i][0] for i in order)
    conflicted = next(e for e in events if e.id == "e-1200")
    events = tuple(TimelineEvent(e.id, e.time, e.text, e.actors, e.citations,
                                 conflicts=(day_value(date(2024, 1, 5)),)) if e is conflicted else e
                   for e in events)
    actors = (Actor("envoy", "Envoy", "person"), Actor("everyland", "Everyland", "country"))
    key = next(e for e in events if e.id == "e-0100")
    return Timeline(events=events, actors=actors, articles=tuple(analyses),
                    key_dates=(KeyDate(key.time, (key.id,), 2, 2.0),))


@pytest.fixture(scope="module")
def big():
    return make_big_timeline()


@pytest.fixture(scope="module")
def site(big):
    return render_site(big, CONFIG, THEME, options=RenderOptions(review=True))


def event_ids(files: dict[str, bytes], path: str) -> list[str]:
    return [a["id"] for a in parsed(files, path).all("li") if "event" in a.get("class", "").split()]


def expected_years(events, actor: str | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for event in events:
        if actor is not None and actor not in event.actors:
            continue
        key = "periods" if event.time.granularity == "decade" else str(event.time.start.year)
        out.setdefault(key, []).append(event.id)
    return out


def year_index(files: dict[str, bytes], path: str) -> list[tuple[str, str, int]]:
    """(link, year title, event count) of each row of a page's year index."""
    text = files[path].decode("utf-8")
    nav = text[text.index('<nav class="year-index"'):]
    nav = nav[:nav.index("</nav>")]
    return [(href, title, int(count)) for href, title, count in re.findall(
        r'<li data-start="[^"]+" data-end="[^"]+"><a href="([^"]+)"[^>]*>([^<]+)</a> '
        r'<span class="count">(\d+) events?</span></li>', nav)]


# The home timeline ---------------------------------------------------------------------------

def test_home_shows_the_year_index_with_counts_and_links(site, big):
    years = expected_years(big.events)
    assert sorted(years) == ["2023", "2024", "2025", "periods"]
    rows = year_index(site, "index.html")
    assert rows == [(f"years/{key}/", "Decades and centuries" if key == "periods" else key, len(ids))
                    for key, ids in [("periods", years["periods"])] + [
                        (y, years[y]) for y in ("2023", "2024", "2025")]]
    assert sum(n for _, _, n in rows) == EVENTS + 2
    assert "2502 dated events, by year" in site["index.html"].decode("utf-8")


def test_home_lists_only_the_latest_events_and_stays_small(site, big):
    assert event_ids(site, "index.html") == [e.id for e in big.events[-50:]]
    year_bytes = sum(len(site[f"years/{y}/index.html"]) for y in ("2023", "2024", "2025"))
    assert len(site["index.html"]) * 10 < year_bytes


def test_each_year_page_holds_exactly_its_events(site, big):
    for key, ids in expected_years(big.events).items():
        assert event_ids(site, f"years/{key}/index.html") == ids, key
        assert event_ids(site, f"embed/years/{key}/index.html") == ids, key


def test_year_pages_link_back_and_to_their_neighbours(site):
    page = parsed(site, "years/2024/index.html")
    links = {(a.get("rel"), a["href"]) for a in page.all("a") if "href" in a}
    assert ("prev", "../../years/2023/") in links and ("next", "../../years/2025/") in links
    assert (None, "../../#years") in links
    first = parsed(site, "years/periods/index.html")
    assert not [a for a in first.all("a") if a.get("rel") == "prev"]
    assert "<h1>Decades and centuries</h1>" in site["years/periods/index.html"].decode("utf-8")
    canonical = [a for a in page.all("link") if a.get("rel") == "canonical"]
    assert canonical == []  # no absolute base_url; with one it is the year page's own URL


def test_year_page_keeps_the_actor_filter_over_its_own_events(site, big):
    page = parsed(site, "years/2023/index.html")
    options = {a["value"]: a for a in page.all("option")}
    assert set(options) == {"", "envoy", "everyland"}
    text = site["years/2023/index.html"].decode("utf-8")
    envoy_2023 = sum(1 for e in big.events if "envoy" in e.actors and e.time.start.year == 2023
                     and e.time.granularity == "day")
    assert f">Envoy ({envoy_2023})</option>" in text
    assert ("script", "../../static/annals.js") in page.links


def test_every_relative_link_resolves(site):
    assert check_links(site, EXPORTS | ACTOR_EXPORTS) == []


def test_every_relative_link_resolves_with_an_absolute_base_url(big):
    config = SiteConfig(title="Big", base_url="https://example.org/big/", extra={"page_events": 1000})
    files = render_site(big, config, THEME)
    assert check_links(files, EXPORTS | ACTOR_EXPORTS) == []
    canonical = [a["href"] for a in parsed(files, "years/2024/index.html").all("link")
                 if a.get("rel") == "canonical"]
    assert canonical == ["https://example.org/big/years/2024/"]


# Links to events --------------------------------------------------------------------------

def page_holding(files: dict[str, bytes], url: str, page: str = "index.html") -> tuple[str, str]:
    """The output page and the id a link resolves to (relative to ``page``)."""
    resolved = urlsplit(urljoin("http://site/" + page, url))
    target = resolved.path.lstrip("/")
    return (target + "index.html" if target == "" or target.endswith("/") else target), resolved.fragment


def test_event_url_points_at_the_page_holding_the_event(site, big):
    ids = {p: set(event_ids(site, p)) for p in site if p.startswith("years/")}
    for event in big.events[::97] + big.events[-3:]:
        url = event_url(big, CONFIG, event.id)
        assert url == event_url(big, CONFIG, event)  # by id or by event, the same
        target, fragment = page_holding(site, url)
        assert target.startswith("years/") and fragment == event.id
        assert event.id in ids[target], (event.id, url)
    assert event_url(big, CONFIG, "e-1990s") == "years/periods/#e-1990s"
    assert event_url(big, CONFIG, "e-0000") == "years/2023/#e-0000"
    assert event_url(big, CONFIG, "e-0000", actor="envoy") == "actors/envoy/#e-0000"  # not split
    assert event_url(big, CONFIG, "e-0000", actor="everyland") == "actors/everyland/years/2023/#e-0000"
    assert event_url(big, SiteConfig(), "e-0000") == "years/2023/#e-0000"  # the default is 1000
    assert event_url(big, SiteConfig(extra={"page_events": 0}), "e-0000") == "#e-0000"


def test_event_links_from_article_pages_land_on_the_right_year_page(site, big):
    slug = "report-007"
    path = f"articles/{slug}/index.html"
    page = parsed(site, path)
    timeline_links = [url for tag, url in page.links if "#e-" in url]
    cited = [e for e in big.events if slug in e.articles]
    assert {e.time.start.year for e in cited} == {2023, 2024, 2025}
    for event in cited:
        expected = f"../../years/{event.time.start.year}/#{event.id}"
        assert timeline_links.count(expected) == 2, expected  # the marked phrase and "On the timeline"
        target, fragment = page_holding(site, expected, path)
        assert fragment in event_ids(site, target)


def test_key_dates_review_and_actor_pages_link_to_year_pages(site):
    key_dates = parsed(site, "key-dates/index.html")
    assert ("a", "../years/2023/#e-0100") in key_dates.links
    review = parsed(site, "review/index.html")
    assert ("a", "../years/2024/#e-1200") in review.links
    actor = parsed(site, "actors/everyland/index.html")
    assert ("a", "../../actors/everyland/years/periods/#e-1990s") in actor.links  # first
    assert ("a", "../../actors/everyland/years/2025/#e-2499") in actor.links  # latest


# Actors and embeds -------------------------------------------------------------------------

def test_an_actor_with_many_events_is_split_too(site, big):
    years = expected_years(big.events, "everyland")
    rows = year_index(site, "actors/everyland/index.html")
    assert [(href, n) for href, _, n in rows] == [
        (f"../../actors/everyland/years/{key}/", len(years[key]))
        for key in ("periods", "2023", "2024", "2025")]
    assert event_ids(site, "actors/everyland/index.html") == [
        e.id for e in big.events if "everyland" in e.actors][-50:]
    for key, ids in years.items():
        assert event_ids(site, f"actors/everyland/years/{key}/index.html") == ids
        assert event_ids(site, f"embed/actors/everyland/years/{key}/index.html") == ids
    text = site["actors/everyland/years/2024/index.html"].decode("utf-8")
    assert "<h1>Everyland: 2024</h1>" in text and "<title>Everyland: 2024 — Big story</title>" in text


def test_an_actor_with_few_events_keeps_one_page(site, big):
    envoy = [e.id for e in big.events if "envoy" in e.actors]
    assert len(envoy) == 250
    assert event_ids(site, "actors/envoy/index.html") == envoy
    assert event_ids(site, "embed/actors/envoy/index.html") == envoy
    assert not [p for p in site if p.startswith(("actors/envoy/years/", "embed/actors/envoy/years/"))]
    assert 'class="year-index"' not in site["actors/envoy/index.html"].decode("utf-8")


def source_links(files: dict[str, bytes], path: str) -> list[str]:
    """The article slugs a page's "Sources" list links, in order."""
    text = files[path].decode("utf-8")
    listed = text[text.index('<ul class="source-list">'):]
    listed = listed[:listed.index("</ul>")]
    return re.findall(r'<a href="[./]*articles/([^/"]+)/">', listed)


def cited_slugs(big, events) -> list[str]:
    cited = {slug for e in events for slug in e.articles}
    return [a.article.slug for a in big.articles if a.article.slug in cited]


def test_a_split_actor_page_lists_the_sources_of_its_latest_events_only(site, big):
    everyland = [e for e in big.events if "everyland" in e.actors]
    latest = [e for e in everyland if e.time.granularity != "decade"][-50:]
    listed = source_links(site, "actors/everyland/index.html")
    assert listed == cited_slugs(big, latest)
    assert len(listed) < len(cited_slugs(big, everyland))  # the whole list would be every article
    text = site["actors/everyland/index.html"].decode("utf-8")
    assert "Sources of the latest events" in text and "Each year's page names the sources" in text


def test_an_unsplit_actor_page_lists_every_source(site, big):
    envoy = [e for e in big.events if "envoy" in e.actors]
    assert source_links(site, "actors/envoy/index.html") == cited_slugs(big, envoy)
    assert "Sources of the latest events" not in site["actors/envoy/index.html"].decode("utf-8")


def test_embed_year_links_stay_in_the_frame_and_keep_the_options(site):
    for path in ("embed/index.html", "embed/years/2024/index.html",
                 "embed/actors/everyland/index.html"):
        page = parsed(site, path)
        year_links = [a for a in page.all("a") if "#years" in a.get("href", "") or
                      page_holding(site, a.get("href", ""), path)[0].startswith(
                          ("embed/years/", "embed/actors/everyland/years/"))]
        assert len(year_links) >= 3, path
        assert all(a.get("target") == "_self" and "data-annals-keep-query" in a for a in year_links)
    embed = parsed(site, "embed/index.html")
    rows = [a for a in embed.all("li") if a.get("data-start") and "event" not in a.get("class", "")]
    assert [(r["data-start"], r["data-end"]) for r in rows][1:] == [
        ("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31")]
    assert (rows[0]["data-start"], rows[0]["data-end"]) == ("1990-01-01", "2019-12-31")
    year = site["embed/years/2024/index.html"].decode("utf-8")
    assert 'href="../../../years/2024/" target="_blank" rel="noopener">Open full timeline' in year
    script = (THEME / "static" / "embed-page.js").read_text(encoding="utf-8")
    assert "data-annals-keep-query" in script and ".year-index li[data-start]" in script


def test_page_list_and_ids_on_split_pages(site, big):
    year_paths = {p for p in site if "/years/" in p or p.startswith("years/")}
    keys = ("periods", "2023", "2024", "2025")
    assert year_paths == {f"{folder}years/{k}/index.html" for k in keys
                          for folder in ("", "embed/", "actors/everyland/", "embed/actors/everyland/")}
    assert set(page_paths(big, CONFIG, RenderOptions(review=True))) == {p for p in site if p.endswith(".html")}
    assert set(year_pages(big, CONFIG)) == {f"{f}years/{k}/index.html" for k in keys for f in ("", "embed/")}
    assert year_pages(big, CONFIG, "envoy") == []
    for path in sorted(year_paths) + ["index.html", "actors/everyland/index.html", "embed/index.html"]:
        ids = parsed(site, path).ids
        assert len(ids) == len(set(ids)), path
        assert parsed(site, path).misnested == [], path


def test_a_small_timeline_is_unchanged():
    small = make_timeline()
    plain = render_site(small, SiteConfig(), THEME)
    assert not [p for p in plain if "years/" in p]
    assert 'class="year-index"' not in plain["index.html"].decode("utf-8")
    assert event_url(small, SiteConfig(), "harbour-meeting") == "#harbour-meeting"
    assert event_url(small, SiteConfig(), "harbour-meeting", actor="vesta") == "actors/vesta/#harbour-meeting"


def test_a_low_page_events_splits_even_a_small_timeline():
    small = make_timeline()
    files = render_site(small, config_from_mapping({"page_events": 2}), THEME)
    # four events in 2025, more than 2: the year is split by month too
    assert event_ids(files, "years/2025/index.html") == []
    assert event_ids(files, "years/2025/06/index.html") == ["treaty-draft"]
    assert event_ids(files, "years/2025/07/index.html") == ["talks-stall", "harbour-meeting"]
    assert event_ids(files, "years/2025/08/index.html") == ["more-talks"]
    assert event_ids(files, "actors/vesta/years/2025/07/index.html") == ["talks-stall", "harbour-meeting"]
    assert "actors/harbour-authority/years/2025/index.html" not in files  # 1 event: not split
    assert ('<a class="timex-link" href="../../years/2025/07/#harbour-meeting"'
            in files["articles/harbour-talks/index.html"].decode("utf-8"))
    assert check_links(files) == []


@pytest.mark.parametrize("value", [-1, "many", 2.5, True])
def test_page_events_must_be_a_whole_number(value):
    with pytest.raises(ContentError, match="page_events"):
        render_pages(make_timeline(), config_from_mapping({"page_events": value}), THEME, ["index.html"])


def test_split_rendering_is_deterministic(site):
    again = render_site(make_big_timeline(), CONFIG, THEME, options=RenderOptions(review=True))
    assert list(again) == list(site) and again == site


# Years split by month ------------------------------------------------------------------------

MONTHLY = SiteConfig(title="Big story", extra={"page_events": 500})


def year_value(year: int) -> TimeValue:
    return TimeValue(str(year), "DATE", "year", date(year, 1, 1), date(year, 12, 31))


@pytest.fixture(scope="module")
def monthly_timeline(big):
    """The big timeline with one event dated to 2024 as a whole (about 830 a year: more
    than 500, so every year is split by month)."""
    source = big.events[0].citations[0]
    whole = TimelineEvent("e-2024-whole", year_value(2024), "The whole year's review.", ("everyland",), (source,))
    events = sorted(big.events + (whole,), key=lambda e: (e.time.start, e.time.precision_rank, e.id))
    return Timeline(events=tuple(events), actors=big.actors, articles=big.articles, key_dates=big.key_dates)


@pytest.fixture(scope="module")
def monthly(monthly_timeline):
    return render_site(monthly_timeline, MONTHLY, THEME)


def expected_months(events, year: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for event in events:
        if event.time.start.year == year and event.time.granularity == "day":
            out.setdefault(f"{year}/{event.time.start.month:02d}", []).append(event.id)
    return out


def test_a_year_of_more_than_page_events_lists_its_months(monthly, monthly_timeline):
    months = expected_months(monthly_timeline.events, 2024)
    assert len(months) == 12
    assert year_index(monthly, "years/2024/index.html") == [
        (f"../../years/{key}/", f"{MONTHS[int(key[-2:]) - 1]} {key[:4]}", len(ids)) for key, ids in months.items()]
    # the events of no month stay on the year page, the others are on their month's
    assert event_ids(monthly, "years/2024/index.html") == ["e-2024-whole"]
    text = monthly["years/2024/index.html"].decode("utf-8")
    assert f"{sum(map(len, months.values())) + 1} of the {len(monthly_timeline.events)} events" in text


def test_each_month_page_holds_exactly_its_events_full_and_embed(monthly, monthly_timeline):
    for year in (2023, 2024, 2025):
        for key, ids in expected_months(monthly_timeline.events, year).items():
            assert event_ids(monthly, f"years/{key}/index.html") == ids, key
            assert event_ids(monthly, f"embed/years/{key}/index.html") == ids, key
            assert event_ids(monthly, f"actors/everyland/years/{key}/index.html") == ids, key


def test_month_pages_link_to_their_neighbours_and_back_to_the_month_index(monthly):
    page = parsed(monthly, "years/2024/03/index.html")
    links = {(a.get("rel"), a["href"]) for a in page.all("a") if "href" in a}
    assert ("prev", "../../../years/2024/02/") in links and ("next", "../../../years/2024/04/") in links
    assert (None, "../../../years/2024/#months") in links
    assert "<h1>March 2024</h1>" in monthly["years/2024/03/index.html"].decode("utf-8")
    january = parsed(monthly, "years/2024/01/index.html")
    assert not [a for a in january.all("a") if a.get("rel") == "prev"]  # months of one year


def test_links_to_events_of_a_split_year_land_on_their_month_page(monthly, monthly_timeline):
    event = next(e for e in monthly_timeline.events if e.time.start == date(2024, 3, 10) or
                 (e.time.start.year == 2024 and e.time.start.month == 3))
    url = event_url(monthly_timeline, MONTHLY, event)
    assert url == f"years/2024/03/#{event.id}"
    assert event_url(monthly_timeline, MONTHLY, "e-2024-whole") == "years/2024/#e-2024-whole"
    target, fragment = page_holding(monthly, url)
    assert fragment in event_ids(monthly, target)
    assert check_links(monthly, EXPORTS | ACTOR_EXPORTS) == []


def test_events_of_equal_page_keys_go_on_the_same_year_and_month_pages():
    from itertools import product

    from generator.render import urls

    grains = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
    starts = (date(2019, 12, 30), date(2020, 1, 1), date(2020, 1, 31), date(2020, 2, 1), date(2021, 7, 1))
    events = [TimelineEvent(f"e{n}", TimeValue("x", "DATE", grain, start, start), "Text.", (), ())
              for n, (grain, start) in enumerate(product(grains, starts))]
    events.append(TimelineEvent("undated", TimeValue("PAST_REF", "DATE", "", None, None), "Text.", (), ()))
    for a, b in product(events, repeat=2):
        same_keys = (urls.year_key(a), urls.month_key(a)) == (urls.year_key(b), urls.month_key(b))
        assert (urls.page_key(a) == urls.page_key(b)) == same_keys, (a.time, b.time)
