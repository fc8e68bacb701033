"""Saved news web pages (.html/.htm): the article's text and metadata, as an editor would keep them.

trafilatura finds the main text (no menus, banners, share bars, teasers or comments) and the
author, htmldate the publication date; title, site name, URL and language are read from the
page's own declarations, where the libraries' fallbacks would guess (a site named after its
domain). The text is Markdown whose ``generator.text.plain_text`` is exactly the prose.

Pure: no network (the libraries get a parsed tree, never a string htmldate could take for a
URL to download), no files. trafilatura is imported on the first page: its import costs about
a tenth of a second that Markdown-only sites do not pay.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import ContentError
from .text import plain_text


@dataclass(frozen=True)
class WebPage:
    text: str  # Markdown: paragraphs, "## " subheadings, "- " list items, "> " quotes
    title: str | None
    author: str | None
    site_name: str | None
    url: str | None  # canonical http(s) URL
    date: datetime.date | None  # publication date
    lang: str | None  # two-letter language code
    images: tuple[tuple[str, str], ...] = ()  # (src, alt) inside the main text, in order


# Browsers decode these labels as the Windows code page that extends them (WHATWG Encoding).
WINDOWS_SUPERSETS = {"ascii": "cp1252", "latin_1": "cp1252", "iso8859_9": "cp1254",
                     "iso8859_11": "cp874", "gb2312": "gbk"}
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
HTML_MARKUP = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h1)\b", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SPACE = re.compile(r"[ \t\n\r\f\v]+")
# Boxes that sit inside article bodies and that trafilatura keeps: membership appeals,
# newsletter sign-ups, "read also" links. Only small elements, so that a site naming its
# article container "promo-story" does not lose the story.
PRUNE = (".//*[(self::div or self::aside or self::section or self::p or self::form or self::ul)"
         " and re:test(concat(' ', @class, ' ', @id, ' '),"
         " '[ _-](promo|membership|donat(e|ion)|newsletter|sign-?up|read-?also|lire-aussi)', 'i')"
         " and string-length(normalize-space(.)) < 600]")
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•»]|::)\s+")
# The publication date, not the last update; a date in the URL (/2025/07/19/) only when the
# markup gives none. Dates after today are refused (htmldate's default), which can only matter
# for a page whose dates all lie in the future.
DATE_SEARCH = {"original_date": True, "extensive_search": True, "deferred_url_extractor": True}
BYLINE_CHARS_MAX = 160
# An article has at least one sentence: a line this long with a full stop. Menus, link lists
# and labels have neither (trafilatura may still return them from a page with no article).
SENTENCE = re.compile(r"^(?=.{40}).*[.!?…。！？؟।]", re.S)
SITE_WORDS_MAX = 6
BYLINE_WORDS_MAX = 25
LEADING_BLOCKS = 3  # the title heading and a byline are looked for among the first blocks
LANG_CODE = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")
ENTITY_LIKE = re.compile(r"&(?=[#A-Za-z0-9])")  # HTML reads "&copy" and "&#1" even without ";"
ALWAYS_ESCAPED = re.compile(r"([\\`*_{}\[\]])")
HEADING_ESCAPED = re.compile(r"([\\`*_{}\[\]#])")  # a heading's trailing "#" would close it
LINE_START = re.compile(r"^(?:([#>+|-])|(\d{1,9})([.)])(?=\s|$)|([=:]))")


def read_web_page(raw: bytes, path: str) -> WebPage:
    """Read one saved web page; ContentError (naming ``path``) when it holds no article."""
    if not raw.strip():
        raise ContentError(path, "the web page is empty")
    tree = _parse(_decode(raw, path), path)
    import trafilatura  # slow to import: only sites with web pages pay for it

    try:
        doc = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False,
            include_images=True, include_formatting=True,
            date_extraction_params=DATE_SEARCH | {"extensive_search": False})
    except Exception as err:  # a third-party parser on hostile input: any failure is the page's
        raise ContentError(path, f"could not read the web page ({type(err).__name__}: {str(err)[:200]})") from err
    if doc is None or doc.body is None:
        raise ContentError(path, "no article text found in this web page (only navigation, scripts or "
                                 "boilerplate); save the article's own page or convert it to Markdown")
    declared = _declared(tree)
    site_name = declared["site_name"]
    title, site_from_title = _title(doc.title or declared["title_tag"], declared["title_tag"], site_name)
    author = _author(doc.author)
    blocks, images = _blocks(doc.body)
    blocks = _drop_leading(blocks, title, author)
    if not any(SENTENCE.match(line) for _, text in blocks for line in text.split("\n")):
        raise ContentError(path, "no article text found in this web page (only headings, menus or link lists)")
    return WebPage(
        text=_markdown(blocks), title=title, author=author,
        site_name=site_name or site_from_title, url=declared["url"],
        date=_iso_date(doc.date) or _byline_date(tree, declared["url"]), lang=declared["lang"],
        images=tuple(images))


def _decode(raw: bytes, path: str) -> str:
    """Bytes to text as a browser would: BOM, then the declared charset, then detection."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return _checked(raw[len(bom):].decode(name, errors="replace"), path)
    head = raw[:8192]
    declared = XML_ENCODING.search(head) or META_CHARSET.search(head)
    name = _codec(declared.group(1).decode("ascii")) if declared else None
    for candidate in filter(None, (name, "utf-8")):
        try:
            return _checked(raw.decode(candidate), path)
        except UnicodeDecodeError:
            continue  # a wrong declaration (often utf-8 on a Windows code page): detect instead
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ContentError(path, "not an HTML page: the file is binary, not text")
    return _checked(str(best), path)


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A <meta> declaring UTF-16 is read from ASCII-compatible bytes: it cannot be true.
    return "utf-8" if name.startswith("utf-16") else WINDOWS_SUPERSETS.get(name.replace("-", "_"), name)


