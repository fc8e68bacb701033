"""Content words of an event sentence: what the merge step compares.

A sentence becomes a small bag of stems: lowercase letters only, stop words and date words
dropped, a light suffix-stripping stemmer, and a few synonyms folded onto one concept
("truce" = "ceasefire", "ouster" = "overthrow" = "fall"), so that two newsrooms wording the
same happening differently still share key words. The date phrase itself is cut out first:
"last Saturday" and "19 July" must not decide whether two events are alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Collection, Sequence

import yaml

from ..model import Event
from ..slugs import slugify
from ..timex.lexicon import english

_LEXICON = english()  # month, weekday and season names, irregular verbs: the tagger's own

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A number in the prose ("more than 1,000 people", "1 000 morts"): the same figure in two
# tellings, in any language, is evidence. Years are left out (they date, not describe).
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?![\w,.]\d)|(?<![\w.,])\d+(?![\w]|[.,]\d)")
YEARS = range(1800, 2101)

STOP_WORDS = frozenset("""
a about above after again against ago all almost along already also although am among an
and another any anyone anything are around as at away back be became because become been
before being below beside besides between both but by can cannot could did do does doing
done down during each either else enough even ever every few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself
just least less many may me might more most much must my myself neither never no nor not
now of off often on once one only onto or other others otherwise our ours ourselves out over
own per perhaps quite rather really same several she should since so some still such than
that the their theirs them themselves then there these they this those though through thus
to together too toward towards under until up upon us very via was we well were what
whatever when whenever where whether which while who whom whose why will with within
without would yet you your yours yourself near amid across including following despite
said say says saying told tell tells according added adding stated statement reported
reportedly claimed claims noted officials official spokesperson spokesman spokeswoman
mr mrs ms dr news agency sources source people
today yesterday tomorrow tonight morning afternoon evening night day days week weeks weekend
month months year years decade decades century centuries time times date dates early late
earlier later last next previous past recent recently current currently upcoming coming
first second third fourth fifth half quarter two three four five six seven eight nine ten
""".split()) | frozenset(_LEXICON.month_numbers) | frozenset(_LEXICON.weekday_numbers) \
    | frozenset(_LEXICON.weekday_abbreviations) | (frozenset(_LEXICON.seasons or {}) - {"fall"})
# ("fall" is a season but also "the fall of a government")

# Forms the suffix stripper cannot reach: the irregular verbs of the tagger's lexicon
# (generator/data/timex/en/verbs.yaml), then words for one happening and British spellings.
FOLDS = {
    "slain": "kill", "dead": "kill", "death": "kill", "deaths": "kill", "died": "kill",
    "die": "kill", "dies": "kill", "dying": "kill", "killing": "kill", "killings": "kill",
    "defence": "defense", "offence": "offense", "defences": "defense", "offences": "offense",
    "licence": "license", "pretence": "pretense",
}
IRREGULAR = {**_LEXICON.verb_bases, **FOLDS}
# British -our and -ise spellings meet the American ones ("armour", "organised").
BRITISH_OUR_RE = re.compile(r"(?<=[a-z]{3})our(s|ed|ing)?$")
BRITISH_ISE_RE = re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$")

# Words that name the same kind of happening; each group folds onto its first word. Groups
# are kept tight: a wire editor would call any two words of one group the same happening
# when the actors and the day agree, and would not for words of two different groups.
CONCEPT_GROUPS = (
    ("ceasefire", "truce", "armistice", "cease-fire"),
    # the end of a ruler or government (and the taking of the capital that ends it)
    ("overthrow", "ouster", "oust", "topple", "downfall", "fall", "overthrew", "collapse",
     "flee", "fled", "depose", "unseat"),
    ("clash", "fighting", "fight", "battle", "skirmish", "hostility", "violence", "unrest"),
    # violence breaking out (not "begin": a ceasefire also begins)
    ("erupt", "eruption", "outbreak", "flare", "flareup"),
    ("attack", "assault", "raid", "bombing", "bombardment", "bombard", "shelling",
     "airstrike", "strike", "bomb", "hit"),
    ("kill",),
    ("meet", "meeting", "talk", "negotiation", "negotiate", "host", "receive", "visit",
     "summit"),
    ("agreement", "deal", "accord", "pact", "treaty", "memorandum", "sign", "signing"),
    ("election", "vote", "ballot", "poll", "elect"),
    ("resign", "resignation", "quit"),
    ("arrest", "detain", "detention", "custody"),
    ("protest", "demonstration", "demonstrator", "protester", "protestor", "rally"),
    ("capture", "seize", "seizure"),
    ("withdraw", "withdrawal", "pullout", "retreat"),
    ("begin", "start", "commence", "effect"),  # "took effect", "came into effect"
    ("annex", "annexation"),
    ("request", "ask", "appeal", "seek", "sought", "plea"),
    ("support", "assistance", "aid", "help"),
    ("invade", "invasion", "incursion"),
    ("dissolve", "dissolution", "disband", "disbandment"),
    ("announce", "announcement", "declare", "declaration", "proclaim"),
)
# Two-word verbs that name a happening: (stem of the verb, next word) -> a concept.
PHRASES = {
    ("break", "out"): "erupt",
    ("flare", "up"): "erupt",
    ("bring", "down"): "overthrow",
    ("take", "control"): "overthrow",
    ("seize", "control"): "overthrow",
    ("step", "down"): "resign",
}
# Concepts that say *what happened* (not a speech act, not a phase, not a consequence):
# two tellings of one day that share one of these, and a salient actor, are one happening.
HAPPENINGS = frozenset({
    "ceasefire", "overthrow", "clash", "erupt", "attack", "meet", "agreement", "election",
    "resign", "arrest", "protest", "capture", "withdraw", "annex", "request", "invade",
    "dissolve", "coup", "assassinat", "referendum", "inaugurat", "independenc",
})


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A deliberately light stemmer: enough to match 'agreed'/'agreement'/'agrees'."""
    return _suffix_stem(IRREGULAR.get(word, word))


