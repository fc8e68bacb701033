"""Case- and diacritic-insensitive text: folding and lookup keys (slugs: generator.slugs).

``fold`` maps every character to exactly one character, so an offset into the folded text
is the same offset into the original: the matcher searches folded text and reports spans
in the original without any offset map.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter plus marks.
_SPECIAL = {
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h",
    "Ħ": "H", "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "þ": "t", "Þ": "T",
    "ð": "d", "Ð": "D",
    # Punctuation variants that news text mixes freely.
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
_SPACES = re.compile(r"\s+")
_NOT_KEY = re.compile(r"[\W_]+")  # any script's letters and digits stay in a key


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    # Keep the length: a character that folds to nothing or to several keeps itself
    # unless its first folded character is a plain letter ("ǅ" -> "D").
    if len(base) == 1:
        return base
    if base and base[0].isascii() and base[0].isalpha():
        return base[0]
    return ch


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in list(range(0x00A0, 0x0250)) + list(range(0x1E00, 0x1F00)) + list(range(0x2000, 0x2030)):
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    for ch, folded in _SPECIAL.items():
        table[ord(ch)] = folded
    return table


_TABLE = _build_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


def fold(text: str) -> str:
    """The text with diacritics removed and quotes/dashes unified; same length as ``text``."""
    text = text.replace("`", "'")
    if text.isascii():
        return text
    # Only the (few) non-ASCII runs go through the table: much faster on English prose.
    folded = _NON_ASCII.sub(_fold_run, text)
    if len(folded) != len(text):  # pragma: no cover - the table maps one char to one char
        raise AssertionError("fold must keep offsets")
    return folded


@lru_cache(maxsize=65536)
def fold_key(name: str) -> str:
    """The lookup key of a name: folded, lower case, single spaces ("Erdoğan" -> "erdogan")."""
    return _SPACES.sub(" ", fold(name).strip()).lower()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The identity of a name inside registry keys: folded and lower case in its own script,
    its words joined by "-" ("Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan", "Хамас" ->
    "хамас"). Unlike a slug it transliterates nothing, so two names share a key only when
    they differ in case, accents or punctuation alone, never when they only sound alike."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", fold(name)) if not unicodedata.combining(c))
    key = _NOT_KEY.sub("-", plain.lower().replace("'", "")).strip("-")
    return key or fold_key(name)  # a name of punctuation alone is its own key


def lower_same_length(folded: str) -> str | None:
    """``folded.lower()`` when lowering keeps every offset (always for ASCII), else None."""
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else None


def diacritic_count(text: str) -> int:
    """How many characters folding changes: used to prefer "Güler" over "Guler"."""
    return sum(1 for a, b in zip(text, fold(text)) if a != b and a.isalpha())
