"""Resolution: turn a recognised candidate into a TIMEX3 value against the dateline.

News conventions: a bare weekday in a past-tense clause is the latest such day on or before
the dateline (the dateline itself included); in a future clause, the next one on or after.
Month-days and months without a year take the year that tense implies, and proximity when
the clause has no tense marker. "The previous day", "a week later" chain from the date last
mentioned in the paragraph or the one before. Each handler returns pieces ``(start, end, TimeValue)`` or None
to reject the candidate.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.grammar import (MONTH_NUMBER, NUM, ORDINALS, SEASON_CODES, WEEKDAY_NUMBER,
                                     Candidate, find, number_value, unit_name, year_from_words)

Piece = tuple[int, int, TimeValue]

# --- tense --------------------------------------------------------------------------------

_IRREGULAR_PAST = frozenset((
    "said told was were had did met came went took gave began left held made won lost fell rose "
    "saw sent brought fought struck broke led ran spoke wrote got found kept paid sold bought "
    "became shot fled flew drove threw stood sank withdrew overthrew beat caught felt heard meant "
    "sought thought ago knew grew hit put set cut quit let spent built chose swore froze stole "
    "woke wore tore forgot lay laid hung sat slid shut split spread taught understood upheld "
    "agreed").split())
_FUTURE_WORDS = frozenset(("will shall won't won’t would might expect expected expects scheduled "
                           "upcoming slated tomorrow planned planning plans 'll ’ll").split())
_BEFORE_TO = frozenset("going is are plan plans planning intend intends due set likely poised "
                       "expected scheduled slated".split())
_SCHEDULE_PRESENT = frozenset(("meet meets begin begins start starts open opens visit visits "
                               "arrive arrives leave leaves travel travels resume resumes "
                               "convene convenes reconvene reconvenes").split())
_PASSIVE_AUX = frozenset("be been being is are am get gets getting".split())
_DETERMINERS = frozenset("a an the its his her their our this that these those".split())
# before a word that would otherwise read as a timetable verb: "a visit", "to meet", "his return"
_NOT_BEFORE_VERB = _DETERMINERS | frozenset("to of for in on at after before during by with from "
                                            "first".split())
_AS_PLANNED = frozenset("as previously originally initially had".split())
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|['’]ll\b")
# closing quotes include the typewriter '' and `` of wire copy
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=(?:[\"“‘(\[]|``)?[A-Z0-9])|\n")
_CLAUSE_END = ",;:—–()\""
_LEAD_PREP_RE = re.compile(r"[\s\"“‘(\[]*(?:(?:on|in|by|since|until|from|at|during|last|this"
                           r"|next|early|late|and|but|so|then|also|as|of)\s+)*$", re.I)
_NOT_VERB_ED = frozenset(("united", "limited", "based", "red", "need", "bed", "speed", "seed",
                          "feed", "indeed", "armed", "proceed", "succeed", "hundred", "sacred",
                          "naked", "wicked", "related", "detailed", "advanced", "interested",
                          "concerned", "designated", "supposed", "alleged", "used", "fixed",
                          "mixed", "increased", "reduced", "involved", "continued",
                          "unprecedented", "coordinated", "planned", "expected", "scheduled"))


_MULTI_MONTH_RULES = frozenset(("half", "the_year_ended", "the_year"))
TENSE_WINDOW = 250  # characters around an expression searched for tense markers
REF_LOOKBACK = 40  # how many earlier dates "the previous day" may look back through


@dataclass
class Context:
    """What resolution knows about the text: dateline, sentences, dates mentioned so far."""

    text: str
    dct: date | None
    day_first: bool = False
    sentence_starts: list[int] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    refs: list[tuple[int, TimeValue]] = field(default_factory=list)  # (position, value)
    last_quarter: tuple[int, int] | None = None
    # Earnings text compares a reporting period with "a year earlier": the period last
    # named decides whether that is a quarter or a year ("the nine months ... a year earlier").
    quarter_pos: int = -1
    first_quarter: tuple[int, int] | None = None
    months_pos: int = -1

    @classmethod
    def build(cls, text: str, dct: date | None, day_first: bool = False) -> "Context":
        sentences = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        return cls(text, dct, day_first, sentences, paragraphs)

    # sentences and paragraphs
    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[max(i, 0)]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]

    # references for chaining ("the previous day")
    def note(self, pos: int, value: TimeValue) -> None:
        if value.anchored:
            self.refs.append((pos, value))
        if value.rule in ("quarter", "context_quarter") and value.start is not None \
                and (self.dct is None or value.start <= self.dct):  # a quarter to come is no report
            self.last_quarter = (value.start.year, V.quarter_of(value.start))
            self.quarter_pos = pos
            if self.first_quarter is None:
                self.first_quarter = self.last_quarter
        elif value.rule in _MULTI_MONTH_RULES or value.value in ("P6M", "P9M"):
            self.months_pos = pos

    def reports_months(self, pos: int) -> bool:
        """True when the period last named before ``pos`` in its paragraph spans several
        quarters ("the first nine months", "the year ended June 30", "the first half")."""
        return self.months_pos > self.quarter_pos and self.months_pos >= self.paragraph_start(pos)

    def ref(self, pos: int, fine: bool = False, near: bool = False) -> TimeValue | None:
        """The date last mentioned in this paragraph or the one before (day-or-finer when
        ``fine``): news paragraphs are short, and "The following month" often opens one.
        ``near``: only in this sentence or the one before."""
        if near:
            para = self.sentence_bounds(max(self.sentence_bounds(pos)[0] - 1, 0))[0]
        else:
            para = self.paragraph_start(pos)
            if para:
                para = self.paragraph_start(para - 1)
        for p, v in reversed(self.refs[-REF_LOOKBACK:]):
            if p < para:
                break
            if not fine or v.granularity in ("time", "day"):
                return v
        return None

    def ref_day(self, pos: int) -> date | None:
        v = self.ref(pos, fine=True)
        if v is not None:
            return v.start
        return self.dct

    def tense(self, start: int, end: int, timetable: bool = False) -> str | None:
        """"past", "future" or None, from the verbs nearest the expression in its sentence.
        ``timetable``: a present tense of scheduling ("the leaders meet Monday") counts as
        future; only a weekday is that close to its verb."""
        s_start, s_end = self.sentence_bounds(start)
        # bounded look-around: a run-on "sentence" (a list, a table) must not make this O(n^2)
        s_start, s_end = max(s_start, start - TENSE_WINDOW), min(s_end, end + TENSE_WINDOW)
        before = _markers(self.text, s_start, start, timetable)
        if before:
            return before[-1]
        after_end = s_end
        if not _LEAD_PREP_RE.match(self.text, s_start, start):  # mid-sentence: this clause only
            for i in range(end, s_end):
                if self.text[i] in _CLAUSE_END:
                    after_end = i
                    break
        after = _markers(self.text, end, after_end, timetable)
        return after[0] if after else None


def _markers(text: str, lo: int, hi: int, timetable: bool = False) -> list[str]:
    """Tense markers ("past"/"future") of the words in text[lo:hi], in order.

    Word lookups in sets rather than one big alternation: this runs for most expressions.
    """
    words = [m.group() for m in _WORD_RE.finditer(text, lo, hi)]
    lows = [word.lower() for word in words] + [""]  # once per word, not three times
    out: list[str] = []
    for i, word in enumerate(words):
        low, nxt, prev = lows[i], lows[i + 1], lows[i - 1]  # lows[-1] is the "" before the first
        if low == "planned" and prev in _AS_PLANNED:
            out.append("past")  # "began as planned", "had planned"
        elif low in _FUTURE_WORDS:
            out.append("future")
        elif timetable and low in _SCHEDULE_PRESENT and prev not in _NOT_BEFORE_VERB \
                and not prev.endswith(("'s", "’s")):
            out.append("future")  # "the leaders meet Monday": the timetable present
        elif low in _BEFORE_TO and nxt == "to":
            out.append("future")
        elif low == "as" and nxt in ("soon", "early") and lows[i + 2] == "as":
            out.append("future")
        elif low == "later" and nxt == "this":
            out.append("future")
        elif low == "as" and nxt == "recently":
            out.append("past")
        elif prev in _PASSIVE_AUX and low not in ("was", "were", "had"):
            continue  # "will be held", "is expected": a participle, not a past tense
        elif low.endswith("ed") and (low.startswith("un") or prev in _DETERMINERS):
            continue  # "an unspecified date", "the revised plan": adjectives
        elif low in _IRREGULAR_PAST:
            out.append("past")
        elif low.endswith("ed") and len(low) >= 4 and low not in _NOT_VERB_ED \
                and not word[0].isupper():
            out.append("past")
    return out


# --- calendar choices ---------------------------------------------------------------------

def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def pick_year_for_month(dct: date, month_no: int, tense: str | None) -> int:
    """Year of a month named without one: tense first, then the nearest occurrence."""
    if month_no == dct.month:
        return dct.year
    past_year = dct.year if month_no < dct.month else dct.year - 1
    future_year = dct.year if month_no > dct.month else dct.year + 1
    back = _months_between(date(past_year, month_no, 1), dct)
    ahead = _months_between(dct, date(future_year, month_no, 1))
    if abs(back - ahead) < TENSE_TIE_MONTHS and tense in ("past", "future"):
        return past_year if tense == "past" else future_year
    return past_year if back <= ahead else future_year


def pick_day(dct: date, month_no: int, day_no: int, tense: str | None,
             tie_days: int | None = None) -> date | None:
    """Date of a month-day named without a year, by tense then proximity."""
    candidates = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(y, month_no, day_no))
        except ValueError:
            continue
    if not candidates:
        return None
    past = max((d for d in candidates if d <= dct), default=None)
    future = min((d for d in candidates if d >= dct), default=None)
    if past is None or future is None:
        return past or future
    back, ahead = (dct - past).days, (future - dct).days
    # Tense only breaks near-ties: a month-day 10 days ahead in a past-tense sentence is
    # still most likely this year's (payment dates, deadlines, scheduled votes).
    if abs(back - ahead) < (tie_days or TENSE_TIE_DAYS) and tense in ("past", "future"):
        return past if tense == "past" else future
    return past if back <= ahead else future


TENSE_TIE_DAYS = 120
TENSE_TIE_MONTHS = 8


def weekday_on_or_before(d: date, wd: int, strict: bool = False) -> date:
    delta = (d.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return d - timedelta(days=delta)


def weekday_on_or_after(d: date, wd: int, strict: bool = False) -> date:
    delta = (wd - d.weekday()) % 7
    if strict and delta == 0:
        delta = 7
    return d + timedelta(days=delta)


def _span(c: Candidate, group: str) -> tuple[int, int]:
    return c.group_spans[group]


def _one(c: Candidate, value: TimeValue | None) -> list[Piece] | None:
    return None if value is None else [(c.start, c.end, value)]


def _prev_word(ctx: Context, pos: int) -> str:
    m = re.search(r"([A-Za-z.'’]+)\W*$", ctx.text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _next_text(ctx: Context, pos: int, n: int = 25) -> str:
    return ctx.text[pos:pos + n]


# --- handlers -------------------------------------------------------------------------------

def _date(c: Candidate, y: int, m: int, d: int, rule: str) -> list[Piece] | None:
    try:
        return _one(c, V.day(date(y, m, d), rule))
    except ValueError:
        return None


def h_iso_date(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    try:
        d = date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    if g["h"]:
        return _one(c, V.time_of_day(d, int(g["h"]), int(g["mi"]), "iso_datetime"))
    return _one(c, V.day(d, "iso_date"))


def h_numeric_date(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if len(g["y"]) == 2:
        y += 2000 if y < 50 else 1900
    day_first = ctx.day_first or g["sep"] == "." or a > 12
    d, m = (a, b) if day_first else (b, a)
    if m > 12:
        return None
    return _date(c, y, m, d, "numeric_date")


def _mon(g: dict[str, str | None], key: str = "mon") -> int:
    return MONTH_NUMBER[g[key].lower().rstrip(".")]  # type: ignore[union-attr]


def _daynum(s: str | None) -> int:
    return int(re.sub(r"\D", "", s or "0"))


def h_date_full(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    return _date(c, int(g["y"]), _mon(g), _daynum(g["d"]), c.rule)  # type: ignore[arg-type]


def _month_day(ctx: Context, c: Candidate, m: int, d: int, start: int, end: int,
               tense: str | None) -> Piece | None:
    if ctx.dct is None:
        if not 1 <= d <= 31:
            return None
        return (start, end, V.unresolved(f"XXXX-{m:02d}-{d:02d}", "day", c.rule))
    if _prev_word(ctx, c.start) == "ended":
        # "the fiscal year ended Jan. 31": a period already closed, however long ago
        day = pick_day(ctx.dct, m, d, "past", tie_days=366)
    else:
        day = pick_day(ctx.dct, m, d, tense)
    return None if day is None else (start, end, V.day(day, c.rule))


def h_date_md(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    m, d = _mon(g), _daynum(g["d"])
    if g["mon"] in ("May", "MAY", "March", "MARCH") and g["wd"] is None and d > 31:
        return None
    tense = ctx.tense(c.start, c.end) if ctx.dct else None
    if g["d2"]:
        first = _month_day(ctx, c, m, d, c.start, _span(c, "d")[1], tense)
        s2, e2 = _span(c, "d2")
        d2 = _daynum(g["d2"])
        if first is None or d2 <= d:
            return None
        second = _month_day(ctx, c, m, d2, s2, e2, tense)
        if second is None:
            return None
        if first[2].start and second[2].start and second[2].start < first[2].start:
            second = (s2, e2, V.day(date(first[2].start.year, m, d2), c.rule))
        return [first, second]
    if ctx.dct is not None and _attributive_month(c, ctx) and not _planned_noun_after(c, ctx):
        # "the Oct. 23 slaying" names a past event ("the Jan. 14 deadline" goes by tense)
        day = pick_day(ctx.dct, m, d, "past", tie_days=366)
        return None if day is None else [(c.start, c.end, V.day(day, c.rule))]
    piece = _month_day(ctx, c, m, d, c.start, c.end, tense)
    return None if piece is None else [piece]


def h_date_dm(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    m, d = _mon(g), _daynum(g["d"])
    tense = ctx.tense(c.start, c.end) if ctx.dct else None
    if g["d0"]:
        d2 = _daynum(g["d0"])
        if d2 <= d:
            return None
        first = _month_day(ctx, c, m, d, c.start, _span(c, "d")[1], tense)
        second = _month_day(ctx, c, m, d2, _span(c, "d0")[0], c.end, tense)
        if first is None or second is None:
            return None
        return [first, second]
    piece = _month_day(ctx, c, m, d, c.start, c.end, tense)
    return None if piece is None else [piece]


def h_month_year(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    return _one(c, V.month(int(g["y"]), _mon(g), "month_year"))  # type: ignore[arg-type]


def h_month_relyear(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    step = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1}.get(rel, 0)
    if rel in ("that", "the same", "the previous", "the following"):
        ref = ctx.ref(c.start)
        base = ref.start.year if ref is not None and ref.start else None
    else:
        base = ctx.dct.year if ctx.dct else None
    if base is None:
        return _one(c, V.unresolved(f"XXXX-{_mon(g):02d}", "month", "month_relyear"))
    return _one(c, V.month(base + step, _mon(g), "month_relyear"))


def h_month_wordyear(c: Candidate, ctx: Context) -> list[Piece] | None:
    y = year_from_words(c.groups["yw"] or "")
    return None if y is None else _one(c, V.month(y, _mon(c.groups), "month_wordyear"))


def h_word_year(c: Candidate, ctx: Context) -> list[Piece] | None:
    words = c.groups["yw"] or ""
    if words.lower().startswith("two thousand") and not c.groups["lead"] and \
            _prev_word(ctx, c.start) not in ("in", "since", "by", "until", "of", "before", "after"):
        return None  # "two thousand people"
    y = year_from_words(words)
    return None if y is None or y < 1000 else _one(c, V.year(y, "word_year"))


def h_year_quarter(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    y = int(g["y"] or 0)
    q = _QUARTER_ORD.get((g["ord"] or "").lower())
    if q is None and (g["noun"] or "").lower() == "period" and ctx.reports_months(c.start):
        return _one(c, V.year(y, "year_period"))  # "the nine months ... the 1988 period"
    if q is None:
        cq = _context_quarter(ctx)
        if cq is None:
            return None
        q = cq[1]
    return _one(c, V.quarter(y, q, "year_quarter"))


def h_year_end(c: Candidate, ctx: Context) -> list[Piece] | None:
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX", "year", "year_end"))
    return _one(c, V.year_end(ctx.dct.year, "year_end"))


_MAY_CONTEXT = frozenset(("in", "since", "until", "till", "by", "from", "to", "and", "or",
                          "through", "during", "before", "after", "of", "between", "early",
                          "late", "mid", "for", "the", "last", "next", "this", "that", "on",
                          "each", "every", "throughout", "around", "mid-", "end", "beginning",
                          "since", "into", "in late", "in early"))


def h_month(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    name = g["mon"] or ""
    if name in ("May", "MAY") and not g["mod"] and not g["rel"]:
        if _prev_word(ctx, c.start) not in _MAY_CONTEXT:
            return None
    if not g["mod"] and not g["rel"] and re.match(r"\s+(?:for|of\s+the)\s+[A-Z]",
                                                    _next_text(ctx, c.end)):
        return None  # "the March for Life", "the March of the Mothers": names
    if name in ("March", "MARCH") and re.match(r"\s+(?:on|to|against|toward|towards|through)\b",
                                               _next_text(ctx, c.end)):
        return None
    m = _mon(g)
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    if ctx.dct is None:
        ref = ctx.ref(c.start)
        if rel in ("that", "the following", "the next", "the previous", "the preceding") and ref:
            return _one(c, _month_from_ref(ref, m, rel, c.rule))
        return _one(c, V.unresolved(f"XXXX-{m:02d}", "month", c.rule))
    dct = ctx.dct
    if rel in ("last", "this past", "past", "previous"):
        y = dct.year if m < dct.month else dct.year - 1
        if rel == "last" and m == dct.month - 1:
            y -= 1  # said in March, "last February" is a year back: the one just ended is "February"
    elif rel in ("next", "this coming", "coming"):
        y = dct.year if m > dct.month else dct.year + 1
    elif rel == "this":
        y = dct.year
    elif rel in ("that", "the following", "the next", "the previous", "the preceding"):
        ref = ctx.ref(c.start)
        if ref is None:
            y = pick_year_for_month(dct, m, ctx.tense(c.start, c.end))
        else:
            return _one(c, _month_from_ref(ref, m, rel, c.rule))
    elif _attributive_month(c, ctx):
        # "the March agreement" names a past event; "the March elections" a coming one
        # unless the clause is past
        if _planned_event_ahead(c, ctx):
            y = dct.year if m >= dct.month else dct.year + 1
        else:
            y = dct.year if m <= dct.month else dct.year - 1
    else:
        y = pick_year_for_month(dct, m, _month_tense(c, ctx))
    return _one(c, V.month(y, m, c.rule))


def _month_tense(c: Candidate, ctx: Context) -> str | None:
    """The clause tense, except for the end of a span ("loans extended through January"):
    the verb dates the extending, not the month the span runs to."""
    if _prev_word(ctx, c.start) in ("until", "till", "through", "thru"):
        return None
    return ctx.tense(c.start, c.end)


# Nouns after an attributive month that name something scheduled rather than done.
_PLANNED_NOUNS = frozenset(("election", "elections", "vote", "poll", "polls", "referendum",
                            "summit", "deadline", "talks", "meeting", "conference", "session",
                            "launch", "visit", "trial", "hearing", "ballot", "runoff", "run-off",
                            "accession", "inauguration", "opening", "handover", "release",
                            "meetings", "games", "cup", "festival", "tour", "round"))


def _attributive_month(c: Candidate, ctx: Context) -> bool:
    """ "the March agreement", "last March's accord": a month naming an event by its date."""
    after = re.match(r"(['’]s\s+|\s+)([a-z][a-z-]+)", ctx.text[c.end:c.end + 30])
    if after is None or after.group(2) in _NOT_EVENT_NOUNS:
        return False
    return after.group(1) != " " or _prev_word(ctx, c.start) in ("the", "this", "that", "its",
                                                                  "their", "his", "her")


# Words that may follow a month without it being attributive ("the March to Damascus" is
# rejected elsewhere; "in March when", "March and April").
_NOT_EVENT_NOUNS = frozenset(("and", "or", "to", "when", "after", "before", "as", "but", "in",
                              "on", "at", "by", "for", "of", "from", "with", "until", "through",
                              "that", "which", "while", "is", "was", "were", "are", "will",
                              "would", "had", "has", "have", "said", "says", "this", "last",
                              "next", "the", "a", "an", "so", "since", "than", "if", "because"))


def _planned_noun_after(c: Candidate, ctx: Context) -> bool:
    noun = re.match(r"\s+([a-z-]+)", ctx.text[c.end:c.end + 30])
    return bool(noun and noun.group(1) in _PLANNED_NOUNS)


def _planned_event_ahead(c: Candidate, ctx: Context) -> bool:
    """ "the March elections" outside a past-tense clause: the coming ones."""
    return _planned_noun_after(c, ctx) and ctx.tense(c.start, c.end) != "past"


def _month_from_ref(ref: TimeValue, m: int, rel: str, rule: str) -> TimeValue:
    base = ref.start  # type: ignore[assignment]
    assert base is not None
    if rel in ("the following", "the next"):
        y = base.year if m > base.month else base.year + 1
    elif rel in ("the previous", "the preceding"):
        y = base.year if m < base.month else base.year - 1
    else:
        y = base.year
    return V.month(y, m, rule)


_NUMBER_WORDS_BEFORE_YEAR = frozenset((
    "resolution", "no.", "no", "number", "flight", "route", "highway", "page", "room", "article",
    "paragraph", "code", "version", "item", "bill", "chapter", "section", "decree", "order",
    "line", "bus", "platform", "gate", "unit", "apartment", "suite", "p.", "pp.", "vol.",
    "volume", "issue", "law", "act", "exhibit", "lot", "box", "rule", "form", "model",
    "boeing", "airbus", "interstate", "channel", "extension", "ext.", "tel.", "fax",
    "tickets", "about", "some", "nearly", "almost", "over", "than", "approximately",
    "roughly", "least", "only", "just", "total", "totaling", "totalling", "of",
    "hp", "score", "the",
))
_YEAR_OK_BEFORE = frozenset(("in", "since", "from", "by", "until", "till", "year", "around",
                             "circa", "c.", "before", "after", "between", "and", "to", "during",
                             "through", "of", "early", "late", "mid", "fiscal", "the", "spring",
                             "summer", "fall", "autumn", "winter", "end", "beginning", "as"))


def h_year(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    y = int(g["y"])  # type: ignore[arg-type]
    prev = _prev_word(ctx, _span(c, "y")[0])
    nxt = _next_text(ctx, c.end, 12)
    if re.match(r"\s*(?:GMT|UTC|hrs|hours|EST|EDT|local)\b", nxt):
        return None  # military clock time ("at 1500 GMT")
    if not g["fiscal"] and not g["mod"]:
        if y < 1900 and prev not in _YEAR_OK_BEFORE:
            return None
        if prev in _NUMBER_WORDS_BEFORE_YEAR and prev not in _YEAR_OK_BEFORE:
            return None
        if prev in ("of", "the") and re.match(r"\s+[a-z]+s\b", nxt) and y >= 2030:
            return None
        if y > 2059 and prev not in _YEAR_OK_BEFORE:
            return None
    if re.match(r"(?i)the\s+(?:very\s+)?(?:end|close)\s+of", g["mod"] or ""):
        return _one(c, V.year_end(y, "year_end"))  # "by the end of 2026"
    return _one(c, V.year(y, "fiscal_year" if g["fiscal"] else "year"))


def h_year_range(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    y = int(g["y"])  # type: ignore[arg-type]
    y2 = (y // 100) * 100 + int(g["y2"])  # type: ignore[arg-type]
    if y2 <= y or y2 - y > 20:
        return None
    s2, e2 = _span(c, "y2")
    return [(_span(c, "y")[0], _span(c, "y")[1], V.year(y, "year_range")),
            (s2, e2, V.year(y2, "year_range"))]


def h_decade(c: Candidate, ctx: Context) -> list[Piece] | None:
    dec = c.groups["dec"] or ""
    if dec[0] in "'’":
        tens = int(dec[1])
        century = 1900
        if ctx.dct and tens * 10 <= ctx.dct.year % 100 and tens <= 2:
            century = 2000
        elif tens <= 1:
            century = 2000
        first = century + tens * 10
    else:
        first = int(dec)
    return _one(c, V.decade(first, "decade"))


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


def h_decade_word(c: Candidate, ctx: Context) -> list[Piece] | None:
    return _one(c, V.decade(1900 + _DECADE_WORDS[(c.groups["word"] or "").lower()], "decade"))


def h_century(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    head = ctx.text[c.start:c.end].split()[0].lower()
    if g["ord"]:
        o = g["ord"].lower()
        n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else ORDINALS.get(o.replace(" ", "-"))
        if not n or n > 21:
            return None
        return _one(c, V.century(n, "century"))
    if head not in ("this", "last", "next"):
        return None
    if ctx.dct is None:
        return _one(c, V.unresolved("XX", "century", "century"))
    current = ctx.dct.year // 100 + 1
    n = {"this": current, "last": current - 1, "next": current + 1}.get(head)
    return _one(c, V.century(n, "century")) if n else None


_PREP_BEFORE_SEASON = frozenset(("in", "during", "by", "until", "since", "over", "through",
                                 "before", "after", "this", "last", "next", "early", "late",
                                 "throughout", "till", "of", "from", "into", "and"))


def h_season(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    word = (g["season"] or "").lower()
    code = SEASON_CODES[word]
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    season_start = _span(c, "season")[0]
    if ctx.text[season_start].isupper() and not g["y"]:
        at_sentence_start = ctx.sentence_bounds(season_start)[0] == season_start
        if not at_sentence_start:
            return None  # "Arab Spring", "Operation Winter Shield": names
    lead = re.match(r"in\s+", ctx.text[c.start:c.end], re.I) if rel == "in the" else None
    first = c.start + (len(lead.group(0)) if lead else 0)  # spans leave out "in"
    if g["y"]:
        return [(first, c.end, V.season(int(g["y"]), code, "season_year"))]
    if g.get("yw"):
        y = year_from_words(g["yw"] or "")
        return None if y is None else [(first, c.end, V.season(y, code, "season_year"))]
    if not rel and not g["mod"]:
        return None
    if rel == "the" and _prev_word(ctx, c.start) not in _PREP_BEFORE_SEASON:
        return None
    if rel in ("the", "in the") and re.match(r"\s+(?:of|in|from|to|by|was|is|has|had|and)\b",
                                              _next_text(ctx, c.end)):
        return None
    start = c.start + (3 if rel == "in the" else 0)
    if rel == "in the":
        start = c.start + len(re.match(r"in\s+", ctx.text[c.start:], re.I).group(0))  # type: ignore[union-attr]
    if ctx.dct is None:
        return [(start, c.end, V.unresolved(f"XXXX-{code}", "season", "season"))]
    cur_year, cur_code = V.season_of(ctx.dct)
    cur_start = V.season(cur_year, cur_code, "").start
    options = [V.season(y, code, "season") for y in (cur_year - 1, cur_year, cur_year + 1)]
    if rel in ("last", "this past", "past", "previous"):
        pick = max((o for o in options if o.start < cur_start), key=lambda o: o.start)  # type: ignore[operator]
    elif rel in ("next", "this coming", "coming"):
        pick = min((o for o in options if o.start > cur_start), key=lambda o: o.start)  # type: ignore[operator]
    elif rel == "this":
        pick = V.season(ctx.dct.year if code != "WI" or ctx.dct.month > 2 else ctx.dct.year - 1,
                        code, "season")
    else:
        tense = ctx.tense(c.start, c.end)
        if tense == "past":
            pick = max((o for o in options if o.start <= ctx.dct), key=lambda o: o.start)  # type: ignore[operator]
        elif tense == "future":
            pick = min((o for o in options if o.end >= ctx.dct), key=lambda o: o.start)  # type: ignore[operator]
        else:
            pick = V.season(ctx.dct.year if code != "WI" or ctx.dct.month > 2 else ctx.dct.year - 1,
                            code, "season")
    return [(start, c.end, pick)]


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4}


def _context_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.last_quarter:
        return ctx.last_quarter
    if ctx.dct is None:
        return None
    q = V.quarter_of(ctx.dct) - 1
    return (ctx.dct.year, q) if q >= 1 else (ctx.dct.year - 1, 4)


def h_quarter(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    the = (g["the"] or "").lower()
    mods = (g["mods"] or "").lower()
    ord_ = (g["ord"] or "").lower()
    if not the and not mods and not ord_:
        return None
    if re.match(r"\s+of\s+(?:a|an|the|its|their|his|her)\b", _next_text(ctx, c.end)) \
            and not g["y"]:
        return None
    if g["period"] and not re.search(r"latest|year-ago|year-earlier|comparable|same|recent", mods):
        return None
    if the == "a":
        if not ord_:
            return None
        pieces = _quarter_pieces(c, ctx, "", mods, ord_)
        if not pieces:
            return None
        return [(_span(c, "ord")[0], c.end, pieces[0][2])]
    return _quarter_pieces(c, ctx, the, mods, ord_)


def _quarter_pieces(c: Candidate, ctx: Context, the: str, mods: str,
                    ord_: str) -> list[Piece] | None:
    g = c.groups
    rule = "quarter"
    if g["y"]:
        y = int(g["y"])
        q = _QUARTER_ORD.get(ord_, 4 if ord_ in ("final", "last") else 0)
        if not q:
            return None
        return _one(c, V.quarter(y, q, rule))
    if ctx.dct is None:
        q = _QUARTER_ORD.get(ord_)
        return _one(c, V.unresolved(f"XXXX-Q{q}" if q else "XXXX-QX", "quarter", rule))
    dct = ctx.dct
    cur_q = V.quarter_of(dct)
    if "year-ago" in mods or "year-earlier" in mods or "comparable" in mods or "same" in mods:
        q = _QUARTER_ORD.get(ord_)
        cq = _context_quarter(ctx)
        if cq is None:
            return None
        return _one(c, V.quarter(cq[0] - 1, q or cq[1], "year_ago_quarter"))
    if ord_ in _QUARTER_ORD:
        q = _QUARTER_ORD[ord_]
        y = dct.year
        if the == "last":
            y = dct.year - 1 if q >= cur_q else dct.year
        elif the == "next":
            y = dct.year + 1 if q <= cur_q else dct.year
        else:
            tense = ctx.tense(c.start, c.end)
            if tense == "future" and q < cur_q - 1:
                y += 1
            # "after a flat second quarter", "will result in a fourth-quarter charge": a
            # quarter named in passing is not the period the article reports on
            if tense == "future" or re.search(r"\ban?\s+[a-z]+\s+$",
                                              ctx.text[max(0, c.start - 20):c.start]):
                rule = "quarter_aside"
        return _one(c, V.quarter(y, q, rule))
    if the == "last" or ord_ in ("last", "final") or "previous" in mods:
        return _one(c, _shift_quarter(dct.year, cur_q, -1, rule))
    if the == "next":
        return _one(c, _shift_quarter(dct.year, cur_q, 1, rule))
    if the == "this" or "current" in mods:
        return _one(c, V.quarter(dct.year, cur_q, rule))
    if "latest" in mods or "recent" in mods or "just" in mods:
        completed = _shift_quarter(dct.year, cur_q, -1, rule)
        cq = ctx.last_quarter
        # a fiscal quarter may bear the name of a calendar quarter not yet over ("Ralston's
        # fiscal fourth quarter ended Sept. 30"): trust it when the article leads with it
        if cq and (V.quarter(cq[0], cq[1], rule).end < dct  # type: ignore[operator]
                   or cq == ctx.first_quarter):
            return _one(c, V.quarter(cq[0], cq[1], "context_quarter"))
        return _one(c, completed)
    cq = _context_quarter(ctx)
    return _one(c, V.quarter(cq[0], cq[1], "context_quarter")) if cq else None


def h_week_of(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "the week of March 6": the (ISO) week holding that day."""
    g = c.groups
    m, d = _mon(g), _daynum(g["d"])
    try:
        if g["y"]:
            day: date | None = date(int(g["y"]), m, d)
        elif ctx.dct is None:
            return _one(c, V.unresolved("XXXX-WXX", "week", "week_of"))
        else:
            day = pick_day(ctx.dct, m, d, ctx.tense(c.start, c.end))
    except ValueError:
        return None
    if day is None:
        return None
    if (g["unit"] or "").lower() == "weekend":
        return _one(c, V.weekend_of(day, "week_of"))
    return _one(c, V.week_of(day, "week_of"))


