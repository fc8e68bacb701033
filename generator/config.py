"""Site configuration: site.yaml, defaults and validation."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path, PurePosixPath
from datetime import date, datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from . import yamlload
from .errors import ContentError
from .sitefiles import open_regular, refusal

CONFIG_FILE = "site.yaml"
ORDERS = ("oldest", "newest")
STORY_KEY = "story"


@dataclass(frozen=True)
class KeyDateRule:
    """How key dates are chosen: see chronology.key_dates."""

    min_sources: int = 2  # a date needs at least this many independent sources
    limit: int = 12  # at most this many key dates on the highlights page
    per_actor: int = 5  # and this many at the top of an actor page
    export: int = 100  # timeline.json lists this many ranked dates, whatever their sources


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Annals"
    description: str = ""
    base_url: str = "/"  # absolute URL or path the site is published at; always ends in "/"
    language: str = "en"
    theme: str = "default"
    timezone: str = "UTC"
    day_first: bool = False  # read 8/12/2024 as 8 December
    content_dir: str = "content"
    output_dir: str = "output"
    merge_events: bool = True
    order: str = "oldest"  # timelines list the oldest event first, or "newest"
    search: bool = True  # a Pagefind index and a search box on timeline pages (generator/search.py)
    key_dates: KeyDateRule = field(default_factory=KeyDateRule)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def base_path(self) -> str:
        """The path part of base_url, e.g. "/story/" (what serve and 404.html use)."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def zone(self) -> tzinfo:
        """The site's time zone (validated when the config is read)."""
        return ZoneInfo(self.timezone)

    @property
    def absolute_base(self) -> str | None:
        """base_url when it is an absolute http(s) URL, else None (feeds need one)."""
        parts = urlsplit(self.base_url)
        return self.base_url if parts.scheme in ("http", "https") and parts.netloc else None


def normalise_base_url(url: str) -> str:
    url = (url or "/").strip()
    return url if url.endswith("/") else url + "/"


def _plain_name(name: str) -> bool:
    return bool(name) and not name.startswith(".") and "/" not in name and "\\" not in name and "\0" not in name


def _inside_path(path: str) -> bool:
    """A relative path that stays inside the folder it is joined to (the site)."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return bool(parts) and not path.startswith(("/", "\\")) and ":" not in path and "\0" not in path \
        and all(part not in ("..", "") for part in parts)


def load_config(site_dir: Path, **overrides: Any) -> SiteConfig:
    """Read site.yaml (optional) under site_dir; overrides (e.g. from the CLI) win."""
    path = site_dir / CONFIG_FILE
    data: dict[str, Any] = {}
    why = refusal(site_dir, path) if os.path.lexists(path) else None
    if why is not None:  # an error, not a skip: without it the site would build somewhere else
        raise ContentError(CONFIG_FILE, f"{why}: Annals reads only regular files inside the site; "
                           "copy the settings in instead of linking them")
    if path.is_file():
        try:
            loaded = yamlload.load(open_regular(site_dir, path).decode("utf-8"))
        except yamlload.ImpossibleDate as exc:
            raise ContentError(CONFIG_FILE, f"invalid value: {yamlload.error_problem(exc)}",
                               yamlload.error_line(exc)) from None
        except yaml.YAMLError as exc:
            raise ContentError(CONFIG_FILE, f"invalid YAML: {exc}", yamlload.error_line(exc)) from None
        except UnicodeDecodeError:
            raise ContentError(CONFIG_FILE, "not UTF-8 text") from None
        except OSError as exc:
            raise ContentError(CONFIG_FILE, f"cannot read the file: {exc.strerror}") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ContentError(CONFIG_FILE, "must be a mapping of settings (key: value)", 1)
        data = loaded
    data.update({k: v for k, v in overrides.items() if v is not None})
    return config_from_mapping(data)


def config_from_mapping(data: dict[str, Any]) -> SiteConfig:
    known = {f.name for f in fields(SiteConfig)} - {"extra", "key_dates"}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            values[key] = value
        elif key != "key_dates":
            extra[key] = value
    if "order" in values and values["order"] not in ORDERS:
        raise ContentError(CONFIG_FILE, f"`order` must be {' or '.join(ORDERS)}, not {values['order']!r}")
    story_setting(extra)  # kept in `extra` (themes read it there); checked here
    for key in ("title", "description", "base_url", "language", "theme", "timezone",
                "content_dir", "output_dir"):
        if key in values and not isinstance(values[key], str):
            raise ContentError(CONFIG_FILE, f"`{key}` must be text, not {values[key]!r}")
    for key in ("day_first", "merge_events", "search"):
        if key in values and not isinstance(values[key], bool):
            raise ContentError(CONFIG_FILE, f"`{key}` must be true or false")
    if "theme" in values and not _plain_name(values["theme"]):
        raise ContentError(CONFIG_FILE, f"`theme` {values['theme']!r} must be the name of a folder in "
                           "themes/ (no slashes, not starting with a dot)")
    if "content_dir" in values and not _inside_path(values["content_dir"]):
        raise ContentError(CONFIG_FILE, f"`content_dir` {values['content_dir']!r} must be a folder inside "
                           "the site, given relative to it (no .., not absolute)")
    values["base_url"] = normalise_base_url(values.get("base_url", "/"))
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise ContentError(CONFIG_FILE, f"unknown `timezone` {values['timezone']!r}; use a name "
                               "like Europe/Istanbul or UTC") from None
    config = SiteConfig(**values, extra=extra)
    rule = data.get("key_dates")
    if rule is not None:
        if not isinstance(rule, dict):
            raise ContentError(CONFIG_FILE, "`key_dates` must be a mapping (min_sources, limit, per_actor, export)")
        allowed = {f.name for f in fields(KeyDateRule)}
        bad = set(rule) - allowed
        if bad or not all(isinstance(v, int) and v >= 0 for v in rule.values()):
            raise ContentError(CONFIG_FILE, f"`key_dates` takes whole numbers for {sorted(allowed)}")
        config = replace(config, key_dates=KeyDateRule(**rule))
    return config


def story_setting(extra: dict[str, Any]) -> tuple[date | None, date | None] | None:
    """site.yaml `story: {from: 2024-12-01, to: 2025-09-30}` as (from, to), either of them
    None when left out; None when `story` is not set."""
    value = extra.get(STORY_KEY)
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"from", "to"} or not value:
        raise ContentError(CONFIG_FILE, "`story` must be a mapping with `from` and `to` dates "
                           "(story: {from: 2024-12-01, to: 2025-09-30})")
    ends: list[date | None] = []
    for key in ("from", "to"):
        raw = value.get(key)
        if raw is None or (isinstance(raw, date) and not isinstance(raw, datetime)):
            ends.append(raw)
            continue
        try:
            ends.append(date.fromisoformat(str(raw)))
        except ValueError:
            raise ContentError(CONFIG_FILE, f"`story.{key}` must be a date (YYYY-MM-DD), "
                               f"not {raw!r}") from None
    if ends[0] and ends[1] and ends[0] > ends[1]:
        raise ContentError(CONFIG_FILE, "`story.from` must not be after `story.to`")
    return ends[0], ends[1]
