"""The visual overview: an SVG time axis of a timeline's events, drawn server-side.

The axis is aggregated, never one node per event, so it stays light with 10,000 events:

- events at least as precise as the bin unit (week, month or year) are counted in the bin
  their range starts in and drawn as solid bars, each bar a link to that period in the list;
- events vaguer than the unit but no vaguer than a year (a month on a weekly axis, a
  quarter, a year) are spread evenly over the bins their range covers, and drawn as one pale
  area behind the bars: each counts once in total, nothing piles up in January;
- events vaguer than a year (decades, centuries) are not drawn; the summary says how many.

Key dates are marked above the bars, and the story window (site.yaml ``story``) is shaded.
The SVG has no text of its own (only <title>s), so it can be stretched to any width and the
script (static/overview.js) zooms and pans it by changing the viewBox alone; the tick labels
are HTML beside it. Coordinates are days since the axis start.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from ..i18n import dates as i18n_dates
from ..i18n.catalogs import Language, language as interface_language
from ..model import KeyDate, TimelineEvent

UNITS = ("week", "month", "year")
# Precision ranks (model.GRANULARITIES) at or below which an event fits each unit.
UNIT_RANK = {"week": 2, "month": 3, "year": 7}
YEAR_RANK = 7
WEEK_VIEW_DAYS = 550  # a first view up to ~18 months is drawn by week
MONTH_VIEW_DAYS = 60 * 366  # up to 60 years by month, longer by year
MAX_BINS = 6000  # an axis never has more bins than this (a coarser unit is used instead)
HEIGHT = 100  # user units; the SVG is stretched to the height CSS gives it
TOP = 14  # room above the bars for key date marks
BAR_GAP = 0.12  # share of a bin left empty between bars
STORY_KEY = "story"


@dataclass(frozen=True)
class Bin:
    key: str  # "2025-W29", "2025-07", "2025"
    label: str  # "week of 14 July 2025", "July 2025", "2025"
    start: date
    end: date  # inclusive
    count: int  # events drawn solid in this bin
    spread: float  # share of vaguer events falling in it
    target: str  # root-relative URL of the list's group for this bin ("" when count is 0)
    aria: str = ""  # "July 2025: 3 events", for screen readers


@dataclass(frozen=True)
class Mark:
    label: str  # "19 July 2025"
    day: date
    sources: int
    target: str  # root-relative URL of the event
    aria: str = ""  # "Key date: 19 July 2025 (3 sources)"


@dataclass(frozen=True)
class Overview:
    unit: str
    start: date  # first day of the axis
    days: int  # axis length in days
    bins: tuple[Bin, ...]
    marks: tuple[Mark, ...]
    window: tuple[date, date] | None
    view: tuple[float, float]  # first view: (x, width) in days
    peak: float
    drawn: int  # events in solid bars
    spread_count: int  # events spread as the pale area
    undrawn: int  # events vaguer than a year
    summary: str
    lang: Language  # the interface language of its words and tick labels

    def x(self, day: date) -> int:
        return (day - self.start).days

    @property
    def solid(self) -> tuple[Bin, ...]:
        return tuple(b for b in self.bins if b.count)


# Bins ------------------------------------------------------------------------------------

def bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return date(day.year, 1, 1)


def bin_index(day: date, first: date, unit: str) -> int:
    """The bin of ``day`` counted from the bin starting on ``first``: what indexing the
    bins by ``bin_start`` gives, without a date made per event."""
    if unit == "week":
        return (day - first).days // 7  # (``first`` is a Monday)
    if unit == "month":
        return (day.year - first.year) * 12 + day.month - first.month
    return day.year - first.year


def next_bin(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def bin_key(start: date, unit: str) -> str:
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def bin_label(start: date, unit: str, lang: Language) -> str:
    if unit == "week":
        return i18n_dates.week_label(start, lang)
    if unit == "month":
        return i18n_dates.month_label(start.year, start.month, lang)
    return str(start.year)


def unit_name(unit: str, lang: Language) -> str:
    """The bin unit as the legend and the summary name it ("events per week")."""
    return {"week": lambda: lang.gettext("week"), "month": lambda: lang.gettext("month"),
            "year": lambda: lang.gettext("year")}[unit]()


def _placed(events: Sequence[TimelineEvent]) -> tuple[list[tuple[TimelineEvent, date, date, int]], int]:
    """The events the overview draws, each with its range and precision rank, and how
    many dated ones it does not (vaguer than a year): one pass over a timeline's events."""
    placed = []
    undrawn = 0
    for event in events:
        time = event.time
        start = time.start
        if start is None:
            continue
        rank = time.precision_rank
        if rank > YEAR_RANK:
            undrawn += 1
        elif time.end is not None:
            placed.append((event, start, time.end, rank))
    return placed, undrawn


