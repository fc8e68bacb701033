"""Pictures of events: an article's lead image (front matter ``image``, ``image_alt``,
``image_caption``, ``image_credit``) and the images in its body.

Local files live under content/ and are copied to ``media/<their path under content/>``;
http(s) URLs are used as they are. A local path is relative to the article's folder, or to
content/ when it starts with "/"; one that leads out of content/, names no file or is not
an image is an error naming the article and line. A picture without alt text is a warning
(``annals check`` lists it): it still shows, with an empty alt.

Which event a picture belongs to (``event_images``): the lead image goes with the article's
first dated sentence; a body image with the first dated sentence of its own paragraph, else
of the paragraph after it, else of the one before. An event cited by several articles shows
the first picture of its citations, in citation order.

Besides content.py, this is the only module that reads the site's files (the images).
"""

from __future__ import annotations

import bisect
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .content import key_lines, read_source
from .errors import BuildErrors, ContentError
from .model import Article, ArticleAnalysis, Problem, Timeline

MEDIA_DIR = "media"
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp", ".svg": "image/svg+xml",
               ".avif": "image/avif"}
# ![alt](src "title") and ![alt](<src> "title"): Markdown's inline image syntax.
MARKDOWN_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+"(?P<title>[^"]*)")?\s*\)')
BLANK_LINES = re.compile(r"\n[ \t]*\n")
SVG_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class Image:
    src: str  # an http(s) URL, or the output path "media/articles/2025/map.svg"
    alt: str | None  # None: the author gave none (a warning); shown as alt=""
    caption: str = ""
    credit: str = ""
    width: int | None = None  # pixels, when known (local files)
    height: int | None = None
    mime: str = ""
    length: int | None = None  # bytes, local files only

    @property
    def local(self) -> bool:
        return not is_remote(self.src)


@dataclass(frozen=True)
class BodyImage:
    image: Image
    source_src: str  # the src as written in the Markdown
    offset: int  # where the image starts in the article's Markdown body


@dataclass(frozen=True)
class ArticleMedia:
    lead: Image | None = None
    body: tuple[BodyImage, ...] = ()


@dataclass(frozen=True)
class Media:
    articles: dict[str, ArticleMedia] = field(default_factory=dict)  # by article slug
    files: dict[str, bytes] = field(default_factory=dict)  # output path -> bytes
    problems: tuple[Problem, ...] = ()


def is_remote(src: str) -> bool:
    parts = urlsplit(src)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# Collecting --------------------------------------------------------------------------------

def collect_media(site_dir: Path, content_dir: str, articles: tuple[Article, ...]) -> Media:
    """Every article's pictures, the local files' bytes and the warnings; raises the first
    ContentError of each article (all articles are looked at) as a list."""
    root = (site_dir / content_dir).resolve()
    per_article: dict[str, ArticleMedia] = {}
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    errors: list[ContentError] = []
    for article in articles:
        if not article.image and "![" not in article.body:
            continue
        try:
            per_article[article.slug] = _article_media(site_dir, root, article, files, problems)
        except ContentError as exc:
            errors.append(exc)
    if errors:
        raise BuildErrors(errors)
    return Media(per_article, dict(sorted(files.items())), tuple(problems))


def _article_media(site_dir: Path, root: Path, article: Article, files: dict[str, bytes],
                   problems: list[Problem]) -> ArticleMedia:
    lines = _front_matter_lines(site_dir, article) if article.image else {}
    lead = None
    if article.image:
        line = lines.get("image")
        src, data, mime = _resolve(site_dir, root, article, article.image, line, "front matter `image`")
        if article.image_alt is None:
            problems.append(Problem(article.path, "front matter `image` has no `image_alt`: describe "
                                    "the picture for readers who cannot see it", line, "warning", "media"))
        lead = _image(src, data, mime, article.image_alt, article.image_caption or "",
                      article.image_credit or "", files)
    body = []
    for match in MARKDOWN_IMAGE.finditer(article.body):
        written = match.group("src")
        line = article.line_of(match.start())
        if not is_remote(written) and urlsplit(written).scheme:
            continue  # data:, javascript: and the like: the sanitiser deals with those
        try:
            src, data, mime = _resolve(site_dir, root, article, written, line, f"image {written!r}")
        except ContentError as exc:
            # A clipping often keeps the markup of pictures that were never saved: the body
            # shows it as written, no event gets it, and check says why.
            problems.append(Problem(article.path, f"{exc.message}; the picture goes with no event",
                                    line, "warning", "media"))
            continue
        alt = match.group("alt").strip() or None
        if alt is None:
            problems.append(Problem(article.path, f"image {written!r} has no alt text: write it "
                                    "between the brackets, ![like this](...)", line, "warning", "media"))
        image = _image(src, data, mime, alt, (match.group("title") or "").strip(), "", files)
        body.append(BodyImage(image, written, match.start()))
    return ArticleMedia(lead, tuple(body))


def _front_matter_lines(site_dir: Path, article: Article) -> dict[str, int]:
    try:
        source = read_source(site_dir / article.path, site_dir)
    except ContentError:
        return {}
    return key_lines(source.text, article.body_line)


