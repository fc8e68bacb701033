"""Find and load the site's files: articles (front matter + Markdown body) and actors.yaml.

This is the only module that reads content files. Everything it returns is plain data;
problems are reported as ContentError naming the file and line, and one bad article
never hides the others.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any, Mapping, MutableMapping, Protocol, Sequence

import yaml

from . import yamlload
from .dateline import read_article_head
from .dateline.years import complete_years
from .errors import ContentError
from .model import Article, Dateline
from .output import MARKER as OUTPUT_MARKER
from .sitefiles import Listing, Skipped, open_regular, refusal, regular_files
from .slugs import slugify, unique_slug
from .text import plain_text
from .webpage import WebPage, read_web_page

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
WEB_PAGE_SUFFIXES = (".html", ".htm")  # saved web pages, read by generator.webpage
ARTICLE_SUFFIXES = TEXT_SUFFIXES + WEB_PAGE_SUFFIXES
ACTORS_FILES = ("actors.yaml", "actors.yml")  # in content/; the first one found is read
CORRECTIONS_FILES = ("corrections.yaml", "corrections.yml")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "author", "actors", "draft", "slug", "lang",
                     "image", "image_alt", "image_caption", "image_credit")
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                          re.S | re.M)
# The head of an article (slogan, headline, byline, dateline) is read from its first lines.
HEAD_SOURCE_CHARS = 2000  # enough source for the head reader's 1500 characters of plain text


@dataclass(frozen=True)
class SourceFile:
    """A file's text as read from disk, with its site-relative path."""

    path: str
    text: str


@dataclass(frozen=True)
class LoadResult:
    articles: tuple[Article, ...]
    errors: tuple[ContentError, ...]
    skipped_drafts: int = 0
    skipped: tuple[Skipped, ...] = ()  # links and other files the path-safety rule left out


def article_files(site_dir: Path, content_dir: str = "content") -> Listing:
    """Article files under <site>/<content_dir>/articles, sorted for determinism, and the
    links among them (sitefiles: only regular files inside the site are read). Names
    starting with "." or "_" are left out, and so is an output folder Annals made there."""
    root = site_dir / content_dir / "articles"
    top = str(root)

    def hidden(rel: str) -> bool:
        return any(part.startswith((".", "_")) for part in rel.split("/"))

    return regular_files(site_dir, root, lambda rel: _suffix(rel).lower() in ARTICLE_SUFFIXES and not hidden(rel),
                         lambda rel: hidden(rel) or os.path.exists(os.path.join(top, rel, OUTPUT_MARKER)),
                         as_text=True)


def _suffix(rel: str) -> str:
    """PurePosixPath(rel).suffix of a "/"-separated relative path, as text."""
    name = rel.rpartition("/")[2]
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def read_source(path: Path, site_dir: Path) -> SourceFile:
    rel = path.relative_to(site_dir).as_posix()
    try:
        raw = open_regular(site_dir, path)
    except OSError as exc:
        raise ContentError(rel, f"cannot read the file: {exc.strerror}") from None
    return decode_source(rel, raw)


def decode_source(rel: str, raw: bytes) -> SourceFile:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(rel, "is not UTF-8 text: save it as UTF-8", line) from None
    return SourceFile(rel, text.replace("\r\n", "\n").replace("\r", "\n"))


class SeenFiles(dict):
    """What the last load of a process found of each file ((path, settings) -> its status
    and digest), and, for a caller told which files were written since (annals serve's
    watcher), the listing that load made. ``changed`` names those files (full paths as
    text); while every one of them is a regular file the listing already had, the listing
    holds and only they are looked at again: walking and stat-ing a 5,000-article
    archive cost 75 ms a save. None (the default, and after every load): look at all."""

    def __init__(self) -> None:
        super().__init__()
        self.listing: tuple[str, str, Listing, frozenset[str]] | None = None  # site, content dir, listing, its paths
        self.changed: frozenset[str] | None = None


def _listing(site_dir: Path, content_dir: str, seen: MutableMapping | None) -> tuple[Listing, frozenset[str] | None]:
    """The article files, and the only ones whose status may differ from ``seen``'s (None:
    any of them)."""
    if isinstance(seen, SeenFiles):
        changed, seen.changed = seen.changed, None  # a hint holds for one load
        last = seen.listing
        if (changed is not None and last is not None and last[:2] == (str(site_dir), content_dir)
                and changed <= last[3] and all(_regular(path) for path in changed)):
            return last[2], changed
    listing = article_files(site_dir, content_dir)
    if isinstance(seen, SeenFiles):
        seen.listing = (str(site_dir), content_dir, listing, frozenset(listing.paths))
    return listing, None


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