def choose_unit(view_days: int, axis_days: int) -> str:
    """Weeks for a first view up to ~18 months, months up to 60 years, else years; never
    more than MAX_BINS bins on the whole axis."""
    unit = "week" if view_days <= WEEK_VIEW_DAYS else "month" if view_days <= MONTH_VIEW_DAYS else "year"
    per_bin = {"week": 7, "month": 30.4, "year": 365.25}
    while unit != "year" and axis_days / per_bin[unit] > MAX_BINS:
        unit = UNITS[UNITS.index(unit) + 1]
    return unit


def build_overview(events: Sequence[TimelineEvent], key_dates: Iterable[KeyDate] = (),
                   window: tuple[date, date] | None = None, *, name: str,
                   period_target: Callable[[TimelineEvent], str],
                   event_target: Callable[[str], str], language: str = "en") -> Overview | None:
    """The overview of ``events`` (a timeline's, in timeline order), or None when none of
    them can be drawn. ``period_target`` gives the list group of an event (where its bar
    leads), ``event_target`` the URL of an event id (where a key date mark leads)."""
    lang = interface_language(language)
    placed, undrawn = _placed(events)
    if not placed:
        return None
    first = min(start for _, start, _, _ in placed)
    last = max(end for _, _, end, _ in placed)
    if window is not None:
        first, last = min(first, window[0]), max(last, window[1])
    span_days = (last - first).days + 1
    view_first, view_last = window if window is not None else (first, last)
    unit = choose_unit((view_last - view_first).days + 1, span_days)
    start = bin_start(first, unit)
    starts = [start]
    while next_bin(starts[-1], unit) <= last:
        starts.append(next_bin(starts[-1], unit))
    end = next_bin(starts[-1], unit)
    counts = [0] * len(starts)
    spread = [0.0] * len(starts)
    firsts: list[TimelineEvent | None] = [None] * len(starts)
    spread_count = 0
    unit_rank = UNIT_RANK[unit]
    for event, s, e, rank in placed:
        if rank <= unit_rank:
            i = bin_index(s, start, unit)
            counts[i] += 1
            if firsts[i] is None:
                firsts[i] = event
            continue
        spread_count += 1
        lo, hi = bin_index(s, start, unit), bin_index(e, start, unit)
        share = 1 / (hi - lo + 1)
        for i in range(lo, hi + 1):
            spread[i] += share
    labels = [bin_label(s, unit, lang) for s in starts]
    bins = tuple(
        Bin(bin_key(s, unit), labels[i], s, next_bin(s, unit) - timedelta(days=1),
            counts[i], round(spread[i], 4), period_target(firsts[i]) if firsts[i] is not None else "",
            lang.ngettext("%(label)s: %(num)s event", "%(label)s: %(num)s events", counts[i],
                          label=labels[i]) if counts[i] else "")
        for i, s in enumerate(starts))
    marks = _marks(key_dates, first, last, event_target, lang)
    days = (end - start).days
    pad = max(3.0, ((view_last - view_first).days + 1) * 0.06)
    view_x = max(0.0, (view_first - start).days - pad)
    view_w = min(days - view_x, (view_last - view_first).days + 1 + 2 * pad)
    peak = max((c + s for c, s in zip(counts, spread)), default=0) or 1
    drawn = sum(counts)
    return Overview(unit, start, days, bins, marks, window, (round(view_x, 2), round(view_w, 2)),
                    peak, drawn, spread_count, undrawn,
                    _summary(name, bins, unit, drawn, spread_count, undrawn, marks, window, lang), lang)


