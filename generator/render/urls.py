"""URLs of the output: page paths, relative links between pages, absolute URLs, embed snippets.

Pages link to each other with relative URLs so output/ works copied anywhere. Absolute URLs
(canonical, oEmbed, embed snippets) come from ``SiteConfig.base_url`` when it is absolute.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..config import SiteConfig
from ..chronology.views import YEAR_LEVEL
from ..errors import ContentError
from ..model import Timeline, TimelineEvent

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


def embed_snippet(config: SiteConfig, page_path: str, title: str, kind: str = "iframe",
                  link_text: str = "View the timeline") -> str:
    """The HTML a host page pastes to embed a timeline page.

    ``page_path`` is the embed page, as a path ("embed/index.html") or URL ("embed/").
    ``kind`` "iframe" gives a plain <iframe>; "script" gives the <div data-annals-timeline>
    alternative whose iframe embed.js creates and keeps at the height of its content, with
    a link (``link_text``, in the site's language) for hosts without JavaScript.
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
            '<a href="{2}">{4}</a></div>\n'
            '<script src="{3}" async></script>'
        ).format(src, title_attr, escape(base), escape(base + "static/embed.js"), link_text))
    raise ValueError(f"unknown embed snippet kind {kind!r} (use 'iframe' or 'script')")


# Year pages of big timelines -------------------------------------------------------------
#
# A timeline (home, an actor's, an embed) with more than ``page_events`` events is split by
# year: its page keeps a year index and the latest events, and each year gets a page of its
# own under "<timeline folder>years/<yyyy>/". Events vaguer than a year (decades,
# centuries) have no year of their own: they share the page "<timeline folder>years/periods/".

DEFAULT_PAGE_EVENTS = 1000
PAGE_EVENTS_KEY = "page_events"  # site.yaml
PERIODS = "periods"
PERIOD_GRANULARITIES = ("decade", "century")


def page_events(config: SiteConfig) -> int:
    """The most events a timeline page shows before it is split by year (site.yaml
    ``page_events``, default 1000; 0 never splits)."""
    value = config.extra.get(PAGE_EVENTS_KEY, DEFAULT_PAGE_EVENTS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ContentError("site.yaml", f"`{PAGE_EVENTS_KEY}` must be a whole number of events "
                           f"(0 never splits a timeline by year), not {value!r}")
    return value


def is_split(event_count: int, config: SiteConfig) -> bool:
    """Whether a timeline of ``event_count`` events gets year pages."""
    limit = page_events(config)
    return bool(limit) and event_count > limit


def year_key(event: TimelineEvent) -> str | None:
    """The year page an event goes on: "2025", PERIODS for decades and centuries, None for
    an event not on the calendar (no page shows those)."""
    start = event.time.start
    if start is None:
        return None
    if event.time.granularity in PERIOD_GRANULARITIES:
        return PERIODS
    return f"{start.year:04d}"


def timeline_page(actor: str | None = None, embed: bool = False) -> str:
    """The page of a whole timeline: home, an actor's, or their embed pages."""
    if actor is None:
        return EMBED if embed else HOME
    return actor_embed_page(actor) if embed else actor_page(actor)


def year_page(key: str, actor: str | None = None, embed: bool = False) -> str:
    """The page of one year ("2025" or PERIODS) of a split timeline."""
    folder = pretty(timeline_page(actor, embed))
    return f"{folder}years/{key}/index.html"


def month_key(event: TimelineEvent) -> str | None:
    """The month page an event goes on when its year is split by month ("2025-03"), None
    for an event dated to the half-year or the year as a whole: those stay on the year page
    (the months are those of chronology.group_by_year_month)."""
    start = event.time.start
    if start is None or event.time.granularity in YEAR_LEVEL or event.time.granularity in PERIOD_GRANULARITIES:
        return None
    return f"{start.year:04d}-{start.month:02d}"


def page_key(event: TimelineEvent) -> tuple:
    """What decides the year and month pages an event goes on (year_key, month_key):
    events of equal keys are on one page of any scope. Cheaper than the keys: no text made."""
    time = event.time
    start = time.start
    if start is None:
        return ()
    if time.granularity in PERIOD_GRANULARITIES:
        return (PERIODS,)
    if time.granularity in YEAR_LEVEL:
        return (start.year,)
    return (start.year, start.month)


def month_page(key: str, actor: str | None = None, embed: bool = False) -> str:
    """The page of one month ("2025-03") of a year split by month: "years/2025/03/"."""
    year, month = key.split("-")
    return f"{pretty(timeline_page(actor, embed))}years/{year}/{month}/index.html"


def event_url(timeline: Timeline, config: SiteConfig, event: str | TimelineEvent, *,
              actor: str | None = None) -> str:
    """Where an event is on the home timeline (or on ``actor``'s page), root-relative:
    "#<id>" on a timeline that fits one page, "years/2025/#<id>" on a split one,
    "years/2025/03/#<id>" in a year split by month.

    For one link: it counts the timeline's events (for thousands of links, one
    paging.Paging answers them all).
    """
    from .paging import Paging  # paging builds on this module

    event_id = event if isinstance(event, str) else event.id
    if isinstance(event, str):
        event = next((e for e in timeline.events if e.id == event_id), None)  # type: ignore[assignment]
    if event is None:
        return f"{pretty(timeline_page(actor))}#{event_id}"  # on no page; the timeline's own is the best guess
    return Paging(timeline, config).event_url(event, actor)  # type: ignore[arg-type]


def link(from_page: str, target: str) -> str:
    """Like ``relative``, but a fragment on ``from_page`` itself is just "#id", so the
    browser scrolls rather than reloads."""
    page, hash_mark, fragment = target.partition("#")
    if hash_mark and fragment and page == pretty(from_page):
        return "#" + fragment
    return relative(from_page, target)
