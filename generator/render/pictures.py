"""Pictures in rendered article bodies: local files point at their copies under media/,
and every picture loads lazily with its size, so the page does not jump as they arrive."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import unescape

from markupsafe import Markup, escape

from ..media import BodyImage

IMG_TAG = re.compile(r"<img\b[^>]*>")
# A picture alone in its paragraph, as Markdown writes ![alt](src "caption") on its own line.
LONE_IMG = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


def body_with_pictures(html: Markup, images: Sequence[BodyImage], href: Callable[[str], str]) -> Markup:
    """``html`` (a sanitised article body) with each <img> of ``images`` given its copy's
    URL, width and height, every <img> loading="lazy" decoding="async", and a picture alone
    in its paragraph made a <figure> whose caption is its title."""
    by_src = {item.source_src: item.image for item in images}

    def fix(match: re.Match[str]) -> str:
        attrs = {k: unescape(v) for k, v in ATTRIBUTE.findall(match.group(0))}
        image = by_src.get(attrs.get("src", ""))
        if image is not None:
            if image.local:
                attrs["src"] = href(image.src)
            if image.width and image.height:
                attrs["width"], attrs["height"] = str(image.width), str(image.height)
        attrs.setdefault("alt", "")
        attrs["loading"], attrs["decoding"] = "lazy", "async"
        return "<img" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items()) + ">"

    def figure(match: re.Match[str]) -> str:
        title = dict(ATTRIBUTE.findall(match.group(1))).get("title", "")
        caption = f"<figcaption>{title}</figcaption>" if title else ""  # still escaped as written
        return f'<figure class="body-figure">{match.group(1)}{caption}</figure>'

    return Markup(LONE_IMG.sub(figure, IMG_TAG.sub(fix, str(html))))