class ArticleMemo(Protocol):
    """Articles parsed by an earlier build, by file digest (generator.cache)."""

    def get_many(self, keys: Sequence[str]) -> Mapping[str, Article]: ...

    def put_many(self, items: Mapping[str, Article]) -> None: ...


def load_articles(site_dir: Path, content_dir: str = "content", *, drafts: bool = False,
                  timezone: tzinfo | None = None, language: str = "en",
                  day_first: bool = False, memo: ArticleMemo | None = None,
                  seen: MutableMapping[tuple[str, str], tuple[tuple, str]] | None = None) -> LoadResult:
    """Every article of the site; a file whose bytes (and the reading settings) a ``memo``
    has seen is not parsed again. ``seen`` (file and settings -> its status and digest, as
    the last load of the same process found them) spares reading a file whose size, times
    and inode have not changed since: on a big archive, reading every file on every save
    cost more than the save's own work. It is brought up to date. A ``SeenFiles`` told
    which files changed spares the walk and the other files' stat too."""
    articles: list[Article] = []
    errors: list[ContentError] = []
    skipped = 0
    listing, changed = _listing(site_dir, content_dir, seen)
    settings = f"{timezone}|{language}|{day_first}"
    earlier = dict(seen) if seen is not None else {}
    now: dict[tuple[str, str], tuple[tuple, str]] = {}
    files: list[tuple[str, str, bytes | ContentError | None, str]] = []
    prefix = str(site_dir) + os.sep
    for text in listing.paths:
        # as text (a path object made only to read the file): pathlib's parsing and
        # relative_to cost more than the rest of the loop on a big archive
        path = text
        rel = text[len(prefix):].replace(os.sep, "/") if text.startswith(prefix) else Path(text).relative_to(site_dir).as_posix()
        known_file = earlier.get((rel, settings))
        # a file the watcher did not name is as the last load found it
        status = known_file[0] if changed is not None and known_file is not None and text not in changed \
            else _status(text)
        if status is not None and known_file is not None and known_file[0] == status:
            files.append((rel, path, None, known_file[1]))  # unchanged: read only if the memo lost it
            now[(rel, settings)] = known_file
            continue
        raw = _read(site_dir, Path(path), rel)
        key = "" if isinstance(raw, ContentError) else file_digest(rel, raw, settings)
        files.append((rel, path, raw, key))
        if key and status is not None:
            now[(rel, settings)] = (status, key)
    known = dict(memo.get_many([key for _, _, _, key in files if key])) if memo is not None else {}
    parsed: dict[str, Article] = {}
    for rel, path, raw, key in files:
        try:
            if raw is None and key not in known:
                raw = _read(site_dir, Path(path), rel)
                key = "" if isinstance(raw, ContentError) else file_digest(rel, raw, settings)
            if isinstance(raw, ContentError):
                raise raw
            article = known.get(key) or parse_file(rel, raw, timezone, language=language,  # type: ignore[arg-type]
                                                   day_first=day_first)
        except ContentError as exc:
            errors.append(exc)
            continue
        parsed[key] = article
        if article.draft and not drafts:
            skipped += 1
            continue
        articles.append(article)
    if memo is not None:
        memo.put_many({key: article for key, article in parsed.items() if key not in known})
    if seen is not None:
        seen.clear()
        seen.update(now)
    return LoadResult(tuple(unique_slugs(complete_years(articles))), tuple(errors), skipped, listing.skipped)


def _status(path: Path | str) -> tuple | None:
    """What changes when a file is written, renamed over or touched: size, times, inode."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _read(site_dir: Path, path: Path, rel: str) -> bytes | ContentError:
    try:
        return open_regular(site_dir, path)
    except OSError as exc:
        return ContentError(rel, f"cannot read the file: {exc.strerror}")


def file_digest(rel: str, raw: bytes, settings: str) -> str:
    digest = hashlib.sha256()
    for part in (rel.encode("utf-8", "surrogatepass"), raw, settings.encode()):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def load_article(path: Path, site_dir: Path, timezone: tzinfo | None = None, *, language: str = "en",
                 day_first: bool = False) -> Article:
    """One article file: Markdown or text with front matter, or a saved web page."""
    rel = path.relative_to(site_dir).as_posix()
    try:
        raw = open_regular(site_dir, path)
    except OSError as exc:
        raise ContentError(rel, f"cannot read the file: {exc.strerror}") from None
    return parse_file(rel, raw, timezone, language=language, day_first=day_first)


def parse_file(rel: str, raw: bytes, timezone: tzinfo | None = None, *, language: str = "en",
               day_first: bool = False) -> Article:
    """An article from its file's bytes: a saved web page by its suffix, else front matter and text."""
    if PurePosixPath(rel).suffix.lower() in WEB_PAGE_SUFFIXES:
        return parse_web_page(rel, read_web_page(raw, rel), language=language, day_first=day_first)
    return parse_article(decode_source(rel, raw), timezone, language=language, day_first=day_first)


