"""Article bodies as safe HTML with every date phrase highlighted, and marked sentences.

The tagger's offsets are into ``PlainText.text``. To highlight them in the rendered Markdown,
private-use marker characters are inserted into the Markdown source at the mapped offsets,
the Markdown is rendered and sanitised, and only then are the markers replaced with the
<mark> tags (so content can never smuggle markup in through a marker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import markdown
import nh3
from markupsafe import Markup, escape

from ..model import ArticleAnalysis, Event, PlainText

OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
DIGIT_ZERO = 0xE010  # the index is written with private-use "digits" so Markdown sees no numbers
MARKER_CHARS = re.compile("[\ue000-\ue01f]")
MARKER = re.compile("\ue000([\ue010-\ue019]+)\ue001|\ue002")
TAG = re.compile(r"(<[^>]*>)")
HEADING_TAG = re.compile(r"^<(/?)h([1-5])\b")
LINE_MARKUP = re.compile(r"[\s#>*_`~|+-]*")  # what may stand around a hidden line's text

BODY_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})  # no landmarks (nav, header, footer, aside): the page owns those
BODY_ATTRIBUTES = {
    "a": {"href", "hreflang", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
MARKDOWN_EXTENSIONS = ("extra", "sane_lists")


@dataclass(frozen=True)
class Highlight:
    """A date phrase to mark in an article body."""

    index: int  # the timex's index in the article: the mark's id is "t-<index>"
    start: int  # offsets into PlainText.text
    end: int
    value: str
    label: str  # shown as the tooltip
    anchor_id: str | None = None  # id for the phrase (the citation's event id), if it dates one
    href: str | None = None  # where the phrase links (the event on the timeline)
    event_id: str | None = None  # the timeline event id, as data-event


@dataclass(frozen=True)
class RenderedBody:
    html: Markup
    placed: frozenset[int]  # highlight indexes that made it into the HTML


def markdown_converter() -> markdown.Markdown:
    """A Markdown converter for render_body; one per render run, reused article after
    article (setting up the extensions costs more than converting a short article)."""
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")


def render_body(source: str, plain: PlainText, highlights: list[Highlight],
                converter: markdown.Markdown | None = None,
                hidden: Sequence[tuple[int, int]] = ()) -> RenderedBody:
    """The Markdown ``source`` as sanitised HTML with ``highlights`` marked.

    ``hidden`` are spans of the plain text left out of the page (the dateline, shown apart,
    and page cruft); a hidden span that fills its line takes the line's markup with it.
    ``converter`` (from markdown_converter) is reset first, so nothing of a previous
    article (footnotes, abbreviations) leaks into this one; without it a fresh one is made.
    """
    marked, by_index = _insert_markers(source, plain, highlights, hidden)
    html = (converter or markdown_converter()).reset().convert(marked)
    clean = nh3.clean(html, tags=set(BODY_TAGS), clean_content_tags={"script", "style"},
                      attributes={k: set(v) for k, v in BODY_ATTRIBUTES.items()},
                      link_rel="noopener nofollow noreferrer")
    out, placed = _replace_markers(clean, by_index)
    return RenderedBody(Markup(out), frozenset(placed))


def _insert_markers(source: str, plain: PlainText, highlights: list[Highlight],
                    hidden: Sequence[tuple[int, int]] = ()) -> tuple[str, dict[int, Highlight]]:
    # Content's own private-use characters would be read as markers: blank them out,
    # one for one, so the offsets stay right.
    source = MARKER_CHARS.sub("\ufffd", source)
    cuts = _cuts(source, plain, hidden)
    spans: list[tuple[int, int, Highlight | None]] = []
    for h in sorted(highlights, key=lambda h: (h.start, h.end, h.index)):
        span = _source_span(plain, h.start, h.end, len(source))
        if span and not any(a < span[1] and span[0] < b for a, b in cuts):
            spans.append((span[0], span[1], h))
    spans = _without_overlaps(sorted(spans + [(a, b, None) for a, b in cuts],
                                     key=lambda s: (s[0], s[1])))
    pieces: list[str] = []
    cursor = len(source)
    for start, end, h in reversed(spans):
        pieces.append(source[end:cursor])
        if h is not None:
            pieces.append(CLOSE)
            pieces.append(source[start:end])
            pieces.append(OPEN + _encode(h.index) + MID)
        cursor = start
    pieces.append(source[:cursor])
    return "".join(reversed(pieces)), {h.index: h for _, _, h in spans if h is not None}


def _without_overlaps(spans):
    out = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _cuts(source: str, plain: PlainText, hidden: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Source spans of the hidden plain-text spans, widened to the line (with its markup and
    line break) when they fill it, merged."""
    cuts: list[tuple[int, int]] = []
    for start, end in sorted(hidden):
        span = _source_span(plain, start, end, len(source))
        if span is None:
            continue
        s, e = span
        line_start = source.rfind("\n", 0, s) + 1
        if LINE_MARKUP.fullmatch(source, line_start, s):
            s = line_start
        line_end = source.find("\n", e)
        line_end = len(source) if line_end < 0 else line_end
        if s == line_start and LINE_MARKUP.fullmatch(source, e, line_end):
            e = min(len(source), line_end + 1)
        if cuts and s <= cuts[-1][1]:
            cuts[-1] = (cuts[-1][0], max(e, cuts[-1][1]))
        else:
            cuts.append((s, e))
    return cuts


