"""The rule records of the English grammar, loaded from ``generator/data/timex/en/rules/``.

One record per rule: its name, what it is about, its pattern (a regular expression built
from ``fragments.yaml`` and the lexicons), its trigger words (the scanner runs a rule only
near them), the handler that turns a match into a value, its negative contexts (when a
match is no date: data, checked before the handler runs) and examples, which the tests run.
``index.yaml`` lists the families and the precedence of rules that match the same span.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.timex.lexicon import Lexicon, LexiconError, english

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_FLAGS = {"IGNORECASE": re.I}
_PREV_WORD = re.compile(r"([A-Za-z.'’]+)\W*$")


@dataclass(frozen=True)
class NegativeContext:
    """When a match is no date. Every condition given must hold for the match to be dropped.

    Group conditions read the named groups of the match (lower case, spaces collapsed; an
    unmatched or empty group reads as ""). Word conditions read the word before the match
    (or before ``at``, a group). ``after`` is matched at the end of the match, within
    ``window`` characters; ``before`` (``not_before``) is (is not) found in the
    ``before_window`` characters before.
    """

    why: str
    has: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    group: tuple[tuple[str, frozenset[str]], ...] = ()
    group_not: tuple[tuple[str, frozenset[str]], ...] = ()
    matches: tuple[tuple[str, re.Pattern[str]], ...] = ()
    not_matches: tuple[tuple[str, re.Pattern[str]], ...] = ()
    prev_word: frozenset[str] | None = None
    prev_word_not: frozenset[str] | None = None
    at: str | None = None
    after: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    window: int = 25
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    before_window: int = 40
    sentence_start: bool | None = None

    def holds(self, text: str, start: int, end: int, groups: dict[str, str | None],
              spans: Callable[[], dict[str, tuple[int, int]]], starts_sentence) -> bool:
        """True when the match ``text[start:end]`` is in this context (and so no date)."""
        # the conditions in the order of their cost, each tested only when the context has it
        for g in self.has:
            if not (groups.get(g) or "").strip():
                return False
        for g in self.unless:
            if (groups.get(g) or "").strip():
                return False
        for g, allowed in self.group:
            if _words_of(groups.get(g)) not in allowed:
                return False
        for g, banned in self.group_not:
            if _words_of(groups.get(g)) in banned:
                return False
        for g, p in self.matches:
            if not p.search(groups.get(g) or ""):
                return False
        for g, p in self.not_matches:
            if p.search(groups.get(g) or ""):
                return False
        pos = start
        if self.at:
            where = spans()  # the candidate's group spans, made only when asked
            if self.at in where:
                pos = where[self.at][0]
        if self.prev_word is not None or self.prev_word_not is not None:
            m = _PREV_WORD.search(text[max(0, pos - 30):pos])
            prev = m.group(1).lower() if m else ""
            if self.prev_word is not None and prev not in self.prev_word:
                return False
            if self.prev_word_not is not None and prev in self.prev_word_not:
                return False
        following = text[end:end + self.window]
        if self.after is not None and not self.after.match(following):
            return False
        if self.not_after is not None and self.not_after.match(following):
            return False
        if self.before is not None or self.not_before is not None:
            preceding = text[max(0, pos - self.before_window):pos]
            if self.before is not None and not self.before.search(preceding):
                return False
            if self.not_before is not None and self.not_before.search(preceding):
                return False
        if self.sentence_start is not None and starts_sentence(pos) != self.sentence_start:
            return False
        return True


def _words_of(value: str | None) -> str:
    """A group's words as negative contexts compare them: lower case, spaces collapsed."""
    return " ".join(value.lower().split()) if value else ""


@dataclass(frozen=True)
class Example:
    """A sentence a rule must read: ``find`` tagged with ``value``, or ``none`` left alone."""

    rule: str
    dct: datetime.date | None
    text: str
    find: str | None
    value: str | None
    none: str | None


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    about: str
    pattern: re.Pattern[str]
    handler: str                                  # "module.function" in timex/handlers/
    words: frozenset[str]                         # trigger words, lower case
    digits: tuple[tuple[str, str | None, str | None], ...]  # (size, after, before chars)
    forward: int | None                           # window after a trigger (None: default)
    needs: re.Pattern[str] | None                 # a window must contain this
    reject: tuple[NegativeContext, ...]
    examples: tuple[Example, ...]
    source: str = ""                              # the expanded pattern, without the guard
    at_word: bool = True                          # every match starts a word (the guard)


# A rule's match starts where a word starts unless its record says `start: anywhere`. The
# compiled pattern then begins with this guard: it changes no match, but it lets the regular
# expression engine give up at once at the many positions inside words, where it would
# otherwise try every optional prefix of the pattern (a fifth of the tagging time).
WORD_START_GUARD = r"(?<!\w)(?=\w)"


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]                       # in precedence order
    fragments: dict[str, str]

    @functools.cached_property
    def by_name(self) -> dict[str, Rule]:
        return {rule.name: rule for rule in self.rules}

    @functools.cached_property
    def order(self) -> dict[str, int]:
        return {rule.name: i for i, rule in enumerate(self.rules)}


