"""axe-core, run inside Chromium on the site's main page kinds in both colour schemes: no
serious or critical violations (WCAG 2 A/AA rules, colour contrast among them, and axe's
best practices)."""

from __future__ import annotations

import pytest

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
        page.add_script_tag(path=str(axe_js))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
        assert not blocking, "\n" + describe(blocking)
    finally:
        context.close()
