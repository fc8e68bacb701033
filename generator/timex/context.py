"""What resolution knows about a text: its dateline, sentences and paragraphs, the dates
mentioned so far (for "the previous day"), the reporting period of earnings text, and the
tense of the clause around a position.

The tense reader looks at the verbs nearest an expression in its sentence: a past tense
(an irregular past from verbs.yaml, a word in -ed that is no adjective), a future marker
("will", "is expected to"), or a timetable present ("the leaders meet Monday"). Its words
are the tense lexicon (generator/data/timex/en/tense.yaml).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.lexicon import english

_LEX = english()
_CUES = _LEX.tense
assert _CUES is not None
_PAST = _LEX.past_tenses
_PARTICIPLES = frozenset(p for verb in _LEX.verbs for p in verb.participles)
_NOT_BEFORE_SCHEDULE = _CUES.determiners | _CUES.not_before_schedule
_PRESENT_COPULA = frozenset(("is", "are", "am", "'s", "’s", "be"))
_UN_VERBS = _LEX.words("un_verbs")  # "unveiled": a past, though most -ed words in un- are not
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|['’]ll\b")
# closing quotes include the typewriter '' and `` of wire copy
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=(?:[\"“‘(\[]|``)?[A-Z0-9])|\n")
_PARAGRAPH_RE = re.compile(r"\n\s*\n")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z]+)$")
_NOT_SENTENCE_END = _LEX.words("title_abbreviations") | {a.lower() for a in _LEX.month_abbreviations}
_CLAUSE_END = ",;:—–()\""
# Only openers between the sentence start and the date: the whole sentence is its clause.
_LEAD_PREP_RE = re.compile(r"[\s\"“‘(\[]*(?:(?:" + "|".join(_CUES.clause_openers) + r")\s+)*$",
                           re.I)

# Rules whose values span several quarters ("the first nine months", "the first half").
_MULTI_MONTH_RULES = frozenset(("half", "the_year_ended", "the_year"))
_FRAME_RULES = _LEX.words("year_frame_rules")
_FRAME_BREAKERS = _LEX.words("year_frame_breakers")
_FRAME_FORWARD = _LEX.words("year_frame_forward")
_FRAME_PUNCTUATION = frozenset(';:()"“”')
FRAME_REACH = 100  # characters between the dated phrase and a date that continues its year
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
    ref_ends: dict[int, int] = field(default_factory=dict)  # a reference's start -> its end
    last_quarter: tuple[int, int] | None = None
    # Earnings text compares a reporting period with "a year earlier": the period last
    # named decides whether that is a quarter or a year ("the nine months ... a year earlier").
    quarter_pos: int = -1
    first_quarter: tuple[int, int] | None = None
    months_pos: int = -1

    @classmethod
    def build(cls, text: str, dct: date | None, day_first: bool = False) -> "Context":
        sentences = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)
                           if not _after_abbreviation(text, m.start())]
        paragraphs = [0] + [m.end() for m in _PARAGRAPH_RE.finditer(text)]
        return cls(text, dct, day_first, sentences, paragraphs)

    # sentences and paragraphs
    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[max(i, 0)]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]

    def starts_sentence(self, pos: int) -> bool:
        """Nothing but quotes and brackets between the sentence start and ``pos``."""
        start = self.sentence_bounds(pos)[0]
        return not self.text[start:pos].strip(" \t\n\"“‘'(")

    # references for chaining ("the previous day")
    def note(self, pos: int, value: TimeValue, end: int | None = None) -> None:
        if value.anchored:
            self.refs.append((pos, value))
            self.ref_ends[pos] = pos if end is None else end
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
        return self._last_ref(pos, lambda v: not fine or v.granularity in ("time", "day"), near)

    def ref_finer(self, pos: int, granularities: tuple[str, ...],
                  near: bool = False) -> TimeValue | None:
        """The date last mentioned in this paragraph or the one before (``near``: this
        sentence or the one before) with one of these granularities: "the following week"
        counts on from a day or a week, not from "late 2023"."""
        return self._last_ref(pos, lambda v: v.granularity in granularities, near)

    def ref_of(self, pos: int, granularity: str) -> TimeValue | None:
        """The date of that granularity last mentioned in this paragraph or the one before
        ("that quarter")."""
        return self._last_ref(pos, lambda v: v.granularity == granularity)

    def _last_ref(self, pos: int, wanted, near: bool = False) -> TimeValue | None:
        if near:
            para = self.sentence_bounds(max(self.sentence_bounds(pos)[0] - 1, 0))[0]
        else:
            para = self.paragraph_start(pos)
            if para:
                para = self.paragraph_start(para - 1)
        for p, v in reversed(self.refs[-REF_LOOKBACK:]):
            if p < para:
                break
            if wanted(v):
                return v
        return None

    def year_frame(self, pos: int, month_no: int, day_no: int = 1) -> int | None:
        """The year a month (or month-day) without one continues: that of the date just
        before it in its sentence when that date names a year other than the dateline's
        ("arrested on March 12, 2019, and charged on March 14"; "elected in November 2020
        and sworn in in January" is the January after). A bare year frames only as the
        sentence's opener ("In 2019, the firm ... in March"). Not across a clause that may
        be an aside: a relative word, a comma before the earlier date ("The firm, founded in
        1998, ... in June"), other punctuation, or a long gap."""
        if self.dct is None or not self.refs:
            return None
        s_start = self.sentence_bounds(pos)[0]
        p, v = self.refs[-1]
        if v.start is None or v.start.year == self.dct.year:
            return None
        if p < s_start:
            return self._year_told_before(pos, s_start, p, v, month_no, day_no)
        if v.rule not in _FRAME_RULES and not (v.rule == "year"
                                               and _LEAD_PREP_RE.fullmatch(self.text, s_start, p)):
            return None
        between = self.text[self.ref_ends.get(p, p):pos]
        if len(between) > FRAME_REACH or _FRAME_PUNCTUATION.intersection(between) \
                or "," in between[1:] or ("," in between and "," in self.text[s_start:p]):
            return None
        words = {w.lower() for w in _WORD_RE.findall(between)}
        if words & _FRAME_BREAKERS:
            return None
        r = v.start
        earlier = (month_no, day_no) < (r.month, r.day if v.granularity == "day" else 1)
        if v.granularity in ("day", "month") and earlier and words & _FRAME_FORWARD:
            return r.year + 1
        return r.year

    def _year_told_before(self, pos: int, s_start: int, p: int, v: TimeValue, month_no: int,
                          day_no: int) -> int | None:
        """ "He was arrested on March 12, 2019. On March 14, he was charged": a past sentence
        opening with a later month(-day) of the year the sentence before dated in full."""
        r = v.start
        assert r is not None
        if p < self.sentence_bounds(s_start - 1)[0] or v.rule not in _FRAME_RULES \
                or v.granularity not in ("day", "month") \
                or (month_no, day_no) < (r.month, r.day if v.granularity == "day" else 1) \
                or not _LEAD_PREP_RE.fullmatch(self.text, s_start, pos) \
                or self.tense(pos, pos) != "past":
            return None
        return r.year

    def ref_day(self, pos: int) -> date | None:
        v = self.ref(pos, fine=True)
        if v is not None:
            return v.start
        return self.dct

    def context_quarter(self) -> tuple[int, int] | None:
        """The quarter the text reports on: the last one named, else the one just ended."""
        if self.last_quarter:
            return self.last_quarter
        if self.dct is None:
            return None
        q = V.quarter_of(self.dct) - 1
        return (self.dct.year, q) if q >= 1 else (self.dct.year - 1, 4)

    def tense(self, start: int, end: int, timetable: bool = False) -> str | None:
        """"past", "future" or None, from the verbs nearest the expression in its sentence.
        ``timetable``: a present tense of scheduling ("the leaders meet Monday") counts as
        future; only a weekday is that close to its verb."""
        s_start, s_end = self.sentence_bounds(start)
        # bounded look-around: a run-on "sentence" (a list, a table) must not make this O(n^2)
        s_start, s_end = max(s_start, start - TENSE_WINDOW), min(s_end, end + TENSE_WINDOW)
        before = markers(self.text, s_start, start, timetable)
        if before:
            return before[-1]
        after_end = s_end
        if not _LEAD_PREP_RE.match(self.text, s_start, start):  # mid-sentence: this clause only
            for i in range(end, s_end):
                if self.text[i] in _CLAUSE_END:
                    after_end = i
                    break
        after = markers(self.text, end, after_end, timetable)
        return after[0] if after else None


def _after_abbreviation(text: str, dot: int) -> bool:
    """ "Gen. Smith", "Roe vs. Wade", "Sept. 27": a dot that ends an abbreviation, not a
    sentence (titles and month abbreviations: the list is cues.yaml's)."""
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    return bool(word) and word.group(1).lower() in _NOT_SENTENCE_END


def _past_word(word: str) -> bool:
    return word in _PAST or (word.endswith("ed") and len(word) >= 4
                             and word not in _CUES.not_past_ed)


def _is_participle(word: str) -> bool:
    return word in _PARTICIPLES or (word.endswith("ed") and word not in _CUES.not_past_ed)


def markers(text: str, lo: int, hi: int, timetable: bool = False) -> list[str]:
    """Tense markers ("past"/"future") of the words in text[lo:hi], in order.

    Word lookups in sets rather than one big alternation: this runs for most expressions.
    """
    words = [m.group() for m in _WORD_RE.finditer(text, lo, hi)]
    out: list[str] = []
    cues = _CUES
    for i, word in enumerate(words):
        low = word.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        prev = words[i - 1].lower() if i else ""
        if low == "planned" and prev in cues.as_planned:
            out.append("past")  # "began as planned", "had planned"
        elif prev == "been" and nxt == "to" and i > 1 and words[i - 2].lower() == "had":
            out.append("past")  # "had been due to expire": a plan whose time has passed
        elif low in cues.future:
            out.append("future")
        elif low in cues.modal_future and word[0].islower():
            out.append("past" if nxt == "have" else "future")
        elif timetable and low in cues.schedule_present and prev not in _NOT_BEFORE_SCHEDULE \
                and not prev.endswith(("'s", "’s")) and not _past_word(prev):
            # "the leaders meet Monday": the timetable present; right after a past verb
            # it is that verb's object ("counted votes on Sunday")
            out.append("future")
        elif timetable and low in cues.schedule_heading and nxt in cues.headings \
                and prev not in _NOT_BEFORE_SCHEDULE:
            out.append("future")  # "voters head to the polls on Sunday", "goes to trial Monday"
        elif low == "to" and nxt == "be" and i + 2 < len(words) \
                and _is_participle(words[i + 2].lower()):
            out.append("future")  # "the report, to be published on Monday"
        elif low in cues.before_to and nxt == "to":
            out.append("future")
        elif low == "as" and nxt in ("soon", "early") and i + 2 < len(words) \
                and words[i + 2].lower() == "as":
            out.append("future")
        elif low == "later" and nxt == "this":
            out.append("future")
        elif low == "as" and nxt == "recently":
            out.append("past")
        elif low in cues.set_for and nxt == "for" and prev in cues.passive_aux:
            out.append("future")  # "a hearing is set for Thursday"
        elif low in cues.due and prev in _PRESENT_COPULA and nxt != "to":
            out.append("future")  # "he is due in court on Thursday"
        elif low in cues.due and nxt in cues.due_after_noun and prev not in cues.due_was \
                and (i + 2 >= len(words) or words[i + 2].lower() not in cues.due_was):
            out.append("future")  # "retail sales, due on Friday, ...": a figure still to come
        elif i and words[i - 1].lower() in cues.passive_aux and low not in ("was", "were", "had"):
            continue  # "will be held", "is expected": a participle, not a past tense
        elif low.endswith("ed") and ((low.startswith("un") and low not in _UN_VERBS)
                                     or prev in cues.determiners):
            continue  # "an unspecified date", "the revised plan": adjectives
        elif low in _PAST and prev in cues.base_form_before:
            continue  # "the shop will shut", "agreed to cut": a base form like its past
        elif low in _PAST:
            out.append("past")
        elif low.endswith("ed") and len(low) >= 4 and low not in cues.not_past_ed \
                and not word[0].isupper():
            out.append("past")
    return out
