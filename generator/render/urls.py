"""URLs of the output: page paths, relative links between pages, absolute URLs, embed snippets.

Pages link to each other with relative URLs so output/ works copied anywhere. Absolute URLs
(canonical, oEmbed, embed snippets) come from ``SiteConfig.base_url`` when it is absolute.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..config import SiteConfig

HOME = "index.html"
ACTORS_INDEX = "actors/index.html"
KEY_DATES = "key-dates/index.html"
REVIEW = "review/index.html"
EMBED = "embed/index.html"
NOT_FOUND = "404.html"


def actor_page(slug: str) -> str:
    return f"actors/{slug}/index.html"


def article_page(slug: str) -> str:
    return f"articles/{slug}/index.html"


def actor_embed_page(slug: str) -> str:
    return f"embed/actors/{slug}/index.html"


def root_of(page_path: str) -> str:
    """The relative prefix from a page back to the site root: "" or "../../"."""
    return "../" * page_path.count("/")


def pretty(page_path: str) -> str:
    """The URL form of a page path, relative to the root: "actors/x/index.html" -> "actors/x/"."""
    if page_path == HOME:
        return ""
    if page_path.endswith("/index.html"):
        return page_path[: -len("index.html")]
    return page_path


def relative(from_page: str, target: str) -> str:
    """A link from ``from_page`` to ``target`` (a root-relative URL such as "actors/x/#e1").

    The home page is "./" rather than "" so the link is never empty.
    """
    url = root_of(from_page) + target
    if url == "" or url.startswith("#"):
        return "./" + url
    return url


def absolute(config: SiteConfig, target: str) -> str | None:
    """An absolute URL for a root-relative ``target``, or None without an absolute base_url."""
    base = config.absolute_base
    return base + target if base else None


def embed_base(config: SiteConfig) -> str:
    """Where embed snippets point: the absolute base_url, else the site's path ("/story/")."""
    return config.absolute_base or config.base_path


def embed_snippet(config: SiteConfig, page_path: str, title: str, kind: str = "iframe") -> str:
    """The HTML a host page pastes to embed a timeline page.

    ``page_path`` is the embed page, as a path ("embed/index.html") or URL ("embed/").
    ``kind`` "iframe" gives a plain <iframe>; "script" gives the <div data-annals-timeline>
    alternative whose iframe embed.js creates and keeps at the height of its content.
    """
    base = embed_base(config)
    src = escape(base + pretty(page_path))
    title_attr = escape(title)
    if kind == "iframe":
        return str(Markup(
            '<iframe src="{0}" title="{1}" style="width:100%;border:0" height="600" '
            'loading="lazy"></iframe>'
        ).format(src, title_attr))
    if kind == "script":
        return str(Markup(
            '<div data-annals-timeline="{0}" data-annals-title="{1}">'
            '<a href="{2}">View the timeline</a></div>\n'
            '<script src="{3}" async></script>'
        ).format(src, title_attr, escape(base), escape(base + "static/embed.js")))
    raise ValueError(f"unknown embed snippet kind {kind!r} (use 'iframe' or 'script')")