def _checked(text: str, path: str) -> str:
    if "\x00" in text[:65536]:
        raise ContentError(path, "not an HTML page: the file is binary, not text")
    if not HTML_MARKUP.search(text[:65536]):
        raise ContentError(path, "not an HTML page: no HTML markup found")
    return CONTROL.sub("", text)  # lxml refuses control characters in the text it builds


def _parse(text: str, path: str):
    from lxml import etree, html

    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                             collect_ids=False, default_doctype=False)
    try:  # bytes, so that lxml neither re-reads a <meta charset> nor refuses an <?xml?> line
        tree = html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError) as err:
        raise ContentError(path, f"not an HTML page: {err}") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at 256 levels and drops the rest: say so rather than read half a page
        raise ContentError(path, "the page nests its elements too deeply to be read (over 256 levels)")
    if tree is None or tree.find("body") is None:
        raise ContentError(path, "not an HTML page: it has no body")
    for box in etree.XPath(PRUNE, namespaces={"re": "http://exslt.org/regular-expressions"})(tree):
        box.drop_tree()  # keeps the text that follows the box
    return tree


def _declared(tree) -> dict[str, str | None]:
    """What the page says about itself in its markup: title tag, site name, URL, language."""
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta[@content]"):
        key = (el.get("property") or el.get("name") or el.get("http-equiv") or "").lower()
        if value := SPACE.sub(" ", el.get("content")).strip():
            meta.setdefault(key, value)  # the first of repeated tags, as the libraries take it
    title_el = tree.find(".//head/title")
    title_tag = SPACE.sub(" ", title_el.text_content()).strip() if title_el is not None else None
    links = [el.get("href", "") for el in tree.iterfind(".//link[@rel]") if el.get("rel").lower() == "canonical"]
    url = next(filter(None, (_http_url(u) for u in (*links, meta.get("og:url", "")))), None)
    langs = (tree.get("lang"), tree.get("xml:lang"), meta.get("og:locale"), meta.get("content-language"))
    lang = next((m.group(1).lower() for v in langs if v and (m := LANG_CODE.match(v.strip()))), None)
    return {"title_tag": title_tag or None, "url": url, "lang": lang,
            "site_name": meta.get("og:site_name") or _json_ld_publisher(tree)}


def _http_url(value: str) -> str | None:
    value = value.strip()
    value = f"https:{value}" if value.startswith("//") else value
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc and " " not in value else None