def _resolve(site_dir: Path, root: Path, article: Article, written: str, line: int | None,
             what: str) -> tuple[str, bytes | None, str]:
    """(src for the page, bytes of a local file or None, MIME type)."""
    if is_remote(written):
        return written, None, IMAGE_TYPES.get(PurePosixPath(urlsplit(written).path).suffix.lower(), "")
    path_text = urlsplit(written).path
    if not path_text or "\\" in path_text:
        raise ContentError(article.path, f"{what} is not a file path or an http(s) URL", line)
    if path_text.startswith("/"):
        candidate = root / path_text.lstrip("/")
    else:
        candidate = (site_dir / article.path).parent / path_text
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root):
        raise ContentError(article.path, f"{what} leads out of the content folder; keep pictures "
                           "under content/", line)
    mime = IMAGE_TYPES.get(resolved.suffix.lower())
    if mime is None:
        raise ContentError(article.path, f"{what} is not a picture Annals knows "
                           f"({', '.join(sorted(IMAGE_TYPES))})", line)
    if not resolved.is_file():
        raise ContentError(article.path, f"{what}: no such file {resolved.relative_to(root).as_posix()} "
                           "under content/", line)
    try:
        data = resolved.read_bytes()
    except OSError as exc:
        raise ContentError(article.path, f"{what} cannot be read: {exc.strerror}", line) from None
    return f"{MEDIA_DIR}/{resolved.relative_to(root).as_posix()}", data, mime


def _image(src: str, data: bytes | None, mime: str, alt: str | None, caption: str, credit: str,
           files: dict[str, bytes]) -> Image:
    if data is None:
        return Image(src, alt, caption, credit, mime=mime)
    files[src] = data
    size = image_size(data, mime)
    return Image(src, alt, caption, credit, size[0] if size else None, size[1] if size else None,
                 mime, len(data))


# Sizes -------------------------------------------------------------------------------------

def image_size(data: bytes, mime: str) -> tuple[int, int] | None:
    """Width and height in pixels from the file's header (PNG, GIF, JPEG, WebP, SVG), or None."""
    try:
        if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
            return struct.unpack(">II", data[16:24])
        if data[:6] in (b"GIF87a", b"GIF89a"):
            return struct.unpack("<HH", data[6:10])
        if data[:2] == b"\xff\xd8":
            return _jpeg_size(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp_size(data)
        if mime == "image/svg+xml":
            return _svg_size(data)
    except (struct.error, IndexError, ValueError):
        return None
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        # Start-of-frame markers (baseline, progressive, ...) carry the size; not DHT/JPG/DAC.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def _svg_size(data: bytes) -> tuple[int, int] | None:
    head = data[:4096].decode("utf-8", "replace")
    tag = re.search(r"<svg\b[^>]*>", head, re.S)
    if not tag:
        return None
    attrs = dict(re.findall(r'([\w:-]+)\s*=\s*"([^"]*)"', tag.group(0)))
    width, height = (SVG_LENGTH.match(attrs.get(k, "")) for k in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = attrs.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    return None


# Pictures of events ------------------------------------------------------------------------

def _blocks(body: str) -> list[int]:
    """Start offsets of the Markdown body's blocks (paragraphs, separated by blank lines)."""
    return [0] + [m.end() for m in BLANK_LINES.finditer(body)]


def article_event_images(analysis: ArticleAnalysis, media: ArticleMedia) -> dict[str, list[Image]]:
    """The article's event ids (citation ids) -> their pictures, by the rule above."""
    events = analysis.events
    if not events:
        return {}
    out: dict[str, list[Image]] = {}
    if media.lead is not None:
        out.setdefault(events[0].id, []).append(media.lead)
    if not media.body:
        return out
    starts = _blocks(analysis.article.body)
    by_block: dict[int, str] = {}
    for event in events:
        offset = analysis.text.to_source(event.sentence.start)
        by_block.setdefault(bisect.bisect_right(starts, offset) - 1, event.id)
    for item in media.body:
        block = bisect.bisect_right(starts, item.offset) - 1
        for near in (block, block + 1, block - 1):
            if near in by_block:
                out.setdefault(by_block[near], []).append(item.image)
                break
    return out


def event_images(timeline: Timeline, media: Media | None) -> dict[str, Image]:
    """Timeline event id -> the picture it shows (the first of its citations')."""
    if media is None or not media.articles:
        return {}
    per_citation: dict[str, list[Image]] = {}
    for analysis in timeline.articles:
        found = media.articles.get(analysis.article.slug)
        if found is not None:
            per_citation.update(article_event_images(analysis, found))
    out: dict[str, Image] = {}
    for event in timeline.events:
        for citation in event.citations:
            images = per_citation.get(citation.id)
            if images:
                out[event.id] = images[0]
                break
    return out


__all__ = ["ArticleMedia", "BodyImage", "Image", "Media", "collect_media", "event_images",
           "image_size", "is_remote"]
