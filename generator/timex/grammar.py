"""Recognition: where the date expressions of English news text are.

Each rule is a named, precompiled regular expression. ``find`` runs them all and returns
every candidate span with its named groups; ``anchor`` turns candidates into values and
``generator.timex.tag`` keeps the leftmost-longest ones. Spans never include a leading
preposition ("on Friday" -> "Friday"), following TimeML.

Case matters on purpose: month and weekday names must be capitalised, so "may" (the verb),
"march" (the verb) and "We" never match; relative words ("last week") are case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
MONTH_NUMBER.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                     "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAYS)}

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a half": 0.5, "half a": 0.5, "half an": 0.5,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty first": 21}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _both_cases(words: tuple[str, ...] | list[str]) -> str:
    """Alternation of Title and UPPER forms (news headlines are often upper case)."""
    forms = []
    for w in words:
        forms += [w, w.upper()]
    return "|".join(sorted(set(forms), key=lambda s: (-len(s), s)))


_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
MONTH_FULL = rf"(?:{_both_cases(MONTHS)})"
MONTH_ANY = rf"(?:{_both_cases(MONTHS)}|(?:{_both_cases(_ABBR)})\.?)"
WEEKDAY = rf"(?:{_both_cases(WEEKDAYS)})"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
_NUM_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
             r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
             r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
             r"|one|two|three|four|five|six|seven|eight|nine|ten|hundred)")
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2|½)?"
       rf"|(?:a|one|two|several)\s+hundred|{_NUM_WORD}(?:\s+and\s+a\s+half)?"
       r"|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|many|a\s+dozen|dozens\s+of"
       r"|hundreds\s+of"
       r"|half\s+an?|an?(?:\s+and\s+a\s+half)?)")
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?"
        r"|years?|decades?|centur(?:y|ies)|yrs?|hrs?)")
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_PREFIX_MOD = (r"(?:\b(?i:the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest)\s+of"
               r"|earlier\s+in|later\s+in|early|mid|late|end)(?:-|\s+))")
_TZ = r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|(?i:local\s+time)))"
_AMPM = r"(?:[ap]\.m\.(?!\w)|[ap]m\b|[AP]\.M\.(?!\w)|[AP]M\b)"

# Words after a number that mean it counts things rather than naming a year.
_COUNTED = (r"(?:people|persons|troops|soldiers|men|women|children|workers|employees|jobs|units"
            r"|shares|tons|tonnes|barrels|feet|foot|meters|metres|miles|km|kilometers"
            r"|kilometres|dollars|euros|pounds|yen|cars|vehicles|homes|houses|votes|members"
            r"|students|cases|deaths|refugees|points|acres|rounds|rockets|missiles|fighters"
            r"|delegates|seats|pages|words|times|percent|per\s+cent|million|billion|trillion"
            r"|hectares|civilians|prisoners|families|villages|residents|patients|doctors)\b")

_TENS_W = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_W = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# Years as transcripts spell them: "nineteen ninety-seven", "two thousand and one".
YEAR_WORDS = (rf"(?i:(?:nineteen|eighteen)[-\s](?:{_TENS_W}(?:[-\s]{_UNITS_W})?|{_TEENS_W}"
              rf"|hundred|oh[-\s]{_UNITS_W})"
              rf"|twenty[-\s](?:{_TENS_W}(?:[-\s]{_UNITS_W})?|{_TEENS_W})"
              rf"|two\s+thousand(?:\s+and)?(?:[-\s](?:{_TENS_W}(?:[-\s]{_UNITS_W})?|{_TEENS_W}"
              rf"|{_UNITS_W}))?)")

_DAY_AFTER_NOUN_GUARD = r"(?!\d|,\d{3}|\.\d|\s*%|\s+" + _COUNTED + r")"


@dataclass(frozen=True)
class Candidate:
    """A span a rule recognised; ``groups`` are its named groups (None when unmatched)."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    group_spans: dict[str, tuple[int, int]]


