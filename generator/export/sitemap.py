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
from ..render.pages import page_records, sitemap_records
from ..render.paging import Paging
from .common import article_date, dateline_dates, events_for_actor, site_root

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# An XML comment may not contain "--", so the note names the setting, not the CLI flag.
RELATIVE_NOTE = (" base_url is not an absolute URL: locations are rooted at the base path."
                 " Set an absolute base_url (https://...) for a sitemap search engines accept. ")


def sitemap_pages(timeline: Timeline, config: SiteConfig | None = None) -> list[tuple[str, date | None]]:
    """(site-relative path, last modified) of every page a reader should find: the page
    list's records of the kinds meant for readers (render/pages.py)."""
    latest = max(dateline_dates(timeline), default=None)
    articles = {a.article.slug: a for a in timeline.articles}
    records = page_records(timeline, Paging(timeline, config or SiteConfig()))
    pages: list[tuple[str, date | None]] = []
    for record in sitemap_records(records):
        modified = latest
        if record.kind == "actor":
            modified = max(dateline_dates(timeline, events_for_actor(timeline, str(record.actor))), default=None)
        elif record.kind == "article":
            modified = article_date(articles[str(record.article)])
        pages.append((urls.pretty(record.path), modified))
    return pages


def sitemap_xml(timeline: Timeline, config: SiteConfig) -> str:
    root = site_root(config)
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    if not config.absolute_base:
        urlset.append(ET.Comment(RELATIVE_NOTE))
    for path, modified in sitemap_pages(timeline, config):
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