def parse_web_page(path: str, page: WebPage, *, language: str = "en", day_first: bool = False) -> Article:
    """A saved web page as an article: its main text is the body, its metadata the front matter.

    The page's own publication date wins over a dateline in its text (whose span is still
    kept out of the story); the outlet a dateline names wins over the page's site name."""
    lang = page.lang or language
    head = read_article_head(plain_text(_head_source(page.text)).text, None, lang=lang, day_first=day_first)
    dateline = head.dateline
    if page.date is not None:
        dateline = Dateline(page.date, "html", dateline.span, dateline.text, dateline.outlet)
    furniture = head.furniture
    if head.title_span and (page.title is None or _same_words(page.title, head.title or "")):
        furniture += ((*head.title_span, "title"),)
    return Article(path=path, slug=slugify(Path(path).stem),
                   title=page.title or head.title or Path(path).stem, body=page.text, body_line=1,
                   date=page.date, source=dateline.outlet or page.site_name, url=page.url,
                   author=page.author or head.author, lang=page.lang if page.lang and page.lang != language else "",
                   dateline=dateline, furniture=tuple(sorted(furniture)))


def parse_article(source: SourceFile, timezone: tzinfo | None = None, *, language: str = "en",
                  day_first: bool = False) -> Article:
    """Split front matter from body, validate it and read the head. Pure: text in, Article out.

    A `date` with a time and a UTC offset is read in the site's ``timezone`` (when given):
    what matters is the calendar day where the story is published. Without front matter,
    the title, outlet, author and publication date come from the head of the text
    (generator.dateline)."""
    meta, body, body_line = split_front_matter(source)
    fields = validate_front_matter(meta, source.path, key_lines(source.text, body_line), timezone)
    head = read_article_head(plain_text(_head_source(body)).text, fields.get("date"),
                             lang=fields.get("lang") or language, day_first=day_first)
    title = fields.pop("title", None)
    furniture = head.furniture
    if head.title_span and (title is None or _same_words(title, head.title or "")):
        furniture += ((*head.title_span, "title"),)  # shown as the page's title, not twice
    fields["source"] = fields.get("source") or head.dateline.outlet
    fields["author"] = fields.get("author") or head.author
    slug = fields.pop("slug", None) or slugify(Path(source.path).stem)
    return Article(path=source.path, slug=slug, title=title or head.title or Path(source.path).stem,
                   body=body, body_line=body_line, dateline=head.dateline,
                   furniture=tuple(sorted(furniture)), **fields)