def _rule(name: str, pattern: str, flags: int = 0) -> tuple[str, re.Pattern[str]]:
    return name, re.compile(pattern, flags)


_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
_REL_WORDS = (r"last|next|this|that|this\s+past|this\s+coming|the\s+following|the\s+previous"
              r"|the\s+preceding|the\s+next|coming|past|previous")

# Order matters only for equal spans: the first rule wins.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    _rule("iso_date", r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                      r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\w-])"),
    _rule("numeric_date", r"(?<![\w/.,$-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
                          r"(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)"),
    _rule("date_mdy", rf"\b{_WD_PREFIX}(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY_NUM})\b,?\s+"
                      rf"(?P<y>{YEAR4})(?!\d|,\d)"),
    _rule("date_dmy", rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY_NUM})(?:\s+of)?\s+(?P<mon>{MONTH_ANY})"
                      rf",?\s+(?P<y>{YEAR4})(?!\d|,\d)"),
    _rule("date_md", rf"\b{_WD_PREFIX}(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY_NUM})\b"
                     rf"(?:\s*(?P<dash>[-–—]|to|through|and|until)\s*(?P<d2>{DAY_NUM})\b)?"
                     + _DAY_AFTER_NOUN_GUARD),
    _rule("date_dm", rf"(?<![\d,.$£€])\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY_NUM})"
                     rf"(?:\s*(?P<dash>[-–—]|to|and)\s*(?P<d0>{DAY_NUM}))?(?:\s+of)?\s+"
                     rf"(?P<mon>{MONTH_ANY})(?!\s*\d)"),
    _rule("month_year", rf"\b(?:{_PREFIX_MOD})?(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?P<y>{YEAR4})"
                        r"(?!\d|,\d)"),
    _rule("month_relyear", rf"\b(?:{_PREFIX_MOD})?(?P<mon>{MONTH_ANY}),?\s+(?:(?i:of)\s+)?"
                           r"(?P<rel>(?i:this|last|next|that|the\s+same|the\s+following"
                           r"|the\s+previous))\s+(?i:year)\b"),
    _rule("month_wordyear", rf"\b(?P<mon>{MONTH_FULL}),?\s+(?:(?i:of)\s+)?(?P<yw>{YEAR_WORDS})\b"
                            rf"(?!\s+{_COUNTED})"),
    _rule("word_year", rf"\b(?:(?P<lead>(?i:the\s+year))\s+)?(?P<yw>{YEAR_WORDS})\b"
                       rf"(?![-\s]+(?:{_COUNTED}|(?i:years?|months?|days?|hours?|minutes?)\b))"),
    _rule("year_quarter", r"\b(?i:the)\s+(?:(?i:comparable|same|year-ago|year-earlier|fiscal)\s+)?"
                          rf"(?P<y>{YEAR4})\s+(?:(?P<ord>(?i:first|second|third|fourth))[-\s]+)?"
                          r"(?:(?i:fiscal)\s+)?(?P<noun>(?i:quarter|period))\b"),
    _rule("year_end", r"\b(?:(?i:the)\s+)?(?i:year)(?:['’]s)?[-\s](?i:end)\b(?!-)"
                      r"|\b(?i:the\s+(?:end|close)\s+of\s+the\s+year)\b"),
    _rule("month", rf"(?:(?P<mod>{_PREFIX_MOD})|\b(?P<rel>(?i:{_REL_WORDS}))\s+)?"
                   rf"\b(?P<mon>{MONTH_FULL}|(?:{_both_cases(_ABBR)})\.)(?![\w-]|['’](?!s\b)|\s+\d)"),
    _rule("year", rf"(?:\b(?P<fiscal>(?i:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?"
                  r"|the\s+(?:fiscal\s+)?year|model\s+year))\s*"
                  rf"|(?P<mod>{_PREFIX_MOD}))?(?:(?<=\d{{4}}[-–])|(?<=[A-Za-z]-)|(?<=FY)|(?<![\w$£€#.,/–-]))(?P<y>{YEAR4})"
                  rf"(?![\w%/]|,\d|\.\d|-\d{{1,2}}\b(?!\d)|\s+{_COUNTED})"),
    _rule("year_range", rf"(?<![\w$£€#.,/-])(?P<y>{YEAR4})\s*(?:[-–—]|to)\s*(?P<y2>\d{{2}})(?![\w%-])"),
    _rule("decade", rf"(?:\b(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]?)?"
                    r"(?P<dec>(?<![\w$])1[0-9]{2}0|20[0-9]0|['’][0-9]0)['’]?s\b"),
    _rule("decade_word", r"\b(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))[-\s]?)?"
                         r"(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies"
                         r"|eighties|nineties))\b"),
    _rule("century", r"\b(?i:(?:the|this|last|next)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]?)?"
                     r"(?:(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth"
                     r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
                     r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
                     r"|twenty[-\s]first))[-\s]+)?(?i:century)\b"),
    _rule("season", rf"(?:(?P<mod>{_PREFIX_MOD})|\b(?P<rel>(?i:{_REL_WORDS}|the|in\s+the))\s+)?"
                    r"(?:(?i:the)\s+)?(?:(?P<mod2>(?i:early|late|mid))[-\s])?"
                    r"\b(?P<season>(?i:spring|summer|fall|autumn|winter))\b"
                    rf"(?:,?\s+(?:(?i:of)\s+)?(?:(?P<y>{YEAR4})(?!\d|,\d)|(?P<yw>{YEAR_WORDS})\b))?"),
    _rule("quarter", r"\b(?:(?P<the>(?i:the|this|last|next|a))\s+)?"
                     r"(?P<mods>(?:(?i:fiscal|latest|current|previous|same|comparable|year-ago"
                     r"|year-earlier|calendar|recent|just-ended|just\s+ended|just-completed)"
                     r"[-\s]+)*)"
                     r"(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))?"
                     r"(?:[-\s]?(?P<qword>(?i:quarter))\b(?!-[a-z])(?![\w-]*\s+(?i:of\s+a\b|century|mile|inch|point|hour))"
                     r"|[-\s]?(?P<period>(?i:period))\b)"
                     r"(?:(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?|\s+)(?P<y>" + YEAR4 + r")(?!\d|,\d))?"),
    _rule("quarter_phrase",
          r"\b(?P<ago>(?i:the\s+(?:(?:corresponding|comparable|same)\s+)?(?:quarter|period)\s+"
          r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)))\b"
          r"|\b(?P<rel>(?i:last|this|next))\s+(?i:year)['’]s\s+(?:(?P<ord>(?i:first|second|third"
          r"|fourth))[-\s]+)?(?P<noun>(?i:quarter|period))\b"
          r"|\b(?:(?i:the)\s+)?(?P<halfword>(?i:first|last))\s+(?i:two\s+quarters\s+of)\s+"
          rf"(?:(?i:fiscal)\s+)?(?P<y>{YEAR4})(?!\d)"),
    _rule("week_of", rf"\b(?i:the\s+)?(?P<unit>(?i:week|weekend))\s+(?i:of)\s+(?P<mon>{MONTH_ANY})\s+"
                     rf"(?P<d>{DAY_NUM})\b(?:,?\s+(?P<y>{YEAR4}))?" + _DAY_AFTER_NOUN_GUARD),
    _rule("quarter_code", rf"\b(?P<q>Q[1-4]|[1-4]Q)(?:\s*(?P<y>{YEAR4}))?\b"),
    _rule("half", r"\b(?i:the\s+)?(?P<ord>(?i:first|second|last|latter))[-\s](?i:half)\b"
                  rf"(?:\s+(?i:of)\s+(?:(?P<y>(?:(?i:fiscal)\s+)?{YEAR4})(?!\d|,\d)"
                  r"|(?P<rel>(?i:this|last|next|the))\s+(?i:year)\b)|(?!\s+(?i:of)\b))"),
    _rule("weekday", rf"\b(?:(?P<rel>(?i:{_REL_WORDS}|early|late|earlier|later))\s+)?"
                     rf"(?P<wd>{WEEKDAY})(?!s\b)(?:\s+(?P<pod>(?i:{PART_OF_DAY})))?\b"),
    _rule("weekday_plural", rf"\b(?:(?P<every>(?i:every|each))\s+)?(?P<wd>{WEEKDAY})"
                            rf"(?:s(?:\s+(?P<pod>(?i:{PART_OF_DAY})s?))?|\s+(?P<pods>(?i:mornings"
                            r"|afternoons|evenings|nights)))\b"),
    _rule("every", r"\b(?i:every|each)\s+(?:(?i:other)\s+)?"
                   rf"(?P<what>{WEEKDAY}|{MONTH_FULL}|(?i:day|week|weekend|month|year|quarter"
                   r"|morning|afternoon|evening|night|hour|minute|decade|summer|winter|spring"
                   r"|autumn|fall))\b(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?"),
    _rule("adverb_set", r"\b(?P<adv>daily|weekly|monthly|yearly|hourly|nightly"
                        r"|biweekly|bimonthly|fortnightly|semiannually|semi-annually)\b"),
    _rule("frequency", rf"\b(?P<n>once|twice|three\s+times|four\s+times|{NUM}\s+times)\s+"
                       r"(?P<per>a|an|per|every|each)\s+(?P<unit>day|week|month|year|quarter)\b",
          re.I),
    _rule("today", r"\b(?:(?P<mod>(?i:early|late|earlier|later))\s+)?"
                   r"(?P<word>(?i:today|yesterday|tomorrow|tonight|overnight))"
                   r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?\b"
                   r"|\b(?P<word2>(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)))\b"),
    _rule("this_pod", r"\b(?:(?P<mod>(?i:early|late|earlier|later))\s+)?"
                      r"(?P<rel>(?i:this|last))\s+(?P<pod>(?i:morning|afternoon|evening|night))\b"),
    _rule("reltime", rf"(?:(?P<mod>{_PREFIX_MOD}|(?i:earlier|later)\s+)\s*)?"
                     r"\b(?P<rel>(?i:last|this|next|the\s+past|the\s+coming|the\s+current|the\s+latest"
                     r"|the\s+last|the\s+next|the\s+previous|the\s+following|the\s+preceding"
                     r"|the\s+same|the\s+prior|the\s+full|coming|current|past|previous|prior|that"
                     r"|the))\s+"
                     r"(?P<unit>(?i:week|weekend|month|year|decade|century|fiscal\s+year|day"
                     r"|morning|afternoon|evening|night))\b(?!-)"),
    _rule("ago", rf"\b(?P<approx>(?i:about|nearly|almost|more\s+than|less\s+than|some|roughly"
                 r"|around|at\s+least|over|just|only|barely|fully|some)\s+)?"
                 rf"(?P<n>(?i:{NUM}))[\s-]+(?P<unit>(?i:{UNIT}))(?:\s+(?i:or\s+so))?\s+"
                 r"(?P<dir>(?i:ago|earlier|later|from\s+now|hence|back"
                 r"|(?:before|after|on)(?!\s+(?:the|a|an|his|her|its|their|our|my|this|that|being"
                 r"|he|she|it|they|we|I)\b)))\b"),
    _rule("duration", rf"(?:\b(?P<approx>(?i:about|nearly|almost|more\s+than|less\s+than|roughly"
                      r"|around|at\s+least|up\s+to|over(?!\s+the\b)|under|just|only|barely|fully|another"
                      r"|some|within))\s+)?"
                      r"(?:\b(?P<rel>(?i:the\s+(?:past|last|next|first|coming|previous|following"
                      r"|latest|final|same|initial|remaining|ensuing)|past|last|next|first"
                      r"|coming|the|these|those))\s+)?"
                      rf"\b(?P<n>(?i:{NUM}))(?:\s+(?i:more|additional|straight|consecutive"
                      r"|full|long|trading|business|working))?[\s-]+"
                      rf"(?P<unit>(?i:{UNIT}))(?P<half>\s+(?i:and\s+a\s+half))?"
                      r"(?P<adj>-(?i:old|long))?\b(?!-\w)"),
    _rule("duration_the", r"\b(?P<rel>(?i:the\s+(?:past|last|next|coming|previous|following)"
                          r"|over\s+the\s+(?:past|last)))\s+"
                          r"(?P<unit>(?i:week|month|year|decade|century|day|hour|quarter))\b(?!-)"),
    _rule("plural_units", r"\b(?P<lead>(?i:for|in|over|within|after|took|take|takes|lasting"
                          r"|spent|spend|lasted|last|of|the))\s+(?P<unit>(?i:years|months|weeks"
                          r"|decades|centuries|days|hours))\b"
                          r"|\b(?P<unit2>(?i:decades|years|months))(?:-long)?\s+(?=(?i:of|ago|later"
                          r"|earlier|-long)\b)"),
    _rule("vague", r"\b(?P<word>(?i:(?:the\s+)?past\s+(?:years|decades)"
                   r"|recent\s+(?:days|weeks|months|years|decades)"
                   r"|(?:the\s+)?(?:coming|upcoming|future)\s+(?:days|weeks|months|quarters|years"
                   r"|decades)|the\s+(?:near|short)\s+term"
                   r"|the\s+(?:days|weeks|months|years)\s+ahead|the\s+near\s+future"
                   r"|the\s+distant\s+future|the\s+future|the\s+present|the\s+past|a\s+later\s+date"
                   r"|recently|lately|nowadays|currently|presently|these\s+days|at\s+present"
                   r"|now|current|one\s+day|some\s+day|someday|soon))\b(?!-)"),
    _rule("clock", rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{_AMPM}|(?i:o['’]clock))"
                   rf"{_TZ}?(?:,?\s+(?:(?i:on)\s+)?(?P<day>{WEEKDAY}(?:,?\s+(?P<mon>{MONTH_ANY})\s+"
                   rf"(?P<d>{DAY_NUM})\b)?|(?i:today|yesterday|tomorrow|tonight)"
                   rf"|(?P<mon2>{MONTH_ANY})\s+(?P<d2>{DAY_NUM})\b))?"),
    _rule("clock24", rf"(?<![\w:.,$])(?P<h>[01]\d|2[0-3])[:h](?P<mi>[0-5]\d)(?![\w:.]|,\d)"
                     rf"(?P<tz>{_TZ}|\s*(?:hrs|h)\b)?"),
    _rule("noon", rf"\b(?P<word>(?i:noon|midnight|midday|mid-?afternoon|mid-?morning))"
                  rf"(?:,?\s+(?:(?i:on)\s+)?(?P<day>{WEEKDAY}|(?i:today|yesterday|tomorrow)))?\b"),
    _rule("day_at_clock", rf"\b(?P<day>{WEEKDAY}|(?i:today|yesterday|tomorrow))"
                          rf"(?:\s+(?P<pod>(?i:{PART_OF_DAY})))?,?\s+(?i:at|around|about|by)\s+"
                          rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{_AMPM}){_TZ}?"),
    _rule("elliptic_last", r"(?:(?<=\bas\s)|(?<=\bthan\s))(?P<word>(?i:last))\b(?=\s*[.,;:!?)]|\s+(?:and|but|or)\b)"),
    _rule("nth", r"(?<=\b[Oo]n\s)the\s+(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b(?![\s-]+[a-z])"),
    _rule("chain", r"\b(?:(?P<mod>(?i:earlier|later|early|late))\s+)?"
                   r"(?P<rel>(?i:that|the\s+same|the\s+previous|the\s+following|the\s+next"
                   r"|the\s+preceding))\s+(?P<unit>(?i:day|morning|afternoon|evening|night|week"
                   r"|weekend|month|year))\b"
                   r"|\b(?P<rel2>(?i:the\s+(?:day|night|week|month|year)\s+(?:before|after)))"
                   r"(?!\s+(?:the|a|an|his|her|its|their)\b)"),
    _rule("year_adj", r"\b(?P<word>(?i:year-ago|year-earlier|year-before|prior-year"
                      r"|previous-year))\b(?:\s+(?P<noun>(?i:quarter|period|third\s+quarter"
                      r"|second\s+quarter|first\s+quarter|fourth\s+quarter|nine\s+months"
                      r"|six\s+months)))?"),
    _rule("holiday", r"\b(?P<word>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s(?:\s+Day|\s+Eve)?"
                     r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+[Ww]eek)?|Holy\s+Week|Halloween"
                     r"|Valentine['’]s\s+Day|Independence\s+Day|Boxing\s+Day|May\s+Day"
                     r"|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day)\b"),
)
RULE_ORDER = {name: i for i, (name, _) in enumerate(RULES)}


