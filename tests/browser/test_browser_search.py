"""Search in Chromium, on the example site served under the sub-path /story/ (a static
server), and under `annals serve`: a query finds the right event and leads to it, the
actor, source and year filters narrow the results to what they say, and without
JavaScript the box is not shown."""

from __future__ import annotations

import re
from collections import Counter

import pytest

pytestmark = pytest.mark.browser

WORD = re.compile(r"[A-Za-z]{6,}")
RESULTS = """items => items.map(li => ({
    kind: li.querySelector('.search-kind').textContent,
    href: li.querySelector('a').getAttribute('href'),
    title: li.querySelector('a').textContent}))"""


def run_search(page, action) -> list[dict]:
    """Do ``action`` (typing, choosing a filter) and wait for the search it starts."""
    before = page.get_attribute("[data-annals-search]", "data-search-done")
    action()
    page.wait_for_function(
        "before => document.querySelector('[data-annals-search]').getAttribute('data-search-done') !== before",
        arg=before)
    return page.eval_on_selector_all(".search-result", RESULTS)


def type_query(page, query: str) -> list[dict]:
    return run_search(page, lambda: (page.fill("#search-query", query), page.press("#search-query", "Enter")))


def found(page) -> int:
    """How many results the status line reports (the list shows them 20 at a time)."""
    status = page.inner_text("[data-search-status]")
    return int(m.group()) if (m := re.search(r"\d+", status)) else 0


def choose(page, select: str, value: str) -> list[dict]:
    return run_search(page, lambda: page.select_option(select, value))


def option_values(page, select: str) -> list[str]:
    page.wait_for_function("s => document.querySelector(s).options.length > 1", arg=select)
    return page.eval_on_selector_all(f"{select} option", "os => os.map(o => o.value).filter(Boolean)")


def telling_words(event: dict) -> set[str]:
    texts = [event["text"]] + [s["quote"] for s in event["sources"]]
    return {w.lower() for t in texts for w in WORD.findall(t)}


def distinctive_event(timeline: dict) -> tuple[dict, str]:
    """An event and three words of its headline that no other event's tellings use."""
    counts = Counter(w for e in timeline["events"] for w in telling_words(e))
    for event in timeline["events"]:
        rare = sorted({w.lower() for w in WORD.findall(event["text"]) if counts[w.lower()] == 1})
        if len(rare) >= 3:
            return event, " ".join(rare[:3])
    raise AssertionError("the example site needs an event with distinctive words")


def event_id(href: str) -> str:
    assert href.startswith("/story/"), href  # under the sub-path
    return href.split("#", 1)[1]


def test_a_query_finds_the_event_and_leads_to_it(page, page_errors, site):
    event, query = distinctive_event(site.timeline)
    page.goto(site.url())
    results = type_query(page, query)
    events = [r for r in results if r["kind"] == "Event"]
    assert events and events[0]["href"] == f"/story/#{event['id']}", (query, results[:3])
    assert events[0]["title"] == event["text"].strip()
    assert "result" in page.inner_text("[data-search-status]")
    page.click(f".search-result a[href='/story/#{event['id']}']")
    page.wait_for_function("id => location.hash === '#' + id", arg=event["id"])
    assert page.locator(f"li.event[id='{event['id']}']").count() == 1
    assert page_errors == []


def test_filters_narrow_the_results_to_what_they_say(page, site):
    articles = {a["slug"]: a for a in site.timeline["articles"]}
    events = {e["id"]: e for e in site.timeline["events"]}
    page.goto(site.url())
    type_query(page, "Syria")
    everything = found(page)
    assert everything > 5

    sources = option_values(page, "#search-source")
    source = next(s for s in sources if choose(page, "#search-source", s) and 0 < found(page) < everything)
    narrowed = page.eval_on_selector_all(".search-result", RESULTS)
    for result in narrowed:
        if result["kind"] == "Event":
            outlets = {articles[s["article"]]["source"] for s in events[event_id(result["href"])]["sources"]}
            assert source in outlets, result
        else:
            assert result["kind"] == "Article"  # actors have no source
            assert articles[result["href"].rstrip("/").rsplit("/", 1)[1]]["source"] == source

    choose(page, "#search-source", "")
    years = option_values(page, "#search-year")
    assert years == sorted(years, key=int)
    year = years[0]
    only_year = choose(page, "#search-year", year)
    assert only_year and 0 < found(page) < everything
    for result in only_year:
        if result["kind"] == "Event":
            assert events[event_id(result["href"])]["range"][0].startswith(year), result


def test_filters_alone_list_what_they_keep(page, site):
    page.goto(site.url())
    page.focus("#search-query")
    years = option_values(page, "#search-year")
    listed = choose(page, "#search-year", years[-1])
    assert listed and all(r["kind"] in ("Event", "Article") for r in listed)


def test_an_actor_page_searches_that_actors_events_first(page, site):
    slug = site.busiest_actor()
    actor = next(a for a in site.timeline["actors"] if a["slug"] == slug)
    mine = set(site.actor_event_ids(slug))
    page.goto(site.url(f"actors/{slug}/"))
    results = type_query(page, "said")
    assert page.eval_on_selector("#search-actor", "s => s.value") == actor["name"]
    events = [r for r in results if r["kind"] == "Event"]
    assert events and all(event_id(r["href"]) in mine for r in events)
    narrow = found(page)
    choose(page, "#search-actor", "")
    assert found(page) > narrow


def test_without_javascript_there_is_no_search_box(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site.url())
        assert tab.locator("[data-annals-search]").count() == 1
        assert not tab.locator("#search-query").is_visible()
    finally:
        context.close()


def test_search_under_annals_serve_follows_edits(page, serving):
    page.goto(serving.url())
    assert [r for r in type_query(page, "ceasefire") if r["kind"] == "Event"]
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector"
                           " && window.LiveReload.connector.protocol > 0")
    page.evaluate("() => { window.beforeEdit = true; }")
    path = sorted((serving.site_dir / "content" / "articles").rglob("*.md"))[0]
    original = path.read_text(encoding="utf-8")
    try:
        head, sep, body = original.partition("\n---\n")
        path.write_text(f"{head}{sep}Zarquelle inspected the depot.\n\n{body}", encoding="utf-8")
        # serve reloads the page once the rebuild, index included, is done
        page.wait_for_function("() => window.beforeEdit === undefined", timeout=30_000)
        page.wait_for_selector("[data-annals-search]:not([hidden])")
        found = type_query(page, "Zarquelle")
        assert found and found[0]["kind"] == "Article", "the edit never reached the index"
        assert found[0]["href"].startswith("/story/articles/")
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_and_filters_pass_axe(browser, site, axe_js, scheme):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site.url())
        assert type_query(tab, "ceasefire")
        tab.wait_for_selector("[data-search-filters]:not([hidden])")
        tab.add_script_tag(path=str(axe_js))
        result = tab.evaluate("() => axe.run('[data-annals-search]', {resultTypes: ['violations']})")
        blocking = [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                    for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not blocking
    finally:
        context.close()