def _head_source(body: str) -> str:
    """The first lines of the body, cut at a line end (its plain text is a prefix of the
    whole body's, so offsets found in it hold for the whole)."""
    if len(body) <= HEAD_SOURCE_CHARS:
        return body
    cut = body.rfind("\n", 0, HEAD_SOURCE_CHARS)
    return body[:cut if cut > 0 else HEAD_SOURCE_CHARS]


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def split_front_matter(source: SourceFile) -> tuple[dict[str, Any], str, int]:
    match = FRONT_MATTER.match(source.text)
    if not match:
        return {}, source.text, 1
    try:
        meta = yamlload.load(match.group(1))
    except yamlload.ImpossibleDate as exc:  # YAML read a value that looks like a date but is none: 2025-13-45
        raise ContentError(source.path, f"front matter has an impossible date ({yamlload.error_problem(exc)}); "
                           "use YYYY-MM-DD", yamlload.error_line(exc, 2)) from None
    except yaml.YAMLError as exc:
        line = yamlload.error_line(exc, 2) or 1  # +1 for 1-based, +1 for the opening ---
        raise ContentError(source.path, f"front matter is not valid YAML ({yamlload.error_problem(exc)}); "
                           "check quoting and indentation between the --- lines", line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError(source.path, "front matter must be key: value lines between --- lines", 2)
    body = source.text[match.end():]
    return meta, body, source.text.count("\n", 0, match.end()) + 1


def validate_front_matter(meta: dict[str, Any], path: str, lines: dict[str, int] | None = None,
                          timezone: tzinfo | None = None) -> dict[str, Any]:
    def fail(key: str, message: str) -> ContentError:
        return ContentError(path, f"front matter `{key}` {message}", (lines or {}).get(key, 1))

    out: dict[str, Any] = {}
    for key in ("title", "source", "url", "author", "slug", "lang",
                "image", "image_alt", "image_caption", "image_credit"):
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (int, float)) and key in ("title", "source", "author", "image_alt",
                                                       "image_caption", "image_credit"):
            value = str(value)
        if not isinstance(value, str):
            raise fail(key, f"must be text, not {type(value).__name__}")
        value = value.strip()
        if value:
            out[key] = value
    if "slug" in out:  # in any script: transliterated, as the file names are
        slug = slugify(out["slug"])
        if not slug:
            raise fail("slug", "must contain letters or digits")
        out["slug"] = slug
    if "url" in out and not re.match(r"^(https?://|/)", out["url"]):
        raise fail("url", "must start with http://, https:// or /")
    if "date" in meta and meta["date"] is not None:
        parsed = parse_front_matter_date(meta["date"], timezone)
        if parsed is None:
            raise fail("date", f"is not a date I can read ({meta['date']!r}); use YYYY-MM-DD")
        out["date"] = parsed
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        raise fail("draft", "must be true or false")
    out["draft"] = draft
    actors = meta.get("actors")
    if actors is not None:
        if isinstance(actors, str):
            actors = [a.strip() for a in actors.split(",")]
        if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
            raise fail("actors", "must be a list of names")
        out["actors"] = tuple(a for a in (x.strip() for x in actors) if a)
    return out


def key_lines(text: str, body_line: int) -> dict[str, int]:
    """File line of each top-level front matter key, for error messages."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n")[: body_line - 1], start=1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y",
                "%b %d, %Y", "%B %d %Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def parse_front_matter_date(value: Any, timezone: tzinfo | None = None) -> date | None:
    """A date or datetime as YAML gives it, or a string in a common format."""
    if isinstance(value, datetime):
        return _local_day(value, timezone)
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip().replace("Sept ", "Sep ")
    try:
        return _local_day(datetime.fromisoformat(text.replace("Z", "+00:00")), timezone)
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _local_day(moment: datetime, timezone: tzinfo | None) -> date:
    if moment.tzinfo is None or timezone is None:
        return moment.date()  # no offset: the day as written
    try:
        return moment.astimezone(timezone).date()
    except OverflowError:  # the conversion passes through UTC before 0001 or after 9999
        return moment.date()  # at the ends of the calendar: the day as written


def unique_slugs(articles: list[Article]) -> list[Article]:
    """Give articles that share a slug a stable numeric suffix (by path order): two files
    whose names transliterate alike ("Бен.md", "Ben.md") are two pages."""
    taken: set[str] = set()
    out = []
    for article in sorted(articles, key=lambda a: a.path):
        slug = unique_slug(article.slug or "article", taken)
        taken.add(slug)
        out.append(replace(article, slug=slug) if slug != article.slug else article)
    return out


def read_actors_file(site_dir: Path, content_dir: str = "content") -> tuple[SourceFile | None, tuple[Skipped, ...]]:
    """content/actors.yaml (or .yml) if there is one, and the path-safety rule's refusals."""
    return _read_optional(site_dir, content_dir, ACTORS_FILES)


def read_corrections_file(site_dir: Path, content_dir: str = "content") -> tuple[SourceFile | None, tuple[Skipped, ...]]:
    """content/corrections.yaml (or .yml), the editor's corrections, if there is one."""
    return _read_optional(site_dir, content_dir, CORRECTIONS_FILES)


def _read_optional(site_dir: Path, content_dir: str, names: tuple[str, ...]) -> tuple[SourceFile | None, tuple[Skipped, ...]]:
    for name in names:
        path = site_dir / content_dir / name
        if not os.path.lexists(path):
            continue
        why = refusal(site_dir, path)
        if why is not None:
            return None, (Skipped(path.relative_to(site_dir).as_posix(), why),)
        if path.is_file():
            return read_source(path, site_dir), ()
    return None, ()
