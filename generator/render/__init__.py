"""Rendering the site: Timeline + SiteConfig + theme -> {output path: bytes}.

    urls    page paths, relative links, absolute URLs, embed snippets, event_url
    paging  big timelines split by year (site.yaml page_events)
    body    article bodies (Markdown -> sanitised HTML) with date phrases highlighted
    views   the objects templates see, built from the Timeline
    chrono  chronology helpers (to be replaced by generator.chronology)
    site    the Jinja environment, page list and page rendering
"""

from .site import (find_theme, make_environment, page_paths, pages_for_article, render_error_page,
                   render_pages, render_site, static_files, theme_refusals, year_pages)
from .urls import embed_snippet, event_url

__all__ = ["embed_snippet", "event_url", "find_theme", "make_environment", "page_paths",
           "pages_for_article", "render_error_page", "render_pages", "render_site",
           "static_files", "theme_refusals", "year_pages"]
