"""Whether a folder is a site, and articles left outside content/articles/.

A build that finds no article in content/articles/ looks around before it builds an empty
site: article-like files elsewhere in the folder (a flat folder of Markdown, articles put
in content/ itself) are a mistake of layout, reported with where Annals looked, what it
found and how to fix it. A folder with no site.yaml, no content/ and nothing article-like
is no site at all (`annals build` run in the wrong place); a site that merely has no
articles yet builds, with a warning. The word lists are generator/data/layout.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .config import CONFIG_FILE, SiteConfig
from .content import ARTICLE_SUFFIXES
from .errors import AnnalsError, ContentError
from .model import Problem
from .output import MARKER as OUTPUT_MARKER
from .sitefiles import open_regular, regular_files

READ_LIMIT = 64 * 1024  # enough of a file to tell whether it holds prose
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_WORD = re.compile(r"[^\W\d_]{2,}")
_NAME_PART = re.compile(r"[-_.]")


@dataclass(frozen=True)
class LayoutRules:
    not_articles: frozenset[str]
    skip_folders: frozenset[str]
    max_depth: int
    min_words: int
    shown: int


@lru_cache(maxsize=1)
def layout_rules() -> LayoutRules:
    data = yaml.safe_load(resources.files("generator").joinpath("data", "layout.yaml").read_text("utf-8"))
    return LayoutRules(frozenset(n.lower() for n in data["not_articles"]),
                       frozenset(n.lower() for n in data["skip_folders"]),
                       int(data["max_depth"]), int(data["min_words"]), int(data["shown"]))


@dataclass(frozen=True)
class Strays:
    """Article-like files outside the articles folder."""

    paths: tuple[str, ...]  # relative to the site folder, sorted

    def describe(self, shown: int) -> str:
        names = ", ".join(self.paths[:shown])
        more = len(self.paths) - shown
        return names + (f" and {more} more" if more > 0 else "")


def find_strays(site_dir: Path, config: SiteConfig, rules: LayoutRules | None = None) -> Strays:
    """Files with prose, of an article's type, anywhere in the site folder (up to
    max_depth) but in the articles folder, the output folder, themes and hidden folders."""
    rules = rules or layout_rules()
    articles = Path(config.content_dir, "articles")
    output = Path(config.output_dir)

    def skip_folder(rel: Path) -> bool:
        return (len(rel.parts) > rules.max_depth or rel.name.startswith((".", "_"))
                or rel.name.lower() in rules.skip_folders or rel in (articles, output)
                or (site_dir / rel / OUTPUT_MARKER).exists())

    def wanted(rel: Path) -> bool:
        return (rel.suffix.lower() in ARTICLE_SUFFIXES and not rel.name.startswith((".", "_"))
                and _NAME_PART.split(rel.name.lower())[0] not in rules.not_articles)

    listing = regular_files(site_dir, site_dir, wanted, skip_folder)
    found = []
    for path in listing.files:
        try:
            head = open_regular(site_dir, path)[:READ_LIMIT]
        except OSError:
            continue
        if _looks_like_prose(head.decode("utf-8", "replace"), path.suffix.lower(), rules.min_words):
            found.append(path.relative_to(site_dir).as_posix())
    return Strays(tuple(sorted(found)))


def _looks_like_prose(text: str, suffix: str, min_words: int) -> bool:
    if suffix in (".html", ".htm"):
        text = _TAG.sub(" ", text)
    text = _FRONT_MATTER.sub("", text)
    return len(_WORD.findall(text, 0, 20_000)) >= min_words


def is_site(site_dir: Path, config: SiteConfig) -> bool:
    """A site.yaml or a content folder: what `annals new` makes and a site has."""
    return (site_dir / CONFIG_FILE).exists() or (site_dir / config.content_dir).is_dir()


def no_articles(site_dir: Path, config: SiteConfig, shown_as: str) -> Problem:
    """What a build with no article file in the articles folder does: raises ContentError
    when article-like files are elsewhere, AnnalsError when the folder is no site; else the
    warning that the site is empty. ``shown_as`` names the folder in messages."""
    rules = layout_rules()
    folder = f"{config.content_dir}/articles"
    strays = find_strays(site_dir, config, rules)
    if strays.paths:
        count = len(strays.paths)
        raise ContentError(f"{folder}/", f"no article here, but {count} file{'s' if count > 1 else ''} "
                           f"elsewhere in {shown_as} look{'s' if count == 1 else ''} like "
                           f"articles: {strays.describe(rules.shown)}. Annals reads articles only from "
                           f"{folder}/ (subfolders are fine): move them there, e.g. `mkdir -p {folder} "
                           f"&& mv *.md {folder}/`")
    if not is_site(site_dir, config):
        raise AnnalsError(f"{shown_as} is not an Annals site: it has no {CONFIG_FILE}, no "
                          f"{config.content_dir}/ folder and no articles. Start one with `annals new "
                          f"{shown_as}`, or give the site's folder (`annals build path/to/site`)")
    return Problem(f"{folder}/", "no articles yet: add Markdown (.md), text (.txt) or saved web pages "
                   "(.html) here; the site is built empty", None, "warning", "content")
