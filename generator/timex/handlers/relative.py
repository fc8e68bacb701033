"""Dates counted from the dateline or the date last mentioned (rules/relative.yaml):
"last week", "this year", "the following day", "the day before Tuesday's vote", "two
years ago", "a week later", "this year than last"."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import shift_quarter, weekday_on_or_after, weekday_on_or_before
from generator.timex.context import Context
from generator.timex.handlers.common import (LEX, WEEKDAY_NUMBER, Piece, Pieces, next_text,
                                             norm, one, prev_word, span, told_base)
from generator.timex.handlers.counted import (COMPARISON, FROM_EVENT, GOVERNED_WORD, counted_from_date,
                                              counted_from_phrase, date_at, shift)
from generator.timex.numbers import number_value, unit_name
from generator.timex.scan import Candidate

_CHAIN_RELS = LEX.words("chain_relations")
_AGO_BACK = LEX.words("ago_back")
_NEIGHBOURS = {tuple(k.rsplit(" ", 1)): v for k, v in (LEX.calendar_neighbours or {}).items()}
_AMOUNT_BEFORE = LEX.pattern("amount_before")
_AMOUNT_AFTER = LEX.pattern("amount_after")
_NEIGHBOUR_ORDINAL = LEX.pattern("neighbour_ordinal")
_YEAR_ENDED = LEX.pattern("year_ended")
_TO_DATE = LEX.pattern("to_date")
_THIS_UNIT = LEX.pattern("this_unit")
_THIS_WEEK_SHOW = re.compile(r"This\s+Week")
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
_STEP = {"last": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "the current": 0,
         "next": 1, "the coming": 1, "coming": 1, "the": 0}
_CHAIN_STEP = {"that": 0, "that same": 0, "the same": 0, "the previous": -1, "the preceding": -1,
               "the prior": -1, "the following": 1, "the next": 1, "before": -1, "after": 1}
# what "the following week (month)" may count on from: a date no coarser than the unit
_CHAIN_GRAINS = {"week": ("time", "day", "week"), "weekend": ("time", "day", "week"),
                 "month": ("time", "day", "week", "month")}
_SAME_AS = re.compile(r"\s+as\s+")  # "the same day as ..."
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+time\s+for)\s+$", re.I)


def reltime(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    rel = norm(g["rel"])
    unit = norm(g["unit"])
    mod = norm(g["mod"]).strip(" -")
    rule = f"rel_{unit.replace(' ', '_')}"
    if rel == "this past":
        # "this past weekend": the last one; "this past week" is "the past week"
        rel = "last" if unit == "weekend" else "the past"
    elif rel == "this coming":
        rel = "the coming"
    if unit == "weekend" and ctx.dct is not None and (
            rel in ("the past", "the last")
            or (rel == "this" and ctx.dct.weekday() < 5 and ctx.tense(c.start, c.end) == "past")):
        # "over the past weekend"; "rain fell this weekend" told on a weekday: the last one
        rel = "last"
    if unit in _PARTS_OF_DAY:
        return chain_unit(c, ctx, rel, unit, rule)  # "that morning" (others are rejected)
    calendar = calendar_neighbour(c, ctx, rel, unit, c.end)
    if calendar is not None:
        return one(c, calendar)
    if rel in ("the past", "the last", "past") and unit != "weekend":
        if rel == "past" and prev_word(ctx, c.start) not in ("the", "over", "this"):
            return None
        if unit == "fiscal year":
            return None
        if unit == "day" and rel == "the last":
            return None
        return one(c, V.duration(V.duration_value(1, unit), "the_past_unit"))
    if unit == "day":
        if rel in _CHAIN_RELS:
            return chain_unit(c, ctx, rel, unit, rule)
        return None
    if _span_ahead(c, ctx, rel):
        # "over the next decade", "during the following year": a stretch of time, not a date
        return one(c, V.duration(V.duration_value(1, unit if unit != "weekend" else "day"),
                                 "the_next_unit"))
    if rel in _CHAIN_RELS:
        return chain_unit(c, ctx, rel, unit, rule)
    if rel == "the" and unit in ("year", "month", "week") and not mod and ctx.dct is not None:
        so_far = _TO_DATE.match(ctx.text, c.end)
        if so_far:
            # "the year to date": the dateline's year (month, week) so far
            value = relative_to(ctx, ctx.dct, "this", unit, "to_date", c)
            return None if value is None else [(c.start, so_far.end(), value)]
    if rel in ("the", "the full") and unit in ("year", "fiscal year") and not mod:
        return _the_year(c, ctx, rel)
    if rel == "the" and unit in ("week", "month") and not mod \
            and _YEAR_ENDED.match(next_text(ctx, c.end, 10)):
        # "the week to 23 November", "the month ended June 30": a reporting span of that
        # length, as "the year ended" is; the date after it is its end
        return one(c, V.duration(V.duration_value(1, unit), "the_period_ended"))
    if rel == "the" and not mod and unit not in ("weekend", "week"):
        return None
    if rel == "the latest":
        # "sales in the latest fiscal year": the last one reported on, so the last that has
        # ended (as "the latest quarter" is the one just ended)
        rel = "last"
    if _THIS_WEEK_SHOW.fullmatch(ctx.text, c.start, c.end) and not ctx.starts_sentence(c.start):
        return None  # ABC's "This Week": a programme's name
    if ctx.dct is None:
        return one(c, V.unresolved(x_value(unit), granularity(unit), rule))
    if rel == "last" and unit == "year" and not mod:
        quarter = _compared_quarter(c, ctx)
        if quarter is not None:
            return one(c, quarter)
    base = told_base(ctx, c.start, c.end, unit) if rel == "the" and mod \
        and unit in ("month", "year") else None
    return one(c, relative_to(ctx, base or ctx.dct, rel, unit, rule, c))


def _span_ahead(c: Candidate, ctx: Context, rel: str) -> bool:
    """A unit ahead after a preposition of extent: "over the following decade", "within
    the coming year", "in the next week" (only "the next" takes "in")."""
    prev = prev_word(ctx, c.start)
    if rel == "the next":
        return prev in ("in", "within", "over", "during", "for", "throughout")
    return rel in ("the following", "the coming") and prev in ("within", "over", "during", "for",
                                                               "throughout")