# --- fast scanning --------------------------------------------------------------------------
# Running every rule over every character is slow (most positions start nothing). Instead one
# pass finds "trigger" tokens that every match of a rule must contain (a month name, a unit
# word, a digit...), and each rule then runs only in small windows around its triggers.

_WORD_TRIGGERS: dict[str, tuple[str, ...]] = {}


def _add_triggers(words: str, rules: tuple[str, ...]) -> None:
    for w in words.split():
        _WORD_TRIGGERS[w] = tuple(dict.fromkeys(_WORD_TRIGGERS.get(w, ()) + rules))


_MONTH_RULES = ("date_mdy", "date_dmy", "date_md", "date_dm", "month_year", "month",
                "month_relyear", "month_wordyear", "clock")
_UNIT_RULES = ("reltime", "chain", "duration_the", "ago", "duration")
# Digits trigger only the rules whose shape the next characters allow (a date with a month
# name is found from the month; "3 p.m." needs a.m./p.m. after the number...).
_AFTER_SMALL_DIGITS = (
    (re.compile(r"[:.]?\d*\s*(?:[ap]\.?m\b|[AP]\.?M\b|o['’]clock)"), ("clock", "day_at_clock")),
    (re.compile(r"[:h][0-5]\d"), ("clock24", "clock", "day_at_clock")),
    (re.compile(r"[/.]\d"), ("numeric_date",)),
    (re.compile(r"(?:st|nd|rd|th)\b"), ("century", "nth")),
    (re.compile(r"Q"), ("quarter_code",)),
    (re.compile(r"['’]?s\b"), ("decade",)),
)
_AFTER_YEAR_DIGITS = (
    (re.compile(r"-\d"), ("iso_date", "year", "year_range")),
    (re.compile(r"\s*(?:[-–—]|to)\s*\d"), ("year_range", "year")),
    (re.compile(r"['’]?s\b"), ("decade",)),
)
for _m in MONTHS:
    _add_triggers(_m.lower(), _MONTH_RULES)
