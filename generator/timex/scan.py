"""Recognition: where the date expressions of English news text are.

``find`` runs every rule of ``rules.grammar()`` and returns each candidate span with its
named groups; ``resolve`` turns candidates into values and ``generator.timex.tag`` keeps the
leftmost-longest ones. Spans never include a leading preposition ("on Friday" -> "Friday"),
following TimeML.

Case matters on purpose: month and weekday names must be capitalised, so "may" (the verb),
"march" (the verb) and "We" never match; relative words ("last week") are case-insensitive.

Running every rule over every character is slow (most positions start nothing). Instead one
pass finds "trigger" tokens that every match of a rule must contain (a month name, a unit
word, a digit...: each rule record's ``triggers``), and each rule then runs only in small
windows around its triggers. ``find_slow`` runs every rule over the whole text (for tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.timex.rules import Grammar, grammar


@dataclass(frozen=True)
class Candidate:
    """A span a rule recognised; ``groups`` are its named groups (None when unmatched)."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    match: re.Match[str] | None = field(default=None, repr=False, compare=False)
    spans: dict[str, tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def group_spans(self) -> dict[str, tuple[int, int]]:
        """Where each matched group is; made when first asked (most candidates never are)."""
        spans = self.spans
        if spans is None:
            m = self.match
            assert m is not None
            spans = {k: m.span(k) for k, v in self.groups.items() if v is not None}
            object.__setattr__(self, "spans", spans)  # a cache of what the match says
        return spans

    def spans_of(self) -> dict[str, tuple[int, int]]:
        return self.group_spans


@dataclass(frozen=True)
class _Scanner:
    rules: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]
    order: dict[str, int]
    word_triggers: dict[str, tuple[str, ...]]
    after_year: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    after_small: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    year_rules: tuple[str, ...]             # rules every four-digit number triggers
    before_small: tuple[tuple[str, tuple[str, ...]], ...]  # (preceding chars, rules)
    forward: dict[str, int]                 # characters a window runs past its trigger


def _build(g: Grammar) -> _Scanner:
    words: dict[str, tuple[str, ...]] = {}
    after: dict[str, dict[str, tuple[str, ...]]] = {"year": {}, "small": {}}
    year_rules: list[str] = []
    before: dict[str, tuple[str, ...]] = {}
    for rule in g.rules:
        for word in sorted(rule.words):
            words[word] = words.get(word, ()) + (rule.name,)
        for size, after_pattern, before_chars in rule.digits:
            if before_chars:
                before[before_chars] = before.get(before_chars, ()) + (rule.name,)
            elif after_pattern:
                table = after[size]
                table[after_pattern] = table.get(after_pattern, ()) + (rule.name,)
            elif size == "year":
                year_rules.append(rule.name)
    return _Scanner(
        rules=tuple((r.name, r.pattern, r.needs) for r in g.rules), order=g.order,
        word_triggers=words,
        after_year=tuple((re.compile(p), rs) for p, rs in after["year"].items()),
        after_small=tuple((re.compile(p), rs) for p, rs in after["small"].items()),
        year_rules=tuple(year_rules), before_small=tuple(before.items()),
        forward={r.name: r.forward if r.forward is not None else _FORWARD for r in g.rules},
    )


_BACK, _FORWARD, _SAFE_MARGIN = 40, 32, 20
_SCANNER = _build(grammar())
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a token of the lower-cased text
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _digit_rules(s: _Scanner, text: str, start: int, end: int) -> tuple[str, ...]:
    size = end - start
    if size == 4:
        rules: tuple[str, ...] = s.year_rules
        table = s.after_year
    elif size <= 2:
        rules = ()
        table = s.after_small
        if start:
            for chars, extra in s.before_small:
                if text[start - 1] in chars:
                    rules = rules + extra
    else:
        return ()
    for after, extra in table:
        if after.match(text, end):
            rules = rules + extra
    return rules


def _trigger_tokens(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, rules) of every trigger token, in text order.

    Most words trigger nothing, so rather than looking each token up in turn, the distinct
    words of the text are looked up once and only the triggering ones are then located.
    """
    s = _SCANNER
    triggers = s.word_triggers
    found = [(m.start(), m.end(), rules) for m in _DIGITS_RE.finditer(text)
             if (rules := _digit_rules(s, text, m.start(), m.end()))]
    low = text.translate(_ASCII_LOWER)  # same length: only A-Z change
    wanted: dict[str, tuple[str, ...]] = {}
    for word in set(_WORD_RE.findall(low)):
        rules = triggers.get(word, ())
        if not rules and "-" in word:  # "third-quarter", "five-decade", "mid-July"
            rules = tuple(r for part in word.split("-") for r in triggers.get(part, ()))
        if rules:
            wanted[word] = rules
    n = len(low)
    for word, rules in wanted.items():
        size = len(word)
        pos = low.find(word)
        while pos >= 0:
            end = pos + size
            # a whole token: no letter (or letter-hyphen) joined on either side
            if not (pos and (low[pos - 1] in _LETTERS or low[pos - 1] == "-" and pos > 1
                             and low[pos - 2] in _LETTERS)) \
                    and not (end < n and (low[end] in _LETTERS or low[end] == "-" and end + 1 < n
                                          and low[end + 1] in _LETTERS)):
                found.append((pos, end, rules))
            pos = low.find(word, pos + 1)
    found.sort()
    return found


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged windows around that rule's trigger tokens."""
    s = _SCANNER
    hits: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    forward = s.forward
    for start, end, rules in _trigger_tokens(text):
        lo = start - _BACK if start > _BACK else 0
        for rule in rules:
            hi = end + forward[rule]
            if hi > n:
                hi = n
            spans = hits.get(rule)
            if spans is None:
                hits[rule] = [(lo, hi)]
            else:
                last_lo, last_hi = spans[-1]
                if lo > last_hi:
                    spans.append((lo, hi))
                elif hi > last_hi:
                    spans[-1] = (last_lo, hi)
    return hits


def find(text: str) -> list[Candidate]:
    """All candidate spans of all rules, sorted leftmost first, longest first."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Candidate] = []
    windows = _trigger_windows(text)
    n = len(text)
    # rules with the same triggers share windows, and several share a `needs` ("\d"):
    # each window is searched for it once
    needed: dict[tuple[re.Pattern[str], int, int], bool] = {}
    for name, pattern, needs in _SCANNER.rules:
        for lo, hi in windows.get(name, ()):
            if needs is not None:
                key = (needs, lo, hi)
                present = needed.get(key)
                if present is None:
                    present = needed[key] = needs.search(text, lo, hi) is not None
                if not present:
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
                out.append(_candidate(name, m))
    return _in_order(out)


def find_slow(text: str) -> list[Candidate]:
    """Reference implementation of ``find``: every rule over the whole text (for tests)."""
    out: list[Candidate] = []
    for name, pattern, _ in _SCANNER.rules:
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            out.append(_candidate(name, m))
    return _in_order(out)


def _candidate(name: str, m: re.Match[str]) -> Candidate:
    return Candidate(m.start(), m.end(), name, m.groupdict(), m)


def _in_order(found: list[Candidate]) -> list[Candidate]:
    """Leftmost first, longest first, then by the rules' precedence."""
    order = _SCANNER.order
    found.sort(key=lambda c: (c.start, -c.end, order[c.rule]))
    return found
