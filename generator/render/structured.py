"""Structured data for search engines and link previews: each page's JSON-LD and summary.

Article pages are a ``NewsArticle`` (its outlet the publisher, an ``Organization``);
timeline pages (home, actors, year pages) an ``ItemList`` of ``Event``s; actor pages also
the actor as a ``Person``, ``Organization``, ``Country`` or ``Place`` by its kind. The JSON
goes inside <script type="application/ld+json">, where HTML ends the script at the first
"</script" whatever the JSON means: so <, > and & are written as JSON escapes (\\u003c...),
which no content can undo.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from markupsafe import Markup

from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, TimelineEvent, TimeValue
from . import urls
from .views import Views

CONTEXT = "https://schema.org"
# schema.org types of the actor kinds (an armed group is an organisation to schema.org).
ACTOR_TYPES = {"person": "Person", "country": "Country", "organisation": "Organization",
               "group": "Organization", "place": "Place"}
LIST_EVENTS = 100  # a timeline's ItemList names at most this many events (numberOfItems says all)
SUMMARY_CHARACTERS = 200  # an article's description for link previews
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # as schema.org Date reads ISO 8601
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")
ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: Any) -> Markup:
    """JSON safe to put between <script type="application/ld+json"> and </script>."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: ESCAPES[m.group()], text))


def summary(paragraphs: Sequence[str], limit: int = SUMMARY_CHARACTERS) -> str:
    """The opening of a text, cut at a word before ``limit`` characters."""
    text = " ".join(paragraphs).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.–—-")
    return cut + "…"


def event_dates(time: TimeValue) -> tuple[str, str | None]:
    """(startDate, endDate or None) at the event's own precision: a day, month or year as
    ISO 8601 gives it (2025-07-19, 2025-07, 2025), a clock time as a local date-time, any
    other period (a week, a season, a decade) as the first and last days it covers."""
    value = time.value
    if time.granularity in ("day", "month", "year") and ISO_DATE.fullmatch(value):
        return value, None
    if time.granularity == "time" and ISO_TIME.fullmatch(value):
        return value, None
    assert time.start is not None and time.end is not None
    start, end = time.start.isoformat(), time.end.isoformat()
    return start, (end if end != start else None)


class StructuredData:
    """The JSON-LD of one render run's pages."""

    def __init__(self, config: SiteConfig, views: Views, event_url: Callable[[str, str | None], str]):
        self.config = config
        self.views = views
        self.event_url = event_url

    def _url(self, target: str) -> str | None:
        return urls.absolute(self.config, target)

    def graph(self, *nodes: dict[str, Any] | None) -> Markup:
        return script_json({"@context": CONTEXT, "@graph": [n for n in nodes if n]})

    # Timelines ------------------------------------------------------------------------------

    def event(self, event: TimelineEvent, actor: str | None = None) -> dict[str, Any]:
        start, end = event_dates(event.time)
        node: dict[str, Any] = {"@type": "Event", "name": event.text.strip(), "startDate": start}
        if end:
            node["endDate"] = end
        url = self._url(self.event_url(event.id, actor))
        if url:
            node["url"] = url
        places = [self.views.actor_name(p) for p in event.places if p in self.views.actors]
        if places:
            node["location"] = [{"@type": "Place", "name": name} for name in places]
        return node

    def event_list(self, name: str, events: Iterable[TimelineEvent], target: str,
                   actor: str | None = None) -> dict[str, Any] | None:
        """An ItemList of the events a timeline page lists (the first LIST_EVENTS)."""
        dated = [e for e in events if e.time.start is not None and e.time.end is not None]
        if not dated:
            return None
        newest = self.config.order == "newest"
        ordered = sorted(dated, key=lambda e: e.time.start, reverse=newest)  # type: ignore[arg-type,return-value]
        node: dict[str, Any] = {
            "@type": "ItemList", "name": name, "numberOfItems": len(ordered),
            "itemListOrder": f"{CONTEXT}/ItemListOrder{'Descending' if newest else 'Ascending'}",
            "itemListElement": [{"@type": "ListItem", "position": i, "item": self.event(e, actor)}
                                for i, e in enumerate(ordered[:LIST_EVENTS], start=1)],
        }
        url = self._url(urls.pretty(target))
        if url:
            node["url"] = url
        return node

    def website(self) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": "WebSite", "name": self.config.title, "inLanguage": self.config.language}
        if self.config.description:
            node["description"] = self.config.description
        url = self._url("")
        if url:
            node["url"] = url
        return node

    # Actors and articles ---------------------------------------------------------------------

    def actor(self, actor: Actor) -> dict[str, Any]:
        kind = ACTOR_TYPES.get(actor.kind, "Thing")
        node: dict[str, Any] = {"@type": kind, "name": actor.name}
        aliases = [a for a in actor.aliases if a != actor.name]
        if aliases:
            node["alternateName"] = aliases
        if actor.description:
            node["description"] = actor.description
        url = self._url(urls.pretty(urls.actor_page(actor.slug)))
        if url:
            node["url"] = url
        parents = [self.views.actors[s] for s in actor.member_of if s in self.views.actors]
        organisations = [p for p in parents if ACTOR_TYPES.get(p.kind) == "Organization"]
        if organisations and kind in ("Person", "Organization"):
            node["memberOf"] = [{"@type": "Organization", "name": p.name} for p in organisations]
        return node

    def article(self, analysis: ArticleAnalysis, description: str, image: str | None) -> dict[str, Any]:
        article, day = analysis.article, analysis.dateline.date
        node: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
        if day is not None:
            node["datePublished"] = day.isoformat()
        if article.source:
            node["publisher"] = {"@type": "Organization", "name": article.source}
        if article.author:
            node["author"] = {"@type": "Person", "name": article.author}
        url = self._url(urls.pretty(urls.article_page(article.slug)))
        if url:
            node["url"] = url
        if image:
            node["image"] = [image]
        if description:
            node["description"] = description
        node["inLanguage"] = article.lang or self.config.language
        if article.url:
            node["isBasedOn"] = article.url  # the original the page reproduces
        return node