_add_triggers("jan feb mar apr jun jul aug sep sept oct nov dec", _MONTH_RULES)
_add_triggers(" ".join(w.lower() for w in WEEKDAYS) + " " + " ".join(w.lower() + "s" for w in WEEKDAYS),
              ("weekday", "weekday_plural", "day_at_clock", "clock", "noon", "date_mdy",
               "date_dmy", "date_md", "date_dm"))
_add_triggers("second seconds minute minutes hour hours hrs hr day days night nights week weeks "
              "weekend weekends fortnight fortnights month months quarter quarters year years yrs "
              "yr decade decades century centuries", _UNIT_RULES)
_add_triggers("years months weeks decades centuries days hours", ("plural_units",))
_add_triggers("year", ("year_end",))
_add_triggers("morning afternoon evening night", ("this_pod", "reltime", "chain", "weekday",
                                                  "today", "day_at_clock"))
_add_triggers("year-ago year-earlier year-before prior-year previous-year", ("year_adj",
                                                                             "quarter"))
_add_triggers("century", ("century",))
_add_triggers("spring summer fall autumn winter", ("season",))
_add_triggers("week weekend", ("week_of",))
_add_triggers("quarter period", ("quarter", "year_quarter", "quarter_phrase"))
_add_triggers("quarters", ("quarter_phrase",))
_add_triggers("half", ("half",))
_add_triggers("last", ("elliptic_last",))
_add_triggers("every each", ("every", "weekday_plural", "frequency"))
_add_triggers("daily weekly monthly yearly hourly nightly biweekly bimonthly fortnightly "
              "semiannually semi-annually", ("adverb_set",))
