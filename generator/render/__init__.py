"""Rendering the site: Timeline + SiteConfig + theme -> {output path: bytes}.

    urls    page paths, relative links, absolute URLs, embed snippets, event_url
    paging  big timelines split by year (site.yaml page_events)
    body    article bodies (Markdown -> sanitised HTML) with date phrases highlighted
    views   the objects templates see, built from the Timeline
    chrono  chronology helpers (to be replaced by generator.chronology)
    overview  the visual overview: an SVG time axis of aggregated bins
    pictures  pictures in article bodies: copies' URLs, sizes, lazy loading
    editor  what only editors see: the review page's groups, the error page
    theme   finding a theme, its Jinja environment and static files (only regular files)
    site    the page list and page rendering
    search  the search index's records (events, articles, actors) for generator/search.py
"""

from .site import (PageMaker, RenderOptions, page_paths,
                   render_error_page, render_pages, render_site, search_documents, year_pages)
from .theme import check_templates, find_theme, make_environment, static_files, theme_refusals
from .urls import embed_snippet, event_url

__all__ = ["PageMaker", "RenderOptions", "check_templates", "embed_snippet", "event_url", "find_theme", "make_environment", "page_paths",
           "render_error_page", "render_pages", "render_site",
           "search_documents", "static_files", "theme_refusals", "year_pages"]
