"""Number words of another language, with the compounds its writing builds from them.

``numbers.yaml`` lists the words (``vingt: 20``, ``trois: 3``) and ``joins``, what stands
between the parts of a compound: French "vingt-trois", "soixante et onze", "quatre-vingt-
dix-sept"; German "dreiundzwanzig" (units first); Spanish "treinta y cinco". A compound
is the sum of its parts when it has the shape of tens and units: its largest part a
multiple of ten, the others together less than twenty and than it ("soixante-dix-neuf" is
60 + 10 + 9; "vingt-trente" is none). Hundreds and thousands are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _alternation(words, as_phrase) -> str:
    return "|".join(as_phrase(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)


@dataclass(frozen=True)
class NumberWords:
    """The number words of a language and the joins of its compounds."""

    words: dict[str, int]          # lower case
    pattern: str                   # a number word or compound, for a larger pattern
    _word: re.Pattern[str]
    _join: re.Pattern[str] | None

    @classmethod
    def build(cls, words: dict[str, int], joins: tuple[str, ...], as_phrase) -> "NumberWords":
        """``as_phrase``: a fixed phrase as a pattern (any run of spaces for a space)."""
        word = _alternation(words, as_phrase)
        join = _alternation(joins, as_phrase)
        pattern = f"(?:{word})(?:(?:{join})(?:{word}))*" if join and word else word
        return cls(words, pattern, re.compile(f"(?:{word})", re.I),
                   re.compile(f"(?:{join})", re.I) if join else None)

    def value(self, text: str) -> int | None:
        """The number ``text`` (lower case, one space for a run of them) spells, or None."""
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
