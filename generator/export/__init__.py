"""The machine-readable files of a site: data exports, feeds, oEmbed, sitemap, robots.txt.

One module per format; this module puts them at their places in the URL layout.
Everything is a pure function of the Timeline and the SiteConfig, deterministic to the
byte (no clock, sorted output), UTF-8.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..config import SiteConfig
from ..errors import UsageError
from ..media import Media, event_images
from ..model import Timeline
from ..render.pages import SiteLayout
from .atom import atom_feed
from .common import EventCache, Pieces, actor_path, find_actor, restrict_to_actor
from .csv_table import timeline_csv, timeline_csv_chunks
from .ics import timeline_ics, timeline_ics_chunks
from .oembed import oembed_json
from .sitemap import robots_txt, sitemap_xml
from .timeline_json import timeline_document, timeline_json, timeline_json_chunks
from .timelinejs import timelinejs_chunks, timelinejs_document, timelinejs_json

__all__ = ["FORMATS", "actor_files", "export_files", "export_format", "export_items", "export_makers", "export_streams",
           "timeline_document", "timelinejs_document"]

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
    return {path: (lambda stream=stream: b"".join(stream()))
            for path, stream in export_streams(timeline, config, media).items()}


def export_streams(timeline: Timeline, config: SiteConfig, media: Media | None = None,
                   pieces: Pieces | None = None, layout: SiteLayout | None = None,
                   ) -> dict[str, Callable[[], Iterable[bytes]]]:
    """Each file of ``export_files`` as a function giving its bytes in pieces, by path in
    layout order: the big data exports come an event at a time, so a writer holds neither
    a whole file nor its document. ``pieces``: where the events' pieces come from (the last
    build's files, export/splice.py) when not made here. ``layout``: the page records and
    paging the renderer made (for the sitemap; else made again)."""
    # The actors' files cite the same events as the site's; the pictures are looked up once.
    cache = EventCache(images=event_images(timeline, media), pieces=pieces)
    paging = layout.paging if layout is not None else None
    streams: dict[str, Callable[[], Iterable[bytes]]] = {
        "timeline.json": lambda: timeline_json_chunks(timeline, config, pieces, paging),
        "timelinejs.json": lambda: timelinejs_chunks(timeline, config, cache=cache),
        "timeline.csv": lambda: timeline_csv_chunks(timeline, config, pieces),
        "timeline.ics": lambda: timeline_ics_chunks(timeline, config, pieces=pieces,
                                                    paging=paging),
        "feed.xml": _whole(lambda: atom_feed(timeline, config, cache=cache, paging=paging)),
        "oembed.json": _whole(lambda: oembed_json(config)),
        "sitemap.xml": _whole(lambda: sitemap_xml(timeline, config, layout)),
        "robots.txt": _whole(lambda: robots_txt(config)),
    }
    parts: dict[str, Timeline] = {}

    def part(slug: str) -> Timeline:
        if slug not in parts:
            parts[slug] = restrict_to_actor(timeline, slug, paging.events(slug) if paging is not None else None)
        return parts[slug]

    for actor in timeline.actors:
        feed, slides, oembed = actor_files(actor.slug)
        streams[feed] = _whole(lambda a=actor: atom_feed(part(a.slug), config, a, cache, paging))
        streams[slides] = lambda a=actor: timelinejs_chunks(part(a.slug), config, a, cache)
        streams[oembed] = _whole(lambda a=actor: oembed_json(config, a))
    return streams


def actor_files(slug: str) -> tuple[str, str, str]:
    """An actor's own export files: its feed, TimelineJS and oEmbed files (each a function
    of the actor's part of the timeline)."""
    folder = actor_path(slug)
    return folder + "feed.xml", folder + "timelinejs.json", folder + "oembed.json"


def _whole(make: Callable[[], str]) -> Callable[[], Iterable[bytes]]:
    """A small file made at once, as a stream of one piece."""
    return lambda: (make().encode("utf-8"),)


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
