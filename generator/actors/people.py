"""People: found by a title or role ("Foreign Minister Hakan Fidan", "Omer Celik,
spokesperson for ..."), then by surname alone later in the same article ("Fidan said").

All patterns run on folded text (see fold.py), so "[A-Z]" also covers "Ö", "Ş", "İ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .entries import PERSON_PREFIX, SURNAME_PREFIX
from .fold import fold_key, name_key
from .names import leading_roles, person_name_problem
from .registry import ActorRegistry
from .trie import trie_pattern
from ..timex.lexicon import english

_ARABIC_PREFIX = r"(?:(?:al|el|Al|El|ad|ash|as|at|an|Abd|abu|Abu)-)"
# One capitalised name word: "Recep", "al-Sharaa", "O'Brien", "Abdel-Fattah", "J."
# An inner capital after one to three letters is one word ("McCain", "MacArthur", "DeLay"),
# not a name cut at "Mc"; a word never ends just before another letter.
NAME_WORD = (_ARABIC_PREFIX + r"?[A-Z](?:(?:[a-z]{1,3}(?=[A-Z][a-z])|'(?=[A-Z][a-z]))?(?:[A-Z]?[a-z]+)"
             r"(?:[-'][A-Z][a-z]+)*(?![A-Za-z])"
             r"|[A-Z]{1,3}\b|\.)")
PARTICLE = r"(?:al|el|bin|ibn|bint|ben|von|van|der|den|de|del|della|di|da|dos|du|la|le|ter)"
_NAME_BODY = NAME_WORD + r"(?:[ \t]+(?:" + PARTICLE + r"[ \t]+)*" + NAME_WORD + r"){0,4}"
NAME = re.compile(_NAME_BODY)
PARTICLE_RE = re.compile(PARTICLE)
NAME_WORDS = re.compile(r"\S+")
# "envoy to Syria Tom Barrack", "Minister of Energy, Jurabek ...": a place between title and name.
TITLE_COMPLEMENT = re.compile(r"[ \t]+(?:to|for|of|at|in)[ \t]+(?:the[ \t]+)?(?:[A-Z][a-z]+,?[ \t]+){1,2}?(?=[A-Z])")
# "Omer Celik, spokesperson for ...": searched backwards from each title.
APPOSITIVE = re.compile(r"(?<![\w'-])(" + NAME_WORD + r"(?:[ \t]+(?:" + PARTICLE + r"[ \t]+)*" + NAME_WORD
                        + r"){1,4}),[ \t]+(?:(?:the|a|an|former|acting|interim|deputy|senior|top|"
                        r"then|current|new|chief|party|government|military)[ \t]+)*$")
# "Guler said": a lone capitalised word reporting speech is probably a surname. The verbs
# are rare, so they are found first and the word before them checked. They are the
# tagger's verbs of saying (generator/data/timex/en/cues.yaml), inflected by its lexicon.
REPORTING_VERB = re.compile(r"[ \t](?:" + "|".join(
    sorted(english().reporting_forms(), key=lambda f: (-len(f), f))) + r")\b")
REPORTER = re.compile(r"(?:^|(?<=[^\w'-]))(" + _ARABIC_PREFIX + r"?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]*$")
_ROMAN = re.compile(r"^(?:II|III|IV|VI|Jr\.?|Sr\.?)$")


@dataclass(frozen=True)
class Found:
    """A span of the text that names an actor (offsets into the text)."""

    start: int
    end: int
    key: str
    role: str = "name"
    source: str = "alias"  # "alias" | "title" | "surname" | "reporting" | "candidate"
    info: object = None  # the AliasInfo of alias matches
    use: str = "actor"  # "actor" | "place" | "mention": see model.Mention


def _name_words(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in NAME_WORDS.finditer(folded[start:end])]


def _is_plain_word(word: str, registry: ActorRegistry) -> bool:
    """A word that cannot be part of a person's name here."""
    key = fold_key(word)
    if key in registry.common_words or registry.title_pattern.fullmatch(key):
        return True
    info = registry.lookup(word)
    return info is not None and registry.entries[info.key].kind != "person"


def clean_name(folded: str, start: int, end: int, registry: ActorRegistry) -> tuple[int, int] | None:
    """Trim a name span to its name words: no common words, titles or other actors' names."""
    words = _name_words(folded, start, end)
    while words and _is_plain_word(folded[words[-1][0]:words[-1][1]], registry):
        words.pop()
    if not words:
        return None
    for s, e in words:
        word = folded[s:e]
        particle = PARTICLE_RE.fullmatch(word) is not None
        if not particle and not _ROMAN.match(word) and (_is_plain_word(word, registry) or word.isupper() and len(word) > 1):
            return None
    if PARTICLE_RE.fullmatch(folded[words[0][0]:words[0][1]]):
        return None
    return words[0][0], words[-1][1]


