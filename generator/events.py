"""Dated sentences become events: one per sentence, dated by its most specific date.

Rules (word lists in generator/data/events.yaml):
- an event's actors are the actors its sentence names acting (a country named as the place,
  "in Syria", is its place; a demonym alone names no actor); the front matter's `actors:`
  join only a sentence that names no person, group or organisation of its own;
- the same sentence twice in one article is one telling (the first);
- a sentence that opens with a pronoun ("He said...") and names no actor takes the actors
  of the sentence before it; its text is unchanged;
- a sentence is *scheduled* when its date starts after the article's publication date, or
  it says the happening is planned or due ("will", "is due to", "deadline") and its date
  is not the date of a saying ("..., Fidan said Monday"): shown so, and never an actor's
  latest event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Sequence, TypeVar

import yaml

from .model import Event, Mention, Sentence, TimeExpr
from .timex.lexicon import english

T = TypeVar("T", TimeExpr, Mention)

SPACES_RE = re.compile(r"\s+")
FIRST_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def word_lists() -> tuple[dict[str, re.Pattern[str]], dict[str, frozenset[str]], dict[str, re.Pattern[str]]]:
    """(language -> pattern of scheduled words, language -> pronouns, language -> a speech
    verb ending the text before a date phrase)."""
    data = yaml.safe_load(resources.files("generator").joinpath("data", "events.yaml")
                          .read_text(encoding="utf-8"))
    scheduled = {lang: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
                                  + r")(?!\w)", re.IGNORECASE)
                 for lang, words in data["scheduled"].items()}
    pronouns = {lang: frozenset(str(w).casefold() for w in words) for lang, words in data["pronouns"].items()}
    speech_words = {"en": english().reporting_forms(), **data["speech"]}
    speech = {lang: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
                               + r")\s+(?:\w+\s+)?$", re.IGNORECASE)
              for lang, words in speech_words.items()}
    return scheduled, pronouns, speech


def is_scheduled(sentence: str, timex: TimeExpr, dct: date | None, lang: str = "en",
                 sentence_start: int = 0) -> bool:
    """Told as planned or due: a date after the publication day, or a word that says so."""
    if dct is not None and timex.time.start is not None and timex.time.start > dct:
        return True
    patterns, _, speech = word_lists()
    language = lang.split("-")[0].lower()
    pattern = patterns.get(language) or patterns["en"]
    said = speech.get(language) or speech["en"]
    if said.search(sentence[:max(0, timex.start - sentence_start)]):
        return False  # the date is the saying's: "will help ..., Fidan said Monday"
    return bool(pattern.search(sentence))


def extract_events(article_slug: str, sentences: tuple[Sentence, ...],
                   timexes: tuple[TimeExpr, ...], mentions: tuple[Mention, ...],
                   article_actors: tuple[str, ...] = (), dct: date | None = None,
                   lang: str = "en", backdrop: frozenset[str] = frozenset()) -> tuple[Event, ...]:
    """An Event for every non-cruft sentence holding an anchored DATE/TIME expression.

    Durations, sets and vague references ("recently") never date an event; of several
    dates in a sentence the finest wins, the first of equals. `article_actors` (declared in
    front matter) join an event whose sentence names no actor of its own beyond the
    `backdrop` (countries and places, which set the scene more than they act). `dct` is the publication date, `lang` the
    article's language (see the module docstring).
    """
    _, pronouns, _ = word_lists()
    opening = pronouns.get(lang.split("-")[0].lower(), pronouns["en"])
    events: list[Event] = []
    timexes_within, mentions_within = _Within(timexes), _Within(mentions)
    seen: set[str] = set()
    previous_named: list[str] = []
    for sentence in sentences:
        if sentence.cruft:
            continue
        within = [m for m in mentions_within(sentence) if m.end > m.start]
        named = [m.actor for m in within if m.use == "actor"]
        places = tuple(dict.fromkeys(m.actor for m in within if m.use == "place" and m.actor not in named))
        subject = previous_named
        previous_named = named or previous_named if _opens_with(sentence.text, opening) else named
        dating = [t for t in timexes_within(sentence) if t.time.anchored]
        if not dating:
            continue
        text = SPACES_RE.sub(" ", sentence.text).strip().casefold()
        if text in seen:
            continue  # the same sentence again in one article: one telling
        seen.add(text)
        if not named and _opens_with(sentence.text, opening):
            named = list(subject)  # "He said...": the person of the sentence before
        best = min(dating, key=lambda t: (t.time.precision_rank, t.start))
        # The front matter's actors are what the article is about: they join a sentence
        # that names only countries and places, never one that names its own people,
        # groups or organisations ("Assad inherited the presidency in 2000" is not the
        # rebel group's, whatever the article is about).
        own = [a for a in named if a not in backdrop]
        actors = tuple(dict.fromkeys(named if own else named + list(article_actors)))
        events.append(Event(f"{article_slug}-{len(events) + 1}", article_slug, sentence, best, actors,
                            is_scheduled(sentence.text, best, dct, lang, sentence.start),
                            tuple(p for p in places if p not in actors)))
    return tuple(events)


def _opens_with(text: str, words: frozenset[str]) -> bool:
    first = FIRST_WORD_RE.search(text)
    return first is not None and first.group().casefold() in words


class _Within:
    """The items (with start/end) inside a sentence, in their given order. Found by bisection
    over their starts: scanning every item of the article for every sentence made a long
    article quadratic."""

    def __init__(self, items: Sequence[T]):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda k: (items[k].start, k))
        self.starts = [items[k].start for k in self.order]

    def __call__(self, sentence: Sentence) -> list[T]:
        window = self.order[bisect_left(self.starts, sentence.start):bisect_right(self.starts, sentence.end)]
        return [self.items[k] for k in sorted(window) if self.items[k].end <= sentence.end]
