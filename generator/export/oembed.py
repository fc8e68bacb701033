"""oEmbed (https://oembed.com) "rich" responses: oembed.json and actors/<slug>/oembed.json.

Static files, not an endpoint: a CMS that knows the file's URL gets the iframe snippet
for the embed page of the whole timeline or of one actor.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..config import SiteConfig
from ..model import Actor
from .common import actor_path, dump_json, site_root

EMBED_WIDTH = 640
EMBED_HEIGHT = 600


def oembed_document(config: SiteConfig, actor: Actor | None = None) -> dict[str, Any]:
    root = site_root(config)
    src = root + "embed/" + (actor_path(actor.slug) if actor else "")
    title = f"{actor.name} — {config.title}" if actor else config.title
    iframe = (f'<iframe src="{escape(src)}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" '
              f'title="{escape(title)}" loading="lazy" style="border:0;max-width:100%">'
              "</iframe>")
    return {
        "version": "1.0",
        "type": "rich",
        "provider_name": config.title,
        "provider_url": root,
        "title": title,
        "html": iframe,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    }


def oembed_json(config: SiteConfig, actor: Actor | None = None) -> str:
    return dump_json(oembed_document(config, actor))