def _suffix_stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ment"):
        w = w[:-4]
    elif len(w) > 5 and w.endswith(("tion", "sion")):
        w = w[:-3]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # "running" -> "run"
    elif len(w) > 4 and w.endswith("eed"):
        w = w[:-1]  # "agreed" -> "agree"
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # "stopped" -> "stop"
    elif len(w) > 4 and w.endswith("ly"):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _concepts() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in CONCEPT_GROUPS:
        for word in group:
            for form in (word, word.replace("-", "")):
                table[stem(form)] = group[0]
    return table


CONCEPTS = _concepts()
PHRASE_KEYS = {(stem(verb), particle): concept for (verb, particle), concept in PHRASES.items()}
PHRASE_VERBS = frozenset(verb for verb, _ in PHRASE_KEYS)
# Words of stop words after stemming ("follows" -> "follow"), dropped too. Stop words
# themselves never reach the stemmer, so their irregular forms are not followed ("done"
# keeps "don", as in "don't").
STOP_STEMS = frozenset(_suffix_stem(w) for w in STOP_WORDS)
# One-off happenings: for given actors, a ceasefire or an ouster on a date is one event,
# so one of these words next to the date phrase in both sentences says "same happening".
ONE_OFF = frozenset({"ceasefire", "overthrow", "invade", "resign", "election", "annex",
                     "coup", "assassinat", "referendum", "inaugurat", "independenc"})


def _plain(raw: str) -> str:
    word = strip_accents(raw.lower()).replace("’", "'")
    return word.replace("-", "")  # "cease-fire" -> "ceasefire"


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, dict[str, str]], dict[str, frozenset[str]]]:
    """generator/data/happenings.yaml: per language, (word stem -> the English key it
    means) and its stop words."""
    data = yaml.safe_load(resources.files("generator").joinpath("data", "happenings.yaml")
                          .read_text(encoding="utf-8"))
    meanings: dict[str, dict[str, str]] = {}
    for section in ("happenings", "words"):
        for concept, by_language in data[section].items():
            key = normalise_word(concept)
            for language, words in by_language.items():
                table = meanings.setdefault(language, {})
                for word in words:
                    table[stem(_plain(word))] = key  # type: ignore[assignment]
    stops = {language: frozenset(_plain(w).split("'")[-1] for w in words)
             for language, words in data["stop_words"].items()}
    return meanings, stops