def _marks(key_dates: Iterable[KeyDate], first: date, last: date,
           event_target: Callable[[str], str], lang: Language) -> tuple[Mark, ...]:
    out = []
    for key in key_dates:
        time = key.time
        if time.start is None or time.end is None or not key.events or not first <= time.start <= last:
            continue
        middle = time.start + (time.end - time.start) / 2
        label = i18n_dates.date_label(time, lang)
        out.append(Mark(label, middle, key.sources, event_target(key.events[0]),
                        lang.ngettext("Key date: %(label)s (%(num)s source)",
                                      "Key date: %(label)s (%(num)s sources)", key.sources, label=label)))
    return tuple(sorted(out, key=lambda m: m.day))


def _summary(name: str, bins: tuple[Bin, ...], unit: str, drawn: int, spread_count: int,
             undrawn: int, marks: tuple[Mark, ...], window: tuple[date, date] | None,
             lang: Language) -> str:
    """The overview in words, for screen readers (the SVG's title)."""
    busiest = max(bins, key=lambda b: b.count)
    words = {"name": name, "first": bins[0].label, "last": bins[-1].label}
    per = {"week": lambda: lang.gettext("Events per week for %(name)s, %(first)s to %(last)s", **words),
           "month": lambda: lang.gettext("Events per month for %(name)s, %(first)s to %(last)s", **words),
           "year": lambda: lang.gettext("Events per year for %(name)s, %(first)s to %(last)s", **words)}
    head = per[unit]() + ": " + lang.ngettext("%(num)s event drawn as bars", "%(num)s events drawn as bars", drawn)
    if busiest.count:
        head += lang.gettext(", the busiest %(label)s with %(count)s", label=busiest.label, count=busiest.count)
    parts = [head]
    if spread_count:
        vaguer = {  # one sentence per unit: the unit's gender and case differ by language
            "week": lambda: lang.ngettext("%(num)s dated less precisely than a week, spread over their period",
                                          "%(num)s dated less precisely than a week, spread over their period",
                                          spread_count),
            "month": lambda: lang.ngettext("%(num)s dated less precisely than a month, spread over their period",
                                           "%(num)s dated less precisely than a month, spread over their period",
                                           spread_count),
            "year": lambda: lang.ngettext("%(num)s dated less precisely than a year, spread over their period",
                                          "%(num)s dated less precisely than a year, spread over their period",
                                          spread_count)}
        parts.append(vaguer[unit]())
    if undrawn:
        parts.append(lang.ngettext("%(num)s vaguer than a year, not drawn",
                                   "%(num)s vaguer than a year, not drawn", undrawn))
    if marks:
        parts.append(lang.ngettext("%(num)s key date marked", "%(num)s key dates marked", len(marks)))
    if window:
        parts.append(lang.gettext("the story window, %(range)s, shaded",
                                  range=i18n_dates.range_label(window[0], window[1], lang)))
    # The separator is the language's own (Arabic writes "؛").
    return lang.pgettext("list of clauses", "; ").join(parts) + "."


# Axis labels -----------------------------------------------------------------------------

def ticks(overview: Overview) -> list[tuple[float, str]]:
    """(x in days, label) of the axis labels for the first view: the same rule as
    overview.js uses when zooming, so the page looks the same before the script runs."""
    x0, width = overview.view
    lang = overview.lang
    lo = overview.start + timedelta(days=int(x0))
    hi = overview.start + timedelta(days=int(x0 + width))
    out: list[tuple[float, str]] = []
    if width > 365.25 * 30:
        step, kind = 10, "year"
    elif width > 365.25 * 6:
        step, kind = 1 if width < 365.25 * 14 else 2, "year"
    elif width > 400:
        step, kind = 3, "month"
    elif width > 75:
        step, kind = 1, "month"
    else:
        step, kind = 7, "day"
    if kind == "year":
        year = lo.year - lo.year % step
        while year <= hi.year:
            day = date(year, 1, 1)
            if day >= lo:
                out.append((overview.x(day), str(year)))
            year += step
    elif kind == "month":
        day = lo.replace(day=1)
        while day <= hi:
            if day >= lo and (day.month - 1) % step == 0:
                short = (i18n_dates.short_month_year(day.year, day.month, lang) if day.month == 1 or not out
                         else i18n_dates.month_name(day.month, lang, "abbreviated"))
                out.append((overview.x(day), short))
            day = next_bin(day, "month")
    else:
        day = lo - timedelta(days=lo.weekday())
        while day <= hi:
            if day >= lo:
                out.append((overview.x(day), i18n_dates.short_day(day, lang)))
            day += timedelta(days=step)
    return out