def rules_dir(lexicon: Lexicon) -> Path:
    from generator.timex.lexicon import data_root

    return data_root() / lexicon.lang / "rules"


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise LexiconError(f"{path}: missing rule file") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None


@functools.lru_cache(maxsize=4)
def grammar(folder: Path | None = None) -> Grammar:
    """The English grammar: every rule record, compiled, in precedence order."""
    lexicon = english()
    folder = folder or rules_dir(lexicon)
    index = _load_yaml(folder / "index.yaml")
    fragments = _fragments(_load_yaml(folder / "fragments.yaml"), lexicon, folder)
    found: dict[str, Rule] = {}
    for family in index["families"]:
        path = folder / f"{family}.yaml"
        for entry in _load_yaml(path) or ():
            rule = _rule(entry, family, fragments, lexicon, path)
            if rule.name in found:
                raise LexiconError(f"{path}: rule {rule.name!r} is defined twice")
            found[rule.name] = rule
    order = list(index["precedence"])
    if sorted(order) != sorted(found) or len(set(order)) != len(order):
        missing = sorted(set(found) ^ set(order))
        raise LexiconError(f"{folder / 'index.yaml'}: precedence must list every rule once "
                           f"(check {missing})")
    return Grammar(tuple(found[name] for name in order), fragments)


def expand(template: str, fragments: dict[str, str], where: str) -> str:
    def one(m: re.Match[str]) -> str:
        try:
            return fragments[m.group(1)]
        except KeyError:
            raise LexiconError(f"{where}: no fragment {m.group(1)!r}") from None

    return _PLACEHOLDER.sub(one, template)


