"""The word lists of the dateline reader, loaded once per language set.

``generator/data/datelines.yaml`` holds the labels, widgets, time zones and byline words;
``generator/data/outlets.yaml`` the news agencies; month and weekday names are the
tagger's (``generator.timex.lexicon``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

import yaml

from generator.timex.lexicon import month_names, weekday_names


@dataclass(frozen=True)
class DatelineWords:
    months: dict[str, int]
    weekdays: dict[str, int]
    labels: tuple[str, ...]
    label_links: tuple[str, ...]
    widgets: tuple[str, ...]
    time_zones: tuple[str, ...]
    name_stops: frozenset[str]
    byline_words: tuple[str, ...]
    clock_words: tuple[str, ...]
    agencies: dict[str, str]  # folded name or alias -> the name Annals shows


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("generator").joinpath("data/datelines.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    text = resources.files("generator").joinpath("data/outlets.yaml").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for entry in yaml.safe_load(text):
        for name in (entry["name"], *entry.get("aliases", ())):
            table.setdefault(fold_outlet(name), entry["name"])
    return table


def default_languages(first: str = "en") -> tuple[str, ...]:
    """The article's language first, then the reader's usual languages."""
    base = (first or "en").lower().replace("_", "-").split("-")[0]
    return tuple(dict.fromkeys((base, *_data()["languages"])))


@functools.lru_cache(maxsize=16)
def dateline_words(languages: tuple[str, ...]) -> DatelineWords:
    data = _data()
    return DatelineWords(
        months=month_names(languages),
        weekdays=weekday_names(languages),
        labels=tuple(data["labels"]),
        label_links=tuple(data["label_links"]),
        widgets=tuple(data["widgets"]),
        time_zones=tuple(data["time_zones"]),
        name_stops=frozenset(data["name_stops"]),
        byline_words=tuple(data["byline_words"]),
        clock_words=tuple(data["clock_words"]),
        agencies=agencies(),
    )


@functools.lru_cache(maxsize=4096)  # an archive names a few hundred outlets, thousands of times
def fold_outlet(name: str) -> str:
    """How outlet names compare: case, accents, punctuation and a leading "the" ignored."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[^\W_]+", plain)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=4096)
def outlet_key(name: str) -> str:
    """One key per outlet: "The Associated Press", "AP" and "(AP)" are one outlet."""
    folded = fold_outlet(name)
    return fold_outlet(agencies().get(folded, folded))
