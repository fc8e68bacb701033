"""An Arabic site in Chromium: the page runs right to left, the timeline rail and its date
gutter are mirrored (gutter on the right, rail line on the body's right edge), the overview's
axis still runs left to right and writes its zoomed tick labels in Arabic, and axe finds no
serious violation. The articles are written for this test."""

from __future__ import annotations

from typing import Any

import pytest

from generator.build import BuildOptions, build

pytestmark = pytest.mark.browser

ARTICLES = {
    "ishtibakat.md": """---
title: اشتباكات عنيفة في السويداء
date: 2025-07-14
source: نشرة المشرق
---
اندلعت اشتباكات بين مسلحين من العشائر وفصائل درزية في السويداء في 13 يوليو 2025.

وقال سكان إن القتال امتد إلى قرى مجاورة في 14 يوليو 2025.
""",
    "hudna.md": """---
title: إعلان وقف إطلاق النار
date: 2025-07-20
source: مكتب الحدود
---
أعلن المبعوث الأمريكي توم باراك في 19 يوليو 2025 التوصل إلى وقف لإطلاق النار في السويداء.
""",
    "qafila.md": """---
title: أول قافلة مساعدات تصل إلى السويداء
date: 2025-07-21
source: صحيفة الجنوب
---
وصلت أول قافلة مساعدات إلى السويداء في 20 يوليو 2025 بعد أيام من القتال.
""",
    "tadrib.md": """---
title: اتفاق تدريب عسكري بين أنقرة ودمشق
date: 2025-08-14
source: نشرة المشرق
---
وقّعت تركيا وسوريا مذكرة تفاهم للتدريب العسكري في 13 أغسطس 2025.
""",
}


@pytest.fixture(scope="module")
def arabic_site(static_server, tmp_path_factory) -> str:
    site = tmp_path_factory.mktemp("arabic") / "site"
    folder = site / "content" / "articles"
    folder.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (site / "site.yaml").write_text('title: "السويداء: تسلسل زمني"\nlanguage: ar\n', encoding="utf-8")
    base_url = f"{static_server.origin}/ar-story/"
    build(BuildOptions(site, output_dir=static_server.root / "ar-story", base_url=base_url, use_cache=False))
    return base_url


def rect(page: Any, selector: str) -> dict[str, float]:
    return page.eval_on_selector(selector, "el => el.getBoundingClientRect().toJSON()")


def test_an_arabic_page_runs_right_to_left_with_the_rail_mirrored(page, page_errors, arabic_site):
    page.goto(arabic_site)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    gutter, body = rect(page, "li.event .event-date"), rect(page, "li.event .event-body")
    assert gutter["left"] >= body["right"] - 1  # the date gutter sits right of the event text
    style = page.eval_on_selector("li.event .event-body", """el => {
        const s = getComputedStyle(el), dot = getComputedStyle(el, "::before");
        return {start: s.borderRightWidth, end: s.borderLeftWidth, dotRight: dot.right,
                dotLeft: dot.left, align: getComputedStyle(el.previousElementSibling).textAlign};
    }""")
    assert style["start"] == "2px" and style["end"] == "0px"  # the rail on the right edge
    assert style["dotRight"] == "-7px" and style["dotLeft"] != "-7px"  # the marker on that rail
    heading = rect(page, ".month-heading")
    main = rect(page, "main")
    assert main["right"] - heading["right"] > heading["left"] - main["left"]  # indented from the right
    site_title, nav = rect(page, ".site-title"), rect(page, ".site-nav")
    assert site_title["left"] > nav["left"]  # the header reads from the right
    assert page.evaluate("getComputedStyle(document.querySelector('.overview-plot')).direction") == "ltr"
    assert not page_errors


def test_the_overview_zooms_with_arabic_month_names(page, page_errors, arabic_site):
    page.goto(arabic_site)
    page.wait_for_load_state("load")
    page.click("button[data-zoom='out']")
    page.wait_for_function("document.querySelector('[data-overview-status]').textContent.length > 0")
    status = page.text_content("[data-overview-status]")
    assert status.startswith("المعروض: من ") and "Showing" not in status
    ticks = page.eval_on_selector_all(".overview-ticks span", "els => els.map(e => e.textContent)")
    assert ticks and all(not any("a" <= ch.lower() <= "z" for ch in t) for t in ticks), ticks
    assert any(month in " ".join(ticks) for month in ("يوليو", "أغسطس", "يونيو", "سبتمبر")), ticks
    assert not page_errors


@pytest.mark.parametrize("path", ["", "articles/hudna/", "key-dates/", "embed/"])
def test_no_serious_accessibility_violations_right_to_left(browser, axe_js, arabic_site, path):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(arabic_site + path)
        tab.wait_for_load_state("load")
        tab.add_script_tag(path=str(axe_js))
        result = tab.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x)" for v in result["violations"]
                    if v["impact"] in ("serious", "critical")]
        assert not blocking, blocking
    finally:
        context.close()


def test_a_phone_sized_arabic_page_does_not_scroll_sideways(browser, arabic_site):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(arabic_site)
        tab.wait_for_load_state("load")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, width
    finally:
        context.close()

