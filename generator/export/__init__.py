"""The machine-readable files of a site: data exports, feeds, oEmbed, sitemap, robots.txt.

One module per format; this module puts them at their places in the URL layout.
Everything is a pure function of the Timeline and the SiteConfig, deterministic to the
byte (no clock, sorted output), UTF-8.
"""

from __future__ import annotations

from typing import Callable, Iterator

from ..config import SiteConfig
from ..errors import UsageError
from ..media import Media, event_images
from ..model import Timeline
from .atom import atom_feed
from .common import EventCache, actor_path, find_actor, restrict_to_actor
from .csv_table import timeline_csv
from .ics import timeline_ics
from .oembed import oembed_json
from .sitemap import robots_txt, sitemap_xml
from .timeline_json import timeline_document, timeline_json
from .timelinejs import timelinejs_document, timelinejs_json

__all__ = ["FORMATS", "export_files", "export_format", "export_items", "export_makers", "timeline_document",
           "timelinejs_document"]

FORMATS = ("json", "timelinejs", "csv", "ics", "atom")


def export_files(timeline: Timeline, config: SiteConfig, media: Media | None = None) -> dict[str, bytes]:
    """Every machine-readable file of the URL layout, by path relative to output/."""
    return dict(sorted(export_items(timeline, config, media)))


def export_items(timeline: Timeline, config: SiteConfig,
                 media: Media | None = None) -> Iterator[tuple[str, bytes]]:
    """The files of ``export_files`` one at a time, so a writer need not hold them all.
    ``media`` (the articles' pictures) gives events their TimelineJS media and Atom
    enclosures."""
    for path, make in export_makers(timeline, config, media).items():
        yield path, make()


def export_makers(timeline: Timeline, config: SiteConfig,
                  media: Media | None = None) -> dict[str, Callable[[], bytes]]:
    """Each file of ``export_files`` as a function that makes it, by path in layout order:
    for `annals serve`, which makes a file only when it is asked for."""
    # The actors' files cite the same events as the site's; the pictures are looked up once.
    cache = EventCache(images=event_images(timeline, media))
    texts: dict[str, Callable[[], str]] = {
        "timeline.json": lambda: timeline_json(timeline, config),
        "timelinejs.json": lambda: timelinejs_json(timeline, config, cache=cache),
        "timeline.csv": lambda: timeline_csv(timeline, config),
        "timeline.ics": lambda: timeline_ics(timeline, config),
        "feed.xml": lambda: atom_feed(timeline, config, cache=cache),
        "oembed.json": lambda: oembed_json(config),
        "sitemap.xml": lambda: sitemap_xml(timeline, config),
        "robots.txt": lambda: robots_txt(config),
    }
    parts: dict[str, Timeline] = {}

    def part(slug: str) -> Timeline:
        if slug not in parts:
            parts[slug] = restrict_to_actor(timeline, slug)
        return parts[slug]

    for actor in timeline.actors:
        folder = actor_path(actor.slug)
        texts[folder + "feed.xml"] = lambda a=actor: atom_feed(part(a.slug), config, a, cache)
        texts[folder + "timelinejs.json"] = lambda a=actor: timelinejs_json(part(a.slug), config, a, cache)
        texts[folder + "oembed.json"] = lambda a=actor: oembed_json(config, a)
    return {path: (lambda make=make: make().encode("utf-8")) for path, make in texts.items()}


def export_format(timeline: Timeline, config: SiteConfig, fmt: str,
                  actor: str | None = None, media: Media | None = None) -> str:
    """One export as text, for `annals export --format FMT [--actor SLUG]`.

    With an actor, the export covers that actor's events (as on its page), the actors
    they involve and the articles that cite them.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    cast = None
    cache = EventCache(images=event_images(timeline, media))
    if actor is not None:
        cast = find_actor(timeline, actor)
        if cast is None:
            known = ", ".join(a.slug for a in timeline.actors) or "none"
            raise UsageError(f"no actor with the slug {actor!r} (known: {known})")
        timeline = restrict_to_actor(timeline, actor)
    render: dict[str, Callable[[], str]] = {
        "json": lambda: timeline_json(timeline, config),
        "timelinejs": lambda: timelinejs_json(timeline, config, cast, cache),
        "csv": lambda: timeline_csv(timeline, config),
        "ics": lambda: timeline_ics(timeline, config, f"{cast.name} — {config.title}" if cast else None),
        "atom": lambda: atom_feed(timeline, config, cast, cache),
    }
    return render[fmt]()