_add_triggers("once twice times", ("frequency",))
_add_triggers("today yesterday tomorrow tonight overnight", ("today", "clock", "noon",
                                                             "day_at_clock"))
_add_triggers("recently lately nowadays currently presently now current recent these present "
              "past future ahead coming upcoming later someday one some term soon", ("vague",))
_add_triggers("noon midnight midday mid-afternoon midafternoon mid-morning midmorning",
              ("noon",))
_add_triggers("christmas new thanksgiving easter halloween valentine independence boxing may "
              "labor memorial veterans holy election", ("holiday",))
_add_triggers("twenties thirties forties fifties sixties seventies eighties nineties",
              ("decade_word",))
_add_triggers("nineteen eighteen twenty thousand", ("word_year", "month_wordyear"))
_add_triggers("q1 q2 q3 q4 1q 2q 3q 4q", ("quarter_code",))
_add_triggers("'0s '1s '2s '3s '4s '5s '6s '7s '8s '9s", ("decade",))

_TRIGGER_RE = re.compile(r"(?P<digits>\d+)|[A-Za-z]+(?:-[A-Za-z]+)*")
_BACK, _FORWARD, _SAFE_MARGIN = 40, 32, 20
# Rules whose trigger (a unit word) ends the expression need little room after it.
_RULE_FORWARD = {"duration": 14, "ago": 18, "reltime": 8, "chain": 12, "duration_the": 8,
                 "plural_units": 16, "year_end": 8, "this_pod": 4}