def h_quarter_phrase(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "the quarter a year ago", "the corresponding period last year", "last year's
    quarter", "this year's third quarter", "the first two quarters of 1990"."""
    g = c.groups
    if g["halfword"]:
        return _one(c, V.half(int(g["y"] or 0), 1 if g["halfword"].lower() == "first" else 2,
                              "half"))
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX-QX", "quarter", "quarter"))
    q = _QUARTER_ORD.get((g["ord"] or "").lower())
    cq = _context_quarter(ctx)
    if g["ago"] or (g["rel"] or "").lower() == "last":
        if ctx.reports_months(c.start) and not q:
            return _one(c, V.year(ctx.dct.year - 1, "year_period"))
        if cq is None:
            return None
        return _one(c, V.quarter(cq[0] - 1, q or cq[1], "year_ago_quarter"))
    year = ctx.dct.year + (1 if (g["rel"] or "").lower() == "next" else 0)
    if q:
        return _one(c, V.quarter(year, q, "quarter"))
    return None if cq is None else _one(c, V.quarter(year, cq[1], "context_quarter"))


def _shift_quarter(y: int, q: int, by: int, rule: str) -> TimeValue:
    index = y * 4 + q - 1 + by
    return V.quarter(index // 4, index % 4 + 1, rule)


def h_quarter_code(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    q = int(re.sub(r"\D", "", g["q"] or ""))
    if g["y"]:
        return _one(c, V.quarter(int(g["y"]), q, "quarter"))
    if ctx.dct is None:
        return _one(c, V.unresolved(f"XXXX-Q{q}", "quarter", "quarter"))
    return _one(c, V.quarter(ctx.dct.year, q, "quarter"))


def h_half(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    h = 1 if (g["ord"] or "").lower() == "first" else 2
    if g["y"]:
        return _one(c, V.half(int(re.sub(r"\D", "", g["y"])), h, "half"))
    if ctx.dct is None:
        return _one(c, V.unresolved(f"XXXX-H{h}", "half", "half"))
    rel = (g["rel"] or "").lower()
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return _one(c, V.half(y, h, "half"))


_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def resolve_weekday(ctx: Context, wd: int, rel: str, pos: int, end: int) -> date | None:
    """The date a weekday names, by its modifier, the clause tense and the dateline."""
    dct = ctx.dct
    if dct is None:
        return None
    if rel in ("last", "this past", "past", "previous"):
        return weekday_on_or_before(dct, wd, strict=True)
    if rel in ("next", "coming"):
        return weekday_on_or_after(dct, wd, strict=True)
    if rel == "this coming":
        return weekday_on_or_after(dct, wd)
    if rel in ("that", "the following", "the next"):
        base = ctx.ref_day(pos) or dct
        return weekday_on_or_after(base, wd, strict=rel != "that")
    if rel in ("the previous", "the preceding"):
        base = ctx.ref_day(pos) or dct
        return weekday_on_or_before(base, wd, strict=True)
    tense = ctx.tense(pos, end, timetable=True)
    if tense == "future" or _DEADLINE_UNTIL.search(ctx.text, max(0, pos - 80), pos):
        return weekday_on_or_after(dct, wd)
    return weekday_on_or_before(dct, wd)


# "postponed until Tuesday", "gave them until 9 a.m. Tuesday": a deadline is ahead even when
# the verb setting it is past.
_DEADLINE_UNTIL = re.compile(r"\b(?:postpone[ds]?|delay(?:ed|s)?|extend(?:ed|s)?|deadline|given|gave"
                             r"|adjourn(?:ed|s)?)\b[^.;]{0,60}\buntil\s+(?:\S+\s+){0,3}$", re.I)


def h_weekday(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()]
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    if rel in ("early", "late", "earlier", "later"):
        rel = ""
    if _prev_word(ctx, c.start) == "the" and not rel and re.match(r" [A-Z][a-z]", _next_text(ctx, c.end, 3)):
        return None  # "The Sunday Times": a name
    d = resolve_weekday(ctx, wd, rel, c.start, c.end)
    if d is None:
        return _one(c, V.unresolved("XXXX-XX-XX", "day", "weekday"))
    if g["pod"]:
        if g["pod"].lower() == "evening":  # TimeML: "Friday evening" is a TIME, TEV
            return _one(c, V.part_of_day(d, "EV", "weekday_pod"))
        return _one(c, V.day(d, "weekday_pod"))
    return _one(c, V.day(d, "weekday_" + (rel.replace(" ", "_") if rel else "tense")))


def h_weekday_plural(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()] + 1
    pod = g["pod"] or g["pods"]
    suffix = f"T{_POD[pod.lower().rstrip('s')]}" if pod else ""
    return _one(c, V.set_value(f"XXXX-WXX-{wd}{suffix}", "weekday_set"))


_EVERY = {"day": "P1D", "week": "P1W", "weekend": "XXXX-WXX-WE", "month": "P1M", "year": "P1Y",
          "quarter": "P1Q", "hour": "PT1H", "minute": "PT1M", "decade": "P10Y",
          "morning": "XXXX-XX-XXTMO", "afternoon": "XXXX-XX-XXTAF",
          "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI", "summer": "XXXX-SU",
          "winter": "XXXX-WI", "spring": "XXXX-SP", "autumn": "XXXX-FA", "fall": "XXXX-FA"}


def h_every(c: Candidate, ctx: Context) -> list[Piece] | None:
    what = c.groups["what"] or ""
    low = what.lower()
    other = " other " in ctx.text[c.start:c.end].lower()
    if low in WEEKDAY_NUMBER:
        pod = c.groups["pod"]
        suffix = f"T{_POD[pod.lower()]}" if pod else ""
        return _one(c, V.set_value(f"XXXX-WXX-{WEEKDAY_NUMBER[low] + 1}{suffix}", "every"))
    if low in MONTH_NUMBER:
        return _one(c, V.set_value(f"XXXX-{MONTH_NUMBER[low]:02d}", "every"))
    value = _EVERY[low]
    if other and value.startswith("P"):
        value = value.replace("P1", "P2").replace("PT1", "PT2")
    return _one(c, V.set_value(value, "every"))


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "XXXX-XX-XXTNI",
            "biweekly": "P2W", "bimonthly": "P2M", "fortnightly": "P2W", "semiannually": "P6M",
            "semi-annually": "P6M"}


def h_adverb_set(c: Candidate, ctx: Context) -> list[Piece] | None:
    return _one(c, V.set_value(_ADVERBS[(c.groups["adv"] or "").lower()], "adverb_set"))


def h_frequency(c: Candidate, ctx: Context) -> list[Piece] | None:
    unit = (c.groups["unit"] or "").lower()
    return _one(c, V.set_value(_EVERY[unit], "frequency"))


def h_today(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    word = re.sub(r"\s+", " ", (g["word"] or g["word2"] or "").lower())
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    if _generic_day_word(c, ctx, word):
        return None
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX-XX-XX", "day", word.replace(" ", "_")))
    if word == "overnight":
        return _one(c, _overnight(c, ctx))
    d = ctx.dct + timedelta(days=offsets[word])
    pod = (g["pod"] or "").lower()
    if pod:
        return _one(c, V.part_of_day(d, _POD[pod], word + "_pod"))
    return _one(c, V.day(d, word.replace(" ", "_")))


def _overnight(c: Candidate, ctx: Context) -> TimeValue:
    """ "Rain fell overnight": the night that led into the day being told (the dateline's, or
    the day named in this sentence or the one before: "closed lower Friday ... after overnight
    losses" is Thursday night); "will move overnight" is that day's own coming night."""
    ahead = ctx.tense(c.start, c.end) == "future"
    ref = ctx.ref(c.start, fine=True, near=True)
    day = ref.start if ref is not None else ctx.dct
    assert ctx.dct is not None
    if day is None or (not ahead and day > ctx.dct):
        day = ctx.dct  # a night that has passed is not one before a day still to come
    return V.part_of_day(day if ahead else day - timedelta(days=1), "NI", "overnight")


# Nouns for which "today's" means "of our times" ("today's youth"), not the dateline's day.
_GENERIC_AFTER_TODAY = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generations?|children|kids|young|teenagers"
    r"|consumers|students|culture|standards|technology|economy|workplace|computers|families"
    r"|parents|politics|media|market|markets|businesses)\b")


def _generic_day_word(c: Candidate, ctx: Context, word: str) -> bool:
    """ "today's youth", "the people of tomorrow", "VOA Today" (a programme): no date."""
    if word == "today" and _GENERIC_AFTER_TODAY.match(ctx.text, c.end):
        return True
    if word == "tomorrow" and _prev_word(ctx, c.start) == "of" \
            and not _GENERIC_AFTER_TODAY.match(ctx.text, c.end) \
            and not re.match(r"['’]s", ctx.text[c.end:c.end + 2]):
        return True
    head = ctx.text[c.start:c.end]
    before = ctx.text[max(0, c.start - 30):c.start]
    return head[:1].isupper() and not head.isupper() and not _starts_sentence(ctx, c.start) \
        and bool(re.search(r"[A-Z][A-Za-z]*\s+$", before))


def h_this_pod(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    rel, pod = (g["rel"] or "").lower(), (g["pod"] or "").lower()
    if rel == "last" and pod != "night":
        return None
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX-XX-XX", "day", "this_pod"))
    d = ctx.dct - timedelta(days=1 if rel == "last" else 0)
    return _one(c, V.part_of_day(d, _POD[pod], "this_pod"))


_CHAIN_RELS = ("that", "the same", "the previous", "the following", "the next", "the preceding",
               "the prior")


def h_reltime(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    unit = re.sub(r"\s+", " ", (g["unit"] or "").lower())
    mod = re.sub(r"\s+", " ", (g["mod"] or "").lower()).strip(" -")
    rule = f"rel_{unit.replace(' ', '_')}"
    if unit in ("morning", "afternoon", "evening", "night"):
        if rel not in _CHAIN_RELS:
            return None
        return _chain_unit(c, ctx, rel, unit, rule)
    calendar = _calendar_neighbour(c, ctx, rel, unit, c.end)
    if calendar is not None:
        return _one(c, calendar)
    if rel in ("the past", "the last", "past") and unit != "weekend":
        if rel == "past" and _prev_word(ctx, c.start) not in ("the", "over", "this"):
            return None
        if unit == "fiscal year":
            return None
        if unit == "day" and rel == "the last":
            return None
        return _one(c, V.duration(V.duration_value(1, "year" if unit == "fiscal year" else unit),
                                  "the_past_unit"))
    if unit == "day":
        if rel in _CHAIN_RELS:
            return _chain_unit(c, ctx, rel, unit, rule)
        return None
    if rel in _CHAIN_RELS:
        if rel == "the next" and _prev_word(ctx, c.start) in ("in", "within", "over", "during",
                                                               "for"):
            return _one(c, V.duration(V.duration_value(1, unit if unit != "weekend" else "day"),
                                      "the_next_unit"))
        return _chain_unit(c, ctx, rel, unit, rule)
    if rel in ("the", "the full") and unit in ("year", "fiscal year") and not mod:
        return _the_year(c, ctx, rel)
    if rel == "the" and not mod and unit not in ("weekend", "week"):
        return None
    if rel == "the latest":
        rel = "this"
    if re.fullmatch(r"This\s+Week", ctx.text[c.start:c.end]) and not _starts_sentence(ctx, c.start):
        return None  # ABC's "This Week": a programme's name
    if ctx.dct is None:
        return _one(c, V.unresolved(_x_value(unit), _gran(unit), rule))
    if rel == "last" and unit == "year" and not mod:
        quarter = _compared_quarter(c, ctx)
        if quarter is not None:
            return _one(c, quarter)
    return _one(c, _relative_to(ctx, ctx.dct, rel, unit, rule, c))


# "... compared with $33 million last year", "from last year's $1.55 billion"
_AMOUNT_BEFORE = re.compile(r"(?:\d[\d,.]*(?:\s+(?:million|billion|cents|a\s+share))*|%)\s*$")
_AMOUNT_AFTER = re.compile(r"['’]s\s+(?:[$£€#]|C\$|\d)")


# "the past year" is, in news, the year before the dateline's ("rose 4% over the past year"),
# "the next year" the one after; "in the last decade" is the decade before this one, while
# "over the past decade" stays the ten years up to now.  "the last year of his term" is an
# ordinal.
_CALENDAR_NEIGHBOURS = {("the past", "year"): "last", ("the last", "year"): "last",
                        ("over the past", "year"): "last", ("over the last", "year"): "last",
                        ("the next", "year"): "next", ("the last", "decade"): "last"}


def _calendar_neighbour(c: Candidate, ctx: Context, rel: str, unit: str,
                        end: int) -> TimeValue | None:
    step = _CALENDAR_NEIGHBOURS.get((rel, unit))
    if step is None or ctx.dct is None:
        return None
    if re.match(r"\s+(?:of|in\s+which|that|when|before|after|to|he|she|they|it)\b|['’]s\b",
                _next_text(ctx, end)):
        return None  # "the last year of the war", "the next year's budget"
    if step == "next" and _prev_word(ctx, c.start) not in ("over", "within", "during", "in"):
        return None  # "the next year, he moved": chained to the date last mentioned
    if unit == "decade" and _prev_word(ctx, c.start) != "in":
        return None  # "fell over the last decade": the ten years up to now
    return _relative_to(ctx, ctx.dct, step, unit, "the_past_year" if unit == "year"
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


def _the_year(c: Candidate, ctx: Context, rel: str) -> list[Piece] | None:
    """Financial "the year": "the year ended June 30" is a span of a year, "for the year" the
    current (reporting) year; elsewhere "the year" is too vague to tag."""
    if re.match(r"\s+(?:ended|ending|to)\b", _next_text(ctx, c.end, 10)) \
            or _prev_word(ctx, c.start) == "throughout":
        return _one(c, V.duration("P1Y", "the_year_ended"))  # also "throughout the year": a span
    if rel == "the full" or _prev_word(ctx, c.start) in ("for", "of", "throughout", "during"):
        if ctx.dct is None:
            return _one(c, V.unresolved("XXXX", "year", "the_year"))
        return _one(c, V.year(ctx.dct.year, "the_year"))
    return None


def _x_value(unit: str) -> str:
    return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
            "fiscal year": "XXXX", "decade": "XXX", "century": "XX", "day": "XXXX-XX-XX"}.get(
        unit, "XXXX-XX-XX")


def _gran(unit: str) -> str:
    return {"weekend": "week", "fiscal year": "year"}.get(unit, unit if unit in (
        "week", "month", "year", "decade", "century", "day") else "day")


def _relative_to(ctx: Context, base: date, rel: str, unit: str, rule: str,
                 c: Candidate) -> TimeValue | None:
    step = {"last": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "the current": 0,
            "next": 1, "the coming": 1, "coming": 1, "the": 0}.get(rel)
    if step is None:
        return None
    if unit == "week":
        return V.week_of(base + timedelta(weeks=step), rule)
    if unit == "weekend":
        if rel == "the":  # "over the weekend": the last one, unless the clause is future
            tense = ctx.tense(c.start, c.end)
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


def _chain_unit(c: Candidate, ctx: Context, rel: str, unit: str, rule: str,
                start: int | None = None) -> list[Piece] | None:
    step = {"that": 0, "the same": 0, "the previous": -1, "the preceding": -1, "the prior": -1,
            "the following": 1, "the next": 1, "before": -1, "after": 1}[rel]
    fine = unit in ("day", "morning", "afternoon", "evening", "night")
    ref = ctx.ref(c.start, fine=fine)
    base = ref.start if ref is not None else ctx.dct
    s = c.start if start is None else start
    if base is None:
        return [(s, c.end, V.unresolved(_x_value(unit), _gran(unit), "chain_" + unit))]
    rule = "chain_" + unit.replace(" ", "_")
    if fine:
        d = base + timedelta(days=step)
        return [(s, c.end, V.day(d, rule))]
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


def h_chain(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    if g["rel2"]:
        words = (g["rel2"] or "").lower().split()
        follow = _GOVERNED_WORD.match(ctx.text, c.end, c.end + 30)
        if follow and follow.group(1).lower() not in ("that", "then"):
            return _unit_beside_date(c, ctx, words[1], words[-1], follow)
        return _chain_unit(c, ctx, words[-1], words[1], "chain")
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    unit = (g["unit"] or "").lower()
    return _chain_unit(c, ctx, rel, unit, "chain")


# "the day before" followed on the same line by a word: "before" governs what follows
_GOVERNED_WORD = re.compile(r"[ \t]+([A-Za-z0-9]+)")


def _unit_beside_date(c: Candidate, ctx: Context, unit: str, direction: str,
                      follow: re.Match[str]) -> list[Piece] | None:
    """ "the day before last Tuesday's hearing": one unit from the date that follows;
    "the year before last": two units from the dateline. "The day before returning home",
    "the day before police arrived": the day of some event, which the text does not date."""
    step = -1 if direction == "before" else 1
    dated = _date_at(ctx, follow.start(1))
    if dated is None:
        if (follow.group(1).lower(), direction) not in (("last", "before"), ("next", "after")) \
                or ctx.dct is None:
            return None
        base, step, end = ctx.dct, 2 * step, follow.end()  # "the year before last"
    else:
        end, value = dated
        base = value.start if step < 0 else value.end
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


def _date_at(ctx: Context, pos: int) -> tuple[int, TimeValue] | None:
    """The end and value of a date expression starting exactly at ``pos``, if one does."""
    window = ctx.text[pos:pos + 60]
    for cand in find(window):
        if cand.start > 0:
            break
        spans = {k: (a + pos, b + pos) for k, (a, b) in cand.group_spans.items()}
        pieces = resolve(Candidate(cand.start + pos, cand.end + pos, cand.rule, cand.groups,
                                   spans), ctx)
        if pieces and pieces[0][0] == pos and pieces[0][2].type == "DATE":
            return pieces[0][1], pieces[0][2]
    return None


_AGO_BACK = ("ago", "back", "before", "earlier")


def h_ago(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    amount = number_value(g["n"] or "")
    unit = unit_name(g["unit"] or "")
    direction = re.sub(r"\s+", " ", (g["dir"] or "").lower())
    if unit == "fortnight":
        unit, amount = "week", (amount * 2 if amount is not None else None)
    if unit == "night":
        unit = "day"
    sign = -1 if direction in _AGO_BACK else 1
    if direction in ("after", "before"):
        # "less than an hour after the lawyer spoke": measured from an event whose date the
        # text does not give, so the amount is a duration, not a date
        return [(c.start, _span(c, "unit")[1],
                 V.duration(V.duration_value(amount, unit), "duration_to_event"))]
    if amount is None and direction in ("later", "earlier"):
        # "a few days later": counted from a date by an unknown amount, so no date at all
        return [(c.start, _span(c, "unit")[1], V.duration(V.duration_value(None, unit), "vague_offset"))]
    if amount is None:
        return _one(c, V.vague("PAST_REF" if sign < 0 else "FUTURE_REF", "ago_vague"))
    from_dct = direction in ("ago", "back", "from now", "hence")
    base: date | None
    if from_dct:
        base = ctx.dct
    else:
        # "an hour later", "two days later" count from a day, never from "the last decade"
        ref = ctx.ref(c.start, fine=unit in ("second", "minute", "hour", "day"))
        if ref is not None and ref.rule.startswith(("year_ago", "year_earlier", "year_period")):
            ref = None  # "a year earlier" again compares with the reported period, not last year
        base = ref.start if ref is not None else ctx.dct
        if direction == "earlier" and unit == "year" and amount == 1 and ctx.last_quarter \
                and not ctx.reports_months(c.start):
            y, q = ctx.last_quarter
            return _one(c, V.quarter(y - 1, q, "year_earlier_quarter"))
    if from_dct and unit == "year" and amount == 1 and ctx.last_quarter and ctx.dct \
            and ctx.last_quarter[0] == ctx.dct.year and not ctx.reports_months(c.start):
        y, q = ctx.last_quarter
        return _one(c, V.quarter(y - 1, q, "year_ago_quarter"))
    if base is None:
        return _one(c, V.unresolved(_x_value(unit if unit in ("week", "month", "year") else "day"),
                                    _gran(unit), "ago"))
    if not from_dct and unit == "week" and amount == int(amount):
        ref = ctx.ref(c.start)
        if ref is None or ref.granularity in ("day", "time"):
            # "a week later" after a day: a day, not a calendar week
            return _one(c, V.day(base + timedelta(weeks=sign * int(amount)), "offset"))
    return _one(c, _shift(base, sign * amount, unit, "ago" if from_dct else "offset"))


def _shift(base: date, amount: float, unit: str, rule: str) -> TimeValue | None:
    n = int(amount)
    if unit in ("second", "minute", "hour"):
        return V.day(base, rule)
    if unit == "day":
        return V.day(base + timedelta(days=n), rule)
    if unit == "week":
        return V.week_of(base + timedelta(weeks=n), rule)
    if unit == "month":
        d = V.add_months(base.replace(day=1), n)
        return V.month(d.year, d.month, rule)
    if unit == "quarter":
        d = V.add_months(base.replace(day=1), 3 * n)
        return V.quarter(d.year, V.quarter_of(d), rule)
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        if not V.valid_year(base.year + years):
            return None
        return V.year(base.year + years, rule)
    return None


# "a year" after an amount is a rate ("$2 million a year", "700 seats a week").
_MONEY_BEFORE = re.compile(r"(?:\d[\d,.]*(?:\s+[A-Za-z]+)?|million|billion|trillion|dollars|cents"
                           r"|percent|%|times|once|twice|each|apiece)\W*$", re.I)
_FOR_ONE_DAY = frozenset(("for", "in", "within", "of", "than", "over", "a", "every", "only",
                          "just", "after", "before", "per", "each", "about", "nearly", "extra",
                          "another", "single", "the", "first", "last", "one", "by"))


def h_duration(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    n_text = (g["n"] or "").lower()
    unit = unit_name(g["unit"] or "")
    nxt = _next_text(ctx, c.end, 30)
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    if unit == "fortnight":
        unit = "week"
        amount = number_value(n_text)
        amount = amount * 2 if amount is not None else None
    else:
        amount = number_value(n_text)
    if (g["adj"] or "").lower() == "-old" or re.match(r"\s+old\b", nxt):
        return None  # an age ("a 6-year-old", "52 years old"), not a time
    if unit == "second" and n_text in ("a", "an"):
        return None  # "a second time"
    if g["half"] and amount is not None:
        amount += 0.5  # "an hour and a half"
    if unit == "quarter" and re.match(r"\s+of\b", nxt):
        return None  # "a quarter of the vote"
    if unit == "night":
        unit = "day"
    if n_text in ("a", "an", "one", "per") and not rel and not g["approx"]:
        before = ctx.text[max(0, c.start - 40):c.start]
        if _MONEY_BEFORE.search(before):
            return None  # "$2 million a year": a rate, which TimeML leaves untagged
    if rel in ("last", "past", "next", "first", "coming") and n_text in ("a", "an"):
        start = _span(c, "n")[0]  # "to last a week": the verb "last" is not part of it
        return [(start, c.end, V.duration(V.duration_value(amount, unit), "duration"))]
    if n_text == "one" and unit == "day" and not rel and not g["approx"] and not g["adj"]:
        if _prev_word(ctx, c.start) not in _FOR_ONE_DAY and not re.match(
                r"\s+(?:of|after|before|later|earlier|ago|long|in\s+advance|visit|trip|strike"
                r"|event|conference|summit|meeting)\b", nxt):
            tense = ctx.tense(c.start, c.end)
            return _one(c, V.vague("PAST_REF" if tense == "past" else "FUTURE_REF", "one_day"))
    if n_text in ("many", "few", "several", "a few") and unit in ("second",):
        return None
    return _one(c, V.duration(V.duration_value(amount, unit), "duration"))


def h_duration_the(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    unit = (g["unit"] or "").lower()
    start = c.start
    if rel.startswith("over "):
        start = c.start + len(re.match(r"over\s+", ctx.text[c.start:], re.I).group(0))  # type: ignore[union-attr]
    calendar = _calendar_neighbour(c, ctx, rel.removeprefix("over "), unit, c.end)
    if calendar is not None:
        return [(start, c.end, calendar)]
    if rel in ("the next", "the following", "the previous") and unit != "hour":
        return None
    return [(start, c.end, V.duration(V.duration_value(1, unit), "the_past_unit"))]


_PLURAL = {"years": "year", "months": "month", "weeks": "week", "decades": "decade",
           "centuries": "century", "days": "day", "hours": "hour"}


def h_plural_units(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    key = "unit" if g["unit"] else "unit2"
    unit = _PLURAL[(g[key] or "").lower()]
    lead = (g["lead"] or "").lower()
    if lead == "the" and unit not in ("year", "decade", "century"):
        return None
    if lead == "the" and not re.match(r"\s+(?:of|since|that|when|before|after|to\s+come|ahead)\b",
                                       _next_text(ctx, _span(c, key)[1])):
        return None
    s, e = _span(c, key)
    if key == "unit2" and ctx.text[e:e + 5].lower() == "-long":
        e += 5
    return [(s, e, V.duration(V.duration_value(None, unit), "plural_units"))]


_VAGUE = {"recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
          "formerly": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
          "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
          "now": "PRESENT_REF", "current": "PRESENT_REF", "these days": "PRESENT_REF",
          "at present": "PRESENT_REF", "the present": "PRESENT_REF", "soon": "FUTURE_REF",
          "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
          "the distant future": "FUTURE_REF", "future": "FUTURE_REF",
          "a later date": "FUTURE_REF", "one day": "FUTURE_REF", "some day": "FUTURE_REF",
          "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
          "past years": "PAST_REF", "past decades": "PAST_REF", "the past years": "PAST_REF",
          "the past decades": "PAST_REF",
          "someday": "FUTURE_REF"}
_NOT_TIME_CURRENT = re.compile(r"\s+(?:account|accounts|affairs|events|flows?|density|carrying"
                               r"|of|through|and\s+former)\b", re.I)


def h_vague(c: Candidate, ctx: Context) -> list[Piece] | None:
    word = re.sub(r"\s+", " ", (c.groups["word"] or "").lower())
    nxt = _next_text(ctx, c.end, 20)
    if word == "recently" and re.match(r"\s+as\b", nxt):
        return None  # "as recently as Tuesday": the weekday is the date
    if word == "current" and _NOT_TIME_CURRENT.match(nxt):
        return None
    if word in ("one day", "some day"):
        return None  # handled by the duration rule, which sees more context
    if word in ("now", "currently") and nxt.startswith(",") and _starts_sentence(ctx, c.start):
        return None  # "Now, ...": a discourse marker framing the sentence, not a time
    if word == "recently" and (re.match(r"\s+(?:last|this|on)\b", nxt)
                               or _prev_word(ctx, c.start) in ("most", "have", "has", "had")):
        return None  # "most recently last October": the date that follows is the time
    if word == "the future" and _prev_word(ctx, c.start) not in _PREP_BEFORE_FUTURE and (
            _prev_word(ctx, c.start) == "to" or re.match(r"\s+(?:of|looks?|is|was|seems?)\b", nxt)):
        return None  # "the future of our peoples", "the future looks bleak": a topic, not a time
    if word.endswith(" term") and _prev_word(ctx, c.start) not in (
            "in", "for", "over", "during", "of", "into", "through"):
        return None  # "the short term outlook": an adjective, not a time
    if word == "the past" and re.match(rf"\s+(?:{NUM})\s+[a-z]+s\b", nxt, re.I):
        return None  # "the past three summers": an amount of them, not the vague past
    if word == "soon" and not _soon_is_future(c, ctx, nxt):
        return None
    if word in _VAGUE:
        return _one(c, V.vague(_VAGUE[word], "vague_" + word.replace(" ", "_")))
    if word.startswith("recent "):
        if word.endswith(("years", "decades")):
            return _one(c, V.vague("PAST_REF", "vague_recent_years"))
        unit = _PLURAL[word.split()[-1]]
        return _one(c, V.duration(V.duration_value(None, unit), "recent_units"))
    return _one(c, V.vague("FUTURE_REF", "vague_coming"))


def _soon_is_future(c: Candidate, ctx: Context, nxt: str) -> bool:
    """ "will soon resign" is a time still to come; "as soon as", "soon after the vote" and
    "was soon released" are not: a connective, or a past clause where "soon" means shortly."""
    if _prev_word(ctx, c.start) in ("as", "too", "how", "so") or re.match(
            r"\s*(?:after|afterwards?|thereafter|enough|as)\b", nxt):
        return False
    return ctx.tense(c.start, c.end) != "past"


_PREP_BEFORE_FUTURE = frozenset(("in", "into", "for", "about", "until", "till", "near"))


def _starts_sentence(ctx: Context, pos: int) -> bool:
    start = ctx.sentence_bounds(pos)[0]
    return not ctx.text[start:pos].strip(" \t\n\"“‘'(")


def _clock_day(ctx: Context, c: Candidate, day_text: str | None, mon: str | None,
               d: str | None) -> date | None:
    if mon and d:
        dct = ctx.dct
        if dct is None:
            return None
        return pick_day(dct, MONTH_NUMBER[mon.lower().rstrip(".")], _daynum(d), ctx.tense(c.start, c.end))
    if day_text:
        low = day_text.lower().split(",")[0].split()[0]
        if low in WEEKDAY_NUMBER:
            return resolve_weekday(ctx, WEEKDAY_NUMBER[low], "", c.start, c.end)
        if ctx.dct is None:
            return None
        return ctx.dct + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1,
                                         "tomorrow": 1}[low])
    return ctx.ref_day(c.start)


def _hour24(h: int, ampm: str | None) -> int:
    a = (ampm or "").lower().replace(".", "")
    if a.startswith("p") and h < 12:
        return h + 12
    if a.startswith("a") and h == 12:
        return 0
    return h


def h_clock(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    h = int(g["h"] or 0)
    if (g["ampm"] or "").lower().startswith(("a", "p")) and not 1 <= h <= 12:
        return None
    day = _clock_day(ctx, c, g.get("day"), g.get("mon") or g.get("mon2"), g.get("d") or g.get("d2"))
    hour = _hour24(h, g["ampm"])
    minute = int(g["mi"]) if g.get("mi") else 0
    if day is None:
        value = f"XXXX-XX-XXT{hour:02d}:{minute:02d}"
        return _one(c, TimeValue(value, "TIME", "time", None, None, "clock"))
    return _one(c, V.time_of_day(day, hour, minute, "clock"))


def h_clock24(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    if not g["tz"] and len(g["h"] or "") < 2:
        return None
    day = ctx.ref_day(c.start)
    h, mi = int(g["h"] or 0), int(g["mi"] or 0)
    if day is None:
        return _one(c, TimeValue(f"XXXX-XX-XXT{h:02d}:{mi:02d}", "TIME", "time", None, None,
                                 "clock24"))
    return _one(c, V.time_of_day(day, h, mi, "clock24"))


_NOON = {"noon": (12, None), "midday": (12, None), "midnight": (24, None),
         "mid-afternoon": (None, "AF"), "midafternoon": (None, "AF"),
         "mid-morning": (None, "MO"), "midmorning": (None, "MO")}


def h_noon(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    word = (g["word"] or "").lower()
    if _prev_word(ctx, c.start) == "high":
        return None  # "high noon"
    hour, pod = _NOON[word]
    day = _clock_day(ctx, c, g["day"], None, None)
    if day is None:
        return _one(c, TimeValue("XXXX-XX-XXT" + (f"{hour:02d}:00" if hour else pod),
                                 "TIME", "time", None, None, "noon"))
    if pod:
        return _one(c, V.part_of_day(day, pod, "noon"))
    return _one(c, V.time_of_day(day, hour, None, "noon"))


def h_day_at_clock(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    h = int(g["h"] or 0)
    if not 1 <= h <= 12:
        return None
    day = _clock_day(ctx, c, g["day"], None, None)
    hour, minute = _hour24(h, g["ampm"]), int(g["mi"] or 0)
    if day is None:
        return _one(c, TimeValue(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME", "time", None,
                                 None, "day_at_clock"))
    return _one(c, V.time_of_day(day, hour, minute, "day_at_clock"))


def h_nth(c: Candidate, ctx: Context) -> list[Piece] | None:
    d = int(c.groups["d"] or 0)
    ref = ctx.ref(c.start)
    if ref is not None and ref.start is not None and ref.granularity in ("day", "month", "time"):
        base = ref.start
        try:
            return _one(c, V.day(date(base.year, base.month, d), "nth_of_ref_month"))
        except ValueError:
            return None
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX-XX-XX", "day", "nth"))
    tense = ctx.tense(c.start, c.end)
    base = ctx.dct.replace(day=1)
    if tense == "past" and d > ctx.dct.day:
        base = V.add_months(base, -1)
    elif tense == "future" and d < ctx.dct.day:
        base = V.add_months(base, 1)
    try:
        return _one(c, V.day(date(base.year, base.month, d), "nth"))
    except ValueError:
        return None


def h_year_adj(c: Candidate, ctx: Context) -> list[Piece] | None:
    g = c.groups
    noun = re.sub(r"\s+", " ", (g["noun"] or "").lower())
    if noun in ("nine months", "six months"):
        return _one(c, V.duration(V.duration_value(int(noun[0] == "n") * 3 + 6, "month"),
                                  "year_ago_period"))
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX", "year", "year_ago"))
    q_words = {"first quarter": 1, "second quarter": 2, "third quarter": 3, "fourth quarter": 4}
    if noun in q_words:
        return _one(c, V.quarter(ctx.dct.year - 1, q_words[noun], "year_ago_quarter"))
    cq = _context_quarter(ctx) if (noun == "quarter" or (
        (noun == "period" or ctx.last_quarter) and not ctx.reports_months(c.start))) else None
    if cq:
        return _one(c, V.quarter(cq[0] - 1, cq[1], "year_ago_quarter"))
    return _one(c, V.year(ctx.dct.year - 1, "year_ago"))


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_no = (h + l_ - 7 * m + 114) // 31
    day_no = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month_no, day_no)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> date:
    if n > 0:
        return weekday_on_or_after(date(y, m, 1), wd) + timedelta(weeks=n - 1)
    return weekday_on_or_before(V.last_day(y, m), wd)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's day": lambda y: date(y, 1, 1),
    "new year's": lambda y: date(y, 1, 1), "new year's eve": lambda y: date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "easter": _easter, "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "halloween": lambda y: date(y, 10, 31), "valentine's day": lambda y: date(y, 2, 14),
    "independence day": lambda y: date(y, 7, 4), "boxing day": lambda y: date(y, 12, 26),
    "may day": lambda y: date(y, 5, 1), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "veterans day": lambda y: date(y, 11, 11),
    # US general elections: the Tuesday after the first Monday of November
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
}


def h_holiday(c: Candidate, ctx: Context) -> list[Piece] | None:
    key = re.sub(r"\s+", " ", (c.groups["word"] or "").lower()).replace("’", "'")
    if ctx.dct is None:
        return _one(c, V.unresolved("XXXX-XX-XX", "day", "holiday"))
    if key in ("easter week", "holy week"):
        # the week of Easter Sunday; the nearest one when it is this week or next, else by tense
        easters = [_easter(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        near = [e for e in easters if abs((e - ctx.dct).days) <= 8]
        tense = ctx.tense(c.start, c.end)
        if near:
            pick = near[0]
        elif tense == "future":
            pick = min(e for e in easters if e >= ctx.dct)
        else:
            pick = max(e for e in easters if e <= ctx.dct)
        return _one(c, V.week_of(pick, "holiday_week"))
    fn = _HOLIDAYS[key]
    tense = ctx.tense(c.start, c.end)
    options = [fn(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    if tense == "future":
        d = min(o for o in options if o >= ctx.dct)
    elif tense == "past":
        d = max(o for o in options if o <= ctx.dct)
    else:
        d = min(options, key=lambda o: (abs((o - ctx.dct).days), o > ctx.dct))  # type: ignore[operator]
    return _one(c, V.day(d, "holiday"))


_THIS_UNIT = re.compile(r"\bthis\s+(year|month|week|quarter)\b", re.I)


def h_elliptic_last(c: Candidate, ctx: Context) -> list[Piece] | None:
    """ "twice as high a dividend this year as last": the unit named before in the sentence."""
    this = list(_THIS_UNIT.finditer(ctx.text, ctx.sentence_bounds(c.start)[0], c.start))
    if not this or ctx.dct is None:
        return None
    unit = this[-1].group(1).lower()
    if unit == "quarter":
        return _one(c, _shift_quarter(ctx.dct.year, V.quarter_of(ctx.dct), -1, "elliptic_last"))
    return _one(c, _relative_to(ctx, ctx.dct, "last", unit, "elliptic_last", c))


HANDLERS: dict[str, Callable[[Candidate, Context], list[Piece] | None]] = {
    "iso_date": h_iso_date, "numeric_date": h_numeric_date, "date_mdy": h_date_full,
    "date_dmy": h_date_full, "date_md": h_date_md, "date_dm": h_date_dm,
    "month_year": h_month_year, "month": h_month, "month_relyear": h_month_relyear,
    "month_wordyear": h_month_wordyear, "word_year": h_word_year, "year_quarter": h_year_quarter,
    "year_end": h_year_end, "year": h_year, "year_range": h_year_range,
    "decade": h_decade, "decade_word": h_decade_word, "century": h_century,
    "season": h_season, "quarter": h_quarter, "quarter_phrase": h_quarter_phrase, "week_of": h_week_of,
    "quarter_code": h_quarter_code, "half": h_half,
    "weekday": h_weekday, "weekday_plural": h_weekday_plural, "every": h_every,
    "adverb_set": h_adverb_set, "frequency": h_frequency, "today": h_today,
    "this_pod": h_this_pod, "reltime": h_reltime, "ago": h_ago, "duration": h_duration,
    "duration_the": h_duration_the, "plural_units": h_plural_units, "vague": h_vague,
    "clock": h_clock, "clock24": h_clock24, "noon": h_noon, "day_at_clock": h_day_at_clock,
    "nth": h_nth, "chain": h_chain, "elliptic_last": h_elliptic_last, "year_adj": h_year_adj, "holiday": h_holiday,
}


def resolve(c: Candidate, ctx: Context) -> list[Piece] | None:
    """Pieces for candidate ``c`` (usually one), or None to reject it (also when it would
    name a day outside the calendar: see values.unless_off_calendar)."""
    return V.unless_off_calendar(lambda: HANDLERS[c.rule](c, ctx))