def _source_span(plain: PlainText, start: int, end: int, limit: int) -> tuple[int, int] | None:
    if not 0 <= start < end <= len(plain.text):
        return None
    # The end maps from the last character so closing markup ("**") stays outside the mark.
    s, e = plain.to_source(start), plain.to_source(end - 1) + 1
    return (s, e) if 0 <= s < e <= limit else None


def _encode(n: int) -> str:
    return "".join(chr(DIGIT_ZERO + int(d)) for d in str(n))


def _decode(s: str) -> int:
    return int("".join(str(ord(c) - DIGIT_ZERO) for c in s))


def _replace_markers(html: str, by_index: dict[int, Highlight]) -> tuple[str, set[int]]:
    """Turn markers into tags. A phrase cut by tags is marked piece by piece, the first piece
    carrying the ids, so the result always nests properly."""
    out: list[str] = []
    placed: set[int] = set()
    current: Highlight | None = None
    link_depth = 0
    for segment in TAG.split(html):
        if segment.startswith("<"):
            link_depth += _link_change(segment)
            out.append(_fix_tag(MARKER_CHARS.sub("", segment)))
            continue
        for i, piece in enumerate(MARKER.split(segment) if segment else []):
            # MARKER.split yields text, group (index digits or None), text, ...
            if i % 2 == 1:
                if piece is None:
                    current = None
                else:
                    current = by_index.get(_decode(piece))
                continue
            if not piece:
                continue
            if current is None:
                out.append(piece)
            elif current.index in placed:
                out.append(f'<mark class="timex">{piece}</mark>')
            else:
                opening, closing = _tags(current, inside_link=link_depth > 0)
                out.append(opening + piece + closing)
                placed.add(current.index)
    return "".join(out), placed


def _tags(h: Highlight, inside_link: bool) -> tuple[str, str]:
    """Opening and closing tags for a phrase: <mark>, wrapped in a link to its event when
    it dates one (a <span> carries the ids instead when the phrase is already inside a link).
    Plain escaped f-strings: Markup.format costs ten times as much, and an archive has
    100,000 phrases."""
    mark = f'<mark class="timex" id="t-{h.index}" data-value="{escape(h.value)}" title="{escape(h.label)}">'
    if not (h.anchor_id or h.href):
        return mark, "</mark>"
    ids = f' id="{escape(h.anchor_id)}"' if h.anchor_id else ""
    data = f' data-event="{escape(h.event_id)}"' if h.event_id else ""
    if inside_link or not h.href:
        return f'<span class="timex-anchor"{ids}{data}>' + mark, "</mark></span>"
    return f'<a class="timex-link" href="{escape(h.href)}"{ids}{data}>' + mark, "</mark></a>"


def _link_change(tag: str) -> int:
    if re.match(r"<a[\s>]", tag):
        return 1
    if tag.startswith("</a"):
        return -1
    return 0


def _fix_tag(tag: str) -> str:
    # Body headings sit under the page's <h1> title: shift them down one level.
    tag = HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", tag)
    if tag.startswith("<img") and " alt=" not in tag:
        tag = tag.replace("<img", '<img alt=""', 1)
    return tag


def hidden_spans(analysis: ArticleAnalysis) -> list[tuple[int, int]]:
    """What the public article body leaves out: the dateline (shown apart), the head's
    furniture (slogan, breadcrumb, the headline that is the title...) and page cruft."""
    spans = [(s.start, s.end) for s in analysis.sentences if s.cruft]
    spans += [(start, end) for start, end, _ in analysis.article.furniture]
    if analysis.dateline.span:
        spans.append(analysis.dateline.span)
    return spans


def public_text(analysis: ArticleAnalysis) -> list[str]:
    """The article body as its public page shows it, as plain paragraphs: the plain text
    without what ``hidden_spans`` leaves out (for search records and link previews)."""
    text = analysis.text.text
    kept, at = [], 0
    for start, end in sorted(hidden_spans(analysis)):
        if start > at:
            kept.append(text[at:start])
        at = max(at, end)
    kept.append(text[at:])
    paragraphs = (" ".join(part.split()) for part in "".join(kept).split("\n\n"))
    return [p for p in paragraphs if p]


def shown_dateline(text: str) -> str:
    """The dateline as printed, on one line, without the dash that led into the story."""
    return re.sub(r"[\s:|–—-]+$", "", " ".join(text.split()))


def sentence_marks(event: Event) -> tuple[int, int] | None:
    """Where the event's dating phrase sits in its sentence, as offsets into sentence.text."""
    text = event.sentence.text
    start = event.timex.start - event.sentence.start
    end = event.timex.end - event.sentence.start
    if 0 <= start < end <= len(text) and text[start:end] == event.timex.text:
        return start, end
    found = text.find(event.timex.text) if event.timex.text else -1
    return (found, found + len(event.timex.text)) if found >= 0 else None


def marked_sentence(event: Event, text: str | None = None) -> Markup:
    """The sentence (or ``text``, when it is the same sentence) with its date phrase in <mark>."""
    sentence = event.sentence.text if text is None else text
    span = sentence_marks(event) if sentence == event.sentence.text else None
    if span is None and event.timex.text and event.timex.text in sentence:
        found = sentence.find(event.timex.text)
        span = (found, found + len(event.timex.text))
    if span is None:
        return escape(sentence)
    start, end = span
    return (escape(sentence[:start]) + Markup('<mark class="timex">') + escape(sentence[start:end])
            + Markup("</mark>") + escape(sentence[end:]))