def _fragments(data: dict, lexicon: Lexicon, folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    where = str(folder / "fragments.yaml")
    for name, spec in data.items():
        if isinstance(spec, dict):
            out[name] = alternation(_lexicon_words(lexicon, spec["words"], where), spec["form"])
        else:
            out[name] = expand(str(spec), out, f"{where} {name}")
    return out


def _lexicon_words(lexicon: Lexicon, source: str, where: str) -> list[str]:
    sources = {
        "months.names": lambda: list(lexicon.months),
        "months.abbreviations": lambda: list(lexicon.month_abbreviations),
        "weekdays.names": lambda: list(lexicon.weekdays),
        "weekdays.abbreviations": lambda: [a.title() for a in lexicon.weekday_abbreviations],
        "holidays.names": lambda: [n for h in lexicon.holidays for n in h.names],
        "seasons": lambda: list(lexicon.seasons or {}),
        "numbers.decades": lambda: list(lexicon.decades or {}),
        "numbers.counted": lambda: list(lexicon.counted),
        "units.forms": lambda: [f for forms in (lexicon.units or {}).values() for f in forms],
        "day_parts.parts": lambda: list(lexicon.day_parts or {}),
        "units.adverbs": lambda: list(lexicon.adverbs or {}),
        "ordinals.words": lambda: list(lexicon.ordinals or {}),
        "cues.reporting_verbs": lambda: sorted(lexicon.reporting_forms()),
    }
    if source not in sources and source.startswith("cues."):
        return sorted(lexicon.words(source[len("cues."):]))  # any named list of cues.yaml
    if source not in sources:
        raise LexiconError(f"{where}: unknown word source {source!r} (one of {sorted(sources)}"
                           " or cues.LIST)")
    return sources[source]()


def _escape(word: str) -> str:
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", word)


def alternation(words: list[str], form: str) -> str:
    """A regular-expression alternation of ``words`` (see fragments.yaml for the forms)."""
    if form == "cases":
        both = {w for word in words for w in (word, word.upper())}
        return "|".join(_escape(w) for w in sorted(both, key=lambda s: (-len(s), s)))
    if form == "listed":
        return "|".join(_escape(w).replace(" ", r"\s+") for w in dict.fromkeys(words))
    if form == "longest":
        ordered = sorted(set(words), key=lambda s: (-len(s), s))
        return "|".join(_escape(w).replace(" ", r"\s+").replace("'", "['’]") for w in ordered)
    raise LexiconError(f"unknown alternation form {form!r} (cases, listed or longest)")


def _trigger_words(lexicon: Lexicon, names: list[str], where: str) -> set[str]:
    tables = {
        "months": lambda: set(lexicon.month_numbers),
        "weekdays": lambda: set(lexicon.weekday_numbers),
        "weekdays+s": lambda: {w + "s" for w in lexicon.weekday_numbers},
        "units": lambda: set(lexicon.unit_of),
        "seasons": lambda: set(lexicon.seasons or {}),
        "decades": lambda: set(lexicon.decades or {}),
        "adverbs": lambda: set(lexicon.adverbs or {}),
        "holidays": lambda: {re.match(r"[A-Za-z]+", n).group().lower()  # type: ignore[union-attr]
                             for h in lexicon.holidays for n in h.names},
    }
    out: set[str] = set()
    for name in names:
        if name not in tables:
            raise LexiconError(f"{where}: unknown trigger lexicon {name!r}")
        out |= tables[name]()
    return out


def _rule(entry: dict, family: str, fragments: dict[str, str], lexicon: Lexicon,
          path: Path) -> Rule:
    name = entry.get("name")
    where = f"{path} rule {name!r}"
    missing = [k for k in ("name", "pattern", "handler", "triggers") if k not in entry]
    if missing:
        raise LexiconError(f"{where}: missing {', '.join(missing)}")
    pattern = entry["pattern"]
    source = "".join(pattern) if isinstance(pattern, list) else str(pattern)
    flags = 0
    for flag in entry.get("flags", ()):
        flags |= _FLAGS[flag]
    start = entry.get("start", "word")
    if start not in ("word", "anywhere"):
        raise LexiconError(f"{where}: start must be word or anywhere, not {start!r}")
    expanded = expand(source, fragments, where)
    guarded = f"{WORD_START_GUARD}(?:{expanded})" if start == "word" else expanded
    try:
        compiled = re.compile(guarded, flags)
    except re.error:
        try:  # the error as in the rule's own pattern, without the guard's offsets
            re.compile(expanded, flags)
        except re.error as exc:
            raise LexiconError(f"{where}: bad pattern: {exc}") from None
        raise
    triggers = entry["triggers"]
    words = set(str(triggers.get("words", "")).split())
    words |= _trigger_words(lexicon, triggers.get("lexicon", []), where)
    digits = tuple((d["size"], d.get("after"), d.get("before")) for d in triggers.get("digits", ()))
    needs = entry.get("needs")
    return Rule(
        name=name, family=family, about=str(entry.get("about", "")).strip(), pattern=compiled,
        handler=entry["handler"], words=frozenset(words), digits=digits,
        forward=entry.get("forward"), needs=re.compile(needs) if needs else None,
        reject=tuple(_context(c, fragments, lexicon, where) for c in entry.get("reject", ())),
        examples=tuple(_example(name, e, where) for e in entry.get("examples", ())),
        source=expanded, at_word=start == "word",
    )


def _words(value: Any, lexicon: Lexicon) -> frozenset[str]:
    if isinstance(value, str) and value.startswith("@"):
        return lexicon.words(value[1:])
    return frozenset(str(v).lower() for v in value)


def _regex(value: str | None, fragments: dict[str, str], lexicon: Lexicon,
           where: str) -> re.Pattern[str] | None:
    if value is None:
        return None
    if value.startswith("@"):
        return lexicon.pattern(value[1:])
    return re.compile(expand(value, fragments, where))


def _context(data: dict, fragments: dict[str, str], lexicon: Lexicon,
             where: str) -> NegativeContext:
    known = set(NegativeContext.__dataclass_fields__)
    unknown = set(data) - known
    if unknown or "why" not in data:
        raise LexiconError(f"{where}: a negative context needs `why` and only "
                           f"{sorted(known - {'why'})} (got {sorted(unknown)})")

    def pairs(key: str, convert) -> tuple:
        return tuple((g, convert(v)) for g, v in (data.get(key) or {}).items())

    return NegativeContext(
        why=data["why"], has=tuple(data.get("has", ())), unless=tuple(data.get("unless", ())),
        group=pairs("group", lambda v: _words(v, lexicon)),
        group_not=pairs("group_not", lambda v: _words(v, lexicon)),
        matches=pairs("matches", re.compile), not_matches=pairs("not_matches", re.compile),
        prev_word=_words(data["prev_word"], lexicon) if "prev_word" in data else None,
        prev_word_not=_words(data["prev_word_not"], lexicon) if "prev_word_not" in data else None,
        at=data.get("at"),
        after=_regex(data.get("after"), fragments, lexicon, where),
        not_after=_regex(data.get("not_after"), fragments, lexicon, where),
        window=int(data.get("window", 25)),
        before=_regex(data.get("before"), fragments, lexicon, where),
        not_before=_regex(data.get("not_before"), fragments, lexicon, where),
        before_window=int(data.get("before_window", 40)),
        sentence_start=data.get("sentence_start"),
    )


def _example(rule: str, data: dict, where: str) -> Example:
    dct = data.get("dct")
    if isinstance(dct, str):
        dct = datetime.date.fromisoformat(dct)
    if ("find" in data) == ("none" in data) or ("find" in data and "value" not in data):
        raise LexiconError(f"{where}: an example has `find` and `value`, or `none`")
    text = data.get("text")
    for key in ("find", "none"):
        if key in data and str(data[key]) not in str(text):
            raise LexiconError(f"{where}: example {key} {data[key]!r} is not in {text!r}")
    return Example(rule, dct, str(text), _str(data.get("find")), _str(data.get("value")),
                   _str(data.get("none")))


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