def calendar_neighbour(c: Candidate, ctx: Context, rel: str, unit: str,
                       end: int) -> TimeValue | None:
    """ "the past year" in news is the year before the dateline's ("rose 4% over the past
    year"), "the next year" the one after; "in the last decade" is the decade before this
    one, while "over the past decade" stays the ten years up to now."""
    step = _NEIGHBOURS.get((rel, unit))
    if step is None or ctx.dct is None:
        return None
    if _NEIGHBOUR_ORDINAL.match(next_text(ctx, end)):
        return None  # "the last year of the war", "the next year's budget"
    if step == "next" and prev_word(ctx, c.start) not in ("over", "within", "during", "in"):
        return None  # "the next year, he moved": chained to the date last mentioned
    if unit == "decade" and prev_word(ctx, c.start) != "in":
        return None  # "fell over the last decade": the ten years up to now
    return relative_to(ctx, ctx.dct, step, unit, "the_past_year" if unit == "year"
                       else "the_last_decade", c)


def _compared_quarter(c: Candidate, ctx: Context) -> TimeValue | None:
    """The year-ago quarter when "last year" is the other side of a quarterly comparison."""
    cq = ctx.last_quarter
    if cq is None or ctx.dct is None or cq[0] != ctx.dct.year or ctx.reports_months(c.start):
        return None
    before = ctx.text[max(0, c.start - 40):c.start]
    if _AMOUNT_BEFORE.search(before.rstrip(" ,")) or _AMOUNT_AFTER.match(ctx.text, c.end):
        return V.quarter(cq[0] - 1, cq[1], "year_ago_quarter")
    return None


def _the_year(c: Candidate, ctx: Context, rel: str) -> Pieces:
    """Financial "the year": "the year ended June 30" is a span of a year, "for the year" the
    current (reporting) year; elsewhere "the year" is too vague to tag."""
    if _YEAR_ENDED.match(next_text(ctx, c.end, 10)) or prev_word(ctx, c.start) == "throughout":
        return one(c, V.duration("P1Y", "the_year_ended"))  # also "throughout the year": a span
    if rel == "the full" or prev_word(ctx, c.start) in ("for", "of", "throughout", "during"):
        if ctx.dct is None:
            return one(c, V.unresolved("XXXX", "year", "the_year"))
        return one(c, V.year(ctx.dct.year, "the_year"))
    return None


