"""The editor's corrections: content/corrections.yaml, applied after merging.

```yaml
events:
  <event-id>:
    date: 2025-07-14          # 2025-07-14, 2025-07, 2025-W29 or 2025
    headline: "Clashes erupt in Sweida"
    hide: true
    merge_into: <event-id>
articles:
  <article-slug>:
    date: 2025-07-23          # the publication date, when the dateline is missing or wrong
```

Article dates are applied before the analysis (they anchor "last Saturday"); event
corrections after the events are merged and given their ids, in a fixed order (merges in
file order, then dates, headlines and hiding), so the result depends only on the files.
Each correction that changes nothing, or names an id or slug that does not exist, is a
problem `annals check` reports; each one that does is a record the review page lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Sequence

import yaml

from ..errors import ContentError
from ..model import Article, Problem, TimelineEvent, TimeValue

EVENT_KEYS = ("date", "headline", "hide", "merge_into")
ARTICLE_KEYS = ("date",)
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_RE = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class EventCorrection:
    event: str
    line: int
    date: TimeValue | None = None
    headline: str | None = None
    hide: bool = False
    merge_into: str | None = None


@dataclass(frozen=True)
class ArticleCorrection:
    article: str
    line: int
    date: date


@dataclass(frozen=True)
class Corrections:
    path: str = "content/corrections.yaml"
    events: tuple[EventCorrection, ...] = ()
    articles: tuple[ArticleCorrection, ...] = ()


@dataclass(frozen=True)
class Applied:
    """What one correction did, for the review page."""

    target: str  # the event id or article slug
    kind: str  # "date", "headline", "hide", "merge_into", "article date"
    did: str
    line: int


def time_value(text: str) -> TimeValue | None:
    """A date as corrections write it: a day, an ISO week, a month or a year."""
    text = text.strip()
    try:
        if YEAR_RE.match(text):
            y = int(text)
            return TimeValue(text, "DATE", "year", date(y, 1, 1), date(y, 12, 31), rule="correction")
        if match := MONTH_RE.match(text):
            y, m = int(match.group(1)), int(match.group(2))
            end = (date(y + m // 12, m % 12 + 1, 1)) - timedelta(days=1)
            return TimeValue(text, "DATE", "month", date(y, m, 1), end, rule="correction")
        if match := WEEK_RE.match(text):
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return TimeValue(text, "DATE", "week", monday, monday + timedelta(days=6), rule="correction")
        day = date.fromisoformat(text)
        return TimeValue(day.isoformat(), "DATE", "day", day, day, rule="correction")
    except ValueError:
        return None


def parse_corrections(text: str, path: str) -> Corrections:
    """The corrections file, checked: an error names the file and line."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(path, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                           mark.line + 1 if mark else None) from None
    if root is None:
        return Corrections(path)
    if not isinstance(root, yaml.MappingNode):
        raise ContentError(path, "must be a mapping with `events:` and/or `articles:`", root.start_mark.line + 1)
    events: list[EventCorrection] = []
    articles: list[ArticleCorrection] = []
    for key, value in root.value:
        section = key.value
        if section not in ("events", "articles"):
            raise ContentError(path, f"unknown section {section!r}: use `events:` or `articles:`", key.start_mark.line + 1)
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.MappingNode):
            raise ContentError(path, f"`{section}` must map ids to corrections", value.start_mark.line + 1)
        for target, fields in value.value:
            line = target.start_mark.line + 1
            values = _fields(fields, path, line, EVENT_KEYS if section == "events" else ARTICLE_KEYS, target.value)
            if section == "events":
                events.append(_event(target.value, values, path, line))
            else:
                articles.append(_article(target.value, values, path, line))
    return Corrections(path, tuple(events), tuple(articles))


def _fields(node: Any, path: str, line: int, allowed: tuple[str, ...], target: str) -> dict[str, tuple[str, int]]:
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(path, f"the correction of {target!r} must be a mapping of {', '.join(allowed)}", line)
    out = {}
    for key, value in node.value:
        if key.value not in allowed:
            raise ContentError(path, f"unknown field {key.value!r} for {target!r}: use {', '.join(allowed)}",
                               key.start_mark.line + 1)
        if not isinstance(value, yaml.ScalarNode):
            raise ContentError(path, f"`{key.value}` of {target!r} must be a single value", value.start_mark.line + 1)
        out[key.value] = (value.value, value.start_mark.line + 1)
    return out


def _event(target: str, values: dict[str, tuple[str, int]], path: str, line: int) -> EventCorrection:
    time = None
    if "date" in values:
        raw, at = values["date"]
        time = time_value(raw)
        if time is None:
            raise ContentError(path, f"`date` of {target!r} must be 2025-07-14, 2025-07, 2025-W29 or 2025, not {raw!r}", at)
    hide = False
    if "hide" in values:
        raw, at = values["hide"]
        if raw.lower() not in ("true", "false", "yes", "no"):
            raise ContentError(path, f"`hide` of {target!r} must be true or false", at)
        hide = raw.lower() in ("true", "yes")
    headline = values["headline"][0].strip() if "headline" in values else None
    if headline == "":
        raise ContentError(path, f"`headline` of {target!r} is empty", values["headline"][1])
    into = values["merge_into"][0].strip() if "merge_into" in values else None
    if into == target:
        raise ContentError(path, f"{target!r} cannot be merged into itself", values["merge_into"][1])
    return EventCorrection(target, line, time, headline, hide, into)