def person_key(name: str, registry: ActorRegistry) -> str | None:
    """The key of a person's full name: the known person it names, else a new person."""
    folded = fold_key(name)
    if folded in registry.ignored:
        return None
    info = registry.names.get(folded)
    if info is not None:
        return info.key if registry.entries[info.key].kind == "person" else None
    return PERSON_PREFIX + name_key(name)


def name_span(folded: str, start: int, end: int, registry: ActorRegistry, titled: bool) -> tuple[int, int] | None:
    """The person's name in a capitalised run: cleaned (clean_name), leading role words
    dropped, and only when the run is a person's name at all (names.py)."""
    span = clean_name(folded, start, end, registry)
    if span is None:
        return None
    words = _name_words(folded, *span)
    lists = registry.name_words
    words = words[leading_roles([folded[s:e] for s, e in words], lists):]
    if not words or person_name_problem([folded[s:e] for s, e in words], titled, lists):
        return None
    return words[0][0], words[-1][1]


def _person_at(folded: str, lowered: str, pos: int, registry: ActorRegistry, source: str) -> Found | None:
    if registry.title_pattern.match(lowered, pos):  # "spokesperson Brig. Adm. X": the next title leads
        return None
    match = NAME.match(folded, pos)
    if not match:
        return None
    span = name_span(folded, match.start(), match.end(), registry, titled=True)
    if span is None:
        return None
    words = _name_words(folded, *span)
    if len(words) == 1:
        word = folded[span[0]:span[1]]
        if registry.lookup(word) is not None or len(word) < 3 or word.endswith("."):
            return None
        return Found(span[0], span[1], SURNAME_PREFIX + fold_key(word), source=source)
    key = person_key(folded[span[0]:span[1]], registry)
    return Found(span[0], span[1], key, source=source) if key else None


def _complement_names_a_place(folded: str, complement: re.Match[str], registry: ActorRegistry) -> bool:
    """"envoy to Syria Tom Barrack", "Minister of Energy, Jurabek ...": the words between
    title and name are a known place or end in a comma. "professor at Johns Hopkins
    University" has neither: "Hopkins University" is no name after a title."""
    words = complement.group().strip()
    if words.endswith(","):
        return True
    tail = re.sub(r"^(?:to|for|of|at|in)[ \t]+(?:the[ \t]+)?", "", words)
    portfolio = all(fold_key(w) in registry.name_words.portfolios for w in tail.split())
    return portfolio or registry.lookup(tail) is not None


def titled_people(folded: str, lowered: str, registry: ActorRegistry) -> list[Found]:
    """Names right after a title ("President Recep Tayyip Erdoğan") or before one
    ("Omer Celik, spokesperson for ..."). ``lowered`` is ``folded.lower()``."""
    found: list[Found] = []
    for title in registry.title_pattern.finditer(lowered):
        end = title.end()
        if folded[end:end + 1] in (" ", "\t"):
            person = _person_at(folded, lowered, end + 1, registry, "title")
            if person is None:
                complement = TITLE_COMPLEMENT.match(folded, end)
                if complement and _complement_names_a_place(folded, complement, registry):
                    person = _person_at(folded, lowered, complement.end(), registry, "title")
            if person is not None:
                found.append(person)
        before = APPOSITIVE.search(folded, max(0, title.start() - 100), title.start())
        if before:
            span = name_span(folded, before.start(1), before.end(1), registry, titled=True)
            if span and len(_name_words(folded, *span)) >= 2:
                key = person_key(folded[span[0]:span[1]], registry)
                if key:
                    found.append(Found(span[0], span[1], key, source="title"))
    return found


def reporting_surnames(folded: str, registry: ActorRegistry) -> list[Found]:
    """"Guler said" with no introduction in this article: resolved across the corpus."""
    found = []
    for verb in REPORTING_VERB.finditer(folded):
        window_start = max(0, verb.start() - 40)
        match = REPORTER.search(folded[window_start:verb.start()])
        if match is None:
            continue
        word = match.group(1)
        if not _is_plain_word(word, registry) and registry.lookup(word) is None:
            start = window_start + match.start(1)
            found.append(Found(start, start + len(word), SURNAME_PREFIX + fold_key(word), source="reporting"))
    return found


def surname_forms(full_name: str) -> list[str]:
    """"Ahmed al-Sharaa" -> ["al-Sharaa", "Sharaa"]; "Ursula von der Leyen" -> ["von der Leyen", "Leyen"]."""
    words = fold_key(full_name).split()
    if len(words) < 2:
        return []
    last = words[-1]
    forms = [last]
    if "-" in last and re.fullmatch(_ARABIC_PREFIX, last.split("-", 1)[0] + "-", re.IGNORECASE):
        forms.append(last.split("-", 1)[1])
    i = len(words) - 1
    while i > 1 and PARTICLE_RE.fullmatch(words[i - 1]):
        i -= 1
    if i < len(words) - 1:
        forms.insert(0, " ".join(words[i:]))
    return forms


@lru_cache(maxsize=1024)
def surname_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + trie_pattern(forms) + r")(?![\w])", re.IGNORECASE)
