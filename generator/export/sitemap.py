"""sitemap.xml (sitemaps.org protocol 0.9) and robots.txt.

The sitemap lists the pages meant for readers: home, actors index, actor pages, article
pages and key dates; never review/, the embed pages or 404.html. Sitemaps want absolute
URLs: without an absolute base_url the locations are written rooted at base_path
("/story/actors/") and the file says so, since crawlers cannot resolve them alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from ..config import SiteConfig
from ..model import Timeline
from ..render import urls
from ..render.pages import SiteLayout, page_records, sitemap_records
from ..render.paging import Paging
from .common import article_date, site_root

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# An XML comment may not contain "--", so the note names the setting, not the CLI flag.
RELATIVE_NOTE = (" base_url is not an absolute URL: locations are rooted at the base path."
                 " Set an absolute base_url (https://...) for a sitemap search engines accept. ")


def sitemap_pages(timeline: Timeline, config: SiteConfig | None = None,
                  layout: SiteLayout | None = None) -> list[tuple[str, date | None]]:
    """(site-relative path, last modified) of every page a reader should find: the page
    list's records of the kinds meant for readers (render/pages.py). ``layout``: the page
    records and paging the renderer made already (else made here)."""
    dates = {a.article.slug: article_date(a) for a in timeline.articles}
    latest = max((d for d in dates.values() if d is not None), default=None)
    if layout is None:
        paging = Paging(timeline, config or SiteConfig())
        layout = SiteLayout(page_records(timeline, paging), paging)
    records, paging = layout
    pages: list[tuple[str, date | None]] = []
    for record in sitemap_records(records):
        modified = latest
        if record.kind == "actor":
            cited = {c.article for event in paging.events(str(record.actor)) for c in event.citations}
            modified = max((d for d in map(dates.get, cited) if d is not None), default=None)
        elif record.kind == "article":
            modified = dates[str(record.article)]
        pages.append((urls.pretty(record.path), modified))
    return pages


def sitemap_xml(timeline: Timeline, config: SiteConfig,
                layout: SiteLayout | None = None) -> str:
    root = site_root(config)
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    if not config.absolute_base:
        urlset.append(ET.Comment(RELATIVE_NOTE))
    for path, modified in sitemap_pages(timeline, config, layout):
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = root + path
        if modified is not None:
            ET.SubElement(url, "lastmod").text = modified.isoformat()
    ET.indent(urlset, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def robots_txt(config: SiteConfig) -> str:
    lines = ["User-agent: *", f"Disallow: {config.base_path}review/"]
    if config.absolute_base:
        lines.append(f"Sitemap: {config.absolute_base}sitemap.xml")
    return "\n".join(lines) + "\n"
