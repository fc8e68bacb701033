"""Spellings of one person's name: which discovered people are the same person.

News writes one name many ways: transliterations (Sadeq/Sadiq, Ahmed/Ahmet/Ahmad,
Hussein/Husayn), with or without the article (al-Hariri/Hariri), a title (Sayyed Hassan
Nasrallah), a middle name (Omar al-Bashir/Omar Hassan al-Bashir), a doubled letter
(Barnet/Barnett). Each name gets a *variant key*: its words without titles, articles and
particles, each word reduced to a spelling key. Two people with the same key are one; a
name whose key is the first and last words of exactly one longer name is that person.

The spelling key keeps the consonants and reduces vowels to two classes (a/e/i/y and
o/u), which is how these transliterations differ; it never merges Hassan with Hussein
(a against o) nor Nasrallah with Nasrullah.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .fold import fold_key

_ARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|an|az|ar|ath|adh)-")
_PARTICLES = frozenset("al el bin ibn bint ben von van der den de del della di da dos du la le ter abu".split())
_SPELLING = ((re.compile(r"(.)\1+"), r"\1"), (re.compile(r"ph"), "f"), (re.compile(r"ck|q|c(?=[aou])"), "k"),
             (re.compile(r"ou|oo"), "u"), (re.compile(r"ee"), "i"), (re.compile(r"(?<=.)y"), "i"),
             (re.compile(r"(?<=[aeiou])h$"), ""), (re.compile(r"(?<=[aeiou])t$"), "d"),
             (re.compile(r"[aei]"), "a"), (re.compile(r"u"), "o"), (re.compile(r"(.)\1+"), r"\1"))


def spelling_key(word: str) -> str:
    """"Sadeq", "Sadiq" -> "sadak"; "Ahmed", "Ahmet", "Ahmad" -> "ahmad"; "Omar", "Umar" -> "omar"."""
    key = _ARTICLE.sub("", fold_key(word).replace("'", ""))
    for pattern, replacement in _SPELLING:
        key = pattern.sub(replacement, key)
    return key


def variant_key(name: str, titles: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The name's words without leading titles, articles and particles, as spelling keys."""
    words = fold_key(name).replace("-", " - ").split()
    joined: list[str] = []
    for word in words:  # "al - Hariri" -> "al-Hariri" again, "Panet - Raymond" -> one word
        if joined and (word == "-" or joined[-1].endswith("-")):
            joined[-1] += word
        else:
            joined.append(word)
    while joined and joined[0].rstrip(".") in titles:
        joined.pop(0)
    kept = [w for w in joined if w not in _PARTICLES]
    return tuple(k for k in (spelling_key(w.strip("-")) for w in kept) if k)


def _root(redirects: dict[str, str], key: str) -> str:
    while key in redirects:
        key = redirects[key]
    return key


def merge_variants(names: dict[str, Iterable[str]], fixed: Iterable[str], weight: dict[str, int],
                   titles: frozenset[str] = frozenset()) -> dict[str, str]:
    """Redirects (person key -> the person key it is the same as).

    ``names``: person key -> its full names (two words or more). ``fixed``: keys that
    never move (built-in and configured people): a discovered spelling joins one of them.
    Among discovered people the most mentioned (``weight``) keeps its key.
    """
    fixed = set(fixed)
    by_key: dict[tuple[str, ...], set[str]] = {}
    for person, full_names in names.items():
        for name in full_names:
            key = variant_key(name, titles)
            if len(key) >= 2:
                by_key.setdefault(key, set()).add(person)
    redirects: dict[str, str] = {}

    def rank(person: str) -> tuple:
        return (person not in fixed, -weight.get(person, 0), person)

    for key in sorted(by_key):  # the same key: one person
        people = sorted({_root(redirects, p) for p in by_key[key]}, key=rank)
        for other in people[1:]:
            if other not in fixed and other != people[0]:
                redirects[other] = people[0]
    # "Omar al-Bashir" -> the one longer name "Omar Hassan al-Bashir" with its first and last words.
    ends: dict[tuple[str, str], set[str]] = {}
    for key, people in by_key.items():
        if len(key) > 2:
            ends.setdefault((key[0], key[-1]), set()).update(_root(redirects, p) for p in people)
    for key in sorted(k for k in by_key if len(k) == 2):
        longer = ends.get((key[0], key[1]), set())
        for person in sorted(by_key[key]):
            here = _root(redirects, person)
            targets = longer - {here}
            if len(targets) == 1 and here not in fixed:
                redirects[here] = next(iter(targets))
    return {person: _root(redirects, person) for person in sorted(redirects)}