RULE_PATTERNS = dict(RULES)
# A window can only hold a match of these rules if it contains this (cheap pre-check).
_WINDOW_NEEDS = {
    "date_mdy": re.compile(r"\d{4}"), "date_dmy": re.compile(r"\d{4}"),
    "month_year": re.compile(r"\d{4}"), "date_md": re.compile(r"\d"),
    "date_dm": re.compile(r"\d"), "clock": re.compile(r"\d"), "day_at_clock": re.compile(r"\d"),
    "month_relyear": re.compile(r"[Yy][Ee][Aa][Rr]"),
    "month_wordyear": re.compile(r"(?i:nineteen|eighteen|twenty|thousand)"),
    "ago": re.compile(r"(?i:ago|earlier|later|before|after|now|hence|back|on)\b"),
}


def _digit_rules(text: str, start: int, end: int) -> tuple[str, ...]:
    size = end - start
    if size == 4:
        rules: tuple[str, ...] = ("year",)
        table = _AFTER_YEAR_DIGITS
    elif size <= 2:
        rules = ()
        table = _AFTER_SMALL_DIGITS
        if start and text[start - 1] in "'’":
            rules = ("decade",)
        if start and text[start - 1] in "Qq":
            rules = rules + ("quarter_code",)
    else:
        return ()
    for after, extra in table:
        if after.match(text, end):
            rules = rules + extra
    return rules


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged windows around that rule's trigger tokens."""
    hits: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    triggers = _WORD_TRIGGERS
    forward = _RULE_FORWARD
    for m in _TRIGGER_RE.finditer(text):
        start, end = m.span()
        if m.lastgroup == "digits":
            rules = _digit_rules(text, start, end)
        else:
            word = m.group().lower()
            rules = triggers.get(word, ())
            if not rules and "-" in word:  # "third-quarter", "five-decade", "mid-July"
                rules = tuple(r for part in word.split("-") for r in triggers.get(part, ()))
        if not rules:
            continue
        lo = start - _BACK if start > _BACK else 0
        for rule in rules:
            hi = min(n, end + forward.get(rule, _FORWARD))
            spans = hits.get(rule)
            if spans is None:
                hits[rule] = [(lo, hi)]
            elif lo <= spans[-1][1]:
                if hi > spans[-1][1]:
                    spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return hits