def _foreign_key(raw: str, language: str) -> str | None:
    """The comparable key of a word of another language: its English meaning when the
    lexicon has it, else its plain stem (names and numbers read alike), or None for its
    stop words. Elided articles go ("l'émissaire" -> "émissaire")."""
    meanings, stops = lexicon()
    word = _plain(raw).split("'")[-1]
    if len(word) < 2 or word in stops.get(language, ()):
        return None
    stemmed = stem(word)
    return meanings.get(language, {}).get(stemmed) or _stem_key(word)


def _stem_key(raw: str) -> str | None:
    """The stem of one word before synonyms are folded, or None for stop words and noise."""
    word = strip_accents(raw.lower()).replace("’", "'")
    word = word.split("'")[0]  # "Assad's" -> "assad"
    word = word.replace("-", "")  # "cease-fire" -> "ceasefire"
    if len(word) < 2 or word in STOP_WORDS:
        return None
    word = BRITISH_ISE_RE.sub(r"iz\1", BRITISH_OUR_RE.sub(r"or\1", word))
    stemmed = stem(word)
    if stemmed in STOP_STEMS:
        return None
    return stemmed


def normalise_word(raw: str) -> str | None:
    """The comparable key of one word, or None for stop words and noise."""
    stemmed = _stem_key(raw)
    return None if stemmed is None else CONCEPTS.get(stemmed, stemmed)


def sentence_parts(event: Event) -> tuple[str, str]:
    """The sentence text before and after the event's date phrase."""
    sentence = event.sentence
    start = max(0, event.timex.start - sentence.start)
    end = max(start, event.timex.end - sentence.start)
    text = sentence.text
    if not 0 <= start <= len(text):
        return text, ""
    return text[:start], text[end:]


def _content_words(text: str, offset: int, skip_spans: Sequence[tuple[int, int]],
                   skip_words: Collection[str],
                   stems: dict[str, str | None] | None = None, language: str = "en") -> list[str]:
    """Content words of text (which starts at `offset` in the plain text); a two-word verb
    ("broke out", "took control") becomes its concept. `stems` memoises _stem_key across
    calls (a corpus repeats its words). In another `language` than English, words the
    lexicon knows take their English key ("cessez-le-feu" is "ceasefire")."""
    foreign = language.split("-")[0].lower() not in ("en", "")
    out = []
    matches = list(WORD_RE.finditer(text))
    skip_next = False
    for i, match in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        if skip_spans:
            start, end = match.start() + offset, match.end() + offset
            if any(s < end and start < e for s, e in skip_spans):
                continue
        raw = match.group()
        if foreign:
            memo = f"{language}\0{raw}"
            if stems is not None and memo in stems:
                stemmed = stems[memo]
            else:
                stemmed = _foreign_key(raw, language.split("-")[0].lower())
                if stems is not None:
                    stems[memo] = stemmed
        elif stems is None:
            stemmed = _stem_key(raw)
        else:
            if raw in stems:
                stemmed = stems[raw]
            else:
                stemmed = stems[raw] = _stem_key(raw)
        if stemmed is None:
            continue
        phrase = None
        if stemmed in PHRASE_VERBS and i + 1 < len(matches):
            phrase = PHRASE_KEYS.get((stemmed, matches[i + 1].group().lower()))
        skip_next = phrase is not None
        word = phrase or CONCEPTS.get(stemmed, stemmed)
        if word and word not in skip_words:
            out.append(word)
    return out


