"""From a dataset's rows to articles: which column gives which field, each row's fields
checked as a build would check its front matter, and the article file's text and name.

The front matter is written by yaml.safe_dump, one key per line and no line folding, so
any value (quotes, colons, "---", a title that looks like a date or a number) reads back
as the same text. The body is the text as plain prose, a paragraph per line, escaped where
Markdown would read it otherwise (webpage.prose_markdown): a "---" line stays a line of
text, not a rule, and never front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

import yaml

from ..content import parse_front_matter_date
from ..slugs import slugify
from ..webpage import prose_markdown
from .readers import Dataset, Row, normal_column

FIELDS = ("title", "date", "source", "url", "author", "text")
LINE_FIELDS = ("title", "source", "author", "url")  # one line each: runs of white space become one space
URL = re.compile(r"^(https?://|/)\S*$")  # as content.validate_front_matter accepts
PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{1,2})?$")  # a year or a month: no publication day
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # never text; lone surrogates cannot be written
NAME_WORDS = 8  # a row without a title is named after its first words


@dataclass(frozen=True)
class ColumnNames:
    fields: Mapping[str, tuple[str, ...]]  # field -> recognised names (normalised), in order
    timelinejs: Mapping[str, tuple[str, ...]]  # field -> slide keys
    encodings: tuple[str, ...] = ()  # detected encodings that tie: the first of these wins

    def known(self) -> frozenset[str]:
        return frozenset(n for names in self.fields.values() for n in names)


@lru_cache(maxsize=1)
def column_names() -> ColumnNames:
    data = yaml.safe_load(resources.files("generator").joinpath("data", "import_columns.yaml").read_text("utf-8"))
    return ColumnNames({f: tuple(normal_column(n) for n in data["fields"].get(f, ())) for f in FIELDS},
                       {f: tuple(data["timelinejs"].get(f, ())) for f in FIELDS},
                       tuple(data.get("preferred_encodings", ())))


class MappingError(ValueError):
    """A --map that names no column of the file, or no field."""


def parse_map(items: tuple[str, ...]) -> dict[str, str]:
    """"Column name=field" items -> {column: field}; MappingError on a malformed one."""
    out: dict[str, str] = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        target = target.strip().lower()
        if not sep or not column.strip():
            raise MappingError(f"{item!r} is not COLUMN=FIELD (e.g. --map Headline=title)")
        if target not in FIELDS:
            raise MappingError(f"{item!r}: {target!r} is no field; fields are {', '.join(FIELDS)}")
        out[column.strip()] = target
    return out


def choose_columns(dataset: Dataset, overrides: Mapping[str, str],
                   names: ColumnNames | None = None) -> dict[str, tuple[str, ...]]:
    """Field -> the columns that give it, best first (a row takes the first that is not
    empty). A --map column is the only one for its field; other fields take the columns
    whose names they recognise, never one that --map gave to another field. (A TimelineJS
    slide's text falls back on its headline, which is also its title.)"""
    names = names or column_names()
    by_normal: dict[str, str] = {}
    for column in dataset.columns:
        by_normal.setdefault(normal_column(column), column)
    chosen: dict[str, list[str]] = {}
    for column, target in overrides.items():
        found = column if column in dataset.columns else by_normal.get(normal_column(column))
        if found is None:
            raise MappingError(f"--map {column}={target}: the file has no column {column!r}; its columns "
                               f"are {', '.join(dataset.columns) or 'none'}")
        chosen.setdefault(target, []).append(found)
    taken = {c for columns in chosen.values() for c in columns}
    recognised = names.timelinejs if dataset.format == "timelinejs" else names.fields
    for target in FIELDS:
        if target in chosen:
            continue
        if dataset.format == "timelinejs":
            columns = [c for c in recognised[target] if c in dataset.columns]
        else:
            columns = [by_normal[n] for n in recognised[target] if n in by_normal]
        if target == "date" and dataset.format == "timelinejs" and "start_date" in dataset.columns:
            columns = ["start_date"]
        columns = [c for c in dict.fromkeys(columns) if c not in taken]
        if columns:
            chosen[target] = columns
    return {f: tuple(chosen[f]) for f in FIELDS if f in chosen}


@dataclass(frozen=True)
class Record:
    """One row as an article: its front matter fields, its text, and remarks."""

    where: str
    meta: dict[str, Any]  # title, date, source, url, author (only those the row has)
    text: str
    notes: tuple[str, ...] = ()


class RowProblem(ValueError):
    """Why a row cannot become an article."""


def clean(value: str) -> str:
    """Text as an article holds it: no control characters, lines ending in "\\n"."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def record(row: Row, columns: Mapping[str, tuple[str, ...]]) -> Record:
    """The row's article, or RowProblem saying what is wrong with it."""
    if row.problem is not None:
        raise RowProblem(row.problem)
    values: dict[str, str] = {}
    for target, names in columns.items():
        value = next((v for v in (clean(row.values.get(n, "")).strip() for n in names) if v), "")
        if value:
            values[target] = " ".join(value.split()) if target in LINE_FIELDS else value
    text = values.pop("text", "")
    if not text:
        raise RowProblem(f"has no text ({_columns_text(columns.get('text', ()))} empty)")
    meta: dict[str, Any] = {k: values[k] for k in ("title", "source", "author") if k in values}
    notes: list[str] = []
    if "date" in values:
        day, note = _date(values["date"])
        if day is not None:
            meta["date"] = day
        if note:
            notes.append(note)
    if "url" in values:
        if not URL.match(values["url"]):
            raise RowProblem(f"url {values['url'][:80]!r} does not start with http:// or https://")
        meta["url"] = values["url"]
    order = ("title", "date", "source", "url", "author")
    return Record(row.where, {k: meta[k] for k in order if k in meta}, text.rstrip(), tuple(notes))


def _columns_text(names: tuple[str, ...]) -> str:
    return " and ".join(repr(n) for n in names) or "no text column"


def _date(value: str) -> tuple[date | str | None, str | None]:
    """The front matter value for a date cell: a date, or the text itself when it is a
    datetime with a UTC offset (the build places it in the site's time zone); None and a
    note for a year or a month alone. RowProblem when it is no date at all."""
    if PARTIAL_DATE.match(value):
        return None, f"date {value!r} has no day: imported without `date:`"
    day = parse_front_matter_date(value)
    if day is None:
        raise RowProblem(f"date {value[:40]!r} is not a date Annals reads (use YYYY-MM-DD, "
                         "or an ISO date and time)")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return day, None
    return (value if moment.tzinfo is not None else day), None


def article_text(item: Record) -> str:
    """The article file: front matter that reads back as ``item.meta``, then the text."""
    head = yaml.safe_dump(item.meta, allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=float("inf")) if item.meta else ""
    return f"---\n{head}---\n{prose_markdown(item.text)}"


def file_stem(item: Record, number: int) -> str:
    """The file's name without ".md": the date, then the title's slug (or the text's first
    words); "item-N" when neither has a letter or digit."""
    words = item.meta.get("title") or " ".join(item.text.split()[:NAME_WORDS])
    stem = slugify(words) or f"item-{number}"
    day = item.meta.get("date")
    if isinstance(day, str):
        day = parse_front_matter_date(day)
    return f"{day.isoformat()}-{stem}" if isinstance(day, date) else stem