def find(text: str) -> list[Candidate]:
    """All candidate spans of all rules, sorted leftmost first, longest first."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Candidate] = []
    windows = _trigger_windows(text)
    n = len(text)
    for name, pattern in RULES:
        needs = _WINDOW_NEEDS.get(name)
        for lo, hi in windows.get(name, ()):
            if needs is not None and not needs.search(text, lo, hi):
                continue
            for m in pattern.finditer(text, lo, hi):
                if m.end() + _SAFE_MARGIN > hi and hi < n:
                    # the window end may have cut the match or its look-ahead: redo in full
                    m = pattern.match(text, m.start())  # type: ignore[assignment]
                    if m is None:
                        continue
                key = (name, m.start(), m.end())
                if m.end() <= m.start() or key in seen:
                    continue
                seen.add(key)
                groups = m.groupdict()
                spans = {k: m.span(k) for k, v in groups.items() if v is not None}
                out.append(Candidate(m.start(), m.end(), name, groups, spans))
    out.sort(key=lambda c: (c.start, -c.end, RULE_ORDER[c.rule]))
    return out


def find_slow(text: str) -> list[Candidate]:
    """Reference implementation of ``find``: every rule over the whole text (for tests)."""
    out: list[Candidate] = []
    for name, pattern in RULES:
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            groups = m.groupdict()
            spans = {k: m.span(k) for k, v in groups.items() if v is not None}
            out.append(Candidate(m.start(), m.end(), name, groups, spans))
    out.sort(key=lambda c: (c.start, -c.end, RULE_ORDER[c.rule]))
    return out


def year_from_words(words: str) -> int | None:
    """1997 from "nineteen ninety-seven", 2001 from "two thousand and one"."""
    w = re.sub(r"[-\s]+", " ", words.lower()).replace(" and ", " ").strip()
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].strip()
        tail = number_value(rest) if rest else 0
        return None if tail is None else 2000 + int(tail)
    head, _, rest = w.partition(" ")
    century = WORD_NUMBERS.get(head)
    if century is None:
        return None
    if rest == "hundred":
        return century * 100
    if rest.startswith("oh "):
        rest = rest[3:]
    tail = number_value(rest)
    return None if tail is None else century * 100 + int(tail)


def number_value(word: str) -> float | None:
    """The number a NUM match stands for; None for vague amounts ("several", "a few")."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w in ("several", "many", "a few", "few", "dozens of", "hundreds of", "some"):
        return None
    half = 0.0
    if w.endswith(" and a half"):
        half, w = 0.5, w[: -len(" and a half")]
    if w.endswith(" 1/2") or w.endswith("½"):
        half, w = 0.5, w.replace(" 1/2", "").replace("½", "")
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
        return float(w.replace(",", "")) + half
    if w in WORD_NUMBERS:
        return WORD_NUMBERS[w] + half
    if w.endswith(" hundred"):
        head = w[: -len(" hundred")]
        return 100 * (WORD_NUMBERS.get(head, 1) if head != "several" else 1) + half
    parts = re.split(r"[-\s]", w)
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]] + half
    return None


def unit_name(word: str) -> str:
    """Canonical singular unit ("Years" -> "year", "hrs" -> "hour")."""
    w = word.lower().rstrip(".")
    table = {"yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour", "centuries": "century",
             "fortnight": "fortnight", "fortnights": "fortnight", "nights": "night"}
    if w in table:
        return table[w]
    return w[:-1] if w.endswith("s") else w
