"""Number words of another language, with the compounds its writing builds from them.

``numbers.yaml`` lists the words (``vingt: 20``, ``trois: 3``) and ``joins``, what stands
between the parts of a compound: French "vingt-trois", "soixante et onze", "quatre-vingt-
dix-sept"; German "dreiundzwanzig" (units first); Spanish "treinta y cinco". A compound
is the sum of its parts when it has the shape of tens and units: its largest part a
multiple of ten, the others together less than twenty and than it ("soixante-dix-neuf" is
60 + 10 + 9; "vingt-trente" is none). ``hundreds`` (``cent: 100``; Spanish lists each
hundred, ``doscientos: 200``) and ``hundreds_joins`` (French ``[" ", "-"]``, German ``[""]``)
read a number of hundreds: a unit times a hundred word, then a number below a hundred ("deux
cents", "trois cent vingt", "zweihundertdreiundzwanzig", "doscientos treinta y cinco").
Thousands are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _alternation(words, as_phrase) -> str:
    return "|".join(as_phrase(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)


@dataclass(frozen=True)
class Approximately:
    """``numbers.yaml`` ``approximately``: words before an amount that leave its value as it
    is ("plus de deux ans" is P2Y, "il y a plus de deux ans" the count's date, as English's
    "more than two years"). The one definition of that optional lead, for every reading of
    an amount (counted spans, lengths)."""

    words: str                       # an alternation of the phrases, "" for none
    lead: re.Pattern[str] | None     # the phrases and the spaces after them

    @classmethod
    def build(cls, phrases, as_phrase) -> "Approximately":
        words = _alternation(phrases, as_phrase)
        return cls(words, re.compile(rf"(?:{words})\s+", re.I | re.U) if words else None)

    def before(self, amount: str) -> str:
        """The pattern ``amount``, the phrases optionally before it."""
        return rf"(?:(?:{self.words})\s+)?(?:{amount})" if self.words else amount

    def strip(self, text: str) -> str:
        """``text`` (an amount as matched) without the phrases before it."""
        if self.lead is None or not self.lead.match(text):
            return text
        return self.lead.sub("", text, count=1)


@dataclass(frozen=True)
class NumberWords:
    """The number words of a language and the joins of its compounds."""

    words: dict[str, int]          # lower case
    pattern: str                   # a number word or compound, for a larger pattern
    _word: re.Pattern[str]
    _join: re.Pattern[str] | None
    hundreds: dict[str, int] | None = None
    _hundreds: re.Pattern[str] | None = None  # [unit join] hundred [join rest]

    @classmethod
    def build(cls, words: dict[str, int], joins: tuple[str, ...], as_phrase,
              hundreds: dict[str, int] | None = None,
              hundreds_joins: tuple[str, ...] = ()) -> "NumberWords":
        """``as_phrase``: a fixed phrase as a pattern (any run of spaces for a space)."""
        word = _alternation(words, as_phrase)
        join = _alternation(joins, as_phrase)
        pattern = f"(?:{word})(?:(?:{join})(?:{word}))*" if join and word else word
        full, compiled = pattern, None
        if hundreds and word:
            # an empty join is German's one word ("zweihundert"): the join is then optional
            hj = f"(?:{_alternation(hundreds_joins, as_phrase)})" + \
                ("?" if "" in hundreds_joins else "")
            hundred = _alternation(hundreds, as_phrase)
            full = (f"(?:(?:{word}){hj})?(?:{hundred})(?:{hj}(?:{pattern}))?|{pattern}")
            compiled = re.compile(f"(?:(?P<m>{word}){hj})?(?P<h>{hundred})(?:{hj}(?P<r>.+))?",
                                  re.I)
        return cls(words, full, re.compile(f"(?:{word})", re.I),
                   re.compile(f"(?:{join})", re.I) if join else None,
                   {k.lower(): v for k, v in (hundreds or {}).items()} or None, compiled)

    def value(self, text: str) -> int | None:
        """The number ``text`` (lower case, one space for a run of them) spells, or None."""
        if text in self.words:
            return self.words[text]
        m = self._hundreds.fullmatch(text) if self._hundreds is not None else None
        if m is not None and self.hundreds:
            return self._hundreds_value(m)
        return self._compound(text)

    def _hundreds_value(self, m: re.Match[str]) -> int | None:
        """ "deux cent vingt": a unit (2-9) times a hundred, then a number below a hundred;
        a hundred word of its own ("doscientos") takes no unit before it."""
        hundred = self.hundreds[m.group("h").lower()]  # type: ignore[index]
        times = self.words.get(m.group("m").lower(), 0) if m.group("m") else 1
        if not 1 <= times <= 9 or (m.group("m") and hundred != 100):
            return None
        rest = self._compound(m.group("r")) if m.group("r") else 0
        if rest is None or rest >= 100:
            return None
        return times * hundred + rest

    def _compound(self, text: str) -> int | None:
        if text in self.words:
            return self.words[text]
        parts, pos = [], 0
        while pos < len(text):
            m = self._word.match(text, pos)
            if m is None or m.end() == pos:
                return None
            parts.append(self.words[m.group()])
            pos = m.end()
            if pos < len(text):
                j = self._join.match(text, pos) if self._join else None
                if j is None:
                    return None
                pos = j.end()
        return _tens_and_units(parts)


def _tens_and_units(parts: list[int]) -> int | None:
    if not parts:
        return None
    largest = max(parts)
    rest = sum(parts) - largest
    if len(parts) > 1 and (largest % 10 or rest >= min(20, largest)
                           or parts.count(largest) > 1):
        return None
    return largest + rest
