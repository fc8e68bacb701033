"""axe-core, run inside Chromium on the site's main page kinds in both colour schemes: no
serious or critical violations (WCAG 2 A/AA rules, colour contrast among them, and axe's
best practices)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ServedSite, copy_example_site
from generator.build import BuildOptions, build

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def page_path(site, kind: str) -> str:
    return {
        "home": "",
        "actors": "actors/",
        "actor": f"actors/{site.busiest_actor()}/",
        "article": f"articles/{site.article_with_events()}/",
        "key-dates": "key-dates/",
        "embed": "embed/",
    }[kind]


def blocking_violations(page, axe_js) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ") if v["nodes"] else ""
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} — {targets} — {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["home", "actors", "actor", "article", "key-dates", "embed"])
def test_no_serious_accessibility_violations(browser, site, axe_js, kind, scheme):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        # Embeds are light unless the host asks: dark=auto follows the scheme like the site.
        query = "?dark=auto" if kind == "embed" else ""
        page.goto(site.url(page_path(site, kind)) + query)
        page.wait_for_load_state("load")
        dark = page.evaluate("getComputedStyle(document.documentElement).colorScheme")
        assert dark == scheme  # the scheme under test is the one the page shows
        blocking = blocking_violations(page, axe_js)
        assert not blocking, "\n" + describe(blocking)
    finally:
        context.close()


@pytest.fixture(scope="session")
def split_site(static_server, tmp_path_factory) -> ServedSite:
    """The example site with page_events 2: its timelines split by year, its busy years by month."""
    source = copy_example_site(tmp_path_factory.mktemp("split-source"))
    with (source / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("\npage_events: 2\n")
    base_url = f"{static_server.origin}/split/"
    output = static_server.root / "split"
    build(BuildOptions(source, output_dir=output, base_url=base_url))
    timeline = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    return ServedSite(static_server, output, base_url, timeline)


def split_page(site: ServedSite, kind: str) -> str:
    """A year page that lists its months, a month page, or their embed pages."""
    root = site.output / ("embed/years" if kind.startswith("embed") else "years")
    months = sorted(p.parent for p in root.glob("[0-9]*/[0-9]*/index.html"))
    assert months, "the example site has no year split by month with page_events 2"
    page = months[0] if kind.endswith("month") else months[0].parent
    return Path(page).relative_to(site.output).as_posix() + "/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["year", "month", "embed-month"])
def test_year_and_month_pages_have_no_serious_accessibility_violations(browser, split_site, axe_js, kind, scheme):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        query = "?dark=auto" if kind.startswith("embed") else ""
        page.goto(split_site.url(split_page(split_site, kind)) + query)
        page.wait_for_load_state("load")
        if kind == "year":
            assert page.locator("nav#months li a").count() >= 2  # the month index is there
        else:
            assert page.locator("li.event").count() >= 1
        blocking = blocking_violations(page, axe_js)
        assert not blocking, "\n" + describe(blocking)
    finally:
        context.close()
