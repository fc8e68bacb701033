"""Context rules: when a matched name really names an actor.

Precision beats recall. A capital is its country only where it acts ("Ankara said",
"Ankara's offer", "support to Damascus", "the Damascus government", "between Ankara and
Damascus"), never where it is a place ("in the capital, Ankara", "near Athens").
"""

from __future__ import annotations

import re
from importlib import resources
from dataclasses import dataclass

import yaml

from ..timex.lexicon import english


def _acting_verbs() -> frozenset[str]:
    """Verbs (and auxiliaries) whose subject is an actor: "Ankara said", "Tel Aviv claimed".
    The list is generator/data/acting_verbs.yaml; the tagger's verb lexicon inflects it."""
    text = resources.files("generator").joinpath("data/acting_verbs.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    lexicon = english()
    forms = {form for verb in data["verbs"] for form in lexicon.inflect(verb)}
    return frozenset(forms | set(data["base_forms"]) | set(data["auxiliaries"]))


ACTING_VERBS = _acting_verbs()
# Verbs that can be the "is"/"was" of a place: after them we want a participle instead.
_WEAK = frozenset({"is", "was"})
ADVERBS = frozenset("also still now already not never then too again reportedly "
                    "officially publicly repeatedly quickly firmly".split())
GOVERNMENT_NOUNS = frozenset("government administration regime authorities leadership "
                             "officials cabinet establishment".split())
# "support to Damascus" acts; "travel to Damascus" is a place.
TOWARD_NOUNS = frozenset("""
support assistance aid help partner partners ally allies backer message messages letter
threat threats warning warnings challenge proposal proposals offer offers request
response reply appeal appeals allegiance ultimatum concessions weapons arms guarantees
assurances loyalty loyal close closer opposition overture overtures demand demands
""".split())
ACTOR_PREPOSITIONS = frozenset({"with", "against", "between", "toward", "towards"})
COMPOUND_SUFFIX = re.compile(r"-(?:backed|led|brokered|sponsored|supported|allied|aligned|"
                             r"funded|armed|controlled|friendly)\b", re.IGNORECASE)
POSSESSIVE = re.compile(r"'s\b|'(?=\s)")
NEXT_WORDS = re.compile(r"[ \t]*(?:\n[ \t]*)?([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")
WHICH_CLAUSE = re.compile(r",[ \t]+which[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?")
_SENTENCE_BREAK = set(".!?:;|\n")
_OPENERS = set(" \t\"'([“‘«-")


def next_words(folded: str, end: int) -> tuple[str, str]:
    m = NEXT_WORDS.match(folded, end)
    if not m:
        return "", ""
    return m.group(1).lower(), (m.group(2) or "").lower()


def previous_words(folded: str, start: int) -> tuple[str, str]:
    """The two words before ``start`` (nearest last), if nothing but spaces separates them."""
    chunk = folded[max(0, start - 40):start]
    if not chunk.endswith((" ", "\t")):
        return "", ""
    words = chunk.split()
    if not words or not words[-1].isalpha():
        return "", ""
    before = words[-2] if len(words) > 1 and words[-2].isalpha() and len(words[-2]) < 40 else ""
    return before.lower(), words[-1].lower()


LOCATIVE = frozenset("in near at from outside around into across over of to inside within "
                     "throughout through off".split())


def acts_after(folded: str, end: int, start: int | None = None) -> bool:
    """What follows makes the name a subject or an owner: "Ankara said", "Ankara's".
    With ``start``, any past-tense verb counts ("Moscow vetoed") unless a place
    preposition precedes ("a blast in Ankara killed ...")."""
    if POSSESSIVE.match(folded, end) or COMPOUND_SUFFIX.match(folded, end):
        return True
    which = WHICH_CLAUSE.match(folded, end)
    if which and which.group(1) in ACTING_VERBS - _WEAK:
        return True
    if end < len(folded) and folded[end] not in " \t":
        return False
    first, second = next_words(folded, end)
    if first in GOVERNMENT_NOUNS:
        return True
    if start is not None and len(first) >= 5 and first.endswith("ed") and folded[end:end + 1] == " ":
        return previous_words(folded, start)[1] not in LOCATIVE
    if first in ACTING_VERBS - _WEAK:
        return True
    if first in _WEAK:  # "Ankara is determined" acts; "Damascus is a city" does not
        return second.endswith("ed") or second in {"ready", "willing", "determined", "seeking"}
    return first in ADVERBS and second in ACTING_VERBS


def acts_before(folded: str, start: int) -> bool:
    """What precedes makes the name a party: "with Ankara", "support to Damascus"."""
    if start > 0 and folded[start - 1] not in " \t":
        return False
    word_before, word = previous_words(folded, start)
    if word in ACTOR_PREPOSITIONS:
        return True
    if word == "to":
        return word_before in TOWARD_NOUNS
    return word == "by" and word_before.endswith("ed")  # "backed by Ankara"


def is_sentence_start(text: str, pos: int) -> bool:
    """Nothing but openers (quotes, brackets, spaces) between ``pos`` and a sentence break."""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_BREAK or text[i] in "”\"'’" and i > 0 and text[i - 1] in ".!?"


def hyphen_prefixed(folded: str, start: int) -> bool:
    """"post-Assad", "anti-Turkish": a prefix word, not the actor itself."""
    if start < 2 or folded[start - 1] != "-":
        return False
    i = start - 1
    while i > 0 and folded[i - 1].isalpha():
        i -= 1
    prefix = folded[i:start - 1]
    return bool(prefix) and prefix.islower()


def in_capital_line(text: str, start: int, end: int) -> bool:
    """The name sits in an all-capital line (a shouted headline), where "IS" is just "is"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def language_use(folded: str, start: int, end: int) -> bool:
    """"written in Turkish." / "in Arabic and English": a language, not the country."""
    _, word = previous_words(folded, start)
    if word != "in":
        return False
    rest = folded[end:end + 5]
    return not rest or rest[0] in ".,;:)\n" or rest.startswith(" and ") or rest.startswith(" or ")


def inside_longer_name(text: str, start: int, end: int, common_words: frozenset[str]) -> bool:
    """"Michael Jordan", "Jordan Peterson": a capitalised neighbour makes it a name."""
    before = re.search(r"([A-Z][a-z]+)[ \t]+$", text[max(0, start - 30):start])
    after = re.match(r"[ \t]+([A-Z][a-z]+)", text[end:end + 30])
    return any(m is not None and m.group(1).lower() not in common_words for m in (before, after))


@dataclass(frozen=True)
class UseWords:
    """generator/data/actor_context.yaml: when a named country acts, or is only the place."""

    locatives: frozenset[str] = frozenset()  # one or two words: "in", "parts of"
    compass: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()


def load_use_words(data: dict) -> UseWords:
    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name) or ())
    return UseWords(words("locatives"), words("compass"), words("state_nouns"))


_WORD = re.compile(r"[a-z][a-z-]*")
_NEXT_TWO = re.compile(r"[ \t]+([A-Za-z][A-Za-z-]*)(?:'s)?(?:[ \t]+([A-Za-z][A-Za-z-]*))?")


def only_place(folded: str, start: int, words: UseWords) -> bool:
    """"in Syria", "across northern Syria", "northern Syria", "parts of Syria": the name
    says where something happened, not who did it."""
    before = folded[max(0, start - 60):start]
    if not before.endswith((" ", "\t")):
        return False
    tokens = before.lower().split()
    i = len(tokens)
    while i and tokens[i - 1] == "the":
        i -= 1
    if i and tokens[i - 1] in words.compass:
        return True
    if i and _WORD.fullmatch(tokens[i - 1]) and tokens[i - 1] in words.locatives:
        return True
    return i >= 2 and " ".join(tokens[i - 2:i]) in words.locatives


def demonym_acts(folded: str, end: int, words: UseWords) -> bool:
    """"Turkish officials", "the Syrian interim government": the state acts; "Palestinian
    refugees", "Turkish firms" or the word alone name a people or a trait."""
    m = _NEXT_TWO.match(folded, end)
    return m is not None and any((w or "").lower() in words.state_nouns for w in m.groups())
