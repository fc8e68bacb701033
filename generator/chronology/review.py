"""Problems to review: missing datelines, unplaceable dates, conflicts, doubtful actors."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..model import DATED_TYPES, Actor, ArticleAnalysis, Event, Problem, TimelineEvent
from ..timex.values import CALENDAR_FIRST, CALENDAR_LAST, OUTSIDE_CALENDAR
from .views import date_label

LOW_CONFIDENCE = 0.5


def line_of(analysis: ArticleAnalysis, plain_offset: int) -> int | None:
    """The file line of an offset into the article's plain text (None if out of range)."""
    try:
        return analysis.article.line_of(analysis.text.to_source(plain_offset))
    except (IndexError, TypeError):
        return None


def no_dateline(analysis: ArticleAnalysis) -> list[Problem]:
    if analysis.dateline.origin != "none" or any(p.kind == "no-dateline" for p in analysis.problems):
        return []  # dated, or the analysis already said so
    return [Problem(
        analysis.article.path,
        "no publication date found, so relative dates (\"last Saturday\", \"in June\") "
        "cannot be placed; add `date: YYYY-MM-DD` to the front matter",
        None, "warning", "no-dateline")]


def unresolved_dates(analysis: ArticleAnalysis) -> list[Problem]:
    why = ("the article has no dateline" if analysis.dateline.origin == "none"
           else "it could not be anchored on the calendar")
    out = []
    for timex in analysis.timexes:
        time = timex.time
        if time.type not in DATED_TYPES or time.anchored or time.value.endswith("_REF"):
            continue  # placed, or vague by nature ("recently", "now"): nothing to fix
        if time.rule.endswith(OUTSIDE_CALENDAR):
            message = (f"\"{timex.text}\" is not on the timeline: it falls outside the calendar "
                       f"Annals dates events on (years {CALENDAR_FIRST.year} to {CALENDAR_LAST.year})")
        else:
            message = (f"\"{timex.text}\" is not on the timeline: {why}; write an absolute date "
                       "(e.g. 19 July 2025) or fix the dateline")
        out.append(Problem(analysis.article.path, message, line_of(analysis, timex.start), "warning",
                           "unresolved-date"))
    return out


def conflict(event: TimelineEvent, by_slug: Mapping[str, ArticleAnalysis]) -> Problem | None:
    """One problem per event whose sources disagree on the date, at the first dissenter."""
    if not event.conflicts:
        return None
    chosen = date_label(event.time)
    parts = []
    dissent: Event | None = None
    for cited in event.citations:
        label = date_label(cited.time)
        parts.append(f"{cited.article} says {label}")
        if dissent is None and any(cited.time == c for c in event.conflicts):
            dissent = cited
    if dissent is None:
        return None
    analysis = by_slug.get(dissent.article)
    path = analysis.article.path if analysis else dissent.article
    line = line_of(analysis, dissent.timex.start) if analysis else None
    return Problem(
        path,
        f"sources disagree on the date of event {event.id} ({'; '.join(parts)}); "
        f"the timeline uses {chosen}: check the articles",
        line, "warning", "conflict")


def low_confidence_actors(actors: Sequence[Actor], analyses: Sequence[ArticleAnalysis],
                          content_dir: str) -> list[Problem]:
    """Actors the cast is unsure about, reported at the first article naming them."""
    out = []
    for actor in actors:
        if actor.confidence >= LOW_CONFIDENCE:
            continue
        where = first_article_naming(actor.slug, analyses)
        path = where.article.path if where else f"{content_dir}/actors.yaml"
        out.append(Problem(
            path,
            f"actor \"{actor.name}\" ({actor.slug}, {actor.origin}, confidence "
            f"{actor.confidence:.2f}) may be wrong: confirm it in {content_dir}/actors.yaml "
            "or leave it out",
            None, "info", "low-confidence-actor"))
    return out


def first_article_naming(slug: str, analyses: Sequence[ArticleAnalysis]) -> ArticleAnalysis | None:
    for analysis in analyses:  # given in timeline article order
        if any(slug in e.actors for e in analysis.events) or any(
                m.actor == slug for m in analysis.mentions):
            return analysis
    return None


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Deterministic order (path, line, kind, message). Exact repeats are dropped, and so
    is a second "no-dateline" for one file (an earlier stage may have reported it)."""
    seen: set[tuple] = set()
    out = []
    for p in sorted(problems, key=lambda p: (p.path, p.line or 0, p.kind, p.message, p.severity)):
        exact = (p.path, p.line, p.kind, p.message)
        per_file = (p.path, p.kind)
        if exact in seen or (p.kind == "no-dateline" and per_file in seen):
            continue
        seen.update((exact, per_file))
        out.append(p)
    return tuple(out)