def _json_ld_publisher(tree) -> str | None:
    """The publisher's name in JSON-LD, following an "@id" reference within the page's graph."""
    nodes: list[dict] = []
    for script in tree.iterfind(".//script[@type]"):
        if script.get("type").strip().lower() != "application/ld+json":
            continue
        try:
            stack = [json.loads(script.text or "")]
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still count
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                nodes.append(item)
                item = item.get("@graph")
            stack[:0] = item if isinstance(item, list) else []
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for node in nodes:
        publisher = node.get("publisher")
        publisher = (publisher or [None])[0] if isinstance(publisher, list) else publisher
        name = publisher  # schema.org wants an Organization, but a bare name is common too
        if isinstance(publisher, dict):
            name = publisher.get("name") or by_id.get(str(publisher.get("@id")), {}).get("name")
        if isinstance(name, str) and name.strip() and "://" not in name:
            return SPACE.sub(" ", name).strip()
    return None


def _title(title: str | None, title_tag: str | None, site_name: str | None) -> tuple[str | None, str | None]:
    """The headline without the " | Site" a <title> adds, and the site name that suffix gives."""
    if not title:
        return None, None
    title = SPACE.sub(" ", title).strip()
    head, suffix = _split_suffix(title)
    if suffix and site_name and suffix.casefold() == site_name.casefold():
        return head, suffix
    tag_head, tag_suffix = _split_suffix(title_tag or "")
    if tag_suffix and tag_head.casefold() == title.casefold() and _site_like(title, tag_suffix):
        return title, tag_suffix  # <title> is the headline plus the site's name
    if suffix and title == title_tag and _site_like(head, suffix):
        return head, suffix  # only a <title> to go on: a short last part is the site's name
    return title, None


def _site_like(headline: str, suffix: str) -> bool:
    return len(headline.split()) > len(suffix.split()) <= SITE_WORDS_MAX


def _split_suffix(title: str) -> tuple[str, str | None]:
    separators = TITLE_SEPARATORS.findall(title)
    if not separators:
        return title, None
    head, _, suffix = title.rpartition(separators[-1])
    return head.strip(), suffix.strip() or None


def _author(value: str | None) -> str | None:
    """Names only: "By" and stray punctuation off, places ("Lina Haddad, Beirut") dropped."""
    names: list[str] = []
    for part in re.split(r"[;,]| and ", value or ""):
        name = re.sub(r"^(?:by|par|von|por|di|door)\s+", "", part.strip(" \t·•|–—-:/"), flags=re.I)
        if " " in name and "://" not in name and name not in names:  # one word: a place or a desk
            names.append(name)
    return ", ".join(names) or None


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _byline_date(tree, url: str | None) -> datetime.date | None:
    """A date written only in the visible text, as htmldate's extensive search finds it.

    That search falls back on a month ("March 2025"), a copyright year or a date in the story
    as a made-up day, so its answer counts only when a short line of the page (a byline)
    writes out that day and year.
    """
    from htmldate import find_date

    try:
        found = _iso_date(find_date(tree, url=url, **DATE_SEARCH))
    except Exception:  # noqa: BLE001 - a library heuristic failing is "no date", not a broken page
        return None
    if found is None:
        return None
    day = re.compile(rf"(?<!\d)0?{found.day}(?!\d)")
    for text in tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        if len(text) <= BYLINE_CHARS_MAX and str(found.year) in text and day.search(text.replace(str(found.year), "")):
            return found
    return None