def x_value(unit: str) -> str:
    return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
            "fiscal year": "XXXX", "decade": "XXX", "century": "XX", "day": "XXXX-XX-XX"}.get(
        unit, "XXXX-XX-XX")


def granularity(unit: str) -> str:
    return {"weekend": "week", "fiscal year": "year"}.get(unit, unit if unit in (
        "week", "month", "year", "decade", "century", "day") else "day")


def relative_to(ctx: Context, base: date, rel: str, unit: str, rule: str,
                c: Candidate) -> TimeValue | None:
    step = _STEP.get(rel)
    if step is None:
        return None
    if unit == "week":
        return V.week_of(base + timedelta(weeks=step), rule)
    if unit == "weekend":
        if rel == "the":  # "over the weekend": the last one, unless the clause is future
            # (a timetable present too: "they travel on Tuesday before hosting United at the
            # weekend"), or the weekend is what something comes before ("ahead of the weekend")
            tense = ctx.tense(c.start, c.end, timetable=True)
            if _AHEAD_OF.search(ctx.text, max(0, c.start - 12), c.start):
                tense = "future"
            elif prev_word(ctx, c.start) == "for" and base.weekday() in (3, 4):
                # "adjourned for the weekend", "stocked up for the weekend" told on a
                # Thursday or Friday: the weekend at hand
                tense = "future"
            if tense != "future":
                sat = weekday_on_or_before(base - timedelta(days=1), 5)
                if base.weekday() in (5, 6):
                    sat = weekday_on_or_before(base, 5)
                return V.weekend_of(sat, rule)
            return V.weekend_of(weekday_on_or_after(base, 5), rule)
        if rel in ("the coming", "coming"):
            return V.weekend_of(weekday_on_or_after(base, 5), rule)
        return V.weekend_of(base + timedelta(weeks=step), rule)
    if unit == "month":
        d = V.add_months(base.replace(day=1), step)
        return V.month(d.year, d.month, rule)
    if unit in ("year", "fiscal year"):
        return V.year(base.year + step, rule)
    if unit == "decade":
        return V.decade(base.year + 10 * step, rule)
    if unit == "century":
        return V.century(base.year // 100 + 1 + step, rule)
    return None


def chain_unit(c: Candidate, ctx: Context, rel: str, unit: str, rule: str,
               start: int | None = None) -> Pieces:
    """One unit on from (or back from, or the same as) the date last mentioned."""
    same_as = _SAME_AS.match(ctx.text, c.end) if rel.endswith("same") else None
    if same_as:
        # "the same day as Monday's vote": that date; "the same day as the election": the
        # day of a happening the text does not date
        dated = date_at(ctx, same_as.end())
        if dated is None or dated[1].start is None or unit != "day" \
                or dated[1].granularity not in ("day", "time"):
            return None
        return [(c.start if start is None else start, dated[0],
                 V.day(dated[1].start, "same_day_as"))]
    step = _CHAIN_STEP[rel]
    fine = unit in ("day",) + _PARTS_OF_DAY
    grains = _CHAIN_GRAINS.get(unit)
    ref = ctx.ref_finer(c.start, grains) if grains else ctx.ref(c.start, fine=fine)
    s = c.start if start is None else start
    if ref is None and fine:
        month = ctx.ref(c.start)
        if month is not None and month.granularity == "month" and month.start and month.end \
                and (step == 0 or _other_than_dateline_month(ctx, month.start)):
            # "In October ... that same day": a day of that month, which one the text does not
            # say; "The bank failed in September 2008. The next day": a day of that month too,
            # rather than the day after the dateline
            value = f"{month.start.year:04d}-{month.start.month:02d}-XX"
            return [(s, c.end, TimeValue(value, "DATE", "month", month.start, month.end,
                                         "chain_" + unit))]
    base = ref.start if ref is not None else ctx.dct
    if base is None:
        return [(s, c.end, V.unresolved(x_value(unit), granularity(unit), "chain_" + unit))]
    rule = "chain_" + unit.replace(" ", "_")
    if fine:
        return [(s, c.end, V.day(base + timedelta(days=step), rule))]
    if unit == "week":
        return [(s, c.end, V.week_of(base + timedelta(weeks=step), rule))]
    if unit == "weekend":
        return [(s, c.end, V.weekend_of(base + timedelta(weeks=step), rule))]
    if unit == "month":
        d = V.add_months(base.replace(day=1), step)
        return [(s, c.end, V.month(d.year, d.month, rule))]
    if unit in ("year", "fiscal year"):
        return [(s, c.end, V.year(base.year + step, rule))]
    if unit == "decade":
        return [(s, c.end, V.decade(base.year + 10 * step, rule))]
    return None


def _other_than_dateline_month(ctx: Context, d: date) -> bool:
    """A month told that is not the dateline's (with no dateline, none to count from)."""
    return ctx.dct is not None and (d.year, d.month) != (ctx.dct.year, ctx.dct.month)


def chain(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    if g["rel2"]:
        words = (g["rel2"] or "").lower().split()
        follow = GOVERNED_WORD.match(ctx.text, c.end, c.end + 30)
        if follow and follow.group(1).lower() not in ("that", "then"):
            return _unit_beside_date(c, ctx, words[1], words[-1], follow)
        return chain_unit(c, ctx, words[-1], words[1], "chain")
    return chain_unit(c, ctx, norm(g["rel"]), (g["unit"] or "").lower(), "chain")


def _unit_beside_date(c: Candidate, ctx: Context, unit: str, direction: str,
                      follow: re.Match[str]) -> Pieces:
    """ "the day before last Tuesday's hearing": one unit from the date that follows;
    "the year before last": two units from the dateline. "The day before returning home",
    "the day before police arrived": the day of some event, which the text does not date."""
    step = -1 if direction == "before" else 1
    dated = date_at(ctx, follow.start(1))
    if dated is None:
        if (follow.group(1).lower(), direction) not in (("last", "before"), ("next", "after")) \
                or ctx.dct is None:
            return None
        base, step, end = ctx.dct, 2 * step, follow.end()  # "the year before last"
        if unit == "weekend":
            # from a weekday the coming weekend is "this weekend": the one after next is a week
            # on, the one before last two weeks back
            return [(c.start, end, V.weekend_of(base + timedelta(weeks=-2 if step < 0 else 1),
                                                "beside_weekend"))]
    elif unit == "weekend":
        return None  # "the weekend before the vote": which weekend the text leaves open
    else:
        end, value = dated
        base = value.start if step < 0 else value.end  # type: ignore[assignment]
        needs = {"day": ("day",), "night": ("day",), "week": ("day", "week")}.get(unit)
        if base is None or (needs and value.granularity not in needs):
            return None
    rule = "beside_" + unit
    if unit == "week":
        return [(c.start, end, V.week_of(base + timedelta(weeks=step), rule))]
    if unit in ("day", "night"):
        return [(c.start, end, V.day(base + timedelta(days=step), rule))]
    if unit == "month":
        d = V.add_months(base.replace(day=1), step)
        return [(c.start, end, V.month(d.year, d.month, rule))]
    return [(c.start, end, V.year(base.year + step, rule))]


_ANNIVERSARY_DAY = {"today": 0, "yesterday": -1, "tomorrow": 1}
_UNIT_YEARS = {"year": 1, "decade": 10, "century": 100}


def ago(c: Candidate, ctx: Context) -> Pieces:
    """ "two years ago", "a week later", "an hour after the vote", "ten years ago today"."""
    if c.groups["fromday"]:
        return _from_day(c, ctx)
    word = norm(c.groups["anniv"])
    weekday = norm(c.groups["agowd"])
    if not word and not weekday:
        return _counted_phrase(c, ctx)
    amount = number_value(c.groups["n"] or "")
    unit = unit_name(c.groups["unit"] or "")
    if ctx.dct is not None and amount is not None and amount == int(amount):
        if weekday and unit == "week":
            # "a week ago Saturday": a week before the latest Saturday ("Saturday a week ago")
            latest = weekday_on_or_before(ctx.dct, WEEKDAY_NUMBER[weekday])
            return one(c, V.day(latest - timedelta(weeks=int(amount)), "ago_weekday"))
        value = _anniversary(ctx.dct, word, int(amount), unit) if word else None
        if value is not None:
            return one(c, value)
    # "two days ago this week" is no anniversary, "a year ago Sunday" no weekday: the count alone
    dir_end = span(c, "dir")[1]
    return [(s, min(e, dir_end), v) for s, e, v in _counted_phrase(c, ctx) or []] or None


def _from_day(c: Candidate, ctx: Context) -> Pieces:
    """ "a week from today", "two weeks from Friday" (the coming one): a day ahead."""
    amount = number_value(c.groups["n"] or "")
    unit = unit_name(c.groups["unit"] or "")
    day_word = norm(c.groups["fromday"])
    if ctx.dct is None or amount is None or amount != int(amount) \
            or unit not in ("day", "week", "month", "year"):
        unit_end = span(c, "unit")[1]
        return [(c.start, unit_end, V.duration(V.duration_value(amount, unit), "duration"))]
    if day_word in WEEKDAY_NUMBER:
        base = weekday_on_or_after(ctx.dct, WEEKDAY_NUMBER[day_word])
    else:
        base = ctx.dct + timedelta(days=1 if day_word == "tomorrow" else 0)
    n = int(amount)
    if unit in ("day", "week"):
        return one(c, V.day(base + timedelta(days=n * (7 if unit == "week" else 1)), "from_day"))
    return one(c, V.day(V.add_months(base, n * (12 if unit == "year" else 1)), "from_day"))


def _anniversary(dct: date, word: str, amount: int, unit: str) -> TimeValue | None:
    """The day ("ten years ago today"), week or month ("this week", "this month") that many
    units before the dateline; a week or month back is only a day ("a month ago today")."""
    day = dct + timedelta(days=_ANNIVERSARY_DAY.get(word, 0))
    if unit == "week" and word in _ANNIVERSARY_DAY:
        return V.day(day - timedelta(weeks=amount), "anniversary")
    if unit in _UNIT_YEARS:
        months = 12 * amount * _UNIT_YEARS[unit]
    elif unit == "month" and word in _ANNIVERSARY_DAY:
        months = amount
    else:
        return None
    if not V.valid_year(day.year - months // 12 - 1):
        return None
    back = V.add_months(day, -months)
    if word == "this week":
        return V.week_of(back, "anniversary")
    if word == "this month":
        return V.month(back.year, back.month, "anniversary")
    return V.day(back, "anniversary")


def _counted_phrase(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    amount = number_value(g["n"] or "")
    unit = unit_name(g["unit"] or "")
    direction = norm(g["dir"])
    if unit == "fortnight":
        unit, amount = "week", (amount * 2 if amount is not None else None)
    if unit == "night":
        unit = "day"
    sign = -1 if direction in _AGO_BACK else 1
    unit_end = span(c, "unit")[1]
    anchor = FROM_EVENT.match(ctx.text, c.end) if direction == "on" else None
    if direction in ("after", "before") or anchor:
        # "two days after July 4", "ten years on from the 2015 accord": counted from the date
        # that follows; "less than an hour after the lawyer spoke", "ten years on from the
        # uprising": from an event whose date the text does not give, so a duration
        pos = anchor.end() if anchor else c.end
        if amount is not None:
            counted = counted_from_date(ctx, pos, sign, amount, unit)
            if counted is not None:
                return [(c.start, counted[0], counted[1])]
            # "five years after the 2020 vote": the count is the date, the year keeps its tag
            value = counted_from_phrase(ctx, pos, sign, amount, unit)
            if value is not None:
                return [(c.start, span(c, "dir")[1], value)]
        return [(c.start, unit_end, V.duration(V.duration_value(amount, unit), "duration_to_event"))]
    if direction in ("later", "earlier") and COMPARISON.match(ctx.text, c.end):
        # "two weeks earlier than usual": a difference between two times, not a date
        return [(c.start, unit_end, V.duration(V.duration_value(amount, unit), "comparison"))]
    if amount is None and direction in ("later", "earlier"):
        # "a few days later": counted from a date by an unknown amount, so no date at all
        return [(c.start, span(c, "unit")[1],
                 V.duration(V.duration_value(None, unit), "vague_offset"))]
    if amount is None:
        return one(c, V.vague("PAST_REF" if sign < 0 else "FUTURE_REF", "ago_vague"))
    from_dct = direction in ("ago", "back", "from now", "hence")
    base: date | None
    if from_dct:
        base = ctx.dct
    else:
        # "an hour later", "two days later" count from a day, never from "the last decade"
        ref = ctx.ref(c.start, fine=unit in ("second", "minute", "hour", "day"))
        if ref is not None and ref.rule.startswith(("year_ago", "year_earlier", "year_period")):
            ref = None  # "a year earlier" again compares with the reported period, not last year
        if ref is None and (direction == "on" or (
                direction == "later" and ctx.tense(c.start, c.end) == "past")):
            # "ten years on", "a decade later, the mine closed": on from some past event;
            # without a date to count from, a span (from the dateline it would be ahead of
            # the report)
            return [(c.start, unit_end, V.duration(V.duration_value(amount, unit), "years_on"))]
        base = ref.start if ref is not None else ctx.dct
        if direction == "earlier" and unit == "year" and amount == 1 and ctx.last_quarter \
                and not ctx.reports_months(c.start):
            y, q = ctx.last_quarter
            return one(c, V.quarter(y - 1, q, "year_earlier_quarter"))
    if from_dct and unit == "year" and amount == 1 and ctx.last_quarter and ctx.dct \
            and ctx.last_quarter[0] == ctx.dct.year and not ctx.reports_months(c.start):
        y, q = ctx.last_quarter
        return one(c, V.quarter(y - 1, q, "year_ago_quarter"))
    if base is None:
        return one(c, V.unresolved(x_value(unit if unit in ("week", "month", "year") else "day"),
                                   granularity(unit), "ago"))
    if not from_dct and unit == "week" and amount == int(amount):
        ref = ctx.ref(c.start)
        if ref is None or ref.granularity in ("day", "time"):
            # "a week later" after a day: a day, not a calendar week
            return one(c, V.day(base + timedelta(weeks=sign * int(amount)), "offset"))
    return one(c, shift(base, sign * amount, unit, "ago" if from_dct else "offset"))


def until_then(c: Candidate, ctx: Context) -> Pieces:
    """ "until then", "by then": the date last mentioned nearby, else nothing to tag."""
    ref = ctx.ref(c.start, near=True)
    return None if ref is None else one(c, dataclasses.replace(ref, rule="until_then"))


def elliptic_last(c: Candidate, ctx: Context) -> Pieces:
    """ "twice as high a dividend this year as last", "this year and next": the unit named
    before in the sentence (right before it after "and"/"or")."""
    this = list(_THIS_UNIT.finditer(ctx.text, ctx.sentence_bounds(c.start)[0], c.start))
    if not this or ctx.dct is None:
        return None
    if prev_word(ctx, c.start) in ("and", "or") and this[-1].end() < c.start - 5:
        return None  # "This year the fair moved, and next, ...": no unit to carry on
    unit = this[-1].group(1).lower()
    rel = (c.groups["word"] or "").lower()
    if unit == "quarter":
        return one(c, shift_quarter(ctx.dct.year, V.quarter_of(ctx.dct),
                                    1 if rel == "next" else -1, "elliptic_last"))
    return one(c, relative_to(ctx, ctx.dct, rel, unit, "elliptic_last", c))


__all__ = ["Piece", "reltime", "chain", "ago", "elliptic_last", "calendar_neighbour"]


def new_year(c: Candidate, ctx: Context) -> Pieces:
    """ "in the new year": next year when said in the second half of the year, as it mostly
    is (November, December); in January to June the year under way."""
    if ctx.dct is None:
        return None
    return one(c, V.year(ctx.dct.year + (1 if ctx.dct.month >= 7 else 0), "new_year"))
