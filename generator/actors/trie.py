"""One regular expression for thousands of names: a trie rendered as nested groups.

Python's ``re`` tries the branches of an alternation one by one; a trie shares prefixes,
so each position of the text costs one step per character instead of one per name.
Greedy optional groups make the longest name win at a position; the caller's lookahead
makes the engine back off to a shorter name when a longer one ends inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def _insert(trie: dict, word: str) -> None:
    node = trie
    for ch in word:
        node = node.setdefault(ch, {})
    node[_END] = {}


def _atom(ch: str) -> str:
    # A space in a name matches any run of whitespace (names wrap across lines).
    return r"\s+" if ch == " " else re.escape(ch)


def _render(node: dict) -> str:
    ends_here = _END in node
    branches = [_atom(ch) + _render(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching exactly the given words (longest first at a position)."""
    trie: dict = {}
    for word in sorted(set(words)):
        if word:
            _insert(trie, word)
    if not trie:
        return r"(?!x)x"  # matches nothing
    return _render(trie)