def _blocks(body) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """trafilatura's body tree as (kind, prose) blocks, and the images in it."""
    blocks: list[tuple[str, str]] = []
    images: list[tuple[str, str]] = []

    def inline(el, flat: bool) -> str:  # source line breaks are spaces; only <br> breaks a line
        pieces = [SPACE.sub(" ", el.text or "")]
        for child in el:
            if child.tag == "lb":
                pieces.append(" " if flat else "\n")
            elif child.tag == "graphic":
                images.append((child.get("src", ""), child.get("alt", "")))
            elif child.tag != "list":  # a nested list is walked as items of its own
                pieces.append(inline(child, flat))
            pieces.append(SPACE.sub(" ", child.tail or ""))
        return "".join(pieces)

    def prose(el, flat: bool) -> str:
        lines = (SPACE.sub(" ", line).strip() for line in inline(el, flat).split("\n"))
        return "\n".join(line for line in lines if line)

    def walk(el, quoted: bool) -> None:
        for child in el:
            if child.tag == "graphic":
                images.append((child.get("src", ""), child.get("alt", "")))
            elif child.tag == "head":  # the page's <h1> is its headline, shown as the title
                blocks.append(("h1" if child.get("rend") == "h1" else "heading", prose(child, True)))
            elif child.tag == "list":
                for item in child.iter("item"):
                    blocks.append(("item", prose(item, True)))
            elif child.tag in ("quote", "div") and any(c.tag in ("p", "list", "head") for c in child):
                walk(child, quoted or child.tag == "quote")
            else:
                blocks.append(("quote" if quoted or child.tag == "quote" else "paragraph", prose(child, False)))

    walk(body, False)
    return [(kind, text) for kind, text in blocks if text], [(s, a) for s, a in images if s]


def _drop_leading(blocks: list[tuple[str, str]], title: str | None, author: str | None) -> list[tuple[str, str]]:
    """The headline (shown as the title) and what stands above it, and a byline paragraph."""
    fold = (lambda s: SPACE.sub(" ", s).strip().casefold())
    for i, (kind, text) in enumerate(blocks[:LEADING_BLOCKS]):
        if kind == "h1" or (kind == "heading" and title and fold(text) == fold(title)):
            blocks = blocks[i + 1:]
            break
    names = [fold(n) for n in (author or "").split(", ") if n]
    return [block for i, block in enumerate(blocks)
            if not (i < LEADING_BLOCKS and names and len(block[1].split()) <= BYLINE_WORDS_MAX
                    and any(n in fold(block[1]) for n in names))]


def prose_markdown(text: str) -> str:
    """Plain prose, a paragraph per line, as Markdown that reads back unchanged: what
    `annals import` writes for a dataset's text, so "---", "# 1" or "*" mean themselves.
    (Datasets end paragraphs with one line break, where Markdown would need two.)"""
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    return _markdown([("paragraph", p) for p in paragraphs if p])


def _markdown(blocks: list[tuple[str, str]]) -> str:
    prefixes = {"h1": "## ", "heading": "## ", "item": "- ", "quote": "> ", "paragraph": ""}
    out: list[str] = []
    previous = None
    for kind, text in blocks:
        lines = [prefixes[kind] + _escape(line, prefixes[kind] == "## ") for line in text.split("\n")]
        if any(plain_text(line).text != original for line, original in zip(lines, text.split("\n"))):
            lines = [prefixes[kind] + _entities(line) for line in text.split("\n")]
        separator = "\n" if kind == previous == "item" else "\n\n"
        out.append((separator if out else "") + "\n".join(lines))
        previous = kind
    return "".join(out) + "\n"


def _escape(line: str, heading: bool = False) -> str:
    """One line of prose as Markdown that reads back (rendered, or as plain text) unchanged."""
    line = ENTITY_LIKE.sub("&amp;", line).replace("<", "&lt;")
    line = (HEADING_ESCAPED if heading else ALWAYS_ESCAPED).sub(r"\\\1", line)
    line = re.sub(r"~(?=~)|(?<=~)~", "&#126;", line)  # "~~" would strike through
    match = LINE_START.match(line)
    if match is None:
        return line
    if match.group(1):  # "# ", "> ", "- ", "+ ", "| " would start a heading, quote, list, table
        return "\\" + line
    if match.group(2):  # "1. " would start a numbered list
        return f"{match.group(2)}\\{match.group(3)}{line[match.end():]}"
    # "=" would underline the line above as a heading, ": " make it a definition term
    return f"&#{ord(line[0])};{line[1:]}"


def _entities(line: str) -> str:
    """Every ASCII punctuation mark as a character reference: the fallback that cannot misread."""
    return "".join(f"&#{ord(c)};" if c.isascii() and not c.isalnum() and c != " " else c for c in line)