# The SVG ---------------------------------------------------------------------------------

def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def overview_svg(overview: Overview, href: Callable[[str], str], *, link_target: str | None = None,
                 dom_id: str = "overview") -> Markup:
    """The overview as inline SVG: the story window, the pale area of vaguer events, one
    linked bar per busy bin, and key date marks. ``href`` makes page-relative links;
    ``link_target`` (e.g. "_self" in embeds) is set on every link, and then the links keep
    the embed's options too (data-annals-keep-query, see embed-page.js)."""
    days, peak = overview.days, overview.peak
    scale = (HEIGHT - TOP) / peak
    x0, width = overview.view
    target = (Markup(' target="{0}" data-annals-keep-query').format(link_target) if link_target
              else Markup(""))
    out: list[Any] = [Markup(
        '<svg class="overview-svg" id="{0}-svg" viewBox="{1} 0 {2} {3}" preserveAspectRatio="none" '
        'role="group" aria-labelledby="{0}-title" data-days="{4}" data-start="{5}" focusable="false">'
        '<title id="{0}-title">{6}</title>'
    ).format(dom_id, _num(x0), _num(width), HEIGHT, days, overview.start.isoformat(), overview.summary)]
    if overview.window:
        a, b = overview.window
        out.append(Markup('<rect class="ov-window" x="{0}" y="0" width="{1}" height="{2}"/>').format(
            overview.x(a), overview.x(b) - overview.x(a) + 1, HEIGHT))
    if overview.spread_count:
        out.append(Markup('<path class="ov-spread" d="{0}"/>').format(_area(overview, scale)))
    for b in overview.solid:
        bx = overview.x(b.start)
        bw = (b.end - b.start).days + 1
        h = b.count * scale
        out.append(Markup(
            '<a class="ov-bar" href="{0}"{1} aria-label="{2}" data-x="{3}">'
            '<rect x="{4}" y="{5}" width="{6}" height="{7}"/></a>'
        ).format(href(b.target), target, b.aria, bx, _num(bx + bw * BAR_GAP / 2),
                 _num(HEIGHT - h), _num(bw * (1 - BAR_GAP)), _num(h)))
    for m in overview.marks:
        mx = overview.x(m.day)
        out.append(Markup(
            '<a class="ov-mark" href="{0}"{1} aria-label="{2}" data-x="{3}">'
            '<line x1="{3}" x2="{3}" y1="2" y2="{4}"/><line class="ov-mark-rule" x1="{3}" x2="{3}" '
            'y1="{4}" y2="{5}"/></a>'
        ).format(href(m.target), target, m.aria, mx, TOP - 4, HEIGHT))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def _area(overview: Overview, scale: float) -> str:
    """One step path over every bin: the height of solid plus spread, so the pale area shows
    above the bars (and alone where only vaguer events fall)."""
    # Runs of bins at the same height make one step, so a year known only as a year (52
    # weekly bins) or decades of empty weeks cost two points, not a hundred.
    points = [f"M0 {HEIGHT}"]
    level = _num(HEIGHT)
    for b in overview.bins:
        top = _num(HEIGHT - (b.count + b.spread) * scale)
        if top != level:
            x = overview.x(b.start)
            points.append(f"L{x} {level}L{x} {top}")
            level = top
    points.append(f"L{overview.days} {level}L{overview.days} {HEIGHT}Z")
    return "".join(points)


def overview_data(overview: Overview) -> dict[str, Any]:
    """What the template needs besides the SVG: the first view's tick labels (as % of the
    view), the window's position, the legend's counts."""
    x0, width = overview.view
    return {
        "ticks": [(round((x - x0) / width * 100, 3), label) for x, label in ticks(overview)
                  if 0 <= (x - x0) / width <= 1],
        "unit": overview.unit,
        "unit_name": unit_name(overview.unit, overview.lang),
        # overview.js writes tick labels while zooming: the same CLDR words as ticks().
        "script": json.dumps(i18n_dates.script_patterns(overview.lang), ensure_ascii=False),
        "drawn": overview.drawn,
        "spread": overview.spread_count,
        "undrawn": overview.undrawn,
        "marks": len(overview.marks),
        "window": overview.window,
        "summary": overview.summary,
    }


__all__ = ["Bin", "Mark", "Overview", "build_overview", "choose_unit", "overview_data",
           "overview_svg", "ticks"]