def _article(target: str, values: dict[str, tuple[str, int]], path: str, line: int) -> ArticleCorrection:
    if "date" not in values:
        raise ContentError(path, f"the correction of article {target!r} needs a `date`", line)
    raw, at = values["date"]
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        raise ContentError(path, f"`date` of article {target!r} must be a day (YYYY-MM-DD), not {raw!r}", at) from None
    return ArticleCorrection(target, line, day)


def correct_articles(articles: Sequence[Article], corrections: Corrections
                     ) -> tuple[tuple[Article, ...], list[Applied], list[Problem]]:
    """Articles with the editor's publication dates (before the analysis)."""
    by_slug = {c.article: c for c in corrections.articles}
    out, applied, problems = [], [], []
    known = {a.slug for a in articles}
    for article in articles:
        fix = by_slug.get(article.slug)
        current = article.dateline.date if article.dateline is not None else article.date
        if fix is None:
            out.append(article)
            continue
        if current == fix.date:
            problems.append(_problem(corrections, fix.line, f"the date of article {article.slug!r} is "
                                     f"already {fix.date.isoformat()}: the correction changes nothing"))
            out.append(article)
            continue
        dateline = article.dateline
        if dateline is not None:
            dateline = replace(dateline, date=fix.date, origin="correction", month_day=None, year_from="")
        out.append(replace(article, date=fix.date, dateline=dateline))
        applied.append(Applied(article.slug, "article date",
                               f"publication date {current.isoformat() if current else 'unknown'} -> {fix.date.isoformat()}",
                               fix.line))
    for fix in corrections.articles:
        if fix.article not in known:
            problems.append(_problem(corrections, fix.line, f"no article {fix.article!r}: the correction is not applied"))
    return tuple(out), applied, problems


def correct_events(events: Sequence[TimelineEvent], corrections: Corrections,
                   order: Any) -> tuple[list[TimelineEvent], list[Applied], list[Problem]]:
    """The timeline's events with the editor's corrections, re-sorted with `order` (event ->
    sort key). Merges run first, in file order, so a date or headline given to the merged
    event applies to the result."""
    by_id = {e.id: e for e in events}
    applied: list[Applied] = []
    problems: list[Problem] = []
    gone: dict[str, str] = {}  # merged away -> into
    for fix in corrections.events:
        if fix.event not in by_id and fix.event not in gone:
            problems.append(_problem(corrections, fix.line, f"no event {fix.event!r}: the correction is not applied "
                                     "(ids are on the event pages and in timeline.json)"))
    for fix in corrections.events:
        if fix.merge_into is None or fix.event not in by_id:
            continue
        into = fix.merge_into
        while into in gone:
            into = gone[into]
        if into not in by_id:
            problems.append(_problem(corrections, fix.line, f"no event {fix.merge_into!r} to merge {fix.event!r} into"))
            continue
        source, target = by_id.pop(fix.event), by_id[into]
        citations = tuple(sorted(target.citations + source.citations,
                                 key=lambda c: (c.article, c.sentence.start, c.timex.start)))
        by_id[into] = replace(target, citations=citations,
                              actors=tuple(dict.fromkeys(target.actors + source.actors)),
                              corrections=target.corrections + (f"merged with {fix.event}",))
        gone[fix.event] = into
        applied.append(Applied(fix.event, "merge_into", f"merged into {into}", fix.line))
    for fix in corrections.events:
        event = by_id.get(fix.event)
        if event is None:
            continue
        notes = list(event.corrections)
        if fix.date is not None:
            if fix.date.value == event.time.value:
                problems.append(_problem(corrections, fix.line, f"event {fix.event!r} is already dated "
                                         f"{fix.date.value}: the correction changes nothing"))
            else:
                applied.append(Applied(fix.event, "date", f"date {event.time.value} -> {fix.date.value}", fix.line))
                event = replace(event, time=fix.date, conflicts=())
                notes.append("date")
        if fix.headline is not None:
            if fix.headline == event.text:
                problems.append(_problem(corrections, fix.line, f"event {fix.event!r} already has that headline: "
                                         "the correction changes nothing"))
            else:
                applied.append(Applied(fix.event, "headline", f"headline set to {fix.headline!r}", fix.line))
                event = replace(event, text=fix.headline)
                notes.append("headline")
        by_id[fix.event] = replace(event, corrections=tuple(notes))
        if fix.hide:
            del by_id[fix.event]
            applied.append(Applied(fix.event, "hide", "hidden from the timeline", fix.line))
    return sorted(by_id.values(), key=order), applied, problems


def _problem(corrections: Corrections, line: int, message: str) -> Problem:
    return Problem(corrections.path, message, line, "warning", "correction")