def weighted_terms(event: Event, skip_spans: Sequence[tuple[int, int]] = (),
                   skip_words: Collection[str] = (), near: int = 5,
                   near_boost: float = 1.5) -> tuple[dict[str, float], frozenset[str]]:
    """Content words of the event sentence (word -> weight) and the words near its date.

    Actor names are left out (`skip_spans`: their mentions, in plain-text offsets;
    `skip_words`: the words of the event's actors' names): actors are compared on their
    own, and two sentences naming the same two countries are not yet the same happening.
    The `near` words on each side of the date phrase usually say what happened on that
    date ("the ouster of the former leader on 8 December"), the rest of a long sentence
    often does not: they weigh `near_boost` times more and are also returned apart.
    """
    terms, near_words, _ = date_context(event, skip_spans, skip_words, near, near_boost)
    return terms, near_words


def date_context(event: Event, skip_spans: Sequence[tuple[int, int]] = (),
                 skip_words: Collection[str] = (), near: int = 5, near_boost: float = 1.5,
                 happening_window: int = 8, stems: dict[str, str | None] | None = None,
                 language: str = "en",
                 ) -> tuple[dict[str, float], frozenset[str], frozenset[str]]:
    """`weighted_terms` plus the happenings (HAPPENINGS concepts) named within
    `happening_window` distinct content words of the date phrase: what the date says happened
    ("signed a memorandum of understanding on military training in Ankara on Wednesday").
    `stems`: a dict to memoise word stems in, shared by the calls of one build."""
    sentence = event.sentence
    cut = min(max(0, event.timex.start - sentence.start), len(sentence.text))
    resume = min(max(cut, event.timex.end - sentence.start), len(sentence.text))
    before = _content_words(sentence.text[:cut], sentence.start, skip_spans, skip_words, stems,
                            language)
    after = _content_words(sentence.text[resume:], sentence.start + resume, skip_spans,
                           skip_words, stems, language)
    terms: dict[str, float] = {}
    near_from, near_to = len(before) - near, len(before) + near
    for i, word in enumerate(before + after):
        weight = near_boost if near_from <= i < near_to else 1.0
        if terms.get(word, 0.0) < weight:
            terms[word] = weight
    for number in numbers(sentence.text[:cut]) + numbers(sentence.text[resume:]):
        terms.setdefault(number, 1.0)
    around = _nearest(before[::-1], happening_window) + _nearest(after, happening_window)
    return (terms, frozenset(before[max(0, near_from):] + after[:near]),
            frozenset(around) & HAPPENINGS)


def _nearest(words: Sequence[str], count: int) -> list[str]:
    """The first `count` distinct words: a word said twice ("la Défense ... de défense")
    does not push the verb out of the window."""
    out: list[str] = []
    for word in words:
        if word not in out:
            out.append(word)
            if len(out) == count:
                break
    return out


def numbers(text: str) -> list[str]:
    """Figures of a text as keys ("#1000" for "1,000", "1 000" or "1.000"), years and
    single digits left out."""
    out = []
    for match in NUMBER_RE.finditer(text):
        value = int(re.sub(r"\D", "", match.group()))
        if value >= 10 and value not in YEARS:
            out.append(f"#{value}")
    return out


def name_words(*names: str) -> frozenset[str]:
    """The comparable words of actor names and aliases ("Türkiye", "Turkish")."""
    return frozenset(w for name in names for w in
                     (normalise_word(m.group()) for m in WORD_RE.finditer(name)) if w)


def id_words(text: str, limit: int = 3) -> list[str]:
    """A few plain key words of a sentence for a readable, URL-safe event id; words of
    other scripts are transliterated ("перемирие" -> "peremirie"), as slugs are."""
    out: list[str] = []
    for match in WORD_RE.finditer(text):
        raw = strip_accents(match.group().lower()).replace("’", "'").split("'")[0]
        word = slugify(raw).replace("-", "")
        if len(word) < 3 or word in STOP_WORDS or word in out:
            continue
        out.append(word)
        if len(out) == limit:
            break
    return out
